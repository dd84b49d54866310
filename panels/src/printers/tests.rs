//! The Printers page's `update`, pure: what each message asks CUPS for,
//! what a failure or CUPS's absence leaves on the page, the Add dialog's
//! checks, and the words for states and reasons.

use ferrum_services::printers::{
    Action, AddressError, Discovered, DiscoveryUpdate, DriverSupport, JobId, JobState, NameError,
    PrintOption, PrinterUri, PrintersError, ReasonKind, Severity, StateReason, Update,
};
use ferrum_services::{SystemBus, printers::CupsServer};
use ferrum_ui::Effect;
use ferrum_ui::status::ServiceStatus;

use super::sample::{self, queue};
use super::*;

fn page() -> State {
    let mut state = State::on(
        SystemBus::with_address("unix:path=/nonexistent"),
        CupsServer::new("localhost", 631),
    );
    let me = state.me().to_owned();
    let _ = state.update(Message::Watched(Update::Available(sample::snapshot(&me))));
    state
}

fn actions(outcome: &Outcome<Request>) -> Vec<Action> {
    outcome
        .request
        .as_ref()
        .map(|request| request.actions.clone())
        .unwrap_or_default()
}

fn found(name: &str, uri: &str, driver: DriverSupport) -> Discovered {
    Discovered {
        name: name.to_owned(),
        host: "feas.local".to_owned(),
        addresses: vec!["192.0.2.30".parse().expect("an address")],
        uri: PrinterUri::parse(uri).expect("a printer address"),
        offers_tls: false,
        make_and_model: None,
        location: Some("Hall".to_owned()),
        driver,
        uuid: None,
        queue: None,
    }
}

#[test]
fn cups_answering_shows_the_queues_and_its_absence_keeps_their_names() {
    let mut state = State::on(
        SystemBus::with_address("unix:path=/nonexistent"),
        CupsServer::new("localhost", 631),
    );
    assert!(matches!(state.cups, ServiceStatus::Loading));
    let _ = state.update(Message::Watched(Update::Available(sample::snapshot("ada"))));
    assert_eq!(state.snapshot().map(|s| s.printers.len()), Some(2));

    let _ = state.update(Message::ToggleDetails(queue("Office")));
    let _ = state.update(Message::Watched(Update::Unavailable));
    assert!(matches!(state.cups, ServiceStatus::Unavailable));
    // A command that fails now still names the printer.
    assert_eq!(state.printer_name(&queue("Office")), "Office Printer");
    // What was open stays open for when CUPS is back (nothing says the queue is gone).
    assert_eq!(state.open, Some(queue("Office")));
    let _ = state.update(Message::Watched(Update::Available(sample::snapshot("ada"))));
    assert!(state.snapshot().is_some());
}

#[test]
fn a_queue_that_goes_away_closes_what_was_open_about_it() {
    let mut state = page();
    let _ = state.update(Message::ToggleDetails(queue("Labels")));
    let _ = state.update(Message::Remove(queue("Labels")));
    let mut gone = sample::snapshot(state.me());
    gone.printers.retain(|p| p.name != queue("Labels"));
    let _ = state.update(Message::Watched(Update::Available(gone)));
    assert_eq!(state.open, None);
    assert_eq!(state.confirm_remove, None);
}

#[test]
fn make_default_asks_cups_only_for_another_printer() {
    let mut state = page();
    assert!(state.update(Message::SetDefault(queue("Office"))).is_none());
    let outcome = state.update(Message::SetDefault(queue("Labels")));
    assert_eq!(actions(&outcome), vec![Action::SetDefault(queue("Labels"))]);
    assert!(state.busy(&queue("Labels")));
}

#[test]
fn the_same_command_is_not_sent_twice_while_it_runs() {
    let mut state = page();
    let first = state.update(Message::TestPage(queue("Office")));
    assert_eq!(
        actions(&first),
        vec![Action::PrintTestPage(queue("Office"))]
    );
    assert!(state.update(Message::TestPage(queue("Office"))).is_none());
    let _ = state.update(Message::Done(vec![(
        Action::PrintTestPage(queue("Office")),
        Ok(()),
    )]));
    assert!(state.pending.is_empty());
    assert_eq!(
        state.note,
        Some(Note::TestPageSent("Office Printer".to_owned()))
    );
    assert!(
        state
            .update(Message::TestPage(queue("Office")))
            .request
            .is_some()
    );
}

#[test]
fn pause_and_resume_follow_the_printer_state() {
    let mut state = page();
    let outcome = state.update(Message::SetPaused(queue("Office"), true));
    assert_eq!(
        actions(&outcome),
        vec![Action::SetEnabled {
            name: queue("Office"),
            enabled: false
        }]
    );
    let outcome = state.update(Message::SetPaused(queue("Labels"), false));
    assert_eq!(
        actions(&outcome),
        vec![Action::SetEnabled {
            name: queue("Labels"),
            enabled: true
        }]
    );
}

