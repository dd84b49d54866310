//! The Sound page's `update`, pure: what each message asks PipeWire for,
//! how slider drags are coalesced, and what a failure or PipeWire's absence
//! leaves on the page.

use ferrum_services::audio::{
    AppStream, AudioDevice, AudioError, Availability, Channel, ChannelVolumes, Defaults, DeviceId,
    Direction, Endpoint, NodeId, NodeState, NodeVolume, Profile, Snapshot, StreamDirection,
    StreamTarget, Update, VolumeChange, VolumeLimit,
};
use ferrum_ui::status::ServiceStatus;

use super::*;

const SPEAKERS: NodeId = NodeId(40);
const HEADSET: NodeId = NodeId(41);
const MIC: NodeId = NodeId(42);
const PLAYER: NodeId = NodeId(60);
const CARD: DeviceId = DeviceId(30);

fn volume(slider: f32) -> Option<NodeVolume> {
    Some(NodeVolume {
        channels: ChannelVolumes::uniform(2, slider),
        map: vec![Channel::FrontLeft, Channel::FrontRight],
        mute: false,
    })
}

fn endpoint(id: NodeId, direction: Direction, name: &str, description: &str) -> Endpoint {
    Endpoint {
        id,
        direction,
        name: name.into(),
        description: description.into(),
        icon_name: None,
        device: Some(CARD),
        volume: volume(0.5),
        ports: Vec::new(),
    }
}

fn desk() -> Snapshot {
    Snapshot {
        outputs: vec![
            endpoint(SPEAKERS, Direction::Output, "speakers", "Desk Speakers"),
            endpoint(HEADSET, Direction::Output, "headset", "USB Headset"),
        ],
        inputs: vec![endpoint(MIC, Direction::Input, "mic", "Desk Microphone")],
        streams: vec![AppStream {
            id: PLAYER,
            direction: StreamDirection::Playback,
            application_name: Some("Music Player".into()),
            icon_name: Some("music".into()),
            binary: None,
            media_name: Some("Song".into()),
            media_role: None,
            linked_to: vec![SPEAKERS],
            target: None,
            volume: volume(1.0),
            state: NodeState::Running,
        }],
        devices: vec![AudioDevice {
            id: CARD,
            name: "alsa_card.pci".into(),
            description: "Built-in Audio".into(),
            icon_name: None,
            form_factor: None,
            bus: Some("pci".into()),
            profiles: vec![
                Profile {
                    index: 0,
                    name: "off".into(),
                    description: "Off".into(),
                    available: Availability::Yes,
                    priority: 0,
                },
                Profile {
                    index: 1,
                    name: "output:analog-stereo+input:analog-stereo".into(),
                    description: "Analog Stereo Duplex".into(),
                    available: Availability::Yes,
                    priority: 6500,
                },
            ],
            active_profile: Some(1),
        }],
        defaults: Defaults {
            output: Some("speakers".into()),
            input: Some("mic".into()),
            configured_output: Some("speakers".into()),
            configured_input: None,
        },
        session_manager: true,
    }
}

fn ready() -> State {
    let mut state = State::on(AudioSession::with_socket("/nonexistent/pipewire-0"));
    let _ = state.update(Message::Watched(Update::Snapshot(desk())));
    state
}

fn command(outcome: Outcome<Request>) -> Option<Action> {
    outcome
        .request
        .and_then(|request| request.action().cloned())
}

fn master(node: NodeId, slider: f32) -> Action {
    Action::SetVolume {
        node,
        change: VolumeChange::Master(slider),
        limit: VolumeLimit::Normal,
    }
}

#[test]
fn choosing_an_output_sets_the_default_once() {
    let mut state = ready();
    assert_eq!(
        command(state.update(Message::DefaultChosen(Direction::Output, HEADSET))),
        Some(Action::SetDefault {
            direction: Direction::Output,
            node: HEADSET
        })
    );
    // The current default again: nothing to do.
    let mut fresh = ready();
    assert!(
        fresh
            .update(Message::DefaultChosen(Direction::Output, SPEAKERS))
            .is_none()
    );
}

