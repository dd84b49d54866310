//! Pure-`update` tests of the Private DNS page: no bus, no window.

use ferrum_services::dns::{DnsServer, Dnssec, DotMode, PendingRestore, Resolver, ServerError};
use ferrum_services::error::{DbusFailure, FailureKind};
use ferrum_services::network_status::NetworkState;
use ferrum_ui::Effect;

use super::*;
use crate::{Outcome, Page};

fn page() -> State {
    State::on(SystemBus::with_address("unix:path=/nonexistent"))
}

/// A page showing `settings` as in force.
fn loaded(settings: PrivateDns) -> State {
    let mut state = page();
    assert_eq!(state.update(Message::Loaded(Ok(settings))), Outcome::none());
    state
}

fn strict_quad9() -> PrivateDns {
    PrivateDns {
        resolver: Resolver::Preset("quad9"),
        dot: DotMode::Strict,
        dnssec: Dnssec::AllowDowngrade,
        mdns: false,
        llmnr: false,
    }
}

fn network(connectivity: Connectivity) -> Message {
    Message::Network(ServiceUpdate::Available(NetworkStatus {
        state: NetworkState::ConnectedSite,
        connectivity,
        primary: None,
    }))
}

#[test]
fn entering_reads_the_settings_in_force() {
    let mut state = page();
    assert_eq!(state.enter(), Outcome::request(Request::Load));
    assert_eq!(state.in_force, ServiceStatus::Loading);
}

#[test]
fn loaded_settings_fill_the_form() {
    let state = loaded(strict_quad9());
    assert_eq!(state.in_force, ServiceStatus::Ready(strict_quad9()));
    assert_eq!(
        state.form,
        Form {
            mode: ModeChoice::Provider,
            provider: "quad9",
            dot: DotMode::Strict,
            dnssec: Dnssec::AllowDowngrade,
            mdns: false,
            llmnr: false,
            ..Form::default()
        }
    );
    assert!(!state.has_changes());
}

#[test]
fn no_custom_server_is_refused_and_nothing_is_sent() {
    let mut state = loaded(PrivateDns::default());
    let _ = state.update(Message::ModeChosen(ModeChoice::Custom));
    let _ = state.update(Message::CustomChanged(" , ".into()));
    assert_eq!(state.update(Message::Apply), Outcome::none());
    assert_eq!(state.form_error, Some(FormError::NoServers));
    assert!(!state.applying);
    assert_eq!(state.form.custom, " , ", "the text stays as typed");
}

#[test]
fn a_bad_custom_server_is_refused_with_its_reason() {
    let mut state = loaded(PrivateDns::default());
    let _ = state.update(Message::ModeChosen(ModeChoice::Custom));
    let _ = state.update(Message::CustomChanged("192.0.2.1, 300.1.1.1".into()));
    assert_eq!(state.update(Message::Apply), Outcome::none());
    assert!(
        matches!(
            &state.form_error,
            Some(FormError::BadServer { entry, error: ServerError::BadAddress(_) })
                if entry == "300.1.1.1"
        ),
        "{:?}",
        state.form_error
    );
    assert!(!state.applying);
    // Strict encryption needs a server name on each entry; the error follows the edit.
    let _ = state.update(Message::CustomChanged("192.0.2.1".into()));
    assert_eq!(state.form_error, None, "a fixed entry clears the error");
    let _ = state.update(Message::DotChosen(DotMode::Strict));
    assert_eq!(state.update(Message::Apply), Outcome::none());
    assert_eq!(
        state.form_error,
        Some(FormError::BadServer {
            entry: "192.0.2.1".into(),
            error: ServerError::MissingServerName,
        })
    );
}

