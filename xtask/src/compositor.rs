//! One headless run of the app for `demo` and `bench`: [`run_headless`] starts a
//! [`ferrum_testbed::wayland::Session`] (headless sway; see that module for why sway and not
//! cage), runs the app in it as uid 65534, measures its first frame, takes a screenshot and
//! stops everything again.

use std::fmt;
use std::path::Path;
use std::time::Duration;

use ferrum_testbed::wayland::{SETTLED_CAP, Session, SessionError, User};

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
        // The session's errors already end with the tails of both logs.
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for RunError {}

/// Runs `app args…` in a fresh headless sway session (everything as uid 65534) and returns
/// once the app and sway have been stopped again.
///
/// `env` is added to the app's clean environment (pass `DBUS_SYSTEM_BUS_ADDRESS`, `LANG`,
/// `XDG_CONFIG_HOME` and `RUST_LOG` here). Measures app spawn → first visible frame, waits
/// `settle` (so the app can receive its data), then, if asked, saves a screenshot once the
/// frame has settled (see [`Session::screenshot_settled`]), reads the app's peak RSS and
/// stops it.
pub fn run_headless(
    app: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    screenshot: Option<&Path>,
    settle: Duration,
) -> Result<RunReport, RunError> {
    let mut session = Session::start().map_err(|error| RunError {
        message: error.to_string(),
        app_log: String::new(),
        compositor_log: String::new(),
    })?;
    let outcome =
        drive(&mut session, app, args, env, screenshot, settle).map_err(|error| error.to_string());
    let stopped = session.stop().map_err(|error| error.to_string());
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
) -> Result<(Duration, Option<u64>), SessionError> {
    let first_frame = session.launch_app(User::Nobody, app, args, env)?;
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
