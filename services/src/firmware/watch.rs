//! Following fwupd: snapshots on its signals (bursts coalesced), and — never
//! coalesced — every progress change and every device request.
//!
//! `services::watch::watch` cannot be used as is: it turns every signal into a
//! re-read and drops the signals' contents, while a progress bar needs each
//! `Status`/`Percentage` value and a `DeviceRequest` is an event, not state. The
//! same rules apply otherwise: subscribed before the first read, a burst of
//! signals is one re-read after [`SIGNAL_QUIET`] of quiet (at most
//! [`SIGNAL_QUIET_MAX`]), the bus retried with [`backoff`], a read that timed out
//! retried after [`NO_ANSWER_RETRY`].
//!
//! While fwupd reports a busy `Status` (writing a device, …) the re-read waits
//! until it is idle again: fwupd answers calls from the thread doing the update,
//! so a read would only wait (and time out) behind it. Progress keeps flowing.

use std::collections::HashMap;
use std::time::Duration;

use futures::{Stream, StreamExt};
use tokio::time::Instant;
use zbus::names::{BusName, OwnedUniqueName};
use zbus::zvariant::OwnedValue;
use zbus::{Connection, MatchRule, Message};

use super::types::Dict;
use super::{BUS_NAME, DeviceRequest, FirmwareError, OBJECT_PATH, Progress, Snapshot, Status};
use crate::bus::SystemBus;
use crate::error::DbusFailure;
use crate::watch::{NO_ANSWER_RETRY, SIGNAL_QUIET, SIGNAL_QUIET_MAX, Subscriptions, backoff};

/// The longest wait between two tries of an unreachable bus.
const BUS_RETRY_MAX: Duration = Duration::from_secs(30);

/// One step of the firmware stream.
#[derive(Debug, Clone, PartialEq)]
pub enum Update {
    /// fwupd is running; here is its state.
    Available(Snapshot),
    /// fwupd's name has no owner (not installed, not started, crashed, restarting).
    Unavailable,
    /// fwupd is there but reading its state failed.
    Failed(FirmwareError),
    /// The system bus cannot be reached; retried with growing pauses.
    BusUnreachable(DbusFailure),
    /// fwupd's `Status` or `Percentage` changed (each change, in order).
    Progress(Progress),
    /// fwupd asks the person to do something (`DeviceRequest`).
    Request(DeviceRequest),
}

/// What a signal means for the stream.
#[derive(Debug, PartialEq)]
enum Signal {
    /// State changed: re-read (coalesced).
    Changed,
    /// `Status`/`Percentage` changed (values as sent); `also_changed` when other
    /// properties changed with them.
    Progress {
        status: Option<u32>,
        percentage: Option<u32>,
        also_changed: bool,
    },
    /// A device request.
    Request(DeviceRequest),
    /// Nothing for us.
    Ignored,
}

fn classify(message: &Message) -> Signal {
    let header = message.header();
    let member = header.member().map(|member| member.as_str().to_owned());
    match member.as_deref() {
        Some("Changed" | "DeviceAdded" | "DeviceRemoved" | "DeviceChanged") => Signal::Changed,
        Some("DeviceRequest") => message
            .body()
            .deserialize::<Dict>()
            .ok()
            .and_then(|dict| DeviceRequest::from_dict(&dict))
            .map_or(Signal::Ignored, Signal::Request),
        Some("PropertiesChanged") => {
            let Ok((interface, changed, invalidated)) =
                message
                    .body()
                    .deserialize::<(String, HashMap<String, OwnedValue>, Vec<String>)>()
            else {
                return Signal::Ignored;
            };
            if interface != BUS_NAME {
                return Signal::Ignored;
            }
            properties_changed(&changed, &invalidated)
        }
        _ => Signal::Ignored,
    }
}

fn properties_changed(changed: &Dict, invalidated: &[String]) -> Signal {
    let number = |key: &str| {
        changed
            .get(key)
            .and_then(|value| u32::try_from(&**value).ok())
    };
    let status = number("Status");
    let percentage = number("Percentage");
    let also_changed = !invalidated.is_empty()
        || changed
            .keys()
            .any(|key| key != "Status" && key != "Percentage");
    match (status, percentage) {
        (None, None) if also_changed => Signal::Changed,
        (None, None) => Signal::Ignored,
        _ => Signal::Progress {
            status,
            percentage,
            also_changed,
        },
    }
}

