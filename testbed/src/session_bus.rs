//! A private D-Bus **session** bus, for tests of what an app does on the user's bus:
//! accessibility (AT-SPI) above all.
//!
//! [`SessionBus::start`] runs `dbus-daemon --session` (Debian's
//! `/usr/share/dbus-1/session.conf`, so services are activated from
//! `/usr/share/dbus-1/services`, `org.a11y.Bus` → `at-spi-bus-launcher` among them) listening
//! on `<dir>/session_bus_socket` in a fresh folder, with `XDG_RUNTIME_DIR` and `HOME` inside
//! that folder too: the accessibility bus `at-spi-bus-launcher` starts puts its socket in
//! `<dir>/runtime/at-spi/bus`, and nothing is written to the real user's folders.
//!
//! # Processes
//! `dbus-daemon` runs in its own process group. Services it activates
//! (`at-spi-bus-launcher`, the accessibility bus's own `dbus-daemon`, `at-spi2-registryd`,
//! `dconf-service`) are double-forked into that same group, so dropping the bus kills the
//! whole group by its id (never by process name) and nothing outlives it.
//!
//! Only the user who started it (root in the tests) may connect: `session.conf` allows only
//! the bus owner's uid.
//!
//! Debian packages: `dbus-daemon`, `systemd` (`busctl`), `at-spi2-core` (for
//! [`SessionBus::enable_accessibility`]).

use std::fs;
use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::spec::{BUSCTL, DBUS_DAEMON};
use crate::{Error, adopt_orphans, has_exited, kill_and_reap, log_tail, require, spawn};

/// The session bus configuration of the Debian package `dbus-daemon`.
const SESSION_CONF: &str = "/usr/share/dbus-1/session.conf";
/// `at-spi-bus-launcher`, activated for `org.a11y.Bus`.
const AT_SPI_BUS_LAUNCHER: &str = "/usr/libexec/at-spi-bus-launcher";
/// How long to wait for the socket.
const READY_TIMEOUT: Duration = Duration::from_secs(15);
/// Polling interval while waiting.
const POLL: Duration = Duration::from_millis(10);

/// A running private session bus; dropping it kills its process group.
#[derive(Debug)]
pub struct SessionBus {
    dir: PathBuf,
    socket: PathBuf,
    address: String,
    /// `None` once the folder is kept.
    temp: Option<TempDir>,
    /// `None` after teardown.
    child: Option<Child>,
}

impl SessionBus {
    /// Starts `dbus-daemon --session` on a socket in a fresh temp folder and waits until the
    /// socket is there (timeout 15 s, error with the daemon's log).
    pub fn start() -> Result<SessionBus, Error> {
        require(Path::new(DBUS_DAEMON), "dbus-daemon")?;
        require(Path::new(SESSION_CONF), "dbus-daemon")?;
        require(Path::new(BUSCTL), "systemd")?;
        let temp = tempfile::Builder::new()
            .prefix("ferrum-session-bus-")
            .tempdir()?;
        let dir = temp.path().to_path_buf();
        let runtime = dir.join("runtime");
        let home = dir.join("home");
        for folder in [&runtime, &home] {
            fs::create_dir(folder)?;
            fs::set_permissions(folder, fs::Permissions::from_mode(0o700))?;
        }
        // at-spi-bus-launcher and the rest are double-forked: reap them here, not in init.
        adopt_orphans();
        let socket = dir.join("session_bus_socket");
        let address = format!("unix:path={}", socket.display());
        let mut command = Command::new(DBUS_DAEMON);
        command
            .args(["--session", "--nofork"])
            .arg(format!("--address={address}"))
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("HOME", &home)
            // Activated services must neither find the caller's buses nor its X server.
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY");
        let child = spawn(command, &dir.join("session-bus.log"))?;
        tracing::debug!(pid = child.id(), dir = %dir.display(), "started the session bus");
        let mut bus = SessionBus {
            dir,
            socket,
            address,
            temp: Some(temp),
            child: Some(child),
        };
        bus.wait_for_socket()?;
        Ok(bus)
    }

