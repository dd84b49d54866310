//! WireGuard configuration files (`wg-quick` `.conf`): parsed and checked, then
//! turned into a NetworkManager `wireguard` connection profile.

use std::collections::HashMap;
use std::fmt;
use std::net::IpAddr;

use base64::Engine as _;
use zbus::zvariant::{Array, Value};
use zeroize::Zeroizing;

use super::model::IpNetwork;
use super::settings::{self, Settings};

/// A WireGuard key (32 bytes, base64). Private and preshared keys are
/// zeroized and redacted.
#[derive(Clone, PartialEq, Eq)]
pub struct Key(Zeroizing<String>);

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(<redacted>)")
    }
}

impl Key {
    fn parse(text: &str) -> Option<Self> {
        let bytes = Zeroizing::new(
            base64::engine::general_purpose::STANDARD
                .decode(text.trim())
                .ok()?,
        );
        (bytes.len() == 32).then(|| Self(Zeroizing::new(text.trim().to_owned())))
    }

    /// The key in base64, as NetworkManager takes it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// One peer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peer {
    /// The peer's public key (base64).
    pub public_key: String,
    /// An optional preshared key.
    pub preshared_key: Option<Key>,
    /// Networks routed to the peer.
    pub allowed_ips: Vec<IpNetwork>,
    /// `host:port` of the peer, if it has a fixed address.
    pub endpoint: Option<String>,
    /// Keep-alive interval in seconds.
    pub persistent_keepalive: Option<u32>,
}

/// A checked WireGuard configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireGuardConfig {
    /// The private key.
    pub private_key: Key,
    /// The tunnel's addresses.
    pub addresses: Vec<IpNetwork>,
    /// DNS servers to use while connected.
    pub dns: Vec<IpAddr>,
    /// The UDP port to listen on.
    pub listen_port: Option<u16>,
    /// The tunnel's MTU.
    pub mtu: Option<u32>,
    /// At least one peer.
    pub peers: Vec<Peer>,
}

/// What is wrong with a configuration file; lines count from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WireGuardError {
    /// A line is neither a `[Section]`, a `Key = value` pair, a comment nor blank.
    #[error("line {0} is not understood")]
    Syntax(usize),
    /// A key outside `[Interface]` or `[Peer]`, or unknown.
    #[error("line {line}: unknown setting {key:?}")]
    UnknownKey {
        /// The line.
        line: usize,
        /// The key.
        key: String,
    },
    /// A key is not 32 bytes of base64.
    #[error("line {line}: {key} is not a WireGuard key")]
    BadKey {
        /// The line.
        line: usize,
        /// Which key (`PrivateKey`, `PublicKey`, `PresharedKey`).
        key: String,
    },
    /// A value is not valid for its key.
    #[error("line {line}: {key} has an invalid value")]
    BadValue {
        /// The line.
        line: usize,
        /// The key.
        key: String,
    },
    /// `[Interface]` has no `PrivateKey`.
    #[error("the [Interface] section has no PrivateKey")]
    MissingPrivateKey,
    /// No `[Peer]` section.
    #[error("the file has no [Peer]")]
    NoPeer,
    /// A `[Peer]` without `PublicKey`.
    #[error("a [Peer] has no PublicKey")]
    MissingPublicKey,
}

#[derive(PartialEq)]
enum Section {
    None,
    Interface,
    Peer,
}

fn network(text: &str) -> Option<IpNetwork> {
    let text = text.trim();
    let (address, prefix) = match text.split_once('/') {
        Some((address, prefix)) => (address.trim(), Some(prefix.trim())),
        None => (text, None),
    };
    let address: IpAddr = address.parse().ok()?;
    let max = if address.is_ipv4() { 32 } else { 128 };
    let prefix = match prefix {
        Some(prefix) => prefix.parse::<u8>().ok().filter(|p| *p <= max)?,
        None => max,
    };
    Some(IpNetwork { address, prefix })
}

