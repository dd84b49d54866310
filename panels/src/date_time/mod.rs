//! The Date & Time page: a live clock, automatic time (NTP), the time zone chosen from the
//! system's tz database by city, region or country (with each zone's UTC offset and local
//! time), the date and time set by hand while automatic time is off, and the 24-hour clock.
//!
//! The machine's settings go through `ferrum_services::timedate` with `interactive = true`:
//! they are administrator actions, so polkit may ask the session's authentication agent
//! (the shell's dialog) and a refusal is a sentence that changes nothing — the page shows
//! timedated's values, never what it asked for. The 24-hour choice is the person's own: a
//! field of the one preferences file the Accessibility page owns and saves; like the
//! Appearance page's changes it travels as an [`accessibility::Message`] in
//! [`Message::Preferences`], which the shell routes (and copies the preferences back into
//! [`State::preferences`]).
//!
//! Reading the zone tables and the zones' offsets is disk work ([`Request::LoadZones`],
//! [`Request::ZoneOffset`]); the clock ticks each second while the page is shown and the
//! local times are the tick plus each zone's offset, so `update` and `view` never read a
//! file.

pub mod manual;
pub mod sample;
mod view;
pub mod zone_picker;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ferrum_accessibility::Preferences;
use ferrum_accessibility::preferences::ClockFormat;
use ferrum_i18n::fl;
use ferrum_services::time_zones::{self, ZoneTable};
use ferrum_services::timedate::{self, Snapshot, TimedateError};
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_ui::Effect;
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;
use futures::StreamExt;
use iced::{Element, Subscription};

use crate::accessibility;
use crate::ids;
use crate::page::{self, Context, Outcome, Page, PageRequest, subscription_key};

pub use view::{clock_line, offset_text, wall_clock};

/// The zones and what the page shows of each, read off the UI thread.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Zones {
    /// The tz database's zones and countries.
    pub table: ZoneTable,
    /// Each zone's offset from UTC in seconds, when it was read.
    pub offsets: HashMap<String, i32>,
}

impl Zones {
    /// Reads the system's tables and every zone's offset at `now` (blocking).
    pub fn load_system(now: i64) -> Self {
        let table = ZoneTable::load_system();
        let offsets = table
            .zones
            .iter()
            .filter_map(|zone| {
                time_zones::local_time(&zone.name, now)
                    .map(|local| (zone.name.clone(), local.offset_seconds))
            })
            .collect();
        Self { table, offsets }
    }
}

/// A change the page asked timedated for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A new time zone.
    Zone(String),
    /// Automatic time on or off.
    Automatic(bool),
    /// The clock set by hand.
    Time,
}

/// Why setting the time by hand failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetTimeError {
    /// The typed time does not exist in the zone (skipped by a daylight-saving change).
    #[error("{0} does not exist in this time zone")]
    Skipped(String),
    /// timedated refused or failed.
    #[error(transparent)]
    Timedate(#[from] TimedateError),
}

/// The page's state.
#[derive(Debug, Clone)]
pub struct State {
    bus: SystemBus,
    /// What timedated reports. timedated exits when idle and is started by the next call:
    /// when its name goes while a snapshot is known, the snapshot stays (it is what the
    /// machine's files say) and [`State::resting`] is set.
    pub timedate: ServiceStatus<Snapshot, TimedateError>,
    /// timedated's name has no owner now, after it was read.
    pub resting: bool,
    /// The person's preferences (the Accessibility page's, copied in by the shell).
    pub preferences: Preferences,
    /// The zone tables, once read.
    pub zones: Option<Arc<Zones>>,
    /// The clock: seconds since the epoch, UTC, at the last tick.
    pub now: i64,
    /// The time zone picker, when open.
    pub picker: Option<zone_picker::Dialog>,
    /// The form for setting the date and time by hand, when open.
    pub manual: Option<manual::Form>,
    /// The change under way.
    pub pending: Option<Change>,
    /// The last refused or failed change.
    pub error: Option<ErrorReport>,
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The watch: a snapshot, or timedated gone.
    Watched(ServiceUpdate<Snapshot, TimedateError>),
    /// The zone tables were read.
    ZonesLoaded(Arc<Zones>),
    /// One zone's offset was read (`None`: this machine does not know the zone).
    ZoneOffset(String, Option<i32>),
    /// The clock's second (seconds since the epoch, UTC).
    Tick(i64),
    /// The automatic time switch.
    Automatic(bool),
    /// "Change time zone…".
    OpenPicker,
    /// Something in the time zone picker.
    Picker(zone_picker::Message),
    /// "Set date and time…".
    OpenManual,
    /// Something in the date and time form.
    Manual(manual::Message),
    /// A change to the person's preferences (the 24-hour clock): the shell hands it to the
    /// Accessibility page.
    Preferences(accessibility::Message),
    /// timedated answered a change.
    Changed(Change, Result<(), SetTimeError>),
    /// The person acted on the error report.
    Report(error_report::Message),
}

