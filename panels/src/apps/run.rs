//! Installs, updates and removals the page runs, one at a time, as a typed state machine:
//! [`Run::Idle`] → [`Run::Starting`] (the service is asked; its operation comes back as a
//! [`Running`]) → [`Run::Active`] (libflatpak's steps and progress: bytes, steps, percent)
//! → back to idle with an [`Ended`] (done, cancelled, or failed with a typed error). More
//! changes wait in the page's queue ("Update all").
//!
//! The operation's events reach the page through a subscription keyed by the [`Running`]:
//! they wait in the operation's channel while the page is not shown, so leaving the page and
//! coming back loses none, and the change's end is always heard.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use ferrum_services::apps::{
    Action, AppRef, AppsError, Canceller, Operation, OperationEvent, Progress, Step,
};

/// A change the person asked for, with the app's name as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// Install an app from a remote.
    Install {
        /// The app and where it goes.
        app: AppRef,
        /// The remote.
        remote: String,
        /// Its name.
        name: String,
    },
    /// Update an installed app.
    Update {
        /// The app.
        app: AppRef,
        /// The commit whose permissions were seen (`None`: the latest).
        commit: Option<String>,
        /// Its name.
        name: String,
    },
    /// Remove an installed app.
    Remove {
        /// The app.
        app: AppRef,
        /// Also delete its data folder.
        delete_data: bool,
        /// Its name.
        name: String,
    },
}

impl Job {
    /// What the service runs.
    pub fn action(&self) -> Action {
        match self {
            Job::Install { app, remote, .. } => Action::Install {
                app: app.clone(),
                remote: remote.clone(),
            },
            Job::Update { app, commit, .. } => Action::Update {
                app: app.clone(),
                commit: commit.clone(),
            },
            Job::Remove {
                app, delete_data, ..
            } => Action::Uninstall {
                app: app.clone(),
                delete_data: *delete_data,
            },
        }
    }

    /// The app.
    pub fn app(&self) -> &AppRef {
        match self {
            Job::Install { app, .. } | Job::Update { app, .. } | Job::Remove { app, .. } => app,
        }
    }

    /// The app's name as shown.
    pub fn name(&self) -> &str {
        match self {
            Job::Install { name, .. } | Job::Update { name, .. } | Job::Remove { name, .. } => name,
        }
    }
}

/// An operation under way, shared with the subscription that reads its events. Equal (and
/// hashed) by its number, so the subscription stays the same while the page runs it.
#[derive(Clone)]
pub struct Running {
    /// The page's number for it.
    pub id: u64,
    /// The operation and what cancels it (`None`: a detached one, for samples and tests).
    operation: Option<(Arc<tokio::sync::Mutex<Operation>>, Canceller)>,
}

impl Running {
    /// Wraps the service's operation.
    pub fn new(id: u64, operation: Operation) -> Self {
        let canceller = operation.canceller();
        Self {
            id,
            operation: Some((Arc::new(tokio::sync::Mutex::new(operation)), canceller)),
        }
    }

    /// A running change without an operation behind it (its events never come): what the
    /// samples draw and the unit tests feed events to by hand.
    pub fn detached(id: u64) -> Self {
        Self {
            id,
            operation: None,
        }
    }

    /// Cancels the operation (libflatpak stops the step under way and keeps nothing of it).
    pub fn cancel(&self) {
        if let Some((_, canceller)) = &self.operation {
            canceller.cancel();
        }
    }

    /// Its events, until [`OperationEvent::Finished`] (cancel-safe: an event not yet taken
    /// stays in the operation's channel).
    pub fn events(&self) -> impl futures::Stream<Item = (u64, OperationEvent)> + use<> {
        let id = self.id;
        let operation = self
            .operation
            .as_ref()
            .map(|(operation, _)| Arc::clone(operation));
        futures::stream::unfold(operation, move |operation| async move {
            let operation = operation?;
            let event = {
                let mut locked = operation.lock().await;
                futures::StreamExt::next(&mut *locked).await?
            };
            let last = matches!(event, OperationEvent::Finished(_));
            Some(((id, event), (!last).then_some(operation)))
        })
    }
}

impl std::fmt::Debug for Running {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Running").field("id", &self.id).finish()
    }
}

