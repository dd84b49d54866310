//! The first-boot setup: what takes the login screen's place while the machine has no
//! person on it (see [`crate::mode`]). Same process, same accessibility (reading
//! aloud, high contrast, large text from the first screen, through the login screen's
//! own accessibility menu), six steps with Back and Next:
//!
//! 1. language (the shipped locales, each named in itself; the setup follows at once),
//! 2. keyboard layout (the login screen's list; typing follows at once),
//! 3. time zone (searchable, guessed from the language; applied through timedated),
//! 4. network (optional: NetworkManager's state, a Wi-Fi network joined with its
//!    password),
//! 5. the first account (AccountsService: created, its password set, a person last),
//! 6. straight into that person's session through greetd (the password just set
//!    answers PAM's question; it is never written anywhere).
//!
//! Shape: each step's state is here, [`Message`] is everything that can happen,
//! [`Setup::apply`] changes the state and returns an [`Outcome`] — a daemon
//! [`Request`] and a UI [`Effect`], separate — and never blocks; [`Request::run`] is
//! the daemon work (the window runs it as a task, tests call it directly).

pub mod account;
pub mod ids;
pub mod view;
pub mod zones;

use std::path::PathBuf;

use ferrum_accessibility::Preferences;
use ferrum_accessibility::preferences::local_time;
use ferrum_accessibility::tree::Snapshot;
use ferrum_i18n::fl;
use ferrum_services::network::{
    self, AccessPointPath, DevicePath, NetworkCommandError, Overview, Security, Ssid, WifiPassword,
};
use ferrum_services::network_status::NetworkError;
use ferrum_services::new_account::{self, Created, Leftover, NewAccount, NewAccountError};
use ferrum_services::secret::Secret;
use ferrum_services::timedate::{self, TimedateError};
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_ui::Effect;
use ferrum_ui::window::{self, TreeRead, Window};
use iced::keyboard;
use iced::{Subscription, Task, Theme};

use crate::app::{Options, session_request};
use crate::caps_lock::CapsLock;
use crate::config::Config;
use crate::greetd::{LoginError, PromptKind, Step as LoginStep};
use crate::languages::{self, Language};
use crate::login::Link;
use crate::menus::{self, Menu};
use crate::sessions::{self, Session};
use crate::typing::LayoutKeys;
use crate::{appearance, layouts};

/// The setup's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// The language.
    Language,
    /// The keyboard layout.
    Keyboard,
    /// The time zone.
    TimeZone,
    /// The network (optional).
    Network,
    /// The first account.
    Account,
    /// Logging the new person in.
    Finish,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 6] = [
        Step::Language,
        Step::Keyboard,
        Step::TimeZone,
        Step::Network,
        Step::Account,
        Step::Finish,
    ];

    /// Its number, from 1.
    pub fn number(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    fn previous(self) -> Step {
        match self.number() {
            0 | 1 => self,
            n => Self::ALL[n - 2],
        }
    }
}

/// Why the step could not go on, said on the step it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// timedated did not set the zone.
    Zone(TimedateError),
    /// The Wi-Fi password cannot be right for the network.
    WifiPassword(network::PasswordError),
    /// Joining the network failed.
    Join(NetworkCommandError),
    /// The account was not created.
    Account(NewAccountError),
    /// Logging in failed (the account exists).
    Login(LoginError),
}

/// The Wi-Fi network chosen in the network step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChosenNetwork {
    /// The Wi-Fi device.
    pub device: DevicePath,
    /// The access point.
    pub access_point: AccessPointPath,
    /// Its name.
    pub ssid: Ssid,
    /// How it is protected.
    pub security: Security,
}

/// What NetworkManager said last.
#[derive(Debug, Clone, PartialEq)]
pub enum NetworkView {
    /// Nothing yet.
    Loading,
    /// Its state.
    Known(Overview),
    /// NetworkManager is missing or failing.
    Unavailable,
}

