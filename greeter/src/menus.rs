//! The bottom bar and its menus: session, keyboard layout, language, power
//! and accessibility. Their state, message, `update` and drawing are here.
//! Menus are in-window lists of radio buttons (and switches), reachable by
//! keyboard and screen reader.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::logind::{self, LogindError, PowerAction};
use ferrum_ui::widgets::{FONT_BOLD, bidi_row, caption};
use iced::widget::{button, column, container, operation, scrollable, space, text};
use iced::{Alignment, Element, Length, Task};

use crate::app::{Greeter, off_thread};
use crate::clock;
use crate::ids;
use crate::languages::{self, Language};
use crate::layouts::Layout;
use crate::login::Phase;
use crate::sessions::Session;
use crate::typing::LayoutKeys;
use crate::view::{action, bar_style};

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

/// What happens in the bottom bar and its menus.
#[derive(Debug, Clone)]
pub enum Message {
    /// Open a menu (or close it when it is open).
    OpenMenu(Menu),
    /// Close the open menu.
    CloseMenu,
    /// A session was chosen.
    ChooseSession(String),
    /// A keyboard layout was chosen.
    ChooseLayout(String),
    /// A layout's keymap, compiled off the UI thread.
    KeymapCompiled(LayoutKeys),
    /// A language was chosen.
    ChooseLanguage(&'static str),
    /// Reading aloud on or off.
    ToggleVoicing,
    /// High contrast on or off.
    ToggleHighContrast,
    /// Large text on or off.
    ToggleLargeText,
    /// Which power actions logind offers.
    PowerOffered(Result<Vec<PowerAction>, LogindError>),
    /// A power action was chosen: the menu closes (the focus goes back) and
    /// the action is asked for.
    Power(PowerAction),
    /// Asks logind for the action of power attempt `u64`. Its own message,
    /// after [`Message::Power`], so that the tree read that follows the
    /// focus move waits for the move only, not for logind's answer.
    CallPower(u64, PowerAction),
    /// logind answered the power action of attempt `u64` (an answer to an
    /// older attempt than the latest is ignored).
    PowerDone(u64, Result<(), LogindError>),
}

/// Why the power menu is missing or the last power action did not happen,
/// said beside the bar's Power button. Only the kind of failure: logind's
/// own words (D-Bus error names and messages) go to the log, never on the
/// login screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PowerProblem {
    /// Reading what logind offers failed: there is no power menu.
    NoActions,
    /// polkit or logind refused the action.
    Refused,
    /// logind did not answer in time (it may still act).
    NoAnswer,
    /// logind is not running.
    Absent,
    /// Any other failure.
    Failed,
}

impl PowerProblem {
    /// The kind of failure of a power action.
    pub fn of_action(error: &LogindError) -> Self {
        match error {
            LogindError::NotAuthorized(..) => Self::Refused,
            LogindError::NoAnswer(_) => Self::NoAnswer,
            LogindError::Unavailable(_) => Self::Absent,
            LogindError::Failed(_) => Self::Failed,
        }
    }

    /// The sentence shown and announced, in the language in force.
    pub fn sentence(self) -> String {
        match self {
            Self::NoActions => fl!("greeter-power-unavailable"),
            Self::Refused => fl!("greeter-power-refused"),
            Self::NoAnswer => fl!("greeter-power-no-answer"),
            Self::Absent => fl!("greeter-power-absent"),
            Self::Failed => fl!("greeter-power-failed"),
        }
    }
}

/// The choices made in the menus, and which menu is open.
#[derive(Debug)]
pub struct State {
    pub(crate) open: Option<Menu>,
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
    pub(crate) power_actions: Vec<PowerAction>,
    pub(crate) power_problem: Option<PowerProblem>,
    /// Power actions asked for so far: the latest one's number (its
    /// sentence's id carries it, see [`ids::power_problem`]).
    pub(crate) power_attempt: u64,
    pub(crate) voicing: bool,
    pub(crate) high_contrast: bool,
    pub(crate) large_text: bool,
}

