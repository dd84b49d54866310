//! Headless Wayland sessions: a headless `sway` compositor, the app as a separate client,
//! screenshots with `grim` and key presses with `wtype`. Used by `demo` and `bench` through
//! [`run_headless`]; tests that drive the app step by step can use [`Session`] directly.
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
//! sway refuses to run as root, so sway, the app, `grim` and `wtype` all run as uid/gid
//! 65534 (`nobody`) through `setpriv`, with a fresh `XDG_RUNTIME_DIR` owned by that user
//! that also holds sway's config and both logs. The app is its own process (not sway's
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

use std::ffi::OsStr;
use std::fmt;
use std::fs::{self, File};
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal};

/// The unprivileged user (and group) everything runs as: `nobody`.
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

/// What one headless run measured.
#[derive(Debug, Clone)]
pub struct RunReport {
    /// Milliseconds from spawning the app until the probed pixel was no longer sway's
    /// background.
    pub first_frame_ms: f64,
    /// The app's peak resident set size (`VmHWM`) just before it was stopped, in KiB.
    pub peak_rss_kib: Option<u64>,
    /// Everything the app wrote to stdout and stderr.
    pub app_log: String,
}

/// A failed run: what went wrong plus whatever the app and sway logged until then.
#[derive(Debug)]
pub struct RunError {
    /// What went wrong.
    pub message: String,
    /// The app's output so far (may be empty).
    pub app_log: String,
    /// sway's output so far (may be empty).
    pub compositor_log: String,
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)?;
        for (whose, log) in [
            ("the app's", &self.app_log),
            ("sway's", &self.compositor_log),
        ] {
            let tail = crate::util::tail(log, 15);
            if !tail.is_empty() {
                write!(f, "\n  last lines of {whose} log:\n{tail}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for RunError {}

/// Runs `app args…` in a fresh headless sway session (everything as uid 65534) and returns
/// once the app and sway have been stopped again.
///
/// `env` is added to the app's clean environment (pass `DBUS_SYSTEM_BUS_ADDRESS` and
/// `RUST_LOG` here). Measures app spawn → first visible frame, waits `settle` (so the app can
/// receive its data), then, if asked, saves a screenshot once the frame has settled (see
/// [`Session::screenshot_settled`]), reads the app's peak RSS and stops it.
pub fn run_headless(
    app: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    screenshot: Option<&Path>,
    settle: Duration,
) -> Result<RunReport, RunError> {
    let mut session = Session::start().map_err(|message| RunError {
        message,
        app_log: String::new(),
        compositor_log: String::new(),
    })?;
    let outcome = drive(&mut session, app, args, env, screenshot, settle);
    let stopped = session.stop();
    let app_log = session.app_log();
    let compositor_log = session.compositor_log();
    match (outcome, stopped) {
        (Ok((first_frame, peak_rss_kib)), Ok(())) => Ok(RunReport {
            first_frame_ms: first_frame.as_secs_f64() * 1000.0,
            peak_rss_kib,
            app_log,
        }),
        (Err(message), _) | (Ok(_), Err(message)) => Err(RunError {
            message,
            app_log,
            compositor_log,
        }),
    }
}

/// The steps of [`run_headless`] between starting and stopping the session.
fn drive(
    session: &mut Session,
    app: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    screenshot: Option<&Path>,
    settle: Duration,
) -> Result<(Duration, Option<u64>), String> {
    let first_frame = session.launch_app(app, args, env)?;
    session.wait(settle, "the app to settle")?;
    if let Some(destination) = screenshot
        && !session.screenshot_settled(destination)?
    {
        println!(
            "  note: the screen still changed after {SETTLED_CAP:?}; saved the last frame to {}",
            destination.display()
        );
    }
    let peak_rss_kib = session.app_peak_rss_kib();
    session.stop_app()?;
    Ok((first_frame, peak_rss_kib))
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
    pub fn start() -> Result<Session, String> {
        let runtime = runtime_dir().map_err(|e| format!("runtime dir: {e}"))?;
        let config = runtime.path().join("sway.config");
        fs::write(&config, sway_config()).map_err(|e| format!("{}: {e}", config.display()))?;
        let log = log_file(&runtime.path().join("sway.log"))?;
        let mut command = as_nobody("sway", runtime.path());
        command
            .arg("--config")
            .arg(&config)
            .env("WLR_BACKENDS", "headless")
            .env("WLR_HEADLESS_OUTPUTS", "1")
            .env("WLR_LIBINPUT_NO_DEVICES", "1")
            .env("WLR_RENDERER", "pixman")
            .stdout(log.try_clone().map_err(|e| format!("sway log: {e}"))?)
            .stderr(log);
        let sway = command
            .spawn()
            .map_err(|e| format!("could not start `{}`: {e}", crate::util::display(&command)))?;
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
        ready.map_err(|message| {
            let _ = session.stop();
            let tail = crate::util::tail(&session.compositor_log(), 15);
            if tail.is_empty() {
                message
            } else {
                format!("{message}\n  last lines of sway's log:\n{tail}")
            }
        })?;
        Ok(session)
    }

    /// Waits for sway's socket, then for three equal probes of the empty output in a row,
    /// which become the background colour.
    fn wait_for_output(&mut self) -> Result<(), String> {
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
    fn add_keyboard(&mut self) -> Result<(), String> {
        let keyboard = self
            .client("wtype")
            .args(["-s", KEYBOARD_LIFETIME_MS])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start wtype: {e}"))?;
        self.keyboard = Some(keyboard);
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
        let mut swaymsg = self.client("swaymsg");
        swaymsg
            .arg("--socket")
            .arg(socket)
            .args(["--raw", "--type", "get_inputs"]);
        crate::util::output_of(&mut swaymsg).is_some_and(|json| {
            serde_json::from_str::<serde_json::Value>(&json).is_ok_and(|inputs| {
                inputs
                    .as_array()
                    .is_some_and(|inputs| inputs.iter().any(|input| input["type"] == "keyboard"))
            })
        })
    }

    /// Spawns `app args…` as uid 65534 in this session and waits for its first visible frame:
    /// until the probe pixel is no longer the background. Returns the time from spawning it.
    ///
    /// `env` is added to the app's clean environment (which has `WAYLAND_DISPLAY`,
    /// `XDG_RUNTIME_DIR`, `PATH`, `LANG`, `HOME` and `NO_COLOR=1` for plain-text logs).
    pub fn launch_app(
        &mut self,
        app: &Path,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Result<Duration, String> {
        if self.app.is_some() {
            return Err("an app is already running in this session".to_owned());
        }
        check_reachable_by_nobody(app)?;
        let log = log_file(&self.app_log_path())?;
        let mut command = as_nobody(app, self.runtime.path());
        command
            .args(args)
            .env("WAYLAND_DISPLAY", &self.display)
            .env("NO_COLOR", "1")
            .envs(env.iter().copied())
            .stdout(log.try_clone().map_err(|e| format!("app log: {e}"))?)
            .stderr(log);
        let spawned = Instant::now();
        let child = command
            .spawn()
            .map_err(|e| format!("could not start `{}`: {e}", crate::util::display(&command)))?;
        self.app = Some(child);
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
    pub fn wait(&mut self, duration: Duration, doing: &str) -> Result<(), String> {
        let end = Instant::now() + duration;
        while Instant::now() < end {
            self.ensure_running(doing)?;
            thread::sleep(PROBE_INTERVAL.min(end.saturating_duration_since(Instant::now())));
        }
        self.ensure_running(doing)
    }

    /// Saves a screenshot of the output once the frame has settled: two captures
    /// [`SETTLED_INTERVAL`] apart that are identical, for at most [`SETTLED_CAP`]. Returns
    /// whether it settled; if not, the last capture is saved anyway.
    pub fn screenshot_settled(&mut self, destination: &Path) -> Result<bool, String> {
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

    /// The app's peak resident set size (`VmHWM`) in KiB, while it runs.
    pub fn app_peak_rss_kib(&self) -> Option<u64> {
        let pid = self.app.as_ref()?.id();
        let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// Stops the app, if one runs: SIGTERM, then SIGKILL after 3 s (which is an error).
    pub fn stop_app(&mut self) -> Result<(), String> {
        match self.app.take() {
            Some(mut app) => terminate(&mut app, "the app"),
            None => Ok(()),
        }
    }

    /// Stops the app, then sway, by PID (SIGTERM, then SIGKILL after 3 s). The logs stay
    /// readable until the session is dropped. Does nothing the second time.
    pub fn stop(&mut self) -> Result<(), String> {
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
    fn probe(&self) -> Result<Option<[u8; 3]>, String> {
        let output = self
            .client("grim")
            .args(["-g", PROBE, "-t", "ppm", "-"])
            .stderr(Stdio::null())
            .output()
            .map_err(|e| format!("could not run grim: {e}"))?;
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
    fn capture_png(&self) -> Result<Vec<u8>, String> {
        let output = self
            .client("grim")
            .args(["-t", "png", "-"])
            .output()
            .map_err(|e| format!("could not run grim: {e}"))?;
        if !output.status.success() {
            return Err(format!(
                "grim failed ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        Ok(output.stdout)
    }

    /// Polls `ready` every 10 ms until it returns true, failing if sway or the app exits or
    /// `timeout` passes.
    fn wait_until(
        &mut self,
        timeout: Duration,
        what: &str,
        mut ready: impl FnMut(&Session) -> Result<bool, String>,
    ) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        loop {
            self.ensure_running(what)?;
            if ready(self)? {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(format!("timed out after {timeout:?} waiting for {what}"));
            }
            thread::sleep(PROBE_INTERVAL);
        }
    }

    /// Fails if sway, the virtual keyboard or the app (when one was launched) has exited.
    fn ensure_running(&mut self, doing: &str) -> Result<(), String> {
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
                    return Err(format!(
                        "{name} exited early ({status}) while waiting for {doing}"
                    ));
                }
                Err(e) => return Err(format!("could not check on {name}: {e}")),
            }
        }
        Ok(())
    }
}

/// The step-by-step API for tests that drive the app; demo and bench do not need it yet.
#[allow(
    dead_code,
    reason = "step-by-step API for tests that drive the app; demo and bench use run_headless"
)]
impl Session {
    /// Saves a screenshot of the output as it is now.
    pub fn screenshot(&self, destination: &Path) -> Result<(), String> {
        save(destination, &self.capture_png()?)
    }

    /// Presses key sequences in the focused window (the app), one `wtype` run (as uid 65534)
    /// per entry, waiting [`KEY_DELAY`] after each.
    ///
    /// An entry is an XKB keysym name, optionally after modifiers joined with `+`:
    /// `"Tab"`, `"Return"`, `"a"`, `"shift+Tab"`, `"ctrl+f"`. Modifiers are those of
    /// bookworm's `wtype -M`: shift, capslock, ctrl, logo, altgr.
    pub fn type_keys(&mut self, keys: &[&str]) -> Result<(), String> {
        for spec in keys {
            self.ensure_running("keys to be typed")?;
            let args = wtype_args(spec)?;
            let output = self
                .client("wtype")
                .args(&args)
                .output()
                .map_err(|e| format!("could not run wtype: {e}"))?;
            if !output.status.success() {
                return Err(format!(
                    "`wtype {}` failed ({}): {}",
                    args.join(" "),
                    output.status,
                    String::from_utf8_lossy(&output.stderr).trim()
                ));
            }
            self.wait(KEY_DELAY, "the app to handle a key")?;
        }
        Ok(())
    }

    /// The PID of the running app, if any.
    pub fn app_pid(&self) -> Option<u32> {
        self.app.as_ref().map(Child::id)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.stop();
    }
}

/// `wtype` arguments for one key sequence such as `ctrl+shift+Tab`: press the modifiers,
/// tap the key, release the modifiers in reverse order.
fn wtype_args(spec: &str) -> Result<Vec<String>, String> {
    let mut parts: Vec<&str> = spec.split('+').collect();
    let key = parts
        .pop()
        .filter(|key| !key.is_empty())
        .ok_or_else(|| format!("key sequence {spec:?} has no key (write `plus` for the + key)"))?;
    if let Some(unknown) = parts.iter().find(|m| !MODIFIERS.contains(m)) {
        return Err(format!(
            "unknown modifier {unknown:?} in {spec:?}; wtype knows {MODIFIERS:?}"
        ));
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
fn terminate(child: &mut Child, name: &str) -> Result<(), String> {
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
    Err(format!(
        "{name} did not exit within {EXIT_GRACE:?} of SIGTERM; sent SIGKILL"
    ))
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
fn save(destination: &Path, png: &[u8]) -> Result<(), String> {
    if let Some(parent) = destination.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(destination, png).map_err(|e| format!("{}: {e}", destination.display()))
}

/// Creates an empty log file.
fn log_file(path: &Path) -> Result<File, String> {
    File::create(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The whole file as lossy UTF-8 (empty if it cannot be read).
fn read_lossy(path: &Path) -> String {
    fs::read(path)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

/// Fails with an explanation unless uid 65534 can reach and execute `app`: it and every
/// folder above it must be executable by "others" (`target/` under a world-readable clone is).
fn check_reachable_by_nobody(app: &Path) -> Result<(), String> {
    let app = app
        .canonicalize()
        .map_err(|e| format!("{}: {e}", app.display()))?;
    for path in app.ancestors() {
        let metadata = fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mode = metadata.permissions().mode();
        let allowed = if metadata.uid() == NOBODY {
            mode & 0o100 != 0
        } else if metadata.gid() == NOBODY {
            mode & 0o010 != 0
        } else {
            mode & 0o001 != 0
        };
        if !allowed {
            return Err(format!(
                "{} (mode {:o}) is not executable/searchable by uid {NOBODY}, which must run \
                 the app because sway refuses to run as root; `chmod o+x` it or build into a \
                 CARGO_TARGET_DIR whose folders are world-readable",
                path.display(),
                mode & 0o7777
            ));
        }
    }
    Ok(())
}

/// A fresh `XDG_RUNTIME_DIR`: mode 0700, owned by uid/gid 65534, removed when dropped.
fn runtime_dir() -> std::io::Result<tempfile::TempDir> {
    let dir = tempfile::Builder::new().prefix("ferrum-sway-").tempdir()?;
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700))?;
    std::os::unix::fs::chown(dir.path(), Some(NOBODY), Some(NOBODY))?;
    Ok(dir)
}

/// A `setpriv` command that runs `program` as uid/gid 65534 with no supplementary groups and
/// a clean environment. `setpriv` execs `program`, so the child's PID is the program's.
fn as_nobody(program: impl AsRef<OsStr>, runtime: &Path) -> Command {
    let mut command = Command::new("setpriv");
    command
        .arg(format!("--reuid={NOBODY}"))
        .arg(format!("--regid={NOBODY}"))
        .arg("--clear-groups")
        .arg(program)
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
        assert_eq!(wtype_args("Tab"), Ok(vec!["-k".into(), "Tab".into()]));
        assert_eq!(
            wtype_args("ctrl+shift+Tab"),
            Ok([
                "-M", "ctrl", "-M", "shift", "-k", "Tab", "-m", "shift", "-m", "ctrl"
            ]
            .map(String::from)
            .to_vec())
        );
        assert!(wtype_args("ctrl+").is_err());
        assert!(wtype_args("hyper+a").is_err());
    }

    /// Drives the release app by keyboard: Ctrl+F, "about", Return switches from the Power
    /// panel to About. Needs root, sway, grim, wtype and `cargo build --release -p
    /// ferrum-settings`; run with `cargo test -p xtask -- --ignored`.
    #[test]
    #[ignore = "needs root, sway, grim, wtype and a release build of ferrum-settings"]
    fn search_by_keyboard() -> Result<(), String> {
        let app = crate::util::target_dir()
            .map_err(|e| e.to_string())?
            .join("release/ferrum-settings");
        let out = tempfile::tempdir().map_err(|e| e.to_string())?;
        let mut session = Session::start()?;
        session.launch_app(&app, &["power"], &[])?;
        session.wait(Duration::from_millis(500), "the app")?;
        let before = out.path().join("before.png");
        session.screenshot_settled(&before)?;
        session.type_keys(&["ctrl+f", "a", "b", "o", "u", "t", "Return"])?;
        let after = out.path().join("after.png");
        session.screenshot_settled(&after)?;
        let log = session.app_log();
        session.stop()?;
        let changed = fs::read(&before).ok() != fs::read(&after).ok();
        assert!(changed, "typing changed nothing; app log:\n{log}");
        Ok(())
    }
}
