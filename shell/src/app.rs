//! The settings window: which panel is shown, the search, the style, and the
//! one generic path every panel is driven through ([`Pages`]).

use ferrum_accessibility::preferences::{ColorScheme, Preferences, local_time};
use ferrum_accessibility::tree::Snapshot;
use ferrum_i18n::fl;
use ferrum_panels::{Context, Pages, PanelId, accessibility, appearance, date_time, registry};
use ferrum_services::SystemBus;
use ferrum_services::audio::AudioSession;
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::theme::ThemeChoice;
use ferrum_ui::window::{self, App as _, TreeRead, Window};
use ferrum_ui::{Effect, WidgetId};
use iced::keyboard::{self, key};
use iced::widget::operation::RelativeOffset;
use iced::widget::{column, container, row, rule, scrollable};
use iced::{Element, Length, Subscription, Task, Theme};

use crate::auth_dialog;
use crate::cli::Options;
use crate::ids;
use crate::sidebar;

/// The id of the sidebar's search field.
pub const SEARCH_ID: WidgetId = ids::SEARCH;

/// The whole app.
#[derive(Debug)]
pub struct App {
    active: PanelId,
    query: String,
    /// The style when no colour scheme is chosen in the preferences, or when the command line
    /// pinned one (`pinned`).
    theme: ThemeChoice,
    /// `--theme` was given: the window keeps that style whatever the preferences say.
    pinned: bool,
    /// The local hour, for a colour scheme that follows the time of day.
    hour: i8,
    notice: Option<ErrorReport>,
    window: Window,
    /// Every page's state.
    pub pages: Pages,
    /// polkit's requests through the session's authentication agent, which the app runs.
    pub auth: auth_dialog::State,
    /// The system bus the agent registers on.
    agent_bus: SystemBus,
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
    /// Escape: clear the search (unless the authentication dialog is shown, which Escape
    /// cancels).
    ClearSearch,
    /// Something on a page.
    Page(registry::Message),
    /// The user acted on the window-level notice.
    Notice(error_report::Message),
    /// The window itself: focus keys, accessible tree, screen reader, speech.
    Window(window::Message),
    /// A minute passed (only while the colour scheme follows the time of day).
    Clock,
    /// The authentication dialog (polkit asks for an administrator's password).
    Auth(auth_dialog::Message),
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
        // A small file read once before the first frame.
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
        let mut window = Window::new(
            "ferrum-settings",
            window_title,
            options.speech_socket.clone(),
        );
        let watch_speech = window.voicing(preferences.self_voicing);
        let agent_bus = bus.clone();
        let mut pages = Pages::new(&Context {
            bus,
            preferences,
            preferences_path,
            audio: AudioSession::new(),
            printing: ferrum_services::printers::CupsServer::from_env(),
        });
        let enter = pages.enter(active).map(Message::Page);
        let app = Self {
            active,
            query: String::new(),
            theme: options.theme.unwrap_or_else(ThemeChoice::from_env),
            pinned: options.theme.is_some(),
            hour: local_time().0,
            notice,
            window,
            pages,
            auth: auth_dialog::State::new(own_uid()),
            agent_bus,
        };
        // The first tree read comes when the AT-SPI bridge is up (`BridgeEvent::Ready`),
        // not before the first frame.
        (app, Task::batch([enter, watch_speech.map(Message::Window)]))
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

    /// The style in use: the preferences' colour scheme (resolved for the hour now), unless
    /// none is chosen or the command line pinned a style.
    pub fn theme_choice(&self) -> ThemeChoice {
        if self.pinned {
            return self.theme;
        }
        ThemeChoice::of_scheme(self.preferences().color_scheme, self.hour, self.theme)
    }

    /// The accessibility preferences in force.
    pub fn preferences(&self) -> &Preferences {
        &self.pages.accessibility.preferences
    }

