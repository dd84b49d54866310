//! Our own PipeWire streams: the speaker test's tone and the level meter.
//! The sample maths (the tone's schedule, peak levels) is pure and
//! unit-tested; the streams run on the PipeWire thread, with `process`
//! called from its main loop (no real-time thread; the loop stays entered
//! for the thread's whole life, so libpipewire's data thread always queues
//! `process` onto it and never runs it itself), and report what happens to
//! them as [`StreamEvent`]s the thread handles outside the callbacks.

use std::cell::RefCell;
use std::f32::consts::TAU;
use std::rc::Rc;
use std::time::{Duration, Instant};

use pipewire as pw;
use pw::core::CoreRc;
use pw::properties::PropertiesBox;
use pw::spa;
use pw::stream::{StreamFlags, StreamListener, StreamRc, StreamState};
use spa::pod::Pod;
use tokio::sync::mpsc;

use super::engine::Wake;
use super::error::{AudioError, LocalFailure, PipeWireFailure};
use super::graph::INTERNAL_KEY;
use super::pods;
use super::types::{Channel, Peaks};

/// How often the level meter reports (at most): 20 times a second.
pub const METER_INTERVAL: Duration = Duration::from_millis(50);
/// How long the speaker test plays each channel.
pub const TONE_LENGTH: Duration = Duration::from_millis(600);
/// The silence between two channels of the speaker test.
pub const TONE_GAP: Duration = Duration::from_millis(250);
/// The test tone's pitch (A4).
const TONE_FREQUENCY: f32 = 440.0;
/// The test tone's amplitude (−12 dBFS): clearly audible, never harsh.
const TONE_AMPLITUDE: f32 = 0.25;
/// Fade in and out of each tone, against clicks.
const TONE_FADE: Duration = Duration::from_millis(10);
/// The rate the tone is generated at (PipeWire converts if the graph differs).
pub(crate) const TONE_RATE: u32 = 48_000;
/// The application name our streams show under.
pub(crate) const APPLICATION_NAME: &str = "Ferrum Settings";

/// What happened to one of our streams, for the thread to act on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum StreamEvent {
    /// The stream failed or was cut off (its node went away).
    Failed { id: u64, failure: PipeWireFailure },
    /// The tone has been played to the end.
    Drained { id: u64 },
}

/// The events of all our streams, shared with their callbacks; each one
/// wakes the thread to act on it.
pub(crate) type StreamEvents = Rc<EventLog>;

/// What our streams' callbacks record (see [`StreamEvents`]).
#[derive(Default)]
pub(crate) struct EventLog {
    events: RefCell<Vec<StreamEvent>>,
    wake: Wake,
}

impl EventLog {
    pub(crate) fn new(wake: Wake) -> Self {
        Self {
            events: RefCell::default(),
            wake,
        }
    }

    /// Records an event and wakes the thread.
    pub(crate) fn push(&self, event: StreamEvent) {
        self.events.borrow_mut().push(event);
        self.wake.wake();
    }

    /// The events so far, oldest first.
    pub(crate) fn take(&self) -> Vec<StreamEvent> {
        std::mem::take(&mut *self.events.borrow_mut())
    }
}

/// The speaker test: each channel in turn gets a tone, then a gap.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ToneSchedule {
    rate: u32,
    channels: usize,
    /// Channel indexes in the order they are played.
    order: Vec<usize>,
    tone_frames: u64,
    gap_frames: u64,
    fade_frames: u64,
}

impl ToneSchedule {
    /// Every one of `channels` channels in order, at `rate`.
    pub(crate) fn each_channel(rate: u32, channels: usize) -> Self {
        let frames = |duration: Duration| {
            u64::try_from(duration.as_nanos() * u128::from(rate) / 1_000_000_000).unwrap_or(0)
        };
        Self {
            rate,
            channels,
            order: (0..channels).collect(),
            tone_frames: frames(TONE_LENGTH),
            gap_frames: frames(TONE_GAP),
            fade_frames: frames(TONE_FADE).max(1),
        }
    }

    /// Frames in the whole test.
    pub(crate) fn total_frames(&self) -> u64 {
        (self.tone_frames + self.gap_frames) * self.order.len() as u64
    }

    /// How long the whole test plays.
    pub(crate) fn duration(&self) -> Duration {
        Duration::from_nanos(
            self.total_frames()
                .saturating_mul(1_000_000_000)
                .checked_div(u64::from(self.rate))
                .unwrap_or(0),
        )
    }

    /// The channel count of each frame.
    pub(crate) fn channels(&self) -> usize {
        self.channels
    }

