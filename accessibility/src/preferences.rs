//! The user's accessibility preferences, persisted per user in
//! `$XDG_CONFIG_HOME/ferrum/accessibility.toml` and read before the first
//! frame, so the app never flashes the default look.

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
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            self_voicing: false,
            high_contrast: false,
            text_scale: 100,
            reduced_motion: false,
        }
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
        };
        chosen.save(&path).expect("saved");
        assert_eq!(Preferences::load(&path), Ok(chosen));
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
    }
}
