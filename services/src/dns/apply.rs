//! Putting private DNS settings into effect through NetworkManager and systemd-resolved, and
//! reading them back.
//!
//! NetworkManager 1.42's global DNS configuration never reaches resolved and drops server
//! names, so the settings go into every wired and Wi-Fi connection profile (saved to disk:
//! they survive restarts of NetworkManager and of the machine) and are reapplied to the
//! devices where those profiles are active. NetworkManager hands servers, DNS-over-TLS,
//! mDNS and LLMNR to resolved per link. DNSSEC has no NetworkManager property: it is set on
//! resolved's links directly, which NetworkManager leaves alone, and is not saved: resolved
//! forgets it when it restarts or the interface goes away.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::time::Duration;

use zbus::Connection;
use zbus::names::BusName;
use zbus::zvariant::{ObjectPath, OwnedObjectPath, Value};

use crate::bus::SystemBus;
use crate::error::{DbusFailure, FailureKind};
use crate::network_status::BUS_NAME as NETWORK_MANAGER;
use crate::proxies::network_manager::NetworkManagerProxy;
use crate::proxies::nm_active_connection::ActiveProxy;
use crate::proxies::nm_device::DeviceProxy;
use crate::proxies::nm_settings::SettingsProxy;
use crate::proxies::nm_settings_connection::ConnectionProxy as ProfileProxy;
use crate::proxies::resolved::ManagerProxy;
use crate::proxies::resolved_link::LinkProxy;

use super::confirm::{Confirmation, Expected};
use super::error::DnsError;
use super::interfaces;
use super::profile::{self, ConfigureError, Settings};
use super::restore::PendingRestore;
use super::server::DnsServer;
use super::settings::{DnsSettingsError, Dnssec, DotMode, PrivateDns, Resolver};
use super::status::RESOLVED_BUS_NAME;

/// `Update2` flag: save the profile to disk.
pub(super) const UPDATE_TO_DISK: u32 = 0x1;
/// How long resolved may take to show a reapplied profile (NetworkManager passes it on
/// after renewing the DHCP lease) before the connection is activated again.
const REAPPLY_DEADLINE: Duration = Duration::from_secs(3);
/// How long resolved may take to show the profile after activating it again.
const ACTIVATION_DEADLINE: Duration = Duration::from_secs(15);
/// `NM_SETTINGS_CONNECTION_FLAG_EXTERNAL`: a profile NetworkManager made up for an interface
/// it does not manage; not ours to change.
const FLAG_EXTERNAL: u32 = 0x8;

/// D-Bus errors meaning "that object is gone" (a profile deleted or a device deactivated
/// between listing and reading it).
const GONE_ERRORS: &[&str] = &[
    "org.freedesktop.DBus.Error.UnknownObject",
    "org.freedesktop.DBus.Error.UnknownMethod",
    "org.freedesktop.DBus.Error.UnknownInterface",
    "org.freedesktop.NetworkManager.Device.NotActive",
    "org.freedesktop.resolve1.NoSuchLink",
];

/// What [`apply`] changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Applied {
    /// Connection profiles whose settings changed (saved to disk).
    pub profiles: usize,
    /// Devices the changed profiles were reapplied to.
    pub devices: usize,
    /// resolved links whose DNSSEC mode was set (every device of a wired or Wi-Fi profile
    /// that is active).
    pub links: usize,
    /// Devices whose connection was activated again because reapplying did not reach
    /// resolved in time (a NetworkManager 1.42 race; see [`apply`]).
    pub reactivated: usize,
    /// Devices where resolved still did not show the settings when [`apply`] returned (they
    /// are saved and take effect at the next activation at the latest).
    pub unconfirmed: usize,
}

pub(super) fn is_gone(failure: &DbusFailure) -> bool {
    failure
        .error_name()
        .is_some_and(|name| GONE_ERRORS.contains(&name))
}

pub(super) fn nm_failed(error: zbus::Error) -> DnsError {
    DnsError::network_manager(DbusFailure::from(error))
}