    /// Writes interleaved frames from frame `start` into `out` (whose length
    /// is a multiple of the channel count); past the end, silence.
    pub(crate) fn fill(&self, start: u64, out: &mut [f32]) {
        if self.channels == 0 {
            return;
        }
        let slot = self.tone_frames + self.gap_frames;
        for (offset, frame) in out.chunks_exact_mut(self.channels).enumerate() {
            frame.fill(0.0);
            let position = start + offset as u64;
            if slot == 0 {
                continue;
            }
            let Some(&channel) = usize::try_from(position / slot)
                .ok()
                .and_then(|step| self.order.get(step))
            else {
                continue;
            };
            let within = position % slot;
            if within >= self.tone_frames {
                continue;
            }
            let fade_in = within.min(self.fade_frames) as f32 / self.fade_frames as f32;
            let fade_out =
                (self.tone_frames - within).min(self.fade_frames) as f32 / self.fade_frames as f32;
            let time = within as f32 / self.rate as f32;
            let sample =
                (TAU * TONE_FREQUENCY * time).sin() * TONE_AMPLITUDE * fade_in.min(fade_out);
            if let Some(slot) = frame.get_mut(channel) {
                *slot = sample;
            }
        }
    }
}

/// Folds interleaved samples into per-channel peaks (absolute maxima,
/// clamped to 0.0 … 1.0).
pub(crate) fn accumulate_peaks(samples: impl Iterator<Item = f32>, peaks: &mut [f32]) {
    let channels = peaks.len();
    if channels == 0 {
        return;
    }
    for (index, sample) in samples.enumerate() {
        let level = if sample.is_finite() {
            sample.abs().min(1.0)
        } else {
            0.0
        };
        if let Some(peak) = peaks.get_mut(index % channels) {
            *peak = peak.max(level);
        }
    }
}

/// Interleaved little-endian 32-bit floats.
fn samples(bytes: &[u8]) -> impl Iterator<Item = f32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|chunk| f32::from_le_bytes(<[u8; 4]>::try_from(chunk).unwrap_or([0; 4])))
}

/// Stream properties, refusing values libpipewire cannot hold (a NUL byte).
fn properties(pairs: &[(&str, String)]) -> Result<PropertiesBox, AudioError> {
    let mut properties = PropertiesBox::new();
    for (key, value) in pairs {
        if key.contains('\0') || value.contains('\0') {
            return Err(AudioError::Local(LocalFailure::Parameter));
        }
        properties.insert(*key, value.as_str());
    }
    Ok(properties)
}

/// Where a stream of ours goes: the node's `object.serial` (or its name),
/// which WirePlumber 0.4 and 0.5 both take in `target.object`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StreamSpot {
    pub(crate) target: String,
    /// Capture a sink's monitor (`stream.capture.sink`).
    pub(crate) capture_sink: bool,
    pub(crate) channels: Vec<Channel>,
}

fn failure_of(state: &StreamState) -> Option<PipeWireFailure> {
    match state {
        StreamState::Error(message) => Some(PipeWireFailure::new(None, message.clone())),
        _ => None,
    }
}

/// A level meter: a capture stream on a node (a sink's monitor or a
/// source) that reports peaks while it lives.
pub(crate) struct MeterStream {
    // Listener before stream: its hook must go while the stream exists.
    _listener: StreamListener<MeterState>,
    stream: StreamRc,
}

impl MeterStream {
    /// Stops the stream; drop it only after the loop has run a whole
    /// iteration since (see [`Retired`]).
    pub(crate) fn disconnect(&self) {
        let _ = self.stream.disconnect();
    }
}

/// Every way a MeterStream goes (the thread quitting included) disconnects it
/// first: its listener's callbacks are freed with the fields, and a connected
/// stream could still call them. (Disconnecting twice is harmless.)
impl Drop for MeterStream {
    fn drop(&mut self) {
        self.disconnect();
    }
}

/// One of our streams, disconnected and waiting to be dropped.
///
/// libpipewire calls a stream's `process` and `drained` (without
/// `RT_PROCESS`) through an invoke the data thread queues on the main loop
/// with a pointer to the stream; a stream destroyed while one is queued
/// would be used after it was freed when the loop runs it. So a stream is
/// disconnected first (after that nothing new is queued), and dropped only
/// once the loop has finished a whole iteration since (see [`Retirement`]):
/// an invoke queued before the disconnect has woken the loop, so that
/// iteration ran it.
#[expect(dead_code, reason = "the streams are held only to be dropped later")]
pub(crate) enum Retired {
    Meter(MeterStream),
    Tone(ToneStream),
}

