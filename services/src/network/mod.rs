//! NetworkManager in full, for the network panel: devices with their state,
//! addresses, speed and signal; Wi-Fi networks in range; saved connections
//! (wired, Wi-Fi, WireGuard and VPN plugins); radio switches; and the commands
//! that change them. Live updates come from NetworkManager's signals; the
//! daemon's disappearance and return are normal states.

mod agent;
mod commands;
mod hotspot;
mod ip_config;
mod model;
mod openvpn;
mod read;
mod settings;
mod vpn_files;
mod wifi;
mod wireguard;

use futures::Stream;

use crate::bus::SystemBus;
use crate::network_status::{BUS_NAME, NetworkError};
use crate::watch::{ServiceUpdate, Watched, watch};

pub use agent::{AgentEvent, SecretKind, SecretRequest, run_agent};
pub use commands::{
    NetworkCommandError, ProfileForm, activate, activate_device, activate_profile, apply_config,
    check_connectivity, connect_wifi, deactivate, disconnect_device, forget, import_openvpn,
    import_vpn_file, import_wireguard, open_sign_in_page, profile_form, profile_settings,
    request_scan, set_airplane_mode, set_autoconnect, set_wifi_enabled, start_hotspot, vpn_key_dir,
};
pub use hotspot::{
    MAX_SSID_BYTES, NameError as HotspotNameError, check_name as check_hotspot_name,
    generate_password as generate_hotspot_password, qr_text,
};
pub use ip_config::{
    ConnectionConfig, Family, IpConfig, IpForm, IpFormError, MethodChoice, parse_dns, parse_mtu,
};
pub use model::{
    AccessPoint, AccessPointPath, ActiveConnection, ActivePath, ActiveState, ConnectionType,
    Device, DeviceKind, DevicePath, DeviceState, IpDetails, IpMethod, IpNetwork, Metered,
    NO_OBJECT, Overview, ProfilePath, SavedConnection, Security, Ssid, StateReason,
};
pub use openvpn::{OpenVpnConfig, OpenVpnError, Pem, plugin_installed as openvpn_plugin_installed};
pub use read::snapshot;
pub use settings::Settings;
pub use vpn_files::{KeyDir, MAX_FILE_BYTES as MAX_VPN_FILE_BYTES, VpnFileError, key_dir_from};
pub use wifi::{Credentials, EapMethod, Enterprise, InnerAuth, PasswordError, WifiPassword};
pub use wireguard::{Key, Peer, WireGuardConfig, WireGuardError, interface_name};

/// Everything NetworkManager exports lives below this path.
const WATCHED: Watched = Watched {
    bus_name: BUS_NAME,
    path_namespace: "/org/freedesktop/NetworkManager",
};

/// Reads the whole picture once.
pub async fn overview(bus: &SystemBus) -> Result<Overview, NetworkError> {
    snapshot(bus.connection().await?).await
}

/// Follows NetworkManager: the picture now and after every change, and the daemon's
/// disappearance and return.
pub fn watch_network(
    bus: SystemBus,
) -> impl Stream<Item = ServiceUpdate<Overview, NetworkError>> + Send {
    watch(bus, WATCHED, snapshot)
}
