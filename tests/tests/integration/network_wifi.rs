#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The Network page's Wi-Fi and captive-portal paths against python-dbusmock's
//! NetworkManager template: this machine has no Wi-Fi radio (no `mac80211_hwsim`), so
//! access points are mocked; the real NetworkManager covers wired (`network_panel.rs`).
//!
//! The template's `AddAndActivateConnection` ignores most of what it is sent, so the test
//! replaces it with one that stores the profile as sent (python-dbusmock's `AddMethod`):
//! the network name's raw bytes and the password are checked as NetworkManager would get
//! them. A wrong password is played the way NetworkManager 1.42 reports it: the active
//! connection goes to "deactivated" and the device says "no secrets" (reason 7).

use std::collections::HashMap;
use std::time::Duration;

use ferrum_panels::network::{self, Message, Request, State};
use ferrum_panels::{Outcome, Page as _, PageRequest as _};
use ferrum_services::SystemBus;
use ferrum_services::network::{
    NetworkCommandError, Overview, PasswordError, Security, StateReason,
};
use ferrum_testbed::{Service, TestBed};
use ferrum_ui::Effect;
use futures::{Stream, StreamExt};
use zbus::export::serde;
use zbus::zvariant::{DynamicType, OwnedObjectPath, OwnedValue, Value};

const MOCK: &str = "org.freedesktop.DBus.Mock";
const NM_MOCK_PATH: &str = "/org/freedesktop";
const NM_PATH: &str = "/org/freedesktop/NetworkManager";
const NM_MANAGER: &str = "org.freedesktop.NetworkManager";
const DEVICE: &str = "org.freedesktop.NetworkManager.Device";
const ACTIVE: &str = "org.freedesktop.NetworkManager.Connection.Active";
const ACCESS_POINT: &str = "org.freedesktop.NetworkManager.AccessPoint";
/// The network name that is not UTF-8 (Latin-1 "Café Paris").
const LATIN1_SSID: &[u8] = b"Caf\xe9 Paris";
/// `NM_802_11_AP_SEC_KEY_MGMT_PSK | PAIR_CCMP | GROUP_CCMP`.
const WPA2_PSK: u32 = 0x100 | 0x8 | 0x80;

/// Stores the profile exactly as sent; the template then activates it on the first device.
/// (The template activates a profile by itself when it connects automatically; a hotspot
/// does not, so it is activated here.)
const ADD_AND_ACTIVATE: &str = "conn = self.SettingsAddConnection(args[0]); \
     auto = bool(args[0]['connection'].get('autoconnect', False)); \
     active = self.Get('org.freedesktop.NetworkManager', 'ActiveConnections')[-1] if auto \
     else self.activate_connection(self, conn, args[1], args[2]); \
     ret = (dbus.ObjectPath(conn), active)";
/// The same, but the connection stays "activating" until the test says how it ends.
const ADD_AND_ACTIVATE_SLOWLY: &str = "conn = self.SettingsAddConnection(args[0]); \
     active = self.Get('org.freedesktop.NetworkManager', 'ActiveConnections')[-1]; \
     get_object(active).Set('org.freedesktop.NetworkManager.Connection.Active', 'State', dbus.UInt32(1)); \
     ret = (dbus.ObjectPath(conn), active)";

async fn call<B, R>(bus: &SystemBus, path: &str, interface: &str, method: &str, body: &B) -> R
where
    B: serde::Serialize + DynamicType,
    R: for<'d> serde::Deserialize<'d> + zbus::zvariant::Type,
{
    let connection = bus.connection().await.unwrap();
    connection
        .call_method(Some(NM_MANAGER), path, Some(interface), method, body)
        .await
        .unwrap_or_else(|error| panic!("{interface}.{method} on {path}: {error}"))
        .body()
        .deserialize()
        .unwrap()
}

async fn mock<B, R>(bus: &SystemBus, method: &str, body: &B) -> R
where
    B: serde::Serialize + DynamicType,
    R: for<'d> serde::Deserialize<'d> + zbus::zvariant::Type,
{
    call(bus, NM_MOCK_PATH, MOCK, method, body).await
}

async fn set_property(bus: &SystemBus, path: &str, interface: &str, name: &str, value: Value<'_>) {
    let () = mock(bus, "SetProperty", &(path, interface, name, value)).await;
}

