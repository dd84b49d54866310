//! The Date & Time page against the daemons: the real systemd-timedated on the bed's bus
//! (`Service::Timedated`: outside PID 1, in a mount namespace with a copy of `/etc`, without
//! `CAP_SYS_TIME`) for the time zone — the copy's `/etc/localtime` changes, this host's never
//! does —, the real polkitd for refusals and the authentication agent, and python-dbusmock's
//! `timedated` template for automatic time and the clock (see each test for why). Each test
//! runs `update`, the request it returns with `PageRequest::run`, and feeds the answer back.
//! Needs root and the packages of `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::Duration;

use ferrum_accessibility::Preferences;
use ferrum_integration_tests::next_matching;
use ferrum_integration_tests::person::{NOBODY, as_nobody_in_polkit_namespace};
use ferrum_integration_tests::signal_service;
use ferrum_panels::date_time::{self, Change, Message, Request, State, Watch, manual, zone_picker};
use ferrum_panels::{Page, PageRequest};
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_testbed::polkit::ADMINS;
use ferrum_testbed::{Service, TestBed};
use futures::{Stream, StreamExt};

const WAIT: Duration = Duration::from_secs(20);
/// The method timeout of the fault tests' bus.
const TIMEOUT: Duration = Duration::from_secs(2);

fn localtime(etc: &Path) -> String {
    std::fs::read_link(etc.join("localtime"))
        .map(|target| target.display().to_string())
        .unwrap_or_default()
}

async fn ready(bus: &SystemBus) -> (State, impl Stream<Item = Message> + Unpin + use<>) {
    let _guard = ferrum_i18n::hold_locale("en-US");
    let mut state = State::on(bus.clone(), Preferences::default());
    let load = state.enter().request.expect("the zones are read");
    let loaded = load.run(bus.clone()).await;
    let _ = state.update(loaded);
    let mut watch = date_time::watch_stream(&Watch(bus.clone())).boxed();
    follow(
        &mut state,
        &mut watch,
        bus,
        "timedated's snapshot",
        |state| state.snapshot().is_some(),
    )
    .await;
    (state, watch)
}

/// Feeds the watch into the page until `accept`, running what it asks for (a zone's offset)
/// as the app would.
async fn follow(
    state: &mut State,
    watch: &mut (impl Stream<Item = Message> + Unpin),
    bus: &SystemBus,
    what: &str,
    accept: impl Fn(&State) -> bool,
) {
    let deadline = tokio::time::Instant::now() + WAIT;
    while !accept(state) {
        let message = tokio::time::timeout_at(deadline, watch.next())
            .await
            .unwrap_or_else(|_| panic!("{what}: not within {WAIT:?}; the page has {state:?}"))
            .expect("the watch goes on");
        if let Some(request) = state.update(message).request {
            let answer = request.run(bus.clone()).await;
            let _ = state.update(answer);
        }
    }
}

fn choose(state: &mut State, zone: &str) -> Request {
    let _ = state.update(Message::OpenPicker);
    state
        .update(Message::Picker(zone_picker::Message::Choose(zone.into())))
        .request
        .expect("choosing a zone asks timedated")
}

/// The page's zone choice reaches the real timedated, which writes the bed's copy of
/// `/etc/localtime`; the page then shows timedated's new
/// zone with its offset. This host's `/etc/localtime` is untouched. (The test runs as root,
/// whom timedated lets through without asking polkit: the polkit tests run as a person.)
#[tokio::test(flavor = "multi_thread")]
async fn the_time_zone_chosen_on_the_page_is_what_timedated_writes() {
    let host_before = localtime(Path::new("/etc"));
    let bed = TestBed::start(&[Service::Timedated]).expect("the bed with the real timedated");
    let bus = SystemBus::with_address(bed.system_bus_address());
    let (mut state, mut watch) = ready(&bus).await;
    let etc = bed.machine_etc(Service::Timedated);
    assert!(!localtime(&etc).ends_with("Asia/Tokyo"));
    // Without systemd on the bus timedated cannot tell about NTP: the switch is explained.
    assert!(!state.snapshot().unwrap().can_ntp);

    let request = choose(&mut state, "Asia/Tokyo");
    let answer = request.run(bus.clone()).await;
    assert!(
        matches!(&answer, Message::Changed(Change::Zone(_), Ok(()))),
        "{answer:?}"
    );
    let _ = state.update(answer);
    assert!(
        localtime(&etc).ends_with("zoneinfo/Asia/Tokyo"),
        "{}",
        localtime(&etc)
    );
    follow(&mut state, &mut watch, &bus, "the new zone", |state| {
        state.zone() == "Asia/Tokyo"
    })
    .await;
    assert_eq!(state.offset_of("Asia/Tokyo"), Some(9 * 3600));
    assert_eq!(localtime(Path::new("/etc")), host_before, "the host's zone");

    // A zone timedated does not know: refused with a sentence, nothing written.
    let request = choose(&mut state, "Mars/Olympus");
    let answer = request.run(bus.clone()).await;
    let _ = state.update(answer);
    let _guard = ferrum_i18n::hold_locale("en-US");
    assert_eq!(
        state.error.as_ref().map(|report| report.summary.as_str()),
        Some("This computer does not know the time zone Mars/Olympus.")
    );
    assert!(localtime(&etc).ends_with("zoneinfo/Asia/Tokyo"));
}

