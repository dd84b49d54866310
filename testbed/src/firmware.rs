//! The firmware bed: the real fwupd daemon (2.0, Debian's) on the bed's bus, with its test
//! plugin's device, a local metadata remote offering an update for that device, and — in a
//! second flavour — the host security (HSI) attributes of a real laptop.
//!
//! # The two flavours
//! fwupd cannot show its test devices and an emulated host at the same time: with
//! `FWUPD_HOST_EMULATE` set, `fu_engine_load` (fwupd 2.0.20, `src/fu-engine.c`) clears the
//! coldplug flag ("do not load actual hardware"), so no plugin — the test plugin included —
//! adds a device; only the emulated host's recorded devices appear, none of them updatable.
//! Hence two services owning the same bus name `org.freedesktop.fwupd` (a bed runs one of
//! them at a time; they share one state folder, as one machine would):
//!
//! - [`Service::Fwupd`](crate::Service::Fwupd): `/usr/libexec/fwupd/fwupd -v` with `[fwupd] TestDevices=true` and
//!   `FWUPD_MACHINE_KIND=physical`. Its devices are the test plugin's fake webcam
//!   ([`TEST_DEVICE_NAME`], id [`TEST_DEVICE_ID`], GUID [`TEST_DEVICE_GUID`], version
//!   [`TEST_DEVICE_VERSION`], protocol `com.acme.test`, flags `updatable`, `can-verify`,
//!   `unsigned-payload`, request flag `allow-generic-message`) and this machine's CPU (the
//!   `cpu` plugin, not updatable). Its HSI is this machine's: in a VM `HostSecurityId` is
//!   `HSI:INVALID:chassis[(null)] (v2.0.20)` and `GetHostSecurityAttrs` still lists each
//!   attribute (e.g. `org.fwupd.hsi.Uefi.SecureBoot` `not-enabled`, `org.fwupd.hsi.Iommu`
//!   `not-found`, `org.fwupd.hsi.Smap` `enabled`) — what the page shows on a VM.
//! - [`Service::FwupdEmulatedHost`](crate::Service::FwupdEmulatedHost): the same, plus `FWUPD_HOST_EMULATE=` a copy of fwupd's
//!   own `host-emulate.d/thinkpad-p1-iommu.json.gz` made valid (fwupd 2.0.20 refuses that file
//!   without a `BiosSettings` member; the wrapper adds `"BiosSettings": []`). `HostSecurityId`
//!   is `HSI:2! (v2.0.20)` ([`EMULATED_HSI`]): level 1 and 2 attributes pass
//!   (`org.fwupd.hsi.Uefi.SecureBoot` `enabled`, `org.fwupd.hsi.Tpm.Version20` `found`,
//!   `org.fwupd.hsi.IntelBootguard.Enabled` `enabled`, `org.fwupd.hsi.Iommu` `found`), level 3
//!   fails (`org.fwupd.hsi.PrebootDma` `not-enabled`, `org.fwupd.hsi.SuspendToRam` `enabled`),
//!   and `org.fwupd.hsi.HostEmulation` `enabled` is the runtime issue the `!` stands for. The
//!   devices are the ThinkPad's recorded ones (System Firmware 0.1.23, TPM, ME, …): no update
//!   applies to them.
//!
//! Both are ready when fwupd owns `org.freedesktop.fwupd`, which it takes after coldplug: the
//! device list is complete by then.
//!
//! # State
//! Everything lives under `<dir>/fwupd`: `FWUPD_SYSCONFDIR=<dir>/fwupd/etc` (fwupd reads
//! `etc/fwupd/fwupd.conf` and `etc/fwupd/remotes.d/*.conf` — not the host's LVFS remotes),
//! `FWUPD_LOCALSTATEDIR=<dir>/fwupd/var` (the history database `var/lib/fwupd/pending.db`, the
//! client certificate, metadata and quirk caches), `FWUPD_RUNDIR`, `FWUPD_LOCKDIR`. A killed
//! and restarted fwupd keeps all of it: `fwupdmgr get-history` still shows an earlier install.
//! The fake webcam itself has no memory: a new fwupd process finds it at
//! [`TEST_DEVICE_VERSION`] again (and offers the update again).
//!
//! # The local remote and its cabinet
//! `etc/fwupd/remotes.d/ferrum-test.conf` ([`REMOTE_ID`]) has `MetadataURI=file://<dir>/fwupd/
//! firmware`, a folder: fwupd 2.0 makes it a `directory` remote (`Kind` is `directory` in
//! `GetRemotes`). Such a remote needs no signature and no `fwupdmgr refresh`: fwupd builds the
//! metadata itself from every `*.cab` in the folder (and watches the files). The release it
//! offers is therefore marked `trusted-payload` + `trusted-metadata` (`TrustFlags` 7) and its
//! `Checksum` is the SHA-1 and SHA-256 of the cabinet file itself; `Locations` is
//! `file://<dir>/fwupd/firmware/webcam-1.2.4.cab`. No internet is involved anywhere.
//!
//! The cabinet ([`TestBed::firmware_cabinet`]) is made by `fwupdtool build-cabinet` when fwupd
//! first starts (kept across restarts) from `<dir>/fwupd/cabinet/firmware.bin` and
//! `firmware.metainfo.xml`: the metainfo provides [`TEST_DEVICE_GUID`], one release
//! [`UPDATE_VERSION`] with urgency `high`, `<size type="installed">` [`UPDATE_SIZE`] (fwupd
//! reports the release `Size` only from that element), the description
//! [`RELEASE_DESCRIPTION`] and `LVFS::UpdateProtocol` `com.acme.test`. The payload is what the
//! test plugin's `write_firmware` reads: its first 9 bytes parsed as an integer become the new
//! version as a triplet (`0x1020004` → `1.2.4`); the rest is filler up to [`UPDATE_SIZE`]
//! bytes.
//!
//! `GetUpgrades(TEST_DEVICE_ID)` (and `fwupdmgr get-updates --json`) lists that release with
//! `Version` `1.2.4`, `Description` (AppStream markup: `<p>…</p><ul><li>…</li></ul>`), `Size`
//! 65536, `Urgency` 3 (high), `Checksum` (comma-separated in the D-Bus dict), `Locations`,
//! `RemoteId` [`REMOTE_ID`], `Protocol`, `AppstreamId`, `Vendor`, `TrustFlags`.
//!
//! # Installing
//! fwupd's client contract: the client downloads the cabinet, checks it against the release's
//! `Checksum`, and passes an fd to `Install(device_id, fd, options)`. fwupd itself does not
//! compare the cabinet with the metadata, so the checksum check is the client's:
//! [`TestBed::write_mismatched_cabinet`] makes a valid cabinet for the same release whose
//! bytes differ (a different filler), for the test that such a download is refused before
//! `Install`. It lives outside the remote's folder (fwupd watches that folder and would
//! otherwise rebuild the metadata from it).
//!
//! The test plugin is slowed down (`[test]` in `fwupd.conf`: `DecompressDelay=300`,
//! `WriteDelay=1000`, `VerifyDelay=300` ms) so an install takes about 2.5 s with dozens of
//! `Percentage` changes, and `RequestSupported=true` makes every install emit one
//! `DeviceRequest` signal (`AppstreamId` `org.freedesktop.fwupd.request.remove-replug`,
//! `RequestKind` immediate, `UpdateMessage` "Please pretend to remove the device you cannot
//! see or touch and please re-insert it.") and wait `RequestDelay=500` ms. Seen on the bus
//! during `fwupdmgr install`: `Status` 3 (decompressing), 11 (waiting-for-auth), 12
//! (device-busy), 5 (device-write) with `Percentage` climbing 1…36, 14 (waiting-for-user) with
//! the `DeviceRequest`, then 5, 6 (device-verify), 4 (device-restart), `Percentage` 99, 100,
//! `DeviceChanged` with the new version and finally `Status` 1 (idle).
//!
//! The caller is root, which fwupd trusts without asking polkit (none is needed on the bed).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::network::{self, shell_quote};
use crate::spec::{Layout, Requirement, ServiceSpec};
use crate::{Error, TestBed};

