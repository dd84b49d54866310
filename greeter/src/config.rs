//! `/etc/ferrum/greeter.toml`: what the administrator chose. A missing file is
//! the defaults; a broken one is the defaults plus a clear error to show — the
//! login screen always comes up.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The standard place of the file.
pub const DEFAULT_PATH: &str = "/etc/ferrum/greeter.toml";

/// The greeter's settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Desktop file id (without `.desktop`) of the session chosen when the
    /// user never picked one, e.g. `"sway"`.
    pub default_session: Option<String>,
    /// Hide the list of users (people type their user name).
    pub hide_user_list: bool,
    /// Background image.
    pub background: Option<PathBuf>,
    /// Keyboard layouts offered first (xkb names such as `"us"`, `"de"`).
    pub keyboard_layouts: Vec<String>,
    /// Where sessions are looked for.
    pub session_dirs: Vec<PathBuf>,
    /// Where the greeter remembers the last user and sessions.
    pub state_file: PathBuf,
    /// What starts when no desktop session is installed.
    pub fallback_command: Vec<String>,
    /// The machine's appearance defaults (colour scheme, accent, high
    /// contrast, text size): a preferences file in the person's format
    /// (see [`crate::appearance`]).
    pub appearance: PathBuf,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            default_session: None,
            hide_user_list: false,
            background: None,
            keyboard_layouts: vec!["us".into()],
            session_dirs: vec![
                PathBuf::from("/usr/share/wayland-sessions"),
                PathBuf::from("/usr/share/xsessions"),
            ],
            state_file: PathBuf::from("/var/lib/ferrum-greeter/state.toml"),
            fallback_command: vec![
                "cage".into(),
                "-s".into(),
                "--".into(),
                "ferrum-settings".into(),
            ],
            appearance: PathBuf::from(crate::appearance::DEFAULT_PATH),
        }
    }
}

/// Why the file could not be used (the defaults are used instead).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but cannot be read.
    #[error("{path}: {reason}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The file is not valid TOML or has unknown or mistyped settings.
    #[error("{path}: {reason}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong, with line and column.
        reason: String,
    },
}

impl Config {
    /// Reads the file: the config and, if it was unusable, why.
    pub fn load(path: &Path) -> (Config, Option<ConfigError>) {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return (Config::default(), None);
            }
            Err(error) => {
                return (
                    Config::default(),
                    Some(ConfigError::Unreadable {
                        path: path.to_owned(),
                        reason: error.to_string(),
                    }),
                );
            }
        };
        match toml::from_str::<Config>(&text) {
            Ok(config) => (config, None),
            Err(error) => (
                Config::default(),
                Some(ConfigError::Invalid {
                    path: path.to_owned(),
                    reason: error.to_string().trim().to_owned(),
                }),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("greeter.toml");
        std::fs::write(&path, text).expect("write");
        (dir, path)
    }

    #[test]
    fn missing_file_is_the_defaults() {
        let (config, error) = Config::load(Path::new("/nonexistent/greeter.toml"));
        assert_eq!(config, Config::default());
        assert_eq!(error, None);
    }

    #[test]
    fn settings_are_read() {
        let (_dir, path) = write(
            "default_session = \"sway\"\nhide_user_list = true\nkeyboard_layouts = [\"de\", \"us\"]\n",
        );
        let (config, error) = Config::load(&path);
        assert_eq!(error, None);
        assert_eq!(config.default_session.as_deref(), Some("sway"));
        assert!(config.hide_user_list);
        assert_eq!(
            config.keyboard_layouts,
            vec!["de".to_owned(), "us".to_owned()]
        );
    }

    #[test]
    fn the_machines_appearance_file_can_be_moved() {
        assert_eq!(
            Config::default().appearance,
            PathBuf::from("/etc/ferrum/appearance.toml")
        );
        let (_dir, path) = write("appearance = \"/usr/share/ferrum/appearance.toml\"\n");
        let (config, error) = Config::load(&path);
        assert_eq!(error, None);
        assert_eq!(
            config.appearance,
            PathBuf::from("/usr/share/ferrum/appearance.toml")
        );
    }

    #[test]
    fn a_bad_file_says_where_and_falls_back() {
        let (_dir, path) = write("hide_user_list = \"yes\"\n");
        let (config, error) = Config::load(&path);
        assert_eq!(config, Config::default());
        let message = error.expect("an error").to_string();
        assert!(message.contains("greeter.toml"), "{message}");
        assert!(message.contains("line 1"), "{message}");

        let (_dir, path) = write("hide_users = true\n");
        let (_, error) = Config::load(&path);
        assert!(
            error
                .expect("unknown key refused")
                .to_string()
                .contains("hide_users")
        );
    }
}
