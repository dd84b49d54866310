//! The firmware part of the test bed works: the real fwupd answers on the bed's bus with its
//! test plugin's fake webcam, the bed's local `directory` remote offers an update for it (with
//! its description, size and the cabinet's checksums), installing the cabinet changes the
//! device's version with `Status`/`Percentage` changes and a `DeviceRequest` on the bus, a
//! killed and restarted fwupd keeps its history, and the emulated ThinkPad reports an HSI
//! level and its attributes. Needs root and `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::io::{BufRead as _, BufReader};
use std::process::{Child, Output, Stdio};
use std::thread;
use std::time::Duration;

use ferrum_testbed::firmware::{
    BUS_NAME, EMULATED_HSI, RELEASE_DESCRIPTION, REMOTE_ID, TEST_DEVICE_GUID, TEST_DEVICE_ID,
    TEST_DEVICE_NAME, TEST_DEVICE_VERSION, UPDATE_SIZE, UPDATE_URGENCY, UPDATE_VERSION,
};
use ferrum_testbed::{Service, TestBed};
use serde_json::Value;

fn stdout(output: &Output, what: &str) -> String {
    assert!(
        output.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// `fwupdmgr <args> --json` on the bed's bus, parsed.
fn fwupdmgr_json(bed: &TestBed, args: &[&str]) -> Value {
    let output = bed
        .fwupdmgr()
        .args(args)
        .arg("--json")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let text = stdout(&output, &format!("fwupdmgr {args:?}"));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{error}: {text}"))
}

fn test_device(devices: &Value) -> &Value {
    devices["Devices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|device| device["DeviceId"] == TEST_DEVICE_ID)
        .unwrap_or_else(|| panic!("no test device in {devices:#}"))
}

fn device_version(bed: &TestBed) -> String {
    let devices = fwupdmgr_json(bed, &["get-devices"]);
    test_device(&devices)["Version"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn sha1(path: &std::path::Path) -> String {
    let output = std::process::Command::new("sha1sum")
        .arg(path)
        .output()
        .unwrap();
    stdout(&output, "sha1sum")
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

/// `busctl monitor` of fwupd's messages, one JSON object a line.
fn monitor(bed: &TestBed) -> Child {
    let child = bed
        .busctl()
        .args(["monitor", "--json=short", BUS_NAME])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Time to become a monitor.
    thread::sleep(Duration::from_millis(500));
    child
}

/// What the monitor saw: the `Status` and `Percentage` values in order, and the
/// `DeviceRequest` signals' `AppstreamId`s.
fn stop_monitor(mut child: Child) -> (Vec<u64>, Vec<u64>, Vec<String>) {
    child.kill().unwrap();
    child.wait().unwrap();
    let (mut statuses, mut percentages, mut requests) = (Vec::new(), Vec::new(), Vec::new());
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let Ok(message) = serde_json::from_str::<Value>(&line.unwrap()) else {
            continue;
        };
        let data = &message["payload"]["data"];
        match message["member"].as_str() {
            Some("PropertiesChanged") if data[0] == BUS_NAME => {
                if let Some(status) = data[1]["Status"]["data"].as_u64() {
                    statuses.push(status);
                }
                if let Some(percentage) = data[1]["Percentage"]["data"].as_u64() {
                    percentages.push(percentage);
                }
            }
            Some("DeviceRequest") => requests.push(
                data[0]["AppstreamId"]["data"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            ),
            _ => {}
        }
    }
    (statuses, percentages, requests)
}

#[test]
fn fwupd_offers_the_local_update_installs_it_and_survives_a_restart() {
    let mut bed = TestBed::start(&[Service::Fwupd]).unwrap();

    // fwupd answers on the bus, with the test device at its start version.
    let version = bed
        .get_property(BUS_NAME, "/", "org.freedesktop.fwupd", "DaemonVersion")
        .unwrap();
    assert!(version.starts_with("2."), "DaemonVersion {version}");
    let devices = fwupdmgr_json(&bed, &["get-devices"]);
    let device = test_device(&devices);
    assert_eq!(device["Name"], TEST_DEVICE_NAME);
    assert_eq!(device["Version"], TEST_DEVICE_VERSION);
    assert_eq!(device["Guid"][0], TEST_DEVICE_GUID);
    assert!(
        device["Flags"]
            .as_array()
            .unwrap()
            .contains(&"updatable".into())
    );

    // This machine's HSI: a level (INVALID in a VM) and attributes.
    let hsi = bed
        .get_property(BUS_NAME, "/", "org.freedesktop.fwupd", "HostSecurityId")
        .unwrap();
    assert!(hsi.starts_with("HSI:"), "HostSecurityId {hsi}");
    let security = fwupdmgr_json(&bed, &["security"]);
    assert!(
        security["SecurityAttributes"].as_array().unwrap().len() > 5,
        "{security:#}"
    );

    // The local remote offers the update, with what the page shows.
    let remotes = fwupdmgr_json(&bed, &["get-remotes"]);
    let remote = &remotes["Remotes"][0];
    assert_eq!(remote["Id"], REMOTE_ID);
    assert_eq!(remote["Kind"], "directory");
    let cabinet = bed.firmware_cabinet();
    let updates = fwupdmgr_json(&bed, &["get-updates"]);
    let release = &test_device(&updates)["Releases"][0];
    assert_eq!(release["Version"], UPDATE_VERSION);
    assert_eq!(release["Version"], bed.firmware_update_version());
    assert_eq!(release["Description"], RELEASE_DESCRIPTION);
    assert_eq!(release["Size"], UPDATE_SIZE);
    assert_eq!(release["RemoteId"], REMOTE_ID);
    let checksums: Vec<&str> = release["Checksum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|checksum| checksum.as_str().unwrap())
        .collect();
    let sha256 = bed.firmware_cabinet_sha256().unwrap();
    assert!(checksums.contains(&sha256.as_str()), "{checksums:?}");
    assert!(
        checksums.contains(&sha1(&cabinet).as_str()),
        "{checksums:?}"
    );
    assert_eq!(
        release["Locations"][0],
        format!("file://{}", cabinet.display())
    );
    // Urgency is on the bus, not in fwupdmgr's JSON.
    let upgrades = stdout(
        &bed.busctl()
            .args([
                "--json=short",
                "call",
                BUS_NAME,
                "/",
                "org.freedesktop.fwupd",
                "GetUpgrades",
                "s",
                TEST_DEVICE_ID,
            ])
            .output()
            .unwrap(),
        "GetUpgrades",
    );
    let upgrades: Value = serde_json::from_str(&upgrades).unwrap();
    assert_eq!(upgrades["data"][0][0]["Urgency"]["data"], UPDATE_URGENCY);

    // A cabinet for the same release with other bytes does not match the metadata.
    let mismatched = bed.write_mismatched_cabinet().unwrap();
    let mismatched_sha1 = sha1(&mismatched);
    assert!(!checksums.contains(&mismatched_sha1.as_str()));

    // Installing the cabinet changes the device's version, with progress on the bus.
    let watch = monitor(&bed);
    let install = bed
        .fwupdmgr()
        .args(["install", "--json"])
        .arg(&cabinet)
        .arg(bed.firmware_update_device_id())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    stdout(&install, "fwupdmgr install");
    thread::sleep(Duration::from_millis(300));
    let (statuses, percentages, requests) = stop_monitor(watch);
    assert_eq!(device_version(&bed), UPDATE_VERSION);
    let distinct: BTreeSet<u64> = percentages.iter().copied().collect();
    assert!(distinct.len() >= 3, "percentages {percentages:?}");
    // device-write, device-verify, back to idle.
    for status in [5, 6, 1] {
        assert!(statuses.contains(&status), "statuses {statuses:?}");
    }
    assert_eq!(
        requests,
        ["org.freedesktop.fwupd.request.remove-replug"],
        "statuses {statuses:?}"
    );

    // Killed and restarted: fwupd is back with its history; the fake device starts over.
    bed.kill_service(Service::Fwupd).unwrap();
    bed.start_service(Service::Fwupd).unwrap();
    assert_eq!(device_version(&bed), TEST_DEVICE_VERSION);
    let history = fwupdmgr_json(&bed, &["get-history"]).to_string();
    assert!(
        history.contains(TEST_DEVICE_ID) && history.contains(UPDATE_VERSION),
        "{history}"
    );
    let updates = fwupdmgr_json(&bed, &["get-updates"]);
    assert_eq!(
        test_device(&updates)["Releases"][0]["Version"],
        UPDATE_VERSION
    );
}

#[test]
fn emulated_host_reports_an_hsi_level_and_its_attributes() {
    let bed = TestBed::start(&[Service::FwupdEmulatedHost]).unwrap();
    let hsi = bed
        .get_property(BUS_NAME, "/", "org.freedesktop.fwupd", "HostSecurityId")
        .unwrap();
    assert_eq!(hsi, EMULATED_HSI);
    let security = fwupdmgr_json(&bed, &["security"]);
    let attributes = security["SecurityAttributes"].as_array().unwrap();
    let result = |id: &str| {
        attributes
            .iter()
            .find(|attribute| attribute["AppstreamId"] == id)
            .unwrap_or_else(|| panic!("no {id} in {security:#}"))["HsiResult"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(result("org.fwupd.hsi.Uefi.SecureBoot"), "enabled");
    assert_eq!(result("org.fwupd.hsi.Tpm.Version20"), "found");
    assert_eq!(result("org.fwupd.hsi.HostEmulation"), "enabled");
    assert_eq!(result("org.fwupd.hsi.PrebootDma"), "not-enabled");
    assert!(
        attributes
            .iter()
            .any(|attribute| attribute["HsiLevel"] == 3)
    );
}
