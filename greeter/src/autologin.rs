//! Automatic login: greetd's `initial_session`, written from the choice AccountsService keeps.
//!
//! The Users page turns automatic login on for one person through AccountsService's
//! `SetAutomaticLogin` (polkit's `org.freedesktop.accounts.set-login-option`, an
//! administrator's). Debian's accounts-daemon keeps that choice in GDM's file,
//! `/etc/gdm3/daemon.conf` (`[daemon]` `AutomaticLoginEnable=True`, `AutomaticLogin=<name>`),
//! which greetd never reads. Before greetd starts, `ferrum-greetd-config` (root, greetd's
//! `ExecStartPre=`) calls [`translate`] on greetd's own `/etc/greetd/config.toml`, that file
//! and `/etc/passwd`, and writes the result to `/run/greetd/config.toml`, the file greetd is
//! started with: the same configuration plus `[initial_session]` for that person, with the
//! session the login screen would start for them. greetd starts `initial_session` once, when it
//! starts (its runfile in `/run` keeps a restart within the boot from starting it again): after
//! a logout the login screen comes.
//!
//! IMPORTANT: this never fails closed (no login screen) nor open (a session for root or a
//! system account). Whatever is missing, unreadable or malformed gives greetd's configuration
//! without `initial_session`; a person is logged in automatically only when they are a real
//! account in `/etc/passwd` with a uid in [`PEOPLE_UIDS`] and a login name
//! [`ferrum_services::users::check_name`] takes. An `initial_session` already in greetd's file
//! is dropped: the Users page is the one place automatic login is set.

use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::memory::Memory;
use crate::sessions::{self, Session};

/// greetd's configuration as the image ships it (and as an administrator may change it).
pub const GREETD_CONFIG: &str = "/etc/greetd/config.toml";
/// Where Debian's accounts-daemon keeps the automatic login (only when `/etc/gdm3` exists).
pub const DAEMON_CONF: &str = "/etc/gdm3/daemon.conf";
/// The accounts.
pub const PASSWD: &str = "/etc/passwd";
/// The configuration greetd is started with (`greetd --config`).
pub const OUTPUT: &str = "/run/greetd/config.toml";

/// The uids of people (Debian's `FIRST_UID`..`LAST_UID`, AccountsService's non-system
/// accounts); root, system accounts and `nobody` are never logged in automatically.
pub const PEOPLE_UIDS: RangeInclusive<u32> = 1000..=59999;

/// greetd's configuration when its own file cannot be read (the image's): the login screen
/// must come whatever happened to the file.
pub const FALLBACK_GREETD_CONFIG: &str = "[terminal]\nvt = 7\n\n[default_session]\n\
command = \"cage -d -- /usr/bin/ferrum-greeter\"\nuser = \"_greetd\"\n";

/// What AccountsService's file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// No automatic login (or no file).
    Off,
    /// Automatic login for this login name.
    On(String),
}

/// Reads `[daemon]` of GDM's `daemon.conf` (a GLib key file) as accounts-daemon writes it.
/// Anything else — no section, no name, a value that is not a boolean — is [`Choice::Off`].
pub fn read_choice(daemon_conf: &str) -> Choice {
    let mut in_daemon = false;
    let mut enabled = false;
    let mut name = None;
    for line in daemon_conf.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') {
            in_daemon = line == "[daemon]";
            continue;
        }
        if !in_daemon {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        match key.trim() {
            // GLib's booleans: true/false or 1/0 (accounts-daemon writes True/False).
            "AutomaticLoginEnable" => {
                enabled = matches!(value.trim().to_ascii_lowercase().as_str(), "true" | "1");
            }
            "AutomaticLogin" => name = Some(value.trim().to_owned()),
            _ => {}
        }
    }
    match name {
        Some(name) if enabled && !name.is_empty() => Choice::On(name),
        _ => Choice::Off,
    }
}

