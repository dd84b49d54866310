//! The first-boot setup against real daemons: the real accounts-daemon and the real
//! polkitd share one mount namespace holding a copy of this machine's `/etc` with no
//! person in it (the host's accounts from uid 1000 are left out), the greeter's user
//! `_greetd`, `useradd`'s default shell set to `nologin` (as the image must), and
//! Ferrum's shipped polkit rule with its shipped `no-people` helper; `/home` and
//! `/var/log` are private too. timedated is python-dbusmock's template (no systemd
//! here); greetd is the fake server speaking greetd's real IPC.
//!
//! Shown: the setup creates an administrator (and a standard account), the password's
//! hash in the copied `/etc/shadow` verifies with the system's crypt, the person is
//! logged straight in through greetd; a taken name is refused with a sentence;
//! accounts-daemon killed mid-way leaves no person, and the unfinished account is
//! removed at the next attempt; polkit lets a `_greetd` process administer users and
//! set the time zone while no person exists and refuses it afterwards.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use ferrum_greeter::app::Options;
use ferrum_greeter::login::Link;
use ferrum_greeter::setup::{self, Message, Setup, SetupOptions, Step};
use ferrum_integration_tests::driver::Driver;
use ferrum_integration_tests::{assert_golden, wait_for};
use ferrum_services::SystemBus;
use ferrum_services::new_account::{self, NewAccount, NewAccountError};
use ferrum_services::secret::Secret;
use ferrum_testbed::TestBed;
use ferrum_testbed::fake_greetd::{FakeGreetd, Fault, Round};
use iced::keyboard::key::Named;

const WINDOW: iced::Size = iced::Size::new(1024.0, 700.0);
/// The greeter's user in the copied `/etc/passwd`.
const GREETER_UID: u32 = 977;
const PASSWORD: &str = "analytical engine";
const ACCOUNTS_DAEMON: &str = "/usr/libexec/accounts-daemon";
const POLKITD: &str = "/usr/lib/polkit-1/polkitd";
const USER_ADMINISTRATION: &str = "org.freedesktop.accounts.user-administration";
const SET_TIMEZONE: &str = "org.freedesktop.timedate1.set-timezone";

fn repo_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

/// Kills (by PID) and reaps a child when dropped.
struct Owned(Child);

