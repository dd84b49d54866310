//! Who may authenticate (polkit's identities as people with names), which program asks, and
//! which subject the agent registers for.

use std::collections::HashMap;
use std::path::Path;

use zbus::zvariant::{OwnedValue, Value};

/// The account database the agent reads names from. polkitd sends identities as numbers;
/// Ferrum's accounts are local (`/etc/passwd`, as accounts-daemon and the helper's PAM
/// stack see them), so no NSS lookup is needed.
const PASSWD: &str = "/etc/passwd";

/// A person who can authenticate for a request: one of polkit's identities with the
/// names to show.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Identity {
    /// The user id.
    pub uid: u32,
    /// The login name (what the helper is given).
    pub name: String,
    /// The real name from the account's GECOS field, or the login name.
    pub display_name: String,
}

/// One `/etc/passwd` entry's name and real name.
fn passwd_entry(passwd: &str, uid: u32) -> Option<(String, String)> {
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let _password = fields.next()?;
        let entry_uid: u32 = fields.next()?.parse().ok()?;
        let _gid = fields.next()?;
        let gecos = fields.next().unwrap_or_default();
        (entry_uid == uid && !name.is_empty()).then(|| {
            let real = gecos.split(',').next().unwrap_or_default().trim();
            let shown = if real.is_empty() { name } else { real };
            (name.to_owned(), shown.to_owned())
        })
    })
}

/// polkit's identities (`a(sa{sv})`) as people, in polkit's order. polkitd expands groups
/// into their members before asking an agent, so only `unix-user` entries are expected;
/// anything else, or a user id without an account, cannot authenticate and is left out.
pub(crate) fn identities_from(
    raw: &[(String, HashMap<String, OwnedValue>)],
    passwd: &str,
) -> Vec<Identity> {
    let mut people = Vec::new();
    for (kind, details) in raw {
        if kind != "unix-user" {
            tracing::debug!(kind, "an identity that is not a user is left out");
            continue;
        }
        let Some(uid) = details
            .get("uid")
            .and_then(|value| u32::try_from(value).ok())
        else {
            continue;
        };
        match passwd_entry(passwd, uid) {
            Some((name, display_name)) => {
                let identity = Identity {
                    uid,
                    name,
                    display_name,
                };
                if !people.contains(&identity) {
                    people.push(identity);
                }
            }
            None => tracing::debug!(uid, "an identity without an account is left out"),
        }
    }
    people
}

/// The identities read against this machine's `/etc/passwd`.
pub(crate) fn identities(raw: &[(String, HashMap<String, OwnedValue>)]) -> Vec<Identity> {
    let passwd = std::fs::read_to_string(PASSWD).unwrap_or_default();
    identities_from(raw, &passwd)
}

/// The program that asked: the `program` detail (pkexec names the program it would run),
/// else the name the subject process was started with (`polkit.subject-pid`, which polkitd
/// adds to every request), read from `/proc`.
pub(crate) fn program(details: &HashMap<String, String>, proc_root: &Path) -> Option<String> {
    if let Some(program) = details.get("program").filter(|p| !p.is_empty()) {
        return Some(program.clone());
    }
    let pid: u32 = details.get("polkit.subject-pid")?.parse().ok()?;
    let cmdline = std::fs::read(proc_root.join(pid.to_string()).join("cmdline")).ok()?;
    let first = cmdline.split(|byte| *byte == 0).next()?;
    let first = String::from_utf8_lossy(first);
    let name = first.rsplit('/').next().unwrap_or_default().trim();
    if name.is_empty() {
        // A kernel thread or a process that rewrote its arguments: its short name.
        let comm = std::fs::read_to_string(proc_root.join(pid.to_string()).join("comm")).ok()?;
        let comm = comm.trim();
        return (!comm.is_empty()).then(|| comm.to_owned());
    }
    Some(name.to_owned())
}

/// What the agent registers for: polkitd asks it about requests whose subject is in this
/// session, or is this process.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A logind session (`unix-session`): every program of the person's session.
    Session(String),
    /// One process (`unix-process`): requests made by it (e.g. a daemon the settings app
    /// called, which names the app's bus name as subject).
    Process {
        /// Its process id.
        pid: u32,
        /// Its start time in clock ticks since boot (`/proc/<pid>/stat` field 22), which
        /// tells a reused process id apart.
        start_time: u64,
    },
}

