//! The Printers page against the machine's real CUPS, in the booted image: the boot
//! self-test (`image/mkosi.extra/usr/lib/ferrum/selftest`) adds a queue "Ferrum Self-Test"
//! on the first boot and reports whether cupsd, cups-pk-helper (activated on the system bus)
//! and avahi-daemon answer; logged in and after the Sound steps, the test opens the Printers
//! page by keyboard (`image/e2e/printers.keys`) and checks the screen. The second boot's
//! report says whether the queue survived the reboot (CUPS's `/etc/cups` is kept on the
//! persistent partition).

use std::time::Duration;

use super::{Timeline, wait_for_screen};
use crate::screen::{Claim, Region};
use crate::util::Result;
use crate::vm::Vm;

/// The Printers page with the self-test's queue.
const PAGE: Claim = Claim {
    name: "printers",
    says: "printers: the page shows the self-test's queue",
    regions: &[Region {
        name: "page",
        x: 240,
        y: 0,
        w: 1040,
        h: 560,
    }],
};

/// The self-test line that says the queue exists and the printing services answered.
const READY: &str = "ferrum-selftest: printing=";
/// How long the self-test may take to add its queue.
const REPORT_DEADLINE: Duration = Duration::from_secs(180);
/// How long the page may take to show it.
const SCREEN_DEADLINE: Duration = Duration::from_secs(90);

fn sync(vm: &mut Vm, timeline: &mut Timeline, name: &str) -> Result<String> {
    match name {
        "printers-page" => {
            let services =
                super::wait_for_console_value(vm, timeline, READY, "printing", REPORT_DEADLINE)?;
            if services != "cups,pk-helper,avahi,queue" {
                return Err(format!(
                    "the printing services did not all answer: printing={services}"
                )
                .into());
            }
            wait_for_screen(
                vm,
                timeline,
                &PAGE,
                SCREEN_DEADLINE,
                (READY, Duration::from_secs(8)),
            )?;
            Ok(format!(
                "cupsd, cups-pk-helper and avahi-daemon answer ({services}); the page shows the queue"
            ))
        }
        other => Err(format!("the key script has an unknown sync point {other:?}").into()),
    }
}

/// Runs the key script against the logged-in session (the Sound page open).
pub(super) fn run(vm: &mut Vm, timeline: &mut Timeline) -> Result<String> {
    super::run_key_script(vm, timeline, "printers", sync)
}
