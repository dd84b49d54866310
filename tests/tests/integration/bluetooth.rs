//! `services::bluetooth` against python-dbusmock's `bluez5` template on the bed's private
//! system bus. This host has no Bluetooth controller (no `hci_vhci`), so bluetoothd cannot run
//! here: the mock stands in for it, and the image's end-to-end test covers the real
//! bluetoothd (a real pairing through the agent).
//!
//! bluer opens its bus with libdbus, which reads `DBUS_SYSTEM_BUS_ADDRESS` once per process:
//! each test starts the bed, then runs its own body again in a child process of this test
//! binary with the variable naming the bed's bus (`ferrum_testbed::child`). The child drives
//! the mock through `busctl` and asks the parent (which owns the bed) to kill, restart, stop
//! or resume it. Needs root and the packages of `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::future::Future;
use std::time::{Duration, Instant};

use ferrum_integration_tests::{next_matching, wait_for};
use ferrum_services::SystemBus;
use ferrum_services::bluetooth::{
    self, Action, AdapterId, AgentAnswer, AgentAsk, BluetoothError, DeviceAddress, DeviceKind,
    PinCode, ServiceKind, Snapshot, Update,
};
use ferrum_testbed::bluez::{BluezMock, adapter_path, device_path};
use ferrum_testbed::{Service, TestBed, child};
use futures::{Stream, StreamExt};

/// How long one child test may take in all.
const CHILD_TIMEOUT: Duration = Duration::from_secs(180);
/// The method-call timeout of the hang test's bus (the apps use `METHOD_TIMEOUT`, 20 s).
const SHORT_TIMEOUT: Duration = Duration::from_secs(2);

const KEYBOARD: &str = "11:22:33:44:55:01";
const PHONE: &str = "11:22:33:44:55:02";
const HEADSET: &str = "11:22:33:44:55:03";
/// The class of device the template gives phones (smartphone).
const PHONE_CLASS: &str = "5898764";

fn hci(n: u8) -> AdapterId {
    AdapterId::new(format!("hci{n}"))
}

fn address(text: &str) -> DeviceAddress {
    text.parse().unwrap()
}

/// Runs `body` in a child process whose system bus is a fresh bed's, with the bluez5 mock
/// running (no adapters yet). In the child, `body` gets the mock.
fn bluetooth_test<F, Fut>(body: F)
where
    F: FnOnce(BluezMock) -> Fut,
    Fut: Future<Output = ()>,
{
    if child::is_child() {
        let address = std::env::var("DBUS_SYSTEM_BUS_ADDRESS").unwrap();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(body(BluezMock::at(&address)));
        return;
    }
    let name = child::current_test().expect("a test thread");
    let mut bed = TestBed::start(&[Service::BluezMock]).expect("test bed starts");
    let address = bed.system_bus_address().to_owned();
    let started = Instant::now();
    let result = child::run_in_child(
        &name,
        &[("DBUS_SYSTEM_BUS_ADDRESS", &address)],
        CHILD_TIMEOUT,
        |ask| parent_acts(&mut bed, ask),
    );
    if let Err(failure) = result {
        panic!("{failure}");
    }
    eprintln!("{name}: child passed in {:?}", started.elapsed());
}

/// What a child may ask of the parent, which owns the bed.
fn parent_acts(bed: &mut TestBed, ask: &str) -> Result<(), String> {
    let signal = |bed: &TestBed, signal: &str| {
        let pid = bed
            .pid(Service::BluezMock)
            .ok_or("the mock is not running")?;
        let status = std::process::Command::new("kill")
            .args([signal, "--", &format!("-{pid}")])
            .status()
            .map_err(|error| error.to_string())?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("kill {signal} failed"))
        }
    };
    match ask {
        "kill" => bed
            .kill_service(Service::BluezMock)
            .map_err(|error| error.to_string()),
        "start" => bed
            .start_service(Service::BluezMock)
            .map_err(|error| error.to_string()),
        "stop" => signal(bed, "-STOP"),
        "cont" => signal(bed, "-CONT"),
        other => Err(format!("unknown request {other:?}")),
    }
}