/// Work off the UI thread.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Read the zone tables and every zone's offset now.
    LoadZones,
    /// Read one zone's offset now.
    ZoneOffset(String),
    /// Set the time zone.
    SetZone(String),
    /// Turn automatic time on or off.
    SetAutomatic(bool),
    /// Set the clock to a wall-clock time in `zone`.
    SetTime {
        /// The zone the time is in.
        zone: String,
        /// Year, month, day.
        date: (i16, i8, i8),
        /// Hour, minute, second.
        time: (i8, i8, i8),
    },
    /// Answer with `Message::Preferences(.0)`, which the shell routes.
    Preference(accessibility::Message),
}

fn epoch_seconds() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| i64::try_from(elapsed.as_secs()).unwrap_or(0))
}

async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static, or: T) -> T {
    tokio::task::spawn_blocking(work).await.unwrap_or(or)
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, bus: SystemBus) -> Message {
        match self {
            Request::LoadZones => {
                let now = epoch_seconds();
                let zones = blocking(move || Zones::load_system(now), Zones::default()).await;
                Message::ZonesLoaded(Arc::new(zones))
            }
            Request::ZoneOffset(zone) => {
                let now = epoch_seconds();
                let name = zone.clone();
                let offset = blocking(
                    move || time_zones::local_time(&name, now).map(|t| t.offset_seconds),
                    None,
                )
                .await;
                Message::ZoneOffset(zone, offset)
            }
            Request::SetZone(zone) => {
                let result = timedate::change_timezone(&bus, &zone)
                    .await
                    .map_err(SetTimeError::from);
                Message::Changed(Change::Zone(zone), result)
            }
            Request::SetAutomatic(on) => Message::Changed(
                Change::Automatic(on),
                timedate::set_ntp(&bus, on)
                    .await
                    .map_err(SetTimeError::from),
            ),
            Request::SetTime { zone, date, time } => {
                let name = zone.clone();
                let epoch = blocking(move || time_zones::to_epoch(&name, date, time), None).await;
                let result = match epoch.and_then(|seconds| u64::try_from(seconds).ok()) {
                    Some(seconds) => timedate::set_time(&bus, Duration::from_secs(seconds))
                        .await
                        .map_err(SetTimeError::from),
                    None => Err(SetTimeError::Skipped(format!(
                        "{:04}-{:02}-{:02} {:02}:{:02}",
                        date.0, date.1, date.2, time.0, time.1
                    ))),
                };
                Message::Changed(Change::Time, result)
            }
            Request::Preference(change) => Message::Preferences(change),
        }
    }
}

/// A refused or failed change in words.
pub fn change_error_sentence(change: &Change, error: &SetTimeError) -> String {
    let error = match error {
        SetTimeError::Skipped(time) => {
            return fl!("date-time-error-skipped", time = time.as_str());
        }
        SetTimeError::Timedate(error) => error,
    };
    match error {
        TimedateError::NotAuthorized(_) => match change {
            Change::Zone(_) => fl!("date-time-error-zone-refused"),
            Change::Automatic(_) => fl!("date-time-error-automatic-refused"),
            Change::Time => fl!("date-time-error-time-refused"),
        },
        TimedateError::UnknownZone { zone } => {
            fl!("date-time-error-unknown-zone", zone = zone.as_str())
        }
        TimedateError::Unavailable(_) => fl!("date-time-error-gone"),
        TimedateError::NoAnswer(_) => fl!("date-time-error-no-answer"),
        TimedateError::AutomaticTimeOn(_) => fl!("date-time-error-automatic-on"),
        TimedateError::NoNtpSupport(_) => fl!("date-time-automatic-unavailable"),
        TimedateError::Failed(_) => fl!("date-time-error-failed"),
    }
}

