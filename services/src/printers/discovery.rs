//! Finding printers on the network through Avahi's D-Bus API (`_ipp._tcp` and `_ipps._tcp`),
//! one entry per printer.

use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;
use std::time::Duration;

use futures::stream::FuturesUnordered;
use futures::{Stream, StreamExt};
use zbus::{Connection, MatchRule, MessageStream};

use crate::bus::SystemBus;
use crate::error::DbusFailure;
use crate::proxies::avahi_server::Server2Proxy;
use crate::proxies::avahi_service_browser::ServiceBrowserProxy;

use super::address::PrinterUri;
use super::error::PrintersError;
use super::types::{Discovered, DiscoveryUpdate, DriverSupport, Printer};

/// Avahi's bus name.
pub const AVAHI_BUS_NAME: &str = "org.freedesktop.Avahi";
const BROWSER_INTERFACE: &str = "org.freedesktop.Avahi.ServiceBrowser";
const SERVICE_TYPES: [&str; 2] = ["_ipp._tcp", "_ipps._tcp"];
/// `AVAHI_IF_UNSPEC` / `AVAHI_PROTO_UNSPEC`.
const UNSPEC: i32 = -1;
/// `AVAHI_PROTO_INET`.
const PROTO_INET: i32 = 0;
/// `AVAHI_LOOKUP_RESULT_LOCAL`: the service is published on this machine.
const RESULT_LOCAL: u32 = 8;
/// The pause before browsing again after a failure.
const RETRY: Duration = Duration::from_secs(5);

/// One resolved announcement: a service instance on one interface and protocol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ServiceRecord {
    pub interface: i32,
    pub protocol: i32,
    pub name: String,
    pub service_type: String,
    pub domain: String,
    pub host: String,
    pub address: Option<IpAddr>,
    pub port: u16,
    /// TXT keys lowercased.
    pub txt: BTreeMap<String, String>,
    pub local: bool,
}

impl ServiceRecord {
    fn secure(&self) -> bool {
        self.service_type.starts_with("_ipps.")
    }

    /// What makes two announcements the same printer: its UUID, else its name.
    fn printer_key(&self) -> String {
        match self.txt.get("uuid") {
            Some(uuid) if !uuid.is_empty() => {
                format!(
                    "uuid:{}",
                    uuid.trim_start_matches("urn:uuid:").to_lowercase()
                )
            }
            _ => format!("name:{}", self.name.to_lowercase()),
        }
    }
}

/// Parses TXT strings (`key=value`), keys lowercased.
pub(crate) fn parse_txt(entries: &[Vec<u8>]) -> BTreeMap<String, String> {
    entries
        .iter()
        .filter_map(|entry| {
            let text = String::from_utf8_lossy(entry);
            let (key, value) = text.split_once('=').unwrap_or((&text, ""));
            (!key.is_empty()).then(|| (key.to_lowercase(), value.to_owned()))
        })
        .collect()
}

fn driver_support(records: &[&ServiceRecord]) -> DriverSupport {
    let pdl: Vec<String> = records
        .iter()
        .filter_map(|r| r.txt.get("pdl"))
        .flat_map(|pdl| pdl.split(',').map(|f| f.trim().to_lowercase()))
        .collect();
    let has = |format: &str| pdl.iter().any(|f| f == format);
    let urf = records.iter().any(|r| r.txt.contains_key("urf"));
    if has("image/pwg-raster") {
        DriverSupport::IppEverywhere
    } else if has("image/urf") || (urf && has("application/pdf")) {
        DriverSupport::AirPrint
    } else if has("application/pdf") {
        DriverSupport::Pdf
    } else {
        DriverSupport::NeedsDriver
    }
}

fn address_rank(address: &IpAddr) -> u8 {
    match address {
        IpAddr::V4(v4) if v4.is_loopback() => 1,
        IpAddr::V4(_) => 0,
        IpAddr::V6(v6) if v6.is_loopback() => 3,
        IpAddr::V6(v6) if (v6.segments()[0] & 0xffc0) == 0xfe80 => 4,
        IpAddr::V6(_) => 2,
    }
}

