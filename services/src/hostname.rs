//! systemd-hostnamed (`org.freedesktop.hostname1`): the machine's names.
//!
//! The About page shows them and renames the machine: [`set_pretty`] and [`set_static`]
//! ask with `interactive = true`, so polkit may ask the session's authentication agent;
//! they go through [`SystemBus::interactive`](crate::bus::SystemBus::interactive) (minutes
//! to answer).
//! [`static_from_pretty`] derives the network name from the device name as GNOME does and
//! [`check_static`] checks a typed one, before hostnamed sees it. The proxy is written by
//! hand: three properties and two methods of one interface.

use futures::Stream;
use zbus::Connection;

use crate::bus::SystemBus;
use crate::error::{DbusFailure, FailureKind};
use crate::watch::{ServiceUpdate, Watched, watch_through_hangs};

/// The daemon's bus name.
pub const BUS_NAME: &str = "org.freedesktop.hostname1";

/// The names of `org.freedesktop.hostname1` the page reads.
#[zbus::proxy(
    interface = "org.freedesktop.hostname1",
    default_service = "org.freedesktop.hostname1",
    default_path = "/org/freedesktop/hostname1"
)]
pub trait Hostname1 {
    /// The kernel's current host name (may be transient, e.g. from DHCP).
    #[zbus(property)]
    fn hostname(&self) -> zbus::Result<String>;

    /// The name configured in `/etc/hostname` (empty when none).
    #[zbus(property)]
    fn static_hostname(&self) -> zbus::Result<String>;

    /// The free-form name from `/etc/machine-info` (empty when none).
    #[zbus(property)]
    fn pretty_hostname(&self) -> zbus::Result<String>;

    /// Writes the free-form name to `/etc/machine-info` (empty removes it).
    fn set_pretty_hostname(&self, name: &str, interactive: bool) -> zbus::Result<()>;

    /// Writes `/etc/hostname` (and sets the kernel's name when no transient one is set).
    fn set_static_hostname(&self, name: &str, interactive: bool) -> zbus::Result<()>;
}

/// The machine's names as hostnamed reports them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hostnames {
    /// The kernel's current name.
    pub hostname: String,
    /// The configured name, if any.
    pub static_hostname: Option<String>,
    /// The free-form name ("Ada's laptop"), if any.
    pub pretty_hostname: Option<String>,
}

impl Hostnames {
    /// The name to show a person: the pretty name, else the static one,
    /// else the current one.
    pub fn display_name(&self) -> &str {
        self.pretty_hostname
            .as_deref()
            .or(self.static_hostname.as_deref())
            .unwrap_or(&self.hostname)
    }
}

/// Why the names could not be read or changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HostnameError {
    /// hostnamed is not running (nor activatable) on this bus.
    #[error("systemd-hostnamed is not available: {0}")]
    Unavailable(DbusFailure),
    /// polkit (or hostnamed) refused the caller.
    #[error("not allowed to change the host name: {0}")]
    NotAuthorized(DbusFailure),
    /// hostnamed refused the name itself.
    #[error("systemd-hostnamed refused the name: {0}")]
    InvalidName(DbusFailure),
    /// hostnamed owns its name but did not answer in time (hung).
    #[error("systemd-hostnamed did not answer in time: {0}")]
    NoAnswer(DbusFailure),
    /// Any other D-Bus failure.
    #[error("systemd-hostnamed failed: {0}")]
    Dbus(DbusFailure),
}

impl HostnameError {
    /// The technical detail behind "Details".
    pub fn detail(&self) -> String {
        match self {
            Self::Unavailable(failure)
            | Self::NotAuthorized(failure)
            | Self::InvalidName(failure)
            | Self::NoAnswer(failure)
            | Self::Dbus(failure) => failure.to_string(),
        }
    }
}

impl From<zbus::Error> for HostnameError {
    fn from(error: zbus::Error) -> Self {
        Self::from(DbusFailure::from(error))
    }
}

