//! The session's polkit authentication agent (`org.freedesktop.PolicyKit1.AuthenticationAgent`).
//!
//! When a daemon asks polkit whether the person may do something that needs a password
//! (`auth_admin`, `auth_self`), polkitd calls the agent registered for the asking program's
//! session or process with `BeginAuthentication`; the agent asks the person, checks the
//! password through polkit's setuid helper ([`helper`]) and returns. This module is the
//! agent without the dialog: each request reaches the UI as an [`AuthRequest`] through the
//! stream of [`run_agent`], and the UI answers it with a [`Response`].
//!
//! - **Registration.** [`AgentOptions::for_this_session`] registers for the logind session
//!   (`unix-session`, `XDG_SESSION_ID`), so every program of the session (the settings app,
//!   a terminal's `pkexec`) gets the dialog; where there is no session (no logind, or polkitd
//!   refuses the session), it registers for this process (`unix-process`), which still covers
//!   every change the settings app itself asks a daemon for (the daemons name the app's
//!   bus name as the subject, which polkitd maps to this process). The agent lives on a bus
//!   connection of its own: polkitd forgets it when the stream is dropped (or the process
//!   ends) and it registers again when polkitd restarts.
//! - **Requests.** Only the owner of `org.freedesktop.PolicyKit1` is answered. A request
//!   names the action (polkit's message, already in the locale given at registration), the
//!   program asking, the people who may authenticate ([`Identity`], with their names) and
//!   polkit's cookie. A wrong password sends the same request again with
//!   [`AttemptState::WrongPassword`]; cancelling returns `org.freedesktop.PolicyKit1.Error.Cancelled`;
//!   polkitd withdrawing the request (`CancelAuthentication`, or the asking program gone)
//!   stops the helper and sends [`AgentEvent::Withdrawn`].
//! - **Secrets.** The password travels as [`Secret`] (zeroized, redacted from `Debug`) from
//!   the UI to the helper's standard input and is never logged.

pub mod helper;
mod identity;

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::{Stream, StreamExt as _};
use tokio::sync::{mpsc, oneshot};
use zbus::zvariant::{OwnedValue, Value};

pub use helper::{HelperError, HelperOutcome};
pub use identity::{Identity, Subject};

use crate::bus::SystemBus;
use crate::error::DbusFailure;
use crate::proxies::polkit_authority::AuthorityProxy;
use crate::secret::Secret;

/// polkitd's bus name.
pub const BUS_NAME: &str = "org.freedesktop.PolicyKit1";
/// Where the agent object lives (polkitd calls it there).
pub const AGENT_PATH: &str = "/org/ferrum/PolicyKit1/AuthenticationAgent";
/// How long to wait before trying the bus again.
const RETRY_DELAY: Duration = Duration::from_secs(2);

/// What to register for and in which language polkit words its messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentOptions {
    /// Tried in order; the first polkitd accepts is used.
    pub subjects: Vec<Subject>,
    /// A POSIX locale (`de_DE.UTF-8`): polkitd translates the action's message into it.
    pub locale: String,
}

impl AgentOptions {
    /// The login session if there is one, else this process; the locale of this process's
    /// messages (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub fn for_this_session() -> Self {
        let subjects = Subject::this_session()
            .into_iter()
            .chain(Subject::this_process().ok())
            .collect();
        Self {
            subjects,
            locale: messages_locale(|name| std::env::var(name).ok()),
        }
    }

    /// Exactly `subject` (tests register for a process of a test user).
    pub fn for_subject(subject: Subject, locale: &str) -> Self {
        Self {
            subjects: vec![subject],
            locale: locale.to_owned(),
        }
    }
}

/// The locale messages are shown in, as POSIX orders the variables.
fn messages_locale(var: impl Fn(&str) -> Option<String>) -> String {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|value| !value.is_empty()))
        .unwrap_or_else(|| "C".to_owned())
}

