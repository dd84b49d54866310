//! systemd-hostnamed (`org.freedesktop.hostname1`): the machine's names.
//!
//! Read only here (the About page shows the name). The proxy is written by
//! hand: three properties of one interface, no methods used.

use zbus::Connection;

use crate::error::DbusFailure;

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

/// Why the names could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HostnameError {
    /// hostnamed is not running (nor activatable) on this bus.
    #[error("systemd-hostnamed is not available: {0}")]
    Unavailable(DbusFailure),
    /// Any other D-Bus failure.
    #[error("reading the host name failed: {0}")]
    Dbus(DbusFailure),
}

impl From<zbus::Error> for HostnameError {
    fn from(error: zbus::Error) -> Self {
        let failure = DbusFailure::from(error);
        if failure.is_absence() {
            Self::Unavailable(failure)
        } else {
            Self::Dbus(failure)
        }
    }
}

impl From<DbusFailure> for HostnameError {
    fn from(failure: DbusFailure) -> Self {
        if failure.is_absence() {
            Self::Unavailable(failure)
        } else {
            Self::Dbus(failure)
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

/// The machine's name as people see it: hostnamed's (pretty, else static, else
/// current), else the kernel's when hostnamed is absent. Reads `/proc` (a tiny
/// file) in the caller's task: call it off the UI thread.
pub async fn name(bus: &crate::SystemBus) -> Option<String> {
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
