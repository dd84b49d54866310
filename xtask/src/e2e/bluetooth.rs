//! The Bluetooth page against real bluetoothd, in the booted image: BlueZ's emulator
//! (`btvirt`, from the tools tree) makes two virtual controllers that hear each other, and
//! `ferrum-bt-peer` (the test bed's program) plays the remote device on the second one. Both
//! come on a test-tools disk that only the e2e attaches; the boot self-test starts them (see
//! `image/e2e/bluetooth-peer.sh`).
//!
//! Logged in, the test drives `ferrum-settings` by keyboard with the key script
//! `image/e2e/bluetooth.keys` — the same script a host test runs against the bluez5 mock,
//! asserting the focus after every step (`tests/tests/integration/bluetooth_keyboard.rs`) — and waits at its
//! sync points for the peer's console lines and the screen: the peer found nearby, the page's
//! pairing dialog asking to confirm the passkey, the bond on both sides, and after Forget the
//! bond gone from the computer (the peer then drops its side too).

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::{Timeline, wait_for_screen, without_kernel_line};
use crate::screen::{Claim, Region};
use crate::util::{self, Result};
use crate::vm::Vm;

/// The settings window's page, right of the sidebar.
const PAGE: Region = Region {
    name: "page",
    x: 240,
    y: 0,
    w: 1040,
    h: 800,
};

/// The Bluetooth page open: both controllers' adapter section, the peer in "Nearby".
const NEARBY: Claim = Claim {
    name: "bluetooth-nearby",
    says: "bluetooth: the page's discovery finds the peer",
    regions: &[PAGE],
};

/// The page's agent asks to confirm the passkey the emulator uses (000000).
const PAIRING: Claim = Claim {
    name: "bluetooth-pairing",
    says: "bluetooth: the page asks to confirm the passkey",
    regions: &[PAGE],
};

/// The peer paired and trusted, under "My devices".
const PAIRED: Claim = Claim {
    name: "bluetooth-paired",
    says: "bluetooth: the peer is paired (My devices)",
    regions: &[PAGE],
};

/// After Forget: no paired device (the focus on the Bluetooth switch). The nearby list below
/// is left out: when discovery finds the still-discoverable peer again is not the page's doing.
const FORGOTTEN: Claim = Claim {
    name: "bluetooth-forgotten",
    says: "bluetooth: the peer forgotten (My devices empty)",
    regions: &[Region {
        name: "page-top",
        x: 240,
        y: 0,
        w: 1040,
        h: 580,
    }],
};

/// Bluetooth switched off: the switch off, the lists say so.
const OFF: Claim = Claim {
    name: "bluetooth-off",
    says: "bluetooth: the page shows the radio off",
    regions: &[PAGE],
};

/// The addresses the emulator gives its controllers (`emulator/btdev.c`: index and id).
const HOST_ADDRESS: &str = "00:AA:01:00:00:00";
const PEER_ADDRESS: &str = "00:AA:01:01:00:01";

/// How long one sync point may take (discovery, pairing, the page's answer under TCG).
const STEP_DEADLINE: Duration = Duration::from_secs(120);

/// What the test-tools disk's script does.
#[derive(Clone, Copy)]
pub(super) enum Mode {
    /// First boot: the emulator and the peer.
    Peer,
    /// Second boot: the emulator, then whether hci0's radio is still off.
    Report,
}

