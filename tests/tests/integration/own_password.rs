//! A person changes their own password with their own password (issue #19): Ferrum's shipped
//! polkit rule (`image/mkosi.extra/usr/share/polkit-1/rules.d/50-ferrum-own-password.rules`:
//! `AUTH_SELF` for `org.freedesktop.accounts.change-own-password` in an active local session),
//! loaded as shipped next to the first-boot rule into the real polkitd of `setup_world`'s
//! world (the real accounts-daemon and polkitd in one mount namespace with a copy of `/etc`).
//!
//! The person is a standard person (at `nobody`'s uid, see [`make_lena`]); their program
//! (`tests/src/bin/users-as-person.rs`) runs as them inside that namespace and changes the
//! password from the Users page's password dialog, answering polkit through the settings
//! app's authentication dialog on the session's agent. Their login session is what logind
//! would leave behind, made by hand: the program's process is put in a
//! `user.slice/user-<uid>.slice/session-<id>.scope` cgroup of systemd's hierarchy (which
//! libsystemd's `sd_pid_get_session` reads; removed afterwards), and in the namespace only,
//! `/run/systemd` holds that session (active, on `seat0`) and the person (active). `/run/dbus`
//! there is the bed's bus, for polkit's setuid helper. This host has no logind.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use ferrum_integration_tests::person::NOBODY;
use ferrum_integration_tests::wait_for;
use ferrum_services::new_account;
use ferrum_services::secret::Secret;
use ferrum_services::users::{self, AccountType, NewPerson};

use crate::setup_world::{FIRST_BOOT_RULE, OWN_PASSWORD_RULE, World, crypt_verifies};

const PASSWORD: &str = "a long enough password";
const NEW_PASSWORD: &str = "another long password";
const WRONG: &str = "not lenas password";
const SESSION: &str = "ferrum1";

fn standard(name: &str) -> NewPerson {
    NewPerson {
        name: name.to_owned(),
        real_name: format!("{name} Person"),
        account_type: AccountType::Standard,
        password: Secret::new(PASSWORD.to_owned()),
    }
}

/// Lena, a standard person with a login shell and [`PASSWORD`], at `nobody`'s uid: the bed's
/// bus (outside the namespace) drops connections of users it cannot look up, so her program
/// runs under a uid this host knows; in the namespace's copy of `/etc` that uid is hers.
fn make_lena(world: &World) -> u32 {
    let hash = new_account::hash_password(&Secret::new(PASSWORD.to_owned())).unwrap();
    for (file, line) in [
        (
            "passwd",
            format!("lena:x:{NOBODY}:{NOBODY}:Lena Person:/home/lena:/bin/bash"),
        ),
        (
            "shadow",
            format!("lena:{}:19000:0:99999:7:::", hash.as_str()),
        ),
    ] {
        let path = world.root.join("etc").join(file);
        let text: String = std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .map(|old| {
                if old.starts_with("nobody:") {
                    line.as_str()
                } else {
                    old
                }
            })
            .map(|kept| format!("{kept}\n"))
            .collect();
        assert!(text.contains(&line), "{file} had nobody");
        std::fs::write(&path, text).unwrap();
    }
    NOBODY
}

