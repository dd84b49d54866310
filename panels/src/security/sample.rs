//! A sample of what the Device Security page shows — fwupd at `HSI:2!` with passed and
//! failed checks on several levels and two events, and this computer as the image boots
//! it (Secure Boot on with its own keys, TPM 2.0, PCR 11 matching the signed prediction,
//! the root verified) — for the page's unit tests, the demo and the snapshot tests (which
//! draw the page without fwupd).

use std::collections::BTreeMap;

use ferrum_services::firmware::{
    HostSecurityId, HsiAttribute, HsiFlags, HsiResult, Progress, Snapshot,
};
use ferrum_services::security::{
    Certificate, Enrolled, Facts, Keys, Pcr11, RootVerity, SecureBoot, SigningKey, Tpm,
};

/// fwupd's host security id in the sample.
pub const HSI: &str = "HSI:2! (v2.0.20)";

/// A check as fwupd sends it (`success` is flag bit 0; its title is fwupd's `Summary`).
pub fn check(
    id: &str,
    title: &str,
    level: u32,
    result: HsiResult,
    passes: bool,
    description: Option<&str>,
) -> HsiAttribute {
    HsiAttribute {
        appstream_id: id.to_owned(),
        level,
        result,
        result_success: None,
        result_fallback: None,
        flags: HsiFlags(u64::from(passes)),
        name: None,
        summary: Some(title.to_owned()),
        description: description.map(|text| format!("<p>{text}</p>")),
        plugin: None,
        uri: None,
        fwupd_version: Some("2.0.20".to_owned()),
        created: None,
    }
}

/// The checks: level 1 passes, level 2 mostly, level 3 fails, a runtime issue.
pub fn checks() -> Vec<HsiAttribute> {
    vec![
        check(
            "org.fwupd.hsi.Uefi.SecureBoot",
            "UEFI Secure Boot",
            1,
            HsiResult::Enabled,
            true,
            Some(
                "UEFI Secure Boot prevents malicious software from being loaded when the device boots.",
            ),
        ),
        check(
            "org.fwupd.hsi.Spi.Bioswe",
            "Firmware Write Protection",
            1,
            HsiResult::NotEnabled,
            true,
            Some(
                "Firmware Write Protection protects device firmware memory from being tampered with.",
            ),
        ),
        check(
            "org.fwupd.hsi.Tpm.Version20",
            "TPM v2.0",
            1,
            HsiResult::Found,
            true,
            Some("A TPM can be used to check whether the firmware was tampered with."),
        ),
        check(
            "org.fwupd.hsi.Iommu",
            "IOMMU Protection",
            2,
            HsiResult::Enabled,
            true,
            Some(
                "IOMMU Protection prevents connected devices from accessing unauthorized parts of system memory.",
            ),
        ),
        check(
            "org.fwupd.hsi.Tpm.ReconstructionPcr0",
            "TPM Reconstruction",
            2,
            HsiResult::Valid,
            true,
            None,
        ),
        check(
            "org.fwupd.hsi.PrebootDma",
            "Pre-boot DMA Protection",
            3,
            HsiResult::NotEnabled,
            false,
            Some(
                "Pre-boot DMA protection prevents devices from accessing system memory after being connected.",
            ),
        ),
        check(
            "org.fwupd.hsi.Cet.Enabled",
            "Control-flow Enforcement Technology",
            3,
            HsiResult::NotSupported,
            false,
            None,
        ),
        check(
            "org.fwupd.hsi.Kernel.Tainted",
            "Linux Kernel Verification",
            0,
            HsiResult::Tainted,
            false,
            Some("The kernel is tainted: a module that is not part of it was loaded."),
        ),
    ]
}

/// Two changes in the event log, newest first.
pub fn events() -> Vec<HsiAttribute> {
    let mut enabled = check(
        "org.fwupd.hsi.Uefi.SecureBoot",
        "UEFI Secure Boot",
        1,
        HsiResult::Enabled,
        true,
        None,
    );
    enabled.result_fallback = Some(HsiResult::NotEnabled);
    enabled.created = Some(1_764_979_200); // 2025-12-06
    let mut found = check(
        "org.fwupd.hsi.Tpm.Version20",
        "TPM v2.0",
        1,
        HsiResult::Found,
        true,
        None,
    );
    found.created = Some(1_764_892_800); // 2025-12-05
    vec![enabled, found]
}

/// fwupd's snapshot.
pub fn snapshot() -> Snapshot {
    Snapshot {
        daemon_version: "2.0.20".to_owned(),
        host_security_id: HostSecurityId::parse(HSI),
        devices: Vec::new(),
        upgrades: BTreeMap::new(),
        security: checks(),
        progress: Progress::default(),
    }
}

/// The image's own platform key.
pub fn own_key() -> Certificate {
    Certificate {
        fingerprint: "38dc5c1c81e4fefd7ed2e588586abbafbd82e1425e3e13b35e6c4dffa4f20c88".to_owned(),
        organization: Some("Ferrum".to_owned()),
        common_name: Some("Ferrum Platform Key".to_owned()),
    }
}

/// This computer as the image boots it.
pub fn facts() -> Facts {
    Facts {
        secure_boot: SecureBoot::On,
        keys: Keys::Own {
            platform_key: own_key(),
            microsoft_in_db: false,
        },
        enrolled: Enrolled {
            key_exchange_keys: vec![own_key()],
            db: vec![own_key()],
        },
        tpm: Tpm::Version2,
        pcr11: Pcr11::Matches {
            value: "6aac71a840a3d60d0dafb4ff168c02f66367480a246fc2346952b34be7fda5a4".to_owned(),
            key: SigningKey::Matches,
        },
        root: RootVerity::Verified {
            device: "root".to_owned(),
            expected_hash: Some(
                "9f2ec2bd5a2a4bb8b7a0cfbd6e0d40a6c2bdb57c4a3fd2a2f6b0a0c1d2e3f405".to_owned(),
            ),
        },
    }
}

/// The page with the sample: fwupd read, its events, the facts.
pub fn page(bus: ferrum_services::SystemBus) -> super::State {
    let mut state = super::State::on(bus, "/");
    state.fwupd = ferrum_ui::status::ServiceStatus::Ready(snapshot());
    state.events = Ok(events());
    state.facts = Some(facts());
    state
}