/// The test-tools disk: the emulator, the peer and the script that starts them; the sound
/// report (`super::sound`) and its `pactl`.
pub(super) fn tools_disk(out: &std::path::Path, mode: Mode) -> Result<PathBuf> {
    util::run(util::cargo()?.args([
        "build",
        "--release",
        "-p",
        "ferrum-testbed",
        "--bin",
        "ferrum-bt-peer",
    ]))?;
    let peer = util::target_dir()?.join("release/ferrum-bt-peer");
    let btvirt = crate::tools::tools_tree()?.join("usr/bin/btvirt");
    let run = util::workspace_root()?.join("image/e2e/bluetooth-peer.sh");
    // The sound report (`image/e2e/sound.sh`, which `run` starts on the first boot) and the
    // PulseAudio client it asks pipewire-pulse with, with its libraries.
    let sound = util::workspace_root()?.join("image/e2e/sound.sh");
    // The portal report (`image/e2e/appearance.sh`, also started by `run` on the first boot).
    let appearance = util::workspace_root()?.join("image/e2e/appearance.sh");
    let tree = crate::tools::tools_tree()?;
    let pactl = tree.join("usr/bin/pactl");
    let libpulse = tree.join("usr/lib/x86_64-linux-gnu/libpulse.so.0");
    let common_dir = tree.join("usr/lib/x86_64-linux-gnu/pulseaudio");
    let common = fs::read_dir(&common_dir)
        .map_err(|error| format!("{}: {error}", common_dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .find(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("libpulsecommon-") && name.ends_with(".so"))
        })
        .ok_or_else(|| format!("no libpulsecommon in {}", common_dir.display()))?;
    for file in [&peer, &btvirt, &run, &sound, &appearance, &pactl, &libpulse] {
        if !file.is_file() {
            return Err(format!("the test-tools disk needs {}", file.display()).into());
        }
    }
    // ext4 (the image has its module; FAT would need a code page module the image leaves out),
    // made from a folder by mkfs itself, so the programs keep their modes.
    let (staging, disk, mode) = match mode {
        Mode::Peer => ("test-tools", "test-tools.img", "peer"),
        Mode::Report => ("test-tools-report", "test-tools-report.img", "report"),
    };
    let staging = out.join(staging);
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging)?;
    for (source, name) in [
        (&run, "run"),
        (&btvirt, "btvirt"),
        (&peer, "ferrum-bt-peer"),
    ] {
        fs::copy(source, staging.join(name))?;
    }
    fs::copy(&sound, staging.join("sound"))?;
    fs::copy(&appearance, staging.join("appearance"))?;
    fs::copy(&pactl, staging.join("pactl"))?;
    fs::create_dir_all(staging.join("lib"))?;
    fs::copy(&libpulse, staging.join("lib/libpulse.so.0"))?;
    if let Some(name) = common.file_name() {
        fs::copy(&common, staging.join("lib").join(name))?;
    }
    if mode == "peer" {
        apps_source(&staging.join("apps"))?;
        fs::copy(
            util::workspace_root()?.join("image/e2e/apps.sh"),
            staging.join("apps.sh"),
        )?;
        fs::copy(
            util::workspace_root()?.join("image/e2e/date-time.sh"),
            staging.join("date-time.sh"),
        )?;
    }
    fs::write(staging.join("mode"), format!("{mode}\n"))?;
    let disk = out.join(disk);
    let _ = fs::remove_file(&disk);
    util::run(
        std::process::Command::new("mkfs.ext4")
            .args(["-q", "-L", "ferrum-test", "-d"])
            .arg(&staging)
            .arg(&disk)
            .arg("128M"),
    )?;
    Ok(disk)
}

/// Where the test-tools disk is mounted in the VM (`/usr/lib/ferrum/selftest`).
const TOOLS_IN_VM: &str = "/run/ferrum-test-tools";

/// The Apps step's source (`super::apps`): the test bed's GPG-signed repo (its dummy runtime
/// and apps) in `dir/repo`, and `dir/ferrum-test.flatpakrepo` offering it at its place in the
/// VM with the bed's public key.
fn apps_source(dir: &std::path::Path) -> Result<()> {
    let bed =
        ferrum_testbed::apps::AppsBed::start().map_err(|error| format!("the apps bed: {error}"))?;
    fs::create_dir_all(dir)?;
    util::run(
        std::process::Command::new("cp")
            .arg("-a")
            .arg(bed.repo_dir())
            .arg(dir.join("repo")),
    )?;
    let url = format!("file://{TOOLS_IN_VM}/apps/repo");
    let file = bed
        .flatpakrepo(true)
        .map_err(|error| format!("the apps bed's .flatpakrepo: {error}"))?
        .replace(&bed.url(), &url);
    fs::write(
        dir.join(format!("{}.flatpakrepo", ferrum_testbed::apps::REMOTE)),
        file,
    )?;
    Ok(())
}

/// The peer's console lines (`ferrum-bt-peer: …`) so far.
fn peer_lines(vm: &Vm) -> Vec<String> {
    vm.console_text()
        .lines()
        .filter_map(|line| line.split_once("ferrum-bt-peer: "))
        .map(|(_, entry)| {
            without_kernel_line(entry.trim_end_matches('\r'))
                .trim()
                .to_owned()
        })
        .collect()
}

