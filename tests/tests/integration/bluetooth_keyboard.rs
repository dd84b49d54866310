//! The image e2e's Bluetooth key script (`image/e2e/bluetooth.keys`), run against the real
//! settings app on the host: the same keys the e2e sends to the VM over QMP, driven into the
//! window headlessly (`driver::Driver`), with the focus checked at every `focus` line, and
//! each `sync` point brought about on python-dbusmock's `bluez5` template, set up as the VM
//! is: `hci0` ("ferrum", 00:AA:01:00:00:00) is the computer, `hci1` ("Ferrum Test Peer",
//! 00:AA:01:01:00:01) the emulated peer, seen nearby by `hci0`.
//!
//! The app starts as in the VM: no arguments (the default page, Power), nothing focused, a
//! 1280×800 window. The Bluetooth page's live subscription is fed the stream the app
//! subscribes to (`bluetooth::watch_stream`) from `sync page-open` on, as the app starts it
//! when the page is shown. The mock stands in for bluetoothd, which this host cannot run
//! (no Bluetooth controller); what the VM's bluetoothd does by itself, the test does at the
//! script's `sync` points:
//!
//! - `page-open`: the Bluetooth page is shown; its stream starts and shows both adapters.
//! - `peer-found`: the peer is nearby on `hci0` (added before the app started).
//! - `pairing-asked`: the page called `Pair`; the test plays bluetoothd asking the page's
//!   agent to confirm passkey 000000 (`RequestConfirmation`, as the emulator always uses
//!   passkey 0) and the dialog opens.
//! - `paired`: the agent answered yes; the test marks the device paired (the mock's `Pair`
//!   pairs nothing by itself here: in the VM the bond comes after the answer) and the page
//!   shows it under "My devices", trusted, without an error (its `Connect` finds nothing to
//!   connect to, as the peer's does: BlueZ's `ProfileUnavailable`).
//! - `forgotten`: the page called `RemoveDevice`; the peer, still discoverable, is seen nearby
//!   again, as in the VM.
//!
//! bluer's libdbus reads `DBUS_SYSTEM_BUS_ADDRESS` once per process, so the test starts the
//! bed, then runs again in a child process whose variable names the bed's bus
//! (`ferrum_testbed::child`). Needs root and the packages of `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Child;
use std::time::{Duration, Instant};

use ferrum_integration_tests::driver::Driver;
use ferrum_integration_tests::script;
use ferrum_integration_tests::{LIVENESS_DEADLINE, wait_for};
use ferrum_panels::PanelId;
use ferrum_panels::bluetooth;
use ferrum_panels::registry::Message as PageMessage;
use ferrum_services::SystemBus;
use ferrum_services::bluetooth::{AdapterId, DeviceAddress};
use ferrum_settings::cli::Options;
use ferrum_settings::{App, Message};
use ferrum_testbed::bluez::{BluezMock, adapter_path, device_path};
use ferrum_testbed::keyscript::{self, Step};
use ferrum_testbed::{Service, TestBed, child};
use ferrum_ui::window;
use futures::StreamExt;
use futures::stream::BoxStream;
use iced::Size;

/// The script, shared with the image e2e.
const SCRIPT: &str = include_str!("../../../image/e2e/bluetooth.keys");
/// The VM's screen.
const WINDOW: Size = Size::new(1280.0, 800.0);
/// How long the child may take in all.
const CHILD_TIMEOUT: Duration = Duration::from_secs(240);

/// The computer's adapter, its address and the name it is visible as (the hostname).
const HOST: (&str, &str, &str) = ("hci0", "00:AA:01:00:00:00", "ferrum");
/// The emulated peer's adapter, its address and its name.
const PEER: (&str, &str, &str) = ("hci1", "00:AA:01:01:00:01", "Ferrum Test Peer");

/// The peer's `Pair` pairs nothing by itself: the bond is made at `sync paired` (in the VM
/// it comes once the agent has answered).
const PAIR: &str = "pass";
/// The peer's `Connect`: it offers no profile this computer connects to.
const CONNECT: &str = "raise dbus.exceptions.DBusException('Exhausted the list of BR/EDR \
                       profiles to connect to', name='org.bluez.Error.BREDR.ProfileUnavailable')";

#[test]
fn the_bluetooth_key_script_pairs_and_forgets_the_peer() {
    if child::is_child() {
        let address = std::env::var("DBUS_SYSTEM_BUS_ADDRESS").unwrap();
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(run_script(BluezMock::at(&address)));
        return;
    }
    let name = child::current_test().expect("a test thread");
    let bed = TestBed::start(&[Service::BluezMock]).expect("test bed starts");
    let address = bed.system_bus_address().to_owned();
    let result = child::run_in_child(
        &name,
        &[("DBUS_SYSTEM_BUS_ADDRESS", &address)],
        CHILD_TIMEOUT,
        |ask| Err(format!("unknown request {ask:?}")),
    );
    match result {
        Ok(output) => eprintln!("{output}"),
        Err(failure) => panic!("{failure}"),
    }
    drop(bed);
}