impl Subject {
    /// The process `pid` with its start time read from `/proc`.
    pub fn process(pid: u32) -> std::io::Result<Subject> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
        let start_time = start_time_of(&stat).ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("/proc/{pid}/stat has no start time"),
            )
        })?;
        Ok(Subject::Process { pid, start_time })
    }

    /// This process.
    pub fn this_process() -> std::io::Result<Subject> {
        Self::process(std::process::id())
    }

    /// The session named by `XDG_SESSION_ID` (set by pam_systemd at login), if any.
    pub fn this_session() -> Option<Subject> {
        std::env::var("XDG_SESSION_ID")
            .ok()
            .filter(|id| !id.is_empty())
            .map(Subject::Session)
    }

    /// The subject as polkit's `(sa{sv})`.
    pub(crate) fn to_polkit(&self) -> (&'static str, HashMap<&'static str, Value<'_>>) {
        match self {
            Subject::Session(id) => (
                "unix-session",
                HashMap::from([("session-id", Value::from(id.as_str()))]),
            ),
            Subject::Process { pid, start_time } => (
                "unix-process",
                HashMap::from([
                    ("pid", Value::from(*pid)),
                    ("start-time", Value::from(*start_time)),
                ]),
            ),
        }
    }
}

/// Field 22 of `/proc/<pid>/stat` (after the command name in parentheses, which may itself
/// hold spaces and parentheses).
fn start_time_of(stat: &str) -> Option<u64> {
    let (_, rest) = stat.rsplit_once(')')?;
    // `rest` starts at field 3 (state); field 22 is the 20th after it.
    rest.split_whitespace().nth(19)?.parse().ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    const PASSWD_TEXT: &str = "root:x:0:0:root:/root:/bin/bash\n\
        ada:x:1501:1501:Ada Lovelace,,,:/home/ada:/bin/bash\n\
        grace:x:1502:1502::/home/grace:/bin/bash\n\
        broken line\n";

    fn user(uid: u32) -> (String, HashMap<String, OwnedValue>) {
        (
            "unix-user".into(),
            HashMap::from([("uid".to_owned(), OwnedValue::from(uid))]),
        )
    }

    #[test]
    fn users_get_their_names_and_the_rest_is_left_out() {
        let group = (
            "unix-group".to_owned(),
            HashMap::from([("gid".to_owned(), OwnedValue::from(27_u32))]),
        );
        let raw = vec![user(1501), group, user(1502), user(4242), user(1501)];
        assert_eq!(
            identities_from(&raw, PASSWD_TEXT),
            vec![
                Identity {
                    uid: 1501,
                    name: "ada".into(),
                    display_name: "Ada Lovelace".into()
                },
                Identity {
                    uid: 1502,
                    name: "grace".into(),
                    display_name: "grace".into()
                },
            ]
        );
    }

    #[test]
    fn the_program_is_pkexec_s_detail_or_the_subject_s_first_argument() {
        let dir = tempfile::tempdir().unwrap();
        let proc_dir = dir.path().join("77");
        std::fs::create_dir(&proc_dir).unwrap();
        std::fs::write(
            proc_dir.join("cmdline"),
            b"/usr/bin/ferrum-settings\0users\0",
        )
        .unwrap();
        let mut details = HashMap::from([("polkit.subject-pid".to_owned(), "77".to_owned())]);
        assert_eq!(
            program(&details, dir.path()).as_deref(),
            Some("ferrum-settings")
        );
        details.insert("program".into(), "/usr/bin/bash".into());
        assert_eq!(
            program(&details, dir.path()).as_deref(),
            Some("/usr/bin/bash")
        );
        let empty = HashMap::from([("polkit.subject-pid".to_owned(), "78".to_owned())]);
        assert_eq!(program(&empty, dir.path()), None);
    }

    #[test]
    fn the_start_time_is_field_22_even_with_odd_command_names() {
        let stat =
            "4242 (a (b) c) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10";
        assert_eq!(start_time_of(stat), Some(987_654));
        assert!(matches!(
            Subject::this_process().unwrap(),
            Subject::Process { pid, start_time } if pid == std::process::id() && start_time > 0
        ));
    }
}
