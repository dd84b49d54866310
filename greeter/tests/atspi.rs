//! The login screen as a screen reader meets it, through real AT-SPI: a private session bus
//! with accessibility on, the greeter under headless sway against the real accounts-daemon
//! (fixture users), UPower, the logind and NetworkManager mocks and the test bed's fake greetd,
//! read by the pyatspi client of `ferrum_testbed::atspi`. The whole screen is read at once and
//! after each Tab round it (`atspi::walk_tabs`); then a person is chosen through AT-SPI and the
//! password prompt is read and walked the same way, then "Other user…" with its user-name
//! field: every node is named, every control actionable, exactly one named node has the
//! focus after each Tab, the focus comes back round, and the greeter never crashes.
//!
//! Needs root and the Debian packages of `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::{Duration, Instant};

use ferrum_testbed::atspi::{self, Node, live_processes, show};
use ferrum_testbed::fake_greetd::{FakeGreetd, Fault, Round};
use ferrum_testbed::session_bus::SessionBus;
use ferrum_testbed::wayland::{Session, User};
use ferrum_testbed::{Service, TestBed};

/// The debug greeter cargo built for these tests.
const GREETER: &str = env!("CARGO_BIN_EXE_ferrum-greeter");
/// The greeter's name in the AT-SPI registry.
const APP_NAME: &str = "ferrum-greeter";
/// The window's name.
const WINDOW: &str = "Log in";
/// How long the greeter may take to publish a node.
const WAIT: Duration = Duration::from_secs(10);
/// The most Tabs a walk may take to come back to where it started.
const MAX_TABS: usize = 40;
/// How long the focus may take to move after a Tab.
const SETTLE: Duration = Duration::from_secs(3);
/// The first person of the fixture users.
const ADA: &str = "Ada Lovelace";

/// The greeter with a reader attached, and everything it talks to. Dropped in field order:
/// the greeter and sway stop before the session bus, greetd and the daemons.
struct LoginScreen {
    session: Session,
    bus: SessionBus,
    greetd: FakeGreetd,
    _bed: TestBed,
    /// The greeter's config and state file.
    _scratch: tempfile::TempDir,
}

impl LoginScreen {
    /// Starts the test bed, the fake greetd (ada's password is asked for), a session bus with
    /// accessibility on, sway, and the greeter in English.
    async fn start() -> LoginScreen {
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
        LoginScreen {
            session,
            bus,
            greetd,
            _bed: bed,
            _scratch: scratch,
        }
    }

    /// Reads the tree once `wait` (role, name) is there; with `click`, then clicks that node
    /// through AT-SPI.
    fn read(&self, wait: (&str, &str), click: Option<(&str, &str)>) -> Vec<Node> {
        atspi::read(atspi::Read {
            bus_address: self.bus.address(),
            app: APP_NAME,
            wait,
            click,
            timeout: WAIT,
        })
        .unwrap_or_else(|failure| panic!("{failure}\n--- greeter log:\n{}", self.session.app_log()))
    }

    /// Reads until the node `(role, name)` has the focus (it takes it right after it is
    /// drawn), for at most `limit`: the last tree, and whether it had the focus there.
    fn read_focused(&self, (role, name): (&str, &str), limit: Duration) -> (Vec<Node>, bool) {
        let deadline = Instant::now() + limit;
        loop {
            let tree = self.read((role, name), None);
            let focused = tree.iter().any(|node| {
                node.role == role
                    && node.name == name
                    && node.states.iter().any(|state| state == atspi::FOCUSED)
            });
            if focused || Instant::now() >= deadline {
                return (tree, focused);
            }
        }
    }

    /// Walks the window with Tab from where the focus is until it is back there, reading the
    /// tree after each Tab (see [`atspi::walk_tabs`]); prints the stops and returns the
    /// problems, each prefixed with `screen`.
    fn walk(&mut self, screen: &str) -> Vec<String> {
        let read = atspi::Read {
            bus_address: self.bus.address(),
            app: APP_NAME,
            wait: ("frame", WINDOW),
            click: None,
            timeout: WAIT,
        };
        let walk = atspi::walk_tabs(read, &mut self.session, MAX_TABS, SETTLE);
        let stops: Vec<String> = walk.stops.iter().map(ToString::to_string).collect();
        eprintln!("{screen}: {} stops: {}", stops.len(), stops.join(" → "));
        walk.problems
            .iter()
            .map(|problem| format!("{screen}: {problem}"))
            .collect()
    }

