//! Drawing the Date & Time page: the clock, automatic time, the time zone, the date and time
//! by hand, the 24-hour clock; the picker and the form in their places.

use ferrum_accessibility::preferences::ClockFormat;
use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::time_zones::Zone;
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, bidi_row, caption, card, line, notice, page_start, reading_start,
    section, switch,
};
use iced::widget::{button, column, text};
use iced::{Alignment, Element, Length};

use super::{Change, Message, State, zone_picker};
use crate::accessibility::Message as Preference;
use crate::ids;

/// A wall-clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    /// The year.
    pub year: i16,
    /// 1–12.
    pub month: i8,
    /// The day of the month.
    pub day: i8,
    /// 0–23.
    pub hour: i8,
    /// 0–59.
    pub minute: i8,
    /// 0–59.
    pub second: i8,
}

/// The wall clock `offset` seconds east of UTC at `now` (seconds since the epoch): pure
/// arithmetic, no zone file.
pub fn wall_clock(now: i64, offset: i32) -> Civil {
    let moment = jiff::Timestamp::from_second(now.saturating_add(i64::from(offset)))
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let civil = moment.to_zoned(jiff::tz::TimeZone::UTC).datetime();
    Civil {
        year: civil.year(),
        month: civil.month(),
        day: civil.day(),
        hour: civil.hour(),
        minute: civil.minute(),
        second: civil.second(),
    }
}

/// An offset from UTC in words: "UTC+01:00", "UTC−03:30", "UTC".
pub fn offset_text(offset: i32) -> String {
    if offset == 0 {
        return fl!("date-time-utc");
    }
    let sign = if offset < 0 { "−" } else { "+" };
    let minutes = offset.unsigned_abs() / 60;
    fl!(
        "date-time-offset",
        offset = format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    )
}

fn twenty_four(clock: ClockFormat) -> bool {
    clock == ClockFormat::TwentyFourHour
}

/// Hours and minutes in the chosen clock format.
pub fn time_text(civil: Civil, clock: ClockFormat) -> String {
    ferrum_i18n::format_time_cycle(
        civil.hour as u8,
        civil.minute as u8,
        Some(twenty_four(clock)),
    )
    .unwrap_or_default()
}

/// The live clock: the time with seconds and the full date.
pub fn clock_line(civil: Civil, clock: ClockFormat) -> (String, String) {
    let time = ferrum_i18n::format_clock(
        civil.hour as u8,
        civil.minute as u8,
        civil.second as u8,
        Some(twenty_four(clock)),
    )
    .unwrap_or_default();
    let date = ferrum_i18n::format_full_date(
        None,
        i32::from(civil.year),
        civil.month as u8,
        civil.day as u8,
    )
    .unwrap_or_default();
    (time, date)
}

fn zone_label(state: &State) -> String {
    let zone = state.zone();
    // timedated's "Etc/UTC" is plain UTC, with no offset to add.
    if matches!(
        zone,
        "UTC" | "Etc/UTC" | "Etc/UCT" | "Etc/Universal" | "Etc/Zulu"
    ) {
        return fl!("date-time-utc");
    }
    let label = state
        .zones
        .as_ref()
        .and_then(|zones| zones.table.find(zone))
        .map_or_else(
            || {
                Zone {
                    name: zone.to_owned(),
                    countries: Vec::new(),
                }
                .label()
            },
            Zone::label,
        );
    match state.offset_of(zone) {
        Some(offset) => fl!(
            "date-time-zone-line",
            zone = label.as_str(),
            offset = offset_text(offset)
        ),
        None => label,
    }
}