fn host_of_uri(uri: &str) -> Option<(String, u16)> {
    let rest = uri.split_once("://")?.1;
    let authority = rest.split('/').next()?;
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (host, after) = v6.split_once(']')?;
        (
            host.to_owned(),
            after.strip_prefix(':').and_then(|p| p.parse().ok()),
        )
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host.to_owned(), port.parse().ok()),
            None => (authority.to_owned(), None),
        }
    };
    Some((
        host.trim_end_matches('.').to_lowercase(),
        port.unwrap_or(631),
    ))
}

/// Merges announcements into one entry per printer: the same printer seen over IPv4 and
/// IPv6, on several interfaces, as `_ipp` and `_ipps`, is one entry (keyed by its TXT
/// `UUID`, else its name). This cupsd's own shared queues are left out, and a printer that
/// already has a queue (its device URI names one of the printer's hosts or addresses and its
/// port) carries that queue's name.
pub(crate) fn merge(records: &[ServiceRecord], queues: &[Printer]) -> Vec<Discovered> {
    let mut groups: BTreeMap<String, Vec<&ServiceRecord>> = BTreeMap::new();
    for record in records {
        // cupsd announces its shared queues with a `printer-type` key.
        if record.local && record.txt.contains_key("printer-type") {
            continue;
        }
        groups.entry(record.printer_key()).or_default().push(record);
    }
    let mut found: Vec<Discovered> = groups
        .into_values()
        .filter_map(|group| {
            let first = group.first()?;
            let mut addresses: Vec<IpAddr> = group.iter().filter_map(|r| r.address).collect();
            addresses.sort_by_key(|a| (address_rank(a), *a));
            addresses.dedup();
            let plain = group.iter().find(|r| !r.secure());
            let chosen = plain.or(group.first())?;
            let resource = chosen
                .txt
                .get("rp")
                .cloned()
                .unwrap_or_else(|| "ipp/print".to_owned());
            let usable = addresses
                .iter()
                .find(|a| address_rank(a) < 4)
                .map(IpAddr::to_string)
                .unwrap_or_else(|| chosen.host.clone());
            let uri = PrinterUri::from_parts(chosen.secure(), &usable, chosen.port, &resource)
                .or_else(|| {
                    PrinterUri::from_parts(chosen.secure(), &chosen.host, chosen.port, &resource)
                })?;
            let txt = |key: &str| {
                group
                    .iter()
                    .find_map(|r| r.txt.get(key).filter(|v| !v.is_empty()).cloned())
            };
            let hosts: Vec<String> = group
                .iter()
                .map(|r| r.host.trim_end_matches('.').to_lowercase())
                .chain(addresses.iter().map(IpAddr::to_string))
                .collect();
            let ports: Vec<u16> = group.iter().map(|r| r.port).collect();
            let queue = queues.iter().find_map(|printer| {
                let (host, port) = host_of_uri(&printer.device_uri)?;
                (hosts.contains(&host) && ports.contains(&port)).then(|| printer.name.clone())
            });
            Some(Discovered {
                name: first.name.clone(),
                host: first.host.trim_end_matches('.').to_owned(),
                addresses,
                uri,
                offers_tls: group.iter().any(|r| r.secure()),
                make_and_model: txt("ty"),
                location: txt("note"),
                driver: driver_support(&group),
                uuid: txt("uuid"),
                queue,
            })
        })
        .collect();
    found.sort_by_key(|a| a.name.to_lowercase());
    found
}

/// Marks the found printers that already have a queue (the page calls it with each new
/// snapshot).
pub fn mark_queues(found: &mut [Discovered], printers: &[Printer]) {
    for entry in found.iter_mut() {
        let mut hosts: Vec<String> = entry.addresses.iter().map(IpAddr::to_string).collect();
        hosts.push(entry.host.to_lowercase());
        // A printer on this machine is reached as `localhost` as well as by its addresses.
        if entry.addresses.iter().any(IpAddr::is_loopback) {
            hosts.extend(["localhost".to_owned(), "localhost.".to_owned()]);
        }
        let port = entry.uri.port().unwrap_or(631);
        entry.queue = printers.iter().find_map(|printer| {
            let (host, queue_port) = host_of_uri(&printer.device_uri)?;
            (hosts.contains(&host) && queue_port == port).then(|| printer.name.clone())
        });
    }
}

