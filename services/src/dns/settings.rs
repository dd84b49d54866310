//! What the private DNS page lets people choose, checked before anything is applied.
//!
//! [`PrivateDns`] says which resolver to use ([`Resolver`]), how to reach it
//! ([`DotMode`]), whether answers must be signed ([`Dnssec`]) and whether names on the local
//! network may be looked up with multicast DNS or LLMNR. [`PrivateDns::validate`] refuses
//! anything that cannot work, with a reason the page can translate ([`DnsSettingsError`]).

use super::presets::Provider;
use super::server::{DnsServer, ServerError};

/// DNS-over-TLS: whether queries are encrypted (NetworkManager's `connection.dns-over-tls`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DotMode {
    /// Plain DNS (`0`, "no").
    #[default]
    Off,
    /// Encrypted when the server offers it, plain otherwise (`1`, "opportunistic"); a server
    /// that refuses TLS, or whose certificate does not match, is used unencrypted.
    Opportunistic,
    /// Encrypted or not at all (`2`, "yes"): no answer rather than a plain one. resolved
    /// checks the certificate against the server's name when its global `DNSOverTLS=` is
    /// `yes` (as Ferrum ships it); otherwise it only encrypts.
    Strict,
}

impl DotMode {
    /// NetworkManager's value for `connection.dns-over-tls`.
    pub fn network_manager_value(self) -> i32 {
        match self {
            Self::Off => 0,
            Self::Opportunistic => 1,
            Self::Strict => 2,
        }
    }

    /// Parses `connection.dns-over-tls`; `None` for `-1` ("the global default") and codes this
    /// client does not know.
    pub fn from_network_manager(value: i32) -> Option<Self> {
        match value {
            0 => Some(Self::Off),
            1 => Some(Self::Opportunistic),
            2 => Some(Self::Strict),
            _ => None,
        }
    }

    /// resolved's name for the mode (what a link shows once NetworkManager passed it on).
    pub fn resolved_value(self) -> &'static str {
        match self {
            Self::Off => "no",
            Self::Opportunistic => "opportunistic",
            Self::Strict => "yes",
        }
    }

    /// Parses resolved's mode (`"yes"`, `"opportunistic"`, `"no"`); anything else is
    /// [`DotMode::Off`].
    pub fn from_resolved(mode: &str) -> Self {
        match mode {
            "yes" => Self::Strict,
            "opportunistic" => Self::Opportunistic,
            _ => Self::Off,
        }
    }
}

/// DNSSEC validation of answers (resolved's per-link `DNSSEC`; NetworkManager 1.42 has no
/// property for it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Dnssec {
    /// No validation (`"no"`).
    #[default]
    Off,
    /// Validate when the server supports DNSSEC, accept unsigned answers when it does not
    /// (`"allow-downgrade"`).
    AllowDowngrade,
    /// Every answer must validate or be provably unsigned (`"yes"`); a server without DNSSEC
    /// support gives no answers.
    Strict,
}

impl Dnssec {
    /// resolved's name for the mode (`SetLinkDNSSEC`).
    pub fn resolved_value(self) -> &'static str {
        match self {
            Self::Off => "no",
            Self::AllowDowngrade => "allow-downgrade",
            Self::Strict => "yes",
        }
    }

    /// Parses resolved's mode; anything but `"yes"` and `"allow-downgrade"` is
    /// [`Dnssec::Off`].
    pub fn from_resolved(mode: &str) -> Self {
        match mode {
            "yes" => Self::Strict,
            "allow-downgrade" => Self::AllowDowngrade,
            _ => Self::Off,
        }
    }
}

/// Which servers answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Resolver {
    /// The servers the network offers (DHCP, router advertisements).
    #[default]
    Automatic,
    /// A public resolver from [`PROVIDERS`](super::PROVIDERS), by [`Provider::id`].
    Preset(&'static str),
    /// Servers the person typed, in order.
    Custom(Vec<DnsServer>),
}

impl Resolver {
    /// The preset with this id, as a [`Resolver::Preset`] (ids of saved settings are not
    /// `'static`); `None` for an unknown id.
    pub fn preset(id: &str) -> Option<Self> {
        Provider::by_id(id).map(|provider| Self::Preset(provider.id))
    }

    /// The servers to configure: none for [`Resolver::Automatic`].
    pub fn servers(&self) -> Result<Vec<DnsServer>, DnsSettingsError> {
        match self {
            Self::Automatic => Ok(Vec::new()),
            Self::Preset(id) => Provider::by_id(id)
                .map(Provider::servers)
                .ok_or_else(|| DnsSettingsError::UnknownPreset((*id).to_owned())),
            Self::Custom(servers) => Ok(servers.clone()),
        }
    }

