//! A private speech-dispatcher whose speech goes to a WAV file, for speech tests.
//!
//! [`SpeechDispatcher::start`] writes a private config (module espeak-ng, audio through ALSA's
//! `file:` device into `<dir>/speech.wav`, log level 5 so every message's text is in the log)
//! and runs `speech-dispatcher` in its own process group with its socket at
//! `<dir>/runtime/speech-dispatcher/speechd.sock` (the default layout, so
//! `XDG_RUNTIME_DIR=<dir>/runtime` finds it too). Dropping it stops it by PID (SIGTERM, then
//! SIGKILL to its process group), never by name, so several can run side by side.
//!
//! Debian packages: `speech-dispatcher` (pulls in `speech-dispatcher-audio-plugins` with
//! the ALSA output, and `libasound2`, whose `file:` plugin writes the WAV),
//! `speech-dispatcher-espeak-ng` (the module, pulls in `libespeak-ng1` and `espeak-ng-data`)
//! and `sox` (reads the WAV back).

use std::fs;
use std::io::{self, Read as _};
use std::os::unix::fs::FileTypeExt as _;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal};
use tempfile::TempDir;

use crate::{Error, has_exited, kill_and_reap, require, spawn};

/// `speech-dispatcher`, from the Debian package of the same name.
const SPEECH_DISPATCHER: &str = "/usr/bin/speech-dispatcher";
/// The espeak-ng output module.
const ESPEAK_NG_MODULE: &str = "/usr/lib/speech-dispatcher-modules/sd_espeak-ng";
/// `sox`, to measure the WAV.
const SOX: &str = "/usr/bin/sox";
/// How long to wait for the socket.
const READY_TIMEOUT: Duration = Duration::from_secs(15);
/// Polling interval while waiting.
const POLL: Duration = Duration::from_millis(50);
/// How long [`SpeechDispatcher::stop`] waits after SIGTERM.
const STOP_GRACE: Duration = Duration::from_secs(2);
/// How many log lines go into errors.
const LOG_TAIL_LINES: usize = 30;
/// speech-dispatcher's log level: 5 is the first that logs the text of each message.
const LOG_LEVEL: u8 = 5;

/// Errors of [`SpeechDispatcher::max_amplitude`].
#[derive(Debug, thiserror::Error)]
pub enum AmplitudeError {
    /// `sox` could not be started.
    #[error("could not run {SOX} (Debian package `sox`): {0}")]
    Spawn(#[source] io::Error),
    /// `sox` failed.
    #[error("sox failed ({status}): {stderr}")]
    Sox {
        /// How sox ended.
        status: ExitStatus,
        /// What it printed on stderr.
        stderr: String,
    },
    /// `sox` printed no "Maximum amplitude" line.
    #[error("no \"Maximum amplitude\" in sox's output:\n{output}")]
    Parse {
        /// What sox printed.
        output: String,
    },
}

/// Where things live in the dispatcher's folder.
#[derive(Debug, Clone)]
struct Paths {
    dir: PathBuf,
    conf_dir: PathBuf,
    logs_dir: PathBuf,
    runtime_dir: PathBuf,
    socket: PathBuf,
    wav: PathBuf,
    /// speech-dispatcher's stdout and stderr (it logs there until it has read its config).
    output: PathBuf,
    pid_file: PathBuf,
}

impl Paths {
    fn new(dir: &Path) -> Self {
        let runtime_dir = dir.join("runtime");
        Self {
            dir: dir.to_path_buf(),
            conf_dir: dir.join("conf"),
            logs_dir: dir.join("logs"),
            socket: runtime_dir.join("speech-dispatcher").join("speechd.sock"),
            runtime_dir,
            wav: dir.join("speech.wav"),
            output: dir.join("speech-dispatcher.out"),
            pid_file: dir.join("speech-dispatcher.pid"),
        }
    }
}

/// A running speech-dispatcher with a private config, speaking into a WAV file.
#[derive(Debug)]
pub struct SpeechDispatcher {
    paths: Paths,
    /// `Some` when the folder is ours to remove.
    temp: Option<TempDir>,
    /// `None` after [`SpeechDispatcher::kill`].
    child: Option<Child>,
}

impl SpeechDispatcher {
    /// Starts speech-dispatcher with a private config in a fresh temp dir whose audio goes
    /// to a WAV file through an ALSA `file:` device, module espeak-ng, log level high enough that
    /// spoken text appears in its log. Waits until its socket accepts connections (timeout 15 s,
    /// error with log tail).
    pub fn start() -> Result<SpeechDispatcher, Error> {
        let temp = tempfile::Builder::new()
            .prefix("ferrum-speech-")
            .tempdir()?;
        let mut dispatcher = SpeechDispatcher::prepare(temp.path())?;
        dispatcher.temp = Some(temp);
        dispatcher.launch()?;
        Ok(dispatcher)
    }

