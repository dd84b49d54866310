//! The login screen: its state, the thin top-level `Message`, `update` and
//! `subscription`. Each feature keeps its own message, state, update and
//! drawing: [`crate::conversation`] (user list, prompts, session start),
//! [`crate::menus`] (bottom bar: session, layout, language, power,
//! accessibility) and [`crate::status`] (clock, network, battery); the
//! screen is put together in [`crate::view`].

use std::path::PathBuf;

use ferrum_accessibility::Preferences;
use ferrum_accessibility::preferences::local_time;
use ferrum_accessibility::tree::Snapshot;
use ferrum_i18n::fl;
use ferrum_services::{SystemBus, accounts, network_status, upower};
use ferrum_ui::Effect;
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::window::{self, TreeRead, Window};
use iced::keyboard::{self, key};
use iced::widget::operation;
use iced::{Subscription, Task, Theme};

use crate::appearance;
use crate::caps_lock::CapsLock;
use crate::clock;
use crate::config::{Config, ConfigError};
use crate::conversation;
use crate::greetd::PromptKind;
use crate::languages;
use crate::layouts;
use crate::login::{Link, Phase};
use crate::memory::Memory;
use crate::sessions::{self, Session};
use crate::typing::LayoutKeys;
use crate::{ids, menus, status};

pub use crate::conversation::Users;
pub use crate::menus::Menu;

/// How the greeter is started.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The settings file (default `/etc/ferrum/greeter.toml`).
    pub config: Option<PathBuf>,
    /// xkeyboard-config's rules list (default [`layouts::RULES_LIST`]).
    pub layouts: Option<PathBuf>,
    /// speech-dispatcher's socket (default: the user's).
    pub speech_socket: Option<PathBuf>,
}

/// Everything that can happen on the login screen, by feature.
#[derive(Debug, Clone)]
pub enum Message {
    /// The login conversation (user list, prompts, session start).
    Conversation(conversation::Message),
    /// The bottom bar and its menus.
    Menus(menus::Message),
    /// The top bar (clock, battery, network).
    Status(status::Message),
    /// The background picture, decoded off the UI thread (none if refused).
    BackgroundDecoded(Option<iced::widget::image::Handle>),
    /// A key press anywhere (for the Caps Lock warning).
    Key(keyboard::Event),
    /// Escape: close the menu, or go back.
    Escape,
    /// The configuration problem notice.
    Notice(error_report::Message),
    /// The window itself: focus keys, accessible tree, screen reader, speech.
    Window(window::Message),
}

impl From<conversation::Message> for Message {
    fn from(message: conversation::Message) -> Self {
        Self::Conversation(message)
    }
}

impl From<menus::Message> for Message {
    fn from(message: menus::Message) -> Self {
        Self::Menus(message)
    }
}

impl From<status::Message> for Message {
    fn from(message: status::Message) -> Self {
        Self::Status(message)
    }
}

/// The login screen.
#[derive(Debug)]
pub struct Greeter {
    pub(crate) config: Config,
    /// The machine's appearance defaults, read at start.
    pub(crate) appearance: Preferences,
    /// The local hour, for a colour scheme that follows the time of day
    /// (kept by the clock's minute tick).
    pub(crate) hour: i8,
    pub(crate) notice: Option<ErrorReport>,
    pub(crate) bus: SystemBus,
    /// The configured background picture, once decoded.
    pub(crate) background: Option<iced::widget::image::Handle>,
    pub(crate) conversation: conversation::State,
    pub(crate) menus: menus::State,
    pub(crate) status: status::State,
    pub(crate) caps_lock: CapsLock,
    pub(crate) window: Window,
}

