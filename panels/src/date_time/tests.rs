#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ferrum_accessibility::Preferences;
use ferrum_accessibility::preferences::ClockFormat;
use ferrum_services::ServiceUpdate;
use ferrum_services::error::{DbusFailure, FailureKind};
use ferrum_services::timedate::TimedateError;
use ferrum_ui::Effect;

use super::manual::{self, Problem, parse_date, parse_time};
use super::sample::{self, NOW};
use super::*;

fn refused() -> SetTimeError {
    SetTimeError::Timedate(TimedateError::NotAuthorized(DbusFailure::new(
        FailureKind::AccessDenied,
        "org.freedesktop.DBus.Error.InteractiveAuthorizationRequired: no agent",
    )))
}

#[test]
fn the_clock_is_the_tick_plus_the_zones_offset() {
    let berlin = wall_clock(NOW, 3600);
    assert_eq!(
        (
            berlin.year,
            berlin.month,
            berlin.day,
            berlin.hour,
            berlin.minute,
            berlin.second
        ),
        (2026, 12, 7, 14, 5, 9)
    );
    let kolkata = wall_clock(NOW, 5 * 3600 + 1800);
    assert_eq!((kolkata.hour, kolkata.minute), (18, 35));
    let _guard = ferrum_i18n::hold_locale("en-US");
    assert_eq!(offset_text(3600), "UTC+01:00");
    assert_eq!(offset_text(-3 * 3600 - 1800), "UTC−03:30");
    assert_eq!(offset_text(0), "UTC");
    let (time, date) = clock_line(berlin, ClockFormat::TwentyFourHour);
    assert_eq!(time, "14:05:09");
    assert!(
        date.contains("December 7") && date.contains("2026"),
        "{date}"
    );
    let (twelve, _) = clock_line(berlin, ClockFormat::TwelveHour);
    assert!(
        twelve.starts_with("2:05:09") && twelve.contains("PM"),
        "{twelve}"
    );
}

#[test]
fn showing_the_page_reads_the_zones_once_off_the_ui_thread() {
    let mut state = State::on(
        SystemBus::with_address("unix:path=/nonexistent"),
        Preferences::default(),
    );
    assert_eq!(state.enter().request, Some(Request::LoadZones));
    let _ = state.update(Message::ZonesLoaded(Arc::new(sample::zones())));
    assert!(state.enter().is_none());
    // A zone outside the table (timedated's own spelling) has its offset read.
    let mut snapshot = sample::snapshot();
    snapshot.timezone = "Etc/GMT-3".into();
    let outcome = state.update(Message::Watched(ServiceUpdate::Available(snapshot)));
    assert_eq!(
        outcome.request,
        Some(Request::ZoneOffset("Etc/GMT-3".into()))
    );
    let _ = state.update(Message::ZoneOffset("Etc/GMT-3".into(), Some(3 * 3600)));
    assert_eq!(state.offset_of("Etc/GMT-3"), Some(3 * 3600));
}

#[test]
fn the_picker_searches_by_city_region_and_country_and_asks_for_the_choice() {
    let mut state = sample::with_picker(Preferences::default(), "brazil");
    let zones = state.zones.clone().unwrap();
    let names: Vec<String> = zones
        .table
        .search(&state.picker.as_ref().unwrap().query, 10)
        .iter()
        .map(|zone| zone.name.clone())
        .collect();
    assert_eq!(names, ["America/Noronha", "America/Sao_Paulo"]);
    let _ = state.update(Message::Picker(zone_picker::Message::Query("tokyo".into())));
    assert_eq!(
        zone_picker::first_match(state.picker.as_ref().unwrap(), &zones).as_deref(),
        Some("Asia/Tokyo")
    );
    let outcome = state.update(Message::Picker(zone_picker::Message::Choose(
        "Asia/Tokyo".into(),
    )));
    assert_eq!(outcome.request, Some(Request::SetZone("Asia/Tokyo".into())));
    assert_eq!(outcome.effect, Some(Effect::Focus(ids::DATE_TIME_ZONE)));
    assert!(state.picker.is_none());
    assert_eq!(state.pending, Some(Change::Zone("Asia/Tokyo".into())));
    // One change at a time.
    assert!(state.update(Message::Automatic(true)).is_none());
    // Done: the zone shown is timedated's, from the watch.
    let _ = state.update(Message::Changed(Change::Zone("Asia/Tokyo".into()), Ok(())));
    assert_eq!(state.pending, None);
    assert_eq!(
        state.zone(),
        "Europe/Berlin",
        "until timedated says otherwise"
    );
    let mut snapshot = sample::snapshot();
    snapshot.timezone = "Asia/Tokyo".into();
    let _ = state.update(Message::Watched(ServiceUpdate::Available(snapshot)));
    assert_eq!(state.zone(), "Asia/Tokyo");
    assert_eq!(state.offset_of("Asia/Tokyo"), Some(9 * 3600));
}

