//! fwupd: firmware devices and their updates, host security (HSI), progress and the
//! device requests fwupd makes during an update.
//!
//! - [`watch`] follows `org.freedesktop.fwupd` and yields snapshots, progress and
//!   device requests ([`Update`]).
//! - [`refresh_metadata`] follows fwupd's client-side contract: for a `download`
//!   remote the client fetches the metadata and its `.jcat` signature and hands both
//!   over as file descriptors (`UpdateMetadata`); `local` and `directory` remotes are
//!   read by fwupd itself.
//! - [`install`] downloads the cabinet into a sealed memfd, checks its checksum
//!   against the release (SHA-256, else SHA-1) before fwupd sees anything, and passes
//!   the descriptor to `Install`, waiting up to [`INSTALL_TIMEOUT`].
//!
//! Downloads: `file://` (and plain paths), `http://` and `https://` (rustls with the
//! `ring` provider, servers verified against the system's trust store — a certificate it
//! does not trust is [`FirmwareError::Untrusted`]; [`download_trusting`] takes other
//! roots, for tests).

mod download;
mod markup;
mod network;
mod types;
mod watch;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::time::Duration;

use zbus::Connection;
use zbus::proxy::MethodFlags;
use zbus::zvariant::{Fd, Value};

use crate::bus::SystemBus;
use crate::error::{DbusFailure, FailureKind};
use crate::proxies::fwupd::fwupdProxy as FwupdProxy;

pub use download::{Digests, TrustRoots, file_digests, verify};
pub use markup::{TextBlock, blocks_to_text, markup_to_blocks, markup_to_text};
pub use network::{Metered, NetworkConditions, network_conditions};
pub use types::{
    Checksum, ChecksumKind, Device, DeviceFlags, DeviceRequest, HostSecurityId, HsiAttribute,
    HsiFlags, HsiResult, Progress, Release, ReleaseFlags, Remote, RemoteKind, RequestKind, Status,
    UpdateState, Urgency,
};
pub use watch::{Update, watch};

use types::Dict;

/// fwupd's bus name.
pub const BUS_NAME: &str = "org.freedesktop.fwupd";
/// fwupd's one object.
pub const OBJECT_PATH: &str = "/";

/// How long `Install` and `UpdateMetadata` may take: a real update (a dock, a
/// Thunderbolt controller) writes for many minutes; the shared connection's
/// [`METHOD_TIMEOUT`](crate::bus::METHOD_TIMEOUT) would give up in the middle.
pub const INSTALL_TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// What can go wrong talking to fwupd.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FirmwareError {
    /// fwupd is not running (or quit in the middle of the call).
    #[error("fwupd is not running: {0}")]
    NotRunning(DbusFailure),
    /// polkit (or fwupd) refused the caller.
    #[error("not allowed: {0}")]
    NotAuthorized(DbusFailure),
    /// fwupd had nothing to do (`NothingToDo`: no update, already installed).
    #[error("nothing to do: {0}")]
    NothingToDo(String),
    /// The downloaded file is not the one the metadata describes; nothing was installed.
    #[error("the file's checksum {got} does not match the expected {expected}")]
    ChecksumMismatch {
        /// What the release lists.
        expected: String,
        /// What the file has.
        got: String,
    },
    /// The release lists no SHA-256 or SHA-1 checksum to check the file against.
    #[error("the release lists no SHA-256 or SHA-1 checksum")]
    NoChecksum,
    /// The release lists nowhere to download it from.
    #[error("the release has no download location")]
    NoLocation,
    /// The download failed (missing file, HTTP error, cut off).
    #[error("cannot download {uri}: {message}")]
    DownloadFailed {
        /// The address.
        uri: String,
        /// What happened.
        message: String,
    },
    /// The server could not be reached (no network, no route, name not resolved).
    #[error("offline: cannot reach {uri}: {message}")]
    Offline {
        /// The address.
        uri: String,
        /// What happened.
        message: String,
    },
    /// The server's certificate is not one the system trusts (unknown authority, expired,
    /// another name): nothing was downloaded.
    #[error("cannot download {uri}: the certificate of {host} is not trusted")]
    Untrusted {
        /// The server's host name (or address).
        host: String,
        /// The address.
        uri: String,
    },
    /// An address this client cannot download from (`ftp://`, `ipfs://`…).
    #[error("cannot download {uri}: {reason}")]
    Unsupported {
        /// The address.
        uri: String,
        /// Why.
        reason: String,
    },
    /// The device is busy (`org.freedesktop.fwupd.Busy`).
    #[error("the device is busy: {0}")]
    DeviceBusy(String),
    /// fwupd did not answer in time, or reported a timeout itself.
    #[error("fwupd did not answer in time: {0}")]
    Timeout(String),
    /// fwupd refused with one of its own errors (`NotSupported`, `VersionNewer`, …).
    #[error("fwupd refused ({name}): {message}")]
    Refused {
        /// fwupd's error name without `org.freedesktop.fwupd.` (`NotSupported`).
        name: String,
        /// fwupd's message (English).
        message: String,
    },
    /// No remote with this id.
    #[error("fwupd has no remote {0}")]
    UnknownRemote(String),
    /// The remote is disabled.
    #[error("the remote {0} is disabled")]
    RemoteDisabled(String),
    /// A local failure (memfd, reading a file).
    #[error("{what}: {message}")]
    Io {
        /// The step.
        what: String,
        /// The system's message.
        message: String,
    },
    /// Any other bus failure.
    #[error("D-Bus: {0}")]
    Bus(DbusFailure),
}

