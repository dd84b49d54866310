//! Creating the machine's first person through AccountsService (the first-boot setup).
//!
//! A person, for Ferrum, is an account with a user id from 1000 to 60000 and a login
//! shell: what AccountsService counts in `HasNoUsers` and what the image's polkit helper
//! `no-people` checks (it reads only the passwd database, as polkitd's own user can).
//!
//! Creating one is three calls, and the account becomes a person only at the last:
//! 1. `CreateUser(name, real name, type)` — the image's `useradd` default shell is
//!    `nologin`, so the new account is not yet a person;
//! 2. `SetPassword(hash, "")` — the SHA-512-crypt hash is made here, in our process
//!    ([`hash_password`]); the password itself never leaves it;
//! 3. `SetShell(`[`LOGIN_SHELL`]`)` — now it is a person.
//!
//! While the machine has no person, the polkit rule lets the greeter's user make these
//! calls; once step 3 is done it no longer does. **Nothing half-done:** when step 2 or
//! 3 fails the account is deleted again ([`NewAccountError::Undone`]); when that fails
//! too (AccountsService gone), the error names the [`Leftover`] — a locked account with
//! no login shell, which is no person and so still removable by [`remove`] once
//! AccountsService answers again.

use std::io::Read as _;

use sha_crypt::{Algorithm, Params, PasswordHasher as _, ShaCrypt};
use zeroize::Zeroizing;

use crate::bus::SystemBus;
use crate::error::{DbusFailure, FailureKind};
use crate::proxies::accounts::AccountsProxy;
use crate::proxies::accounts_user::UserProxy;
use crate::secret::Secret;

/// The shell that makes the new account a person (set last).
pub const LOGIN_SHELL: &str = "/bin/bash";

/// SHA-512-crypt rounds: 20 times crypt's default of 5000 (about 0.1 s here).
pub const HASH_ROUNDS: u32 = 100_000;

/// AccountsService's account types.
const STANDARD: i32 = 0;
const ADMINISTRATOR: i32 = 1;

/// The person to create. `Debug` shows no password ([`Secret`] is redacted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    /// The login name (checked by the caller: lowercase, allowed characters).
    pub user_name: String,
    /// The full name.
    pub real_name: String,
    /// An administrator (AccountsService adds them to the administrators' group).
    pub administrator: bool,
    /// The password.
    pub password: Secret,
}

/// The account made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    /// Its login name.
    pub user_name: String,
    /// Its user id.
    pub uid: u64,
}

/// An account made but not finished, which could not be deleted again: locked (no
/// password) and without a login shell, so nobody can log in with it and it is no
/// person. [`remove`] deletes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leftover {
    /// Its login name.
    pub user_name: String,
    /// Its user id.
    pub uid: u64,
}

/// The step of [`create`] that failed after the account was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Setting the password.
    Password,
    /// Setting the login shell.
    Shell,
}

/// Why the account was not created (or not removed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NewAccountError {
    /// An account of that name exists.
    #[error("an account named {0:?} exists")]
    NameTaken(String),
    /// polkit (AccountsService) refused the caller.
    #[error("not allowed to create accounts: {0}")]
    NotAllowed(DbusFailure),
    /// AccountsService is not running.
    #[error("AccountsService is not running")]
    Unavailable(DbusFailure),
    /// AccountsService owns its name but did not answer in time (hung).
    #[error("AccountsService did not answer in time: {0}")]
    NoAnswer(DbusFailure),
    /// Any other failure of AccountsService.
    #[error("AccountsService failed: {0}")]
    Failed(DbusFailure),
    /// The password could not be hashed (no randomness for the salt).
    #[error("the password could not be hashed: {0}")]
    Hash(String),
    /// The account was made, a later step failed, and it was deleted again.
    #[error("the account could not be finished ({step:?}: {cause}) and was removed again")]
    Undone {
        /// The step that failed.
        step: Step,
        /// Why.
        cause: Box<NewAccountError>,
    },
    /// The account was made, a later step failed, and deleting it failed too.
    #[error(
        "the account could not be finished ({step:?}: {cause}) and not removed either: {removal}"
    )]
    LeftBehind {
        /// The step that failed.
        step: Step,
        /// Why.
        cause: Box<NewAccountError>,
        /// Why it could not be deleted.
        removal: Box<NewAccountError>,
        /// The account left.
        leftover: Leftover,
    },
}

