//! `ferrum-settings`: the window, its sidebar of panels, search, deep links,
//! theme and the error surface. The panels themselves live in `ferrum-panels`.

pub mod app;
pub mod cli;
mod sidebar;

/// Styles and fonts (shared with the greeter).
pub use ferrum_panels::theme;
/// The window's accessibility plumbing (shared with the greeter).
pub use ferrum_panels::window_a11y as a11y;

pub use app::{App, Message};
