//! "Remove …": keep or delete the person's files, then Remove or Cancel. One's own account
//! is never offered.

use ferrum_i18n::fl;
use ferrum_services::users::Files;
use ferrum_ui::widgets::{FONT_BOLD, FormEnd, caption, choice, form_card, reading_start};
use iced::Element;
use iced::widget::{column, text};

use super::ids;

/// The dialog's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dialog {
    /// Whose account.
    pub uid: u32,
    /// What happens to their files.
    pub files: Files,
    /// AccountsService's refusal, in words.
    pub refusal: Option<String>,
}

/// What happens in the dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// Keep or delete the files.
    Files(Files),
    /// "Remove".
    Submit,
    /// "Cancel".
    Cancel,
}

/// What the page does after a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Nothing more.
    None,
    /// Close the dialog.
    Close,
    /// Remove the account.
    Submit {
        /// Whose.
        uid: u32,
        /// Their files.
        files: Files,
    },
}

impl Dialog {
    /// The dialog for `uid`, keeping the files.
    pub fn new(uid: u32) -> Self {
        Self {
            uid,
            files: Files::Keep,
            refusal: None,
        }
    }

    /// Applies a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Files(files) => {
                self.files = files;
                Action::None
            }
            Message::Submit => {
                self.refusal = None;
                Action::Submit {
                    uid: self.uid,
                    files: self.files,
                }
            }
            Message::Cancel => Action::Close,
        }
    }

    /// Draws the dialog for the person called `name`; `busy` while removing.
    pub fn view(&self, name: &str, busy: bool) -> Element<'_, Message> {
        let content = column![
            text(fl!("users-remove-title", name = name))
                .size(17)
                .font(FONT_BOLD),
            caption(fl!("users-remove-body")),
            choice(
                ids::remove_files(Files::Keep),
                fl!("users-remove-keep"),
                Some(fl!("users-remove-keep.desc")),
                self.files == Files::Keep,
                Message::Files(Files::Keep),
            ),
            choice(
                ids::remove_files(Files::Delete),
                fl!("users-remove-delete"),
                Some(fl!("users-remove-delete.desc")),
                self.files == Files::Delete,
                Message::Files(Files::Delete),
            ),
        ]
        .spacing(8)
        .align_x(reading_start());
        form_card(
            &ids::REMOVE,
            content,
            FormEnd {
                problem: None,
                refusal: self.refusal.clone(),
                busy: busy.then(|| fl!("users-removing", name = name)),
                submit: ("submit", fl!("users-remove"), Message::Submit),
                cancel: (fl!("users-cancel"), Message::Cancel),
            },
        )
    }
}