/// Everything that can happen in the setup.
#[derive(Debug, Clone)]
pub enum Message {
    /// Next (or Create account on the account step, Skip on the network step).
    Next,
    /// Back.
    Back,
    /// The accessibility menu, the language and the keyboard layout (the login
    /// screen's menus' messages).
    Menus(menus::Message),
    /// The time-zone search changed.
    ZoneQuery(String),
    /// A time zone was chosen.
    ChooseZone(String),
    /// timedated answered attempt `.0`.
    ZoneSet(u64, Result<(), TimedateError>),
    /// NetworkManager's state.
    Network(ServiceUpdate<Overview, NetworkError>),
    /// A Wi-Fi network was chosen.
    ChooseNetwork(ChosenNetwork),
    /// The Wi-Fi password changed.
    WifiPasswordChanged(Secret),
    /// Join the chosen network.
    Join,
    /// NetworkManager answered join attempt `.0`.
    Joined(u64, Result<(), NetworkCommandError>),
    /// The full name changed.
    FullName(String),
    /// The user name changed.
    UserName(String),
    /// The password changed.
    Password(Secret),
    /// The confirmation changed.
    Confirmation(Secret),
    /// Administrator on or off.
    Administrator(bool),
    /// AccountsService answered attempt `.0`.
    AccountDone(u64, Result<Created, NewAccountError>),
    /// Log in again after a failure.
    Retry,
    /// greetd answered login attempt `.0`.
    LoggedIn(u64, Result<(), LoginError>),
    /// A key press anywhere (Caps Lock).
    Key(keyboard::Event),
    /// Escape: close the menu, or back.
    Escape,
    /// The window: focus keys, accessible tree, speech.
    Window(window::Message),
}

/// Daemon work asked for by [`Setup::apply`], each with the attempt it answers.
#[derive(Debug, Clone)]
pub enum Request {
    /// timedated: set the zone.
    SetTimezone(u64, String),
    /// NetworkManager: join a Wi-Fi network.
    Join(u64, ChosenNetwork, Option<WifiPassword>),
    /// AccountsService: remove an unfinished account first (if any), check the name is
    /// free, create the person.
    CreateAccount(u64, Option<Leftover>, NewAccount),
    /// greetd: log `user` in with `password`, start `command` with `environment`.
    Login {
        /// The attempt.
        attempt: u64,
        /// The user name.
        user: String,
        /// The password just set.
        password: Secret,
        /// The session's command.
        command: Vec<String>,
        /// The session's environment.
        environment: Vec<String>,
    },
}

/// What [`Setup::apply`] asks for: daemon work and a UI effect, apart, and whether the
/// setup is over (the session started: the process ends, greetd runs the session).
#[derive(Debug, Default)]
pub struct Outcome {
    /// Daemon work.
    pub request: Option<Request>,
    /// A UI effect (focus).
    pub effect: Option<Effect>,
    /// The session started.
    pub exit: bool,
}

impl Outcome {
    fn none() -> Self {
        Self::default()
    }

    fn request(request: Request) -> Self {
        Self {
            request: Some(request),
            ..Self::default()
        }
    }

    fn focus(id: ferrum_ui::WidgetId) -> Self {
        Self {
            effect: Some(Effect::Focus(id)),
            ..Self::default()
        }
    }
}

impl Request {
    /// Does the work; the answer is a message for [`Setup::apply`].
    pub async fn run(self, bus: SystemBus, link: Link) -> Message {
        match self {
            Request::SetTimezone(attempt, zone) => {
                Message::ZoneSet(attempt, timedate::set_timezone(&bus, &zone).await)
            }
            Request::Join(attempt, chosen, password) => {
                let credentials = match password {
                    Some(password) => network::Credentials::Password(password),
                    None => network::Credentials::None,
                };
                let result = network::connect_wifi(
                    &bus,
                    &chosen.device,
                    Some(&chosen.access_point),
                    &chosen.ssid,
                    chosen.security,
                    &credentials,
                    false,
                )
                .await;
                Message::Joined(attempt, result)
            }
            Request::CreateAccount(attempt, leftover, account) => {
                Message::AccountDone(attempt, create_account(&bus, leftover, &account).await)
            }
            Request::Login {
                attempt,
                user,
                password,
                command,
                environment,
            } => Message::LoggedIn(
                attempt,
                log_in(link, user, password, command, environment).await,
            ),
        }
    }
}