#[test]
fn enter_in_the_search_chooses_the_first_match_and_nothing_when_none() {
    let mut state = sample::with_picker(Preferences::default(), "xyzzy");
    let outcome = state.update(Message::Picker(zone_picker::Message::Submit));
    assert!(outcome.is_none());
    assert!(state.picker.is_some());
    let _ = state.update(Message::Picker(zone_picker::Message::Query("tokyo".into())));
    let outcome = state.update(Message::Picker(zone_picker::Message::Submit));
    assert_eq!(outcome.request, Some(Request::SetZone("Asia/Tokyo".into())));
    assert_eq!(outcome.effect, Some(Effect::Focus(ids::DATE_TIME_ZONE)));
    assert!(state.picker.is_none());
}

#[test]
fn choosing_the_zone_in_force_or_cancelling_asks_nothing() {
    let mut state = sample::with_picker(Preferences::default(), "berlin");
    let outcome = state.update(Message::Picker(zone_picker::Message::Choose(
        "Europe/Berlin".into(),
    )));
    assert_eq!(outcome.request, None);
    let _ = state.update(Message::OpenPicker);
    let outcome = state.update(Message::Picker(zone_picker::Message::Close));
    assert_eq!(outcome.request, None);
    assert_eq!(outcome.effect, Some(Effect::Focus(ids::DATE_TIME_ZONE)));
    assert!(state.picker.is_none());
}

#[test]
fn a_refusal_is_a_sentence_and_the_old_zone_stays() {
    let _guard = ferrum_i18n::hold_locale("en-US");
    let mut state = sample::with_picker(Preferences::default(), "paris");
    let _ = state.update(Message::Picker(zone_picker::Message::Choose(
        "Europe/Paris".into(),
    )));
    let _ = state.update(Message::Changed(
        Change::Zone("Europe/Paris".into()),
        Err(refused()),
    ));
    assert_eq!(state.pending, None);
    assert_eq!(state.zone(), "Europe/Berlin");
    let report = state.error.as_ref().expect("a sentence");
    assert_eq!(
        report.summary,
        "The time zone was not changed: an administrator did not allow it."
    );
    assert!(report.detail.contains("InteractiveAuthorizationRequired"));
    // Copy details reaches the clipboard.
    let outcome = state.update(Message::Report(error_report::Message::Copy));
    assert!(matches!(outcome.effect, Some(Effect::Copy(_))));
    // A late answer to a change no longer pending changes nothing.
    let _ = state.update(Message::Report(error_report::Message::Dismiss));
    let _ = state.update(Message::Changed(Change::Time, Err(refused())));
    assert!(state.error.is_none());
}

#[test]
fn every_failure_has_its_sentence() {
    let _guard = ferrum_i18n::hold_locale("en-US");
    let failure = |kind| DbusFailure::new(kind, "detail");
    let cases = [
        (
            Change::Automatic(true),
            refused(),
            "Automatic time was not changed: an administrator did not allow it.",
        ),
        (
            Change::Time,
            refused(),
            "The clock was not set: an administrator did not allow it.",
        ),
        (
            Change::Zone("x".into()),
            SetTimeError::Timedate(TimedateError::Unavailable(failure(
                FailureKind::ServiceMissing,
            ))),
            "The time service stopped before the change was made. Nothing was changed; try again.",
        ),
        (
            Change::Time,
            SetTimeError::Timedate(TimedateError::NoAnswer(failure(FailureKind::Timeout))),
            "The time service did not answer. The change may not have been made; the page shows what the service says once it answers.",
        ),
        (
            Change::Time,
            SetTimeError::Skipped("2026-03-29 02:30".into()),
            "2026-03-29 02:30 does not exist in this time zone (the clocks skip it). Choose another time.",
        ),
        (
            Change::Zone("Mars/Olympus".into()),
            SetTimeError::Timedate(TimedateError::UnknownZone {
                zone: "Mars/Olympus".into(),
            }),
            "This computer does not know the time zone Mars/Olympus.",
        ),
    ];
    for (change, error, sentence) in cases {
        assert_eq!(change_error_sentence(&change, &error), sentence);
    }
}