type Key = (i32, i32, String, String, String);

async fn resolve(
    server: Server2Proxy<'static>,
    key: Key,
) -> (Key, Result<ServiceRecord, DbusFailure>) {
    let (interface, protocol, name, service_type, domain) = key.clone();
    let answer = server
        .resolve_service(
            interface,
            protocol,
            &name,
            &service_type,
            &domain,
            UNSPEC,
            0,
        )
        .await;
    let record = answer.map_err(DbusFailure::from).map(
        |(
            interface,
            protocol,
            name,
            service_type,
            domain,
            host,
            _aproto,
            address,
            port,
            txt,
            flags,
        )| {
            ServiceRecord {
                interface,
                protocol,
                name,
                service_type,
                domain,
                host,
                address: address.parse().ok(),
                port,
                txt: parse_txt(&txt),
                local: flags & RESULT_LOCAL != 0,
            }
        },
    );
    (key, record)
}

enum Stop {
    Gone,
    Failed(DbusFailure),
    Closed,
}

/// Browses and resolves until Avahi goes away or fails; yields the merged list on changes.
fn browse(connection: Connection) -> impl Stream<Item = Result<Vec<Discovered>, Stop>> + Send {
    async_stream::stream! {
        let setup = async {
            let dbus = zbus::fdo::DBusProxy::new(&connection).await?;
            let owners = dbus
                .receive_name_owner_changed_with_args(&[(0, AVAHI_BUS_NAME)])
                .await?;
            let present = match zbus::names::BusName::try_from(AVAHI_BUS_NAME) {
                Ok(name) => dbus.name_has_owner(name).await?,
                Err(_) => false,
            };
            Ok::<_, DbusFailure>((owners, present))
        };
        let (mut owners, present) = match setup.await {
            Ok(ready) => ready,
            Err(failure) => {
                yield Err(Stop::Failed(failure));
                return;
            }
        };
        if !present {
            yield Err(Stop::Gone);
            // Wait for Avahi to come.
            while let Some(change) = owners.next().await {
                if change.args().is_ok_and(|args| args.new_owner().is_some()) {
                    return;
                }
            }
            yield Err(Stop::Closed);
            return;
        }
        let start = async {
            let rule = MatchRule::builder()
                .msg_type(zbus::message::Type::Signal)
                .interface(BROWSER_INTERFACE)?
                .build();
            let signals = MessageStream::for_match_rule(rule, &connection, Some(256)).await?;
            let server = Server2Proxy::new(&connection).await?;
            let mut browsers = Vec::new();
            for service_type in SERVICE_TYPES {
                let path = server
                    .service_browser_prepare(UNSPEC, UNSPEC, service_type, "", 0)
                    .await?;
                let browser = ServiceBrowserProxy::builder(&connection)
                    .path(path)?
                    .build()
                    .await?;
                browser.start().await?;
                browsers.push(browser);
            }
            Ok::<_, DbusFailure>((signals, server, browsers))
        };
        let (mut signals, server, browsers) = match start.await {
            Ok(ready) => ready,
            Err(failure) => {
                yield Err(Stop::Failed(failure));
                return;
            }
        };
        let paths: Vec<String> = browsers.iter().map(|b| b.inner().path().to_string()).collect();
        let mut records: HashMap<Key, ServiceRecord> = HashMap::new();
        let mut pending = FuturesUnordered::new();
        let mut last: Option<Vec<Discovered>> = None;
        yield Ok(Vec::new());
        loop {
            let mut changed = false;
            tokio::select! {
                change = owners.next() => {
                    match change {
                        None => { yield Err(Stop::Closed); break; }
                        Some(change) => {
                            if change.args().is_ok_and(|args| args.new_owner().is_none()) {
                                yield Err(Stop::Gone);
                                break;
                            }
                        }
                    }
                }
                message = signals.next() => {
                    let Some(Ok(message)) = message else {
                        yield Err(Stop::Closed);
                        break;
                    };
                    let header = message.header();
                    if !header.path().is_some_and(|p| paths.iter().any(|q| q == p.as_str())) {
                        continue;
                    }
                    let member = header.member().map(|m| m.to_string()).unwrap_or_default();
                    match member.as_str() {
                        "ItemNew" | "ItemRemove" => {
                            let Ok((interface, protocol, name, service_type, domain, _flags)) =
                                message.body().deserialize::<(i32, i32, String, String, String, u32)>()
                            else {
                                continue;
                            };
                            let key = (interface, protocol, name, service_type, domain);
                            if member == "ItemNew" {
                                pending.push(resolve(server.clone(), key));
                            } else {
                                changed = records.remove(&key).is_some();
                            }
                        }
                        "Failure" => {
                            let error: String = message.body().deserialize().unwrap_or_default();
                            yield Err(Stop::Failed(DbusFailure::new(
                                crate::error::FailureKind::Other,
                                error,
                            )));
                            break;
                        }
                        _ => {}
                    }
                }
                Some((key, record)) = pending.next(), if !pending.is_empty() => {
                    match record {
                        Ok(record) => {
                            // An IPv4 answer on a protocol-unspecified lookup is kept as is;
                            // keys stay per interface and protocol, merging happens later.
                            let _ = PROTO_INET;
                            records.insert(key, record);
                            changed = true;
                        }
                        Err(failure) => {
                            tracing::debug!(%failure, name = %key.2, "could not resolve a printer");
                        }
                    }
                }
            }
            if changed {
                let list: Vec<ServiceRecord> = records.values().cloned().collect();
                let merged = merge(&list, &[]);
                if last.as_ref() != Some(&merged) {
                    last = Some(merged.clone());
                    yield Ok(merged);
                }
            }
        }
        for browser in browsers {
            let _ = browser.free().await;
        }
    }
}

