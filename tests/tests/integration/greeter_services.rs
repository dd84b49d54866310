//! The login screen's system services on the test bed: systemd-logind's power
//! actions against python-dbusmock's `logind` template, and NetworkManager's
//! status against its `networkmanager` template (the real NetworkManager, in a
//! network namespace, comes with the network panel). The mocks are steered
//! through their `org.freedesktop.DBus.Mock` interface, as another process
//! would change the daemons; the status stream only hears about it through
//! the mock's signals.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;

use ferrum_integration_tests::{next_matching, next_within};
use ferrum_services::logind::{self, Availability, LogindError, PowerAction};
use ferrum_services::network_status::{
    self, ConnectionKind, Connectivity, NetworkError, NetworkState, NetworkStatus,
    PrimaryConnection,
};
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_testbed::{Service, TestBed};
use zbus::Connection;
use zbus::export::serde;
use zbus::zvariant::{DynamicType, ObjectPath, OwnedObjectPath, OwnedValue, Value};

const MOCK: &str = "org.freedesktop.DBus.Mock";
const LOGIND_PATH: &str = "/org/freedesktop/login1";
const LOGIND_MANAGER: &str = "org.freedesktop.login1.Manager";
/// The networkmanager template's own methods (`AddEthernetDevice`, …) live here.
const NM_MOCK_PATH: &str = "/org/freedesktop";
const NM_PATH: &str = "/org/freedesktop/NetworkManager";
const NM_MANAGER: &str = "org.freedesktop.NetworkManager";

fn bed(services: &[Service]) -> (TestBed, SystemBus) {
    let bed = TestBed::start(services).expect("test bed starts");
    let bus = SystemBus::with_address(bed.system_bus_address());
    (bed, bus)
}

async fn connection(bus: &SystemBus) -> Connection {
    bus.connection().await.expect("the bed's bus")
}

/// Calls one of a mock's own methods and returns the reply.
async fn call<B>(
    bus: &SystemBus,
    service: Service,
    path: &str,
    interface: &str,
    method: &str,
    body: &B,
) -> zbus::Message
where
    B: serde::Serialize + DynamicType,
{
    connection(bus)
        .await
        .call_method(
            Some(service.bus_name()),
            path,
            Some(interface),
            method,
            body,
        )
        .await
        .unwrap_or_else(|error| panic!("{interface}.{method} on {path}: {error}"))
}

/// Replaces a logind method of the mock with `code` (python-dbusmock's AddMethod).
async fn redefine_logind_method(bus: &SystemBus, name: &str, out_signature: &str, code: &str) {
    let in_signature = if name.starts_with("Can") { "" } else { "b" };
    call(
        bus,
        Service::Logind,
        LOGIND_PATH,
        MOCK,
        "AddMethod",
        &(LOGIND_MANAGER, name, in_signature, out_signature, code),
    )
    .await;
}

/// The arguments of every call of `method` the logind mock received.
async fn logind_calls(bus: &SystemBus, method: &str) -> Vec<Vec<OwnedValue>> {
    let reply = call(
        bus,
        Service::Logind,
        LOGIND_PATH,
        MOCK,
        "GetMethodCalls",
        &(method,),
    )
    .await;
    let calls: Vec<(u64, Vec<OwnedValue>)> = reply.body().deserialize().unwrap();
    calls.into_iter().map(|(_, args)| args).collect()
}

fn availability_of(
    actions: &[(PowerAction, Availability)],
    action: PowerAction,
) -> Option<Availability> {
    actions
        .iter()
        .find(|(a, _)| *a == action)
        .map(|(_, availability)| *availability)
}

