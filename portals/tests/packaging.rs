//! The packaging files agree with the code and with the copies the image ships.

#![allow(clippy::expect_used, clippy::panic)]

use std::path::Path;

use ferrum_portal::BUS_NAME;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(path))
        .unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// `key=value` lines of an ini-style file.
fn value<'a>(text: &'a str, key: &str) -> Vec<&'a str> {
    text.lines()
        .filter_map(|line| line.trim().split_once('='))
        .filter(|(k, _)| k.trim() == key)
        .map(|(_, v)| v.trim())
        .collect()
}

#[test]
fn the_image_ships_the_same_files() {
    for (data, image) in [
        (
            "ferrum.portal",
            "usr/share/xdg-desktop-portal/portals/ferrum.portal",
        ),
        (
            "ferrum-portals.conf",
            "usr/share/xdg-desktop-portal/ferrum-portals.conf",
        ),
        (
            "org.freedesktop.impl.portal.desktop.ferrum.service",
            "usr/share/dbus-1/services/org.freedesktop.impl.portal.desktop.ferrum.service",
        ),
        (
            "ferrum-portal.service",
            "usr/lib/systemd/user/ferrum-portal.service",
        ),
    ] {
        assert_eq!(
            read(&format!("portals/data/{data}")),
            read(&format!("image/mkosi.extra/{image}")),
            "{image} differs from portals/data/{data}"
        );
    }
}

#[test]
fn every_file_names_the_backend_and_the_binary() {
    let portal = read("portals/data/ferrum.portal");
    assert_eq!(value(&portal, "DBusName"), [BUS_NAME]);
    assert_eq!(
        value(&portal, "Interfaces"),
        ["org.freedesktop.impl.portal.Settings;"]
    );
    assert_eq!(value(&portal, "UseIn"), ["ferrum"]);
    let conf = read("portals/data/ferrum-portals.conf");
    assert!(conf.contains("[preferred]"));
    assert_eq!(value(&conf, "default"), ["gtk"]);
    assert_eq!(
        value(&conf, "org.freedesktop.impl.portal.Settings"),
        ["ferrum"]
    );
    let activation = read("portals/data/org.freedesktop.impl.portal.desktop.ferrum.service");
    assert_eq!(value(&activation, "Name"), [BUS_NAME]);
    assert_eq!(
        value(&activation, "SystemdService"),
        ["ferrum-portal.service"]
    );
    let unit = read("portals/data/ferrum-portal.service");
    assert_eq!(value(&unit, "Type"), ["dbus"]);
    assert_eq!(value(&unit, "BusName"), [BUS_NAME]);
    assert_eq!(value(&unit, "ExecStart"), value(&activation, "Exec"));
    assert_eq!(value(&unit, "ExecStart"), ["/usr/libexec/ferrum-portal"]);
}