/// A failure reading one of NetworkManager's fixed objects (the manager, the settings):
/// while it starts, NetworkManager owns its bus name before it exports them, which counts
/// as not running yet.
fn nm_root_failed(error: zbus::Error) -> DnsError {
    nm_root_failure(DbusFailure::from(error))
}

/// [`nm_root_failed`] for a failure already read from zbus's error.
pub(super) fn nm_root_failure(failure: DbusFailure) -> DnsError {
    if is_gone(&failure) {
        DnsError::NetworkManagerMissing
    } else {
        DnsError::network_manager(failure)
    }
}

fn resolved_failed(error: zbus::Error) -> DnsError {
    DnsError::resolver(DbusFailure::from(error))
}

/// Runs `read`; `Ok(None)` when the object it reads has gone meanwhile.
pub(super) async fn unless_gone<T>(
    read: impl Future<Output = Result<T, zbus::Error>>,
) -> Result<Option<T>, DnsError> {
    match read.await {
        Ok(value) => Ok(Some(value)),
        Err(error) => {
            let failure = DbusFailure::from(error);
            if is_gone(&failure) {
                tracing::debug!(%failure, "object gone while reading");
                Ok(None)
            } else {
                Err(DnsError::network_manager(failure))
            }
        }
    }
}

/// A connection profile private DNS configures.
struct Profile {
    path: OwnedObjectPath,
    settings: Settings,
}

/// Every wired and Wi-Fi profile, in NetworkManager's order.
async fn eligible_profiles(connection: &Connection) -> Result<Vec<Profile>, DnsError> {
    let settings = SettingsProxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(nm_failed)?;
    let mut profiles = Vec::new();
    for path in settings.list_connections().await.map_err(nm_root_failed)? {
        let read = async {
            let proxy = ProfileProxy::builder(connection)
                .path(path.clone())?
                .cache_properties(zbus::proxy::CacheProperties::No)
                .build()
                .await?;
            let flags = proxy.flags().await?;
            Ok((flags, proxy.get_settings().await?))
        };
        let Some((flags, settings)) = unless_gone(read).await? else {
            continue;
        };
        if flags & FLAG_EXTERNAL == 0 && profile::is_eligible(&settings) {
            profiles.push(Profile { path, settings });
        }
    }
    Ok(profiles)
}

/// A device with an active connection.
pub(super) struct ActiveDevice {
    /// The device object.
    pub(super) device: OwnedObjectPath,
    /// The active connection object.
    active: OwnedObjectPath,
    /// The profile it is an activation of.
    pub(super) profile: OwnedObjectPath,
    /// Its IP interface (or interface) name.
    pub(super) interface: String,
}

/// Every device of every active connection, in NetworkManager's order.
pub(super) async fn active_devices(connection: &Connection) -> Result<Vec<ActiveDevice>, DnsError> {
    let manager = NetworkManagerProxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(nm_failed)?;
    let mut devices = Vec::new();
    for active in manager.active_connections().await.map_err(nm_root_failed)? {
        let read = async {
            let proxy = ActiveProxy::builder(connection)
                .path(active.clone())?
                .cache_properties(zbus::proxy::CacheProperties::No)
                .build()
                .await?;
            Ok((proxy.connection().await?, proxy.devices().await?))
        };
        let Some((profile, paths)) = unless_gone(read).await? else {
            continue;
        };
        for device in paths {
            let read = async {
                let proxy = DeviceProxy::builder(connection)
                    .path(device.clone())?
                    .cache_properties(zbus::proxy::CacheProperties::No)
                    .build()
                    .await?;
                let ip_interface = proxy.ip_interface().await?;
                if ip_interface.is_empty() {
                    proxy.interface().await
                } else {
                    Ok(ip_interface)
                }
            };
            if let Some(interface) = unless_gone(read).await? {
                devices.push(ActiveDevice {
                    device,
                    active: active.clone(),
                    profile: profile.clone(),
                    interface,
                });
            }
        }
    }
    Ok(devices)
}

