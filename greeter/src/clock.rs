//! The clock in the top bar: the local time and date in the user's language,
//! refreshed at each minute boundary (no per-second timer).

use std::time::Duration;

use futures::Stream;
use jiff::Zoned;

/// What the clock shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockFace {
    /// "10:32 AM", "10:32".
    pub time: String,
    /// "Sunday, November 29".
    pub date: String,
}

/// The clock face for a moment, in the current language.
pub fn face(now: &Zoned) -> ClockFace {
    let hour = u8::try_from(now.hour()).unwrap_or_default();
    let minute = u8::try_from(now.minute()).unwrap_or_default();
    let month = u8::try_from(now.month()).unwrap_or(1);
    let day = u8::try_from(now.day()).unwrap_or(1);
    ClockFace {
        time: ferrum_i18n::format_time(hour, minute).unwrap_or_default(),
        date: ferrum_i18n::format_date(i32::from(now.year()), month, day).unwrap_or_default(),
    }
}

/// The local time now (UTC when the time zone database is unreadable).
pub fn now() -> Zoned {
    Zoned::now()
}

fn until_next_minute(now: &Zoned) -> Duration {
    let into_minute = u64::try_from(now.second()).unwrap_or(0) * 1000
        + u64::try_from(now.millisecond()).unwrap_or(0);
    Duration::from_millis(60_000u64.saturating_sub(into_minute).max(1))
}

/// Yields the time each time the minute changes.
pub fn minutes() -> impl Stream<Item = Zoned> {
    futures::stream::unfold((), |()| async {
        tokio::time::sleep(until_next_minute(&now())).await;
        Some((now(), ()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_for_the_next_minute() {
        let moment: Zoned = "2026-11-29T10:32:45.500[UTC]".parse().expect("a time");
        assert_eq!(until_next_minute(&moment), Duration::from_millis(14_500));
    }

    #[test]
    fn the_face_follows_the_language() {
        let moment: Zoned = "2026-11-29T14:05:00[UTC]".parse().expect("a time");
        // Switches the language alone, and puts the one in force back.
        let _locale = ferrum_i18n::use_locale("en-US");
        let english = face(&moment);
        assert_eq!(english.time.replace('\u{202f}', " "), "2:05 PM");
        assert!(english.date.contains("Sunday"), "{}", english.date);
        assert!(english.date.contains("November 29"), "{}", english.date);
        ferrum_i18n::set_locale("de");
        let german = face(&moment);
        assert_eq!(german.time, "14:05");
        assert!(german.date.contains("Sonntag"), "{}", german.date);
    }
}
