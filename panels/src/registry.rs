//! Every panel the settings app has: its id, deep-link name, title and search keywords.
//!
//! This is the one list of panels: a new panel is one line in [`panels!`]
//! below (plus its module, strings and tests). The macro makes [`PanelId`],
//! the [`Pages`] that hold every page's state, the [`Message`] that carries
//! any page's message, and the one generic path the shell drives them
//! through ([`Pages::enter`], [`Pages::update`], [`Pages::view`],
//! [`Pages::subscription`]).

use ferrum_services::SystemBus;
use iced::{Element, Subscription, Task};

use crate::page::{self, Context, Page};
use crate::security;
use crate::{
    about, accessibility, appearance, apps, bluetooth, date_time, firmware, network, power,
    printers, private_dns, region, sound, users,
};

macro_rules! panels {
    ($( $(#[doc = $doc:literal])* $variant:ident => $field:ident : $state:ty, $slug:literal; )*) => {
        /// A settings panel.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum PanelId {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl PanelId {
            /// Every panel, in sidebar order.
            pub const ALL: &'static [PanelId] = &[$(PanelId::$variant),*];

            /// The stable name used in deep links (`ferrum-settings power`).
            pub fn slug(self) -> &'static str {
                match self {
                    $(PanelId::$variant => $slug,)*
                }
            }

            /// The translated title.
            pub fn title(self) -> String {
                match self {
                    $(PanelId::$variant => <$state as Page>::title(),)*
                }
            }

            /// Translated search keywords, separated by `;`.
            pub fn keywords(self) -> String {
                match self {
                    $(PanelId::$variant => <$state as Page>::keywords(),)*
                }
            }
        }

        /// Every page's state.
        #[derive(Debug)]
        pub struct Pages {
            bus: SystemBus,
            $( #[doc = concat!("The ", $slug, " page.")] pub $field: $state, )*
        }

        /// A message for one of the pages.
        #[derive(Debug, Clone)]
        pub enum Message {
            $( $(#[doc = $doc])* $variant(<$state as Page>::Message), )*
        }

        impl Pages {
            /// Every page, having heard nothing yet.
            pub fn new(context: &Context) -> Self {
                Self {
                    bus: context.bus.clone(),
                    $( $field: <$state as Page>::new(context), )*
                }
            }

            /// What showing a page asks for.
            pub fn enter(&mut self, panel: PanelId) -> Task<Message> {
                match panel {
                    $(PanelId::$variant => {
                        page::into_task(self.$field.enter(), &self.bus, Message::$variant)
                    })*
                }
            }

            /// Applies a message to its page.
            pub fn update(&mut self, message: Message) -> Task<Message> {
                match message {
                    $(Message::$variant(message) => {
                        page::into_task(self.$field.update(message), &self.bus, Message::$variant)
                    })*
                }
            }

            /// Draws a page.
            pub fn view(&self, panel: PanelId) -> Element<'_, Message> {
                match panel {
                    $(PanelId::$variant => self.$field.view().map(Message::$variant),)*
                }
            }

            /// A page's live updates.
            pub fn subscription(&self, panel: PanelId) -> Subscription<Message> {
                match panel {
                    $(PanelId::$variant => self.$field.subscription().map(Message::$variant),)*
                }
            }
        }
    };
}

panels! {
    /// Wired, Wi-Fi and VPN connections.
    Network => network: network::State, "network";
    /// Bluetooth adapters, paired and nearby devices, pairing.
    Bluetooth => bluetooth: bluetooth::State, "bluetooth";
    /// Outputs, inputs, applications' sound and devices' profiles.
    Sound => sound: sound::State, "sound";
    /// Print queues, their jobs and ink; adding driverless printers.
    Printers => printers: printers::State, "printers";
    /// Power modes, battery and power source.
    Power => power: power::State, "power";
    /// Flatpak apps: installing, updating, removing, and their permissions.
    Apps => apps: apps::State, "apps";
    /// Firmware of the devices fwupd knows, and their updates.
    Firmware => firmware: firmware::State, "firmware";
    /// Encrypted DNS, DNSSEC and the resolver's status.
    PrivateDns => private_dns: private_dns::State, "private-dns";
    /// The firmware's security level and checks, Secure Boot, the TPM, the verified root.
    DeviceSecurity => security: security::State, "security";
    /// Light or dark, accent colour, contrast, motion and text size.
    Appearance => appearance: appearance::State, "appearance";
    /// The clock, automatic time, the time zone and the 24-hour clock.
    DateTime => date_time: date_time::State, "date-time";
    /// Languages, formats and keyboard layouts, the person's and the machine's.
    Region => region: region::State, "region";
    /// The people on this computer: adding, removing, administrators, passwords, pictures.
    Users => users: users::State, "users";
    /// Seeing, hearing and typing aids.
    Accessibility => accessibility: accessibility::State, "accessibility";
    /// The system at a glance.
    About => about: about::State, "about";
}

impl PanelId {
    /// The panel shown when none is asked for.
    pub const DEFAULT: PanelId = PanelId::Power;

    /// Finds a panel by its deep-link name (case-insensitive).
    pub fn from_slug(slug: &str) -> Option<PanelId> {
        Self::ALL
            .iter()
            .copied()
            .find(|panel| panel.slug().eq_ignore_ascii_case(slug.trim()))
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
            .iter()
            .copied()
            .filter(|panel| panel.matches(query))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip() {
        for &panel in PanelId::ALL {
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
        // Headsets are paired on one page and their sound is set on the other.
        assert_eq!(
            PanelId::search("headset"),
            vec![PanelId::Bluetooth, PanelId::Sound]
        );
        assert_eq!(PanelId::search("pair"), vec![PanelId::Bluetooth]);
        assert_eq!(PanelId::search("flatpak"), vec![PanelId::Apps]);
        assert_eq!(PanelId::from_slug("apps"), Some(PanelId::Apps));
        assert_eq!(PanelId::search("volume"), vec![PanelId::Sound]);
        assert_eq!(PanelId::search("microphone"), vec![PanelId::Sound]);
        assert_eq!(PanelId::from_slug("bluetooth"), Some(PanelId::Bluetooth));
        assert_eq!(PanelId::search("power saver"), vec![PanelId::Power]);
        assert_eq!(PanelId::search("time zone"), vec![PanelId::DateTime]);
        assert_eq!(PanelId::search("ntp"), vec![PanelId::DateTime]);
        assert_eq!(PanelId::search("keymap"), vec![PanelId::Region]);
        assert_eq!(PanelId::search("measurement"), vec![PanelId::Region]);
        assert_eq!(PanelId::from_slug("region"), Some(PanelId::Region));
        assert_eq!(PanelId::from_slug("date-time"), Some(PanelId::DateTime));
        assert!(PanelId::search("zzz").is_empty());
    }
}
