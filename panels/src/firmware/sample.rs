//! A sample of what fwupd reports — a webcam with an update, a dock being updated, this
//! computer's processor — for the page's unit tests and the demo's and snapshots' drawings
//! (which show the page without fwupd).

use ferrum_services::SystemBus;
use ferrum_services::firmware::{
    Checksum, Device, DeviceFlags, Progress, Release, ReleaseFlags, Snapshot, Status, TextBlock,
    Update, UpdateState, Urgency,
};

use super::progress::{Run, Step, Target};
use super::{Message, Page, Refresh, State};

/// The webcam's id.
pub const WEBCAM: &str = "08d460be0f1f9f128413f816022a6439e0078018";
/// The dock's id.
pub const DOCK: &str = "3f8e6c1b2b7a4d9e8c0f1a2b3c4d5e6f70819203";
/// The processor's id.
pub const CPU: &str = "4bde70ba4e39b28f9eab1628f9dd6e6244c03027";

const UPDATABLE: u64 = 1 << 1;
const INTERNAL: u64 = 1 << 0;
const USABLE_DURING_UPDATE: u64 = 1 << 29;

fn device(id: &str, name: &str, vendor: &str, version: &str, flags: u64) -> Device {
    Device {
        id: id.to_owned(),
        parent_id: None,
        name: name.to_owned(),
        vendor: Some(vendor.to_owned()),
        summary: None,
        version: Some(version.to_owned()),
        version_lowest: None,
        version_bootloader: None,
        plugin: None,
        flags: DeviceFlags(flags),
        problems: 0,
        update_state: UpdateState::Unknown,
        update_error: None,
        update_message: None,
        icons: Vec::new(),
        install_duration: None,
    }
}

/// A release of `version`, `size` bytes, with release notes.
pub fn release(version: &str, size: u64, urgency: Urgency) -> Release {
    Release {
        appstream_id: Some("org.example.firmware".to_owned()),
        remote_id: Some("lvfs".to_owned()),
        name: None,
        version: version.to_owned(),
        summary: None,
        description: vec![
            TextBlock::Paragraph("This release fixes the picture in low light.".to_owned()),
            TextBlock::Bullet("Less noise in dark rooms.".to_owned()),
            TextBlock::Bullet("Faster white balance.".to_owned()),
        ],
        size,
        checksums: vec![Checksum::from_hex(&"ab".repeat(32))],
        urgency,
        locations: vec!["file:///var/cache/firmware/update.cab".to_owned()],
        filename: Some("update.cab".to_owned()),
        flags: ReleaseFlags(0b111),
        vendor: None,
        license: None,
        details_url: None,
        update_message: None,
        created: None,
        install_duration: None,
    }
}

/// The webcam (update to 1.2.4 offered), the dock (update to 4.5 offered), the processor.
pub fn snapshot() -> Snapshot {
    let mut upgrades = std::collections::BTreeMap::new();
    upgrades.insert(
        WEBCAM.to_owned(),
        vec![release("1.2.4", 65_536, Urgency::High)],
    );
    upgrades.insert(
        DOCK.to_owned(),
        vec![release("4.5", 2_400_000, Urgency::Medium)],
    );
    Snapshot {
        daemon_version: "2.0.20".to_owned(),
        host_security_id: None,
        devices: vec![
            device(CPU, "Intel Core i7-1185G7", "Intel", "0x000000b4", INTERNAL),
            device(
                WEBCAM,
                "Integrated Webcam™",
                "Acme Corp.",
                "1.2.2",
                UPDATABLE | USABLE_DURING_UPDATE,
            ),
            device(DOCK, "USB-C Dock", "Example Docks Ltd.", "4.3", UPDATABLE),
            // A nameless helper: not listed.
            device(
                "9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b",
                "",
                "Acme Corp.",
                "1.0",
                UPDATABLE,
            ),
        ],
        upgrades,
        security: Vec::new(),
        progress: Progress::default(),
    }
}

/// When the sample's metadata was last refreshed (seconds since the epoch).
pub const CHECKED: u64 = 1_796_000_000;

/// A page with the sample's devices, metadata checked an hour ago, nothing under way.
pub fn page() -> State {
    let mut state = State::on(SystemBus::with_address("unix:path=/nonexistent"));
    let _ = state.update(Message::Watched(Update::Available(snapshot())));
    state.refresh = Refresh::Fresh {
        last: Some(CHECKED),
        now: CHECKED + 3600,
    };
    state
}

/// The demo's page: the webcam's update offered, the dock's being written at 40 %.
pub fn in_progress() -> State {
    let mut state = page();
    let snapshot = snapshot();
    let release = snapshot.upgrades_for(DOCK)[0].clone();
    state.run = Run::Active {
        target: Target {
            device_id: DOCK.to_owned(),
            device_name: "USB-C Dock".to_owned(),
            release,
        },
        step: Step::Writing,
        percent: Some(40),
    };
    let _ = state.update(Message::Watched(Update::Progress(Progress {
        status: Status::DeviceWrite,
        percentage: 40,
    })));
    state
}
