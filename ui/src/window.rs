//! The window component both apps embed (settings and greeter alike) as one
//! nested [`Message`]: the AT-SPI bridge, the latest accessible tree read after
//! every update (after focus moves, once the move is done), self-voicing of focus
//! and state changes, the Tab / Shift+Tab / arrow focus keys (each move
//! scrolls the focused control into view: [`crate::scroll`]), a screen reader's
//! requests done the way keyboard and pointer do them, and the first-frame mark.
//!
//! Tree reads are numbered when they run (on the UI thread, in order) and a
//! read older than the newest one taken is dropped: each read's result comes
//! back through its own task, and those can arrive in any order.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use ferrum_accessibility::Role;
use ferrum_accessibility::announce::{self, Vocabulary};
use ferrum_accessibility::bridge::{self, BridgeEvent, BridgeHandle, ScreenReaderAction};
use ferrum_accessibility::speech::{
    SpeechError, SpeechHandle, SpeechStatus, spawn_speaker, spawn_speaker_at,
};
use ferrum_accessibility::tree::{self, ControlAction, Snapshot};

use ferrum_i18n::fl;
use iced::advanced::widget::{Operation, operate};
use iced::keyboard::{self, key};
use iced::{Subscription, Task};

use crate::scroll;

/// How long an alert is repeated at the start of what is said next (speech
/// interrupts itself, and a screen often changes again right after an error).
pub const ALERT_REPEAT: std::time::Duration = std::time::Duration::from_millis(1500);

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

/// Why no window can be shown: there is no Wayland display to draw on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoDisplay {
    /// Neither `WAYLAND_DISPLAY` nor `WAYLAND_SOCKET` is set.
    NotSet,
    /// `WAYLAND_DISPLAY` names a socket that does not exist.
    Missing(std::path::PathBuf),
}

impl std::fmt::Display for NoDisplay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoDisplay::NotSet => f.write_str(&fl!("no-display")),
            NoDisplay::Missing(path) => {
                f.write_str(&fl!("no-display-socket", path = path.display().to_string()))
            }
        }
    }
}

/// Checks, before the toolkit tries (and panics inside winit), that there is
/// a Wayland display to connect to. `env` reads an environment variable.
pub fn wayland_display(env: impl Fn(&str) -> Option<String>) -> Result<(), NoDisplay> {
    if env("WAYLAND_SOCKET").is_some_and(|fd| !fd.is_empty()) {
        return Ok(());
    }
    let display = env("WAYLAND_DISPLAY")
        .filter(|name| !name.is_empty())
        .ok_or(NoDisplay::NotSet)?;
    let path = std::path::PathBuf::from(&display);
    let socket = if path.is_absolute() {
        path
    } else {
        let runtime = env("XDG_RUNTIME_DIR").ok_or(NoDisplay::Missing(path.clone()))?;
        std::path::Path::new(&runtime).join(path)
    };
    if socket.exists() {
        Ok(())
    } else {
        Err(NoDisplay::Missing(socket))
    }
}

/// What happens to the window itself.
#[derive(Debug, Clone)]
pub enum Message {
    /// Tab (or arrow down): the next focusable control.
    FocusNext,
    /// Shift+Tab (or arrow up): the previous focusable control.
    FocusPrevious,
    /// The accessible tree after an update (an older read than one taken is dropped).
    Snapshot(TreeReading),
    /// The AT-SPI bridge came up or a screen reader asked for something.
    Bridge(BridgeEvent),
    /// Nothing to do but draw a frame (lets a control act on a screen reader's request).
    Nudge,
    /// The speech service became reachable or unreachable.
    SpeechStatus(SpeechStatus),
}

