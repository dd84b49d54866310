//! Time zones from the system's tz database: the list people search (`zone1970.tab`, one
//! line per zone with its countries), the countries' names (`iso3166.tab`), and a zone's UTC
//! offset and local time now (the compiled zone files, through jiff). Shared by the
//! first-boot setup (greeter) and the Date & Time page; reading the files is blocking work
//! for a worker thread, never the UI's.

use std::collections::BTreeMap;
use std::path::Path;

use crate::timedate::is_zone_name;

/// Where tzdata lists its zones, one per line.
pub const ZONE_TABLE: &str = "/usr/share/zoneinfo/zone1970.tab";
/// Where tzdata names the countries (ISO 3166 code, English name).
pub const COUNTRY_TABLE: &str = "/usr/share/zoneinfo/iso3166.tab";

/// One time zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone {
    /// The tz name (`Europe/Berlin`), what timedated gets.
    pub name: String,
    /// The countries it covers (ISO 3166 codes), the most populous first.
    pub countries: Vec<String>,
}

impl Zone {
    /// The city (`Sao Paulo` for `America/Sao_Paulo`).
    pub fn city(&self) -> String {
        self.name
            .rsplit('/')
            .next()
            .unwrap_or(&self.name)
            .replace('_', " ")
    }

    /// The region (`America`, or nothing for `UTC`).
    pub fn region(&self) -> String {
        match self.name.rsplit_once('/') {
            Some((region, _)) => region.replace('_', " "),
            None => String::new(),
        }
    }

    /// What a list row shows: "Sao Paulo (America)".
    pub fn label(&self) -> String {
        let region = self.region();
        if region.is_empty() {
            self.city()
        } else {
            format!("{} ({region})", self.city())
        }
    }
}

/// Reads `zone1970.tab` lines (`CC[,CC]<tab>coordinates<tab>TZ[<tab>comment]`), sorted
/// by name, with `UTC` first.
pub fn parse(text: &str) -> Vec<Zone> {
    let mut zones: Vec<Zone> = text
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let countries = fields.next()?;
            let _coordinates = fields.next()?;
            let name = fields.next()?.trim();
            is_zone_name(name).then(|| Zone {
                name: name.to_owned(),
                countries: countries.split(',').map(str::to_owned).collect(),
            })
        })
        .collect();
    zones.sort_by(|a, b| a.name.cmp(&b.name));
    zones.dedup_by(|a, b| a.name == b.name);
    zones.insert(
        0,
        Zone {
            name: "UTC".into(),
            countries: Vec::new(),
        },
    );
    zones
}

/// The zones of the system's table (only `UTC` without tzdata).
pub fn load(path: &Path) -> Vec<Zone> {
    parse(&std::fs::read_to_string(path).unwrap_or_default())
}

/// Reads `iso3166.tab` lines (`CC<tab>Name`).
pub fn parse_countries(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (code, name) = line.split_once('\t')?;
            Some((code.trim().to_owned(), name.trim().to_owned()))
        })
        .collect()
}

/// The zones people choose from, with their countries' names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ZoneTable {
    /// Every zone, `UTC` first, then by name.
    pub zones: Vec<Zone>,
    /// Country names by ISO 3166 code.
    pub countries: BTreeMap<String, String>,
}

impl ZoneTable {
    /// The system's tables (blocking: call it off the UI thread).
    pub fn load_system() -> Self {
        Self::load(Path::new(ZONE_TABLE), Path::new(COUNTRY_TABLE))
    }

    /// The tables at these paths (missing files: `UTC` alone, no country names).
    pub fn load(zones: &Path, countries: &Path) -> Self {
        Self {
            zones: load(zones),
            countries: parse_countries(&std::fs::read_to_string(countries).unwrap_or_default()),
        }
    }