    /// Asserts the greeter still runs, never panicked and never asked greetd for a session.
    fn assert_alive_without_session(&self) {
        let pid = self.session.app_pid().unwrap_or(0);
        assert!(
            !live_processes(|stat| stat.pid == pid).is_empty(),
            "the greeter is gone; its log:\n{}",
            self.session.app_log()
        );
        let log = self.session.app_log();
        assert!(!log.contains("panicked"), "the greeter panicked:\n{log}");
        assert!(
            !self
                .greetd
                .record()
                .requests
                .iter()
                .any(|r| r.contains("start_session")),
            "no session without a password"
        );
    }
}

fn assert_walkable(tree: &[Node], screen: &str) {
    let problems = atspi::unwalkable(tree);
    assert!(
        problems.is_empty(),
        "{screen}: nodes without a name, or controls without an action: {problems:?}\n{}",
        show(tree)
    );
}

/// The login screen, the password prompt and the user-name screen, each read whole and
/// walked with Tab; the fields have the focus when their screen opens. No session is started.
/// The problems of all three screens are reported together.
#[tokio::test(flavor = "multi_thread")]
async fn a_screen_reader_walks_the_login_screen() {
    let mut screen = LoginScreen::start().await;
    let mut problems = Vec::new();

    // The whole screen, read at once: the people from accounts-daemon, the bar.
    let people = screen.read(("list item", ADA), None);
    eprintln!("login screen:\n{}", show(&people));
    assert_walkable(&people, "login screen");
    assert!(
        people.iter().any(|node| node.role == "push button"),
        "the bar's buttons are there:\n{}",
        show(&people)
    );
    // Then with Tab, from the window round the people and the bar and back.
    problems.extend(screen.walk("login screen"));

    // Ada chosen through AT-SPI: the password prompt is read with the field focused, then
    // walked from there.
    screen.read(("list item", ADA), Some(("list item", ADA)));
    let (prompt, focused) = screen.read_focused(("password text", "Password"), WAIT);
    eprintln!("password prompt:\n{}", show(&prompt));
    assert_walkable(&prompt, "password prompt");
    if !focused {
        problems.push(format!(
            "password prompt: the password field is not focused {WAIT:?} after choosing \
             {ADA} (the race choosing_a_person_always_announces_the_password_field looks \
             for):\n{}",
            show(&prompt)
        ));
    }
    problems.extend(screen.walk("password prompt"));

    // Back, then "Other user…": the user-name field, focused, and the same walk.
    screen.read(("push button", "Back"), Some(("push button", "Back")));
    screen.read(
        ("list item", "Other user…"),
        Some(("list item", "Other user…")),
    );
    let (other, focused) = screen.read_focused(("entry", "User name"), WAIT);
    eprintln!("other user:\n{}", show(&other));
    if !focused {
        problems.push(format!(
            "other user: the user-name field is not focused {WAIT:?} after \"Other user…\":\n{}",
            show(&other)
        ));
    }
    problems.extend(screen.walk("other user"));

    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    screen.assert_alive_without_session();
}

/// How many times [`choosing_a_person_always_announces_the_password_field`] chooses Ada.
const CHOICES: usize = 30;

/// A person chosen through AT-SPI's click action, again and again: each time the published
/// tree must show the password field focused, as a reader announces it.
///
/// The defect it caught (found by the Tab walk above, issue 23): in about 1 of 15 choices on
/// an idle machine, and more often under load, the field had the keyboard focus (one Tab
/// moved it on to "Back") but the published tree kept the window frame focused, for good, so
/// a reader did not announce the field. A tree read made between the new view and the focus
/// move (another message updated in the same batch) came back after the read made after the
/// move; the window now drops an older read (`ferrum_ui::window::TreeReading`). It is a race:
/// the test stops at the first miss, and one pass alone does not prove anything.
#[tokio::test(flavor = "multi_thread")]
async fn choosing_a_person_always_announces_the_password_field() {
    let screen = LoginScreen::start().await;
    for choice in 1..=CHOICES {
        screen.read(("list item", ADA), Some(("list item", ADA)));
        let (prompt, focused) = screen.read_focused(("password text", "Password"), SETTLE);
        assert!(
            focused,
            "choice {choice} of {CHOICES}: the published tree does not show the password \
             field focused {SETTLE:?} after choosing {ADA}:\n{}",
            show(&prompt)
        );
        screen.read(("push button", "Back"), Some(("push button", "Back")));
    }
    screen.assert_alive_without_session();
}