async fn access_point(
    bus: &SystemBus,
    device: &str,
    name: &str,
    ssid: &str,
    strength: u8,
    security: u32,
) -> String {
    mock(
        bus,
        "AddAccessPoint",
        &(
            device,
            name,
            ssid,
            "00:11:22:33:44:55",
            2_u32,
            2437_u32,
            54000_u32,
            strength,
            security,
        ),
    )
    .await
}

/// Feeds the page the stream's updates until `done` holds.
async fn follow<S>(panel: &mut State, updates: &mut S, what: &str, done: impl Fn(&State) -> bool)
where
    S: Stream<Item = Message> + Unpin,
{
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !done(panel) {
        match tokio::time::timeout_at(deadline, updates.next()).await {
            Ok(Some(message)) => assert_eq!(panel.update(message), Outcome::none()),
            _ => panic!("{what}: not seen; the page has {:?}", panel.overview),
        }
    }
}

fn overview(panel: &State) -> &Overview {
    panel.overview.ready().expect("NetworkManager is there")
}

/// The saved profiles of the mock, as NetworkManager would hold them.
async fn profiles(bus: &SystemBus) -> Vec<HashMap<String, HashMap<String, OwnedValue>>> {
    let paths: Vec<OwnedObjectPath> = call(
        bus,
        "/org/freedesktop/NetworkManager/Settings",
        "org.freedesktop.NetworkManager.Settings",
        "ListConnections",
        &(),
    )
    .await;
    let mut all = Vec::new();
    for path in paths {
        all.push(
            call(
                bus,
                path.as_str(),
                "org.freedesktop.NetworkManager.Settings.Connection",
                "GetSettings",
                &(),
            )
            .await,
        );
    }
    all
}

fn value<T: TryFrom<OwnedValue>>(
    profile: &HashMap<String, HashMap<String, OwnedValue>>,
    setting: &str,
    key: &str,
) -> Option<T> {
    T::try_from(profile.get(setting)?.get(key)?.try_clone().ok()?).ok()
}