impl FirmwareError {
    /// Whether this means fwupd did not answer in time (hung).
    pub fn is_no_answer(&self) -> bool {
        matches!(self, Self::Timeout(_))
    }
}

/// fwupd's error name prefix.
const FWUPD_ERROR: &str = "org.freedesktop.fwupd.";

impl From<DbusFailure> for FirmwareError {
    fn from(failure: DbusFailure) -> Self {
        if let Some(name) = failure
            .error_name()
            .and_then(|name| name.strip_prefix(FWUPD_ERROR))
        {
            let message = failure.message().to_owned();
            return match name {
                "NothingToDo" => Self::NothingToDo(message),
                "Busy" => Self::DeviceBusy(message),
                "TimedOut" => Self::Timeout(message),
                "AuthFailed" | "AuthExpired" | "PermissionDenied" => Self::NotAuthorized(failure),
                other => Self::Refused {
                    name: other.to_owned(),
                    message,
                },
            };
        }
        match failure.kind() {
            FailureKind::ServiceMissing => Self::NotRunning(failure),
            FailureKind::AccessDenied => Self::NotAuthorized(failure),
            FailureKind::Timeout => Self::Timeout(failure.message().to_owned()),
            _ => Self::Bus(failure),
        }
    }
}

impl From<zbus::Error> for FirmwareError {
    fn from(error: zbus::Error) -> Self {
        Self::from(DbusFailure::from(error))
    }
}

impl From<zbus::fdo::Error> for FirmwareError {
    fn from(error: zbus::fdo::Error) -> Self {
        Self::from(DbusFailure::from(error))
    }
}

/// Whether an error is fwupd's own answer ("nothing here"), as opposed to the bus failing.
fn is_fwupd_answer(error: &FirmwareError) -> bool {
    matches!(
        error,
        FirmwareError::NothingToDo(_) | FirmwareError::Refused { .. }
    )
}

/// Everything the Firmware and Device Security pages show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// `DaemonVersion`
    pub daemon_version: String,
    /// `HostSecurityId`, parsed; None when empty or not understood.
    pub host_security_id: Option<HostSecurityId>,
    /// Devices, in fwupd's order.
    pub devices: Vec<Device>,
    /// Available upgrades by device id (only devices with some).
    pub upgrades: BTreeMap<String, Vec<Release>>,
    /// Host security attributes.
    pub security: Vec<HsiAttribute>,
    /// `Status` and `Percentage` when read.
    pub progress: Progress,
}

impl Snapshot {
    /// The upgrades fwupd offers for a device (newest first, as fwupd sorts them).
    pub fn upgrades_for(&self, device_id: &str) -> &[Release] {
        self.upgrades.get(device_id).map_or(&[], Vec::as_slice)
    }
}

async fn proxy(connection: &Connection) -> Result<FwupdProxy<'static>, FirmwareError> {
    Ok(FwupdProxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?)
}

/// fwupd's properties in one `GetAll`.
async fn properties(connection: &Connection) -> Result<Dict, FirmwareError> {
    let properties = zbus::fdo::PropertiesProxy::builder(connection)
        .destination(BUS_NAME)?
        .path(OBJECT_PATH)?
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?;
    let interface = zbus::names::InterfaceName::from_static_str_unchecked(BUS_NAME);
    Ok(properties.get_all(interface).await?)
}