/// An account's uid in `/etc/passwd`'s text, when the name is there.
pub fn passwd_uid(passwd: &str, name: &str) -> Option<u32> {
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        (fields.next() == Some(name))
            .then(|| fields.nth(1).and_then(|uid| uid.parse().ok()))
            .flatten()
    })
}

/// Why the chosen person is not logged in automatically.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The name is not a login name (it would not be one `useradd` makes).
    #[error("{0:?} is not a login name")]
    BadName(String),
    /// No account of that name in `/etc/passwd` (or the file could not be read).
    #[error("no account named {0:?}")]
    UnknownUser(String),
    /// Root or a system account.
    #[error("{name:?} (uid {uid}) is not a person's account")]
    SystemAccount {
        /// The login name.
        name: String,
        /// Its uid.
        uid: u32,
    },
}

/// The outcome of [`translate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Automatic login is off.
    Off,
    /// `initial_session` for this person.
    On(String),
    /// Automatic login is on for someone who may not have it: off.
    Refused(Refusal),
    /// greetd's own file could not be parsed: written as it is, without `initial_session`
    /// (greetd says what is wrong with it, as it would have without us).
    GreetdConfigMalformed(String),
    /// greetd's own file could not be read: [`FALLBACK_GREETD_CONFIG`].
    GreetdConfigUnreadable,
}

/// What to write for greetd, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    /// The configuration greetd is started with.
    pub text: String,
    /// What was decided.
    pub outcome: Outcome,
}

/// What [`translate`] reads (each file's text, `None` when it could not be read).
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// `/etc/greetd/config.toml`.
    pub greetd: Option<&'a str>,
    /// `/etc/gdm3/daemon.conf`.
    pub daemon_conf: Option<&'a str>,
    /// `/etc/passwd`.
    pub passwd: Option<&'a str>,
}

/// The person automatic login is for, checked: a login name, in `/etc/passwd`, a person's uid.
pub fn check_person(name: &str, passwd: Option<&str>) -> Result<(), Refusal> {
    if ferrum_services::users::check_name(name).is_err() {
        return Err(Refusal::BadName(name.to_owned()));
    }
    let uid = passwd
        .and_then(|passwd| passwd_uid(passwd, name))
        .ok_or_else(|| Refusal::UnknownUser(name.to_owned()))?;
    if !PEOPLE_UIDS.contains(&uid) {
        return Err(Refusal::SystemAccount {
            name: name.to_owned(),
            uid,
        });
    }
    Ok(())
}

/// greetd's configuration with `initial_session` for the person AccountsService's file names
/// (checked with [`check_person`]) starting `session_command(name)`, else without one.
pub fn translate(inputs: Inputs<'_>, session_command: impl Fn(&str) -> String) -> Translation {
    let Some(greetd) = inputs.greetd else {
        return Translation {
            text: FALLBACK_GREETD_CONFIG.to_owned(),
            outcome: Outcome::GreetdConfigUnreadable,
        };
    };
    let mut table = match greetd.parse::<toml::Table>() {
        Ok(table) => table,
        Err(error) => {
            return Translation {
                text: greetd.to_owned(),
                outcome: Outcome::GreetdConfigMalformed(error.to_string().trim().to_owned()),
            };
        }
    };
    table.remove("initial_session");
    let outcome = match inputs.daemon_conf.map(read_choice) {
        None | Some(Choice::Off) => Outcome::Off,
        Some(Choice::On(name)) => match check_person(&name, inputs.passwd) {
            Ok(()) => {
                let mut initial = toml::Table::new();
                initial.insert("command".into(), session_command(&name).into());
                initial.insert("user".into(), name.clone().into());
                table.insert("initial_session".into(), initial.into());
                Outcome::On(name)
            }
            Err(refusal) => Outcome::Refused(refusal),
        },
    };
    match toml::to_string(&table) {
        Ok(text) => Translation { text, outcome },
        // Not expected of a table that was just parsed; greetd's own text is still right.
        Err(error) => Translation {
            text: greetd.to_owned(),
            outcome: Outcome::GreetdConfigMalformed(error.to_string()),
        },
    }
}

