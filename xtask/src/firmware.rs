//! The Firmware and Device Security pages' fwupd for `demo` and `bench`: the firmware bed's
//! real fwupd ([`ferrum_testbed::firmware`]) runs in the demo system's test bed, in one of its
//! two flavours at a time (both own `org.freedesktop.fwupd`):
//!
//! - [`Service::Fwupd`] for the Firmware page: the test plugin's webcam at 1.2.2, 1.2.4
//!   offered by a local remote. Its write is slowed to [`WRITE_DELAY`] (the test plugin's
//!   most), so an update started by keys is still writing when the demo's screenshot is
//!   taken. A new fwupd process finds the webcam at 1.2.2 again: [`run_fwupd`] restarts it
//!   before each shot, so each one starts from the update on offer.
//! - [`Service::FwupdEmulatedHost`] for the Device Security page: a ThinkPad P1's host
//!   security checks (`HSI:2!`); the page's own facts (Secure Boot, TPM, PCR 11, the root)
//!   are this host's, read by the app.

use std::time::Duration;

use ferrum_testbed::firmware::{
    EMULATED_HSI, MAX_WRITE_DELAY, TEST_DEVICE_NAME, TEST_DEVICE_VERSION, UPDATE_VERSION,
};
use ferrum_testbed::{Service, TestBed};

use crate::util::Result;

/// The Firmware page's slug.
pub const FIRMWARE: &str = "firmware";
/// The Device Security page's slug.
pub const SECURITY: &str = "security";
/// How long the webcam's write takes in the demo and the bench.
pub const WRITE_DELAY: Duration = MAX_WRITE_DELAY;
/// Keys typed on the Firmware page, a group at a time with a pause after each: from
/// nothing focused, Shift+Tab focuses the page's last button, the webcam's Update, and
/// Return starts the update; fwupd's device request ("unplug and replug") then opens a
/// dialog with the keyboard on its Done, which Return closes, leaving the update writing.
pub const UPDATE_KEYS: &[&[&str]] = &[&["shift+Tab", "Return"], &["Return"]];
/// The variable that tells `panel-switch-bench` the bed runs fwupd (it then measures the
/// switches to Firmware and Device Security).
const BENCH_VARIABLE: &str = "FERRUM_BENCH_FWUPD";

/// Runs `service` (one of the two fwupd flavours) on the bed, freshly started, the other
/// flavour stopped first. [`Service::Fwupd`] writes for [`WRITE_DELAY`].
pub fn run_fwupd(bed: &mut TestBed, service: Service) -> Result<()> {
    let other = match service {
        Service::Fwupd => Service::FwupdEmulatedHost,
        Service::FwupdEmulatedHost => Service::Fwupd,
        other => return Err(format!("{} is not fwupd", other.label()).into()),
    };
    if bed.pid(other).is_some() {
        bed.stop_service(other)?;
    }
    if service == Service::Fwupd {
        bed.set_firmware_write_delay(WRITE_DELAY)?;
    }
    // Restarted when it runs: the webcam is back at its first version.
    bed.start_service(service)?;
    Ok(())
}

/// `panel-switch-bench`'s variable saying the bed runs fwupd.
pub fn bench_env() -> (&'static str, String) {
    (BENCH_VARIABLE, "1".to_owned())
}

/// What the demo's and the bench's fwupd shows, for the reports.
pub fn describe() -> String {
    format!(
        "the firmware bed's real fwupd: for Firmware, the test plugin's {TEST_DEVICE_NAME} at \
         {TEST_DEVICE_VERSION} with {UPDATE_VERSION} offered by a local remote (write slowed to \
         {} s); for Device Security, the emulated ThinkPad P1 ({EMULATED_HSI}) and this host's \
         own Secure Boot, TPM, PCR 11 and root facts",
        WRITE_DELAY.as_secs()
    )
}
