//! The TPM as sysfs shows it, and PCR 11 checked against the running UKI's signed
//! prediction.
//!
//! systemd-measure signs, for each boot phase path, the TPM2 `PolicyPCR` digest of the
//! PCR 11 value predicted for it (`pol` in `tpm2-pcr-signature.json`), starting from an
//! all-zero policy (systemd's `tpm2_calculate_policy_pcr`):
//!
//! ```text
//! policy = SHA-256( zeros(32)
//!                 || TPM_CC_PolicyPCR (0x0000017F, u32 big-endian)
//!                 || TPML_PCR_SELECTION { count = 1 (u32 BE),
//!                                         hash = TPM_ALG_SHA256 (0x000B, u16 BE),
//!                                         sizeofSelect = 3,
//!                                         pcrSelect = 00 08 00 (bit 11) }
//!                 || SHA-256(PCR 11 value) )
//! ```
//!
//! So the value in `/sys/class/tpm/tpm0/pcr-sha256/11` matches the prediction exactly
//! when its policy digest is one of the signed `pol`s; this is what decides whether a
//! secret sealed to the signing key opens (the boot self-test proves that in the image).

use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// `TPM_CC_PolicyPCR`.
const TPM_CC_POLICY_PCR: u32 = 0x0000_017f;
/// `TPM_ALG_SHA256`.
const TPM_ALG_SHA256: u16 = 0x000b;
/// The PCR systemd-stub and systemd measure the UKI and the boot phases into.
pub const PCR_KERNEL_BOOT: u32 = 11;

/// The `PolicyPCR` digest of one SHA-256 PCR bank value of PCR 11, from a zero policy.
pub fn policy_pcr11(value: &[u8; 32]) -> [u8; 32] {
    let mut selection = [0u8; 3];
    selection[(PCR_KERNEL_BOOT / 8) as usize] |= 1 << (PCR_KERNEL_BOOT % 8);
    let mut hasher = Sha256::new();
    hasher.update([0u8; 32]);
    hasher.update(TPM_CC_POLICY_PCR.to_be_bytes());
    hasher.update(1u32.to_be_bytes());
    hasher.update(TPM_ALG_SHA256.to_be_bytes());
    hasher.update([3u8]);
    hasher.update(selection);
    hasher.update(Sha256::digest(value));
    hasher.finalize().into()
}

/// Where the running UKI's signed prediction is (systemd keeps the stub's copy in
/// `/run/systemd`; inside the initrd it is in `/.extra`).
pub const SIGNATURE_PATHS: &[&str] = &[
    "run/systemd/tpm2-pcr-signature.json",
    ".extra/tpm2-pcr-signature.json",
];
/// The public key the prediction is signed with, beside it.
pub const PUBLIC_KEY_PATHS: &[&str] = &[
    "run/systemd/tpm2-pcr-public-key.pem",
    ".extra/tpm2-pcr-public-key.pem",
];

/// One signed PCR 11 policy of the prediction (one per phase path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedPolicy {
    /// `pol`: the policy digest, lower-case hex.
    pub policy: String,
    /// `pkfp`: SHA-256 of the signing key's DER public key, lower-case hex.
    pub key_fingerprint: String,
}

/// The SHA-256 bank's PCR 11 entries of a `tpm2-pcr-signature.json`.
pub fn parse_signature(json: &str) -> Result<Vec<SignedPolicy>, String> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let entries = value
        .get("sha256")
        .and_then(serde_json::Value::as_array)
        .ok_or("no sha256 bank")?;
    Ok(entries
        .iter()
        .filter(|entry| {
            entry
                .get("pcrs")
                .and_then(serde_json::Value::as_array)
                .is_some_and(|pcrs| {
                    pcrs.iter()
                        .any(|pcr| pcr.as_u64() == Some(u64::from(PCR_KERNEL_BOOT)))
                })
        })
        .filter_map(|entry| {
            let text = |key: &str| {
                entry
                    .get(key)
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_ascii_lowercase)
            };
            Some(SignedPolicy {
                policy: text("pol")?,
                key_fingerprint: text("pkfp").unwrap_or_default(),
            })
        })
        .collect())
}