impl NewAccountError {
    /// The failure AccountsService's own error names mean.
    fn classify(failure: DbusFailure) -> Self {
        match failure.error_name() {
            Some("org.freedesktop.Accounts.Error.PermissionDenied") => {
                return Self::NotAllowed(failure);
            }
            Some("org.freedesktop.Accounts.Error.UserExists") => {
                return Self::NameTaken(String::new());
            }
            _ => {}
        }
        match failure.kind() {
            FailureKind::ServiceMissing | FailureKind::BusUnreachable => Self::Unavailable(failure),
            FailureKind::AccessDenied => Self::NotAllowed(failure),
            FailureKind::Timeout => Self::NoAnswer(failure),
            FailureKind::InvalidArgument | FailureKind::Other => Self::Failed(failure),
        }
    }

    /// The failure behind a wrapped one ([`Self::Undone`], [`Self::LeftBehind`]).
    pub fn cause(&self) -> &Self {
        match self {
            Self::Undone { cause, .. } | Self::LeftBehind { cause, .. } => cause.cause(),
            other => other,
        }
    }
}

impl From<zbus::Error> for NewAccountError {
    fn from(error: zbus::Error) -> Self {
        Self::classify(DbusFailure::from(error))
    }
}

impl From<DbusFailure> for NewAccountError {
    fn from(failure: DbusFailure) -> Self {
        Self::classify(failure)
    }
}

/// The SHA-512-crypt hash (`$6$rounds=…$salt$…`) of `password` with a fresh 16-character
/// salt (12 random bytes: crypt reads at most 16 salt characters). CPU work: call it off
/// the UI thread ([`create`] does).
pub fn hash_password(password: &Secret) -> Result<Zeroizing<String>, NewAccountError> {
    let mut salt = [0u8; 12];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut random| random.read_exact(&mut salt))
        .map_err(|error| NewAccountError::Hash(error.to_string()))?;
    let params =
        Params::new(HASH_ROUNDS).map_err(|error| NewAccountError::Hash(error.to_string()))?;
    let hash = ShaCrypt::new(Algorithm::Sha512Crypt, params)
        .hash_password_with_salt(password.expose().as_bytes(), &salt)
        .map_err(|error| NewAccountError::Hash(error.to_string()))?;
    Ok(Zeroizing::new(hash.as_str().to_owned()))
}

/// Calls `method` on `proxy` with D-Bus's `ALLOW_INTERACTIVE_AUTHORIZATION` flag, so polkit
/// may ask the session's authentication agent (accounts-daemon asks polkit for interaction
/// only when the call carries the flag; the login screen has no agent, so there it changes
/// nothing). Bounded by `bus`'s interactive bound ([`SystemBus::interactive`]: minutes,
/// since the person may be typing their password), not by the 20 s of other calls.
pub(crate) async fn call_interactive<B, R>(
    bus: &SystemBus,
    proxy: &zbus::Proxy<'_>,
    method: &'static str,
    body: &B,
) -> zbus::Result<R>
where
    B: serde::ser::Serialize + zbus::zvariant::DynamicType,
    R: for<'d> zbus::zvariant::DynamicDeserialize<'d>,
{
    let call = proxy.call_with_flags::<_, _, R>(
        method,
        zbus::proxy::MethodFlags::AllowInteractiveAuth.into(),
        body,
    );
    // zbus bounds only its plain calls by the connection's method timeout; this one is
    // bounded here by the interactive bound, so a hung daemon fails it as a timeout.
    let limit = bus.interactive().method_timeout();
    let reply = tokio::time::timeout(limit, call).await.map_err(|_| {
        zbus::Error::InputOutput(std::sync::Arc::new(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            format!("{method}: no answer within {limit:?}"),
        )))
    })??;
    reply.ok_or_else(|| zbus::Error::Failure(format!("{method}: no reply")))
}

