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

/// How NetworkManager took a saved profile: `Update2` (1.12 and later), else `Update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveMethod {
    Update2,
    Update,
}

/// Saves a profile's new settings to disk. Secrets not in `settings` are kept.
async fn save(profile: &ProfileProxy<'_>, settings: &Settings) -> Result<(), NetworkCommandError> {
    save_by(profile, settings).await.map(drop)
}

/// [`save`], saying which method NetworkManager took.
async fn save_by(
    profile: &ProfileProxy<'_>,
    settings: &Settings,
) -> Result<SaveMethod, NetworkCommandError> {
    match profile
        .update2(settings::borrowed(settings), UPDATE_TO_DISK, HashMap::new())
        .await
    {
        Ok(_) => Ok(SaveMethod::Update2),
        Err(error) => {
            let failure = DbusFailure::from(error);
            // Daemons before 1.12 (and the test template) only have `Update`.
            if failure.error_name() == Some("org.freedesktop.DBus.Error.UnknownMethod") {
                profile.update(settings::borrowed(settings)).await?;
                Ok(SaveMethod::Update)
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
///
/// Checked first: NetworkManager's `GetPermissions` must not say polkit refuses saving the
/// profile (`settings.modify.system`, or `.own` for a profile of one user) or, when it is
/// active, bringing it up (`network-control`); "auth" passes (polkit asks when the call
/// comes). A refusal is [`NetworkCommandError::NotAuthorized`] before anything changes.
///
/// All or nothing: the profile's settings as read before saving (`GetSettings`: without
/// secrets) are kept. When a step after the save fails (bringing it up refused — polkit may
/// answer "auth" and then refuse, and root is never asked —, NetworkManager gone or not
/// answering, the connection not coming up), they are saved back to disk (`Update2` keeps
/// the secrets it is not given) and, where the new settings may have been put into effect on
/// the device, reapplied or activated again there the same way; then the step's error is
/// returned. Toward a NetworkManager that did not answer, the restoring calls are sent
/// without waiting: a hung daemon carries them out after the calls it had queued, so the old
/// settings win. A restore that fails is logged (NetworkManager gone before it: it starts
/// again with the new settings on disk).
pub async fn apply_config(
    bus: &SystemBus,
    profile: &str,
    config: &ConnectionConfig,
) -> Result<(), NetworkCommandError> {
    let connection = bus.connection().await?;
    let proxy = profile_proxy(&connection, profile).await?;
    let old = proxy.get_settings().await?;
    let configured = config.configure(&old);
    let device = read::device_of_profile(&connection, profile).await;
    let mut needed = vec![modify_permission(&old)];
    if device.is_some() {
        needed.push(NETWORK_CONTROL);
    }
    check_permissions(&connection, &needed).await?;

    let mut progress = Progress {
        reached: Reached::Nothing,
        method: SaveMethod::Update2,
    };
    let changed = change(
        &connection,
        &proxy,
        profile,
        &configured,
        device.as_deref(),
        &mut progress,
    )
    .await;
    if let Err(error) = &changed
        && progress.reached != Reached::Nothing
    {
        tracing::warn!(%error, reached = ?progress.reached, "applying the profile failed; restoring what was in force");
        let undo = Undo {
            connection: &connection,
            proxy: &proxy,
            profile,
            old: &old,
            device: device.as_deref(),
        };
        undo.restore(progress, error).await;
    }
    changed
}

/// NetworkManager's polkit permission to bring connections up (`Reapply`,
/// `ActivateConnection`).
const NETWORK_CONTROL: &str = "org.freedesktop.NetworkManager.network-control";
/// NetworkManager's polkit permission to change a profile every user may use.
const MODIFY_SYSTEM: &str = "org.freedesktop.NetworkManager.settings.modify.system";
/// NetworkManager's polkit permission to change a profile only its one user may use.
const MODIFY_OWN: &str = "org.freedesktop.NetworkManager.settings.modify.own";

/// The permission NetworkManager asks polkit for to save a profile whose users
/// (`connection.permissions`) stay as they are: `modify.own` when it names exactly one user,
/// else `modify.system`.
fn modify_permission(settings: &Settings) -> &'static str {
    if settings::strings(settings, "connection", "permissions").len() == 1 {
        MODIFY_OWN
    } else {
        MODIFY_SYSTEM
    }
}

/// The first of `needed` that `GetPermissions` (permission → "yes", "no", "auth") says
/// polkit refuses; "auth" (granted once the person authenticates) and permissions not
/// listed pass.
fn refused_permission<'a>(
    permissions: &HashMap<String, String>,
    needed: &[&'a str],
) -> Option<&'a str> {
    needed.iter().copied().find(|permission| {
        permissions
            .get(*permission)
            .is_some_and(|answer| answer == "no")
    })
}

/// Fails with [`NetworkCommandError::NotAuthorized`] when NetworkManager says polkit refuses
/// one of `needed`. NetworkManager not running or not answering fails here, before anything
/// changes; a daemon without `GetPermissions` is left to check the calls themselves.
async fn check_permissions(
    connection: &Connection,
    needed: &[&str],
) -> Result<(), NetworkCommandError> {
    let permissions = match manager(connection).await?.get_permissions().await {
        Ok(permissions) => permissions,
        Err(error) => {
            let failure = DbusFailure::from(error);
            if failure.is_absence() || failure.kind() == FailureKind::Timeout {
                return Err(failure.into());
            }
            tracing::debug!(%failure, "NetworkManager's permissions not read");
            return Ok(());
        }
    };
    match refused_permission(&permissions, needed) {
        None => Ok(()),
        Some(permission) => Err(NetworkCommandError::NotAuthorized(DbusFailure::new(
            FailureKind::AccessDenied,
            format!("polkit does not allow {permission} (NetworkManager's GetPermissions)"),
        ))),
    }
}

/// How far [`apply_config`] got: what putting the old settings back has to undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reached {
    /// Nothing changed.
    Nothing,
    /// The new settings are (or may be) saved; the device still has the old ones in effect.
    Saved,
    /// The new settings are (or may be) reapplied to the device.
    Reapplied,
    /// The profile is (or may be) activated again on the device with the new settings,
    /// whether or not it came up.
    Activated,
}

/// Whether NetworkManager (or the bus in its name) answered with `error`, so that the call
/// was not carried out, rather than not answering (hung, or gone while handling it: the
/// call may have been carried out).
fn answered(error: &NetworkCommandError) -> bool {
    match error {
        NetworkCommandError::Unavailable(_) => false,
        NetworkCommandError::Failed(failure) => failure.kind() != FailureKind::Timeout,
        _ => true,
    }
}

/// What is reached after a call that reaches `call` when it is carried out, from `before`:
/// `call` unless NetworkManager answered that it was not carried out.
fn reached_after<T>(
    before: Reached,
    call: Reached,
    result: &Result<T, NetworkCommandError>,
) -> Reached {
    match result {
        Err(error) if answered(error) => before,
        _ => call,
    }
}

/// Whether `error` is a call NetworkManager did not answer in time.
fn no_answer(error: &NetworkCommandError) -> bool {
    matches!(error, NetworkCommandError::Failed(failure) if failure.kind() == FailureKind::Timeout)
}

/// What [`change`] did so far.
#[derive(Debug, Clone, Copy)]
struct Progress {
    reached: Reached,
    /// How NetworkManager took (or was asked to take) the save.
    method: SaveMethod,
}

/// The changing part of [`apply_config`]: saves `configured` and brings it up on `device`,
/// noting in `progress` how far it got.
async fn change(
    connection: &Connection,
    proxy: &ProfileProxy<'_>,
    profile: &str,
    configured: &Settings,
    device: Option<&str>,
    progress: &mut Progress,
) -> Result<(), NetworkCommandError> {
    let saved = save_by(proxy, configured).await;
    progress.reached = reached_after(Reached::Nothing, Reached::Saved, &saved);
    progress.method = saved?;
    let Some(device) = device else {
        return Ok(());
    };
    let reapplied = async {
        device_proxy(connection, device)
            .await?
            .reapply(HashMap::new(), 0, 0)
            .await
            .map_err(NetworkCommandError::from)
    }
    .await;
    progress.reached = reached_after(Reached::Saved, Reached::Reapplied, &reapplied);
    let Err(error) = reapplied else {
        return Ok(());
    };
    if !answered(&error) {
        return Err(error);
    }
    // Some changes (the MTU on older daemons) cannot be reapplied: bring it up again.
    tracing::info!(%error, "reapply refused; activating the connection again");
    let activated = manager(connection)
        .await?
        .activate_connection(
            &object_path(profile)?,
            &object_path(device)?,
            &ObjectPath::from_static_str_unchecked(NO_OBJECT),
        )
        .await
        .map_err(NetworkCommandError::from);
    progress.reached = reached_after(Reached::Saved, Reached::Activated, &activated);
    await_activation(connection, activated?.as_str(), Some(device)).await
}

/// Putting a profile's settings as read before [`apply_config`] back.
struct Undo<'a> {
    connection: &'a Connection,
    proxy: &'a ProfileProxy<'a>,
    profile: &'a str,
    /// The settings as `GetSettings` read them (no secrets: saving them keeps the secrets).
    old: &'a Settings,
    /// The device the profile was active on.
    device: Option<&'a str>,
}

