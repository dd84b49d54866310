//! What `demo` and `bench` need to run `ferrum-greeter` as greetd would: a fake greetd
//! ([`ferrum_testbed::fake_greetd`]) on a tokio runtime of this process, and a settings file
//! naming one desktop session, the keyboard layouts offered and where the greeter remembers
//! choices, all in a folder uid 65534 (the greeter's user under headless sway) can read.

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use ferrum_testbed::Service;
use ferrum_testbed::fake_greetd::{FakeGreetd, Fault, Round};
use serde_json::Value;
use tokio::runtime::Runtime;

use crate::util::{self, Result};

/// The services the greeter reads: the user list, battery, power actions and network status.
pub const SERVICES: &[Service] = &[
    Service::Accounts,
    Service::UPower,
    Service::Logind,
    Service::NetworkManagerMock,
];
/// The fake greetd's people (the test bed's fixture users) and their passwords.
pub const PEOPLE: &[(&str, &str)] = &[("ada", "lovelace"), ("grace", "hopper")];
/// The one desktop session offered.
const SESSION_FILE: &str = "[Desktop Entry]\nType=Application\nName=Ferrum\nExec=ferrum-session\n";

/// A fake greetd and the greeter's settings; both go away when this is dropped.
#[derive(Debug)]
pub struct Fixture {
    /// Declared before the runtime so the socket's folder goes first, then the server's task.
    server: FakeGreetd,
    /// Runs the server's task in the background while the greeter runs.
    _runtime: Runtime,
    /// Holds the settings file, the sessions folder and the state file.
    _dir: tempfile::TempDir,
    config: PathBuf,
}

impl Fixture {
    /// Starts the fake greetd (one password round per person in [`PEOPLE`]) and writes the
    /// greeter's settings.
    pub fn start() -> Result<Self> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()?;
        let accounts = PEOPLE
            .iter()
            .map(|(user, password)| (*user, vec![Round::Secret("Password: ", password)]))
            .collect();
        let server = runtime.block_on(FakeGreetd::start(accounts, Fault::None));
        server.open_to_all_users()?;
        let dir = util::readable_temp_dir("ferrum-demo-greeter-")?;
        let config = write_config(dir.path())?;
        Ok(Self {
            server,
            _runtime: runtime,
            _dir: dir,
            config,
        })
    }

    /// The greeter's arguments: its settings file.
    pub fn args(&self) -> Vec<String> {
        vec!["--config".to_owned(), self.config.display().to_string()]
    }

    /// What the greeter's environment needs besides the system bus: greetd's socket.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![("GREETD_SOCK", self.server.path().display().to_string())]
    }

    /// One line for the report: what the greeter talks to.
    pub fn describe(&self) -> String {
        let people: Vec<String> = PEOPLE
            .iter()
            .map(|(user, password)| format!("{user}/{password}"))
            .collect();
        format!(
            "fake greetd (ferrum_testbed::fake_greetd) at {}, one password round each: {}",
            self.server.path().display(),
            people.join(", ")
        )
    }
}

/// Writes `greeter.toml` and `sessions/ferrum.desktop` into `dir`; returns the settings
/// file. The state file stays unwritten: nobody logs in.
fn write_config(dir: &Path) -> Result<PathBuf> {
    let sessions = dir.join("sessions");
    fs::create_dir(&sessions)?;
    fs::set_permissions(&sessions, fs::Permissions::from_mode(0o755))?;
    fs::write(sessions.join("ferrum.desktop"), SESSION_FILE)?;
    let config = dir.join("greeter.toml");
    fs::write(&config, config_text(&sessions, &dir.join("state.toml")))?;
    Ok(config)
}

/// The settings file's text.
fn config_text(sessions: &Path, state_file: &Path) -> String {
    format!(
        "default_session = \"ferrum\"\n\
         keyboard_layouts = [\"us\", \"de\"]\n\
         session_dirs = [{}]\n\
         state_file = {}\n",
        toml_string(sessions),
        toml_string(state_file)
    )
}

/// A path as a TOML basic string (JSON's string escapes are valid TOML).
fn toml_string(path: &Path) -> String {
    Value::from(path.display().to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_names_the_folders() {
        let text = config_text(Path::new("/tmp/x/sessions"), Path::new("/tmp/x/state.toml"));
        assert!(
            text.contains("session_dirs = [\"/tmp/x/sessions\"]"),
            "{text}"
        );
        assert!(
            text.contains("state_file = \"/tmp/x/state.toml\""),
            "{text}"
        );
    }
}
