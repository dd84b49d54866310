//! The Appearance page: light, dark or following the time of day; the accent colour (a named
//! palette or a colour typed as `#rrggbb`); high contrast, reduced motion and text size.
//!
//! **One owner for the preferences.** Everything here is a field of the one
//! [`Preferences`] file the Accessibility page owns, saves (debounced, off the UI thread) and
//! reports failures for; `ferrum-portal` serves the same file to every app. So every change on
//! this page is an [`accessibility::Message`] — the very messages that page's controls send —
//! wrapped in [`Message::Preferences`], which the shell hands to the Accessibility page
//! (`shell/src/app.rs`, as it routes the Bluetooth page's "Sound settings"). After each update
//! the shell copies the Accessibility page's preferences and save error back into this page
//! ([`State::preferences`], [`State::error`]) to draw them. What this page keeps of its own is
//! the custom colour being typed and why it was refused.

mod palette;
mod view;

#[cfg(test)]
mod tests;

use ferrum_accessibility::Preferences;
use ferrum_accessibility::preferences::AccentColor;
use ferrum_i18n::fl;
use ferrum_services::SystemBus;
use ferrum_ui::error_report::ErrorReport;
use iced::Element;

use crate::accessibility;
use crate::page::{Context, Outcome, Page, PageRequest};

pub use palette::{NamedAccent, PALETTE};

/// The page's state.
#[derive(Debug, Clone)]
pub struct State {
    /// The preferences in force (the Accessibility page's, copied in by the shell).
    pub preferences: Preferences,
    /// The Accessibility page's failure to save, shown here too (copied in by the shell).
    pub error: Option<ErrorReport>,
    /// The custom colour as typed.
    pub custom: String,
    /// Whether the typed colour was refused (the sentence is shown under the field, the
    /// typed text kept).
    pub custom_refused: bool,
}

/// What happens on the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A change to the shared preferences: the shell hands it to the Accessibility page.
    Preferences(accessibility::Message),
    /// The custom colour field changed.
    CustomChanged(String),
    /// Enter in the custom colour field, or its Apply button.
    CustomSubmitted,
}

/// Work off the UI thread: none of its own (saving is the Accessibility page's), only the
/// hand-over of a checked custom colour as a preferences change.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Answer with `Message::Preferences(.0)` (which the shell routes).
    Change(accessibility::Message),
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, _bus: SystemBus) -> Message {
        match self {
            Request::Change(change) => Message::Preferences(change),
        }
    }
}

impl State {
    /// The page showing `preferences`.
    pub fn with(preferences: Preferences) -> Self {
        Self {
            custom: preferences
                .accent
                .filter(|accent| palette::named(*accent).is_none())
                .map(AccentColor::hex)
                .unwrap_or_default(),
            preferences,
            error: None,
            custom_refused: false,
        }
    }
}

impl Page for State {
    type Message = Message;
    type Request = Request;

    fn new(context: &Context) -> Self {
        Self::with(context.preferences)
    }

    fn title() -> String {
        fl!("appearance-title")
    }

    fn keywords() -> String {
        fl!("appearance-title.keywords")
    }

    fn update(&mut self, message: Message) -> Outcome<Request> {
        match message {
            // The shell routes these to the Accessibility page before they get here; a page
            // used on its own (tests) changes nothing, since it owns nothing.
            Message::Preferences(_) => Outcome::none(),
            Message::CustomChanged(text) => {
                self.custom = text;
                self.custom_refused = false;
                Outcome::none()
            }
            Message::CustomSubmitted => match AccentColor::parse(&self.custom) {
                Ok(accent) => {
                    self.custom_refused = false;
                    self.custom = accent.hex();
                    Outcome::request(Request::Change(accessibility::Message::Accent(Some(
                        accent,
                    ))))
                }
                Err(_) => {
                    // The typed text stays, with a sentence under it.
                    self.custom_refused = true;
                    Outcome::none()
                }
            },
        }
    }

    fn view(&self) -> Element<'_, Message> {
        view::view(self)
    }
}
