//! Smoke test of `ferrum-bt-peer` (the image e2e's remote Bluetooth device, in
//! `testbed/src/bin/ferrum-bt-peer.rs`) against python-dbusmock's `bluez5` template on the
//! bed's private system bus. This host has no Bluetooth controller (no `hci_vhci`), so the real
//! bluetoothd cannot run here; the image's end-to-end test runs the program against it.
//!
//! What the mock cannot show, so this test does not check it:
//! - nobody pairs: the template's `Pair` asks no agent and nothing pairs two of its adapters,
//!   so the test marks devices paired itself (`PairDevice`, `Properties.Set`) and calls the
//!   peer's agent as bluetoothd would (`BluezMock::ask_agent`);
//! - the template's `AgentManager1` only records agents: which agent is the default, and that
//!   an incoming pairing reaches it, is visible only in the recorded calls;
//! - its `Properties.Set` never refuses (real BlueZ refuses `Discoverable` on an adapter that
//!   is off) and its `RemoveDevice` removes at once (BlueZ first disconnects a connected
//!   device); it emits `PropertiesChanged` even when a value stays the same.
//!
//! Needs root and the packages of `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead as _, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use ferrum_testbed::bluez::{BluezMock, adapter_path, device_path};
use ferrum_testbed::{Service, TestBed};

/// How long one expected line may take (generous: the 2-core CI machine is shared).
const LINE_TIMEOUT: Duration = Duration::from_secs(60);
/// How long the peer may take to exit after SIGTERM.
const EXIT_TIMEOUT: Duration = Duration::from_secs(15);

const PEER_NAME: &str = "Ferrum Test Peer";
const AGENT_PATH: &str = "/org/ferrum/peer/agent";
/// The addresses the template gives adapters `hci0` and `hci1` (from the last digit).
const HOST_ADDRESS: &str = "00:01:02:03:04:05";
const PEER_ADDRESS: &str = "01:02:03:04:05:06";

/// The `ferrum-bt-peer` executable, built now.
///
/// `CARGO_BIN_EXE_<name>` only names binaries of the test's own package, and cargo does not
/// build a dependency's binaries for a test, so a path guessed in the target folder could be
/// missing or stale. Instead the test asks the cargo that compiled it (`env!("CARGO")`) to
/// build the binary — a no-op when it is up to date, in the same target folder
/// (`CARGO_TARGET_DIR` is inherited) — and takes the executable's path from cargo's JSON
/// messages. Cargo holds no build lock while tests run (under nextest or `cargo test`); the
/// first run in a workspace-wide test run builds the binary's own feature set once.
fn peer_binary() -> PathBuf {
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml");
    let output = Command::new(env!("CARGO"))
        .args([
            "build",
            "--manifest-path",
            manifest,
            "-p",
            "ferrum-testbed",
            "--bin",
            "ferrum-bt-peer",
            "--message-format=json-render-diagnostics",
        ])
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo build of ferrum-bt-peer failed"
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| {
            message["reason"] == "compiler-artifact"
                && message["target"]["name"] == "ferrum-bt-peer"
        })
        .find_map(|message| message["executable"].as_str().map(PathBuf::from))
        .expect("cargo names the ferrum-bt-peer executable")
}

/// The lines a stream of the peer printed, read by a thread; expected lines are taken out of
/// order-preserving `pending` so a line that comes before the one awaited is not lost.
struct Lines {
    what: &'static str,
    receiver: Receiver<String>,
    pending: Vec<String>,
    all: Vec<String>,
}

