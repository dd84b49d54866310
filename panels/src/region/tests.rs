#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ferrum_services::error::{DbusFailure, FailureKind};
use ferrum_services::locale::Keyboard;

use super::formats::{imperial, letter, preview, tag};
use super::sample::{self, TODAY, UID};
use super::*;

fn refused() -> LocaleError {
    LocaleError::NotAuthorized(DbusFailure::new(
        FailureKind::AccessDenied,
        "org.freedesktop.DBus.Error.InteractiveAuthorizationRequired: no agent",
    ))
}

fn no_answer() -> LocaleError {
    LocaleError::NoAnswer(DbusFailure::new(FailureKind::Timeout, "timed out"))
}

#[test]
fn showing_the_page_reads_the_layouts_once_off_the_ui_thread() {
    let mut state = State::on(SystemBus::with_address("unix:path=/nonexistent"), UID);
    assert_eq!(state.enter().request, Some(Request::LoadLayouts));
    let _ = state.update(Message::LayoutsLoaded(Arc::new(sample::layouts())));
    assert!(state.enter().is_none());
}

#[test]
fn the_page_reads_the_machine_and_the_person() {
    let state = sample::state();
    assert_eq!(state.machine_language(), Some("de_DE.UTF-8"));
    assert_eq!(state.formats(), Some("pt_BR.UTF-8"));
    assert_eq!(state.person_language(), Some("en_US.UTF-8"));
    assert_eq!(state.machine_layouts(), ["de", "us"]);
    let _guard = ferrum_i18n::hold_locale("en-US");
    assert_eq!(language_name("de_DE.UTF-8"), "Deutsch");
    assert_eq!(language_name("C.UTF-8"), "C.UTF-8");
}

#[test]
fn another_persons_account_is_not_the_persons_language() {
    let mut state = sample::state();
    let mut other = sample::person();
    other.uid = 1001;
    let _ = state.update(Message::People(ServiceUpdate::Available(vec![other])));
    assert_eq!(state.person.ready(), Some(&None));
}

#[test]
fn the_persons_language_goes_to_their_account() {
    let mut state = sample::state();
    let _ = state.update(Message::Toggle(List::PersonLanguage));
    assert_eq!(state.open, Some(List::PersonLanguage));
    let outcome = state.update(Message::Choose(List::PersonLanguage, "ja"));
    assert_eq!(
        outcome.request,
        Some(Request::SetPersonLanguage {
            uid: UID,
            posix: "ja_JP.UTF-8".into()
        })
    );
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::region_change(List::PersonLanguage)))
    );
    assert_eq!(state.open, None);
    // One change at a time.
    assert!(
        state
            .update(Message::Choose(List::PersonLanguage, "de"))
            .request
            .is_none()
    );
    let _ = state.update(Message::Changed(
        Change::PersonLanguage("ja_JP.UTF-8".into()),
        Ok(()),
    ));
    assert_eq!(state.person_language(), Some("ja_JP.UTF-8"));
    assert_eq!(state.pending, None);
}

#[test]
fn choosing_what_is_already_set_asks_nothing() {
    let mut state = sample::state();
    let outcome = state.update(Message::Choose(List::PersonLanguage, "en-US"));
    assert_eq!(outcome.request, None);
    let outcome = state.update(Message::Choose(List::MachineLanguage, "de"));
    assert_eq!(outcome.request, None);
    let outcome = state.update(Message::Choose(List::Formats, "pt-BR"));
    assert_eq!(outcome.request, None);
}

#[test]
fn the_machines_language_keeps_the_formats_and_the_formats_keep_the_language() {
    let mut state = sample::state();
    let outcome = state.update(Message::Choose(List::MachineLanguage, "fr"));
    assert_eq!(
        outcome.request,
        Some(Request::SetMachineLocale {
            change: Change::MachineLanguage("fr_FR.UTF-8".into()),
            lang: "fr_FR.UTF-8".into(),
            formats: Some("pt_BR.UTF-8".into()),
        })
    );
    let _ = state.update(Message::Changed(
        Change::MachineLanguage("fr_FR.UTF-8".into()),
        Ok(()),
    ));
    let outcome = state.update(Message::Choose(List::Formats, "uk"));
    assert_eq!(
        outcome.request,
        Some(Request::SetMachineLocale {
            change: Change::Formats("uk_UA.UTF-8".into()),
            lang: "de_DE.UTF-8".into(),
            formats: Some("uk_UA.UTF-8".into()),
        })
    );
}

