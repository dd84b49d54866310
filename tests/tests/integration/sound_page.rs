//! The Sound page through its own `update` and requests, against the real
//! PipeWire 0.3.65 + WirePlumber 0.4 of the audio bed (two null sinks "Desk
//! Speakers" and "USB Headset", a null source "Desk Microphone"): what the
//! page asks for is checked with PipeWire's own tools (`wpctl`, `pw-dump`),
//! and what happens elsewhere (`wpctl`, `pw-play`, a killed or hung
//! PipeWire) must reach the page through its subscription streams by itself
//! — no timer. (PipeWire asks no polkit: there is no refusal by an
//! administrator to test; a refusal by PipeWire's own permissions is mapped
//! to a sentence and unit-tested with the page.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ferrum_integration_tests::{LIVENESS_DEADLINE, feed_until, wpctl_volume};
use ferrum_panels::sound::{self, Audio, Message, Meter, MeterKey, State};
use ferrum_panels::{Outcome, Page, PageRequest};
use ferrum_services::SystemBus;
use ferrum_services::audio::{Action, AudioError, AudioSession, Direction, NodeId, StreamTarget};
use ferrum_testbed::audio::{AudioBed, DESK_MICROPHONE, DESK_SPEAKERS, USB_HEADSET};
use ferrum_ui::status::ServiceStatus;
use futures::StreamExt;
use futures::stream::BoxStream;

const PLAYER: &str = "Ferrum Page Tone";

/// The bed and the page, with the page's watch subscription.
struct Desk {
    bed: AudioBed,
    state: State,
    watch: BoxStream<'static, Message>,
    bus: SystemBus,
}

impl Drop for Desk {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("{}", self.bed.logs());
        }
    }
}

fn desk() -> Desk {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_test_writer()
        .try_init();
    let bed = AudioBed::start().expect("the audio bed starts");
    let state = State::on(AudioSession::with_socket(bed.socket()));
    let watch = sound::watch_stream(&Audio(state.session().clone())).boxed();
    Desk {
        bed,
        state,
        watch,
        // Sound needs no system bus; requests take one by contract.
        bus: SystemBus::with_address("unix:path=/nonexistent/system_bus_socket"),
    }
}

impl Desk {
    /// Feeds the page its watch updates until `accept` holds for it.
    async fn until(&mut self, what: &str, accept: impl Fn(&State) -> bool) {
        feed_until(
            &mut self.state,
            &mut self.watch,
            what,
            LIVENESS_DEADLINE,
            accept,
        )
        .await;
    }

    /// The bed's devices and WirePlumber's defaults are on the page.
    async fn ready(&mut self) {
        self.until("the bed's devices and defaults", |state| {
            state.snapshot().is_some_and(|s| {
                s.outputs.len() == 2
                    && s.inputs.len() == 1
                    && s.session_manager
                    && s.default_endpoint(Direction::Output).is_some()
                    && s.outputs.iter().all(|output| output.volume.is_some())
            })
        })
        .await;
    }

    fn id(&self, direction: Direction, name: &str) -> NodeId {
        self.state
            .snapshot()
            .and_then(|s| s.endpoint_named(direction, name))
            .unwrap_or_else(|| panic!("{name} on the page"))
            .id
    }

    /// The default output on the page.
    fn default_output(&self) -> NodeId {
        self.state
            .snapshot()
            .and_then(|s| s.default_endpoint(Direction::Output))
            .expect("a default output on the page")
            .id
    }

    /// What a message asks for is run as the window would, and each answer
    /// fed back, until nothing more is asked; returns the answers.
    async fn act(&mut self, message: Message) -> Vec<Result<(), AudioError>> {
        let mut outcome = self.state.update(message);
        let mut answers = Vec::new();
        while let Some(request) = outcome.request.take() {
            let answer = request.run(self.bus.clone()).await;
            if let Message::Done(_, result) = &answer {
                answers.push(result.clone());
            }
            outcome = self.state.update(answer);
        }
        answers
    }
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.01
}

