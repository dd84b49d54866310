//! The Bluetooth page: the adapter (radio on or off, the name this computer is
//! visible as, which adapter when there are several), the devices paired with
//! it and those nearby, pairing through BlueZ's questions to our agent, and the
//! commands on a device (connect, disconnect, forget, block, rename, details).
//! Everything goes through `ferrum_services::bluetooth`; BlueZ checks polkit.
//!
//! This module is the page's state and dispatch; each feature is a sub-module
//! with its own state, message, `update` and view: [`adapter`] (power, name,
//! choice of adapter), [`devices`] (the two lists and a device's details,
//! rename and forget confirmation) and [`pairing`] (the agent's dialog).
//!
//! Nothing shown while a command runs can outlive it: a command is kept in
//! [`State::pending`] from the moment it is asked for until its answer
//! ([`Message::Done`]) comes back, and the "Connecting…" of a row is read from
//! there, never from a flag of its own.

pub mod adapter;
mod describe;
pub mod devices;
pub mod pairing;
mod view;

use ferrum_i18n::fl;
use ferrum_services::SystemBus;
use ferrum_services::bluetooth::{
    self, Action, AdapterId, AgentAnswer, AgentReply, BluetoothError, Device, DeviceAddress,
    Snapshot, Update,
};
use futures::StreamExt;
use iced::{Element, Subscription};

use ferrum_ui::Effect;
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;

use crate::ids;
use crate::page::{self, Context, Outcome, Page, PageRequest};

pub use adapter::{MAX_NAME_BYTES, NameError, check_name};
pub use describe::{Signal, action_error, kind_text, service_text, signal_text};

/// The page's state.
#[derive(Debug, Clone)]
pub struct State {
    bus: SystemBus,
    /// What BlueZ reports (`Failed` holds why Bluetooth cannot be shown:
    /// no adapter, no answer; `Unavailable` is bluetoothd not running).
    pub bluetooth: ServiceStatus<Snapshot, BluetoothError>,
    /// The adapter shown (the first one unless the person chose another).
    pub adapter: Option<AdapterId>,
    /// The "Visible as" field.
    pub alias: adapter::Alias,
    /// Commands asked for and not answered yet.
    pub pending: Vec<Action>,
    /// Which device's details, rename field or forget question is open.
    pub devices: devices::State,
    /// BlueZ's question during a pairing, when one is open.
    pub pairing: Option<pairing::State>,
    /// The device whose pairing question the person declined: the pairing's
    /// failure that follows is no news to them.
    pub declined: Option<DeviceAddress>,
    /// A sentence about something that ended without an error (a pairing
    /// question BlueZ withdrew).
    pub note: Option<Note>,
    /// The last failed command.
    pub error: Option<ErrorReport>,
}

/// Something the page tells the person that is not an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// BlueZ withdrew a question (the device canceled, or nobody answered in time).
    RequestEnded {
        /// The device's name as shown.
        device: String,
    },
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The watch stream: a snapshot, Bluetooth gone, or the agent's questions.
    Watched(Update),
    /// Another adapter was chosen.
    AdapterChosen(AdapterId),
    /// The power switch.
    PowerToggled(bool),
    /// In the "Visible as" field.
    Alias(adapter::Message),
    /// On a device's row or details.
    Device(devices::Message),
    /// In the pairing dialog.
    Pairing(pairing::Message),
    /// A command finished.
    Done(Action, Result<(), BluetoothError>),
    /// An answer was handed to the agent (`false`: BlueZ had stopped waiting).
    Answered(bool),
    /// The "Sound settings" link of an audio device: the page does nothing
    /// with it; the shell opens the Sound page.
    OpenSoundSettings(DeviceAddress),
    /// The note was dismissed.
    NoteDismissed,
    /// The user acted on the error report.
    Report(error_report::Message),
}

/// Work for BlueZ that `update` asks the caller to run.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// A command on an adapter or a device.
    Act(Action),
    /// The person's answer to the agent's question.
    Answer(AgentReply, AgentAnswer),
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, bus: SystemBus) -> Message {
        match self {
            Request::Act(action) => {
                let result = action.clone().run(&bus).await;
                Message::Done(action, result)
            }
            Request::Answer(reply, answer) => {
                let delivered = reply.answer(answer);
                if !delivered {
                    tracing::info!(?reply, "BlueZ stopped waiting for the answer");
                }
                Message::Answered(delivered)
            }
        }
    }
}

impl State {
    /// A page that has heard nothing yet, on `bus`.
    pub fn on(bus: SystemBus) -> Self {
        Self {
            bus,
            bluetooth: ServiceStatus::Loading,
            adapter: None,
            alias: adapter::Alias::default(),
            pending: Vec::new(),
            devices: devices::State::default(),
            pairing: None,
            declined: None,
            note: None,
            error: None,
        }
    }

