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

/// A lazily opened connection to one system bus, cheap to clone.
///
/// Two handles are equal when they name the same address, so a handle can key
/// a UI subscription. The connection is opened on first use; a failed attempt
/// is not cached, so the next call tries again.
#[derive(Clone, Debug)]
pub struct SystemBus {
    address: Arc<str>,
    method_timeout: Duration,
    connection: Arc<Mutex<Option<Connection>>>,
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
        }
    }

    /// The same bus with another method-call timeout (tests of hung daemons
    /// use a short one). Takes effect for a connection not opened yet.
    pub fn with_method_timeout(mut self, timeout: Duration) -> Self {
        self.method_timeout = timeout;
        self.connection = Arc::new(Mutex::new(None));
        self
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
