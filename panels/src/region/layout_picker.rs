//! The layout picker: a search field and xkeyboard-config's layouts that match it (by
//! description or xkb name), those already in use left out; choosing one adds it to the
//! machine's layouts. The UI kit's [`ferrum_ui::picker`] keyed by xkb name; here its search,
//! its words and its rows.

use ferrum_i18n::fl;
use ferrum_services::layouts::Layout;
use ferrum_ui::picker::{self, Ids, Labels, Row};
use iced::Element;

use super::ids;

/// At most this many layouts are listed (the search narrows the rest).
pub const SHOWN: usize = 30;

/// The picker's state: what is typed.
pub type Dialog = picker::Picker;

/// What happens in the picker; a row is a layout's xkb name.
pub type Message = picker::Message<String>;

/// What the page does after a picker message.
pub type Action = picker::Action<String>;

/// The layouts matching `query` (every word starts a word of the description, or the
/// query is the xkb name), leaving out `used`.
pub fn search<'a>(all: &'a [Layout], query: &str, used: &[String]) -> Vec<&'a Layout> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    all.iter()
        .filter(|layout| !used.contains(&layout.name))
        .filter(|layout| {
            let description = layout.description.to_lowercase();
            let parts: Vec<&str> = description
                .split(|c: char| !c.is_alphanumeric())
                .filter(|part| !part.is_empty())
                .collect();
            words.iter().all(|word| {
                layout.name.eq_ignore_ascii_case(word)
                    || parts.iter().any(|part| part.starts_with(word.as_str()))
            })
        })
        .collect()
}

/// The first layout matching the picker's search.
pub fn first_match(dialog: &Dialog, all: &[Layout], used: &[String]) -> Option<String> {
    search(all, &dialog.query, used)
        .first()
        .map(|layout| layout.name.clone())
}

/// Draws the picker over `all` (none yet: "Reading the layouts…"), leaving out `used`.
pub fn view<'a>(
    dialog: &'a Dialog,
    all: Option<&'a [Layout]>,
    used: &[String],
) -> Element<'a, Message> {
    let labels = Labels {
        title: fl!("region-picker-title"),
        search: fl!("region-picker-search"),
        loading: fl!("region-picker-loading"),
        none: fl!("region-picker-none", query = dialog.query.as_str()),
        more: fl!("region-picker-more"),
        cancel: fl!("region-cancel"),
    };
    let picker_ids = Ids {
        picker: ids::REGION_PICKER,
        search: ids::REGION_PICKER_SEARCH,
    };
    let found = all.map(|all| {
        search(all, &dialog.query, used)
            .into_iter()
            .map(|layout| Row {
                key: layout.name.clone(),
                id: ids::region_picker_layout(&layout.name),
                label: layout.description.clone(),
                detail: layout.indicator(),
                name: layout.description.clone(),
                description: None,
                chosen: None,
            })
    });
    dialog.view(picker_ids, labels, found, SHOWN)
}
