//! Self-voicing in the real settings window, through the real
//! speech-dispatcher (espeak-ng) writing into a WAV file: moving keyboard
//! focus is heard, and the speechd log holds the control's label.
//! A secret field is announced by its length only, never its characters.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ferrum_ui::window::App as _;
use std::time::{Duration, Instant};

use ferrum_accessibility::preferences::Preferences;
use ferrum_accessibility::tree::{Snapshot, SnapshotNode};
use ferrum_accessibility::{AccessibleInfo, Role};
use ferrum_integration_tests::driver::Driver;
use ferrum_services::SystemBus;
use ferrum_settings::App;
use ferrum_settings::cli::Options;
use ferrum_testbed::speech::SpeechDispatcher;
use ferrum_ui::theme::ThemeChoice;
use iced::keyboard::key::Named;

fn voiced_app(speechd: &SpeechDispatcher, dir: &std::path::Path) -> App {
    let preferences = dir.join("accessibility.toml");
    Preferences {
        self_voicing: true,
        ..Preferences::default()
    }
    .save(&preferences)
    .unwrap();
    let options = Options {
        panel: Some("power".into()),
        theme: Some(ThemeChoice::Light),
        preferences: Some(preferences),
        speech_socket: Some(speechd.socket().to_owned()),
        ..Options::default()
    };
    App::new(&options, SystemBus::with_address("unix:path=/nonexistent")).0
}

/// Waits until speechd's log mentions `text` (speech is asynchronous).
fn wait_for_log(speechd: &SpeechDispatcher, text: &str) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if speechd.log_text().contains(text) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

