//! Runs a Wayland client under a headless `cage` compositor, measures when its first frame
//! becomes visible and optionally takes a screenshot with `grim`. Used by `demo` and `bench`.
//!
//! cage refuses to run as root, so cage, the app (cage's child) and grim all run as
//! uid/gid 65534 (`nobody`) through `setpriv`, with a fresh `XDG_RUNTIME_DIR` owned by that
//! user. Processes are stopped by PID, never by name.

use std::ffi::OsStr;
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{Read as _, Seek as _, SeekFrom};
use std::os::unix::ffi::OsStrExt as _;
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal};

/// The unprivileged user (and group) everything runs as: `nobody`.
pub const NOBODY: u32 = 65534;
/// The pixel probed for the first visible frame; cage's background is pure black until the
/// app's window is drawn.
const PROBE: &str = "20,20 1x1";
/// How long cage may take to create its Wayland socket.
const SOCKET_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the app may take to show its first frame.
const FRAME_TIMEOUT: Duration = Duration::from_secs(20);
/// Interval between two pixel probes.
const PROBE_INTERVAL: Duration = Duration::from_millis(10);
/// How long cage gets to exit after the app was sent SIGTERM before cage is killed.
const EXIT_GRACE: Duration = Duration::from_secs(3);

/// What one headless run measured.
#[derive(Debug, Clone)]
pub struct RunReport {
    /// Milliseconds from spawning cage until the probed pixel was no longer black.
    pub first_frame_ms: f64,
    /// The app's peak resident set size (`VmHWM`) just before it was stopped, in KiB.
    pub peak_rss_kib: Option<u64>,
    /// Everything cage and the app wrote to stdout and stderr.
    pub app_log: String,
}

/// A failed run: what went wrong plus whatever cage and the app logged until then.
#[derive(Debug)]
pub struct RunError {
    /// What went wrong.
    pub message: String,
    /// The output of cage and the app so far (may be empty).
    pub app_log: String,
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)?;
        let tail = crate::util::tail(&self.app_log, 15);
        if !tail.is_empty() {
            write!(f, "\n  last lines of the app's log:\n{tail}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RunError {}

/// Runs `app args…` as the only client of a headless cage (as uid 65534) and returns when it
/// has been stopped again.
///
/// `env` is added to the clean environment cage starts with (pass `DBUS_SYSTEM_BUS_ADDRESS`
/// and `RUST_LOG` here). Waits for the first non-black pixel, then `settle` (so the app can
/// receive its data), then takes the screenshot if asked, reads the app's peak RSS and sends
/// it SIGTERM.
pub fn run_headless(
    app: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    screenshot: Option<&Path>,
    settle: Duration,
) -> Result<RunReport, RunError> {
    let fail = |message: String| RunError {
        message,
        app_log: String::new(),
    };
    check_reachable_by_nobody(app).map_err(fail)?;
    let runtime = runtime_dir().map_err(|e| fail(format!("runtime dir: {e}")))?;
    let log_path = runtime.path().join("cage.log");
    let log = OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&log_path)
        .map_err(|e| fail(format!("cage log: {e}")))?;
    let mut run = Run::start(app, args, env, runtime.path(), &log).map_err(fail)?;
    let outcome = run.drive(app, screenshot, settle);
    let stopped = run.stop();
    let app_log = read_log(log);
    match (outcome, stopped) {
        (Ok((first_frame_ms, peak_rss_kib)), Ok(())) => Ok(RunReport {
            first_frame_ms,
            peak_rss_kib,
            app_log,
        }),
        (Err(message), _) | (Ok(_), Err(message)) => Err(RunError { message, app_log }),
    }
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
                 cage and the app because cage refuses to run as root; `chmod o+x` it or build \
                 into a CARGO_TARGET_DIR whose folders are world-readable",
                path.display(),
                mode & 0o7777
            ));
        }
    }
    Ok(())
}

/// A fresh `XDG_RUNTIME_DIR`: mode 0700, owned by uid/gid 65534, removed when dropped.
fn runtime_dir() -> std::io::Result<tempfile::TempDir> {
    let dir = tempfile::Builder::new().prefix("ferrum-cage-").tempdir()?;
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700))?;
    std::os::unix::fs::chown(dir.path(), Some(NOBODY), Some(NOBODY))?;
    Ok(dir)
}

