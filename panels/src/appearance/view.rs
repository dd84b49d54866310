//! Drawing the Appearance page with the UI kit's controls (the same kinds the Accessibility
//! page shows for the same preferences, sending the same messages).

use ferrum_accessibility::preferences::{
    AccentColor, ColorScheme, DAY_STARTS_AT, NIGHT_STARTS_AT, TEXT_SCALES,
};
use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_ui::error_report;
use ferrum_ui::widgets::{
    action_button, bidi_row, caption, choice, error_line, labelled_field, page_title,
    reading_start, section, switch, value_slider,
};
use iced::widget::{button, column, container, text};
use iced::{Alignment, Border, Color, Element, Length};

use super::{Message, PALETTE, State, palette};
use crate::accessibility::Message as Change;
use crate::ids;

/// Draws the page.
pub fn view(state: &State) -> Element<'_, Message> {
    let preferences = &state.preferences;
    let mut page = column![page_title(fl!("appearance-title"))].spacing(20);
    if let Some(report) = &state.error {
        page = page.push(
            error_report::view(report, &ids::APPEARANCE)
                .map(|message| Message::Preferences(Change::Report(message))),
        );
    }
    let styles = ColorScheme::ALL.into_iter().map(|scheme| {
        let (key, title, description) = scheme_words(scheme);
        choice(
            ids::appearance_scheme(key),
            title,
            Some(description),
            preferences.color_scheme == Some(scheme),
            Message::Preferences(Change::ColorScheme(Some(scheme))),
        )
    });
    page = page.push(section(
        fl!("appearance-style-heading"),
        column(styles).spacing(4),
    ));
    page = page.push(section(fl!("appearance-accent-heading"), accent(state)));
    let scale = preferences.text_scale;
    let step = TEXT_SCALES[1] - TEXT_SCALES[0];
    let readability = column![
        switch(
            ids::APPEARANCE_HIGH_CONTRAST,
            fl!("a11y-high-contrast"),
            fl!("a11y-high-contrast.desc"),
            preferences.high_contrast,
            |on| Message::Preferences(Change::HighContrast(on)),
        ),
        switch(
            ids::APPEARANCE_REDUCED_MOTION,
            fl!("a11y-reduced-motion"),
            fl!("a11y-reduced-motion.desc"),
            preferences.reduced_motion,
            |on| Message::Preferences(Change::ReducedMotion(on)),
        ),
        column![
            text(fl!("a11y-text-scale")).size(16),
            caption(fl!("a11y-text-scale.desc")),
            value_slider(
                ids::APPEARANCE_TEXT_SCALE,
                fl!("a11y-text-scale"),
                fl!("a11y-text-scale-value", percent = scale),
                f64::from(TEXT_SCALES[0])..=f64::from(TEXT_SCALES[TEXT_SCALES.len() - 1]),
                f64::from(scale),
                f64::from(step),
                |value| Message::Preferences(Change::TextScale(value.round() as u16)),
            ),
        ]
        .spacing(6)
        .padding(6)
        .align_x(reading_start()),
    ]
    .spacing(4);
    page.push(section(fl!("appearance-readability-heading"), readability))
        .into()
}

/// A colour scheme's id key, title and description.
fn scheme_words(scheme: ColorScheme) -> (&'static str, String, String) {
    match scheme {
        ColorScheme::Light => (
            "light",
            fl!("appearance-style-light"),
            fl!("appearance-style-light.desc"),
        ),
        ColorScheme::Dark => (
            "dark",
            fl!("appearance-style-dark"),
            fl!("appearance-style-dark.desc"),
        ),
        ColorScheme::TimeOfDay => (
            "time-of-day",
            fl!("appearance-style-time-of-day"),
            fl!(
                "appearance-style-time-of-day.desc",
                night = i64::from(NIGHT_STARTS_AT),
                day = i64::from(DAY_STARTS_AT)
            ),
        ),
    }
}

/// The accent section: the theme's own colour, the palette's swatches, a typed colour.
fn accent(state: &State) -> Element<'_, Message> {
    let chosen = state.preferences.accent;
    // High contrast outlines every colour: a dark one on the black page has no edge otherwise.
    let outlined = state.preferences.high_contrast;
    let swatches = PALETTE
        .iter()
        .map(|entry| {
            swatch(
                entry.key,
                entry.name(),
                entry.color,
                chosen == Some(entry.color),
                outlined,
            )
        })
        .collect();
    let custom_chosen = chosen.filter(|accent| palette::named(*accent).is_none());
    let mut custom = column![
        bidi_row(vec![
            container(labelled_field(
                ids::APPEARANCE_CUSTOM,
                fl!("appearance-accent-custom"),
                &state.custom,
                Message::CustomChanged,
                Message::CustomSubmitted,
            ))
            .width(Length::Fixed(220.0))
            .into(),
            action_button(
                ids::APPEARANCE_CUSTOM_APPLY,
                fl!("appearance-accent-custom-apply"),
                button::secondary,
                Message::CustomSubmitted,
            ),
        ])
        .spacing(8)
        .align_y(Alignment::End),
        caption(match custom_chosen {
            Some(accent) => fl!("appearance-accent-custom-in-use", color = accent.hex()),
            None => fl!("appearance-accent-custom.desc"),
        }),
    ]
    .spacing(6)
    .align_x(reading_start());
    if state.custom_refused {
        custom = custom.push(error_line(
            ids::APPEARANCE_CUSTOM_ERROR,
            fl!(
                "appearance-accent-custom-invalid",
                text = state.custom.clone()
            ),
        ));
    }
    column![
        choice(
            ids::appearance_accent("default"),
            fl!("appearance-accent-default"),
            Some(fl!("appearance-accent-default.desc")),
            chosen.is_none(),
            Message::Preferences(Change::Accent(None)),
        ),
        bidi_row(swatches).spacing(8).wrap(),
        custom,
    ]
    .spacing(12)
    .align_x(reading_start())
    .into()
}

/// One colour of the palette: a square of it, a radio button named by the colour.
fn swatch<'a>(
    key: &'static str,
    name: String,
    color: AccentColor,
    selected: bool,
    outlined: bool,
) -> Element<'a, Message> {
    let fill = Color::from_rgb8(color.red, color.green, color.blue);
    let message = Message::Preferences(Change::Accent(Some(color)));
    let square = container(
        text(if selected { "✓" } else { "" })
            .size(18)
            .color(Color::WHITE),
    )
    .width(36)
    .height(36)
    .center_x(36)
    .center_y(36)
    .style(move |theme: &iced::Theme| container::Style {
        background: Some(fill.into()),
        border: Border {
            color: if selected || outlined {
                theme.extended_palette().background.base.text
            } else {
                Color::TRANSPARENT
            },
            // Chosen: a thick ring (and the tick); only outlined: a thin one.
            width: if outlined && !selected { 1.0 } else { 2.0 },
            radius: 18.0.into(),
        },
        ..container::Style::default()
    });
    Accessible::new(
        ids::appearance_accent(key),
        AccessibleInfo::new(Role::RadioButton, name)
            .description(color.hex())
            .checked(selected),
        button(square)
            .padding(2)
            .style(button::text)
            .on_press(message.clone()),
    )
    .on_activate(message)
    .into()
}
