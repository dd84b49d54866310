//! The real polkitd on the bed's bus ([`crate::Service::PolkitDaemon`]), with accounts that
//! can authenticate for real through polkit's setuid helper and PAM.
//!
//! polkitd runs under `unshare -m` with, mounted over the originals only in its mount
//! namespace:
//! - private copies of `/etc/passwd`, `/etc/shadow` and `/etc/group` holding the host's
//!   accounts plus [`ADMINS`] (with known passwords) and [`PERSON`] (the user whose program
//!   asks);
//! - `/etc/polkit-1/rules.d` with one rule: [`ADMINS`] are the administrators (instead of
//!   Debian's `unix-group:sudo`);
//! - `/usr/share/polkit-1/actions`: the host's actions plus [`TEST_ACTION`], which needs
//!   `auth_admin` whoever asks, with its message in English and German;
//! - `/run/dbus`: the bed's bus folder, because `polkit-agent-helper-1` clears its
//!   environment and reaches polkitd at `/run/dbus/system_bus_socket`.
//!
//! An agent that checks passwords must see the same files, so its thread joins polkitd's
//! mount namespace ([`crate::TestBed::enter_polkit_mount_namespace`]); the helper it starts
//! inherits it and authenticates through the host's real PAM stack (`/usr/lib/pam.d/polkit-1`,
//! `pam_unix` reading the private `/etc/shadow`). Requests come from a process of [`PERSON`]
//! ([`PolkitSubject`]): polkitd authorizes root without asking anyone.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use crate::spec::{Layout, Requirement, ServiceSpec};
use crate::{Error, network::shell_quote};

/// polkitd, from the Debian package `polkitd`.
pub const POLKITD: &str = "/usr/lib/polkit-1/polkitd";
/// polkit's setuid helper, from the Debian package `polkitd`.
pub const HELPER: &str = "/usr/lib/polkit-1/polkit-agent-helper-1";
/// An action that needs an administrator's password (`auth_admin` for any subject).
pub const TEST_ACTION: &str = "org.ferrum.test.change-setting";
/// [`TEST_ACTION`]'s message in English (polkit's default).
pub const TEST_ACTION_MESSAGE: &str = "Authentication is required to change the test setting";
/// [`TEST_ACTION`]'s message in German (`de_DE.UTF-8`).
pub const TEST_ACTION_MESSAGE_DE: &str =
    "Zum Ändern der Testeinstellung ist eine Authentifizierung notwendig";

/// An account on the polkit bed.
#[derive(Debug, Clone, Copy)]
pub struct PolkitAccount {
    /// Login name.
    pub name: &'static str,
    /// Real name (GECOS).
    pub real_name: &'static str,
    /// User and group id.
    pub uid: u32,
    /// The password (test data).
    pub password: &'static str,
    /// Its SHA-512 crypt hash (`openssl passwd -6`), as in `/etc/shadow`.
    hash: &'static str,
}

/// The administrators, in the order the rule names them (polkit asks in that order).
pub const ADMINS: [PolkitAccount; 2] = [
    PolkitAccount {
        name: "ferrum-admin",
        real_name: "Ferrum Administrator",
        uid: 1601,
        password: "correct horse battery",
        hash: "$6$ferrumpolkitadm$EnTCpZB2csibsfYMqZepqZBFaWlzjZ1FOgcWgKNfVcZqDowuNUR5wKFiiz1nZl30JWCb/bdJkhZv3evefDkXm.",
    },
    PolkitAccount {
        name: "ferrum-operator",
        real_name: "Ferrum Operator",
        uid: 1602,
        password: "operator staple",
        hash: "$6$ferrumpolkitop$NTXx4VcqijEyg4ocY3oOGhrkxUuv47bTh3.bifjwgzlfo7fPuzB7TXLYNdMUzEk4fkZ91NGJrQoevtND8Ua7E1",
    },
];

/// The person whose program asks (no password: never authenticates).
pub const PERSON: PolkitAccount = PolkitAccount {
    name: "ferrum-person",
    real_name: "Ferrum Person",
    uid: 1603,
    password: "",
    hash: "!",
};

fn accounts() -> impl Iterator<Item = &'static PolkitAccount> {
    ADMINS.iter().chain(std::iter::once(&PERSON))
}

const RULES: &str = r#"// The Ferrum test bed: its administrators (before Debian's 50-default.rules).
polkit.addAdminRule(function(action, subject) {
    return ["unix-user:ferrum-admin", "unix-user:ferrum-operator"];
});
"#;

