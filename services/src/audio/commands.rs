//! Commands. Each is sent to the PipeWire thread, which checks it against
//! the graph as it is now, sends it, and answers once PipeWire has handled
//! it (a sync round trip): `Ok` means PipeWire took the change; what the
//! change leads to (WirePlumber's new default, a stream's new link) shows in
//! the next [`Snapshot`](super::Snapshot). Every command is bounded by
//! [`COMMAND_TIMEOUT`] (a hung PipeWire fails with
//! [`AudioError::NoAnswer`]); while PipeWire is not running they fail at
//! once with [`AudioError::NotRunning`].

use super::error::AudioError;
use super::session::{AudioSession, COMMAND_TIMEOUT, TEST_TIMEOUT};
use super::types::{DeviceId, Direction, NodeId, StreamTarget, VolumeChange};
use super::volume::VolumeLimit;

/// Makes `node` the default output or input: writes
/// `default.configured.audio.sink` (or `…source`) in the session manager's
/// `default` metadata as `{"name": "<node.name>"}`, as `wpctl set-default`
/// does. WirePlumber stores the choice and follows it with
/// `default.audio.sink`, which [`Defaults::output`](super::Defaults::output)
/// shows (while the node is missing it falls back to another).
///
/// Errors: [`AudioError::NoSessionManager`] without WirePlumber,
/// [`AudioError::NoSuchNode`], [`AudioError::Unsuitable`] for a node of the
/// other direction.
pub async fn set_default(
    session: &AudioSession,
    direction: Direction,
    node: NodeId,
) -> Result<(), AudioError> {
    session
        .run(Action::SetDefault { direction, node }, COMMAND_TIMEOUT)
        .await
}

/// Changes the volume of an output, input or stream: every channel
/// ([`VolumeChange::Channels`], linear factors), the master slider keeping
/// the balance ([`VolumeChange::Master`]) or the balance keeping the
/// loudest side ([`VolumeChange::Balance`]); master and balance are worked
/// out from the node's volume as PipeWire has it at that moment. Nothing
/// louder than `limit` is sent ([`AudioError::InvalidVolume`]).
///
/// The volume goes where PipeWire keeps it: the node's `Props`
/// (`channelVolumes`), or for a sound card's port the device's active
/// `Route` (saved by the session manager), as `wpctl` and pipewire-pulse do.
///
/// Errors: [`AudioError::NoSuchNode`], [`AudioError::NoVolume`] (no volume
/// reported yet), [`AudioError::InvalidVolume`], [`AudioError::Refused`].
pub async fn set_volume(
    session: &AudioSession,
    node: NodeId,
    change: VolumeChange,
    limit: VolumeLimit,
) -> Result<(), AudioError> {
    session
        .run(
            Action::SetVolume {
                node,
                change,
                limit,
            },
            COMMAND_TIMEOUT,
        )
        .await
}

/// Mutes or unmutes an output, input or stream (its `Props` `mute`, or its
/// device route's).
pub async fn set_mute(session: &AudioSession, node: NodeId, mute: bool) -> Result<(), AudioError> {
    session
        .run(Action::SetMute { node, mute }, COMMAND_TIMEOUT)
        .await
}

/// Moves an application's stream to another output (or a recording stream
/// to another input), or back to following the default: sets the stream's
/// `target.object` (the target's `object.serial`, which WirePlumber 0.4.11+
/// and 0.5 read first) and `target.node` (its id, for older readers) in the
/// `default` metadata, as pipewire-pulse does. WirePlumber relinks the
/// stream and remembers the choice for the application.
///
/// Errors: [`AudioError::NoSessionManager`], [`AudioError::NoSuchNode`],
/// [`AudioError::Unsuitable`] (not a stream, or a target of the wrong
/// direction).
pub async fn move_stream(
    session: &AudioSession,
    stream: NodeId,
    target: StreamTarget,
) -> Result<(), AudioError> {
    session
        .run(Action::MoveStream { stream, target }, COMMAND_TIMEOUT)
        .await
}

