// Written in the shape `cargo xtask proxies` (zbus-xmlgen 5.4.1) gives, from
// `services/interfaces/org.freedesktop.Avahi.ServiceBrowser.xml` (service
// `org.freedesktop.Avahi`, one object per browser). Regenerate once the xtask lists it.

//! # D-Bus interface proxy for: `org.freedesktop.Avahi.ServiceBrowser`
//!
//! Source: `org.freedesktop.Avahi.ServiceBrowser.xml`.

use zbus::proxy;
#[proxy(
    interface = "org.freedesktop.Avahi.ServiceBrowser",
    default_service = "org.freedesktop.Avahi"
)]
pub trait ServiceBrowser {
    /// Free method
    fn free(&self) -> zbus::Result<()>;

    /// Start method
    fn start(&self) -> zbus::Result<()>;

    /// AllForNow signal
    #[zbus(signal)]
    fn all_for_now(&self) -> zbus::Result<()>;

    /// CacheExhausted signal
    #[zbus(signal)]
    fn cache_exhausted(&self) -> zbus::Result<()>;

    /// Failure signal
    #[zbus(signal)]
    fn failure(&self, error: &str) -> zbus::Result<()>;

    /// ItemNew signal
    #[zbus(signal)]
    fn item_new(
        &self,
        interface: i32,
        protocol: i32,
        name: &str,
        type_: &str,
        domain: &str,
        flags: u32,
    ) -> zbus::Result<()>;

    /// ItemRemove signal
    #[zbus(signal)]
    fn item_remove(
        &self,
        interface: i32,
        protocol: i32,
        name: &str,
        type_: &str,
        domain: &str,
        flags: u32,
    ) -> zbus::Result<()>;
}