/// Disconnected streams on their way out. The thread acts at most once per
/// loop iteration (its steps run from one loop source), so a stream retired
/// in one step is kept through the next and dropped in the one after: the
/// iteration between them has run whatever libpipewire had queued for it.
#[derive(Default)]
pub(crate) struct Retirement {
    /// Disconnected in this step.
    fresh: Vec<Retired>,
    /// Disconnected in an earlier step: dropped at the next.
    aged: Vec<Retired>,
}

impl Retirement {
    /// A new step: drops the aged streams, and ages the fresh ones.
    pub(crate) fn age(&mut self) {
        self.aged = std::mem::take(&mut self.fresh);
    }

    pub(crate) fn push(&mut self, stream: Retired) {
        self.fresh.push(stream);
    }

    /// Takes in another retirement's streams, as fresh ones (the longer wait).
    pub(crate) fn absorb(&mut self, other: Retirement) {
        self.fresh.extend(other.fresh);
        self.fresh.extend(other.aged);
    }

    /// No stream waits: nothing to wake up for.
    pub(crate) fn is_empty(&self) -> bool {
        self.fresh.is_empty() && self.aged.is_empty()
    }
}

struct MeterState {
    id: u64,
    peaks: Vec<f32>,
    window_start: Instant,
    sender: mpsc::Sender<Peaks>,
    events: StreamEvents,
    streamed: bool,
}

impl MeterStream {
    pub(crate) fn start(
        core: &CoreRc,
        id: u64,
        spot: &StreamSpot,
        sender: mpsc::Sender<Peaks>,
        events: StreamEvents,
    ) -> Result<Self, AudioError> {
        let mut pairs = vec![
            ("media.type", "Audio".to_owned()),
            ("media.category", "Capture".to_owned()),
            ("media.name", "Level meter".to_owned()),
            ("node.name", "ferrum-level-meter".to_owned()),
            ("application.name", APPLICATION_NAME.to_owned()),
            ("target.object", spot.target.clone()),
            ("node.dont-reconnect", "true".to_owned()),
            ("state.restore-props", "false".to_owned()),
            ("state.restore-target", "false".to_owned()),
            (INTERNAL_KEY, "true".to_owned()),
        ];
        if spot.capture_sink {
            pairs.push(("stream.capture.sink", "true".to_owned()));
        }
        let stream = StreamRc::new(core.clone(), "ferrum-level-meter", properties(&pairs)?)
            .map_err(|_| AudioError::Local(LocalFailure::Stream))?;
        let state = MeterState {
            id,
            peaks: vec![0.0; spot.channels.len().max(1)],
            window_start: Instant::now(),
            sender,
            events,
            streamed: false,
        };
        let listener = stream
            .add_local_listener_with_user_data(state)
            .state_changed(|_, state, _old, new| {
                if let Some(failure) = failure_of(&new) {
                    state.events.push(StreamEvent::Failed {
                        id: state.id,
                        failure,
                    });
                } else if new == StreamState::Streaming {
                    state.streamed = true;
                } else if new == StreamState::Unconnected && state.streamed {
                    // `node.dont-reconnect`: the node it captured went away.
                    state.events.push(StreamEvent::Failed {
                        id: state.id,
                        failure: PipeWireFailure::new(None, "the meter's node went away"),
                    });
                }
            })
            .param_changed(|_, state, id, param| {
                if id != spa::param::ParamType::Format.as_raw() {
                    return;
                }
                let channels = param
                    .and_then(|pod| pods::value_of(pod.as_bytes()))
                    .and_then(|value| pods::format_channels(&value));
                if let Some(channels) = channels.filter(|&n| n > 0 && n <= 64) {
                    state.peaks = vec![0.0; channels];
                }
            })
            .process(|stream, state| {
                if let Some(mut buffer) = stream.dequeue_buffer()
                    && let Some(data) = buffer.datas_mut().first_mut()
                {
                    let offset = data.chunk().offset() as usize;
                    let size = data.chunk().size() as usize;
                    if let Some(bytes) = data.data() {
                        let start = offset.min(bytes.len());
                        let end = start.saturating_add(size).min(bytes.len());
                        if let Some(valid) = bytes.get(start..end) {
                            accumulate_peaks(samples(valid), &mut state.peaks);
                        }
                    }
                }
                let now = Instant::now();
                if now.duration_since(state.window_start) >= METER_INTERVAL {
                    let len = state.peaks.len();
                    let peaks = Peaks {
                        channels: std::mem::replace(&mut state.peaks, vec![0.0; len]),
                    };
                    state.window_start = now;
                    // A slow reader misses levels rather than queueing them.
                    let _ = state.sender.try_send(peaks);
                }
            })
            .register()
            .map_err(|_| AudioError::Local(LocalFailure::Stream))?;
        let format = pods::audio_format(0, &spot.channels)?;
        let pod = Pod::from_bytes(&format).ok_or(AudioError::Local(LocalFailure::Parameter))?;
        stream
            .connect(
                spa::utils::Direction::Input,
                None,
                StreamFlags::AUTOCONNECT | StreamFlags::MAP_BUFFERS,
                &mut [pod],
            )
            .map_err(|error| {
                AudioError::StreamFailed(PipeWireFailure::new(None, error.to_string()))
            })?;
        Ok(Self {
            _listener: listener,
            stream,
        })
    }
}

