//! The Sound service (`services::audio`) against the real PipeWire 0.3.65 and
//! WirePlumber 0.4 of the audio bed (`ferrum_testbed::audio`): two null sinks
//! ("Desk Speakers", "USB Headset") and a null source ("Desk Microphone") on
//! a private runtime folder and session bus. What the service does is checked
//! with PipeWire's own tools (`wpctl`, `pw-dump`); what happens elsewhere
//! (`wpctl`, `pw-play`, a killed or hung daemon) must reach the watch stream
//! by itself. Every wait is for a condition, with a generous deadline.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ferrum_integration_tests::{LIVENESS_DEADLINE, next_matching, wpctl_volume};
use ferrum_services::audio::{
    self, AudioError, AudioSession, Direction, Expected, NodeId, NodeState, Snapshot,
    StreamDirection, StreamTarget, Update, VolumeChange, VolumeLimit, volume::InvalidVolume,
};
use ferrum_testbed::audio::{AudioBed, DESK_MICROPHONE, DESK_SPEAKERS, USB_HEADSET};
use futures::{Stream, StreamExt};

/// The application name the tone player shows under.
const PLAYER: &str = "Ferrum Tone Test";

/// The audio bed; a failing test prints its daemons' logs.
struct Bed(AudioBed);

impl std::ops::Deref for Bed {
    type Target = AudioBed;
    fn deref(&self) -> &AudioBed {
        &self.0
    }
}

impl std::ops::DerefMut for Bed {
    fn deref_mut(&mut self) -> &mut AudioBed {
        &mut self.0
    }
}

impl Drop for Bed {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("{}", self.0.logs());
        }
    }
}

fn bed() -> (Bed, AudioSession) {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_test_writer()
        .try_init();
    let bed = AudioBed::start().expect("the audio bed starts");
    let session = AudioSession::with_socket(bed.socket());
    (Bed(bed), session)
}

type Updates = std::pin::Pin<Box<dyn Stream<Item = Update> + Send>>;

fn watch(session: &AudioSession) -> Updates {
    Box::pin(audio::watch(session))
}

/// The next snapshot that satisfies `accept`; on a timeout the last one seen is in the
/// failure.
async fn snapshot_where(
    updates: &mut Updates,
    what: &str,
    accept: impl Fn(&Snapshot) -> bool,
) -> Snapshot {
    let mut last = None;
    let found = next_matching(updates, what, |update| {
        last = Some(update.clone());
        matches!(update, Update::Snapshot(snapshot) if accept(snapshot))
    })
    .await;
    match found {
        Ok(Update::Snapshot(snapshot)) => snapshot,
        Ok(other) => panic!("{other:?}"),
        Err(error) => panic!("{error}; the last update was {last:#?}"),
    }
}

/// The first snapshot with the bed's three devices and WirePlumber's defaults.
async fn ready(updates: &mut Updates) -> Snapshot {
    snapshot_where(updates, "the bed's devices and defaults", |s| {
        s.outputs.len() == 2
            && s.inputs.len() == 1
            && s.session_manager
            && s.defaults.output.is_some()
            && s.outputs.iter().all(|output| output.volume.is_some())
    })
    .await
}

fn id_of(snapshot: &Snapshot, direction: Direction, name: &str) -> NodeId {
    snapshot
        .endpoint_named(direction, name)
        .unwrap_or_else(|| panic!("{name} in {snapshot:?}"))
        .id
}

fn master(snapshot: &Snapshot, node: NodeId) -> Option<f32> {
    snapshot
        .endpoint(node)
        .and_then(|endpoint| endpoint.volume.as_ref())
        .or_else(|| {
            snapshot
                .stream(node)
                .and_then(|stream| stream.volume.as_ref())
        })
        .map(audio::NodeVolume::master)
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.01
}

/// The line of `wpctl status` that names `description`.
fn wpctl_status_line(bed: &AudioBed, description: &str) -> String {
    let status = bed.wpctl(&["status"]).unwrap();
    status
        .lines()
        .find(|line| line.contains(description))
        .unwrap_or_else(|| panic!("{description} in wpctl status:\n{status}"))
        .to_owned()
}

