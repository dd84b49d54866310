//! The login screen, driven headlessly like the real window (real widgets,
//! real focus traversal, its tasks run for real) against a fake greetd that
//! speaks greetd's real IPC: a login, a wrong password (message shown, field
//! cleared, retry works), a two-step prompt, PAM messages, greetd dropping
//! the connection or sending garbage mid-conversation, keyboard-only use,
//! the user list from the real accounts-daemon, and golden images of the
//! screen (default, error shown, layout menu open, high contrast, Arabic).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ferrum_ui::window::App as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ferrum_accessibility::Role;
use ferrum_greeter::app::{Menu, Options};
use ferrum_greeter::login::{Link, Phase, Problem};
use ferrum_greeter::{Greeter, Message, PromptKind, conversation, menus, status};
use ferrum_integration_tests::driver::Driver;
use ferrum_integration_tests::{assert_golden, next_matching};
use ferrum_services::accounts::UserAccount;
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_testbed::fake_greetd::{FakeGreetd, Fault, Round};
use ferrum_testbed::{Service, TestBed};
use iced::keyboard::key::Named;

const WINDOW: iced::Size = iced::Size::new(1024.0, 700.0);

/// The locale is process-wide and tests run in parallel: every test holds it for its
/// whole body, English (shared with the other English tests) unless it switches the
/// language, which it then does alone (`use_locale`).
fn english() -> ferrum_i18n::LocaleGuard {
    ferrum_i18n::hold_locale("en-US")
}

/// A greeter's world: settings file, sessions, layouts, remembered state.
struct Scene {
    dir: tempfile::TempDir,
}

impl Scene {
    fn new(extra_config: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let sessions = dir.path().join("wayland-sessions");
        std::fs::create_dir_all(&sessions).unwrap();
        std::fs::write(
            sessions.join("sway.desktop"),
            "[Desktop Entry]\nName=Sway\nExec=sway --unsupported-gpu\nType=Application\n",
        )
        .unwrap();
        std::fs::write(
            sessions.join("ferrum.desktop"),
            "[Desktop Entry]\nName=Ferrum\nExec=ferrum-session\nType=Application\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("evdev.lst"),
            "! layout\n  us   English (US)\n  de   German\n  fr   French\n  ara  Arabic\n  ua   Ukrainian\n",
        )
        .unwrap();
        // The machine's appearance defaults: none unless a test writes them
        // (never the host's own /etc/ferrum/appearance.toml).
        let config = format!(
            "session_dirs = [\"{}\"]\nstate_file = \"{}\"\nappearance = \"{}\"\nkeyboard_layouts = [\"us\", \"de\"]\ndefault_session = \"ferrum\"\n{extra_config}",
            sessions.display(),
            dir.path().join("state/state.toml").display(),
            dir.path().join("appearance.toml").display(),
        );
        std::fs::write(dir.path().join("greeter.toml"), config).unwrap();
        Self { dir }
    }

    /// Grace has an account picture.
    fn people(&self) -> Vec<UserAccount> {
        let face = self.dir.path().join("grace.png");
        picture(&face, (96, 96), [0xE0, 0x60, 0x20], [0x20, 0x40, 0xA0]);
        let mut people = people();
        people[1].icon = Some(face);
        people
    }

    fn options(&self) -> Options {
        Options {
            config: Some(self.dir.path().join("greeter.toml")),
            layouts: Some(self.dir.path().join("evdev.lst")),
            speech_socket: None,
        }
    }

    /// The machine's appearance defaults (missing unless written).
    fn appearance(&self) -> PathBuf {
        self.dir.path().join("appearance.toml")
    }

    fn state_file(&self) -> PathBuf {
        self.dir.path().join("state/state.toml")
    }

    fn greeter(&self, greetd: &Path) -> Greeter {
        let link = Link::new(Some(greetd.to_owned())).with_timeout(Duration::from_secs(5));
        Greeter::new(
            &self.options(),
            SystemBus::with_address("unix:path=/nonexistent"),
            link,
        )
        .0
    }
}

/// A PNG picture: a diagonal blend of two colours (an account picture or a background).
fn picture(path: &Path, size: (u32, u32), from: [u8; 3], to: [u8; 3]) {
    let file = std::fs::File::create(path).unwrap();
    let mut encoder = png::Encoder::new(file, size.0, size.1);
    encoder.set_color(png::ColorType::Rgb);
    let mut writer = encoder.write_header().unwrap();
    let mut pixels = Vec::new();
    for y in 0..size.1 {
        for x in 0..size.0 {
            let t = (x + y) as f32 / (size.0 + size.1) as f32;
            for c in 0..3 {
                pixels.push((f32::from(from[c]) * (1.0 - t) + f32::from(to[c]) * t) as u8);
            }
        }
    }
    writer.write_image_data(&pixels).unwrap();
}

