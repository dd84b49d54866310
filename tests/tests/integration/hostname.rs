//! The host names from the real systemd-hostnamed on the bed's private system bus, and the
//! About page that shows them (or the kernel's name without it) and renames the computer.
//!
//! hostnamed runs in a mount namespace with a copy of `/etc` and a UTS namespace of its own
//! (`Service::Hostnamed`, `testbed/src/machine.rs`): every test that renames checks that this
//! host's kernel name (`/proc/sys/kernel/hostname`), `/etc/hostname` and
//! `/etc/machine-info` are as they were. Each test runs `update`, the request it returns with
//! `PageRequest::run`, and feeds the answer back; the real polkitd refuses a person's
//! program without an agent and allows it through the agent with an administrator's
//! password; SIGSTOP and SIGKILL mid-change. hostnamed exits after 30 s without callers, so
//! each test uses it right after the bed starts. Needs root.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::Duration;

use ferrum_integration_tests::feed_until;
use ferrum_integration_tests::person::{NOBODY, as_nobody_in_polkit_namespace};
use ferrum_integration_tests::signal_service;
use ferrum_panels::about::{self, Message, NamePart, Request, State, Watch, rename};
use ferrum_panels::{Page, PageRequest};
use ferrum_services::SystemBus;
use ferrum_services::hostname::{self, HostnameError, Hostnames};
use ferrum_testbed::polkit::ADMINS;
use ferrum_testbed::{Service, TestBed};
use futures::{Stream, StreamExt};

const WAIT: Duration = Duration::from_secs(20);
/// The method timeout of the fault tests' bus.
const TIMEOUT: Duration = Duration::from_secs(2);

fn kernel_hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .unwrap()
        .trim()
        .to_owned()
}

/// This host's names: its kernel's, `/etc/hostname` and `/etc/machine-info`.
#[derive(Debug, PartialEq, Eq)]
struct HostNames {
    kernel: String,
    etc_hostname: Option<String>,
    machine_info: Option<String>,
}

