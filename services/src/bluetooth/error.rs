//! What can go wrong with Bluetooth, typed for the page's sentences, and the
//! one place that maps BlueZ's (and bluer's) errors onto it.

use crate::error::{DbusFailure, FailureKind};

/// A Bluetooth failure. Each variant is one sentence on the page; the
/// `reason` fields carry BlueZ's own message ("Page Timeout",
/// "br-connection-page-timeout", …) to show after the translated sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BluetoothError {
    /// bluetoothd is not running (not installed, stopped, crashed).
    #[error("bluetoothd is not running")]
    NotRunning,
    /// bluetoothd runs but there is no Bluetooth adapter (or not this one).
    #[error("no Bluetooth adapter")]
    NoAdapter,
    /// bluetoothd owns its name but did not answer in time (hung).
    #[error("bluetoothd did not answer in time")]
    NoAnswer,
    /// The adapter is blocked (rfkill) or not ready (powered off).
    #[error("the Bluetooth adapter is blocked or off: {reason}")]
    Blocked {
        /// BlueZ's message.
        reason: String,
    },
    /// The device (or its user) refused the pairing.
    #[error("the device refused the pairing: {reason}")]
    AuthenticationRejected {
        /// BlueZ's message.
        reason: String,
    },
    /// The pairing failed (wrong PIN or passkey, keys did not match).
    #[error("the pairing failed: {reason}")]
    AuthenticationFailed {
        /// BlueZ's message.
        reason: String,
    },
    /// The pairing was canceled (by the person, the device or BlueZ).
    #[error("the pairing was canceled")]
    AuthenticationCanceled,
    /// The device did not answer during pairing.
    #[error("the pairing timed out")]
    AuthenticationTimeout,
    /// The device could not be connected (out of range, off, refused).
    #[error("could not connect: {reason}")]
    ConnectionFailed {
        /// BlueZ's message.
        reason: String,
    },
    /// The device offers no profile this computer can connect to (BlueZ's
    /// `ProfileUnavailable`: a phone or computer paired for its own use).
    #[error("the device offers nothing to connect to")]
    NothingToConnect,
    /// The same operation is already under way.
    #[error("already in progress")]
    InProgress,
    /// Already done (already paired, already registered).
    #[error("already exists")]
    AlreadyExists,
    /// The device (or adapter) is not known to BlueZ (any more).
    #[error("not found")]
    NotFound,
    /// The adapter or device cannot do this.
    #[error("not supported")]
    NotSupported,
    /// BlueZ or the bus policy refused the caller.
    #[error("not permitted")]
    NotPermitted,
    /// BlueZ reported a failure of its own.
    #[error("Bluetooth failed: {reason}")]
    Failed {
        /// BlueZ's message.
        reason: String,
    },
    /// The bus the caller asked for is not the one this process's Bluetooth
    /// session can use (libdbus reads `DBUS_SYSTEM_BUS_ADDRESS` once per
    /// process).
    #[error("Bluetooth is only available on the process's system bus {process}, not on {asked}")]
    ForeignBus {
        /// The address asked for.
        asked: String,
        /// The process's system bus address.
        process: String,
    },
    /// The system bus cannot be reached.
    #[error("the system bus cannot be reached: {0}")]
    BusUnreachable(DbusFailure),
    /// Anything else; the detail says what.
    #[error("unexpected Bluetooth failure: {0}")]
    Unexpected(DbusFailure),
}

impl BluetoothError {
    /// BlueZ's own words, when the error carries them (shown after the
    /// translated sentence).
    pub fn reason(&self) -> Option<&str> {
        match self {
            Self::Blocked { reason }
            | Self::AuthenticationRejected { reason }
            | Self::AuthenticationFailed { reason }
            | Self::ConnectionFailed { reason }
            | Self::Failed { reason } => Some(reason)
                .filter(|reason| !reason.is_empty())
                .map(String::as_str),
            _ => None,
        }
    }

