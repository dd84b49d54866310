//! What the Printers page shows: queues, their state in typed words, supplies, jobs, options.

use std::fmt;

use super::address::{PrinterUri, QueueName};
use super::error::PrintersError;

/// How serious a state reason is (from its `-error`/`-warning`/`-report` suffix).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Informational (`-report`, or a reason that only describes what the queue does).
    Report,
    /// Printing goes on but needs attention soon (`-warning`).
    Warning,
    /// Printing is stopped by it (`-error`, or no suffix, as RFC 8011 says).
    Error,
}

/// Why a printer is in its state, in words the page can translate.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ReasonKind {
    /// Out of paper (`media-empty`, `media-needed`).
    MediaEmpty,
    /// Paper is low (`media-low`).
    MediaLow,
    /// Paper jam (`media-jam`).
    MediaJam,
    /// The printer cannot be reached (`offline`, `offline-report`).
    Offline,
    /// Toner is low (`toner-low`).
    TonerLow,
    /// Toner is out (`toner-empty`).
    TonerEmpty,
    /// Ink or another supply is low (`marker-supply-low`).
    MarkerSupplyLow,
    /// Ink or another supply is out (`marker-supply-empty`).
    MarkerSupplyEmpty,
    /// The waste container is full (`marker-waste-full`).
    MarkerWasteFull,
    /// A cover is open (`cover-open`).
    CoverOpen,
    /// A door is open (`door-open`).
    DoorOpen,
    /// An input tray is missing (`input-tray-missing`).
    InputTrayMissing,
    /// The output tray is full (`output-area-full`).
    OutputAreaFull,
    /// The queue is paused (`paused`).
    Paused,
    /// CUPS is connecting to the device (`connecting-to-device`).
    ConnectingToDevice,
    /// The printer is shutting down or off (`shutdown`).
    Shutdown,
    /// CUPS lacks a filter for the job's format (`cups-missing-filter`).
    MissingFilter,
    /// A reason this version does not know, by its keyword without suffix.
    Other(String),
}

/// One `printer-state-reasons` keyword, typed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StateReason {
    /// What it is.
    pub kind: ReasonKind,
    /// How serious.
    pub severity: Severity,
}

impl StateReason {
    /// Parses one keyword; `none` (no reason) gives `None`.
    pub fn parse(keyword: &str) -> Option<Self> {
        let keyword = keyword.trim();
        if keyword.is_empty() || keyword == "none" {
            return None;
        }
        let (base, suffix) = [
            ("-error", Some(Severity::Error)),
            ("-warning", Some(Severity::Warning)),
            ("-report", Some(Severity::Report)),
        ]
        .iter()
        .find_map(|(suffix, severity)| keyword.strip_suffix(suffix).map(|base| (base, *severity)))
        .unwrap_or((keyword, None));
        let kind = match base {
            "media-empty" | "media-needed" => ReasonKind::MediaEmpty,
            "media-low" => ReasonKind::MediaLow,
            "media-jam" => ReasonKind::MediaJam,
            "offline" => ReasonKind::Offline,
            "toner-low" => ReasonKind::TonerLow,
            "toner-empty" => ReasonKind::TonerEmpty,
            "marker-supply-low" => ReasonKind::MarkerSupplyLow,
            "marker-supply-empty" => ReasonKind::MarkerSupplyEmpty,
            "marker-waste-full" | "marker-waste-almost-full" => ReasonKind::MarkerWasteFull,
            "cover-open" => ReasonKind::CoverOpen,
            "door-open" | "interlock-open" => ReasonKind::DoorOpen,
            "input-tray-missing" => ReasonKind::InputTrayMissing,
            "output-area-full" | "output-tray-missing" => ReasonKind::OutputAreaFull,
            "paused" | "moving-to-paused" => ReasonKind::Paused,
            "connecting-to-device" => ReasonKind::ConnectingToDevice,
            "shutdown" => ReasonKind::Shutdown,
            "cups-missing-filter" => ReasonKind::MissingFilter,
            other => ReasonKind::Other(other.to_owned()),
        };
        // Reasons that only describe what the queue does are never errors.
        let informational = matches!(kind, ReasonKind::Paused | ReasonKind::ConnectingToDevice);
        let severity = match suffix {
            Some(severity) => severity,
            None if informational => Severity::Report,
            None => Severity::Error,
        };
        Some(Self { kind, severity })
    }

    /// Parses every keyword, dropping `none`.
    pub fn parse_all<'a>(keywords: impl IntoIterator<Item = &'a str>) -> Vec<Self> {
        keywords.into_iter().filter_map(Self::parse).collect()
    }
}

/// `printer-state`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrinterState {
    /// Ready, nothing printing.
    Idle,
    /// Printing.
    Processing,
    /// Stopped (paused, or an error stopped it).
    Stopped,
}

