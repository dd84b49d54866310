//! The Printers page: every CUPS queue with its state and reasons in plain
//! words, where it is, its address, ink and toner, its jobs and its option
//! defaults; making one the default, pausing, a test page, renaming,
//! removing; and adding the driverless printers found on the network (or
//! one typed by address). Everything goes through
//! `ferrum_services::printers` (IPP to cupsd for reads and the test page,
//! cups-pk-helper for what an administrator must allow, Avahi to find
//! printers).
//!
//! Nothing shown while a command runs can outlive it: a command is kept in
//! [`State::pending`] from the moment it is asked for until its answer
//! ([`Message::Done`]) comes back; the same command is never sent twice at
//! once.

mod add;
mod describe;
pub mod sample;
mod view;

use std::hash::{Hash, Hasher};

use ferrum_i18n::fl;
use ferrum_services::SystemBus;
use ferrum_services::printers::{
    self, Action, CupsServer, JobId, NameError, PrintOption, Printer, PrinterState, PrintersError,
    QueueName, Snapshot, Update,
};
use futures::StreamExt;
use iced::{Element, Subscription};

use ferrum_ui::Effect;
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;

use crate::ids;
use crate::page::{self, Context, Outcome, Page, PageRequest};

pub use add::{Dialog as AddDialog, Found, Message as AddMessage};
pub use describe::{
    address_error_text, command_error, error_sentence, job_state_text, media_name, name_error_text,
    option_name, option_value, reason_sentence, reason_sentences, state_text,
};

/// Where the page's printing lives: the system bus (cups-pk-helper, Avahi,
/// cupsd's notifier) and cupsd. A settings app has one, so subscriptions
/// are keyed by cupsd's address alone.
#[derive(Clone, Debug)]
pub struct Printing {
    /// The system bus.
    pub bus: SystemBus,
    /// cupsd.
    pub server: CupsServer,
}

impl Hash for Printing {
    fn hash<H: Hasher>(&self, state: &mut H) {
        "printers".hash(state);
        self.server.hash(state);
    }
}

/// The key of the discovery subscription (it runs while the Add dialog is
/// open).
#[derive(Clone, Debug)]
pub struct Discovery(pub SystemBus);

impl Hash for Discovery {
    fn hash<H: Hasher>(&self, state: &mut H) {
        "printers-discovery".hash(state);
    }
}

/// A printer's rename field: the name people see (`printer-info`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    /// The queue.
    pub queue: QueueName,
    /// What is typed (kept when the name is refused).
    pub text: String,
    /// Why it was not saved.
    pub error: Option<NameError>,
}

/// A sentence about something that went well, until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A test page was sent to this printer (its name as shown).
    TestPageSent(String),
    /// A printer was added (its name as shown).
    Added(String),
}

/// The page's state.
#[derive(Debug, Clone)]
pub struct State {
    printing: Printing,
    /// What CUPS reports.
    pub cups: ServiceStatus<Snapshot, PrintersError>,
    /// The last snapshot before CUPS went away: a command that fails
    /// because it is gone still names what it was for.
    last_seen: Option<Snapshot>,
    /// Commands asked for and not answered yet.
    pub pending: Vec<Action>,
    /// The printer whose details are shown.
    pub open: Option<QueueName>,
    /// The rename field, while it is open.
    pub rename: Option<Rename>,
    /// The printer the person asked to remove, waiting for an answer.
    pub confirm_remove: Option<QueueName>,
    /// The Add dialog, while it is open.
    pub add: Option<AddDialog>,
    /// The last thing that went well.
    pub note: Option<Note>,
    /// The last failed command.
    pub error: Option<ErrorReport>,
    /// The person's user name, as CUPS records job owners.
    me: String,
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The watch stream: a snapshot, or CUPS gone.
    Watched(Update),
    /// "Make default".
    SetDefault(QueueName),
    /// "Pause" (`true`) or "Resume" (which also makes a queue that
    /// refuses jobs take them again).
    SetPaused(QueueName, bool),
    /// "Print a test page".
    TestPage(QueueName),
    /// Show or hide a printer's details.
    ToggleDetails(QueueName),
    /// An option's default was chosen.
    SetOption(QueueName, PrintOption, String),
    /// Cancel a job.
    CancelJob(JobId),
    /// Hold a job.
    HoldJob(JobId),
    /// Release a held job.
    ReleaseJob(JobId),
    /// Cancel every unfinished job of the person's on a printer.
    CancelMine(QueueName),
    /// Open the rename field (the name people see; the queue's name stays).
    RenameStarted(QueueName),
    /// The name was edited.
    RenameChanged(String),
    /// Save the name.
    RenameSaved,
    /// Close the rename field.
    RenameCanceled,
    /// Ask whether to remove a printer.
    Remove(QueueName),
    /// Yes, remove it.
    RemoveConfirmed(QueueName),
    /// No, keep it.
    RemoveCanceled,
    /// Open the Add dialog.
    AddOpened,
    /// Something in the Add dialog.
    Add(AddMessage),
    /// Commands finished, in the order they ran.
    Done(Vec<(Action, Result<(), PrintersError>)>),
    /// Close the note.
    NoteDismissed,
    /// The user acted on the error report.
    Report(error_report::Message),
}