impl State {
    /// Nothing open, nothing chosen but `layout` and `language`; the keymap
    /// of `layout` is asked for (off the UI thread) when the compositor
    /// does not type it.
    pub fn new(
        sessions: Vec<Session>,
        layouts: Vec<Layout>,
        layout: String,
        base_layout: String,
        language: &'static str,
    ) -> (Self, Task<crate::Message>) {
        // Until the keymap arrives keys type what the compositor says.
        let compile = if layout == base_layout {
            Task::none()
        } else {
            compile_keymap(layout.clone())
        };
        let state = Self {
            open: None,
            sessions,
            session: None,
            layouts,
            keys: LayoutKeys::uncompiled(&layout),
            layout,
            base_layout,
            languages: Vec::new(),
            language,
            power_actions: Vec::new(),
            power_problem: None,
            power_attempt: 0,
            voicing: false,
            high_contrast: false,
            large_text: false,
        };
        (state, compile)
    }

    /// Chooses a layout; returns the layout whose keymap must now be
    /// compiled (typing follows the compositor until it arrives), if any.
    pub fn choose_layout(&mut self, name: String) -> Option<String> {
        let compile = (name != self.base_layout
            && (name != self.keys.layout() || !self.keys.is_compiled()))
        .then(|| {
            self.keys = LayoutKeys::uncompiled(&name);
            name.clone()
        });
        self.layout = name;
        compile
    }

    /// A keymap arrived; one for a layout no longer chosen is dropped.
    pub fn keymap_compiled(&mut self, keys: LayoutKeys) {
        if keys.layout() == self.layout {
            self.keys = keys;
        } else {
            tracing::debug!(layout = keys.layout(), "a stale keymap was ignored");
        }
    }

    /// The keymap typing follows when the chosen layout is not the
    /// compositor's own and its keymap has arrived.
    pub fn typing_layout(&self) -> Option<&LayoutKeys> {
        (self.layout != self.base_layout
            && self.keys.layout() == self.layout
            && self.keys.is_compiled())
        .then_some(&self.keys)
    }
}

/// Whether a message moves the focus (the accessible tree is then read after it).
pub fn moves_focus(message: &Message) -> bool {
    matches!(
        message,
        Message::OpenMenu(_)
            | Message::CloseMenu
            | Message::ChooseSession(_)
            | Message::ChooseLayout(_)
            | Message::ChooseLanguage(_)
            | Message::Power(_)
    )
}

fn to_app(message: Message) -> crate::Message {
    crate::Message::Menus(message)
}

/// Compiles `layout`'s keymap off the UI thread.
fn compile_keymap(layout: String) -> Task<crate::Message> {
    compile_keymap_into(layout, |keys| to_app(Message::KeymapCompiled(keys)))
}

/// Compiles `layout`'s keymap off the UI thread, for any screen of this process (the
/// login screen, the first-boot setup): its answer is `wrap(keys)`.
pub(crate) fn compile_keymap_into<M: Send + 'static>(
    layout: String,
    wrap: fn(LayoutKeys) -> M,
) -> Task<M> {
    let fallback = LayoutKeys::uncompiled(&layout);
    Task::perform(off_thread(move || LayoutKeys::new(&layout), fallback), wrap)
}

/// Asks logind which power actions it offers.
pub fn offered_actions(bus: ferrum_services::SystemBus) -> Task<crate::Message> {
    Task::perform(
        async move {
            logind::available_actions(&bus).await.map(|actions| {
                actions
                    .into_iter()
                    .filter(|(_, availability)| availability.is_offered())
                    .map(|(action, _)| action)
                    .collect()
            })
        },
        |offered| to_app(Message::PowerOffered(offered)),
    )
}