#[tokio::test(flavor = "multi_thread")]
async fn logind_offers_power_actions_and_takes_them_interactively() {
    let (_bed, bus) = bed(&[Service::Logind]);

    let actions = logind::available_actions(&bus).await.unwrap();
    assert_eq!(
        actions.iter().map(|(a, _)| *a).collect::<Vec<_>>(),
        PowerAction::ALL.to_vec()
    );
    for action in [
        PowerAction::PowerOff,
        PowerAction::Reboot,
        PowerAction::Suspend,
    ] {
        let availability = availability_of(&actions, action).unwrap();
        assert_eq!(availability, Availability::Yes, "{action:?}");
        assert!(availability.is_offered());
    }

    // What logind answers on a machine without swap and with suspend behind polkit.
    redefine_logind_method(&bus, "CanHibernate", "s", "ret = 'na'").await;
    redefine_logind_method(&bus, "CanSuspend", "s", "ret = 'challenge'").await;
    let actions = logind::available_actions(&bus).await.unwrap();
    assert_eq!(
        availability_of(&actions, PowerAction::Hibernate),
        Some(Availability::NotApplicable)
    );
    assert_eq!(
        availability_of(&actions, PowerAction::Suspend),
        Some(Availability::Challenge)
    );
    let offered: Vec<PowerAction> = actions
        .iter()
        .filter(|(_, availability)| availability.is_offered())
        .map(|(action, _)| *action)
        .collect();
    assert_eq!(
        offered,
        vec![
            PowerAction::Suspend,
            PowerAction::Reboot,
            PowerAction::PowerOff
        ]
    );

    // The mock logs the call: Reboot(interactive = true), and nothing else.
    assert!(logind_calls(&bus, "Reboot").await.is_empty());
    logind::perform(&bus, PowerAction::Reboot).await.unwrap();
    let reboots = logind_calls(&bus, "Reboot").await;
    assert_eq!(reboots.len(), 1, "{reboots:?}");
    assert_eq!(bool::try_from(&reboots[0][0]), Ok(true), "{reboots:?}");
    assert!(logind_calls(&bus, "PowerOff").await.is_empty());

    // polkit saying no (or the user dismissing the password dialog).
    redefine_logind_method(
        &bus,
        "PowerOff",
        "",
        "raise dbus.exceptions.DBusException('Interactive authentication required.', \
         name='org.freedesktop.DBus.Error.InteractiveAuthorizationRequired')",
    )
    .await;
    let refused = logind::perform(&bus, PowerAction::PowerOff).await;
    assert!(
        matches!(
            refused,
            Err(LogindError::NotAuthorized(PowerAction::PowerOff, _))
        ),
        "{refused:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn without_logind_power_actions_are_unavailable() {
    let (_bed, bus) = bed(&[]);
    let read = logind::available_actions(&bus).await;
    assert!(matches!(read, Err(LogindError::Unavailable(_))), "{read:?}");
    let performed = logind::perform(&bus, PowerAction::PowerOff).await;
    assert!(
        matches!(performed, Err(LogindError::Unavailable(_))),
        "{performed:?}"
    );
}

/// Makes `active` the primary connection, as NetworkManager does once a
/// connection holds the default route (the template leaves that to the test).
async fn set_primary(bus: &SystemBus, active: &str) {
    let path = ObjectPath::try_from(active).unwrap();
    call(
        bus,
        Service::NetworkManagerMock,
        NM_MOCK_PATH,
        MOCK,
        "SetProperty",
        &(NM_PATH, NM_MANAGER, "PrimaryConnection", Value::from(path)),
    )
    .await;
}

async fn nm_mock<R>(
    bus: &SystemBus,
    method: &str,
    body: &(impl serde::Serialize + DynamicType),
) -> R
where
    R: for<'d> serde::Deserialize<'d> + zbus::zvariant::Type,
{
    call(
        bus,
        Service::NetworkManagerMock,
        NM_MOCK_PATH,
        MOCK,
        method,
        body,
    )
    .await
    .body()
    .deserialize()
    .unwrap()
}

/// An Ethernet device with an activated "Wired connection 1"; returns the
/// active connection's path.
async fn connect_wired(bus: &SystemBus) -> String {
    let device: String = nm_mock(
        bus,
        "AddEthernetDevice",
        &("mock_Ethernet1", "eth0", 100_i32),
    )
    .await;
    let settings: HashMap<&str, HashMap<&str, Value<'_>>> = HashMap::from([(
        "connection",
        HashMap::from([
            ("id", Value::from("Wired connection 1")),
            ("type", Value::from("802-3-ethernet")),
            ("uuid", Value::from("6b0a5f3e-1d6c-4d2b-9a55-3f7c1c2b9e01")),
        ]),
    )]);
    let reply = call(
        bus,
        Service::NetworkManagerMock,
        "/org/freedesktop/NetworkManager/Settings",
        "org.freedesktop.NetworkManager.Settings",
        "AddConnection",
        &(settings,),
    )
    .await;
    let connection: OwnedObjectPath = reply.body().deserialize().unwrap();
    // NMActiveConnectionState 2: activated.
    nm_mock(
        bus,
        "AddActiveConnection",
        &(vec![device], connection.as_str(), "/", "wired", 2_u32),
    )
    .await
}

/// A Wi-Fi device on the access point "Home" (signal 82 %) with its
/// connection activated; returns the access point's and the active
/// connection's paths.
async fn connect_wifi(bus: &SystemBus) -> (String, String) {
    let device: String = nm_mock(bus, "AddWiFiDevice", &("mock_WiFi1", "wlan0", 100_i32)).await;
    // Infrastructure mode (2), 2.4 GHz, 54 Mbit/s, signal 82 %, no security.
    let access_point: String = nm_mock(
        bus,
        "AddAccessPoint",
        &(
            device.as_str(),
            "home_ap",
            "Home",
            "00:11:22:33:44:55",
            2_u32,
            2437_u32,
            54000_u32,
            82_u8,
            0_u32,
        ),
    )
    .await;
    let connection: String = nm_mock(
        bus,
        "AddWiFiConnection",
        &(device.as_str(), "home", "Home", ""),
    )
    .await;
    let active: String = nm_mock(
        bus,
        "AddActiveConnection",
        &(
            vec![device],
            connection,
            access_point.as_str(),
            "wifi",
            2_u32,
        ),
    )
    .await;
    (access_point, active)
}

