//! The Users page's AccountsService work: the people on the machine and the administrator's
//! changes to them.
//!
//! **Who is listed.** Every account AccountsService knows that is not a system account
//! (uid 1000–60000 with a login shell, as AccountsService decides), locked ones included —
//! with its account type, real name, picture, whether it is locked and whether it is the
//! caller. [`watch`] follows the daemon (`UserAdded`, `UserDeleted`, each user's `Changed`)
//! and reads again through a hang, as the other services do.
//!
//! **Changes** are administrator actions (`org.freedesktop.accounts.user-administration`;
//! a picture of one's own account is `…change-own-user-data`). Each call carries D-Bus's
//! `ALLOW_INTERACTIVE_AUTHORIZATION` flag, so polkit may ask the session's authentication
//! agent; a refusal is [`UsersError::NotAllowed`] and changes nothing. Every change is bounded
//! by the bus's interactive bound ([`SystemBus::interactive`], minutes: the person may be
//! typing a password), every read by its method timeout: a hung daemon is
//! [`UsersError::NoAnswer`], a gone one [`UsersError::Unavailable`].
//!
//! Automatic login ([`set_automatic_login`]) is `…set-login-option`, also an administrator's.
//!
//! Creating a person is [`crate::new_account::create`] (the three steps, the password hashed
//! in our process, nothing half-done), with the login name checked here first
//! ([`check_name`]). Passwords travel as [`Secret`]s and leave this process only as their
//! SHA-512-crypt hash ([`crate::new_account::hash_password`]); nothing here logs them.

use std::path::{Path, PathBuf};

use futures::Stream;
use zbus::Connection;

use crate::bus::SystemBus;
use crate::error::DbusFailure;
use crate::new_account::{self, Leftover, NewAccount, NewAccountError};
use crate::proxies::accounts::AccountsProxy;
use crate::proxies::accounts_user::UserProxy;
use crate::secret::Secret;
use crate::watch::{ServiceUpdate, Watched, watch_through_hangs};

pub use crate::accounts::BUS_NAME;

const WATCHED: Watched = Watched {
    bus_name: BUS_NAME,
    path_namespace: "/org/freedesktop/Accounts",
};

/// The longest login name `useradd` takes.
pub const NAME_MAX: usize = 32;

/// The shortest password taken.
pub const MIN_PASSWORD: usize = 8;
/// The longest password taken, in bytes (PAM's `PAM_MAX_RESP_SIZE`: it is typed at login).
pub const MAX_PASSWORD_BYTES: usize = 512;

/// Why a password cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Shorter than [`MIN_PASSWORD`].
    TooShort,
    /// Longer than [`MAX_PASSWORD_BYTES`].
    TooLong,
    /// The two fields differ.
    Mismatch,
}

/// How hard a password would be to guess (a hint shown as it is typed; the same rule as
/// the first-boot setup's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Too short to be taken.
    TooShort,
    /// Short, or of few distinct characters.
    Weak,
    /// Fair.
    Fair,
    /// Long and varied.
    Strong,
}

/// The strength hint for `password`.
pub fn strength(password: &Secret) -> Strength {
    let password = password.expose();
    let length = password.chars().count();
    if length < MIN_PASSWORD {
        return Strength::TooShort;
    }
    let kinds = [
        password.chars().any(char::is_lowercase),
        password.chars().any(char::is_uppercase),
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ]
    .into_iter()
    .filter(|kind| *kind)
    .count();
    let mut chars: Vec<char> = password.chars().collect();
    chars.sort_unstable();
    chars.dedup();
    let distinct = chars.len();
    // The sorted copy of the characters is wiped.
    chars.iter_mut().for_each(|c| *c = '\0');
    if distinct < 4 {
        return Strength::Weak;
    }
    match (length, kinds) {
        (16.., _) | (12.., 3..) => Strength::Strong,
        (12.., _) | (_, 3..) => Strength::Fair,
        _ => Strength::Weak,
    }
}

/// Checks a password and its confirmation.
pub fn check_password(password: &Secret, confirmation: &Secret) -> Result<(), PasswordProblem> {
    if password.char_count() < MIN_PASSWORD {
        return Err(PasswordProblem::TooShort);
    }
    if password.expose().len() > MAX_PASSWORD_BYTES {
        return Err(PasswordProblem::TooLong);
    }
    if password != confirmation {
        return Err(PasswordProblem::Mismatch);
    }
    Ok(())
}

/// What a person may do on the machine (AccountsService's `AccountType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccountType {
    /// A standard account.
    Standard,
    /// An administrator (in the administrators' group; may change the machine).
    Administrator,
}

