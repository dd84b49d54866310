//! What the network panel asks NetworkManager to do. Every command goes to the
//! daemon, which checks polkit; none needs privileges of its own.

use std::collections::HashMap;
use std::time::Duration;

use futures::StreamExt;
use zbus::zvariant::{ObjectPath, OwnedObjectPath, Value};
use zbus::{Connection, MatchRule, MessageStream};

use super::ip_config::{self, ConnectionConfig, Family, IpForm};
use super::model::{ActiveState, NO_OBJECT, Security, Ssid, StateReason};
use super::openvpn::{self, OpenVpnConfig, OpenVpnError};
use super::read;
use super::settings::{self, Settings};
use super::vpn_files::{self, KeyDir, VpnFileError};
use super::wifi::{self, Credentials, WifiPassword};
use super::wireguard::{WireGuardConfig, WireGuardError};
use crate::bus::SystemBus;
use crate::error::{DbusFailure, FailureKind};
use crate::proxies::network_manager::NetworkManagerProxy;
use crate::proxies::nm_device::DeviceProxy;
use crate::proxies::nm_device_wireless::WirelessProxy;
use crate::proxies::nm_settings::SettingsProxy;
use crate::proxies::nm_settings_connection::ConnectionProxy as ProfileProxy;

/// `Update2` flag: save the profile to disk.
const UPDATE_TO_DISK: u32 = 0x1;
/// How long a connection may take to come up (NetworkManager's own DHCP timeout is 45 s).
const ACTIVATION_TIMEOUT: Duration = Duration::from_secs(90);
/// `NMActiveConnectionStateReason` 3: the device went down; its own reason says why.
const ACTIVE_REASON_DEVICE_DISCONNECTED: u32 = 3;
/// `NMActiveConnectionStateReason` 9: no secrets.
const ACTIVE_REASON_NO_SECRETS: u32 = 9;
/// `NMActiveConnectionStateReason` 10: a VPN login failed.
const ACTIVE_REASON_LOGIN_FAILED: u32 = 10;

/// What can go wrong asking NetworkManager to do something.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NetworkCommandError {
    /// NetworkManager is not running.
    #[error("NetworkManager is not running")]
    Unavailable(DbusFailure),
    /// polkit refused.
    #[error("not allowed: {0}")]
    NotAuthorized(DbusFailure),
    /// NetworkManager refused the settings.
    #[error("NetworkManager refused the settings: {0}")]
    Rejected(DbusFailure),
    /// The connection did not come up; the device's reason says why.
    #[error("the connection failed ({0:?})")]
    ActivationFailed(StateReason),
    /// The connection took too long to come up.
    #[error("the connection did not come up in time")]
    Timeout,
    /// A WireGuard file is malformed; nothing was created.
    #[error("the WireGuard file is not valid: {0}")]
    InvalidWireGuard(WireGuardError),
    /// An OpenVPN file is malformed; nothing was created.
    #[error("the OpenVPN file is not valid: {0}")]
    InvalidOpenVpn(OpenVpnError),
    /// NetworkManager's OpenVPN plugin is not installed.
    #[error("NetworkManager's OpenVPN plugin is not installed")]
    PluginMissing,
    /// The file could not be read.
    #[error("the file could not be read: {0}")]
    Unreadable(String),
    /// A VPN file, or a certificate or key it names, could not be read or kept privately
    /// (no home folder, an unsafe key folder, not a regular file, too large); nothing was
    /// created.
    #[error("the VPN's files: {0}")]
    VpnFile(VpnFileError),
    /// No web browser could open the sign-in page.
    #[error("no web browser could open the page: {0}")]
    NoBrowser(String),
    /// Anything else.
    #[error("NetworkManager failed: {0}")]
    Failed(DbusFailure),
}

impl From<DbusFailure> for NetworkCommandError {
    fn from(failure: DbusFailure) -> Self {
        let rejected = failure.error_name().is_some_and(|name| {
            name.starts_with("org.freedesktop.NetworkManager.Settings.")
                && !name.ends_with("PermissionDenied")
                || name == "org.freedesktop.NetworkManager.Device.IncompatibleConnection"
        });
        match failure.kind() {
            _ if failure.is_absence() => Self::Unavailable(failure),
            FailureKind::AccessDenied => Self::NotAuthorized(failure),
            FailureKind::InvalidArgument => Self::Rejected(failure),
            _ if rejected => Self::Rejected(failure),
            _ => Self::Failed(failure),
        }
    }
}

