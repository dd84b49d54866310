//! The time zone picker: a search field (city, region or country) and the matching zones,
//! each with its country, UTC offset and local time now; choosing one asks timedated for it.
//! The UI kit's [`ferrum_ui::picker`] keyed by tz name; here its words and its rows.

use ferrum_accessibility::preferences::ClockFormat;
use ferrum_i18n::fl;
use ferrum_ui::picker::{self, Ids, Labels, Row};
use iced::Element;

use super::{Zones, offset_text, view::time_text, wall_clock};
use crate::ids;

/// At most this many zones are listed (the search narrows the rest).
pub const SHOWN: usize = 40;

/// The picker's state: what is typed.
pub type Dialog = picker::Picker;

/// What happens in the picker; a row is a zone's tz name.
pub type Message = picker::Message<String>;

/// What the page does after a picker message.
pub type Action = picker::Action<String>;

/// The first zone matching the picker's search.
pub fn first_match(dialog: &Dialog, zones: &Zones) -> Option<String> {
    zones
        .table
        .search(&dialog.query, 1)
        .first()
        .map(|zone| zone.name.clone())
}

/// Draws the picker over `zones` (none yet: "Reading the time zones…"), with the clock at
/// `now` (seconds, UTC) and the current zone marked.
pub fn view<'a>(
    dialog: &'a Dialog,
    zones: Option<&'a Zones>,
    now: i64,
    current: &str,
    clock: ClockFormat,
) -> Element<'a, Message> {
    let labels = Labels {
        title: fl!("date-time-picker-title"),
        search: fl!("date-time-picker-search"),
        loading: fl!("date-time-picker-loading"),
        none: fl!("date-time-picker-none", query = dialog.query.as_str()),
        more: fl!("date-time-picker-more"),
        cancel: fl!("date-time-cancel"),
    };
    let picker_ids = Ids {
        picker: ids::DATE_TIME_PICKER,
        search: ids::DATE_TIME_PICKER_SEARCH,
    };
    let found = zones.map(|zones| {
        zones
            .table
            .search(&dialog.query, SHOWN + 1)
            .into_iter()
            .map(move |zone| {
                let countries = zones.table.country_names(zone).join(", ");
                let offset = zones.offsets.get(&zone.name).copied();
                let mut facts = Vec::new();
                if !countries.is_empty() {
                    facts.push(countries);
                }
                let mut local = None;
                if let Some(offset) = offset {
                    facts.push(offset_text(offset));
                    local = Some(time_text(wall_clock(now, offset), clock));
                }
                let label = zone.label();
                // The name stays the same as the clock moves (a reader knows the row by it);
                // the local time is its description.
                let name = std::iter::once(label.clone())
                    .chain((!facts.is_empty()).then(|| facts.join(" · ")))
                    .collect::<Vec<_>>()
                    .join(", ");
                let detail = facts
                    .iter()
                    .cloned()
                    .chain(local.clone())
                    .collect::<Vec<_>>()
                    .join(" · ");
                Row {
                    key: zone.name.clone(),
                    id: ids::date_time_zone(&zone.name),
                    label,
                    detail,
                    name,
                    description: local.map(|local| fl!("date-time-picker-local", time = local)),
                    chosen: Some(zone.name == current),
                }
            })
    });
    dialog.view(picker_ids, labels, found, SHOWN)
}
