//! UPower: batteries, mains power and battery health.

use std::time::Duration;

use futures::Stream;
use zbus::Connection;

use crate::bus::SystemBus;
use crate::error::DbusFailure;
use crate::proxies::upower::UPowerProxy;
use crate::proxies::upower_device::DeviceProxy;
use crate::watch::{ServiceUpdate, Watched, watch_through_hangs};

/// The daemon's bus name.
pub const BUS_NAME: &str = "org.freedesktop.UPower";

const WATCHED: Watched = Watched {
    bus_name: BUS_NAME,
    path_namespace: "/org/freedesktop/UPower",
};

// UPower's `Type` values.
const TYPE_LINE_POWER: u32 = 1;
const TYPE_BATTERY: u32 = 2;

/// Charging state of a battery (UPower's `State`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatteryState {
    /// State not known.
    Unknown,
    /// Charging.
    Charging,
    /// Discharging.
    Discharging,
    /// Empty.
    Empty,
    /// Fully charged.
    FullyCharged,
    /// Waiting to charge.
    PendingCharge,
    /// Waiting to discharge.
    PendingDischarge,
}

impl BatteryState {
    /// Parses UPower's numeric state.
    pub fn from_code(code: u32) -> Self {
        match code {
            1 => Self::Charging,
            2 => Self::Discharging,
            3 => Self::Empty,
            4 => Self::FullyCharged,
            5 => Self::PendingCharge,
            6 => Self::PendingDischarge,
            _ => Self::Unknown,
        }
    }
}

/// A system battery as UPower describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Battery {
    /// UPower's object path, stable while the battery is present.
    pub path: String,
    /// Vendor name.
    pub vendor: String,
    /// Model name.
    pub model: String,
    /// Charge in percent (0–100).
    pub percentage: f64,
    /// Charging state.
    pub state: BatteryState,
    /// Estimated time until empty, when discharging and known.
    pub time_to_empty: Option<Duration>,
    /// Estimated time until full, when charging and known.
    pub time_to_full: Option<Duration>,
    /// Energy now (Wh).
    pub energy_wh: f64,
    /// Energy when full now (Wh).
    pub energy_full_wh: f64,
    /// Energy when full as designed (Wh).
    pub energy_full_design_wh: f64,
    /// Rate of charge or discharge (W).
    pub energy_rate_w: f64,
    /// Health: full capacity now relative to design, in percent (0–100).
    pub capacity_percent: f64,
    /// Charge cycles, when the battery reports them.
    pub charge_cycles: Option<u32>,
}

/// What the power panel (and the greeter's status area) shows about supply.
#[derive(Debug, Clone, PartialEq)]
pub struct PowerSupplyState {
    /// Whether the system runs on battery.
    pub on_battery: bool,
    /// Whether mains power is connected, when the machine has a mains adapter.
    pub line_power: Option<bool>,
    /// System batteries (not mice or headsets).
    pub batteries: Vec<Battery>,
}

/// What can go wrong talking to UPower.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UPowerError {
    /// UPower is not running.
    #[error("UPower is not running")]
    Unavailable(DbusFailure),
    /// UPower owns its name but did not answer in time (hung).
    #[error("UPower did not answer in time: {0}")]
    NoAnswer(DbusFailure),
    /// Any other failure.
    #[error("UPower failed: {0}")]
    Failed(DbusFailure),
}

impl From<zbus::Error> for UPowerError {
    fn from(error: zbus::Error) -> Self {
        let failure = DbusFailure::from(error);
        if failure.is_absence() {
            Self::Unavailable(failure)
        } else if failure.kind() == crate::error::FailureKind::Timeout {
            Self::NoAnswer(failure)
        } else {
            Self::Failed(failure)
        }
    }
}

fn seconds(value: i64) -> Option<Duration> {
    u64::try_from(value)
        .ok()
        .filter(|seconds| *seconds > 0)
        .map(Duration::from_secs)
}

