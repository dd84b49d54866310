//! The printing part of the test bed works: the real cupsd answers IPP on its own port, the
//! virtual IPP Everywhere printer is discovered through Avahi on the bed's bus, cups-pk-helper
//! adds a driverless queue for it (and is refused when polkit says no), a printed page lands
//! in the printer's output folder, cupsd's D-Bus notifier signals arrive on the bed's bus,
//! a killed and restarted cupsd keeps its queue, and the printer's state reasons and supplies
//! can be set. Needs root and `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::PathBuf;
use std::process::Output;
use std::thread;
use std::time::{Duration, Instant};

use ferrum_testbed::printing::{
    NOTIFIER_INTERFACE, PK_HELPER_BUS_NAME, PK_HELPER_INTERFACE, PRINTING, VIRTUAL_PRINTER_NAME,
};
use ferrum_testbed::{Service, TestBed};
use futures::StreamExt as _;

const QUEUE: &str = "Virtual";
const DEADLINE: Duration = Duration::from_secs(20);

fn stdout(output: &Output, what: &str) -> String {
    assert!(
        output.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

fn lpstat(bed: &TestBed, args: &[&str]) -> String {
    stdout(&bed.lpstat().args(args).output().unwrap(), "lpstat")
}

/// `PrinterAdd` through cups-pk-helper on the bed's bus; its output or error.
fn add_queue(bed: &TestBed) -> Output {
    bed.busctl()
        .args([
            "--timeout=60",
            "call",
            PK_HELPER_BUS_NAME,
            "/",
            PK_HELPER_INTERFACE,
            "PrinterAdd",
            "sssss",
            QUEUE,
            &bed.virtual_printer_uri(),
            "everywhere",
            "Virtual printer",
            "Lab",
        ])
        .output()
        .unwrap()
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + DEADLINE;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        thread::sleep(Duration::from_millis(100));
    }
}

fn output_files(dir: &PathBuf) -> Vec<String> {
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok())
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// An ipptool test file creating a `dbus://` subscription for every event.
const SUBSCRIBE: &str = r#"{
  OPERATION Create-Printer-Subscriptions
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR naturalLanguage attributes-natural-language en
  ATTR uri printer-uri $uri
  ATTR name requesting-user-name root
  GROUP subscription-attributes-tag
  ATTR uri notify-recipient-uri dbus://
  ATTR keyword notify-events all
  ATTR integer notify-lease-duration 0
  STATUS successful-ok
}
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cups_discovery_pk_helper_printing_notifier_and_restart() {
    let mut bed = tokio::task::block_in_place(|| TestBed::start(PRINTING)).unwrap();

    // cupsd answers IPP on its own port.
    assert_eq!(lpstat(&bed, &["-r"]), "scheduler is running");
    assert!(bed.cups_server().starts_with("http://127.0.0.1:"));

    // The virtual printer is discovered through Avahi on the bed's bus.
    let found = tokio::task::block_in_place(|| bed.browse_avahi("_ipp._tcp")).unwrap();
    assert!(
        found
            .iter()
            .any(|service| service.name == VIRTUAL_PRINTER_NAME && service.domain == "local"),
        "{found:?}"
    );

    // cups-pk-helper adds a driverless queue.
    let added = add_queue(&bed);
    assert_eq!(stdout(&added, "PrinterAdd"), r#"s """#);
    let devices = lpstat(&bed, &["-v"]);
    assert!(
        devices.contains(&format!("{QUEUE}: {}", bed.virtual_printer_uri())),
        "{devices}"
    );

    // A dbus:// subscription makes cupsd's notifier signal on the bed's bus.
    let test_file = bed.dir().join("subscribe.test");
    fs::write(&test_file, SUBSCRIBE).unwrap();
    let subscribed = bed
        .ipptool()
        .arg("-t")
        .arg(format!("ipp://127.0.0.1:{}/", bed.cups_port()))
        .arg(&test_file)
        .output()
        .unwrap();
    stdout(&subscribed, "ipptool Create-Printer-Subscriptions");
    let connection = zbus::connection::Builder::address(bed.system_bus_address())
        .unwrap()
        .build()
        .await
        .unwrap();
    let rule = zbus::MatchRule::builder()
        .msg_type(zbus::message::Type::Signal)
        .interface(NOTIFIER_INTERFACE)
        .unwrap()
        .build();
    let mut signals = zbus::MessageStream::for_match_rule(rule, &connection, Some(64))
        .await
        .unwrap();

    // A test page printed to the queue lands in the printer's output folder.
    let printed = bed
        .cups_command("lp")
        .args(["-d", QUEUE, "/usr/share/cups/data/testprint"])
        .output()
        .unwrap();
    stdout(&printed, "lp");
    let created = tokio::time::timeout(DEADLINE, async {
        while let Some(message) = signals.next().await {
            let message = message.unwrap();
            if message.header().member().map(|m| m.as_str()) == Some("JobCreated") {
                return;
            }
        }
    })
    .await;
    assert!(
        created.is_ok(),
        "no JobCreated signal from cupsd's notifier"
    );
    let output = bed.printer_output_dir();
    tokio::task::block_in_place(|| {
        wait_until("the printed page", || {
            output_files(&output)
                .iter()
                .any(|name| name.ends_with("testprint.pdf"))
        })
    });

    // Killed and restarted, cupsd still has the queue.
    tokio::task::block_in_place(|| {
        bed.kill_service(Service::Cups).unwrap();
        bed.start_service(Service::Cups).unwrap();
    });
    let devices = lpstat(&bed, &["-v"]);
    assert!(devices.contains(QUEUE), "{devices}");
}

#[test]
fn pk_helper_is_refused_when_polkit_says_no() {
    let bed = TestBed::start(PRINTING).unwrap();
    bed.set_polkit_allowed(false, &[]).unwrap();
    let refused = add_queue(&bed);
    assert!(!refused.status.success(), "PrinterAdd was not refused");
    let error = String::from_utf8_lossy(&refused.stderr);
    assert!(error.contains("Not Authorized"), "{error}");
    let devices = bed.lpstat().arg("-v").output().unwrap();
    assert!(!String::from_utf8_lossy(&devices.stdout).contains(QUEUE));

    // Allowing the one action is enough.
    bed.set_polkit_allowed(
        false,
        &["org.opensuse.cupspkhelper.mechanism.printer-remote-edit"],
    )
    .unwrap();
    let added = add_queue(&bed);
    assert_eq!(stdout(&added, "PrinterAdd"), r#"s """#);
}

#[test]
fn the_virtual_printer_reports_media_empty_and_low_toner() {
    let bed = TestBed::start(&[Service::Avahi, Service::VirtualPrinter]).unwrap();
    assert_eq!(bed.virtual_printer_state_reasons().unwrap(), "none");

    bed.set_virtual_printer_media_empty(true).unwrap();
    bed.set_virtual_printer_supplies(25, 5).unwrap();
    let reasons = bed.virtual_printer_state_reasons().unwrap();
    assert!(reasons.contains("media-empty"), "{reasons}");
    assert!(reasons.contains("toner-low"), "{reasons}");

    bed.set_virtual_printer_media_empty(false).unwrap();
    bed.set_virtual_printer_supplies(25, 75).unwrap();
    assert_eq!(bed.virtual_printer_state_reasons().unwrap(), "none");
}
