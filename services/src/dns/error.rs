//! What can go wrong applying or reading private DNS settings.

use crate::error::{DbusFailure, FailureKind};

use super::restore::PendingRestore;
use super::settings::DnsSettingsError;

/// Why private DNS settings could not be applied or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DnsError {
    /// NetworkManager is not running.
    #[error("NetworkManager is not running")]
    NetworkManagerMissing,
    /// systemd-resolved is not running.
    #[error("systemd-resolved is not running")]
    ResolverMissing,
    /// NetworkManager owns its name but did not answer in time (hung).
    #[error("NetworkManager did not answer in time: {0}")]
    NetworkManagerNoAnswer(DbusFailure),
    /// systemd-resolved owns its name but did not answer in time (hung).
    #[error("systemd-resolved did not answer in time: {0}")]
    ResolverNoAnswer(DbusFailure),
    /// NetworkManager, resolved or polkit refused the change.
    #[error("the change was refused: {0}")]
    Refused(DbusFailure),
    /// The settings were refused before anything was applied (by
    /// [`PrivateDns::validate`](super::PrivateDns::validate), or because a connection
    /// profile cannot take them).
    #[error("invalid DNS settings: {0}")]
    Invalid(#[from] DnsSettingsError),
    /// Any other failure; the detail says what (including a device whose interface is not
    /// in this process's network namespace, so its DNSSEC mode cannot be set).
    #[error("DNS settings failed: {0}")]
    Failed(DbusFailure),
    /// An apply failed (`cause`) after NetworkManager had saved profiles, and NetworkManager
    /// was not running when their old settings were to be put back: it starts again with the
    /// new settings on disk. [`restore`](super::restore()) puts `restore` back once it runs.
    #[error(
        "{cause}; NetworkManager stopped before the previous settings of {restore} could be \
         put back"
    )]
    RestorePending {
        /// Why the apply failed.
        cause: Box<DnsError>,
        /// The old settings of the profiles to put back.
        restore: PendingRestore,
    },
}

impl DnsError {
    /// Whether the error means a daemon is not running (a state to explain, which changes
    /// by itself), as opposed to a failure.
    pub fn is_absence(&self) -> bool {
        matches!(self, Self::NetworkManagerMissing | Self::ResolverMissing)
    }

    /// A failure talking to NetworkManager.
    pub(crate) fn network_manager(failure: DbusFailure) -> Self {
        Self::classify(
            failure,
            Self::NetworkManagerMissing,
            Self::NetworkManagerNoAnswer,
        )
    }

    /// A failure talking to resolved.
    pub(crate) fn resolver(failure: DbusFailure) -> Self {
        Self::classify(failure, Self::ResolverMissing, Self::ResolverNoAnswer)
    }

    fn classify(failure: DbusFailure, missing: Self, no_answer: fn(DbusFailure) -> Self) -> Self {
        match failure.kind() {
            FailureKind::ServiceMissing => missing,
            FailureKind::Timeout => no_answer(failure),
            FailureKind::AccessDenied => Self::Refused(failure),
            _ => Self::Failed(failure),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_map_to_typed_errors() {
        let missing = DbusFailure::from(zbus::fdo::Error::ServiceUnknown("gone".into()));
        assert_eq!(
            DnsError::network_manager(missing.clone()),
            DnsError::NetworkManagerMissing
        );
        assert_eq!(DnsError::resolver(missing), DnsError::ResolverMissing);
        assert!(DnsError::ResolverMissing.is_absence());
        let denied = DbusFailure::from(zbus::fdo::Error::AccessDenied("no".into()));
        assert!(matches!(
            DnsError::network_manager(denied),
            DnsError::Refused(_)
        ));
        let other = DbusFailure::from(zbus::fdo::Error::Failed("odd".into()));
        assert!(matches!(
            DnsError::resolver(other.clone()),
            DnsError::Failed(_)
        ));
        assert!(!DnsError::Failed(other).is_absence());
        let hung = DbusFailure::new(FailureKind::Timeout, "timed out");
        assert!(matches!(
            DnsError::network_manager(hung.clone()),
            DnsError::NetworkManagerNoAnswer(_)
        ));
        assert!(matches!(
            DnsError::resolver(hung),
            DnsError::ResolverNoAnswer(_)
        ));
    }
}
