//! systemd-timedated: the machine's time zone, clock and automatic time (NTP).
//!
//! Two callers. The first-boot setup's [`set_timezone`] asks with `interactive = false`:
//! it runs before anyone could answer an authentication dialog, so polkit decides from its
//! rules alone (Ferrum's first-boot rule lets the greeter's user set the zone while the
//! machine has no person on it). The Date & Time page's [`change_timezone`], [`set_ntp`]
//! and [`set_time`] ask with `interactive = true`: polkit may ask the session's
//! authentication agent (`services::polkit_agent`) for an administrator's password, so
//! they go through [`SystemBus::interactive`] (minutes rather than 20 s to answer).
//!
//! [`snapshot`] reads each property on its own: `NTP` and `CanNTP` come from systemd's unit
//! states, and where timedated cannot ask systemd (no systemd as PID 1, as on the test bed)
//! reading them fails — `GetAll` would then fail as a whole — so their failure reads as
//! "automatic time unavailable", not as an unreadable daemon. timedated exits after 30 s
//! without callers and is started again by the next call (D-Bus activation), so its name
//! having no owner is not a failure in itself.

use std::time::Duration;

use futures::Stream;
use zbus::Connection;

use crate::bus::SystemBus;
use crate::error::{DbusFailure, FailureKind};
use crate::proxies::timedate::TimedateProxy;
use crate::watch::{ServiceUpdate, Watched, watch_through_hangs};

/// The daemon's bus name.
pub const BUS_NAME: &str = "org.freedesktop.timedate1";

/// What can go wrong setting the time zone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimedateError {
    /// timedated is not running (and could not be started).
    #[error("systemd-timedated is not running")]
    Unavailable(DbusFailure),
    /// polkit (or timedated) refused the caller.
    #[error("not allowed to set the time zone: {0}")]
    NotAuthorized(DbusFailure),
    /// The zone is not a time zone this machine knows.
    #[error("{zone:?} is not a known time zone")]
    UnknownZone {
        /// The zone asked for.
        zone: String,
    },
    /// timedated owns its name but did not answer in time (hung).
    #[error("systemd-timedated did not answer in time: {0}")]
    NoAnswer(DbusFailure),
    /// The clock cannot be set by hand while automatic time is on.
    #[error("the time cannot be set while automatic time is on: {0}")]
    AutomaticTimeOn(DbusFailure),
    /// No time synchronisation service is installed.
    #[error("no time synchronisation service is installed: {0}")]
    NoNtpSupport(DbusFailure),
    /// Any other failure.
    #[error("systemd-timedated failed: {0}")]
    Failed(DbusFailure),
}

impl TimedateError {
    /// The technical detail behind "Details".
    pub fn detail(&self) -> String {
        match self {
            Self::UnknownZone { zone } => format!("unknown time zone {zone:?}"),
            Self::Unavailable(failure)
            | Self::NotAuthorized(failure)
            | Self::NoAnswer(failure)
            | Self::AutomaticTimeOn(failure)
            | Self::NoNtpSupport(failure)
            | Self::Failed(failure) => failure.to_string(),
        }
    }

    fn classify(failure: DbusFailure, zone: &str) -> Self {
        match failure.error_name() {
            Some("org.freedesktop.timedate1.AutomaticTimeSyncEnabled") => {
                return Self::AutomaticTimeOn(failure);
            }
            Some("org.freedesktop.timedate1.NoNTPSupport") => return Self::NoNtpSupport(failure),
            _ => {}
        }
        match failure.kind() {
            FailureKind::ServiceMissing | FailureKind::BusUnreachable => Self::Unavailable(failure),
            FailureKind::AccessDenied => Self::NotAuthorized(failure),
            FailureKind::InvalidArgument => Self::UnknownZone {
                zone: zone.to_owned(),
            },
            FailureKind::Timeout => Self::NoAnswer(failure),
            FailureKind::Other => Self::Failed(failure),
        }
    }
}

