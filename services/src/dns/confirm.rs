//! Waiting until resolved shows what NetworkManager was asked to put into effect.
//!
//! NetworkManager 1.42 hands a reapplied profile to resolved asynchronously, after the
//! device's DHCP lease has been renewed, and sometimes not at all: on the test bed's veth
//! (a DHCP server that answers within a millisecond) a reapply within a few seconds of the
//! connection's activation leaves the device with its old DNS configuration until something
//! else changes it, while reapplies 4 s apart all arrive within about 50 ms.
//! [`Confirmation`] follows resolved's signals, subscribed before the change, and tells
//! which links show the expected state by a deadline.

use std::collections::BTreeSet;
use std::time::Duration;

use futures::{FutureExt as _, StreamExt as _};
use zbus::{Connection, MatchRule, MessageStream};

use crate::error::DbusFailure;
use crate::proxies::resolved::ManagerProxy;
use crate::proxies::resolved_link::LinkProxy;

use super::error::DnsError;
use super::status::{RESOLVED_BUS_NAME, RESOLVED_PATH, server_text};

/// What resolved should show on one link once a profile is in effect there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Expected {
    /// The link's interface index.
    pub ifindex: i32,
    /// DNS-over-TLS as resolved names it (`"no"`, `"opportunistic"`, `"yes"`).
    pub dot: &'static str,
    /// The chosen servers (`address[:port][#name]`); `None` for the network's own, which
    /// are not known in advance.
    pub servers: Option<BTreeSet<String>>,
    /// Whether the link carries the routing domain `~.` (a chosen resolver does).
    pub route_all: bool,
}

/// A link's DNS state as resolved shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shown {
    dot: String,
    servers: BTreeSet<String>,
    route_all: bool,
}

impl Expected {
    fn is_met_by(&self, shown: &Shown) -> bool {
        shown.dot == self.dot
            && shown.route_all == self.route_all
            && self
                .servers
                .as_ref()
                .is_none_or(|servers| *servers == shown.servers)
    }
}

fn failed(error: zbus::Error) -> DnsError {
    DnsError::resolver(DbusFailure::from(error))
}

/// resolved's signals, followed from before a change was made.
pub(crate) struct Confirmation {
    signals: MessageStream,
}

impl Confirmation {
    /// Subscribes to every signal resolved emits (it announces DNS changes with
    /// `PropertiesChanged` on its manager).
    pub async fn subscribe(connection: &Connection) -> Result<Self, DnsError> {
        let rule = MatchRule::builder()
            .msg_type(zbus::message::Type::Signal)
            .sender(RESOLVED_BUS_NAME)
            .and_then(|builder| builder.path_namespace(RESOLVED_PATH))
            .map_err(failed)?
            .build();
        let signals = MessageStream::for_match_rule(rule, connection, Some(64))
            .await
            .map_err(failed)?;
        Ok(Self { signals })
    }

    /// Waits until every link of `expected` shows its state, or `deadline` has passed;
    /// returns those that do not (in the order given).
    pub async fn wait(
        &mut self,
        connection: &Connection,
        expected: Vec<Expected>,
        deadline: Duration,
    ) -> Result<Vec<Expected>, DnsError> {
        let until = tokio::time::Instant::now() + deadline;
        let mut pending = expected;
        loop {
            let mut still = Vec::new();
            for link in pending {
                let shown = shown(connection, link.ifindex).await?;
                if !shown.as_ref().is_some_and(|shown| link.is_met_by(shown)) {
                    tracing::debug!(?link, ?shown, "not in effect yet");
                    still.push(link);
                }
            }
            pending = still;
            if pending.is_empty() {
                return Ok(pending);
            }
            match tokio::time::timeout_at(until, self.signals.next()).await {
                Ok(Some(_)) => {
                    // A burst of changes is looked at once.
                    while let Some(Some(_)) = self.signals.next().now_or_never() {}
                }
                Ok(None) | Err(_) => return Ok(pending),
            }
        }
    }
}

/// What resolved shows on the link; `None` when it has no such link.
async fn shown(connection: &Connection, ifindex: i32) -> Result<Option<Shown>, DnsError> {
    let read = async {
        let path = ManagerProxy::new(connection)
            .await?
            .get_link(ifindex)
            .await?;
        let link = LinkProxy::builder(connection)
            .path(path)?
            .cache_properties(zbus::proxy::CacheProperties::No)
            .build()
            .await?;
        let servers = link
            .dnsex()
            .await?
            .into_iter()
            .filter_map(|(family, address, port, name)| server_text(family, &address, port, &name))
            .collect();
        let route_all = link
            .domains()
            .await?
            .iter()
            .any(|(domain, routing)| *routing && matches!(domain.as_str(), "." | ""));
        Ok::<_, zbus::Error>(Shown {
            dot: link.dnsover_tls().await?,
            servers,
            route_all,
        })
    };
    match read.await {
        Ok(shown) => Ok(Some(shown)),
        Err(error) => {
            let failure = DbusFailure::from(error);
            if failure.error_name() == Some("org.freedesktop.resolve1.NoSuchLink") {
                Ok(None)
            } else {
                Err(DnsError::resolver(failure))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(dot: &str, servers: &[&str], route_all: bool) -> Shown {
        Shown {
            dot: dot.to_owned(),
            servers: servers.iter().map(|s| (*s).to_owned()).collect(),
            route_all,
        }
    }

    #[test]
    fn chosen_servers_must_match_exactly() {
        let expected = Expected {
            ifindex: 2,
            dot: "yes",
            servers: Some(["192.0.2.1#dot.example".to_owned()].into()),
            route_all: true,
        };
        assert!(expected.is_met_by(&shown("yes", &["192.0.2.1#dot.example"], true)));
        assert!(!expected.is_met_by(&shown("yes", &["192.0.2.1"], true)));
        assert!(!expected.is_met_by(&shown("no", &["192.0.2.1#dot.example"], true)));
        assert!(!expected.is_met_by(&shown("yes", &["192.0.2.1#dot.example"], false)));
    }

    #[test]
    fn the_network_s_servers_are_not_known_in_advance() {
        let expected = Expected {
            ifindex: 2,
            dot: "no",
            servers: None,
            route_all: false,
        };
        assert!(expected.is_met_by(&shown("no", &["192.0.2.1"], false)));
        assert!(expected.is_met_by(&shown("no", &[], false)));
        assert!(!expected.is_met_by(&shown("no", &["192.0.2.1#dot.example"], true)));
        assert!(!expected.is_met_by(&shown("yes", &["192.0.2.1"], false)));
    }
}
