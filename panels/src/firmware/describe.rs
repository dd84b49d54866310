//! Words for what fwupd reports: a device's update state and how it updates, an update's
//! size and urgency, the steps of an update, how it ended, why it failed, and what the
//! metadata refresh did.

use ferrum_i18n::fl;
use ferrum_services::firmware::{Device, FirmwareError, Progress, UpdateState, Urgency};

use super::Refresh;
use super::progress::{Ending, Failure, Run, Step, Target};

/// A device's name as shown (fwupd's, else "The device").
pub fn device_name(device: &Device) -> String {
    let name = device.name.trim();
    if name.is_empty() {
        fl!("firmware-device-unknown")
    } else {
        name.to_owned()
    }
}

/// How a device takes an update: while in use, at a restart, after a shutdown, or not here.
pub fn live_update_text(device: &Device) -> String {
    let flags = device.flags;
    if !flags.updatable() && !flags.updatable_hidden() {
        fl!("firmware-not-updatable")
    } else if flags.needs_shutdown() {
        fl!("firmware-live-shutdown")
    } else if flags.needs_reboot() {
        fl!("firmware-live-reboot")
    } else if flags.usable_during_update() {
        fl!("firmware-live-usable")
    } else {
        fl!("firmware-live-unusable")
    }
}

/// How the device's last update went, when fwupd recorded one.
pub fn update_state_text(device: &Device) -> Option<String> {
    Some(match device.update_state {
        UpdateState::Unknown | UpdateState::Other(_) => return None,
        UpdateState::Pending => fl!("firmware-state-pending"),
        UpdateState::Success => fl!("firmware-state-success"),
        UpdateState::NeedsReboot => fl!("firmware-state-needs-reboot"),
        UpdateState::FailedTransient => fl!("firmware-state-failed-transient"),
        UpdateState::Failed => match device.update_error.as_deref() {
            Some(reason) => fl!("firmware-state-failed", reason = reason),
            None => fl!("firmware-state-failed-plain"),
        },
    })
}

/// An update's urgency, when the metadata gives one.
pub fn urgency_text(urgency: Urgency) -> Option<String> {
    Some(match urgency {
        Urgency::Unknown => return None,
        Urgency::Low => fl!("firmware-urgency-low"),
        Urgency::Medium => fl!("firmware-urgency-medium"),
        Urgency::High => fl!("firmware-urgency-high"),
        Urgency::Critical => fl!("firmware-urgency-critical"),
    })
}

pub use ferrum_ui::format::size_text;

/// A step in words.
pub fn step_text(step: Step) -> String {
    match step {
        Step::Downloading => fl!("firmware-step-downloading"),
        Step::Checking => fl!("firmware-step-checking"),
        Step::Preparing => fl!("firmware-step-preparing"),
        Step::Authorizing => fl!("firmware-step-authorizing"),
        Step::WaitingForDevice => fl!("firmware-step-device-busy"),
        Step::Reading => fl!("firmware-step-reading"),
        Step::Erasing => fl!("firmware-step-erasing"),
        Step::Writing => fl!("firmware-step-writing"),
        Step::Verifying => fl!("firmware-step-verifying"),
        Step::RestartingDevice => fl!("firmware-step-restarting"),
        Step::WaitingForYou => fl!("firmware-step-waiting-for-you"),
        Step::Working => fl!("firmware-step-working"),
    }
}

/// fwupd busy with another program's update: what it is doing.
pub fn busy_text(progress: Progress) -> String {
    let step = Step::from_status(progress.status).unwrap_or(Step::Working);
    fl!(
        "firmware-busy-elsewhere",
        step = step_text(step),
        percent = progress.percentage
    )
}

/// The progress bar's accessible name: the device, the step and the percentage.
pub fn progress_name(target: &Target, step: Step, percent: u32) -> String {
    fl!(
        "firmware-progress",
        device = target.device_name.as_str(),
        step = step_text(step),
        percent = percent
    )
}

/// The heading of an update under way.
pub fn updating_text(target: &Target) -> String {
    fl!(
        "firmware-updating",
        device = target.device_name.as_str(),
        version = target.release.version.as_str()
    )
}

