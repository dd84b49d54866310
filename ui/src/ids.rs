//! Typed widget ids. Every id is a dotted path (`page.part.detail`, one
//! separator: [`SEPARATOR`]); fixed ids are constants of [`WidgetId`], and
//! generated ones are made by [`WidgetId::child`] from a fixed parent, in one
//! place per id, so the code that draws a control and the code that focuses
//! it cannot disagree.

use std::borrow::Cow;
use std::fmt;

/// The one separator between the parts of an id.
pub const SEPARATOR: char = '.';

/// The id of a control: focus targets, the accessible tree's keys, test handles.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WidgetId(Cow<'static, str>);

impl WidgetId {
    /// A fixed id.
    pub const fn new(id: &'static str) -> Self {
        Self(Cow::Borrowed(id))
    }

    /// The id of a part of this control or of one item below it
    /// (`network.wifi` + `Home` → `network.wifi.Home`).
    pub fn child(&self, part: impl fmt::Display) -> Self {
        Self(Cow::Owned(format!("{}{SEPARATOR}{part}", self.0)))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for WidgetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<WidgetId> for iced::widget::Id {
    fn from(id: WidgetId) -> Self {
        match id.0 {
            Cow::Borrowed(fixed) => iced::widget::Id::new(fixed),
            Cow::Owned(generated) => iced::widget::Id::from(generated),
        }
    }
}

impl From<&WidgetId> for iced::widget::Id {
    fn from(id: &WidgetId) -> Self {
        id.clone().into()
    }
}

impl PartialEq<str> for WidgetId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for WidgetId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_use_the_one_separator() {
        const PAGE: WidgetId = WidgetId::new("network");
        let row = PAGE.child("wifi").child("Café");
        assert_eq!(row.as_str(), "network.wifi.Café");
        assert_eq!(
            iced::widget::Id::from(&row),
            iced::widget::Id::from("network.wifi.Café".to_owned())
        );
        assert_eq!(
            iced::widget::Id::from(PAGE),
            iced::widget::Id::new("network")
        );
    }
}
