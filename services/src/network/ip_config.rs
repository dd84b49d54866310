//! A connection's IP settings as a person edits them: how each family gets its
//! addresses, fixed addresses with prefix and gateway, DNS servers, metered and
//! MTU. Everything is checked here, before NetworkManager sees it.

use std::net::{IpAddr, Ipv4Addr};

use zbus::zvariant::{Array, Value};

use super::model::{IpMethod, IpNetwork, Metered};
use super::settings::{self, Settings};
use crate::dns::{DnsServer, DotMode};

/// An IP family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// IPv4.
    V4,
    /// IPv6.
    V6,
}

impl Family {
    fn setting(self) -> &'static str {
        match self {
            Self::V4 => "ipv4",
            Self::V6 => "ipv6",
        }
    }

    fn max_prefix(self) -> u8 {
        match self {
            Self::V4 => 32,
            Self::V6 => 128,
        }
    }

    fn holds(self, address: IpAddr) -> bool {
        match self {
            Self::V4 => address.is_ipv4(),
            Self::V6 => address.is_ipv6(),
        }
    }
}

/// The choices of how a family gets its addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MethodChoice {
    /// DHCP or router advertisements.
    Automatic,
    /// Fixed addresses.
    Manual,
    /// Off.
    Disabled,
}

impl MethodChoice {
    /// The choice that shows a profile's method (link-local and shared count as automatic).
    pub fn from_method(method: IpMethod) -> Self {
        match method {
            IpMethod::Manual => Self::Manual,
            IpMethod::Disabled => Self::Disabled,
            _ => Self::Automatic,
        }
    }

    fn name(self, family: Family) -> &'static str {
        match (self, family) {
            (Self::Automatic, _) => "auto",
            (Self::Manual, _) => "manual",
            (Self::Disabled, Family::V4) => "disabled",
            (Self::Disabled, Family::V6) => "ignore",
        }
    }
}

/// What is wrong with a form, naming the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IpFormError {
    /// The address is not an address of this family, or not one a host can have.
    #[error("not a usable {family:?} address: {text:?}")]
    Address {
        /// The family of the field.
        family: Family,
        /// What was typed.
        text: String,
    },
    /// Manual addressing needs an address.
    #[error("a manual {0:?} configuration needs an address")]
    MissingAddress(Family),
    /// The prefix (or netmask) is not valid for the family.
    #[error("not a valid {family:?} prefix or netmask: {text:?}")]
    Prefix {
        /// The family of the field.
        family: Family,
        /// What was typed.
        text: String,
    },
    /// The gateway is not an address of the family.
    #[error("not a valid {family:?} gateway: {text:?}")]
    Gateway {
        /// The family of the field.
        family: Family,
        /// What was typed.
        text: String,
    },
    /// The gateway is not on the network the address and prefix describe.
    #[error("the gateway {gateway} is not on the network {network}")]
    GatewayOutsideNetwork {
        /// The gateway.
        gateway: IpAddr,
        /// The network.
        network: IpNetwork,
    },
    /// A DNS server is not an address (`address[:port][#name]`).
    #[error("not a DNS server address: {0:?}")]
    Dns(String),
    /// Strict DNS-over-TLS needs each server's name (`address#name`) to check its certificate.
    #[error("strict DNS-over-TLS needs a server name: {0:?}")]
    DnsNameNeeded(String),
    /// The MTU is not a number in range.
    #[error("the MTU must be empty (automatic) or 576 to 9000: {0:?}")]
    Mtu(String),
}

/// One family's settings, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IpConfig {
    /// DHCP or router advertisements.
    Automatic,
    /// A fixed address.
    Manual {
        /// The address and prefix.
        address: IpNetwork,
        /// The default gateway.
        gateway: Option<IpAddr>,
    },
    /// Off.
    Disabled,
}

/// One family's fields as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IpForm {
    /// How the family gets its addresses.
    pub method: MethodChoice,
    /// The address (`192.0.2.20`, or with the prefix: `192.0.2.20/24`).
    pub address: String,
    /// The prefix length or, for IPv4, a netmask (`24` or `255.255.255.0`).
    pub prefix: String,
    /// The default gateway, may be empty.
    pub gateway: String,
}

impl IpForm {
    /// An automatic, empty form.
    pub fn automatic() -> Self {
        Self {
            method: MethodChoice::Automatic,
            address: String::new(),
            prefix: String::new(),
            gateway: String::new(),
        }
    }

