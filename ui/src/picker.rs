//! A searchable picker: a title, a search field, the rows that match what is typed (at most
//! a number of them, with a line saying the search narrows the rest), a sentence when none
//! match, and "Cancel". The Region page's layout picker and the Date & Time page's time zone
//! picker are this one component.
//!
//! The picker owns only what is typed; the caller owns the list, searches it and hands the
//! view the rows that match, each with its key (`K`, what choosing it means), its widget id
//! and its words. Every string is the caller's, translated. Enter in the search field is
//! [`Action::Submit`]: the caller chooses its first match (it knows the list). Each row is a
//! button a screen reader names with [`Row::name`] and activates; the field, the rows and
//! Cancel are reached by Tab.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use iced::widget::{button, column, text};
use iced::{Element, Font, Length};

use crate::WidgetId;
use crate::widgets::{FONT_BOLD, action_button, caption, card, labelled_field, reading_start};

/// The picker's state: what is typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    /// The search as typed.
    pub query: String,
}

/// What happens in the picker; `K` is a row's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message<K> {
    /// The search changed.
    Query(String),
    /// Enter in the search: the first match.
    Submit,
    /// A row.
    Choose(K),
    /// "Cancel".
    Close,
}

/// What the caller does after a picker message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action<K> {
    /// Nothing more.
    None,
    /// Close the picker.
    Close,
    /// Choose the first match of [`Picker::query`].
    Submit,
    /// Choose this row.
    Choose(K),
}

/// The picker's widget ids: its own (the parent of "none" and "cancel") and its search
/// field's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ids {
    /// The picker; `none` (the sentence when nothing matches) and `cancel` are its children.
    pub picker: WidgetId,
    /// The search field.
    pub search: WidgetId,
}

/// The picker's words, translated by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    /// The heading.
    pub title: String,
    /// The search field's label.
    pub search: String,
    /// Said while the list is being read.
    pub loading: String,
    /// Said when nothing matches the search.
    pub none: String,
    /// Said when more rows match than are shown.
    pub more: String,
    /// The cancel button.
    pub cancel: String,
}

/// One row of the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<K> {
    /// What choosing the row means.
    pub key: K,
    /// Its widget id.
    pub id: WidgetId,
    /// The line shown.
    pub label: String,
    /// The smaller line under it.
    pub detail: String,
    /// Its accessible name (what stays the same while the row is shown).
    pub name: String,
    /// Its accessible description, if any.
    pub description: Option<String>,
    /// In a picker that marks the current choice, whether this row is it (drawn in bold,
    /// exposed as selected); `None` in one that marks none.
    pub chosen: Option<bool>,
}

impl Picker {
    /// Applies a message.
    pub fn update<K>(&mut self, message: Message<K>) -> Action<K> {
        match message {
            Message::Query(query) => {
                self.query = query;
                Action::None
            }
            Message::Submit => Action::Submit,
            Message::Choose(key) => Action::Choose(key),
            Message::Close => Action::Close,
        }
    }

    /// Draws the picker over `found`, the rows matching the search in order (`None`: the
    /// list is still being read), showing at most `shown` of them.
    pub fn view<'a, K: Clone + 'a>(
        &'a self,
        ids: Ids,
        labels: Labels,
        found: Option<impl IntoIterator<Item = Row<K>>>,
        shown: usize,
    ) -> Element<'a, Message<K>> {
        let mut content = column![
            text(labels.title).size(17).font(FONT_BOLD),
            labelled_field(
                ids.search,
                labels.search,
                &self.query,
                Message::Query,
                Message::Submit,
            ),
        ]
        .spacing(10)
        .align_x(reading_start());
        match found {
            None => content = content.push(caption(labels.loading)),
            Some(found) => {
                let mut found = found.into_iter().take(shown.saturating_add(1)).peekable();
                if found.peek().is_none() {
                    content = content.push(Accessible::new(
                        ids.picker.child("none"),
                        AccessibleInfo::new(Role::Label, labels.none.clone()),
                        text(labels.none).size(15),
                    ));
                }
                let mut count = 0;
                for row in found {
                    count += 1;
                    if count > shown {
                        break;
                    }
                    content = content.push(row_view(row));
                }
                if count > shown {
                    content = content.push(caption(labels.more));
                }
            }
        }
        content = content.push(action_button(
            ids.picker.child("cancel"),
            labels.cancel,
            button::secondary,
            Message::Close,
        ));
        card(content)
    }
}

/// One row: a flat button with the label over the detail.
fn row_view<'a, K: Clone + 'a>(row: Row<K>) -> Element<'a, Message<K>> {
    let mut info = AccessibleInfo::new(Role::Button, row.name);
    let mut label = text(row.label).size(16);
    if let Some(chosen) = row.chosen {
        info = info.selected(chosen);
        label = label.font(if chosen { FONT_BOLD } else { Font::default() });
    }
    if let Some(description) = row.description {
        info = info.description(description);
    }
    let choose = Message::Choose(row.key);
    Accessible::new(
        row.id,
        info,
        button(
            column![label, caption(row.detail)]
                .spacing(2)
                .width(Length::Fill)
                .align_x(reading_start()),
        )
        .width(Length::Fill)
        .padding(6)
        .style(button::text)
        .on_press(choose.clone()),
    )
    .on_activate(choose)
    .into()
}

#[cfg(test)]
mod tests {
    use super::{Action, Message, Picker};

    #[test]
    fn typing_is_kept_and_the_rest_is_said_to_the_caller() {
        let mut picker = Picker::default();
        assert_eq!(
            picker.update(Message::<u8>::Query("ber".into())),
            Action::None
        );
        assert_eq!(picker.query, "ber");
        assert_eq!(picker.update(Message::<u8>::Submit), Action::Submit);
        assert_eq!(picker.update(Message::Choose(3_u8)), Action::Choose(3));
        assert_eq!(picker.update(Message::<u8>::Close), Action::Close);
        assert_eq!(picker.query, "ber");
    }
}
