//! `ferrum-bt-peer [--peer hci1] [--host hci0]`
//!
//! The remote Bluetooth device of the image's end-to-end test. **Test-only**: it is never part
//! of the product image; the image e2e puts it on a test-tools disk and runs it as root inside
//! the booted QEMU image, where BlueZ's `btvirt -l2` made two virtual controllers and
//! bluetoothd serves them on the system bus. The settings app uses the host adapter (`hci0`);
//! this program makes the peer adapter (`hci1`) a visible, pairable device called
//! [`PEER_NAME`] and answers its pairing questions, so the app can pair with it and forget it.
//!
//! What it does, through BlueZ's D-Bus API (`doc/org.bluez.Adapter.rst`, `AgentManager.rst`,
//! `Agent.rst`, `Device.rst`):
//! 1. waits (up to 60 s) until `org.bluez` exports both adapters with `org.bluez.Adapter1`
//!    (the first call D-Bus-activates bluetoothd);
//! 2. sets the peer adapter's `Alias`, `Powered`, `Pairable`, `PairableTimeout` = 0,
//!    `DiscoverableTimeout` = 0 and `Discoverable` (in that order: BlueZ refuses
//!    `Discoverable` on an adapter that is off), gives the host adapter the host name as its
//!    `Alias` (the name BlueZ gives only its default adapter) and reads both adapters'
//!    `Address`;
//! 3. serves a pairing agent (`org.bluez.Agent1`, capability `DisplayYesNo`) at [`AGENT_PATH`]
//!    that accepts everything (it never answers with an error);
//! 4. registers it and makes it the default agent: bluetoothd asks the *default* agent about
//!    an incoming pairing (`new_auth` in `src/device.c`), while an outgoing `Pair()` asks the
//!    caller's own agent. The settings app makes its agent the default when its Bluetooth
//!    page opens, so whenever the host adapter's `Discovering` becomes true (the page scans)
//!    this program takes the default back;
//! 5. watches both sides of the bond and, when the host forgets the peer (its device object
//!    goes, or `Paired` becomes false), forgets the host on the peer adapter too, so the next
//!    pairing starts from scratch;
//! 6. runs until SIGTERM or SIGINT, then unregisters the agent and exits 0. A failure of steps
//!    1–4 exits 1; later failures are reported and it goes on.
//!
//! # Console protocol
//! One line per event on stdout, flushed at once (the e2e parses them); addresses are
//! `XX:XX:XX:XX:XX:XX`, passkeys six zero-padded digits:
//! ```text
//! ferrum-bt-peer: ready peer=<peer address> host=<host address>
//! ferrum-bt-peer: default-agent
//! ferrum-bt-peer: confirm passkey=<passkey> device=<address>
//! ferrum-bt-peer: authorize device=<address>
//! ferrum-bt-peer: authorize-service uuid=<uuid> device=<address>
//! ferrum-bt-peer: display-passkey passkey=<passkey> entered=<n> device=<address>
//! ferrum-bt-peer: display-pincode pincode=<pin> device=<address>
//! ferrum-bt-peer: request-pincode device=<address> answer=0000
//! ferrum-bt-peer: request-passkey device=<address> answer=000000
//! ferrum-bt-peer: agent-cancel
//! ferrum-bt-peer: agent-release
//! ferrum-bt-peer: paired device=<host address>
//! ferrum-bt-peer: connected device=<address> adapter=<hciN>
//! ferrum-bt-peer: disconnected device=<address> adapter=<hciN>
//! ferrum-bt-peer: host-forgot device=<peer address>
//! ferrum-bt-peer: peer-forgot device=<host address>
//! ferrum-bt-peer: peer-forget-failed error=<D-Bus error>
//! ferrum-bt-peer: host-powered=<true|false>
//! ferrum-bt-peer: error step=<step> detail=<what went wrong>
//! ferrum-bt-peer: stopping signal=<SIGTERM|SIGINT>
//! ```
//! The agent's `device=` is the address of the device the question is about: the host's
//! address when the question comes from the peer adapter (the expected case). `paired` is
//! printed once per bond: when the peer adapter's device for the host becomes paired after
//! start-up (a bond that already existed at start-up is not announced). `connected` and
//! `disconnected` concern any device of either adapter and are there for reading logs.
//! Progress and retries during start-up go to stderr.

