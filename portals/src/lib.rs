//! `ferrum-portal`: Ferrum's own xdg-desktop-portal backend.
//!
//! Apps (Flatpak ones above all) learn the person's appearance choices only through the portal
//! frontend's `org.freedesktop.portal.Settings`, which forwards to the backend a
//! `<desktop>-portals.conf` (or, before xdg-desktop-portal 1.17, a `.portal` file's `UseIn=`)
//! names for `org.freedesktop.impl.portal.Settings`. This crate is that backend for the
//! `org.freedesktop.appearance` namespace:
//!
//! | key | type | from [`Preferences`] |
//! |---|---|---|
//! | `color-scheme` | `u` 0 no preference / 1 dark / 2 light | `color_scheme` (the time of day resolved now) |
//! | `accent-color` | `(ddd)` sRGB 0–1 | `accent`; unset is (-1, -1, -1), out of range, which the spec reads as unset |
//! | `contrast` | `u` 0 normal / 1 higher | `high_contrast` |
//! | `reduced-motion` | `u` 0 no preference / 1 reduced | `reduced_motion` |
//!
//! The values come from the one preferences file the shell writes
//! (`$XDG_CONFIG_HOME/ferrum/accessibility.toml`, [`Preferences::default_path`]). [`watch`]
//! follows it with inotify on its folder (the shell replaces it by renaming a temporary file
//! over it), never by polling; [`settings::serve`] re-reads it after each burst of events and
//! emits `SettingChanged` only for keys whose value changed. A file that does not read is the
//! defaults, logged. A colour scheme that follows the time of day is re-resolved by a timer set
//! for the next switch (07:00 or 19:00 local time).

use std::collections::HashMap;

use ferrum_accessibility::Preferences;
use zbus::zvariant::{Structure, Value};

pub mod settings;
pub mod watch;

/// The backend's bus name (the `.portal` file's `DBusName`).
pub const BUS_NAME: &str = "org.freedesktop.impl.portal.desktop.ferrum";
/// Where every portal backend serves its interfaces.
pub const OBJECT_PATH: &str = "/org/freedesktop/portal/desktop";
/// The one namespace served.
pub const NAMESPACE: &str = "org.freedesktop.appearance";
/// The interface version served (`version` property).
pub const VERSION: u32 = 2;
/// The keys served, in the order `ReadAll` lists them.
pub const KEYS: [&str; 4] = ["color-scheme", "accent-color", "contrast", "reduced-motion"];

/// What the portal tells apps, resolved from the preferences at one moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Appearance {
    /// 0 no preference, 1 dark, 2 light.
    pub color_scheme: u32,
    /// sRGB 0–1; `None` is sent as (-1, -1, -1).
    pub accent: Option<(f64, f64, f64)>,
    /// 0 normal, 1 higher.
    pub contrast: u32,
    /// 0 no preference, 1 reduced.
    pub reduced_motion: u32,
}

impl Default for Appearance {
    fn default() -> Self {
        Self::from_preferences(&Preferences::default(), 12)
    }
}

impl Appearance {
    /// The appearance of `preferences` at `hour` (0–23, local time).
    pub fn from_preferences(preferences: &Preferences, hour: i8) -> Self {
        Self {
            color_scheme: match preferences.color_scheme {
                None => 0,
                Some(scheme) if scheme.is_dark_at(hour) => 1,
                Some(_) => 2,
            },
            accent: preferences.accent.map(|accent| accent.unit_rgb()),
            contrast: u32::from(preferences.high_contrast),
            reduced_motion: u32::from(preferences.reduced_motion),
        }
    }

