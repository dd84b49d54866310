//! The Device Security page's words: the HSI level, fwupd's checks and results, this
//! computer's facts, events and errors, each as a translated sentence.

use ferrum_i18n::fl;
use ferrum_services::firmware::{FirmwareError, HostSecurityId, HsiAttribute, HsiResult};
use ferrum_services::security::{Keys, Pcr11, RootVerity, SecureBoot, SigningKey, Tpm};

/// The headline: `Level 2 of 5`, or "No security level" when fwupd says `INVALID`.
pub fn level_headline(id: &HostSecurityId) -> String {
    match id.level {
        Some(level) => fl!("security-hsi-level", level = i64::from(level.min(5))),
        None => fl!("security-hsi-invalid"),
    }
}

/// What the level means, in plain words (with the `!` suffix explained when present).
pub fn level_sentences(id: &HostSecurityId) -> Vec<String> {
    let mut sentences = vec![match id.level {
        Some(0) => fl!("security-hsi-0"),
        Some(1) => fl!("security-hsi-1"),
        Some(2) => fl!("security-hsi-2"),
        Some(3) => fl!("security-hsi-3"),
        Some(4) => fl!("security-hsi-4"),
        Some(_) => fl!("security-hsi-5"),
        None => match id.invalid_reason.as_deref() {
            Some(reason) if reason.contains("chassis[virtual]") => {
                fl!("security-hsi-invalid-virtual")
            }
            Some(reason) if !reason.is_empty() => {
                fl!("security-hsi-invalid-other", reason = reason)
            }
            _ => fl!("security-hsi-invalid-other", reason = "INVALID"),
        },
    }];
    if id.runtime_issue {
        sentences.push(fl!("security-hsi-runtime-issue"));
    }
    sentences
}

/// A level's group heading (0: the runtime checks).
pub fn level_heading(level: u32) -> String {
    match level {
        0 => fl!("security-level-runtime"),
        1 => fl!("security-level-1"),
        2 => fl!("security-level-2"),
        3 => fl!("security-level-3"),
        4 => fl!("security-level-4"),
        5 => fl!("security-level-5"),
        _ => fl!("security-level-other"),
    }
}

/// fwupd's result in words (`not-enabled` → "off").
pub fn result_text(result: HsiResult) -> String {
    match result {
        HsiResult::Unknown | HsiResult::Other(_) => fl!("security-result-unknown"),
        HsiResult::Enabled => fl!("security-result-enabled"),
        HsiResult::NotEnabled => fl!("security-result-not-enabled"),
        HsiResult::Valid => fl!("security-result-valid"),
        HsiResult::NotValid => fl!("security-result-not-valid"),
        HsiResult::Locked => fl!("security-result-locked"),
        HsiResult::NotLocked => fl!("security-result-not-locked"),
        HsiResult::Encrypted => fl!("security-result-encrypted"),
        HsiResult::NotEncrypted => fl!("security-result-not-encrypted"),
        HsiResult::Tainted => fl!("security-result-tainted"),
        HsiResult::NotTainted => fl!("security-result-not-tainted"),
        HsiResult::Found => fl!("security-result-found"),
        HsiResult::NotFound => fl!("security-result-not-found"),
        HsiResult::Supported => fl!("security-result-supported"),
        HsiResult::NotSupported => fl!("security-result-not-supported"),
    }
}

/// A check's title as fwupd gives it (its `Summary`, "Firmware Write Protection"), else
/// its `Name` ("SPI write"), else its AppStream id's last parts made readable
/// (`org.fwupd.hsi.Uefi.SecureBoot` → `Uefi SecureBoot`).
pub fn check_name(attribute: &HsiAttribute) -> String {
    [&attribute.summary, &attribute.name]
        .into_iter()
        .flatten()
        .find(|name| !name.trim().is_empty())
        .map(|name| name.trim().to_owned())
        .unwrap_or_else(|| {
            attribute
                .appstream_id
                .strip_prefix("org.fwupd.hsi.")
                .unwrap_or(&attribute.appstream_id)
                .replace('.', " ")
        })
}