/// Asks the parent to act (from the child's async body).
async fn ask(what: &'static str) {
    tokio::task::spawn_blocking(move || child::ask_parent(what))
        .await
        .unwrap()
        .unwrap();
}

/// The next snapshot that satisfies `accept`.
async fn snapshot_where<S>(
    updates: &mut S,
    what: &str,
    mut accept: impl FnMut(&Snapshot) -> bool,
) -> Snapshot
where
    S: Stream<Item = Update> + Unpin,
{
    match next_matching(
        updates,
        what,
        |update| matches!(update, Update::Snapshot(snapshot) if accept(snapshot)),
    )
    .await
    .unwrap()
    {
        Update::Snapshot(snapshot) => snapshot,
        _ => unreachable!(),
    }
}

fn calls(mock: &BluezMock, path: &str, method: &str) -> usize {
    mock.method_calls(path, method).unwrap().len()
}

/// Adapters and devices as the page shows them: paired and nearby, kind, name and alias,
/// signal, battery and services, a live change from a BlueZ signal, adapters removed (none
/// left: `NoAdapter`) and added. The mock stands in for
/// the Bluetooth hardware this host lacks; the image e2e covers the real bluetoothd.
#[test]
fn the_snapshot_lists_adapters_with_paired_and_nearby_devices() {
    bluetooth_test(|mock| async move {
        mock.add_adapter("hci0", "ferrum-host").unwrap();
        mock.add_adapter("hci1", "second radio").unwrap();
        mock.set_adapter_property("hci1", "Powered", "b", "false")
            .unwrap();
        mock.add_device("hci0", KEYBOARD, "Desk keyboard").unwrap();
        mock.pair_device("hci0", KEYBOARD).unwrap();
        mock.set_device_property("hci0", KEYBOARD, "Icon", "s", "input-keyboard")
            .unwrap();
        mock.add_battery("hci0", KEYBOARD, 80).unwrap();
        mock.connect_device("hci0", KEYBOARD).unwrap();
        mock.add_device("hci0", PHONE, "Anna's phone").unwrap();
        mock.set_device_property("hci0", PHONE, "Class", "u", PHONE_CLASS)
            .unwrap();
        mock.add_device("hci0", HEADSET, "Studio headset").unwrap();
        mock.set_device_property("hci0", HEADSET, "Icon", "s", "audio-headset")
            .unwrap();
        mock.set_device_property("hci0", HEADSET, "RSSI", "n", "-50")
            .unwrap();

        let bus = SystemBus::from_env();
        let mut updates = Box::pin(bluetooth::watch(&bus));
        let snapshot = snapshot_where(&mut updates, "discovery on hci0", |s| {
            s.adapter(&hci(0)).is_some_and(|a| a.discovering)
        })
        .await;

        let ids: Vec<&str> = snapshot.adapters.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["hci0", "hci1"]);
        let hci0 = &snapshot.adapters[0];
        assert_eq!(hci0.address.to_string(), "00:01:02:03:04:05");
        assert_eq!(hci0.alias, "ferrum-host");
        assert_eq!(hci0.system_name, "ferrum-host");
        assert!(hci0.powered && hci0.discovering);
        assert!(hci0.discoverable, "visible while the page looks");
        let hci1 = &snapshot.adapters[1];
        assert_eq!(hci1.alias, "second radio");
        assert!(!hci1.powered && !hci1.discovering && !hci1.discoverable);

        let paired = snapshot.paired();
        assert_eq!(paired.len(), 1, "{paired:?}");
        let keyboard = paired[0];
        assert_eq!(keyboard.address, address(KEYBOARD));
        assert_eq!(keyboard.adapter, hci(0));
        assert_eq!(keyboard.name.as_deref(), Some("Desk keyboard"));
        assert_eq!(keyboard.alias, "Desk keyboard");
        assert_eq!(keyboard.kind, DeviceKind::Keyboard);
        assert_eq!(keyboard.battery, Some(80));
        assert!(keyboard.connected && !keyboard.blocked);
        assert!(keyboard.services.contains(&ServiceKind::FileTransfer));
        assert!(keyboard.services.contains(&ServiceKind::AudioSource));

        let nearby = snapshot.nearby();
        let names: Vec<&str> = nearby.iter().map(|d| d.alias.as_str()).collect();
        assert_eq!(names, ["Studio headset", "Anna's phone"], "strongest first");
        assert_eq!(nearby[0].kind, DeviceKind::Headset);
        assert_eq!(nearby[0].rssi, Some(-50));
        assert_eq!(nearby[1].kind, DeviceKind::Phone);
        assert_eq!(nearby[1].rssi, Some(-79));
        assert_eq!(nearby[1].battery, None, "no Battery1 reads as no battery");
        assert!(nearby.iter().all(|d| !d.paired && !d.connected));

        // A change BlueZ announces shows without asking.
        mock.set_device_property("hci0", PHONE, "RSSI", "n", "-40")
            .unwrap();
        let snapshot = snapshot_where(&mut updates, "the phone's new signal", |s| {
            s.device(&hci(0), &address(PHONE))
                .is_some_and(|d| d.rssi == Some(-40))
        })
        .await;
        assert_eq!(snapshot.nearby()[0].alias, "Anna's phone");

        // Adapters come and go.
        mock.remove_adapter("hci1").unwrap();
        snapshot_where(&mut updates, "hci1 gone", |s| s.adapters.len() == 1).await;
        mock.remove_adapter("hci0").unwrap();
        next_matching(&mut updates, "no adapter", |u| {
            *u == Update::Unavailable(BluetoothError::NoAdapter)
        })
        .await
        .unwrap();
        mock.add_adapter("hci0", "ferrum-host").unwrap();
        snapshot_where(&mut updates, "hci0 back", |s| s.adapter(&hci(0)).is_some()).await;
    });
}