    /// The technical detail for the "Details" affordance.
    pub fn detail(&self) -> String {
        self.to_string()
    }

    /// Whether the error means Bluetooth is not there at all (no daemon, no
    /// adapter, no bus, no answer), as opposed to a refused command.
    pub fn is_absence(&self) -> bool {
        matches!(
            self,
            Self::NotRunning | Self::NoAdapter | Self::NoAnswer | Self::BusUnreachable(_)
        )
    }
}

impl From<DbusFailure> for BluetoothError {
    fn from(failure: DbusFailure) -> Self {
        match failure.kind() {
            FailureKind::ServiceMissing => Self::NotRunning,
            FailureKind::BusUnreachable => Self::BusUnreachable(failure),
            FailureKind::Timeout => Self::NoAnswer,
            FailureKind::AccessDenied => Self::NotPermitted,
            FailureKind::InvalidArgument | FailureKind::Other => Self::Unexpected(failure),
        }
    }
}

/// D-Bus error names of optional properties that are absent: the standard
/// `InvalidArgs` (BlueZ), and `<interface>.UnknownProperty` /
/// `<interface>.UnknownInterface` (python-dbusmock's templates).
pub(crate) fn means_absent_property(error_name: &str) -> bool {
    error_name == "org.freedesktop.DBus.Error.InvalidArgs"
        || error_name == "org.freedesktop.DBus.Error.UnknownProperty"
        || error_name == "org.freedesktop.DBus.Error.UnknownInterface"
        || error_name.ends_with(".UnknownProperty")
        || error_name.ends_with(".UnknownInterface")
}

/// Maps a D-Bus error that bluer did not classify (it passes the name on)
/// onto our error. `message` is BlueZ's (or the bus's) message.
pub(crate) fn from_error_name(name: &str, message: &str) -> BluetoothError {
    let reason = || message.to_owned();
    match name {
        "org.freedesktop.DBus.Error.ServiceUnknown"
        | "org.freedesktop.DBus.Error.NameHasNoOwner" => BluetoothError::NotRunning,
        "org.freedesktop.DBus.Error.Timeout"
        | "org.freedesktop.DBus.Error.TimedOut"
        | "org.freedesktop.DBus.Error.NoReply" => BluetoothError::NoAnswer,
        "org.freedesktop.DBus.Error.AccessDenied" | "org.freedesktop.DBus.Error.AuthFailed" => {
            BluetoothError::NotPermitted
        }
        "org.freedesktop.DBus.Error.Disconnected" | "org.freedesktop.DBus.Error.NoServer" => {
            BluetoothError::BusUnreachable(failure(FailureKind::BusUnreachable, name, message))
        }
        "org.bluez.Error.Rejected" => BluetoothError::AuthenticationRejected { reason: reason() },
        "org.bluez.Error.Canceled" => BluetoothError::AuthenticationCanceled,
        "org.bluez.Error.NotConnected" => BluetoothError::Failed { reason: reason() },
        // `org.bluez.Error.BREDR.ProfileUnavailable` (and its LE twin).
        name if name.starts_with("org.bluez.Error.") && name.ends_with(".ProfileUnavailable") => {
            BluetoothError::NothingToConnect
        }
        "org.freedesktop.DBus.Error.UnknownMethod" => BluetoothError::NotSupported,
        name if means_absent_property(name) => BluetoothError::NotSupported,
        name => BluetoothError::Unexpected(failure(FailureKind::Other, name, message)),
    }
}

fn failure(kind: FailureKind, name: &str, message: &str) -> DbusFailure {
    DbusFailure::new(kind, format!("{name}: {message}"))
}

/// Whether a BlueZ `Failed` message means the radio is blocked or off.
/// BlueZ has no error name for it: `org.bluez.Error.Failed` with
/// "Blocked through rfkill" (the one place that reads BlueZ's text).
fn means_blocked(message: &str) -> bool {
    let message = message.to_ascii_lowercase();
    message.contains("rfkill") || message.contains("not powered")
}

