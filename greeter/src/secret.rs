//! The typed secret lives in `ferrum-services` (the settings app's polkit agent uses it
//! too); re-exported here under the greeter's old path.

pub use ferrum_services::secret::{Secret, forbid_core_dumps};
