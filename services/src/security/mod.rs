//! This machine's own security facts, read without privileges from files the kernel and
//! systemd publish: Secure Boot and whose keys are enrolled (efivarfs), the TPM (sysfs),
//! PCR 11 against the running UKI's signed prediction (`/run/systemd`), and whether the
//! root file system is verified by dm-verity (`/proc/self/mountinfo`, sysfs, the kernel
//! command line). fwupd's host security attributes are `services::firmware`'s; these are
//! the facts fwupd does not report, or reports without saying whose they are.
//!
//! Every path is under a root ([`Facts::read`]; `/` in the product) so tests use fixture
//! trees. Each fact is a typed enum with its reason; nothing here panics, and reading is
//! blocking disk I/O ([`read`] runs it on a blocking thread).

mod efi;
mod tpm;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub use efi::{Certificate, GLOBAL_GUID, IMAGE_SECURITY_GUID, certificates};
pub use tpm::{
    PCR_KERNEL_BOOT, PUBLIC_KEY_PATHS, SIGNATURE_PATHS, SignedPolicy, parse_pcr, parse_signature,
    policy_pcr11, public_key_fingerprint,
};

/// The image's own Secure Boot platform key (DER), relative to the root: when the
/// enrolled `PK` is this certificate, the keys are this machine's own (`cargo xtask image
/// keys` makes them and enrols them; the image ships the certificate here).
pub const OWN_PLATFORM_KEY: &str = "usr/lib/ferrum/secure-boot/PK.cer";

/// Whether Secure Boot is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecureBoot {
    /// The machine did not start with UEFI (no `/sys/firmware/efi`): no Secure Boot.
    NotUefi,
    /// The firmware has no `SecureBoot` variable: it does not support Secure Boot.
    Unsupported,
    /// Secure Boot is on: the firmware runs only signed boot loaders and kernels.
    On,
    /// Secure Boot is off.
    Off,
    /// Setup mode: no platform key is enrolled, so anyone can enrol keys (and Secure
    /// Boot is not enforced).
    SetupMode,
    /// The variable could not be read (the reason).
    Unreadable(String),
}

/// Whose Secure Boot keys are enrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keys {
    /// No UEFI (see [`SecureBoot::NotUefi`]).
    NotUefi,
    /// No platform key is enrolled.
    NoPlatformKey,
    /// The platform key is the image's own ([`OWN_PLATFORM_KEY`]).
    Own {
        /// The enrolled platform key.
        platform_key: Certificate,
        /// Whether Microsoft's certificates are in `db` too.
        microsoft_in_db: bool,
    },
    /// Another platform key: usually the computer maker's.
    Vendor {
        /// The enrolled platform key.
        platform_key: Certificate,
        /// Whether Microsoft's certificates are in `db` (so Windows and distributions'
        /// shims start).
        microsoft_in_db: bool,
    },
    /// The keys could not be read (the reason).
    Unreadable(String),
}

/// The TPM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tpm {
    /// No TPM (no `/sys/class/tpm/tpm0`).
    Absent,
    /// A TPM 2.0.
    Version2,
    /// A TPM 1.2 (systemd's measured boot needs 2.0).
    Version1,
    /// A TPM whose version the kernel does not say.
    UnknownVersion,
}

/// PCR 11 against the running UKI's signed prediction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pcr11 {
    /// No TPM.
    NoTpm,
    /// The PCR could not be read (no SHA-256 bank, …): the reason.
    Unreadable(String),
    /// The UKI carries no signed prediction (`tpm2-pcr-signature.json` is missing).
    NoPrediction {
        /// PCR 11, hex.
        value: String,
    },
    /// The prediction could not be read (the reason).
    PredictionUnreadable {
        /// PCR 11, hex.
        value: String,
        /// Why.
        reason: String,
    },
    /// PCR 11's policy is one the prediction signs: the boot went as predicted.
    Matches {
        /// PCR 11, hex.
        value: String,
        /// Whether the signing key beside the prediction is the one it names.
        key: SigningKey,
    },
    /// PCR 11 is none of the predicted values: something else was measured.
    Differs {
        /// PCR 11, hex.
        value: String,
        /// Whether the signing key beside the prediction is the one it names.
        key: SigningKey,
    },
}