/// While the stream lives our agent is BlueZ's default agent and every powered adapter
/// discovers (discoverable); a powered-on adapter starts discovering; dropping the stream
/// stops discovery and unregisters the agent. The mock stands in for the Bluetooth hardware
/// this host lacks; the image e2e covers the real bluetoothd.
#[test]
fn discovery_and_the_agent_last_as_long_as_the_stream() {
    bluetooth_test(|mock| async move {
        mock.add_adapter("hci0", "ferrum-host").unwrap();
        mock.add_adapter("hci1", "second radio").unwrap();
        mock.set_adapter_property("hci1", "Powered", "b", "false")
            .unwrap();
        let bus = SystemBus::from_env();
        let mut updates = Box::pin(bluetooth::watch(&bus));
        snapshot_where(&mut updates, "discovery on hci0", |s| {
            s.adapter(&hci(0)).is_some_and(|a| a.discovering)
        })
        .await;

        let registered = mock.method_calls("/org/bluez", "RegisterAgent").unwrap();
        assert_eq!(registered.len(), 1);
        let agent = registered[0].first_str().unwrap().to_owned();
        assert_eq!(
            registered[0].args[1]["data"], "KeyboardDisplay",
            "every request kind handled"
        );
        let default = mock
            .method_calls("/org/bluez", "RequestDefaultAgent")
            .unwrap();
        assert_eq!(default.len(), 1);
        assert_eq!(default[0].first_str(), Some(agent.as_str()));

        let filters = mock
            .method_calls(&adapter_path("hci0"), "SetDiscoveryFilter")
            .unwrap();
        assert_eq!(filters.len(), 1);
        assert_eq!(
            filters[0].args[0]["data"]["Discoverable"]["data"], true,
            "{filters:?}"
        );
        assert_eq!(calls(&mock, &adapter_path("hci0"), "StartDiscovery"), 1);
        assert_eq!(calls(&mock, &adapter_path("hci1"), "StartDiscovery"), 0);

        // Powered on from the page, hci1 discovers too.
        bluetooth::set_powered(&bus, &hci(1), true).await.unwrap();
        snapshot_where(&mut updates, "discovery on hci1", |s| {
            s.adapter(&hci(1))
                .is_some_and(|a| a.powered && a.discovering)
        })
        .await;
        assert_eq!(calls(&mock, &adapter_path("hci1"), "StartDiscovery"), 1);

        drop(updates);
        wait_for("StopDiscovery on both adapters", || {
            calls(&mock, &adapter_path("hci0"), "StopDiscovery") == 1
                && calls(&mock, &adapter_path("hci1"), "StopDiscovery") == 1
        })
        .await;
        wait_for("UnregisterAgent", || {
            mock.method_calls("/org/bluez", "UnregisterAgent")
                .unwrap()
                .iter()
                .any(|call| call.first_str() == Some(agent.as_str()))
        })
        .await;
    });
}

