//! Running one test of the current test binary again in a child process, with an environment
//! of its own.
//!
//! Some libraries read their environment once per process: libdbus (under `bluer`) reads
//! `DBUS_SYSTEM_BUS_ADDRESS` on its first connection and keeps it, so a test that must talk
//! to a bed's private bus through it has to start in a process whose environment already
//! names that bus (and the workspace forbids `unsafe`, so `std::env::set_var` is out). The
//! parent test starts the bed, then [`run_in_child`] re-runs the same test (`<name> --exact`)
//! with [`CHILD_VAR`] and the given variables set; the test sees [`is_child`] and runs its
//! body. The child can ask the parent to act on the bed (kill, restart, stop a daemon) with
//! [`ask_parent`]: a line on its stdout, answered on its stdin.
//!
//! ```ignore
//! #[test]
//! fn follows_the_daemon() {
//!     if child::is_child() {
//!         return body(); // talks to DBUS_SYSTEM_BUS_ADDRESS
//!     }
//!     let mut bed = TestBed::start(&[Service::BluezMock]).unwrap();
//!     let address = bed.system_bus_address().to_owned();
//!     child::run_in_child(&child::current_test()?, &[("DBUS_SYSTEM_BUS_ADDRESS", &address)],
//!         TIMEOUT, |ask| match ask { "kill" => …, _ => Err(…) }).unwrap();
//! }
//! ```

use std::fmt;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// Set (to `1`) in the child's environment.
pub const CHILD_VAR: &str = "FERRUM_TEST_CHILD";
/// How a child's request to its parent starts on the child's stdout.
const ASK: &str = "FERRUM-CHILD-ASK ";

/// Whether this process is a child started by [`run_in_child`].
pub fn is_child() -> bool {
    std::env::var_os(CHILD_VAR).is_some()
}

/// The name of the test running on this thread, as the test harness knows it (libtest names
/// each test's thread after the test); `None` on a thread of one's own.
pub fn current_test() -> Option<String> {
    thread::current()
        .name()
        .filter(|name| *name != "main")
        .map(str::to_owned)
}

/// Asks the parent to do `what` (a word the parent's `answer` understands) and waits for its
/// answer. Only in a child ([`is_child`]); blocks the calling thread (call it from
/// `spawn_blocking` in async code).
pub fn ask_parent(what: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    // On a line of its own: libtest has written "test <name> ... " without a newline.
    writeln!(stdout, "\n{ASK}{what}")
        .and_then(|()| stdout.flush())
        .map_err(|error| format!("cannot ask the parent: {error}"))?;
    drop(stdout);
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|error| format!("no answer from the parent: {error}"))?;
    match line.trim_end() {
        "ok" => Ok(()),
        answer => Err(answer.strip_prefix("error ").unwrap_or(answer).to_owned()),
    }
}

/// Why a child test did not pass. Its `Display` carries the child's output.
#[derive(Debug)]
pub enum ChildFailure {
    /// The test binary could not be started.
    Spawn(std::io::Error),
    /// The child did not finish in time (it was killed).
    TimedOut {
        /// What the child wrote.
        output: String,
    },
    /// The child exited unsuccessfully (its test failed).
    Failed {
        /// How it exited.
        status: ExitStatus,
        /// What the child wrote.
        output: String,
    },
    /// The child passed without running the test (a wrong name matches nothing).
    NotRun {
        /// What the child wrote.
        output: String,
    },
}

impl fmt::Display for ChildFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Spawn(error) => write!(f, "cannot start the test binary again: {error}"),
            Self::TimedOut { output } => write!(f, "the child test timed out:\n{output}"),
            Self::Failed { status, output } => {
                write!(f, "the child test failed ({status}):\n{output}")
            }
            Self::NotRun { output } => write!(f, "the child ran no test:\n{output}"),
        }
    }
}

impl std::error::Error for ChildFailure {}

/// Kills and reaps the child if the parent gives up (or panics) first.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        if matches!(self.0.try_wait(), Ok(None)) {
            let _ = self.0.kill();
        }
        let _ = self.0.wait();
    }
}

enum Line {
    Out(String),
    Err(String),
    OutClosed,
}

/// Runs the test `name` of the current test binary in a child process with `env` added (and
/// [`CHILD_VAR`]), answering its [`ask_parent`] requests with `answer` (an `Err` goes back
/// as the request's error). Returns the child's output when its test passed.
pub fn run_in_child(
    name: &str,
    env: &[(&str, &str)],
    timeout: Duration,
    mut answer: impl FnMut(&str) -> Result<(), String>,
) -> Result<String, ChildFailure> {
    let exe = std::env::current_exe().map_err(ChildFailure::Spawn)?;
    let mut command = Command::new(exe);
    command
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_VAR, "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = Reaped(command.spawn().map_err(ChildFailure::Spawn)?);
    let (lines, received) = mpsc::channel();
    if let Some(stdout) = child.0.stdout.take() {
        let lines = lines.clone();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if lines.send(Line::Out(line)).is_err() {
                    return;
                }
            }
            let _ = lines.send(Line::OutClosed);
        });
    }
    if let Some(mut stderr) = child.0.stderr.take() {
        thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            let _ = lines.send(Line::Err(text));
        });
    }
    let mut stdin: Option<ChildStdin> = child.0.stdin.take();
    let mut output = String::new();
    let deadline = Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match received.recv_timeout(left) {
            Ok(Line::Out(line)) => {
                if let Some(what) = line.find(ASK).map(|at| &line[at + ASK.len()..]) {
                    let reply = match answer(what) {
                        Ok(()) => "ok".to_owned(),
                        Err(error) => format!("error {}", error.replace('\n', " ")),
                    };
                    output.push_str(&format!("[parent: {what} → {reply}]\n"));
                    if let Some(stdin) = stdin.as_mut() {
                        let _ = writeln!(stdin, "{reply}").and_then(|()| stdin.flush());
                    }
                } else {
                    output.push_str(&line);
                    output.push('\n');
                }
            }
            Ok(Line::Err(text)) => output.push_str(&text),
            Ok(Line::OutClosed) => break,
            Err(_) => {
                drop(child);
                return Err(ChildFailure::TimedOut { output });
            }
        }
    }
    drop(stdin);
    let status = loop {
        match child.0.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(20)),
            Ok(None) | Err(_) => {
                drop(child);
                return Err(ChildFailure::TimedOut { output });
            }
        }
    };
    // The rest of stderr, now that the child is gone.
    while let Ok(line) = received.recv_timeout(Duration::from_secs(1)) {
        if let Line::Err(text) = line {
            output.push_str(&text);
        }
    }
    if !status.success() {
        return Err(ChildFailure::Failed { status, output });
    }
    if !output.contains("1 passed") {
        return Err(ChildFailure::NotRun { output });
    }
    Ok(output)
}
