//! The login screen: its state, messages, `update` and `subscription`. The
//! drawing is in [`crate::view`]; greetd is reached through [`Link`].

use std::path::PathBuf;

use ferrum_accessibility::tree::Snapshot;
use ferrum_i18n::fl;
use ferrum_services::accounts::{self, AccountsError, UserAccount};
use ferrum_services::logind::{self, LogindError, PowerAction};
use ferrum_services::network_status::{self, NetworkError, NetworkStatus};
use ferrum_services::upower::{self, PowerSupplyState, UPowerError};
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_ui::Effect;
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::theme::ThemeChoice;
use ferrum_ui::window::{self, Window};
use iced::keyboard::{self, key};
use iced::widget::operation;
use iced::{Subscription, Task, Theme};

use crate::caps_lock::CapsLock;
use crate::clock::{self, ClockFace};
use crate::config::{Config, ConfigError};
use crate::greetd::{LoginError, PromptKind, Step};
use crate::languages::{self, Language};
use crate::layouts::{self, Layout};
use crate::login::{Link, Phase, Problem};
use crate::memory::Memory;
use crate::pictures::AvatarCache;
use crate::secret::Secret;
use crate::sessions::{self, Session};
use crate::typing::LayoutKeys;

/// The id of the answer field (password or code).
pub const ANSWER_ID: &str = "greeter-answer";
/// The id of the user-name field.
pub const USER_NAME_ID: &str = "greeter-user-name";
/// The id of the Continue button under a PAM message.
pub const CONTINUE_ID: &str = "greeter.continue";
/// Where the configuration notice is shown (its buttons are `greeter.notice.error.*`).
pub const NOTICE_ID: ferrum_ui::WidgetId = ferrum_ui::WidgetId::new("greeter.notice");

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

/// A menu opened from the bottom bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    /// Desktop sessions.
    Session,
    /// Keyboard layouts.
    Layout,
    /// Languages.
    Language,
    /// Power off, restart, suspend.
    Power,
    /// Reading aloud, contrast, text size.
    Accessibility,
}

/// The users shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Users {
    /// Not known yet.
    Loading,
    /// From AccountsService.
    Listed(Vec<UserAccount>),
    /// AccountsService is missing or failed: people type their name.
    Unavailable,
}

/// Everything that can happen on the login screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// The user list changed (AccountsService).
    UsersUpdated(ServiceUpdate<Vec<UserAccount>, AccountsError>),
    /// A person was picked from the list.
    ChooseUser(String),
    /// "Other user…".
    OtherUser,
    /// The typed user name changed.
    UserNameChanged(String),
    /// Enter in the user-name field.
    UserNameSubmitted,
    /// Back to the user list (cancels the conversation).
    Back,
    /// The answer field changed.
    AnswerChanged(Secret),
    /// Enter in the answer field, or the Log in button.
    AnswerSubmitted,
    /// Continue after a PAM message.
    Acknowledge,
    /// greetd's next step for conversation number `.0`.
    LoginStep(u64, Result<Step, LoginError>),
    /// The session started (or not).
    SessionStarted(Result<(), LoginError>),
    /// Open a menu (or close it when it is open).
    OpenMenu(Menu),
    /// Close the open menu.
    CloseMenu,
    /// A session was chosen.
    ChooseSession(String),
    /// A keyboard layout was chosen.
    ChooseLayout(String),
    /// A language was chosen.
    ChooseLanguage(&'static str),
    /// Reading aloud on or off.
    ToggleVoicing,
    /// High contrast on or off.
    ToggleHighContrast,
    /// Large text on or off.
    ToggleLargeText,
    /// A new minute.
    Tick(jiff::Zoned),
    /// Battery and mains (UPower).
    Supply(ServiceUpdate<PowerSupplyState, UPowerError>),
    /// Network status (NetworkManager).
    Network(ServiceUpdate<NetworkStatus, NetworkError>),
    /// Which power actions logind offers.
    PowerOffered(Result<Vec<PowerAction>, LogindError>),
    /// A power action was chosen.
    Power(PowerAction),
    /// logind answered a power action.
    PowerDone(Result<(), LogindError>),
    /// A key press anywhere (for the Caps Lock warning).
    Key(keyboard::Event),
    /// Escape: close the menu, or go back.
    Escape,
    /// The configuration problem notice.
    Notice(error_report::Message),
    /// greetd's link was cancelled (nothing to show).
    Cancelled,
    /// The window itself: focus keys, accessible tree, screen reader, speech.
    Window(window::Message),
    /// Account pictures decoded off the UI thread for user list number `.0`.
    AvatarsDecoded(u64, AvatarsDecoded),
    /// The background picture, decoded off the UI thread (none if refused).
    BackgroundDecoded(Option<iced::widget::image::Handle>),
    /// A layout's keymap, compiled off the UI thread.
    KeymapCompiled(LayoutKeys),
}