use std::collections::HashMap;
use std::fmt::Display;
use std::io::{self, Write as _};
use std::process::ExitCode;
use std::time::Duration;

use futures::StreamExt as _;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep, timeout};
use zbus::message::Type as MessageType;
use zbus::zvariant::{ObjectPath, OwnedObjectPath, OwnedValue, Value};
use zbus::{Connection, MatchRule, Message, MessageStream};

/// The adapter that plays the remote device.
const PEER_ADAPTER: &str = "hci1";
/// The adapter the settings app uses.
const HOST_ADAPTER: &str = "hci0";
/// The name the peer is visible as.
const PEER_NAME: &str = "Ferrum Test Peer";
/// The agent's object path.
const AGENT_PATH: &str = "/org/ferrum/peer/agent";
/// The agent's input/output capability: it shows a passkey and answers yes or no, so two
/// `DisplayYesNo` sides pair by numeric comparison (`RequestConfirmation` on both).
const AGENT_CAPABILITY: &str = "DisplayYesNo";
/// What `RequestPinCode` answers (legacy pairing).
const PIN_CODE: &str = "0000";
/// What `RequestPasskey` answers.
const PASSKEY: u32 = 0;

const BLUEZ: &str = "org.bluez";
const ADAPTER: &str = "org.bluez.Adapter1";
const DEVICE: &str = "org.bluez.Device1";
const AGENT_MANAGER: &str = "org.bluez.AgentManager1";
const AGENT_MANAGER_PATH: &str = "/org/bluez";
const OBJECT_MANAGER: &str = "org.freedesktop.DBus.ObjectManager";
const PROPERTIES: &str = "org.freedesktop.DBus.Properties";

/// How long bluetoothd may take to export both adapters.
const ADAPTERS_TIMEOUT: Duration = Duration::from_secs(60);
/// How often to look for them.
const POLL: Duration = Duration::from_millis(250);
/// How long one call may take (a D-Bus activation of bluetoothd included).
const CALL_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a start-up property change is retried (bluetoothd answers `Busy` while the
/// controller is still being powered).
const SETUP_RETRY: Duration = Duration::from_secs(10);
/// How long the agent's unregistration may take at exit.
const EXIT_TIMEOUT: Duration = Duration::from_secs(5);

const USAGE: &str = "usage: ferrum-bt-peer [--peer hci1] [--host hci0]";

/// Prints one protocol line on stdout and flushes it.
fn say(line: impl Display) {
    let mut out = io::stdout().lock();
    // Nothing to do when stdout is gone: the e2e stopped reading.
    let _ = writeln!(out, "ferrum-bt-peer: {line}");
    let _ = out.flush();
}

/// `text` on one line (an error's detail can span several).
fn one_line(text: impl Display) -> String {
    text.to_string()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A step that failed: what it was and why.
#[derive(Debug)]
struct Failure {
    step: String,
    detail: String,
}

impl Failure {
    fn new(step: impl Display, detail: impl Display) -> Self {
        Self {
            step: step.to_string(),
            detail: one_line(detail),
        }
    }

    fn report(&self) {
        say(format_args!(
            "error step={} detail={}",
            self.step, self.detail
        ));
    }
}

/// The command line: which adapter plays the peer and which one is the host's.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Options {
    peer: String,
    host: String,
}

fn parse_args(args: &[String]) -> Option<Options> {
    let mut options = Options {
        peer: PEER_ADAPTER.to_owned(),
        host: HOST_ADAPTER.to_owned(),
    };
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let value = args.next()?;
        if value.is_empty() || !value.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        match flag.as_str() {
            "--peer" => options.peer.clone_from(value),
            "--host" => options.host.clone_from(value),
            _ => return None,
        }
    }
    (options.peer != options.host).then_some(options)
}

/// The address in a BlueZ device path (`/org/bluez/hci1/dev_00_AA_01_02_03_04` →
/// `00:AA:01:02:03:04`), if it is one.
fn address_from_path(path: &str) -> Option<String> {
    let (_, last) = path.rsplit_once('/')?;
    let hex = last.strip_prefix("dev_")?;
    let groups: Vec<&str> = hex.split('_').collect();
    let valid = groups.len() == 6
        && groups
            .iter()
            .all(|group| group.len() == 2 && group.chars().all(|c| c.is_ascii_hexdigit()));
    valid.then(|| groups.join(":").to_uppercase())
}