impl PrinterState {
    pub(crate) fn from_ipp(value: i32) -> Self {
        match value {
            4 => Self::Processing,
            5 => Self::Stopped,
            _ => Self::Idle,
        }
    }
}

/// `job-state`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobState {
    /// Waiting to print.
    Pending,
    /// Held (by the person or by CUPS) until released.
    Held,
    /// Printing.
    Processing,
    /// Stopped while printing.
    Stopped,
    /// Canceled.
    Canceled,
    /// Aborted by the system (an error).
    Aborted,
    /// Printed.
    Completed,
}

impl JobState {
    pub(crate) fn from_ipp(value: i32) -> Self {
        match value {
            4 => Self::Held,
            5 => Self::Processing,
            6 => Self::Stopped,
            7 => Self::Canceled,
            8 => Self::Aborted,
            9 => Self::Completed,
            _ => Self::Pending,
        }
    }

    /// Whether the job is over (canceled, aborted or completed).
    pub fn is_finished(self) -> bool {
        matches!(self, Self::Canceled | Self::Aborted | Self::Completed)
    }
}

/// How full a supply is (`marker-levels`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerLevel {
    /// A percentage, 0–100.
    Percent(u8),
    /// Some remains, amount unknown (`-3`).
    SomeRemaining,
    /// The printer does not say (`-1`, `-2`).
    Unknown,
}

impl MarkerLevel {
    pub(crate) fn from_ipp(value: i32) -> Self {
        match value {
            -3 => Self::SomeRemaining,
            0..=100 => Self::Percent(u8::try_from(value).unwrap_or(0)),
            _ => Self::Unknown,
        }
    }
}

/// One ink or toner supply of a printer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// The printer's name for it (`Black Toner`, `Cyan ink`).
    pub name: String,
    /// Its type keyword (`toner`, `ink-cartridge`, …).
    pub kind: String,
    /// Its colours as RGB (`#00FFFF`; several for a multi-colour cartridge; none when unknown).
    pub colors: Vec<[u8; 3]>,
    /// How full it is.
    pub level: MarkerLevel,
    /// At or below this percentage the printer calls it low.
    pub low: Option<u8>,
    /// The percentage of a full supply (usually 100).
    pub high: Option<u8>,
}

/// Parses a `marker-colors` value (`#00FFFF`, `#FF00FF#FFFF00`, `none`).
pub(crate) fn parse_colors(text: &str) -> Vec<[u8; 3]> {
    text.split('#')
        .filter(|part| part.len() == 6)
        .filter_map(|hex| {
            let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
            Some([byte(0)?, byte(2)?, byte(4)?])
        })
        .collect()
}

/// The choices of one print option and the queue's default.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OptionChoices {
    /// IPP keywords offered (`iso_a4_210x297mm`, `two-sided-long-edge`, `color`, `high`, …).
    pub choices: Vec<String>,
    /// The queue's default, when it has one.
    pub default: Option<String>,
}

/// Which print option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrintOption {
    /// Paper size (`media`).
    Media,
    /// Two-sided printing (`sides`).
    Sides,
    /// Colour or greyscale (`print-color-mode`).
    ColorMode,
    /// Quality (`print-quality`: `draft`, `normal`, `high`).
    Quality,
}

impl PrintOption {
    /// The IPP attribute name (without `-default`/`-supported`).
    pub fn ipp_name(self) -> &'static str {
        match self {
            Self::Media => "media",
            Self::Sides => "sides",
            Self::ColorMode => "print-color-mode",
            Self::Quality => "print-quality",
        }
    }
}

/// The options the Options section shows, from the queue's own IPP attributes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PrinterOptions {
    /// Paper size.
    pub media: OptionChoices,
    /// Two-sided printing.
    pub sides: OptionChoices,
    /// Colour mode.
    pub color_mode: OptionChoices,
    /// Quality (`draft`, `normal`, `high`).
    pub quality: OptionChoices,
}

impl PrinterOptions {
    /// The choices of one option.
    pub fn get(&self, option: PrintOption) -> &OptionChoices {
        match option {
            PrintOption::Media => &self.media,
            PrintOption::Sides => &self.sides,
            PrintOption::ColorMode => &self.color_mode,
            PrintOption::Quality => &self.quality,
        }
    }
}

