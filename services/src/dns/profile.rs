//! The DNS part of one NetworkManager connection profile, as `GetSettings` returns it and
//! `Update2` takes it (`a{sa{sv}}`: setting name → property name → value).
//!
//! NetworkManager 1.42 keeps DNS-over-TLS server names only in `ipv4.dns-data` /
//! `ipv6.dns-data` (`as`, `address[:port]#name`). `GetSettings` also returns the legacy
//! `ipv4.dns` / `ipv6.dns` (addresses only), and NetworkManager prefers them when both come
//! back in `Update2`, dropping the names: the legacy keys are always removed. A chosen
//! resolver also sets `ignore-auto-dns` (the network's own servers are not used) and the
//! routing domain `~.` in `dns-search` (the link answers for every name); other search
//! domains are kept.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use zbus::zvariant::{Array, OwnedValue, Value};

use super::server::DnsServer;
use super::settings::{DotMode, PrivateDns, Resolver};

/// A profile's settings: setting name → property name → value.
pub(crate) type Settings = HashMap<String, HashMap<String, OwnedValue>>;

/// NetworkManager's type name of a wired profile.
pub(crate) const ETHERNET: &str = "802-3-ethernet";
/// NetworkManager's type name of a Wi-Fi profile.
pub(crate) const WIFI: &str = "802-11-wireless";
/// The routing domain that makes a link answer for every name.
const ROUTE_ALL: &str = "~.";

/// An IP address family and its setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    V4,
    V6,
}

impl Family {
    const ALL: [Family; 2] = [Family::V4, Family::V6];

    fn setting(self) -> &'static str {
        match self {
            Self::V4 => "ipv4",
            Self::V6 => "ipv6",
        }
    }

    fn holds(self, address: IpAddr) -> bool {
        match self {
            Self::V4 => address.is_ipv4(),
            Self::V6 => address.is_ipv6(),
        }
    }

    /// Whether a profile with this `method` may carry DNS settings for the family:
    /// NetworkManager refuses DNS servers and search domains on an IPv6 setting that is
    /// ignored, disabled or link-local only, and such a family has no DNS to speak of.
    fn carries_dns(self, method: &str) -> bool {
        match self {
            Self::V4 => !matches!(method, "disabled" | "link-local"),
            Self::V6 => !matches!(method, "ignore" | "disabled" | "link-local"),
        }
    }
}

/// Why a profile could not be configured.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ConfigureError {
    /// None of the chosen servers is of an address family the profile has (e.g. only IPv6
    /// servers for a profile with IPv6 off).
    NoUsableServer,
    /// A value could not be built (only file descriptors can fail; there are none).
    Value(zbus::zvariant::Error),
}

impl From<zbus::zvariant::Error> for ConfigureError {
    fn from(error: zbus::zvariant::Error) -> Self {
        Self::Value(error)
    }
}

fn string(value: Option<&OwnedValue>) -> &str {
    match value.map(|value| &**value) {
        Some(Value::Str(text)) => text.as_str(),
        _ => "",
    }
}

