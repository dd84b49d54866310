//! The fault suite: each daemon a page uses is killed, hung (SIGSTOP) and made to refuse in the
//! middle of a command, against the real daemon on the test bed's private bus. Every row checks
//! that the page shows a sentence, stays usable, shows only what the daemon really has (nothing
//! half-applied) and recovers by itself when the daemon is back.
//!
//! Rows so far: power-profiles-daemon × {hang, kill, refuse}. Needs root and the packages of
//! `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;
use std::time::{Duration, Instant};

use ferrum_integration_tests::{next_matching, simulator_settings};
use ferrum_panels::power::{self, Message, Request};
use ferrum_panels::{Page, PageRequest};
use ferrum_services::ServiceUpdate;
use ferrum_services::SystemBus;
use ferrum_services::power_profiles::{PowerProfilesError, Profile};
use ferrum_testbed::{Service, TestBed};
use ferrum_ui::status::ServiceStatus;
use iced_test::Simulator;

/// The method-call timeout of these tests' bus (the apps use `ferrum_services::METHOD_TIMEOUT`).
const TIMEOUT: Duration = Duration::from_secs(2);

fn bed(services: &[Service]) -> (TestBed, SystemBus) {
    let bed = TestBed::start(services).expect("test bed starts");
    let bus = SystemBus::with_address(bed.system_bus_address()).with_method_timeout(TIMEOUT);
    (bed, bus)
}

fn page_shows(state: &power::State, text: &str) -> bool {
    let mut ui = Simulator::with_settings(simulator_settings(), state.view());
    ui.find(text).is_ok()
}

/// Sends a signal to a service's process group (each bed service leads its own group).
fn signal(bed: &TestBed, service: Service, signal: &str) {
    let pid = bed.pid(service).expect("the service runs");
    let status = Command::new("kill")
        .args([signal, "--", &format!("-{pid}")])
        .status()
        .unwrap();
    assert!(status.success(), "kill {signal} -{pid}");
}

/// A Power page that has seen the daemon's first snapshot (Balanced), with its stream.
async fn ready_page(
    bus: &SystemBus,
) -> (
    power::State,
    std::pin::Pin<Box<impl futures::Stream<Item = Message> + use<>>>,
) {
    let mut state = power::State::on(bus.clone());
    let mut updates = Box::pin(power::profiles_stream(bus));
    let first = next_matching(&mut updates, "first snapshot", |m| {
        matches!(m, Message::ProfilesUpdated(ServiceUpdate::Available(_)))
    })
    .await
    .unwrap();
    let _ = state.update(first);
    assert_eq!(state.selected_profile(), Some(&Profile::Balanced));
    (state, updates)
}

/// Chooses a profile on the page and runs what it asks for; returns the daemon's answer.
async fn choose(state: &mut power::State, bus: &SystemBus, profile: Profile) -> Message {
    let request = state
        .update(Message::ProfileChosen(profile.clone()))
        .request;
    assert_eq!(request, Some(Request::SetProfile(profile)));
    let answer = request.unwrap().run(bus.clone()).await;
    let _ = state.update(answer.clone());
    answer
}

/// Feeds the page its stream until it shows `profile` as the daemon's.
async fn follow_until<S>(state: &mut power::State, updates: &mut S, profile: &Profile)
where
    S: futures::Stream<Item = Message> + Unpin,
{
    while state.profiles.ready().map(|s| &s.active) != Some(profile) {
        let update = next_matching(updates, "the daemon's state", |_| true)
            .await
            .unwrap();
        let _ = state.update(update);
    }
}

