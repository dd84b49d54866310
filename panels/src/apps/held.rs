//! The dialog of an update held back because it asks for more than the installed version
//! (a widened update): its messages, what they do and its view. The first held update is
//! asked about, listing what it adds; accepting it hands it to the page to install the
//! shown commit, declining drops it; the keyboard goes to the next question, or back to the
//! app's Update.

use ferrum_i18n::fl;
use ferrum_services::apps::AvailableUpdate;
use ferrum_ui::Effect;
use ferrum_ui::widgets::{action_button, bidi_row, card, reading_start};
use iced::Element;
use iced::widget::{Column, button};

use super::Ask;
use super::describe::permission_lines;
use super::view::{label, question};
use crate::ids;
use crate::page::Outcome;

/// What happens in the dialog.
#[derive(Debug, Clone)]
pub enum Message {
    /// Accept the held update that asks for more.
    Accept,
    /// Not now.
    Decline,
}

/// Draws the question about `update` (of the app shown as `name`).
pub fn view<'a>(update: &'a AvailableUpdate, name: &str) -> Element<'a, Message> {
    let mut content = Column::with_children(question(
        ids::APPS_HELD.child("question"),
        fl!("apps-held-question", app = name),
        fl!("apps-held-explain"),
    ))
    .spacing(6)
    .align_x(reading_start());
    for (index, line_text) in permission_lines(&update.added).into_iter().enumerate() {
        content = content.push(label(
            ids::APPS_HELD.child("added").child(index),
            fl!("apps-bullet", line = line_text),
            15,
        ));
    }
    content = content.push(
        bidi_row(vec![
            action_button(
                ids::APPS_HELD.child("decline"),
                fl!("apps-held-decline"),
                button::secondary,
                Message::Decline,
            ),
            action_button(
                ids::APPS_HELD.child("accept"),
                fl!("apps-held-accept"),
                button::primary,
                Message::Accept,
            ),
        ])
        .spacing(8),
    );
    card(content)
}

/// Applies a message to the held updates (the first is asked about); accepting asks the
/// page to install it.
pub(super) fn update(held: &mut Vec<AvailableUpdate>, message: Message) -> Outcome<Ask> {
    if held.is_empty() {
        return Outcome::none();
    }
    let first = held.remove(0);
    let next_question = (!held.is_empty()).then(|| Effect::Focus(ids::APPS_HELD.child("accept")));
    match message {
        Message::Accept => Outcome {
            request: Some(Ask::AcceptedUpdate(first)),
            effect: next_question,
        },
        Message::Decline => Outcome::effect(
            next_question
                .unwrap_or_else(|| Effect::Focus(ids::apps_installed(&first.app, "update"))),
        ),
    }
}
