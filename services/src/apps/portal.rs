//! Portal grants: what a person allowed an app through a portal (notifications, running in
//! the background, camera, microphone, location, screenshots, …), kept by the permission store
//! (`org.freedesktop.impl.portal.PermissionStore` on the session bus, `xdg-permission-store`,
//! started by the bus on first call). Read per app and revoked one by one. zbus only: no
//! libflatpak here.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use crate::error::{DbusFailure, FailureKind};

use super::error::AppsError;

/// The permission store's bus name.
pub const PERMISSION_STORE_BUS_NAME: &str = "org.freedesktop.impl.portal.PermissionStore";

/// How long reading an app's grants, or revoking one, may take in all. The store is a small
/// local daemon answering from a file it keeps open: a store that owns its name but does not
/// answer within this (stopped, hung) is said as such instead of a page that stays
/// "Loading…" for the connection's longer method timeout.
pub const PERMISSION_STORE_TIMEOUT: Duration = Duration::from_secs(5);

/// The tables the portals keep their grants in, with the ids they use.
pub const PORTAL_TABLES: &[&str] = &[
    "notifications",
    "background",
    "devices",
    "location",
    "screenshot",
    "screencast",
    "remote-desktop",
    "inhibit",
    "wallpaper",
    "gamemode",
    "realtime",
];

#[zbus::proxy(
    interface = "org.freedesktop.impl.portal.PermissionStore",
    default_service = "org.freedesktop.impl.portal.PermissionStore",
    default_path = "/org/freedesktop/impl/portal/PermissionStore"
)]
trait PermissionStore {
    /// The ids with entries in `table`.
    fn list(&self, table: &str) -> zbus::Result<Vec<String>>;

    /// Every app's permissions for `id` in `table`, and the entry's data.
    fn lookup(
        &self,
        table: &str,
        id: &str,
    ) -> zbus::Result<(HashMap<String, Vec<String>>, zbus::zvariant::OwnedValue)>;

    /// Removes `app`'s permissions for `id` in `table`.
    fn delete_permission(&self, table: &str, id: &str, app: &str) -> zbus::Result<()>;
}

/// What a portal grant is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PortalPermission {
    /// Showing notifications.
    Notifications,
    /// Running in the background (and starting at login).
    Background,
    /// The camera.
    Camera,
    /// The microphone.
    Microphone,
    /// The speakers.
    Speakers,
    /// The location.
    Location,
    /// Taking screenshots without asking.
    Screenshot,
    /// Another table or id: `(table, id)`.
    Other(String, String),
}

impl PortalPermission {
    fn of(table: &str, id: &str) -> Self {
        match (table, id) {
            ("notifications", _) => Self::Notifications,
            ("background", _) => Self::Background,
            ("devices", "camera") => Self::Camera,
            ("devices", "microphone") => Self::Microphone,
            ("devices", "speakers") => Self::Speakers,
            ("location", _) => Self::Location,
            ("screenshot", _) => Self::Screenshot,
            _ => Self::Other(table.to_owned(), id.to_owned()),
        }
    }
}

/// One grant of the permission store for one app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortalGrant {
    /// What it is about.
    pub permission: PortalPermission,
    /// The store's table.
    pub table: String,
    /// The entry's id in the table.
    pub id: String,
    /// The values stored for the app (`yes`, `no`, `ask`, a location accuracy, …).
    pub values: Vec<String>,
}

impl PortalGrant {
    /// Whether the first value says yes (the portals' answer for a grant).
    pub fn is_granted(&self) -> bool {
        self.values.first().is_some_and(|value| value == "yes")
    }
}

fn store_error(failure: DbusFailure) -> AppsError {
    match failure.kind() {
        FailureKind::ServiceMissing | FailureKind::BusUnreachable => {
            AppsError::PermissionStoreUnavailable {
                detail: Arc::from(failure.to_string()),
            }
        }
        FailureKind::Timeout => AppsError::PermissionStoreTimedOut {
            detail: Arc::from(failure.to_string()),
        },
        FailureKind::AccessDenied => AppsError::PermissionDenied {
            detail: Arc::from(failure.to_string()),
        },
        _ => AppsError::Other {
            detail: Arc::from(failure.to_string()),
        },
    }
}