#[test]
fn a_refusal_is_a_sentence_and_the_page_keeps_the_daemons_values() {
    let _guard = ferrum_i18n::hold_locale("en-US");
    let mut state = sample::state();
    let change = Change::MachineLanguage("ar_EG.UTF-8".into());
    let _ = state.update(Message::Choose(List::MachineLanguage, "ar"));
    let _ = state.update(Message::Changed(change, Err(refused())));
    assert_eq!(state.pending, None);
    assert_eq!(
        state.error.as_ref().map(|report| report.summary.as_str()),
        Some("The login screen's language was not changed: an administrator did not allow it.")
    );
    assert_eq!(state.machine_language(), Some("de_DE.UTF-8"));

    // A hang is its own sentence; a new change clears the old one.
    let _ = state.update(Message::Choose(List::Formats, "ja"));
    assert!(state.error.is_none());
    let _ = state.update(Message::Changed(
        Change::Formats("ja_JP.UTF-8".into()),
        Err(no_answer()),
    ));
    assert_eq!(
        state.error.as_ref().map(|report| report.summary.as_str()),
        Some(
            "The language service did not answer. The change may not have been made; the page shows what the service says once it answers."
        )
    );
}

#[test]
fn a_late_answer_for_another_change_is_ignored() {
    let mut state = sample::state();
    let _ = state.update(Message::Choose(List::Formats, "ja"));
    let _ = state.update(Message::Changed(
        Change::Formats("fr_FR.UTF-8".into()),
        Err(refused()),
    ));
    assert!(state.error.is_none());
    assert_eq!(state.pending, Some(Change::Formats("ja_JP.UTF-8".into())));
}

#[test]
fn every_refusal_has_its_sentence() {
    let _guard = ferrum_i18n::hold_locale("en-US");
    let failure = || DbusFailure::new(FailureKind::Other, "x");
    let changes = [
        Change::PersonLanguage("de_DE.UTF-8".into()),
        Change::MachineLanguage("de_DE.UTF-8".into()),
        Change::Formats("de_DE.UTF-8".into()),
        Change::Keyboard(Keyboard::default()),
    ];
    let errors = [
        refused(),
        no_answer(),
        LocaleError::Invalid(failure()),
        LocaleError::NoAccount(UID),
        LocaleError::Unavailable(failure()),
        LocaleError::Failed(failure()),
    ];
    for change in &changes {
        for error in &errors {
            let sentence = change_error_sentence(change, error);
            assert!(
                sentence.ends_with('.') && !sentence.contains("region-"),
                "{change:?} {error:?}: {sentence}"
            );
        }
    }
}

#[test]
fn layouts_are_added_removed_and_reordered_with_their_variants() {
    let mut state = sample::state();
    let _ = state.update(Message::OpenPicker);
    assert_eq!(
        state.picker.as_ref().map(|picker| picker.query.as_str()),
        Some("")
    );
    let _ = state.update(Message::Picker(layout_picker::Message::Query("ukr".into())));
    let outcome = state.update(Message::Picker(layout_picker::Message::Submit));
    let expected = Keyboard {
        layout: "de,us,ua".into(),
        model: "pc105".into(),
        variant: "nodeadkeys,,".into(),
        options: String::new(),
    };
    assert_eq!(
        outcome.request,
        Some(Request::SetKeyboard(expected.clone()))
    );
    assert!(state.picker.is_none());
    let _ = state.update(Message::Changed(Change::Keyboard(expected), Ok(())));

    let outcome = state.update(Message::FirstLayout("us".into()));
    assert_eq!(
        outcome.request,
        Some(Request::SetKeyboard(Keyboard {
            layout: "us,de".into(),
            model: "pc105".into(),
            variant: ",nodeadkeys".into(),
            options: String::new(),
        }))
    );
    let _ = state.update(Message::Changed(
        Change::Keyboard(with_layouts(
            &sample::snapshot().keyboard,
            &["us".into(), "de".into()],
        )),
        Ok(()),
    ));
    let outcome = state.update(Message::RemoveLayout("de".into()));
    assert_eq!(
        outcome.request,
        Some(Request::SetKeyboard(Keyboard {
            layout: "us".into(),
            model: "pc105".into(),
            variant: String::new(),
            options: String::new(),
        }))
    );
}

