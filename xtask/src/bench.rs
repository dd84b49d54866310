//! `cargo xtask bench`: a benchmark, not a test. Measures the release settings app and the
//! greeter against the test bed's real daemons under headless sway and writes
//! `target/bench/bench.json` (the greeter's keys start with `greeter_`).
//!
//! # Adding a metric
//! Every figure is a [`Metric`] built by its own function and appended in [`run`] (see
//! "Extension point"). Figures measured by another program go into the report as a JSON
//! object of their own, like `panel_switch` from the `panel-switch-bench` integration binary;
//! its switches (About → Power, the reference, About → Bluetooth against the bed's bluez5
//! mock furnished by [`demo::furnish_bluetooth`], About → Sound against the private
//! PipeWire of a [`SoundBed`], reached through `PIPEWIRE_REMOTE`, and About → Printers against
//! the bed's real cupsd, reached through `CUPS_SERVER`, with the demo's queue furnished by
//! [`printers::furnish`]) also become rows of the table ([`panel_switch_metrics`]), measured in
//! the same run so they compare. `cargo xtask bench printers` measures only the panel
//! switches (`target/bench/bench-printers.json`). With the firmware bed's real fwupd in the bed
//! ([`firmware::run_fwupd`], the webcam's update on offer), `panel-switch-bench` also measures
//! About → Firmware and About → Device Security (`FERRUM_BENCH_FWUPD`); `cargo xtask bench
//! firmware` (or `bench security`) measures only the panel switches with them
//! (`target/bench/bench-firmware.json`). About → Appearance (no daemon: the page draws the
//! preferences the app read at start) is measured when [`appearance::bench_env`] is set, in
//! `bench` and in `cargo xtask bench appearance`, which measures only the panel switches
//! (`target/bench/bench-appearance.json`).
//! About → Apps against the apps bed's Flatpak ([`apps_bed`]: an app for the person with an
//! update on offer, one for everyone) is measured in `bench` and in `cargo xtask bench apps`,
//! which measures only the panel switches (`target/bench/bench-apps.json`).
//! About → Date & Time and About → Region & Language against the bed's real timedated, localed
//! and accounts-daemon are measured in `bench` and in `cargo xtask bench date-time` (or
//! `region`), which measures only the panel switches (`target/bench/bench-region.json`); with
//! them About → Users against the bed's real accounts-daemon (`demo::start_bed` runs it for the
//! greeter).
//!
//! The CPU rows ([`sound::cpu_metrics`]) compare the release app's CPU time over 20 s on the
//! Sound page (nothing playing: only the input's level meter runs; and with a stream playing)
//! with the same app idle on the About page, the reference, in the same run.
//! `cargo xtask bench sound` measures only the panel switches and the CPU rows
//! (`target/bench/bench-sound.json`).

use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::Instant;

use serde_json::{Map, Value, json};

use crate::demo::{self, SETTLE};
use crate::e2e::Layout;
use crate::sound::{self, SoundBed};
use crate::util::{self, Result};
use crate::{appearance, apps_bed, compositor, firmware, greeter, printers};

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
    pub key: String,
    /// Human-readable name for the table.
    pub label: String,
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

/// An app whose cold start is measured, and how it is started.
#[derive(Debug)]
struct Subject<'a> {
    /// Name in the table's labels and the progress lines.
    name: &'static str,
    /// Put before its keys in `bench.json` (empty for the settings app, whose keys came
    /// first).
    key_prefix: &'static str,
    /// What is started, for the methods: e.g. "the `power` panel".
    shown: String,
    app: &'a Path,
    args: Vec<String>,
    /// Added to `DBUS_SYSTEM_BUS_ADDRESS` and `RUST_LOG=info`.
    env: Vec<(&'static str, String)>,
}

impl Subject<'_> {
    fn metric(&self, key: &str, label: &str, unit: &'static str, method: String) -> Metric {
        Metric {
            key: format!("{}{key}", self.key_prefix),
            label: format!("{}: {label}", self.name),
            unit,
            method,
            samples: Vec::new(),
        }
    }
}

