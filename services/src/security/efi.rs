//! UEFI variables as efivarfs shows them, the certificates in `PK`, `KEK` and `db`
//! (`EFI_SIGNATURE_LIST`s), and the little of X.509 we need: a certificate's SHA-256
//! fingerprint and its subject's organisation and common name (a small DER walk; no
//! certificate is verified here, so no crypto library is needed).

use std::path::Path;

use sha2::{Digest, Sha256};

/// `EFI_GLOBAL_VARIABLE`: `SecureBoot`, `SetupMode`, `PK`, `KEK`.
pub const GLOBAL_GUID: &str = "8be4df61-93ca-11d2-aa0d-00e098032b8c";
/// `EFI_IMAGE_SECURITY_DATABASE_GUID`: `db`, `dbx`.
pub const IMAGE_SECURITY_GUID: &str = "d719b2cb-3d3a-4596-a3bc-dad00e67656f";

/// `EFI_CERT_X509_GUID` (a5c059a1-94e4-4aa7-87b5-ab155c2bf072) as stored (the first three
/// fields little-endian).
const CERT_X509_GUID: [u8; 16] = [
    0xa1, 0x59, 0xc0, 0xa5, 0xe4, 0x94, 0xa7, 0x4a, 0x87, 0xb5, 0xab, 0x15, 0x5c, 0x2b, 0xf0, 0x72,
];

/// A certificate found in a key database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    /// SHA-256 of the DER certificate, lower-case hex.
    pub fingerprint: String,
    /// The subject's organisation (`O`).
    pub organization: Option<String>,
    /// The subject's common name (`CN`).
    pub common_name: Option<String>,
}

impl Certificate {
    /// Reads a DER certificate; None when it is not one.
    pub fn from_der(der: &[u8]) -> Option<Self> {
        let (organization, common_name) = subject(der)?;
        Some(Self {
            fingerprint: super::hex(&Sha256::digest(der)),
            organization,
            common_name,
        })
    }

    /// Who the certificate names: its organisation, else its common name, else its
    /// fingerprint's start.
    pub fn owner(&self) -> String {
        self.organization
            .clone()
            .or_else(|| self.common_name.clone())
            .unwrap_or_else(|| self.fingerprint.chars().take(16).collect())
    }

    /// Whether Microsoft issued it (its organisation or name says so).
    pub fn is_microsoft(&self) -> bool {
        [&self.organization, &self.common_name]
            .into_iter()
            .flatten()
            .any(|name| name.contains("Microsoft"))
    }
}

/// The path of a variable in efivarfs under `root`.
pub fn variable_path(root: &Path, name: &str, guid: &str) -> std::path::PathBuf {
    root.join("sys/firmware/efi/efivars")
        .join(format!("{name}-{guid}"))
}

/// A variable's data (after efivarfs's 4-byte attributes).
pub fn read_variable(root: &Path, name: &str, guid: &str) -> std::io::Result<Vec<u8>> {
    let bytes = std::fs::read(variable_path(root, name, guid))?;
    Ok(bytes.get(4..).map(<[u8]>::to_vec).unwrap_or_default())
}

fn u32_le(bytes: &[u8], at: usize) -> Option<usize> {
    let four: [u8; 4] = bytes.get(at..at.checked_add(4)?)?.try_into().ok()?;
    usize::try_from(u32::from_le_bytes(four)).ok()
}

/// The X.509 certificates of a signature database (`PK`, `KEK`, `db`): every
/// `EFI_SIGNATURE_LIST` of type `EFI_CERT_X509_GUID`; hash entries are skipped. A list
/// cut short ends the walk with what was read.
pub fn certificates(data: &[u8]) -> Vec<Certificate> {
    let mut found = Vec::new();
    let mut at = 0usize;
    while data.len().saturating_sub(at) >= 28 {
        let (Some(list_size), Some(header_size), Some(signature_size)) = (
            u32_le(data, at + 16),
            u32_le(data, at + 20),
            u32_le(data, at + 24),
        ) else {
            break;
        };
        let Some(end) = at.checked_add(list_size).filter(|&end| end <= data.len()) else {
            break;
        };
        if list_size < 28 {
            break;
        }
        let kind = &data[at..at + 16];
        let mut entry = (at + 28).saturating_add(header_size);
        if kind == CERT_X509_GUID && signature_size > 16 {
            while entry
                .checked_add(signature_size)
                .is_some_and(|next| next <= end)
            {
                // EFI_SIGNATURE_DATA: the owner's GUID, then the certificate.
                if let Some(certificate) =
                    Certificate::from_der(&data[entry + 16..entry + signature_size])
                {
                    found.push(certificate);
                }
                entry += signature_size;
            }
        }
        at = end;
    }
    found
}

/// One DER element: its tag, its contents, and what follows it.
pub(super) fn element(bytes: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = bytes.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (length, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 || rest.len() < count {
            return None;
        }
        let length = rest[..count]
            .iter()
            .fold(0usize, |length, &byte| (length << 8) | usize::from(byte));
        (length, &rest[count..])
    };
    if rest.len() < length {
        return None;
    }
    Some((tag, &rest[..length], &rest[length..]))
}

const SEQUENCE: u8 = 0x30;
const SET: u8 = 0x31;
const OID: u8 = 0x06;
/// 2.5.4.3
const OID_COMMON_NAME: &[u8] = &[0x55, 0x04, 0x03];
/// 2.5.4.10
const OID_ORGANIZATION: &[u8] = &[0x55, 0x04, 0x0a];

