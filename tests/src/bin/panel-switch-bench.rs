//! Panel switch latency against the real daemons: from "the user picked a
//! panel in the sidebar" to "the page with live daemon data is drawn".
//!
//! Run by `cargo xtask bench` against its test bed (`DBUS_SYSTEM_BUS_ADDRESS`).
//! Each iteration starts on About, selects the panel, opens the page's live
//! subscriptions (as the app does on entry), waits for their first snapshots,
//! applies them and renders the window with tiny-skia (iced's headless
//! renderer, 960×680 logical at scale 2). Two switches, in this order:
//!
//! - About → Power, the reference: power-profiles-daemon and UPower;
//! - About → Bluetooth: the page's BlueZ stream (bluer; registers the pairing
//!   agent and starts discovery before its first snapshot) against the bed's
//!   bluez5 mock, which must show at least one paired and one nearby device.
//!   bluer opens its session once per process: the untimed warm-up switch
//!   opens it (as the app's first visit to the page does; that switch's time
//!   is reported apart as `first_switch_ms`), the timed ones reuse it. Leaving
//!   the page (dropping the stream) unregisters the agent and stops discovery
//!   in the background, so each Bluetooth iteration starts after a short
//!   untimed pause;
//! - About → Sound, when `PIPEWIRE_REMOTE` names a PipeWire (`cargo xtask
//!   bench` passes its audio bed's socket): the page's PipeWire watch, up to
//!   its first snapshot listing an output and an input. Each switch is a new
//!   app whose page opens its own PipeWire connection (as the app does on
//!   each visit: leaving the page closes it).
//! - About → Printers, when `CUPS_SERVER` names a cupsd (`cargo xtask bench`
//!   passes its printing bed's, with one queue furnished): the page's CUPS
//!   watch (IPP to cupsd, its D-Bus notifier subscription), up to its first
//!   snapshot listing a printer. Each switch is a new app whose page opens
//!   its own watch.
//! - About → Firmware and About → Device Security, when `FERRUM_BENCH_FWUPD`
//!   is set (`cargo xtask bench firmware` sets it, its bed running the real
//!   fwupd of the firmware bed): Firmware's fwupd watch up to the first
//!   snapshot offering the webcam's update, with what decides the automatic
//!   refresh (fwupd's remotes, NetworkManager) read as on entry; Device
//!   Security's watch up to the first snapshot with its checks and the event
//!   log read after it, with this computer's facts read as on entry. Each
//!   switch is a new app whose page opens its own watch.
//! - About → Appearance, when `FERRUM_BENCH_APPEARANCE` is set (`cargo xtask
//!   bench` and `cargo xtask bench appearance` set it): no daemon and nothing
//!   to wait for, the page draws the preferences the app read at start (the
//!   Accessibility page's), so the switch is the page entered and drawn.
//!
//! - About → Apps, when `FERRUM_BENCH_APPS` is set (`cargo xtask bench apps`
//!   sets it, with `FLATPAK_USER_DIR` and `FLATPAK_SYSTEM_DIR` naming the apps
//!   bed's installations): the page's Flatpak watch (libflatpak on its worker
//!   thread) up to the first snapshot listing the installed apps, with the
//!   remotes and the updates read as entering the page asks (the update check
//!   asks the bed's signed repo on 127.0.0.1). Each switch is a new app whose
//!   page starts its own Flatpak worker.
//!
//! - About → Date & Time and About → Region & Language, when
//!   `FERRUM_BENCH_MACHINE` is set (`cargo xtask bench` and `cargo xtask bench
//!   region` set it, their bed running the real timedated, localed and
//!   accounts-daemon): Date & Time's timedated watch up to its first snapshot
//!   with the zone tables and every zone's offset read as entering the page
//!   asks; Region & Language's localed and AccountsService watches up to their
//!   first snapshots with xkeyboard-config's layouts read as on entry. Each
//!   switch is a new app whose page opens its own watches.
//!
//! - About → Users, with the same variable (the bed's real accounts-daemon): the page's
//!   AccountsService watch up to its first list of people. A new app each switch.
//!
//! Prints a human summary on stderr and one JSON object as the last stdout
//! line: the Power switch's figures at the top level (as before) and every
//! switch, with its samples, under `switches`.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use ferrum_ui::window::App as _;
use std::any::Any;
use std::time::{Duration, Instant};

