//! The one error surface every page shares: a translated sentence the user can
//! act on, and the technical detail behind "Details", which can be copied.

use ferrum_i18n::fl;
use iced::widget::{button, column, container, row, space, text};

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};

use crate::effect::Effect;
use crate::ids::WidgetId;
use crate::widgets::action_button;
use iced::{Element, Length};

/// An error as the user sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorReport {
    /// What happened, translated, in words the user can act on.
    pub summary: String,
    /// The technical detail (D-Bus error name and message), not translated.
    pub detail: String,
    /// Whether the detail is shown.
    pub expanded: bool,
}

impl ErrorReport {
    /// A report with the detail folded away.
    pub fn new(summary: impl Into<String>, detail: impl Into<String>) -> Self {
        Self {
            summary: summary.into(),
            detail: detail.into(),
            expanded: false,
        }
    }
}

/// What the user can do with a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Show or hide the technical detail.
    ToggleDetails,
    /// Copy the summary and detail to the clipboard.
    Copy,
    /// Close the report.
    Dismiss,
}

impl ErrorReport {
    /// What "Copy details" puts on the clipboard: the sentence, then the detail.
    pub fn clipboard_text(&self) -> String {
        format!("{}\n{}", self.summary, self.detail)
    }
}

/// Applies a message to the report slot of a page; copying asks the window
/// for the clipboard.
#[must_use = "Copy details only works when the effect reaches the window"]
pub fn update(slot: &mut Option<ErrorReport>, message: Message) -> Option<Effect> {
    match message {
        Message::ToggleDetails => {
            if let Some(report) = slot {
                report.expanded = !report.expanded;
            }
            None
        }
        Message::Copy => slot
            .as_ref()
            .map(|report| Effect::Copy(report.clipboard_text())),
        Message::Dismiss => {
            *slot = None;
            None
        }
    }
}

/// Draws a report as a banner. `scope` is the id of the place it is shown in
/// (the page or window): its buttons are `scope.error.details`,
/// `scope.error.copy` and `scope.error.dismiss`, so two reports on screen
/// never share an accessible id.
pub fn view<'a>(report: &'a ErrorReport, scope: &WidgetId) -> Element<'a, Message> {
    let ids = scope.child("error");
    let toggle = if report.expanded {
        fl!("error-details-hide")
    } else {
        fl!("error-details-show")
    };
    let actions = row![
        action_button(
            ids.child("details"),
            toggle,
            button::text,
            Message::ToggleDetails
        ),
        action_button(
            ids.child("copy"),
            fl!("error-copy"),
            button::text,
            Message::Copy
        ),
        space::horizontal(),
        action_button(
            ids.child("dismiss"),
            fl!("error-dismiss"),
            button::secondary,
            Message::Dismiss
        ),
    ]
    .spacing(8);
    // The sentence is an alert: read out by a screen reader (a live region)
    // and by self-voicing as soon as it appears.
    let summary = Accessible::new(
        ids.child("summary"),
        AccessibleInfo::new(Role::Alert, report.summary.clone()),
        text(&report.summary).size(15),
    );
    let mut content = column![summary, actions].spacing(6);
    if report.expanded {
        content = content.push(
            container(text(&report.detail).font(iced::Font::MONOSPACE).size(13))
                .padding(8)
                .width(Length::Fill)
                .style(container::bordered_box),
        );
    }
    container(content)
        .padding(12)
        .width(Length::Fill)
        .style(|theme: &iced::Theme| {
            let palette = theme.extended_palette();
            container::Style {
                background: Some(palette.danger.weak.color.into()),
                text_color: Some(palette.danger.weak.text),
                border: iced::Border {
                    color: palette.danger.base.color,
                    width: 1.0,
                    radius: 8.0.into(),
                },
                ..container::Style::default()
            }
        })
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_toggle_and_dismiss() {
        let mut slot = Some(ErrorReport::new("Could not", "org.x.Error: no"));
        assert_eq!(update(&mut slot, Message::ToggleDetails), None);
        assert_eq!(slot.as_ref().map(|r| r.expanded), Some(true));
        assert_eq!(update(&mut slot, Message::Dismiss), None);
        assert_eq!(slot, None);
    }

    #[test]
    fn copy_asks_for_the_clipboard_with_summary_and_detail() {
        let mut slot = Some(ErrorReport::new("Could not", "org.x.Error: no"));
        assert_eq!(
            update(&mut slot, Message::Copy),
            Some(Effect::Copy("Could not\norg.x.Error: no".into()))
        );
        assert_eq!(update(&mut None, Message::Copy), None);
    }
}
