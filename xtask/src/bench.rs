//! `cargo xtask bench`: a benchmark, not a test. Measures the release app against the test
//! bed's real daemons under headless sway and writes `target/bench/bench.json`.
//!
//! # Adding a metric
//! Every figure is a [`Metric`] built by its own function and appended in [`run`] (see
//! "Extension point"). Figures measured by another program go into the report as a JSON
//! object of their own, like `panel_switch` from the `panel-switch-bench` integration binary.

use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::Instant;

use serde_json::{Map, Value, json};

use crate::compositor;
use crate::demo::{self, SETTLE};
use crate::util::{self, Result};

/// Timed runs per figure (after one untimed warm-up run).
const RUNS: usize = 7;
/// The panel the cold-start figures are taken on.
const PANEL: &str = "power";
/// The integration binary that measures panel-switch latency, if it exists.
const PANEL_SWITCH_SOURCE: &str = "tests/src/bin/panel-switch-bench.rs";

/// One measured figure: its samples and how they were taken.
#[derive(Debug, Clone)]
pub struct Metric {
    /// Key in `bench.json`.
    pub key: &'static str,
    /// Human-readable name for the table.
    pub label: &'static str,
    /// Unit of the samples.
    pub unit: &'static str,
    /// What exactly is measured.
    pub method: String,
    /// One value per timed run.
    pub samples: Vec<f64>,
}

impl Metric {
    fn min(&self) -> Option<f64> {
        self.samples.iter().copied().reduce(f64::min)
    }

    fn max(&self) -> Option<f64> {
        self.samples.iter().copied().reduce(f64::max)
    }