impl Greeter {
    /// Builds the screen from its options, the system bus and greetd's link.
    pub fn new(options: &Options, bus: SystemBus, link: Link) -> (Self, Task<Message>) {
        let config_path = options
            .config
            .clone()
            .unwrap_or_else(|| PathBuf::from(crate::config::DEFAULT_PATH));
        let (config, config_error) = Config::load(&config_path);
        let notice = config_error.map(|error: ConfigError| {
            tracing::warn!(%error, "greeter settings unusable; defaults in use");
            ErrorReport::new(fl!("greeter-config-invalid"), error.to_string())
        });
        // A small file read once before the first frame; never a notice here.
        let appearance = appearance::load(&config.appearance);
        let memory = Memory::load(&config.state_file);
        let language = languages::shipped(&ferrum_i18n::current_locale().to_string());
        let sessions: Vec<Session> = sessions::discover(&config.session_dirs, language);
        // cage starts with XKB_DEFAULT_LAYOUT (or xkb's default, us).
        let (layouts, layout, base_layout) =
            layouts::starting(options.layouts.as_deref(), &config.keyboard_layouts);
        let (mut menus, compile) =
            menus::State::new(sessions, layouts, layout, base_layout, language);
        // The machine's defaults are where the accessibility menu starts; the
        // person's toggles last for this run only.
        menus.high_contrast = appearance.high_contrast;
        menus.large_text = appearance::large_text(&appearance);
        let background = match config.background.clone() {
            Some(path) => Task::perform(
                off_thread(move || crate::pictures::background(&path), None),
                Message::BackgroundDecoded,
            ),
            None => Task::none(),
        };
        let greeter = Self {
            appearance,
            hour: local_time().0,
            notice,
            bus: bus.clone(),
            background: None,
            conversation: conversation::State::new(memory, link, config.hide_user_list),
            menus,
            status: status::State::default(),
            caps_lock: CapsLock::default(),
            window: Window::new(
                "ferrum-greeter",
                window_title,
                options.speech_socket.clone(),
            ),
            config,
        };
        let offered = menus::offered_actions(bus);
        let focus = if greeter.config.hide_user_list {
            operation::focus(ids::USER_NAME)
        } else {
            Task::none()
        };
        (greeter, Task::batch([offered, focus, compile, background]))
    }

    /// What the login card shows.
    pub fn phase(&self) -> &Phase {
        &self.conversation.phase
    }

    /// The problem shown above the prompt.
    pub fn problem(&self) -> Option<&crate::login::Problem> {
        self.conversation.problem.as_ref()
    }

    /// The person logging in.
    pub fn user(&self) -> Option<&str> {
        self.conversation.user.as_deref()
    }

    /// How many characters are in the answer field.
    pub fn answer_length(&self) -> usize {
        self.conversation.answer.char_count()
    }

    /// The chosen keyboard layout.
    pub fn layout(&self) -> &str {
        &self.menus.layout
    }

    /// The chosen session id.
    pub fn session(&self) -> Option<&str> {
        self.menus.session.as_deref()
    }

    /// Whether reading aloud is on.
    pub fn voicing(&self) -> bool {
        self.menus.voicing
    }

    /// The keymap typing follows when the chosen layout is not the
    /// compositor's own and its keymap has arrived (then keys are read as
    /// physical keys); until then keys type what the compositor says.
    pub fn typing_layout(&self) -> Option<&LayoutKeys> {
        self.menus.typing_layout()
    }

    /// The open menu.
    pub fn menu(&self) -> Option<Menu> {
        self.menus.open
    }

    /// Whether the Caps Lock warning is shown.
    pub fn caps_lock_warning(&self) -> bool {
        self.caps_lock.is_on()
            && matches!(&self.conversation.phase, Phase::Prompt(p) if p.kind == PromptKind::Secret)
    }

    /// The latest accessible tree.
    pub fn accessible_tree(&self) -> &Snapshot {
        &self.window.snapshot
    }

    /// The session that would start: the chosen one, if it exists.
    fn chosen_session(&self) -> Option<&Session> {
        let id = self.menus.session.as_deref()?;
        self.menus.sessions.iter().find(|s| s.id == id)
    }

    /// The command and environment passed to greetd for the chosen session.
    pub fn session_request(&self) -> (Vec<String>, Vec<String>) {
        session_request(
            self.chosen_session(),
            &self.config.fallback_command,
            self.menus.language,
            &self.menus.layout,
        )
    }