#[test]
fn the_last_layout_stays() {
    let mut state = sample::state();
    let mut snapshot = sample::snapshot();
    snapshot.keyboard.layout = "de".into();
    let _ = state.update(Message::Watched(ServiceUpdate::Available(snapshot)));
    let outcome = state.update(Message::RemoveLayout("de".into()));
    assert_eq!(outcome.request, None);
    assert_eq!(state.pending, None);
}

#[test]
fn the_picker_leaves_out_the_layouts_in_use_and_searches_descriptions() {
    let all = sample::layouts();
    let used = vec!["de".to_owned(), "us".to_owned()];
    let names = |query: &str| -> Vec<String> {
        layout_picker::search(&all, query, &used)
            .into_iter()
            .map(|layout| layout.name.clone())
            .collect()
    };
    assert_eq!(names("german"), ["ch"]);
    assert_eq!(names("english"), ["gb"]);
    assert_eq!(names("jp"), ["jp"]);
    assert!(names("klingon").is_empty());
    let mut state = sample::state();
    let _ = state.update(Message::OpenPicker);
    let outcome = state.update(Message::Picker(layout_picker::Message::Close));
    assert_eq!(outcome.effect, Some(Effect::Focus(ids::REGION_ADD_LAYOUT)));
    assert!(state.picker.is_none());
}

#[test]
fn localed_resting_keeps_its_snapshot_and_its_return_is_read() {
    let mut state = sample::state();
    let _ = state.update(Message::Watched(ServiceUpdate::Unavailable));
    assert!(state.resting);
    assert!(state.snapshot().is_some());
    let _ = state.update(Message::Watched(ServiceUpdate::Available(
        sample::snapshot(),
    )));
    assert!(!state.resting);
    let mut fresh = State::on(SystemBus::with_address("unix:path=/nonexistent"), UID);
    let _ = fresh.update(Message::Watched(ServiceUpdate::Unavailable));
    assert!(matches!(fresh.locale, ServiceStatus::Unavailable));
}

#[test]
fn the_preview_follows_the_region() {
    let _guard = ferrum_i18n::hold_locale("en-US");
    assert_eq!(tag("de_DE.UTF-8"), "de-DE");
    assert_eq!(tag("sr_RS@latin"), "sr-RS");
    assert!(imperial("en_US.UTF-8") && letter("en_US.UTF-8"));
    assert!(!imperial("de_DE.UTF-8") && !letter("de_DE.UTF-8"));
    let german = preview("de_DE.UTF-8", TODAY);
    assert_eq!(german.number, "1.234.567,89");
    assert_eq!(german.short_date, "07.12.26");
    assert!(german.date.contains("Dezember"), "{}", german.date);
    assert_eq!(german.measurement, "Metric");
    assert_eq!(german.paper, "A4");
    let american = preview("en_US.UTF-8", TODAY);
    assert_eq!(american.number, "1,234,567.89");
    assert_eq!(american.paper, "US Letter");
}

#[test]
fn copy_details_is_an_effect() {
    let mut state = sample::state();
    let _ = state.update(Message::Choose(List::Formats, "ja"));
    let _ = state.update(Message::Changed(
        Change::Formats("ja_JP.UTF-8".into()),
        Err(refused()),
    ));
    let outcome = state.update(Message::Report(error_report::Message::Copy));
    assert!(matches!(outcome.effect, Some(Effect::Copy(_))));
    let _ = state.update(Message::Report(error_report::Message::Dismiss));
    assert!(state.error.is_none());
}
