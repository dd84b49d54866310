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

/// A power mode's choice on the Power page.
pub fn power_profile(name: &str) -> WidgetId {
    POWER.child("profile").child(name)
}

/// The Accessibility page's text-size slider.
pub const A11Y_TEXT_SCALE: WidgetId = WidgetId::new("a11y.text-scale");
/// The Accessibility page's high-contrast switch.
pub const A11Y_HIGH_CONTRAST: WidgetId = WidgetId::new("a11y.high-contrast");
/// The Accessibility page's reduced-motion switch.
pub const A11Y_REDUCED_MOTION: WidgetId = WidgetId::new("a11y.reduced-motion");
/// The Accessibility page's reading-aloud switch.
pub const A11Y_SELF_VOICING: WidgetId = WidgetId::new("a11y.self-voicing");
/// The hotspot's QR code.
pub const HOTSPOT_QR: WidgetId = WidgetId::new("network.hotspot.qr");
