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

/// The first wait before trying the bus again after it could not be reached;
/// each failure in a row doubles it, up to [`BUS_RETRY_MAX`].
pub(crate) const BUS_RETRY_FIRST: Duration = Duration::from_millis(500);
/// The longest wait between two tries of an unreachable bus.
const BUS_RETRY_MAX: Duration = Duration::from_secs(30);
/// After a signal, more signals within this quiet time join the same refresh
/// (a Wi-Fi scan announces access points one by one).
pub(crate) const SIGNAL_QUIET: Duration = Duration::from_millis(60);
/// A refresh waits for quiet at most this long, so a chatty daemon is still
/// shown as it changes.
pub(crate) const SIGNAL_QUIET_MAX: Duration = Duration::from_millis(500);

/// How long to wait before the next try after `failures` failures in a row
/// (1 for the first): 0.5 s, 1 s, 2 s, … up to 30 s.
fn retry_delay(failures: u32) -> Duration {
    backoff(failures, BUS_RETRY_MAX)
}

/// [`BUS_RETRY_FIRST`] doubled for each failure in a row after the first, up to `ceiling`.
pub(crate) fn backoff(failures: u32, ceiling: Duration) -> Duration {
    let doubled = BUS_RETRY_FIRST.saturating_mul(1 << failures.saturating_sub(1).min(16));
    doubled.min(ceiling)
}

/// After the first signal of a burst: waits until `stream` has been quiet for
/// [`SIGNAL_QUIET`] (at most [`SIGNAL_QUIET_MAX`]), taking the burst's other items;
/// false when the stream ended.
pub(crate) async fn settle<S: Stream + Unpin>(stream: &mut S) -> bool {
    let deadline = tokio::time::Instant::now() + SIGNAL_QUIET_MAX;
    loop {
        while let Some(next) = stream.next().now_or_never() {
            if next.is_none() {
                return false;
            }
        }
        let more = tokio::time::timeout_at(deadline, async {
            tokio::select! {
                next = stream.next() => next.map(|_| true),
                () = tokio::time::sleep(SIGNAL_QUIET) => Some(false),
            }
        });
        match more.await {
            Ok(Some(true)) => continue,
            Ok(None) => return false,
            Ok(Some(false)) | Err(_) => return true,
        }
    }
}

/// Logs a failure to reach the bus: a warning the first time in a row, then
/// quietly (a bus that stays away must not fill the log).
fn log_unreachable(failures: u32, what: &str, failure: &DbusFailure) {
    if failures == 1 {
        tracing::warn!(%failure, "{what}; retrying with growing pauses");
    } else {
        tracing::debug!(%failure, failures, "{what}");
    }
}

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
        let mut failures: u32 = 0;
        loop {
            let connection = match bus.connection().await {
                Ok(connection) => connection,
                Err(failure) => {
                    failures = failures.saturating_add(1);
                    log_unreachable(failures, "system bus unreachable", &failure);
                    yield ServiceUpdate::BusUnreachable(failure);
                    tokio::time::sleep(retry_delay(failures)).await;
                    continue;
                }
            };
            match Subscriptions::open(&connection, watched).await {
                Ok(mut subscriptions) => {
                    failures = 0;
                    // Subscribed before the first read, so no change can slip between. A
                    // daemon that is not running but can be started by the bus (timedated,
                    // localed, hostnamed exit when idle) is read anyway: the read starts it.
                    // Once it exits again, the page keeps what it read (resting) until it
                    // comes back.
                    let mut present = subscriptions.has_owner(watched).await
                        || subscriptions.activatable(watched).await;
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
                            Wake::StreamsEnded => {
                                // The connection closed (the bus restarted): open a new one.
                                bus.forget(&connection).await;
                                break;
                            }
                        }
                    }
                }
                Err(failure) => {
                    failures = failures.saturating_add(1);
                    log_unreachable(failures, "cannot subscribe", &failure);
                    yield ServiceUpdate::BusUnreachable(failure);
                    bus.forget(&connection).await;
                    tokio::time::sleep(retry_delay(failures)).await;
                }
            }
        }
    }
}

/// After a read that did not answer in time, how long until the daemon is read again.
pub const NO_ANSWER_RETRY: Duration = Duration::from_secs(2);

