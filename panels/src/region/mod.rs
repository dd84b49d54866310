//! The Region & Language page: the person's language (AccountsService, read by their next
//! session), the machine's language (the login screen's and new accounts', `locale1`), the
//! formats of dates, numbers, measurement and paper (`LC_TIME`, `LC_NUMERIC`, `LC_MONETARY`,
//! `LC_MEASUREMENT`, `LC_PAPER` in `locale1`) with a live preview, and the machine's
//! keyboard layouts — what the login screen and new sessions start with — from the same
//! xkeyboard-config list the greeter offers ([`ferrum_services::layouts`]).
//!
//! The languages are the shipped locales ([`ferrum_i18n::languages`], the greeter's list).
//! The machine's settings go through `ferrum_services::locale` with `interactive = true`:
//! administrator actions, so polkit may ask the session's authentication agent; a refusal
//! is a sentence that changes nothing, and the page shows localed's values, never what it
//! asked for. The person's language is their own account's (no administrator). One change
//! at a time ([`State::pending`]); a late answer for another change is ignored.
//!
//! Reading xkeyboard-config's list is disk work ([`Request::LoadLayouts`]).

pub mod formats;
pub mod ids;
pub mod layout_picker;
pub mod sample;
mod view;

use std::sync::Arc;

use ferrum_i18n::{fl, languages};
use ferrum_services::accounts::{self, AccountsError, UserAccount};
use ferrum_services::layouts::{self, Layout};
use ferrum_services::locale::{self, Keyboard, LocaleError, Snapshot};
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_ui::Effect;
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;
use futures::StreamExt;
use iced::{Element, Subscription};

use crate::page::{self, Context, Outcome, Page, PageRequest, subscription_key};

/// Which list of choices is open (one at a time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// The person's own language.
    PersonLanguage,
    /// The login screen's and new accounts' language.
    MachineLanguage,
    /// The formats.
    Formats,
}

/// A change the page asked a daemon for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The person's language (a POSIX locale, `de_DE.UTF-8`).
    PersonLanguage(String),
    /// The machine's language (`LANG`).
    MachineLanguage(String),
    /// The machine's formats (`LC_TIME` and the others).
    Formats(String),
    /// The machine's keyboard layouts.
    Keyboard(Keyboard),
}

/// The page's state.
#[derive(Debug, Clone)]
pub struct State {
    bus: SystemBus,
    /// The person's user id (whose language AccountsService keeps).
    pub uid: u32,
    /// What localed reports. localed exits when idle and is started by the next call: when
    /// its name goes while a snapshot is known, the snapshot stays and [`State::resting`]
    /// is set.
    pub locale: ServiceStatus<Snapshot, LocaleError>,
    /// localed's name has no owner now, after it was read.
    pub resting: bool,
    /// The person's language as AccountsService keeps it (`None`: not chosen, or no account).
    pub person: ServiceStatus<Option<String>, AccountsError>,
    /// xkeyboard-config's layouts, once read.
    pub layouts: Option<Arc<Vec<Layout>>>,
    /// The open list of choices.
    pub open: Option<List>,
    /// The layout picker, when open.
    pub picker: Option<layout_picker::Dialog>,
    /// The change under way.
    pub pending: Option<Change>,
    /// The last refused or failed change.
    pub error: Option<ErrorReport>,
    /// The day the preview shows (year, month, day).
    pub today: (i32, u8, u8),
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The localed watch: a snapshot, or localed gone.
    Watched(ServiceUpdate<Snapshot, LocaleError>),
    /// The AccountsService watch: the people, or the daemon gone.
    People(ServiceUpdate<Vec<UserAccount>, AccountsError>),
    /// xkeyboard-config's layouts were read.
    LayoutsLoaded(Arc<Vec<Layout>>),
    /// A "Change…" button: open (or close) a list of choices.
    Toggle(List),
    /// A language or formats choice in the open list (a shipped locale, `pt-BR`).
    Choose(List, &'static str),
    /// "Add a layout…".
    OpenPicker,
    /// Something in the layout picker.
    Picker(layout_picker::Message),
    /// A layout's "Remove".
    RemoveLayout(String),
    /// A layout's "Use first".
    FirstLayout(String),
    /// A daemon answered a change.
    Changed(Change, Result<(), LocaleError>),
    /// The person acted on the error report.
    Report(error_report::Message),
}

/// Work off the UI thread.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Read xkeyboard-config's layouts.
    LoadLayouts,
    /// Store the person's language in AccountsService.
    SetPersonLanguage {
        /// Whose.
        uid: u32,
        /// The POSIX locale.
        posix: String,
    },
    /// Set the machine's locale: `LANG`, and the formats when they differ.
    SetMachineLocale {
        /// What the change is, for the answer.
        change: Change,
        /// `LANG`.
        lang: String,
        /// The formats' locale.
        formats: Option<String>,
    },
    /// Set the machine's keyboard.
    SetKeyboard(Keyboard),
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, bus: SystemBus) -> Message {
        match self {
            Request::LoadLayouts => {
                let layouts = tokio::task::spawn_blocking(|| {
                    layouts::ordered(
                        layouts::load(std::path::Path::new(layouts::RULES_LIST)),
                        &[],
                    )
                })
                .await
                .unwrap_or_default();
                Message::LayoutsLoaded(Arc::new(layouts))
            }
            Request::SetPersonLanguage { uid, posix } => {
                let result = locale::set_person_language(&bus, uid, &posix).await;
                Message::Changed(Change::PersonLanguage(posix), result)
            }
            Request::SetMachineLocale {
                change,
                lang,
                formats,
            } => {
                let result = locale::set_machine_locale(&bus, &lang, formats.as_deref()).await;
                Message::Changed(change, result)
            }
            Request::SetKeyboard(keyboard) => {
                let result = locale::set_machine_keyboard(&bus, &keyboard).await;
                Message::Changed(Change::Keyboard(keyboard), result)
            }
        }
    }
}

