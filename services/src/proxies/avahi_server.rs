// Written in the shape `cargo xtask proxies` (zbus-xmlgen 5.4.1) gives, from
// `services/interfaces/org.freedesktop.Avahi.Server2.xml` (service `org.freedesktop.Avahi`,
// path `/`); only the methods `services::printers` uses. Regenerate once the xtask lists it.

//! # D-Bus interface proxy for: `org.freedesktop.Avahi.Server2`
//!
//! Source: `org.freedesktop.Avahi.Server2.xml` (avahi 0.8's `Server.xml`).

use zbus::proxy;
#[proxy(
    interface = "org.freedesktop.Avahi.Server2",
    default_service = "org.freedesktop.Avahi",
    default_path = "/"
)]
pub trait Server2 {
    /// GetAPIVersion method
    #[zbus(name = "GetAPIVersion")]
    fn get_apiversion(&self) -> zbus::Result<u32>;

    /// GetState method
    fn get_state(&self) -> zbus::Result<i32>;

    /// GetVersionString method
    fn get_version_string(&self) -> zbus::Result<String>;

    /// ResolveService method
    #[allow(clippy::too_many_arguments)]
    fn resolve_service(
        &self,
        interface: i32,
        protocol: i32,
        name: &str,
        type_: &str,
        domain: &str,
        aprotocol: i32,
        flags: u32,
    ) -> zbus::Result<(
        i32,
        i32,
        String,
        String,
        String,
        String,
        i32,
        String,
        u16,
        Vec<Vec<u8>>,
        u32,
    )>;

    /// ServiceBrowserPrepare method
    fn service_browser_prepare(
        &self,
        interface: i32,
        protocol: i32,
        type_: &str,
        domain: &str,
        flags: u32,
    ) -> zbus::Result<zbus::zvariant::OwnedObjectPath>;

    /// StateChanged signal
    #[zbus(signal)]
    fn state_changed(&self, state: i32, error: &str) -> zbus::Result<()>;
}