impl AccountType {
    fn from_daemon(value: i32) -> Self {
        if value == 1 {
            Self::Administrator
        } else {
            Self::Standard
        }
    }

    fn to_daemon(self) -> i32 {
        match self {
            Self::Standard => 0,
            Self::Administrator => 1,
        }
    }
}

/// A person on the machine as AccountsService reports them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// User id.
    pub uid: u32,
    /// Login name.
    pub name: String,
    /// Real name, when set.
    pub real_name: Option<String>,
    /// The picture file the daemon names, when set (it may be gone: a reader checks).
    pub picture: Option<PathBuf>,
    /// Standard or administrator.
    pub account_type: AccountType,
    /// Locked (nobody can log in with it).
    pub locked: bool,
    /// Logged in without a password when the computer starts (AccountsService's
    /// `AutomaticLogin`; at most one person has it).
    pub automatic_login: bool,
    /// The person asking (the caller's uid).
    pub is_caller: bool,
}

impl Person {
    /// The name shown: the real name, else the login name.
    pub fn display_name(&self) -> &str {
        self.real_name.as_deref().unwrap_or(&self.name)
    }

    /// Up to two initials of the name shown (for a person without a picture).
    pub fn initials(&self) -> String {
        self.display_name()
            .split_whitespace()
            .filter_map(|word| word.chars().next())
            .take(2)
            .flat_map(char::to_uppercase)
            .collect()
    }
}

/// Why a login name cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    /// Nothing typed.
    Empty,
    /// Longer than [`NAME_MAX`].
    TooLong,
    /// Does not start with a lowercase letter or `_`.
    BadStart,
    /// A character other than lowercase letters, digits, `-` and `_`.
    BadCharacter(char),
}

/// Why a change was not made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsersError {
    /// polkit (through AccountsService) refused: nobody allowed it, or the administrator's
    /// password was not given.
    #[error("not allowed: {0}")]
    NotAllowed(DbusFailure),
    /// AccountsService is not running.
    #[error("AccountsService is not running: {0}")]
    Unavailable(DbusFailure),
    /// AccountsService owns its name but did not answer in time (hung).
    #[error("AccountsService did not answer in time: {0}")]
    NoAnswer(DbusFailure),
    /// An account of that name exists.
    #[error("an account named {0:?} exists")]
    NameTaken(String),
    /// The login name cannot be used.
    #[error("the login name cannot be used: {0:?}")]
    InvalidName(NameProblem),
    /// No account has this user id.
    #[error("no account has uid {0}")]
    NoSuchPerson(u32),
    /// The picture's path is not an absolute UTF-8 path (AccountsService takes only those).
    #[error("the picture's path {0:?} is not absolute")]
    BadPicturePath(PathBuf),
    /// The password could not be hashed.
    #[error("the password could not be hashed: {0}")]
    Hash(String),
    /// The account was made, a later step failed, and it could not be removed again.
    #[error("the account {} was left unfinished: {cause}", leftover.user_name)]
    LeftBehind {
        /// The failure of the later step.
        cause: Box<UsersError>,
        /// The locked account left (no login shell, no person).
        leftover: Leftover,
    },
    /// Any other failure of AccountsService.
    #[error("AccountsService failed: {0}")]
    Failed(DbusFailure),
}

impl UsersError {
    /// The failure behind [`Self::LeftBehind`].
    pub fn cause(&self) -> &Self {
        match self {
            Self::LeftBehind { cause, .. } => cause.cause(),
            other => other,
        }
    }

    /// The technical detail behind "Details".
    pub fn detail(&self) -> String {
        self.to_string()
    }
}

// AccountsService's failures are sorted in one place, `new_account`'s (its error names
// and the failure's kind); each of those kinds has its own variant here.
impl From<zbus::Error> for UsersError {
    fn from(error: zbus::Error) -> Self {
        Self::from(NewAccountError::from(error))
    }
}

impl From<DbusFailure> for UsersError {
    fn from(failure: DbusFailure) -> Self {
        Self::from(NewAccountError::from(failure))
    }
}