/// A refused or failed change in words.
pub fn change_error_sentence(change: &Change, error: &LocaleError) -> String {
    match error {
        LocaleError::NotAuthorized(_) => match change {
            Change::PersonLanguage(_) => fl!("region-error-person-refused"),
            Change::MachineLanguage(_) => fl!("region-error-language-refused"),
            Change::Formats(_) => fl!("region-error-formats-refused"),
            Change::Keyboard(_) => fl!("region-error-keyboard-refused"),
        },
        LocaleError::Invalid(_) => fl!("region-error-invalid"),
        LocaleError::NoAccount(_) => fl!("region-error-no-account"),
        LocaleError::Unavailable(_) => match change {
            Change::PersonLanguage(_) => fl!("region-error-accounts-gone"),
            _ => fl!("region-error-gone"),
        },
        LocaleError::NoAnswer(_) => fl!("region-error-no-answer"),
        LocaleError::Failed(_) => fl!("region-error-failed"),
    }
}

/// The POSIX locale a shipped locale stands for (`pt-BR` → `pt_BR.UTF-8`).
pub fn posix_of(shipped: &str) -> &'static str {
    languages::posix(shipped)
}

/// A language's own name ("Deutsch") for a POSIX locale; the locale itself when it is not
/// one of the shipped languages (`C.UTF-8`).
pub fn language_name(posix: &str) -> String {
    match languages::from_posix(posix) {
        Some(shipped) => ferrum_i18n::translate_in(shipped, "language-native-name"),
        None => posix.to_owned(),
    }
}

/// The keyboard with `layouts` (their variants kept, model and options as they were).
pub fn with_layouts(keyboard: &Keyboard, layouts: &[String]) -> Keyboard {
    let names = keyboard.layouts();
    let variants: Vec<&str> = keyboard.variant.split(',').map(str::trim).collect();
    let variant_of = |layout: &str| {
        names
            .iter()
            .position(|name| name == layout)
            .and_then(|at| variants.get(at).copied())
            .unwrap_or("")
            .to_owned()
    };
    let chosen: Vec<String> = layouts.iter().map(|layout| variant_of(layout)).collect();
    let variant = if chosen.iter().all(String::is_empty) {
        String::new()
    } else {
        chosen.join(",")
    };
    Keyboard {
        layout: layouts.join(","),
        model: keyboard.model.clone(),
        variant,
        options: keyboard.options.clone(),
    }
}

fn today() -> (i32, u8, u8) {
    let date = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    (
        i32::from(date.year()),
        u8::try_from(date.month()).unwrap_or(1),
        u8::try_from(date.day()).unwrap_or(1),
    )
}

impl State {
    /// A page that has heard nothing yet, on this bus, for the person `uid`.
    pub fn on(bus: SystemBus, uid: u32) -> Self {
        Self {
            bus,
            uid,
            locale: ServiceStatus::Loading,
            resting: false,
            person: ServiceStatus::Loading,
            layouts: None,
            open: None,
            picker: None,
            pending: None,
            error: None,
            today: today(),
        }
    }

    /// localed's latest snapshot.
    pub fn snapshot(&self) -> Option<&Snapshot> {
        self.locale.ready()
    }