/// Removes the account a failed attempt left (it is no person: allowed while the
/// machine has none), refuses a taken name, creates the person.
pub async fn create_account(
    bus: &SystemBus,
    leftover: Option<Leftover>,
    account: &NewAccount,
) -> Result<Created, NewAccountError> {
    if let Some(leftover) = leftover {
        new_account::remove(bus, &leftover).await?;
    }
    if new_account::is_taken(bus, &account.user_name).await? {
        return Err(NewAccountError::NameTaken(account.user_name.clone()));
    }
    new_account::create(bus, account).await
}

/// Logs `user` in through greetd with the password just set (PAM's one hidden question;
/// its messages are acknowledged) and starts the session. A second question (PAM asking
/// more than the password) is not answered: the conversation is cancelled.
pub async fn log_in(
    link: Link,
    user: String,
    password: Secret,
    command: Vec<String>,
    environment: Vec<String>,
) -> Result<(), LoginError> {
    let conversation = async {
        let mut step = link.clone().begin(user).await?;
        let mut answered = false;
        loop {
            step = match step {
                LoginStep::Prompt(prompt) if prompt.kind == PromptKind::Secret && !answered => {
                    answered = true;
                    link.clone().answer(password.clone()).await?
                }
                LoginStep::Prompt(_) => {
                    return Err(LoginError::Unexpected(
                        "the login service asked more than the password".into(),
                    ));
                }
                LoginStep::Notice(_) => link.clone().acknowledge().await?,
                LoginStep::Authenticated => break,
            };
        }
        link.clone().start(command, environment).await
    };
    let result = conversation.await;
    if result.is_err() {
        let _ = link.cancel().await;
    }
    result
}

/// The network step's state.
#[derive(Debug)]
pub struct NetworkStep {
    /// What NetworkManager said last.
    pub view: NetworkView,
    /// The network chosen.
    pub chosen: Option<ChosenNetwork>,
    /// The Wi-Fi password typed.
    pub password: Secret,
    /// A join is under way.
    pub joining: bool,
}

/// The first-boot setup.
#[derive(Debug)]
pub struct Setup {
    pub(crate) config: Config,
    pub(crate) appearance: Preferences,
    pub(crate) hour: i8,
    bus: SystemBus,
    link: Link,
    pub(crate) step: Step,
    pub(crate) menus: menus::State,
    pub(crate) languages: Vec<Language>,
    pub(crate) sessions: Vec<Session>,
    pub(crate) caps_lock: CapsLock,
    pub(crate) window: Window,
    pub(crate) zones: Vec<zones::Zone>,
    pub(crate) zone: String,
    /// The person chose the zone (the language no longer moves it).
    pub(crate) zone_chosen: bool,
    pub(crate) zone_query: String,
    pub(crate) network: NetworkStep,
    pub(crate) form: account::Form,
    /// An account an earlier attempt could not finish nor remove.
    pub(crate) leftover: Option<Leftover>,
    pub(crate) created: Option<Created>,
    /// A daemon request of this step is under way (Next waits).
    pub(crate) busy: bool,
    pub(crate) problem: Option<Problem>,
    attempt: u64,
}

/// How the setup is started (the login screen's options, plus tzdata's table).
#[derive(Debug, Clone, Default)]
pub struct SetupOptions {
    /// The login screen's options (settings file, layouts list, speech socket).
    pub greeter: Options,
    /// tzdata's zone table (default [`zones::ZONE_TABLE`]).
    pub zone_table: Option<PathBuf>,
}