/// The unique name of this process's connection that serves `path` (our agent lives on
/// bluer's connection, not on zbus's).
async fn agent_owner(connection: &zbus::Connection, path: &str) -> String {
    let dbus = zbus::fdo::DBusProxy::new(connection).await.unwrap();
    for name in dbus.list_names().await.unwrap() {
        if !name.starts_with(':') {
            continue;
        }
        let Ok(bus_name) = zbus::names::BusName::try_from(name.as_str()) else {
            continue;
        };
        if dbus
            .get_connection_unix_process_id(bus_name.clone())
            .await
            .ok()
            != Some(std::process::id())
        {
            continue;
        }
        let proxy = zbus::fdo::IntrospectableProxy::builder(connection)
            .destination(bus_name)
            .unwrap()
            .path(path)
            .unwrap()
            .build()
            .await
            .unwrap();
        // zbus's own connection has no object server and never answers: do not wait for it.
        let introspected = tokio::time::timeout(Duration::from_secs(1), proxy.introspect())
            .await
            .ok()
            .and_then(Result::ok)
            .unwrap_or_default();
        if introspected.contains("org.bluez.Agent1") {
            return name.to_string();
        }
    }
    panic!("no connection of this process serves the agent at {path}");
}

/// BlueZ's requests to our agent reach the page as `Update::Agent` and the page's answers
/// reach BlueZ: a confirmation accepted, a PIN code typed, a passkey refused, a display shown
/// at once, an authorization BlueZ cancels (the dialog closes). The test plays bluetoothd
/// calling the agent, because the mock's `Pair` never calls one: the mock stands in for the
/// Bluetooth hardware this host lacks; the image e2e pairs through the real bluetoothd.
#[test]
fn agent_requests_reach_the_page_and_its_answers_reach_bluez() {
    bluetooth_test(|mock| async move {
        mock.add_adapter("hci0", "ferrum-host").unwrap();
        mock.add_device("hci0", PHONE, "Anna's phone").unwrap();
        let bus = SystemBus::from_env();
        let mut updates = Box::pin(bluetooth::watch(&bus));
        snapshot_where(&mut updates, "first snapshot", |_| true).await;
        let agent = mock.method_calls("/org/bluez", "RegisterAgent").unwrap()[0]
            .first_str()
            .unwrap()
            .to_owned();
        let connection = bus.connection().await.unwrap();
        let owner = agent_owner(&connection, &agent).await;
        let device = zbus::zvariant::OwnedObjectPath::try_from(device_path("hci0", PHONE)).unwrap();

        // BlueZ calls the agent (on a task: the call's answer comes once the page answers).
        macro_rules! bluez_calls {
            ($method:literal, $body:expr) => {{
                let (connection, owner, agent) = (connection.clone(), owner.clone(), agent.clone());
                let body = $body;
                tokio::spawn(async move {
                    connection
                        .call_method(
                            Some(owner.as_str()),
                            agent.as_str(),
                            Some("org.bluez.Agent1"),
                            $method,
                            &body,
                        )
                        .await
                })
            }};
        }
        let error_name = |result: Result<zbus::Message, zbus::Error>| match result {
            Err(zbus::Error::MethodError(name, _, _)) => name.to_string(),
            other => panic!("expected BlueZ to hear an error, got {other:?}"),
        };

        // A passkey to compare, accepted.
        let call = bluez_calls!("RequestConfirmation", (device.clone(), 123_456u32));
        let request = agent_request(&mut updates).await;
        assert_eq!(request.ask, AgentAsk::Confirm { passkey: 123_456 });
        assert_eq!(request.device, address(PHONE));
        assert_eq!(request.adapter, hci(0));
        assert!(request.reply.answer(AgentAnswer::Accept));
        call.await.unwrap().expect("BlueZ hears yes");

        // A PIN code, typed.
        let call = bluez_calls!("RequestPinCode", (device.clone(),));
        let request = agent_request(&mut updates).await;
        assert_eq!(request.ask, AgentAsk::PinCode);
        assert!(
            request
                .reply
                .answer(AgentAnswer::PinCode(PinCode::parse("0000").unwrap()))
        );
        let answer = call.await.unwrap().unwrap();
        assert_eq!(answer.body().deserialize::<String>().unwrap(), "0000");

        // A passkey to type, refused.
        let call = bluez_calls!("RequestPasskey", (device.clone(),));
        let request = agent_request(&mut updates).await;
        assert_eq!(request.ask, AgentAsk::Passkey);
        assert!(request.reply.answer(AgentAnswer::Reject));
        assert_eq!(error_name(call.await.unwrap()), "org.bluez.Error.Rejected");

        // A passkey to show: BlueZ's call returns at once, the page shows it.
        let call = bluez_calls!("DisplayPasskey", (device.clone(), 42u32, 2u16));
        call.await.unwrap().expect("a display is answered at once");
        let request = agent_request(&mut updates).await;
        assert_eq!(
            request.ask,
            AgentAsk::DisplayPasskey {
                passkey: 42,
                entered: 2
            }
        );

        // An authorization BlueZ cancels: the dialog closes, BlueZ hears "canceled".
        let call = bluez_calls!("RequestAuthorization", (device.clone(),));
        let request = next_matching(
            &mut updates,
            "the authorization",
            |u| matches!(u, Update::Agent(r) if r.ask == AgentAsk::Authorize),
        )
        .await
        .unwrap();
        let Update::Agent(request) = request else {
            unreachable!()
        };
        let cancel = bluez_calls!("Cancel", ());
        cancel.await.unwrap().expect("Cancel answered");
        let id = request.id;
        next_matching(
            &mut updates,
            "the authorization's cancel",
            |u| matches!(u, Update::AgentCanceled { id: canceled } if *canceled == id),
        )
        .await
        .unwrap();
        assert_eq!(error_name(call.await.unwrap()), "org.bluez.Error.Canceled");
        assert!(!request.reply.answer(AgentAnswer::Accept), "too late");
    });
}

