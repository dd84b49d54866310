//! Ink and toner levels a queue does not have: read from the device itself.
//!
//! CUPS fills a queue's `marker-*` attributes only from what its backend learns (SNMP, or the
//! `ipp` backend while a job runs), and IPP Everywhere printers report the newer
//! `printer-supply` (PWG 5100.13: RFC 3805's `prtMarkerSupplies` rows as `key=value;` text)
//! instead. For a queue without markers whose device is `ipp://`, the snapshot asks the device
//! (Get-Printer-Attributes, [`DEVICE_TIMEOUT`], all devices at once); a device that does not
//! answer gives no markers. Answers are kept per device URI in a [`SupplyCache`] and asked
//! again after [`SUPPLY_REFRESH`] or when a job on one of its queues has finished since.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

use super::types::{Job, JobId, Marker, MarkerLevel, Printer};

/// How long one device may take to tell its supplies.
pub(crate) const DEVICE_TIMEOUT: Duration = Duration::from_secs(3);

/// A device's supplies are asked again at most this often (and after a job finished).
pub(crate) const SUPPLY_REFRESH: Duration = Duration::from_secs(60);

/// One `printer-supply` value: `index=1;class=receptacleThatIsFilled;type=wasteToner;
/// unit=percent;maxcapacity=100;level=25;colorantname=unknown;`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Supply {
    /// `class`: `supplyThatIsConsumed`, `receptacleThatIsFilled`, `other`, …
    pub(crate) class: String,
    /// `type` (RFC 3805 `PrtMarkerSuppliesTypeTC`: `toner`, `wasteToner`, `inkCartridge`, …).
    pub(crate) kind: String,
    /// `unit`: `percent`, `tenthsOfGrams`, `other`, …
    pub(crate) unit: String,
    /// `maxcapacity`: -1 unlimited, -2 unknown.
    pub(crate) max_capacity: Option<i64>,
    /// `level`: -1 other, -2 unknown, -3 some remaining.
    pub(crate) level: Option<i64>,
    /// `colorantname` (`black`, `cyan`, `unknown`, …).
    pub(crate) colorant: String,
}

/// Parses one `printer-supply` value; `None` when it has none of the keys.
pub(crate) fn parse_supply(text: &str) -> Option<Supply> {
    let mut supply = Supply::default();
    let mut any = false;
    for pair in text.split(';') {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        let value = value.trim();
        let number = || value.parse::<i64>().ok();
        match key.trim().to_ascii_lowercase().as_str() {
            "class" => supply.class = value.to_owned(),
            "type" => supply.kind = value.to_owned(),
            "unit" => supply.unit = value.to_owned(),
            "maxcapacity" => supply.max_capacity = number(),
            "level" => supply.level = number(),
            "colorantname" => supply.colorant = value.to_owned(),
            _ => continue,
        }
        any = true;
    }
    any.then_some(supply)
}

impl Supply {
    /// A waste container: its level is how full it is.
    fn is_receptacle(&self) -> bool {
        self.class.eq_ignore_ascii_case("receptacleThatIsFilled")
    }

    /// The level as CUPS's `marker-levels` would say it: percent of the supply left, and for
    /// a waste container the room left (100 − how full), as CUPS's SNMP backend does.
    pub(crate) fn marker_level(&self) -> MarkerLevel {
        let Some(level) = self.level else {
            return MarkerLevel::Unknown;
        };
        if level == -3 {
            return MarkerLevel::SomeRemaining;
        }
        if level < 0 {
            return MarkerLevel::Unknown;
        }
        let percent = match self.max_capacity {
            Some(max) if max > 0 => level.saturating_mul(100) / max,
            _ if self.unit.eq_ignore_ascii_case("percent") => level,
            _ => return MarkerLevel::Unknown,
        };
        let percent = u8::try_from(percent.clamp(0, 100)).unwrap_or(100);
        MarkerLevel::Percent(if self.is_receptacle() {
            100 - percent
        } else {
            percent
        })
    }

