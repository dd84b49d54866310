//! Words for what CUPS reports: a printer's state and its reasons, a job's
//! state, the options' values, address and name mistakes, and the sentence
//! for a failed command.

use ferrum_i18n::fl;
use ferrum_services::printers::{
    Action, AddressError, JobState, NameError, PrintOption, Printer, PrinterState, PrintersError,
    ReasonKind, Severity, StateReason,
};
use ferrum_ui::error_report::ErrorReport;

/// A printer's state in a word or two ("Ready", "Printing", "Paused").
pub fn state_text(printer: &Printer) -> String {
    match printer.state {
        PrinterState::Stopped => fl!("printers-state-stopped"),
        PrinterState::Processing => fl!("printers-state-printing"),
        PrinterState::Idle if !printer.accepting_jobs => fl!("printers-state-not-accepting"),
        PrinterState::Idle => fl!("printers-state-idle"),
    }
}

/// A state reason as a sentence, or `None` for one people need not hear
/// (CUPS's own bookkeeping, reports of no consequence).
pub fn reason_sentence(reason: &StateReason) -> Option<String> {
    Some(match &reason.kind {
        ReasonKind::MediaEmpty => fl!("printers-reason-media-empty"),
        ReasonKind::MediaLow => fl!("printers-reason-media-low"),
        ReasonKind::MediaJam => fl!("printers-reason-media-jam"),
        ReasonKind::Offline => fl!("printers-reason-offline"),
        ReasonKind::TonerLow => fl!("printers-reason-toner-low"),
        ReasonKind::TonerEmpty => fl!("printers-reason-toner-empty"),
        ReasonKind::MarkerSupplyLow => fl!("printers-reason-marker-low"),
        ReasonKind::MarkerSupplyEmpty => fl!("printers-reason-marker-empty"),
        ReasonKind::MarkerWasteFull => fl!("printers-reason-waste-full"),
        ReasonKind::CoverOpen => fl!("printers-reason-cover-open"),
        ReasonKind::DoorOpen => fl!("printers-reason-door-open"),
        ReasonKind::InputTrayMissing => fl!("printers-reason-tray-missing"),
        ReasonKind::OutputAreaFull => fl!("printers-reason-output-full"),
        ReasonKind::Paused => fl!("printers-reason-paused"),
        ReasonKind::ConnectingToDevice => fl!("printers-reason-connecting"),
        ReasonKind::Shutdown => fl!("printers-reason-shutdown"),
        ReasonKind::MissingFilter => fl!("printers-reason-missing-filter"),
        ReasonKind::Other(keyword) => {
            if reason.severity == Severity::Report || keyword.starts_with("cups-") {
                return None;
            }
            fl!("printers-reason-other", reason = keyword.as_str())
        }
    })
}

/// Every reason of a printer worth a sentence, the most severe first;
/// "Paused" is left out when the state already says so.
pub fn reason_sentences(printer: &Printer) -> Vec<String> {
    let mut reasons: Vec<&StateReason> = printer.reasons.iter().collect();
    reasons.sort_by_key(|reason| std::cmp::Reverse(severity_rank(reason.severity)));
    reasons
        .into_iter()
        .filter(|reason| {
            !(reason.kind == ReasonKind::Paused && printer.state == PrinterState::Stopped)
        })
        .filter_map(reason_sentence)
        .collect()
}

