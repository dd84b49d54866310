//! `cargo xtask demo`: runs the release app against the test bed's real daemons and saves a
//! screenshot of every panel in both themes, the Power panel in high contrast and in Arabic
//! (right to left), plus `report.json`, under `target/demo/`.

use std::fs::{self, File};
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use ferrum_testbed::{Service, TestBed};
use rustix::process::{Pid, Signal};
use serde_json::{Value, json};

use crate::compositor;
use crate::util::{self, Result};

/// The services every run of the app gets.
pub const SERVICES: &[Service] = &[Service::Polkit, Service::PowerProfiles, Service::UPower];
/// The themes the demo shows.
const THEMES: &[&str] = &["light", "dark"];
/// How long the app gets after its first frame to receive the daemons' data; the demo's
/// screenshot is then taken once the frame has settled (see
/// [`ferrum_testbed::wayland::Session::screenshot_settled`]).
pub const SETTLE: Duration = Duration::from_millis(1500);
/// How long each panel is shown when running in the user's own Wayland session.
const SESSION_SHOW: Duration = Duration::from_secs(3);

/// Builds the release app and returns the path of its binary.
pub fn build_release_app() -> Result<PathBuf> {
    util::run(util::cargo()?.args(["build", "--release", "-p", "ferrum-settings"]))?;
    let app = util::target_dir()?.join("release").join("ferrum-settings");
    if app.is_file() {
        Ok(app)
    } else {
        Err(format!("the build did not produce {}", app.display()).into())
    }
}

/// Starts a test bed with [`SERVICES`].
pub fn start_bed() -> Result<TestBed> {
    println!("starting the test bed (polkit mock, power-profiles-daemon, upowerd)…");
    let bed = TestBed::start(SERVICES)?;
    println!(
        "test bed up at {} ({})",
        bed.system_bus_address(),
        bed.dir().display()
    );
    Ok(bed)
}

/// The panel slugs the app lists with `--list-panels`.
fn panels(app: &Path) -> Result<Vec<String>> {
    let output = Command::new(app)
        .arg("--list-panels")
        .stderr(Stdio::inherit())
        .output()?;
    if !output.status.success() {
        return Err(format!("{} --list-panels failed ({})", app.display(), output.status).into());
    }
    let panels: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect();
    if panels.is_empty() {
        return Err("the app listed no panels".into());
    }
    Ok(panels)
}

