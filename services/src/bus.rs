//! The system bus connection shared by every service client.

use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Mutex;
use zbus::Connection;

use crate::error::DbusFailure;

/// Where the system bus is when `DBUS_SYSTEM_BUS_ADDRESS` is unset.
pub const DEFAULT_SYSTEM_BUS_ADDRESS: &str = "unix:path=/run/dbus/system_bus_socket";

/// How long a method call may wait for its answer. A daemon that owns its name
/// but hangs (stopped, deadlocked) must not leave a page or the login screen's
/// power menu busy forever: the call fails with a timeout the page explains.
pub const METHOD_TIMEOUT: Duration = Duration::from_secs(20);

/// How long a call made with interactive authorization may wait for its answer. polkit
/// may ask the session's authentication agent first, and the person has to read its
/// dialog, type their password and wait for PAM: a slow typist, a screen-reader user or
/// an emulated machine needs far more than [`METHOD_TIMEOUT`]. Still finite, so a hung
/// daemon is eventually said (GNOME waits forever).
pub const INTERACTIVE_TIMEOUT: Duration = Duration::from_secs(5 * 60);

/// A lazily opened connection to one system bus, cheap to clone.
///
/// Two handles are equal when they name the same address, so a handle can key
/// a UI subscription. The connection is opened on first use; a failed attempt
/// is not cached, so the next call tries again.
///
/// Calls are bounded by [`METHOD_TIMEOUT`]; calls made with interactive authorization go
/// through [`SystemBus::interactive`], whose own connection is bounded by
/// [`INTERACTIVE_TIMEOUT`].
#[derive(Clone, Debug)]
pub struct SystemBus {
    address: Arc<str>,
    method_timeout: Duration,
    connection: Arc<Mutex<Option<Connection>>>,
    interactive_timeout: Duration,
    /// The interactive handle's connection, shared by every clone.
    interactive_connection: Arc<Mutex<Option<Connection>>>,
}

impl SystemBus {
    /// The bus named by `DBUS_SYSTEM_BUS_ADDRESS`, or the standard socket.
    pub fn from_env() -> Self {
        let address = std::env::var("DBUS_SYSTEM_BUS_ADDRESS")
            .ok()
            .filter(|address| !address.is_empty())
            .unwrap_or_else(|| DEFAULT_SYSTEM_BUS_ADDRESS.to_owned());
        Self::with_address(&address)
    }

    /// A bus at an explicit address (tests use the test bed's private bus).
    pub fn with_address(address: &str) -> Self {
        Self {
            address: Arc::from(address),
            method_timeout: METHOD_TIMEOUT,
            connection: Arc::new(Mutex::new(None)),
            interactive_timeout: INTERACTIVE_TIMEOUT,
            interactive_connection: Arc::new(Mutex::new(None)),
        }
    }

    /// The same bus with another method-call timeout (tests of hung daemons
    /// use a short one). It bounds the interactive calls too (both bounds
    /// become `timeout`, and [`SystemBus::interactive`] shares this handle's
    /// connection), so a hang test of an interactive call keeps its short bound.
    /// Takes effect for a connection not opened yet.
    pub fn with_method_timeout(mut self, timeout: Duration) -> Self {
        self.method_timeout = timeout;
        self.interactive_timeout = timeout;
        self.connection = Arc::new(Mutex::new(None));
        self.interactive_connection = Arc::clone(&self.connection);
        self
    }

    /// The same bus with another bound for the interactive calls only, after
    /// [`SystemBus::with_method_timeout`] (a test of a slow answer to the agent
    /// gives them more than its short method timeout). Takes effect for a
    /// connection not opened yet.
    pub fn with_interactive_timeout(mut self, timeout: Duration) -> Self {
        self.interactive_timeout = timeout;
        self.interactive_connection = Arc::new(Mutex::new(None));
        self
    }

    /// The same bus for calls made with interactive authorization (polkit may ask
    /// the session's authentication agent): its calls are bounded by the
    /// interactive bound ([`INTERACTIVE_TIMEOUT`] unless
    /// [`SystemBus::with_method_timeout`] set another), on a connection of its
    /// own, opened on first use and shared by every clone. The interactive handle
    /// of an interactive handle is itself.
    pub fn interactive(&self) -> SystemBus {
        Self {
            address: Arc::clone(&self.address),
            method_timeout: self.interactive_timeout,
            connection: Arc::clone(&self.interactive_connection),
            interactive_timeout: self.interactive_timeout,
            interactive_connection: Arc::clone(&self.interactive_connection),
        }
    }

