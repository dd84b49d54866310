//! CUPS: print queues, their state, supplies and jobs; adding printers found on the network
//! or typed by address; the administrator's changes; the test page.
//!
//! - Reads are IPP to cupsd at a [`CupsServer`] (CUPS-Get-Printers, CUPS-Get-Default,
//!   Get-Jobs), through the `ipp` crate without TLS; none of its types leave this module.
//! - Ink and toner ([`Printer::markers`]) are the queue's `marker-*` attributes when CUPS has
//!   them, else asked from the queue's device when it is `ipp://` (its `marker-*`, else its
//!   `printer-supply`), 3 s at most per device, all devices at once; a device that does not
//!   answer has none. The watch keeps the answers and asks again after a minute or once a
//!   job on the queue finished.
//! - [`watch`] follows CUPS without polling: a CUPS subscription (`notify-recipient-uri
//!   dbus://`, renewed before its [`SUBSCRIPTION_LEASE`] ends, canceled when the stream is
//!   dropped) makes cupsd's notifier send `org.cups.cupsd.Notifier` signals on the system bus;
//!   a burst is one re-read. An idle TCP connection to cupsd closes when cupsd stops: then
//!   [`Update::Unavailable`], tries with growing pauses, and a new subscription on its return.
//! - Changes that need an administrator go through cups-pk-helper on the system bus
//!   ([`Action::run`]); polkit's refusal is [`PrintersError::NotAuthorized`]. Queues are
//!   created driverless (model `everywhere`). The test page is a plain IPP Print-Job of a PDF
//!   made here ([`test_page`]).
//! - [`discover`] browses `_ipp._tcp` and `_ipps._tcp` with Avahi and yields one
//!   [`Discovered`] per printer, classified driverless or not.
//! - Addresses and queue names are checked before CUPS sees them ([`PrinterUri::parse`],
//!   [`QueueName::parse`], [`QueueName::derive`]).

mod address;
mod cups;
mod discovery;
mod error;
mod helper;
mod supplies;
mod testpage;
mod types;
mod watch;

pub use address::{
    AddressError, DEFAULT_RESOURCE, NameError, PrinterUri, QUEUE_NAME_MAX, QueueName,
};
pub use cups::{CupsServer, IPP_TIMEOUT, RECENT_COMPLETED_JOBS, user_name};
pub use discovery::{AVAHI_BUS_NAME, discover, mark_queues};
pub use error::PrintersError;
pub use helper::{DRIVERLESS_MODEL, print_test_page};
pub use testpage::{TEST_PAGE_FORMAT, test_page};
pub use types::{
    Action, Discovered, DiscoveryUpdate, DriverSupport, Job, JobId, JobState, Marker, MarkerLevel,
    OptionChoices, PrintOption, Printer, PrinterOptions, PrinterState, ReasonKind, Severity,
    Snapshot, StateReason, Update,
};
pub use watch::{NOTIFIER_INTERFACE, NOTIFIER_PATH, SUBSCRIPTION_LEASE, watch};

/// Reads everything once (queues, default, jobs), without following changes.
pub async fn snapshot(server: &CupsServer) -> Result<Snapshot, PrintersError> {
    cups::snapshot(server, &supplies::SupplyCache::default()).await
}