/// The speaker test's playback stream.
pub(crate) struct ToneStream {
    _listener: StreamListener<ToneState>,
    stream: StreamRc,
}

impl ToneStream {
    /// Stops the stream; drop it only after the loop has run a whole
    /// iteration since (see [`Retired`]).
    pub(crate) fn disconnect(&self) {
        let _ = self.stream.disconnect();
    }
}

/// Every way a ToneStream goes (the thread quitting included) disconnects it
/// first: its listener's callbacks are freed with the fields, and a connected
/// stream could still call them. (Disconnecting twice is harmless.)
impl Drop for ToneStream {
    fn drop(&mut self) {
        self.disconnect();
    }
}

struct ToneState {
    id: u64,
    schedule: ToneSchedule,
    frame: u64,
    flushed: bool,
    events: StreamEvents,
    scratch: Vec<f32>,
}

impl ToneStream {
    pub(crate) fn start(
        core: &CoreRc,
        id: u64,
        spot: &StreamSpot,
        events: StreamEvents,
    ) -> Result<(Self, Duration), AudioError> {
        let pairs = [
            ("media.type", "Audio".to_owned()),
            ("media.category", "Playback".to_owned()),
            ("media.name", "Speaker test".to_owned()),
            ("node.name", "ferrum-speaker-test".to_owned()),
            ("application.name", APPLICATION_NAME.to_owned()),
            ("target.object", spot.target.clone()),
            ("node.dont-reconnect", "true".to_owned()),
            ("state.restore-props", "false".to_owned()),
            ("state.restore-target", "false".to_owned()),
            (INTERNAL_KEY, "true".to_owned()),
        ];
        let stream = StreamRc::new(core.clone(), "ferrum-speaker-test", properties(&pairs)?)
            .map_err(|_| AudioError::Local(LocalFailure::Stream))?;
        let schedule = ToneSchedule::each_channel(TONE_RATE, spot.channels.len());
        let duration = schedule.duration();
        let state = ToneState {
            id,
            schedule,
            frame: 0,
            flushed: false,
            events,
            scratch: Vec::new(),
        };
        let listener = stream
            .add_local_listener_with_user_data(state)
            .state_changed(|_, state, _old, new| {
                if let Some(failure) = failure_of(&new) {
                    state.events.push(StreamEvent::Failed {
                        id: state.id,
                        failure,
                    });
                }
            })
            .process(|stream, state| {
                if state.frame >= state.schedule.total_frames() {
                    if !state.flushed {
                        state.flushed = true;
                        if stream.flush(true).is_err() {
                            state.events.push(StreamEvent::Drained { id: state.id });
                        }
                    }
                    return;
                }
                let Some(mut buffer) = stream.dequeue_buffer() else {
                    return;
                };
                let requested = buffer.requested();
                let Some(data) = buffer.datas_mut().first_mut() else {
                    return;
                };
                let channels = state.schedule.channels().max(1);
                let stride = channels * 4;
                let written = match data.data() {
                    Some(bytes) => {
                        let capacity = (bytes.len() / stride) as u64;
                        let wanted = if requested > 0 {
                            requested.min(capacity)
                        } else {
                            capacity
                        };
                        let left = state.schedule.total_frames() - state.frame;
                        let frames = usize::try_from(wanted.min(left)).unwrap_or(0);
                        state.scratch.resize(frames * channels, 0.0);
                        state.schedule.fill(state.frame, &mut state.scratch);
                        for (out, sample) in bytes.chunks_exact_mut(4).zip(&state.scratch) {
                            out.copy_from_slice(&sample.to_le_bytes());
                        }
                        state.frame += frames as u64;
                        frames
                    }
                    None => 0,
                };
                let chunk = data.chunk_mut();
                *chunk.offset_mut() = 0;
                *chunk.stride_mut() = i32::try_from(stride).unwrap_or(0);
                *chunk.size_mut() = u32::try_from(written * stride).unwrap_or(0);
            })
            .drained(|_, state| {
                state.events.push(StreamEvent::Drained { id: state.id });
            })
            .register()
            .map_err(|_| AudioError::Local(LocalFailure::Stream))?;
        let format = pods::audio_format(TONE_RATE, &spot.channels)?;
        let pod = Pod::from_bytes(&format).ok_or(AudioError::Local(LocalFailure::Parameter))?;
        stream
            .connect(
                spa::utils::Direction::Output,
                None,
                StreamFlags::AUTOCONNECT | StreamFlags::MAP_BUFFERS,
                &mut [pod],
            )
            .map_err(|error| {
                AudioError::StreamFailed(PipeWireFailure::new(None, error.to_string()))
            })?;
        Ok((
            Self {
                _listener: listener,
                stream,
            },
            duration,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn peaks_of(schedule: &ToneSchedule, start: u64, frames: usize) -> Vec<f32> {
        let mut out = vec![0.0; frames * schedule.channels()];
        schedule.fill(start, &mut out);
        let mut peaks = vec![0.0; schedule.channels()];
        accumulate_peaks(out.into_iter(), &mut peaks);
        peaks
    }

    #[test]
    fn the_tone_plays_left_then_right_with_a_gap() {
        let schedule = ToneSchedule::each_channel(48_000, 2);
        assert_eq!(schedule.tone_frames, 28_800);
        assert_eq!(schedule.gap_frames, 12_000);
        assert_eq!(schedule.total_frames(), 2 * 40_800);
        assert_eq!(schedule.duration(), Duration::from_millis(1700));

        let left = peaks_of(&schedule, 1_000, 4_800);
        assert!(left[0] > 0.2 && left[0] <= TONE_AMPLITUDE, "{left:?}");
        assert_eq!(left[1], 0.0);
        let gap = peaks_of(&schedule, 30_000, 4_800);
        assert_eq!(gap, [0.0, 0.0]);
        let right = peaks_of(&schedule, 41_000, 4_800);
        assert_eq!(right[0], 0.0);
        assert!(right[1] > 0.2, "{right:?}");
        let after = peaks_of(&schedule, schedule.total_frames(), 4_800);
        assert_eq!(after, [0.0, 0.0]);
    }

    #[test]
    fn the_tone_fades_in_and_out() {
        let schedule = ToneSchedule::each_channel(48_000, 1);
        let mut first = [1.0f32; 1];
        schedule.fill(0, &mut first);
        assert_eq!(first, [0.0]);
        let mut last = [1.0f32; 1];
        schedule.fill(schedule.tone_frames - 1, &mut last);
        assert!(last[0].abs() < TONE_AMPLITUDE / 100.0, "{last:?}");
    }

    #[test]
    fn surround_plays_each_channel_once() {
        let schedule = ToneSchedule::each_channel(48_000, 6);
        for channel in 0..6u64 {
            let start = channel * (schedule.tone_frames + schedule.gap_frames) + 1_000;
            let peaks = peaks_of(&schedule, start, 2_400);
            for (index, peak) in peaks.iter().enumerate() {
                assert_eq!(*peak > 0.1, index as u64 == channel, "{channel}: {peaks:?}");
            }
        }
        let silent = ToneSchedule::each_channel(48_000, 0);
        assert_eq!(silent.total_frames(), 0);
        silent.fill(0, &mut []);
    }

    #[test]
    fn peaks_are_per_channel_absolute_and_clamped() {
        let mut peaks = vec![0.0; 2];
        accumulate_peaks(
            [0.1, -0.5, -0.3, 0.2, 2.0, f32::NAN].into_iter(),
            &mut peaks,
        );
        assert_eq!(peaks, [1.0, 0.5]);
        let bytes: Vec<u8> = [0.25f32, -0.75]
            .iter()
            .flat_map(|s| s.to_le_bytes())
            .collect();
        let mut peaks = vec![0.0; 2];
        accumulate_peaks(samples(&bytes), &mut peaks);
        assert_eq!(peaks, [0.25, 0.75]);
        accumulate_peaks([0.5].into_iter(), &mut []);
    }

    #[test]
    fn properties_refuse_nul_bytes() {
        assert!(properties(&[("node.name", "a\0b".to_owned())]).is_err());
    }
}