/// Account pictures decoded for one user list, and the cache they came from.
#[derive(Debug, Clone)]
pub struct AvatarsDecoded {
    /// The pictures, by user name.
    pub pictures: std::collections::HashMap<String, iced::widget::image::Handle>,
    /// What was decoded, by (path, modification time).
    pub cache: AvatarCache,
}

/// The login screen.
#[derive(Debug)]
pub struct Greeter {
    pub(crate) config: Config,
    pub(crate) notice: Option<ErrorReport>,
    memory: Memory,
    bus: SystemBus,
    link: Link,
    pub(crate) users: Users,
    /// Account pictures that could be read, by user name.
    pub(crate) avatars: std::collections::HashMap<String, iced::widget::image::Handle>,
    /// Decoded account pictures by (path, modification time).
    avatar_cache: AvatarCache,
    /// The number of the latest user list whose pictures are being decoded.
    avatar_list: u64,
    /// The configured background picture, if it could be read.
    pub(crate) background: Option<iced::widget::image::Handle>,
    pub(crate) user: Option<String>,
    pub(crate) typed_user_name: String,
    pub(crate) phase: Phase,
    pub(crate) problem: Option<Problem>,
    pub(crate) answer: Secret,
    attempt: u64,
    pub(crate) sessions: Vec<Session>,
    pub(crate) session: Option<String>,
    pub(crate) layouts: Vec<Layout>,
    pub(crate) layout: String,
    /// The layout the compositor types in (the session's default).
    pub(crate) base_layout: String,
    /// The chosen layout's keymap, used while it differs from the base one.
    pub(crate) keys: LayoutKeys,
    pub(crate) languages: Vec<Language>,
    pub(crate) language: &'static str,
    pub(crate) menu: Option<Menu>,
    pub(crate) caps_lock: CapsLock,
    pub(crate) clock: ClockFace,
    pub(crate) supply: Option<PowerSupplyState>,
    pub(crate) network: Option<NetworkStatus>,
    pub(crate) power_actions: Vec<PowerAction>,
    pub(crate) power_problem: Option<String>,
    pub(crate) voicing: bool,
    pub(crate) high_contrast: bool,
    pub(crate) large_text: bool,
    window: Window,
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
        let memory = Memory::load(&config.state_file);
        let language = languages::shipped(&ferrum_i18n::current_locale().to_string());
        let sessions = sessions::discover(&config.session_dirs, language);
        let layouts = layouts::ordered(
            layouts::load(
                options
                    .layouts
                    .as_deref()
                    .unwrap_or(std::path::Path::new(layouts::RULES_LIST)),
            ),
            &config.keyboard_layouts,
        );
        let layout = config
            .keyboard_layouts
            .first()
            .cloned()
            .or_else(|| layouts.first().map(|l| l.name.clone()))
            .unwrap_or_else(|| "us".into());
        // cage starts with XKB_DEFAULT_LAYOUT (or xkb's default, us).
        let base_layout = std::env::var("XKB_DEFAULT_LAYOUT")
            .ok()
            .and_then(|layouts| layouts.split(',').next().map(str::to_owned))
            .filter(|layout| !layout.is_empty())
            .unwrap_or_else(|| "us".into());
        // A keymap is compiled (off the UI thread) only for a layout the
        // compositor does not type; until it arrives keys type what the
        // compositor says.
        let keys = LayoutKeys::uncompiled(&layout);
        let compile = if layout == base_layout {
            Task::none()
        } else {
            compile_keymap(layout.clone())
        };
        let background = match config.background.clone() {
            Some(path) => Task::perform(
                off_thread(move || crate::pictures::background(&path), None),
                Message::BackgroundDecoded,
            ),
            None => Task::none(),
        };
        let phase = if config.hide_user_list {
            Phase::EnterUserName
        } else {
            Phase::ChooseUser
        };
        let greeter = Self {
            notice,
            memory,
            bus: bus.clone(),
            link,
            users: Users::Loading,
            avatars: std::collections::HashMap::new(),
            avatar_cache: AvatarCache::default(),
            avatar_list: 0,
            background: None,
            user: None,
            typed_user_name: String::new(),
            phase,
            problem: None,
            answer: Secret::default(),
            attempt: 0,
            sessions,
            session: None,
            layouts,
            layout,
            base_layout,
            keys,
            languages: Vec::new(),
            language,
            menu: None,
            caps_lock: CapsLock::default(),
            clock: clock::face(&clock::now()),
            supply: None,
            network: None,
            power_actions: Vec::new(),
            power_problem: None,
            voicing: false,
            high_contrast: false,
            large_text: false,
            window: Window::new(
                "ferrum-greeter",
                window_title,
                options.speech_socket.clone(),
            ),
            config,
        };
        let offered = Task::perform(
            async move {
                logind::available_actions(&bus).await.map(|actions| {
                    actions
                        .into_iter()
                        .filter(|(_, availability)| availability.is_offered())
                        .map(|(action, _)| action)
                        .collect()
                })
            },
            Message::PowerOffered,
        );
        let focus = if greeter.config.hide_user_list {
            operation::focus(USER_NAME_ID)
        } else {
            Task::none()
        };
        (greeter, Task::batch([offered, focus, compile, background]))
    }

    /// What the login card shows.
    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// The problem shown above the prompt.
    pub fn problem(&self) -> Option<&Problem> {
        self.problem.as_ref()
    }

    /// The person logging in.
    pub fn user(&self) -> Option<&str> {
        self.user.as_deref()
    }

    /// How many characters are in the answer field.
    pub fn answer_length(&self) -> usize {
        self.answer.char_count()
    }

    /// The chosen keyboard layout.
    pub fn layout(&self) -> &str {
        &self.layout
    }

    /// The chosen session id.
    pub fn session(&self) -> Option<&str> {
        self.session.as_deref()
    }

    /// Whether reading aloud is on.
    pub fn voicing(&self) -> bool {
        self.voicing
    }

    /// The keymap typing follows when the chosen layout is not the
    /// compositor's own (then keys are read as physical keys).
    pub fn typing_layout(&self) -> Option<&LayoutKeys> {
        (self.layout != self.base_layout
            && self.keys.layout() == self.layout
            && self.keys.is_compiled())
        .then_some(&self.keys)
    }

    /// The open menu.
    pub fn menu(&self) -> Option<Menu> {
        self.menu
    }

    /// Whether the Caps Lock warning is shown.
    pub fn caps_lock_warning(&self) -> bool {
        self.caps_lock.is_on()
            && matches!(&self.phase, Phase::Prompt(p) if p.kind == PromptKind::Secret)
    }

    /// The latest accessible tree.
    pub fn accessible_tree(&self) -> &Snapshot {
        &self.window.snapshot
    }

    /// The window title.
    pub fn title(&self) -> String {
        fl!("greeter-title")
    }

    /// Dark, or high contrast when asked for.
    pub fn theme(&self) -> Theme {
        ferrum_ui::theme::theme(ThemeChoice::Dark, self.high_contrast)
    }

    /// Large text makes everything bigger.
    pub fn scale_factor(&self) -> f32 {
        if self.large_text { 1.5 } else { 1.0 }
    }

    /// The session that would start: the chosen one, if it exists.
    fn chosen_session(&self) -> Option<&Session> {
        let id = self.session.as_deref()?;
        self.sessions.iter().find(|s| s.id == id)
    }

    /// The command and environment passed to greetd for the chosen session.
    pub fn session_request(&self) -> (Vec<String>, Vec<String>) {
        let session = self.chosen_session();
        let command = session.map_or_else(
            || self.config.fallback_command.clone(),
            |s| s.command.clone(),
        );
        let posix = languages::posix(self.language);
        let mut environment = vec![
            format!("LANG={posix}"),
            format!("XKB_DEFAULT_LAYOUT={}", self.layout),
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

    /// Applies a message, then reads the accessible tree of the new screen.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        if let Message::Key(event) = &message {
            // Only a change of the Caps Lock warning changes the screen.
            if !self.caps_lock.observe(event) {
                return Task::none();
            }
        }
        let (reads_tree, moves_focus) = match &message {
            Message::Window(message) => (message.reads_tree(), message.moves_focus()),
            Message::LoginStep(..)
            | Message::OpenMenu(_)
            | Message::CloseMenu
            | Message::ChooseSession(_)
            | Message::ChooseLayout(_)
            | Message::ChooseLanguage(_)
            | Message::Escape
            | Message::UsersUpdated(_) => (true, true),
            _ => (true, false),
        };
        let task = self.apply(message);
        if reads_tree {
            window::then_read_tree(task, moves_focus, Message::Window)
        } else {
            task
        }
    }

    fn begin(&mut self, user: String) -> Task<Message> {
        self.attempt += 1;
        let attempt = self.attempt;
        self.phase = Phase::Waiting;
        self.answer = Secret::default();
        let link = self.link.clone();
        Task::perform(link.begin(user), move |step| {
            Message::LoginStep(attempt, step)
        })
    }

    fn begin_after_pause(&mut self, user: String) -> Task<Message> {
        self.attempt += 1;
        let attempt = self.attempt;
        self.phase = Phase::Waiting;
        self.answer = Secret::default();
        let link = self.link.clone();
        Task::perform(link.begin_after_pause(user), move |step| {
            Message::LoginStep(attempt, step)
        })
    }

    fn choose_user(&mut self, user: String) -> Task<Message> {
        let user = user.trim().to_owned();
        if user.is_empty() {
            return Task::none();
        }
        let last = self.memory.sessions.get(&user).map(String::as_str);
        let account_session = match &self.users {
            Users::Listed(users) => users
                .iter()
                .find(|u| u.name == user)
                .and_then(|u| u.session.as_deref()),
            _ => None,
        };
        self.session = sessions::preselect(
            &self.sessions,
            last.or(account_session),
            self.config.default_session.as_deref(),
        )
        .map(|s| s.id.clone());
        self.problem = None;
        self.user = Some(user.clone());
        self.begin(user)
    }

    fn back(&mut self) -> Task<Message> {
        self.attempt += 1;
        self.user = None;
        self.problem = None;
        self.answer = Secret::default();
        self.phase = if self.config.hide_user_list || self.users == Users::Unavailable {
            Phase::EnterUserName
        } else {
            Phase::ChooseUser
        };
        let focus = if self.phase == Phase::EnterUserName {
            operation::focus(USER_NAME_ID)
        } else {
            Task::none()
        };
        let link = self.link.clone();
        Task::batch([Task::perform(link.cancel(), |_| Message::Cancelled), focus])
    }

    fn login_step(&mut self, step: Result<Step, LoginError>) -> Task<Message> {
        let Some(user) = self.user.clone() else {
            return Task::none();
        };
        match step {
            Ok(Step::Prompt(prompt)) => {
                let focus = operation::focus(ANSWER_ID);
                self.phase = Phase::Prompt(prompt);
                focus
            }
            Ok(Step::Notice(notice)) => {
                self.phase = Phase::Notice(notice);
                operation::focus(CONTINUE_ID)
            }
            Ok(Step::Authenticated) => {
                self.phase = Phase::Starting;
                let (command, environment) = self.session_request();
                let link = self.link.clone();
                Task::perform(link.start(command, environment), Message::SessionStarted)
            }
            Err(error) => {
                // Never the answer: only what kind of failure it was.
                tracing::info!(%error, "login step failed");
                self.problem = Some(Problem::from_error(&error));
                match error {
                    LoginError::AuthFailed(_) => self.begin(user),
                    error if error.breaks_connection() => self.begin_after_pause(user),
                    _ => self.back_keeping_problem(),
                }
            }
        }
    }

    /// Closes the open menu and puts the focus back where typing continues
    /// (the answer or user-name field), else on the menu's button.
    fn close_menu(&mut self) -> Task<Message> {
        let Some(menu) = self.menu.take() else {
            return Task::none();
        };
        match self.phase {
            Phase::Prompt(_) => operation::focus(ANSWER_ID),
            Phase::EnterUserName => operation::focus(USER_NAME_ID),
            _ => operation::focus(crate::view::menu_button(menu)),
        }
    }

    /// Decodes the pictures of `users` off the UI thread; files unchanged
    /// since the last list are not decoded again.
    fn decode_avatars(&mut self, users: &[UserAccount]) -> Task<Message> {
        self.avatar_list += 1;
        let list = self.avatar_list;
        let wanted: Vec<(String, PathBuf)> = users
            .iter()
            .filter_map(|user| Some((user.name.clone(), user.icon.clone()?)))
            .collect();
        let cache = self.avatar_cache.clone();
        let fallback = AvatarsDecoded {
            pictures: self.avatars.clone(),
            cache: cache.clone(),
        };
        Task::perform(
            off_thread(
                move || {
                    let (pictures, cache) = crate::pictures::decode_avatars(&wanted, &cache);
                    AvatarsDecoded { pictures, cache }
                },
                fallback,
            ),
            move |decoded| Message::AvatarsDecoded(list, decoded),
        )
    }

    fn back_keeping_problem(&mut self) -> Task<Message> {
        let problem = self.problem.take();
        let task = self.back();
        self.problem = problem;
        task
    }

    fn apply(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::UsersUpdated(update) => {
                let mut decode = Task::none();
                let first_list = !matches!(self.users, Users::Listed(_));
                self.users = match update {
                    ServiceUpdate::Available(users) => {
                        decode = self.decode_avatars(&users);
                        Users::Listed(users)
                    }
                    ServiceUpdate::Unavailable
                    | ServiceUpdate::Failed(_)
                    | ServiceUpdate::BusUnreachable(_) => Users::Unavailable,
                };
                if self.users == Users::Unavailable && self.phase == Phase::ChooseUser {
                    self.phase = Phase::EnterUserName;
                } else if matches!(self.users, Users::Listed(_))
                    && self.phase == Phase::EnterUserName
                    && !self.config.hide_user_list
                    && self.typed_user_name.is_empty()
                {
                    self.phase = Phase::ChooseUser;
                }
                // The person who logged in last has the focus: Enter picks them.
                let focus = match (&self.users, &self.memory.last_user) {
                    (Users::Listed(users), Some(last))
                        if first_list
                            && self.phase == Phase::ChooseUser
                            && users.iter().any(|u| &u.name == last) =>
                    {
                        operation::focus(crate::view::user_row_id(last))
                    }
                    _ => Task::none(),
                };
                Task::batch([focus, decode])
            }
            Message::AvatarsDecoded(list, decoded) => {
                if list == self.avatar_list {
                    self.avatars = decoded.pictures;
                    self.avatar_cache = decoded.cache;
                }
                Task::none()
            }
            Message::BackgroundDecoded(background) => {
                self.background = background;
                Task::none()
            }
            Message::KeymapCompiled(keys) => {
                // A keymap for a layout no longer chosen is dropped.
                if keys.layout() == self.layout {
                    self.keys = keys;
                } else {
                    tracing::debug!(layout = keys.layout(), "a stale keymap was ignored");
                }
                Task::none()
            }
            Message::ChooseUser(user) => self.choose_user(user),
            Message::OtherUser => {
                self.phase = Phase::EnterUserName;
                self.problem = None;
                operation::focus(USER_NAME_ID)
            }
            Message::UserNameChanged(name) => {
                self.typed_user_name = name;
                Task::none()
            }
            Message::UserNameSubmitted => {
                let name = std::mem::take(&mut self.typed_user_name);
                self.choose_user(name)
            }
            Message::Back => self.back(),
            Message::AnswerChanged(answer) => {
                // The message above stays until the answer is sent: the
                // screen keeps its shape (and the field its focus) while typing.
                self.answer = answer;
                Task::none()
            }
            Message::AnswerSubmitted => {
                if !matches!(self.phase, Phase::Prompt(_)) {
                    return Task::none();
                }
                // The field empties at once; the answer goes to greetd only.
                let answer = std::mem::take(&mut self.answer);
                self.problem = None;
                self.phase = Phase::Waiting;
                self.attempt += 1;
                let attempt = self.attempt;
                let link = self.link.clone();
                Task::perform(link.answer(answer), move |step| {
                    Message::LoginStep(attempt, step)
                })
            }
            Message::Acknowledge => {
                if !matches!(self.phase, Phase::Notice(_)) {
                    return Task::none();
                }
                self.phase = Phase::Waiting;
                self.attempt += 1;
                let attempt = self.attempt;
                let link = self.link.clone();
                Task::perform(link.acknowledge(), move |step| {
                    Message::LoginStep(attempt, step)
                })
            }
            Message::LoginStep(attempt, step) => {
                if attempt != self.attempt {
                    tracing::debug!(attempt, "a stale greetd reply was ignored");
                    return Task::none();
                }
                self.login_step(step)
            }
            Message::SessionStarted(Ok(())) => {
                self.phase = Phase::Started;
                if let (Some(user), Some(session)) = (&self.user, &self.session) {
                    self.memory.remember(user, session);
                } else if let Some(user) = &self.user {
                    self.memory.last_user = Some(user.clone());
                }
                if let Err(error) = self.memory.save(&self.config.state_file) {
                    tracing::warn!(%error, "could not remember the last user");
                }
                iced::exit()
            }
            Message::SessionStarted(Err(error)) => {
                tracing::warn!(%error, "the session did not start");
                let reason = error.to_string();
                let task = match self.user.clone() {
                    Some(user) if error.breaks_connection() => self.begin_after_pause(user),
                    Some(user) => self.begin(user),
                    None => self.back(),
                };
                self.problem = Some(Problem::SessionFailed(reason));
                task
            }
            Message::OpenMenu(menu) => {
                if menu == Menu::Language && self.languages.is_empty() {
                    self.languages = languages::all();
                }
                self.menu = if self.menu == Some(menu) {
                    None
                } else {
                    Some(menu)
                };
                match self.menu {
                    Some(menu) => operation::focus(crate::view::first_menu_item(self, menu)),
                    None => Task::none(),
                }
            }
            Message::CloseMenu => self.close_menu(),
            Message::ChooseSession(id) => {
                self.session = Some(id);
                self.close_menu()
            }
            Message::ChooseLayout(name) => {
                let compile = if name != self.base_layout
                    && (name != self.keys.layout() || !self.keys.is_compiled())
                {
                    // Typing follows the compositor until the keymap arrives.
                    self.keys = LayoutKeys::uncompiled(&name);
                    compile_keymap(name.clone())
                } else {
                    Task::none()
                };
                self.layout = name;
                Task::batch([self.close_menu(), compile])
            }
            Message::ChooseLanguage(locale) => {
                ferrum_i18n::set_locale(locale);
                self.language = locale;
                self.clock = clock::face(&clock::now());
                self.close_menu()
            }
            Message::ToggleVoicing => {
                self.voicing = !self.voicing;
                self.window.voicing(self.voicing).map(Message::Window)
            }
            Message::ToggleHighContrast => {
                self.high_contrast = !self.high_contrast;
                Task::none()
            }
            Message::ToggleLargeText => {
                self.large_text = !self.large_text;
                Task::none()
            }
            Message::Tick(now) => {
                self.clock = clock::face(&now);
                Task::none()
            }
            Message::Supply(update) => {
                self.supply = match update {
                    ServiceUpdate::Available(supply) => Some(supply),
                    _ => None,
                };
                Task::none()
            }
            Message::Network(update) => {
                self.network = match update {
                    ServiceUpdate::Available(status) => Some(status),
                    _ => None,
                };
                Task::none()
            }
            Message::PowerOffered(offered) => {
                match offered {
                    Ok(actions) => {
                        self.power_actions = actions;
                        self.power_problem = None;
                    }
                    Err(error) => {
                        tracing::info!(%error, "no power actions");
                        self.power_actions.clear();
                        self.power_problem = Some(fl!("greeter-power-unavailable"));
                    }
                }
                Task::none()
            }
            Message::Power(action) => {
                self.menu = None;
                let bus = self.bus.clone();
                Task::perform(
                    async move { logind::perform(&bus, action).await },
                    Message::PowerDone,
                )
            }
            Message::PowerDone(result) => {
                self.power_problem = match result {
                    Ok(()) => None,
                    Err(LogindError::NotAuthorized(..)) => Some(fl!("greeter-power-refused")),
                    Err(error) => Some(fl!("greeter-power-failed", reason = error.to_string())),
                };
                Task::none()
            }
            // Observed in `update`.
            Message::Key(_) => Task::none(),
            Message::Escape => {
                if self.menu.is_some() {
                    return self.close_menu();
                }
                match self.phase {
                    Phase::ChooseUser | Phase::Starting | Phase::Started => Task::none(),
                    Phase::EnterUserName
                        if self.config.hide_user_list || self.users == Users::Unavailable =>
                    {
                        self.typed_user_name.clear();
                        Task::none()
                    }
                    _ => self.back(),
                }
            }
            Message::Notice(message) => error_report::update(&mut self.notice, message)
                .map_or_else(Task::none, Effect::into_task),
            Message::Cancelled => Task::none(),
            Message::Window(message) => self.window.update(message).map(Message::Window),
        }
    }

    /// Key presses, the clock, the user list, battery and network, and the
    /// screen reader bridge.
    pub fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            keyboard::listen().filter_map(shortcut),
            iced::event::listen_with(any_key),
            Subscription::run(clock::minutes).map(Message::Tick),
            Subscription::run_with(self.bus.clone(), users_stream),
            Subscription::run_with(self.bus.clone(), supply_stream),
            Subscription::run_with(self.bus.clone(), network_stream),
            self.window.subscription().map(Message::Window),
        ])
    }
}

