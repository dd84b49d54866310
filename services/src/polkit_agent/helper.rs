//! polkit's setuid helper, `polkit-agent-helper-1`: the one program that checks a password
//! (through PAM, as root) and tells polkitd the person authenticated. The agent never
//! touches PAM itself.
//!
//! The protocol (polkit's `polkitagenthelper-pam.c` and `polkitagenthelperprivate.c`, the
//! same in polkit 122 and 126): the helper is started with the user name to authenticate as
//! its one argument and reads the cookie as the first line of its standard input. It then
//! writes one line per PAM message to standard output, each text escaped with GLib's
//! `g_strescape` (C escapes; bytes outside printable ASCII as three-digit octal):
//!
//! - `PAM_PROMPT_ECHO_OFF <prompt>` — a secret is asked for: the answer is one line on
//!   standard input;
//! - `PAM_PROMPT_ECHO_ON <prompt>` — a visible answer (a user name, a code) is asked for;
//! - `PAM_ERROR_MSG <text>` and `PAM_TEXT_INFO <text>` — to show;
//! - `SUCCESS` — PAM accepted and polkitd was told (`AuthenticationAgentResponse2`) — or
//!   `FAILURE` — anything else (wrong password, locked account, polkitd unreachable); the
//!   helper then exits.
//!
//! The helper clears its environment, so it reaches polkitd at the standard system bus
//! socket, `/run/dbus/system_bus_socket`, whatever `DBUS_SYSTEM_BUS_ADDRESS` says.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::process::{Child, ChildStdin, Command};
use zeroize::Zeroizing;

use crate::secret::Secret;

/// Where Debian (bookworm's polkit 122, trixie's 126) installs the helper, then the
/// upstream default.
const HELPER_PATHS: [&str; 2] = [
    "/usr/lib/polkit-1/polkit-agent-helper-1",
    "/usr/libexec/polkit-agent-helper-1",
];

/// How long one authentication may take: PAM's delay after a wrong password is about 2 s,
/// a slow directory service a few more; a helper that takes longer is stopped.
const HELPER_TIMEOUT: Duration = Duration::from_secs(30);
/// How long the helper may take to exit after its last line (it waits 100 ms itself).
const EXIT_GRACE: Duration = Duration::from_secs(2);

/// One line the helper writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelperLine {
    /// PAM asks for a secret (the password), with its prompt (`Password: `).
    PromptEchoOff(String),
    /// PAM asks for a visible answer.
    PromptEchoOn(String),
    /// PAM reports an error to show.
    ErrorMsg(String),
    /// PAM has something to say.
    TextInfo(String),
    /// Authenticated, and polkitd was told.
    Success,
    /// Not authenticated.
    Failure,
}

/// A line that is not part of the protocol.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("polkit's helper wrote a line outside its protocol ({length} bytes)")]
pub struct ProtocolError {
    /// The line's length (its text is not kept: it could be anything).
    pub length: usize,
}

/// Parses one line of the helper's output (without its newline).
pub fn parse_line(line: &str) -> Result<HelperLine, ProtocolError> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    match line {
        "SUCCESS" => return Ok(HelperLine::Success),
        "FAILURE" => return Ok(HelperLine::Failure),
        _ => {}
    }
    let (keyword, text) = line
        .split_once(' ')
        .ok_or(ProtocolError { length: line.len() })?;
    let text = unescape(text);
    Ok(match keyword {
        "PAM_PROMPT_ECHO_OFF" => HelperLine::PromptEchoOff(text),
        "PAM_PROMPT_ECHO_ON" => HelperLine::PromptEchoOn(text),
        "PAM_ERROR_MSG" => HelperLine::ErrorMsg(text),
        "PAM_TEXT_INFO" => HelperLine::TextInfo(text),
        _ => return Err(ProtocolError { length: line.len() }),
    })
}

/// Undoes GLib's `g_strescape`: `\b \f \n \r \t \v \\ \"`, and `\NNN` octal bytes (how
/// it writes every byte outside printable ASCII, so UTF-8 text arrives byte by byte).
/// Invalid UTF-8 after unescaping is shown with U+FFFD.
pub fn unescape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        index += 1;
        if byte != b'\\' || index == bytes.len() {
            out.push(byte);
            continue;
        }
        let escaped = bytes[index];
        index += 1;
        match escaped {
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            b'0'..=b'7' => {
                let mut value = u32::from(escaped - b'0');
                let mut digits = 1;
                while digits < 3 && index < bytes.len() && (b'0'..=b'7').contains(&bytes[index]) {
                    value = value * 8 + u32::from(bytes[index] - b'0');
                    index += 1;
                    digits += 1;
                }
                out.push(u8::try_from(value & 0xff).unwrap_or(0));
            }
            // `\\`, `\"` and anything unknown: the character itself.
            other => out.push(other),
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// How an authentication through the helper ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelperOutcome {
    /// PAM accepted the password and polkitd was told.
    Authenticated,
    /// PAM refused (a wrong password, a locked or expired account); what PAM said to show
    /// (`PAM_ERROR_MSG`/`PAM_TEXT_INFO`, often nothing).
    Refused {
        /// PAM's messages, in order.
        messages: Vec<String>,
    },
}

