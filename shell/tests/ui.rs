//! UI tests of the settings window with iced's headless Simulator: sidebar,
//! search, deep links, the profile choice, which subscriptions run, and
//! committed snapshot images of the Power page in light and dark.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ferrum_ui::window::App as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ferrum_panels::registry::Message as PageMessage;
use ferrum_panels::{Page, PanelId};
use ferrum_panels::{
    about, apps, bluetooth, firmware, network, power, printers, private_dns, security,
};
use ferrum_services::dns;
use ferrum_services::power_profiles::{Hold, OfferedProfile, PowerProfilesState, Profile};
use ferrum_services::upower::{Battery, BatteryState, PowerSupplyState};
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_settings::cli::Options;
use ferrum_settings::{App, Message};
use ferrum_testbed::golden::{self, Image};
use ferrum_ui::theme::{DEFAULT_FONT, ThemeChoice};
use iced_test::{Simulator, selector};

const WINDOW: (f32, f32) = (960.0, 680.0);

/// The locale is process-wide and tests run in parallel: every test holds it for its
/// whole body, English here (shared with the other English tests), another language
/// with `use_locale` (alone).
fn english() -> ferrum_i18n::LocaleGuard {
    ferrum_i18n::hold_locale("en-US")
}

fn app(panel: Option<&str>, theme: ThemeChoice) -> App {
    let options = Options {
        panel: panel.map(str::to_owned),
        theme: Some(theme),
        // Never the developer's own preferences: a fresh per-test file.
        preferences: Some(scratch_dir().join("accessibility.toml")),
        ..Options::default()
    };
    App::new(&options, SystemBus::with_address("unix:path=/nonexistent")).0
}

fn scratch_dir() -> PathBuf {
    // Under the target folder (cargo's scratch space for integration tests), not /tmp:
    // one folder per test process would pile up there.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("ferrum-ui-test-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    dir
}

fn simulate(app: &App) -> Simulator<'_, Message> {
    Simulator::with_size(
        iced::Settings {
            default_font: DEFAULT_FONT,
            ..iced::Settings::default()
        },
        WINDOW,
        app.view(),
    )
}

/// Runs the messages a simulator produced through `update`, returning them.
fn replay(app: &mut App, messages: Vec<Message>) -> Vec<Message> {
    for message in messages.clone() {
        let _ = app.update(message);
    }
    messages
}

/// The fixture the snapshots show: a laptop on battery in balanced mode, with
/// an application holding performance.
fn with_fixture_data(mut app: App) -> App {
    let profiles = PowerProfilesState {
        active: Profile::Balanced,
        offered: [Profile::PowerSaver, Profile::Balanced, Profile::Performance]
            .into_iter()
            .map(|profile| OfferedProfile {
                profile,
                driver: "platform_profile".into(),
            })
            .collect(),
        degraded: None,
        holds: vec![Hold {
            profile: Profile::Performance,
            reason: "Compiling".into(),
            application_id: "org.example.Builder".into(),
        }],
    };
    let supply = PowerSupplyState {
        on_battery: true,
        line_power: Some(false),
        batteries: vec![Battery {
            path: "/org/freedesktop/UPower/devices/battery_BAT0".into(),
            vendor: "Ferrum Labs".into(),
            model: "Ferrum Test Battery".into(),
            percentage: 80.0,
            state: BatteryState::Discharging,
            time_to_empty: Some(Duration::from_secs(4 * 3600)),
            time_to_full: None,
            energy_wh: 48.0,
            energy_full_wh: 60.0,
            energy_full_design_wh: 80.0,
            energy_rate_w: 12.0,
            capacity_percent: 75.0,
            charge_cycles: Some(212),
        }],
    };
    let _ = app.update(Message::Page(PageMessage::Power(
        power::Message::ProfilesUpdated(ServiceUpdate::Available(profiles)),
    )));
    let _ = app.update(Message::Page(PageMessage::Power(
        power::Message::SupplyUpdated(ServiceUpdate::Available(supply)),
    )));
    app
}

#[test]
fn the_sidebar_switches_panels() {
    let _english = english();
    let mut app = app(None, ThemeChoice::Light);
    assert_eq!(app.active(), PanelId::Power);
    // Tall enough for every row of the sidebar (in the goldens' 680 px it scrolls).
    let mut ui = simulate_sized(&app, (960.0, 800.0));
    ui.click("About").expect("About is in the sidebar");
    let messages = {
        let messages: Vec<Message> = ui.into_messages().collect();
        replay(&mut app, messages)
    };
    assert!(matches!(
        messages.as_slice(),
        [Message::SelectPanel(PanelId::About)]
    ));
    assert_eq!(app.active(), PanelId::About);
    // Entering the page reads the system (a task); here the facts arrive by hand.
    assert!(ui_shows(&app, "Loading…"));
    let _ = app.update(Message::Page(PageMessage::About(about::Message::Loaded(
        about::SystemInfo {
            kernel: Some("6.1.0-test".into()),
            ..about::SystemInfo::default()
        },
    ))));
    assert!(ui_shows(&app, "Kernel"));
    assert!(ui_shows(&app, "6.1.0-test"));
}

#[test]
fn search_filters_the_sidebar_and_enter_opens_the_match() {
    let _english = english();
    let mut app = app(None, ThemeChoice::Light);
    let mut ui = simulate(&app);
    ui.click(selector::id(ferrum_settings::app::SEARCH_ID))
        .expect("search field");
    let _ = ui.typewrite("kern");
    let _ = {
        let messages: Vec<Message> = ui.into_messages().collect();
        replay(&mut app, messages)
    };
    assert_eq!(app.query(), "kern");
    // Only About matches "kern": Power is gone from the sidebar (its page title stays).
    let mut ui = simulate(&app);
    assert!(ui.find("About").is_ok());
    drop(ui);
    let mut ui = simulate(&app);
    ui.click(selector::id(ferrum_settings::app::SEARCH_ID))
        .expect("search field");
    let _ = ui.tap_key(iced::keyboard::key::Named::Enter);
    let messages = {
        let messages: Vec<Message> = ui.into_messages().collect();
        replay(&mut app, messages)
    };
    assert!(
        messages
            .iter()
            .any(|m| matches!(m, Message::SearchSubmitted)),
        "{messages:?}"
    );
    assert_eq!(app.active(), PanelId::About);

    // A query nothing matches says so.
    let _ = app.update(Message::SearchChanged("zzz".into()));
    assert!(ui_shows(&app, "No settings match “zzz”."));
    let _ = app.update(Message::ClearSearch);
    assert_eq!(app.query(), "");
}

fn ui_shows(app: &App, text: &str) -> bool {
    simulate(app).find(text).is_ok()
}

#[test]
fn the_sidebar_lists_only_matching_panels() {
    let _english = english();
    let mut app = app(None, ThemeChoice::Light);
    let _ = app.update(Message::SearchChanged("battery".into()));
    assert!(!ui_shows(&app, "About"));
    let _ = app.update(Message::SearchChanged("".into()));
    assert!(ui_shows(&app, "About"));
}

#[test]
fn choosing_a_profile_sends_the_choice() {
    let _english = english();
    let mut app = with_fixture_data(app(Some("power"), ThemeChoice::Light));
    let mut ui = simulate(&app);
    ui.click("Power Saver").expect("Power Saver choice");
    let messages = {
        let messages: Vec<Message> = ui.into_messages().collect();
        replay(&mut app, messages)
    };
    assert!(
        matches!(
            messages.as_slice(),
            [Message::Page(PageMessage::Power(
                power::Message::ProfileChosen(Profile::PowerSaver)
            ))]
        ),
        "{messages:?}"
    );
    assert_eq!(app.pages.power.pending, Some(Profile::PowerSaver));
    assert!(ui_shows(&app, "Switching…"));
}

#[test]
fn deep_links_open_a_panel_and_unknown_ones_explain() {
    let _english = english();
    assert_eq!(
        app(Some("about"), ThemeChoice::Light).active(),
        PanelId::About
    );
    assert_eq!(
        app(Some("bluetooth"), ThemeChoice::Light).active(),
        PanelId::Bluetooth
    );
    assert_eq!(
        app(Some("printers"), ThemeChoice::Light).active(),
        PanelId::Printers
    );
    assert_eq!(
        app(Some("firmware"), ThemeChoice::Light).active(),
        PanelId::Firmware
    );
    assert_eq!(
        app(Some("security"), ThemeChoice::Light).active(),
        PanelId::DeviceSecurity
    );
    let app = app(Some("displays"), ThemeChoice::Light);
    assert_eq!(app.active(), PanelId::DEFAULT);
    let notice = app.notice().expect("unknown page explained");
    assert_eq!(
        notice.summary,
        "There is no settings page called “displays”. Showing Power instead."
    );
    assert!(
        notice.detail.contains(
            "network, bluetooth, sound, printers, power, apps, firmware, private-dns, \
             security, appearance, date-time, region, users, accessibility, about"
        ),
        "{}",
        notice.detail
    );
    assert!(ui_shows(&app, &notice.summary));
}

#[test]
fn the_theme_toggles() {
    let _english = english();
    let mut app = app(None, ThemeChoice::Light);
    let mut ui = simulate(&app);
    ui.click("Dark style").expect("style switch");
    let _ = {
        let messages: Vec<Message> = ui.into_messages().collect();
        replay(&mut app, messages)
    };
    assert_eq!(app.theme_choice(), ThemeChoice::Dark);
    assert!(ui_shows(&app, "Light style"));
}

#[test]
fn only_the_panel_on_screen_runs_subscriptions() {
    let _english = english();
    let recipes = |app: &App| iced_futures::subscription::into_recipes(app.subscription()).len();
    let on_power = recipes(&app(Some("power"), ThemeChoice::Light));
    let on_about = recipes(&app(Some("about"), ThemeChoice::Light));
    // The Power page follows two daemons; About follows one (hostnamed). Both have
    // the keyboard shortcuts.
    assert_eq!(on_power, on_about + 1, "power {on_power}, about {on_about}");
}

/// The committed golden image of `name` (iced_test's file naming: the renderer's name).
fn golden_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}-tiny-skia.png"))
}

/// Renders the window at `size` logical pixels as iced_test's `Simulator::snapshot`
/// does: tiny-skia, scale 2, after a redraw event.
fn render(app: &App, size: (f32, f32)) -> Image {
    use iced::advanced::renderer::Headless;
    use iced::advanced::{clipboard, renderer};
    use iced::theme::Base;
    use iced_test::runtime::user_interface::{Cache, UserInterface};
    let mut backend = futures::executor::block_on(<iced::Renderer as Headless>::new(
        DEFAULT_FONT,
        iced::Settings::default().default_text_size,
        Some("tiny-skia"),
    ))
    .expect("a headless tiny-skia renderer");
    let logical = iced::Size::new(size.0, size.1);
    let mut ui = UserInterface::build(app.view(), logical, Cache::default(), &mut backend);
    let theme = app.theme();
    let base = theme.base();
    let _ = ui.update(
        &[iced::Event::Window(iced::window::Event::RedrawRequested(
            std::time::Instant::now(),
        ))],
        iced::mouse::Cursor::Unavailable,
        &mut backend,
        &mut clipboard::Null,
        &mut Vec::new(),
    );
    ui.draw(
        &mut backend,
        &theme,
        &renderer::Style {
            text_color: base.text_color,
        },
        iced::mouse::Cursor::Unavailable,
    );
    let scale = 2.0;
    let (width, height) = (
        (size.0 * scale).round() as u32,
        (size.1 * scale).round() as u32,
    );
    let rgba = backend.screenshot(iced::Size::new(width, height), scale, base.background_color);
    Image {
        width,
        height,
        rgba,
    }
}

/// Compares with the committed golden image (`ferrum_testbed::golden`: a missing
/// golden fails unless FERRUM_BLESS=1 asks to write it).
fn assert_snapshot(app: &App, name: &str) {
    assert_snapshot_sized(app, name, WINDOW);
}

/// Like [`assert_snapshot`] in a window of `size` (long pages).
fn assert_snapshot_sized(app: &App, name: &str, size: (f32, f32)) {
    golden::assert_matches(&golden_file(name), &render(app, size));
}

