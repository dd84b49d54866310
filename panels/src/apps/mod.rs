//! The Apps page: the Flatpak apps of the person's and the machine's installations (name,
//! icon, version, origin, installed size, data size) with Open, Remove (optionally with their
//! data) and Update (one, or all) with a progress bar that can be cancelled; installing from
//! the configured remotes, an app's summary, download size and the permissions it asks for
//! shown before Install; the remotes, and adding one from a `.flatpakrepo` file; one app's
//! permissions merged the way Flatpak merges them with a tri-state choice each, written as
//! the person's own override, and the portal grants the permission store keeps, with Revoke.
//! An update that asks for more than the installed version is held back with a dialog that
//! lists what is new until the person accepts it.
//!
//! Everything goes through `ferrum_services::apps` ([`Flatpak`] holds the service, created on
//! first use). Changes run one at a time ([`run::Run`]); their progress comes through a
//! subscription keyed by the operation ([`run::Running`]).

mod describe;
pub mod merge;
pub mod run;
pub mod sample;
mod view;

use std::collections::VecDeque;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use ferrum_i18n::fl;
use ferrum_services::SystemBus;
use ferrum_services::apps::{
    self, AppRef, Apps, AppsError, AvailableUpdate, InstallationKind, Installations, InstalledApp,
    OperationEvent, Overrides, Permissions, PortalGrant, Remote, RemoteApp, Snapshot, Update,
};
use futures::StreamExt;
use iced::widget::image::Handle;
use iced::{Element, Subscription};

use ferrum_ui::Effect;
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;

use crate::ids;
use crate::page::{Context, Outcome, Page, PageRequest};

pub use describe::{
    add_remote_error_text, ended_text, error_sentence, grant_text, installation_text, job_text,
    permission_lines, permission_text, progress_name, source_text, step_text,
};
pub use merge::{Choice, Key, Layer, Row};
pub use run::{Ended, Job, Moved, Run, Running};

/// The side of an app's icon as decoded (drawn at 48 px, twice for HiDPI).
pub const ICON_SIDE: u32 = 96;

/// The largest `.flatpakrepo` file read (they hold a title, a URL and a key: a few KiB).
pub const MAX_FLATPAKREPO_BYTES: u64 = 1024 * 1024;

/// Where the page's Flatpak lives: the installations, the session bus (the permission
/// store's), and the service, started on first use and shared by every clone.
#[derive(Clone)]
pub struct Flatpak {
    installations: Installations,
    session: SystemBus,
    service: Arc<Mutex<Option<Apps>>>,
}

impl Flatpak {
    /// Flatpak's own installations ([`Installations::from_env`]) and the session bus
    /// (`DBUS_SESSION_BUS_ADDRESS`, else `$XDG_RUNTIME_DIR/bus`).
    pub fn from_env() -> Self {
        let session = std::env::var("DBUS_SESSION_BUS_ADDRESS")
            .ok()
            .filter(|address| !address.is_empty())
            .or_else(|| {
                std::env::var("XDG_RUNTIME_DIR")
                    .ok()
                    .filter(|dir| !dir.is_empty())
                    .map(|dir| format!("unix:path={dir}/bus"))
            })
            .unwrap_or_else(|| "unix:path=/nonexistent/session-bus".to_owned());
        Self::at(Installations::from_env(), &session)
    }

    /// Chosen installations and session bus (tests, samples).
    pub fn at(installations: Installations, session_bus_address: &str) -> Self {
        Self {
            installations,
            // `SystemBus` is a lazily opened connection to a bus by address: here, the
            // session bus.
            session: SystemBus::with_address(session_bus_address),
            service: Arc::new(Mutex::new(None)),
        }
    }

    /// The installations.
    pub fn installations(&self) -> &Installations {
        &self.installations
    }

    /// The service, started on first use (again after it could not start).
    pub fn service(&self) -> Result<Apps, AppsError> {
        let mut slot = self.service.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(apps) = slot.as_ref() {
            return Ok(apps.clone());
        }
        let apps = Apps::new(self.installations.clone())?;
        *slot = Some(apps.clone());
        Ok(apps)
    }

    async fn session(&self) -> Result<zbus::Connection, AppsError> {
        self.session
            .connection()
            .await
            .map_err(|failure| AppsError::PermissionStoreUnavailable {
                detail: failure.to_string().into(),
            })
    }
}

impl std::fmt::Debug for Flatpak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Flatpak")
            .field("installations", &self.installations)
            .field("session", &self.session.address())
            .finish()
    }
}

impl PartialEq for Flatpak {
    fn eq(&self, other: &Self) -> bool {
        self.installations == other.installations && self.session == other.session
    }
}

impl Hash for Flatpak {
    fn hash<H: Hasher>(&self, state: &mut H) {
        "apps".hash(state);
        self.installations.user.hash(state);
        self.installations.system.hash(state);
        self.installations.app_data.hash(state);
    }
}

/// Something read once and kept: loading, read, or why not.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Loaded<T> {
    /// Not read yet.
    #[default]
    Loading,
    /// Read.
    Ready(T),
    /// Reading failed.
    Failed(AppsError),
}

impl<T> Loaded<T> {
    /// What was read.
    pub fn ready(&self) -> Option<&T> {
        match self {
            Loaded::Ready(value) => Some(value),
            _ => None,
        }
    }
}