/// Where an authentication stands when the dialog is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttemptState {
    /// Asked for the first time.
    First,
    /// The password was refused; what PAM said, if anything (it usually says nothing).
    WrongPassword {
        /// PAM's messages.
        messages: Vec<String>,
    },
    /// The password could not be checked (the helper is missing or PAM asked for more
    /// than a password); trying again may not help, cancelling always does.
    Problem(HelperError),
}

/// The person's answer to a request.
#[derive(Debug)]
pub enum Response {
    /// Authenticate as the identity with this user id with this password.
    Authenticate {
        /// One of [`AuthRequest::identities`].
        uid: u32,
        /// What was typed.
        password: Secret,
    },
    /// The person does not want to.
    Cancel,
}

type Reply = oneshot::Sender<Response>;

/// One authentication polkit asks for, answered once with [`AuthRequest::respond`].
#[derive(Clone)]
pub struct AuthRequest {
    /// polkit's cookie: the request's identity (the same across attempts).
    pub cookie: String,
    /// The attempt, from 1.
    pub attempt: u32,
    /// The action (`org.freedesktop.timedate1.set-timezone`).
    pub action_id: String,
    /// What the program wants to do, in the locale given at registration (polkit's
    /// message from the action's `.policy` file).
    pub message: String,
    /// The action's icon name (often empty).
    pub icon_name: String,
    /// The program asking, where it can be told.
    pub program: Option<String>,
    /// Who may authenticate, in polkit's order (never empty).
    pub identities: Vec<Identity>,
    /// First attempt, wrong password or a problem.
    pub state: AttemptState,
    reply: Arc<Mutex<Option<Reply>>>,
}

impl fmt::Debug for AuthRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthRequest")
            .field("attempt", &self.attempt)
            .field("action_id", &self.action_id)
            .field("program", &self.program)
            .field("identities", &self.identities)
            .field("state", &self.state)
            .finish_non_exhaustive()
    }
}

impl PartialEq for AuthRequest {
    fn eq(&self, other: &Self) -> bool {
        self.cookie == other.cookie && self.attempt == other.attempt
    }
}

impl AuthRequest {
    /// A request nobody waits for (previews and the dialog's tests build it; answering it
    /// delivers nothing).
    pub fn detached(
        cookie: &str,
        action_id: &str,
        message: &str,
        program: Option<&str>,
        identities: Vec<Identity>,
        state: AttemptState,
    ) -> Self {
        Self {
            cookie: cookie.to_owned(),
            attempt: 1,
            action_id: action_id.to_owned(),
            message: message.to_owned(),
            icon_name: String::new(),
            program: program.map(str::to_owned),
            identities,
            state,
            reply: Arc::new(Mutex::new(None)),
        }
    }

    /// Answers; `false` when polkit stopped waiting or the request was answered already.
    pub fn respond(&self, response: Response) -> bool {
        let sender = match self.reply.lock() {
            Ok(mut slot) => slot.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        sender.is_some_and(|sender| sender.send(response).is_ok())
    }

    /// The identity to offer first: the person at the keyboard (`own_uid`) when they may
    /// authenticate, else polkit's first.
    pub fn default_identity(&self, own_uid: u32) -> Option<&Identity> {
        self.identities
            .iter()
            .find(|identity| identity.uid == own_uid)
            .or_else(|| self.identities.first())
    }
}

/// Why the agent is not serving.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolkitAgentError {
    /// The system bus cannot be reached or serving the agent failed; retried.
    #[error("the system bus could not be reached: {0}")]
    Bus(DbusFailure),
    /// polkitd refused every subject the agent tried (another agent already serves it).
    #[error("polkit did not accept the authentication agent: {0}")]
    Refused(DbusFailure),
}

/// What the agent reports.
#[derive(Debug, Clone, PartialEq)]
pub enum AgentEvent {
    /// Registered with polkitd for this subject.
    Registered(Subject),
    /// polkit asks the person to authenticate (again, after a wrong password).
    Request(AuthRequest),
    /// The request with this cookie was authenticated; the dialog closes.
    Authenticated {
        /// polkit's cookie.
        cookie: String,
    },
    /// polkitd withdrew the request with this cookie (the asking program went away or
    /// stopped waiting); the dialog closes.
    Withdrawn {
        /// polkit's cookie.
        cookie: String,
    },
    /// polkitd is not running; the agent registers when it returns.
    Unavailable,
    /// Serving or registering failed; retried.
    Failed(PolkitAgentError),
}

