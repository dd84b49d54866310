//! Checking what a person types before CUPS sees it: printer addresses and queue names.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

/// The path a driverless (IPP Everywhere) printer usually serves, used when none is given.
pub const DEFAULT_RESOURCE: &str = "/ipp/print";

/// Why a printer address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    /// Nothing was typed.
    #[error("no address given")]
    Empty,
    /// The address contains a space or another blank.
    #[error("the address contains a space")]
    ContainsSpace,
    /// A scheme other than `ipp://` or `ipps://` (kept as typed).
    #[error("only ipp:// and ipps:// addresses are supported, not {0}://")]
    UnsupportedScheme(String),
    /// The host part is missing or not a host name, IPv4 or IPv6 address.
    #[error("{0:?} is not a host name or an IP address")]
    BadHost(String),
    /// The port is not a number from 1 to 65535.
    #[error("{0:?} is not a port number from 1 to 65535")]
    BadPort(String),
    /// The path has characters a URI cannot carry.
    #[error("the path {0:?} is not valid")]
    BadPath(String),
}

/// A checked IPP address of a printer (`ipp://host[:port]/path` or `ipps://…`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PrinterUri {
    secure: bool,
    host: String,
    port: Option<u16>,
    path: String,
}

impl PrinterUri {
    /// Checks an address as typed: an `ipp://` or `ipps://` URI, or a bare host name, IPv4 or
    /// IPv6 address (with an optional `:port`), which becomes `ipp://host/ipp/print`.
    pub fn parse(input: &str) -> Result<Self, AddressError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(AddressError::Empty);
        }
        if input.chars().any(char::is_whitespace) {
            return Err(AddressError::ContainsSpace);
        }
        let (secure, rest) = match input.split_once("://") {
            Some((scheme, rest)) => match scheme.to_ascii_lowercase().as_str() {
                "ipp" => (false, rest),
                "ipps" => (true, rest),
                _ => return Err(AddressError::UnsupportedScheme(scheme.to_owned())),
            },
            None => {
                // A bare IPv6 address has colons that are not a port.
                if let Ok(v6) = input.parse::<Ipv6Addr>() {
                    return Ok(Self {
                        secure: false,
                        host: format!("[{v6}]"),
                        port: None,
                        path: DEFAULT_RESOURCE.to_owned(),
                    });
                }
                (false, input)
            }
        };
        let (authority, path) = match rest.find('/') {
            Some(slash) => rest.split_at(slash),
            None => (rest, ""),
        };
        let (host, port) = split_host_port(authority)?;
        let path = if path.is_empty() || path == "/" {
            DEFAULT_RESOURCE.to_owned()
        } else if path
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '#' | '"' | '<' | '>' | '\\'))
        {
            path.to_owned()
        } else {
            return Err(AddressError::BadPath(path.to_owned()));
        };
        Ok(Self {
            secure,
            host,
            port,
            path,
        })
    }

    /// Builds the address of a printer found on the network (host or address, port, resource).
    pub(crate) fn from_parts(secure: bool, host: &str, port: u16, resource: &str) -> Option<Self> {
        let host = match host.parse::<Ipv6Addr>() {
            Ok(v6) => format!("[{v6}]"),
            Err(_) => host.trim_end_matches('.').to_owned(),
        };
        let resource = resource.trim_start_matches('/');
        let text = format!(
            "{}://{host}:{port}/{resource}",
            if secure { "ipps" } else { "ipp" }
        );
        Self::parse(&text).ok()
    }

    /// Whether this is an `ipps://` (TLS) address.
    pub fn is_secure(&self) -> bool {
        self.secure
    }

    /// The host part as in the URI (an IPv6 address in brackets).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port, when one was given.
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// The resource path (`/ipp/print`).
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl fmt::Display for PrinterUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = if self.secure { "ipps" } else { "ipp" };
        write!(f, "{scheme}://{}", self.host)?;
        if let Some(port) = self.port {
            write!(f, ":{port}")?;
        }
        f.write_str(&self.path)
    }
}

