//! `cargo xtask image e2e`: the image tested the way it ships, under QEMU with Secure Boot
//! enforced (this machine's keys enrolled) and swtpm as the TPM.
//!
//! 1. Secure Boot: an unsigned UKI and a tampered signed one are refused by the firmware.
//! 2. First boot of a blank machine: the greeter's first frame, then the greeter ready (people,
//!    network status, power menu), each screen checked region by region at full resolution
//!    against committed crops ([`crate::screen`]); a wrong password refused by greetd + PAM, the right one
//!    starting the session with `ferrum-settings`, all through keys injected over QMP. The
//!    image's boot self-test (`ferrum-selftest.service`, switched on by an SMBIOS credential)
//!    reports on the console: no failed units, a read-only root, `/etc` in memory, `/var` and
//!    `/home` on the persistent partition systemd-repart made, Secure Boot on, PCR 11 as
//!    predicted at build time, and the signed prediction accepted by the TPM; it leaves marks in
//!    `/etc`, `/var` and `/home`.
//! 3. Second boot of the same machine: the `/var` and `/home` marks are there, the `/etc` one
//!    is not.
//!
//! A timeline from QEMU start to the settled boot is printed and written to
//! `<target>/image/e2e/timeline.json` (read by `cargo xtask bench`).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use ferrum_testbed::keyscript::Step;

use crate::screen::{self, Claim, Region};
use crate::tools;
use crate::util::{self, Result};
use crate::vm::{self, Boot, Machine, Vm};

mod appearance;
mod apps;
mod bluetooth;
mod date_time;
mod printers;
mod security;
mod setup;
mod sound;

/// How long the app gets to handle a key, and a key that activates a control (the emulated
/// machine draws a frame in 100–300 ms).
const SETTLE_KEY: Duration = Duration::from_millis(500);
const SETTLE_ACTIVATION: Duration = Duration::from_millis(1500);

/// After an activation, how long the screen may take to stop changing, how far apart two
/// looks at it are, and how many pixels may still change between them (a text field's caret
/// blinks).
const STILL_DEADLINE: Duration = Duration::from_secs(10);
const STILL_LOOK: Duration = Duration::from_millis(400);
const STILL_PIXELS: usize = 400;

/// Sends a key script's press or type step to the VM, one chord at a time. Keys that arrive
/// in one frame are handled against that frame's widgets: a Tab right after the Enter that
/// opens a device's details would skip the buttons the details add. Each key gets its frame
/// (the host test taps one key per frame too); after an activation the next key waits until
/// the screen stops changing too (a loaded machine may take seconds to draw what the
/// activation opened — a Tab sent before would go through the old frame's controls).
fn send_keys(vm: &mut Vm, step: &Step) -> Result<()> {
    for chord in step.chords() {
        let keys = chord.qcodes();
        vm.qmp.keys(&keys)?;
        let activates = keys.iter().any(|key| matches!(*key, "ret" | "spc"));
        if activates {
            std::thread::sleep(SETTLE_ACTIVATION);
            wait_for_still_screen(vm)?;
        } else {
            std::thread::sleep(SETTLE_KEY);
        }
    }
    Ok(())
}

/// Waits until two looks at the screen [`STILL_LOOK`] apart differ in at most
/// [`STILL_PIXELS`] pixels, or [`STILL_DEADLINE`] has passed (then the keys go on: the sync
/// points and screen checks say what went wrong).
fn wait_for_still_screen(vm: &mut Vm) -> Result<()> {
    let limit = Instant::now() + STILL_DEADLINE;
    let mut last = vm.qmp.screen(None)?;
    while Instant::now() < limit {
        std::thread::sleep(STILL_LOOK);
        let now = vm.qmp.screen(None)?;
        if now.differing(&last) <= STILL_PIXELS {
            return Ok(());
        }
        last = now;
    }
    Ok(())
}

/// Runs a key script (`image/e2e/<name>.keys`, format: testbed/src/keyscript.rs) against the
/// VM: presses and typing are sent, `focus` lines skipped (the VM has no accessibility bus to
/// ask), and each `sync` point handed to `sync`. A failed sync point saves the screen as
/// `<name>-failed.png`. Returns the last non-empty detail a sync point gave.
fn run_key_script(
    vm: &mut Vm,
    timeline: &mut Timeline,
    name: &str,
    mut sync: impl FnMut(&mut Vm, &mut Timeline, &str) -> Result<String>,
) -> Result<String> {
    let path = util::workspace_root()?.join(format!("image/e2e/{name}.keys"));
    let script = ferrum_testbed::keyscript::parse(&fs::read_to_string(&path)?)
        .map_err(|error| format!("{}: {error}", path.display()))?;
    let mut outcome = String::new();
    for step in &script {
        match step {
            Step::Press(_) | Step::Type(_) => send_keys(vm, step)?,
            Step::Focus { .. } => {}
            Step::Sync(point) => match sync(vm, timeline, point) {
                Ok(detail) if !detail.is_empty() => outcome = detail,
                Ok(_) => {}
                Err(error) => {
                    let shot = util::target_dir()?.join(format!("image/e2e/{name}-failed.png"));
                    let _ = vm.qmp.screen(Some(&shot));
                    return Err(format!(
                        "at \"sync {point}\": {error} (screen: {})",
                        shot.display()
                    )
                    .into());
                }
            },
        }
    }
    Ok(outcome)
}

/// The test person's password: the first boot's setup makes her (`image/e2e/setup.keys`).
const TEST_PASSWORD: &str = "ferrum-test";

/// The login screen's first frame: its background drawn (between the clock and the card,
/// where nothing else ever is).
const GREETER_FRAME: Claim = Claim {
    name: "greeter-frame",
    says: "greeter: first frame (its background drawn)",
    regions: &[Region {
        name: "background",
        x: 200,
        y: 100,
        w: 880,
        h: 140,
    }],
};

/// The login screen ready for a person: the people (Ada Lovelace and "Other user…"), the
/// network status (no network card in the machine: "Offline") and the bottom bar with the
/// session, keyboard and language choices, Accessibility and the Power menu.
const GREETER: Claim = Claim {
    name: "greeter",
    says: "greeter: people listed, network status and power menu shown",
    regions: &[
        // The window fills the screen (cage -d: no room kept for a title bar), so the card
        // is centred in all 800 rows and the bar sits at the bottom edge.
        Region {
            name: "people",
            x: 420,
            y: 301,
            w: 440,
            h: 217,
        },
        Region {
            name: "network",
            x: 1080,
            y: 15,
            w: 200,
            h: 40,
        },
        Region {
            name: "bar",
            x: 0,
            y: 755,
            w: 1280,
            h: 40,
        },
    ],
};

/// The card of the chosen person while PAM asks for the password.
const PASSWORD_CARD: Region = Region {
    name: "card",
    x: 420,
    y: 240,
    w: 440,
    h: 300,
};

/// PAM's password prompt for Ada, the field focused and empty.
const GREETER_PASSWORD: Claim = Claim {
    name: "greeter-password",
    says: "greeter: PAM asks Ada's password",
    regions: &[PASSWORD_CARD],
};

/// After a wrong password: the error line above the prompt, the field empty and focused.
const GREETER_WRONG_PASSWORD: Claim = Claim {
    name: "greeter-wrong-password",
    says: "greeter: the wrong password refused, said so, asked again",
    regions: &[PASSWORD_CARD],
};

