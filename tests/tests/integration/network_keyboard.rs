#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The Network page by keyboard alone, with every control named for assistive technology:
//! Tab reaches a Wi-Fi network, Enter opens the password dialog with the focus in the
//! password field, typing and Enter join it. NetworkManager is python-dbusmock's template
//! (this machine has no Wi-Fi radio), with `AddAndActivateConnection` storing the profile
//! as sent, so the password NetworkManager receives is checked.

use std::collections::HashMap;

use ferrum_accessibility::Role;
use ferrum_integration_tests::driver::Driver;
use ferrum_integration_tests::next_within;
use ferrum_panels::network;
use ferrum_panels::registry::Message as PageMessage;
use ferrum_services::SystemBus;
use ferrum_settings::cli::Options;
use ferrum_settings::{App, Message};
use ferrum_testbed::{Service, TestBed};
use ferrum_ui::theme::ThemeChoice;
use iced::keyboard::key::Named;
use zbus::zvariant::{OwnedObjectPath, OwnedValue};

const MOCK: &str = "org.freedesktop.DBus.Mock";
const NM: &str = "org.freedesktop.NetworkManager";
const ADD_AND_ACTIVATE: &str = "conn = self.SettingsAddConnection(args[0]); \
     ret = (dbus.ObjectPath(conn), self.Get('org.freedesktop.NetworkManager', 'ActiveConnections')[-1])";

fn focused(driver: &Driver<App>) -> Option<(Role, String)> {
    driver
        .app
        .accessible_tree()
        .focused()
        .map(|node| (node.info.role, node.info.name.clone()))
}

async fn call<B, R>(bus: &SystemBus, path: &str, interface: &str, method: &str, body: &B) -> R
where
    B: zbus::export::serde::Serialize + zbus::zvariant::DynamicType,
    R: for<'d> zbus::export::serde::Deserialize<'d> + zbus::zvariant::Type,
{
    bus.connection()
        .await
        .unwrap()
        .call_method(Some(NM), path, Some(interface), method, body)
        .await
        .unwrap_or_else(|error| panic!("{method}: {error}"))
        .body()
        .deserialize()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn tab_enter_and_typing_join_a_wifi_network() {
    let bed = TestBed::start(&[Service::NetworkManagerMock]).unwrap();
    let bus = SystemBus::with_address(bed.system_bus_address());
    let device: String = call(
        &bus,
        "/org/freedesktop",
        MOCK,
        "AddWiFiDevice",
        &("mock_WiFi1", "wlan0", 30_u32),
    )
    .await;
    // WPA2 Personal (PSK, CCMP), signal 80 %.
    let _: String = call(
        &bus,
        "/org/freedesktop",
        MOCK,
        "AddAccessPoint",
        &(
            device.as_str(),
            "home_ap",
            "Home",
            "00:11:22:33:44:55",
            2_u32,
            2437_u32,
            54000_u32,
            80_u8,
            0x188_u32,
        ),
    )
    .await;
    let () = call(
        &bus,
        "/org/freedesktop/NetworkManager",
        MOCK,
        "AddMethod",
        &(
            NM,
            "AddAndActivateConnection",
            "a{sa{sv}}oo",
            "oo",
            ADD_AND_ACTIVATE,
        ),
    )
    .await;

    let scratch = tempfile::tempdir().unwrap();
    let options = Options {
        panel: Some("network".into()),
        theme: Some(ThemeChoice::Light),
        preferences: Some(scratch.path().join("accessibility.toml")),
        ..Options::default()
    };
    let (app, _) = App::new(&options, bus.clone());
    let mut driver = Driver::new(app, iced::Size::new(960.0, 680.0));
    let mut updates = Box::pin(network::overview_stream(&bus));
    loop {
        let update = next_within(&mut updates, "the overview").await.unwrap();
        driver
            .dispatch(Message::Page(PageMessage::Network(update)))
            .await;
        let ready = driver
            .app
            .pages
            .network
            .overview
            .ready()
            .is_some_and(|o| o.devices.first().is_some_and(|d| !d.networks.is_empty()));
        if ready {
            break;
        }
    }

    // Every control on the page has a name.
    let tree = driver.app.accessible_tree();
    let unnamed: Vec<_> = tree
        .controls()
        .filter(|node| node.info.name.trim().is_empty())
        .map(|node| node.info.role)
        .collect();
    assert!(unnamed.is_empty(), "unnamed controls: {unnamed:?}");

    // Tab reaches the network.
    let mut visited = Vec::new();
    for _ in 0..40 {
        driver.tap(Named::Tab).await;
        let now = focused(&driver).expect("Tab always lands on a control");
        visited.push(now.clone());
        if now == (Role::Button, "Home".to_owned()) {
            break;
        }
    }
    assert_eq!(
        visited.last(),
        Some(&(Role::Button, "Home".to_owned())),
        "{visited:?}"
    );

    // Enter opens the dialog with the focus in the password field.
    driver.tap(Named::Enter).await;
    assert!(driver.app.pages.network.join.is_some(), "the dialog opens");
    assert_eq!(
        focused(&driver),
        Some((Role::PasswordInput, "Password".to_owned()))
    );
    driver.type_text("correct horse battery").await;
    let tree = driver.app.accessible_tree();
    let field = tree.focused().expect("the field keeps the focus");
    assert!(
        !format!("{:?}", field.info).contains("horse"),
        "the password is exposed"
    );

    // Enter joins: NetworkManager receives the profile with the password.
    driver.tap(Named::Enter).await;
    assert!(
        driver.app.pages.network.join.is_none(),
        "joined: {:?}",
        driver.app.pages.network.join
    );
    let paths: Vec<OwnedObjectPath> = call(
        &bus,
        "/org/freedesktop/NetworkManager/Settings",
        "org.freedesktop.NetworkManager.Settings",
        "ListConnections",
        &(),
    )
    .await;
    let settings: HashMap<String, HashMap<String, OwnedValue>> = call(
        &bus,
        paths.last().unwrap().as_str(),
        "org.freedesktop.NetworkManager.Settings.Connection",
        "GetSettings",
        &(),
    )
    .await;
    let psk = String::try_from(
        settings["802-11-wireless-security"]["psk"]
            .try_clone()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(psk, "correct horse battery");
}