    /// The latest snapshot, when Bluetooth is there.
    pub fn snapshot(&self) -> Option<&Snapshot> {
        self.bluetooth.ready()
    }

    /// The adapter shown.
    pub fn current_adapter(&self) -> Option<&bluetooth::Adapter> {
        let snapshot = self.snapshot()?;
        self.adapter
            .as_ref()
            .and_then(|id| snapshot.adapter(id))
            .or_else(|| snapshot.adapters.first())
    }

    /// A device of the adapter shown.
    pub fn device(&self, address: &DeviceAddress) -> Option<&Device> {
        let adapter = self.current_adapter()?;
        self.snapshot()?.device(&adapter.id, address)
    }

    /// The name to show for a device of the adapter shown (its address when
    /// it is not known).
    pub fn device_name(&self, address: &DeviceAddress) -> String {
        self.device(address)
            .map_or_else(|| address.to_string(), Device::display_name)
    }

    /// The command under way for a device, if any.
    pub fn pending_for(&self, address: &DeviceAddress) -> Option<&Action> {
        self.pending
            .iter()
            .find(|action| action.device() == Some(address))
    }

    /// Starts a command: keeps it as pending and asks for it. A command on a
    /// device that already has one under way is not sent again.
    fn start(&mut self, action: Action) -> Outcome<Request> {
        if let Some(device) = action.device()
            && self.pending_for(device).is_some()
        {
            return Outcome::none();
        }
        if self.pending.contains(&action) {
            return Outcome::none();
        }
        self.error = None;
        self.note = None;
        self.pending.push(action.clone());
        Outcome::request(Request::Act(action))
    }

    fn watched(&mut self, update: Update) -> Outcome<Request> {
        match update {
            Update::Snapshot(snapshot) => {
                // A chosen adapter that went away: show the first one.
                if self
                    .adapter
                    .as_ref()
                    .is_some_and(|id| snapshot.adapter(id).is_none())
                {
                    self.adapter = None;
                    self.alias = adapter::Alias::default();
                }
                self.bluetooth = ServiceStatus::Ready(snapshot);
                if let Some(current) = self.current_adapter().cloned() {
                    self.alias.follow(&current);
                }
                devices::forget_gone(&mut self.devices, self.bluetooth.ready());
                Outcome::none()
            }
            Update::Unavailable(error) => {
                self.bluetooth = match error {
                    BluetoothError::NotRunning => ServiceStatus::Unavailable,
                    BluetoothError::BusUnreachable(failure) => {
                        ServiceStatus::BusUnreachable(failure)
                    }
                    error => ServiceStatus::Failed(error),
                };
                // BlueZ's questions die with it; the commands under way still
                // answer (with an error) and clear themselves.
                self.pairing = None;
                self.devices = devices::State::default();
                Outcome::none()
            }
            Update::Agent(request) => {
                // The device as its own adapter knows it (the one pairing may not be shown).
                let name = self
                    .snapshot()
                    .and_then(|snapshot| snapshot.device(&request.adapter, &request.device))
                    .map_or_else(|| request.device.to_string(), Device::display_name);
                self.note = None;
                pairing::open(&mut self.pairing, request, name)
            }
            Update::AgentCanceled { id } => {
                if let Some(ended) = pairing::close(&mut self.pairing, id) {
                    self.note = Some(Note::RequestEnded { device: ended });
                }
                Outcome::none()
            }
        }
    }

    fn done(&mut self, action: Action, result: Result<(), BluetoothError>) -> Outcome<Request> {
        if let Some(at) = self.pending.iter().position(|pending| *pending == action) {
            self.pending.remove(at);
        }
        match &action {
            Action::SetAlias { .. } => self.alias.saved(result.is_ok()),
            Action::Rename { device, .. } if result.is_ok() => {
                devices::renamed(&mut self.devices, device);
            }
            Action::Pair { device, .. } => {
                // Whatever BlueZ still showed for this pairing is over.
                pairing::close_for(&mut self.pairing, device);
            }
            _ => {}
        }
        let declined = match &action {
            Action::Pair { device, .. } => self.declined.take().filter(|d| d == device),
            _ => None,
        };
        let focus = match (&action, &result) {
            (Action::Forget { device, .. }, Ok(())) => Some(self.focus_after_forget(device)),
            _ => None,
        };
        if let Err(error) = result {
            let quiet = declined.is_some()
                && matches!(
                    error,
                    BluetoothError::AuthenticationCanceled
                        | BluetoothError::AuthenticationRejected { .. }
                );
            if quiet {
                tracing::info!(?action, "pairing declined by the person");
            } else {
                tracing::warn!(?action, %error, "Bluetooth command failed");
                let name = action.device().map(|device| self.device_name(device));
                self.error = Some(action_error(&action, name.as_deref(), &error));
            }
        }
        focus.map_or_else(Outcome::none, Outcome::effect)
    }

