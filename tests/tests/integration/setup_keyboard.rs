//! The image e2e's first-boot setup key script (`image/e2e/setup.keys`), run against the real
//! setup on the host: the same keys the e2e sends to the VM over QMP, driven into the window
//! headlessly (`driver::Driver`), with the focus checked at every `focus` line — in
//! `first_boot_setup`'s world ([`crate::setup_world`]: the real accounts-daemon and the real
//! polkitd on a copy of `/etc` without people, python-dbusmock's timedated) and a fake greetd
//! that knows `ada`'s password.
//!
//! The setup starts as the window starts it: its start task (the first focus) is run, nothing
//! more. At the script's `sync` points: `setup-shown` — the language step, nothing asked of a
//! daemon yet; `zone-set` — timedated has the zone and the network step is shown; `account-made`
//! — the account exists and greetd started the session. The test then checks `ada`: an
//! administrator (the `sudo` group), her password's hash verifies with the system's crypt, she
//! was logged in with it, and timedated has the script's zone.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use ferrum_greeter::setup::{Message, Setup, Step as SetupStep};
use ferrum_integration_tests::driver::Driver;
use ferrum_integration_tests::script;
use ferrum_testbed::fake_greetd::{FakeGreetd, Fault, Round};
use ferrum_testbed::keyscript::{self, Step};

use crate::setup_world::{Scene, World, crypt_verifies};

/// The script, shared with the image e2e.
const SCRIPT: &str = include_str!("../../../image/e2e/setup.keys");
/// The VM's screen.
const WINDOW: iced::Size = iced::Size::new(1280.0, 800.0);
/// The zone the script chooses.
const ZONE: &str = "Europe/Berlin";
/// The account the script makes.
const USER: &str = "ada";
const FULL_NAME: &str = "Ada Lovelace";
/// The password the script types: the image's test account's.
const PASSWORD: &str = "ferrum-test";
/// How long one sync point may take (the hash is 100000 rounds, in a debug build).
const STEP: Duration = Duration::from_secs(60);

/// Redraws (running what that starts) until `holds` is true of the setup, or panics with `what`.
async fn until(
    driver: &mut Driver<Setup>,
    line: usize,
    what: &str,
    holds: impl Fn(&Setup) -> bool,
) {
    let deadline = tokio::time::Instant::now() + STEP;
    while !holds(&driver.app) {
        assert!(
            tokio::time::Instant::now() < deadline,
            "line {line}: no {what} within {} s; step {:?}, problem {:?}",
            STEP.as_secs(),
            driver.app.step(),
            driver.app.problem(),
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
        driver.redraw().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_setup_key_script_makes_an_administrator_and_logs_her_in() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let steps = keyscript::parse_numbered(SCRIPT).unwrap_or_else(|error| panic!("{error}"));
    for wanted in [FULL_NAME, PASSWORD] {
        assert!(
            steps
                .iter()
                .any(|(_, step)| matches!(step, Step::Type(text) if text == wanted)),
            "the script types {wanted:?}"
        );
    }
    let mut world = World::start().await;
    world.start_timedated().await;
    let greetd = FakeGreetd::start(
        vec![(USER, vec![Round::Secret("Password: ", PASSWORD)])],
        Fault::None,
    )
    .await;
    let scene = Scene::new("");
    let (setup, task) = scene.boot(world.bus(), greetd.path());
    let mut driver = Driver::new(setup, WINDOW);
    driver.redraw().await;
    driver
        .dispatch(Message::Window(ferrum_ui::window::Message::Nudge))
        .await;
    assert_eq!(script::focused_in(driver.app.accessible_tree()), None);
    // As the window runs it once open: the first focus (and the keymap).
    driver.start(task).await;
    driver
        .dispatch(Message::Window(ferrum_ui::window::Message::Nudge))
        .await;

    for (line, step) in &steps {
        let line = *line;
        match step {
            Step::Press(_) | Step::Type(_) => {
                for chord in step.chords() {
                    driver.deliver(script::chord_events(&chord)).await;
                }
            }
            Step::Focus { role, name } => {
                assert_eq!(
                    script::focused_in(driver.app.accessible_tree()),
                    Some((role.clone(), name.clone())),
                    "line {line}: `{step}` on step {:?}; the focusable controls:\n{}",
                    driver.app.step(),
                    script::focusables_in(driver.app.accessible_tree())
                );
            }
            Step::Sync(point) => match point.as_str() {
                "setup-shown" => {
                    assert_eq!(driver.app.step(), SetupStep::Language, "line {line}");
                    assert_eq!(driver.app.language(), "en-US", "line {line}");
                }
                "zone-set" => {
                    until(&mut driver, line, "network step", |setup| {
                        setup.step() == SetupStep::Network
                    })
                    .await;
                    assert_eq!(driver.app.zone(), ZONE, "line {line}");
                    let zone = ferrum_services::timedate::timezone(&world.bus())
                        .await
                        .unwrap();
                    assert_eq!(zone, ZONE, "line {line}: timedated got the zone");
                }
                "account-made" => {
                    until(&mut driver, line, "session", |_| {
                        greetd.record().started.is_some()
                    })
                    .await;
                    assert_eq!(driver.app.step(), SetupStep::Finish, "line {line}");
                    // Nothing there takes the focus: the waiting line is heard as an alert.
                    driver.redraw().await;
                    driver
                        .dispatch(Message::Window(ferrum_ui::window::Message::Nudge))
                        .await;
                    let tree = driver.app.accessible_tree();
                    assert_eq!(
                        tree.focused().map(|node| &node.info.name),
                        None,
                        "line {line}"
                    );
                    assert!(
                        tree.nodes.iter().any(|node| {
                            node.info.role == ferrum_accessibility::Role::Alert
                                && node.info.name == "Starting your session…"
                        }),
                        "line {line}: {:#?}",
                        tree.nodes
                    );
                    assert_eq!(
                        driver.app.created().map(|c| c.user_name.as_str()),
                        Some(USER),
                        "line {line}"
                    );
                }
                other => panic!("line {line}: unknown sync point {other:?}"),
            },
        }
        eprintln!(
            "line {line}: {:<40} step {:?}, focus {:?}",
            step.to_string(),
            driver.app.step(),
            script::focused_in(driver.app.accessible_tree())
        );
    }

    // What the setup kept: English, the US layout.
    assert_eq!(driver.app.language(), "en-US");
    assert_eq!(driver.app.layout(), "us");
    // Logged straight in, as ada, with the password just set.
    let record = greetd.record();
    let requests = record.requests.join("\n");
    assert!(
        requests.contains(&format!("\"username\":\"{USER}\"")),
        "{requests}"
    );
    let (command, environment) = record.started.unwrap();
    assert_eq!(command, ["ferrum-session"]);
    assert!(environment.contains(&"LANG=en_US.UTF-8".to_owned()));
    // The person: login shell, full name, administrator, a hash that verifies.
    let line = world.passwd_line(USER).expect("ada exists");
    assert!(line.ends_with(":/bin/bash"), "{line}");
    assert!(line.contains(&format!(":{FULL_NAME}")), "{line}");
    assert!(world.in_group("sudo", USER), "an administrator");
    let hash = world.shadow_hash(USER).unwrap();
    assert!(hash.starts_with("$6$rounds=100000$"), "{hash}");
    assert!(crypt_verifies(PASSWORD, &hash), "the hash verifies");
    assert!(!crypt_verifies("ferrum-tests", &hash));
    // The zone, once more at the end.
    let zone = ferrum_services::timedate::timezone(&world.bus())
        .await
        .unwrap();
    assert_eq!(zone, ZONE);
}