#[test]
fn power_panel_snapshot_light() {
    let _english = english();
    assert_snapshot(
        &with_fixture_data(app(Some("power"), ThemeChoice::Light)),
        "power-light",
    );
}

#[test]
fn power_panel_snapshot_dark() {
    let _english = english();
    assert_snapshot(
        &with_fixture_data(app(Some("power"), ThemeChoice::Dark)),
        "power-dark",
    );
}

#[test]
fn power_panel_snapshot_unavailable() {
    let _english = english();
    let mut app = app(Some("power"), ThemeChoice::Light);
    let _ = app.update(Message::Page(PageMessage::Power(
        power::Message::ProfilesUpdated(ServiceUpdate::Unavailable),
    )));
    let _ = app.update(Message::Page(PageMessage::Power(
        power::Message::SupplyUpdated(ServiceUpdate::Unavailable),
    )));
    assert_snapshot(&app, "power-unavailable");
}

#[test]
fn a_changed_page_does_not_match_its_snapshot() {
    let _english = english();
    let mut app = with_fixture_data(app(Some("power"), ThemeChoice::Light));
    let _ = app.update(Message::Page(PageMessage::Power(
        power::Message::ProfileChosen(Profile::Performance),
    )));
    assert!(matches!(
        golden::compare(&golden_file("power-light"), &render(&app, WINDOW)),
        golden::Comparison::Differs(_)
    ));
}

/// Turns high contrast on, as the Accessibility page's switch does.
fn high_contrast(mut app: App) -> App {
    let _ = app.update(Message::Page(PageMessage::Accessibility(
        ferrum_panels::accessibility::Message::HighContrast(true),
    )));
    assert!(app.preferences().high_contrast);
    assert_eq!(app.theme().to_string(), "Ferrum High Contrast");
    app
}

#[test]
fn power_panel_snapshot_high_contrast() {
    let _english = english();
    let app = high_contrast(with_fixture_data(app(Some("power"), ThemeChoice::Light)));
    assert_snapshot(&app, "power-high-contrast");
}

#[test]
fn power_panel_snapshot_text_200_percent() {
    let _english = english();
    let mut app = with_fixture_data(app(Some("power"), ThemeChoice::Light));
    let _ = app.update(Message::Page(PageMessage::Accessibility(
        ferrum_panels::accessibility::Message::TextScale(200),
    )));
    assert_eq!(app.scale_factor(), 2.0);
    // The window is 960×680 device pixels; at 200 % the app lays out in half that.
    let logical = (WINDOW.0 / 2.0, WINDOW.1 / 2.0);
    let mut ui = Simulator::with_size(
        iced::Settings {
            default_font: DEFAULT_FONT,
            ..iced::Settings::default()
        },
        logical,
        app.view(),
    );
    // Nothing essential is cut off at the sides: every profile name and the
    // battery line are laid out within the window's width.
    for label in [
        "Performance",
        "Balanced",
        "Power Saver",
        "Ferrum Labs Ferrum Test Battery",
    ] {
        let target = ui.find(label).unwrap_or_else(|_| panic!("{label} shown"));
        let bounds = target.bounds();
        assert!(
            bounds.x >= 0.0 && bounds.x + bounds.width <= logical.0 + 0.5,
            "{label} clipped: {bounds:?}"
        );
    }
    drop(ui);
    assert_snapshot_sized(&app, "power-text-200", logical);
}

#[test]
fn power_panel_snapshot_arabic_right_to_left() {
    let _arabic = ferrum_i18n::use_locale("ar_EG.UTF-8");
    assert!(ferrum_i18n::is_rtl());
    let app = with_fixture_data(app(Some("power"), ThemeChoice::Light));
    // The page is in Arabic and the sidebar sits on the right.
    let mut ui = simulate(&app);
    let title = ui.find("الطاقة").expect("Arabic page title");
    let search = ui
        .find(selector::id(ferrum_settings::app::SEARCH_ID))
        .expect("search field");
    assert!(
        search.bounds().x > title.bounds().x,
        "sidebar must be on the right"
    );
    drop(ui);
    assert_snapshot(&app, "power-ar");
}

#[test]
fn power_panel_snapshot_japanese() {
    let _japanese = ferrum_i18n::use_locale("ja_JP.UTF-8");
    assert!(!ferrum_i18n::is_rtl());
    let app = with_fixture_data(app(Some("power"), ThemeChoice::Light));
    assert!(ui_shows(&app, "電源モード"));
    assert_snapshot(&app, "power-ja");
}

#[test]
fn numbers_follow_the_language() {
    let _german = ferrum_i18n::use_locale("de_DE.UTF-8");
    let app = with_fixture_data(app(Some("power"), ThemeChoice::Light));
    let mut ui = simulate(&app);
    let health = ui
        .find(|candidate: selector::Candidate<'_>| match candidate {
            selector::Candidate::Text { content, .. } if content.contains("Wh") => {
                Some(content.to_owned())
            }
            _ => None,
        })
        .expect("battery health line");
    assert!(
        health.contains("60,0") && health.contains("80,0"),
        "{health}"
    );
}

/// The Private DNS page with the settings in force and resolved's status.
fn dns_app(settings: dns::PrivateDns) -> App {
    let mut app = app(Some("private-dns"), ThemeChoice::Light);
    let _ = app.update(Message::Page(PageMessage::PrivateDns(
        private_dns::Message::Loaded(Ok(settings)),
    )));
    let status = dns::ResolverStatus {
        links: vec![dns::LinkStatus {
            ifindex: 2,
            interface: "enp1s0".into(),
            current_server: Some("192.0.2.1#dot.ferrum.test".into()),
            servers: vec!["192.0.2.1#dot.ferrum.test".into()],
            dot: "yes".into(),
            dnssec: "allow-downgrade".into(),
            default_route: true,
        }],
        global_servers: Vec::new(),
        transactions: 42,
        cache_hits: 30,
        cache_misses: 12,
        dnssec_secure: 0,
        dnssec_insecure: 0,
        dnssec_bogus: 0,
        global_dot: "yes".into(),
    };
    let _ = app.update(Message::Page(PageMessage::PrivateDns(
        private_dns::Message::Resolver(ServiceUpdate::Available(status)),
    )));
    app
}

fn assert_tall_snapshot(app: &App, name: &str) {
    assert_snapshot_sized(app, name, (960.0, 1500.0));
}

#[test]
fn private_dns_snapshots_in_each_mode() {
    let _english = english();
    // Automatic, with a test answer that came encrypted.
    let mut app = dns_app(dns::PrivateDns::default());
    let _ = app.update(Message::Page(PageMessage::PrivateDns(
        private_dns::Message::Tested(Ok(dns::Lookup {
            name: "test.ferrum.test".into(),
            addresses: vec!["192.0.2.53".parse().unwrap()],
            elapsed: Duration::from_millis(14),
            encrypted: true,
            authenticated: false,
            from_cache: false,
        })),
    )));
    assert_tall_snapshot(&app, "dns-automatic");

    // A provider, strict.
    let app = dns_app(dns::PrivateDns {
        resolver: dns::Resolver::Preset("quad9"),
        dot: dns::DotMode::Strict,
        dnssec: dns::Dnssec::AllowDowngrade,
        mdns: true,
        llmnr: false,
    });
    assert_tall_snapshot(&app, "dns-provider");

    // Custom servers with a mistake: the message names the entry, nothing is
    // sent, and the text stays as typed.
    let mut app = dns_app(dns::PrivateDns::default());
    for message in [
        private_dns::Message::ModeChosen(private_dns::ModeChoice::Custom),
        private_dns::Message::DotChosen(dns::DotMode::Strict),
        private_dns::Message::CustomChanged("192.0.2.1#dot.ferrum.test, 192.0.2.2".into()),
    ] {
        let _ = app.update(Message::Page(PageMessage::PrivateDns(message)));
    }
    assert_eq!(
        app.pages.private_dns.update(private_dns::Message::Apply),
        ferrum_panels::Outcome::none(),
        "nothing applied"
    );
    assert_eq!(
        app.pages.private_dns.form_error,
        Some(private_dns::FormError::BadServer {
            entry: "192.0.2.2".into(),
            error: dns::ServerError::MissingServerName,
        })
    );
    assert_eq!(
        app.pages.private_dns.form.custom,
        "192.0.2.1#dot.ferrum.test, 192.0.2.2"
    );
    assert!(ui_shows(
        &app,
        "“192.0.2.2” needs its server name (address#name) to be checked in the Always mode."
    ));
    assert_tall_snapshot(&app, "dns-custom-error");
}

#[test]
fn private_dns_apply_sends_the_checked_settings() {
    let _english = english();
    let mut app = dns_app(dns::PrivateDns::default());
    for message in [
        private_dns::Message::ModeChosen(private_dns::ModeChoice::Custom),
        private_dns::Message::DotChosen(dns::DotMode::Strict),
        private_dns::Message::CustomChanged("192.0.2.1#dot.ferrum.test".into()),
    ] {
        let _ = app.pages.private_dns.update(message);
    }
    let request = app
        .pages
        .private_dns
        .update(private_dns::Message::Apply)
        .request;
    let Some(private_dns::Request::Apply(settings)) = request else {
        panic!("expected an apply, got {request:?}");
    };
    assert_eq!(settings.dot, dns::DotMode::Strict);
    assert_eq!(
        settings.resolver,
        dns::Resolver::Custom(vec![
            dns::DnsServer::parse("192.0.2.1#dot.ferrum.test").unwrap()
        ])
    );
    assert!(app.pages.private_dns.applying);
}

#[test]
fn a_captive_portal_gets_a_temporary_exception_from_strict_dns() {
    let _english = english();
    use ferrum_services::network_status::{Connectivity, NetworkState, NetworkStatus};
    let strict = dns::PrivateDns {
        resolver: dns::Resolver::Preset("quad9"),
        dot: dns::DotMode::Strict,
        ..dns::PrivateDns::default()
    };
    let mut app = dns_app(strict.clone());
    let network = |connectivity| {
        private_dns::Message::Network(ServiceUpdate::Available(NetworkStatus {
            state: NetworkState::ConnectedSite,
            connectivity,
            primary: None,
        }))
    };
    assert!(
        app.pages
            .private_dns
            .update(network(Connectivity::Portal))
            .is_none()
    );
    assert!(ui_shows(&app, "This network asks you to sign in"));
    let relaxed = app
        .pages
        .private_dns
        .update(private_dns::Message::AllowPortalSignIn);
    assert_eq!(
        relaxed.request,
        Some(private_dns::Request::Apply(dns::PrivateDns {
            dot: dns::DotMode::Opportunistic,
            ..strict.clone()
        }))
    );
    assert!(ui_shows(&app, "Signing in to this network"));
    // Online again: strict encryption comes back by itself.
    let _ = app
        .pages
        .private_dns
        .update(private_dns::Message::Applied(Ok(dns::Applied::default())));
    let restored = app.pages.private_dns.update(network(Connectivity::Full));
    assert_eq!(restored.request, Some(private_dns::Request::Apply(strict)));
    assert!(app.pages.private_dns.portal_exception.is_none());
}

