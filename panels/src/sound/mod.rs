//! The Sound page: the output and the input in use (choice, volume, mute,
//! balance, live levels, a speaker test, volumes above 100 % when allowed),
//! every application's playback and recording stream (its own volume, mute
//! and device), and the sound devices' profiles. Everything goes through
//! `ferrum_services::audio` (PipeWire, and WirePlumber for the defaults).
//!
//! Nothing shown while a command runs can outlive it: a command is kept in
//! [`State::pending`] from the moment it is asked for until its answer
//! ([`Message::Done`]) comes back. A slider sends one volume at a time per
//! control: values dragged past while one is under way wait in
//! [`State::queued`] (only the latest is kept) and go when the answer comes,
//! so a drag neither floods PipeWire nor loses its last value. What a
//! slider shows while its change is under way is read from those two lists.

mod describe;
mod view;

use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use ferrum_accessibility::preferences::{self, PreferencesError};
use serde::{Deserialize, Serialize};

use ferrum_i18n::fl;
use ferrum_services::SystemBus;
use ferrum_services::audio::{
    self, Action, AudioError, AudioSession, DeviceId, Direction, NodeId, Snapshot, StreamDirection,
    StreamTarget, Update, VolumeChange, VolumeLimit,
};
use futures::StreamExt;
use iced::{Element, Subscription};

use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;

use crate::page::{self, Context, Outcome, Page, PageRequest};

pub use describe::{ProfileKind, command_error, error_sentence, profile_kind, profile_sentence};

/// The user's PipeWire as the page's subscriptions know it. The settings
/// app has one, so every instance hashes alike.
#[derive(Clone, Debug)]
pub struct Audio(pub AudioSession);

impl Hash for Audio {
    fn hash<H: Hasher>(&self, state: &mut H) {
        "sound".hash(state);
    }
}

/// The page's state.
#[derive(Debug, Clone)]
pub struct State {
    audio: Audio,
    /// What PipeWire reports.
    pub sound: ServiceStatus<Snapshot, AudioError>,
    /// The last snapshot before PipeWire went away: a command that fails
    /// because it is gone still names what it was for.
    last_seen: Option<Snapshot>,
    /// Counts PipeWire's returns: a meter that ended while PipeWire was away
    /// starts again under a new key even when its node kept its id.
    pub generation: u32,
    /// Commands asked for and not answered yet.
    pub pending: Vec<Action>,
    /// Volume changes waiting for the one under way on the same control
    /// (one per control: the latest).
    pub queued: Vec<Action>,
    /// Whether volumes may go above 100 % (up to 150 %): the person's
    /// choice, saved in `sound.toml` beside the accessibility preferences.
    pub limit: VolumeLimit,
    /// Where the page's choices are saved (`None`: not saved).
    preferences_path: Option<PathBuf>,
    /// Whether the saved choices were asked for (once).
    preferences_read: bool,
    /// Whether the person used the switch (a saved choice read later does
    /// not override theirs).
    louder_chosen: bool,
    /// The default input's level, and the default output's while something
    /// plays to it.
    pub levels: Levels,
    /// The last failed command.
    pub error: Option<ErrorReport>,
}

/// The meters' last readings, 0.0 … 1.0 (`Err`: the meter stopped, and why).
#[derive(Debug, Clone, PartialEq)]
pub struct Levels {
    /// The default output's, while something plays.
    pub output: Result<f32, AudioError>,
    /// The default input's.
    pub input: Result<f32, AudioError>,
}

impl Default for Levels {
    fn default() -> Self {
        Self {
            output: Ok(0.0),
            input: Ok(0.0),
        }
    }
}

/// Which meter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Meter {
    /// The default output's (its monitor).
    Output,
    /// The default input's.
    Input,
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The watch stream: a snapshot, or PipeWire gone.
    Watched(Update),
    /// A meter's new reading (only changes are sent), or why it stopped.
    Level(Meter, Result<f32, AudioError>),
    /// An output or input was chosen as the default.
    DefaultChosen(Direction, NodeId),
    /// A volume slider (an output, input or stream) moved to this fraction.
    Volume(NodeId, f32),
    /// The balance slider moved (−1.0 left … 1.0 right).
    Balance(NodeId, f32),
    /// A mute switch.
    Mute(NodeId, bool),
    /// An application's stream was sent to another device.
    Move(NodeId, StreamTarget),
    /// A device's profile was chosen (by PipeWire's index).
    Profile(DeviceId, u32),
    /// An output's or input's port (connector) was chosen (by PipeWire's
    /// route index).
    Port(NodeId, u32),
    /// "Test speakers" on an output.
    TestSpeakers(NodeId),
    /// The "Louder than 100 %" switch.
    AllowAmplification(bool),
    /// The saved choices, read when the page is first shown.
    Loaded(Result<SoundPreferences, PreferencesError>),
    /// The choices were written (or why not).
    Saved(Result<(), PreferencesError>),
    /// A command finished.
    Done(Action, Result<(), AudioError>),
    /// The user acted on the error report.
    Report(error_report::Message),
}

