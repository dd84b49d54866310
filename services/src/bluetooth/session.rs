//! The one bluer session of the process, and everything that touches
//! bluer's types: reading a snapshot, the agent's callbacks, discovery.
//!
//! bluer opens its connection with libdbus's `dbus_bus_get_private(SYSTEM)`,
//! and libdbus reads `DBUS_SYSTEM_BUS_ADDRESS` once per process: a session
//! cannot be opened on a chosen address. So there is one session per process,
//! opened on first use (and again after the bus was lost), and a
//! [`SystemBus`] at any other address is refused with
//! [`BluetoothError::ForeignBus`] instead of silently using the wrong bus.

use std::collections::HashMap;
use std::future::Future;
use std::sync::LazyLock;
use std::time::Duration;

use bluer::agent::{Agent, AgentHandle, ReqError};
use futures::StreamExt;
use tokio::sync::{Mutex, oneshot};

use super::agent::{AgentAsk, AgentChannel, DisplayEnd, Refusal};
use super::error::{BluetoothError, from_bluer, means_absent_property};
use super::types::{Adapter, AdapterId, Device, DeviceAddress, DeviceKind, ServiceKind, Snapshot};
use crate::bus::{METHOD_TIMEOUT, SystemBus};

/// The process's bluer session, once opened.
static SESSION: LazyLock<Mutex<Option<bluer::Session>>> = LazyLock::new(|| Mutex::new(None));

/// The system bus libdbus (and so bluer) uses in this process.
pub(crate) fn process_bus() -> SystemBus {
    SystemBus::from_env()
}

/// Refuses a bus this process's session cannot reach.
pub(crate) fn check_bus(bus: &SystemBus) -> Result<(), BluetoothError> {
    let process = process_bus();
    if bus.address() == process.address() {
        Ok(())
    } else {
        Err(BluetoothError::ForeignBus {
            asked: bus.address().to_owned(),
            process: process.address().to_owned(),
        })
    }
}

/// The process's session, opened on first use.
async fn session(timeout: Duration) -> Result<bluer::Session, BluetoothError> {
    let mut slot = SESSION.lock().await;
    if let Some(session) = slot.as_ref() {
        return Ok(session.clone());
    }
    let session = tokio::time::timeout(timeout, bluer::Session::new())
        .await
        .map_err(|_| BluetoothError::NoAnswer)?
        .map_err(from_bluer)?;
    tracing::debug!(?session, "opened the Bluetooth session");
    *slot = Some(session.clone());
    Ok(session)
}

/// Drops the session after the bus was lost, so the next use opens a new one.
pub(crate) async fn forget_session() {
    if let Some(session) = SESSION.lock().await.take() {
        tracing::info!(
            ?session,
            "the Bluetooth session's bus went away; reopening on next use"
        );
    }
}

/// A session plus the bus's method timeout: what every call needs.
#[derive(Clone)]
pub(crate) struct Context {
    pub(crate) session: bluer::Session,
    pub(crate) timeout: Duration,
}

impl std::fmt::Debug for Context {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Context")
            .field("session", &self.session)
            .field("timeout", &self.timeout)
            .finish()
    }
}

impl Context {
    /// The session for `bus` (refused unless it is the process's bus), with
    /// the method timeout the bus's connection was opened with.
    pub(crate) async fn open(bus: &SystemBus) -> Result<Self, BluetoothError> {
        check_bus(bus)?;
        let connection = bus.connection().await?;
        let timeout = connection.method_timeout().unwrap_or(METHOD_TIMEOUT);
        Self::with_timeout(timeout).await
    }

    /// The session with a known timeout (the watch has it already).
    pub(crate) async fn with_timeout(timeout: Duration) -> Result<Self, BluetoothError> {
        Ok(Self {
            session: session(timeout).await?,
            timeout,
        })
    }

    /// Runs a bluer call within the timeout; bluer's own error is left to the caller.
    pub(crate) async fn call<T>(
        &self,
        call: impl Future<Output = bluer::Result<T>>,
    ) -> Result<bluer::Result<T>, BluetoothError> {
        tokio::time::timeout(self.timeout, call)
            .await
            .map_err(|_| BluetoothError::NoAnswer)
    }

    /// Runs a bluer call within the timeout, its error mapped.
    pub(crate) async fn run<T>(
        &self,
        call: impl Future<Output = bluer::Result<T>>,
    ) -> Result<T, BluetoothError> {
        let result = self.call(call).await?.map_err(from_bluer);
        if let Err(BluetoothError::BusUnreachable(_)) = &result {
            forget_session().await;
        }
        result
    }

