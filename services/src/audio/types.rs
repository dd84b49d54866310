//! The public, toolkit-free picture of sound the page shows: outputs, inputs,
//! application streams, devices with their profiles, the session manager's
//! defaults, and what the live streams yield.
//!
//! Nothing here names a `pipewire` type: those stay inside
//! `services::audio`.

use std::fmt;
use std::str::FromStr;

use super::error::AudioError;
use super::volume::{ChannelVolumes, Side};

/// A PipeWire node (an output, an input or a stream) by its global id.
///
/// PipeWire reuses the ids of removed objects, so an id is good for as long
/// as the snapshot that showed it is current; act on ids from the latest
/// snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "node {}", self.0)
    }
}

/// A PipeWire device (a sound card, a Bluetooth headset) by its global id;
/// the same caveat as [`NodeId`] applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DeviceId(pub u32);

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "device {}", self.0)
    }
}

/// Outputs (sinks) or inputs (sources): which default, which kind of node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Where sound goes: speakers, headphones (PipeWire `Audio/Sink`).
    Output,
    /// Where sound comes from: microphones (PipeWire `Audio/Source`).
    Input,
}

impl Direction {
    /// The key of the session manager's current default in the `default`
    /// metadata: `default.audio.sink` or `default.audio.source`.
    pub fn default_key(self) -> &'static str {
        match self {
            Self::Output => "default.audio.sink",
            Self::Input => "default.audio.source",
        }
    }

    /// The key of the person's chosen default, which WirePlumber stores and
    /// follows: `default.configured.audio.sink` or `…source`.
    pub fn configured_key(self) -> &'static str {
        match self {
            Self::Output => "default.configured.audio.sink",
            Self::Input => "default.configured.audio.source",
        }
    }
}

/// A channel position, as PipeWire names them (`FL`, `FR`, `MONO`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// `MONO`.
    Mono,
    /// `FL`.
    FrontLeft,
    /// `FR`.
    FrontRight,
    /// `FC`.
    FrontCenter,
    /// `LFE`, the subwoofer.
    LowFrequency,
    /// `SL`.
    SideLeft,
    /// `SR`.
    SideRight,
    /// `FLC`.
    FrontLeftOfCenter,
    /// `FRC`.
    FrontRightOfCenter,
    /// `RC`.
    RearCenter,
    /// `RL`.
    RearLeft,
    /// `RR`.
    RearRight,
    /// `AUX0`, `AUX1`, …: a channel with no position.
    Aux(u32),
    /// Any other position, by PipeWire's number (`SPA_AUDIO_CHANNEL_*`).
    Other(u32),
}

impl Channel {
    /// PipeWire's short name: `FL`, `MONO`, `AUX3`, …
    pub fn short_name(self) -> String {
        match self {
            Self::Mono => "MONO".into(),
            Self::FrontLeft => "FL".into(),
            Self::FrontRight => "FR".into(),
            Self::FrontCenter => "FC".into(),
            Self::LowFrequency => "LFE".into(),
            Self::SideLeft => "SL".into(),
            Self::SideRight => "SR".into(),
            Self::FrontLeftOfCenter => "FLC".into(),
            Self::FrontRightOfCenter => "FRC".into(),
            Self::RearCenter => "RC".into(),
            Self::RearLeft => "RL".into(),
            Self::RearRight => "RR".into(),
            Self::Aux(n) => format!("AUX{n}"),
            Self::Other(n) => format!("UNKNOWN{n}"),
        }
    }

    /// Which side of the listener the channel is on, for balance.
    pub(crate) fn side(self) -> Side {
        match self {
            Self::FrontLeft | Self::SideLeft | Self::FrontLeftOfCenter | Self::RearLeft => {
                Side::Left
            }
            Self::FrontRight | Self::SideRight | Self::FrontRightOfCenter | Self::RearRight => {
                Side::Right
            }
            _ => Side::Centre,
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.short_name())
    }
}

/// Text that is not a channel name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a channel position: {0:?}")]
pub struct InvalidChannel(pub String);

