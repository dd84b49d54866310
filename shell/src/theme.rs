//! Light and dark styles, and the fonts the shell draws with.

use iced::{Font, Theme};

/// The shell's default font (see [`ferrum_panels::widgets::FONT_FAMILY`]).
pub const DEFAULT_FONT: Font = ferrum_panels::widgets::FONT;

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
