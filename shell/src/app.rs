//! The settings window: which panel is shown, the search, the style, and the
//! glue that runs each panel's requests and subscription.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use std::path::PathBuf;

use ferrum_accessibility::bridge::{self, BridgeEvent, ScreenReaderAction};
use ferrum_accessibility::preferences::{Preferences, PreferencesError};
use ferrum_accessibility::speech::SpeechStatus;
use ferrum_accessibility::tree::{self, ControlAction, Snapshot};
use ferrum_i18n::fl;
use ferrum_panels::error_report::{self, ErrorReport};
use ferrum_panels::{PanelId, about, accessibility, network, power, private_dns};
use ferrum_services::SystemBus;
use iced::advanced::widget::operate;
use iced::keyboard::{self, key};
use iced::widget::{column, container, operation, row, rule, scrollable};
use iced::{Element, Length, Subscription, Task, Theme};

use crate::a11y::A11y;
use crate::cli::Options;
use crate::sidebar;
use crate::theme::ThemeChoice;

/// The id of the sidebar's search field.
pub const SEARCH_ID: &str = "sidebar-search";

/// When the process started, for the first-frame measurement in the log.
pub static PROCESS_START: OnceLock<Instant> = OnceLock::new();
static FIRST_VIEW_LOGGED: AtomicBool = AtomicBool::new(false);

/// The whole app.
#[derive(Debug)]
pub struct App {
    active: PanelId,
    query: String,
    theme: ThemeChoice,
    notice: Option<ErrorReport>,
    preferences: Preferences,
    preferences_path: Option<PathBuf>,
    a11y: A11y,
    /// The Power page.
    pub power: power::State,
    /// The About page.
    pub about: about::State,
    /// The Private DNS page.
    pub private_dns: private_dns::State,
    /// The Network page.
    pub network: network::State,
}

/// Everything that can happen in the window.
#[derive(Debug, Clone)]
pub enum Message {
    /// Show a panel.
    SelectPanel(PanelId),
    /// The search text changed.
    SearchChanged(String),
    /// Enter in the search field: open the first match.
    SearchSubmitted,
    /// Switch between light and dark.
    ToggleTheme,
    /// Ctrl+F: put the cursor in the search field.
    FocusSearch,
    /// Escape: clear the search.
    ClearSearch,
    /// Tab: next focusable element.
    FocusNext,
    /// Shift+Tab: previous focusable element.
    FocusPrevious,
    /// Something on the Power page.
    Power(power::Message),
    /// Something on the About page.
    About(about::Message),
    /// Something on the Private DNS page.
    PrivateDns(private_dns::Message),
    /// A Network page message.
    Network(network::Message),
    /// Something on the Accessibility page.
    Accessibility(accessibility::Message),
    /// The user acted on the window-level notice.
    Notice(error_report::Message),
    /// The accessible tree after an update.
    Snapshot(Snapshot),
    /// The AT-SPI bridge came up or a screen reader asked for something.
    Bridge(BridgeEvent),
    /// Nothing to do but draw a frame (lets a control act on a screen reader's request).
    Nudge,
    /// The speech service became reachable or unreachable.
    SpeechStatus(SpeechStatus),
}

impl App {
    /// Builds the app from the command line and the bus to use.
    pub fn new(options: &Options, bus: SystemBus) -> (Self, Task<Message>) {
        let requested = options.panel.as_deref();
        let active = requested
            .and_then(PanelId::from_slug)
            .unwrap_or(PanelId::DEFAULT);
        let notice = requested
            .filter(|slug| PanelId::from_slug(slug).is_none())
            .map(|slug| {
                let known: Vec<&str> = PanelId::ALL.iter().map(|p| p.slug()).collect();
                ErrorReport::new(
                    fl!(
                        "unknown-panel",
                        panel = slug.to_owned(),
                        fallback = active.title()
                    ),
                    fl!("unknown-panel-detail", known = known.join(", ")),
                )
            });
        let preferences_path = options
            .preferences
            .clone()
            .or_else(Preferences::default_path);
        let (preferences, preferences_error) = match preferences_path.as_deref() {
            Some(path) => match Preferences::load(path) {
                Ok(preferences) => (preferences, None),
                Err(error) => (Preferences::default(), Some(error)),
            },
            None => (Preferences::default(), None),
        };
        let notice = notice.or_else(|| {
            preferences_error.map(|error| {
                tracing::warn!(%error, "accessibility preferences unreadable");
                ErrorReport::new(fl!("a11y-preferences-invalid"), error.to_string())
            })
        });
        let mut a11y = A11y::with_speech_socket(options.speech_socket.clone());
        let speech_status = a11y.set_voicing(preferences.self_voicing);
        let app = Self {
            active,
            query: String::new(),
            theme: options.theme.unwrap_or_else(ThemeChoice::from_env),
            notice,
            preferences,
            preferences_path,
            a11y,
            power: power::State::new(bus.clone()),
            about: about::State::default(),
            private_dns: private_dns::State::new(bus.clone()),
            network: network::State::new(bus),
        };
        let enter = app.enter(active);
        let watch_speech = speech_status.map_or_else(Task::none, |statuses| {
            Task::run(statuses, Message::SpeechStatus)
        });
        (app, Task::batch([enter, watch_speech]))
    }

