//! Sharing the connection over Wi-Fi: an access-point profile with a generated
//! WPA2 password, and the text of the QR code phones scan to join it.

use zbus::zvariant::Array;

use super::model::Ssid;
use super::settings::{self, Settings};
use super::wifi::WifiPassword;

/// Letters and digits that cannot be confused with one another when read aloud or
/// copied from a screen (no 0/O, 1/l/I).
const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// Length of a generated password.
const GENERATED_LENGTH: usize = 10;

/// The longest network name 802.11 allows, in bytes.
pub const MAX_SSID_BYTES: usize = 32;

/// Why a hotspot name cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    /// Nothing but spaces was typed.
    #[error("the network name is empty")]
    Empty,
    /// A network name has at most 32 bytes (this many were typed).
    #[error("a network name has at most 32 bytes; this one has {0}")]
    TooLong(usize),
}

/// Checks a hotspot's name (trimmed): 1 to 32 bytes.
pub fn check_name(name: &str) -> Result<Ssid, NameError> {
    let name = name.trim();
    match name.len() {
        0 => Err(NameError::Empty),
        length if length > MAX_SSID_BYTES => Err(NameError::TooLong(length)),
        _ => Ok(Ssid::from(name)),
    }
}

/// A generated hotspot password, from the kernel's random source.
pub fn generate_password() -> std::io::Result<String> {
    use std::io::Read as _;
    let mut bytes = [0_u8; GENERATED_LENGTH * 2];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    // Rejection sampling keeps every character equally likely.
    let limit = u8::try_from(256 - 256 % ALPHABET.len()).unwrap_or(u8::MAX);
    let password: String = bytes
        .iter()
        .filter(|byte| **byte < limit)
        .map(|byte| char::from(ALPHABET[usize::from(*byte) % ALPHABET.len()]))
        .take(GENERATED_LENGTH)
        .collect();
    if password.len() < GENERATED_LENGTH {
        return generate_password();
    }
    Ok(password)
}

/// The access-point profile: WPA2 (RSN, CCMP), addresses shared from this machine.
pub fn profile(ssid: &Ssid, password: &WifiPassword, interface: &str) -> Settings {
    let mut profile = Settings::new();
    settings::set(&mut profile, "connection", "type", "802-11-wireless");
    settings::set(&mut profile, "connection", "id", "Hotspot");
    settings::set(&mut profile, "connection", "autoconnect", false);
    if !interface.is_empty() {
        settings::set(&mut profile, "connection", "interface-name", interface);
    }
    settings::set(
        &mut profile,
        "802-11-wireless",
        "ssid",
        Array::from(ssid.0.clone()),
    );
    settings::set(&mut profile, "802-11-wireless", "mode", "ap");
    settings::set(&mut profile, "802-11-wireless", "band", "bg");
    let security = "802-11-wireless-security";
    settings::set(&mut profile, security, "key-mgmt", "wpa-psk");
    settings::set(&mut profile, security, "psk", password.expose());
    settings::set(&mut profile, security, "proto", Array::from(vec!["rsn"]));
    settings::set(
        &mut profile,
        security,
        "pairwise",
        Array::from(vec!["ccmp"]),
    );
    settings::set(&mut profile, security, "group", Array::from(vec!["ccmp"]));
    settings::set(&mut profile, "ipv4", "method", "shared");
    settings::set(&mut profile, "ipv6", "method", "ignore");
    profile
}

fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | ';' | ',' | ':' | '"') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// The text of the QR code that joins a WPA network (the `WIFI:` scheme phones read).
pub fn qr_text(ssid: &str, password: &str) -> String {
    format!("WIFI:T:WPA;S:{};P:{};;", escape(ssid), escape(password))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::model::Security;

    #[test]
    fn generated_passwords_are_valid_and_differ() {
        let first = generate_password().expect("random");
        let second = generate_password().expect("random");
        assert_eq!(first.len(), GENERATED_LENGTH);
        assert_ne!(first, second);
        assert!(first.bytes().all(|b| ALPHABET.contains(&b)));
        assert!(WifiPassword::parse(&first, Security::WpaPersonal).is_ok());
    }

    #[test]
    fn qr_text_escapes_special_characters() {
        assert_eq!(
            qr_text("Ada's \"Lab\"; 2", "p:a,s\\s"),
            "WIFI:T:WPA;S:Ada's \\\"Lab\\\"\\; 2;P:p\\:a\\,s\\\\s;;"
        );
    }

    #[test]
    fn the_profile_is_an_access_point_sharing_the_connection() {
        let password = WifiPassword::parse("hunter2hunter2", Security::WpaPersonal).expect("valid");
        let profile = profile(&Ssid::from("Ferrum"), &password, "wlan0");
        assert_eq!(settings::string(&profile, "802-11-wireless", "mode"), "ap");
        assert_eq!(settings::string(&profile, "ipv4", "method"), "shared");
        assert_eq!(
            settings::string(&profile, "802-11-wireless-security", "psk"),
            "hunter2hunter2"
        );
        assert_eq!(
            settings::get::<bool>(&profile, "connection", "autoconnect"),
            Some(false)
        );
    }
}
