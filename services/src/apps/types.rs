//! The plain data the Apps service hands out: no libflatpak type leaves the module.

use std::path::PathBuf;

use super::error::AppsError;
use super::permissions::Permissions;

/// Which Flatpak installation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InstallationKind {
    /// The person's own (`~/.local/share/flatpak`, or `FLATPAK_USER_DIR`).
    User,
    /// The machine's (`/var/lib/flatpak`, or `FLATPAK_SYSTEM_DIR`); changes need polkit's
    /// yes through Flatpak's system helper unless run as root.
    System,
}

/// Where the two installations are, and where apps keep their data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installations {
    /// The user installation's folder.
    pub user: PathBuf,
    /// The system installation's folder.
    pub system: PathBuf,
    /// Where apps keep their data, one folder per app id (`~/.var/app`): what "also delete its
    /// data" removes.
    pub app_data: PathBuf,
    /// The person's home folder (`HOME`): where a typed `~/…` or relative path points.
    pub home: PathBuf,
    /// The person's runtime folder (`XDG_RUNTIME_DIR`, else `/run/user/<uid>`), where
    /// `flatpak run` records the instances that run (`.flatpak/<instance>/`).
    pub runtime_dir: PathBuf,
}

impl Installations {
    /// The installations Flatpak itself uses: `FLATPAK_USER_DIR` (else
    /// `$XDG_DATA_HOME/flatpak`, else `~/.local/share/flatpak`), `FLATPAK_SYSTEM_DIR` (else
    /// `/var/lib/flatpak`), and `~/.var/app` for data.
    pub fn from_env() -> Self {
        Self::from_vars(|name| std::env::var_os(name))
    }

    /// [`Installations::from_env`] with the variables from `var`.
    fn from_vars(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Self {
        let var = |name: &str| {
            var(name)
                .filter(|value| !value.is_empty())
                .map(PathBuf::from)
        };
        let home = var("HOME").unwrap_or_else(|| PathBuf::from("/"));
        let user = var("FLATPAK_USER_DIR").unwrap_or_else(|| {
            var("XDG_DATA_HOME")
                .unwrap_or_else(|| home.join(".local/share"))
                .join("flatpak")
        });
        let system = var("FLATPAK_SYSTEM_DIR").unwrap_or_else(|| PathBuf::from("/var/lib/flatpak"));
        let runtime_dir = var("XDG_RUNTIME_DIR").unwrap_or_else(default_runtime_dir);
        Self::at(user, system, home).with_runtime_dir(runtime_dir)
    }

    /// Installations at chosen folders (tests, other roots), for the person whose home folder
    /// is `home` (apps' data in its `.var/app`).
    pub fn at(
        user: impl Into<PathBuf>,
        system: impl Into<PathBuf>,
        home: impl Into<PathBuf>,
    ) -> Self {
        let home = home.into();
        let runtime_dir = std::env::var_os("XDG_RUNTIME_DIR")
            .filter(|value| !value.is_empty())
            .map_or_else(default_runtime_dir, PathBuf::from);
        Self {
            user: user.into(),
            system: system.into(),
            app_data: home.join(".var/app"),
            home,
            runtime_dir,
        }
    }

    /// The same installations, for a person whose runtime folder (where `flatpak run`
    /// records what runs) is `runtime_dir`.
    #[must_use]
    pub fn with_runtime_dir(mut self, runtime_dir: impl Into<PathBuf>) -> Self {
        self.runtime_dir = runtime_dir.into();
        self
    }

    /// The folder of one installation.
    pub fn path(&self, kind: InstallationKind) -> &PathBuf {
        match kind {
            InstallationKind::User => &self.user,
            InstallationKind::System => &self.system,
        }
    }
}

/// `/run/user/<uid>`: the runtime folder when `XDG_RUNTIME_DIR` is not set.
fn default_runtime_dir() -> PathBuf {
    PathBuf::from(format!("/run/user/{}", rustix::process::getuid().as_raw()))
}

/// One app (a Flatpak ref of kind app) in one installation, or to be installed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AppRef {
    /// The installation.
    pub installation: InstallationKind,
    /// The app id (`org.gnome.Maps`).
    pub id: String,
    /// The architecture (`x86_64`).
    pub arch: String,
    /// The branch (`stable`).
    pub branch: String,
}

impl AppRef {
    /// Flatpak's full ref, `app/<id>/<arch>/<branch>`.
    pub fn full_ref(&self) -> String {
        format!("app/{}/{}/{}", self.id, self.arch, self.branch)
    }
}

/// An installed app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstalledApp {
    /// Which app, where.
    pub app: AppRef,
    /// Its name from its AppStream data, else its id.
    pub name: String,
    /// Its one-line summary from its AppStream data.
    pub summary: Option<String>,
    /// Its version from its AppStream data (Flatpak itself has none).
    pub version: Option<String>,
    /// The remote it came from.
    pub origin: String,
    /// The runtime it runs on (`org.gnome.Platform/x86_64/46`).
    pub runtime: Option<String>,
    /// Bytes on disk.
    pub installed_size: u64,
    /// What its metadata asks for (overrides not applied).
    pub permissions: Permissions,
    /// The deployed commit.
    pub commit: Option<String>,
}

/// The installed apps of both installations, sorted by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// Every installed app.
    pub apps: Vec<InstalledApp>,
}

/// A configured remote (a source of apps).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    /// The installation it belongs to.
    pub installation: InstallationKind,
    /// Its name (`flathub`).
    pub name: String,
    /// Its title, when it has one.
    pub title: Option<String>,
    /// Its URL.
    pub url: Option<String>,
    /// Whether what comes from it must be signed by its key (Ferrum never turns it off).
    pub gpg_verify: bool,
    /// Whether it is disabled.
    pub disabled: bool,
}