async fn accounts(
    bus: &SystemBus,
) -> Result<(zbus::Connection, AccountsProxy<'static>), NewAccountError> {
    let connection = bus.connection().await?;
    let proxy = AccountsProxy::builder(&connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?;
    Ok((connection, proxy))
}

async fn user(
    connection: &zbus::Connection,
    path: zbus::zvariant::OwnedObjectPath,
) -> Result<UserProxy<'static>, NewAccountError> {
    Ok(UserProxy::builder(connection)
        .path(path)?
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?)
}

/// Whether the machine has a person on it (AccountsService's `HasNoUsers`, negated).
pub async fn has_people(bus: &SystemBus) -> Result<bool, NewAccountError> {
    let (_connection, accounts) = accounts(bus).await?;
    Ok(!accounts.has_no_users().await?)
}

/// Whether an account (person or system) has the login name `name`.
pub async fn is_taken(bus: &SystemBus, name: &str) -> Result<bool, NewAccountError> {
    let (_connection, accounts) = accounts(bus).await?;
    match accounts.find_user_by_name(name).await {
        Ok(_) => Ok(true),
        Err(error) => {
            let failure = DbusFailure::from(error);
            match failure.error_name() {
                // accounts-daemon 22.08 says so with its own name, older ones with Failed.
                Some(
                    "org.freedesktop.Accounts.Error.UserDoesNotExist"
                    | "org.freedesktop.Accounts.Error.Failed",
                ) => Ok(false),
                _ => Err(NewAccountError::classify(failure)),
            }
        }
    }
}

/// Creates the person (see the module's steps); on failure nothing is left but what
/// [`NewAccountError::LeftBehind`] names.
pub async fn create(bus: &SystemBus, account: &NewAccount) -> Result<Created, NewAccountError> {
    create_with(bus, account, async || {}).await
}

/// [`create`], running `between` after the account was made and before its password is
/// set (the fault tests stop AccountsService there).
pub async fn create_with(
    bus: &SystemBus,
    account: &NewAccount,
    between: impl AsyncFnOnce(),
) -> Result<Created, NewAccountError> {
    let password = account.password.clone();
    let hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|error| NewAccountError::Hash(error.to_string()))??;
    let (connection, accounts) = accounts(bus).await?;
    let kind = if account.administrator {
        ADMINISTRATOR
    } else {
        STANDARD
    };
    let path: zbus::zvariant::OwnedObjectPath = call_interactive(
        bus,
        accounts.inner(),
        "CreateUser",
        &(account.user_name.as_str(), account.real_name.as_str(), kind),
    )
    .await
    .map_err(|error| match NewAccountError::from(error) {
        NewAccountError::NameTaken(_) => NewAccountError::NameTaken(account.user_name.clone()),
        other => other,
    })?;
    tracing::info!(user = %account.user_name, administrator = account.administrator, "account created");
    let uid = match user(&connection, path.clone()).await {
        Ok(user) => user.uid().await.ok(),
        Err(_) => None,
    };
    between().await;
    let finish = async {
        let user = user(&connection, path.clone())
            .await
            .map_err(|error| (Step::Password, error))?;
        call_interactive::<_, ()>(bus, user.inner(), "SetPassword", &(hash.as_str(), ""))
            .await
            .map_err(|error| (Step::Password, NewAccountError::from(error)))?;
        call_interactive::<_, ()>(bus, user.inner(), "SetShell", &(LOGIN_SHELL,))
            .await
            .map_err(|error| (Step::Shell, NewAccountError::from(error)))?;
        Ok::<_, (Step, NewAccountError)>(())
    };
    let Err((step, cause)) = finish.await else {
        tracing::info!(user = %account.user_name, "password and shell set");
        return Ok(Created {
            user_name: account.user_name.clone(),
            uid: uid.unwrap_or_default(),
        });
    };
    tracing::warn!(user = %account.user_name, ?step, error = %cause, "the new account could not be finished; removing it");
    let leftover = Leftover {
        user_name: account.user_name.clone(),
        uid: uid.unwrap_or_default(),
    };
    let removal = match uid {
        Some(_) => remove(bus, &leftover).await,
        None => Err(cause.clone()),
    };
    match removal {
        Ok(()) => Err(NewAccountError::Undone {
            step,
            cause: Box::new(cause),
        }),
        Err(removal) => {
            tracing::warn!(user = %account.user_name, error = %removal, "the unfinished account is left");
            Err(NewAccountError::LeftBehind {
                step,
                cause: Box::new(cause),
                removal: Box::new(removal),
                leftover,
            })
        }
    }
}