/// How an update ended, as a sentence.
pub fn ending_text(target: &Target, ending: Ending) -> String {
    let device = target.device_name.as_str();
    let version = target.release.version.as_str();
    match ending {
        Ending::Done => fl!("firmware-done", device = device, version = version),
        Ending::RestartNeeded => fl!(
            "firmware-restart-needed",
            device = device,
            version = version
        ),
        Ending::ShutdownNeeded => {
            fl!(
                "firmware-shutdown-needed",
                device = device,
                version = version
            )
        }
    }
}

/// Why an update failed, as a sentence.
pub fn failure_text(failure: &Failure) -> String {
    match failure {
        Failure::ServiceStopped => fl!("firmware-error-stopped-during"),
        Failure::Firmware(error) => error_sentence(error),
    }
}

/// A failed update's whole sentence: what was not updated, and why.
pub fn failed_text(target: &Target, failure: &Failure) -> String {
    format!(
        "{} {}",
        fl!(
            "firmware-failed",
            device = target.device_name.as_str(),
            version = target.release.version.as_str()
        ),
        failure_text(failure)
    )
}

/// What the page says about a run (the step, how it ended, why it failed); `None` when idle.
pub fn run_text(run: &Run) -> Option<String> {
    match run {
        Run::Idle => None,
        Run::Active { target, step, .. } => Some(fl!(
            "firmware-progress-step",
            device = target.device_name.as_str(),
            step = step_text(*step)
        )),
        Run::Finished { target, ending } => Some(ending_text(target, *ending)),
        Run::Failed { target, failure } => Some(failed_text(target, failure)),
    }
}

/// A firmware error as a sentence (fwupd's own words only ever as the detail).
pub fn error_sentence(error: &FirmwareError) -> String {
    match error {
        FirmwareError::Offline { .. } => fl!("firmware-error-offline"),
        FirmwareError::Untrusted { host, .. } => {
            fl!("firmware-error-untrusted", host = host.as_str())
        }
        FirmwareError::DownloadFailed { .. } => fl!("firmware-error-download"),
        FirmwareError::ChecksumMismatch { .. } => fl!("firmware-error-checksum"),
        FirmwareError::NoChecksum => fl!("firmware-error-no-checksum"),
        FirmwareError::NoLocation => fl!("firmware-error-no-location"),
        FirmwareError::Unsupported { .. } => fl!("firmware-error-unsupported"),
        FirmwareError::DeviceBusy(_) => fl!("firmware-error-busy"),
        FirmwareError::NotAuthorized(_) => fl!("firmware-error-not-authorized"),
        FirmwareError::NotRunning(_) => fl!("firmware-error-not-running"),
        FirmwareError::Timeout(_) => fl!("firmware-error-timeout"),
        FirmwareError::NothingToDo(_) => fl!("firmware-error-nothing-to-do"),
        FirmwareError::Refused { .. } => fl!("firmware-error-refused"),
        FirmwareError::UnknownRemote(_) | FirmwareError::RemoteDisabled(_) => {
            fl!("firmware-error-remote")
        }
        FirmwareError::Io { .. } => fl!("firmware-error-local"),
        FirmwareError::Bus(_) => fl!("firmware-error-bus"),
    }
}

/// The sentence about checking for updates (`now`: seconds since the epoch).
pub fn refresh_text(refresh: &Refresh) -> Option<String> {
    Some(match refresh {
        Refresh::Unknown => return None,
        Refresh::Checking => fl!("firmware-refresh-checking"),
        Refresh::Fresh { last, now } => last_checked_text(*last, *now),
        Refresh::Metered { last, now } => format!(
            "{} {}",
            fl!("firmware-refresh-metered"),
            last_checked_text(*last, *now)
        ),
        Refresh::Offline => fl!("firmware-refresh-offline"),
        Refresh::NoRemote => fl!("firmware-refresh-no-remote"),
        Refresh::Failed(error) => {
            fl!("firmware-refresh-failed", reason = error_sentence(error))
        }
    })
}

/// "Updates were last checked today / yesterday / N days ago", or never.
pub fn last_checked_text(last: Option<u64>, now: u64) -> String {
    match last {
        None => fl!("firmware-refresh-never"),
        Some(at) => {
            let days = now.saturating_sub(at) / super::DAY;
            fl!("firmware-refresh-last", days = days)
        }
    }
}
