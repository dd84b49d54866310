//! systemd-localed (`org.freedesktop.locale1`): the machine's language and keyboard — what
//! the login screen and new sessions start with — and the person's own language in
//! AccountsService.
//!
//! Changes are administrator actions (`org.freedesktop.locale1.set-locale`,
//! `…set-keyboard`) asked for with `interactive = true`, so polkit may ask the session's
//! authentication agent; they go through [`SystemBus::interactive`] (minutes to answer).
//! On Debian, localed writes `/etc/default/locale` and
//! `/etc/default/keyboard` (upstream: `/etc/locale.conf`, `/etc/X11/xorg.conf.d/
//! 00-keyboard.conf`) and generates a locale that is missing (`locale-gen`). localed exits
//! after 30 s without callers and is started again by the next call.

use futures::Stream;
use zbus::Connection;

use crate::bus::SystemBus;
use crate::error::{DbusFailure, FailureKind};
use crate::proxies::accounts::AccountsProxy;
use crate::proxies::accounts_user::UserProxy;
use crate::proxies::locale::Locale1Proxy;
use crate::watch::{ServiceUpdate, Watched, watch_through_hangs};

/// The daemon's bus name.
pub const BUS_NAME: &str = "org.freedesktop.locale1";

/// What the page watches.
pub const WATCHED: Watched = Watched {
    bus_name: BUS_NAME,
    path_namespace: "/org/freedesktop/locale1",
};

/// The machine's keyboard as X11/xkb names it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keyboard {
    /// Layouts, comma-separated (`de,us`).
    pub layout: String,
    /// The model (`pc105`).
    pub model: String,
    /// Variants, one per layout (`nodeadkeys,`).
    pub variant: String,
    /// xkb options (`grp:alt_shift_toggle`).
    pub options: String,
}

impl Keyboard {
    /// The layouts, in order.
    pub fn layouts(&self) -> Vec<String> {
        self.layout
            .split(',')
            .map(str::trim)
            .filter(|layout| !layout.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// What localed reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// `LANG=…`, `LC_TIME=…` assignments.
    pub locale: Vec<String>,
    /// The text console's keymap.
    pub vconsole_keymap: String,
    /// The X11/xkb keyboard.
    pub keyboard: Keyboard,
}

impl Snapshot {
    /// The value of one variable (`LANG`), when set.
    pub fn variable(&self, name: &str) -> Option<&str> {
        self.locale.iter().find_map(|assignment| {
            assignment
                .strip_prefix(name)
                .and_then(|rest| rest.strip_prefix('='))
        })
    }
}

/// What can go wrong with localed (or AccountsService's language).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocaleError {
    /// The daemon is not running (and could not be started).
    #[error("the service is not running: {0}")]
    Unavailable(DbusFailure),
    /// polkit (or the daemon) refused the caller.
    #[error("not allowed: {0}")]
    NotAuthorized(DbusFailure),
    /// The daemon rejected the value (an unknown locale or layout).
    #[error("refused: {0}")]
    Invalid(DbusFailure),
    /// The daemon owns its name but did not answer in time (hung).
    #[error("did not answer in time: {0}")]
    NoAnswer(DbusFailure),
    /// No account for this person in AccountsService.
    #[error("no account for uid {0}")]
    NoAccount(u32),
    /// Any other failure.
    #[error("failed: {0}")]
    Failed(DbusFailure),
}

impl LocaleError {
    /// The technical detail behind "Details".
    pub fn detail(&self) -> String {
        match self {
            Self::NoAccount(uid) => format!("AccountsService has no user {uid}"),
            Self::Unavailable(failure)
            | Self::NotAuthorized(failure)
            | Self::Invalid(failure)
            | Self::NoAnswer(failure)
            | Self::Failed(failure) => failure.to_string(),
        }
    }
}

impl From<DbusFailure> for LocaleError {
    fn from(failure: DbusFailure) -> Self {
        match failure.kind() {
            FailureKind::ServiceMissing | FailureKind::BusUnreachable => Self::Unavailable(failure),
            FailureKind::AccessDenied => Self::NotAuthorized(failure),
            FailureKind::InvalidArgument => Self::Invalid(failure),
            FailureKind::Timeout => Self::NoAnswer(failure),
            FailureKind::Other => Self::Failed(failure),
        }
    }
}

impl From<zbus::Error> for LocaleError {
    fn from(error: zbus::Error) -> Self {
        Self::from(DbusFailure::from(error))
    }
}

async fn proxy(connection: &Connection) -> Result<Locale1Proxy<'static>, LocaleError> {
    Ok(Locale1Proxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?)
}

/// Reads localed's state.
pub async fn snapshot(connection: Connection) -> Result<Snapshot, LocaleError> {
    let proxy = proxy(&connection).await?;
    Ok(Snapshot {
        locale: proxy.locale().await?,
        vconsole_keymap: proxy.vconsole_keymap().await?,
        keyboard: Keyboard {
            layout: proxy.x11_layout().await?,
            model: proxy.x11_model().await?,
            variant: proxy.x11_variant().await?,
            options: proxy.x11_options().await?,
        },
    })
}

