//! `services::firmware` against the real fwupd of the test bed (`ferrum_testbed::firmware`):
//! the snapshot shows the test webcam and the local remote's update as fwupd describes it,
//! installing it through the service reports every progress step and the device request and
//! changes the version; a cabinet whose checksum does not match is refused before fwupd sees
//! it; fwupd killed in the middle of an update is reported and recovered; the emulated host's
//! HSI level and attributes match `fwupdmgr security --json`. Needs root and `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::process::Stdio;
use std::time::Duration;

use ferrum_integration_tests::next_matching;
use ferrum_services::SystemBus;
use ferrum_services::firmware::{
    self, ChecksumKind, FirmwareError, Installed, Progress, Refreshed, Release, RemoteKind,
    Snapshot, Update, Urgency,
};
use ferrum_testbed::firmware::{
    EMULATED_HSI, REMOTE_ID, TEST_DEVICE_ID, TEST_DEVICE_NAME, TEST_DEVICE_VERSION, UPDATE_SIZE,
    UPDATE_VERSION,
};
use ferrum_testbed::{Service, TestBed};
use futures::Stream;

fn bed(services: &[Service]) -> (TestBed, SystemBus) {
    let bed = TestBed::start(services).expect("test bed starts");
    let bus = SystemBus::with_address(bed.system_bus_address());
    (bed, bus)
}

fn version_of(snapshot: &Snapshot) -> Option<&str> {
    snapshot
        .devices
        .iter()
        .find(|device| device.id == TEST_DEVICE_ID)
        .and_then(|device| device.version.as_deref())
}

async fn first_snapshot<S: Stream<Item = Update> + Unpin>(updates: &mut S) -> Snapshot {
    match next_matching(updates, "a snapshot", |update| {
        matches!(update, Update::Available(_))
    })
    .await
    .unwrap()
    {
        Update::Available(snapshot) => snapshot,
        _ => unreachable!(),
    }
}

