//! The Apps page's Flatpak for `demo` and `bench`: the apps bed ([`ferrum_testbed::apps`]: a
//! user and a system installation in a folder of its own and a GPG-signed repo on
//! 127.0.0.1), with its rich app installed for the person and its plain app for everyone, and
//! the rich app's version 2 (which asks for more) published, so the page offers an update
//! that is held until accepted. The bed's two remotes that exist for its failure tests (one
//! unreachable, one trusting another key) are removed. The app reaches the bed through
//! `FLATPAK_USER_DIR`, `FLATPAK_SYSTEM_DIR` and `FLATPAK_CONFIG_DIR`.
//!
//! For the demo a private session bus runs too, whose permission store holds a camera grant
//! for the rich app, so its permissions view lists a portal grant. The bed and that bus are
//! root's, so the demo's Apps shots run the app as root (the other shots run it as nobody).

use ferrum_testbed::apps::{
    AppsBed, PLAIN_ID, PLAIN_NAME, RICH_ID, RICH_NAME, UNREACHABLE_REMOTE, WRONG_KEY_REMOTE,
};
use ferrum_testbed::session_bus::SessionBus;

use crate::util::Result;

/// The Apps page's slug.
pub const APPS: &str = "apps";
/// The file stem of the demo's shots of one app's permissions.
pub const PERMISSIONS: &str = "app-permissions";
/// Keys typed on the Apps page, once: from nothing focused, Shift+Tab goes back from the
/// page's last control (Add source, the source's name and path, Search and its field, then
/// the rich app's Remove and Update) to the rich app's Permissions, and Return opens them.
pub const PERMISSIONS_KEYS: &[&[&str]] = &[&[
    "shift+Tab",
    "shift+Tab",
    "shift+Tab",
    "shift+Tab",
    "shift+Tab",
    "shift+Tab",
    "shift+Tab",
    "shift+Tab",
    "Return",
]];
/// The permission store's bus name (what `ferrum_services::apps` calls it).
const PERMISSION_STORE_BUS_NAME: &str = "org.freedesktop.impl.portal.PermissionStore";
/// The variable that tells `panel-switch-bench` the apps bed is there (it then measures the
/// switch to Apps).
const BENCH_VARIABLE: &str = "FERRUM_BENCH_APPS";
/// What of the bed's environment the app gets (not its `XDG_CONFIG_HOME` or
/// `XDG_RUNTIME_DIR`: the app's own).
const APP_ENV: [&str; 5] = [
    "FLATPAK_USER_DIR",
    "FLATPAK_SYSTEM_DIR",
    "FLATPAK_CONFIG_DIR",
    "XDG_CACHE_HOME",
    "GNUPGHOME",
];

/// The apps bed furnished for the demo or the bench, with the demo's session bus.
pub struct AppsDemo {
    /// Dropped after the session bus (field order).
    session: Option<SessionBus>,
    bed: AppsBed,
}

/// Starts and furnishes the apps bed; with `grants`, the session bus with the camera grant.
pub fn start(grants: bool) -> Result<AppsDemo> {
    let bed = AppsBed::start()?;
    for remote in [UNREACHABLE_REMOTE, WRONG_KEY_REMOTE] {
        bed.flatpak(&["remote-delete", "--user", "--force", remote])?;
    }
    bed.install("--user", RICH_ID)?;
    bed.install("--system", PLAIN_ID)?;
    bed.publish_rich_v2()?;
    let session = if grants {
        let session = SessionBus::start()?;
        let output = session
            .busctl()
            .args([
                "call",
                PERMISSION_STORE_BUS_NAME,
                "/org/freedesktop/impl/portal/PermissionStore",
                "org.freedesktop.impl.portal.PermissionStore",
                "SetPermission",
                "sbssas",
                "devices",
                "true",
                "camera",
                RICH_ID,
                "1",
                "yes",
            ])
            .output()?;
        if !output.status.success() {
            return Err(format!(
                "writing the camera grant to the permission store: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            )
            .into());
        }
        Some(session)
    } else {
        None
    };
    Ok(AppsDemo { session, bed })
}

impl AppsDemo {
    /// The app's environment: the bed's installations, and the session bus when there is one.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        let mut env: Vec<(&'static str, String)> = self
            .bed
            .env()
            .into_iter()
            .filter(|(name, _)| APP_ENV.contains(name))
            .map(|(name, path)| (name, path.display().to_string()))
            .collect();
        if let Some(session) = &self.session {
            env.push(("DBUS_SESSION_BUS_ADDRESS", session.address().to_owned()));
        }
        env
    }

    /// `panel-switch-bench`'s environment: [`AppsDemo::env`] and the variable saying the bed
    /// is there.
    pub fn bench_env(&self) -> Vec<(&'static str, String)> {
        let mut env = self.env();
        env.push((BENCH_VARIABLE, "1".to_owned()));
        env
    }
}

/// What the demo's (`grants`: with the session bus) and the bench's Flatpak shows, for the
/// reports.
pub fn describe(grants: bool) -> String {
    let mut described = format!(
        "the apps bed's Flatpak (FLATPAK_USER_DIR, FLATPAK_SYSTEM_DIR): {RICH_NAME} 1.0 for the \
         person with 2.0, which asks for more, offered by the bed's GPG-signed repo on \
         127.0.0.1; {PLAIN_NAME} for everyone"
    );
    if grants {
        described.push_str(
            "; for the permissions, a camera grant in a private session bus's permission store",
        );
    }
    described
}
