// Written by hand in the shape `cargo xtask proxies` gives (as the timedate proxy), from
// systemd's documented `org.freedesktop.locale1` interface (org.freedesktop.locale1(5));
// only what `services::locale` uses.

//! # D-Bus interface proxy for: `org.freedesktop.locale1`

use zbus::proxy;
#[proxy(
    interface = "org.freedesktop.locale1",
    default_service = "org.freedesktop.locale1",
    default_path = "/org/freedesktop/locale1"
)]
pub trait Locale1 {
    /// SetLocale method: `LANG=…`, `LC_TIME=…` assignments.
    fn set_locale(&self, locale: &[&str], interactive: bool) -> zbus::Result<()>;

    /// SetX11Keyboard method
    #[zbus(name = "SetX11Keyboard")]
    fn set_x11_keyboard(
        &self,
        layout: &str,
        model: &str,
        variant: &str,
        options: &str,
        convert: bool,
        interactive: bool,
    ) -> zbus::Result<()>;

    /// Locale property
    #[zbus(property)]
    fn locale(&self) -> zbus::Result<Vec<String>>;

    /// VConsoleKeymap property
    #[zbus(property, name = "VConsoleKeymap")]
    fn vconsole_keymap(&self) -> zbus::Result<String>;

    /// X11Layout property
    #[zbus(property, name = "X11Layout")]
    fn x11_layout(&self) -> zbus::Result<String>;

    /// X11Model property
    #[zbus(property, name = "X11Model")]
    fn x11_model(&self) -> zbus::Result<String>;

    /// X11Variant property
    #[zbus(property, name = "X11Variant")]
    fn x11_variant(&self) -> zbus::Result<String>;

    /// X11Options property
    #[zbus(property, name = "X11Options")]
    fn x11_options(&self) -> zbus::Result<String>;
}