    /// The resolver a list of configured servers stands for: [`Resolver::Automatic`] when
    /// empty, the preset whose servers these are (all of them, or all of one address family,
    /// as on a profile without IPv6), else [`Resolver::Custom`].
    pub fn from_servers(servers: Vec<DnsServer>) -> Self {
        if servers.is_empty() {
            return Self::Automatic;
        }
        match super::PROVIDERS
            .iter()
            .find(|provider| is_preset(provider, &servers))
        {
            Some(provider) => Self::Preset(provider.id),
            None => Self::Custom(servers),
        }
    }
}

/// Whether `servers` are the provider's, all of them or all of one family (order aside).
fn is_preset(provider: &Provider, servers: &[DnsServer]) -> bool {
    let preset = provider.servers();
    let family = |ipv4: bool| -> Vec<&DnsServer> {
        let mut of_family: Vec<&DnsServer> = servers
            .iter()
            .filter(|server| server.address.is_ipv4() == ipv4)
            .collect();
        of_family.sort_by_key(|server| server.to_string());
        of_family
    };
    let preset_family = |ipv4: bool| -> Vec<&DnsServer> {
        let mut of_family: Vec<&DnsServer> = preset
            .iter()
            .filter(|server| server.address.is_ipv4() == ipv4)
            .collect();
        of_family.sort_by_key(|server| server.to_string());
        of_family
    };
    [true, false].into_iter().all(|ipv4| {
        let ours = family(ipv4);
        ours.is_empty() || ours == preset_family(ipv4)
    })
}

/// The whole private DNS choice, applied to every wired and Wi-Fi connection profile.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct PrivateDns {
    /// Which servers answer.
    pub resolver: Resolver,
    /// Whether queries are encrypted.
    pub dot: DotMode,
    /// Whether answers are validated.
    pub dnssec: Dnssec,
    /// Look up `.local` names with multicast DNS (resolve only: this machine is not announced).
    pub mdns: bool,
    /// Look up single-label names with LLMNR (resolve only: this machine does not answer).
    pub llmnr: bool,
}

/// Why settings were refused before anything was applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DnsSettingsError {
    /// [`Resolver::Custom`] without any server.
    #[error("no DNS server given")]
    NoServers,
    /// [`Resolver::Preset`] with an id that is not in [`PROVIDERS`](super::PROVIDERS).
    #[error("{0:?} is not a known DNS provider")]
    UnknownPreset(String),
    /// A custom server that does not pass [`DnsServer::parse`] (or, with
    /// [`DotMode::Strict`], [`DnsServer::parse_with_name`]) in its written form.
    #[error("DNS server {server}: {error}")]
    BadServer {
        /// The server as written (`address[:port][#name]`).
        server: String,
        /// What is wrong with it.
        error: ServerError,
    },
    /// A connection profile has no address family any of the servers is of (e.g. only IPv6
    /// servers while the profile has IPv6 off); found by [`apply()`](super::apply()), before it
    /// changes anything.
    #[error("connection {profile:?} cannot use any of these servers")]
    NoUsableServer {
        /// The profile's name (`connection.id`).
        profile: String,
    },
}

