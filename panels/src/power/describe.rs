//! Words for what the power services report.

use std::time::Duration;

use ferrum_i18n::fl;
use ferrum_services::power_profiles::{Degradation, PowerProfilesError, Profile};
use ferrum_services::upower::BatteryState;

use ferrum_ui::error_report::ErrorReport;

/// The translated name of a profile.
pub fn profile_title(profile: &Profile) -> String {
    match profile {
        Profile::Performance => fl!("profile-performance"),
        Profile::Balanced => fl!("profile-balanced"),
        Profile::PowerSaver => fl!("profile-power-saver"),
        Profile::Other(name) => fl!("profile-unknown", name = name.clone()),
    }
}

/// The translated one-line description of a profile.
pub fn profile_description(profile: &Profile) -> String {
    match profile {
        Profile::Performance => fl!("profile-performance.desc"),
        Profile::Balanced => fl!("profile-balanced.desc"),
        Profile::PowerSaver => fl!("profile-power-saver.desc"),
        Profile::Other(_) => fl!("profile-unknown.desc"),
    }
}

/// Why performance is reduced, in words.
pub fn degradation_text(degradation: &Degradation) -> String {
    match degradation {
        Degradation::LapDetected => fl!("degraded-lap-detected"),
        Degradation::HighTemperature => fl!("degraded-high-temperature"),
        Degradation::Other(reason) => fl!("degraded-other", reason = reason.clone()),
    }
}

/// A failed profile change as the user sees it.
pub fn describe_change_error(error: &PowerProfilesError) -> ErrorReport {
    let summary = match error {
        PowerProfilesError::NotAuthorized(_) => fl!("power-profile-not-authorized"),
        PowerProfilesError::NotOffered(profile) => {
            fl!(
                "power-profile-not-offered",
                profile = profile_title(profile)
            )
        }
        PowerProfilesError::Unavailable(_) => fl!("power-profile-service-gone"),
        PowerProfilesError::NoAnswer(_) => fl!("power-profile-no-answer"),
        PowerProfilesError::Failed(_) => fl!("power-profile-failed"),
    };
    ErrorReport::new(summary, error.detail())
}

/// A battery's charging state in words.
pub fn battery_state_text(state: BatteryState) -> String {
    match state {
        BatteryState::Charging => fl!("battery-state-charging"),
        BatteryState::Discharging => fl!("battery-state-discharging"),
        BatteryState::Empty => fl!("battery-state-empty"),
        BatteryState::FullyCharged => fl!("battery-state-fully-charged"),
        BatteryState::PendingCharge => fl!("battery-state-pending-charge"),
        BatteryState::PendingDischarge => fl!("battery-state-pending-discharge"),
        BatteryState::Unknown => fl!("battery-state-unknown"),
    }
}

/// A duration as hours and minutes ("4 h 5 min", "35 min"), rounded to the minute.
pub fn format_duration(duration: Duration) -> String {
    let minutes_total = (duration.as_secs() + 30) / 60;
    let hours = minutes_total / 60;
    let minutes = minutes_total % 60;
    if hours > 0 {
        fl!("duration-hours-minutes", hours = hours, minutes = minutes)
    } else {
        fl!("duration-minutes", minutes = minutes)
    }
}
