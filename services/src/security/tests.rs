//! The facts read from fixture trees shaped like a real machine's `/`.

use std::fs;
use std::path::Path;

use super::efi::tests::{MICROSOFT_CA, OWN_PK, VENDOR_PK, hash_list, signature_list};
use super::*;

const PCR: &str = "6aac71a840a3d60d0dafb4ff168c02f66367480a246fc2346952b34be7fda5a4";
/// `policy_pcr11(PCR)`, computed with Python's hashlib (see `tpm.rs`).
const POLICY: &str = "db934a1d56a1784eda594a49fb808a58f155d7e4bece834bf4869b666accea5a";
const KEY_FINGERPRINT: &str = "edb1993228decf70faa0ea33274ccc0d795c198a3848b60c6a93789362bcd0c8";
const PEM: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/security/pcr-public-key.pem"
));
const ROOT_HASH: &str = "9f2ec2bd5a2a4bb8b7a0cfbd6e0d40a6c2bdb57c4a3fd2a2f6b0a0c1d2e3f405";

fn write(root: &Path, path: &str, contents: impl AsRef<[u8]>) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

/// efivarfs's format: 4 bytes of attributes, then the data.
fn variable(root: &Path, name: &str, guid: &str, data: &[u8]) {
    let mut bytes = vec![0x06, 0, 0, 0];
    bytes.extend_from_slice(data);
    write(
        root,
        &format!("sys/firmware/efi/efivars/{name}-{guid}"),
        bytes,
    );
}