impl Setup {
    /// Builds the setup from its options, the system bus and greetd's link.
    pub fn new(options: &SetupOptions, bus: SystemBus, link: Link) -> (Self, Task<Message>) {
        let config_path = options
            .greeter
            .config
            .clone()
            .unwrap_or_else(|| PathBuf::from(crate::config::DEFAULT_PATH));
        let (config, config_error) = Config::load(&config_path);
        if let Some(error) = config_error {
            tracing::warn!(%error, "greeter settings unusable; defaults in use");
        }
        let appearance = appearance::load(&config.appearance);
        let language = languages::shipped(&ferrum_i18n::current_locale().to_string());
        let sessions = sessions::discover(&config.session_dirs, language);
        let (layouts, layout, base_layout) =
            layouts::starting(options.greeter.layouts.as_deref(), &config.keyboard_layouts);
        let (mut menus, _) =
            menus::State::new(Vec::new(), layouts, layout.clone(), base_layout, language);
        menus.high_contrast = appearance.high_contrast;
        menus.large_text = appearance::large_text(&appearance);
        let compile = menus
            .choose_layout(layout)
            .map_or_else(Task::none, |layout| {
                menus::compile_keymap_into(layout, |keys| {
                    Message::Menus(menus::Message::KeymapCompiled(keys))
                })
            });
        let zones = zones::load(
            options
                .zone_table
                .as_deref()
                .unwrap_or(std::path::Path::new(zones::ZONE_TABLE)),
        );
        let zone = zones::guess(&zones, language);
        let setup = Self {
            appearance,
            hour: local_time().0,
            bus,
            link,
            step: Step::Language,
            menus,
            languages: languages::all(),
            sessions,
            caps_lock: CapsLock::default(),
            window: Window::new(
                "ferrum-greeter",
                window_title,
                options.greeter.speech_socket.clone(),
            ),
            zones,
            zone,
            zone_chosen: false,
            zone_query: String::new(),
            network: NetworkStep {
                view: NetworkView::Loading,
                chosen: None,
                password: Secret::default(),
                joining: false,
            },
            form: account::Form::default(),
            leftover: None,
            created: None,
            busy: false,
            problem: None,
            attempt: 0,
            config,
        };
        let focus = Effect::Focus(ids::language(language)).into_task();
        (setup, Task::batch([compile, focus]))
    }

    /// The step shown.
    pub fn step(&self) -> Step {
        self.step
    }

    /// The sentence shown, if any.
    pub fn problem(&self) -> Option<&Problem> {
        self.problem.as_ref()
    }

    /// The time zone chosen (or guessed).
    pub fn zone(&self) -> &str {
        &self.zone
    }

    /// The account form.
    pub fn form(&self) -> &account::Form {
        &self.form
    }