/// A passkey as BlueZ says to show it: six digits, zero-padded.
fn passkey_text(passkey: u32) -> String {
    format!("{passkey:06}")
}

/// The address of the device at `path` (from the path; else its `Address` property; else the
/// path itself, so a line is never lost).
async fn device_address(connection: &Connection, path: &ObjectPath<'_>) -> String {
    if let Some(address) = address_from_path(path.as_str()) {
        return address;
    }
    match get_property(connection, path.as_str(), DEVICE, "Address").await {
        Ok(value) => value
            .downcast_ref::<&str>()
            .map_or_else(|_| path.to_string(), str::to_owned),
        Err(_) => path.to_string(),
    }
}

/// The pairing agent: says what it was asked and accepts.
#[derive(Debug)]
struct Agent;

#[zbus::interface(name = "org.bluez.Agent1")]
impl Agent {
    async fn release(&self) {
        say("agent-release");
    }

    async fn request_pin_code(
        &self,
        #[zbus(connection)] connection: &Connection,
        device: ObjectPath<'_>,
    ) -> String {
        let address = device_address(connection, &device).await;
        say(format_args!(
            "request-pincode device={address} answer={PIN_CODE}"
        ));
        PIN_CODE.to_owned()
    }

    async fn display_pin_code(
        &self,
        #[zbus(connection)] connection: &Connection,
        device: ObjectPath<'_>,
        pincode: String,
    ) {
        let address = device_address(connection, &device).await;
        say(format_args!(
            "display-pincode pincode={} device={address}",
            one_line(pincode)
        ));
    }

    async fn request_passkey(
        &self,
        #[zbus(connection)] connection: &Connection,
        device: ObjectPath<'_>,
    ) -> u32 {
        let address = device_address(connection, &device).await;
        say(format_args!(
            "request-passkey device={address} answer={}",
            passkey_text(PASSKEY)
        ));
        PASSKEY
    }

    async fn display_passkey(
        &self,
        #[zbus(connection)] connection: &Connection,
        device: ObjectPath<'_>,
        passkey: u32,
        entered: u16,
    ) {
        let address = device_address(connection, &device).await;
        say(format_args!(
            "display-passkey passkey={} entered={entered} device={address}",
            passkey_text(passkey)
        ));
    }

    async fn request_confirmation(
        &self,
        #[zbus(connection)] connection: &Connection,
        device: ObjectPath<'_>,
        passkey: u32,
    ) {
        let address = device_address(connection, &device).await;
        say(format_args!(
            "confirm passkey={} device={address}",
            passkey_text(passkey)
        ));
    }

    async fn request_authorization(
        &self,
        #[zbus(connection)] connection: &Connection,
        device: ObjectPath<'_>,
    ) {
        let address = device_address(connection, &device).await;
        say(format_args!("authorize device={address}"));
    }

    async fn authorize_service(
        &self,
        #[zbus(connection)] connection: &Connection,
        device: ObjectPath<'_>,
        uuid: String,
    ) {
        let address = device_address(connection, &device).await;
        say(format_args!(
            "authorize-service uuid={} device={address}",
            one_line(uuid)
        ));
    }

    async fn cancel(&self) {
        say("agent-cancel");
    }
}

/// Calls a method of bluetoothd, within [`CALL_TIMEOUT`].
async fn call<B>(
    connection: &Connection,
    path: &str,
    interface: &str,
    method: &str,
    body: &B,
) -> zbus::Result<Message>
where
    B: zbus::export::serde::Serialize + zbus::zvariant::DynamicType,
{
    let call = connection.call_method(Some(BLUEZ), path, Some(interface), method, body);
    timeout(CALL_TIMEOUT, call).await.unwrap_or_else(|_| {
        Err(zbus::Error::Failure(format!(
            "no answer within {CALL_TIMEOUT:?}"
        )))
    })
}

async fn get_property(
    connection: &Connection,
    path: &str,
    interface: &str,
    name: &str,
) -> zbus::Result<OwnedValue> {
    let reply = call(connection, path, PROPERTIES, "Get", &(interface, name)).await?;
    reply.body().deserialize::<OwnedValue>()
}

