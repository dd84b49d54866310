//! The Users page and its service against the real accounts-daemon on the bed's bus
//! (`Service::Accounts`: in a mount namespace of its own where `/etc/passwd`, `/etc/shadow`,
//! `/etc/group` and `/var/lib/AccountsService` are private copies — `getent` is run inside
//! that namespace, this host's files never change) and, for refusals and the session's
//! agent, the real polkitd. Needs root and the packages of `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use ferrum_greeter::autologin;
use ferrum_integration_tests::next_matching;
use ferrum_integration_tests::person::{NOBODY, as_nobody_in_polkit_namespace};
use ferrum_integration_tests::signal_service;
use ferrum_panels::users::{self as page, add, remove};
use ferrum_panels::{Page, PageRequest};
use ferrum_services::secret::Secret;
use ferrum_services::users::{self, AccountType, Files, NameProblem, NewPerson, UsersError};
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_testbed::fixtures::ACCOUNTS;
use ferrum_testbed::polkit::ADMINS;
use ferrum_testbed::{Service, TestBed};

const WAIT: Duration = Duration::from_secs(30);
/// The method timeout of the fault tests' bus.
const TIMEOUT: Duration = Duration::from_secs(2);
/// A 1×1 red PNG.
const RED_PIXEL_PNG: &[u8] = &[
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0,
    0, 0, 144, 119, 83, 222, 0, 0, 0, 12, 73, 68, 65, 84, 120, 156, 99, 56, 161, 161, 1, 0, 2, 212,
    1, 25, 5, 80, 143, 164, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];