/// `work` against the store, bounded by [`PERMISSION_STORE_TIMEOUT`].
async fn bounded<T>(work: impl Future<Output = Result<T, AppsError>>) -> Result<T, AppsError> {
    tokio::time::timeout(PERMISSION_STORE_TIMEOUT, work)
        .await
        .unwrap_or_else(|_| {
            Err(AppsError::PermissionStoreTimedOut {
                detail: Arc::from(format!(
                    "{PERMISSION_STORE_BUS_NAME} did not answer within {PERMISSION_STORE_TIMEOUT:?}"
                )),
            })
        })
}

/// Whether the store said the table or entry does not exist (`org.freedesktop.portal.Error.
/// NotFound`), which for a read means "no grants".
fn is_not_found(failure: &DbusFailure) -> bool {
    failure
        .error_name()
        .is_some_and(|name| name.ends_with(".NotFound"))
}

/// Every grant the permission store on `connection` (a session bus) keeps for `app_id`, in
/// the portals' tables ([`PORTAL_TABLES`]), within [`PERMISSION_STORE_TIMEOUT`]. A store that
/// is gone ([`AppsError::PermissionStoreUnavailable`]; the bus starts it again on the next
/// call) or hung ([`AppsError::PermissionStoreTimedOut`]) fails the whole read.
pub async fn portal_grants(
    connection: &zbus::Connection,
    app_id: &str,
) -> Result<Vec<PortalGrant>, AppsError> {
    bounded(read_grants(connection, app_id)).await
}

async fn read_grants(
    connection: &zbus::Connection,
    app_id: &str,
) -> Result<Vec<PortalGrant>, AppsError> {
    let store = PermissionStoreProxy::new(connection)
        .await
        .map_err(|error| store_error(DbusFailure::from(error)))?;
    let mut grants = Vec::new();
    for table in PORTAL_TABLES {
        let ids = match store.list(table).await {
            Ok(ids) => ids,
            Err(error) => {
                let failure = DbusFailure::from(error);
                if is_not_found(&failure) {
                    continue;
                }
                return Err(store_error(failure));
            }
        };
        for id in ids {
            let (apps, _data) = match store.lookup(table, &id).await {
                Ok(found) => found,
                Err(error) => {
                    let failure = DbusFailure::from(error);
                    if is_not_found(&failure) {
                        continue;
                    }
                    return Err(store_error(failure));
                }
            };
            if let Some(values) = apps.get(app_id) {
                grants.push(PortalGrant {
                    permission: PortalPermission::of(table, &id),
                    table: (*table).to_owned(),
                    id,
                    values: values.clone(),
                });
            }
        }
    }
    grants.sort_by(|a, b| a.permission.cmp(&b.permission));
    Ok(grants)
}

/// Removes `app_id`'s entry for `grant` from the permission store (the portal asks again
/// next time), within [`PERMISSION_STORE_TIMEOUT`]. A store that went away before it answered
/// did not revoke it; one that timed out may still do it when it runs again.
pub async fn revoke_portal_grant(
    connection: &zbus::Connection,
    app_id: &str,
    grant: &PortalGrant,
) -> Result<(), AppsError> {
    bounded(async {
        let store = PermissionStoreProxy::new(connection)
            .await
            .map_err(|error| store_error(DbusFailure::from(error)))?;
        store
            .delete_permission(&grant.table, &grant.id, app_id)
            .await
            .map_err(|error| store_error(DbusFailure::from(error)))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_ids_are_named() {
        assert_eq!(
            PortalPermission::of("devices", "camera"),
            PortalPermission::Camera
        );
        assert_eq!(
            PortalPermission::of("notifications", "notification"),
            PortalPermission::Notifications
        );
        assert_eq!(
            PortalPermission::of("devices", "joystick"),
            PortalPermission::Other("devices".into(), "joystick".into())
        );
        let grant = PortalGrant {
            permission: PortalPermission::Background,
            table: "background".into(),
            id: "background".into(),
            values: vec!["yes".into()],
        };
        assert!(grant.is_granted());
    }
}
