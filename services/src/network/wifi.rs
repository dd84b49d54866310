//! Joining Wi-Fi networks: passwords checked before they are sent, and the
//! connection profile NetworkManager gets for each kind of security.

use std::fmt;

use zbus::zvariant::Array;
use zeroize::Zeroizing;

use super::model::{Security, Ssid};
use super::settings::{self, Settings};

/// A Wi-Fi password, zeroized when dropped and never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct WifiPassword(Zeroizing<String>);

impl fmt::Debug for WifiPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WifiPassword(<redacted>)")
    }
}

/// Why a password cannot be right for the network's security.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// WPA passwords have at least 8 characters.
    #[error("a WPA password has 8 to 63 characters; this one has {0}")]
    TooShort(usize),
    /// WPA passphrases have at most 63 characters (64 must be hexadecimal).
    #[error("a WPA password has 8 to 63 characters; this one has {0}")]
    TooLong(usize),
    /// Only printable ASCII characters are allowed in a WPA passphrase.
    #[error("a WPA password may only contain printable ASCII characters")]
    NotPrintable,
    /// A 64-character key must be hexadecimal.
    #[error("a 64-character WPA key must be hexadecimal")]
    NotHex,
    /// WEP keys are 5 or 13 characters, or 10 or 26 hexadecimal digits.
    #[error("a WEP key has 5 or 13 characters, or 10 or 26 hexadecimal digits")]
    BadWepKey,
    /// Nothing was typed.
    #[error("the password is empty")]
    Empty,
    /// An enterprise network needs a user name.
    #[error("an enterprise network needs a user name")]
    MissingIdentity,
}

impl WifiPassword {
    /// Checks a password for a network with `security`.
    pub fn parse(text: &str, security: Security) -> Result<Self, PasswordError> {
        if text.is_empty() {
            return Err(PasswordError::Empty);
        }
        match security {
            Security::Wep => {
                let hex = text.chars().all(|c| c.is_ascii_hexdigit());
                let ok = match text.len() {
                    5 | 13 => text.chars().all(|c| c.is_ascii_graphic() || c == ' '),
                    10 | 26 => hex,
                    _ => false,
                };
                if !ok {
                    return Err(PasswordError::BadWepKey);
                }
            }
            Security::Enterprise => {}
            _ => {
                let length = text.chars().count();
                if length == 64 {
                    if !text.chars().all(|c| c.is_ascii_hexdigit()) {
                        return Err(PasswordError::NotHex);
                    }
                } else if length < 8 {
                    return Err(PasswordError::TooShort(length));
                } else if length > 64 {
                    return Err(PasswordError::TooLong(length));
                } else if !text.chars().all(|c| matches!(c, ' '..='~')) {
                    return Err(PasswordError::NotPrintable);
                }
            }
        }
        Ok(Self(Zeroizing::new(text.to_owned())))
    }

    /// The password, for NetworkManager.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// The outer EAP method of an enterprise network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EapMethod {
    /// Protected EAP.
    Peap,
    /// Tunneled TLS.
    Ttls,
}

/// The inner authentication of PEAP or TTLS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InnerAuth {
    /// MSCHAPv2 (eduroam's usual).
    Mschapv2,
    /// Plain PAP (TTLS only).
    Pap,
}

/// What an enterprise (802.1X) network needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enterprise {
    /// Outer method.
    pub method: EapMethod,
    /// Inner authentication.
    pub inner: InnerAuth,
    /// The user name (`name@institution` for eduroam).
    pub identity: String,
    /// The outer, anonymous identity, if any.
    pub anonymous_identity: String,
    /// A CA certificate file (PEM), or none to use the system's CA store.
    pub ca_certificate: Option<std::path::PathBuf>,
    /// The domain the server certificate must belong to (`institution.example`).
    pub domain: String,
}

/// How to join: the secret for the network's security.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credentials {
    /// Open or Enhanced Open.
    None,
    /// A shared password (WEP, WPA/WPA2/WPA3 Personal).
    Password(WifiPassword),
    /// 802.1X with a password.
    Enterprise(Enterprise, WifiPassword),
}