/// The fingerprint systemd-measure writes in `pkfp` for a PEM public key (`-----BEGIN
/// PUBLIC KEY-----`), lower-case hex: SHA-256 of the key itself as OpenSSL's
/// `i2d_PublicKey` encodes it — for RSA the PKCS #1 `RSAPublicKey`, for EC the point —
/// which is the `subjectPublicKey` bit string inside the PEM's `SubjectPublicKeyInfo`, not
/// the whole DER.
pub fn public_key_fingerprint(pem: &str) -> Option<String> {
    let body: String = pem
        .lines()
        .map(str::trim)
        .skip_while(|line| !line.starts_with("-----BEGIN"))
        .skip(1)
        .take_while(|line| !line.starts_with("-----END"))
        .collect();
    let der = base64::engine::general_purpose::STANDARD
        .decode(body)
        .ok()?;
    // SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
    let (SEQUENCE, info, _) = super::efi::element(&der)? else {
        return None;
    };
    let (SEQUENCE, _, rest) = super::efi::element(info)? else {
        return None;
    };
    let (BIT_STRING, bits, _) = super::efi::element(rest)? else {
        return None;
    };
    // The first byte counts the unused bits of the last one: none in a key.
    let (&0, key) = bits.split_first()? else {
        return None;
    };
    (!key.is_empty()).then(|| super::hex(&Sha256::digest(key)))
}

const SEQUENCE: u8 = 0x30;
const BIT_STRING: u8 = 0x03;

/// A PCR value as sysfs prints it (hex, maybe upper-case, a newline).
pub fn parse_pcr(text: &str) -> Option<[u8; 32]> {
    let text = text.trim();
    if text.len() != 64 {
        return None;
    }
    let mut value = [0u8; 32];
    for (index, byte) in value.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(index * 2..index * 2 + 2)?, 16).ok()?;
    }
    Some(value)
}

/// The first of `paths` under `root` that exists, read; `Ok(None)` when none exists, an
/// error when one exists but cannot be read (permissions).
pub fn read_first(root: &Path, paths: &[&str]) -> std::io::Result<Option<String>> {
    for path in paths {
        match std::fs::read_to_string(root.join(path)) {
            Ok(text) => return Ok(Some(text)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => return Err(error),
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Computed independently with Python's hashlib:
    /// `sha256(bytes(32) + pack('>I', 0x17F) + pack('>IHB', 1, 0x000B, 3) + bytes([0, 8, 0])
    ///  + sha256(pcr))`.
    #[test]
    fn the_policy_digest_of_pcr_11_matches_an_independent_computation() {
        let pcr = parse_pcr("6aac71a840a3d60d0dafb4ff168c02f66367480a246fc2346952b34be7fda5a4\n")
            .unwrap();
        assert_eq!(
            super::super::hex(&policy_pcr11(&pcr)),
            "db934a1d56a1784eda594a49fb808a58f155d7e4bece834bf4869b666accea5a"
        );
        assert_eq!(
            super::super::hex(&policy_pcr11(&[0; 32])),
            "fd32fa22c52cfc8e1a0c29eb38519f87084cab0b04b0d8f020a4d38b2f4e223e"
        );
    }

    #[test]
    fn pcr_values_as_sysfs_prints_them() {
        assert_eq!(parse_pcr(&"AB".repeat(32)), Some([0xab; 32]));
        assert_eq!(parse_pcr("abc"), None);
        assert_eq!(parse_pcr(&"zz".repeat(32)), None);
        assert_eq!(parse_pcr(&"é".repeat(32)), None);
    }

    #[test]
    fn the_signature_files_pcr_11_policies() {
        let json = r#"{"sha256":[
            {"pcrs":[11],"pkfp":"AA11","pol":"DB93","sig":"c2ln"},
            {"pcrs":[11],"pkfp":"aa11","pol":"0102","sig":"c2ln"},
            {"pcrs":[4],"pkfp":"aa11","pol":"ffff","sig":"c2ln"}],
            "sha1":[{"pcrs":[11],"pkfp":"aa11","pol":"eeee","sig":"c2ln"}]}"#;
        let policies = parse_signature(json).unwrap();
        assert_eq!(
            policies
                .iter()
                .map(|p| p.policy.as_str())
                .collect::<Vec<_>>(),
            ["db93", "0102"]
        );
        assert_eq!(policies[0].key_fingerprint, "aa11");
        assert!(parse_signature("{").is_err());
        assert!(parse_signature("{}").is_err());
    }

    #[test]
    fn the_public_keys_fingerprint_is_systemd_measures_pkfp() {
        let pem = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/security/pcr-public-key.pem"
        ));
        // `openssl rsa -pubin -RSAPublicKey_out -outform DER | sha256sum`: the PKCS #1 key,
        // as systemd-measure hashes it (checked against a UKI's .pcrsig and its key).
        assert_eq!(
            public_key_fingerprint(pem).as_deref(),
            Some("edb1993228decf70faa0ea33274ccc0d795c198a3848b60c6a93789362bcd0c8")
        );
        assert_eq!(public_key_fingerprint("nothing"), None);
    }
}
