//! Flatpak apps: the installed apps of the user and system installations with what their
//! metadata asks for, the remotes, a remote's apps (with sizes and permissions before
//! installing), and install / update / uninstall with progress and cancel, through
//! libflatpak (the `libflatpak` crate); none of its GObject types leave this module.
//!
//! # Threads
//! libflatpak is blocking GObject code, and its objects are not `Send`. So:
//! - **reads** of the installations ([`Apps::snapshot`], [`Apps::remotes`]) go to one worker
//!   thread (`flatpak`) that owns the two `FlatpakInstallation`s, through a channel of typed
//!   requests each answered on a oneshot channel; it ends when the last [`Apps`] is dropped;
//! - **what remotes offer** ([`Apps::search`], [`Apps::updates`]) needs the network, so each
//!   such call has a thread of its own (and its own installation object) and a slow remote
//!   never holds up the worker;
//! - **changes** ([`Apps::run`]) each get a thread of their own with their own installation
//!   object, so a long download never holds up the reads; libflatpak's progress signals come
//!   back as an [`Operation`] stream, and a `GCancellable` ([`Operation::cancel`]) stops them;
//! - **the watch** ([`Apps::watch`]) runs libflatpak's installation monitors on a thread with a
//!   GLib main loop of its own while the stream lives, and re-reads after each burst of
//!   changes (the same quiet window as the D-Bus watches).
//!
//! Portal grants ([`portal_grants`], [`revoke_portal_grant`]) are read from the permission
//! store on the session bus through zbus, apart from all of this.
//!
//! Failures are [`AppsError`], classified in one place from libflatpak's, gio's and ostree's
//! errors. GPG verification of remotes is never turned off here.

mod appstream;
mod error;
mod instances;
mod monitor;
mod overrides;
mod permissions;
mod portal;
mod transaction;
mod types;
mod worker;

use std::sync::mpsc;

use futures::{Stream, StreamExt};
use tokio::sync::oneshot;

pub use error::AppsError;
pub use overrides::Overrides;
pub use permissions::{
    BusPolicy, Device, Feature, FilesystemAccess, Grant, Permissions, Shared, Socket,
};
pub use portal::{
    PERMISSION_STORE_BUS_NAME, PERMISSION_STORE_TIMEOUT, PORTAL_TABLES, PortalGrant,
    PortalPermission, portal_grants, revoke_portal_grant,
};
pub use transaction::{Canceller, Operation};
pub use types::{
    Action, AppRef, AvailableUpdate, InstallationKind, Installations, InstalledApp, OperationEvent,
    Progress, Remote, RemoteApp, Snapshot, Step, StepKind, Update,
};

use crate::watch::settle;

/// Runs `work` on a new thread with a GLib main context of its own made thread-default (what
/// libflatpak and ostree attach sources to while they block), for work that talks to remotes.
async fn on_own_thread<T: Send + 'static>(
    name: &str,
    work: impl FnOnce() -> Result<T, AppsError> + Send + 'static,
) -> Result<T, AppsError> {
    let (reply, answer) = oneshot::channel();
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            let context = libflatpak::glib::MainContext::new();
            let result = context.with_thread_default(work).unwrap_or_else(|error| {
                Err(AppsError::other(format!(
                    "could not take a main context: {error}"
                )))
            });
            let _ = reply.send(result);
        })
        .map_err(|error| AppsError::other(format!("could not start a Flatpak thread: {error}")))?;
    answer.await.map_err(|_| AppsError::WorkerGone)?
}
use worker::Request;

/// The Flatpak service: a handle on the worker thread. Cheap to clone; the thread ends with
/// the last clone.
#[derive(Debug, Clone)]
pub struct Apps {
    installations: Installations,
    requests: mpsc::Sender<Request>,
}

impl Apps {
    /// Starts the worker thread for `installations` (nothing is read yet).
    pub fn new(installations: Installations) -> Result<Apps, AppsError> {
        let requests = worker::spawn(installations.clone())?;
        Ok(Apps {
            installations,
            requests,
        })
    }

    /// The installations this service reads.
    pub fn installations(&self) -> &Installations {
        &self.installations
    }

    async fn ask<T>(
        &self,
        request: impl FnOnce(oneshot::Sender<Result<T, AppsError>>) -> Request,
    ) -> Result<T, AppsError> {
        let (reply, answer) = oneshot::channel();
        self.requests
            .send(request(reply))
            .map_err(|_| AppsError::WorkerGone)?;
        answer.await.map_err(|_| AppsError::WorkerGone)?
    }

    /// The installed apps of both installations, sorted by name.
    pub async fn snapshot(&self) -> Result<Snapshot, AppsError> {
        self.ask(Request::Installed).await
    }

    /// The remotes of both installations.
    pub async fn remotes(&self) -> Result<Vec<Remote>, AppsError> {
        self.ask(Request::Remotes).await
    }