impl Lines {
    fn read(what: &'static str, stream: impl Read + Send + 'static) -> Self {
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines() {
                let Ok(line) = line else { break };
                eprintln!("ferrum-bt-peer {what}> {line}");
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        Self {
            what,
            receiver,
            pending: Vec::new(),
            all: Vec::new(),
        }
    }

    /// Takes the first line that satisfies `accept`, waiting for it if need be.
    fn take(&mut self, description: &str, accept: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + LINE_TIMEOUT;
        loop {
            if let Some(index) = self.pending.iter().position(|line| accept(line)) {
                return self.pending.remove(index);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.receiver.recv_timeout(left) {
                Ok(line) => {
                    self.all.push(line.clone());
                    self.pending.push(line);
                }
                Err(RecvTimeoutError::Timeout) => panic!(
                    "no {description} on the peer's {} within {LINE_TIMEOUT:?}; unread: {:?}",
                    self.what, self.pending
                ),
                Err(RecvTimeoutError::Disconnected) => panic!(
                    "the peer's {} ended before {description}; unread: {:?}",
                    self.what, self.pending
                ),
            }
        }
    }

    /// Waits for exactly `line`.
    fn expect(&mut self, line: &str) {
        self.take(&format!("{line:?}"), |got| got == line);
    }

    /// Waits for a line starting with `prefix`; returns it.
    fn expect_prefix(&mut self, prefix: &str) -> String {
        self.take(&format!("line starting with {prefix:?}"), |got| {
            got.starts_with(prefix)
        })
    }

    /// Reads the rest of the stream (the peer has exited) into `all`.
    fn finish(&mut self) {
        let deadline = Instant::now() + LINE_TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.receiver.recv_timeout(left) {
                Ok(line) => {
                    self.all.push(line.clone());
                    self.pending.push(line);
                }
                Err(RecvTimeoutError::Disconnected) => return,
                Err(RecvTimeoutError::Timeout) => {
                    panic!("the peer's {} stayed open after it exited", self.what)
                }
            }
        }
    }

    /// Whether a line not taken yet satisfies `accept` (only lines received so far).
    fn pending_any(&self, accept: impl Fn(&str) -> bool) -> bool {
        self.pending.iter().any(|line| accept(line))
    }
}

/// The running peer; killed (by its PID) if the test fails before it exits.
struct PeerProcess {
    child: Child,
    stdout: Lines,
    stderr: Lines,
}

impl PeerProcess {
    fn spawn(bus_address: &str) -> Self {
        let mut child = Command::new(peer_binary())
            .env("DBUS_SYSTEM_BUS_ADDRESS", bus_address)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("ferrum-bt-peer starts");
        let stdout = Lines::read("stdout", child.stdout.take().unwrap());
        let stderr = Lines::read("stderr", child.stderr.take().unwrap());
        Self {
            child,
            stdout,
            stderr,
        }
    }

    /// Protocol line `ferrum-bt-peer: <rest>`.
    fn expect(&mut self, rest: &str) {
        self.stdout.expect(&format!("ferrum-bt-peer: {rest}"));
    }

    fn expect_prefix(&mut self, rest: &str) -> String {
        self.stdout
            .expect_prefix(&format!("ferrum-bt-peer: {rest}"))
    }

