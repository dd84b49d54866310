//! `services::locale` against the real systemd-localed on the bed's bus (`Service::Localed`:
//! outside PID 1, in a mount namespace with copies of `/etc` and `/usr/lib/locale`): the
//! machine's language and keyboard are written to the copy (Debian's `/etc/default/locale`
//! and `/etc/default/keyboard`), never to this host's `/etc`. The caller is root, whom
//! localed lets through without asking polkit. Needs root and the packages of
//! `cargo xtask deps`. (The Region & Language page drives it in `region_page.rs`.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ferrum_services::SystemBus;
use ferrum_services::locale::{self, Keyboard};
use ferrum_testbed::{Service, TestBed};

#[tokio::test(flavor = "multi_thread")]
async fn the_machines_language_and_keyboard_go_to_the_copy_of_etc() {
    let host_locale = std::fs::read_to_string("/etc/default/locale").unwrap_or_default();
    let host_keyboard = std::fs::read_to_string("/etc/default/keyboard").ok();
    let bed = TestBed::start(&[Service::Localed]).expect("the real localed");
    let bus = SystemBus::with_address(bed.system_bus_address());
    let etc = bed.machine_etc(Service::Localed);

    locale::set_machine_locale(&bus, "de_DE.UTF-8", Some("en_GB.UTF-8"))
        .await
        .expect("SetLocale");
    let written = std::fs::read_to_string(etc.join("default/locale")).unwrap();
    assert!(written.contains("LANG=de_DE.UTF-8"), "{written}");
    assert!(written.contains("LC_TIME=en_GB.UTF-8"), "{written}");
    assert!(written.contains("LC_PAPER=en_GB.UTF-8"), "{written}");

    let keyboard = Keyboard {
        layout: "de,us".into(),
        model: "pc105".into(),
        variant: "nodeadkeys,".into(),
        options: "grp:alt_shift_toggle".into(),
    };
    locale::set_machine_keyboard(&bus, &keyboard)
        .await
        .expect("SetX11Keyboard");
    let written = std::fs::read_to_string(etc.join("default/keyboard")).unwrap();
    assert!(written.contains("XKBLAYOUT=de,us"), "{written}");
    assert!(
        written.contains("XKBOPTIONS=grp:alt_shift_toggle"),
        "{written}"
    );

    let connection = bus.connection().await.unwrap();
    let snapshot = locale::snapshot(connection).await.unwrap();
    assert_eq!(snapshot.variable("LANG"), Some("de_DE.UTF-8"));
    assert_eq!(snapshot.keyboard.layouts(), ["de", "us"]);

    // localed 252 here does not check a layout against xkb (it writes whatever it gets):
    // the page must offer only xkeyboard-config's layouts.
    assert_eq!(
        std::fs::read_to_string("/etc/default/locale").unwrap_or_default(),
        host_locale,
        "the host's locale"
    );
    assert_eq!(
        std::fs::read_to_string("/etc/default/keyboard").ok(),
        host_keyboard,
        "the host's keyboard"
    );
}