/// Deletes an unfinished account (with its home folder), after checking that its user id
/// still has that name.
pub async fn remove(bus: &SystemBus, leftover: &Leftover) -> Result<(), NewAccountError> {
    let (connection, accounts) = accounts(bus).await?;
    let id = i64::try_from(leftover.uid)
        .map_err(|_| NewAccountError::Failed(DbusFailure::new(FailureKind::Other, "uid")))?;
    let path = accounts.find_user_by_id(id).await?;
    let name = user(&connection, path).await?.user_name().await?;
    if name != leftover.user_name {
        return Err(NewAccountError::Failed(DbusFailure::new(
            FailureKind::Other,
            format!(
                "uid {} is {name:?}, not {:?}",
                leftover.uid, leftover.user_name
            ),
        )));
    }
    call_interactive::<_, ()>(bus, accounts.inner(), "DeleteUser", &(id, true)).await?;
    tracing::info!(user = %leftover.user_name, "unfinished account removed");
    Ok(())
}

/// A D-Bus error reply named `name`, as AccountsService (or the bus) sends one: for the
/// tests of how failures are sorted, here and in [`crate::users`].
#[cfg(test)]
pub(crate) fn method_error(name: &str) -> zbus::Error {
    zbus::Error::MethodError(
        zbus::names::OwnedErrorName::try_from(name).expect("a name"),
        Some("detail".into()),
        zbus::message::Message::method_call("/", "X")
            .expect("builder")
            .build(&())
            .expect("message"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_sha512_crypt_with_a_16_character_salt() {
        let password = Secret::new("correct horse".into());
        let hash = hash_password(&password).expect("hashed");
        let parts: Vec<&str> = hash.split('$').collect();
        assert_eq!(parts[1], "6");
        assert_eq!(parts[2], format!("rounds={HASH_ROUNDS}"));
        assert_eq!(parts[3].len(), 16);
        assert!(!hash.contains("correct horse"));
        let again = hash_password(&password).expect("hashed");
        assert_ne!(*hash, *again, "a fresh salt each time");
    }

    #[test]
    fn the_new_account_never_shows_its_password() {
        let account = NewAccount {
            user_name: "ada".into(),
            real_name: "Ada".into(),
            administrator: true,
            password: Secret::new("hunter2".into()),
        };
        assert!(!format!("{account:?}").contains("hunter2"));
    }

    #[test]
    fn accounts_service_errors_are_sorted() {
        let named = |name: &str| NewAccountError::from(method_error(name));
        assert!(matches!(
            named("org.freedesktop.Accounts.Error.PermissionDenied"),
            NewAccountError::NotAllowed(_)
        ));
        assert!(matches!(
            named("org.freedesktop.Accounts.Error.UserExists"),
            NewAccountError::NameTaken(_)
        ));
        assert!(matches!(
            named("org.freedesktop.DBus.Error.ServiceUnknown"),
            NewAccountError::Unavailable(_)
        ));
        let undone = NewAccountError::Undone {
            step: Step::Password,
            cause: Box::new(NewAccountError::NoAnswer(DbusFailure::new(
                FailureKind::Timeout,
                "late",
            ))),
        };
        assert!(matches!(undone.cause(), NewAccountError::NoAnswer(_)));
    }
}