    /// The type as a `marker-types` keyword: `wasteToner` → `waste-toner`.
    pub(crate) fn marker_type(&self) -> String {
        let mut out = String::new();
        for c in self.kind.chars() {
            if c.is_ascii_uppercase() && !out.is_empty() {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }

    /// The colorant as RGB (none when unknown or not a colour).
    pub(crate) fn colors(&self) -> Vec<[u8; 3]> {
        let name: String = self
            .colorant
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let rgb = match name.as_str() {
            "black" | "photoblack" | "mattblack" | "matteblack" | "pigmentblack" => [0, 0, 0],
            "cyan" => [0x00, 0xFF, 0xFF],
            "lightcyan" | "photocyan" => [0x80, 0xFF, 0xFF],
            "magenta" => [0xFF, 0x00, 0xFF],
            "lightmagenta" | "photomagenta" | "vividlightmagenta" => [0xFF, 0x80, 0xFF],
            "vividmagenta" => [0xFF, 0x00, 0xFF],
            "yellow" => [0xFF, 0xFF, 0x00],
            "gray" | "grey" => [0x80, 0x80, 0x80],
            "lightgray" | "lightgrey" => [0xC0, 0xC0, 0xC0],
            "lightlightgray" | "lightlightgrey" => [0xE0, 0xE0, 0xE0],
            "darkgray" | "darkgrey" => [0x40, 0x40, 0x40],
            "red" => [0xFF, 0x00, 0x00],
            "green" => [0x00, 0xFF, 0x00],
            "blue" => [0x00, 0x00, 0xFF],
            "orange" => [0xFF, 0xA5, 0x00],
            "violet" => [0x8F, 0x00, 0xFF],
            "white" => [0xFF, 0xFF, 0xFF],
            _ => return Vec::new(),
        };
        vec![rgb]
    }

    /// A name when the printer gives no description: the type in words (`Waste toner`).
    fn fallback_name(&self) -> String {
        let words = self.marker_type().replace('-', " ");
        let mut chars = words.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => "Supply".to_owned(),
        }
    }
}

/// The markers of `printer-supply` values, named by the parallel `printer-supply-description`.
pub(crate) fn markers_from_supplies(supplies: &[String], descriptions: &[String]) -> Vec<Marker> {
    supplies
        .iter()
        .enumerate()
        .filter_map(|(i, text)| {
            let supply = parse_supply(text)?;
            let name = descriptions
                .get(i)
                .map(|name| name.trim())
                .filter(|name| !name.is_empty())
                .map_or_else(|| supply.fallback_name(), str::to_owned);
            Some(Marker {
                name,
                kind: supply.marker_type(),
                colors: supply.colors(),
                level: supply.marker_level(),
                low: None,
                high: None,
            })
        })
        .collect()
}

/// Whether the snapshot asks a queue's device for its supplies (plain `ipp://` only: the
/// client has no TLS).
pub(crate) fn asks_device(printer: &Printer) -> bool {
    printer.markers.is_empty()
        && printer
            .device_uri
            .get(..6)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("ipp://"))
}

struct Entry {
    at: Instant,
    /// The newest finished job on the device's queues when it was asked.
    finished: Option<JobId>,
    markers: Vec<Marker>,
}

/// Devices' supplies, per device URI, between two snapshots.
#[derive(Default)]
pub(crate) struct SupplyCache {
    entries: Mutex<HashMap<String, Entry>>,
}

impl std::fmt::Debug for SupplyCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SupplyCache").finish_non_exhaustive()
    }
}

