//! The window component both apps embed (settings and greeter alike) as one
//! nested [`Message`]: the AT-SPI bridge, the latest accessible tree read after
//! every update (after focus moves, once the move is done), self-voicing of focus
//! and state changes, the Tab / Shift+Tab / arrow focus keys, a screen reader's
//! requests done the way keyboard and pointer do them, and the first-frame mark.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use ferrum_accessibility::Role;
use ferrum_accessibility::announce::{self, Vocabulary};
use ferrum_accessibility::bridge::{self, BridgeEvent, BridgeHandle, ScreenReaderAction};
use ferrum_accessibility::speech::{
    SpeechError, SpeechHandle, SpeechStatus, spawn_speaker, spawn_speaker_at,
};
use ferrum_accessibility::tree::{self, ControlAction, Snapshot};
use ferrum_i18n::fl;
use iced::advanced::widget::operate;
use iced::keyboard::{self, key};
use iced::widget::operation;
use iced::{Subscription, Task};

/// When the process started, for the first-frame measurement in the log.
pub static PROCESS_START: OnceLock<Instant> = OnceLock::new();
static FIRST_VIEW_LOGGED: AtomicBool = AtomicBool::new(false);

/// Logs, once per process, how long after start the first view was built.
pub fn mark_first_view() {
    if !FIRST_VIEW_LOGGED.swap(true, Ordering::Relaxed)
        && let Some(start) = PROCESS_START.get()
    {
        tracing::info!(
            elapsed_ms = start.elapsed().as_secs_f64() * 1000.0,
            "first view built"
        );
    }
}

/// What happens to the window itself.
#[derive(Debug, Clone)]
pub enum Message {
    /// Tab (or arrow down): the next focusable control.
    FocusNext,
    /// Shift+Tab (or arrow up): the previous focusable control.
    FocusPrevious,
    /// The accessible tree after an update.
    Snapshot(Snapshot),
    /// The AT-SPI bridge came up or a screen reader asked for something.
    Bridge(BridgeEvent),
    /// Nothing to do but draw a frame (lets a control act on a screen reader's request).
    Nudge,
    /// The speech service became reachable or unreachable.
    SpeechStatus(SpeechStatus),
}

impl Message {
    /// Whether the accessible tree is read again after this message (not
    /// after a tree read itself, nor when the bridge comes up).
    pub fn reads_tree(&self) -> bool {
        !matches!(
            self,
            Message::Snapshot(_) | Message::Bridge(BridgeEvent::Ready(_))
        )
    }

    /// Whether this message moves the keyboard focus (the tree is read once
    /// the move is done).
    pub fn moves_focus(&self) -> bool {
        matches!(
            self,
            Message::FocusNext | Message::FocusPrevious | Message::Bridge(BridgeEvent::Action(_))
        )
    }
}

/// Reads the accessible tree after `task`: once it is done when it moves the
/// focus, else alongside it. `wrap` puts the window's message into the app's.
pub fn then_read_tree<M: Send + 'static>(
    task: Task<M>,
    moves_focus: bool,
    wrap: fn(Message) -> M,
) -> Task<M> {
    let read = operate(tree::collect()).map(move |snapshot| wrap(Message::Snapshot(snapshot)));
    if moves_focus {
        task.chain(read)
    } else {
        Task::batch([task, read])
    }
}

/// The focus keys, for key presses no widget took: Tab and Shift+Tab, and the
/// arrows without modifiers.
pub fn focus_key(event: keyboard::Event) -> Option<Message> {
    let keyboard::Event::KeyPressed { key, modifiers, .. } = event else {
        return None;
    };
    match key.as_ref() {
        keyboard::Key::Named(key::Named::Tab) if modifiers.shift() => Some(Message::FocusPrevious),
        keyboard::Key::Named(key::Named::Tab) => Some(Message::FocusNext),
        keyboard::Key::Named(key::Named::ArrowDown) if modifiers.is_empty() => {
            Some(Message::FocusNext)
        }
        keyboard::Key::Named(key::Named::ArrowUp) if modifiers.is_empty() => {
            Some(Message::FocusPrevious)
        }
        _ => None,
    }
}

/// The window's accessibility state.
#[derive(Debug)]
pub struct Window {
    /// Publishes trees to AT-SPI once the bridge is up.
    pub bridge: Option<BridgeHandle>,
    /// The latest accessible tree.
    pub snapshot: Snapshot,
    voice: Option<SpeechHandle>,
    last_spoken: Option<(u64, String)>,
    speech_socket: Option<std::path::PathBuf>,
    speech_problem: Option<SpeechError>,
    client_name: &'static str,
    title: fn() -> String,
}

/// Translated words for announcements.
pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        role: |role| match role {
            Role::Button => fl!("role-button"),
            Role::Switch => fl!("role-switch"),
            Role::CheckBox => fl!("role-check-box"),
            Role::RadioButton => fl!("role-radio-button"),
            Role::RadioGroup => fl!("role-radio-group"),
            Role::Slider => fl!("role-slider"),
            Role::ListItem => fl!("role-list-item"),
            Role::List => fl!("role-list"),
            Role::TextInput => fl!("role-text-input"),
            Role::PasswordInput => fl!("role-password-input"),
            Role::Heading => fl!("role-heading"),
            Role::Label => fl!("role-label"),
            Role::Group => fl!("role-group"),
            Role::ProgressIndicator => fl!("role-progress"),
        },
        checked: (fl!("state-on"), fl!("state-off")),
        selected: fl!("state-selected"),
        disabled: fl!("state-unavailable"),
        characters: |count| fl!("secret-characters", count = count),
    }
}

