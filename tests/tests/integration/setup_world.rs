//! The first-boot setup's world, shared by `first_boot_setup` and `setup_keyboard`: the real
//! accounts-daemon and the real polkitd in one mount namespace holding a copy of this
//! machine's `/etc` with no person in it (the host's accounts from uid 1000 are left out),
//! the greeter's user `_greetd`, `useradd`'s default shell set to `nologin` (as the image
//! must), and Ferrum's shipped polkit rules (the first-boot one with its shipped `no-people`
//! helper, and those a test names: [`World::with_rules`]); `/home` and
//! `/var/log` are private too. timedated is python-dbusmock's template (no systemd here).
//! And the setup's own files ([`Scene`]: settings, sessions, layouts).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use ferrum_greeter::app::Options;
use ferrum_greeter::login::Link;
use ferrum_greeter::setup::{self, Message, Setup, SetupOptions};
use ferrum_integration_tests::wait_for;
use ferrum_services::SystemBus;
use ferrum_testbed::TestBed;
use iced::Task;

/// The greeter's user in the copied `/etc/passwd`.
pub(crate) const GREETER_UID: u32 = 977;
const ACCOUNTS_DAEMON: &str = "/usr/libexec/accounts-daemon";
const POLKITD: &str = "/usr/lib/polkit-1/polkitd";

fn repo_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

/// Kills (by PID) and reaps a child when dropped.
pub(crate) struct Owned(Child);

impl Drop for Owned {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// accounts-daemon and polkitd in one mount namespace on the bed's bus.
pub(crate) struct World {
    pub(crate) bed: TestBed,
    pub(crate) root: PathBuf,
    pub(crate) accounts: Option<Owned>,
    polkitd_pid: u32,
    timedated: Option<Owned>,
}

fn uid_of(line: &str) -> Option<u32> {
    line.split(':').nth(2)?.parse().ok()
}

/// Ferrum's shipped polkit rule for the first-boot setup.
pub(crate) const FIRST_BOOT_RULE: &str = "50-ferrum-first-boot.rules";
/// Ferrum's shipped polkit rule for one's own password.
pub(crate) const OWN_PASSWORD_RULE: &str = "50-ferrum-own-password.rules";

impl World {
    /// The world with the first-boot rule only.
    pub(crate) async fn start() -> World {
        Self::with_rules(&[FIRST_BOOT_RULE]).await
    }

    /// The world with these of Ferrum's shipped polkit rules (file names in
    /// `image/mkosi.extra/usr/share/polkit-1/rules.d`), loaded as shipped.
    pub(crate) async fn with_rules(rules: &[&str]) -> World {
        let bed = TestBed::start(&[]).unwrap();
        let root = bed.dir().join("first-boot");
        std::fs::create_dir(&root).unwrap();
        std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).unwrap();
        let etc = root.join("etc");
        let status = Command::new("cp")
            .args(["-a", "/etc"])
            .arg(&etc)
            .status()
            .unwrap();
        assert!(status.success(), "copying /etc");
        // No person: the host's accounts from uid 1000 (but nobody) are left out.
        let people: Vec<String> = std::fs::read_to_string(etc.join("passwd"))
            .unwrap()
            .lines()
            .filter(|line| uid_of(line).is_some_and(|uid| (1000..=60000).contains(&uid)))
            .filter_map(|line| line.split(':').next().map(str::to_owned))
            .collect();
        for (file, extra) in [
            (
                "passwd",
                format!(
                    "_greetd:x:{GREETER_UID}:{GREETER_UID}:greetd greeter:/var/lib/greetd:/usr/sbin/nologin\n"
                ),
            ),
            ("shadow", "_greetd:!:19000::::::\n".to_owned()),
            ("group", format!("_greetd:x:{GREETER_UID}:\n")),
            ("gshadow", "_greetd:!::\n".to_owned()),
        ] {
            let path = etc.join(file);
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let mut kept: String = text
                .lines()
                .filter(|line| {
                    let name = line.split(':').next().unwrap_or_default();
                    !people.iter().any(|person| person == name)
                })
                .map(|line| format!("{line}\n"))
                .collect();
            kept.push_str(&extra);
            std::fs::write(&path, kept).unwrap();
        }
        // New accounts start as no person (the setup gives the login shell last):
        // Debian's accounts-daemon creates them with adduser (`DSHELL`), upstream's with
        // useradd (`SHELL`).
        std::fs::write(
            etc.join("default/useradd"),
            "SHELL=/usr/sbin/nologin\nHOME=/home\n",
        )
        .unwrap();
        let adduser = std::fs::read_to_string(etc.join("adduser.conf")).unwrap_or_default();
        let adduser: String = adduser
            .lines()
            .filter(|line| !line.starts_with("DSHELL="))
            .map(|line| format!("{line}\n"))
            .chain(["DSHELL=/usr/sbin/nologin\n".to_owned()])
            .collect();
        std::fs::write(etc.join("adduser.conf"), adduser).unwrap();
        // The shipped helper and rules (the helper's path pointed at the copy here).
        let helper = root.join("no-people");
        std::fs::copy(
            repo_file("image/mkosi.extra/usr/lib/ferrum/no-people"),
            &helper,
        )
        .unwrap();
        std::fs::set_permissions(&helper, std::fs::Permissions::from_mode(0o755)).unwrap();
        let folder = etc.join("polkit-1/rules.d");
        std::fs::create_dir_all(&folder).unwrap();
        for name in rules {
            let rule = std::fs::read_to_string(repo_file(&format!(
                "image/mkosi.extra/usr/share/polkit-1/rules.d/{name}"
            )))
            .unwrap()
            .replace("/usr/lib/ferrum/no-people", &helper.display().to_string());
            std::fs::write(folder.join(name), rule).unwrap();
        }
        let varlib = root.join("varlib");
        std::fs::create_dir_all(varlib.join("users")).unwrap();
        std::fs::create_dir_all(varlib.join("icons")).unwrap();
        let script = format!(
            "mount --bind {etc} /etc && mount -t tmpfs tmpfs /home && \
             mount -t tmpfs tmpfs /var/log && \
             mount --bind {varlib} /var/lib/AccountsService && \
             {{ [ ! -d /var/mail ] || mount -t tmpfs tmpfs /var/mail; }} && \
             {{ {POLKITD} > {root}/polkitd.log 2>&1 & echo $! > {root}/polkitd.pid; }} && \
             exec {ACCOUNTS_DAEMON}",
            etc = etc.display(),
            varlib = varlib.display(),
            root = root.display(),
        );
        let log = std::fs::File::create(root.join("accounts-daemon.log")).unwrap();
        let accounts = Command::new("/usr/bin/unshare")
            .args(["-m", "--propagation", "private", "sh", "-c", &script])
            .env("DBUS_SYSTEM_BUS_ADDRESS", bed.system_bus_address())
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        let accounts = Owned(accounts);
        let pid_file = root.join("polkitd.pid");
        wait_for("polkitd's pid", || {
            std::fs::read_to_string(&pid_file).is_ok_and(|text| text.trim().parse::<u32>().is_ok())
        })
        .await;
        let polkitd_pid = std::fs::read_to_string(&pid_file)
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        let world = World {
            bed,
            root,
            accounts: Some(accounts),
            polkitd_pid,
            timedated: None,
        };
        world.wait_for_name("org.freedesktop.PolicyKit1").await;
        world.wait_for_name("org.freedesktop.Accounts").await;
        world
    }

