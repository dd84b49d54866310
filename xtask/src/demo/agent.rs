//! The authentication agent's dialog for `cargo xtask demo` (`agent-{light,dark}.png`), raised
//! for real: a test bed of its own with the real polkitd ([`Service::PolkitDaemon`]: its
//! administrators, "Ferrum Administrator" first) and the real timedated (its own copy of
//! `/etc`), the release app on the Date & Time page as a person, not root (polkitd asks root
//! nothing), in polkitd's mount namespace (where the administrators' accounts are, so the
//! dialog names them), as `tests/tests/integration/date_time_keyboard.rs` runs it: through
//! `nsenter` ([`TestBed::polkit_namespace_command`]) and `setpriv` to uid 65534. Keys from the
//! image e2e's `date-time.keys` choose Asia/Tokyo ([`ZONE_KEYS`]); timedated asks polkitd,
//! polkitd asks the app's registered agent (for the app's own process: there is no login
//! session), and the dialog is shot once the app logs the request. Escape then cancels it
//! (the app logs "authentication cancelled") and the copy's `/etc/localtime` is checked to be
//! unchanged.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ferrum_testbed::wayland::{NOBODY, SETTLED_CAP, Session, User};
use ferrum_testbed::{Service, TestBed};
use serde_json::{Value, json};

use super::{DATE_TIME, Mode, SETTLE, THEMES, failed_entry, round, shot_entry};
use crate::util::{self, Result};

/// The shots' stem: `agent-<theme>.png`.
const AGENT: &str = "agent";
/// The bed of the agent's shots.
const SERVICES: &[Service] = &[Service::PolkitDaemon, Service::Timedated];
/// The Date & Time page's keys to a time zone change, a group at a time with [`SETTLE`] after
/// each (`image/e2e/date-time.keys`, steps 2 and 3): from nothing focused Shift+Tab twice
/// reaches "Change time zone…", Return opens the picker with its search focused; "tokyo"
/// leaves one zone, Tab reaches it and Return chooses it, which asks timedated.
const ZONE_KEYS: &[&[&str]] = &[
    &["shift+Tab", "shift+Tab", "Return"],
    &["t", "o", "k", "y", "o"],
    &["Tab", "Return"],
];
/// The zone the keys choose (never set: the dialog is cancelled).
const ZONE: &str = "Asia/Tokyo";
/// What the app logs once its agent has registered with polkitd.
const REGISTERED: &str = "authentication agent registered";
/// What the app's agent logs when polkitd asks it.
const ASKED: &str = "polkit asks to authenticate";
/// What it logs when the dialog is cancelled.
const CANCELLED: &str = "authentication cancelled";
/// How long each of those may take to appear in the app's log.
const LOG_WAIT: Duration = Duration::from_secs(30);

/// What the report says of the agent's bed.
pub(super) fn describe() -> Value {
    json!({
        "services": SERVICES.iter().map(|service| service.label()).collect::<Vec<_>>(),
        "how": "the app on the Date & Time page as uid 65534 in polkitd's mount namespace \
                (nsenter, setpriv); Asia/Tokyo chosen from the keyboard; timedated asks the \
                real polkitd, which asks the app's agent; shot with the dialog shown, then \
                Escape cancels it and the copy's /etc/localtime is checked unchanged",
    })
}

/// The agent's shots in every theme, in a bed of their own; returns the report entries and
/// how many failed. In the user's own session (no headless sway, no keys) they are skipped.
pub(super) fn take_all(app: &Path, mode: Mode, out_dir: &Path) -> Result<(Vec<Value>, usize)> {
    if mode == Mode::WaylandSession {
        println!("  {AGENT}: skipped (the agent's dialog is shot under headless sway only)");
        return Ok((Vec::new(), 0));
    }
    let labels: Vec<&str> = SERVICES.iter().map(|service| service.label()).collect();
    println!("starting the agent's test bed ({})…", labels.join(", "));
    let mut bed = TestBed::start(SERVICES)?;
    let localtime = bed.machine_etc(Service::Timedated).join("localtime");
    let zone_before = link(&localtime);
    let mut entries = Vec::new();
    let mut failures = 0;
    for theme in THEMES {
        // timedated exits after 30 s without callers; what it wrote stays.
        bed.start_service(Service::Timedated)?;
        let (mut entry, mut ok) = take(app, &bed, theme, out_dir)?;
        let zone_after = link(&localtime);
        let unchanged = zone_after == zone_before;
        entry["zone_unchanged"] = json!(unchanged);
        if ok && !unchanged {
            ok = false;
            entry["ok"] = json!(false);
            entry["error"] = json!(format!(
                "the copy's /etc/localtime changed: {zone_before:?} -> {zone_after:?}"
            ));
            println!("  {AGENT}-{theme}: FAILED: the time zone changed ({zone_after:?})");
        }
        failures += usize::from(!ok);
        entries.push(entry);
    }
    if failures > 0 {
        let kept = bed.keep_dir();
        println!("  {AGENT}: the bed's logs are kept in {}", kept.display());
    }
    Ok((entries, failures))
}

/// Where `/etc/localtime` of the bed's copy points.
fn link(path: &Path) -> Option<PathBuf> {
    std::fs::read_link(path).ok()
}

