//! `ferrum-greeter [--config FILE]`: the login screen, started by greetd
//! (`GREETD_SOCK` names its socket) — or, while the machine has no person on it, the
//! first-boot setup in its place (see `ferrum_greeter::mode`; `--setup` forces it).

use std::io::Write;
use std::path::PathBuf;

use ferrum_greeter::Greeter;
use ferrum_greeter::app::Options;
use ferrum_greeter::login::Link;
use ferrum_greeter::mode::{self, Mode};
use ferrum_greeter::setup::{Setup, SetupOptions};
use ferrum_services::SystemBus;
use ferrum_ui::window;

const USAGE: &str =
    "usage: ferrum-greeter [--config FILE] [--layouts FILE] [--speech-socket PATH] [--setup]";

fn parse(args: impl Iterator<Item = String>) -> Result<(Options, bool), String> {
    let mut options = Options::default();
    let mut setup = false;
    let mut args = args;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .map(PathBuf::from)
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--config" => options.config = Some(value("--config")?),
            "--layouts" => options.layouts = Some(value("--layouts")?),
            "--speech-socket" => options.speech_socket = Some(value("--speech-socket")?),
            "--setup" => setup = true,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok((options, setup))
}

/// Whether the setup takes the login screen's place: forced, or no person on the machine.
fn choose_mode(bus: &SystemBus, forced: bool) -> Mode {
    if forced {
        return Mode::Setup;
    }
    match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        // A handle of its own: its connection belongs to this short-lived runtime and
        // must not be the one the window's runtime later reuses.
        Ok(runtime) => runtime.block_on(mode::decide(&SystemBus::with_address(bus.address()))),
        Err(error) => {
            tracing::warn!(%error, "no runtime to ask AccountsService; showing the login screen");
            Mode::Login
        }
    }
}

fn main() -> std::process::ExitCode {
    // Before anything is typed: no core dump, no ptrace by the same user.
    let undumpable = ferrum_greeter::secret::forbid_core_dumps();
    window::start_process();
    if let Err(error) = undumpable {
        tracing::warn!(%error, "could not make the login screen non-dumpable");
    }
    let (options, forced_setup) = match parse(std::env::args().skip(1)) {
        Ok(parsed) => parsed,
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "ferrum-greeter: {error}\n{USAGE}");
            return std::process::ExitCode::from(2);
        }
    };
    if let Err(problem) = window::wayland_display(|name| std::env::var(name).ok()) {
        let _ = writeln!(std::io::stderr(), "ferrum-greeter: {problem}");
        return std::process::ExitCode::FAILURE;
    }
    let bus = SystemBus::from_env();
    if choose_mode(&bus, forced_setup) == Mode::Setup {
        tracing::info!("no person on this machine: the first-boot setup");
        let options = SetupOptions {
            greeter: options,
            zone_table: None,
        };
        return window::run(
            move || Setup::new(&options, bus.clone(), Link::from_env()),
            (1024.0, 700.0),
            "the first-boot setup",
        );
    }
    window::run(
        move || Greeter::new(&options, bus.clone(), Link::from_env()),
        (1024.0, 700.0),
        "the login screen",
    )
}