#[derive(Debug, zbus::DBusError)]
#[zbus(prefix = "org.freedesktop.PolicyKit1.Error")]
enum AgentError {
    #[zbus(error)]
    ZBus(zbus::Error),
    /// Something went wrong (no identity can authenticate, a caller that is not polkitd).
    Failed(String),
    /// The person cancelled (or nobody was there to ask).
    Cancelled(String),
}

/// Whether a call's sender is the current owner of polkitd's bus name.
fn is_polkitd(sender: Option<&str>, owner: Option<&str>) -> bool {
    matches!((sender, owner), (Some(sender), Some(owner)) if sender == owner)
}

/// Refuses a call that does not come from polkitd: any process on the bus could otherwise
/// put up a password dialog that looks like polkit's.
async fn check_caller(
    connection: &zbus::Connection,
    header: &zbus::message::Header<'_>,
) -> Result<(), AgentError> {
    let owner = async {
        let dbus = zbus::fdo::DBusProxy::new(connection).await?;
        let name = zbus::names::BusName::try_from(BUS_NAME).map_err(zbus::Error::from)?;
        dbus.get_name_owner(name).await.map_err(zbus::Error::from)
    };
    let owner = owner.await.ok();
    let sender = header.sender().map(|sender| sender.as_str());
    if is_polkitd(sender, owner.as_ref().map(|owner| owner.as_str())) {
        Ok(())
    } else {
        tracing::warn!(
            ?sender,
            "an authentication agent call not from polkitd was refused"
        );
        Err(AgentError::Failed(
            "only polkitd may call this agent".into(),
        ))
    }
}

/// Requests in progress: cookie → how to stop it.
type Pending = Arc<Mutex<HashMap<String, oneshot::Sender<()>>>>;

struct Agent {
    events: mpsc::UnboundedSender<AgentEvent>,
    pending: Pending,
}

/// Takes a request out of [`Agent::pending`] when its call ends, however it ends.
struct PendingGuard {
    pending: Pending,
    cookie: String,
}

impl Drop for PendingGuard {
    fn drop(&mut self) {
        let mut pending = match self.pending.lock() {
            Ok(pending) => pending,
            Err(poisoned) => poisoned.into_inner(),
        };
        pending.remove(&self.cookie);
    }
}

impl Agent {
    /// Asks the person until the password is right or they cancel.
    async fn converse(&self, mut request: AuthRequest) -> Result<(), AgentError> {
        loop {
            let (reply, answer) = oneshot::channel();
            request.reply = Arc::new(Mutex::new(Some(reply)));
            tracing::info!(?request, "polkit asks to authenticate");
            if self
                .events
                .send(AgentEvent::Request(request.clone()))
                .is_err()
            {
                return Err(AgentError::Cancelled("nobody to ask".into()));
            }
            let (uid, password) = match answer.await {
                Ok(Response::Authenticate { uid, password }) => (uid, password),
                Ok(Response::Cancel) | Err(_) => {
                    tracing::info!(attempt = request.attempt, "authentication cancelled");
                    return Err(AgentError::Cancelled("the person cancelled".into()));
                }
            };
            let outcome = match request.identities.iter().find(|who| who.uid == uid) {
                Some(identity) => {
                    helper::authenticate(&identity.name, &request.cookie, &password).await
                }
                None => Err(HelperError::Io(format!(
                    "uid {uid} is not one of the request's identities"
                ))),
            };
            drop(password);
            request.state = match outcome {
                Ok(HelperOutcome::Authenticated) => {
                    tracing::info!(attempt = request.attempt, uid, "authenticated");
                    let _ = self.events.send(AgentEvent::Authenticated {
                        cookie: request.cookie.clone(),
                    });
                    return Ok(());
                }
                Ok(HelperOutcome::Refused { messages }) => {
                    tracing::info!(attempt = request.attempt, uid, "password refused");
                    AttemptState::WrongPassword { messages }
                }
                Err(error) => {
                    tracing::warn!(%error, "the password could not be checked");
                    AttemptState::Problem(error)
                }
            };
            request.attempt += 1;
        }
    }
}

