//! Small view helpers shared by the pages, so every page has the same shape.

use iced::widget::{column, container, text};
use iced::{Element, Font, Length, font};

/// The font family the shell draws with; fonts-noto-core ships it and covers
/// Latin, Greek, Cyrillic, Arabic and more. Other scripts fall back per glyph.
pub const FONT_FAMILY: &str = "Noto Sans";

/// The shell's regular font.
pub const FONT: Font = Font::with_name(FONT_FAMILY);

/// The shell's bold font, for titles and headings.
pub const FONT_BOLD: Font = Font {
    weight: font::Weight::Bold,
    ..FONT
};

/// A page title.
pub fn page_title<'a, M: 'a>(title: String) -> Element<'a, M> {
    text(title).size(26).font(FONT_BOLD).into()
}

/// A titled group of rows on a rounded card.
pub fn section<'a, M: 'a>(title: String, content: impl Into<Element<'a, M>>) -> Element<'a, M> {
    column![text(title).size(15).font(FONT_BOLD), card(content),]
        .spacing(8)
        .into()
}

/// A rounded card.
pub fn card<'a, M: 'a>(content: impl Into<Element<'a, M>>) -> Element<'a, M> {
    container(content)
        .padding(14)
        .width(Length::Fill)
        .style(|theme: &iced::Theme| {
            let palette = theme.extended_palette();
            container::Style {
                background: Some(palette.background.weak.color.into()),
                border: iced::Border {
                    color: palette.background.strong.color,
                    width: 1.0,
                    radius: 10.0.into(),
                },
                ..container::Style::default()
            }
        })
        .into()
}

/// A secondary line of text.
pub fn caption<'a, M: 'a>(content: String) -> Element<'a, M> {
    text(content)
        .size(13)
        .style(|theme: &iced::Theme| text::Style {
            color: Some(
                theme
                    .extended_palette()
                    .background
                    .base
                    .text
                    .scale_alpha(0.7),
            ),
        })
        .into()
}

/// A label on the left and a value on the right.
pub fn key_value<'a, M: 'a>(key: String, value: String) -> Element<'a, M> {
    iced::widget::row![
        text(key).width(Length::FillPortion(2)),
        text(value).width(Length::FillPortion(3)),
    ]
    .spacing(12)
    .into()
}

/// A card explaining that a service is missing, with its title and body.
pub fn notice<'a, M: 'a>(title: String, body: String) -> Element<'a, M> {
    card(column![text(title).size(16).font(FONT_BOLD), caption(body)].spacing(6))
}