    /// The bus address to pass as `DBUS_SESSION_BUS_ADDRESS`: `unix:path=<dir>/session_bus_socket`.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// The bus's folder (with `session-bus.log`, and `runtime/`, the `XDG_RUNTIME_DIR` of the
    /// services it activates).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The PID of `dbus-daemon`, also the id of the process group everything it activated
    /// runs in.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// Everything the bus (and the services it activated) logged so far.
    pub fn log(&self) -> String {
        fs::read(self.dir.join("session-bus.log"))
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default()
    }

    /// A `busctl --address=<this bus>` command.
    pub fn busctl(&self) -> Command {
        let mut command = Command::new(BUSCTL);
        command
            .arg(format!("--address={}", self.address))
            .stdin(Stdio::null());
        command
    }

    /// Turns assistive technology on, as a screen reader does when it starts: sets
    /// `org.a11y.Status.IsEnabled` on `org.a11y.Bus`, which activates `at-spi-bus-launcher`
    /// (and with it the accessibility bus). Apps that watch the property (accesskit,
    /// GTK) then publish their accessible trees.
    pub fn enable_accessibility(&self) -> Result<(), Error> {
        require(Path::new(AT_SPI_BUS_LAUNCHER), "at-spi2-core")?;
        let args = [
            "set-property",
            "org.a11y.Bus",
            "/org/a11y/bus",
            "org.a11y.Status",
            "IsEnabled",
            "b",
            "true",
        ];
        let output = self
            .busctl()
            .args(args)
            .output()
            .map_err(|source| Error::Spawn {
                program: BUSCTL.into(),
                source,
            })?;
        if output.status.success() {
            Ok(())
        } else {
            Err(Error::Busctl {
                args: args.join(" "),
                stderr: format!(
                    "{}\n{}",
                    String::from_utf8_lossy(&output.stderr).trim(),
                    log_tail(&self.dir.join("session-bus.log"))
                ),
            })
        }
    }

    /// Kills the bus and everything it activated (its process group, SIGKILL), reaps it and
    /// waits briefly for the rest of the group to go. A no-op the second time.
    pub fn stop(&mut self) -> Result<(), Error> {
        if let Some(child) = self.child.take() {
            tracing::debug!(pid = child.id(), "stopping the session bus");
            kill_and_reap(child)?;
        }
        Ok(())
    }

    /// Keeps the folder after drop (for debugging); returns its path.
    pub fn keep_dir(&mut self) -> PathBuf {
        match self.temp.take() {
            Some(temp) => temp.keep(),
            None => self.dir.clone(),
        }
    }

    fn wait_for_socket(&mut self) -> Result<(), Error> {
        let deadline = Instant::now() + READY_TIMEOUT;
        loop {
            let is_socket = fs::symlink_metadata(&self.socket)
                .map(|meta| meta.file_type().is_socket())
                .unwrap_or(false);
            if is_socket {
                return Ok(());
            }
            let log = self.dir.join("session-bus.log");
            if let Some(child) = self.child.take_if(|child| has_exited(child)) {
                let log_tail = log_tail(&log);
                let status = kill_and_reap(child)?;
                return Err(Error::Exited {
                    what: "the session bus (dbus-daemon --session)".to_owned(),
                    status,
                    log_tail,
                });
            }
            if Instant::now() >= deadline {
                let log_tail = log_tail(&log);
                self.stop()?;
                return Err(Error::Timeout {
                    what: format!("the session bus socket {}", self.socket.display()),
                    log_tail,
                });
            }
            thread::sleep(POLL);
        }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        if let Err(error) = self.stop() {
            tracing::warn!(%error, "session bus teardown failed");
        }
        // `temp` (if still owned) removes the folder when the fields drop after this.
    }
}