    /// Like [`SpeechDispatcher::start`], in `dir` (created if needed, left in place on drop).
    /// Starting again in the same folder reuses the socket path.
    pub fn start_in(dir: &Path) -> Result<SpeechDispatcher, Error> {
        let mut dispatcher = SpeechDispatcher::prepare(dir)?;
        dispatcher.launch()?;
        Ok(dispatcher)
    }

    /// The Unix socket clients connect to.
    pub fn socket(&self) -> &Path {
        &self.paths.socket
    }

    /// The WAV file the speech goes to (created on first speech, appended to afterwards).
    pub fn wav_path(&self) -> &Path {
        &self.paths.wav
    }

    /// The dispatcher's folder.
    pub fn dir(&self) -> &Path {
        &self.paths.dir
    }

    /// What `XDG_RUNTIME_DIR` must be for the default socket lookup to find this dispatcher.
    pub fn runtime_dir(&self) -> &Path {
        &self.paths.runtime_dir
    }

    /// The PID (also the process group id) of speech-dispatcher, if it is running.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// Concatenated speechd + module logs (its early output, `speech-dispatcher.log` and
    /// `espeak-ng.log`), each behind a `=== <file>` line.
    pub fn log_text(&self) -> String {
        let mut files = vec![self.paths.output.clone()];
        if let Ok(entries) = fs::read_dir(&self.paths.logs_dir) {
            let mut logs: Vec<PathBuf> = entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .collect();
            logs.sort();
            files.extend(logs);
        }
        let mut text = String::new();
        for file in files {
            let mut bytes = Vec::new();
            if fs::File::open(&file)
                .and_then(|mut f| f.read_to_end(&mut bytes))
                .is_ok()
            {
                let name = file.file_name().unwrap_or_default().to_string_lossy();
                text.push_str(&format!("=== {name}\n"));
                text.push_str(&String::from_utf8_lossy(&bytes));
                if !text.ends_with('\n') {
                    text.push('\n');
                }
            }
        }
        text
    }

    /// Peak amplitude (0.0–1.0) of the WAV written so far, via
    /// `sox --ignore-length <wav> -n stat`; 0.0 when nothing was written yet.
    pub fn max_amplitude(&self) -> Result<f64, AmplitudeError> {
        const WAV_HEADER: u64 = 44;
        let written = fs::metadata(&self.paths.wav).map_or(0, |meta| meta.len());
        if written <= WAV_HEADER {
            return Ok(0.0);
        }
        let output = Command::new(SOX)
            .arg("--ignore-length")
            .arg(&self.paths.wav)
            .args(["-n", "stat"])
            .stdin(Stdio::null())
            .output()
            .map_err(AmplitudeError::Spawn)?;
        // `stat` reports on stderr.
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        if !output.status.success() {
            return Err(AmplitudeError::Sox {
                status: output.status,
                stderr,
            });
        }
        parse_max_amplitude(&stderr).ok_or(AmplitudeError::Parse { output: stderr })
    }