impl From<zbus::Error> for NetworkCommandError {
    fn from(error: zbus::Error) -> Self {
        Self::from(DbusFailure::from(error))
    }
}

fn object_path(path: &str) -> Result<ObjectPath<'_>, NetworkCommandError> {
    ObjectPath::try_from(path).map_err(|error| {
        NetworkCommandError::Failed(DbusFailure::new(
            FailureKind::InvalidArgument,
            error.to_string(),
        ))
    })
}

async fn manager(
    connection: &Connection,
) -> Result<NetworkManagerProxy<'static>, NetworkCommandError> {
    Ok(NetworkManagerProxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?)
}

async fn profile_proxy<'a>(
    connection: &Connection,
    path: &'a str,
) -> Result<ProfileProxy<'a>, NetworkCommandError> {
    Ok(ProfileProxy::builder(connection)
        .path(object_path(path)?)?
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?)
}

async fn device_proxy<'a>(
    connection: &Connection,
    path: &'a str,
) -> Result<DeviceProxy<'a>, NetworkCommandError> {
    Ok(DeviceProxy::builder(connection)
        .path(object_path(path)?)?
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?)
}

/// Saves a profile's new settings to disk. Secrets not in `settings` are kept.
async fn save(profile: &ProfileProxy<'_>, settings: &Settings) -> Result<(), NetworkCommandError> {
    match profile
        .update2(settings::borrowed(settings), UPDATE_TO_DISK, HashMap::new())
        .await
    {
        Ok(_) => Ok(()),
        Err(error) => {
            let failure = DbusFailure::from(error);
            // Daemons before 1.12 (and the test template) only have `Update`.
            if failure.error_name() == Some("org.freedesktop.DBus.Error.UnknownMethod") {
                Ok(profile.update(settings::borrowed(settings)).await?)
            } else {
                Err(failure.into())
            }
        }
    }
}

/// A saved profile's settings (without secrets).
pub async fn profile_settings(
    bus: &SystemBus,
    profile: &str,
) -> Result<Settings, NetworkCommandError> {
    let connection = bus.connection().await?;
    Ok(profile_proxy(&connection, profile)
        .await?
        .get_settings()
        .await?)
}

/// The form fields of a saved profile.
pub async fn profile_form(
    bus: &SystemBus,
    profile: &str,
) -> Result<ProfileForm, NetworkCommandError> {
    let settings = profile_settings(bus, profile).await?;
    Ok(ProfileForm {
        ipv4: ip_config::form_of(&settings, Family::V4),
        ipv6: ip_config::form_of(&settings, Family::V6),
        dns: ip_config::dns_of(&settings),
        dot: ip_config::dot_of(&settings),
    })
}

/// What a saved profile's settings page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileForm {
    /// IPv4.
    pub ipv4: IpForm,
    /// IPv6.
    pub ipv6: IpForm,
    /// DNS servers, one line.
    pub dns: String,
    /// The profile's own DNS-over-TLS mode (`None`: the system's).
    pub dot: Option<crate::dns::DotMode>,
}

/// Waits until the active connection at `active` is up, or says why it is not.
async fn await_activation(
    connection: &Connection,
    active: &str,
    device: Option<&str>,
) -> Result<(), NetworkCommandError> {
    let rule = MatchRule::builder()
        .msg_type(zbus::message::Type::Signal)
        .path(object_path(active)?)?
        .build();
    let mut signals = MessageStream::for_match_rule(rule, connection, Some(64)).await?;
    let outcome = async {
        let mut reason = None;
        loop {
            let state = match read::active_state(connection, active).await {
                Some(state) => state,
                // Gone: NetworkManager removes failed active connections.
                None => ActiveState::Deactivated,
            };
            match state {
                ActiveState::Activated => return Ok(()),
                ActiveState::Deactivated => {
                    return Err(failure_reason(connection, reason, device).await);
                }
                _ => {}
            }
            let Some(Ok(message)) = signals.next().await else {
                return Err(failure_reason(connection, reason, device).await);
            };
            let header = message.header();
            if header
                .member()
                .is_some_and(|member| member.as_str() == "StateChanged")
                && let Ok((_, why)) = message.body().deserialize::<(u32, u32)>()
            {
                reason = Some(why);
            }
        }
    };
    tokio::time::timeout(ACTIVATION_TIMEOUT, outcome)
        .await
        .unwrap_or(Err(NetworkCommandError::Timeout))
}

