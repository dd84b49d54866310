//! Self-voicing through speech-dispatcher.
//!
//! [`Speaker`] is one SSIP connection to speech-dispatcher (`ssip-client-async` on tokio's
//! `UnixStream`). Every request is bounded by a 2 s timeout, so a speech-dispatcher that hangs or
//! dies never blocks the caller; after a lost connection the `Speaker` keeps answering
//! [`SpeechError::Unavailable`] until a new one is made with [`Speaker::connect`].
//!
//! The UI does not hold a `Speaker` itself: [`spawn_speaker`] starts a task that owns one and
//! returns a [`SpeechHandle`] whose [`SpeechHandle::say`] is a non-blocking send, callable from
//! `update`. The task connects lazily, reconnects after errors and, when utterances pile up
//! (while connecting, say), speaks only the latest one: a focus change supersedes the previous.
//!
//! Secret fields are voiced by their length only, see [`secret_field_utterance`].

use std::env;
use std::ffi::OsString;
use std::fmt;
use std::future::Future;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ssip_client_async::fifo::asynchronous_tokio::{Builder, OwnedReadHalf, OwnedWriteHalf};
use ssip_client_async::tokio::AsyncClient;
use ssip_client_async::{
    ClientError, ClientName, ClientScope, MessageScope, OK_CANCELED, OK_CLIENT_NAME_SET,
    OK_LANGUAGE_SET, OK_RECEIVING_DATA,
};
use tokio::io::{BufReader, BufWriter};

mod handle;

pub use handle::{SpeechHandle, SpeechStatus, spawn_speaker, spawn_speaker_at};

/// How long one request to speech-dispatcher (connecting included) may take.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(2);

/// Folder under `$XDG_RUNTIME_DIR` where speech-dispatcher puts its socket.
const SPEECHD_DIR: &str = "speech-dispatcher";
/// File name of speech-dispatcher's socket.
const SPEECHD_SOCKET: &str = "speechd.sock";

type Client = AsyncClient<BufReader<OwnedReadHalf>, BufWriter<OwnedWriteHalf>>;

/// Why speech output failed. `Clone` so it can travel in UI messages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpeechError {
    /// speech-dispatcher is not running, not reachable, or the connection to it was lost.
    #[error("speech-dispatcher is unavailable at {}: {reason}", socket.display())]
    Unavailable {
        /// The socket that was (or would have been) used.
        socket: PathBuf,
        /// Technical detail, in English (for "Details", not for the headline).
        reason: String,
    },
    /// speech-dispatcher did not answer within [`CALL_TIMEOUT`]; the connection is dropped.
    #[error("speech-dispatcher did not answer within {} s", CALL_TIMEOUT.as_secs())]
    Timeout,
    /// speech-dispatcher refused a request or answered something unexpected.
    #[error("speech-dispatcher protocol error: {0}")]
    Protocol(String),
}

/// A connection to speech-dispatcher.
///
/// Speaking interrupts whatever this client said before. All calls time out after
/// [`CALL_TIMEOUT`]. After an I/O error or a timeout the connection is closed and every later
/// call returns [`SpeechError::Unavailable`]; make a new `Speaker` to reconnect.
pub struct Speaker {
    socket: PathBuf,
    /// `None` once the connection is lost.
    client: Option<Client>,
    /// Why the connection was lost (for the errors that follow).
    lost: Option<String>,
}

impl fmt::Debug for Speaker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Speaker")
            .field("socket", &self.socket)
            .field("connected", &self.client.is_some())
            .field("lost", &self.lost)
            .finish()
    }
}

impl Speaker {
    /// Connects to speech-dispatcher: $SPEECHD_ADDRESS (unix_socket:/path form) or
    /// $XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock. Never hangs: 2 s timeout. A missing
    /// speechd is SpeechError::Unavailable with a clear reason (callers show it translated).
    ///
    /// `client_name` identifies the application to speech-dispatcher (e.g. `ferrum-settings`).
    pub async fn connect(client_name: &str) -> Result<Speaker, SpeechError> {
        let socket = default_socket()?;
        Speaker::connect_to(&socket, client_name).await
    }