async fn set_property(
    connection: &Connection,
    path: &str,
    interface: &str,
    name: &str,
    value: Value<'_>,
) -> zbus::Result<()> {
    call(
        connection,
        path,
        PROPERTIES,
        "Set",
        &(interface, name, value),
    )
    .await
    .map(drop)
}

/// The objects bluetoothd exports: path → interface → property → value.
type Objects = HashMap<OwnedObjectPath, HashMap<String, HashMap<String, OwnedValue>>>;

/// One of the two adapters.
#[derive(Debug, Clone)]
struct Adapter {
    /// `hci1`.
    name: String,
    /// `/org/bluez/hci1`.
    path: String,
    /// Its Bluetooth address.
    address: String,
}

impl Adapter {
    /// Whether `path` is one of this adapter's device objects (`/org/bluez/hci1/dev_…`, not
    /// a child of one such as a GATT service).
    fn owns_device(&self, path: &str) -> bool {
        path.strip_prefix(self.path.as_str())
            .and_then(|rest| rest.strip_prefix("/dev_"))
            .is_some_and(|rest| !rest.contains('/'))
    }
}

/// What this program knows of a device object.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Device {
    address: String,
    paired: bool,
    connected: bool,
}

/// Which adapter a device belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Peer,
    Host,
}

/// The running peer: its bus, both adapters, the devices it knows and bluetoothd's signals.
#[derive(Debug)]
struct Peer {
    connection: Connection,
    peer: Adapter,
    host: Adapter,
    devices: HashMap<String, Device>,
    events: mpsc::UnboundedReceiver<Message>,
}

/// Whether a message is one of the signals [`Peer::handle`] reads.
fn is_event(message: &Message) -> bool {
    if message.message_type() != MessageType::Signal {
        return false;
    }
    let header = message.header();
    let interface = header.interface().map(|name| name.as_str());
    let member = header.member().map(|name| name.as_str());
    matches!(
        (interface, member),
        (
            Some(OBJECT_MANAGER),
            Some("InterfacesAdded" | "InterfacesRemoved")
        ) | (Some(PROPERTIES), Some("PropertiesChanged"))
    )
}

/// Subscribes to bluetoothd's object and property signals and forwards them, in bus order,
/// into an unbounded channel (so a slow step never holds up the connection). Subscribed before
/// anything is read, so no change is missed.
async fn subscribe(connection: &Connection) -> zbus::Result<mpsc::UnboundedReceiver<Message>> {
    // The stream exists before the match rules: everything they route to us is in it.
    let mut stream = MessageStream::from(connection);
    let dbus = zbus::fdo::DBusProxy::new(connection).await?;
    let objects = MatchRule::builder()
        .msg_type(MessageType::Signal)
        .sender(BLUEZ)?
        .interface(OBJECT_MANAGER)?
        .path("/")?
        .build();
    let properties = MatchRule::builder()
        .msg_type(MessageType::Signal)
        .sender(BLUEZ)?
        .interface(PROPERTIES)?
        .member("PropertiesChanged")?
        .path_namespace(AGENT_MANAGER_PATH)?
        .build();
    dbus.add_match_rule(objects).await?;
    dbus.add_match_rule(properties).await?;
    let (sender, receiver) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Some(item) = stream.next().await {
            match item {
                Ok(message) if is_event(&message) => {
                    if sender.send(message).is_err() {
                        break;
                    }
                }
                Ok(_) => {}
                Err(error) => Failure::new("receive", error).report(),
            }
        }
    });
    Ok(receiver)
}

