//! fwupd's objects, decoded from the `a{sv}` dictionaries it sends (the one place that
//! knows its key names and enum values; numbers from fwupd 2.0's `fwupd-enums.h`,
//! `fwupd-security-attr.h` and `fwupd-request.h`).

use std::collections::HashMap;
use std::fmt;
use std::time::Duration;

use zbus::zvariant::{OwnedValue, Value};

use super::markup::{TextBlock, blocks_to_text, markup_to_blocks};

/// One of fwupd's dictionaries.
pub(crate) type Dict = HashMap<String, OwnedValue>;

fn string(dict: &Dict, key: &str) -> Option<String> {
    dict.get(key)
        .and_then(|value| <&str>::try_from(&**value).ok())
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
}

fn u64_of(dict: &Dict, key: &str) -> Option<u64> {
    dict.get(key).and_then(|value| match &**value {
        Value::U64(n) => Some(*n),
        Value::U32(n) => Some(u64::from(*n)),
        _ => None,
    })
}

fn u32_of(dict: &Dict, key: &str) -> Option<u32> {
    dict.get(key).and_then(|value| match &**value {
        Value::U32(n) => Some(*n),
        Value::U64(n) => u32::try_from(*n).ok(),
        _ => None,
    })
}

fn strings(dict: &Dict, key: &str) -> Vec<String> {
    match dict.get(key).map(|value| &**value) {
        Some(Value::Array(array)) => array
            .iter()
            .filter_map(|item| <&str>::try_from(item).ok())
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

/// A bit set fwupd sends as `t`, with the bits this client names.
macro_rules! flags {
    ($(#[$meta:meta])* $name:ident { $($(#[$doc:meta])* $method:ident = $bit:expr;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
        pub struct $name(pub u64);

        impl $name {
            $(
                $(#[$doc])*
                pub fn $method(self) -> bool {
                    self.0 & (1u64 << $bit) != 0
                }
            )*
        }
    };
}

flags! {
    /// `FwupdDeviceFlags`.
    DeviceFlags {
        /// The device is inside the computer (`internal`).
        internal = 0;
        /// fwupd can update it (`updatable`).
        updatable = 1;
        /// Needs AC power to update (`require-ac`).
        require_ac = 3;
        /// Locked, must be unlocked first (`locked`).
        locked = 4;
        /// Supported by the LVFS (`supported`).
        supported = 5;
        /// Needs a bootloader mode to update (`needs-bootloader`).
        needs_bootloader = 6;
        /// The update finishes at the next reboot (`needs-reboot`).
        needs_reboot = 8;
        /// In bootloader mode now (`is-bootloader`).
        is_bootloader = 13;
        /// Waits to be replugged during updates (`wait-for-replug`).
        wait_for_replug = 14;
        /// The update finishes after a shutdown (`needs-shutdown`).
        needs_shutdown = 17;
        /// Needs activation after the write (`needs-activation`).
        needs_activation = 20;
        /// Can verify its firmware checksum (`can-verify`).
        can_verify = 25;
        /// Two images: a failed write falls back (`dual-image`).
        dual_image = 27;
        /// Stays usable while the update is written (`usable-during-update`).
        usable_during_update = 29;
        /// Updatable, but hidden until a condition is met (`updatable-hidden`).
        updatable_hidden = 37;
        /// Updating may affect full-disk encryption (`affects-fde`).
        affects_fde = 45;
        /// No more updates from its vendor (`end-of-life`).
        end_of_life = 46;
        /// An emulated device (`emulated`).
        emulated = 49;
        /// Only updated when asked explicitly (`only-explicit-updates`).
        only_explicit_updates = 51;
    }
}

flags! {
    /// `FwupdReleaseFlags`.
    ReleaseFlags {
        /// The payload is signed by a trusted key (`trusted-payload`).
        trusted_payload = 0;
        /// The metadata is signed by a trusted key (`trusted-metadata`).
        trusted_metadata = 1;
        /// Newer than the installed version (`is-upgrade`).
        is_upgrade = 2;
        /// Older than the installed version (`is-downgrade`).
        is_downgrade = 3;
        /// Blocked by the administrator's version list (`blocked-version`).
        blocked_version = 4;
        /// Not on the approved list (`blocked-approval`).
        blocked_approval = 5;
        /// On another branch (`is-alternate-branch`).
        is_alternate_branch = 6;
        /// From the community, not the vendor (`is-community`).
        is_community = 7;
    }
}

flags! {
    /// `FwupdSecurityAttrFlags`.
    HsiFlags {
        /// The attribute passes (`success`).
        success = 0;
        /// Superseded by another attribute (`obsoleted`).
        obsoleted = 1;
        /// fwupd lacked data to decide (`missing-data`).
        missing_data = 2;
        /// A runtime suffix: updates (`runtime-updates`, `U`).
        runtime_updates = 8;
        /// A runtime suffix: attestation (`runtime-attestation`, `A`).
        runtime_attestation = 9;
        /// A runtime issue (`runtime-issue`, `!`).
        runtime_issue = 10;
        /// Fixing needs the vendor (`action-contact-oem`).
        action_contact_oem = 11;
        /// Fixing needs a firmware setting (`action-config-fw`).
        action_config_fw = 12;
        /// Fixing needs an OS setting (`action-config-os`).
        action_config_os = 13;
        /// fwupd can fix it (`can-fix`).
        can_fix = 14;
        /// fwupd can undo its fix (`can-undo`).
        can_undo = 15;
    }
}

/// `FwupdStatus`: what the daemon is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// `unknown` (0)
    Unknown,
    /// `idle` (1)
    Idle,
    /// `loading` (2)
    Loading,
    /// `decompressing` (3)
    Decompressing,
    /// `device-restart` (4)
    DeviceRestart,
    /// `device-write` (5)
    DeviceWrite,
    /// `device-verify` (6)
    DeviceVerify,
    /// `scheduling` (7)
    Scheduling,
    /// `downloading` (8)
    Downloading,
    /// `device-read` (9)
    DeviceRead,
    /// `device-erase` (10)
    DeviceErase,
    /// `waiting-for-auth` (11)
    WaitingForAuth,
    /// `device-busy` (12)
    DeviceBusy,
    /// `shutdown` (13)
    Shutdown,
    /// `waiting-for-user` (14)
    WaitingForUser,
    /// A value this version does not know.
    Other(u32),
}

impl Status {
    /// From fwupd's number.
    pub fn from_u32(value: u32) -> Self {
        match value {
            0 => Self::Unknown,
            1 => Self::Idle,
            2 => Self::Loading,
            3 => Self::Decompressing,
            4 => Self::DeviceRestart,
            5 => Self::DeviceWrite,
            6 => Self::DeviceVerify,
            7 => Self::Scheduling,
            8 => Self::Downloading,
            9 => Self::DeviceRead,
            10 => Self::DeviceErase,
            11 => Self::WaitingForAuth,
            12 => Self::DeviceBusy,
            13 => Self::Shutdown,
            14 => Self::WaitingForUser,
            other => Self::Other(other),
        }
    }

    /// Whether the daemon is working on something (not idle, not unknown).
    pub fn is_busy(self) -> bool {
        !matches!(self, Self::Unknown | Self::Idle)
    }
}

/// The daemon's progress: `Status` and `Percentage` (0–100).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Progress {
    /// What it is doing.
    pub status: Status,
    /// How far, in percent.
    pub percentage: u32,
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            status: Status::Idle,
            percentage: 0,
        }
    }
}

