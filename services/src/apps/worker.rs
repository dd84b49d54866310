//! The Flatpak thread: it owns the two `FlatpakInstallation`s (GObjects, not `Send`) and
//! answers reads one at a time, each with a oneshot reply. libflatpak's calls block (disk,
//! and the network for a remote's refs), so they never run on the async runtime's threads.
//! The thread ends when the last [`super::Apps`] handle is dropped (its channel closes).

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use libflatpak::prelude::*;
use libflatpak::{Installation, RefKind, gio, glib};
use tokio::sync::oneshot;

use super::appstream::Catalogue;
use super::error::AppsError;
use super::permissions::{Permissions, metadata_value};
use super::types::{
    AppRef, AvailableUpdate, InstallationKind, Installations, InstalledApp, Remote, RemoteApp,
    Snapshot,
};

/// No cancellable (reads are short or bounded by libflatpak's own timeouts).
pub(crate) const NO_CANCELLABLE: Option<&gio::Cancellable> = None;

/// A read for the worker, with where to answer.
#[derive(Debug)]
pub(crate) enum Request {
    Installed(oneshot::Sender<Result<Snapshot, AppsError>>),
    Remotes(oneshot::Sender<Result<Vec<Remote>, AppsError>>),
}

/// Starts the thread; its request channel.
pub(crate) fn spawn(installations: Installations) -> Result<mpsc::Sender<Request>, AppsError> {
    let (sender, receiver) = mpsc::channel();
    thread::Builder::new()
        .name("flatpak".into())
        .spawn(move || {
            let mut worker = Worker {
                installations,
                user: None,
                system: None,
            };
            while let Ok(request) = receiver.recv() {
                worker.answer(request);
            }
            tracing::debug!("the Flatpak worker ends: no handle left");
        })
        .map_err(|error| {
            AppsError::other(format!("could not start the Flatpak thread: {error}"))
        })?;
    Ok(sender)
}

/// Opens the installation at `kind`'s folder (not `Send`: stays on the calling thread). The
/// machine's own system installation is opened as Flatpak's default one (its id `default`),
/// which is what Flatpak's system helper is asked to change when this process may not.
pub(crate) fn open(
    installations: &Installations,
    kind: InstallationKind,
) -> Result<Installation, AppsError> {
    let path = installations.path(kind);
    if kind == InstallationKind::System
        && let Ok(system) = Installation::new_system(NO_CANCELLABLE)
        && system.path().and_then(|file| file.path()).as_ref() == Some(path)
    {
        return Ok(system);
    }
    let file = gio::File::for_path(path);
    Installation::for_path(&file, kind == InstallationKind::User, NO_CANCELLABLE)
        .map_err(|error| AppsError::from_glib(&error))
}

struct Worker {
    installations: Installations,
    user: Option<Installation>,
    system: Option<Installation>,
}

impl Worker {
    fn answer(&mut self, request: Request) {
        // A reply nobody waits for any more is dropped silently.
        match request {
            Request::Installed(reply) => {
                let _ = reply.send(self.installed());
            }
            Request::Remotes(reply) => {
                let _ = reply.send(self.remotes());
            }
        }
    }

    /// The installation, opened on first use and kept; its caches dropped so what another
    /// process changed is seen.
    fn installation(&mut self, kind: InstallationKind) -> Result<Installation, AppsError> {
        let slot = match kind {
            InstallationKind::User => &mut self.user,
            InstallationKind::System => &mut self.system,
        };
        let installation = match slot {
            Some(installation) => installation.clone(),
            None => {
                let installation = open(&self.installations, kind)?;
                *slot = Some(installation.clone());
                installation
            }
        };
        installation
            .drop_caches(NO_CANCELLABLE)
            .map_err(|error| AppsError::from_glib(&error))?;
        Ok(installation)
    }

    fn installed(&mut self) -> Result<Snapshot, AppsError> {
        let mut apps = Vec::new();
        for kind in [InstallationKind::User, InstallationKind::System] {
            let installation = self.installation(kind)?;
            let refs = installation
                .list_installed_refs_by_kind(RefKind::App, NO_CANCELLABLE)
                .map_err(|error| AppsError::from_glib(&error))?;
            for installed in refs {
                let id = text(installed.name());
                let metadata = installed
                    .load_metadata(NO_CANCELLABLE)
                    .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
                    .unwrap_or_default();
                apps.push(InstalledApp {
                    app: AppRef {
                        installation: kind,
                        arch: text(installed.arch()),
                        branch: text(installed.branch()),
                        id: id.clone(),
                    },
                    name: installed
                        .appdata_name()
                        .map(String::from)
                        .filter(|name| !name.is_empty())
                        .unwrap_or(id),
                    summary: installed.appdata_summary().map(String::from),
                    version: installed.appdata_version().map(String::from),
                    origin: text(installed.origin()),
                    runtime: metadata_value(&metadata, "Application", "runtime"),
                    installed_size: installed.installed_size(),
                    permissions: Permissions::parse(&metadata),
                    commit: installed.commit().map(String::from),
                });
            }
        }
        apps.sort_by(|a, b| (a.name.to_lowercase(), &a.app).cmp(&(b.name.to_lowercase(), &b.app)));
        Ok(Snapshot { apps })
    }

