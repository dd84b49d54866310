//! Renaming the computer: the device name ("Ada's laptop", hostnamed's pretty name) and the
//! network name (the static host name). The network name follows the device name as it is
//! typed ([`hostname::static_from_pretty`], GNOME's derivation) until it is typed by hand;
//! both are checked in `update` with a sentence for what is wrong, the typing kept. A
//! refusal by hostnamed or polkit is said in the form too. Its state, messages and view.

use ferrum_i18n::fl;
use ferrum_services::hostname::{self, Hostnames, StaticProblem};
use ferrum_ui::widgets::{FONT_BOLD, FormEnd, caption, form_card, labelled_field, reading_start};
use iced::Element;
use iced::widget::{column, text};

use crate::ids;

/// The most bytes of a device name (hostnamed's limit for the pretty name is larger; a
/// name longer than this is a mistake).
pub const PRETTY_MAX: usize = 255;

/// Why the typed names are not names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The device name is empty.
    PrettyEmpty,
    /// The device name holds a control character (a tab, a line break).
    PrettyControl,
    /// The device name is longer than [`PRETTY_MAX`] bytes.
    PrettyTooLong,
    /// The network name is not a host name.
    Static(StaticProblem),
}

impl Problem {
    /// The problem in words.
    pub fn sentence(self) -> String {
        match self {
            Problem::PrettyEmpty => fl!("about-rename-pretty-empty"),
            Problem::PrettyControl => fl!("about-rename-pretty-control"),
            Problem::PrettyTooLong => fl!("about-rename-pretty-long"),
            Problem::Static(StaticProblem::Empty) => fl!("about-rename-static-empty"),
            Problem::Static(StaticProblem::Characters) => fl!("about-rename-static-characters"),
            Problem::Static(StaticProblem::TooLong) => fl!("about-rename-static-long"),
            Problem::Static(StaticProblem::Hyphen) => fl!("about-rename-static-hyphen"),
        }
    }
}

/// The form's state: what is typed and what is wrong with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    /// The device name as typed.
    pub pretty: String,
    /// The network name as typed or derived.
    pub static_name: String,
    /// The network name was typed by hand: it no longer follows the device name.
    pub static_typed: bool,
    /// hostnamed's static name when the form opened (kept when nothing can be derived).
    pub current_static: String,
    /// What is wrong with the typing, once checked.
    pub problem: Option<Problem>,
    /// The refusal, in words, until the typing changes.
    pub refusal: Option<String>,
}

/// What happens in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The device name field changed.
    Pretty(String),
    /// The network name field changed.
    Static(String),
    /// "Rename" (or Enter in a field).
    Submit,
    /// "Cancel".
    Cancel,
}

/// What the page does after a form message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Nothing more.
    None,
    /// Close the form.
    Cancel,
    /// Give the computer these names.
    Rename {
        /// The device name, trimmed.
        pretty: String,
        /// The network name.
        static_name: String,
    },
}

/// Checks a device name (trimmed first).
pub fn check_pretty(pretty: &str) -> Result<(), Problem> {
    let pretty = pretty.trim();
    if pretty.is_empty() {
        return Err(Problem::PrettyEmpty);
    }
    if pretty.chars().any(char::is_control) {
        return Err(Problem::PrettyControl);
    }
    if pretty.len() > PRETTY_MAX {
        return Err(Problem::PrettyTooLong);
    }
    Ok(())
}

impl Form {
    /// A form filled with the machine's names.
    pub fn with(names: &Hostnames) -> Self {
        let current_static = names
            .static_hostname
            .clone()
            .unwrap_or_else(|| names.hostname.clone());
        Self {
            pretty: names.display_name().to_owned(),
            static_name: current_static.clone(),
            static_typed: false,
            current_static,
            problem: None,
            refusal: None,
        }
    }

    /// The change was refused: said in the form, the typing kept.
    pub fn refused(&mut self, sentence: String) {
        self.refusal = Some(sentence);
    }

    /// Applies a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Pretty(pretty) => {
                if !self.static_typed {
                    let derived = hostname::static_from_pretty(&pretty);
                    self.static_name = if derived.is_empty() {
                        self.current_static.clone()
                    } else {
                        derived
                    };
                }
                self.pretty = pretty;
                self.problem = None;
                self.refusal = None;
                Action::None
            }
            Message::Static(static_name) => {
                self.static_name = static_name;
                self.static_typed = true;
                self.problem = None;
                self.refusal = None;
                Action::None
            }
            Message::Cancel => Action::Cancel,
            Message::Submit => {
                self.refusal = None;
                let checked = check_pretty(&self.pretty).and_then(|()| {
                    hostname::check_static(&self.static_name).map_err(Problem::Static)
                });
                match checked {
                    Ok(()) => {
                        self.problem = None;
                        Action::Rename {
                            pretty: self.pretty.trim().to_owned(),
                            static_name: self.static_name.clone(),
                        }
                    }
                    Err(problem) => {
                        self.problem = Some(problem);
                        Action::None
                    }
                }
            }
        }
    }

    /// Draws the form (`busy`: the change is under way).
    pub fn view(&self, busy: bool) -> Element<'_, Message> {
        let content = column![
            text(fl!("about-rename-title")).size(17).font(FONT_BOLD),
            caption(fl!("about-rename-hint")),
            labelled_field(
                ids::ABOUT_RENAME_PRETTY,
                fl!("about-rename-pretty"),
                &self.pretty,
                Message::Pretty,
                Message::Submit,
            ),
            labelled_field(
                ids::ABOUT_RENAME_STATIC,
                fl!("about-rename-static"),
                &self.static_name,
                Message::Static,
                Message::Submit,
            ),
        ]
        .spacing(10)
        .align_x(reading_start());
        form_card(
            &ids::ABOUT_RENAME,
            content,
            FormEnd {
                problem: self.problem.map(Problem::sentence),
                refusal: self.refusal.clone(),
                busy: busy.then(|| fl!("about-renaming")),
                submit: ("save", fl!("about-rename-save"), Message::Submit),
                cancel: (fl!("about-rename-cancel"), Message::Cancel),
            },
        )
    }
}