/// "Passed" or "Failed".
pub fn pass_text(attribute: &HsiAttribute) -> String {
    if attribute.passes() {
        fl!("security-passed")
    } else {
        fl!("security-failed")
    }
}

/// One check in one sentence, as a screen reader hears it: "Secure Boot: Passed, on".
pub fn check_sentence(attribute: &HsiAttribute) -> String {
    fl!(
        "security-check-state",
        check = check_name(attribute),
        state = pass_text(attribute),
        result = result_text(attribute.result)
    )
}

/// What a check means: fwupd's description.
pub fn check_meaning(attribute: &HsiAttribute) -> Option<String> {
    attribute
        .description_text()
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}

/// Secure Boot's state.
pub fn secure_boot_text(state: &SecureBoot) -> String {
    match state {
        SecureBoot::On => fl!("security-secure-boot-on"),
        SecureBoot::Off => fl!("security-secure-boot-off"),
        SecureBoot::SetupMode => fl!("security-secure-boot-setup"),
        SecureBoot::Unsupported => fl!("security-secure-boot-unsupported"),
        SecureBoot::NotUefi => fl!("security-secure-boot-not-uefi"),
        SecureBoot::Unreadable(reason) => {
            fl!("security-secure-boot-unreadable", reason = reason.as_str())
        }
    }
}

/// Whose keys are enrolled.
pub fn keys_text(keys: &Keys) -> String {
    match keys {
        Keys::Own {
            microsoft_in_db: false,
            ..
        } => fl!("security-keys-own"),
        Keys::Own {
            microsoft_in_db: true,
            ..
        } => fl!("security-keys-own-microsoft"),
        Keys::Vendor {
            platform_key,
            microsoft_in_db,
        } => {
            let vendor = platform_key.owner();
            if *microsoft_in_db {
                fl!("security-keys-vendor-microsoft", vendor = vendor)
            } else {
                fl!("security-keys-vendor", vendor = vendor)
            }
        }
        Keys::NoPlatformKey => fl!("security-keys-none"),
        Keys::NotUefi => fl!("security-keys-not-uefi"),
        Keys::Unreadable(reason) => fl!("security-keys-unreadable", reason = reason.as_str()),
    }
}

/// The TPM.
pub fn tpm_text(tpm: &Tpm) -> String {
    match tpm {
        Tpm::Version2 => fl!("security-tpm-2"),
        Tpm::Version1 => fl!("security-tpm-1"),
        Tpm::UnknownVersion => fl!("security-tpm-unknown"),
        Tpm::Absent => fl!("security-tpm-absent"),
    }
}

/// PCR 11 against the signed prediction.
pub fn pcr_text(pcr: &Pcr11) -> String {
    match pcr {
        Pcr11::Matches {
            key: SigningKey::Differs,
            ..
        } => fl!("security-pcr-matches-other-key"),
        Pcr11::Matches { .. } => fl!("security-pcr-matches"),
        Pcr11::Differs { .. } => fl!("security-pcr-differs"),
        Pcr11::NoPrediction { .. } => fl!("security-pcr-no-prediction"),
        Pcr11::PredictionUnreadable { reason, .. } => {
            fl!(
                "security-pcr-prediction-unreadable",
                reason = reason.as_str()
            )
        }
        Pcr11::Unreadable(reason) => fl!("security-pcr-unreadable", reason = reason.as_str()),
        Pcr11::NoTpm => fl!("security-pcr-no-tpm"),
    }
}

/// The root's dm-verity.
pub fn root_text(root: &RootVerity) -> String {
    match root {
        RootVerity::Verified { .. } => fl!("security-root-verified"),
        RootVerity::OtherDeviceMapper { device } => {
            fl!("security-root-other-dm", device = device.as_str())
        }
        RootVerity::PlainDevice { source } => fl!("security-root-plain", device = source.as_str()),
        RootVerity::NotBlockDevice { fs_type } => {
            fl!("security-root-not-block", fstype = fs_type.as_str())
        }
        RootVerity::Unknown(reason) => fl!("security-root-unknown", reason = reason.as_str()),
    }
}

