//! `ferrum-settings`: the window, its sidebar of panels, search, deep links,
//! theme and the error surface. The panels themselves live in `ferrum-panels`.

pub mod a11y;
pub mod app;
pub mod cli;
mod sidebar;
pub mod theme;

pub use app::{App, Message};
