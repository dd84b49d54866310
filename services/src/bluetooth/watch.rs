//! The live stream the page follows: snapshots on BlueZ's signals, our agent
//! and discovery while it lives, bluetoothd's comings and goings.

use std::collections::HashMap;
use std::time::Duration;

use futures::{Stream, StreamExt};
use tokio::sync::mpsc;
use tokio::time::Instant;
use zbus::names::{BusName, OwnedUniqueName};
use zbus::{Connection, MatchRule, MessageStream};

use super::agent::{AGENT_TIMEOUT, AgentChannel, AgentEvent};
use super::error::BluetoothError;
use super::session::{
    Context, Discovery, RegisteredAgent, check_bus, forget_session, read_snapshot,
    reconcile_discovery, register_agent,
};
use super::types::{AdapterId, Snapshot, Update};
use crate::bus::{METHOD_TIMEOUT, SystemBus};
use crate::error::DbusFailure;
use crate::watch::NO_ANSWER_RETRY;

/// BlueZ's bus name.
pub const BUS_NAME: &str = "org.bluez";

/// Signals closer together than this are one change (discovery announces
/// devices and signal strengths one by one).
const QUIET: Duration = Duration::from_millis(60);
/// A burst of signals is read at least this often, so a busy neighbourhood
/// still shows as it changes.
const BURST_MAX: Duration = Duration::from_millis(500);
/// The first pause before trying an unreachable bus again; doubled after
/// each failure in a row up to [`BUS_RETRY_MAX`].
const BUS_RETRY_FIRST: Duration = Duration::from_millis(500);
const BUS_RETRY_MAX: Duration = Duration::from_secs(30);