/// `getent <database> <key>` inside accounts-daemon's mount namespace (its private copies).
fn getent(bed: &TestBed, database: &str, key: &str) -> Option<String> {
    let pid = bed.pid(Service::Accounts).expect("accounts-daemon runs");
    let output = Command::new("/usr/bin/nsenter")
        .arg(format!("--mount=/proc/{pid}/ns/mnt"))
        .args(["--", "getent", database, key])
        .output()
        .unwrap();
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// The bed's private copy of `/etc/passwd` (readable while accounts-daemon is down).
fn passwd_copy(bed: &TestBed) -> String {
    std::fs::read_to_string(bed.dir().join("accounts/etc/passwd")).unwrap()
}

fn in_admin_group(bed: &TestBed, name: &str) -> bool {
    getent(bed, "group", "sudo").is_some_and(|line| {
        line.rsplit(':')
            .next()
            .is_some_and(|members| members.split(',').any(|member| member == name))
    })
}

fn person(name: &str, account_type: AccountType) -> NewPerson {
    NewPerson {
        name: name.to_owned(),
        real_name: format!("{name} Tester"),
        account_type,
        password: Secret::new("a long enough password".to_owned()),
    }
}

/// A standard person added (`getent passwd` shows them, standard in the list), made an
/// administrator (in the `sudo` group, administrator in the list), made standard again,
/// given a picture, and removed with their files; the fixture people are listed, the caller
/// marked; a taken name and an invalid name are said as such.
#[tokio::test(flavor = "multi_thread")]
async fn a_person_is_added_changed_and_removed() {
    let host_passwd = std::fs::read_to_string("/etc/passwd").unwrap();
    let bed = TestBed::start(&[Service::Accounts, Service::Polkit]).unwrap();
    let bus = SystemBus::with_address(bed.system_bus_address());
    let ada = ACCOUNTS[0].uid;
    let mut watch = Box::pin(users::watch(bus.clone(), ada));
    let listed = |name: &'static str| {
        move |update: &ServiceUpdate<Vec<users::Person>, UsersError>| matches!(update, ServiceUpdate::Available(people) if people.iter().any(|p| p.name == name))
    };
    let ServiceUpdate::Available(people) = next_matching(&mut watch, "ada", listed("ada"))
        .await
        .unwrap()
    else {
        unreachable!()
    };
    let me = people.iter().find(|p| p.name == "ada").unwrap();
    assert!(me.is_caller);
    assert_eq!(me.real_name.as_deref(), Some("Ada Lovelace"));
    assert!(
        !people
            .iter()
            .any(|p| p.name == "root" || p.name == "ferrum-daemon")
    );

    let uid = users::create(&bus, &person("carol", AccountType::Standard))
        .await
        .unwrap();
    let line = getent(&bed, "passwd", "carol").expect("carol in the bed's passwd");
    assert!(line.starts_with(&format!("carol:x:{uid}:")), "{line}");
    assert!(line.contains("carol Tester"), "{line}");
    assert!(!in_admin_group(&bed, "carol"));
    let carol = |account_type: AccountType| {
        move |update: &ServiceUpdate<Vec<users::Person>, UsersError>| {
            matches!(update, ServiceUpdate::Available(people)
                if people.iter().any(|p| p.name == "carol" && p.account_type == account_type && !p.is_caller))
        }
    };
    next_matching(&mut watch, "carol standard", carol(AccountType::Standard))
        .await
        .unwrap();

    assert!(matches!(
        users::create(&bus, &person("carol", AccountType::Standard)).await,
        Err(UsersError::NameTaken(name)) if name == "carol"
    ));
    assert_eq!(
        users::create(&bus, &person("Carol", AccountType::Standard)).await,
        Err(UsersError::InvalidName(NameProblem::BadStart))
    );

    users::set_account_type(&bus, uid, AccountType::Administrator)
        .await
        .unwrap();
    assert!(
        in_admin_group(&bed, "carol"),
        "{:?}",
        getent(&bed, "group", "sudo")
    );
    next_matching(
        &mut watch,
        "carol administrator",
        carol(AccountType::Administrator),
    )
    .await
    .unwrap();
    users::set_account_type(&bus, uid, AccountType::Standard)
        .await
        .unwrap();
    assert!(!in_admin_group(&bed, "carol"));

    // A picture: accounts-daemon copies it into its own (private) folder.
    let picture = bed.dir().join("carol.png");
    std::fs::write(&picture, RED_PIXEL_PNG).unwrap();
    users::set_picture(&bus, uid, &picture).await.unwrap();
    let shown = next_matching(&mut watch, "carol's picture", |update| {
        matches!(update, ServiceUpdate::Available(people)
            if people.iter().any(|p| p.name == "carol" && p.picture.is_some()))
    })
    .await
    .unwrap();
    let ServiceUpdate::Available(people) = shown else {
        unreachable!()
    };
    let copied: PathBuf = people
        .iter()
        .find(|p| p.name == "carol")
        .and_then(|p| p.picture.clone())
        .unwrap();
    assert_eq!(
        copied,
        Path::new("/var/lib/AccountsService/icons/carol"),
        "the daemon's copy"
    );
    assert_eq!(
        std::fs::read(bed.dir().join("accounts/varlib/icons/carol")).unwrap(),
        RED_PIXEL_PNG
    );
    users::set_password(&bus, uid, &Secret::new("another password".into()))
        .await
        .unwrap();

    users::delete(&bus, uid, Files::Delete).await.unwrap();
    assert_eq!(getent(&bed, "passwd", "carol"), None);
    next_matching(&mut watch, "carol gone", |update| {
        matches!(update, ServiceUpdate::Available(people) if !people.iter().any(|p| p.name == "carol"))
    })
    .await
    .unwrap();
    assert!(matches!(
        users::delete(&bus, uid, Files::Keep).await,
        Err(UsersError::NoSuchPerson(gone)) if gone == uid
    ));
    assert_eq!(std::fs::read_to_string("/etc/passwd").unwrap(), host_passwd);
}

