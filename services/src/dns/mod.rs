//! Private DNS: validated DNS-over-TLS servers and the public presets. The
//! NetworkManager and systemd-resolved sides come with the private DNS panel.

pub mod presets;
pub mod server;

pub use presets::{PROVIDERS, Provider};
pub use server::{DnsServer, ServerError};
