//! Installs, updates and removals: one `FlatpakTransaction` on a thread of its own, so a long
//! download never holds up the reads of the worker thread. The thread opens its own
//! installation (GObjects stay on the thread that made them), reports libflatpak's
//! `new-operation`, progress `changed` and `operation-done` signals through an unbounded
//! channel, and ends with [`OperationEvent::Finished`]. A `GCancellable` (thread-safe) is the
//! cancel button: libflatpak stops the step in progress and leaves nothing of it deployed.

use std::cell::{Cell, RefCell};
use std::path::{Component, Path};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::thread;

use futures::Stream;
use libflatpak::prelude::*;
use libflatpak::{Transaction, TransactionOperationType, gio, glib};
use tokio::sync::mpsc;

use super::error::AppsError;
use super::instances;
use super::types::{
    Action, InstallationKind, Installations, OperationEvent, Progress, Step, StepKind,
};
use super::worker;

/// How often libflatpak reports progress within a step, in milliseconds (its default is
/// 500 ms; a progress bar wants more).
const PROGRESS_INTERVAL_MS: u32 = 100;

/// A running install, update or removal: a stream of [`OperationEvent`]s that ends after
/// [`OperationEvent::Finished`]. Dropping it does not cancel the transaction (an install the
/// person started finishes even if the page is left); [`Operation::cancel`] does.
#[derive(Debug)]
pub struct Operation {
    events: mpsc::UnboundedReceiver<OperationEvent>,
    canceller: Canceller,
}

impl Operation {
    /// A handle that cancels this operation from anywhere.
    pub fn canceller(&self) -> Canceller {
        self.canceller.clone()
    }

    /// Cancels: libflatpak stops once ostree's downloads in flight have finished (the step in
    /// progress is not deployed; steps done before it stay) and the stream ends with
    /// `Finished(Err(Cancelled))`, unless it had finished already.
    pub fn cancel(&self) {
        self.canceller.cancel();
    }
}

impl Stream for Operation {
    type Item = OperationEvent;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.events.poll_recv(cx)
    }
}

/// Cancels one [`Operation`]; cheap to clone, `Send`.
#[derive(Debug, Clone)]
pub struct Canceller(gio::Cancellable);

impl Canceller {
    /// Cancels the operation (no effect once it finished).
    pub fn cancel(&self) {
        self.0.cancel();
    }
}

/// Starts `action` on its own thread.
pub(crate) fn start(installations: Installations, action: Action) -> Operation {
    let (sender, events) = mpsc::unbounded_channel();
    let cancellable = gio::Cancellable::new();
    let canceller = Canceller(cancellable.clone());
    let finished = sender.clone();
    let spawned = thread::Builder::new()
        .name("flatpak-transaction".into())
        .spawn(move || {
            // Sources libflatpak and ostree attach to the thread's default context land on
            // one of this thread's own, iterated by their blocking calls.
            let context = glib::MainContext::new();
            let result = context
                .with_thread_default(|| run(&installations, &action, &cancellable, &sender))
                .unwrap_or_else(|error| {
                    Err(AppsError::other(format!(
                        "could not take the transaction's main context: {error}"
                    )))
                });
            let _ = sender.send(OperationEvent::Finished(result));
        });
    if let Err(error) = spawned {
        let _ = finished.send(OperationEvent::Finished(Err(AppsError::other(format!(
            "could not start the transaction thread: {error}"
        )))));
    }
    Operation { events, canceller }
}