/// Why the helper could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HelperError {
    /// polkit's helper is not installed.
    #[error("polkit's authentication helper is not installed (looked for {searched})")]
    NotInstalled {
        /// The paths looked at.
        searched: String,
    },
    /// Starting it or talking to it failed.
    #[error("polkit's authentication helper could not be run: {0}")]
    Io(String),
    /// PAM asked for something other than one password (a code, a new password).
    #[error("the login system asked for more than a password ({prompt})")]
    UnsupportedPrompt {
        /// PAM's prompt.
        prompt: String,
    },
    /// It wrote something outside its protocol.
    #[error(transparent)]
    Protocol(#[from] ProtocolError),
    /// It ended without saying SUCCESS or FAILURE.
    #[error("polkit's authentication helper ended without an answer")]
    NoAnswer,
    /// It took longer than 30 s.
    #[error("polkit's authentication helper did not answer in time")]
    TimedOut,
    /// A password with a line break cannot be passed on (the helper reads one line).
    #[error("a password with a line break cannot be checked")]
    LineBreakInPassword,
}

impl From<std::io::Error> for HelperError {
    fn from(error: std::io::Error) -> Self {
        Self::Io(error.to_string())
    }
}

/// The installed helper, looked up at [`HELPER_PATHS`].
pub fn helper_path() -> Result<PathBuf, HelperError> {
    HELPER_PATHS
        .iter()
        .map(Path::new)
        .find(|path| path.exists())
        .map(Path::to_path_buf)
        .ok_or_else(|| HelperError::NotInstalled {
            searched: HELPER_PATHS.join(", "),
        })
}

/// Authenticates `user` for the request `cookie` with `password` through polkit's helper
/// (at most 30 s; the helper is killed when this future is dropped, e.g. when polkitd
/// cancels the request).
pub async fn authenticate(
    user: &str,
    cookie: &str,
    password: &Secret,
) -> Result<HelperOutcome, HelperError> {
    let path = helper_path()?;
    authenticate_with(&path, user, cookie, password).await
}

/// [`authenticate`] with the helper at `path` (the unit tests run a script speaking the
/// protocol; the agent always uses [`helper_path`]).
pub(crate) async fn authenticate_with(
    path: &Path,
    user: &str,
    cookie: &str,
    password: &Secret,
) -> Result<HelperOutcome, HelperError> {
    if password.expose().contains(['\n', '\r']) {
        return Err(HelperError::LineBreakInPassword);
    }
    let mut child = Command::new(path)
        .arg(user)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    let outcome = tokio::time::timeout(HELPER_TIMEOUT, converse(&mut child, cookie, password))
        .await
        .unwrap_or(Err(HelperError::TimedOut));
    match outcome {
        Ok(_) => {
            if tokio::time::timeout(EXIT_GRACE, child.wait())
                .await
                .is_err()
            {
                let _ = child.start_kill();
            }
        }
        Err(_) => {
            let _ = child.start_kill();
        }
    }
    let _ = child.wait().await;
    outcome
}

async fn write_line(stdin: &mut ChildStdin, text: &str) -> Result<(), HelperError> {
    let mut line = Zeroizing::new(Vec::with_capacity(text.len() + 1));
    line.extend_from_slice(text.as_bytes());
    line.push(b'\n');
    stdin.write_all(&line).await?;
    stdin.flush().await?;
    Ok(())
}

