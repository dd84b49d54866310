//! Time zones from the system's tz database (`zone1970.tab`, read by
//! `ferrum_services::time_zones`): the list the setup searches, and the guess from the chosen
//! language.

// The zone list itself is shared with the Date & Time page.
pub use ferrum_services::time_zones::{ZONE_TABLE, Zone, load, parse, search};

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const SAMPLE: &str = "# tzdb\n#codes\tcoordinates\tTZ\tcomments\nDE,DK,NO,SE,SJ\t+5230+01322\tEurope/Berlin\tmost of Germany\nUS\t+404251-0740023\tAmerica/New_York\tEastern (most areas)\nUS\t+415100-0873900\tAmerica/Chicago\tCentral (most areas)\nBR\t-0351-03225\tAmerica/Noronha\tAtlantic islands\nBR\t-2332-04637\tAmerica/Sao_Paulo\tBrazil (southeast)\nAR\t-3436-05827\tAmerica/Argentina/Buenos_Aires\tBuenos Aires\n";

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
