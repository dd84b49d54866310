//! The user's accessibility and appearance preferences, persisted per user in
//! `$XDG_CONFIG_HOME/ferrum/accessibility.toml` and read before the first
//! frame, so the app never flashes the default look.
//!
//! One file holds both: the Accessibility and Appearance pages edit the same
//! [`Preferences`], and `ferrum-portal` (the xdg-desktop-portal Settings
//! backend) serves them to every app. Fields added later have defaults, so
//! older files still read.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Text scale steps offered, in percent.
pub const TEXT_SCALES: [u16; 5] = [100, 125, 150, 175, 200];

/// What the user chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Preferences {
    /// Speak focus and state changes through speech-dispatcher.
    pub self_voicing: bool,
    /// High-contrast colours.
    pub high_contrast: bool,
    /// Size of everything, in percent (100–200).
    pub text_scale: u16,
    /// No animations.
    pub reduced_motion: bool,
    /// Light, dark or following the time of day; `None` until the person
    /// chooses (the shell keeps its own default look, apps hear "no
    /// preference").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color_scheme: Option<ColorScheme>,
    /// The accent colour; `None`: the theme's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accent: Option<AccentColor>,
    /// 24-hour or 12-hour clock (the Date & Time page's); `None`: the language's custom.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clock: Option<ClockFormat>,
}

/// How clocks show the hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClockFormat {
    /// 00:00–23:59.
    #[serde(rename = "24-hour")]
    TwentyFourHour,
    /// 12:00 AM–11:59 PM.
    #[serde(rename = "12-hour")]
    TwelveHour,
}

impl ClockFormat {
    /// The custom of a shipped language when the person has not chosen (`en-US`: 12-hour;
    /// the others: 24-hour).
    pub fn of_language(locale: &str) -> Self {
        if locale == "en-US" {
            Self::TwelveHour
        } else {
            Self::TwentyFourHour
        }
    }
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            self_voicing: false,
            high_contrast: false,
            text_scale: 100,
            reduced_motion: false,
            color_scheme: None,
            accent: None,
            clock: None,
        }
    }
}

/// The hour (local time) from which [`ColorScheme::TimeOfDay`] is light.
pub const DAY_STARTS_AT: i8 = 7;
/// The hour (local time) from which [`ColorScheme::TimeOfDay`] is dark.
pub const NIGHT_STARTS_AT: i8 = 19;

/// Light or dark surfaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ColorScheme {
    /// Dark text on light surfaces.
    Light,
    /// Light text on dark surfaces.
    Dark,
    /// Dark from [`NIGHT_STARTS_AT`] to [`DAY_STARTS_AT`] local time, light
    /// otherwise. Fixed hours: the machine knows no location offline, and a
    /// sunset table by time zone would still be wrong by hours at high
    /// latitudes.
    TimeOfDay,
}

impl ColorScheme {
    /// Every choice, in the order the Appearance page offers them.
    pub const ALL: [ColorScheme; 3] = [
        ColorScheme::Light,
        ColorScheme::Dark,
        ColorScheme::TimeOfDay,
    ];

    /// Whether surfaces are dark at `hour` (0–23, local time).
    pub fn is_dark_at(self, hour: i8) -> bool {
        match self {
            ColorScheme::Light => false,
            ColorScheme::Dark => true,
            ColorScheme::TimeOfDay => !(DAY_STARTS_AT..NIGHT_STARTS_AT).contains(&hour),
        }
    }

    /// Whether surfaces are dark now (the local time zone's hour).
    pub fn is_dark_now(self) -> bool {
        self.is_dark_at(local_time().0)
    }
}

/// The local time of day now: hour (0–23) and seconds since midnight.
/// Falls back to UTC when the time zone cannot be read.
pub fn local_time() -> (i8, u32) {
    let now = jiff::Zoned::now();
    let hour = now.hour();
    let seconds = u32::try_from(
        i32::from(hour) * 3600 + i32::from(now.minute()) * 60 + i32::from(now.second()),
    )
    .unwrap_or(0);
    (hour, seconds)
}

/// Seconds from `seconds_of_day` (since local midnight) to the next switch of
/// [`ColorScheme::TimeOfDay`] ([`DAY_STARTS_AT`] or [`NIGHT_STARTS_AT`]);
/// never 0, so a timer set with it always moves past the switch.
pub fn seconds_to_next_switch(seconds_of_day: u32) -> u32 {
    let day = u32::try_from(DAY_STARTS_AT).unwrap_or(7) * 3600;
    let night = u32::try_from(NIGHT_STARTS_AT).unwrap_or(19) * 3600;
    let now = seconds_of_day % 86_400;
    let next = if now < day {
        day
    } else if now < night {
        night
    } else {
        day + 86_400
    };
    (next - now).max(1)
}

