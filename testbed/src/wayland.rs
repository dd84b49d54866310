//! Headless Wayland sessions: a headless `sway` compositor, the app as a separate client,
//! screenshots with `grim` and key presses with `wtype`. Used by tests that drive the app
//! step by step through [`Session`], and by `cargo xtask demo` / `bench`.
//!
//! # Why sway and not cage
//! Measured on this machine (Debian bookworm, cage 0.1.4 on wlroots 0.16, pixman renderer):
//! with the app as the only client of headless cage, cage logs "Basic output test failed for
//! HEADLESS-1" and sends no frame callbacks after the first frame, so the app never redraws.
//! It stays on its initial 960×680 "Loading…" frame forever and is never resized to the
//! output. Headless sway 1.7 on the same wlroots configures the window to fill the whole
//! 1280×720 output and keeps sending frame callbacks, so the app redraws when its data
//! arrives.
//!
//! # Users and processes
//! sway refuses to run as root, so sway, `grim` and `wtype` run as uid/gid 65534 (`nobody`)
//! through `setpriv`, with a fresh `XDG_RUNTIME_DIR` owned by that user that also holds
//! sway's config and the logs. The app runs as uid 65534 too ([`User::Nobody`]) or as the
//! caller, root ([`User::Root`]: root reaches the socket in that folder, and a session bus
//! started by a root test is only open to root). The app is its own process (not sway's
//! child) started once sway's socket is up. Processes are stopped by PID (SIGTERM, then
//! SIGKILL after 3 s), never by name.
//!
//! # Keyboard
//! With `WLR_LIBINPUT_NO_DEVICES=1` sway's seat has no keyboard, so the app creates no
//! `wl_keyboard`. A short-lived `wtype` per key would add a keyboard to the seat and remove
//! it again, racing with the app creating its `wl_keyboard`: measured here, "Ctrl+F, about,
//! Return" was lost in 2 of 5 runs. So every session starts one long-lived `wtype -s` as a
//! virtual keyboard before the app, as a real desktop has a keyboard, and each
//! [`Session::type_keys`] `wtype` then only adds a second one.
//!
//! Debian packages: `sway`, `grim`, `wtype`, `util-linux` (`setpriv`).

use std::ffi::OsStr;
use std::fmt;
use std::fs::{self, File};
use std::io;
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal};

/// The unprivileged user (and group) sway and its helpers run as: `nobody`.
pub const NOBODY: u32 = 65534;
/// Size of sway's headless output; the app's window is tiled to fill it.
pub const OUTPUT_SIZE: (u32, u32) = (1280, 720);

/// The pixel probed for the first visible frame: inside the app's window once it is mapped,
/// sway's background before. With no wallpaper, sway 1.7 clears to dark grey (63,63,63)
/// here; [`Session::start`] reads the actual background instead of assuming it.
const PROBE: &str = "20,20 1x1";
/// How long sway may take to create its socket and show its output.
const START_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the app may take to show its first frame.
const FRAME_TIMEOUT: Duration = Duration::from_secs(20);
/// Interval between two pixel probes.
const PROBE_INTERVAL: Duration = Duration::from_millis(10);
/// How long a process gets to exit after SIGTERM before it gets SIGKILL.
const EXIT_GRACE: Duration = Duration::from_secs(3);
/// Pause after each key sequence so the app handles it before the next.
pub const KEY_DELAY: Duration = Duration::from_millis(150);
/// Two screenshots this far apart must be identical for the frame to count as settled.
pub const SETTLED_INTERVAL: Duration = Duration::from_millis(300);
/// The longest [`Session::screenshot_settled`] waits for a settled frame.
pub const SETTLED_CAP: Duration = Duration::from_secs(5);
/// Modifier names bookworm's `wtype -M` (0.4) understands.
const MODIFIERS: &[&str] = &["shift", "capslock", "ctrl", "logo", "altgr"];
/// How long the virtual keyboard lives, in ms (`wtype -s`; 1 h, within its 32-bit µs sleep).
const KEYBOARD_LIFETIME_MS: &str = "3600000";
/// How many lines of each log go into errors.
const LOG_TAIL_LINES: usize = 15;

/// Who the app runs as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum User {
    /// uid/gid 65534 through `setpriv`, like sway (the demo and the benchmark).
    Nobody,
    /// The caller's own user (root): e.g. to reach a session bus the test started as root.
    Root,
}