/// fwupd's bus name (object `/`, interface `org.freedesktop.fwupd`).
pub const BUS_NAME: &str = "org.freedesktop.fwupd";
/// The test plugin's fake webcam's device id (the SHA-1 of its physical id; the same on every
/// machine and across restarts).
pub const TEST_DEVICE_ID: &str = "08d460be0f1f9f128413f816022a6439e0078018";
/// The fake webcam's GUID, which the cabinet's metainfo provides.
pub const TEST_DEVICE_GUID: &str = "b585990a-003e-5270-89d5-3705a17f9a43";
/// The fake webcam's name.
pub const TEST_DEVICE_NAME: &str = "Integrated Webcam™";
/// The fake webcam's version whenever fwupd starts.
pub const TEST_DEVICE_VERSION: &str = "1.2.2";
/// The version the local remote offers and the cabinet installs.
pub const UPDATE_VERSION: &str = "1.2.4";
/// The release's `Size`: the payload's size in bytes.
pub const UPDATE_SIZE: u64 = 65536;
/// The release's `Urgency` (`high`).
pub const UPDATE_URGENCY: u32 = 3;
/// The id of the local remote.
pub const REMOTE_ID: &str = "ferrum-test";
/// The release's `Description` as fwupd reports it (AppStream markup).
pub const RELEASE_DESCRIPTION: &str = "<p>This release fixes the picture in low light.</p>\
<ul><li>Less noise in dark rooms.</li><li>Faster white balance.</li></ul>";
/// The `HostSecurityId` of [`Service::FwupdEmulatedHost`](crate::Service::FwupdEmulatedHost).
pub const EMULATED_HSI: &str = "HSI:2! (v2.0.20)";