/// Switches a device to one of its profiles (by [`Profile::index`](super::Profile::index));
/// the session manager saves the choice.
///
/// Errors: [`AudioError::NoSuchDevice`], [`AudioError::NoSuchProfile`],
/// [`AudioError::Refused`].
pub async fn set_profile(
    session: &AudioSession,
    device: DeviceId,
    profile: u32,
) -> Result<(), AudioError> {
    session
        .run(Action::SetProfile { device, profile }, COMMAND_TIMEOUT)
        .await
}

/// Switches an output or input to another port of its sound card (by
/// [`Port::index`](super::Port::index), one of its
/// [`Endpoint::ports`](super::Endpoint::ports)): sets the device's `Route`
/// for the node's profile device, saved by the session manager, as
/// pavucontrol (through pipewire-pulse) and `wpctl` do.
///
/// Errors: [`AudioError::NoSuchNode`], [`AudioError::Unsuitable`] (a
/// stream), [`AudioError::Refused`] (the node has no such port: no card,
/// or a card without it in its active profile; or PipeWire refused).
pub async fn set_port(session: &AudioSession, node: NodeId, port: u32) -> Result<(), AudioError> {
    session
        .run(Action::SetPort { node, port }, COMMAND_TIMEOUT)
        .await
}

/// Plays a short tone on each channel of an output in turn (left, then
/// right on a stereo output; every channel of a surround one, in its
/// channel order): [`TONE_LENGTH`](super::TONE_LENGTH) of a 440 Hz tone at
/// −12 dBFS per channel, [`TONE_GAP`](super::TONE_GAP) apart. The samples
/// are generated by a PipeWire stream of ours aimed at the output (not
/// shown in the snapshot's streams). Returns when the sound has played
/// (about 1.7 s for stereo), within [`TEST_TIMEOUT`].
///
/// Errors: [`AudioError::NoSessionManager`] (nothing would link the tone),
/// [`AudioError::NoSuchNode`], [`AudioError::Unsuitable`] (not an output),
/// [`AudioError::StreamFailed`] (the output went away, or the tone was not
/// played in time).
pub async fn test_speakers(session: &AudioSession, output: NodeId) -> Result<(), AudioError> {
    session
        .run(Action::TestSpeakers { output }, TEST_TIMEOUT)
        .await
}

/// A change as data: what a page keeps while it is under way and compares,
/// and what the PipeWire thread carries out ([`Action::run`], or the
/// functions above, which make one).
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// [`set_default`].
    SetDefault {
        /// Output or input.
        direction: Direction,
        /// The node.
        node: NodeId,
    },
    /// [`set_volume`].
    SetVolume {
        /// The output, input or stream.
        node: NodeId,
        /// Master, balance or every channel.
        change: VolumeChange,
        /// The limit when it was asked for.
        limit: VolumeLimit,
    },
    /// [`set_mute`].
    SetMute {
        /// The output, input or stream.
        node: NodeId,
        /// Muted?
        mute: bool,
    },
    /// [`move_stream`].
    MoveStream {
        /// The stream.
        stream: NodeId,
        /// Where to.
        target: StreamTarget,
    },
    /// [`set_profile`].
    SetProfile {
        /// The device.
        device: DeviceId,
        /// PipeWire's index of the profile.
        profile: u32,
    },
    /// [`set_port`].
    SetPort {
        /// The output or input.
        node: NodeId,
        /// PipeWire's index of the port (route).
        port: u32,
    },
    /// [`test_speakers`].
    TestSpeakers {
        /// The output.
        output: NodeId,
    },
}

impl Action {
    /// Runs the change on `session`, bounded by [`COMMAND_TIMEOUT`]
    /// ([`TEST_TIMEOUT`] for the speaker test).
    pub async fn run(self, session: &AudioSession) -> Result<(), AudioError> {
        let timeout = match self {
            Self::TestSpeakers { .. } => TEST_TIMEOUT,
            _ => COMMAND_TIMEOUT,
        };
        session.run(self, timeout).await
    }
}
