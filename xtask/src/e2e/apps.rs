//! The Apps page in the booted image, on the person's own Flatpak installation with
//! libflatpak: logged in and after the Appearance step, the test opens the page by keyboard
//! (`image/e2e/apps.keys`, the same keys `tests/tests/integration/apps_keyboard.rs` sends to the app on
//! the host), adds an app source from the `.flatpakrepo` file the test-tools disk's Flatpak
//! report put in `~/Downloads` (`image/e2e/apps.sh`: the test bed's GPG-signed repo, on the
//! disk), searches it, opens the plain test app's details and installs it. The report says,
//! as the person's `flatpak` command sees it, the remote and then the app arriving.

use std::time::Duration;

use super::{Timeline, wait_for_screen};
use crate::screen::{Claim, Region};
use crate::util::Result;
use crate::vm::Vm;

/// The page with the app installed: its title, the note that says so, and the Installed
/// section with the plain test app's row (what tests/tests/snapshots/apps-keyboard-installed.png
/// shows on the host, here in the dark style the Appearance step chose).
const INSTALLED: Claim = Claim {
    name: "apps-installed",
    says: "apps: the installed app listed on the page",
    regions: &[Region {
        name: "installed",
        x: 240,
        y: 0,
        w: 1040,
        h: 360,
    }],
};

/// The GTK backend's file chooser, as cage shows a new window (the whole screen): its header
/// bar with the title the report asked for and the Cancel and Open buttons.
const CHOOSER: Claim = Claim {
    name: "file-chooser",
    says: "portals: the file chooser an app asked for is on screen",
    regions: &[Region {
        name: "header",
        x: 0,
        y: 0,
        w: 1280,
        h: 48,
    }],
};

/// The report's lines.
const REPORT: &str = "ferrum-apps: ";
/// The remote's name (the `.flatpakrepo` file's).
const REMOTE: &str = ferrum_testbed::apps::REMOTE;
/// The app the script installs.
const APP: &str = ferrum_testbed::apps::PLAIN_ID;
/// How long the report may take to offer the file (it waits for the session).
const OFFERED: Duration = Duration::from_secs(120);
/// How long one step of libflatpak's may take under emulation.
const STEP: Duration = Duration::from_secs(180);

/// Waits until the report's last `key` line satisfies `holds`; returns its value.
fn wait_for(
    vm: &Vm,
    timeline: &mut Timeline,
    key: &str,
    holds: impl Fn(&str) -> bool,
    deadline: Duration,
) -> Result<String> {
    let wanted = format!("had the {key} wanted");
    super::wait_for_report_line(
        vm,
        timeline,
        (REPORT, "Flatpak"),
        &wanted,
        deadline,
        |lines| {
            let (_, value) = lines.iter().rev().find(|(k, _)| k == key)?;
            holds(value).then(|| value.clone())
        },
    )
}

fn has(list: &str, item: &str) -> bool {
    list.split_whitespace().any(|entry| entry == item)
}

fn sync(vm: &mut Vm, timeline: &mut Timeline, name: &str) -> Result<String> {
    match name {
        "apps-page" => {
            let offered = wait_for(vm, timeline, "offered", |_| true, OFFERED)?;
            timeline.push(
                "apps: the test source's file is in ~/Downloads",
                vm.elapsed(),
            );
            // The page has read the person's (empty) installation.
            std::thread::sleep(Duration::from_secs(5));
            Ok(format!("offered {offered}"))
        }
        "source-added" => {
            wait_for(
                vm,
                timeline,
                "remotes",
                |remotes| has(remotes, REMOTE),
                STEP,
            )?;
            timeline.push(
                "apps: the page added the source (flatpak remotes --user)",
                vm.elapsed(),
            );
            // The page reads the remotes again and says so.
            std::thread::sleep(Duration::from_secs(3));
            Ok(String::new())
        }
        // The search runs on libflatpak's thread against the source's AppStream data.
        "found" => {
            std::thread::sleep(Duration::from_secs(20));
            Ok(String::new())
        }
        "installed" => {
            wait_for(vm, timeline, "apps", |apps| has(apps, APP), STEP)?;
            timeline.push(
                "apps: the page installed the app (flatpak list --user)",
                vm.elapsed(),
            );
            wait_for_screen(
                vm,
                timeline,
                &INSTALLED,
                Duration::from_secs(60),
                ("ferrum-apps: apps=", Duration::from_secs(8)),
            )?;
            Ok(format!(
                "the source added from ~/Downloads/{REMOTE}.flatpakrepo, {APP} searched, its details read and installed into the person's installation; the page lists it"
            ))
        }
        // `file-chooser.keys`: the report asks for a file once the app is installed.
        "chooser-shown" => {
            let asked = wait_for(
                vm,
                timeline,
                "chooser",
                |said| said.starts_with("asked"),
                STEP,
            )?;
            if !asked.starts_with("asked o ") {
                return Err(format!("the frontend refused OpenFile: {asked}").into());
            }
            timeline.push(
                "portals: an app's OpenFile asked through the frontend",
                vm.elapsed(),
            );
            wait_for_screen(
                vm,
                timeline,
                &CHOOSER,
                Duration::from_secs(90),
                ("ferrum-apps: chooser-backend=", Duration::from_secs(10)),
            )?;
            Ok(String::new())
        }
        // The dialog gone, the settings window is back as it was (its installed-app claim).
        "chooser-closed" => {
            wait_for_screen(
                vm,
                timeline,
                &INSTALLED,
                Duration::from_secs(60),
                ("ferrum-apps: chooser-backend=", Duration::from_secs(5)),
            )?;
            timeline.push("portals: Escape closed the file chooser", vm.elapsed());
            Ok("OpenFile through the frontend: the GTK backend's dialog on screen (xdg-desktop-portal-gtk.service active); Escape closes it and the settings window is back".to_owned())
        }
        other => Err(format!("the key script has an unknown sync point {other:?}").into()),
    }
}

/// Runs the key script against the logged-in session (the Appearance page open).
pub(super) fn run(vm: &mut Vm, timeline: &mut Timeline) -> Result<String> {
    super::run_key_script(vm, timeline, "apps", |vm, timeline, name| {
        sync(vm, timeline, name)
    })
}

/// Runs the file chooser's key script (after [`run`]).
pub(super) fn file_chooser(vm: &mut Vm, timeline: &mut Timeline) -> Result<String> {
    super::run_key_script(vm, timeline, "file-chooser", |vm, timeline, name| {
        sync(vm, timeline, name)
    })
}