#[test]
fn resume_also_makes_a_queue_that_refuses_jobs_take_them() {
    let mut state = State::on(
        SystemBus::with_address("unix:path=/nonexistent"),
        CupsServer::new("localhost", 631),
    );
    let mut snapshot = sample::snapshot("ada");
    snapshot.printers[1].accepting_jobs = false;
    let _ = state.update(Message::Watched(Update::Available(snapshot)));
    let outcome = state.update(Message::SetPaused(queue("Labels"), false));
    assert_eq!(
        actions(&outcome),
        vec![
            Action::SetEnabled {
                name: queue("Labels"),
                enabled: true
            },
            Action::SetAcceptingJobs {
                name: queue("Labels"),
                accepting: true
            }
        ]
    );
}

#[test]
fn a_polkit_refusal_is_a_sentence_naming_the_printer_and_nothing_stays_pending() {
    let mut state = page();
    let action = Action::SetDefault(queue("Labels"));
    let _ = state.update(Message::SetDefault(queue("Labels")));
    let _ = state.update(Message::Done(vec![(
        action,
        Err(PrintersError::NotAuthorized),
    )]));
    assert!(state.pending.is_empty());
    let report = state.error.as_ref().expect("an error report");
    assert!(report.summary.contains("Labels"), "{}", report.summary);
    assert!(
        report
            .summary
            .contains(&fl!("printers-error-not-authorized")),
        "{}",
        report.summary
    );
    // The snapshot still shows CUPS's real default.
    assert_eq!(
        state.snapshot().and_then(|s| s.default.clone()),
        Some(queue("Office"))
    );
}

#[test]
fn cups_refusing_carries_its_own_message() {
    let mut state = page();
    let _ = state.update(Message::TestPage(queue("Office")));
    let _ = state.update(Message::Done(vec![(
        Action::PrintTestPage(queue("Office")),
        Err(PrintersError::Refused {
            status: "client-error-not-possible".into(),
            message: "The printer is not accepting jobs.".into(),
        }),
    )]));
    let report = state.error.as_ref().expect("an error report");
    assert!(
        report
            .summary
            .contains("The printer is not accepting jobs.")
    );
    assert!(report.summary.contains("Office Printer"));
}

#[test]
fn cancel_all_mine_cancels_only_my_unfinished_jobs() {
    let mut state = page();
    let outcome = state.update(Message::CancelMine(queue("Office")));
    assert_eq!(
        actions(&outcome),
        vec![Action::CancelJob(JobId(7)), Action::CancelJob(JobId(8))]
    );
    // Answered together, one failing: the failure is reported by the job's title.
    let _ = state.update(Message::Done(vec![
        (Action::CancelJob(JobId(7)), Ok(())),
        (Action::CancelJob(JobId(8)), Err(PrintersError::NotFound)),
    ]));
    assert!(state.pending.is_empty());
    let report = state.error.as_ref().expect("an error report");
    assert!(
        report.summary.contains("Boarding pass"),
        "{}",
        report.summary
    );
}

#[test]
fn jobs_are_held_released_and_cancelled_one_by_one() {
    let mut state = page();
    assert_eq!(
        actions(&state.update(Message::HoldJob(JobId(7)))),
        vec![Action::HoldJob(JobId(7))]
    );
    assert_eq!(
        actions(&state.update(Message::ReleaseJob(JobId(8)))),
        vec![Action::ReleaseJob(JobId(8))]
    );
    assert_eq!(
        actions(&state.update(Message::CancelJob(JobId(9)))),
        vec![Action::CancelJob(JobId(9))]
    );
}

#[test]
fn an_option_already_in_use_is_not_sent_again() {
    let mut state = page();
    assert!(
        state
            .update(Message::SetOption(
                queue("Office"),
                PrintOption::Quality,
                "normal".to_owned()
            ))
            .is_none()
    );
    let outcome = state.update(Message::SetOption(
        queue("Office"),
        PrintOption::Sides,
        "two-sided-long-edge".to_owned(),
    ));
    assert_eq!(
        actions(&outcome),
        vec![Action::SetOption {
            name: queue("Office"),
            option: PrintOption::Sides,
            value: "two-sided-long-edge".to_owned()
        }]
    );
}

