//! The first-boot setup against real daemons: the real accounts-daemon and the real
//! polkitd share one mount namespace holding a copy of this machine's `/etc` with no
//! person in it (the host's accounts from uid 1000 are left out), the greeter's user
//! `_greetd`, `useradd`'s default shell set to `nologin` (as the image must), and
//! Ferrum's shipped polkit rule with its shipped `no-people` helper; `/home` and
//! `/var/log` are private too. timedated is python-dbusmock's template (no systemd
//! here); greetd is the fake server speaking greetd's real IPC. The world and the setup's
//! files are `setup_world`'s, shared with `setup_keyboard` (the e2e's key script).
//!
//! Shown: the setup creates an administrator (and a standard account), the password's
//! hash in the copied `/etc/shadow` verifies with the system's crypt, the person is
//! logged straight in through greetd; a taken name is refused with a sentence;
//! accounts-daemon killed mid-way leaves no person, and the unfinished account is
//! removed at the next attempt; polkit lets a `_greetd` process administer users and
//! set the time zone while no person exists and refuses it afterwards.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use ferrum_greeter::setup::{self, Message, Setup, Step};
use ferrum_integration_tests::assert_golden;
use ferrum_integration_tests::driver::Driver;
use ferrum_services::SystemBus;
use ferrum_services::new_account::{self, NewAccount, NewAccountError};
use ferrum_services::secret::Secret;
use ferrum_testbed::fake_greetd::{FakeGreetd, Fault, Round};
use iced::keyboard::key::Named;

use crate::setup_world::{Scene, World, crypt_verifies};

const WINDOW: iced::Size = iced::Size::new(1024.0, 700.0);
const PASSWORD: &str = "analytical engine";
const USER_ADMINISTRATION: &str = "org.freedesktop.accounts.user-administration";
const SET_TIMEZONE: &str = "org.freedesktop.timedate1.set-timezone";

fn greetd_accounts() -> Vec<(&'static str, Vec<Round>)> {
    vec![
        ("ada", vec![Round::Secret("Password: ", PASSWORD)]),
        ("grace", vec![Round::Secret("Password: ", PASSWORD)]),
    ]
}

fn focused_name(driver: &Driver<Setup>) -> Option<String> {
    driver
        .app
        .accessible_tree()
        .focused()
        .map(|node| node.info.name.clone())
}

fn alert(driver: &Driver<Setup>) -> Option<String> {
    driver
        .app
        .accessible_tree()
        .nodes
        .iter()
        .find(|node| node.info.role == ferrum_accessibility::Role::Alert)
        .map(|node| node.info.name.clone())
}

/// Waits (running the driver's tasks) until `check` holds.
async fn until(driver: &mut Driver<Setup>, what: &str, check: impl Fn(&Setup) -> bool) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !check(&driver.app) {
        assert!(tokio::time::Instant::now() < deadline, "no {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
        driver.redraw().await;
    }
}

