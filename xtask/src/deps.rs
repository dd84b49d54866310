//! `cargo xtask deps`: installs the Debian packages the tests, the demo and the benchmark need,
//! only those that are missing.

use std::process::Command;

use crate::util::{self, Result};

/// Every Debian package the project needs at run or test time. Add new ones here.
pub const PACKAGES: &[&str] = &[
    // Private system bus and the daemons of the test bed.
    "dbus",
    // `busctl`, which the test bed uses to wait for bus names (not pulled in by the others).
    "systemd",
    "power-profiles-daemon",
    "upower",
    "umockdev",
    "python3-dbusmock",
    // The user list of the greeter: the real accounts-daemon.
    "accountsservice",
    // Headless Wayland for the demo and the benchmark: compositor, screenshots, key presses.
    "sway",
    "grim",
    "wtype",
    // Self-voicing: speech-dispatcher with espeak-ng; sox measures the WAV it writes.
    "speech-dispatcher",
    "speech-dispatcher-espeak-ng",
    "sox",
    // AT-SPI: the accessibility bus and a real AT-SPI client for the tests; gdbus enables it.
    "at-spi2-core",
    "python3-pyatspi",
    "libglib2.0-bin",
    // What the app needs at run time: fonts for every shipped locale (CJK for ja) and the
    // Wayland/keyboard client libraries.
    "fonts-noto-core",
    "fonts-noto-cjk",
    "fonts-dejavu-core",
    "libwayland-client0",
    "libxkbcommon0",
    // The greeter compiles xkb keymaps itself to type in the chosen layout (links libxkbcommon).
    "libxkbcommon-dev",
    "xkb-data",
];

/// Whether dpkg reports `package` as installed.
fn installed(package: &str) -> Result<bool> {
    let output = Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .map_err(|error| {
            format!("could not run dpkg-query ({error}): `cargo xtask deps` needs Debian or a derivative")
        })?;
    // Exit code 1 (and a message on stderr) means dpkg has never heard of the package.
    Ok(output.status.success()
        && String::from_utf8_lossy(&output.stdout).trim() == "install ok installed")
}

/// Installs whatever in [`PACKAGES`] is missing.
pub fn run() -> Result<()> {
    let mut missing = Vec::new();
    for package in PACKAGES {
        if installed(package)? {
            println!("  present    {package}");
        } else {
            println!("  missing    {package}");
            missing.push(*package);
        }
    }
    if missing.is_empty() {
        println!("deps: all {} packages already present", PACKAGES.len());
        return Ok(());
    }

    let install = format!(
        "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends {}",
        missing.join(" ")
    );
    if !rustix::process::geteuid().is_root() {
        return Err(format!(
            "deps: {} package(s) missing and installing them needs root; run:\n  sudo sh -c '{install}'",
            missing.len()
        )
        .into());
    }
    util::run(Command::new("apt-get").arg("update"))?;
    util::run(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    for package in &missing {
        if !installed(package)? {
            return Err(format!("deps: {package} is still not installed after apt-get").into());
        }
        println!("  installed  {package}");
    }
    println!(
        "deps: installed {} package(s), {} already present",
        missing.len(),
        PACKAGES.len() - missing.len()
    );
    Ok(())
}
