//! An adapter's rfkill switch: how "Bluetooth off" outlives a reboot.
//!
//! BlueZ 5 does not store `Powered`: at boot `[Policy] AutoEnable` powers
//! every adapter whose radio is not blocked, and systemd-rfkill saves each
//! switch's soft block (in `/var/lib/systemd/rfkill/`, on the persistent
//! `/var`) and restores it when the switch appears. So the page's switch
//! turns the radio off as GNOME and KDE do: a soft block on the adapter's own
//! rfkill switch, then `Powered` false; on is the reverse. The person of the
//! active session may write `/dev/rfkill` (systemd's `uaccess` rule), no
//! administrator needed. An adapter without a switch in this kernel (a test
//! mock, a remote one) is only powered off and on.

use std::fs;
use std::io::{ErrorKind, Write as _};
use std::path::Path;

use super::{AdapterId, BluetoothError};

/// Where the kernel lists Bluetooth adapters.
const SYS_BLUETOOTH: &str = "/sys/class/bluetooth";
/// The kernel's rfkill control device.
const DEV_RFKILL: &str = "/dev/rfkill";

/// `RFKILL_TYPE_BLUETOOTH` (`linux/rfkill.h`).
const TYPE_BLUETOOTH: u8 = 2;
/// `RFKILL_OP_CHANGE`: change one switch, named by its index.
const OP_CHANGE: u8 = 2;

/// One rfkill switch, by its kernel index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Switch(u32);

/// The rfkill switch of `adapter` under `root` (`/sys/class/bluetooth`):
/// the `rfkillN` folder in the adapter's own folder, whose `index` says N.
pub(crate) fn switch_in(root: &Path, adapter: &AdapterId) -> Option<Switch> {
    let folder = root.join(adapter.as_str());
    fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().starts_with("rfkill"))
        .find_map(|entry| {
            fs::read_to_string(entry.path().join("index"))
                .ok()?
                .trim()
                .parse()
                .ok()
                .map(Switch)
        })
}

/// The event that sets one switch's soft block (`struct rfkill_event`, the
/// 8-byte first version every kernel takes).
pub(crate) fn change_event(switch: Switch, blocked: bool) -> [u8; 8] {
    let mut event = [0; 8];
    event[..4].copy_from_slice(&switch.0.to_ne_bytes());
    event[4] = TYPE_BLUETOOTH;
    event[5] = OP_CHANGE;
    event[6] = u8::from(blocked);
    event
}

/// Sets the soft block of `adapter`'s switch through `device`; returns
/// whether the adapter has a switch.
fn write_block(
    root: &Path,
    device: &Path,
    adapter: &AdapterId,
    blocked: bool,
) -> Result<bool, BluetoothError> {
    let Some(switch) = switch_in(root, adapter) else {
        return Ok(false);
    };
    let written = fs::OpenOptions::new()
        .write(true)
        .open(device)
        .and_then(|mut file| file.write_all(&change_event(switch, blocked)));
    match written {
        Ok(()) => Ok(true),
        Err(error) if error.kind() == ErrorKind::PermissionDenied => {
            Err(BluetoothError::NotPermitted)
        }
        Err(error) => Err(BluetoothError::Failed {
            reason: format!("rfkill: {error}"),
        }),
    }
}

/// Sets the soft block of `adapter`'s rfkill switch (off the async
/// threads: a sysfs read and a device write). `Ok(false)`: it has none.
pub(crate) async fn set_blocked(
    adapter: &AdapterId,
    blocked: bool,
) -> Result<bool, BluetoothError> {
    let adapter = adapter.clone();
    tokio::task::spawn_blocking(move || {
        write_block(
            Path::new(SYS_BLUETOOTH),
            Path::new(DEV_RFKILL),
            &adapter,
            blocked,
        )
    })
    .await
    .unwrap_or_else(|join| {
        Err(BluetoothError::Failed {
            reason: format!("rfkill: {join}"),
        })
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;
    use std::path::PathBuf;

    /// An adapter's folder with its switch, as the kernel lays it out.
    fn adapter_folder(root: &Path, adapter: &str, switch: &str, index: u32) -> PathBuf {
        let folder = root.join(adapter).join(switch);
        fs::create_dir_all(&folder).unwrap_or_else(|error| panic!("{error}"));
        fs::write(folder.join("index"), format!("{index}\n"))
            .unwrap_or_else(|error| panic!("{error}"));
        folder
    }

    #[test]
    fn the_switch_is_the_one_in_the_adapters_folder() {
        let root = tempfile::tempdir().unwrap();
        adapter_folder(root.path(), "hci0", "rfkill3", 3);
        adapter_folder(root.path(), "hci1", "rfkill7", 7);
        assert_eq!(
            switch_in(root.path(), &AdapterId::new("hci0")),
            Some(Switch(3))
        );
        assert_eq!(
            switch_in(root.path(), &AdapterId::new("hci1")),
            Some(Switch(7))
        );
        assert_eq!(switch_in(root.path(), &AdapterId::new("hci2")), None);
    }

    #[test]
    fn the_event_blocks_or_unblocks_one_bluetooth_switch() {
        let blocked = change_event(Switch(3), true);
        assert_eq!(&blocked[..4], &3u32.to_ne_bytes());
        assert_eq!(&blocked[4..], &[TYPE_BLUETOOTH, OP_CHANGE, 1, 0]);
        assert_eq!(change_event(Switch(3), false)[6], 0);
    }

    #[test]
    fn the_event_goes_to_the_device_and_no_switch_is_no_write() {
        let root = tempfile::tempdir().unwrap();
        adapter_folder(root.path(), "hci0", "rfkill0", 0);
        let device = root.path().join("rfkill-device");
        fs::write(&device, b"").unwrap();
        assert!(write_block(root.path(), &device, &AdapterId::new("hci0"), true).unwrap());
        assert_eq!(fs::read(&device).unwrap(), change_event(Switch(0), true));
        // An adapter the kernel has no switch for (a mock) is left to Powered.
        assert!(!write_block(root.path(), &device, &AdapterId::new("hci5"), true).unwrap());
        // A device that cannot be written is an error with the reason.
        let missing = root.path().join("absent/rfkill");
        assert!(matches!(
            write_block(root.path(), &missing, &AdapterId::new("hci0"), false),
            Err(BluetoothError::Failed { .. })
        ));
    }
}