use ferrum_integration_tests::{next_within, simulator_settings};
use ferrum_panels::registry::Message as PageMessage;
use ferrum_panels::{
    Page, PageRequest, PanelId, apps, bluetooth, date_time, firmware, power, printers, region,
    security, sound, users,
};
use ferrum_services::ServiceUpdate;
use ferrum_services::SystemBus;
use ferrum_services::audio::{Direction, Update as AudioUpdate};
use ferrum_services::bluetooth::Update;
use ferrum_services::firmware::Update as FirmwareUpdate;
use ferrum_services::printers::{CupsServer, Update as PrintersUpdate};
use ferrum_settings::cli::Options;
use ferrum_settings::{App, Message};
use futures::StreamExt as _;
use iced_test::Simulator;

const ITERATIONS: usize = 15;
/// Untimed pause before each Bluetooth switch (see the module docs).
const BLUETOOTH_PAUSE: Duration = Duration::from_millis(200);

/// The panel a switch goes to.
#[derive(Debug, Clone, Copy)]
enum Target {
    Power,
    Bluetooth,
    Sound,
    Printers,
    Firmware,
    DeviceSecurity,
    Appearance,
    Apps,
    DateTime,
    Region,
    Users,
}

impl Target {
    fn slug(self) -> &'static str {
        match self {
            Target::Power => "power",
            Target::Bluetooth => "bluetooth",
            Target::Sound => "sound",
            Target::Printers => "printers",
            Target::Firmware => "firmware",
            Target::DeviceSecurity => "security",
            Target::Appearance => "appearance",
            Target::Apps => "apps",
            Target::DateTime => "date-time",
            Target::Region => "region",
            Target::Users => "users",
        }
    }

    fn panel(self) -> PanelId {
        match self {
            Target::Power => PanelId::Power,
            Target::Bluetooth => PanelId::Bluetooth,
            Target::Sound => PanelId::Sound,
            Target::Printers => PanelId::Printers,
            Target::Firmware => PanelId::Firmware,
            Target::DeviceSecurity => PanelId::DeviceSecurity,
            Target::Appearance => PanelId::Appearance,
            Target::Apps => PanelId::Apps,
            Target::DateTime => PanelId::DateTime,
            Target::Region => PanelId::Region,
            Target::Users => PanelId::Users,
        }
    }

    /// What the page waits for, for the report.
    fn data(self) -> &'static str {
        match self {
            Target::Power => "first snapshots of power-profiles-daemon and UPower",
            Target::Bluetooth => {
                "first snapshot of the BlueZ stream (agent registered, discovery started; \
                 bluez5 mock with a paired and two nearby devices)"
            }
            Target::Sound => {
                "first PipeWire snapshot listing an output and an input (new connection; the \
                 audio bed's two null outputs and null input)"
            }
            Target::Printers => {
                "first CUPS snapshot listing a printer (IPP to the printing bed's cupsd, its \
                 D-Bus notifier subscribed; one driverless queue with a job)"
            }
            Target::Firmware => {
                "first fwupd snapshot offering an update (the firmware bed's fwupd: the test \
                 plugin's webcam, 1.2.4 from a local remote) and the remotes and network read \
                 for the automatic refresh"
            }
            Target::DeviceSecurity => {
                "first fwupd snapshot with its host security checks and the event log read \
                 after it (the firmware bed's fwupd), and this computer's facts (Secure Boot, \
                 TPM, PCR 11, the root) read from disk"
            }
            Target::Appearance => {
                "nothing to wait for (no daemon): the page entered, showing the preferences \
                 the app read at start"
            }
            Target::Apps => {
                "first Flatpak snapshot listing the installed apps (libflatpak on the page's \
                 worker thread; the apps bed's user and system installations) and the remotes \
                 and updates read as on entry (the update check asks the bed's signed repo on \
                 127.0.0.1)"
            }
            Target::DateTime => {
                "first timedated snapshot (the bed's real timedated) and the zone tables with \
                 every zone's offset read as entering the page asks"
            }
            Target::Region => {
                "first snapshots of localed and AccountsService (the bed's real daemons) and \
                 xkeyboard-config's layouts read as entering the page asks"
            }
            Target::Users => {
                "first list of people from AccountsService (the bed's real accounts-daemon)"
            }
        }
    }
}

