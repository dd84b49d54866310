//! What can go wrong with Flatpak, classified in one place ([`AppsError::from_glib`]) from
//! libflatpak's `GError`s: their domain and code first, the text of ostree's download errors
//! only where no code says it (one function, [`is_unreachable_text`], with tests).

use std::sync::Arc;

use libflatpak::gio;
use libflatpak::glib;

/// A failure the Apps page can say in a sentence. Cheap to clone; the detail is the technical
/// text (domain, code and libflatpak's message) for "Copy details", never shown as the
/// sentence itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppsError {
    /// The app (or runtime) is not installed there.
    #[error("the app is not installed")]
    NotInstalled,
    /// It is installed already.
    #[error("the app is already installed")]
    AlreadyInstalled,
    /// A remote was offered without a signing key; Ferrum adds no remote it cannot verify.
    #[error("the app source has no signing key")]
    Unsigned,
    /// A remote of that name exists already.
    #[error("an app source of that name exists already")]
    AlreadyExists,
    /// The remote, app or runtime named does not exist.
    #[error("not found: {detail}")]
    NotFound {
        /// The technical text.
        detail: Arc<str>,
    },
    /// The remote could not be reached (no network, server down, name unknown).
    #[error("the app source could not be reached: {detail}")]
    RemoteUnreachable {
        /// The technical text.
        detail: Arc<str>,
    },
    /// What came from the remote is not signed by a key the remote trusts; nothing was
    /// installed.
    #[error("the app source's signature could not be verified: {detail}")]
    SignatureInvalid {
        /// The technical text.
        detail: Arc<str>,
    },
    /// Cancelled by the person; nothing of the step in progress stayed.
    #[error("cancelled")]
    Cancelled,
    /// Not allowed (polkit refused a change of the system installation, or files not
    /// writable).
    #[error("not allowed: {detail}")]
    PermissionDenied {
        /// The technical text.
        detail: Arc<str>,
    },
    /// The disk is full.
    #[error("there is not enough disk space")]
    NoSpace,
    /// The app is running and cannot be changed now.
    #[error("the app is running")]
    AppRunning,
    /// The permission store (portal grants, on the session bus) is not there.
    #[error("the permission store is not available: {detail}")]
    PermissionStoreUnavailable {
        /// The technical text.
        detail: Arc<str>,
    },
    /// The permission store owns its name but did not answer in time (stopped, hung): what
    /// was asked may still happen when it answers again, so the grants are read anew then.
    #[error("the permission store did not answer: {detail}")]
    PermissionStoreTimedOut {
        /// The technical text.
        detail: Arc<str>,
    },
    /// Flatpak's system helper (`org.freedesktop.Flatpak.SystemHelper` on the system bus),
    /// through which a person who is not root changes the system installation, is not
    /// running or went away before it answered; the change did not happen.
    #[error("Flatpak's system helper is not available: {detail}")]
    SystemHelperUnavailable {
        /// The technical text.
        detail: Arc<str>,
    },
    /// The Flatpak worker thread is gone (it could not start, or ended).
    #[error("the Flatpak worker is not running")]
    WorkerGone,
    /// Anything else.
    #[error("Flatpak failed: {detail}")]
    Other {
        /// The technical text.
        detail: Arc<str>,
    },
}

impl AppsError {
    /// Classifies a libflatpak (or gio, ostree) error. An error no code classifies whose text
    /// carries ENOSPC's words (ostree and libglnx put `strerror` in the message, as in
    /// "Writing content object: No space left on device") is [`AppsError::NoSpace`] too.
    pub(crate) fn from_glib(error: &glib::Error) -> Self {
        match Self::from_glib_code(error) {
            Self::Other { .. } if is_no_space_text(error.message()) => Self::NoSpace,
            classified => classified,
        }
    }

