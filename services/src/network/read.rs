//! Reading NetworkManager's whole picture in one go: one `GetAll` per object and
//! interface, so a snapshot costs a handful of round trips and tolerates objects
//! that lack optional properties (older daemons, the test template).

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr};

use zbus::Connection;
use zbus::fdo::PropertiesProxy;
use zbus::names::InterfaceName;
use zbus::zvariant::{ObjectPath, OwnedObjectPath, OwnedValue};

use super::model::{
    AccessPoint, ActiveConnection, ActiveState, ConnectionType, Device, DeviceKind, DeviceState,
    IpDetails, IpMethod, IpNetwork, Metered, NO_OBJECT, Overview, SavedConnection, Security, Ssid,
    StateReason,
};
use super::settings::{self, Settings};
use crate::network_status::{BUS_NAME, Connectivity, NetworkError};
use crate::proxies::nm_settings::SettingsProxy;
use crate::proxies::nm_settings_connection::ConnectionProxy as ProfileProxy;

type Properties = HashMap<String, OwnedValue>;

const MANAGER_PATH: &str = "/org/freedesktop/NetworkManager";
const MANAGER: &str = "org.freedesktop.NetworkManager";
const DEVICE: &str = "org.freedesktop.NetworkManager.Device";
const WIRED: &str = "org.freedesktop.NetworkManager.Device.Wired";
const WIRELESS: &str = "org.freedesktop.NetworkManager.Device.Wireless";
const ACCESS_POINT: &str = "org.freedesktop.NetworkManager.AccessPoint";
const ACTIVE: &str = "org.freedesktop.NetworkManager.Connection.Active";
const IP4: &str = "org.freedesktop.NetworkManager.IP4Config";
const IP6: &str = "org.freedesktop.NetworkManager.IP6Config";
const DHCP4: &str = "org.freedesktop.NetworkManager.DHCP4Config";

/// `GetAll` of one interface; `None` when the object or interface is not there.
async fn get_all(
    connection: &Connection,
    path: &str,
    interface: &'static str,
) -> Option<Properties> {
    let read = async {
        let proxy = PropertiesProxy::builder(connection)
            .destination(BUS_NAME)?
            .path(path.to_owned())?
            .cache_properties(zbus::proxy::CacheProperties::No)
            .build()
            .await?;
        let interface = InterfaceName::from_static_str(interface)?;
        Ok::<_, zbus::Error>(proxy.get_all(interface).await?)
    };
    match read.await {
        Ok(properties) => Some(properties),
        Err(error) => {
            tracing::debug!(path, interface, %error, "properties unreadable");
            None
        }
    }
}

fn get<T>(properties: &Properties, name: &str) -> Option<T>
where
    T: TryFrom<OwnedValue>,
{
    let value = properties.get(name)?.try_clone().ok()?;
    T::try_from(value).ok()
}

fn path_of(properties: &Properties, name: &str) -> Option<String> {
    get::<OwnedObjectPath>(properties, name)
        .map(|path| path.as_str().to_owned())
        .filter(|path| path != NO_OBJECT)
}

fn paths_of(properties: &Properties, name: &str) -> Vec<String> {
    get::<Vec<OwnedObjectPath>>(properties, name)
        .unwrap_or_default()
        .into_iter()
        .map(|path| path.as_str().to_owned())
        .collect()
}

/// `AddressData`/`NameserverData`: arrays of dictionaries with `address` (and `prefix`).
fn address_data(properties: &Properties, name: &str) -> Vec<IpNetwork> {
    get::<Vec<HashMap<String, OwnedValue>>>(properties, name)
        .unwrap_or_default()
        .iter()
        .filter_map(|entry| {
            let address: IpAddr = get::<String>(entry, "address")?.parse().ok()?;
            let prefix = get::<u32>(entry, "prefix")
                .and_then(|prefix| u8::try_from(prefix).ok())
                .unwrap_or(if address.is_ipv4() { 32 } else { 128 });
            Some(IpNetwork { address, prefix })
        })
        .collect()
}