fn strings(value: Option<&OwnedValue>) -> Vec<String> {
    match value.map(|value| &**value) {
        Some(Value::Array(array)) => array
            .inner()
            .iter()
            .filter_map(|item| match item {
                Value::Str(text) => Some(text.as_str().to_owned()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn string_array(values: Vec<String>) -> Result<OwnedValue, zbus::zvariant::Error> {
    OwnedValue::try_from(Array::from(values))
}

/// The profile's `connection.id`.
pub(crate) fn id(settings: &Settings) -> String {
    string(settings.get("connection").and_then(|c| c.get("id"))).to_owned()
}

/// The profile's `connection.uuid` (what names it across NetworkManager restarts; its object
/// path may change).
pub(crate) fn uuid(settings: &Settings) -> String {
    string(settings.get("connection").and_then(|c| c.get("uuid"))).to_owned()
}

/// Whether private DNS configures this profile: wired or Wi-Fi, and not a port of a bridge
/// or bond (those have no IP settings of their own).
pub(crate) fn is_eligible(settings: &Settings) -> bool {
    let Some(connection) = settings.get("connection") else {
        return false;
    };
    matches!(string(connection.get("type")), ETHERNET | WIFI)
        && string(connection.get("slave-type")).is_empty()
        && string(connection.get("master")).is_empty()
}

/// The profile with `dns` applied, `servers` being its resolver's servers.
pub(crate) fn configure(
    settings: &Settings,
    dns: &PrivateDns,
    servers: &[DnsServer],
) -> Result<Settings, ConfigureError> {
    let mut settings = settings.clone();
    let connection = settings.entry("connection".to_owned()).or_default();
    connection.insert(
        "dns-over-tls".to_owned(),
        OwnedValue::from(dns.dot.network_manager_value()),
    );
    // 1: "resolve" (look names up, do not announce this machine); 0: "no".
    let resolve_only = |on: bool| OwnedValue::from(i32::from(on));
    connection.insert("mdns".to_owned(), resolve_only(dns.mdns));
    connection.insert("llmnr".to_owned(), resolve_only(dns.llmnr));

    let chosen = dns.resolver != Resolver::Automatic;
    let mut carrying = 0;
    let mut placed = 0;
    for family in Family::ALL {
        let Some(ip) = settings.get_mut(family.setting()) else {
            continue;
        };
        if !family.carries_dns(string(ip.get("method"))) {
            continue;
        }
        carrying += 1;
        ip.remove("dns");
        let of_family: Vec<String> = servers
            .iter()
            .filter(|server| family.holds(server.address))
            .map(DnsServer::to_string)
            .collect();
        placed += of_family.len();
        if of_family.is_empty() {
            ip.remove("dns-data");
        } else {
            ip.insert("dns-data".to_owned(), string_array(of_family)?);
        }
        ip.insert("ignore-auto-dns".to_owned(), OwnedValue::from(chosen));
        let mut search: Vec<String> = strings(ip.get("dns-search"))
            .into_iter()
            .filter(|domain| domain != ROUTE_ALL)
            .collect();
        if chosen {
            search.push(ROUTE_ALL.to_owned());
        }
        ip.insert("dns-search".to_owned(), string_array(search)?);
    }
    if chosen && carrying > 0 && placed == 0 {
        return Err(ConfigureError::NoUsableServer);
    }
    Ok(settings)
}

/// Whether two versions of a profile say the same about everything [`configure`] manages,
/// properties left out counting as their defaults (`GetSettings` leaves out `false`, `[]` and
/// `-1`, returns the legacy `dns` beside `dns-data`, and NetworkManager adds a timestamp).
pub(crate) fn same_dns(a: &Settings, b: &Settings) -> bool {
    fn family_view(settings: &Settings, family: Family) -> (bool, Vec<String>) {
        let ip = settings.get(family.setting());
        let ignore_auto_dns = ip
            .and_then(|ip| ip.get("ignore-auto-dns"))
            .and_then(|value| bool::try_from(value).ok())
            .unwrap_or(false);
        (
            ignore_auto_dns,
            strings(ip.and_then(|ip| ip.get("dns-search"))),
        )
    }
    read(a) == read(b)
        && Family::ALL
            .into_iter()
            .all(|family| family_view(a, family) == family_view(b, family))
}

/// What a profile says about DNS.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct ProfileDns {
    /// Its own servers, IPv4 setting first (from `dns-data`, or the legacy `dns`).
    pub servers: Vec<DnsServer>,
    /// `connection.dns-over-tls`, unless `-1` (the global default).
    pub dot: Option<DotMode>,
    /// `connection.mdns` is 1 or 2, unless `-1`.
    pub mdns: Option<bool>,
    /// `connection.llmnr` is 1 or 2, unless `-1`.
    pub llmnr: Option<bool>,
}

impl ProfileDns {
    /// The resolver the profile's servers stand for.
    pub fn resolver(&self) -> Resolver {
        Resolver::from_servers(self.servers.clone())
    }
}

/// Reads the DNS part of a profile. Properties left out are at their defaults (`-1`,
/// nothing).
pub(crate) fn read(settings: &Settings) -> ProfileDns {
    let connection = settings.get("connection");
    let number = |key: &str| {
        connection
            .and_then(|c| c.get(key))
            .and_then(|value| i32::try_from(value).ok())
            .unwrap_or(-1)
    };
    let enabled = |value: i32| match value {
        0 => Some(false),
        1 | 2 => Some(true),
        _ => None,
    };
    let mut servers = Vec::new();
    for family in Family::ALL {
        let Some(ip) = settings.get(family.setting()) else {
            continue;
        };
        let data = strings(ip.get("dns-data"));
        if data.is_empty() {
            servers.extend(legacy_servers(family, ip.get("dns")));
        } else {
            servers.extend(data.iter().filter_map(|text| DnsServer::parse(text).ok()));
        }
    }
    ProfileDns {
        servers,
        dot: DotMode::from_network_manager(number("dns-over-tls")),
        mdns: enabled(number("mdns")),
        llmnr: enabled(number("llmnr")),
    }
}

/// The legacy `ipv4.dns` (`au`, addresses in network byte order) or `ipv6.dns` (`aay`).
fn legacy_servers(family: Family, value: Option<&OwnedValue>) -> Vec<DnsServer> {
    let Some(Value::Array(array)) = value.map(|value| &**value) else {
        return Vec::new();
    };
    let address = |item: &Value<'_>| -> Option<IpAddr> {
        match (family, item) {
            (Family::V4, Value::U32(raw)) => Some(Ipv4Addr::from(raw.to_ne_bytes()).into()),
            (Family::V6, Value::Array(bytes)) => {
                let octets: Vec<u8> = bytes
                    .inner()
                    .iter()
                    .filter_map(|byte| u8::try_from(byte).ok())
                    .collect();
                let octets: [u8; 16] = octets.try_into().ok()?;
                Some(Ipv6Addr::from(octets).into())
            }
            _ => None,
        }
    };
    array
        .inner()
        .iter()
        .filter_map(address)
        .map(|address| DnsServer {
            address,
            port: None,
            server_name: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::settings::Dnssec;

    fn value(value: impl Into<Value<'static>>) -> OwnedValue {
        OwnedValue::try_from(value.into()).expect("no file descriptors")
    }

    fn list(items: &[&str]) -> OwnedValue {
        string_array(items.iter().map(|s| (*s).to_owned()).collect()).expect("an array")
    }

    /// A wired profile as NetworkManager returns it: DHCP for IPv4, IPv6 ignored, a search
    /// domain, and servers typed with an older tool (legacy `ipv4.dns`).
    fn wired() -> Settings {
        let mut settings = Settings::new();
        settings.insert(
            "connection".into(),
            HashMap::from([
                ("id".into(), value("Wired")),
                ("type".into(), value(ETHERNET)),
            ]),
        );
        settings.insert(
            "ipv4".into(),
            HashMap::from([
                ("method".into(), value("auto")),
                (
                    "dns".into(),
                    value(Array::from(vec![u32::from_ne_bytes([192, 0, 2, 9])])),
                ),
                ("dns-search".into(), list(&["example.test"])),
            ]),
        );
        settings.insert(
            "ipv6".into(),
            HashMap::from([("method".into(), value("ignore"))]),
        );
        settings
    }

    fn servers(texts: &[&str]) -> Vec<DnsServer> {
        texts
            .iter()
            .map(|text| DnsServer::parse(text).expect("valid"))
            .collect()
    }

    #[test]
    fn legacy_servers_are_read() {
        let profile = wired();
        assert!(is_eligible(&profile));
        assert_eq!(id(&profile), "Wired");
        let dns = read(&profile);
        assert_eq!(dns.servers, servers(&["192.0.2.9"]));
        assert_eq!((dns.dot, dns.mdns, dns.llmnr), (None, None, None));
    }

    #[test]
    fn a_chosen_resolver_replaces_legacy_servers_and_routes_everything() {
        let dns = PrivateDns {
            resolver: Resolver::Custom(servers(&[
                "192.0.2.1#dot.ferrum.test",
                "2001:db8::1#dot.ferrum.test",
            ])),
            dot: DotMode::Strict,
            dnssec: Dnssec::AllowDowngrade,
            mdns: true,
            llmnr: false,
        };
        let chosen = dns.resolver.servers().expect("custom");
        let configured = configure(&wired(), &dns, &chosen).expect("usable");
        let ipv4 = &configured["ipv4"];
        assert!(!ipv4.contains_key("dns"), "legacy servers removed");
        assert_eq!(strings(ipv4.get("dns-data")), ["192.0.2.1#dot.ferrum.test"]);
        assert_eq!(bool::try_from(&ipv4["ignore-auto-dns"]), Ok(true));
        assert_eq!(strings(ipv4.get("dns-search")), ["example.test", "~."]);
        // IPv6 is ignored on this profile: NetworkManager would refuse DNS there.
        assert_eq!(configured["ipv6"], wired()["ipv6"]);
        let connection = &configured["connection"];
        assert_eq!(i32::try_from(&connection["dns-over-tls"]), Ok(2));
        assert_eq!(i32::try_from(&connection["mdns"]), Ok(1));
        assert_eq!(i32::try_from(&connection["llmnr"]), Ok(0));

        let back = read(&configured);
        assert_eq!(back.servers, servers(&["192.0.2.1#dot.ferrum.test"]));
        assert_eq!(back.dot, Some(DotMode::Strict));
        assert_eq!((back.mdns, back.llmnr), (Some(true), Some(false)));

        // Configuring twice changes nothing more.
        let again = configure(&configured, &dns, &chosen).expect("usable");
        assert_eq!(again, configured);
        assert!(same_dns(&again, &configured));
        assert!(!same_dns(&wired(), &configured));
        // As NetworkManager returns it: defaults left out, the legacy servers beside.
        let mut returned = configured.clone();
        let ipv4 = returned.get_mut("ipv4").expect("ipv4");
        ipv4.insert(
            "dns".into(),
            value(Array::from(vec![u32::from_ne_bytes([192, 0, 2, 1])])),
        );
        returned
            .get_mut("connection")
            .expect("connection")
            .insert("timestamp".into(), value(1_795_952_000_u64));
        assert!(same_dns(&returned, &configured));
        let automatic = configure(&returned, &PrivateDns::default(), &[]).expect("usable");
        let mut left_out = automatic.clone();
        let ipv4 = left_out.get_mut("ipv4").expect("ipv4");
        ipv4.remove("ignore-auto-dns");
        ipv4.insert("dns-search".into(), list(&["example.test"]));
        assert!(same_dns(&left_out, &automatic));
    }

    #[test]
    fn automatic_clears_servers_and_only_the_routing_domain() {
        let chosen = PrivateDns {
            resolver: Resolver::Preset("quad9"),
            dot: DotMode::Opportunistic,
            ..PrivateDns::default()
        };
        let preset = chosen.resolver.servers().expect("preset");
        let configured = configure(&wired(), &chosen, &preset).expect("usable");
        assert_eq!(read(&configured).resolver(), Resolver::Preset("quad9"));

        let automatic = PrivateDns::default();
        let back = configure(&configured, &automatic, &[]).expect("usable");
        let ipv4 = &back["ipv4"];
        assert!(!ipv4.contains_key("dns") && !ipv4.contains_key("dns-data"));
        assert_eq!(bool::try_from(&ipv4["ignore-auto-dns"]), Ok(false));
        assert_eq!(strings(ipv4.get("dns-search")), ["example.test"]);
        assert_eq!(i32::try_from(&back["connection"]["dns-over-tls"]), Ok(0));
        assert_eq!(read(&back).resolver(), Resolver::Automatic);
    }

    #[test]
    fn servers_of_a_missing_family_are_refused() {
        let dns = PrivateDns {
            resolver: Resolver::Custom(servers(&["2001:db8::1#dot.example"])),
            ..PrivateDns::default()
        };
        let chosen = dns.resolver.servers().expect("custom");
        assert_eq!(
            configure(&wired(), &dns, &chosen),
            Err(ConfigureError::NoUsableServer)
        );
    }

    #[test]
    fn only_wired_and_wifi_profiles_that_are_not_ports() {
        let mut profile = wired();
        let mut set = |key: &str, text: &'static str| {
            profile
                .get_mut("connection")
                .expect("connection")
                .insert(key.into(), value(text));
            is_eligible(&profile)
        };
        assert!(set("type", WIFI));
        assert!(!set("slave-type", "bridge"));
        let mut loopback = wired();
        loopback
            .get_mut("connection")
            .expect("connection")
            .insert("type".into(), value("loopback"));
        assert!(!is_eligible(&loopback));
        assert!(!is_eligible(&Settings::new()));
    }
}