/// The `(user, command)` of a session table of greetd's configuration (`initial_session`,
/// `default_session`), when it has one.
pub fn session_in(config: &str, table: &str) -> Option<(String, String)> {
    let config = config.parse::<toml::Table>().ok()?;
    let session = config.get(table)?.as_table()?;
    Some((
        session.get("user")?.as_str()?.to_owned(),
        session.get("command")?.as_str()?.to_owned(),
    ))
}

/// A word for `/bin/sh -c` (greetd runs the command through the shell): as it is when it
/// has nothing the shell would read, else in single quotes.
pub fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | '=' | ':'));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// The command the login screen would start for `name`: their last session
/// ([`Memory`]), else the configured default, else the first one installed, with the
/// environment the greeter gives a session (`XDG_SESSION_TYPE`, `XDG_SESSION_DESKTOP`);
/// the greeter's fallback command when no session is installed.
pub fn session_command(
    sessions: &[Session],
    config: &Config,
    memory: &Memory,
    name: &str,
) -> String {
    let last = memory.sessions.get(name).map(String::as_str);
    let words: Vec<String> =
        match sessions::preselect(sessions, last, config.default_session.as_deref()) {
            Some(session) => {
                let mut words = vec![
                    "env".to_owned(),
                    format!(
                        "XDG_SESSION_TYPE={}",
                        if session.x11 { "x11" } else { "wayland" }
                    ),
                    format!("XDG_SESSION_DESKTOP={}", session.id),
                ];
                words.extend(session.command.iter().cloned());
                words
            }
            None => config.fallback_command.clone(),
        };
    words
        .iter()
        .map(|word| shell_word(word))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes `text` to `path` atomically (a temporary file beside it, then a rename), mode 0644,
/// making its folder (0755) if needed.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    use std::os::unix::fs::{DirBuilderExt as _, OpenOptionsExt as _, PermissionsExt as _};
    let folder = path.parent().unwrap_or(Path::new("/"));
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o755)
        .create(folder)?;
    let mut temporary = PathBuf::from(path);
    temporary.set_extension("toml.tmp");
    let _ = std::fs::remove_file(&temporary);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o644)
        .open(&temporary)?;
    // The process's umask does not narrow it.
    file.set_permissions(std::fs::Permissions::from_mode(0o644))?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&temporary, path)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    const GREETD: &str = "[terminal]\nvt = 7\n\n[default_session]\n\
command = \"cage -d -- /usr/bin/ferrum-greeter\"\nuser = \"_greetd\"\n";
    const PASSWD_TEXT: &str = "root:x:0:0:root:/root:/bin/bash\n\
_greetd:x:108:113::/var/lib/greetd:/bin/false\n\
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n\
ada:x:1000:1000:Ada Lovelace:/home/ada:/bin/bash\n\
grace:x:1001:1001:Grace Hopper:/home/grace:/bin/bash\n";
    const SESSION: &str =
        "env XDG_SESSION_TYPE=wayland XDG_SESSION_DESKTOP=ferrum /usr/lib/ferrum/session";

    fn daemon_conf(enabled: &str, name: &str) -> String {
        format!(
            "# GDM configuration storage\n\n[daemon]\nAutomaticLoginEnable={enabled}\nAutomaticLogin={name}\n\n[security]\n\n[xdmcp]\n"
        )
    }

    fn run(daemon: Option<&str>) -> Translation {
        translate(
            Inputs {
                greetd: Some(GREETD),
                daemon_conf: daemon,
                passwd: Some(PASSWD_TEXT),
            },
            |_| SESSION.to_owned(),
        )
    }

    fn parsed(text: &str) -> toml::Table {
        text.parse::<toml::Table>().expect("valid TOML for greetd")
    }

    /// The configuration without `initial_session` is greetd's own, table for table.
    fn assert_plain(translation: &Translation) {
        let table = parsed(&translation.text);
        assert!(
            table.get("initial_session").is_none(),
            "{}",
            translation.text
        );
        assert_eq!(table, parsed(GREETD));
    }

    #[test]
    fn on_adds_the_initial_session_and_keeps_the_rest() {
        let translation = run(Some(&daemon_conf("True", "grace")));
        assert_eq!(translation.outcome, Outcome::On("grace".into()));
        let table = parsed(&translation.text);
        let initial = table["initial_session"].as_table().expect("a table");
        assert_eq!(initial["user"].as_str(), Some("grace"));
        assert_eq!(initial["command"].as_str(), Some(SESSION));
        assert_eq!(
            session_in(&translation.text, "initial_session"),
            Some(("grace".into(), SESSION.into()))
        );
        assert_eq!(
            session_in(&translation.text, "default_session"),
            session_in(GREETD, "default_session")
        );
        assert_eq!(table["default_session"], parsed(GREETD)["default_session"]);
        assert_eq!(table["terminal"]["vt"].as_integer(), Some(7));
        // GLib's other spellings of true.
        for enabled in ["true", "1"] {
            assert_eq!(
                run(Some(&daemon_conf(enabled, "ada"))).outcome,
                Outcome::On("ada".into())
            );
        }
    }

    #[test]
    fn off_or_missing_gives_no_initial_session() {
        for translation in [
            run(Some(&daemon_conf("False", "grace"))),
            run(Some(&daemon_conf("True", ""))),
            run(Some("[daemon]\nAutomaticLoginEnable=True\n")),
            run(Some(
                "[security]\nAutomaticLoginEnable=True\nAutomaticLogin=grace\n",
            )),
            run(Some("")),
            run(None),
        ] {
            assert_eq!(translation.outcome, Outcome::Off);
            assert_plain(&translation);
        }
        // An initial_session already in greetd's file goes: the Users page decides.
        let with_initial =
            format!("{GREETD}\n[initial_session]\ncommand = \"sh\"\nuser = \"root\"\n");
        let translation = translate(
            Inputs {
                greetd: Some(&with_initial),
                daemon_conf: None,
                passwd: Some(PASSWD_TEXT),
            },
            |_| SESSION.to_owned(),
        );
        assert_plain(&translation);
    }

    #[test]
    fn malformed_files_never_block_the_login_screen() {
        // A damaged daemon.conf reads as off.
        for damaged in [
            "\u{0}\u{1}garbage",
            "[daemon\nAutomaticLogin",
            "[daemon]\n=\n==True",
        ] {
            let translation = run(Some(damaged));
            assert_eq!(translation.outcome, Outcome::Off, "{damaged:?}");
            assert_plain(&translation);
        }
        // Damaged greetd config: written as it is, never with an initial_session.
        let broken = "[default_session\ncommand = \"x\"";
        let translation = translate(
            Inputs {
                greetd: Some(broken),
                daemon_conf: Some(&daemon_conf("True", "grace")),
                passwd: Some(PASSWD_TEXT),
            },
            |_| SESSION.to_owned(),
        );
        assert!(matches!(
            translation.outcome,
            Outcome::GreetdConfigMalformed(_)
        ));
        assert_eq!(translation.text, broken);
        // Unreadable greetd config: the image's login screen, no initial_session.
        let translation = translate(
            Inputs {
                greetd: None,
                daemon_conf: Some(&daemon_conf("True", "grace")),
                passwd: Some(PASSWD_TEXT),
            },
            |_| SESSION.to_owned(),
        );
        assert_eq!(translation.outcome, Outcome::GreetdConfigUnreadable);
        let table = parsed(&translation.text);
        assert!(table.get("initial_session").is_none());
        assert_eq!(table["default_session"]["user"].as_str(), Some("_greetd"));
    }

    #[test]
    fn unknown_and_system_accounts_are_refused() {
        let translation = run(Some(&daemon_conf("True", "linus")));
        assert_eq!(
            translation.outcome,
            Outcome::Refused(Refusal::UnknownUser("linus".into()))
        );
        assert_plain(&translation);
        for (name, uid) in [("root", 0), ("_greetd", 108), ("nobody", 65534)] {
            let translation = run(Some(&daemon_conf("True", name)));
            assert_eq!(
                translation.outcome,
                Outcome::Refused(Refusal::SystemAccount {
                    name: name.into(),
                    uid
                }),
                "{name}"
            );
            assert_plain(&translation);
        }
        // No passwd to check against: nobody.
        let translation = translate(
            Inputs {
                greetd: Some(GREETD),
                daemon_conf: Some(&daemon_conf("True", "grace")),
                passwd: None,
            },
            |_| SESSION.to_owned(),
        );
        assert_eq!(
            translation.outcome,
            Outcome::Refused(Refusal::UnknownUser("grace".into()))
        );
        assert_plain(&translation);
    }

    #[test]
    fn names_are_checked_and_quoted() {
        // Names that would break out of the TOML string or the shell are refused before
        // anything is looked up; a passwd line with such a name does not help.
        let passwd = format!("{PASSWD_TEXT}a\"b:x:1002:1002::/home/x:/bin/sh\n");
        for bad in ["a\"b", "grace;reboot", "$(reboot)", "Grace", "ada lovelace"] {
            let translation = translate(
                Inputs {
                    greetd: Some(GREETD),
                    daemon_conf: Some(&daemon_conf("True", bad)),
                    passwd: Some(&passwd),
                },
                |_| SESSION.to_owned(),
            );
            assert!(
                matches!(&translation.outcome, Outcome::Refused(_) | Outcome::Off),
                "{bad:?}: {:?}",
                translation.outcome
            );
            assert_plain(&translation);
        }
        // The user and the command are TOML strings, whatever they hold.
        let translation = translate(
            Inputs {
                greetd: Some(GREETD),
                daemon_conf: Some(&daemon_conf("True", "grace")),
                passwd: Some(PASSWD_TEXT),
            },
            |_| "sh -c 'echo \"hi\"\\n'".to_owned(),
        );
        let table = parsed(&translation.text);
        assert_eq!(
            table["initial_session"]["command"].as_str(),
            Some("sh -c 'echo \"hi\"\\n'")
        );
        assert_eq!(
            shell_word("/usr/lib/ferrum/session"),
            "/usr/lib/ferrum/session"
        );
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        assert_eq!(shell_word("a b"), "'a b'");
        assert_eq!(shell_word(""), "''");
    }

    #[test]
    fn the_session_is_the_login_screens() {
        let ferrum = Session {
            id: "ferrum".into(),
            name: "Ferrum".into(),
            command: vec!["/usr/lib/ferrum/session".into()],
            x11: false,
        };
        let sway = Session {
            id: "sway".into(),
            name: "Sway".into(),
            command: vec!["sway".into(), "--unsupported-gpu".into()],
            x11: false,
        };
        let sessions = [ferrum.clone(), sway];
        let config = Config::default();
        let mut memory = Memory::default();
        assert_eq!(
            session_command(&sessions, &config, &memory, "grace"),
            SESSION
        );
        memory.remember("grace", "sway");
        assert_eq!(
            session_command(&sessions, &config, &memory, "grace"),
            "env XDG_SESSION_TYPE=wayland XDG_SESSION_DESKTOP=sway sway --unsupported-gpu"
        );
        assert_eq!(
            session_command(&[], &config, &memory, "grace"),
            "cage -s -- ferrum-settings"
        );
        assert_eq!(passwd_uid(PASSWD_TEXT, "grace"), Some(1001));
        assert_eq!(passwd_uid(PASSWD_TEXT, "gra"), None);
    }

    #[test]
    fn the_file_is_replaced_atomically_and_readable() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("greetd/config.toml");
        write_atomically(&path, "a = 1\n").unwrap();
        write_atomically(&path, "a = 2\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a = 2\n");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
        let left: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left");
    }
}