/// The subject's organisation and common name of a DER certificate.
fn subject(der: &[u8]) -> Option<(Option<String>, Option<String>)> {
    let (SEQUENCE, certificate, _) = element(der)? else {
        return None;
    };
    let (SEQUENCE, tbs, _) = element(certificate)? else {
        return None;
    };
    let mut rest = tbs;
    // [0] EXPLICIT version, when present.
    if rest.first() == Some(&0xa0) {
        rest = element(rest)?.2;
    }
    // serialNumber, signature, issuer, validity.
    for _ in 0..4 {
        rest = element(rest)?.2;
    }
    let (SEQUENCE, mut name, _) = element(rest)? else {
        return None;
    };
    let (mut organization, mut common_name) = (None, None);
    while !name.is_empty() {
        let (tag, set, next) = element(name)?;
        name = next;
        if tag != SET {
            continue;
        }
        let mut attributes = set;
        while !attributes.is_empty() {
            let (tag, attribute, next) = element(attributes)?;
            attributes = next;
            if tag != SEQUENCE {
                continue;
            }
            let (OID, oid, value) = element(attribute)? else {
                continue;
            };
            let (kind, value, _) = element(value)?;
            let text = directory_string(kind, value);
            if oid == OID_COMMON_NAME && common_name.is_none() {
                common_name = text;
            } else if oid == OID_ORGANIZATION && organization.is_none() {
                organization = text;
            }
        }
    }
    Some((organization, common_name))
}

/// A `DirectoryString`'s text (UTF8String, PrintableString, IA5String, TeletexString
/// read as Latin-1, BMPString).
fn directory_string(tag: u8, value: &[u8]) -> Option<String> {
    let text = match tag {
        0x0c | 0x13 | 0x16 => String::from_utf8_lossy(value).into_owned(),
        0x14 => value.iter().map(|&byte| char::from(byte)).collect(),
        0x1e => {
            let units: Vec<u16> = value
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => return None,
    };
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub const OWN_PK: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/security/own-pk.cer"
    ));
    pub const VENDOR_PK: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/security/vendor-pk.cer"
    ));
    pub const MICROSOFT_CA: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/security/microsoft-ca.cer"
    ));

    /// An `EFI_SIGNATURE_LIST` of X.509 certificates, as firmware stores one per
    /// certificate (each list's entries have one size).
    pub fn signature_list(certificates: &[&[u8]]) -> Vec<u8> {
        let mut out = Vec::new();
        for der in certificates {
            let signature_size = 16 + der.len();
            let list_size = 28 + signature_size;
            out.extend_from_slice(&CERT_X509_GUID);
            out.extend_from_slice(&u32::try_from(list_size).unwrap().to_le_bytes());
            out.extend_from_slice(&0u32.to_le_bytes());
            out.extend_from_slice(&u32::try_from(signature_size).unwrap().to_le_bytes());
            // The owner's GUID.
            out.extend_from_slice(&[0x11; 16]);
            out.extend_from_slice(der);
        }
        out
    }

    /// A list of SHA-256 hashes (as in `dbx`), which holds no certificate.
    pub fn hash_list() -> Vec<u8> {
        // EFI_CERT_SHA256_GUID c1c41626-504c-4092-aca9-41f936934328
        let mut out = vec![
            0x26, 0x16, 0xc4, 0xc1, 0x4c, 0x50, 0x92, 0x40, 0xac, 0xa9, 0x41, 0xf9, 0x36, 0x93,
            0x43, 0x28,
        ];
        out.extend_from_slice(&(28u32 + 48).to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&48u32.to_le_bytes());
        out.extend_from_slice(&[0x22; 48]);
        out
    }

    #[test]
    fn subjects_and_fingerprints_of_real_certificates() {
        let own = Certificate::from_der(OWN_PK).unwrap();
        assert_eq!(
            own.fingerprint,
            // sha256sum services/tests/fixtures/security/own-pk.cer
            "38dc5c1c81e4fefd7ed2e588586abbafbd82e1425e3e13b35e6c4dffa4f20c88"
        );
        assert_eq!(own.organization.as_deref(), Some("Ferrum Test"));
        assert_eq!(own.common_name.as_deref(), Some("Ferrum Test Platform Key"));
        let vendor = Certificate::from_der(VENDOR_PK).unwrap();
        assert_eq!(vendor.owner(), "Example Computers Inc.");
        assert!(!vendor.is_microsoft());
        assert!(Certificate::from_der(MICROSOFT_CA).unwrap().is_microsoft());
        assert_eq!(Certificate::from_der(b"not a certificate"), None);
        assert_eq!(Certificate::from_der(&OWN_PK[..100]), None);
    }

    #[test]
    fn signature_lists_yield_their_certificates() {
        let mut data = hash_list();
        data.extend(signature_list(&[VENDOR_PK, MICROSOFT_CA]));
        let found = certificates(&data);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].owner(), "Example Computers Inc.");
        assert!(found[1].is_microsoft());
        // Cut short: what was whole is kept, nothing panics.
        for cut in 0..data.len() {
            let _ = certificates(&data[..cut]);
        }
        assert_eq!(certificates(&[]), Vec::new());
    }
}
