//! The layout picker: a search field and xkeyboard-config's layouts that match it (by
//! description or xkb name), those already in use left out; choosing one adds it to the
//! machine's layouts. Its state, messages and view.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::layouts::Layout;
use ferrum_ui::widgets::{FONT_BOLD, action_button, caption, card, labelled_field, reading_start};
use iced::widget::{button, column, text};
use iced::{Element, Length};

use super::ids;

/// At most this many layouts are listed (the search narrows the rest).
pub const SHOWN: usize = 30;

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
    /// A layout's row (its xkb name).
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
    /// Add the first match.
    Submit,
    /// Add this layout.
    Choose(String),
}

/// The layouts matching `query` (every word starts a word of the description, or the
/// query is the xkb name), leaving out `used`.
pub fn search<'a>(all: &'a [Layout], query: &str, used: &[String]) -> Vec<&'a Layout> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    all.iter()
        .filter(|layout| !used.contains(&layout.name))
        .filter(|layout| {
            let description = layout.description.to_lowercase();
            let parts: Vec<&str> = description
                .split(|c: char| !c.is_alphanumeric())
                .filter(|part| !part.is_empty())
                .collect();
            words.iter().all(|word| {
                layout.name.eq_ignore_ascii_case(word)
                    || parts.iter().any(|part| part.starts_with(word.as_str()))
            })
        })
        .collect()
}

impl Dialog {
    /// Applies a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Query(query) => {
                self.query = query;
                Action::None
            }
            Message::Submit => Action::Submit,
            Message::Choose(name) => Action::Choose(name),
            Message::Close => Action::Close,
        }
    }

    /// The first layout matching the search.
    pub fn first_match(&self, all: &[Layout], used: &[String]) -> Option<String> {
        search(all, &self.query, used)
            .first()
            .map(|layout| layout.name.clone())
    }

    /// Draws the picker over `all` (none yet: "Reading the layouts…"), leaving out `used`.
    pub fn view<'a>(&'a self, all: Option<&'a [Layout]>, used: &[String]) -> Element<'a, Message> {
        let mut content = column![
            text(fl!("region-picker-title")).size(17).font(FONT_BOLD),
            labelled_field(
                ids::REGION_PICKER_SEARCH,
                fl!("region-picker-search"),
                &self.query,
                Message::Query,
                Message::Submit,
            ),
        ]
        .spacing(10)
        .align_x(reading_start());
        match all {
            None => content = content.push(caption(fl!("region-picker-loading"))),
            Some(all) => {
                let found = search(all, &self.query, used);
                if found.is_empty() {
                    let sentence = fl!("region-picker-none", query = self.query.as_str());
                    content = content.push(Accessible::new(
                        ids::REGION_PICKER.child("none"),
                        AccessibleInfo::new(Role::Label, sentence.clone()),
                        text(sentence).size(15),
                    ));
                }
                let more = found.len() > SHOWN;
                for layout in found.into_iter().take(SHOWN) {
                    let choose = Message::Choose(layout.name.clone());
                    content = content.push(
                        Accessible::new(
                            ids::region_picker_layout(&layout.name),
                            AccessibleInfo::new(Role::Button, layout.description.clone()),
                            button(
                                column![
                                    text(layout.description.clone()).size(16),
                                    caption(layout.indicator())
                                ]
                                .spacing(2)
                                .width(Length::Fill)
                                .align_x(reading_start()),
                            )
                            .width(Length::Fill)
                            .padding(6)
                            .style(button::text)
                            .on_press(choose.clone()),
                        )
                        .on_activate(choose),
                    );
                }
                if more {
                    content = content.push(caption(fl!("region-picker-more")));
                }
            }
        }
        content = content.push(action_button(
            ids::REGION_PICKER.child("cancel"),
            fl!("region-cancel"),
            button::secondary,
            Message::Close,
        ));
        card(content)
    }
}