impl Greeter {
    /// Applies a message of the bottom bar or a menu.
    pub(crate) fn update_menus(&mut self, message: Message) -> Task<crate::Message> {
        let menus = &mut self.menus;
        match message {
            Message::OpenMenu(menu) => {
                if menu == Menu::Language && menus.languages.is_empty() {
                    menus.languages = languages::all();
                }
                menus.open = if menus.open == Some(menu) {
                    None
                } else {
                    Some(menu)
                };
                match menus.open {
                    Some(menu) => operation::focus(first_menu_item(menus, menu)),
                    None => Task::none(),
                }
            }
            Message::CloseMenu => self.close_menu(),
            Message::ChooseSession(id) => {
                menus.session = Some(id);
                self.close_menu()
            }
            Message::ChooseLayout(name) => {
                let compile = menus
                    .choose_layout(name)
                    .map_or_else(Task::none, compile_keymap);
                Task::batch([self.close_menu(), compile])
            }
            Message::KeymapCompiled(keys) => {
                menus.keymap_compiled(keys);
                Task::none()
            }
            Message::ChooseLanguage(locale) => {
                ferrum_i18n::set_locale(locale);
                menus.language = locale;
                self.status.clock = clock::face(&clock::now());
                self.close_menu()
            }
            Message::ToggleVoicing => {
                menus.voicing = !menus.voicing;
                self.window
                    .voicing(menus.voicing)
                    .map(crate::Message::Window)
            }
            Message::ToggleHighContrast => {
                menus.high_contrast = !menus.high_contrast;
                Task::none()
            }
            Message::ToggleLargeText => {
                menus.large_text = !menus.large_text;
                Task::none()
            }
            Message::PowerOffered(offered) => {
                match offered {
                    Ok(actions) => {
                        menus.power_actions = actions;
                        menus.power_problem = None;
                    }
                    Err(error) => {
                        tracing::info!(%error, "no power actions");
                        menus.power_actions.clear();
                        menus.power_problem = Some(PowerProblem::NoActions);
                    }
                }
                Task::none()
            }
            Message::Power(action) => {
                // A new attempt: the last one's sentence goes, and the next
                // one is a new alert (heard even when worded the same).
                menus.power_problem = None;
                menus.power_attempt += 1;
                let call = Task::done(to_app(Message::CallPower(menus.power_attempt, action)));
                // The focus goes back as from every menu (not nowhere).
                Task::batch([self.close_menu(), call])
            }
            Message::CallPower(attempt, action) => {
                let bus = self.bus.clone();
                Task::perform(
                    async move { logind::perform(&bus, action).await },
                    move |done| to_app(Message::PowerDone(attempt, done)),
                )
            }
            Message::PowerDone(attempt, result) => {
                if attempt != menus.power_attempt {
                    tracing::debug!(attempt, "an answer to an older power action was ignored");
                    return Task::none();
                }
                menus.power_problem = match result {
                    Ok(()) => None,
                    Err(error) => {
                        // logind's words stay in the log; the screen says what kind.
                        tracing::info!(%error, "the power action did not happen");
                        Some(PowerProblem::of_action(&error))
                    }
                };
                Task::none()
            }
        }
    }

    /// Closes the open menu and puts the focus back where typing continues
    /// (the answer or user-name field), else on the menu's button.
    pub(crate) fn close_menu(&mut self) -> Task<crate::Message> {
        let Some(menu) = self.menus.open.take() else {
            return Task::none();
        };
        match self.conversation.phase {
            Phase::Prompt(_) => operation::focus(ids::ANSWER),
            Phase::EnterUserName => operation::focus(ids::USER_NAME),
            _ => operation::focus(menu_button(menu)),
        }
    }
}

/// The id of the first entry of a menu (focused when the menu opens).
pub fn first_menu_item(menus: &State, menu: Menu) -> ferrum_ui::WidgetId {
    match menu {
        Menu::Session => menus
            .sessions
            .first()
            .map_or_else(|| ids::MENU_CLOSE, |s| ids::session(&s.id)),
        Menu::Layout => ids::layout(&menus.layout),
        Menu::Language => ids::language(menus.language),
        Menu::Power => menus
            .power_actions
            .first()
            .map_or_else(|| ids::MENU_CLOSE, |a| ids::power(a.method_name())),
        Menu::Accessibility => ids::VOICING,
    }
}