async fn failure_reason(
    connection: &Connection,
    active_reason: Option<u32>,
    device: Option<&str>,
) -> NetworkCommandError {
    let from_device = match device {
        Some(device) => read::device_reason(connection, device).await,
        None => None,
    };
    let reason = match (active_reason, from_device) {
        (_, Some(reason)) if reason != StateReason::None => reason,
        (Some(ACTIVE_REASON_NO_SECRETS | ACTIVE_REASON_LOGIN_FAILED), _) => StateReason::NoSecrets,
        (Some(ACTIVE_REASON_DEVICE_DISCONNECTED) | None, _) => StateReason::None,
        // Service stopped, IP configuration invalid, connect or start timeout, start failed.
        (Some(4..=8), _) => StateReason::VpnFailed,
        (Some(other), _) => StateReason::Other(other),
    };
    NetworkCommandError::ActivationFailed(reason)
}

/// Brings up a saved profile (on `device`, or wherever NetworkManager picks) and waits
/// until it is up.
pub async fn activate(
    bus: &SystemBus,
    profile: &str,
    device: Option<&str>,
) -> Result<(), NetworkCommandError> {
    let connection = bus.connection().await?;
    let active = manager(&connection)
        .await?
        .activate_connection(
            &object_path(profile)?,
            &object_path(device.unwrap_or(NO_OBJECT))?,
            &ObjectPath::from_static_str_unchecked(NO_OBJECT),
        )
        .await?;
    await_activation(&connection, active.as_str(), device).await
}

/// Brings a device up with the best saved profile NetworkManager has for it, and waits
/// until it is up.
pub async fn activate_device(bus: &SystemBus, device: &str) -> Result<(), NetworkCommandError> {
    activate_profile(bus, None, Some(device)).await
}

/// Brings up a saved profile (`None`: the best one for `device`) on `device` (`None`:
/// wherever NetworkManager picks) and waits until it is up.
pub async fn activate_profile(
    bus: &SystemBus,
    profile: Option<&str>,
    device: Option<&str>,
) -> Result<(), NetworkCommandError> {
    activate(bus, profile.unwrap_or(NO_OBJECT), device).await
}

/// Takes an active connection down (a VPN, or a connection on a device).
pub async fn deactivate(bus: &SystemBus, active: &str) -> Result<(), NetworkCommandError> {
    let connection = bus.connection().await?;
    Ok(manager(&connection)
        .await?
        .deactivate_connection(&object_path(active)?)
        .await?)
}

/// Disconnects a device (it stays down until asked to connect).
pub async fn disconnect_device(bus: &SystemBus, device: &str) -> Result<(), NetworkCommandError> {
    let connection = bus.connection().await?;
    Ok(device_proxy(&connection, device)
        .await?
        .disconnect()
        .await?)
}

/// Joins a Wi-Fi network and waits until the connection is up. A saved profile for the
/// name is used (with the new password, when one is given); otherwise a profile is
/// created. `access_point` is `None` for a hidden network.
pub async fn connect_wifi(
    bus: &SystemBus,
    device: &str,
    access_point: Option<&str>,
    ssid: &Ssid,
    security: Security,
    credentials: &Credentials,
    hidden: bool,
) -> Result<(), NetworkCommandError> {
    let connection = bus.connection().await?;
    let overview = read::snapshot(connection.clone())
        .await
        .map_err(|error| match error {
            crate::network_status::NetworkError::Unavailable(failure)
            | crate::network_status::NetworkError::Failed(failure) => {
                NetworkCommandError::from(failure)
            }
        })?;
    let manager = manager(&connection).await?;
    let specific = object_path(access_point.unwrap_or(NO_OBJECT))?;
    let fresh = wifi::profile(ssid, security, credentials, hidden);
    let active: OwnedObjectPath = match overview.wifi_connection(ssid) {
        Some(saved) => {
            if *credentials != Credentials::None {
                let profile = profile_proxy(&connection, &saved.path).await?;
                let mut settings = profile.get_settings().await?;
                for name in ["802-11-wireless-security", "802-1x"] {
                    if let Some(values) = fresh.get(name) {
                        settings.insert(name.to_owned(), values.clone());
                    }
                }
                save(&profile, &settings).await?;
            }
            manager
                .activate_connection(&object_path(&saved.path)?, &object_path(device)?, &specific)
                .await?
        }
        None => {
            let (_, active) = manager
                .add_and_activate_connection(
                    settings::borrowed(&fresh),
                    &object_path(device)?,
                    &specific,
                )
                .await?;
            active
        }
    };
    await_activation(&connection, active.as_str(), Some(device)).await
}

