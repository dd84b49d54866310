//! Tab to a control below the visible part of a long page and the page
//! scrolls so the control is seen whole (and back up with Shift+Tab), as GTK
//! and Qt do: keyboard and magnifier users see where the focus is.
//!
//! The Accessibility page in a window 300 px high (it needs no daemon), driven
//! headlessly by `driver::Driver`: real widgets, real focus moves, the tasks
//! `update` returns run for real. Where the page is scrolled and where the
//! focused control lies are read from the live widget tree by an operation.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::{Arc, Mutex};

use ferrum_integration_tests::driver::Driver;
use ferrum_panels::registry::PanelId;
use ferrum_services::SystemBus;
use ferrum_settings::cli::Options;
use ferrum_settings::{App, Message, ids};
use ferrum_ui::theme::ThemeChoice;
use iced::advanced::widget::operation::{Focusable, Scrollable};
use iced::advanced::widget::{Id, Operation, operate};
use iced::keyboard::key::{Named, NativeCode, Physical};
use iced::keyboard::{self, Key, Modifiers};
use iced::{Event, Rectangle, Vector};

/// The page's scrollable and the focused control, as the widget tree has them
/// (a scrollable's content is laid out unscrolled: on screen, a control inside
/// it is moved up by the scrollable's translation).
#[derive(Debug, Clone, Copy, Default)]
struct View {
    page: Option<(Rectangle, Vector)>,
    focused: Option<Rectangle>,
}

impl View {
    /// The focused control, when it is on the page (not in the sidebar).
    fn focused_on_page(&self) -> Option<Rectangle> {
        let (page, _) = self.page?;
        self.focused.filter(|control| {
            control.x >= page.x && control.x + control.width <= page.x + page.width
        })
    }

    /// How far the page is scrolled down.
    fn offset(&self) -> f32 {
        self.page.expect("the page's scrollable").1.y
    }

    /// Whether `control` is seen whole in the page's viewport.
    fn shows(&self, control: Rectangle) -> bool {
        let (viewport, translation) = self.page.expect("the page's scrollable");
        let top = control.y - translation.y;
        top >= viewport.y && top + control.height <= viewport.y + viewport.height
    }
}

struct Read(Arc<Mutex<View>>);

impl Operation for Read {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn scrollable(
        &mut self,
        id: Option<&Id>,
        bounds: Rectangle,
        _content_bounds: Rectangle,
        translation: Vector,
        _state: &mut dyn Scrollable,
    ) {
        if id == Some(&Id::from(ids::PAGE)) {
            self.0.lock().unwrap().page = Some((bounds, translation));
        }
    }

    fn focusable(&mut self, _id: Option<&Id>, bounds: Rectangle, state: &mut dyn Focusable) {
        if state.is_focused() {
            self.0.lock().unwrap().focused = Some(bounds);
        }
    }
}

async fn view(driver: &mut Driver) -> View {
    let seen = Arc::new(Mutex::new(View::default()));
    driver
        .start(operate(Read(Arc::clone(&seen))).discard())
        .await;
    *seen.lock().unwrap()
}

/// Presses and releases Shift+Tab, as a keyboard would.
async fn shift_tab(driver: &mut Driver) {
    let shift = Modifiers::SHIFT;
    let key = Key::Named(Named::Tab);
    let physical = Physical::Unidentified(NativeCode::Unidentified);
    let events = vec![
        Event::Keyboard(keyboard::Event::KeyPressed {
            key: key.clone(),
            modified_key: key.clone(),
            physical_key: physical,
            location: keyboard::Location::Standard,
            modifiers: shift,
            repeat: false,
            text: None,
        }),
        Event::Keyboard(keyboard::Event::KeyReleased {
            key: key.clone(),
            modified_key: key,
            physical_key: physical,
            location: keyboard::Location::Standard,
            modifiers: shift,
        }),
    ];
    driver.deliver(events).await;
}