const FWUPD: &str = "/usr/libexec/fwupd/fwupd";
const FWUPDMGR: &str = "/usr/bin/fwupdmgr";
const FWUPDTOOL: &str = "/usr/bin/fwupdtool";
const GZIP: &str = "/usr/bin/gzip";
const SHA256SUM: &str = "/usr/bin/sha256sum";
const SH: &str = "/bin/sh";
const HOST_EMULATION: &str = "/usr/share/fwupd/host-emulate.d/thinkpad-p1-iommu.json.gz";
const CABINET_NAME: &str = "webcam-1.2.4.cab";
/// The payload's first 9 bytes: the version the test plugin sets, `1.2.4` as a triplet.
const PAYLOAD_VERSION: &str = "0x1020004";

const FWUPD_CONF: &str = "[fwupd]\nTestDevices=true\n\
[test]\nDecompressDelay=300\nWriteDelay=1000\nVerifyDelay=300\n\
RequestSupported=true\nRequestDelay=500\n";

/// The folders of the firmware bed inside a bed's folder.
fn root(layout: &Layout) -> PathBuf {
    layout.root.join("fwupd")
}

fn remote_dir(root: &Path) -> PathBuf {
    root.join("firmware")
}

fn cabinet_source_dir(root: &Path) -> PathBuf {
    root.join("cabinet")
}

/// The payload: the version, then `filler` lines up to [`UPDATE_SIZE`] bytes.
fn payload(filler: char) -> String {
    let size = usize::try_from(UPDATE_SIZE).unwrap_or(usize::MAX);
    let mut payload = String::with_capacity(size);
    payload.push_str(PAYLOAD_VERSION);
    while payload.len() < size {
        payload.push(if payload.len() % 64 == 63 {
            '\n'
        } else {
            filler
        });
    }
    payload
}

fn metainfo() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<component type="firmware">
  <id>org.ferrum.Testbed.Webcam.firmware</id>
  <name>Integrated Webcam</name>
  <summary>Firmware for the test bed's fake webcam</summary>
  <description><p>The fake webcam of fwupd's test plugin.</p></description>
  <provides>
    <firmware type="flashed">{TEST_DEVICE_GUID}</firmware>
  </provides>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>proprietary</project_license>
  <developer_name>ACME Corp.</developer_name>
  <releases>
    <release urgency="high" version="{UPDATE_VERSION}" date="2026-11-01">
      <size type="installed">{UPDATE_SIZE}</size>
      <description>{RELEASE_DESCRIPTION}</description>
    </release>
  </releases>
  <custom>
    <value key="LVFS::VersionFormat">triplet</value>
    <value key="LVFS::UpdateProtocol">com.acme.test</value>
  </custom>
</component>
"#
    )
}

fn remote_conf(remote_dir: &Path) -> String {
    format!(
        "[fwupd Remote]\nEnabled=true\nTitle=Ferrum test firmware\n\
         MetadataURI=file://{}\nApprovalRequired=false\n",
        remote_dir.display()
    )
}

/// `fwupdtool build-cabinet <cabinet> <payload> <metainfo>` as a shell command.
fn build_cabinet_command(cabinet: &Path, payload: &Path, metainfo: &Path) -> String {
    format!(
        "{FWUPDTOOL} build-cabinet {} {} {}",
        shell_quote(&cabinet.display().to_string()),
        shell_quote(&payload.display().to_string()),
        shell_quote(&metainfo.display().to_string()),
    )
}