/// Like [`watch`], for a daemon that announces nothing when it resumes after
/// hanging (UPower, resolved, AccountsService): after a read that `no_answer`
/// says did not answer in time, the stream starts over after
/// [`NO_ANSWER_RETRY`] (each read bounded by the connection's method
/// timeout) until the daemon answers.
pub fn watch_through_hangs<T, E, F, Fut>(
    bus: SystemBus,
    watched: Watched,
    fetch: F,
    no_answer: fn(&E) -> bool,
) -> impl Stream<Item = ServiceUpdate<T, E>> + Send
where
    T: Send + 'static,
    E: Send + 'static,
    F: Fn(Connection) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = Result<T, E>> + Send,
{
    async_stream::stream! {
        loop {
            let mut updates = Box::pin(watch(bus.clone(), watched, fetch.clone()));
            let mut hung = false;
            while let Some(update) = updates.next().await {
                hung = matches!(&update, ServiceUpdate::Failed(error) if no_answer(error));
                yield update;
                if hung {
                    break;
                }
            }
            if !hung {
                return;
            }
            drop(updates);
            tokio::time::sleep(NO_ANSWER_RETRY).await;
        }
    }
}

/// What a watch subscribes to before its first read, so no change slips in between: the
/// daemon's owner changes, and the signals its match rule selects (every watch of a daemon
/// opens these: the generic one here, BlueZ's, fwupd's).
pub(crate) struct Subscriptions {
    /// The bus itself (owner queries).
    pub(crate) dbus: zbus::fdo::DBusProxy<'static>,
    /// The daemon's name changing owner.
    pub(crate) owners: zbus::fdo::NameOwnerChangedStream,
    /// The daemon's signals.
    pub(crate) signals: MessageStream,
}

impl Subscriptions {
    /// Subscribes to `bus_name`'s owner changes and to the signals `rule` matches (at most
    /// `capacity` waiting).
    pub(crate) async fn open_with(
        connection: &Connection,
        bus_name: &'static str,
        rule: MatchRule<'_>,
        capacity: usize,
    ) -> Result<Self, DbusFailure> {
        let dbus = zbus::fdo::DBusProxy::new(connection).await?;
        let owners = dbus
            .receive_name_owner_changed_with_args(&[(0, bus_name)])
            .await?;
        let signals = MessageStream::for_match_rule(rule, connection, Some(capacity)).await?;
        Ok(Self {
            dbus,
            owners,
            signals,
        })
    }

    async fn open(connection: &Connection, watched: Watched) -> Result<Self, DbusFailure> {
        let rule = MatchRule::builder()
            .msg_type(zbus::message::Type::Signal)
            .path_namespace(watched.path_namespace)?
            .build();
        Self::open_with(connection, watched.bus_name, rule, 256).await
    }

    async fn has_owner(&self, watched: Watched) -> bool {
        match BusName::try_from(watched.bus_name) {
            Ok(name) => self.dbus.name_has_owner(name).await.unwrap_or(false),
            Err(_) => false,
        }
    }

    /// Whether the bus can start the watched daemon on a call (a D-Bus activatable name).
    async fn activatable(&self, watched: Watched) -> bool {
        match self.dbus.list_activatable_names().await {
            Ok(names) => names.iter().any(|name| name.as_str() == watched.bus_name),
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
                            // Coalesce a burst of signals into one refresh: wait for a
                            // short quiet, within a bound. A stream that ends meanwhile
                            // says so on the next wait.
                            settle(&mut self.signals).await;
                            return Wake::Signal;
                        }
                        Some(_) => {}
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_exponentially_to_a_ceiling() {
        let delays: Vec<u128> = (1..=9).map(|n| retry_delay(n).as_millis()).collect();
        assert_eq!(
            delays,
            vec![500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]
        );
        assert_eq!(retry_delay(u32::MAX), BUS_RETRY_MAX);
        assert_eq!(backoff(5, Duration::from_secs(8)), Duration::from_secs(8));
    }

    #[tokio::test(start_paused = true)]
    async fn a_burst_is_one_wake() {
        let (sender, mut receiver) = futures::channel::mpsc::unbounded::<u32>();
        for n in 0..5 {
            sender.unbounded_send(n).unwrap();
        }
        assert!(settle(&mut receiver).await);
        assert!(receiver.try_recv().is_err(), "the burst was taken");
        drop(sender);
        assert!(!settle(&mut receiver).await);
    }
}