impl PartialEq for Running {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Hash for Running {
    fn hash<H: Hasher>(&self, state: &mut H) {
        "apps-operation".hash(state);
        self.id.hash(state);
    }
}

/// How a change ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Ended {
    /// The change.
    pub job: Job,
    /// Done, or why not ([`AppsError::Cancelled`] when the person cancelled).
    pub result: Result<(), AppsError>,
    /// An update or removal that went through while the app runs: what runs keeps the old
    /// files until it is closed ([`OperationEvent::StillRunning`]).
    pub still_running: bool,
}

/// The change the page runs.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Run {
    /// None.
    #[default]
    Idle,
    /// Asked of the service; its operation has not come back yet.
    Starting {
        /// The page's number for it.
        id: u64,
        /// The change.
        job: Job,
        /// Cancel was pressed already.
        cancelling: bool,
    },
    /// Under way.
    Active {
        /// The change.
        job: Job,
        /// Its operation.
        running: Running,
        /// The step under way, once libflatpak named one.
        step: Option<Step>,
        /// Progress within the step.
        progress: Option<Progress>,
        /// Cancel was pressed.
        cancelling: bool,
        /// The app runs and keeps its old files until closed (said when the change ends).
        still_running: bool,
    },
}

impl Run {
    /// Whether a change is asked for or under way.
    pub fn is_busy(&self) -> bool {
        !matches!(self, Run::Idle)
    }

    /// The change, unless idle.
    pub fn job(&self) -> Option<&Job> {
        match self {
            Run::Idle => None,
            Run::Starting { job, .. } | Run::Active { job, .. } => Some(job),
        }
    }

    /// The page's number of the change, unless idle.
    pub fn id(&self) -> Option<u64> {
        match self {
            Run::Idle => None,
            Run::Starting { id, .. } => Some(*id),
            Run::Active { running, .. } => Some(running.id),
        }
    }

    /// Whether Cancel was pressed.
    pub fn is_cancelling(&self) -> bool {
        matches!(
            self,
            Run::Starting {
                cancelling: true,
                ..
            } | Run::Active {
                cancelling: true,
                ..
            }
        )
    }

    /// The operation, when under way.
    pub fn running(&self) -> Option<&Running> {
        match self {
            Run::Active { running, .. } => Some(running),
            _ => None,
        }
    }

    /// The whole change's progress, 0–100: the steps done and the share of the one under way.
    pub fn percent(&self) -> u32 {
        let Run::Active { step, progress, .. } = self else {
            return 0;
        };
        let (index, count, within) = match (progress, step) {
            (Some(progress), _) => (progress.step, progress.steps, u32::from(progress.percent)),
            (None, Some(step)) => (step.index, step.count, 0),
            (None, None) => return 0,
        };
        let count = count.max(1) as u32;
        let done = (index.max(1) as u32 - 1).min(count);
        ((done * 100 + within.min(100)) / count).min(100)
    }
}

/// What an event did to the run.
#[derive(Debug, Clone, PartialEq)]
pub enum Moved {
    /// Nothing (another operation's, or no change).
    Nothing,
    /// Progress within a step.
    Progress,
    /// A new step started (said to a screen reader).
    Step,
    /// The change ended.
    Ended(Ended),
}

impl Run {
    /// The service's operation came back for the change numbered `id`.
    pub fn started(&mut self, running: Running) -> bool {
        let Run::Starting {
            id,
            job,
            cancelling,
        } = self
        else {
            return false;
        };
        if *id != running.id {
            return false;
        }
        *self = Run::Active {
            job: job.clone(),
            running,
            step: None,
            progress: None,
            cancelling: *cancelling,
            still_running: false,
        };
        true
    }

    /// An event of the operation numbered `id`.
    pub fn event(&mut self, id: u64, event: OperationEvent) -> Moved {
        let Run::Active {
            job,
            running,
            step,
            progress,
            still_running,
            ..
        } = self
        else {
            return Moved::Nothing;
        };
        if running.id != id {
            return Moved::Nothing;
        }
        match event {
            OperationEvent::Step(next) => {
                *step = Some(next);
                *progress = None;
                Moved::Step
            }
            OperationEvent::Progress(next) => {
                *progress = Some(next);
                Moved::Progress
            }
            OperationEvent::StepDone { .. } => Moved::Nothing,
            OperationEvent::StillRunning { .. } => {
                *still_running = true;
                Moved::Nothing
            }
            OperationEvent::Finished(result) => {
                let ended = Ended {
                    job: job.clone(),
                    still_running: *still_running && result.is_ok(),
                    result,
                };
                *self = Run::Idle;
                Moved::Ended(ended)
            }
        }
    }
}