impl<T> From<Result<T, AppsError>> for Loaded<T> {
    fn from(result: Result<T, AppsError>) -> Self {
        match result {
            Ok(value) => Loaded::Ready(value),
            Err(error) => Loaded::Failed(error),
        }
    }
}

/// An app a remote offers: which remote, which app (and the installation it would go into).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Offer {
    /// The remote.
    pub remote: String,
    /// The app.
    pub app: AppRef,
}

impl Offer {
    /// The offer of a search result.
    pub fn of(found: &RemoteApp) -> Self {
        Self {
            remote: found.remote.clone(),
            app: found.app.clone(),
        }
    }
}

/// A remote that could not be searched, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchFailure {
    /// The remote.
    pub remote: Remote,
    /// Why.
    pub error: AppsError,
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Found {
    /// The apps, from every remote that answered.
    pub apps: Vec<RemoteApp>,
    /// The remotes that did not.
    pub failures: Vec<SearchFailure>,
}

/// The install part of the page: the search and what it found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Search {
    /// What is typed.
    pub query: String,
    /// Searching now.
    pub searching: bool,
    /// What the last search found (its query, its results).
    pub found: Option<(String, Found)>,
    /// The found app whose details are shown.
    pub selected: Option<Offer>,
}

impl Search {
    /// The details of the selected app.
    pub fn selected_app(&self) -> Option<&RemoteApp> {
        let selected = self.selected.as_ref()?;
        self.found
            .as_ref()?
            .1
            .apps
            .iter()
            .find(|found| Offer::of(found) == *selected)
    }
}

/// The "remove this app?" dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    /// The app.
    pub app: AppRef,
    /// Its name as shown.
    pub name: String,
    /// "Also delete its data" is on.
    pub delete_data: bool,
}

/// What the page knows of the available updates.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Updates {
    /// Not checked yet.
    #[default]
    Unknown,
    /// Checking now.
    Checking,
    /// Checked: the updates of both installations.
    Known(Vec<AvailableUpdate>),
    /// Checking failed.
    Failed(AppsError),
}

impl Updates {
    /// The update for `app`, when one is known.
    pub fn for_app(&self, app: &AppRef) -> Option<&AvailableUpdate> {
        match self {
            Updates::Known(updates) => updates.iter().find(|update| update.app == *app),
            _ => None,
        }
    }
}

/// One app's permissions, open as a view of their own.
#[derive(Debug, Clone, PartialEq)]
pub struct PermissionsView {
    /// The app.
    pub app: AppRef,
    /// Its name as shown.
    pub name: String,
    /// What its metadata asks for.
    pub permissions: Permissions,
    /// The override layers.
    pub overrides: Loaded<Overrides>,
    /// Its portal grants.
    pub grants: Loaded<Vec<PortalGrant>>,
    /// An override is being written (choices wait).
    pub writing: bool,
    /// The last write that failed.
    pub write_error: Option<AppsError>,
}

impl PermissionsView {
    /// The rows, once the overrides are read.
    pub fn rows(&self) -> Option<Vec<Row>> {
        self.overrides
            .ready()
            .map(|overrides| merge::rows(&self.permissions, overrides, self.app.installation))
    }
}

/// An app's data size and icon, read off the UI thread.
#[derive(Debug, Clone)]
pub struct Described {
    /// The app.
    pub app: AppRef,
    /// Bytes in its data folder.
    pub data_size: Result<u64, AppsError>,
    /// Its icon, when it exports one.
    pub icon: Option<Handle>,
}

/// Why a remote was not added.
#[derive(Debug, Clone, PartialEq)]
pub enum AddRemoteError {
    /// No path was typed.
    NoPath,
    /// The file could not be read (the technical text).
    Unreadable(Arc<str>),
    /// The file is bigger than [`MAX_FLATPAKREPO_BYTES`].
    TooLarge,
    /// The service refused it (no key, a name taken, …).
    Apps(AppsError),
}

/// The "add a remote" form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AddRemote {
    /// The `.flatpakrepo` file's path, as typed.
    pub path: String,
    /// The name to give it (empty: from the file's name).
    pub name: String,
    /// Being added.
    pub adding: bool,
    /// Why the last one was not added.
    pub error: Option<AddRemoteError>,
}

/// A sentence about something that went well, until the next change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A remote was added (its name).
    RemoteAdded(String),
}