fn decode_all<T>(dicts: &[Dict], decode: fn(&Dict) -> Option<T>) -> Vec<T> {
    dicts.iter().filter_map(decode).collect()
}

fn property_string(properties: &Dict, key: &str) -> String {
    properties
        .get(key)
        .and_then(|value| <&str>::try_from(&**value).ok())
        .unwrap_or_default()
        .to_owned()
}

fn progress_of(properties: &Dict) -> Progress {
    let number = |key: &str| {
        properties
            .get(key)
            .and_then(|value| u32::try_from(&**value).ok())
    };
    Progress {
        status: Status::from_u32(number("Status").unwrap_or(0)),
        percentage: number("Percentage").unwrap_or(0).min(100),
    }
}

/// Reads fwupd's state: properties, devices, each updatable device's upgrades and the
/// host security attributes.
pub async fn snapshot(connection: Connection) -> Result<Snapshot, FirmwareError> {
    let properties = properties(&connection).await?;
    let proxy = proxy(&connection).await?;
    let devices = decode_all(&proxy.get_devices().await?, Device::from_dict);
    let mut upgrades = BTreeMap::new();
    for device in devices.iter().filter(|device| device.flags.updatable()) {
        match proxy
            .get_upgrades(&device.id)
            .await
            .map_err(FirmwareError::from)
        {
            Ok(releases) => {
                let releases = decode_all(&releases, Release::from_dict);
                if !releases.is_empty() {
                    upgrades.insert(device.id.clone(), releases);
                }
            }
            // "No upgrades", "no metadata", "not supported": fwupd's answer, not a failure.
            Err(error) if is_fwupd_answer(&error) => {
                tracing::debug!(device = %device.id, %error, "no upgrades");
            }
            Err(error) => return Err(error),
        }
    }
    let security = security_attributes(&connection).await?;
    Ok(Snapshot {
        daemon_version: property_string(&properties, "DaemonVersion"),
        host_security_id: HostSecurityId::parse(&property_string(&properties, "HostSecurityId")),
        devices,
        upgrades,
        security,
        progress: progress_of(&properties),
    })
}

/// The host security attributes (empty where fwupd offers none).
pub async fn security_attributes(
    connection: &Connection,
) -> Result<Vec<HsiAttribute>, FirmwareError> {
    match proxy(connection).await?.get_host_security_attrs().await {
        Ok(attrs) => Ok(decode_all(&attrs, HsiAttribute::from_dict)),
        Err(error) => match FirmwareError::from(error) {
            error if is_fwupd_answer(&error) => Ok(Vec::new()),
            error => Err(error),
        },
    }
}

/// The last `limit` host security events (changes of attributes), newest first.
pub async fn security_events(
    connection: &Connection,
    limit: u32,
) -> Result<Vec<HsiAttribute>, FirmwareError> {
    match proxy(connection)
        .await?
        .get_host_security_events(limit)
        .await
    {
        Ok(attrs) => Ok(decode_all(&attrs, HsiAttribute::from_dict)),
        Err(error) => match FirmwareError::from(error) {
            error if is_fwupd_answer(&error) => Ok(Vec::new()),
            error => Err(error),
        },
    }
}

/// The configured metadata remotes (empty when fwupd has none: it answers
/// `org.freedesktop.fwupd.Internal` "No remotes configured").
pub async fn remotes(connection: &Connection) -> Result<Vec<Remote>, FirmwareError> {
    match proxy(connection).await?.get_remotes().await {
        Ok(remotes) => Ok(decode_all(&remotes, Remote::from_dict)),
        Err(error) => match FirmwareError::from(error) {
            error if is_fwupd_answer(&error) => Ok(Vec::new()),
            error => Err(error),
        },
    }
}

/// What [`refresh_metadata`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refreshed {
    /// New metadata was handed to fwupd.
    Updated,
    /// The signature had not changed: fwupd already has this metadata.
    Unchanged,
    /// A `local` or `directory` remote: fwupd reads it itself, nothing to download.
    ReadByDaemon,
}

