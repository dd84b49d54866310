//! The `org.freedesktop.impl.portal.Settings` object and the loop that keeps it current.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use ferrum_accessibility::Preferences;
use ferrum_accessibility::preferences::{ColorScheme, local_time, seconds_to_next_switch};
use zbus::object_server::SignalEmitter;
use zbus::zvariant::Value;

use crate::{
    Appearance, BUS_NAME, NAMESPACE, OBJECT_PATH, VERSION, load_preferences, namespace_matches,
    watch,
};

/// The longest the time-of-day timer sleeps before looking at the clock again: a monotonic
/// timer does not count a suspended machine, nor a clock that was set, so it is re-armed at
/// least this often while the colour scheme follows the time of day (and never otherwise).
const LONGEST_SLEEP: Duration = Duration::from_secs(600);

/// The errors the portal's callers see.
#[derive(Debug, zbus::DBusError)]
#[zbus(prefix = "org.freedesktop.portal.Error")]
pub enum PortalError {
    /// A bus failure.
    #[zbus(error)]
    ZBus(zbus::Error),
    /// An unknown namespace or key (what the frontend expects, to try its next backend).
    NotFound(String),
}

/// The object served at [`OBJECT_PATH`].
#[derive(Debug, Clone)]
pub struct Settings {
    current: Arc<Mutex<Appearance>>,
}

impl Settings {
    /// An object answering with `appearance` until [`Settings::replace`] says otherwise.
    pub fn new(appearance: Appearance) -> Self {
        Self {
            current: Arc::new(Mutex::new(appearance)),
        }
    }

    /// What is served now.
    pub fn current(&self) -> Appearance {
        *self.current.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Serves `newer`; returns what was served before.
    pub fn replace(&self, newer: Appearance) -> Appearance {
        std::mem::replace(
            &mut *self.current.lock().unwrap_or_else(PoisonError::into_inner),
            newer,
        )
    }
}

#[zbus::interface(name = "org.freedesktop.impl.portal.Settings")]
impl Settings {
    /// Every key of every namespace `namespaces` asks for.
    async fn read_all(
        &self,
        namespaces: Vec<String>,
    ) -> HashMap<String, HashMap<String, Value<'static>>> {
        let mut all = HashMap::new();
        if namespace_matches(NAMESPACE, &namespaces) {
            all.insert(NAMESPACE.to_owned(), self.current().entries());
        }
        all
    }

    /// One key's value; `NotFound` for anything not served.
    async fn read(&self, namespace: &str, key: &str) -> Result<Value<'static>, PortalError> {
        if namespace != NAMESPACE {
            return Err(PortalError::NotFound(format!(
                "namespace {namespace} is not served here"
            )));
        }
        self.current()
            .value(key)
            .ok_or_else(|| PortalError::NotFound(format!("{namespace} has no key {key}")))
    }

    /// A key's value changed.
    #[zbus(signal)]
    async fn setting_changed(
        emitter: &SignalEmitter<'_>,
        namespace: &str,
        key: &str,
        value: Value<'_>,
    ) -> zbus::Result<()>;

    /// The interface version.
    #[zbus(property(emits_changed_signal = "const"), name = "version")]
    fn version(&self) -> u32 {
        VERSION
    }
}

/// Why the service stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The session bus refused (no bus, or the name is taken).
    #[error("session bus: {0}")]
    Bus(#[from] zbus::Error),
}

/// Serves the Settings backend for the preferences at `path` on the session bus under
/// [`BUS_NAME`], following the file until the process ends.
pub async fn serve(path: PathBuf) -> Result<(), ServeError> {
    // Follow first, then read: a change between the two is not lost.
    let mut changes = match watch::watch(&path) {
        Ok(changes) => Some(changes),
        Err(error) => {
            tracing::warn!(%error, "not following the preferences; serving them as read now");
            None
        }
    };
    let mut preferences = load_preferences(&path);
    let settings = Settings::new(Appearance::from_preferences(&preferences, local_time().0));
    let connection = zbus::connection::Builder::session()?
        .serve_at(OBJECT_PATH, settings.clone())?
        .name(BUS_NAME)?
        .build()
        .await?;
    tracing::info!(path = %path.display(), "serving {NAMESPACE} as {BUS_NAME}");
    let emitter = SignalEmitter::new(&connection, OBJECT_PATH)?;
    loop {
        let follows_clock = preferences.color_scheme == Some(ColorScheme::TimeOfDay);
        let until_switch = Duration::from_secs(u64::from(seconds_to_next_switch(local_time().1)));
        let timer = async {
            if follows_clock {
                tokio::time::sleep(until_switch.min(LONGEST_SLEEP)).await;
            } else {
                std::future::pending::<()>().await;
            }
        };
        tokio::select! {
            changed = next_change(&mut changes) => {
                if changed {
                    preferences = reload(&path, &mut changes);
                }
            }
            () = timer => {}
        }
        let newer = Appearance::from_preferences(&preferences, local_time().0);
        let older = settings.replace(newer);
        for key in older.changed_keys(&newer) {
            let Some(value) = newer.value(key) else {
                continue;
            };
            tracing::debug!(key, ?value, "setting changed");
            if let Err(error) = Settings::setting_changed(&emitter, NAMESPACE, key, value).await {
                tracing::warn!(%error, key, "SettingChanged not sent");
            }
        }
    }
}

/// Waits for the next change; `false` (after logging) once the watcher has ended, which then
/// waits forever.
async fn next_change(changes: &mut Option<tokio::sync::mpsc::UnboundedReceiver<()>>) -> bool {
    match changes {
        Some(receiver) => match receiver.recv().await {
            Some(()) => true,
            None => {
                tracing::warn!("the preferences watcher ended");
                *changes = None;
                false
            }
        },
        None => std::future::pending().await,
    }
}

/// Reads the file once for a burst of changes.
fn reload(
    path: &std::path::Path,
    changes: &mut Option<tokio::sync::mpsc::UnboundedReceiver<()>>,
) -> Preferences {
    if let Some(receiver) = changes {
        while receiver.try_recv().is_ok() {}
    }
    load_preferences(path)
}