/// Fails with `missing` unless `name` has an owner on the bus.
pub(super) async fn require(
    connection: &Connection,
    name: &str,
    missing: DnsError,
) -> Result<(), DnsError> {
    let dbus = zbus::fdo::DBusProxy::new(connection)
        .await
        .map_err(|error| DnsError::Failed(DbusFailure::from(error)))?;
    let name = BusName::try_from(name)
        .map_err(|error| DnsError::Failed(DbusFailure::from(zbus::Error::from(error))))?;
    match dbus.name_has_owner(name).await {
        Ok(true) => Ok(()),
        Ok(false) => Err(missing),
        Err(error) => Err(DnsError::Failed(DbusFailure::from(error))),
    }
}

/// `settings` borrowed the way the generated `Update2` takes them.
pub(super) fn borrowed(settings: &Settings) -> HashMap<&str, HashMap<&str, &Value<'_>>> {
    settings
        .iter()
        .map(|(setting, properties)| {
            let properties = properties
                .iter()
                .map(|(name, value)| (name.as_str(), &**value))
                .collect();
            (setting.as_str(), properties)
        })
        .collect()
}

/// Applies `settings` to every wired and Wi-Fi connection profile and puts them into effect.
///
/// Everything is checked before anything changes: the settings ([`PrivateDns::validate`],
/// else [`DnsError::Invalid`]), NetworkManager and resolved both running, every profile able
/// to take the servers ([`DnsSettingsError::NoUsableServer`]) and every active device's
/// interface known in this network namespace (else [`DnsError::Failed`]). Then each profile
/// whose settings differ is saved to disk (`Update2`; secrets are kept) and reapplied to the
/// devices where it is active (`Reapply`, without taking them down), and `apply` waits
/// (following resolved's signals) until resolved shows the new servers, routing domain and
/// DNS-over-TLS mode on those links. NetworkManager 1.42 sometimes never passes a reapplied
/// profile on (seen within a few seconds of the connection's activation, with a DHCP
/// server that answers at once): after 3 s such a device's connection is activated again,
/// which does not miss (a brief interruption; [`Applied::reactivated`]), and `apply` waits
/// up to 15 s more
/// ([`Applied::unconfirmed`] counts links still not showing it). Last, resolved's DNSSEC
/// mode is set on the links of every active wired or Wi-Fi device.
///
/// All or nothing: before anything changes, `apply` keeps each profile's settings as read and
/// each link's DNSSEC mode. If any step after the first change fails (a refusal, a daemon
/// crashing or not answering), every profile saved so far gets its old settings back
/// (`Update2` to disk, then `Reapply` where it is active) and every link whose DNSSEC mode
/// was set gets its old mode back, and the step's error is returned. Toward a daemon that did
/// not answer, the restoring calls are sent without waiting: it carries them out after the
/// calls it had queued when it resumes, so the old settings win. NetworkManager killed after
/// it saved a profile and before the restore starts again with the saved profile: the
/// profiles it could not take back are returned with their old settings in
/// [`DnsError::RestorePending`] (the step's error inside), and the caller puts them back
/// with [`restore`](super::restore()) once NetworkManager runs again (the Private DNS page
/// does it by itself when its NetworkManager stream says so, however long the restart
/// takes; `apply` itself does not wait for it). Any other restore that fails is logged.
pub async fn apply(bus: &SystemBus, settings: &PrivateDns) -> Result<Applied, DnsError> {
    settings.validate()?;
    let servers = settings.resolver.servers()?;
    let connection = bus.connection().await.map_err(DnsError::network_manager)?;
    require(
        &connection,
        NETWORK_MANAGER,
        DnsError::NetworkManagerMissing,
    )
    .await?;
    require(&connection, RESOLVED_BUS_NAME, DnsError::ResolverMissing).await?;

    let profiles = eligible_profiles(&connection).await?;
    let mut updates = Vec::new();
    for profile in &profiles {
        match profile::configure(&profile.settings, settings, &servers) {
            Ok(configured) if profile::same_dns(&configured, &profile.settings) => {}
            Ok(configured) => updates.push((&profile.path, configured)),
            Err(ConfigureError::NoUsableServer) => {
                return Err(DnsError::Invalid(DnsSettingsError::NoUsableServer {
                    profile: profile::id(&profile.settings),
                }));
            }
            Err(ConfigureError::Value(error)) => {
                return Err(DnsError::Failed(DbusFailure::from(zbus::Error::Variant(
                    error,
                ))));
            }
        }
    }
    let eligible: HashSet<&OwnedObjectPath> = profiles.iter().map(|p| &p.path).collect();
    let mut links = Vec::new();
    for device in active_devices(&connection).await? {
        if !eligible.contains(&device.profile) {
            continue;
        }
        let ifindex = interfaces::index_of(&device.interface).ok_or_else(|| {
            DnsError::Failed(DbusFailure::new(
                FailureKind::Other,
                format!(
                    "network interface {:?} is not in this network namespace",
                    device.interface
                ),
            ))
        })?;
        links.push((device, ifindex));
    }

    // What to put back if a later step fails: the links' DNSSEC modes as they are now.
    let mut undo = Undo::default();
    for (_, ifindex) in &links {
        undo.dnssec_before
            .push((*ifindex, link_dnssec(&connection, *ifindex).await?));
    }

    // Subscribed before anything changes, so no announcement is missed.
    let mut confirmation = Confirmation::subscribe(&connection).await?;
    let changed = change(
        &connection,
        settings,
        &updates,
        &links,
        &mut confirmation,
        &mut undo,
    )
    .await;
    match changed {
        Ok(applied) => Ok(applied),
        Err(error) => {
            tracing::warn!(%error, "applying private DNS failed; restoring what was in force");
            match undo.restore(&connection, &profiles, &links, &error).await {
                None => Err(error),
                Some(restore) => Err(DnsError::RestorePending {
                    cause: Box::new(error),
                    restore,
                }),
            }
        }
    }
}

