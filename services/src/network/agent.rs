//! NetworkManager's secret agent: when a connection needs a password NetworkManager does
//! not have (a saved Wi-Fi password that stopped working, a VPN that asks every time),
//! NetworkManager calls the registered agents; this one passes the question to the page
//! and the person's answer back. Nothing is stored here: secrets live in NetworkManager's
//! profiles or nowhere.
//!
//! The agent runs on a connection of its own, so it goes away (and NetworkManager forgets
//! it) when the page stops listening, and registers again when NetworkManager restarts.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::{Stream, StreamExt};
use tokio::sync::{mpsc, oneshot};
use zbus::zvariant::{OwnedObjectPath, OwnedValue};

use super::model::{Security, Ssid};
use super::settings::{self, Settings};
use crate::bus::SystemBus;
use crate::error::DbusFailure;
use crate::network_status::BUS_NAME;
use crate::proxies::nm_agent_manager::AgentManagerProxy;

/// Where the agent object lives (NetworkManager calls it there).
pub const AGENT_PATH: &str = "/org/freedesktop/NetworkManager/SecretAgent";
/// The agent's identifier.
pub const IDENTIFIER: &str = "org.ferrum.Settings";
/// `NM_SECRET_AGENT_GET_SECRETS_FLAG_ALLOW_INTERACTION`.
const ALLOW_INTERACTION: u32 = 0x1;
/// `NM_SECRET_AGENT_GET_SECRETS_FLAG_REQUEST_NEW`: the secret NetworkManager has failed.
const REQUEST_NEW: u32 = 0x2;
/// How long to wait before trying the bus again.
const RETRY_DELAY: Duration = Duration::from_secs(2);

/// What NetworkManager asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecretKind {
    /// A Wi-Fi password (WPA/WPA3 Personal) or WEP key.
    Wifi(Security),
    /// The password of an 802.1X (enterprise) login.
    Enterprise,
    /// A VPN password (the plugin names the secret).
    Vpn,
    /// Something this agent cannot ask for.
    Other,
}

type Reply = oneshot::Sender<Option<Settings>>;

/// One question from NetworkManager, answered once with [`SecretRequest::answer`] or
/// [`SecretRequest::cancel`].
#[derive(Clone)]
pub struct SecretRequest {
    /// A number telling requests apart.
    pub id: u64,
    /// The connection's name.
    pub connection_id: String,
    /// The connection's object path.
    pub connection_path: String,
    /// The setting the secret belongs to (`802-11-wireless-security`, `802-1x`, `vpn`).
    pub setting: String,
    /// What kind of secret.
    pub kind: SecretKind,
    /// For Wi-Fi, the network's name.
    pub ssid: Option<Ssid>,
    /// The secret NetworkManager had was refused (a wrong saved password).
    pub retry: bool,
    /// For VPNs, the secret's name in `vpn.secrets`.
    vpn_secret: String,
    reply: Arc<Mutex<Option<Reply>>>,
}