    /// Kills speech-dispatcher's process group (SIGKILL) and reaps it, as a crash would; the
    /// folder, logs and WAV stay. A no-op when it is not running.
    pub fn kill(&mut self) -> Result<(), Error> {
        if let Some(child) = self.child.take() {
            tracing::debug!(pid = child.id(), "SIGKILL speech-dispatcher");
            kill_and_reap(child)?;
        }
        Ok(())
    }

    /// Stops speech-dispatcher cleanly: SIGTERM to it alone (it stops and reaps its output
    /// module), up to 2 s grace, then SIGKILL to whatever is left of its process group. A
    /// no-op when it is not running. (A plain [`SpeechDispatcher::kill`] orphans the module,
    /// and teardown then waits until init has reaped it.)
    pub fn stop(&mut self) -> Result<(), Error> {
        if let Some(child) = self.child.take() {
            tracing::debug!(pid = child.id(), "SIGTERM speech-dispatcher");
            if let Some(pid) = i32::try_from(child.id()).ok().and_then(Pid::from_raw) {
                match rustix::process::kill_process(pid, Signal::TERM) {
                    Ok(()) | Err(rustix::io::Errno::SRCH) => {}
                    Err(errno) => tracing::debug!(%errno, "SIGTERM failed"),
                }
            }
            let deadline = Instant::now() + STOP_GRACE;
            while !has_exited(&child) && Instant::now() < deadline {
                thread::sleep(Duration::from_millis(10));
            }
            kill_and_reap(child)?;
        }
        Ok(())
    }

    /// Starts speech-dispatcher again on the same socket path (killing it first if it runs).
    pub fn restart(&mut self) -> Result<(), Error> {
        self.kill()?;
        self.launch()
    }

    /// Keeps the folder after drop (for debugging); returns its path.
    pub fn keep_dir(&mut self) -> PathBuf {
        match self.temp.take() {
            Some(temp) => temp.keep(),
            None => self.paths.dir.clone(),
        }
    }

    /// Checks the programs and writes the config; starts nothing.
    fn prepare(dir: &Path) -> Result<SpeechDispatcher, Error> {
        require(Path::new(SPEECH_DISPATCHER), "speech-dispatcher")?;
        require(Path::new(ESPEAK_NG_MODULE), "speech-dispatcher-espeak-ng")?;
        require(Path::new(SOX), "sox")?;
        let paths = Paths::new(dir);
        if let Some(bad) = paths
            .wav
            .to_string_lossy()
            .chars()
            .find(|c| c.is_whitespace() || matches!(c, '"' | '\'' | ',' | '{' | '}' | '\\'))
        {
            return Err(Error::Io(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "{} contains {bad:?}, which the ALSA device string cannot carry",
                    paths.dir.display()
                ),
            )));
        }
        for folder in [
            paths.conf_dir.join("modules"),
            paths.logs_dir.clone(),
            paths.runtime_dir.join("speech-dispatcher"),
        ] {
            fs::create_dir_all(folder)?;
        }
        fs::write(paths.conf_dir.join("speechd.conf"), speechd_conf(&paths))?;
        fs::write(
            paths.conf_dir.join("modules").join("espeak-ng.conf"),
            "# ferrum-testbed: espeak-ng with its defaults.\n",
        )?;
        Ok(SpeechDispatcher {
            paths,
            temp: None,
            child: None,
        })
    }

    /// Spawns speech-dispatcher and waits until its socket accepts a connection.
    fn launch(&mut self) -> Result<(), Error> {
        // A killed dispatcher leaves its socket behind; the wait below must not mistake it
        // for the new one.
        remove_stale_socket(&self.paths.socket)?;
        let mut command = Command::new(SPEECH_DISPATCHER);
        command
            .arg("--run-single")
            .args(["--timeout", "0"])
            .args(["--log-level", &LOG_LEVEL.to_string()])
            .arg("--config-dir")
            .arg(&self.paths.conf_dir)
            .arg("--log-dir")
            .arg(&self.paths.logs_dir)
            .args(["--communication-method", "unix_socket"])
            .arg("--socket-path")
            .arg(&self.paths.socket)
            .arg("--pid-file")
            .arg(&self.paths.pid_file)
            .env("XDG_RUNTIME_DIR", &self.paths.runtime_dir)
            .env_remove("SPEECHD_ADDRESS");
        let child = spawn(command, &self.paths.output)?;
        tracing::debug!(pid = child.id(), dir = %self.paths.dir.display(), "started speech-dispatcher");
        self.child = Some(child);
        self.wait_ready()
    }

    fn wait_ready(&mut self) -> Result<(), Error> {
        let deadline = Instant::now() + READY_TIMEOUT;
        loop {
            if UnixStream::connect(&self.paths.socket).is_ok() {
                return Ok(());
            }
            if let Some(child) = self.child.take_if(|child| has_exited(child)) {
                let log_tail = self.log_tail();
                let status = kill_and_reap(child)?;
                return Err(Error::Exited {
                    what: "speech-dispatcher".to_owned(),
                    status,
                    log_tail,
                });
            }
            if Instant::now() >= deadline {
                let log_tail = self.log_tail();
                if let Some(child) = self.child.take() {
                    kill_and_reap(child)?;
                }
                return Err(Error::Timeout {
                    what: format!("speech-dispatcher's socket {}", self.paths.socket.display()),
                    log_tail,
                });
            }
            thread::sleep(POLL);
        }
    }

    /// The last meaningful log lines (without the voice list level 5 dumps at start).
    fn log_tail(&self) -> String {
        let text = self.log_text();
        let lines: Vec<&str> = text
            .lines()
            .filter(|line| {
                !line.contains("LINE here:") && !line.contains("bytes from output module")
            })
            .collect();
        let start = lines.len().saturating_sub(LOG_TAIL_LINES);
        lines[start..].join("\n")
    }
}

