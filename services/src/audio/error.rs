//! What can go wrong with sound, typed for the page's sentences.

use std::fmt;

use super::types::{DeviceId, Direction, NodeId};
use super::volume::InvalidVolume;

/// A sound failure. Each variant is one sentence on the page; the failures
/// PipeWire reports carry its own words ([`PipeWireFailure`]) for "Details".
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AudioError {
    /// PipeWire is not running (no socket, refused, or the connection was lost).
    #[error("PipeWire is not running")]
    NotRunning,
    /// PipeWire runs but there is no session manager (WirePlumber): no
    /// `default` metadata to choose defaults or move streams with.
    #[error("the sound session manager (WirePlumber) is not running")]
    NoSessionManager,
    /// PipeWire did not answer in time (hung).
    #[error("PipeWire did not answer in time")]
    NoAnswer,
    /// No output, input or stream with this id (any more).
    #[error("there is no {0} any more")]
    NoSuchNode(NodeId),
    /// No device with this id (any more).
    #[error("there is no {0} any more")]
    NoSuchDevice(DeviceId),
    /// The device has no profile with this index.
    #[error("{device} has no profile {profile}")]
    NoSuchProfile {
        /// The device.
        device: DeviceId,
        /// The profile index asked for.
        profile: u32,
    },
    /// The node is not what the command needs (a stream where an output was
    /// expected, an input for a playback stream, …).
    #[error("{node} is not {expected}")]
    Unsuitable {
        /// The node.
        node: NodeId,
        /// What it should have been.
        expected: Expected,
    },
    /// The node has not reported a volume (or has none to set).
    #[error("{0} has no volume control")]
    NoVolume(NodeId),
    /// The volume cannot be set: out of range, above the limit, wrong channels.
    #[error("invalid volume: {0}")]
    InvalidVolume(InvalidVolume),
    /// PipeWire refused because of permissions.
    #[error("PipeWire did not allow this: {0}")]
    NotPermitted(PipeWireFailure),
    /// PipeWire refused the request.
    #[error("PipeWire refused: {0}")]
    Refused(PipeWireFailure),
    /// A stream of ours (test tone, level meter) failed or was cut off,
    /// e.g. because its output went away.
    #[error("the sound stream failed: {0}")]
    StreamFailed(PipeWireFailure),
    /// This process could not do its part (start its PipeWire thread, build
    /// a parameter).
    #[error("{0}")]
    Local(LocalFailure),
}

impl AudioError {
    /// Whether the error means sound is not there at all (no PipeWire, no
    /// answer, no session manager), as opposed to a refused command.
    pub fn is_absence(&self) -> bool {
        matches!(
            self,
            Self::NotRunning | Self::NoSessionManager | Self::NoAnswer | Self::Local(_)
        )
    }

    /// The technical detail for the "Details" affordance.
    pub fn detail(&self) -> String {
        self.to_string()
    }
}

impl From<InvalidVolume> for AudioError {
    fn from(invalid: InvalidVolume) -> Self {
        Self::InvalidVolume(invalid)
    }
}

/// What a node should have been for a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// An output or an input of this direction.
    Endpoint(Direction),
    /// An application's stream.
    Stream,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Endpoint(Direction::Output) => "an output",
            Self::Endpoint(Direction::Input) => "an input",
            Self::Stream => "an application's stream",
        })
    }
}

/// PipeWire's own account of a failure: an errno-style code (when it gave
/// one) and its message, kept as the technical detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipeWireFailure {
    code: Option<i32>,
    message: String,
}

impl PipeWireFailure {
    /// A failure with PipeWire's result code (negative errno, as PipeWire
    /// sends it, or positive) and message.
    pub fn new(code: Option<i32>, message: impl Into<String>) -> Self {
        Self {
            code: code.map(i32::wrapping_abs),
            message: message.into(),
        }
    }

    /// The errno (positive), if PipeWire gave one.
    pub fn errno(&self) -> Option<i32> {
        self.code
    }

