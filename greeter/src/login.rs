//! The login conversation as the screen sees it: which step is shown, and the
//! greetd operations behind each step, run as tasks on one shared connection.
//!
//! IMPORTANT: every failure leads back to a prompt. A broken connection is
//! dropped and the next operation connects again, so a restarted greetd gives
//! a clean prompt; nothing here can start a session without greetd's
//! `success` (that gate lives in [`Greetd::start_session`]).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Mutex;

use crate::greetd::{Greetd, LoginError, Notice, Prompt, Step};
use crate::secret::Secret;

/// How long to wait before connecting again after greetd went away.
pub const RECONNECT_DELAY: Duration = Duration::from_millis(500);

/// Where greetd listens and the connection to it, shared by the tasks.
#[derive(Debug, Clone)]
pub struct Link {
    socket: Option<PathBuf>,
    connection: Arc<Mutex<Option<Greetd>>>,
    timeout: Option<Duration>,
}

impl Link {
    /// greetd at `socket` (`None`: `$GREETD_SOCK` is not set, every attempt
    /// reports that).
    pub fn new(socket: Option<PathBuf>) -> Self {
        Self {
            socket,
            connection: Arc::new(Mutex::new(None)),
            timeout: None,
        }
    }

    /// greetd at `$GREETD_SOCK`.
    pub fn from_env() -> Self {
        Self::new(std::env::var_os("GREETD_SOCK").map(PathBuf::from))
    }

    /// A shorter reply deadline (tests).
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Runs `operation` on the connection, connecting first when there is
    /// none. A connection that broke is dropped so the next call reconnects.
    async fn with_connection<T, F>(&self, operation: F) -> Result<T, LoginError>
    where
        F: AsyncFnOnce(&mut Greetd) -> Result<T, LoginError>,
    {
        let mut slot = self.connection.lock().await;
        self.run(&mut slot, operation).await
    }

    /// [`Link::with_connection`] on a connection slot already locked.
    async fn run<T, F>(&self, slot: &mut Option<Greetd>, operation: F) -> Result<T, LoginError>
    where
        F: AsyncFnOnce(&mut Greetd) -> Result<T, LoginError>,
    {
        if slot.as_ref().is_some_and(Greetd::is_out_of_step) {
            // A reply went missing on it: a later one could be read out of turn.
            *slot = None;
        }
        if slot.is_none() {
            let socket = self.socket.as_deref().ok_or_else(|| {
                LoginError::Connection(crate::wire::WireError::Io("GREETD_SOCK is not set".into()))
            })?;
            let mut greetd = Greetd::connect(socket).await?;
            if let Some(timeout) = self.timeout {
                greetd = greetd.with_timeout(timeout);
            }
            *slot = Some(greetd);
        }
        let Some(greetd) = slot.as_mut() else {
            return Err(LoginError::Unexpected("no connection".into()));
        };
        let result = operation(greetd).await;
        if let Err(error) = &result
            && (error.breaks_connection() || greetd.is_out_of_step())
        {
            tracing::warn!(%error, "dropping the greetd connection");
            *slot = None;
        }
        result
    }

    /// Starts (or restarts) the conversation for `user`, cancelling one in
    /// progress first.
    ///
    /// IMPORTANT: when the cancel fails or times out, the connection is
    /// dropped and the conversation starts on a fresh one: greetd's late reply
    /// to the cancel (`success`) must never be read as the reply to
    /// `create_session`, which would be an authentication nobody gave.
    pub async fn begin(self, user: String) -> Result<Step, LoginError> {
        let mut slot = self.connection.lock().await;
        if let Some(greetd) = slot.as_mut()
            && greetd.in_conversation()
            && let Err(error) = greetd.cancel().await
        {
            tracing::warn!(%error, "cancelling failed; dropping the greetd connection");
            *slot = None;
        }
        self.run(&mut slot, async |greetd| greetd.create_session(&user).await)
            .await
    }

    /// Like [`Link::begin`], after a pause (used after the connection broke).
    pub async fn begin_after_pause(self, user: String) -> Result<Step, LoginError> {
        tokio::time::sleep(RECONNECT_DELAY).await;
        self.begin(user).await
    }

    /// Answers the open prompt.
    pub async fn answer(self, answer: Secret) -> Result<Step, LoginError> {
        self.with_connection(async |greetd| greetd.answer(&answer).await)
            .await
    }

    /// Continues after an information or error message.
    pub async fn acknowledge(self) -> Result<Step, LoginError> {
        self.with_connection(async |greetd| greetd.acknowledge().await)
            .await
    }

    /// Ends the conversation (the user went back to the list).
    pub async fn cancel(self) -> Result<(), LoginError> {
        let mut slot = self.connection.lock().await;
        if let Some(greetd) = slot.as_mut()
            && greetd.in_conversation()
            && greetd.cancel().await.is_err()
        {
            *slot = None;
        }
        Ok(())
    }

    /// Starts the session; greetd must have said `success` on this connection.
    pub async fn start(
        self,
        command: Vec<String>,
        environment: Vec<String>,
    ) -> Result<(), LoginError> {
        self.with_connection(async |greetd| greetd.start_session(command, environment).await)
            .await
    }
}

/// What the login card shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    /// The list of people (or the user-name field when the list is hidden).
    ChooseUser,
    /// "Other user…": a field for the user name.
    EnterUserName,
    /// Waiting for greetd (after choosing a user or answering).
    Waiting,
    /// PAM asks something.
    Prompt(Prompt),
    /// PAM says something; Continue acknowledges it.
    Notice(Notice),
    /// greetd said success; the session is being started.
    Starting,
    /// The session started; the greeter is about to exit.
    Started,
}

/// A problem shown above the prompt, in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The answer was wrong (PAM said no); a new prompt follows.
    WrongAnswer,
    /// The connection to greetd broke or timed out; reconnecting.
    ServiceLost,
    /// greetd cannot be reached at all; trying again.
    ServiceUnreachable,
    /// greetd reported an error.
    Service(String),
    /// Starting the session failed.
    SessionFailed(String),
}

impl Problem {
    /// The problem a login error shows.
    pub fn from_error(error: &LoginError) -> Self {
        match error {
            LoginError::AuthFailed(_) => Problem::WrongAnswer,
            LoginError::Connection(crate::wire::WireError::Io(_)) => Problem::ServiceUnreachable,
            LoginError::Connection(_) | LoginError::Timeout(_) | LoginError::Unexpected(_) => {
                Problem::ServiceLost
            }
            LoginError::Greetd(reason) => Problem::Service(reason.clone()),
            LoginError::NotAuthenticated | LoginError::AnswerTooLong { .. } => {
                Problem::Service(error.to_string())
            }
        }
    }
}

impl LoginError {
    /// Whether the connection can no longer be trusted (it is dropped and the
    /// conversation starts again on a new one).
    pub fn breaks_connection(&self) -> bool {
        matches!(
            self,
            LoginError::Connection(_) | LoginError::Timeout(_) | LoginError::Unexpected(_)
        )
    }
}