/// What [`apply`] changed so far, to put back when a later step fails.
#[derive(Default)]
struct Undo {
    /// Every link's DNSSEC mode (resolved's value) before anything changed.
    dnssec_before: Vec<(i32, String)>,
    /// Profiles an `Update2` was sent for (even one that failed or did not answer: it may
    /// have been carried out).
    saved: Vec<OwnedObjectPath>,
    /// Links a `SetLinkDNSSEC` was sent for.
    dnssec_set: Vec<i32>,
}

impl Undo {
    /// Puts back the profiles and DNSSEC modes changed so far; logs what cannot be put back.
    ///
    /// Once a daemon has not answered (the failure being restored from, or a restoring
    /// call), the remaining calls to it are sent without waiting for answers: a hung daemon
    /// carries them out in order when it resumes, after the calls it had queued, so the old
    /// settings win, and the page hears of the failure without waiting a timeout per call.
    ///
    /// Once NetworkManager is found not running (killed after it saved a profile: it will
    /// start again with the new settings on disk), the profiles not put back yet are
    /// returned, with their old settings, for [`restore`](super::restore()) once it is back.
    async fn restore(
        &self,
        connection: &Connection,
        profiles: &[Profile],
        links: &[(ActiveDevice, i32)],
        failure: &DnsError,
    ) -> Option<PendingRestore> {
        let mut nm_hung = matches!(failure, DnsError::NetworkManagerNoAnswer(_));
        let mut resolved_hung = matches!(failure, DnsError::ResolverNoAnswer(_));
        let mut nm_gone = false;
        let mut not_restored = Vec::new();
        for path in self.saved.iter().rev() {
            let Some(original) = profiles.iter().find(|p| &p.path == path) else {
                continue;
            };
            if nm_gone {
                not_restored.push(&original.settings);
                continue;
            }
            let id = profile::id(&original.settings);
            let body = (
                borrowed(&original.settings),
                UPDATE_TO_DISK,
                HashMap::<&str, Value<'_>>::new(),
            );
            let restore = async {
                let proxy = ProfileProxy::builder(connection)
                    .path(path.clone())?
                    .build()
                    .await?;
                if nm_hung {
                    proxy.inner().call_noreply("Update2", &body).await
                } else {
                    proxy.inner().call_method("Update2", &body).await.map(drop)
                }
            };
            match restore.await {
                Ok(()) if nm_hung => tracing::warn!(profile = id, "profile restore sent"),
                Ok(()) => tracing::info!(profile = id, "profile restored"),
                Err(error) if DbusFailure::from(error.clone()).is_absence() => {
                    tracing::warn!(
                        profile = id,
                        %error,
                        "NetworkManager is not running: the profile's old settings are put \
                         back once it is"
                    );
                    nm_gone = true;
                    not_restored.push(&original.settings);
                    continue;
                }
                // No such object: deleted, or NetworkManager restarted meanwhile and gave the
                // profile another path; `restore` finds it by UUID (or skips it).
                Err(error) if is_gone(&DbusFailure::from(error.clone())) => {
                    tracing::warn!(profile = id, %error, "the profile's object is gone");
                    not_restored.push(&original.settings);
                    continue;
                }
                Err(error) => {
                    nm_hung |= is_timeout(&error);
                    tracing::error!(profile = id, %error, "the profile's old settings could not be restored");
                }
            }
            // Activated again rather than reapplied: NetworkManager 1.42 may never pass a
            // reapplied profile on (see `apply`), and there is no time left to find out.
            for (device, _) in links.iter().filter(|(d, _)| &d.profile == path) {
                let none = ObjectPath::from_static_str_unchecked("/");
                let body = (&device.profile, &device.device, &none);
                let activate = async {
                    let manager = NetworkManagerProxy::new(connection).await?;
                    if nm_hung {
                        manager
                            .inner()
                            .call_noreply("ActivateConnection", &body)
                            .await
                    } else {
                        manager
                            .inner()
                            .call_method("ActivateConnection", &body)
                            .await
                            .map(drop)
                    }
                };
                if let Err(error) = activate.await {
                    nm_hung |= is_timeout(&error);
                    // Gone after saving the old settings to disk: it starts with them.
                    nm_gone |= DbusFailure::from(error.clone()).is_absence();
                    tracing::error!(
                        interface = device.interface,
                        %error,
                        "activating the old settings failed"
                    );
                }
            }
        }
        not_restored.reverse();
        let pending = PendingRestore::of(not_restored);
        if self.dnssec_set.is_empty() {
            return pending;
        }
        let resolved = match ManagerProxy::new(connection).await {
            Ok(resolved) => resolved,
            Err(error) => {
                tracing::error!(%error, "the links' DNSSEC modes could not be restored");
                return pending;
            }
        };
        for ifindex in &self.dnssec_set {
            let Some((_, mode)) = self.dnssec_before.iter().find(|(i, _)| i == ifindex) else {
                continue;
            };
            let body = (*ifindex, mode.as_str());
            let sent = if resolved_hung {
                resolved.inner().call_noreply("SetLinkDNSSEC", &body).await
            } else {
                resolved
                    .inner()
                    .call_method("SetLinkDNSSEC", &body)
                    .await
                    .map(drop)
            };
            if let Err(error) = sent {
                resolved_hung |= is_timeout(&error);
                tracing::error!(ifindex, %error, "the link's DNSSEC mode could not be restored");
            }
        }
        pending
    }
}