/// `FwupdUpdateState`: how the last update of a device went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UpdateState {
    /// `unknown` (0): no update recorded.
    Unknown,
    /// `pending` (1): scheduled.
    Pending,
    /// `success` (2)
    Success,
    /// `failed` (3)
    Failed,
    /// `needs-reboot` (4): written, finishes at the next boot.
    NeedsReboot,
    /// `failed-transient` (5): failed for a reason that may pass (battery, lid).
    FailedTransient,
    /// A value this version does not know.
    Other(u32),
}

impl UpdateState {
    /// From fwupd's number.
    pub fn from_u32(value: u32) -> Self {
        match value {
            0 => Self::Unknown,
            1 => Self::Pending,
            2 => Self::Success,
            3 => Self::Failed,
            4 => Self::NeedsReboot,
            5 => Self::FailedTransient,
            other => Self::Other(other),
        }
    }
}

/// A device fwupd knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    /// `DeviceId`: the id commands take.
    pub id: String,
    /// `ParentDeviceId`
    pub parent_id: Option<String>,
    /// `Name`
    pub name: String,
    /// `Vendor`
    pub vendor: Option<String>,
    /// `Summary`
    pub summary: Option<String>,
    /// `Version`: the firmware version installed.
    pub version: Option<String>,
    /// `VersionLowest`: no downgrade below this.
    pub version_lowest: Option<String>,
    /// `VersionBootloader`
    pub version_bootloader: Option<String>,
    /// `Plugin`: the fwupd plugin handling it.
    pub plugin: Option<String>,
    /// `Flags`
    pub flags: DeviceFlags,
    /// `Problems`: why it cannot be updated now (`FwupdDeviceProblem` bits), 0 for none.
    pub problems: u64,
    /// `UpdateState`
    pub update_state: UpdateState,
    /// `UpdateError`: why the last update failed.
    pub update_error: Option<String>,
    /// `UpdateMessage`: what to do after an update.
    pub update_message: Option<String>,
    /// `Icon`: icon names.
    pub icons: Vec<String>,
    /// `InstallDuration`: roughly how long an update takes.
    pub install_duration: Option<Duration>,
}