    /// Checks the fields.
    pub fn check(&self, family: Family) -> Result<IpConfig, IpFormError> {
        match self.method {
            MethodChoice::Automatic => Ok(IpConfig::Automatic),
            MethodChoice::Disabled => Ok(IpConfig::Disabled),
            MethodChoice::Manual => {
                let address = parse_network(family, &self.address, &self.prefix)?;
                let gateway = match self.gateway.trim() {
                    "" => None,
                    text => {
                        let gateway: IpAddr = text
                            .parse()
                            .ok()
                            .filter(|a| family.holds(*a))
                            .ok_or_else(|| IpFormError::Gateway {
                                family,
                                text: text.to_owned(),
                            })?;
                        if !same_network(address, gateway) || gateway == address.address {
                            return Err(IpFormError::GatewayOutsideNetwork {
                                gateway,
                                network: address,
                            });
                        }
                        Some(gateway)
                    }
                };
                Ok(IpConfig::Manual { address, gateway })
            }
        }
    }
}

fn usable_host(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(v4) => {
            !(v4.is_unspecified() || v4.is_broadcast() || v4.is_multicast() || v4.is_loopback())
        }
        IpAddr::V6(v6) => !(v6.is_unspecified() || v6.is_multicast() || v6.is_loopback()),
    }
}

fn netmask_prefix(mask: Ipv4Addr) -> Option<u8> {
    let bits = u32::from(mask);
    let ones = bits.leading_ones();
    (bits.checked_shl(ones).unwrap_or(0) == 0)
        .then(|| u8::try_from(ones).ok())
        .flatten()
}

fn parse_network(family: Family, address: &str, prefix: &str) -> Result<IpNetwork, IpFormError> {
    let address = address.trim();
    if address.is_empty() {
        return Err(IpFormError::MissingAddress(family));
    }
    let (address_text, inline_prefix) = match address.split_once('/') {
        Some((address, prefix)) => (address.trim(), Some(prefix.trim())),
        None => (address, None),
    };
    let bad_address = || IpFormError::Address {
        family,
        text: address.to_owned(),
    };
    let parsed: IpAddr = address_text.parse().map_err(|_| bad_address())?;
    if !family.holds(parsed) || !usable_host(parsed) {
        return Err(bad_address());
    }
    let prefix_text = inline_prefix.unwrap_or(prefix.trim());
    let bad_prefix = || IpFormError::Prefix {
        family,
        text: prefix_text.to_owned(),
    };
    let prefix = if prefix_text.is_empty() {
        family.max_prefix()
    } else if let Ok(length) = prefix_text.parse::<u8>() {
        length
    } else if family == Family::V4 {
        let mask: Ipv4Addr = prefix_text.parse().map_err(|_| bad_prefix())?;
        netmask_prefix(mask).ok_or_else(bad_prefix)?
    } else {
        return Err(bad_prefix());
    };
    if prefix == 0 || prefix > family.max_prefix() {
        return Err(bad_prefix());
    }
    Ok(IpNetwork {
        address: parsed,
        prefix,
    })
}

fn same_network(network: IpNetwork, other: IpAddr) -> bool {
    match (network.address, other) {
        (IpAddr::V4(a), IpAddr::V4(b)) => {
            let mask = u32::MAX
                .checked_shl(32 - u32::from(network.prefix))
                .unwrap_or(0);
            u32::from(a) & mask == u32::from(b) & mask
        }
        (IpAddr::V6(a), IpAddr::V6(b)) => {
            // Link-local gateways are on every IPv6 link.
            if b.is_unicast_link_local() {
                return true;
            }
            let mask = u128::MAX
                .checked_shl(128 - u32::from(network.prefix))
                .unwrap_or(0);
            u128::from(a) & mask == u128::from(b) & mask
        }
        _ => false,
    }
}

/// Parses a list of DNS servers (`address`, `address#name`, `[v6]:port#name`) separated
/// by commas, semicolons or spaces; strict DNS-over-TLS needs every server's name.
pub fn parse_dns(text: &str, dot: Option<DotMode>) -> Result<Vec<DnsServer>, IpFormError> {
    text.split([',', ';', ' ', '\n'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            let server = DnsServer::parse(item)
                .ok()
                .filter(|server| usable_host(server.address))
                .ok_or_else(|| IpFormError::Dns(item.to_owned()))?;
            if dot == Some(DotMode::Strict) && server.server_name.is_none() {
                return Err(IpFormError::DnsNameNeeded(item.to_owned()));
            }
            Ok(server)
        })
        .collect()
}