/// Follows Bluetooth for as long as the stream lives.
///
/// While it lives: our agent is the default agent (its requests arrive as
/// [`Update::Agent`]), and every powered adapter discovers with
/// `discoverable: true` (so this computer is visible exactly while the page
/// is open); dropping the stream unregisters the agent and stops discovery.
/// It yields a [`Snapshot`] at start and after each burst of BlueZ's
/// signals (no polling: between signals nothing is sent on the bus),
/// follows adapters coming and going, and follows bluetoothd itself: when it
/// goes the stream yields `Unavailable(NotRunning)`; when it returns, the
/// agent is registered and discovery started again, unaided. A bus this
/// process's Bluetooth session cannot use yields
/// `Unavailable(ForeignBus)` and ends.
///
/// Follow it from one place at a time: bluetoothd accepts one agent per
/// connection, and the process has one connection to it, so a second stream
/// running at the same time shows everything but gets no agent requests.
pub fn watch(bus: &SystemBus) -> impl Stream<Item = Update> + Send + 'static {
    let bus = bus.clone();
    async_stream::stream! {
        if let Err(error) = check_bus(&bus) {
            yield Update::Unavailable(error);
            return;
        }
        let (events, mut agent_events) = mpsc::unbounded_channel();
        let channel = AgentChannel::new(events, AGENT_TIMEOUT);
        let mut failures: u32 = 0;
        loop {
            let opened = match bus.connection().await {
                Ok(connection) => Signals::open(&connection).await.map(|signals| (connection, signals)),
                Err(failure) => Err(failure),
            };
            let (connection, mut signals) = match opened {
                Ok(opened) => opened,
                Err(failure) => {
                    failures = failures.saturating_add(1);
                    if failures == 1 {
                        tracing::warn!(%failure, "system bus unreachable; retrying with growing pauses");
                    }
                    yield Update::Unavailable(BluetoothError::BusUnreachable(failure));
                    tokio::time::sleep(retry_delay(failures)).await;
                    continue;
                }
            };
            failures = 0;
            let timeout = connection.method_timeout().unwrap_or(METHOD_TIMEOUT);
            let mut live = Live::default();
            let mut present = signals.read_owner().await;
            // The last snapshot yielded: an unchanged re-read (discovery
            // starting, a signal that changes nothing shown) is not repeated.
            let mut shown: Option<Snapshot> = None;
            'connected: loop {
                let mut retry_at = None;
                if present {
                    match live.refresh(timeout, &channel).await {
                        Ok(snapshot) if snapshot.adapters.is_empty() => {
                            shown = None;
                            yield Update::Unavailable(BluetoothError::NoAdapter);
                        }
                        Ok(snapshot) if shown.as_ref() == Some(&snapshot) => {}
                        Ok(snapshot) => {
                            shown = Some(snapshot.clone());
                            yield Update::Snapshot(snapshot);
                        }
                        Err(error) => {
                            shown = None;
                            match &error {
                                BluetoothError::NotRunning => {
                                    present = false;
                                    live.stop();
                                }
                                BluetoothError::BusUnreachable(_) => {
                                    live.stop();
                                    forget_session().await;
                                }
                                // Hung, or a failure that may pass: read again in a while.
                                _ => retry_at = Some(Instant::now() + NO_ANSWER_RETRY),
                            }
                            tracing::info!(%error, "Bluetooth unavailable");
                            yield Update::Unavailable(error);
                        }
                    }
                } else {
                    live.stop();
                    shown = None;
                    yield Update::Unavailable(BluetoothError::NotRunning);
                }
                // Agent requests pass through at once; anything else reads again.
                loop {
                    let wake = tokio::select! {
                        wake = signals.next(present) => wake,
                        event = agent_events.recv() => match event {
                            Some(event) => Wake::Agent(event),
                            // Never: the channel holds a sender.
                            None => Wake::Changed,
                        },
                        () = sleep_until(retry_at) => Wake::Changed,
                    };
                    match wake {
                        Wake::Agent(AgentEvent::Request(request)) => yield Update::Agent(request),
                        Wake::Agent(AgentEvent::Canceled(id)) => yield Update::AgentCanceled { id },
                        Wake::Changed => break,
                        Wake::OwnerGone => {
                            tracing::info!("bluetoothd left the bus");
                            present = false;
                            live.stop();
                            break;
                        }
                        Wake::OwnerNew => {
                            tracing::info!("bluetoothd is on the bus");
                            // A new daemon knows neither our agent nor our discovery.
                            live.stop();
                            present = true;
                            break;
                        }
                        Wake::Closed => {
                            live.stop();
                            bus.forget(&connection).await;
                            forget_session().await;
                            break 'connected;
                        }
                    }
                }
            }
        }
    }
}

/// How long to wait before the next try after `failures` failures in a row.
fn retry_delay(failures: u32) -> Duration {
    BUS_RETRY_FIRST
        .saturating_mul(1 << failures.saturating_sub(1).min(16))
        .min(BUS_RETRY_MAX)
}

async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => std::future::pending().await,
    }
}

/// What the stream holds while bluetoothd is there: our agent and discovery.
#[derive(Debug, Default)]
struct Live {
    agent: Option<RegisteredAgent>,
    discovery: HashMap<AdapterId, Discovery>,
}

impl Live {
    /// Registers the agent if it is not yet, reads everything, and runs
    /// discovery on the powered adapters.
    async fn refresh(
        &mut self,
        timeout: Duration,
        channel: &AgentChannel,
    ) -> Result<Snapshot, BluetoothError> {
        let context = Context::with_timeout(timeout).await?;
        if self.agent.is_none() {
            match register_agent(&context, channel).await {
                Ok(agent) => self.agent = Some(agent),
                Err(error) if error.is_absence() => return Err(error),
                // Pairing cannot ask the person, but the page still shows everything.
                Err(error) => tracing::warn!(%error, "could not register the pairing agent"),
            }
        }
        let snapshot = read_snapshot(&context).await?;
        reconcile_discovery(&context, &mut self.discovery, &snapshot).await;
        Ok(snapshot)
    }

    /// Drops the agent (unregistering it) and stops discovery.
    fn stop(&mut self) {
        self.agent = None;
        self.discovery.clear();
    }
}

