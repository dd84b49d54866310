//! Project commands for the Ferrum workspace, run as `cargo xtask <command>`.
//!
//! Arguments are parsed by hand to keep this crate light.

// Printing progress, tables and reports on stdout is what this program is for.
#![allow(clippy::print_stdout)]

mod appearance;
mod apps_bed;
mod bench;
mod boot;
mod ci;
mod compositor;
mod demo;
mod deps;
mod e2e;
mod firmware;
mod greeter;
mod image;
mod keys;
mod printers;
mod proxies;
mod qmp;
mod screen;
mod sound;
mod tools;
mod util;
mod vm;

use std::process::ExitCode;

use e2e::Layout;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  deps      install the Debian packages the project needs (only the missing ones)
  test      everything CI runs: deps, fmt check, clippy -D warnings, tests
  demo      screenshot every panel in both themes and the greeter against real daemons -> target/demo/
  demo sound
            only the Sound page in both themes, against a private PipeWire with a stream playing
  demo printers
            only the Printers page in both themes, against the printing bed's cupsd (a paused queue, a job waiting)
  demo firmware
            only the Firmware page in both themes, against the firmware bed's fwupd (the webcam's update being written)
  demo security
            only the Device Security page in both themes, against fwupd emulating a ThinkPad (HSI:2!) and this host's facts
  demo appearance
            only the Appearance page, light and dark as chosen in its preferences file (no --theme), with an accent
  demo apps
            only the Apps page and one app's permissions in both themes, against the apps bed's Flatpak
  demo date-time | demo region
            only the Date & Time (real timedated) or the Region & Language page (real localed and
            accounts-daemon) in both themes
  demo users
            only the Users page (real accounts-daemon) in both themes
  demo agent
            only the authentication agent's dialog in both themes, raised by the real polkitd for a
            time zone change on the Date & Time page, then cancelled
  bench     cold start, first view and peak RSS of the settings app and the greeter under headless sway -> target/bench/
            (with the last image boot's figures); the Sound page: panel switch, and CPU over 20 s idle and
            with a stream playing against the About page's
  bench sound
            only the panel switches and the CPU rows -> target/bench/bench-sound.json
  bench printers
            only the panel switches (About -> Printers against the printing bed's cupsd) -> target/bench/bench-printers.json
  bench firmware | bench security
            only the panel switches (About -> Firmware and About -> Device Security against the firmware bed's fwupd)
            -> target/bench/bench-firmware.json
  bench appearance
            only the panel switches, with About -> Appearance -> target/bench/bench-appearance.json
  bench apps
            only the panel switches, with About -> Apps against the apps bed's Flatpak -> target/bench/bench-apps.json
  bench date-time | bench region
            only the panel switches, with About -> Date & Time (real timedated) and About -> Region & Language
            (real localed and accounts-daemon) -> target/bench/bench-region.json
  bench boot [initramfs|verity]
            boot each built image layout once: time to the kernel, sysinit.target, greetd, the greeter's first frame, settled
  proxies   regenerate services/src/proxies/*.rs from services/interfaces/*.xml
  image     build the shipped image with mkosi (Debian trixie + the release binaries): a small signed UKI
            and a disk with an ESP and a dm-verity EROFS root -> target/image/
  image initramfs
            build the other root layout, the whole system in a signed UKI's initramfs -> target/image-initramfs/
  image keys [--new]
            make this machine's Secure Boot and PCR signing keys and enrolled OVMF variables (cache folder, never committed)
  image e2e boot the UKI under QEMU with Secure Boot and a TPM: unsigned/tampered refused, greeter, login
            through greetd (wrong password first), boot self-test, second boot for persistence; timeline
  boot      boot the shipped image under QEMU/OVMF/swtpm, in a window when a display exists (console log and QMP socket printed)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match args.as_slice() {
        [command] => command.as_str(),
        [image, e2e] if image == "image" && e2e == "e2e" => "image e2e",
        [image, keys] if image == "image" && keys == "keys" => "image keys",
        [image, initramfs] if image == "image" && initramfs == "initramfs" => "image initramfs",
        [bench, boot] if bench == "bench" && boot == "boot" => "bench boot",
        [demo, sound] if demo == "demo" && sound == "sound" => "demo sound",
        [bench, sound] if bench == "bench" && sound == "sound" => "bench sound",
        [demo, printers] if demo == "demo" && printers == "printers" => "demo printers",
        [bench, printers] if bench == "bench" && printers == "printers" => "bench printers",
        [demo, page] if demo == "demo" && page == "firmware" => "demo firmware",
        [demo, page] if demo == "demo" && page == "security" => "demo security",
        [demo, page] if demo == "demo" && page == "appearance" => "demo appearance",
        [demo, page] if demo == "demo" && page == "apps" => "demo apps",
        [demo, page] if demo == "demo" && page == "date-time" => "demo date-time",
        [demo, page] if demo == "demo" && page == "region" => "demo region",
        [demo, page] if demo == "demo" && page == "users" => "demo users",
        [demo, page] if demo == "demo" && page == "agent" => "demo agent",
        [bench, page] if bench == "bench" && (page == "date-time" || page == "region") => {
            "bench region"
        }
        [bench, page] if bench == "bench" && page == "apps" => "bench apps",
        [bench, page] if bench == "bench" && page == "appearance" => "bench appearance",
        [bench, page] if bench == "bench" && (page == "firmware" || page == "security") => {
            "bench firmware"
        }
        [bench, boot, layout] if bench == "bench" && boot == "boot" && layout == "initramfs" => {
            "bench boot initramfs"
        }
        [bench, boot, layout] if bench == "bench" && boot == "boot" && layout == "verity" => {
            "bench boot verity"
        }
        [image, keys, new] if image == "image" && keys == "keys" && new == "--new" => {
            "image keys --new"
        }
        [] | [_, ..] => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match command {
        "deps" => deps::run(),
        "test" => ci::run(),
        "demo" => demo::run(demo::Scope::All),
        "demo sound" => demo::run(demo::Scope::Sound),
        "demo printers" => demo::run(demo::Scope::Printers),
        "demo firmware" => demo::run(demo::Scope::Firmware),
        "demo security" => demo::run(demo::Scope::Security),
        "demo appearance" => demo::run(demo::Scope::Appearance),
        "demo apps" => demo::run(demo::Scope::Apps),
        "demo date-time" => demo::run(demo::Scope::DateTime),
        "demo region" => demo::run(demo::Scope::Region),
        "demo users" => demo::run(demo::Scope::Users),
        "demo agent" => demo::run(demo::Scope::Agent),
        "bench" => bench::run(bench::Scope::All),
        "bench sound" => bench::run(bench::Scope::Sound),
        "bench printers" => bench::run(bench::Scope::Printers),
        "bench firmware" => bench::run(bench::Scope::Firmware),
        "bench appearance" => bench::run(bench::Scope::Appearance),
        "bench apps" => bench::run(bench::Scope::Apps),
        "bench region" => bench::run(bench::Scope::Machine),
        "proxies" => proxies::run(),
        "image" => image::run(),
        "image e2e" => e2e::run(),
        "bench boot" => bench::run_boot(&[Layout::Initramfs, Layout::Verity]),
        "bench boot initramfs" => bench::run_boot(&[Layout::Initramfs]),
        "bench boot verity" => bench::run_boot(&[Layout::Verity]),
        "image keys" => keys::run(false),
        "image initramfs" => image::build_initramfs().map(|_| ()),
        "image keys --new" => keys::run(true),
        "boot" => boot::run(),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            eprintln!("xtask: unknown command {other:?}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask {command}: error: {error}");
            ExitCode::FAILURE
        }
    }
}