/// Hung (SIGSTOP) mid-change: the call ends within the bus's timeout as `NoAnswer`; resumed,
/// the next change works.
#[tokio::test(flavor = "multi_thread")]
async fn accounts_daemon_hung_mid_change() {
    let bed = TestBed::start(&[Service::Accounts, Service::Polkit]).unwrap();
    let bus = SystemBus::with_address(bed.system_bus_address()).with_method_timeout(TIMEOUT);
    let grace = ACCOUNTS[1].uid;
    signal_service(&bed, Service::Accounts, "-STOP");
    let started = std::time::Instant::now();
    let answer = tokio::time::timeout(
        WAIT,
        users::set_account_type(&bus, grace, AccountType::Administrator),
    )
    .await
    .expect("bounded by the bus's timeout");
    assert!(matches!(answer, Err(UsersError::NoAnswer(_))), "{answer:?}");
    assert!(started.elapsed() < TIMEOUT * 4, "{:?}", started.elapsed());
    let answer = users::create(&bus, &person("dora", AccountType::Standard)).await;
    assert!(matches!(answer, Err(UsersError::NoAnswer(_))), "{answer:?}");
    signal_service(&bed, Service::Accounts, "-CONT");
    // The queued calls may still be served once it resumes; a new change works.
    let uid = tokio::time::timeout(WAIT, async {
        loop {
            match users::create(&bus, &person("edith", AccountType::Standard)).await {
                Ok(uid) => break uid,
                Err(UsersError::NoAnswer(_)) => tokio::time::sleep(TIMEOUT).await,
                Err(other) => panic!("{other:?}"),
            }
        }
    })
    .await
    .unwrap();
    assert!(getent(&bed, "passwd", "edith").is_some());
    users::delete(&bus, uid, Files::Delete).await.unwrap();
}

/// Killed mid-change (stopped with the call queued, then SIGKILL): the call ends as
/// `Unavailable` and nothing was made; started again, a person is added.
#[tokio::test(flavor = "multi_thread")]
async fn accounts_daemon_killed_mid_change() {
    let mut bed = TestBed::start(&[Service::Accounts, Service::Polkit]).unwrap();
    let bus = SystemBus::with_address(bed.system_bus_address()).with_method_timeout(WAIT);
    signal_service(&bed, Service::Accounts, "-STOP");
    let call = {
        let bus = bus.clone();
        tokio::spawn(
            async move { users::create(&bus, &person("frida", AccountType::Standard)).await },
        )
    };
    // The hash takes ~0.1 s before CreateUser goes out.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    bed.kill_service(Service::Accounts).unwrap();
    let answer = tokio::time::timeout(WAIT, call).await.unwrap().unwrap();
    assert!(
        matches!(answer, Err(UsersError::Unavailable(_))),
        "{answer:?}"
    );
    assert!(
        !passwd_copy(&bed)
            .lines()
            .any(|line| line.starts_with("frida:")),
        "nothing was made"
    );
    bed.start_service(Service::Accounts).unwrap();
    let uid = users::create(&bus, &person("frida", AccountType::Standard))
        .await
        .unwrap();
    assert!(getent(&bed, "passwd", "frida").is_some());
    users::delete(&bus, uid, Files::Delete).await.unwrap();
}

fn as_person(bed: &TestBed, name: &str, admin: Option<(u32, &str)>) -> String {
    as_nobody_in_polkit_namespace(
        bed,
        env!("CARGO_BIN_EXE_users-as-person"),
        &[bed.system_bus_address(), name],
        admin,
    )
}