/// Waits until bluetoothd exports both adapters; returns everything it exports then.
async fn wait_for_adapters(connection: &Connection, options: &Options) -> Result<Objects, Failure> {
    let deadline = Instant::now() + ADAPTERS_TIMEOUT;
    let wanted = [
        format!("/org/bluez/{}", options.peer),
        format!("/org/bluez/{}", options.host),
    ];
    let mut last = String::from("nothing answered yet");
    loop {
        let remaining = deadline.saturating_duration_since(Instant::now());
        let answer = timeout(
            remaining,
            call(connection, "/", OBJECT_MANAGER, "GetManagedObjects", &()),
        )
        .await;
        match answer {
            Ok(Ok(reply)) => match reply.body().deserialize::<Objects>() {
                Ok(objects) => {
                    let missing: Vec<&str> = wanted
                        .iter()
                        .filter(|path| {
                            !objects.iter().any(|(object, interfaces)| {
                                object.as_str() == path.as_str() && interfaces.contains_key(ADAPTER)
                            })
                        })
                        .map(String::as_str)
                        .collect();
                    if missing.is_empty() {
                        return Ok(objects);
                    }
                    last = format!("bluetoothd has no {}", missing.join(" and "));
                }
                Err(error) => last = format!("unreadable objects: {error}"),
            },
            Ok(Err(error)) => last = error.to_string(),
            Err(_) => {}
        }
        if Instant::now() + POLL >= deadline {
            return Err(Failure::new(
                "wait-adapters",
                format!("not both adapters within {ADAPTERS_TIMEOUT:?}: {last}"),
            ));
        }
        sleep(POLL).await;
    }
}

/// Sets one property of the peer adapter, retrying for [`SETUP_RETRY`] (bluetoothd answers
/// `org.bluez.Error.Busy` while a mode change is pending).
async fn set_adapter_property(
    connection: &Connection,
    adapter: &str,
    name: &str,
    value: Value<'_>,
) -> Result<(), Failure> {
    let deadline = Instant::now() + SETUP_RETRY;
    loop {
        match set_property(
            connection,
            adapter,
            ADAPTER,
            name,
            value
                .try_clone()
                .map_err(|error| Failure::new(format_args!("set-{name}"), error))?,
        )
        .await
        {
            Ok(()) => return Ok(()),
            Err(error) if Instant::now() + Duration::from_millis(500) < deadline => {
                eprintln!(
                    "ferrum-bt-peer: setting {name} on {adapter} failed ({}), retrying",
                    one_line(error)
                );
                sleep(Duration::from_millis(500)).await;
            }
            Err(error) => return Err(Failure::new(format_args!("set-{name}"), error)),
        }
    }
}

async fn adapter_address(connection: &Connection, path: &str) -> Result<String, Failure> {
    let value = get_property(connection, path, ADAPTER, "Address")
        .await
        .map_err(|error| Failure::new("read-address", format_args!("{path}: {error}")))?;
    value
        .downcast_ref::<&str>()
        .map(str::to_owned)
        .map_err(|error| Failure::new("read-address", format_args!("{path}: {error}")))
}

async fn request_default_agent(connection: &Connection) -> zbus::Result<()> {
    let agent = ObjectPath::from_static_str_unchecked(AGENT_PATH);
    call(
        connection,
        AGENT_MANAGER_PATH,
        AGENT_MANAGER,
        "RequestDefaultAgent",
        &(agent,),
    )
    .await
    .map(drop)
}