impl FromStr for Channel {
    type Err = InvalidChannel;

    /// Reads PipeWire's short names (`FL`, `fr`, `MONO`, `AUX2`), as in
    /// `audio.position`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let upper = text.trim().to_ascii_uppercase();
        Ok(match upper.as_str() {
            "MONO" => Self::Mono,
            "FL" => Self::FrontLeft,
            "FR" => Self::FrontRight,
            "FC" => Self::FrontCenter,
            "LFE" => Self::LowFrequency,
            "SL" => Self::SideLeft,
            "SR" => Self::SideRight,
            "FLC" => Self::FrontLeftOfCenter,
            "FRC" => Self::FrontRightOfCenter,
            "RC" => Self::RearCenter,
            "RL" => Self::RearLeft,
            "RR" => Self::RearRight,
            other => {
                let aux = other
                    .strip_prefix("AUX")
                    .and_then(|n| n.parse().ok())
                    .map(Self::Aux);
                return aux.ok_or_else(|| InvalidChannel(text.to_owned()));
            }
        })
    }
}

/// The volume of a node as PipeWire reports it in the node's `Props`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NodeVolume {
    /// One linear factor per channel (`channelVolumes`).
    pub channels: ChannelVolumes,
    /// The channel positions, in the same order (`channelMap`).
    pub map: Vec<Channel>,
    /// Whether the node is muted (`mute`).
    pub mute: bool,
}

impl NodeVolume {
    /// The master slider fraction (the loudest channel).
    pub fn master(&self) -> f32 {
        self.channels.master()
    }

    /// The balance, −1.0 (left) … 1.0 (right).
    pub fn balance(&self) -> f32 {
        self.channels.balance(&self.map)
    }
}

/// An output or an input: a node sound goes to or comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint {
    /// Its id.
    pub id: NodeId,
    /// Output (sink) or input (source).
    pub direction: Direction,
    /// `node.name`: what the defaults name, stable across restarts.
    pub name: String,
    /// What people read: `node.description`, else `node.nick`, else the name.
    pub description: String,
    /// The icon of its device (`device.icon-name`), when it has one.
    pub icon_name: Option<String>,
    /// The device it belongs to (none for virtual nodes).
    pub device: Option<DeviceId>,
    /// Its volume, once PipeWire has reported it; `None` for a node without
    /// a volume of its own.
    pub volume: Option<NodeVolume>,
    /// The ports of its sound card it can use in the card's active profile
    /// ("Speakers", "Headphones"), from the device's `EnumRoute`; empty for
    /// nodes of no card or a card without routes (virtual and null sinks).
    /// [`set_port`](super::set_port) switches between them.
    pub ports: Vec<Port>,
}

impl Endpoint {
    /// The port in use, when the card says.
    pub fn active_port(&self) -> Option<&Port> {
        self.ports.iter().find(|port| port.active)
    }
}

/// A port of a sound card for an output or input (one of its device's
/// routes): where the sound physically goes or comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Port {
    /// PipeWire's route index, what [`set_port`](super::set_port) takes.
    pub index: u32,
    /// Its name (`analog-output-speaker`, `analog-output-headphones`).
    pub name: String,
    /// What people read ("Speakers", "Headphones").
    pub description: String,
    /// Whether it can be used now (something plugged into the jack).
    pub available: Availability,
    /// Higher is better; the session manager prefers the highest available.
    pub priority: u32,
    /// Whether it is the one in use (the device's active `Route`).
    pub active: bool,
}

/// What a node is doing, from its state in PipeWire's node info.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum NodeState {
    /// Not reported yet.
    #[default]
    Unknown,
    /// Being set up.
    Creating,
    /// Suspended: nothing has used it for a while (its device is closed).
    Suspended,
    /// Ready but not processing: a stream that is paused (corked) or has
    /// nothing to play, a node nothing plays to.
    Idle,
    /// Processing sound.
    Running,
    /// Failed (PipeWire's message is in its logs).
    Error,
}

impl NodeState {
    /// Whether sound flows through it now.
    pub fn is_running(self) -> bool {
        self == Self::Running
    }