/// Fills the account form by keyboard, from the full-name field.
async fn type_account(driver: &mut Driver<Setup>, full_name: &str) {
    driver.type_text(full_name).await;
    // Past the user name (suggested from the full name) to the password.
    driver.tap(Named::Tab).await;
    driver.tap(Named::Tab).await;
    driver.type_text(PASSWORD).await;
    driver.tap(Named::Tab).await;
    driver.type_text(PASSWORD).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_setup_creates_an_administrator_sets_the_zone_and_logs_straight_in() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut world = World::start().await;
    world.start_timedated().await;
    let greetd = FakeGreetd::start(greetd_accounts(), Fault::None).await;
    // While no person exists, polkit lets the greeter's user do the setup's work.
    assert!(world.greeter_may(USER_ADMINISTRATION).await);
    assert!(world.greeter_may(SET_TIMEZONE).await);
    assert_eq!(
        ferrum_greeter::mode::decide(&world.bus()).await,
        ferrum_greeter::mode::Mode::Setup,
        "no person: the setup takes the login screen's place"
    );

    let scene = Scene::new("");
    let mut driver = Driver::new(scene.setup(world.bus(), greetd.path()), WINDOW);
    driver.redraw().await;
    // Language, keyboard: Next by keyboard (Tab to Next, Enter).
    driver.dispatch(Message::Next).await;
    assert_eq!(driver.app.step(), Step::Keyboard);
    driver.dispatch(Message::Next).await;
    assert_eq!(driver.app.step(), Step::TimeZone);
    assert_eq!(
        focused_name(&driver).as_deref(),
        Some("Search for a city or region")
    );
    driver.type_text("berlin").await;
    driver.redraw().await;
    driver
        .dispatch(Message::ChooseZone("Europe/Berlin".into()))
        .await;
    driver.dispatch(Message::Next).await;
    until(&mut driver, "network step", |s| s.step() == Step::Network).await;
    let zone = ferrum_services::timedate::timezone(&world.bus())
        .await
        .unwrap();
    assert_eq!(zone, "Europe/Berlin", "timedated got the zone");
    // No NetworkManager on this bed: the step says so and Next skips it.
    driver.dispatch(Message::Next).await;
    assert_eq!(driver.app.step(), Step::Account);
    assert_eq!(focused_name(&driver).as_deref(), Some("Full name"));
    type_account(&mut driver, "Ada Lovelace").await;
    assert_eq!(driver.app.form().user_name, "ada");
    driver.tap(Named::Enter).await;
    until(&mut driver, "the session", |_| {
        greetd.record().started.is_some()
    })
    .await;

    let (command, environment) = greetd.record().started.unwrap();
    assert_eq!(command, ["ferrum-session"]);
    assert!(environment.contains(&"LANG=en_US.UTF-8".to_owned()));
    let requests = greetd.record().requests.join("\n");
    assert!(requests.contains("\"username\":\"ada\""), "{requests}");
    // The person: login shell, administrator, and a hash that verifies.
    let line = world.passwd_line("ada").expect("ada exists");
    assert!(line.ends_with(":/bin/bash"), "{line}");
    assert!(line.contains(":Ada Lovelace"), "{line}");
    assert!(world.in_group("sudo", "ada"), "an administrator");
    let hash = world.shadow_hash("ada").unwrap();
    assert!(hash.starts_with("$6$rounds="), "{hash}");
    assert!(crypt_verifies(PASSWORD, &hash), "the hash verifies");
    assert!(!crypt_verifies("analytical engines", &hash));
    // The password is nowhere in the daemon's log or the copied /etc.
    let log = std::fs::read_to_string(world.root.join("accounts-daemon.log")).unwrap();
    assert!(!log.contains(PASSWORD));
    // A person exists now: polkit refuses the greeter's user from here on.
    assert!(!world.greeter_may(USER_ADMINISTRATION).await);
    assert!(!world.greeter_may(SET_TIMEZONE).await);
    // accounts-daemon reloads its users a moment after the files change.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    while ferrum_greeter::mode::decide(&world.bus()).await != ferrum_greeter::mode::Mode::Login {
        assert!(
            tokio::time::Instant::now() < deadline,
            "AccountsService still says no person exists"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_taken_name_is_refused_with_a_sentence_and_a_standard_account_is_made() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let world = World::start().await;
    let greetd = FakeGreetd::start(greetd_accounts(), Fault::None).await;
    let scene = Scene::new("");
    let mut driver = Driver::new(scene.setup(world.bus(), greetd.path()), WINDOW);
    driver.redraw().await;
    // Straight to the account step (the zone step needs timedated: shown in the test above).
    for _ in 0..2 {
        driver.dispatch(Message::Next).await;
    }
    driver.dispatch(Message::Back).await;
    driver.dispatch(Message::Next).await;
    assert_eq!(driver.app.step(), Step::TimeZone);
    // timedated is missing here: a sentence on the step, and it stays.
    driver.dispatch(Message::Next).await;
    until(&mut driver, "timedated's answer", |s| !s.is_busy()).await;
    assert_eq!(driver.app.step(), Step::TimeZone);
    assert_eq!(
        alert(&driver).as_deref(),
        Some("The time zone could not be set: the date and time service is not running.")
    );
    // (The rest of this test is about accounts: skip ahead.)
    let mut setup = scene.setup(world.bus(), greetd.path());
    setup.show_step(Step::Account);
    let mut driver = Driver::new(setup, WINDOW);
    driver.redraw().await;
    driver
        .start(ferrum_ui::Effect::Focus(setup::ids::FULL_NAME).into_task())
        .await;
    // "Daemon Keeper" suggests the user name daemon, a system account's.
    type_account(&mut driver, "Daemon Keeper").await;
    assert_eq!(driver.app.form().user_name, "daemon");
    driver.dispatch(Message::Administrator(false)).await;
    driver.dispatch(Message::Next).await;
    until(&mut driver, "AccountsService's answer", |s| !s.is_busy()).await;
    assert_eq!(
        driver.app.step(),
        Step::Account,
        "{:?}",
        driver.app.problem()
    );
    assert_eq!(
        alert(&driver).as_deref(),
        Some("The user name daemon is taken. Choose another one."),
        "{:?} {:?}",
        driver.app.problem(),
        driver
            .app
            .accessible_tree()
            .nodes
            .iter()
            .map(|n| (n.info.role, n.info.name.clone()))
            .collect::<Vec<_>>()
    );
    assert_eq!(focused_name(&driver).as_deref(), Some("User name"));
    driver.dispatch(Message::UserName("grace".into())).await;
    driver.dispatch(Message::Next).await;
    until(&mut driver, "the session", |_| {
        greetd.record().started.is_some()
    })
    .await;
    let line = world.passwd_line("grace").expect("grace exists");
    assert!(line.ends_with(":/bin/bash"), "{line}");
    assert!(!world.in_group("sudo", "grace"), "a standard account");
    assert!(crypt_verifies(
        PASSWORD,
        &world.shadow_hash("grace").unwrap()
    ));
}

#[tokio::test(flavor = "multi_thread")]
async fn accounts_daemon_killed_mid_way_leaves_no_person_and_the_rest_is_removed() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut world = World::start().await;
    let bus = world.bus();
    let account = NewAccount {
        user_name: "ada".into(),
        real_name: "Ada Lovelace".into(),
        administrator: true,
        password: Secret::new(PASSWORD.into()),
    };
    // Killed after CreateUser, before SetPassword.
    let daemon = world.accounts.take();
    let result = new_account::create_with(&bus, &account, async move || drop(daemon)).await;
    let Err(NewAccountError::LeftBehind { leftover, .. }) = &result else {
        panic!("expected a leftover, got {result:?}");
    };
    assert_eq!(leftover.user_name, "ada");
    // What is left is no person: no login shell, no password.
    let line = world.passwd_line("ada").expect("made before the kill");
    assert!(line.ends_with(":/usr/sbin/nologin"), "{line}");
    assert!(world.shadow_hash("ada").unwrap().starts_with('!'));
    // The setup says so on the account step.
    let sentence = setup::view::sentence(&setup::Problem::Account(result.clone().unwrap_err()));
    assert!(sentence.contains("unfinished account"), "{sentence}");
    // While accounts-daemon is gone, a new attempt says it is not running.
    let again = setup::create_account(&bus, Some(leftover.clone()), &account).await;
    assert!(
        matches!(again, Err(NewAccountError::Unavailable(_))),
        "{again:?}"
    );
    // It comes back: the next attempt removes the leftover first, then creates the person.
    world.restart_accounts_daemon().await;
    let created = setup::create_account(&bus, Some(leftover.clone()), &account)
        .await
        .unwrap();
    assert_eq!(created.user_name, "ada");
    let passwd = world.etc("passwd");
    assert_eq!(
        passwd.lines().filter(|l| l.starts_with("ada:")).count(),
        1,
        "one ada"
    );
    assert!(world.passwd_line("ada").unwrap().ends_with(":/bin/bash"));
    assert!(crypt_verifies(PASSWORD, &world.shadow_hash("ada").unwrap()));
}