fn severity_rank(severity: Severity) -> u8 {
    match severity {
        Severity::Report => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

/// A job's state in a word.
pub fn job_state_text(state: JobState) -> String {
    match state {
        JobState::Pending => fl!("printers-job-pending"),
        JobState::Held => fl!("printers-job-held"),
        JobState::Processing => fl!("printers-job-processing"),
        JobState::Stopped => fl!("printers-job-stopped"),
        JobState::Canceled => fl!("printers-job-canceled"),
        JobState::Aborted => fl!("printers-job-aborted"),
        JobState::Completed => fl!("printers-job-completed"),
    }
}

/// An option's name.
pub fn option_name(option: PrintOption) -> String {
    match option {
        PrintOption::Media => fl!("printers-option-media"),
        PrintOption::Sides => fl!("printers-option-sides"),
        PrintOption::ColorMode => fl!("printers-option-color"),
        PrintOption::Quality => fl!("printers-option-quality"),
    }
}

/// One of an option's values in words (IPP keywords for the known ones,
/// paper sizes from their PWG names).
pub fn option_value(option: PrintOption, value: &str) -> String {
    match (option, value) {
        (PrintOption::Sides, "one-sided") => fl!("printers-sides-one"),
        (PrintOption::Sides, "two-sided-long-edge") => fl!("printers-sides-long"),
        (PrintOption::Sides, "two-sided-short-edge") => fl!("printers-sides-short"),
        (PrintOption::ColorMode, "color") => fl!("printers-color-color"),
        (PrintOption::ColorMode, "monochrome") => fl!("printers-color-monochrome"),
        (PrintOption::ColorMode, "auto") => fl!("printers-color-auto"),
        (PrintOption::Quality, "draft" | "3") => fl!("printers-quality-draft"),
        (PrintOption::Quality, "normal" | "4") => fl!("printers-quality-normal"),
        (PrintOption::Quality, "high" | "5") => fl!("printers-quality-high"),
        (PrintOption::Media, media) => media_name(media),
        (_, other) => other.to_owned(),
    }
}

/// A paper size's name from its PWG self-describing name
/// (`iso_a4_210x297mm` → "A4", `na_letter_8.5x11in` → "Letter").
pub fn media_name(media: &str) -> String {
    let mut parts = media.split('_');
    let (Some(_class), Some(name)) = (parts.next(), parts.next()) else {
        return media.to_owned();
    };
    if name.is_empty() {
        return media.to_owned();
    }
    let mut words: Vec<String> = name
        .split('-')
        .filter(|word| !word.is_empty())
        .map(|word| {
            // Short names are abbreviations (A4, B5, DL, C5).
            if word.chars().count() <= 2 {
                return word.to_uppercase();
            }
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect();
    if words.is_empty() {
        return media.to_owned();
    }
    // "Iso A4" reads as "A4"; "Jis B5" keeps its family.
    if words.len() > 1 && words[0] == "Iso" {
        words.remove(0);
    }
    words.join(" ")
}

/// Why an address was refused, in words.
pub fn address_error_text(error: &AddressError) -> String {
    match error {
        AddressError::Empty => fl!("printers-address-empty"),
        AddressError::ContainsSpace => fl!("printers-address-spaces"),
        AddressError::UnsupportedScheme(_) => fl!("printers-address-scheme"),
        AddressError::BadHost(host) => fl!("printers-address-host", host = host.as_str()),
        AddressError::BadPort(_) => fl!("printers-address-port"),
        AddressError::BadPath(_) => fl!("printers-address-path"),
    }
}

/// Why a name was refused, in words.
pub fn name_error_text(error: &NameError) -> String {
    match error {
        NameError::Empty => fl!("printers-name-empty"),
        NameError::TooLong => fl!("printers-name-too-long"),
        NameError::BadCharacter(_) => fl!("printers-name-invalid"),
    }
}

/// Why printing cannot be shown or changed, as a sentence.
pub fn error_sentence(error: &PrintersError) -> String {
    match error {
        PrintersError::NotRunning => fl!("printers-error-not-running"),
        PrintersError::NotAuthorized => fl!("printers-error-not-authorized"),
        PrintersError::HelperMissing => fl!("printers-error-helper-missing"),
        PrintersError::Timeout => fl!("printers-error-timeout"),
        PrintersError::Refused { message, .. } => {
            fl!("printers-error-refused", message = message.as_ref())
        }
        PrintersError::InvalidAddress(error) => address_error_text(error),
        PrintersError::InvalidName(error) => name_error_text(error),
        PrintersError::NotFound => fl!("printers-error-not-found"),
        PrintersError::BadAnswer(_) => fl!("printers-error-bad-answer"),
        PrintersError::Unreachable(_) => fl!("printers-error-unreachable"),
        PrintersError::Bus(_) => fl!("printers-error-bus"),
    }
}

/// The report for a failed command: what could not be done, to what, why.
/// `printer` names a queue as shown, `job` a job by its title.
pub fn command_error(
    command: &Action,
    printer: &dyn Fn(&ferrum_services::printers::QueueName) -> String,
    job: &dyn Fn(ferrum_services::printers::JobId) -> String,
    error: &PrintersError,
) -> ErrorReport {
    let summary = match command {
        Action::Add { info, name, .. } => {
            let shown = if info.is_empty() { name.as_str() } else { info };
            fl!("printers-failed-add", printer = shown)
        }
        Action::Remove(name) => fl!("printers-failed-remove", printer = printer(name)),
        Action::SetDefault(name) => fl!("printers-failed-default", printer = printer(name)),
        Action::SetEnabled {
            name,
            enabled: false,
        } => fl!("printers-failed-pause", printer = printer(name)),
        Action::SetEnabled {
            name,
            enabled: true,
        } => fl!("printers-failed-resume", printer = printer(name)),
        Action::SetAcceptingJobs { name, .. } => {
            fl!("printers-failed-accepting", printer = printer(name))
        }
        Action::Rename { from: name, .. } | Action::SetInfo { name, .. } => {
            fl!("printers-failed-rename", printer = printer(name))
        }
        Action::SetOption { name, .. } => fl!("printers-failed-option", printer = printer(name)),
        Action::CancelJob(id) | Action::HoldJob(id) | Action::ReleaseJob(id) => {
            fl!("printers-failed-job", job = job(*id))
        }
        Action::PrintTestPage(name) => fl!("printers-failed-test-page", printer = printer(name)),
    };
    ErrorReport::new(
        format!("{summary} {}", error_sentence(error)),
        error.to_string(),
    )
}
