//! The settings window's own widget ids (see [`ferrum_ui::ids`]); the pages'
//! are in `ferrum_panels::ids`.

use ferrum_panels::PanelId;
use ferrum_ui::WidgetId;

/// The sidebar.
pub const SIDEBAR: WidgetId = WidgetId::new("sidebar");
/// The sidebar's search field (the text input itself).
pub const SEARCH: WidgetId = WidgetId::new("sidebar.search");
/// The search field's accessible wrapper.
pub const SEARCH_FIELD: WidgetId = WidgetId::new("sidebar.search.field");
/// The light/dark switch.
pub const THEME: WidgetId = WidgetId::new("sidebar.theme");
/// The page's scrollable (the focused control is scrolled into view in it).
pub const PAGE: WidgetId = WidgetId::new("page");
/// The window-level notice's place (its buttons are `window.error.*`).
pub const WINDOW: WidgetId = WidgetId::new("window");

/// A panel's entry in the sidebar.
pub fn panel(panel: PanelId) -> WidgetId {
    SIDEBAR.child("panel").child(panel.slug())
}