impl Undo<'_> {
    /// Saves the old settings back to disk and, where the new ones may have been put into
    /// effect on the device, reapplies or activates the profile again there; logs what
    /// fails. Once NetworkManager has not answered (`failure`, or a restoring call), the
    /// calls are sent without waiting.
    async fn restore(&self, progress: Progress, failure: &NetworkCommandError) {
        let mut hung = no_answer(failure);
        let old = settings::borrowed(self.old);
        let saved = match (progress.method, hung) {
            (SaveMethod::Update2, true) => {
                let body = (old, UPDATE_TO_DISK, HashMap::<&str, Value<'_>>::new());
                self.proxy.inner().call_noreply("Update2", &body).await
            }
            (SaveMethod::Update2, false) => self
                .proxy
                .update2(old, UPDATE_TO_DISK, HashMap::new())
                .await
                .map(drop),
            (SaveMethod::Update, true) => self.proxy.inner().call_noreply("Update", &(old,)).await,
            (SaveMethod::Update, false) => self.proxy.update(old).await,
        };
        match saved {
            Ok(()) if hung => tracing::warn!(profile = self.profile, "old settings sent back"),
            Ok(()) => tracing::info!(profile = self.profile, "old settings restored"),
            Err(error) => {
                hung |= no_answer(&NetworkCommandError::from(error.clone()));
                tracing::error!(
                    profile = self.profile,
                    %error,
                    "the profile's old settings could not be restored"
                );
            }
        }
        let Some(device) = self.device else {
            return;
        };
        let brought_up = match progress.reached {
            Reached::Nothing | Reached::Saved => return,
            Reached::Reapplied => self.reapply(device, hung).await,
            Reached::Activated => self.activate(device, hung).await,
        };
        match brought_up {
            Ok(()) => {
                tracing::info!(device, reached = ?progress.reached, "old settings brought up again")
            }
            Err(error) => {
                tracing::error!(device, %error, "bringing the old settings up again failed")
            }
        }
    }

    async fn reapply(&self, device: &str, hung: bool) -> Result<(), NetworkCommandError> {
        let proxy = device_proxy(self.connection, device).await?;
        if hung {
            let none: HashMap<&str, HashMap<&str, Value<'_>>> = HashMap::new();
            Ok(proxy
                .inner()
                .call_noreply("Reapply", &(none, 0_u64, 0_u32))
                .await?)
        } else {
            Ok(proxy.reapply(HashMap::new(), 0, 0).await?)
        }
    }

    async fn activate(&self, device: &str, hung: bool) -> Result<(), NetworkCommandError> {
        let manager = manager(self.connection).await?;
        let profile = object_path(self.profile)?;
        let device = object_path(device)?;
        let none = ObjectPath::from_static_str_unchecked(NO_OBJECT);
        if hung {
            Ok(manager
                .inner()
                .call_noreply("ActivateConnection", &(&profile, &device, &none))
                .await?)
        } else {
            manager
                .activate_connection(&profile, &device, &none)
                .await?;
            Ok(())
        }
    }
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

    fn failure(kind: FailureKind) -> DbusFailure {
        DbusFailure::new(kind, "test")
    }

    #[test]
    fn a_step_refused_or_rejected_changed_nothing_one_unanswered_may_have() {
        let refused = Err::<(), _>(NetworkCommandError::NotAuthorized(failure(
            FailureKind::AccessDenied,
        )));
        let rejected = Err::<(), _>(NetworkCommandError::Rejected(failure(
            FailureKind::InvalidArgument,
        )));
        let hung = Err::<(), _>(NetworkCommandError::Failed(failure(FailureKind::Timeout)));
        let gone = Err::<(), _>(NetworkCommandError::Unavailable(failure(
            FailureKind::ServiceMissing,
        )));
        let done = Ok::<(), NetworkCommandError>(());

        assert_eq!(
            reached_after(Reached::Nothing, Reached::Saved, &refused),
            Reached::Nothing
        );
        assert_eq!(
            reached_after(Reached::Nothing, Reached::Saved, &rejected),
            Reached::Nothing
        );
        assert_eq!(
            reached_after(Reached::Nothing, Reached::Saved, &hung),
            Reached::Saved
        );
        assert_eq!(
            reached_after(Reached::Nothing, Reached::Saved, &gone),
            Reached::Saved
        );
        assert_eq!(
            reached_after(Reached::Nothing, Reached::Saved, &done),
            Reached::Saved
        );
        // Saved, then bringing it up refused: the device keeps the old settings in effect.
        assert_eq!(
            reached_after(Reached::Saved, Reached::Reapplied, &refused),
            Reached::Saved
        );
        assert_eq!(
            reached_after(Reached::Saved, Reached::Activated, &refused),
            Reached::Saved
        );
        assert_eq!(
            reached_after(Reached::Saved, Reached::Reapplied, &hung),
            Reached::Reapplied
        );
        assert_eq!(
            reached_after(Reached::Saved, Reached::Activated, &done),
            Reached::Activated
        );

        assert!(no_answer(&NetworkCommandError::Failed(failure(
            FailureKind::Timeout
        ))));
        assert!(!no_answer(&NetworkCommandError::NotAuthorized(failure(
            FailureKind::AccessDenied
        ))));
        assert!(!no_answer(&NetworkCommandError::Timeout));
        assert!(answered(&NetworkCommandError::Failed(failure(
            FailureKind::Other
        ))));
    }

    #[test]
    fn only_a_plain_no_from_polkit_stops_an_apply_before_saving() {
        let permissions: HashMap<String, String> = [
            (MODIFY_SYSTEM, "auth"),
            (MODIFY_OWN, "yes"),
            (NETWORK_CONTROL, "no"),
        ]
        .into_iter()
        .map(|(name, answer)| (name.to_owned(), answer.to_owned()))
        .collect();
        assert_eq!(refused_permission(&permissions, &[MODIFY_SYSTEM]), None);
        assert_eq!(
            refused_permission(&permissions, &[MODIFY_SYSTEM, NETWORK_CONTROL]),
            Some(NETWORK_CONTROL)
        );
        assert_eq!(
            refused_permission(&HashMap::new(), &[NETWORK_CONTROL]),
            None
        );
    }

    #[test]
    fn a_profile_of_one_user_needs_the_own_permission() {
        let mut profile = Settings::new();
        settings::set(&mut profile, "connection", "id", "Wired");
        assert_eq!(modify_permission(&profile), MODIFY_SYSTEM);
        settings::set(
            &mut profile,
            "connection",
            "permissions",
            vec!["user:ada:".to_owned()],
        );
        assert_eq!(modify_permission(&profile), MODIFY_OWN);
        settings::set(
            &mut profile,
            "connection",
            "permissions",
            vec!["user:ada:".to_owned(), "user:bob:".to_owned()],
        );
        assert_eq!(modify_permission(&profile), MODIFY_SYSTEM);
    }

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