#[tokio::test(flavor = "multi_thread")]
async fn wifi_list_join_forget_wrong_password_and_portal() {
    let bed = TestBed::start(&[Service::NetworkManagerMock]).unwrap();
    let bus = SystemBus::with_address(bed.system_bus_address());
    // NMDeviceState 30: disconnected.
    let device: String = mock(&bus, "AddWiFiDevice", &("mock_WiFi1", "wlan0", 30_u32)).await;
    let home = access_point(&bus, &device, "home_ap", "Home", 70, WPA2_PSK).await;
    let cafe = access_point(&bus, &device, "cafe_ap", "Cafe", 40, WPA2_PSK).await;
    let _open = access_point(&bus, &device, "open_ap", "Free Wi-Fi ☕", 90, 0).await;
    set_property(
        &bus,
        &cafe,
        ACCESS_POINT,
        "Ssid",
        Value::from(LATIN1_SSID.to_vec()),
    )
    .await;
    let () = call(
        &bus,
        NM_PATH,
        MOCK,
        "AddMethod",
        &(
            NM_MANAGER,
            "AddAndActivateConnection",
            "a{sa{sv}}oo",
            "oo",
            ADD_AND_ACTIVATE,
        ),
    )
    .await;

    let mut panel = State::on(bus.clone());
    let mut updates = Box::pin(network::overview_stream(&bus));

    // (1) The list: strongest first, the Latin-1 name shown with a replacement character.
    follow(&mut panel, &mut updates, "three networks", |panel| {
        panel
            .overview
            .ready()
            .is_some_and(|o| o.devices.first().is_some_and(|d| d.networks.len() == 3))
    })
    .await;
    let names: Vec<String> = overview(&panel).devices[0]
        .networks
        .iter()
        .map(|n| n.ssid.display())
        .collect();
    assert_eq!(names, ["Free Wi-Fi ☕", "Home", "Caf\u{FFFD} Paris"]);
    let latin1 = &overview(&panel).devices[0].networks[2];
    assert_eq!(latin1.ssid.0, LATIN1_SSID);
    assert_eq!(latin1.security, Security::WpaPersonal);
    assert_eq!(
        overview(&panel).devices[0].networks[0].security,
        Security::Open
    );

    // (2) Joining the Latin-1 network: a short password is refused before it is sent and
    // kept in the field; a good one is sent with the name's raw bytes.
    // The dialog opens with the keyboard focus in the password field.
    assert_eq!(
        panel.update(Message::Join(network::join::Message::Open(
            device.clone().into(),
            cafe.clone().into()
        ))),
        Outcome::effect(Effect::Focus(network::PASSWORD_ID))
    );
    assert!(panel.join.is_some(), "the password dialog opens");
    let _ = panel.update(Message::Join(network::join::Message::PasswordChanged(
        "short".into(),
    )));
    assert_eq!(
        panel.update(Message::Join(network::join::Message::Confirm)),
        Outcome::none()
    );
    let dialog = panel.join.clone().unwrap();
    assert_eq!(dialog.error, Some(PasswordError::TooShort(5)));
    assert_eq!(dialog.password.as_str(), "short");
    assert_eq!(
        network::password_error_text(&PasswordError::TooShort(5)),
        "A Wi-Fi password has 8 to 63 characters; this one has 5."
    );
    assert!(
        !format!("{dialog:?}").contains("short"),
        "the password is in Debug"
    );
    let _ = panel.update(Message::Join(network::join::Message::PasswordChanged(
        "croissant au beurre".into(),
    )));
    let request = panel.update(Message::Join(network::join::Message::Confirm));
    assert!(
        matches!(
            request,
            Outcome {
                request: Some(Request::Join { .. }),
                effect: None
            }
        ),
        "{request:?}"
    );
    assert!(
        !format!("{request:?}").contains("croissant"),
        "the password is in Debug"
    );
    let answer = request.request.unwrap().run(bus.clone()).await;
    assert!(
        matches!(
            answer,
            Message::Join(network::join::Message::Joined(Ok(())))
        ),
        "{answer:?}"
    );
    let _ = panel.update(answer);
    assert!(panel.join.is_none(), "the dialog closes once connected");
    let saved = profiles(&bus).await;
    let cafe_profile = saved
        .iter()
        .find(|p| value::<Vec<u8>>(p, "802-11-wireless", "ssid").as_deref() == Some(LATIN1_SSID))
        .expect("a profile with the raw name");
    assert_eq!(
        value::<String>(cafe_profile, "802-11-wireless-security", "key-mgmt").as_deref(),
        Some("wpa-psk")
    );
    assert_eq!(
        value::<String>(cafe_profile, "802-11-wireless-security", "psk").as_deref(),
        Some("croissant au beurre")
    );
    follow(&mut panel, &mut updates, "the saved network", |panel| {
        panel.overview.ready().is_some_and(|o| {
            o.devices[0]
                .networks
                .iter()
                .any(|n| n.ssid.0 == LATIN1_SSID && n.known)
        })
    })
    .await;

    // (3) Forget: the profile is deleted and the network is no longer known.
    let saved_path = overview(&panel)
        .wifi_connection(&ferrum_services::network::Ssid(LATIN1_SSID.to_vec()))
        .expect("saved")
        .path
        .clone();
    let request = panel.update(Message::Forget(saved_path));
    let answer = request.request.unwrap().run(bus.clone()).await;
    assert!(matches!(answer, Message::Done(Ok(()))), "{answer:?}");
    let _ = panel.update(answer);
    follow(&mut panel, &mut updates, "the network forgotten", |panel| {
        panel.overview.ready().is_some_and(|o| {
            o.connections.is_empty() && o.devices[0].networks.iter().all(|n| !n.known)
        })
    })
    .await;

    // (4) A wrong password: NetworkManager gives up with "no secrets"; the dialog stays
    // open with the password still typed and says why.
    let () = call(
        &bus,
        NM_PATH,
        MOCK,
        "AddMethod",
        &(
            NM_MANAGER,
            "AddAndActivateConnection",
            "a{sa{sv}}oo",
            "oo",
            ADD_AND_ACTIVATE_SLOWLY,
        ),
    )
    .await;
    let _ = panel.update(Message::Join(network::join::Message::Open(
        device.clone().into(),
        home.clone().into(),
    )));
    let _ = panel.update(Message::Join(network::join::Message::PasswordChanged(
        "not the password".into(),
    )));
    let request = panel
        .update(Message::Join(network::join::Message::Confirm))
        .request
        .expect("a join request");
    assert!(panel.join.as_ref().unwrap().connecting);
    let joining = tokio::spawn(request.run(bus.clone()));
    // Wait until the connection exists and is activating, then fail it.
    let active = loop {
        let actives: Vec<OwnedObjectPath> = {
            let connection = bus.connection().await.unwrap();
            let proxy = zbus::fdo::PropertiesProxy::builder(&connection)
                .destination(NM_MANAGER)
                .unwrap()
                .path(NM_PATH)
                .unwrap()
                .build()
                .await
                .unwrap();
            let value = proxy
                .get(
                    zbus::names::InterfaceName::from_static_str_unchecked(NM_MANAGER),
                    "ActiveConnections",
                )
                .await
                .unwrap();
            Vec::<OwnedObjectPath>::try_from(value).unwrap()
        };
        if let Some(last) = actives.last() {
            let connection = bus.connection().await.unwrap();
            let proxy = zbus::fdo::PropertiesProxy::builder(&connection)
                .destination(NM_MANAGER)
                .unwrap()
                .path(last.as_str())
                .unwrap()
                .build()
                .await
                .unwrap();
            let id = proxy
                .get(
                    zbus::names::InterfaceName::from_static_str_unchecked(ACTIVE),
                    "State",
                )
                .await
                .unwrap();
            if u32::try_from(id).unwrap() == 1 {
                break last.as_str().to_owned();
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    // No sleep-then-check here: that the join waited for the outcome is shown by its answer
    // below, which names the reason NetworkManager gives only after this point.
    assert!(
        !joining.is_finished(),
        "the join ended before NetworkManager decided"
    );
    // NMDeviceState 120 (failed), NMDeviceStateReason 7 (no secrets).
    set_property(
        &bus,
        &device,
        DEVICE,
        "StateReason",
        Value::from((120_u32, 7_u32)),
    )
    .await;
    set_property(&bus, &device, DEVICE, "State", Value::from(120_u32)).await;
    // NMActiveConnectionState 4: deactivated.
    set_property(&bus, &active, ACTIVE, "State", Value::from(4_u32)).await;
    let answer = tokio::time::timeout(Duration::from_secs(10), joining)
        .await
        .unwrap()
        .unwrap();
    assert!(
        matches!(
            answer,
            Message::Join(network::join::Message::Joined(Err(
                NetworkCommandError::ActivationFailed(StateReason::NoSecrets)
            )))
        ),
        "{answer:?}"
    );
    let _ = panel.update(answer);
    let dialog = panel.join.clone().expect("the dialog stays open");
    assert_eq!(dialog.password.as_str(), "not the password");
    assert!(!dialog.connecting);
    assert_eq!(
        network::command_error_text(dialog.failure.as_ref().unwrap()),
        "Could not connect: the password was not accepted"
    );
    let _ = panel.update(Message::Join(network::join::Message::Cancel));

    // A hidden network, joined by name: the profile says it is hidden.
    let () = call(
        &bus,
        NM_PATH,
        MOCK,
        "AddMethod",
        &(
            NM_MANAGER,
            "AddAndActivateConnection",
            "a{sa{sv}}oo",
            "oo",
            ADD_AND_ACTIVATE,
        ),
    )
    .await;
    assert_eq!(
        panel.update(Message::Join(network::join::Message::OpenHidden(
            device.clone().into()
        ))),
        Outcome::effect(Effect::Focus(network::HIDDEN_NAME_ID))
    );
    assert_eq!(
        panel.update(Message::Join(network::join::Message::Confirm)),
        Outcome::none(),
        "no name, nothing sent"
    );
    let _ = panel.update(Message::Join(network::join::Message::SsidChanged(
        "Hidden Lab".into(),
    )));
    let _ = panel.update(Message::Join(network::join::Message::SecurityChosen(
        Security::Wpa3Personal,
    )));
    let _ = panel.update(Message::Join(network::join::Message::PasswordChanged(
        "hidden-password".into(),
    )));
    let request = panel
        .update(Message::Join(network::join::Message::Confirm))
        .request
        .expect("a join request");
    let answer = request.run(bus.clone()).await;
    assert!(
        matches!(
            answer,
            Message::Join(network::join::Message::Joined(Ok(())))
        ),
        "{answer:?}"
    );
    let _ = panel.update(answer);
    let saved = profiles(&bus).await;
    let hidden = saved
        .iter()
        .find(|p| {
            value::<Vec<u8>>(p, "802-11-wireless", "ssid").as_deref()
                == Some(b"Hidden Lab".as_slice())
        })
        .expect("the hidden network's profile");
    assert_eq!(
        value::<bool>(hidden, "802-11-wireless", "hidden"),
        Some(true)
    );
    assert_eq!(
        value::<String>(hidden, "802-11-wireless-security", "key-mgmt").as_deref(),
        Some("sae")
    );

    // (5) A hotspot: a generated password, an access-point profile sharing the connection,
    // and the QR code's text for phones.
    let () = call(
        &bus,
        NM_PATH,
        MOCK,
        "AddMethod",
        &(
            NM_MANAGER,
            "AddAndActivateConnection",
            "a{sa{sv}}oo",
            "oo",
            ADD_AND_ACTIVATE,
        ),
    )
    .await;
    let request = panel.update(Message::Hotspot(network::hotspot::Message::Open(
        device.clone().into(),
        "wlan0".into(),
    )));
    assert_eq!(
        request,
        Outcome::request(Request::HostName).with_effect(Effect::Focus(network::HOTSPOT_NAME_ID))
    );
    let dialog = panel.hotspot.clone().expect("the hotspot dialog");
    assert_eq!(dialog.password.len(), 10, "a generated password");
    let _ = panel.update(Message::Hotspot(network::hotspot::Message::NameChanged(
        "Ferrum Lab".into(),
    )));
    let _ = panel.update(Message::Hotspot(
        network::hotspot::Message::PasswordChanged("abc".into()),
    ));
    assert_eq!(
        panel.update(Message::Hotspot(network::hotspot::Message::Start)),
        Outcome::none()
    );
    assert_eq!(
        panel.hotspot.as_ref().and_then(|d| d.error),
        Some(PasswordError::TooShort(3))
    );
    let _ = panel.update(Message::Hotspot(
        network::hotspot::Message::PasswordChanged("lab-password".into()),
    ));
    let request = panel
        .update(Message::Hotspot(network::hotspot::Message::Start))
        .request
        .expect("a start request");
    assert!(!format!("{request:?}").contains("lab-password"));
    let answer = request.run(bus.clone()).await;
    assert!(
        matches!(
            answer,
            Message::Hotspot(network::hotspot::Message::Started(Ok(())))
        ),
        "{answer:?}"
    );
    let _ = panel.update(answer);
    assert!(panel.hotspot.is_none());
    let shared = panel.shared.clone().expect("the shared network");
    assert_eq!(
        ferrum_services::network::qr_text(&shared.name, &shared.password),
        "WIFI:T:WPA;S:Ferrum Lab;P:lab-password;;"
    );
    let saved = profiles(&bus).await;
    let hotspot = saved
        .iter()
        .find(|p| value::<String>(p, "802-11-wireless", "mode").as_deref() == Some("ap"))
        .expect("an access-point profile");
    assert_eq!(
        value::<Vec<u8>>(hotspot, "802-11-wireless", "ssid").as_deref(),
        Some(b"Ferrum Lab".as_slice())
    );
    assert_eq!(
        value::<String>(hotspot, "ipv4", "method").as_deref(),
        Some("shared")
    );
    assert_eq!(
        value::<String>(hotspot, "802-11-wireless-security", "psk").as_deref(),
        Some("lab-password")
    );
    follow(
        &mut panel,
        &mut updates,
        "the hotspot on the device",
        |panel| {
            panel.overview.ready().is_some_and(|o| {
                o.devices[0]
                    .active
                    .as_ref()
                    .and_then(|active| o.connection(&active.profile))
                    .is_some_and(|profile| profile.hotspot)
            })
        },
    )
    .await;

    // (6) A captive portal: the banner comes with connectivity "portal" and goes after.
    assert!(!panel.portal());
    let () = mock(&bus, "SetConnectivity", &(2_u32,)).await;
    follow(&mut panel, &mut updates, "the portal", State::portal).await;
    let request = panel.update(Message::Recheck);
    assert_eq!(request, Outcome::request(Request::CheckConnectivity));
    assert!(panel.rechecking);
    let () = mock(&bus, "SetConnectivity", &(4_u32,)).await;
    follow(&mut panel, &mut updates, "the portal gone", |panel| {
        !panel.portal()
    })
    .await;
    assert!(!panel.rechecking);

    // (7) Airplane mode turns the Wi-Fi radio off through NetworkManager.
    let request = panel.update(Message::AirplaneToggled(true));
    let answer = request.request.unwrap().run(bus.clone()).await;
    assert!(matches!(answer, Message::Done(Ok(()))), "{answer:?}");
    follow(&mut panel, &mut updates, "airplane mode", |panel| {
        panel.overview.ready().is_some_and(Overview::airplane_mode)
    })
    .await;
}