impl Device {
    /// Decodes `GetDevices`' and the `Device*` signals' dictionary; None without a `DeviceId`.
    pub fn from_dict(dict: &Dict) -> Option<Self> {
        Some(Self {
            id: string(dict, "DeviceId")?,
            parent_id: string(dict, "ParentDeviceId"),
            name: string(dict, "Name").unwrap_or_default(),
            vendor: string(dict, "Vendor"),
            summary: string(dict, "Summary"),
            version: string(dict, "Version"),
            version_lowest: string(dict, "VersionLowest"),
            version_bootloader: string(dict, "VersionBootloader"),
            plugin: string(dict, "Plugin"),
            flags: DeviceFlags(u64_of(dict, "Flags").unwrap_or(0)),
            problems: u64_of(dict, "Problems").unwrap_or(0),
            update_state: UpdateState::from_u32(u32_of(dict, "UpdateState").unwrap_or(0)),
            update_error: string(dict, "UpdateError"),
            update_message: string(dict, "UpdateMessage"),
            icons: strings(dict, "Icon"),
            install_duration: u32_of(dict, "InstallDuration")
                .filter(|&seconds| seconds > 0)
                .map(|seconds| Duration::from_secs(seconds.into())),
        })
    }
}

/// `FwupdReleaseUrgency`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Urgency {
    /// `unknown` (0)
    Unknown,
    /// `low` (1)
    Low,
    /// `medium` (2)
    Medium,
    /// `high` (3)
    High,
    /// `critical` (4)
    Critical,
}

impl Urgency {
    /// From fwupd's number (unknown values read as unknown).
    pub fn from_u32(value: u32) -> Self {
        match value {
            1 => Self::Low,
            2 => Self::Medium,
            3 => Self::High,
            4 => Self::Critical,
            _ => Self::Unknown,
        }
    }
}

/// A checksum's algorithm, guessed from its length as fwupd does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChecksumKind {
    /// 32 hex digits.
    Md5,
    /// 40 hex digits.
    Sha1,
    /// 64 hex digits.
    Sha256,
    /// 96 hex digits.
    Sha384,
    /// 128 hex digits.
    Sha512,
    /// Anything else.
    Unknown,
}

/// A release's checksum (lowercase hex).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Checksum {
    /// The algorithm.
    pub kind: ChecksumKind,
    /// The digest in lowercase hex.
    pub hex: String,
}

impl Checksum {
    /// A checksum from its hex text; the kind from its length.
    pub fn from_hex(hex: &str) -> Self {
        let hex = hex.trim().to_ascii_lowercase();
        let kind = if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            ChecksumKind::Unknown
        } else {
            match hex.len() {
                32 => ChecksumKind::Md5,
                40 => ChecksumKind::Sha1,
                64 => ChecksumKind::Sha256,
                96 => ChecksumKind::Sha384,
                128 => ChecksumKind::Sha512,
                _ => ChecksumKind::Unknown,
            }
        };
        Self { kind, hex }
    }
}

impl fmt::Display for Checksum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.hex)
    }
}

/// A firmware release (an available update, or a release in `GetReleases`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    /// `AppstreamId`
    pub appstream_id: Option<String>,
    /// `RemoteId`: the remote whose metadata lists it.
    pub remote_id: Option<String>,
    /// `Name`
    pub name: Option<String>,
    /// `Version`
    pub version: String,
    /// `Summary`
    pub summary: Option<String>,
    /// `Description`, from AppStream markup to blocks ([`Release::description_text`]).
    pub description: Vec<TextBlock>,
    /// `Size` in bytes (0 when fwupd does not know).
    pub size: u64,
    /// `Checksum`: the cabinet's checksums (fwupd joins them with commas).
    pub checksums: Vec<Checksum>,
    /// `Urgency`
    pub urgency: Urgency,
    /// `Locations`, else `Uri`: where the cabinet can be downloaded, in order.
    pub locations: Vec<String>,
    /// `Filename`: the cabinet's file name.
    pub filename: Option<String>,
    /// `TrustFlags` (fwupd 2.0; `Flags` in older releases)
    pub flags: ReleaseFlags,
    /// `Vendor`
    pub vendor: Option<String>,
    /// `License`
    pub license: Option<String>,
    /// `DetailsUrl`
    pub details_url: Option<String>,
    /// `UpdateMessage`: what to do after installing.
    pub update_message: Option<String>,
    /// `Created`: release time, seconds since the epoch.
    pub created: Option<u64>,
    /// `InstallDuration`
    pub install_duration: Option<Duration>,
}

