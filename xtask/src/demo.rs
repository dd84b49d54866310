//! `cargo xtask demo`: runs the release apps against the test bed's real daemons and saves a
//! screenshot of every settings panel in both themes, the Power panel in high contrast and in
//! Arabic (right to left), and of the greeter (against a fake greetd) in the caller's
//! language and in German, plus `report.json`, under `target/demo/`.
//!
//! Where this host has no real daemon the bed runs python-dbusmock's templates, furnished so
//! the pages have something to show: NetworkManager's ([`furnish_network`]) and BlueZ's
//! `bluez5` ([`furnish_bluetooth`]: `bluetooth-{light,dark}.png` show a paired keyboard and
//! two devices nearby; this host has no Bluetooth controller, so bluetoothd cannot run).
//!
//! The Sound page gets a private PipeWire ([`SoundBed`]: two null outputs and a null input),
//! reached through `PIPEWIRE_REMOTE`, and `sound-{light,dark}.png` are taken while "Music
//! Player" plays a swelling tone (its stream is running before the app starts; the player is
//! stopped by PID once the Sound shots are taken). `cargo xtask demo sound` takes only those
//! two (report in `report-sound.json`).
//!
//! The Printers page gets the printing bed's daemons in the same test bed (real cupsd on a
//! free port, reached through `CUPS_SERVER`, a virtual IPP Everywhere printer, cups-pk-helper,
//! Avahi) and one driverless queue for the virtual printer, the default, paused with a job
//! waiting ([`printers::furnish`]); `printers-{light,dark}.png` are taken with the printer's
//! details opened from the keyboard (Shift+Tab from nothing focused reaches the last button,
//! "Details", and Return presses it). `cargo xtask demo printers` takes only those two
//! (report in `report-printers.json`).
//!
//! The Firmware and Device Security pages get the firmware bed's real fwupd in the same test
//! bed ([`firmware`]), one flavour at a time: `firmware-{light,dark}.png` show the webcam's
//! 1.2.4 update being written, started from the keyboard ([`firmware::UPDATE_KEYS`]: Shift+Tab
//! to its Update, Return; Return again closes fwupd's "unplug and replug" request), with its
//! release notes, and `security-{light,dark}.png` the emulated ThinkPad's `HSI:2!` checks with
//! this host's own facts. `cargo xtask demo firmware` and `cargo xtask demo security` take
//! only those two (reports in `report-firmware.json` and `report-security.json`).
//!
//! The Appearance page has no daemon: `appearance-{light,dark}.png` are taken with the app
//! started without `--theme` on a preferences file of their own ([`crate::appearance`]) that
//! chose the style and an accent (light with the palette's teal, dark with a colour typed
//! as `#rrggbb`), so the window follows the page's own choices. `cargo xtask demo appearance`
//! takes only those two (report in `report-appearance.json`).
//!
//! The Date & Time and Region & Language pages get the real systemd-timedated and
//! systemd-localed in the same test bed (each in a mount namespace with a copy of `/etc`), the
//! latter furnished ([`furnish_machine`]) with a German login screen, British formats and German
//! and US layouts: `date-time-{light,dark}.png`, `region-{light,dark}.png`. `cargo xtask demo
//! date-time` and `cargo xtask demo region` take only those two (reports in
//! `report-date-time.json` and `report-region.json`).
//!
//! The Users page gets the bed's real accounts-daemon (its own `/etc` with the fixture people):
//! `users-{light,dark}.png`; `cargo xtask demo users` takes only those two (report in
//! `report-users.json`).
//!
//! The Apps page gets the apps bed's Flatpak ([`apps_bed`]: an app for the person with an
//! update that asks for more, an app for everyone, the bed's signed repo as the one source):
//! `apps-{light,dark}.png` show the page, `app-permissions-{light,dark}.png` the first app's
//! permissions opened from the keyboard ([`apps_bed::PERMISSIONS_KEYS`]), with a camera grant
//! from the permission store of a private session bus. The bed and that bus are root's, so
//! these shots run the app as root. `cargo xtask demo apps` takes only those four (report in
//! `report-apps.json`).
//!
//! The authentication agent's dialog gets a bed of its own with the real polkitd and timedated
//! ([`agent`]): the app runs as a person (uid 65534, in polkitd's mount namespace) on the Date &
//! Time page, Asia/Tokyo is chosen from the keyboard, timedated asks polkitd, polkitd asks the
//! app's agent, and `agent-{light,dark}.png` show its dialog (polkit's message, the program,
//! the administrator, the empty password field); Escape then cancels it and the zone is checked
//! unchanged. `cargo xtask demo agent` takes only those two (report in `report-agent.json`).

use std::fs::{self, File};
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use ferrum_testbed::wayland::{SETTLED_CAP, Session, SessionError, User};
use ferrum_testbed::{Service, TestBed, bluez, printing};
use rustix::process::{Pid, Signal};
use serde_json::{Value, json};

use crate::apps_bed::{self, AppsDemo};
use crate::sound::SoundBed;
use crate::util::{self, Result};
use crate::{compositor, firmware, greeter, printers};

mod agent;