    /// Connects to speech-dispatcher listening on the Unix socket `socket` (2 s timeout).
    pub async fn connect_to(socket: &Path, client_name: &str) -> Result<Speaker, SpeechError> {
        let name = ClientName::with_component(
            &ssip_token(&env::var("USER").unwrap_or_default(), "user"),
            &ssip_token(client_name, "ferrum"),
            "main",
        );
        let attempt = async {
            let mut client = Builder::default()
                .path(socket)
                .build()
                .await
                .map_err(|error| unavailable(socket, connect_reason(&error)))?;
            client
                .set_client_name(name)
                .await
                .map_err(|error| classify(socket, error).0)?;
            client
                .check_status(OK_CLIENT_NAME_SET)
                .await
                .map_err(|error| classify(socket, error).0)?;
            Ok(client)
        };
        match tokio::time::timeout(CALL_TIMEOUT, attempt).await {
            Ok(Ok(client)) => {
                tracing::debug!(socket = %socket.display(), "connected to speech-dispatcher");
                Ok(Speaker {
                    socket: socket.to_path_buf(),
                    client: Some(client),
                    lost: None,
                })
            }
            Ok(Err(error)) => {
                tracing::debug!(%error, "cannot connect to speech-dispatcher");
                Err(error)
            }
            Err(_elapsed) => {
                tracing::debug!(socket = %socket.display(), "speech-dispatcher did not answer");
                Err(SpeechError::Timeout)
            }
        }
    }

    /// The socket this speaker is (or was) connected to.
    pub fn socket(&self) -> &Path {
        &self.socket
    }

    /// Whether the connection is still up as far as we know (it is found dead on the next call
    /// after speech-dispatcher went away).
    pub fn is_connected(&self) -> bool {
        self.client.is_some()
    }

    /// Speaks `text`, interrupting what is being said (focus changes supersede each other).
    ///
    /// Line breaks become spaces; empty text only interrupts. Returns once speech-dispatcher
    /// has queued the message, not when it has been spoken.
    pub async fn speak(&mut self, text: &str) -> Result<(), SpeechError> {
        let line = ssip_text_line(text);
        self.request(async move |client: &mut Client| {
            client.cancel(MessageScope::Last).await?;
            client.check_status(OK_CANCELED).await?;
            if let Some(line) = line {
                client.speak().await?;
                client.check_status(OK_RECEIVING_DATA).await?;
                client.send_lines(&[line]).await?;
                let id = client.receive_message_id().await?;
                tracing::trace!(id, "speech queued");
            }
            Ok(())
        })
        .await
    }

    /// Stops speaking.
    pub async fn cancel(&mut self) -> Result<(), SpeechError> {
        self.request(async |client: &mut Client| {
            client.cancel(MessageScope::Last).await?;
            client.check_status(OK_CANCELED).await?;
            Ok(())
        })
        .await
    }

    /// Sets the language of the voice (BCP-47 like "de" or "pt-BR"; speechd wants the language code).
    ///
    /// POSIX locale names (`de_DE.UTF-8`) are accepted too; script and other subtags are
    /// dropped (`sr-Latn-RS` → `sr-RS`). A tag that is not a language is a
    /// [`SpeechError::Protocol`] error and nothing is sent.
    pub async fn set_language(&mut self, language: &str) -> Result<(), SpeechError> {
        let Some(code) = speechd_language(language) else {
            return Err(SpeechError::Protocol(format!(
                "{language:?} is not a language tag"
            )));
        };
        self.request(async move |client: &mut Client| {
            client.set_language(ClientScope::Current, &code).await?;
            client.check_status(OK_LANGUAGE_SET).await?;
            Ok(())
        })
        .await
    }

    /// Runs one request/answer exchange under [`CALL_TIMEOUT`]; drops the connection when it
    /// can no longer be trusted (I/O error, timeout, answer out of step).
    async fn request<T>(
        &mut self,
        exchange: impl AsyncFnOnce(&mut Client) -> Result<T, ClientError>,
    ) -> Result<T, SpeechError> {
        let Some(client) = self.client.as_mut() else {
            let reason = self
                .lost
                .clone()
                .unwrap_or_else(|| "not connected".to_owned());
            return Err(unavailable(&self.socket, reason));
        };
        let outcome = timeout(exchange(client)).await;
        match outcome {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => {
                let (error, keep) = classify(&self.socket, error);
                if !keep {
                    let reason = match &error {
                        SpeechError::Unavailable { reason, .. } => reason.clone(),
                        other => other.to_string(),
                    };
                    self.drop_connection(reason);
                }
                Err(error)
            }
            Err(error) => {
                self.drop_connection(format!(
                    "no answer within {} s; the connection was closed",
                    CALL_TIMEOUT.as_secs()
                ));
                Err(error)
            }
        }
    }

    fn drop_connection(&mut self, reason: String) {
        tracing::debug!(socket = %self.socket.display(), %reason, "speech-dispatcher connection lost");
        self.client = None;
        self.lost = Some(reason);
    }
}

/// The safe way to voice a secret field: "password, 5 characters" style text is built by the caller;
/// this helper returns the count-only utterance and MUST never include the characters.
///
/// It takes the number of characters, never the secret, so the characters cannot leak into
/// speech (or speech-dispatcher's log): `secret_field_utterance("Password", 5, "characters")`
/// is `"Password, 5 characters"`. `characters_word` is the caller's translated (and
/// pluralised) word for "characters".
pub fn secret_field_utterance(label: &str, characters: usize, characters_word: &str) -> String {
    let label = label.trim();
    let word = characters_word.trim();
    match (label.is_empty(), word.is_empty()) {
        (true, true) => characters.to_string(),
        (true, false) => format!("{characters} {word}"),
        (false, true) => format!("{label}, {characters}"),
        (false, false) => format!("{label}, {characters} {word}"),
    }
}