/// [`Service::Fwupd`](crate::Service::Fwupd) (`emulate_host` false) or [`Service::FwupdEmulatedHost`](crate::Service::FwupdEmulatedHost) (true).
pub(crate) fn fwupd(layout: &Layout, emulate_host: bool) -> ServiceSpec {
    let root = root(layout);
    let quoted = |path: &Path| shell_quote(&path.display().to_string());
    let conf_dir = root.join("etc").join("fwupd");
    let remote = remote_dir(&root);
    let source = cabinet_source_dir(&root);
    let cabinet = remote.join(CABINET_NAME);
    let emulation = root.join("host-emulate.json");
    let mut env = vec![
        ("FWUPD_MACHINE_KIND", "physical".to_owned()),
        ("FWUPD_SYSCONFDIR", root.join("etc").display().to_string()),
        (
            "FWUPD_LOCALSTATEDIR",
            root.join("var").display().to_string(),
        ),
        ("FWUPD_RUNDIR", root.join("run").display().to_string()),
        ("FWUPD_LOCKDIR", root.join("lock").display().to_string()),
    ];
    // fwupd 2.0.20 rejects the shipped file without a BiosSettings member.
    let mut script = String::new();
    if emulate_host {
        env.push(("FWUPD_HOST_EMULATE", emulation.display().to_string()));
        script.push_str(&format!(
            "{GZIP} -dc {HOST_EMULATION} | sed '1s/^{{/{{\"BiosSettings\": [],/' > {} && ",
            quoted(&emulation)
        ));
    }
    // The cabinet is made once; a restarted fwupd finds the same one.
    script.push_str(&format!(
        "mkdir -p {run} {lock} {remote} && chmod 640 {conf} && \
         {{ [ -e {cabinet} ] || {build}; }} && exec {FWUPD} -v",
        run = quoted(&root.join("run")),
        lock = quoted(&root.join("lock")),
        remote = quoted(&remote),
        conf = quoted(&conf_dir.join("fwupd.conf")),
        cabinet = quoted(&cabinet),
        build = build_cabinet_command(
            &cabinet,
            &source.join("firmware.bin"),
            &source.join("firmware.metainfo.xml")
        ),
    ));
    let mut requires = vec![
        Requirement::package(FWUPD, "fwupd"),
        Requirement::package(FWUPDTOOL, "fwupd"),
        Requirement::package(FWUPDMGR, "fwupd"),
        Requirement::package(SH, "dash"),
    ];
    if emulate_host {
        requires.extend([
            Requirement::package(HOST_EMULATION, "fwupd"),
            Requirement::package(GZIP, "gzip"),
        ]);
    }
    ServiceSpec {
        requires,
        program: SH.into(),
        args: vec!["-c".to_owned(), script],
        env,
        env_remove: Vec::new(),
        files: vec![
            (conf_dir.join("fwupd.conf"), FWUPD_CONF.to_owned()),
            (
                conf_dir.join("remotes.d").join(format!("{REMOTE_ID}.conf")),
                remote_conf(&remote),
            ),
            (source.join("firmware.bin"), payload('F')),
            (source.join("firmware.metainfo.xml"), metainfo()),
        ],
        after_ready: Vec::new(),
        needs_network: false,
    }
}

impl TestBed {
    /// A `fwupdmgr` Command talking to this bed's fwupd, e.g.
    /// `bed.fwupdmgr().args(["get-devices", "--json"])`. Pass `--no-unreported-check`,
    /// `--no-metadata-check` and `--assume-yes` (or `--json`) for non-interactive use.
    pub fn fwupdmgr(&self) -> Command {
        let mut command = Command::new(FWUPDMGR);
        command.env("DBUS_SYSTEM_BUS_ADDRESS", self.system_bus_address());
        command
    }

    /// fwupd's state folder (`FWUPD_LOCALSTATEDIR`), e.g. `lib/fwupd/pending.db`.
    pub fn fwupd_state_dir(&self) -> PathBuf {
        root(&self.layout).join("var")
    }

    /// The local remote's folder (the `directory` remote [`REMOTE_ID`]).
    pub fn firmware_remote_dir(&self) -> PathBuf {
        remote_dir(&root(&self.layout))
    }

    /// The cabinet the local remote offers (made when fwupd first starts): installing it
    /// moves [`TestBed::firmware_update_device_id`] to [`TestBed::firmware_update_version`].
    pub fn firmware_cabinet(&self) -> PathBuf {
        self.firmware_remote_dir().join(CABINET_NAME)
    }

    /// The SHA-256 of [`TestBed::firmware_cabinet`] (lowercase hex), which is the second
    /// entry of the release's `Checksum` (the first is the SHA-1).
    pub fn firmware_cabinet_sha256(&self) -> Result<String, Error> {
        sha256(&self.firmware_cabinet())
    }

