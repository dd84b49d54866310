//! The Firmware page: the devices fwupd knows (name, maker, version, how their last
//! update went, whether they update while in use or at a restart), the updates it offers
//! with their release notes, size and urgency, and installing one with its progress in
//! words; fwupd's device requests as a dialog; "Restart to finish" through logind; and
//! checking for updates, by hand or by itself when the page is shown and the metadata is
//! older than a day — never on a metered connection.
//!
//! Everything goes through `ferrum_services::firmware`. **Update** is two requests: the
//! download (into a sealed memfd), then the check against the metadata's checksum and
//! fwupd's `Install` ([`Request::Install`]); the steps between are fwupd's `Status` and
//! `Percentage` from the watch, folded into [`progress::Run`].

mod describe;
pub mod progress;
pub mod prompt;
pub mod sample;
mod view;

use std::time::{SystemTime, UNIX_EPOCH};

use ferrum_i18n::fl;
use ferrum_services::SystemBus;
use ferrum_services::firmware::{
    self, Cabinet, Device, DeviceRequest, FirmwareError, Installed, NetworkConditions, Progress,
    Release, Remote, RemoteKind, RequestKind, Snapshot, Update,
};
use ferrum_services::logind::{self, LogindError, PowerAction};
use futures::StreamExt;
use iced::{Element, Subscription};

use ferrum_ui::Effect;
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;

use crate::ids;
use crate::page::{self, Context, Outcome, Page, PageRequest, subscription_key};

pub use describe::{
    device_name, error_sentence, failure_text, last_checked_text, live_update_text, progress_name,
    refresh_text, run_text, size_text, step_text, update_state_text, urgency_text,
};
pub use progress::{Ending, Failure, Run, Step, Target};

/// A day in seconds: metadata older than this is refreshed when the page is shown.
pub const DAY: u64 = 24 * 60 * 60;

/// What the page knows about checking for updates.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Refresh {
    /// Not known yet.
    #[default]
    Unknown,
    /// Checking now.
    Checking,
    /// Checked (`last`: when the metadata was last refreshed, if ever; seconds since the
    /// epoch, as `now`).
    Fresh {
        /// When the metadata was last refreshed.
        last: Option<u64>,
        /// The time it was read.
        now: u64,
    },
    /// Old, but not checked by itself on a metered connection.
    Metered {
        /// When the metadata was last refreshed.
        last: Option<u64>,
        /// The time it was read.
        now: u64,
    },
    /// This computer is offline (or the source cannot be reached).
    Offline,
    /// No source of updates is enabled.
    NoRemote,
    /// Checking failed.
    Failed(FirmwareError),
}

/// What the page reads to decide on an automatic refresh (and what a refresh leaves).
#[derive(Debug, Clone, PartialEq)]
pub struct Freshness {
    /// fwupd's metadata sources.
    pub remotes: Vec<Remote>,
    /// The network, from NetworkManager.
    pub network: NetworkConditions,
    /// The time it was read, in seconds since the epoch.
    pub now: u64,
}

impl Freshness {
    /// When the enabled sources were last refreshed (the oldest of them), if ever.
    pub fn last_refreshed(&self) -> Option<u64> {
        let enabled = self.remotes.iter().filter(|remote| remote.enabled);
        let mut oldest = None;
        for remote in enabled {
            let at = remote.modified?;
            oldest = Some(oldest.map_or(at, |o: u64| o.min(at)));
        }
        oldest
    }
}

/// The automatic-refresh rule's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutoRefresh {
    /// Refresh now.
    Refresh,
    /// Every source was refreshed within a day.
    Fresh,
    /// Old metadata, but the connection is metered: not by itself.
    Metered,
    /// Old metadata, but NetworkManager says this computer is offline.
    Offline,
    /// No enabled source.
    NoRemote,
}

/// Whether showing the page refreshes the metadata: only when an enabled source's
/// metadata is older than a [`DAY`] (or was never fetched), never on a metered
/// connection, and not while NetworkManager says this computer is offline.
pub fn auto_refresh(remotes: &[Remote], network: NetworkConditions, now: u64) -> AutoRefresh {
    let enabled: Vec<&Remote> = remotes.iter().filter(|remote| remote.enabled).collect();
    if enabled.is_empty() {
        return AutoRefresh::NoRemote;
    }
    let stale = enabled.iter().any(|remote| {
        remote
            .modified
            .is_none_or(|at| now.saturating_sub(at) >= DAY)
    });
    if !stale {
        AutoRefresh::Fresh
    } else if network.metered.is_metered() {
        AutoRefresh::Metered
    } else if network.online == Some(false) {
        AutoRefresh::Offline
    } else {
        AutoRefresh::Refresh
    }
}