/// The id of the bottom-bar button that opens a menu.
pub fn menu_button(menu: Menu) -> ferrum_ui::WidgetId {
    ids::menu_button(menu)
}

pub(crate) fn bar_button<'a>(
    id: ferrum_ui::WidgetId,
    label: String,
    menu: Menu,
    open: bool,
) -> Element<'a, Message> {
    let style = if open { button::primary } else { button::text };
    Accessible::new(
        id,
        AccessibleInfo::new(Role::Button, label.clone()).selected(open),
        button(text(label).size(14))
            .style(style)
            .padding([6, 10])
            .on_press(Message::OpenMenu(menu)),
    )
    .on_activate(Message::OpenMenu(menu))
    .into()
}

/// The bottom bar: the current choices, accessibility and power.
pub fn bottom_bar(menus: &State) -> Element<'_, Message> {
    let open = |menu| menus.open == Some(menu);
    let mut choices: Vec<Element<'_, Message>> = Vec::new();
    if let Some(session) = menus
        .session
        .as_deref()
        .and_then(|id| menus.sessions.iter().find(|s| s.id == id))
        .or_else(|| menus.sessions.first())
    {
        choices.push(bar_button(
            menu_button(Menu::Session),
            fl!("greeter-session", name = session.name.clone()),
            Menu::Session,
            open(Menu::Session),
        ));
    }
    let indicator = menus
        .layouts
        .iter()
        .find(|l| l.name == menus.layout)
        .map_or_else(|| menus.layout.to_uppercase(), |l| l.indicator());
    choices.push(bar_button(
        menu_button(Menu::Layout),
        fl!("greeter-keyboard", layout = indicator),
        Menu::Layout,
        open(Menu::Layout),
    ));
    let language = fl!("language-native-name");
    choices.push(bar_button(
        menu_button(Menu::Language),
        fl!("greeter-language", language = language),
        Menu::Language,
        open(Menu::Language),
    ));
    let mut actions: Vec<Element<'_, Message>> = vec![bar_button(
        menu_button(Menu::Accessibility),
        fl!("greeter-accessibility"),
        Menu::Accessibility,
        open(Menu::Accessibility),
    )];
    if !menus.power_actions.is_empty() {
        actions.push(bar_button(
            menu_button(Menu::Power),
            fl!("greeter-power"),
            Menu::Power,
            open(Menu::Power),
        ));
    }
    // The sentence has a place of its own, empty (of no size) without one:
    // the buttons after it keep their place in the widget tree, and so their
    // state (the keyboard focus the Power button has when a refusal appears).
    let problem = match menus.power_problem {
        Some(problem) => power_problem_line(problem, menus.power_attempt),
        None => space::Space::new().into(),
    };
    let end =
        bidi_row(vec![problem, bidi_row(actions).spacing(6).into()]).align_y(Alignment::Center);
    let bar = vec![
        bidi_row(choices).spacing(6).into(),
        space::horizontal().into(),
        end.into(),
    ];
    container(bidi_row(bar).spacing(12).align_y(Alignment::Center))
        .padding([10, 18])
        .width(Length::Fill)
        .style(bar_style)
        .into()
}

/// Why the power menu is missing or the last action did not happen: an
/// alert (heard as soon as it appears: read aloud, and an assertive live
/// region for a screen reader), with a new id at each attempt.
fn power_problem_line<'a>(problem: PowerProblem, attempt: u64) -> Element<'a, Message> {
    let sentence = problem.sentence();
    let line = Accessible::new(
        ids::power_problem(attempt),
        AccessibleInfo::new(Role::Alert, sentence.clone()),
        caption(sentence),
    );
    // Apart from the buttons after it as the bar's parts are from each other.
    let gap = if ferrum_i18n::is_rtl() {
        iced::Padding::ZERO.left(12)
    } else {
        iced::Padding::ZERO.right(12)
    };
    container(line).padding(gap).into()
}