fn host_names() -> HostNames {
    HostNames {
        kernel: kernel_hostname(),
        etc_hostname: std::fs::read_to_string("/etc/hostname").ok(),
        machine_info: std::fs::read_to_string("/etc/machine-info").ok(),
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// What hostnamed's copy of `/etc` holds of the names: `hostname` and `machine-info`.
fn copy_names(etc: &Path) -> (String, String) {
    (read(&etc.join("hostname")), read(&etc.join("machine-info")))
}

#[tokio::test(flavor = "multi_thread")]
async fn hostnamed_names_this_machine_and_about_shows_it() {
    let bed = TestBed::start(&[Service::Hostnamed]).expect("test bed starts");
    let bus = SystemBus::with_address(bed.system_bus_address());
    let connection = bus.connection().await.unwrap();
    let names = hostname::snapshot(&connection).await.unwrap();
    // The namespace starts with this host's names.
    assert_eq!(names.hostname, kernel_hostname());
    let configured = std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    if let Some(configured) = configured {
        assert_eq!(names.static_hostname.as_deref(), Some(configured.as_str()));
    }
    let Message::Loaded(info) = Request::Read.run(bus.clone()).await else {
        panic!("reading answers with the facts");
    };
    assert_eq!(info.hostname.as_deref(), Some(names.display_name()));
}

#[tokio::test(flavor = "multi_thread")]
async fn without_hostnamed_about_shows_the_kernel_name() {
    let bed = TestBed::start(&[]).expect("test bed starts");
    let bus = SystemBus::with_address(bed.system_bus_address());
    let connection = bus.connection().await.unwrap();
    assert!(matches!(
        hostname::snapshot(&connection).await,
        Err(HostnameError::Unavailable(_))
    ));
    let Message::Loaded(info) = Request::Read.run(bus).await else {
        panic!("reading answers with the facts");
    };
    assert_eq!(info.hostname, Some(kernel_hostname()));
}

/// Fails the test before anything is renamed unless hostnamed runs in a UTS and a mount
/// namespace other than this process's (a bed built from an older recipe would rename this
/// host).
fn assert_isolated(bed: &TestBed) {
    let pid = bed.pid(Service::Hostnamed).expect("hostnamed runs");
    for namespace in ["uts", "mnt"] {
        let ours = std::fs::read_link(format!("/proc/self/ns/{namespace}")).unwrap();
        let its = std::fs::read_link(format!("/proc/{pid}/ns/{namespace}")).unwrap();
        assert_ne!(
            ours, its,
            "hostnamed must run in a {namespace} namespace of its own"
        );
    }
}

async fn ready(
    bed: &TestBed,
    bus: &SystemBus,
) -> (State, impl Stream<Item = Message> + Unpin + use<>) {
    assert_isolated(bed);
    let mut state = State::on(bus.clone());
    let mut watch = about::watch_stream(&Watch(bus.clone())).boxed();
    feed_until(&mut state, &mut watch, "hostnamed's names", WAIT, |state| {
        state.hostnames().is_some()
    })
    .await;
    (state, watch)
}

/// Opens the form, types `pretty` (and `static_name` when given) and submits it.
fn rename_to(state: &mut State, pretty: &str, static_name: Option<&str>) -> Request {
    let _ = state.update(Message::OpenRename);
    let _ = state.update(Message::Rename(rename::Message::Pretty(pretty.into())));
    if let Some(static_name) = static_name {
        let _ = state.update(Message::Rename(rename::Message::Static(static_name.into())));
    }
    state
        .update(Message::Rename(rename::Message::Submit))
        .request
        .expect("renaming asks hostnamed")
}

async fn names_of(bus: &SystemBus) -> Hostnames {
    let connection = bus.connection().await.unwrap();
    hostname::snapshot(&connection).await.unwrap()
}

/// The page's new names reach the real hostnamed, which writes the bed's copy of
/// `/etc/hostname` and `/etc/machine-info` and sets its namespace's kernel name; read back
/// through hostname1, and the page shows them from its watch. This host's names are as they
/// were. (Root, whom hostnamed lets through without polkit: the polkit test runs as a person.)
#[tokio::test(flavor = "multi_thread")]
async fn renaming_on_the_page_is_what_hostnamed_writes_and_never_this_host() {
    let before = host_names();
    let bed = TestBed::start(&[Service::Hostnamed]).expect("the real hostnamed");
    let bus = SystemBus::with_address(bed.system_bus_address());
    let (mut state, mut watch) = ready(&bed, &bus).await;
    let etc = bed.machine_etc(Service::Hostnamed);

    let request = rename_to(&mut state, "Ferrum Test Laptop", None);
    assert_eq!(
        request,
        Request::Rename {
            pretty: Some("Ferrum Test Laptop".into()),
            static_name: Some("ferrum-test-laptop".into()),
        }
    );
    let answer = request.run(bus.clone()).await;
    assert!(matches!(&answer, Message::Renamed(Ok(()))), "{answer:?}");
    let _ = state.update(answer);
    assert!(state.rename.is_none());
    feed_until(&mut state, &mut watch, "the new names", WAIT, |state| {
        state.hostnames().is_some_and(|names| {
            names.pretty_hostname.as_deref() == Some("Ferrum Test Laptop")
                && names.static_hostname.as_deref() == Some("ferrum-test-laptop")
        })
    })
    .await;
    assert_eq!(state.display_name().as_deref(), Some("Ferrum Test Laptop"));

    let names = names_of(&bus).await;
    assert_eq!(names.pretty_hostname.as_deref(), Some("Ferrum Test Laptop"));
    assert_eq!(names.static_hostname.as_deref(), Some("ferrum-test-laptop"));
    assert_eq!(
        names.hostname, "ferrum-test-laptop",
        "the namespace's kernel name"
    );
    assert_eq!(read(&etc.join("hostname")).trim(), "ferrum-test-laptop");
    assert!(
        read(&etc.join("machine-info")).contains("PRETTY_HOSTNAME=\"Ferrum Test Laptop\""),
        "{}",
        read(&etc.join("machine-info"))
    );
    assert_eq!(host_names(), before, "this host's names");

    // The network name typed by hand, the device name as it is: only the one is sent.
    let request = rename_to(&mut state, "Ferrum Test Laptop", Some("lab-7"));
    assert_eq!(
        request,
        Request::Rename {
            pretty: None,
            static_name: Some("lab-7".into()),
        }
    );
    let answer = request.run(bus.clone()).await;
    let _ = state.update(answer);
    feed_until(&mut state, &mut watch, "the network name", WAIT, |state| {
        state
            .hostnames()
            .is_some_and(|names| names.static_hostname.as_deref() == Some("lab-7"))
    })
    .await;
    assert_eq!(read(&etc.join("hostname")).trim(), "lab-7");
    assert_eq!(host_names(), before, "this host's names");
}

/// The network name failing after the device name was set: the page says so (no rollback)
/// and shows what hostnamed has — the new device name, the old network name. The bad name
/// is sent past the form's check, as only a buggy caller could.
#[tokio::test(flavor = "multi_thread")]
async fn a_network_name_failing_after_the_device_name_is_said_truthfully() {
    let before = host_names();
    let bed = TestBed::start(&[Service::Hostnamed]).expect("the real hostnamed");
    let bus = SystemBus::with_address(bed.system_bus_address());
    let (mut state, mut watch) = ready(&bed, &bus).await;
    let old_static = state.hostnames().unwrap().static_hostname.clone();

    let _ = rename_to(&mut state, "Half Renamed", None);
    let answer = Request::Rename {
        pretty: Some("Half Renamed".into()),
        static_name: Some("-not a name-".into()),
    }
    .run(bus.clone())
    .await;
    let Message::Renamed(Err(failure)) = &answer else {
        panic!("{answer:?}");
    };
    assert_eq!(failure.part, NamePart::Static);
    assert!(failure.pretty_applied);
    let _ = state.update(answer);
    let _guard = ferrum_i18n::hold_locale("en-US");
    assert_eq!(
        state.error.as_ref().map(|report| report.summary.as_str()),
        Some(
            "The device name was changed, but the network name was not. The page shows the names the computer has now."
        )
    );
    assert!(!state.pending);
    feed_until(&mut state, &mut watch, "the device name", WAIT, |state| {
        state.display_name().as_deref() == Some("Half Renamed")
    })
    .await;
    assert_eq!(state.hostnames().unwrap().static_hostname, old_static);
    assert_eq!(host_names(), before, "this host's names");
}

fn as_person(bed: &TestBed, pretty: &str, admin: Option<(u32, &str)>) -> String {
    as_nobody_in_polkit_namespace(
        bed,
        env!("CARGO_BIN_EXE_about-as-person"),
        &[bed.system_bus_address(), pretty],
        admin,
    )
}

/// With the real polkitd: a person's program without an agent is refused (a sentence,
/// nothing pending, the copy's names as they were); with the session's agent registered
/// and an administrator's right password, the same rename goes through.
#[test]
fn polkit_refuses_without_an_agent_and_allows_through_it() {
    let before = host_names();
    let bed = TestBed::start(&[Service::PolkitDaemon, Service::Hostnamed])
        .expect("real polkitd and hostnamed");
    assert_isolated(&bed);
    let etc = bed.machine_etc(Service::Hostnamed);
    let copy_before = copy_names(&etc);

    let refused = as_person(&bed, "Polkit Box", None);
    assert!(refused.contains(&format!("UID={NOBODY}")), "{refused}");
    assert!(refused.contains("RESULT=refused"), "{refused}");
    assert!(
        refused.contains("SENTENCE=The name was not changed: an administrator did not allow it."),
        "{refused}"
    );
    assert!(refused.contains("PENDING=false"), "{refused}");
    assert_eq!(copy_names(&etc), copy_before, "nothing changed");

    let admin = ADMINS[0];
    let allowed = as_person(&bed, "Polkit Box", Some((admin.uid, admin.password)));
    assert!(
        allowed.contains("ASKED="),
        "polkit asked the agent: {allowed}"
    );
    assert!(allowed.contains("RESULT=ok"), "{allowed}");
    assert_eq!(read(&etc.join("hostname")).trim(), "polkit-box");
    assert!(
        read(&etc.join("machine-info")).contains("PRETTY_HOSTNAME=\"Polkit Box\""),
        "{}",
        read(&etc.join("machine-info"))
    );
    assert_eq!(host_names(), before, "this host's names");
}

/// With the real polkitd and the session's agent answering only after 4 s — longer than the
/// bus's method timeout, shortened to 1.5 s here as a stand-in for the 20 s that failed slow
/// typists — the rename still goes through: interactive calls have their own bound.
#[test]
fn a_slow_answer_to_the_agent_is_waited_for() {
    let before = host_names();
    let bed = TestBed::start(&[Service::PolkitDaemon, Service::Hostnamed])
        .expect("real polkitd and hostnamed");
    assert_isolated(&bed);
    let etc = bed.machine_etc(Service::Hostnamed);
    let admin = ADMINS[0];
    let uid = admin.uid.to_string();
    let slowly = |method_ms: &str, interactive_ms: &str, pretty: &str| {
        as_nobody_in_polkit_namespace(
            &bed,
            env!("CARGO_BIN_EXE_about-as-person"),
            &[
                bed.system_bus_address(),
                pretty,
                &uid,
                admin.password,
                "4000",
                method_ms,
                interactive_ms,
            ],
            None,
        )
    };

    // Both bounds short, as before the fix: the person is still typing when the call fails.
    let copy_before = copy_names(&etc);
    let cut_off = slowly("1500", "1500", "Cut Off Box");
    assert!(
        cut_off.contains("ASKED="),
        "polkit asked the agent: {cut_off}"
    );
    assert!(cut_off.contains("RESULT=refused"), "{cut_off}");
    assert!(
        cut_off.contains("SENTENCE=The host name service did not answer."),
        "{cut_off}"
    );
    assert!(cut_off.contains("PENDING=false"), "{cut_off}");
    assert_eq!(copy_names(&etc), copy_before, "nothing changed");

    let waited = slowly("1500", "60000", "Slow Box");
    assert!(
        waited.contains("ASKED="),
        "polkit asked the agent: {waited}"
    );
    assert!(waited.contains("RESULT=ok"), "{waited}");
    assert_eq!(read(&etc.join("hostname")).trim(), "slow-box");
    assert_eq!(host_names(), before, "this host's names");
}

/// Hung (SIGSTOP) mid-change: the call ends within the bus's timeout with a sentence and
/// nothing pending, the form keeps the typing; resumed, the page shows what hostnamed says by
/// itself and a new rename works.
#[tokio::test(flavor = "multi_thread")]
async fn hostnamed_hung_mid_change() {
    let before = host_names();
    let bed = TestBed::start(&[Service::Hostnamed]).expect("the real hostnamed");
    let bus = SystemBus::with_address(bed.system_bus_address()).with_method_timeout(TIMEOUT);
    let (mut state, mut watch) = ready(&bed, &bus).await;

    signal_service(&bed, Service::Hostnamed, "-STOP");
    let request = rename_to(&mut state, "Hung Box", None);
    let answer = tokio::time::timeout(WAIT, request.run(bus.clone()))
        .await
        .expect("the call ends by itself");
    let _ = state.update(answer);
    assert!(!state.pending);
    assert_eq!(state.rename.as_ref().unwrap().pretty, "Hung Box");
    {
        let _guard = ferrum_i18n::hold_locale("en-US");
        assert_eq!(
            state.error.as_ref().map(|report| report.summary.as_str()),
            Some(
                "The host name service did not answer. The name may not have been changed; the page shows what the service says once it answers."
            )
        );
    }
    signal_service(&bed, Service::Hostnamed, "-CONT");
    // The queued call may still have been served once it resumed: the page shows
    // hostnamed's word, whatever it is.
    let truth = names_of(&bus).await;
    feed_until(&mut state, &mut watch, "hostnamed's word", WAIT, |state| {
        state.hostnames() == Some(&truth)
    })
    .await;
    let request = rename_to(&mut state, "Resumed Box", None);
    let answer = request.run(bus.clone()).await;
    assert!(matches!(&answer, Message::Renamed(Ok(()))), "{answer:?}");
    assert_eq!(
        read(&bed.machine_etc(Service::Hostnamed).join("hostname")).trim(),
        "resumed-box"
    );
    assert_eq!(host_names(), before, "this host's names");
}

/// Killed mid-change (stopped with the call queued, then SIGKILL): a sentence, nothing
/// pending, the names as they were; started again, the page reads them by itself and a
/// rename works.
#[tokio::test(flavor = "multi_thread")]
async fn hostnamed_killed_mid_change() {
    let before = host_names();
    let mut bed = TestBed::start(&[Service::Hostnamed]).expect("the real hostnamed");
    let bus = SystemBus::with_address(bed.system_bus_address()).with_method_timeout(TIMEOUT);
    let (mut state, mut watch) = ready(&bed, &bus).await;
    let etc = bed.machine_etc(Service::Hostnamed);
    let names_before = state.hostnames().cloned().unwrap();
    let copy_before = copy_names(&etc);

    signal_service(&bed, Service::Hostnamed, "-STOP");
    let request = rename_to(&mut state, "Killed Box", None);
    let call = tokio::spawn(request.run(bus.clone()));
    tokio::time::sleep(Duration::from_millis(300)).await;
    bed.kill_service(Service::Hostnamed).unwrap();
    let answer = call.await.unwrap();
    assert!(matches!(&answer, Message::Renamed(Err(_))), "{answer:?}");
    let _ = state.update(answer);
    assert!(!state.pending);
    assert!(state.error.is_some(), "a sentence");
    assert_eq!(copy_names(&etc), copy_before, "nothing changed");

    bed.start_service(Service::Hostnamed).unwrap();
    feed_until(&mut state, &mut watch, "hostnamed back", WAIT, |state| {
        !state.resting && state.hostnames() == Some(&names_before)
    })
    .await;
    let request = rename_to(&mut state, "Killed Box", None);
    let answer = request.run(bus.clone()).await;
    assert!(matches!(&answer, Message::Renamed(Ok(()))), "{answer:?}");
    assert_eq!(read(&etc.join("hostname")).trim(), "killed-box");
    assert_eq!(host_names(), before, "this host's names");
}