#[test]
fn a_slider_drag_sends_one_change_at_a_time_and_the_last_value_wins() {
    let mut state = ready();
    assert_eq!(
        command(state.update(Message::Volume(SPEAKERS, 0.6))),
        Some(master(SPEAKERS, 0.6))
    );
    // Dragged on while the first is under way: kept, not sent.
    assert!(state.update(Message::Volume(SPEAKERS, 0.7)).is_none());
    assert!(state.update(Message::Volume(SPEAKERS, 0.8)).is_none());
    assert_eq!(state.queued, vec![master(SPEAKERS, 0.8)]);
    // The slider shows where it was dragged, not PipeWire's older value.
    assert_eq!(state.shown_volume(SPEAKERS), Some(0.8));
    // The answer sends the latest value.
    assert_eq!(
        command(state.update(Message::Done(master(SPEAKERS, 0.6), Ok(())))),
        Some(master(SPEAKERS, 0.8))
    );
    assert!(state.queued.is_empty());
    assert!(command(state.update(Message::Done(master(SPEAKERS, 0.8), Ok(())))).is_none());
    assert!(state.pending.is_empty());
    // Nothing under way: the slider shows PipeWire's value again.
    assert_eq!(state.shown_volume(SPEAKERS), Some(0.5));
}

#[test]
fn volumes_stop_at_the_limit_unless_louder_is_allowed() {
    let mut state = ready();
    assert_eq!(
        command(state.update(Message::Volume(SPEAKERS, 1.4))),
        Some(master(SPEAKERS, 1.0))
    );
    let _ = state.update(Message::Done(master(SPEAKERS, 1.0), Ok(())));
    assert!(state.update(Message::AllowAmplification(true)).is_none());
    assert_eq!(
        command(state.update(Message::Volume(SPEAKERS, 1.4))),
        Some(Action::SetVolume {
            node: SPEAKERS,
            change: VolumeChange::Master(1.4),
            limit: VolumeLimit::Amplified,
        })
    );
}

#[test]
fn different_controls_do_not_wait_for_each_other() {
    let mut state = ready();
    assert!(
        state
            .update(Message::Volume(SPEAKERS, 0.6))
            .request
            .is_some()
    );
    assert!(state.update(Message::Volume(PLAYER, 0.3)).request.is_some());
    assert_eq!(
        command(state.update(Message::Mute(SPEAKERS, true))),
        Some(Action::SetMute {
            node: SPEAKERS,
            mute: true
        })
    );
    assert!(state.shown_mute(SPEAKERS));
    assert_eq!(
        command(state.update(Message::Balance(SPEAKERS, -0.5))),
        Some(Action::SetVolume {
            node: SPEAKERS,
            change: VolumeChange::Balance(-0.5),
            limit: VolumeLimit::Normal,
        })
    );
}

#[test]
fn a_stream_is_moved_and_a_profile_chosen() {
    let mut state = ready();
    assert_eq!(
        command(state.update(Message::Move(PLAYER, StreamTarget::Node(HEADSET)))),
        Some(Action::MoveStream {
            stream: PLAYER,
            target: StreamTarget::Node(HEADSET)
        })
    );
    assert_eq!(
        command(state.update(Message::Profile(CARD, 0))),
        Some(Action::SetProfile {
            device: CARD,
            profile: 0
        })
    );
    // The active profile: nothing to do.
    assert!(state.update(Message::Profile(CARD, 1)).is_none() || !state.queued.is_empty());
}