/// The user list as the screen subscribes to it (also used by tests).
pub fn users_stream(bus: &SystemBus) -> impl futures::Stream<Item = Message> + use<> {
    use futures::StreamExt;
    accounts::watch_users(bus.clone()).map(Message::UsersUpdated)
}

/// Battery and mains as the screen subscribes to them (also used by tests).
pub fn supply_stream(bus: &SystemBus) -> impl futures::Stream<Item = Message> + use<> {
    use futures::StreamExt;
    upower::watch_state(bus.clone()).map(Message::Supply)
}

/// Network status as the screen subscribes to it (also used by tests).
pub fn network_stream(bus: &SystemBus) -> impl futures::Stream<Item = Message> + use<> {
    use futures::StreamExt;
    network_status::watch_status(bus.clone()).map(Message::Network)
}

/// Runs blocking work (decoding, keymap compiling) on tokio's blocking pool;
/// `fallback` if the work panicked.
async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
    fallback: T,
) -> T {
    tokio::task::spawn_blocking(work).await.unwrap_or(fallback)
}

/// Compiles `layout`'s keymap off the UI thread.
fn compile_keymap(layout: String) -> Task<Message> {
    let fallback = LayoutKeys::uncompiled(&layout);
    Task::perform(
        off_thread(move || LayoutKeys::new(&layout), fallback),
        Message::KeymapCompiled,
    )
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
    let event = iced::Event::Keyboard(event.clone());
    match event {
        // GNOME's screen reader shortcut, even while a field has the focus:
        // reading aloud can start before any mouse use.
        iced::Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. })
            if modifiers.logo()
                && modifiers.alt()
                && matches!(key.as_ref(), keyboard::Key::Character("s" | "S")) =>
        {
            Some(Message::ToggleVoicing)
        }
        // Text fields take Escape for themselves; here it always means back.
        iced::Event::Keyboard(keyboard::Event::KeyPressed {
            key: keyboard::Key::Named(key::Named::Escape),
            ..
        }) => Some(Message::Escape),
        iced::Event::Keyboard(event @ keyboard::Event::KeyPressed { .. }) => {
            Some(Message::Key(event))
        }
        _ => None,
    }
}

