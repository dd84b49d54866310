//! The first-boot setup's widget ids (see [`ferrum_ui::ids`]): dotted paths under `setup`.

use ferrum_ui::WidgetId;

/// The root of every id of the setup.
pub const ROOT: WidgetId = WidgetId::new("setup");
/// Next (or Create account, Skip).
pub const NEXT: WidgetId = WidgetId::new("setup.next");
/// Back.
pub const BACK: WidgetId = WidgetId::new("setup.back");
/// The step's sentence when something failed.
pub const PROBLEM: WidgetId = WidgetId::new("setup.problem");
/// The step's heading.
pub const HEADING: WidgetId = WidgetId::new("setup.heading");
/// The time-zone search field.
pub const ZONE_SEARCH: WidgetId = WidgetId::new("setup.zone-search");
/// The chosen time zone line.
pub const ZONE_CHOSEN: WidgetId = WidgetId::new("setup.zone-chosen");
/// The network status line.
pub const NETWORK_STATUS: WidgetId = WidgetId::new("setup.network-status");
/// The Wi-Fi password field.
pub const WIFI_PASSWORD: WidgetId = WidgetId::new("setup.wifi-password");
/// Join the chosen Wi-Fi network.
pub const JOIN: WidgetId = WidgetId::new("setup.join");
/// The full-name field.
pub const FULL_NAME: WidgetId = WidgetId::new("setup.full-name");
/// The user-name field.
pub const USER_NAME: WidgetId = WidgetId::new("setup.user-name");
/// The password field.
pub const PASSWORD: WidgetId = WidgetId::new("setup.password");
/// The password confirmation field.
pub const CONFIRMATION: WidgetId = WidgetId::new("setup.confirmation");
/// The strength hint.
pub const STRENGTH: WidgetId = WidgetId::new("setup.strength");
/// The administrator switch.
pub const ADMINISTRATOR: WidgetId = WidgetId::new("setup.administrator");
/// The user-name problem line.
pub const NAME_PROBLEM: WidgetId = WidgetId::new("setup.name-problem");
/// The password problem line.
pub const PASSWORD_PROBLEM: WidgetId = WidgetId::new("setup.password-problem");
/// "Please wait" on the last step.
pub const WAITING: WidgetId = WidgetId::new("setup.waiting");
/// Try logging in again (last step).
pub const RETRY: WidgetId = WidgetId::new("setup.retry");

/// A language in the language step.
pub fn language(locale: &str) -> WidgetId {
    ROOT.child("language").child(locale)
}

/// A keyboard layout in the keyboard step.
pub fn layout(name: &str) -> WidgetId {
    ROOT.child("layout").child(name)
}

/// A time zone in the search results (its `/` become `-`: one id part).
pub fn zone(name: &str) -> WidgetId {
    ROOT.child("zone").child(name.replace('/', "-"))
}

/// A Wi-Fi network in the network step (by access point path's last part).
pub fn wifi(access_point: &str) -> WidgetId {
    ROOT.child("wifi")
        .child(access_point.rsplit('/').next().unwrap_or(access_point))
}