/// A wired or Wi-Fi connection's settings, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionConfig {
    /// IPv4.
    pub ipv4: IpConfig,
    /// IPv6.
    pub ipv6: IpConfig,
    /// DNS servers, when the person changed them or the encryption (`None` leaves the
    /// profile's DNS alone, such as the Private DNS page's settings).
    pub dns: Option<Vec<DnsServer>>,
    /// DNS-over-TLS for this connection; `None` follows the system's setting.
    pub dot: Option<DotMode>,
    /// Metered.
    pub metered: Metered,
    /// MTU, 0 for automatic.
    pub mtu: u32,
}

/// Parses the MTU field (empty means automatic).
pub fn parse_mtu(text: &str) -> Result<u32, IpFormError> {
    match text.trim() {
        "" | "0" => Ok(0),
        text => text
            .parse::<u32>()
            .ok()
            .filter(|mtu| (576..=9000).contains(mtu))
            .ok_or_else(|| IpFormError::Mtu(text.to_owned())),
    }
}

fn address_data(network: IpNetwork) -> Array<'static> {
    let mut entry = std::collections::HashMap::<String, Value<'static>>::new();
    entry.insert(
        "address".to_owned(),
        Value::from(network.address.to_string()),
    );
    entry.insert("prefix".to_owned(), Value::from(u32::from(network.prefix)));
    Array::from(vec![entry])
}

fn configure_family(settings: &mut Settings, family: Family, config: &IpConfig) {
    let setting = family.setting();
    // The legacy `addresses` would win over `address-data` and `gateway`.
    settings::remove(settings, setting, "addresses");
    match config {
        IpConfig::Automatic | IpConfig::Disabled => {
            let choice = if *config == IpConfig::Automatic {
                MethodChoice::Automatic
            } else {
                MethodChoice::Disabled
            };
            settings::set(settings, setting, "method", choice.name(family));
            settings::remove(settings, setting, "address-data");
            settings::remove(settings, setting, "gateway");
        }
        IpConfig::Manual { address, gateway } => {
            settings::set(settings, setting, "method", "manual");
            settings::set(settings, setting, "address-data", address_data(*address));
            match gateway {
                Some(gateway) => settings::set(settings, setting, "gateway", gateway.to_string()),
                None => settings::remove(settings, setting, "gateway"),
            }
        }
    }
}

impl ConnectionConfig {
    /// The profile with these settings.
    pub fn configure(&self, profile: &Settings) -> Settings {
        let mut settings = profile.clone();
        configure_family(&mut settings, Family::V4, &self.ipv4);
        configure_family(&mut settings, Family::V6, &self.ipv6);
        if let Some(servers) = &self.dns {
            for family in [Family::V4, Family::V6] {
                let setting = family.setting();
                let mine: Vec<String> = servers
                    .iter()
                    .filter(|server| family.holds(server.address))
                    .map(ToString::to_string)
                    .collect();
                // `dns-data` carries them (with server names); the legacy `dns` would win.
                settings::remove(&mut settings, setting, "dns");
                let disabled = match family {
                    Family::V4 => self.ipv4 == IpConfig::Disabled,
                    Family::V6 => self.ipv6 == IpConfig::Disabled,
                };
                if disabled {
                    settings::remove(&mut settings, setting, "dns-data");
                    continue;
                }
                if mine.is_empty() {
                    settings::remove(&mut settings, setting, "dns-data");
                } else {
                    settings::set(&mut settings, setting, "dns-data", Array::from(mine));
                }
                // Chosen servers replace the network's.
                settings::set(
                    &mut settings,
                    setting,
                    "ignore-auto-dns",
                    !servers.is_empty(),
                );
            }
            // -1: the system's default.
            let dot = self.dot.map_or(-1, DotMode::network_manager_value);
            settings::set(&mut settings, "connection", "dns-over-tls", dot);
        }
        settings::set(&mut settings, "connection", "metered", self.metered.code());
        if settings.contains_key("802-3-ethernet") {
            settings::set(&mut settings, "802-3-ethernet", "mtu", self.mtu);
        }
        settings
    }
}