/// With the real polkitd, through the Users page's add dialog: a person adding someone
/// without an agent is refused (`NotAllowed`, a sentence in the dialog, nothing pending,
/// nobody added); with the session's agent registered and an administrator's right password,
/// the same addition goes through.
#[test]
fn polkit_refuses_without_an_agent_and_allows_through_it() {
    let bed = TestBed::start(&[Service::PolkitDaemon, Service::Accounts])
        .expect("real polkitd and accounts-daemon");

    let refused = as_person(&bed, "gina", None);
    assert!(refused.contains(&format!("UID={NOBODY}")), "{refused}");
    assert!(refused.contains("RESULT=refused NotAllowed"), "{refused}");
    assert!(
        refused.contains("SENTENCE=The person was not added: an administrator did not allow it."),
        "the add dialog says so: {refused}"
    );
    assert!(refused.contains("PENDING=None"), "{refused}");
    assert_eq!(getent(&bed, "passwd", "gina"), None, "nobody added");

    let admin = ADMINS[0];
    let allowed = as_person(&bed, "gina", Some((admin.uid, admin.password)));
    assert!(
        allowed.contains("ASKED="),
        "polkit asked the agent: {allowed}"
    );
    assert!(allowed.contains("RESULT=ok"), "{allowed}");
    assert!(getent(&bed, "passwd", "gina").is_some());
}

/// Runs what `message` asks the page for and feeds the answer back; returns the answer.
async fn act(state: &mut page::State, bus: &SystemBus, message: page::Message) -> page::Message {
    let described = format!("{message:?}");
    let request = state
        .update(message)
        .request
        .unwrap_or_else(|| panic!("{described} asks AccountsService; the page has {state:?}"));
    let answer = tokio::time::timeout(WAIT, request.run(bus.clone()))
        .await
        .expect("the call ends by itself");
    let _ = state.update(answer.clone());
    answer
}

/// Feeds the page's watch into it until `accept`.
async fn follow(
    state: &mut page::State,
    watch: &mut (impl futures::Stream<Item = page::Message> + Unpin),
    what: &str,
    accept: impl Fn(&page::State) -> bool,
) {
    use futures::StreamExt as _;
    let deadline = tokio::time::Instant::now() + WAIT;
    while !accept(state) {
        let message = tokio::time::timeout_at(deadline, watch.next())
            .await
            .unwrap_or_else(|_| panic!("{what}: not within {WAIT:?}; the page has {state:?}"))
            .expect("the watch goes on");
        // Pictures the list names are read off the UI thread; none here.
        let _ = state.update(message);
    }
}

/// The page, as Ada: the Add dialog adds a standard person (the bed's `getent passwd`
/// shows them and the list does), the switch makes them an administrator, the Remove dialog
/// removes them with their files.
#[tokio::test(flavor = "multi_thread")]
async fn the_page_adds_changes_and_removes_a_person() {
    use futures::StreamExt as _;
    let bed = TestBed::start(&[Service::Accounts, Service::Polkit]).unwrap();
    let bus = SystemBus::with_address(bed.system_bus_address());
    let ada = ACCOUNTS[0].uid;
    let mut state = page::State::on(bus.clone(), ada);
    let mut watch = page::watch_stream(&page::Watch(bus.clone(), ada)).boxed();
    follow(&mut state, &mut watch, "ada listed", |state| {
        state.me().is_some_and(|me| me.name == "ada")
    })
    .await;

    let _ = state.update(page::Message::OpenAdd);
    for message in [
        add::Message::RealName("Hedy Lamarr".into()),
        add::Message::Password(Secret::new("frequency hopping".into())),
        add::Message::Confirmation(Secret::new("frequency hopping".into())),
    ] {
        let _ = state.update(page::Message::Add(message));
    }
    let answer = act(&mut state, &bus, page::Message::Add(add::Message::Submit)).await;
    assert!(
        matches!(&answer, page::Message::Changed(_, Ok(()))),
        "{answer:?}"
    );
    assert!(state.dialog.is_none(), "closed once added");
    let line = getent(&bed, "passwd", "hedy").expect("hedy in the bed's passwd");
    assert!(line.contains("Hedy Lamarr"), "{line}");
    follow(&mut state, &mut watch, "hedy listed", |state| {
        state
            .people()
            .iter()
            .any(|p| p.name == "hedy" && p.account_type == AccountType::Standard)
    })
    .await;
    let hedy = state
        .people()
        .iter()
        .find(|p| p.name == "hedy")
        .unwrap()
        .uid;

    let answer = act(
        &mut state,
        &bus,
        page::Message::SetAccountType(hedy, AccountType::Administrator),
    )
    .await;
    assert!(
        matches!(&answer, page::Message::Changed(_, Ok(()))),
        "{answer:?}"
    );
    assert!(in_admin_group(&bed, "hedy"));
    follow(&mut state, &mut watch, "hedy an administrator", |state| {
        state
            .person(hedy)
            .is_some_and(|p| p.account_type == AccountType::Administrator)
    })
    .await;

    let _ = state.update(page::Message::OpenRemove(hedy));
    let _ = state.update(page::Message::Remove(remove::Message::Files(Files::Delete)));
    let answer = act(
        &mut state,
        &bus,
        page::Message::Remove(remove::Message::Submit),
    )
    .await;
    assert!(
        matches!(&answer, page::Message::Changed(_, Ok(()))),
        "{answer:?}"
    );
    assert_eq!(getent(&bed, "passwd", "hedy"), None);
    follow(&mut state, &mut watch, "hedy gone", |state| {
        state.person(hedy).is_none()
    })
    .await;
    assert!(state.error.is_none(), "{:?}", state.error);
}