    /// The device the local remote has an update for: [`TEST_DEVICE_ID`].
    pub fn firmware_update_device_id(&self) -> &'static str {
        TEST_DEVICE_ID
    }

    /// The version the update installs: [`UPDATE_VERSION`].
    pub fn firmware_update_version(&self) -> &'static str {
        UPDATE_VERSION
    }

    /// Makes a valid cabinet for the same release whose bytes differ from
    /// [`TestBed::firmware_cabinet`] (so its checksum does not match the metadata's) and
    /// returns its path, `<dir>/fwupd/mismatched/webcam-1.2.4.cab` (outside the remote's
    /// folder). fwupd would install it: refusing it is the client's job.
    pub fn write_mismatched_cabinet(&self) -> Result<PathBuf, Error> {
        let root = root(&self.layout);
        let dir = root.join("mismatched");
        std::fs::create_dir_all(&dir)?;
        let payload_path = dir.join("firmware.bin");
        std::fs::write(&payload_path, payload('M'))?;
        let cabinet = dir.join(CABINET_NAME);
        let _ = std::fs::remove_file(&cabinet);
        network::run(
            Command::new(FWUPDTOOL).args([
                "build-cabinet".as_ref(),
                cabinet.as_os_str(),
                payload_path.as_os_str(),
                cabinet_source_dir(&root)
                    .join("firmware.metainfo.xml")
                    .as_os_str(),
            ]),
        )?;
        Ok(cabinet)
    }
}

/// The longest write [`TestBed::set_firmware_write_delay`] can ask for: fwupd's test plugin
/// refuses a `WriteDelay` above 10000 ms ("failed to parse WriteDelay: value 12000 was above
/// maximum 10000", as the page showed).
pub const MAX_WRITE_DELAY: std::time::Duration = std::time::Duration::from_secs(10);

/// fwupd's mutable configuration (`FWUPD_LOCALSTATEDIR/etc/fwupd/fwupd.conf`), which fwupd
/// loads after the bed's `etc/fwupd/fwupd.conf` (its values win) and watches.
fn mutable_conf(root: &Path) -> PathBuf {
    root.join("var")
        .join("etc")
        .join("fwupd")
        .join("fwupd.conf")
}

impl TestBed {
    /// Makes the test plugin's write step take `delay` (its `WriteDelay`; the bed's default
    /// is 1 s, a whole install about 2.5 s), for a demo or a test that must see an update in
    /// progress for longer: `Percentage` climbs through the write in steps of 1 % of
    /// `delay`. At most [`MAX_WRITE_DELAY`]: the plugin fails the write over it. Written to
    /// fwupd's mutable configuration, which the bed's start never rewrites: set it before
    /// starting [`Service::Fwupd`](crate::Service::Fwupd) (a running fwupd also rereads the
    /// file) and it stays for the bed's life, across restarts.
    pub fn set_firmware_write_delay(&self, delay: std::time::Duration) -> Result<(), Error> {
        use std::os::unix::fs::PermissionsExt as _;
        if delay > MAX_WRITE_DELAY {
            return Err(Error::Io(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("fwupd's test plugin takes a WriteDelay of at most {MAX_WRITE_DELAY:?}"),
            )));
        }
        let path = mutable_conf(&root(&self.layout));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, format!("[test]\nWriteDelay={}\n", delay.as_millis()))?;
        // fwupd warns about a configuration others can read (it may hold passwords).
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640))?;
        Ok(())
    }
}

fn sha256(path: &Path) -> Result<String, Error> {
    let output = network::run(Command::new(SHA256SUM).arg(path))?;
    Ok(output
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_starts_with_the_version_and_has_the_release_size() {
        let payload = payload('F');
        assert!(payload.starts_with(PAYLOAD_VERSION));
        assert_eq!(payload.len() as u64, UPDATE_SIZE);
        assert_ne!(payload, super::payload('M'));
        // The test plugin reads 9 bytes: 0x1020004 is 1.2.4 as a triplet (8.8.16 bits).
        assert_eq!(PAYLOAD_VERSION.len(), 9);
        assert_eq!(0x1020004 >> 24, 1);
        assert_eq!((0x1020004 >> 16) & 0xff, 2);
        assert_eq!(0x1020004 & 0xffff, 4);
    }

    #[test]
    fn metainfo_names_the_device_and_the_release() {
        let metainfo = metainfo();
        assert!(metainfo.contains(TEST_DEVICE_GUID));
        assert!(metainfo.contains(&format!("version=\"{UPDATE_VERSION}\"")));
        assert!(metainfo.contains(RELEASE_DESCRIPTION));
    }
}