/// The page's state.
#[derive(Debug, Clone)]
pub struct State {
    flatpak: Flatpak,
    /// The installed apps.
    pub installed: ServiceStatus<Snapshot, AppsError>,
    /// Data sizes read, by app.
    pub data_sizes: Vec<(AppRef, Result<u64, AppsError>)>,
    /// Icons decoded, by app.
    pub icons: Vec<(AppRef, Handle)>,
    /// The remotes.
    pub remotes: Loaded<Vec<Remote>>,
    /// The available updates.
    pub updates: Updates,
    /// The change under way.
    pub run: Run,
    /// Changes waiting for the one under way.
    pub queue: VecDeque<Job>,
    /// How the last changes ended, until closed.
    pub ended: Vec<Ended>,
    /// Updates that ask for more, waiting for the person's yes (the first is asked).
    pub held: Vec<AvailableUpdate>,
    /// The remove dialog.
    pub removal: Option<Removal>,
    /// The search.
    pub search: Search,
    /// One app's permissions.
    pub permissions: Option<PermissionsView>,
    /// The add-remote form.
    pub add_remote: AddRemote,
    /// The last thing that went well.
    pub note: Option<Note>,
    /// The last failure of Open.
    pub error: Option<ErrorReport>,
    next_id: u64,
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The watch: the installed apps, or why they cannot be read.
    Watched(Update),
    /// The remotes and the updates were read.
    Refreshed {
        /// The remotes.
        remotes: Result<Vec<Remote>, AppsError>,
        /// The updates of both installations.
        updates: Result<Vec<AvailableUpdate>, AppsError>,
    },
    /// Data sizes and icons were read.
    Described(Vec<Described>),
    /// "Check for updates".
    CheckUpdates,
    /// The search text changed.
    QueryChanged(String),
    /// "Search".
    Search,
    /// A search ended (its query, what it found).
    Found(String, Found),
    /// Show a found app's details.
    Select(Offer),
    /// Close the details.
    CloseDetails,
    /// "Install" in the details.
    Install(Offer),
    /// The service's operation for change `id` started.
    Started(Running),
    /// An event of the operation numbered `.0`.
    Operation(u64, OperationEvent),
    /// "Cancel" on the change under way.
    Cancel,
    /// Cancelling was asked of the service.
    CancelSent,
    /// Close how the last changes ended.
    EndedDismissed,
    /// "Open".
    Open(AppRef),
    /// The app was started (or not).
    Launched(AppRef, Result<(), AppsError>),
    /// "Remove": ask first.
    Remove(AppRef),
    /// "Also delete its data" switched.
    RemoveData(bool),
    /// Yes, remove it.
    RemoveConfirmed,
    /// No, keep it.
    RemoveCanceled,
    /// "Update" on an app.
    Update(AppRef),
    /// "Update all".
    UpdateAll,
    /// Accept the held update that asks for more.
    HeldAccepted,
    /// Not now.
    HeldDeclined,
    /// Open an app's permissions.
    OpenPermissions(AppRef),
    /// Close them.
    ClosePermissions,
    /// The overrides and portal grants of an app were read.
    PermissionsRead {
        /// The app.
        app: AppRef,
        /// Its override layers.
        overrides: Result<Overrides, AppsError>,
        /// Its portal grants.
        grants: Result<Vec<PortalGrant>, AppsError>,
    },
    /// A tri-state choice for one permission.
    Choose(Key, Choice),
    /// "Reset to the app's defaults".
    Reset,
    /// The override was written (and every layer read back).
    OverrideWritten(AppRef, Result<Overrides, AppsError>),
    /// "Revoke" a portal grant.
    Revoke(PortalGrant),
    /// "Try again" reading the portal grants.
    RetryGrants,
    /// The portal grants were read (after a revoke, or again).
    GrantsRead(AppRef, Result<Vec<PortalGrant>, AppsError>),
    /// The `.flatpakrepo` path changed.
    RemotePathChanged(String),
    /// The new remote's name changed.
    RemoteNameChanged(String),
    /// "Add source".
    AddRemote,
    /// Adding ended (its name; the remotes read again).
    RemoteAdded(String, Result<Vec<Remote>, AddRemoteError>),
    /// Close the note.
    NoteDismissed,
    /// The person acted on the error report.
    Report(error_report::Message),
}

/// Work `update` asks for, off the UI thread.
#[derive(Debug, Clone, PartialEq)]
pub enum Work {
    /// Read the remotes and both installations' updates.
    Refresh,
    /// Read data sizes and decode icons.
    Describe(Vec<AppRef>),
    /// Search every enabled remote.
    Search {
        /// The text.
        query: String,
        /// The remotes.
        remotes: Vec<Remote>,
    },
    /// Start a change (numbered `id`).
    Run {
        /// The page's number for it.
        id: u64,
        /// The change.
        job: Job,
    },
    /// Cancel the operation numbered `.0`.
    Cancel(u64),
    /// Start an app.
    Launch(AppRef),
    /// Read an app's overrides and portal grants.
    ReadPermissions(AppRef),
    /// Write the person's per-app override.
    WriteOverride {
        /// The app.
        app: AppRef,
        /// The whole layer.
        layer: Permissions,
    },
    /// Read an app's portal grants.
    ReadGrants(AppRef),
    /// Revoke a portal grant (then read them again).
    Revoke {
        /// The app.
        app: AppRef,
        /// The grant.
        grant: PortalGrant,
    },
    /// Add a remote to the person's installation from a `.flatpakrepo` file.
    AddRemote {
        /// The file.
        path: PathBuf,
        /// The name.
        name: String,
    },
}

/// A request: the work, with where to do it (and the operation to cancel).
#[derive(Debug, Clone)]
pub struct Request {
    /// Where the page's Flatpak lives.
    pub flatpak: Flatpak,
    /// What to do.
    pub work: Work,
    /// The operation, for [`Work::Cancel`].
    pub running: Option<Running>,
}

/// Requests are equal when they do the same (a page has one Flatpak).
impl PartialEq for Request {
    fn eq(&self, other: &Self) -> bool {
        self.work == other.work
    }
}