impl Window {
    /// The window of the program `client_name` (as speechd knows it), whose
    /// accessible name is `title()` (read again on each publish: it follows
    /// the language). Self-voicing goes through the speech-dispatcher at
    /// `socket`, the user's default one when `None`.
    pub fn new(
        client_name: &'static str,
        title: fn() -> String,
        socket: Option<std::path::PathBuf>,
    ) -> Self {
        Self {
            bridge: None,
            snapshot: Snapshot::default(),
            voice: None,
            last_spoken: None,
            speech_socket: socket,
            speech_problem: None,
            client_name,
            title,
        }
    }

    /// Applies a window message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::FocusNext => operation::focus_next(),
            Message::FocusPrevious => operation::focus_previous(),
            Message::Snapshot(snapshot) => {
                let _ = self.take_snapshot(snapshot);
                Task::none()
            }
            Message::Bridge(BridgeEvent::Ready(handle)) => {
                self.bridge = Some(handle);
                Task::none()
            }
            Message::Bridge(BridgeEvent::Action(action)) => self.screen_reader(action),
            Message::Nudge => Task::none(),
            Message::SpeechStatus(status) => {
                self.set_speech_status(status);
                Task::none()
            }
        }
    }

    /// The AT-SPI bridge (the focus keys come through the app's own
    /// shortcut mapping, which ends with [`focus_key`]).
    pub fn subscription(&self) -> Subscription<Message> {
        Subscription::run_with(self.title, |title| bridge::events(title())).map(Message::Bridge)
    }

    /// Turns self-voicing on or off; when it starts, the task follows the
    /// speech service's status (so a page can say speech is missing).
    pub fn voicing(&mut self, on: bool) -> Task<Message> {
        self.set_voicing(on).map_or_else(Task::none, |statuses| {
            Task::run(statuses, Message::SpeechStatus)
        })
    }

    /// Whether self-voicing is on.
    pub fn is_voicing(&self) -> bool {
        self.voice.is_some()
    }

    /// A screen reader's request, done the way keyboard and pointer do it.
    fn screen_reader(&mut self, action: ScreenReaderAction) -> Task<Message> {
        let key = match action {
            ScreenReaderAction::Activate(key) | ScreenReaderAction::Focus(key) => key,
        };
        let Some(id) = self.snapshot.by_key(key).and_then(|node| node.id.clone()) else {
            tracing::debug!(key, "screen reader named an unknown control");
            return Task::none();
        };
        match action {
            ScreenReaderAction::Activate(_) => operate(tree::act(id, ControlAction::Activate))
                .discard()
                .chain(Task::done(Message::Nudge)),
            ScreenReaderAction::Focus(_) => operation::focus(id),
        }
    }

    /// Turns self-voicing on or off. When it starts, returns the stream of
    /// the speech service's status (so the page can say speech is missing).
    pub fn set_voicing(
        &mut self,
        on: bool,
    ) -> Option<impl futures::Stream<Item = SpeechStatus> + Send + use<>> {
        let started = on && self.voice.is_none();
        match (on, self.voice.is_some()) {
            (true, false) => {
                let voice = match &self.speech_socket {
                    Some(socket) => spawn_speaker_at(socket.clone(), self.client_name),
                    None => spawn_speaker(self.client_name),
                };
                voice.set_language(ferrum_i18n::current_locale().to_string());
                self.voice = Some(voice);
                self.last_spoken = None;
            }
            (false, true) => {
                if let Some(voice) = self.voice.take() {
                    voice.cancel();
                }
                self.speech_problem = None;
            }
            _ => {}
        }
        let receiver = self.voice.as_ref().filter(|_| started)?.status_receiver();
        Some(futures::stream::unfold(
            receiver,
            |mut receiver| async move {
                receiver.changed().await.ok()?;
                let status = receiver.borrow_and_update().clone();
                Some((status, receiver))
            },
        ))
    }

    /// Takes a new status of the speech service.
    pub fn set_speech_status(&mut self, status: SpeechStatus) {
        self.speech_problem = match status {
            SpeechStatus::Unavailable(error) if self.voice.is_some() => Some(error),
            _ => None,
        };
    }

    /// Why speech is not working, while self-voicing is on.
    pub fn speech_problem(&self) -> Option<&SpeechError> {
        self.speech_problem.as_ref()
    }

    /// Takes a new tree: publishes it and speaks the focused control when
    /// focus moved or its state changed. Returns what was spoken.
    pub fn take_snapshot(&mut self, snapshot: Snapshot) -> Option<String> {
        if let Some(bridge) = &self.bridge {
            bridge.publish(&(self.title)(), &snapshot);
        }
        let spoken = match (&self.voice, snapshot.focused()) {
            (Some(voice), Some(node)) => {
                let utterance = announce::utterance(&node.info, &vocabulary());
                let changed = self
                    .last_spoken
                    .as_ref()
                    .is_none_or(|(key, said)| *key != node.key || *said != utterance);
                if changed {
                    voice.say(utterance.clone());
                    self.last_spoken = Some((node.key, utterance.clone()));
                    Some(utterance)
                } else {
                    None
                }
            }
            _ => None,
        };
        self.snapshot = snapshot;
        spoken
    }
}
