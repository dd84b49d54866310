//! The Accessibility page: self-voicing, high contrast, text size, reduced motion.
//!
//! The page edits [`Preferences`]; the shell applies and saves them (they
//! change the whole window: theme, scale, speech).

use ferrum_accessibility::preferences::TEXT_SCALES;
use ferrum_accessibility::{Accessible, AccessibleInfo, Preferences, Role};
use ferrum_i18n::fl;
use iced::widget::{button, column, row, text, toggler};
use iced::{Alignment, Element, Length};

use crate::widgets::{caption, page_title, section};

/// What the user changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// Speak focus and state changes.
    SelfVoicing(bool),
    /// High-contrast colours.
    HighContrast(bool),
    /// Size of everything, in percent.
    TextScale(u16),
    /// No animations.
    ReducedMotion(bool),
}

/// Applies a change to the preferences.
pub fn update(preferences: &mut Preferences, message: Message) {
    match message {
        Message::SelfVoicing(on) => preferences.self_voicing = on,
        Message::HighContrast(on) => preferences.high_contrast = on,
        Message::TextScale(percent) => preferences.text_scale = percent.clamp(100, 200),
        Message::ReducedMotion(on) => preferences.reduced_motion = on,
    }
}

fn switch_row<'a>(
    id: &'static str,
    label: String,
    description: String,
    on: bool,
    message: fn(bool) -> Message,
) -> Element<'a, Message> {
    let info = AccessibleInfo::new(Role::Switch, label.clone())
        .description(description.clone())
        .checked(on);
    Accessible::new(
        id,
        info,
        button(
            row![
                column![text(label).size(16), caption(description)]
                    .spacing(2)
                    .width(Length::Fill),
                toggler(on).on_toggle(message),
            ]
            .spacing(12)
            .align_y(Alignment::Center),
        )
        .width(Length::Fill)
        .padding(8)
        .style(button::text)
        .on_press(message(!on)),
    )
    .on_activate(message(!on))
    .into()
}

/// Draws the page.
pub fn view(preferences: &Preferences) -> Element<'_, Message> {
    let mut scales = row![].spacing(6);
    for percent in TEXT_SCALES {
        let label = fl!("a11y-text-scale-value", percent = percent);
        let chosen = preferences.text_scale == percent;
        let info = AccessibleInfo::new(Role::RadioButton, label.clone()).checked(chosen);
        let style = if chosen {
            button::primary
        } else {
            button::secondary
        };
        scales = scales.push(
            Accessible::new(
                format!("a11y.text-scale.{percent}"),
                info,
                button(text(label))
                    .style(style)
                    .on_press(Message::TextScale(percent)),
            )
            .on_activate(Message::TextScale(percent)),
        );
    }
    column![
        page_title(fl!("a11y-title")),
        section(
            fl!("a11y-seeing-heading"),
            column![
                switch_row(
                    "a11y.high-contrast",
                    fl!("a11y-high-contrast"),
                    fl!("a11y-high-contrast.desc"),
                    preferences.high_contrast,
                    Message::HighContrast,
                ),
                column![
                    text(fl!("a11y-text-scale")).size(16),
                    caption(fl!("a11y-text-scale.desc")),
                    scales
                ]
                .spacing(6)
                .padding(8),
                switch_row(
                    "a11y.reduced-motion",
                    fl!("a11y-reduced-motion"),
                    fl!("a11y-reduced-motion.desc"),
                    preferences.reduced_motion,
                    Message::ReducedMotion,
                ),
            ]
            .spacing(4)
        ),
        section(
            fl!("a11y-hearing-heading"),
            switch_row(
                "a11y.self-voicing",
                fl!("a11y-self-voicing"),
                fl!("a11y-self-voicing.desc"),
                preferences.self_voicing,
                Message::SelfVoicing,
            )
        ),
    ]
    .spacing(20)
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_apply_and_scale_is_clamped() {
        let mut preferences = Preferences::default();
        update(&mut preferences, Message::HighContrast(true));
        update(&mut preferences, Message::TextScale(900));
        update(&mut preferences, Message::SelfVoicing(true));
        assert!(preferences.high_contrast && preferences.self_voicing);
        assert_eq!(preferences.text_scale, 200);
    }
}
