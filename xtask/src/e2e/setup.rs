//! The first-boot setup in the booted image: a blank machine has no person (the product image
//! ships no account), so the greeter shows the setup in the login screen's place; the e2e makes
//! its test account through it by keyboard (`image/e2e/setup.keys`, the same keys
//! `tests/tests/integration/setup_keyboard.rs` sends to the setup on the host): English and the
//! US layout kept, [`ZONE`] found by search and set through timedated (polkit lets the
//! greeter's user while no person exists), no network, then Ada Lovelace (`ada`, an
//! administrator) with [`super::TEST_PASSWORD`] — and the setup logs her straight into her
//! session. The test-tools disk's time zone report (`image/e2e/date-time.sh`) says when the zone
//! reached the machine.

use std::time::Duration;

use super::{SESSION_SETTINGS, Timeline};
use crate::screen::{Claim, Region};
use crate::util::Result;
use crate::vm::Vm;

/// The zone the setup's key script picks.
pub(super) const ZONE: &str = "Europe/Berlin";

/// The setup's first step on screen: its card (the language list, "Choose your language") and
/// its bar ("Step 1 of 6", the Accessibility button) — nothing that changes by itself (no clock).
pub(super) const SETUP: Claim = Claim {
    name: "setup",
    says: "setup: the first step (language) on screen",
    regions: &[
        Region {
            name: "card",
            x: 390,
            y: 200,
            w: 500,
            h: 300,
        },
        Region {
            name: "bar",
            x: 0,
            y: 750,
            w: 1280,
            h: 50,
        },
    ],
};

/// How long timedated may take to set the zone under emulation.
const ZONE_SET: Duration = Duration::from_secs(120);
/// How long the account may take: the greeter hashes the password (SHA-512 crypt, 100000
/// rounds) under emulation, accounts-daemon runs adduser, then greetd starts the session and
/// ferrum-settings reads the daemons.
const SESSION: Duration = Duration::from_secs(300);

/// The setup's first step, ready for keys: returns seconds since QEMU started.
pub(super) fn on_screen(vm: &mut Vm, timeline: &mut Timeline) -> Result<f64> {
    let shown = super::wait_for_screen(
        vm,
        timeline,
        &SETUP,
        super::BOOT_DEADLINE,
        ("Reached target graphical.target", Duration::from_secs(40)),
    )?;
    // The window takes the keyboard focus from the compositor a moment after it draws.
    std::thread::sleep(Duration::from_secs(2));
    Ok(shown)
}

fn sync(vm: &mut Vm, timeline: &mut Timeline, name: &str) -> Result<String> {
    match name {
        "setup-shown" => {
            let at = on_screen(vm, timeline)?;
            Ok(format!("the setup on screen at {at:.1} s"))
        }
        "zone-set" => {
            super::date_time::zone_is(vm, timeline, ZONE, ZONE_SET)?;
            timeline.push("setup: timedated set the zone", vm.elapsed());
            // The network step replaces the zone step once the answer came back.
            std::thread::sleep(Duration::from_secs(3));
            Ok(String::new())
        }
        "account-made" => {
            let asked = vm.elapsed();
            let session = super::wait_for_screen(
                vm,
                timeline,
                &SESSION_SETTINGS,
                SESSION,
                ("", Duration::from_secs(60)),
            )?;
            Ok(format!(
                "Ada Lovelace (ada, administrator) made by the setup; {ZONE} set; her session with ferrum-settings {:.1} s after Create account",
                session - asked
            ))
        }
        other => Err(format!("the key script has an unknown sync point {other:?}").into()),
    }
}

/// Runs the key script from the blank machine's first screen to the person's session.
pub(super) fn run(vm: &mut Vm, timeline: &mut Timeline) -> Result<String> {
    super::run_key_script(vm, timeline, "setup", |vm, timeline, name| {
        sync(vm, timeline, name)
    })
}
