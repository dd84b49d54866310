//! Private DNS: which resolver answers, DNS-over-TLS, DNSSEC, mDNS and LLMNR, applied
//! through NetworkManager (per connection profile, saved) and systemd-resolved (per link),
//! read back, followed, and tried with a test lookup.
//!
//! - [`PrivateDns`] is the choice, checked by [`PrivateDns::validate`];
//! - [`apply()`] puts it into effect (all or nothing), [`current`] reads it back;
//!   [`restore()`] finishes putting back an apply that NetworkManager interrupted;
//! - [`resolver_status`] and [`watch_resolver`] show what resolved is doing;
//! - [`test_lookup`] asks resolved for a name, bypassing its cache, and says whether the
//!   answer came encrypted.

pub mod apply;
mod confirm;
pub mod error;
mod interfaces;
pub mod lookup;
pub mod presets;
mod profile;
pub mod restore;
pub mod server;
pub mod settings;
pub mod status;

pub use apply::{Applied, apply, current};
pub use error::DnsError;
pub use lookup::{Lookup, LookupError, test_lookup};
pub use presets::{PROVIDERS, Provider};
pub use restore::{PendingRestore, restore};
pub use server::{DnsServer, ServerError};
pub use settings::{DnsSettingsError, Dnssec, DotMode, PrivateDns, Resolver};
pub use status::{LinkStatus, ResolverStatus, resolver_status, watch_resolver};