/// Work that `update` asks the caller to run off the UI thread: commands,
/// run one after the other (a failure does not stop the rest: each
/// answer is reported).
#[derive(Debug, Clone)]
pub struct Request {
    /// Where to run them.
    pub printing: Printing,
    /// What to do.
    pub actions: Vec<Action>,
}

/// Requests are equal when they do the same (a page has one CUPS).
impl PartialEq for Request {
    fn eq(&self, other: &Self) -> bool {
        self.actions == other.actions
    }
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, _bus: SystemBus) -> Message {
        let mut answers = Vec::with_capacity(self.actions.len());
        for action in self.actions {
            let result = action.run(&self.printing.bus, &self.printing.server).await;
            answers.push((action, result));
        }
        Message::Done(answers)
    }
}

impl State {
    /// A page that has heard nothing yet, on this bus and cupsd.
    pub fn on(bus: SystemBus, server: CupsServer) -> Self {
        Self {
            printing: Printing { bus, server },
            cups: ServiceStatus::Loading,
            last_seen: None,
            pending: Vec::new(),
            open: None,
            rename: None,
            confirm_remove: None,
            add: None,
            note: None,
            error: None,
            me: printers::user_name(),
        }
    }

    /// The same page for another person (`me`: the user name CUPS records
    /// as the owner of their jobs); snapshots and demos show a fixed one.
    pub fn for_user(mut self, me: impl Into<String>) -> Self {
        self.me = me.into();
        self
    }

    /// The latest snapshot, when CUPS is there.
    pub fn snapshot(&self) -> Option<&Snapshot> {
        self.cups.ready()
    }

    /// The person's user name, as CUPS records job owners.
    pub fn me(&self) -> &str {
        &self.me
    }

    /// Whether a command is under way.
    pub fn is_pending(&self, action: &Action) -> bool {
        self.pending.contains(action)
    }

    /// Whether a printer shows as paused: stopped, or refusing new jobs
    /// ("Resume" is offered).
    pub fn shows_paused(printer: &Printer) -> bool {
        printer.state == PrinterState::Stopped || !printer.accepting_jobs
    }

    /// Whether a printer is being added.
    pub fn adding(&self) -> bool {
        self.pending
            .iter()
            .any(|action| matches!(action, Action::Add { .. }))
    }

    /// Whether any command on a queue is under way.
    pub fn busy(&self, queue: &QueueName) -> bool {
        self.pending
            .iter()
            .any(|action| queue_of(action) == Some(queue))
    }

    /// The snapshot to name things from: the current one, else the last.
    fn names(&self) -> Option<&Snapshot> {
        self.snapshot().or(self.last_seen.as_ref())
    }

    /// A queue's name as shown.
    pub fn printer_name(&self, queue: &QueueName) -> String {
        self.names()
            .and_then(|snapshot| snapshot.printer(queue))
            .map_or_else(
                || queue.as_str().to_owned(),
                |printer| printer.display_name().to_owned(),
            )
    }

    /// A job's title as shown.
    pub fn job_title(&self, id: JobId) -> String {
        self.names()
            .and_then(|snapshot| snapshot.jobs.iter().find(|job| job.id == id))
            .map(|job| job.title.clone())
            .filter(|title| !title.is_empty())
            .unwrap_or_else(|| fl!("printers-job-title-unknown"))
    }

