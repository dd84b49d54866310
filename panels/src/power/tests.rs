use std::time::Duration;

use ferrum_services::ServiceUpdate;
use ferrum_services::error::{DbusFailure, FailureKind};
use ferrum_services::power_profiles::{OfferedProfile, PowerProfilesState, Profile};

use ferrum_ui::Effect;

use super::*;

pub(crate) fn daemon_state(active: Profile) -> PowerProfilesState {
    PowerProfilesState {
        active,
        offered: [Profile::PowerSaver, Profile::Balanced, Profile::Performance]
            .into_iter()
            .map(|profile| OfferedProfile {
                profile,
                driver: "fake".into(),
            })
            .collect(),
        degraded: None,
        holds: Vec::new(),
    }
}

fn ready_page() -> State {
    let mut state = State::on(SystemBus::with_address("unix:path=/nonexistent"));
    let _ = state.update(Message::ProfilesUpdated(ServiceUpdate::Available(
        daemon_state(Profile::Balanced),
    )));
    state
}

#[test]
fn choosing_a_profile_asks_the_daemon_and_shows_it_pending() {
    let mut state = ready_page();
    let outcome = state.update(Message::ProfileChosen(Profile::Performance));
    assert_eq!(
        outcome,
        Outcome::request(Request::SetProfile(Profile::Performance))
    );
    assert_eq!(state.selected_profile(), Some(&Profile::Performance));
    // The daemon confirms through a property change.
    let _ = state.update(Message::ProfilesUpdated(ServiceUpdate::Available(
        daemon_state(Profile::Performance),
    )));
    assert_eq!(state.pending, None);
    assert_eq!(state.selected_profile(), Some(&Profile::Performance));
}

#[test]
fn choosing_the_active_profile_does_nothing() {
    let mut state = ready_page();
    assert_eq!(
        state.update(Message::ProfileChosen(Profile::Balanced)),
        Outcome::none()
    );
}

#[test]
fn a_refused_change_reverts_and_explains() {
    let mut state = ready_page();
    let _ = state.update(Message::ProfileChosen(Profile::Performance));
    let denied = DbusFailure::new(FailureKind::AccessDenied, "polkit said no");
    let _ = state.update(Message::ProfileApplied(
        Profile::Performance,
        Err(PowerProfilesError::NotAuthorized(denied)),
    ));
    assert_eq!(state.selected_profile(), Some(&Profile::Balanced));
    let report = state.error.clone().expect("an error is shown");
    assert_eq!(
        report.summary,
        "You are not allowed to change the power mode."
    );
    assert!(report.detail.contains("polkit said no"));
    // Copy hands the whole report to the clipboard.
    let copy = state.update(Message::Report(error_report::Message::Copy));
    assert_eq!(
        copy.effect,
        Some(Effect::Copy(format!(
            "{}\n{}",
            report.summary, report.detail
        )))
    );
    assert_eq!(copy.request, None);
    let _ = state.update(Message::Report(error_report::Message::Dismiss));
    assert_eq!(state.error, None);
}

#[test]
fn the_daemon_going_away_is_a_state_not_an_error() {
    let mut state = ready_page();
    let _ = state.update(Message::ProfileChosen(Profile::PowerSaver));
    let _ = state.update(Message::ProfilesUpdated(ServiceUpdate::Unavailable));
    assert_eq!(state.profiles, ServiceStatus::Unavailable);
    assert_eq!(state.pending, None);
    assert_eq!(state.error, None);
    let _ = state.update(Message::ProfilesUpdated(ServiceUpdate::Available(
        daemon_state(Profile::Balanced),
    )));
    assert!(state.profiles.ready().is_some());
}

#[test]
fn durations_read_naturally() {
    assert_eq!(format_duration(Duration::from_secs(4 * 3600)), "4 h 0 min");
    assert_eq!(format_duration(Duration::from_secs(35 * 60 + 20)), "35 min");
    assert_eq!(format_duration(Duration::from_secs(3599)), "1 h 0 min");
}
