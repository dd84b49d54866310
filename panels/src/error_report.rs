//! The one error surface every page shares: a translated sentence the user can
//! act on, and the technical detail behind "Details", which can be copied.

use ferrum_i18n::fl;
use iced::widget::{button, column, container, row, space, text};

use crate::widgets::action_button;
use iced::{Element, Length, Task};

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

/// Applies a message to the report slot of a page; copying returns a clipboard task.
pub fn update<T>(slot: &mut Option<ErrorReport>, message: Message) -> Task<T> {
    match message {
        Message::ToggleDetails => {
            if let Some(report) = slot {
                report.expanded = !report.expanded;
            }
            Task::none()
        }
        Message::Copy => match slot {
            Some(report) => {
                iced::clipboard::write(format!("{}\n{}", report.summary, report.detail))
            }
            None => Task::none(),
        },
        Message::Dismiss => {
            *slot = None;
            Task::none()
        }
    }
}

/// Draws a report as a banner.
pub fn view(report: &ErrorReport) -> Element<'_, Message> {
    let toggle = if report.expanded {
        fl!("error-details-hide")
    } else {
        fl!("error-details-show")
    };
    let actions = row![
        action_button(
            "error.details",
            toggle,
            button::text,
            Message::ToggleDetails
        ),
        action_button("error.copy", fl!("error-copy"), button::text, Message::Copy),
        space::horizontal(),
        action_button(
            "error.dismiss",
            fl!("error-dismiss"),
            button::secondary,
            Message::Dismiss
        ),
    ]
    .spacing(8);
    let mut content = column![text(&report.summary).size(15), actions].spacing(6);
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
        let _: Task<()> = update(&mut slot, Message::ToggleDetails);
        assert_eq!(slot.as_ref().map(|r| r.expanded), Some(true));
        let _: Task<()> = update(&mut slot, Message::Dismiss);
        assert_eq!(slot, None);
    }
}