    /// The countries a zone covers, by name (the code where the table has no name).
    pub fn country_names(&self, zone: &Zone) -> Vec<String> {
        zone.countries
            .iter()
            .map(|code| {
                self.countries
                    .get(code)
                    .cloned()
                    .unwrap_or_else(|| code.clone())
            })
            .collect()
    }

    /// The zone called `name`.
    pub fn find(&self, name: &str) -> Option<&Zone> {
        self.zones.iter().find(|zone| zone.name == name)
    }

    /// The zones matching `query` — every word, case-insensitively, in the zone's name
    /// (spaces for underscores) or a country's name or code — at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Zone> {
        let words = words(query);
        self.zones
            .iter()
            .filter(|zone| {
                let mut haystack = zone.name.replace(['_', '/'], " ").to_lowercase();
                for name in self.country_names(zone) {
                    haystack.push(' ');
                    haystack.push_str(&name.to_lowercase());
                }
                for code in &zone.countries {
                    haystack.push(' ');
                    haystack.push_str(&code.to_lowercase());
                }
                words.iter().all(|word| haystack.contains(word.as_str()))
            })
            .take(limit)
            .collect()
    }
}

fn words(query: &str) -> Vec<String> {
    query.split_whitespace().map(str::to_lowercase).collect()
}

/// The zones matching `query` (every word, case-insensitively, in the name with
/// spaces for underscores), at most `limit`; all of them for an empty query.
pub fn search<'a>(zones: &'a [Zone], query: &str, limit: usize) -> Vec<&'a Zone> {
    let words = words(query);
    zones
        .iter()
        .filter(|zone| {
            let haystack = zone.name.replace('_', " ").to_lowercase();
            words.iter().all(|word| haystack.contains(word.as_str()))
        })
        .take(limit)
        .collect()
}

/// A zone's offset from UTC and wall clock at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    /// Seconds east of UTC (`3600` for UTC+01:00).
    pub offset_seconds: i32,
    /// The year.
    pub year: i16,
    /// The month, 1–12.
    pub month: i8,
    /// The day of the month.
    pub day: i8,
    /// The hour, 0–23.
    pub hour: i8,
    /// The minute.
    pub minute: i8,
    /// The second.
    pub second: i8,
}

/// The wall clock in `zone` at `since_epoch` (seconds, UTC), from the system's compiled zone
/// files (blocking: it reads one); `None` for a zone this machine does not know.
pub fn local_time(zone: &str, since_epoch: i64) -> Option<LocalTime> {
    let tz = jiff::tz::TimeZone::get(zone).ok()?;
    let at = jiff::Timestamp::from_second(since_epoch).ok()?;
    let zoned = at.to_zoned(tz);
    Some(LocalTime {
        offset_seconds: zoned.offset().seconds(),
        year: zoned.year(),
        month: zoned.month(),
        day: zoned.day(),
        hour: zoned.hour(),
        minute: zoned.minute(),
        second: zoned.second(),
    })
}