    /// Whether it is idle or suspended: for a stream, what a page shows as
    /// "Paused".
    pub fn is_paused(self) -> bool {
        matches!(self, Self::Idle | Self::Suspended)
    }
}

/// Playback (an application's sound going out) or recording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StreamDirection {
    /// `Stream/Output/Audio`: plays to an output.
    Playback,
    /// `Stream/Input/Audio`: records from an input.
    Recording,
}

impl StreamDirection {
    /// The kind of endpoint such a stream goes to or comes from.
    pub fn endpoint(self) -> Direction {
        match self {
            Self::Playback => Direction::Output,
            Self::Recording => Direction::Input,
        }
    }
}

/// Where a stream was asked to go, in the `default` metadata
/// (`target.object`, or `target.node` from older clients).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamTarget {
    /// To this output or input.
    Node(NodeId),
    /// Follows the default (`-1`).
    FollowDefault,
}

/// An application's stream.
#[derive(Debug, Clone, PartialEq)]
pub struct AppStream {
    /// Its id.
    pub id: NodeId,
    /// Playback or recording.
    pub direction: StreamDirection,
    /// `application.name` of the stream, else of its client.
    pub application_name: Option<String>,
    /// `application.icon-name` of the stream, else of its client.
    pub icon_name: Option<String>,
    /// `application.process.binary`, a fallback for the icon.
    pub binary: Option<String>,
    /// `media.name`: what it plays ("tone.wav", a song title, a tab's title).
    pub media_name: Option<String>,
    /// `media.role` (`Music`, `Notification`, …), if the application said.
    pub media_role: Option<String>,
    /// The outputs (or inputs) it is linked to now, from PipeWire's links.
    pub linked_to: Vec<NodeId>,
    /// Where it was asked to go through the `default` metadata, if anywhere
    /// (a target that no longer exists reads as `None`).
    pub target: Option<StreamTarget>,
    /// Its volume, once reported.
    pub volume: Option<NodeVolume>,
    /// Whether it is playing (or recording) now, or paused (idle or
    /// suspended), from its node state.
    pub state: NodeState,
}

/// Whether a profile can be used now (a jack with something plugged in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Availability {
    /// PipeWire cannot tell.
    Unknown,
    /// Not usable now (nothing plugged in).
    No,
    /// Usable.
    Yes,
}

/// One profile of a device (`EnumProfile`): a way to use the card, e.g.
/// "Analog Stereo Duplex" or, for a headset, "High Fidelity Playback (A2DP)".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// PipeWire's index, what [`set_profile`](super::set_profile) takes.
    pub index: u32,
    /// Its name (`output:analog-stereo+input:analog-stereo`, `off`).
    pub name: String,
    /// What people read.
    pub description: String,
    /// Whether it can be used now.
    pub available: Availability,
    /// Higher is better; the session manager picks the highest available.
    pub priority: u32,
}

/// A PipeWire device of class `Audio/Device`: a sound card or headset.
#[derive(Debug, Clone, PartialEq)]
pub struct AudioDevice {
    /// Its id.
    pub id: DeviceId,
    /// `device.name` (`alsa_card.pci-0000_00_1f.3`).
    pub name: String,
    /// What people read: `device.description`, else `device.nick`, else the name.
    pub description: String,
    /// `device.icon-name`.
    pub icon_name: Option<String>,
    /// `device.form-factor` (`internal`, `headset`, `speaker`, …), if known.
    pub form_factor: Option<String>,
    /// `device.bus` (`pci`, `usb`, `bluetooth`), if known.
    pub bus: Option<String>,
    /// Its profiles, by index.
    pub profiles: Vec<Profile>,
    /// The index of the active profile.
    pub active_profile: Option<u32>,
}

impl AudioDevice {
    /// The active profile, when known.
    pub fn active(&self) -> Option<&Profile> {
        let index = self.active_profile?;
        self.profiles.iter().find(|profile| profile.index == index)
    }
}