impl From<NewAccountError> for UsersError {
    fn from(error: NewAccountError) -> Self {
        match error {
            NewAccountError::NameTaken(name) => Self::NameTaken(name),
            NewAccountError::NotAllowed(failure) => Self::NotAllowed(failure),
            NewAccountError::Unavailable(failure) => Self::Unavailable(failure),
            NewAccountError::NoAnswer(failure) => Self::NoAnswer(failure),
            NewAccountError::Failed(failure) => Self::Failed(failure),
            NewAccountError::Hash(why) => Self::Hash(why),
            // Removed again: nothing is left, the later step's failure is the answer.
            NewAccountError::Undone { cause, .. } => Self::from(*cause),
            NewAccountError::LeftBehind {
                cause, leftover, ..
            } => Self::LeftBehind {
                cause: Box::new(Self::from(*cause)),
                leftover,
            },
        }
    }
}

fn non_empty(text: String) -> Option<String> {
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

/// Checks a login name as Debian's `adduser` and `useradd` take it: a lowercase letter or
/// `_` first, then lowercase letters, digits, `-` and `_`, at most [`NAME_MAX`] characters.
pub fn check_name(name: &str) -> Result<(), NameProblem> {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return Err(NameProblem::Empty);
    };
    if name.chars().count() > NAME_MAX {
        return Err(NameProblem::TooLong);
    }
    if !(first.is_ascii_lowercase() || first == '_') {
        return Err(NameProblem::BadStart);
    }
    match chars.find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_')))
    {
        Some(bad) => Err(NameProblem::BadCharacter(bad)),
        None => Ok(()),
    }
}

/// The login name suggested for a real name: its first word in lowercase ASCII letters and
/// digits (accents dropped: `Zoë Müller` → `zoe`), leading digits dropped, at most
/// [`NAME_MAX`]; empty when nothing is left.
pub fn suggest_name(real_name: &str) -> String {
    let word = real_name.split_whitespace().next().unwrap_or_default();
    let name: String = word
        .chars()
        .filter_map(fold_to_ascii)
        .skip_while(char::is_ascii_digit)
        .take(NAME_MAX)
        .collect();
    name
}

fn fold_to_ascii(c: char) -> Option<char> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let folded = match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' | 'ß' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        other => other,
    };
    (folded.is_ascii_lowercase() || folded.is_ascii_digit()).then_some(folded)
}

async fn accounts(connection: &Connection) -> Result<AccountsProxy<'static>, UsersError> {
    Ok(AccountsProxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?)
}

async fn user_at(
    connection: &Connection,
    path: zbus::zvariant::OwnedObjectPath,
) -> Result<UserProxy<'static>, UsersError> {
    Ok(UserProxy::builder(connection)
        .path(path)?
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?)
}

/// The account of `uid`.
async fn user(connection: &Connection, uid: u32) -> Result<UserProxy<'static>, UsersError> {
    let path = accounts(connection)
        .await?
        .find_user_by_id(i64::from(uid))
        .await
        .map_err(|error| match UsersError::from(error) {
            // accounts-daemon answers an unknown id with its own Failed.
            UsersError::Failed(_) => UsersError::NoSuchPerson(uid),
            other => other,
        })?;
    user_at(connection, path).await
}

/// Calls `method` on `proxy` allowing polkit to ask the session's authentication agent,
/// bounded by `bus`'s interactive bound ([`SystemBus::interactive`]).
async fn interactive<B>(
    bus: &SystemBus,
    proxy: &zbus::Proxy<'_>,
    method: &'static str,
    body: &B,
) -> Result<(), UsersError>
where
    B: serde::ser::Serialize + zbus::zvariant::DynamicType,
{
    new_account::call_interactive::<_, ()>(bus, proxy, method, body).await?;
    Ok(())
}

/// The people on the machine (no system accounts; locked ones included), sorted by the
/// name shown, `caller` marked.
pub async fn list(connection: Connection, caller: u32) -> Result<Vec<Person>, UsersError> {
    let accounts = accounts(&connection).await?;
    let mut people = Vec::new();
    for path in accounts.list_cached_users().await? {
        let user = UserProxy::builder(&connection)
            .path(path)?
            .cache_properties(zbus::proxy::CacheProperties::Yes)
            .build()
            .await?;
        if user.system_account().await? {
            continue;
        }
        let uid = u32::try_from(user.uid().await?).unwrap_or(u32::MAX);
        // As the daemon names it: whether it can be read is the page's to find out, off
        // the UI thread, when it loads the picture.
        let picture = non_empty(user.icon_file().await?).map(PathBuf::from);
        people.push(Person {
            uid,
            name: user.user_name().await?,
            real_name: non_empty(user.real_name().await?),
            picture,
            account_type: AccountType::from_daemon(user.account_type().await?),
            locked: user.locked().await?,
            automatic_login: user.automatic_login().await?,
            is_caller: uid == caller,
        });
    }
    people.sort_by(|a, b| {
        a.display_name()
            .to_lowercase()
            .cmp(&b.display_name().to_lowercase())
            .then(a.uid.cmp(&b.uid))
    });
    Ok(people)
}

