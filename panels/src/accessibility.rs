//! The Accessibility page: self-voicing, high contrast, text size, reduced motion.
//!
//! The page edits [`Preferences`]; the shell applies and saves them (they
//! change the whole window: theme, scale, speech).

use ferrum_accessibility::preferences::TEXT_SCALES;
use ferrum_accessibility::speech::SpeechError;
use ferrum_accessibility::{Accessible, AccessibleInfo, NumericValue, Preferences, Role};
use ferrum_i18n::fl;
use iced::widget::{button, column, row, slider, text, toggler};
use iced::{Alignment, Element, Length};

use crate::widgets::{caption, notice, page_title, section};

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
        Message::TextScale(percent) => {
            // Snap to the offered steps (a slider drag gives any value).
            let clamped = percent.clamp(100, 200);
            preferences.text_scale = TEXT_SCALES
                .into_iter()
                .min_by_key(|step| step.abs_diff(clamped))
                .unwrap_or(100);
        }
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

/// Draws the page; `speech_problem` is why speech is not working, if it is not.
pub fn view<'a>(
    preferences: &'a Preferences,
    speech_problem: Option<&SpeechError>,
) -> Element<'a, Message> {
    let step = TEXT_SCALES[1] - TEXT_SCALES[0];
    let current = preferences.text_scale;
    let less = Message::TextScale(current.saturating_sub(step).max(TEXT_SCALES[0]));
    let more = Message::TextScale((current + step).min(TEXT_SCALES[TEXT_SCALES.len() - 1]));
    let value = fl!("a11y-text-scale-value", percent = current);
    let scale_slider = Accessible::new(
        "a11y.text-scale",
        AccessibleInfo::new(Role::Slider, fl!("a11y-text-scale"))
            .value(value.clone())
            .numeric(NumericValue {
                value: f64::from(current),
                min: f64::from(TEXT_SCALES[0]),
                max: f64::from(TEXT_SCALES[TEXT_SCALES.len() - 1]),
                step: f64::from(step),
            }),
        row![
            slider(
                f64::from(TEXT_SCALES[0])..=f64::from(TEXT_SCALES[TEXT_SCALES.len() - 1]),
                f64::from(current),
                |value| Message::TextScale(value.round() as u16),
            )
            .step(f64::from(step)),
            text(value).width(70),
        ]
        .spacing(12)
        .align_y(Alignment::Center),
    )
    .on_adjust(less, more);
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
                    scale_slider
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
            column![switch_row(
                "a11y.self-voicing",
                fl!("a11y-self-voicing"),
                fl!("a11y-self-voicing.desc"),
                preferences.self_voicing,
                Message::SelfVoicing,
            )]
            .extend(
                speech_problem
                    .map(|problem| { notice(fl!("a11y-speech-unavailable"), problem.to_string()) })
            )
            .spacing(8)
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
