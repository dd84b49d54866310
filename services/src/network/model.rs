//! What the network panel shows: NetworkManager's devices, access points, saved
//! connections and radio switches, as plain data.

use std::fmt;
use std::net::IpAddr;

/// D-Bus's "no object" path: NetworkManager takes it for "none" or "pick one yourself"
/// (no specific device, access point or object), and reports it for "none".
pub const NO_OBJECT: &str = "/";

macro_rules! object_path {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(String);

        impl $name {
            /// The path as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(path: &str) -> Self {
                Self(path.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(path: String) -> Self {
                Self(path)
            }
        }

        impl From<$name> for String {
            fn from(path: $name) -> Self {
                path.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

object_path!(
    /// The object path of a NetworkManager device (`/org/freedesktop/NetworkManager/Devices/…`).
    DevicePath
);
object_path!(
    /// The object path of a saved connection profile
    /// (`/org/freedesktop/NetworkManager/Settings/…`).
    ProfilePath
);
object_path!(
    /// The object path of an active connection
    /// (`/org/freedesktop/NetworkManager/ActiveConnection/…`).
    ActivePath
);
object_path!(
    /// The object path of a Wi-Fi access point
    /// (`/org/freedesktop/NetworkManager/AccessPoint/…`).
    AccessPointPath
);

/// NetworkManager's kind of device (`NMDeviceType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DeviceKind {
    /// Ethernet (1) and veth (20).
    Ethernet,
    /// Wi-Fi (2).
    Wifi,
    /// WireGuard (29).
    WireGuard,
    /// Any other VPN tunnel or virtual device (tun 16, …).
    Tunnel,
    /// The loopback interface (32); never shown.
    Loopback,
    /// Everything else (bridges, bonds, modems, …).
    Other,
}

impl DeviceKind {
    /// Parses NetworkManager's numeric device type.
    pub fn from_code(code: u32) -> Self {
        match code {
            1 | 20 => Self::Ethernet,
            2 => Self::Wifi,
            29 => Self::WireGuard,
            16 => Self::Tunnel,
            32 => Self::Loopback,
            _ => Self::Other,
        }
    }
}

/// A device's state (`NMDeviceState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeviceState {
    /// Unknown (0) or a code this client does not know.
    Unknown,
    /// Not managed by NetworkManager (10).
    Unmanaged,
    /// Managed but not usable: no firmware, radio off, … (20).
    Unavailable,
    /// Usable, not connected (30).
    Disconnected,
    /// Bringing up a connection: preparing, configuring, waiting for secrets,
    /// getting addresses, checking (40–80).
    Connecting,
    /// Connected (100).
    Activated,
    /// Taking the connection down (110).
    Deactivating,
    /// The last connection attempt failed (120).
    Failed,
}

impl DeviceState {
    /// Parses NetworkManager's numeric device state.
    pub fn from_code(code: u32) -> Self {
        match code {
            10 => Self::Unmanaged,
            20 => Self::Unavailable,
            30 => Self::Disconnected,
            40..=90 => Self::Connecting,
            100 => Self::Activated,
            110 => Self::Deactivating,
            120 => Self::Failed,
            _ => Self::Unknown,
        }
    }

    /// Whether NetworkManager is waiting for a password (`need-auth`, 60).
    pub fn code_needs_secrets(code: u32) -> bool {
        code == 60
    }
}

/// Why a device last changed state (`NMDeviceStateReason`), for the reasons a
/// person can act on; the rest keep their number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StateReason {
    /// No reason given (0, 1) or a normal change.
    None,
    /// No password, or the saved one was refused (7, NO_SECRETS).
    NoSecrets,
    /// The Wi-Fi authenticator dropped the connection: typically a wrong password (8).
    SupplicantDisconnect,
    /// The Wi-Fi settings were refused by the authenticator (9).
    SupplicantConfigFailed,
    /// The Wi-Fi authenticator failed (10).
    SupplicantFailed,
    /// The Wi-Fi authenticator took too long: often a wrong password (11).
    SupplicantTimeout,
    /// No address could be configured (5).
    IpConfigUnavailable,
    /// The DHCP client could not start, failed, or no DHCP server answered (15–17).
    Dhcp,
    /// The cable is unplugged (40).
    CableUnplugged,
    /// The user asked for it (39).
    UserRequested,
    /// The connection was deleted (38).
    ConnectionRemoved,
    /// The Wi-Fi network is out of range (53).
    NetworkNotFound,
    /// A connection this one needs failed (50, 61).
    DependencyFailed,
    /// A VPN's service stopped, timed out or could not reach its server (the active
    /// connection's reasons 4–8).
    VpnFailed,
    /// Another reason, by number.
    Other(u32),
}

impl StateReason {
    /// Parses NetworkManager's numeric device state reason.
    pub fn from_code(code: u32) -> Self {
        match code {
            0 | 1 => Self::None,
            7 => Self::NoSecrets,
            8 => Self::SupplicantDisconnect,
            9 => Self::SupplicantConfigFailed,
            10 => Self::SupplicantFailed,
            11 => Self::SupplicantTimeout,
            5 => Self::IpConfigUnavailable,
            15..=17 => Self::Dhcp,
            38 => Self::ConnectionRemoved,
            39 => Self::UserRequested,
            40 => Self::CableUnplugged,
            50 | 61 => Self::DependencyFailed,
            53 => Self::NetworkNotFound,
            other => Self::Other(other),
        }
    }

    /// Whether the reason points at the password.
    pub fn is_wrong_password(self) -> bool {
        matches!(
            self,
            Self::NoSecrets | Self::SupplicantDisconnect | Self::SupplicantTimeout
        )
    }
}

/// A Wi-Fi network name: raw bytes, not necessarily UTF-8.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Ssid(pub Vec<u8>);

impl Ssid {
    /// The name for people: UTF-8 as is; other bytes as U+FFFD, as most
    /// desktops show them.
    pub fn display(&self) -> String {
        String::from_utf8_lossy(&self.0).into_owned()
    }

    /// Whether the name is valid UTF-8.
    pub fn is_utf8(&self) -> bool {
        std::str::from_utf8(&self.0).is_ok()
    }
}

impl fmt::Debug for Ssid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Ssid({:?})", self.display())
    }
}