/// Follows the people: now, after accounts are added, removed or changed, and across the
/// daemon's absence; a hung daemon is read again until it answers.
pub fn watch(
    bus: SystemBus,
    caller: u32,
) -> impl Stream<Item = ServiceUpdate<Vec<Person>, UsersError>> + Send {
    watch_through_hangs(
        bus,
        WATCHED,
        move |connection| list(connection, caller),
        |error| matches!(error, UsersError::NoAnswer(_)),
    )
}

/// A person to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPerson {
    /// The login name ([`check_name`]).
    pub name: String,
    /// The real name.
    pub real_name: String,
    /// Standard or administrator.
    pub account_type: AccountType,
    /// The password (redacted from `Debug`).
    pub password: Secret,
}

/// Adds a person: the login name checked, then AccountsService's `CreateUser`, the
/// password's hash and the login shell (see [`crate::new_account`]). Returns the new uid.
pub async fn create(bus: &SystemBus, person: &NewPerson) -> Result<u32, UsersError> {
    check_name(&person.name).map_err(UsersError::InvalidName)?;
    let account = NewAccount {
        user_name: person.name.clone(),
        real_name: person.real_name.trim().to_owned(),
        administrator: person.account_type == AccountType::Administrator,
        password: person.password.clone(),
    };
    let created = new_account::create(bus, &account).await?;
    Ok(u32::try_from(created.uid).unwrap_or_default())
}

/// What happens to a removed person's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Files {
    /// The home folder stays.
    Keep,
    /// The home folder and mail spool go too.
    Delete,
}

/// Removes the account of `uid` (AccountsService's `DeleteUser`).
pub async fn delete(bus: &SystemBus, uid: u32, files: Files) -> Result<(), UsersError> {
    let connection = bus.connection().await?;
    // Known first: an unknown uid is said as such, not as the daemon's generic failure.
    let name = user(&connection, uid).await?.user_name().await?;
    let accounts = accounts(&connection).await?;
    interactive(
        bus,
        accounts.inner(),
        "DeleteUser",
        &(i64::from(uid), files == Files::Delete),
    )
    .await?;
    tracing::info!(user = %name, ?files, "account removed");
    Ok(())
}

/// Makes `uid` a standard account or an administrator.
pub async fn set_account_type(
    bus: &SystemBus,
    uid: u32,
    account_type: AccountType,
) -> Result<(), UsersError> {
    let connection = bus.connection().await?;
    let user = user(&connection, uid).await?;
    interactive(
        bus,
        user.inner(),
        "SetAccountType",
        &(account_type.to_daemon(),),
    )
    .await?;
    tracing::info!(uid, ?account_type, "account type set");
    Ok(())
}

/// Turns automatic login on or off for `uid` (AccountsService's `SetAutomaticLogin`, polkit's
/// `org.freedesktop.accounts.set-login-option`). On for one person is off for whoever had it
/// (the daemon does that). Debian's accounts-daemon keeps it in `/etc/gdm3/daemon.conf`, which
/// `ferrum-greetd-config` turns into greetd's `initial_session` at the next start.
pub async fn set_automatic_login(bus: &SystemBus, uid: u32, on: bool) -> Result<(), UsersError> {
    let connection = bus.connection().await?;
    let user = user(&connection, uid).await?;
    interactive(bus, user.inner(), "SetAutomaticLogin", &(on,)).await?;
    tracing::info!(uid, on, "automatic login set");
    Ok(())
}

/// Sets the password of `uid` (the hash is made here, off the async threads).
pub async fn set_password(bus: &SystemBus, uid: u32, password: &Secret) -> Result<(), UsersError> {
    let password = password.clone();
    let hash = tokio::task::spawn_blocking(move || new_account::hash_password(&password))
        .await
        .map_err(|error| UsersError::Hash(error.to_string()))??;
    let connection = bus.connection().await?;
    let user = user(&connection, uid).await?;
    interactive(bus, user.inner(), "SetPassword", &(hash.as_str(), "")).await?;
    tracing::info!(uid, "password set");
    Ok(())
}