/// Follows the printers on the network: `Found` with the whole list on each change,
/// `Unavailable` while Avahi is not running (and `Found` again when it returns), `Failed`
/// when browsing failed (tried again after a pause). Each entry is one printer; compare
/// with a snapshot through [`mark_queues`].
pub fn discover(bus: SystemBus) -> impl Stream<Item = DiscoveryUpdate> + Send {
    async_stream::stream! {
        let mut said_unavailable = false;
        loop {
            let connection = match bus.connection().await {
                Ok(connection) => connection,
                Err(failure) => {
                    yield DiscoveryUpdate::Failed(PrintersError::Bus(failure));
                    tokio::time::sleep(RETRY).await;
                    continue;
                }
            };
            let mut updates = Box::pin(browse(connection.clone()));
            let mut pause = false;
            while let Some(update) = updates.next().await {
                match update {
                    Ok(list) => {
                        said_unavailable = false;
                        yield DiscoveryUpdate::Found(list);
                    }
                    Err(Stop::Gone) => {
                        if !said_unavailable {
                            said_unavailable = true;
                            yield DiscoveryUpdate::Unavailable;
                        }
                    }
                    Err(Stop::Failed(failure)) => {
                        said_unavailable = false;
                        yield DiscoveryUpdate::Failed(PrintersError::Bus(failure));
                        pause = true;
                    }
                    Err(Stop::Closed) => {
                        bus.forget(&connection).await;
                        pause = true;
                    }
                }
            }
            if pause {
                tokio::time::sleep(RETRY).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::printers::QueueName;

    fn record(
        interface: i32,
        service_type: &str,
        address: &str,
        txt: &[(&str, &str)],
    ) -> ServiceRecord {
        ServiceRecord {
            interface,
            protocol: if address.contains(':') { 1 } else { 0 },
            name: "Office Printer".into(),
            service_type: service_type.into(),
            domain: "local".into(),
            host: "office.local".into(),
            address: address.parse().ok(),
            port: 631,
            txt: txt
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            local: false,
        }
    }

    const EVERYWHERE: &[(&str, &str)] = &[
        ("rp", "ipp/print"),
        ("pdl", "application/pdf,image/pwg-raster"),
        ("uuid", "1b2c-3d"),
        ("ty", "Acme 100"),
        ("note", "2nd floor"),
    ];

    #[test]
    fn one_printer_seen_many_ways_is_one_entry() {
        let records = vec![
            record(2, "_ipp._tcp", "fe80::1", EVERYWHERE),
            record(2, "_ipp._tcp", "192.168.1.9", EVERYWHERE),
            record(3, "_ipp._tcp", "192.168.1.9", EVERYWHERE),
            record(2, "_ipps._tcp", "192.168.1.9", EVERYWHERE),
            record(2, "_ipps._tcp", "2001:db8::9", EVERYWHERE),
        ];
        let found = merge(&records, &[]);
        assert_eq!(found.len(), 1);
        let printer = &found[0];
        assert_eq!(printer.name, "Office Printer");
        assert_eq!(printer.host, "office.local");
        assert_eq!(printer.uri.to_string(), "ipp://192.168.1.9:631/ipp/print");
        assert_eq!(
            printer.addresses,
            vec![
                "192.168.1.9".parse::<IpAddr>().unwrap(),
                "2001:db8::9".parse().unwrap(),
                "fe80::1".parse().unwrap()
            ]
        );
        assert!(printer.offers_tls);
        assert_eq!(printer.driver, DriverSupport::IppEverywhere);
        assert_eq!(printer.make_and_model.as_deref(), Some("Acme 100"));
        assert_eq!(printer.location.as_deref(), Some("2nd floor"));
        assert_eq!(printer.queue, None);
    }

    #[test]
    fn different_printers_stay_apart_and_are_classified() {
        let mut airprint = record(
            2,
            "_ipp._tcp",
            "10.0.0.2",
            &[("pdl", "application/pdf"), ("urf", "W8")],
        );
        airprint.name = "Phone Printer".into();
        let mut classic = record(
            2,
            "_ipp._tcp",
            "10.0.0.3",
            &[("pdl", "application/postscript")],
        );
        classic.name = "Old Laser".into();
        let mut own = record(1, "_ipp._tcp", "127.0.0.1", &[("printer-type", "0x801046")]);
        own.name = "Shared queue".into();
        own.local = true;
        let found = merge(&[airprint, classic, own], &[]);
        let names: Vec<_> = found.iter().map(|d| (d.name.as_str(), d.driver)).collect();
        assert_eq!(
            names,
            vec![
                ("Old Laser", DriverSupport::NeedsDriver),
                ("Phone Printer", DriverSupport::AirPrint)
            ]
        );
        assert!(!DriverSupport::NeedsDriver.is_driverless());
    }

    #[test]
    fn a_printer_with_a_queue_names_it() {
        let records = vec![record(2, "_ipp._tcp", "192.168.1.9", EVERYWHERE)];
        let mut queue = Printer {
            name: QueueName::parse("Office").unwrap(),
            info: String::new(),
            location: String::new(),
            make_and_model: String::new(),
            device_uri: "ipp://192.168.1.9/ipp/print".into(),
            queue_uri: String::new(),
            state: super::super::types::PrinterState::Idle,
            reasons: Vec::new(),
            state_message: String::new(),
            accepting_jobs: true,
            shared: false,
            markers: Vec::new(),
            options: Default::default(),
            printer_type: 0,
        };
        let found = merge(&records, std::slice::from_ref(&queue));
        assert_eq!(found[0].queue, QueueName::parse("Office").ok());
        let mut again = merge(&records, &[]);
        mark_queues(&mut again, std::slice::from_ref(&queue));
        assert_eq!(again[0].queue, QueueName::parse("Office").ok());
        queue.device_uri = "ipp://office.local:8631/ipp/print".into();
        mark_queues(&mut again, std::slice::from_ref(&queue));
        assert_eq!(again[0].queue, None);

        // A printer on this machine, its queue made with `localhost`.
        let local = vec![record(2, "_ipp._tcp", "127.0.0.1", EVERYWHERE)];
        let mut found = merge(&local, &[]);
        queue.device_uri = "ipp://localhost/ipp/print".into();
        mark_queues(&mut found, &[queue]);
        assert_eq!(found[0].queue, QueueName::parse("Office").ok());
    }

    #[test]
    fn txt_records_parse() {
        let txt = parse_txt(&[
            b"rp=ipp/print".to_vec(),
            b"URF=W8".to_vec(),
            b"air".to_vec(),
        ]);
        assert_eq!(txt.get("rp").map(String::as_str), Some("ipp/print"));
        assert_eq!(txt.get("urf").map(String::as_str), Some("W8"));
        assert_eq!(txt.get("air").map(String::as_str), Some(""));
    }
}