async fn agent_request<S>(updates: &mut S) -> bluetooth::AgentRequest
where
    S: Stream<Item = Update> + Unpin,
{
    match next_matching(updates, "an agent request", |u| {
        matches!(u, Update::Agent(_))
    })
    .await
    .unwrap()
    {
        Update::Agent(request) => request,
        _ => unreachable!(),
    }
}

/// The page's commands reach the mock and the snapshot follows: pair (then trust and
/// connect), disconnect, connect, rename, block, power, the adapter's name, forget. The mock
/// stands in for the Bluetooth hardware this host lacks; the image e2e covers the real
/// bluetoothd.
#[test]
fn commands_reach_bluez_and_the_snapshot_follows() {
    bluetooth_test(|mock| async move {
        mock.add_adapter("hci0", "ferrum-host").unwrap();
        mock.add_device("hci0", PHONE, "Anna's phone").unwrap();
        let bus = SystemBus::from_env();
        let mut updates = Box::pin(bluetooth::watch(&bus));
        snapshot_where(&mut updates, "first snapshot", |_| true).await;
        let (adapter, phone) = (hci(0), address(PHONE));
        let device = |s: &Snapshot| s.device(&adapter, &phone).cloned();
        let phone_path = device_path("hci0", PHONE);

        bluetooth::pair(&bus, &adapter, &phone).await.unwrap();
        let paired = snapshot_where(&mut updates, "paired, trusted, connected", |s| {
            device(s).is_some_and(|d| d.paired && d.trusted && d.connected)
        })
        .await;
        assert_eq!(paired.paired().len(), 1);
        assert_eq!(calls(&mock, &phone_path, "Pair"), 1);
        assert_eq!(calls(&mock, &phone_path, "Connect"), 1);

        bluetooth::disconnect(&bus, &adapter, &phone).await.unwrap();
        snapshot_where(&mut updates, "disconnected", |s| {
            device(s).is_some_and(|d| !d.connected)
        })
        .await;
        bluetooth::disconnect(&bus, &adapter, &phone)
            .await
            .expect("disconnecting a disconnected device is done already");

        Action::Connect {
            adapter: adapter.clone(),
            device: phone,
        }
        .run(&bus)
        .await
        .unwrap();
        snapshot_where(&mut updates, "connected again", |s| {
            device(s).is_some_and(|d| d.connected)
        })
        .await;
        bluetooth::connect(&bus, &adapter, &phone)
            .await
            .expect("connecting a connected device is done already");

        bluetooth::rename(&bus, &adapter, &phone, "Anna's old phone".into())
            .await
            .unwrap();
        snapshot_where(&mut updates, "the new name", |s| {
            device(s).is_some_and(|d| d.alias == "Anna's old phone")
        })
        .await;

        bluetooth::set_blocked(&bus, &adapter, &phone, true)
            .await
            .unwrap();
        snapshot_where(&mut updates, "blocked", |s| {
            device(s).is_some_and(|d| d.blocked)
        })
        .await;

        bluetooth::set_alias(&bus, &adapter, "Ferrum desk".into())
            .await
            .unwrap();
        snapshot_where(&mut updates, "the adapter's new name", |s| {
            s.adapter(&adapter)
                .is_some_and(|a| a.alias == "Ferrum desk")
        })
        .await;

        bluetooth::set_powered(&bus, &adapter, false).await.unwrap();
        snapshot_where(&mut updates, "powered off", |s| {
            s.adapter(&adapter).is_some_and(|a| !a.powered)
        })
        .await;
        // Discovery stops with the radio.
        wait_for("StopDiscovery", || {
            calls(&mock, &adapter_path("hci0"), "StopDiscovery") == 1
        })
        .await;
        bluetooth::set_powered(&bus, &adapter, true).await.unwrap();
        snapshot_where(&mut updates, "powered on and discovering again", |s| {
            s.adapter(&adapter)
                .is_some_and(|a| a.powered && a.discovering)
        })
        .await;

        bluetooth::forget(&bus, &adapter, &phone).await.unwrap();
        snapshot_where(&mut updates, "the phone forgotten", |s| device(s).is_none()).await;
        let removed = mock
            .method_calls(&adapter_path("hci0"), "RemoveDevice")
            .unwrap();
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0].first_str(), Some(phone_path.as_str()));

        assert_eq!(
            bluetooth::set_powered(&bus, &hci(5), true).await,
            Err(BluetoothError::NoAdapter)
        );
    });
}