async fn golden(driver: &mut Driver<Setup>, name: &str) {
    driver.redraw().await;
    let (size, rgba) = driver.screenshot();
    assert_golden(name, size, &rgba);
}

#[tokio::test(flavor = "multi_thread")]
async fn snapshots_of_each_step() {
    // Switches the language on the way: alone, and English again afterwards.
    let _locale = ferrum_i18n::use_locale("en-US");
    let greetd = FakeGreetd::start(greetd_accounts(), Fault::None).await;
    let nowhere = SystemBus::with_address("unix:path=/nonexistent/system_bus_socket");
    let light = Scene::new("color_scheme = \"light\"\n");
    let mut driver = Driver::new(light.setup(nowhere.clone(), greetd.path()), WINDOW);
    golden(&mut driver, "setup-language-light").await;
    driver.dispatch(Message::Next).await;
    golden(&mut driver, "setup-keyboard-light").await;
    driver.dispatch(Message::Next).await;
    driver.dispatch(Message::ZoneQuery("europe".into())).await;
    driver
        .dispatch(Message::ChooseZone("Europe/Berlin".into()))
        .await;
    golden(&mut driver, "setup-timezone-light").await;
    driver.dispatch(Message::ZoneQuery(String::new())).await;
    driver.app.show_step(Step::Network);
    driver
        .dispatch(Message::Network(
            ferrum_services::ServiceUpdate::Unavailable,
        ))
        .await;
    golden(&mut driver, "setup-network-light").await;
    driver.dispatch(Message::Next).await;
    type_account(&mut driver, "Ada Lovelace").await;
    driver
        .dispatch(Message::Confirmation(Secret::new(
            "analytical engin".into(),
        )))
        .await;
    driver.dispatch(Message::Next).await;
    golden(&mut driver, "setup-account-light").await;
    driver.app.show_step(Step::Finish);
    golden(&mut driver, "setup-finish-light").await;

    let dark = Scene::new("color_scheme = \"dark\"\n");
    let mut driver = Driver::new(dark.setup(nowhere.clone(), greetd.path()), WINDOW);
    golden(&mut driver, "setup-language-dark").await;
    driver
        .dispatch(Message::Menus(ferrum_greeter::menus::Message::OpenMenu(
            ferrum_greeter::app::Menu::Accessibility,
        )))
        .await;
    driver
        .dispatch(Message::Menus(
            ferrum_greeter::menus::Message::ToggleHighContrast,
        ))
        .await;
    golden(&mut driver, "setup-accessibility-high-contrast").await;

    let mut driver = Driver::new(light.setup(nowhere, greetd.path()), WINDOW);
    driver
        .dispatch(Message::Menus(
            ferrum_greeter::menus::Message::ChooseLanguage("ar"),
        ))
        .await;
    driver.dispatch(Message::Next).await;
    driver.dispatch(Message::Next).await;
    golden(&mut driver, "setup-timezone-ar").await;
    ferrum_i18n::set_locale("en-US");
}
