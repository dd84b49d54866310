//! The settings pages' widget ids (see [`ferrum_ui::ids`]): one root per page;
//! every control's id is made from its page's root.

use ferrum_ui::WidgetId;

/// The Network page.
pub const NETWORK: WidgetId = WidgetId::new("network");
/// The Power page.
pub const POWER: WidgetId = WidgetId::new("power");
/// The Private DNS page.
pub const DNS: WidgetId = WidgetId::new("dns");
/// The Accessibility page.
pub const A11Y: WidgetId = WidgetId::new("a11y");
/// The About page.
pub const ABOUT: WidgetId = WidgetId::new("about");