    /// SIGTERM, then waits for the exit.
    fn terminate(&mut self) -> std::process::ExitStatus {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "kill -TERM failed");
        let deadline = Instant::now() + EXIT_TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the peer did not exit within {EXIT_TIMEOUT:?} of SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for PeerProcess {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn busctl(bed: &TestBed, args: &[&str]) -> String {
    let output = bed.busctl().args(args).output().unwrap();
    assert!(
        output.status.success(),
        "busctl {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

fn adapter_property(bed: &TestBed, adapter: &str, name: &str) -> String {
    bed.get_property(
        "org.bluez",
        &adapter_path(adapter),
        "org.bluez.Adapter1",
        name,
    )
    .unwrap()
}

/// Removes a device as the settings app's Forget does: `Adapter1.RemoveDevice` (the template
/// emits `InterfacesRemoved`).
fn remove_device(bed: &TestBed, adapter: &str, address: &str) {
    busctl(
        bed,
        &[
            "call",
            "org.bluez",
            &adapter_path(adapter),
            "org.bluez.Adapter1",
            "RemoveDevice",
            "o",
            &device_path(adapter, address),
        ],
    );
}

fn device_exists(bed: &TestBed, adapter: &str, address: &str) -> bool {
    bed.get_property(
        "org.bluez",
        &device_path(adapter, address),
        "org.bluez.Device1",
        "Address",
    )
    .is_ok()
}

/// The object paths the template's adapter received `RemoveDevice` for.
fn removed_devices(mock: &BluezMock, adapter: &str) -> Vec<String> {
    mock.method_calls(&adapter_path(adapter), "RemoveDevice")
        .unwrap()
        .iter()
        .filter_map(|call| call.first_str().map(str::to_owned))
        .collect()
}

/// Calls the peer's agent as bluetoothd would; returns what `busctl` printed (the answer).
fn ask_agent(mock: &BluezMock, peer: &PeerProcess, method: &str, args: &[&str]) -> String {
    let agent = mock
        .agent_of(peer.child.id())
        .unwrap()
        .expect("the peer serves its registered agent");
    assert_eq!(agent.path, AGENT_PATH);
    let output = mock
        .ask_agent(&agent, method, args)
        .unwrap()
        .wait_with_output()
        .unwrap();
    assert!(
        output.status.success(),
        "the agent refused {method}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

#[test]
fn peer_sets_up_answers_the_agent_and_follows_the_bond() {
    let bed = TestBed::start(&[Service::BluezMock]).expect("test bed starts");
    let mock = bed.bluez();
    mock.add_adapter("hci0", "ferrum-desk").unwrap();
    let mut peer = PeerProcess::spawn(bed.system_bus_address());

    // The peer waits for both adapters: hci1 comes once it is waiting.
    peer.stderr
        .expect_prefix("ferrum-bt-peer: waiting for bluetoothd");
    mock.add_adapter("hci1", "ferrum-peer-system").unwrap();
    peer.expect(&format!("ready peer={PEER_ADDRESS} host={HOST_ADDRESS}"));

    // Step 2: the peer adapter is visible for good under its name.
    for (name, value) in [
        ("Alias", PEER_NAME),
        ("Powered", "true"),
        ("Pairable", "true"),
        ("PairableTimeout", "0"),
        ("DiscoverableTimeout", "0"),
        ("Discoverable", "true"),
    ] {
        assert_eq!(adapter_property(&bed, "hci1", name), value, "hci1 {name}");
    }
    // The computer's adapter is named after the host, as BlueZ names its default adapter.
    let hostname = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    assert_eq!(adapter_property(&bed, "hci0", "Alias"), hostname.trim());
    assert_eq!(adapter_property(&bed, "hci0", "Discoverable"), "false");

    // Step 4: registered as DisplayYesNo and made the default.
    let registered = mock.method_calls("/org/bluez", "RegisterAgent").unwrap();
    assert_eq!(registered.len(), 1);
    assert_eq!(registered[0].first_str(), Some(AGENT_PATH));
    assert_eq!(registered[0].args[1]["data"], "DisplayYesNo");
    let defaults = |mock: &BluezMock| {
        mock.method_calls("/org/bluez", "RequestDefaultAgent")
            .unwrap()
            .iter()
            .map(|call| call.first_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(defaults(&mock), [AGENT_PATH]);

    // Step 5: the host scanning (the settings page opened) takes the default back.
    mock.set_adapter_property("hci0", "Discovering", "b", "true")
        .unwrap();
    peer.expect("default-agent");
    assert_eq!(defaults(&mock), [AGENT_PATH, AGENT_PATH]);

    // Step 3: the agent answers what bluetoothd asks about the host's device on hci1.
    mock.add_device("hci1", HOST_ADDRESS, "ferrum-desk")
        .unwrap();
    let host_on_peer = device_path("hci1", HOST_ADDRESS);
    ask_agent(
        &mock,
        &peer,
        "RequestConfirmation",
        &["ou", &host_on_peer, "1234"],
    );
    peer.expect(&format!("confirm passkey=001234 device={HOST_ADDRESS}"));
    ask_agent(&mock, &peer, "RequestAuthorization", &["o", &host_on_peer]);
    peer.expect(&format!("authorize device={HOST_ADDRESS}"));
    let uuid = "0000110e-0000-1000-8000-00805f9b34fb";
    ask_agent(
        &mock,
        &peer,
        "AuthorizeService",
        &["os", &host_on_peer, uuid],
    );
    peer.expect(&format!(
        "authorize-service uuid={uuid} device={HOST_ADDRESS}"
    ));
    ask_agent(
        &mock,
        &peer,
        "DisplayPasskey",
        &["ouq", &host_on_peer, "42", "3"],
    );
    peer.expect(&format!(
        "display-passkey passkey=000042 entered=3 device={HOST_ADDRESS}"
    ));
    ask_agent(
        &mock,
        &peer,
        "DisplayPinCode",
        &["os", &host_on_peer, "123456"],
    );
    peer.expect(&format!(
        "display-pincode pincode=123456 device={HOST_ADDRESS}"
    ));
    let pin = ask_agent(&mock, &peer, "RequestPinCode", &["o", &host_on_peer]);
    assert_eq!(pin, "s \"0000\"");
    peer.expect(&format!(
        "request-pincode device={HOST_ADDRESS} answer=0000"
    ));
    let passkey = ask_agent(&mock, &peer, "RequestPasskey", &["o", &host_on_peer]);
    assert_eq!(passkey, "u 0");
    peer.expect(&format!(
        "request-passkey device={HOST_ADDRESS} answer=000000"
    ));
    ask_agent(&mock, &peer, "Cancel", &[]);
    peer.expect("agent-cancel");

    // Step 6: the bond on the peer's side, announced once.
    mock.pair_device("hci1", HOST_ADDRESS).unwrap();
    peer.expect(&format!("paired device={HOST_ADDRESS}"));
    mock.set_device_property("hci1", HOST_ADDRESS, "Paired", "b", "true")
        .unwrap();
    mock.connect_device("hci1", HOST_ADDRESS).unwrap();
    peer.expect(&format!("connected device={HOST_ADDRESS} adapter=hci1"));
    // The peer handles bluez's signals in order: a second `paired` would be here by now.
    assert!(
        !peer
            .stdout
            .pending_any(|line| line.contains("ferrum-bt-peer: paired")),
        "the same bond was announced twice"
    );

    // The host's side of the bond; the host forgets the peer (its device object goes).
    mock.add_device("hci0", PEER_ADDRESS, PEER_NAME).unwrap();
    mock.pair_device("hci0", PEER_ADDRESS).unwrap();
    mock.connect_device("hci0", PEER_ADDRESS).unwrap();
    peer.expect(&format!("connected device={PEER_ADDRESS} adapter=hci0"));
    remove_device(&bed, "hci0", PEER_ADDRESS);
    peer.expect(&format!("host-forgot device={PEER_ADDRESS}"));
    peer.expect(&format!("peer-forgot device={HOST_ADDRESS}"));
    assert_eq!(removed_devices(&mock, "hci1"), [host_on_peer.as_str()]);
    assert!(!device_exists(&bed, "hci1", HOST_ADDRESS));

    // A second bond is announced again; this time the host's `Paired` becomes false.
    mock.add_device("hci1", HOST_ADDRESS, "ferrum-desk")
        .unwrap();
    mock.pair_device("hci1", HOST_ADDRESS).unwrap();
    peer.expect(&format!("paired device={HOST_ADDRESS}"));
    mock.add_device("hci0", PEER_ADDRESS, PEER_NAME).unwrap();
    mock.pair_device("hci0", PEER_ADDRESS).unwrap();
    mock.set_device_property("hci0", PEER_ADDRESS, "Paired", "b", "false")
        .unwrap();
    peer.expect(&format!("host-forgot device={PEER_ADDRESS}"));
    peer.expect(&format!("peer-forgot device={HOST_ADDRESS}"));
    assert_eq!(
        removed_devices(&mock, "hci1"),
        [host_on_peer.as_str(), host_on_peer.as_str()]
    );
    assert!(!device_exists(&bed, "hci1", HOST_ADDRESS));

    // The host forgets a bond the peer has no device for: the failure is reported.
    mock.pair_device("hci0", PEER_ADDRESS).unwrap();
    remove_device(&bed, "hci0", PEER_ADDRESS);
    peer.expect(&format!("host-forgot device={PEER_ADDRESS}"));
    let failed = peer.expect_prefix("peer-forget-failed error=");
    assert!(failed.len() > "ferrum-bt-peer: peer-forget-failed error=".len());

    // Step 7: SIGTERM unregisters the agent and exits 0.
    let status = peer.terminate();
    peer.expect("stopping signal=SIGTERM");
    assert!(status.success(), "the peer exited with {status}");
    peer.stdout.finish();
    let unregistered = mock.method_calls("/org/bluez", "UnregisterAgent").unwrap();
    assert_eq!(unregistered.len(), 1);
    assert_eq!(unregistered[0].first_str(), Some(AGENT_PATH));
    assert!(
        !peer
            .stdout
            .all
            .iter()
            .any(|line| line.starts_with("ferrum-bt-peer: error")),
        "the peer reported errors: {:?}",
        peer.stdout.all
    );
}
