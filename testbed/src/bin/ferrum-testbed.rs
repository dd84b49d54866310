//! `ferrum-testbed up [polkit] [polkitd] [power-profiles] [upower] [logind] [networkmanager]
//! [network-manager] [resolved] [--no-stdin]`
//!
//! Starts a test bed (no service names = polkit, power-profiles and upower), keeps its folder,
//! prints `DBUS_SYSTEM_BUS_ADDRESS=<addr>` and `FERRUM_TESTBED_DIR=<dir>` on stdout (and
//! `FERRUM_TESTBED_NETNS=<name>` with the real NetworkManager or resolved: try
//! `ip netns exec <name> ip addr`), then waits until
//! stdin reaches EOF (unless `--no-stdin`) or SIGTERM/SIGINT/SIGHUP arrives, and tears the bed
//! down (the folder with the logs stays).

use std::io::{self, Write as _};
use std::process::ExitCode;

use ferrum_testbed::{Service, TestBed};
use tokio::signal::unix::{SignalKind, signal};

const USAGE: &str = "usage: ferrum-testbed up [polkit] [polkitd] [power-profiles] [upower] [logind] [networkmanager] [network-manager] [resolved] [--no-stdin]
  polkit: the allow-everything mock; polkitd: the real polkitd (testbed/src/polkit.rs)
  networkmanager: the mock; network-manager: the real NetworkManager in a network namespace";
const ALL: [Service; 3] = [Service::Polkit, Service::PowerProfiles, Service::UPower];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(options) = parse(&args) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ferrum-testbed: {error}");
            ExitCode::FAILURE
        }
    }
}

#[derive(Debug)]
struct Options {
    services: Vec<Service>,
    watch_stdin: bool,
}

fn parse(args: &[String]) -> Option<Options> {
    let (command, rest) = args.split_first()?;
    if command != "up" {
        return None;
    }
    let mut options = Options {
        services: Vec::new(),
        watch_stdin: true,
    };
    for arg in rest {
        let service = match arg.as_str() {
            "--no-stdin" => {
                options.watch_stdin = false;
                continue;
            }
            "polkit" | "polkit-mock" => Service::Polkit,
            "polkitd" => Service::PolkitDaemon,
            "power-profiles" | "power-profiles-daemon" => Service::PowerProfiles,
            "upower" | "upowerd" => Service::UPower,
            "logind" | "logind-mock" => Service::Logind,
            "networkmanager" | "networkmanager-mock" => Service::NetworkManagerMock,
            "network-manager" | "NetworkManager" => Service::NetworkManager,
            "resolved" | "systemd-resolved" => Service::Resolved,
            _ => return None,
        };
        if !options.services.contains(&service) {
            options.services.push(service);
        }
    }
    if options.services.is_empty() {
        options.services = ALL.to_vec();
    }
    Some(options)
}

#[derive(Debug, thiserror::Error)]
enum RunError {
    #[error(transparent)]
    TestBed(#[from] ferrum_testbed::Error),
    #[error(transparent)]
    Io(#[from] io::Error),
}

#[allow(clippy::print_stdout)]
fn run(options: &Options) -> Result<(), RunError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // Register the handlers before starting anything: the children live in their own process
    // groups, so a Ctrl-C during start-up must reach our teardown rather than kill only us.
    let (mut term, mut int, mut hup) = runtime.block_on(async {
        Ok::<_, io::Error>((
            signal(SignalKind::terminate())?,
            signal(SignalKind::interrupt())?,
            signal(SignalKind::hangup())?,
        ))
    })?;

    let mut bed = TestBed::start(&options.services)?;
    let dir = bed.keep_dir();
    {
        let mut out = io::stdout().lock();
        writeln!(out, "DBUS_SYSTEM_BUS_ADDRESS={}", bed.system_bus_address())?;
        writeln!(out, "FERRUM_TESTBED_DIR={}", dir.display())?;
        if let Some(netns) = bed.network_namespace() {
            writeln!(out, "FERRUM_TESTBED_NETNS={netns}")?;
        }
        out.flush()?;
    }
    eprintln!(
        "ferrum-testbed: up ({}); {} to tear down",
        options
            .services
            .iter()
            .map(|s| s.label())
            .collect::<Vec<_>>()
            .join(", "),
        if options.watch_stdin {
            "close stdin (Ctrl-D), Ctrl-C or SIGTERM"
        } else {
            "Ctrl-C or SIGTERM"
        }
    );

    let (eof_tx, eof_rx) = tokio::sync::oneshot::channel::<()>();
    // Without stdin watching the sender is kept here, so the receiver never completes.
    let _unused_sender = if options.watch_stdin {
        std::thread::spawn(move || {
            let _ = io::copy(&mut io::stdin().lock(), &mut io::sink());
            let _ = eof_tx.send(());
        });
        None
    } else {
        Some(eof_tx)
    };
    let reason = runtime.block_on(async {
        tokio::select! {
            _ = term.recv() => "SIGTERM",
            _ = int.recv() => "SIGINT",
            _ = hup.recv() => "SIGHUP",
            _ = eof_rx => "end of stdin",
        }
    });
    eprintln!(
        "ferrum-testbed: {reason}, tearing down (logs stay in {})",
        dir.display()
    );
    drop(bed);
    Ok(())
}