struct Sample {
    data: Duration,
    render: Duration,
}

impl Sample {
    fn total(&self) -> Duration {
        self.data + self.render
    }
}

/// About → Power: the page's two live subscriptions.
async fn to_power(app: &mut App, bus: &SystemBus) -> Result<(), String> {
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
    Ok(())
}

/// The Bluetooth page's live stream, kept while the page is drawn.
type BluetoothStream = futures::stream::BoxStream<'static, bluetooth::Message>;

/// About → Bluetooth: the page's live subscription, up to its first snapshot. The stream
/// is returned: the app keeps it while the page is shown.
async fn to_bluetooth(app: &mut App, bus: &SystemBus) -> Result<BluetoothStream, String> {
    let mut updates = bluetooth::watch_stream(bus).boxed();
    let first = next_within(&mut updates, "the BlueZ stream's first update").await?;
    if !matches!(first, bluetooth::Message::Watched(Update::Snapshot(_))) {
        return Err(format!(
            "the BlueZ stream began with {first:?}, not a snapshot"
        ));
    }
    let _ = app.update(Message::Page(PageMessage::Bluetooth(first)));
    let shown = app
        .pages
        .bluetooth
        .snapshot()
        .is_some_and(|snapshot| !snapshot.paired().is_empty() && !snapshot.nearby().is_empty());
    if !shown {
        return Err("the Bluetooth page has no paired and nearby devices to show".into());
    }
    Ok(updates)
}

/// The Sound page's PipeWire watch, kept while the page is drawn.
type SoundStream = futures::stream::BoxStream<'static, sound::Message>;

/// About → Sound: the page's watch on its PipeWire, up to the first snapshot with an output
/// and an input. The stream is returned: the app keeps it while the page is shown.
async fn to_sound(app: &mut App) -> Result<SoundStream, String> {
    let audio = sound::Audio(app.pages.sound.session().clone());
    let mut updates = sound::watch_stream(&audio).boxed();
    let first = next_within(&mut updates, "PipeWire's first snapshot").await?;
    if !matches!(first, sound::Message::Watched(AudioUpdate::Snapshot(_))) {
        return Err(format!(
            "the PipeWire watch began with {first:?}, not a snapshot"
        ));
    }
    let _ = app.update(Message::Page(PageMessage::Sound(first)));
    let shown = app.pages.sound.snapshot().is_some_and(|snapshot| {
        !snapshot.endpoints(Direction::Output).is_empty()
            && !snapshot.endpoints(Direction::Input).is_empty()
    });
    if !shown {
        return Err("the Sound page has no output and input to show".into());
    }
    Ok(updates)
}

/// The Printers page's CUPS watch, kept while the page is drawn.
type PrintersStream = futures::stream::BoxStream<'static, printers::Message>;

/// About → Printers: the page's watch on cupsd (`CUPS_SERVER`), up to the first snapshot
/// listing a printer. The stream is returned: the app keeps it while the page is shown.
async fn to_printers(app: &mut App, bus: &SystemBus) -> Result<PrintersStream, String> {
    let printing = printers::Printing {
        bus: bus.clone(),
        server: CupsServer::from_env(),
    };
    let mut updates = printers::watch_stream(&printing).boxed();
    let first = next_within(&mut updates, "the CUPS watch's first update").await?;
    if !matches!(
        first,
        printers::Message::Watched(PrintersUpdate::Available(_))
    ) {
        return Err(format!(
            "the CUPS watch began with {first:?}, not a snapshot"
        ));
    }
    let _ = app.update(Message::Page(PageMessage::Printers(first)));
    let shown = app
        .pages
        .printers
        .snapshot()
        .is_some_and(|snapshot| !snapshot.printers.is_empty());
    if !shown {
        return Err("the Printers page has no printer to show".into());
    }
    Ok(updates)
}

/// A page's fwupd watch, kept while the page is drawn.
type FwupdStream<M> = futures::stream::BoxStream<'static, M>;