/// The public key beside the signed prediction, against the fingerprint it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigningKey {
    /// The key's fingerprint is the prediction's `pkfp`.
    Matches,
    /// It is not.
    Differs,
    /// There is no readable key file.
    Missing,
}

/// Whether the root file system is verified by dm-verity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RootVerity {
    /// The root is a dm-verity device: every block read is checked against the hash tree.
    Verified {
        /// The device-mapper name (`root`).
        device: String,
        /// The root hash the signed kernel command line expects (`roothash=`/`usrhash=`).
        expected_hash: Option<String>,
    },
    /// The root is another device-mapper device (encrypted, LVM…), not dm-verity.
    OtherDeviceMapper {
        /// The device-mapper name.
        device: String,
    },
    /// The root is a plain block device.
    PlainDevice {
        /// The mount source (`/dev/vda2`).
        source: String,
    },
    /// The root is no block device (a tmpfs, an overlay, the initramfs).
    NotBlockDevice {
        /// The file system type (`rootfs`, `overlay`).
        fs_type: String,
    },
    /// The root's mount could not be read (the reason).
    Unknown(String),
}

/// The certificates enrolled besides the platform key, for the report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Enrolled {
    /// `KEK`: who may change `db` and `dbx`.
    pub key_exchange_keys: Vec<Certificate>,
    /// `db`: whose signatures the firmware accepts.
    pub db: Vec<Certificate>,
}

/// Everything this module reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// Secure Boot's state.
    pub secure_boot: SecureBoot,
    /// Whose keys are enrolled.
    pub keys: Keys,
    /// The certificates in `KEK` and `db` (empty without UEFI or when unreadable).
    pub enrolled: Enrolled,
    /// The TPM.
    pub tpm: Tpm,
    /// PCR 11 against the signed prediction.
    pub pcr11: Pcr11,
    /// The root's dm-verity.
    pub root: RootVerity,
}

impl Facts {
    /// Reads every fact under `root` (`/` in the product). Blocking.
    pub fn read(root: &Path) -> Self {
        let uefi = root.join("sys/firmware/efi").is_dir();
        let tpm = read_tpm(root);
        Self {
            secure_boot: if uefi {
                read_secure_boot(root)
            } else {
                SecureBoot::NotUefi
            },
            keys: if uefi { read_keys(root) } else { Keys::NotUefi },
            enrolled: if uefi {
                read_enrolled(root)
            } else {
                Enrolled::default()
            },
            pcr11: if tpm == Tpm::Absent {
                Pcr11::NoTpm
            } else {
                read_pcr11(root)
            },
            tpm,
            root: read_root(root),
        }
    }

    /// The facts as plain English lines for a report (technical: values and hashes).
    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Secure Boot: {:?}", self.secure_boot);
        let keys = match &self.keys {
            Keys::Own {
                platform_key,
                microsoft_in_db,
            } => format!(
                "this machine's own (PK {}), Microsoft in db: {microsoft_in_db}",
                platform_key.fingerprint
            ),
            Keys::Vendor {
                platform_key,
                microsoft_in_db,
            } => format!(
                "{} (PK {}), Microsoft in db: {microsoft_in_db}",
                platform_key.owner(),
                platform_key.fingerprint
            ),
            other => format!("{other:?}"),
        };
        let _ = writeln!(out, "Secure Boot keys: {keys}");
        for (database, certificates) in [
            ("KEK", &self.enrolled.key_exchange_keys),
            ("db", &self.enrolled.db),
        ] {
            for certificate in certificates {
                let _ = writeln!(
                    out,
                    "{database}: {} ({})",
                    certificate
                        .common_name
                        .as_deref()
                        .unwrap_or(&certificate.owner()),
                    certificate.fingerprint
                );
            }
        }
        let _ = writeln!(out, "TPM: {:?}", self.tpm);
        let _ = writeln!(out, "PCR 11: {:?}", self.pcr11);
        let _ = writeln!(out, "Root: {:?}", self.root);
        out
    }
}