fn people() -> Vec<UserAccount> {
    [
        ("ada", "Ada Lovelace", 1000),
        ("grace", "Grace Hopper", 1001),
        ("carol", "Carol Shaw", 1002),
    ]
    .into_iter()
    .map(|(name, real_name, uid)| UserAccount {
        name: name.into(),
        real_name: Some(real_name.into()),
        icon: None,
        language: None,
        session: None,
        uid,
    })
    .collect()
}

fn accounts() -> Vec<(&'static str, Vec<Round>)> {
    vec![
        ("ada", vec![Round::Secret("Password: ", "hunter2")]),
        (
            "grace",
            vec![
                Round::Secret("Password: ", "cobol"),
                Round::Visible("Verification code: ", "123456"),
            ],
        ),
        ("dora", vec![Round::Secret("Password: ", "Zürich@")]),
        (
            "carol",
            vec![
                Round::Info("Your password expires in 3 days"),
                Round::Secret("Password: ", "river"),
            ],
        ),
    ]
}

async fn driver_for(scene: &Scene, greetd: &FakeGreetd) -> Driver<Greeter> {
    let mut driver = Driver::new(scene.greeter(greetd.path()), WINDOW);
    driver
        .dispatch(Message::Conversation(conversation::Message::UsersUpdated(
            ServiceUpdate::Available(scene.people()),
        )))
        .await;
    // A fixed moment, so that images do not depend on the time of the run.
    driver
        .dispatch(Message::Status(status::Message::Tick(
            "2026-11-29T10:32:00[UTC]".parse().unwrap(),
        )))
        .await;
    driver.redraw().await;
    driver
}

/// Whether the greeter ever asked greetd to start a session: the fake greetd's own
/// gate (it refuses an unauthenticated start) must not be what keeps a test green.
fn start_session_sent(greetd: &FakeGreetd) -> bool {
    greetd
        .record()
        .requests
        .iter()
        .any(|request| request.contains("start_session"))
}

fn focused(driver: &Driver<Greeter>) -> Option<(Role, String)> {
    driver
        .app
        .accessible_tree()
        .focused()
        .map(|node| (node.info.role, node.info.name.clone()))
}

fn assert_prompt(driver: &Driver<Greeter>, kind: PromptKind, text: &str) {
    match driver.app.phase() {
        Phase::Prompt(prompt) => {
            assert_eq!(prompt.kind, kind);
            assert_eq!(prompt.text, text);
        }
        other => panic!("expected the prompt {text:?}, got {other:?}"),
    }
}