    /// The machine's language (`LANG`), when localed names one.
    pub fn machine_language(&self) -> Option<&str> {
        self.snapshot()
            .and_then(|snapshot| snapshot.variable("LANG"))
            .filter(|lang| !lang.is_empty())
    }

    /// The machine's formats: `LC_TIME` when set, else `LANG`.
    pub fn formats(&self) -> Option<&str> {
        self.snapshot()
            .and_then(|snapshot| snapshot.variable("LC_TIME"))
            .filter(|formats| !formats.is_empty())
            .or_else(|| self.machine_language())
    }

    /// The person's language, when AccountsService has one for them.
    pub fn person_language(&self) -> Option<&str> {
        self.person.ready().and_then(|language| language.as_deref())
    }

    /// The machine's layouts, in order.
    pub fn machine_layouts(&self) -> Vec<String> {
        self.snapshot()
            .map(|snapshot| snapshot.keyboard.layouts())
            .unwrap_or_default()
    }

    fn watched(&mut self, update: ServiceUpdate<Snapshot, LocaleError>) {
        self.resting = self.locale.follow_resting(update);
    }

    fn people(&mut self, update: ServiceUpdate<Vec<UserAccount>, AccountsError>) {
        self.person = match update {
            ServiceUpdate::Available(people) => ServiceStatus::Ready(
                people
                    .into_iter()
                    .find(|person| person.uid == u64::from(self.uid))
                    .and_then(|person| person.language),
            ),
            other => match ServiceStatus::from(other) {
                ServiceStatus::Ready(_) => ServiceStatus::Loading,
                ServiceStatus::Loading => ServiceStatus::Loading,
                ServiceStatus::Unavailable => ServiceStatus::Unavailable,
                ServiceStatus::Failed(error) => ServiceStatus::Failed(error),
                ServiceStatus::BusUnreachable(failure) => ServiceStatus::BusUnreachable(failure),
            },
        };
    }

    fn ask(&mut self, change: Change, request: Request) -> Outcome<Request> {
        page::ask_once(&mut self.pending, &mut self.error, change, request)
    }

    fn choose(&mut self, list: List, shipped: &'static str) -> Outcome<Request> {
        self.open = None;
        let posix = posix_of(shipped).to_owned();
        let focus = Effect::Focus(ids::region_change(list));
        let outcome = match list {
            List::PersonLanguage => {
                if self.person_language() == Some(posix.as_str()) {
                    return Outcome::effect(focus);
                }
                let uid = self.uid;
                self.ask(
                    Change::PersonLanguage(posix.clone()),
                    Request::SetPersonLanguage { uid, posix },
                )
            }
            List::MachineLanguage => {
                let Some(snapshot) = self.snapshot() else {
                    return Outcome::effect(focus);
                };
                if self.machine_language() == Some(posix.as_str()) {
                    return Outcome::effect(focus);
                }
                // Formats set apart from the language stay as they are.
                let formats = snapshot.variable("LC_TIME").map(str::to_owned);
                self.ask(
                    Change::MachineLanguage(posix.clone()),
                    Request::SetMachineLocale {
                        change: Change::MachineLanguage(posix.clone()),
                        lang: posix,
                        formats,
                    },
                )
            }
            List::Formats => {
                if self.snapshot().is_none() || self.formats() == Some(posix.as_str()) {
                    return Outcome::effect(focus);
                }
                let lang = self.machine_language().unwrap_or("C.UTF-8").to_owned();
                self.ask(
                    Change::Formats(posix.clone()),
                    Request::SetMachineLocale {
                        change: Change::Formats(posix.clone()),
                        lang,
                        formats: Some(posix),
                    },
                )
            }
        };
        outcome.with_effect(focus)
    }

    fn set_layouts(&mut self, layouts: Vec<String>) -> Outcome<Request> {
        let Some(snapshot) = self.snapshot() else {
            return Outcome::none();
        };
        if layouts.is_empty() || layouts == snapshot.keyboard.layouts() {
            return Outcome::none();
        }
        let keyboard = with_layouts(&snapshot.keyboard, &layouts);
        self.ask(
            Change::Keyboard(keyboard.clone()),
            Request::SetKeyboard(keyboard),
        )
    }

    fn picker(&mut self, message: layout_picker::Message) -> Outcome<Request> {
        let used = self.machine_layouts();
        let Some(picker) = &mut self.picker else {
            return Outcome::none();
        };
        match picker.update(message) {
            layout_picker::Action::None => Outcome::none(),
            layout_picker::Action::Close => {
                self.picker = None;
                Outcome::effect(Effect::Focus(ids::REGION_ADD_LAYOUT))
            }
            layout_picker::Action::Submit => {
                let first = self
                    .layouts
                    .as_deref()
                    .and_then(|all| layout_picker::first_match(picker, all, &used));
                match first {
                    Some(name) => self.picker(layout_picker::Message::Choose(name)),
                    None => Outcome::none(),
                }
            }
            layout_picker::Action::Choose(name) => {
                self.picker = None;
                let mut layouts = self.machine_layouts();
                if !layouts.contains(&name) {
                    layouts.push(name);
                }
                self.set_layouts(layouts)
                    .with_effect(Effect::Focus(ids::REGION_ADD_LAYOUT))
            }
        }
    }
}