/// One shot: the dialog in `theme`; returns its report entry and whether it worked.
fn take(app: &Path, bed: &TestBed, theme: &str, out_dir: &Path) -> Result<(Value, bool)> {
    let name = format!("{AGENT}-{theme}");
    let png = out_dir.join(format!("{name}.png"));
    let log = out_dir.join(format!("{name}.log"));
    let _ = std::fs::remove_file(&png);
    let about = json!({
        "app": "ferrum-settings",
        "panel": DATE_TIME,
        "theme": theme,
        "variant": format!(
            "the authentication agent's dialog: the real polkitd asks it for timedated's \
             set-timezone ({ZONE}, chosen from the keyboard) as the app runs as uid {NOBODY}; \
             cancelled with Escape"
        ),
    });
    // nsenter into polkitd's mount namespace, then setpriv to the person: both exec, so the
    // app keeps the PID the session watches and stops.
    let namespace = bed.polkit_namespace_command("/usr/bin/setpriv")?;
    let program = PathBuf::from(namespace.get_program());
    let mut args: Vec<String> = namespace
        .get_args()
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    args.extend([
        format!("--reuid={NOBODY}"),
        format!("--regid={NOBODY}"),
        "--clear-groups".to_owned(),
        app.display().to_string(),
        DATE_TIME.to_owned(),
        "--theme".to_owned(),
        theme.to_owned(),
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let env = [
        ("DBUS_SYSTEM_BUS_ADDRESS", bed.system_bus_address()),
        ("RUST_LOG", "info"),
    ];
    let mut session = match Session::start() {
        Ok(session) => session,
        Err(error) => {
            println!("  {name}: FAILED: {error}");
            return Ok((failed_entry(&about, &log, error.to_string()), false));
        }
    };
    let outcome = drive(&mut session, &program, &args, &env, &png);
    let stopped = session.stop().map_err(|error| error.to_string());
    let app_log = session.app_log();
    std::fs::write(&log, &app_log)?;
    match (outcome, stopped) {
        (Ok(figures), Ok(())) => {
            println!(
                "  {name}: first visible frame {:.0} ms, the dialog {:.0} ms after the zone's \
                 Return, cancelled -> {}",
                figures.first_frame_ms,
                figures.asked_ms,
                png.display()
            );
            let mut entry = shot_entry(&about, Some(&png), &log);
            entry["first_visible_frame_ms"] = json!(round(figures.first_frame_ms));
            entry["first_view_ms"] = json!(util::first_view_ms(&app_log).map(round));
            entry["peak_rss_kib"] = json!(figures.peak_rss_kib);
            entry["dialog_ms"] = json!(round(figures.asked_ms));
            entry["cancelled"] = json!(true);
            Ok((entry, true))
        }
        (Err(message), _) | (Ok(_), Err(message)) => {
            std::fs::write(
                out_dir.join(format!("{name}.sway.log")),
                session.compositor_log(),
            )?;
            println!("  {name}: FAILED: {message}");
            Ok((failed_entry(&about, &log, message), false))
        }
    }
}

/// What one run measured.
struct Figures {
    first_frame_ms: f64,
    /// From the zone's Return to the agent's "polkit asks".
    asked_ms: f64,
    peak_rss_kib: Option<u64>,
}

/// Starts the app, waits for its agent, types [`ZONE_KEYS`], waits for polkit's request,
/// shoots the dialog, cancels it with Escape and stops the app.
fn drive(
    session: &mut Session,
    program: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    png: &Path,
) -> std::result::Result<Figures, String> {
    let text = |error: ferrum_testbed::wayland::SessionError| error.to_string();
    let first_frame = session
        .launch_app(User::Root, program, args, env)
        .map_err(text)?;
    wait_for_log(session, REGISTERED)?;
    session.wait(SETTLE, "the app to settle").map_err(text)?;
    let Some((last, before)) = ZONE_KEYS.split_last() else {
        return Err("no keys to type".to_owned());
    };
    for group in before {
        session.type_keys(group).map_err(text)?;
        session
            .wait(SETTLE, "the app to answer the keys")
            .map_err(text)?;
    }
    let asked_from = Instant::now();
    session.type_keys(last).map_err(text)?;
    let asked = wait_for_log(session, ASKED)?;
    let asked_ms = asked.saturating_duration_since(asked_from).as_secs_f64() * 1000.0;
    session.wait(SETTLE, "the dialog to show").map_err(text)?;
    if !session.screenshot_settled(png).map_err(text)? {
        println!(
            "  note: the screen still changed after {SETTLED_CAP:?}; saved the last frame to {}",
            png.display()
        );
    }
    let peak_rss_kib = session.app_peak_rss_kib();
    session.type_keys(&["Escape"]).map_err(text)?;
    wait_for_log(session, CANCELLED)?;
    session.stop_app().map_err(text)?;
    Ok(Figures {
        first_frame_ms: first_frame.as_secs_f64() * 1000.0,
        asked_ms,
        peak_rss_kib,
    })
}

/// Waits until the app's log holds `needle` (for at most [`LOG_WAIT`]); returns when it was
/// seen.
fn wait_for_log(session: &mut Session, needle: &str) -> std::result::Result<Instant, String> {
    let deadline = Instant::now() + LOG_WAIT;
    loop {
        if session.app_log().contains(needle) {
            return Ok(Instant::now());
        }
        if Instant::now() >= deadline {
            return Err(format!(
                "the app did not log {needle:?} within {} s",
                LOG_WAIT.as_secs()
            ));
        }
        session
            .wait(Duration::from_millis(100), needle)
            .map_err(|error| error.to_string())?;
    }
}