fn list<T>(value: &str, parse: impl Fn(&str) -> Option<T>) -> Option<Vec<T>> {
    value
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(parse)
        .collect()
}

impl WireGuardConfig {
    /// Parses a `wg-quick` configuration file.
    pub fn parse(text: &str) -> Result<Self, WireGuardError> {
        let mut section = Section::None;
        let mut private_key = None;
        let mut addresses = Vec::new();
        let mut dns = Vec::new();
        let mut listen_port = None;
        let mut mtu = None;
        let mut peers: Vec<(Option<String>, Peer)> = Vec::new();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let content = raw.split('#').next().unwrap_or("").trim();
            if content.is_empty() {
                continue;
            }
            if let Some(name) = content.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
                section = match name.trim().to_ascii_lowercase().as_str() {
                    "interface" => Section::Interface,
                    "peer" => {
                        peers.push((
                            None,
                            Peer {
                                public_key: String::new(),
                                preshared_key: None,
                                allowed_ips: Vec::new(),
                                endpoint: None,
                                persistent_keepalive: None,
                            },
                        ));
                        Section::Peer
                    }
                    _ => return Err(WireGuardError::Syntax(line)),
                };
                continue;
            }
            let Some((key, value)) = content.split_once('=') else {
                return Err(WireGuardError::Syntax(line));
            };
            let key = key.trim();
            let value = value.trim();
            let bad_value = || WireGuardError::BadValue {
                line,
                key: key.to_owned(),
            };
            let bad_key = || WireGuardError::BadKey {
                line,
                key: key.to_owned(),
            };
            match (&section, key.to_ascii_lowercase().as_str()) {
                (Section::Interface, "privatekey") => {
                    private_key = Some(Key::parse(value).ok_or_else(bad_key)?);
                }
                (Section::Interface, "address") => {
                    addresses.extend(list(value, network).ok_or_else(bad_value)?);
                }
                (Section::Interface, "dns") => {
                    // wg-quick also allows search domains here; only addresses are servers.
                    dns.extend(
                        value
                            .split(',')
                            .map(str::trim)
                            .filter_map(|item| item.parse::<IpAddr>().ok()),
                    );
                }
                (Section::Interface, "listenport") => {
                    listen_port = Some(value.parse::<u16>().map_err(|_| bad_value())?);
                }
                (Section::Interface, "mtu") => {
                    mtu = Some(
                        value
                            .parse::<u32>()
                            .ok()
                            .filter(|mtu| (576..=65535).contains(mtu))
                            .ok_or_else(bad_value)?,
                    );
                }
                // wg-quick's own hooks and options: NetworkManager has no use for them.
                (
                    Section::Interface,
                    "table" | "preup" | "postup" | "predown" | "postdown" | "saveconfig" | "fwmark",
                ) => {
                    tracing::debug!(line, key, "wg-quick option ignored");
                }
                (Section::Peer, name) => {
                    let Some((_, peer)) = peers.last_mut() else {
                        return Err(WireGuardError::Syntax(line));
                    };
                    match name {
                        "publickey" => {
                            let key = Key::parse(value).ok_or_else(bad_key)?;
                            peer.public_key = key.expose().to_owned();
                        }
                        "presharedkey" => {
                            peer.preshared_key = Some(Key::parse(value).ok_or_else(bad_key)?);
                        }
                        "allowedips" => {
                            peer.allowed_ips
                                .extend(list(value, network).ok_or_else(bad_value)?);
                        }
                        "endpoint" => {
                            let valid = value.rsplit_once(':').is_some_and(|(host, port)| {
                                !host.is_empty() && port.parse::<u16>().is_ok()
                            });
                            if !valid {
                                return Err(bad_value());
                            }
                            peer.endpoint = Some(value.to_owned());
                        }
                        "persistentkeepalive" => {
                            peer.persistent_keepalive = match value {
                                "off" => None,
                                value => Some(value.parse::<u32>().map_err(|_| bad_value())?),
                            };
                        }
                        _ => {
                            return Err(WireGuardError::UnknownKey {
                                line,
                                key: key.to_owned(),
                            });
                        }
                    }
                }
                _ => {
                    return Err(WireGuardError::UnknownKey {
                        line,
                        key: key.to_owned(),
                    });
                }
            }
        }
        let private_key = private_key.ok_or(WireGuardError::MissingPrivateKey)?;
        if peers.is_empty() {
            return Err(WireGuardError::NoPeer);
        }
        let peers: Vec<Peer> = peers.into_iter().map(|(_, peer)| peer).collect();
        if peers.iter().any(|peer| peer.public_key.is_empty()) {
            return Err(WireGuardError::MissingPublicKey);
        }
        Ok(Self {
            private_key,
            addresses,
            dns,
            listen_port,
            mtu,
            peers,
        })
    }

    /// The NetworkManager profile for this tunnel, named `name` (also its interface
    /// name, shortened to what the kernel allows).
    pub fn profile(&self, name: &str) -> Settings {
        let mut profile = Settings::new();
        settings::set(&mut profile, "connection", "type", "wireguard");
        settings::set(&mut profile, "connection", "id", name);
        settings::set(
            &mut profile,
            "connection",
            "interface-name",
            interface_name(name),
        );
        // A tunnel comes up when the person asks for it.
        settings::set(&mut profile, "connection", "autoconnect", false);
        settings::set(
            &mut profile,
            "wireguard",
            "private-key",
            self.private_key.expose(),
        );
        if let Some(port) = self.listen_port {
            settings::set(&mut profile, "wireguard", "listen-port", u32::from(port));
        }
        if let Some(mtu) = self.mtu {
            settings::set(&mut profile, "wireguard", "mtu", mtu);
        }
        let peers: Vec<HashMap<String, Value<'static>>> = self
            .peers
            .iter()
            .map(|peer| {
                let mut entry = HashMap::new();
                entry.insert(
                    "public-key".to_owned(),
                    Value::from(peer.public_key.clone()),
                );
                let allowed: Vec<String> =
                    peer.allowed_ips.iter().map(ToString::to_string).collect();
                entry.insert("allowed-ips".to_owned(), Value::from(allowed));
                if let Some(endpoint) = &peer.endpoint {
                    entry.insert("endpoint".to_owned(), Value::from(endpoint.clone()));
                }
                if let Some(key) = &peer.preshared_key {
                    entry.insert(
                        "preshared-key".to_owned(),
                        Value::from(key.expose().to_owned()),
                    );
                    entry.insert("preshared-key-flags".to_owned(), Value::from(0u32));
                }
                if let Some(keepalive) = peer.persistent_keepalive {
                    entry.insert("persistent-keepalive".to_owned(), Value::from(keepalive));
                }
                entry
            })
            .collect();
        settings::set(&mut profile, "wireguard", "peers", Array::from(peers));
        for (setting, v4) in [("ipv4", true), ("ipv6", false)] {
            let mine: Vec<HashMap<String, Value<'static>>> = self
                .addresses
                .iter()
                .filter(|network| network.address.is_ipv4() == v4)
                .map(|network| {
                    let mut entry = HashMap::new();
                    entry.insert(
                        "address".to_owned(),
                        Value::from(network.address.to_string()),
                    );
                    entry.insert("prefix".to_owned(), Value::from(u32::from(network.prefix)));
                    entry
                })
                .collect();
            if mine.is_empty() {
                settings::set(
                    &mut profile,
                    setting,
                    "method",
                    if v4 { "disabled" } else { "ignore" },
                );
                continue;
            }
            settings::set(&mut profile, setting, "method", "manual");
            settings::set(&mut profile, setting, "address-data", Array::from(mine));
            let servers: Vec<String> = self
                .dns
                .iter()
                .filter(|server| server.is_ipv4() == v4)
                .map(ToString::to_string)
                .collect();
            if !servers.is_empty() {
                settings::set(&mut profile, setting, "dns-data", Array::from(servers));
                // Names go to the tunnel's servers while it is up.
                settings::set(&mut profile, setting, "dns-search", Array::from(vec!["~."]));
            }
        }
        profile
    }
}

