//! The image e2e's Appearance key script (`image/e2e/appearance.keys`), run against the real
//! settings app on the host: the same keys the e2e sends to the VM over QMP, driven into the
//! window headlessly (`driver::Driver`), with the focus checked at every `focus` line. At the
//! script's `sync` points the test checks what the VM's portal report and screen check see
//! by other means: `appearance-page` — the Appearance page is open; `dark` — the dark style
//! is chosen on the page, saved to the person's preferences file (what Ferrum's portal
//! backend reads and the frontend forwards) and the window is drawn dark.
//!
//! The app starts as in the VM (no arguments: the default page, nothing focused, a 1280×800
//! window); the VM comes to the script from the Device Security page, which changes nothing
//! the script relies on (Escape and Ctrl+F, Ctrl+A, Backspace empty the search first).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use ferrum_accessibility::Preferences;
use ferrum_accessibility::preferences::ColorScheme;
use ferrum_integration_tests::driver::Driver;
use ferrum_integration_tests::script;
use ferrum_panels::PanelId;
use ferrum_services::SystemBus;
use ferrum_settings::cli::Options;
use ferrum_settings::{App, Message};
use ferrum_testbed::keyscript::{self, Step};
use ferrum_ui::theme::ThemeChoice;
use ferrum_ui::window;
use iced::Size;

/// The script, shared with the image e2e.
const SCRIPT: &str = include_str!("../../../image/e2e/appearance.keys");
/// The VM's screen.
const WINDOW: Size = Size::new(1280.0, 800.0);
/// How long saving the preferences (a task) may take.
const SAVED: Duration = Duration::from_secs(20);

#[tokio::test(flavor = "multi_thread")]
async fn the_appearance_key_script_picks_the_dark_style() {
    let steps = keyscript::parse_numbered(SCRIPT).unwrap_or_else(|error| panic!("{error}"));
    let scratch = tempfile::tempdir().unwrap();
    let preferences = scratch.path().join("accessibility.toml");
    let options = Options {
        preferences: Some(preferences.clone()),
        ..Options::default()
    };
    // No daemon is asked for anything on this page; an address nobody listens on keeps the
    // other pages from reaching the machine's bus.
    let bus = SystemBus::with_address(&format!(
        "unix:path={}",
        scratch.path().join("no-bus").display()
    ));
    let (app, task) = App::new(&options, bus);
    let mut driver = Driver::new(app, WINDOW);
    driver.start(task).await;
    driver
        .dispatch(Message::Window(window::Message::Nudge))
        .await;
    assert_eq!(script::focused(&driver), None, "nothing focused at start");
    assert_eq!(
        driver.app.theme_choice(),
        ThemeChoice::Light,
        "the window starts light"
    );

    for (line, step) in &steps {
        match step {
            Step::Press(_) | Step::Type(_) => {
                for chord in step.chords() {
                    driver.deliver(script::chord_events(&chord)).await;
                }
            }
            Step::Focus { role, name } => {
                assert_eq!(
                    script::focused(&driver),
                    Some((role.clone(), name.clone())),
                    "line {line}: `{step}`; the focusable controls:\n{}",
                    script::focusables(&driver)
                );
            }
            Step::Sync(point) => match point.as_str() {
                "appearance-page" => {
                    assert_eq!(driver.app.active(), PanelId::Appearance, "line {line}");
                }
                "dark" => {
                    let deadline = Instant::now() + SAVED;
                    let saved = loop {
                        driver.redraw().await;
                        let saved = Preferences::load(&preferences).unwrap_or_default();
                        if saved.color_scheme == Some(ColorScheme::Dark)
                            || Instant::now() >= deadline
                        {
                            break saved;
                        }
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    };
                    assert_eq!(
                        saved.color_scheme,
                        Some(ColorScheme::Dark),
                        "line {line}: the dark style is not in {}",
                        preferences.display()
                    );
                    assert_eq!(
                        driver.app.theme_choice(),
                        ThemeChoice::Dark,
                        "line {line}: the window is drawn dark"
                    );
                }
                other => panic!("line {line}: unknown sync point {other:?}"),
            },
        }
        eprintln!(
            "line {line}: {:<40} focus {:?}",
            step.to_string(),
            script::focused(&driver)
        );
    }
}