/// Follows localed: a snapshot now and after every change; a hung daemon is read again
/// until it answers.
pub fn watch(bus: SystemBus) -> impl Stream<Item = ServiceUpdate<Snapshot, LocaleError>> + Send {
    watch_through_hangs(bus, WATCHED, snapshot, |error| {
        matches!(error, LocaleError::NoAnswer(_))
    })
}

/// Whether `value` may go into a locale assignment: `de_DE.UTF-8`, `C.UTF-8`, `ar_EG@latin`.
pub fn is_locale_name(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '@'))
}

/// Sets the machine's locale (`LANG`, and `LC_TIME`/`LC_NUMERIC`/… when `formats` differs),
/// interactive.
pub async fn set_machine_locale(
    bus: &SystemBus,
    lang: &str,
    formats: Option<&str>,
) -> Result<(), LocaleError> {
    let mut assignments = vec![format!("LANG={lang}")];
    if let Some(formats) = formats.filter(|formats| *formats != lang) {
        for variable in FORMAT_VARIABLES {
            assignments.push(format!("{variable}={formats}"));
        }
    }
    if ![Some(lang), formats]
        .into_iter()
        .flatten()
        .all(is_locale_name)
    {
        return Err(LocaleError::Invalid(DbusFailure::new(
            FailureKind::InvalidArgument,
            format!("not a locale name: {lang:?} {formats:?}"),
        )));
    }
    let connection = bus.interactive().connection().await?;
    let assignments: Vec<&str> = assignments.iter().map(String::as_str).collect();
    Ok(proxy(&connection)
        .await?
        .set_locale(&assignments, true)
        .await?)
}

/// The variables a region's formats set.
pub const FORMAT_VARIABLES: [&str; 5] = [
    "LC_TIME",
    "LC_NUMERIC",
    "LC_MONETARY",
    "LC_MEASUREMENT",
    "LC_PAPER",
];

/// Sets the machine's keyboard (also converted to the text console's keymap), interactive.
pub async fn set_machine_keyboard(bus: &SystemBus, keyboard: &Keyboard) -> Result<(), LocaleError> {
    let connection = bus.interactive().connection().await?;
    Ok(proxy(&connection)
        .await?
        .set_x11_keyboard(
            &keyboard.layout,
            &keyboard.model,
            &keyboard.variant,
            &keyboard.options,
            true,
            true,
        )
        .await?)
}

async fn account(connection: &Connection, uid: u32) -> Result<UserProxy<'static>, LocaleError> {
    let accounts = AccountsProxy::new(connection).await?;
    let path = accounts
        .find_user_by_id(i64::from(uid))
        .await
        .map_err(|error| {
            let failure = DbusFailure::from(error);
            if failure.kind() == FailureKind::Other {
                LocaleError::NoAccount(uid)
            } else {
                LocaleError::from(failure)
            }
        })?;
    Ok(UserProxy::builder(connection)
        .path(path)?
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?)
}

/// The person's language as AccountsService keeps it (`de_DE.UTF-8`; empty: not chosen).
pub async fn person_language(bus: &SystemBus, uid: u32) -> Result<String, LocaleError> {
    let connection = bus.connection().await?;
    Ok(account(&connection, uid).await?.language().await?)
}

/// Stores the person's language in AccountsService (their own account needs no
/// administrator).
pub async fn set_person_language(bus: &SystemBus, uid: u32, lang: &str) -> Result<(), LocaleError> {
    if !is_locale_name(lang) {
        return Err(LocaleError::Invalid(DbusFailure::new(
            FailureKind::InvalidArgument,
            format!("not a locale name: {lang:?}"),
        )));
    }
    let connection = bus.connection().await?;
    Ok(account(&connection, uid).await?.set_language(lang).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_and_layouts_are_read() {
        let snapshot = Snapshot {
            locale: vec!["LANG=de_DE.UTF-8".into(), "LC_TIME=en_GB.UTF-8".into()],
            vconsole_keymap: "de".into(),
            keyboard: Keyboard {
                layout: "de, us".into(),
                ..Keyboard::default()
            },
        };
        assert_eq!(snapshot.variable("LANG"), Some("de_DE.UTF-8"));
        assert_eq!(snapshot.variable("LC_TIME"), Some("en_GB.UTF-8"));
        assert_eq!(snapshot.variable("LC_PAPER"), None);
        assert_eq!(snapshot.keyboard.layouts(), ["de", "us"]);
    }

    #[test]
    fn locale_names_are_checked() {
        for good in ["de_DE.UTF-8", "C.UTF-8", "sr_RS@latin"] {
            assert!(is_locale_name(good), "{good}");
        }
        for bad in ["", "de DE", "LANG=x\nLC_ALL=y", "../x;"] {
            assert!(!is_locale_name(bad), "{bad}");
        }
    }

    #[test]
    fn failures_are_sorted() {
        let failure = |kind| DbusFailure::new(kind, "detail");
        assert!(matches!(
            LocaleError::from(failure(FailureKind::AccessDenied)),
            LocaleError::NotAuthorized(_)
        ));
        assert!(matches!(
            LocaleError::from(failure(FailureKind::Timeout)),
            LocaleError::NoAnswer(_)
        ));
        assert!(matches!(
            LocaleError::from(failure(FailureKind::ServiceMissing)),
            LocaleError::Unavailable(_)
        ));
    }
}