/// A `setpriv` command that runs `program` as uid/gid 65534 with no supplementary groups and
/// a clean environment.
fn as_nobody(program: &str, runtime: &Path) -> Command {
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

/// A running cage and, once found, its app.
struct Run {
    cage: Child,
    started: Instant,
    runtime: PathBuf,
    app_pid: Option<i32>,
    stopped: bool,
}

impl Run {
    fn start(
        app: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        runtime: &Path,
        log: &File,
    ) -> Result<Run, String> {
        let mut command = as_nobody("cage", runtime);
        command
            .arg("-d")
            .arg("--")
            .arg(app)
            .args(args)
            .env("WLR_BACKENDS", "headless")
            .env("WLR_HEADLESS_OUTPUTS", "1")
            .env("WLR_LIBINPUT_NO_DEVICES", "1")
            .env("WLR_RENDERER", "pixman")
            // Plain text logs, so `first view built elapsed_ms=` can be read back.
            .env("NO_COLOR", "1")
            .envs(env.iter().copied());
        let stdout = log.try_clone().map_err(|e| format!("cage log: {e}"))?;
        let stderr = log.try_clone().map_err(|e| format!("cage log: {e}"))?;
        command.stdout(stdout).stderr(stderr);
        let started = Instant::now();
        let cage = command
            .spawn()
            .map_err(|e| format!("could not start `{}`: {e}", crate::util::display(&command)))?;
        Ok(Run {
            cage,
            started,
            runtime: runtime.to_path_buf(),
            app_pid: None,
            stopped: false,
        })
    }

    /// Waits for the first frame, settles, screenshots; returns (first frame ms, peak RSS).
    fn drive(
        &mut self,
        app: &Path,
        screenshot: Option<&Path>,
        settle: Duration,
    ) -> Result<(f64, Option<u64>), String> {
        let runtime = self.runtime.clone();
        let socket = runtime.join("wayland-0");
        self.wait_until(SOCKET_TIMEOUT, "cage's Wayland socket", || {
            Ok(fs::symlink_metadata(&socket).is_ok_and(|m| m.file_type().is_socket()))
        })?;

        let started = self.started;
        let mut first_frame = Duration::ZERO;
        self.wait_until(FRAME_TIMEOUT, "a non-black pixel (first frame)", || {
            let lit = probe_is_lit(&runtime)?;
            if lit {
                first_frame = started.elapsed();
            }
            Ok(lit)
        })?;

        let cage_pid = self.cage.id();
        let mut app_pid = None;
        self.wait_until(
            Duration::from_secs(2),
            "the app among cage's children",
            || {
                app_pid = find_child(cage_pid, app);
                Ok(app_pid.is_some())
            },
        )?;
        self.app_pid = app_pid;

        let settled = Instant::now() + settle;
        while Instant::now() < settled {
            self.ensure_running("the app to settle")?;
            thread::sleep(PROBE_INTERVAL);
        }

        if let Some(destination) = screenshot {
            self.screenshot(destination)?;
        }
        let peak_rss_kib = self.app_pid.and_then(peak_rss_kib);
        Ok((first_frame.as_secs_f64() * 1000.0, peak_rss_kib))
    }

    /// Polls `ready` every 10 ms until it returns true, failing if cage exits or `timeout`
    /// passes.
    fn wait_until(
        &mut self,
        timeout: Duration,
        what: &str,
        mut ready: impl FnMut() -> Result<bool, String>,
    ) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        loop {
            self.ensure_running(what)?;
            if ready()? {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(format!("timed out after {timeout:?} waiting for {what}"));
            }
            thread::sleep(PROBE_INTERVAL);
        }
    }

    fn ensure_running(&mut self, doing: &str) -> Result<(), String> {
        match self.cage.try_wait() {
            Ok(None) => Ok(()),
            Ok(Some(status)) => {
                self.stopped = true;
                Err(format!(
                    "cage exited early ({status}) while waiting for {doing}"
                ))
            }
            Err(e) => Err(format!("could not check on cage: {e}")),
        }
    }

    /// `grim` writes into the runtime folder (owned by 65534), then the file is moved out.
    fn screenshot(&self, destination: &Path) -> Result<(), String> {
        let shot = self.runtime.join("screenshot.png");
        let mut grim = as_nobody("grim", &self.runtime);
        grim.env("WAYLAND_DISPLAY", "wayland-0")
            .arg(&shot)
            .stdout(Stdio::null());
        let output = grim
            .output()
            .map_err(|e| format!("could not run grim: {e}"))?;
        if !output.status.success() {
            return Err(format!(
                "grim failed ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        if let Some(parent) = destination.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        // Copy rather than rename: the copy belongs to the caller, not to uid 65534, and the
        // runtime folder may be on another file system.
        let _ = fs::remove_file(destination);
        fs::copy(&shot, destination).map_err(|e| format!("{}: {e}", destination.display()))?;
        let _ = fs::remove_file(&shot);
        Ok(())
    }

    /// SIGTERM to the app, then waits for cage to follow (SIGKILL to cage after 3 s).
    fn stop(&mut self) -> Result<(), String> {
        if self.stopped {
            return Ok(());
        }
        self.stopped = true;
        if let Some(pid) = self.app_pid.and_then(Pid::from_raw) {
            // It may already be gone; cage is reaped below either way.
            let _ = rustix::process::kill_process(pid, Signal::TERM);
        }
        let deadline = Instant::now() + EXIT_GRACE;
        loop {
            match self.cage.try_wait() {
                Ok(Some(_)) => return Ok(()),
                Ok(None) if Instant::now() < deadline && self.app_pid.is_some() => {
                    thread::sleep(Duration::from_millis(20));
                }
                _ => break,
            }
        }
        let _ = self.cage.kill();
        let _ = self.cage.wait();
        match self.app_pid {
            Some(_) => Err(format!(
                "cage did not exit within {EXIT_GRACE:?} of SIGTERM to the app; killed it"
            )),
            None => Ok(()),
        }
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        let _ = self.stop();
    }
}

/// Whether the probe pixel is anything but pure black (grim's PPM ends with the RGB bytes).
fn probe_is_lit(runtime: &Path) -> Result<bool, String> {
    let output = as_nobody("grim", runtime)
        .env("WAYLAND_DISPLAY", "wayland-0")
        .args(["-g", PROBE, "-t", "ppm", "-"])
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("could not run grim: {e}"))?;
    if !output.status.success() {
        // No output yet (cage still starting): not lit.
        return Ok(false);
    }
    let bytes = &output.stdout;
    let pixel = bytes
        .len()
        .checked_sub(3)
        .and_then(|start| bytes.get(start..));
    Ok(pixel.is_some_and(|rgb| rgb.iter().any(|&b| b != 0)))
}

/// The child of `parent` that is running `app` (from `/proc/<parent>/task/*/children`).
fn find_child(parent: u32, app: &Path) -> Option<i32> {
    let tasks = fs::read_dir(format!("/proc/{parent}/task")).ok()?;
    let children: Vec<i32> = tasks
        .flatten()
        .filter_map(|task| fs::read_to_string(task.path().join("children")).ok())
        .flat_map(|list| {
            list.split_whitespace()
                .filter_map(|pid| pid.parse().ok())
                .collect::<Vec<i32>>()
        })
        .collect();
    let app = app.canonicalize().ok();
    children.into_iter().find(|pid| {
        let Ok(cmdline) = fs::read(format!("/proc/{pid}/cmdline")) else {
            return false;
        };
        let argv0 = cmdline.split(|&b| b == 0).next().unwrap_or_default();
        let argv0 = Path::new(OsStr::from_bytes(argv0));
        Some(argv0.canonicalize().unwrap_or_else(|_| argv0.to_path_buf())) == app
    })
}

/// `VmHWM` of `/proc/<pid>/status`, in KiB.
fn peak_rss_kib(pid: i32) -> Option<u64> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The whole log file (lossy UTF-8).
fn read_log(mut log: File) -> String {
    let mut bytes = Vec::new();
    if log.seek(SeekFrom::Start(0)).is_ok() {
        let _ = log.read_to_end(&mut bytes);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}