    fn remotes(&mut self) -> Result<Vec<Remote>, AppsError> {
        let mut remotes = Vec::new();
        for kind in [InstallationKind::User, InstallationKind::System] {
            let installation = self.installation(kind)?;
            let listed = installation
                .list_remotes(NO_CANCELLABLE)
                .map_err(|error| AppsError::from_glib(&error))?;
            remotes.extend(listed.into_iter().map(|remote| Remote {
                installation: kind,
                name: text(remote.name()),
                title: remote.title().map(String::from).filter(|t| !t.is_empty()),
                url: remote.url().map(String::from).filter(|u| !u.is_empty()),
                gpg_verify: remote.is_gpg_verify(),
                disabled: remote.is_disabled(),
            }));
        }
        Ok(remotes)
    }
}

/// The apps `remote` offers for this machine's architecture whose id, name or summary
/// contains `query` (any case; empty: all), with their sizes and permissions from the
/// remote's summary and their names from its AppStream catalogue (fetched first; a remote
/// without one lists ids). Talks to the remote, so it runs on a thread of its own (see
/// [`super::Apps::search`]), with an installation object of its own.
pub(crate) fn search(
    installations: &Installations,
    kind: InstallationKind,
    remote: &str,
    query: &str,
) -> Result<Vec<RemoteApp>, AppsError> {
    let installation = open(installations, kind)?;
    let arch = libflatpak::default_arch()
        .map(String::from)
        .unwrap_or_default();
    let query = query.trim().to_lowercase();
    let refs = installation
        .list_remote_refs_sync(remote, NO_CANCELLABLE)
        .map_err(|error| AppsError::from_glib(&error))?;
    let catalogue = catalogue(&installation, remote, &arch);
    let mut found = Vec::new();
    for remote_ref in refs {
        if remote_ref.kind() != RefKind::App {
            continue;
        }
        let id = text(remote_ref.name());
        let ref_arch = text(remote_ref.arch());
        let branch = text(remote_ref.branch());
        if !arch.is_empty() && arch != ref_arch {
            continue;
        }
        let full_ref = format!("app/{id}/{ref_arch}/{branch}");
        let entry = catalogue.get(&full_ref, &id);
        let name = entry
            .and_then(|entry| entry.name.clone())
            .unwrap_or_else(|| id.clone());
        let summary = entry.and_then(|entry| entry.summary.clone());
        let matches = [Some(&id), Some(&name), summary.as_ref()]
            .into_iter()
            .flatten()
            .any(|text| text.to_lowercase().contains(&query));
        if !matches {
            continue;
        }
        let metadata = match remote_ref.metadata() {
            Some(bytes) => bytes_text(&bytes),
            None => installation
                .fetch_remote_metadata_sync(remote, &remote_ref, NO_CANCELLABLE)
                .map(|bytes| bytes_text(&bytes))
                .map_err(|error| AppsError::from_glib(&error))?,
        };
        let installed = installation
            .installed_ref(
                RefKind::App,
                &id,
                Some(&ref_arch),
                Some(&branch),
                NO_CANCELLABLE,
            )
            .is_ok();
        found.push(RemoteApp {
            version: entry.and_then(|entry| entry.version.clone()),
            name,
            summary,
            app: AppRef {
                installation: kind,
                id,
                arch: ref_arch,
                branch,
            },
            remote: remote.to_owned(),
            download_size: remote_ref.download_size(),
            installed_size: remote_ref.installed_size(),
            permissions: Permissions::parse(&metadata),
            installed,
        });
    }
    found.sort_by(|a, b| (a.name.to_lowercase(), &a.app).cmp(&(b.name.to_lowercase(), &b.app)));
    Ok(found)
}

/// The installed apps of `kind` whose remote has a newer commit, each with the permissions
/// of that commit and what they add to the installed ones. Asks the remotes (the network).
pub(crate) fn updates(
    installations: &Installations,
    kind: InstallationKind,
) -> Result<Vec<AvailableUpdate>, AppsError> {
    let installation = open(installations, kind)?;
    let outdated = installation
        .list_installed_refs_for_update(NO_CANCELLABLE)
        .map_err(|error| AppsError::from_glib(&error))?;
    let mut updates = Vec::new();
    for installed in outdated {
        if installed.kind() != RefKind::App {
            continue;
        }
        let id = text(installed.name());
        let arch = text(installed.arch());
        let branch = text(installed.branch());
        let remote = text(installed.origin());
        let remote_ref = installation
            .fetch_remote_ref_sync(
                &remote,
                RefKind::App,
                &id,
                Some(&arch),
                Some(&branch),
                NO_CANCELLABLE,
            )
            .map_err(|error| AppsError::from_glib(&error))?;
        let new_metadata = match remote_ref.metadata() {
            Some(bytes) => bytes_text(&bytes),
            None => installation
                .fetch_remote_metadata_sync(&remote, &remote_ref, NO_CANCELLABLE)
                .map(|bytes| bytes_text(&bytes))
                .map_err(|error| AppsError::from_glib(&error))?,
        };
        let old = installed
            .load_metadata(NO_CANCELLABLE)
            .map(|bytes| Permissions::parse(&bytes_text(&bytes)))
            .map_err(|error| AppsError::from_glib(&error))?;
        let permissions = Permissions::parse(&new_metadata);
        updates.push(AvailableUpdate {
            added: old.added_in(&permissions),
            permissions,
            commit: text(remote_ref.commit()),
            download_size: remote_ref.download_size(),
            remote,
            app: AppRef {
                installation: kind,
                id,
                arch,
                branch,
            },
        });
    }
    updates.sort_by(|a, b| a.app.cmp(&b.app));
    Ok(updates)
}

