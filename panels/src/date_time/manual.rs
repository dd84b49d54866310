//! Setting the date and time by hand (while automatic time is off): two fields, checked in
//! `update` with a sentence for what is wrong, the typing kept; a refusal by timedated is
//! said in the form too, and nothing typed is lost. Its state, messages and view.

use ferrum_i18n::fl;
use ferrum_ui::form::{Check, Field, text_form};
use ferrum_ui::widgets::FormEnd;
use iced::Element;

use super::view::Civil;
use crate::ids;

/// Why the typed date or time is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The date is not written as year-month-day.
    DateForm,
    /// No such day (the 30th of February).
    NoSuchDay,
    /// The year is outside what the clock can hold (1970–2199 here).
    YearOutOfRange,
    /// The time is not written as hours:minutes.
    TimeForm,
    /// No such time (25:00, 12:61).
    NoSuchTime,
}

impl Problem {
    /// The problem in words.
    pub fn sentence(self) -> String {
        match self {
            Problem::DateForm => fl!("date-time-manual-date-form"),
            Problem::NoSuchDay => fl!("date-time-manual-no-such-day"),
            Problem::YearOutOfRange => fl!("date-time-manual-year-range"),
            Problem::TimeForm => fl!("date-time-manual-time-form"),
            Problem::NoSuchTime => fl!("date-time-manual-no-such-time"),
        }
    }
}

/// The form's state: what is typed and what is wrong with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    /// The date as typed (`2026-12-07`).
    pub date: String,
    /// The time as typed (`14:05`, `14:05:30`).
    pub time: String,
    /// What is wrong with the typing, once checked, and timedated's refusal, until the
    /// typing changes.
    pub check: Check<Problem>,
}

/// What happens in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The date field changed.
    Date(String),
    /// The time field changed.
    Time(String),
    /// "Set" (or Enter in a field).
    Submit,
    /// "Cancel".
    Cancel,
}

/// What the page does after a form message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Nothing more.
    None,
    /// Close the form.
    Cancel,
    /// Set the clock to this wall-clock time (in the machine's zone).
    Set {
        /// Year, month, day.
        date: (i16, i8, i8),
        /// Hour, minute, second.
        time: (i8, i8, i8),
    },
}

fn numbers(text: &str, separator: char) -> Option<Vec<i64>> {
    text.trim()
        .split(separator)
        .map(|part| {
            let part = part.trim();
            (!part.is_empty() && part.len() <= 4 && part.chars().all(|c| c.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        })
        .collect()
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads a date written `year-month-day`.
pub fn parse_date(text: &str) -> Result<(i16, i8, i8), Problem> {
    let parts = numbers(text, '-').ok_or(Problem::DateForm)?;
    let [year, month, day] = parts[..] else {
        return Err(Problem::DateForm);
    };
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return Err(Problem::NoSuchDay);
    }
    if !(1970..=2199).contains(&year) {
        return Err(Problem::YearOutOfRange);
    }
    Ok((year as i16, month as i8, day as i8))
}

/// Reads a time written `hours:minutes` or `hours:minutes:seconds` (24-hour).
pub fn parse_time(text: &str) -> Result<(i8, i8, i8), Problem> {
    let parts = numbers(text, ':').ok_or(Problem::TimeForm)?;
    let (hour, minute, second) = match parts[..] {
        [hour, minute] => (hour, minute, 0),
        [hour, minute, second] => (hour, minute, second),
        _ => return Err(Problem::TimeForm),
    };
    if hour > 23 || minute > 59 || second > 59 {
        return Err(Problem::NoSuchTime);
    }
    Ok((hour as i8, minute as i8, second as i8))
}

impl Form {
    /// A form filled with a wall-clock time.
    pub fn at(local: Civil) -> Self {
        Self {
            date: format!("{:04}-{:02}-{:02}", local.year, local.month, local.day),
            time: format!("{:02}:{:02}", local.hour, local.minute),
            check: Check::default(),
        }
    }

    /// Applies a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Date(date) => {
                self.date = date;
                self.check.typed();
                Action::None
            }
            Message::Time(time) => {
                self.time = time;
                self.check.typed();
                Action::None
            }
            Message::Cancel => Action::Cancel,
            Message::Submit => {
                let checked =
                    parse_date(&self.date).and_then(|date| Ok((date, parse_time(&self.time)?)));
                match self.check.sent(checked) {
                    Some((date, time)) => Action::Set { date, time },
                    None => Action::None,
                }
            }
        }
    }

    /// Draws the form (`busy`: the change is under way).
    pub fn view(&self, busy: bool) -> Element<'_, Message> {
        text_form(
            &ids::DATE_TIME_MANUAL,
            fl!("date-time-manual-title"),
            fl!("date-time-manual-hint"),
            [
                Field {
                    id: ids::DATE_TIME_MANUAL_DATE,
                    label: fl!("date-time-manual-date"),
                    value: &self.date,
                    on_input: Message::Date,
                },
                Field {
                    id: ids::DATE_TIME_MANUAL_TIME,
                    label: fl!("date-time-manual-time"),
                    value: &self.time,
                    on_input: Message::Time,
                },
            ],
            FormEnd {
                problem: self.check.problem.map(Problem::sentence),
                refusal: self.check.refusal.clone(),
                busy: busy.then(|| fl!("date-time-setting-time")),
                submit: ("set", fl!("date-time-manual-set"), Message::Submit),
                cancel: (fl!("date-time-cancel"), Message::Cancel),
            },
        )
    }
}
