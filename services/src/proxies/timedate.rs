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
    /// SetTimezone method
    fn set_timezone(&self, timezone: &str, interactive: bool) -> zbus::Result<()>;

    /// Timezone property
    #[zbus(property)]
    fn timezone(&self) -> zbus::Result<String>;
}