#[test]
fn automatic_time_is_switched_only_where_it_can_be() {
    let mut state = sample::state(Preferences::default());
    let outcome = state.update(Message::Automatic(true));
    assert_eq!(outcome.request, Some(Request::SetAutomatic(true)));
    let _ = state.update(Message::Changed(Change::Automatic(true), Ok(())));
    let mut snapshot = sample::snapshot();
    snapshot.can_ntp = false;
    let _ = state.update(Message::Watched(ServiceUpdate::Available(snapshot)));
    assert!(state.update(Message::Automatic(true)).is_none());
}

#[test]
fn the_date_and_time_by_hand_are_checked_with_sentences_and_kept() {
    assert_eq!(parse_date("2026-12-07"), Ok((2026, 12, 7)));
    assert_eq!(parse_date(" 2024-02-29 "), Ok((2024, 2, 29)));
    assert_eq!(parse_date("2026-02-29"), Err(Problem::NoSuchDay));
    assert_eq!(parse_date("2026-13-01"), Err(Problem::NoSuchDay));
    assert_eq!(parse_date("7.12.2026"), Err(Problem::DateForm));
    assert_eq!(parse_date("1969-12-31"), Err(Problem::YearOutOfRange));
    assert_eq!(parse_time("9:30"), Ok((9, 30, 0)));
    assert_eq!(parse_time("23:59:59"), Ok((23, 59, 59)));
    assert_eq!(parse_time("24:00"), Err(Problem::NoSuchTime));
    assert_eq!(parse_time("half past nine"), Err(Problem::TimeForm));

    let mut state = sample::with_bad_date(Preferences::default());
    let form = state.manual.as_ref().expect("the form");
    assert_eq!(form.check.problem, Some(Problem::NoSuchDay));
    assert_eq!(form.date, "2026-02-30", "the typing is kept");
    assert_eq!(form.time, "14:05", "filled with the time in Berlin");
    // Corrected: asked for, in the machine's zone.
    let _ = state.update(Message::Manual(manual::Message::Date("2026-02-28".into())));
    let outcome = state.update(Message::Manual(manual::Message::Submit));
    assert_eq!(
        outcome.request,
        Some(Request::SetTime {
            zone: "Europe/Berlin".into(),
            date: (2026, 2, 28),
            time: (14, 5, 0),
        })
    );
    // Refused: the form stays with the typing and the sentence.
    let _ = state.update(Message::Changed(Change::Time, Err(refused())));
    let form = state.manual.as_ref().expect("still open");
    assert_eq!(form.date, "2026-02-28");
    assert!(form.check.refusal.is_some());
    // Allowed: the form closes, the keyboard goes back to its button.
    let _ = state.update(Message::Manual(manual::Message::Submit));
    let outcome = state.update(Message::Changed(Change::Time, Ok(())));
    assert!(state.manual.is_none());
    assert_eq!(outcome.effect, Some(Effect::Focus(ids::DATE_TIME_MANUAL)));
}

#[test]
fn the_clock_cannot_be_set_by_hand_while_automatic_time_is_on() {
    let mut state = sample::state(Preferences::default());
    let _ = state.update(Message::OpenManual);
    assert!(state.manual.is_some());
    let mut snapshot = sample::snapshot();
    snapshot.ntp = true;
    let _ = state.update(Message::Watched(ServiceUpdate::Available(snapshot)));
    assert!(state.manual.is_none(), "automatic time took over");
    assert!(state.update(Message::OpenManual).is_none());
}

#[test]
fn the_clock_format_is_the_persons_choice_else_the_languages() {
    let state = sample::state(Preferences {
        clock: Some(ClockFormat::TwelveHour),
        ..Preferences::default()
    });
    assert_eq!(state.clock(), ClockFormat::TwelveHour);
    let _guard = ferrum_i18n::use_locale("de");
    let state = sample::state(Preferences::default());
    assert_eq!(state.clock(), ClockFormat::TwentyFourHour);
}

#[test]
fn timedated_resting_keeps_the_page_and_a_crash_before_any_read_says_so() {
    let mut state = sample::state(Preferences::default());
    let _ = state.update(Message::Watched(ServiceUpdate::Unavailable));
    assert!(state.resting);
    assert!(state.snapshot().is_some());
    let _ = state.update(Message::Watched(ServiceUpdate::Available(
        sample::snapshot(),
    )));
    assert!(!state.resting);
    let mut fresh = State::on(
        SystemBus::with_address("unix:path=/nonexistent"),
        Preferences::default(),
    );
    let _ = fresh.update(Message::Watched(ServiceUpdate::Unavailable));
    assert_eq!(fresh.timedate, ServiceStatus::Unavailable);
}