/// What went wrong in a [`Session`].
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// A file or folder of the session could not be created, read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// A program could not be started.
    #[error("could not start `{command}`: {source}")]
    Spawn {
        /// The command line.
        command: String,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// Something did not happen in time.
    #[error("timed out after {timeout:?} waiting for {what}{logs}")]
    Timeout {
        /// What was being waited for.
        what: String,
        /// How long was waited.
        timeout: Duration,
        /// The ends of the app's and sway's logs.
        logs: LogTails,
    },
    /// sway, the virtual keyboard or the app exited while it was still needed.
    #[error("{name} exited early ({status}) while waiting for {doing}{logs}")]
    Exited {
        /// Which process.
        name: &'static str,
        /// How it ended.
        status: ExitStatus,
        /// What was being waited for.
        doing: String,
        /// The ends of the app's and sway's logs.
        logs: LogTails,
    },
    /// A helper (`grim`, `wtype`) failed.
    #[error("`{command}` failed ({status}): {stderr}")]
    Failed {
        /// The command line.
        command: String,
        /// How it ended.
        status: ExitStatus,
        /// What it printed on stderr.
        stderr: String,
    },
    /// uid 65534 cannot reach the app's binary.
    #[error(
        "{} (mode {mode:o}) is not executable/searchable by uid {NOBODY}, which runs the app \
         here (sway refuses to run as root); `chmod o+x` it, build into a CARGO_TARGET_DIR \
         whose folders are world-readable, or launch the app as `User::Root`",
        path.display()
    )]
    NotReachable {
        /// The file or folder in the way.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// A key sequence for [`Session::type_keys`] is not valid.
    #[error("key sequence {spec:?}: {reason}")]
    BadKeys {
        /// The sequence as given.
        spec: String,
        /// What is wrong with it.
        reason: String,
    },
    /// [`Session::launch_app`] while an app runs.
    #[error("an app is already running in this session")]
    AppRunning,
    /// A process ignored SIGTERM and was killed.
    #[error("{name} did not exit within {EXIT_GRACE:?} of SIGTERM; sent SIGKILL")]
    Killed {
        /// Which process.
        name: &'static str,
    },
}

/// The last lines of the app's and sway's logs, shown under an error (empty when both are).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogTails {
    /// The end of the app's log.
    pub app: String,
    /// The end of sway's log.
    pub sway: String,
}

impl fmt::Display for LogTails {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (whose, tail) in [("the app's", &self.app), ("sway's", &self.sway)] {
            if !tail.is_empty() {
                write!(f, "\n  last lines of {whose} log:\n{tail}")?;
            }
        }
        Ok(())
    }
}

/// sway's config: one output of [`OUTPUT_SIZE`], no borders or title bars (tiled windows
/// would otherwise get a title bar), no X server, no bar (none is configured).
fn sway_config() -> String {
    let (width, height) = OUTPUT_SIZE;
    format!(
        "output HEADLESS-1 resolution {width}x{height}\n\
         default_border none\n\
         default_floating_border none\n\
         xwayland disable\n"
    )
}

/// A headless sway compositor and at most one app running in it.
#[derive(Debug)]
pub struct Session {
    sway: Child,
    /// `XDG_RUNTIME_DIR` of everything in the session; removed when the session is dropped.
    runtime: tempfile::TempDir,
    /// The socket name (`wayland-N`) to pass as `WAYLAND_DISPLAY`.
    display: String,
    /// The colour of the probe pixel with no window on the output.
    background: [u8; 3],
    /// A `wtype` that only sleeps, so the seat always has a keyboard.
    keyboard: Option<Child>,
    app: Option<Child>,
    stopped: bool,
}

impl Session {
    /// Starts headless sway as uid 65534, waits until its socket is up and its output can be
    /// captured, then adds the virtual keyboard (see the module docs).
    pub fn start() -> Result<Session, SessionError> {
        let runtime = runtime_dir()?;
        let config = runtime.path().join("sway.config");
        fs::write(&config, sway_config()).map_err(io_error(&config))?;
        let log_path = runtime.path().join("sway.log");
        let log = log_file(&log_path)?;
        let mut command = as_nobody("sway", runtime.path());
        command
            .arg("--config")
            .arg(&config)
            .env("WLR_BACKENDS", "headless")
            .env("WLR_HEADLESS_OUTPUTS", "1")
            .env("WLR_LIBINPUT_NO_DEVICES", "1")
            .env("WLR_RENDERER", "pixman")
            .stdout(log.try_clone().map_err(io_error(&log_path))?)
            .stderr(log);
        let sway = spawn(&mut command)?;
        let mut session = Session {
            sway,
            runtime,
            display: String::new(),
            background: [0; 3],
            keyboard: None,
            app: None,
            stopped: false,
        };
        let ready = session
            .wait_for_output()
            .and_then(|()| session.add_keyboard());
        if let Err(error) = ready {
            let _ = session.stop();
            return Err(error);
        }
        Ok(session)
    }

