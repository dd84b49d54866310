//! The Appearance page and the portals in the booted image: logged in and after the Device
//! Security steps, the test opens the page by keyboard and picks the dark style
//! (`image/e2e/appearance.keys`). An app's view of it comes from the test-tools disk's portal
//! report (`image/e2e/appearance.sh`, as the person, on the session bus): `ReadOne` of
//! `org.freedesktop.appearance color-scheme` through the xdg-desktop-portal frontend before
//! and after, and the frontend's `SettingChanged` — the path every Flatpak app's toolkit
//! takes, through Ferrum's own backend (ferrum-portal, D-Bus activated).

use std::time::Duration;

use super::{Timeline, wait_for_screen};
use crate::screen::{Claim, Region};
use crate::util::Result;
use crate::vm::Vm;

/// The page drawn dark: its title, the style choices with Dark picked and the accent colours.
const DARK: Claim = Claim {
    name: "appearance",
    says: "appearance: the page drawn dark, Dark picked",
    regions: &[Region {
        name: "page",
        x: 240,
        y: 0,
        w: 1040,
        h: 420,
    }],
};

/// The portal report's lines.
const REPORT: &str = "ferrum-appearance: ";
/// How long the report may take to hear the frontend the first time (it activates the
/// frontend and our backend under emulation).
const FIRST_READ: Duration = Duration::from_secs(180);
/// How long the signal and the second read may take after the page picked dark.
const CHANGED: Duration = Duration::from_secs(60);
/// How long the page may take to be drawn dark.
const SCREEN_DEADLINE: Duration = Duration::from_secs(60);

/// The report's `key=value` lines so far, in order.
fn report(vm: &Vm) -> Vec<(String, String)> {
    super::report_lines(vm, REPORT)
}

/// Waits until the report has a line `key=value` after its first `after` lines; returns the
/// number of lines then.
fn wait_for_line(
    vm: &Vm,
    timeline: &mut Timeline,
    after: usize,
    key: &str,
    value: &str,
    deadline: Duration,
) -> Result<usize> {
    let wanted = format!("said {key}={value}");
    super::wait_for_report_line(
        vm,
        timeline,
        (REPORT, "portal"),
        &wanted,
        deadline,
        |lines| {
            let at = lines
                .iter()
                .skip(after)
                .position(|(k, v)| k == key && v == value)?;
            Some(after + at + 1)
        },
    )
}

fn sync(vm: &mut Vm, timeline: &mut Timeline, name: &str, seen: &mut usize) -> Result<String> {
    match name {
        "appearance-page" => {
            // No preference chosen yet: the frontend answers 0 ("no preference").
            *seen = wait_for_line(vm, timeline, 0, "read color-scheme", "0", FIRST_READ)?;
            timeline.push(
                "appearance: the portal frontend answers color-scheme 0",
                vm.elapsed(),
            );
            Ok(String::new())
        }
        "dark" => {
            let after = *seen;
            let signal = wait_for_line(vm, timeline, after, "signal color-scheme", "1", CHANGED)?;
            timeline.push(
                "appearance: the frontend's SettingChanged says dark",
                vm.elapsed(),
            );
            wait_for_line(vm, timeline, signal, "read color-scheme", "1", CHANGED)?;
            wait_for_screen(
                vm,
                timeline,
                &DARK,
                SCREEN_DEADLINE,
                ("ferrum-appearance: signal", Duration::from_secs(5)),
            )?;
            let said = |key: &str| {
                report(vm)
                    .into_iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v)
                    .unwrap_or_default()
            };
            Ok(format!(
                "ReadOne 0 → page picks Dark → SettingChanged color-scheme=1 → ReadOne 1 (ferrum-portal.service {}, systemd-analyze --user security exposure {}); the page drawn dark",
                said("backend"),
                said("exposure")
            ))
        }
        other => Err(format!("the key script has an unknown sync point {other:?}").into()),
    }
}

/// Runs the key script against the logged-in session (the Device Security page open).
pub(super) fn run(vm: &mut Vm, timeline: &mut Timeline) -> Result<String> {
    let mut seen = 0;
    super::run_key_script(vm, timeline, "appearance", |vm, timeline, name| {
        sync(vm, timeline, name, &mut seen)
    })
}
