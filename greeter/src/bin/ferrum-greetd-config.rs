//! `ferrum-greetd-config`: writes the configuration greetd is started with
//! (`/run/greetd/config.toml`) from greetd's own (`/etc/greetd/config.toml`) and the automatic
//! login AccountsService keeps (`/etc/gdm3/daemon.conf`); greetd's `ExecStartPre=`, as root.
//! See [`ferrum_greeter::autologin`]. Every outcome is one line on stderr (the journal); the
//! exit status is an error only when the file could not be written.

use std::path::Path;

use ferrum_greeter::autologin::{self, Inputs, Outcome};
use ferrum_greeter::config::{self, Config};
use ferrum_greeter::memory::Memory;
use ferrum_greeter::sessions;

fn read(path: &str) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => {
            eprintln!("ferrum-greetd-config: {path}: {error}");
            None
        }
    }
}

fn main() -> std::process::ExitCode {
    if std::env::args().len() > 1 {
        eprintln!(
            "usage: ferrum-greetd-config (reads {}, {} and {}; writes {})",
            autologin::GREETD_CONFIG,
            autologin::DAEMON_CONF,
            autologin::PASSWD,
            autologin::OUTPUT
        );
        return std::process::ExitCode::from(2);
    }
    let greetd = read(autologin::GREETD_CONFIG);
    let daemon_conf = read(autologin::DAEMON_CONF);
    let passwd = read(autologin::PASSWD);
    let session_command = |name: &str| {
        let (config, problem) = Config::load(Path::new(config::DEFAULT_PATH));
        if let Some(problem) = problem {
            eprintln!("ferrum-greetd-config: the greeter's settings: {problem}");
        }
        let found = sessions::discover(&config.session_dirs, "en");
        let memory: Memory = Memory::load(&config.state_file);
        autologin::session_command(&found, &config, &memory, name)
    };
    let translation = autologin::translate(
        Inputs {
            greetd: greetd.as_deref(),
            daemon_conf: daemon_conf.as_deref(),
            passwd: passwd.as_deref(),
        },
        session_command,
    );
    match &translation.outcome {
        Outcome::Off => eprintln!("ferrum-greetd-config: no automatic login"),
        Outcome::On(name) => eprintln!("ferrum-greetd-config: automatic login for {name}"),
        Outcome::Refused(refusal) => {
            eprintln!("ferrum-greetd-config: no automatic login: {refusal}");
        }
        Outcome::GreetdConfigMalformed(why) => eprintln!(
            "ferrum-greetd-config: {} is not valid TOML, passed on as it is: {why}",
            autologin::GREETD_CONFIG
        ),
        Outcome::GreetdConfigUnreadable => eprintln!(
            "ferrum-greetd-config: {} could not be read; the image's login screen is used",
            autologin::GREETD_CONFIG
        ),
    }
    match autologin::write_atomically(Path::new(autologin::OUTPUT), &translation.text) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ferrum-greetd-config: {}: {error}", autologin::OUTPUT);
            std::process::ExitCode::FAILURE
        }
    }
}