fn signature_json(policies: &[&str], fingerprint: &str) -> String {
    let entries: Vec<String> = policies
        .iter()
        .map(|pol| format!(r#"{{"pcrs":[11],"pkfp":"{fingerprint}","pol":"{pol}","sig":"c2ln"}}"#))
        .collect();
    format!(r#"{{"sha256":[{}]}}"#, entries.join(","))
}

/// A machine as the image boots: UEFI with Secure Boot on and its own keys enrolled, a TPM
/// 2.0 whose PCR 11 is predicted, a dm-verity root.
fn ferrum_machine(root: &Path) {
    variable(root, "SecureBoot", GLOBAL_GUID, &[1]);
    variable(root, "SetupMode", GLOBAL_GUID, &[0]);
    variable(root, "PK", GLOBAL_GUID, &signature_list(&[OWN_PK]));
    variable(root, "KEK", GLOBAL_GUID, &signature_list(&[OWN_PK]));
    let mut db = hash_list();
    db.extend(signature_list(&[OWN_PK]));
    variable(root, "db", IMAGE_SECURITY_GUID, &db);
    write(root, OWN_PLATFORM_KEY, OWN_PK);
    write(root, "sys/class/tpm/tpm0/tpm_version_major", "2\n");
    write(
        root,
        "sys/class/tpm/tpm0/pcr-sha256/11",
        format!("{}\n", PCR.to_uppercase()),
    );
    write(
        root,
        "run/systemd/tpm2-pcr-signature.json",
        signature_json(
            &[&"00".repeat(32), POLICY, &"11".repeat(32)],
            KEY_FINGERPRINT,
        ),
    );
    write(root, "run/systemd/tpm2-pcr-public-key.pem", PEM);
    write(
        root,
        "proc/self/mountinfo",
        "1 0 0:2 / / rw - rootfs rootfs rw\n\
         25 1 253:0 / / ro,relatime shared:1 - erofs /dev/mapper/root ro\n\
         26 25 0:22 / /proc rw - proc proc rw\n",
    );
    write(
        root,
        "sys/dev/block/253:0/dm/uuid",
        "CRYPT-VERITY-5f1c6f3e8a9b4c2d-root\n",
    );
    write(root, "sys/dev/block/253:0/dm/name", "root\n");
    write(
        root,
        "proc/cmdline",
        format!("console=ttyS0 roothash={ROOT_HASH} quiet\n"),
    );
}

#[test]
fn the_images_machine_secure_boot_own_keys_tpm_pcr_matching_verified_root() {
    let tree = tempfile::tempdir().unwrap();
    ferrum_machine(tree.path());
    let facts = Facts::read(tree.path());
    assert_eq!(facts.secure_boot, SecureBoot::On);
    let Keys::Own {
        platform_key,
        microsoft_in_db,
    } = &facts.keys
    else {
        panic!("{:?}", facts.keys)
    };
    assert_eq!(
        platform_key.common_name.as_deref(),
        Some("Ferrum Test Platform Key")
    );
    assert!(!microsoft_in_db);
    assert_eq!(facts.tpm, Tpm::Version2);
    assert_eq!(
        facts.pcr11,
        Pcr11::Matches {
            value: PCR.to_owned(),
            key: SigningKey::Matches
        }
    );
    assert_eq!(
        facts.root,
        RootVerity::Verified {
            device: "root".into(),
            expected_hash: Some(ROOT_HASH.into())
        }
    );
    assert_eq!(facts.enrolled.key_exchange_keys, vec![platform_key.clone()]);
    assert_eq!(facts.enrolled.db, vec![platform_key.clone()]);
    let report = facts.report();
    assert!(
        report.contains(&format!(
            "KEK: Ferrum Test Platform Key ({})",
            platform_key.fingerprint
        )),
        "{report}"
    );
    assert!(report.contains("Secure Boot: On\n"), "{report}");
    assert!(report.contains(&platform_key.fingerprint), "{report}");
}

#[test]
fn a_vendors_keys_with_microsofts_in_db() {
    let tree = tempfile::tempdir().unwrap();
    let root = tree.path();
    ferrum_machine(root);
    variable(root, "PK", GLOBAL_GUID, &signature_list(&[VENDOR_PK]));
    variable(
        root,
        "db",
        IMAGE_SECURITY_GUID,
        &signature_list(&[VENDOR_PK, MICROSOFT_CA]),
    );
    let Keys::Vendor {
        platform_key,
        microsoft_in_db,
    } = Facts::read(root).keys
    else {
        panic!()
    };
    assert_eq!(platform_key.owner(), "Example Computers Inc.");
    assert!(microsoft_in_db);

    // Without the image's certificate nothing can be called our own.
    ferrum_machine(root);
    fs::remove_file(root.join(OWN_PLATFORM_KEY)).unwrap();
    assert!(matches!(Facts::read(root).keys, Keys::Vendor { .. }));
}

#[test]
fn secure_boot_off_setup_mode_and_unsupported() {
    let tree = tempfile::tempdir().unwrap();
    let root = tree.path();
    ferrum_machine(root);
    variable(root, "SecureBoot", GLOBAL_GUID, &[0]);
    assert_eq!(Facts::read(root).secure_boot, SecureBoot::Off);
    variable(root, "SetupMode", GLOBAL_GUID, &[1]);
    fs::remove_file(root.join(format!("sys/firmware/efi/efivars/PK-{GLOBAL_GUID}"))).unwrap();
    let facts = Facts::read(root);
    assert_eq!(facts.secure_boot, SecureBoot::SetupMode);
    assert_eq!(facts.keys, Keys::NoPlatformKey);
    fs::remove_file(root.join(format!("sys/firmware/efi/efivars/SecureBoot-{GLOBAL_GUID}")))
        .unwrap();
    assert_eq!(Facts::read(root).secure_boot, SecureBoot::Unsupported);
    // A variable efivarfs shows empty (cut short) is not "on".
    variable(root, "SecureBoot", GLOBAL_GUID, &[]);
    assert_ne!(Facts::read(root).secure_boot, SecureBoot::On);
}

#[test]
fn pcr_11_differs_or_has_no_prediction() {
    let tree = tempfile::tempdir().unwrap();
    let root = tree.path();
    ferrum_machine(root);
    write(root, "sys/class/tpm/tpm0/pcr-sha256/11", "00".repeat(32));
    assert_eq!(
        Facts::read(root).pcr11,
        Pcr11::Differs {
            value: "00".repeat(32),
            key: SigningKey::Matches
        }
    );
    ferrum_machine(root);
    write(
        root,
        "run/systemd/tpm2-pcr-signature.json",
        signature_json(&[POLICY], &"ab".repeat(32)),
    );
    assert!(matches!(
        Facts::read(root).pcr11,
        Pcr11::Matches {
            key: SigningKey::Differs,
            ..
        }
    ));
    fs::remove_file(root.join("run/systemd/tpm2-pcr-public-key.pem")).unwrap();
    assert!(matches!(
        Facts::read(root).pcr11,
        Pcr11::Matches {
            key: SigningKey::Missing,
            ..
        }
    ));
    // A prediction that exists but cannot be read is not "no prediction".
    let signature = root.join("run/systemd/tpm2-pcr-signature.json");
    fs::remove_file(&signature).unwrap();
    fs::create_dir(&signature).unwrap();
    assert!(matches!(
        Facts::read(root).pcr11,
        Pcr11::PredictionUnreadable { .. }
    ));
    fs::remove_dir(&signature).unwrap();
    write(root, "run/systemd/tpm2-pcr-signature.json", "{not json");
    assert!(matches!(
        Facts::read(root).pcr11,
        Pcr11::PredictionUnreadable { .. }
    ));
    fs::remove_file(root.join("run/systemd/tpm2-pcr-signature.json")).unwrap();
    assert_eq!(
        Facts::read(root).pcr11,
        Pcr11::NoPrediction {
            value: PCR.to_owned()
        }
    );
    fs::remove_file(root.join("sys/class/tpm/tpm0/pcr-sha256/11")).unwrap();
    assert!(matches!(Facts::read(root).pcr11, Pcr11::Unreadable(_)));
    write(root, "sys/class/tpm/tpm0/tpm_version_major", "1\n");
    assert_eq!(Facts::read(root).tpm, Tpm::Version1);
    fs::remove_file(root.join("sys/class/tpm/tpm0/tpm_version_major")).unwrap();
    assert_eq!(Facts::read(root).tpm, Tpm::UnknownVersion);
}

#[test]
fn roots_that_are_not_verified() {
    let tree = tempfile::tempdir().unwrap();
    let root = tree.path();
    ferrum_machine(root);
    write(
        root,
        "sys/dev/block/253:0/dm/uuid",
        "CRYPT-LUKS2-abc-root\n",
    );
    assert_eq!(
        Facts::read(root).root,
        RootVerity::OtherDeviceMapper {
            device: "root".into()
        }
    );
    write(
        root,
        "proc/self/mountinfo",
        "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard\n",
    );
    assert_eq!(
        Facts::read(root).root,
        RootVerity::PlainDevice {
            source: "/dev/vda".into()
        }
    );
    write(
        root,
        "proc/self/mountinfo",
        "1 0 0:2 / / rw - rootfs rootfs rw\n",
    );
    assert_eq!(
        Facts::read(root).root,
        RootVerity::NotBlockDevice {
            fs_type: "rootfs".into()
        }
    );
    write(root, "proc/self/mountinfo", "garbage\n");
    assert!(matches!(Facts::read(root).root, RootVerity::Unknown(_)));
}

#[test]
fn an_empty_tree_is_a_machine_without_uefi_or_tpm() {
    let tree = tempfile::tempdir().unwrap();
    let facts = Facts::read(tree.path());
    assert_eq!(facts.secure_boot, SecureBoot::NotUefi);
    assert_eq!(facts.keys, Keys::NotUefi);
    assert_eq!(facts.enrolled, Enrolled::default());
    assert_eq!(facts.tpm, Tpm::Absent);
    assert_eq!(facts.pcr11, Pcr11::NoTpm);
    assert!(matches!(facts.root, RootVerity::Unknown(_)));
}

#[tokio::test]
async fn read_runs_off_the_calling_thread() {
    let tree = tempfile::tempdir().unwrap();
    ferrum_machine(tree.path());
    assert_eq!(read(tree.path().to_owned()).await, Facts::read(tree.path()));
}

#[test]
fn kernel_command_line_hashes() {
    assert_eq!(expected_hash("a roothash=ab b"), Some("ab".into()));
    assert_eq!(expected_hash("usrhash=cd"), Some("cd".into()));
    assert_eq!(expected_hash("quiet"), None);
}