/// Which control a command comes from: two commands of one control are
/// never under way at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Control {
    Default(Direction),
    Master(NodeId),
    Balance(NodeId),
    Mute(NodeId),
    Target(NodeId),
    Profile(DeviceId),
    Port(NodeId),
    Test(NodeId),
}

impl Control {
    fn of(action: &Action) -> Self {
        match action {
            Action::SetDefault { direction, .. } => Self::Default(*direction),
            Action::SetVolume { node, change, .. } => match change {
                VolumeChange::Balance(_) => Self::Balance(*node),
                _ => Self::Master(*node),
            },
            Action::SetMute { node, .. } => Self::Mute(*node),
            Action::MoveStream { stream, .. } => Self::Target(*stream),
            Action::SetProfile { device, .. } => Self::Profile(*device),
            Action::SetPort { node, .. } => Self::Port(*node),
            Action::TestSpeakers { output } => Self::Test(*output),
        }
    }
}

/// The person's choices on the page that outlive it (`sound.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SoundPreferences {
    /// Volumes may go above 100 % (up to 150 %).
    pub allow_louder: bool,
}

/// Work that `update` asks the caller to run off the UI thread.
#[derive(Debug, Clone)]
pub enum Request {
    /// A change for PipeWire, on the page's session.
    Act {
        /// The session to run it on.
        audio: Audio,
        /// What to do.
        action: Action,
    },
    /// Read the saved choices.
    Load(PathBuf),
    /// Write the choices.
    Save(PathBuf, SoundPreferences),
}

impl Request {
    /// The change for PipeWire, if this is one.
    pub fn action(&self) -> Option<&Action> {
        match self {
            Self::Act { action, .. } => Some(action),
            _ => None,
        }
    }
}

/// Requests are equal when they do the same (a page has one session).
impl PartialEq for Request {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Act { action: a, .. }, Self::Act { action: b, .. }) => a == b,
            (Self::Load(a), Self::Load(b)) => a == b,
            (Self::Save(a, x), Self::Save(b, y)) => a == b && x == y,
            _ => false,
        }
    }
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, _bus: SystemBus) -> Message {
        match self {
            Self::Act { audio, action } => {
                let result = action.clone().run(&audio.0).await;
                Message::Done(action, result)
            }
            Self::Load(path) => {
                let target = path.clone();
                let read =
                    tokio::task::spawn_blocking(move || preferences::load_file(&target)).await;
                Message::Loaded(read.unwrap_or_else(|error| {
                    Err(PreferencesError::Io {
                        path,
                        reason: format!("the reader stopped: {error}"),
                    })
                }))
            }
            Self::Save(path, choices) => {
                let target = path.clone();
                let written =
                    tokio::task::spawn_blocking(move || preferences::save_file(&choices, &target))
                        .await;
                Message::Saved(written.unwrap_or_else(|error| {
                    Err(PreferencesError::Io {
                        path,
                        reason: format!("the writer stopped: {error}"),
                    })
                }))
            }
        }
    }
}

impl State {
    /// A page that has heard nothing yet, on this PipeWire, its choices
    /// saved in `preferences_path`.
    pub fn with(session: AudioSession, preferences_path: Option<PathBuf>) -> Self {
        Self {
            preferences_path,
            ..Self::on(session)
        }
    }

    /// A page that has heard nothing yet, on this PipeWire (its choices not
    /// saved).
    pub fn on(session: AudioSession) -> Self {
        Self {
            audio: Audio(session),
            sound: ServiceStatus::Loading,
            last_seen: None,
            generation: 0,
            pending: Vec::new(),
            queued: Vec::new(),
            limit: VolumeLimit::Normal,
            preferences_path: None,
            preferences_read: false,
            louder_chosen: false,
            levels: Levels::default(),
            error: None,
        }
    }

    /// The latest snapshot, when PipeWire is there.
    pub fn snapshot(&self) -> Option<&Snapshot> {
        self.sound.ready()
    }

    /// The page's PipeWire.
    pub fn session(&self) -> &AudioSession {
        &self.audio.0
    }

