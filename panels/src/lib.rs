//! The settings panels. Each panel is a module with its own `State`,
//! `Message`, `update`, `view` and `subscription`, and talks to the system only
//! through `ferrum-services`. `update` is pure: it returns a typed `Request`
//! for anything that must reach a daemon, which the shell runs as a task and
//! tests run directly against the real daemons.

pub mod about;
pub mod accessibility;
pub mod error_report;
pub mod network;
pub mod power;
pub mod private_dns;
pub mod qr;
pub mod registry;
pub mod status;
pub mod theme;
pub mod widgets;
pub mod window_a11y;

pub use registry::PanelId;