/// Where the session's claims look: the sidebar of every panel and the Power page with the
/// real power-profiles-daemon's profiles and UPower's answer (not "Loading…").
const SESSION_REGIONS: &[Region] = &[
    Region {
        name: "sidebar",
        x: 0,
        y: 0,
        w: 240,
        h: 260,
    },
    Region {
        name: "power",
        x: 370,
        y: 25,
        w: 780,
        h: 360,
    },
];

/// The session: ferrum-settings on its Power page with the daemons' state.
const SESSION_SETTINGS: Claim = Claim {
    name: "session-settings",
    says: "session: ferrum-settings shows power-profiles-daemon's and UPower's state",
    regions: SESSION_REGIONS,
};

/// The session on the second boot: the same, in the dark style the person chose on the
/// Appearance page on the first boot (kept in her home on the encrypted state partition).
const SESSION_SETTINGS_DARK: Claim = Claim {
    name: "session-settings-dark",
    says: "session: ferrum-settings in the person's dark style, with power-profiles-daemon's and UPower's state",
    regions: SESSION_REGIONS,
};

/// How long a boot may take to show the greeter under emulation (Secure Boot and the TPM
/// measurements of a 200 MiB UKI are slow under TCG).
const BOOT_DEADLINE: Duration = Duration::from_secs(600);
/// How long the firmware may take to refuse a UKI.
const REFUSAL_DEADLINE: Duration = Duration::from_secs(240);

/// Console milestones: (label, text that marks it).
const MILESTONES: &[(&str, &str)] = &[
    ("kernel started", "Linux version"),
    (
        "firmware: loading the UKI (verify + measure)",
        "BdsDxe: loading",
    ),
    (
        "firmware: UKI verified, systemd-stub starts",
        "BdsDxe: starting",
    ),
    (
        "systemd-stub done: the kernel's EFI stub runs",
        "EFI stub: Loaded initrd",
    ),
    ("initrd: the kernel runs /init", "Run /init as init process"),
    ("systemd running", "systemd[1]"),
    (
        "initrd: this computer's storage unlocked",
        "ferrum-state: unlocked by",
    ),
    ("initrd: switching to the verity root", "Switching root"),
    ("sysinit.target (console)", "Reached target sysinit.target"),
    (
        "graphical.target (console)",
        "Reached target graphical.target",
    ),
];

/// Events of one boot, in seconds since QEMU started.
#[derive(Default)]
struct Timeline {
    events: Vec<(String, f64)>,
}

impl Timeline {
    fn push(&mut self, label: impl Into<String>, at: f64) {
        let label = label.into();
        if !self.events.iter().any(|(seen, _)| *seen == label) {
            self.events.push((label, at));
        }
    }

    fn at(&self, label: &str) -> Option<f64> {
        self.events
            .iter()
            .find(|(seen, _)| seen == label)
            .map(|(_, at)| *at)
    }

    fn watch(&mut self, vm: &Vm) {
        let text = vm.console_text();
        let now = vm.elapsed();
        for (label, marker) in MILESTONES {
            if text.contains(marker) {
                self.push(*label, now);
            }
        }
    }
}