impl Message {
    /// Whether the accessible tree is read again after this message: after
    /// everything but a tree read itself. When the bridge comes up the tree is
    /// read at once, so a screen reader that explores the window at start
    /// finds the page even where nothing else happens (the Accessibility page
    /// follows no daemon).
    pub fn reads_tree(&self) -> bool {
        !matches!(self, Message::Snapshot(_))
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

/// When the accessible tree is read after an app's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeRead {
    /// Whether it is read at all.
    pub read: bool,
    /// Whether it is read once the message's task is done (focus moves).
    pub after_focus: bool,
}

impl TreeRead {
    /// For an app message that carries `window` (the window component's own
    /// message, if it is one) and, by the app's own account, `moves_focus`.
    pub fn of(window: Option<&Message>, moves_focus: bool) -> Self {
        match window {
            Some(message) => Self {
                read: message.reads_tree(),
                after_focus: message.moves_focus(),
            },
            None => Self {
                read: true,
                after_focus: moves_focus,
            },
        }
    }

    /// `task`, followed by the tree read this calls for.
    pub fn after<M: Send + 'static>(self, task: Task<M>, wrap: fn(Message) -> M) -> Task<M> {
        if self.read {
            then_read_tree(task, self.after_focus, wrap)
        } else {
            task
        }
    }
}

/// How many tree reads have run in this process: the number of the latest.
static TREE_READS: AtomicU64 = AtomicU64::new(0);

/// One read of the accessible tree, numbered in the order the reads ran.
///
/// Reads run on the UI thread in order, but each one's result comes back
/// through its own task, and those can arrive in any order: a read made
/// before a focus move (a message updated in the same batch as the one that
/// moves it, read between the new view and the move) could otherwise arrive
/// after the read made after it and be published for good. The number
/// orders them: [`Window`] never lets an older read replace a newer one.
#[derive(Debug, Clone)]
pub struct TreeReading {
    number: u64,
    snapshot: Snapshot,
}

impl TreeReading {
    /// The next read's number: later than every read made before it.
    fn next(snapshot: Snapshot) -> Self {
        Self {
            number: TREE_READS.fetch_add(1, Ordering::Relaxed) + 1,
            snapshot,
        }
    }

    /// The tree read.
    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }
}

/// The operation that reads the accessible tree, numbered when it is done.
fn read_tree() -> impl Operation<TreeReading> {
    iced::advanced::widget::operation::map(Box::new(tree::collect()), TreeReading::next)
}

/// Sets up the process of a window app: marks its start (for the
/// first-frame figure) and sends its log to standard error, at the level
/// `RUST_LOG` asks for (info by default).
pub fn start_process() {
    let _ = PROCESS_START.set(Instant::now());
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
}

/// What a Ferrum window app offers the runtime (both apps implement it, so
/// they start the same way through [`run`]).
pub trait App: Sized + 'static {
    /// Everything that can happen in the window.
    type Message: std::fmt::Debug + Clone + Send + 'static;

    /// Applies a message.
    fn update(&mut self, message: Self::Message) -> Task<Self::Message>;
    /// Draws the window.
    fn view(&self) -> iced::Element<'_, Self::Message>;
    /// The window title.
    fn title(&self) -> String;
    /// The theme in force.
    fn theme(&self) -> iced::Theme;
    /// The scale of everything (large text).
    fn scale_factor(&self) -> f32;
    /// Live updates and keys.
    fn subscription(&self) -> Subscription<Self::Message>;
}

/// The window's content on a surface of the theme's background colour, drawn as a quad of
/// its own.
///
/// iced's software renderer (tiny-skia: what draws where there is no GPU, as in the image)
/// compares a frame with the one in the buffer it draws into — two frames back, with the
/// display's double buffering — but looks for a change of background colour in the last
/// frame only. So the second frame after a change of style repaints only where widgets
/// differ from two frames back, and the gaps between them keep the old style's background:
/// the image e2e saw a dark Appearance page with its headings on light boxes. With the
/// background drawn as a quad, its colour is a difference like any other, and a change of
/// style repaints the whole window.
pub fn painted<'a, Message: 'a>(
    content: impl Into<iced::Element<'a, Message>>,
) -> iced::Element<'a, Message> {
    iced::widget::container(content)
        .width(iced::Length::Fill)
        .height(iced::Length::Fill)
        .style(|theme: &iced::Theme| iced::widget::container::Style {
            background: Some(theme.palette().background.into()),
            ..iced::widget::container::Style::default()
        })
        .into()
}

