#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ferrum_services::error::{DbusFailure, FailureKind};
use ferrum_services::hostname::StaticProblem;

use super::rename::{self, Problem};
use super::*;

fn failure(kind: FailureKind) -> HostnameError {
    HostnameError::from(DbusFailure::new(kind, "detail"))
}

#[test]
fn the_network_name_follows_the_device_name_until_typed() {
    let mut state = sample::with_rename();
    let form = state.rename.as_ref().unwrap();
    assert_eq!(form.pretty, "Ada's Laptop 2");
    assert_eq!(form.static_name, "adas-laptop-2");
    // Nothing derivable: the network name stays hostnamed's.
    let _ = state.update(Message::Rename(rename::Message::Pretty("Компьютер".into())));
    assert_eq!(state.rename.as_ref().unwrap().static_name, "adas-laptop");
    // Typed by hand: it stays as typed.
    let _ = state.update(Message::Rename(rename::Message::Static("lab-3".into())));
    let _ = state.update(Message::Rename(rename::Message::Pretty("Lab box".into())));
    assert_eq!(state.rename.as_ref().unwrap().static_name, "lab-3");
}

#[test]
fn opening_the_form_fills_it_and_focuses_the_device_name() {
    let mut state = sample::state();
    let outcome = state.update(Message::OpenRename);
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::ABOUT_RENAME_PRETTY))
    );
    let form = state.rename.as_ref().unwrap();
    assert_eq!(
        (form.pretty.as_str(), form.static_name.as_str()),
        ("Ada's laptop", "adas-laptop")
    );
    // Without hostnamed's names there is nothing to rename.
    let mut unread = State::on(SystemBus::with_address("unix:path=/nonexistent"));
    assert!(unread.update(Message::OpenRename).is_none());
    assert!(unread.rename.is_none());
}

#[test]
fn bad_names_are_said_and_kept_and_nothing_is_sent() {
    let _guard = ferrum_i18n::hold_locale("en-US");
    let state = sample::with_bad_static();
    let form = state.rename.as_ref().unwrap();
    assert_eq!(
        form.check.problem,
        Some(Problem::Static(StaticProblem::Characters))
    );
    assert_eq!(form.static_name, "Ada's-laptop", "the typing is kept");
    assert!(!state.pending);
    assert_eq!(
        Problem::Static(StaticProblem::Characters).sentence(),
        "The network name can only use the letters a to z, digits and hyphens."
    );
    for (pretty, problem) in [
        ("   ", Problem::PrettyEmpty),
        ("Ada\tlaptop", Problem::PrettyControl),
    ] {
        let mut state = sample::with_rename();
        let _ = state.update(Message::Rename(rename::Message::Pretty(pretty.into())));
        let _ = state.update(Message::Rename(rename::Message::Static("ok".into())));
        let outcome = state.update(Message::Rename(rename::Message::Submit));
        assert!(outcome.is_none(), "{pretty:?}");
        assert_eq!(state.rename.as_ref().unwrap().check.problem, Some(problem));
        assert_eq!(state.rename.as_ref().unwrap().pretty, pretty);
    }
    let mut state = sample::with_rename();
    let _ = state.update(Message::Rename(rename::Message::Static("-lab".into())));
    assert!(
        state
            .update(Message::Rename(rename::Message::Submit))
            .is_none()
    );
    // Typing again clears the problem.
    let _ = state.update(Message::Rename(rename::Message::Static("lab".into())));
    assert_eq!(state.rename.as_ref().unwrap().check.problem, None);
}