/// About → Firmware: the page's fwupd watch up to the first snapshot offering an update, and
/// the read that decides the automatic refresh (as entering the page asks). The stream is
/// returned: the app keeps it while the page is shown.
async fn to_firmware(
    app: &mut App,
    bus: &SystemBus,
) -> Result<FwupdStream<firmware::Message>, String> {
    let mut updates = firmware::watch_stream(&firmware::Watch(bus.clone())).boxed();
    let (first, freshness) = tokio::join!(
        async {
            loop {
                let message = next_within(&mut updates, "fwupd's first snapshot").await?;
                if matches!(
                    message,
                    firmware::Message::Watched(FirmwareUpdate::Available(_))
                ) {
                    return Ok::<_, String>(message);
                }
            }
        },
        firmware::Request::Freshness.run(bus.clone())
    );
    let _ = app.update(Message::Page(PageMessage::Firmware(first?)));
    let _ = app.update(Message::Page(PageMessage::Firmware(freshness)));
    let offered = app.pages.firmware.snapshot().is_some_and(|snapshot| {
        snapshot
            .upgrades
            .values()
            .any(|releases| !releases.is_empty())
    });
    if !offered {
        return Err("the Firmware page has no update to show".into());
    }
    Ok(updates)
}

/// About → Device Security: the page's fwupd watch up to the first snapshot and the event log
/// read after it, and this computer's facts (as entering the page asks).
async fn to_security(
    app: &mut App,
    bus: &SystemBus,
) -> Result<FwupdStream<security::Message>, String> {
    let mut updates = security::watch_stream(&security::Fwupd(bus.clone())).boxed();
    let (read, facts) = tokio::join!(
        async {
            let mut read = Vec::new();
            loop {
                let message = next_within(&mut updates, "fwupd's snapshot and events").await?;
                let events = matches!(message, security::Message::Events(_));
                read.push(message);
                if events {
                    return Ok::<_, String>(read);
                }
            }
        },
        security::Request::Facts("/".into()).run(bus.clone())
    );
    for message in read? {
        let _ = app.update(Message::Page(PageMessage::DeviceSecurity(message)));
    }
    let _ = app.update(Message::Page(PageMessage::DeviceSecurity(facts)));
    let checks = app
        .pages
        .security
        .snapshot()
        .is_some_and(|snapshot| !snapshot.security.is_empty());
    if !checks {
        return Err("the Device Security page has no check to show".into());
    }
    Ok(updates)
}

/// About → Apps: the page's Flatpak watch up to the first snapshot listing the installed
/// apps, and the remotes and updates read (as entering the page asks). The stream is returned:
/// the app keeps it while the page is shown.
async fn to_apps(
    app: &mut App,
    bus: &SystemBus,
) -> Result<futures::stream::BoxStream<'static, apps::Message>, String> {
    let flatpak = app.pages.apps.flatpak().clone();
    let mut updates = apps::watch_stream(&flatpak).boxed();
    let refresh = apps::Request {
        flatpak,
        work: apps::Work::Refresh,
        running: None,
    };
    let (first, refreshed) = tokio::join!(
        next_within(&mut updates, "Flatpak's first snapshot"),
        refresh.run(bus.clone())
    );
    let _ = app.update(Message::Page(PageMessage::Apps(first?)));
    let _ = app.update(Message::Page(PageMessage::Apps(refreshed)));
    let listed = app
        .pages
        .apps
        .snapshot()
        .is_some_and(|snapshot| !snapshot.apps.is_empty());
    if !listed {
        return Err(format!(
            "the Apps page lists no installed app: {:?}",
            app.pages.apps.installed
        ));
    }
    if app.pages.apps.remotes.ready().is_none() {
        return Err(format!(
            "the Apps page has no remotes: {:?}",
            app.pages.apps.remotes
        ));
    }
    Ok(updates)
}

/// A page's watches, kept while the page is drawn.
type Watches<M> = futures::stream::BoxStream<'static, M>;

/// About → Date & Time: the page's timedated watch up to its first snapshot, and the zone
/// tables read as entering the page asks. The stream is returned: the app keeps it while the
/// page is shown.
async fn to_date_time(
    app: &mut App,
    bus: &SystemBus,
) -> Result<Watches<date_time::Message>, String> {
    let mut updates = date_time::watch_stream(&date_time::Watch(bus.clone())).boxed();
    let entered = app
        .pages
        .date_time
        .enter()
        .request
        .ok_or("entering the Date & Time page read nothing")?;
    let (first, zones) = tokio::join!(
        next_within(&mut updates, "timedated's first snapshot"),
        entered.run(bus.clone())
    );
    let first = first?;
    if !matches!(
        first,
        date_time::Message::Watched(ServiceUpdate::Available(_))
    ) {
        return Err(format!("the timedated watch began with {first:?}"));
    }
    let _ = app.update(Message::Page(PageMessage::DateTime(first)));
    let _ = app.update(Message::Page(PageMessage::DateTime(zones)));
    if app.pages.date_time.zones.is_none() {
        return Err("the Date & Time page has no zones".into());
    }
    Ok(updates)
}