    /// The command under way or waiting for a control, the latest first.
    fn latest_for(&self, control: Control) -> Option<&Action> {
        self.queued
            .iter()
            .chain(&self.pending)
            .find(|command| Control::of(command) == control)
    }

    /// What a node's volume slider shows: the value asked for while it is
    /// on its way, else PipeWire's.
    pub fn shown_volume(&self, node: NodeId) -> Option<f32> {
        if let Some(Action::SetVolume {
            change: VolumeChange::Master(slider),
            ..
        }) = self.latest_for(Control::Master(node))
        {
            return Some(*slider);
        }
        let snapshot = self.snapshot()?;
        let volume = snapshot
            .endpoint(node)
            .and_then(|endpoint| endpoint.volume.as_ref())
            .or_else(|| snapshot.stream(node).and_then(|s| s.volume.as_ref()))?;
        Some(volume.master())
    }

    /// What the balance slider of an output shows.
    pub fn shown_balance(&self, node: NodeId) -> Option<f32> {
        if let Some(Action::SetVolume {
            change: VolumeChange::Balance(balance),
            ..
        }) = self.latest_for(Control::Balance(node))
        {
            return Some(*balance);
        }
        let volume = self.snapshot()?.endpoint(node)?.volume.as_ref()?;
        Some(volume.balance())
    }

    /// Whether a node shows as muted (the switch's state while it is on its
    /// way).
    pub fn shown_mute(&self, node: NodeId) -> bool {
        if let Some(Action::SetMute { mute, .. }) = self.latest_for(Control::Mute(node)) {
            return *mute;
        }
        let Some(snapshot) = self.snapshot() else {
            return false;
        };
        snapshot
            .endpoint(node)
            .and_then(|endpoint| endpoint.volume.as_ref())
            .or_else(|| snapshot.stream(node).and_then(|s| s.volume.as_ref()))
            .is_some_and(|volume| volume.mute)
    }

    /// Whether the speaker test plays on an output.
    pub fn testing(&self, output: NodeId) -> bool {
        self.pending.contains(&Action::TestSpeakers { output })
    }

    /// The command under way for a control of this kind, if any.
    pub fn is_pending(&self, command: &Action) -> bool {
        self.pending
            .iter()
            .any(|pending| Control::of(pending) == Control::of(command))
    }

    /// The default output while an application plays to it: the output
    /// meter runs only then (measuring an idle output would keep it awake).
    pub fn playing_output(&self) -> Option<NodeId> {
        let snapshot = self.snapshot()?;
        let output = snapshot.default_endpoint(Direction::Output)?.id;
        snapshot
            .streams
            .iter()
            .any(|stream| {
                stream.direction == StreamDirection::Playback && stream.linked_to.contains(&output)
            })
            .then_some(output)
    }

    /// The default input, measured while the page is shown.
    pub fn measured_input(&self) -> Option<NodeId> {
        Some(self.snapshot()?.default_endpoint(Direction::Input)?.id)
    }

    fn request(&self, command: Action) -> Outcome<Request> {
        Outcome::request(Request::Act {
            audio: self.audio.clone(),
            action: command,
        })
    }

    /// Starts a command, or keeps it for later when its control has one
    /// under way (volumes: the latest value wins) — or drops it when the
    /// same command is already under way.
    fn start(&mut self, command: Action) -> Outcome<Request> {
        // The same as the latest asked for this control: nothing new. (Not
        // compared with the snapshot: it may not show an answered change yet.)
        let control = Control::of(&command);
        if self.latest_for(control) == Some(&command) {
            return Outcome::none();
        }
        if self
            .pending
            .iter()
            .any(|pending| Control::of(pending) == control)
        {
            self.queued.retain(|queued| Control::of(queued) != control);
            self.queued.push(command);
            return Outcome::none();
        }
        self.error = None;
        self.pending.push(command.clone());
        self.request(command)
    }

    fn watched(&mut self, update: Update) {
        match update {
            Update::Snapshot(snapshot) => {
                if !matches!(self.sound, ServiceStatus::Ready(_)) {
                    self.generation = self.generation.wrapping_add(1);
                    self.levels = Levels::default();
                }
                self.sound = ServiceStatus::Ready(snapshot);
            }
            Update::Unavailable(error) => {
                let gone = match error {
                    AudioError::NotRunning => ServiceStatus::Unavailable,
                    error => ServiceStatus::Failed(error),
                };
                if let ServiceStatus::Ready(snapshot) = std::mem::replace(&mut self.sound, gone) {
                    self.last_seen = Some(snapshot);
                }
                // What waited for PipeWire will not be sent to the next one.
                self.queued.clear();
                self.levels = Levels::default();
            }
        }
    }