    pub(crate) fn adapter(&self, id: &AdapterId) -> Result<bluer::Adapter, BluetoothError> {
        self.session.adapter(id.as_str()).map_err(from_bluer)
    }

    pub(crate) fn device(
        &self,
        adapter: &AdapterId,
        address: &DeviceAddress,
    ) -> Result<bluer::Device, BluetoothError> {
        self.adapter(adapter)?
            .device(bluer::Address::new(address.0))
            .map_err(from_bluer)
    }
}

/// An optional property: absent (`InvalidArgs`, or the mock's
/// `UnknownProperty` / `UnknownInterface`) reads as `None`.
fn optional<T>(result: bluer::Result<Option<T>>) -> Result<Option<T>, BluetoothError> {
    match result {
        Ok(value) => Ok(value),
        Err(bluer::Error {
            kind: bluer::ErrorKind::Internal(bluer::InternalErrorKind::DBus(name)),
            ..
        }) if means_absent_property(&name) => Ok(None),
        Err(error) => Err(from_bluer(error)),
    }
}

/// Reads every adapter and device (within the timeout as a whole).
pub(crate) async fn read_snapshot(context: &Context) -> Result<Snapshot, BluetoothError> {
    tokio::time::timeout(context.timeout, read_snapshot_unbounded(context))
        .await
        .map_err(|_| BluetoothError::NoAnswer)?
}

async fn read_snapshot_unbounded(context: &Context) -> Result<Snapshot, BluetoothError> {
    let mut names = context.session.adapter_names().await.map_err(from_bluer)?;
    names.sort();
    let mut snapshot = Snapshot::default();
    for name in names {
        let id = AdapterId::new(name);
        let adapter = context.adapter(&id)?;
        let read = match read_adapter(&id, &adapter).await {
            Ok(read) => read,
            // Removed between the listing and the read.
            Err(BluetoothError::NotFound) => continue,
            Err(error) => return Err(error),
        };
        snapshot.adapters.push(read);
        let addresses = match adapter.device_addresses().await {
            Ok(addresses) => addresses,
            Err(error) => match from_bluer(error) {
                BluetoothError::NotFound => continue,
                error => return Err(error),
            },
        };
        let devices = futures::future::join_all(
            addresses
                .into_iter()
                .map(|address| read_device(&id, &adapter, address)),
        )
        .await;
        let mut devices = devices
            .into_iter()
            .filter_map(|device| match device {
                // Removed between the listing and the read.
                Err(BluetoothError::NotFound) => None,
                other => Some(other),
            })
            .collect::<Result<Vec<Device>, BluetoothError>>()?;
        devices.sort_by_key(|device| device.address);
        snapshot.devices.extend(devices);
    }
    Ok(snapshot)
}

async fn read_adapter(id: &AdapterId, adapter: &bluer::Adapter) -> Result<Adapter, BluetoothError> {
    let (address, alias, system_name, powered, discoverable, discovering) = futures::join!(
        adapter.address(),
        adapter.alias(),
        adapter.system_name(),
        adapter.is_powered(),
        adapter.is_discoverable(),
        adapter.is_discovering(),
    );
    Ok(Adapter {
        id: id.clone(),
        address: DeviceAddress(address.map_err(from_bluer)?.0),
        alias: alias.map_err(from_bluer)?,
        system_name: system_name.map_err(from_bluer)?,
        powered: powered.map_err(from_bluer)?,
        discoverable: discoverable.map_err(from_bluer)?,
        discovering: discovering.map_err(from_bluer)?,
    })
}

async fn read_device(
    id: &AdapterId,
    adapter: &bluer::Adapter,
    address: bluer::Address,
) -> Result<Device, BluetoothError> {
    let device = adapter.device(address).map_err(from_bluer)?;
    let (name, alias, icon, class, appearance, rssi, uuids) = futures::join!(
        device.name(),
        device.alias(),
        device.icon(),
        device.class(),
        device.appearance(),
        device.rssi(),
        device.uuids(),
    );
    let (paired, trusted, connected, blocked, battery) = futures::join!(
        device.is_paired(),
        device.is_trusted(),
        device.is_connected(),
        device.is_blocked(),
        device.battery_percentage(),
    );
    let icon = optional(icon)?.filter(|icon| !icon.is_empty());
    let class = optional(class)?.filter(|class| *class != 0);
    let mut kind = DeviceKind::from_icon_and_class(icon.as_deref(), class);
    if kind == DeviceKind::Other
        && let Some(from_appearance) = optional(appearance)?.and_then(DeviceKind::from_appearance)
    {
        kind = from_appearance;
    }
    let mut services: Vec<ServiceKind> = optional(uuids)?
        .unwrap_or_default()
        .iter()
        .map(|uuid| ServiceKind::from_uuid(&uuid.to_string()))
        .collect();
    services.sort();
    services.dedup();
    Ok(Device {
        adapter: id.clone(),
        address: DeviceAddress(address.0),
        name: optional(name)?,
        alias: alias.map_err(from_bluer)?,
        kind,
        rssi: optional(rssi)?,
        paired: paired.map_err(from_bluer)?,
        trusted: trusted.map_err(from_bluer)?,
        connected: connected.map_err(from_bluer)?,
        blocked: blocked.map_err(from_bluer)?,
        battery: optional(battery)?,
        services,
    })
}