/// Runs a window app of `size` until it closes; `what` names it in the log if
/// it cannot be shown. Returns the process's exit code.
pub fn run<A: App>(
    boot: impl Fn() -> (A, Task<A::Message>) + 'static,
    size: (f32, f32),
    what: &str,
) -> std::process::ExitCode {
    let result = iced::application(boot, A::update, A::view)
        .title(A::title)
        .theme(A::theme)
        .scale_factor(A::scale_factor)
        .subscription(A::subscription)
        .default_font(crate::theme::DEFAULT_FONT)
        .window_size(size)
        .run();
    exit_code(result, what)
}

/// The process's exit code once the window has closed: success, or a
/// failure logged with `what` could not be shown.
pub fn exit_code(result: iced::Result, what: &str) -> std::process::ExitCode {
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "{what} could not be shown");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Reads the accessible tree after `task`: once it is done when it moves the
/// focus, else alongside it. `wrap` puts the window's message into the app's.
pub fn then_read_tree<M: Send + 'static>(
    task: Task<M>,
    moves_focus: bool,
    wrap: fn(Message) -> M,
) -> Task<M> {
    let read = operate(read_tree()).map(move |reading| wrap(Message::Snapshot(reading)));
    if moves_focus {
        task.chain(read)
    } else {
        Task::batch([task, read])
    }
}