impl Release {
    /// Decodes a release dictionary (`GetUpgrades`, `GetReleases`); None without a `Version`.
    pub fn from_dict(dict: &Dict) -> Option<Self> {
        let mut locations = strings(dict, "Locations");
        if locations.is_empty() {
            locations.extend(string(dict, "Uri"));
        }
        Some(Self {
            appstream_id: string(dict, "AppstreamId"),
            remote_id: string(dict, "RemoteId"),
            name: string(dict, "Name"),
            version: string(dict, "Version")?,
            summary: string(dict, "Summary"),
            description: string(dict, "Description")
                .map(|markup| markup_to_blocks(&markup))
                .unwrap_or_default(),
            size: u64_of(dict, "Size").unwrap_or(0),
            checksums: string(dict, "Checksum")
                .map(|joined| {
                    joined
                        .split(',')
                        .filter(|part| !part.trim().is_empty())
                        .map(Checksum::from_hex)
                        .collect()
                })
                .unwrap_or_default(),
            urgency: Urgency::from_u32(u32_of(dict, "Urgency").unwrap_or(0)),
            locations,
            filename: string(dict, "Filename"),
            // fwupd 2.0 sends the release flags as `TrustFlags`; `Flags` before.
            flags: ReleaseFlags(
                u64_of(dict, "TrustFlags")
                    .or_else(|| u64_of(dict, "Flags"))
                    .unwrap_or(0),
            ),
            vendor: string(dict, "Vendor"),
            license: string(dict, "License"),
            details_url: string(dict, "DetailsUrl"),
            update_message: string(dict, "UpdateMessage"),
            created: u64_of(dict, "Created").filter(|&t| t > 0),
            install_duration: u32_of(dict, "InstallDuration")
                .filter(|&seconds| seconds > 0)
                .map(|seconds| Duration::from_secs(seconds.into())),
        })
    }

    /// The description as plain text (paragraphs, `•` bullets).
    pub fn description_text(&self) -> String {
        blocks_to_text(&self.description)
    }
}

/// `FwupdSecurityAttrResult`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HsiResult {
    /// `unknown` (0)
    Unknown,
    /// `enabled` (1)
    Enabled,
    /// `not-enabled` (2)
    NotEnabled,
    /// `valid` (3)
    Valid,
    /// `not-valid` (4)
    NotValid,
    /// `locked` (5)
    Locked,
    /// `not-locked` (6)
    NotLocked,
    /// `encrypted` (7)
    Encrypted,
    /// `not-encrypted` (8)
    NotEncrypted,
    /// `tainted` (9)
    Tainted,
    /// `not-tainted` (10)
    NotTainted,
    /// `found` (11)
    Found,
    /// `not-found` (12)
    NotFound,
    /// `supported` (13)
    Supported,
    /// `not-supported` (14)
    NotSupported,
    /// A value this version does not know.
    Other(u32),
}

impl HsiResult {
    /// From fwupd's number.
    pub fn from_u32(value: u32) -> Self {
        match value {
            0 => Self::Unknown,
            1 => Self::Enabled,
            2 => Self::NotEnabled,
            3 => Self::Valid,
            4 => Self::NotValid,
            5 => Self::Locked,
            6 => Self::NotLocked,
            7 => Self::Encrypted,
            8 => Self::NotEncrypted,
            9 => Self::Tainted,
            10 => Self::NotTainted,
            11 => Self::Found,
            12 => Self::NotFound,
            13 => Self::Supported,
            14 => Self::NotSupported,
            other => Self::Other(other),
        }
    }

    /// fwupd's name for it (`not-enabled`, …), as `fwupdmgr security --json` prints it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Unknown | Self::Other(_) => "unknown",
            Self::Enabled => "enabled",
            Self::NotEnabled => "not-enabled",
            Self::Valid => "valid",
            Self::NotValid => "not-valid",
            Self::Locked => "locked",
            Self::NotLocked => "not-locked",
            Self::Encrypted => "encrypted",
            Self::NotEncrypted => "not-encrypted",
            Self::Tainted => "tainted",
            Self::NotTainted => "not-tainted",
            Self::Found => "found",
            Self::NotFound => "not-found",
            Self::Supported => "supported",
            Self::NotSupported => "not-supported",
        }
    }
}

/// A host security attribute (`GetHostSecurityAttrs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HsiAttribute {
    /// `AppstreamId`, e.g. `org.fwupd.hsi.Uefi.SecureBoot`.
    pub appstream_id: String,
    /// `HsiLevel`: 1 (critical) to 5; 0 for runtime attributes outside the levels.
    pub level: u32,
    /// `HsiResult`: what was found.
    pub result: HsiResult,
    /// `HsiResultSuccess`: the result that would pass.
    pub result_success: Option<HsiResult>,
    /// `HsiResultFallback`
    pub result_fallback: Option<HsiResult>,
    /// `Flags`
    pub flags: HsiFlags,
    /// `Name`, as fwupd gives it (English).
    pub name: Option<String>,
    /// `Summary`, as fwupd gives it.
    pub summary: Option<String>,
    /// `Description`, as fwupd gives it (AppStream markup; [`HsiAttribute::description_text`]).
    pub description: Option<String>,
    /// `Plugin`
    pub plugin: Option<String>,
    /// `Uri`: fwupd's documentation page for it.
    pub uri: Option<String>,
    /// `Version`: the fwupd version that added it.
    pub fwupd_version: Option<String>,
    /// `Created`: when it was measured, seconds since the epoch.
    pub created: Option<u64>,
}