/// The screen's keyboard shortcuts for key presses no widget took: the
/// window component's focus keys.
pub fn shortcut(event: keyboard::Event) -> Option<Message> {
    window::focus_key(event).map(Message::Window)
}

impl Greeter {
    /// Draws the screen (see [`crate::view`]).
    pub fn view(&self) -> iced::Element<'_, Message> {
        window::mark_first_view();
        crate::view::view(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A greeter with default settings, no greetd and no system bus.
    pub(crate) fn greeter(dir: &std::path::Path, extra_config: &str) -> Greeter {
        let config = dir.join("greeter.toml");
        std::fs::write(
            &config,
            format!(
                "state_file = \"{}\"\n{extra_config}",
                dir.join("state.toml").display()
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
        let base = greeter.base_layout.clone();
        let (first, second) = if base == "de" {
            ("fr", "ua")
        } else {
            ("de", "fr")
        };
        let _ = greeter.update(Message::ChooseLayout(first.into()));
        // Until its keymap arrives, typing follows the compositor.
        assert_eq!(greeter.layout(), first);
        assert!(greeter.typing_layout().is_none());
        let _ = greeter.update(Message::ChooseLayout(second.into()));
        // The first layout's keymap arrives late: it is not used.
        let _ = greeter.update(Message::KeymapCompiled(LayoutKeys::new(first)));
        assert!(greeter.typing_layout().is_none());
        let _ = greeter.update(Message::KeymapCompiled(LayoutKeys::new(second)));
        assert_eq!(
            greeter.typing_layout().map(LayoutKeys::layout),
            Some(second)
        );
        // Back to the compositor's own layout: no keymap needed.
        let _ = greeter.update(Message::ChooseLayout(base));
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
        let _ = greeter.update(Message::UsersUpdated(ServiceUpdate::Available(vec![
            ada.clone(),
        ])));
        assert!(
            greeter.avatars.is_empty(),
            "decoded in a task, not in update"
        );
        // An answer for an older list is dropped; the latest one is shown.
        let (pictures, cache) = crate::pictures::decode_avatars(
            &[("ada".into(), ada.icon.clone().expect("icon"))],
            &AvatarCache::default(),
        );
        let _ = greeter.update(Message::UsersUpdated(ServiceUpdate::Available(vec![ada])));
        let decoded = AvatarsDecoded { pictures, cache };
        let _ = greeter.update(Message::AvatarsDecoded(1, decoded.clone()));
        assert!(greeter.avatars.is_empty());
        let _ = greeter.update(Message::AvatarsDecoded(2, decoded));
        assert!(greeter.avatars.contains_key("ada"));
    }
}