/// Maps one of bluer's errors onto ours.
pub(crate) fn from_bluer(error: bluer::Error) -> BluetoothError {
    use bluer::{ErrorKind as K, InternalErrorKind as I};
    let bluer::Error { kind, message } = error;
    match kind {
        K::AuthenticationRejected => BluetoothError::AuthenticationRejected { reason: message },
        K::AuthenticationFailed => BluetoothError::AuthenticationFailed { reason: message },
        K::AuthenticationCanceled => BluetoothError::AuthenticationCanceled,
        K::AuthenticationTimeout => BluetoothError::AuthenticationTimeout,
        K::ConnectionAttemptFailed => BluetoothError::ConnectionFailed { reason: message },
        K::InProgress => BluetoothError::InProgress,
        K::AlreadyExists | K::AlreadyConnected => BluetoothError::AlreadyExists,
        K::DoesNotExist | K::NotFound => BluetoothError::NotFound,
        // BlueZ 5.82 says "nothing to connect to" as `NotAvailable` with
        // "br-connection-profile-unavailable" (later releases have their own name).
        K::NotAvailable if message.contains("profile-unavailable") => {
            BluetoothError::NothingToConnect
        }
        K::NotSupported | K::NotAvailable => BluetoothError::NotSupported,
        K::NotPermitted | K::NotAuthorized => BluetoothError::NotPermitted,
        K::NotReady => BluetoothError::Blocked { reason: message },
        K::Failed if means_blocked(&message) => BluetoothError::Blocked { reason: message },
        K::Failed => BluetoothError::Failed { reason: message },
        K::Internal(I::DBus(name)) => from_error_name(&name, &message),
        K::Internal(I::DBusConnectionLost) => {
            BluetoothError::BusUnreachable(DbusFailure::new(FailureKind::BusUnreachable, message))
        }
        K::Internal(I::Io(std::io::ErrorKind::TimedOut)) => BluetoothError::NoAnswer,
        kind => BluetoothError::Unexpected(DbusFailure::new(
            FailureKind::Other,
            format!("{kind:?}: {message}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bluer::{ErrorKind as K, InternalErrorKind as I};

    fn bluer_error(kind: K, message: &str) -> bluer::Error {
        bluer::Error {
            kind,
            message: message.to_owned(),
        }
    }

    fn dbus(name: &str) -> K {
        K::Internal(I::DBus(name.to_owned()))
    }

    #[test]
    fn bluez_errors_map_by_kind_with_their_reason() {
        use BluetoothError as B;
        let cases = [
            (
                K::AuthenticationRejected,
                "Authentication Rejected",
                B::AuthenticationRejected {
                    reason: "Authentication Rejected".into(),
                },
            ),
            (
                K::AuthenticationFailed,
                "Authentication Failed",
                B::AuthenticationFailed {
                    reason: "Authentication Failed".into(),
                },
            ),
            (K::AuthenticationCanceled, "", B::AuthenticationCanceled),
            (K::AuthenticationTimeout, "", B::AuthenticationTimeout),
            (
                K::ConnectionAttemptFailed,
                "Page Timeout",
                B::ConnectionFailed {
                    reason: "Page Timeout".into(),
                },
            ),
            (K::InProgress, "", B::InProgress),
            (K::AlreadyExists, "", B::AlreadyExists),
            (K::AlreadyConnected, "", B::AlreadyExists),
            (K::DoesNotExist, "", B::NotFound),
            (K::NotFound, "", B::NotFound),
            (K::NotSupported, "", B::NotSupported),
            (K::NotAvailable, "", B::NotSupported),
            (
                K::NotAvailable,
                "br-connection-profile-unavailable",
                B::NothingToConnect,
            ),
            (K::NotPermitted, "", B::NotPermitted),
            (K::NotAuthorized, "", B::NotPermitted),
            (
                K::NotReady,
                "Resource Not Ready",
                B::Blocked {
                    reason: "Resource Not Ready".into(),
                },
            ),
            (
                K::Failed,
                "Blocked through rfkill",
                B::Blocked {
                    reason: "Blocked through rfkill".into(),
                },
            ),
            (
                K::Failed,
                "br-connection-page-timeout",
                B::Failed {
                    reason: "br-connection-page-timeout".into(),
                },
            ),
        ];
        for (kind, message, expected) in cases {
            assert_eq!(
                from_bluer(bluer_error(kind.clone(), message)),
                expected,
                "{kind:?}"
            );
        }
    }

    #[test]
    fn dbus_error_names_bluer_passes_on_map_by_name() {
        use BluetoothError as B;
        let map = |name: &str| from_bluer(bluer_error(dbus(name), "why"));
        assert_eq!(
            map("org.freedesktop.DBus.Error.ServiceUnknown"),
            B::NotRunning
        );
        assert_eq!(map("org.freedesktop.DBus.Error.Timeout"), B::NoAnswer);
        assert_eq!(map("org.freedesktop.DBus.Error.NoReply"), B::NoAnswer);
        assert_eq!(
            map("org.freedesktop.DBus.Error.AccessDenied"),
            B::NotPermitted
        );
        assert_eq!(
            map("org.bluez.Error.Rejected"),
            B::AuthenticationRejected {
                reason: "why".into()
            }
        );
        assert_eq!(map("org.bluez.Error.Canceled"), B::AuthenticationCanceled);
        assert_eq!(map("org.bluez.Device1.UnknownProperty"), B::NotSupported);
        assert_eq!(map("org.bluez.Device1.UnknownInterface"), B::NotSupported);
        assert_eq!(
            map("org.bluez.Error.BREDR.ProfileUnavailable"),
            B::NothingToConnect
        );
        assert_eq!(
            map("org.bluez.Error.LE.ProfileUnavailable"),
            B::NothingToConnect
        );
        assert!(matches!(
            map("org.freedesktop.DBus.Error.Disconnected"),
            B::BusUnreachable(_)
        ));
        let B::Unexpected(failure) = map("net.example.Weird") else {
            panic!("an unknown name is unexpected");
        };
        assert_eq!(failure.message(), "net.example.Weird: why");
        assert!(matches!(
            from_bluer(bluer_error(K::Internal(I::DBusConnectionLost), "")),
            B::BusUnreachable(_)
        ));
        assert_eq!(
            from_bluer(bluer_error(
                K::Internal(I::Io(std::io::ErrorKind::TimedOut)),
                ""
            )),
            B::NoAnswer
        );
    }

    #[test]
    fn absent_properties_are_recognised_in_bluez_and_the_mock() {
        assert!(means_absent_property(
            "org.freedesktop.DBus.Error.InvalidArgs"
        ));
        assert!(means_absent_property("org.bluez.Device1.UnknownProperty"));
        assert!(means_absent_property("org.bluez.Device1.UnknownInterface"));
        assert!(!means_absent_property("org.bluez.Error.Failed"));
    }

    #[test]
    fn reasons_and_absence() {
        assert_eq!(
            BluetoothError::ConnectionFailed {
                reason: "Page Timeout".into()
            }
            .reason(),
            Some("Page Timeout")
        );
        assert_eq!(
            BluetoothError::Failed {
                reason: String::new()
            }
            .reason(),
            None
        );
        assert_eq!(BluetoothError::NotRunning.reason(), None);
        assert!(BluetoothError::NotRunning.is_absence());
        assert!(!BluetoothError::AuthenticationCanceled.is_absence());
        let missing = DbusFailure::new(FailureKind::ServiceMissing, "gone");
        assert_eq!(BluetoothError::from(missing), BluetoothError::NotRunning);
    }
}
