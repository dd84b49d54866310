//! Accessibility for the Ferrum shell, as part of the widget layer:
//!
//! - [`widget::Accessible`] makes a control keyboard-focusable (Tab / Shift+Tab),
//!   activatable with Enter/Space, drawn with a focus ring, and described;
//! - [`tree`] reads the accessible tree (roles, names, states, bounds) out of a
//!   live UI with an iced operation;
//! - [`scroll`] tells an operation where a widget inside scrollables is drawn
//!   (iced lays their content out unscrolled);
//! - [`bridge`] publishes that tree to AT-SPI with `accesskit_unix` and brings
//!   the screen reader's actions back as messages;
//! - [`speech`] voices focus and state changes through speech-dispatcher
//!   (self-voicing), never a secret's characters;
//! - [`announce`] turns a focused node into the sentence to speak.

pub mod announce;
pub mod bridge;
pub mod node;
pub mod preferences;
pub mod scroll;
pub mod speech;
pub mod tree;
pub mod widget;

pub use node::{AccessibleInfo, NumericValue, Role};
pub use preferences::Preferences;
pub use widget::Accessible;
