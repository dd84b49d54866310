//! The live streams the page follows: the snapshot ([`watch`]) and a
//! node's peak levels ([`level_meter`]).

use futures::Stream;
use tokio::sync::{mpsc, oneshot};

use super::engine::{EngineHandle, Request, next_id};
use super::error::{AudioError, LocalFailure};
use super::session::AudioSession;
use super::types::{NodeId, Peaks, Update};

/// How many peak reports may wait for a slow reader (older ones are dropped
/// on PipeWire's side rather than queued).
const METER_QUEUE: usize = 8;

/// Follows sound for as long as the stream lives.
///
/// Yields [`Update::Snapshot`] once the graph is listed and again after each
/// burst of PipeWire's registry, info, parameter and metadata events (folded
/// together: quiet for 30 ms, at most every 250 ms; an unchanged snapshot is
/// not repeated). There is no polling: between events nothing is sent.
///
/// PipeWire's absence is a state, not an end: [`Update::Unavailable`] with
/// [`AudioError::NotRunning`] when it is not running or the connection is
/// lost (its core reports an error), after which the connection is tried
/// again after 0.25 s, doubling to at most 5 s, and a snapshot follows
/// unaided when PipeWire is back; with [`AudioError::NoAnswer`] when a new
/// connection gets no answer within 5 s. WirePlumber's absence shows in the
/// snapshot ([`Snapshot::session_manager`](super::Snapshot::session_manager)
/// is false, the defaults are empty). A PipeWire that hangs while connected
/// is not noticed here (commands fail with [`AudioError::NoAnswer`]).
pub fn watch(session: &AudioSession) -> impl Stream<Item = Update> + Send + 'static {
    let session = session.clone();
    async_stream::stream! {
        let engine = match session.engine() {
            Ok(engine) => engine,
            Err(error) => {
                yield Update::Unavailable(error);
                return;
            }
        };
        let mut updates = engine.updates();
        loop {
            let update = updates.borrow_and_update().clone();
            if let Some(update) = update {
                yield update;
            }
            if updates.changed().await.is_err() {
                yield Update::Unavailable(AudioError::Local(LocalFailure::ThreadEnded));
                return;
            }
        }
    }
}

/// Asks the thread to stop a meter when the stream is dropped.
struct MeterGuard {
    engine: std::sync::Arc<EngineHandle>,
    id: u64,
}

impl Drop for MeterGuard {
    fn drop(&mut self) {
        let _ = self.engine.send(Request::StopMeter { id: self.id });
    }
}

/// Peak levels of an output (from its monitor) or an input, per channel,
/// 0.0 … 1.0, at most every [`METER_INTERVAL`](super::METER_INTERVAL) while
/// sound flows (reports come with the graph's cycles: about 15 a second at
/// PipeWire's usual 1024 frames at 48 kHz). The capture stream that measures them exists only while
/// this stream lives (it is not listed among the snapshot's streams); it
/// keeps the node running, so an idle output reports zeros.
///
/// Ends after an `Err`: [`AudioError::NoSuchNode`] or
/// [`AudioError::StreamFailed`] when the node goes away,
/// [`AudioError::NotRunning`] when PipeWire does,
/// [`AudioError::NoSessionManager`] without WirePlumber (nothing would link
/// the meter), [`AudioError::Unsuitable`] for a stream.
pub fn level_meter(
    session: &AudioSession,
    node: NodeId,
) -> impl Stream<Item = Result<Peaks, AudioError>> + Send + 'static {
    let session = session.clone();
    async_stream::stream! {
        let engine = match session.engine() {
            Ok(engine) => engine,
            Err(error) => {
                yield Err(error);
                return;
            }
        };
        let id = next_id();
        let (peaks, mut levels) = mpsc::channel(METER_QUEUE);
        let (failed, mut failure) = oneshot::channel();
        if let Err(error) = engine.send(Request::StartMeter { id, node, peaks, failed }) {
            yield Err(error);
            return;
        }
        let _guard = MeterGuard { engine, id };
        loop {
            tokio::select! {
                biased;
                level = levels.recv() => match level {
                    Some(level) => yield Ok(level),
                    None => {
                        // The meter is gone; its failure says why.
                        yield Err((&mut failure)
                            .await
                            .unwrap_or(AudioError::Local(LocalFailure::ThreadEnded)));
                        return;
                    }
                },
                error = &mut failure => {
                    yield Err(error.unwrap_or(AudioError::Local(LocalFailure::ThreadEnded)));
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use futures::StreamExt;

    use super::*;
    use crate::audio::set_mute;

    #[tokio::test]
    async fn without_pipewire_everything_says_not_running_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let session = AudioSession::with_socket(dir.path().join("pipewire-0"));
        let mut updates = Box::pin(watch(&session));
        let first = tokio::time::timeout(Duration::from_secs(5), updates.next()).await;
        assert_eq!(first, Ok(Some(Update::Unavailable(AudioError::NotRunning))));
        let asked = Instant::now();
        assert_eq!(
            set_mute(&session, NodeId(30), true).await,
            Err(AudioError::NotRunning)
        );
        let mut meter = Box::pin(level_meter(&session, NodeId(30)));
        assert_eq!(meter.next().await, Some(Err(AudioError::NotRunning)));
        assert_eq!(meter.next().await, None, "the meter ends after its error");
        assert!(
            asked.elapsed() < Duration::from_secs(1),
            "{:?}",
            asked.elapsed()
        );
    }
}
