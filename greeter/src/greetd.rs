//! A greetd session: create it for a user, answer PAM's prompts round by
//! round, and start the user's session only after greetd says `success`.

use std::path::Path;
use std::time::Duration;

use greetd_ipc::{AuthMessageType, ErrorType, Request, Response};
use tokio::net::UnixStream;

use crate::secret::Secret;
use crate::wire::{self, WireError};

/// How long greetd (and PAM behind it) may take to answer one message.
/// PAM delays after a wrong password, fingerprint readers wait for a finger.
pub const REPLY_TIMEOUT: Duration = Duration::from_secs(120);

/// What PAM asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// Typed text must not be shown (password, PIN).
    Secret,
    /// Typed text may be shown (user name, one-time code on some setups).
    Visible,
}

/// A question from PAM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// Hidden or visible answer.
    pub kind: PromptKind,
    /// PAM's own text ("Password: ", "Verification code: ").
    pub text: String,
}

/// How serious a PAM message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Information ("Your password expires in 3 days").
    Info,
    /// A problem ("Account locked").
    Error,
}

/// A message from PAM that needs no answer but must be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Information or problem.
    pub kind: NoticeKind,
    /// PAM's text.
    pub text: String,
}

/// What the login screen shows next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Ask the user something.
    Prompt(Prompt),
    /// Show a message; call [`Greetd::acknowledge`] to continue.
    Notice(Notice),
    /// greetd accepted the authentication: the session may start.
    Authenticated,
}

/// Why logging in did not go on. Every variant leads back to a prompt.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoginError {
    /// Wrong password or code (PAM said no).
    #[error("authentication failed: {0}")]
    AuthFailed(String),
    /// greetd reported an error.
    #[error("greetd error: {0}")]
    Greetd(String),
    /// greetd cannot be reached or the connection broke.
    #[error("{0}")]
    Connection(WireError),
    /// greetd did not answer in time.
    #[error("greetd did not answer within {0:?}")]
    Timeout(Duration),
    /// An answer arrived that does not fit the conversation.
    #[error("unexpected reply from greetd: {0}")]
    Unexpected(String),
    /// IMPORTANT: starting a session was asked for before greetd said `success`.
    #[error("not authenticated")]
    NotAuthenticated,
    /// The answer is longer than PAM takes ([`MAX_ANSWER_BYTES`]); it was not sent
    /// and the question is still open.
    #[error("the answer is too long ({bytes} bytes, at most {MAX_ANSWER_BYTES})")]
    AnswerTooLong {
        /// The answer's length in bytes.
        bytes: usize,
    },
}

/// The longest answer sent to greetd, in bytes (PAM's `PAM_MAX_RESP_SIZE`; the
/// answer field refuses longer input too).
pub use crate::conversation::MAX_ANSWER_BYTES;

impl From<WireError> for LoginError {
    fn from(error: WireError) -> Self {
        LoginError::Connection(error)
    }
}