pub(crate) fn menu_entry<'a>(
    id: ferrum_ui::WidgetId,
    label: String,
    tag: Option<String>,
    selected: bool,
    message: Message,
) -> Element<'a, Message> {
    let style = if selected {
        button::primary
    } else {
        button::text
    };
    let mut content = vec![ferrum_ui::widgets::line(label.clone(), 15, Length::Fill)];
    content.extend(tag.map(|tag| text(tag).size(13).into()));
    Accessible::new(
        id,
        AccessibleInfo::new(Role::RadioButton, label).checked(selected),
        button(bidi_row(content).spacing(8).align_y(Alignment::Center))
            .width(Length::Fill)
            .padding([6, 10])
            .style(style)
            .on_press(message.clone()),
    )
    .on_activate(message)
    .into()
}

pub(crate) fn switch_entry<'a>(
    id: ferrum_ui::WidgetId,
    label: String,
    on: bool,
    message: Message,
) -> Element<'a, Message> {
    Accessible::new(
        id,
        AccessibleInfo::new(Role::Switch, label.clone()).checked(on),
        button(
            bidi_row(vec![
                ferrum_ui::widgets::line(label, 15, Length::Fill),
                iced::widget::toggler(on).into(),
            ])
            .spacing(10)
            .align_y(Alignment::Center),
        )
        .width(Length::Fill)
        .padding([6, 10])
        .style(button::text)
        .on_press(message.clone()),
    )
    .on_activate(message)
    .into()
}

