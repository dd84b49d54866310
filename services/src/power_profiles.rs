//! power-profiles-daemon: the power mode (power saver, balanced, performance),
//! why performance may be degraded, and which applications hold a profile.

use std::collections::HashMap;
use std::fmt;

use futures::Stream;
use zbus::Connection;
use zbus::zvariant::OwnedValue;

use crate::bus::SystemBus;
use crate::error::{DbusFailure, FailureKind};
use crate::proxies::power_profiles::PowerProfilesProxy;
use crate::watch::{ServiceUpdate, Watched, watch};

/// The daemon's bus name.
pub const BUS_NAME: &str = "net.hadess.PowerProfiles";

const WATCHED: Watched = Watched {
    bus_name: BUS_NAME,
    path_namespace: "/net/hadess/PowerProfiles",
};

/// A power profile.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Profile {
    /// `power-saver`
    PowerSaver,
    /// `balanced`
    Balanced,
    /// `performance`
    Performance,
    /// A profile this version does not know, kept by name.
    Other(String),
}

impl Profile {
    /// Parses the daemon's profile name.
    pub fn from_name(name: &str) -> Self {
        match name {
            "power-saver" => Self::PowerSaver,
            "balanced" => Self::Balanced,
            "performance" => Self::Performance,
            other => Self::Other(other.to_owned()),
        }
    }

    /// The daemon's name for the profile.
    pub fn name(&self) -> &str {
        match self {
            Self::PowerSaver => "power-saver",
            Self::Balanced => "balanced",
            Self::Performance => "performance",
            Self::Other(name) => name,
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why the performance profile is running degraded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Degradation {
    /// The computer is on someone's lap (`lap-detected`).
    LapDetected,
    /// The computer is too hot (`high-operating-temperature`).
    HighTemperature,
    /// A reason this version does not know, kept by name.
    Other(String),
}

impl Degradation {
    /// Parses the daemon's `PerformanceDegraded` value; empty means not degraded.
    pub fn from_reason(reason: &str) -> Option<Self> {
        match reason.trim() {
            "" => None,
            "lap-detected" => Some(Self::LapDetected),
            "high-operating-temperature" => Some(Self::HighTemperature),
            other => Some(Self::Other(other.to_owned())),
        }
    }
}

/// An application holding a profile (e.g. a video editor asking for performance).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hold {
    /// The profile held.
    pub profile: Profile,
    /// The reason the application gave.
    pub reason: String,
    /// The application's id (desktop file id or similar).
    pub application_id: String,
}

/// A profile the daemon offers, with the driver behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferedProfile {
    /// The profile.
    pub profile: Profile,
    /// The driver(s) implementing it (`platform_profile`, `intel_pstate`, `fake`, …).
    pub driver: String,
}

/// Everything the power mode UI shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PowerProfilesState {
    /// The profile in force.
    pub active: Profile,
    /// The profiles the machine offers, in the daemon's order.
    pub offered: Vec<OfferedProfile>,
    /// Why performance is degraded, if it is.
    pub degraded: Option<Degradation>,
    /// Applications holding a profile right now.
    pub holds: Vec<Hold>,
}

impl PowerProfilesState {
    /// Whether the daemon offers this profile.
    pub fn offers(&self, profile: &Profile) -> bool {
        self.offered
            .iter()
            .any(|offered| &offered.profile == profile)
    }
}

/// What can go wrong talking to power-profiles-daemon.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PowerProfilesError {
    /// The daemon is not running.
    #[error("power-profiles-daemon is not running")]
    Unavailable(DbusFailure),
    /// polkit or the daemon refused the change.
    #[error("not allowed to change the power profile: {0}")]
    NotAuthorized(DbusFailure),
    /// The machine does not offer this profile.
    #[error("the profile {0} is not offered on this machine")]
    NotOffered(Profile),
    /// The daemon owns its name but did not answer in time (hung).
    #[error("power-profiles-daemon did not answer: {0}")]
    NoAnswer(DbusFailure),
    /// Any other failure.
    #[error("power-profiles-daemon failed: {0}")]
    Failed(DbusFailure),
}

impl PowerProfilesError {
    /// The technical detail for the "Details" affordance.
    pub fn detail(&self) -> String {
        self.to_string()
    }
}

impl From<DbusFailure> for PowerProfilesError {
    fn from(failure: DbusFailure) -> Self {
        match failure.kind() {
            FailureKind::ServiceMissing | FailureKind::BusUnreachable => Self::Unavailable(failure),
            FailureKind::AccessDenied => Self::NotAuthorized(failure),
            FailureKind::Timeout => Self::NoAnswer(failure),
            _ => Self::Failed(failure),
        }
    }
}

impl From<zbus::Error> for PowerProfilesError {
    fn from(error: zbus::Error) -> Self {
        Self::from(DbusFailure::from(error))
    }
}

async fn proxy(connection: &Connection) -> Result<PowerProfilesProxy<'static>, PowerProfilesError> {
    Ok(PowerProfilesProxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::Yes)
        .build()
        .await?)
}

/// Reads the daemon's current state.
pub async fn snapshot(connection: Connection) -> Result<PowerProfilesState, PowerProfilesError> {
    let proxy = proxy(&connection).await?;
    let active = Profile::from_name(&proxy.active_profile().await?);
    let offered = proxy
        .profiles()
        .await?
        .iter()
        .filter_map(parse_offered)
        .collect();
    let degraded = Degradation::from_reason(&proxy.performance_degraded().await?);
    let holds = proxy
        .active_profile_holds()
        .await?
        .iter()
        .filter_map(parse_hold)
        .collect();
    Ok(PowerProfilesState {
        active,
        offered,
        degraded,
        holds,
    })
}