#[test]
fn the_speaker_test_runs_once_at_a_time() {
    let mut state = ready();
    assert_eq!(
        command(state.update(Message::TestSpeakers(SPEAKERS))),
        Some(Action::TestSpeakers { output: SPEAKERS })
    );
    assert!(state.testing(SPEAKERS));
    assert!(state.update(Message::TestSpeakers(SPEAKERS)).is_none());
    let _ = state.update(Message::Done(
        Action::TestSpeakers { output: SPEAKERS },
        Ok(()),
    ));
    assert!(!state.testing(SPEAKERS));
}

#[test]
fn a_failure_is_reported_with_the_name_and_the_reason() {
    let mut state = ready();
    let _ = state.update(Message::Volume(HEADSET, 0.2));
    let _ = state.update(Message::Done(
        master(HEADSET, 0.2),
        Err(AudioError::NoSuchNode(HEADSET)),
    ));
    let report = state.error.clone().expect("an error report");
    assert!(report.summary.contains("USB Headset"), "{}", report.summary);
    assert!(state.pending.is_empty());
    // The next command clears it.
    let _ = state.update(Message::Mute(SPEAKERS, true));
    assert!(state.error.is_none());
}

#[test]
fn pipewire_gone_and_back() {
    let mut state = ready();
    let first = state.generation;
    let _ = state.update(Message::Volume(SPEAKERS, 0.6));
    let _ = state.update(Message::Volume(SPEAKERS, 0.7));
    let _ = state.update(Message::Watched(Update::Unavailable(
        AudioError::NotRunning,
    )));
    assert!(matches!(state.sound, ServiceStatus::Unavailable));
    assert!(
        state.queued.is_empty(),
        "nothing waits for the next PipeWire"
    );
    // The command under way answers (with an error) and clears itself.
    let _ = state.update(Message::Done(
        master(SPEAKERS, 0.6),
        Err(AudioError::NotRunning),
    ));
    assert!(state.pending.is_empty());
    let _ = state.update(Message::Watched(Update::Snapshot(desk())));
    assert!(state.snapshot().is_some());
    assert_ne!(state.generation, first, "meters start again");
    let _ = state.update(Message::Watched(Update::Unavailable(AudioError::NoAnswer)));
    assert!(matches!(
        state.sound,
        ServiceStatus::Failed(AudioError::NoAnswer)
    ));
}

#[test]
fn meters_run_for_the_input_and_for_an_output_while_it_plays() {
    let mut state = ready();
    assert_eq!(state.measured_input(), Some(MIC));
    assert_eq!(state.playing_output(), Some(SPEAKERS));
    let mut quiet = desk();
    quiet.streams.clear();
    let _ = state.update(Message::Watched(Update::Snapshot(quiet)));
    assert_eq!(state.playing_output(), None);
    let _ = state.update(Message::Level(Meter::Input, Ok(0.5)));
    assert_eq!(state.levels.input, Ok(0.5));
    let _ = state.update(Message::Level(
        Meter::Input,
        Err(AudioError::NoSuchNode(MIC)),
    ));
    assert!(state.levels.input.is_err());
}

#[test]
fn profiles_are_told_apart_by_name() {
    let profile = |name: &str| Profile {
        index: 0,
        name: name.into(),
        description: String::new(),
        available: Availability::Unknown,
        priority: 0,
    };
    assert_eq!(profile_kind(&profile("off")), ProfileKind::Off);
    assert_eq!(
        profile_kind(&profile("output:analog-stereo+input:analog-stereo")),
        ProfileKind::Duplex
    );
    assert_eq!(
        profile_kind(&profile("output:hdmi-stereo")),
        ProfileKind::OutputOnly
    );
    assert_eq!(
        profile_kind(&profile("input:analog-stereo")),
        ProfileKind::InputOnly
    );
    assert_eq!(
        profile_kind(&profile("a2dp-sink")),
        ProfileKind::HighFidelity
    );
    assert_eq!(
        profile_kind(&profile("headset-head-unit")),
        ProfileKind::Headset
    );
    assert_eq!(profile_kind(&profile("pro-audio")), ProfileKind::ProAudio);
    assert!(profile_sentence(ProfileKind::Other).is_none());
}