impl fmt::Debug for SecretRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SecretRequest")
            .field("id", &self.id)
            .field("connection_id", &self.connection_id)
            .field("setting", &self.setting)
            .field("kind", &self.kind)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl PartialEq for SecretRequest {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl SecretRequest {
    /// A question nobody waits for: answering it delivers nothing (tests and previews
    /// build the page's prompt from it).
    pub fn detached(
        id: u64,
        connection_id: &str,
        connection_path: &str,
        setting: &str,
        kind: SecretKind,
    ) -> Self {
        Self {
            id,
            connection_id: connection_id.to_owned(),
            connection_path: connection_path.to_owned(),
            setting: setting.to_owned(),
            kind,
            ssid: None,
            retry: false,
            vpn_secret: String::new(),
            reply: Arc::new(Mutex::new(None)),
        }
    }

    fn send(&self, secrets: Option<Settings>) -> bool {
        let sender = match self.reply.lock() {
            Ok(mut slot) => slot.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        sender.is_some_and(|sender| sender.send(secrets).is_ok())
    }

    /// Answers with the secret the person typed; `false` when NetworkManager stopped
    /// waiting (or the request was answered already).
    pub fn answer(&self, secret: &str) -> bool {
        let mut secrets = Settings::new();
        match self.kind {
            SecretKind::Wifi(Security::Wep) => {
                settings::set(&mut secrets, &self.setting, "wep-key0", secret);
            }
            SecretKind::Wifi(_) => settings::set(&mut secrets, &self.setting, "psk", secret),
            SecretKind::Enterprise => {
                settings::set(&mut secrets, &self.setting, "password", secret);
            }
            SecretKind::Vpn => {
                let mut map = HashMap::new();
                map.insert(self.vpn_secret.clone(), secret.to_owned());
                settings::set(&mut secrets, &self.setting, "secrets", map);
            }
            SecretKind::Other => return self.send(None),
        }
        self.send(Some(secrets))
    }

    /// Says the person cancelled.
    pub fn cancel(&self) -> bool {
        self.send(None)
    }
}

/// What the agent reports.
#[derive(Debug, Clone, PartialEq)]
pub enum AgentEvent {
    /// Registered with NetworkManager.
    Registered,
    /// NetworkManager asks for a secret.
    Request(SecretRequest),
    /// NetworkManager no longer needs the secret of this connection and setting.
    Cancelled {
        /// The connection's object path.
        connection_path: String,
        /// The setting.
        setting: String,
    },
    /// NetworkManager is not running; the agent registers when it returns.
    Unavailable,
    /// The bus cannot be reached or registering failed; retried.
    Failed(DbusFailure),
}

#[derive(Debug, zbus::DBusError)]
#[zbus(prefix = "org.freedesktop.NetworkManager.SecretAgent")]
enum AgentError {
    #[zbus(error)]
    ZBus(zbus::Error),
    /// Interaction is not allowed and nothing is stored here.
    NoSecrets(String),
    /// The person cancelled.
    UserCanceled(String),
    /// The caller is not NetworkManager.
    PermissionDenied(String),
}

/// Whether a call's sender is the current owner of NetworkManager's bus name (both unique
/// names; a call without a sender, or while nobody owns the name, is not).
fn is_network_manager(sender: Option<&str>, owner: Option<&str>) -> bool {
    matches!((sender, owner), (Some(sender), Some(owner)) if sender == owner)
}

/// Refuses a call that does not come from NetworkManager: any process on the bus could
/// otherwise ask the page for a password, or cancel its questions.
async fn check_caller(
    connection: &zbus::Connection,
    header: &zbus::message::Header<'_>,
) -> Result<(), AgentError> {
    let owner = async {
        let dbus = zbus::fdo::DBusProxy::new(connection).await?;
        let name = zbus::names::BusName::try_from(BUS_NAME).map_err(zbus::Error::from)?;
        dbus.get_name_owner(name).await.map_err(zbus::Error::from)
    };
    let owner = match owner.await {
        Ok(owner) => Some(owner),
        Err(error) => {
            tracing::debug!(%error, "NetworkManager's bus name has no owner");
            None
        }
    };
    let sender = header.sender().map(|sender| sender.as_str());
    if is_network_manager(sender, owner.as_ref().map(|owner| owner.as_str())) {
        Ok(())
    } else {
        tracing::warn!(
            ?sender,
            "a secret agent call not from NetworkManager was refused"
        );
        Err(AgentError::PermissionDenied(
            "only NetworkManager may call this agent".into(),
        ))
    }
}

struct Agent {
    events: mpsc::UnboundedSender<AgentEvent>,
    next_id: AtomicU64,
}

fn kind_of(connection: &Settings, setting: &str) -> SecretKind {
    match setting {
        "802-11-wireless-security" => {
            let key_mgmt = settings::string(connection, setting, "key-mgmt");
            SecretKind::Wifi(match key_mgmt.as_str() {
                "none" => Security::Wep,
                "sae" => Security::Wpa3Personal,
                _ => Security::WpaPersonal,
            })
        }
        "802-1x" => SecretKind::Enterprise,
        "vpn" => SecretKind::Vpn,
        _ => SecretKind::Other,
    }
}

#[zbus::interface(name = "org.freedesktop.NetworkManager.SecretAgent")]
impl Agent {
    #[allow(clippy::too_many_arguments)]
    async fn get_secrets(
        &self,
        #[zbus(connection)] bus: &zbus::Connection,
        #[zbus(header)] header: zbus::message::Header<'_>,
        connection: HashMap<String, HashMap<String, OwnedValue>>,
        connection_path: OwnedObjectPath,
        setting_name: String,
        hints: Vec<String>,
        flags: u32,
    ) -> Result<HashMap<String, HashMap<String, OwnedValue>>, AgentError> {
        check_caller(bus, &header).await?;
        let kind = kind_of(&connection, &setting_name);
        if flags & ALLOW_INTERACTION == 0 || kind == SecretKind::Other {
            return Err(AgentError::NoSecrets("no stored secrets".into()));
        }
        let (reply, answer) = oneshot::channel();
        let request = SecretRequest {
            id: self.next_id.fetch_add(1, Ordering::Relaxed),
            connection_id: settings::string(&connection, "connection", "id"),
            connection_path: connection_path.as_str().to_owned(),
            setting: setting_name,
            kind,
            ssid: settings::get::<Vec<u8>>(&connection, "802-11-wireless", "ssid").map(Ssid),
            retry: flags & REQUEST_NEW != 0,
            vpn_secret: hints
                .iter()
                .find(|hint| !hint.starts_with("x-vpn-message:"))
                .cloned()
                .unwrap_or_else(|| "password".to_owned()),
            reply: Arc::new(Mutex::new(Some(reply))),
        };
        tracing::info!(?request, "NetworkManager asks for a secret");
        if self.events.send(AgentEvent::Request(request)).is_err() {
            return Err(AgentError::NoSecrets("nobody to ask".into()));
        }
        match answer.await {
            Ok(Some(secrets)) => Ok(secrets),
            _ => Err(AgentError::UserCanceled("cancelled".into())),
        }
    }

    async fn cancel_get_secrets(
        &self,
        #[zbus(connection)] bus: &zbus::Connection,
        #[zbus(header)] header: zbus::message::Header<'_>,
        connection_path: OwnedObjectPath,
        setting_name: String,
    ) -> Result<(), AgentError> {
        check_caller(bus, &header).await?;
        let _ = self.events.send(AgentEvent::Cancelled {
            connection_path: connection_path.as_str().to_owned(),
            setting: setting_name,
        });
        Ok(())
    }

    async fn save_secrets(
        &self,
        _connection: HashMap<String, HashMap<String, OwnedValue>>,
        _connection_path: OwnedObjectPath,
    ) {
        // Nothing is kept here: NetworkManager stores system-owned secrets itself.
    }

    async fn delete_secrets(
        &self,
        _connection: HashMap<String, HashMap<String, OwnedValue>>,
        _connection_path: OwnedObjectPath,
    ) {
    }
}

async fn register(connection: &zbus::Connection) -> Result<(), DbusFailure> {
    let manager = AgentManagerProxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?;
    Ok(manager.register(IDENTIFIER).await?)
}

/// Runs the agent while the stream is polled: registered events, NetworkManager's
/// questions, its coming and going.
pub fn run_agent(bus: SystemBus) -> impl Stream<Item = AgentEvent> + Send {
    async_stream::stream! {
        loop {
            let (events, mut questions) = mpsc::unbounded_channel();
            let agent = Agent { events, next_id: AtomicU64::new(1) };
            let built = async {
                zbus::connection::Builder::address(bus.address())?
                    .serve_at(AGENT_PATH, agent)?
                    .build()
                    .await
            };
            let connection = match built.await {
                Ok(connection) => connection,
                Err(error) => {
                    yield AgentEvent::Failed(DbusFailure::from(error));
                    tokio::time::sleep(RETRY_DELAY).await;
                    continue;
                }
            };
            let owners = async {
                let dbus = zbus::fdo::DBusProxy::new(&connection).await?;
                dbus.receive_name_owner_changed_with_args(&[(0, BUS_NAME)]).await
            };
            let mut owners = match owners.await {
                Ok(owners) => owners,
                Err(error) => {
                    yield AgentEvent::Failed(DbusFailure::from(error));
                    tokio::time::sleep(RETRY_DELAY).await;
                    continue;
                }
            };
            yield match register(&connection).await {
                Ok(()) => AgentEvent::Registered,
                Err(failure) if failure.is_absence() => AgentEvent::Unavailable,
                Err(failure) => AgentEvent::Failed(failure),
            };
            loop {
                tokio::select! {
                    question = questions.recv() => match question {
                        Some(event) => yield event,
                        None => break,
                    },
                    change = owners.next() => {
                        let Some(change) = change else { break };
                        let returned = change.args().is_ok_and(|args| args.new_owner().is_some());
                        yield if returned {
                            match register(&connection).await {
                                Ok(()) => AgentEvent::Registered,
                                Err(failure) => AgentEvent::Failed(failure),
                            }
                        } else {
                            AgentEvent::Unavailable
                        };
                    }
                }
            }
            tokio::time::sleep(RETRY_DELAY).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_owner_of_network_manager_s_name_is_answered() {
        assert!(is_network_manager(Some(":1.7"), Some(":1.7")));
        // Another process on the bus.
        assert!(!is_network_manager(Some(":1.42"), Some(":1.7")));
        // NetworkManager is not running: nobody may ask.
        assert!(!is_network_manager(Some(":1.42"), None));
        // No sender (a peer-to-peer call).
        assert!(!is_network_manager(None, Some(":1.7")));
        assert!(!is_network_manager(None, None));
    }
}