/// The Network page with a wired device, a Wi-Fi device with three networks in range
/// and a saved WireGuard tunnel.
fn network_app() -> App {
    use ferrum_services::network::{
        AccessPoint, ActiveConnection, ActiveState, ConnectionType, Device, DeviceKind,
        DeviceState, IpDetails, IpMethod, IpNetwork, Metered, Overview, SavedConnection, Security,
        Ssid, StateReason,
    };
    use ferrum_services::network_status::Connectivity;
    let saved = |path: &str, id: &str, kind, ssid: Option<&[u8]>| SavedConnection {
        path: path.into(),
        id: id.into(),
        uuid: format!("uuid-{id}"),
        kind,
        autoconnect: kind != ConnectionType::WireGuard,
        ssid: ssid.map(|bytes| Ssid(bytes.to_vec())),
        interface: None,
        ipv4_method: IpMethod::Automatic,
        metered: Metered::Automatic,
        mtu: 0,
        hotspot: false,
    };
    let network = |path: &str, ssid: &[u8], strength, security, known, active| AccessPoint {
        path: path.into(),
        ssid: Ssid(ssid.to_vec()),
        strength,
        security,
        frequency_mhz: 5180,
        known,
        active,
    };
    let overview = Overview {
        networking_enabled: true,
        wireless_enabled: true,
        wireless_hardware_enabled: true,
        wwan_enabled: false,
        connectivity: Connectivity::Full,
        connectivity_check_uri: None,
        devices: vec![
            Device {
                path: "/dev/1".into(),
                interface: "enp1s0".into(),
                kind: DeviceKind::Ethernet,
                state: DeviceState::Activated,
                state_code: 100,
                reason: StateReason::None,
                hw_address: "52:54:00:12:34:56".into(),
                speed_mbps: Some(1000),
                carrier: Some(true),
                active: Some(ActiveConnection {
                    path: "/active/1".into(),
                    profile: "/settings/1".into(),
                    id: "Wired".into(),
                    uuid: "uuid-wired".into(),
                    state: ActiveState::Activated,
                }),
                ip: IpDetails {
                    ipv4: vec![IpNetwork {
                        address: "192.0.2.65".parse().unwrap(),
                        prefix: 24,
                    }],
                    ipv4_gateway: Some("192.0.2.1".parse().unwrap()),
                    ipv6: Vec::new(),
                    ipv6_gateway: None,
                    dns: vec!["192.0.2.1".parse().unwrap()],
                    dhcp_lease_seconds: Some(3600),
                },
                networks: Vec::new(),
            },
            Device {
                path: "/dev/2".into(),
                interface: "wlan0".into(),
                kind: DeviceKind::Wifi,
                state: DeviceState::Disconnected,
                state_code: 30,
                reason: StateReason::None,
                hw_address: "11:22:33:44:55:66".into(),
                speed_mbps: None,
                carrier: None,
                active: None,
                ip: IpDetails::default(),
                networks: vec![
                    network(
                        "/ap/1",
                        "Home".as_bytes(),
                        82,
                        Security::WpaPersonal,
                        true,
                        false,
                    ),
                    network(
                        "/ap/2",
                        b"Caf\xe9 Paris",
                        64,
                        Security::Wpa3Personal,
                        false,
                        false,
                    ),
                    network(
                        "/ap/3",
                        "Free Wi-Fi ☕".as_bytes(),
                        40,
                        Security::Open,
                        false,
                        false,
                    ),
                ],
            },
        ],
        connections: vec![
            saved("/settings/1", "Wired", ConnectionType::Wired, None),
            saved("/settings/2", "Home", ConnectionType::Wifi, Some(b"Home")),
            saved("/settings/3", "office", ConnectionType::WireGuard, None),
        ],
        active: Vec::new(),
    };
    let mut app = app(Some("network"), ThemeChoice::Light);
    let _ = app.update(Message::Page(PageMessage::Network(
        network::Message::Overview(ServiceUpdate::Available(overview)),
    )));
    app
}

#[test]
fn network_snapshots_overview_password_error_and_vpn() {
    let _english = english();
    let mut app = network_app();
    assert_eq!(app.active(), PanelId::Network);
    assert!(ui_shows(&app, "enp1s0"));
    assert!(ui_shows(&app, "192.0.2.65/24"));
    assert!(ui_shows(&app, "Caf\u{FFFD} Paris"));
    assert!(ui_shows(&app, "office"));
    assert_tall_snapshot(&app, "network-overview");

    // Joining a network opens the password dialog; a short password is explained.
    let mut ui = simulate_sized(&app, (960.0, 1500.0));
    ui.click("Caf\u{FFFD} Paris")
        .expect("the network is listed");
    let messages: Vec<Message> = ui.into_messages().collect();
    let _ = replay(&mut app, messages);
    assert!(app.pages.network.join.is_some());
    let _ = app.update(Message::Page(PageMessage::Network(network::Message::Join(
        network::join::Message::PasswordChanged("1234".into()),
    ))));
    let _ = app.update(Message::Page(PageMessage::Network(network::Message::Join(
        network::join::Message::Confirm,
    ))));
    assert!(ui_shows(
        &app,
        "A Wi-Fi password has 8 to 63 characters; this one has 4."
    ));
    assert_tall_snapshot(&app, "network-password-error");
}

#[test]
fn network_settings_page_refuses_a_bad_gateway() {
    let _english = english();
    use ferrum_services::network::{Family, IpForm, MethodChoice, ProfileForm};
    let mut app = network_app();
    let _ = app.update(Message::Page(PageMessage::Network(
        network::Message::OpenSettings("/settings/1".into()),
    )));
    let _ = app.update(Message::Page(PageMessage::Network(
        network::Message::Connection(network::connection::Message::Loaded(
            "/settings/1".into(),
            Ok(ProfileForm {
                ipv4: IpForm::automatic(),
                ipv6: IpForm::automatic(),
                dns: String::new(),
                dot: None,
            }),
        )),
    )));
    let _ = app.update(Message::Page(PageMessage::Network(
        network::Message::Connection(network::connection::Message::MethodChosen(
            Family::V4,
            MethodChoice::Manual,
        )),
    )));
    for (field, text) in [
        (network::Field::Address(Family::V4), "192.0.2.20"),
        (network::Field::Prefix(Family::V4), "24"),
        (network::Field::Gateway(Family::V4), "198.51.100.1"),
    ] {
        let _ = app.update(Message::Page(PageMessage::Network(
            network::Message::Connection(network::connection::Message::FieldChanged(
                field,
                text.into(),
            )),
        )));
    }
    let _ = app.update(Message::Page(PageMessage::Network(
        network::Message::Connection(network::connection::Message::Apply),
    )));
    assert!(ui_shows(
        &app,
        "The gateway 198.51.100.1 is not on the network 192.0.2.20/24."
    ));
    assert_tall_snapshot(&app, "network-settings-error");
}

fn simulate_sized(app: &App, size: (f32, f32)) -> Simulator<'_, Message> {
    Simulator::with_size(
        iced::Settings {
            default_font: DEFAULT_FONT,
            ..iced::Settings::default()
        },
        size,
        app.view(),
    )
}

/// Clicks the widget `id` in a window of `size`, runs what the click produced through
/// `update`, and returns it.
fn click_and_replay(
    app: &mut App,
    size: (f32, f32),
    id: impl Into<iced::widget::Id> + std::fmt::Debug + Clone,
) -> Vec<Message> {
    let mut ui = simulate_sized(app, size);
    ui.click(selector::id(id.clone()))
        .unwrap_or_else(|_| panic!("{id:?} is on screen"));
    let messages: Vec<Message> = ui.into_messages().collect();
    replay(app, messages)
}

/// Right to left: the sidebar (its search field) sits on the right of the page's control
/// `id`.
fn assert_sidebar_on_the_right(app: &App, size: (f32, f32), id: impl Into<iced::widget::Id>) {
    let mut ui = simulate_sized(app, size);
    let control = ui.find(selector::id(id)).expect("the page's control");
    let search = ui
        .find(selector::id(ferrum_settings::app::SEARCH_ID))
        .expect("search field");
    assert!(
        search.bounds().x > control.bounds().x,
        "sidebar must be on the right"
    );
}

/// The high-contrast and Arabic goldens a page has beside its light and dark ones, as one
/// module of tests per page (`<page>_styles::snapshot_high_contrast`,
/// `<page>_styles::snapshot_arabic_right_to_left`): `$make` builds the page's app for a style,
/// `$window` is its golden's size and `$anchor` one of its controls, which must lie left of
/// the sidebar in Arabic. Goldens: `<page>-high-contrast`, `<page>-ar`.
macro_rules! style_goldens {
    ($module:ident, $page:literal, $make:expr, $window:expr, $anchor:expr) => {
        mod $module {
            use super::*;

            #[test]
            fn snapshot_high_contrast() {
                let _english = english();
                let app = high_contrast(($make)(ThemeChoice::Light));
                assert_snapshot_sized(&app, concat!($page, "-high-contrast"), $window);
            }

            #[test]
            fn snapshot_arabic_right_to_left() {
                let _arabic = ferrum_i18n::use_locale("ar_EG.UTF-8");
                assert!(ferrum_i18n::is_rtl());
                let app = ($make)(ThemeChoice::Light);
                assert_sidebar_on_the_right(&app, $window, $anchor);
                assert_snapshot_sized(&app, concat!($page, "-ar"), $window);
            }
        }
    };
}

style_goldens!(
    sound_styles,
    "sound",
    sound_app,
    SOUND_WINDOW,
    ferrum_panels::ids::SOUND_OUTPUT_VOLUME
);
style_goldens!(
    security_styles,
    "security",
    security_app,
    SECURITY_WINDOW,
    ferrum_panels::ids::SECURITY_COPY
);
style_goldens!(
    date_time_styles,
    "date-time",
    date_time_app,
    DATE_TIME_WINDOW,
    ferrum_panels::ids::DATE_TIME_ZONE
);
style_goldens!(
    firmware_styles,
    "firmware",
    firmware_app,
    FIRMWARE_WINDOW,
    ferrum_panels::ids::FIRMWARE_CHECK
);

#[test]
fn network_hotspot_shows_its_qr_code() {
    let _english = english();
    use ferrum_services::network::{ActiveConnection, ActiveState, ConnectionType, DeviceState};
    use ferrum_ui::status::ServiceStatus;
    let mut app = network_app();
    let ServiceStatus::Ready(overview) = &mut app.pages.network.overview else {
        panic!("fixture not loaded")
    };
    let mut hotspot = overview.connections[1].clone();
    hotspot.path = "/settings/4".into();
    hotspot.id = "Hotspot".into();
    hotspot.kind = ConnectionType::Wifi;
    hotspot.hotspot = true;
    hotspot.ssid = Some(ferrum_services::network::Ssid::from("Ferrum Lab"));
    overview.connections.push(hotspot);
    let wifi = &mut overview.devices[1];
    wifi.state = DeviceState::Activated;
    wifi.state_code = 100;
    wifi.active = Some(ActiveConnection {
        path: "/active/4".into(),
        profile: "/settings/4".into(),
        id: "Hotspot".into(),
        uuid: "uuid-hotspot".into(),
        state: ActiveState::Activated,
    });
    app.pages.network.shared = Some(network::SharedNetwork {
        name: "Ferrum Lab".into(),
        password: "lab-password".to_owned().into(),
    });
    assert!(ui_shows(&app, "Hotspot on"));
    assert!(ui_shows(&app, "lab-password"));
    assert!(ui_shows(&app, "Scan it with a phone's camera to join."));
    assert_tall_snapshot(&app, "network-hotspot");
    // The drawn code is readable: a real QR decoder (zbar) reads the join text from the
    // image the page renders (the golden it matched).
    let image = golden_file("network-hotspot");
    let decoded = std::process::Command::new("zbarimg")
        .args(["-q", "--raw"])
        .arg(&image)
        .output()
        .expect("zbarimg (zbar-tools, installed by `cargo xtask deps`)");
    assert_eq!(
        String::from_utf8_lossy(&decoded.stdout).trim(),
        "WIFI:T:WPA;S:Ferrum Lab;P:lab-password;;"
    );
}