/// The path of an app's exported icon, if it exports a PNG one.
pub fn icon_path(installations: &Installations, app: &AppRef) -> Option<PathBuf> {
    let icons = installations
        .path(app.installation)
        .join("exports/share/icons/hicolor");
    ["128x128", "96x96", "64x64", "256x256", "48x48"]
        .iter()
        .map(|size| {
            icons
                .join(size)
                .join("apps")
                .join(format!("{}.png", app.id))
        })
        .find(|path| path.is_file())
}

async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static, or: T) -> T {
    tokio::task::spawn_blocking(work).await.unwrap_or(or)
}

async fn refresh(apps: &Apps) -> Message {
    let remotes = apps.remotes().await;
    let mut updates = Vec::new();
    let mut failure = None;
    for installation in [InstallationKind::User, InstallationKind::System] {
        match apps.updates(installation).await {
            Ok(found) => updates.extend(found),
            Err(error) => failure = failure.or(Some(error)),
        }
    }
    Message::Refreshed {
        remotes,
        updates: match failure {
            Some(error) => Err(error),
            None => Ok(updates),
        },
    }
}

async fn search(apps: &Apps, query: String, remotes: Vec<Remote>) -> Message {
    let mut found = Found::default();
    for remote in remotes.into_iter().filter(|remote| !remote.disabled) {
        match apps.search(remote.installation, &remote.name, &query).await {
            Ok(offered) => found.apps.extend(offered),
            Err(error) => found.failures.push(SearchFailure { remote, error }),
        }
    }
    found.apps.sort_by(|a, b| {
        (a.name.to_lowercase(), &a.app, &a.remote).cmp(&(b.name.to_lowercase(), &b.app, &b.remote))
    });
    Message::Found(query, found)
}

async fn add_remote(apps: &Apps, path: PathBuf, name: String) -> Message {
    let read = blocking(
        {
            let path = path.clone();
            move || read_flatpakrepo(&path)
        },
        Err(AddRemoteError::Unreadable("the reading task ended".into())),
    )
    .await;
    let result = match read {
        Ok(bytes) => match apps.add_remote(InstallationKind::User, &name, &bytes).await {
            Ok(()) => apps.remotes().await.map_err(AddRemoteError::Apps),
            Err(error) => Err(AddRemoteError::Apps(error)),
        },
        Err(error) => Err(error),
    };
    Message::RemoteAdded(name, result)
}

/// A `.flatpakrepo` file's bytes (at most [`MAX_FLATPAKREPO_BYTES`]; a regular file).
fn read_flatpakrepo(path: &Path) -> Result<Vec<u8>, AddRemoteError> {
    use std::io::Read as _;
    let unreadable = |error: std::io::Error| AddRemoteError::Unreadable(error.to_string().into());
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let metadata = file.metadata().map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(AddRemoteError::Unreadable(
            format!("{} is not a file", path.display()).into(),
        ));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FLATPAKREPO_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FLATPAKREPO_BYTES {
        return Err(AddRemoteError::TooLarge);
    }
    Ok(bytes)
}

/// A remote's name from its file's name (`flathub.flatpakrepo` → `flathub`).
pub fn remote_name_from(path: &str) -> String {
    Path::new(path.trim())
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, _bus: SystemBus) -> Message {
        let flatpak = self.flatpak;
        let apps = flatpak.service();
        match self.work {
            Work::Refresh => match apps {
                Ok(apps) => refresh(&apps).await,
                Err(error) => Message::Refreshed {
                    remotes: Err(error.clone()),
                    updates: Err(error),
                },
            },
            Work::Describe(wanted) => {
                let mut described = Vec::with_capacity(wanted.len());
                for app in wanted {
                    let data_size = match &apps {
                        Ok(apps) => apps.data_size(&app.id).await,
                        Err(error) => Err(error.clone()),
                    };
                    let installations = flatpak.installations.clone();
                    let icon = blocking(
                        {
                            let app = app.clone();
                            move || {
                                icon_path(&installations, &app)
                                    .and_then(|path| ferrum_ui::picture::icon(&path, ICON_SIDE))
                            }
                        },
                        None,
                    )
                    .await;
                    described.push(Described {
                        app,
                        data_size,
                        icon,
                    });
                }
                Message::Described(described)
            }
            Work::Search { query, remotes } => match apps {
                Ok(apps) => search(&apps, query, remotes).await,
                Err(error) => Message::Found(
                    query,
                    Found {
                        apps: Vec::new(),
                        failures: remotes
                            .into_iter()
                            .map(|remote| SearchFailure {
                                remote,
                                error: error.clone(),
                            })
                            .collect(),
                    },
                ),
            },
            Work::Run { id, job } => match apps {
                Ok(apps) => Message::Started(Running::new(id, apps.run(job.action()))),
                Err(error) => Message::Operation(id, OperationEvent::Finished(Err(error))),
            },
            Work::Cancel(_) => {
                if let Some(running) = self.running {
                    running.cancel();
                }
                Message::CancelSent
            }
            Work::Launch(app) => {
                let result = match apps {
                    Ok(apps) => apps.launch(&app).await,
                    Err(error) => Err(error),
                };
                Message::Launched(app, result)
            }
            Work::ReadPermissions(app) => {
                let overrides = match &apps {
                    Ok(apps) => apps.overrides(&app.id).await,
                    Err(error) => Err(error.clone()),
                };
                let grants = match flatpak.session().await {
                    Ok(connection) => apps::portal_grants(&connection, &app.id).await,
                    Err(error) => Err(error),
                };
                Message::PermissionsRead {
                    app,
                    overrides,
                    grants,
                }
            }
            Work::WriteOverride { app, layer } => {
                let result = match apps {
                    Ok(apps) => apps.set_user_override(&app.id, layer).await,
                    Err(error) => Err(error),
                };
                Message::OverrideWritten(app, result)
            }
            Work::ReadGrants(app) => {
                let grants = match flatpak.session().await {
                    Ok(connection) => apps::portal_grants(&connection, &app.id).await,
                    Err(error) => Err(error),
                };
                Message::GrantsRead(app, grants)
            }
            Work::Revoke { app, grant } => {
                let result = match flatpak.session().await {
                    Ok(connection) => {
                        match apps::revoke_portal_grant(&connection, &app.id, &grant).await {
                            Ok(()) => apps::portal_grants(&connection, &app.id).await,
                            Err(error) => Err(error),
                        }
                    }
                    Err(error) => Err(error),
                };
                Message::GrantsRead(app, result)
            }
            Work::AddRemote { path, name } => match apps {
                Ok(apps) => add_remote(&apps, path, name).await,
                Err(error) => Message::RemoteAdded(name, Err(AddRemoteError::Apps(error))),
            },
        }
    }
}