impl From<DbusFailure> for HostnameError {
    fn from(failure: DbusFailure) -> Self {
        match failure.kind() {
            FailureKind::ServiceMissing | FailureKind::BusUnreachable => Self::Unavailable(failure),
            FailureKind::AccessDenied => Self::NotAuthorized(failure),
            FailureKind::InvalidArgument => Self::InvalidName(failure),
            FailureKind::Timeout => Self::NoAnswer(failure),
            FailureKind::Other => Self::Dbus(failure),
        }
    }
}

fn non_empty(name: String) -> Option<String> {
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// Reads the names once.
pub async fn snapshot(connection: &Connection) -> Result<Hostnames, HostnameError> {
    let proxy = Hostname1Proxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?;
    Ok(Hostnames {
        hostname: proxy.hostname().await?.trim().to_owned(),
        static_hostname: non_empty(proxy.static_hostname().await?),
        pretty_hostname: non_empty(proxy.pretty_hostname().await?),
    })
}

/// What the About page watches: hostnamed's name and its object's signals.
pub const WATCHED: Watched = Watched {
    bus_name: BUS_NAME,
    path_namespace: "/org/freedesktop/hostname1",
};

/// Follows hostnamed: its names now and after every change; a hung daemon is read again
/// until it answers. hostnamed exits after 30 s without callers (activation starts it
/// again), so `Unavailable` after a snapshot is not in itself a failure.
pub fn watch(bus: SystemBus) -> impl Stream<Item = ServiceUpdate<Hostnames, HostnameError>> + Send {
    watch_through_hangs(
        bus,
        WATCHED,
        |connection: Connection| async move { snapshot(&connection).await },
        |error| matches!(error, HostnameError::NoAnswer(_)),
    )
}

async fn proxy(bus: &SystemBus) -> Result<Hostname1Proxy<'static>, HostnameError> {
    let connection = bus.connection().await?;
    Ok(Hostname1Proxy::builder(&connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?)
}

/// Sets the free-form device name ("Ada's laptop") for the person on the page: polkit may
/// ask the session's authentication agent (`interactive = true`).
pub async fn set_pretty(bus: &SystemBus, name: &str) -> Result<(), HostnameError> {
    Ok(proxy(&bus.interactive())
        .await?
        .set_pretty_hostname(name, true)
        .await?)
}

/// Sets the static host name (`/etc/hostname`) for the person on the page (interactive).
/// The name is checked first ([`check_static`]); hostnamed checks it again.
pub async fn set_static(bus: &SystemBus, name: &str) -> Result<(), HostnameError> {
    if let Err(problem) = check_static(name) {
        return Err(HostnameError::InvalidName(DbusFailure::new(
            FailureKind::InvalidArgument,
            format!("{name:?} is not a host name: {problem:?}"),
        )));
    }
    Ok(proxy(&bus.interactive())
        .await?
        .set_static_hostname(name, true)
        .await?)
}

/// The longest static name: one DNS label (`HOST_NAME_MAX` is 64 on Linux).
pub const STATIC_MAX: usize = 64;

/// What is wrong with a static host name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaticProblem {
    /// Nothing typed.
    Empty,
    /// More than [`STATIC_MAX`] characters.
    TooLong,
    /// A character other than `a`–`z`, `0`–`9` and `-`.
    Characters,
    /// Begins or ends with `-`.
    Hyphen,
}

/// Checks a static host name as the About page asks for it: one label of `a`–`z`, `0`–`9`
/// and `-`, at most [`STATIC_MAX`] characters, not beginning or ending with `-`.
pub fn check_static(name: &str) -> Result<(), StaticProblem> {
    if name.is_empty() {
        return Err(StaticProblem::Empty);
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(StaticProblem::Characters);
    }
    if name.len() > STATIC_MAX {
        return Err(StaticProblem::TooLong);
    }
    if name.starts_with('-') || name.ends_with('-') {
        return Err(StaticProblem::Hyphen);
    }
    Ok(())
}