/// The session manager's defaults, from its `default` metadata: node names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Defaults {
    /// The output in use by default now (`default.audio.sink`).
    pub output: Option<String>,
    /// The input in use by default now (`default.audio.source`).
    pub input: Option<String>,
    /// The output the person chose (`default.configured.audio.sink`); the
    /// session manager falls back to another while it is missing.
    pub configured_output: Option<String>,
    /// The input the person chose (`default.configured.audio.source`).
    pub configured_input: Option<String>,
}

impl Defaults {
    /// The current default of that direction.
    pub fn current(&self, direction: Direction) -> Option<&str> {
        match direction {
            Direction::Output => self.output.as_deref(),
            Direction::Input => self.input.as_deref(),
        }
    }
}

/// Everything the Sound page shows, as PipeWire and the session manager have it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Snapshot {
    /// Outputs (`Audio/Sink` and `Audio/Duplex` nodes), by id.
    pub outputs: Vec<Endpoint>,
    /// Inputs (`Audio/Source`, `Audio/Source/Virtual` and `Audio/Duplex`
    /// nodes), by id. PipeWire has no separate monitor sources (a sink's
    /// monitor is its monitor ports), so none are listed.
    pub inputs: Vec<Endpoint>,
    /// Applications' playback and recording streams, by id (without level
    /// meters and peak-detect streams: `stream.monitor`).
    pub streams: Vec<AppStream>,
    /// Sound devices (`Audio/Device`) with their profiles, by id.
    pub devices: Vec<AudioDevice>,
    /// The defaults.
    pub defaults: Defaults,
    /// Whether a session manager (WirePlumber) runs: without one there is
    /// no `default` metadata, so no defaults, nothing is linked, and
    /// choosing a default or moving a stream fails with
    /// [`AudioError::NoSessionManager`].
    pub session_manager: bool,
}

impl Snapshot {
    /// The outputs or the inputs.
    pub fn endpoints(&self, direction: Direction) -> &[Endpoint] {
        match direction {
            Direction::Output => &self.outputs,
            Direction::Input => &self.inputs,
        }
    }

    /// The current default output or input, if it is in the list.
    pub fn default_endpoint(&self, direction: Direction) -> Option<&Endpoint> {
        let name = self.defaults.current(direction)?;
        self.endpoints(direction)
            .iter()
            .find(|endpoint| endpoint.name == name)
    }

    /// An output or input by id.
    pub fn endpoint(&self, id: NodeId) -> Option<&Endpoint> {
        self.outputs
            .iter()
            .chain(&self.inputs)
            .find(|endpoint| endpoint.id == id)
    }

    /// An output or input by `node.name`.
    pub fn endpoint_named(&self, direction: Direction, name: &str) -> Option<&Endpoint> {
        self.endpoints(direction)
            .iter()
            .find(|endpoint| endpoint.name == name)
    }

    /// A stream by id.
    pub fn stream(&self, id: NodeId) -> Option<&AppStream> {
        self.streams.iter().find(|stream| stream.id == id)
    }

    /// A device by id.
    pub fn device(&self, id: DeviceId) -> Option<&AudioDevice> {
        self.devices.iter().find(|device| device.id == id)
    }
}

/// What [`watch`](super::watch) yields.
#[derive(Debug, Clone, PartialEq)]
pub enum Update {
    /// Everything, at start and after each burst of PipeWire's events.
    Snapshot(Snapshot),
    /// Sound cannot be shown: PipeWire is not running
    /// ([`AudioError::NotRunning`]), does not answer
    /// ([`AudioError::NoAnswer`]), or this process could not talk to it
    /// ([`AudioError::Local`]). The stream goes on and yields a snapshot
    /// again when PipeWire is back.
    Unavailable(AudioError),
}

/// A change of volume, worked out on PipeWire's side from the node's
/// current volume (so two quick changes never undo each other).
#[derive(Debug, Clone, PartialEq)]
pub enum VolumeChange {
    /// Every channel as given (linear factors, in the node's channel order).
    Channels(ChannelVolumes),
    /// The master slider fraction; the balance stays.
    Master(f32),
    /// The balance, −1.0 (left) … 1.0 (right); the loudest side stays.
    Balance(f32),
}

