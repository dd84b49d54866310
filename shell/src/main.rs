//! `ferrum-settings [PANEL] [--theme light|dark]`

use std::io::Write;

use ferrum_panels::PanelId;
use ferrum_services::SystemBus;
use ferrum_settings::app::App;
use ferrum_settings::cli;

fn main() -> std::process::ExitCode {
    ferrum_ui::window::start_process();

    let options = match cli::parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(error) => {
            let _ = writeln!(
                std::io::stderr(),
                "ferrum-settings: {error}\n{}",
                cli::USAGE
            );
            return std::process::ExitCode::from(2);
        }
    };
    if options.help || options.list_panels {
        let mut out = std::io::stdout().lock();
        if options.help {
            let _ = writeln!(out, "{}", cli::USAGE);
        }
        for panel in PanelId::ALL.iter() {
            let _ = writeln!(out, "{}", panel.slug());
        }
        return std::process::ExitCode::SUCCESS;
    }

    if let Err(problem) = ferrum_ui::window::wayland_display(|name| std::env::var(name).ok()) {
        let _ = writeln!(std::io::stderr(), "ferrum-settings: {problem}");
        return std::process::ExitCode::FAILURE;
    }

    let bus = SystemBus::from_env();
    ferrum_ui::window::run(
        move || App::new(&options, bus.clone()),
        (960.0, 680.0),
        "the settings window",
    )
}