/// A connection to the same bus whose calls may take [`INSTALL_TIMEOUT`].
async fn long_connection(bus: &SystemBus) -> Result<Connection, FirmwareError> {
    let connection = zbus::connection::Builder::address(bus.address())?
        .method_timeout(INSTALL_TIMEOUT)
        .build()
        .await?;
    Ok(connection)
}

/// Refreshes a remote's metadata (fwupd's client-side contract; see the module docs).
pub async fn refresh_metadata(
    bus: &SystemBus,
    remote_id: &str,
) -> Result<Refreshed, FirmwareError> {
    let connection = bus.connection().await.map_err(FirmwareError::from)?;
    let remote = remotes(&connection)
        .await?
        .into_iter()
        .find(|remote| remote.id == remote_id)
        .ok_or_else(|| FirmwareError::UnknownRemote(remote_id.to_owned()))?;
    if !remote.enabled {
        return Err(FirmwareError::RemoteDisabled(remote.id));
    }
    if remote.kind != RemoteKind::Download {
        return Ok(Refreshed::ReadByDaemon);
    }
    let metadata_uri = remote
        .metadata_uri
        .clone()
        .ok_or(FirmwareError::NoLocation)?;
    let signature = download::fetch(&format!("{metadata_uri}.jcat")).await?;
    let unchanged = match &remote.signature_checksum {
        Some(known) if known.kind == ChecksumKind::Sha256 => known.hex == signature.digests.sha256,
        Some(known) if known.kind == ChecksumKind::Sha1 => known.hex == signature.digests.sha1,
        _ => false,
    };
    if unchanged {
        return Ok(Refreshed::Unchanged);
    }
    let metadata = download::fetch(&metadata_uri).await?;
    let long = long_connection(bus).await?;
    proxy(&long)
        .await?
        .inner()
        .call_with_flags::<_, _, ()>(
            "UpdateMetadata",
            MethodFlags::AllowInteractiveAuth.into(),
            &(remote_id, Fd::from(&metadata.fd), Fd::from(&signature.fd)),
        )
        .await?;
    Ok(Refreshed::Updated)
}

/// How an installation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Installed {
    /// Written and running.
    Done,
    /// Scheduled or written; finishes at the next restart.
    RestartNeeded,
    /// Finishes after the computer is shut down.
    ShutdownNeeded,
}

/// A cabinet downloaded into a sealed memfd, with its digests; checked against a release
/// by [`install_cabinet`] before fwupd sees it. Cheap to clone (the descriptor is shared).
#[derive(Debug, Clone)]
pub struct Cabinet {
    fd: std::sync::Arc<std::os::fd::OwnedFd>,
    /// The digests and size of the bytes in the memfd.
    pub digests: Digests,
    /// Where it was downloaded from.
    pub location: String,
}

impl Cabinet {
    /// The downloaded bytes, read from the sealed memfd (what fwupd would read).
    pub fn read_bytes(&self) -> std::io::Result<Vec<u8>> {
        use std::os::unix::fs::FileExt as _;
        let file = std::fs::File::from(self.fd.try_clone()?);
        let mut bytes = vec![0; usize::try_from(self.digests.size).unwrap_or(usize::MAX)];
        file.read_exact_at(&mut bytes, 0)?;
        Ok(bytes)
    }
}

/// Two cabinets are equal when their bytes are (same digests).
impl PartialEq for Cabinet {
    fn eq(&self, other: &Self) -> bool {
        self.digests == other.digests
    }
}

/// Downloads `release`'s cabinet from the first of its locations that works into a sealed
/// memfd (the last location's failure is returned when none does).
pub async fn download(release: &Release) -> Result<Cabinet, FirmwareError> {
    download_trusting(release, &TrustRoots::System).await
}

/// [`download`] with `https://` servers verified against `trust` (tests use a CA of
/// their own; the product trusts the system's store).
pub async fn download_trusting(
    release: &Release,
    trust: &TrustRoots,
) -> Result<Cabinet, FirmwareError> {
    let mut last_error = FirmwareError::NoLocation;
    for location in &release.locations {
        match download::fetch_trusting(location, trust).await {
            Ok(file) => {
                return Ok(Cabinet {
                    fd: std::sync::Arc::new(file.fd),
                    digests: file.digests,
                    location: location.clone(),
                });
            }
            Err(error) => {
                tracing::info!(%location, %error, "cabinet download failed");
                last_error = error;
            }
        }
    }
    Err(last_error)
}

