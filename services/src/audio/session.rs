//! [`AudioSession`]: which PipeWire to talk to, and the one PipeWire thread
//! its users share.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use tokio::sync::oneshot;

use super::commands::Action;
use super::engine::{EngineHandle, Remote, Request};
use super::error::{AudioError, LocalFailure};

/// How long a command may take before it fails with
/// [`AudioError::NoAnswer`]: PipeWire answers locally in milliseconds, so
/// this only bounds a hung daemon.
pub const COMMAND_TIMEOUT: Duration = Duration::from_secs(5);
/// How long [`test_speakers`](super::test_speakers) may take in all (it
/// plays each channel in turn, then waits for the sound to drain).
pub const TEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The user's PipeWire, by how to reach it. Cheap to clone (clones share
/// one connection), `Send` and `Sync`; keep one per app (or page) and pass
/// clones to streams and commands.
///
/// It connects only while used: while a [`watch`](super::watch) or
/// [`level_meter`](super::level_meter) stream lives or a command runs, one
/// thread of this process holds one connection to PipeWire; when the last
/// of them ends, the thread closes the connection and ends. A page that is
/// not shown therefore costs nothing.
#[derive(Clone)]
pub struct AudioSession {
    inner: Arc<Inner>,
}

struct Inner {
    remote: Remote,
    /// The running thread, while anyone uses it.
    engine: Mutex<Weak<EngineHandle>>,
}

impl std::fmt::Debug for AudioSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let running = self
            .inner
            .engine
            .lock()
            .map(|engine| engine.strong_count() > 0)
            .unwrap_or(false);
        f.debug_struct("AudioSession")
            .field("remote", &self.inner.remote)
            .field("connected", &running)
            .finish()
    }
}

impl Default for AudioSession {
    fn default() -> Self {
        Self::new()
    }
}

impl AudioSession {
    /// The session's PipeWire as libpipewire finds it: `PIPEWIRE_REMOTE`,
    /// else the socket `pipewire-0` in `PIPEWIRE_RUNTIME_DIR` or
    /// `XDG_RUNTIME_DIR`.
    pub fn new() -> Self {
        Self::with_remote(Remote::Default)
    }

    /// The PipeWire listening on this socket (an absolute path, e.g.
    /// `<runtime dir>/pipewire-0`), whatever the environment says. (If
    /// `PIPEWIRE_REMOTE` is set, libpipewire may still prefer it.)
    pub fn with_socket(socket: impl Into<PathBuf>) -> Self {
        Self::with_remote(Remote::Socket(socket.into()))
    }

    fn with_remote(remote: Remote) -> Self {
        Self {
            inner: Arc::new(Inner {
                remote,
                engine: Mutex::new(Weak::new()),
            }),
        }
    }

    /// The socket this session was made for, if one was given.
    pub fn socket(&self) -> Option<&Path> {
        match &self.inner.remote {
            Remote::Default => None,
            Remote::Socket(path) => Some(path),
        }
    }

    /// The running PipeWire thread, started if nobody uses one.
    pub(crate) fn engine(&self) -> Result<Arc<EngineHandle>, AudioError> {
        let mut slot = self
            .inner
            .engine
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(engine) = slot.upgrade() {
            return Ok(engine);
        }
        let engine = Arc::new(EngineHandle::spawn(self.inner.remote.clone())?);
        *slot = Arc::downgrade(&engine);
        Ok(engine)
    }

    /// Sends a command and waits for its answer, at most `timeout`.
    pub(crate) async fn run(&self, command: Action, timeout: Duration) -> Result<(), AudioError> {
        let engine = self.engine()?;
        let (reply, answer) = oneshot::channel();
        engine.send(Request::Command { command, reply })?;
        match tokio::time::timeout(timeout, answer).await {
            Ok(Ok(result)) => result,
            // The thread dropped the reply: it ended.
            Ok(Err(_)) => Err(AudioError::Local(LocalFailure::ThreadEnded)),
            Err(_) => Err(AudioError::NoAnswer),
        }
    }
}