    /// The chosen language (a shipped locale).
    pub fn language(&self) -> &'static str {
        self.menus.language
    }

    /// The chosen keyboard layout.
    pub fn layout(&self) -> &str {
        &self.menus.layout
    }

    /// The account created, once it is.
    pub fn created(&self) -> Option<&Created> {
        self.created.as_ref()
    }

    /// An account left unfinished by a failed attempt.
    pub fn leftover(&self) -> Option<&Leftover> {
        self.leftover.as_ref()
    }

    /// Whether a daemon request is under way.
    pub fn is_busy(&self) -> bool {
        self.busy
    }

    /// The open menu.
    pub fn menu(&self) -> Option<Menu> {
        self.menus.open
    }

    /// The latest accessible tree.
    pub fn accessible_tree(&self) -> &Snapshot {
        &self.window.snapshot
    }

    /// The keymap typing follows (see [`menus::State::typing_layout`]).
    pub fn typing_layout(&self) -> Option<&LayoutKeys> {
        self.menus.typing_layout()
    }

    /// The zones the search shows.
    pub fn zone_results(&self) -> Vec<&zones::Zone> {
        zones::search(&self.zones, &self.zone_query, 40)
    }

    /// Shows `step` without doing the ones before it (for golden images and
    /// demonstrations: nothing is asked of a daemon).
    pub fn show_step(&mut self, step: Step) {
        self.busy = false;
        self.step = step;
        self.problem = None;
    }

    fn next_attempt(&mut self) -> u64 {
        self.attempt += 1;
        self.attempt
    }

    /// The control a step starts on.
    pub fn first_control(&self, step: Step) -> ferrum_ui::WidgetId {
        match step {
            Step::Language => ids::language(self.menus.language),
            Step::Keyboard => ids::layout(&self.menus.layout),
            Step::TimeZone => ids::ZONE_SEARCH,
            Step::Network => ids::NEXT,
            Step::Account => ids::FULL_NAME,
            Step::Finish => ids::WAITING,
        }
    }

    fn go_to(&mut self, step: Step) -> Outcome {
        self.step = step;
        self.problem = None;
        Outcome::focus(self.first_control(step))
    }

    /// Applies a message of a step (not the window's, the menus' or keys, which
    /// need the window: see [`window::App::update`]). Never blocks.
    pub fn apply(&mut self, message: Message) -> Outcome {
        match message {
            Message::Next => self.next(),
            Message::Back => {
                if self.busy || matches!(self.step, Step::Language | Step::Finish) {
                    return Outcome::none();
                }
                let previous = self.step.previous();
                self.go_to(previous)
            }
            Message::ZoneQuery(query) => {
                self.zone_query = query;
                Outcome::none()
            }
            Message::ChooseZone(zone) => {
                if self.zones.iter().any(|z| z.name == zone) {
                    self.zone = zone;
                    self.zone_chosen = true;
                    self.problem = None;
                }
                Outcome::none()
            }
            Message::ZoneSet(attempt, result) => {
                if attempt != self.attempt || self.step != Step::TimeZone {
                    return Outcome::none();
                }
                self.busy = false;
                match result {
                    Ok(()) => self.go_to(Step::Network),
                    Err(error) => {
                        tracing::info!(%error, "the time zone was not set");
                        self.problem = Some(Problem::Zone(error));
                        Outcome::focus(ids::NEXT)
                    }
                }
            }
            Message::Network(update) => {
                self.network.view = match update {
                    ServiceUpdate::Available(overview) => NetworkView::Known(overview),
                    _ => NetworkView::Unavailable,
                };
                Outcome::none()
            }
            Message::ChooseNetwork(chosen) => {
                if self.network.chosen.as_ref() != Some(&chosen) {
                    self.network.password = Secret::default();
                }
                let needs_password = needs_password(chosen.security);
                self.network.chosen = Some(chosen);
                self.problem = None;
                if needs_password {
                    Outcome::focus(ids::WIFI_PASSWORD)
                } else {
                    Outcome::focus(ids::JOIN)
                }
            }
            Message::WifiPasswordChanged(password) => {
                self.network.password = password;
                Outcome::none()
            }
            Message::Join => self.join(),
            Message::Joined(attempt, result) => {
                if attempt != self.attempt || self.step != Step::Network {
                    return Outcome::none();
                }
                self.network.joining = false;
                self.busy = false;
                match result {
                    Ok(()) => {
                        self.network.password = Secret::default();
                        Outcome::focus(ids::NEXT)
                    }
                    Err(error) => {
                        tracing::info!(%error, "joining the Wi-Fi network failed");
                        self.problem = Some(Problem::Join(error));
                        Outcome::focus(ids::WIFI_PASSWORD)
                    }
                }
            }
            Message::FullName(name) => {
                self.form.set_full_name(name);
                Outcome::none()
            }
            Message::UserName(name) => {
                self.form.set_user_name(name);
                Outcome::none()
            }
            Message::Password(password) => {
                if password.expose().len() <= account::MAX_PASSWORD_BYTES + 1 {
                    self.form.password = password;
                    self.form.password_problem = None;
                }
                Outcome::none()
            }
            Message::Confirmation(password) => {
                if password.expose().len() <= account::MAX_PASSWORD_BYTES + 1 {
                    self.form.confirmation = password;
                    self.form.password_problem = None;
                }
                Outcome::none()
            }
            Message::Administrator(on) => {
                self.form.administrator = on;
                Outcome::none()
            }
            Message::AccountDone(attempt, result) => self.account_done(attempt, result),
            Message::Retry => {
                if self.step == Step::Finish && !self.busy {
                    self.problem = None;
                    self.log_in()
                } else {
                    Outcome::none()
                }
            }
            Message::LoggedIn(attempt, result) => {
                if attempt != self.attempt {
                    return Outcome::none();
                }
                self.busy = false;
                match result {
                    Ok(()) => {
                        // The password is not needed any more.
                        self.form.password = Secret::default();
                        self.form.confirmation = Secret::default();
                        Outcome {
                            exit: true,
                            ..Outcome::default()
                        }
                    }
                    Err(error) => {
                        tracing::warn!(%error, "the new person could not be logged in");
                        self.problem = Some(Problem::Login(error));
                        Outcome::focus(ids::RETRY)
                    }
                }
            }
            // The window's own, the menus' and keys are handled in `update`.
            Message::Menus(_) | Message::Key(_) | Message::Escape | Message::Window(_) => {
                Outcome::none()
            }
        }
    }

    fn next(&mut self) -> Outcome {
        if self.busy {
            return Outcome::none();
        }
        match self.step {
            Step::Language => self.go_to(Step::Keyboard),
            Step::Keyboard => self.go_to(Step::TimeZone),
            Step::TimeZone => {
                self.busy = true;
                self.problem = None;
                let attempt = self.next_attempt();
                Outcome::request(Request::SetTimezone(attempt, self.zone.clone()))
            }
            Step::Network => self.go_to(Step::Account),
            Step::Account => {
                self.problem = None;
                if !self.form.check() {
                    let focus = if self.form.name_problem.is_some() {
                        ids::USER_NAME
                    } else {
                        ids::PASSWORD
                    };
                    return Outcome::focus(focus);
                }
                self.busy = true;
                let attempt = self.next_attempt();
                Outcome::request(Request::CreateAccount(
                    attempt,
                    self.leftover.clone(),
                    NewAccount {
                        user_name: self.form.user_name.clone(),
                        real_name: self.form.real_name(),
                        administrator: self.form.administrator,
                        password: self.form.password.clone(),
                    },
                ))
            }
            Step::Finish => Outcome::none(),
        }
    }

    fn join(&mut self) -> Outcome {
        if self.busy || self.step != Step::Network {
            return Outcome::none();
        }
        let Some(chosen) = self.network.chosen.clone() else {
            return Outcome::none();
        };
        let password = if needs_password(chosen.security) {
            match WifiPassword::parse(self.network.password.expose(), chosen.security) {
                Ok(password) => Some(password),
                Err(error) => {
                    self.problem = Some(Problem::WifiPassword(error));
                    return Outcome::focus(ids::WIFI_PASSWORD);
                }
            }
        } else {
            None
        };
        self.problem = None;
        self.busy = true;
        self.network.joining = true;
        let attempt = self.next_attempt();
        Outcome::request(Request::Join(attempt, chosen, password))
    }

    fn account_done(&mut self, attempt: u64, result: Result<Created, NewAccountError>) -> Outcome {
        if attempt != self.attempt || self.step != Step::Account {
            return Outcome::none();
        }
        self.busy = false;
        match result {
            Ok(created) => {
                self.leftover = None;
                self.created = Some(created);
                self.step = Step::Finish;
                self.problem = None;
                let mut outcome = self.log_in();
                // The waiting line takes no focus: the focus leaves Create account (no longer
                // drawn) and the line, an alert, is heard.
                outcome.effect = Some(Effect::Focus(ids::WAITING));
                outcome
            }
            Err(error) => {
                tracing::info!(%error, "the account was not created");
                match &error {
                    NewAccountError::LeftBehind { leftover, .. } => {
                        self.leftover = Some(leftover.clone());
                    }
                    // An earlier leftover was removed before anything failed.
                    NewAccountError::NameTaken(_) | NewAccountError::Undone { .. } => {
                        self.leftover = None;
                    }
                    _ => {}
                }
                let focus = if matches!(error, NewAccountError::NameTaken(_)) {
                    self.form.name_problem = Some(account::NameProblem::Taken);
                    ids::USER_NAME
                } else {
                    ids::NEXT
                };
                self.problem = Some(Problem::Account(error));
                Outcome::focus(focus)
            }
        }
    }

    /// The session greetd starts: the configured default, else the first installed.
    fn chosen_session(&self) -> Option<&Session> {
        sessions::preselect(&self.sessions, None, self.config.default_session.as_deref())
    }

    fn log_in(&mut self) -> Outcome {
        let Some(created) = &self.created else {
            return Outcome::none();
        };
        let user = created.user_name.clone();
        let (command, environment) = session_request(
            self.chosen_session(),
            &self.config.fallback_command,
            self.menus.language,
            &self.menus.layout,
        );
        self.busy = true;
        let attempt = self.next_attempt();
        Outcome::request(Request::Login {
            attempt,
            user,
            password: self.form.password.clone(),
            command,
            environment,
        })
    }

    /// The menus' messages: the accessibility menu, and the language and layout the
    /// first two steps choose.
    fn update_menus(&mut self, message: menus::Message) -> Task<Message> {
        let menus = &mut self.menus;
        match message {
            menus::Message::OpenMenu(menu) => {
                menus.open = if menus.open == Some(menu) {
                    None
                } else {
                    Some(menu)
                };
                match menus.open {
                    Some(menu) => Effect::Focus(menus::first_menu_item(menus, menu)).into_task(),
                    None => Task::none(),
                }
            }
            menus::Message::CloseMenu => self.close_menu(),
            menus::Message::ChooseLanguage(locale) => {
                ferrum_i18n::set_locale(locale);
                menus.language = locale;
                if !self.zone_chosen {
                    self.zone = zones::guess(&self.zones, locale);
                }
                Task::none()
            }
            menus::Message::ChooseLayout(name) => {
                menus.choose_layout(name).map_or_else(Task::none, |layout| {
                    menus::compile_keymap_into(layout, |keys| {
                        Message::Menus(menus::Message::KeymapCompiled(keys))
                    })
                })
            }
            menus::Message::KeymapCompiled(keys) => {
                menus.keymap_compiled(keys);
                Task::none()
            }
            menus::Message::ToggleVoicing => {
                menus.voicing = !menus.voicing;
                self.window.voicing(menus.voicing).map(Message::Window)
            }
            menus::Message::ToggleHighContrast => {
                menus.high_contrast = !menus.high_contrast;
                Task::none()
            }
            menus::Message::ToggleLargeText => {
                menus.large_text = !menus.large_text;
                Task::none()
            }
            // No session or power menu in the setup.
            menus::Message::ChooseSession(_)
            | menus::Message::PowerOffered(_)
            | menus::Message::Power(_)
            | menus::Message::CallPower(..)
            | menus::Message::PowerDone(..) => Task::none(),
        }
    }

    fn close_menu(&mut self) -> Task<Message> {
        match self.menus.open.take() {
            Some(menu) => Effect::Focus(menus::menu_button(menu)).into_task(),
            None => Task::none(),
        }
    }

    fn outcome_task(&self, outcome: Outcome) -> Task<Message> {
        let request = outcome.request.map_or_else(Task::none, |request| {
            Task::perform(request.run(self.bus.clone(), self.link.clone()), |m| m)
        });
        let effect = outcome.effect.map_or_else(Task::none, Effect::into_task);
        let exit = if outcome.exit {
            iced::exit()
        } else {
            Task::none()
        };
        Task::batch([request, effect, exit])
    }
}

