//! The Device Security page: fwupd's host security level (HSI) as a headline in plain
//! words, every host security check grouped by level with pass/fail and what it means,
//! fwupd's event log, and this computer's own facts fwupd does not give (Secure Boot and
//! whose keys, the TPM, PCR 11 against the running UKI's signed prediction, the root
//! verified by dm-verity); **Copy report** puts fwupd's report and those facts on the
//! clipboard as plain text.
//!
//! fwupd is followed through `services::firmware::watch` (its owner and signals): gone,
//! back, failing are states the page shows, and it recovers by itself. Each snapshot
//! brings the event log with it (read by the subscription, so `update` stays pure). The
//! facts are files (disk I/O): they are read in a [`Request`] when the page is shown.
//! In a virtual machine fwupd says `HSI:INVALID`; the page says so and still shows every
//! check and fact.

mod describe;
pub mod sample;
mod view;

use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use ferrum_i18n::fl;
use ferrum_services::SystemBus;
use ferrum_services::firmware::{self, FirmwareError, HsiAttribute, Snapshot, Update};
use ferrum_services::security::{self, Facts};
use ferrum_ui::Effect;
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;
use futures::StreamExt;
use iced::{Element, Subscription};

use crate::page::{self, Context, Outcome, Page, PageRequest};

pub use describe::{
    Fact, check_meaning, check_name, check_sentence, error_sentence, event_text, fact_is_good,
    keys_text, level_heading, level_headline, level_sentences, pass_text, pcr_text, result_text,
    root_text, secure_boot_text, tpm_text,
};

/// How many events of fwupd's log the page shows.
pub const EVENTS_SHOWN: u32 = 20;

/// The key of the page's fwupd subscription.
#[derive(Clone, Debug)]
pub struct Fwupd(pub SystemBus);

impl Hash for Fwupd {
    fn hash<H: Hasher>(&self, state: &mut H) {
        "security-fwupd".hash(state);
        self.0.address().hash(state);
    }
}

/// A sentence about something that went well, until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The report is on the clipboard.
    Copied,
}

/// The page's state.
#[derive(Debug, Clone)]
pub struct State {
    bus: SystemBus,
    /// Where the facts are read (`/`; a fixture tree in tests).
    root: PathBuf,
    /// What fwupd reports.
    pub fwupd: ServiceStatus<Snapshot, FirmwareError>,
    /// fwupd's event log (newest first), or why it could not be read.
    pub events: Result<Vec<HsiAttribute>, FirmwareError>,
    /// This computer's own facts, once read.
    pub facts: Option<Facts>,
    /// Whether a report is being put together.
    pub copying: bool,
    /// The last thing that went well.
    pub note: Option<Note>,
    /// The last failure of Copy report.
    pub error: Option<ErrorReport>,
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The fwupd stream: a snapshot, gone, failing (progress and requests are the Firmware
    /// page's).
    Watched(Update),
    /// The event log read after a snapshot.
    Events(Result<Vec<HsiAttribute>, FirmwareError>),
    /// This computer's facts were read.
    FactsRead(Facts),
    /// "Copy report".
    CopyReport,
    /// fwupd's part of the report (its text, or why not).
    ReportRead(Result<String, FirmwareError>),
    /// Close the note.
    NoteDismissed,
    /// The user acted on the error report.
    Report(error_report::Message),
}

/// Work off the UI thread.
#[derive(Debug, Clone)]
pub enum Request {
    /// Read this computer's facts under a root (disk I/O).
    Facts(PathBuf),
    /// Ask fwupd for its security report.
    Report(SystemBus),
}

/// Requests are equal when they do the same (a page has one bus).
impl PartialEq for Request {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Facts(a), Self::Facts(b)) => a == b,
            (Self::Report(_), Self::Report(_)) => true,
            _ => false,
        }
    }
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, _bus: SystemBus) -> Message {
        match self {
            Request::Facts(root) => Message::FactsRead(security::read(root).await),
            Request::Report(bus) => {
                let report = match bus.connection().await {
                    Ok(connection) => firmware::get_security_report(connection).await,
                    Err(failure) => Err(FirmwareError::from(failure)),
                };
                Message::ReportRead(report)
            }
        }
    }
}

impl State {
    /// A page that has heard nothing yet, on this bus, reading facts under `root`.
    pub fn on(bus: SystemBus, root: impl Into<PathBuf>) -> Self {
        Self {
            bus,
            root: root.into(),
            fwupd: ServiceStatus::Loading,
            events: Ok(Vec::new()),
            facts: None,
            copying: false,
            note: None,
            error: None,
        }
    }

    /// The latest snapshot, when fwupd is there.
    pub fn snapshot(&self) -> Option<&Snapshot> {
        self.fwupd.ready()
    }

    /// The checks grouped by level: levels 1–5 in order, then the runtime checks (level
    /// 0); within a level failed checks first, then by name.
    pub fn groups(&self) -> Vec<(u32, Vec<&HsiAttribute>)> {
        let Some(snapshot) = self.snapshot() else {
            return Vec::new();
        };
        group(&snapshot.security)
    }