impl Drop for Owned {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// accounts-daemon and polkitd in one mount namespace on the bed's bus.
struct World {
    bed: TestBed,
    root: PathBuf,
    accounts: Option<Owned>,
    polkitd_pid: u32,
    timedated: Option<Owned>,
}

fn uid_of(line: &str) -> Option<u32> {
    line.split(':').nth(2)?.parse().ok()
}

impl World {
    async fn start() -> World {
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
        // The shipped helper and rule (its helper path pointed at the copy here).
        let helper = root.join("no-people");
        std::fs::copy(
            repo_file("image/mkosi.extra/usr/lib/ferrum/no-people"),
            &helper,
        )
        .unwrap();
        std::fs::set_permissions(&helper, std::fs::Permissions::from_mode(0o755)).unwrap();
        let rule = std::fs::read_to_string(repo_file(
            "image/mkosi.extra/usr/share/polkit-1/rules.d/50-ferrum-first-boot.rules",
        ))
        .unwrap()
        .replace("/usr/lib/ferrum/no-people", &helper.display().to_string());
        let rules = etc.join("polkit-1/rules.d");
        std::fs::create_dir_all(&rules).unwrap();
        std::fs::write(rules.join("50-ferrum-first-boot.rules"), rule).unwrap();
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

    fn bus(&self) -> SystemBus {
        SystemBus::with_address(self.bed.system_bus_address())
    }

    async fn wait_for_name(&self, name: &str) {
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
    fn etc(&self, file: &str) -> String {
        std::fs::read_to_string(self.root.join("etc").join(file)).unwrap()
    }

    fn passwd_line(&self, name: &str) -> Option<String> {
        self.etc("passwd")
            .lines()
            .find(|line| line.split(':').next() == Some(name))
            .map(str::to_owned)
    }

    fn shadow_hash(&self, name: &str) -> Option<String> {
        self.etc("shadow")
            .lines()
            .find(|line| line.split(':').next() == Some(name))
            .and_then(|line| line.split(':').nth(1).map(str::to_owned))
    }

    fn in_group(&self, group: &str, name: &str) -> bool {
        self.etc("group").lines().any(|line| {
            let fields: Vec<&str> = line.split(':').collect();
            fields.first() == Some(&group)
                && fields
                    .get(3)
                    .is_some_and(|members| members.split(',').any(|m| m == name))
        })
    }

    async fn restart_accounts_daemon(&mut self) {
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
    async fn start_timedated(&mut self) {
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
    async fn greeter_may(&self, action: &str) -> bool {
        let subject = Owned(
            Command::new("/usr/bin/setpriv")
                .args([
                    &format!("--reuid={GREETER_UID}"),
                    &format!("--regid={GREETER_UID}"),
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
        let wanted = format!("Uid:\t{GREETER_UID}\t{GREETER_UID}");
        wait_for("the greeter-user process", || {
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
                zbus::zvariant::Value::I32(GREETER_UID as i32),
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
fn crypt_verifies(password: &str, hash: &str) -> bool {
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
struct Scene {
    dir: tempfile::TempDir,
}

impl Scene {
    fn new(appearance: &str) -> Self {
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

    fn setup(&self, bus: SystemBus, greetd: &Path) -> Setup {
        let options = SetupOptions {
            greeter: Options {
                config: Some(self.dir.path().join("greeter.toml")),
                layouts: Some(self.dir.path().join("evdev.lst")),
                speech_socket: None,
            },
            zone_table: Some(PathBuf::from(setup::zones::ZONE_TABLE)),
        };
        let link = Link::new(Some(greetd.to_owned())).with_timeout(Duration::from_secs(5));
        Setup::new(&options, bus, link).0
    }
}

fn greetd_accounts() -> Vec<(&'static str, Vec<Round>)> {
    vec![
        ("ada", vec![Round::Secret("Password: ", PASSWORD)]),
        ("grace", vec![Round::Secret("Password: ", PASSWORD)]),
    ]
}

fn focused_name(driver: &Driver<Setup>) -> Option<String> {
    driver
        .app
        .accessible_tree()
        .focused()
        .map(|node| node.info.name.clone())
}

fn alert(driver: &Driver<Setup>) -> Option<String> {
    driver
        .app
        .accessible_tree()
        .nodes
        .iter()
        .find(|node| node.info.role == ferrum_accessibility::Role::Alert)
        .map(|node| node.info.name.clone())
}

/// Waits (running the driver's tasks) until `check` holds.
async fn until(driver: &mut Driver<Setup>, what: &str, check: impl Fn(&Setup) -> bool) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !check(&driver.app) {
        assert!(tokio::time::Instant::now() < deadline, "no {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
        driver.redraw().await;
    }
}

/// Fills the account form by keyboard, from the full-name field.
async fn type_account(driver: &mut Driver<Setup>, full_name: &str) {
    driver.type_text(full_name).await;
    // Past the user name (suggested from the full name) to the password.
    driver.tap(Named::Tab).await;
    driver.tap(Named::Tab).await;
    driver.type_text(PASSWORD).await;
    driver.tap(Named::Tab).await;
    driver.type_text(PASSWORD).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_setup_creates_an_administrator_sets_the_zone_and_logs_straight_in() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut world = World::start().await;
    world.start_timedated().await;
    let greetd = FakeGreetd::start(greetd_accounts(), Fault::None).await;
    // While no person exists, polkit lets the greeter's user do the setup's work.
    assert!(world.greeter_may(USER_ADMINISTRATION).await);
    assert!(world.greeter_may(SET_TIMEZONE).await);
    assert_eq!(
        ferrum_greeter::mode::decide(&world.bus()).await,
        ferrum_greeter::mode::Mode::Setup,
        "no person: the setup takes the login screen's place"
    );

    let scene = Scene::new("");
    let mut driver = Driver::new(scene.setup(world.bus(), greetd.path()), WINDOW);
    driver.redraw().await;
    // Language, keyboard: Next by keyboard (Tab to Next, Enter).
    driver.dispatch(Message::Next).await;
    assert_eq!(driver.app.step(), Step::Keyboard);
    driver.dispatch(Message::Next).await;
    assert_eq!(driver.app.step(), Step::TimeZone);
    assert_eq!(
        focused_name(&driver).as_deref(),
        Some("Search for a city or region")
    );
    driver.type_text("berlin").await;
    driver.redraw().await;
    driver
        .dispatch(Message::ChooseZone("Europe/Berlin".into()))
        .await;
    driver.dispatch(Message::Next).await;
    until(&mut driver, "network step", |s| s.step() == Step::Network).await;
    let zone = ferrum_services::timedate::timezone(&world.bus())
        .await
        .unwrap();
    assert_eq!(zone, "Europe/Berlin", "timedated got the zone");
    // No NetworkManager on this bed: the step says so and Next skips it.
    driver.dispatch(Message::Next).await;
    assert_eq!(driver.app.step(), Step::Account);
    assert_eq!(focused_name(&driver).as_deref(), Some("Full name"));
    type_account(&mut driver, "Ada Lovelace").await;
    assert_eq!(driver.app.form().user_name, "ada");
    driver.tap(Named::Enter).await;
    until(&mut driver, "the session", |_| {
        greetd.record().started.is_some()
    })
    .await;

    let (command, environment) = greetd.record().started.unwrap();
    assert_eq!(command, ["ferrum-session"]);
    assert!(environment.contains(&"LANG=en_US.UTF-8".to_owned()));
    let requests = greetd.record().requests.join("\n");
    assert!(requests.contains("\"username\":\"ada\""), "{requests}");
    // The person: login shell, administrator, and a hash that verifies.
    let line = world.passwd_line("ada").expect("ada exists");
    assert!(line.ends_with(":/bin/bash"), "{line}");
    assert!(line.contains(":Ada Lovelace"), "{line}");
    assert!(world.in_group("sudo", "ada"), "an administrator");
    let hash = world.shadow_hash("ada").unwrap();
    assert!(hash.starts_with("$6$rounds="), "{hash}");
    assert!(crypt_verifies(PASSWORD, &hash), "the hash verifies");
    assert!(!crypt_verifies("analytical engines", &hash));
    // The password is nowhere in the daemon's log or the copied /etc.
    let log = std::fs::read_to_string(world.root.join("accounts-daemon.log")).unwrap();
    assert!(!log.contains(PASSWORD));
    // A person exists now: polkit refuses the greeter's user from here on.
    assert!(!world.greeter_may(USER_ADMINISTRATION).await);
    assert!(!world.greeter_may(SET_TIMEZONE).await);
    // accounts-daemon reloads its users a moment after the files change.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    while ferrum_greeter::mode::decide(&world.bus()).await != ferrum_greeter::mode::Mode::Login {
        assert!(
            tokio::time::Instant::now() < deadline,
            "AccountsService still says no person exists"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_taken_name_is_refused_with_a_sentence_and_a_standard_account_is_made() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let world = World::start().await;
    let greetd = FakeGreetd::start(greetd_accounts(), Fault::None).await;
    let scene = Scene::new("");
    let mut driver = Driver::new(scene.setup(world.bus(), greetd.path()), WINDOW);
    driver.redraw().await;
    // Straight to the account step (the zone step needs timedated: shown in the test above).
    for _ in 0..2 {
        driver.dispatch(Message::Next).await;
    }
    driver.dispatch(Message::Back).await;
    driver.dispatch(Message::Next).await;
    assert_eq!(driver.app.step(), Step::TimeZone);
    // timedated is missing here: a sentence on the step, and it stays.
    driver.dispatch(Message::Next).await;
    until(&mut driver, "timedated's answer", |s| !s.is_busy()).await;
    assert_eq!(driver.app.step(), Step::TimeZone);
    assert_eq!(
        alert(&driver).as_deref(),
        Some("The time zone could not be set: the date and time service is not running.")
    );
    // (The rest of this test is about accounts: skip ahead.)
    let mut setup = scene.setup(world.bus(), greetd.path());
    setup.show_step(Step::Account);
    let mut driver = Driver::new(setup, WINDOW);
    driver.redraw().await;
    driver
        .start(ferrum_ui::Effect::Focus(setup::ids::FULL_NAME).into_task())
        .await;
    // "Daemon Keeper" suggests the user name daemon, a system account's.
    type_account(&mut driver, "Daemon Keeper").await;
    assert_eq!(driver.app.form().user_name, "daemon");
    driver.dispatch(Message::Administrator(false)).await;
    driver.dispatch(Message::Next).await;
    until(&mut driver, "AccountsService's answer", |s| !s.is_busy()).await;
    assert_eq!(
        driver.app.step(),
        Step::Account,
        "{:?}",
        driver.app.problem()
    );
    assert_eq!(
        alert(&driver).as_deref(),
        Some("The user name daemon is taken. Choose another one."),
        "{:?} {:?}",
        driver.app.problem(),
        driver
            .app
            .accessible_tree()
            .nodes
            .iter()
            .map(|n| (n.info.role, n.info.name.clone()))
            .collect::<Vec<_>>()
    );
    assert_eq!(focused_name(&driver).as_deref(), Some("User name"));
    driver.dispatch(Message::UserName("grace".into())).await;
    driver.dispatch(Message::Next).await;
    until(&mut driver, "the session", |_| {
        greetd.record().started.is_some()
    })
    .await;
    let line = world.passwd_line("grace").expect("grace exists");
    assert!(line.ends_with(":/bin/bash"), "{line}");
    assert!(!world.in_group("sudo", "grace"), "a standard account");
    assert!(crypt_verifies(
        PASSWORD,
        &world.shadow_hash("grace").unwrap()
    ));
}

#[tokio::test(flavor = "multi_thread")]
async fn accounts_daemon_killed_mid_way_leaves_no_person_and_the_rest_is_removed() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut world = World::start().await;
    let bus = world.bus();
    let account = NewAccount {
        user_name: "ada".into(),
        real_name: "Ada Lovelace".into(),
        administrator: true,
        password: Secret::new(PASSWORD.into()),
    };
    // Killed after CreateUser, before SetPassword.
    let daemon = world.accounts.take();
    let result = new_account::create_with(&bus, &account, async move || drop(daemon)).await;
    let Err(NewAccountError::LeftBehind { leftover, .. }) = &result else {
        panic!("expected a leftover, got {result:?}");
    };
    assert_eq!(leftover.user_name, "ada");
    // What is left is no person: no login shell, no password.
    let line = world.passwd_line("ada").expect("made before the kill");
    assert!(line.ends_with(":/usr/sbin/nologin"), "{line}");
    assert!(world.shadow_hash("ada").unwrap().starts_with('!'));
    // The setup says so on the account step.
    let sentence = setup::view::sentence(&setup::Problem::Account(result.clone().unwrap_err()));
    assert!(sentence.contains("unfinished account"), "{sentence}");
    // While accounts-daemon is gone, a new attempt says it is not running.
    let again = setup::create_account(&bus, Some(leftover.clone()), &account).await;
    assert!(
        matches!(again, Err(NewAccountError::Unavailable(_))),
        "{again:?}"
    );
    // It comes back: the next attempt removes the leftover first, then creates the person.
    world.restart_accounts_daemon().await;
    let created = setup::create_account(&bus, Some(leftover.clone()), &account)
        .await
        .unwrap();
    assert_eq!(created.user_name, "ada");
    let passwd = world.etc("passwd");
    assert_eq!(
        passwd.lines().filter(|l| l.starts_with("ada:")).count(),
        1,
        "one ada"
    );
    assert!(world.passwd_line("ada").unwrap().ends_with(":/bin/bash"));
    assert!(crypt_verifies(PASSWORD, &world.shadow_hash("ada").unwrap()));
}

async fn golden(driver: &mut Driver<Setup>, name: &str) {
    driver.redraw().await;
    let (size, rgba) = driver.screenshot();
    assert_golden(name, size, &rgba);
}

#[tokio::test(flavor = "multi_thread")]
async fn snapshots_of_each_step() {
    // Switches the language on the way: alone, and English again afterwards.
    let _locale = ferrum_i18n::use_locale("en-US");
    let greetd = FakeGreetd::start(greetd_accounts(), Fault::None).await;
    let nowhere = SystemBus::with_address("unix:path=/nonexistent/system_bus_socket");
    let light = Scene::new("color_scheme = \"light\"\n");
    let mut driver = Driver::new(light.setup(nowhere.clone(), greetd.path()), WINDOW);
    golden(&mut driver, "setup-language-light").await;
    driver.dispatch(Message::Next).await;
    golden(&mut driver, "setup-keyboard-light").await;
    driver.dispatch(Message::Next).await;
    driver.dispatch(Message::ZoneQuery("europe".into())).await;
    driver
        .dispatch(Message::ChooseZone("Europe/Berlin".into()))
        .await;
    golden(&mut driver, "setup-timezone-light").await;
    driver.dispatch(Message::ZoneQuery(String::new())).await;
    driver.app.show_step(Step::Network);
    driver
        .dispatch(Message::Network(
            ferrum_services::ServiceUpdate::Unavailable,
        ))
        .await;
    golden(&mut driver, "setup-network-light").await;
    driver.dispatch(Message::Next).await;
    type_account(&mut driver, "Ada Lovelace").await;
    driver
        .dispatch(Message::Confirmation(Secret::new(
            "analytical engin".into(),
        )))
        .await;
    driver.dispatch(Message::Next).await;
    golden(&mut driver, "setup-account-light").await;
    driver.app.show_step(Step::Finish);
    golden(&mut driver, "setup-finish-light").await;

    let dark = Scene::new("color_scheme = \"dark\"\n");
    let mut driver = Driver::new(dark.setup(nowhere.clone(), greetd.path()), WINDOW);
    golden(&mut driver, "setup-language-dark").await;
    driver
        .dispatch(Message::Menus(ferrum_greeter::menus::Message::OpenMenu(
            ferrum_greeter::app::Menu::Accessibility,
        )))
        .await;
    driver
        .dispatch(Message::Menus(
            ferrum_greeter::menus::Message::ToggleHighContrast,
        ))
        .await;
    golden(&mut driver, "setup-accessibility-high-contrast").await;

    let mut driver = Driver::new(light.setup(nowhere, greetd.path()), WINDOW);
    driver
        .dispatch(Message::Menus(
            ferrum_greeter::menus::Message::ChooseLanguage("ar"),
        ))
        .await;
    driver.dispatch(Message::Next).await;
    driver.dispatch(Message::Next).await;
    golden(&mut driver, "setup-timezone-ar").await;
    ferrum_i18n::set_locale("en-US");
}
