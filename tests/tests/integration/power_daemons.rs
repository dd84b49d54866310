//! The Power page against the real power-profiles-daemon and UPower on a
//! private system bus (see `ferrum-testbed`). polkit is python-dbusmock's
//! `polkitd` template, allowing everything; no hardware is mocked: ppd runs its
//! own fake driver and UPower reads a umockdev sysfs description.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ferrum_panels::{Page, PageRequest};
use std::time::Duration;

use ferrum_integration_tests::{next_matching, next_within, simulator_settings};
use ferrum_panels::power::{self, Message, Request};
use ferrum_services::power_profiles::{self, PowerProfilesError, Profile};
use ferrum_services::upower::BatteryState;
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_testbed::{Service, TestBed, fixtures};
use ferrum_ui::status::ServiceStatus;
use iced_test::Simulator;

fn bed(services: &[Service]) -> (TestBed, SystemBus) {
    let bed = TestBed::start(services).expect("test bed starts");
    let bus = SystemBus::with_address(bed.system_bus_address());
    (bed, bus)
}

fn active_profile(bed: &TestBed) -> String {
    bed.active_profile().expect("ppd's ActiveProfile")
}

fn is_ready_with(message: &Message, profile: &Profile) -> bool {
    matches!(message, Message::ProfilesUpdated(ServiceUpdate::Available(s)) if &s.active == profile)
}

/// Texts the page shows, found by the simulator.
fn page_shows(state: &power::State, text: &str) -> bool {
    let mut ui = Simulator::with_settings(simulator_settings(), state.view());
    ui.find(text).is_ok()
}