/// A print queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printer {
    /// The queue name.
    pub name: QueueName,
    /// Its description (`printer-info`, the name people see).
    pub info: String,
    /// Where it is (`printer-location`).
    pub location: String,
    /// Make and model.
    pub make_and_model: String,
    /// The device's address as CUPS reaches it (`device-uri`, e.g. `ipp://10.0.0.5/ipp/print`).
    pub device_uri: String,
    /// The queue's own address at CUPS (`printer-uri-supported`).
    pub queue_uri: String,
    /// Idle, printing or stopped.
    pub state: PrinterState,
    /// Why, typed (`none` dropped).
    pub reasons: Vec<StateReason>,
    /// CUPS's message about the state, when any.
    pub state_message: String,
    /// Whether it takes new jobs.
    pub accepting_jobs: bool,
    /// Whether it is shared with the network.
    pub shared: bool,
    /// Ink and toner.
    pub markers: Vec<Marker>,
    /// Paper size, sides, colour and quality.
    pub options: PrinterOptions,
    /// CUPS's `printer-type` bits (class, remote, …).
    pub printer_type: u32,
}

impl Printer {
    /// The display name: `printer-info`, else the queue name.
    pub fn display_name(&self) -> &str {
        if self.info.trim().is_empty() {
            self.name.as_str()
        } else {
            &self.info
        }
    }

    /// Whether the queue is paused (stopped by a person, not by an error).
    pub fn is_paused(&self) -> bool {
        self.state == PrinterState::Stopped
            && self.reasons.iter().any(|r| r.kind == ReasonKind::Paused)
    }

    /// The most serious reason, if any.
    pub fn worst_reason(&self) -> Option<&StateReason> {
        self.reasons.iter().max_by_key(|r| r.severity)
    }
}

/// A job id (CUPS numbers jobs across all queues).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JobId(pub i32);

impl fmt::Display for JobId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A print job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Its id.
    pub id: JobId,
    /// Its queue (from `job-printer-uri`).
    pub queue: Option<QueueName>,
    /// Its title.
    pub title: String,
    /// Who sent it.
    pub owner: String,
    /// Its state.
    pub state: JobState,
    /// `job-state-reasons` keywords as CUPS gives them (`job-hold-until-specified`, …).
    pub state_reasons: Vec<String>,
    /// Pages printed so far (`job-impressions-completed`, else `job-media-sheets-completed`).
    pub pages_done: u32,
    /// When it was created (seconds since the Unix epoch), when known.
    pub created: Option<i64>,
}

/// Everything the Printers page shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snapshot {
    /// The queues, sorted by name.
    pub printers: Vec<Printer>,
    /// Unfinished jobs, then recent finished ones, newest first within each.
    pub jobs: Vec<Job>,
    /// The default queue.
    pub default: Option<QueueName>,
}

impl Snapshot {
    /// The queue with this name (CUPS compares without case).
    pub fn printer(&self, name: &QueueName) -> Option<&Printer> {
        self.printers.iter().find(|p| p.name.same_queue(name))
    }

    /// The jobs of one queue.
    pub fn jobs_of<'a>(&'a self, name: &'a QueueName) -> impl Iterator<Item = &'a Job> + 'a {
        self.jobs
            .iter()
            .filter(move |job| job.queue.as_ref().is_some_and(|q| q.same_queue(name)))
    }
}

/// What [`watch`](super::watch) yields.
#[derive(Debug, Clone, PartialEq)]
pub enum Update {
    /// cupsd runs; here is everything now (again after each change CUPS announces).
    Available(Snapshot),
    /// cupsd is not running (its port refuses connections); the stream retries and yields
    /// `Available` when it is back.
    Unavailable,
    /// cupsd is there but reading failed; the stream retries.
    Failed(PrintersError),
}

/// Whether a found printer prints without a classic driver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DriverSupport {
    /// IPP Everywhere (`pdl` has `image/pwg-raster`).
    IppEverywhere,
    /// AirPrint (`URF` key, `pdl` has `image/urf`).
    AirPrint,
    /// Takes PDF over IPP (`pdl` has `application/pdf`) without PWG/URF raster.
    Pdf,
    /// Needs a classic (PPD) driver: CUPS's `everywhere` model would not work.
    NeedsDriver,
}

impl DriverSupport {
    /// Whether the printer can be added driverless (`everywhere`).
    pub fn is_driverless(self) -> bool {
        !matches!(self, Self::NeedsDriver)
    }
}

/// A printer found on the network, one entry per printer however often it was announced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discovered {
    /// Its announced name (`HP LaserJet M15 [1A2B3C]`).
    pub name: String,
    /// Its host name (`printer.local`).
    pub host: String,
    /// Its addresses, IPv4 first.
    pub addresses: Vec<std::net::IpAddr>,
    /// The address to add it with (IPv4 first; `ipp://` when offered, as CUPS then does not
    /// need to trust the printer's self-made certificate).
    pub uri: PrinterUri,
    /// Whether it also offers `ipps://`.
    pub offers_tls: bool,
    /// Make and model (`ty`), when announced.
    pub make_and_model: Option<String>,
    /// Where it is (`note`), when announced.
    pub location: Option<String>,
    /// Driverless or not.
    pub driver: DriverSupport,
    /// Its UUID, when announced.
    pub uuid: Option<String>,
    /// The queue this printer already has here, when one points at it.
    pub queue: Option<QueueName>,
}