/// Waits for a peer line starting with `wanted`; fails early on the peer's own errors.
fn wait_for_peer(vm: &Vm, timeline: &mut Timeline, wanted: &str, says: &str) -> Result<f64> {
    let limit = Instant::now() + STEP_DEADLINE;
    loop {
        timeline.watch(vm);
        let lines = peer_lines(vm);
        if lines.iter().any(|line| line.starts_with(wanted)) {
            let at = vm.elapsed();
            timeline.push(says, at);
            return Ok(at);
        }
        if let Some(error) = lines.iter().find(|line| line.starts_with("error step=")) {
            return Err(format!("the Bluetooth peer failed: {error}").into());
        }
        if Instant::now() > limit {
            return Err(format!(
                "the Bluetooth peer never said \"{wanted}\" within {} s (it said: {}); see {}",
                STEP_DEADLINE.as_secs(),
                if lines.is_empty() {
                    "nothing".to_owned()
                } else {
                    lines.join(" | ")
                },
                vm.console.display()
            )
            .into());
        }
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// A sync point of the key script: what outside the app must have happened.
fn sync(vm: &mut Vm, timeline: &mut Timeline, name: &str) -> Result<()> {
    let settle = Duration::from_secs(8);
    match name {
        // The page registered its agent and started discovery on hci0; the peer took the
        // default agent back (incoming requests on its controller go to it, not the page).
        "page-open" => {
            wait_for_peer(
                vm,
                timeline,
                "default-agent",
                "bluetooth: the page discovers (the peer keeps the default agent)",
            )?;
        }
        "peer-found" => {
            wait_for_screen(
                vm,
                timeline,
                &NEARBY,
                STEP_DEADLINE,
                ("ferrum-bt-peer: default-agent", settle),
            )?;
        }
        "pairing-asked" => {
            wait_for_peer(
                vm,
                timeline,
                "confirm passkey=000000",
                "bluetooth: the peer's agent is asked to confirm 000000",
            )?;
            wait_for_screen(
                vm,
                timeline,
                &PAIRING,
                STEP_DEADLINE,
                ("ferrum-bt-peer: confirm", Duration::from_secs(3)),
            )?;
        }
        "paired" => {
            wait_for_peer(
                vm,
                timeline,
                &format!("paired device={HOST_ADDRESS}"),
                "bluetooth: the peer reports the bond",
            )?;
            wait_for_screen(
                vm,
                timeline,
                &PAIRED,
                STEP_DEADLINE,
                ("ferrum-bt-peer: paired", settle),
            )?;
        }
        "forgotten" => {
            wait_for_peer(
                vm,
                timeline,
                &format!("host-forgot device={PEER_ADDRESS}"),
                "bluetooth: the computer's bond is gone (Forget)",
            )?;
            wait_for_peer(
                vm,
                timeline,
                &format!("peer-forgot device={HOST_ADDRESS}"),
                "bluetooth: the peer dropped its side",
            )?;
            wait_for_screen(
                vm,
                timeline,
                &FORGOTTEN,
                STEP_DEADLINE,
                ("ferrum-bt-peer: peer-forgot", settle),
            )?;
        }
        "radio-off" => {
            wait_for_peer(
                vm,
                timeline,
                "host-powered=false",
                "bluetooth: switched off (bluetoothd: hci0 unpowered)",
            )?;
            wait_for_screen(
                vm,
                timeline,
                &OFF,
                STEP_DEADLINE,
                ("ferrum-bt-peer: host-powered=false", settle),
            )?;
            // systemd-rfkill saves the block a moment later; the machine goes down next.
            wait_for_peer(
                vm,
                timeline,
                "host-block-saved",
                "bluetooth: systemd-rfkill saved the block",
            )?;
        }
        other => return Err(format!("the key script has an unknown sync point {other:?}").into()),
    }
    Ok(())
}

/// Runs the key script against the logged-in session; returns the seconds from the Pair key
/// to the bond reported by the peer.
pub(super) fn run(vm: &mut Vm, timeline: &mut Timeline) -> Result<String> {
    wait_for_peer(
        vm,
        timeline,
        "ready",
        "bluetooth: two virtual controllers, the peer ready",
    )?;
    super::run_key_script(vm, timeline, "bluetooth", |vm, timeline, name| {
        sync(vm, timeline, name).map(|()| String::new())
    })?;
    let pair = timeline.at(PAIRING.says);
    let bond = timeline.at("bluetooth: the peer reports the bond");
    Ok(match (pair, bond) {
        (Some(pair), Some(bond)) => format!(
            "found, paired by confirming 000000 in the page's dialog, bond on both sides {:.1} s after the dialog, forgotten on both sides",
            bond - pair
        ),
        _ => "found, paired, forgotten".to_owned(),
    })
}

/// The second boot's report: whether hci0's radio stayed off (systemd-rfkill restored the
/// soft block the page set; bluetoothd left it unpowered).
pub(super) fn stayed_off(vm: &Vm, timeline: &mut Timeline) -> Result<String> {
    wait_for_peer(
        vm,
        timeline,
        "host-powered-at-boot=",
        "bluetooth: hci0's state after the reboot",
    )?;
    let lines = peer_lines(vm);
    let value = |key: &str| {
        lines
            .iter()
            .find_map(|line| line.strip_prefix(key))
            .unwrap_or("(missing)")
            .to_owned()
    };
    let (soft, powered) = (value("host-soft-blocked="), value("host-powered-at-boot="));
    let detail = format!("rfkill soft block {soft}, bluetoothd Powered {powered}");
    if soft == "1" && powered == "false" {
        Ok(detail)
    } else {
        Err(detail.into())
    }
}