    fn apply(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Conversation(message) => self.update_conversation(message),
            Message::Menus(message) => self.update_menus(message),
            Message::Status(message) => {
                if let status::Message::Tick(now) = &message {
                    self.hour = now.hour();
                }
                self.status.update(message);
                Task::none()
            }
            Message::BackgroundDecoded(background) => {
                self.background = background;
                Task::none()
            }
            // Observed in `update`.
            Message::Key(_) => Task::none(),
            Message::Escape => {
                if self.menus.open.is_some() {
                    return self.close_menu();
                }
                match self.conversation.phase {
                    Phase::ChooseUser | Phase::Starting | Phase::Started => Task::none(),
                    Phase::EnterUserName if self.types_user_name() => {
                        self.conversation.typed_user_name.clear();
                        Task::none()
                    }
                    _ => self.back(),
                }
            }
            Message::Notice(message) => error_report::update(&mut self.notice, message)
                .map_or_else(Task::none, Effect::into_task),
            Message::Window(message) => self.window.update(message).map(Message::Window),
        }
    }
}

/// The command and environment greetd gets to start `session` (the fallback command
/// without one) in `language` with the keyboard `layout`: the login screen's and the
/// first-boot setup's.
pub fn session_request(
    session: Option<&Session>,
    fallback_command: &[String],
    language: &str,
    layout: &str,
) -> (Vec<String>, Vec<String>) {
    let command = session.map_or_else(|| fallback_command.to_vec(), |s| s.command.clone());
    let posix = languages::posix(language);
    let mut environment = vec![
        format!("LANG={posix}"),
        format!("XKB_DEFAULT_LAYOUT={layout}"),
    ];
    if let Some(session) = session {
        environment.push(format!(
            "XDG_SESSION_TYPE={}",
            if session.x11 { "x11" } else { "wayland" }
        ));
        environment.push(format!("XDG_SESSION_DESKTOP={}", session.id));
    }
    (command, environment)
}

/// Runs blocking work (decoding, keymap compiling) on tokio's blocking pool;
/// `fallback` if the work panicked.
pub(crate) async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
    fallback: T,
) -> T {
    tokio::task::spawn_blocking(work).await.unwrap_or(fallback)
}

/// The user list as the screen subscribes to it (also used by tests).
pub fn users_stream(bus: &SystemBus) -> impl futures::Stream<Item = Message> + use<> {
    use futures::StreamExt;
    accounts::watch_users(bus.clone())
        .map(|update| Message::Conversation(conversation::Message::UsersUpdated(update)))
}

/// Battery and mains as the screen subscribes to them (also used by tests).
pub fn supply_stream(bus: &SystemBus) -> impl futures::Stream<Item = Message> + use<> {
    use futures::StreamExt;
    upower::watch_state(bus.clone()).map(|update| Message::Status(status::Message::Supply(update)))
}

/// Network status as the screen subscribes to it (also used by tests).
pub fn network_stream(bus: &SystemBus) -> impl futures::Stream<Item = Message> + use<> {
    use futures::StreamExt;
    network_status::watch_status(bus.clone())
        .map(|update| Message::Status(status::Message::Network(update)))
}

fn window_title() -> String {
    fl!("greeter-title")
}

fn any_key(
    event: iced::Event,
    _status: iced::event::Status,
    _window: iced::window::Id,
) -> Option<Message> {
    match event {
        iced::Event::Keyboard(event) => key_event(&event),
        _ => None,
    }
}

/// What every key press means, even one a widget took: the reading-aloud
/// shortcut, or a hint about Caps Lock.
pub fn key_event(event: &keyboard::Event) -> Option<Message> {
    match event {
        // GNOME's screen reader shortcut, even while a field has the focus:
        // reading aloud can start before any mouse use.
        keyboard::Event::KeyPressed { key, modifiers, .. }
            if modifiers.logo()
                && modifiers.alt()
                && matches!(key.as_ref(), keyboard::Key::Character("s" | "S")) =>
        {
            Some(Message::Menus(menus::Message::ToggleVoicing))
        }
        // Text fields take Escape for themselves; here it always means back.
        keyboard::Event::KeyPressed {
            key: keyboard::Key::Named(key::Named::Escape),
            ..
        } => Some(Message::Escape),
        keyboard::Event::KeyPressed { .. } => Some(Message::Key(event.clone())),
        _ => None,
    }
}

