//! `ferrum-ui`: the toolkit both Ferrum apps are drawn with, and nothing
//! else. The login screen links it and never the settings pages.
//!
//! - [`theme`]: light, dark and high contrast, and the fonts;
//! - [`widgets`]: the small view pieces every page shares;
//! - [`error_report`]: the one error surface (sentence, details, Copy, Dismiss);
//! - [`form`]: a form of text fields in a card, and what it says of the typing;
//! - [`format`]: quantities in words (sizes);
//! - [`picture`]: pictures from disk decoded with limits, off the UI thread;
//! - [`picker`]: a searchable picker (search field, matching rows, Cancel);
//! - [`status`]: how a page holds a service's state;
//! - [`ids`]: typed widget ids;
//! - [`effect`]: UI effects (clipboard, focus) a page asks of the window;
//! - [`scroll`]: the focused control scrolled into view after a focus move;
//! - [`window`]: the window component (AT-SPI bridge, accessible tree, focus
//!   keys, self-voicing, first-frame mark) both apps embed.

pub mod effect;
pub mod error_report;
pub mod form;
pub mod format;
pub mod ids;
pub mod picker;
pub mod picture;
pub mod scroll;
pub mod status;
pub mod theme;
pub mod widgets;
pub mod window;

pub use effect::Effect;
pub use ids::WidgetId;