/// About → Region & Language: the page's localed and AccountsService watches up to their
/// first snapshots, and xkeyboard-config's layouts read as entering the page asks. The streams
/// are returned: the app keeps them while the page is shown.
async fn to_region(
    app: &mut App,
    bus: &SystemBus,
) -> Result<(Watches<region::Message>, Watches<region::Message>), String> {
    let mut locale = region::watch_stream(&region::Watch(bus.clone())).boxed();
    let mut people = region::people_stream(&region::People(bus.clone())).boxed();
    let entered = app
        .pages
        .region
        .enter()
        .request
        .ok_or("entering the Region & Language page read nothing")?;
    let (first, person, layouts) = tokio::join!(
        next_within(&mut locale, "localed's first snapshot"),
        next_within(&mut people, "AccountsService's first snapshot"),
        entered.run(bus.clone())
    );
    for message in [first?, person?, layouts] {
        let _ = app.update(Message::Page(PageMessage::Region(message)));
    }
    let page = &app.pages.region;
    if page.snapshot().is_none() || page.person.ready().is_none() || page.layouts.is_none() {
        return Err(format!("the Region & Language page is not ready: {page:?}"));
    }
    Ok((locale, people))
}

/// About → Users: the page's AccountsService watch up to its first list of people. The
/// stream is returned: the app keeps it while the page is shown.
async fn to_users(app: &mut App, bus: &SystemBus) -> Result<Watches<users::Message>, String> {
    let caller = rustix::process::getuid().as_raw();
    let mut people = users::watch_stream(&users::Watch(bus.clone(), caller)).boxed();
    let first = next_within(&mut people, "AccountsService's first list of people").await?;
    if !matches!(first, users::Message::Watched(ServiceUpdate::Available(_))) {
        return Err(format!("the AccountsService watch began with {first:?}"));
    }
    // Pictures the list names are read as the app would (none on the bed).
    if let Some(pictures) = app.pages.users.update(first).request {
        let loaded = pictures.run(bus.clone()).await;
        let _ = app.update(Message::Page(PageMessage::Users(loaded)));
    }
    if app.pages.users.people().is_empty() {
        return Err("the Users page lists nobody".into());
    }
    Ok(people)
}

/// About → Appearance: nothing to wait for; the page is entered and shows the preferences in
/// force.
fn to_appearance(app: &App) -> Result<(), String> {
    if app.active() != PanelId::Appearance {
        return Err("the Appearance page is not shown".into());
    }
    if app.pages.appearance.preferences != *app.preferences() {
        return Err("the Appearance page does not show the preferences in force".into());
    }
    Ok(())
}