/// Applies a progress signal; the new progress when it differs.
fn advance(
    progress: &mut Progress,
    status: Option<u32>,
    percentage: Option<u32>,
) -> Option<Progress> {
    let mut next = *progress;
    if let Some(status) = status {
        next.status = Status::from_u32(status);
    }
    if let Some(percentage) = percentage {
        next.percentage = percentage.min(100);
    }
    (next != *progress).then(|| {
        *progress = next;
        next
    })
}

/// fwupd's owner changes and every signal at its path; the sender is checked against fwupd's
/// unique name where they are read (other daemons live at `/` too).
async fn subscribe(connection: &Connection) -> Result<Subscriptions, DbusFailure> {
    let rule = MatchRule::builder()
        .msg_type(zbus::message::Type::Signal)
        .path(OBJECT_PATH)?
        .build();
    Subscriptions::open_with(connection, BUS_NAME, rule, 1024).await
}

/// fwupd's unique name, when it is on the bus.
async fn fwupd_owner(subscriptions: &Subscriptions) -> Option<OwnedUniqueName> {
    let name = BusName::try_from(BUS_NAME).ok()?;
    subscriptions.dbus.get_name_owner(name).await.ok()
}

/// Watches fwupd on `bus`.
pub fn watch(bus: SystemBus) -> impl Stream<Item = Update> + Send {
    async_stream::stream! {
        let mut failures: u32 = 0;
        loop {
            let connection = match bus.connection().await {
                Ok(connection) => connection,
                Err(failure) => {
                    failures = failures.saturating_add(1);
                    yield Update::BusUnreachable(failure);
                    tokio::time::sleep(backoff(failures, BUS_RETRY_MAX)).await;
                    continue;
                }
            };
            let mut subscriptions = match subscribe(&connection).await {
                Ok(subscriptions) => subscriptions,
                Err(failure) => {
                    failures = failures.saturating_add(1);
                    yield Update::BusUnreachable(failure);
                    bus.forget(&connection).await;
                    tokio::time::sleep(backoff(failures, BUS_RETRY_MAX)).await;
                    continue;
                }
            };
            failures = 0;
            let mut owner = fwupd_owner(&subscriptions).await;
            let mut progress = Progress::default();
            // When the next read is due (None: nothing to read).
            let mut read_at = owner.as_ref().map(|_| Instant::now());
            // The first signal of the burst being coalesced.
            let mut burst_start: Option<Instant> = None;
            if owner.is_none() {
                tracing::info!(service = BUS_NAME, "service unavailable");
                yield Update::Unavailable;
            }
            loop {
                let due = read_at.filter(|_| owner.is_some() && !progress.status.is_busy());
                if due.is_some_and(|at| at <= Instant::now()) {
                    burst_start = None;
                    read_at = None;
                    match super::snapshot(connection.clone()).await {
                        Ok(snapshot) => {
                            progress = snapshot.progress;
                            yield Update::Available(snapshot);
                        }
                        Err(error) => {
                            if error.is_no_answer() {
                                read_at = Some(Instant::now() + NO_ANSWER_RETRY);
                            }
                            yield Update::Failed(error);
                        }
                    }
                    continue;
                }
                let sleep_until = due.unwrap_or_else(|| Instant::now() + Duration::from_secs(3600));
                tokio::select! {
                    change = subscriptions.owners.next() => {
                        let Some(change) = change else {
                            bus.forget(&connection).await;
                            break;
                        };
                        let Ok(args) = change.args() else { continue };
                        progress = Progress::default();
                        burst_start = None;
                        match args.new_owner().as_ref() {
                            Some(new_owner) => {
                                owner = Some(OwnedUniqueName::from(new_owner.to_owned()));
                                read_at = Some(Instant::now());
                            }
                            None => {
                                owner = None;
                                read_at = None;
                                tracing::info!(service = BUS_NAME, "service unavailable");
                                yield Update::Unavailable;
                            }
                        }
                    }
                    message = subscriptions.signals.next() => {
                        let Some(message) = message else {
                            bus.forget(&connection).await;
                            break;
                        };
                        let Ok(message) = message else { continue };
                        let from_fwupd = owner.as_ref().is_some_and(|owner| {
                            message.header().sender().is_some_and(|sender| *sender == owner.as_ref())
                        });
                        if !from_fwupd {
                            continue;
                        }
                        let mut changed = false;
                        match classify(&message) {
                            Signal::Changed => changed = true,
                            Signal::Progress { status, percentage, also_changed } => {
                                changed = also_changed;
                                if let Some(next) = advance(&mut progress, status, percentage) {
                                    yield Update::Progress(next);
                                }
                            }
                            Signal::Request(request) => yield Update::Request(request),
                            Signal::Ignored => {}
                        }
                        if changed {
                            let now = Instant::now();
                            let start = *burst_start.get_or_insert(now);
                            read_at = Some((now + SIGNAL_QUIET).min(start + SIGNAL_QUIET_MAX));
                        }
                    }
                    () = tokio::time::sleep_until(sleep_until), if due.is_some() => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zbus::zvariant::Value;

    fn dict(entries: Vec<(&str, Value<'_>)>) -> Dict {
        super::super::types::tests::dict(entries)
    }

    #[test]
    fn progress_properties_are_progress_and_others_a_change() {
        assert_eq!(
            properties_changed(&dict(vec![("Percentage", Value::from(40u32))]), &[]),
            Signal::Progress {
                status: None,
                percentage: Some(40),
                also_changed: false
            }
        );
        assert_eq!(
            properties_changed(
                &dict(vec![
                    ("Status", Value::from(5u32)),
                    ("HostSecurityId", Value::from("HSI:1")),
                ]),
                &[]
            ),
            Signal::Progress {
                status: Some(5),
                percentage: None,
                also_changed: true
            }
        );
        assert_eq!(
            properties_changed(&dict(vec![("HostSecurityId", Value::from("HSI:2"))]), &[]),
            Signal::Changed
        );
        assert_eq!(properties_changed(&Dict::new(), &[]), Signal::Ignored);
        assert_eq!(
            properties_changed(&Dict::new(), &["Tainted".to_owned()]),
            Signal::Changed
        );
    }

    #[test]
    fn every_distinct_progress_value_is_kept() {
        let mut progress = Progress::default();
        let steps = [
            (Some(8), Some(0)),
            (None, Some(30)),
            (None, Some(30)),
            (Some(5), Some(0)),
            (None, Some(100)),
            (Some(1), None),
        ];
        let seen: Vec<Progress> = steps
            .iter()
            .filter_map(|&(status, percentage)| advance(&mut progress, status, percentage))
            .collect();
        assert_eq!(
            seen,
            vec![
                Progress {
                    status: Status::Downloading,
                    percentage: 0
                },
                Progress {
                    status: Status::Downloading,
                    percentage: 30
                },
                Progress {
                    status: Status::DeviceWrite,
                    percentage: 0
                },
                Progress {
                    status: Status::DeviceWrite,
                    percentage: 100
                },
                Progress {
                    status: Status::Idle,
                    percentage: 100
                },
            ]
        );
    }

    #[test]
    fn signals_are_classified() {
        let signal = |member: &str, body: &Dict| {
            let message = Message::signal(OBJECT_PATH, BUS_NAME, member)
                .unwrap()
                .build(&(body,))
                .unwrap();
            classify(&message)
        };
        assert_eq!(signal("DeviceChanged", &Dict::new()), Signal::Changed);
        let request = dict(vec![
            ("AppstreamId", Value::from(DeviceRequest::PRESS_UNLOCK)),
            ("RequestKind", Value::from(2u32)),
            ("DeviceId", Value::from("abc")),
        ]);
        match signal("DeviceRequest", &request) {
            Signal::Request(request) => assert_eq!(request.id, DeviceRequest::PRESS_UNLOCK),
            other => panic!("{other:?}"),
        }
        let changed = Message::signal(
            OBJECT_PATH,
            "org.freedesktop.DBus.Properties",
            "PropertiesChanged",
        )
        .unwrap()
        .build(&(
            BUS_NAME,
            dict(vec![("Percentage", Value::from(7u32))]),
            Vec::<String>::new(),
        ))
        .unwrap();
        assert!(matches!(
            classify(&changed),
            Signal::Progress {
                percentage: Some(7),
                ..
            }
        ));
        let other = Message::signal(
            OBJECT_PATH,
            "org.freedesktop.DBus.Properties",
            "PropertiesChanged",
        )
        .unwrap()
        .build(&(
            "org.freedesktop.Avahi.Server2",
            Dict::new(),
            vec!["State".to_owned()],
        ))
        .unwrap();
        assert_eq!(classify(&other), Signal::Ignored);
    }
}