    /// PipeWire's message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for PipeWireFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.code, self.message.is_empty()) {
            (Some(code), false) => write!(f, "{} ({})", self.message, errno_name(code)),
            (Some(code), true) => f.write_str(errno_name(code)),
            (None, _) => f.write_str(&self.message),
        }
    }
}

/// The symbolic name of the errno values PipeWire uses.
fn errno_name(code: i32) -> &'static str {
    match code {
        1 => "EPERM",
        2 => "ENOENT",
        5 => "EIO",
        11 => "EAGAIN",
        12 => "ENOMEM",
        13 => "EACCES",
        16 => "EBUSY",
        19 => "ENODEV",
        22 => "EINVAL",
        32 => "EPIPE",
        95 => "ENOTSUP",
        104 => "ECONNRESET",
        107 => "ENOTCONN",
        110 => "ETIMEDOUT",
        111 => "ECONNREFUSED",
        _ => "error",
    }
}

/// Classifies an error PipeWire reported for a request (its `error` event:
/// a negative errno and a message). Permission errors (`EPERM`, `EACCES`)
/// are [`AudioError::NotPermitted`], a lost connection (`EPIPE`,
/// `ECONNRESET`, `ENOTCONN`) [`AudioError::NotRunning`], anything else
/// [`AudioError::Refused`].
pub(crate) fn from_pipewire(res: i32, message: &str) -> AudioError {
    let failure = PipeWireFailure::new(Some(res), message);
    match failure.errno() {
        Some(1 | 13) => AudioError::NotPermitted(failure),
        Some(32 | 104 | 107) => AudioError::NotRunning,
        _ => AudioError::Refused(failure),
    }
}

/// This process's own failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LocalFailure {
    /// The PipeWire thread could not be started.
    #[error("could not start the PipeWire thread")]
    Thread,
    /// The PipeWire thread ended (it only does on an internal failure).
    #[error("the PipeWire thread ended")]
    ThreadEnded,
    /// libpipewire could not create its main loop or context.
    #[error("libpipewire could not set up its main loop")]
    MainLoop,
    /// A PipeWire parameter could not be built.
    #[error("could not build a PipeWire parameter")]
    Parameter,
    /// libpipewire could not create a stream.
    #[error("libpipewire could not create a stream")]
    Stream,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipewire_errors_are_classified_by_errno() {
        assert!(matches!(
            from_pipewire(-13, "no permission"),
            AudioError::NotPermitted(_)
        ));
        assert!(matches!(
            from_pipewire(-1, "not allowed"),
            AudioError::NotPermitted(_)
        ));
        assert_eq!(
            from_pipewire(-32, "connection error"),
            AudioError::NotRunning
        );
        let AudioError::Refused(failure) = from_pipewire(-22, "invalid argument") else {
            panic!("EINVAL is a refusal");
        };
        assert_eq!(failure.errno(), Some(22));
        assert_eq!(failure.message(), "invalid argument");
        assert_eq!(failure.to_string(), "invalid argument (EINVAL)");
        assert_eq!(PipeWireFailure::new(Some(-2), "").to_string(), "ENOENT");
        assert_eq!(
            PipeWireFailure::new(None, "target removed").to_string(),
            "target removed"
        );
    }

    #[test]
    fn absence_and_details() {
        assert!(AudioError::NotRunning.is_absence());
        assert!(AudioError::NoSessionManager.is_absence());
        assert!(!AudioError::NoSuchNode(NodeId(3)).is_absence());
        assert_eq!(
            AudioError::Unsuitable {
                node: NodeId(40),
                expected: Expected::Endpoint(Direction::Output)
            }
            .detail(),
            "node 40 is not an output"
        );
        assert_eq!(
            AudioError::from(InvalidVolume::NoChannels).to_string(),
            "invalid volume: a volume needs at least one channel"
        );
    }
}
