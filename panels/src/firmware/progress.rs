//! One update from the press of **Update** to its end, as a typed state machine:
//! [`Run::Idle`] → [`Step::Downloading`] (this page fetches the cabinet) →
//! [`Step::Checking`] (its checksum against the metadata, then fwupd's `Install`) → the
//! steps fwupd reports through `Status`/`Percentage` (writing, verifying, restarting the
//! device, …) → [`Run::Finished`] (done, or to finish at a restart or shutdown) or
//! [`Run::Failed`].
//!
//! fwupd's progress only moves a run that has reached fwupd ([`Step::Checking`] or later);
//! the run ends only with the answer to `Install` or with fwupd leaving the bus, so no
//! progress bar outlives the update it shows.

use ferrum_services::firmware::{FirmwareError, Installed, Progress, Release, Status};

/// A step of an update, as the page names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// The page downloads the cabinet.
    Downloading,
    /// The page checks the download and hands it to fwupd.
    Checking,
    /// fwupd loads, decompresses or schedules it.
    Preparing,
    /// fwupd waits for polkit.
    Authorizing,
    /// fwupd waits for the device to be free.
    WaitingForDevice,
    /// Reading the device.
    Reading,
    /// Erasing the old firmware.
    Erasing,
    /// Writing the new firmware.
    Writing,
    /// Verifying what was written.
    Verifying,
    /// Restarting the device.
    RestartingDevice,
    /// fwupd waits for the person (a device request).
    WaitingForYou,
    /// Some other work fwupd reports.
    Working,
}

impl Step {
    /// The step a `Status` of fwupd's means; `None` for idle and unknown (no news).
    pub fn from_status(status: Status) -> Option<Self> {
        Some(match status {
            Status::Idle | Status::Unknown => return None,
            Status::Downloading => Self::Downloading,
            Status::Loading | Status::Decompressing | Status::Scheduling => Self::Preparing,
            Status::WaitingForAuth => Self::Authorizing,
            Status::DeviceBusy => Self::WaitingForDevice,
            Status::DeviceRead => Self::Reading,
            Status::DeviceErase => Self::Erasing,
            Status::DeviceWrite => Self::Writing,
            Status::DeviceVerify => Self::Verifying,
            Status::DeviceRestart => Self::RestartingDevice,
            Status::WaitingForUser => Self::WaitingForYou,
            Status::Shutdown | Status::Other(_) => Self::Working,
        })
    }
}

/// What an update is for.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// fwupd's device id.
    pub device_id: String,
    /// The device's name as shown.
    pub device_name: String,
    /// The release being installed.
    pub release: Release,
}

/// How an update that went through ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Written and running.
    Done,
    /// Finishes when the computer restarts.
    RestartNeeded,
    /// Finishes after the computer is shut down.
    ShutdownNeeded,
}

impl From<Installed> for Ending {
    fn from(installed: Installed) -> Self {
        match installed {
            Installed::Done => Self::Done,
            Installed::RestartNeeded => Self::RestartNeeded,
            Installed::ShutdownNeeded => Self::ShutdownNeeded,
        }
    }
}

/// Why an update failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The download, the check or fwupd said no.
    Firmware(FirmwareError),
    /// fwupd left the bus while it was updating (crashed, restarted).
    ServiceStopped,
}

/// The update the page runs (one at a time).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Run {
    /// None.
    #[default]
    Idle,
    /// Under way.
    Active {
        /// What for.
        target: Target,
        /// Where it is.
        step: Step,
        /// fwupd's percentage for the step, once it gave one.
        percent: Option<u32>,
    },
    /// It went through.
    Finished {
        /// What for.
        target: Target,
        /// How it ends.
        ending: Ending,
    },
    /// It did not.
    Failed {
        /// What for.
        target: Target,
        /// Why.
        failure: Failure,
    },
}

impl Run {
    /// An update starts with its download.
    pub fn start(target: Target) -> Self {
        Self::Active {
            target,
            step: Step::Downloading,
            percent: None,
        }
    }

    /// Whether an update is under way.
    pub fn is_active(&self) -> bool {
        matches!(self, Self::Active { .. })
    }

    /// What the run is for, unless idle.
    pub fn target(&self) -> Option<&Target> {
        match self {
            Self::Idle => None,
            Self::Active { target, .. }
            | Self::Finished { target, .. }
            | Self::Failed { target, .. } => Some(target),
        }
    }

    /// The download ended: on to the check (and fwupd), or failed.
    pub fn downloaded(&mut self, result: Result<(), FirmwareError>) {
        let Self::Active { target, step, .. } = self else {
            return;
        };
        if *step != Step::Downloading {
            return;
        }
        *self = match result {
            Ok(()) => Self::Active {
                target: target.clone(),
                step: Step::Checking,
                percent: None,
            },
            Err(error) => Self::Failed {
                target: target.clone(),
                failure: Failure::Firmware(error),
            },
        };
    }

    /// fwupd's progress; moves an update that has reached fwupd. Returns whether the step
    /// changed (said to a screen reader).
    pub fn progress(&mut self, progress: Progress) -> bool {
        let Self::Active { step, percent, .. } = self else {
            return false;
        };
        if *step == Step::Downloading {
            return false;
        }
        match Step::from_status(progress.status) {
            Some(next) => {
                let changed = next != *step;
                *step = next;
                *percent = Some(progress.percentage.min(100));
                changed
            }
            None => false,
        }
    }

    /// `Install` answered.
    pub fn answered(&mut self, result: Result<Installed, FirmwareError>) {
        let Self::Active { target, .. } = self else {
            return;
        };
        let target = target.clone();
        *self = match result {
            Ok(installed) => Self::Finished {
                target,
                ending: installed.into(),
            },
            // Gone while it had the update: the same as seeing it leave.
            Err(FirmwareError::NotRunning(_)) => Self::Failed {
                target,
                failure: Failure::ServiceStopped,
            },
            Err(error) => Self::Failed {
                target,
                failure: Failure::Firmware(error),
            },
        };
    }

    /// fwupd left the bus: an update under way failed with it (its answer, which follows,
    /// changes nothing).
    pub fn service_gone(&mut self) {
        if let Self::Active { target, .. } = self {
            *self = Self::Failed {
                target: target.clone(),
                failure: Failure::ServiceStopped,
            };
        }
    }
}