    pub(crate) fn bus(&self) -> SystemBus {
        SystemBus::with_address(self.bed.system_bus_address())
    }

    pub(crate) async fn wait_for_name(&self, name: &str) {
        let connection = zbus::connection::Builder::address(self.bed.system_bus_address())
            .unwrap()
            .build()
            .await
            .unwrap();
        let dbus = zbus::fdo::DBusProxy::new(&connection).await.unwrap();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
        loop {
            let owned = dbus
                .name_has_owner(name.try_into().unwrap())
                .await
                .unwrap_or(false);
            if owned {
                return;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "{name} did not appear; logs in {}",
                self.root.display()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// A file of the namespace's `/etc` (the copy).
    pub(crate) fn etc(&self, file: &str) -> String {
        std::fs::read_to_string(self.root.join("etc").join(file)).unwrap()
    }

    pub(crate) fn passwd_line(&self, name: &str) -> Option<String> {
        self.etc("passwd")
            .lines()
            .find(|line| line.split(':').next() == Some(name))
            .map(str::to_owned)
    }

    pub(crate) fn shadow_hash(&self, name: &str) -> Option<String> {
        self.etc("shadow")
            .lines()
            .find(|line| line.split(':').next() == Some(name))
            .and_then(|line| line.split(':').nth(1).map(str::to_owned))
    }

    pub(crate) fn in_group(&self, group: &str, name: &str) -> bool {
        self.etc("group").lines().any(|line| {
            let fields: Vec<&str> = line.split(':').collect();
            fields.first() == Some(&group)
                && fields
                    .get(3)
                    .is_some_and(|members| members.split(',').any(|m| m == name))
        })
    }

    pub(crate) async fn restart_accounts_daemon(&mut self) {
        let log = std::fs::File::options()
            .append(true)
            .open(self.root.join("accounts-daemon.log"))
            .unwrap();
        let child = Command::new("/usr/bin/nsenter")
            .arg(format!("--mount=/proc/{}/ns/mnt", self.polkitd_pid))
            .arg("--")
            .arg(ACCOUNTS_DAEMON)
            .env("DBUS_SYSTEM_BUS_ADDRESS", self.bed.system_bus_address())
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        self.accounts = Some(Owned(child));
        self.wait_for_name("org.freedesktop.Accounts").await;
    }

    /// python-dbusmock's timedated on the bed's bus (no systemd here).
    pub(crate) async fn start_timedated(&mut self) {
        let child = Command::new("/usr/bin/python3")
            .args(["-m", "dbusmock", "--system", "-t", "timedated"])
            .env("DBUS_SYSTEM_BUS_ADDRESS", self.bed.system_bus_address())
            .env_remove("PYTHONPATH")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        self.timedated = Some(Owned(child));
        self.wait_for_name("org.freedesktop.timedate1").await;
    }

    /// Whether polkit lets a process of the greeter's user do `action` (asked as polkit's
    /// clients ask: `CheckAuthorization` for the process, without interaction).
    pub(crate) async fn greeter_may(&self, action: &str) -> bool {
        self.user_may(GREETER_UID, action).await
    }

    /// Whether polkit lets a process of `uid` (in no login session) do `action`, asked as
    /// [`World::greeter_may`] asks.
    pub(crate) async fn user_may(&self, uid: u32, action: &str) -> bool {
        let subject = Owned(
            Command::new("/usr/bin/setpriv")
                .args([
                    &format!("--reuid={uid}"),
                    &format!("--regid={uid}"),
                    "--clear-groups",
                    "sleep",
                    "600",
                ])
                .stdin(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let pid = subject.0.id();
        let status = format!("/proc/{pid}/status");
        let wanted = format!("Uid:\t{uid}\t{uid}");
        wait_for("the subject's process", || {
            std::fs::read_to_string(&status).is_ok_and(|text| text.contains(&wanted))
        })
        .await;
        let connection = zbus::connection::Builder::address(self.bed.system_bus_address())
            .unwrap()
            .build()
            .await
            .unwrap();
        let details: HashMap<String, zbus::zvariant::Value<'_>> = HashMap::from([
            ("pid".to_owned(), zbus::zvariant::Value::U32(pid)),
            ("start-time".to_owned(), zbus::zvariant::Value::U64(0)),
            (
                "uid".to_owned(),
                zbus::zvariant::Value::I32(i32::try_from(uid).unwrap()),
            ),
        ]);
        let reply = connection
            .call_method(
                Some("org.freedesktop.PolicyKit1"),
                "/org/freedesktop/PolicyKit1/Authority",
                Some("org.freedesktop.PolicyKit1.Authority"),
                "CheckAuthorization",
                &(
                    ("unix-process", details),
                    action,
                    HashMap::<String, String>::new(),
                    0u32,
                    "",
                ),
            )
            .await
            .unwrap();
        let (authorized, _challenge, _details): (bool, bool, HashMap<String, String>) =
            reply.body().deserialize().unwrap();
        authorized
    }
}

impl Drop for World {
    fn drop(&mut self) {
        drop(self.accounts.take());
        drop(self.timedated.take());
        let _ = Command::new("/bin/kill")
            .args(["-KILL", &self.polkitd_pid.to_string()])
            .status();
    }
}

/// Whether `password` verifies against `hash` with the system's crypt (libxcrypt, what
/// PAM's pam_unix uses).
pub(crate) fn crypt_verifies(password: &str, hash: &str) -> bool {
    let output = Command::new("/usr/bin/python3")
        .args([
            "-W",
            "ignore",
            "-c",
            "import crypt, sys; sys.exit(0 if crypt.crypt(sys.argv[1], sys.argv[2]) == sys.argv[2] else 1)",
            password,
            hash,
        ])
        .output()
        .unwrap();
    output.status.success()
}

/// The setup's world on disk: settings, sessions, layouts, zones.
pub(crate) struct Scene {
    dir: tempfile::TempDir,
}

impl Scene {
    pub(crate) fn new(appearance: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let sessions = dir.path().join("wayland-sessions");
        std::fs::create_dir_all(&sessions).unwrap();
        std::fs::write(
            sessions.join("ferrum.desktop"),
            "[Desktop Entry]\nName=Ferrum\nExec=ferrum-session\nType=Application\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("evdev.lst"),
            "! layout\n  us   English (US)\n  de   German\n  fr   French\n  ara  Arabic\n  ua   Ukrainian\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("appearance.toml"), appearance).unwrap();
        std::fs::write(
            dir.path().join("greeter.toml"),
            format!(
                "session_dirs = [\"{}\"]\nstate_file = \"{}\"\nappearance = \"{}\"\nkeyboard_layouts = [\"us\", \"de\"]\ndefault_session = \"ferrum\"\n",
                sessions.display(),
                dir.path().join("state.toml").display(),
                dir.path().join("appearance.toml").display(),
            ),
        )
        .unwrap();
        Self { dir }
    }

    /// The setup on `bus`, logging in through the greetd at `greetd` (its start task
    /// dropped: nothing focused).
    pub(crate) fn setup(&self, bus: SystemBus, greetd: &Path) -> Setup {
        self.boot(bus, greetd).0
    }

    /// The setup and the task it starts with (its first focus, the keymap), as the window
    /// runs it once it is open.
    pub(crate) fn boot(&self, bus: SystemBus, greetd: &Path) -> (Setup, Task<Message>) {
        let options = SetupOptions {
            greeter: Options {
                config: Some(self.dir.path().join("greeter.toml")),
                layouts: Some(self.dir.path().join("evdev.lst")),
                speech_socket: None,
            },
            zone_table: Some(PathBuf::from(setup::zones::ZONE_TABLE)),
        };
        let link = Link::new(Some(greetd.to_owned())).with_timeout(Duration::from_secs(5));
        Setup::new(&options, bus, link)
    }
}
