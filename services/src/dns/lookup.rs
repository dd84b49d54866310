//! A test lookup through systemd-resolved: does DNS work with the settings in force, and
//! did the answer come encrypted?

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::{Duration, Instant};

use crate::bus::SystemBus;
use crate::error::{DbusFailure, FailureKind};
use crate::proxies::resolved::ManagerProxy;

/// `AF_UNSPEC`: IPv4 and IPv6 addresses.
const AF_UNSPEC: i32 = 0;
/// `AF_INET`.
const AF_INET: i32 = 2;
/// `AF_INET6`.
const AF_INET6: i32 = 10;
/// `SD_RESOLVED_NO_CACHE` (systemd ≥ 246): ask the network, not the cache.
const NO_CACHE: u64 = 1 << 12;
/// `SD_RESOLVED_AUTHENTICATED`: every part of the answer was DNSSEC-validated.
const AUTHENTICATED: u64 = 1 << 9;
/// `SD_RESOLVED_CONFIDENTIAL`: the answer only travelled encrypted or never left the machine.
const CONFIDENTIAL: u64 = 1 << 18;
/// `SD_RESOLVED_FROM_CACHE`: (part of) the answer came from the cache.
const FROM_CACHE: u64 = 1 << 20;

/// The answer to a test lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookup {
    /// The canonical name (after CNAMEs).
    pub name: String,
    /// The addresses, as resolved ordered them.
    pub addresses: Vec<IpAddr>,
    /// How long the lookup took, measured here (bus round trip included).
    pub elapsed: Duration,
    /// The answer travelled only over encrypted connections (DNS-over-TLS) or never left the
    /// machine (resolved's `CONFIDENTIAL` flag).
    pub encrypted: bool,
    /// Every part of the answer was validated with DNSSEC.
    pub authenticated: bool,
    /// (Part of) the answer came from resolved's cache.
    pub from_cache: bool,
}

/// Why a test lookup gave no addresses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    /// The name does not exist, or has no addresses (NXDOMAIN, or no A/AAAA record).
    #[error("the name does not exist")]
    NotFound,
    /// No DNS server is configured for any link.
    #[error("no DNS servers are configured")]
    NoServers,
    /// No server answered: it is unreachable, refused DNS-over-TLS, or (strict
    /// DNS-over-TLS) its certificate does not match its name. resolved reports these the
    /// same way (a timeout), so they cannot be told apart.
    #[error("the DNS servers could not be reached, or their certificates were rejected")]
    Unreachable,
    /// DNSSEC validation failed (the detail says how), or there is no trust anchor.
    #[error("DNSSEC validation failed: {0}")]
    DnssecFailed(String),
    /// No network is connected.
    #[error("the network is down")]
    NetworkDown,
    /// systemd-resolved is not running.
    #[error("systemd-resolved is not running")]
    ResolverMissing,
    /// Anything else (another DNS error code, the bus); the detail says what.
    #[error("the lookup failed: {0}")]
    Other(DbusFailure),
}

impl LookupError {
    /// Classifies a failed `ResolveHostname`.
    pub fn from_failure(failure: DbusFailure) -> Self {
        if failure.is_absence() {
            return Self::ResolverMissing;
        }
        if failure.kind() == FailureKind::Timeout {
            return Self::Unreachable;
        }
        match failure.error_name().unwrap_or_default() {
            "org.freedesktop.resolve1.DnsError.NXDOMAIN" | "org.freedesktop.resolve1.NoSuchRR" => {
                Self::NotFound
            }
            "org.freedesktop.resolve1.NoNameServers" => Self::NoServers,
            "org.freedesktop.resolve1.DnssecFailed" | "org.freedesktop.resolve1.NoTrustAnchor" => {
                Self::DnssecFailed(failure.message().to_owned())
            }
            "org.freedesktop.resolve1.NetworkDown" => Self::NetworkDown,
            _ => Self::Other(failure),
        }
    }
}

