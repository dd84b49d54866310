//! A sample of what timedated and the tz database say — Berlin, automatic time off, a few
//! zones with fixed offsets — at a fixed moment, for the page's unit tests and the demo's
//! and snapshots' drawings (which show the page without timedated and with a clock that
//! does not move).

use std::collections::HashMap;
use std::sync::Arc;

use ferrum_accessibility::Preferences;
use ferrum_services::time_zones::{parse, parse_countries};
use ferrum_services::timedate::Snapshot;
use ferrum_services::{ServiceUpdate, SystemBus};

use super::{Message, Page, State, Zones, manual, zone_picker};

/// 2026-12-07 13:05:09 UTC, a Monday (14:05:09 in Berlin).
pub const NOW: i64 = 1_796_648_709;

const ZONES: &str = "DE,DK,NO,SE,SJ\t+5230+01322\tEurope/Berlin\tmost of Germany\nFR,MC\t+4852+00220\tEurope/Paris\nUS\t+404251-0740023\tAmerica/New_York\tEastern (most areas)\nBR\t-2332-04637\tAmerica/Sao_Paulo\tBrazil (southeast)\nBR\t-0351-03225\tAmerica/Noronha\tAtlantic islands\nJP\t+353916+1394441\tAsia/Tokyo\nIN\t+2232+08822\tAsia/Kolkata\nUA\t+5026+03031\tEurope/Kyiv\nEG\t+3003+03115\tAfrica/Cairo\n";
const COUNTRIES: &str = "BR\tBrazil\nDE\tGermany\nDK\tDenmark\nEG\tEgypt\nFR\tFrance\nIN\tIndia\nJP\tJapan\nMC\tMonaco\nNO\tNorway\nSE\tSweden\nSJ\tSvalbard & Jan Mayen\nUA\tUkraine\nUS\tUnited States\n";

/// The sample's zones with their December offsets.
pub fn zones() -> Zones {
    let offsets: HashMap<String, i32> = [
        ("UTC", 0),
        ("Europe/Berlin", 3600),
        ("Europe/Paris", 3600),
        ("America/New_York", -5 * 3600),
        ("America/Sao_Paulo", -3 * 3600),
        ("America/Noronha", -2 * 3600),
        ("Asia/Tokyo", 9 * 3600),
        ("Asia/Kolkata", 5 * 3600 + 1800),
        ("Europe/Kyiv", 2 * 3600),
        ("Africa/Cairo", 2 * 3600),
    ]
    .into_iter()
    .map(|(name, offset)| (name.to_owned(), offset))
    .collect();
    Zones {
        table: ferrum_services::time_zones::ZoneTable {
            zones: parse(ZONES),
            countries: parse_countries(COUNTRIES),
        },
        offsets,
    }
}

/// timedated's snapshot: Berlin, automatic time available but off.
pub fn snapshot() -> Snapshot {
    Snapshot {
        timezone: "Europe/Berlin".to_owned(),
        local_rtc: false,
        can_ntp: true,
        ntp: false,
        ntp_synchronized: false,
        time_usec: u64::try_from(NOW).unwrap_or(0) * 1_000_000,
    }
}

/// The page with the sample, on an unreachable bus, at [`NOW`].
pub fn state(preferences: Preferences) -> State {
    let mut state = State::on(
        SystemBus::with_address("unix:path=/nonexistent"),
        preferences,
    );
    let _ = state.update(Message::ZonesLoaded(Arc::new(zones())));
    let _ = state.update(Message::Watched(ServiceUpdate::Available(snapshot())));
    let _ = state.update(Message::Tick(NOW));
    state
}

/// The sample with the time zone picker open, searching for `query`.
pub fn with_picker(preferences: Preferences, query: &str) -> State {
    let mut state = state(preferences);
    let _ = state.update(Message::OpenPicker);
    let _ = state.update(Message::Picker(zone_picker::Message::Query(
        query.to_owned(),
    )));
    state
}

/// The sample with the date and time form open and an impossible date typed.
pub fn with_bad_date(preferences: Preferences) -> State {
    let mut state = state(preferences);
    let _ = state.update(Message::OpenManual);
    let _ = state.update(Message::Manual(manual::Message::Date(
        "2026-02-30".to_owned(),
    )));
    let _ = state.update(Message::Manual(manual::Message::Submit));
    state
}