/// Reads the facts under `root` on a blocking thread.
pub async fn read(root: PathBuf) -> Facts {
    let fallback = root.clone();
    match tokio::task::spawn_blocking(move || Facts::read(&root)).await {
        Ok(facts) => facts,
        Err(error) => {
            tracing::warn!(%error, "reading the security facts failed");
            let reason = error.to_string();
            Facts {
                secure_boot: SecureBoot::Unreadable(reason.clone()),
                keys: Keys::Unreadable(reason.clone()),
                enrolled: Enrolled::default(),
                tpm: read_tpm(&fallback),
                pcr11: Pcr11::Unreadable(reason.clone()),
                root: RootVerity::Unknown(reason),
            }
        }
    }
}

/// Asks the bus to start fwupd when it is not running: fwupd starts on demand (D-Bus
/// activation), and following its name (`firmware::watch`) starts nothing, so a page that
/// only watched would say "not running" until something else called it. Returns once
/// fwupd owns its name, or with the bus's answer (not activatable here, the method
/// timeout); either way the watch reports what happens.
pub async fn activate_fwupd(bus: &crate::SystemBus) -> Result<(), crate::DbusFailure> {
    let connection = bus.connection().await?;
    let dbus = zbus::fdo::DBusProxy::new(&connection)
        .await
        .map_err(crate::DbusFailure::from)?;
    let name = zbus::names::WellKnownName::from_static_str_unchecked(crate::firmware::BUS_NAME);
    dbus.start_service_by_name(name, 0)
        .await
        .map_err(crate::DbusFailure::from)?;
    Ok(())
}

/// Lower-case hex.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut out, byte| {
        let _ = write!(out, "{byte:02x}");
        out
    })
}