/// The device's kind, read on its own (pairing decides on it).
pub(crate) async fn read_kind(context: &Context, device: &bluer::Device) -> DeviceKind {
    let read = async {
        let (icon, class, appearance) =
            futures::join!(device.icon(), device.class(), device.appearance());
        let icon = optional(icon)
            .ok()
            .flatten()
            .filter(|icon| !icon.is_empty());
        let class = optional(class).ok().flatten().filter(|class| *class != 0);
        let kind = DeviceKind::from_icon_and_class(icon.as_deref(), class);
        if kind == DeviceKind::Other {
            optional(appearance)
                .ok()
                .flatten()
                .and_then(DeviceKind::from_appearance)
                .unwrap_or(kind)
        } else {
            kind
        }
    };
    tokio::time::timeout(context.timeout, read)
        .await
        .unwrap_or(DeviceKind::Other)
}

fn req_error(refusal: Refusal) -> ReqError {
    match refusal {
        Refusal::Rejected => ReqError::Rejected,
        Refusal::Canceled => ReqError::Canceled,
    }
}

fn ids(adapter: String, device: bluer::Address) -> (AdapterId, DeviceAddress) {
    (AdapterId(adapter), DeviceAddress(device.0))
}

/// What a display request waits on: BlueZ's `Cancel` (`Ok`) or the next
/// request taking bluer's one cancel slot (`Err`).
async fn display_end(cancel: oneshot::Receiver<()>) -> DisplayEnd {
    match cancel.await {
        Ok(()) => DisplayEnd::Canceled,
        Err(_) => DisplayEnd::Superseded,
    }
}

async fn cancel_pairing(adapter: AdapterId, device: DeviceAddress) {
    super::commands::cancel_pairing(&adapter, &device);
}

/// Our agent: every handler set (capability KeyboardDisplay), asking to be
/// the default agent; each callback hands over to [`AgentChannel`].
fn agent(channel: &AgentChannel) -> Agent {
    let pin = channel.clone();
    let passkey = channel.clone();
    let show_pin = channel.clone();
    let show_passkey = channel.clone();
    let confirm = channel.clone();
    let authorize = channel.clone();
    let service = channel.clone();
    Agent {
        request_default: true,
        request_pin_code: Some(Box::new(move |request| {
            let channel = pin.clone();
            Box::pin(async move {
                let (adapter, device) = ids(request.adapter, request.device);
                channel
                    .request_pin_code(adapter, device)
                    .await
                    .map(|pin| pin.as_str().to_owned())
                    .map_err(req_error)
            })
        })),
        request_passkey: Some(Box::new(move |request| {
            let channel = passkey.clone();
            Box::pin(async move {
                let (adapter, device) = ids(request.adapter, request.device);
                channel
                    .request_passkey(adapter, device)
                    .await
                    .map(|passkey| passkey.value())
                    .map_err(req_error)
            })
        })),
        display_pin_code: Some(Box::new(move |request| {
            let channel = show_pin.clone();
            Box::pin(async move {
                let (adapter, device) = ids(request.adapter, request.device);
                let pin = super::agent::PinCode::parse(&request.pincode)
                    .map_err(|_| ReqError::Rejected)?;
                channel.display(
                    adapter,
                    device,
                    AgentAsk::DisplayPinCode(pin),
                    display_end(request.cancel),
                    cancel_pairing,
                );
                Ok(())
            })
        })),
        display_passkey: Some(Box::new(move |request| {
            let channel = show_passkey.clone();
            Box::pin(async move {
                let (adapter, device) = ids(request.adapter, request.device);
                channel.display(
                    adapter,
                    device,
                    AgentAsk::DisplayPasskey {
                        passkey: request.passkey,
                        entered: request.entered,
                    },
                    display_end(request.cancel),
                    cancel_pairing,
                );
                Ok(())
            })
        })),
        request_confirmation: Some(Box::new(move |request| {
            let channel = confirm.clone();
            Box::pin(async move {
                let (adapter, device) = ids(request.adapter, request.device);
                let ask = AgentAsk::Confirm {
                    passkey: request.passkey,
                };
                channel
                    .request_consent(adapter, device, ask)
                    .await
                    .map_err(req_error)
            })
        })),
        request_authorization: Some(Box::new(move |request| {
            let channel = authorize.clone();
            Box::pin(async move {
                let (adapter, device) = ids(request.adapter, request.device);
                channel
                    .request_consent(adapter, device, AgentAsk::Authorize)
                    .await
                    .map_err(req_error)
            })
        })),
        authorize_service: Some(Box::new(move |request| {
            let channel = service.clone();
            Box::pin(async move {
                let (adapter, device) = ids(request.adapter, request.device);
                let ask = AgentAsk::AuthorizeService {
                    service: request.service.to_string(),
                };
                channel
                    .request_consent(adapter, device, ask)
                    .await
                    .map_err(req_error)
            })
        })),
        ..Default::default()
    }
}