/// What goes to greetd: a request without a secret, or an answer to a prompt.
enum Outgoing<'a> {
    Plain(&'a Request),
    Answer(Option<&'a Secret>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Idle,
    Conversing,
    Authenticated,
    /// greetd answered with an error: it may still hold the session, which must be
    /// cancelled before another can be created (greetd refuses with "a session is
    /// already being configured" otherwise; seen with greetd 0.10 in the image).
    Failed,
    Started,
    /// A request went unanswered in time, or the connection failed: a reply may
    /// still arrive and would be read as the answer to the next request (a late
    /// `success` taken for an authentication). Nothing more is sent or read here;
    /// the connection must be dropped.
    OutOfStep,
}

/// A connection to greetd and the conversation on it.
#[derive(Debug)]
pub struct Greetd {
    stream: UnixStream,
    state: State,
    timeout: Duration,
}

impl Greetd {
    /// Connects to greetd at `$GREETD_SOCK`.
    pub async fn connect_env() -> Result<Self, LoginError> {
        let path = std::env::var_os("GREETD_SOCK").ok_or_else(|| {
            LoginError::Connection(WireError::Io("GREETD_SOCK is not set".into()))
        })?;
        Self::connect(Path::new(&path)).await
    }

    /// Connects to greetd's socket.
    pub async fn connect(path: &Path) -> Result<Self, LoginError> {
        let stream = UnixStream::connect(path).await.map_err(|e| {
            LoginError::Connection(WireError::Io(format!("{}: {e}", path.display())))
        })?;
        Ok(Self {
            stream,
            state: State::Idle,
            timeout: REPLY_TIMEOUT,
        })
    }

    /// Uses a shorter reply deadline (tests).
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Whether a conversation is open (a session was created and not yet
    /// cancelled or started), or greetd may still hold a failed one.
    pub fn in_conversation(&self) -> bool {
        matches!(
            self.state,
            State::Conversing | State::Authenticated | State::Failed
        )
    }

    /// Whether greetd has accepted the authentication.
    pub fn is_authenticated(&self) -> bool {
        self.state == State::Authenticated
    }

    /// Whether the connection is out of step (a reply went missing or the
    /// connection failed) and must be dropped.
    pub fn is_out_of_step(&self) -> bool {
        self.state == State::OutOfStep
    }

    /// Sends a request (plain, or an answer that may hold a secret) and reads
    /// the reply, within the reply deadline.
    ///
    /// IMPORTANT: each request has exactly one reply, read right after it. When
    /// that fails (timeout, broken or garbled connection) the connection is out
    /// of step for good: a reply read later could belong to an earlier request.
    async fn exchange(&mut self, outgoing: Outgoing<'_>) -> Result<Response, LoginError> {
        if self.state == State::OutOfStep {
            return Err(LoginError::Unexpected(
                "the connection is out of step after a failed request".into(),
            ));
        }
        let timeout = self.timeout;
        let stream = &mut self.stream;
        let result = tokio::time::timeout(timeout, async {
            match outgoing {
                Outgoing::Plain(request) => wire::send(stream, request).await?,
                Outgoing::Answer(answer) => wire::send_answer(stream, answer).await?,
            }
            Ok(wire::receive(stream).await?)
        })
        .await
        .map_err(|_| LoginError::Timeout(timeout))
        .and_then(|result| result);
        if result.is_err() {
            self.state = State::OutOfStep;
        }
        result
    }

    async fn exchange_plain(&mut self, request: &Request) -> Result<Response, LoginError> {
        self.exchange(Outgoing::Plain(request)).await
    }

    async fn exchange_answer(&mut self, answer: Option<&Secret>) -> Result<Response, LoginError> {
        self.exchange(Outgoing::Answer(answer)).await
    }

    /// Turns a reply into the next step, tracking whether greetd said success.
    fn step(&mut self, response: Response) -> Result<Step, LoginError> {
        match response {
            Response::Success => {
                // IMPORTANT: the only way into the Authenticated state.
                self.state = State::Authenticated;
                Ok(Step::Authenticated)
            }
            Response::AuthMessage {
                auth_message_type,
                auth_message,
            } => {
                self.state = State::Conversing;
                Ok(match auth_message_type {
                    AuthMessageType::Secret => Step::Prompt(Prompt {
                        kind: PromptKind::Secret,
                        text: auth_message,
                    }),
                    AuthMessageType::Visible => Step::Prompt(Prompt {
                        kind: PromptKind::Visible,
                        text: auth_message,
                    }),
                    AuthMessageType::Info => Step::Notice(Notice {
                        kind: NoticeKind::Info,
                        text: auth_message,
                    }),
                    AuthMessageType::Error => Step::Notice(Notice {
                        kind: NoticeKind::Error,
                        text: auth_message,
                    }),
                })
            }
            Response::Error {
                error_type,
                description,
            } => {
                self.state = State::Failed;
                Err(match error_type {
                    ErrorType::AuthError => LoginError::AuthFailed(description),
                    ErrorType::Error => LoginError::Greetd(description),
                })
            }
        }
    }

    /// Starts authenticating `username`.
    pub async fn create_session(&mut self, username: &str) -> Result<Step, LoginError> {
        // Debug only: people type passwords into the user-name field by mistake.
        tracing::debug!(user = username, "creating greetd session");
        if self.state == State::OutOfStep {
            return Err(LoginError::Unexpected(
                "the connection is out of step after a failed request".into(),
            ));
        }
        if self.in_conversation() {
            // greetd would refuse; the open conversation must be cancelled first.
            return Err(LoginError::Unexpected(
                "a conversation is open; cancel it first".into(),
            ));
        }
        let response = self
            .exchange_plain(&Request::CreateSession {
                username: username.to_owned(),
            })
            .await?;
        self.step(response)
    }

    /// Answers a prompt. The answer's characters are never logged.
    pub async fn answer(&mut self, answer: &Secret) -> Result<Step, LoginError> {
        if self.state != State::Conversing {
            return Err(LoginError::Unexpected("no question is open".into()));
        }
        let bytes = answer.expose().len();
        if bytes > MAX_ANSWER_BYTES {
            // Not sent: PAM would refuse it, and the question stays open.
            return Err(LoginError::AnswerTooLong { bytes });
        }
        tracing::debug!(chars = answer.char_count(), "answering prompt");
        let response = self.exchange_answer(Some(answer)).await?;
        self.step(response)
    }

    /// Continues after a notice (PAM expects an empty reply).
    pub async fn acknowledge(&mut self) -> Result<Step, LoginError> {
        if self.state != State::Conversing {
            return Err(LoginError::Unexpected("no message is open".into()));
        }
        let response = self.exchange_answer(None).await?;
        self.step(response)
    }

    /// Ends the conversation (after an error, or when the user goes back).
    ///
    /// IMPORTANT: when this fails (no reply in time, an error, anything but
    /// `success`) the connection is out of step and must be dropped: greetd may
    /// still hold the conversation, and its late reply must not be read as the
    /// answer to the next request.
    pub async fn cancel(&mut self) -> Result<(), LoginError> {
        let result = match self.exchange_plain(&Request::CancelSession).await? {
            Response::Success => Ok(()),
            Response::Error { description, .. } => Err(LoginError::Greetd(description)),
            Response::AuthMessage { .. } => {
                Err(LoginError::Unexpected("a question after cancelling".into()))
            }
        };
        self.state = if result.is_ok() {
            State::Idle
        } else {
            State::OutOfStep
        };
        result
    }

    /// Starts the user's session with `command` and `environment`
    /// (`LANG=…`, `XKB_DEFAULT_LAYOUT=…`).
    ///
    /// IMPORTANT: refuses unless greetd answered the authentication with
    /// `success` on this connection.
    pub async fn start_session(
        &mut self,
        command: Vec<String>,
        environment: Vec<String>,
    ) -> Result<(), LoginError> {
        if self.state != State::Authenticated {
            return Err(LoginError::NotAuthenticated);
        }
        let response = self
            .exchange_plain(&Request::StartSession {
                cmd: command,
                env: environment,
            })
            .await?;
        match response {
            Response::Success => {
                self.state = State::Started;
                tracing::info!("session started");
                Ok(())
            }
            Response::Error { description, .. } => {
                // greetd keeps the session after a failed start (0.10): it must be
                // cancelled before another can be created.
                self.state = State::Failed;
                Err(LoginError::Greetd(description))
            }
            Response::AuthMessage { .. } => {
                self.state = State::OutOfStep;
                Err(LoginError::Unexpected("a question after starting".into()))
            }
        }
    }
}