/// Whether `zone` looks like a tz database name (`Europe/Berlin`, `UTC`): letters,
/// digits, `_`, `-`, `+` in `/`-separated parts, none of them `.` or `..`. Checked
/// before timedated sees it, which checks the zone exists.
pub fn is_zone_name(zone: &str) -> bool {
    !zone.is_empty()
        && zone.len() <= 255
        && zone.split('/').all(|part| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
        })
}

async fn proxy(bus: &SystemBus) -> Result<TimedateProxy<'static>, DbusFailure> {
    let connection = bus.connection().await?;
    Ok(TimedateProxy::builder(&connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?)
}

/// The machine's time zone as timedated reports it.
pub async fn timezone(bus: &SystemBus) -> Result<String, TimedateError> {
    let proxy = proxy(bus)
        .await
        .map_err(|failure| TimedateError::classify(failure, ""))?;
    proxy
        .timezone()
        .await
        .map_err(|error| TimedateError::classify(DbusFailure::from(error), ""))
}

/// Sets the machine's time zone (not interactively: polkit's rules decide).
pub async fn set_timezone(bus: &SystemBus, zone: &str) -> Result<(), TimedateError> {
    if !is_zone_name(zone) {
        return Err(TimedateError::UnknownZone {
            zone: zone.to_owned(),
        });
    }
    let proxy = proxy(&bus.interactive())
        .await
        .map_err(|failure| TimedateError::classify(failure, zone))?;
    proxy
        .set_timezone(zone, false)
        .await
        .map_err(|error| TimedateError::classify(DbusFailure::from(error), zone))
}

/// What timedated reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// The machine's time zone (`Europe/Berlin`; empty when none is set).
    pub timezone: String,
    /// Whether the hardware clock keeps local time rather than UTC.
    pub local_rtc: bool,
    /// Whether a time synchronisation service is there to turn on.
    pub can_ntp: bool,
    /// Whether automatic time (NTP) is on.
    pub ntp: bool,
    /// Whether the clock is synchronised.
    pub ntp_synchronized: bool,
    /// The system clock when read, in microseconds since the epoch (UTC); 0 when not told.
    pub time_usec: u64,
}

/// What the page watches: timedated's name and its object's signals.
pub const WATCHED: Watched = Watched {
    bus_name: BUS_NAME,
    path_namespace: "/org/freedesktop/timedate1",
};