fn gateway(properties: &Properties) -> Option<IpAddr> {
    get::<String>(properties, "Gateway").and_then(|gateway| gateway.parse().ok())
}

async fn ip_details(connection: &Connection, device: &Properties) -> IpDetails {
    let mut details = IpDetails::default();
    if let Some(path) = path_of(device, "Ip4Config")
        && let Some(ip4) = get_all(connection, &path, IP4).await
    {
        details.ipv4 = address_data(&ip4, "AddressData");
        details.ipv4_gateway = gateway(&ip4);
        details.dns.extend(
            address_data(&ip4, "NameserverData")
                .into_iter()
                .map(|n| n.address),
        );
    }
    if let Some(path) = path_of(device, "Ip6Config")
        && let Some(ip6) = get_all(connection, &path, IP6).await
    {
        let mut addresses = address_data(&ip6, "AddressData");
        addresses.sort_by_key(|network| match network.address {
            IpAddr::V6(address) => address.is_unicast_link_local(),
            IpAddr::V4(_) => false,
        });
        details.ipv6 = addresses;
        details.ipv6_gateway = gateway(&ip6);
        let servers = get::<Vec<Vec<u8>>>(&ip6, "Nameservers").unwrap_or_default();
        details.dns.extend(servers.into_iter().filter_map(|bytes| {
            let bytes: [u8; 16] = bytes.try_into().ok()?;
            Some(IpAddr::V6(Ipv6Addr::from(bytes)))
        }));
    }
    if let Some(path) = path_of(device, "Dhcp4Config")
        && let Some(dhcp) = get_all(connection, &path, DHCP4).await
    {
        let options = get::<HashMap<String, OwnedValue>>(&dhcp, "Options").unwrap_or_default();
        details.dhcp_lease_seconds =
            get::<String>(&options, "dhcp_lease_time").and_then(|time| time.parse().ok());
    }
    details
}

async fn active_connection(connection: &Connection, path: &str) -> Option<ActiveConnection> {
    let active = get_all(connection, path, ACTIVE).await?;
    Some(ActiveConnection {
        path: path.into(),
        profile: path_of(&active, "Connection")
            .map(Into::into)
            .unwrap_or_default(),
        id: get(&active, "Id").unwrap_or_default(),
        uuid: get(&active, "Uuid").unwrap_or_default(),
        state: ActiveState::from_code(get(&active, "State").unwrap_or(0)),
    })
}

async fn access_points(
    connection: &Connection,
    wireless: &Properties,
    known: &[Ssid],
) -> Vec<AccessPoint> {
    let in_use = path_of(wireless, "ActiveAccessPoint");
    let mut networks: Vec<AccessPoint> = Vec::new();
    for path in paths_of(wireless, "AccessPoints") {
        let Some(ap) = get_all(connection, &path, ACCESS_POINT).await else {
            continue;
        };
        let ssid = Ssid(get::<Vec<u8>>(&ap, "Ssid").unwrap_or_default());
        if ssid.0.is_empty() {
            // A hidden network: joined by name from "Hidden network…".
            continue;
        }
        let security = Security::from_flags(
            get(&ap, "Flags").unwrap_or(0),
            get(&ap, "WpaFlags").unwrap_or(0),
            get(&ap, "RsnFlags").unwrap_or(0),
        );
        let point = AccessPoint {
            active: in_use.as_deref() == Some(path.as_str()),
            known: known.contains(&ssid),
            path: path.into(),
            ssid,
            strength: get::<u8>(&ap, "Strength").unwrap_or(0).min(100),
            security,
            frequency_mhz: get(&ap, "Frequency").unwrap_or(0),
        };
        // One entry per name: the one in use, else the strongest.
        match networks.iter_mut().find(|n| n.ssid == point.ssid) {
            Some(existing)
                if point.active || (!existing.active && point.strength > existing.strength) =>
            {
                *existing = point;
            }
            Some(_) => {}
            None => networks.push(point),
        }
    }
    networks.sort_by(|a, b| {
        b.active
            .cmp(&a.active)
            .then(b.strength.cmp(&a.strength))
            .then_with(|| a.ssid.cmp(&b.ssid))
    });
    networks
}