impl SupplyCache {
    /// Gives each queue without markers whose device is `ipp://` the device's markers: from
    /// the cache when fresh, else asking the devices (all at once, each within
    /// [`DEVICE_TIMEOUT`]; `ask` gives `None` when the device did not answer).
    pub(crate) async fn fill<F, Fut>(&self, printers: &mut [Printer], jobs: &[Job], ask: F)
    where
        F: Fn(String) -> Fut,
        Fut: Future<Output = Option<Vec<Marker>>>,
    {
        let mut finished: HashMap<String, Option<JobId>> = HashMap::new();
        for printer in printers.iter().filter(|p| asks_device(p)) {
            let newest = jobs
                .iter()
                .filter(|job| job.state.is_finished() && job.queue.as_ref() == Some(&printer.name))
                .map(|job| job.id)
                .max();
            let slot = finished.entry(printer.device_uri.clone()).or_default();
            *slot = (*slot).max(newest);
        }
        let now = Instant::now();
        let stale: Vec<(String, Option<JobId>)> = {
            let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
            entries.retain(|uri, _| finished.contains_key(uri));
            finished
                .iter()
                .filter(|(uri, newest)| {
                    entries.get(*uri).is_none_or(|entry| {
                        now.duration_since(entry.at) >= SUPPLY_REFRESH || **newest > entry.finished
                    })
                })
                .map(|(uri, newest)| (uri.clone(), *newest))
                .collect()
        };
        let answers = futures::future::join_all(stale.into_iter().map(|(uri, newest)| {
            let asked = ask(uri.clone());
            async move {
                let markers = tokio::time::timeout(DEVICE_TIMEOUT, asked)
                    .await
                    .ok()
                    .flatten();
                (uri, newest, markers)
            }
        }))
        .await;
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let at = Instant::now();
        for (uri, newest, markers) in answers {
            if markers.is_none() {
                tracing::debug!(uri, "the printer did not tell its supplies");
            }
            entries.insert(
                uri,
                Entry {
                    at,
                    finished: newest,
                    markers: markers.unwrap_or_default(),
                },
            );
        }
        for printer in printers.iter_mut().filter(|p| asks_device(p)) {
            if let Some(entry) = entries.get(&printer.device_uri) {
                printer.markers.clone_from(&entry.markers);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::printers::address::QueueName;
    use crate::printers::types::{JobState, PrinterOptions, PrinterState};

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_supply_value_is_parsed() {
        let supply = parse_supply(
            "index=1;class=receptacleThatIsFilled;type=wasteToner;unit=percent;\
             maxcapacity=100;level=25;colorantname=unknown;",
        )
        .unwrap();
        assert_eq!(supply.kind, "wasteToner");
        assert_eq!(supply.max_capacity, Some(100));
        assert_eq!(supply.level, Some(25));
        assert_eq!(supply.marker_type(), "waste-toner");
        assert!(supply.colors().is_empty());
        assert_eq!(parse_supply("garbage"), None);
        assert_eq!(parse_supply(""), None);
    }

    #[test]
    fn levels_are_percent_left() {
        let level = |text: &str| parse_supply(text).unwrap().marker_level();
        let consumed = "class=supplyThatIsConsumed;type=toner;";
        assert_eq!(
            level(&format!("{consumed}unit=percent;maxcapacity=100;level=75;")),
            MarkerLevel::Percent(75)
        );
        // Other units: level over capacity.
        assert_eq!(
            level(&format!(
                "{consumed}unit=tenthsOfGrams;maxcapacity=4000;level=1000;"
            )),
            MarkerLevel::Percent(25)
        );
        // Capacity unknown: only a percent unit says the level directly.
        assert_eq!(
            level(&format!("{consumed}unit=percent;maxcapacity=-2;level=40;")),
            MarkerLevel::Percent(40)
        );
        assert_eq!(
            level(&format!(
                "{consumed}unit=impressions;maxcapacity=-2;level=40;"
            )),
            MarkerLevel::Unknown
        );
        // Negative levels.
        assert_eq!(
            level(&format!("{consumed}unit=percent;maxcapacity=100;level=-3;")),
            MarkerLevel::SomeRemaining
        );
        assert_eq!(
            level(&format!("{consumed}unit=percent;maxcapacity=100;level=-2;")),
            MarkerLevel::Unknown
        );
        assert_eq!(level(consumed), MarkerLevel::Unknown);
        // More than full is full.
        assert_eq!(
            level(&format!(
                "{consumed}unit=percent;maxcapacity=100;level=130;"
            )),
            MarkerLevel::Percent(100)
        );
        // A waste container 25 % full has 75 % room left (as CUPS says it).
        assert_eq!(
            level(
                "class=receptacleThatIsFilled;type=wasteToner;unit=percent;maxcapacity=100;level=25;"
            ),
            MarkerLevel::Percent(75)
        );
    }

    #[test]
    fn supplies_become_markers() {
        let markers = markers_from_supplies(
            &strings(&[
                "index=1;class=receptacleThatIsFilled;type=wasteToner;unit=percent;\
                 maxcapacity=100;level=25;colorantname=unknown;",
                "index=2;class=supplyThatIsConsumed;type=toner;unit=percent;\
                 maxcapacity=100;level=75;colorantname=black;",
                "index=3;class=supplyThatIsConsumed;type=inkCartridge;unit=percent;\
                 maxcapacity=100;level=-3;colorantname=light-cyan;",
                "nonsense",
            ]),
            &strings(&["Waste Toner Tank", "Black Toner"]),
        );
        assert_eq!(markers.len(), 3);
        assert_eq!(markers[0].name, "Waste Toner Tank");
        assert_eq!(markers[0].kind, "waste-toner");
        assert_eq!(markers[0].level, MarkerLevel::Percent(75));
        assert!(markers[0].colors.is_empty());
        assert_eq!(markers[1].name, "Black Toner");
        assert_eq!(markers[1].kind, "toner");
        assert_eq!(markers[1].colors, vec![[0, 0, 0]]);
        assert_eq!(markers[1].level, MarkerLevel::Percent(75));
        // No description: the type in words.
        assert_eq!(markers[2].name, "Ink cartridge");
        assert_eq!(markers[2].kind, "ink-cartridge");
        assert_eq!(markers[2].colors, vec![[0x80, 0xFF, 0xFF]]);
        assert_eq!(markers[2].level, MarkerLevel::SomeRemaining);
    }

    fn printer(name: &str, device_uri: &str) -> Printer {
        Printer {
            name: QueueName::parse(name).unwrap(),
            info: String::new(),
            location: String::new(),
            make_and_model: String::new(),
            device_uri: device_uri.to_owned(),
            queue_uri: String::new(),
            state: PrinterState::Idle,
            reasons: Vec::new(),
            state_message: String::new(),
            accepting_jobs: true,
            shared: false,
            markers: Vec::new(),
            options: PrinterOptions::default(),
            printer_type: 0,
        }
    }

    fn black(level: u8) -> Vec<Marker> {
        vec![Marker {
            name: "Black".into(),
            kind: "toner".into(),
            colors: vec![[0, 0, 0]],
            level: MarkerLevel::Percent(level),
            low: None,
            high: None,
        }]
    }

    fn finished_job(id: i32, queue: &str) -> Job {
        Job {
            id: JobId(id),
            queue: QueueName::parse(queue).ok(),
            title: String::new(),
            owner: String::new(),
            state: JobState::Completed,
            state_reasons: Vec::new(),
            pages_done: 1,
            created: None,
        }
    }

    #[tokio::test(start_paused = true)]
    async fn devices_are_asked_once_a_minute_and_after_a_job() {
        let cache = SupplyCache::default();
        let asked = AtomicUsize::new(0);
        let ask = |uri: String| {
            let n = asked.fetch_add(1, Ordering::SeqCst);
            async move {
                match uri.as_str() {
                    "ipp://silent/ipp/print" => std::future::pending().await,
                    _ => Some(black(u8::try_from(70 - n).unwrap())),
                }
            }
        };
        let mut printers = vec![
            printer("A", "ipp://a/ipp/print"),
            printer("B", "ipps://b/ipp/print"),
            printer("Silent", "ipp://silent/ipp/print"),
        ];
        let start = Instant::now();
        cache.fill(&mut printers, &[], ask).await;
        // The silent device costs one timeout, the others nothing.
        assert_eq!(start.elapsed(), DEVICE_TIMEOUT);
        assert_eq!(asked.load(Ordering::SeqCst), 2);
        assert!(matches!(
            printers[0].markers[0].level,
            MarkerLevel::Percent(69 | 70)
        ));
        assert!(printers[1].markers.is_empty());
        assert!(printers[2].markers.is_empty());

        // Read again soon: from the cache, even the silent one.
        let fresh = || {
            vec![
                printer("A", "ipp://a/ipp/print"),
                printer("Silent", "ipp://silent/ipp/print"),
            ]
        };
        let mut again = fresh();
        let start = Instant::now();
        cache.fill(&mut again, &[], ask).await;
        assert_eq!(start.elapsed(), Duration::ZERO);
        assert_eq!(asked.load(Ordering::SeqCst), 2);
        assert_eq!(again[0].markers, printers[0].markers);

        // A job on A finished: A is asked again, the silent one is not.
        let mut after_job = fresh();
        cache
            .fill(&mut after_job, &[finished_job(7, "A")], ask)
            .await;
        assert_eq!(asked.load(Ordering::SeqCst), 3);
        assert_ne!(after_job[0].markers, printers[0].markers);

        // A minute on, both are asked again.
        tokio::time::advance(SUPPLY_REFRESH).await;
        let mut later = fresh();
        cache.fill(&mut later, &[finished_job(7, "A")], ask).await;
        assert_eq!(asked.load(Ordering::SeqCst), 5);

        // A queue that has markers from CUPS is left alone.
        let mut from_cups = vec![printer("A", "ipp://a/ipp/print")];
        from_cups[0].markers = black(10);
        cache.fill(&mut from_cups, &[], ask).await;
        assert_eq!(from_cups[0].markers, black(10));
        assert_eq!(asked.load(Ordering::SeqCst), 5);
    }
}