impl State {
    /// A page that has heard nothing yet, on these installations.
    pub fn on(flatpak: Flatpak) -> Self {
        Self {
            flatpak,
            installed: ServiceStatus::Loading,
            data_sizes: Vec::new(),
            icons: Vec::new(),
            remotes: Loaded::Loading,
            updates: Updates::Unknown,
            run: Run::Idle,
            queue: VecDeque::new(),
            ended: Vec::new(),
            held: Vec::new(),
            removal: None,
            search: Search::default(),
            permissions: None,
            add_remote: AddRemote::default(),
            note: None,
            error: None,
            next_id: 1,
        }
    }

    /// Where the page's Flatpak lives.
    pub fn flatpak(&self) -> &Flatpak {
        &self.flatpak
    }

    /// The installed apps, when read.
    pub fn snapshot(&self) -> Option<&Snapshot> {
        self.installed.ready()
    }

    /// An installed app.
    pub fn installed_app(&self, app: &AppRef) -> Option<&InstalledApp> {
        self.snapshot()?
            .apps
            .iter()
            .find(|installed| installed.app == *app)
    }

    /// An app's name as shown (its id when it is not known).
    pub fn app_name(&self, app: &AppRef) -> String {
        self.installed_app(app)
            .map(|installed| installed.name.clone())
            .unwrap_or_else(|| app.id.clone())
    }

    /// An app's data size, once read.
    pub fn data_size(&self, app: &AppRef) -> Option<&Result<u64, AppsError>> {
        self.data_sizes
            .iter()
            .find(|(known, _)| known == app)
            .map(|(_, size)| size)
    }

    /// An app's icon, once decoded.
    pub fn icon(&self, app: &AppRef) -> Option<&Handle> {
        self.icons
            .iter()
            .find(|(known, _)| known == app)
            .map(|(_, icon)| icon)
    }

    /// Whether a change of `app` is under way or waiting.
    pub fn is_changing(&self, app: &AppRef) -> bool {
        self.run.job().is_some_and(|job| job.app() == app)
            || self.queue.iter().any(|job| job.app() == app)
    }

    /// The subscription key of the operation under way.
    pub fn running(&self) -> Option<&Running> {
        self.run.running()
    }

    fn request(&self, work: Work) -> Outcome<Request> {
        Outcome::request(Request {
            flatpak: self.flatpak.clone(),
            work,
            running: None,
        })
    }

    /// Queues a change; starts it when nothing runs.
    fn enqueue(&mut self, job: Job) -> Outcome<Request> {
        if self.is_changing(job.app()) {
            return Outcome::none();
        }
        self.queue.push_back(job);
        self.next_job()
    }

    /// Starts the next queued change when nothing runs.
    fn next_job(&mut self) -> Outcome<Request> {
        if self.run.is_busy() {
            return Outcome::none();
        }
        let Some(job) = self.queue.pop_front() else {
            return Outcome::none();
        };
        let id = self.next_id;
        self.next_id += 1;
        self.run = Run::Starting {
            id,
            job: job.clone(),
            cancelling: false,
        };
        self.request(Work::Run { id, job })
            .with_effect(Effect::Focus(ids::APPS_RUN.child("cancel")))
    }

    /// An update: held when it asks for more and the person has not said yes, else queued.
    fn update_app(&mut self, update: AvailableUpdate, accepted: bool) -> Outcome<Request> {
        if self.is_changing(&update.app) {
            return Outcome::none();
        }
        if update.widens_permissions() && !accepted {
            if !self.held.iter().any(|held| held.app == update.app) {
                self.held.push(update);
            }
            return Outcome::effect(Effect::Focus(ids::APPS_HELD.child("accept")));
        }
        let name = self.app_name(&update.app);
        self.enqueue(Job::Update {
            app: update.app,
            commit: Some(update.commit),
            name,
        })
    }