/// Adds the remote a `.flatpakrepo` file describes to `kind`'s installation as `name`. A file
/// without a GPG key is refused ([`AppsError::Unsigned`]): a remote is never added with
/// verification off. An existing remote of that name is [`AppsError::AlreadyExists`].
pub(crate) fn add_remote(
    installations: &Installations,
    kind: InstallationKind,
    name: &str,
    flatpakrepo: &[u8],
) -> Result<(), AppsError> {
    // IMPORTANT: never add a remote whose content would not be verified: the file must carry
    // a key, and the remote as added must verify.
    let text = String::from_utf8_lossy(flatpakrepo);
    let has_key =
        metadata_value(&text, "Flatpak Repo", "GPGKey").is_some_and(|key| !key.trim().is_empty());
    if !has_key {
        return Err(AppsError::Unsigned);
    }
    let installation = open(installations, kind)?;
    let remote = libflatpak::Remote::from_file(name, &glib::Bytes::from(flatpakrepo))
        .map_err(|error| AppsError::from_glib(&error))?;
    if installation.remote_by_name(name, NO_CANCELLABLE).is_ok() {
        return Err(AppsError::AlreadyExists);
    }
    installation
        .add_remote(&remote, false, NO_CANCELLABLE)
        .map_err(|error| AppsError::from_glib(&error))?;
    let verifies = installation
        .remote_by_name(name, NO_CANCELLABLE)
        .is_ok_and(|added| added.is_gpg_verify());
    if !verifies {
        let _ = installation.remove_remote(name, NO_CANCELLABLE);
        return Err(AppsError::Unsigned);
    }
    Ok(())
}

/// How long bringing a remote's AppStream catalogue up to date may take before the search
/// goes on with the copy already here. For a system installation changed by a user who is
/// not root, the catalogue is deployed by Flatpak's system helper: a hung helper would
/// otherwise keep the search waiting for good.
pub(crate) const APPSTREAM_TIMEOUT: Duration = Duration::from_secs(20);

/// Cancels a `GCancellable` once `after` has passed, unless dropped before (a thread of its
/// own waits; dropping this ends it at once).
struct CancelAfter {
    _running: Option<mpsc::Sender<()>>,
}

impl CancelAfter {
    fn start(cancellable: &gio::Cancellable, after: Duration) -> Self {
        let (running, waits) = mpsc::channel::<()>();
        let cancellable = cancellable.clone();
        let spawned = thread::Builder::new()
            .name("flatpak-deadline".into())
            .spawn(move || {
                if let Err(mpsc::RecvTimeoutError::Timeout) = waits.recv_timeout(after) {
                    cancellable.cancel();
                }
            });
        match spawned {
            Ok(_) => Self {
                _running: Some(running),
            },
            Err(error) => {
                tracing::warn!(%error, "no deadline thread: the call is not bounded");
                Self { _running: None }
            }
        }
    }
}

/// The remote's AppStream catalogue, brought up to date first (ostree pulls only what
/// changed, GPG-verified; at most [`APPSTREAM_TIMEOUT`]); empty when the remote has none.
fn catalogue(installation: &Installation, remote: &str, arch: &str) -> Catalogue {
    let arch = Some(arch).filter(|arch| !arch.is_empty());
    let cancellable = gio::Cancellable::new();
    let deadline = CancelAfter::start(&cancellable, APPSTREAM_TIMEOUT);
    if let Err(error) = installation.update_appstream_sync(remote, arch, Some(&cancellable)) {
        tracing::debug!(%error, remote, "no AppStream catalogue brought up to date");
    }
    drop(deadline);
    installation
        .remote_by_name(remote, NO_CANCELLABLE)
        .ok()
        .and_then(|remote| remote.appstream_dir(arch))
        .and_then(|dir| dir.path())
        .map(|dir| Catalogue::read_gz(&dir.join("appstream.xml.gz")))
        .unwrap_or_default()
}

fn text(value: Option<glib::GString>) -> String {
    value.map(String::from).unwrap_or_default()
}

fn bytes_text(bytes: &glib::Bytes) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