/// One screenshot of the demo: a panel in a theme, maybe with a different locale or
/// preferences.
#[derive(Debug, Clone)]
struct Shot {
    /// File stem under `target/demo/`: `<panel>-<theme>` or `<panel>-<variant>`.
    name: String,
    panel: String,
    theme: &'static str,
    /// What differs from a plain run, for the report.
    variant: Option<&'static str>,
    /// Added to the app's environment.
    env: Vec<(&'static str, String)>,
}

/// Every panel in every theme, then the Power panel in high contrast (preferences in
/// `config_home`) and in Arabic (mirrored: the sidebar on the right).
fn shots(panels: &[String], config_home: &Path) -> Vec<Shot> {
    let mut shots = Vec::new();
    for panel in panels {
        for theme in THEMES {
            shots.push(Shot {
                name: format!("{panel}-{theme}"),
                panel: panel.clone(),
                theme,
                variant: None,
                env: Vec::new(),
            });
        }
    }
    shots.push(Shot {
        name: "power-high-contrast".to_owned(),
        panel: "power".to_owned(),
        theme: "light",
        variant: Some("high contrast (accessibility.toml: high_contrast = true)"),
        env: vec![("XDG_CONFIG_HOME", config_home.display().to_string())],
    });
    shots.push(Shot {
        name: "power-ar".to_owned(),
        panel: "power".to_owned(),
        theme: "light",
        variant: Some("Arabic, right to left (LANG=ar_EG.UTF-8)"),
        env: vec![("LANG", "ar_EG.UTF-8".to_owned())],
    });
    shots
}

/// A folder to use as `XDG_CONFIG_HOME` holding `ferrum/accessibility.toml` with high
/// contrast on, readable by uid 65534 (the app's user under headless sway).
fn high_contrast_config() -> Result<tempfile::TempDir> {
    let dir = tempfile::Builder::new()
        .prefix("ferrum-demo-config-")
        .tempdir()?;
    let ferrum = dir.path().join("ferrum");
    fs::create_dir(&ferrum)?;
    fs::write(ferrum.join("accessibility.toml"), "high_contrast = true\n")?;
    for folder in [dir.path(), &ferrum] {
        fs::set_permissions(folder, fs::Permissions::from_mode(0o755))?;
    }
    Ok(dir)
}

/// One screenshot's entry in the report.
fn shot_entry(
    shot: &Shot,
    path: Option<&Path>,
    log: &Path,
    result: std::result::Result<&compositor::RunReport, String>,
) -> Value {
    let mut entry = json!({
        "panel": shot.panel,
        "theme": shot.theme,
        "variant": shot.variant,
        "path": path.map(|p| p.display().to_string()),
        "log": log.display().to_string(),
    });
    match result {
        Ok(report) => {
            entry["ok"] = json!(true);
            entry["error"] = Value::Null;
            entry["first_visible_frame_ms"] = json!(round(report.first_frame_ms));
            entry["first_view_ms"] = json!(util::first_view_ms(&report.app_log).map(round));
            entry["peak_rss_kib"] = json!(report.peak_rss_kib);
        }
        Err(error) => {
            entry["ok"] = json!(false);
            entry["error"] = json!(error);
            entry["first_visible_frame_ms"] = Value::Null;
        }
    }
    entry
}

fn round(ms: f64) -> f64 {
    (ms * 10.0).round() / 10.0
}

/// The whole demo.
pub fn run() -> Result<()> {
    let started = Instant::now();
    crate::deps::run()?;
    let app = build_release_app()?;
    let out_dir = util::target_dir()?.join("demo");
    fs::create_dir_all(&out_dir)?;
    let panels = panels(&app)?;
    let config_home = high_contrast_config()?;
    let shots = shots(&panels, config_home.path());
    let mut bed = start_bed()?;
    let address = bed.system_bus_address().to_owned();

    let session = std::env::var("WAYLAND_DISPLAY")
        .ok()
        .filter(|display| !display.is_empty());
    let mode = if session.is_some() {
        "wayland-session"
    } else {
        "headless-sway"
    };
    println!("demo: panels {panels:?} × themes {THEMES:?} + high contrast + Arabic, mode {mode}");

    let mut entries = Vec::new();
    let mut failures = 0;
    for shot in &shots {
        let name = &shot.name;
        let png = out_dir.join(format!("{name}.png"));
        let log = out_dir.join(format!("{name}.log"));
        let _ = fs::remove_file(&png);
        let mut env: Vec<(&str, &str)> = vec![
            ("DBUS_SYSTEM_BUS_ADDRESS", address.as_str()),
            ("RUST_LOG", "info"),
        ];
        env.extend(shot.env.iter().map(|(key, value)| (*key, value.as_str())));
        let args = [shot.panel.as_str(), "--theme", shot.theme];
        let entry = if session.is_some() {
            match run_in_session(&app, &args, &env, &png, &log) {
                Ok(taken) => {
                    let mut entry = json!({
                        "panel": shot.panel, "theme": shot.theme, "variant": shot.variant,
                        "ok": true, "error": null,
                        "path": taken.then(|| png.display().to_string()),
                        "log": log.display().to_string(),
                        "first_visible_frame_ms": null,
                    });
                    if let Ok(text) = fs::read_to_string(&log) {
                        entry["first_view_ms"] = json!(util::first_view_ms(&text).map(round));
                    }
                    println!(
                        "  {name}: shown{}",
                        if taken {
                            ", screenshot saved"
                        } else {
                            " (grim could not capture this session)"
                        }
                    );
                    entry
                }
                Err(error) => {
                    failures += 1;
                    println!("  {name}: FAILED: {error}");
                    json!({"panel": shot.panel, "theme": shot.theme, "variant": shot.variant,
                           "ok": false, "error": error.to_string(), "path": null,
                           "log": log.display().to_string(), "first_visible_frame_ms": null})
                }
            }
        } else {
            match compositor::run_headless(&app, &args, &env, Some(&png), SETTLE) {
                Ok(report) => {
                    fs::write(&log, &report.app_log)?;
                    println!(
                        "  {name}: first visible frame {:.0} ms, peak RSS {} KiB -> {}",
                        report.first_frame_ms,
                        report
                            .peak_rss_kib
                            .map_or_else(|| "?".to_owned(), |kib| kib.to_string()),
                        png.display()
                    );
                    shot_entry(shot, Some(&png), &log, Ok(&report))
                }
                Err(error) => {
                    failures += 1;
                    fs::write(&log, &error.app_log)?;
                    fs::write(
                        out_dir.join(format!("{name}.sway.log")),
                        &error.compositor_log,
                    )?;
                    println!("  {name}: FAILED: {error}");
                    shot_entry(shot, None, &log, Err(error.message.clone()))
                }
            }
        };
        entries.push(entry);
    }

    let report = json!({
        "timestamp": util::timestamp_utc(),
        "git_commit": util::git_commit(),
        "rustc": util::rustc_version(),
        "mode": mode,
        "first_visible_frame": "ms from spawning the app in a running headless sway until the pixel at (20,20) is no longer sway's background",
        "screenshot": "taken 1.5 s after the first frame, once two grim captures 300 ms apart are identical (at most 5 s)",
        "versions": {
            "power-profiles-daemon": util::dpkg_version("power-profiles-daemon"),
            "upower": util::dpkg_version("upower"),
            "sway": util::dpkg_version("sway"),
        },
        "screenshots": entries,
        "total_ms": started.elapsed().as_millis() as u64,
    });
    let report_path = out_dir.join("report.json");
    fs::write(&report_path, serde_json::to_string_pretty(&report)? + "\n")?;
    println!(
        "demo: wrote {} in {:.1} s",
        report_path.display(),
        started.elapsed().as_secs_f64()
    );
    if failures > 0 {
        let kept = bed.keep_dir();
        return Err(format!(
            "demo: {failures} run(s) failed; see the logs in {} and the daemons' logs in {}",
            out_dir.display(),
            kept.display()
        )
        .into());
    }
    Ok(())
}

/// Runs the app in the user's own Wayland session for a few seconds, takes a `grim`
/// screenshot of the whole output if the compositor supports it, then stops the app.
/// Returns whether a screenshot was saved.
fn run_in_session(
    app: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    png: &Path,
    log: &Path,
) -> Result<bool> {
    let log_file = File::create(log)?;
    let mut command = Command::new(app);
    if env.iter().any(|(key, _)| *key == "LANG") {
        // A LANG of the shot's own must not be overridden by the user's locale.
        command.env_remove("LC_ALL").env_remove("LC_MESSAGES");
    }
    let mut child = command
        .args(args)
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(log_file.try_clone()?)
        .stderr(log_file)
        .spawn()?;
    thread::sleep(SESSION_SHOW);
    if let Some(status) = child.try_wait()? {
        return Err(format!("the app exited early ({status}); see {}", log.display()).into());
    }
    let taken = util::on_path("grim")
        && Command::new("grim")
            .arg(png)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
    if let Some(pid) = i32::try_from(child.id()).ok().and_then(Pid::from_raw) {
        let _ = rustix::process::kill_process(pid, Signal::TERM);
    }
    let deadline = Instant::now() + Duration::from_secs(3);
    while child.try_wait()?.is_none() && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(50));
    }
    if child.try_wait()?.is_none() {
        child.kill()?;
        child.wait()?;
    }
    Ok(taken)
}
