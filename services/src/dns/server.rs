//! A DNS server as people type it for DNS-over-TLS: `address#server-name`,
//! with an optional port: `192.0.2.1#dot.example`, `192.0.2.1:853#dot.example`,
//! `2001:db8::1#dot.example`, `[2001:db8::1]:853#dot.example`. Checked
//! completely before anything is applied.

use std::fmt;
use std::net::{IpAddr, Ipv6Addr};

/// The DNS-over-TLS port.
pub const DOT_PORT: u16 = 853;

/// A validated DNS server.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DnsServer {
    /// Its address.
    pub address: IpAddr,
    /// Its port, when not the default.
    pub port: Option<u16>,
    /// The name its TLS certificate must carry (SNI), if given.
    pub server_name: Option<String>,
}

/// Why a server was refused (each has a translated sentence in the panel).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServerError {
    /// Nothing was typed.
    #[error("no server given")]
    Empty,
    /// The address part is not an IPv4 or IPv6 address.
    #[error("{0:?} is not an IP address")]
    BadAddress(String),
    /// The port is not a number from 1 to 65535.
    #[error("{0:?} is not a port from 1 to 65535")]
    BadPort(String),
    /// `#` with nothing after it.
    #[error("the server name after # is empty")]
    EmptyServerName,
    /// The server name is not a valid host name.
    #[error("{0:?} is not a valid server name")]
    BadServerName(String),
    /// The server name is required (strict DNS-over-TLS checks it) but missing.
    #[error("a server name (address#name) is needed to check the server's certificate")]
    MissingServerName,
}

impl DnsServer {
    /// Parses `address[#name]`, `address:port#name` (IPv4) or
    /// `[address]:port#name` (IPv6).
    pub fn parse(text: &str) -> Result<Self, ServerError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ServerError::Empty);
        }
        let (endpoint, server_name) = match text.split_once('#') {
            Some((endpoint, name)) => (endpoint, Some(parse_server_name(name)?)),
            None => (text, None),
        };
        let (address, port) = parse_endpoint(endpoint)?;
        Ok(Self {
            address,
            port,
            server_name,
        })
    }

    /// Like [`DnsServer::parse`], and a server name is required.
    pub fn parse_with_name(text: &str) -> Result<Self, ServerError> {
        let server = Self::parse(text)?;
        if server.server_name.is_none() {
            return Err(ServerError::MissingServerName);
        }
        Ok(server)
    }
}

/// The form NetworkManager's `dns-data` and resolved's configuration take:
/// `192.0.2.1#name`, `192.0.2.1:853#name`, `[2001:db8::1]:853#name`.
impl fmt::Display for DnsServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.address, self.port) {
            (IpAddr::V4(v4), Some(port)) => write!(f, "{v4}:{port}")?,
            (IpAddr::V6(v6), Some(port)) => write!(f, "[{v6}]:{port}")?,
            (address, None) => write!(f, "{address}")?,
        }
        if let Some(name) = &self.server_name {
            write!(f, "#{name}")?;
        }
        Ok(())
    }
}

fn parse_port(text: &str) -> Result<u16, ServerError> {
    match text.parse::<u16>() {
        Ok(port) if port > 0 => Ok(port),
        _ => Err(ServerError::BadPort(text.to_owned())),
    }
}

fn parse_endpoint(text: &str) -> Result<(IpAddr, Option<u16>), ServerError> {
    let bad = || ServerError::BadAddress(text.to_owned());
    if let Some(rest) = text.strip_prefix('[') {
        let (inside, after) = rest.split_once(']').ok_or_else(bad)?;
        let address: Ipv6Addr = inside.parse().map_err(|_| bad())?;
        let port = match after {
            "" => None,
            _ => Some(parse_port(after.strip_prefix(':').ok_or_else(bad)?)?),
        };
        return Ok((IpAddr::V6(address), port));
    }
    if let Ok(address) = text.parse::<IpAddr>() {
        return Ok((address, None));
    }
    // IPv4 with a port (an IPv6 address has more than one colon).
    match text.split_once(':') {
        Some((address, port)) if !port.contains(':') => {
            let address = address.parse().map_err(|_| bad())?;
            Ok((IpAddr::V4(address), Some(parse_port(port)?)))
        }
        _ => Err(bad()),
    }
}

/// A host name as certificates carry it: dot-separated labels of letters,
/// digits and hyphens (not at either end), each 1–63 long, 253 at most in all.
fn parse_server_name(text: &str) -> Result<String, ServerError> {
    let name = text.trim().trim_end_matches('.');
    if name.is_empty() {
        return Err(ServerError::EmptyServerName);
    }
    let valid_label = |label: &str| {
        (1..=63).contains(&label.len())
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    let all_digits = name.chars().all(|c| c.is_ascii_digit() || c == '.');
    if name.len() > 253 || all_digits || !name.split('.').all(valid_label) {
        return Err(ServerError::BadServerName(text.to_owned()));
    }
    Ok(name.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_forms_round_trip() {
        for text in [
            "192.0.2.1",
            "192.0.2.1#dot.example.test",
            "192.0.2.1:853#dot.example.test",
            "2001:db8::1#dns.example",
            "[2001:db8::1]:8853#dns.example",
            "[2001:db8::1]",
        ] {
            let server = DnsServer::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            let shown = server.to_string();
            let expected = if text == "[2001:db8::1]" {
                "2001:db8::1"
            } else {
                text
            };
            assert_eq!(shown, expected);
        }
        let server = DnsServer::parse(" 1.1.1.1#Cloudflare-DNS.com. ").expect("valid");
        assert_eq!(server.server_name.as_deref(), Some("cloudflare-dns.com"));
    }

    #[test]
    fn bad_input_is_named() {
        use ServerError::*;
        let cases = [
            ("", Empty),
            ("   ", Empty),
            ("192.0.2.256#x.test", BadAddress("192.0.2.256".into())),
            ("dns.google", BadAddress("dns.google".into())),
            ("192.0.2.1:0#x.test", BadPort("0".into())),
            ("192.0.2.1:70000#x.test", BadPort("70000".into())),
            ("[2001:db8::1]:99999#x.test", BadPort("99999".into())),
            ("[2001:db8::1#x.test", BadAddress("[2001:db8::1".into())),
            ("192.0.2.1#", EmptyServerName),
            ("192.0.2.1#-bad-.test", BadServerName("-bad-.test".into())),
            (
                "192.0.2.1#under_score.test",
                BadServerName("under_score.test".into()),
            ),
            ("192.0.2.1#1.2.3.4", BadServerName("1.2.3.4".into())),
        ];
        for (text, expected) in cases {
            assert_eq!(DnsServer::parse(text), Err(expected), "{text:?}");
        }
        assert_eq!(
            DnsServer::parse_with_name("192.0.2.1"),
            Err(MissingServerName)
        );
        let long = format!("192.0.2.1#{}.test", "a".repeat(64));
        assert!(matches!(DnsServer::parse(&long), Err(BadServerName(_))));
    }
}
