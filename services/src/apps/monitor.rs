//! Noticing changes made by anyone (the flatpak command, another app store): libflatpak's own
//! installation monitors (`flatpak_installation_create_monitor`, a `GFileMonitor` on the
//! installation's `.changed` file, which Flatpak rewrites after every change), one per
//! installation, on a thread that runs a GLib main loop of its own for as long as the
//! [`Monitor`] lives.

use std::thread;

use futures::channel::mpsc;
use libflatpak::prelude::*;
use libflatpak::{gio, glib};
use tokio::sync::oneshot;

use super::error::AppsError;
use super::types::{InstallationKind, Installations};
use super::worker::{self, NO_CANCELLABLE};

/// Stops the monitor thread when dropped.
#[derive(Debug)]
pub(crate) struct Monitor {
    main_loop: glib::MainLoop,
}

impl Drop for Monitor {
    fn drop(&mut self) {
        self.main_loop.quit();
    }
}

/// Starts monitoring both installations; a `()` arrives on the receiver for each file event.
pub(crate) async fn start(
    installations: Installations,
) -> Result<(mpsc::UnboundedReceiver<()>, Monitor), AppsError> {
    let (events, receiver) = mpsc::unbounded();
    let (ready, started) = oneshot::channel::<Result<glib::MainLoop, AppsError>>();
    thread::Builder::new()
        .name("flatpak-monitor".into())
        .spawn(move || {
            let context = glib::MainContext::new();
            let main_loop = glib::MainLoop::new(Some(&context), false);
            let entered = context.with_thread_default(|| {
                let mut monitors: Vec<gio::FileMonitor> = Vec::new();
                for kind in [InstallationKind::User, InstallationKind::System] {
                    let monitor = worker::open(&installations, kind).and_then(|installation| {
                        installation
                            .create_monitor(NO_CANCELLABLE)
                            .map_err(|error| AppsError::from_glib(&error))
                    });
                    match monitor {
                        Ok(monitor) => {
                            let events = events.clone();
                            monitor.connect_changed(move |_, _, _, _| {
                                let _ = events.unbounded_send(());
                            });
                            monitors.push(monitor);
                        }
                        Err(error) => {
                            let _ = ready.send(Err(error));
                            return;
                        }
                    }
                }
                if ready.send(Ok(main_loop.clone())).is_ok() {
                    main_loop.run();
                }
                for monitor in monitors {
                    monitor.cancel();
                }
            });
            if let Err(error) = entered {
                tracing::warn!(%error, "the Flatpak monitor could not take its main context");
            }
        })
        .map_err(|error| {
            AppsError::other(format!("could not start the monitor thread: {error}"))
        })?;
    match started.await {
        Ok(Ok(main_loop)) => Ok((receiver, Monitor { main_loop })),
        Ok(Err(error)) => Err(error),
        Err(_) => Err(AppsError::other(
            "the monitor thread ended before it started",
        )),
    }
}