/// The static name GNOME derives from a device name: lower case, spaces (and `_`, `.`) as
/// `-` (never two in a row), every other character outside `a`–`z`, `0`–`9`, `-` dropped,
/// no `-` at either end, at most [`STATIC_MAX`] characters. Empty when nothing is left
/// ("Компьютер"): the page then keeps the static name as it is.
pub fn static_from_pretty(pretty: &str) -> String {
    let mut name = String::new();
    for c in pretty.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            name.push(c);
        } else if (c.is_whitespace() || matches!(c, '-' | '_' | '.'))
            && !name.is_empty()
            && !name.ends_with('-')
        {
            name.push('-');
        }
        if name.len() >= STATIC_MAX {
            break;
        }
    }
    name.truncate(STATIC_MAX);
    name.trim_matches('-').to_owned()
}

/// The machine's name as people see it: hostnamed's (pretty, else static, else
/// current), else the kernel's when hostnamed is absent. Reads `/proc` (a tiny
/// file) in the caller's task: call it off the UI thread.
pub async fn name(bus: &SystemBus) -> Option<String> {
    let names = match bus.connection().await {
        Ok(connection) => snapshot(&connection)
            .await
            .map_err(|error| error.to_string()),
        Err(failure) => Err(failure.to_string()),
    };
    match names {
        Ok(names) if !names.display_name().is_empty() => Some(names.display_name().to_owned()),
        Ok(_) => kernel_name(),
        Err(error) => {
            tracing::debug!(%error, "hostnamed unavailable; the kernel's host name is used");
            kernel_name()
        }
    }
}

/// The kernel's host name.
fn kernel_name() -> Option<String> {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FailureKind;

    #[test]
    fn the_prettiest_known_name_is_shown() {
        let mut names = Hostnames {
            hostname: "localhost".into(),
            ..Hostnames::default()
        };
        assert_eq!(names.display_name(), "localhost");
        names.static_hostname = Some("ferrum".into());
        assert_eq!(names.display_name(), "ferrum");
        names.pretty_hostname = Some("Ada's laptop".into());
        assert_eq!(names.display_name(), "Ada's laptop");
        assert_eq!(non_empty("  ".into()), None);
    }

    #[test]
    fn the_static_name_is_derived_as_gnome_does() {
        assert_eq!(static_from_pretty("Ada's laptop"), "adas-laptop");
        assert_eq!(static_from_pretty("  Büro PC  2 "), "bro-pc-2");
        assert_eq!(static_from_pretty("-Lab_Box.3-"), "lab-box-3");
        assert_eq!(static_from_pretty("Компьютер"), "");
        assert_eq!(static_from_pretty("アダのPC"), "pc");
        let long = static_from_pretty(&"ab ".repeat(40));
        assert!(long.len() <= STATIC_MAX && !long.ends_with('-'), "{long}");
        assert_eq!(check_static(&long), Ok(()));
        assert_eq!(check_static("adas-laptop"), Ok(()));
        assert_eq!(check_static(""), Err(StaticProblem::Empty));
        assert_eq!(check_static("Ada"), Err(StaticProblem::Characters));
        assert_eq!(check_static("a.b"), Err(StaticProblem::Characters));
        assert_eq!(check_static("-ada"), Err(StaticProblem::Hyphen));
        assert_eq!(check_static(&"a".repeat(65)), Err(StaticProblem::TooLong));
        assert_eq!(check_static(&"a".repeat(64)), Ok(()));
    }

    #[test]
    fn failures_are_sorted_by_what_the_person_can_do() {
        let failure = |kind| DbusFailure::new(kind, "detail");
        assert!(matches!(
            HostnameError::from(failure(FailureKind::AccessDenied)),
            HostnameError::NotAuthorized(_)
        ));
        assert!(matches!(
            HostnameError::from(failure(FailureKind::InvalidArgument)),
            HostnameError::InvalidName(_)
        ));
        assert!(matches!(
            HostnameError::from(failure(FailureKind::Timeout)),
            HostnameError::NoAnswer(_)
        ));
    }

    #[test]
    fn a_missing_daemon_is_unavailable() {
        let missing = DbusFailure::new(FailureKind::ServiceMissing, "no owner");
        assert!(matches!(
            HostnameError::from(missing),
            HostnameError::Unavailable(_)
        ));
        let other = DbusFailure::new(FailureKind::Other, "odd");
        assert!(matches!(HostnameError::from(other), HostnameError::Dbus(_)));
    }
}