/// Hung mid-command: the call ends after the timeout with a sentence instead of leaving the
/// page busy; the page keeps showing the daemon's last state; once the daemon resumes, the
/// page follows whatever it really did, and a new choice works.
#[tokio::test(flavor = "multi_thread")]
async fn power_profiles_daemon_hung_mid_command() {
    let (bed, bus) = bed(&[Service::Polkit, Service::PowerProfiles]);
    let (mut state, mut updates) = ready_page(&bus).await;

    signal(&bed, Service::PowerProfiles, "-STOP");
    let asked = Instant::now();
    let answer = choose(&mut state, &bus, Profile::Performance).await;
    let waited = asked.elapsed();
    assert!(
        matches!(
            answer,
            Message::ProfileApplied(_, Err(PowerProfilesError::NoAnswer(_)))
        ),
        "{answer:?}"
    );
    assert!(waited < TIMEOUT * 3, "the page waited {waited:?}");
    assert!(page_shows(
        &state,
        "power-profiles-daemon did not answer in time. The page shows the power mode it last reported and follows any change it makes later."
    ));
    assert_eq!(state.pending, None, "nothing is left pending");
    assert_eq!(state.selected_profile(), Some(&Profile::Balanced));

    // Resumed: the daemon handles the call it had queued; the page follows the truth.
    signal(&bed, Service::PowerProfiles, "-CONT");
    let truth = bed.active_profile().expect("ActiveProfile");
    let truth = Profile::from_name(truth.as_str());
    follow_until(&mut state, &mut updates, &truth).await;
    assert_eq!(state.selected_profile(), Some(&truth));

    // And it is usable again.
    let next = if truth == Profile::PowerSaver {
        Profile::Balanced
    } else {
        Profile::PowerSaver
    };
    let answer = choose(&mut state, &bus, next.clone()).await;
    assert!(
        matches!(answer, Message::ProfileApplied(_, Ok(()))),
        "{answer:?}"
    );
    assert_eq!(bed.active_profile().unwrap(), next.name());
}

/// Killed mid-command (stopped with the call queued, then SIGKILL): the call fails with a
/// sentence, the page says the daemon is gone, nothing changed; when it is started again the
/// page comes back by itself and a new choice works.
#[tokio::test(flavor = "multi_thread")]
async fn power_profiles_daemon_killed_mid_command() {
    let (mut bed, bus) = bed(&[Service::Polkit, Service::PowerProfiles]);
    let (mut state, mut updates) = ready_page(&bus).await;

    signal(&bed, Service::PowerProfiles, "-STOP");
    let request = state
        .update(Message::ProfileChosen(Profile::Performance))
        .request
        .unwrap();
    let call = tokio::spawn(request.run(bus.clone()));
    tokio::time::sleep(Duration::from_millis(300)).await;
    bed.kill_service(Service::PowerProfiles).unwrap();
    let answer = call.await.unwrap();
    let _ = state.update(answer.clone());
    assert!(
        matches!(answer, Message::ProfileApplied(_, Err(_))),
        "{answer:?}"
    );
    let report = state.error.clone().expect("a sentence is shown");
    assert!(!report.summary.is_empty());
    assert_eq!(state.pending, None);

    let gone = next_matching(&mut updates, "the daemon gone", |m| {
        matches!(m, Message::ProfilesUpdated(ServiceUpdate::Unavailable))
    })
    .await
    .unwrap();
    let _ = state.update(gone);
    assert_eq!(state.profiles, ServiceStatus::Unavailable);

    bed.start_service(Service::PowerProfiles).unwrap();
    // A new daemon starts from its own default: the page shows what it has, not what was asked.
    let back = next_matching(&mut updates, "the daemon back", |m| {
        matches!(m, Message::ProfilesUpdated(ServiceUpdate::Available(_)))
    })
    .await
    .unwrap();
    let _ = state.update(back);
    let truth = Profile::from_name(bed.active_profile().unwrap().as_str());
    assert_eq!(state.selected_profile(), Some(&truth));
    let answer = choose(&mut state, &bus, Profile::PowerSaver).await;
    assert!(
        matches!(answer, Message::ProfileApplied(_, Ok(()))),
        "{answer:?}"
    );
    assert_eq!(bed.active_profile().unwrap(), "power-saver");
}

/// Refused by polkit (no authorising agent on this bed): a sentence, the daemon unchanged,
/// the page back on the daemon's profile and usable.
#[tokio::test(flavor = "multi_thread")]
async fn power_profiles_daemon_refuses() {
    let (bed, bus) = bed(&[Service::PowerProfiles]);
    let (mut state, _updates) = ready_page(&bus).await;
    let answer = choose(&mut state, &bus, Profile::Performance).await;
    assert!(
        matches!(
            answer,
            Message::ProfileApplied(_, Err(PowerProfilesError::NotAuthorized(_)))
        ),
        "{answer:?}"
    );
    assert!(page_shows(
        &state,
        "You are not allowed to change the power mode."
    ));
    assert_eq!(bed.active_profile().unwrap(), "balanced");
    assert_eq!(state.selected_profile(), Some(&Profile::Balanced));
    assert_eq!(state.pending, None);
}
