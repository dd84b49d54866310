//! Panel switch latency against the real daemons: from "the user picked
//! Power in the sidebar" to "the Power page with live daemon data is drawn".
//!
//! Run by `cargo xtask bench` against its test bed (`DBUS_SYSTEM_BUS_ADDRESS`).
//! Each iteration starts on About, selects Power, opens the page's two live
//! subscriptions (power-profiles-daemon and UPower, as the app does on entry),
//! waits for both first snapshots, applies them and renders the window with
//! tiny-skia (iced's headless renderer, 960×680 logical at scale 2). Prints a
//! human summary on stderr and one JSON object as the last stdout line.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use ferrum_ui::window::App as _;
use std::time::{Duration, Instant};

use ferrum_integration_tests::{next_within, simulator_settings};
use ferrum_panels::registry::Message as PageMessage;
use ferrum_panels::{PanelId, power};
use ferrum_services::SystemBus;
use ferrum_settings::cli::Options;
use ferrum_settings::{App, Message};
use iced_test::Simulator;

const ITERATIONS: usize = 15;

struct Sample {
    data: Duration,
    render: Duration,
}

async fn one_switch(bus: &SystemBus) -> Result<Sample, String> {
    let options = Options {
        panel: Some("about".into()),
        ..Options::default()
    };
    let (mut app, _) = App::new(&options, bus.clone());
    let start = Instant::now();
    let _ = app.update(Message::SelectPanel(PanelId::Power));
    let mut profiles = Box::pin(power::profiles_stream(bus));
    let mut supply = Box::pin(power::supply_stream(bus));
    let (first_profiles, first_supply) = tokio::join!(
        next_within(&mut profiles, "power profiles"),
        next_within(&mut supply, "power supply")
    );
    let _ = app.update(Message::Page(PageMessage::Power(first_profiles?)));
    let _ = app.update(Message::Page(PageMessage::Power(first_supply?)));
    if app.pages.power.profiles.ready().is_none() || app.pages.power.supply.ready().is_none() {
        return Err("the daemons did not answer with data".into());
    }
    let data = start.elapsed();
    let mut ui = Simulator::with_size(simulator_settings(), (960.0, 680.0), app.view());
    ui.snapshot(&app.theme())
        .map_err(|error| format!("render failed: {error}"))?;
    Ok(Sample {
        data,
        render: start.elapsed() - data,
    })
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let bus = SystemBus::from_env();
    // Warm-up: connects to the bus once, as the running app would have.
    if let Err(error) = one_switch(&bus).await {
        eprintln!("panel-switch-bench: {error}");
        return std::process::ExitCode::FAILURE;
    }
    let mut samples = Vec::new();
    for _ in 0..ITERATIONS {
        match one_switch(&bus).await {
            Ok(sample) => samples.push(sample),
            Err(error) => {
                eprintln!("panel-switch-bench: {error}");
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let data: Vec<f64> = samples.iter().map(|s| ms(s.data)).collect();
    let render: Vec<f64> = samples.iter().map(|s| ms(s.render)).collect();
    let total: Vec<f64> = samples.iter().map(|s| ms(s.data + s.render)).collect();
    eprintln!(
        "panel switch About → Power ({ITERATIONS} runs): data {:.1} ms + render {:.1} ms = {:.1} ms (medians)",
        median(data.clone()),
        median(render.clone()),
        median(total.clone())
    );
    let json = serde_json::json!({
        "iterations": ITERATIONS,
        "from": "about",
        "to": "power",
        "data_ms_median": median(data),
        "render_ms_median": median(render),
        "total_ms_median": median(total.clone()),
        "total_ms_min": total.iter().copied().fold(f64::INFINITY, f64::min),
        "total_ms_max": total.iter().copied().fold(0.0, f64::max),
        "render": "iced_test tiny-skia, 960x680 logical at scale 2",
    });
    println!("{json}");
    std::process::ExitCode::SUCCESS
}