/// The fields of a profile, to fill a form.
pub fn form_of(profile: &Settings, family: Family) -> IpForm {
    let setting = family.setting();
    let method = MethodChoice::from_method(IpMethod::from_name(&settings::string(
        profile, setting, "method",
    )));
    let first =
        settings::get::<Vec<std::collections::HashMap<String, zbus::zvariant::OwnedValue>>>(
            profile,
            setting,
            "address-data",
        )
        .unwrap_or_default()
        .into_iter()
        .next();
    let (address, prefix) = first
        .map(|entry| {
            let address = entry
                .get("address")
                .and_then(|v| v.try_clone().ok())
                .and_then(|v| String::try_from(v).ok())
                .unwrap_or_default();
            let prefix = entry
                .get("prefix")
                .and_then(|v| v.try_clone().ok())
                .and_then(|v| u32::try_from(v).ok())
                .map(|p| p.to_string())
                .unwrap_or_default();
            (address, prefix)
        })
        .unwrap_or_default();
    IpForm {
        method,
        address,
        prefix,
        gateway: settings::string(profile, setting, "gateway"),
    }
}

/// The DNS servers a profile names, as one line.
pub fn dns_of(profile: &Settings) -> String {
    let mut servers = Vec::new();
    for family in [Family::V4, Family::V6] {
        servers.extend(settings::strings(profile, family.setting(), "dns-data"));
    }
    if servers.is_empty() {
        // Profiles written by other tools may carry only the legacy `ipv4.dns` (`au`,
        // network byte order).
        servers.extend(
            settings::get::<Vec<u32>>(profile, "ipv4", "dns")
                .unwrap_or_default()
                .into_iter()
                .map(|raw| Ipv4Addr::from(u32::from_be(raw)).to_string()),
        );
    }
    servers.join(", ")
}