    /// The panel shown.
    pub fn active(&self) -> PanelId {
        self.active
    }

    /// The search text.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The window-level notice (e.g. an unknown deep link).
    pub fn notice(&self) -> Option<&ErrorReport> {
        self.notice.as_ref()
    }

    /// The style in use.
    pub fn theme_choice(&self) -> ThemeChoice {
        self.theme
    }

    /// The iced theme (high contrast when the user asked for it).
    pub fn theme(&self) -> Theme {
        crate::theme::theme(self.theme, self.preferences.high_contrast)
    }

    /// The scale of everything (the text size preference).
    pub fn scale_factor(&self) -> f32 {
        self.preferences.scale_factor()
    }

    /// The accessibility preferences in force.
    pub fn preferences(&self) -> &Preferences {
        &self.preferences
    }

    /// The latest accessible tree.
    pub fn accessible_tree(&self) -> &Snapshot {
        &self.a11y.snapshot
    }

    /// Takes an accessible tree as the app would after an update; returns what
    /// self-voicing said, if anything.
    pub fn take_snapshot(&mut self, snapshot: Snapshot) -> Option<String> {
        let title = fl!("app-title");
        self.a11y.take_snapshot(&title, snapshot)
    }

    /// The window title.
    pub fn title(&self) -> String {
        format!("{} — {}", self.active.title(), fl!("app-title"))
    }

    fn enter(&self, panel: PanelId) -> Task<Message> {
        match panel {
            PanelId::About => self.about.enter().map(Message::About),
            PanelId::PrivateDns => self
                .private_dns
                .enter()
                .into_task(self.private_dns.bus().clone())
                .map(Message::PrivateDns),
            PanelId::Power | PanelId::Network | PanelId::Accessibility => Task::none(),
        }
    }

    /// Applies a message, then reads the accessible tree of the new UI (after
    /// focus moves, once the move is done).
    pub fn update(&mut self, message: Message) -> Task<Message> {
        let reads_tree = !matches!(
            message,
            Message::Snapshot(_) | Message::Bridge(BridgeEvent::Ready(_))
        );
        let moves_focus = matches!(
            message,
            Message::FocusNext
                | Message::FocusPrevious
                | Message::FocusSearch
                | Message::Bridge(BridgeEvent::Action(_))
        );
        let task = self.apply(message);
        if !reads_tree {
            return task;
        }
        let read = operate(tree::collect()).map(Message::Snapshot);
        if moves_focus {
            task.chain(read)
        } else {
            Task::batch([task, read])
        }
    }