#[test]
fn a_port_is_chosen_once() {
    use ferrum_services::audio::Port;
    let mut snapshot = desk();
    snapshot.outputs[0].ports = ["speaker", "headphones"]
        .into_iter()
        .enumerate()
        .map(|(index, name)| Port {
            index: index as u32,
            name: name.into(),
            description: name.into(),
            available: Availability::Unknown,
            priority: 0,
            active: index == 0,
        })
        .collect();
    let mut state = ready();
    let _ = state.update(Message::Watched(Update::Snapshot(snapshot)));
    assert!(
        state.update(Message::Port(SPEAKERS, 0)).is_none(),
        "already in use"
    );
    assert_eq!(
        command(state.update(Message::Port(SPEAKERS, 1))),
        Some(Action::SetPort {
            node: SPEAKERS,
            port: 1
        })
    );
    let _ = state.update(Message::Done(
        Action::SetPort {
            node: SPEAKERS,
            port: 1,
        },
        Err(AudioError::NoSuchNode(SPEAKERS)),
    ));
    assert!(
        state
            .error
            .as_ref()
            .is_some_and(|e| e.summary.contains("Desk Speakers"))
    );
}

#[test]
fn the_louder_choice_is_read_once_and_saved_when_changed() {
    use std::path::PathBuf;
    let path = PathBuf::from("/config/ferrum/sound.toml");
    let mut state = State::with(
        AudioSession::with_socket("/nonexistent/pipewire-0"),
        Some(path.clone()),
    );
    assert_eq!(state.enter().request, Some(Request::Load(path.clone())));
    assert!(state.enter().is_none(), "read once");
    let _ = state.update(Message::Loaded(Ok(SoundPreferences { allow_louder: true })));
    assert_eq!(state.limit, VolumeLimit::Amplified);
    assert_eq!(
        state.update(Message::AllowAmplification(false)).request,
        Some(Request::Save(
            path.clone(),
            SoundPreferences {
                allow_louder: false
            }
        ))
    );
    assert_eq!(state.limit, VolumeLimit::Normal);
    // A failed write is said, and the choice holds for now.
    let _ = state.update(Message::Saved(Err(PreferencesError::Io {
        path: path.clone(),
        reason: "read-only".into(),
    })));
    assert!(state.error.is_some());
    assert_eq!(state.limit, VolumeLimit::Normal);
}

#[test]
fn a_saved_choice_arriving_late_does_not_override_the_persons() {
    let mut state = State::with(
        AudioSession::with_socket("/nonexistent/pipewire-0"),
        Some("/config/ferrum/sound.toml".into()),
    );
    let _ = state.enter();
    let _ = state.update(Message::AllowAmplification(false));
    let _ = state.update(Message::Loaded(Ok(SoundPreferences { allow_louder: true })));
    assert_eq!(state.limit, VolumeLimit::Normal);
    // An unreadable file is explained; volumes stay limited.
    let mut state = ready();
    let _ = state.update(Message::Loaded(Err(PreferencesError::Invalid {
        path: "/config/ferrum/sound.toml".into(),
        reason: "expected a boolean".into(),
    })));
    assert!(state.error.is_some());
    assert_eq!(state.limit, VolumeLimit::Normal);
}

#[test]
fn the_choice_is_written_and_read_back_for_real() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ferrum").join("sound.toml");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let bus = SystemBus::with_address("unix:path=/nonexistent");
    let saved = runtime.block_on(
        Request::Save(path.clone(), SoundPreferences { allow_louder: true }).run(bus.clone()),
    );
    assert!(matches!(saved, Message::Saved(Ok(()))), "{saved:?}");
    let loaded = runtime.block_on(Request::Load(path).run(bus));
    assert!(
        matches!(
            loaded,
            Message::Loaded(Ok(SoundPreferences { allow_louder: true }))
        ),
        "{loaded:?}"
    );
}