/// Whether a device means something to a person: it has a name, and it can be updated
/// or at least says which firmware it runs (nameless helpers and internal entries with
/// nothing to show are left out).
pub fn is_shown(device: &Device) -> bool {
    !device.name.trim().is_empty()
        && (device.flags.updatable() || device.flags.updatable_hidden() || device.version.is_some())
}

/// The devices the page lists: those [`is_shown`], the ones with an update first (in
/// fwupd's order otherwise).
pub fn shown_devices(snapshot: &Snapshot) -> Vec<&Device> {
    let mut devices: Vec<&Device> = snapshot.devices.iter().filter(|d| is_shown(d)).collect();
    devices.sort_by_key(|device| snapshot.upgrades_for(&device.id).is_empty());
    devices
}

/// The page's state.
#[derive(Debug, Clone)]
pub struct State {
    bus: SystemBus,
    /// What fwupd reports.
    pub fwupd: ServiceStatus<Snapshot, FirmwareError>,
    /// The update under way, or how the last one ended.
    pub run: Run,
    /// fwupd's own progress as last heard (busy with another program's update, when the
    /// page runs none).
    pub daemon: Progress,
    /// A device request waiting for the person.
    pub prompt: Option<prompt::Dialog>,
    /// Checking for updates.
    pub refresh: Refresh,
    /// Asking logind to restart.
    pub restarting: bool,
    /// The last failed restart.
    pub error: Option<ErrorReport>,
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The watch: a snapshot, progress, a device request, or fwupd gone.
    Watched(Update),
    /// "Check for updates".
    CheckForUpdates,
    /// What decides on an automatic refresh, read when the page is shown.
    Freshness(Result<Freshness, FirmwareError>),
    /// A refresh ended.
    Refreshed(Result<Freshness, FirmwareError>),
    /// "Update" on a device (its first offered release).
    Update(String),
    /// The cabinet was downloaded (or not).
    Downloaded(Result<Cabinet, FirmwareError>),
    /// fwupd's `Install` answered (or the check refused the file first).
    Installed(Result<Installed, FirmwareError>),
    /// Something in the device-request dialog.
    Prompt(prompt::Message),
    /// Close how the last update ended.
    RunDismissed,
    /// "Restart to finish".
    Restart,
    /// logind answered.
    Restarted(Result<(), LogindError>),
    /// The user acted on the error report.
    Report(error_report::Message),
}

/// Work for fwupd (and logind, NetworkManager) that `update` asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Read the sources and the network, for the automatic-refresh rule.
    Freshness,
    /// Refresh every enabled source's metadata.
    Refresh,
    /// Download a release's cabinet.
    Download(Release),
    /// Check the cabinet against the release and install it.
    Install {
        /// fwupd's device id.
        device_id: String,
        /// The release.
        release: Release,
        /// The downloaded file.
        cabinet: Cabinet,
    },
    /// Ask logind to restart the computer.
    Restart,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

async fn freshness(bus: &SystemBus) -> Result<Freshness, FirmwareError> {
    let connection = bus.connection().await.map_err(FirmwareError::from)?;
    let remotes = firmware::remotes(&connection).await?;
    let network = firmware::network_conditions(bus).await;
    Ok(Freshness {
        remotes,
        network,
        now: now(),
    })
}

/// Refreshes every enabled source; the first failure is the answer.
async fn refresh(bus: &SystemBus) -> Result<Freshness, FirmwareError> {
    let before = freshness(bus).await?;
    for remote in before.remotes.iter().filter(|remote| remote.enabled) {
        firmware::refresh_metadata(bus, &remote.id).await?;
    }
    let mut after = freshness(bus).await?;
    // fwupd reads local and directory sources itself, as it goes: they are as fresh as now.
    for remote in &mut after.remotes {
        if remote.enabled && remote.kind != RemoteKind::Download {
            remote.modified = Some(after.now);
        }
    }
    Ok(after)
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, bus: SystemBus) -> Message {
        match self {
            Request::Freshness => Message::Freshness(freshness(&bus).await),
            Request::Refresh => Message::Refreshed(refresh(&bus).await),
            Request::Download(release) => Message::Downloaded(firmware::download(&release).await),
            Request::Install {
                device_id,
                release,
                cabinet,
            } => Message::Installed(
                firmware::install_cabinet(&bus, &device_id, &release, &cabinet).await,
            ),
            Request::Restart => {
                Message::Restarted(logind::perform(&bus, PowerAction::Reboot).await)
            }
        }
    }
}

