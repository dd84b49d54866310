//! What can go wrong talking to CUPS, cups-pk-helper and Avahi.

use std::sync::Arc;

use crate::error::{DbusFailure, FailureKind};

use super::address::{AddressError, NameError};

/// A failure the Printers page can say in a sentence. Cheap to clone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrintersError {
    /// The printing service (cupsd) is not running: its port refused the connection.
    #[error("the printing service is not running")]
    NotRunning,
    /// polkit refused the administrator's change; nothing was changed.
    #[error("not allowed to change the printer settings")]
    NotAuthorized,
    /// cups-pk-helper, which makes administrator changes, is not installed or not on the bus.
    #[error("the printer administration helper (cups-pk-helper) is not available")]
    HelperMissing,
    /// CUPS or the helper did not answer in time.
    #[error("the printing service did not answer in time")]
    Timeout,
    /// CUPS refused the request; its own status and message say why.
    #[error("the printing service refused: {message} ({status})")]
    Refused {
        /// CUPS's status keyword (`client-error-not-possible`, …) or empty when only a message came.
        status: Arc<str>,
        /// CUPS's own message (`The printer or class does not exist.`, …).
        message: Arc<str>,
    },
    /// The printer address typed or found is not usable; refused before CUPS saw it.
    #[error("the printer address is not valid: {0}")]
    InvalidAddress(AddressError),
    /// The queue name is not usable by CUPS.
    #[error("the printer name is not valid: {0}")]
    InvalidName(NameError),
    /// The printer or job is not (or no longer) there.
    #[error("the printer or job does not exist")]
    NotFound,
    /// CUPS answered something that is not IPP (or not what was asked).
    #[error("the printing service gave an answer that could not be read: {0}")]
    BadAnswer(Arc<str>),
    /// The printing service could not be reached for another reason (name resolution, network).
    #[error("the printing service could not be reached: {0}")]
    Unreachable(Arc<str>),
    /// A D-Bus failure talking to the helper or Avahi.
    #[error("system bus failure: {0}")]
    Bus(DbusFailure),
}

impl PrintersError {
    /// Classifies a failure of a cups-pk-helper call.
    pub(crate) fn from_helper(failure: DbusFailure) -> Self {
        if failure.error_name() == Some("org.opensuse.CupsPkHelper.Mechanism.NotPrivileged") {
            return Self::NotAuthorized;
        }
        match failure.kind() {
            FailureKind::AccessDenied => Self::NotAuthorized,
            FailureKind::ServiceMissing => Self::HelperMissing,
            FailureKind::Timeout => Self::Timeout,
            _ => Self::Bus(failure),
        }
    }

    /// Classifies cups-pk-helper's returned error text (empty means success; on a failure it
    /// is the last CUPS status, `successful-ok` when CUPS was not what failed).
    pub(crate) fn from_helper_text(text: &str) -> Result<(), Self> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(());
        }
        // A failure that is not CUPS's: the helper answers the last CUPS status, which was
        // fine (PrinterRename when the new name is taken, the queue gone or busy).
        if text.starts_with("successful-ok") {
            return Err(Self::Refused {
                status: Arc::from(""),
                message: Arc::from("The change was refused."),
            });
        }
        let lower = text.to_ascii_lowercase();
        let error = if lower.contains("not authorized")
            || lower.contains("unauthorized")
            || lower.contains("forbidden")
            || lower.contains("not privileged")
        {
            Self::NotAuthorized
        } else if lower.contains("does not exist")
            || lower.contains("not found")
            || lower.contains("no such")
        {
            Self::NotFound
        } else if lower.contains("connection refused") || lower.contains("bad file descriptor") {
            Self::NotRunning
        } else {
            Self::Refused {
                status: Arc::from(""),
                message: Arc::from(text),
            }
        };
        Err(error)
    }

    /// Whether this means cupsd is not there (the watch shows "not running").
    pub fn is_not_running(&self) -> bool {
        matches!(self, Self::NotRunning)
    }
}

impl From<AddressError> for PrintersError {
    fn from(error: AddressError) -> Self {
        Self::InvalidAddress(error)
    }
}

impl From<NameError> for PrintersError {
    fn from(error: NameError) -> Self {
        Self::InvalidName(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helper_text_is_classified() {
        assert_eq!(PrintersError::from_helper_text(""), Ok(()));
        // The helper failed without a CUPS error: not a success.
        assert!(matches!(
            PrintersError::from_helper_text("successful-ok"),
            Err(PrintersError::Refused { .. })
        ));
        assert_eq!(
            PrintersError::from_helper_text("Not authorized"),
            Err(PrintersError::NotAuthorized)
        );
        assert_eq!(
            PrintersError::from_helper_text("The printer or class does not exist."),
            Err(PrintersError::NotFound)
        );
        assert!(matches!(
            PrintersError::from_helper_text("Bad device-uri scheme \"x\"."),
            Err(PrintersError::Refused { .. })
        ));
    }

    #[test]
    fn a_polkit_refusal_from_the_helper_is_not_authorized() {
        let failure = DbusFailure::from(zbus::Error::MethodError(
            zbus::names::OwnedErrorName::try_from(
                "org.opensuse.CupsPkHelper.Mechanism.NotPrivileged",
            )
            .unwrap(),
            Some("Not Authorized".into()),
            zbus::message::Message::method_call("/", "X")
                .unwrap()
                .build(&())
                .unwrap(),
        ));
        assert_eq!(
            PrintersError::from_helper(failure),
            PrintersError::NotAuthorized
        );
    }
}
