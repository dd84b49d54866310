//! Following a daemon on the bus: its state, its changes, its comings and goings.
//!
//! [`watch`] turns "fetch a snapshot" into a stream that yields a fresh snapshot
//! whenever the daemon emits a signal under its object path (in practice
//! `PropertiesChanged`, `DeviceAdded`, …), yields [`ServiceUpdate::Unavailable`]
//! when the daemon's bus name loses its owner, and starts over by itself when
//! the name comes back (`NameOwnerChanged`). No polling: between events the
//! stream sleeps on the bus.

use std::future::Future;
use std::time::Duration;

use futures::{FutureExt, Stream, StreamExt};
use zbus::names::BusName;
use zbus::{Connection, MatchRule, MessageStream};

use crate::bus::SystemBus;
use crate::error::DbusFailure;

/// How long to wait before trying the bus again after it could not be reached.
const BUS_RETRY_DELAY: Duration = Duration::from_secs(2);

/// One step in the life of a watched service.
#[derive(Debug, Clone, PartialEq)]
pub enum ServiceUpdate<T, E> {
    /// The daemon is running; here is its current state.
    Available(T),
    /// Nobody owns the daemon's bus name: it is not installed, not started,
    /// crashed or restarting. The stream goes on and reports its return.
    Unavailable,
    /// The daemon is there but reading its state failed.
    Failed(E),
    /// The system bus itself cannot be reached; retried every few seconds.
    BusUnreachable(DbusFailure),
}

/// What to watch: the daemon's bus name and the object path namespace its
/// signals come from.
#[derive(Debug, Clone, Copy)]
pub struct Watched {
    /// Well-known bus name, e.g. `net.hadess.PowerProfiles`.
    pub bus_name: &'static str,
    /// Signals from objects at or below this path trigger a refresh.
    pub path_namespace: &'static str,
}

enum Wake {
    OwnerGone,
    OwnerNew,
    Signal,
    StreamsEnded,
}

/// Watches a daemon; `fetch` reads a full snapshot of its state.
pub fn watch<T, E, F, Fut>(
    bus: SystemBus,
    watched: Watched,
    fetch: F,
) -> impl Stream<Item = ServiceUpdate<T, E>> + Send
where
    T: Send + 'static,
    E: Send + 'static,
    F: Fn(Connection) -> Fut + Send + 'static,
    Fut: Future<Output = Result<T, E>> + Send,
{
    async_stream::stream! {
        loop {
            let connection = match bus.connection().await {
                Ok(connection) => connection,
                Err(failure) => {
                    tracing::warn!(bus = bus.address(), %failure, "system bus unreachable");
                    yield ServiceUpdate::BusUnreachable(failure);
                    tokio::time::sleep(BUS_RETRY_DELAY).await;
                    continue;
                }
            };
            match Subscriptions::open(&connection, watched).await {
                Ok(mut subscriptions) => {
                    // Subscribed before the first read, so no change can slip between.
                    let mut present = subscriptions.has_owner(watched).await;
                    loop {
                        if present {
                            yield match fetch(connection.clone()).await {
                                Ok(snapshot) => ServiceUpdate::Available(snapshot),
                                Err(error) => ServiceUpdate::Failed(error),
                            };
                        } else {
                            tracing::info!(service = watched.bus_name, "service unavailable");
                            yield ServiceUpdate::Unavailable;
                        }
                        match subscriptions.next_wake(present).await {
                            Wake::OwnerGone => present = false,
                            Wake::OwnerNew => present = true,
                            Wake::Signal => {}
                            Wake::StreamsEnded => break,
                        }
                    }
                }
                Err(failure) => {
                    tracing::warn!(service = watched.bus_name, %failure, "cannot subscribe");
                    yield ServiceUpdate::BusUnreachable(failure);
                    tokio::time::sleep(BUS_RETRY_DELAY).await;
                }
            }
        }
    }
}

struct Subscriptions {
    dbus: zbus::fdo::DBusProxy<'static>,
    owners: zbus::fdo::NameOwnerChangedStream,
    signals: MessageStream,
}

impl Subscriptions {
    async fn open(connection: &Connection, watched: Watched) -> Result<Self, DbusFailure> {
        let dbus = zbus::fdo::DBusProxy::new(connection).await?;
        let owners = dbus
            .receive_name_owner_changed_with_args(&[(0, watched.bus_name)])
            .await?;
        let rule = MatchRule::builder()
            .msg_type(zbus::message::Type::Signal)
            .path_namespace(watched.path_namespace)?
            .build();
        let signals = MessageStream::for_match_rule(rule, connection, Some(256)).await?;
        Ok(Self {
            dbus,
            owners,
            signals,
        })
    }

    async fn has_owner(&self, watched: Watched) -> bool {
        match BusName::try_from(watched.bus_name) {
            Ok(name) => self.dbus.name_has_owner(name).await.unwrap_or(false),
            Err(_) => false,
        }
    }

    /// Waits for the next thing that changes what the UI should show.
    async fn next_wake(&mut self, present: bool) -> Wake {
        loop {
            tokio::select! {
                change = self.owners.next() => {
                    let Some(change) = change else { return Wake::StreamsEnded };
                    let Ok(args) = change.args() else { continue };
                    return if args.new_owner().is_some() { Wake::OwnerNew } else { Wake::OwnerGone };
                }
                signal = self.signals.next() => {
                    match signal {
                        None => return Wake::StreamsEnded,
                        Some(_) if present => {
                            // Coalesce a burst of signals into one refresh.
                            while let Some(Some(_)) = self.signals.next().now_or_never() {}
                            return Wake::Signal;
                        }
                        Some(_) => {}
                    }
                }
            }
        }
    }
}