    /// [`AppsError::from_glib`] from the domain and code (and the download texts) alone.
    fn from_glib_code(error: &glib::Error) -> Self {
        let detail = || -> Arc<str> {
            Arc::from(format!(
                "{} {}: {}",
                error.domain().as_str(),
                error.code(),
                error.message()
            ))
        };
        if let Some(kind) = error.kind::<libflatpak::Error>() {
            use libflatpak::Error as F;
            return match kind {
                F::NotInstalled => Self::NotInstalled,
                F::AlreadyInstalled => Self::AlreadyInstalled,
                F::OutOfSpace => Self::NoSpace,
                F::Untrusted => Self::SignatureInvalid { detail: detail() },
                F::PermissionDenied | F::NotAuthorized | F::WrongUser | F::AuthenticationFailed => {
                    Self::PermissionDenied { detail: detail() }
                }
                F::RemoteNotFound | F::RefNotFound | F::RuntimeNotFound | F::InvalidRef => {
                    Self::NotFound { detail: detail() }
                }
                _ if is_unreachable_text(error.message()) => {
                    Self::RemoteUnreachable { detail: detail() }
                }
                _ => Self::Other { detail: detail() },
            };
        }
        if let Some(kind) = error.kind::<gio::IOErrorEnum>() {
            use gio::IOErrorEnum as Io;
            return match kind {
                Io::Cancelled => Self::Cancelled,
                Io::NoSpace => Self::NoSpace,
                Io::PermissionDenied => Self::PermissionDenied { detail: detail() },
                Io::HostNotFound
                | Io::HostUnreachable
                | Io::NetworkUnreachable
                | Io::ConnectionRefused
                | Io::TimedOut
                | Io::ProxyFailed => Self::RemoteUnreachable { detail: detail() },
                Io::Busy if error.message().contains("running") => Self::AppRunning,
                _ if is_unreachable_text(error.message()) => {
                    Self::RemoteUnreachable { detail: detail() }
                }
                _ if is_signature_text(error.message()) => {
                    Self::SignatureInvalid { detail: detail() }
                }
                _ => Self::Other { detail: detail() },
            };
        }
        if let Some(kind) = error.kind::<gio::DBusError>() {
            use gio::DBusError as D;
            match kind {
                // The system helper (or polkit behind it) refused.
                D::AccessDenied | D::AuthFailed => {
                    return Self::PermissionDenied { detail: detail() };
                }
                // The only service libflatpak calls on a bus is the system helper: nobody
                // owns its name (and the bus cannot start it), or it went away mid-call.
                D::ServiceUnknown
                | D::NameHasNoOwner
                | D::NoReply
                | D::Disconnected
                | D::NoServer
                | D::SpawnServiceNotFound
                | D::SpawnExecFailed
                | D::SpawnChildExited
                | D::SpawnChildSignaled
                | D::SpawnFailed => return Self::SystemHelperUnavailable { detail: detail() },
                _ => {}
            }
        }
        match error.domain().as_str().as_str() {
            "g-resolver-error-quark" => Self::RemoteUnreachable { detail: detail() },
            "OstreeGpgError" => Self::SignatureInvalid { detail: detail() },
            _ if is_unreachable_text(error.message()) => {
                Self::RemoteUnreachable { detail: detail() }
            }
            _ => Self::Other { detail: detail() },
        }
    }

    /// Whether the app was not installed.
    pub fn is_not_installed(&self) -> bool {
        matches!(self, Self::NotInstalled)
    }

    /// Whether the remote could not be reached.
    pub fn is_remote_unreachable(&self) -> bool {
        matches!(self, Self::RemoteUnreachable { .. })
    }

    /// Whether the person cancelled.
    pub fn is_cancelled(&self) -> bool {
        matches!(self, Self::Cancelled)
    }

    /// Whether it was not allowed.
    pub fn is_permission_denied(&self) -> bool {
        matches!(self, Self::PermissionDenied { .. })
    }

    /// Whether the disk is full.
    pub fn is_no_space(&self) -> bool {
        matches!(self, Self::NoSpace)
    }

    /// Whether a signature did not verify.
    pub fn is_signature_invalid(&self) -> bool {
        matches!(self, Self::SignatureInvalid { .. })
    }

    /// The technical text, when there is one.
    pub fn detail(&self) -> Option<&str> {
        match self {
            Self::NotFound { detail }
            | Self::RemoteUnreachable { detail }
            | Self::SignatureInvalid { detail }
            | Self::PermissionDenied { detail }
            | Self::PermissionStoreUnavailable { detail }
            | Self::PermissionStoreTimedOut { detail }
            | Self::SystemHelperUnavailable { detail }
            | Self::Other { detail } => Some(detail),
            _ => None,
        }
    }

    /// A failure of ours (not libflatpak's), e.g. a thread that could not start.
    pub(crate) fn other(detail: impl Into<String>) -> Self {
        Self::Other {
            detail: Arc::from(detail.into()),
        }
    }
}

/// Whether a download error's text says the server could not be reached. ostree's curl
/// fetcher reports every failed transfer as `G_IO_ERROR_FAILED` with "While fetching <url>:
/// [<curl code>] <curl text>"; the codes are curl's: 5/6 name not resolved, 7 could not
/// connect, 28 timed out, 35 TLS handshake, 52 empty reply, 55/56 send/receive failed.
pub(crate) fn is_unreachable_text(message: &str) -> bool {
    const UNREACHABLE_CURL_CODES: &[u32] = &[5, 6, 7, 28, 35, 52, 55, 56];
    let Some(start) = message.find("While fetching ") else {
        return false;
    };
    let rest = &message[start..];
    let Some(open) = rest.find(": [") else {
        return false;
    };
    let code = rest[open + 3..]
        .split(']')
        .next()
        .and_then(|code| code.trim().parse::<u32>().ok());
    code.is_some_and(|code| UNREACHABLE_CURL_CODES.contains(&code))
}

