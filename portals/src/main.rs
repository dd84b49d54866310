//! `ferrum-portal [--preferences FILE]`: the Settings portal backend on the session bus.
//! D-Bus activated (`org.freedesktop.impl.portal.desktop.ferrum`) or started by its user unit.
//! Logs go to stderr (the journal under systemd); `RUST_LOG` sets the level (default `info`).

use std::path::PathBuf;
use std::process::ExitCode;

use ferrum_accessibility::Preferences;

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();
    let mut args = std::env::args_os().skip(1);
    let mut path: Option<PathBuf> = None;
    while let Some(arg) = args.next() {
        match (arg.to_str(), args.next()) {
            (Some("--preferences"), Some(file)) => path = Some(PathBuf::from(file)),
            _ => {
                tracing::error!("usage: ferrum-portal [--preferences FILE]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = path.or_else(Preferences::default_path) else {
        tracing::error!("neither XDG_CONFIG_HOME nor HOME is set: no preferences file to serve");
        return ExitCode::FAILURE;
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            tracing::error!(%error, "no async runtime");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(ferrum_portal::settings::serve(path)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "the portal stopped");
            ExitCode::FAILURE
        }
    }
}