impl From<&str> for Ssid {
    fn from(name: &str) -> Self {
        Self(name.as_bytes().to_vec())
    }
}

/// How a Wi-Fi network is protected, as its access point advertises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Security {
    /// No password, no encryption.
    Open,
    /// Enhanced Open (OWE): encrypted, no password.
    EnhancedOpen,
    /// Legacy WEP.
    Wep,
    /// WPA/WPA2 Personal (a shared password).
    WpaPersonal,
    /// WPA3 Personal (SAE).
    Wpa3Personal,
    /// WPA Enterprise (802.1X, e.g. eduroam).
    Enterprise,
}

/// `NM80211ApFlags` privacy bit.
const AP_PRIVACY: u32 = 0x1;
/// `NM80211ApSecurityFlags`.
const KEY_MGMT_PSK: u32 = 0x100;
const KEY_MGMT_8021X: u32 = 0x200;
const KEY_MGMT_SAE: u32 = 0x400;
const KEY_MGMT_OWE: u32 = 0x800;

impl Security {
    /// Works out the security from an access point's flags.
    pub fn from_flags(flags: u32, wpa_flags: u32, rsn_flags: u32) -> Self {
        let both = wpa_flags | rsn_flags;
        if both & KEY_MGMT_8021X != 0 {
            Self::Enterprise
        } else if rsn_flags & KEY_MGMT_SAE != 0 && rsn_flags & KEY_MGMT_PSK == 0 {
            Self::Wpa3Personal
        } else if both & KEY_MGMT_PSK != 0 {
            Self::WpaPersonal
        } else if rsn_flags & KEY_MGMT_OWE != 0 {
            Self::EnhancedOpen
        } else if flags & AP_PRIVACY != 0 {
            Self::Wep
        } else {
            Self::Open
        }
    }

    /// Whether joining asks for a password.
    pub fn needs_password(self) -> bool {
        matches!(self, Self::Wep | Self::WpaPersonal | Self::Wpa3Personal)
    }
}

/// One Wi-Fi network in range (the strongest access point of its name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessPoint {
    /// NetworkManager's object path of the access point.
    pub path: AccessPointPath,
    /// The network's name.
    pub ssid: Ssid,
    /// Signal quality in percent.
    pub strength: u8,
    /// How it is protected.
    pub security: Security,
    /// Channel frequency in MHz.
    pub frequency_mhz: u32,
    /// A saved connection for this name exists.
    pub known: bool,
    /// The device is connected to it.
    pub active: bool,
}

/// An address with its prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IpNetwork {
    /// The address.
    pub address: IpAddr,
    /// The prefix length.
    pub prefix: u8,
}

impl fmt::Display for IpNetwork {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.address, self.prefix)
    }
}