    fn start(&mut self, actions: Vec<Action>) -> Outcome<Request> {
        let actions: Vec<Action> = actions
            .into_iter()
            .filter(|action| !self.pending.contains(action))
            .collect();
        if actions.is_empty() {
            return Outcome::none();
        }
        self.error = None;
        self.pending.extend(actions.iter().cloned());
        Outcome::request(Request {
            printing: self.printing.clone(),
            actions,
        })
    }

    fn act(&mut self, action: Action) -> Outcome<Request> {
        self.start(vec![action])
    }

    fn watched(&mut self, update: Update) {
        let next = match update {
            Update::Available(snapshot) => ServiceStatus::Ready(snapshot),
            Update::Unavailable => ServiceStatus::Unavailable,
            Update::Failed(error) => ServiceStatus::Failed(error),
        };
        if let ServiceStatus::Ready(snapshot) = std::mem::replace(&mut self.cups, next) {
            self.last_seen = Some(snapshot);
        }
        // What is open about a queue that is gone closes.
        let known = |queue: &QueueName, cups: &ServiceStatus<Snapshot, PrintersError>| {
            cups.ready()
                .is_none_or(|snapshot| snapshot.printer(queue).is_some())
        };
        if self.open.as_ref().is_some_and(|q| !known(q, &self.cups)) {
            self.open = None;
        }
        if self
            .rename
            .as_ref()
            .is_some_and(|r| !known(&r.queue, &self.cups))
        {
            self.rename = None;
        }
        if self
            .confirm_remove
            .as_ref()
            .is_some_and(|q| !known(q, &self.cups))
        {
            self.confirm_remove = None;
        }
        self.mark_added();
    }

    /// Found printers that are queues already say so.
    fn mark_added(&mut self) {
        let Some(snapshot) = self.cups.ready() else {
            return;
        };
        if let Some(AddDialog {
            found: Found::Printers(found),
            ..
        }) = &mut self.add
        {
            printers::mark_queues(found, &snapshot.printers);
        }
    }

    fn done(&mut self, answers: Vec<(Action, Result<(), PrintersError>)>) -> Outcome<Request> {
        let mut effect = None;
        for (action, result) in answers {
            if let Some(at) = self.pending.iter().position(|pending| *pending == action) {
                self.pending.remove(at);
            }
            match result {
                Ok(()) => effect = self.succeeded(&action).or(effect),
                Err(error) => {
                    tracing::warn!(?action, %error, "printer command failed");
                    let printer = |queue: &QueueName| self.printer_name(queue);
                    let job = |id: JobId| self.job_title(id);
                    // The first failure is the one reported.
                    if self.error.is_none() {
                        self.error = Some(command_error(&action, &printer, &job, &error));
                    }
                }
            }
        }
        Outcome::effect(effect)
    }

    /// What a command that went through changes on the page.
    fn succeeded(&mut self, action: &Action) -> Option<Effect> {
        match action {
            Action::PrintTestPage(queue) => {
                self.note = Some(Note::TestPageSent(self.printer_name(queue)));
                None
            }
            Action::Add { name, info, .. } => {
                let shown = if info.is_empty() {
                    name.as_str().to_owned()
                } else {
                    info.clone()
                };
                self.note = Some(Note::Added(shown));
                self.add = None;
                self.open = Some(name.clone());
                Some(Effect::Focus(ids::printer(name, "details")))
            }
            Action::SetInfo { name, .. } => {
                if self.rename.as_ref().is_some_and(|r| r.queue == *name) {
                    self.rename = None;
                }
                Some(Effect::Focus(ids::printer(name, "rename")))
            }
            Action::Rename { from, to } => {
                if self.open.as_ref() == Some(from) {
                    self.open = Some(to.clone());
                }
                None
            }
            Action::Remove(queue) => {
                if self.open.as_ref() == Some(queue) {
                    self.open = None;
                }
                Some(Effect::Focus(ids::PRINTERS_ADD_OPEN))
            }
            _ => None,
        }
    }