fn run(
    installations: &Installations,
    action: &Action,
    cancellable: &gio::Cancellable,
    sender: &mpsc::UnboundedSender<OperationEvent>,
) -> Result<(), AppsError> {
    let app = action.app();
    let installation = worker::open(installations, app.installation)?;
    let transaction = Transaction::for_installation(&installation, Some(cancellable))
        .map_err(|error| AppsError::from_glib(&error))?;
    // Runtimes may come from the other installation too, as with the flatpak command.
    transaction.add_default_dependency_sources();
    let reference = app.full_ref();
    let added = match action {
        Action::Install { remote, .. } => transaction.add_install(remote, &reference, &[]),
        Action::Update { commit, .. } => transaction.add_update(&reference, &[], commit.as_deref()),
        Action::Uninstall { .. } => transaction.add_uninstall(&reference),
    };
    added.map_err(|error| AppsError::from_glib(&error))?;

    let index = Rc::new(Cell::new(0_usize));
    {
        let index = Rc::clone(&index);
        let sender = sender.clone();
        transaction.connect_new_operation(move |transaction, operation, progress| {
            let step = index.get() + 1;
            index.set(step);
            let steps = transaction.operations().len().max(step);
            let kind = match operation.operation_type() {
                TransactionOperationType::Uninstall => StepKind::Uninstall,
                TransactionOperationType::Update => StepKind::Update,
                _ => StepKind::Install,
            };
            let _ = sender.send(OperationEvent::Step(Step {
                index: step,
                count: steps,
                kind,
                reference: operation.get_ref().map(String::from).unwrap_or_default(),
                download_size: operation.download_size(),
            }));
            progress.set_update_frequency(PROGRESS_INTERVAL_MS);
            let sender = sender.clone();
            progress.connect_changed(move |progress| {
                let _ = sender.send(OperationEvent::Progress(Progress {
                    step,
                    steps,
                    percent: u8::try_from(progress.progress().clamp(0, 100)).unwrap_or(100),
                    bytes_transferred: progress.bytes_transferred(),
                    estimating: progress.is_estimating(),
                }));
            });
        });
    }
    {
        // Not `connect_operation_done`: libflatpak-rs 0.7 reads the signal's commit as a
        // non-null string, and it is NULL for a removal (a panic inside a C callback aborts
        // the process). The generic connection reads it as an optional value.
        let index = Rc::clone(&index);
        let sender = sender.clone();
        transaction.connect_local("operation-done", false, move |_| {
            let _ = sender.send(OperationEvent::StepDone { index: index.get() });
            None
        });
    }
    // A failed step aborts the transaction with "Aborted due to failure"; the step's own
    // error comes only through this signal. Non-fatal ones are logged and passed over, as the
    // flatpak command does.
    let failure: Rc<RefCell<Option<AppsError>>> = Rc::new(RefCell::new(None));
    {
        let failure = Rc::clone(&failure);
        transaction.connect_operation_error(move |_, operation, error, details| {
            let reference = operation.get_ref().map(String::from).unwrap_or_default();
            // libflatpak-rs names the NON_FATAL bit `FATAL`: compare with the C constant.
            let non_fatal =
                details.bits() & libflatpak::ffi::FLATPAK_TRANSACTION_ERROR_DETAILS_NON_FATAL != 0;
            if non_fatal {
                tracing::info!(%error, reference, "a Flatpak step failed without harm");
                return true;
            }
            tracing::debug!(
                domain = error.domain().as_str().as_str(),
                code = error.code(),
                message = error.message(),
                reference,
                "a Flatpak step failed"
            );
            failure
                .borrow_mut()
                .get_or_insert_with(|| AppsError::from_glib(error));
            false
        });
    }
    let ran = transaction.run(Some(cancellable));
    match ran {
        Err(_) if cancellable.is_cancelled() => return Err(AppsError::Cancelled),
        Err(error) => {
            let step_failure = failure.borrow_mut().take();
            let failure =
                step_failure.unwrap_or_else(|| remote_failure_or(&installation, action, &error));
            return Err(helper_failure_or(app.installation, failure));
        }
        Ok(()) => {}
    }
    if matches!(action, Action::Update { .. } | Action::Uninstall { .. }) {
        let instances = instances::running_instances(
            &installations.runtime_dir,
            installations.path(app.installation),
            &app.id,
        );
        if instances > 0 {
            let _ = sender.send(OperationEvent::StillRunning { instances });
        }
    }
    if let Action::Uninstall {
        app,
        delete_data: true,
    } = action
    {
        delete_data(&installations.app_data, &app.id)?;
    }
    Ok(())
}

/// The error of a failed transaction; when installing from a remote failed with "no such
/// ref", the remote is asked for its refs first: libflatpak resolves refs against the
/// remote's summary and reports a remote it could not reach, or whose summary's signature did
/// not verify, as one that does not have the ref.
fn remote_failure_or(
    installation: &libflatpak::Installation,
    action: &Action,
    error: &glib::Error,
) -> AppsError {
    let classified = AppsError::from_glib(error);
    if let (AppsError::NotFound { .. }, Action::Install { remote, .. }) = (&classified, action)
        && let Err(probe) = installation.list_remote_refs_sync(remote, worker::NO_CANCELLABLE)
    {
        let probe = AppsError::from_glib(&probe);
        if probe.is_remote_unreachable() || probe.is_signature_invalid() {
            return probe;
        }
    }
    classified
}

/// The system helper's bus name (on the system bus).
const SYSTEM_HELPER_BUS_NAME: &str = "org.freedesktop.Flatpak.SystemHelper";