/// Deletes a saved profile ("Forget").
pub async fn forget(bus: &SystemBus, profile: &str) -> Result<(), NetworkCommandError> {
    let connection = bus.connection().await?;
    Ok(profile_proxy(&connection, profile).await?.delete().await?)
}

/// Turns connecting by itself on or off for a saved profile.
pub async fn set_autoconnect(
    bus: &SystemBus,
    profile: &str,
    on: bool,
) -> Result<(), NetworkCommandError> {
    let connection = bus.connection().await?;
    let proxy = profile_proxy(&connection, profile).await?;
    let mut settings = proxy.get_settings().await?;
    settings::set(&mut settings, "connection", "autoconnect", on);
    save(&proxy, &settings).await
}

/// Saves a wired or Wi-Fi profile's IP, DNS, metered and MTU settings and puts them into
/// effect on the device where the profile is active (Reapply, else activating it again).
pub async fn apply_config(
    bus: &SystemBus,
    profile: &str,
    config: &ConnectionConfig,
) -> Result<(), NetworkCommandError> {
    let connection = bus.connection().await?;
    let proxy = profile_proxy(&connection, profile).await?;
    let settings = proxy.get_settings().await?;
    let configured = config.configure(&settings);
    save(&proxy, &configured).await?;
    let Some(device) = read::device_of_profile(&connection, profile).await else {
        return Ok(());
    };
    let reapplied = async {
        device_proxy(&connection, &device)
            .await?
            .reapply(HashMap::new(), 0, 0)
            .await
            .map_err(NetworkCommandError::from)
    };
    if let Err(error) = reapplied.await {
        // Some changes (the MTU on older daemons) cannot be reapplied: bring it up again.
        tracing::info!(%error, "reapply refused; activating the connection again");
        let active = manager(&connection)
            .await?
            .activate_connection(
                &object_path(profile)?,
                &object_path(&device)?,
                &ObjectPath::from_static_str_unchecked(NO_OBJECT),
            )
            .await?;
        await_activation(&connection, active.as_str(), Some(&device)).await?;
    }
    Ok(())
}

/// Creates a WireGuard connection named `name` from a `wg-quick` file's text. A malformed
/// file creates nothing. Returns the new profile's path.
pub async fn import_wireguard(
    bus: &SystemBus,
    name: &str,
    text: &str,
) -> Result<String, NetworkCommandError> {
    let config = WireGuardConfig::parse(text).map_err(NetworkCommandError::InvalidWireGuard)?;
    let connection = bus.connection().await?;
    let settings_proxy = SettingsProxy::builder(&connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?;
    let profile = config.profile(name);
    let path = settings_proxy
        .add_connection(settings::borrowed(&profile))
        .await?;
    Ok(path.as_str().to_owned())
}

/// Creates an OpenVPN connection named `name` from an `.ovpn` file's text (read from
/// `config_dir`); its certificates and keys (inline or named by the file) are copied into
/// the private folder `key_dir`. A malformed file, a missing plugin or a file that cannot
/// be kept creates nothing. Returns the new profile's path.
pub async fn import_openvpn(
    bus: &SystemBus,
    name: &str,
    text: &str,
    key_dir: &std::path::Path,
    config_dir: &std::path::Path,
) -> Result<String, NetworkCommandError> {
    if !openvpn::plugin_installed() {
        return Err(NetworkCommandError::PluginMissing);
    }
    let config = OpenVpnConfig::parse(text).map_err(NetworkCommandError::InvalidOpenVpn)?;
    let keys = KeyDir::open(key_dir).map_err(NetworkCommandError::VpnFile)?;
    let (profile, written) = config
        .profile(name, &keys, config_dir)
        .map_err(NetworkCommandError::VpnFile)?;
    let added = async {
        let connection = bus.connection().await?;
        let settings_proxy = SettingsProxy::builder(&connection)
            .cache_properties(zbus::proxy::CacheProperties::No)
            .build()
            .await?;
        let path = settings_proxy
            .add_connection(settings::borrowed(&profile))
            .await?;
        Ok::<_, NetworkCommandError>(path.as_str().to_owned())
    };
    added.await.inspect_err(|_| keys.remove(&written))
}

/// Where imported VPNs keep their certificates and keys: `$XDG_DATA_HOME/ferrum/vpn`
/// (`~/.local/share/ferrum/vpn`); refused without a home folder.
pub fn vpn_key_dir() -> Result<std::path::PathBuf, VpnFileError> {
    vpn_files::key_dir_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
}

/// Imports a VPN file under the file's name: `.ovpn` as OpenVPN, anything else as a
/// WireGuard `wg-quick` file. Only a regular file of at most 1 MiB is read.
pub async fn import_vpn_file(
    bus: &SystemBus,
    path: &std::path::Path,
) -> Result<String, NetworkCommandError> {
    let bytes = vpn_files::read_regular(path).map_err(NetworkCommandError::VpnFile)?;
    let text = zeroize::Zeroizing::new(String::from_utf8(bytes.to_vec()).map_err(|_| {
        NetworkCommandError::Unreadable(format!("{}: not UTF-8 text", path.display()))
    })?);
    let name = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.is_empty())
        .unwrap_or_else(|| "VPN".to_owned());
    let is_openvpn = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("ovpn"));
    if is_openvpn {
        let config_dir = path.parent().unwrap_or(std::path::Path::new("/"));
        let key_dir = vpn_key_dir().map_err(NetworkCommandError::VpnFile)?;
        import_openvpn(bus, &name, &text, &key_dir, config_dir).await
    } else {
        import_wireguard(bus, &name, &text).await
    }
}