#[test]
fn apply_sends_the_checked_settings_and_shows_it_applying() {
    let mut state = loaded(PrivateDns::default());
    let _ = state.update(Message::ModeChosen(ModeChoice::Custom));
    let _ = state.update(Message::DotChosen(DotMode::Strict));
    let _ = state.update(Message::DnssecChosen(Dnssec::Strict));
    let _ = state.update(Message::CustomChanged("192.0.2.1#dot.ferrum.test".into()));
    assert!(state.has_changes());
    let outcome = state.update(Message::Apply);
    assert_eq!(
        outcome,
        Outcome::request(Request::Apply(PrivateDns {
            resolver: Resolver::Custom(vec![
                DnsServer::parse_with_name("192.0.2.1#dot.ferrum.test").expect("valid")
            ]),
            dot: DotMode::Strict,
            dnssec: Dnssec::Strict,
            ..PrivateDns::default()
        }))
    );
    assert!(state.applying);
    assert_eq!(state.form_error, None);
    // Done: the settings in force are read again.
    let done = state.update(Message::Applied(Ok(Applied::default())));
    assert_eq!(done, Outcome::request(Request::Load));
    assert!(!state.applying);
    assert_eq!(state.applied, Some(Applied::default()));
}

#[test]
fn a_failed_apply_explains_and_copy_hands_over_the_report() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut state = loaded(PrivateDns::default());
    let _ = state.update(Message::ModeChosen(ModeChoice::Provider));
    assert!(state.update(Message::Apply).request.is_some());
    let refused = DnsError::Refused(DbusFailure::new(
        FailureKind::AccessDenied,
        "polkit said no",
    ));
    assert_eq!(
        state.update(Message::Applied(Err(refused.clone()))),
        Outcome::none()
    );
    assert!(!state.applying);
    let report = state.error.clone().expect("the failure is shown");
    assert_eq!(report, view::describe_apply_error(&refused));
    assert_eq!(report.summary, fl!("dns-apply-refused"));
    assert!(
        report.detail.contains("polkit said no"),
        "{}",
        report.detail
    );
    let copy = state.update(Message::Report(error_report::Message::Copy));
    assert_eq!(copy, Outcome::effect(Effect::Copy(report.clipboard_text())));
    let _ = state.update(Message::Report(error_report::Message::Dismiss));
    assert_eq!(state.error, None);
    // Nothing to copy once dismissed.
    assert_eq!(
        state.update(Message::Report(error_report::Message::Copy)),
        Outcome::none()
    );
}

#[test]
fn a_captive_portal_gets_an_exception_that_ends_by_itself() {
    let mut state = loaded(strict_quad9());
    assert_eq!(state.update(network(Connectivity::Portal)), Outcome::none());
    assert!(state.portal);
    let relaxed = state.update(Message::AllowPortalSignIn);
    assert_eq!(
        relaxed,
        Outcome::request(Request::Apply(PrivateDns {
            dot: DotMode::Opportunistic,
            ..strict_quad9()
        }))
    );
    assert_eq!(state.portal_exception, Some(strict_quad9()));
    assert!(state.applying);
    let _ = state.update(Message::Applied(Ok(Applied::default())));
    // While signing in, reading the relaxed settings back keeps the strict choice shown.
    let _ = state.update(Message::Loaded(Ok(PrivateDns {
        dot: DotMode::Opportunistic,
        ..strict_quad9()
    })));
    assert_eq!(state.form.dot, DotMode::Strict);
    // Online again: strict encryption comes back without being asked.
    let restored = state.update(network(Connectivity::Full));
    assert_eq!(restored, Outcome::request(Request::Apply(strict_quad9())));
    assert_eq!(state.portal_exception, None);
    assert!(!state.portal);
    assert!(state.applying);
}

#[test]
fn no_portal_exception_without_strict_encryption() {
    let mut state = loaded(PrivateDns::default());
    let _ = state.update(network(Connectivity::Portal));
    assert_eq!(state.update(Message::AllowPortalSignIn), Outcome::none());
    assert_eq!(state.portal_exception, None);
    assert!(!state.applying);
}