/// Sets the picture of `uid` to the image file at `path` (AccountsService copies it into
/// its own folder). The caller checks and scales the image first.
pub async fn set_picture(bus: &SystemBus, uid: u32, path: &Path) -> Result<(), UsersError> {
    let text = path
        .to_str()
        .filter(|_| path.is_absolute())
        .ok_or_else(|| UsersError::BadPicturePath(path.to_owned()))?;
    let connection = bus.connection().await?;
    let user = user(&connection, uid).await?;
    interactive(bus, user.inner(), "SetIconFile", &(text,)).await?;
    tracing::info!(uid, "picture set");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FailureKind;

    #[test]
    fn login_names_are_checked() {
        for good in [
            "ada",
            "_greetd",
            "grace-hopper",
            "a1_b",
            &"a".repeat(NAME_MAX),
        ] {
            assert_eq!(check_name(good), Ok(()), "{good}");
        }
        assert_eq!(check_name(""), Err(NameProblem::Empty));
        assert_eq!(
            check_name(&"a".repeat(NAME_MAX + 1)),
            Err(NameProblem::TooLong)
        );
        assert_eq!(check_name("1ada"), Err(NameProblem::BadStart));
        assert_eq!(check_name("Ada"), Err(NameProblem::BadStart));
        assert_eq!(
            check_name("ada lovelace"),
            Err(NameProblem::BadCharacter(' '))
        );
        assert_eq!(check_name("adé"), Err(NameProblem::BadCharacter('é')));
        assert_eq!(check_name("ada:x"), Err(NameProblem::BadCharacter(':')));
    }

    #[test]
    fn names_are_suggested_from_the_real_name() {
        assert_eq!(suggest_name("Ada Lovelace"), "ada");
        assert_eq!(suggest_name("  Zoë Müller"), "zoe");
        assert_eq!(suggest_name("Łukasz"), "lukasz");
        assert_eq!(suggest_name("42nd Street"), "nd");
        assert_eq!(suggest_name("محمد"), "");
        assert_eq!(suggest_name(""), "");
        for real in ["Ada Lovelace", "Zoë", "Łukasz"] {
            assert_eq!(check_name(&suggest_name(real)), Ok(()), "{real}");
        }
    }

    #[test]
    fn passwords_are_checked_and_rated() {
        let secret = |text: &str| Secret::new(text.to_owned());
        assert_eq!(strength(&secret("abc")), Strength::TooShort);
        assert_eq!(strength(&secret("aaaaaaaaaa")), Strength::Weak);
        assert_eq!(strength(&secret("lovelace")), Strength::Weak);
        assert_eq!(strength(&secret("Lovelace1!")), Strength::Fair);
        assert_eq!(
            strength(&secret("analytical engine 1843")),
            Strength::Strong
        );
        assert_eq!(
            check_password(&secret("short"), &secret("short")),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(
            check_password(&secret("long enough"), &secret("long enougH")),
            Err(PasswordProblem::Mismatch)
        );
        let long = "x".repeat(MAX_PASSWORD_BYTES + 1);
        assert_eq!(
            check_password(&secret(&long), &secret(&long)),
            Err(PasswordProblem::TooLong)
        );
        assert_eq!(
            check_password(&secret("long enough"), &secret("long enough")),
            Ok(())
        );
    }

    #[test]
    fn initials_come_from_the_name_shown() {
        let person = Person {
            uid: 1000,
            name: "ada".into(),
            real_name: Some("ada lovelace byron".into()),
            picture: None,
            account_type: AccountType::Administrator,
            locked: false,
            automatic_login: false,
            is_caller: true,
        };
        assert_eq!(person.initials(), "AL");
        let plain = Person {
            real_name: None,
            ..person
        };
        assert_eq!(plain.initials(), "A");
    }

    #[test]
    fn failures_are_sorted() {
        let named = |name: &str| UsersError::from(new_account::method_error(name));
        assert!(matches!(
            named("org.freedesktop.Accounts.Error.PermissionDenied"),
            UsersError::NotAllowed(_)
        ));
        assert!(matches!(
            named("org.freedesktop.Accounts.Error.UserExists"),
            UsersError::NameTaken(_)
        ));
        assert!(matches!(
            named("org.freedesktop.DBus.Error.ServiceUnknown"),
            UsersError::Unavailable(_)
        ));
        assert!(matches!(
            named("org.freedesktop.DBus.Error.Timeout"),
            UsersError::NoAnswer(_)
        ));
        let undone = NewAccountError::Undone {
            step: new_account::Step::Password,
            cause: Box::new(NewAccountError::NoAnswer(DbusFailure::new(
                FailureKind::Timeout,
                "late",
            ))),
        };
        assert!(matches!(UsersError::from(undone), UsersError::NoAnswer(_)));
    }
}