/// Steps 1–4: the adapters, the peer's settings, the agent. Prints `ready`.
async fn start(options: &Options) -> Result<Peer, Failure> {
    let connection = zbus::connection::Builder::system()
        .and_then(|builder| {
            builder
                .method_timeout(CALL_TIMEOUT)
                .serve_at(AGENT_PATH, Agent)
        })
        .map_err(|error| Failure::new("connect", error))?
        .build()
        .await
        .map_err(|error| Failure::new("connect", error))?;
    let events = subscribe(&connection)
        .await
        .map_err(|error| Failure::new("subscribe", error))?;
    eprintln!(
        "ferrum-bt-peer: waiting for bluetoothd to export {} and {}",
        options.peer, options.host
    );
    let objects = wait_for_adapters(&connection, options).await?;

    let peer_path = format!("/org/bluez/{}", options.peer);
    let host_path = format!("/org/bluez/{}", options.host);
    // BlueZ refuses `Discoverable` while the adapter is off, and a zero timeout set before it
    // keeps the adapter discoverable for good.
    let settings = [
        ("Alias", Value::from(PEER_NAME)),
        ("Powered", Value::from(true)),
        ("Pairable", Value::from(true)),
        ("PairableTimeout", Value::from(0_u32)),
        ("DiscoverableTimeout", Value::from(0_u32)),
        ("Discoverable", Value::from(true)),
    ];
    for (name, value) in settings {
        set_adapter_property(&connection, &peer_path, name, value).await?;
    }
    // BlueZ names the adapter it takes as its default after the host name and any other one
    // "<host name> #<index + 1>"; which emulated controller registers first is a race on a busy
    // emulator. The computer's adapter gets the plain host name, as the only controller of a
    // real machine has it, so the page reads the same on every boot.
    let hostname = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|name| name.trim().to_owned())
        .unwrap_or_default();
    if !hostname.is_empty() {
        set_adapter_property(&connection, &host_path, "Alias", Value::from(hostname)).await?;
    }
    let peer = Adapter {
        name: options.peer.clone(),
        address: adapter_address(&connection, &peer_path).await?,
        path: peer_path,
    };
    let host = Adapter {
        name: options.host.clone(),
        address: adapter_address(&connection, &host_path).await?,
        path: host_path,
    };

    let agent = ObjectPath::from_static_str_unchecked(AGENT_PATH);
    call(
        &connection,
        AGENT_MANAGER_PATH,
        AGENT_MANAGER,
        "RegisterAgent",
        &(&agent, AGENT_CAPABILITY),
    )
    .await
    .map_err(|error| Failure::new("register-agent", error))?;
    request_default_agent(&connection)
        .await
        .map_err(|error| Failure::new("request-default-agent", error))?;

    let mut peer = Peer {
        connection,
        peer,
        host,
        devices: HashMap::new(),
        events,
    };
    // What exists already is known, not news: a bond from before start-up is not announced.
    for (path, interfaces) in &objects {
        if let Some(properties) = interfaces.get(DEVICE)
            && peer.side_of(path.as_str()).is_some()
        {
            let device = peer.known_device(path.as_str(), properties);
            peer.devices.insert(path.to_string(), device);
        }
    }
    say(format_args!(
        "ready peer={} host={}",
        peer.peer.address, peer.host.address
    ));
    Ok(peer)
}

fn bool_of(properties: &HashMap<String, OwnedValue>, name: &str) -> Option<bool> {
    properties.get(name)?.downcast_ref::<bool>().ok()
}

fn string_of(properties: &HashMap<String, OwnedValue>, name: &str) -> Option<String> {
    properties
        .get(name)?
        .downcast_ref::<&str>()
        .ok()
        .map(str::to_owned)
}

impl Peer {
    fn side_of(&self, path: &str) -> Option<Side> {
        if self.peer.owns_device(path) {
            Some(Side::Peer)
        } else if self.host.owns_device(path) {
            Some(Side::Host)
        } else {
            None
        }
    }

    fn adapter(&self, side: Side) -> &Adapter {
        match side {
            Side::Peer => &self.peer,
            Side::Host => &self.host,
        }
    }

    /// A device as its properties describe it.
    fn known_device(&self, path: &str, properties: &HashMap<String, OwnedValue>) -> Device {
        Device {
            address: string_of(properties, "Address")
                .or_else(|| address_from_path(path))
                .unwrap_or_else(|| path.to_owned()),
            paired: bool_of(properties, "Paired").unwrap_or(false),
            connected: bool_of(properties, "Connected").unwrap_or(false),
        }
    }

    /// Steps 5 and 6, until the bus connection ends.
    async fn watch(&mut self) {
        while let Some(message) = self.events.recv().await {
            self.handle(&message).await;
        }
    }

    async fn handle(&mut self, message: &Message) {
        let header = message.header();
        let member = header.member().map(|name| name.as_str().to_owned());
        let path = header.path().map(|path| path.as_str().to_owned());
        let body = message.body();
        match member.as_deref() {
            Some("InterfacesAdded") => {
                match body.deserialize::<(
                    OwnedObjectPath,
                    HashMap<String, HashMap<String, OwnedValue>>,
                )>() {
                    Ok((object, interfaces)) => {
                        if let Some(properties) = interfaces.get(DEVICE) {
                            self.device_changed(object.as_str(), properties).await;
                        }
                    }
                    Err(error) => Failure::new("read-interfaces-added", error).report(),
                }
            }
            Some("InterfacesRemoved") => match body.deserialize::<(OwnedObjectPath, Vec<String>)>()
            {
                Ok((object, interfaces)) => {
                    if interfaces.iter().any(|name| name == DEVICE) {
                        self.device_removed(object.as_str()).await;
                    }
                }
                Err(error) => Failure::new("read-interfaces-removed", error).report(),
            },
            Some("PropertiesChanged") => {
                match body.deserialize::<(String, HashMap<String, OwnedValue>, Vec<String>)>() {
                    Ok((interface, changed, _invalidated)) => {
                        let Some(path) = path else { return };
                        if interface == DEVICE {
                            self.device_changed(&path, &changed).await;
                        } else if interface == ADAPTER && path == self.host.path {
                            if let Some(powered) = bool_of(&changed, "Powered") {
                                say(format!("host-powered={powered}"));
                            }
                            if bool_of(&changed, "Discovering") == Some(true) {
                                self.reclaim_default_agent().await;
                            }
                        }
                    }
                    Err(error) => Failure::new("read-properties-changed", error).report(),
                }
            }
            _ => {}
        }
    }