impl Page for State {
    type Message = Message;
    type Request = Request;

    fn new(context: &Context) -> Self {
        State::on(context.bus.clone(), rustix::process::getuid().as_raw())
    }

    fn title() -> String {
        fl!("region-title")
    }

    fn keywords() -> String {
        fl!("region-title.keywords")
    }

    /// Showing the page reads xkeyboard-config's layouts (once).
    fn enter(&mut self) -> Outcome<Request> {
        self.today = today();
        Outcome::maybe(self.layouts.is_none().then_some(Request::LoadLayouts))
    }

    fn update(&mut self, message: Message) -> Outcome<Request> {
        match message {
            Message::Watched(update) => {
                self.watched(update);
                Outcome::none()
            }
            Message::People(update) => {
                self.people(update);
                Outcome::none()
            }
            Message::LayoutsLoaded(layouts) => {
                self.layouts = Some(layouts);
                Outcome::none()
            }
            Message::Toggle(list) => {
                if self.open == Some(list) {
                    self.open = None;
                    return Outcome::effect(Effect::Focus(ids::region_change(list)));
                }
                self.open = Some(list);
                Outcome::none()
            }
            Message::Choose(list, shipped) => self.choose(list, shipped),
            Message::OpenPicker => {
                if self.snapshot().is_none() {
                    return Outcome::none();
                }
                self.picker = Some(layout_picker::Dialog::default());
                let focus = Effect::Focus(ids::REGION_PICKER_SEARCH);
                if self.layouts.is_none() {
                    return Outcome::request(Request::LoadLayouts).with_effect(focus);
                }
                Outcome::effect(focus)
            }
            Message::Picker(message) => self.picker(message),
            Message::RemoveLayout(name) => {
                let layouts: Vec<String> = self
                    .machine_layouts()
                    .into_iter()
                    .filter(|layout| *layout != name)
                    .collect();
                self.set_layouts(layouts)
                    .with_effect(Effect::Focus(ids::REGION_ADD_LAYOUT))
            }
            Message::FirstLayout(name) => {
                let mut layouts = self.machine_layouts();
                let Some(at) = layouts.iter().position(|layout| *layout == name) else {
                    return Outcome::none();
                };
                let layout = layouts.remove(at);
                layouts.insert(0, layout);
                self.set_layouts(layouts)
            }
            Message::Changed(change, result) => {
                if !page::answered(&mut self.pending, &change) {
                    return Outcome::none();
                }
                match result {
                    // The watches bring what the daemons now say.
                    Ok(()) => {
                        if let Change::PersonLanguage(posix) = &change {
                            // AccountsService announces the change, but the page need not
                            // wait for the list to know its own account's language.
                            self.person = ServiceStatus::Ready(Some(posix.clone()));
                        }
                    }
                    Err(error) => {
                        tracing::warn!(%error, ?change, "a region change was refused");
                        self.error = Some(ErrorReport::new(
                            change_error_sentence(&change, &error),
                            error.detail(),
                        ));
                    }
                }
                Outcome::none()
            }
            Message::Report(message) => page::report(&mut self.error, message),
        }
    }

    fn view(&self) -> Element<'_, Message> {
        view::page(self)
    }

    fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            Subscription::run_with(Watch(self.bus.clone()), watch_stream),
            Subscription::run_with(People(self.bus.clone()), people_stream),
        ])
    }
}

subscription_key! {
    /// The key of the page's localed subscription: the bus it watches on.
    Watch(bus: SystemBus) = "region"
}

/// The stream behind the page's localed subscription (also used by tests).
pub fn watch_stream(watch: &Watch) -> impl futures::Stream<Item = Message> + use<> {
    locale::watch(watch.0.clone()).map(Message::Watched)
}

subscription_key! {
    /// The key of the page's AccountsService subscription.
    People(bus: SystemBus) = "region-people"
}

/// The stream behind the page's AccountsService subscription (also used by tests).
pub fn people_stream(people: &People) -> impl futures::Stream<Item = Message> + use<> {
    accounts::watch_users(people.0.clone()).map(Message::People)
}

#[cfg(test)]
mod tests;