/// The profile NetworkManager gets to join `ssid`.
pub fn profile(
    ssid: &Ssid,
    security: Security,
    credentials: &Credentials,
    hidden: bool,
) -> Settings {
    let mut profile = Settings::new();
    settings::set(&mut profile, "connection", "type", "802-11-wireless");
    settings::set(&mut profile, "connection", "id", ssid.display());
    settings::set(&mut profile, "connection", "autoconnect", true);
    settings::set(
        &mut profile,
        "802-11-wireless",
        "ssid",
        Array::from(ssid.0.clone()),
    );
    settings::set(&mut profile, "802-11-wireless", "mode", "infrastructure");
    if hidden {
        settings::set(&mut profile, "802-11-wireless", "hidden", true);
    }
    let security_setting = "802-11-wireless-security";
    match (security, credentials) {
        (Security::Open, _) => {}
        (Security::EnhancedOpen, _) => {
            settings::set(&mut profile, security_setting, "key-mgmt", "owe");
        }
        (Security::Wep, Credentials::Password(key)) => {
            settings::set(&mut profile, security_setting, "key-mgmt", "none");
            settings::set(&mut profile, security_setting, "wep-key0", key.expose());
            // 1: a key (hex or ASCII), not a passphrase to hash.
            settings::set(&mut profile, security_setting, "wep-key-type", 1u32);
        }
        (Security::Wpa3Personal, Credentials::Password(password)) => {
            settings::set(&mut profile, security_setting, "key-mgmt", "sae");
            settings::set(&mut profile, security_setting, "psk", password.expose());
        }
        (_, Credentials::Enterprise(enterprise, password)) => {
            settings::set(&mut profile, security_setting, "key-mgmt", "wpa-eap");
            let eap = match enterprise.method {
                EapMethod::Peap => "peap",
                EapMethod::Ttls => "ttls",
            };
            let inner = match enterprise.inner {
                InnerAuth::Mschapv2 => "mschapv2",
                InnerAuth::Pap => "pap",
            };
            settings::set(&mut profile, "802-1x", "eap", Array::from(vec![eap]));
            settings::set(&mut profile, "802-1x", "phase2-auth", inner);
            settings::set(
                &mut profile,
                "802-1x",
                "identity",
                enterprise.identity.as_str(),
            );
            if !enterprise.anonymous_identity.is_empty() {
                settings::set(
                    &mut profile,
                    "802-1x",
                    "anonymous-identity",
                    enterprise.anonymous_identity.as_str(),
                );
            }
            if !enterprise.domain.is_empty() {
                settings::set(
                    &mut profile,
                    "802-1x",
                    "domain-suffix-match",
                    enterprise.domain.as_str(),
                );
            }
            match &enterprise.ca_certificate {
                // NetworkManager's path scheme: "file://" + path + NUL, as bytes.
                Some(path) => {
                    let mut uri = format!("file://{}", path.display()).into_bytes();
                    uri.push(0);
                    settings::set(&mut profile, "802-1x", "ca-cert", Array::from(uri));
                }
                None => settings::set(&mut profile, "802-1x", "system-ca-certs", true),
            }
            settings::set(&mut profile, "802-1x", "password", password.expose());
        }
        (_, credentials) => {
            settings::set(&mut profile, security_setting, "key-mgmt", "wpa-psk");
            if let Credentials::Password(password) = credentials {
                settings::set(&mut profile, security_setting, "psk", password.expose());
            }
        }
    }
    profile
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wpa_passwords_are_checked() {
        let wpa = Security::WpaPersonal;
        assert!(WifiPassword::parse("correct horse", wpa).is_ok());
        assert_eq!(
            WifiPassword::parse("short", wpa),
            Err(PasswordError::TooShort(5))
        );
        assert_eq!(
            WifiPassword::parse(&"a".repeat(65), wpa),
            Err(PasswordError::TooLong(65))
        );
        assert_eq!(
            WifiPassword::parse("pässwörd!", wpa),
            Err(PasswordError::NotPrintable)
        );
        assert!(WifiPassword::parse(&"0f".repeat(32), wpa).is_ok());
        assert_eq!(
            WifiPassword::parse(&"zz".repeat(32), wpa),
            Err(PasswordError::NotHex)
        );
        assert!(WifiPassword::parse(&"a".repeat(63), wpa).is_ok());
        assert!(WifiPassword::parse("12345", Security::Wep).is_ok());
        assert!(WifiPassword::parse("0123456789", Security::Wep).is_ok());
        assert_eq!(
            WifiPassword::parse("123", Security::Wep),
            Err(PasswordError::BadWepKey)
        );
    }

    #[test]
    fn passwords_are_redacted() {
        let password = WifiPassword::parse("hunter2hunter2", Security::WpaPersonal).expect("valid");
        assert!(!format!("{password:?}").contains("hunter"));
        let credentials = Credentials::Password(password);
        assert!(!format!("{credentials:?}").contains("hunter"));
    }

    #[test]
    fn profiles_carry_raw_ssid_and_key_management() {
        let ssid = Ssid(b"Caf\xe9".to_vec());
        let password = WifiPassword::parse("hunter2hunter2", Security::WpaPersonal).expect("valid");
        let wpa = profile(
            &ssid,
            Security::WpaPersonal,
            &Credentials::Password(password.clone()),
            false,
        );
        assert_eq!(
            settings::get::<Vec<u8>>(&wpa, "802-11-wireless", "ssid"),
            Some(b"Caf\xe9".to_vec())
        );
        assert_eq!(
            settings::string(&wpa, "802-11-wireless-security", "key-mgmt"),
            "wpa-psk"
        );
        assert_eq!(
            settings::string(&wpa, "802-11-wireless-security", "psk"),
            "hunter2hunter2"
        );
        let sae = profile(
            &ssid,
            Security::Wpa3Personal,
            &Credentials::Password(password),
            true,
        );
        assert_eq!(
            settings::string(&sae, "802-11-wireless-security", "key-mgmt"),
            "sae"
        );
        assert_eq!(
            settings::get::<bool>(&sae, "802-11-wireless", "hidden"),
            Some(true)
        );
        let open = profile(&ssid, Security::Open, &Credentials::None, false);
        assert!(!open.contains_key("802-11-wireless-security"));
    }

    #[test]
    fn enterprise_profiles() {
        let enterprise = Enterprise {
            method: EapMethod::Peap,
            inner: InnerAuth::Mschapv2,
            identity: "ada@uni.example".into(),
            anonymous_identity: "anonymous@uni.example".into(),
            ca_certificate: Some("/etc/ssl/uni.pem".into()),
            domain: "uni.example".into(),
        };
        let password = WifiPassword::parse("secret", Security::Enterprise).expect("valid");
        let eap = profile(
            &Ssid::from("eduroam"),
            Security::Enterprise,
            &Credentials::Enterprise(enterprise, password),
            false,
        );
        assert_eq!(
            settings::string(&eap, "802-11-wireless-security", "key-mgmt"),
            "wpa-eap"
        );
        assert_eq!(settings::strings(&eap, "802-1x", "eap"), vec!["peap"]);
        assert_eq!(settings::string(&eap, "802-1x", "phase2-auth"), "mschapv2");
        assert_eq!(
            settings::get::<Vec<u8>>(&eap, "802-1x", "ca-cert"),
            Some(b"file:///etc/ssl/uni.pem\0".to_vec())
        );
    }
}
