//! The Region & Language page against the daemons: the real systemd-localed on the bed's bus
//! (`Service::Localed`: outside PID 1, in a mount namespace with copies of `/etc` and
//! `/usr/lib/locale` — the copy's `/etc/default/locale` and `/etc/default/keyboard` change,
//! this host's never do), the real accounts-daemon (`Service::Accounts`, its own
//! `/etc/passwd` with the fixture people) for the person's language, and the real polkitd for
//! a refusal and the session's agent. Each test runs `update`, the request it returns with
//! `PageRequest::run`, and feeds the answer back. Needs root and the packages of
//! `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::Duration;

use ferrum_integration_tests::next_matching;
use ferrum_integration_tests::person::{NOBODY, as_nobody_in_polkit_namespace};
use ferrum_integration_tests::signal_service;
use ferrum_panels::region::{self, Change, List, Message, People, Request, State, Watch};
use ferrum_panels::{Page, PageRequest};
use ferrum_services::locale;
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_testbed::fixtures::ACCOUNTS;
use ferrum_testbed::polkit::ADMINS;
use ferrum_testbed::{Service, TestBed};
use futures::{Stream, StreamExt};

const WAIT: Duration = Duration::from_secs(30);
/// The method timeout of the fault tests' bus.
const TIMEOUT: Duration = Duration::from_secs(2);

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The page for `uid`, its layouts read, fed by both its watches until localed (and, with
/// `person`, AccountsService) has been read.
async fn ready(
    bus: &SystemBus,
    uid: u32,
    person: bool,
) -> (State, impl Stream<Item = Message> + Unpin + use<>) {
    let mut state = State::on(bus.clone(), uid);
    let load = state.enter().request.expect("the layouts are read");
    assert_eq!(load, Request::LoadLayouts);
    let loaded = load.run(bus.clone()).await;
    let _ = state.update(loaded);
    assert!(
        state
            .layouts
            .as_ref()
            .is_some_and(|all| all.iter().any(|layout| layout.name == "ua")),
        "xkeyboard-config's list, as the greeter reads it"
    );
    let watch = region::watch_stream(&Watch(bus.clone())).boxed();
    let mut messages: std::pin::Pin<Box<dyn Stream<Item = Message> + Send>> = if person {
        futures::stream::select(watch, region::people_stream(&People(bus.clone()))).boxed()
    } else {
        watch
    };
    follow(
        &mut state,
        &mut messages,
        "localed and the person",
        |state| state.snapshot().is_some() && (!person || state.person.ready().is_some()),
    )
    .await;
    (state, messages)
}

/// Feeds the watches into the page until `accept`.
async fn follow(
    state: &mut State,
    watch: &mut (impl Stream<Item = Message> + Unpin),
    what: &str,
    accept: impl Fn(&State) -> bool,
) {
    let deadline = tokio::time::Instant::now() + WAIT;
    while !accept(state) {
        let message = tokio::time::timeout_at(deadline, watch.next())
            .await
            .unwrap_or_else(|_| panic!("{what}: not within {WAIT:?}; the page has {state:?}"))
            .expect("the watch goes on");
        let outcome = state.update(message);
        assert!(outcome.request.is_none(), "a watch asked for {outcome:?}");
    }
}

/// Runs what `message` asks for and feeds the answer back; returns the answer.
async fn act(state: &mut State, bus: &SystemBus, message: Message) -> Message {
    let described = format!("{message:?}");
    let request = state
        .update(message)
        .request
        .unwrap_or_else(|| panic!("{described} asks a daemon; the page has {state:?}"));
    let answer = tokio::time::timeout(WAIT, request.run(bus.clone()))
        .await
        .expect("the call ends by itself");
    let _ = state.update(answer.clone());
    answer
}

fn add_layout(name: &str) -> [Message; 2] {
    [
        Message::OpenPicker,
        Message::Picker(region::layout_picker::Message::Choose(name.into())),
    ]
}

async fn add(state: &mut State, bus: &SystemBus, name: &str) -> Message {
    let [open, choose] = add_layout(name);
    let _ = state.update(open);
    act(state, bus, choose).await
}

/// The person's language goes to their AccountsService account; the login screen's language
/// and the formats to localed's copy of `/etc/default/locale`; an added layout and a new
/// first layout to its `/etc/default/keyboard`. The page then shows what the daemons say.
/// This host's files are untouched. (The test runs as root, whom localed and accounts-daemon
/// let through.)
#[tokio::test(flavor = "multi_thread")]
async fn the_choices_on_the_page_are_what_localed_and_accounts_daemon_keep() {
    let host_locale = read(Path::new("/etc/default/locale"));
    let host_keyboard = read(Path::new("/etc/default/keyboard"));
    let bed = TestBed::start(&[Service::Localed, Service::Accounts, Service::Polkit])
        .expect("the real localed and accounts-daemon");
    let bus = SystemBus::with_address(bed.system_bus_address());
    let etc = bed.machine_etc(Service::Localed);
    let ada = ACCOUNTS[0].uid;
    let (mut state, mut watch) = ready(&bus, ada, true).await;

    // The person's own language.
    let answer = act(
        &mut state,
        &bus,
        Message::Choose(List::PersonLanguage, "uk"),
    )
    .await;
    assert!(
        matches!(&answer, Message::Changed(Change::PersonLanguage(_), Ok(()))),
        "{answer:?}"
    );
    assert_eq!(
        locale::person_language(&bus, ada).await.unwrap(),
        "uk_UA.UTF-8"
    );
    follow(
        &mut state,
        &mut watch,
        "the person's new language",
        |state| state.person_language() == Some("uk_UA.UTF-8"),
    )
    .await;

    // The login screen's language (installed on this host, so localed needs no locale-gen).
    let answer = act(
        &mut state,
        &bus,
        Message::Choose(List::MachineLanguage, "de"),
    )
    .await;
    assert!(matches!(&answer, Message::Changed(_, Ok(()))), "{answer:?}");
    assert!(
        read(&etc.join("default/locale")).contains("LANG=de_DE.UTF-8"),
        "{}",
        read(&etc.join("default/locale"))
    );
    follow(&mut state, &mut watch, "the machine's language", |state| {
        state.machine_language() == Some("de_DE.UTF-8")
    })
    .await;

    // The formats: the language stays.
    let answer = act(&mut state, &bus, Message::Choose(List::Formats, "en-US")).await;
    assert!(matches!(&answer, Message::Changed(_, Ok(()))), "{answer:?}");
    let written = read(&etc.join("default/locale"));
    assert!(written.contains("LANG=de_DE.UTF-8"), "{written}");
    assert!(written.contains("LC_TIME=en_US.UTF-8"), "{written}");
    assert!(written.contains("LC_PAPER=en_US.UTF-8"), "{written}");
    follow(&mut state, &mut watch, "the formats", |state| {
        state.formats() == Some("en_US.UTF-8")
    })
    .await;

    // Two layouts from the greeter's list, the second then made the first.
    let mut expected = state.machine_layouts();
    for name in ["ua", "jp"] {
        let answer = add(&mut state, &bus, name).await;
        assert!(matches!(&answer, Message::Changed(_, Ok(()))), "{answer:?}");
        expected.push(name.to_owned());
        let wanted = expected.clone();
        follow(&mut state, &mut watch, "the added layout", |state| {
            state.machine_layouts() == wanted
        })
        .await;
    }
    let answer = act(&mut state, &bus, Message::FirstLayout("jp".into())).await;
    assert!(matches!(&answer, Message::Changed(_, Ok(()))), "{answer:?}");
    expected.retain(|name| name != "jp");
    expected.insert(0, "jp".to_owned());
    let keyboard = read(&etc.join("default/keyboard"));
    assert!(
        keyboard.contains(&format!("XKBLAYOUT={}", expected.join(","))),
        "{keyboard}"
    );
    follow(&mut state, &mut watch, "jp first", |state| {
        state.machine_layouts() == expected
    })
    .await;
    assert!(state.error.is_none(), "{:?}", state.error);

    assert_eq!(read(Path::new("/etc/default/locale")), host_locale);
    assert_eq!(read(Path::new("/etc/default/keyboard")), host_keyboard);
}

fn as_person(bed: &TestBed, layout: &str, admin: Option<(u32, &str)>) -> String {
    as_nobody_in_polkit_namespace(
        bed,
        env!("CARGO_BIN_EXE_region-as-person"),
        &[bed.system_bus_address(), layout],
        admin,
    )
}

/// With the real polkitd: a person's change of the machine's keyboard without an agent is
/// refused (a sentence, nothing pending, the copy's `/etc/default/keyboard` as it was); with
/// the session's agent registered and an administrator's right password, the same change goes
/// through.
#[test]
fn polkit_refuses_without_an_agent_and_allows_through_it() {
    let bed = TestBed::start(&[Service::PolkitDaemon, Service::Localed])
        .expect("real polkitd and localed");
    let etc = bed.machine_etc(Service::Localed);
    let before = read(&etc.join("default/keyboard"));

    let refused = as_person(&bed, "jp", None);
    assert!(refused.contains(&format!("UID={NOBODY}")), "{refused}");
    assert!(refused.contains("RESULT=refused"), "{refused}");
    assert!(
        refused.contains(
            "SENTENCE=The keyboard layouts were not changed: an administrator did not allow it."
        ),
        "{refused}"
    );
    assert!(refused.contains("PENDING=None"), "{refused}");
    assert_eq!(
        read(&etc.join("default/keyboard")),
        before,
        "nothing changed"
    );

    let admin = ADMINS[0];
    let allowed = as_person(&bed, "jp", Some((admin.uid, admin.password)));
    assert!(
        allowed.contains("ASKED="),
        "polkit asked the agent: {allowed}"
    );
    assert!(allowed.contains("RESULT=ok"), "{allowed}");
    let keyboard = read(&etc.join("default/keyboard"));
    assert!(
        keyboard.contains("XKBLAYOUT=") && keyboard.contains("jp"),
        "{keyboard}"
    );
}

/// Hung (SIGSTOP) mid-change: the call ends within the bus's timeout with a sentence and
/// nothing pending; resumed, the page reads localed again by itself and a new change works.
#[tokio::test(flavor = "multi_thread")]
async fn localed_hung_mid_change() {
    let bed = TestBed::start(&[Service::Localed]).expect("the real localed");
    let bus = SystemBus::with_address(bed.system_bus_address()).with_method_timeout(TIMEOUT);
    let (mut state, mut watch) = ready(&bus, 0, false).await;
    let etc = bed.machine_etc(Service::Localed);

    signal_service(&bed, Service::Localed, "-STOP");
    let answer = add(&mut state, &bus, "fr").await;
    assert!(matches!(&answer, Message::Changed(_, Err(_))), "{answer:?}");
    assert_eq!(state.pending, None);
    {
        let _guard = ferrum_i18n::hold_locale("en-US");
        assert_eq!(
            state.error.as_ref().map(|report| report.summary.as_str()),
            Some(
                "The language service did not answer. The change may not have been made; the page shows what the service says once it answers."
            )
        );
    }
    signal_service(&bed, Service::Localed, "-CONT");
    // The queued call may still have been served once it resumed: the page shows localed's word.
    let back = next_matching(&mut watch, "a read after the hang", |message| {
        matches!(message, Message::Watched(ServiceUpdate::Available(_)))
    })
    .await
    .unwrap();
    let _ = state.update(back);
    let answer = add(&mut state, &bus, "es").await;
    assert!(matches!(&answer, Message::Changed(_, Ok(()))), "{answer:?}");
    assert!(
        read(&etc.join("default/keyboard")).contains(",es"),
        "{}",
        read(&etc.join("default/keyboard"))
    );
}

/// Killed mid-change (stopped with the call queued, then SIGKILL): a sentence, nothing
/// pending, the keyboard as it was; started again, the page reads it by itself and a change
/// works.
#[tokio::test(flavor = "multi_thread")]
async fn localed_killed_mid_change() {
    let mut bed = TestBed::start(&[Service::Localed]).expect("the real localed");
    let bus = SystemBus::with_address(bed.system_bus_address()).with_method_timeout(TIMEOUT);
    let (mut state, mut watch) = ready(&bus, 0, false).await;
    let etc = bed.machine_etc(Service::Localed);
    let before = read(&etc.join("default/keyboard"));

    signal_service(&bed, Service::Localed, "-STOP");
    let [open, choose] = add_layout("ara");
    let _ = state.update(open);
    let request = state.update(choose).request.expect("asks localed");
    let call = tokio::spawn(request.run(bus.clone()));
    tokio::time::sleep(Duration::from_millis(300)).await;
    bed.kill_service(Service::Localed).unwrap();
    let answer = call.await.unwrap();
    assert!(matches!(&answer, Message::Changed(_, Err(_))), "{answer:?}");
    let _ = state.update(answer);
    assert_eq!(state.pending, None);
    assert!(state.error.is_some(), "a sentence");
    assert_eq!(
        read(&etc.join("default/keyboard")),
        before,
        "nothing changed"
    );

    bed.start_service(Service::Localed).unwrap();
    let back = next_matching(&mut watch, "localed back", |message| {
        matches!(message, Message::Watched(ServiceUpdate::Available(_)))
    })
    .await
    .unwrap();
    let _ = state.update(back);
    assert!(!state.resting);
    let answer = add(&mut state, &bus, "ara").await;
    assert!(matches!(&answer, Message::Changed(_, Ok(()))), "{answer:?}");
    assert!(read(&etc.join("default/keyboard")).contains("ara"));
}
