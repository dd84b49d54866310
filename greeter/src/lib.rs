//! `ferrum-greeter`: the login screen, a client of greetd.
//!
//! Security rules (IMPORTANT, checked by tests):
//! - the password lives only in [`secret::Secret`], which is zeroized on drop
//!   and prints as `<redacted>` in `Debug`; it is never logged or spoken;
//! - [`greetd::Greetd::start_session`] refuses to run unless greetd answered
//!   the whole authentication with `success`; every error returns to a prompt;
//! - replies from greetd are size-capped and parsed defensively: a malformed or
//!   oversized reply is an error, never a crash.
//! - each request to greetd has exactly one reply, read right after it: after
//!   a timeout or a failed cancel the connection is dropped, so a late
//!   `success` is never read as the answer to a later request;
//! - answers longer than 512 bytes are refused before sending
//!   ([`greetd::LoginError::AnswerTooLong`]).
//!
//! Where copies of the password can still be (honestly):
//! - the JSON carrying the answer is built in one buffer sized exactly up
//!   front (it never reallocates, so no freed copy is left on the heap) and
//!   zeroized after writing ([`wire::answer_body`]);
//! - the process is made non-dumpable at start ([`secret::forbid_core_dumps`]):
//!   no core dump, no ptrace or `/proc/<pid>/mem` by the same user;
//! - iced's `text_input` keeps its own copy of the displayed value (plain
//!   `String`s, not zeroized) for as long as the field exists; it makes new
//!   ones when the view is built and on each edit, and frees the old ones
//!   without clearing them. The `String` an edit message carries is moved
//!   into a [`Secret`], but iced's copies are outside this crate's reach. The
//!   field is emptied as soon as the answer is sent, which shortens their
//!   life but does not clear freed memory. (A visible prompt's answer, such
//!   as a one-time code, is also in the accessible tree as the field's value;
//!   a hidden one only as its length.)

pub mod app;
pub mod appearance;
pub mod autologin;
pub mod caps_lock;
pub mod clock;
pub mod config;
pub mod conversation;
pub mod greetd;
pub mod ids;
pub use ferrum_i18n::languages;
pub use ferrum_services::layouts;
pub mod login;
pub mod memory;
pub mod menus;
pub mod mode;
pub mod pictures;
pub mod secret;
pub mod sessions;
pub mod setup;
pub mod status;
pub mod typing;
pub mod view;
pub mod wire;

pub use app::{Greeter, Message};
pub use greetd::{Greetd, LoginError, Notice, NoticeKind, Prompt, PromptKind, Step};
pub use secret::Secret;
