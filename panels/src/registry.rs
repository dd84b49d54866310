//! Every panel the settings app has: its id, deep-link name, title and search keywords.

use ferrum_i18n::fl;

/// A settings panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PanelId {
    /// Wired, Wi-Fi and VPN connections.
    Network,
    /// Power modes, battery and power source.
    Power,
    /// Encrypted DNS, DNSSEC and the resolver's status.
    PrivateDns,
    /// Seeing, hearing and typing aids.
    Accessibility,
    /// The system at a glance.
    About,
}

impl PanelId {
    /// Every panel, in sidebar order.
    pub const ALL: [PanelId; 5] = [
        PanelId::Network,
        PanelId::Power,
        PanelId::PrivateDns,
        PanelId::Accessibility,
        PanelId::About,
    ];

    /// The panel shown when none is asked for.
    pub const DEFAULT: PanelId = PanelId::Power;

    /// The stable name used in deep links (`ferrum-settings power`).
    pub fn slug(self) -> &'static str {
        match self {
            PanelId::Network => "network",
            PanelId::Power => "power",
            PanelId::PrivateDns => "private-dns",
            PanelId::Accessibility => "accessibility",
            PanelId::About => "about",
        }
    }

    /// Finds a panel by its deep-link name (case-insensitive).
    pub fn from_slug(slug: &str) -> Option<PanelId> {
        Self::ALL
            .into_iter()
            .find(|panel| panel.slug().eq_ignore_ascii_case(slug.trim()))
    }

    /// The translated title.
    pub fn title(self) -> String {
        match self {
            PanelId::Network => fl!("network-title"),
            PanelId::Power => fl!("power-title"),
            PanelId::PrivateDns => fl!("dns-title"),
            PanelId::Accessibility => fl!("a11y-title"),
            PanelId::About => fl!("about-title"),
        }
    }

    /// Translated search keywords, separated by `;`.
    pub fn keywords(self) -> String {
        match self {
            PanelId::Network => fl!("network-title.keywords"),
            PanelId::Power => fl!("power-title.keywords"),
            PanelId::PrivateDns => fl!("dns-title.keywords"),
            PanelId::Accessibility => fl!("a11y-title.keywords"),
            PanelId::About => fl!("about-title.keywords"),
        }
    }

    /// Whether the panel matches a search query: every word of the query must
    /// start a word of the title or a keyword (case-insensitive).
    pub fn matches(self, query: &str) -> bool {
        let haystack: Vec<String> = std::iter::once(self.title())
            .chain(self.keywords().split(';').map(str::to_owned))
            .chain(std::iter::once(self.slug().to_owned()))
            .flat_map(|phrase| {
                phrase
                    .split_whitespace()
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .collect();
        query.split_whitespace().map(str::to_lowercase).all(|word| {
            haystack
                .iter()
                .any(|candidate| candidate.starts_with(&word))
        })
    }

    /// The panels matching a query, in sidebar order; all of them for an empty query.
    pub fn search(query: &str) -> Vec<PanelId> {
        Self::ALL
            .into_iter()
            .filter(|panel| panel.matches(query))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip() {
        for panel in PanelId::ALL {
            assert_eq!(PanelId::from_slug(panel.slug()), Some(panel));
        }
        assert_eq!(PanelId::from_slug(" POWER "), Some(PanelId::Power));
        assert_eq!(PanelId::from_slug("nope"), None);
    }

    #[test]
    fn search_uses_titles_and_keywords() {
        assert_eq!(PanelId::search(""), PanelId::ALL.to_vec());
        assert_eq!(PanelId::search("batt"), vec![PanelId::Power]);
        assert_eq!(PanelId::search("Kernel"), vec![PanelId::About]);
        assert_eq!(PanelId::search("dnssec"), vec![PanelId::PrivateDns]);
        assert_eq!(PanelId::search("wifi"), vec![PanelId::Network]);
        assert_eq!(PanelId::search("power saver"), vec![PanelId::Power]);
        assert!(PanelId::search("zzz").is_empty());
    }
}
