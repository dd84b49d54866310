//! A fake greetd for tests: it speaks greetd's real IPC (length-prefixed JSON
//! with the `greetd_ipc` message types) over a Unix socket and runs a scripted
//! PAM conversation per user, with faults on demand.

// A fixture: a broken invariant here should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::cast_possible_truncation)]

use std::fs;
use std::io;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use greetd_ipc::{AuthMessageType, ErrorType, Request, Response};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{UnixListener, UnixStream};

/// One round of a scripted PAM conversation.
#[derive(Debug, Clone)]
pub enum Round {
    /// A hidden prompt and the answer that passes.
    Secret(&'static str, &'static str),
    /// A visible prompt and the answer that passes.
    Visible(&'static str, &'static str),
    /// An information message.
    Info(&'static str),
    /// An error message.
    Error(&'static str),
}

/// A misbehaviour of the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Behave.
    None,
    /// Close the connection when this request (1-based) arrives.
    DisconnectAt(usize),
    /// Answer this request with bytes that are not JSON.
    MalformedAt(usize),
    /// Answer this request with a length header of 4 GiB.
    OversizedAt(usize),
    /// Never answer this request.
    SilentAt(usize),
    /// Answer every `cancel_session` only after this long, then with `success`: a
    /// client that gave up waiting reads that stale `success` as the reply to
    /// whatever it sent next.
    LateCancel(std::time::Duration),
    /// Refuse every `start_session` with an error (the session's command cannot
    /// run), keeping the session configured, as greetd 0.10 does: another
    /// `create_session` is refused until it is cancelled.
    RefuseStart,
}

/// What the server saw.
#[derive(Debug, Default, Clone)]
pub struct Record {
    /// Every request, as JSON text.
    pub requests: Vec<String>,
    /// The command and environment of a started session.
    pub started: Option<(Vec<String>, Vec<String>)>,
}

/// The fake greetd.
#[derive(Debug)]
pub struct FakeGreetd {
    dir: tempfile::TempDir,
    path: PathBuf,
    record: Arc<Mutex<Record>>,
}

impl FakeGreetd {
    /// Serves `accounts` (user → rounds) with `fault`.
    pub async fn start(accounts: Vec<(&'static str, Vec<Round>)>, fault: Fault) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("greetd.sock");
        let listener = UnixListener::bind(&path).unwrap();
        let record = Arc::new(Mutex::new(Record::default()));
        let shared = record.clone();
        tokio::spawn(async move {
            let count = Arc::new(AtomicUsize::new(0));
            while let Ok((stream, _)) = listener.accept().await {
                let accounts = accounts.clone();
                let record = shared.clone();
                tokio::spawn(serve(stream, accounts, fault, record, count.clone()));
            }
        });
        Self { dir, path, record }
    }

    /// The socket path (what `GREETD_SOCK` would hold).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Lets every user connect, as real greetd's socket lets its greeter user: the socket's
    /// folder becomes searchable and the socket writable by all. For a greeter that runs as
    /// another user than the server, such as uid 65534 under headless sway.
    pub fn open_to_all_users(&self) -> io::Result<()> {
        fs::set_permissions(self.dir.path(), fs::Permissions::from_mode(0o755))?;
        fs::set_permissions(&self.path, fs::Permissions::from_mode(0o666))
    }

    /// What the server saw so far.
    pub fn record(&self) -> Record {
        self.record.lock().unwrap().clone()
    }
}

async fn read_request(stream: &mut UnixStream) -> Option<(Request, String)> {
    let mut length = [0u8; 4];
    stream.read_exact(&mut length).await.ok()?;
    let mut body = vec![0u8; u32::from_ne_bytes(length) as usize];
    stream.read_exact(&mut body).await.ok()?;
    let text = String::from_utf8_lossy(&body).into_owned();
    Some((serde_json::from_slice(&body).ok()?, text))
}

async fn write_raw(stream: &mut UnixStream, length: u32, body: &[u8]) {
    let _ = stream.write_all(&length.to_ne_bytes()).await;
    let _ = stream.write_all(body).await;
}

async fn write(stream: &mut UnixStream, response: &Response) {
    let body = serde_json::to_vec(response).unwrap();
    write_raw(stream, body.len() as u32, &body).await;
}

fn message(round: &Round) -> Response {
    let (kind, text) = match round {
        Round::Secret(text, _) => (AuthMessageType::Secret, *text),
        Round::Visible(text, _) => (AuthMessageType::Visible, *text),
        Round::Info(text) => (AuthMessageType::Info, *text),
        Round::Error(text) => (AuthMessageType::Error, *text),
    };
    Response::AuthMessage {
        auth_message_type: kind,
        auth_message: text.to_owned(),
    }
}

async fn serve(
    mut stream: UnixStream,
    accounts: Vec<(&'static str, Vec<Round>)>,
    fault: Fault,
    record: Arc<Mutex<Record>>,
    count: Arc<AtomicUsize>,
) {
    // The conversation in progress: the rounds left and whether all passed.
    let mut rounds: Vec<Round> = Vec::new();
    let mut current: Option<Round> = None;
    let mut passed = true;
    let mut authenticated = false;
    // As greetd 0.10: a session stays configured after an authentication error, until
    // it is cancelled or started; creating another meanwhile is refused.
    let mut configuring = false;
    loop {
        let Some((request, text)) = read_request(&mut stream).await else {
            return;
        };
        let count = count.fetch_add(1, Ordering::SeqCst) + 1;
        record.lock().unwrap().requests.push(text);
        match fault {
            Fault::DisconnectAt(n) if n == count => return,
            Fault::MalformedAt(n) if n == count => {
                write_raw(&mut stream, 9, b"not json!").await;
                continue;
            }
            Fault::OversizedAt(n) if n == count => {
                write_raw(&mut stream, u32::MAX, b"{").await;
                continue;
            }
            Fault::SilentAt(n) if n == count => {
                tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
                return;
            }
            _ => {}
        }
        let response = match request {
            Request::CreateSession { .. } if configuring => Response::Error {
                error_type: ErrorType::Error,
                description: "a session is already being configured".into(),
            },
            Request::CreateSession { username } => {
                configuring = true;
                authenticated = false;
                passed = true;
                rounds = match accounts.iter().find(|(user, _)| *user == username) {
                    Some((_, rounds)) => rounds.clone(),
                    // Unknown users are asked for a password, as PAM does, and fail.
                    None => {
                        passed = false;
                        vec![Round::Secret("Password: ", "")]
                    }
                };
                rounds.reverse();
                current = rounds.pop();
                match &current {
                    Some(round) => message(round),
                    None => {
                        authenticated = true;
                        Response::Success
                    }
                }
            }
            Request::PostAuthMessageResponse { response } => {
                let ok = match (&current, &response) {
                    (
                        Some(Round::Secret(_, expected) | Round::Visible(_, expected)),
                        Some(given),
                    ) => given == expected,
                    (Some(Round::Info(_) | Round::Error(_)), None) => true,
                    _ => false,
                };
                passed &= ok;
                if !passed {
                    rounds.clear();
                    current = None;
                    Response::Error {
                        error_type: ErrorType::AuthError,
                        description: "pam_authenticate: AUTH_ERR".into(),
                    }
                } else {
                    current = rounds.pop();
                    match &current {
                        Some(round) => message(round),
                        None => {
                            authenticated = true;
                            Response::Success
                        }
                    }
                }
            }
            Request::StartSession { .. } if fault == Fault::RefuseStart => Response::Error {
                error_type: ErrorType::Error,
                description: "the session could not be started".into(),
            },
            Request::StartSession { cmd, env } => {
                if authenticated {
                    record.lock().unwrap().started = Some((cmd, env));
                    configuring = false;
                    Response::Success
                } else {
                    Response::Error {
                        error_type: ErrorType::Error,
                        description: "session not authenticated".into(),
                    }
                }
            }
            Request::CancelSession => {
                if let Fault::LateCancel(delay) = fault {
                    tokio::time::sleep(delay).await;
                }
                configuring = false;
                rounds.clear();
                current = None;
                authenticated = false;
                Response::Success
            }
        };
        write(&mut stream, &response).await;
    }
}