fn is_timeout(error: &zbus::Error) -> bool {
    DbusFailure::from(error.clone()).kind() == FailureKind::Timeout
}

/// resolved's DNSSEC mode of a link (`""` when resolved does not know the link).
async fn link_dnssec(connection: &Connection, ifindex: i32) -> Result<String, DnsError> {
    let read = async {
        let path = ManagerProxy::new(connection)
            .await?
            .get_link(ifindex)
            .await?;
        LinkProxy::builder(connection)
            .path(path)?
            .cache_properties(zbus::proxy::CacheProperties::No)
            .build()
            .await?
            .dnssec()
            .await
    };
    match read.await {
        Ok(mode) => Ok(mode),
        Err(error) => {
            let failure = DbusFailure::from(error);
            if is_gone(&failure) {
                Ok(String::new())
            } else {
                Err(DnsError::resolver(failure))
            }
        }
    }
}

/// The changing part of [`apply`]: saves, reapplies, waits, sets DNSSEC, noting in `undo`
/// what it changed.
async fn change(
    connection: &Connection,
    settings: &PrivateDns,
    updates: &[(&OwnedObjectPath, Settings)],
    links: &[(ActiveDevice, i32)],
    confirmation: &mut Confirmation,
    undo: &mut Undo,
) -> Result<Applied, DnsError> {
    let connection = connection.clone();
    for (path, configured) in updates {
        let proxy = ProfileProxy::builder(&connection)
            .path((*path).clone())
            .map_err(nm_failed)?
            .build()
            .await
            .map_err(nm_failed)?;
        undo.saved.push((*path).clone());
        proxy
            .update2(borrowed(configured), UPDATE_TO_DISK, HashMap::new())
            .await
            .map_err(nm_failed)?;
        tracing::info!(profile = profile::id(configured), "private DNS saved");
    }
    let mut reapplied = Vec::new();
    for (device, ifindex) in links {
        let Some((_, configured)) = updates.iter().find(|(path, _)| **path == device.profile)
        else {
            continue;
        };
        let reapply = async {
            DeviceProxy::builder(&connection)
                .path(device.device.clone())?
                .build()
                .await?
                .reapply(HashMap::new(), 0, 0)
                .await
        };
        if unless_gone(reapply).await?.is_some() {
            tracing::info!(interface = device.interface, "private DNS reapplied");
            reapplied.push((device, expected(*ifindex, settings, configured)));
        }
    }

    let devices = reapplied.len();
    let expectations = reapplied.iter().map(|(_, e)| e.clone()).collect();
    let missed = confirmation
        .wait(&connection, expectations, REAPPLY_DEADLINE)
        .await?;
    let mut reactivated = 0;
    if !missed.is_empty() {
        let manager = NetworkManagerProxy::new(&connection)
            .await
            .map_err(nm_failed)?;
        let none = ObjectPath::from_static_str_unchecked("/");
        for link in &missed {
            let Some((device, _)) = reapplied.iter().find(|(_, e)| e == link) else {
                continue;
            };
            tracing::warn!(
                interface = device.interface,
                "reapplied settings did not reach resolved; activating the connection again"
            );
            let activate = manager.activate_connection(&device.profile, &device.device, &none);
            if unless_gone(activate).await?.is_some() {
                reactivated += 1;
            }
        }
    }
    let unconfirmed = if missed.is_empty() {
        0
    } else {
        confirmation
            .wait(&connection, missed, ACTIVATION_DEADLINE)
            .await?
            .len()
    };

    // After any activation: resolved's per-link settings are the link's until it goes.
    let resolved = ManagerProxy::new(&connection)
        .await
        .map_err(resolved_failed)?;
    for (device, ifindex) in links {
        undo.dnssec_set.push(*ifindex);
        resolved
            .set_link_dnssec(*ifindex, settings.dnssec.resolved_value())
            .await
            .map_err(resolved_failed)?;
        tracing::debug!(interface = device.interface, dnssec = ?settings.dnssec, "DNSSEC set");
    }
    Ok(Applied {
        profiles: updates.len(),
        devices,
        links: links.len(),
        reactivated,
        unconfirmed,
    })
}