#[tokio::test(flavor = "multi_thread")]
async fn moving_focus_is_spoken() {
    let speechd = SpeechDispatcher::start().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let mut driver = Driver::new(
        voiced_app(&speechd, scratch.path()),
        iced::Size::new(960.0, 680.0),
    );

    driver.tap(Named::Tab).await;
    assert!(
        wait_for_log(&speechd, "Search settings, text field"),
        "speechd log lacks the focused control:\n{}",
        speechd.log_text()
    );
    driver.tap(Named::Tab).await;
    assert!(
        wait_for_log(&speechd, "Network, list item"),
        "speechd log lacks the first sidebar entry:\n{}",
        speechd.log_text()
    );
    driver.tap(Named::Tab).await;
    assert!(
        wait_for_log(&speechd, "Bluetooth, list item"),
        "speechd log lacks the second sidebar entry:\n{}",
        speechd.log_text()
    );
    driver.tap(Named::Tab).await;
    assert!(
        wait_for_log(&speechd, "Sound, list item"),
        "speechd log lacks the third sidebar entry:\n{}",
        speechd.log_text()
    );
    driver.tap(Named::Tab).await;
    assert!(
        wait_for_log(&speechd, "Printers, list item"),
        "speechd log lacks the fourth sidebar entry:\n{}",
        speechd.log_text()
    );
    driver.tap(Named::Tab).await;
    assert!(
        wait_for_log(&speechd, "Power, list item, selected"),
        "speechd log lacks the sidebar entry:\n{}",
        speechd.log_text()
    );
    // Give espeak time to render into the WAV, then check it is not silence.
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut amplitude = 0.0;
    while Instant::now() < deadline && amplitude <= 0.01 {
        std::thread::sleep(Duration::from_millis(200));
        amplitude = speechd.max_amplitude().unwrap_or(0.0);
    }
    assert!(
        amplitude > 0.01,
        "speech is silent (max amplitude {amplitude})"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_secret_field_is_spoken_by_length_only() {
    let speechd = SpeechDispatcher::start().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let mut app = voiced_app(&speechd, scratch.path());
    let secret = "hunter2";
    let mut said = Vec::new();
    // The tree a password field produces as each character is typed.
    for typed in 1..=secret.len() {
        let info = AccessibleInfo::new(Role::TextInput, "Password")
            .value(&secret[..typed])
            .secret(typed);
        let node = SnapshotNode {
            key: 42,
            id: Some(iced::advanced::widget::Id::new("password")),
            info,
            bounds: iced::Rectangle::new(iced::Point::ORIGIN, iced::Size::new(200.0, 30.0)),
            focused: true,
            activatable: false,
        };
        said.extend(app.take_snapshot(Snapshot { nodes: vec![node] }));
    }
    assert_eq!(
        said.first().map(String::as_str),
        // Turning reading aloud on is announced first.
        Some("Reading aloud on. Password, password field, 1 character")
    );
    assert_eq!(
        said.last().map(String::as_str),
        Some("Password, password field, 7 characters")
    );
    assert!(
        wait_for_log(&speechd, "7 characters"),
        "{}",
        speechd.log_text()
    );
    let log = speechd.log_text();
    // (Short fragments would match speechd's own voice list in the log.)
    for fragment in ["hunter2", "hunter", "unter2"] {
        assert!(
            !log.contains(fragment),
            "secret leaked into speech: {fragment}"
        );
    }
    assert!(said.iter().all(|utterance| !utterance.contains("hunt")));
}

#[tokio::test(flavor = "multi_thread")]
async fn missing_speech_service_is_explained_without_hanging() {
    use ferrum_accessibility::speech::SpeechStatus;
    use ferrum_integration_tests::next_matching;
    use ferrum_ui::window::Window;

    let scratch = tempfile::tempdir().unwrap();
    let mut a11y = Window::new(
        "ferrum-settings",
        || "Settings".to_owned(),
        Some(scratch.path().join("no-speechd.sock")),
    );
    let mut statuses = Box::pin(a11y.set_voicing(true).expect("a status stream"));
    let node = SnapshotNode {
        key: 7,
        id: Some(iced::advanced::widget::Id::new("button")),
        info: AccessibleInfo::new(Role::Button, "Apply"),
        bounds: iced::Rectangle::new(iced::Point::ORIGIN, iced::Size::new(80.0, 30.0)),
        focused: true,
        activatable: true,
    };
    let started = Instant::now();
    assert_eq!(
        a11y.take_snapshot(Snapshot { nodes: vec![node] }),
        Some("Reading aloud on. Apply, button".to_owned())
    );
    let status = next_matching(&mut statuses, "speech status", |status| {
        matches!(status, SpeechStatus::Unavailable(_))
    })
    .await
    .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "speech must not hang"
    );
    a11y.set_speech_status(status);
    let problem = a11y
        .speech_problem()
        .expect("the problem is kept for the page")
        .clone();

    // The Accessibility page says so, in words.
    let preferences = Preferences {
        self_voicing: true,
        ..Preferences::default()
    };
    let mut ui = iced_test::Simulator::with_settings(
        ferrum_integration_tests::simulator_settings(),
        ferrum_panels::accessibility::view(&preferences, Some(&problem)),
    );
    assert!(
        ui.find("Speech is not available: the speech service (speech-dispatcher) is not running.")
            .is_ok()
    );
}

/// At the login screen with reading aloud on, a refused password is heard (it is an alert,
/// said before the password field it returns to), and turning reading aloud on is heard too.
#[tokio::test(flavor = "multi_thread")]
async fn a_refused_password_is_heard_at_the_login_screen() {
    use ferrum_greeter::login::Link;
    use ferrum_greeter::{Greeter, Message, conversation, menus};
    use ferrum_testbed::fake_greetd::{FakeGreetd, Fault, Round};

    let _english = ferrum_i18n::hold_locale("en-US");
    let speechd = SpeechDispatcher::start().unwrap();
    let greetd = FakeGreetd::start(
        vec![("ada", vec![Round::Secret("Password: ", "hunter2")])],
        Fault::None,
    )
    .await;
    let scratch = tempfile::tempdir().unwrap();
    let config = scratch.path().join("greeter.toml");
    std::fs::write(
        &config,
        format!(
            "state_file = \"{}\"\n",
            scratch.path().join("state.toml").display()
        ),
    )
    .unwrap();
    let options = ferrum_greeter::app::Options {
        config: Some(config),
        layouts: None,
        speech_socket: Some(speechd.socket().to_owned()),
    };
    let link = Link::new(Some(greetd.path().to_owned())).with_timeout(Duration::from_secs(5));
    let greeter = Greeter::new(
        &options,
        SystemBus::with_address("unix:path=/nonexistent"),
        link,
    )
    .0;
    let mut driver = Driver::new(greeter, iced::Size::new(1024.0, 700.0));
    // Reading aloud on (its task follows the speech service forever: not run to its end).
    let _ = driver
        .app
        .update(Message::Menus(menus::Message::ToggleVoicing));
    // The next tree read says so (speech keeps only the latest sentence while it connects,
    // so wait for it before going on).
    driver
        .dispatch(Message::Window(ferrum_ui::window::Message::Nudge))
        .await;
    assert!(
        wait_for_log(&speechd, "Reading aloud on"),
        "turning reading aloud on is not heard:\n{}",
        speechd.log_text()
    );
    driver
        .dispatch(Message::Conversation(conversation::Message::ChooseUser(
            "ada".into(),
        )))
        .await;
    driver.redraw().await;
    driver.type_text("wrong").await;
    driver.tap(Named::Enter).await;
    driver.redraw().await;
    assert!(
        wait_for_log(
            &speechd,
            "That did not work. Check the password and try again. Password, password field"
        ),
        "the refusal is not heard before the field:\n{}",
        speechd.log_text()
    );
    let log = speechd.log_text();
    assert!(!log.contains("wrong"), "the typed answer was spoken");
}