impl State {
    /// A page that has heard nothing yet, on this bus, with these preferences.
    pub fn on(bus: SystemBus, preferences: Preferences) -> Self {
        Self {
            bus,
            timedate: ServiceStatus::Loading,
            resting: false,
            preferences,
            zones: None,
            now: epoch_seconds(),
            picker: None,
            manual: None,
            pending: None,
            error: None,
        }
    }

    /// timedated's latest snapshot.
    pub fn snapshot(&self) -> Option<&Snapshot> {
        self.timedate.ready()
    }

    /// The clock format in force: the person's choice, else the language's custom.
    pub fn clock(&self) -> ClockFormat {
        self.preferences
            .clock
            .unwrap_or_else(|| ClockFormat::of_language(&ferrum_i18n::current_locale().to_string()))
    }

    /// The machine's zone (`UTC` when timedated names none).
    pub fn zone(&self) -> &str {
        self.snapshot()
            .map(|snapshot| snapshot.timezone.as_str())
            .filter(|zone| !zone.is_empty())
            .unwrap_or("UTC")
    }

    /// The offset of `zone`, when known.
    pub fn offset_of(&self, zone: &str) -> Option<i32> {
        if zone == "UTC" || zone == "Etc/UTC" {
            return Some(0);
        }
        self.zones.as_ref()?.offsets.get(zone).copied()
    }

    /// Whether the date and time may be set by hand (automatic time is off).
    pub fn manual_allowed(&self) -> bool {
        self.snapshot().is_some_and(|snapshot| !snapshot.ntp)
    }

    fn watched(&mut self, update: ServiceUpdate<Snapshot, TimedateError>) -> Outcome<Request> {
        let available = matches!(update, ServiceUpdate::Available(_));
        self.resting = self.timedate.follow_resting(update);
        let Some((zone, ntp)) = self
            .snapshot()
            .filter(|_| available)
            .map(|snapshot| (snapshot.timezone.clone(), snapshot.ntp))
        else {
            return Outcome::none();
        };
        if ntp {
            // Automatic time took over: nothing to set by hand.
            self.manual = None;
        }
        let known = self.offset_of(&zone).is_some() || zone.is_empty();
        if self.zones.is_some() && !known {
            return Outcome::request(Request::ZoneOffset(zone));
        }
        Outcome::none()
    }

    fn ask(&mut self, change: Change, request: Request) -> Outcome<Request> {
        page::ask_once(&mut self.pending, &mut self.error, change, request)
    }

    fn picker(&mut self, message: zone_picker::Message) -> Outcome<Request> {
        let Some(picker) = &mut self.picker else {
            return Outcome::none();
        };
        match picker.update(message) {
            zone_picker::Action::None => Outcome::none(),
            zone_picker::Action::Close => {
                self.picker = None;
                Outcome::effect(Effect::Focus(ids::DATE_TIME_ZONE))
            }
            zone_picker::Action::Submit => {
                let first = self
                    .zones
                    .as_deref()
                    .and_then(|zones| zone_picker::first_match(picker, zones));
                match first {
                    Some(zone) => self.picker(zone_picker::Message::Choose(zone)),
                    None => Outcome::none(),
                }
            }
            zone_picker::Action::Choose(zone) => {
                self.picker = None;
                if zone == self.zone() {
                    return Outcome::effect(Effect::Focus(ids::DATE_TIME_ZONE));
                }
                self.ask(Change::Zone(zone.clone()), Request::SetZone(zone))
                    .with_effect(Effect::Focus(ids::DATE_TIME_ZONE))
            }
        }
    }

    fn manual(&mut self, message: manual::Message) -> Outcome<Request> {
        let Some(form) = &mut self.manual else {
            return Outcome::none();
        };
        match form.update(message) {
            manual::Action::None => Outcome::none(),
            manual::Action::Cancel => {
                self.manual = None;
                Outcome::effect(Effect::Focus(ids::DATE_TIME_MANUAL))
            }
            manual::Action::Set { date, time } => {
                let zone = self.zone().to_owned();
                self.ask(Change::Time, Request::SetTime { zone, date, time })
            }
        }
    }
}