pub(super) fn page(state: &State) -> Element<'_, Message> {
    let mut page = page_start(
        fl!("date-time-title"),
        state.error.as_ref(),
        &ids::DATE_TIME,
        Message::Report,
    );
    let snapshot = match state.timedate.ready_or_notice(
        || {
            (
                fl!("date-time-not-running"),
                fl!("date-time-not-running.body"),
            )
        },
        |error| notice(fl!("date-time-unreadable"), error.detail()),
    ) {
        Ok(snapshot) => snapshot,
        Err(notice) => return page.push(notice).into(),
    };
    let clock = state.clock();
    let offset = state.offset_of(state.zone()).unwrap_or(0);
    let (time, date) = clock_line(wall_clock(state.now, offset), clock);
    let zone = zone_label(state);
    page = page.push(card(Accessible::new(
        ids::DATE_TIME.child("clock"),
        AccessibleInfo::new(
            Role::Label,
            fl!(
                "date-time-clock-name",
                time = time.as_str(),
                date = date.as_str()
            ),
        ),
        column![
            text(time).size(32).font(FONT_BOLD),
            text(date).size(16),
            caption(zone.clone()),
        ]
        .spacing(4)
        .width(Length::Fill)
        .align_x(reading_start()),
    )));

    // Automatic time and the clock by hand.
    let mut time_rows = column![].spacing(6).align_x(reading_start());
    if snapshot.can_ntp {
        time_rows = time_rows.push(switch(
            ids::DATE_TIME_AUTOMATIC,
            fl!("date-time-automatic"),
            if snapshot.ntp && snapshot.ntp_synchronized {
                fl!("date-time-automatic-synchronized")
            } else {
                fl!("date-time-automatic.desc")
            },
            snapshot.ntp,
            Message::Automatic,
        ));
    } else {
        let sentence = fl!("date-time-automatic-unavailable");
        time_rows = time_rows.push(Accessible::new(
            ids::DATE_TIME_AUTOMATIC.child("unavailable"),
            AccessibleInfo::new(Role::Label, sentence.clone()),
            line(sentence, 15, Length::Fill),
        ));
    }
    if let Some(Change::Automatic(on)) = &state.pending {
        time_rows = time_rows.push(pending_line(if *on {
            fl!("date-time-turning-automatic-on")
        } else {
            fl!("date-time-turning-automatic-off")
        }));
    }
    if !snapshot.ntp {
        match &state.manual {
            Some(form) => {
                time_rows = time_rows.push(
                    form.view(state.pending == Some(Change::Time))
                        .map(Message::Manual),
                );
            }
            None => {
                time_rows = time_rows.push(action_button(
                    ids::DATE_TIME_MANUAL,
                    fl!("date-time-manual-open"),
                    button::secondary,
                    Message::OpenManual,
                ));
            }
        }
    }
    page = page.push(section(fl!("date-time-time-heading"), time_rows));

    // The time zone.
    let mut zone_rows = column![].spacing(8).align_x(reading_start());
    let mut zone_row = vec![line(zone, 16, Length::Fill)];
    if state.picker.is_none() {
        zone_row.push(action_button(
            ids::DATE_TIME_ZONE,
            fl!("date-time-zone-change"),
            button::secondary,
            Message::OpenPicker,
        ));
    }
    zone_rows = zone_rows.push(bidi_row(zone_row).spacing(12).align_y(Alignment::Center));
    if let Some(Change::Zone(zone)) = &state.pending {
        zone_rows = zone_rows.push(pending_line(fl!(
            "date-time-changing-zone",
            zone = zone.as_str()
        )));
    }
    if let Some(picker) = &state.picker {
        zone_rows = zone_rows.push(
            zone_picker::view(
                picker,
                state.zones.as_deref(),
                state.now,
                state.zone(),
                clock,
            )
            .map(Message::Picker),
        );
    }
    page = page.push(section(fl!("date-time-zone-heading"), zone_rows));

    // The person's clock.
    page = page.push(section(
        fl!("date-time-clock-heading"),
        switch(
            ids::DATE_TIME_24_HOUR,
            fl!("date-time-24-hour"),
            fl!("date-time-24-hour.desc"),
            clock == ClockFormat::TwentyFourHour,
            |on| {
                Message::Preferences(Preference::Clock(Some(if on {
                    ClockFormat::TwentyFourHour
                } else {
                    ClockFormat::TwelveHour
                })))
            },
        ),
    ));
    page.into()
}

fn pending_line<'a>(sentence: String) -> Element<'a, Message> {
    Accessible::new(
        ids::DATE_TIME.child("pending"),
        AccessibleInfo::new(Role::Alert, sentence.clone()),
        caption(sentence),
    )
    .into()
}
