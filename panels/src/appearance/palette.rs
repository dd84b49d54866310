//! The named accent colours the page offers (chosen for Ferrum: each is dark enough for white
//! text on it, about 4.5:1 or more, as buttons draw it).

use ferrum_accessibility::preferences::AccentColor;
use ferrum_i18n::fl;

/// An accent colour with a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedAccent {
    /// Stable key (widget ids, strings).
    pub key: &'static str,
    /// The colour.
    pub color: AccentColor,
}

impl NamedAccent {
    /// The translated name ("Blue").
    pub fn name(&self) -> String {
        match self.key {
            "blue" => fl!("appearance-accent-blue"),
            "teal" => fl!("appearance-accent-teal"),
            "green" => fl!("appearance-accent-green"),
            "yellow" => fl!("appearance-accent-yellow"),
            "orange" => fl!("appearance-accent-orange"),
            "red" => fl!("appearance-accent-red"),
            "pink" => fl!("appearance-accent-pink"),
            _ => fl!("appearance-accent-purple"),
        }
    }
}

/// The palette, in the order shown.
pub const PALETTE: [NamedAccent; 8] = [
    NamedAccent {
        key: "blue",
        color: AccentColor::new(0x1f, 0x62, 0xc9),
    },
    NamedAccent {
        key: "teal",
        color: AccentColor::new(0x0f, 0x6e, 0x7a),
    },
    NamedAccent {
        key: "green",
        color: AccentColor::new(0x25, 0x6d, 0x38),
    },
    NamedAccent {
        key: "yellow",
        color: AccentColor::new(0x8a, 0x62, 0x00),
    },
    NamedAccent {
        key: "orange",
        color: AccentColor::new(0xb3, 0x47, 0x0a),
    },
    NamedAccent {
        key: "red",
        color: AccentColor::new(0xc0, 0x1c, 0x32),
    },
    NamedAccent {
        key: "pink",
        color: AccentColor::new(0xa8, 0x3a, 0x74),
    },
    NamedAccent {
        key: "purple",
        color: AccentColor::new(0x74, 0x3c, 0x9e),
    },
];

/// The palette entry of `color`, if it is one.
pub fn named(color: AccentColor) -> Option<&'static NamedAccent> {
    PALETTE.iter().find(|entry| entry.color == color)
}
