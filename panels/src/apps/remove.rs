//! The "remove this app?" dialog: its state, its messages, what they do and its view. It
//! asks before an app goes, with a switch to delete the app's data too; yes queues the
//! removal, no puts the keyboard back on the app's Remove.

use ferrum_i18n::fl;
use ferrum_services::apps::AppRef;
use ferrum_ui::Effect;
use ferrum_ui::widgets::{action_button, bidi_row, card, reading_start, switch};
use iced::Element;
use iced::widget::{Column, button};

use super::view::question;
use super::{Ask, Job};
use crate::ids;
use crate::page::Outcome;

/// The dialog's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    /// The app.
    pub app: AppRef,
    /// Its name as shown.
    pub name: String,
    /// "Also delete its data" is on.
    pub delete_data: bool,
}

/// What happens in the dialog.
#[derive(Debug, Clone)]
pub enum Message {
    /// "Also delete its data" switched.
    DeleteData(bool),
    /// Yes, remove it.
    Confirm,
    /// No, keep it.
    Cancel,
}

impl Removal {
    /// The question about `app`, its data kept unless the person says otherwise.
    pub fn new(app: AppRef, name: String) -> Self {
        Self {
            app,
            name,
            delete_data: false,
        }
    }

    /// Draws the dialog.
    pub fn view(&self) -> Element<'_, Message> {
        card(
            Column::with_children(question(
                ids::APPS_REMOVE.child("question"),
                fl!("apps-remove-question", app = self.name.as_str()),
                fl!("apps-remove-explain"),
            ))
            .push(switch(
                ids::APPS_REMOVE.child("data"),
                fl!("apps-remove-data"),
                fl!("apps-remove-data.description"),
                self.delete_data,
                Message::DeleteData,
            ))
            .push(
                bidi_row(vec![
                    action_button(
                        ids::APPS_REMOVE.child("cancel"),
                        fl!("apps-remove-cancel"),
                        button::secondary,
                        Message::Cancel,
                    ),
                    action_button(
                        ids::APPS_REMOVE.child("confirm"),
                        fl!("apps-remove-confirm"),
                        button::danger,
                        Message::Confirm,
                    ),
                ])
                .spacing(8),
            )
            .spacing(8)
            .align_x(reading_start()),
        )
    }
}

/// Applies a message to the dialog (`None`: not open); yes asks the page to queue the
/// removal.
pub(super) fn update(dialog: &mut Option<Removal>, message: Message) -> Outcome<Ask> {
    match message {
        Message::DeleteData(on) => {
            if let Some(removal) = dialog {
                removal.delete_data = on;
            }
            Outcome::none()
        }
        Message::Confirm => match dialog.take() {
            Some(removal) => Outcome::request(Ask::Change(Job::Remove {
                app: removal.app,
                delete_data: removal.delete_data,
                name: removal.name,
            })),
            None => Outcome::none(),
        },
        Message::Cancel => match dialog.take() {
            Some(removal) => {
                Outcome::effect(Effect::Focus(ids::apps_installed(&removal.app, "remove")))
            }
            None => Outcome::none(),
        },
    }
}