    /// The host scans: its page's agent may have become the default, so take it back, or an
    /// incoming pairing on the peer adapter would ask the page.
    async fn reclaim_default_agent(&self) {
        match request_default_agent(&self.connection).await {
            Ok(()) => say("default-agent"),
            Err(error) => Failure::new("request-default-agent", error).report(),
        }
    }

    /// A device appeared or some of its properties changed.
    async fn device_changed(&mut self, path: &str, properties: &HashMap<String, OwnedValue>) {
        let Some(side) = self.side_of(path) else {
            return;
        };
        let fresh = self.known_device(path, &HashMap::new());
        let before = self.devices.get(path).cloned().unwrap_or(fresh);
        let mut after = before.clone();
        if let Some(address) = string_of(properties, "Address") {
            after.address = address;
        }
        if let Some(paired) = bool_of(properties, "Paired") {
            after.paired = paired;
        }
        if let Some(connected) = bool_of(properties, "Connected") {
            after.connected = connected;
        }
        self.devices.insert(path.to_owned(), after.clone());

        let adapter = &self.adapter(side).name;
        if after.connected != before.connected {
            let word = if after.connected {
                "connected"
            } else {
                "disconnected"
            };
            say(format_args!(
                "{word} device={} adapter={adapter}",
                after.address
            ));
        }
        match side {
            Side::Peer => {
                if after.address.eq_ignore_ascii_case(&self.host.address)
                    && after.paired
                    && !before.paired
                {
                    say(format_args!("paired device={}", after.address));
                }
            }
            Side::Host => {
                if after.address.eq_ignore_ascii_case(&self.peer.address)
                    && before.paired
                    && !after.paired
                {
                    self.host_forgot().await;
                }
            }
        }
    }

    /// A device object went away.
    async fn device_removed(&mut self, path: &str) {
        let Some(device) = self.devices.remove(path) else {
            return;
        };
        if self.side_of(path) == Some(Side::Host)
            && device.paired
            && device.address.eq_ignore_ascii_case(&self.peer.address)
        {
            self.host_forgot().await;
        }
    }

    /// The host forgot the peer: the peer forgets the host too.
    async fn host_forgot(&mut self) {
        say(format_args!("host-forgot device={}", self.peer.address));
        let host_address = self.host.address.clone();
        let known = self
            .devices
            .iter()
            .find(|(path, device)| {
                self.peer.owns_device(path) && device.address.eq_ignore_ascii_case(&host_address)
            })
            .map(|(path, _)| path.clone());
        let path = known.unwrap_or_else(|| {
            format!(
                "{}/dev_{}",
                self.peer.path,
                host_address.replace(':', "_").to_uppercase()
            )
        });
        let object = match ObjectPath::try_from(path.as_str()) {
            Ok(object) => object,
            Err(error) => {
                say(format_args!("peer-forget-failed error={}", one_line(error)));
                return;
            }
        };
        match call(
            &self.connection,
            &self.peer.path,
            ADAPTER,
            "RemoveDevice",
            &(object,),
        )
        .await
        {
            Ok(_) => say(format_args!("peer-forgot device={host_address}")),
            Err(error) => say(format_args!("peer-forget-failed error={}", one_line(error))),
        }
    }

