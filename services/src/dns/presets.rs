//! Public DNS-over-TLS resolvers offered as presets: their IPv4 and IPv6
//! addresses and the name their certificates carry.

use std::net::IpAddr;

use super::server::DnsServer;

/// A public resolver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Provider {
    /// A stable id (`cloudflare`), used in saved settings.
    pub id: &'static str,
    /// The provider's own name (a brand, not translated).
    pub name: &'static str,
    /// The name on its TLS certificate.
    pub server_name: &'static str,
    /// IPv4 addresses.
    pub ipv4: &'static [&'static str],
    /// IPv6 addresses.
    pub ipv6: &'static [&'static str],
}

/// The presets, in the order shown.
pub const PROVIDERS: &[Provider] = &[
    Provider {
        id: "cloudflare",
        name: "Cloudflare",
        server_name: "cloudflare-dns.com",
        ipv4: &["1.1.1.1", "1.0.0.1"],
        ipv6: &["2606:4700:4700::1111", "2606:4700:4700::1001"],
    },
    Provider {
        id: "quad9",
        name: "Quad9",
        server_name: "dns.quad9.net",
        ipv4: &["9.9.9.9", "149.112.112.112"],
        ipv6: &["2620:fe::fe", "2620:fe::9"],
    },
    Provider {
        id: "google",
        name: "Google Public DNS",
        server_name: "dns.google",
        ipv4: &["8.8.8.8", "8.8.4.4"],
        ipv6: &["2001:4860:4860::8888", "2001:4860:4860::8844"],
    },
    Provider {
        id: "mullvad",
        name: "Mullvad",
        server_name: "dns.mullvad.net",
        ipv4: &["194.242.2.2"],
        ipv6: &["2a07:e340::2"],
    },
    Provider {
        id: "adguard",
        name: "AdGuard DNS",
        server_name: "dns.adguard-dns.com",
        ipv4: &["94.140.14.14", "94.140.15.15"],
        ipv6: &["2a10:50c0::ad1:ff", "2a10:50c0::ad2:ff"],
    },
];

impl Provider {
    /// The provider with an id.
    pub fn by_id(id: &str) -> Option<&'static Provider> {
        PROVIDERS.iter().find(|p| p.id == id)
    }

    /// Its servers, IPv4 first, each with the certificate name.
    pub fn servers(&self) -> Vec<DnsServer> {
        self.ipv4
            .iter()
            .chain(self.ipv6)
            .filter_map(|address| address.parse::<IpAddr>().ok())
            .map(|address| DnsServer {
                address,
                port: None,
                server_name: Some(self.server_name.to_owned()),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_valid_and_complete() {
        for provider in PROVIDERS {
            let servers = provider.servers();
            assert_eq!(
                servers.len(),
                provider.ipv4.len() + provider.ipv6.len(),
                "{}: every address parses",
                provider.id
            );
            assert!(servers.iter().any(|s| s.address.is_ipv4()));
            assert!(servers.iter().any(|s| s.address.is_ipv6()));
            for server in servers {
                let round = DnsServer::parse_with_name(&server.to_string());
                assert_eq!(round, Ok(server), "{}", provider.id);
            }
        }
        assert_eq!(Provider::by_id("quad9").map(|p| p.name), Some("Quad9"));
    }
}
