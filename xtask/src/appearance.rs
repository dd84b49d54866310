//! The Appearance page for `demo` and `bench`. The page has no daemon: what it shows is the
//! preferences file the Accessibility page owns and `ferrum-portal` serves to every app
//! (`$XDG_CONFIG_HOME/ferrum/accessibility.toml`).
//!
//! - `demo`: `appearance-{light,dark}.png` are taken with the app started without `--theme`
//!   on a preferences file of their own ([`write_configs`]) that chose the style and an
//!   accent, so the window's style and accent are the page's own choices: light with the
//!   palette's teal, dark with the custom colour [`DARK_ACCENT`] typed.
//! - `bench`: with [`bench_env`] set, `panel-switch-bench` also measures About → Appearance.

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use crate::util::Result;

/// The Appearance page's slug.
pub const APPEARANCE: &str = "appearance";
/// The accent of the light shot: the palette's teal.
pub const LIGHT_ACCENT: &str = "#0f6e7a";
/// The accent of the dark shot: a colour of one's own (not in the palette).
pub const DARK_ACCENT: &str = "#2a7ab0";
/// The variable that tells `panel-switch-bench` to measure the switch to Appearance.
const BENCH_VARIABLE: &str = "FERRUM_BENCH_APPEARANCE";

/// The `XDG_CONFIG_HOME` of the shot in `theme` (`light` or `dark`), under `base`.
pub fn config_home(base: &Path, theme: &str) -> PathBuf {
    base.join(format!("{APPEARANCE}-{theme}"))
}

/// What the preferences file of the shot in `theme` holds.
pub fn preferences(theme: &str) -> String {
    let accent = if theme == "dark" {
        DARK_ACCENT
    } else {
        LIGHT_ACCENT
    };
    format!("color_scheme = \"{theme}\"\naccent = \"{accent}\"\n")
}

/// Writes the preferences of each of `themes` under `base` (a folder readable by uid 65534,
/// the app's user under headless sway), each in [`config_home`]`/ferrum/accessibility.toml`.
pub fn write_configs(base: &Path, themes: &[&str]) -> Result<()> {
    for theme in themes {
        let home = config_home(base, theme);
        let ferrum = home.join("ferrum");
        fs::create_dir_all(&ferrum)?;
        fs::write(ferrum.join("accessibility.toml"), preferences(theme))?;
        for dir in [&home, &ferrum] {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o755))?;
        }
    }
    Ok(())
}

/// The environment that makes `panel-switch-bench` measure About → Appearance.
pub fn bench_env() -> (&'static str, String) {
    (BENCH_VARIABLE, "1".to_owned())
}