/// The screen's keyboard shortcuts for key presses no widget took: the
/// window component's focus keys.
pub fn shortcut(event: keyboard::Event) -> Option<Message> {
    window::focus_key(event).map(Message::Window)
}

impl window::App for Greeter {
    type Message = Message;

    /// Applies a message, then reads the accessible tree of the new screen.
    fn update(&mut self, message: Message) -> Task<Message> {
        if let Message::Key(event) = &message {
            // Only a change of the Caps Lock warning changes the screen.
            if !self.caps_lock.observe(event) {
                return Task::none();
            }
        }
        let read = match &message {
            Message::Window(message) => TreeRead::of(Some(message), false),
            Message::Conversation(message) => {
                TreeRead::of(None, conversation::moves_focus(message))
            }
            Message::Menus(message) => TreeRead::of(None, menus::moves_focus(message)),
            message => TreeRead::of(None, matches!(message, Message::Escape)),
        };
        read.after(self.apply(message), Message::Window)
    }

    /// Draws the screen (see [`crate::view`]).
    fn view(&self) -> iced::Element<'_, Message> {
        window::mark_first_view();
        crate::view::view(self)
    }

    /// The window title.
    fn title(&self) -> String {
        fl!("greeter-title")
    }

    /// The machine's colour scheme (dark when it chose none) and accent, or
    /// high contrast when asked for.
    fn theme(&self) -> Theme {
        appearance::theme(&self.appearance, self.hour, self.menus.high_contrast)
    }

    /// Large text makes everything bigger (by the machine's text size when it
    /// sets one).
    fn scale_factor(&self) -> f32 {
        if self.menus.large_text {
            appearance::large_text_scale(&self.appearance)
        } else {
            1.0
        }
    }

    /// Key presses, the clock, the user list, battery and network, and the
    /// screen reader bridge.
    fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            keyboard::listen().filter_map(shortcut),
            iced::event::listen_with(any_key),
            Subscription::run(clock::minutes)
                .map(|now| Message::Status(status::Message::Tick(now))),
            Subscription::run_with(self.bus.clone(), users_stream),
            Subscription::run_with(self.bus.clone(), supply_stream),
            Subscription::run_with(self.bus.clone(), network_stream),
            self.window.subscription().map(Message::Window),
        ])
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::pictures::AvatarCache;
    use ferrum_services::ServiceUpdate;
    use ferrum_services::accounts::UserAccount;
    use ferrum_ui::window::App as _;

    /// A greeter with default settings, no greetd and no system bus.
    pub(crate) fn greeter(dir: &std::path::Path, extra_config: &str) -> Greeter {
        let config = dir.join("greeter.toml");
        std::fs::write(
            &config,
            format!(
                "state_file = \"{}\"\nappearance = \"{}\"\n{extra_config}",
                dir.join("state.toml").display(),
                dir.join("appearance.toml").display()
            ),
        )
        .expect("settings written");
        let options = Options {
            config: Some(config),
            layouts: Some(dir.join("evdev.lst")),
            speech_socket: None,
        };
        Greeter::new(
            &options,
            SystemBus::with_address("unix:path=/nonexistent/system_bus_socket"),
            Link::new(Some(dir.join("greetd.sock"))),
        )
        .0
    }

    #[test]
    fn a_keymap_for_a_layout_no_longer_chosen_is_ignored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut greeter = greeter(dir.path(), "");
        let base = greeter.menus.base_layout.clone();
        let (first, second) = if base == "de" {
            ("fr", "ua")
        } else {
            ("de", "fr")
        };
        let _ = greeter.update(Message::Menus(menus::Message::ChooseLayout(first.into())));
        // Until its keymap arrives, typing follows the compositor.
        assert_eq!(greeter.layout(), first);
        assert!(greeter.typing_layout().is_none());
        let _ = greeter.update(Message::Menus(menus::Message::ChooseLayout(second.into())));
        // The first layout's keymap arrives late: it is not used.
        let _ = greeter.update(Message::Menus(menus::Message::KeymapCompiled(
            LayoutKeys::new(first),
        )));
        assert!(greeter.typing_layout().is_none());
        let _ = greeter.update(Message::Menus(menus::Message::KeymapCompiled(
            LayoutKeys::new(second),
        )));
        assert_eq!(
            greeter.typing_layout().map(LayoutKeys::layout),
            Some(second)
        );
        // Back to the compositor's own layout: no keymap needed.
        let _ = greeter.update(Message::Menus(menus::Message::ChooseLayout(base)));
        assert!(greeter.typing_layout().is_none());
    }

    #[test]
    fn pictures_are_not_decoded_in_update() {
        let dir = tempfile::tempdir().expect("temp dir");
        let face = dir.path().join("face.png");
        image::RgbImage::from_pixel(20, 20, image::Rgb([9, 9, 9]))
            .save(&face)
            .expect("saved");
        let mut greeter = greeter(dir.path(), "");
        let ada = UserAccount {
            name: "ada".into(),
            real_name: None,
            icon: Some(face),
            language: None,
            session: None,
            uid: 1000,
        };
        let _ = greeter.update(Message::Conversation(conversation::Message::UsersUpdated(
            ServiceUpdate::Available(vec![ada.clone()]),
        )));
        assert!(
            greeter.conversation.avatars.is_empty(),
            "decoded in a task, not in update"
        );
        // An answer for an older list is dropped; the latest one is shown.
        let (pictures, cache) = crate::pictures::decode_avatars(
            &[("ada".into(), ada.icon.clone().expect("icon"))],
            &AvatarCache::default(),
        );
        let _ = greeter.update(Message::Conversation(conversation::Message::UsersUpdated(
            ServiceUpdate::Available(vec![ada]),
        )));
        let decoded = conversation::AvatarsDecoded { pictures, cache };
        let _ = greeter.update(Message::Conversation(
            conversation::Message::AvatarsDecoded(1, decoded.clone()),
        ));
        assert!(greeter.conversation.avatars.is_empty());
        let _ = greeter.update(Message::Conversation(
            conversation::Message::AvatarsDecoded(2, decoded),
        ));
        assert!(greeter.conversation.avatars.contains_key("ada"));
    }

    #[test]
    fn an_answer_longer_than_pam_takes_is_refused_with_a_sentence() {
        use crate::conversation::MAX_ANSWER_BYTES;
        use crate::greetd::{Prompt, Step};
        let dir = tempfile::tempdir().expect("temp dir");
        let mut greeter = greeter(dir.path(), "");
        let _ = greeter.update(Message::Conversation(conversation::Message::ChooseUser(
            "ada".into(),
        )));
        let prompt = Prompt {
            kind: PromptKind::Secret,
            text: "Password: ".into(),
        };
        let _ = greeter.update(Message::Conversation(conversation::Message::LoginStep(
            1,
            Ok(Step::Prompt(prompt)),
        )));
        assert!(matches!(greeter.phase(), Phase::Prompt(_)));
        // 512 bytes are taken (256 two-byte characters)…
        let most = "é".repeat(MAX_ANSWER_BYTES / 2);
        let _ = greeter.update(Message::Conversation(conversation::Message::AnswerChanged(
            most.clone().into(),
        )));
        assert_eq!(greeter.answer_length(), MAX_ANSWER_BYTES / 2);
        assert!(!greeter.conversation.answer_too_long);
        // … one more character is not, and the screen says why.
        let _ = greeter.update(Message::Conversation(conversation::Message::AnswerChanged(
            format!("{most}x").into(),
        )));
        assert_eq!(greeter.answer_length(), MAX_ANSWER_BYTES / 2);
        assert!(greeter.conversation.answer_too_long);
        let mut ui = iced_test::simulator(greeter.view());
        assert!(ui.find(fl!("greeter-answer-too-long").as_str()).is_ok());
        drop(ui);
        // Deleting a character takes the sentence away.
        let _ = greeter.update(Message::Conversation(conversation::Message::AnswerChanged(
            "é".repeat(10).into(),
        )));
        assert_eq!(greeter.answer_length(), 10);
        assert!(!greeter.conversation.answer_too_long);
    }

    #[test]
    fn without_the_machines_appearance_file_the_look_is_dark() {
        let dir = tempfile::tempdir().expect("temp dir");
        let greeter = greeter(dir.path(), "");
        assert_eq!(greeter.appearance, Preferences::default());
        assert!(!greeter.menus.high_contrast && !greeter.menus.large_text);
        assert_eq!(
            greeter.theme().palette(),
            ferrum_ui::theme::theme(ferrum_ui::theme::ThemeChoice::Dark, false).palette()
        );
        assert!((greeter.scale_factor() - 1.0).abs() < f32::EPSILON);
        // A malformed file: the same, and the screen says nothing about it.
        std::fs::write(dir.path().join("appearance.toml"), "color_scheme = 3\n").expect("written");
        let greeter = self::greeter(dir.path(), "");
        assert_eq!(greeter.appearance, Preferences::default());
        assert!(greeter.notice.is_none());
        assert_eq!(
            greeter.theme().palette(),
            ferrum_ui::theme::theme(ferrum_ui::theme::ThemeChoice::Dark, false).palette()
        );
    }

    #[test]
    fn the_machines_defaults_start_the_menus_and_the_toggles_still_flip_them() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("appearance.toml"),
            "high_contrast = true\ntext_scale = 150\n",
        )
        .expect("written");
        let mut greeter = greeter(dir.path(), "");
        assert!(greeter.menus.high_contrast && greeter.menus.large_text);
        assert_eq!(
            greeter.theme().palette(),
            ferrum_ui::theme::high_contrast().palette()
        );
        assert!((greeter.scale_factor() - 1.5).abs() < f32::EPSILON);
        let _ = greeter.update(Message::Menus(menus::Message::ToggleHighContrast));
        let _ = greeter.update(Message::Menus(menus::Message::ToggleLargeText));
        assert!(!greeter.menus.high_contrast && !greeter.menus.large_text);
        assert_eq!(
            greeter.theme().palette(),
            ferrum_ui::theme::theme(ferrum_ui::theme::ThemeChoice::Dark, false).palette()
        );
        assert!((greeter.scale_factor() - 1.0).abs() < f32::EPSILON);
        let _ = greeter.update(Message::Menus(menus::Message::ToggleLargeText));
        assert!((greeter.scale_factor() - 1.5).abs() < f32::EPSILON);
    }

    #[test]
    fn a_time_of_day_scheme_follows_the_clock() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("appearance.toml"),
            "color_scheme = \"time-of-day\"\naccent = \"#1f62c9\"\n",
        )
        .expect("written");
        let mut greeter = greeter(dir.path(), "");
        let tick =
            |moment: &str| Message::Status(status::Message::Tick(moment.parse().expect("a time")));
        let _ = greeter.update(tick("2026-11-29T18:59:00[UTC]"));
        let day = greeter.theme().palette();
        assert_eq!(day.primary, iced::Color::from_rgb8(0x1f, 0x62, 0xc9));
        assert_eq!(
            day.background,
            ferrum_ui::theme::theme(ferrum_ui::theme::ThemeChoice::Light, false)
                .palette()
                .background
        );
        let _ = greeter.update(tick("2026-11-29T19:00:00[UTC]"));
        assert_eq!(
            greeter.theme().palette().background,
            ferrum_ui::theme::theme(ferrum_ui::theme::ThemeChoice::Dark, false)
                .palette()
                .background
        );
    }

    #[test]
    fn without_accounts_service_the_name_field_is_asked_for() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut greeter = greeter(dir.path(), "");
        assert_eq!(greeter.phase(), &Phase::ChooseUser);
        let _ = greeter.update(Message::Conversation(conversation::Message::UsersUpdated(
            ServiceUpdate::Unavailable,
        )));
        assert_eq!(greeter.phase(), &Phase::EnterUserName);
    }
}
