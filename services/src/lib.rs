//! Typed clients for the system daemons the Ferrum shell fronts.
//!
//! One module per service, each with a typed snapshot of the daemon's state,
//! a [`Stream`](futures::Stream) of changes driven by D-Bus signals (never
//! polling), commands that return typed errors, and a daemon that is missing,
//! crashes or restarts treated as a normal state ([`ServiceUpdate::Unavailable`]).
//! Nothing here knows about the UI toolkit, so the greeter, the settings app
//! and the tests share it.

pub mod accounts;
pub mod apps;
pub mod audio;
pub mod bluetooth;
pub mod bus;
pub mod dns;
pub mod error;
pub mod firmware;
pub mod hostname;
pub mod layouts;
pub mod locale;
pub mod logind;
pub mod network;
pub mod network_status;
pub mod new_account;
pub mod polkit_agent;
pub mod power_profiles;
pub mod printers;
pub mod proxies;
pub mod secret;
pub mod security;
pub mod time_zones;
pub mod timedate;
pub mod tls;
pub mod upower;
pub mod users;
pub mod watch;

pub use bus::SystemBus;
pub use error::DbusFailure;
pub use watch::ServiceUpdate;
