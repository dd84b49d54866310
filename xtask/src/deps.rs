//! `cargo xtask deps`: installs the Debian packages the tests, the demo and the benchmark need,
//! only those that are missing.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ferrum_testbed::network::{RESOLVED_BINARY, RESOLVED_TOOLS_DIR, resolved_root_in};

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
    // The Date & Time and Region pages' bed: systemd-timedated and systemd-localed (package
    // `systemd`, above) outside PID 1; the zones people choose from and their offsets.
    "tzdata",
    // The user list of the greeter: the real accounts-daemon.
    "accountsservice",
    // The authentication agent's bed: the real polkitd and its setuid helper
    // (`polkit-agent-helper-1`), which checks passwords through PAM (`libpam-runtime`).
    "polkitd",
    "libpam-runtime",
    // The network bed: the real NetworkManager in a network namespace, a veth to a peer
    // namespace with dnsmasq (DHCP) and unbound (plain DNS and DNS-over-TLS with a test CA
    // made by openssl); `ip netns`, `unshare` and `setpriv` set the namespaces up.
    // systemd-resolved is not installed (that would replace /etc/resolv.conf): see
    // `ensure_resolved`.
    "network-manager",
    "dnsmasq-base",
    "unbound",
    "openssl",
    "iproute2",
    "util-linux",
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
    // services::bluetooth links libdbus through bluer (found with pkg-config).
    "libdbus-1-dev",
    "xkb-data",
    // The hotspot's QR code is read back from its snapshot by a real QR decoder.
    "zbar-tools",
    // Sound: services::audio links libpipewire through the `pipewire` crate (its headers, and
    // libclang for bindgen); the audio bed runs the real PipeWire and WirePlumber, and its
    // helpers use `wpctl`, `pw-dump`, `pw-metadata` and `pw-play`.
    "libpipewire-0.3-dev",
    "libspa-0.2-dev",
    "libclang-dev",
    "pipewire",
    "pipewire-bin",
    "wireplumber",
    // OpenVPN import: NetworkManager's OpenVPN plugin (the real NetworkManager of the test
    // bed checks the imported profile against it).
    "network-manager-openvpn",
    // Printing bed: the real cupsd (its D-Bus notifier included) with the IPP tools (`ipptool`,
    // `ippeveprinter`, `ippfind`) and the client commands (`lpstat`, `lp`, `lpadmin`); the
    // filters that render a job for an IPP Everywhere queue; cups-pk-helper, the D-Bus
    // mechanism for admin changes; avahi-daemon, through whose D-Bus API the virtual printer
    // is discovered (avahi-utils' `avahi-browse` is not needed: the tests call the API).
    "cups-daemon",
    "cups-client",
    "cups-ipp-utils",
    "cups-filters",
    "cups-pk-helper",
    "avahi-daemon",
    // Firmware bed: the real fwupd daemon (with `fwupdmgr`, and `fwupdtool build-cabinet`,
    // which makes the bed's test cabinet) and its test plugin's devices; its host-emulation
    // files (`/usr/share/fwupd/host-emulate.d`) give the HSI attributes of a real laptop.
    "fwupd",
    // Apps: services::apps links libflatpak through the `libflatpak` crate (its headers pull
    // glib's and ostree's, and pkg-config); the apps bed runs the real `flatpak` command
    // (build-export, remote-add, install) and signs its repo with a test key made by gpg
    // (gpg-agent holds the key while signing).
    "libflatpak-dev",
    "flatpak",
    "gpg",
    "gpg-agent",
    // Portals: the real xdg-desktop-portal frontend, which the portal bed runs on its session
    // bus in front of our Settings backend (`ferrum-portal`).
    "xdg-desktop-portal",
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

/// Installs whatever in [`PACKAGES`] is missing, then unpacks systemd-resolved for the test
/// bed ([`ensure_resolved`]).
pub fn run() -> Result<()> {
    install_packages()?;
    ensure_resolved()
}

/// Installs whatever in [`PACKAGES`] is missing.
fn install_packages() -> Result<()> {
    install(PACKAGES)
}