async fn converse(
    child: &mut Child,
    cookie: &str,
    password: &Secret,
) -> Result<HelperOutcome, HelperError> {
    let (Some(mut stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        return Err(HelperError::Io("no pipes to the helper".into()));
    };
    // The helper's own complaints ("pam_authenticate failed: Authentication failure")
    // hold no secret: logged for diagnosis.
    tokio::spawn(async move {
        let mut lines = BufReader::new(stderr).lines();
        while let Ok(Some(line)) = lines.next_line().await {
            tracing::debug!(line, "polkit-agent-helper-1");
        }
    });
    write_line(&mut stdin, cookie).await?;
    let mut lines = BufReader::new(stdout).lines();
    let mut messages = Vec::new();
    let mut answered = false;
    while let Some(line) = lines.next_line().await? {
        match parse_line(&line)? {
            HelperLine::PromptEchoOff(prompt) => {
                // One password per attempt: a second secret prompt is PAM asking for a
                // new password (expired) or a second factor, which this dialog cannot ask.
                if answered {
                    return Err(HelperError::UnsupportedPrompt { prompt });
                }
                write_line(&mut stdin, password.expose()).await?;
                answered = true;
            }
            HelperLine::PromptEchoOn(prompt) => {
                return Err(HelperError::UnsupportedPrompt { prompt });
            }
            HelperLine::ErrorMsg(text) | HelperLine::TextInfo(text) => messages.push(text),
            HelperLine::Success => return Ok(HelperOutcome::Authenticated),
            HelperLine::Failure => return Ok(HelperOutcome::Refused { messages }),
        }
    }
    Err(HelperError::NoAnswer)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::os::unix::fs::PermissionsExt as _;

    use super::*;

    #[test]
    fn every_line_of_the_protocol_parses() {
        assert_eq!(parse_line("SUCCESS"), Ok(HelperLine::Success));
        assert_eq!(parse_line("FAILURE"), Ok(HelperLine::Failure));
        assert_eq!(
            parse_line("PAM_PROMPT_ECHO_OFF Password: "),
            Ok(HelperLine::PromptEchoOff("Password: ".into()))
        );
        assert_eq!(
            parse_line("PAM_PROMPT_ECHO_ON Login:"),
            Ok(HelperLine::PromptEchoOn("Login:".into()))
        );
        assert_eq!(
            parse_line("PAM_ERROR_MSG Your account has expired"),
            Ok(HelperLine::ErrorMsg("Your account has expired".into()))
        );
        assert_eq!(
            parse_line("PAM_TEXT_INFO Touch the key\r"),
            Ok(HelperLine::TextInfo("Touch the key".into()))
        );
        // An empty prompt keeps its space.
        assert_eq!(
            parse_line("PAM_PROMPT_ECHO_OFF "),
            Ok(HelperLine::PromptEchoOff(String::new()))
        );
    }

    #[test]
    fn anything_else_is_a_protocol_error_that_keeps_no_text() {
        for line in [
            "",
            "success",
            "PAM_PROMPT_ECHO_OFF",
            "HELLO world",
            "SUCCESS ",
        ] {
            assert_eq!(
                parse_line(line),
                Err(ProtocolError { length: line.len() }),
                "{line:?}"
            );
        }
    }

    #[test]
    fn g_strescape_is_undone_including_utf8_sent_as_octal_bytes() {
        assert_eq!(unescape(r#"a\tb\\c\"d\ne"#), "a\tb\\c\"d\ne");
        // "Passwort für" with ü as the octal bytes 303 274, as g_strescape writes it.
        assert_eq!(unescape(r"Passwort f\303\274r"), "Passwort für");
        assert_eq!(unescape(r"\001x"), "\u{1}x");
        // Short octal and a trailing backslash.
        assert_eq!(unescape(r"\7"), "\u{7}");
        assert_eq!(unescape("end\\"), "end\\");
        // A lone byte that is not UTF-8.
        assert_eq!(unescape(r"\377"), "\u{fffd}");
    }

    /// A script speaking the helper's protocol: checks the cookie and the password it is
    /// given (the real helper runs in the integration tests against the real polkitd).
    fn fake_helper(dir: &Path, body: &str) -> PathBuf {
        let path = dir.join("helper");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    const CHECKING: &str = r#"read cookie
[ "$cookie" = "cookie-1" ] || { echo FAILURE; exit 1; }
[ "$1" = "ada" ] || { echo FAILURE; exit 1; }
echo "PAM_TEXT_INFO Hello"
echo "PAM_PROMPT_ECHO_OFF Password: "
read password
if [ "$password" = "right one" ]; then echo SUCCESS; else echo "PAM_ERROR_MSG Sorry\041"; echo FAILURE; fi"#;

    #[tokio::test]
    async fn a_conversation_answers_the_prompt_and_reads_the_verdict() {
        let dir = tempfile::tempdir().unwrap();
        let helper = fake_helper(dir.path(), CHECKING);
        let right = Secret::new("right one".into());
        let wrong = Secret::new("wrong".into());
        assert_eq!(
            authenticate_with(&helper, "ada", "cookie-1", &right).await,
            Ok(HelperOutcome::Authenticated)
        );
        assert_eq!(
            authenticate_with(&helper, "ada", "cookie-1", &wrong).await,
            Ok(HelperOutcome::Refused {
                messages: vec!["Hello".into(), "Sorry!".into()]
            })
        );
        assert_eq!(
            authenticate_with(&helper, "ada", "cookie-1", &Secret::new("a\nb".into())).await,
            Err(HelperError::LineBreakInPassword)
        );
    }

    #[tokio::test]
    async fn a_second_prompt_an_early_end_and_nonsense_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let password = Secret::new("pw".into());
        let twice = fake_helper(
            dir.path(),
            "read c; echo 'PAM_PROMPT_ECHO_OFF Password: '; read p; echo 'PAM_PROMPT_ECHO_OFF New password: '; read q; echo SUCCESS",
        );
        assert_eq!(
            authenticate_with(&twice, "ada", "c", &password).await,
            Err(HelperError::UnsupportedPrompt {
                prompt: "New password: ".into()
            })
        );
        let silent = fake_helper(dir.path(), "read c; exit 0");
        assert_eq!(
            authenticate_with(&silent, "ada", "c", &password).await,
            Err(HelperError::NoAnswer)
        );
        let odd = fake_helper(dir.path(), "read c; echo 'what?'");
        assert_eq!(
            authenticate_with(&odd, "ada", "c", &password).await,
            Err(HelperError::Protocol(ProtocolError { length: 5 }))
        );
    }
}