fn address(family: i32, bytes: &[u8]) -> Option<IpAddr> {
    match family {
        AF_INET => Some(Ipv4Addr::from(<[u8; 4]>::try_from(bytes).ok()?).into()),
        AF_INET6 => Some(Ipv6Addr::from(<[u8; 16]>::try_from(bytes).ok()?).into()),
        _ => None,
    }
}

/// Looks `name` up through resolved on every link, IPv4 and IPv6, bypassing the cache so
/// the servers in force answer (resolved may still answer from its own zones, e.g.
/// `localhost` or `/etc/hosts`, which counts as [`Lookup::encrypted`]).
pub async fn test_lookup(bus: &SystemBus, name: &str) -> Result<Lookup, LookupError> {
    let failed = |error: zbus::Error| LookupError::from_failure(DbusFailure::from(error));
    let connection = bus.connection().await.map_err(LookupError::from_failure)?;
    let manager = ManagerProxy::builder(&connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(failed)?;
    let started = Instant::now();
    let (addresses, canonical, flags) = manager
        .resolve_hostname(0, name, AF_UNSPEC, NO_CACHE)
        .await
        .map_err(failed)?;
    Ok(Lookup {
        name: canonical,
        addresses: addresses
            .iter()
            .filter_map(|(_, family, bytes)| address(*family, bytes))
            .collect(),
        elapsed: started.elapsed(),
        encrypted: flags & CONFIDENTIAL != 0,
        authenticated: flags & AUTHENTICATED != 0,
        from_cache: flags & FROM_CACHE != 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(name: &str, message: &str) -> DbusFailure {
        let call = zbus::Message::method_call("/", "Ping")
            .and_then(|builder| builder.build(&()))
            .expect("a message");
        DbusFailure::from(zbus::Error::MethodError(
            zbus::names::OwnedErrorName::try_from(name).expect("an error name"),
            Some(message.to_owned()),
            call,
        ))
    }

    #[test]
    fn resolved_errors_map_to_typed_errors() {
        let cases = [
            (
                "org.freedesktop.resolve1.DnsError.NXDOMAIN",
                LookupError::NotFound,
            ),
            ("org.freedesktop.resolve1.NoSuchRR", LookupError::NotFound),
            (
                "org.freedesktop.resolve1.NoNameServers",
                LookupError::NoServers,
            ),
            (
                "org.freedesktop.DBus.Error.Timeout",
                LookupError::Unreachable,
            ),
            (
                "org.freedesktop.resolve1.NetworkDown",
                LookupError::NetworkDown,
            ),
            (
                "org.freedesktop.DBus.Error.ServiceUnknown",
                LookupError::ResolverMissing,
            ),
            (
                "org.freedesktop.resolve1.DnssecFailed",
                LookupError::DnssecFailed("detail".into()),
            ),
            (
                "org.freedesktop.resolve1.NoTrustAnchor",
                LookupError::DnssecFailed("detail".into()),
            ),
        ];
        for (name, expected) in cases {
            assert_eq!(
                LookupError::from_failure(failure(name, "detail")),
                expected,
                "{name}"
            );
        }
        let servfail = failure("org.freedesktop.resolve1.DnsError.SERVFAIL", "detail");
        assert_eq!(
            LookupError::from_failure(servfail.clone()),
            LookupError::Other(servfail)
        );
    }

    #[test]
    fn addresses_by_family() {
        assert_eq!(
            address(AF_INET, &[192, 0, 2, 53]),
            Some(IpAddr::from([192, 0, 2, 53]))
        );
        assert_eq!(
            address(AF_INET6, &[0; 16]),
            Some(IpAddr::from(Ipv6Addr::UNSPECIFIED))
        );
        assert_eq!(address(AF_INET, &[1, 2]), None);
        assert_eq!(address(7, &[1, 2, 3, 4]), None);
    }
}