    /// The latest accessible tree.
    pub fn accessible_tree(&self) -> &Snapshot {
        &self.window.snapshot
    }

    /// Takes an accessible tree as the app would after an update; returns what
    /// self-voicing said, if anything.
    pub fn take_snapshot(&mut self, snapshot: Snapshot) -> Option<String> {
        self.window.take_snapshot(snapshot)
    }

    fn apply(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::SelectPanel(panel) => {
                if panel == self.active {
                    return Task::none();
                }
                tracing::debug!(panel = panel.slug(), "panel selected");
                self.active = panel;
                // Every page opens at its top: the one scrollable holds each page in turn,
                // and would otherwise keep the last page's offset.
                Task::batch([
                    iced::widget::operation::snap_to(ids::PAGE, RelativeOffset::START),
                    self.pages.enter(panel).map(Message::Page),
                ])
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
                if self.pinned || self.preferences().color_scheme.is_none() {
                    self.theme = self.theme.toggled();
                    return Task::none();
                }
                // A chosen colour scheme is changed where it is kept (and saved).
                let scheme = match self.theme_choice() {
                    ThemeChoice::Light => ColorScheme::Dark,
                    ThemeChoice::Dark => ColorScheme::Light,
                };
                self.apply(Message::Page(registry::Message::Accessibility(
                    accessibility::Message::ColorScheme(Some(scheme)),
                )))
            }
            Message::Clock => {
                self.hour = local_time().0;
                Task::none()
            }
            Message::FocusSearch => Effect::Focus(SEARCH_ID).into_task(),
            // Escape belongs to the authentication dialog while it is shown.
            Message::ClearSearch if self.auth.is_open() => Task::none(),
            Message::ClearSearch => {
                self.query.clear();
                Task::none()
            }
            // The Bluetooth page's "Sound settings" link of an audio device.
            Message::Page(registry::Message::Bluetooth(
                ferrum_panels::bluetooth::Message::OpenSoundSettings(_),
            )) => self.update(Message::SelectPanel(PanelId::Sound)),
            // The Appearance page's changes are the Accessibility page's messages: that page
            // owns and saves the preferences (see `panels::appearance`).
            Message::Page(registry::Message::Appearance(appearance::Message::Preferences(
                change,
            ))) => self.apply(Message::Page(registry::Message::Accessibility(change))),
            // So are the Date & Time page's (the 24-hour clock).
            Message::Page(registry::Message::DateTime(date_time::Message::Preferences(change))) => {
                self.apply(Message::Page(registry::Message::Accessibility(change)))
            }
            Message::Page(message) => {
                let task = self.pages.update(message).map(Message::Page);
                // The Appearance and Date & Time pages draw the preferences the Accessibility
                // page keeps.
                self.pages.appearance.preferences = self.pages.accessibility.preferences;
                self.pages.date_time.preferences = self.pages.accessibility.preferences;
                self.pages
                    .appearance
                    .error
                    .clone_from(&self.pages.accessibility.error);
                // The window follows the Accessibility page's preferences.
                let voicing = self.pages.accessibility.preferences.self_voicing;
                if voicing == self.window.is_voicing() {
                    return task;
                }
                let watch_speech = self.window.voicing(voicing).map(Message::Window);
                self.pages.accessibility.speech_problem = self.window.speech_problem().cloned();
                Task::batch([task, watch_speech])
            }
            Message::Auth(message) => self
                .auth
                .update(message)
                .map_or_else(Task::none, Effect::into_task),
            Message::Notice(message) => error_report::update(&mut self.notice, message)
                .map_or_else(Task::none, Effect::into_task),
            Message::Window(message) => {
                let task = self.window.update(message).map(Message::Window);
                self.pages.accessibility.speech_problem = self.window.speech_problem().cloned();
                task
            }
        }
    }
}