fn read_secure_boot(root: &Path) -> SecureBoot {
    let flag = |name: &str| -> std::io::Result<Option<u8>> {
        match efi::read_variable(root, name, GLOBAL_GUID) {
            Ok(data) => Ok(data.first().copied()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    };
    match (flag("SecureBoot"), flag("SetupMode")) {
        (Err(error), _) => SecureBoot::Unreadable(error.to_string()),
        (Ok(None), _) => SecureBoot::Unsupported,
        (Ok(Some(1)), _) => SecureBoot::On,
        (Ok(Some(_)), Ok(Some(1))) => SecureBoot::SetupMode,
        (Ok(Some(_)), _) => SecureBoot::Off,
    }
}

fn read_keys(root: &Path) -> Keys {
    let platform_key = match efi::read_variable(root, "PK", GLOBAL_GUID) {
        Ok(data) => certificates(&data).into_iter().next(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Keys::Unreadable(error.to_string()),
    };
    let Some(platform_key) = platform_key else {
        return Keys::NoPlatformKey;
    };
    let microsoft_in_db = efi::read_variable(root, "db", IMAGE_SECURITY_GUID)
        .map(|data| certificates(&data).iter().any(Certificate::is_microsoft))
        .unwrap_or(false);
    let own = std::fs::read(root.join(OWN_PLATFORM_KEY))
        .ok()
        .and_then(|der| Certificate::from_der(&der));
    if own.is_some_and(|own| own.fingerprint == platform_key.fingerprint) {
        Keys::Own {
            platform_key,
            microsoft_in_db,
        }
    } else {
        Keys::Vendor {
            platform_key,
            microsoft_in_db,
        }
    }
}

fn read_enrolled(root: &Path) -> Enrolled {
    let read = |name: &str, guid: &str| {
        efi::read_variable(root, name, guid)
            .map(|data| certificates(&data))
            .unwrap_or_default()
    };
    Enrolled {
        key_exchange_keys: read("KEK", GLOBAL_GUID),
        db: read("db", IMAGE_SECURITY_GUID),
    }
}

fn read_tpm(root: &Path) -> Tpm {
    let device = root.join("sys/class/tpm/tpm0");
    if !device.exists() {
        return Tpm::Absent;
    }
    match std::fs::read_to_string(device.join("tpm_version_major")) {
        Ok(text) if text.trim() == "2" => Tpm::Version2,
        Ok(text) if text.trim() == "1" => Tpm::Version1,
        _ => Tpm::UnknownVersion,
    }
}

fn read_pcr11(root: &Path) -> Pcr11 {
    let path = root.join(format!("sys/class/tpm/tpm0/pcr-sha256/{PCR_KERNEL_BOOT}"));
    let value = match std::fs::read_to_string(&path) {
        Ok(text) => match parse_pcr(&text) {
            Some(value) => value,
            None => return Pcr11::Unreadable(format!("{}: not a SHA-256 value", path.display())),
        },
        Err(error) => return Pcr11::Unreadable(format!("{}: {error}", path.display())),
    };
    let shown = hex(&value);
    let json = match tpm::read_first(root, SIGNATURE_PATHS) {
        Ok(Some(json)) => json,
        Ok(None) => return Pcr11::NoPrediction { value: shown },
        Err(error) => {
            return Pcr11::PredictionUnreadable {
                value: shown,
                reason: error.to_string(),
            };
        }
    };
    let policies = match parse_signature(&json) {
        Ok(policies) if !policies.is_empty() => policies,
        Ok(_) => {
            return Pcr11::PredictionUnreadable {
                value: shown,
                reason: "no PCR 11 entry".into(),
            };
        }
        Err(reason) => {
            return Pcr11::PredictionUnreadable {
                value: shown,
                reason,
            };
        }
    };
    let key = match tpm::read_first(root, PUBLIC_KEY_PATHS)
        .ok()
        .flatten()
        .as_deref()
        .and_then(public_key_fingerprint)
    {
        None => SigningKey::Missing,
        Some(fingerprint) if policies.iter().all(|p| p.key_fingerprint == fingerprint) => {
            SigningKey::Matches
        }
        Some(_) => SigningKey::Differs,
    };
    let policy = hex(&policy_pcr11(&value));
    if policies.iter().any(|p| p.policy == policy) {
        Pcr11::Matches { value: shown, key }
    } else {
        Pcr11::Differs { value: shown, key }
    }
}

/// The mount at `/` (the last one: later mounts cover earlier ones): `major:minor`,
/// file system type and source.
fn root_mount(mountinfo: &str) -> Option<(String, String, String)> {
    mountinfo.lines().rev().find_map(|line| {
        let (before, after) = line.split_once(" - ")?;
        let fields: Vec<&str> = before.split(' ').collect();
        if fields.get(4) != Some(&"/") {
            return None;
        }
        let mut after = after.split(' ');
        let fs_type = after.next()?.to_owned();
        let source = after.next().unwrap_or_default().to_owned();
        Some(((*fields.get(2)?).to_owned(), fs_type, source))
    })
}

/// `roothash=` or `usrhash=` of a kernel command line.
fn expected_hash(cmdline: &str) -> Option<String> {
    cmdline.split_whitespace().find_map(|word| {
        word.strip_prefix("roothash=")
            .or_else(|| word.strip_prefix("usrhash="))
            .map(str::to_owned)
    })
}

fn read_root(root: &Path) -> RootVerity {
    let mountinfo = match std::fs::read_to_string(root.join("proc/self/mountinfo")) {
        Ok(text) => text,
        Err(error) => return RootVerity::Unknown(format!("mountinfo: {error}")),
    };
    let Some((device, fs_type, source)) = root_mount(&mountinfo) else {
        return RootVerity::Unknown("no mount at /".into());
    };
    if device.starts_with("0:") {
        return RootVerity::NotBlockDevice { fs_type };
    }
    let dm = root.join("sys/dev/block").join(&device).join("dm");
    let Ok(uuid) = std::fs::read_to_string(dm.join("uuid")) else {
        return RootVerity::PlainDevice { source };
    };
    let name = std::fs::read_to_string(dm.join("name"))
        .map(|name| name.trim().to_owned())
        .unwrap_or(source);
    if uuid.trim().starts_with("CRYPT-VERITY-") {
        let cmdline = std::fs::read_to_string(root.join("proc/cmdline")).unwrap_or_default();
        RootVerity::Verified {
            device: name,
            expected_hash: expected_hash(&cmdline),
        }
    } else {
        RootVerity::OtherDeviceMapper { device: name }
    }
}

#[cfg(test)]
mod tests;
