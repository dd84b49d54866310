//! The Date & Time page in the booted image, through the session's authentication agent:
//! after the file chooser step, the person (the test account, an administrator) opens the page
//! by keyboard (`image/e2e/date-time.keys`, the same keys `tests/tests/integration/date_time_keyboard.rs`
//! sends to the app on the host), picks a time zone in the zone picker; timedated asks polkit,
//! polkit asks ferrum-settings' own agent, whose dialog takes her password (typed over QMP);
//! then timedated sets the zone. The test-tools disk's report (`image/e2e/date-time.sh`) says
//! the machine's zone each time /etc/localtime changes; the second boot's self-test says it
//! again (the zone is kept with /etc on the encrypted state partition).

use std::time::Duration;

use super::Timeline;
use crate::util::{self, Result};
use crate::vm::Vm;

/// The zone the key script picks.
pub(super) const ZONE: &str = "Asia/Tokyo";
/// The report's lines.
const REPORT: &str = "ferrum-date-time: ";
/// How long polkit and the agent may take to show the dialog under emulation: the password is
/// typed after it (keys sent before the dialog has the focus would be lost).
const AGENT: Duration = Duration::from_secs(12);
/// How long timedated may take once the password is given.
const SET: Duration = Duration::from_secs(120);

pub(super) fn zone_is(
    vm: &Vm,
    timeline: &mut Timeline,
    wanted: &str,
    deadline: Duration,
) -> Result<()> {
    super::wait_for_report_line(
        vm,
        timeline,
        (REPORT, "time zone"),
        &format!("said zone={wanted}"),
        deadline,
        |lines| {
            let (_, zone) = lines.iter().rev().find(|(key, _)| key == "zone")?;
            (zone == wanted).then_some(())
        },
    )
}

fn sync(vm: &mut Vm, timeline: &mut Timeline, name: &str) -> Result<String> {
    match name {
        "date-time-page" => {
            // The page has read timedated's state (its first snapshot) and the zone tables.
            std::thread::sleep(Duration::from_secs(5));
            timeline.push("date-time: the page is open", vm.elapsed());
            Ok(String::new())
        }
        "agent-dialog" => {
            std::thread::sleep(AGENT);
            let shot = util::target_dir()?.join("image/e2e/date-time-agent.png");
            let _ = vm.qmp.screen(Some(&shot));
            // Nothing changed before the password: polkit waits for the agent's answer.
            let lines = super::report_lines(vm, REPORT);
            if let Some((_, zone)) = lines.iter().rev().find(|(key, _)| key == "zone")
                && zone == ZONE
            {
                return Err(format!("the zone was {ZONE} before the password was given").into());
            }
            timeline.push(
                "date-time: the agent's dialog asked (screen taken)",
                vm.elapsed(),
            );
            Ok(String::new())
        }
        "zone-set" => {
            zone_is(vm, timeline, ZONE, SET)?;
            timeline.push(
                "date-time: timedated set the zone after the agent's password",
                vm.elapsed(),
            );
            Ok(format!(
                "{ZONE} picked on the page; the session's agent asked for the administrator's password, typed over QMP; /etc/localtime says {ZONE}"
            ))
        }
        other => Err(format!("the key script has an unknown sync point {other:?}").into()),
    }
}

/// Runs the key script against the logged-in session (after the file chooser step).
pub(super) fn run(vm: &mut Vm, timeline: &mut Timeline) -> Result<String> {
    super::run_key_script(vm, timeline, "date-time", |vm, timeline, name| {
        sync(vm, timeline, name)
    })
}
