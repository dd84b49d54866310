//! Time zones from the system's tz database (`zone1970.tab`): the list the setup
//! searches, and the guess from the chosen language.

use std::path::Path;

/// Where tzdata lists its zones, one per line.
pub const ZONE_TABLE: &str = "/usr/share/zoneinfo/zone1970.tab";

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

    /// The region (`America`, or the whole name for `UTC`).
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
            ferrum_services::timedate::is_zone_name(name).then(|| Zone {
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

/// The zone where most speakers of a shipped locale live, when nothing better is known.
const BY_LOCALE: &[(&str, &str)] = &[
    ("en-US", "America/New_York"),
    ("de", "Europe/Berlin"),
    ("fr", "Europe/Paris"),
    ("es", "Europe/Madrid"),
    ("pt-BR", "America/Sao_Paulo"),
    ("ja", "Asia/Tokyo"),
    ("ar", "Africa/Cairo"),
    ("uk", "Europe/Kyiv"),
];

/// The guess for `locale` (a shipped Fluent locale; its POSIX region is the fallback:
/// the first zone of that country), `UTC` when the table has neither.
pub fn guess(zones: &[Zone], locale: &str) -> String {
    let known = |name: &str| zones.iter().any(|zone| zone.name == name);
    if let Some((_, zone)) = BY_LOCALE.iter().find(|(l, _)| *l == locale)
        && known(zone)
    {
        return (*zone).to_owned();
    }
    let posix = crate::languages::posix(locale);
    let region = posix
        .split(['_', '.'])
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    zones
        .iter()
        .find(|zone| zone.countries.first() == Some(&region))
        .map_or_else(|| "UTC".to_owned(), |zone| zone.name.clone())
}

/// The zones matching `query` (every word, case-insensitively, in the name with
/// spaces for underscores), at most `limit`; all of them for an empty query.
pub fn search<'a>(zones: &'a [Zone], query: &str, limit: usize) -> Vec<&'a Zone> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    zones
        .iter()
        .filter(|zone| {
            let haystack = zone.name.replace('_', " ").to_lowercase();
            words.iter().all(|word| haystack.contains(word.as_str()))
        })
        .take(limit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# tzdb\n#codes\tcoordinates\tTZ\tcomments\nDE,DK,NO,SE,SJ\t+5230+01322\tEurope/Berlin\tmost of Germany\nUS\t+404251-0740023\tAmerica/New_York\tEastern (most areas)\nUS\t+415100-0873900\tAmerica/Chicago\tCentral (most areas)\nBR\t-0351-03225\tAmerica/Noronha\tAtlantic islands\nBR\t-2332-04637\tAmerica/Sao_Paulo\tBrazil (southeast)\nAR\t-3436-05827\tAmerica/Argentina/Buenos_Aires\tBuenos Aires\n";

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
        let buenos_aires = &zones[1];
        assert_eq!(buenos_aires.label(), "Buenos Aires (America/Argentina)");
        assert_eq!(zones[0].label(), "UTC");
    }

    #[test]
    fn the_guess_follows_the_language() {
        let zones = parse(SAMPLE);
        assert_eq!(guess(&zones, "de"), "Europe/Berlin");
        assert_eq!(guess(&zones, "en-US"), "America/New_York");
        assert_eq!(guess(&zones, "pt-BR"), "America/Sao_Paulo");
        // Not in this table: nothing known for Japan here.
        assert_eq!(guess(&zones, "ja"), "UTC");
    }

    #[test]
    fn search_matches_every_word_in_city_or_region() {
        let zones = parse(SAMPLE);
        let names = |query| {
            search(&zones, query, 10)
                .iter()
                .map(|z| z.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names("berlin"), ["Europe/Berlin"]);
        assert_eq!(names("SAO paulo"), ["America/Sao_Paulo"]);
        assert_eq!(names("buenos aires"), ["America/Argentina/Buenos_Aires"]);
        assert_eq!(names("america chi"), ["America/Chicago"]);
        assert!(names("atlantis").is_empty());
        assert_eq!(search(&zones, "", 3).len(), 3);
    }

    #[test]
    fn the_system_table_has_the_guesses() {
        let zones = load(Path::new(ZONE_TABLE));
        assert!(
            zones.len() > 100,
            "{ZONE_TABLE} is missing: install tzdata (cargo xtask deps)"
        );
        for (locale, zone) in BY_LOCALE {
            assert_eq!(&guess(&zones, locale), zone, "{locale}");
        }
    }
}