/// `failure` of a change of the system installation made by a user who is not root, or
/// [`AppsError::SystemHelperUnavailable`] when it is unclassified and Flatpak's system helper
/// no longer owns its name: libflatpak then wrote through the helper (its pulls land in a
/// folder the helper serves with revokefs-fuse), and a helper that went away mid-change shows
/// up as whatever step failed first — a write's "Input/output error", not a D-Bus error.
fn helper_failure_or(installation: InstallationKind, failure: AppsError) -> AppsError {
    if installation != InstallationKind::System
        || rustix::process::geteuid().is_root()
        || !matches!(failure, AppsError::Other { .. })
        || system_helper_runs() != Some(false)
    {
        return failure;
    }
    AppsError::SystemHelperUnavailable {
        detail: std::sync::Arc::from(format!(
            "{SYSTEM_HELPER_BUS_NAME} is gone; {}",
            failure.detail().unwrap_or_default()
        )),
    }
}

/// Whether the system helper owns its name on the system bus (`None`: the bus could not be
/// asked).
fn system_helper_runs() -> Option<bool> {
    let bus = gio::bus_get_sync(gio::BusType::System, worker::NO_CANCELLABLE).ok()?;
    let answer = bus
        .call_sync(
            Some("org.freedesktop.DBus"),
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "NameHasOwner",
            Some(&(SYSTEM_HELPER_BUS_NAME,).to_variant()),
            Some(glib::VariantTy::new("(b)").ok()?),
            gio::DBusCallFlags::NONE,
            HELPER_PROBE_TIMEOUT_MS,
            worker::NO_CANCELLABLE,
        )
        .ok()?;
    answer.get::<(bool,)>().map(|(owned,)| owned)
}

/// How long asking the bus about the helper may take.
const HELPER_PROBE_TIMEOUT_MS: i32 = 2_000;

/// Whether `id` is a single plain name (no separator, not `.`/`..`, not hidden): safe to join
/// to the data folder.
pub(crate) fn is_plain_id(id: &str) -> bool {
    let mut components = Path::new(id).components();
    matches!(components.next(), Some(Component::Normal(_)))
        && components.next().is_none()
        && !id.starts_with('.')
}

/// The bytes under `<app_data>/<id>` (files' lengths, symlinks not followed); 0 when the app
/// has no data folder.
pub(crate) fn data_size(app_data: &Path, id: &str) -> Result<u64, AppsError> {
    if !is_plain_id(id) {
        return Err(AppsError::other(format!("not an app id: {id:?}")));
    }
    let mut total = 0_u64;
    let mut folders = vec![app_data.join(id)];
    while let Some(folder) = folders.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => {
                return Err(AppsError::other(format!(
                    "could not read {}: {error}",
                    folder.display()
                )));
            }
        };
        for entry in entries.flatten() {
            let Ok(metadata) = entry.metadata() else {
                continue;
            };
            if metadata.is_dir() {
                folders.push(entry.path());
            } else {
                total = total.saturating_add(metadata.len());
            }
        }
    }
    Ok(total)
}

/// Removes `<app_data>/<id>` (the app's `~/.var/app/<id>`), if there is one; refuses an id
/// that is not a single plain name.
fn delete_data(app_data: &Path, id: &str) -> Result<(), AppsError> {
    if !is_plain_id(id) {
        return Err(AppsError::other(format!("not an app id: {id:?}")));
    }
    match std::fs::remove_dir_all(app_data.join(id)) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::PermissionDenied => {
            Err(AppsError::PermissionDenied {
                detail: error.to_string().into(),
            })
        }
        Err(error) => Err(AppsError::other(format!(
            "could not delete the app's data: {error}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_plain_app_id_has_its_data_deleted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("org.example.App/data")).unwrap();
        std::fs::write(dir.path().join("keep"), "").unwrap();
        for id in ["..", "../x", "/etc", ".hidden", "a/b", ""] {
            assert!(delete_data(dir.path(), id).is_err(), "{id}");
        }
        std::fs::write(dir.path().join("org.example.App/data/a"), [0; 100]).unwrap();
        std::fs::write(dir.path().join("org.example.App/b"), [0; 20]).unwrap();
        assert_eq!(data_size(dir.path(), "org.example.App").unwrap(), 120);
        assert_eq!(data_size(dir.path(), "org.example.Gone").unwrap(), 0);
        assert!(data_size(dir.path(), "..").is_err());
        delete_data(dir.path(), "org.example.App").unwrap();
        assert!(!dir.path().join("org.example.App").exists());
        assert!(dir.path().join("keep").exists());
        // Nothing to delete is fine.
        delete_data(dir.path(), "org.example.Gone").unwrap();
    }
}