    /// Where the focus goes once a device is forgotten (its row is gone): the
    /// next device of the adapter shown (paired first, then nearby), else the
    /// Bluetooth switch.
    fn focus_after_forget(&self, forgotten: &DeviceAddress) -> Effect {
        let next = self.current_adapter().and_then(|adapter| {
            let snapshot = self.snapshot()?;
            snapshot
                .paired()
                .into_iter()
                .chain(snapshot.nearby())
                .find(|d| d.adapter == adapter.id && d.address != *forgotten)
                .map(|d| d.address)
        });
        Effect::Focus(next.map_or(ids::BLUETOOTH_POWER, |device| {
            ids::bluetooth_device(&device, "details")
        }))
    }

    fn apply(&mut self, message: Message) -> Outcome<Request> {
        match message {
            Message::Watched(update) => self.watched(update),
            Message::AdapterChosen(id) => {
                if self.snapshot().and_then(|s| s.adapter(&id)).is_some() {
                    self.adapter = Some(id);
                    self.alias = adapter::Alias::default();
                    if let Some(current) = self.current_adapter().cloned() {
                        self.alias.follow(&current);
                    }
                    self.devices = devices::State::default();
                }
                Outcome::none()
            }
            Message::PowerToggled(on) => {
                let Some(current) = self.current_adapter() else {
                    return Outcome::none();
                };
                let adapter = current.id.clone();
                if current.powered == on
                    || self.pending.iter().any(
                        |a| matches!(a, Action::SetPowered { adapter: id, .. } if *id == adapter),
                    )
                {
                    return Outcome::none();
                }
                self.start(Action::SetPowered { adapter, on })
            }
            Message::Alias(message) => {
                let Some(current) = self.current_adapter().map(|a| a.id.clone()) else {
                    return Outcome::none();
                };
                match adapter::update(&mut self.alias, message) {
                    Some(alias) => self.start(Action::SetAlias {
                        adapter: current,
                        alias,
                    }),
                    None => Outcome::none(),
                }
            }
            Message::Device(message) => {
                let Some(current) = self.current_adapter().map(|a| a.id.clone()) else {
                    return Outcome::none();
                };
                let mut devices = std::mem::take(&mut self.devices);
                let names = |device: &DeviceAddress| self.device_name(device);
                let step = devices::update(&mut devices, &current, names, message);
                self.devices = devices;
                match step {
                    devices::Step::Act(action) => self.start(action),
                    devices::Step::Focus(effect) => Outcome::effect(effect),
                    devices::Step::Nothing => Outcome::none(),
                }
            }
            Message::Pairing(message) => {
                let declining = pairing::declines(self.pairing.as_ref(), &message);
                let outcome = pairing::update(&mut self.pairing, message);
                if let Some(device) = declining {
                    self.declined = Some(device);
                }
                outcome
            }
            Message::Done(action, result) => self.done(action, result),
            Message::Answered(_) => Outcome::none(),
            Message::OpenSoundSettings(_) => Outcome::none(),
            Message::NoteDismissed => {
                self.note = None;
                Outcome::none()
            }
            Message::Report(message) => page::report(&mut self.error, message),
        }
    }
}

impl Page for State {
    type Message = Message;
    type Request = Request;

    fn new(context: &Context) -> Self {
        Self::on(context.bus.clone())
    }

    fn title() -> String {
        fl!("bluetooth-title")
    }

    fn keywords() -> String {
        fl!("bluetooth-title.keywords")
    }

    fn update(&mut self, message: Message) -> Outcome<Request> {
        self.apply(message)
    }

    fn view(&self) -> Element<'_, Message> {
        view::page(self)
    }

    /// BlueZ's live picture and our agent; only while the page is shown (the
    /// service makes the adapter discoverable and looks for devices only then).
    fn subscription(&self) -> Subscription<Message> {
        Subscription::run_with(self.bus.clone(), watch_stream)
    }
}

/// The stream behind the subscription (also used by tests).
pub fn watch_stream(bus: &SystemBus) -> impl futures::Stream<Item = Message> + use<> {
    // `watch` returns a `'static` stream whose type still names the borrow
    // (edition 2024 captures every lifetime); boxing it drops that name.
    let updates: futures::stream::BoxStream<'static, Update> = Box::pin(bluetooth::watch(bus));
    updates.map(Message::Watched)
}

#[cfg(test)]
mod tests;