    /// The plain-text report: fwupd's (or why it is missing), then this computer's facts.
    pub fn report_text(&self, fwupd: Result<&str, &FirmwareError>) -> String {
        let mut out = String::new();
        match fwupd {
            Ok(text) => out.push_str(text.trim_end()),
            Err(error) => out.push_str(&fl!(
                "security-report-no-fwupd",
                reason = error_sentence(error)
            )),
        }
        out.push_str("\n\n");
        out.push_str(&fl!("security-report-facts"));
        out.push('\n');
        match &self.facts {
            Some(facts) => {
                for fact in Fact::ALL {
                    out.push_str(&format!("  {}: {}\n", fact.title(), fact.text(facts)));
                }
                out.push('\n');
                out.push_str(&fl!("security-report-details"));
                out.push('\n');
                for line in facts.report().lines() {
                    out.push_str("  ");
                    out.push_str(line);
                    out.push('\n');
                }
            }
            None => {
                out.push_str("  ");
                out.push_str(&fl!("security-facts-reading"));
                out.push('\n');
            }
        }
        out
    }

    fn watched(&mut self, update: Update) {
        self.fwupd = match update {
            Update::Available(snapshot) => ServiceStatus::Ready(snapshot),
            Update::Unavailable => {
                self.events = Ok(Vec::new());
                ServiceStatus::Unavailable
            }
            Update::Failed(error) => ServiceStatus::Failed(error),
            Update::BusUnreachable(failure) => ServiceStatus::BusUnreachable(failure),
            // An update's progress and device requests are the Firmware page's.
            Update::Progress(_) | Update::Request(_) => return,
        };
    }
}

/// Checks grouped by level (see [`State::groups`]).
pub fn group(attributes: &[HsiAttribute]) -> Vec<(u32, Vec<&HsiAttribute>)> {
    let mut levels: Vec<u32> = attributes.iter().map(|a| a.level).collect();
    levels.sort_by_key(|&level| (level == 0, level));
    levels.dedup();
    levels
        .into_iter()
        .map(|level| {
            let mut checks: Vec<&HsiAttribute> =
                attributes.iter().filter(|a| a.level == level).collect();
            checks.sort_by_key(|a| (a.passes(), check_name(a)));
            (level, checks)
        })
        .collect()
}

impl Page for State {
    type Message = Message;
    type Request = Request;

    fn new(context: &Context) -> Self {
        Self::on(context.bus.clone(), "/")
    }

    fn title() -> String {
        fl!("security-title")
    }

    fn keywords() -> String {
        fl!("security-title.keywords")
    }

    /// The facts are read each time the page is shown (a firmware setting may have
    /// changed since, with a restart).
    fn enter(&mut self) -> Outcome<Request> {
        Outcome::request(Request::Facts(self.root.clone()))
    }

    fn update(&mut self, message: Message) -> Outcome<Request> {
        match message {
            Message::Watched(update) => {
                self.watched(update);
                Outcome::none()
            }
            Message::Events(events) => {
                self.events = events;
                Outcome::none()
            }
            Message::FactsRead(facts) => {
                self.facts = Some(facts);
                Outcome::none()
            }
            Message::CopyReport => {
                if self.copying {
                    return Outcome::none();
                }
                self.copying = true;
                self.note = None;
                self.error = None;
                Outcome::request(Request::Report(self.bus.clone()))
            }
            Message::ReportRead(result) => {
                self.copying = false;
                let text = self.report_text(result.as_deref());
                match result {
                    Ok(_) => self.note = Some(Note::Copied),
                    Err(error) => {
                        tracing::warn!(%error, "fwupd's security report");
                        self.error = Some(ErrorReport::new(
                            format!(
                                "{} {}",
                                error_sentence(&error),
                                fl!("security-copied-without-fwupd")
                            ),
                            error.to_string(),
                        ));
                    }
                }
                Outcome::effect(Effect::Copy(text))
            }
            Message::NoteDismissed => {
                self.note = None;
                Outcome::none()
            }
            Message::Report(message) => page::report(&mut self.error, message),
        }
    }

    fn view(&self) -> Element<'_, Message> {
        view::page(self)
    }

    fn subscription(&self) -> Subscription<Message> {
        Subscription::run_with(Fwupd(self.bus.clone()), watch_stream)
    }
}

/// The stream behind the page's subscription (also used by tests): fwupd's updates, each
/// snapshot followed by the event log read on the same bus. fwupd starts on demand, so
/// the stream also asks the bus to start it (beside the watch, which sees it arrive).
pub fn watch_stream(fwupd: &Fwupd) -> impl futures::Stream<Item = Message> + use<> {
    let bus = fwupd.0.clone();
    let activation = {
        let bus = bus.clone();
        futures::stream::once(async move {
            if let Err(failure) = security::activate_fwupd(&bus).await {
                tracing::info!(%failure, "fwupd not started on demand");
            }
            None
        })
        .filter_map(futures::future::ready)
    };
    let updates = firmware::watch(bus.clone())
        .filter(|update| {
            futures::future::ready(!matches!(update, Update::Progress(_) | Update::Request(_)))
        })
        .then(move |update| {
            let bus = bus.clone();
            async move {
                let events = if matches!(update, Update::Available(_)) {
                    Some(match bus.connection().await {
                        Ok(connection) => {
                            firmware::security_events(&connection, EVENTS_SHOWN).await
                        }
                        Err(failure) => Err(FirmwareError::from(failure)),
                    })
                } else {
                    None
                };
                let mut messages = vec![Message::Watched(update)];
                messages.extend(events.map(Message::Events));
                futures::stream::iter(messages)
            }
        })
        .flatten();
    futures::stream::select(updates, activation)
}

#[cfg(test)]
mod tests;
