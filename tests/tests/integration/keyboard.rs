//! Keyboard alone, against the real power-profiles-daemon: from start, Tab
//! reaches the "Performance" choice, Enter chooses it, and the daemon's
//! ActiveProfile changes. Focus is drawn as a ring (golden image).
//!
//! The window is driven headlessly by `driver::Driver` (real widgets, real
//! focus traversal, the app's own shortcut mapping, its tasks run for real).
//! The page's live subscription is fed by the same stream the app subscribes
//! to (`power::profiles_stream`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ferrum_accessibility::Role;
use ferrum_integration_tests::driver::Driver;
use ferrum_integration_tests::{matches_golden, next_within};
use ferrum_panels::power;
use ferrum_panels::registry::Message as PageMessage;
use ferrum_services::SystemBus;
use ferrum_settings::cli::Options;
use ferrum_settings::{App, Message};
use ferrum_testbed::{Service, TestBed};
use ferrum_ui::theme::ThemeChoice;
use ferrum_ui::window::App as _;
use iced::keyboard::key::Named;

fn active_profile(bed: &TestBed) -> String {
    bed.active_profile().expect("ppd's ActiveProfile")
}

fn focused(driver: &Driver) -> Option<(Role, String)> {
    driver
        .app
        .accessible_tree()
        .focused()
        .map(|node| (node.info.role, node.info.name.clone()))
}

#[tokio::test(flavor = "multi_thread")]
async fn tab_and_enter_alone_change_the_power_profile() {
    let bed = TestBed::start(&[Service::Polkit, Service::PowerProfiles]).unwrap();
    let bus = SystemBus::with_address(bed.system_bus_address());
    let scratch = tempfile::tempdir().unwrap();
    let options = Options {
        panel: Some("power".into()),
        theme: Some(ThemeChoice::Light),
        preferences: Some(scratch.path().join("accessibility.toml")),
        ..Options::default()
    };
    let (app, _) = App::new(&options, bus.clone());
    let mut driver = Driver::new(app, iced::Size::new(960.0, 680.0));

    let mut profiles = Box::pin(power::profiles_stream(&bus));
    let first = next_within(&mut profiles, "first snapshot").await.unwrap();
    driver
        .dispatch(Message::Page(PageMessage::Power(first)))
        .await;
    assert_eq!(focused(&driver), None, "nothing focused at start");
    let before = driver.screenshot();

    let mut visited = Vec::new();
    for _ in 0..20 {
        driver.tap(Named::Tab).await;
        let now = focused(&driver).expect("Tab always lands on a control");
        visited.push(now.clone());
        if now == (Role::RadioButton, "Performance".to_owned()) {
            break;
        }
    }
    assert_eq!(
        visited.last(),
        Some(&(Role::RadioButton, "Performance".to_owned())),
        "Tab order: {visited:?}"
    );
    // Every stop on the way was a named control.
    assert!(
        visited.iter().all(|(_, name)| !name.is_empty()),
        "{visited:?}"
    );
    assert_eq!(visited[0], (Role::TextInput, "Search settings".to_owned()));

    // The ring is drawn: the frame differs from the unfocused one and matches its golden image.
    let (size, focused_frame) = driver.screenshot();
    assert_ne!(before.1, focused_frame, "focus must be visible");
    assert!(
        matches_golden("power-focus-ring-performance", size, &focused_frame),
        "focus ring snapshot differs"
    );

    driver.tap(Named::Enter).await;
    assert_eq!(active_profile(&bed), "performance");

    // Shift+Tab goes back the same way.
    let mut back = Vec::new();
    for _ in 0..2 {
        driver.tap(Named::ArrowUp).await;
        back.push(focused(&driver));
    }
    assert!(back.iter().all(Option::is_some));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_text_size_slider_moves_with_arrow_keys_and_is_saved() {
    let scratch = tempfile::tempdir().unwrap();
    let preferences = scratch.path().join("accessibility.toml");
    let options = Options {
        panel: Some("accessibility".into()),
        theme: Some(ThemeChoice::Light),
        preferences: Some(preferences.clone()),
        ..Options::default()
    };
    let (app, _) = App::new(&options, SystemBus::with_address("unix:path=/nonexistent"));
    let mut driver = Driver::new(app, iced::Size::new(960.0, 680.0));
    for _ in 0..20 {
        driver.tap(Named::Tab).await;
        if focused(&driver).is_some_and(|(role, _)| role == Role::Slider) {
            break;
        }
    }
    assert_eq!(
        focused(&driver),
        Some((Role::Slider, "Text size".to_owned()))
    );
    driver.tap(Named::ArrowRight).await;
    driver.tap(Named::ArrowRight).await;
    assert_eq!(driver.app.preferences().text_scale, 150);
    assert_eq!(driver.app.scale_factor(), 1.5);
    driver.tap(Named::ArrowLeft).await;
    assert_eq!(driver.app.preferences().text_scale, 125);
    // The slider reports its value to assistive technology, and the choice is kept.
    let slider = driver.app.accessible_tree().focused().cloned().unwrap();
    assert_eq!(slider.info.value.as_deref(), Some("125 %"));
    assert_eq!(
        ferrum_accessibility::Preferences::load(&preferences)
            .unwrap()
            .text_scale,
        125
    );
}
