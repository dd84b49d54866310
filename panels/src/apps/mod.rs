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
//!
//! Each dialog and part keeps its state, messages, update and view in a module of its own —
//! [`remove`], [`held`], [`permissions`], [`sources`], [`search`] — nested in the page's
//! [`Message`]; a part's update returns its UI effect and at most one [`Ask`] of the page
//! (work for Flatpak, a change to queue), which the page turns into its [`Request`].

mod describe;
pub mod held;
pub mod merge;
pub mod permissions;
pub mod remove;
pub mod run;
pub mod sample;
pub mod search;
pub mod sources;
mod view;

use std::collections::VecDeque;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use ferrum_i18n::fl;
use ferrum_services::SystemBus;
use ferrum_services::apps::{
    self, AppRef, Apps, AppsError, AvailableUpdate, InstallationKind, Installations, InstalledApp,
    OperationEvent, Permissions, PortalGrant, Remote, Snapshot, Update,
};
use futures::StreamExt;
use iced::widget::image::Handle;
use iced::{Element, Subscription};

use ferrum_ui::Effect;
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;

use crate::ids;
use crate::page::{self, Context, Outcome, Page, PageRequest};

pub use describe::{
    add_remote_error_text, ended_text, error_sentence, grant_text, installation_text, job_text,
    permission_lines, permission_text, progress_name, source_text, step_text,
};
pub use merge::{Choice, Key, Layer, Row};
pub use permissions::PermissionsView;
pub use remove::Removal;
pub use run::{Ended, Job, Moved, Run, Running};
pub use search::{Found, Offer, Search, SearchFailure};
pub use sources::{
    AddRemote, AddRemoteError, MAX_FLATPAKREPO_BYTES, Note, remote_name_from, typed_path,
};

/// The side of an app's icon as decoded (drawn at 48 px, twice for HiDPI).
pub const ICON_SIDE: u32 = 96;

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

/// What happens on the page: its own messages, and those of its dialogs and parts.
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
    /// "Update" on an app.
    Update(AppRef),
    /// "Update all".
    UpdateAll,
    /// Open an app's permissions.
    OpenPermissions(AppRef),
    /// The remove dialog.
    Removal(remove::Message),
    /// The dialog of an update that asks for more.
    Held(held::Message),
    /// The permissions view.
    Permissions(permissions::Message),
    /// The search, a found app's details and Install.
    Search(search::Message),
    /// The add-source form.
    Sources(sources::Message),
    /// The person acted on the error report.
    Report(error_report::Message),
}

/// What a dialog or part of the page asks of the page (beside the UI effects it returns).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ask {
    /// Work off the UI thread.
    Work(Work),
    /// A change to queue.
    Change(Job),
    /// An update that asks for more, accepted: queue it.
    AcceptedUpdate(AvailableUpdate),
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
            Work::Search { query, remotes } => {
                Message::Search(search::run(apps, query, remotes).await)
            }
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
                Message::Permissions(permissions::Message::Read {
                    app,
                    overrides,
                    grants,
                })
            }
            Work::WriteOverride { app, layer } => {
                let result = match apps {
                    Ok(apps) => apps.set_user_override(&app.id, layer).await,
                    Err(error) => Err(error),
                };
                Message::Permissions(permissions::Message::OverrideWritten(app, result))
            }
            Work::ReadGrants(app) => {
                let grants = match flatpak.session().await {
                    Ok(connection) => apps::portal_grants(&connection, &app.id).await,
                    Err(error) => Err(error),
                };
                Message::Permissions(permissions::Message::GrantsRead(app, grants))
            }
            Work::Revoke { app, grant } => {
                let connection = match flatpak.session().await {
                    Ok(connection) => connection,
                    Err(error) => {
                        return Message::Permissions(permissions::Message::RevokeFailed(
                            app, error,
                        ));
                    }
                };
                match apps::revoke_portal_grant(&connection, &app.id, &grant).await {
                    Ok(()) => {
                        let grants = apps::portal_grants(&connection, &app.id).await;
                        Message::Permissions(permissions::Message::GrantsRead(app, grants))
                    }
                    Err(error) => {
                        Message::Permissions(permissions::Message::RevokeFailed(app, error))
                    }
                }
            }
            Work::AddRemote { path, name } => {
                let home = flatpak.installations().home.clone();
                Message::Sources(sources::run(apps, path, name, home).await)
            }
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

    /// Does what a dialog or part of the page asked; its UI effect goes first (the page's
    /// own, a queued change's focus, when it has none).
    fn answer(&mut self, asked: Outcome<Ask>) -> Outcome<Request> {
        let page = match asked.request {
            None => Outcome::none(),
            Some(Ask::Work(work)) => self.request(work),
            Some(Ask::Change(job)) => {
                // A removed app's permissions close.
                if matches!(job, Job::Remove { .. })
                    && self
                        .permissions
                        .as_ref()
                        .is_some_and(|view| view.app == *job.app())
                {
                    self.permissions = None;
                }
                self.enqueue(job)
            }
            Some(Ask::AcceptedUpdate(update)) => self.update_app(update, true),
        };
        Outcome {
            request: page.request,
            effect: asked.effect.or(page.effect),
        }
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
                        still_running: false,
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
                self.removal = Some(Removal::new(app, name));
                Outcome::effect(Effect::Focus(ids::APPS_REMOVE.child("cancel")))
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
            Message::OpenPermissions(app) => {
                let Some(installed) = self.installed_app(&app) else {
                    return Outcome::none();
                };
                self.permissions = Some(PermissionsView::open(installed));
                self.request(Work::ReadPermissions(app))
                    .with_effect(Effect::Focus(ids::APPS_PERMISSIONS.child("close")))
            }
            Message::Removal(message) => {
                let asked = remove::update(&mut self.removal, message);
                self.answer(asked)
            }
            Message::Held(message) => {
                let asked = held::update(&mut self.held, message);
                self.answer(asked)
            }
            Message::Permissions(message) => {
                let asked = permissions::update(&mut self.permissions, message);
                self.answer(asked)
            }
            Message::Search(message) => {
                let asked = self.search.update(self.remotes.ready(), message);
                self.answer(asked)
            }
            Message::Sources(message) => {
                let asked = sources::update(
                    &mut self.add_remote,
                    &mut self.note,
                    &mut self.remotes,
                    message,
                );
                self.answer(asked)
            }
            Message::Report(message) => page::report(&mut self.error, message),
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