/// Whether a fact is good news (drawn as passed).
pub fn fact_is_good(fact: Fact, facts: &ferrum_services::security::Facts) -> bool {
    match fact {
        Fact::SecureBoot => facts.secure_boot == SecureBoot::On,
        Fact::Keys => matches!(facts.keys, Keys::Own { .. } | Keys::Vendor { .. }),
        Fact::Tpm => facts.tpm == Tpm::Version2,
        Fact::Pcr => matches!(
            facts.pcr11,
            Pcr11::Matches {
                key: SigningKey::Matches | SigningKey::Missing,
                ..
            }
        ),
        Fact::Root => matches!(facts.root, RootVerity::Verified { .. }),
    }
}

/// This computer's facts, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    /// Secure Boot on or off.
    SecureBoot,
    /// Whose keys.
    Keys,
    /// The TPM.
    Tpm,
    /// PCR 11 against the prediction.
    Pcr,
    /// dm-verity of the root.
    Root,
}

impl Fact {
    /// Every fact, in order.
    pub const ALL: [Fact; 5] = [
        Fact::SecureBoot,
        Fact::Keys,
        Fact::Tpm,
        Fact::Pcr,
        Fact::Root,
    ];

    /// Its id's part.
    pub fn id(self) -> &'static str {
        match self {
            Fact::SecureBoot => "secure-boot",
            Fact::Keys => "keys",
            Fact::Tpm => "tpm",
            Fact::Pcr => "pcr",
            Fact::Root => "root",
        }
    }

    /// Its title.
    pub fn title(self) -> String {
        match self {
            Fact::SecureBoot => fl!("security-secure-boot"),
            Fact::Keys => fl!("security-keys"),
            Fact::Tpm => fl!("security-tpm"),
            Fact::Pcr => fl!("security-pcr"),
            Fact::Root => fl!("security-root"),
        }
    }

    /// What it is on this computer, in words.
    pub fn text(self, facts: &ferrum_services::security::Facts) -> String {
        match self {
            Fact::SecureBoot => secure_boot_text(&facts.secure_boot),
            Fact::Keys => keys_text(&facts.keys),
            Fact::Tpm => tpm_text(&facts.tpm),
            Fact::Pcr => pcr_text(&facts.pcr11),
            Fact::Root => root_text(&facts.root),
        }
    }
}

/// A date from seconds since the epoch (UTC), in the language's format.
fn date(seconds: u64) -> String {
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let (Ok(year), Ok(month), Ok(day)) =
        (i32::try_from(year), u8::try_from(month), u8::try_from(day))
    else {
        return seconds.to_string();
    };
    ferrum_i18n::format_date(year, month, day)
        .unwrap_or_else(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// One entry of the event log: when, which check, from what to what.
pub fn event_text(event: &HsiAttribute) -> String {
    let when = event.created.map(date).unwrap_or_default();
    let check = check_name(event);
    let after = result_text(event.result);
    match event.result_fallback {
        Some(before) if before != event.result => fl!(
            "security-event",
            date = when,
            check = check,
            before = result_text(before),
            after = after
        ),
        _ => fl!(
            "security-event-now",
            date = when,
            check = check,
            after = after
        ),
    }
}

/// A fwupd failure in a sentence.
pub fn error_sentence(error: &FirmwareError) -> String {
    match error {
        FirmwareError::NotRunning(_) => fl!("security-error-not-running"),
        FirmwareError::Timeout(_) => fl!("security-error-timeout"),
        FirmwareError::NotAuthorized(_) => fl!("security-error-not-authorized"),
        other => fl!("security-error-other", reason = other.to_string()),
    }
}