/// An accent colour: sRGB, 8 bits per channel; `"#rrggbb"` in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AccentColor {
    /// Red, 0–255.
    pub red: u8,
    /// Green, 0–255.
    pub green: u8,
    /// Blue, 0–255.
    pub blue: u8,
}

/// Why a text is not an accent colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AccentColorError {
    /// Not `#rrggbb` (or `rrggbb`, or `#rgb`).
    #[error("not a colour in the form #rrggbb")]
    NotHex,
}

impl AccentColor {
    /// A colour from its channels.
    pub const fn new(red: u8, green: u8, blue: u8) -> Self {
        Self { red, green, blue }
    }

    /// Reads `#rrggbb`, `rrggbb` or `#rgb` (surrounding spaces ignored, any case).
    pub fn parse(text: &str) -> Result<Self, AccentColorError> {
        let digits = text.trim();
        let digits = digits.strip_prefix('#').unwrap_or(digits);
        if !digits.is_ascii() || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(AccentColorError::NotHex);
        }
        let channel = |range: std::ops::Range<usize>| {
            u8::from_str_radix(&digits[range], 16).map_err(|_| AccentColorError::NotHex)
        };
        match digits.len() {
            6 => Ok(Self::new(channel(0..2)?, channel(2..4)?, channel(4..6)?)),
            3 => {
                let short = |i: usize| channel(i..i + 1).map(|v| v * 17);
                Ok(Self::new(short(0)?, short(1)?, short(2)?))
            }
            _ => Err(AccentColorError::NotHex),
        }
    }

    /// `#rrggbb`, lower case.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.red, self.green, self.blue)
    }

    /// The channels as fractions of 1 (what the portal's `accent-color` carries).
    pub fn unit_rgb(self) -> (f64, f64, f64) {
        let unit = |v: u8| f64::from(v) / 255.0;
        (unit(self.red), unit(self.green), unit(self.blue))
    }
}

impl Serialize for AccentColor {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.hex())
    }
}

impl<'de> Deserialize<'de> for AccentColor {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        AccentColor::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Why preferences could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PreferencesError {
    /// The file could not be read or written.
    #[error("{path}: {reason}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// The file is not valid.
    #[error("{path} is not a valid preferences file: {reason}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
}

impl Preferences {
    /// The text scale as a factor, clamped to 1.0–2.0.
    pub fn scale_factor(&self) -> f32 {
        f32::from(self.text_scale.clamp(100, 200)) / 100.0
    }

    /// The per-user file: `$XDG_CONFIG_HOME/ferrum/accessibility.toml`
    /// (`~/.config/…` when unset).
    pub fn default_path() -> Option<PathBuf> {
        let base = std::env::var_os("XDG_CONFIG_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".config")))?;
        Some(base.join("ferrum").join("accessibility.toml"))
    }

    /// Reads preferences; a missing file is the defaults.
    pub fn load(path: &Path) -> Result<Self, PreferencesError> {
        let mut preferences: Self = load_file(path)?;
        preferences.text_scale = preferences.text_scale.clamp(100, 200);
        Ok(preferences)
    }

    /// Writes preferences atomically (temp file, then rename).
    pub fn save(&self, path: &Path) -> Result<(), PreferencesError> {
        save_file(self, path)
    }
}

/// Reads a per-user TOML settings file (these preferences, or a page's own
/// such as the Sound page's); a missing file is the defaults.
pub fn load_file<T: DeserializeOwned + Default>(path: &Path) -> Result<T, PreferencesError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(T::default());
        }
        Err(error) => {
            return Err(PreferencesError::Io {
                path: path.to_owned(),
                reason: error.to_string(),
            });
        }
    };
    toml::from_str(&text).map_err(|error| PreferencesError::Invalid {
        path: path.to_owned(),
        reason: error.message().to_owned(),
    })
}

