//! The Device Security page in the booted image: the machine's fwupd (activated on the system
//! bus) and the page's own facts, which only a booted Ferrum has — Secure Boot enforced with
//! this machine's own keys, a TPM 2.0 (swtpm), PCR 11 equal to the UKI's signed prediction and
//! the root under dm-verity. Logged in and after the Printers steps, the test opens the page
//! by keyboard (`image/e2e/security.keys`) and checks the screen against its reference.

use std::time::Duration;

use super::{Timeline, wait_for_screen};
use crate::screen::{Claim, Region};
use crate::util::Result;
use crate::vm::Vm;

/// The page's upper part: the headline and the machine's own facts.
const PAGE: Claim = Claim {
    name: "security",
    says: "security: Secure Boot on with the machine's own keys, TPM 2.0, PCR 11 as signed, root verified",
    regions: &[Region {
        name: "page",
        x: 240,
        y: 0,
        w: 1040,
        // The title down to the end of "This computer" (fwupd's checks and event log below
        // it are left out).
        h: 660,
    }],
};

/// The self-test line with fwupd's host security ID.
const READY: &str = "ferrum-selftest: hsi=";
/// How long the self-test may take to hear fwupd (it loads its plugins under emulation).
const REPORT_DEADLINE: Duration = Duration::from_secs(240);
/// How long the page may take to show everything.
const SCREEN_DEADLINE: Duration = Duration::from_secs(90);

fn sync(vm: &mut Vm, timeline: &mut Timeline, name: &str) -> Result<String> {
    match name {
        "security-page" => {
            let hsi = super::wait_for_console_value(vm, timeline, READY, "fwupd", REPORT_DEADLINE)?;
            if hsi == "none" {
                return Err("fwupd did not answer the self-test (hsi=none)".into());
            }
            wait_for_screen(
                vm,
                timeline,
                &PAGE,
                SCREEN_DEADLINE,
                (READY, Duration::from_secs(8)),
            )?;
            Ok(format!(
                "fwupd answers ({hsi}); the page shows the machine's own facts"
            ))
        }
        other => Err(format!("the key script has an unknown sync point {other:?}").into()),
    }
}

/// Runs the key script against the logged-in session (the Printers page open).
pub(super) fn run(vm: &mut Vm, timeline: &mut Timeline) -> Result<String> {
    super::run_key_script(vm, timeline, "security", sync)
}