async fn device(connection: &Connection, path: &str, known: &[Ssid]) -> Option<Device> {
    let properties = get_all(connection, path, DEVICE).await?;
    let kind = DeviceKind::from_code(get(&properties, "DeviceType").unwrap_or(0));
    let state_code: u32 = get(&properties, "State").unwrap_or(0);
    let state = DeviceState::from_code(state_code);
    if kind == DeviceKind::Loopback || state == DeviceState::Unmanaged {
        return None;
    }
    let reason = get::<(u32, u32)>(&properties, "StateReason")
        .map_or(StateReason::None, |(_, reason)| {
            StateReason::from_code(reason)
        });
    let mut hw_address: String = get(&properties, "HwAddress").unwrap_or_default();
    let mut speed_mbps = None;
    let mut carrier = None;
    let mut networks = Vec::new();
    match kind {
        DeviceKind::Ethernet => {
            if let Some(wired) = get_all(connection, path, WIRED).await {
                speed_mbps = get::<u32>(&wired, "Speed").filter(|speed| *speed > 0);
                carrier = get(&wired, "Carrier");
                if hw_address.is_empty() {
                    hw_address = get(&wired, "HwAddress").unwrap_or_default();
                }
            }
        }
        DeviceKind::Wifi => {
            if let Some(wireless) = get_all(connection, path, WIRELESS).await {
                speed_mbps = get::<u32>(&wireless, "Bitrate")
                    .map(|kbps| kbps / 1000)
                    .filter(|speed| *speed > 0);
                if hw_address.is_empty() {
                    hw_address = get(&wireless, "HwAddress").unwrap_or_default();
                }
                networks = access_points(connection, &wireless, known).await;
            }
        }
        _ => {}
    }
    let active = match path_of(&properties, "ActiveConnection") {
        Some(active) => active_connection(connection, &active).await,
        None => None,
    };
    let ip = if state == DeviceState::Activated {
        ip_details(connection, &properties).await
    } else {
        IpDetails::default()
    };
    Some(Device {
        path: path.into(),
        interface: get(&properties, "Interface").unwrap_or_default(),
        kind,
        state,
        state_code,
        reason,
        hw_address,
        speed_mbps,
        carrier,
        active,
        ip,
        networks,
    })
}

fn saved_connection(path: String, settings: &Settings) -> SavedConnection {
    let kind = ConnectionType::from_name(&settings::string(settings, "connection", "type"));
    SavedConnection {
        id: settings::string(settings, "connection", "id"),
        uuid: settings::string(settings, "connection", "uuid"),
        kind,
        autoconnect: settings::get::<bool>(settings, "connection", "autoconnect").unwrap_or(true),
        ssid: settings::get::<Vec<u8>>(settings, "802-11-wireless", "ssid").map(Ssid),
        interface: Some(settings::string(settings, "connection", "interface-name"))
            .filter(|name| !name.is_empty()),
        ipv4_method: IpMethod::from_name(&settings::string(settings, "ipv4", "method")),
        metered: Metered::from_code(
            settings::get::<i32>(settings, "connection", "metered").unwrap_or(0),
        ),
        mtu: settings::get::<u32>(settings, "802-3-ethernet", "mtu").unwrap_or(0),
        hotspot: settings::string(settings, "802-11-wireless", "mode") == "ap",
        path: path.into(),
    }
}