/// The Bluetooth page as BlueZ would show it, without a daemon: one adapter, a
/// connected headset with its battery and a keyboard paired, a phone and an
/// unnamed device nearby.
fn bluetooth_app(theme: ThemeChoice) -> App {
    use ferrum_services::bluetooth::{
        Adapter, AdapterId, Device, DeviceAddress, DeviceKind, ServiceKind, Snapshot, Update,
    };
    let device = |address: [u8; 6], alias: &str, kind, paired: bool| Device {
        adapter: AdapterId::new("hci0"),
        address: DeviceAddress(address),
        name: Some(alias.to_owned()).filter(|name| !name.is_empty()),
        alias: alias.to_owned(),
        kind,
        rssi: None,
        paired,
        trusted: paired,
        connected: false,
        blocked: false,
        battery: None,
        services: Vec::new(),
    };
    let mut headset = device(
        [0x00, 0x1B, 0x66, 0x01, 0x02, 0x03],
        "WH-1000XM4",
        DeviceKind::Headset,
        true,
    );
    headset.connected = true;
    headset.battery = Some(80);
    headset.services = vec![
        ServiceKind::AudioSink,
        ServiceKind::Headset,
        ServiceKind::RemoteControl,
    ];
    let keyboard = device(
        [0xDC, 0x2C, 0x26, 0x0A, 0x0B, 0x0C],
        "K380",
        DeviceKind::Keyboard,
        true,
    );
    let mut phone = device(
        [0x5C, 0xF3, 0x70, 0x11, 0x22, 0x33],
        "Pixel 8",
        DeviceKind::Phone,
        false,
    );
    phone.rssi = Some(-52);
    let mut unnamed = device(
        [0x7A, 0x10, 0x44, 0x9C, 0x01, 0xEF],
        "",
        DeviceKind::Other,
        false,
    );
    unnamed.rssi = Some(-88);
    let snapshot = Snapshot {
        adapters: vec![Adapter {
            id: AdapterId::new("hci0"),
            address: DeviceAddress([0x00, 0x1A, 0x7D, 0xDA, 0x71, 0x13]),
            alias: "ferrum-laptop".into(),
            system_name: "ferrum-laptop".into(),
            powered: true,
            discoverable: true,
            discovering: true,
        }],
        devices: vec![headset, keyboard, phone, unnamed],
    };
    let mut app = app(Some("bluetooth"), theme);
    let _ = app.update(Message::Page(PageMessage::Bluetooth(
        bluetooth::Message::Watched(Update::Snapshot(snapshot)),
    )));
    app
}

const BLUETOOTH_WINDOW: (f32, f32) = (960.0, 1000.0);