/// A profile's own DNS-over-TLS mode; `None` when it follows the system's.
pub fn dot_of(profile: &Settings) -> Option<DotMode> {
    settings::get::<i32>(profile, "connection", "dns-over-tls")
        .and_then(DotMode::from_network_manager)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manual(address: &str, prefix: &str, gateway: &str) -> IpForm {
        IpForm {
            method: MethodChoice::Manual,
            address: address.into(),
            prefix: prefix.into(),
            gateway: gateway.into(),
        }
    }

    #[test]
    fn manual_ipv4_is_checked() {
        let ok = manual("192.0.2.20", "24", "192.0.2.1").check(Family::V4);
        assert!(
            matches!(ok, Ok(IpConfig::Manual { address, gateway: Some(_) }) if address.prefix == 24)
        );
        let inline = manual("192.0.2.20/24", "", "").check(Family::V4);
        assert!(
            matches!(inline, Ok(IpConfig::Manual { address, gateway: None }) if address.prefix == 24)
        );
        let mask = manual("192.0.2.20", "255.255.255.0", "").check(Family::V4);
        assert!(matches!(mask, Ok(IpConfig::Manual { address, .. }) if address.prefix == 24));
    }

    #[test]
    fn bad_ipv4_is_refused() {
        use Family::V4;
        let address = |text: &str| IpFormError::Address {
            family: V4,
            text: text.into(),
        };
        let prefix = |text: &str| IpFormError::Prefix {
            family: V4,
            text: text.into(),
        };
        let network = IpNetwork {
            address: "192.0.2.20".parse().expect("an address"),
            prefix: 24,
        };
        for ((typed_address, typed_prefix, gateway), reason) in [
            (("192.0.2.256", "24", ""), address("192.0.2.256")),
            (("224.0.0.1", "24", ""), address("224.0.0.1")),
            (("0.0.0.0", "24", ""), address("0.0.0.0")),
            (("255.255.255.255", "24", ""), address("255.255.255.255")),
            (("127.0.0.1", "8", ""), address("127.0.0.1")),
            (("fe80::1", "24", ""), address("fe80::1")),
            (("192.0.2.20", "33", ""), prefix("33")),
            (("192.0.2.20", "0", ""), prefix("0")),
            (("192.0.2.20", "255.0.255.0", ""), prefix("255.0.255.0")),
            (("192.0.2.20/x", "", ""), prefix("x")),
            (
                ("192.0.2.20", "24", "198.51.100.1"),
                IpFormError::GatewayOutsideNetwork {
                    gateway: "198.51.100.1".parse().expect("an address"),
                    network,
                },
            ),
            (
                ("192.0.2.20", "24", "192.0.2.20"),
                IpFormError::GatewayOutsideNetwork {
                    gateway: "192.0.2.20".parse().expect("an address"),
                    network,
                },
            ),
            (
                ("192.0.2.20", "24", "gateway"),
                IpFormError::Gateway {
                    family: V4,
                    text: "gateway".into(),
                },
            ),
            (
                ("192.0.2.20", "24", "2001:db8::1"),
                IpFormError::Gateway {
                    family: V4,
                    text: "2001:db8::1".into(),
                },
            ),
            (("", "24", ""), IpFormError::MissingAddress(V4)),
            (("   ", "24", ""), IpFormError::MissingAddress(V4)),
        ] {
            assert_eq!(
                manual(typed_address, typed_prefix, gateway).check(V4),
                Err(reason),
                "{typed_address}/{typed_prefix} via {gateway}"
            );
        }
    }

    #[test]
    fn ipv6_and_dns() {
        assert!(
            manual("2001:db8::20", "64", "fe80::1")
                .check(Family::V6)
                .is_ok()
        );
        assert_eq!(
            manual("2001:db8::20", "129", "").check(Family::V6),
            Err(IpFormError::Prefix {
                family: Family::V6,
                text: "129".into()
            })
        );
        assert_eq!(
            manual("2001:db8::20", "255.255.255.0", "").check(Family::V6),
            Err(IpFormError::Prefix {
                family: Family::V6,
                text: "255.255.255.0".into()
            }),
            "netmasks are IPv4 only"
        );
        assert_eq!(
            manual("192.0.2.20", "24", "").check(Family::V6),
            Err(IpFormError::Address {
                family: Family::V6,
                text: "192.0.2.20".into()
            })
        );
        assert_eq!(
            parse_dns("192.0.2.1, 2001:db8::53", None).map(|l| l.len()),
            Ok(2)
        );
        assert_eq!(parse_dns("  ", None), Ok(Vec::new()));
        assert_eq!(
            parse_dns("192.0.2.1, dns.example", None),
            Err(IpFormError::Dns("dns.example".into()))
        );
        assert_eq!(
            parse_dns("192.0.2.1#dot.example 192.0.2.2", Some(DotMode::Strict)),
            Err(IpFormError::DnsNameNeeded("192.0.2.2".into()))
        );
        assert_eq!(
            parse_dns("[2001:db8::53]:853#dot.example", Some(DotMode::Strict)).map(|l| l.len()),
            Ok(1)
        );
        assert_eq!(parse_mtu(""), Ok(0));
        assert_eq!(parse_mtu("1400"), Ok(1400));
        assert_eq!(parse_mtu("100"), Err(IpFormError::Mtu("100".into())));
        assert_eq!(parse_mtu("9001"), Err(IpFormError::Mtu("9001".into())));
        assert_eq!(parse_mtu("big"), Err(IpFormError::Mtu("big".into())));
        assert_eq!(
            parse_dns("0.0.0.0", None),
            Err(IpFormError::Dns("0.0.0.0".into())),
            "not a host"
        );
    }

    #[test]
    fn configure_writes_address_data_and_drops_legacy_keys() {
        let mut profile = Settings::new();
        settings::set(&mut profile, "connection", "type", "802-3-ethernet");
        settings::set(&mut profile, "802-3-ethernet", "mtu", 0u32);
        settings::set(&mut profile, "ipv4", "method", "auto");
        settings::set(
            &mut profile,
            "ipv4",
            "addresses",
            Array::from(Vec::<u32>::new()),
        );
        let config = ConnectionConfig {
            ipv4: manual("192.0.2.20", "24", "192.0.2.1")
                .check(Family::V4)
                .expect("valid"),
            ipv6: IpConfig::Automatic,
            dns: Some(parse_dns("192.0.2.1#dot.example", None).expect("valid")),
            dot: Some(DotMode::Strict),
            metered: Metered::Yes,
            mtu: 1400,
        };
        let configured = config.configure(&profile);
        assert_eq!(settings::string(&configured, "ipv4", "method"), "manual");
        assert_eq!(
            settings::string(&configured, "ipv4", "gateway"),
            "192.0.2.1"
        );
        assert!(settings::get::<Vec<u32>>(&configured, "ipv4", "addresses").is_none());
        assert_eq!(
            settings::strings(&configured, "ipv4", "dns-data"),
            vec!["192.0.2.1#dot.example"]
        );
        assert_eq!(
            settings::get::<bool>(&configured, "ipv4", "ignore-auto-dns"),
            Some(true)
        );
        assert_eq!(dot_of(&configured), Some(DotMode::Strict));
        assert_eq!(
            settings::get::<i32>(&configured, "connection", "metered"),
            Some(1)
        );
        assert_eq!(
            settings::get::<u32>(&configured, "802-3-ethernet", "mtu"),
            Some(1400)
        );
        let form = form_of(&configured, Family::V4);
        assert_eq!(
            (form.address.as_str(), form.prefix.as_str()),
            ("192.0.2.20", "24")
        );
        assert_eq!(dns_of(&configured), "192.0.2.1#dot.example");
    }
}