/// Our agent while it is registered; dropping it unregisters it.
pub(crate) struct RegisteredAgent(#[allow(dead_code)] AgentHandle);

impl std::fmt::Debug for RegisteredAgent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RegisteredAgent")
    }
}

/// How long to wait before registering again after `AlreadyExists`: real
/// BlueZ keys agents by connection, so an agent dropped just before (the
/// page closed and opened again) may not be unregistered yet.
const REGISTER_RETRY: Duration = Duration::from_millis(500);

/// Registers our agent as the default agent.
pub(crate) async fn register_agent(
    context: &Context,
    channel: &AgentChannel,
) -> Result<RegisteredAgent, BluetoothError> {
    match context
        .run(context.session.register_agent(agent(channel)))
        .await
    {
        Err(BluetoothError::AlreadyExists) => {
            tokio::time::sleep(REGISTER_RETRY).await;
            context
                .run(context.session.register_agent(agent(channel)))
                .await
                .map(RegisteredAgent)
        }
        result => result.map(RegisteredAgent),
    }
}

/// Discovery running on one adapter (with `discoverable: true`, so the
/// adapter is visible exactly while it runs); dropping it stops both.
#[derive(Debug)]
pub(crate) struct Discovery {
    _stop: oneshot::Sender<()>,
    task: tokio::task::JoinHandle<()>,
}

impl Discovery {
    /// Whether discovery ended by itself (bluer ends it when `Discovering`
    /// turns false, e.g. the adapter was powered off).
    pub(crate) fn ended(&self) -> bool {
        self.task.is_finished()
    }
}

/// Starts discovery on an adapter.
pub(crate) async fn start_discovery(
    context: &Context,
    id: &AdapterId,
) -> Result<Discovery, BluetoothError> {
    let adapter = context.adapter(id)?;
    let filter = bluer::DiscoveryFilter {
        discoverable: true,
        ..Default::default()
    };
    match adapter.set_discovery_filter(filter).await {
        // Another watch of this process runs discovery on this adapter already;
        // its filter is the same.
        Err(bluer::Error {
            kind: bluer::ErrorKind::DiscoveryActive,
            ..
        })
        | Ok(()) => {}
        Err(error) => return Err(from_bluer(error)),
    }
    let events = context.run(adapter.discover_devices()).await?;
    let (stop, stopped) = oneshot::channel::<()>();
    let id = id.clone();
    let task = tokio::spawn(async move {
        let mut events = Box::pin(events);
        // The events only need draining: the watch re-reads on BlueZ's signals.
        let drain = async { while events.next().await.is_some() {} };
        tokio::select! {
            _ = stopped => tracing::debug!(adapter = %id, "stopping discovery"),
            () = drain => tracing::debug!(adapter = %id, "discovery ended"),
        }
    });
    Ok(Discovery { _stop: stop, task })
}

/// Discovery on every powered adapter of the snapshot, none elsewhere.
pub(crate) async fn reconcile_discovery(
    context: &Context,
    running: &mut HashMap<AdapterId, Discovery>,
    snapshot: &Snapshot,
) {
    running.retain(|id, discovery| {
        snapshot
            .adapter(id)
            .is_some_and(|adapter| adapter.powered && !discovery.ended())
    });
    for adapter in &snapshot.adapters {
        if adapter.powered && !running.contains_key(&adapter.id) {
            match start_discovery(context, &adapter.id).await {
                Ok(discovery) => {
                    running.insert(adapter.id.clone(), discovery);
                }
                Err(error) => {
                    tracing::warn!(adapter = %adapter.id, %error, "could not start discovery");
                }
            }
        }
    }
}