/// Installs whatever in `packages` is missing (Debian packages, as root).
pub fn install(packages: &[&str]) -> Result<()> {
    let mut missing = Vec::new();
    for package in packages {
        if installed(package)? {
            println!("  present    {package}");
        } else {
            println!("  missing    {package}");
            missing.push(*package);
        }
    }
    if missing.is_empty() {
        println!("deps: all {} packages already present", packages.len());
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
    apt_get(&["update"])?;
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend(missing.iter().copied());
    apt_get(&install)?;
    for package in &missing {
        if !installed(package)? {
            return Err(format!("deps: {package} is still not installed after apt-get").into());
        }
        println!("  installed  {package}");
    }
    println!(
        "deps: installed {} package(s), {} already present",
        missing.len(),
        packages.len() - missing.len()
    );
    Ok(())
}

/// Downloads the `systemd-resolved` package of the installed systemd's version and unpacks it
/// into `<target>/tools/systemd-resolved/root`, where the test bed looks for it
/// (`ferrum_testbed::network::resolved_root`). It is not installed: installing it replaces
/// the machine's /etc/resolv.conf. Done again only when the installed systemd changes (the
/// version unpacked is in `<target>/tools/systemd-resolved/version`).
fn ensure_resolved() -> Result<()> {
    let target = util::target_dir()?;
    let dir = target.join(RESOLVED_TOOLS_DIR);
    let root = resolved_root_in(&target);
    let stamp = dir.join("version");
    let systemd = util::dpkg_version("systemd")
        .ok_or("deps: systemd is not installed, so systemd-resolved cannot be matched to it")?;
    let unpacked = fs::read_to_string(&stamp).unwrap_or_default();
    if root.join(RESOLVED_BINARY).is_file() && unpacked.trim() == systemd {
        println!(
            "  present    systemd-resolved {systemd} (unpacked in {})",
            root.display()
        );
        return Ok(());
    }

    let download = dir.join("download");
    remove_dir_if_present(&download)?;
    fs::create_dir_all(&download)?;
    // The same version as systemd: resolved links systemd's private libsystemd-shared.
    let exact = format!("systemd-resolved={systemd}");
    let mut downloaded = apt_download(&download, &exact)?;
    if !downloaded && update_lists()? {
        // A fresh machine may have no package lists yet.
        downloaded = apt_download(&download, &exact)?;
    }
    if !downloaded {
        println!("deps: {exact} is not in the archive; taking the candidate version");
        if !apt_download(&download, "systemd-resolved")? {
            return Err("deps: `apt-get download systemd-resolved` failed".into());
        }
    }
    let deb = deb_in(&download)?;

    let staging = dir.join("root.new");
    remove_dir_if_present(&staging)?;
    util::run(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&staging))?;
    if !staging.join(RESOLVED_BINARY).is_file() {
        return Err(format!("deps: {} has no {RESOLVED_BINARY}", deb.display()).into());
    }
    remove_dir_if_present(&root)?;
    fs::rename(&staging, &root)?;
    let version = util::output_of(
        Command::new("dpkg-deb")
            .args(["-f"])
            .arg(&deb)
            .arg("Version"),
    )
    .unwrap_or(systemd);
    fs::write(&stamp, format!("{version}\n"))?;
    remove_dir_if_present(&download)?;
    println!(
        "  unpacked   systemd-resolved {version} into {} (not installed)",
        root.display()
    );
    Ok(())
}

/// `apt-get download <package>` in `dir`; whether it succeeded.
fn apt_download(dir: &Path, package: &str) -> Result<bool> {
    let mut command = Command::new("apt-get");
    command.args(["download", "-q", package]);
    if rustix::process::geteuid().is_root() {
        // Root downloads itself: the sandbox user `_apt` may not reach the target folder.
        command.args(["-o", "APT::Sandbox::User=root"]);
    }
    let status = command
        .current_dir(dir)
        .stdin(Stdio::null())
        .status()
        .map_err(|error| format!("could not run apt-get ({error})"))?;
    Ok(status.success())
}

/// `apt-get update` when root; whether it ran.
fn update_lists() -> Result<bool> {
    if !rustix::process::geteuid().is_root() {
        return Ok(false);
    }
    apt_get(&["update"])?;
    Ok(true)
}

/// How long `deps` waits for another package manager to let go of apt's locks (a fresh
/// machine often runs apt at boot).
const APT_LOCK_WAIT: Duration = Duration::from_secs(600);
/// How often it looks again meanwhile.
const APT_LOCK_POLL: Duration = Duration::from_secs(5);

/// `apt-get <args>` (non-interactive), waiting up to [`APT_LOCK_WAIT`] while another
/// process holds apt's or dpkg's lock, with a message, instead of failing at once.
fn apt_get(args: &[&str]) -> Result<()> {
    let deadline = Instant::now() + APT_LOCK_WAIT;
    let lock_timeout = format!("DPkg::Lock::Timeout={}", APT_LOCK_WAIT.as_secs());
    let mut waiting_said = false;
    loop {
        let mut command = Command::new("apt-get");
        command
            .args(["-o", &lock_timeout])
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .stdin(Stdio::null())
            .stderr(Stdio::piped());
        let line = util::display(&command);
        println!("$ {line}");
        let mut child = command
            .spawn()
            .map_err(|error| format!("could not start `{line}`: {error}"))?;
        let mut complaints = String::new();
        if let Some(mut stderr) = child.stderr.take() {
            let _ = stderr.read_to_string(&mut complaints);
        }
        let status = child.wait()?;
        eprint!("{complaints}");
        if status.success() {
            return Ok(());
        }
        if !is_lock_failure(&complaints) || Instant::now() >= deadline {
            return Err(format!("`{line}` failed ({status})").into());
        }
        if !waiting_said {
            println!(
                "deps: another package manager holds apt's lock; waiting for it (at most {} s)",
                APT_LOCK_WAIT.as_secs()
            );
            waiting_said = true;
        }
        std::thread::sleep(APT_LOCK_POLL);
    }
}

/// Whether apt-get failed because another process holds one of its locks.
fn is_lock_failure(stderr: &str) -> bool {
    stderr.lines().any(|line| {
        line.contains("Could not get lock")
            || line.contains("Unable to acquire the dpkg frontend lock")
            || line.contains("Unable to lock directory")
            || line.contains("is another process using it?")
    })
}

/// The one `.deb` in `dir`.
fn deb_in(dir: &Path) -> Result<PathBuf> {
    fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .find(|path| path.extension().is_some_and(|ext| ext == "deb"))
        .ok_or_else(|| format!("deps: no .deb in {} after apt-get download", dir.display()).into())
}

fn remove_dir_if_present(dir: &Path) -> Result<()> {
    match fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(format!("could not remove {}: {error}", dir.display()).into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apt_lock_failures_are_recognised() {
        let busy = "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 812 (apt-get)\n\
                    E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?\n";
        assert!(is_lock_failure(busy));
        assert!(is_lock_failure(
            "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 77 (apt-get)\nE: Unable to lock directory /var/lib/apt/lists/\n"
        ));
        assert!(!is_lock_failure("E: Unable to locate package frobnicate\n"));
        assert!(!is_lock_failure(""));
    }
}