async fn answer(driver: &mut Driver<Greeter>, text: &str) {
    driver.type_text(text).await;
    assert_eq!(
        driver.app.answer_length(),
        text.chars().count(),
        "typed into the field"
    );
    driver.tap(Named::Enter).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_password_clears_the_field_and_the_retry_logs_in() {
    let _english = english();
    let greetd = FakeGreetd::start(accounts(), Fault::None).await;
    let scene = Scene::new("");
    let mut driver = driver_for(&scene, &greetd).await;

    driver
        .dispatch(Message::Conversation(conversation::Message::ChooseUser(
            "ada".into(),
        )))
        .await;
    driver.redraw().await;
    assert_prompt(&driver, PromptKind::Secret, "Password: ");
    assert_eq!(
        focused(&driver),
        Some((Role::PasswordInput, "Password".into())),
        "the password field has the focus"
    );

    answer(&mut driver, "wrong").await;
    assert_eq!(driver.app.problem(), Some(&Problem::WrongAnswer));
    assert_prompt(&driver, PromptKind::Secret, "Password: ");
    assert_eq!(driver.app.answer_length(), 0, "the field is cleared");
    assert!(
        !start_session_sent(&greetd),
        "no session after a wrong password: start_session was never sent"
    );
    let tree = driver.app.accessible_tree();
    assert!(
        tree.nodes
            .iter()
            .any(|n| n.info.name.contains("did not work")),
        "the failure is shown"
    );

    answer(&mut driver, "hunter2").await;
    assert_eq!(driver.app.phase(), &Phase::Started);
    let (command, environment) = greetd.record().started.expect("a session started");
    assert_eq!(
        command,
        ["ferrum-session"],
        "the configured default session"
    );
    assert!(
        environment.contains(&"LANG=en_US.UTF-8".to_owned()),
        "{environment:?}"
    );
    assert!(
        environment.contains(&"XKB_DEFAULT_LAYOUT=us".to_owned()),
        "{environment:?}"
    );
    assert!(
        environment.contains(&"XDG_SESSION_TYPE=wayland".to_owned()),
        "{environment:?}"
    );

    let remembered = std::fs::read_to_string(scene.state_file()).unwrap();
    assert!(remembered.contains("last_user = \"ada\""), "{remembered}");
    assert!(remembered.contains("ada = \"ferrum\""), "{remembered}");
}

#[tokio::test(flavor = "multi_thread")]
async fn chosen_session_layout_and_language_reach_the_session() {
    // Switches the language on the way: alone, and English again afterwards.
    let _locale = ferrum_i18n::use_locale("en-US");
    let greetd = FakeGreetd::start(accounts(), Fault::None).await;
    let scene = Scene::new("");
    let mut driver = driver_for(&scene, &greetd).await;
    driver
        .dispatch(Message::Conversation(conversation::Message::ChooseUser(
            "ada".into(),
        )))
        .await;
    driver
        .dispatch(Message::Menus(menus::Message::OpenMenu(Menu::Session)))
        .await;
    driver
        .dispatch(Message::Menus(menus::Message::ChooseSession("sway".into())))
        .await;
    driver
        .dispatch(Message::Menus(menus::Message::OpenMenu(Menu::Layout)))
        .await;
    driver
        .dispatch(Message::Menus(menus::Message::ChooseLayout("de".into())))
        .await;
    driver
        .dispatch(Message::Menus(menus::Message::OpenMenu(Menu::Language)))
        .await;
    driver
        .dispatch(Message::Menus(menus::Message::ChooseLanguage("de")))
        .await;
    driver.redraw().await;
    let tree = driver.app.accessible_tree();
    assert!(
        tree.controls().any(|n| n.info.name == "Tastatur: DE"),
        "the layout indicator, in German: {:?}",
        tree.controls()
            .map(|n| n.info.name.clone())
            .collect::<Vec<_>>()
    );
    driver
        .dispatch(Message::Menus(menus::Message::ChooseLanguage("en-US")))
        .await;
    driver.redraw().await;
    answer(&mut driver, "hunter2").await;
    let (command, environment) = greetd.record().started.expect("a session started");
    assert_eq!(command, ["sway", "--unsupported-gpu"]);
    assert!(
        environment.contains(&"XKB_DEFAULT_LAYOUT=de".to_owned()),
        "{environment:?}"
    );
    assert!(
        environment.contains(&"XDG_SESSION_DESKTOP=sway".to_owned()),
        "{environment:?}"
    );
    assert!(
        environment.contains(&"LANG=en_US.UTF-8".to_owned()),
        "{environment:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn two_step_prompt_and_pam_messages() {
    let _english = english();
    let greetd = FakeGreetd::start(accounts(), Fault::None).await;
    let scene = Scene::new("");
    let mut driver = driver_for(&scene, &greetd).await;

    // Password, then a visible one-time code.
    driver
        .dispatch(Message::Conversation(conversation::Message::ChooseUser(
            "grace".into(),
        )))
        .await;
    driver.redraw().await;
    answer(&mut driver, "cobol").await;
    assert_prompt(&driver, PromptKind::Visible, "Verification code: ");
    assert_eq!(
        focused(&driver),
        Some((Role::TextInput, "Verification code".into()))
    );
    answer(&mut driver, "123456").await;
    assert_eq!(driver.app.phase(), &Phase::Started);

    // An information message first, acknowledged with Enter on Continue.
    let greetd = FakeGreetd::start(accounts(), Fault::None).await;
    let mut driver = driver_for(&scene, &greetd).await;
    driver
        .dispatch(Message::Conversation(conversation::Message::ChooseUser(
            "carol".into(),
        )))
        .await;
    driver.redraw().await;
    assert!(
        matches!(driver.app.phase(), Phase::Notice(n) if n.text == "Your password expires in 3 days")
    );
    assert_eq!(focused(&driver), Some((Role::Button, "Continue".into())));
    driver.tap(Named::Enter).await;
    assert_prompt(&driver, PromptKind::Secret, "Password: ");
    answer(&mut driver, "river").await;
    assert_eq!(driver.app.phase(), &Phase::Started);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dropped_or_garbled_connection_returns_to_a_clean_prompt() {
    let _english = english();
    // Request 2 is the answer: greetd hangs up, or replies with garbage or 4 GiB.
    for fault in [
        Fault::DisconnectAt(2),
        Fault::MalformedAt(2),
        Fault::OversizedAt(2),
    ] {
        let greetd = FakeGreetd::start(accounts(), fault).await;
        let scene = Scene::new("");
        let mut driver = driver_for(&scene, &greetd).await;
        driver
            .dispatch(Message::Conversation(conversation::Message::ChooseUser(
                "ada".into(),
            )))
            .await;
        driver.redraw().await;
        driver.type_text("hunter2").await;
        // The reconnect happens within the same dispatch; its result is a new prompt.
        driver.tap(Named::Enter).await;
        assert_eq!(
            driver.app.problem(),
            Some(&Problem::ServiceLost),
            "{fault:?}"
        );
        assert_prompt(&driver, PromptKind::Secret, "Password: ");
        assert_eq!(driver.app.answer_length(), 0, "{fault:?}: a clean field");
        assert!(
            !start_session_sent(&greetd),
            "{fault:?}: no session (start_session was never sent)"
        );
        answer(&mut driver, "hunter2").await;
        assert_eq!(driver.app.phase(), &Phase::Started, "{fault:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn keyboard_alone_logs_in_and_escape_goes_back() {
    let _english = english();
    let greetd = FakeGreetd::start(accounts(), Fault::None).await;
    let scene = Scene::new("");
    let mut driver = driver_for(&scene, &greetd).await;
    let mut seen = Vec::new();
    for _ in 0..12 {
        driver.tap(Named::Tab).await;
        let now = focused(&driver);
        seen.push(now.clone());
        if now == Some((Role::ListItem, "Grace Hopper".into())) {
            break;
        }
    }
    assert_eq!(
        focused(&driver),
        Some((Role::ListItem, "Grace Hopper".into())),
        "Tab reaches the list: {seen:?}"
    );
    driver.tap(Named::Enter).await;
    assert_eq!(driver.app.user(), Some("grace"));
    assert_prompt(&driver, PromptKind::Secret, "Password: ");
    // Escape goes back to the list and cancels the conversation.
    driver.tap(Named::Escape).await;
    assert_eq!(driver.app.phase(), &Phase::ChooseUser);
    assert!(
        greetd
            .record()
            .requests
            .iter()
            .any(|r| r.contains("cancel_session"))
    );

    // Every control on the screen is named.
    let unnamed: Vec<_> = driver
        .app
        .accessible_tree()
        .controls()
        .filter(|n| n.info.name.trim().is_empty())
        .map(|n| n.info.role)
        .collect();
    assert!(unnamed.is_empty(), "unnamed controls: {unnamed:?}");

    // Other user, typed by name.
    driver
        .dispatch(Message::Conversation(conversation::Message::OtherUser))
        .await;
    driver.redraw().await;
    assert_eq!(
        focused(&driver),
        Some((Role::TextInput, "User name".into()))
    );
    driver.type_text("ada").await;
    driver.tap(Named::Enter).await;
    assert_prompt(&driver, PromptKind::Secret, "Password: ");
    answer(&mut driver, "hunter2").await;
    assert_eq!(driver.app.phase(), &Phase::Started);
}

#[tokio::test(flavor = "multi_thread")]
async fn caps_lock_is_warned_about_and_the_shortcut_starts_reading_aloud() {
    let _english = english();
    let greetd = FakeGreetd::start(accounts(), Fault::None).await;
    let scene = Scene::new("");
    let mut driver = driver_for(&scene, &greetd).await;
    driver
        .dispatch(Message::Conversation(conversation::Message::ChooseUser(
            "ada".into(),
        )))
        .await;
    driver.redraw().await;
    driver.type_text("A").await;
    assert!(driver.app.caps_lock_warning(), "upper case without Shift");
    assert!(
        driver
            .app
            .accessible_tree()
            .nodes
            .iter()
            .any(|n| n.info.name == "Caps Lock is on")
    );
    driver.type_text("a").await;
    assert!(!driver.app.caps_lock_warning());

    // Super+Alt+S means "read aloud" even while the password field has the
    // focus (the field takes the key press; the window still sees it).
    let key = iced::keyboard::Key::Character("s".into());
    let chord = iced::keyboard::Event::KeyPressed {
        key: key.clone(),
        modified_key: key,
        physical_key: iced::keyboard::key::Physical::Code(iced::keyboard::key::Code::KeyS),
        location: iced::keyboard::Location::Standard,
        modifiers: iced::keyboard::Modifiers::LOGO | iced::keyboard::Modifiers::ALT,
        text: None,
        repeat: false,
    };
    let messages = <Greeter as ferrum_integration_tests::driver::Drivable>::keyboard(chord, true);
    assert!(
        matches!(
            messages.as_slice(),
            [Message::Menus(menus::Message::ToggleVoicing)]
        ),
        "{messages:?}"
    );
    assert!(!driver.app.voicing());
    // (The task it returns follows the speech service for as long as voicing
    // is on, so it is not run to its end here.)
    let _ = driver
        .app
        .update(Message::Menus(menus::Message::ToggleVoicing));
    assert!(driver.app.voicing(), "the shortcut starts reading aloud");
    let _ = driver
        .app
        .update(Message::Menus(menus::Message::ToggleVoicing));
    assert!(!driver.app.voicing(), "and stops it");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_settings_file_is_explained_and_defaults_apply() {
    let _english = english();
    let greetd = FakeGreetd::start(accounts(), Fault::None).await;
    let scene = Scene::new("");
    std::fs::write(
        scene.dir.path().join("greeter.toml"),
        "hide_user_list = \"yes\"\n",
    )
    .unwrap();
    let mut driver = driver_for(&scene, &greetd).await;
    let names: Vec<String> = driver
        .app
        .accessible_tree()
        .nodes
        .iter()
        .map(|n| n.info.name.clone())
        .collect();
    assert!(
        names.iter().any(|n| n.contains("could not be read")),
        "{names:?}"
    );
    // The defaults still log people in.
    driver
        .dispatch(Message::Conversation(conversation::Message::ChooseUser(
            "ada".into(),
        )))
        .await;
    answer(&mut driver, "hunter2").await;
    assert_eq!(driver.app.phase(), &Phase::Started);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_user_list_comes_from_the_real_accounts_daemon() {
    let _english = english();
    let bed = TestBed::start(&[Service::Accounts]).unwrap();
    let bus = SystemBus::with_address(bed.system_bus_address());
    let greetd = FakeGreetd::start(accounts(), Fault::None).await;
    let scene = Scene::new("");
    let (greeter, _) = Greeter::new(
        &scene.options(),
        bus.clone(),
        Link::new(Some(greetd.path().to_owned())),
    );
    let mut driver = Driver::new(greeter, WINDOW);
    let mut users = Box::pin(ferrum_greeter::app::users_stream(&bus));
    let listed = next_matching(&mut users, "Ada and Grace listed", |message| {
        matches!(message, Message::Conversation(conversation::Message::UsersUpdated(ServiceUpdate::Available(users))) if users.len() >= 2)
    })
    .await
    .unwrap();
    driver.dispatch(listed).await;
    driver.redraw().await;
    let items: Vec<String> = driver
        .app
        .accessible_tree()
        .controls()
        .filter(|n| n.info.role == Role::ListItem)
        .map(|n| n.info.name.clone())
        .collect();
    assert_eq!(items, ["Ada Lovelace", "Grace Hopper", "Other user…"]);
}

async fn golden(driver: &mut Driver<Greeter>, name: &str) {
    driver.redraw().await;
    let (size, rgba) = driver.screenshot();
    assert_golden(name, size, &rgba);
}

#[tokio::test(flavor = "multi_thread")]
async fn snapshots_of_the_login_screen() {
    // Switches the language on the way: alone, and English again afterwards.
    let _locale = ferrum_i18n::use_locale("en-US");
    let greetd = FakeGreetd::start(accounts(), Fault::None).await;
    let scene = Scene::new("");

    let mut driver = driver_for(&scene, &greetd).await;
    golden(&mut driver, "greeter-default").await;

    driver
        .dispatch(Message::Conversation(conversation::Message::ChooseUser(
            "ada".into(),
        )))
        .await;
    driver.redraw().await;
    answer(&mut driver, "wrong").await;
    golden(&mut driver, "greeter-error").await;

    driver
        .dispatch(Message::Menus(menus::Message::OpenMenu(Menu::Layout)))
        .await;
    golden(&mut driver, "greeter-layout-menu").await;

    driver
        .dispatch(Message::Menus(menus::Message::CloseMenu))
        .await;
    driver
        .dispatch(Message::Menus(menus::Message::ToggleHighContrast))
        .await;
    golden(&mut driver, "greeter-high-contrast").await;

    let mut driver = driver_for(&scene, &greetd).await;
    driver
        .dispatch(Message::Menus(menus::Message::ChooseLanguage("ar")))
        .await;
    driver
        .dispatch(Message::Status(status::Message::Tick(
            "2026-11-29T10:32:00[UTC]".parse().unwrap(),
        )))
        .await;
    golden(&mut driver, "greeter-ar").await;
    // Back to English for the rest (the guard holds the locale for this test alone).
    ferrum_i18n::set_locale("en-US");

    // A background picture from the settings file.
    let backdrop = scene.dir.path().join("backdrop.png");
    picture(
        &backdrop,
        (320, 200),
        [0x10, 0x50, 0x60],
        [0x60, 0x20, 0x50],
    );
    let scene = Scene::new(&format!("background = \"{}\"\n", backdrop.display()));
    let mut driver = driver_for(&scene, &greetd).await;
    // `new` decodes the background off the UI thread; its answer:
    let background = ferrum_greeter::pictures::background(&backdrop);
    driver
        .dispatch(Message::BackgroundDecoded(background))
        .await;
    golden(&mut driver, "greeter-background").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_login_screen_follows_a_light_machine_default_with_an_accent() {
    let _english = english();
    let greetd = FakeGreetd::start(accounts(), Fault::None).await;
    let scene = Scene::new("");
    std::fs::write(
        scene.appearance(),
        "color_scheme = \"light\"\naccent = \"#1f62c9\"\n",
    )
    .unwrap();
    let mut driver = driver_for(&scene, &greetd).await;
    driver
        .dispatch(Message::Conversation(conversation::Message::ChooseUser(
            "ada".into(),
        )))
        .await;
    driver.redraw().await;
    assert_prompt(&driver, PromptKind::Secret, "Password: ");
    golden(&mut driver, "greeter-light-accent").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_last_person_is_focused_so_enter_picks_them() {
    let _english = english();
    let greetd = FakeGreetd::start(accounts(), Fault::None).await;
    let scene = Scene::new("");
    std::fs::create_dir_all(scene.state_file().parent().unwrap()).unwrap();
    std::fs::write(
        scene.state_file(),
        "last_user = \"grace\"\n[sessions]\ngrace = \"sway\"\n",
    )
    .unwrap();
    let mut driver = driver_for(&scene, &greetd).await;
    assert_eq!(
        focused(&driver),
        Some((Role::ListItem, "Grace Hopper".into()))
    );
    driver.tap(Named::Enter).await;
    assert_eq!(driver.app.user(), Some("grace"));
    assert_eq!(driver.app.session(), Some("sway"), "her last session");
}

#[tokio::test(flavor = "multi_thread")]
async fn battery_network_and_power_come_from_the_system_services() {
    let _english = english();
    // Real UPower (umockdev battery at 80 %); logind and NetworkManager are
    // dbusmock templates (no seat manager or radios to drive here).
    let bed = TestBed::start(&[
        Service::UPower,
        Service::Logind,
        Service::NetworkManagerMock,
    ])
    .unwrap();
    let bus = SystemBus::with_address(bed.system_bus_address());
    let greetd = FakeGreetd::start(accounts(), Fault::None).await;
    let scene = Scene::new("");
    let (greeter, start) = Greeter::new(
        &scene.options(),
        bus.clone(),
        Link::new(Some(greetd.path().to_owned())),
    );
    let mut driver = Driver::new(greeter, WINDOW);
    driver.start(start).await;

    let mut supply = Box::pin(ferrum_greeter::app::supply_stream(&bus));
    let battery = next_matching(
        &mut supply,
        "the battery",
        |m| matches!(m, Message::Status(status::Message::Supply(ServiceUpdate::Available(s))) if !s.batteries.is_empty()),
    )
    .await
    .unwrap();
    driver.dispatch(battery).await;
    let mut network = Box::pin(ferrum_greeter::app::network_stream(&bus));
    let status = next_matching(&mut network, "the network status", |m| {
        matches!(
            m,
            Message::Status(status::Message::Network(ServiceUpdate::Available(_)))
        )
    })
    .await
    .unwrap();
    driver.dispatch(status).await;
    driver.redraw().await;
    let labels: Vec<String> = driver
        .app
        .accessible_tree()
        .nodes
        .iter()
        .map(|n| n.info.name.clone())
        .collect();
    assert!(labels.contains(&"Battery 80 %".to_owned()), "{labels:?}");
    assert!(
        labels
            .iter()
            .any(|l| l == "Offline" || l.starts_with("Connected")),
        "{labels:?}"
    );

    // The power menu offers what logind allows, and Restart reaches logind.
    driver
        .dispatch(Message::Menus(menus::Message::OpenMenu(Menu::Power)))
        .await;
    driver.redraw().await;
    assert_eq!(focused(&driver), Some((Role::Button, "Suspend".into())));
    let offered: Vec<String> = driver
        .app
        .accessible_tree()
        .controls()
        .filter(|n| {
            n.id.as_ref()
                .is_some_and(|id| format!("{id:?}").contains("greeter.power."))
        })
        .map(|n| n.info.name.clone())
        .collect();
    assert_eq!(offered, ["Suspend", "Hibernate", "Restart", "Power off"]);
    driver.tap(Named::ArrowDown).await;
    driver.tap(Named::ArrowDown).await;
    assert_eq!(focused(&driver), Some((Role::Button, "Restart".into())));
    driver.tap(Named::Enter).await;
    let calls = bed
        .busctl()
        .args([
            "call",
            "org.freedesktop.login1",
            "/org/freedesktop/login1",
            "org.freedesktop.DBus.Mock",
            "GetMethodCalls",
            "s",
            "Reboot",
        ])
        .output()
        .unwrap();
    let calls = String::from_utf8_lossy(&calls.stdout).into_owned();
    assert!(
        calls.starts_with("a(tav) 1"),
        "logind saw one Reboot: {calls}"
    );
}

/// What a US-keymap compositor reports for a physical key: its character in
/// the US layout, with the modifiers held.
fn us_key(
    code: iced::keyboard::key::Code,
    us_text: Option<&str>,
    modifiers: iced::keyboard::Modifiers,
) -> iced::Event {
    use iced::keyboard::{Event, Key, Location, key::Physical};
    let key = us_text.map_or(Key::Unidentified, |t| Key::Character(t.into()));
    iced::Event::Keyboard(Event::KeyPressed {
        key: key.clone(),
        modified_key: key,
        physical_key: Physical::Code(code),
        location: Location::Standard,
        modifiers,
        text: us_text.map(Into::into),
        repeat: false,
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_chosen_layout_applies_to_the_password_field_at_once() {
    use iced::keyboard::key::Code;
    use iced::keyboard::{Event, Key, Location, Modifiers, key::Physical};
    let _english = english();
    let greetd = FakeGreetd::start(accounts(), Fault::None).await;
    let scene = Scene::new("");
    let mut driver = driver_for(&scene, &greetd).await;
    driver
        .dispatch(Message::Conversation(conversation::Message::ChooseUser(
            "dora".into(),
        )))
        .await;
    driver
        .dispatch(Message::Menus(menus::Message::OpenMenu(Menu::Layout)))
        .await;
    driver
        .dispatch(Message::Menus(menus::Message::ChooseLayout("de".into())))
        .await;
    driver.redraw().await;
    assert_eq!(
        focused(&driver),
        Some((Role::PasswordInput, "Password".into()))
    );

    // "Zürich@" typed on a German keyboard while the compositor's keymap is US:
    // the physical keys are Shift+Y, [, r, i, c, h and AltGr+Q.
    let none = Modifiers::empty();
    let mut events = vec![
        us_key(Code::KeyY, Some("Y"), Modifiers::SHIFT),
        us_key(Code::BracketLeft, Some("["), none),
        us_key(Code::KeyR, Some("r"), none),
        us_key(Code::KeyI, Some("i"), none),
        us_key(Code::KeyC, Some("c"), none),
        us_key(Code::KeyH, Some("h"), none),
    ];
    let alt_right = |pressed: bool| {
        let key = Key::Named(Named::Alt);
        iced::Event::Keyboard(if pressed {
            Event::KeyPressed {
                key: key.clone(),
                modified_key: key,
                physical_key: Physical::Code(Code::AltRight),
                location: Location::Right,
                modifiers: Modifiers::ALT,
                text: None,
                repeat: false,
            }
        } else {
            Event::KeyReleased {
                key: key.clone(),
                modified_key: key,
                physical_key: Physical::Code(Code::AltRight),
                location: Location::Right,
                modifiers: none,
            }
        })
    };
    events.push(alt_right(true));
    events.push(us_key(Code::KeyQ, Some("q"), Modifiers::ALT));
    events.push(alt_right(false));
    driver.deliver(events).await;
    assert_eq!(driver.app.answer_length(), 7);
    driver.tap(Named::Enter).await;
    assert_eq!(
        driver.app.phase(),
        &Phase::Started,
        "greetd accepted Zürich@"
    );
    let (_, environment) = greetd.record().started.unwrap();
    assert!(environment.contains(&"XKB_DEFAULT_LAYOUT=de".to_owned()));
}

/// With no user list (AccountsService absent, or the list hidden by the
/// settings) the user-name field has the keyboard focus at once.
#[tokio::test(flavor = "multi_thread")]
async fn without_a_user_list_the_name_field_has_the_focus_at_once() {
    let _english = english();
    let greetd = FakeGreetd::start(accounts(), Fault::None).await;
    let scene = Scene::new("");
    let mut driver = Driver::new(scene.greeter(greetd.path()), WINDOW);
    driver.redraw().await;
    driver
        .dispatch(Message::Conversation(conversation::Message::UsersUpdated(
            ServiceUpdate::Unavailable,
        )))
        .await;
    driver.redraw().await;
    assert_eq!(
        focused(&driver),
        Some((Role::TextInput, "User name".into()))
    );

    let scene = Scene::new("hide_user_list = true\n");
    let (greeter, start) = Greeter::new(
        &scene.options(),
        SystemBus::with_address("unix:path=/nonexistent"),
        Link::new(Some(greetd.path().to_owned())),
    );
    let mut driver = Driver::new(greeter, WINDOW);
    driver.start(start).await;
    driver.redraw().await;
    assert_eq!(
        focused(&driver),
        Some((Role::TextInput, "User name".into()))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_session_start_returns_to_a_prompt_for_the_same_person() {
    let _english = english();
    // greetd refuses start_session and, as greetd 0.10 does, keeps the session.
    let greetd = FakeGreetd::start(accounts(), Fault::RefuseStart).await;
    let scene = Scene::new("");
    let mut driver = driver_for(&scene, &greetd).await;
    driver
        .dispatch(Message::Conversation(conversation::Message::ChooseUser(
            "ada".into(),
        )))
        .await;
    driver.redraw().await;
    answer(&mut driver, "hunter2").await;
    assert!(
        matches!(driver.app.problem(), Some(Problem::SessionFailed(_))),
        "{:?}",
        driver.app.problem()
    );
    // Not "a session is already being configured": the refused session was cancelled.
    assert_eq!(driver.app.user(), Some("ada"));
    assert_prompt(&driver, PromptKind::Secret, "Password: ");
    assert!(greetd.record().started.is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_late_cancel_reply_never_logs_the_next_person_in() {
    let _english = english();
    // The cancel is answered after the greeter stopped waiting: read on the same
    // connection, that `success` would log the next person in without a password.
    let greetd = FakeGreetd::start(accounts(), Fault::LateCancel(Duration::from_millis(450))).await;
    let scene = Scene::new("");
    let link = Link::new(Some(greetd.path().to_owned())).with_timeout(Duration::from_millis(300));
    let greeter = Greeter::new(
        &scene.options(),
        SystemBus::with_address("unix:path=/nonexistent"),
        link,
    )
    .0;
    let mut driver = Driver::new(greeter, WINDOW);
    driver
        .dispatch(Message::Conversation(conversation::Message::UsersUpdated(
            ServiceUpdate::Available(scene.people()),
        )))
        .await;
    driver
        .dispatch(Message::Conversation(conversation::Message::ChooseUser(
            "ada".into(),
        )))
        .await;
    driver.redraw().await;
    assert_prompt(&driver, PromptKind::Secret, "Password: ");
    // Another person, without going back: the open conversation is cancelled first.
    driver
        .dispatch(Message::Conversation(conversation::Message::ChooseUser(
            "grace".into(),
        )))
        .await;
    driver.redraw().await;
    assert_ne!(driver.app.phase(), &Phase::Started);
    assert_ne!(driver.app.phase(), &Phase::Starting);
    assert_prompt(&driver, PromptKind::Secret, "Password: ");
    assert_eq!(driver.app.user(), Some("grace"));
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(
        !start_session_sent(&greetd),
        "start_session was sent without a password"
    );
}
