//! Project commands for the Ferrum workspace, run as `cargo xtask <command>`.
//!
//! Arguments are parsed by hand to keep this crate light.

// Printing progress, tables and reports on stdout is what this program is for.
#![allow(clippy::print_stdout)]

mod bench;
mod boot;
mod ci;
mod compositor;
mod demo;
mod deps;
mod e2e;
mod greeter;
mod image;
mod keys;
mod proxies;
mod qmp;
mod tools;
mod util;
mod vm;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  deps      install the Debian packages the project needs (only the missing ones)
  test      everything CI runs: deps, fmt check, clippy -D warnings, tests
  demo      screenshot every panel in both themes and the greeter against real daemons -> target/demo/
  bench     cold start, first view and peak RSS of the settings app and the greeter under headless sway -> target/bench/
            (with the last image boot's figures)
  bench boot
            boot the image once: time to the kernel, sysinit.target, greetd, the greeter's first frame, settled
  proxies   regenerate services/src/proxies/*.rs from services/interfaces/*.xml
  image     build the signed Ferrum UKI with mkosi + ukify (Debian trixie + the release binaries) -> target/image/
  image verity
            build the other root layout (small UKI + dm-verity EROFS root disk) -> target/image-verity/
  image sign
            sign the last unsigned UKI again (after new keys) -> target/image/ferrum.efi
  image keys [--new]
            make this machine's Secure Boot and PCR signing keys and enrolled OVMF variables (cache folder, never committed)
  image e2e boot the UKI under QEMU with Secure Boot and a TPM: unsigned/tampered refused, greeter, login
            through greetd (wrong password first), boot self-test, second boot for persistence; timeline
  boot      boot the signed UKI headless under QEMU/OVMF/swtpm (console log and QMP socket printed)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match args.as_slice() {
        [command] => command.as_str(),
        [image, e2e] if image == "image" && e2e == "e2e" => "image e2e",
        [image, keys] if image == "image" && keys == "keys" => "image keys",
        [image, sign] if image == "image" && sign == "sign" => "image sign",
        [image, verity] if image == "image" && verity == "verity" => "image verity",
        [bench, boot] if bench == "bench" && boot == "boot" => "bench boot",
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
        "demo" => demo::run(),
        "bench" => bench::run(),
        "proxies" => proxies::run(),
        "image" => image::run(),
        "image e2e" => e2e::run(),
        "bench boot" => bench::run_boot(),
        "image keys" => keys::run(false),
        "image sign" => image::sign_again(),
        "image verity" => image::build_verity().map(|_| ()),
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
