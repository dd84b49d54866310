//! `ferrum-greeter`: the login screen, a client of greetd.
//!
//! Security rules (IMPORTANT, checked by tests):
//! - the password lives only in [`secret::Secret`], which is zeroized on drop
//!   and prints as `<redacted>` in `Debug`; it is never logged or spoken;
//! - [`greetd::Greetd::start_session`] refuses to run unless greetd answered
//!   the whole authentication with `success`; every error returns to a prompt;
//! - replies from greetd are size-capped and parsed defensively: a malformed or
//!   oversized reply is an error, never a crash.

pub mod app;
pub mod caps_lock;
pub mod clock;
pub mod config;
pub mod conversation;
pub mod greetd;
pub mod ids;
pub mod languages;
pub mod layouts;
pub mod login;
pub mod memory;
pub mod menus;
pub mod pictures;
pub mod secret;
pub mod sessions;
pub mod status;
pub mod typing;
pub mod view;
pub mod wire;

pub use app::{Greeter, Message};
pub use greetd::{Greetd, LoginError, Notice, NoticeKind, Prompt, PromptKind, Step};
pub use secret::Secret;
