//! Sound on PipeWire: outputs, inputs, applications' streams, devices and
//! their profiles, the session manager's defaults, volumes, a speaker test
//! and level meters, for the Sound page.
//!
//! Built on `pipewire` (pipewire-rs, libpipewire's own binding). Its main
//! loop is not `Send`, so one thread per [`AudioSession`] owns every
//! PipeWire object while the session is in use, and the async side talks to
//! it through channels; every pipewire type stays inside this module (the
//! page sees [`Snapshot`], [`Update`], [`AudioError`], …). The thread ends,
//! closing its connection, when the last stream or command using it ends.
//!
//! - [`watch`] is what the page follows: a [`Snapshot`] after each burst of
//!   PipeWire's events (registry, objects' info and parameters, metadata;
//!   never a timer), and PipeWire's absence and return
//!   ([`Update::Unavailable`]).
//! - Commands: [`set_default`], [`set_volume`], [`set_mute`],
//!   [`move_stream`], [`set_profile`], [`set_port`], [`test_speakers`]; each returns a
//!   typed [`AudioError`] and is bounded by [`COMMAND_TIMEOUT`].
//! - [`level_meter`]: a node's peak levels while the stream lives.
//! - [`volume`]: the pure maths of sliders (cubic), balance, the
//!   over-amplification limit and percentages.
//!
//! **Defaults belong to the session manager.** The default output and
//! input are WirePlumber's: this module reads its `default` metadata
//! (`default.audio.sink`, `default.configured.audio.sink`, …, JSON
//! `{"name": "<node.name>"}`) and writes the `configured` keys, as `wpctl`
//! does; it never keeps defaults of its own. Without WirePlumber there is no
//! `default` metadata: the snapshot says so
//! ([`Snapshot::session_manager`]), and choosing a default or moving a
//! stream fails with [`AudioError::NoSessionManager`].
//!
//! Works with PipeWire 0.3.65 + WirePlumber 0.4 (Debian 12, the test bed)
//! and PipeWire 1.x + WirePlumber 0.5 (the image): it uses only what both
//! have (the crate's `v0_3_65` API level, `target.object` by serial).

mod commands;
mod engine;
mod error;
mod graph;
mod pods;
mod session;
mod streams;
mod types;
pub mod volume;
mod watch;

pub use commands::{
    Action, move_stream, set_default, set_mute, set_port, set_profile, set_volume, test_speakers,
};
pub use error::{AudioError, Expected, LocalFailure, PipeWireFailure};
pub use session::{AudioSession, COMMAND_TIMEOUT, TEST_TIMEOUT};
pub use streams::{METER_INTERVAL, TONE_GAP, TONE_LENGTH};
pub use types::{
    AppStream, AudioDevice, Availability, Channel, Defaults, DeviceId, Direction, Endpoint,
    InvalidChannel, NodeId, NodeState, NodeVolume, Peaks, Port, Profile, Snapshot, StreamDirection,
    StreamTarget, Update, VolumeChange,
};
pub use volume::{ChannelVolumes, VolumeLimit};
pub use watch::{level_meter, watch};