#[test]
fn the_test_lookup_runs_once_and_never_for_no_name() {
    let mut state = loaded(PrivateDns::default());
    let _ = state.update(Message::TestNameChanged("   ".into()));
    assert_eq!(state.update(Message::RunTest), Outcome::none());
    assert_eq!(state.test, TestState::Idle);

    let _ = state.update(Message::TestNameChanged(" test.ferrum.test ".into()));
    assert_eq!(
        state.update(Message::RunTest),
        Outcome::request(Request::Test("test.ferrum.test".into()))
    );
    assert_eq!(state.test, TestState::Running);
    // A second press while it runs sends nothing more.
    assert_eq!(state.update(Message::RunTest), Outcome::none());
    let lookup = Lookup {
        name: "test.ferrum.test".into(),
        addresses: vec!["192.0.2.53".parse().expect("an address")],
        elapsed: Duration::from_millis(14),
        encrypted: true,
        authenticated: false,
        from_cache: false,
    };
    let _ = state.update(Message::Tested(Ok(lookup.clone())));
    assert_eq!(state.test, TestState::Done(lookup));
}

#[test]
fn an_apply_failed_for_a_missing_daemon_is_forgotten_when_it_returns() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut state = loaded(PrivateDns::default());
    assert!(state.update(Message::Apply).request.is_some());
    let _ = state.update(Message::Applied(Err(DnsError::ResolverMissing)));
    assert_eq!(
        state.error.as_ref().map(|r| r.summary.clone()),
        Some(fl!("dns-resolved-unavailable"))
    );
    // NetworkManager's news does not answer for resolved.
    let _ = state.update(network(Connectivity::Full));
    assert!(state.error.is_some());
    let _ = state.update(Message::Resolver(ServiceUpdate::Available(
        ResolverStatus::default(),
    )));
    assert_eq!(state.error, None);

    // A refusal stays until dismissed, whoever comes back.
    assert!(state.update(Message::Apply).request.is_some());
    let refused = DnsError::Refused(DbusFailure::new(FailureKind::AccessDenied, "no"));
    let _ = state.update(Message::Applied(Err(refused)));
    let _ = state.update(Message::Resolver(ServiceUpdate::Available(
        ResolverStatus::default(),
    )));
    let _ = state.update(network(Connectivity::Full));
    assert!(state.error.is_some());

    // NetworkManager missing, then back.
    assert!(state.update(Message::Apply).request.is_some());
    let _ = state.update(Message::Applied(Err(DnsError::NetworkManagerMissing)));
    assert!(state.error.is_some());
    let _ = state.update(network(Connectivity::Full));
    assert_eq!(state.error, None);
}

/// An apply that failed after NetworkManager saved the profiles, with NetworkManager gone
/// before they could be put back.
fn interrupted() -> DnsError {
    DnsError::RestorePending {
        cause: Box::new(DnsError::ResolverNoAnswer(DbusFailure::new(
            FailureKind::Timeout,
            "timed out",
        ))),
        restore: PendingRestore::default(),
    }
}

fn summary(state: &State) -> Option<String> {
    state.error.as_ref().map(|report| report.summary.clone())
}