fn split_host_port(authority: &str) -> Result<(String, Option<u16>), AddressError> {
    let bad_host = || AddressError::BadHost(authority.to_owned());
    if authority.contains('@') {
        return Err(bad_host());
    }
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let (v6, after) = rest.split_once(']').ok_or_else(bad_host)?;
        let address: Ipv6Addr = v6.parse().map_err(|_| bad_host())?;
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':').ok_or_else(bad_host)?),
        };
        (format!("[{address}]"), port)
    } else {
        let (host, port) = match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        if !valid_host(host) {
            return Err(AddressError::BadHost(host.to_owned()));
        }
        (host.to_ascii_lowercase(), port)
    };
    let port = match port {
        None => None,
        Some(text) => match text.parse::<u16>() {
            Ok(port) if port > 0 && text.bytes().all(|b| b.is_ascii_digit()) => Some(port),
            _ => return Err(AddressError::BadPort(text.to_owned())),
        },
    };
    Ok((host, port))
}

/// A host name (letters, digits, hyphens; dot-separated labels of at most 63) or an IPv4
/// address; something that looks like an IPv4 address must be one (`256.1.1.1` is not).
fn valid_host(host: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    if host.is_empty() || host.len() > 253 {
        return false;
    }
    if host.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return host.parse::<Ipv4Addr>().is_ok();
    }
    host.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

/// Why a queue name was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    /// The name is empty.
    #[error("the name is empty")]
    Empty,
    /// The name is longer than CUPS's 127 bytes.
    #[error("the name is longer than 127 characters")]
    TooLong,
    /// A character CUPS does not allow in a queue name (space, `/`, `#`, `?`, quotes, `\`,
    /// control or non-ASCII characters).
    #[error("the name cannot contain {0:?}")]
    BadCharacter(char),
}

/// The longest queue name CUPS takes, in bytes.
pub const QUEUE_NAME_MAX: usize = 127;

/// A CUPS queue name (printable ASCII without space, `/`, `#`, `?`, quotes or `\`; ≤ 127 bytes).
/// CUPS compares queue names without regard to case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QueueName(String);

impl QueueName {
    /// Checks a queue name.
    pub fn parse(name: &str) -> Result<Self, NameError> {
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        if let Some(bad) = name.chars().find(|&c| !queue_char(c)) {
            return Err(NameError::BadCharacter(bad));
        }
        if name.len() > QUEUE_NAME_MAX {
            return Err(NameError::TooLong);
        }
        Ok(Self(name.to_owned()))
    }

    /// A queue name made from a display name ("Office Printer (2nd floor)" →
    /// `Office_Printer_2nd_floor`), different (ignoring case) from every name in `taken`.
    pub fn derive(display: &str, taken: &[QueueName]) -> Self {
        let mut base = String::new();
        for c in display.chars() {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '.') {
                base.push(c);
            } else if !base.is_empty() && !base.ends_with('_') {
                base.push('_');
            }
        }
        let mut base = base.trim_matches('_').to_owned();
        if base.is_empty() {
            base = "Printer".to_owned();
        }
        base.truncate(QUEUE_NAME_MAX);
        let free = |name: &str| !taken.iter().any(|t| t.0.eq_ignore_ascii_case(name));
        if free(&base) {
            return Self(base);
        }
        for n in 2u32.. {
            let suffix = format!("_{n}");
            let mut name = base.clone();
            name.truncate(QUEUE_NAME_MAX - suffix.len());
            name.push_str(&suffix);
            if free(&name) {
                return Self(name);
            }
        }
        Self(base)
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether two names are the same queue for CUPS (case-insensitive).
    pub fn same_queue(&self, other: &QueueName) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}

impl fmt::Display for QueueName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn queue_char(c: char) -> bool {
    c.is_ascii_graphic() && !matches!(c, '/' | '#' | '?' | '\'' | '"' | '\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(text: &str) -> String {
        PrinterUri::parse(text).map(|u| u.to_string()).unwrap()
    }