/// Waits until the screen shows `claim` (every region as its reference) and records it in
/// the timeline; returns seconds since QEMU started. With `FERRUM_BLESS=1` and no references
/// yet, the screen is taken once `ready` is on the console and `settle` has passed, and its
/// regions become the references (look at `<claim>.png` before committing them).
fn wait_for_screen(
    vm: &mut Vm,
    timeline: &mut Timeline,
    claim: &Claim,
    deadline: Duration,
    (ready, settle): (&str, Duration),
) -> Result<f64> {
    let out = util::target_dir()?.join("image/e2e");
    fs::create_dir_all(&out)?;
    let png = out.join(format!("{}.png", claim.name));
    let limit = Instant::now() + deadline;
    let blessing = std::env::var_os("FERRUM_BLESS").is_some() && !screen::has_references(claim)?;
    let mut last = String::from("no screen yet");
    loop {
        let elapsed = vm.elapsed();
        timeline.watch(vm);
        if blessing {
            if vm.console_text().contains(ready) {
                std::thread::sleep(settle);
                let frame = vm.qmp.screen(Some(&png))?;
                screen::bless(&frame, claim)?;
                let at = vm.elapsed();
                timeline.push(claim.says, at);
                return Ok(at);
            }
        } else {
            let frame = vm.qmp.screen(None)?;
            let results = screen::compare(&frame, claim)?;
            if results.iter().all(screen::RegionResult::matches) {
                vm.qmp.screen(Some(&png))?;
                timeline.push(claim.says, elapsed);
                return Ok(elapsed);
            }
            last = screen::describe(&results);
        }
        if Instant::now() > limit {
            vm.qmp.screen(Some(&png))?;
            return Err(format!(
                "the screen never showed \"{}\" within {} s (last: {last}); see {} and {}",
                claim.says,
                deadline.as_secs(),
                png.display(),
                vm.console.display()
            )
            .into());
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// The self-test's `key=value` lines, once it printed `done`.
fn wait_for_report(
    vm: &Vm,
    timeline: &mut Timeline,
    deadline: Duration,
) -> Result<BTreeMap<String, String>> {
    let limit = Instant::now() + deadline;
    loop {
        timeline.watch(vm);
        let text = vm.console_text();
        let report: BTreeMap<String, String> = text
            .lines()
            .filter_map(|line| line.split_once("ferrum-selftest: "))
            .filter_map(|(_, entry)| {
                let entry = without_kernel_line(entry.trim_end_matches('\r')).trim();
                entry
                    .split_once('=')
                    .map(|(key, value)| (key.to_owned(), value.to_owned()))
                    .or_else(|| Some((entry.to_owned(), String::new())))
            })
            .collect();
        if report.contains_key("done") {
            timeline.push("self-test report complete", vm.elapsed());
            return Ok(report);
        }
        if Instant::now() > limit {
            return Err(format!(
                "no complete self-test report on the console; see {}",
                vm.console.display()
            )
            .into());
        }
        std::thread::sleep(Duration::from_secs(1));
    }
}

/// The value of the first console line that starts with `prefix` (a self-test line such as
/// `ferrum-selftest: printing=`), once one is there; an error after `deadline` naming `what`.
fn wait_for_console_value(
    vm: &Vm,
    timeline: &mut Timeline,
    prefix: &str,
    what: &str,
    deadline: Duration,
) -> Result<String> {
    let limit = Instant::now() + deadline;
    loop {
        timeline.watch(vm);
        let value = vm
            .console_text()
            .lines()
            .find_map(|line| line.split_once(prefix))
            .map(|(_, value)| {
                without_kernel_line(value.trim_end_matches('\r'))
                    .trim()
                    .to_owned()
            });
        if let Some(value) = value {
            return Ok(value);
        }
        if Instant::now() > limit {
            return Err(format!(
                "the self-test said nothing about {what} within {} s",
                deadline.as_secs()
            )
            .into());
        }
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// A console line up to where a kernel message cut into it: the serial console interleaves
/// the kernel's lines with a service's output ("state=running[   64.549886] audit: …").
fn without_kernel_line(line: &str) -> &str {
    let cut = line.match_indices('[').map(|(at, _)| at).find(|&at| {
        let rest = line[at + 1..].trim_start();
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        digits > 0 && rest[digits..].starts_with('.')
    });
    cut.map_or(line, |at| &line[..at])
}

/// Results of the checks, printed as a table at the end.
#[derive(Default)]
struct Checks {
    rows: Vec<(String, bool, String)>,
}

impl Checks {
    fn check(&mut self, name: &str, ok: bool, detail: impl Into<String>) {
        self.rows.push((name.to_owned(), ok, detail.into()));
    }

    fn require(&mut self, report: &BTreeMap<String, String>, key: &str, wanted: &str, name: &str) {
        let got = report.get(key).map(String::as_str).unwrap_or("(missing)");
        self.check(name, got == wanted, format!("{key}={got}"));
    }

    fn failed(&self) -> Vec<&str> {
        self.rows
            .iter()
            .filter(|(_, ok, _)| !ok)
            .map(|(name, _, _)| name.as_str())
            .collect()
    }

    /// The error that ends the e2e early: what was checked so far (failures with their
    /// detail), the last thing the timeline saw and the console's last lines, in the message
    /// itself — CI keeps only the end of a run's output, where this lands.
    fn abort(&self, timeline: &Timeline, console: &Path, error: &dyn std::fmt::Display) -> String {
        self.print();
        let mut message = format!("{error}");
        for (name, _, detail) in self.rows.iter().filter(|(_, ok, _)| !ok) {
            message.push_str(&format!("\n  failed before: {name}: {detail}"));
        }
        if let Some((label, at)) = timeline.events.iter().max_by(|a, b| a.1.total_cmp(&b.1)) {
            message.push_str(&format!("\n  last seen at {at:.1} s: {label}"));
        }
        message.push_str(&format!("\n  console ({}) ends:", console.display()));
        for line in console_tail(console, 12) {
            message.push_str(&format!("\n    | {line}"));
        }
        message
    }

    fn print(&self) {
        println!("\nchecks:");
        for (name, ok, detail) in &self.rows {
            println!(
                "  {:<6} {name}: {detail}",
                if *ok { "ok" } else { "FAILED" }
            );
        }
    }
}

/// The last `count` non-blank lines of a console log, without escape sequences and cut to
/// 160 characters each.
fn console_tail(console: &Path, count: usize) -> Vec<String> {
    let text = vm::without_escapes(&String::from_utf8_lossy(
        &fs::read(console).unwrap_or_default(),
    ));
    let lines: Vec<String> = text
        .lines()
        .map(|line| line.trim_end_matches('\r').trim_end())
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.chars().filter(|c| !c.is_control()).take(160).collect())
        .collect();
    lines[lines.len().saturating_sub(count)..].to_vec()
}

/// The `key=value` lines a test-tools report printed after `prefix` on the console so far, in
/// order (`ferrum-apps: remotes=ferrum-test` → `("remotes", "ferrum-test")`).
fn report_lines(vm: &Vm, prefix: &str) -> Vec<(String, String)> {
    vm.console_text()
        .lines()
        .filter_map(|line| line.split_once(prefix))
        .filter_map(|(_, entry)| {
            let entry = without_kernel_line(entry.trim_end_matches('\r')).trim();
            entry
                .split_once('=')
                .map(|(key, value)| (key.to_owned(), value.to_owned()))
        })
        .collect()
}

/// Waits until `found` finds what is `wanted` in the lines of the `name` report (prefix
/// `prefix`); fails at the report's `error…` line or after `deadline`.
fn wait_for_report_line<T>(
    vm: &Vm,
    timeline: &mut Timeline,
    (prefix, name): (&str, &str),
    wanted: &str,
    deadline: Duration,
    found: impl Fn(&[(String, String)]) -> Option<T>,
) -> Result<T> {
    let limit = Instant::now() + deadline;
    loop {
        timeline.watch(vm);
        let lines = report_lines(vm, prefix);
        if let Some(found) = found(&lines) {
            return Ok(found);
        }
        if let Some((_, detail)) = lines.iter().find(|(k, _)| k.starts_with("error")) {
            return Err(format!("the {name} report failed: {detail}").into());
        }
        if Instant::now() > limit {
            let said: Vec<String> = lines.iter().map(|(k, v)| format!("{k}={v}")).collect();
            return Err(format!(
                "the {name} report never {wanted} within {} s (it said: {})",
                deadline.as_secs(),
                said.join(", ")
            )
            .into());
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// A boot that must be stopped: what to boot, and how the console tells it was stopped.
struct Refusal<'a> {
    /// The check's name in the table.
    name: String,
    boot: Boot<'a>,
    /// Console text that shows the refusal.
    refused: &'a str,
    /// Console text that shows the boot went on anyway.
    went_on: &'a [&'a str],
    /// Console text that shows the machine came to a stop after the refusal. When empty,
    /// the refusal itself ends the watch (the firmware refuses before anything runs); else
    /// the watch goes on until one of these, checking that the boot never went on and the
    /// login screen never came.
    stopped: &'a [&'a str],
    /// What the refusal looks like, for the table.
    says: &'a str,
    deadline: Duration,
    /// Where the console is kept (`target/image/e2e/console-<log>.log`).
    log: &'a str,
    /// A state disk to attach instead of a blank one (copied into the machine's folder).
    state_disk: Option<&'a Path>,
}

/// How a watched boot ended.
struct Watched {
    refused: bool,
    went_on: Option<String>,
    stopped: Option<String>,
    greeter_seen: bool,
}

/// How long the screen is still watched after the machine came to a stop.
const AFTER_STOP: Duration = Duration::from_secs(15);

/// Boots `refusal.boot` in `work` and records whether it was stopped as expected.
fn expect_refusal(refusal: &Refusal, work: &Path, checks: &mut Checks) -> Result<()> {
    let _ = fs::remove_dir_all(work);
    if let Some(disk) = refusal.state_disk {
        fs::create_dir_all(work)?;
        fs::copy(disk, work.join("state.img"))?;
    }
    let mut vm = vm::start(&Machine {
        boot: refusal.boot,
        work,
        selftest: None,
        window: false,
        test_tools: None,
        decoy: None,
    })?;
    let limit = Instant::now() + refusal.deadline;
    let mut watched = Watched {
        refused: false,
        went_on: None,
        stopped: None,
        greeter_seen: false,
    };
    let mut stop_seen: Option<Instant> = None;
    // While references are being made (FERRUM_BLESS=1), the greeter's are made after this
    // boot: the console alone tells then.
    let watch_screen = !refusal.stopped.is_empty()
        && (screen::has_references(&GREETER_FRAME)? || std::env::var_os("FERRUM_BLESS").is_none());
    loop {
        std::thread::sleep(Duration::from_secs(1));
        let text = vm.console_text();
        watched.refused |= text.contains(refusal.refused);
        watched.went_on = refusal
            .went_on
            .iter()
            .find(|marker| text.contains(**marker))
            .map(|marker| (*marker).to_owned());
        if watched.stopped.is_none() {
            watched.stopped = refusal
                .stopped
                .iter()
                .find(|marker| text.contains(**marker))
                .map(|marker| (*marker).to_owned());
            if watched.stopped.is_some() {
                stop_seen = Some(Instant::now());
            }
        }
        if watch_screen {
            let frame = vm.qmp.screen(None)?;
            // A blank machine would show the setup in the login screen's place.
            for claim in [&GREETER_FRAME, &setup::SETUP] {
                if screen::has_references(claim)?
                    && screen::compare(&frame, claim)?
                        .iter()
                        .all(screen::RegionResult::matches)
                {
                    watched.greeter_seen = true;
                }
            }
        }
        let done = if refusal.stopped.is_empty() {
            watched.refused
        } else {
            stop_seen.is_some_and(|at| at.elapsed() >= AFTER_STOP)
        };
        if done || watched.went_on.is_some() || watched.greeter_seen || Instant::now() > limit {
            break;
        }
    }
    let took = vm.elapsed();
    let out = util::target_dir()?.join("image/e2e");
    let _ = fs::copy(
        &vm.console,
        out.join(format!("console-{}.log", refusal.log)),
    );
    let _ = vm
        .qmp
        .screen(Some(&out.join(format!("refusal-{}.png", refusal.log))));
    drop(vm);
    let stopped_ok = refusal.stopped.is_empty() || watched.stopped.is_some();
    checks.check(
        &refusal.name,
        watched.refused && stopped_ok && watched.went_on.is_none() && !watched.greeter_seen,
        if let Some(marker) = &watched.went_on {
            format!("the boot went on: {marker:?} on the console")
        } else if watched.greeter_seen {
            "the login screen came".to_owned()
        } else if !watched.refused {
            format!("no verdict within {} s", refusal.deadline.as_secs())
        } else if let Some(stopped) = &watched.stopped {
            format!(
                "{}; then {stopped:?}, watched to {took:.0} s: no root switch, no login screen",
                refusal.says
            )
        } else if refusal.stopped.is_empty() {
            format!("{} after {took:.0} s", refusal.says)
        } else {
            format!(
                "{}, but the machine did not come to a stop within {} s",
                refusal.says,
                refusal.deadline.as_secs()
            )
        },
    );
    Ok(())
}

/// Secure Boot must refuse `uki` (unsigned or changed): "Access Denied", no kernel.
fn expect_refused(uki: &Path, work: &Path, what: &str, checks: &mut Checks) -> Result<()> {
    let refusal = Refusal {
        name: format!("Secure Boot refuses the {what} UKI"),
        boot: Boot::Uki(uki),
        refused: "Access Denied",
        went_on: &["Linux version", "EFI stub"],
        stopped: &[],
        says: "firmware: Access Denied",
        deadline: REFUSAL_DEADLINE,
        log: what,
        state_disk: None,
    };
    expect_refusal(&refusal, work, checks)
}

/// A copy of the signed UKI with one byte of its os-release section changed.
fn tampered(signed: &Path, out: &Path) -> Result<PathBuf> {
    let mut bytes = fs::read(signed)?;
    let marker = b"IMAGE_ID=\"ferrum\"";
    let at = bytes
        .windows(marker.len())
        .position(|window| window == marker)
        .ok_or("the UKI has no IMAGE_ID to change")?;
    bytes[at + 10] = b'F';
    let path = out.join("ferrum-tampered.efi");
    fs::write(&path, bytes)?;
    Ok(path)
}

/// The GPT type of an x86-64 root partition, as stored on disk (mixed-endian).
const ROOT_X86_64: [u8; 16] = [
    0xe3, 0xbc, 0x68, 0x4f, 0xcd, 0xe8, 0xb1, 0x4d, 0x96, 0xe7, 0xfb, 0xca, 0xf9, 0x84, 0xb7, 0x09,
];

/// A copy of the disk image whose root file system has its superblock changed (one byte),
/// found through the GPT.
fn tampered_root(disk: &Path, out: &Path) -> Result<PathBuf> {
    let copy = out.join("ferrum-modified-root.raw");
    fs::copy(disk, &copy)?;
    let mut bytes = fs::read(&copy)?;
    let le_u64 =
        |at: usize| -> Result<u64> { Ok(u64::from_le_bytes(bytes[at..at + 8].try_into()?)) };
    let le_u32 =
        |at: usize| -> Result<u32> { Ok(u32::from_le_bytes(bytes[at..at + 4].try_into()?)) };
    if &bytes[512..520] != b"EFI PART" {
        return Err("the disk image has no GPT".into());
    }
    let entries = usize::try_from(le_u64(512 + 72)?)? * 512;
    let count = usize::try_from(le_u32(512 + 80)?)?;
    let size = usize::try_from(le_u32(512 + 84)?)?;
    let root_start = (0..count)
        .map(|index| entries + index * size)
        .find(|&entry| bytes[entry..entry + 16] == ROOT_X86_64)
        .map(|entry| le_u64(entry + 32))
        .transpose()?
        .ok_or("the disk image has no root partition")?;
    // EROFS's superblock is at 1024 bytes into the partition; its first byte is the magic.
    let at = usize::try_from(root_start)? * 512 + 1024;
    bytes[at] ^= 0xff;
    fs::write(&copy, bytes)?;
    Ok(copy)
}

/// Boots a disk whose root was changed after signing: dm-verity must stop it (the kernel's
/// "is corrupted" on the console), the machine must come to a stop in the initrd, and
/// until then it must never switch to that root, start greetd or show the login screen.
fn expect_verity_refusal(disk: &Path, work: &Path, checks: &mut Checks) -> Result<()> {
    let refusal = Refusal {
        name: "dm-verity refuses a root changed after signing".to_owned(),
        boot: Boot::Disk(disk),
        refused: "is corrupted",
        went_on: &[
            "Switching root",
            "Reached target graphical.target",
            "greetd.service",
        ],
        stopped: &[
            "emergency mode",
            "Cannot open access to console",
            "Kernel panic - not syncing",
            // The kernel's own line ("secureboot: " also contains "reboot: ").
            "] reboot: ",
        ],
        says: "kernel: a verity block is corrupted",
        deadline: BOOT_DEADLINE,
        log: "modified-root",
        state_disk: None,
    };
    expect_refusal(&refusal, work, checks)
}

/// A blank machine whose disk for the storage already holds a file system (someone's data):
/// the initrd must refuse to make the storage there — its sentence on the console, never a
/// recorded identity, a root switch or the login screen — and the disk must be unchanged.
fn expect_occupied_disk_refusal(disk: &Path, out: &Path, checks: &mut Checks) -> Result<()> {
    let occupied = out.join("occupied-state.img");
    let _ = fs::remove_file(&occupied);
    fs::File::create(&occupied)?.set_len(64 * 1024 * 1024)?;
    util::run(
        Command::new("mkfs.ext4")
            .args(["-q", "-F", "-L", "someones-data"])
            .arg(&occupied),
    )?;
    let before = fs::read(&occupied)?;
    let work = out.join("refusal");
    let refusal = Refusal {
        name: "the initrd refuses to make the storage on a disk that holds data".to_owned(),
        boot: Boot::Disk(disk),
        refused: "storage could not be opened: the disk for this computer's storage is not empty",
        went_on: &[
            "ferrum-state: recorded",
            "Switching root",
            "Reached target graphical.target",
            "greetd.service",
        ],
        stopped: &["emergency mode", "Cannot open access to console"],
        says: "the initrd's sentence: the disk is not empty",
        deadline: BOOT_DEADLINE,
        log: "occupied-disk",
        state_disk: Some(&occupied),
    };
    expect_refusal(&refusal, &work, checks)?;
    let after = fs::read(work.join("state.img"))?;
    checks.check(
        "the disk that holds data is unchanged after that boot",
        before == after,
        if before == after {
            format!("all {} bytes the same", before.len())
        } else {
            let first = before
                .iter()
                .zip(&after)
                .position(|(a, b)| a != b)
                .unwrap_or(before.len().min(after.len()));
            format!("changed from byte {first}")
        },
    );
    let _ = fs::remove_file(&occupied);
    Ok(())
}

/// Someone else's disk for the second boot: a GPT disk whose one partition has the label and
/// type of the machine's storage (`ferrum-state`, linux-generic) and an ext4 file system with a
/// `DECOY` file. The machine finds its storage only by the partition UUID it recorded on the
/// first boot, so this one must be left alone (self-test `decoy=ignored`). Made by the tools
/// tree's systemd-repart, offline (no loop device on the host).
fn decoy_disk(out: &Path) -> Result<PathBuf> {
    let disk = out.join("decoy.img");
    let definitions = out.join("decoy.repart");
    let content = out.join("decoy.content");
    for old in [&definitions, &content] {
        let _ = fs::remove_dir_all(old);
    }
    let _ = fs::remove_file(&disk);
    fs::create_dir_all(&definitions)?;
    fs::create_dir_all(&content)?;
    fs::write(content.join("DECOY"), "someone else's disk\n")?;
    fs::write(
        definitions.join("50-decoy.conf"),
        format!(
            "[Partition]\nType=linux-generic\nLabel=ferrum-state\nFormat=ext4\nCopyFiles={}:/\n",
            content.display()
        ),
    )?;
    util::run(tools::command("systemd-repart")?.args([
        "--empty=create",
        "--size=64M",
        "--dry-run=no",
        "--offline=yes",
        "--no-pager",
        &format!("--definitions={}", definitions.display()),
        &disk.display().to_string(),
    ]))?;
    Ok(disk)
}

/// The login as a person does it: the greeter, a wrong password, the right one, the session.
/// Returns the seconds from the password's Enter to `ferrum-settings` on screen.
fn log_in(vm: &mut Vm, timeline: &mut Timeline, session: &Claim) -> Result<f64> {
    greeter_on_screen(vm, timeline)?;
    vm.qmp.keys(&["tab"])?;
    vm.qmp.keys(&["ret"])?;
    // PAM's password prompt (typing before it is there would be lost).
    wait_for_screen(
        vm,
        timeline,
        &GREETER_PASSWORD,
        Duration::from_secs(60),
        ("", Duration::from_secs(10)),
    )?;
    // The field takes the focus right after the prompt is drawn.
    std::thread::sleep(Duration::from_secs(1));
    vm.qmp.type_text("wrong-password")?;
    vm.qmp.keys(&["ret"])?;
    wait_for_screen(
        vm,
        timeline,
        &GREETER_WRONG_PASSWORD,
        Duration::from_secs(60),
        ("", Duration::from_secs(10)),
    )?;
    std::thread::sleep(Duration::from_secs(1));
    // The field is empty again and keeps the focus: the right password logs in.
    vm.qmp.type_text(TEST_PASSWORD)?;
    let typed = vm.elapsed();
    vm.qmp.keys(&["ret"])?;
    let session = wait_for_screen(
        vm,
        timeline,
        session,
        Duration::from_secs(180),
        ("", Duration::from_secs(40)),
    )?;
    Ok(session - typed)
}

/// The login screen's first frame, then the login screen ready for a person (both in the
/// timeline); returns when it is ready.
fn greeter_on_screen(vm: &mut Vm, timeline: &mut Timeline) -> Result<f64> {
    wait_for_screen(
        vm,
        timeline,
        &GREETER_FRAME,
        BOOT_DEADLINE,
        ("Reached target graphical.target", Duration::from_secs(40)),
    )?;
    let ready = wait_for_screen(
        vm,
        timeline,
        &GREETER,
        Duration::from_secs(180),
        ("Reached target graphical.target", Duration::from_secs(40)),
    )?;
    // Keys pressed at once can still be lost: the window takes the keyboard focus from
    // the compositor a moment after it draws.
    std::thread::sleep(Duration::from_secs(2));
    Ok(ready)
}

/// Journal timestamps (µs since the kernel started) as seconds since QEMU started, using the
/// kernel's first console line as the common point.
fn journal_events(report: &BTreeMap<String, String>, timeline: &mut Timeline) {
    let Some(kernel) = timeline.at(MILESTONES[0].0) else {
        return;
    };
    let mut events: Vec<(String, f64)> = report
        .iter()
        .filter_map(|(key, value)| {
            let unit = key.strip_prefix("active-at ")?;
            let micros: f64 = value.parse().ok().filter(|micros| *micros > 0.0)?;
            Some((format!("{unit} active (journal)"), kernel + micros / 1e6))
        })
        .collect();
    if let Some(finished) = report.get("finished").and_then(|v| v.parse::<f64>().ok()) {
        events.push((
            "boot finished: all start-up jobs done (journal)".to_owned(),
            kernel + finished / 1e6,
        ));
    }
    for (label, at) in events {
        timeline.push(label, at);
    }
}

fn check_boot(report: &BTreeMap<String, String>, boot: &str, predicted: &str, checks: &mut Checks) {
    checks.require(
        report,
        "state",
        "running",
        &format!("{boot}: the boot settles as running"),
    );
    checks.require(report, "failed", "", &format!("{boot}: no failed units"));
    checks.require(
        report,
        "root",
        "read-only",
        &format!("{boot}: the root is read-only"),
    );
    checks.require(
        report,
        "secureboot",
        "1",
        &format!("{boot}: Secure Boot is on"),
    );
    let pcr = report
        .get("pcr11")
        .map(|v| v.to_ascii_lowercase())
        .unwrap_or_default();
    checks.check(
        &format!("{boot}: PCR 11 equals the build's prediction"),
        !predicted.is_empty() && pcr == predicted,
        format!("guest {pcr}, predicted {predicted}"),
    );
    checks.require(
        report,
        "pcr-policy",
        "unlocked",
        &format!("{boot}: the UKI's signed PCR 11 policy unseals a TPM secret"),
    );
    checks.require(
        report,
        "gettys",
        "",
        &format!("{boot}: no getty on a VT or the serial console"),
    );
    checks.require(
        report,
        "greeter-state",
        "_greetd:700",
        &format!("{boot}: the greeter's memory folder is its own user's alone"),
    );
    checks.require(
        report,
        "faillock",
        "preauth,authfail,authsucc",
        &format!("{boot}: failed logins are counted and lock the account (pam_faillock)"),
    );
    checks.require(
        report,
        "state-device",
        "/dev/mapper/ferrum-state",
        &format!("{boot}: /persist is the encrypted state partition, opened by the initrd"),
    );
    checks.require(
        report,
        "state-identity",
        "recorded",
        &format!(
            "{boot}: the partition is the one this machine recorded (EFI variable = its UUID)"
        ),
    );
    checks.require(
        report,
        "luks",
        "tpm2",
        &format!("{boot}: its LUKS2 key slots: the TPM's only"),
    );
    checks.require(
        report,
        "unlocked-by",
        "tpm2",
        &format!("{boot}: the TPM unlocked it (signed PCR 11 policy and PCR 7), nobody was asked"),
    );
    let crypto = report.get("crypto").cloned().unwrap_or_default();
    let has = |part: &str| crypto.split(',').any(|found| found == part);
    checks.check(
        &format!("{boot}: disk encryption is possible (dm-crypt, xts, systemd-cryptsetup)"),
        has("dm_crypt")
            && has("xts")
            && has("dm_crypt-loaded")
            && has("systemd-cryptenroll")
            && has("systemd-cryptsetup"),
        format!(
            "crypto={crypto}, cpu-aes={}",
            report.get("cpu-aes").map_or("?", String::as_str)
        ),
    );
    let mounts = report.get("mounts").cloned().unwrap_or_default();
    checks.check(
        &format!("{boot}: /etc and /var are overlays, /home is on the persistent partition"),
        mounts.contains("/etc:overlay")
            && mounts.contains("/var:overlay")
            && mounts.contains("[/home]"),
        format!("mounts={mounts}"),
    );
}

/// The two ways of holding the root that issue #5 compares.
#[derive(Clone, Copy, Debug)]
pub enum Layout {
    /// The whole system in the UKI's initramfs (`cargo xtask image initramfs`).
    Initramfs,
    /// A small UKI and a dm-verity protected EROFS root (`cargo xtask image`; shipped).
    Verity,
}

impl Layout {
    fn label(self) -> &'static str {
        match self {
            Self::Initramfs => "whole system in the UKI's initramfs",
            Self::Verity => "small UKI + dm-verity EROFS root",
        }
    }

    /// The UKI and, for the verity layout, the disk image.
    fn files(self) -> Result<(PathBuf, Option<PathBuf>)> {
        Ok(match self {
            Self::Initramfs => (crate::image::initramfs_dir()?.join("ferrum.efi"), None),
            Self::Verity => {
                let dir = crate::image::image_dir()?;
                (dir.join("ferrum.efi"), Some(dir.join("ferrum.raw")))
            }
        })
    }

    /// Where the figures of this layout's last boot are kept.
    pub fn figures_path(self) -> Result<PathBuf> {
        let out = util::target_dir()?.join("image/e2e");
        fs::create_dir_all(&out)?;
        Ok(out.join(match self {
            Self::Initramfs => "timeline-initramfs.json",
            Self::Verity => "timeline.json",
        }))
    }
}

/// `cargo xtask bench boot`: one boot of a blank machine to the greeter and the settled
/// boot, without logging in; the figures as JSON.
pub fn measure_boot(layout: Layout) -> Result<serde_json::Value> {
    let (uki, disk) = layout.files()?;
    let boot = match &disk {
        Some(disk) => Boot::Disk(disk),
        None => Boot::Uki(&uki),
    };
    if !uki.is_file() || disk.as_ref().is_some_and(|disk| !disk.is_file()) {
        return Err(format!(
            "{layout:?} layout not built: run `cargo xtask image` (or `image initramfs`)"
        )
        .into());
    }
    let work = util::target_dir()?.join("image/e2e/bench-machine");
    let _ = fs::remove_dir_all(&work);
    let mut timeline = Timeline::default();
    let mut vm = vm::start(&Machine {
        boot,
        work: &work,
        selftest: Some("first"),
        window: false,
        test_tools: None,
        decoy: None,
    })?;
    // A blank machine: the setup is its login screen.
    setup::on_screen(&mut vm, &mut timeline)?;
    let report = wait_for_report(&vm, &mut timeline, Duration::from_secs(300))?;
    let accel = vm.accel;
    let _ = fs::copy(
        &vm.console,
        util::target_dir()?.join(format!("image/e2e/console-bench-{layout:?}.log")),
    );
    drop(vm);
    journal_events(&report, &mut timeline);
    timeline.events.sort_by(|a, b| a.1.total_cmp(&b.1));
    for (label, at) in &timeline.events {
        println!("  {at:7.1}  {label}");
    }
    let mut figures = figures(&timeline, accel, &uki, &report)?;
    figures["layout"] = layout.label().into();
    if let Some(disk) = &disk {
        figures["disk_mib"] = (fs::metadata(disk)?.len() as f64 / (1024.0 * 1024.0))
            .round()
            .into();
    }
    figures["failed_units"] = report.get("failed").cloned().into();
    figures["pcr_policy"] = report.get("pcr-policy").cloned().into();
    Ok(figures)
}

/// The boot's figures as JSON (for `timeline.json` and the benchmark).
fn figures(
    timeline: &Timeline,
    accel: &str,
    uki: &Path,
    report: &BTreeMap<String, String>,
) -> Result<serde_json::Value> {
    let size = fs::metadata(uki)?.len() as f64 / (1024.0 * 1024.0);
    Ok(serde_json::json!({
        "layout": "whole system in the UKI's initramfs",
        "accel": accel,
        "uki_mib": (size * 10.0).round() / 10.0,
        "firmware_verified_s": timeline.at(MILESTONES[2].0),
        "stub_done_s": timeline.at(MILESTONES[3].0),
        "kernel_s": timeline.at(MILESTONES[0].0),
        "sysinit_s": timeline.at("sysinit.target active (journal)"),
        "greetd_s": timeline.at("greetd.service active (journal)"),
        // A blank machine's first boot shows the setup in the login screen's place.
        "greeter_frame_s": timeline.at(GREETER_FRAME.says).or(timeline.at(setup::SETUP.says)),
        "greeter_s": timeline.at(GREETER.says).or(timeline.at(setup::SETUP.says)),
        "graphical_s": timeline.at("graphical.target active (journal)"),
        "settled_s": timeline.at("boot finished: all start-up jobs done (journal)"),
        "login_s": null,
        "systemd_analyze": report.get("analyze"),
        "when": util::timestamp_utc(),
        "commit": util::git_commit(),
        "events": timeline
            .events
            .iter()
            .map(|(label, at)| serde_json::json!([label, at]))
            .collect::<Vec<_>>(),
    }))
}

/// `cargo xtask image e2e`.
pub fn run() -> Result<()> {
    let image = crate::image::image_dir()?;
    let signed = image.join("ferrum.efi");
    let unsigned = image.join("ferrum-unsigned.efi");
    let disk = image.join("ferrum.raw");
    if !signed.is_file() || !unsigned.is_file() || !disk.is_file() {
        return Err("no image: run `cargo xtask image` first".into());
    }
    let predictions: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(image.join("ferrum.pcr11.json"))?)?;
    let predicted = predictions["pcr11"]["enter-initrd:leave-initrd:sysinit:ready"]
        .as_str()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let out = image.join("e2e");
    fs::create_dir_all(&out)?;
    let work = out.join("machine");
    let mut checks = Checks::default();
    let started = Instant::now();

    // A development shortcut while working on the session's checks; the table says the
    // refusals were not run, and the run fails (never a pass without them).
    let refusals = std::env::var_os("FERRUM_E2E_NO_REFUSALS").is_none();
    if refusals {
        println!("e2e: Secure Boot must refuse an unsigned and a tampered UKI …");
        expect_refused(&unsigned, &out.join("refusal"), "unsigned", &mut checks)?;
        let tampered = tampered(&signed, &out)?;
        expect_refused(&tampered, &out.join("refusal"), "tampered", &mut checks)?;
        let _ = fs::remove_file(&tampered);

        println!("e2e: dm-verity must refuse a root with one changed block …");
        let modified = tampered_root(&disk, &out)?;
        expect_verity_refusal(&modified, &out.join("refusal"), &mut checks)?;
        let _ = fs::remove_file(&modified);

        println!("e2e: the initrd must not make the storage on a disk that holds data …");
        expect_occupied_disk_refusal(&disk, &out, &mut checks)?;
    } else {
        checks.check(
            "Secure Boot and dm-verity refusals",
            false,
            "not run (FERRUM_E2E_NO_REFUSALS is set)",
        );
    }

    println!("e2e: the test-tools disk (BlueZ's emulator, the Bluetooth peer, the sound report) …");
    let tools = bluetooth::tools_disk(&out, bluetooth::Mode::Peer)?;
    let report_tools = bluetooth::tools_disk(&out, bluetooth::Mode::Report)?;

    println!("e2e: first boot of a blank machine (signed UKI, verity root, Secure Boot, TPM) …");
    let _ = fs::remove_dir_all(&work);
    let mut timeline = Timeline::default();
    let mut vm = vm::start(&Machine {
        boot: Boot::Disk(&disk),
        work: &work,
        selftest: Some("first"),
        window: false,
        test_tools: Some(&tools),
        decoy: None,
    })?;
    let accel = vm.accel;
    let made = setup::run(&mut vm, &mut timeline);
    checks.check(
        "first boot: the setup in the login screen's place makes the administrator by keyboard and starts her session",
        made.is_ok(),
        match &made {
            Ok(detail) => detail.clone(),
            Err(error) => error.to_string(),
        },
    );
    if made.is_ok() {
        println!("e2e: the Bluetooth page with real bluetoothd and a virtual peer …");
        let paired = bluetooth::run(&mut vm, &mut timeline);
        checks.check(
            "Bluetooth page by keyboard: the peer found, paired with a passkey confirmed in the page's dialog, forgotten",
            paired.is_ok(),
            match &paired {
                Ok(detail) => detail.clone(),
                Err(error) => error.to_string(),
            },
        );
        println!("e2e: the Sound page with the session's PipeWire and the emulated card …");
        let sound = sound::run(&mut vm, &mut timeline);
        checks.check(
            "Sound page by keyboard: the session's PipeWire has the emulated HDA card and its profiles, on screen; pipewire-pulse answers; the greeter has no PipeWire",
            sound.is_ok(),
            match &sound {
                Ok(detail) => detail.clone(),
                Err(error) => error.to_string(),
            },
        );
        println!("e2e: the Printers page with the machine's CUPS …");
        let printers = printers::run(&mut vm, &mut timeline);
        checks.check(
            "Printers page by keyboard: CUPS, cups-pk-helper and Avahi present; the self-test's queue on screen",
            printers.is_ok(),
            match &printers {
                Ok(detail) => detail.clone(),
                Err(error) => error.to_string(),
            },
        );
        println!("e2e: the Device Security page with the machine's fwupd and own facts …");
        let security = security::run(&mut vm, &mut timeline);
        checks.check(
            "Device Security page by keyboard: Secure Boot on with the machine's own keys, TPM 2.0, PCR 11 matching the signed prediction, the root verified",
            security.is_ok(),
            match &security {
                Ok(detail) => detail.clone(),
                Err(error) => error.to_string(),
            },
        );
        println!("e2e: the Appearance page and what apps hear through the portal …");
        let appearance = appearance::run(&mut vm, &mut timeline);
        checks.check(
            "Appearance page by keyboard: Dark picked; apps hear it through the xdg-desktop-portal frontend and Ferrum's backend (SettingChanged, ReadOne)",
            appearance.is_ok(),
            match &appearance {
                Ok(detail) => detail.clone(),
                Err(error) => error.to_string(),
            },
        );
        println!("e2e: the Apps page with the person's Flatpak installation …");
        let apps = apps::run(&mut vm, &mut timeline);
        checks.check(
            "Apps page by keyboard: a source added from a .flatpakrepo file, an app searched, its details read and installed with libflatpak",
            apps.is_ok(),
            match &apps {
                Ok(detail) => detail.clone(),
                Err(error) => error.to_string(),
            },
        );
        if apps.is_ok() {
            println!("e2e: the portals' file chooser, as an app asks for it …");
            let chooser = apps::file_chooser(&mut vm, &mut timeline);
            checks.check(
                "File chooser for apps: OpenFile through the xdg-desktop-portal frontend shows the GTK backend's dialog; Escape closes it",
                chooser.is_ok(),
                match &chooser {
                    Ok(detail) => detail.clone(),
                    Err(error) => error.to_string(),
                },
            );
        }
        println!("e2e: the Date & Time page, a time zone allowed through the session's agent …");
        let zone = date_time::run(&mut vm, &mut timeline);
        checks.check(
            "Date & Time page by keyboard: a time zone picked, the session's authentication agent asks for the administrator's password, timedated sets it",
            zone.is_ok(),
            match &zone {
                Ok(detail) => detail.clone(),
                Err(error) => error.to_string(),
            },
        );
    }
    let first = wait_for_report(&vm, &mut timeline, Duration::from_secs(300));
    // The power button, as a person ends the day: the second boot sees what the system saved
    // on the way down.
    let down = vm.power_down(Duration::from_secs(120));
    checks.check(
        "first boot: the power button shuts the machine down",
        down.is_ok(),
        match &down {
            Ok(seconds) => format!("off {seconds:.1} s after the button"),
            Err(error) => error.to_string(),
        },
    );
    let _ = fs::copy(&vm.console, out.join("console-first-boot.log"));
    drop(vm);
    // getty's prompt is "<hostname> login: " (the image's hostname is ferrum).
    let prompt = fs::read_to_string(out.join("console-first-boot.log"))
        .unwrap_or_default()
        .lines()
        .find(|line| line.contains("ferrum login:"))
        .map(str::to_owned);
    checks.check(
        "first boot: no login prompt on the serial console",
        prompt.is_none(),
        prompt.map_or_else(
            || "the console carries the kernel's and systemd's output only".to_owned(),
            |line| format!("the console asks: {line:?}"),
        ),
    );
    // Ferrum's own initrd (image/mkosi.images/initrd/) ran, with the tools the state
    // partition's set-up needs (#20, docs/state-partition-plan.md §12 step 1).
    let initrd = fs::read_to_string(out.join("console-first-boot.log"))
        .unwrap_or_default()
        .lines()
        .find_map(|line| line.split_once("ferrum-initrd: ").map(|(_, rest)| rest))
        .map(|rest| {
            without_kernel_line(rest.trim_end_matches('\r'))
                .trim()
                .to_owned()
        });
    checks.check(
        "first boot: the initrd is Ferrum's own, with the state partition's tools",
        initrd
            .as_deref()
            .is_some_and(|line| line.starts_with("ours ") && line.ends_with("missing=")),
        initrd.unwrap_or_else(|| "no `ferrum-initrd:` line on the console".to_owned()),
    );
    let first = first
        .map_err(|error| checks.abort(&timeline, &out.join("console-first-boot.log"), &error))?;
    journal_events(&first, &mut timeline);
    check_boot(&first, "first boot", &predicted, &mut checks);
    checks.require(
        &first,
        "test-tools",
        "started",
        "first boot: the self-test started the test-tools disk's peer",
    );
    checks.require(
        &first,
        "marked",
        "etc,var,home",
        "first boot: marks left in /etc, /var, /home",
    );

    println!("e2e: second boot of the same machine, with someone else's disk plugged in …");
    let decoy = decoy_disk(&out)?;
    let mut second_timeline = Timeline::default();
    let mut vm = vm::start(&Machine {
        boot: Boot::Disk(&disk),
        work: &work,
        selftest: Some("second"),
        window: false,
        test_tools: Some(&report_tools),
        decoy: Some(&decoy),
    })?;
    let login = log_in(&mut vm, &mut second_timeline, &SESSION_SETTINGS_DARK);
    checks.check(
        "second boot: the login screen lists her; a wrong password refused; the right one starts ferrum-settings in the dark style she chose",
        login.is_ok(),
        match &login {
            Ok(seconds) => format!(
                "greetd + PAM, each screen's regions match their references; Enter → ferrum-settings with the daemons' state {seconds:.1} s"
            ),
            Err(error) => error.to_string(),
        },
    );
    let second = wait_for_report(&vm, &mut second_timeline, BOOT_DEADLINE);
    if second.is_ok() {
        let off = bluetooth::stayed_off(&vm, &mut second_timeline);
        checks.check(
            "second boot: Bluetooth turned off on the page stays off (BlueZ keeps no Powered; the rfkill block is restored)",
            off.is_ok(),
            match &off {
                Ok(detail) => detail.clone(),
                Err(error) => error.to_string(),
            },
        );
    }
    let _ = fs::copy(&vm.console, out.join("console-second-boot.log"));
    drop(vm);
    let second = second.map_err(|error| {
        checks.abort(
            &second_timeline,
            &out.join("console-second-boot.log"),
            &error,
        )
    })?;
    check_boot(&second, "second boot", &predicted, &mut checks);
    checks.require(
        &second,
        "test-tools",
        "started",
        "second boot: the self-test started the test-tools disk's report",
    );
    checks.require(
        &second,
        "kept",
        "etc,var,home",
        "second boot: /etc, /var and /home kept (on the encrypted state partition)",
    );
    checks.require(
        &second,
        "decoy",
        "ignored",
        "second boot: another disk with a partition named ferrum-state is neither opened nor mounted",
    );
    checks.require(
        &second,
        "fsck",
        "clean",
        "second boot: the storage's file system was checked before mounting (clean)",
    );
    checks.require(
        &first,
        "greetd-config",
        "login-screen:greetd_--config_/run/greetd/config.toml",
        "first boot: greetd runs with the configuration ferrum-greetd-config wrote (no automatic login chosen)",
    );
    checks.require(
        &first,
        "ntp",
        "yes",
        "first boot: automatic time can be turned on (systemd-timesyncd in the image)",
    );
    checks.require(
        &second,
        "person-kept",
        "/bin/bash:home",
        "second boot: the person the setup made is kept (her account in /etc, her home)",
    );
    let id =
        |report: &BTreeMap<String, String>| report.get("machine-id").cloned().unwrap_or_default();
    checks.check(
        "second boot: the machine ID is the first boot's",
        id(&first).len() == 32 && id(&first) == id(&second),
        format!("first {}, second {}", id(&first), id(&second)),
    );
    checks.require(
        &second,
        "machine-id-mount",
        "none",
        "second boot: the machine ID is written in /etc (no bind mount over it)",
    );
    checks.require(
        &second,
        "timezone",
        date_time::ZONE,
        "second boot: the time zone set on the Date & Time page is kept (/etc on the encrypted state partition)",
    );
    checks.require(
        &second,
        "printers-kept",
        "Ferrum_Selftest",
        "second boot: the printer added on the first boot is kept (/etc on the encrypted state partition)",
    );

    timeline.events.sort_by(|a, b| a.1.total_cmp(&b.1));
    println!(
        "\ntimeline of the first boot (seconds from QEMU start, {accel}, 2 vCPUs, Secure Boot + TPM):"
    );
    for (label, at) in &timeline.events {
        println!("  {at:7.1}  {label}");
    }
    if let Some(analyze) = first.get("analyze") {
        println!("  systemd-analyze: {analyze}");
    }
    let mut figures = figures(&timeline, accel, &signed, &first)?;
    figures["layout"] = Layout::Verity.label().into();
    figures["disk_mib"] = (fs::metadata(&disk)?.len() as f64 / (1024.0 * 1024.0))
        .round()
        .into();
    figures["login_s"] = login.as_ref().ok().copied().into();
    println!("  UKI size {} MiB", figures["uki_mib"]);
    fs::write(
        Layout::Verity.figures_path()?,
        serde_json::to_string_pretty(&figures)?,
    )?;
    checks.print();
    println!(
        "e2e: {:.0} s; screenshots and consoles in {}",
        started.elapsed().as_secs_f64(),
        out.display()
    );
    let failed = checks.failed();
    if failed.is_empty() {
        println!("e2e: passed");
        Ok(())
    } else {
        Err(format!(
            "e2e: {} check(s) failed: {}",
            failed.len(),
            failed.join("; ")
        )
        .into())
    }
}

#[cfg(test)]
mod console_tests {
    use super::{Checks, Timeline, console_tail, without_kernel_line};

    #[test]
    fn an_early_end_names_the_failed_checks_the_last_event_and_the_console_tail() {
        let dir = std::env::temp_dir().join(format!("ferrum-e2e-abort-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let console = dir.join("console.log");
        let lines: String = (1..=20)
            .map(|n| format!("\x1b[0;32mline {n}\x1b[0m\r\n\n"))
            .collect();
        std::fs::write(&console, lines).unwrap();
        assert_eq!(console_tail(&console, 2), ["line 19", "line 20"]);

        let mut checks = Checks { rows: Vec::new() };
        checks.check("greeter on screen", false, "never showed the greeter");
        checks.check("booted", true, "fine");
        let mut timeline = Timeline::default();
        timeline.push("kernel started", 20.0);
        timeline.push("greetd.service active (journal)", 66.5);
        let message = checks.abort(&timeline, &console, &"no complete self-test report");
        assert!(message.starts_with("no complete self-test report"));
        assert!(message.contains("failed before: greeter on screen: never showed the greeter"));
        assert!(!message.contains("booted"));
        assert!(message.contains("last seen at 66.5 s: greetd.service active (journal)"));
        assert!(message.ends_with("| line 20"), "{message}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_kernel_message_cut_into_a_report_line_is_left_out() {
        assert_eq!(
            without_kernel_line("state=running[   64.549886] audit: type=1105"),
            "state=running"
        );
        assert_eq!(
            without_kernel_line("mounts=/home:/dev/vdb1[/home]"),
            "mounts=/home:/dev/vdb1[/home]"
        );
        assert_eq!(without_kernel_line("failed="), "failed=");
    }
}