/// Seconds since the epoch (UTC) of a wall-clock time in `zone`, when it exists there (a
/// time skipped by a daylight-saving change is not; a repeated one is its first instance).
pub fn to_epoch(zone: &str, date: (i16, i8, i8), time: (i8, i8, i8)) -> Option<i64> {
    let tz = jiff::tz::TimeZone::get(zone).ok()?;
    let civil =
        jiff::civil::DateTime::new(date.0, date.1, date.2, time.0, time.1, time.2, 0).ok()?;
    let ambiguous = tz.to_ambiguous_zoned(civil);
    if matches!(ambiguous.offset(), jiff::tz::AmbiguousOffset::Gap { .. }) {
        return None;
    }
    let zoned = ambiguous.compatible().ok()?;
    Some(zoned.timestamp().as_second())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# tzdb\n#codes\tcoordinates\tTZ\tcomments\nDE,DK,NO,SE,SJ\t+5230+01322\tEurope/Berlin\tmost of Germany\nUS\t+404251-0740023\tAmerica/New_York\tEastern (most areas)\nUS\t+415100-0873900\tAmerica/Chicago\tCentral (most areas)\nBR\t-0351-03225\tAmerica/Noronha\tAtlantic islands\nBR\t-2332-04637\tAmerica/Sao_Paulo\tBrazil (southeast)\nAR\t-3436-05827\tAmerica/Argentina/Buenos_Aires\tBuenos Aires\n";
    const COUNTRIES: &str =
        "# iso3166\nAR\tArgentina\nBR\tBrazil\nDE\tGermany\nDK\tDenmark\nUS\tUnited States\n";

    fn table() -> ZoneTable {
        ZoneTable {
            zones: parse(SAMPLE),
            countries: parse_countries(COUNTRIES),
        }
    }

    #[test]
    fn the_table_is_read_sorted_with_utc_first() {
        let zones = parse(SAMPLE);
        let names: Vec<&str> = zones.iter().map(|z| z.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "UTC",
                "America/Argentina/Buenos_Aires",
                "America/Chicago",
                "America/New_York",
                "America/Noronha",
                "America/Sao_Paulo",
                "Europe/Berlin"
            ]
        );
        assert_eq!(zones[1].label(), "Buenos Aires (America/Argentina)");
        assert_eq!(zones[0].label(), "UTC");
    }

    #[test]
    fn search_finds_cities_regions_and_countries() {
        let table = table();
        let names = |query| {
            table
                .search(query, 10)
                .iter()
                .map(|z| z.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names("berlin"), ["Europe/Berlin"]);
        assert_eq!(names("SAO paulo"), ["America/Sao_Paulo"]);
        assert_eq!(names("germany"), ["Europe/Berlin"]);
        assert_eq!(names("denmark"), ["Europe/Berlin"]);
        assert_eq!(names("brazil"), ["America/Noronha", "America/Sao_Paulo"]);
        assert_eq!(names("europe"), ["Europe/Berlin"]);
        assert_eq!(names("united chicago"), ["America/Chicago"]);
        assert!(names("atlantis").is_empty());
        assert_eq!(table.search("", 3).len(), 3);
        assert_eq!(
            search(&table.zones, "america chi", 10)[0].name,
            "America/Chicago"
        );
    }

    #[test]
    fn offsets_and_local_times_come_from_the_zone_files() {
        // 2026-07-01 12:00:00 UTC: summer in Berlin (UTC+2), winter in Sao Paulo (UTC-3).
        let noon = 1_782_907_200;
        let berlin = local_time("Europe/Berlin", noon).expect("tzdata has Berlin");
        assert_eq!(berlin.offset_seconds, 7200);
        assert_eq!((berlin.hour, berlin.minute), (14, 0));
        let sao_paulo = local_time("America/Sao_Paulo", noon).expect("tzdata has Sao Paulo");
        assert_eq!(sao_paulo.offset_seconds, -3 * 3600);
        assert_eq!(local_time("UTC", noon).map(|t| t.hour), Some(12));
        assert_eq!(local_time("Mars/Olympus", noon), None);
        assert_eq!(
            to_epoch("Europe/Berlin", (2026, 7, 1), (14, 0, 0)),
            Some(noon)
        );
        // 02:30 on the last Sunday of March does not exist in Berlin.
        assert_eq!(to_epoch("Europe/Berlin", (2026, 3, 29), (2, 30, 0)), None);
        assert_eq!(to_epoch("Europe/Berlin", (2026, 2, 30), (12, 0, 0)), None);
    }

    #[test]
    fn the_system_tables_are_there() {
        let table = ZoneTable::load_system();
        assert!(
            table.zones.len() > 100,
            "{ZONE_TABLE} is missing: install tzdata (cargo xtask deps)"
        );
        assert_eq!(table.countries.get("JP").map(String::as_str), Some("Japan"));
        assert!(
            table
                .search("tokyo", 5)
                .iter()
                .any(|z| z.name == "Asia/Tokyo")
        );
    }
}
