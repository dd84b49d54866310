//! Dates and times in the user's language with ICU4X's CLDR data: the
//! greeter's clock reads "Sunday, November 29" and "10:32 AM" in English,
//! "Sonntag, 29. November" and "10:32" in German.

use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::{MDE, T};
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
