//! The portal bed: the real `xdg-desktop-portal` frontend on a private session bus, with
//! Ferrum's Settings backend (`ferrum-portal`) D-Bus-activated behind it.
//!
//! Not a [`crate::Service`] (those live on the bed's system bus): [`PortalBed::start`] runs a
//! `dbus-daemon` of its own whose only service folder is the bed's, holding two activation
//! files — `org.freedesktop.portal.Desktop` → `/usr/libexec/xdg-desktop-portal` and
//! `org.freedesktop.impl.portal.desktop.ferrum` → the backend binary the caller built. Every
//! activated program inherits the bus's environment, which is the session's as Ferrum sets it:
//! `XDG_CURRENT_DESKTOP=ferrum`, `XDG_DESKTOP_PORTAL_DIR=<bed>/portals` (the frontend's
//! variable for where `.portal` files — and, from 1.17, `portals.conf` — are read; with it set
//! no other folder is read), holding the repository's `portals/data/ferrum.portal` and
//! `ferrum-portals.conf`, and `XDG_CONFIG_HOME=<bed>/config`, so the backend serves
//! [`PortalBed::preferences_path`]. `HOME` and `XDG_RUNTIME_DIR` are inside the bed too.
//!
//! Debian 12's frontend is 1.16: it chooses backends by the `.portal` file's `UseIn=` (the
//! conf file is read from 1.17 on) and its `org.freedesktop.portal.Settings` is version 1,
//! without `ReadOne`: `Read` answers with the value wrapped in one more variant. The image's
//! frontend (trixie, 1.20) has both.
//!
//! # Processes
//! `dbus-daemon` runs in its own process group; what it activates (the frontend, the
//! backend, and whatever the frontend activates in turn) stays in that group, so dropping the
//! bed kills the group by its id (never by name). [`PortalBed::backend_pid`] asks the bus for
//! the backend's PID, for tests that kill it.
//!
//! Debian packages: `dbus-daemon`, `xdg-desktop-portal`, `systemd` (`busctl`).

use std::fs;
use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::spec::{BUSCTL, DBUS_DAEMON};
use crate::{Error, adopt_orphans, has_exited, kill_and_reap, log_tail, require, spawn};

/// The portal frontend.
pub const FRONTEND: &str = "/usr/libexec/xdg-desktop-portal";
/// The frontend's bus name.
pub const FRONTEND_NAME: &str = "org.freedesktop.portal.Desktop";
/// Ferrum's backend's bus name.
pub const BACKEND_NAME: &str = "org.freedesktop.impl.portal.desktop.ferrum";
/// The desktop name the session sets.
pub const DESKTOP: &str = "ferrum";
/// The packaging files the bed installs, from the repository.
const PORTAL_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../portals/data");
/// How long to wait for the socket.
const READY_TIMEOUT: Duration = Duration::from_secs(15);
/// Polling interval while waiting for the socket.
const POLL: Duration = Duration::from_millis(10);
/// The bus's own log.
const LOG: &str = "portal-bus.log";

/// A running portal bed; dropping it kills everything in it.
#[derive(Debug)]
pub struct PortalBed {
    dir: PathBuf,
    address: String,
    /// `None` once the folder is kept.
    temp: Option<TempDir>,
    /// `None` after teardown.
    child: Option<Child>,
}

