//! The machine's appearance defaults: `/etc/ferrum/appearance.toml` (the
//! `appearance` key of the greeter's settings moves it), in the format of a
//! person's preferences ([`Preferences`]). The login screen belongs to no
//! one, so it follows these: colour scheme, accent colour, high contrast and
//! text size. Read once at start; a missing file is the greeter's own look
//! (dark, normal contrast and text), and so is an unusable one, with one
//! warning in the log — never a crash, never a notice on the login screen.

use std::path::Path;

use ferrum_accessibility::Preferences;
use ferrum_ui::theme::{self, ThemeChoice};

/// The standard place of the file.
pub const DEFAULT_PATH: &str = "/etc/ferrum/appearance.toml";

/// The greeter's own style when the machine chooses no colour scheme.
pub const FALLBACK: ThemeChoice = ThemeChoice::Dark;

/// How much bigger large text makes everything when the machine sets no text
/// size of its own.
pub const LARGE_TEXT: f32 = 1.5;

/// Reads the machine's defaults: the file's, or the defaults when it is
/// missing or unusable (then logged).
pub fn load(path: &Path) -> Preferences {
    Preferences::load(path).unwrap_or_else(|error| {
        tracing::warn!(%error, "the machine's appearance defaults are unusable; the greeter's own look is in use");
        Preferences::default()
    })
}

/// The style at `hour` (local time): the machine's colour scheme, dark when it
/// chose none.
pub fn theme_choice(appearance: &Preferences, hour: i8) -> ThemeChoice {
    ThemeChoice::of_scheme(appearance.color_scheme, hour, FALLBACK)
}

/// The iced theme: the style at `hour`, high contrast when asked for (the
/// machine's default, or the person's toggle), the machine's accent colour.
pub fn theme(appearance: &Preferences, hour: i8, high_contrast: bool) -> iced::Theme {
    theme::themed(
        theme_choice(appearance, hour),
        high_contrast,
        appearance.accent.map(theme::accent_color),
    )
}

/// Whether large text is on at start: the machine's text size is above 100 %.
pub fn large_text(appearance: &Preferences) -> bool {
    appearance.text_scale > 100
}

/// The scale large text gives: the machine's text size when it sets one,
/// else [`LARGE_TEXT`].
pub fn large_text_scale(appearance: &Preferences) -> f32 {
    if large_text(appearance) {
        appearance.scale_factor()
    } else {
        LARGE_TEXT
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ferrum_accessibility::preferences::{AccentColor, ColorScheme};

    fn read(text: &str) -> Preferences {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("appearance.toml");
        std::fs::write(&path, text).expect("written");
        load(&path)
    }

    #[test]
    fn a_missing_file_is_the_greeters_own_look() {
        let appearance = load(Path::new("/nonexistent/appearance.toml"));
        assert_eq!(appearance, Preferences::default());
        for hour in [3, 12, 21] {
            assert_eq!(theme_choice(&appearance, hour), ThemeChoice::Dark);
            assert_eq!(
                theme(&appearance, hour, false).palette(),
                theme::theme(ThemeChoice::Dark, false).palette()
            );
        }
        assert!(!appearance.high_contrast);
        assert!(!large_text(&appearance));
        assert!((large_text_scale(&appearance) - LARGE_TEXT).abs() < f32::EPSILON);
    }

    #[test]
    fn a_malformed_file_is_the_defaults() {
        for text in [
            "color_scheme = \"purple\"\n",
            "high_contrast = \"yes\"\n",
            "accent = \"#12\"\n",
            "colour_scheme = \"light\"\n",
            "not toml at all [\n",
        ] {
            assert_eq!(read(text), Preferences::default(), "{text}");
        }
    }

    #[test]
    fn light_dark_and_the_time_of_day_resolve() {
        let light = read("color_scheme = \"light\"\n");
        let dark = read("color_scheme = \"dark\"\n");
        let time_of_day = read("color_scheme = \"time-of-day\"\n");
        assert_eq!(light.color_scheme, Some(ColorScheme::Light));
        for hour in [0, 12, 23] {
            assert_eq!(theme_choice(&light, hour), ThemeChoice::Light);
            assert_eq!(theme_choice(&dark, hour), ThemeChoice::Dark);
        }
        assert_eq!(theme_choice(&time_of_day, 6), ThemeChoice::Dark);
        assert_eq!(theme_choice(&time_of_day, 7), ThemeChoice::Light);
        assert_eq!(theme_choice(&time_of_day, 18), ThemeChoice::Light);
        assert_eq!(theme_choice(&time_of_day, 19), ThemeChoice::Dark);
    }

    #[test]
    fn the_accent_colours_the_theme_unless_high_contrast() {
        let appearance = read("color_scheme = \"light\"\naccent = \"#1f62c9\"\n");
        assert_eq!(appearance.accent, Some(AccentColor::new(0x1f, 0x62, 0xc9)));
        assert_eq!(
            theme(&appearance, 12, false).palette().primary,
            iced::Color::from_rgb8(0x1f, 0x62, 0xc9)
        );
        assert_eq!(
            theme(&appearance, 12, true).palette(),
            theme::high_contrast().palette()
        );
    }

    #[test]
    fn the_machines_text_size_is_large_text() {
        let appearance = read("text_scale = 175\n");
        assert!(large_text(&appearance));
        assert!((large_text_scale(&appearance) - 1.75).abs() < f32::EPSILON);
    }
}
