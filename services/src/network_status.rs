//! NetworkManager, read-only and compact: the overall state, internet
//! connectivity and the primary connection, for the login screen's top bar.
//!
//! The network panel (to come) follows devices and connections in detail; this
//! module only answers "am I online, and through what?".

use futures::Stream;
use zbus::Connection;
use zbus::zvariant::OwnedObjectPath;

use crate::bus::SystemBus;
use crate::error::DbusFailure;
use crate::proxies::network_manager::NetworkManagerProxy;
use crate::proxies::nm_access_point::AccessPointProxy;
use crate::proxies::nm_active_connection::ActiveProxy;
use crate::watch::{ServiceUpdate, Watched, watch};

/// The daemon's bus name.
pub const BUS_NAME: &str = "org.freedesktop.NetworkManager";

/// Everything NetworkManager exports lives below this path (the manager, active
/// connections, devices, access points), so any of their signals refreshes
/// the status.
const WATCHED: Watched = Watched {
    bus_name: BUS_NAME,
    path_namespace: "/org/freedesktop/NetworkManager",
};

/// D-Bus errors meaning "that object is gone": the primary connection can be
/// removed between reading `PrimaryConnection` and reading the connection
/// (GDBus answers `UnknownMethod` for an unknown path, sd-bus `UnknownObject`).
const GONE_ERRORS: &[&str] = &[
    "org.freedesktop.DBus.Error.UnknownObject",
    "org.freedesktop.DBus.Error.UnknownMethod",
    "org.freedesktop.DBus.Error.UnknownInterface",
];

/// NetworkManager's overall state (`NMState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NetworkState {
    /// State not known (0, or a code this client does not know).
    Unknown,
    /// Networking is disabled (10).
    Asleep,
    /// No active connection (20).
    Disconnected,
    /// Connections are being taken down (30).
    Disconnecting,
    /// A connection is being brought up (40).
    Connecting,
    /// Connected, but only to the local host (50).
    ConnectedLocal,
    /// Connected to a network, but with no route to the internet (60).
    ConnectedSite,
    /// Connected with a route to the internet (70).
    ConnectedGlobal,
}

impl NetworkState {
    /// Parses NetworkManager's numeric state.
    pub fn from_code(code: u32) -> Self {
        match code {
            10 => Self::Asleep,
            20 => Self::Disconnected,
            30 => Self::Disconnecting,
            40 => Self::Connecting,
            50 => Self::ConnectedLocal,
            60 => Self::ConnectedSite,
            70 => Self::ConnectedGlobal,
            _ => Self::Unknown,
        }
    }

    /// Whether some connection is up (local, site or global).
    pub fn is_connected(self) -> bool {
        matches!(
            self,
            Self::ConnectedLocal | Self::ConnectedSite | Self::ConnectedGlobal
        )
    }
}

/// How far the network reaches, as NetworkManager's connectivity check found
/// (`NMConnectivityState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Connectivity {
    /// Not checked (yet), or checking is disabled (0, or an unknown code).
    Unknown,
    /// Not connected to any network (1).
    None,
    /// Behind a captive portal: the user must sign in on a web page (2).
    Portal,
    /// Connected, but the internet is not reachable (3).
    Limited,
    /// The internet is reachable (4).
    Full,
}

impl Connectivity {
    /// Parses NetworkManager's numeric connectivity state.
    pub fn from_code(code: u32) -> Self {
        match code {
            1 => Self::None,
            2 => Self::Portal,
            3 => Self::Limited,
            4 => Self::Full,
            _ => Self::Unknown,
        }
    }
}

/// What kind of connection the primary one is (from its `Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConnectionKind {
    /// Ethernet (`802-3-ethernet`).
    Wired,
    /// Wi-Fi (`802-11-wireless`).
    Wifi,
    /// A VPN plugin connection (`vpn`).
    Vpn,
    /// WireGuard (`wireguard`).
    WireGuard,
    /// Anything else (mobile broadband, Bluetooth, bridges, …).
    Other,
}