fn is_status(
    update: &ServiceUpdate<NetworkStatus, NetworkError>,
    expected: &NetworkStatus,
) -> bool {
    matches!(update, ServiceUpdate::Available(status) if status == expected)
}

#[tokio::test(flavor = "multi_thread")]
async fn network_status_follows_network_manager() {
    let (mut bed, bus) = bed(&[Service::NetworkManagerMock]);
    let mut updates = Box::pin(network_status::watch_status(bus.clone()));

    // The template starts connected with full connectivity but no connection.
    let mut expected = NetworkStatus {
        state: NetworkState::ConnectedGlobal,
        connectivity: Connectivity::Full,
        primary: None,
    };
    let first = next_within(&mut updates, "first status").await.unwrap();
    assert!(is_status(&first, &expected), "{first:?}");

    // A wired connection comes up and becomes the primary connection.
    let wired = connect_wired(&bus).await;
    set_primary(&bus, &wired).await;
    expected.primary = Some(PrimaryConnection {
        id: "Wired connection 1".to_owned(),
        kind: ConnectionKind::Wired,
        wifi_strength: None,
    });
    assert_eq!(network_status::status(&bus).await.unwrap(), expected);
    next_matching(&mut updates, "the wired connection", |u| {
        is_status(u, &expected)
    })
    .await
    .unwrap();

    // The connectivity check finds a captive portal, then the uplink goes.
    let _: () = nm_mock(&bus, "SetConnectivity", &(2_u32,)).await;
    expected.connectivity = Connectivity::Portal;
    next_matching(&mut updates, "portal connectivity", |u| {
        is_status(u, &expected)
    })
    .await
    .unwrap();
    let _: () = nm_mock(&bus, "SetGlobalConnectionState", &(60_u32,)).await;
    let _: () = nm_mock(&bus, "SetConnectivity", &(3_u32,)).await;
    expected.state = NetworkState::ConnectedSite;
    expected.connectivity = Connectivity::Limited;
    next_matching(&mut updates, "site-only state", |u| is_status(u, &expected))
        .await
        .unwrap();

    // A primary connection that is gone by the time it is read (NetworkManager
    // removes the object before it updates PrimaryConnection) is no connection,
    // not a failure.
    set_primary(&bus, "/org/freedesktop/NetworkManager/ActiveConnection/99").await;
    let read = network_status::status(&bus).await.unwrap();
    assert_eq!(read.primary, None, "{read:?}");

    // Wi-Fi takes over; its signal strength follows the access point.
    let (access_point, wifi) = connect_wifi(&bus).await;
    set_primary(&bus, &wifi).await;
    expected.primary = Some(PrimaryConnection {
        id: "Home".to_owned(),
        kind: ConnectionKind::Wifi,
        wifi_strength: Some(82),
    });
    next_matching(&mut updates, "the Wi-Fi connection", |u| {
        is_status(u, &expected)
    })
    .await
    .unwrap();
    call(
        &bus,
        Service::NetworkManagerMock,
        &access_point,
        MOCK,
        "UpdateProperties",
        &(
            "org.freedesktop.NetworkManager.AccessPoint",
            HashMap::from([("Strength", Value::from(40_u8))]),
        ),
    )
    .await;
    if let Some(primary) = &mut expected.primary {
        primary.wifi_strength = Some(40);
    }
    next_matching(&mut updates, "a weaker signal", |u| is_status(u, &expected))
        .await
        .unwrap();

    // NetworkManager goes away: the stream says so, a direct read names the absence.
    bed.kill_service(Service::NetworkManagerMock).unwrap();
    next_matching(&mut updates, "unavailable", |u| {
        matches!(u, ServiceUpdate::Unavailable)
    })
    .await
    .unwrap();
    let read = network_status::status(&bus).await;
    assert!(
        matches!(read, Err(NetworkError::Unavailable(_))),
        "{read:?}"
    );

    // …and comes back (a fresh mock: connected, no connection yet).
    bed.start_service(Service::NetworkManagerMock).unwrap();
    let back = NetworkStatus {
        state: NetworkState::ConnectedGlobal,
        connectivity: Connectivity::Full,
        primary: None,
    };
    next_matching(&mut updates, "recovery", |u| is_status(u, &back))
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn without_network_manager_the_status_is_unavailable() {
    let (_bed, bus) = bed(&[]);
    let mut updates = Box::pin(network_status::watch_status(bus.clone()));
    let first = next_within(&mut updates, "first update").await.unwrap();
    assert!(matches!(first, ServiceUpdate::Unavailable), "{first:?}");
    let read = network_status::status(&bus).await;
    assert!(
        matches!(read, Err(NetworkError::Unavailable(_))),
        "{read:?}"
    );
}
