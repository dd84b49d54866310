//! The Sound page against the session's real PipeWire, in the booted image: the machine has
//! QEMU's emulated sound card (`intel-hda` with an `hda-duplex` codec, a null audio back
//! end; see `vm.rs`), the kernel's `snd-hda-intel` drives it, and the person's PipeWire
//! (WirePlumber its session manager) makes an ALSA device of it with its profiles.
//!
//! The test-tools disk's sound report (`image/e2e/sound.sh`, started on the first boot)
//! prints `ferrum-sound: key=value` lines: the kernel's cards, that the login screen's user
//! runs no PipeWire, and once the person is logged in, the card as PipeWire has it (its
//! description, its profiles, the one in use), the session's sound services, and what
//! pipewire-pulse answers a PulseAudio client (`pactl info`). Logged in and after the
//! Bluetooth steps, the test opens the Sound page by keyboard (`image/e2e/sound.keys`),
//! goes round to its last control with Shift+Tab (the page scrolls it into view: the Devices
//! section, the card and its profiles) and checks the screen.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::{Timeline, wait_for_screen, without_kernel_line};
use crate::screen::{Claim, Region};
use crate::util::{self, Result};
use crate::vm::Vm;

/// The Sound page scrolled to its last control: the Devices section with the emulated card
/// and its profiles (the one in use selected, the last one focused), and what is above it
/// down to the output's switches.
const CARD: Claim = Claim {
    name: "sound",
    says: "sound: the page shows the emulated card and its profiles",
    // The page's lower part: the volumes at its top are left out (WirePlumber may start the
    // card at 40 % or at 100 %).
    regions: &[Region {
        name: "devices",
        x: 240,
        y: 300,
        w: 1040,
        h: 465,
    }],
};

/// How long the sound report may take once the session is up (WirePlumber's device).
const REPORT_DEADLINE: Duration = Duration::from_secs(180);
/// How long the page may take to show the card.
const SCREEN_DEADLINE: Duration = Duration::from_secs(120);

/// The sound report's lines so far, as key → value.
fn report(vm: &Vm) -> BTreeMap<String, String> {
    vm.console_text()
        .lines()
        .filter_map(|line| line.split_once("ferrum-sound: "))
        .map(|(_, entry)| without_kernel_line(entry.trim_end_matches('\r')).trim())
        .map(|entry| match entry.split_once('=') {
            Some((key, value)) => (key.to_owned(), value.to_owned()),
            None => (entry.to_owned(), String::new()),
        })
        .collect()
}

/// Waits for the whole sound report (`done`); fails early on its errors.
fn wait_for_report(vm: &Vm, timeline: &mut Timeline) -> Result<BTreeMap<String, String>> {
    let limit = Instant::now() + REPORT_DEADLINE;
    loop {
        timeline.watch(vm);
        let lines = report(vm);
        if lines.contains_key("done") {
            timeline.push(
                "sound: the session's PipeWire reports the card",
                vm.elapsed(),
            );
            return Ok(lines);
        }
        if let Some(error) = lines.get("error step") {
            return Err(format!("the sound report failed: step={error}").into());
        }
        if Instant::now() > limit {
            return Err(format!(
                "no complete sound report within {} s (so far: {lines:?}); see {}",
                REPORT_DEADLINE.as_secs(),
                vm.console.display()
            )
            .into());
        }
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// What the report must say; the first thing it does not, if any.
fn judge(lines: &BTreeMap<String, String>) -> std::result::Result<String, String> {
    let get = |key: &str| lines.get(key).map(String::as_str).unwrap_or("(missing)");
    let card = get("sound-card");
    let profiles = get("profiles");
    let count: usize = profiles
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let detail = format!(
        "kernel: {}; PipeWire: card \"{card}\" ({}), {count} profiles ({}), in use {}; nodes {}; session {}; pipewire-pulse: \"{}\"; greeter's audio: {}",
        get("kernel-cards"),
        get("sound-device"),
        profiles.split_once(' ').map_or("", |(_, names)| names),
        get("active-profile"),
        get("nodes"),
        get("session"),
        get("pulse"),
        get("greeter-audio"),
    );
    let problem = if !get("kernel-cards").contains("HDA") {
        Some("the kernel has no HDA card")
    } else if card == "(missing)" || card.is_empty() {
        Some("PipeWire has no ALSA device")
    } else if count < 2 {
        Some("the card has fewer than two profiles")
    } else if get("session") != "pipewire:active,wireplumber:active,pipewire-pulse:active" {
        Some("the session's sound services are not all active")
    } else if !get("pulse").starts_with("PulseAudio (on PipeWire") {
        Some("pipewire-pulse did not answer as PulseAudio on PipeWire")
    } else if get("greeter-audio") != "none" {
        Some("the login screen's user runs PipeWire")
    } else {
        None
    };
    match problem {
        None => Ok(detail),
        Some(problem) => Err(format!("{problem}: {detail}")),
    }
}

/// A sync point of the key script.
fn sync(vm: &mut Vm, timeline: &mut Timeline, name: &str) -> Result<String> {
    match name {
        "sound-card" => {
            let lines = wait_for_report(vm, timeline)?;
            // The page has drawn what PipeWire has (its top, for people to look at).
            std::thread::sleep(Duration::from_secs(5));
            let out = util::target_dir()?.join("image/e2e");
            vm.qmp.screen(Some(&out.join("sound-top.png")))?;
            judge(&lines).map_err(Into::into)
        }
        "sound-devices" => {
            wait_for_screen(
                vm,
                timeline,
                &CARD,
                SCREEN_DEADLINE,
                ("ferrum-sound: done", Duration::from_secs(8)),
            )?;
            Ok(String::new())
        }
        other => Err(format!("the key script has an unknown sync point {other:?}").into()),
    }
}

/// Runs the key script against the logged-in session (the Bluetooth page open); returns what
/// the sound report and the page showed.
pub(super) fn run(vm: &mut Vm, timeline: &mut Timeline) -> Result<String> {
    super::run_key_script(vm, timeline, "sound", sync)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::judge;

    fn lines(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
            .collect()
    }

    #[test]
    fn a_complete_report_passes_and_a_greeter_pipewire_fails() {
        let mut report = lines(&[
            ("kernel-cards", "HDA-Intel - HDA Intel"),
            ("sound-card", "Built-in Audio"),
            ("sound-device", "alsa_card.pci-0000_00_1b.0"),
            ("profiles", "3 off,output:analog-stereo,input:analog-stereo"),
            ("active-profile", "output:analog-stereo"),
            (
                "session",
                "pipewire:active,wireplumber:active,pipewire-pulse:active",
            ),
            ("pulse", "PulseAudio (on PipeWire 1.4.2)"),
            ("greeter-audio", "none"),
        ]);
        let detail = judge(&report).unwrap();
        assert!(detail.contains("card \"Built-in Audio\""), "{detail}");
        assert!(detail.contains("3 profiles"), "{detail}");
        report.insert("greeter-audio".to_owned(), "pipewire".to_owned());
        assert!(
            judge(&report)
                .unwrap_err()
                .starts_with("the login screen's user")
        );
    }
}