    /// Unregisters the agent (at exit).
    async fn unregister(&self) {
        let agent = (ObjectPath::from_static_str_unchecked(AGENT_PATH),);
        let unregister = call(
            &self.connection,
            AGENT_MANAGER_PATH,
            AGENT_MANAGER,
            "UnregisterAgent",
            &agent,
        );
        match timeout(EXIT_TIMEOUT, unregister).await {
            Ok(Ok(_)) => {}
            Ok(Err(error)) => Failure::new("unregister-agent", error).report(),
            Err(_) => Failure::new("unregister-agent", "no answer").report(),
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(options) = parse_args(&args) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    // Before anything else, so a signal during start-up still ends the program cleanly.
    let (mut term, mut int) = match (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) {
        (Ok(term), Ok(int)) => (term, int),
        (Err(error), _) | (_, Err(error)) => {
            Failure::new("signals", error).report();
            return ExitCode::FAILURE;
        }
    };
    let stop = async {
        tokio::select! {
            _ = term.recv() => "SIGTERM",
            _ = int.recv() => "SIGINT",
        }
    };
    tokio::pin!(stop);

    let mut peer = tokio::select! {
        reason = &mut stop => {
            say(format_args!("stopping signal={reason}"));
            return ExitCode::SUCCESS;
        }
        started = start(&options) => match started {
            Ok(peer) => peer,
            Err(failure) => {
                failure.report();
                return ExitCode::FAILURE;
            }
        },
    };
    let reason = tokio::select! {
        reason = &mut stop => reason,
        () = peer.watch() => {
            Failure::new("watch", "the bus connection closed").report();
            return ExitCode::FAILURE;
        }
    };
    say(format_args!("stopping signal={reason}"));
    peer.unregister().await;
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|arg| (*arg).to_owned()).collect()
    }

    #[test]
    fn device_paths_give_addresses() {
        assert_eq!(
            address_from_path("/org/bluez/hci1/dev_00_AA_01_02_03_04").as_deref(),
            Some("00:AA:01:02:03:04")
        );
        assert_eq!(
            address_from_path("/org/bluez/hci0/dev_0a_bb_cc_dd_ee_ff").as_deref(),
            Some("0A:BB:CC:DD:EE:FF")
        );
        for path in [
            "/org/bluez/hci1",
            "/org/bluez/hci1/dev_00_AA_01_02_03",
            "/org/bluez/hci1/dev_00_AA_01_02_03_04/service000a",
            "/org/bluez/hci1/dev_00_AA_01_02_03_G4",
            "/org/bluez/hci1/dev_000_A_01_02_03_04",
            "dev_00_AA_01_02_03_04",
        ] {
            assert_eq!(address_from_path(path), None, "{path}");
        }
    }

    #[test]
    fn passkeys_have_six_digits() {
        assert_eq!(passkey_text(0), "000000");
        assert_eq!(passkey_text(1234), "001234");
        assert_eq!(passkey_text(999_999), "999999");
    }

    #[test]
    fn adapters_own_their_device_objects_only() {
        let adapter = Adapter {
            name: "hci1".into(),
            path: "/org/bluez/hci1".into(),
            address: "01:02:03:04:05:06".into(),
        };
        assert!(adapter.owns_device("/org/bluez/hci1/dev_00_01_02_03_04_05"));
        assert!(!adapter.owns_device("/org/bluez/hci1"));
        assert!(!adapter.owns_device("/org/bluez/hci10/dev_00_01_02_03_04_05"));
        assert!(!adapter.owns_device("/org/bluez/hci1/dev_00_01_02_03_04_05/service000a"));
        assert!(!adapter.owns_device("/org/bluez/hci0/dev_00_01_02_03_04_05"));
    }

    #[test]
    fn arguments_name_the_adapters() {
        assert_eq!(
            parse_args(&[]),
            Some(Options {
                peer: "hci1".into(),
                host: "hci0".into()
            })
        );
        assert_eq!(
            parse_args(&strings(&["--host", "hci2", "--peer", "hci3"])),
            Some(Options {
                peer: "hci3".into(),
                host: "hci2".into()
            })
        );
        assert_eq!(parse_args(&strings(&["--peer"])), None);
        assert_eq!(parse_args(&strings(&["--peer", "hci0"])), None);
        assert_eq!(parse_args(&strings(&["--peer", "../x"])), None);
        assert_eq!(parse_args(&strings(&["--other", "hci2"])), None);
    }

    #[test]
    fn details_stay_on_one_line() {
        assert_eq!(one_line("a\nb\tc"), "a b c");
    }
}