/// Installs `release` on `device_id`: downloads the cabinet from the release's first
/// location that works, verifies its checksum (nothing reaches fwupd on a mismatch),
/// then calls `Install` with the sealed file (polkit may ask the person).
pub async fn install(
    bus: &SystemBus,
    device_id: &str,
    release: &Release,
) -> Result<Installed, FirmwareError> {
    let cabinet = download(release).await?;
    install_cabinet(bus, device_id, release, &cabinet).await
}

/// Installs a downloaded cabinet: checks its checksum against `release` (a mismatch is
/// [`FirmwareError::ChecksumMismatch`] and fwupd is never called), asks fwupd for its
/// devices on the shared connection — bounded by the bus's method timeout, so a hung fwupd
/// is [`FirmwareError::Timeout`] there rather than after [`INSTALL_TIMEOUT`] — then calls
/// `Install` with the sealed file on a connection whose calls may take [`INSTALL_TIMEOUT`].
pub async fn install_cabinet(
    bus: &SystemBus,
    device_id: &str,
    release: &Release,
    cabinet: &Cabinet,
) -> Result<Installed, FirmwareError> {
    let kind = verify(&cabinet.digests, &release.checksums)?;
    tracing::info!(device = device_id, version = %release.version, ?kind, "cabinet verified");
    // fwupd answers before the long wait starts (a hung daemon fails here, in time).
    let shared = bus.connection().await.map_err(FirmwareError::from)?;
    proxy(&shared).await?.get_devices().await?;

    let mut options: HashMap<&str, Value<'_>> = HashMap::new();
    options.insert("reason", Value::from("user-action"));
    if let Some(filename) = release.filename.as_deref() {
        options.insert("filename", Value::from(filename));
    }
    let long = long_connection(bus).await?;
    let proxy = proxy(&long).await?;
    proxy
        .inner()
        .call_with_flags::<_, _, ()>(
            "Install",
            MethodFlags::AllowInteractiveAuth.into(),
            &(device_id, Fd::from(&*cabinet.fd), options),
        )
        .await?;
    let device = decode_all(&proxy.get_devices().await?, Device::from_dict)
        .into_iter()
        .find(|device| device.id == device_id);
    Ok(match device {
        Some(device) if device.flags.needs_shutdown() => Installed::ShutdownNeeded,
        Some(device)
            if device.flags.needs_reboot()
                || matches!(
                    device.update_state,
                    UpdateState::NeedsReboot | UpdateState::Pending
                ) =>
        {
            Installed::RestartNeeded
        }
        _ => Installed::Done,
    })
}

/// A plain-text report of the host's security for **Copy report**: fwupd's version,
/// the machine, the HSI id, every attribute by level with its result, and recent events.
pub async fn get_security_report(connection: Connection) -> Result<String, FirmwareError> {
    let properties = properties(&connection).await?;
    let attributes = security_attributes(&connection).await?;
    let events = security_events(&connection, 10).await?;
    Ok(security_report(&properties, &attributes, &events))
}

fn security_report(
    properties: &Dict,
    attributes: &[HsiAttribute],
    events: &[HsiAttribute],
) -> String {
    let mut out = String::new();
    let field = |key| property_string(properties, key);
    let _ = writeln!(out, "Host Security ID: {}", field("HostSecurityId"));
    let _ = writeln!(out, "fwupd: {}", field("DaemonVersion"));
    let _ = writeln!(out, "Vendor: {}", field("HostVendor"));
    let _ = writeln!(out, "Product: {}", field("HostProduct"));
    let mut sorted: Vec<&HsiAttribute> = attributes.iter().collect();
    sorted.sort_by(|a, b| {
        // Levels 1–5 first, then the runtime attributes (level 0).
        (a.level == 0, a.level, &a.appstream_id).cmp(&(b.level == 0, b.level, &b.appstream_id))
    });
    let mut level = None;
    for attribute in sorted {
        if level != Some(attribute.level) {
            level = Some(attribute.level);
            match attribute.level {
                0 => out.push_str("\nRuntime suffix\n"),
                n => {
                    let _ = writeln!(out, "\nHSI-{n}");
                }
            }
        }
        let _ = writeln!(
            out,
            "  {} {}: {} ({})",
            if attribute.passes() { "✔" } else { "✘" },
            attribute.name.as_deref().unwrap_or(&attribute.appstream_id),
            attribute.result.name(),
            attribute.appstream_id,
        );
    }
    if !events.is_empty() {
        out.push_str("\nEvents\n");
        for event in events {
            let _ = writeln!(
                out,
                "  {} {}: {}",
                event.created.unwrap_or(0),
                event.appstream_id,
                event.result.name()
            );
        }
    }
    out
}

