//! The login screen as a screen reader meets it, through real AT-SPI: a private session bus
//! with accessibility on, the greeter under headless sway against the real accounts-daemon
//! (fixture users), UPower, the logind and NetworkManager mocks and the test bed's fake greetd,
//! read by the pyatspi client of `ferrum_testbed::atspi`. The whole screen is read at once,
//! then a person is chosen through AT-SPI and the password prompt is read: every node is
//! named, every control actionable, and the greeter never crashes.
//!
//! Needs root and the Debian packages of `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::Duration;

use ferrum_testbed::atspi::{self, Node, live_processes, show};
use ferrum_testbed::fake_greetd::{FakeGreetd, Fault, Round};
use ferrum_testbed::session_bus::SessionBus;
use ferrum_testbed::wayland::{Session, User};
use ferrum_testbed::{Service, TestBed};

/// The debug greeter cargo built for these tests.
const GREETER: &str = env!("CARGO_BIN_EXE_ferrum-greeter");
/// The greeter's name in the AT-SPI registry.
const APP_NAME: &str = "ferrum-greeter";
/// How long the greeter may take to publish a node.
const WAIT: Duration = Duration::from_secs(10);

fn read(
    bus: &SessionBus,
    session: &Session,
    wait: (&str, &str),
    click: Option<(&str, &str)>,
) -> Vec<Node> {
    atspi::read(atspi::Read {
        bus_address: bus.address(),
        app: APP_NAME,
        wait,
        click,
        timeout: WAIT,
    })
    .unwrap_or_else(|failure| panic!("{failure}\n--- greeter log:\n{}", session.app_log()))
}

fn assert_walkable(tree: &[Node], screen: &str) {
    let problems = atspi::unwalkable(tree);
    assert!(
        problems.is_empty(),
        "{screen}: nodes without a name, or controls without an action: {problems:?}\n{}",
        show(tree)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_screen_reader_walks_the_login_screen() {
    let bed = TestBed::start(&[
        Service::Accounts,
        Service::UPower,
        Service::Logind,
        Service::NetworkManagerMock,
    ])
    .unwrap_or_else(|error| panic!("test bed: {error}"));
    let greetd = FakeGreetd::start(
        vec![("ada", vec![Round::Secret("Password: ", "lovelace")])],
        Fault::None,
    )
    .await;
    let bus = SessionBus::start().unwrap_or_else(|error| panic!("session bus: {error}"));
    bus.enable_accessibility()
        .unwrap_or_else(|error| panic!("enabling accessibility: {error}"));
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
    let mut session = Session::start().unwrap_or_else(|error| panic!("sway: {error}"));
    let greetd_sock = greetd.path().display().to_string();
    let config_arg = config.display().to_string();
    let env = [
        ("DBUS_SESSION_BUS_ADDRESS", bus.address()),
        ("DBUS_SYSTEM_BUS_ADDRESS", bed.system_bus_address()),
        ("GREETD_SOCK", greetd_sock.as_str()),
        ("LANG", "en_US.UTF-8"),
        ("RUST_LOG", "info"),
    ];
    session
        .launch_app(
            User::Root,
            Path::new(GREETER),
            &["--config", &config_arg],
            &env,
        )
        .unwrap_or_else(|error| panic!("launching {GREETER}: {error}"));

    // The whole screen, read at once: the people from accounts-daemon, the bar.
    let screen = read(&bus, &session, ("list item", "Ada Lovelace"), None);
    eprintln!("login screen:\n{}", show(&screen));
    assert_walkable(&screen, "login screen");
    assert!(
        screen.iter().any(|node| node.role == "push button"),
        "the bar's buttons are there:\n{}",
        show(&screen)
    );

    // Ada chosen through AT-SPI: the password prompt is read, the field named.
    read(
        &bus,
        &session,
        ("list item", "Ada Lovelace"),
        Some(("list item", "Ada Lovelace")),
    );
    // The field takes the focus right after the prompt is drawn: read until it has it.
    let focused = |tree: &[Node]| {
        tree.iter().any(|node| {
            node.role == "password text" && node.states.iter().any(|state| state == "focused")
        })
    };
    let deadline = std::time::Instant::now() + WAIT;
    let prompt = loop {
        let prompt = read(&bus, &session, ("password text", "Password"), None);
        if focused(&prompt) || std::time::Instant::now() >= deadline {
            break prompt;
        }
    };
    eprintln!("password prompt:\n{}", show(&prompt));
    assert_walkable(&prompt, "password prompt");
    assert!(
        focused(&prompt),
        "the password field has the focus:\n{}",
        show(&prompt)
    );

    let pid = session.app_pid().unwrap_or(0);
    assert!(
        !live_processes(|stat| stat.pid == pid).is_empty(),
        "the greeter is gone; its log:\n{}",
        session.app_log()
    );
    let log = session.app_log();
    assert!(!log.contains("panicked"), "the greeter panicked:\n{log}");
    assert!(
        !greetd
            .record()
            .requests
            .iter()
            .any(|r| r.contains("start_session")),
        "no session without a password"
    );
    drop(session);
    drop(bus);
    drop(bed);
}