/// A 30 s tone WAV in the bed's folder.
fn tone_file(bed: &AudioBed, amplitude: f32) -> PathBuf {
    let path = bed.dir().join("tone.wav");
    ferrum_testbed::audio::write_tone_wav(&path, 30.0, 440.0, amplitude).unwrap();
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn watch_lists_the_outputs_and_the_input() {
    let (bed, session) = bed();
    let started = Instant::now();
    let mut updates = watch(&session);
    let snapshot = ready(&mut updates).await;
    eprintln!("first full snapshot after {:?}", started.elapsed());

    let mut outputs: Vec<&str> = snapshot
        .outputs
        .iter()
        .map(|output| output.description.as_str())
        .collect();
    outputs.sort_unstable();
    assert_eq!(
        outputs,
        [DESK_SPEAKERS.description, USB_HEADSET.description]
    );
    assert_eq!(snapshot.inputs[0].description, DESK_MICROPHONE.description);
    assert_eq!(snapshot.inputs[0].name, DESK_MICROPHONE.name);
    assert!(snapshot.streams.is_empty(), "{:?}", snapshot.streams);
    // The bed has no sound cards: no devices, no profiles.
    assert!(snapshot.devices.is_empty(), "{:?}", snapshot.devices);

    // The ids are PipeWire's.
    for device in [DESK_SPEAKERS, USB_HEADSET] {
        let id = id_of(&snapshot, Direction::Output, device.name);
        assert_eq!(id.0, bed.node_id(device.name).unwrap());
    }
    // Volumes as the null sinks start: stereo, 100 %, not muted.
    let speakers = snapshot
        .endpoint_named(Direction::Output, DESK_SPEAKERS.name)
        .unwrap();
    let volume = speakers.volume.clone().unwrap();
    assert_eq!(
        volume.map,
        [audio::Channel::FrontLeft, audio::Channel::FrontRight]
    );
    assert!(close(volume.master(), 1.0) && !volume.mute, "{volume:?}");
    let microphone = snapshot.inputs[0].volume.clone().unwrap();
    assert_eq!(microphone.map, [audio::Channel::Mono]);

    // The defaults are WirePlumber's, as its metadata says.
    assert_eq!(
        snapshot.defaults.output,
        bed.default_node("default.audio.sink").unwrap()
    );
    assert_eq!(
        snapshot.defaults.input.as_deref(),
        Some(DESK_MICROPHONE.name)
    );
    assert!(snapshot.default_endpoint(Direction::Output).is_some());

    // The connection lives as long as its last user: dropping the stream
    // ends the PipeWire thread, which closes it.
    let ours = |bed: &AudioBed| {
        bed.pw_dump()
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| {
                o["type"].as_str() == Some("PipeWire:Interface:Client")
                    && o["info"]["props"]["application.name"].as_str() == Some("Ferrum Settings")
            })
            .count()
    };
    assert_eq!(ours(&bed), 1);
    drop(updates);
    let dropped = Instant::now();
    while ours(&bed) > 0 {
        assert!(
            dropped.elapsed() < LIVENESS_DEADLINE,
            "our connection stays"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    eprintln!(
        "connection closed {:?} after the last stream went",
        dropped.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn choosing_an_output_makes_it_the_default() {
    let (bed, session) = bed();
    let mut updates = watch(&session);
    let snapshot = ready(&mut updates).await;
    let headset = id_of(&snapshot, Direction::Output, USB_HEADSET.name);
    let speakers = id_of(&snapshot, Direction::Output, DESK_SPEAKERS.name);
    let microphone = id_of(&snapshot, Direction::Input, DESK_MICROPHONE.name);

    for (chosen, other) in [(headset, speakers), (speakers, headset)] {
        let name = snapshot.endpoint(chosen).unwrap().name.clone();
        let description = snapshot.endpoint(chosen).unwrap().description.clone();
        let other_description = snapshot.endpoint(other).unwrap().description.clone();
        let asked = Instant::now();
        audio::set_default(&session, Direction::Output, chosen)
            .await
            .unwrap();
        // WirePlumber follows the configured default with the current one.
        let after = snapshot_where(&mut updates, "the new default", |s| {
            s.defaults.output.as_deref() == Some(name.as_str())
                && s.defaults.configured_output.as_deref() == Some(name.as_str())
        })
        .await;
        eprintln!("{description} is the default after {:?}", asked.elapsed());
        assert_eq!(
            after.default_endpoint(Direction::Output).unwrap().id,
            chosen
        );
        assert_eq!(
            bed.default_node("default.configured.audio.sink").unwrap(),
            Some(name.clone())
        );
        assert_eq!(
            bed.default_node("default.audio.sink").unwrap(),
            Some(name.clone())
        );
        // `wpctl status` marks the default with a star.
        assert!(
            wpctl_status_line(&bed, &description).contains('*'),
            "{description}"
        );
        assert!(
            !wpctl_status_line(&bed, &other_description).contains('*'),
            "{other_description}"
        );
    }

    audio::set_default(&session, Direction::Input, microphone)
        .await
        .unwrap();
    snapshot_where(&mut updates, "the configured input", |s| {
        s.defaults.configured_input.as_deref() == Some(DESK_MICROPHONE.name)
    })
    .await;
    assert_eq!(
        audio::set_default(&session, Direction::Output, microphone).await,
        Err(AudioError::Unsuitable {
            node: microphone,
            expected: Expected::Endpoint(Direction::Output)
        })
    );
    assert_eq!(
        audio::set_default(&session, Direction::Output, NodeId(4000)).await,
        Err(AudioError::NoSuchNode(NodeId(4000)))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn volume_and_mute_set_here_are_what_wpctl_reads() {
    let (bed, session) = bed();
    let mut updates = watch(&session);
    let snapshot = ready(&mut updates).await;
    let speakers = id_of(&snapshot, Direction::Output, DESK_SPEAKERS.name);

    audio::set_volume(
        &session,
        speakers,
        VolumeChange::Master(0.5),
        VolumeLimit::Normal,
    )
    .await
    .unwrap();
    assert_eq!(wpctl_volume(&bed, speakers), (0.5, false));
    let after = snapshot_where(&mut updates, "50 %", |s| {
        master(s, speakers).is_some_and(|m| close(m, 0.5))
    })
    .await;
    // Linear in PipeWire: 0.5³.
    let linear = after
        .endpoint(speakers)
        .unwrap()
        .volume
        .clone()
        .unwrap()
        .channels;
    assert!(
        linear.linear().iter().all(|&v| (v - 0.125).abs() < 1e-4),
        "{linear:?}"
    );

    audio::set_mute(&session, speakers, true).await.unwrap();
    assert_eq!(wpctl_volume(&bed, speakers), (0.5, true));
    snapshot_where(&mut updates, "muted", |s| {
        s.endpoint(speakers)
            .and_then(|e| e.volume.as_ref())
            .is_some_and(|v| v.mute)
    })
    .await;
    audio::set_mute(&session, speakers, false).await.unwrap();
    assert_eq!(wpctl_volume(&bed, speakers), (0.5, false));

    // Balance to the right keeps the right channel where it was.
    audio::set_volume(
        &session,
        speakers,
        VolumeChange::Balance(0.5),
        VolumeLimit::Normal,
    )
    .await
    .unwrap();
    let balanced = snapshot_where(&mut updates, "balance 0.5", |s| {
        s.endpoint(speakers)
            .and_then(|e| e.volume.as_ref())
            .is_some_and(|v| (v.balance() - 0.5).abs() < 0.01)
    })
    .await;
    let sliders = balanced
        .endpoint(speakers)
        .unwrap()
        .volume
        .clone()
        .unwrap()
        .channels
        .sliders();
    assert!(
        close(sliders[0], 0.25) && close(sliders[1], 0.5),
        "{sliders:?}"
    );
    let dumped = bed.pw_dump().unwrap();
    let props = dumped
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"].as_u64() == Some(u64::from(speakers.0)))
        .map(|o| o["info"]["params"]["Props"][0]["channelVolumes"].clone())
        .unwrap();
    let channel_volumes: Vec<f64> = serde_json::from_value(props).unwrap();
    assert!(
        (channel_volumes[0] - 0.015625).abs() < 1e-4 && (channel_volumes[1] - 0.125).abs() < 1e-4,
        "pw-dump: {channel_volumes:?}"
    );

    // Per channel, as given.
    audio::set_volume(
        &session,
        speakers,
        VolumeChange::Channels(audio::ChannelVolumes::from_sliders(&[0.8, 0.8])),
        VolumeLimit::Normal,
    )
    .await
    .unwrap();
    assert_eq!(wpctl_volume(&bed, speakers), (0.8, false));

    // Over-amplification only when allowed.
    assert!(matches!(
        audio::set_volume(
            &session,
            speakers,
            VolumeChange::Master(1.2),
            VolumeLimit::Normal
        )
        .await,
        Err(AudioError::InvalidVolume(InvalidVolume::AboveLimit { .. }))
    ));
    assert_eq!(wpctl_volume(&bed, speakers), (0.8, false));
    audio::set_volume(
        &session,
        speakers,
        VolumeChange::Master(1.2),
        VolumeLimit::Amplified,
    )
    .await
    .unwrap();
    assert_eq!(wpctl_volume(&bed, speakers), (1.2, false));
    assert!(matches!(
        audio::set_volume(
            &session,
            speakers,
            VolumeChange::Channels(audio::ChannelVolumes::from_sliders(&[0.5])),
            VolumeLimit::Normal
        )
        .await,
        Err(AudioError::InvalidVolume(InvalidVolume::ChannelCount {
            expected: 2,
            given: 1
        }))
    ));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_volume_set_elsewhere_arrives_without_a_timer() {
    let (bed, session) = bed();
    let mut updates = watch(&session);
    let snapshot = ready(&mut updates).await;
    let headset = id_of(&snapshot, Direction::Output, USB_HEADSET.name);

    for level in ["0.3", "0.65"] {
        let expected: f32 = level.parse().unwrap();
        let changed = Instant::now();
        bed.wpctl(&["set-volume", &headset.0.to_string(), level])
            .unwrap();
        // Only PipeWire's param event can wake the stream: it has no timer.
        snapshot_where(&mut updates, level, |s| {
            master(s, headset).is_some_and(|m| close(m, expected))
        })
        .await;
        eprintln!(
            "wpctl set-volume {level} arrived after {:?}",
            changed.elapsed()
        );
    }
    bed.wpctl(&["set-mute", &headset.0.to_string(), "1"])
        .unwrap();
    snapshot_where(&mut updates, "muted by wpctl", |s| {
        s.endpoint(headset)
            .and_then(|e| e.volume.as_ref())
            .is_some_and(|v| v.mute)
    })
    .await;
    // And a default chosen with wpctl.
    bed.wpctl(&["set-default", &headset.0.to_string()]).unwrap();
    snapshot_where(&mut updates, "the default chosen by wpctl", |s| {
        s.defaults.output.as_deref() == Some(USB_HEADSET.name)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_playing_stream_shows_changes_volume_and_moves() {
    let (bed, session) = bed();
    let mut updates = watch(&session);
    let snapshot = ready(&mut updates).await;
    let default = snapshot.default_endpoint(Direction::Output).unwrap().id;
    let other = snapshot
        .outputs
        .iter()
        .find(|output| output.id != default)
        .unwrap()
        .id;

    let wav = tone_file(&bed, 0.5);
    let _player = bed.play(&wav, PLAYER).unwrap();
    let playing = snapshot_where(&mut updates, "the player's stream, linked", |s| {
        s.streams.iter().any(|stream| {
            stream.application_name.as_deref() == Some(PLAYER)
                && stream.linked_to == [default]
                && stream.volume.is_some()
        })
    })
    .await;
    let stream = playing.streams[0].clone();
    assert_eq!(playing.streams.len(), 1, "{:?}", playing.streams);
    assert_eq!(stream.direction, StreamDirection::Playback);
    // pw-play names its stream after the file it was given.
    assert_eq!(stream.media_name.as_deref(), wav.to_str());
    assert_eq!(stream.target, None);
    assert_eq!(bed.links_of(stream.id.0).unwrap(), [default.0]);

    // Its volume.
    audio::set_volume(
        &session,
        stream.id,
        VolumeChange::Master(0.4),
        VolumeLimit::Normal,
    )
    .await
    .unwrap();
    assert_eq!(wpctl_volume(&bed, stream.id), (0.4, false));
    snapshot_where(&mut updates, "the stream at 40 %", |s| {
        master(s, stream.id).is_some_and(|m| close(m, 0.4))
    })
    .await;

    // To the other output.
    let asked = Instant::now();
    audio::move_stream(&session, stream.id, StreamTarget::Node(other))
        .await
        .unwrap();
    snapshot_where(&mut updates, "the stream on the other output", |s| {
        s.stream(stream.id).is_some_and(|st| {
            st.linked_to == [other] && st.target == Some(StreamTarget::Node(other))
        })
    })
    .await;
    eprintln!("moved after {:?}", asked.elapsed());
    assert_eq!(bed.links_of(stream.id.0).unwrap(), [other.0]);
    let targets = bed.default_metadata(stream.id.0).unwrap();
    assert!(
        targets.iter().any(|(key, _)| key == "target.object"),
        "{targets:?}"
    );

    // Back to following the default.
    audio::move_stream(&session, stream.id, StreamTarget::FollowDefault)
        .await
        .unwrap();
    snapshot_where(&mut updates, "the stream back on the default", |s| {
        s.stream(stream.id).is_some_and(|st| {
            st.linked_to == [default] && st.target == Some(StreamTarget::FollowDefault)
        })
    })
    .await;
    assert_eq!(bed.links_of(stream.id.0).unwrap(), [default.0]);

    // Not a stream; not an output.
    let microphone = id_of(&playing, Direction::Input, DESK_MICROPHONE.name);
    assert_eq!(
        audio::move_stream(&session, default, StreamTarget::Node(other)).await,
        Err(AudioError::Unsuitable {
            node: default,
            expected: Expected::Stream
        })
    );
    assert_eq!(
        audio::move_stream(&session, stream.id, StreamTarget::Node(microphone)).await,
        Err(AudioError::Unsuitable {
            node: microphone,
            expected: Expected::Endpoint(Direction::Output)
        })
    );
}

/// A `pw-play`ed stream is listed as running (as `pw-dump` has its node);
/// the bed's null sinks and source belong to no card, so they have no
/// ports, and switching one fails.
#[tokio::test(flavor = "multi_thread")]
async fn a_played_stream_is_running_and_null_sinks_have_no_ports() {
    let (bed, session) = bed();
    let mut updates = watch(&session);
    let snapshot = ready(&mut updates).await;
    for endpoint in snapshot.outputs.iter().chain(&snapshot.inputs) {
        assert!(endpoint.ports.is_empty(), "{endpoint:?}");
        assert_eq!(endpoint.active_port(), None);
    }
    let speakers = id_of(&snapshot, Direction::Output, DESK_SPEAKERS.name);
    assert!(
        matches!(
            audio::set_port(&session, speakers, 0).await,
            Err(AudioError::Refused(_))
        ),
        "a null sink has no port to switch to"
    );

    let player = bed.play(&tone_file(&bed, 0.5), PLAYER).unwrap();
    let playing = snapshot_where(&mut updates, "the player's stream, running", |s| {
        s.streams.iter().any(|stream| {
            stream.application_name.as_deref() == Some(PLAYER) && stream.state.is_running()
        })
    })
    .await;
    assert_eq!(playing.streams.len(), 1, "{:?}", playing.streams);
    let stream = &playing.streams[0];
    assert_eq!(stream.state, NodeState::Running);
    assert!(!stream.state.is_paused());
    let dump = bed.pw_dump().unwrap();
    let node = dump
        .as_array()
        .unwrap()
        .iter()
        .find(|object| object["id"].as_u64() == Some(u64::from(stream.id.0)))
        .expect("the stream's node in pw-dump");
    assert_eq!(node["info"]["state"].as_str(), Some("running"), "{node}");
    // A stream has no ports.
    assert_eq!(
        audio::set_port(&session, stream.id, 0).await,
        Err(AudioError::Unsuitable {
            node: stream.id,
            expected: Expected::Endpoint(Direction::Output)
        })
    );
    drop(player);
    snapshot_where(&mut updates, "the player's stream gone", |s| {
        s.streams.is_empty()
    })
    .await;
}

/// Peaks read for `window`: the loudest seen, and how many reports.
async fn loudest_for(
    meter: &mut (impl Stream<Item = Result<audio::Peaks, AudioError>> + Unpin),
    window: Duration,
) -> (f32, usize) {
    let end = tokio::time::Instant::now() + window;
    let mut loudest = 0.0f32;
    let mut reports = 0;
    while let Ok(Some(peaks)) = tokio::time::timeout_at(end, meter.next()).await {
        loudest = loudest.max(peaks.unwrap().max());
        reports += 1;
    }
    (loudest, reports)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_level_meter_hears_a_tone_and_silence() {
    let (bed, session) = bed();
    let mut updates = watch(&session);
    let snapshot = ready(&mut updates).await;
    let default = snapshot.default_endpoint(Direction::Output).unwrap().id;
    let silent = snapshot
        .outputs
        .iter()
        .find(|output| output.id != default)
        .unwrap()
        .id;

    // Nothing plays on the other output: zeros.
    let mut quiet = Box::pin(audio::level_meter(&session, silent));
    let (loudest, reports) = loudest_for(&mut quiet, Duration::from_secs(1)).await;
    eprintln!("silent output: {reports} reports in 1 s, loudest {loudest}");
    assert!(reports >= 5, "{reports} reports");
    assert!(loudest < 0.001, "{loudest}");

    // A tone of amplitude 0.5 on the default output.
    let _player = bed.play(&tone_file(&bed, 0.5), PLAYER).unwrap();
    let mut meter = Box::pin(audio::level_meter(&session, default));
    let heard = Instant::now();
    let deadline = tokio::time::Instant::now() + LIVENESS_DEADLINE;
    let peaks = loop {
        let peaks = tokio::time::timeout_at(deadline, meter.next())
            .await
            .expect("peaks while the tone plays")
            .unwrap()
            .unwrap();
        if peaks.max() > 0.3 {
            break peaks;
        }
    };
    eprintln!(
        "tone heard after {:?}: peaks {:?}",
        heard.elapsed(),
        peaks.channels
    );
    assert_eq!(peaks.channels.len(), 2);
    assert!(
        peaks.channels.iter().all(|&p| (0.4..=0.55).contains(&p)),
        "{peaks:?}"
    );
    let (loudest, _) = loudest_for(&mut quiet, Duration::from_millis(500)).await;
    assert!(loudest < 0.001, "the other output stays silent: {loudest}");

    // The meters exist only while followed, and never show as streams.
    let listed = snapshot_where(&mut updates, "the player's stream", |s| {
        s.streams
            .iter()
            .any(|stream| stream.application_name.as_deref() == Some(PLAYER))
    })
    .await;
    assert_eq!(listed.streams.len(), 1, "{:?}", listed.streams);
    let meters = |bed: &AudioBed| {
        bed.pw_dump()
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["info"]["props"]["node.name"].as_str() == Some("ferrum-level-meter"))
            .count()
    };
    assert_eq!(meters(&bed), 2);
    drop(meter);
    drop(quiet);
    let deadline = Instant::now() + LIVENESS_DEADLINE;
    while meters(&bed) > 0 {
        assert!(Instant::now() < deadline, "the meters' streams stay");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Meters started and dropped in quick succession while sound flows: each
/// capture stream goes while libpipewire may still have its `process`
/// queued on the loop (a stream freed then was used after it was freed).
#[tokio::test(flavor = "multi_thread")]
async fn meters_come_and_go_while_sound_flows() {
    let (bed, session) = bed();
    let mut updates = watch(&session);
    let snapshot = ready(&mut updates).await;
    let default = snapshot.default_endpoint(Direction::Output).unwrap().id;
    let _player = bed.play(&tone_file(&bed, 0.5), PLAYER).unwrap();
    let started = Instant::now();
    for round in 0..40 {
        let mut meter = Box::pin(audio::level_meter(&session, default));
        let peaks = tokio::time::timeout(LIVENESS_DEADLINE, meter.next())
            .await
            .unwrap_or_else(|_| panic!("peaks in round {round}"));
        assert!(matches!(peaks, Some(Ok(_))), "round {round}: {peaks:?}");
        drop(meter);
        if round % 2 == 0 {
            // And sometimes with no pause at all before the next one.
            tokio::time::sleep(Duration::from_millis(7)).await;
        }
    }
    eprintln!("40 meters in {:?}", started.elapsed());
    // The connection is still good.
    audio::set_mute(&session, default, true).await.unwrap();
}

/// How many of PipeWire's objects are ours: (clients, streams). The
/// thread's client is named after the application (`application.name`).
fn ours(bed: &AudioBed) -> (usize, usize) {
    let dump = bed.pw_dump().unwrap();
    let objects = dump.as_array().unwrap();
    let clients = objects
        .iter()
        .filter(|o| o["type"].as_str() == Some("PipeWire:Interface:Client"))
        .filter(|o| o["info"]["props"]["application.name"].as_str() == Some("Ferrum Settings"))
        .count();
    let streams = objects
        .iter()
        .filter(|o| {
            matches!(
                o["info"]["props"]["node.name"].as_str(),
                Some("ferrum-level-meter" | "ferrum-speaker-test")
            )
        })
        .count();
    (clients, streams)
}

/// Our own tone plays while meters on its output come and go (the tone's
/// and the meters' `process` run on the thread's loop while streams are
/// disconnected and dropped); then everything is dropped at once in the
/// middle of a tone, and the thread closes its connection from inside the
/// loop, its streams first. Nothing crashes, and a new thread works.
#[tokio::test(flavor = "multi_thread")]
async fn meters_come_and_go_while_the_speaker_test_plays() {
    let (bed, session) = bed();
    let mut updates = watch(&session);
    let snapshot = ready(&mut updates).await;
    let headset = id_of(&snapshot, Direction::Output, USB_HEADSET.name);
    let test = tokio::spawn({
        let session = session.clone();
        async move { audio::test_speakers(&session, headset).await }
    });
    let mut rounds = 0;
    while !test.is_finished() {
        let mut meter = Box::pin(audio::level_meter(&session, headset));
        let peaks = tokio::time::timeout(LIVENESS_DEADLINE, meter.next())
            .await
            .unwrap_or_else(|_| panic!("peaks in round {rounds}"));
        assert!(matches!(peaks, Some(Ok(_))), "round {rounds}: {peaks:?}");
        drop(meter);
        rounds += 1;
    }
    test.await.unwrap().unwrap();
    eprintln!("{rounds} meters came and went during the speaker test");
    assert!(rounds >= 5, "{rounds} meters");

    // Mid-tone, every user goes at once: the thread ends.
    let test = tokio::spawn({
        let session = session.clone();
        async move { audio::test_speakers(&session, headset).await }
    });
    let mut meter = Box::pin(audio::level_meter(&session, headset));
    let deadline = Instant::now() + LIVENESS_DEADLINE;
    loop {
        let peaks = tokio::time::timeout(LIVENESS_DEADLINE, meter.next())
            .await
            .expect("peaks while the tone plays")
            .unwrap()
            .unwrap();
        if peaks.max() > 0.1 {
            break;
        }
        assert!(Instant::now() < deadline, "the tone is heard");
    }
    test.abort();
    let _ = test.await;
    drop(meter);
    drop(updates);
    let deadline = Instant::now() + LIVENESS_DEADLINE;
    while ours(&bed) != (0, 0) {
        assert!(
            Instant::now() < deadline,
            "our client and streams stay: {:?}",
            ours(&bed)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // A new thread connects and works.
    let mut updates = watch(&session);
    ready(&mut updates).await;
    audio::set_mute(&session, headset, true).await.unwrap();
    assert!(wpctl_volume(&bed, headset).1);
}

#[tokio::test(flavor = "multi_thread")]
async fn test_speakers_plays_left_then_right() {
    let (bed, session) = bed();
    let mut updates = watch(&session);
    let snapshot = ready(&mut updates).await;
    let headset = id_of(&snapshot, Direction::Output, USB_HEADSET.name);
    let mut meter = Box::pin(audio::level_meter(&session, headset));
    // The meter runs before the tone starts.
    meter.next().await.unwrap().unwrap();

    let test = tokio::spawn({
        let session = session.clone();
        async move {
            let started = Instant::now();
            let result = audio::test_speakers(&session, headset).await;
            (result, started.elapsed())
        }
    });
    let mut readings = Vec::new();
    while !test.is_finished() {
        if let Ok(Some(peaks)) =
            tokio::time::timeout(Duration::from_millis(200), meter.next()).await
        {
            readings.push(peaks.unwrap().channels);
        }
    }
    let (result, took) = test.await.unwrap();
    result.unwrap();
    let left = readings
        .iter()
        .position(|p| p[0] > 0.1 && p[1] < 0.001)
        .expect("a reading with only the left channel");
    let right = readings
        .iter()
        .position(|p| p[1] > 0.1 && p[0] < 0.001)
        .expect("a reading with only the right channel");
    eprintln!(
        "speaker test took {took:?}; {} readings, left first at #{left} ({:?}), right first at #{right} ({:?})",
        readings.len(),
        readings[left],
        readings[right]
    );
    assert!(left < right, "left before right");
    assert!(
        readings[..left].iter().all(|p| p[1] < 0.001),
        "nothing on the right before the left: {readings:?}"
    );
    assert!(
        took >= Duration::from_millis(1700) && took < Duration::from_secs(6),
        "{took:?}"
    );
    // The tone's stream is gone and was never listed.
    assert!(
        !bed.pw_dump()
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["info"]["props"]["node.name"].as_str() == Some("ferrum-speaker-test"))
    );
    // Not an output.
    let microphone = id_of(&snapshot, Direction::Input, DESK_MICROPHONE.name);
    assert_eq!(
        audio::test_speakers(&session, microphone).await,
        Err(AudioError::Unsuitable {
            node: microphone,
            expected: Expected::Endpoint(Direction::Output)
        })
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn pipewire_killed_is_not_running_and_recovers_by_itself() {
    let (mut bed, session) = bed();
    let mut updates = watch(&session);
    let snapshot = ready(&mut updates).await;
    let speakers = id_of(&snapshot, Direction::Output, DESK_SPEAKERS.name);

    let killed = Instant::now();
    bed.kill_pipewire().unwrap();
    next_matching(&mut updates, "PipeWire not running", |u| {
        *u == Update::Unavailable(AudioError::NotRunning)
    })
    .await
    .unwrap();
    eprintln!("NotRunning {:?} after the kill", killed.elapsed());
    let asked = Instant::now();
    assert_eq!(
        audio::set_mute(&session, speakers, true).await,
        Err(AudioError::NotRunning)
    );
    assert!(
        asked.elapsed() < Duration::from_secs(1),
        "{:?}",
        asked.elapsed()
    );

    bed.start_pipewire().unwrap();
    let restarted = Instant::now();
    let back = ready(&mut updates).await;
    eprintln!("recovered {:?} after the restart", restarted.elapsed());
    let speakers = id_of(&back, Direction::Output, DESK_SPEAKERS.name);
    audio::set_mute(&session, speakers, true).await.unwrap();
    assert!(wpctl_volume(&bed, speakers).1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hung_pipewire_fails_commands_with_a_timeout() {
    let (bed, session) = bed();
    let mut updates = watch(&session);
    let snapshot = ready(&mut updates).await;
    let speakers = id_of(&snapshot, Direction::Output, DESK_SPEAKERS.name);

    bed.stop_pipewire().unwrap();
    let asked = Instant::now();
    let result = audio::set_volume(
        &session,
        speakers,
        VolumeChange::Master(0.3),
        VolumeLimit::Normal,
    )
    .await;
    let waited = asked.elapsed();
    eprintln!("hung: {result:?} after {waited:?}");
    assert_eq!(result, Err(AudioError::NoAnswer));
    assert!(
        waited >= audio::COMMAND_TIMEOUT
            && waited < audio::COMMAND_TIMEOUT + Duration::from_secs(3),
        "{waited:?}"
    );
    // A new connection to the hung daemon says so too.
    let fresh = AudioSession::with_socket(bed.socket());
    let mut fresh_updates = watch(&fresh);
    let opened = Instant::now();
    let first = next_matching(
        &mut fresh_updates,
        "an answer about the hung PipeWire",
        |_| true,
    )
    .await
    .unwrap();
    eprintln!(
        "a new watch on the hung PipeWire: {first:?} after {:?}",
        opened.elapsed()
    );
    assert_eq!(first, Update::Unavailable(AudioError::NoAnswer));

    bed.resume_pipewire().unwrap();
    // The volume sent while it hung is carried out once it runs again;
    // commands work again and the new watch gets its snapshot.
    ready(&mut fresh_updates).await;
    audio::set_mute(&session, speakers, true).await.unwrap();
    assert_eq!(wpctl_volume(&bed, speakers), (0.3, true));
}

#[tokio::test(flavor = "multi_thread")]
async fn without_wireplumber_there_are_no_defaults_to_choose() {
    let (mut bed, session) = bed();
    let mut updates = watch(&session);
    let snapshot = ready(&mut updates).await;
    let headset = id_of(&snapshot, Direction::Output, USB_HEADSET.name);
    audio::set_default(&session, Direction::Output, headset)
        .await
        .unwrap();
    snapshot_where(&mut updates, "the headset as default", |s| {
        s.defaults.output.as_deref() == Some(USB_HEADSET.name)
    })
    .await;

    // WirePlumber saves the choice a moment later; a kill before that would lose it.
    let saved = bed.dir().join("state/wireplumber/default-nodes");
    let deadline = Instant::now() + LIVENESS_DEADLINE;
    while !std::fs::read_to_string(&saved).is_ok_and(|text| text.contains(USB_HEADSET.name)) {
        assert!(
            Instant::now() < deadline,
            "WirePlumber saves {}",
            saved.display()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    bed.kill_wireplumber().unwrap();
    let without = snapshot_where(&mut updates, "no session manager", |s| !s.session_manager).await;
    assert_eq!(without.defaults, audio::Defaults::default());
    assert_eq!(without.outputs.len(), 2, "PipeWire still lists its nodes");
    assert_eq!(
        audio::set_default(&session, Direction::Output, headset).await,
        Err(AudioError::NoSessionManager)
    );
    assert_eq!(
        audio::test_speakers(&session, headset).await,
        Err(AudioError::NoSessionManager)
    );
    // Volume needs no session manager.
    audio::set_volume(
        &session,
        headset,
        VolumeChange::Master(0.7),
        VolumeLimit::Normal,
    )
    .await
    .unwrap();

    // WirePlumber comes back with the saved choice.
    bed.start_wireplumber().unwrap();
    let back = snapshot_where(&mut updates, "the session manager back", |s| {
        s.session_manager && s.defaults.output.is_some()
    })
    .await;
    assert_eq!(
        back.defaults.configured_output.as_deref(),
        Some(USB_HEADSET.name)
    );
    // There are no devices on the bed, so no profiles to switch.
    assert_eq!(
        audio::set_profile(&session, audio::DeviceId(4000), 1).await,
        Err(AudioError::NoSuchDevice(audio::DeviceId(4000)))
    );
}