/// The services every run of the settings app gets (the bluez5 mock is furnished by
/// [`furnish_bluetooth`]).
pub const SERVICES: &[Service] = &[
    Service::Polkit,
    Service::PowerProfiles,
    Service::UPower,
    Service::BluezMock,
    Service::Timedated,
    Service::Localed,
];
/// The themes the demo shows.
const THEMES: &[&str] = &["light", "dark"];
/// How long the app gets after its first frame to receive the daemons' data; the demo's
/// screenshot is then taken once the frame has settled (see
/// [`ferrum_testbed::wayland::Session::screenshot_settled`]).
pub const SETTLE: Duration = Duration::from_millis(1500);
/// How long each panel is shown when running in the user's own Wayland session.
const SESSION_SHOW: Duration = Duration::from_secs(3);
/// The Sound page's slug.
const SOUND: &str = "sound";
/// The Printers page's slug.
const PRINTERS: &str = "printers";
/// The keys that open the only printer's details once the Printers page is shown: from
/// nothing focused, Shift+Tab focuses the page's last button, the card's "Details".
const PRINTERS_KEYS: &[&[&str]] = &[&["shift+Tab", "Return"]];

/// The release binaries the demo and the benchmark run.
#[derive(Debug, Clone)]
pub struct Apps {
    /// `ferrum-settings`.
    pub settings: PathBuf,
    /// `ferrum-greeter`.
    pub greeter: PathBuf,
    /// `ferrum-portal`, the Settings portal backend (the image's /usr/libexec).
    pub portal: PathBuf,
}

/// Builds the settings app, the greeter and the portal backend in release mode (one cargo
/// run) and returns their binaries.
pub fn build_release_apps() -> Result<Apps> {
    util::run(util::cargo()?.args([
        "build",
        "--release",
        "-p",
        "ferrum-settings",
        "-p",
        "ferrum-greeter",
        "-p",
        "ferrum-portal",
    ]))?;
    let release = util::target_dir()?.join("release");
    Ok(Apps {
        settings: built(&release, "ferrum-settings")?,
        greeter: built(&release, "ferrum-greeter")?,
        portal: built(&release, "ferrum-portal")?,
    })
}

/// The binary `name` in `release`, if the build produced it.
fn built(release: &Path, name: &str) -> Result<PathBuf> {
    let binary = release.join(name);
    if binary.is_file() {
        Ok(binary)
    } else {
        Err(format!("the build did not produce {}", binary.display()).into())
    }
}

/// [`SERVICES`], then what the greeter reads ([`greeter::SERVICES`]) and the printing bed's
/// daemons ([`printing::PRINTING`], in their order), each once.
fn bed_services() -> Vec<Service> {
    let mut services = SERVICES.to_vec();
    for service in greeter::SERVICES.iter().chain(printing::PRINTING) {
        if !services.contains(service) {
            services.push(*service);
        }
    }
    services
}

/// Starts a test bed with the services of both apps (see [`bed_services`]).
pub fn start_bed() -> Result<TestBed> {
    let services = bed_services();
    let labels: Vec<&str> = services.iter().map(|service| service.label()).collect();
    println!("starting the test bed ({})…", labels.join(", "));
    let bed = TestBed::start(&services)?;
    println!(
        "test bed up at {} ({})",
        bed.system_bus_address(),
        bed.dir().display()
    );
    Ok(bed)
}

/// The fake greetd and the greeter's settings, announced.
pub fn start_greetd() -> Result<greeter::Fixture> {
    let fixture = greeter::Fixture::start()?;
    println!("greeter: {}", fixture.describe());
    Ok(fixture)
}