/// An app a remote offers, with what it asks for, before it is installed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteApp {
    /// Which app, and the installation it would go into.
    pub app: AppRef,
    /// The remote.
    pub remote: String,
    /// Its name from the remote's AppStream catalogue, else its id.
    pub name: String,
    /// Its one-line summary from the catalogue.
    pub summary: Option<String>,
    /// Its version from the catalogue.
    pub version: Option<String>,
    /// Bytes to download.
    pub download_size: u64,
    /// Bytes once installed.
    pub installed_size: u64,
    /// What its metadata asks for.
    pub permissions: Permissions,
    /// Whether this installation has it already.
    pub installed: bool,
}

/// An installed app whose remote has a newer commit, with what the new one asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvailableUpdate {
    /// The installed app.
    pub app: AppRef,
    /// The remote it comes from.
    pub remote: String,
    /// The commit the update brings ([`Action::Update`] takes it).
    pub commit: String,
    /// Bytes to download (at most: ostree fetches only what changed).
    pub download_size: u64,
    /// What the new version's metadata asks for.
    pub permissions: Permissions,
    /// What it asks for beyond the installed version ([`Permissions::added_in`]); empty when
    /// the update widens nothing.
    pub added: Permissions,
}

impl AvailableUpdate {
    /// Whether the update asks for more than the installed version (the page holds it back
    /// until the person accepts).
    pub fn widens_permissions(&self) -> bool {
        !self.added.is_empty()
    }
}

/// A change of installed apps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Install an app (and the runtime it needs) from a remote.
    Install {
        /// The app and the installation it goes into.
        app: AppRef,
        /// The remote to take it from.
        remote: String,
    },
    /// Update an installed app (and its runtime).
    Update {
        /// The app.
        app: AppRef,
        /// The commit to update to: the one [`AvailableUpdate::commit`] named, whose
        /// permissions the person saw (a newer one published meanwhile is not taken); `None`
        /// for the remote's latest.
        commit: Option<String>,
    },
    /// Remove an installed app; with `delete_data` also its folder in
    /// [`Installations::app_data`].
    Uninstall {
        /// The app.
        app: AppRef,
        /// Also delete `~/.var/app/<id>`.
        delete_data: bool,
    },
}

impl Action {
    /// The app the action is about.
    pub fn app(&self) -> &AppRef {
        match self {
            Action::Install { app, .. }
            | Action::Update { app, .. }
            | Action::Uninstall { app, .. } => app,
        }
    }
}

/// What a step of a transaction does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// Installs a ref.
    Install,
    /// Updates a ref.
    Update,
    /// Removes a ref.
    Uninstall,
}

/// One step (operation) of a transaction: installing the runtime, then the app, …
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// 1-based position.
    pub index: usize,
    /// How many steps the transaction has.
    pub count: usize,
    /// What it does.
    pub kind: StepKind,
    /// The full ref it works on (`runtime/org.gnome.Platform/x86_64/46`).
    pub reference: String,
    /// Bytes it downloads (0 for removals).
    pub download_size: u64,
}

/// libflatpak's transaction progress within a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The step (1-based).
    pub step: usize,
    /// How many steps.
    pub steps: usize,
    /// Percent of this step, 0–100.
    pub percent: u8,
    /// Bytes downloaded so far in this step.
    pub bytes_transferred: u64,
    /// Whether the percentage is still a guess.
    pub estimating: bool,
}

/// What an [`super::Operation`] yields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OperationEvent {
    /// A step started.
    Step(Step),
    /// Progress within the current step.
    Progress(Progress),
    /// A step finished.
    StepDone {
        /// Its 1-based position.
        index: usize,
    },
    /// An update or removal went through while the app runs: `instances` of it (as `flatpak
    /// ps` lists them) keep running the files they started with — Flatpak keeps the old
    /// deploy (in the installation's `.removed/`) until the last one ends — so the update
    /// takes effect, or the app is gone, once they are closed. Comes just before
    /// `Finished(Ok(()))`.
    StillRunning {
        /// How many instances of the app run.
        instances: usize,
    },
    /// The transaction ended; the last item of the stream.
    Finished(Result<(), AppsError>),
}

/// What [`super::Apps::watch`] yields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Update {
    /// The installed apps, at start and after each change (bursts coalesced).
    Installed(Snapshot),
    /// Reading failed.
    Failed(AppsError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installations_follow_flatpaks_variables() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| std::ffi::OsString::from(value))
            }
        };
        let defaults = Installations::from_vars(vars(&[("HOME", "/home/ada")]));
        assert_eq!(
            defaults,
            Installations::at(
                "/home/ada/.local/share/flatpak",
                "/var/lib/flatpak",
                "/home/ada"
            )
        );
        let xdg = Installations::from_vars(vars(&[
            ("HOME", "/home/ada"),
            ("XDG_DATA_HOME", "/data"),
            ("FLATPAK_SYSTEM_DIR", ""),
        ]));
        assert_eq!(xdg.user, PathBuf::from("/data/flatpak"));
        assert_eq!(xdg.system, PathBuf::from("/var/lib/flatpak"));
        let chosen = Installations::from_vars(vars(&[
            ("HOME", "/home/ada"),
            ("XDG_DATA_HOME", "/data"),
            ("FLATPAK_USER_DIR", "/u"),
            ("FLATPAK_SYSTEM_DIR", "/s"),
        ]));
        assert_eq!(chosen.path(InstallationKind::User), &PathBuf::from("/u"));
        assert_eq!(chosen.path(InstallationKind::System), &PathBuf::from("/s"));
    }
}
