//! The page's form: what the user is choosing, checked completely before
//! anything is applied. Typed text is kept as typed, so an error loses nothing.

use ferrum_services::dns::{
    DnsServer, Dnssec, DotMode, PROVIDERS, PrivateDns, Resolver, ServerError,
};

/// Which resolver the form points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModeChoice {
    /// The network's own DNS (from DHCP).
    Automatic,
    /// A public provider.
    Provider,
    /// Servers typed by hand.
    Custom,
}

/// The form as the user left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// Automatic, a provider, or custom servers.
    pub mode: ModeChoice,
    /// The chosen provider's id.
    pub provider: &'static str,
    /// Custom servers as typed (comma- or space-separated).
    pub custom: String,
    /// DNS-over-TLS.
    pub dot: DotMode,
    /// DNSSEC.
    pub dnssec: Dnssec,
    /// Multicast DNS (`.local` names).
    pub mdns: bool,
    /// LLMNR (Windows-style local names).
    pub llmnr: bool,
}

/// Why the form cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    /// Custom mode with no server typed.
    NoServers,
    /// One typed server is wrong: which one and why.
    BadServer {
        /// The text of that entry.
        entry: String,
        /// What is wrong with it.
        error: ServerError,
    },
}

impl Default for Form {
    fn default() -> Self {
        Self {
            mode: ModeChoice::Automatic,
            provider: PROVIDERS.first().map_or("cloudflare", |p| p.id),
            custom: String::new(),
            dot: DotMode::Opportunistic,
            dnssec: Dnssec::Off,
            mdns: true,
            llmnr: false,
        }
    }
}

impl Form {
    /// The form showing settings in force.
    pub fn from_settings(settings: &PrivateDns) -> Self {
        let mut form = Form {
            dot: settings.dot,
            dnssec: settings.dnssec,
            mdns: settings.mdns,
            llmnr: settings.llmnr,
            ..Form::default()
        };
        match &settings.resolver {
            Resolver::Automatic => form.mode = ModeChoice::Automatic,
            Resolver::Preset(id) => {
                form.mode = ModeChoice::Provider;
                form.provider = id;
            }
            Resolver::Custom(servers) => {
                form.mode = ModeChoice::Custom;
                form.custom = servers
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ");
            }
        }
        form
    }

    /// The typed custom servers, each checked (strict encryption needs a
    /// server name on each, to check its certificate).
    pub fn custom_servers(&self) -> Result<Vec<DnsServer>, FormError> {
        let entries: Vec<&str> = self
            .custom
            .split([',', ' ', '\n', ';'])
            .filter(|entry| !entry.trim().is_empty())
            .collect();
        if entries.is_empty() {
            return Err(FormError::NoServers);
        }
        entries
            .into_iter()
            .map(|entry| {
                let parsed = if self.dot == DotMode::Strict {
                    DnsServer::parse_with_name(entry)
                } else {
                    DnsServer::parse(entry)
                };
                parsed.map_err(|error| FormError::BadServer {
                    entry: entry.trim().to_owned(),
                    error,
                })
            })
            .collect()
    }

    /// The settings the form describes, or why it cannot be applied.
    pub fn settings(&self) -> Result<PrivateDns, FormError> {
        let resolver = match self.mode {
            ModeChoice::Automatic => Resolver::Automatic,
            ModeChoice::Provider => Resolver::Preset(self.provider),
            ModeChoice::Custom => Resolver::Custom(self.custom_servers()?),
        };
        Ok(PrivateDns {
            resolver,
            dot: self.dot,
            dnssec: self.dnssec,
            mdns: self.mdns,
            llmnr: self.llmnr,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_servers_are_checked_and_kept_as_typed() {
        let mut form = Form {
            mode: ModeChoice::Custom,
            custom: "192.0.2.1#dot.example.test, [2001:db8::1]:853#dot.example.test".into(),
            dot: DotMode::Strict,
            ..Form::default()
        };
        let settings = form.settings().expect("valid");
        assert!(matches!(&settings.resolver, Resolver::Custom(servers) if servers.len() == 2));
        assert_eq!(Form::from_settings(&settings).custom, form.custom);

        form.custom = "192.0.2.1".into();
        assert_eq!(
            form.settings(),
            Err(FormError::BadServer {
                entry: "192.0.2.1".into(),
                error: ServerError::MissingServerName
            }),
            "strict needs a name"
        );
        form.dot = DotMode::Opportunistic;
        assert!(form.settings().is_ok(), "opportunistic does not");
        form.custom = "192.0.2.1, 300.1.1.1".into();
        assert_eq!(
            form.settings(),
            Err(FormError::BadServer {
                entry: "300.1.1.1".into(),
                error: ServerError::BadAddress("300.1.1.1".into()),
            })
        );
        form.custom = " ,  ".into();
        assert_eq!(form.settings(), Err(FormError::NoServers));
        assert_eq!(form.custom, " ,  ", "nothing typed is lost");
    }

    #[test]
    fn providers_and_automatic() {
        let form = Form {
            mode: ModeChoice::Provider,
            provider: "quad9",
            ..Form::default()
        };
        let settings = form.settings().expect("valid");
        assert_eq!(settings.resolver, Resolver::Preset("quad9"));
        assert_eq!(Form::from_settings(&settings), form);
        assert_eq!(
            Form::default().settings().map(|s| s.resolver),
            Ok(Resolver::Automatic)
        );
    }
}