/// A pairing the device refuses is explained with BlueZ's reason and leaves no bond; an input
/// device that pairs but cannot connect is removed again (no half-bonded keyboard), while a
/// headset keeps its bond. The mock stands in for the Bluetooth hardware this host lacks; the
/// image e2e covers the real bluetoothd.
#[test]
fn a_refused_or_unfinished_pairing_leaves_no_half_bonded_device() {
    bluetooth_test(|mock| async move {
        mock.add_adapter("hci0", "ferrum-host").unwrap();
        mock.add_device("hci0", PHONE, "Anna's phone").unwrap();
        mock.make_device_fail(
            "hci0",
            PHONE,
            "Pair",
            "org.bluez.Error.AuthenticationRejected",
            "Authentication Rejected",
        )
        .unwrap();
        mock.add_device("hci0", KEYBOARD, "Desk keyboard").unwrap();
        mock.set_device_property("hci0", KEYBOARD, "Icon", "s", "input-keyboard")
            .unwrap();
        mock.make_device_fail(
            "hci0",
            KEYBOARD,
            "Connect",
            "org.bluez.Error.Failed",
            "br-connection-page-timeout",
        )
        .unwrap();
        mock.add_device("hci0", HEADSET, "Studio headset").unwrap();
        mock.set_device_property("hci0", HEADSET, "Icon", "s", "audio-headset")
            .unwrap();
        mock.make_device_fail(
            "hci0",
            HEADSET,
            "Connect",
            "org.bluez.Error.Failed",
            "br-connection-page-timeout",
        )
        .unwrap();
        let bus = SystemBus::from_env();
        let mut updates = Box::pin(bluetooth::watch(&bus));
        snapshot_where(&mut updates, "first snapshot", |_| true).await;
        let adapter = hci(0);

        let refused = bluetooth::pair(&bus, &adapter, &address(PHONE)).await;
        assert_eq!(
            refused,
            Err(BluetoothError::AuthenticationRejected {
                reason: "Authentication Rejected".into()
            })
        );
        assert_eq!(calls(&mock, &device_path("hci0", PHONE), "Connect"), 0);

        let keyboard = bluetooth::pair(&bus, &adapter, &address(KEYBOARD)).await;
        assert_eq!(
            keyboard,
            Err(BluetoothError::ConnectionFailed {
                reason: "br-connection-page-timeout".into()
            })
        );
        let removed = mock
            .method_calls(&adapter_path("hci0"), "RemoveDevice")
            .unwrap();
        assert_eq!(removed.len(), 1, "the keyboard's bond is undone");
        assert_eq!(
            removed[0].first_str(),
            Some(device_path("hci0", KEYBOARD).as_str())
        );

        let headset = bluetooth::pair(&bus, &adapter, &address(HEADSET)).await;
        assert!(matches!(
            headset,
            Err(BluetoothError::ConnectionFailed { .. })
        ));

        let snapshot = snapshot_where(&mut updates, "the outcome of the three pairings", |s| {
            s.device(&adapter, &address(KEYBOARD)).is_none()
                && s.device(&adapter, &address(HEADSET))
                    .is_some_and(|d| d.paired)
        })
        .await;
        let phone = snapshot.device(&adapter, &address(PHONE)).unwrap();
        assert!(!phone.paired && !phone.trusted, "refused: no bond");
        let headset = snapshot.device(&adapter, &address(HEADSET)).unwrap();
        assert!(
            headset.trusted && !headset.connected,
            "a headset keeps its bond"
        );
    });
}