#[test]
fn remove_asks_first_and_only_the_asked_printer_is_removed() {
    let mut state = page();
    assert!(
        state
            .update(Message::RemoveConfirmed(queue("Labels")))
            .is_none()
    );
    let outcome = state.update(Message::Remove(queue("Labels")));
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::printer(
            &queue("Labels"),
            "remove-cancel"
        )))
    );
    assert!(
        state
            .update(Message::RemoveConfirmed(queue("Office")))
            .is_none()
    );
    let outcome = state.update(Message::RemoveCanceled);
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::printer(&queue("Labels"), "remove")))
    );
    let _ = state.update(Message::Remove(queue("Labels")));
    let outcome = state.update(Message::RemoveConfirmed(queue("Labels")));
    assert_eq!(actions(&outcome), vec![Action::Remove(queue("Labels"))]);
}

#[test]
fn renaming_changes_the_name_people_see_and_a_refused_one_is_kept_with_why() {
    let mut state = page();
    let _ = state.update(Message::ToggleDetails(queue("Office")));
    let _ = state.update(Message::RenameStarted(queue("Office")));
    assert_eq!(
        state.rename.as_ref().map(|r| r.text.as_str()),
        Some("Office Printer")
    );
    let _ = state.update(Message::RenameChanged("   ".to_owned()));
    let outcome = state.update(Message::RenameSaved);
    assert!(outcome.request.is_none());
    let rename = state.rename.as_ref().expect("the field stays open");
    assert_eq!(rename.text, "   ");
    assert_eq!(
        name_error_text(rename.error.as_ref().expect("why")),
        fl!("printers-name-empty")
    );
    let _ = state.update(Message::RenameChanged("x".repeat(DISPLAY_NAME_MAX + 1)));
    let _ = state.update(Message::RenameSaved);
    assert_eq!(
        state.rename.as_ref().and_then(|r| r.error.clone()),
        Some(NameError::TooLong)
    );

    // Spaces and any script are fine: it is the name people see.
    let _ = state.update(Message::RenameChanged(
        " Front desk — 2nd floor ".to_owned(),
    ));
    let outcome = state.update(Message::RenameSaved);
    let asked = Action::SetInfo {
        name: queue("Office"),
        info: "Front desk — 2nd floor".to_owned(),
    };
    assert_eq!(actions(&outcome), vec![asked.clone()]);
    let outcome = state.update(Message::Done(vec![(asked, Ok(()))]));
    assert_eq!(state.rename, None);
    assert_eq!(state.open, Some(queue("Office")));
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::printer(&queue("Office"), "rename")))
    );
}

#[test]
fn saving_the_same_name_closes_the_field_without_asking_cups() {
    let mut state = page();
    let _ = state.update(Message::RenameStarted(queue("Labels")));
    assert!(state.update(Message::RenameSaved).is_none());
    assert_eq!(state.rename, None);
}

#[test]
fn an_impossible_address_is_refused_before_cups_and_the_text_is_kept() {
    let mut state = page();
    let _ = state.update(Message::AddOpened);
    let _ = state.update(Message::Add(AddMessage::AddressChanged(
        "ipp://256.1.1.1/".to_owned(),
    )));
    let outcome = state.update(Message::Add(AddMessage::AddressSubmitted));
    assert!(outcome.request.is_none());
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::PRINTERS_ADD_ADDRESS))
    );
    let dialog = state.add.as_ref().expect("the dialog stays open");
    assert_eq!(dialog.address, "ipp://256.1.1.1/");
    assert!(matches!(
        dialog.address_error,
        Some(AddressError::BadHost(_))
    ));
    // Correcting it clears the sentence as soon as it is right.
    let _ = state.update(Message::Add(AddMessage::AddressChanged(
        "ipp://192.0.2.7/ipp/print".to_owned(),
    )));
    assert_eq!(
        state.add.as_ref().and_then(|d| d.address_error.clone()),
        None
    );
}

#[test]
fn a_typed_address_adds_a_driverless_queue_named_after_the_host() {
    let mut state = page();
    let _ = state.update(Message::AddOpened);
    let _ = state.update(Message::Add(AddMessage::AddressChanged(
        "printer.example".to_owned(),
    )));
    let outcome = state.update(Message::Add(AddMessage::AddressSubmitted));
    let added = actions(&outcome);
    let [
        Action::Add {
            name, uri, info, ..
        },
    ] = added.as_slice()
    else {
        panic!("one Add, got {added:?}");
    };
    assert_eq!(name.as_str(), "printer.example");
    assert_eq!(info, "printer.example");
    assert_eq!(uri.to_string(), "ipp://printer.example/ipp/print");
}