    /// The socket name (`wayland-N`) clients pass as `WAYLAND_DISPLAY`.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// The session's `XDG_RUNTIME_DIR` (owned by uid 65534, mode 0700), which holds the
    /// Wayland socket.
    pub fn runtime_dir(&self) -> &Path {
        self.runtime.path()
    }

    /// Waits for sway's socket, then for three equal probes of the empty output in a row,
    /// which become the background colour.
    fn wait_for_output(&mut self) -> Result<(), SessionError> {
        let mut display = None;
        self.wait_until(START_TIMEOUT, "sway's Wayland socket", |session| {
            display = wayland_socket(session.runtime.path());
            Ok(display.is_some())
        })?;
        self.display = display.unwrap_or_default();
        let (mut last, mut same) = (None, 0);
        self.wait_until(START_TIMEOUT, "sway's output to be captured", |session| {
            let pixel = session.probe()?;
            if pixel.is_some() && pixel == last {
                same += 1;
            } else {
                same = 0;
            }
            last = pixel;
            Ok(same >= 2)
        })?;
        self.background = last.unwrap_or_default();
        Ok(())
    }

    /// Starts the long-lived virtual keyboard and waits until sway lists it.
    fn add_keyboard(&mut self) -> Result<(), SessionError> {
        let mut command = self.client("wtype");
        command
            .args(["-s", KEYBOARD_LIFETIME_MS])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        self.keyboard = Some(spawn(&mut command)?);
        self.wait_until(
            START_TIMEOUT,
            "sway to list the virtual keyboard",
            |session| Ok(session.has_keyboard()),
        )
    }

    /// Whether `swaymsg -t get_inputs` lists a keyboard.
    fn has_keyboard(&self) -> bool {
        let Some(socket) = ipc_socket(self.runtime.path()) else {
            return false;
        };
        let Ok(output) = self
            .client("swaymsg")
            .arg("--socket")
            .arg(socket)
            .args(["--raw", "--type", "get_inputs"])
            .stderr(Stdio::null())
            .output()
        else {
            return false;
        };
        output.status.success()
            && serde_json::from_slice::<serde_json::Value>(&output.stdout).is_ok_and(|inputs| {
                inputs
                    .as_array()
                    .is_some_and(|inputs| inputs.iter().any(|input| input["type"] == "keyboard"))
            })
    }

