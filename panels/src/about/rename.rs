//! Renaming the computer: the device name ("Ada's laptop", hostnamed's pretty name) and the
//! network name (the static host name). The network name follows the device name as it is
//! typed ([`hostname::static_from_pretty`], GNOME's derivation) until it is typed by hand;
//! both are checked in `update` with a sentence for what is wrong, the typing kept. A
//! refusal by hostnamed or polkit is said in the form too. Its state, messages and view.

use ferrum_i18n::fl;
use ferrum_services::hostname::{self, Hostnames, StaticProblem};
use ferrum_ui::form::{Check, Field, text_form};
use ferrum_ui::widgets::FormEnd;
use iced::Element;

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
    /// What is wrong with the typing, once checked, and the refusal, until the typing changes.
    pub check: Check<Problem>,
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
            check: Check::default(),
        }
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
                self.check.typed();
                Action::None
            }
            Message::Static(static_name) => {
                self.static_name = static_name;
                self.static_typed = true;
                self.check.typed();
                Action::None
            }
            Message::Cancel => Action::Cancel,
            Message::Submit => {
                let checked = check_pretty(&self.pretty).and_then(|()| {
                    hostname::check_static(&self.static_name).map_err(Problem::Static)
                });
                match self.check.sent(checked) {
                    Some(()) => Action::Rename {
                        pretty: self.pretty.trim().to_owned(),
                        static_name: self.static_name.clone(),
                    },
                    None => Action::None,
                }
            }
        }
    }

    /// Draws the form (`busy`: the change is under way).
    pub fn view(&self, busy: bool) -> Element<'_, Message> {
        text_form(
            &ids::ABOUT_RENAME,
            fl!("about-rename-title"),
            fl!("about-rename-hint"),
            [
                Field {
                    id: ids::ABOUT_RENAME_PRETTY,
                    label: fl!("about-rename-pretty"),
                    value: &self.pretty,
                    on_input: Message::Pretty,
                },
                Field {
                    id: ids::ABOUT_RENAME_STATIC,
                    label: fl!("about-rename-static"),
                    value: &self.static_name,
                    on_input: Message::Static,
                },
            ],
            FormEnd {
                problem: self.check.problem.map(Problem::sentence),
                refusal: self.check.refusal.clone(),
                busy: busy.then(|| fl!("about-renaming")),
                submit: ("save", fl!("about-rename-save"), Message::Submit),
                cancel: (fl!("about-rename-cancel"), Message::Cancel),
            },
        )
    }
}