/// Whether joining a network of this security needs a password.
fn needs_password(security: Security) -> bool {
    !matches!(security, Security::Open | Security::EnhancedOpen)
}

fn window_title() -> String {
    fl!("setup-title")
}

/// NetworkManager's state as the network step subscribes to it (also used by tests).
pub fn network_stream(bus: &SystemBus) -> impl futures::Stream<Item = Message> + use<> {
    use futures::StreamExt;
    network::watch_network(bus.clone()).map(Message::Network)
}

/// What every key press means, even one a widget took: the reading-aloud shortcut,
/// Escape, Caps Lock.
pub fn key_event(event: &keyboard::Event) -> Option<Message> {
    match crate::app::key_event(event)? {
        crate::Message::Menus(message) => Some(Message::Menus(message)),
        crate::Message::Escape => Some(Message::Escape),
        crate::Message::Key(event) => Some(Message::Key(event)),
        _ => None,
    }
}

/// The focus keys, for key presses no widget took.
pub fn shortcut(event: keyboard::Event) -> Option<Message> {
    window::focus_key(event).map(Message::Window)
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

/// Whether a message moves the focus (the tree is read after it).
fn moves_focus(message: &Message) -> bool {
    match message {
        Message::Menus(message) => menus::moves_focus(message),
        Message::Next
        | Message::Back
        | Message::Escape
        | Message::ZoneSet(..)
        | Message::ChooseNetwork(_)
        | Message::Joined(..)
        | Message::AccountDone(..)
        | Message::LoggedIn(..)
        | Message::Retry => true,
        _ => false,
    }
}

impl window::App for Setup {
    type Message = Message;

    fn update(&mut self, message: Message) -> Task<Message> {
        if let Message::Key(event) = &message
            && !self.caps_lock.observe(event)
        {
            return Task::none();
        }
        let read = match &message {
            Message::Window(message) => TreeRead::of(Some(message), false),
            message => TreeRead::of(None, moves_focus(message)),
        };
        let task = match message {
            Message::Window(message) => self.window.update(message).map(Message::Window),
            Message::Menus(message) => self.update_menus(message),
            Message::Key(_) => Task::none(),
            Message::Escape => {
                if self.menus.open.is_some() {
                    self.close_menu()
                } else {
                    let outcome = self.apply(Message::Back);
                    self.outcome_task(outcome)
                }
            }
            message => {
                let outcome = self.apply(message);
                self.outcome_task(outcome)
            }
        };
        read.after(task, Message::Window)
    }

    fn view(&self) -> iced::Element<'_, Message> {
        window::mark_first_view();
        view::view(self)
    }

    fn title(&self) -> String {
        fl!("setup-title")
    }

    fn theme(&self) -> Theme {
        appearance::theme(&self.appearance, self.hour, self.menus.high_contrast)
    }

    fn scale_factor(&self) -> f32 {
        if self.menus.large_text {
            appearance::large_text_scale(&self.appearance)
        } else {
            1.0
        }
    }

    fn subscription(&self) -> Subscription<Message> {
        let mut subscriptions = vec![
            keyboard::listen().filter_map(shortcut),
            iced::event::listen_with(any_key),
            self.window.subscription().map(Message::Window),
        ];
        if self.step == Step::Network {
            subscriptions.push(Subscription::run_with(self.bus.clone(), network_stream));
        }
        Subscription::batch(subscriptions)
    }
}

#[cfg(test)]
mod tests;