#[test]
fn found_printers_are_added_by_their_address_and_others_are_explained_not_added() {
    let mut state = page();
    let _ = state.update(Message::AddOpened);
    let everywhere = found(
        "Hall Printer",
        "ipp://192.0.2.30/ipp/print",
        DriverSupport::IppEverywhere,
    );
    let old = found(
        "Old Laser",
        "ipp://192.0.2.31/ipp/print",
        DriverSupport::NeedsDriver,
    );
    let _ = state.update(Message::Add(AddMessage::Found(DiscoveryUpdate::Found(
        vec![everywhere.clone(), old.clone()],
    ))));
    assert!(
        state
            .update(Message::Add(AddMessage::Choose(old.uri.clone())))
            .is_none()
    );
    let outcome = state.update(Message::Add(AddMessage::Choose(everywhere.uri.clone())));
    let added = actions(&outcome);
    let [Action::Add { name, location, .. }] = added.as_slice() else {
        panic!("one Add, got {added:?}");
    };
    assert_eq!(name.as_str(), "Hall_Printer");
    assert_eq!(location, "Hall");
    // The dialog waits; when CUPS has the queue, the dialog closes and the
    // new printer's details open.
    let outcome = state.update(Message::Done(vec![(added[0].clone(), Ok(()))]));
    assert_eq!(state.add, None);
    assert_eq!(state.open, Some(queue("Hall_Printer")));
    assert_eq!(state.note, Some(Note::Added("Hall Printer".to_owned())));
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::printer(
            &queue("Hall_Printer"),
            "details"
        )))
    );
}

#[test]
fn a_name_already_taken_gets_a_number() {
    let mut state = page();
    let _ = state.update(Message::AddOpened);
    let twin = found(
        "Office",
        "ipp://192.0.2.40/ipp/print",
        DriverSupport::AirPrint,
    );
    let _ = state.update(Message::Add(AddMessage::Found(DiscoveryUpdate::Found(
        vec![twin.clone()],
    ))));
    let outcome = state.update(Message::Add(AddMessage::Choose(twin.uri)));
    let added = actions(&outcome);
    let [Action::Add { name, .. }] = added.as_slice() else {
        panic!("one Add, got {added:?}");
    };
    assert_eq!(name.as_str(), "Office_2");
}

#[test]
fn discovery_missing_is_said_and_adding_by_address_still_works() {
    let mut state = page();
    let _ = state.update(Message::AddOpened);
    let _ = state.update(Message::Add(AddMessage::Found(
        DiscoveryUpdate::Unavailable,
    )));
    assert_eq!(
        state.add.as_ref().map(|d| d.found.clone()),
        Some(Found::Unavailable)
    );
    let _ = state.update(Message::Add(AddMessage::AddressChanged(
        "ipps://192.0.2.9:8443/ipp/print".to_owned(),
    )));
    assert!(
        state
            .update(Message::Add(AddMessage::AddressSubmitted))
            .request
            .is_some()
    );
}

#[test]
fn closing_the_dialog_gives_the_focus_back_to_its_button() {
    let mut state = page();
    let _ = state.update(Message::AddOpened);
    let outcome = state.update(Message::Add(AddMessage::Close));
    assert_eq!(state.add, None);
    assert_eq!(outcome.effect, Some(Effect::Focus(ids::PRINTERS_ADD_OPEN)));
}

#[test]
fn reasons_read_as_sentences_the_worst_first() {
    let mut printer = sample::office();
    printer.reasons = vec![
        StateReason {
            kind: ReasonKind::TonerLow,
            severity: Severity::Warning,
        },
        StateReason {
            kind: ReasonKind::MediaJam,
            severity: Severity::Error,
        },
        StateReason {
            kind: ReasonKind::Other("cups-waiting-for-job-completed".to_owned()),
            severity: Severity::Report,
        },
    ];
    assert_eq!(
        reason_sentences(&printer),
        vec![
            fl!("printers-reason-media-jam"),
            fl!("printers-reason-toner-low")
        ]
    );
    // A paused queue says "Paused" once, as its state.
    let labels = sample::labels();
    assert_eq!(state_text(&labels), fl!("printers-state-stopped"));
    assert!(reason_sentences(&labels).is_empty());
}

#[test]
fn paper_sizes_and_option_values_are_words() {
    assert_eq!(media_name("iso_a4_210x297mm"), "A4");
    assert_eq!(media_name("na_letter_8.5x11in"), "Letter");
    assert_eq!(media_name("jis_b5_182x257mm"), "B5");
    assert_eq!(media_name("custom"), "custom");
    assert_eq!(media_name("iso_dl_110x220mm"), "DL");
    assert_eq!(media_name("na_number-10_4.125x9.5in"), "Number 10");
    assert_eq!(
        option_value(PrintOption::Sides, "two-sided-long-edge"),
        fl!("printers-sides-long")
    );
    assert_eq!(
        option_value(PrintOption::Quality, "5"),
        fl!("printers-quality-high")
    );
}

#[test]
fn job_states_are_words() {
    assert_eq!(job_state_text(JobState::Held), fl!("printers-job-held"));
    assert_eq!(
        job_state_text(JobState::Completed),
        fl!("printers-job-completed")
    );
}
