//! Following CUPS without polling: a subscription whose events cupsd's D-Bus notifier
//! announces (`org.cups.cupsd.Notifier`), and an idle TCP connection whose closing says
//! cupsd went away.

use std::time::Duration;

use futures::{FutureExt, Stream, StreamExt};
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;
use zbus::{MatchRule, MessageStream};

use crate::bus::SystemBus;
use crate::error::DbusFailure;

use super::cups::{self, CupsServer};
use super::error::PrintersError;
use super::types::Update;

/// The interface of cupsd's D-Bus notifier signals.
pub const NOTIFIER_INTERFACE: &str = "org.cups.cupsd.Notifier";
/// The path of cupsd's D-Bus notifier signals.
pub const NOTIFIER_PATH: &str = "/org/cups/cupsd/Notifier";

/// How long the subscription lasts; it is renewed after two thirds of it.
pub const SUBSCRIPTION_LEASE: Duration = Duration::from_secs(300);

/// After a signal, more signals within this quiet time join the same re-read.
const SIGNAL_QUIET: Duration = Duration::from_millis(60);
/// A re-read waits for quiet at most this long.
const SIGNAL_QUIET_MAX: Duration = Duration::from_millis(500);
/// The first pause before trying cupsd (or the bus) again; doubles up to [`RETRY_MAX`].
const RETRY_FIRST: Duration = Duration::from_millis(500);
/// The longest pause between two tries while cupsd is away.
const RETRY_MAX: Duration = Duration::from_secs(8);
/// How long connecting to cupsd's port may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

fn retry_delay(failures: u32) -> Duration {
    RETRY_FIRST
        .saturating_mul(1 << failures.saturating_sub(1).min(16))
        .min(RETRY_MAX)
}

/// Waits until `stream` has been quiet for [`SIGNAL_QUIET`] (at most [`SIGNAL_QUIET_MAX`]);
/// false when it ended.
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

/// Cancels the subscription when the watch ends (best effort, in the background).
struct Subscription {
    server: CupsServer,
    id: i32,
}

impl Drop for Subscription {
    fn drop(&mut self) {
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
/// and subscribed again when it is back), `Failed` when reading failed.
pub fn watch(bus: SystemBus, server: CupsServer) -> impl Stream<Item = Update> + Send {
    async_stream::stream! {
        let mut failures: u32 = 0;
        let mut said_unavailable = false;
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
                let subscription = Subscription { server: server.clone(), id };
                let snapshot = cups::snapshot(&server).await?;
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
                        match cups::snapshot(&server).await {
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
            drop(subscription);
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

    #[tokio::test(start_paused = true)]
    async fn a_burst_is_one_wake() {
        let (sender, receiver) = futures::channel::mpsc::unbounded::<u32>();
        let mut receiver = receiver;
        for n in 0..5 {
            sender.unbounded_send(n).unwrap();
        }
        assert!(settle(&mut receiver).await);
        drop(sender);
        assert!(!settle(&mut receiver).await);
    }
}