    fn rename_update(&mut self, message: Message) -> Outcome<Request> {
        match message {
            Message::RenameStarted(queue) => {
                self.rename = Some(Rename {
                    text: self.printer_name(&queue),
                    queue: queue.clone(),
                    error: None,
                });
                Outcome::effect(Effect::Focus(ids::printer(&queue, "name")))
            }
            Message::RenameChanged(text) => {
                if let Some(rename) = &mut self.rename {
                    rename.text = text;
                    if rename.error.is_some() {
                        rename.error = display_name(&rename.text).err();
                    }
                }
                Outcome::none()
            }
            Message::RenameSaved => {
                let Some(rename) = &mut self.rename else {
                    return Outcome::none();
                };
                match display_name(&rename.text) {
                    Ok(info) => {
                        rename.error = None;
                        let queue = rename.queue.clone();
                        if info == self.printer_name(&queue) {
                            self.rename = None;
                            return Outcome::none();
                        }
                        self.act(Action::SetInfo { name: queue, info })
                    }
                    Err(error) => {
                        let queue = rename.queue.clone();
                        rename.error = Some(error);
                        Outcome::effect(Effect::Focus(ids::printer(&queue, "name")))
                    }
                }
            }
            Message::RenameCanceled => {
                let focus = self
                    .rename
                    .take()
                    .map(|rename| Effect::Focus(ids::printer(&rename.queue, "rename")));
                Outcome::effect(focus)
            }
            _ => Outcome::none(),
        }
    }

    fn add_update(&mut self, message: AddMessage) -> Outcome<Request> {
        let Some(dialog) = &mut self.add else {
            return Outcome::none();
        };
        match dialog.update(message) {
            add::Step::Add {
                uri,
                info,
                location,
            } => {
                let taken: Vec<QueueName> = self
                    .names()
                    .map(|s| s.printers.iter().map(|p| p.name.clone()).collect())
                    .unwrap_or_default();
                let name = QueueName::derive(&info, &taken);
                self.act(Action::Add {
                    name,
                    uri,
                    info,
                    location,
                })
            }
            add::Step::Close => {
                self.add = None;
                Outcome::effect(Effect::Focus(ids::PRINTERS_ADD_OPEN))
            }
            add::Step::Focus(effect) => Outcome::effect(effect),
            add::Step::Nothing => {
                self.mark_added();
                Outcome::none()
            }
        }
    }
}

/// The longest name people see CUPS keeps (`printer-info` is IPP `text(127)`).
pub const DISPLAY_NAME_MAX: usize = 127;

/// A printer's new name as typed: trimmed, not empty, at most
/// [`DISPLAY_NAME_MAX`] bytes (spaces and any script are fine: it is the
/// name people see, not the queue's).
pub fn display_name(text: &str) -> Result<String, NameError> {
    let name = text.trim();
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if name.len() > DISPLAY_NAME_MAX {
        return Err(NameError::TooLong);
    }
    Ok(name.to_owned())
}

/// The queue a command is about, if it is about one.
fn queue_of(action: &Action) -> Option<&QueueName> {
    match action {
        Action::Add { name, .. }
        | Action::Remove(name)
        | Action::SetDefault(name)
        | Action::SetEnabled { name, .. }
        | Action::SetAcceptingJobs { name, .. }
        | Action::SetOption { name, .. }
        | Action::SetInfo { name, .. }
        | Action::PrintTestPage(name) => Some(name),
        Action::Rename { from, .. } => Some(from),
        Action::CancelJob(_) | Action::HoldJob(_) | Action::ReleaseJob(_) => None,
    }
}

impl Page for State {
    type Message = Message;
    type Request = Request;

    fn new(context: &Context) -> Self {
        Self::on(context.bus.clone(), context.printing.clone())
    }

    fn title() -> String {
        fl!("printers-title")
    }

    fn keywords() -> String {
        fl!("printers-title.keywords")
    }