impl ConnectionKind {
    /// Parses NetworkManager's connection type name.
    pub fn from_type(connection_type: &str) -> Self {
        match connection_type {
            "802-3-ethernet" => Self::Wired,
            "802-11-wireless" => Self::Wifi,
            "vpn" => Self::Vpn,
            "wireguard" => Self::WireGuard,
            _ => Self::Other,
        }
    }
}

/// The connection that carries the default route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrimaryConnection {
    /// The connection's name ("Wired connection 1", a Wi-Fi network's name, …).
    pub id: String,
    /// What kind of connection it is.
    pub kind: ConnectionKind,
    /// For Wi-Fi, the access point's signal quality in percent (0–100), when
    /// NetworkManager names the access point.
    pub wifi_strength: Option<u8>,
}

/// The compact network status a top bar shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkStatus {
    /// Overall state.
    pub state: NetworkState,
    /// Internet connectivity.
    pub connectivity: Connectivity,
    /// The primary connection, when there is one.
    pub primary: Option<PrimaryConnection>,
}

/// What can go wrong talking to NetworkManager.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NetworkError {
    /// NetworkManager is not running.
    #[error("NetworkManager is not running")]
    Unavailable(DbusFailure),
    /// Any other failure.
    #[error("NetworkManager failed: {0}")]
    Failed(DbusFailure),
}

impl From<DbusFailure> for NetworkError {
    fn from(failure: DbusFailure) -> Self {
        if failure.is_absence() {
            Self::Unavailable(failure)
        } else {
            Self::Failed(failure)
        }
    }
}

impl From<zbus::Error> for NetworkError {
    fn from(error: zbus::Error) -> Self {
        Self::from(DbusFailure::from(error))
    }
}

/// Whether the path names no object (NetworkManager's "none" is `/`).
fn is_none_path(path: &OwnedObjectPath) -> bool {
    path.as_str() == "/"
}

/// Reads the primary connection at `path`; `None` when it has gone meanwhile
/// (the next signal brings the new one).
async fn primary_connection(
    connection: &Connection,
    path: OwnedObjectPath,
) -> Result<Option<PrimaryConnection>, NetworkError> {
    let read = async {
        let active = ActiveProxy::builder(connection)
            .path(path.clone())?
            .cache_properties(zbus::proxy::CacheProperties::No)
            .build()
            .await?;
        let id = active.id().await?;
        let kind = ConnectionKind::from_type(&active.type_().await?);
        let wifi_strength = match kind {
            ConnectionKind::Wifi => wifi_strength(connection, &active).await,
            _ => None,
        };
        Ok::<_, zbus::Error>(PrimaryConnection {
            id,
            kind,
            wifi_strength,
        })
    };
    match read.await {
        Ok(primary) => Ok(Some(primary)),
        Err(error) => {
            let failure = DbusFailure::from(error);
            if failure
                .error_name()
                .is_some_and(|name| GONE_ERRORS.contains(&name))
            {
                tracing::debug!(path = path.as_str(), %failure, "primary connection gone");
                Ok(None)
            } else {
                Err(NetworkError::from(failure))
            }
        }
    }
}

/// The access point's strength; a nicety, so any failure just means "unknown".
async fn wifi_strength(connection: &Connection, active: &ActiveProxy<'_>) -> Option<u8> {
    let read = async {
        let access_point = active.specific_object().await?;
        if is_none_path(&access_point) {
            return Ok(None);
        }
        let proxy = AccessPointProxy::builder(connection)
            .path(access_point)?
            .cache_properties(zbus::proxy::CacheProperties::No)
            .build()
            .await?;
        Ok::<_, zbus::Error>(Some(proxy.strength().await?.min(100)))
    };
    read.await.unwrap_or_else(|error| {
        tracing::debug!(%error, "no Wi-Fi strength");
        None
    })
}