fn hci(adapter: &str) -> AdapterId {
    AdapterId::new(adapter.to_owned())
}

fn peer_address() -> DeviceAddress {
    PEER.1.parse().unwrap()
}

fn peer_path() -> String {
    device_path(HOST.0, PEER.1)
}

/// The world of the VM: two adapters, the peer nearby on the computer's (and the computer
/// nearby on the peer's, where the page does not look).
fn furnish(mock: &BluezMock) {
    for (adapter, address, name) in [HOST, PEER] {
        mock.add_adapter(adapter, name).unwrap();
        mock.set_adapter_property(adapter, "Address", "s", address)
            .unwrap();
    }
    add_peer(mock);
    mock.add_device(PEER.0, HOST.1, HOST.2).unwrap();
}

/// The peer as `hci0` sees it: nearby, unpaired, a `Pair` that waits for `sync paired` and
/// a `Connect` with nothing to connect to.
fn add_peer(mock: &BluezMock) {
    mock.add_device(HOST.0, PEER.1, PEER.2).unwrap();
    let path = peer_path();
    mock.add_method(&path, "org.bluez.Device1", "Pair", PAIR)
        .unwrap();
    mock.add_method(&path, "org.bluez.Device1", "Connect", CONNECT)
        .unwrap();
}

/// Where the script's run is: the app, the page's stream once it is shown, the agent's
/// pending question.
struct Run {
    driver: Driver,
    bus: SystemBus,
    mock: BluezMock,
    updates: Option<BoxStream<'static, bluetooth::Message>>,
    asked: Option<Child>,
}

async fn run_script(mock: BluezMock) {
    furnish(&mock);
    let steps = keyscript::parse_numbered(SCRIPT).unwrap_or_else(|error| panic!("{error}"));

    let bus = SystemBus::from_env();
    let scratch = tempfile::tempdir().unwrap();
    // As started in the VM (no arguments); the preferences file is the test's own.
    let options = Options {
        preferences: Some(scratch.path().join("accessibility.toml")),
        ..Options::default()
    };
    let (app, task) = App::new(&options, bus.clone());
    let mut run = Run {
        driver: Driver::new(app, WINDOW),
        bus,
        mock,
        updates: None,
        asked: None,
    };
    run.driver.start(task).await;
    // A frame, and the accessible tree read as after any update.
    run.driver
        .dispatch(Message::Window(window::Message::Nudge))
        .await;
    assert_eq!(run.driver.app.active(), PanelId::Power, "the default page");
    assert!(!run.driver.app.accessible_tree().nodes.is_empty());
    assert_eq!(
        script::focused(&run.driver),
        None,
        "nothing focused at start"
    );

    for (line, step) in &steps {
        match step {
            Step::Press(_) | Step::Type(_) => {
                for chord in step.chords() {
                    run.driver.deliver(script::chord_events(&chord)).await;
                }
            }
            Step::Focus { role, name } => {
                let now = script::focused(&run.driver);
                let expected = Some((role.clone(), name.clone()));
                assert_eq!(
                    now,
                    expected,
                    "line {line}: `{step}`; the focusable controls:\n{}",
                    script::focusables(&run.driver)
                );
            }
            Step::Sync(name) => sync(&mut run, name).await,
        }
        let step = step.to_string();
        eprintln!(
            "line {line}: {step:<40} focus {:?}",
            script::focused(&run.driver)
        );
    }
    assert!(run.asked.is_none(), "the agent's question was answered");
}