impl PortalBed {
    /// Starts the bus with the frontend and `backend` (the `ferrum-portal` executable) ready
    /// to be activated; neither runs until something calls it.
    pub fn start(backend: &Path) -> Result<PortalBed, Error> {
        require(Path::new(DBUS_DAEMON), "dbus-daemon")?;
        require(Path::new(FRONTEND), "xdg-desktop-portal")?;
        require(Path::new(BUSCTL), "systemd")?;
        require(
            backend,
            "(the ferrum-portal binary: cargo build -p ferrum-portal)",
        )?;
        let temp = tempfile::Builder::new()
            .prefix("ferrum-portal-bed-")
            .tempdir()?;
        let dir = temp.path().to_path_buf();
        for folder in ["runtime", "home", "config/ferrum", "services", "portals"] {
            fs::create_dir_all(dir.join(folder))?;
        }
        fs::set_permissions(dir.join("runtime"), fs::Permissions::from_mode(0o700))?;
        let data = Path::new(PORTAL_DATA);
        for file in ["ferrum.portal", "ferrum-portals.conf"] {
            fs::copy(data.join(file), dir.join("portals").join(file))?;
        }
        fs::write(
            dir.join("services/org.freedesktop.portal.Desktop.service"),
            format!("[D-BUS Service]\nName={FRONTEND_NAME}\nExec={FRONTEND}\n"),
        )?;
        // The shipped activation file with the built binary in place of the installed one
        // (no systemd user manager here to hand `SystemdService=` to).
        fs::write(
            dir.join(format!("services/{BACKEND_NAME}.service")),
            format!(
                "[D-BUS Service]\nName={BACKEND_NAME}\nExec={}\n",
                backend.display()
            ),
        )?;
        let socket = dir.join("bus");
        let address = format!("unix:path={}", socket.display());
        fs::write(
            dir.join("bus.conf"),
            bus_config(&address, &dir.join("services")),
        )?;
        adopt_orphans();
        let mut command = Command::new(DBUS_DAEMON);
        command
            .arg(format!("--config-file={}", dir.join("bus.conf").display()))
            .arg("--nofork")
            .env_clear()
            .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
            .env("HOME", dir.join("home"))
            .env("XDG_RUNTIME_DIR", dir.join("runtime"))
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .env("XDG_CURRENT_DESKTOP", DESKTOP)
            .env("XDG_DESKTOP_PORTAL_DIR", dir.join("portals"))
            .env("RUST_LOG", "ferrum_portal=debug")
            .env("G_MESSAGES_DEBUG", "xdg-desktop-portal");
        let child = spawn(command, &dir.join(LOG))?;
        tracing::debug!(pid = child.id(), dir = %dir.display(), "started the portal bed's bus");
        let mut bed = PortalBed {
            dir,
            address,
            temp: Some(temp),
            child: Some(child),
        };
        bed.wait_for_socket(&socket)?;
        Ok(bed)
    }

    /// The bus address (`DBUS_SESSION_BUS_ADDRESS` for clients).
    pub fn address(&self) -> &str {
        &self.address
    }

    /// The preferences file the backend serves (`<bed>/config/ferrum/accessibility.toml`,
    /// not there until something saves it).
    pub fn preferences_path(&self) -> PathBuf {
        self.dir.join("config/ferrum/accessibility.toml")
    }

    /// The bed's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Everything the bus, the frontend and the backend logged so far.
    pub fn log(&self) -> String {
        fs::read(self.dir.join(LOG))
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default()
    }

    /// The PID of the process owning `name` on the bed's bus, if any.
    pub fn pid_of(&self, name: &str) -> Option<u32> {
        let output = Command::new(BUSCTL)
            .arg(format!("--address={}", self.address))
            .args(["call", "org.freedesktop.DBus", "/org/freedesktop/DBus"])
            .args([
                "org.freedesktop.DBus",
                "GetConnectionUnixProcessID",
                "s",
                name,
            ])
            .stdin(Stdio::null())
            .output()
            .ok()?;
        // `u 1234`
        String::from_utf8_lossy(&output.stdout)
            .trim()
            .strip_prefix("u ")?
            .parse()
            .ok()
    }

    /// The backend's PID while it runs.
    pub fn backend_pid(&self) -> Option<u32> {
        self.pid_of(BACKEND_NAME)
    }

    /// Kills the bus and everything it activated (its process group). A no-op the second
    /// time.
    pub fn stop(&mut self) -> Result<(), Error> {
        if let Some(child) = self.child.take() {
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

    fn wait_for_socket(&mut self, socket: &Path) -> Result<(), Error> {
        let deadline = Instant::now() + READY_TIMEOUT;
        loop {
            if fs::symlink_metadata(socket).is_ok_and(|meta| meta.file_type().is_socket()) {
                return Ok(());
            }
            if let Some(child) = self.child.take_if(|child| has_exited(child)) {
                let log_tail = log_tail(&self.dir.join(LOG));
                let status = kill_and_reap(child)?;
                return Err(Error::Exited {
                    what: "the portal bed's bus".to_owned(),
                    status,
                    log_tail,
                });
            }
            if Instant::now() >= deadline {
                let log_tail = log_tail(&self.dir.join(LOG));
                self.stop()?;
                return Err(Error::Timeout {
                    what: format!("the portal bed's bus socket {}", socket.display()),
                    log_tail,
                });
            }
            thread::sleep(POLL);
        }
    }
}

impl Drop for PortalBed {
    fn drop(&mut self) {
        if let Err(error) = self.stop() {
            tracing::warn!(%error, "portal bed teardown failed");
        }
    }
}

/// A session bus on `address` activating only from `services`; any local client may do
/// anything (the bed's bus is private to its folder).
fn bus_config(address: &str, services: &Path) -> String {
    format!(
        r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>{address}</listen>
  <auth>EXTERNAL</auth>
  <servicedir>{}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
        services.display()
    )
}
