//! Putting back the profiles an interrupted [`apply`](super::apply()) had saved, once
//! NetworkManager is running again.
//!
//! `apply` is all or nothing: when a step fails after profiles were saved, it saves their old
//! settings back before returning. When NetworkManager is gone at that moment (killed after
//! it saved, before the restore), nothing can be put back, and it will start again with the
//! new settings on disk. The old settings then travel, as a [`PendingRestore`], in
//! [`DnsError::RestorePending`] to the caller, which hands them to [`restore`] once
//! NetworkManager is back (the Private DNS page does it when its NetworkManager stream says
//! so). Profiles are found by UUID: their object paths may change when NetworkManager
//! restarts. Connection profiles as `GetSettings` returns them carry no secrets, so neither
//! does a [`PendingRestore`].

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use zbus::zvariant::{ObjectPath, OwnedObjectPath};

use crate::bus::SystemBus;
use crate::error::DbusFailure;
use crate::network_status::BUS_NAME as NETWORK_MANAGER;
use crate::proxies::network_manager::NetworkManagerProxy;
use crate::proxies::nm_settings::SettingsProxy;
use crate::proxies::nm_settings_connection::ConnectionProxy as ProfileProxy;

use super::apply::{
    UPDATE_TO_DISK, active_devices, borrowed, is_gone, nm_failed, nm_root_failure, require,
    unless_gone,
};
use super::error::DnsError;
use super::profile::{self, Settings};

/// NetworkManager's answer to `GetConnectionByUuid` for a UUID it has no profile for.
const NO_SUCH_PROFILE: &str = "org.freedesktop.NetworkManager.Settings.InvalidConnection";

/// One profile's settings as they were before an apply changed them.
struct SavedProfile {
    uuid: String,
    id: String,
    settings: Settings,
}

/// The old settings of the profiles an interrupted apply saved and could not put back
/// (NetworkManager was not running); [`restore`] puts them back.
///
/// Cheap to clone (shared). Equal when it holds the same profiles with the same settings.
/// `Debug` and `Display` name the profiles only.
#[derive(Clone, Default)]
pub struct PendingRestore {
    profiles: Arc<[SavedProfile]>,
}

impl PendingRestore {
    /// The old settings of `profiles` (as `GetSettings` read them); `None` for none.
    pub(super) fn of<'a>(profiles: impl IntoIterator<Item = &'a Settings>) -> Option<Self> {
        let profiles: Vec<SavedProfile> = profiles
            .into_iter()
            .map(|settings| SavedProfile {
                uuid: profile::uuid(settings),
                id: profile::id(settings),
                settings: settings.clone(),
            })
            .collect();
        (!profiles.is_empty()).then(|| Self {
            profiles: profiles.into(),
        })
    }

    /// The names (`connection.id`) of the profiles to put back.
    pub fn profiles(&self) -> impl Iterator<Item = &str> {
        self.profiles.iter().map(|profile| profile.id.as_str())
    }

    /// Whether there is nothing to put back.
    pub fn is_empty(&self) -> bool {
        self.profiles.is_empty()
    }
}

impl PartialEq for PendingRestore {
    fn eq(&self, other: &Self) -> bool {
        self.profiles.len() == other.profiles.len()
            && self
                .profiles
                .iter()
                .zip(other.profiles.iter())
                .all(|(a, b)| a.uuid == b.uuid && a.settings == b.settings)
    }
}

// Settings hold D-Bus values, which are `Eq` (`zvariant::Value` is); `OwnedValue` only
// omits the derive.
impl Eq for PendingRestore {}

impl fmt::Debug for PendingRestore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingRestore")
            .field("profiles", &self.profiles().collect::<Vec<_>>())
            .finish()
    }
}

impl fmt::Display for PendingRestore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, id) in self.profiles().enumerate() {
            if n > 0 {
                f.write_str(", ")?;
            }
            write!(f, "\"{id}\"")?;
        }
        Ok(())
    }
}

