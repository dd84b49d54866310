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
mod greeter;
mod image;
mod proxies;
mod util;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  deps      install the Debian packages the project needs (only the missing ones)
  test      everything CI runs: deps, fmt check, clippy -D warnings, tests
  demo      screenshot every panel in both themes and the greeter against real daemons -> target/demo/
  bench     cold start, first view and peak RSS of the settings app and the greeter under headless sway -> target/bench/
  proxies   regenerate services/src/proxies/*.rs from services/interfaces/*.xml
  image     build the Ferrum UKI with mkosi (Debian trixie + the release binaries) -> target/image/
  image e2e boot the UKI headless under QEMU, see the greeter, log in through greetd (wrong password first)
  boot      boot the UKI headless under QEMU (console log and QMP socket printed)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match args.as_slice() {
        [command] => command.as_str(),
        [image, e2e] if image == "image" && e2e == "e2e" => "image e2e",
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
        "image e2e" => boot::e2e(),
        "boot" => boot::boot(),
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