/// The addresses a device has now.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IpDetails {
    /// IPv4 addresses.
    pub ipv4: Vec<IpNetwork>,
    /// IPv4 default gateway.
    pub ipv4_gateway: Option<IpAddr>,
    /// IPv6 addresses (link-local ones last).
    pub ipv6: Vec<IpNetwork>,
    /// IPv6 default gateway.
    pub ipv6_gateway: Option<IpAddr>,
    /// DNS servers, IPv4 then IPv6.
    pub dns: Vec<IpAddr>,
    /// The DHCP lease time in seconds, when the address came from DHCP.
    pub dhcp_lease_seconds: Option<u32>,
}

/// A device and what it is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    /// NetworkManager's object path.
    pub path: DevicePath,
    /// Kernel interface name.
    pub interface: String,
    /// What kind of device.
    pub kind: DeviceKind,
    /// Its state.
    pub state: DeviceState,
    /// NetworkManager's state number (finer than [`DeviceState`]).
    pub state_code: u32,
    /// Why it last changed state.
    pub reason: StateReason,
    /// Hardware (MAC) address.
    pub hw_address: String,
    /// Link speed in Mb/s (wired) or bit rate in Mb/s (Wi-Fi), when known.
    pub speed_mbps: Option<u32>,
    /// Whether a cable is plugged in (wired only).
    pub carrier: Option<bool>,
    /// The connection active on it.
    pub active: Option<ActiveConnection>,
    /// Its addresses.
    pub ip: IpDetails,
    /// Wi-Fi networks in range, strongest first (Wi-Fi only).
    pub networks: Vec<AccessPoint>,
}

/// The state of an active connection (`NMActiveConnectionState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActiveState {
    /// Unknown (0).
    Unknown,
    /// Coming up (1).
    Activating,
    /// Up (2).
    Activated,
    /// Going down (3).
    Deactivating,
    /// Down (4).
    Deactivated,
}

impl ActiveState {
    /// Parses NetworkManager's numeric active-connection state.
    pub fn from_code(code: u32) -> Self {
        match code {
            1 => Self::Activating,
            2 => Self::Activated,
            3 => Self::Deactivating,
            4 => Self::Deactivated,
            _ => Self::Unknown,
        }
    }
}

/// A connection that is up (or coming up).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveConnection {
    /// Object path of the active connection.
    pub path: ActivePath,
    /// Object path of its saved profile (empty when NetworkManager names none).
    pub profile: ProfilePath,
    /// Its name.
    pub id: String,
    /// Its UUID.
    pub uuid: String,
    /// Its state.
    pub state: ActiveState,
}

/// The kind of a saved connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ConnectionType {
    /// `802-3-ethernet`.
    Wired,
    /// `802-11-wireless`.
    Wifi,
    /// `wireguard`.
    WireGuard,
    /// `vpn` (a NetworkManager VPN plugin such as OpenVPN).
    Vpn,
    /// Anything else.
    Other,
}

impl ConnectionType {
    /// Parses NetworkManager's connection type name.
    pub fn from_name(name: &str) -> Self {
        match name {
            "802-3-ethernet" => Self::Wired,
            "802-11-wireless" => Self::Wifi,
            "wireguard" => Self::WireGuard,
            "vpn" => Self::Vpn,
            _ => Self::Other,
        }
    }

    /// Whether the panel lists it under VPN.
    pub fn is_vpn(self) -> bool {
        matches!(self, Self::WireGuard | Self::Vpn)
    }
}

/// How an IP family gets its addresses (`ipv4.method` / `ipv6.method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IpMethod {
    /// DHCP / router advertisements (`auto`).
    Automatic,
    /// Fixed addresses (`manual`).
    Manual,
    /// Link-local only (`link-local`).
    LinkLocal,
    /// Off (`disabled`, or IPv6 `ignore`).
    Disabled,
    /// Shared to other computers (`shared`).
    Shared,
}

impl IpMethod {
    /// Parses NetworkManager's method name.
    pub fn from_name(name: &str) -> Self {
        match name {
            "manual" => Self::Manual,
            "link-local" => Self::LinkLocal,
            "disabled" | "ignore" => Self::Disabled,
            "shared" => Self::Shared,
            _ => Self::Automatic,
        }
    }
}

/// Whether traffic on a connection costs money (`connection.metered`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metered {
    /// Let NetworkManager guess (0).
    Automatic,
    /// Yes (1).
    Yes,
    /// No (2).
    No,
}

impl Metered {
    /// Parses NetworkManager's number.
    pub fn from_code(code: i32) -> Self {
        match code {
            1 => Self::Yes,
            2 => Self::No,
            _ => Self::Automatic,
        }
    }