/// Peak levels of a node, one per channel (in its channel order), each 0.0 …
/// 1.0, over the last [`METER_INTERVAL`](super::METER_INTERVAL).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Peaks {
    /// Per channel, 0.0 … 1.0.
    pub channels: Vec<f32>,
}

impl Peaks {
    /// The loudest channel.
    pub fn max(&self) -> f32 {
        self.channels.iter().copied().fold(0.0, f32::max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channel_names_round_trip() {
        for name in [
            "MONO", "FL", "FR", "FC", "LFE", "SL", "SR", "FLC", "FRC", "RC", "RL", "RR", "AUX0",
            "AUX15",
        ] {
            let channel: Channel = name.parse().unwrap_or(Channel::Other(0));
            assert_eq!(channel.short_name(), name);
        }
        assert_eq!("fl".parse(), Ok(Channel::FrontLeft));
        assert_eq!(
            "left".parse::<Channel>(),
            Err(InvalidChannel("left".into()))
        );
        assert_eq!(
            "AUXx".parse::<Channel>(),
            Err(InvalidChannel("AUXx".into()))
        );
        assert_eq!(Channel::Other(99).to_string(), "UNKNOWN99");
    }

    #[test]
    fn sides() {
        assert_eq!(Channel::FrontLeft.side(), Side::Left);
        assert_eq!(Channel::RearRight.side(), Side::Right);
        assert_eq!(Channel::Mono.side(), Side::Centre);
        assert_eq!(Channel::LowFrequency.side(), Side::Centre);
    }

    #[test]
    fn defaults_and_lookups() {
        let endpoint = |id, name: &str| Endpoint {
            id: NodeId(id),
            direction: Direction::Output,
            name: name.into(),
            description: name.into(),
            icon_name: None,
            device: None,
            volume: None,
            ports: Vec::new(),
        };
        let snapshot = Snapshot {
            outputs: vec![endpoint(30, "desk"), endpoint(31, "usb")],
            defaults: Defaults {
                output: Some("usb".into()),
                ..Defaults::default()
            },
            ..Snapshot::default()
        };
        assert_eq!(
            snapshot
                .default_endpoint(Direction::Output)
                .map(|endpoint| endpoint.id),
            Some(NodeId(31))
        );
        assert_eq!(snapshot.default_endpoint(Direction::Input), None);
        assert_eq!(
            snapshot
                .endpoint_named(Direction::Output, "desk")
                .map(|e| e.id),
            Some(NodeId(30))
        );
        assert!(snapshot.endpoint(NodeId(31)).is_some());
        assert_eq!(
            Direction::Output.configured_key(),
            "default.configured.audio.sink"
        );
        assert_eq!(Direction::Input.default_key(), "default.audio.source");
    }

    #[test]
    fn states_and_ports() {
        assert!(NodeState::Running.is_running());
        assert!(!NodeState::Running.is_paused());
        assert!(NodeState::Idle.is_paused() && NodeState::Suspended.is_paused());
        assert!(!NodeState::Unknown.is_paused() && !NodeState::Error.is_running());
        let port = |index, active| Port {
            index,
            name: format!("port-{index}"),
            description: format!("Port {index}"),
            available: Availability::Unknown,
            priority: 0,
            active,
        };
        let mut endpoint = Endpoint {
            id: NodeId(1),
            direction: Direction::Output,
            name: "card".into(),
            description: "Card".into(),
            icon_name: None,
            device: Some(DeviceId(2)),
            volume: None,
            ports: vec![port(0, false), port(1, true)],
        };
        assert_eq!(endpoint.active_port().map(|p| p.index), Some(1));
        endpoint.ports.clear();
        assert_eq!(endpoint.active_port(), None);
    }

    #[test]
    fn peaks_max() {
        let peaks = Peaks {
            channels: vec![0.2, 0.7],
        };
        assert_eq!(peaks.max(), 0.7);
        assert_eq!(Peaks::default().max(), 0.0);
    }
}
