//! The Region & Language page's widget ids (kept beside the page while `crate::ids` is
//! being changed by other work; the same rules: fixed ids are constants, generated ones
//! children of a fixed parent).

use ferrum_ui::WidgetId;

use super::List;

/// The Region & Language page.
pub const REGION: WidgetId = WidgetId::new("region");
/// "Add a layout…".
pub const REGION_ADD_LAYOUT: WidgetId = WidgetId::new("region.add-layout");
/// The layout picker.
pub const REGION_PICKER: WidgetId = WidgetId::new("region.picker");
/// The layout picker's search field.
pub const REGION_PICKER_SEARCH: WidgetId = WidgetId::new("region.picker.search");

fn region_list(list: List) -> &'static str {
    match list {
        List::PersonLanguage => "person",
        List::MachineLanguage => "machine",
        List::Formats => "formats",
    }
}

/// A setting's "Change…" button.
pub fn region_change(list: List) -> WidgetId {
    REGION.child(region_list(list)).child("change")
}

/// A language's choice in a setting's list, by its shipped locale.
pub fn region_choice(list: List, locale: &str) -> WidgetId {
    REGION.child(region_list(list)).child(locale)
}

/// A part of one of the machine's layouts (`name`, `first`, `remove`).
pub fn region_layout(name: &str, part: &str) -> WidgetId {
    REGION.child("layout").child(name).child(part)
}

/// A layout's row in the picker, by its xkb name.
pub fn region_picker_layout(name: &str) -> WidgetId {
    REGION_PICKER.child("layout").child(name)
}