    fn done(&mut self, command: Action, result: Result<(), AudioError>) -> Outcome<Request> {
        if let Some(at) = self.pending.iter().position(|pending| *pending == command) {
            self.pending.remove(at);
        }
        let control = Control::of(&command);
        let next = self
            .queued
            .iter()
            .position(|queued| Control::of(queued) == control)
            .map(|at| self.queued.remove(at));
        if let Err(error) = result {
            tracing::warn!(?command, %error, "sound command failed");
            let names = |node: NodeId| self.node_name(node);
            let device = |device: DeviceId| self.device_name(device);
            self.error = Some(command_error(&command, &names, &device, &error));
            // A later value for a control that failed is not sent on top:
            // the person sees the failure and what PipeWire really has.
            if error.is_absence() {
                self.queued.clear();
            }
            return Outcome::none();
        }
        match next {
            Some(next) => self.start(next),
            None => Outcome::none(),
        }
    }

    /// The snapshot to name things from: the current one, else the last.
    fn names(&self) -> Option<&Snapshot> {
        self.snapshot().or(self.last_seen.as_ref())
    }

    /// A node's name as shown (an application's, a device's description).
    pub fn node_name(&self, node: NodeId) -> String {
        let Some(snapshot) = self.names() else {
            return node.to_string();
        };
        if let Some(endpoint) = snapshot.endpoint(node) {
            return endpoint.description.clone();
        }
        snapshot
            .stream(node)
            .map_or_else(|| node.to_string(), describe::stream_name)
    }

    /// A device's name as shown.
    pub fn device_name(&self, device: DeviceId) -> String {
        self.names()
            .and_then(|snapshot| snapshot.device(device))
            .map_or_else(|| device.to_string(), |d| d.description.clone())
    }

    fn apply(&mut self, message: Message) -> Outcome<Request> {
        match message {
            Message::Watched(update) => {
                self.watched(update);
                Outcome::none()
            }
            Message::Level(meter, level) => {
                if let Err(error) = &level {
                    tracing::info!(?meter, %error, "level meter stopped");
                }
                match meter {
                    Meter::Output => self.levels.output = level,
                    Meter::Input => self.levels.input = level,
                }
                Outcome::none()
            }
            Message::DefaultChosen(direction, node) => {
                let current = self
                    .snapshot()
                    .and_then(|snapshot| snapshot.default_endpoint(direction))
                    .map(|endpoint| endpoint.id);
                if current == Some(node) && self.latest_for(Control::Default(direction)).is_none() {
                    return Outcome::none();
                }
                self.start(Action::SetDefault { direction, node })
            }
            Message::Volume(node, slider) => {
                let slider = slider.clamp(0.0, self.limit.max_slider());
                self.start(Action::SetVolume {
                    node,
                    change: VolumeChange::Master(slider),
                    limit: self.limit,
                })
            }
            Message::Balance(node, balance) => {
                let balance = balance.clamp(-1.0, 1.0);
                self.start(Action::SetVolume {
                    node,
                    change: VolumeChange::Balance(balance),
                    limit: self.limit,
                })
            }
            Message::Mute(node, mute) => self.start(Action::SetMute { node, mute }),
            Message::Move(stream, target) => self.start(Action::MoveStream { stream, target }),
            Message::Profile(device, profile) => {
                let active = self
                    .snapshot()
                    .and_then(|snapshot| snapshot.device(device))
                    .and_then(|device| device.active_profile);
                if active == Some(profile) && self.latest_for(Control::Profile(device)).is_none() {
                    return Outcome::none();
                }
                self.start(Action::SetProfile { device, profile })
            }
            Message::Port(node, port) => {
                let active = self
                    .snapshot()
                    .and_then(|snapshot| snapshot.endpoint(node))
                    .and_then(|endpoint| endpoint.active_port())
                    .map(|port| port.index);
                if active == Some(port) && self.latest_for(Control::Port(node)).is_none() {
                    return Outcome::none();
                }
                self.start(Action::SetPort { node, port })
            }
            Message::TestSpeakers(output) => {
                if self.testing(output) {
                    return Outcome::none();
                }
                self.start(Action::TestSpeakers { output })
            }
            Message::AllowAmplification(on) => {
                self.limit = if on {
                    VolumeLimit::Amplified
                } else {
                    VolumeLimit::Normal
                };
                self.louder_chosen = true;
                let choices = SoundPreferences { allow_louder: on };
                Outcome::maybe(
                    self.preferences_path
                        .clone()
                        .map(|path| Request::Save(path, choices)),
                )
            }
            Message::Loaded(read) => {
                match read {
                    Ok(choices) => {
                        if choices.allow_louder && !self.louder_chosen {
                            self.limit = VolumeLimit::Amplified;
                        }
                    }
                    Err(error) => {
                        tracing::warn!(%error, "sound preferences unreadable");
                        self.error = Some(ErrorReport::new(
                            fl!("sound-preferences-invalid"),
                            error.to_string(),
                        ));
                    }
                }
                Outcome::none()
            }
            Message::Saved(result) => {
                if let Err(error) = result {
                    tracing::warn!(%error, "sound preferences not saved");
                    self.error = Some(ErrorReport::new(
                        fl!("sound-preferences-not-saved"),
                        error.to_string(),
                    ));
                }
                Outcome::none()
            }
            Message::Done(command, result) => self.done(command, result),
            Message::Report(message) => page::report(&mut self.error, message),
        }
    }
}