#[test]
fn an_interrupted_apply_is_put_back_by_itself_when_network_manager_returns() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut state = loaded(PrivateDns::default());
    let _ = state.update(Message::ModeChosen(ModeChoice::Provider));
    assert!(state.update(Message::Apply).request.is_some());

    // Tried at once (NetworkManager may be back already), and the page says what happens.
    let pending = PendingRestore::default();
    assert_eq!(
        state.update(Message::Applied(Err(interrupted()))),
        Outcome::request(Request::Restore(pending.clone()))
    );
    assert!(!state.applying);
    assert_eq!(summary(&state), Some(fl!("dns-apply-interrupted")));
    assert!(
        state
            .error
            .as_ref()
            .is_some_and(|r| r.detail.contains("timed out")),
        "{:?}",
        state.error
    );
    // Not there yet: it waits for NetworkManager's news.
    assert_eq!(
        state.update(Message::Restored(Err(DnsError::NetworkManagerMissing))),
        Outcome::none()
    );
    assert!(state.restoring.as_ref().is_some_and(|r| !r.running));
    assert_eq!(
        state.update(Message::Network(ServiceUpdate::Unavailable)),
        Outcome::none()
    );

    // Nothing else is applied meanwhile; Apply says why again, even after a dismissal.
    let _ = state.update(Message::Report(error_report::Message::Dismiss));
    assert_eq!(state.error, None);
    assert_eq!(state.update(Message::Apply), Outcome::none());
    assert_eq!(summary(&state), Some(fl!("dns-apply-interrupted")));
    assert!(!state.applying);

    // Back: the old settings first. News while that runs sends nothing more, but if it
    // still found NetworkManager missing, it is sent again at once.
    assert_eq!(
        state.update(network(Connectivity::Full)),
        Outcome::request(Request::Restore(pending.clone()))
    );
    assert_eq!(state.update(network(Connectivity::Full)), Outcome::none());
    assert_eq!(
        state.update(Message::Restored(Err(DnsError::NetworkManagerMissing))),
        Outcome::request(Request::Restore(pending.clone()))
    );
    // Done: the page says so and reads the settings in force again.
    assert_eq!(
        state.update(Message::Restored(Ok(1))),
        Outcome::request(Request::Load)
    );
    assert_eq!(state.restoring, None);
    assert_eq!(summary(&state), Some(fl!("dns-apply-interrupted-restored")));
    // And Apply works again.
    assert!(matches!(
        state.update(Message::Apply).request,
        Some(Request::Apply(_))
    ));
}

#[test]
fn old_settings_that_cannot_be_put_back_are_reported_and_not_retried() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut state = loaded(PrivateDns::default());
    assert!(state.update(Message::Apply).request.is_some());
    let _ = state.update(Message::Applied(Err(interrupted())));
    let refused = DnsError::Refused(DbusFailure::new(
        FailureKind::AccessDenied,
        "polkit said no",
    ));
    assert_eq!(
        state.update(Message::Restored(Err(refused))),
        Outcome::request(Request::Load)
    );
    assert_eq!(state.restoring, None);
    assert_eq!(
        summary(&state),
        Some(fl!("dns-apply-interrupted-not-restored"))
    );
    let detail = state
        .error
        .as_ref()
        .map(|r| r.detail.clone())
        .unwrap_or_default();
    assert!(
        detail.contains("timed out") && detail.contains("polkit said no"),
        "{detail}"
    );
    // NetworkManager's news asks for nothing more than the settings in force.
    let _ = state.update(Message::Loaded(Err(DnsError::NetworkManagerMissing)));
    assert_eq!(
        state.update(network(Connectivity::Full)),
        Outcome::request(Request::Load)
    );
}

#[test]
fn old_settings_go_back_before_a_portal_exception_ends() {
    let mut state = loaded(strict_quad9());
    let _ = state.update(network(Connectivity::Portal));
    assert!(state.update(Message::AllowPortalSignIn).request.is_some());
    // The relaxed apply is interrupted: the old (strict) settings are to be put back.
    let _ = state.update(Message::Applied(Err(interrupted())));
    let _ = state.update(Message::Restored(Err(DnsError::NetworkManagerMissing)));
    let pending = PendingRestore::default();
    assert_eq!(
        state.update(network(Connectivity::Full)),
        Outcome::request(Request::Restore(pending))
    );
    assert_eq!(state.portal_exception, Some(strict_quad9()));
    let _ = state.update(Message::Restored(Ok(1)));
    // Then the exception ends as usual.
    assert_eq!(
        state.update(network(Connectivity::Full)),
        Outcome::request(Request::Apply(strict_quad9()))
    );
}