/// Saves the old settings of `pending` back into their profiles (`Update2`, to disk; each
/// found by its UUID) and activates each again on the devices where it is active, so that
/// they are in effect; returns how many profiles got their settings back.
///
/// NetworkManager not running (its name without owner, or, while it starts, its settings
/// not exported yet) is [`DnsError::NetworkManagerMissing`], and not answering is
/// [`DnsError::NetworkManagerNoAnswer`]: call again once it is back (putting settings back
/// twice does no harm). A profile deleted meanwhile is skipped.
pub async fn restore(bus: &SystemBus, pending: &PendingRestore) -> Result<usize, DnsError> {
    let connection = bus.connection().await.map_err(DnsError::network_manager)?;
    require(
        &connection,
        NETWORK_MANAGER,
        DnsError::NetworkManagerMissing,
    )
    .await?;
    let settings = SettingsProxy::builder(&connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(nm_failed)?;
    let mut restored: Vec<OwnedObjectPath> = Vec::new();
    for saved in pending.profiles.iter() {
        let path = match settings.get_connection_by_uuid(&saved.uuid).await {
            Ok(path) => path,
            Err(error) => {
                let failure = DbusFailure::from(error);
                if failure.error_name() == Some(NO_SUCH_PROFILE) {
                    tracing::warn!(profile = saved.id, "profile deleted; nothing to put back");
                    continue;
                }
                return Err(nm_root_failure(failure));
            }
        };
        let update = async {
            ProfileProxy::builder(&connection)
                .path(path.clone())?
                .cache_properties(zbus::proxy::CacheProperties::No)
                .build()
                .await?
                .update2(borrowed(&saved.settings), UPDATE_TO_DISK, HashMap::new())
                .await
        };
        match update.await {
            Ok(_) => {
                tracing::info!(profile = saved.id, "old private DNS settings put back");
                restored.push(path);
            }
            Err(error) => {
                let failure = DbusFailure::from(error);
                if !is_gone(&failure) {
                    return Err(DnsError::network_manager(failure));
                }
                tracing::warn!(profile = saved.id, "profile deleted; nothing to put back");
            }
        }
    }
    if restored.is_empty() {
        return Ok(0);
    }
    // Activated again rather than reapplied, as `apply`'s own restore does.
    let manager = NetworkManagerProxy::new(&connection)
        .await
        .map_err(nm_failed)?;
    let none = ObjectPath::from_static_str_unchecked("/");
    for device in active_devices(&connection).await? {
        if !restored.contains(&device.profile) {
            continue;
        }
        let activate = manager.activate_connection(&device.profile, &device.device, &none);
        if unless_gone(activate).await?.is_some() {
            tracing::info!(interface = device.interface, "old settings activated");
        }
    }
    Ok(restored.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use zbus::zvariant::OwnedValue;

    fn settings(id: &str, uuid: &str, dns: &str) -> Settings {
        let text = |s: &str| OwnedValue::try_from(zbus::zvariant::Value::from(s)).unwrap();
        HashMap::from([
            (
                "connection".to_owned(),
                HashMap::from([("id".to_owned(), text(id)), ("uuid".to_owned(), text(uuid))]),
            ),
            (
                "ipv4".to_owned(),
                HashMap::from([("method".to_owned(), text(dns))]),
            ),
        ])
    }

    #[test]
    fn a_pending_restore_names_its_profiles_and_compares_by_content() {
        assert_eq!(PendingRestore::of(&[]), None);
        let wired = settings("Wired", "5f0c3a52", "auto");
        let cafe = settings("Café", "77aa", "auto");
        let pending = PendingRestore::of([&wired, &cafe]).unwrap();
        assert_eq!(pending.profiles().collect::<Vec<_>>(), ["Wired", "Café"]);
        assert_eq!(pending.to_string(), "\"Wired\", \"Café\"");
        assert_eq!(
            format!("{pending:?}"),
            "PendingRestore { profiles: [\"Wired\", \"Café\"] }"
        );
        assert!(!pending.is_empty());
        assert!(PendingRestore::default().is_empty());
        assert_eq!(pending, PendingRestore::of([&wired, &cafe]).unwrap());
        let other = settings("Wired", "5f0c3a52", "manual");
        assert_ne!(pending, PendingRestore::of([&other, &cafe]).unwrap());
        assert_ne!(pending, PendingRestore::of([&wired]).unwrap());
    }
}
