//! Following CUPS without polling: a subscription whose events cupsd's D-Bus notifier
//! announces (`org.cups.cupsd.Notifier`), and an idle TCP connection whose closing says
//! cupsd went away.

use std::time::Duration;

use futures::{Stream, StreamExt};
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;
use zbus::{MatchRule, MessageStream};

use crate::bus::SystemBus;
use crate::error::DbusFailure;
use crate::watch::{backoff, settle};

use super::cups::{self, CupsServer};
use super::error::PrintersError;
use super::supplies::SupplyCache;
use super::types::Update;

/// The interface of cupsd's D-Bus notifier signals.
pub const NOTIFIER_INTERFACE: &str = "org.cups.cupsd.Notifier";
/// The path of cupsd's D-Bus notifier signals.
pub const NOTIFIER_PATH: &str = "/org/cups/cupsd/Notifier";

/// How long the subscription lasts; it is renewed after two thirds of it.
pub const SUBSCRIPTION_LEASE: Duration = Duration::from_secs(300);

/// The longest pause between two tries while cupsd is away (the first is
/// [`crate::watch::BUS_RETRY_FIRST`], doubling).
const RETRY_MAX: Duration = Duration::from_secs(8);
/// How long connecting to cupsd's port may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

fn retry_delay(failures: u32) -> Duration {
    backoff(failures, RETRY_MAX)
}

/// Cancels the subscription when the watch ends (best effort, in the background).
struct Subscription {
    server: CupsServer,
    id: i32,
    /// False once cupsd went away: the cancel waits for its return ([`Subscription::leave`]).
    cancel_on_drop: bool,
}

impl Subscription {
    /// cupsd went away: it keeps the subscription (in `subscriptions.conf`) until its lease
    /// ends, so give back its id to cancel once cupsd is back.
    fn leave(mut self) -> i32 {
        self.cancel_on_drop = false;
        self.id
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if !self.cancel_on_drop {
            return;
        }
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let server = self.server.clone();
            let id = self.id;
            runtime.spawn(async move {
                if let Err(error) = cups::unsubscribe(&server, id).await {
                    tracing::debug!(%error, id, "could not cancel the CUPS subscription");
                }
            });
        }
    }
}

async fn notifier_signals(bus: &SystemBus) -> Result<MessageStream, DbusFailure> {
    let connection = bus.connection().await?;
    let rule = MatchRule::builder()
        .msg_type(zbus::message::Type::Signal)
        .interface(NOTIFIER_INTERFACE)?
        .path(NOTIFIER_PATH)?
        .build();
    Ok(MessageStream::for_match_rule(rule, &connection, Some(256)).await?)
}

async fn connect(server: &CupsServer) -> Result<TcpStream, PrintersError> {
    match tokio::time::timeout(CONNECT_TIMEOUT, TcpStream::connect(server.authority())).await {
        Err(_) => Err(PrintersError::Timeout),
        Ok(Ok(stream)) => Ok(stream),
        Ok(Err(error)) if error.kind() == std::io::ErrorKind::ConnectionRefused => {
            Err(PrintersError::NotRunning)
        }
        Ok(Err(error)) => Err(PrintersError::Unreachable(error.to_string().into())),
    }
}

/// Why the inner loop ended.
enum End {
    /// cupsd went away (or closed our idle connection): check again and subscribe again.
    Again,
    /// The bus connection closed: open a new one.
    BusClosed,
}

/// Follows CUPS: `Available(snapshot)` at start and after each burst of notifier signals,
/// `Unavailable` while cupsd is not running (tried again with growing pauses, 0.5 s to 8 s,
/// and subscribed again when it is back, the subscription it lost canceled), `Failed` when
/// reading failed. Devices' supplies are kept between reads (see [`Printer::markers`]).
///
/// [`Printer::markers`]: super::Printer::markers
pub fn watch(bus: SystemBus, server: CupsServer) -> impl Stream<Item = Update> + Send {
    async_stream::stream! {
        let mut failures: u32 = 0;
        let mut said_unavailable = false;
        let supplies = SupplyCache::default();
        // Subscriptions left behind when cupsd went away, canceled once it is back.
        let mut left: Vec<i32> = Vec::new();
        loop {
            // Listen before reading, so no change slips between.
            let mut signals = match notifier_signals(&bus).await {
                Ok(signals) => signals,
                Err(failure) => {
                    failures = failures.saturating_add(1);
                    if failures == 1 {
                        tracing::warn!(%failure, "cannot listen for CUPS's signals");
                    }
                    yield Update::Failed(PrintersError::Bus(failure));
                    tokio::time::sleep(retry_delay(failures)).await;
                    continue;
                }
            };
            let step = async {
                let alive = connect(&server).await?;
                let id = cups::subscribe(&server, SUBSCRIPTION_LEASE).await?;
                let subscription = Subscription {
                    server: server.clone(),
                    id,
                    cancel_on_drop: true,
                };
                let snapshot = cups::snapshot(&server, &supplies).await?;
                Ok::<_, PrintersError>((alive, subscription, snapshot))
            };
            let (mut alive, subscription, snapshot) = match step.await {
                Ok(ready) => ready,
                Err(error) => {
                    failures = failures.saturating_add(1);
                    if error.is_not_running() {
                        if !said_unavailable {
                            tracing::info!("cupsd is not running");
                            said_unavailable = true;
                            yield Update::Unavailable;
                        }
                    } else {
                        said_unavailable = false;
                        yield Update::Failed(error);
                    }
                    tokio::time::sleep(retry_delay(failures)).await;
                    continue;
                }
            };
            failures = 0;
            said_unavailable = false;
            for id in left.drain(..) {
                if let Err(error) = cups::unsubscribe(&server, id).await {
                    tracing::debug!(%error, id, "could not cancel the lost CUPS subscription");
                }
            }
            yield Update::Available(snapshot);
            let renew_every = SUBSCRIPTION_LEASE.mul_f32(2.0 / 3.0);
            let mut renew_at = tokio::time::Instant::now() + renew_every;
            let mut byte = [0u8; 64];
            let end = loop {
                tokio::select! {
                    signal = signals.next() => {
                        if signal.is_none() || !settle(&mut signals).await {
                            break End::BusClosed;
                        }
                        match cups::snapshot(&server, &supplies).await {
                            Ok(snapshot) => yield Update::Available(snapshot),
                            Err(error) if error.is_not_running() => break End::Again,
                            Err(error) => yield Update::Failed(error),
                        }
                    }
                    read = alive.read(&mut byte) => {
                        // cupsd never writes to an idle connection: this is its end.
                        match read {
                            Ok(0) | Err(_) => break End::Again,
                            Ok(_) => {}
                        }
                    }
                    () = tokio::time::sleep_until(renew_at) => {
                        match cups::renew(&server, subscription.id, SUBSCRIPTION_LEASE).await {
                            Ok(()) => renew_at = tokio::time::Instant::now() + renew_every,
                            Err(error) => {
                                tracing::debug!(%error, "renewing the CUPS subscription failed");
                                break End::Again;
                            }
                        }
                    }
                }
            };
            match end {
                End::Again => left.push(subscription.leave()),
                End::BusClosed => drop(subscription),
            }
            if let End::BusClosed = end
                && let Ok(connection) = bus.connection().await
            {
                bus.forget(&connection).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_to_a_ceiling() {
        let delays: Vec<u128> = (1..=6).map(|n| retry_delay(n).as_millis()).collect();
        assert_eq!(delays, vec![500, 1000, 2000, 4000, 8000, 8000]);
    }
}