/// The installed versions of the daemons and the compositor, for the reports.
pub fn versions() -> Value {
    let packages = [
        "power-profiles-daemon",
        "upower",
        "accountsservice",
        "python3-dbusmock",
        "pipewire",
        "wireplumber",
        "sway",
    ];
    packages
        .iter()
        .map(|package| ((*package).to_owned(), json!(util::dpkg_version(package))))
        .collect::<serde_json::Map<_, _>>()
        .into()
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

/// One screenshot of the demo: an app with its arguments, maybe with a different locale or
/// preferences.
#[derive(Debug, Clone)]
struct Shot {
    /// File stem under `target/demo/`: `<panel>-<theme>`, `<panel>-<variant>`, `greeter…`.
    name: String,
    app: PathBuf,
    args: Vec<String>,
    /// Added to the app's environment.
    env: Vec<(&'static str, String)>,
    /// What the shot shows, for the report: `app`, `panel`, `theme`, `variant`.
    about: Value,
    /// Whether "Music Player" must be playing in the audio bed (the Sound page's shots).
    stream: bool,
    /// Keys typed once the app has settled, before the screenshot (headless sway only): a
    /// group at a time, with [`SETTLE`] after each.
    keys: &'static [&'static [&'static str]],
    /// The fwupd the shot needs, (re)started before it ([`firmware::run_fwupd`]).
    fwupd: Option<Service>,
    /// A daemon started anew before the shot: timedated and localed exit after 30 s without
    /// callers and nothing on the bed activates them again (what they wrote stays).
    restart: Option<Service>,
    /// Who the app runs as (headless sway only): nobody, or root to reach what root started
    /// (the apps bed).
    user: User,
}

/// A shot of the settings app on `panel` in `theme`; `variant` says what else differs.
fn settings_shot(
    app: &Path,
    name: String,
    panel: &str,
    theme: &str,
    variant: Option<&str>,
    env: Vec<(&'static str, String)>,
) -> Shot {
    Shot {
        name,
        app: app.to_path_buf(),
        args: [panel, "--theme", theme].map(str::to_owned).to_vec(),
        env,
        about: json!({"app": "ferrum-settings", "panel": panel, "theme": theme, "variant": variant}),
        stream: false,
        keys: &[],
        fwupd: None,
        restart: None,
        user: User::Nobody,
    }
}

/// The Sound page in every theme against the audio bed, with "Music Player" playing.
fn sound_shots(app: &Path, sound: &SoundBed) -> Vec<Shot> {
    THEMES
        .iter()
        .map(|theme| {
            let mut shot = settings_shot(
                app,
                format!("{SOUND}-{theme}"),
                SOUND,
                theme,
                Some("the audio bed's PipeWire (PIPEWIRE_REMOTE), \"Music Player\" playing"),
                vec![sound.env()],
            );
            shot.stream = true;
            shot
        })
        .collect()
}

/// The Printers page in every theme against the bed's cupsd ([`printers::furnish`]), the
/// printer's details opened with [`PRINTERS_KEYS`].
fn printers_shots(app: &Path, bed: &TestBed) -> Vec<Shot> {
    THEMES
        .iter()
        .map(|theme| {
            let mut shot = settings_shot(
                app,
                format!("{PRINTERS}-{theme}"),
                PRINTERS,
                theme,
                Some(
                    "the printing bed's cupsd (CUPS_SERVER): Office Printer, default, paused, a \
                     job waiting; details opened with Shift+Tab, Return",
                ),
                vec![printers::env(bed)],
            );
            shot.keys = PRINTERS_KEYS;
            shot
        })
        .collect()
}

/// The Firmware page in every theme against the bed's real fwupd, the webcam's update started
/// with [`firmware::UPDATE_KEYS`] and shot while it is written.
fn firmware_shots(app: &Path) -> Vec<Shot> {
    THEMES
        .iter()
        .map(|theme| {
            let mut shot = settings_shot(
                app,
                format!("{}-{theme}", firmware::FIRMWARE),
                firmware::FIRMWARE,
                theme,
                Some(
                    "the firmware bed's fwupd: the webcam's 1.2.4 update started with Shift+Tab, \
                     Return, its device request closed with Return, shot while it is written",
                ),
                Vec::new(),
            );
            shot.keys = firmware::UPDATE_KEYS;
            shot.fwupd = Some(Service::Fwupd);
            shot
        })
        .collect()
}

/// The Device Security page in every theme against the bed's fwupd emulating a ThinkPad P1,
/// with this host's own facts.
fn security_shots(app: &Path) -> Vec<Shot> {
    THEMES
        .iter()
        .map(|theme| {
            let mut shot = settings_shot(
                app,
                format!("{}-{theme}", firmware::SECURITY),
                firmware::SECURITY,
                theme,
                Some(
                    "the firmware bed's fwupd emulating a ThinkPad P1 (HSI:2!); this host's facts",
                ),
                Vec::new(),
            );
            shot.fwupd = Some(Service::FwupdEmulatedHost);
            shot
        })
        .collect()
}

/// The Date & Time page's slug.
pub const DATE_TIME: &str = "date-time";
/// The Region & Language page's slug.
pub const REGION: &str = "region";

/// The Date & Time or the Region & Language page in every theme against the bed's real
/// timedated or localed.
fn machine_shots(app: &Path, panel: &str) -> Vec<Shot> {
    let variant = if panel == REGION {
        "the real localed (a copy of /etc: German login screen, British formats, German and US \
         layouts) and accounts-daemon"
    } else {
        "the real timedated (a copy of /etc; no automatic time without systemd as PID 1)"
    };
    THEMES
        .iter()
        .map(|theme| {
            let mut shot = settings_shot(
                app,
                format!("{panel}-{theme}"),
                panel,
                theme,
                Some(variant),
                Vec::new(),
            );
            shot.restart = Some(if panel == REGION {
                Service::Localed
            } else {
                Service::Timedated
            });
            shot
        })
        .collect()
}

/// The Users page's slug.
pub const USERS: &str = "users";

/// The Users page in every theme against the bed's real accounts-daemon.
fn users_shots(app: &Path) -> Vec<Shot> {
    THEMES
        .iter()
        .map(|theme| {
            settings_shot(
                app,
                format!("{USERS}-{theme}"),
                USERS,
                theme,
                Some("the real accounts-daemon (its own /etc with the fixture people)"),
                Vec::new(),
            )
        })
        .collect()
}

/// The Apps page and one app's permissions in every theme against the apps bed, as root.
fn apps_shots(app: &Path, apps: &AppsDemo) -> Vec<Shot> {
    let mut shots = Vec::new();
    for (stem, keys, variant) in [
        (
            apps_bed::APPS,
            &[][..],
            "the apps bed's Flatpak: an app for the person with an update that asks for more, \
             an app for everyone",
        ),
        (
            apps_bed::PERMISSIONS,
            apps_bed::PERMISSIONS_KEYS,
            "the apps bed's Flatpak: the person's app's permissions opened with Shift+Tab, \
             Return; a camera grant in the permission store",
        ),
    ] {
        for theme in THEMES {
            let mut shot = settings_shot(
                app,
                format!("{stem}-{theme}"),
                apps_bed::APPS,
                theme,
                Some(variant),
                apps.env(),
            );
            shot.keys = keys;
            shot.user = User::Root;
            shots.push(shot);
        }
    }
    shots
}

/// Every panel in every theme (the Sound page against the audio bed, the Printers page against
/// the bed's cupsd, Firmware and Device Security against the bed's fwupd, Apps against the
/// apps bed's Flatpak), then the Power panel in high contrast (preferences in `config_home`)
/// and in Arabic (mirrored: the sidebar on the right).
fn settings_shots(
    app: &Path,
    panels: &[String],
    config_home: &Path,
    sound: &SoundBed,
    bed: &TestBed,
    flatpak: Option<&AppsDemo>,
) -> Vec<Shot> {
    let mut shots = Vec::new();
    for panel in panels {
        if panel == apps_bed::APPS
            && let Some(flatpak) = flatpak
        {
            shots.extend(apps_shots(app, flatpak));
            continue;
        }
        if panel == SOUND {
            shots.extend(sound_shots(app, sound));
            continue;
        }
        if panel == PRINTERS {
            shots.extend(printers_shots(app, bed));
            continue;
        }
        if panel == firmware::FIRMWARE {
            shots.extend(firmware_shots(app));
            continue;
        }
        if panel == firmware::SECURITY {
            shots.extend(security_shots(app));
            continue;
        }
        if panel == crate::appearance::APPEARANCE {
            shots.extend(appearance_shots(app, config_home));
            continue;
        }
        if panel == DATE_TIME || panel == REGION {
            shots.extend(machine_shots(app, panel));
            continue;
        }
        if panel == USERS {
            shots.extend(users_shots(app));
            continue;
        }
        for theme in THEMES {
            let name = format!("{panel}-{theme}");
            shots.push(settings_shot(app, name, panel, theme, None, Vec::new()));
        }
    }
    shots.push(settings_shot(
        app,
        "power-high-contrast".to_owned(),
        "power",
        "light",
        Some("high contrast (accessibility.toml: high_contrast = true)"),
        vec![("XDG_CONFIG_HOME", config_home.display().to_string())],
    ));
    shots.push(settings_shot(
        app,
        "power-ar".to_owned(),
        "power",
        "light",
        Some("Arabic, right to left (LANG=ar_EG.UTF-8)"),
        vec![("LANG", "ar_EG.UTF-8".to_owned())],
    ));
    shots
}

/// The login screen against the fake greetd, in the caller's language and in German.
fn greeter_shots(app: &Path, greetd: &greeter::Fixture) -> Vec<Shot> {
    let shot = |name: &str, variant: Option<&str>, extra: Option<(&'static str, String)>| {
        let mut env = greetd.env();
        env.extend(extra);
        Shot {
            name: name.to_owned(),
            app: app.to_path_buf(),
            args: greetd.args(),
            env,
            about: json!({"app": "ferrum-greeter", "variant": variant}),
            stream: false,
            keys: &[],
            fwupd: None,
            restart: None,
            user: User::Nobody,
        }
    };
    vec![
        shot("greeter", None, None),
        shot(
            "greeter-de",
            Some("German (LANG=de_DE.UTF-8)"),
            Some(("LANG", "de_DE.UTF-8".to_owned())),
        ),
    ]
}

/// A folder to use as `XDG_CONFIG_HOME` holding `ferrum/accessibility.toml` with high
/// contrast on, readable by uid 65534 (the app's user under headless sway).
fn high_contrast_config() -> Result<tempfile::TempDir> {
    let dir = util::readable_temp_dir("ferrum-demo-config-")?;
    let ferrum = dir.path().join("ferrum");
    fs::create_dir(&ferrum)?;
    fs::write(ferrum.join("accessibility.toml"), "high_contrast = true\n")?;
    fs::set_permissions(&ferrum, fs::Permissions::from_mode(0o755))?;
    Ok(dir)
}

/// One screenshot's entry in the report (`about`: what it shows), as for a successful run
/// without figures.
fn shot_entry(about: &Value, path: Option<&Path>, log: &Path) -> Value {
    let mut entry = about.clone();
    entry["path"] = json!(path.map(|p| p.display().to_string()));
    entry["log"] = json!(log.display().to_string());
    entry["ok"] = json!(true);
    entry["error"] = Value::Null;
    entry["first_visible_frame_ms"] = Value::Null;
    entry
}

/// The entry of a failed shot.
fn failed_entry(about: &Value, log: &Path, error: String) -> Value {
    let mut entry = shot_entry(about, None, log);
    entry["ok"] = json!(false);
    entry["error"] = json!(error);
    entry
}

fn round(ms: f64) -> f64 {
    (ms * 10.0).round() / 10.0
}

/// Where the demo shows the apps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The user's own Wayland session (`WAYLAND_DISPLAY` is set).
    WaylandSession,
    /// A headless sway per shot.
    HeadlessSway,
}

impl Mode {
    fn detect() -> Self {
        match std::env::var("WAYLAND_DISPLAY") {
            Ok(display) if !display.is_empty() => Mode::WaylandSession,
            _ => Mode::HeadlessSway,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Mode::WaylandSession => "wayland-session",
            Mode::HeadlessSway => "headless-sway",
        }
    }
}

/// Takes one shot into `out_dir`; returns its report entry and whether it worked.
fn take(shot: &Shot, mode: Mode, out_dir: &Path, bus_address: &str) -> Result<(Value, bool)> {
    let png = out_dir.join(format!("{}.png", shot.name));
    let log = out_dir.join(format!("{}.log", shot.name));
    let _ = fs::remove_file(&png);
    let mut env: Vec<(&str, &str)> = vec![
        ("DBUS_SYSTEM_BUS_ADDRESS", bus_address),
        ("RUST_LOG", "info"),
    ];
    env.extend(shot.env.iter().map(|(key, value)| (*key, value.as_str())));
    match mode {
        Mode::WaylandSession => Ok(take_in_session(shot, &env, &png, &log)),
        Mode::HeadlessSway => take_headless(shot, &env, &png, &log, out_dir),
    }
}

/// [`take`] in the user's own session.
fn take_in_session(shot: &Shot, env: &[(&str, &str)], png: &Path, log: &Path) -> (Value, bool) {
    let name = &shot.name;
    let args: Vec<&str> = shot.args.iter().map(String::as_str).collect();
    match run_in_session(&shot.app, &args, env, png, log) {
        Ok(taken) => {
            let mut entry = shot_entry(&shot.about, taken.then_some(png), log);
            if let Ok(text) = fs::read_to_string(log) {
                entry["first_view_ms"] = json!(util::first_view_ms(&text).map(round));
            }
            let what = if taken {
                ", screenshot saved"
            } else {
                " (grim could not capture this session)"
            };
            println!("  {name}: shown{what}");
            (entry, true)
        }
        Err(error) => {
            println!("  {name}: FAILED: {error}");
            (failed_entry(&shot.about, log, error.to_string()), false)
        }
    }
}

/// [`take`] in a headless sway of its own; a failed run leaves sway's log in `out_dir`.
fn take_headless(
    shot: &Shot,
    env: &[(&str, &str)],
    png: &Path,
    log: &Path,
    out_dir: &Path,
) -> Result<(Value, bool)> {
    let name = &shot.name;
    let args: Vec<&str> = shot.args.iter().map(String::as_str).collect();
    let run = if shot.keys.is_empty() && shot.user == User::Nobody {
        compositor::run_headless(&shot.app, &args, env, Some(png), SETTLE)
    } else {
        run_headless_with_keys(&shot.app, &args, env, png, shot.keys, shot.user)
    };
    match run {
        Ok(report) => {
            fs::write(log, &report.app_log)?;
            println!(
                "  {name}: first visible frame {:.0} ms, peak RSS {} KiB -> {}",
                report.first_frame_ms,
                report
                    .peak_rss_kib
                    .map_or_else(|| "?".to_owned(), |kib| kib.to_string()),
                png.display()
            );
            let mut entry = shot_entry(&shot.about, Some(png), log);
            entry["first_visible_frame_ms"] = json!(round(report.first_frame_ms));
            entry["first_view_ms"] = json!(util::first_view_ms(&report.app_log).map(round));
            entry["peak_rss_kib"] = json!(report.peak_rss_kib);
            Ok((entry, true))
        }
        Err(error) => {
            fs::write(log, &error.app_log)?;
            fs::write(
                out_dir.join(format!("{name}.sway.log")),
                &error.compositor_log,
            )?;
            println!("  {name}: FAILED: {error}");
            Ok((failed_entry(&shot.about, log, error.message), false))
        }
    }
}

/// [`compositor::run_headless`] with `keys` typed once the app has settled, a group at a
/// time with [`SETTLE`] after each; the screenshot is taken after the last. The app runs as
/// `user`.
fn run_headless_with_keys(
    app: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    png: &Path,
    keys: &[&[&str]],
    user: User,
) -> std::result::Result<compositor::RunReport, compositor::RunError> {
    let failed = |message: String| compositor::RunError {
        message,
        app_log: String::new(),
        compositor_log: String::new(),
    };
    let mut session = Session::start().map_err(|error| failed(error.to_string()))?;
    let drive = |session: &mut Session| -> std::result::Result<_, SessionError> {
        let first_frame = session.launch_app(user, app, args, env)?;
        session.wait(SETTLE, "the app to settle")?;
        for group in keys {
            session.type_keys(group)?;
            session.wait(SETTLE, "the app to answer the keys")?;
        }
        if !session.screenshot_settled(png)? {
            println!(
                "  note: the screen still changed after {SETTLED_CAP:?}; saved the last frame \
                 to {}",
                png.display()
            );
        }
        let peak_rss_kib = session.app_peak_rss_kib();
        session.stop_app()?;
        Ok((first_frame, peak_rss_kib))
    };
    let outcome = drive(&mut session).map_err(|error| error.to_string());
    let stopped = session.stop().map_err(|error| error.to_string());
    match (outcome, stopped) {
        (Ok((first_frame, peak_rss_kib)), Ok(())) => Ok(compositor::RunReport {
            first_frame_ms: first_frame.as_secs_f64() * 1000.0,
            peak_rss_kib,
            app_log: session.app_log(),
        }),
        (Err(message), _) | (Ok(_), Err(message)) => Err(compositor::RunError {
            message,
            app_log: session.app_log(),
            compositor_log: session.compositor_log(),
        }),
    }
}

/// Which shots a demo run takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everything (`cargo xtask demo`).
    All,
    /// The Sound page in both themes (`cargo xtask demo sound`).
    Sound,
    /// The Printers page in both themes (`cargo xtask demo printers`).
    Printers,
    /// The Firmware page in both themes (`cargo xtask demo firmware`).
    Firmware,
    /// The Device Security page in both themes (`cargo xtask demo security`).
    Security,
    /// The Appearance page in both styles (`cargo xtask demo appearance`).
    Appearance,
    /// The Apps page and one app's permissions in both themes (`cargo xtask demo apps`).
    Apps,
    /// The Date & Time page in both themes (`cargo xtask demo date-time`).
    DateTime,
    /// The Region & Language page in both themes (`cargo xtask demo region`).
    Region,
    /// The Users page in both themes (`cargo xtask demo users`).
    Users,
    /// The authentication agent's dialog in both themes (`cargo xtask demo agent`).
    Agent,
}

/// The whole demo, or only one page's shots (Sound, Printers, Firmware, Device Security).
pub fn run(scope: Scope) -> Result<()> {
    let started = Instant::now();
    crate::deps::run()?;
    let apps = build_release_apps()?;
    let out_dir = util::target_dir()?.join("demo");
    fs::create_dir_all(&out_dir)?;
    if scope == Scope::Agent {
        return run_agent(started, &apps.settings, &out_dir);
    }
    let panels = panels(&apps.settings)?;
    let config_home = high_contrast_config()?;
    crate::appearance::write_configs(config_home.path(), THEMES)?;
    let mut bed = start_bed()?;
    let greetd = start_greetd()?;
    furnish_network(&bed);
    furnish_bluetooth(&bed)?;
    furnish_machine(&bed);
    let printing = matches!(scope, Scope::All | Scope::Printers);
    if printing {
        printers::furnish(&bed)?;
    }
    let mut sound = SoundBed::start()?;
    let flatpak = matches!(scope, Scope::All | Scope::Apps)
        .then(|| apps_bed::start(true))
        .transpose()?;
    let address = bed.system_bus_address().to_owned();
    let shots = match scope {
        Scope::All => {
            let mut shots = settings_shots(
                &apps.settings,
                &panels,
                config_home.path(),
                &sound,
                &bed,
                flatpak.as_ref(),
            );
            shots.extend(greeter_shots(&apps.greeter, &greetd));
            shots
        }
        Scope::Sound => sound_shots(&apps.settings, &sound),
        Scope::Printers => printers_shots(&apps.settings, &bed),
        Scope::Firmware => firmware_shots(&apps.settings),
        Scope::Security => security_shots(&apps.settings),
        Scope::Appearance => appearance_shots(&apps.settings, config_home.path()),
        Scope::Apps => apps_shots(
            &apps.settings,
            flatpak.as_ref().ok_or("the apps bed did not start")?,
        ),
        Scope::DateTime => machine_shots(&apps.settings, DATE_TIME),
        Scope::Region => machine_shots(&apps.settings, REGION),
        Scope::Users => users_shots(&apps.settings),
        // Taken by `run_agent` in a bed of its own.
        Scope::Agent => Vec::new(),
    };

    let mode = Mode::detect();
    match scope {
        Scope::All => println!(
            "demo: panels {panels:?} × themes {THEMES:?} + high contrast + Arabic, then the \
             greeter (+ German), mode {}",
            mode.name()
        ),
        Scope::Sound => println!(
            "demo: the Sound page × themes {THEMES:?}, mode {}",
            mode.name()
        ),
        Scope::Printers => println!(
            "demo: the Printers page × themes {THEMES:?}, mode {}",
            mode.name()
        ),
        Scope::Firmware => println!(
            "demo: the Firmware page × themes {THEMES:?}, mode {}",
            mode.name()
        ),
        Scope::Security => println!(
            "demo: the Device Security page × themes {THEMES:?}, mode {}",
            mode.name()
        ),
        Scope::Appearance => println!(
            "demo: the Appearance page × styles {THEMES:?} (chosen in its preferences file), \
             mode {}",
            mode.name()
        ),
        Scope::Apps => println!(
            "demo: the Apps page and one app's permissions × themes {THEMES:?}, mode {}",
            mode.name()
        ),
        Scope::DateTime | Scope::Region => println!(
            "demo: the {} page × themes {THEMES:?}, mode {}",
            if scope == Scope::Region {
                "Region & Language"
            } else {
                "Date & Time"
            },
            mode.name()
        ),
        Scope::Users => println!(
            "demo: the Users page × themes {THEMES:?}, mode {}",
            mode.name()
        ),
        Scope::Agent => {}
    }
    let mut entries = Vec::new();
    let mut failures = 0;
    let mut player = None;
    for shot in &shots {
        if !shot.stream {
            // Stopped by PID (and reaped) when dropped.
            player = None;
        } else if player.is_none() {
            player = Some(sound.play()?);
        }
        if let Some(service) = shot.restart {
            bed.start_service(service)?;
        }
        if let Some(service) = shot.fwupd {
            firmware::run_fwupd(&mut bed, service)?;
        }
        let (entry, ok) = take(shot, mode, &out_dir, &address)?;
        failures += usize::from(!ok);
        entries.push(entry);
    }
    drop(player);
    if scope == Scope::All {
        let (agent_entries, agent_failures) = agent::take_all(&apps.settings, mode, &out_dir)?;
        entries.extend(agent_entries);
        failures += agent_failures;
    }

    let report = json!({
        "timestamp": util::timestamp_utc(),
        "git_commit": util::git_commit(),
        "rustc": util::rustc_version(),
        "mode": mode.name(),
        "first_visible_frame": "ms from spawning the app in a running headless sway until the pixel at (20,20) is no longer sway's background",
        "screenshot": "taken 1.5 s after the first frame, once two grim captures 300 ms apart are identical (at most 5 s)",
        "greetd": greetd.describe(),
        "printing": printing.then(|| printers::describe(&bed)),
        "firmware": matches!(scope, Scope::All | Scope::Firmware | Scope::Security)
            .then(firmware::describe),
        "apps": matches!(scope, Scope::All | Scope::Apps).then(|| apps_bed::describe(true)),
        "agent": (scope == Scope::All).then(agent::describe),
        "audio": format!("a private PipeWire + WirePlumber with null outputs and a null input; the Sound page's shots while {:?} plays a swelling 440 Hz tone", crate::sound::PLAYER),
        "versions": versions(),
        "screenshots": entries,
        "total_ms": started.elapsed().as_millis() as u64,
    });
    let report_path = out_dir.join(match scope {
        Scope::All => "report.json",
        Scope::Sound => "report-sound.json",
        Scope::Printers => "report-printers.json",
        Scope::Firmware => "report-firmware.json",
        Scope::Security => "report-security.json",
        Scope::Appearance => "report-appearance.json",
        Scope::Apps => "report-apps.json",
        Scope::DateTime => "report-date-time.json",
        Scope::Region => "report-region.json",
        Scope::Users => "report-users.json",
        Scope::Agent => "report-agent.json",
    });
    fs::write(&report_path, serde_json::to_string_pretty(&report)? + "\n")?;
    println!(
        "demo: wrote {} in {:.1} s",
        report_path.display(),
        started.elapsed().as_secs_f64()
    );
    if failures > 0 {
        let kept = bed.keep_dir();
        let audio = sound.keep_dir();
        return Err(format!(
            "demo: {failures} run(s) failed; see the logs in {}, the daemons' logs in {} and \
             PipeWire's in {}",
            out_dir.display(),
            kept.display(),
            audio.display()
        )
        .into());
    }
    Ok(())
}

/// `cargo xtask demo agent`: only the agent's dialog, in its own bed ([`agent::take_all`]),
/// under headless sway (the keys need it), with `report-agent.json`.
fn run_agent(started: Instant, app: &Path, out_dir: &Path) -> Result<()> {
    let mode = Mode::detect();
    if mode != Mode::HeadlessSway {
        return Err(
            "demo agent: the dialog is raised from the keyboard under headless sway; \
                    unset WAYLAND_DISPLAY"
                .into(),
        );
    }
    println!(
        "demo: the authentication agent's dialog × themes {THEMES:?}, mode {}",
        mode.name()
    );
    let (entries, failures) = agent::take_all(app, mode, out_dir)?;
    let report = json!({
        "timestamp": util::timestamp_utc(),
        "git_commit": util::git_commit(),
        "rustc": util::rustc_version(),
        "mode": mode.name(),
        "first_visible_frame": "ms from spawning the app in a running headless sway until the pixel at (20,20) is no longer sway's background",
        "screenshot": "taken 1.5 s after the app logs polkit's request, once two grim captures 300 ms apart are identical (at most 5 s)",
        "agent": agent::describe(),
        "versions": {"polkitd": util::dpkg_version("polkitd"), "systemd": util::dpkg_version("systemd"), "sway": util::dpkg_version("sway")},
        "screenshots": entries,
        "total_ms": started.elapsed().as_millis() as u64,
    });
    let report_path = out_dir.join("report-agent.json");
    fs::write(&report_path, serde_json::to_string_pretty(&report)? + "\n")?;
    println!(
        "demo: wrote {} in {:.1} s",
        report_path.display(),
        started.elapsed().as_secs_f64()
    );
    if failures > 0 {
        return Err(format!(
            "demo agent: {failures} run(s) failed; see the logs in {}",
            out_dir.display()
        )
        .into());
    }
    Ok(())
}

/// Gives the bed's real localed a machine to show (its copy of `/etc`): the login screen in
/// German with British formats (both installed on this host, so localed needs no
/// locale-gen), German and US keyboard layouts. A failing call is reported and the demo goes
/// on.
fn furnish_machine(bed: &TestBed) {
    const LOCALED: [&str; 4] = [
        "call",
        "org.freedesktop.locale1",
        "/org/freedesktop/locale1",
        "org.freedesktop.locale1",
    ];
    let calls: [&[&str]; 2] = [
        &[
            "SetLocale",
            "asb",
            "6",
            "LANG=de_DE.UTF-8",
            "LC_TIME=en_GB.UTF-8",
            "LC_NUMERIC=en_GB.UTF-8",
            "LC_MONETARY=en_GB.UTF-8",
            "LC_MEASUREMENT=en_GB.UTF-8",
            "LC_PAPER=en_GB.UTF-8",
            "false",
        ],
        &[
            "SetX11Keyboard",
            "ssssbb",
            "de,us",
            "pc105",
            "",
            "",
            "true",
            "false",
        ],
    ];
    for call in calls {
        match bed.busctl().args(LOCALED).args(call).output() {
            Ok(output) if output.status.success() => {}
            Ok(output) => eprintln!(
                "demo: {} on localed failed: {}",
                call[0],
                String::from_utf8_lossy(&output.stderr).trim()
            ),
            Err(error) => eprintln!("demo: busctl does not run: {error}"),
        }
    }
}

/// Gives the NetworkManager mock of the demo a wired device and a Wi-Fi device with a few
/// networks in range (this machine has no radio), so the Network page has something to show.
/// A failing call is reported and the demo goes on.
fn furnish_network(bed: &TestBed) {
    const MOCK: [&str; 4] = [
        "call",
        "org.freedesktop.NetworkManager",
        "/org/freedesktop",
        "org.freedesktop.DBus.Mock",
    ];
    let call = |method: &str, signature: &str, args: &[&str]| -> Option<String> {
        let output = bed
            .busctl()
            .args(MOCK)
            .args([method, signature])
            .args(args)
            .output()
            .ok()?;
        if !output.status.success() {
            eprintln!(
                "demo: {method} on the NetworkManager mock failed: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            );
            return None;
        }
        // `s "/org/freedesktop/NetworkManager/Devices/…"`
        let reply = String::from_utf8_lossy(&output.stdout).trim().to_owned();
        Some(reply.trim_start_matches("s ").trim_matches('"').to_owned())
    };
    // NMDeviceState 100 (activated) and 30 (disconnected).
    call(
        "AddEthernetDevice",
        "ssu",
        &["mock_Ethernet1", "enp1s0", "100"],
    );
    let Some(wifi) = call("AddWiFiDevice", "ssu", &["mock_WiFi1", "wlan0", "30"]) else {
        return;
    };
    // Infrastructure mode (2), 5 GHz, 54 Mb/s; security 0x188 is WPA2 Personal, 0 open.
    for (name, ssid, strength, security) in [
        ("home_ap", "Home", "82", "392"),
        ("office_ap", "Ferrum Office", "64", "392"),
        ("cafe_ap", "Café ☕", "40", "0"),
    ] {
        call(
            "AddAccessPoint",
            "ssssuuuyu",
            &[
                &wifi,
                name,
                ssid,
                "00:11:22:33:44:55",
                "2",
                "5180",
                "54000",
                strength,
                security,
            ],
        );
    }
}

/// Gives the bluez5 mock of the bed the sample desk of [`BluezMock::add_desk`]: one adapter,
/// a paired keyboard (trusted, connected, battery 80 %) and a headset and a phone nearby, so
/// the Bluetooth page shows both its lists. Unlike [`furnish_network`] a failure stops the
/// caller: the Bluetooth shots and the benchmark's switch to Bluetooth would show nothing.
///
/// [`BluezMock::add_desk`]: ferrum_testbed::bluez::BluezMock::add_desk
pub fn furnish_bluetooth(bed: &TestBed) -> Result<()> {
    bed.bluez()
        .add_desk()
        .map_err(|error| format!("furnishing the bluez5 mock: {error}"))?;
    println!(
        "bluetooth: {} with {} (paired, connected), {} and {} nearby",
        bluez::DESK_ADAPTER,
        bluez::DESK_KEYBOARD.name,
        bluez::DESK_HEADSET.name,
        bluez::DESK_PHONE.name
    );
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

/// The Appearance page in each style, as the page chose it: the app started without `--theme`
/// with `XDG_CONFIG_HOME` on a preferences file of the shot's own under `config_home`
/// ([`crate::appearance::write_configs`]: the style and an accent), so the window's style and
/// accent follow the file, as they follow the page.
fn appearance_shots(app: &Path, config_home: &Path) -> Vec<Shot> {
    use crate::appearance::{self, APPEARANCE};
    THEMES
        .iter()
        .map(|theme| {
            let home = appearance::config_home(config_home, theme);
            let chose = appearance::preferences(theme).replace('\n', "; ");
            Shot {
                name: format!("{APPEARANCE}-{theme}"),
                app: app.to_path_buf(),
                args: vec![APPEARANCE.to_owned()],
                env: vec![("XDG_CONFIG_HOME", home.display().to_string())],
                about: json!({
                    "app": "ferrum-settings",
                    "panel": APPEARANCE,
                    "theme": theme,
                    "variant": format!(
                        "no --theme: the style and accent of its preferences file \
                         (accessibility.toml: {})",
                        chose.trim_end_matches("; ")
                    ),
                }),
                stream: false,
                keys: &[],
                fwupd: None,
                restart: None,
                user: User::Nobody,
            }
        })
        .collect()
}