#[test]
fn bluetooth_snapshots_light_and_dark() {
    let _english = english();
    let app = bluetooth_app(ThemeChoice::Light);
    assert_eq!(app.active(), PanelId::Bluetooth);
    for shown in [
        "My devices",
        "Nearby devices",
        "Headset · Connected · Trusted · Battery 80 %",
        "Keyboard · Paired · Trusted",
        "Phone · Strong signal",
        "7A:10:44:9C:01:EF",
        "Device · Weak signal",
        "While this page is open, nearby devices can find this computer as “ferrum-laptop”.",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    assert_snapshot_sized(&app, "bluetooth-light", BLUETOOTH_WINDOW);
    assert_snapshot_sized(
        &bluetooth_app(ThemeChoice::Dark),
        "bluetooth-dark",
        BLUETOOTH_WINDOW,
    );
}

#[test]
fn bluetooth_snapshot_high_contrast() {
    let _english = english();
    let app = high_contrast(bluetooth_app(ThemeChoice::Light));
    assert_snapshot_sized(&app, "bluetooth-high-contrast", BLUETOOTH_WINDOW);
}

#[test]
fn bluetooth_snapshot_arabic_right_to_left() {
    let _arabic = ferrum_i18n::use_locale("ar_EG.UTF-8");
    let app = bluetooth_app(ThemeChoice::Light);
    assert!(ui_shows(&app, "أجهزتي"));
    assert!(ui_shows(&app, "الأجهزة القريبة"));
    assert_snapshot_sized(&app, "bluetooth-ar", BLUETOOTH_WINDOW);
}

#[test]
fn bluetooth_pair_click_sends_the_pairing_and_the_dialog_is_shown() {
    use ferrum_services::bluetooth::{AdapterId, AgentAsk, AgentRequest, DeviceAddress, Update};
    let _english = english();
    let mut app = bluetooth_app(ThemeChoice::Light);
    let phone = DeviceAddress([0x5C, 0xF3, 0x70, 0x11, 0x22, 0x33]);
    let mut ui = simulate_sized(&app, BLUETOOTH_WINDOW);
    ui.click(selector::id(ferrum_panels::ids::bluetooth_device(
        &phone, "pair",
    )))
    .expect("the phone's Pair button");
    let messages: Vec<Message> = ui.into_messages().collect();
    let _ = replay(&mut app, messages);
    assert!(app.pages.bluetooth.pending_for(&phone).is_some());
    assert!(ui_shows(&app, "Phone · Pairing… · Strong signal"));
    // BlueZ asks to compare a passkey: the dialog shows the question.
    let (request, _answer) = AgentRequest::new(
        AdapterId::new("hci0"),
        phone,
        AgentAsk::Confirm { passkey: 123_456 },
    );
    let _ = app.update(Message::Page(PageMessage::Bluetooth(
        bluetooth::Message::Watched(Update::Agent(request)),
    )));
    assert!(ui_shows(
        &app,
        "Does “Pixel 8” show 123456? Confirm only if it shows the same number."
    ));
    assert_snapshot_sized(&app, "bluetooth-pairing", BLUETOOTH_WINDOW);
}

#[test]
fn bluetooth_without_bluetoothd_says_so() {
    use ferrum_services::bluetooth::{BluetoothError, Update};
    let _english = english();
    let mut app = bluetooth_app(ThemeChoice::Light);
    let _ = app.update(Message::Page(PageMessage::Bluetooth(
        bluetooth::Message::Watched(Update::Unavailable(BluetoothError::NotRunning)),
    )));
    assert!(ui_shows(&app, "Bluetooth is not running"));
    let _ = app.update(Message::Page(PageMessage::Bluetooth(
        bluetooth::Message::Watched(Update::Unavailable(BluetoothError::NoAdapter)),
    )));
    assert!(ui_shows(&app, "No Bluetooth adapter"));
}

#[test]
fn bluetooth_details_show_services_and_commands() {
    use ferrum_services::bluetooth::DeviceAddress;
    let _english = english();
    let mut app = bluetooth_app(ThemeChoice::Light);
    let headset = DeviceAddress([0x00, 0x1B, 0x66, 0x01, 0x02, 0x03]);
    let _ = app.update(Message::Page(PageMessage::Bluetooth(
        bluetooth::Message::Device(bluetooth::devices::Message::ToggleDetails(headset)),
    )));
    for shown in [
        "00:1B:66:01:02:03",
        "Audio playback, Calls (headset), Media controls",
        "Rename",
        "Block",
        "Forget",
        "Sound settings",
        "Hide details",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    assert_snapshot_sized(&app, "bluetooth-details", BLUETOOTH_WINDOW);
    // Forget asks first.
    let _ = app.update(Message::Page(PageMessage::Bluetooth(
        bluetooth::Message::Device(bluetooth::devices::Message::Forget(headset)),
    )));
    assert!(ui_shows(&app, "Forget “WH-1000XM4”?"));
    assert!(
        !ui_shows(&app, "Rename"),
        "the commands wait for the answer"
    );
}

/// The Sound page's fixture nodes: two outputs, the input, a playing stream, and the
/// devices they belong to.
mod sound_fixture {
    use ferrum_services::audio::{DeviceId, NodeId};
    pub const SPEAKERS: NodeId = NodeId(40);
    pub const HEADPHONES: NodeId = NodeId(41);
    pub const MICROPHONE: NodeId = NodeId(42);
    pub const PLAYER: NodeId = NodeId(60);
    pub const CARD: DeviceId = DeviceId(30);
    pub const HEADSET: DeviceId = DeviceId(31);
}

/// The Sound page as PipeWire and WirePlumber would show it, without a daemon: the
/// built-in card's output (the default, 60 %, on its speakers; nothing in the headphone
/// jack) and a Bluetooth headset's output
/// (35 %, a little to the right), the built-in microphone (50 %), "Music Player" playing
/// on the speakers, the card with its "Off" and duplex profiles and the headset with its
/// listening (A2DP) and calls (HSP/HFP) profiles; the meters read 62 % and 24 %.
fn sound_app(theme: ThemeChoice) -> App {
    use ferrum_panels::sound;
    use ferrum_services::audio::{
        AppStream, AudioDevice, Availability, Channel, ChannelVolumes, Defaults, Direction,
        Endpoint, NodeState, NodeVolume, Port, Profile, Snapshot, StreamDirection, Update,
    };
    use sound_fixture::*;
    let stereo = |left: f32, right: f32| NodeVolume {
        channels: ChannelVolumes::from_sliders(&[left, right]),
        map: vec![Channel::FrontLeft, Channel::FrontRight],
        mute: false,
    };
    let endpoint = |id, direction, name: &str, description: &str, device, volume| Endpoint {
        id,
        direction,
        name: name.into(),
        description: description.into(),
        icon_name: None,
        device: Some(device),
        volume: Some(volume),
        ports: Vec::new(),
    };
    let profile = |index, name: &str, description: &str, priority| Profile {
        index,
        name: name.into(),
        description: description.into(),
        available: Availability::Yes,
        priority,
    };
    let port = |index, name: &str, description: &str, available, active| Port {
        index,
        name: name.into(),
        description: description.into(),
        available,
        priority: 100 - index,
        active,
    };
    let mut speakers = endpoint(
        SPEAKERS,
        Direction::Output,
        "alsa_output.pci-0000_00_1f.3.analog-stereo",
        "Built-in Audio Analog Stereo",
        CARD,
        stereo(0.6, 0.6),
    );
    speakers.ports = vec![
        port(
            0,
            "analog-output-speaker",
            "Speakers",
            Availability::Unknown,
            true,
        ),
        port(
            1,
            "analog-output-headphones",
            "Headphones",
            Availability::No,
            false,
        ),
    ];
    let snapshot = Snapshot {
        outputs: vec![
            speakers,
            endpoint(
                HEADPHONES,
                Direction::Output,
                "bluez_output.00_1B_66_01_02_03.1",
                "WH-1000XM4",
                HEADSET,
                stereo(0.28, 0.35),
            ),
        ],
        inputs: vec![endpoint(
            MICROPHONE,
            Direction::Input,
            "alsa_input.pci-0000_00_1f.3.analog-stereo",
            "Built-in Audio Microphone",
            CARD,
            NodeVolume {
                channels: ChannelVolumes::from_sliders(&[0.5]),
                map: vec![Channel::Mono],
                mute: false,
            },
        )],
        streams: vec![AppStream {
            id: PLAYER,
            direction: StreamDirection::Playback,
            application_name: Some("Music Player".into()),
            icon_name: Some("audio-x-generic".into()),
            binary: Some("music-player".into()),
            media_name: Some("Gymnopédie No. 1".into()),
            media_role: Some("Music".into()),
            linked_to: vec![SPEAKERS],
            target: None,
            volume: Some(stereo(0.8, 0.8)),
            state: NodeState::Running,
        }],
        devices: vec![
            AudioDevice {
                id: CARD,
                name: "alsa_card.pci-0000_00_1f.3".into(),
                description: "Built-in Audio".into(),
                icon_name: Some("audio-card".into()),
                form_factor: Some("internal".into()),
                bus: Some("pci".into()),
                profiles: vec![
                    profile(0, "off", "Off", 0),
                    profile(
                        1,
                        "output:analog-stereo+input:analog-stereo",
                        "Analog Stereo Duplex",
                        6565,
                    ),
                ],
                active_profile: Some(1),
            },
            AudioDevice {
                id: HEADSET,
                name: "bluez_card.00_1B_66_01_02_03".into(),
                description: "WH-1000XM4".into(),
                icon_name: Some("audio-headset".into()),
                form_factor: Some("headset".into()),
                bus: Some("bluetooth".into()),
                profiles: vec![
                    profile(0, "off", "Off", 0),
                    profile(
                        1,
                        "a2dp-sink",
                        "High Fidelity Playback (A2DP Sink, codec SBC)",
                        16,
                    ),
                    profile(
                        2,
                        "headset-head-unit",
                        "Headset Head Unit (HSP/HFP, codec mSBC)",
                        1,
                    ),
                ],
                active_profile: Some(1),
            },
        ],
        defaults: Defaults {
            output: Some("alsa_output.pci-0000_00_1f.3.analog-stereo".into()),
            input: Some("alsa_input.pci-0000_00_1f.3.analog-stereo".into()),
            configured_output: None,
            configured_input: None,
        },
        session_manager: true,
    };
    let mut app = app(Some("sound"), theme);
    for message in [
        sound::Message::Watched(Update::Snapshot(snapshot)),
        sound::Message::Level(sound::Meter::Output, Ok(0.62)),
        sound::Message::Level(sound::Meter::Input, Ok(0.24)),
    ] {
        let _ = app.update(Message::Page(PageMessage::Sound(message)));
    }
    app
}

/// Tall enough for the whole Sound page: both outputs with the default's connectors and controls, the
/// input, the playing application with its devices, and both devices' profiles.
const SOUND_WINDOW: (f32, f32) = (960.0, 1700.0);

#[test]
fn sound_snapshots_light_and_dark() {
    let _english = english();
    let app = sound_app(ThemeChoice::Light);
    assert_eq!(app.active(), PanelId::Sound);
    for shown in [
        "Output",
        "Built-in Audio Analog Stereo",
        "WH-1000XM4",
        "Connector",
        "Speakers",
        "Headphones",
        "Nothing is plugged in.",
        "Output volume",
        "60 %",
        "Built-in Audio Microphone",
        "Applications",
        "Music Player",
        "Gymnopédie No. 1",
        "Playing on Built-in Audio Analog Stereo",
        "Devices",
        "Analog Stereo Duplex",
        "High Fidelity Playback (A2DP Sink, codec SBC)",
        "Best sound quality for listening; the headset's microphone is off.",
        "Turns the headset's microphone on, for calls; the sound quality is lower.",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    assert_snapshot_sized(&app, "sound-light", SOUND_WINDOW);
    assert_snapshot_sized(&sound_app(ThemeChoice::Dark), "sound-dark", SOUND_WINDOW);
}

#[test]
fn sound_without_pipewire_says_so() {
    use ferrum_services::audio::{AudioError, Update};
    let _english = english();
    let mut app = sound_app(ThemeChoice::Light);
    let _ = app.update(Message::Page(PageMessage::Sound(
        ferrum_panels::sound::Message::Watched(Update::Unavailable(AudioError::NotRunning)),
    )));
    assert!(ui_shows(&app, "The sound service is not running"));
    assert!(!ui_shows(&app, "Output volume"));
    assert_snapshot(&app, "sound-unavailable");
}

#[test]
fn sound_choosing_an_output_sets_the_default() {
    use ferrum_panels::sound;
    use ferrum_services::audio::{Action, Direction};
    use sound_fixture::*;
    let _english = english();
    let mut app = sound_app(ThemeChoice::Light);
    let messages = click_and_replay(
        &mut app,
        SOUND_WINDOW,
        ferrum_panels::ids::sound_endpoint(Direction::Output, "bluez_output.00_1B_66_01_02_03.1"),
    );
    assert!(
        matches!(
            messages.as_slice(),
            [Message::Page(PageMessage::Sound(
                sound::Message::DefaultChosen(Direction::Output, HEADPHONES)
            ))]
        ),
        "{messages:?}"
    );
    assert_eq!(
        app.pages.sound.pending,
        [Action::SetDefault {
            direction: Direction::Output,
            node: HEADPHONES,
        }]
    );
}

#[test]
fn sound_arrow_key_on_the_volume_slider_sets_the_volume() {
    use ferrum_panels::sound;
    use ferrum_services::audio::{Action, VolumeChange, VolumeLimit};
    use iced::keyboard::key::Named;
    use sound_fixture::*;
    let _english = english();
    let mut app = sound_app(ThemeChoice::Light);
    let mut ui = simulate_sized(&app, SOUND_WINDOW);
    // A click on the slider's value ("60 %", beside the bar) gives it the keyboard focus
    // without moving it; Right then raises it one step (5 %).
    let slider = ui
        .find(selector::id(ferrum_panels::ids::SOUND_OUTPUT_VOLUME))
        .expect("the output volume slider")
        .bounds();
    ui.point_at(iced::Point::new(
        slider.x + slider.width - 10.0,
        slider.center_y(),
    ));
    let _ = ui.simulate(iced_test::simulator::click());
    let _ = ui.tap_key(Named::ArrowRight);
    let messages: Vec<Message> = ui.into_messages().collect();
    let messages = replay(&mut app, messages);
    let [Message::Page(PageMessage::Sound(sound::Message::Volume(node, value)))] =
        messages.as_slice()
    else {
        panic!("expected one volume change, got {messages:?}");
    };
    assert_eq!(*node, SPEAKERS);
    assert!((value - 0.65).abs() < 1e-4, "{value}");
    assert!(
        matches!(
            app.pages.sound.pending.as_slice(),
            [Action::SetVolume {
                node: SPEAKERS,
                change: VolumeChange::Master(slider),
                limit: VolumeLimit::Normal,
            }] if (slider - 0.65).abs() < 1e-4
        ),
        "{:?}",
        app.pages.sound.pending
    );
    assert!(ui_shows(&app, "65 %"));
}

/// The owner of the sample's jobs in the Printers snapshots: a fixed name, as the job lines
/// draw it (the page's own user is the process's, which differs from machine to machine).
const PRINT_OWNER: &str = "ada";

/// Runs a Printers page message through the app.
fn printers_update(app: &mut App, message: printers::Message) {
    let _ = app.update(Message::Page(PageMessage::Printers(message)));
}

/// The Printers page as CUPS would show it, without a cupsd: `printers::sample::snapshot`,
/// the office printer (the default, out of paper, four inks) and the paused label printer,
/// with three jobs on the office printer, all `owner`'s but one.
fn printers_app_of(theme: ThemeChoice, owner: &str) -> App {
    use ferrum_services::printers::Update;
    let mut app = app(Some("printers"), theme);
    printers_update(
        &mut app,
        printers::Message::Watched(Update::Available(printers::sample::snapshot(owner))),
    );
    app
}

/// [`printers_app_of`] with the snapshots' fixed job owner.
fn printers_app(theme: ThemeChoice) -> App {
    printers_app_of(theme, PRINT_OWNER)
}

/// Tall enough for both printers' cards below the Add dialog.
const PRINTERS_ADD_WINDOW: (f32, f32) = (960.0, 1100.0);
/// Tall enough for the office printer's details (options and jobs) and the label printer.
const PRINTERS_DETAILS_WINDOW: (f32, f32) = (960.0, 1400.0);

#[test]
fn printers_snapshots_light_and_dark() {
    let _english = english();
    let app = printers_app(ThemeChoice::Light);
    assert_eq!(app.active(), PanelId::Printers);
    for shown in [
        "Add a printer…",
        "Office Printer",
        "Default printer",
        "Ready",
        "Out of paper.",
        "Ink and toner",
        "Black: 80 %",
        "Magenta: 8 %",
        "Yellow: level unknown",
        "Labels",
        "Paused",
        "The printer does not report its ink or toner levels.",
        "Make default",
        "Resume",
        "Pause",
        "Print a test page",
        "Details",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    // The label printer is paused: its state says so once, not again as a reason.
    assert!(!ui_shows(&app, "Paused by an administrator."));
    assert_snapshot(&app, "printers-light");
    assert_snapshot(&printers_app(ThemeChoice::Dark), "printers-dark");
}

#[test]
fn printers_snapshot_high_contrast() {
    let _english = english();
    let app = high_contrast(printers_app(ThemeChoice::Light));
    assert_snapshot(&app, "printers-high-contrast");
}

#[test]
fn printers_snapshot_arabic_right_to_left() {
    let _arabic = ferrum_i18n::use_locale("ar_EG.UTF-8");
    assert!(ferrum_i18n::is_rtl());
    let app = printers_app(ThemeChoice::Light);
    assert!(ui_shows(&app, "الطابعات"));
    let office = printers::sample::queue("Office");
    assert_sidebar_on_the_right(
        &app,
        WINDOW,
        ferrum_panels::ids::printer(&office, "details"),
    );
    assert_snapshot(&app, "printers-ar");
}

#[test]
fn printers_without_cups_says_so() {
    use ferrum_services::printers::Update;
    let _english = english();
    let mut app = printers_app(ThemeChoice::Light);
    printers_update(&mut app, printers::Message::Watched(Update::Unavailable));
    assert!(ui_shows(&app, "The printing service is not running"));
    assert!(ui_shows(
        &app,
        "CUPS is not running. The page shows the printers again as soon as it is back."
    ));
    assert!(!ui_shows(&app, "Office Printer"));
    assert!(!ui_shows(&app, "Add a printer…"));
    assert_snapshot(&app, "printers-unavailable");
}

#[test]
fn printers_details_show_where_options_and_jobs() {
    let _english = english();
    let mut app = printers_app(ThemeChoice::Light);
    let office = printers::sample::queue("Office");
    printers_update(&mut app, printers::Message::ToggleDetails(office.clone()));
    assert_eq!(app.pages.printers.open, Some(office));
    for shown in [
        "Hide details",
        "Location",
        "Second floor, by the kitchen",
        "Address",
        "192.0.2.20",
        "Model",
        "Example OfficeJet 9000",
        "Default options",
        "Paper size",
        "Two-sided",
        "Two-sided, long edge (book)",
        "Colour",
        "Black and white",
        "Quality",
        "Draft",
        "Jobs",
        "Quarterly report.pdf — ada",
        "Boarding pass — ada",
        "Another person's document",
        "On hold",
        "Release",
        "Hold",
        "Rename",
        "Remove",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    // None of the jobs is the person's here (ada's, and another person's).
    assert!(!ui_shows(&app, "Cancel all my jobs"));
    assert_snapshot_sized(&app, "printers-details", PRINTERS_DETAILS_WINDOW);
}

/// Two printers the network announced: a driverless one and one that needs a driver.
fn found_printers() -> Vec<ferrum_services::printers::Discovered> {
    use ferrum_services::printers::{Discovered, DriverSupport, PrinterUri};
    let found = |name: &str, host: &str, address: &str, uri: &str, driver| Discovered {
        name: name.to_owned(),
        host: host.to_owned(),
        addresses: vec![address.parse().expect("an address")],
        uri: PrinterUri::parse(uri).expect("a printer address"),
        offers_tls: true,
        make_and_model: Some(format!("{name} (announced)")),
        location: Some("Hall".to_owned()),
        driver,
        uuid: None,
        queue: None,
    };
    vec![
        found(
            "Hall Printer",
            "hall-printer.local",
            "192.0.2.30",
            "ipp://192.0.2.30:631/ipp/print",
            DriverSupport::IppEverywhere,
        ),
        found(
            "Old LaserJet",
            "old-laserjet.local",
            "192.0.2.31",
            "ipp://192.0.2.31:631/printers/lj",
            DriverSupport::NeedsDriver,
        ),
    ]
}

/// The Printers page with the Add dialog open and the network's [`found_printers`].
fn printers_adding() -> App {
    use ferrum_services::printers::DiscoveryUpdate;
    let mut app = printers_app(ThemeChoice::Light);
    printers_update(&mut app, printers::Message::AddOpened);
    printers_update(
        &mut app,
        printers::Message::Add(printers::AddMessage::Found(DiscoveryUpdate::Found(
            found_printers(),
        ))),
    );
    app
}

#[test]
fn printers_add_dialog_shows_found_printers_and_refuses_a_bad_address() {
    use ferrum_services::printers::AddressError;
    let _english = english();
    let mut app = printers_adding();
    for message in [
        printers::AddMessage::AddressChanged("ipp://256.1.1.1/".into()),
        printers::AddMessage::AddressSubmitted,
    ] {
        printers_update(&mut app, printers::Message::Add(message));
    }
    let dialog = app.pages.printers.add.as_ref().expect("the dialog is open");
    assert_eq!(
        dialog.address_error,
        Some(AddressError::BadHost("256.1.1.1".into()))
    );
    assert_eq!(
        dialog.address, "ipp://256.1.1.1/",
        "the text stays as typed"
    );
    assert!(
        app.pages.printers.pending.is_empty(),
        "nothing sent to CUPS"
    );
    for shown in [
        "Add a printer",
        "Close",
        "Hall Printer",
        "hall-printer.local (192.0.2.30)",
        "Old LaserJet",
        "Needs a driver that Ferrum does not have: only driverless printers (IPP Everywhere, AirPrint) can be added.",
        "Add by address",
        "Address (ipp://, ipps:// or a host name)",
        "“256.1.1.1” is not a valid host name or IP address.",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    // Only the driverless printer has an Add button.
    let mut ui = simulate_sized(&app, PRINTERS_ADD_WINDOW);
    assert!(
        ui.find(selector::id(ferrum_panels::ids::printers_found(
            "ipp://192.0.2.30:631/ipp/print"
        )))
        .is_ok()
    );
    assert!(
        ui.find(selector::id(ferrum_panels::ids::printers_found(
            "ipp://192.0.2.31:631/printers/lj"
        )))
        .is_err()
    );
    drop(ui);
    assert_snapshot_sized(&app, "printers-add", PRINTERS_ADD_WINDOW);
}

#[test]
fn printers_make_default_click_sends_the_request() {
    use ferrum_services::printers::Action;
    let _english = english();
    let mut app = printers_app(ThemeChoice::Light);
    let labels = printers::sample::queue("Labels");
    let messages = click_and_replay(
        &mut app,
        WINDOW,
        ferrum_panels::ids::printer(&labels, "default"),
    );
    assert!(
        matches!(
            messages.as_slice(),
            [Message::Page(PageMessage::Printers(printers::Message::SetDefault(queue)))]
                if *queue == labels
        ),
        "{messages:?}"
    );
    assert_eq!(app.pages.printers.pending, [Action::SetDefault(labels)]);
    // The office printer is the default already: it offers no "Make default".
    let office = printers::sample::queue("Office");
    let mut ui = simulate_sized(&app, WINDOW);
    assert!(
        ui.find(selector::id(ferrum_panels::ids::printer(
            &office, "default"
        )))
        .is_err()
    );
}

#[test]
fn printers_details_click_opens_them_and_cancel_all_mine_cancels_only_mine() {
    use ferrum_services::printers::{Action, JobId};
    let _english = english();
    // The sample's jobs 7 and 8 are the person's own, 9 another person's.
    let me = ferrum_services::printers::user_name();
    let mut app = printers_app_of(ThemeChoice::Light, &me);
    let office = printers::sample::queue("Office");
    let messages = click_and_replay(
        &mut app,
        WINDOW,
        ferrum_panels::ids::printer(&office, "details"),
    );
    assert!(
        matches!(
            messages.as_slice(),
            [Message::Page(PageMessage::Printers(printers::Message::ToggleDetails(queue)))]
                if *queue == office
        ),
        "{messages:?}"
    );
    assert_eq!(app.pages.printers.open, Some(office.clone()));
    let _ = click_and_replay(
        &mut app,
        PRINTERS_DETAILS_WINDOW,
        ferrum_panels::ids::printer(&office, "cancel-mine"),
    );
    assert_eq!(
        app.pages.printers.pending,
        [Action::CancelJob(JobId(7)), Action::CancelJob(JobId(8))]
    );
}

#[test]
fn printers_adding_a_found_printer_sends_its_address() {
    use ferrum_services::printers::{Action, PrinterUri, QueueName};
    let _english = english();
    let mut app = printers_adding();
    let uri = "ipp://192.0.2.30:631/ipp/print";
    let _ = click_and_replay(
        &mut app,
        PRINTERS_ADD_WINDOW,
        ferrum_panels::ids::printers_found(uri),
    );
    let taken = [
        printers::sample::queue("Office"),
        printers::sample::queue("Labels"),
    ];
    assert_eq!(
        app.pages.printers.pending,
        [Action::Add {
            name: QueueName::derive("Hall Printer", &taken),
            uri: PrinterUri::parse(uri).unwrap(),
            info: "Hall Printer".into(),
            location: "Hall".into(),
        }]
    );
}

#[test]
fn printers_enter_in_the_address_field_submits() {
    use ferrum_services::printers::{Action, PrinterUri, QueueName};
    use iced::keyboard::key::Named;
    let _english = english();
    let mut app = printers_adding();
    let mut ui = simulate_sized(&app, PRINTERS_ADD_WINDOW);
    ui.click(selector::id(ferrum_panels::ids::PRINTERS_ADD_ADDRESS))
        .expect("the address field");
    let _ = ui.typewrite("192.0.2.40");
    let _ = ui.tap_key(Named::Enter);
    let messages: Vec<Message> = ui.into_messages().collect();
    let messages = replay(&mut app, messages);
    assert!(
        matches!(
            messages.last(),
            Some(Message::Page(PageMessage::Printers(
                printers::Message::Add(printers::AddMessage::AddressSubmitted)
            )))
        ),
        "{messages:?}"
    );
    let taken = [
        printers::sample::queue("Office"),
        printers::sample::queue("Labels"),
    ];
    assert_eq!(
        app.pages.printers.pending,
        [Action::Add {
            name: QueueName::derive("192.0.2.40", &taken),
            uri: PrinterUri::parse("ipp://192.0.2.40/ipp/print").unwrap(),
            info: "192.0.2.40".into(),
            location: String::new(),
        }]
    );
}

/// The Device Security page as it shows `security::sample::page`: fwupd at `HSI:2!` with
/// passed and failed checks on levels 1–3 and one found while running, two changes in its
/// log, and this computer as the image boots it (Secure Boot on with its own keys, TPM 2.0,
/// PCR 11 matching the signed prediction, the root verified) — without fwupd.
fn security_app(theme: ThemeChoice) -> App {
    let mut app = app(Some("security"), theme);
    app.pages.security = security::sample::page(SystemBus::with_address("unix:path=/nonexistent"));
    app
}

/// Tall enough for the whole Device Security page: the level, the facts, four groups of
/// checks and the changes.
const SECURITY_WINDOW: (f32, f32) = (960.0, 1640.0);

#[test]
fn security_snapshots_light_and_dark() {
    let _english = english();
    let app = security_app(ThemeChoice::Light);
    assert_eq!(app.active(), PanelId::DeviceSecurity);
    let id = ferrum_services::firmware::HostSecurityId::parse(security::sample::HSI)
        .expect("the sample's HSI");
    let headline = security::level_headline(&id);
    for shown in [
        "Device Security",
        "Copy report",
        "Security level",
        headline.as_str(),
        "Host security ID: HSI:2! (v2.0.20)",
        "This computer",
        "Secure Boot",
        "On: the firmware starts only signed software.",
        "This computer's own keys: only software signed for this system starts.",
        "TPM 2.0",
        "PCR 11 matches the signed prediction: the system started as it was built.",
        "Checks by level",
        "Level 1: critical",
        "Level 2: important",
        "Level 3: theoretical",
        "Found while running",
        "UEFI Secure Boot",
        "Pre-boot DMA Protection",
        "Linux Kernel Verification",
        "Changes",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    for sentence in security::level_sentences(&id) {
        assert!(ui_shows(&app, &sentence), "{sentence}");
    }
    assert_snapshot_sized(&app, "security-light", SECURITY_WINDOW);
    assert_snapshot_sized(
        &security_app(ThemeChoice::Dark),
        "security-dark",
        SECURITY_WINDOW,
    );
}

#[test]
fn security_copy_report_click_asks_fwupd_for_its_report() {
    let _english = english();
    let mut app = security_app(ThemeChoice::Light);
    let messages = click_and_replay(&mut app, WINDOW, ferrum_panels::ids::SECURITY_COPY);
    assert!(
        matches!(
            messages.as_slice(),
            [Message::Page(PageMessage::DeviceSecurity(
                security::Message::CopyReport
            ))]
        ),
        "{messages:?}"
    );
    assert!(
        app.pages.security.copying,
        "the report is being put together"
    );
}

#[test]
fn security_report_copied_is_said_where_lines_start_in_arabic() {
    let _arabic = ferrum_i18n::use_locale("ar_EG.UTF-8");
    let mut app = security_app(ThemeChoice::Light);
    for message in [
        security::Message::CopyReport,
        security::Message::ReportRead(Ok("fwupd's report".to_owned())),
    ] {
        let _ = app.update(Message::Page(PageMessage::DeviceSecurity(message)));
    }
    assert_eq!(app.pages.security.note, Some(security::Note::Copied));
    assert!(ui_shows(&app, &ferrum_i18n::fl!("security-copied")));
    assert_sidebar_on_the_right(&app, WINDOW, ferrum_panels::ids::SECURITY_COPY);
    assert_snapshot(&app, "security-copied-ar");
}

/// Runs a Firmware page message through the app.
fn firmware_update(app: &mut App, message: firmware::Message) {
    let _ = app.update(Message::Page(PageMessage::Firmware(message)));
}

/// The Firmware page as `firmware::sample::page` has it, without fwupd: the webcam (1.2.4
/// offered, high urgency, with release notes), the dock (4.5 offered), the processor; the
/// metadata checked an hour ago.
fn firmware_app(theme: ThemeChoice) -> App {
    let mut app = app(Some("firmware"), theme);
    app.pages.firmware = firmware::sample::page();
    app
}

/// The demo's page (`firmware::sample::in_progress`): the dock's update being written at
/// 40 %, the webcam's offered.
fn firmware_updating() -> App {
    let mut app = firmware_app(ThemeChoice::Light);
    app.pages.firmware = firmware::sample::in_progress();
    app
}

/// Tall enough for the Firmware page's three device cards (and the update under way or the
/// device request above them).
const FIRMWARE_WINDOW: (f32, f32) = (960.0, 1300.0);

#[test]
fn firmware_snapshots_light_and_dark() {
    let _english = english();
    let app = firmware_app(ThemeChoice::Light);
    assert_eq!(app.active(), PanelId::Firmware);
    for shown in [
        "Firmware",
        "Check for updates",
        "Devices",
        "Integrated Webcam™",
        "Made by Acme Corp.",
        "Version 1.2.2",
        "It can be used while it updates.",
        "Version 1.2.4 is available",
        "What's new",
        "USB-C Dock",
        "Version 4.5 is available",
        "Intel Core i7-1185G7",
        "Update",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    // The nameless helper device is not listed.
    assert_eq!(
        firmware::shown_devices(app.pages.firmware.snapshot().expect("a snapshot")).len(),
        3
    );
    assert_snapshot_sized(&app, "firmware-light", FIRMWARE_WINDOW);
    assert_snapshot_sized(
        &firmware_app(ThemeChoice::Dark),
        "firmware-dark",
        FIRMWARE_WINDOW,
    );
}

#[test]
fn firmware_update_in_progress_shows_its_step_and_percentage() {
    let _english = english();
    let app = firmware_updating();
    for shown in [
        "Updating USB-C Dock to version 4.5",
        "Writing the firmware",
        "40 %",
        "This update is being installed.",
        "Another update is being installed.",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    // No Update button while an update runs.
    let mut ui = simulate_sized(&app, FIRMWARE_WINDOW);
    assert!(
        ui.find(selector::id(ferrum_panels::ids::firmware_device(
            firmware::sample::WEBCAM,
            "update"
        )))
        .is_err()
    );
    drop(ui);
    assert_snapshot_sized(&app, "firmware-updating", FIRMWARE_WINDOW);
}

#[test]
fn firmware_update_in_progress_arabic_right_to_left() {
    let _arabic = ferrum_i18n::use_locale("ar_EG.UTF-8");
    let app = firmware_updating();
    assert!(ui_shows(&app, &ferrum_i18n::fl!("firmware-step-writing")));
    assert_sidebar_on_the_right(&app, FIRMWARE_WINDOW, ferrum_panels::ids::FIRMWARE_CHECK);
    assert_snapshot_sized(&app, "firmware-updating-ar", FIRMWARE_WINDOW);
}

#[test]
fn firmware_device_request_is_a_dialog() {
    use ferrum_services::firmware::{DeviceRequest, RequestKind, Update};
    let _english = english();
    let mut app = firmware_updating();
    firmware_update(
        &mut app,
        firmware::Message::Watched(Update::Request(DeviceRequest {
            id: DeviceRequest::REMOVE_REPLUG.to_owned(),
            kind: RequestKind::Immediate,
            message: None,
            image: None,
            device_id: Some(firmware::sample::DOCK.to_owned()),
            non_generic_message: false,
            non_generic_image: false,
        })),
    );
    let dialog = app
        .pages
        .firmware
        .prompt
        .as_ref()
        .expect("the dialog is open");
    let sentence = dialog.sentence();
    for shown in [
        sentence.as_str(),
        "Done",
        "Updating USB-C Dock to version 4.5",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    assert_snapshot_sized(&app, "firmware-request", FIRMWARE_WINDOW);
    // Done closes it.
    let _ = click_and_replay(
        &mut app,
        FIRMWARE_WINDOW,
        ferrum_panels::ids::FIRMWARE_PROMPT.child("done"),
    );
    assert_eq!(app.pages.firmware.prompt, None);
}

#[test]
fn firmware_update_click_starts_the_download() {
    use firmware::{Run, Step};
    let _english = english();
    let mut app = firmware_app(ThemeChoice::Light);
    let messages = click_and_replay(
        &mut app,
        FIRMWARE_WINDOW,
        ferrum_panels::ids::firmware_device(firmware::sample::WEBCAM, "update"),
    );
    assert!(
        matches!(
            messages.as_slice(),
            [Message::Page(PageMessage::Firmware(firmware::Message::Update(id)))]
                if id == firmware::sample::WEBCAM
        ),
        "{messages:?}"
    );
    assert!(
        matches!(
            &app.pages.firmware.run,
            Run::Active {
                step: Step::Downloading,
                target,
                ..
            } if target.device_id == firmware::sample::WEBCAM
        ),
        "{:?}",
        app.pages.firmware.run
    );
}

/// The Apps page as `apps::sample::page` has it, without Flatpak: Maps (the person's, with
/// an update that asks for the home folder) and Text Editor (everyone's, with a plain
/// update), the Flathub remote in both installations.
fn apps_app(theme: ThemeChoice) -> App {
    let mut app = app(Some("apps"), theme);
    app.pages.apps = apps::sample::page();
    app
}

/// The Apps page in the state `make` builds (light).
fn apps_app_with(make: fn() -> apps::State) -> App {
    let mut app = apps_app(ThemeChoice::Light);
    app.pages.apps = make();
    app
}

/// Tall enough for the Apps page's two installed apps, its search and its sources (and a
/// dialog or the change under way above them).
const APPS_WINDOW: (f32, f32) = (960.0, 1500.0);

style_goldens!(
    apps_styles,
    "apps",
    apps_app,
    APPS_WINDOW,
    ferrum_panels::ids::APPS_CHECK
);

#[test]
fn apps_snapshots_light_and_dark() {
    let _english = english();
    let app = apps_app(ThemeChoice::Light);
    assert_eq!(app.active(), PanelId::Apps);
    for shown in [
        "Apps",
        "Installed apps",
        "2 updates are available.",
        "Check for updates",
        "Update all",
        "Maps",
        "Text Editor",
        "An update is available. It asks for more permissions.",
        "An update is available.",
        "Install apps",
        "App sources",
        "Add source",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    assert_snapshot_sized(&app, "apps-light", APPS_WINDOW);
    assert_snapshot_sized(&apps_app(ThemeChoice::Dark), "apps-dark", APPS_WINDOW);
}

#[test]
fn app_permissions_snapshots_light_and_dark() {
    let _english = english();
    let app = apps_app_with(apps::sample::permissions);
    for shown in [
        "Permissions of Maps",
        "Use the network",
        "Not allowed — your setting for this app",
        "Your home folder",
        "Read only — your setting for all apps",
        "Reset to the app's defaults",
        "Allowed when asked",
        "Use the camera: allowed",
        "Revoke",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    // The permissions are a view of their own: the installed list is not drawn beside them.
    assert!(!ui_shows(&app, "Installed apps"));
    assert_snapshot_sized(&app, "app-permissions-light", APPS_WINDOW);
    let mut dark = apps_app(ThemeChoice::Dark);
    dark.pages.apps = apps::sample::permissions();
    assert_snapshot_sized(&dark, "app-permissions-dark", APPS_WINDOW);
}

#[test]
fn apps_permissions_click_opens_the_view() {
    let _english = english();
    let mut app = apps_app(ThemeChoice::Light);
    let maps = apps::sample::app(
        ferrum_services::apps::InstallationKind::User,
        apps::sample::MAPS,
    );
    let messages = click_and_replay(
        &mut app,
        APPS_WINDOW,
        ferrum_panels::ids::apps_installed(&maps, "permissions"),
    );
    assert!(
        matches!(
            messages.as_slice(),
            [Message::Page(PageMessage::Apps(apps::Message::OpenPermissions(app)))]
                if *app == maps
        ),
        "{messages:?}"
    );
    assert!(ui_shows(&app, "Permissions of Maps"));
}

#[test]
fn apps_wider_update_is_held_in_a_dialog() {
    let _english = english();
    let app = apps_app_with(apps::sample::held);
    for shown in [
        "The update of Maps asks for more permissions",
        "It is held back until you accept it. The new version asks for:",
        "Accept and update",
        "Not now",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    assert!(
        app.pages.apps.run.job().is_none(),
        "nothing starts before the person accepts"
    );
    assert_snapshot_sized(&app, "apps-held", APPS_WINDOW);
}

#[test]
fn apps_install_in_progress_shows_its_step_and_percentage() {
    let _english = english();
    let app = apps_app_with(apps::sample::in_progress);
    for shown in [
        "Installing Marble Game",
        "Step 2 of 2: installing the app",
        "70 %",
        "9.4 MB downloaded.",
        "Cancel",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    assert_snapshot_sized(&app, "apps-installing", APPS_WINDOW);
}

/// Runs an Appearance page message through the app (its preference changes reach the
/// Accessibility page, which owns them, and come back to be drawn).
fn appearance_update(app: &mut App, message: ferrum_panels::appearance::Message) {
    let _ = app.update(Message::Page(PageMessage::Appearance(message)));
}

/// The Appearance page with `scheme` chosen on it, in the style it names (pinned, as every
/// golden's is).
fn appearance_app(scheme: ferrum_accessibility::preferences::ColorScheme) -> App {
    use ferrum_accessibility::preferences::ColorScheme;
    let theme = match scheme {
        ColorScheme::Dark => ThemeChoice::Dark,
        ColorScheme::Light | ColorScheme::TimeOfDay => ThemeChoice::Light,
    };
    let mut app = app(Some("appearance"), theme);
    appearance_update(
        &mut app,
        ferrum_panels::appearance::Message::Preferences(
            ferrum_panels::accessibility::Message::ColorScheme(Some(scheme)),
        ),
    );
    assert_eq!(app.preferences().color_scheme, Some(scheme));
    app
}

/// Tall enough for the whole Appearance page: the styles, the accent colours with the custom
/// field (and its sentence), and contrast, motion and text size.
const APPEARANCE_WINDOW: (f32, f32) = (960.0, 1080.0);

/// The custom colour the Appearance goldens type.
const CUSTOM_ACCENT: &str = "#2a7ab0";

#[test]
fn appearance_snapshots_light_and_dark() {
    use ferrum_accessibility::preferences::ColorScheme;
    let _english = english();
    let app = appearance_app(ColorScheme::Light);
    assert_eq!(app.active(), PanelId::Appearance);
    for shown in [
        "Appearance",
        "Style",
        "Light",
        "Dark text on light surfaces.",
        "Dark",
        "Follow the time of day",
        "Dark from 19:00 to 7:00, light the rest of the day.",
        "Accent colour",
        "Ferrum’s own",
        "The colour the theme comes with.",
        "Custom colour",
        "Use this colour",
        "Type a colour as #rrggbb, for example #2a7ab0.",
        "Contrast, motion and text size",
        "High contrast",
        "Reduce motion",
        "Text size",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    // Every named colour is on screen as a control of its own.
    let mut ui = simulate_sized(&app, APPEARANCE_WINDOW);
    for entry in ferrum_panels::appearance::PALETTE {
        assert!(
            ui.find(selector::id(ferrum_panels::ids::appearance_accent(
                entry.key
            )))
            .is_ok(),
            "{}",
            entry.key
        );
    }
    drop(ui);
    assert_snapshot_sized(&app, "appearance-light", APPEARANCE_WINDOW);
    assert_snapshot_sized(
        &appearance_app(ColorScheme::Dark),
        "appearance-dark",
        APPEARANCE_WINDOW,
    );
}

#[test]
fn appearance_snapshot_high_contrast() {
    use ferrum_accessibility::preferences::ColorScheme;
    let _english = english();
    let app = high_contrast(appearance_app(ColorScheme::Light));
    // The page's own switch shows what the Accessibility page keeps.
    assert!(app.pages.appearance.preferences.high_contrast);
    assert_snapshot_sized(&app, "appearance-high-contrast", APPEARANCE_WINDOW);
}

#[test]
fn appearance_snapshot_arabic_right_to_left() {
    use ferrum_accessibility::preferences::ColorScheme;
    let _arabic = ferrum_i18n::use_locale("ar_EG.UTF-8");
    assert!(ferrum_i18n::is_rtl());
    let app = appearance_app(ColorScheme::Light);
    assert_sidebar_on_the_right(
        &app,
        APPEARANCE_WINDOW,
        ferrum_panels::ids::APPEARANCE_CUSTOM_APPLY,
    );
    assert_snapshot_sized(&app, "appearance-ar", APPEARANCE_WINDOW);
}

#[test]
fn appearance_custom_accent_is_used_and_shown() {
    use ferrum_accessibility::preferences::{AccentColor, ColorScheme};
    use ferrum_panels::appearance;
    let _english = english();
    let mut app = appearance_app(ColorScheme::Light);
    // Typed and applied with the page's button.
    appearance_update(
        &mut app,
        appearance::Message::CustomChanged(CUSTOM_ACCENT.into()),
    );
    let messages = click_and_replay(
        &mut app,
        APPEARANCE_WINDOW,
        ferrum_panels::ids::APPEARANCE_CUSTOM_APPLY,
    );
    assert!(
        matches!(
            messages.as_slice(),
            [Message::Page(PageMessage::Appearance(
                appearance::Message::CustomSubmitted
            ))]
        ),
        "{messages:?}"
    );
    // The checked colour comes back as the Accessibility page's change (the page's request
    // answers with it at once; the simulator runs no tasks).
    let accent = AccentColor::parse(CUSTOM_ACCENT).unwrap();
    appearance_update(
        &mut app,
        appearance::Message::Preferences(ferrum_panels::accessibility::Message::Accent(Some(
            accent,
        ))),
    );
    assert_eq!(app.preferences().accent, Some(accent));
    assert_eq!(
        app.theme().palette().primary,
        iced::Color::from_rgb8(0x2a, 0x7a, 0xb0),
        "the accent is the theme's primary colour"
    );
    assert!(ui_shows(&app, "Your own colour #2a7ab0 is in use."));
    assert!(!app.pages.appearance.custom_refused);
    assert_snapshot_sized(&app, "appearance-accent", APPEARANCE_WINDOW);
}

#[test]
fn appearance_invalid_custom_colour_is_explained_and_kept() {
    use ferrum_accessibility::preferences::ColorScheme;
    use iced::keyboard::key::Named;
    let _english = english();
    let mut app = appearance_app(ColorScheme::Light);
    let typed = "#2a7ab";
    // Typed into the field, Enter.
    let mut ui = simulate_sized(&app, APPEARANCE_WINDOW);
    ui.click(selector::id(ferrum_panels::ids::APPEARANCE_CUSTOM))
        .expect("the custom colour field");
    let _ = ui.typewrite(typed);
    let _ = ui.tap_key(Named::Enter);
    let messages: Vec<Message> = ui.into_messages().collect();
    let messages = replay(&mut app, messages);
    assert!(
        matches!(
            messages.last(),
            Some(Message::Page(PageMessage::Appearance(
                ferrum_panels::appearance::Message::CustomSubmitted
            )))
        ),
        "{messages:?}"
    );
    let page = &app.pages.appearance;
    assert!(page.custom_refused);
    assert_eq!(page.custom, typed, "the text stays as typed");
    assert_eq!(app.preferences().accent, None, "nothing changed");
    let sentence = format!(
        "“{typed}” is not a colour. Type it as # and six digits from 0–9 and a–f, for example \
         #2a7ab0."
    );
    assert!(ui_shows(&app, &sentence), "{sentence}");
    let mut ui = simulate_sized(&app, APPEARANCE_WINDOW);
    assert!(
        ui.find(selector::id(ferrum_panels::ids::APPEARANCE_CUSTOM_ERROR))
            .is_ok()
    );
    drop(ui);
    assert_snapshot_sized(&app, "appearance-custom-error", APPEARANCE_WINDOW);
}

/// The Date & Time page as `date_time::sample::state` has it, without timedated: Berlin,
/// automatic time off, the clock stopped at 2026-12-07 14:05:09 there.
fn date_time_app(theme: ThemeChoice) -> App {
    let mut app = app(Some("date-time"), theme);
    app.pages.date_time = ferrum_panels::date_time::sample::state(app.pages.date_time.preferences);
    app
}

/// Tall enough for the page with the time zone picker open.
const DATE_TIME_WINDOW: (f32, f32) = (960.0, 1100.0);

#[test]
fn date_time_snapshots_light_and_dark() {
    let _english = english();
    let app = date_time_app(ThemeChoice::Light);
    assert_eq!(app.active(), PanelId::DateTime);
    for shown in [
        "Date & Time",
        // English's own 12-hour clock (ICU's spacing before PM).
        ferrum_i18n::format_clock(14, 5, 9, Some(false))
            .expect("a time")
            .as_str(),
        "Monday, December 7, 2026",
        "Berlin (Europe), UTC+01:00",
        "Automatic date and time",
        "Set date and time…",
        "Change time zone…",
        "24-hour clock",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    assert_snapshot_sized(&app, "date-time-light", DATE_TIME_WINDOW);
    assert_snapshot_sized(
        &date_time_app(ThemeChoice::Dark),
        "date-time-dark",
        DATE_TIME_WINDOW,
    );
}

#[test]
fn date_time_picker_lists_zones_with_offset_and_local_time() {
    let _english = english();
    let mut app = app(Some("date-time"), ThemeChoice::Light);
    app.pages.date_time =
        ferrum_panels::date_time::sample::with_picker(app.pages.date_time.preferences, "brazil");
    for shown in [
        "Choose a time zone",
        "Sao Paulo (America)",
        "Noronha (America)",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    let ten = ferrum_i18n::format_time_cycle(10, 5, Some(false)).expect("a time");
    assert!(ui_shows(&app, &format!("Brazil · UTC−03:00 · {ten}")));
    assert_snapshot_sized(&app, "date-time-picker", DATE_TIME_WINDOW);
}

#[test]
fn date_time_an_impossible_date_is_said_and_kept() {
    let _english = english();
    let mut app = app(Some("date-time"), ThemeChoice::Light);
    app.pages.date_time =
        ferrum_panels::date_time::sample::with_bad_date(app.pages.date_time.preferences);
    assert!(ui_shows(
        &app,
        "There is no such day. Check the month and the day."
    ));
    assert_snapshot_sized(&app, "date-time-bad-date", DATE_TIME_WINDOW);
}

/// The About page as `about::sample::with_rename` has it, without hostnamed: "Ada's laptop"
/// being renamed "Ada's Laptop 2", the network name following it.
fn about_rename_app(theme: ThemeChoice) -> App {
    let mut app = app(Some("about"), theme);
    app.pages.about = about::sample::with_rename();
    app
}

/// Tall enough for the page with the rename form open.
const ABOUT_WINDOW: (f32, f32) = (960.0, 900.0);

style_goldens!(
    about_rename_styles,
    "about-rename",
    about_rename_app,
    ABOUT_WINDOW,
    ferrum_panels::ids::ABOUT_RENAME_PRETTY
);

#[test]
fn about_rename_snapshots_light_and_dark() {
    let _english = english();
    let app = about_rename_app(ThemeChoice::Light);
    for shown in [
        "Ferrum 1.0",
        "Ada's laptop",
        "Network name",
        "Rename this computer",
        "Device name",
        "Ada's Laptop 2",
        "adas-laptop-2",
        "Rename",
        "Cancel",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    assert_snapshot_sized(&app, "about-rename-light", ABOUT_WINDOW);
    assert_snapshot_sized(
        &about_rename_app(ThemeChoice::Dark),
        "about-rename-dark",
        ABOUT_WINDOW,
    );
}

#[test]
fn about_a_bad_network_name_is_said_and_kept() {
    let _english = english();
    let mut app = app(Some("about"), ThemeChoice::Light);
    app.pages.about = about::sample::with_bad_static();
    assert!(ui_shows(&app, "Ada's-laptop"));
    assert!(ui_shows(
        &app,
        "The network name can only use the letters a to z, digits and hyphens."
    ));
    assert_snapshot_sized(&app, "about-rename-bad-name", ABOUT_WINDOW);
}

/// The About page under the authentication dialog: polkit asks for an administrator's
/// password to set the time zone, as root or as Ada (chosen).
fn auth_app(theme: ThemeChoice) -> App {
    use ferrum_services::polkit_agent::AttemptState;
    let mut app = about_rename_app(theme);
    app.pages.about = about::sample::state();
    let _ = app.update(auth_request(AttemptState::First));
    // Ada, whoever runs the test (the person at the keyboard is offered first).
    let _ = app.update(Message::Auth(
        ferrum_settings::auth_dialog::Message::IdentityChosen(1000),
    ));
    assert!(app.auth.is_open());
    app
}

/// polkit's request to set the time zone, as root or as Ada, at `attempt`.
fn auth_request(attempt: ferrum_services::polkit_agent::AttemptState) -> Message {
    use ferrum_services::polkit_agent::{AgentEvent, AuthRequest, Identity};
    let person = |uid: u32, name: &str, real: &str| Identity {
        uid,
        name: name.into(),
        display_name: real.into(),
    };
    let request = AuthRequest::detached(
        "sample",
        "org.freedesktop.timedate1.set-timezone",
        "Authentication is required to set the system timezone.",
        Some("ferrum-settings"),
        vec![
            person(0, "root", "root"),
            person(1000, "ada", "Ada Lovelace"),
        ],
        attempt,
    );
    Message::Auth(ferrum_settings::auth_dialog::Message::Agent(
        AgentEvent::Request(request),
    ))
}

style_goldens!(
    auth_dialog_styles,
    "auth-dialog",
    auth_app,
    ABOUT_WINDOW,
    ferrum_settings::auth_dialog::PASSWORD
);

#[test]
fn auth_dialog_snapshots_light_and_dark_and_escape_leaves_the_search() {
    let _english = english();
    let mut app = auth_app(ThemeChoice::Light);
    for shown in [
        "Authentication is required to set the system timezone.",
        "Ada Lovelace",
        "Cancel",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    assert_snapshot_sized(&app, "auth-dialog-light", ABOUT_WINDOW);
    assert_snapshot_sized(
        &auth_app(ThemeChoice::Dark),
        "auth-dialog-dark",
        ABOUT_WINDOW,
    );
    // Escape is the dialog's while it is shown (its own subscription cancels it): the
    // window's Escape leaves the search as typed.
    let _ = app.update(Message::SearchChanged("kern".into()));
    let _ = app.update(Message::ClearSearch);
    assert!(app.auth.is_open());
    assert!(!ui_shows(&app, "Printers"), "the sidebar is still filtered");
}

#[test]
fn auth_dialog_says_a_wrong_password_and_keeps_the_choice() {
    let _english = english();
    let mut app = auth_app(ThemeChoice::Light);
    let _ = app.update(auth_request(
        ferrum_services::polkit_agent::AttemptState::WrongPassword {
            messages: Vec::new(),
        },
    ));
    assert!(ui_shows(&app, "That password was not accepted. Try again."));
    assert!(ui_shows(&app, "Password for Ada Lovelace"));
    assert_snapshot_sized(&app, "auth-dialog-wrong-password", ABOUT_WINDOW);
}

/// The Region & Language page as `region::sample::state` has it, without localed or
/// AccountsService: the machine in German with Brazilian formats, German and US layouts, the
/// person in English, the preview on 2026-12-07.
fn region_app(theme: ThemeChoice) -> App {
    let mut app = app(Some("region"), theme);
    app.pages.region = ferrum_panels::region::sample::state();
    app
}

/// Tall enough for the page with the formats' list or the layout picker open.
const REGION_WINDOW: (f32, f32) = (960.0, 1300.0);

style_goldens!(
    region_styles,
    "region",
    region_app,
    REGION_WINDOW,
    ferrum_panels::region::ids::REGION_ADD_LAYOUT
);

#[test]
fn region_snapshots_light_and_dark() {
    let _english = english();
    let app = region_app(ThemeChoice::Light);
    assert_eq!(app.active(), PanelId::Region);
    for shown in [
        "Region & Language",
        "Your language",
        "English (US)",
        "Login screen and new accounts",
        "Deutsch",
        "Português (Brasil)",
        "1.234.567,89",
        "German",
        "English (US)",
        "Add a layout…",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    assert_snapshot_sized(&app, "region-light", REGION_WINDOW);
    assert_snapshot_sized(&region_app(ThemeChoice::Dark), "region-dark", REGION_WINDOW);
}

#[test]
fn region_formats_list_previews_each_region() {
    let _english = english();
    let mut app = app(Some("region"), ThemeChoice::Light);
    app.pages.region = ferrum_panels::region::sample::with_formats_open();
    for shown in ["日本語", "Українська", "Monday, December 7, 2026"] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    assert_snapshot_sized(&app, "region-formats", REGION_WINDOW);
}

#[test]
fn region_layout_picker_searches_the_greeters_list() {
    let _english = english();
    let mut app = app(Some("region"), ThemeChoice::Light);
    app.pages.region = ferrum_panels::region::sample::with_picker("eng");
    for shown in ["Add a keyboard layout", "English (UK)"] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    assert_snapshot_sized(&app, "region-picker", REGION_WINDOW);
}

/// The Users page as `users::sample::state` has it, without AccountsService: Ada (you, the
/// only administrator), Grace (standard) and a locked guest account.
fn users_app(theme: ThemeChoice) -> App {
    let mut app = app(Some("users"), theme);
    app.pages.users = ferrum_panels::users::sample::state();
    app
}

/// Tall enough for the page with the add dialog open, its problem sentence and buttons
/// included (each person's row has an automatic login switch).
const USERS_WINDOW: (f32, f32) = (960.0, 1480.0);

style_goldens!(
    users_styles,
    "users",
    users_app,
    USERS_WINDOW,
    ferrum_panels::users::ids::ADD
);

#[test]
fn users_snapshots_light_and_dark() {
    let _english = english();
    let app = users_app(ThemeChoice::Light);
    assert_eq!(app.active(), PanelId::Users);
    for shown in [
        "Users",
        "Ada Lovelace",
        "ada · Administrator · you",
        "Grace Hopper",
        "grace · Standard",
        "guest · Standard · locked",
        "Change password…",
        "Remove…",
        "Add a person…",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    assert_snapshot_sized(&app, "users-light", USERS_WINDOW);
    assert_snapshot_sized(&users_app(ThemeChoice::Dark), "users-dark", USERS_WINDOW);
}

#[test]
fn users_add_dialog_suggests_the_login_name_and_says_what_is_wrong() {
    use ferrum_panels::users::{Message as Users, add};
    let _english = english();
    let mut app = users_app(ThemeChoice::Light);
    for message in [
        Users::OpenAdd,
        Users::Add(add::Message::RealName("Linus Torvalds".into())),
        Users::Add(add::Message::Password(
            ferrum_services::secret::Secret::new("penguin".into()),
        )),
        Users::Add(add::Message::Submit),
    ] {
        let _ = app.pages.users.update(message);
    }
    for shown in [
        "Add a person",
        "linus",
        "Too short: at least 8 characters",
        "The password needs at least 8 characters.",
    ] {
        assert!(ui_shows(&app, shown), "{shown}");
    }
    assert!(!ui_shows(&app, "penguin"), "the password is never shown");
    assert_snapshot_sized(&app, "users-add", USERS_WINDOW);
}
