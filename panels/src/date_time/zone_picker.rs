//! The time zone picker: a search field (city, region or country) and the matching zones,
//! each with its country, UTC offset and local time now; choosing one asks timedated for it.
//! Its state, messages and view.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_ui::widgets::{FONT_BOLD, action_button, caption, card, labelled_field, reading_start};
use iced::widget::{button, column, text};
use iced::{Element, Length};

use super::{Zones, offset_text, view::time_text, wall_clock};
use crate::ids;
use ferrum_accessibility::preferences::ClockFormat;

/// At most this many zones are listed (the search narrows the rest).
pub const SHOWN: usize = 40;

/// The picker's state: what is typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dialog {
    /// The search as typed.
    pub query: String,
}

/// What happens in the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The search changed.
    Query(String),
    /// Enter in the search: the first match.
    Submit,
    /// A zone's row.
    Choose(String),
    /// "Cancel".
    Close,
}

/// What the page does after a picker message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Nothing more.
    None,
    /// Close the picker.
    Close,
    /// Set this zone.
    Choose(String),
}

impl Dialog {
    /// Applies a message. `Submit` chooses the first match, which the page resolves
    /// ([`Dialog::first_match`]) — here it only says so.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Query(query) => {
                self.query = query;
                Action::None
            }
            Message::Submit => Action::None,
            Message::Choose(zone) => Action::Choose(zone),
            Message::Close => Action::Close,
        }
    }

    /// The first zone matching the search.
    pub fn first_match(&self, zones: &Zones) -> Option<String> {
        zones
            .table
            .search(&self.query, 1)
            .first()
            .map(|zone| zone.name.clone())
    }

    /// Draws the picker over `zones` (none yet: "Reading the time zones…"), with the clock at
    /// `now` (seconds, UTC) and the current zone marked.
    pub fn view<'a>(
        &'a self,
        zones: Option<&'a Zones>,
        now: i64,
        current: &str,
        clock: ClockFormat,
    ) -> Element<'a, Message> {
        let mut content = column![
            text(fl!("date-time-picker-title")).size(17).font(FONT_BOLD),
            labelled_field(
                ids::DATE_TIME_PICKER_SEARCH,
                fl!("date-time-picker-search"),
                &self.query,
                Message::Query,
                match zones.and_then(|zones| self.first_match(zones)) {
                    Some(first) => Message::Choose(first),
                    None => Message::Submit,
                },
            ),
        ]
        .spacing(10)
        .align_x(reading_start());
        match zones {
            None => content = content.push(caption(fl!("date-time-picker-loading"))),
            Some(zones) => {
                let found = zones.table.search(&self.query, SHOWN + 1);
                if found.is_empty() {
                    let sentence = fl!("date-time-picker-none", query = self.query.as_str());
                    content = content.push(Accessible::new(
                        ids::DATE_TIME_PICKER.child("none"),
                        AccessibleInfo::new(Role::Label, sentence.clone()),
                        text(sentence).size(15),
                    ));
                }
                let more = found.len() > SHOWN;
                for zone in found.into_iter().take(SHOWN) {
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
                    // The name stays the same as the clock moves (a reader knows the row by
                    // it); the local time is its description.
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
                    let chosen = zone.name == current;
                    let mut info = AccessibleInfo::new(Role::Button, name).selected(chosen);
                    if let Some(local) = local {
                        info = info.description(fl!("date-time-picker-local", time = local));
                    }
                    content = content.push(
                        Accessible::new(
                            ids::date_time_zone(&zone.name),
                            info,
                            button(
                                column![
                                    text(label).size(16).font(if chosen {
                                        FONT_BOLD
                                    } else {
                                        iced::Font::default()
                                    }),
                                    caption(detail)
                                ]
                                .spacing(2)
                                .width(Length::Fill)
                                .align_x(reading_start()),
                            )
                            .width(Length::Fill)
                            .padding(6)
                            .style(button::text)
                            .on_press(Message::Choose(zone.name.clone())),
                        )
                        .on_activate(Message::Choose(zone.name.clone())),
                    );
                }
                if more {
                    content = content.push(caption(fl!("date-time-picker-more")));
                }
            }
        }
        content = content.push(action_button(
            ids::DATE_TIME_PICKER.child("cancel"),
            fl!("date-time-cancel"),
            button::secondary,
            Message::Close,
        ));
        card(content)
    }
}
