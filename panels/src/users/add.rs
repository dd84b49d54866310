//! "Add a person": real name, login name (suggested from the real name until the person
//! edits it), standard or administrator, password and confirmation with a strength hint.
//! Problems are sentences under the form once "Add" was pressed, and the typing stays.

use ferrum_i18n::fl;
use ferrum_services::secret::Secret;
use ferrum_services::users::{
    self, AccountType, NameProblem, NewPerson, PasswordProblem, Strength, UsersError,
};
use ferrum_ui::widgets::{
    FONT_BOLD, FormEnd, choice, form_card, labelled_field, password_field, reading_start,
};
use iced::Element;
use iced::widget::{column, text};

use super::ids;
use super::password::strength_line;

/// The dialog's state: what is typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dialog {
    /// The real name.
    pub real_name: String,
    /// The login name.
    pub login: String,
    /// The person typed the login name (it no longer follows the real name).
    pub login_edited: bool,
    /// Standard or administrator.
    pub account_type: AccountType,
    /// The password.
    pub password: Secret,
    /// Its confirmation.
    pub confirmation: Secret,
    /// "Add" was pressed: problems are shown.
    pub tried: bool,
    /// AccountsService's refusal, in words.
    pub refusal: Option<String>,
    /// The login name AccountsService said is taken.
    pub taken: Option<String>,
}

impl Default for Dialog {
    fn default() -> Self {
        Self {
            real_name: String::new(),
            login: String::new(),
            login_edited: false,
            account_type: AccountType::Standard,
            password: Secret::default(),
            confirmation: Secret::default(),
            tried: false,
            refusal: None,
            taken: None,
        }
    }
}

/// What happens in the dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The real name changed.
    RealName(String),
    /// The login name changed.
    Login(String),
    /// Standard or administrator chosen.
    Type(AccountType),
    /// The password changed.
    Password(Secret),
    /// The confirmation changed.
    Confirmation(Secret),
    /// "Add" (or Enter in a field).
    Submit,
    /// "Cancel".
    Cancel,
}

/// What the page does after a message (`Submit`: add this person).
pub type Action = ferrum_ui::form::Action<NewPerson>;

/// A problem with the typing, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// No real name.
    NoRealName,
    /// The login name.
    Name(NameProblem),
    /// The login name AccountsService said is taken.
    Taken,
    /// The password.
    Password(PasswordProblem),
}

impl Problem {
    /// The sentence.
    pub fn sentence(self, login: &str) -> String {
        match self {
            Problem::NoRealName => fl!("users-real-name-empty"),
            Problem::Name(NameProblem::Empty) => fl!("users-name-empty"),
            Problem::Name(NameProblem::TooLong) => {
                fl!("users-name-too-long", count = users::NAME_MAX)
            }
            Problem::Name(NameProblem::BadStart) => fl!("users-name-bad-start"),
            Problem::Name(NameProblem::BadCharacter(_)) => fl!("users-name-bad-characters"),
            Problem::Taken => fl!("users-error-name-taken", name = login),
            Problem::Password(PasswordProblem::TooShort) => {
                fl!("users-password-too-short", count = users::MIN_PASSWORD)
            }
            Problem::Password(PasswordProblem::TooLong) => fl!("users-password-too-long"),
            Problem::Password(PasswordProblem::Mismatch) => fl!("users-password-mismatch"),
        }
    }
}

impl Dialog {
    /// What is wrong with the typing, first problem first.
    pub fn problem(&self) -> Option<Problem> {
        if self.real_name.trim().is_empty() {
            return Some(Problem::NoRealName);
        }
        if let Err(problem) = users::check_name(&self.login) {
            return Some(Problem::Name(problem));
        }
        if self.taken.as_deref() == Some(self.login.as_str()) {
            return Some(Problem::Taken);
        }
        users::check_password(&self.password, &self.confirmation)
            .err()
            .map(Problem::Password)
    }

    /// Applies a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::RealName(real_name) => {
                if !self.login_edited {
                    self.login = users::suggest_name(&real_name);
                }
                self.real_name = real_name;
            }
            Message::Login(login) => {
                // Emptied, it follows the real name again.
                self.login_edited = !login.is_empty();
                self.login = login;
            }
            Message::Type(account_type) => self.account_type = account_type,
            Message::Password(password) => self.password = password,
            Message::Confirmation(confirmation) => self.confirmation = confirmation,
            Message::Cancel => return Action::Close,
            Message::Submit => {
                self.tried = true;
                if self.problem().is_some() {
                    return Action::None;
                }
                self.refusal = None;
                return Action::Submit(NewPerson {
                    name: self.login.clone(),
                    real_name: self.real_name.trim().to_owned(),
                    account_type: self.account_type,
                    password: self.password.clone(),
                });
            }
        }
        Action::None
    }

    /// AccountsService refused: a taken name is a problem of the form, anything else the
    /// refusal line; the typing stays.
    pub fn refused(&mut self, sentence: String, error: &UsersError) {
        if let UsersError::NameTaken(_) = error.cause() {
            self.taken = Some(self.login.clone());
            self.refusal = None;
        } else {
            self.refusal = Some(sentence);
        }
    }

    /// Draws the dialog; `busy` while the person is being added.
    pub fn view(&self, busy: bool) -> Element<'_, Message> {
        let content = column![
            text(fl!("users-add-title")).size(17).font(FONT_BOLD),
            labelled_field(
                ids::ADD_REAL_NAME,
                fl!("users-real-name"),
                &self.real_name,
                Message::RealName,
                Message::Submit,
            ),
            labelled_field(
                ids::ADD_LOGIN,
                fl!("users-login-name"),
                &self.login,
                Message::Login,
                Message::Submit,
            ),
            text(fl!("users-account-type")).size(14),
            choice(
                ids::add_type(AccountType::Standard),
                fl!("users-standard"),
                Some(fl!("users-standard.desc")),
                self.account_type == AccountType::Standard,
                Message::Type(AccountType::Standard),
            ),
            choice(
                ids::add_type(AccountType::Administrator),
                fl!("users-administrator"),
                Some(fl!("users-administrator.desc")),
                self.account_type == AccountType::Administrator,
                Message::Type(AccountType::Administrator),
            ),
            password_field(
                ids::ADD_PASSWORD,
                fl!("users-password"),
                &self.password,
                Message::Password,
                Message::Submit,
            ),
            strength_line(ids::ADD.child("strength"), self.strength()),
            password_field(
                ids::ADD_CONFIRMATION,
                fl!("users-password-confirm"),
                &self.confirmation,
                Message::Confirmation,
                Message::Submit,
            ),
        ]
        .spacing(8)
        .align_x(reading_start());
        let problem = self
            .tried
            .then(|| self.problem())
            .flatten()
            .map(|problem| problem.sentence(&self.login));
        form_card(
            &ids::ADD,
            content,
            FormEnd {
                problem,
                refusal: self.refusal.clone(),
                busy: busy.then(|| fl!("users-adding", name = self.login.as_str())),
                submit: ("submit", fl!("users-add"), Message::Submit),
                cancel: (fl!("users-cancel"), Message::Cancel),
            },
        )
    }

    fn strength(&self) -> Option<Strength> {
        (!self.password.is_empty()).then(|| users::strength(&self.password))
    }
}