/// The socket [`Speaker::connect`] uses: `$SPEECHD_ADDRESS` when it is `unix_socket:/path`,
/// else `$XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock` (falling back to
/// `$XDG_CACHE_HOME` or `~/.cache` like libspeechd when there is no runtime folder).
pub fn default_socket() -> Result<PathBuf, SpeechError> {
    resolve_socket(
        env::var_os("SPEECHD_ADDRESS"),
        env::var_os("XDG_RUNTIME_DIR"),
        env::var_os("XDG_CACHE_HOME"),
        env::var_os("HOME"),
    )
}

fn resolve_socket(
    address: Option<OsString>,
    runtime_dir: Option<OsString>,
    cache_dir: Option<OsString>,
    home: Option<OsString>,
) -> Result<PathBuf, SpeechError> {
    let non_empty = |value: Option<OsString>| value.filter(|value| !value.is_empty());
    if let Some(address) = non_empty(address) {
        let address = address.to_string_lossy().trim().to_owned();
        match address.split_once(':') {
            Some(("unix_socket", path)) if !path.is_empty() => return Ok(PathBuf::from(path)),
            Some(("unix_socket", _)) => {}
            None if address == "unix_socket" => {}
            _ => {
                return Err(unavailable(
                    Path::new(""),
                    format!(
                        "SPEECHD_ADDRESS={address} is not supported (only unix_socket:/path is)"
                    ),
                ));
            }
        }
    }
    let base = non_empty(runtime_dir)
        .map(PathBuf::from)
        .or_else(|| non_empty(cache_dir).map(PathBuf::from))
        .or_else(|| non_empty(home).map(|home| PathBuf::from(home).join(".cache")));
    match base {
        Some(base) => Ok(base.join(SPEECHD_DIR).join(SPEECHD_SOCKET)),
        None => Err(unavailable(
            Path::new(""),
            "neither XDG_RUNTIME_DIR nor HOME is set, so the socket cannot be found".to_owned(),
        )),
    }
}

/// The language code speech-dispatcher wants for a BCP-47 tag or POSIX locale name:
/// lowercase language plus uppercase region (`pt-BR`), script and other subtags dropped.
fn speechd_language(tag: &str) -> Option<String> {
    // POSIX locale: strip `.codeset` and `@modifier`.
    let tag = tag.split(['.', '@']).next().unwrap_or_default().trim();
    let mut subtags = tag.split(['-', '_']);
    let language = subtags.next()?;
    if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut code = language.to_ascii_lowercase();
    for subtag in subtags {
        let is_script = subtag.len() == 4 && subtag.chars().all(|c| c.is_ascii_alphabetic());
        let is_region = (subtag.len() == 2 && subtag.chars().all(|c| c.is_ascii_alphabetic()))
            || (subtag.len() == 3 && subtag.chars().all(|c| c.is_ascii_digit()));
        if is_region {
            code.push('-');
            code.push_str(&subtag.to_ascii_uppercase());
            break;
        }
        if !is_script {
            break;
        }
    }
    Some(code)
}

/// The SSIP data line for `text`: one line (runs of white space, line breaks and other control
/// characters become one space), trimmed, with a leading dot doubled so it can never end the data block early.
/// `None` when nothing is left to say.
fn ssip_text_line(text: &str) -> Option<String> {
    let line = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if line.is_empty() {
        None
    } else if line.starts_with('.') {
        Some(format!(".{line}"))
    } else {
        Some(line)
    }
}

/// A token for `SET self CLIENT_NAME user:application:component`: no colons, spaces or
/// control characters.
fn ssip_token(value: &str, fallback: &str) -> String {
    let token: String = value
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    if token.is_empty() {
        fallback.to_owned()
    } else {
        token
    }
}

async fn timeout<T>(future: impl Future<Output = T>) -> Result<T, SpeechError> {
    tokio::time::timeout(CALL_TIMEOUT, future)
        .await
        .map_err(|_elapsed| SpeechError::Timeout)
}

fn unavailable(socket: &Path, reason: String) -> SpeechError {
    SpeechError::Unavailable {
        socket: socket.to_path_buf(),
        reason,
    }
}

/// Why connecting failed, in words a log reader understands.
fn connect_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "speech-dispatcher is not running (no socket)".to_owned(),
        io::ErrorKind::ConnectionRefused => {
            "speech-dispatcher is not running (connection refused)".to_owned()
        }
        io::ErrorKind::PermissionDenied => {
            format!("no permission to use speech-dispatcher's socket ({error})")
        }
        _ => format!("cannot connect: {error}"),
    }
}