/// Airplane mode: every radio off (or back on).
pub async fn set_airplane_mode(bus: &SystemBus, on: bool) -> Result<(), NetworkCommandError> {
    let connection = bus.connection().await?;
    let manager = manager(&connection).await?;
    manager.set_wireless_enabled(!on).await?;
    if let Err(error) = manager.set_wwan_enabled(!on).await {
        // Machines without a modem may not expose the switch; Wi-Fi is what matters.
        tracing::debug!(%error, "no mobile broadband switch");
    }
    Ok(())
}

/// Turns the Wi-Fi radio on or off.
pub async fn set_wifi_enabled(bus: &SystemBus, on: bool) -> Result<(), NetworkCommandError> {
    let connection = bus.connection().await?;
    Ok(manager(&connection).await?.set_wireless_enabled(on).await?)
}

/// Asks a Wi-Fi device to scan now.
pub async fn request_scan(bus: &SystemBus, device: &str) -> Result<(), NetworkCommandError> {
    let connection = bus.connection().await?;
    let wireless = WirelessProxy::builder(&connection)
        .path(object_path(device)?)?
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?;
    let options: HashMap<&str, &Value<'_>> = HashMap::new();
    Ok(wireless.request_scan(options).await?)
}

/// Asks NetworkManager to check internet connectivity again (after a portal sign-in).
pub async fn check_connectivity(
    bus: &SystemBus,
) -> Result<crate::network_status::Connectivity, NetworkCommandError> {
    let connection = bus.connection().await?;
    let code = manager(&connection).await?.check_connectivity().await?;
    Ok(crate::network_status::Connectivity::from_code(code))
}

/// Opens a captive portal's sign-in page in the person's default browser (`xdg-open`).
pub async fn open_sign_in_page(uri: &str) -> Result<(), NetworkCommandError> {
    let status = tokio::process::Command::new("xdg-open")
        .arg(uri)
        .status()
        .await
        .map_err(|error| NetworkCommandError::NoBrowser(error.to_string()))?;
    if status.success() {
        Ok(())
    } else {
        Err(NetworkCommandError::NoBrowser(format!(
            "xdg-open: {status}"
        )))
    }
}

/// Shares this machine's connection over Wi-Fi on `device` (interface `interface`) and waits
/// until the access point is up.
pub async fn start_hotspot(
    bus: &SystemBus,
    device: &str,
    interface: &str,
    ssid: &Ssid,
    password: &WifiPassword,
) -> Result<(), NetworkCommandError> {
    let connection = bus.connection().await?;
    let profile = super::hotspot::profile(ssid, password, interface);
    let (_, active) = manager(&connection)
        .await?
        .add_and_activate_connection(
            settings::borrowed(&profile),
            &object_path(device)?,
            &ObjectPath::from_static_str_unchecked(NO_OBJECT),
        )
        .await?;
    await_activation(&connection, active.as_str(), Some(device)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_to_import_is_refused_quickly() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let bus = SystemBus::with_address("unix:path=/nonexistent");
        let result = runtime.block_on(async {
            tokio::time::timeout(
                Duration::from_secs(2),
                import_vpn_file(&bus, std::path::Path::new("/dev/zero")),
            )
            .await
        });
        // A reader of /dev/zero left behind would not stop the test.
        runtime.shutdown_background();
        let result = result.expect("refused at once, not read for ever");
        assert_eq!(
            result,
            Err(NetworkCommandError::VpnFile(VpnFileError::NotAFile(
                "/dev/zero".into()
            )))
        );
    }
}