impl App {
    /// A tick a minute while the colour scheme follows the time of day (the style switches
    /// within a minute of 07:00 and 19:00), nothing otherwise.
    fn clock(&self) -> Subscription<Message> {
        if self.pinned || self.preferences().color_scheme != Some(ColorScheme::TimeOfDay) {
            return Subscription::none();
        }
        iced::time::every(std::time::Duration::from_secs(60)).map(|_| Message::Clock)
    }
}

/// The user id of this process (the person at the keyboard).
fn own_uid() -> u32 {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata("/proc/self").map_or(u32::MAX, |meta| meta.uid())
}

fn window_title() -> String {
    fl!("app-title")
}

/// The window's keyboard shortcuts for key presses no widget took: Escape
/// clears the search, Ctrl+F finds, and the window component's focus keys.
pub fn shortcut(event: keyboard::Event) -> Option<Message> {
    if let keyboard::Event::KeyPressed { key, modifiers, .. } = &event {
        match key.as_ref() {
            keyboard::Key::Named(key::Named::Escape) => return Some(Message::ClearSearch),
            keyboard::Key::Character("f") if modifiers.command() => {
                return Some(Message::FocusSearch);
            }
            _ => {}
        }
    }
    window::focus_key(event).map(Message::Window)
}

impl window::App for App {
    type Message = Message;

    /// Applies a message, then reads the accessible tree of the new UI (after
    /// focus moves, once the move is done).
    fn update(&mut self, message: Message) -> Task<Message> {
        let window = match &message {
            Message::Window(message) => Some(message),
            _ => None,
        };
        let read = TreeRead::of(window, matches!(message, Message::FocusSearch));
        read.after(self.apply(message), Message::Window)
    }