impl Page for State {
    type Message = Message;
    type Request = Request;

    fn new(context: &Context) -> Self {
        let path = context
            .preferences_path
            .as_ref()
            .map(|path| path.with_file_name("sound.toml"));
        Self::with(context.audio.clone(), path)
    }

    /// The saved choices are read the first time the page is shown.
    fn enter(&mut self) -> Outcome<Request> {
        if self.preferences_read {
            return Outcome::none();
        }
        self.preferences_read = true;
        Outcome::maybe(self.preferences_path.clone().map(Request::Load))
    }

    fn title() -> String {
        fl!("sound-title")
    }

    fn keywords() -> String {
        fl!("sound-title.keywords")
    }

    fn update(&mut self, message: Message) -> Outcome<Request> {
        self.apply(message)
    }

    fn view(&self) -> Element<'_, Message> {
        view::page(self)
    }

    /// PipeWire's live picture, the input's level, and the output's while
    /// something plays; only while the page is shown.
    fn subscription(&self) -> Subscription<Message> {
        let mut subscriptions = vec![Subscription::run_with(self.audio.clone(), watch_stream)];
        let meters = [
            (Meter::Input, self.measured_input()),
            (Meter::Output, self.playing_output()),
        ];
        for (meter, node) in meters {
            if let Some(node) = node {
                let key = MeterKey {
                    audio: self.audio.clone(),
                    meter,
                    node,
                    generation: self.generation,
                };
                subscriptions.push(Subscription::run_with(key, meter_stream));
            }
        }
        Subscription::batch(subscriptions)
    }
}

/// A meter's subscription: which meter on which node, in which of
/// PipeWire's lives.
#[derive(Debug, Clone)]
pub struct MeterKey {
    /// The session.
    pub audio: Audio,
    /// Which meter.
    pub meter: Meter,
    /// The node measured.
    pub node: NodeId,
    /// [`State::generation`] when it started.
    pub generation: u32,
}

impl Hash for MeterKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.meter.hash(state);
        self.node.hash(state);
        self.generation.hash(state);
    }
}

/// The steps a level is shown in (2 %): readings within a step are not
/// sent again, so silence costs no redraws.
pub const LEVEL_STEPS: f32 = 50.0;

/// The stream behind the watch subscription (also used by tests).
pub fn watch_stream(audio: &Audio) -> impl futures::Stream<Item = Message> + use<> {
    let updates: futures::stream::BoxStream<'static, Update> = Box::pin(audio::watch(&audio.0));
    updates.map(Message::Watched)
}

/// The stream behind a meter's subscription: only changed readings (in
/// [`LEVEL_STEPS`]), then why it stopped.
pub fn meter_stream(key: &MeterKey) -> impl futures::Stream<Item = Message> + use<> {
    let meter = key.meter;
    let peaks: futures::stream::BoxStream<'static, _> =
        Box::pin(audio::level_meter(&key.audio.0, key.node));
    peaks
        .scan(None::<u32>, move |last, reading| {
            let message = match reading {
                Ok(peaks) => {
                    let step = (peaks.max().clamp(0.0, 1.0) * LEVEL_STEPS).round() as u32;
                    if *last == Some(step) {
                        None
                    } else {
                        *last = Some(step);
                        Some(Message::Level(meter, Ok(step as f32 / LEVEL_STEPS)))
                    }
                }
                Err(error) => Some(Message::Level(meter, Err(error))),
            };
            futures::future::ready(Some(message))
        })
        .filter_map(futures::future::ready)
}

#[cfg(test)]
mod tests;