    /// The value of `key` (one of [`KEYS`]), as sent on the bus.
    pub fn value(&self, key: &str) -> Option<Value<'static>> {
        Some(match key {
            "color-scheme" => Value::U32(self.color_scheme),
            "accent-color" => {
                let (red, green, blue) = self.accent.unwrap_or((-1.0, -1.0, -1.0));
                Value::Structure(Structure::from((red, green, blue)))
            }
            "contrast" => Value::U32(self.contrast),
            "reduced-motion" => Value::U32(self.reduced_motion),
            _ => return None,
        })
    }

    /// Every key with its value.
    pub fn entries(&self) -> HashMap<String, Value<'static>> {
        KEYS.iter()
            .filter_map(|key| Some(((*key).to_owned(), self.value(key)?)))
            .collect()
    }

    /// The keys whose value differs in `newer`.
    pub fn changed_keys(&self, newer: &Appearance) -> Vec<&'static str> {
        KEYS.into_iter()
            .filter(|key| self.value(key) != newer.value(key))
            .collect()
    }
}

/// Whether `namespace` is asked for by `patterns` (`ReadAll`'s argument): an empty list or
/// an empty pattern matches everything, a pattern ending in `*` matches by prefix, any other
/// exactly.
pub fn namespace_matches(namespace: &str, patterns: &[String]) -> bool {
    patterns.is_empty()
        || patterns.iter().any(|pattern| {
            pattern.is_empty()
                || pattern == namespace
                || pattern
                    .strip_suffix('*')
                    .is_some_and(|prefix| namespace.starts_with(prefix))
        })
}

/// Reads the preferences at `path`; a missing file is the defaults, and so is one that does
/// not read (logged as a warning: the portal keeps answering).
pub fn load_preferences(path: &std::path::Path) -> Preferences {
    match Preferences::load(path) {
        Ok(preferences) => preferences,
        Err(error) => {
            tracing::warn!(%error, "preferences unreadable; serving the defaults");
            Preferences::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ferrum_accessibility::preferences::{AccentColor, ColorScheme};

    #[test]
    fn preferences_become_portal_values() {
        let defaults = Appearance::default();
        assert_eq!(defaults.value("color-scheme"), Some(Value::U32(0)));
        assert_eq!(
            defaults.value("accent-color"),
            Some(Value::Structure(Structure::from((-1.0, -1.0, -1.0))))
        );
        let chosen = Preferences {
            color_scheme: Some(ColorScheme::TimeOfDay),
            accent: Some(AccentColor::new(255, 0, 51)),
            high_contrast: true,
            reduced_motion: true,
            ..Preferences::default()
        };
        let night = Appearance::from_preferences(&chosen, 22);
        let day = Appearance::from_preferences(&chosen, 9);
        assert_eq!((night.color_scheme, day.color_scheme), (1, 2));
        assert_eq!(night.accent, Some((1.0, 0.0, 0.2)));
        assert_eq!((night.contrast, night.reduced_motion), (1, 1));
        assert_eq!(night.entries().len(), 4);
        assert_eq!(night.value("nope"), None);
    }

    #[test]
    fn only_changed_keys_are_announced() {
        let before = Appearance::default();
        assert!(before.changed_keys(&before).is_empty());
        let after = Appearance {
            color_scheme: 1,
            contrast: 1,
            ..before
        };
        assert_eq!(
            before.changed_keys(&after),
            vec!["color-scheme", "contrast"]
        );
        let accent = Appearance {
            accent: Some((0.1, 0.2, 0.3)),
            ..before
        };
        assert_eq!(before.changed_keys(&accent), vec!["accent-color"]);
    }

    #[test]
    fn namespaces_match_as_the_spec_globs() {
        let patterns = |list: &[&str]| list.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>();
        assert!(namespace_matches(NAMESPACE, &[]));
        assert!(namespace_matches(NAMESPACE, &patterns(&[""])));
        assert!(namespace_matches(
            NAMESPACE,
            &patterns(&["org.freedesktop.*"])
        ));
        assert!(namespace_matches(
            NAMESPACE,
            &patterns(&["org.freedesktop.appearance"])
        ));
        assert!(!namespace_matches(NAMESPACE, &patterns(&["org.gnome.*"])));
        assert!(!namespace_matches(
            NAMESPACE,
            &patterns(&["org.freedesktop.appearanc"])
        ));
    }

    #[test]
    fn a_malformed_file_is_the_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("accessibility.toml");
        std::fs::write(&path, "color_scheme = [[[").expect("write");
        assert_eq!(load_preferences(&path), Preferences::default());
    }
}