/// Follows the daemon: a snapshot now and after every change, and its
/// disappearance and return.
pub fn watch_state(
    bus: SystemBus,
) -> impl Stream<Item = ServiceUpdate<PowerProfilesState, PowerProfilesError>> + Send {
    watch(bus, WATCHED, snapshot)
}

/// Switches the active profile. The daemon checks polkit
/// (`net.hadess.PowerProfiles.switch-profile`).
pub async fn set_active_profile(
    bus: &SystemBus,
    profile: &Profile,
) -> Result<(), PowerProfilesError> {
    let connection = bus.connection().await?;
    let proxy = PowerProfilesProxy::builder(&connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?;
    proxy
        .set_active_profile(profile.name())
        .await
        .map_err(|error| {
            let failure = DbusFailure::from(error);
            // The daemon answers InvalidArgs for a profile it does not offer.
            if failure.kind() == FailureKind::InvalidArgument {
                PowerProfilesError::NotOffered(profile.clone())
            } else {
                PowerProfilesError::from(failure)
            }
        })
}

/// Holds a profile for as long as `connection` stays on the bus (or until
/// released); returns the cookie for [`release_profile`].
pub async fn hold_profile(
    connection: &Connection,
    profile: &Profile,
    reason: &str,
    application_id: &str,
) -> Result<u32, PowerProfilesError> {
    Ok(proxy(connection)
        .await?
        .hold_profile(profile.name(), reason, application_id)
        .await?)
}

/// Releases a hold taken with [`hold_profile`].
pub async fn release_profile(
    connection: &Connection,
    cookie: u32,
) -> Result<(), PowerProfilesError> {
    Ok(proxy(connection).await?.release_profile(cookie).await?)
}

fn string_field(map: &HashMap<String, OwnedValue>, key: &str) -> Option<String> {
    map.get(key)
        .and_then(|value| String::try_from(value.clone()).ok())
}

fn parse_offered(map: &HashMap<String, OwnedValue>) -> Option<OfferedProfile> {
    let profile = Profile::from_name(&string_field(map, "Profile")?);
    let driver = ["Driver", "PlatformDriver", "CpuDriver"]
        .iter()
        .filter_map(|key| string_field(map, key))
        .filter(|driver| !driver.is_empty() && driver != "multiple")
        .collect::<Vec<_>>()
        .join(", ");
    Some(OfferedProfile { profile, driver })
}

fn parse_hold(map: &HashMap<String, OwnedValue>) -> Option<Hold> {
    Some(Hold {
        profile: Profile::from_name(&string_field(map, "Profile")?),
        reason: string_field(map, "Reason").unwrap_or_default(),
        application_id: string_field(map, "ApplicationId").unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use zbus::zvariant::Value;

    fn dict(pairs: &[(&str, &str)]) -> HashMap<String, OwnedValue> {
        pairs
            .iter()
            .map(|(k, v)| {
                let value = OwnedValue::try_from(Value::from(*v)).expect("string value");
                ((*k).to_owned(), value)
            })
            .collect()
    }

    #[test]
    fn profile_names_round_trip() {
        for name in ["power-saver", "balanced", "performance", "turbo"] {
            assert_eq!(Profile::from_name(name).name(), name);
        }
        assert_eq!(Profile::from_name("turbo"), Profile::Other("turbo".into()));
    }

    #[test]
    fn degradation_reasons_parse() {
        assert_eq!(Degradation::from_reason(""), None);
        assert_eq!(
            Degradation::from_reason("lap-detected"),
            Some(Degradation::LapDetected)
        );
        assert_eq!(
            Degradation::from_reason("high-operating-temperature"),
            Some(Degradation::HighTemperature)
        );
        assert_eq!(
            Degradation::from_reason("cosmic-rays"),
            Some(Degradation::Other("cosmic-rays".into()))
        );
    }

    #[test]
    fn holds_and_offers_parse_from_dictionaries() {
        let hold = parse_hold(&dict(&[
            ("Profile", "performance"),
            ("Reason", "Compiling"),
            ("ApplicationId", "org.example.Builder"),
        ]));
        assert_eq!(
            hold,
            Some(Hold {
                profile: Profile::Performance,
                reason: "Compiling".into(),
                application_id: "org.example.Builder".into()
            })
        );
        assert_eq!(parse_hold(&dict(&[("Reason", "no profile")])), None);
        let offered = parse_offered(&dict(&[
            ("Profile", "balanced"),
            ("CpuDriver", "intel_pstate"),
            ("PlatformDriver", "platform_profile"),
            ("Driver", "multiple"),
        ]));
        assert_eq!(
            offered.map(|o| o.driver),
            Some("platform_profile, intel_pstate".to_owned())
        );
    }

    #[test]
    fn failures_map_to_typed_errors() {
        let denied = DbusFailure::from(zbus::fdo::Error::AccessDenied("no".into()));
        assert!(matches!(
            PowerProfilesError::from(denied),
            PowerProfilesError::NotAuthorized(_)
        ));
        let missing = DbusFailure::from(zbus::fdo::Error::ServiceUnknown("gone".into()));
        assert!(matches!(
            PowerProfilesError::from(missing),
            PowerProfilesError::Unavailable(_)
        ));
    }
}
