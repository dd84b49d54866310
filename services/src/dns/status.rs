//! What systemd-resolved is doing: each link's servers and modes, the global DNS-over-TLS
//! mode, and its counters; as a snapshot and as a stream.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use futures::Stream;
use zbus::Connection;
use zbus::zvariant::OwnedObjectPath;

use crate::bus::SystemBus;
use crate::error::DbusFailure;
use crate::proxies::resolved::ManagerProxy;
use crate::proxies::resolved_link::LinkProxy;
use crate::watch::{ServiceUpdate, Watched, watch_through_hangs};

use super::error::DnsError;
use super::interfaces;
use super::server::DnsServer;

/// resolved's bus name.
pub const RESOLVED_BUS_NAME: &str = "org.freedesktop.resolve1";
/// resolved's manager object.
pub(crate) const RESOLVED_PATH: &str = "/org/freedesktop/resolve1";
/// The folder of resolved's link objects (`…/link/_3N`, N the interface index).
const LINKS_PATH: &str = "/org/freedesktop/resolve1/link";

/// The manager and its links: resolved emits `PropertiesChanged` on the manager whenever a
/// link's servers or settings change, and the counters are re-read with everything else.
const WATCHED: Watched = Watched {
    bus_name: RESOLVED_BUS_NAME,
    path_namespace: RESOLVED_PATH,
};

/// A network interface as resolved sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkStatus {
    /// The interface index.
    pub ifindex: i32,
    /// The interface name (the index in decimal when this process's network namespace has
    /// no such interface).
    pub interface: String,
    /// The server in use, as `address[:port][#name]`.
    pub current_server: Option<String>,
    /// The link's servers, in the same form.
    pub servers: Vec<String>,
    /// DNS-over-TLS in effect: `"yes"`, `"opportunistic"` or `"no"`.
    pub dot: String,
    /// DNSSEC in effect: `"yes"`, `"allow-downgrade"` or `"no"`.
    pub dnssec: String,
    /// Whether names outside the link's own domains are looked up through it.
    pub default_route: bool,
}

/// resolved's state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResolverStatus {
    /// Links with DNS (servers, lookups, or the default route), by interface index; not
    /// loopback.
    pub links: Vec<LinkStatus>,
    /// Global servers (from resolved.conf), as `address[:port][#name]`.
    pub global_servers: Vec<String>,
    /// Lookups since resolved started.
    pub transactions: u64,
    /// Answers from the cache.
    pub cache_hits: u64,
    /// Lookups the cache could not answer.
    pub cache_misses: u64,
    /// DNSSEC: answers validated as signed.
    pub dnssec_secure: u64,
    /// DNSSEC: answers proven unsigned.
    pub dnssec_insecure: u64,
    /// DNSSEC: answers that failed validation.
    pub dnssec_bogus: u64,
    /// The global DNS-over-TLS mode (`"yes"`, `"opportunistic"`, `"no"`); resolved 252 checks
    /// certificates only when it is `"yes"`.
    pub global_dot: String,
}

/// A server as resolved describes it (family, address bytes, port, name), displayed as
/// `address[:port][#name]`; `None` for family 0 (no server) or a malformed address.
pub(crate) fn server_text(family: i32, address: &[u8], port: u16, name: &str) -> Option<String> {
    let address = match family {
        2 => IpAddr::from(Ipv4Addr::from(<[u8; 4]>::try_from(address).ok()?)),
        10 => IpAddr::from(Ipv6Addr::from(<[u8; 16]>::try_from(address).ok()?)),
        _ => return None,
    };
    let server = DnsServer {
        address,
        port: (port != 0).then_some(port),
        server_name: (!name.is_empty()).then(|| name.to_owned()),
    };
    Some(server.to_string())
}