    /// The apps `remote` (of `installation`) offers for this machine's architecture whose id,
    /// name or summary contains `query` (any case; empty for all), with name, summary and
    /// version from its AppStream catalogue, download and installed size and the permissions
    /// their metadata asks for. Asks the remote (the network), so it runs on a thread of its
    /// own and never holds up the worker's reads; an unreachable remote is
    /// [`AppsError::RemoteUnreachable`], one whose signature does not verify
    /// [`AppsError::SignatureInvalid`].
    pub async fn search(
        &self,
        installation: InstallationKind,
        remote: &str,
        query: &str,
    ) -> Result<Vec<RemoteApp>, AppsError> {
        let installations = self.installations.clone();
        let remote = remote.to_owned();
        let query = query.to_owned();
        on_own_thread("flatpak-search", move || {
            worker::search(&installations, installation, &remote, &query)
        })
        .await
    }

    /// The installed apps of `installation` that have an update, each with the permissions
    /// of the new commit and what they add ([`AvailableUpdate::widens_permissions`]): the page
    /// holds those back until the person accepts, then runs [`Action::Update`] with that
    /// commit. Asks the remotes, on a thread of its own.
    pub async fn updates(
        &self,
        installation: InstallationKind,
    ) -> Result<Vec<AvailableUpdate>, AppsError> {
        let installations = self.installations.clone();
        on_own_thread("flatpak-updates", move || {
            worker::updates(&installations, installation)
        })
        .await
    }

    /// How many bytes the app with `id` keeps in its data folder
    /// ([`Installations::app_data`]`/<id>`; 0 when it has none), counted on a thread of its own.
    pub async fn data_size(&self, id: &str) -> Result<u64, AppsError> {
        let app_data = self.installations.app_data.clone();
        let id = id.to_owned();
        on_own_thread("flatpak-data-size", move || {
            transaction::data_size(&app_data, &id)
        })
        .await
    }

    /// Adds the remote a `.flatpakrepo` file describes (its title, URL and GPG key) to
    /// `installation` as `name`, on a thread of its own (the system installation may ask
    /// polkit through Flatpak's system helper). A file without a key is refused
    /// ([`AppsError::Unsigned`]): GPG verification is never turned off.
    pub async fn add_remote(
        &self,
        installation: InstallationKind,
        name: &str,
        flatpakrepo: &[u8],
    ) -> Result<(), AppsError> {
        let installations = self.installations.clone();
        let name = name.to_owned();
        let flatpakrepo = flatpakrepo.to_vec();
        on_own_thread("flatpak-add-remote", move || {
            worker::add_remote(&installations, installation, &name, &flatpakrepo)
        })
        .await
    }

    /// The override layers of the app with `id` (system and user, global and its own, as
    /// `flatpak override` writes them); [`Overrides::effective`] merges them onto the app's
    /// permissions as Flatpak does.
    pub async fn overrides(&self, id: &str) -> Result<Overrides, AppsError> {
        let installations = self.installations.clone();
        let id = id.to_owned();
        on_own_thread("flatpak-overrides", move || {
            overrides::read(&installations, &id)
        })
        .await
    }

    /// Writes `layer` as the person's own override of the app with `id` (the user
    /// installation's `overrides/<id>`, what `flatpak override --user` writes; an empty layer
    /// removes it: the app's defaults again), then reads every layer back.
    pub async fn set_user_override(
        &self,
        id: &str,
        layer: Permissions,
    ) -> Result<Overrides, AppsError> {
        let installations = self.installations.clone();
        let id = id.to_owned();
        on_own_thread("flatpak-overrides", move || {
            overrides::write_user(&installations, &id, &layer)?;
            overrides::read(&installations, &id)
        })
        .await
    }

    /// Starts an installed app (libflatpak's `launch`: `flatpak run` in the background), on a
    /// thread of its own.
    pub async fn launch(&self, app: &AppRef) -> Result<(), AppsError> {
        let installations = self.installations.clone();
        let app = app.clone();
        on_own_thread("flatpak-launch", move || {
            use libflatpak::prelude::*;
            let installation = worker::open(&installations, app.installation)?;
            installation
                .launch(
                    &app.id,
                    Some(&app.arch),
                    Some(&app.branch),
                    None,
                    worker::NO_CANCELLABLE,
                )
                .map_err(|error| AppsError::from_glib(&error))
        })
        .await
    }

    /// Starts an install, update or removal on a thread of its own; follow (and cancel) it
    /// through the returned [`Operation`].
    pub fn run(&self, action: Action) -> Operation {
        transaction::start(self.installations.clone(), action)
    }

    /// The installed apps now, and again after every change of either installation by anyone
    /// (a burst of changes is one re-read; an unchanged list is not repeated). Monitoring
    /// stops when the stream is dropped.
    pub fn watch(&self) -> impl Stream<Item = Update> + Send + 'static {
        let apps = self.clone();
        async_stream::stream! {
            let (mut changes, _monitor) = match monitor::start(apps.installations.clone()).await {
                Ok(started) => started,
                Err(error) => {
                    yield Update::Failed(error);
                    return;
                }
            };
            let mut last = None;
            loop {
                let update = match apps.snapshot().await {
                    Ok(snapshot) => Update::Installed(snapshot),
                    Err(error) => Update::Failed(error),
                };
                if last.as_ref() != Some(&update) {
                    last = Some(update.clone());
                    yield update;
                }
                if changes.next().await.is_none() || !settle(&mut changes).await {
                    return;
                }
            }
        }
    }
}