#[zbus::interface(name = "org.freedesktop.PolicyKit1.AuthenticationAgent")]
impl Agent {
    #[allow(clippy::too_many_arguments)]
    async fn begin_authentication(
        &self,
        #[zbus(connection)] bus: &zbus::Connection,
        #[zbus(header)] header: zbus::message::Header<'_>,
        action_id: String,
        message: String,
        icon_name: String,
        details: HashMap<String, String>,
        cookie: String,
        identities: Vec<(String, HashMap<String, OwnedValue>)>,
    ) -> Result<(), AgentError> {
        check_caller(bus, &header).await?;
        let identities = identity::identities(&identities);
        if identities.is_empty() {
            tracing::warn!(action_id, "no identity polkit offers has an account here");
            return Err(AgentError::Failed("no identity can authenticate".into()));
        }
        let (stop, stopped) = oneshot::channel();
        {
            let mut pending = match self.pending.lock() {
                Ok(pending) => pending,
                Err(poisoned) => poisoned.into_inner(),
            };
            if pending.contains_key(&cookie) {
                return Err(AgentError::Failed("this request is already open".into()));
            }
            pending.insert(cookie.clone(), stop);
        }
        let _guard = PendingGuard {
            pending: self.pending.clone(),
            cookie: cookie.clone(),
        };
        let request = AuthRequest {
            program: identity::program(&details, std::path::Path::new("/proc")),
            cookie: cookie.clone(),
            attempt: 1,
            action_id,
            message,
            icon_name,
            identities,
            state: AttemptState::First,
            reply: Arc::new(Mutex::new(None)),
        };
        tokio::select! {
            result = self.converse(request) => result,
            _ = stopped => {
                // Dropping `converse` kills a helper still checking a password.
                tracing::info!("polkit withdrew the request");
                let _ = self.events.send(AgentEvent::Withdrawn { cookie });
                Err(AgentError::Cancelled("withdrawn by polkit".into()))
            }
        }
    }

    async fn cancel_authentication(
        &self,
        #[zbus(connection)] bus: &zbus::Connection,
        #[zbus(header)] header: zbus::message::Header<'_>,
        cookie: String,
    ) -> Result<(), AgentError> {
        check_caller(bus, &header).await?;
        let stop = match self.pending.lock() {
            Ok(mut pending) => pending.remove(&cookie),
            Err(poisoned) => poisoned.into_inner().remove(&cookie),
        };
        if let Some(stop) = stop {
            let _ = stop.send(());
        }
        Ok(())
    }
}

/// Registers for the first subject polkitd accepts.
async fn register(
    connection: &zbus::Connection,
    options: &AgentOptions,
) -> Result<Subject, DbusFailure> {
    let authority = AuthorityProxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?;
    let mut last = DbusFailure::new(
        crate::error::FailureKind::InvalidArgument,
        "no subject to register for",
    );
    for subject in &options.subjects {
        let (kind, details) = subject.to_polkit();
        let details: HashMap<&str, &Value<'_>> =
            details.iter().map(|(key, value)| (*key, value)).collect();
        match authority
            .register_authentication_agent(&(kind, details), &options.locale, AGENT_PATH)
            .await
        {
            Ok(()) => return Ok(subject.clone()),
            Err(error) => {
                let failure = DbusFailure::from(error);
                if failure.is_absence() {
                    return Err(failure);
                }
                tracing::info!(?subject, %failure, "polkit refused the agent for this subject");
                last = failure;
            }
        }
    }
    Err(last)
}

fn registered(result: Result<Subject, DbusFailure>) -> AgentEvent {
    match result {
        Ok(subject) => AgentEvent::Registered(subject),
        Err(failure) if failure.is_absence() => AgentEvent::Unavailable,
        Err(failure) => AgentEvent::Failed(PolkitAgentError::Refused(failure)),
    }
}