    fn to_json(&self) -> Value {
        json!({
            "label": self.label,
            "unit": self.unit,
            "method": self.method,
            "median": util::median(&self.samples).map(round2),
            "min": self.min().map(round2),
            "max": self.max().map(round2),
            "samples": self.samples.iter().copied().map(round2).collect::<Vec<_>>(),
        })
    }
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// Cold start of `ferrum-settings power` under headless sway, [`RUNS`] times after a warm-up:
/// first visible frame, `main()` → first view (from the app's log) and peak RSS.
fn cold_start_metrics(app: &Path, bus_address: &str) -> Result<Vec<Metric>> {
    let env = [
        ("DBUS_SYSTEM_BUS_ADDRESS", bus_address),
        ("RUST_LOG", "info"),
    ];
    let args = [PANEL];
    println!("bench: warm-up run (untimed, fills the page cache)");
    compositor::run_headless(app, &args, &env, None, SETTLE)?;

    let mut frame = Vec::new();
    let mut first_view = Vec::new();
    let mut rss = Vec::new();
    for run in 1..=RUNS {
        let report = compositor::run_headless(app, &args, &env, None, SETTLE)?;
        let view = util::first_view_ms(&report.app_log);
        println!(
            "  run {run}/{RUNS}: first visible frame {:.1} ms, main() → first view {}, peak RSS {}",
            report.first_frame_ms,
            view.map_or_else(|| "?".to_owned(), |ms| format!("{ms:.1} ms")),
            report
                .peak_rss_kib
                .map_or_else(|| "?".to_owned(), |kib| format!("{kib} KiB")),
        );
        frame.push(report.first_frame_ms);
        first_view.extend(view);
        rss.extend(report.peak_rss_kib.map(|kib| kib as f64 / 1024.0));
    }
    Ok(vec![
        Metric {
            key: "cold_start_first_visible_frame",
            label: "cold start → first visible frame",
            unit: "ms",
            method: format!(
                "app spawn → pixel at (20,20) no longer sway's background: `{PANEL}` panel, \
                 app started as uid 65534 in an already running headless sway (pixman), grim \
                 polled every 10 ms; excludes sway's own start-up"
            ),
            samples: frame,
        },
        Metric {
            key: "main_to_first_view",
            label: "main() → first view",
            unit: "ms",
            method: "`first view built elapsed_ms=` from the app's log (process start → first \
                     App::view call)"
                .to_owned(),
            samples: first_view,
        },
        Metric {
            key: "peak_rss",
            label: "peak RSS",
            unit: "MiB",
            method: format!(
                "VmHWM of the app {:.1} s after its first frame, with daemon data loaded",
                SETTLE.as_secs_f64()
            ),
            samples: rss,
        },
    ])
}

/// Runs the `panel-switch-bench` integration binary if it exists and returns the JSON object
/// it prints as its last line of stdout.
fn panel_switch(bus_address: &str) -> Result<Option<Value>> {
    let root = util::workspace_root()?;
    if !root.join(PANEL_SWITCH_SOURCE).is_file() {
        println!("bench: {PANEL_SWITCH_SOURCE} does not exist yet; no panel-switch figures");
        return Ok(None);
    }
    let mut command = util::cargo()?;
    command
        .args([
            "run",
            "--release",
            "--quiet",
            "-p",
            "ferrum-integration-tests",
            "--bin",
            "panel-switch-bench",
        ])
        .env("DBUS_SYSTEM_BUS_ADDRESS", bus_address)
        .env("ICED_TEST_BACKEND", "tiny-skia")
        .stderr(Stdio::inherit());
    println!("$ {}", util::display(&command));
    let output = command.output()?;
    if !output.status.success() {
        return Err(format!("panel-switch-bench failed ({})", output.status).into());
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let last = stdout
        .lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .ok_or("panel-switch-bench printed nothing")?;
    let value: Value = serde_json::from_str(last)
        .map_err(|e| format!("panel-switch-bench's last line is not JSON ({e}): {last}"))?;
    if !value.is_object() {
        return Err(format!("panel-switch-bench's last line is not a JSON object: {last}").into());
    }
    Ok(Some(value))
}

fn print_table(metrics: &[Metric]) {
    println!();
    println!(
        "{:<34} {:>9} {:>9} {:>9}  {:<5} n",
        "metric", "median", "min", "max", "unit"
    );
    for metric in metrics {
        let cell = |value: Option<f64>| value.map_or_else(|| "-".to_owned(), |v| format!("{v:.1}"));
        println!(
            "{:<34} {:>9} {:>9} {:>9}  {:<5} {}",
            metric.label,
            cell(util::median(&metric.samples)),
            cell(metric.min()),
            cell(metric.max()),
            metric.unit,
            metric.samples.len()
        );
    }
    for metric in metrics {
        println!("  {}: {}", metric.label, metric.method);
    }
}

/// The whole benchmark.
pub fn run() -> Result<()> {
    let started = Instant::now();
    crate::deps::run()?;
    let app = demo::build_release_app()?;
    let bed = demo::start_bed()?;
    let address = bed.system_bus_address().to_owned();

    // Extension point: each figure is a `Metric` from its own function; append more here.
    let mut metrics: Vec<Metric> = Vec::new();
    metrics.extend(cold_start_metrics(&app, &address)?);
    // Figures measured by separate programs are merged as JSON objects.
    let panel_switch = panel_switch(&address)?;
    drop(bed);

    print_table(&metrics);
    if let Some(panel_switch) = &panel_switch {
        println!("  panel switch: {panel_switch}");
    }

    let mut figures = Map::new();
    for metric in &metrics {
        figures.insert(metric.key.to_owned(), metric.to_json());
    }
    let mut report = json!({
        "timestamp": util::timestamp_utc(),
        "git_commit": util::git_commit(),
        "rustc": util::rustc_version(),
        "panel": PANEL,
        "runs": RUNS,
        "warm_up_runs": 1,
        "cpus": std::thread::available_parallelism().map(usize::from).ok(),
        "versions": {
            "power-profiles-daemon": util::dpkg_version("power-profiles-daemon"),
            "upower": util::dpkg_version("upower"),
            "sway": util::dpkg_version("sway"),
        },
        "metrics": figures,
    });
    if let Some(panel_switch) = panel_switch {
        report["panel_switch"] = panel_switch;
    }
    report["total_ms"] = json!(started.elapsed().as_millis() as u64);

    let out_dir = util::target_dir()?.join("bench");
    fs::create_dir_all(&out_dir)?;
    let path = out_dir.join("bench.json");
    fs::write(&path, serde_json::to_string_pretty(&report)? + "\n")?;
    println!(
        "bench: wrote {} in {:.1} s",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