/// A Connect that fails leaves the device shown as not connected (nothing stuck at
/// "Connecting…") and the error carries BlueZ's reason. The mock stands in for the Bluetooth
/// hardware this host lacks; the image e2e covers the real bluetoothd.
#[test]
fn a_failed_connect_leaves_the_device_disconnected_with_the_reason() {
    bluetooth_test(|mock| async move {
        mock.add_adapter("hci0", "ferrum-host").unwrap();
        mock.add_device("hci0", HEADSET, "Studio headset").unwrap();
        mock.pair_device("hci0", HEADSET).unwrap();
        mock.make_device_fail(
            "hci0",
            HEADSET,
            "Connect",
            "org.bluez.Error.Failed",
            "br-connection-page-timeout",
        )
        .unwrap();
        let bus = SystemBus::from_env();
        let mut updates = Box::pin(bluetooth::watch(&bus));
        snapshot_where(&mut updates, "first snapshot", |_| true).await;

        let result = bluetooth::connect(&bus, &hci(0), &address(HEADSET)).await;
        assert_eq!(
            result,
            Err(BluetoothError::ConnectionFailed {
                reason: "br-connection-page-timeout".into()
            })
        );
        assert_eq!(calls(&mock, &device_path("hci0", HEADSET), "Connect"), 1);
        // The next change BlueZ announces shows the headset as it is: not connected.
        mock.set_device_property("hci0", HEADSET, "RSSI", "n", "-60")
            .unwrap();
        let now = snapshot_where(&mut updates, "the headset's next state", |s| {
            s.device(&hci(0), &address(HEADSET))
                .is_some_and(|d| d.rssi == Some(-60))
        })
        .await;
        let headset = now.device(&hci(0), &address(HEADSET)).unwrap();
        assert!(headset.paired && !headset.connected);
    });
}

