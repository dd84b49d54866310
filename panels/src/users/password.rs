//! "Change your password": the new password twice with a strength hint (AccountsService's
//! `SetPassword` with its hash; polkit may ask for an administrator). Also the
//! strength line the add dialog shares.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::secret::Secret;
use ferrum_services::users::{self, PasswordProblem, Strength};
use ferrum_ui::WidgetId;
use ferrum_ui::widgets::{FONT_BOLD, FormEnd, caption, form_card, password_field, reading_start};
use iced::Element;
use iced::widget::{column, text};

use super::ids;

/// The dialog's state: what is typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dialog {
    /// The new password.
    pub password: Secret,
    /// Its confirmation.
    pub confirmation: Secret,
    /// "Change" was pressed: problems are shown.
    pub tried: bool,
    /// AccountsService's refusal, in words.
    pub refusal: Option<String>,
}

/// What happens in the dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The password changed.
    Password(Secret),
    /// The confirmation changed.
    Confirmation(Secret),
    /// "Change password" (or Enter).
    Submit,
    /// "Cancel".
    Cancel,
}

/// What the page does after a message (`Submit`: set this password).
pub type Action = ferrum_ui::form::Action<Secret>;

/// A password problem in words.
pub fn problem_sentence(problem: PasswordProblem) -> String {
    match problem {
        PasswordProblem::TooShort => fl!("users-password-too-short", count = users::MIN_PASSWORD),
        PasswordProblem::TooLong => fl!("users-password-too-long"),
        PasswordProblem::Mismatch => fl!("users-password-mismatch"),
    }
}

impl Dialog {
    /// What is wrong with the typing.
    pub fn problem(&self) -> Option<PasswordProblem> {
        users::check_password(&self.password, &self.confirmation).err()
    }

    /// Applies a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Password(password) => self.password = password,
            Message::Confirmation(confirmation) => self.confirmation = confirmation,
            Message::Cancel => return Action::Close,
            Message::Submit => {
                self.tried = true;
                if self.problem().is_some() {
                    return Action::None;
                }
                self.refusal = None;
                return Action::Submit(self.password.clone());
            }
        }
        Action::None
    }

    /// Draws the dialog; `busy` while the password is being set.
    pub fn view(&self, busy: bool) -> Element<'_, Message> {
        let strength = (!self.password.is_empty()).then(|| users::strength(&self.password));
        let content = column![
            text(fl!("users-password-title")).size(17).font(FONT_BOLD),
            password_field(
                ids::PASSWORD_NEW,
                fl!("users-password-new"),
                &self.password,
                Message::Password,
                Message::Submit,
            ),
            strength_line(ids::PASSWORD.child("strength"), strength),
            password_field(
                ids::PASSWORD_CONFIRMATION,
                fl!("users-password-confirm"),
                &self.confirmation,
                Message::Confirmation,
                Message::Submit,
            ),
        ]
        .spacing(8)
        .align_x(reading_start());
        form_card(
            &ids::PASSWORD,
            content,
            FormEnd {
                problem: self
                    .tried
                    .then(|| self.problem())
                    .flatten()
                    .map(problem_sentence),
                refusal: self.refusal.clone(),
                busy: busy.then(|| fl!("users-password-changing")),
                submit: ("submit", fl!("users-password-change"), Message::Submit),
                cancel: (fl!("users-cancel"), Message::Cancel),
            },
        )
    }
}

/// The strength hint (nothing before anything is typed).
pub fn strength_line<'a, M: Clone + 'a>(
    id: WidgetId,
    strength: Option<Strength>,
) -> Element<'a, M> {
    let Some(strength) = strength else {
        return column![].into();
    };
    let line = match strength {
        Strength::TooShort => fl!("users-strength-too-short", count = users::MIN_PASSWORD),
        Strength::Weak => fl!("users-strength-weak"),
        Strength::Fair => fl!("users-strength-fair"),
        Strength::Strong => fl!("users-strength-strong"),
    };
    Accessible::new(
        id,
        AccessibleInfo::new(Role::Label, line.clone()),
        caption(line),
    )
    .into()
}