fn focused_name(driver: &Driver) -> String {
    driver
        .app
        .accessible_tree()
        .focused()
        .map(|node| node.info.name.clone())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn tab_scrolls_the_focused_control_into_view_and_shift_tab_back() {
    let scratch = tempfile::tempdir().unwrap();
    let options = Options {
        panel: Some("accessibility".into()),
        theme: Some(ThemeChoice::Light),
        preferences: Some(scratch.path().join("accessibility.toml")),
        ..Options::default()
    };
    let (app, _) = App::new(&options, SystemBus::with_address("unix:path=/nonexistent"));
    let mut driver = Driver::new(app, iced::Size::new(1280.0, 300.0));
    driver.redraw().await;
    let start = view(&mut driver).await;
    assert_eq!(start.offset(), 0.0, "the page starts at its top");
    assert_eq!(start.focused, None, "nothing focused at start");

    // Forward through the whole page: every control Tab lands on is in sight.
    let mut page_stops = Vec::new();
    let mut below_at_start = Vec::new();
    for _ in 0..60 {
        driver.tap(Named::Tab).await;
        let now = view(&mut driver).await;
        let name = focused_name(&driver);
        if let Some(control) = now.focused_on_page() {
            assert!(
                now.shows(control),
                "Tab to {name:?} at {control:?} left it out of sight (page scrolled by {})",
                now.offset()
            );
            if !start.shows(control) {
                below_at_start.push(name.clone());
            }
            page_stops.push((name, now.offset()));
        } else if !page_stops.is_empty() {
            // Out of the page again (back to the sidebar): the page was gone through.
            break;
        }
    }
    assert!(
        !below_at_start.is_empty(),
        "the page must be taller than the window for this test: {page_stops:?}"
    );
    let deepest = page_stops
        .iter()
        .map(|(_, offset)| *offset)
        .fold(0.0, f32::max);
    assert!(deepest > 0.0, "the page scrolled down: {page_stops:?}");

    // And back: Shift+Tab from the sidebar wraps to the page's last control,
    // then goes up to its first; each one is in sight when it is focused.
    let first = page_stops.first().unwrap().0.clone();
    let mut reached_first = false;
    for _ in 0..page_stops.len() {
        shift_tab(&mut driver).await;
        let now = view(&mut driver).await;
        let name = focused_name(&driver);
        let control = now
            .focused_on_page()
            .unwrap_or_else(|| panic!("Shift+Tab left the page early, at {name:?}"));
        assert!(
            now.shows(control),
            "Shift+Tab to {name:?} at {control:?} left it out of sight (page scrolled by {})",
            now.offset()
        );
        if name == first {
            reached_first = true;
            assert!(
                now.offset() < deepest,
                "the page scrolled back up to {name:?}"
            );
            break;
        }
    }
    assert!(reached_first, "Shift+Tab came back to {first:?}");
}

/// A page opens at its top, whatever the page before it was scrolled to: the one scrollable
/// holds every page in turn, and used to keep the last page's offset (the image showed Device
/// Security opened half-way down after the Sound page had been scrolled to its end).
#[tokio::test(flavor = "multi_thread")]
async fn another_page_opens_at_its_top() {
    let scratch = tempfile::tempdir().unwrap();
    let options = Options {
        panel: Some("accessibility".into()),
        theme: Some(ThemeChoice::Light),
        preferences: Some(scratch.path().join("accessibility.toml")),
        ..Options::default()
    };
    let (app, _) = App::new(&options, SystemBus::with_address("unix:path=/nonexistent"));
    let mut driver = Driver::new(app, iced::Size::new(1280.0, 300.0));
    driver.redraw().await;
    // Shift+Tab twice: nothing focused, then round to the page's last control, which the
    // page scrolls into view.
    shift_tab(&mut driver).await;
    shift_tab(&mut driver).await;
    let scrolled = view(&mut driver).await;
    assert!(
        scrolled.offset() > 0.0,
        "the Accessibility page scrolled to its last control ({:?})",
        focused_name(&driver)
    );
    for panel in [PanelId::About, PanelId::Accessibility] {
        driver.dispatch(Message::SelectPanel(panel)).await;
        driver.redraw().await;
        assert_eq!(
            view(&mut driver).await.offset(),
            0.0,
            "{panel:?} opened at its top"
        );
    }
}

/// A view that opens in place of a scrolled page opens at its top, also when it grows after
/// it was shown: the Apps page's permissions, opened with the keyboard from a page scrolled
/// down, first show "Loading…" (shorter than the window, so the page is drawn unscrolled)
/// and then their long list. The page's scrollable kept the offset it had before (iced keeps
/// an offset the content is too short for, and draws it again once the content is long
/// enough), so the list came in scrolled down, its title and the focused Close button out of
/// sight (the demo's app-permissions pictures).
#[tokio::test(flavor = "multi_thread")]
async fn a_view_that_grows_after_the_focus_moved_keeps_the_focus_in_sight() {
    use ferrum_panels::apps;
    use ferrum_panels::registry::Message as PageMessage;
    use ferrum_services::apps::{InstallationKind, Overrides};

    let options = Options {
        panel: Some("apps".into()),
        theme: Some(ThemeChoice::Light),
        ..Options::default()
    };
    let (mut app, _) = App::new(&options, SystemBus::with_address("unix:path=/nonexistent"));
    app.pages.apps = apps::sample::page();
    let mut driver = Driver::new(app, iced::Size::new(1280.0, 500.0));
    driver.redraw().await;
    let maps = apps::sample::app(InstallationKind::User, apps::sample::MAPS);
    let permissions_button = Id::from(ferrum_panels::ids::apps_installed(&maps, "permissions"));

    // Shift+Tab round to the page's end, then up to Maps' Permissions button.
    let mut scrolled_to_end = false;
    for _ in 0..40 {
        shift_tab(&mut driver).await;
        scrolled_to_end |= view(&mut driver).await.offset() > 0.0;
        let tree = driver.app.accessible_tree();
        if tree
            .focused()
            .is_some_and(|node| node.id.as_ref() == Some(&permissions_button))
        {
            break;
        }
    }
    assert!(
        scrolled_to_end,
        "the page must be taller than the window for this test"
    );
    let before = view(&mut driver).await;
    assert!(
        before.offset() > 0.0,
        "on Maps' Permissions button the page is still scrolled ({:?})",
        focused_name(&driver)
    );

    // Return: the permissions open, Close focused, while their choices are read.
    driver.tap(Named::Enter).await;
    assert_eq!(
        focused_name(&driver),
        "Close",
        "the permissions opened with Close focused"
    );
    // The choices arrive: the view grows longer than the window.
    driver
        .dispatch(Message::Page(PageMessage::Apps(
            apps::Message::Permissions(apps::permissions::Message::Read {
                app: maps,
                overrides: Ok(Overrides::default()),
                grants: Ok(Vec::new()),
            }),
        )))
        .await;
    driver.redraw().await;
    let now = view(&mut driver).await;
    let close = now.focused_on_page().expect("Close is focused");
    assert!(
        now.shows(close),
        "Close at {close:?} is out of sight: the page came back scrolled by {}",
        now.offset()
    );
    assert_eq!(now.offset(), 0.0, "the permissions show from their title");
}