impl HsiAttribute {
    /// Decodes an attribute dictionary; None without an `AppstreamId`.
    pub fn from_dict(dict: &Dict) -> Option<Self> {
        Some(Self {
            appstream_id: string(dict, "AppstreamId")?,
            level: u32_of(dict, "HsiLevel").unwrap_or(0),
            result: HsiResult::from_u32(u32_of(dict, "HsiResult").unwrap_or(0)),
            result_success: u32_of(dict, "HsiResultSuccess").map(HsiResult::from_u32),
            result_fallback: u32_of(dict, "HsiResultFallback").map(HsiResult::from_u32),
            flags: HsiFlags(u64_of(dict, "Flags").unwrap_or(0)),
            name: string(dict, "Name"),
            summary: string(dict, "Summary"),
            description: string(dict, "Description"),
            plugin: string(dict, "Plugin"),
            uri: string(dict, "Uri"),
            fwupd_version: string(dict, "Version"),
            created: u64_of(dict, "Created").filter(|&t| t > 0),
        })
    }

    /// Whether the attribute passes (its `success` flag).
    pub fn passes(&self) -> bool {
        self.flags.success()
    }

    /// The description as plain text.
    pub fn description_text(&self) -> Option<String> {
        self.description
            .as_deref()
            .map(super::markup::markup_to_text)
    }
}

/// The `HostSecurityId` property parsed: `HSI:2! (v2.0.20)`,
/// `HSI:INVALID:chassis[virtual] (v2.0.20)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostSecurityId {
    /// The level 0–5; None when fwupd says `INVALID`.
    pub level: Option<u32>,
    /// `!`: a runtime issue lowers the trust.
    pub runtime_issue: bool,
    /// `U`: runtime updates suffix (older fwupd).
    pub runtime_updates: bool,
    /// `A`: runtime attestation suffix (older fwupd).
    pub runtime_attestation: bool,
    /// Why it is `INVALID` (`chassis[virtual]`), when it is.
    pub invalid_reason: Option<String>,
    /// The fwupd version in parentheses (`2.0.20`).
    pub fwupd_version: Option<String>,
    /// The property as sent.
    pub raw: String,
}

impl HostSecurityId {
    /// Parses the property; None for an empty or unrecognised value.
    pub fn parse(raw: &str) -> Option<Self> {
        let text = raw.trim();
        let (id, version) = match text.split_once(" (") {
            Some((id, rest)) => (
                id.trim(),
                rest.strip_suffix(')')
                    .map(|v| v.trim_start_matches('v').to_owned()),
            ),
            None => (text, None),
        };
        let body = id.strip_prefix("HSI:")?;
        let mut parsed = Self {
            level: None,
            runtime_issue: false,
            runtime_updates: false,
            runtime_attestation: false,
            invalid_reason: None,
            fwupd_version: version.filter(|v| !v.is_empty()),
            raw: raw.to_owned(),
        };
        if let Some(reason) = body.strip_prefix("INVALID") {
            parsed.invalid_reason = Some(reason.trim_start_matches(':').to_owned());
            return Some(parsed);
        }
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        parsed.level = Some(body[..digits].parse().ok()?);
        for suffix in body[digits..].chars() {
            match suffix {
                '!' => parsed.runtime_issue = true,
                'U' => parsed.runtime_updates = true,
                'A' => parsed.runtime_attestation = true,
                _ => return None,
            }
        }
        Some(parsed)
    }

    /// Whether fwupd could not give a level (`HSI:INVALID…`, e.g. in a virtual machine).
    pub fn is_invalid(&self) -> bool {
        self.level.is_none()
    }
}

/// `FwupdRequestKind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestKind {
    /// `unknown` (0)
    Unknown,
    /// `post` (1): after the update, e.g. "replug to finish".
    Post,
    /// `immediate` (2): act now, e.g. "press the button".
    Immediate,
}

/// A `DeviceRequest` signal: fwupd needs the person to act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRequest {
    /// `AppstreamId`: the request id, e.g. `org.freedesktop.fwupd.request.remove-replug`.
    pub id: String,
    /// `RequestKind`
    pub kind: RequestKind,
    /// `UpdateMessage`: the text to show (English, from fwupd or the vendor).
    pub message: Option<String>,
    /// `UpdateImage`: a picture URL to show.
    pub image: Option<String>,
    /// `DeviceId`
    pub device_id: Option<String>,
    /// `Flags` bit 2: the message is vendor text, not the generic one for the id.
    pub non_generic_message: bool,
    /// `Flags` bit 3: the image is vendor specific.
    pub non_generic_image: bool,
}