    /// Spawns `app args…` as `user` in this session and waits for its first visible frame:
    /// until the probe pixel is no longer the background. Returns the time from spawning it.
    ///
    /// The app gets a clean environment: `WAYLAND_DISPLAY`, `XDG_RUNTIME_DIR` and `HOME` (the
    /// session's runtime folder), `PATH`, `LANG` (the caller's, else `C.UTF-8`) and
    /// `NO_COLOR=1` for plain-text logs; `env` is added on top and may override any of them
    /// (pass `DBUS_SYSTEM_BUS_ADDRESS`, `DBUS_SESSION_BUS_ADDRESS`, `LANG`,
    /// `XDG_CONFIG_HOME`, `RUST_LOG` here). Its stdout and stderr go to [`Session::app_log`].
    pub fn launch_app(
        &mut self,
        user: User,
        app: &Path,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Result<Duration, SessionError> {
        if self.app.is_some() {
            return Err(SessionError::AppRunning);
        }
        let mut command = match user {
            User::Nobody => {
                check_reachable_by_nobody(app)?;
                as_nobody(app, self.runtime.path())
            }
            User::Root => clean_command(app, self.runtime.path()),
        };
        let log_path = self.app_log_path();
        let log = log_file(&log_path)?;
        command
            .args(args)
            .env("WAYLAND_DISPLAY", &self.display)
            .env("NO_COLOR", "1")
            .envs(env.iter().copied())
            .stdout(log.try_clone().map_err(io_error(&log_path))?)
            .stderr(log);
        let spawned = Instant::now();
        self.app = Some(spawn(&mut command)?);
        let mut first_frame = Duration::ZERO;
        self.wait_until(
            FRAME_TIMEOUT,
            "the app's first frame (probe pixel no longer the background)",
            |session| {
                let pixel = session.probe()?;
                let lit = pixel.is_some_and(|rgb| rgb != session.background);
                if lit {
                    first_frame = spawned.elapsed();
                }
                Ok(lit)
            },
        )?;
        Ok(first_frame)
    }

    /// Waits `duration`, failing early if sway or the app exits meanwhile.
    pub fn wait(&mut self, duration: Duration, doing: &str) -> Result<(), SessionError> {
        let end = Instant::now() + duration;
        while Instant::now() < end {
            self.ensure_running(doing)?;
            thread::sleep(PROBE_INTERVAL.min(end.saturating_duration_since(Instant::now())));
        }
        self.ensure_running(doing)
    }

    /// Saves a screenshot of the output as it is now.
    pub fn screenshot(&self, destination: &Path) -> Result<(), SessionError> {
        save(destination, &self.capture_png()?)
    }

    /// Saves a screenshot of the output once the frame has settled: two captures
    /// [`SETTLED_INTERVAL`] apart that are identical, for at most [`SETTLED_CAP`]. Returns
    /// whether it settled; if not, the last capture is saved anyway.
    pub fn screenshot_settled(&mut self, destination: &Path) -> Result<bool, SessionError> {
        let deadline = Instant::now() + SETTLED_CAP;
        let mut previous = self.capture_png()?;
        let settled = loop {
            self.wait(SETTLED_INTERVAL, "the frame to settle")?;
            let current = self.capture_png()?;
            let same = current == previous;
            previous = current;
            if same {
                break true;
            }
            if Instant::now() >= deadline {
                break false;
            }
        };
        save(destination, &previous)?;
        Ok(settled)
    }

    /// Presses key sequences in the focused window (the app), one `wtype` run (as uid 65534)
    /// per entry, waiting [`KEY_DELAY`] after each.
    ///
    /// An entry is an XKB keysym name, optionally after modifiers joined with `+`:
    /// `"Tab"`, `"Return"`, `"a"`, `"shift+Tab"`, `"ctrl+f"`. Modifiers are those of
    /// bookworm's `wtype -M`: shift, capslock, ctrl, logo, altgr.
    pub fn type_keys(&mut self, keys: &[&str]) -> Result<(), SessionError> {
        for spec in keys {
            self.press(spec)?;
            self.wait(KEY_DELAY, "the app to handle a key")?;
        }
        Ok(())
    }

    /// Presses one key sequence (as in [`Session::type_keys`]) and returns as soon as `wtype`
    /// has sent it, without waiting [`KEY_DELAY`]: for callers that watch for the app's
    /// answer themselves.
    pub fn press(&mut self, spec: &str) -> Result<(), SessionError> {
        self.ensure_running("keys to be typed")?;
        let args = wtype_args(spec)?;
        let mut command = self.client("wtype");
        command.args(&args);
        run_checked(&mut command)?;
        Ok(())
    }

    /// Fails if the app (or sway, or the virtual keyboard) has exited, saying it did so while
    /// `doing`; with no app launched, checks sway and the keyboard only.
    pub fn ensure_app_running(&mut self, doing: &str) -> Result<(), SessionError> {
        self.ensure_running(doing)
    }

    /// The PID of the running app, if any.
    pub fn app_pid(&self) -> Option<u32> {
        self.app.as_ref().map(Child::id)
    }

    /// The app's peak resident set size (`VmHWM`) in KiB, while it runs.
    pub fn app_peak_rss_kib(&self) -> Option<u64> {
        let pid = self.app_pid()?;
        let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// Stops the app, if one runs: SIGTERM, then SIGKILL after 3 s (which is an error).
    pub fn stop_app(&mut self) -> Result<(), SessionError> {
        match self.app.take() {
            Some(mut app) => terminate(&mut app, "the app"),
            None => Ok(()),
        }
    }

    /// Stops the app, then the virtual keyboard and sway, by PID (SIGTERM, then SIGKILL after
    /// 3 s). The logs stay readable until the session is dropped. Does nothing the second time.
    pub fn stop(&mut self) -> Result<(), SessionError> {
        if self.stopped {
            return Ok(());
        }
        self.stopped = true;
        let app = self.stop_app();
        let keyboard = match self.keyboard.take() {
            Some(mut keyboard) => terminate(&mut keyboard, "the virtual keyboard (wtype)"),
            None => Ok(()),
        };
        let sway = terminate(&mut self.sway, "sway");
        app.and(keyboard).and(sway)
    }

    /// Everything the app wrote to stdout and stderr so far.
    pub fn app_log(&self) -> String {
        read_lossy(&self.app_log_path())
    }

    /// Everything sway wrote to stdout and stderr so far.
    pub fn compositor_log(&self) -> String {
        read_lossy(&self.runtime.path().join("sway.log"))
    }

    /// The ends of both logs, for errors.
    pub fn log_tails(&self) -> LogTails {
        LogTails {
            app: tail(&self.app_log(), LOG_TAIL_LINES),
            sway: tail(&self.compositor_log(), LOG_TAIL_LINES),
        }
    }

    fn app_log_path(&self) -> PathBuf {
        self.runtime.path().join("app.log")
    }

    /// A command that runs `program` as uid 65534 as a client of this session.
    fn client(&self, program: &str) -> Command {
        let mut command = as_nobody(program, self.runtime.path());
        command.env("WAYLAND_DISPLAY", &self.display);
        command
    }

    /// The RGB value of the probe pixel, or `None` if grim cannot capture the output (yet).
    fn probe(&self) -> Result<Option<[u8; 3]>, SessionError> {
        let mut command = self.client("grim");
        command
            .args(["-g", PROBE, "-t", "ppm", "-"])
            .stderr(Stdio::null());
        let output = command.output().map_err(|source| SessionError::Spawn {
            command: display_command(&command),
            source,
        })?;
        if !output.status.success() {
            return Ok(None);
        }
        // A binary PPM ends with the pixels' RGB bytes.
        let bytes = &output.stdout;
        let pixel = bytes
            .len()
            .checked_sub(3)
            .and_then(|start| bytes.get(start..))
            .and_then(|rgb| <[u8; 3]>::try_from(rgb).ok());
        Ok(pixel)
    }

    /// A PNG of the whole output.
    fn capture_png(&self) -> Result<Vec<u8>, SessionError> {
        let mut command = self.client("grim");
        command.args(["-t", "png", "-"]);
        run_checked(&mut command)
    }

    /// Polls `ready` every 10 ms until it returns true, failing if sway or the app exits or
    /// `timeout` passes.
    fn wait_until(
        &mut self,
        timeout: Duration,
        what: &str,
        mut ready: impl FnMut(&Session) -> Result<bool, SessionError>,
    ) -> Result<(), SessionError> {
        let deadline = Instant::now() + timeout;
        loop {
            self.ensure_running(what)?;
            if ready(self)? {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(SessionError::Timeout {
                    what: what.to_owned(),
                    timeout,
                    logs: self.log_tails(),
                });
            }
            thread::sleep(PROBE_INTERVAL);
        }
    }

    /// Fails if sway, the virtual keyboard or the app (when one was launched) has exited.
    fn ensure_running(&mut self, doing: &str) -> Result<(), SessionError> {
        let mut exited = None;
        let mut processes = vec![("sway", &mut self.sway)];
        if let Some(keyboard) = self.keyboard.as_mut() {
            processes.push(("the virtual keyboard (wtype)", keyboard));
        }
        if let Some(app) = self.app.as_mut() {
            processes.push(("the app", app));
        }
        for (name, child) in processes {
            match child.try_wait() {
                Ok(None) => {}
                Ok(Some(status)) => {
                    exited = Some((name, status));
                    break;
                }
                Err(source) => {
                    return Err(SessionError::Io {
                        path: PathBuf::from(format!("/proc/{}", child.id())),
                        source,
                    });
                }
            }
        }
        match exited {
            None => Ok(()),
            Some((name, status)) => Err(SessionError::Exited {
                name,
                status,
                doing: doing.to_owned(),
                logs: self.log_tails(),
            }),
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Err(error) = self.stop() {
            tracing::warn!(%error, "sway session teardown");
        }
    }
}

/// `wtype` arguments for one key sequence such as `ctrl+shift+Tab`: press the modifiers,
/// tap the key, release the modifiers in reverse order.
fn wtype_args(spec: &str) -> Result<Vec<String>, SessionError> {
    let bad = |reason: String| SessionError::BadKeys {
        spec: spec.to_owned(),
        reason,
    };
    let mut parts: Vec<&str> = spec.split('+').collect();
    let key = parts
        .pop()
        .filter(|key| !key.is_empty())
        .ok_or_else(|| bad("no key (write `plus` for the + key)".to_owned()))?;
    if let Some(unknown) = parts.iter().find(|m| !MODIFIERS.contains(m)) {
        return Err(bad(format!(
            "unknown modifier {unknown:?}; wtype knows {MODIFIERS:?}"
        )));
    }
    let mut args = Vec::new();
    for modifier in &parts {
        args.extend(["-M".to_owned(), (*modifier).to_owned()]);
    }
    args.extend(["-k".to_owned(), key.to_owned()]);
    for modifier in parts.iter().rev() {
        args.extend(["-m".to_owned(), (*modifier).to_owned()]);
    }
    Ok(args)
}

/// Sends SIGTERM to `child` by PID and reaps it; SIGKILL (and an error) after [`EXIT_GRACE`].
fn terminate(child: &mut Child, name: &'static str) -> Result<(), SessionError> {
    if let Ok(Some(_)) = child.try_wait() {
        return Ok(());
    }
    if let Some(pid) = i32::try_from(child.id()).ok().and_then(Pid::from_raw) {
        // It may have exited meanwhile; it is reaped below either way.
        let _ = rustix::process::kill_process(pid, Signal::TERM);
    }
    let deadline = Instant::now() + EXIT_GRACE;
    while Instant::now() < deadline {
        match child.try_wait() {
            Ok(Some(_)) | Err(_) => return Ok(()),
            Ok(None) => thread::sleep(Duration::from_millis(20)),
        }
    }
    // `Child::kill` sends SIGKILL to this PID.
    let _ = child.kill();
    let _ = child.wait();
    Err(SessionError::Killed { name })
}

/// The name of the Wayland socket in `runtime` (`wayland-N`; sway 1.7 starts at
/// `wayland-1`), if there is one.
fn wayland_socket(runtime: &Path) -> Option<String> {
    fs::read_dir(runtime).ok()?.flatten().find_map(|entry| {
        let name = entry.file_name().into_string().ok()?;
        let number = name.strip_prefix("wayland-")?;
        let is_socket = entry.file_type().is_ok_and(|t| t.is_socket());
        (is_socket && !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
            .then_some(name)
    })
}

/// sway's IPC socket in `runtime` (`sway-ipc.<uid>.<pid>.sock`), if it is there.
fn ipc_socket(runtime: &Path) -> Option<PathBuf> {
    fs::read_dir(runtime).ok()?.flatten().find_map(|entry| {
        let name = entry.file_name().into_string().ok()?;
        let is_socket = entry.file_type().is_ok_and(|t| t.is_socket());
        (is_socket && name.starts_with("sway-ipc.") && name.ends_with(".sock"))
            .then(|| entry.path())
    })
}

/// Writes `png` to `destination` (owned by the caller, not uid 65534).
fn save(destination: &Path, png: &[u8]) -> Result<(), SessionError> {
    if let Some(parent) = destination.parent() {
        fs::create_dir_all(parent).map_err(io_error(parent))?;
    }
    fs::write(destination, png).map_err(io_error(destination))
}

/// Creates an empty log file.
fn log_file(path: &Path) -> Result<File, SessionError> {
    File::create(path).map_err(io_error(path))
}

/// The whole file as lossy UTF-8 (empty if it cannot be read).
fn read_lossy(path: &Path) -> String {
    fs::read(path)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

/// The last `lines` lines of `text`.
fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// A closure turning an I/O error about `path` into a [`SessionError`].
fn io_error(path: &Path) -> impl FnOnce(io::Error) -> SessionError + '_ {
    move |source| SessionError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The command line of `command`, for messages (shell-like quoting).
pub fn display_command(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        let arg = arg.to_string_lossy();
        if arg.is_empty() || arg.contains([' ', '"', '\'', '$']) {
            text.push_str(&format!(" '{arg}'"));
        } else {
            text.push(' ');
            text.push_str(&arg);
        }
    }
    text
}

fn spawn(command: &mut Command) -> Result<Child, SessionError> {
    command.spawn().map_err(|source| SessionError::Spawn {
        command: display_command(command),
        source,
    })
}

/// Runs `command` to completion and returns its stdout, failing unless it exits with 0.
fn run_checked(command: &mut Command) -> Result<Vec<u8>, SessionError> {
    let output = command.output().map_err(|source| SessionError::Spawn {
        command: display_command(command),
        source,
    })?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(SessionError::Failed {
            command: display_command(command),
            status: output.status,
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        })
    }
}

/// Fails with an explanation unless uid 65534 can reach and execute `app`: it and every
/// folder above it must be executable by "others" (`target/` under a world-readable clone is).
fn check_reachable_by_nobody(app: &Path) -> Result<(), SessionError> {
    let app = app.canonicalize().map_err(io_error(app))?;
    for path in app.ancestors() {
        let metadata = fs::metadata(path).map_err(io_error(path))?;
        let mode = metadata.permissions().mode();
        let allowed = if metadata.uid() == NOBODY {
            mode & 0o100 != 0
        } else if metadata.gid() == NOBODY {
            mode & 0o010 != 0
        } else {
            mode & 0o001 != 0
        };
        if !allowed {
            return Err(SessionError::NotReachable {
                path: path.to_path_buf(),
                mode: mode & 0o7777,
            });
        }
    }
    Ok(())
}

/// A fresh `XDG_RUNTIME_DIR`: mode 0700, owned by uid/gid 65534, removed when dropped.
fn runtime_dir() -> Result<tempfile::TempDir, SessionError> {
    let tmp = std::env::temp_dir();
    let dir = tempfile::Builder::new()
        .prefix("ferrum-sway-")
        .tempdir()
        .map_err(io_error(&tmp))?;
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700))
        .and_then(|()| std::os::unix::fs::chown(dir.path(), Some(NOBODY), Some(NOBODY)))
        .map_err(io_error(dir.path()))?;
    Ok(dir)
}

/// A `setpriv` command that runs `program` as uid/gid 65534 with no supplementary groups and
/// the clean environment of [`clean_command`]. `setpriv` execs `program`, so the child's PID
/// is the program's.
fn as_nobody(program: impl AsRef<OsStr>, runtime: &Path) -> Command {
    let mut command = clean_command("setpriv", runtime);
    command
        .arg(format!("--reuid={NOBODY}"))
        .arg(format!("--regid={NOBODY}"))
        .arg("--clear-groups")
        .arg(program);
    command
}

/// `program` with a clean environment (`PATH`, `LANG`, and `HOME` and `XDG_RUNTIME_DIR` set
/// to `runtime`), working in `runtime`, stdin from /dev/null.
fn clean_command(program: impl AsRef<OsStr>, runtime: &Path) -> Command {
    let mut command = Command::new(program);
    command
        .env_clear()
        .env(
            "PATH",
            std::env::var_os("PATH").unwrap_or_else(|| "/usr/local/bin:/usr/bin:/bin".into()),
        )
        .env(
            "LANG",
            std::env::var_os("LANG").unwrap_or_else(|| "C.UTF-8".into()),
        )
        .env("HOME", runtime)
        .env("XDG_RUNTIME_DIR", runtime)
        .current_dir(runtime)
        .stdin(Stdio::null());
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_sequences() {
        assert_eq!(
            wtype_args("Tab").ok(),
            Some(vec!["-k".into(), "Tab".into()])
        );
        assert_eq!(
            wtype_args("ctrl+shift+Tab").ok(),
            Some(
                [
                    "-M", "ctrl", "-M", "shift", "-k", "Tab", "-m", "shift", "-m", "ctrl"
                ]
                .map(String::from)
                .to_vec()
            )
        );
        assert!(matches!(
            wtype_args("ctrl+"),
            Err(SessionError::BadKeys { .. })
        ));
        assert!(matches!(
            wtype_args("hyper+a"),
            Err(SessionError::BadKeys { .. })
        ));
    }

    #[test]
    fn log_tails_only_show_what_there_is() {
        assert_eq!(LogTails::default().to_string(), "");
        let tails = LogTails {
            app: "panic".to_owned(),
            sway: String::new(),
        };
        assert_eq!(tails.to_string(), "\n  last lines of the app's log:\npanic");
    }
}