/// `ferrum-settings power`.
fn settings_subject(app: &Path) -> Subject<'_> {
    Subject {
        name: "settings",
        key_prefix: "",
        shown: format!("the `{PANEL}` panel"),
        app,
        args: vec![PANEL.to_owned()],
        env: Vec::new(),
    }
}

/// `ferrum-greeter --config …` against the fake greetd.
fn greeter_subject<'a>(app: &'a Path, greetd: &greeter::Fixture) -> Subject<'a> {
    Subject {
        name: "greeter",
        key_prefix: "greeter_",
        shown: "the login screen (fake greetd, accounts-daemon's user list)".to_owned(),
        app,
        args: greetd.args(),
        env: greetd.env(),
    }
}

/// Cold start of `subject` under headless sway, [`RUNS`] times after a warm-up: first
/// visible frame, `main()` → first view (from the app's log) and peak RSS.
fn cold_start_metrics(subject: &Subject<'_>, bus_address: &str) -> Result<Vec<Metric>> {
    let mut env = vec![
        ("DBUS_SYSTEM_BUS_ADDRESS", bus_address),
        ("RUST_LOG", "info"),
    ];
    env.extend(
        subject
            .env
            .iter()
            .map(|(key, value)| (*key, value.as_str())),
    );
    let args: Vec<&str> = subject.args.iter().map(String::as_str).collect();
    let name = subject.name;
    println!("bench: {name}: warm-up run (untimed, fills the page cache)");
    compositor::run_headless(subject.app, &args, &env, None, SETTLE)?;

    let mut frame = subject.metric(
        "cold_start_first_visible_frame",
        "cold start → first visible frame",
        "ms",
        format!(
            "app spawn → pixel at (20,20) no longer sway's background: {}, app started as uid \
             65534 in an already running headless sway (pixman), grim polled every 10 ms; \
             excludes sway's own start-up",
            subject.shown
        ),
    );
    let mut first_view = subject.metric(
        "main_to_first_view",
        "main() → first view",
        "ms",
        "`first view built elapsed_ms=` from the app's log (process start → first view call)"
            .to_owned(),
    );
    let mut rss = subject.metric(
        "peak_rss",
        "peak RSS",
        "MiB",
        format!(
            "VmHWM of the app {:.1} s after its first frame, with daemon data loaded",
            SETTLE.as_secs_f64()
        ),
    );
    for run in 1..=RUNS {
        let report = compositor::run_headless(subject.app, &args, &env, None, SETTLE)?;
        let view = util::first_view_ms(&report.app_log);
        println!(
            "  {name} run {run}/{RUNS}: first visible frame {:.1} ms, main() → first view {}, \
             peak RSS {}",
            report.first_frame_ms,
            view.map_or_else(|| "?".to_owned(), |ms| format!("{ms:.1} ms")),
            report
                .peak_rss_kib
                .map_or_else(|| "?".to_owned(), |kib| format!("{kib} KiB")),
        );
        frame.samples.push(report.first_frame_ms);
        first_view.samples.extend(view);
        rss.samples
            .extend(report.peak_rss_kib.map(|kib| kib as f64 / 1024.0));
    }
    Ok(vec![frame, first_view, rss])
}

