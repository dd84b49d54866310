//! systemd-timedated: the machine's time zone (the first-boot setup sets it).
//!
//! `SetTimezone` is asked for with `interactive = false`: the first-boot setup runs
//! before anyone could answer an authentication dialog, so polkit decides from its
//! rules alone (Ferrum's first-boot rule lets the greeter's user set the zone while
//! the machine has no person on it).

use crate::bus::SystemBus;
use crate::error::{DbusFailure, FailureKind};
use crate::proxies::timedate::TimedateProxy;

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
    /// Any other failure.
    #[error("systemd-timedated failed: {0}")]
    Failed(DbusFailure),
}

impl TimedateError {
    fn classify(failure: DbusFailure, zone: &str) -> Self {
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
    let proxy = proxy(bus)
        .await
        .map_err(|failure| TimedateError::classify(failure, zone))?;
    proxy
        .set_timezone(zone, false)
        .await
        .map_err(|error| TimedateError::classify(DbusFailure::from(error), zone))
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
    }
}