    fn apply(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::SelectPanel(panel) => {
                if panel == self.active {
                    return Task::none();
                }
                tracing::debug!(panel = panel.slug(), "panel selected");
                self.active = panel;
                self.enter(panel)
            }
            Message::SearchChanged(query) => {
                self.query = query;
                Task::none()
            }
            Message::SearchSubmitted => match PanelId::search(&self.query).first() {
                Some(panel) => self.update(Message::SelectPanel(*panel)),
                None => Task::none(),
            },
            Message::ToggleTheme => {
                self.theme = self.theme.toggled();
                Task::none()
            }
            Message::FocusSearch => operation::focus(SEARCH_ID),
            Message::ClearSearch => {
                self.query.clear();
                Task::none()
            }
            Message::FocusNext => operation::focus_next(),
            Message::FocusPrevious => operation::focus_previous(),
            Message::Power(message) => match self.power.update(message) {
                Some(request) => request
                    .into_task(self.power.bus().clone())
                    .map(Message::Power),
                None => Task::none(),
            },
            Message::About(message) => {
                self.about.update(message);
                Task::none()
            }
            Message::Network(message) => match self.network.update(message) {
                Some(request) => request
                    .into_task(self.network.bus().clone())
                    .map(Message::Network),
                None => Task::none(),
            },
            Message::PrivateDns(message) => match self.private_dns.update(message) {
                Some(request) => request
                    .into_task(self.private_dns.bus().clone())
                    .map(Message::PrivateDns),
                None => Task::none(),
            },
            Message::Accessibility(message) => {
                accessibility::update(&mut self.preferences, message);
                let watch_speech = self
                    .a11y
                    .set_voicing(self.preferences.self_voicing)
                    .map_or_else(Task::none, |statuses| {
                        Task::run(statuses, Message::SpeechStatus)
                    });
                if let Err(error) = self.save_preferences() {
                    tracing::warn!(%error, "accessibility preferences not saved");
                    self.notice = Some(ErrorReport::new(
                        fl!("a11y-preferences-not-saved"),
                        error.to_string(),
                    ));
                }
                watch_speech
            }
            Message::SpeechStatus(status) => {
                self.a11y.set_speech_status(status);
                Task::none()
            }
            Message::Notice(message) => error_report::update(&mut self.notice, message),
            Message::Snapshot(snapshot) => {
                let _ = self.take_snapshot(snapshot);
                Task::none()
            }
            Message::Bridge(BridgeEvent::Ready(handle)) => {
                self.a11y.bridge = Some(handle);
                Task::none()
            }
            Message::Bridge(BridgeEvent::Action(action)) => self.screen_reader(action),
            Message::Nudge => Task::none(),
        }
    }

    fn save_preferences(&self) -> Result<(), PreferencesError> {
        match &self.preferences_path {
            Some(path) => self.preferences.save(path),
            None => Ok(()),
        }
    }

    /// A screen reader's request, done the way keyboard and pointer do it.
    fn screen_reader(&mut self, action: ScreenReaderAction) -> Task<Message> {
        let key = match action {
            ScreenReaderAction::Activate(key) | ScreenReaderAction::Focus(key) => key,
        };
        let Some(id) = self
            .a11y
            .snapshot
            .by_key(key)
            .and_then(|node| node.id.clone())
        else {
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

    /// Draws the window.
    pub fn view(&self) -> Element<'_, Message> {
        if !FIRST_VIEW_LOGGED.swap(true, Ordering::Relaxed)
            && let Some(start) = PROCESS_START.get()
        {
            tracing::info!(
                elapsed_ms = start.elapsed().as_secs_f64() * 1000.0,
                "first view built"
            );
        }
        let panel: Element<'_, Message> = match self.active {
            PanelId::Power => self.power.view().map(Message::Power),
            PanelId::Accessibility => {
                accessibility::view(&self.preferences, self.a11y.speech_problem())
                    .map(Message::Accessibility)
            }
            PanelId::About => self.about.view().map(Message::About),
            PanelId::Network => self.network.view().map(Message::Network),
            PanelId::PrivateDns => self.private_dns.view().map(Message::PrivateDns),
        };
        let mut content = column![].spacing(16).max_width(760);
        if let Some(notice) = &self.notice {
            content = content.push(error_report::view(notice).map(Message::Notice));
        }
        content = content.push(panel);
        // Large text leaves less room: a narrower sidebar and margins.
        let roomy = self.preferences.text_scale < 175;
        let sidebar = sidebar::view(
            &self.query,
            self.active,
            self.theme,
            if roomy { 240.0 } else { 170.0 },
        );
        let page = scrollable(
            container(content)
                .padding(if roomy { 28 } else { 14 })
                .width(Length::Fill)
                .center_x(Length::Fill),
        )
        .width(Length::Fill)
        .height(Length::Fill);
        // Right-to-left languages read from the right: the sidebar moves there.
        if ferrum_i18n::is_rtl() {
            row![page, rule::vertical(1), sidebar].into()
        } else {
            row![sidebar, rule::vertical(1), page].into()
        }
    }

    /// Keyboard shortcuts, plus the live updates of the panel on screen only:
    /// a panel the user is not looking at runs no subscriptions.
    pub fn subscription(&self) -> Subscription<Message> {
        let panel = match self.active {
            PanelId::Power => self.power.subscription().map(Message::Power),
            PanelId::Network => self.network.subscription().map(Message::Network),
            PanelId::PrivateDns => self.private_dns.subscription().map(Message::PrivateDns),
            PanelId::Accessibility | PanelId::About => Subscription::none(),
        };
        Subscription::batch([
            keyboard::listen().filter_map(shortcut),
            Subscription::run(bridge_events).map(Message::Bridge),
            panel,
        ])
    }
}

fn bridge_events() -> impl futures::Stream<Item = BridgeEvent> + use<> {
    bridge::events(fl!("app-title"))
}

/// The window's keyboard shortcuts for key presses no widget took: Tab and
/// arrows move focus, Escape clears the search, Ctrl+F finds.
pub fn shortcut(event: keyboard::Event) -> Option<Message> {
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
        keyboard::Key::Named(key::Named::Escape) => Some(Message::ClearSearch),
        keyboard::Key::Character("f") if modifiers.command() => Some(Message::FocusSearch),
        _ => None,
    }
}