/// Maps a client error to ours, and says whether the connection is still in step (an SSIP
/// error status is a complete answer; an I/O or parse error is not).
fn classify(socket: &Path, error: ClientError) -> (SpeechError, bool) {
    match error {
        ClientError::Ssip(status) => (SpeechError::Protocol(status.to_string()), true),
        ClientError::UnexpectedStatus(code) => (
            SpeechError::Protocol(format!("unexpected answer {code}")),
            true,
        ),
        ClientError::Io(error) => {
            // The client reports end of stream as an "empty line".
            let closed = matches!(
                error.kind(),
                io::ErrorKind::BrokenPipe
                    | io::ErrorKind::ConnectionReset
                    | io::ErrorKind::ConnectionAborted
                    | io::ErrorKind::UnexpectedEof
            ) || error.to_string() == "empty line";
            let reason = if closed {
                "speech-dispatcher closed the connection".to_owned()
            } else {
                format!("connection lost: {error}")
            };
            (unavailable(socket, reason), false)
        }
        other => (SpeechError::Protocol(other.to_string()), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_utterance_is_label_and_count() {
        assert_eq!(
            secret_field_utterance("Password", 5, "characters"),
            "Password, 5 characters"
        );
        assert_eq!(
            secret_field_utterance(" Kennwort ", 1, "Zeichen"),
            "Kennwort, 1 Zeichen"
        );
        assert_eq!(secret_field_utterance("", 0, "characters"), "0 characters");
        assert_eq!(secret_field_utterance("PIN", 4, ""), "PIN, 4");
    }

    #[test]
    fn languages_become_speechd_codes() {
        assert_eq!(speechd_language("de").as_deref(), Some("de"));
        assert_eq!(speechd_language("pt-BR").as_deref(), Some("pt-BR"));
        assert_eq!(speechd_language("pt_br").as_deref(), Some("pt-BR"));
        assert_eq!(speechd_language("de_DE.UTF-8").as_deref(), Some("de-DE"));
        assert_eq!(speechd_language("ca_ES@valencia").as_deref(), Some("ca-ES"));
        assert_eq!(speechd_language("sr-Latn-RS").as_deref(), Some("sr-RS"));
        assert_eq!(speechd_language("zh-Hant").as_deref(), Some("zh"));
        assert_eq!(speechd_language("es-419").as_deref(), Some("es-419"));
        assert_eq!(speechd_language("EN").as_deref(), Some("en"));
        assert_eq!(speechd_language(""), None);
        assert_eq!(speechd_language("C"), None);
        assert_eq!(speechd_language("de\r\nQUIT"), None);
    }

    #[test]
    fn text_becomes_one_safe_line() {
        assert_eq!(
            ssip_text_line("  Wi-Fi, on \n").as_deref(),
            Some("Wi-Fi, on")
        );
        assert_eq!(ssip_text_line("a\r\n.\r\nb").as_deref(), Some("a . b"));
        assert_eq!(ssip_text_line(".").as_deref(), Some(".."));
        assert_eq!(ssip_text_line(".hidden").as_deref(), Some("..hidden"));
        assert_eq!(ssip_text_line(" \n\t "), None);
    }

    #[test]
    fn client_name_tokens_are_clean() {
        assert_eq!(ssip_token("ferrum-settings", "x"), "ferrum-settings");
        assert_eq!(ssip_token("evil:name here\n", "x"), "evilnamehere");
        assert_eq!(ssip_token("::", "x"), "x");
    }

    #[test]
    fn socket_resolution_follows_libspeechd() {
        let os = |s: &str| Some(OsString::from(s));
        assert_eq!(
            resolve_socket(
                os("unix_socket:/tmp/s.sock"),
                os("/run/user/1000"),
                None,
                None
            ),
            Ok(PathBuf::from("/tmp/s.sock"))
        );
        assert_eq!(
            resolve_socket(os("unix_socket"), os("/run/user/1000"), None, None),
            Ok(PathBuf::from(
                "/run/user/1000/speech-dispatcher/speechd.sock"
            ))
        );
        assert_eq!(
            resolve_socket(None, None, None, os("/home/a")),
            Ok(PathBuf::from(
                "/home/a/.cache/speech-dispatcher/speechd.sock"
            ))
        );
        assert!(matches!(
            resolve_socket(os("inet_socket:localhost:6560"), None, None, os("/home/a")),
            Err(SpeechError::Unavailable { .. })
        ));
        assert!(matches!(
            resolve_socket(None, os(""), None, None),
            Err(SpeechError::Unavailable { .. })
        ));
    }
}