/// Whether an error's text is the kernel's ENOSPC (`strerror(ENOSPC)`).
pub(crate) fn is_no_space_text(message: &str) -> bool {
    message.contains("No space left on device")
}

/// Whether an ostree error's text is a GPG verification failure (ostree reports some as
/// `G_IO_ERROR_FAILED`).
pub(crate) fn is_signature_text(message: &str) -> bool {
    message.contains("GPG verification enabled, but no signatures found")
        || message.contains("GPG signatures found, but none are in trusted keyring")
        || message.contains("Signature verification failed")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libflatpak_codes_are_classified() {
        let error = |kind: libflatpak::Error| glib::Error::new(kind, "text");
        assert!(AppsError::from_glib(&error(libflatpak::Error::NotInstalled)).is_not_installed());
        assert!(AppsError::from_glib(&error(libflatpak::Error::OutOfSpace)).is_no_space());
        // "Aborted due to failure": the step's own error says why (see the transaction).
        assert!(!AppsError::from_glib(&error(libflatpak::Error::Aborted)).is_cancelled());
        assert!(
            AppsError::from_glib(&error(libflatpak::Error::NotAuthorized)).is_permission_denied()
        );
        assert!(AppsError::from_glib(&error(libflatpak::Error::Untrusted)).is_signature_invalid());
        assert!(matches!(
            AppsError::from_glib(&error(libflatpak::Error::RemoteNotFound)),
            AppsError::NotFound { .. }
        ));
    }

    #[test]
    fn gio_codes_are_classified() {
        let error = |kind: gio::IOErrorEnum| glib::Error::new(kind, "text");
        assert!(AppsError::from_glib(&error(gio::IOErrorEnum::Cancelled)).is_cancelled());
        assert!(AppsError::from_glib(&error(gio::IOErrorEnum::NoSpace)).is_no_space());
        assert!(
            AppsError::from_glib(&error(gio::IOErrorEnum::PermissionDenied)).is_permission_denied()
        );
        assert!(
            AppsError::from_glib(&error(gio::IOErrorEnum::ConnectionRefused))
                .is_remote_unreachable()
        );
        let other = AppsError::from_glib(&error(gio::IOErrorEnum::Failed));
        assert!(matches!(other, AppsError::Other { .. }));
        assert!(other.detail().is_some_and(|detail| detail.contains("text")));
    }

    #[test]
    fn enospc_in_the_text_is_no_space() {
        let error = glib::Error::new(
            gio::IOErrorEnum::Failed,
            "Writing content object: No space left on device",
        );
        assert!(AppsError::from_glib(&error).is_no_space());
        let error = glib::Error::new(libflatpak::Error::Aborted, "No space left on device");
        assert!(AppsError::from_glib(&error).is_no_space());
        // A code says more than the text.
        let error = glib::Error::new(gio::IOErrorEnum::Cancelled, "No space left on device");
        assert!(AppsError::from_glib(&error).is_cancelled());
    }

    #[test]
    fn the_system_helper_gone_is_said_as_such() {
        for kind in [
            gio::DBusError::ServiceUnknown,
            gio::DBusError::NoReply,
            gio::DBusError::NameHasNoOwner,
        ] {
            let error = glib::Error::new(kind, "org.freedesktop.Flatpak.SystemHelper");
            assert!(
                matches!(
                    AppsError::from_glib(&error),
                    AppsError::SystemHelperUnavailable { .. }
                ),
                "{kind:?}"
            );
        }
        let refused = glib::Error::new(gio::DBusError::AccessDenied, "no");
        assert!(AppsError::from_glib(&refused).is_permission_denied());
    }

    #[test]
    fn curl_failures_in_ostree_text_are_unreachable() {
        assert!(is_unreachable_text(
            "Unable to load summary from remote ferrum-offline: While fetching \
             http://127.0.0.1:9/summary.idx: [7] Couldn't connect to server"
        ));
        assert!(is_unreachable_text(
            "While fetching https://x.example/summary: [6] Couldn't resolve host name"
        ));
        // A 404 (curl 22) is not "unreachable": the server answered.
        assert!(!is_unreachable_text(
            "While fetching http://127.0.0.1:9/summary: [22] HTTP response code said error"
        ));
        assert!(!is_unreachable_text("No such ref"));
        let error = glib::Error::new(
            gio::IOErrorEnum::Failed,
            "While fetching http://127.0.0.1:9/summary.idx: [7] Couldn't connect to server",
        );
        assert!(AppsError::from_glib(&error).is_remote_unreachable());
    }
}
