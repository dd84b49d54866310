//! `ferrum-settings`: the window, its sidebar of panels, search, deep links,
//! theme and the error surface. The panels live in `ferrum-panels`, the
//! toolkit in `ferrum-ui`.

pub mod app;
pub mod auth_dialog;
pub mod cli;
pub mod ids;
mod sidebar;

pub use app::{App, Message};