    #[test]
    fn addresses_are_completed() {
        assert_eq!(uri("printer.local"), "ipp://printer.local/ipp/print");
        assert_eq!(uri("192.168.1.20"), "ipp://192.168.1.20/ipp/print");
        assert_eq!(
            uri("192.168.1.20:8631"),
            "ipp://192.168.1.20:8631/ipp/print"
        );
        assert_eq!(uri("fe80::1"), "ipp://[fe80::1]/ipp/print");
        assert_eq!(
            uri("[2001:db8::5]:631"),
            "ipp://[2001:db8::5]:631/ipp/print"
        );
        assert_eq!(
            uri(" IPPS://Printer.lan/ipp/print "),
            "ipps://printer.lan/ipp/print"
        );
        assert_eq!(
            uri("ipp://localhost:8632/ipp/print"),
            "ipp://localhost:8632/ipp/print"
        );
        assert_eq!(uri("ipp://10.0.0.1/"), "ipp://10.0.0.1/ipp/print");
        assert_eq!(uri("ipp://host/printers/x"), "ipp://host/printers/x");
    }

    #[test]
    fn bad_addresses_are_refused_with_their_reason() {
        use AddressError::*;
        assert_eq!(PrinterUri::parse("  "), Err(Empty));
        assert_eq!(
            PrinterUri::parse("ipp://256.1.1.1/"),
            Err(BadHost("256.1.1.1".into()))
        );
        assert_eq!(PrinterUri::parse("1.2.3"), Err(BadHost("1.2.3".into())));
        assert_eq!(PrinterUri::parse("ipp://host:0/"), Err(BadPort("0".into())));
        assert_eq!(
            PrinterUri::parse("ipp://host:70000/"),
            Err(BadPort("70000".into()))
        );
        assert_eq!(PrinterUri::parse("host:+1"), Err(BadPort("+1".into())));
        assert_eq!(PrinterUri::parse("ipp://my printer/"), Err(ContainsSpace));
        assert_eq!(
            PrinterUri::parse("socket://10.0.0.1:9100"),
            Err(UnsupportedScheme("socket".into()))
        );
        assert_eq!(
            PrinterUri::parse("http://host/"),
            Err(UnsupportedScheme("http".into()))
        );
        assert!(matches!(PrinterUri::parse("ipp:///x"), Err(BadHost(_))));
        assert!(matches!(
            PrinterUri::parse("ipp://us@er/x"),
            Err(BadHost(_))
        ));
        assert!(matches!(PrinterUri::parse("ipp://-bad-/"), Err(BadHost(_))));
        assert!(matches!(
            PrinterUri::parse("ipp://[zz::1]/"),
            Err(BadHost(_))
        ));
        assert!(matches!(PrinterUri::parse("ipp://h/a#b"), Err(BadPath(_))));
    }

    #[test]
    fn found_printers_get_an_address() {
        let v6 = PrinterUri::from_parts(true, "fe80::2", 631, "ipp/print").unwrap();
        assert_eq!(v6.to_string(), "ipps://[fe80::2]:631/ipp/print");
        let host = PrinterUri::from_parts(false, "printer.local.", 8632, "").unwrap();
        assert_eq!(host.to_string(), "ipp://printer.local:8632/ipp/print");
    }

    #[test]
    fn queue_names_follow_cups_rules() {
        assert!(QueueName::parse("Office-1_b.x").is_ok());
        assert_eq!(QueueName::parse(""), Err(NameError::Empty));
        assert_eq!(QueueName::parse("a b"), Err(NameError::BadCharacter(' ')));
        assert_eq!(QueueName::parse("a/b"), Err(NameError::BadCharacter('/')));
        assert_eq!(QueueName::parse("a#b"), Err(NameError::BadCharacter('#')));
        assert_eq!(QueueName::parse("é"), Err(NameError::BadCharacter('é')));
        assert_eq!(QueueName::parse(&"x".repeat(128)), Err(NameError::TooLong));
        assert!(QueueName::parse(&"x".repeat(127)).is_ok());
    }

    #[test]
    fn queue_names_are_derived_from_display_names() {
        let derive = |s: &str| QueueName::derive(s, &[]).to_string();
        assert_eq!(
            derive("Office Printer (2nd floor)"),
            "Office_Printer_2nd_floor"
        );
        assert_eq!(derive("HP LaserJet / #3"), "HP_LaserJet_3");
        assert_eq!(derive("Drucker Küche"), "Drucker_K_che");
        assert_eq!(derive("日本"), "Printer");
        assert_eq!(QueueName::derive(&"y".repeat(300), &[]).as_str().len(), 127);
        let taken = [QueueName::parse("office").unwrap()];
        assert_eq!(QueueName::derive("Office", &taken).as_str(), "Office_2");
    }
}