impl DeviceRequest {
    /// Ids fwupd 2.0 defines (`FWUPD_REQUEST_ID_*`).
    pub const REMOVE_REPLUG: &'static str = "org.freedesktop.fwupd.request.remove-replug";
    /// Press the unlock button.
    pub const PRESS_UNLOCK: &'static str = "org.freedesktop.fwupd.request.press-unlock";
    /// Remove the USB cable.
    pub const REMOVE_USB_CABLE: &'static str = "org.freedesktop.fwupd.request.remove-usb-cable";
    /// Insert the USB cable.
    pub const INSERT_USB_CABLE: &'static str = "org.freedesktop.fwupd.request.insert-usb-cable";
    /// Do not turn the device off.
    pub const DO_NOT_POWER_OFF: &'static str = "org.freedesktop.fwupd.request.do-not-power-off";
    /// Replug to install.
    pub const REPLUG_INSTALL: &'static str = "org.freedesktop.fwupd.replug-install";
    /// Replug the power.
    pub const REPLUG_POWER: &'static str = "org.freedesktop.fwupd.replug-power";

    /// Decodes the signal's dictionary; None without an `AppstreamId`.
    pub fn from_dict(dict: &Dict) -> Option<Self> {
        let flags = u64_of(dict, "RequestFlags")
            .or_else(|| u64_of(dict, "Flags"))
            .unwrap_or(0);
        Some(Self {
            id: string(dict, "AppstreamId")?,
            kind: match u32_of(dict, "RequestKind") {
                Some(1) => RequestKind::Post,
                Some(2) => RequestKind::Immediate,
                _ => RequestKind::Unknown,
            },
            message: string(dict, "UpdateMessage"),
            image: string(dict, "UpdateImage"),
            device_id: string(dict, "DeviceId"),
            non_generic_message: flags & (1 << 2) != 0,
            non_generic_image: flags & (1 << 3) != 0,
        })
    }
}

/// `FwupdRemoteKind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RemoteKind {
    /// `unknown` (0)
    Unknown,
    /// `download` (1): the client downloads the metadata and hands it over.
    Download,
    /// `local` (2): metadata in a local file fwupd reads itself.
    Local,
    /// `directory` (3): a folder of cabinets fwupd reads itself.
    Directory,
}

/// A metadata source (`GetRemotes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    /// `RemoteId`
    pub id: String,
    /// `Type`
    pub kind: RemoteKind,
    /// `Enabled`
    pub enabled: bool,
    /// `Title`
    pub title: Option<String>,
    /// `Uri`: the metadata's address (its signature is the same with `.jcat`).
    pub metadata_uri: Option<String>,
    /// `Checksum`: the checksum of the signature fwupd has now (unchanged → nothing to do).
    pub signature_checksum: Option<Checksum>,
    /// `ModificationTime`: when its metadata was last refreshed, seconds since the epoch.
    pub modified: Option<u64>,
    /// `RefreshInterval` in seconds.
    pub refresh_interval: Option<u64>,
}