#[test]
fn only_the_names_that_differ_are_sent_and_the_page_shows_hostnameds() {
    let mut state = sample::with_rename();
    let outcome = state.update(Message::Rename(rename::Message::Submit));
    assert_eq!(
        outcome.request,
        Some(Request::Rename {
            pretty: Some("Ada's Laptop 2".into()),
            static_name: Some("adas-laptop-2".into()),
        })
    );
    assert!(state.pending);
    // One rename at a time.
    assert!(
        state
            .update(Message::Rename(rename::Message::Submit))
            .is_none()
    );
    let outcome = state.update(Message::Renamed(Ok(())));
    assert_eq!(outcome.effect, Some(Effect::Focus(ids::ABOUT_RENAME)));
    assert!(state.rename.is_none() && !state.pending);
    assert_eq!(
        state.display_name().as_deref(),
        Some("Ada's laptop"),
        "until hostnamed says otherwise"
    );
    let mut names = sample::names();
    names.pretty_hostname = Some("Ada's Laptop 2".into());
    let _ = state.update(Message::Watched(ServiceUpdate::Available(names)));
    assert_eq!(state.display_name().as_deref(), Some("Ada's Laptop 2"));

    // The device name alone.
    let mut state = sample::state();
    let _ = state.update(Message::OpenRename);
    let _ = state.update(Message::Rename(rename::Message::Pretty(
        "adas laptop".into(),
    )));
    let _ = state.update(Message::Rename(rename::Message::Static(
        "adas-laptop".into(),
    )));
    let outcome = state.update(Message::Rename(rename::Message::Submit));
    assert_eq!(
        outcome.request,
        Some(Request::Rename {
            pretty: Some("adas laptop".into()),
            static_name: None,
        })
    );
    // Nothing changed: the form closes without asking.
    let mut state = sample::state();
    let _ = state.update(Message::OpenRename);
    let outcome = state.update(Message::Rename(rename::Message::Submit));
    assert_eq!(outcome.request, None);
    assert!(state.rename.is_none());
}

#[test]
fn refusals_are_sentences_and_keep_the_typing() {
    let _guard = ferrum_i18n::hold_locale("en-US");
    let cases = [
        (
            failure(FailureKind::AccessDenied),
            false,
            "The name was not changed: an administrator did not allow it.",
        ),
        (
            failure(FailureKind::ServiceMissing),
            false,
            "The name was not changed: the host name service is not running.",
        ),
        (
            failure(FailureKind::Timeout),
            false,
            "The host name service did not answer. The name may not have been changed; the page shows what the service says once it answers.",
        ),
        (
            failure(FailureKind::AccessDenied),
            true,
            "The device name was changed, but the network name was not. The page shows the names the computer has now.",
        ),
    ];
    for (error, pretty_applied, sentence) in cases {
        let mut state = sample::with_rename();
        let _ = state.update(Message::Rename(rename::Message::Submit));
        let part = if pretty_applied {
            NamePart::Static
        } else {
            NamePart::Pretty
        };
        let _ = state.update(Message::Renamed(Err(RenameFailure {
            part,
            pretty_applied,
            error,
        })));
        assert!(!state.pending);
        let form = state.rename.as_ref().expect("the form stays");
        assert_eq!(form.pretty, "Ada's Laptop 2");
        assert_eq!(form.check.refusal.as_deref(), Some(sentence));
        assert_eq!(
            state.error.as_ref().map(|report| report.summary.as_str()),
            Some(sentence)
        );
        // Typing again clears the form's refusal.
        let _ = state.update(Message::Rename(rename::Message::Pretty("Ada".into())));
        assert_eq!(state.rename.as_ref().unwrap().check.refusal, None);
    }
    // A late answer nobody waits for changes nothing.
    let mut state = sample::state();
    assert!(state.update(Message::Renamed(Ok(()))).is_none());
}

#[test]
fn hostnamed_resting_keeps_the_names() {
    let mut state = sample::state();
    let _ = state.update(Message::Watched(ServiceUpdate::Unavailable));
    assert!(state.resting);
    assert_eq!(state.display_name().as_deref(), Some("Ada's laptop"));
    let _ = state.update(Message::Watched(ServiceUpdate::Available(sample::names())));
    assert!(!state.resting);
    // Never read: the rename is unavailable, the kernel's name is shown.
    let mut state = State::on(SystemBus::with_address("unix:path=/nonexistent"));
    let _ = state.update(Message::Loaded(sample::info()));
    let _ = state.update(Message::Watched(ServiceUpdate::Unavailable));
    assert!(state.hostnames().is_none());
    assert_eq!(state.display_name().as_deref(), Some("Ada's laptop"));
}

#[test]
fn cancel_closes_the_form_and_returns_focus() {
    let mut state = sample::with_rename();
    let outcome = state.update(Message::Rename(rename::Message::Cancel));
    assert_eq!(outcome.effect, Some(Effect::Focus(ids::ABOUT_RENAME)));
    assert!(state.rename.is_none());
}

#[test]
fn copy_details_is_passed_on() {
    let mut state = sample::with_rename();
    let _ = state.update(Message::Rename(rename::Message::Submit));
    let _ = state.update(Message::Renamed(Err(RenameFailure {
        part: NamePart::Pretty,
        pretty_applied: false,
        error: failure(FailureKind::AccessDenied),
    })));
    let outcome = state.update(Message::Report(error_report::Message::Copy));
    assert!(matches!(outcome.effect, Some(Effect::Copy(_))));
}
