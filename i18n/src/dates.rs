//! Dates and times in the user's language with ICU4X's CLDR data: the
//! greeter's clock reads "Sunday, November 29" and "10:32 AM" in English,
//! "Sonntag, 29. November" and "10:32" in German.

use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::{MDE, T, YMD, YMDE};
use icu_datetime::input::{Date, Time};
use icu_datetime::options::TimePrecision;
use icu_locale_core::Locale;

fn locale() -> Option<Locale> {
    crate::current_locale().to_string().parse().ok()
}

/// A time of day (hours and minutes) as the current language writes it;
/// `None` for an impossible time.
pub fn format_time(hour: u8, minute: u8) -> Option<String> {
    let time = Time::try_new(hour, minute, 0, 0).ok()?;
    let field_set = T::short().with_time_precision(TimePrecision::Minute);
    match locale().and_then(|l| DateTimeFormatter::try_new(l.into(), field_set).ok()) {
        Some(formatter) => Some(formatter.format(&time).to_string()),
        None => Some(format!("{hour:02}:{minute:02}")),
    }
}

/// A day (weekday, month and day) as the current language writes it;
/// `None` for an impossible date.
pub fn format_date(year: i32, month: u8, day: u8) -> Option<String> {
    let date = Date::try_new_iso(year, month, day).ok()?;
    match locale().and_then(|l| DateTimeFormatter::try_new(l.into(), MDE::long()).ok()) {
        Some(formatter) => Some(formatter.format(&date).to_string()),
        None => Some(format!("{year:04}-{month:02}-{day:02}")),
    }
}

fn with_hour_cycle(locale: Option<Locale>, twenty_four: Option<bool>) -> Option<Locale> {
    let locale = locale?;
    match twenty_four {
        None => Some(locale),
        Some(on) => format!("{locale}-u-hc-{}", if on { "h23" } else { "h12" })
            .parse()
            .ok()
            .or(Some(locale)),
    }
}

/// A time of day with its seconds as the current language writes it, with the hour cycle
/// the person chose (`Some(true)`: 24-hour, `Some(false)`: 12-hour, `None`: the language's
/// own); `None` for an impossible time. The Date & Time page's clock.
pub fn format_clock(hour: u8, minute: u8, second: u8, twenty_four: Option<bool>) -> Option<String> {
    let time = Time::try_new(hour, minute, second, 0).ok()?;
    let field_set = T::medium().with_time_precision(TimePrecision::Second);
    match with_hour_cycle(locale(), twenty_four)
        .and_then(|l| DateTimeFormatter::try_new(l.into(), field_set).ok())
    {
        Some(formatter) => Some(formatter.format(&time).to_string()),
        None => Some(format!("{hour:02}:{minute:02}:{second:02}")),
    }
}

/// A time of day (hours and minutes) with the chosen hour cycle (see [`format_clock`]).
pub fn format_time_cycle(hour: u8, minute: u8, twenty_four: Option<bool>) -> Option<String> {
    let time = Time::try_new(hour, minute, 0, 0).ok()?;
    let field_set = T::short().with_time_precision(TimePrecision::Minute);
    match with_hour_cycle(locale(), twenty_four)
        .and_then(|l| DateTimeFormatter::try_new(l.into(), field_set).ok())
    {
        Some(formatter) => Some(formatter.format(&time).to_string()),
        None => Some(format!("{hour:02}:{minute:02}")),
    }
}

/// A full date (weekday, day, month and year) as `locale` writes it (a BCP 47 tag such as
/// `de-CH`; the current language when `None`); `None` for an impossible date.
pub fn format_full_date(locale_tag: Option<&str>, year: i32, month: u8, day: u8) -> Option<String> {
    let date = Date::try_new_iso(year, month, day).ok()?;
    let chosen = match locale_tag {
        Some(tag) => tag.parse().ok(),
        None => locale(),
    };
    match chosen.and_then(|l: Locale| DateTimeFormatter::try_new(l.into(), YMDE::long()).ok()) {
        Some(formatter) => Some(formatter.format(&date).to_string()),
        None => Some(format!("{year:04}-{month:02}-{day:02}")),
    }
}

/// A date in digits as `locale` writes it (`07.12.2026`, `12/7/2026`); `None` for an
/// impossible date.
pub fn format_short_date(locale_tag: &str, year: i32, month: u8, day: u8) -> Option<String> {
    let date = Date::try_new_iso(year, month, day).ok()?;
    match locale_tag
        .parse()
        .ok()
        .and_then(|l: Locale| DateTimeFormatter::try_new(l.into(), YMD::short()).ok())
    {
        Some(formatter) => Some(formatter.format(&date).to_string()),
        None => Some(format!("{year:04}-{month:02}-{day:02}")),
    }
}

#[cfg(test)]
mod clock_tests {
    use super::*;

    #[test]
    fn the_hour_cycle_follows_the_choice() {
        let _guard = crate::use_locale("en-US");
        assert_eq!(
            format_clock(14, 5, 9, Some(true)).as_deref(),
            Some("14:05:09")
        );
        let twelve = format_clock(14, 5, 9, Some(false)).unwrap_or_default();
        assert!(
            twelve.starts_with("2:05:09") && twelve.contains("PM"),
            "{twelve}"
        );
        let short = format_time_cycle(9, 30, Some(true)).unwrap_or_default();
        assert_eq!(short, "09:30");
        assert_eq!(
            format_short_date("de-DE", 2026, 12, 7).as_deref(),
            Some("07.12.26")
        );
        let full = format_full_date(Some("en-US"), 2026, 12, 7).unwrap_or_default();
        assert!(full.contains("December") && full.contains("2026"), "{full}");
        assert_eq!(format_full_date(None, 2026, 2, 30), None);
    }
}