/// The bed's copy of `/etc/gdm3/daemon.conf`, where Debian's accounts-daemon keeps the
/// automatic login (empty when it has not written it yet).
fn daemon_conf(bed: &TestBed) -> String {
    std::fs::read_to_string(bed.dir().join("accounts/etc/gdm3/daemon.conf")).unwrap_or_default()
}

/// greetd's configuration as the image ships it.
fn image_greetd_config() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../image/mkosi.extra/etc/greetd/config.toml"),
    )
    .unwrap()
}

/// What `ferrum-greetd-config` makes of the bed's files: the `initial_session`'s user and
/// command, when there is one, and the outcome.
fn greetd_initial_session(bed: &TestBed) -> (Option<(String, String)>, autologin::Outcome) {
    let greetd = image_greetd_config();
    let conf = daemon_conf(bed);
    let passwd = passwd_copy(bed);
    let translation = autologin::translate(
        autologin::Inputs {
            greetd: Some(&greetd),
            daemon_conf: Some(&conf),
            passwd: Some(&passwd),
        },
        |name| format!("session-of {name}"),
    );
    assert_eq!(
        autologin::session_in(&translation.text, "default_session"),
        autologin::session_in(&greetd, "default_session"),
        "the login screen stays: {}",
        translation.text
    );
    assert!(autologin::session_in(&greetd, "default_session").is_some());
    let initial = autologin::session_in(&translation.text, "initial_session");
    (initial, translation.outcome)
}

