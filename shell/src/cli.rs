//! Command-line arguments: `ferrum-settings [PANEL] [--theme light|dark]`.

use ferrum_ui::theme::ThemeChoice;

/// What the command line asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The panel to open, as typed (checked against the registry by the app).
    pub panel: Option<String>,
    /// The theme to start with.
    pub theme: Option<ThemeChoice>,
    /// Print usage and exit.
    pub help: bool,
    /// Print the panel names and exit.
    pub list_panels: bool,
    /// Where accessibility preferences live (default: per user, see
    /// `Preferences::default_path`).
    pub preferences: Option<std::path::PathBuf>,
    /// The speech-dispatcher socket for self-voicing (default: the user's).
    pub speech_socket: Option<std::path::PathBuf>,
}

/// A command line the app cannot follow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CliError {
    /// `--theme` needs `light` or `dark`.
    #[error("--theme takes \"light\" or \"dark\", not {0:?}")]
    BadTheme(String),
    /// An option the app does not know.
    #[error("unknown option {0:?}")]
    UnknownOption(String),
    /// More than one panel named.
    #[error("only one panel can be opened, got {0:?} and {1:?}")]
    TwoPanels(String, String),
}

/// Usage text (the command line is for developers and scripts; not translated).
pub const USAGE: &str = "usage: ferrum-settings [PANEL] [--theme light|dark] [--list-panels]";

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Options, CliError> {
    let mut options = Options::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => options.help = true,
            "--list-panels" => options.list_panels = true,
            "--theme" => {
                let value = args.next().unwrap_or_default();
                options.theme = Some(parse_theme(&value)?);
            }
            other if other.starts_with("--theme=") => {
                options.theme = Some(parse_theme(&other["--theme=".len()..])?);
            }
            other if other.starts_with('-') => {
                return Err(CliError::UnknownOption(other.to_owned()));
            }
            panel => {
                if let Some(first) = &options.panel {
                    return Err(CliError::TwoPanels(first.clone(), panel.to_owned()));
                }
                options.panel = Some(panel.to_owned());
            }
        }
    }
    Ok(options)
}

fn parse_theme(value: &str) -> Result<ThemeChoice, CliError> {
    match value {
        "light" => Ok(ThemeChoice::Light),
        "dark" => Ok(ThemeChoice::Dark),
        other => Err(CliError::BadTheme(other.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn panel_and_theme() {
        let options = parse(args(&["power", "--theme", "dark"])).expect("valid");
        assert_eq!(options.panel.as_deref(), Some("power"));
        assert_eq!(options.theme, Some(ThemeChoice::Dark));
        let options = parse(args(&["--theme=light"])).expect("valid");
        assert_eq!(options.theme, Some(ThemeChoice::Light));
    }

    #[test]
    fn mistakes_are_explained() {
        assert_eq!(
            parse(args(&["--theme", "pink"])),
            Err(CliError::BadTheme("pink".into()))
        );
        assert_eq!(
            parse(args(&["--frobnicate"])),
            Err(CliError::UnknownOption("--frobnicate".into()))
        );
        assert!(matches!(
            parse(args(&["power", "about"])),
            Err(CliError::TwoPanels(..))
        ));
    }
}