/// An interface name from a connection name: at most 15 bytes of letters, digits,
/// `-` and `_`.
pub fn interface_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(15)
        .collect();
    if cleaned.is_empty() {
        "wg0".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRIVATE: &str = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";
    const PUBLIC: &str = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";

    fn sample() -> String {
        format!(
            "# a comment\n[Interface]\nPrivateKey = {PRIVATE}\nAddress = 10.8.0.2/24, fd00:8::2/64\n\
             DNS = 10.8.0.1, vpn.example\nListenPort = 51820\n\n[Peer]\nPublicKey = {PUBLIC}\n\
             AllowedIPs = 0.0.0.0/0, ::/0\nEndpoint = vpn.example.org:51820\nPersistentKeepalive = 25\n"
        )
    }

    #[test]
    fn parses_a_sample() {
        let config = WireGuardConfig::parse(&sample()).expect("valid");
        assert_eq!(config.addresses.len(), 2);
        assert_eq!(config.dns, vec!["10.8.0.1".parse::<IpAddr>().expect("ip")]);
        assert_eq!(config.listen_port, Some(51820));
        assert_eq!(config.peers[0].allowed_ips.len(), 2);
        assert_eq!(config.peers[0].persistent_keepalive, Some(25));
        assert!(!format!("{config:?}").contains(PRIVATE));
        let profile = config.profile("Work VPN");
        assert_eq!(
            settings::string(&profile, "connection", "interface-name"),
            "WorkVPN"
        );
        assert_eq!(
            settings::string(&profile, "wireguard", "private-key"),
            PRIVATE
        );
        assert_eq!(settings::string(&profile, "ipv4", "method"), "manual");
        assert_eq!(
            settings::strings(&profile, "ipv4", "dns-data"),
            vec!["10.8.0.1"]
        );
    }

    #[test]
    fn malformed_files_are_explained() {
        let short_key = sample().replace(PRIVATE, "c2hvcnQ=");
        assert_eq!(
            WireGuardConfig::parse(&short_key),
            Err(WireGuardError::BadKey {
                line: 3,
                key: "PrivateKey".into()
            })
        );
        assert_eq!(
            WireGuardConfig::parse(&sample().replace("[Peer]", "[Per]")),
            Err(WireGuardError::Syntax(8))
        );
        let no_peer: String = sample().lines().take(7).collect::<Vec<_>>().join("\n");
        assert_eq!(
            WireGuardConfig::parse(&no_peer),
            Err(WireGuardError::NoPeer)
        );
        assert_eq!(
            WireGuardConfig::parse(
                &sample().replace("AllowedIPs = 0.0.0.0/0", "AllowedIPs = 0.0.0.0/40")
            ),
            Err(WireGuardError::BadValue {
                line: 10,
                key: "AllowedIPs".into()
            })
        );
        assert_eq!(
            WireGuardConfig::parse("[Interface]\nAddress = 10.0.0.1/24\n[Peer]\nPublicKey = x"),
            Err(WireGuardError::BadKey {
                line: 4,
                key: "PublicKey".into()
            })
        );
        assert_eq!(
            WireGuardConfig::parse("just text"),
            Err(WireGuardError::Syntax(1))
        );
        assert_eq!(
            WireGuardConfig::parse(&sample().replace("ListenPort", "Colour")),
            Err(WireGuardError::UnknownKey {
                line: 6,
                key: "Colour".into()
            })
        );
    }
}