    fn watched(&mut self, update: Update) -> Outcome<Request> {
        match update {
            Update::Installed(snapshot) => {
                let wanted: Vec<AppRef> = snapshot
                    .apps
                    .iter()
                    .map(|installed| installed.app.clone())
                    .collect();
                // What is gone closes.
                if let Some(view) = &self.permissions
                    && !wanted.contains(&view.app)
                {
                    self.permissions = None;
                }
                if let Some(removal) = &self.removal
                    && !wanted.contains(&removal.app)
                {
                    self.removal = None;
                }
                self.data_sizes.retain(|(app, _)| wanted.contains(app));
                self.icons.retain(|(app, _)| wanted.contains(app));
                self.installed = ServiceStatus::Ready(snapshot);
                if wanted.is_empty() {
                    return Outcome::none();
                }
                self.request(Work::Describe(wanted))
            }
            Update::Failed(error) => {
                self.installed = ServiceStatus::Failed(error);
                Outcome::none()
            }
        }
    }

    fn ended(&mut self, ended: Ended) -> Outcome<Request> {
        if let Err(error) = &ended.result {
            tracing::info!(%error, app = %ended.job.app().id, "a Flatpak change did not go through");
        }
        let cancelled = matches!(ended.result, Err(AppsError::Cancelled));
        self.ended.push(ended);
        if cancelled {
            // Cancel stops what waits too.
            self.queue.clear();
        }
        let next = self.next_job();
        if !next.is_none() {
            return next;
        }
        // Everything ended: what updates are left, and the keyboard to Close.
        self.updates = Updates::Checking;
        self.request(Work::Refresh)
            .with_effect(Effect::Focus(ids::APPS_RUN.child("close")))
    }

    fn with_permissions(
        &mut self,
        app: &AppRef,
        change: impl FnOnce(&mut PermissionsView) -> Outcome<Request>,
    ) -> Outcome<Request> {
        match self.permissions.as_mut() {
            Some(view) if view.app == *app => change(view),
            _ => Outcome::none(),
        }
    }

    fn write_override(
        &mut self,
        layer: impl FnOnce(&PermissionsView, &Overrides) -> Permissions,
    ) -> Outcome<Request> {
        let Some(view) = self.permissions.as_mut() else {
            return Outcome::none();
        };
        if view.writing {
            return Outcome::none();
        }
        let Some(overrides) = view.overrides.ready() else {
            return Outcome::none();
        };
        let layer = layer(view, overrides);
        if layer == overrides.user_app {
            return Outcome::none();
        }
        view.writing = true;
        view.write_error = None;
        let app = view.app.clone();
        self.request(Work::WriteOverride { app, layer })
    }
}

impl Page for State {
    type Message = Message;
    type Request = Request;

    fn new(_context: &Context) -> Self {
        State::on(Flatpak::from_env())
    }

    fn title() -> String {
        fl!("apps-title")
    }

    fn keywords() -> String {
        fl!("apps-title.keywords")
    }

    /// Showing the page reads the remotes and the updates (the installed apps come through
    /// the watch).
    fn enter(&mut self) -> Outcome<Request> {
        if self.updates == Updates::Checking {
            return Outcome::none();
        }
        self.updates = Updates::Checking;
        self.request(Work::Refresh)
    }