/// Builds a value fwupd sends, for tests elsewhere in the crate.
#[cfg(test)]
fn owned(value: Value<'_>) -> zbus::zvariant::OwnedValue {
    value.try_to_owned().unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FailureKind;

    fn method_error(name: &str, message: &str) -> FirmwareError {
        let name = zbus::names::OwnedErrorName::try_from(name.to_owned()).unwrap();
        let message_header = zbus::message::Message::method_call("/", "Install")
            .unwrap()
            .build(&())
            .unwrap();
        FirmwareError::from(zbus::Error::MethodError(
            name,
            Some(message.to_owned()),
            message_header,
        ))
    }

    #[test]
    fn fwupd_errors_are_classified() {
        assert_eq!(
            method_error(
                "org.freedesktop.fwupd.NothingToDo",
                "No upgrades for Webcam"
            ),
            FirmwareError::NothingToDo("No upgrades for Webcam".into())
        );
        assert_eq!(
            method_error("org.freedesktop.fwupd.Busy", "in use"),
            FirmwareError::DeviceBusy("in use".into())
        );
        assert!(matches!(
            method_error("org.freedesktop.fwupd.AuthFailed", "denied"),
            FirmwareError::NotAuthorized(_)
        ));
        assert!(matches!(
            method_error("org.freedesktop.PolicyKit1.Error.NotAuthorized", "no"),
            FirmwareError::NotAuthorized(_)
        ));
        assert_eq!(
            method_error("org.freedesktop.fwupd.VersionNewer", "newer installed"),
            FirmwareError::Refused {
                name: "VersionNewer".into(),
                message: "newer installed".into()
            }
        );
        assert!(matches!(
            method_error("org.freedesktop.DBus.Error.ServiceUnknown", "gone"),
            FirmwareError::NotRunning(_)
        ));
        assert!(FirmwareError::from(DbusFailure::new(FailureKind::Timeout, "late")).is_no_answer());
    }

    #[test]
    fn a_report_lists_attributes_by_level() {
        let properties: Dict = [
            ("HostSecurityId", owned(Value::from("HSI:1! (v2.0.20)"))),
            ("DaemonVersion", owned(Value::from("2.0.20"))),
            ("HostVendor", owned(Value::from("LENOVO"))),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        let attribute = |id: &str, level: u32, result: u32, flags: u64| {
            HsiAttribute::from_dict(&types::tests::dict(vec![
                ("AppstreamId", Value::from(id)),
                ("HsiLevel", Value::from(level)),
                ("HsiResult", Value::from(result)),
                ("Flags", Value::from(flags)),
            ]))
            .unwrap()
        };
        let report = security_report(
            &properties,
            &[
                attribute("org.fwupd.hsi.Kernel.Tainted", 0, 10, 1),
                attribute("org.fwupd.hsi.Iommu", 2, 1, 1),
                attribute("org.fwupd.hsi.Uefi.SecureBoot", 1, 2, 0),
            ],
            &[],
        );
        assert_eq!(
            report,
            "Host Security ID: HSI:1! (v2.0.20)\nfwupd: 2.0.20\nVendor: LENOVO\nProduct: \n\
             \nHSI-1\n  ✘ org.fwupd.hsi.Uefi.SecureBoot: not-enabled (org.fwupd.hsi.Uefi.SecureBoot)\n\
             \nHSI-2\n  ✔ org.fwupd.hsi.Iommu: enabled (org.fwupd.hsi.Iommu)\n\
             \nRuntime suffix\n  ✔ org.fwupd.hsi.Kernel.Tainted: not-tainted (org.fwupd.hsi.Kernel.Tainted)\n"
        );
    }

    #[test]
    fn progress_from_properties() {
        let properties: Dict = [
            ("Status".to_owned(), owned(Value::from(5u32))),
            ("Percentage".to_owned(), owned(Value::from(42u32))),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            progress_of(&properties),
            Progress {
                status: Status::DeviceWrite,
                percentage: 42
            }
        );
        assert_eq!(progress_of(&Dict::new()).status, Status::Unknown);
    }
}