/// bluetoothd (the mock) killed: the stream says it is not running and commands say so too;
/// started again (empty, then with an adapter): the stream shows the adapter again by itself,
/// with our agent registered with the new daemon and discovery running. The mock stands in
/// for the Bluetooth hardware this host lacks; the image e2e covers the real bluetoothd.
#[test]
fn bluetoothd_leaving_and_returning_is_followed_unaided() {
    bluetooth_test(|mock| async move {
        mock.add_adapter("hci0", "ferrum-host").unwrap();
        let bus = SystemBus::from_env();
        let mut updates = Box::pin(bluetooth::watch(&bus));
        snapshot_where(&mut updates, "first snapshot", |_| true).await;

        ask("kill").await;
        next_matching(&mut updates, "not running", |u| {
            *u == Update::Unavailable(BluetoothError::NotRunning)
        })
        .await
        .unwrap();
        assert_eq!(
            bluetooth::set_powered(&bus, &hci(0), false).await,
            Err(BluetoothError::NotRunning)
        );

        ask("start").await;
        mock.add_adapter("hci0", "ferrum-host").unwrap();
        snapshot_where(&mut updates, "the adapter again, discovering", |s| {
            s.adapter(&hci(0)).is_some_and(|a| a.discovering)
        })
        .await;
        assert_eq!(calls(&mock, "/org/bluez", "RegisterAgent"), 1);
        assert_eq!(calls(&mock, "/org/bluez", "RequestDefaultAgent"), 1);
        assert_eq!(calls(&mock, &adapter_path("hci0"), "StartDiscovery"), 1);
    });
}

/// bluetoothd hung (SIGSTOP): a command ends with `NoAnswer` within the method timeout, a new
/// stream says so instead of waiting, and once it resumes the stream shows it again by itself.
/// The mock stands in for the Bluetooth hardware this host lacks; the image e2e covers the real
/// bluetoothd.
#[test]
fn a_hung_bluetoothd_gives_no_answer_within_the_timeout() {
    bluetooth_test(|mock| async move {
        mock.add_adapter("hci0", "ferrum-host").unwrap();
        mock.add_device("hci0", PHONE, "Anna's phone").unwrap();
        let bus = SystemBus::from_env().with_method_timeout(SHORT_TIMEOUT);
        let mut updates = Box::pin(bluetooth::watch(&bus));
        snapshot_where(&mut updates, "first snapshot", |_| true).await;

        ask("stop").await;
        let started = Instant::now();
        assert_eq!(
            bluetooth::connect(&bus, &hci(0), &address(PHONE)).await,
            Err(BluetoothError::NoAnswer)
        );
        let waited = started.elapsed();
        assert!(
            waited >= SHORT_TIMEOUT && waited < SHORT_TIMEOUT + Duration::from_secs(2),
            "{waited:?}"
        );

        // The page closed and opened again while bluetoothd hangs.
        drop(updates);
        let mut fresh = Box::pin(bluetooth::watch(&bus));
        let started = Instant::now();
        let first = next_matching(&mut fresh, "the fresh stream's first word", |_| true)
            .await
            .unwrap();
        assert_eq!(first, Update::Unavailable(BluetoothError::NoAnswer));
        assert!(started.elapsed() < SHORT_TIMEOUT * 2 + Duration::from_secs(2));

        ask("cont").await;
        snapshot_where(&mut fresh, "the resumed daemon", |s| {
            s.adapter(&hci(0)).is_some()
        })
        .await;
    });
}

/// A `SystemBus` other than the process's is refused before any call (bluer can only use the
/// process's bus), so nothing reaches the mock. The mock stands in for the Bluetooth hardware
/// this host lacks; the image e2e covers the real bluetoothd.
#[tokio::test(flavor = "multi_thread")]
async fn a_bus_other_than_the_process_bus_is_refused() {
    let bed = TestBed::start(&[Service::BluezMock]).expect("test bed starts");
    let mock = bed.bluez();
    mock.add_adapter("hci0", "ferrum-host").unwrap();
    let bus = SystemBus::with_address(bed.system_bus_address());
    let updates: Vec<Update> = bluetooth::watch(&bus).collect().await;
    assert!(
        matches!(
            updates.as_slice(),
            [Update::Unavailable(BluetoothError::ForeignBus { asked, .. })]
                if asked == bed.system_bus_address()
        ),
        "{updates:?}"
    );
    assert!(matches!(
        bluetooth::set_powered(&bus, &hci(0), false).await,
        Err(BluetoothError::ForeignBus { .. })
    ));
    assert_eq!(calls(&mock, "/org/bluez", "RegisterAgent"), 0);
    assert_eq!(calls(&mock, &adapter_path("hci0"), "StartDiscovery"), 0);
}