impl State {
    /// A page that has heard nothing yet, on this bus.
    pub fn on(bus: SystemBus) -> Self {
        Self {
            bus,
            fwupd: ServiceStatus::Loading,
            run: Run::Idle,
            daemon: Progress::default(),
            prompt: None,
            refresh: Refresh::Unknown,
            restarting: false,
            error: None,
        }
    }

    /// The latest snapshot, when fwupd is there.
    pub fn snapshot(&self) -> Option<&Snapshot> {
        self.fwupd.ready()
    }

    /// Whether fwupd is busy with an update this page did not start (another program's).
    pub fn busy_elsewhere(&self) -> bool {
        !self.run.is_active() && self.daemon.status.is_busy()
    }

    /// Whether a device request still asks for something: one for after an update always
    /// does; one during an update only while an update runs — not once the page's update of
    /// that device has ended (fwupd's signal and `Install`'s answer come on different
    /// connections, so the request may arrive after the answer), nor while fwupd is idle.
    fn request_is_current(&self, request: &DeviceRequest) -> bool {
        if request.kind == RequestKind::Post {
            return true;
        }
        match &self.run {
            Run::Active { .. } => true,
            Run::Finished { target, .. } | Run::Failed { target, .. }
                if request
                    .device_id
                    .as_deref()
                    .is_none_or(|id| id == target.device_id) =>
            {
                false
            }
            _ => self.daemon.status.is_busy(),
        }
    }

    /// A device's name as shown, by its id.
    pub fn device_name(&self, device_id: &str) -> String {
        self.snapshot()
            .and_then(|snapshot| snapshot.devices.iter().find(|d| d.id == device_id))
            .map_or_else(|| fl!("firmware-device-unknown"), device_name)
    }

    /// Applies the watch's news; a device request takes the keyboard to its **Done**.
    fn watched(&mut self, update: Update) -> Outcome<Request> {
        match update {
            Update::Available(snapshot) => {
                self.daemon = snapshot.progress;
                self.fwupd = ServiceStatus::Ready(snapshot);
            }
            Update::Unavailable => {
                self.daemon = Progress::default();
                self.fwupd = ServiceStatus::Unavailable;
                self.run.service_gone();
                self.prompt = None;
            }
            Update::Failed(error) => self.fwupd = ServiceStatus::Failed(error),
            Update::BusUnreachable(failure) => self.fwupd = ServiceStatus::BusUnreachable(failure),
            Update::Progress(progress) => {
                self.daemon = progress;
                self.run.progress(progress);
            }
            Update::Request(request) => {
                if !self.request_is_current(&request) {
                    tracing::info!(id = %request.id, "a request for an update that has ended");
                    return Outcome::none();
                }
                let device = request
                    .device_id
                    .as_deref()
                    .map(|id| self.device_name(id))
                    .or_else(|| self.run.target().map(|t| t.device_name.clone()))
                    .unwrap_or_else(|| fl!("firmware-device-unknown"));
                self.prompt = Some(prompt::Dialog::new(request, device));
                return Outcome::effect(Effect::Focus(ids::FIRMWARE_PROMPT.child("done")));
            }
        }
        Outcome::none()
    }

    fn start_refresh(&mut self) -> Outcome<Request> {
        if self.refresh == Refresh::Checking {
            return Outcome::none();
        }
        self.refresh = Refresh::Checking;
        Outcome::request(Request::Refresh)
    }

    fn start_update(&mut self, device_id: String) -> Outcome<Request> {
        if self.run.is_active() {
            return Outcome::none();
        }
        let Some(snapshot) = self.snapshot() else {
            return Outcome::none();
        };
        let Some(release) = snapshot.upgrades_for(&device_id).first().cloned() else {
            return Outcome::none();
        };
        let device_name = self.device_name(&device_id);
        self.prompt = None;
        self.run = Run::start(Target {
            device_id,
            device_name,
            release: release.clone(),
        });
        Outcome::request(Request::Download(release))
    }
}

impl Page for State {
    type Message = Message;
    type Request = Request;

    fn new(context: &Context) -> Self {
        State::on(context.bus.clone())
    }

    fn title() -> String {
        fl!("firmware-title")
    }

    fn keywords() -> String {
        fl!("firmware-title.keywords")
    }

    /// Showing the page reads whether the metadata is old enough to refresh.
    fn enter(&mut self) -> Outcome<Request> {
        if self.refresh == Refresh::Checking {
            return Outcome::none();
        }
        Outcome::request(Request::Freshness)
    }