/// Automatic time and setting the clock by hand against python-dbusmock's `timedated`
/// template, never the real daemon: `SetNTP` starts and stops systemd's time
/// synchronisation units (there is no systemd as PID 1 here) and `SetTime` sets this host's
/// clock — neither may happen on a test machine. The mock records the calls.
#[tokio::test(flavor = "multi_thread")]
async fn automatic_time_and_the_clock_by_hand_reach_timedated() {
    let bed = TestBed::start(&[Service::TimedatedMock]).expect("the timedated mock");
    let bus = SystemBus::with_address(bed.system_bus_address());
    let (mut state, mut watch) = ready(&bus).await;
    assert!(
        state.snapshot().unwrap().ntp,
        "the template starts with NTP on"
    );
    assert!(
        state.update(Message::OpenManual).is_none(),
        "no clock by hand while automatic"
    );

    let request = state.update(Message::Automatic(false)).request.unwrap();
    let answer = request.run(bus.clone()).await;
    let _ = state.update(answer);
    follow(
        &mut state,
        &mut watch,
        &bus,
        "automatic time off",
        |state| state.snapshot().is_some_and(|snapshot| !snapshot.ntp),
    )
    .await;

    let _ = state.update(Message::OpenManual);
    let _ = state.update(Message::Manual(manual::Message::Date("2030-01-02".into())));
    let _ = state.update(Message::Manual(manual::Message::Time("03:04:05".into())));
    let request = state
        .update(Message::Manual(manual::Message::Submit))
        .request
        .unwrap();
    let answer = request.run(bus.clone()).await;
    assert!(
        matches!(&answer, Message::Changed(Change::Time, Ok(()))),
        "{answer:?}"
    );
    let _ = state.update(answer);
    assert!(state.manual.is_none());

    let calls = bed
        .busctl()
        .args([
            "call",
            "org.freedesktop.timedate1",
            "/org/freedesktop/timedate1",
            "org.freedesktop.DBus.Mock",
            "GetMethodCalls",
            "s",
            "SetTime",
        ])
        .output()
        .unwrap();
    let calls = String::from_utf8_lossy(&calls.stdout);
    // The template's zone is "Etc/Utc" (zone names are looked up case-insensitively), so
    // 2030-01-02 03:04:05 there is that instant in UTC, in microseconds.
    assert!(
        calls.contains("x 1893553445000000 b false b true"),
        "absolute, interactive: {calls}"
    );
}

fn as_person(bed: &TestBed, zone: &str, admin: Option<(u32, &str)>) -> String {
    as_nobody_in_polkit_namespace(
        bed,
        env!("CARGO_BIN_EXE_date-time-as-person"),
        &[bed.system_bus_address(), zone],
        admin,
    )
}