impl Page for State {
    type Message = Message;
    type Request = Request;

    fn new(context: &Context) -> Self {
        State::on(context.bus.clone(), context.preferences)
    }

    fn title() -> String {
        fl!("date-time-title")
    }

    fn keywords() -> String {
        fl!("date-time-title.keywords")
    }

    /// Showing the page reads the zone tables (once).
    fn enter(&mut self) -> Outcome<Request> {
        self.now = epoch_seconds();
        Outcome::maybe(self.zones.is_none().then_some(Request::LoadZones))
    }

    fn update(&mut self, message: Message) -> Outcome<Request> {
        match message {
            Message::Watched(update) => self.watched(update),
            Message::ZonesLoaded(zones) => {
                self.zones = Some(zones);
                let zone = self.zone().to_owned();
                if self.snapshot().is_some() && self.offset_of(&zone).is_none() {
                    return Outcome::request(Request::ZoneOffset(zone));
                }
                Outcome::none()
            }
            Message::ZoneOffset(zone, offset) => {
                if let (Some(zones), Some(offset)) = (&mut self.zones, offset) {
                    Arc::make_mut(zones).offsets.insert(zone, offset);
                }
                Outcome::none()
            }
            Message::Tick(now) => {
                self.now = now;
                Outcome::none()
            }
            Message::Automatic(on) => {
                let Some(snapshot) = self.snapshot() else {
                    return Outcome::none();
                };
                if !snapshot.can_ntp || snapshot.ntp == on {
                    return Outcome::none();
                }
                if on {
                    self.manual = None;
                }
                self.ask(Change::Automatic(on), Request::SetAutomatic(on))
            }
            Message::OpenPicker => {
                if self.snapshot().is_none() {
                    return Outcome::none();
                }
                self.picker = Some(zone_picker::Dialog::default());
                let focus = Outcome::effect(Effect::Focus(ids::DATE_TIME_PICKER_SEARCH));
                if self.zones.is_none() {
                    return Outcome::request(Request::LoadZones)
                        .with_effect(Effect::Focus(ids::DATE_TIME_PICKER_SEARCH));
                }
                focus
            }
            Message::Picker(message) => self.picker(message),
            Message::OpenManual => {
                if !self.manual_allowed() {
                    return Outcome::none();
                }
                let local = wall_clock(self.now, self.offset_of(self.zone()).unwrap_or(0));
                self.manual = Some(manual::Form::at(local));
                Outcome::effect(Effect::Focus(ids::DATE_TIME_MANUAL_DATE))
            }
            Message::Manual(message) => self.manual(message),
            Message::Preferences(_) => Outcome::none(),
            Message::Changed(change, result) => {
                if !page::answered(&mut self.pending, &change) {
                    return Outcome::none();
                }
                match result {
                    Ok(()) => {
                        if change == Change::Time {
                            self.manual = None;
                            return Outcome::effect(Effect::Focus(ids::DATE_TIME_MANUAL));
                        }
                    }
                    Err(error) => {
                        tracing::warn!(%error, ?change, "timedated refused a change");
                        let sentence = change_error_sentence(&change, &error);
                        let detail = match &error {
                            SetTimeError::Timedate(error) => error.detail(),
                            SetTimeError::Skipped(time) => time.clone(),
                        };
                        // The form keeps what was typed; the sentence is said there too.
                        if let (Change::Time, Some(form)) = (&change, &mut self.manual) {
                            form.check.refused(sentence.clone());
                        }
                        self.error = Some(ErrorReport::new(sentence, detail));
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
            iced::time::every(Duration::from_secs(1)).map(|_| Message::Tick(epoch_seconds())),
        ])
    }
}

subscription_key! {
    /// The key of the page's subscription: the bus it watches timedated on.
    Watch(bus: SystemBus) = "date-time"
}

/// The stream behind the page's subscription (also used by tests).
pub fn watch_stream(watch: &Watch) -> impl futures::Stream<Item = Message> + use<> {
    timedate::watch(watch.0.clone()).map(Message::Watched)
}

#[cfg(test)]
mod tests;