/// What resolved should show on the link `ifindex` once `configured` is in effect there.
fn expected(ifindex: i32, settings: &PrivateDns, configured: &Settings) -> Expected {
    let chosen = settings.resolver != Resolver::Automatic;
    let servers: BTreeSet<String> = profile::read(configured)
        .servers
        .iter()
        .map(DnsServer::to_string)
        .collect();
    Expected {
        ifindex,
        dot: settings.dot.resolved_value(),
        servers: chosen.then_some(servers),
        route_all: chosen,
    }
}

/// What resolved has in effect on a link, for what a profile leaves at the default.
#[derive(Debug, Default)]
struct LinkModes {
    dot: DotMode,
    dnssec: Dnssec,
    mdns: bool,
    llmnr: bool,
}

/// Reads a link's modes; the defaults when resolved or the link is not there.
async fn link_modes(connection: &Connection, ifindex: i32) -> Result<LinkModes, DnsError> {
    let read = async {
        let path = ManagerProxy::new(connection)
            .await?
            .get_link(ifindex)
            .await?;
        let link = LinkProxy::builder(connection)
            .path(path)?
            .cache_properties(zbus::proxy::CacheProperties::No)
            .build()
            .await?;
        let on = |mode: &str| matches!(mode, "yes" | "resolve");
        Ok::<_, zbus::Error>(LinkModes {
            dot: DotMode::from_resolved(&link.dnsover_tls().await?),
            dnssec: Dnssec::from_resolved(&link.dnssec().await?),
            mdns: on(&link.multicast_dns().await?),
            llmnr: on(&link.llmnr().await?),
        })
    };
    match read.await {
        Ok(modes) => Ok(modes),
        Err(error) => {
            let failure = DbusFailure::from(error);
            if failure.is_absence() || is_gone(&failure) {
                tracing::debug!(ifindex, %failure, "no link modes from resolved");
                Ok(LinkModes::default())
            } else {
                Err(DnsError::resolver(failure))
            }
        }
    }
}