    /// NetworkManager's number.
    pub fn code(self) -> i32 {
        match self {
            Self::Automatic => 0,
            Self::Yes => 1,
            Self::No => 2,
        }
    }
}

/// A saved connection profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedConnection {
    /// Object path of the profile.
    pub path: ProfilePath,
    /// Its name.
    pub id: String,
    /// Its UUID.
    pub uuid: String,
    /// Its kind.
    pub kind: ConnectionType,
    /// Whether NetworkManager connects it by itself.
    pub autoconnect: bool,
    /// For Wi-Fi, the network's name.
    pub ssid: Option<Ssid>,
    /// The interface it is bound to, if any.
    pub interface: Option<String>,
    /// How IPv4 is configured.
    pub ipv4_method: IpMethod,
    /// Metered.
    pub metered: Metered,
    /// MTU (0 = automatic), wired only.
    pub mtu: u32,
    /// A Wi-Fi access point this machine offers (`802-11-wireless.mode` "ap").
    pub hotspot: bool,
}

/// Everything the network panel shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// Networking as a whole is on.
    pub networking_enabled: bool,
    /// The Wi-Fi radio switch (software).
    pub wireless_enabled: bool,
    /// The Wi-Fi radio's hardware switch (a key or slider on the machine).
    pub wireless_hardware_enabled: bool,
    /// The mobile broadband radio switch.
    pub wwan_enabled: bool,
    /// Internet reachability.
    pub connectivity: crate::network_status::Connectivity,
    /// The address NetworkManager checks connectivity against (the portal
    /// sign-in page opens there).
    pub connectivity_check_uri: Option<String>,
    /// Devices (loopback and unmanaged devices left out), wired first.
    pub devices: Vec<Device>,
    /// Saved connections.
    pub connections: Vec<SavedConnection>,
    /// Active connections that belong to no device shown (VPNs).
    pub active: Vec<ActiveConnection>,
}

impl Overview {
    /// Airplane mode: every radio is off.
    pub fn airplane_mode(&self) -> bool {
        !self.wireless_enabled && !self.wwan_enabled
    }

    /// The device at `path`.
    pub fn device(&self, path: &str) -> Option<&Device> {
        self.devices.iter().find(|device| device.path == path)
    }

    /// The saved connection at `path`.
    pub fn connection(&self, path: &str) -> Option<&SavedConnection> {
        self.connections.iter().find(|c| c.path == path)
    }

    /// The saved Wi-Fi connection for a network name.
    pub fn wifi_connection(&self, ssid: &Ssid) -> Option<&SavedConnection> {
        self.connections
            .iter()
            .find(|c| c.kind == ConnectionType::Wifi && c.ssid.as_ref() == Some(ssid))
    }

    /// The active connection of a saved profile.
    pub fn active_of(&self, profile: &str) -> Option<&ActiveConnection> {
        self.devices
            .iter()
            .filter_map(|device| device.active.as_ref())
            .chain(self.active.iter())
            .find(|active| active.profile == profile)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn security_from_flags() {
        assert_eq!(Security::from_flags(0, 0, 0), Security::Open);
        assert_eq!(Security::from_flags(1, 0, 0), Security::Wep);
        assert_eq!(Security::from_flags(1, 0x188, 0x188), Security::WpaPersonal);
        assert_eq!(Security::from_flags(1, 0, 0x400), Security::Wpa3Personal);
        // WPA2/WPA3 transition mode joins with a PSK.
        assert_eq!(Security::from_flags(1, 0, 0x500), Security::WpaPersonal);
        assert_eq!(Security::from_flags(1, 0, 0x200), Security::Enterprise);
        assert_eq!(Security::from_flags(0, 0, 0x800), Security::EnhancedOpen);
    }

    #[test]
    fn ssid_display_keeps_what_it_can() {
        assert_eq!(Ssid::from("Café ☕").display(), "Café ☕");
        let latin1 = Ssid(b"Caf\xe9".to_vec());
        assert!(!latin1.is_utf8());
        assert_eq!(latin1.display(), "Caf\u{FFFD}");
    }

    #[test]
    fn reasons_parse() {
        assert!(StateReason::from_code(7).is_wrong_password());
        assert!(StateReason::from_code(8).is_wrong_password());
        assert_eq!(StateReason::from_code(16), StateReason::Dhcp);
        assert_eq!(StateReason::from_code(999), StateReason::Other(999));
        assert_eq!(DeviceState::from_code(60), DeviceState::Connecting);
        assert_eq!(DeviceKind::from_code(20), DeviceKind::Ethernet);
    }
}