/// Runs the agent while the stream is polled: registration, polkit's requests, polkitd's
/// coming and going. Dropping the stream closes the agent's connection, which polkitd
/// takes as the agent gone (requests in progress are cancelled).
pub fn run_agent(bus: SystemBus, options: AgentOptions) -> impl Stream<Item = AgentEvent> + Send {
    async_stream::stream! {
        loop {
            let (events, mut requests) = mpsc::unbounded_channel();
            let agent = Agent { events, pending: Pending::default() };
            let built = async {
                zbus::connection::Builder::address(bus.address())?
                    .serve_at(AGENT_PATH, agent)?
                    .build()
                    .await
            };
            let connection = match built.await {
                Ok(connection) => connection,
                Err(error) => {
                    yield AgentEvent::Failed(PolkitAgentError::Bus(DbusFailure::from(error)));
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
                    yield AgentEvent::Failed(PolkitAgentError::Bus(DbusFailure::from(error)));
                    tokio::time::sleep(RETRY_DELAY).await;
                    continue;
                }
            };
            yield registered(register(&connection, &options).await);
            loop {
                tokio::select! {
                    request = requests.recv() => match request {
                        Some(event) => yield event,
                        None => break,
                    },
                    change = owners.next() => {
                        let Some(change) = change else { break };
                        let returned = change.args().is_ok_and(|args| args.new_owner().is_some());
                        yield if returned {
                            registered(register(&connection, &options).await)
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
    fn only_the_owner_of_polkitd_s_name_is_answered() {
        assert!(is_polkitd(Some(":1.7"), Some(":1.7")));
        assert!(!is_polkitd(Some(":1.42"), Some(":1.7")));
        assert!(!is_polkitd(Some(":1.42"), None));
        assert!(!is_polkitd(None, Some(":1.7")));
    }

    #[test]
    fn the_locale_follows_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| (*value).to_owned())
            }
        };
        assert_eq!(messages_locale(env(&[])), "C");
        assert_eq!(
            messages_locale(env(&[("LANG", "fr_FR.UTF-8")])),
            "fr_FR.UTF-8"
        );
        assert_eq!(
            messages_locale(env(&[
                ("LANG", "fr_FR.UTF-8"),
                ("LC_MESSAGES", "de_DE.UTF-8")
            ])),
            "de_DE.UTF-8"
        );
        assert_eq!(
            messages_locale(env(&[("LC_ALL", "ar_EG.UTF-8"), ("LC_MESSAGES", "")])),
            "ar_EG.UTF-8"
        );
    }

    #[test]
    fn a_request_is_answered_once_and_its_debug_shows_no_secret() {
        let (reply, mut answer) = oneshot::channel();
        let mut request = AuthRequest::detached(
            "c1",
            "org.ferrum.test",
            "Authentication is required",
            None,
            Vec::new(),
            AttemptState::First,
        );
        request.reply = Arc::new(Mutex::new(Some(reply)));
        let response = Response::Authenticate {
            uid: 1,
            password: Secret::new("hunter2".into()),
        };
        assert!(!format!("{response:?} {request:?}").contains("hunter2"));
        assert!(request.respond(response));
        assert!(!request.respond(Response::Cancel), "answered once");
        assert!(matches!(
            answer.try_recv(),
            Ok(Response::Authenticate { uid: 1, .. })
        ));
    }

    #[test]
    fn the_person_at_the_keyboard_is_offered_first() {
        let person = |uid, name: &str| Identity {
            uid,
            name: name.into(),
            display_name: name.into(),
        };
        let request = AuthRequest::detached(
            "c",
            "a",
            "m",
            None,
            vec![person(1, "root"), person(1000, "ada")],
            AttemptState::First,
        );
        assert_eq!(request.default_identity(1000).map(|p| p.uid), Some(1000));
        assert_eq!(request.default_identity(5).map(|p| p.uid), Some(1));
    }
}