/// The update fwupd offers for the test webcam, as the service decodes it.
fn offered(snapshot: &Snapshot) -> Release {
    let upgrades = snapshot.upgrades_for(TEST_DEVICE_ID);
    assert_eq!(upgrades.len(), 1, "{snapshot:#?}");
    upgrades[0].clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_update_installs_with_every_progress_step_and_the_request() {
    let (bed, bus) = bed(&[Service::Fwupd]);
    let mut updates = Box::pin(firmware::watch(bus.clone()));
    let snapshot = first_snapshot(&mut updates).await;
    assert!(snapshot.daemon_version.starts_with("2."), "{snapshot:?}");
    let device = snapshot
        .devices
        .iter()
        .find(|device| device.id == TEST_DEVICE_ID)
        .unwrap();
    assert_eq!(device.name, TEST_DEVICE_NAME);
    assert_eq!(device.version.as_deref(), Some(TEST_DEVICE_VERSION));
    assert!(device.flags.updatable());

    let release = offered(&snapshot);
    assert_eq!(release.version, UPDATE_VERSION);
    assert_eq!(release.remote_id.as_deref(), Some(REMOTE_ID));
    assert_eq!(release.size, UPDATE_SIZE);
    assert_eq!(release.urgency, Urgency::High);
    assert_eq!(
        release.description_text(),
        "This release fixes the picture in low light.\n\n\
         • Less noise in dark rooms.\n• Faster white balance."
    );
    assert!(
        release
            .checksums
            .iter()
            .any(|checksum| checksum.kind == ChecksumKind::Sha256
                && checksum.hex == bed.firmware_cabinet_sha256().unwrap()),
        "{release:?}"
    );
    assert_eq!(
        release.locations,
        vec![format!("file://{}", bed.firmware_cabinet().display())]
    );

    // The bed's remote is a directory: fwupd reads it itself.
    let connection = bus.connection().await.unwrap();
    let remotes = firmware::remotes(&connection).await.unwrap();
    assert_eq!(remotes.len(), 1, "{remotes:?}");
    assert_eq!(remotes[0].kind, RemoteKind::Directory);
    assert_eq!(
        firmware::refresh_metadata(&bus, REMOTE_ID).await,
        Ok(Refreshed::ReadByDaemon)
    );
    assert_eq!(
        firmware::refresh_metadata(&bus, "no-such-remote").await,
        Err(FirmwareError::UnknownRemote("no-such-remote".into()))
    );

    // Install through the service while the stream follows it.
    let installing = {
        let bus = bus.clone();
        let release = release.clone();
        tokio::spawn(async move { firmware::install(&bus, TEST_DEVICE_ID, &release).await })
    };
    let mut progress: Vec<Progress> = Vec::new();
    let mut requests = Vec::new();
    let done = next_matching(&mut updates, "a snapshot with the new version", |update| {
        match update {
            Update::Progress(step) => progress.push(*step),
            Update::Request(request) => requests.push(request.id.clone()),
            _ => {}
        }
        matches!(update, Update::Available(snapshot) if version_of(snapshot) == Some(UPDATE_VERSION))
    })
    .await
    .unwrap();
    assert_eq!(installing.await.unwrap(), Ok(Installed::Done));
    let percentages: BTreeSet<u32> = progress.iter().map(|step| step.percentage).collect();
    assert!(percentages.len() >= 3, "{progress:?}");
    for status in [
        firmware::Status::DeviceWrite,
        firmware::Status::DeviceVerify,
    ] {
        assert!(
            progress.iter().any(|step| step.status == status),
            "{status:?} in {progress:?}"
        );
    }
    assert_eq!(
        requests,
        ["org.freedesktop.fwupd.request.remove-replug"],
        "{progress:?}"
    );
    let Update::Available(after) = done else {
        unreachable!()
    };
    assert!(after.upgrades_for(TEST_DEVICE_ID).is_empty(), "{after:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cabinet_that_does_not_match_is_refused_before_fwupd_sees_it() {
    let (bed, bus) = bed(&[Service::Fwupd]);
    let connection = bus.connection().await.unwrap();
    let snapshot = firmware::snapshot(connection.clone()).await.unwrap();
    let mut release = offered(&snapshot);
    let mismatched = bed.write_mismatched_cabinet().unwrap();
    release.locations = vec![format!("file://{}", mismatched.display())];

    let monitor = bed
        .busctl()
        .args(["monitor", "--json=short", firmware::BUS_NAME])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let refused = firmware::install(&bus, TEST_DEVICE_ID, &release).await;
    let sha256 = bed.firmware_cabinet_sha256().unwrap();
    match &refused {
        Err(FirmwareError::ChecksumMismatch { expected, got }) => {
            assert_eq!(expected, &sha256);
            assert_ne!(got, &sha256);
        }
        other => panic!("{other:?}"),
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut monitor = monitor;
    monitor.kill().unwrap();
    let output = monitor.wait_with_output().unwrap();
    let seen = String::from_utf8_lossy(&output.stdout);
    assert!(!seen.contains("\"Install\""), "Install was called: {seen}");

    let after = firmware::snapshot(connection).await.unwrap();
    assert_eq!(version_of(&after), Some(TEST_DEVICE_VERSION));
    assert_eq!(after.upgrades_for(TEST_DEVICE_ID).len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn fwupd_killed_during_an_update_is_reported_and_recovered() {
    let (mut bed, bus) = bed(&[Service::Fwupd]);
    let mut updates = Box::pin(firmware::watch(bus.clone()));
    let snapshot = first_snapshot(&mut updates).await;
    let release = offered(&snapshot);
    let installing = {
        let bus = bus.clone();
        tokio::spawn(async move { firmware::install(&bus, TEST_DEVICE_ID, &release).await })
    };
    next_matching(&mut updates, "the device being written", |update| {
        matches!(update, Update::Progress(step) if step.status == firmware::Status::DeviceWrite)
    })
    .await
    .unwrap();
    bed.kill_service(Service::Fwupd).unwrap();
    let failed = installing.await.unwrap();
    assert!(
        matches!(failed, Err(FirmwareError::NotRunning(_))),
        "{failed:?}"
    );
    next_matching(&mut updates, "fwupd gone", |update| {
        matches!(update, Update::Unavailable)
    })
    .await
    .unwrap();

    bed.start_service(Service::Fwupd).unwrap();
    let back = match next_matching(&mut updates, "fwupd back", |update| {
        matches!(update, Update::Available(_))
    })
    .await
    .unwrap()
    {
        Update::Available(snapshot) => snapshot,
        _ => unreachable!(),
    };
    // The truth after the restart: the fake device starts over, the update is offered again.
    assert_eq!(version_of(&back), Some(TEST_DEVICE_VERSION));
    assert_eq!(offered(&back).version, UPDATE_VERSION);
    assert!(!back.progress.status.is_busy(), "{:?}", back.progress);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_emulated_hosts_security_matches_fwupdmgr() {
    let (bed, bus) = bed(&[Service::FwupdEmulatedHost]);
    let connection = bus.connection().await.unwrap();
    let snapshot = firmware::snapshot(connection.clone()).await.unwrap();
    let id = snapshot.host_security_id.clone().unwrap();
    assert_eq!(id.raw, EMULATED_HSI);
    assert_eq!(id.level, Some(2));
    assert!(id.runtime_issue && !id.is_invalid());

    let output = bed
        .fwupdmgr()
        .args(["security", "--json"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let theirs: BTreeSet<(String, u64, String)> = json["SecurityAttributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|attribute| {
            (
                attribute["AppstreamId"].as_str().unwrap().to_owned(),
                attribute["HsiLevel"].as_u64().unwrap_or(0),
                attribute["HsiResult"]
                    .as_str()
                    .unwrap_or("unknown")
                    .to_owned(),
            )
        })
        .collect();
    let ours: BTreeSet<(String, u64, String)> = snapshot
        .security
        .iter()
        .map(|attribute| {
            (
                attribute.appstream_id.clone(),
                u64::from(attribute.level),
                attribute.result.name().to_owned(),
            )
        })
        .collect();
    assert_eq!(ours, theirs);

    let report = firmware::get_security_report(connection).await.unwrap();
    assert!(
        report.starts_with(&format!("Host Security ID: {EMULATED_HSI}\n")),
        "{report}"
    );
    assert!(report.contains("org.fwupd.hsi.Uefi.SecureBoot"), "{report}");
}