    fn update(&mut self, message: Message) -> Outcome<Request> {
        match message {
            Message::Watched(update) => self.watched(update),
            Message::CheckForUpdates => self.start_refresh(),
            Message::Freshness(Ok(freshness)) => {
                let last = freshness.last_refreshed();
                let now = freshness.now;
                match auto_refresh(&freshness.remotes, freshness.network, now) {
                    AutoRefresh::Refresh => return self.start_refresh(),
                    AutoRefresh::Fresh => self.refresh = Refresh::Fresh { last, now },
                    AutoRefresh::Metered => self.refresh = Refresh::Metered { last, now },
                    AutoRefresh::Offline => self.refresh = Refresh::Offline,
                    AutoRefresh::NoRemote => self.refresh = Refresh::NoRemote,
                }
                Outcome::none()
            }
            // fwupd's absence is the watch's to show.
            Message::Freshness(Err(FirmwareError::NotRunning(_))) => Outcome::none(),
            Message::Freshness(Err(error)) => {
                self.refresh = Refresh::Failed(error);
                Outcome::none()
            }
            Message::Refreshed(result) => {
                self.refresh = match result {
                    Ok(freshness) => Refresh::Fresh {
                        last: freshness.last_refreshed(),
                        now: freshness.now,
                    },
                    Err(FirmwareError::Offline { .. }) => Refresh::Offline,
                    Err(error) => Refresh::Failed(error),
                };
                Outcome::none()
            }
            Message::Update(device_id) => self.start_update(device_id),
            Message::Downloaded(result) => {
                let request = match (&self.run, &result) {
                    (
                        Run::Active {
                            target,
                            step: Step::Downloading,
                            ..
                        },
                        Ok(cabinet),
                    ) => Some(Request::Install {
                        device_id: target.device_id.clone(),
                        release: target.release.clone(),
                        cabinet: cabinet.clone(),
                    }),
                    _ => None,
                };
                self.run.downloaded(result.map(drop));
                Outcome::maybe(request)
            }
            Message::Installed(result) => {
                let was_active = self.run.is_active();
                self.run.answered(result);
                if self
                    .prompt
                    .as_ref()
                    .is_some_and(prompt::Dialog::is_immediate)
                {
                    self.prompt = None;
                }
                // The keyboard lands on what can be done next: restart, or close.
                let focus = match &self.run {
                    Run::Finished {
                        ending: Ending::RestartNeeded,
                        ..
                    } => ids::FIRMWARE_RUN.child("restart"),
                    _ => ids::FIRMWARE_RUN.child("close"),
                };
                if was_active {
                    Outcome::effect(Effect::Focus(focus))
                } else {
                    Outcome::none()
                }
            }
            Message::Prompt(prompt::Message::Done) => {
                if self.prompt.take().is_none() {
                    return Outcome::none();
                }
                // Back to the page's first control (the update's bar takes no focus).
                Outcome::effect(Effect::Focus(ids::FIRMWARE_CHECK))
            }
            Message::RunDismissed => {
                if self.run.is_active() {
                    return Outcome::none();
                }
                // Back to the device's Update when it is still offered, else to Check.
                let focus = self
                    .run
                    .target()
                    .map(|target| target.device_id.as_str())
                    .filter(|id| {
                        self.snapshot()
                            .is_some_and(|snapshot| !snapshot.upgrades_for(id).is_empty())
                    })
                    .map_or(ids::FIRMWARE_CHECK, |id| ids::firmware_device(id, "update"));
                self.run = Run::Idle;
                Outcome::effect(Effect::Focus(focus))
            }
            Message::Restart => {
                if self.restarting {
                    return Outcome::none();
                }
                self.restarting = true;
                self.error = None;
                Outcome::request(Request::Restart)
            }
            Message::Restarted(result) => {
                self.restarting = false;
                if let Err(error) = result {
                    tracing::warn!(%error, "restart refused");
                    self.error = Some(ErrorReport::new(
                        fl!("firmware-restart-failed"),
                        error.detail(),
                    ));
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
        Subscription::run_with(Watch(self.bus.clone()), watch_stream)
    }
}

subscription_key! {
    /// The key of the page's subscription: the bus it watches fwupd on.
    Watch(bus: SystemBus) = "firmware"
}

/// The stream behind the page's subscription (also used by tests).
pub fn watch_stream(watch: &Watch) -> impl futures::Stream<Item = Message> + use<> {
    firmware::watch(watch.0.clone()).map(Message::Watched)
}

#[cfg(test)]
mod tests;