/// Reads NetworkManager's current status.
pub async fn snapshot(connection: Connection) -> Result<NetworkStatus, NetworkError> {
    let manager = NetworkManagerProxy::builder(&connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?;
    let state = NetworkState::from_code(manager.state().await?);
    let connectivity = Connectivity::from_code(manager.connectivity().await?);
    let path = manager.primary_connection().await?;
    let primary = if is_none_path(&path) {
        None
    } else {
        primary_connection(&connection, path).await?
    };
    Ok(NetworkStatus {
        state,
        connectivity,
        primary,
    })
}

/// Reads NetworkManager's current status on `bus`.
pub async fn status(bus: &SystemBus) -> Result<NetworkStatus, NetworkError> {
    snapshot(bus.connection().await?).await
}

/// Follows NetworkManager: the status now and after every change (state,
/// connectivity, connections coming and going, signal strength), and the
/// daemon's disappearance and return.
pub fn watch_status(
    bus: SystemBus,
) -> impl Stream<Item = ServiceUpdate<NetworkStatus, NetworkError>> + Send {
    watch(bus, WATCHED, snapshot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_parse() {
        assert_eq!(NetworkState::from_code(70), NetworkState::ConnectedGlobal);
        assert_eq!(NetworkState::from_code(60), NetworkState::ConnectedSite);
        assert_eq!(NetworkState::from_code(50), NetworkState::ConnectedLocal);
        assert_eq!(NetworkState::from_code(40), NetworkState::Connecting);
        assert_eq!(NetworkState::from_code(30), NetworkState::Disconnecting);
        assert_eq!(NetworkState::from_code(20), NetworkState::Disconnected);
        assert_eq!(NetworkState::from_code(10), NetworkState::Asleep);
        assert_eq!(NetworkState::from_code(0), NetworkState::Unknown);
        assert_eq!(NetworkState::from_code(55), NetworkState::Unknown);
    }

    #[test]
    fn only_connected_states_are_connected() {
        assert!(NetworkState::ConnectedGlobal.is_connected());
        assert!(NetworkState::ConnectedLocal.is_connected());
        assert!(!NetworkState::Connecting.is_connected());
        assert!(!NetworkState::Asleep.is_connected());
    }

    #[test]
    fn connectivity_parses() {
        assert_eq!(Connectivity::from_code(0), Connectivity::Unknown);
        assert_eq!(Connectivity::from_code(1), Connectivity::None);
        assert_eq!(Connectivity::from_code(2), Connectivity::Portal);
        assert_eq!(Connectivity::from_code(3), Connectivity::Limited);
        assert_eq!(Connectivity::from_code(4), Connectivity::Full);
        assert_eq!(Connectivity::from_code(9), Connectivity::Unknown);
    }

    #[test]
    fn connection_types_parse() {
        assert_eq!(
            ConnectionKind::from_type("802-3-ethernet"),
            ConnectionKind::Wired
        );
        assert_eq!(
            ConnectionKind::from_type("802-11-wireless"),
            ConnectionKind::Wifi
        );
        assert_eq!(ConnectionKind::from_type("vpn"), ConnectionKind::Vpn);
        assert_eq!(
            ConnectionKind::from_type("wireguard"),
            ConnectionKind::WireGuard
        );
        assert_eq!(ConnectionKind::from_type("gsm"), ConnectionKind::Other);
    }

    #[test]
    fn failures_map_to_typed_errors() {
        let missing = DbusFailure::from(zbus::fdo::Error::NameHasNoOwner("gone".into()));
        assert!(matches!(
            NetworkError::from(missing),
            NetworkError::Unavailable(_)
        ));
        let denied = DbusFailure::from(zbus::fdo::Error::AccessDenied("no".into()));
        assert!(matches!(
            NetworkError::from(denied),
            NetworkError::Failed(_)
        ));
    }
}