/// Does at a `sync` point what the VM's bluetoothd and peer do by themselves.
async fn sync(run: &mut Run, name: &str) {
    let (host, peer) = (hci(HOST.0), peer_address());
    match name {
        "page-open" => {
            assert_eq!(run.driver.app.active(), PanelId::Bluetooth);
            // The app subscribes to the page's stream while the page is shown.
            run.updates = Some(Box::pin(bluetooth::watch_stream(&run.bus)));
            pump_until(run, "both adapters, hci0 discovering", |page| {
                page.snapshot().is_some_and(|s| {
                    s.adapters.len() == 2 && s.adapter(&host).is_some_and(|a| a.discovering)
                })
            })
            .await;
            let page = &run.driver.app.pages.bluetooth;
            assert_eq!(
                page.current_adapter().map(|a| a.id.clone()),
                Some(host.clone()),
                "the page shows hci0 first"
            );
        }
        "peer-found" => {
            pump_until(run, "the peer nearby on hci0", |page| {
                page.snapshot().is_some_and(|s| {
                    s.nearby()
                        .iter()
                        .any(|d| d.adapter == host && d.address == peer)
                })
            })
            .await;
        }
        "pairing-asked" => {
            // bluetoothd asks the agent because the page asked it to pair.
            wait_for("the page's Pair", || {
                run.mock.method_calls(&peer_path(), "Pair").unwrap().len() == 1
            })
            .await;
            let agent = run
                .mock
                .agent_of(std::process::id())
                .unwrap()
                .expect("the page's agent is registered");
            let asked = run
                .mock
                .ask_agent(&agent, "RequestConfirmation", &["ou", &peer_path(), "0"])
                .unwrap();
            run.asked = Some(asked);
            pump_until(run, "the pairing dialog", |page| page.pairing.is_some()).await;
            let question = run.driver.app.pages.bluetooth.pairing.as_ref().unwrap();
            assert!(
                question.question().contains("000000"),
                "{}",
                question.question()
            );
        }
        "paired" => {
            let asked = run.asked.take().expect("a question was asked");
            let (accepted, said) = agent_answer(asked).await;
            assert!(
                accepted,
                "the agent should confirm, bluetoothd heard: {said}"
            );
            assert!(run.driver.app.pages.bluetooth.pairing.is_none());
            // The bond, which in the VM follows the answer.
            run.mock.pair_device(HOST.0, PEER.1).unwrap();
            pump_until(run, "the peer paired and trusted", |page| {
                page.snapshot().is_some_and(|s| {
                    s.paired()
                        .iter()
                        .any(|d| d.adapter == host && d.address == peer && d.trusted)
                })
            })
            .await;
            let page = &run.driver.app.pages.bluetooth;
            assert!(page.pending.is_empty(), "{:?}", page.pending);
            assert!(page.error.is_none(), "{:?}", page.error);
            let device = page.device(&peer).unwrap();
            assert!(!device.connected, "nothing to connect to");
            assert_eq!(
                run.mock
                    .method_calls(&peer_path(), "Connect")
                    .unwrap()
                    .len(),
                1
            );
        }
        "forgotten" => {
            let adapter = adapter_path(HOST.0);
            wait_for("RemoveDevice of the peer", || {
                run.mock
                    .method_calls(&adapter, "RemoveDevice")
                    .unwrap()
                    .iter()
                    .any(|call| call.first_str() == Some(peer_path().as_str()))
            })
            .await;
            pump_until(run, "the peer gone", |page| {
                page.snapshot()
                    .is_some_and(|s| s.device(&host, &peer).is_none())
            })
            .await;
            // Still discoverable, the peer is seen again, nearby.
            add_peer(&run.mock);
            pump_until(run, "the peer nearby again", |page| {
                page.snapshot().is_some_and(|s| {
                    s.nearby()
                        .iter()
                        .any(|d| d.adapter == host && d.address == peer)
                })
            })
            .await;
            let page = &run.driver.app.pages.bluetooth;
            assert!(page.pending.is_empty(), "{:?}", page.pending);
            assert!(page.error.is_none(), "{:?}", page.error);
        }
        "radio-off" => {
            // The mock adapter has no rfkill switch on this host: only Powered goes off.
            pump_until(run, "hci0 off", |page| {
                page.snapshot()
                    .and_then(|s| s.adapter(&host))
                    .is_some_and(|adapter| !adapter.powered)
            })
            .await;
            let page = &run.driver.app.pages.bluetooth;
            assert!(page.error.is_none(), "{:?}", page.error);
        }
        other => panic!("no sync point {other:?} on the host"),
    }
}

/// Feeds the page's stream into the app until the page satisfies `done`.
async fn pump_until(run: &mut Run, what: &str, done: impl Fn(&bluetooth::State) -> bool) {
    let updates = run
        .updates
        .as_mut()
        .expect("the page's stream runs (after sync page-open)");
    let deadline = tokio::time::Instant::now() + LIVENESS_DEADLINE;
    while !done(&run.driver.app.pages.bluetooth) {
        let next = tokio::time::timeout_at(deadline, updates.next()).await;
        match next {
            Ok(Some(message)) => {
                run.driver
                    .dispatch(Message::Page(PageMessage::Bluetooth(message)))
                    .await;
            }
            Ok(None) => panic!("the page's stream ended while waiting for {what}"),
            Err(_) => panic!("no {what} within {LIVENESS_DEADLINE:?}"),
        }
    }
    run.driver.redraw().await;
}

/// What bluetoothd (the `busctl` of `ask_agent`) heard: whether the agent said yes, and
/// what `busctl` printed.
async fn agent_answer(mut call: Child) -> (bool, String) {
    let deadline = Instant::now() + LIVENESS_DEADLINE;
    while call.try_wait().unwrap().is_none() {
        if Instant::now() >= deadline {
            // By PID: the busctl is this test's own child.
            let _ = call.kill();
            let _ = call.wait();
            panic!("the agent did not answer within {LIVENESS_DEADLINE:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let output = call.wait_with_output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), said)
}