impl Drop for SpeechDispatcher {
    fn drop(&mut self) {
        if let Err(error) = self.stop() {
            tracing::warn!(%error, "speech-dispatcher teardown failed");
        }
        // `temp` (if still owned) removes the folder when the fields drop after this.
    }
}

/// The private `speechd.conf`.
fn speechd_conf(paths: &Paths) -> String {
    format!(
        "# Written by ferrum-testbed: espeak-ng into a WAV file, every message logged.\n\
         LogLevel {LOG_LEVEL}\n\
         AudioOutputMethod \"alsa\"\n\
         AudioALSADevice \"file:FILE={wav},FORMAT=wav\"\n\
         DefaultVolume 100\n\
         AddModule \"espeak-ng\" \"sd_espeak-ng\" \"espeak-ng.conf\"\n\
         DefaultModule espeak-ng\n",
        wav = paths.wav.display(),
    )
}

fn remove_stale_socket(socket: &Path) -> Result<(), Error> {
    match fs::symlink_metadata(socket) {
        Ok(meta) if meta.file_type().is_socket() => Ok(fs::remove_file(socket)?),
        _ => Ok(()),
    }
}

/// The value of sox `stat`'s "Maximum amplitude:" line.
fn parse_max_amplitude(stat: &str) -> Option<f64> {
    stat.lines().find_map(|line| {
        line.trim()
            .strip_prefix("Maximum amplitude:")
            .and_then(|value| value.trim().parse().ok())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sox_stat() {
        let stat = "Samples read:             67440\n\
                    Length (seconds):      3.058503\n\
                    Maximum amplitude:     0.922333\n\
                    Minimum amplitude:    -0.924286\n";
        assert_eq!(parse_max_amplitude(stat), Some(0.922333));
        assert_eq!(parse_max_amplitude("sox FAIL"), None);
    }

    #[test]
    fn config_routes_audio_to_the_wav() {
        let paths = Paths::new(Path::new("/tmp/x"));
        let conf = speechd_conf(&paths);
        assert!(conf.contains("AudioALSADevice \"file:FILE=/tmp/x/speech.wav,FORMAT=wav\""));
        assert!(conf.contains("DefaultModule espeak-ng"));
        assert_eq!(
            paths.socket,
            Path::new("/tmp/x/runtime/speech-dispatcher/speechd.sock")
        );
    }
}