async fn one_switch(bus: &SystemBus, target: Target) -> Result<Sample, String> {
    if matches!(target, Target::Bluetooth) {
        tokio::time::sleep(BLUETOOTH_PAUSE).await;
    }
    let options = Options {
        panel: Some("about".into()),
        ..Options::default()
    };
    let (mut app, _) = App::new(&options, bus.clone());
    let start = Instant::now();
    let _ = app.update(Message::SelectPanel(target.panel()));
    let stream = match target {
        Target::Power => {
            to_power(&mut app, bus).await?;
            None
        }
        Target::Bluetooth => Some(Box::new(to_bluetooth(&mut app, bus).await?) as Box<dyn Any>),
        Target::Sound => Some(Box::new(to_sound(&mut app).await?) as Box<dyn Any>),
        Target::Printers => Some(Box::new(to_printers(&mut app, bus).await?) as Box<dyn Any>),
        Target::Firmware => Some(Box::new(to_firmware(&mut app, bus).await?) as Box<dyn Any>),
        Target::DeviceSecurity => Some(Box::new(to_security(&mut app, bus).await?) as Box<dyn Any>),
        Target::Appearance => {
            to_appearance(&app)?;
            None
        }
        Target::Apps => Some(Box::new(to_apps(&mut app, bus).await?) as Box<dyn Any>),
        Target::DateTime => Some(Box::new(to_date_time(&mut app, bus).await?) as Box<dyn Any>),
        Target::Region => Some(Box::new(to_region(&mut app, bus).await?) as Box<dyn Any>),
        Target::Users => Some(Box::new(to_users(&mut app, bus).await?) as Box<dyn Any>),
    };
    let data = start.elapsed();
    let mut ui = Simulator::with_size(simulator_settings(), (960.0, 680.0), app.view());
    ui.snapshot(&app.theme())
        .map_err(|error| format!("render failed: {error}"))?;
    let render = start.elapsed() - data;
    drop(stream);
    Ok(Sample { data, render })
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// One switch measured: an untimed warm-up, then [`ITERATIONS`] timed runs.
async fn measure(bus: &SystemBus, target: Target) -> Result<serde_json::Value, String> {
    let first = one_switch(bus, target).await?;
    let mut samples = Vec::new();
    for _ in 0..ITERATIONS {
        samples.push(one_switch(bus, target).await?);
    }
    let data: Vec<f64> = samples.iter().map(|s| ms(s.data)).collect();
    let render: Vec<f64> = samples.iter().map(|s| ms(s.render)).collect();
    let total: Vec<f64> = samples.iter().map(|s| ms(s.total())).collect();
    eprintln!(
        "panel switch About → {} ({ITERATIONS} runs): data {:.1} ms + render {:.1} ms = {:.1} ms \
         (medians); warm-up {:.1} ms",
        target.slug(),
        median(data.clone()),
        median(render.clone()),
        median(total.clone()),
        ms(first.total()),
    );
    Ok(serde_json::json!({
        "iterations": ITERATIONS,
        "from": "about",
        "to": target.slug(),
        "data": target.data(),
        "data_ms_median": median(data.clone()),
        "render_ms_median": median(render.clone()),
        "total_ms_median": median(total.clone()),
        "total_ms_min": total.iter().copied().fold(f64::INFINITY, f64::min),
        "total_ms_max": total.iter().copied().fold(0.0, f64::max),
        "first_switch_ms": ms(first.total()),
        "data_ms": data,
        "render_ms": render,
        "total_ms": total,
    }))
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let bus = SystemBus::from_env();
    let mut switches = Vec::new();
    let mut targets = vec![Target::Power, Target::Bluetooth];
    if std::env::var_os("PIPEWIRE_REMOTE").is_some_and(|remote| !remote.is_empty()) {
        targets.push(Target::Sound);
    }
    if std::env::var_os("CUPS_SERVER").is_some_and(|server| !server.is_empty()) {
        targets.push(Target::Printers);
    }
    if std::env::var_os("FERRUM_BENCH_FWUPD").is_some_and(|fwupd| !fwupd.is_empty()) {
        targets.extend([Target::Firmware, Target::DeviceSecurity]);
    }
    if std::env::var_os("FERRUM_BENCH_APPEARANCE").is_some_and(|set| !set.is_empty()) {
        targets.push(Target::Appearance);
    }
    if std::env::var_os("FERRUM_BENCH_APPS").is_some_and(|set| !set.is_empty()) {
        targets.push(Target::Apps);
    }
    if std::env::var_os("FERRUM_BENCH_MACHINE").is_some_and(|set| !set.is_empty()) {
        targets.extend([Target::DateTime, Target::Region, Target::Users]);
    }
    for target in targets {
        match measure(&bus, target).await {
            Ok(switch) => switches.push(switch),
            Err(error) => {
                eprintln!("panel-switch-bench: About → {}: {error}", target.slug());
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    let reference = &switches[0];
    let json = serde_json::json!({
        "iterations": ITERATIONS,
        "from": "about",
        "to": "power",
        "data_ms_median": reference["data_ms_median"],
        "render_ms_median": reference["render_ms_median"],
        "total_ms_median": reference["total_ms_median"],
        "total_ms_min": reference["total_ms_min"],
        "total_ms_max": reference["total_ms_max"],
        "render": "iced_test tiny-skia, 960x680 logical at scale 2",
        "switches": switches,
    });
    println!("{json}");
    std::process::ExitCode::SUCCESS
}