/// What [`discover`](super::discover) yields.
#[derive(Debug, Clone, PartialEq)]
pub enum DiscoveryUpdate {
    /// The printers found so far (the whole list each time).
    Found(Vec<Discovered>),
    /// Avahi is not running: nothing can be found on the network now (add by address still
    /// works). The stream yields `Found` when it returns.
    Unavailable,
    /// Browsing failed (Avahi refused, the bus failed); the stream retries.
    Failed(PrintersError),
}

/// A command on a queue or a job, kept for the error sentence and run with [`Action::run`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Create a driverless queue (`everywhere`).
    Add {
        /// The queue name.
        name: QueueName,
        /// The device's address.
        uri: PrinterUri,
        /// The description people see.
        info: String,
        /// Where it is.
        location: String,
    },
    /// Delete a queue.
    Remove(QueueName),
    /// Make a queue the default.
    SetDefault(QueueName),
    /// Pause (`false`) or resume (`true`) a queue.
    SetEnabled {
        /// The queue.
        name: QueueName,
        /// Resume when true.
        enabled: bool,
    },
    /// Accept or reject new jobs.
    SetAcceptingJobs {
        /// The queue.
        name: QueueName,
        /// Accept when true.
        accepting: bool,
    },
    /// Change the name people see (`printer-info`); the queue's name stays.
    SetInfo {
        /// The queue.
        name: QueueName,
        /// The new description.
        info: String,
    },
    /// Rename a queue.
    Rename {
        /// The queue.
        from: QueueName,
        /// The new name.
        to: QueueName,
    },
    /// Change the default of a print option.
    SetOption {
        /// The queue.
        name: QueueName,
        /// Which option.
        option: PrintOption,
        /// The new default, one of the option's choices.
        value: String,
    },
    /// Cancel a job (and remove its files).
    CancelJob(JobId),
    /// Hold a job until released.
    HoldJob(JobId),
    /// Release a held job.
    ReleaseJob(JobId),
    /// Print a test page on a queue (plain IPP, no administrator rights).
    PrintTestPage(QueueName),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_typed_with_severity() {
        let reasons = StateReason::parse_all([
            "none",
            "media-empty-error",
            "toner-low-warning",
            "offline-report",
            "paused",
            "media-jam",
            "com.vendor-thing-warning",
        ]);
        assert_eq!(
            reasons,
            vec![
                StateReason {
                    kind: ReasonKind::MediaEmpty,
                    severity: Severity::Error
                },
                StateReason {
                    kind: ReasonKind::TonerLow,
                    severity: Severity::Warning
                },
                StateReason {
                    kind: ReasonKind::Offline,
                    severity: Severity::Report
                },
                StateReason {
                    kind: ReasonKind::Paused,
                    severity: Severity::Report
                },
                StateReason {
                    kind: ReasonKind::MediaJam,
                    severity: Severity::Error
                },
                StateReason {
                    kind: ReasonKind::Other("com.vendor-thing".into()),
                    severity: Severity::Warning
                },
            ]
        );
        assert_eq!(
            StateReason::parse("media-needed").unwrap().kind,
            ReasonKind::MediaEmpty
        );
        assert_eq!(
            StateReason::parse("marker-supply-empty-error")
                .unwrap()
                .kind,
            ReasonKind::MarkerSupplyEmpty
        );
    }

    #[test]
    fn states_and_levels_map() {
        assert_eq!(PrinterState::from_ipp(3), PrinterState::Idle);
        assert_eq!(PrinterState::from_ipp(5), PrinterState::Stopped);
        assert_eq!(JobState::from_ipp(4), JobState::Held);
        assert!(JobState::from_ipp(9).is_finished());
        assert!(!JobState::from_ipp(5).is_finished());
        assert_eq!(MarkerLevel::from_ipp(42), MarkerLevel::Percent(42));
        assert_eq!(MarkerLevel::from_ipp(-3), MarkerLevel::SomeRemaining);
        assert_eq!(MarkerLevel::from_ipp(-1), MarkerLevel::Unknown);
        assert_eq!(MarkerLevel::from_ipp(101), MarkerLevel::Unknown);
    }

    #[test]
    fn marker_colors_parse() {
        assert_eq!(parse_colors("#00FFFF"), vec![[0, 255, 255]]);
        assert_eq!(
            parse_colors("#FF00FF#000000"),
            vec![[255, 0, 255], [0, 0, 0]]
        );
        assert!(parse_colors("none").is_empty());
    }
}