fn filesystem(path: &str) -> String {
    let output = Command::new("stat")
        .args(["-f", "-c", "%T", path])
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// Where libsystemd looks for a process's unit: the unified hierarchy when there is one
/// (`/sys/fs/cgroup` itself, or `unified` beside the v1 controllers), else `name=systemd`.
fn systemd_hierarchy() -> PathBuf {
    ["/sys/fs/cgroup", "/sys/fs/cgroup/unified"]
        .into_iter()
        .find(|path| filesystem(path) == "cgroup2fs")
        .unwrap_or("/sys/fs/cgroup/systemd")
        .into()
}

/// The person's session scope in systemd's cgroup hierarchy; the folders it made are removed
/// (empty by then) when dropped.
struct Scope {
    made: Vec<PathBuf>,
}

impl Scope {
    fn new(uid: u32) -> Scope {
        let mut path = systemd_hierarchy();
        let mut made = Vec::new();
        for part in [
            "user.slice".to_owned(),
            format!("user-{uid}.slice"),
            format!("session-{SESSION}.scope"),
        ] {
            path.push(part);
            if !path.exists() {
                std::fs::create_dir(&path).unwrap();
                made.push(path.clone());
            }
        }
        Scope { made }
    }

    fn procs(&self) -> PathBuf {
        self.made
            .last()
            .expect("the scope is new")
            .join("cgroup.procs")
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        for path in self.made.iter().rev() {
            let _ = std::fs::remove_dir(path);
        }
    }
}

/// In the world's mount namespace only: logind's records of the person's active session on
/// `seat0`, and the bed's bus at `/run/dbus`.
fn log_in(world: &World, uid: u32, name: &str) {
    let socket = world
        .bed
        .system_bus_address()
        .strip_prefix("unix:path=")
        .expect("the bed's bus is a socket path")
        .to_owned();
    let bus_dir = Path::new(&socket).parent().unwrap().display().to_string();
    let script = format!(
        "mkdir -p /run/systemd /run/dbus && mount -t tmpfs tmpfs /run/systemd && \
         mkdir /run/systemd/sessions /run/systemd/users && \
         printf 'UID={uid}\\nUSER={name}\\nACTIVE=1\\nSTATE=active\\nREMOTE=0\\nSEAT=seat0\\nTYPE=wayland\\nCLASS=user\\n' > /run/systemd/sessions/{SESSION} && \
         printf 'NAME={name}\\nSTATE=active\\nSESSIONS={SESSION}\\nDISPLAY={SESSION}\\n' > /run/systemd/users/{uid} && \
         mount --bind '{bus_dir}' /run/dbus"
    );
    let status = Command::new("/usr/bin/nsenter")
        .arg(format!("--mount=/proc/{}/ns/mnt", polkitd_pid(world)))
        .args(["--", "sh", "-c", &script])
        .status()
        .unwrap();
    assert!(status.success(), "the session's records");
}

fn polkitd_pid(world: &World) -> u32 {
    std::fs::read_to_string(world.root.join("polkitd.pid"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// Runs `users-as-person <bus> password:<account>:<new>:<typed>…` as `uid` in the world's
/// namespace and in the session's scope; returns what it printed.
fn as_person(world: &World, scope: &Scope, uid: u32, account: u32, typed: &[&str]) -> String {
    let spec = [account.to_string(), NEW_PASSWORD.to_owned()]
        .into_iter()
        .chain(typed.iter().map(|typed| (*typed).to_owned()))
        .collect::<Vec<_>>()
        .join(":");
    let output = Command::new("/bin/sh")
        .args(["-c", "echo $$ > \"$0\" && exec \"$@\""])
        .arg(scope.procs())
        .arg("/usr/bin/nsenter")
        .arg(format!("--mount=/proc/{}/ns/mnt", polkitd_pid(world)))
        .args([
            "--",
            "/usr/bin/setpriv",
            &format!("--reuid={uid}"),
            &format!("--regid={uid}"),
            "--clear-groups",
            env!("CARGO_BIN_EXE_users-as-person"),
            world.bed.system_bus_address(),
            &format!("password:{spec}"),
        ])
        .env("DBUS_SYSTEM_BUS_ADDRESS", world.bed.system_bus_address())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// Lena, a standard person in an active local session, changes her own password from the
/// Users page: polkit asks her (not an administrator) through the session's agent; her wrong
/// password is refused (the dialog asks again, then cancelled: the page's dialog says so and
/// nothing changed), her right one lets AccountsService set the new password, whose hash
/// verifies. Mira's password, changed by Lena, still needs an administrator: polkit names
/// no one but administrators, Lena's password does not do, nothing changes.
#[tokio::test(flavor = "multi_thread")]
async fn a_standard_person_changes_their_own_password_with_their_own() {
    let world = World::with_rules(&[FIRST_BOOT_RULE, OWN_PASSWORD_RULE]).await;
    let bus = world.bus();
    let mira = users::create(&bus, &standard("mira")).await.unwrap();
    let lena = make_lena(&world);
    assert!(!world.in_group("sudo", "lena"), "a standard person");
    let lenas = world.shadow_hash("lena").unwrap();
    let miras = world.shadow_hash("mira").unwrap();
    assert!(crypt_verifies(PASSWORD, &lenas));
    let scope = Scope::new(lena);
    log_in(&world, lena, "lena");
    wait_for("polkitd's rules", || {
        std::fs::read_to_string(world.root.join("polkitd.log"))
            .is_ok_and(|log| log.contains("Finished loading, compiling and executing"))
    })
    .await;

    // Someone else's password: administrators only, Lena's own password does not do.
    let other = tokio::task::block_in_place(|| as_person(&world, &scope, lena, mira, &[PASSWORD]));
    let asked: Vec<&str> = other.lines().filter(|l| l.starts_with("ASKED=")).collect();
    assert!(!asked.is_empty(), "polkit asked: {other}");
    for line in &asked {
        let (offered, named) = line["ASKED=".len()..].split_once(' ').unwrap();
        assert_ne!(offered, lena.to_string(), "{other}");
        assert!(
            !named
                .split(',')
                .any(|who| who.starts_with(&format!("{lena}:"))),
            "auth_admin names administrators only: {other}"
        );
    }
    assert!(other.contains("STATE=WrongPassword"), "{other}");
    assert!(other.contains("RESULT=refused NotAllowed"), "{other}");
    assert_eq!(
        world.shadow_hash("mira").unwrap(),
        miras,
        "Mira's unchanged"
    );

    // Her own, with a wrong password: asked again, then cancelled; nothing changed.
    let wrong = tokio::task::block_in_place(|| as_person(&world, &scope, lena, lena, &[WRONG]));
    assert!(
        wrong.contains(&format!("ASKED={lena} {lena}:lena\n")),
        "polkit asks Lena herself, and only her: {wrong}"
    );
    assert!(wrong.contains("STATE=First"), "{wrong}");
    assert!(wrong.contains("STATE=WrongPassword"), "{wrong}");
    assert!(wrong.contains("LEFT_OPEN=2"), "the dialog stayed: {wrong}");
    assert!(wrong.contains("RESULT=refused NotAllowed"), "{wrong}");
    assert!(
        wrong.contains("SENTENCE=The password was not changed: it was not confirmed.\n"),
        "the page's dialog says so: {wrong}"
    );
    assert!(wrong.contains("PENDING=None"), "{wrong}");
    assert_eq!(world.shadow_hash("lena").unwrap(), lenas, "nothing changed");

    // Her own, with her password: set.
    let right = tokio::task::block_in_place(|| as_person(&world, &scope, lena, lena, &[PASSWORD]));
    assert!(
        right.contains(&format!("ASKED={lena} {lena}:lena\n")),
        "{right}"
    );
    assert!(right.contains("RESULT=ok"), "{right}");
    assert!(!right.contains("LEFT_OPEN"), "{right}");
    let hash = world.shadow_hash("lena").unwrap();
    assert!(
        crypt_verifies(NEW_PASSWORD, &hash),
        "the new password: {hash}"
    );
    assert!(!crypt_verifies(PASSWORD, &hash));
    assert_eq!(world.shadow_hash("mira").unwrap(), miras);
}