/// Reads timedated's state (one property at a time; see the module's notes on NTP).
pub async fn snapshot(connection: Connection) -> Result<Snapshot, TimedateError> {
    let fail = |error: zbus::Error| TimedateError::classify(DbusFailure::from(error), "");
    let proxy = TimedateProxy::builder(&connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(fail)?;
    let timezone = proxy.timezone().await.map_err(fail)?;
    let local_rtc = proxy.local_rtc().await.map_err(fail)?;
    let ntp_synchronized = proxy.ntp_synchronized().await.map_err(fail)?;
    let can_ntp = tolerant(proxy.can_ntp().await)?;
    let ntp = tolerant(proxy.ntp().await)?;
    let time_usec = tolerant(proxy.time_usec().await)?;
    Ok(Snapshot {
        timezone,
        local_rtc,
        can_ntp,
        ntp,
        ntp_synchronized,
        time_usec,
    })
}

/// A property that may fail to read without the daemon being unreadable: `NTP` and `CanNTP`
/// are systemd's unit states (no systemd, no answer), and `TimeUSec` is missing from
/// python-dbusmock's template. Absence and hangs still fail the read.
fn tolerant<T: Default>(result: zbus::Result<T>) -> Result<T, TimedateError> {
    match result {
        Ok(value) => Ok(value),
        Err(error) => {
            let failure = DbusFailure::from(error);
            match failure.kind() {
                FailureKind::Timeout
                | FailureKind::ServiceMissing
                | FailureKind::BusUnreachable => Err(TimedateError::classify(failure, "")),
                _ => {
                    tracing::debug!(%failure, "a timedated property is not there");
                    Ok(T::default())
                }
            }
        }
    }
}

/// Follows timedated: a snapshot now and after every change; a hung daemon is read again
/// until it answers.
pub fn watch(bus: SystemBus) -> impl Stream<Item = ServiceUpdate<Snapshot, TimedateError>> + Send {
    watch_through_hangs(bus, WATCHED, snapshot, |error| {
        matches!(error, TimedateError::NoAnswer(_))
    })
}

/// Sets the machine's time zone for the person on the page: polkit may ask the session's
/// authentication agent (`interactive = true`).
pub async fn change_timezone(bus: &SystemBus, zone: &str) -> Result<(), TimedateError> {
    if !is_zone_name(zone) {
        return Err(TimedateError::UnknownZone {
            zone: zone.to_owned(),
        });
    }
    let proxy = proxy(&bus.interactive())
        .await
        .map_err(|failure| TimedateError::classify(failure, zone))?;
    proxy
        .set_timezone(zone, true)
        .await
        .map_err(|error| TimedateError::classify(DbusFailure::from(error), zone))
}

/// Turns automatic time (NTP) on or off (interactive).
pub async fn set_ntp(bus: &SystemBus, on: bool) -> Result<(), TimedateError> {
    let proxy = proxy(&bus.interactive())
        .await
        .map_err(|failure| TimedateError::classify(failure, ""))?;
    proxy
        .set_ntp(on, true)
        .await
        .map_err(|error| TimedateError::classify(DbusFailure::from(error), ""))
}

/// Sets the clock to `since_epoch` (UTC; interactive). timedated refuses while automatic
/// time is on ([`TimedateError::AutomaticTimeOn`]).
pub async fn set_time(bus: &SystemBus, since_epoch: Duration) -> Result<(), TimedateError> {
    let usec = i64::try_from(since_epoch.as_micros()).unwrap_or(i64::MAX);
    let proxy = proxy(bus)
        .await
        .map_err(|failure| TimedateError::classify(failure, ""))?;
    proxy
        .set_time(usec, false, true)
        .await
        .map_err(|error| TimedateError::classify(DbusFailure::from(error), ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_names_are_checked_before_sending() {
        for good in [
            "UTC",
            "Europe/Berlin",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+5",
        ] {
            assert!(is_zone_name(good), "{good}");
        }
        for bad in [
            "",
            "../etc/passwd",
            "Europe//Berlin",
            "Europe/Berlin ",
            "/UTC",
            "Europe/.",
        ] {
            assert!(!is_zone_name(bad), "{bad}");
        }
    }

    #[test]
    fn failures_are_sorted_by_what_the_person_can_do() {
        let failure = |kind| DbusFailure::new(kind, "detail");
        assert!(matches!(
            TimedateError::classify(failure(FailureKind::ServiceMissing), "UTC"),
            TimedateError::Unavailable(_)
        ));
        assert!(matches!(
            TimedateError::classify(failure(FailureKind::AccessDenied), "UTC"),
            TimedateError::NotAuthorized(_)
        ));
        assert_eq!(
            TimedateError::classify(failure(FailureKind::InvalidArgument), "Mars/Olympus"),
            TimedateError::UnknownZone {
                zone: "Mars/Olympus".into()
            }
        );
        assert!(matches!(
            TimedateError::classify(failure(FailureKind::Timeout), "UTC"),
            TimedateError::NoAnswer(_)
        ));
        let named = |name: &str| {
            DbusFailure::from(zbus::Error::MethodError(
                zbus::names::OwnedErrorName::try_from(name).unwrap_or_else(|_| unreachable!()),
                Some("refused".into()),
                zbus::message::Message::method_call("/", "Ping")
                    .and_then(|builder| builder.build(&()))
                    .unwrap_or_else(|_| unreachable!()),
            ))
        };
        assert!(matches!(
            TimedateError::classify(
                named("org.freedesktop.timedate1.AutomaticTimeSyncEnabled"),
                ""
            ),
            TimedateError::AutomaticTimeOn(_)
        ));
        assert!(matches!(
            TimedateError::classify(named("org.freedesktop.timedate1.NoNTPSupport"), ""),
            TimedateError::NoNtpSupport(_)
        ));
    }
}