async fn saved_connections(connection: &Connection) -> Result<Vec<SavedConnection>, NetworkError> {
    let settings = SettingsProxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?;
    let mut saved = Vec::new();
    for path in settings.list_connections().await? {
        let read = async {
            let profile = ProfileProxy::builder(connection)
                .path(path.clone())?
                .cache_properties(zbus::proxy::CacheProperties::No)
                .build()
                .await?;
            profile.get_settings().await
        };
        match read.await {
            Ok(settings) => saved.push(saved_connection(path.as_str().to_owned(), &settings)),
            // Deleted meanwhile: the next signal brings the new list.
            Err(error) => tracing::debug!(path = path.as_str(), %error, "profile unreadable"),
        }
    }
    saved.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.id.cmp(&b.id)));
    Ok(saved)
}

/// Reads NetworkManager's devices, networks, connections and switches.
pub async fn snapshot(connection: Connection) -> Result<Overview, NetworkError> {
    let manager = {
        let proxy = PropertiesProxy::builder(&connection)
            .destination(BUS_NAME)?
            .path(ObjectPath::from_static_str_unchecked(MANAGER_PATH))?
            .cache_properties(zbus::proxy::CacheProperties::No)
            .build()
            .await?;
        proxy
            .get_all(InterfaceName::from_static_str_unchecked(MANAGER))
            .await
            .map_err(zbus::Error::from)?
    };
    let connections = saved_connections(&connection).await?;
    let known: Vec<Ssid> = connections.iter().filter_map(|c| c.ssid.clone()).collect();
    let mut devices = Vec::new();
    for path in paths_of(&manager, "Devices") {
        if let Some(device) = device(&connection, &path, &known).await {
            devices.push(device);
        }
    }
    devices.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then_with(|| a.interface.cmp(&b.interface))
    });
    let on_devices: Vec<&str> = devices
        .iter()
        .filter_map(|device| device.active.as_ref().map(|active| active.path.as_str()))
        .collect();
    let mut active = Vec::new();
    for path in paths_of(&manager, "ActiveConnections") {
        if on_devices.contains(&path.as_str()) {
            continue;
        }
        if let Some(connection) = active_connection(&connection, &path).await {
            active.push(connection);
        }
    }
    Ok(Overview {
        networking_enabled: get(&manager, "NetworkingEnabled").unwrap_or(true),
        wireless_enabled: get(&manager, "WirelessEnabled").unwrap_or(false),
        wireless_hardware_enabled: get(&manager, "WirelessHardwareEnabled").unwrap_or(true),
        wwan_enabled: get(&manager, "WwanEnabled").unwrap_or(false),
        connectivity: Connectivity::from_code(get(&manager, "Connectivity").unwrap_or(0)),
        connectivity_check_uri: get::<String>(&manager, "ConnectivityCheckUri")
            .filter(|uri| !uri.is_empty()),
        devices,
        connections,
        active,
    })
}

/// The state of an active connection; `None` when it is gone.
pub(crate) async fn active_state(connection: &Connection, path: &str) -> Option<ActiveState> {
    let active = get_all(connection, path, ACTIVE).await?;
    Some(ActiveState::from_code(get(&active, "State").unwrap_or(0)))
}

/// Why a device last changed state.
pub(crate) async fn device_reason(connection: &Connection, path: &str) -> Option<StateReason> {
    let device = get_all(connection, path, DEVICE).await?;
    get::<(u32, u32)>(&device, "StateReason").map(|(_, reason)| StateReason::from_code(reason))
}

/// The device where the profile at `profile` is active.
pub(crate) async fn device_of_profile(connection: &Connection, profile: &str) -> Option<String> {
    let manager = get_all(connection, MANAGER_PATH, MANAGER).await?;
    for path in paths_of(&manager, "Devices") {
        let Some(device) = get_all(connection, &path, DEVICE).await else {
            continue;
        };
        let Some(active) = path_of(&device, "ActiveConnection") else {
            continue;
        };
        if let Some(properties) = get_all(connection, &active, ACTIVE).await
            && path_of(&properties, "Connection").as_deref() == Some(profile)
        {
            return Some(path);
        }
    }
    None
}