    fn update(&mut self, message: Message) -> Outcome<Request> {
        match message {
            Message::Watched(update) => self.watched(update),
            Message::Refreshed { remotes, updates } => {
                self.remotes = remotes.into();
                self.updates = match updates {
                    Ok(updates) => Updates::Known(updates),
                    Err(error) => Updates::Failed(error),
                };
                // What is held and no longer offered is dropped.
                if let Updates::Known(known) = &self.updates {
                    self.held
                        .retain(|held| known.iter().any(|u| u.app == held.app));
                }
                Outcome::none()
            }
            Message::Described(described) => {
                for item in described {
                    self.data_sizes.retain(|(app, _)| *app != item.app);
                    self.icons.retain(|(app, _)| *app != item.app);
                    if let Some(icon) = item.icon {
                        self.icons.push((item.app.clone(), icon));
                    }
                    self.data_sizes.push((item.app, item.data_size));
                }
                Outcome::none()
            }
            Message::CheckUpdates => {
                if self.updates == Updates::Checking {
                    return Outcome::none();
                }
                self.updates = Updates::Checking;
                self.request(Work::Refresh)
            }
            Message::QueryChanged(query) => {
                self.search.query = query;
                Outcome::none()
            }
            Message::Search => {
                if self.search.searching {
                    return Outcome::none();
                }
                let Some(remotes) = self.remotes.ready() else {
                    return Outcome::none();
                };
                self.search.searching = true;
                self.search.selected = None;
                let work = Work::Search {
                    query: self.search.query.trim().to_owned(),
                    remotes: remotes.clone(),
                };
                self.request(work)
            }
            Message::Found(query, found) => {
                self.search.searching = false;
                self.search.found = Some((query, found));
                Outcome::none()
            }
            Message::Select(offer) => {
                self.search.selected = Some(offer.clone());
                Outcome::effect(Effect::Focus(ids::apps_found(
                    &offer.remote,
                    &offer.app,
                    "install",
                )))
            }
            Message::CloseDetails => {
                let Some(offer) = self.search.selected.take() else {
                    return Outcome::none();
                };
                Outcome::effect(Effect::Focus(ids::apps_found(
                    &offer.remote,
                    &offer.app,
                    "details",
                )))
            }
            Message::Install(offer) => {
                // Only what the person has seen the details of.
                if self.search.selected.as_ref() != Some(&offer) {
                    return Outcome::none();
                }
                let Some(found) = self.search.selected_app() else {
                    return Outcome::none();
                };
                if found.installed {
                    return Outcome::none();
                }
                let job = Job::Install {
                    app: offer.app.clone(),
                    remote: offer.remote.clone(),
                    name: found.name.clone(),
                };
                self.search.selected = None;
                self.enqueue(job)
            }
            Message::Started(running) => {
                let cancelling = self.run.is_cancelling();
                let ours = self.run.started(running.clone());
                if !ours || cancelling {
                    // Cancelled before it started, or not ours any more: stop it.
                    return Outcome::request(Request {
                        flatpak: self.flatpak.clone(),
                        work: Work::Cancel(running.id),
                        running: Some(running),
                    });
                }
                Outcome::none()
            }
            Message::Operation(id, event) => {
                // A change that could not even start ends here too.
                if let (
                    Run::Starting {
                        id: starting, job, ..
                    },
                    OperationEvent::Finished(result),
                ) = (&self.run, &event)
                    && *starting == id
                {
                    let ended = Ended {
                        job: job.clone(),
                        result: result.clone(),
                    };
                    self.run = Run::Idle;
                    return self.ended(ended);
                }
                match self.run.event(id, event) {
                    Moved::Ended(ended) => self.ended(ended),
                    _ => Outcome::none(),
                }
            }
            Message::Cancel => match &mut self.run {
                Run::Idle => Outcome::none(),
                Run::Starting { cancelling, .. } => {
                    *cancelling = true;
                    self.queue.clear();
                    Outcome::none()
                }
                Run::Active {
                    running,
                    cancelling,
                    ..
                } => {
                    if *cancelling {
                        return Outcome::none();
                    }
                    *cancelling = true;
                    let running = running.clone();
                    self.queue.clear();
                    Outcome::request(Request {
                        flatpak: self.flatpak.clone(),
                        work: Work::Cancel(running.id),
                        running: Some(running),
                    })
                }
            },
            Message::CancelSent => Outcome::none(),
            Message::EndedDismissed => {
                self.ended.clear();
                Outcome::effect(Effect::Focus(ids::APPS_CHECK))
            }
            Message::Open(app) => {
                self.error = None;
                self.request(Work::Launch(app))
            }
            Message::Launched(app, result) => {
                if let Err(error) = result {
                    let name = self.app_name(&app);
                    self.error = Some(ErrorReport::new(
                        format!(
                            "{} {}",
                            fl!("apps-open-failed", app = name.as_str()),
                            error_sentence(&error)
                        ),
                        error.detail().unwrap_or_default().to_owned(),
                    ));
                }
                Outcome::none()
            }
            Message::Remove(app) => {
                if self.is_changing(&app) || self.installed_app(&app).is_none() {
                    return Outcome::none();
                }
                let name = self.app_name(&app);
                self.removal = Some(Removal {
                    app,
                    name,
                    delete_data: false,
                });
                Outcome::effect(Effect::Focus(ids::APPS_REMOVE.child("cancel")))
            }
            Message::RemoveData(on) => {
                if let Some(removal) = &mut self.removal {
                    removal.delete_data = on;
                }
                Outcome::none()
            }
            Message::RemoveConfirmed => {
                let Some(removal) = self.removal.take() else {
                    return Outcome::none();
                };
                if self
                    .permissions
                    .as_ref()
                    .is_some_and(|view| view.app == removal.app)
                {
                    self.permissions = None;
                }
                self.enqueue(Job::Remove {
                    app: removal.app,
                    delete_data: removal.delete_data,
                    name: removal.name,
                })
            }
            Message::RemoveCanceled => {
                let Some(removal) = self.removal.take() else {
                    return Outcome::none();
                };
                Outcome::effect(Effect::Focus(ids::apps_installed(&removal.app, "remove")))
            }
            Message::Update(app) => match self.updates.for_app(&app).cloned() {
                Some(update) => self.update_app(update, false),
                None => Outcome::none(),
            },
            Message::UpdateAll => {
                let Updates::Known(updates) = &self.updates else {
                    return Outcome::none();
                };
                let mut outcome = Outcome::none();
                for update in updates.clone() {
                    let next = self.update_app(update, false);
                    if outcome.request.is_none() {
                        outcome.request = next.request;
                    }
                    outcome.effect = outcome.effect.or(next.effect);
                }
                if !self.held.is_empty() {
                    outcome.effect = Some(Effect::Focus(ids::APPS_HELD.child("accept")));
                }
                outcome
            }
            Message::HeldAccepted => {
                if self.held.is_empty() {
                    return Outcome::none();
                }
                let update = self.held.remove(0);
                let outcome = self.update_app(update, true);
                if !self.held.is_empty() {
                    return Outcome {
                        request: outcome.request,
                        effect: Some(Effect::Focus(ids::APPS_HELD.child("accept"))),
                    };
                }
                outcome
            }
            Message::HeldDeclined => {
                if self.held.is_empty() {
                    return Outcome::none();
                }
                let update = self.held.remove(0);
                if self.held.is_empty() {
                    return Outcome::effect(Effect::Focus(ids::apps_installed(
                        &update.app,
                        "update",
                    )));
                }
                Outcome::effect(Effect::Focus(ids::APPS_HELD.child("accept")))
            }
            Message::OpenPermissions(app) => {
                let Some(installed) = self.installed_app(&app) else {
                    return Outcome::none();
                };
                self.permissions = Some(PermissionsView {
                    app: app.clone(),
                    name: installed.name.clone(),
                    permissions: installed.permissions.clone(),
                    overrides: Loaded::Loading,
                    grants: Loaded::Loading,
                    writing: false,
                    write_error: None,
                });
                self.request(Work::ReadPermissions(app))
                    .with_effect(Effect::Focus(ids::APPS_PERMISSIONS.child("close")))
            }
            Message::ClosePermissions => {
                let Some(view) = self.permissions.take() else {
                    return Outcome::none();
                };
                Outcome::effect(Effect::Focus(ids::apps_installed(&view.app, "permissions")))
            }
            Message::PermissionsRead {
                app,
                overrides,
                grants,
            } => self.with_permissions(&app, |view| {
                view.overrides = overrides.into();
                view.grants = grants.into();
                Outcome::none()
            }),
            Message::Choose(key, choice) => self.write_override(|view, overrides| {
                merge::with_choice(&overrides.user_app, &view.permissions, &key, choice)
            }),
            Message::Reset => self.write_override(|_, _| Permissions::default()),
            Message::OverrideWritten(app, result) => self.with_permissions(&app, |view| {
                view.writing = false;
                match result {
                    Ok(overrides) => view.overrides = Loaded::Ready(overrides),
                    Err(error) => view.write_error = Some(error),
                }
                Outcome::none()
            }),
            Message::Revoke(grant) => {
                let Some(view) = &self.permissions else {
                    return Outcome::none();
                };
                let app = view.app.clone();
                self.request(Work::Revoke { app, grant })
            }
            Message::RetryGrants => {
                let Some(view) = &mut self.permissions else {
                    return Outcome::none();
                };
                view.grants = Loaded::Loading;
                let app = view.app.clone();
                self.request(Work::ReadGrants(app))
            }
            Message::GrantsRead(app, grants) => self.with_permissions(&app, |view| {
                view.grants = grants.into();
                Outcome::none()
            }),
            Message::RemotePathChanged(path) => {
                self.add_remote.path = path;
                self.add_remote.error = None;
                Outcome::none()
            }
            Message::RemoteNameChanged(name) => {
                self.add_remote.name = name;
                self.add_remote.error = None;
                Outcome::none()
            }
            Message::AddRemote => {
                if self.add_remote.adding {
                    return Outcome::none();
                }
                let path = self.add_remote.path.trim().to_owned();
                if path.is_empty() {
                    self.add_remote.error = Some(AddRemoteError::NoPath);
                    return Outcome::effect(Effect::Focus(ids::APPS_REMOTE_PATH));
                }
                let typed = self.add_remote.name.trim();
                let name = if typed.is_empty() {
                    remote_name_from(&path)
                } else {
                    typed.to_owned()
                };
                self.add_remote.adding = true;
                self.add_remote.error = None;
                self.note = None;
                self.request(Work::AddRemote {
                    path: PathBuf::from(path),
                    name,
                })
            }
            Message::RemoteAdded(name, result) => {
                self.add_remote.adding = false;
                match result {
                    Ok(remotes) => {
                        self.remotes = Loaded::Ready(remotes);
                        self.add_remote = AddRemote::default();
                        self.note = Some(Note::RemoteAdded(name));
                    }
                    Err(error) => self.add_remote.error = Some(error),
                }
                Outcome::none()
            }
            Message::NoteDismissed => {
                self.note = None;
                Outcome::none()
            }
            Message::Report(message) => {
                Outcome::effect(error_report::update(&mut self.error, message))
            }
        }
    }

    fn view(&self) -> Element<'_, Message> {
        view::page(self)
    }

    fn subscription(&self) -> Subscription<Message> {
        let mut subscriptions = vec![Subscription::run_with(self.flatpak.clone(), watch_stream)];
        if let Some(running) = self.running() {
            subscriptions.push(Subscription::run_with(running.clone(), operation_stream));
        }
        Subscription::batch(subscriptions)
    }
}

/// The stream behind the page's watch subscription (also used by tests).
pub fn watch_stream(flatpak: &Flatpak) -> impl futures::Stream<Item = Message> + use<> {
    let service = flatpak.service();
    futures::stream::once(async move { service })
        .flat_map(|service| match service {
            Ok(apps) => apps.watch().boxed(),
            Err(error) => futures::stream::once(async move { Update::Failed(error) }).boxed(),
        })
        .map(Message::Watched)
}

/// The stream behind the operation's subscription (also used by tests).
pub fn operation_stream(running: &Running) -> impl futures::Stream<Item = Message> + use<> {
    running
        .events()
        .map(|(id, event)| Message::Operation(id, event))
}

#[cfg(test)]
mod tests;