/// Parts said in a row: each ends with a full stop unless it already ends a
/// sentence ("That did not work." + "Password" → "That did not work. Password").
fn join_sentences(parts: &[String]) -> String {
    let mut sentence = String::new();
    for part in parts {
        if !sentence.is_empty() {
            let ended = sentence.ends_with(['.', '!', '?', '…', '。', '！', '？', '؟']);
            sentence.push_str(if ended { " " } else { ". " });
        }
        sentence.push_str(part);
    }
    sentence
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
    /// The number of the newest tree read taken (0: none yet).
    newest_read: u64,
    voice: Option<SpeechHandle>,
    last_spoken: Option<(u64, String)>,
    speech_socket: Option<std::path::PathBuf>,
    speech_problem: Option<SpeechError>,
    client_name: &'static str,
    title: fn() -> String,
    /// Said before the next announcement ("Reading aloud on").
    pending: Option<String>,
    /// Alerts heard lately: (node key, words, when first said).
    recent_alerts: Vec<(u64, String, Instant)>,
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
            Role::Alert => fl!("role-alert"),
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
            newest_read: 0,
            voice: None,
            last_spoken: None,
            speech_socket: socket,
            speech_problem: None,
            client_name,
            title,
            pending: None,
            recent_alerts: Vec::new(),
        }
    }

    /// Applies a window message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            // Each move is followed by scrolling the focused control into view.
            Message::FocusNext => scroll::focus_next(),
            Message::FocusPrevious => scroll::focus_previous(),
            Message::Snapshot(reading) => {
                let _ = self.take_reading(reading);
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
            ScreenReaderAction::Focus(_) => scroll::focus(id),
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
                // Said first in the next sentence: `say` interrupts, and the
                // focused control is announced right after this update.
                self.pending = Some(fl!("voicing-on"));
                self.voice = Some(voice);
                self.last_spoken = None;
            }
            (false, true) => {
                if let Some(voice) = self.voice.take() {
                    // Said, not cut short: the speech task finishes the sentence.
                    voice.say(fl!("voicing-off"));
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

    /// Takes a tree read, unless a newer read was taken already (then it is
    /// stale: it may show the focus before it moved). Returns what was spoken.
    fn take_reading(&mut self, reading: TreeReading) -> Option<String> {
        if reading.number <= self.newest_read {
            tracing::debug!(
                read = reading.number,
                newest = self.newest_read,
                "an older tree read arrived late and was dropped"
            );
            return None;
        }
        self.newest_read = reading.number;
        self.take_snapshot(reading.snapshot)
    }

    /// Takes a new tree: publishes it, and speaks what appeared that must be
    /// heard (alerts: errors, notices, PAM messages) followed by the focused
    /// control when focus moved or its state changed. Returns what was spoken.
    pub fn take_snapshot(&mut self, snapshot: Snapshot) -> Option<String> {
        if let Some(bridge) = &self.bridge {
            bridge.publish(&(self.title)(), &snapshot);
        }
        let spoken = if self.voice.is_some() {
            self.announcement(&snapshot)
        } else {
            None
        };
        if let (Some(voice), Some(sentence)) = (&self.voice, &spoken) {
            voice.say(sentence.clone());
        }
        self.snapshot = snapshot;
        spoken
    }

    /// What to say for a new tree: "Reading aloud on" if it was just turned
    /// on, the alerts that appeared, then the focused control if focus moved
    /// or its state changed. Speech interrupts itself, so an alert heard in
    /// the last [`ALERT_REPEAT`] and still on screen starts every sentence
    /// said meanwhile: a refused password followed at once by the refreshed
    /// password field is heard as "That did not work… Password, password
    /// field".
    fn announcement(&mut self, snapshot: &Snapshot) -> Option<String> {
        let now = Instant::now();
        let new: Vec<(u64, String)> = announce::new_alerts(&self.snapshot, snapshot)
            .into_iter()
            .filter_map(|name| {
                snapshot
                    .nodes
                    .iter()
                    .find(|node| node.info.role == Role::Alert && node.info.name == name)
                    .map(|node| (node.key, name.to_owned()))
            })
            .collect();
        let has_new = !new.is_empty();
        self.recent_alerts.retain(|(key, name, said)| {
            now.duration_since(*said) < ALERT_REPEAT
                && snapshot
                    .nodes
                    .iter()
                    .any(|node| node.key == *key && node.info.name == *name)
        });
        self.recent_alerts
            .extend(new.into_iter().map(|(key, name)| (key, name, now)));
        let mut focus = None;
        if let Some(node) = snapshot.focused() {
            let utterance = announce::utterance(&node.info, &vocabulary());
            let changed = self
                .last_spoken
                .as_ref()
                .is_none_or(|(key, said)| *key != node.key || *said != utterance);
            if changed {
                self.last_spoken = Some((node.key, utterance.clone()));
                focus = Some(utterance);
            }
        }
        if self.pending.is_none() && !has_new && focus.is_none() {
            return None;
        }
        let parts: Vec<String> = self
            .pending
            .take()
            .into_iter()
            .chain(self.recent_alerts.iter().map(|(_, name, _)| name.clone()))
            .chain(focus)
            .collect();
        Some(join_sentences(&parts))
    }
}

#[cfg(test)]
mod tests {
    use ferrum_accessibility::tree::SnapshotNode;

    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        |name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    }

    fn node(key: u64, role: Role, name: &str, focused: bool) -> SnapshotNode {
        SnapshotNode {
            key,
            id: None,
            info: ferrum_accessibility::AccessibleInfo::new(role, name),
            bounds: iced::Rectangle::new(iced::Point::ORIGIN, iced::Size::new(10.0, 10.0)),
            focused,
            activatable: false,
        }
    }

    #[test]
    fn an_alert_starts_what_is_said_until_it_has_been_heard() {
        let mut window = Window::new("test", || "Log in".to_owned(), None);
        let waiting = Snapshot {
            nodes: vec![node(1, Role::Alert, "That did not work.", false)],
        };
        assert_eq!(
            window.announcement(&waiting).as_deref(),
            Some("That did not work.")
        );
        window.snapshot = waiting;
        // The prompt comes back at once: the alert leads again (speech interrupts itself).
        let prompt = Snapshot {
            nodes: vec![
                node(1, Role::Alert, "That did not work.", false),
                node(2, Role::PasswordInput, "Password", true),
            ],
        };
        assert_eq!(
            window.announcement(&prompt).as_deref(),
            Some("That did not work. Password, password field")
        );
        window.snapshot = prompt.clone();
        // Nothing new: nothing said.
        assert_eq!(window.announcement(&prompt), None);
        // Gone from the screen: not repeated.
        let cleared = Snapshot {
            nodes: vec![node(3, Role::Button, "Back", true)],
        };
        assert_eq!(
            window.announcement(&cleared).as_deref(),
            Some("Back, button")
        );
    }

    fn reading(outcome: iced::advanced::widget::operation::Outcome<TreeReading>) -> TreeReading {
        match outcome {
            iced::advanced::widget::operation::Outcome::Some(reading) => reading,
            _ => panic!("a tree read gives a reading"),
        }
    }

    #[test]
    fn tree_reads_are_numbered_when_they_run_not_when_they_are_asked_for() {
        let asked_first = read_tree();
        let asked_second = read_tree();
        let ran_first = reading(asked_second.finish());
        let ran_second = reading(asked_first.finish());
        assert!(ran_first.number < ran_second.number);
    }

    #[test]
    fn an_older_tree_read_never_replaces_a_newer_one() {
        let mut window = Window::new("test", || "Log in".to_owned(), None);
        // Read between the new view and the focus move, then after the move.
        let before_focus = TreeReading::next(Snapshot {
            nodes: vec![node(2, Role::PasswordInput, "Password", false)],
        });
        let after_focus = TreeReading::next(Snapshot {
            nodes: vec![node(2, Role::PasswordInput, "Password", true)],
        });
        // Their results arrive the other way round: the focused tree stays.
        let _ = window.update(Message::Snapshot(after_focus.clone()));
        let _ = window.update(Message::Snapshot(before_focus));
        assert_eq!(window.snapshot, after_focus.snapshot);
        // A newer read is taken, and then the older ones are dropped again.
        let back = TreeReading::next(Snapshot {
            nodes: vec![node(3, Role::Button, "Back", true)],
        });
        let _ = window.update(Message::Snapshot(back.clone()));
        assert_eq!(window.snapshot, *back.snapshot());
        let _ = window.update(Message::Snapshot(after_focus));
        assert_eq!(window.snapshot, *back.snapshot());
    }

    #[test]
    fn no_display_is_said_in_a_sentence() {
        assert_eq!(wayland_display(env(&[])), Err(NoDisplay::NotSet));
        assert_eq!(
            wayland_display(env(&[("WAYLAND_DISPLAY", "")])),
            Err(NoDisplay::NotSet)
        );
        let missing = wayland_display(env(&[
            ("WAYLAND_DISPLAY", "wayland-9"),
            ("XDG_RUNTIME_DIR", "/nonexistent"),
        ]));
        assert_eq!(
            missing,
            Err(NoDisplay::Missing("/nonexistent/wayland-9".into()))
        );
        let sentence = NoDisplay::NotSet.to_string();
        assert!(sentence.contains("Wayland"), "{sentence}");
        assert!(!sentence.contains('\n'));
    }

    #[test]
    fn an_existing_socket_or_a_passed_one_is_a_display() {
        let here = std::env::temp_dir();
        let runtime = here.to_string_lossy().into_owned();
        assert_eq!(
            wayland_display(env(&[
                ("WAYLAND_DISPLAY", "."),
                ("XDG_RUNTIME_DIR", &runtime)
            ])),
            Ok(())
        );
        assert_eq!(wayland_display(env(&[("WAYLAND_SOCKET", "3")])), Ok(()));
    }
}