    /// Draws the window.
    fn view(&self) -> Element<'_, Message> {
        window::mark_first_view();
        let panel = self.pages.view(self.active).map(Message::Page);
        let mut content = column![].spacing(16).max_width(760);
        if let Some(notice) = &self.notice {
            content = content.push(error_report::view(notice, &ids::WINDOW).map(Message::Notice));
        }
        content = content.push(panel);
        // Large text leaves less room: a narrower sidebar and margins.
        let roomy = self.preferences().text_scale < 175;
        let sidebar = sidebar::view(
            &self.query,
            self.active,
            self.theme_choice(),
            if roomy { 240.0 } else { 170.0 },
        );
        let page = scrollable(
            container(content)
                .padding(if roomy { 28 } else { 14 })
                .width(Length::Fill)
                .center_x(Length::Fill),
        )
        .id(ids::PAGE)
        .width(Length::Fill)
        .height(Length::Fill);
        // Right-to-left languages read from the right: the sidebar moves there.
        let window: Element<'_, Message> = window::painted(if ferrum_i18n::is_rtl() {
            row![page, rule::vertical(1), sidebar]
        } else {
            row![sidebar, rule::vertical(1), page]
        });
        // polkit's question covers the window: nothing behind it takes clicks until it is
        // answered.
        match self.auth.view() {
            Some(dialog) => iced::widget::stack![
                window,
                iced::widget::opaque(
                    container(dialog.map(Message::Auth))
                        .padding(24)
                        .center(Length::Fill)
                        .style(|theme: &Theme| container::Style {
                            background: Some(
                                theme
                                    .extended_palette()
                                    .background
                                    .base
                                    .color
                                    .scale_alpha(0.85)
                                    .into()
                            ),
                            ..container::Style::default()
                        })
                ),
            ]
            .into(),
            None => window,
        }
    }

    /// The window title.
    fn title(&self) -> String {
        format!("{} — {}", self.active.title(), fl!("app-title"))
    }

    /// The iced theme (high contrast when the user asked for it, the accent colour chosen).
    fn theme(&self) -> Theme {
        let preferences = self.preferences();
        let accent = preferences.accent.map(ferrum_ui::theme::accent_color);
        ferrum_ui::theme::themed(self.theme_choice(), preferences.high_contrast, accent)
    }

    /// The scale of everything (the text size preference).
    fn scale_factor(&self) -> f32 {
        self.preferences().scale_factor()
    }

    /// Keyboard shortcuts and the window's own events, plus the live updates
    /// of the panel on screen only: a panel the user is not looking at runs
    /// no subscriptions.
    fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            keyboard::listen().filter_map(shortcut),
            self.window.subscription().map(Message::Window),
            self.pages.subscription(self.active).map(Message::Page),
            self.clock(),
            // The session's authentication agent, for as long as the app runs.
            auth_dialog::subscription(&self.agent_bus).map(Message::Auth),
            // Escape cancels its dialog, while one is shown.
            auth_dialog::escape(&self.auth).map(Message::Auth),
        ])
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]

    use ferrum_accessibility::preferences::AccentColor;

    use super::*;

    fn app(theme: Option<ThemeChoice>, dir: &std::path::Path) -> App {
        let options = Options {
            panel: Some("appearance".into()),
            theme,
            preferences: Some(dir.join("accessibility.toml")),
            ..Options::default()
        };
        App::new(&options, SystemBus::with_address("unix:path=/nonexistent")).0
    }

    fn appearance(change: accessibility::Message) -> Message {
        Message::Page(registry::Message::Appearance(
            appearance::Message::Preferences(change),
        ))
    }

    #[test]
    fn the_appearance_pages_changes_reach_the_one_owner_and_the_style_follows() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = app(None, dir.path());
        assert_eq!(app.active(), PanelId::Appearance);
        let _ = app.apply(appearance(accessibility::Message::ColorScheme(Some(
            ColorScheme::Dark,
        ))));
        let accent = AccentColor::new(0x1f, 0x62, 0xc9);
        let _ = app.apply(appearance(accessibility::Message::Accent(Some(accent))));
        // Kept (and saved) by the Accessibility page, drawn by the Appearance page.
        assert_eq!(
            app.pages.accessibility.preferences.color_scheme,
            Some(ColorScheme::Dark)
        );
        assert_eq!(app.pages.appearance.preferences.accent, Some(accent));
        assert_eq!(app.theme_choice(), ThemeChoice::Dark);
        let primary = window::App::theme(&app).palette().primary;
        assert_eq!(primary, iced::Color::from_rgb8(0x1f, 0x62, 0xc9));
        // The sidebar's switch changes the chosen scheme where it is kept.
        let _ = app.apply(Message::ToggleTheme);
        assert_eq!(
            app.pages.accessibility.preferences.color_scheme,
            Some(ColorScheme::Light)
        );
        assert_eq!(app.theme_choice(), ThemeChoice::Light);
    }

    #[test]
    fn without_a_choice_or_accent_the_theme_is_as_before_and_the_command_line_pins_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = app(Some(ThemeChoice::Light), dir.path());
        assert_eq!(
            window::App::theme(&app).palette(),
            ferrum_ui::theme::theme(ThemeChoice::Light, false).palette()
        );
        let _ = app.apply(appearance(accessibility::Message::ColorScheme(Some(
            ColorScheme::Dark,
        ))));
        assert_eq!(app.theme_choice(), ThemeChoice::Light, "--theme pins");
    }

    #[test]
    fn the_date_and_time_pages_clock_choice_is_kept_by_the_one_owner() {
        use ferrum_accessibility::preferences::ClockFormat;
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = app(None, dir.path());
        let _ = app.apply(Message::Page(registry::Message::DateTime(
            date_time::Message::Preferences(accessibility::Message::Clock(Some(
                ClockFormat::TwelveHour,
            ))),
        )));
        assert_eq!(
            app.pages.accessibility.preferences.clock,
            Some(ClockFormat::TwelveHour)
        );
        assert_eq!(
            app.pages.date_time.preferences.clock,
            Some(ClockFormat::TwelveHour)
        );
    }
}