/// Decodes an sd-bus object path label (`_31` → `1`, `_312` → `12`: a leading digit and
/// every byte that is not a letter or digit is written `_xx` in hex).
fn unescape_label(label: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(label.len());
    let mut rest = label.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'_' {
            let hex = tail.get(..2)?;
            let text = std::str::from_utf8(hex).ok()?;
            bytes.push(u8::from_str_radix(text, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(first);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}

/// The interface indexes of resolved's link objects, from the introspection of their folder
/// (`<node name="_32"/>`).
fn link_indexes(introspection: &str) -> Vec<i32> {
    let mut indexes: Vec<i32> = introspection
        .split("<node name=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"'))
        .filter_map(|(label, _)| unescape_label(label)?.parse().ok())
        .filter(|index| *index > 0)
        .collect();
    indexes.sort_unstable();
    indexes.dedup();
    indexes
}

async fn link_status(
    connection: &Connection,
    ifindex: i32,
    path: OwnedObjectPath,
) -> Result<LinkStatus, zbus::Error> {
    let link = LinkProxy::builder(connection)
        .path(path)?
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?;
    let (family, address, port, name) = link.current_dnsserver_ex().await?;
    let servers = link
        .dnsex()
        .await?
        .into_iter()
        .filter_map(|(family, address, port, name)| server_text(family, &address, port, &name))
        .collect();
    Ok(LinkStatus {
        ifindex,
        interface: interfaces::name_of(ifindex).unwrap_or_else(|| ifindex.to_string()),
        current_server: server_text(family, &address, port, &name),
        servers,
        dot: link.dnsover_tls().await?,
        dnssec: link.dnssec().await?,
        default_route: link.default_route().await?,
    })
}

/// Whether a link takes part in DNS at all (loopback does not).
async fn takes_part(connection: &Connection, path: &OwnedObjectPath) -> Result<bool, zbus::Error> {
    let link = LinkProxy::builder(connection)
        .path(path.clone())?
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?;
    Ok(link.scopes_mask().await? != 0
        || link.default_route().await?
        || !link.dnsex().await?.is_empty())
}

/// Reads resolved's state through `connection`.
pub async fn snapshot(connection: Connection) -> Result<ResolverStatus, DnsError> {
    let failed = |error: zbus::Error| DnsError::resolver(DbusFailure::from(error));
    let manager = ManagerProxy::builder(&connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(failed)?;
    let introspectable = zbus::fdo::IntrospectableProxy::builder(&connection)
        .destination(RESOLVED_BUS_NAME)
        .map_err(failed)?
        .path(LINKS_PATH)
        .map_err(failed)?
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(failed)?;
    let introspection = introspectable
        .introspect()
        .await
        // A method timeout wrapped as an fdo error is classified as a timeout by
        // `DbusFailure::from`, so a hung resolved reads as not answering.
        .map_err(|error| DnsError::resolver(DbusFailure::from(error)))?;
    let mut links = Vec::new();
    for ifindex in link_indexes(&introspection) {
        // A link can go between the listing and the reads: skip it, its removal is a change
        // of its own.
        let read = async {
            let path = manager.get_link(ifindex).await?;
            if !takes_part(&connection, &path).await? {
                return Ok(None);
            }
            link_status(&connection, ifindex, path).await.map(Some)
        };
        match read.await {
            Ok(Some(link)) => links.push(link),
            Ok(None) => {}
            Err(error) => {
                let failure = DbusFailure::from(error);
                if failure.is_absence() {
                    return Err(DnsError::ResolverMissing);
                }
                tracing::debug!(ifindex, %failure, "link gone while reading");
            }
        }
    }
    let global_servers = manager
        .dnsex()
        .await
        .map_err(failed)?
        .into_iter()
        .filter(|(ifindex, ..)| *ifindex == 0)
        .filter_map(|(_, family, address, port, name)| server_text(family, &address, port, &name))
        .collect();
    let (_, transactions) = manager.transaction_statistics().await.map_err(failed)?;
    let (_, cache_hits, cache_misses) = manager.cache_statistics().await.map_err(failed)?;
    let (dnssec_secure, dnssec_insecure, dnssec_bogus, _) =
        manager.dnssecstatistics().await.map_err(failed)?;
    Ok(ResolverStatus {
        links,
        global_servers,
        transactions,
        cache_hits,
        cache_misses,
        dnssec_secure,
        dnssec_insecure,
        dnssec_bogus,
        global_dot: manager.dnsover_tls().await.map_err(failed)?,
    })
}

/// Reads resolved's state on `bus`.
pub async fn resolver_status(bus: &SystemBus) -> Result<ResolverStatus, DnsError> {
    let connection = bus.connection().await.map_err(DnsError::resolver)?;
    snapshot(connection).await
}

/// Follows resolved: its state now and after every change it announces (links' servers and
/// settings; the counters are re-read with them, never on a timer), and its disappearance
/// and return. resolved announces no change of a link's DNSSEC mode alone: it shows with
/// the next other change, or in [`resolver_status`].
///
/// A hung resolved (it owns its name but a read did not answer in time,
/// [`DnsError::ResolverNoAnswer`]) announces nothing when it resumes, so after such a read the
/// stream reads again every 2 s (each read bounded by the connection's method timeout) until
/// resolved answers.
pub fn watch_resolver(
    bus: SystemBus,
) -> impl Stream<Item = ServiceUpdate<ResolverStatus, DnsError>> + Send {
    watch_through_hangs(bus, WATCHED, snapshot, |error| {
        matches!(error, DnsError::ResolverNoAnswer(_))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn servers_display_as_typed() {
        assert_eq!(
            server_text(2, &[192, 0, 2, 1], 0, "dot.ferrum.test").as_deref(),
            Some("192.0.2.1#dot.ferrum.test")
        );
        assert_eq!(
            server_text(2, &[192, 0, 2, 1], 853, "").as_deref(),
            Some("192.0.2.1:853")
        );
        let v6 = Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1).octets();
        assert_eq!(
            server_text(10, &v6, 8853, "dns.example").as_deref(),
            Some("[2001:db8::1]:8853#dns.example")
        );
        assert_eq!(server_text(0, &[], 0, ""), None);
        assert_eq!(server_text(2, &[1, 2, 3], 0, ""), None);
    }

    #[test]
    fn link_objects_name_their_index() {
        assert_eq!(unescape_label("_31").as_deref(), Some("1"));
        assert_eq!(unescape_label("_312").as_deref(), Some("12"));
        assert_eq!(unescape_label("_3100").as_deref(), Some("100"));
        assert_eq!(unescape_label("_3"), None);
        let xml = r#"<node><interface name="x"/><node name="_32"/><node name="_31"/><node name="_312"/><node name="other"/></node>"#;
        assert_eq!(link_indexes(xml), vec![1, 2, 12]);
    }
}