/// The private DNS settings in force, read back from the profile of the primary connection
/// (or else the first active wired or Wi-Fi connection, or else the first such profile):
/// its servers (a preset's servers read as that preset), DNS-over-TLS, mDNS and LLMNR, and
/// the DNSSEC mode of its link in resolved. What the profile leaves at the default, and
/// DNSSEC, come from what resolved has in effect on the link; [`DotMode::Off`],
/// [`Dnssec::Off`] and off when resolved is not running or the profile is not active. No
/// profile at all reads as the default settings.
pub async fn current(bus: &SystemBus) -> Result<PrivateDns, DnsError> {
    let connection = bus.connection().await.map_err(DnsError::network_manager)?;
    let profiles = eligible_profiles(&connection).await?;
    let mut devices: Vec<ActiveDevice> = active_devices(&connection)
        .await?
        .into_iter()
        .filter(|device| profiles.iter().any(|p| p.path == device.profile))
        .collect();
    let primary = NetworkManagerProxy::builder(&connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(nm_failed)?
        .primary_connection()
        .await
        .map_err(nm_root_failed)?;
    // Stable: the primary connection's devices first, the rest in NetworkManager's order.
    devices.sort_by_key(|device| device.active != primary);
    let chosen = devices.first();
    let Some(profile) = chosen
        .and_then(|device| profiles.iter().find(|p| p.path == device.profile))
        .or_else(|| profiles.first())
    else {
        return Ok(PrivateDns::default());
    };
    let dns = profile::read(&profile.settings);
    let modes = match chosen.and_then(|device| interfaces::index_of(&device.interface)) {
        Some(ifindex) => link_modes(&connection, ifindex).await?,
        None => LinkModes::default(),
    };
    Ok(PrivateDns {
        resolver: dns.resolver(),
        dot: dns.dot.unwrap_or(modes.dot),
        dnssec: modes.dnssec,
        mdns: dns.mdns.unwrap_or(modes.mdns),
        llmnr: dns.llmnr.unwrap_or(modes.llmnr),
    })
}