/// With the real polkitd: a person's program without an agent is refused (a sentence,
/// nothing pending, the copy's `/etc/localtime` as it was); with the session's agent
/// registered and an administrator's right password, the same choice goes through.
#[test]
fn polkit_refuses_without_an_agent_and_allows_through_it() {
    let bed = TestBed::start(&[Service::PolkitDaemon, Service::Timedated])
        .expect("real polkitd and timedated");
    let etc = bed.machine_etc(Service::Timedated);
    let before = localtime(&etc);

    let refused = as_person(&bed, "Europe/Kyiv", None);
    assert!(refused.contains(&format!("UID={NOBODY}")), "{refused}");
    assert!(refused.contains("RESULT=refused"), "{refused}");
    assert!(
        refused
            .contains("SENTENCE=The time zone was not changed: an administrator did not allow it."),
        "{refused}"
    );
    assert!(refused.contains("PENDING=None"), "{refused}");
    assert_eq!(localtime(&etc), before, "nothing changed");

    let admin = ADMINS[0];
    let allowed = as_person(&bed, "Europe/Kyiv", Some((admin.uid, admin.password)));
    assert!(
        allowed.contains("ASKED="),
        "polkit asked the agent: {allowed}"
    );
    assert!(allowed.contains("RESULT=ok"), "{allowed}");
    assert!(
        localtime(&etc).ends_with("zoneinfo/Europe/Kyiv"),
        "{}",
        localtime(&etc)
    );
}

/// Hung (SIGSTOP) mid-change: the call ends within the bus's timeout with a sentence and
/// nothing pending; resumed, the page reads timedated again by itself and a new change works.
#[tokio::test(flavor = "multi_thread")]
async fn timedated_hung_mid_change() {
    let bed = TestBed::start(&[Service::Timedated]).expect("the real timedated");
    let bus = SystemBus::with_address(bed.system_bus_address()).with_method_timeout(TIMEOUT);
    let (mut state, mut watch) = ready(&bus).await;
    let etc = bed.machine_etc(Service::Timedated);

    signal_service(&bed, Service::Timedated, "-STOP");
    let request = choose(&mut state, "America/Sao_Paulo");
    let answer = tokio::time::timeout(WAIT, request.run(bus.clone()))
        .await
        .expect("the call ends by itself");
    let _ = state.update(answer);
    assert_eq!(state.pending, None);
    let _guard = ferrum_i18n::hold_locale("en-US");
    assert_eq!(
        state.error.as_ref().map(|report| report.summary.as_str()),
        Some(
            "The time service did not answer. The change may not have been made; the page shows what the service says once it answers."
        )
    );
    signal_service(&bed, Service::Timedated, "-CONT");
    // The queued call may still have been served once it resumed: the page shows timedated's word.
    let _ = next_matching(&mut watch, "a read after the hang", |message| {
        matches!(message, Message::Watched(ServiceUpdate::Available(_)))
    })
    .await;
    let request = choose(&mut state, "Europe/Paris");
    let answer = request.run(bus.clone()).await;
    assert!(matches!(&answer, Message::Changed(_, Ok(()))), "{answer:?}");
    assert!(localtime(&etc).ends_with("zoneinfo/Europe/Paris"));
}

/// Killed mid-change (stopped with the call queued, then SIGKILL): a sentence, nothing
/// pending, the zone as it was; started again, the page reads it by itself and a change
/// works.
#[tokio::test(flavor = "multi_thread")]
async fn timedated_killed_mid_change() {
    let mut bed = TestBed::start(&[Service::Timedated]).expect("the real timedated");
    let bus = SystemBus::with_address(bed.system_bus_address()).with_method_timeout(TIMEOUT);
    let (mut state, mut watch) = ready(&bus).await;
    let etc = bed.machine_etc(Service::Timedated);
    let before = localtime(&etc);

    signal_service(&bed, Service::Timedated, "-STOP");
    let request = choose(&mut state, "Asia/Kolkata");
    let call = tokio::spawn(request.run(bus.clone()));
    tokio::time::sleep(Duration::from_millis(300)).await;
    bed.kill_service(Service::Timedated).unwrap();
    let answer = call.await.unwrap();
    assert!(matches!(&answer, Message::Changed(_, Err(_))), "{answer:?}");
    let _ = state.update(answer);
    assert_eq!(state.pending, None);
    assert!(state.error.is_some(), "a sentence");
    assert_eq!(localtime(&etc), before, "nothing changed");

    bed.start_service(Service::Timedated).unwrap();
    let back = next_matching(&mut watch, "timedated back", |message| {
        matches!(message, Message::Watched(ServiceUpdate::Available(_)))
    })
    .await
    .unwrap();
    let _ = state.update(back);
    assert!(!state.resting);
    let request = choose(&mut state, "Asia/Kolkata");
    let answer = request.run(bus.clone()).await;
    assert!(matches!(&answer, Message::Changed(_, Ok(()))), "{answer:?}");
    assert!(localtime(&etc).ends_with("zoneinfo/Asia/Kolkata"));
}
