//! Classifying D-Bus failures into what the user can act on.
//!
//! The one place that looks at D-Bus error names: a service's own error enum
//! wraps a [`DbusFailure`] and matches on its [`FailureKind`].

use std::fmt;

use std::sync::Arc;
use zbus::DBusError;

/// What kind of failure a D-Bus call met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The bus itself could not be reached.
    BusUnreachable,
    /// Nobody owns the service's name (the daemon is not running).
    ServiceMissing,
    /// The daemon or polkit refused the caller.
    AccessDenied,
    /// The daemon rejected an argument.
    InvalidArgument,
    /// The call did not answer in time.
    Timeout,
    /// Anything else; the detail says what.
    Other,
}

/// A D-Bus failure: its kind plus the technical detail (error name and message)
/// that the UI shows behind "Details" and logs. Cheap to clone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbusFailure {
    kind: FailureKind,
    name: Option<Arc<str>>,
    message: Arc<str>,
}

impl DbusFailure {
    /// A failure of the given kind with a message, for errors found locally.
    pub fn new(kind: FailureKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            name: None,
            message: Arc::from(message.into()),
        }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> FailureKind {
        self.kind
    }

    /// Whether the failure means the daemon (or the bus) is not there, as
    /// opposed to a daemon that answered with an error.
    pub fn is_absence(&self) -> bool {
        matches!(
            self.kind,
            FailureKind::ServiceMissing | FailureKind::BusUnreachable
        )
    }

    /// The D-Bus error name, when the failure came from the bus.
    pub fn error_name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The error message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for DbusFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.name {
            Some(name) => write!(f, "{name}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for DbusFailure {}

/// Maps a D-Bus error name to the kind of failure it means.
pub fn kind_of_error_name(name: &str) -> FailureKind {
    match name {
        "org.freedesktop.DBus.Error.ServiceUnknown"
        | "org.freedesktop.DBus.Error.NameHasNoOwner"
        | "org.freedesktop.DBus.Error.NoReply"
        | "org.freedesktop.DBus.Error.Disconnected" => FailureKind::ServiceMissing,
        "org.freedesktop.DBus.Error.AccessDenied"
        | "org.freedesktop.DBus.Error.AuthFailed"
        | "org.freedesktop.DBus.Error.InteractiveAuthorizationRequired"
        | "org.freedesktop.PolicyKit1.Error.NotAuthorized"
        // NetworkManager's own names for a polkit refusal.
        | "org.freedesktop.NetworkManager.PermissionDenied"
        | "org.freedesktop.NetworkManager.Settings.PermissionDenied" => FailureKind::AccessDenied,
        "org.freedesktop.DBus.Error.InvalidArgs" => FailureKind::InvalidArgument,
        "org.freedesktop.DBus.Error.Timeout" | "org.freedesktop.DBus.Error.TimedOut" => {
            FailureKind::Timeout
        }
        _ => FailureKind::Other,
    }
}

impl From<zbus::Error> for DbusFailure {
    fn from(error: zbus::Error) -> Self {
        match &error {
            zbus::Error::MethodError(name, message, _) => Self {
                kind: kind_of_error_name(name.as_str()),
                name: Some(Arc::from(name.as_str())),
                message: Arc::from(message.clone().unwrap_or_default()),
            },
            zbus::Error::FDO(fdo) => {
                let name = fdo.name().as_str().to_owned();
                Self {
                    kind: kind_of_error_name(&name),
                    name: Some(Arc::from(name)),
                    message: Arc::from(fdo.description().unwrap_or_default()),
                }
            }
            // The connection's method timeout: the daemon owns its name but did not answer.
            zbus::Error::InputOutput(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                Self::new(FailureKind::Timeout, error.to_string())
            }
            zbus::Error::InputOutput(_) | zbus::Error::Address(_) | zbus::Error::Handshake(_) => {
                Self::new(FailureKind::BusUnreachable, error.to_string())
            }
            _ => Self::new(FailureKind::Other, error.to_string()),
        }
    }
}

impl From<zbus::fdo::Error> for DbusFailure {
    fn from(error: zbus::fdo::Error) -> Self {
        match error {
            // An fdo proxy's own failure (a method timeout, a broken connection) is a zbus
            // error inside: classified as such, not as an error the daemon sent.
            zbus::fdo::Error::ZBus(inner) => Self::from(inner),
            error => Self::from(zbus::Error::FDO(Box::new(error))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeout_inside_an_fdo_error_is_a_timeout() {
        let timed_out = zbus::Error::InputOutput(Arc::new(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            "no answer",
        )));
        assert_eq!(
            DbusFailure::from(zbus::fdo::Error::ZBus(timed_out)).kind(),
            FailureKind::Timeout
        );
        assert_eq!(
            DbusFailure::from(zbus::fdo::Error::AccessDenied("no".into())).kind(),
            FailureKind::AccessDenied
        );
    }

    #[test]
    fn error_names_map_to_kinds() {
        assert_eq!(
            kind_of_error_name("org.freedesktop.DBus.Error.ServiceUnknown"),
            FailureKind::ServiceMissing
        );
        assert_eq!(
            kind_of_error_name("org.freedesktop.PolicyKit1.Error.NotAuthorized"),
            FailureKind::AccessDenied
        );
        assert_eq!(
            kind_of_error_name("org.freedesktop.DBus.Error.InvalidArgs"),
            FailureKind::InvalidArgument
        );
        assert_eq!(
            kind_of_error_name("org.freedesktop.NetworkManager.Settings.PermissionDenied"),
            FailureKind::AccessDenied
        );
        assert_eq!(kind_of_error_name("net.example.Weird"), FailureKind::Other);
    }

    #[test]
    fn fdo_errors_keep_their_name_and_message() {
        let failure = DbusFailure::from(zbus::fdo::Error::AccessDenied("nope".into()));
        assert_eq!(failure.kind(), FailureKind::AccessDenied);
        assert_eq!(
            failure.error_name(),
            Some("org.freedesktop.DBus.Error.AccessDenied")
        );
        assert_eq!(failure.message(), "nope");
        assert_eq!(
            failure.to_string(),
            "org.freedesktop.DBus.Error.AccessDenied: nope"
        );
    }
}