/// Writes a per-user TOML settings file atomically (temp file, then rename).
pub fn save_file<T: Serialize>(value: &T, path: &Path) -> Result<(), PreferencesError> {
    let io = |error: std::io::Error| PreferencesError::Io {
        path: path.to_owned(),
        reason: error.to_string(),
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let text = toml::to_string(value).map_err(|error| PreferencesError::Invalid {
        path: path.to_owned(),
        reason: error.to_string(),
    })?;
    let temporary = path.with_extension("toml.tmp");
    std::fs::write(&temporary, text).map_err(io)?;
    std::fs::rename(&temporary, path).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ferrum/accessibility.toml");
        assert_eq!(Preferences::load(&path), Ok(Preferences::default()));
        let chosen = Preferences {
            self_voicing: true,
            high_contrast: true,
            text_scale: 175,
            reduced_motion: true,
            color_scheme: Some(ColorScheme::TimeOfDay),
            accent: Some(AccentColor::new(0x35, 0x84, 0xe4)),
            clock: Some(ClockFormat::TwelveHour),
        };
        chosen.save(&path).expect("saved");
        assert_eq!(Preferences::load(&path), Ok(chosen));
        let text = std::fs::read_to_string(&path).expect("read back");
        assert!(text.contains("clock = \"12-hour\""), "{text}");
        std::fs::write(&path, "clock = \"24-hour\"\n").expect("write");
        assert_eq!(
            Preferences::load(&path).map(|p| p.clock),
            Ok(Some(ClockFormat::TwentyFourHour))
        );
        assert_eq!(ClockFormat::of_language("en-US"), ClockFormat::TwelveHour);
        assert_eq!(ClockFormat::of_language("de"), ClockFormat::TwentyFourHour);
    }

    #[test]
    fn bad_files_are_explained_and_scales_clamped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("accessibility.toml");
        std::fs::write(&path, "high_contrast = \"yes\"").expect("write");
        assert!(matches!(
            Preferences::load(&path),
            Err(PreferencesError::Invalid { .. })
        ));
        std::fs::write(&path, "text_scale = 900").expect("write");
        assert_eq!(Preferences::load(&path).map(|p| p.text_scale), Ok(200));
        std::fs::write(&path, "accent = \"blue\"").expect("write");
        assert!(matches!(
            Preferences::load(&path),
            Err(PreferencesError::Invalid { .. })
        ));
    }

    #[test]
    fn files_from_before_the_appearance_fields_still_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("accessibility.toml");
        std::fs::write(
            &path,
            "self_voicing = false\nhigh_contrast = true\ntext_scale = 125\nreduced_motion = false\n",
        )
        .expect("write");
        let read = Preferences::load(&path).expect("read");
        assert!(read.high_contrast);
        assert_eq!((read.color_scheme, read.accent), (None, None));
        // Unset appearance fields are not written, so the file stays as it was.
        read.save(&path).expect("saved");
        let text = std::fs::read_to_string(&path).expect("read back");
        assert!(
            !text.contains("color_scheme") && !text.contains("accent") && !text.contains("clock")
        );
        std::fs::write(
            &path,
            "color_scheme = \"time-of-day\"\naccent = \"#E01B24\"\n",
        )
        .expect("write");
        let read = Preferences::load(&path).expect("read");
        assert_eq!(read.color_scheme, Some(ColorScheme::TimeOfDay));
        assert_eq!(read.accent, Some(AccentColor::new(0xe0, 0x1b, 0x24)));
    }

    #[test]
    fn accent_colours_parse_and_print() {
        assert_eq!(
            AccentColor::parse(" #3584E4 "),
            Ok(AccentColor::new(0x35, 0x84, 0xe4))
        );
        assert_eq!(
            AccentColor::parse("fff"),
            Ok(AccentColor::new(255, 255, 255))
        );
        for bad in ["", "#", "#12345", "#1234567", "#gg0000", "+12345", "#ééé"] {
            assert_eq!(
                AccentColor::parse(bad),
                Err(AccentColorError::NotHex),
                "{bad}"
            );
        }
        assert_eq!(AccentColor::new(0x35, 0x84, 0xe4).hex(), "#3584e4");
        assert_eq!(AccentColor::new(255, 0, 51).unit_rgb(), (1.0, 0.0, 0.2));
    }

    #[test]
    fn the_time_of_day_is_dark_from_seven_pm_to_seven_am() {
        let scheme = ColorScheme::TimeOfDay;
        assert!(scheme.is_dark_at(0) && scheme.is_dark_at(6) && scheme.is_dark_at(19));
        assert!(!scheme.is_dark_at(7) && !scheme.is_dark_at(18));
        assert!(ColorScheme::Dark.is_dark_at(12) && !ColorScheme::Light.is_dark_at(23));
        assert_eq!(seconds_to_next_switch(0), 7 * 3600);
        assert_eq!(seconds_to_next_switch(7 * 3600), 12 * 3600);
        assert_eq!(seconds_to_next_switch(19 * 3600 - 1), 1);
        assert_eq!(seconds_to_next_switch(23 * 3600), 8 * 3600);
    }
}
