//! Light, dark and high-contrast styles, and the fonts the shell draws with.

use ferrum_accessibility::preferences::{AccentColor, ColorScheme};
use iced::theme::Palette;
use iced::{Color, Font, Theme};

/// The shell's default font (see [`crate::widgets::FONT_FAMILY`]).
pub const DEFAULT_FONT: Font = crate::widgets::FONT;

/// The user's choice of style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ThemeChoice {
    /// Dark text on light surfaces.
    #[default]
    Light,
    /// Light text on dark surfaces.
    Dark,
}

impl ThemeChoice {
    /// The iced theme for this choice.
    pub fn theme(self) -> Theme {
        match self {
            ThemeChoice::Light => Theme::Light,
            ThemeChoice::Dark => Theme::Dark,
        }
    }

    /// The other choice.
    pub fn toggled(self) -> Self {
        match self {
            ThemeChoice::Light => ThemeChoice::Dark,
            ThemeChoice::Dark => ThemeChoice::Light,
        }
    }

    /// The style of a chosen colour scheme at `hour` (0–23, local time: "time of day" is dark
    /// at night), or `fallback` when none is chosen. The one resolution the settings app and
    /// the greeter share; each keeps the hour current with its own minute tick.
    pub fn of_scheme(scheme: Option<ColorScheme>, hour: i8, fallback: ThemeChoice) -> Self {
        match scheme {
            Some(scheme) if scheme.is_dark_at(hour) => ThemeChoice::Dark,
            Some(_) => ThemeChoice::Light,
            None => fallback,
        }
    }

    /// The style asked for by the environment: `FERRUM_THEME=dark|light`, else
    /// a GTK theme name ending in `:dark`, else light.
    pub fn from_env() -> Self {
        let ferrum = std::env::var("FERRUM_THEME").unwrap_or_default();
        let gtk = std::env::var("GTK_THEME").unwrap_or_default();
        if ferrum.eq_ignore_ascii_case("dark") || (ferrum.is_empty() && gtk.ends_with(":dark")) {
            ThemeChoice::Dark
        } else {
            ThemeChoice::Light
        }
    }
}

/// High contrast: white on black with yellow accents (contrast ratios of 21:1
/// for text and over 19:1 for the accent, well past WCAG AAA).
pub fn high_contrast() -> Theme {
    Theme::custom_with_fn(
        "Ferrum High Contrast",
        Palette {
            background: Color::BLACK,
            text: Color::WHITE,
            primary: Color::from_rgb8(0xFF, 0xE0, 0x00),
            success: Color::from_rgb8(0x00, 0xFF, 0x7F),
            warning: Color::from_rgb8(0xFF, 0xB0, 0x00),
            danger: Color::from_rgb8(0xFF, 0x60, 0x60),
        },
        |palette| {
            let mut extended = iced::theme::palette::Extended::generate(palette);
            // Outlines (card borders, separators) in full white instead of a
            // shade of black, and surfaces that stay black.
            extended.background.strong.color = Color::WHITE;
            extended.background.strong.text = Color::BLACK;
            extended.background.weak.color = Color::BLACK;
            extended.background.weak.text = Color::WHITE;
            // Secondary buttons: black on white, not dark grey on grey.
            extended.secondary.base.color = Color::WHITE;
            extended.secondary.base.text = Color::BLACK;
            extended.secondary.strong.color = Color::from_rgb8(0xFF, 0xE0, 0x00);
            extended.secondary.strong.text = Color::BLACK;
            extended
        },
    )
}

/// The theme for a style choice, the contrast preference and an accent colour: the accent
/// becomes the palette's primary colour (buttons, focus rings, selected choices), the rest of
/// the style's palette unchanged. Without an accent this is exactly [`theme`]. High contrast
/// keeps its own yellow: an accent chosen for looks must not lower the contrast asked for.
pub fn themed(choice: ThemeChoice, high_contrast: bool, accent: Option<Color>) -> Theme {
    match accent {
        Some(primary) if !high_contrast => {
            let base = choice.theme();
            let palette = Palette {
                primary,
                ..base.palette()
            };
            let name = match choice {
                ThemeChoice::Light => "Ferrum Light (accent)",
                ThemeChoice::Dark => "Ferrum Dark (accent)",
            };
            Theme::custom(name, palette)
        }
        _ => theme(choice, high_contrast),
    }
}

/// An accent colour of the preferences as iced draws it (for [`themed`]).
pub fn accent_color(accent: AccentColor) -> Color {
    Color::from_rgb8(accent.red, accent.green, accent.blue)
}

/// The theme for a style choice and the contrast preference.
pub fn theme(choice: ThemeChoice, high_contrast: bool) -> Theme {
    if high_contrast {
        self::high_contrast()
    } else {
        choice.theme()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scheme_resolves_by_the_hour_and_none_keeps_the_fallback() {
        use ThemeChoice::{Dark, Light};
        for hour in 0..24 {
            assert_eq!(ThemeChoice::of_scheme(None, hour, Dark), Dark);
            assert_eq!(ThemeChoice::of_scheme(None, hour, Light), Light);
            assert_eq!(
                ThemeChoice::of_scheme(Some(ColorScheme::Light), hour, Dark),
                Light
            );
            assert_eq!(
                ThemeChoice::of_scheme(Some(ColorScheme::Dark), hour, Light),
                Dark
            );
        }
        let time_of_day = |hour| ThemeChoice::of_scheme(Some(ColorScheme::TimeOfDay), hour, Dark);
        assert_eq!(time_of_day(6), Dark);
        assert_eq!(time_of_day(7), Light);
        assert_eq!(time_of_day(18), Light);
        assert_eq!(time_of_day(19), Dark);
    }

    #[test]
    fn an_accent_becomes_the_primary_colour() {
        let accent = accent_color(AccentColor::new(0x1f, 0x62, 0xc9));
        assert_eq!(accent, Color::from_rgb8(0x1f, 0x62, 0xc9));
        let theme = themed(ThemeChoice::Light, false, Some(accent));
        assert_eq!(theme.palette().primary, accent);
    }
}