enum Wake {
    /// BlueZ changed something (or it is time to read again).
    Changed,
    OwnerGone,
    OwnerNew,
    Agent(AgentEvent),
    /// The connection closed (the bus went away).
    Closed,
}

/// BlueZ's signals and its bus name's owner, on our zbus connection.
struct Signals {
    dbus: zbus::fdo::DBusProxy<'static>,
    owners: zbus::fdo::NameOwnerChangedStream,
    signals: MessageStream,
    /// bluetoothd's unique name: the connection may carry other signals
    /// (other pages' subscriptions share it), which are not BlueZ's.
    owner: Option<OwnedUniqueName>,
}

impl Signals {
    /// Subscribes before the first read, so no change slips in between.
    async fn open(connection: &Connection) -> Result<Self, DbusFailure> {
        // The bus delivers only signals from the name's current owner.
        let rule = MatchRule::builder()
            .msg_type(zbus::message::Type::Signal)
            .sender(BUS_NAME)?
            .build();
        let crate::watch::Subscriptions {
            dbus,
            owners,
            signals,
        } = crate::watch::Subscriptions::open_with(connection, BUS_NAME, rule, 1024).await?;
        Ok(Self {
            dbus,
            owners,
            signals,
            owner: None,
        })
    }

    /// Whether bluetoothd is on the bus now (and who it is).
    async fn read_owner(&mut self) -> bool {
        self.owner = match BusName::try_from(BUS_NAME) {
            Ok(name) => self.dbus.get_name_owner(name).await.ok(),
            Err(_) => None,
        };
        self.owner.is_some()
    }

    fn sent_by_owner(&self, message: &zbus::Message) -> bool {
        let header = message.header();
        match (header.sender(), &self.owner) {
            (Some(sender), Some(owner)) => sender == owner.inner(),
            _ => false,
        }
    }

    /// The next change: the owner coming or going, or a burst of BlueZ's
    /// signals (waited out: quiet for [`QUIET`], at most [`BURST_MAX`]).
    async fn next(&mut self, present: bool) -> Wake {
        loop {
            tokio::select! {
                change = self.owners.next() => {
                    let Some(change) = change else { return Wake::Closed };
                    let Ok(args) = change.args() else { continue };
                    return match args.new_owner().as_ref() {
                        Some(owner) => {
                            self.owner = Some(OwnedUniqueName::from(owner.to_owned()));
                            Wake::OwnerNew
                        }
                        None => {
                            self.owner = None;
                            Wake::OwnerGone
                        }
                    };
                }
                message = self.signals.next() => {
                    match message {
                        None => return Wake::Closed,
                        Some(Ok(message)) if present && self.sent_by_owner(&message) => {
                            return self.burst().await;
                        }
                        Some(_) => {}
                    }
                }
            }
        }
    }

    /// Waits out a burst of signals.
    async fn burst(&mut self) -> Wake {
        let end = Instant::now() + BURST_MAX;
        loop {
            let quiet = Instant::now() + QUIET;
            let deadline = quiet.min(end);
            match tokio::time::timeout_at(deadline, self.signals.next()).await {
                Ok(None) => return Wake::Closed,
                Ok(Some(_)) if Instant::now() < end => {}
                Ok(Some(_)) | Err(_) => return Wake::Changed,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_grow_to_a_ceiling() {
        let delays: Vec<u128> = (1..=8).map(|n| retry_delay(n).as_millis()).collect();
        assert_eq!(delays, [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    }

    #[tokio::test]
    async fn a_foreign_bus_is_refused_and_the_stream_ends() {
        let bus = SystemBus::with_address("unix:path=/nonexistent/ferrum-foreign-bus");
        let updates: Vec<Update> = watch(&bus).collect().await;
        assert!(
            matches!(
                updates.as_slice(),
                [Update::Unavailable(BluetoothError::ForeignBus { .. })]
            ),
            "{updates:?}"
        );
    }
}