/// The open menu, above the bottom bar.
pub fn overlay(menus: &State, menu: Menu) -> Element<'_, Message> {
    let (title, entries): (String, Vec<Element<'_, Message>>) = match menu {
        Menu::Session => (
            fl!("greeter-session-menu"),
            menus
                .sessions
                .iter()
                .map(|s| {
                    menu_entry(
                        ids::session(&s.id),
                        s.name.clone(),
                        None,
                        menus.session.as_deref() == Some(s.id.as_str()),
                        Message::ChooseSession(s.id.clone()),
                    )
                })
                .collect(),
        ),
        Menu::Layout => (
            fl!("greeter-keyboard-menu"),
            menus
                .layouts
                .iter()
                .map(|l| {
                    menu_entry(
                        ids::layout(&l.name),
                        l.description.clone(),
                        Some(l.indicator()),
                        l.name == menus.layout,
                        Message::ChooseLayout(l.name.clone()),
                    )
                })
                .collect(),
        ),
        Menu::Language => (
            fl!("greeter-language-menu"),
            menus
                .languages
                .iter()
                .map(|l| {
                    menu_entry(
                        ids::language(l.locale),
                        l.native_name.clone(),
                        None,
                        l.locale == menus.language,
                        Message::ChooseLanguage(l.locale),
                    )
                })
                .collect(),
        ),
        Menu::Power => (
            fl!("greeter-power-menu"),
            menus
                .power_actions
                .iter()
                .map(|action| {
                    let label = match action {
                        PowerAction::PowerOff => fl!("greeter-power-off"),
                        PowerAction::Reboot => fl!("greeter-reboot"),
                        PowerAction::Suspend => fl!("greeter-suspend"),
                        PowerAction::Hibernate => fl!("greeter-hibernate"),
                    };
                    Accessible::new(
                        ids::power(action.method_name()),
                        AccessibleInfo::new(Role::Button, label.clone()),
                        button(ferrum_ui::widgets::line(label, 15, Length::Fill))
                            .width(Length::Fill)
                            .padding([6, 10])
                            .style(button::text)
                            .on_press(Message::Power(*action)),
                    )
                    .on_activate(Message::Power(*action))
                    .into()
                })
                .collect(),
        ),
        Menu::Accessibility => (
            fl!("greeter-accessibility-menu"),
            vec![
                switch_entry(
                    ids::VOICING,
                    fl!("greeter-a11y-voicing"),
                    menus.voicing,
                    Message::ToggleVoicing,
                ),
                switch_entry(
                    ids::HIGH_CONTRAST,
                    fl!("greeter-a11y-high-contrast"),
                    menus.high_contrast,
                    Message::ToggleHighContrast,
                ),
                switch_entry(
                    ids::LARGE_TEXT,
                    fl!("greeter-a11y-large-text"),
                    menus.large_text,
                    Message::ToggleLargeText,
                ),
                caption(fl!("greeter-a11y-shortcut")),
            ],
        ),
    };
    let close = action(
        ids::MENU_CLOSE,
        fl!("greeter-menu-close"),
        button::secondary,
        Message::CloseMenu,
    );
    let card = container(
        column![
            bidi_row(vec![
                text(title).size(17).font(FONT_BOLD).into(),
                space::horizontal().into(),
                close,
            ])
            .align_y(Alignment::Center),
            scrollable(column(entries).spacing(2)).height(Length::Shrink),
        ]
        .spacing(10),
    )
    .padding(16)
    .width(360)
    .max_height(420)
    .style(|theme: &iced::Theme| {
        let palette = theme.extended_palette();
        container::Style {
            background: Some(palette.background.base.color.into()),
            border: iced::Border {
                color: palette.background.strong.color,
                width: 1.0,
                radius: 12.0.into(),
            },
            shadow: iced::Shadow {
                color: iced::Color::from_rgba(0.0, 0.0, 0.0, 0.4),
                offset: iced::Vector::new(0.0, 4.0),
                blur_radius: 16.0,
            },
            ..container::Style::default()
        }
    });
    // Menus open above the bottom bar, on the side of the button that opened them.
    let left =
        matches!(menu, Menu::Session | Menu::Layout | Menu::Language) != ferrum_i18n::is_rtl();
    container(card)
        .width(Length::Fill)
        .height(Length::Fill)
        .padding(iced::Padding {
            top: 80.0,
            right: 18.0,
            bottom: 56.0,
            left: 18.0,
        })
        .align_x(if left {
            Alignment::Start
        } else {
            Alignment::End
        })
        .align_y(Alignment::End)
        .into()
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;

    use ferrum_accessibility::announce;
    use ferrum_accessibility::tree::{Snapshot, key_of};
    use ferrum_services::error::{DbusFailure, FailureKind};
    use ferrum_ui::window::App as _;
    use futures::StreamExt;
    use iced::advanced::renderer::Headless;
    use iced::advanced::widget::operation::Outcome;
    use iced_test::runtime::user_interface::{Cache, UserInterface};
    use iced_test::runtime::{Action, task};

    use super::*;
    use crate::app::tests::greeter;

    const REFUSED: &str = "The system did not allow this.";

    /// The login screen without a display, greetd or a bus: the widget
    /// operations of every task `update` returns (focus moves, the
    /// accessible-tree reads) run against its live widgets, as in the
    /// window, and their messages are applied in turn; logind's calls are
    /// recorded instead of made (the test answers them).
    struct Screen {
        greeter: Greeter,
        renderer: iced::Renderer,
        cache: Option<Cache>,
        calls: Vec<(u64, PowerAction)>,
        _dir: tempfile::TempDir,
    }

    impl Screen {
        fn new() -> Self {
            let dir = tempfile::tempdir().expect("temp dir");
            let renderer = futures::executor::block_on(<iced::Renderer as Headless>::new(
                ferrum_ui::theme::DEFAULT_FONT,
                iced::Pixels(16.0),
                Some("tiny-skia"),
            ))
            .expect("a headless renderer");
            let mut screen = Self {
                greeter: greeter(dir.path(), ""),
                renderer,
                cache: Some(Cache::default()),
                calls: Vec::new(),
                _dir: dir,
            };
            screen.menus(Message::PowerOffered(Ok(vec![
                PowerAction::Suspend,
                PowerAction::Reboot,
                PowerAction::PowerOff,
            ])));
            screen
        }

        fn menus(&mut self, message: Message) {
            let mut pending = VecDeque::from([to_app(message)]);
            while let Some(message) = pending.pop_front() {
                if let crate::Message::Menus(Message::CallPower(attempt, action)) = message {
                    self.calls.push((attempt, action));
                    continue;
                }
                let task = self.greeter.update(message);
                pending.extend(self.run(task));
            }
        }

        fn run(&mut self, task: Task<crate::Message>) -> Vec<crate::Message> {
            let mut outputs = Vec::new();
            let Some(mut stream) = task::into_stream(task) else {
                return outputs;
            };
            while let Some(action) = futures::executor::block_on(stream.next()) {
                match action {
                    Action::Output(message) => outputs.push(message),
                    Action::Widget(mut operation) => {
                        let cache = self.cache.take().unwrap_or_default();
                        let mut ui = UserInterface::build(
                            self.greeter.view(),
                            iced::Size::new(1024.0, 700.0),
                            cache,
                            &mut self.renderer,
                        );
                        loop {
                            ui.operate(&self.renderer, operation.as_mut());
                            match operation.finish() {
                                Outcome::Chain(next) => operation = next,
                                _ => break,
                            }
                        }
                        self.cache = Some(ui.into_cache());
                    }
                    _ => {}
                }
            }
            outputs
        }

        fn tree(&self) -> &Snapshot {
            self.greeter.accessible_tree()
        }

        fn focused(&self) -> Option<u64> {
            self.tree().focused().map(|node| node.key)
        }

        fn alerts(&self) -> Vec<&str> {
            self.tree()
                .nodes
                .iter()
                .filter(|node| node.info.role == Role::Alert)
                .map(|node| node.info.name.as_str())
                .collect()
        }

        /// Opens the power menu and chooses `action`: the number of its attempt.
        fn choose(&mut self, action: PowerAction) -> u64 {
            self.menus(Message::OpenMenu(Menu::Power));
            assert_eq!(self.greeter.menu(), Some(Menu::Power));
            assert_eq!(
                self.focused(),
                Some(key_of(&ids::power("Suspend").into())),
                "the menu opens on its first entry"
            );
            self.menus(Message::Power(action));
            let (attempt, called) = *self.calls.last().expect("logind is asked");
            assert_eq!(called, action);
            attempt
        }
    }

    fn refused(action: PowerAction) -> LogindError {
        LogindError::NotAuthorized(
            action,
            DbusFailure::new(
                FailureKind::AccessDenied,
                "org.freedesktop.DBus.Error.AccessDenied: Rejected send message",
            ),
        )
    }

    #[test]
    fn a_power_action_puts_the_focus_back_on_the_power_button() {
        let _english = ferrum_i18n::hold_locale("en-US");
        let mut screen = Screen::new();
        let power_button = Some(key_of(&menu_button(Menu::Power).into()));
        let attempt = screen.choose(PowerAction::PowerOff);
        // The menu is closed and the focus is back where it came from, not nowhere…
        assert_eq!(screen.greeter.menu(), None);
        assert_eq!(screen.focused(), power_button);
        // … and stays there when logind refuses.
        screen.menus(Message::PowerDone(
            attempt,
            Err(refused(PowerAction::PowerOff)),
        ));
        assert_eq!(screen.alerts(), [REFUSED]);
        assert_eq!(screen.focused(), power_button);
        // Allowed the next time: the sentence goes, the focus stays.
        let attempt = screen.choose(PowerAction::Reboot);
        screen.menus(Message::PowerDone(attempt, Ok(())));
        assert!(screen.alerts().is_empty());
        assert_eq!(screen.focused(), power_button);
    }

    #[test]
    fn at_a_prompt_a_power_action_puts_the_focus_back_in_the_answer_field() {
        use crate::greetd::{Prompt, PromptKind, Step};
        let _english = ferrum_i18n::hold_locale("en-US");
        let mut screen = Screen::new();
        // The conversation is set up without running its tasks (there is no greetd).
        let _ = screen.greeter.update(crate::Message::Conversation(
            crate::conversation::Message::ChooseUser("ada".into()),
        ));
        let _ = screen.greeter.update(crate::Message::Conversation(
            crate::conversation::Message::LoginStep(
                1,
                Ok(Step::Prompt(Prompt {
                    kind: PromptKind::Secret,
                    text: "Password: ".into(),
                })),
            ),
        ));
        let attempt = screen.choose(PowerAction::PowerOff);
        assert_eq!(
            screen.focused(),
            Some(key_of(&ids::ANSWER.child("field").into()))
        );
        screen.menus(Message::PowerDone(
            attempt,
            Err(refused(PowerAction::PowerOff)),
        ));
        assert_eq!(screen.alerts(), [REFUSED]);
        assert_eq!(
            screen.focused(),
            Some(key_of(&ids::ANSWER.child("field").into()))
        );
    }

    #[test]
    fn a_repeated_refusal_is_announced_again() {
        let _english = ferrum_i18n::hold_locale("en-US");
        let mut screen = Screen::new();
        let first = screen.choose(PowerAction::PowerOff);
        let before = screen.tree().clone();
        screen.menus(Message::PowerDone(
            first,
            Err(refused(PowerAction::PowerOff)),
        ));
        let after_first = screen.tree().clone();
        assert_eq!(announce::new_alerts(&before, &after_first), [REFUSED]);

        // The same sentence again: a new alert, even compared with the tree
        // of the first refusal directly (however the reads in between fall).
        let second = screen.choose(PowerAction::Reboot);
        assert!(second > first);
        assert!(
            screen.alerts().is_empty(),
            "the last sentence goes at a new attempt"
        );
        screen.menus(Message::PowerDone(
            second,
            Err(refused(PowerAction::Reboot)),
        ));
        let after_second = screen.tree().clone();
        assert_eq!(announce::new_alerts(&after_first, &after_second), [REFUSED]);

        // A late answer to the first attempt changes nothing.
        screen.menus(Message::PowerDone(first, Ok(())));
        assert_eq!(screen.alerts(), [REFUSED]);
        assert_eq!(screen.greeter.menus.power_attempt, second);
    }

    #[test]
    fn a_failed_power_action_is_said_without_logind_words() {
        let _english = ferrum_i18n::hold_locale("en-US");
        let mut screen = Screen::new();
        let detail =
            "org.freedesktop.DBus.Error.Failed: Operation failed on /org/freedesktop/login1";
        let cases = [
            (
                LogindError::Failed(DbusFailure::new(FailureKind::Other, detail)),
                fl!("greeter-power-failed"),
            ),
            (
                LogindError::NoAnswer(DbusFailure::new(FailureKind::Timeout, detail)),
                fl!("greeter-power-no-answer"),
            ),
            (
                LogindError::Unavailable(DbusFailure::new(FailureKind::ServiceMissing, detail)),
                fl!("greeter-power-absent"),
            ),
            (refused(PowerAction::PowerOff), REFUSED.to_owned()),
        ];
        for (error, sentence) in cases {
            let attempt = screen.choose(PowerAction::PowerOff);
            screen.menus(Message::PowerDone(attempt, Err(error.clone())));
            assert_eq!(screen.alerts(), [sentence.as_str()], "{error:?}");
            assert!(
                screen.tree().nodes.iter().all(|node| {
                    !node.info.name.contains("org.freedesktop")
                        && !node.info.name.contains("Operation failed")
                }),
                "{error:?}: logind's words are on the screen"
            );
        }
    }
}