fn tone_file(bed: &AudioBed) -> PathBuf {
    let path = bed.dir().join("page-tone.wav");
    ferrum_testbed::audio::write_tone_wav(&path, 30.0, 440.0, 0.5).unwrap();
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn choosing_an_output_on_the_page_makes_it_the_default() {
    let mut desk = desk();
    desk.ready().await;
    let headset = desk.id(Direction::Output, USB_HEADSET.name);
    assert_eq!(
        desk.act(Message::DefaultChosen(Direction::Output, headset))
            .await,
        [Ok(())]
    );
    desk.until("the headset as the default on the page", |state| {
        state
            .snapshot()
            .and_then(|s| s.default_endpoint(Direction::Output))
            .is_some_and(|e| e.id == headset)
    })
    .await;
    // wpctl marks the default with `*`.
    let status = desk.bed.wpctl(&["status"]).unwrap();
    let line = status
        .lines()
        .find(|line| line.contains(USB_HEADSET.description))
        .unwrap();
    assert!(line.contains('*'), "{line}\n{status}");
    assert!(desk.state.error.is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn volume_and_mute_on_the_page_are_what_wpctl_reads_and_a_change_elsewhere_shows() {
    let mut desk = desk();
    desk.ready().await;
    let speakers = desk.id(Direction::Output, DESK_SPEAKERS.name);
    assert_eq!(desk.act(Message::Volume(speakers, 0.5)).await, [Ok(())]);
    assert_eq!(wpctl_volume(&desk.bed, speakers), (0.5, false));
    assert_eq!(desk.act(Message::Mute(speakers, true)).await, [Ok(())]);
    assert_eq!(wpctl_volume(&desk.bed, speakers), (0.5, true));
    desk.until("50 % and muted on the page", |state| {
        state.shown_volume(speakers).is_some_and(|v| close(v, 0.5)) && state.shown_mute(speakers)
    })
    .await;

    // A slider dragged quickly: one change at a time, the last one wins.
    let mut sent = 0;
    for step in [0.55, 0.6, 0.65, 0.7] {
        if desk
            .state
            .update(Message::Volume(speakers, step))
            .request
            .is_some()
        {
            sent += 1;
        }
    }
    assert_eq!(sent, 1, "one change under way at a time");
    // Answer the one under way by hand: the queued last value follows.
    let first = desk.state.pending[0].clone();
    let result = first.clone().run(desk.state.session()).await;
    let mut outcome: Outcome<sound::Request> = desk.state.update(Message::Done(first, result));
    while let Some(request) = outcome.request.take() {
        let answer = request.run(desk.bus.clone()).await;
        outcome = desk.state.update(answer);
    }
    assert_eq!(wpctl_volume(&desk.bed, speakers).0, 0.7);

    // Changed elsewhere: the page follows without a timer.
    let asked = Instant::now();
    desk.bed
        .wpctl(&["set-volume", &speakers.0.to_string(), "0.3"])
        .unwrap();
    desk.until("wpctl's 30 % on the page", |state| {
        state.shown_volume(speakers).is_some_and(|v| close(v, 0.3))
    })
    .await;
    eprintln!("wpctl's change on the page after {:?}", asked.elapsed());
}

#[tokio::test(flavor = "multi_thread")]
async fn louder_than_100_only_when_allowed() {
    let mut desk = desk();
    desk.ready().await;
    let speakers = desk.id(Direction::Output, DESK_SPEAKERS.name);
    // Not allowed: the slider stops at 100 %.
    assert_eq!(desk.act(Message::Volume(speakers, 0.8)).await, [Ok(())]);
    assert_eq!(desk.act(Message::Volume(speakers, 1.3)).await, [Ok(())]);
    assert_eq!(wpctl_volume(&desk.bed, speakers).0, 1.0);
    let _ = desk.state.update(Message::AllowAmplification(true));
    assert_eq!(desk.act(Message::Volume(speakers, 1.3)).await, [Ok(())]);
    assert_eq!(wpctl_volume(&desk.bed, speakers).0, 1.3);
    desk.until("130 % on the page", |state| {
        state.shown_volume(speakers).is_some_and(|v| close(v, 1.3))
    })
    .await;
    // Turning the permission off does not snap the volume back.
    let _ = desk.state.update(Message::AllowAmplification(false));
    assert!(
        desk.state
            .shown_volume(speakers)
            .is_some_and(|v| close(v, 1.3))
    );
    assert_eq!(wpctl_volume(&desk.bed, speakers).0, 1.3);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_played_stream_is_listed_its_volume_changed_and_moved() {
    let mut desk = desk();
    desk.ready().await;
    let default = desk.default_output();
    let other = desk
        .state
        .snapshot()
        .unwrap()
        .outputs
        .iter()
        .find(|output| output.id != default)
        .unwrap()
        .id;
    let wav = tone_file(&desk.bed);
    let _player = desk.bed.play(&wav, PLAYER).unwrap();
    desk.until("the player under Applications", |state| {
        state.snapshot().is_some_and(|s| {
            s.streams.iter().any(|stream| {
                stream.application_name.as_deref() == Some(PLAYER)
                    && stream.linked_to == [default]
                    && stream.volume.is_some()
            })
        })
    })
    .await;
    let stream = desk.state.snapshot().unwrap().streams[0].id;
    assert_eq!(desk.state.node_name(stream), PLAYER);
    // The output meter runs while it plays there.
    assert_eq!(desk.state.playing_output(), Some(default));

    assert_eq!(desk.act(Message::Volume(stream, 0.4)).await, [Ok(())]);
    assert_eq!(wpctl_volume(&desk.bed, stream), (0.4, false));
    assert_eq!(
        desk.act(Message::Move(stream, StreamTarget::Node(other)))
            .await,
        [Ok(())]
    );
    desk.until("the stream on the other output", |state| {
        state
            .snapshot()
            .and_then(|s| s.stream(stream))
            .is_some_and(|s| s.linked_to == [other] && s.target == Some(StreamTarget::Node(other)))
    })
    .await;
    assert_eq!(desk.bed.links_of(stream.0).unwrap(), [other.0]);
    // pw-dump: the target is in the default metadata, by the output's serial or id.
    let dump = desk.bed.pw_dump().unwrap();
    let targets: Vec<String> = dump
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["type"].as_str() == Some("PipeWire:Interface:Metadata"))
        .flat_map(|o| o["metadata"].as_array().cloned().unwrap_or_default())
        .filter(|entry| {
            entry["subject"].as_u64() == Some(u64::from(stream.0))
                && entry["key"]
                    .as_str()
                    .is_some_and(|k| k.starts_with("target."))
        })
        .map(|entry| entry["value"].to_string())
        .collect();
    assert!(!targets.is_empty(), "no target in pw-dump's metadata");
    // And back to following the default.
    assert_eq!(
        desk.act(Message::Move(stream, StreamTarget::FollowDefault))
            .await,
        [Ok(())]
    );
    desk.until("the stream back on the default", |state| {
        state
            .snapshot()
            .and_then(|s| s.stream(stream))
            .is_some_and(|s| s.linked_to == [default])
    })
    .await;
}

/// The first reading of a page's meter that satisfies `accept`.
async fn reading(
    meter: &mut BoxStream<'static, Message>,
    what: &str,
    accept: impl Fn(f32) -> bool,
) -> f32 {
    let deadline = Instant::now() + LIVENESS_DEADLINE;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, meter.next()).await {
            Ok(Some(Message::Level(_, Ok(level)))) if accept(level) => return level,
            Ok(Some(Message::Level(_, Ok(_)))) => {}
            Ok(other) => panic!("{what}: the meter gave {other:?}"),
            Err(_) => panic!("{what}: no such reading within {LIVENESS_DEADLINE:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_meters_hear_a_tone_and_silence_without_repeating_themselves() {
    let mut desk = desk();
    desk.ready().await;
    let output = desk.default_output();
    let input = desk.id(Direction::Input, DESK_MICROPHONE.name);
    assert_eq!(desk.state.measured_input(), Some(input));
    let (session, generation) = (desk.state.session().clone(), desk.state.generation);
    let key = |meter, node| MeterKey {
        audio: Audio(session.clone()),
        meter,
        node,
        generation,
    };

    // The silent microphone: one reading of zero, then nothing (no redraws).
    let mut microphone = sound::meter_stream(&key(Meter::Input, input)).boxed();
    assert_eq!(reading(&mut microphone, "silence", |_| true).await, 0.0);
    let quiet = tokio::time::timeout(Duration::from_secs(2), microphone.next()).await;
    assert!(quiet.is_err(), "a silent meter sent {quiet:?}");

    let wav = tone_file(&desk.bed);
    let _player = desk.bed.play(&wav, PLAYER).unwrap();
    desk.until("the output playing", |state| {
        state.playing_output() == Some(output)
    })
    .await;
    let mut speakers = sound::meter_stream(&key(Meter::Output, output)).boxed();
    let loud = reading(&mut speakers, "the tone", |level| level > 0.2).await;
    eprintln!("the output meter read {loud} while the tone played");
    let _ = desk.state.update(Message::Level(Meter::Output, Ok(loud)));
    assert_eq!(desk.state.levels.output, Ok(loud));
}

#[tokio::test(flavor = "multi_thread")]
async fn pipewire_killed_the_page_says_so_and_recovers_by_itself() {
    let mut desk = desk();
    desk.ready().await;
    let speakers = desk.id(Direction::Output, DESK_SPEAKERS.name);
    let generation = desk.state.generation;
    let killed = Instant::now();
    desk.bed.kill_pipewire().unwrap();
    desk.until("not running on the page", |state| {
        matches!(state.sound, ServiceStatus::Unavailable)
    })
    .await;
    eprintln!(
        "the page said not running {:?} after the kill",
        killed.elapsed()
    );
    // A change asked for meanwhile fails at once and says why.
    assert_eq!(
        desk.act(Message::Mute(speakers, true)).await,
        [Err(AudioError::NotRunning)]
    );
    let report = desk.state.error.clone().expect("the failure is shown");
    assert!(
        report.summary.contains(DESK_SPEAKERS.description)
            && report.summary.contains("not running"),
        "{}",
        report.summary
    );
    assert!(desk.state.pending.is_empty());

    desk.bed.start_pipewire().unwrap();
    let restarted = Instant::now();
    desk.ready().await;
    eprintln!(
        "the page recovered {:?} after the restart",
        restarted.elapsed()
    );
    assert_ne!(desk.state.generation, generation, "the meters start again");
    let speakers = desk.id(Direction::Output, DESK_SPEAKERS.name);
    assert_eq!(desk.act(Message::Mute(speakers, true)).await, [Ok(())]);
    assert!(wpctl_volume(&desk.bed, speakers).1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hung_pipewire_is_reported_and_the_page_goes_on_after_it_resumes() {
    let mut desk = desk();
    desk.ready().await;
    let speakers = desk.id(Direction::Output, DESK_SPEAKERS.name);
    desk.bed.stop_pipewire().unwrap();
    let asked = Instant::now();
    let answers = desk.act(Message::Volume(speakers, 0.3)).await;
    eprintln!("hung: {answers:?} after {:?}", asked.elapsed());
    assert_eq!(answers, [Err(AudioError::NoAnswer)]);
    let report = desk.state.error.clone().expect("the failure is shown");
    assert!(
        report.summary.contains("did not answer"),
        "{}",
        report.summary
    );
    // Nothing is left showing as under way.
    assert!(desk.state.pending.is_empty() && desk.state.queued.is_empty());

    desk.bed.resume_pipewire().unwrap();
    assert_eq!(desk.act(Message::Mute(speakers, true)).await, [Ok(())]);
    assert!(desk.state.error.is_none());
    desk.until("muted on the page", |state| state.shown_mute(speakers))
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_speaker_test_plays_through_the_page() {
    let mut desk = desk();
    desk.ready().await;
    let output = desk.default_output();
    let mut outcome = desk.state.update(Message::TestSpeakers(output));
    assert!(
        desk.state.testing(output),
        "the page shows the test playing"
    );
    let request = outcome.request.take().unwrap();
    assert_eq!(request.action(), Some(&Action::TestSpeakers { output }));
    let started = Instant::now();
    let answer = request.run(desk.bus.clone()).await;
    eprintln!("the speaker test took {:?}", started.elapsed());
    let _ = desk.state.update(answer);
    assert!(!desk.state.testing(output));
    assert!(desk.state.error.is_none(), "{:?}", desk.state.error);
}