impl PrivateDns {
    /// Checks the settings completely: a custom list is not empty and every server is valid
    /// as written (the fields of [`DnsServer`] are public, so a hand-built one is checked
    /// again), with a server name when DNS-over-TLS is strict (the name is what the
    /// certificate is checked against); a preset exists. Automatic servers with
    /// [`DotMode::Strict`] are accepted: resolved then checks their certificates against
    /// their addresses.
    pub fn validate(&self) -> Result<(), DnsSettingsError> {
        match &self.resolver {
            Resolver::Automatic => Ok(()),
            Resolver::Preset(id) => match Provider::by_id(id) {
                Some(_) => Ok(()),
                None => Err(DnsSettingsError::UnknownPreset((*id).to_owned())),
            },
            Resolver::Custom(servers) if servers.is_empty() => Err(DnsSettingsError::NoServers),
            Resolver::Custom(servers) => servers.iter().try_for_each(|server| {
                let written = server.to_string();
                let parsed = if self.dot == DotMode::Strict {
                    DnsServer::parse_with_name(&written)
                } else {
                    DnsServer::parse(&written)
                };
                match parsed {
                    Ok(parsed) if parsed == *server => Ok(()),
                    Ok(_) => Err(DnsSettingsError::BadServer {
                        server: written,
                        error: ServerError::BadServerName(
                            server.server_name.clone().unwrap_or_default(),
                        ),
                    }),
                    Err(error) => Err(DnsSettingsError::BadServer {
                        server: written,
                        error,
                    }),
                }
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(text: &str) -> DnsServer {
        DnsServer::parse(text).unwrap_or_else(|error| panic!("{text}: {error}"))
    }

    fn custom(servers: &[&str], dot: DotMode) -> PrivateDns {
        PrivateDns {
            resolver: Resolver::Custom(servers.iter().map(|s| server(s)).collect()),
            dot,
            ..PrivateDns::default()
        }
    }

    #[test]
    fn modes_map_both_ways() {
        for mode in [DotMode::Off, DotMode::Opportunistic, DotMode::Strict] {
            assert_eq!(
                DotMode::from_network_manager(mode.network_manager_value()),
                Some(mode)
            );
        }
        assert_eq!(DotMode::from_network_manager(-1), None);
        for mode in [DotMode::Off, DotMode::Opportunistic, DotMode::Strict] {
            assert_eq!(DotMode::from_resolved(mode.resolved_value()), mode);
        }
        assert_eq!(DotMode::from_resolved("yes"), DotMode::Strict);
        assert_eq!(
            DotMode::from_resolved("opportunistic"),
            DotMode::Opportunistic
        );
        assert_eq!(DotMode::from_resolved("no"), DotMode::Off);
        for mode in [Dnssec::Off, Dnssec::AllowDowngrade, Dnssec::Strict] {
            assert_eq!(Dnssec::from_resolved(mode.resolved_value()), mode);
        }
        assert_eq!(Dnssec::from_resolved(""), Dnssec::Off);
    }

    #[test]
    fn validation_names_the_problem() {
        assert_eq!(PrivateDns::default().validate(), Ok(()));
        let strict_automatic = PrivateDns {
            dot: DotMode::Strict,
            ..PrivateDns::default()
        };
        assert_eq!(strict_automatic.validate(), Ok(()));
        assert_eq!(
            custom(&[], DotMode::Off).validate(),
            Err(DnsSettingsError::NoServers)
        );
        assert_eq!(custom(&["192.0.2.1"], DotMode::Off).validate(), Ok(()));
        assert_eq!(
            custom(&["192.0.2.1"], DotMode::Opportunistic).validate(),
            Ok(())
        );
        assert_eq!(
            custom(&["192.0.2.1#dot.example", "192.0.2.2"], DotMode::Strict).validate(),
            Err(DnsSettingsError::BadServer {
                server: "192.0.2.2".into(),
                error: ServerError::MissingServerName
            })
        );
        assert_eq!(
            custom(&["192.0.2.1#dot.example"], DotMode::Strict).validate(),
            Ok(())
        );
        let hand_built = PrivateDns {
            resolver: Resolver::Custom(vec![DnsServer {
                address: "192.0.2.1".parse().expect("an address"),
                port: Some(0),
                server_name: Some("bad name".into()),
            }]),
            ..PrivateDns::default()
        };
        assert!(matches!(
            hand_built.validate(),
            Err(DnsSettingsError::BadServer { .. })
        ));
        let unknown = PrivateDns {
            resolver: Resolver::Preset("nonesuch"),
            ..PrivateDns::default()
        };
        assert_eq!(
            unknown.validate(),
            Err(DnsSettingsError::UnknownPreset("nonesuch".into()))
        );
        assert_eq!(Resolver::preset("nonesuch"), None);
        assert_eq!(Resolver::preset("quad9"), Some(Resolver::Preset("quad9")));
    }

    #[test]
    fn presets_are_recognised_whole_or_by_family() {
        let quad9 = Provider::by_id("quad9")
            .map(Provider::servers)
            .unwrap_or_default();
        assert_eq!(
            Resolver::from_servers(quad9.clone()),
            Resolver::Preset("quad9")
        );
        let ipv4_only: Vec<DnsServer> = quad9
            .iter()
            .filter(|s| s.address.is_ipv4())
            .rev()
            .cloned()
            .collect();
        assert_eq!(Resolver::from_servers(ipv4_only), Resolver::Preset("quad9"));
        let partial = vec![quad9[0].clone()];
        assert_eq!(
            Resolver::from_servers(partial.clone()),
            Resolver::Custom(partial)
        );
        let unnamed = vec![server("9.9.9.9"), server("149.112.112.112")];
        assert_eq!(
            Resolver::from_servers(unnamed.clone()),
            Resolver::Custom(unnamed)
        );
        assert_eq!(Resolver::from_servers(Vec::new()), Resolver::Automatic);
    }
}