#[tokio::test(flavor = "multi_thread")]
async fn choosing_performance_in_the_panel_changes_the_daemon() {
    let (bed, bus) = bed(&[Service::Polkit, Service::PowerProfiles, Service::UPower]);
    let mut state = power::State::on(bus.clone());
    let mut updates = Box::pin(power::profiles_stream(&bus));
    let first = next_within(&mut updates, "first snapshot").await.unwrap();
    assert!(is_ready_with(&first, &Profile::Balanced), "{first:?}");
    let _ = state.update(first);

    // Click "Performance" on the page, as a pointer would.
    let mut ui = Simulator::with_settings(simulator_settings(), state.view());
    ui.click("Performance")
        .expect("the Performance choice is on the page");
    let clicked: Vec<Message> = ui.into_messages().collect();
    assert!(
        matches!(
            clicked.as_slice(),
            [Message::ProfileChosen(Profile::Performance)]
        ),
        "{clicked:?}"
    );
    let mut requests = Vec::new();
    for message in clicked {
        requests.extend(state.update(message).request);
    }
    assert_eq!(requests, vec![Request::SetProfile(Profile::Performance)]);
    for request in requests {
        {
            let answer = request.run(bus.clone()).await;
            assert!(
                matches!(answer, Message::ProfileApplied(_, Ok(()))),
                "{answer:?}"
            );
            let _ = state.update(answer);
        }
    }
    assert_eq!(active_profile(&bed), "performance");

    // The daemon's own change signal settles the page.
    let confirmed = next_matching(&mut updates, "performance confirmed", |m| {
        is_ready_with(m, &Profile::Performance)
    })
    .await
    .unwrap();
    let _ = state.update(confirmed);
    assert_eq!(state.pending, None);
    assert_eq!(state.selected_profile(), Some(&Profile::Performance));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_change_made_elsewhere_reaches_the_page() {
    let (bed, bus) = bed(&[Service::Polkit, Service::PowerProfiles]);
    let mut state = power::State::on(bus.clone());
    let mut updates = Box::pin(power::profiles_stream(&bus));
    let _ = state.update(next_within(&mut updates, "first snapshot").await.unwrap());

    for (profile, name) in [
        (Profile::PowerSaver, "power-saver"),
        (Profile::Performance, "performance"),
    ] {
        let status = bed
            .busctl()
            .args([
                "set-property",
                power_profiles::BUS_NAME,
                "/net/hadess/PowerProfiles",
                "net.hadess.PowerProfiles",
                "ActiveProfile",
                "s",
                name,
            ])
            .status()
            .expect("busctl runs");
        assert!(status.success());
        // The stream has no timer: only the daemon's PropertiesChanged can wake it.
        let update = next_matching(&mut updates, name, |m| is_ready_with(m, &profile))
            .await
            .unwrap();
        let _ = state.update(update);
        assert_eq!(state.selected_profile(), Some(&profile));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_daemon_dying_shows_unavailable_and_its_return_recovers() {
    let (mut bed, bus) = bed(&[Service::Polkit, Service::PowerProfiles]);
    let mut state = power::State::on(bus.clone());
    let mut updates = Box::pin(power::profiles_stream(&bus));
    let _ = state.update(next_within(&mut updates, "first snapshot").await.unwrap());
    assert!(page_shows(&state, "Balanced"));

    bed.kill_service(Service::PowerProfiles).unwrap();
    let gone = next_matching(&mut updates, "unavailable", |m| {
        matches!(m, Message::ProfilesUpdated(ServiceUpdate::Unavailable))
    })
    .await
    .unwrap();
    let _ = state.update(gone);
    assert_eq!(state.profiles, ServiceStatus::Unavailable);
    assert!(page_shows(&state, "Power modes are unavailable"));
    assert!(!page_shows(&state, "Balanced"));

    // Nobody asks the page to retry: the daemon's return is enough.
    bed.start_service(Service::PowerProfiles).unwrap();
    let back = next_matching(&mut updates, "recovery", |m| {
        is_ready_with(m, &Profile::Balanced)
    })
    .await
    .unwrap();
    let _ = state.update(back);
    assert!(page_shows(&state, "Balanced"));
    assert!(!page_shows(&state, "Power modes are unavailable"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_battery_shown_matches_the_umockdev_description() {
    let (_bed, bus) = bed(&[Service::UPower]);
    let mut state = power::State::on(bus.clone());
    let mut updates = Box::pin(power::supply_stream(&bus));
    let update = next_within(&mut updates, "UPower snapshot").await.unwrap();
    let _ = state.update(update);
    let supply = state.supply.ready().expect("UPower is available").clone();

    let wh = |uwh: u64| uwh as f64 / 1e6;
    let expected_percent =
        100.0 * fixtures::BATTERY_ENERGY_NOW_UWH as f64 / fixtures::BATTERY_ENERGY_FULL_UWH as f64;
    let expected_health = 100.0 * fixtures::BATTERY_ENERGY_FULL_UWH as f64
        / fixtures::BATTERY_ENERGY_FULL_DESIGN_UWH as f64;
    let expected_hours =
        fixtures::BATTERY_ENERGY_NOW_UWH as f64 / fixtures::BATTERY_POWER_NOW_UW as f64;

    assert_eq!(supply.batteries.len(), 1, "{supply:?}");
    let battery = &supply.batteries[0];
    assert!(supply.on_battery);
    assert_eq!(supply.line_power, Some(fixtures::AC_ONLINE));
    assert_eq!(battery.model, fixtures::BATTERY_MODEL);
    assert_eq!(battery.vendor, fixtures::BATTERY_VENDOR);
    assert_eq!(battery.state, BatteryState::Discharging);
    assert!(
        (battery.percentage - expected_percent).abs() < 0.5,
        "{battery:?}"
    );
    assert!(
        (battery.capacity_percent - expected_health).abs() < 0.5,
        "{battery:?}"
    );
    assert!((battery.energy_full_wh - wh(fixtures::BATTERY_ENERGY_FULL_UWH)).abs() < 0.01);
    assert!(
        (battery.energy_full_design_wh - wh(fixtures::BATTERY_ENERGY_FULL_DESIGN_UWH)).abs() < 0.01
    );
    let time = battery
        .time_to_empty
        .expect("discharging battery has an estimate");
    assert!(
        (time.as_secs_f64() / 3600.0 - expected_hours).abs() < 0.1,
        "{time:?}"
    );

    // And the page says so, in words.
    assert!(page_shows(
        &state,
        &format!("{} %", expected_percent.round())
    ));
    assert!(page_shows(
        &state,
        &format!("{} {}", fixtures::BATTERY_VENDOR, fixtures::BATTERY_MODEL)
    ));
    assert!(page_shows(
        &state,
        &format!(
            "On battery · {} left",
            power::format_duration(Duration::from_secs_f64(expected_hours * 3600.0))
        )
    ));
    assert!(page_shows(
        &state,
        &format!(
            "{} % of design capacity ({:.1} Wh of {:.1} Wh)",
            expected_health.round(),
            wh(fixtures::BATTERY_ENERGY_FULL_UWH),
            wh(fixtures::BATTERY_ENERGY_FULL_DESIGN_UWH)
        )
    ));
}

#[tokio::test(flavor = "multi_thread")]
async fn applications_holding_a_profile_are_listed() {
    let (_bed, bus) = bed(&[Service::Polkit, Service::PowerProfiles]);
    let mut state = power::State::on(bus.clone());
    let mut updates = Box::pin(power::profiles_stream(&bus));
    let _ = state.update(next_within(&mut updates, "first snapshot").await.unwrap());

    // A separate client holds power-saver for as long as its connection lives.
    let holder = zbus::connection::Builder::address(bus.address())
        .unwrap()
        .build()
        .await
        .unwrap();
    let cookie = power_profiles::hold_profile(
        &holder,
        &Profile::PowerSaver,
        "Rendering video",
        "org.example.Editor",
    )
    .await
    .unwrap();
    let held = next_matching(&mut updates, "hold listed", |m| {
        matches!(m, Message::ProfilesUpdated(ServiceUpdate::Available(s)) if !s.holds.is_empty())
    })
    .await
    .unwrap();
    let _ = state.update(held);
    assert!(page_shows(
        &state,
        "org.example.Editor wants Power Saver: Rendering video"
    ));

    power_profiles::release_profile(&holder, cookie)
        .await
        .unwrap();
    let released = next_matching(&mut updates, "hold released", |m| {
        matches!(m, Message::ProfilesUpdated(ServiceUpdate::Available(s)) if s.holds.is_empty())
    })
    .await
    .unwrap();
    let _ = state.update(released);
    assert!(!page_shows(&state, "Requested by applications"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_change_is_explained_and_nothing_changes() {
    // No polkit on this bus: ppd refuses the change as it would for an
    // unauthorised user.
    let (bed, bus) = bed(&[Service::PowerProfiles]);
    let mut state = power::State::on(bus.clone());
    let mut updates = Box::pin(power::profiles_stream(&bus));
    let _ = state.update(next_within(&mut updates, "first snapshot").await.unwrap());

    let request = state
        .update(Message::ProfileChosen(Profile::Performance))
        .request
        .expect("a request");
    let answer = request.run(bus.clone()).await;
    assert!(
        matches!(
            &answer,
            Message::ProfileApplied(_, Err(PowerProfilesError::NotAuthorized(_)))
        ),
        "{answer:?}"
    );
    let _ = state.update(answer);
    assert_eq!(active_profile(&bed), "balanced");
    assert_eq!(state.selected_profile(), Some(&Profile::Balanced));
    assert!(page_shows(
        &state,
        "You are not allowed to change the power mode."
    ));
}