    fn update(&mut self, message: Message) -> Outcome<Request> {
        match message {
            Message::Watched(update) => {
                self.watched(update);
                Outcome::none()
            }
            Message::SetDefault(queue) => {
                let current = self.snapshot().and_then(|s| s.default.as_ref());
                if current == Some(&queue) {
                    return Outcome::none();
                }
                self.act(Action::SetDefault(queue))
            }
            Message::SetPaused(queue, true) => self.act(Action::SetEnabled {
                name: queue,
                enabled: false,
            }),
            Message::SetPaused(queue, false) => {
                // Resume means "print again": a queue CUPS also stopped
                // taking jobs for (after a crash, or set elsewhere) takes
                // them again too.
                let refusing = self
                    .snapshot()
                    .and_then(|s| s.printer(&queue))
                    .is_some_and(|p| !p.accepting_jobs);
                let mut actions = vec![Action::SetEnabled {
                    name: queue.clone(),
                    enabled: true,
                }];
                if refusing {
                    actions.push(Action::SetAcceptingJobs {
                        name: queue,
                        accepting: true,
                    });
                }
                self.start(actions)
            }
            Message::TestPage(queue) => {
                self.note = None;
                self.act(Action::PrintTestPage(queue))
            }
            Message::ToggleDetails(queue) => {
                if self.open.as_ref() == Some(&queue) {
                    self.open = None;
                    self.rename = None;
                    self.confirm_remove = None;
                } else {
                    self.open = Some(queue);
                    self.rename = None;
                    self.confirm_remove = None;
                }
                Outcome::none()
            }
            Message::SetOption(queue, option, value) => {
                let current = self
                    .snapshot()
                    .and_then(|s| s.printer(&queue))
                    .and_then(|p| p.options.get(option).default.clone());
                if current.as_deref() == Some(value.as_str()) {
                    return Outcome::none();
                }
                self.act(Action::SetOption {
                    name: queue,
                    option,
                    value,
                })
            }
            Message::CancelJob(id) => self.act(Action::CancelJob(id)),
            Message::HoldJob(id) => self.act(Action::HoldJob(id)),
            Message::ReleaseJob(id) => self.act(Action::ReleaseJob(id)),
            Message::CancelMine(queue) => {
                let mine: Vec<Action> = self
                    .snapshot()
                    .map(|snapshot| {
                        snapshot
                            .jobs_of(&queue)
                            .filter(|job| job.owner == self.me && !job.state.is_finished())
                            .map(|job| Action::CancelJob(job.id))
                            .collect()
                    })
                    .unwrap_or_default();
                self.start(mine)
            }
            message @ (Message::RenameStarted(_)
            | Message::RenameChanged(_)
            | Message::RenameSaved
            | Message::RenameCanceled) => self.rename_update(message),
            Message::Remove(queue) => {
                let focus = Effect::Focus(ids::printer(&queue, "remove-cancel"));
                self.confirm_remove = Some(queue);
                Outcome::effect(focus)
            }
            Message::RemoveConfirmed(queue) => {
                if self.confirm_remove.as_ref() != Some(&queue) {
                    return Outcome::none();
                }
                self.confirm_remove = None;
                self.act(Action::Remove(queue))
            }
            Message::RemoveCanceled => {
                let focus = self
                    .confirm_remove
                    .take()
                    .map(|queue| Effect::Focus(ids::printer(&queue, "remove")));
                Outcome::effect(focus)
            }
            Message::AddOpened => {
                if self.add.is_none() {
                    self.add = Some(AddDialog::default());
                }
                Outcome::effect(Effect::Focus(ids::PRINTERS_ADD_ADDRESS))
            }
            Message::Add(message) => self.add_update(message),
            Message::Done(answers) => self.done(answers),
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
        let mut subscriptions = vec![Subscription::run_with(self.printing.clone(), watch_stream)];
        if self.add.is_some() {
            subscriptions.push(Subscription::run_with(
                Discovery(self.printing.bus.clone()),
                discovery_stream,
            ));
        }
        Subscription::batch(subscriptions)
    }
}

/// The stream behind the page's subscription (also used by tests).
pub fn watch_stream(printing: &Printing) -> impl futures::Stream<Item = Message> + use<> {
    printers::watch(printing.bus.clone(), printing.server.clone()).map(Message::Watched)
}

/// The stream behind the Add dialog's discovery (also used by tests).
pub fn discovery_stream(discovery: &Discovery) -> impl futures::Stream<Item = Message> + use<> {
    printers::discover(discovery.0.clone()).map(|update| Message::Add(AddMessage::Found(update)))
}

#[cfg(test)]
mod tests;