    /// How long this handle's method calls may wait for their answer.
    pub fn method_timeout(&self) -> Duration {
        self.method_timeout
    }

    /// The bus address.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// The open connection, opening it on first use (and again after
    /// [`SystemBus::forget`]).
    pub async fn connection(&self) -> Result<Connection, DbusFailure> {
        let mut slot = self.connection.lock().await;
        if let Some(connection) = slot.as_ref() {
            return Ok(connection.clone());
        }
        let connection = zbus::connection::Builder::address(&*self.address)?
            .method_timeout(self.method_timeout)
            .build()
            .await?;
        *slot = Some(connection.clone());
        Ok(connection)
    }

    /// Drops a connection found closed (the bus restarted), so the next
    /// [`SystemBus::connection`] opens a new one. Another, newer connection
    /// is kept.
    pub async fn forget(&self, closed: &Connection) {
        let mut slot = self.connection.lock().await;
        if slot
            .as_ref()
            .is_some_and(|kept| kept.unique_name() == closed.unique_name())
        {
            tracing::info!(bus = %self.address, "the system bus connection closed; reopening");
            *slot = None;
        }
    }
}

impl PartialEq for SystemBus {
    fn eq(&self, other: &Self) -> bool {
        self.address == other.address
    }
}

impl Eq for SystemBus {}

impl Hash for SystemBus {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.address.hash(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interactive_calls_get_minutes_and_others_the_method_timeout() {
        let bus = SystemBus::with_address("unix:path=/nowhere");
        assert_eq!(bus.method_timeout(), METHOD_TIMEOUT);
        assert!(INTERACTIVE_TIMEOUT >= Duration::from_secs(5 * 60));
        let interactive = bus.interactive();
        assert_eq!(interactive.method_timeout(), INTERACTIVE_TIMEOUT);
        assert_eq!(interactive.address(), bus.address());
        assert!(!Arc::ptr_eq(&bus.connection, &interactive.connection));
        // Clones share the interactive connection rather than opening one each.
        assert!(Arc::ptr_eq(
            &bus.clone().interactive().connection,
            &interactive.connection
        ));
    }

    #[test]
    fn a_short_method_timeout_bounds_interactive_calls_too() {
        let short = Duration::from_millis(1500);
        let bus = SystemBus::with_address("unix:path=/nowhere").with_method_timeout(short);
        assert_eq!(bus.method_timeout(), short);
        assert_eq!(bus.interactive().method_timeout(), short);
        assert!(Arc::ptr_eq(&bus.connection, &bus.interactive().connection));
        // Set on an interactive handle, it bounds both again.
        let again = SystemBus::with_address("unix:path=/nowhere")
            .interactive()
            .with_method_timeout(short);
        assert_eq!(again.method_timeout(), short);
        assert_eq!(again.interactive().method_timeout(), short);
        // A test may then give the interactive calls more.
        let slow = SystemBus::with_address("unix:path=/nowhere")
            .with_method_timeout(short)
            .with_interactive_timeout(INTERACTIVE_TIMEOUT);
        assert_eq!(slow.method_timeout(), short);
        assert_eq!(slow.interactive().method_timeout(), INTERACTIVE_TIMEOUT);
        assert!(!Arc::ptr_eq(
            &slow.connection,
            &slow.interactive().connection
        ));
    }

    #[test]
    fn the_interactive_handle_of_an_interactive_handle_is_itself() {
        let interactive = SystemBus::with_address("unix:path=/nowhere").interactive();
        let twice = interactive.interactive();
        assert_eq!(twice.method_timeout(), interactive.method_timeout());
        assert!(Arc::ptr_eq(&twice.connection, &interactive.connection));
        assert!(Arc::ptr_eq(
            &twice.interactive_connection,
            &interactive.interactive_connection
        ));
        assert_eq!(twice, interactive);
    }
}