/// Runs the `panel-switch-bench` integration binary if it exists and returns the JSON object
/// it prints as its last line of stdout. `env` adds switches: `PIPEWIRE_REMOTE` the one to
/// Sound, `CUPS_SERVER` the one to Printers.
fn panel_switch(bus_address: &str, env: &[(&str, String)]) -> Result<Option<Value>> {
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
        .envs(env.iter().map(|(key, value)| (*key, value.as_str())))
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

/// Keeps timedated and localed running while it lives (see [`keep_awake`]); dropping it stops
/// the reads.
struct Awake {
    stop: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Awake {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// timedated and localed exit after 30 s without callers and nothing on the bed activates
/// them again (see `ferrum_testbed::machine`): they are started anew here, just before the
/// panel switches, and read once every 10 s (one property each, with busctl) until the
/// returned guard is dropped — far less than the pages' own reads during their switches.
fn keep_awake(bed: &mut ferrum_testbed::TestBed) -> Result<Awake> {
    use ferrum_testbed::Service;
    for service in [Service::Timedated, Service::Localed] {
        bed.start_service(service)?;
    }
    let address = bed.system_bus_address().to_owned();
    let (stop, stopped) = std::sync::mpsc::channel::<()>();
    let thread = std::thread::spawn(move || {
        let reads = [
            [
                "org.freedesktop.timedate1",
                "/org/freedesktop/timedate1",
                "org.freedesktop.timedate1",
                "Timezone",
            ],
            [
                "org.freedesktop.locale1",
                "/org/freedesktop/locale1",
                "org.freedesktop.locale1",
                "Locale",
            ],
        ];
        while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) =
            stopped.recv_timeout(std::time::Duration::from_secs(10))
        {
            for read in &reads {
                let _ = std::process::Command::new("busctl")
                    .arg("--system")
                    .env("DBUS_SYSTEM_BUS_ADDRESS", &address)
                    .arg("get-property")
                    .args(read)
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status();
            }
        }
    });
    Ok(Awake {
        stop: Some(stop),
        thread: Some(thread),
    })
}

/// The rows of the panel switches `panel-switch-bench` measured (its `switches`): for each,
/// the whole switch and the part spent waiting for the daemons' data, in milliseconds.
fn panel_switch_metrics(panel_switch: &Value) -> Vec<Metric> {
    let mut metrics = Vec::new();
    for switch in panel_switch["switches"].as_array().into_iter().flatten() {
        let to = switch["to"].as_str().unwrap_or("?");
        let samples = |key: &str| -> Vec<f64> {
            switch[key]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_f64)
                .collect()
        };
        let reference = if to == "power" { " (reference)" } else { "" };
        let render = panel_switch["render"].as_str().unwrap_or("rendered");
        let data = switch["data"].as_str().unwrap_or("the page's first data");
        metrics.push(Metric {
            key: format!("panel_switch_{to}"),
            label: format!("settings: switch About → {to}{reference}"),
            unit: "ms",
            method: format!(
                "`panel-switch-bench`, in process: SelectPanel → {data} applied → window drawn \
                 ({render}); {} runs after an untimed warm-up",
                switch["iterations"]
            ),
            samples: samples("total_ms"),
        });
        metrics.push(Metric {
            key: format!("panel_switch_{to}_data"),
            label: format!("settings: switch About → {to}, data part"),
            unit: "ms",
            method: format!("the same runs up to: {data} applied (no drawing)"),
            samples: samples("data_ms"),
        });
    }
    metrics
}

/// How each switch compares with the About → Power reference of the same run (medians).
fn print_switch_comparison(metrics: &[Metric]) {
    let median = |key: &str| {
        metrics
            .iter()
            .find(|metric| metric.key == key)
            .and_then(|metric| util::median(&metric.samples))
    };
    let Some(reference) = median("panel_switch_power") else {
        return;
    };
    for metric in metrics {
        let Some(to) = metric.key.strip_prefix("panel_switch_") else {
            continue;
        };
        if to == "power" || to.ends_with("_data") {
            continue;
        }
        if let Some(value) = util::median(&metric.samples) {
            println!(
                "  switch About → {to}: {value:.1} ms median, {:+.1} ms ({:.2}×) against \
                 About → power's {reference:.1} ms in the same run",
                value - reference,
                value / reference
            );
        }
    }
}

fn print_table(metrics: &[Metric]) {
    // `{:<width$}` pads by characters; the labels hold arrows.
    let width = metrics
        .iter()
        .map(|metric| metric.label.chars().count())
        .fold("metric".len(), usize::max);
    println!();
    println!(
        "{:<width$} {:>9} {:>9} {:>9}  {:<5} n",
        "metric", "median", "min", "max", "unit"
    );
    for metric in metrics {
        // CPU shares are small: two decimals.
        let decimals = if metric.unit == "%" { 2 } else { 1 };
        let cell = |value: Option<f64>| {
            value.map_or_else(|| "-".to_owned(), |v| format!("{v:.decimals$}"))
        };
        println!(
            "{:<width$} {:>9} {:>9} {:>9}  {:<5} {}",
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

/// The figures of each layout's last image boot (`cargo xtask image e2e` or
/// `cargo xtask bench boot`).
fn last_boot_figures() -> Result<Option<Value>> {
    let mut layouts = Vec::new();
    for layout in [Layout::Initramfs, Layout::Verity] {
        if let Ok(text) = fs::read_to_string(layout.figures_path()?) {
            layouts.push(serde_json::from_str::<Value>(&text)?);
        }
    }
    if layouts.is_empty() {
        println!(
            "bench: no image boot measured yet (`cargo xtask bench boot` or `cargo xtask image e2e`)"
        );
        return Ok(None);
    }
    Ok(Some(Value::Array(layouts)))
}

fn print_boot(boots: &Value) {
    for boot in boots.as_array().into_iter().flatten() {
        print_layout(boot);
    }
}

fn print_layout(boot: &Value) {
    let seconds = |key: &str| {
        boot[key]
            .as_f64()
            .map_or_else(|| "—".to_owned(), |value| format!("{value:.1} s"))
    };
    println!(
        "\nimage boot ({}; {}, measured {} at {}), seconds from QEMU start:",
        boot["layout"].as_str().unwrap_or("?"),
        boot["accel"].as_str().unwrap_or("?"),
        boot["when"].as_str().unwrap_or("?"),
        boot["commit"].as_str().unwrap_or("?"),
    );
    for (label, key) in [
        ("firmware verified the UKI", "firmware_verified_s"),
        ("systemd-stub handed over", "stub_done_s"),
        ("kernel started", "kernel_s"),
        ("sysinit.target", "sysinit_s"),
        ("greetd started", "greetd_s"),
        ("greeter: first frame", "greeter_frame_s"),
        ("greeter: people, network, power menu", "greeter_s"),
        ("graphical.target", "graphical_s"),
        ("boot settled", "settled_s"),
    ] {
        println!("  {label:<40} {}", seconds(key));
    }
    println!("  {:<40} {} MiB", "UKI size", boot["uki_mib"]);
    if let Some(disk) = boot["disk_mib"].as_f64() {
        println!("  {:<40} {disk} MiB", "disk image");
    }
}

/// `cargo xtask bench boot`: boots each built layout once and keeps its figures for `bench`.
pub fn run_boot(layouts: &[Layout]) -> Result<()> {
    let mut measured = Vec::new();
    for &layout in layouts {
        println!("bench: booting the {layout:?} layout …");
        match crate::e2e::measure_boot(layout) {
            Ok(boot) => {
                fs::write(
                    layout.figures_path()?,
                    serde_json::to_string_pretty(&boot)? + "\n",
                )?;
                measured.push(boot);
            }
            Err(error) => println!("bench: {layout:?}: {error}"),
        }
    }
    print_boot(&Value::Array(measured));
    Ok(())
}

/// Which figures a bench run takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everything (`cargo xtask bench`).
    All,
    /// The panel switches and the CPU rows (`cargo xtask bench sound`).
    Sound,
    /// The panel switches alone (`cargo xtask bench printers`).
    Printers,
    /// The panel switches alone, with Firmware and Device Security (`cargo xtask bench
    /// firmware`).
    Firmware,
    /// The panel switches alone, with Appearance (`cargo xtask bench appearance`).
    Appearance,
    /// The panel switches alone, with Apps (`cargo xtask bench apps`).
    Apps,
    /// The panel switches alone, with Date & Time and Region & Language (`cargo xtask bench
    /// date-time`, `cargo xtask bench region`).
    Machine,
}

/// The whole benchmark, only the panel switches and the CPU rows, or only the panel switches.
pub fn run(scope: Scope) -> Result<()> {
    let started = Instant::now();
    crate::deps::run()?;
    let apps = demo::build_release_apps()?;
    let mut bed = demo::start_bed()?;
    demo::furnish_bluetooth(&bed)?;
    printers::furnish(&bed)?;
    let fwupd = matches!(scope, Scope::All | Scope::Firmware);
    if fwupd {
        firmware::run_fwupd(&mut bed, ferrum_testbed::Service::Fwupd)?;
        println!(
            "bench: the firmware bed's real fwupd (the webcam's update on offer); Device \
             Security shows the checks this same fwupd makes of this machine"
        );
    }
    let sound_bed = SoundBed::start()?;
    let flatpak = matches!(scope, Scope::All | Scope::Apps)
        .then(|| apps_bed::start(false))
        .transpose()?;
    if flatpak.is_some() {
        println!("bench: {}", apps_bed::describe(false));
    }
    let address = bed.system_bus_address().to_owned();

    // Extension point: each figure is a `Metric` from its own function; append more here.
    let mut metrics: Vec<Metric> = Vec::new();
    if scope == Scope::All {
        let greetd = demo::start_greetd()?;
        metrics.extend(cold_start_metrics(
            &settings_subject(&apps.settings),
            &address,
        )?);
        metrics.extend(cold_start_metrics(
            &greeter_subject(&apps.greeter, &greetd),
            &address,
        )?);
    }
    if matches!(scope, Scope::All | Scope::Sound) {
        println!(
            "bench: CPU over {} s: About page, Sound page idle, Sound page with a stream playing",
            sound::CPU_WINDOW.as_secs()
        );
        metrics.extend(sound::cpu_metrics(&apps.settings, &address, &sound_bed)?);
    }
    // Figures measured by separate programs are merged as JSON objects.
    let mut switch_env = vec![sound_bed.env(), printers::env(&bed)];
    if fwupd {
        switch_env.push(firmware::bench_env());
    }
    if matches!(scope, Scope::All | Scope::Appearance) {
        switch_env.push(appearance::bench_env());
    }
    if let Some(flatpak) = &flatpak {
        switch_env.extend(flatpak.bench_env());
    }
    let awake = if matches!(scope, Scope::All | Scope::Machine) {
        // The bed runs the real timedated and localed (`demo::SERVICES`).
        switch_env.push(("FERRUM_BENCH_MACHINE", "1".to_owned()));
        Some(keep_awake(&mut bed)?)
    } else {
        None
    };
    let panel_switch = panel_switch(&address, &switch_env)?;
    drop(awake);
    if let Some(panel_switch) = &panel_switch {
        metrics.extend(panel_switch_metrics(panel_switch));
        let measured = |to: &str| {
            panel_switch["switches"]
                .as_array()
                .is_some_and(|switches| switches.iter().any(|switch| switch["to"] == to))
        };
        if !measured("printers") {
            println!(
                "bench: panel-switch-bench measured no switch to Printers (it has no Printers \
                 target yet); no Printers row"
            );
        }
    }
    drop(sound_bed);
    drop(flatpak);
    drop(bed);

    print_table(&metrics);
    print_switch_comparison(&metrics);
    let cpu = sound::cpu_comparison(&metrics);

    let mut figures = Map::new();
    for metric in &metrics {
        figures.insert(metric.key.clone(), metric.to_json());
    }
    let mut report = json!({
        "timestamp": util::timestamp_utc(),
        "git_commit": util::git_commit(),
        "rustc": util::rustc_version(),
        "panel": PANEL,
        "runs": RUNS,
        "warm_up_runs": 1,
        "cpus": std::thread::available_parallelism().map(usize::from).ok(),
        "versions": demo::versions(),
        "metrics": figures,
    });
    if let Some(panel_switch) = panel_switch {
        report["panel_switch"] = panel_switch;
    }
    if let Some(cpu) = cpu {
        report["cpu_against_about"] = cpu;
    }
    if scope == Scope::All
        && let Some(boot) = last_boot_figures()?
    {
        print_boot(&boot);
        report["boot"] = boot;
    }
    report["total_ms"] = json!(started.elapsed().as_millis() as u64);

    let out_dir = util::target_dir()?.join("bench");
    fs::create_dir_all(&out_dir)?;
    let path = out_dir.join(match scope {
        Scope::All => "bench.json",
        Scope::Sound => "bench-sound.json",
        Scope::Printers => "bench-printers.json",
        Scope::Firmware => "bench-firmware.json",
        Scope::Appearance => "bench-appearance.json",
        Scope::Apps => "bench-apps.json",
        Scope::Machine => "bench-region.json",
    });
    fs::write(&path, serde_json::to_string_pretty(&report)? + "\n")?;
    println!(
        "bench: wrote {} in {:.1} s",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