fn policy() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE policyconfig PUBLIC "-//freedesktop//DTD PolicyKit Policy Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/PolicyKit/1/policyconfig.dtd">
<policyconfig>
  <vendor>Ferrum test bed</vendor>
  <action id="{TEST_ACTION}">
    <description>Change the test setting</description>
    <message>{TEST_ACTION_MESSAGE}</message>
    <message xml:lang="de">{TEST_ACTION_MESSAGE_DE}</message>
    <defaults>
      <allow_any>auth_admin</allow_any>
      <allow_inactive>auth_admin</allow_inactive>
      <allow_active>auth_admin</allow_active>
    </defaults>
  </action>
</policyconfig>
"#
    )
}

fn host_file(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The recipe of [`crate::Service::PolkitDaemon`].
pub(crate) fn polkitd(layout: &Layout) -> ServiceSpec {
    let dir = layout.service_dir("polkit");
    let passwd = dir.join("passwd");
    let shadow = dir.join("shadow");
    let group = dir.join("group");
    let rules = dir.join("rules.d");
    let actions = dir.join("actions");
    let quoted = |path: &PathBuf| shell_quote(&path.display().to_string());
    let script = format!(
        "cp /usr/share/polkit-1/actions/*.policy {actions}/ 2>/dev/null; \
         mount --bind {passwd} /etc/passwd && mount --bind {shadow} /etc/shadow && \
         mount --bind {group} /etc/group && \
         mkdir -p /etc/polkit-1/rules.d && mount --bind {rules} /etc/polkit-1/rules.d && \
         mount --bind {actions} /usr/share/polkit-1/actions && \
         mount --bind {bus} /run/dbus && \
         exec {POLKITD}",
        actions = quoted(&actions),
        passwd = quoted(&passwd),
        shadow = quoted(&shadow),
        group = quoted(&group),
        rules = quoted(&rules),
        bus = quoted(&layout.bus_dir),
    );
    let passwd_lines: String = accounts()
        .map(|a| {
            format!(
                "{name}:x:{uid}:{uid}:{real}:/nonexistent:/bin/sh\n",
                name = a.name,
                uid = a.uid,
                real = a.real_name
            )
        })
        .collect();
    let shadow_lines: String = accounts()
        .map(|a| format!("{}:{}:19000:0:99999:7:::\n", a.name, a.hash))
        .collect();
    let group_lines: String = accounts()
        .map(|a| format!("{name}:x:{uid}:\n", name = a.name, uid = a.uid))
        .collect();
    ServiceSpec {
        requires: vec![
            Requirement::package(POLKITD, "polkitd"),
            Requirement::package(HELPER, "polkitd"),
            Requirement::package("/usr/bin/unshare", "util-linux"),
        ],
        program: "/usr/bin/unshare".into(),
        args: vec![
            "-m".to_owned(),
            "--propagation".to_owned(),
            "private".to_owned(),
            "sh".to_owned(),
            "-c".to_owned(),
            script,
        ],
        env: Vec::new(),
        env_remove: Vec::new(),
        files: vec![
            (passwd, host_file("/etc/passwd") + &passwd_lines),
            (shadow, host_file("/etc/shadow") + &shadow_lines),
            (group, host_file("/etc/group") + &group_lines),
            (rules.join("10-ferrum-testbed.rules"), RULES.to_owned()),
            (actions.join(format!("{TEST_ACTION}.policy")), policy()),
        ],
        after_ready: Vec::new(),
        needs_network: false,
    }
}

/// A process of [`PERSON`] (`sleep`), the subject of test requests; killed (by PID) and
/// reaped when dropped.
#[derive(Debug)]
pub struct PolkitSubject {
    child: Child,
}

impl PolkitSubject {
    /// Starts it.
    pub fn start() -> Result<Self, Error> {
        let program = PathBuf::from("/usr/bin/setpriv");
        let child = Command::new(&program)
            .args([
                &format!("--reuid={}", PERSON.uid),
                &format!("--regid={}", PERSON.uid),
                "--clear-groups",
                "sleep",
                "600",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|source| Error::Spawn { program, source })?;
        let subject = Self { child };
        // polkitd authorizes root without asking: wait until setpriv has switched.
        let status = format!("/proc/{}/status", subject.pid());
        let wanted = format!("Uid:\t{uid}\t{uid}", uid = PERSON.uid);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while !std::fs::read_to_string(&status).is_ok_and(|text| text.contains(&wanted)) {
            if std::time::Instant::now() > deadline {
                return Err(Error::Io(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    format!("the polkit subject did not become uid {}", PERSON.uid),
                )));
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        Ok(subject)
    }

    /// Its process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for PolkitSubject {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
