//! UI effects: what a page asks of the window rather than of a daemon.
//! Pages return them next to (never inside) their daemon requests, so a
//! request always reaches a daemon and an effect never does.

use iced::Task;

use crate::ids::WidgetId;

/// Something the window does for a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the clipboard.
    Copy(String),
    /// Move the keyboard focus to a control (and scroll it into view).
    Focus(WidgetId),
}

impl Effect {
    /// The effect as an iced task (it reports nothing back).
    pub fn into_task<M: Send + 'static>(self) -> Task<M> {
        match self {
            Effect::Copy(text) => iced::clipboard::write(text),
            // Scrolled into view, as every focus move of the window.
            Effect::Focus(id) => crate::scroll::focus(id),
        }
    }
}