/// Health in percent: UPower's `Capacity`, or full/design when it gives none.
pub fn health_percent(capacity: f64, energy_full: f64, energy_full_design: f64) -> f64 {
    if capacity > 0.0 {
        capacity.min(100.0)
    } else if energy_full_design > 0.0 {
        (energy_full / energy_full_design * 100.0).min(100.0)
    } else {
        0.0
    }
}

async fn battery(proxy: &DeviceProxy<'_>, path: String) -> Result<Battery, zbus::Error> {
    let energy_full_wh = proxy.energy_full().await?;
    let energy_full_design_wh = proxy.energy_full_design().await?;
    Ok(Battery {
        path,
        vendor: proxy.vendor().await?,
        model: proxy.model().await?,
        percentage: proxy.percentage().await?,
        state: BatteryState::from_code(proxy.state().await?),
        time_to_empty: seconds(proxy.time_to_empty().await?),
        time_to_full: seconds(proxy.time_to_full().await?),
        energy_wh: proxy.energy().await?,
        energy_full_wh,
        energy_full_design_wh,
        energy_rate_w: proxy.energy_rate().await?,
        capacity_percent: health_percent(
            proxy.capacity().await?,
            energy_full_wh,
            energy_full_design_wh,
        ),
        charge_cycles: u32::try_from(proxy.charge_cycles().await?)
            .ok()
            .filter(|cycles| *cycles > 0),
    })
}

/// Reads UPower's current view of the power supply.
pub async fn snapshot(connection: Connection) -> Result<PowerSupplyState, UPowerError> {
    let upower = UPowerProxy::builder(&connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?;
    let on_battery = upower.on_battery().await?;
    let mut line_power = None;
    let mut batteries = Vec::new();
    for path in upower.enumerate_devices().await? {
        let device = DeviceProxy::builder(&connection)
            .path(path.clone())?
            .cache_properties(zbus::proxy::CacheProperties::Yes)
            .build()
            .await?;
        match device.type_().await? {
            TYPE_LINE_POWER if device.power_supply().await? => {
                line_power = Some(line_power.unwrap_or(false) || device.online().await?);
            }
            TYPE_BATTERY if device.power_supply().await? && device.is_present().await? => {
                batteries.push(battery(&device, path.to_string()).await?);
            }
            _ => {}
        }
    }
    batteries.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(PowerSupplyState {
        on_battery,
        line_power,
        batteries,
    })
}

/// Follows UPower: a snapshot now and after every change (including batteries
/// added or removed), and the daemon's disappearance and return.
///
/// A hung UPower (it owns its name but a read did not answer in time,
/// [`UPowerError::NoAnswer`]) announces nothing when it resumes, so after such a read the
/// stream reads again every 2 s (each read bounded by the connection's method timeout)
/// until UPower answers.
pub fn watch_state(
    bus: SystemBus,
) -> impl Stream<Item = ServiceUpdate<PowerSupplyState, UPowerError>> + Send {
    watch_through_hangs(bus, WATCHED, snapshot, |error| {
        matches!(error, UPowerError::NoAnswer(_))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_parse() {
        assert_eq!(BatteryState::from_code(2), BatteryState::Discharging);
        assert_eq!(BatteryState::from_code(4), BatteryState::FullyCharged);
        assert_eq!(BatteryState::from_code(99), BatteryState::Unknown);
    }

    #[test]
    fn health_prefers_capacity_then_ratio() {
        assert!((health_percent(75.0, 60.0, 80.0) - 75.0).abs() < 1e-9);
        assert!((health_percent(0.0, 60.0, 80.0) - 75.0).abs() < 1e-9);
        assert!((health_percent(0.0, 60.0, 0.0)).abs() < 1e-9);
        assert!((health_percent(120.0, 0.0, 0.0) - 100.0).abs() < 1e-9);
    }

    #[test]
    fn non_positive_times_are_unknown() {
        assert_eq!(seconds(0), None);
        assert_eq!(seconds(-5), None);
        assert_eq!(seconds(90), Some(Duration::from_secs(90)));
    }
}