impl Remote {
    /// Decodes a remote dictionary; None without a `RemoteId`.
    pub fn from_dict(dict: &Dict) -> Option<Self> {
        let flags = u64_of(dict, "Flags").unwrap_or(0);
        Some(Self {
            id: string(dict, "RemoteId")?,
            kind: match u32_of(dict, "Type") {
                Some(1) => RemoteKind::Download,
                Some(2) => RemoteKind::Local,
                Some(3) => RemoteKind::Directory,
                _ => RemoteKind::Unknown,
            },
            enabled: match dict.get("Enabled").map(|value| &**value) {
                Some(Value::Bool(enabled)) => *enabled,
                _ => flags & 1 != 0,
            },
            title: string(dict, "Title"),
            metadata_uri: string(dict, "Uri"),
            signature_checksum: string(dict, "Checksum").map(|hex| Checksum::from_hex(&hex)),
            modified: u64_of(dict, "ModificationTime").filter(|&t| t > 0),
            refresh_interval: u64_of(dict, "RefreshInterval").filter(|&t| t > 0),
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn dict(entries: Vec<(&str, Value<'_>)>) -> Dict {
        entries
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value.try_to_owned().unwrap()))
            .collect()
    }

    #[test]
    fn a_test_device_as_fwupd_sends_it() {
        // The shape of fwupd 2.0's fake "Integrated Webcam™" test device.
        let flags: u64 = (1 << 1) | (1 << 8) | (1 << 29) | (1 << 37);
        let device = Device::from_dict(&dict(vec![
            (
                "DeviceId",
                Value::from("08d460be0f1f9f128413f816022a6439e0078018"),
            ),
            ("Name", Value::from("Integrated Webcam™")),
            ("Vendor", Value::from("Acme Corp.")),
            ("Version", Value::from("1.2.2")),
            ("VersionLowest", Value::from("1.2.0")),
            ("VersionBootloader", Value::from("0.1.2")),
            ("Plugin", Value::from("test")),
            ("Flags", Value::from(flags)),
            ("UpdateState", Value::from(3u32)),
            ("UpdateError", Value::from("device was unplugged")),
            ("Icon", Value::from(vec!["preferences-desktop-keyboard"])),
            ("InstallDuration", Value::from(120u32)),
            ("Created", Value::from(1_700_000_000u64)),
        ]))
        .unwrap();
        assert_eq!(device.id, "08d460be0f1f9f128413f816022a6439e0078018");
        assert_eq!(device.name, "Integrated Webcam™");
        assert_eq!(device.vendor.as_deref(), Some("Acme Corp."));
        assert_eq!(device.version.as_deref(), Some("1.2.2"));
        assert!(device.flags.updatable());
        assert!(device.flags.needs_reboot());
        assert!(device.flags.usable_during_update());
        assert!(device.flags.updatable_hidden());
        assert!(!device.flags.needs_shutdown());
        assert!(!device.flags.is_bootloader());
        assert!(!device.flags.internal());
        assert_eq!(device.update_state, UpdateState::Failed);
        assert_eq!(device.update_error.as_deref(), Some("device was unplugged"));
        assert_eq!(device.icons, vec!["preferences-desktop-keyboard"]);
        assert_eq!(device.install_duration, Some(Duration::from_secs(120)));
        assert_eq!(
            Device::from_dict(&dict(vec![("Name", Value::from("x"))])),
            None
        );
    }

    #[test]
    fn a_release_with_two_checksums_and_markup() {
        let release = Release::from_dict(&dict(vec![
            ("AppstreamId", Value::from("com.acme.test.firmware")),
            ("RemoteId", Value::from("fwupd-tests")),
            ("Version", Value::from("1.2.4")),
            (
                "Summary",
                Value::from("Firmware for the ACME Quantum Webcam"),
            ),
            (
                "Description",
                Value::from("<p>Fixes:</p><ul><li>Quicker</li><li>Safer</li></ul>"),
            ),
            ("Size", Value::from(1024u64)),
            (
                "Checksum",
                Value::from(
                    "ac5a6ca4e9b3ac2d3ed4d1df6e0ed7d1dd7a4a03,\
                     43ad6d1e4d6ef0cb3a9b4a0f33e9a9a6b1b1c6d8d7e7f7a7b7c7d7e7f7a7b7c7",
                ),
            ),
            ("Urgency", Value::from(3u32)),
            ("Uri", Value::from("https://fwupd.org/downloads/old.cab")),
            (
                "Locations",
                Value::from(vec![
                    "https://fwupd.org/downloads/test.cab",
                    "file:///srv/test.cab",
                ]),
            ),
            ("Filename", Value::from("test.cab")),
            ("TrustFlags", Value::from((1u64 << 0) | (1 << 1) | (1 << 2))),
        ]))
        .unwrap();
        assert_eq!(release.version, "1.2.4");
        assert_eq!(release.remote_id.as_deref(), Some("fwupd-tests"));
        assert_eq!(release.description_text(), "Fixes:\n\n• Quicker\n• Safer");
        assert_eq!(release.size, 1024);
        assert_eq!(
            release.checksums.iter().map(|c| c.kind).collect::<Vec<_>>(),
            vec![ChecksumKind::Sha1, ChecksumKind::Sha256]
        );
        assert_eq!(release.urgency, Urgency::High);
        assert_eq!(
            release.locations,
            vec![
                "https://fwupd.org/downloads/test.cab",
                "file:///srv/test.cab"
            ]
        );
        assert!(release.flags.is_upgrade() && release.flags.trusted_payload());
        assert!(!release.flags.is_downgrade());

        // Without `Locations`, the legacy `Uri`.
        let old = Release::from_dict(&dict(vec![
            ("Version", Value::from("1")),
            ("Uri", Value::from("file:///a.cab")),
        ]))
        .unwrap();
        assert_eq!(old.locations, vec!["file:///a.cab"]);
        assert!(old.checksums.is_empty());
        assert_eq!(old.urgency, Urgency::Unknown);
    }

    #[test]
    fn a_security_attribute() {
        let attribute = HsiAttribute::from_dict(&dict(vec![
            ("AppstreamId", Value::from("org.fwupd.hsi.Uefi.SecureBoot")),
            ("HsiLevel", Value::from(1u32)),
            ("HsiResult", Value::from(2u32)),
            ("HsiResultSuccess", Value::from(1u32)),
            ("Flags", Value::from((1u64 << 12) | (1 << 10))),
            ("Name", Value::from("UEFI secure boot")),
            ("Summary", Value::from("UEFI Secure Boot")),
            (
                "Description",
                Value::from("<p>Secure Boot stops bad code.</p>"),
            ),
            ("Plugin", Value::from("uefi_capsule")),
            (
                "Uri",
                Value::from("https://fwupd.github.io/hsi.html#org.fwupd.hsi.Uefi.SecureBoot"),
            ),
            ("Version", Value::from("1.5.0")),
        ]))
        .unwrap();
        assert_eq!(attribute.level, 1);
        assert_eq!(attribute.result, HsiResult::NotEnabled);
        assert_eq!(attribute.result.name(), "not-enabled");
        assert_eq!(attribute.result_success, Some(HsiResult::Enabled));
        assert!(!attribute.passes());
        assert!(attribute.flags.action_config_fw() && attribute.flags.runtime_issue());
        assert_eq!(
            attribute.description_text().as_deref(),
            Some("Secure Boot stops bad code.")
        );
        assert_eq!(HsiResult::from_u32(14), HsiResult::NotSupported);
        assert_eq!(HsiResult::from_u32(11), HsiResult::Found);
        assert_eq!(HsiResult::from_u32(99), HsiResult::Other(99));
    }

    #[test]
    fn host_security_ids() {
        let id = HostSecurityId::parse("HSI:1! (v2.0.20)").unwrap();
        assert_eq!(id.level, Some(1));
        assert!(id.runtime_issue && !id.is_invalid());
        assert_eq!(id.fwupd_version.as_deref(), Some("2.0.20"));

        let id = HostSecurityId::parse("HSI:3").unwrap();
        assert_eq!(
            (id.level, id.runtime_issue, id.fwupd_version),
            (Some(3), false, None)
        );

        let id = HostSecurityId::parse("HSI:0AU (v1.8.0)").unwrap();
        assert!(id.runtime_attestation && id.runtime_updates);

        let id = HostSecurityId::parse("HSI:INVALID:chassis[virtual] (v2.0.20)").unwrap();
        assert!(id.is_invalid());
        assert_eq!(id.invalid_reason.as_deref(), Some("chassis[virtual]"));
        assert_eq!(id.raw, "HSI:INVALID:chassis[virtual] (v2.0.20)");
        assert!(HostSecurityId::parse("HSI:INVALID").unwrap().is_invalid());

        assert_eq!(HostSecurityId::parse(""), None);
        assert_eq!(HostSecurityId::parse("HSI:"), None);
        assert_eq!(HostSecurityId::parse("HSI:2?"), None);
        assert_eq!(HostSecurityId::parse("garbage"), None);
    }

    #[test]
    fn requests_statuses_and_remotes() {
        let request = DeviceRequest::from_dict(&dict(vec![
            ("AppstreamId", Value::from(DeviceRequest::REMOVE_REPLUG)),
            ("RequestKind", Value::from(2u32)),
            (
                "UpdateMessage",
                Value::from("Unplug the device and plug it back in."),
            ),
            ("UpdateImage", Value::from("https://example.org/replug.png")),
            ("DeviceId", Value::from("abc")),
            ("RequestFlags", Value::from(1u64 << 2)),
            ("Created", Value::from(1u64)),
        ]))
        .unwrap();
        assert_eq!(request.kind, RequestKind::Immediate);
        assert_eq!(request.device_id.as_deref(), Some("abc"));
        assert!(request.non_generic_message && !request.non_generic_image);

        assert_eq!(Status::from_u32(5), Status::DeviceWrite);
        assert_eq!(Status::from_u32(8), Status::Downloading);
        assert_eq!(Status::from_u32(14), Status::WaitingForUser);
        assert!(Status::DeviceVerify.is_busy() && !Status::Idle.is_busy());
        assert_eq!(UpdateState::from_u32(4), UpdateState::NeedsReboot);

        let remote = Remote::from_dict(&dict(vec![
            ("RemoteId", Value::from("lvfs")),
            ("Type", Value::from(1u32)),
            ("Enabled", Value::from(true)),
            (
                "Uri",
                Value::from("https://cdn.fwupd.org/downloads/firmware.xml.zst"),
            ),
            (
                "Checksum",
                Value::from("0123456789abcdef0123456789abcdef01234567"),
            ),
            ("Priority", Value::from(0i32)),
        ]))
        .unwrap();
        assert_eq!(remote.kind, RemoteKind::Download);
        assert!(remote.enabled);
        assert_eq!(remote.signature_checksum.unwrap().kind, ChecksumKind::Sha1);
        let local = Remote::from_dict(&dict(vec![
            ("RemoteId", Value::from("vendor-directory")),
            ("Type", Value::from(3u32)),
            ("Flags", Value::from(0u64)),
        ]))
        .unwrap();
        assert_eq!((local.kind, local.enabled), (RemoteKind::Directory, false));
    }
}
