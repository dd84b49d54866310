//! AccountsService: the people who can log in (for the greeter's user list).

use std::path::PathBuf;

use futures::Stream;
use zbus::Connection;

use crate::bus::SystemBus;
use crate::error::DbusFailure;
use crate::proxies::accounts::AccountsProxy;
use crate::proxies::accounts_user::UserProxy;
use crate::watch::{ServiceUpdate, Watched, watch_through_hangs};

/// The daemon's bus name.
pub const BUS_NAME: &str = "org.freedesktop.Accounts";

const WATCHED: Watched = Watched {
    bus_name: BUS_NAME,
    path_namespace: "/org/freedesktop/Accounts",
};

/// A person who can log in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserAccount {
    /// Login name.
    pub name: String,
    /// Real name, when set.
    pub real_name: Option<String>,
    /// The picture, when it exists.
    pub icon: Option<PathBuf>,
    /// The user's language (`de_DE.UTF-8`), when set.
    pub language: Option<String>,
    /// The user's last session id, when AccountsService knows it.
    pub session: Option<String>,
    /// User id.
    pub uid: u64,
}

impl UserAccount {
    /// What a login screen shows: the real name, else the login name.
    pub fn display_name(&self) -> &str {
        self.real_name.as_deref().unwrap_or(&self.name)
    }
}

/// What can go wrong talking to AccountsService.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountsError {
    /// AccountsService is not running.
    #[error("AccountsService is not running")]
    Unavailable(DbusFailure),
    /// AccountsService owns its name but did not answer in time (hung).
    #[error("AccountsService did not answer in time: {0}")]
    NoAnswer(DbusFailure),
    /// Any other failure.
    #[error("AccountsService failed: {0}")]
    Failed(DbusFailure),
}

impl From<zbus::Error> for AccountsError {
    fn from(error: zbus::Error) -> Self {
        let failure = DbusFailure::from(error);
        if failure.is_absence() {
            Self::Unavailable(failure)
        } else if failure.kind() == crate::error::FailureKind::Timeout {
            Self::NoAnswer(failure)
        } else {
            Self::Failed(failure)
        }
    }
}

fn non_empty(text: String) -> Option<String> {
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

/// The people who can log in: no system accounts, no locked accounts, sorted
/// by the name shown.
pub async fn list_users(connection: Connection) -> Result<Vec<UserAccount>, AccountsError> {
    let accounts = AccountsProxy::builder(&connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?;
    let mut users = Vec::new();
    for path in accounts.list_cached_users().await? {
        let user = UserProxy::builder(&connection)
            .path(path)?
            .cache_properties(zbus::proxy::CacheProperties::Yes)
            .build()
            .await?;
        if user.system_account().await? || user.locked().await? {
            continue;
        }
        let icon = non_empty(user.icon_file().await?)
            .map(PathBuf::from)
            .filter(|path| path.is_file());
        users.push(UserAccount {
            name: user.user_name().await?,
            real_name: non_empty(user.real_name().await?),
            icon,
            language: non_empty(user.language().await?),
            session: non_empty(user.session().await?),
            uid: user.uid().await?,
        });
    }
    users.sort_by(|a, b| {
        a.display_name()
            .to_lowercase()
            .cmp(&b.display_name().to_lowercase())
    });
    Ok(users)
}

/// Follows the user list: now, after users are added, removed or changed,
/// and across the daemon's absence.
///
/// A hung AccountsService (it owns its name but a read did not answer in time,
/// [`AccountsError::NoAnswer`]) announces nothing when it resumes, so after such a read the
/// stream reads again every 2 s (each read bounded by the connection's method timeout)
/// until it answers.
pub fn watch_users(
    bus: SystemBus,
) -> impl Stream<Item = ServiceUpdate<Vec<UserAccount>, AccountsError>> + Send {
    watch_through_hangs(bus, WATCHED, list_users, |error| {
        matches!(error, AccountsError::NoAnswer(_))
    })
}
