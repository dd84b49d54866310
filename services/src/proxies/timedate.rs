// Written by hand in the shape `cargo xtask proxies` gives (as the printing proxies were
// first), from systemd's documented `org.freedesktop.timedate1` interface
// (org.freedesktop.timedate1(5)); only what `services::timedate` uses.

//! # D-Bus interface proxy for: `org.freedesktop.timedate1`

use zbus::proxy;
#[proxy(
    interface = "org.freedesktop.timedate1",
    default_service = "org.freedesktop.timedate1",
    default_path = "/org/freedesktop/timedate1"
)]
pub trait Timedate {
    /// SetTime method: `usec_utc` microseconds since the epoch (or relative to now when
    /// `relative`).
    fn set_time(&self, usec_utc: i64, relative: bool, interactive: bool) -> zbus::Result<()>;

    /// SetTimezone method
    fn set_timezone(&self, timezone: &str, interactive: bool) -> zbus::Result<()>;

    /// SetNTP method
    #[zbus(name = "SetNTP")]
    fn set_ntp(&self, use_ntp: bool, interactive: bool) -> zbus::Result<()>;

    /// CanNTP property
    #[zbus(property, name = "CanNTP")]
    fn can_ntp(&self) -> zbus::Result<bool>;

    /// LocalRTC property
    #[zbus(property, name = "LocalRTC")]
    fn local_rtc(&self) -> zbus::Result<bool>;

    /// NTP property
    #[zbus(property, name = "NTP")]
    fn ntp(&self) -> zbus::Result<bool>;

    /// NTPSynchronized property
    #[zbus(property, name = "NTPSynchronized")]
    fn ntp_synchronized(&self) -> zbus::Result<bool>;

    /// TimeUSec property
    #[zbus(property, name = "TimeUSec")]
    fn time_usec(&self) -> zbus::Result<u64>;

    /// Timezone property
    #[zbus(property)]
    fn timezone(&self) -> zbus::Result<String>;
}