/// The page, as Ada (root through the polkit mock, as the other page changes): Grace's
/// automatic login switch turned on — accounts-daemon reports it, writes it into the bed's
/// `/etc/gdm3/daemon.conf`, and `ferrum-greetd-config`'s translation of that file gives greetd
/// an `initial_session` for Grace; on for Ada turns Grace's off (the daemon's doing); off
/// again leaves greetd's file without `initial_session`; refused by polkit, nothing changes
/// and the page says so. A system account the daemon is told to log in is refused by the
/// translation.
#[tokio::test(flavor = "multi_thread")]
async fn the_page_turns_automatic_login_on_and_off() {
    use futures::StreamExt as _;
    let bed = TestBed::start(&[Service::Accounts, Service::Polkit]).unwrap();
    let bus = SystemBus::with_address(bed.system_bus_address());
    let ada = ACCOUNTS[0].uid;
    let grace = ACCOUNTS[1].uid;
    let mut state = page::State::on(bus.clone(), ada);
    let mut watch = page::watch_stream(&page::Watch(bus.clone(), ada)).boxed();
    follow(&mut state, &mut watch, "grace listed", |state| {
        state.person(grace).is_some_and(|p| !p.automatic_login)
    })
    .await;
    assert_eq!(greetd_initial_session(&bed).0, None);

    let answer = act(
        &mut state,
        &bus,
        page::Message::SetAutomaticLogin(grace, true),
    )
    .await;
    assert!(
        matches!(&answer, page::Message::Changed(_, Ok(()))),
        "{answer:?}"
    );
    follow(
        &mut state,
        &mut watch,
        "grace logs in by herself",
        |state| state.person(grace).is_some_and(|p| p.automatic_login),
    )
    .await;
    let conf = daemon_conf(&bed);
    assert_eq!(
        autologin::read_choice(&conf),
        autologin::Choice::On("grace".into()),
        "{conf}"
    );
    assert_eq!(
        greetd_initial_session(&bed),
        (
            Some(("grace".into(), "session-of grace".into())),
            autologin::Outcome::On("grace".into())
        )
    );

    // Only one person: on for Ada is off for Grace.
    let answer = act(
        &mut state,
        &bus,
        page::Message::SetAutomaticLogin(ada, true),
    )
    .await;
    assert!(
        matches!(&answer, page::Message::Changed(_, Ok(()))),
        "{answer:?}"
    );
    follow(&mut state, &mut watch, "ada instead of grace", |state| {
        state.person(ada).is_some_and(|p| p.automatic_login)
            && state.person(grace).is_some_and(|p| !p.automatic_login)
    })
    .await;
    assert_eq!(
        greetd_initial_session(&bed).0.map(|(user, _)| user),
        Some("ada".into())
    );

    let answer = act(
        &mut state,
        &bus,
        page::Message::SetAutomaticLogin(ada, false),
    )
    .await;
    assert!(
        matches!(&answer, page::Message::Changed(_, Ok(()))),
        "{answer:?}"
    );
    follow(
        &mut state,
        &mut watch,
        "nobody logs in by themselves",
        |state| state.people().iter().all(|p| !p.automatic_login),
    )
    .await;
    assert_eq!(
        autologin::read_choice(&daemon_conf(&bed)),
        autologin::Choice::Off
    );
    assert_eq!(
        greetd_initial_session(&bed),
        (None, autologin::Outcome::Off)
    );

    // Refused: a sentence, nothing changed.
    tokio::task::block_in_place(|| bed.set_polkit_allowed(false, &[])).unwrap();
    let answer = act(
        &mut state,
        &bus,
        page::Message::SetAutomaticLogin(grace, true),
    )
    .await;
    assert!(
        matches!(
            &answer,
            page::Message::Changed(_, Err(UsersError::NotAllowed(_)))
        ),
        "{answer:?}"
    );
    assert_eq!(state.pending, None);
    {
        let _guard = ferrum_i18n::hold_locale("en-US");
        assert_eq!(
            state.error.as_ref().map(|report| report.summary.as_str()),
            Some("Automatic login was not changed: an administrator did not allow it.")
        );
    }
    let mut people = users::list(bus.connection().await.unwrap(), ada)
        .await
        .unwrap();
    people.retain(|p| p.automatic_login);
    assert_eq!(people, Vec::new(), "the daemon reports nobody");
    assert_eq!(
        greetd_initial_session(&bed),
        (None, autologin::Outcome::Off)
    );

    // A system account the daemon is told to log in (not through the page, which does not
    // list it) is refused by the translation: greetd gets no initial_session.
    tokio::task::block_in_place(|| bed.set_polkit_allowed(true, &[])).unwrap();
    let system = ACCOUNTS[2];
    users::set_automatic_login(&bus, system.uid, true)
        .await
        .unwrap();
    assert_eq!(
        autologin::read_choice(&daemon_conf(&bed)),
        autologin::Choice::On(system.name.into())
    );
    assert_eq!(
        greetd_initial_session(&bed),
        (
            None,
            autologin::Outcome::Refused(autologin::Refusal::SystemAccount {
                name: system.name.into(),
                uid: system.uid
            })
        )
    );
}
