//! The app as a screen reader sees it, through real AT-SPI: a private session bus
//! (`ferrum_testbed::session_bus`) with accessibility turned on, which activates
//! `at-spi-bus-launcher` and the registry; the debug app under headless sway
//! (`ferrum_testbed::wayland`) against the test bed's real power-profiles-daemon and UPower;
//! and `ferrum_testbed::atspi` (`testbed/scripts/read_tree.py`, a pyatspi client that reads the tree and clicks).
//! The Tab walks (`atspi::walk_tabs`) also run the real NetworkManager and systemd-resolved,
//! with the app in their network namespace, and read the whole tree after every Tab. Where
//! Bluetooth is walked, the bed runs python-dbusmock's `bluez5` template in bluetoothd's
//! place (this host has no controller) furnished with `BluezMock::add_desk`: an adapter, a
//! paired keyboard and two devices nearby; the test plays bluetoothd asking the app's agent
//! to open the pairing dialog, since the mock's `Pair` asks no agent.
//!
//! Needs root and the Debian packages of `cargo xtask deps` (sway, grim, wtype, at-spi2-core,
//! python3-pyatspi, dbus-daemon, power-profiles-daemon, upower, umockdev, python3-dbusmock,
//! network-manager, iproute2, and the unpacked systemd-resolved).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use ferrum_testbed::apps::{AppsBed, PLAIN_ID, PLAIN_NAME, RICH_ID, RICH_NAME};
use ferrum_testbed::atspi::{self, Node, live_processes, show};
use ferrum_testbed::audio::{AudioBed, DESK_SPEAKERS, USB_HEADSET};
use ferrum_testbed::bluez::{self, BluezMock, DESK_ADAPTER, DESK_KEYBOARD, DESK_PHONE};
use ferrum_testbed::firmware::{TEST_DEVICE_NAME, TEST_DEVICE_VERSION, UPDATE_VERSION};
use ferrum_testbed::printing::{PRINTING, VIRTUAL_PRINTER_NAME};
use ferrum_testbed::session_bus::SessionBus;
use ferrum_testbed::wayland::{Session, User};
use ferrum_testbed::{Service, TestBed};

/// The debug app cargo built for these tests.
const APP: &str = env!("CARGO_BIN_EXE_ferrum-settings");
/// The app's name in the AT-SPI registry.
const APP_NAME: &str = "ferrum-settings";
/// How long the app may take to publish a node, and the profile to change.
const WAIT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);
/// iproute2's `ip`, which runs the app in the bed's network namespace.
const IP: &str = "/bin/ip";
/// How long the bed's fake webcam takes to write its firmware (1 s by default; the most the
/// test plugin allows): long enough
/// for the Firmware page's progress bar to be read several times during an update.
const FIRMWARE_WRITE_DELAY: Duration = ferrum_testbed::firmware::MAX_WRITE_DELAY;
/// The app's `CUPS_SERVER` without the printing bed: a port nothing listens on (tcpmux).
const NO_CUPS: &str = "127.0.0.1:1";

/// Everything a screen reader user's desktop has, privately: dropped in field order, so the
/// app and sway stop before the session bus and the daemons.
struct Desktop {
    session: Session,
    bus: SessionBus,
    bed: TestBed,
    /// The private PipeWire + WirePlumber the app's Sound page talks to, when asked for.
    audio: Option<AudioBed>,
    /// The Flatpak installations and signed repo the app's Apps page reads, when asked for.
    _apps: Option<AppsBed>,
    /// `XDG_CONFIG_HOME` of the app: no real user's preferences.
    _config: tempfile::TempDir,
    started: Instant,
}

/// Starts the test bed, a session bus with accessibility on, sway, and the app on the Power
/// panel in `lang`, as root (the session bus is root's).
fn desktop(lang: &str) -> Desktop {
    desktop_on(lang, "power")
}

/// Like [`desktop`], with the app opened on `panel`.
fn desktop_on(lang: &str, panel: &str) -> Desktop {
    desktop_with(lang, panel, Extras::default())
}

/// What a desktop's bed runs beyond polkit, power-profiles-daemon and UPower.
#[derive(Debug, Clone, Copy, Default)]
struct Extras {
    /// The real NetworkManager and systemd-resolved (wired device with a DHCP lease); the app
    /// shares their network namespace, so the Network and Private DNS pages show their
    /// controls.
    network: bool,
    /// The bluez5 mock furnished with the sample desk (`BluezMock::add_desk`), so the
    /// Bluetooth page shows its adapter and both device lists.
    bluetooth: bool,
    /// A private PipeWire and WirePlumber (`AudioBed`: two null sinks and a null source),
    /// which the app reaches through `PIPEWIRE_REMOTE`, so the Sound page shows them.
    audio: bool,
    /// The printing bed (`ferrum_testbed::printing::PRINTING`: cupsd on a free port, the
    /// virtual IPP Everywhere printer, cups-pk-helper, Avahi), which the app reaches through
    /// `CUPS_SERVER=127.0.0.1:<port>` (and the bed's system bus), so the Printers page shows
    /// the bed's queues.
    printing: bool,
    /// One of the firmware bed's fwupd services (`ferrum_testbed::firmware`): `Service::Fwupd`
    /// (the test plugin's webcam with its 1.2.4 update from a local remote) or
    /// `Service::FwupdEmulatedHost` (a ThinkPad's host security checks, `HSI:2!`), on the bed's
    /// system bus, so the Firmware and Device Security pages show it.
    fwupd: Option<Service>,
    /// The apps bed (`ferrum_testbed::apps`: a user and a system Flatpak installation and a
    /// GPG-signed repo on 127.0.0.1) with its rich app installed for the person and its plain
    /// app for everyone; the app reaches it through `FLATPAK_USER_DIR`, `FLATPAK_SYSTEM_DIR`
    /// and `FLATPAK_CONFIG_DIR`, so the Apps page lists both.
    apps: bool,
    /// The real systemd-timedated (`Service::Timedated`, in a mount namespace with a copy of
    /// `/etc`), so the Date & Time page shows the machine's zone.
    timedate: bool,
    /// The real systemd-hostnamed (`Service::Hostnamed`, in a mount and a UTS namespace of its
    /// own), so the About page shows its names and "Rename…".
    hostname: bool,
    /// The real systemd-localed (`Service::Localed`, in a mount namespace with copies of
    /// `/etc` and `/usr/lib/locale`) and accounts-daemon, so the Region & Language page shows
    /// the machine's language, formats and layouts.
    locale: bool,
    /// The real accounts-daemon (`Service::Accounts`, its own `/etc` with the fixture people),
    /// so the Users page lists them.
    accounts: bool,
}

/// What of the apps bed's environment the app gets (not its `XDG_CONFIG_HOME`, which holds
/// the app's own preferences, nor its `XDG_RUNTIME_DIR`, which is sway's).
const APPS_ENV: [&str; 5] = [
    "FLATPAK_USER_DIR",
    "FLATPAK_SYSTEM_DIR",
    "FLATPAK_CONFIG_DIR",
    "XDG_CACHE_HOME",
    "GNUPGHOME",
];

/// Like [`desktop_on`], with the daemons of `extras` too.
fn desktop_with(lang: &str, panel: &str, extras: Extras) -> Desktop {
    let started = Instant::now();
    let mut bed = TestBed::start(&[Service::Polkit, Service::PowerProfiles, Service::UPower])
        .unwrap_or_else(|error| panic!("test bed: {error}"));
    if extras.bluetooth {
        bed.start_service(Service::BluezMock)
            .unwrap_or_else(|error| panic!("bluez5 mock: {error}"));
        bed.bluez()
            .add_desk()
            .unwrap_or_else(|error| panic!("furnishing the bluez5 mock: {error}"));
    }
    if extras.network {
        for service in [Service::Resolved, Service::NetworkManager] {
            bed.start_service(service)
                .unwrap_or_else(|error| panic!("{service:?}: {error}"));
        }
        bed.wait_for_ipv4_address()
            .unwrap_or_else(|error| panic!("DHCP lease: {error}"));
        eprintln!(
            "NetworkManager has a lease at {:.2} s",
            started.elapsed().as_secs_f64()
        );
    }
    let audio = extras.audio.then(|| {
        let audio = AudioBed::start().unwrap_or_else(|error| panic!("audio bed: {error}"));
        eprintln!(
            "PipeWire and WirePlumber up at {:.2} s",
            started.elapsed().as_secs_f64()
        );
        audio
    });
    if extras.printing {
        // Polkit runs already (the base bed's).
        for &service in PRINTING.iter().filter(|&&s| s != Service::Polkit) {
            bed.start_service(service)
                .unwrap_or_else(|error| panic!("{service:?}: {error}"));
        }
        eprintln!(
            "the printing bed is up at {:.2} s",
            started.elapsed().as_secs_f64()
        );
    }
    if let Some(service) = extras.fwupd {
        if service == Service::Fwupd {
            bed.set_firmware_write_delay(FIRMWARE_WRITE_DELAY)
                .unwrap_or_else(|error| panic!("fwupd's write delay: {error}"));
        }
        bed.start_service(service)
            .unwrap_or_else(|error| panic!("{service:?}: {error}"));
        eprintln!(
            "{} is up at {:.2} s",
            service.label(),
            started.elapsed().as_secs_f64()
        );
    }
    if extras.timedate {
        bed.start_service(Service::Timedated)
            .unwrap_or_else(|error| panic!("timedated: {error}"));
    }
    if extras.hostname {
        bed.start_service(Service::Hostnamed)
            .unwrap_or_else(|error| panic!("hostnamed: {error}"));
    }
    if extras.accounts && !extras.locale {
        bed.start_service(Service::Accounts)
            .unwrap_or_else(|error| panic!("accounts-daemon: {error}"));
    }
    if extras.locale {
        for service in [Service::Localed, Service::Accounts] {
            bed.start_service(service)
                .unwrap_or_else(|error| panic!("{service:?}: {error}"));
        }
    }
    let apps = extras.apps.then(|| {
        let apps = AppsBed::start().unwrap_or_else(|error| panic!("apps bed: {error}"));
        for (installation, id) in [("--user", RICH_ID), ("--system", PLAIN_ID)] {
            apps.install(installation, id)
                .unwrap_or_else(|error| panic!("installing {id} {installation}: {error}"));
        }
        eprintln!(
            "the apps bed is up at {:.2} s",
            started.elapsed().as_secs_f64()
        );
        apps
    });
    let flatpak_env: Vec<(&str, String)> = apps
        .iter()
        .flat_map(AppsBed::env)
        .filter(|(name, _)| APPS_ENV.contains(name))
        .map(|(name, path)| (name, path.display().to_string()))
        .collect();
    // Without the printing bed, a port nothing listens on: the Printers page says CUPS is not
    // running, whatever the host runs on localhost:631.
    let cups_server = if extras.printing {
        format!("127.0.0.1:{}", bed.cups_port())
    } else {
        NO_CUPS.to_owned()
    };
    let bus = SessionBus::start().unwrap_or_else(|error| panic!("session bus: {error}"));
    bus.enable_accessibility()
        .unwrap_or_else(|error| panic!("enabling accessibility: {error}"));
    let config = tempfile::tempdir().unwrap();
    let mut session = Session::start().unwrap_or_else(|error| panic!("sway: {error}"));
    let config_home = config.path().display().to_string();
    let socket = audio
        .as_ref()
        .map(|audio| audio.socket().display().to_string());
    let mut env = vec![
        ("DBUS_SESSION_BUS_ADDRESS", bus.address()),
        ("DBUS_SYSTEM_BUS_ADDRESS", bed.system_bus_address()),
        ("LANG", lang),
        ("XDG_CONFIG_HOME", config_home.as_str()),
        ("RUST_LOG", "info"),
    ];
    if let Some(socket) = &socket {
        // libpipewire connects to an absolute PIPEWIRE_REMOTE as it is.
        env.push(("PIPEWIRE_REMOTE", socket.as_str()));
    }
    // `CupsServer::from_env`: never the host's cupsd.
    env.push(("CUPS_SERVER", cups_server.as_str()));
    env.extend(
        flatpak_env
            .iter()
            .map(|(name, value)| (*name, value.as_str())),
    );
    let launched = match bed.network_namespace() {
        // `ip netns exec` enters the namespace and execs the app (same PID).
        Some(namespace) => session.launch_app(
            User::Root,
            Path::new(IP),
            &["netns", "exec", namespace, APP, panel],
            &env,
        ),
        None => session.launch_app(User::Root, Path::new(APP), &[panel], &env),
    };
    launched.unwrap_or_else(|error| panic!("launching {APP}: {error}"));
    eprintln!(
        "desktop ({lang}) up in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    Desktop {
        session,
        bus,
        bed,
        audio,
        _apps: apps,
        _config: config,
        started,
    }
}

impl Desktop {
    /// Runs `read_tree.py` until the app shows `wait` (role, name), returns the tree it
    /// printed; with `click`, the script then clicks that node through AT-SPI.
    fn read_tree(&self, wait: (&str, &str), click: Option<(&str, &str)>) -> Vec<Node> {
        atspi::read(atspi::Read {
            bus_address: self.bus.address(),
            app: APP_NAME,
            wait,
            click,
            timeout: WAIT,
        })
        .unwrap_or_else(|failure| {
            panic!(
                "{failure}\n--- app log:\n{}\n--- session bus log:\n{}",
                self.session.app_log(),
                self.bus.log()
            )
        })
    }

    /// The tree once it shows `wait` and `holds` is true of it (a node whose name comes a
    /// frame after the control that announced it, such as a dialog's alert); the last tree
    /// read after [`WAIT`] when it never is.
    fn read_tree_until(&self, wait: (&str, &str), holds: impl Fn(&[Node]) -> bool) -> Vec<Node> {
        let deadline = Instant::now() + WAIT;
        loop {
            let tree = self.read_tree(wait, None);
            if holds(&tree) || Instant::now() >= deadline {
                return tree;
            }
            thread::sleep(POLL);
        }
    }

    /// power-profiles-daemon's `ActiveProfile`, e.g. `performance`.
    fn active_profile(&self) -> String {
        self.bed.active_profile().expect("ppd's ActiveProfile")
    }

    fn elapsed(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// Stops everything and checks nothing is left: not the app, and nothing of the session
    /// bus's process group (at-spi-bus-launcher, the accessibility bus, the registry).
    fn tear_down(self) {
        let app = self.session.app_pid();
        let bus_group = self.bus.pid();
        let started = Instant::now();
        drop(self);
        eprintln!("torn down in {:.2} s", started.elapsed().as_secs_f64());
        for pid in app.into_iter().chain(bus_group) {
            let alive: Vec<String> = live_processes(|stat| stat.pid == pid || stat.pgid == pid)
                .iter()
                .map(|stat| format!("{} {} ({})", stat.pid, stat.comm, stat.state))
                .collect();
            assert!(alive.is_empty(), "still running after teardown: {alive:?}");
        }
    }
}

/// Asserts the tree has a node with this role and name that has all of `states`.
fn assert_has(tree: &[Node], role: &str, name: &str, states: &[&str]) {
    let found = tree
        .iter()
        .find(|node| node.role == role && node.name == name);
    let Some(node) = found else {
        panic!("no [{role}] {name:?} in the tree:\n{}", show(tree));
    };
    for state in states {
        assert!(
            node.states.iter().any(|s| s == state),
            "[{role}] {name:?} is not {state}: {:?}\n{}",
            node.states,
            show(tree)
        );
    }
}

/// The sidebar and the Power page, named in one language: every control with its role.
struct Names<'a> {
    window: &'a str,
    search: &'a str,
    power: &'a str,
    accessibility: &'a str,
    about: &'a str,
    dark_style: &'a str,
    power_mode: &'a str,
    battery: &'a str,
    performance: &'a str,
    balanced: &'a str,
    power_saver: &'a str,
}

const ENGLISH: Names<'static> = Names {
    window: "Settings",
    search: "Search settings",
    power: "Power",
    accessibility: "Accessibility",
    about: "About",
    dark_style: "Dark style",
    power_mode: "Power Mode",
    battery: "Battery",
    performance: "Performance",
    balanced: "Balanced",
    power_saver: "Power Saver",
};

/// From `i18n/de/settings.ftl`.
const GERMAN: Names<'static> = Names {
    window: "Einstellungen",
    search: "Einstellungen durchsuchen",
    power: "Energie",
    accessibility: "Barrierefreiheit",
    about: "Info",
    dark_style: "Dunkler Stil",
    power_mode: "Energiemodus",
    battery: "Akku",
    performance: "Leistung",
    balanced: "Ausgeglichen",
    power_saver: "Energiesparen",
};

fn assert_tree(tree: &[Node], names: &Names<'_>) {
    assert_has(tree, "application", APP_NAME, &[]);
    assert_has(tree, "frame", names.window, &[]);
    assert_has(tree, "entry", names.search, &["focusable"]);
    assert_has(tree, "list item", names.power, &["selected"]);
    assert_has(tree, "list item", names.accessibility, &[]);
    assert_has(tree, "list item", names.about, &[]);
    assert_has(tree, "push button", names.dark_style, &["focusable"]);
    assert_has(tree, "heading", names.power, &[]);
    assert_has(tree, "heading", names.power_mode, &[]);
    assert_has(tree, "heading", names.battery, &[]);
    assert_has(tree, "radio button", names.performance, &["focusable"]);
    assert_has(tree, "radio button", names.balanced, &["checked"]);
    assert_has(tree, "radio button", names.power_saver, &[]);
    for name in [names.performance, names.power_saver] {
        let node = tree
            .iter()
            .find(|node| node.role == "radio button" && node.name == name);
        assert!(
            node.is_some_and(|node| !node.states.iter().any(|s| s == "checked")),
            "only Balanced may be checked:\n{}",
            show(tree)
        );
    }
    for (role, name) in [
        ("list item", names.power),
        ("push button", names.dark_style),
        ("radio button", names.performance),
    ] {
        let node = tree.iter().find(|n| n.role == role && n.name == name);
        assert!(
            node.is_some_and(|node| node.actions.iter().any(|a| a == "click")),
            "[{role}] {name:?} has no click action:\n{}",
            show(tree)
        );
    }
    let unnamed: Vec<&Node> = tree.iter().filter(|node| node.name.is_empty()).collect();
    assert!(
        unnamed.is_empty(),
        "nodes without a name: {unnamed:?}\n{}",
        show(tree)
    );
}

/// English: every control of the sidebar and the Power page is listed with its role and
/// name; clicking "Performance" through AT-SPI's Action interface changes
/// power-profiles-daemon's profile.
#[test]
fn screen_reader_reads_and_clicks_the_power_page() {
    let desktop = desktop("en_US.UTF-8");
    let tree = desktop.read_tree(("radio button", ENGLISH.performance), None);
    eprintln!("tree read at {:.2} s:\n{}", desktop.elapsed(), show(&tree));
    assert_tree(&tree, &ENGLISH);
    assert_eq!(desktop.active_profile(), "balanced");

    let clicked = Instant::now();
    desktop.read_tree(
        ("radio button", ENGLISH.performance),
        Some(("radio button", ENGLISH.performance)),
    );
    let deadline = Instant::now() + WAIT;
    loop {
        let profile = desktop.active_profile();
        if profile == "performance" {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "ActiveProfile still {profile:?} {WAIT:?} after the AT-SPI click; app log:\n{}",
            desktop.session.app_log()
        );
        thread::sleep(POLL);
    }
    eprintln!(
        "profile switched {:.2} s after the click (total {:.2} s)",
        clicked.elapsed().as_secs_f64(),
        desktop.elapsed()
    );
    desktop.tear_down();
}

/// German: the same controls with the same roles, named from `i18n/de`.
#[test]
fn screen_reader_hears_german_names() {
    let desktop = desktop("de_DE.UTF-8");
    let tree = desktop.read_tree(("radio button", GERMAN.performance), None);
    eprintln!("tree read at {:.2} s:\n{}", desktop.elapsed(), show(&tree));
    assert_tree(&tree, &GERMAN);
    desktop.tear_down();
}

/// Every node has a name; every control a person acts on has an action.
fn assert_walkable(tree: &[Node], page: &str) {
    let problems = atspi::unwalkable(tree);
    assert!(
        problems.is_empty(),
        "{page}: nodes without a name, or controls without an action: {problems:?}\n{}",
        show(tree)
    );
}

/// With a reader attached from the start, every panel is opened from the sidebar through
/// AT-SPI and read whole: each publishes its page at once (the Accessibility page, which
/// follows no daemon, too), every node is named and every control actionable, and the app
/// never crashes (About's page title and section heading once shared an id, which made
/// accesskit panic).
#[test]
fn screen_reader_walks_every_panel() {
    let desktop = desktop("en_US.UTF-8");
    let tree = desktop.read_tree(("heading", ENGLISH.power), None);
    assert_walkable(&tree, "Power");
    for page in [
        "Network",
        "Sound",
        "Printers",
        "Apps",
        "Firmware",
        "Private DNS",
        "Device Security",
        "Appearance",
        "Date & Time",
        "Accessibility",
        "About",
    ] {
        desktop.read_tree(("list item", page), Some(("list item", page)));
        let tree = desktop.read_tree(("heading", page), None);
        eprintln!(
            "{page} read at {:.2} s:\n{}",
            desktop.elapsed(),
            show(&tree)
        );
        assert_has(&tree, "list item", page, &["selected"]);
        assert_walkable(&tree, page);
        let pid = desktop.session.app_pid().unwrap_or(0);
        assert!(
            !live_processes(|stat| stat.pid == pid).is_empty(),
            "the app is gone after opening {page}; its log:\n{}",
            desktop.session.app_log()
        );
    }
    let log = desktop.session.app_log();
    assert!(!log.contains("panicked"), "the app panicked:\n{log}");
    desktop.tear_down();
}

/// Opened straight on the Accessibility page with a reader attached, the page is published
/// before any key is pressed.
#[test]
fn the_accessibility_page_is_published_at_once() {
    let desktop = desktop_on("en_US.UTF-8", "accessibility");
    let tree = desktop.read_tree(("heading", ENGLISH.accessibility), None);
    assert_walkable(&tree, "Accessibility");
    assert_has(&tree, "list item", ENGLISH.accessibility, &["selected"]);
    desktop.tear_down();
}

/// The most Tabs a walk may take to come back to where it started (the longest walk,
/// Appearance with its colours, has 34 stops with the sidebar's 13 rows, counting its start
/// twice; Private DNS with its provider list 31).
const MAX_TABS: usize = 40;
/// How long the focus may take to move after a Tab.
const SETTLE: Duration = Duration::from_secs(3);

impl Desktop {
    /// Walks the window with Tab from where the focus is until it is back there, reading the
    /// whole tree after each Tab (see [`atspi::walk_tabs`]); prints the stops and returns
    /// the problems, each prefixed with `what`. A walk that went round the window must also
    /// have stopped on every control the tree read before the first Tab says is focusable:
    /// a control whose focus AT-SPI never reports is one a reader never announces.
    fn walk(&mut self, what: &str) -> Vec<String> {
        self.walk_up_to(what, MAX_TABS)
    }

    /// [`Desktop::walk`] with at most `max_tabs` Tabs (a view with more stops than a page
    /// has: an app's permissions, three choices each).
    fn walk_up_to(&mut self, what: &str, max_tabs: usize) -> Vec<String> {
        let read = atspi::Read {
            bus_address: self.bus.address(),
            app: APP_NAME,
            wait: ("frame", ENGLISH.window),
            click: None,
            timeout: WAIT,
        };
        let controls = focusable_stops(&atspi::read(read).unwrap_or_default());
        let walk = atspi::walk_tabs(read, &mut self.session, max_tabs, SETTLE);
        let stops: Vec<String> = walk.stops.iter().map(ToString::to_string).collect();
        eprintln!(
            "{what}: {} stops at {:.2} s: {}",
            stops.len(),
            self.elapsed(),
            stops.join(" → ")
        );
        let mut problems: Vec<String> = walk
            .problems
            .iter()
            .map(|problem| format!("{what}: {problem}"))
            .collect();
        let went_round = walk.stops.len() > 1 && walk.stops.first() == walk.stops.last();
        let unreached: Vec<String> = controls
            .iter()
            .filter(|control| !walk.stops.contains(control))
            .map(ToString::to_string)
            .collect();
        if went_round && !unreached.is_empty() {
            problems.push(format!(
                "{what}: the focus went round the window without ever being on {}; it went: {}",
                unreached.join(", "),
                stops.join(" → ")
            ));
        }
        problems
    }

    /// Whether the app still runs.
    fn app_running(&mut self) -> bool {
        self.session.ensure_app_running("the next walk").is_ok()
    }
}

/// Every panel, by its sidebar name: Power (the app opens on it), then the others in the
/// sidebar's order. Bluetooth shows the bluez5 mock's desk: the adapter, a paired keyboard
/// and two devices nearby; Sound, with no PipeWire here, says the sound service is not
/// running, and Printers, with no cupsd ([`NO_CUPS`]), that the printing service is not;
/// Firmware and Device Security, with no fwupd on the bed's bus (nothing to activate), that
/// fwupd is not running.
const PAGES: [&str; 13] = [
    "Power",
    "Network",
    "Bluetooth",
    "Sound",
    "Printers",
    "Apps",
    "Firmware",
    "Private DNS",
    "Device Security",
    "Appearance",
    "Date & Time",
    "Accessibility",
    "About",
];

/// With a reader attached, every panel (opened from the sidebar through AT-SPI) is walked
/// with Tab from where the focus is until it comes back there: after each Tab the whole tree
/// is read, the app still runs and has not panicked, exactly one node has the focus and it
/// is named (the window's own frame is a Tab stop too and is accepted), every node is named,
/// every control actionable and every focusable control a stop. The bed runs the real NetworkManager and resolved, so the
/// Network and Private DNS pages show a wired connection, and the bluez5 mock, so the
/// Bluetooth page shows its device rows (the walk starts once the keyboard's row is
/// published). The problems of all panels are reported together.
#[test]
fn screen_reader_tabs_through_every_panel() {
    let extras = Extras {
        network: true,
        bluetooth: true,
        ..Extras::default()
    };
    let mut desktop = desktop_with("en_US.UTF-8", "power", extras);
    let mut problems = Vec::new();
    for page in PAGES {
        if page != "Power" {
            desktop.read_tree(("list item", page), Some(("list item", page)));
        }
        desktop.read_tree(("heading", page), None);
        if page == "Bluetooth" {
            desktop.read_tree(("label", DESK_KEYBOARD.name), None);
        }
        problems.extend(desktop.walk(page));
        if !desktop.app_running() {
            break;
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    desktop.tear_down();
}

/// The same walk through what the pages open: the wired connection's settings on the
/// Network page, and the custom servers and the provider list on the Private DNS page
/// (nothing is applied).
#[test]
fn screen_reader_tabs_through_the_forms() {
    let extras = Extras {
        network: true,
        ..Extras::default()
    };
    let mut desktop = desktop_with("en_US.UTF-8", "network", extras);
    let mut problems = Vec::new();
    let forms = [
        ("Network", ("push button", "Settings…"), ("heading", "IPv4")),
        (
            "Private DNS",
            ("radio button", "Custom servers"),
            ("entry", "DNS servers"),
        ),
        (
            "Private DNS",
            ("radio button", "Private DNS provider"),
            ("radio button", "Quad9"),
        ),
    ];
    for (page, opener, shown) in forms {
        desktop.read_tree(("list item", page), Some(("list item", page)));
        desktop.read_tree(opener, Some(opener));
        desktop.read_tree(shown, None);
        problems.extend(desktop.walk(&format!("{page}, {}", opener.1)));
        if !desktop.app_running() {
            break;
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    desktop.tear_down();
}

/// The nodes of `tree` with the "focusable" state (enabled controls, and the window's frame),
/// as [`atspi::Stop`]s: told apart from their namesakes by their rank, as the walk does.
fn focusable_stops(tree: &[Node]) -> Vec<atspi::Stop> {
    tree.iter()
        .enumerate()
        .filter(|(_, node)| node.states.iter().any(|state| state == "focusable"))
        .map(|(index, node)| atspi::Stop {
            role: node.role.clone(),
            name: node.name.clone(),
            rank: tree
                .iter()
                .take(index)
                .filter(|other| other.role == node.role && other.name == node.name)
                .count(),
        })
        .collect()
}

/// The roles a screen reader user acts on or types into: [`atspi::INTERACTIVE`] and entries.
fn is_control(node: &Node) -> bool {
    atspi::INTERACTIVE.contains(&node.role.as_str()) || node.role == "entry"
}

/// The controls of `tree` that a screen reader cannot tell apart: the same role, name and
/// description (all it says of a control: "Details, button") as another control, which on the
/// Bluetooth page means they act on different devices. One line per group, with its size.
fn indistinguishable_controls(tree: &[Node]) -> Vec<String> {
    let mut groups: Vec<((&str, &str, &str), usize)> = Vec::new();
    for node in tree.iter().filter(|node| is_control(node)) {
        let words = (
            node.role.as_str(),
            node.name.as_str(),
            node.description.as_str(),
        );
        match groups.iter_mut().find(|(seen, _)| *seen == words) {
            Some((_, count)) => *count += 1,
            None => groups.push((words, 1)),
        }
    }
    groups
        .into_iter()
        .filter(|(_, count)| *count > 1)
        .map(|((role, name, description), count)| {
            format!("{count} controls read as [{role}] {name:?} (description {description:?})")
        })
        .collect()
}

/// How long bluetoothd (played by the test) waits for the agent's answer here.
const ANSWER_WAIT: Duration = Duration::from_secs(10);

impl Desktop {
    /// The bed's bluez5 mock.
    fn bluez(&self) -> BluezMock {
        self.bed.bluez()
    }

    /// The app's pairing agent, once the Bluetooth page has registered it.
    fn agent(&self) -> bluez::Agent {
        let pid = self.session.app_pid().expect("the app runs");
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(agent) = self.bluez().agent_of(pid).expect("reading the bus") {
                return agent;
            }
            assert!(
                Instant::now() < deadline,
                "the app registered no pairing agent within {WAIT:?}; its log:\n{}",
                self.session.app_log()
            );
            thread::sleep(POLL);
        }
    }
}

/// The answer bluetoothd (the `busctl` of [`BluezMock::ask_agent`]) heard: whether the call
/// succeeded, and what `busctl` printed.
fn agent_answer(mut call: std::process::Child) -> (bool, String) {
    let deadline = Instant::now() + ANSWER_WAIT;
    while call.try_wait().expect("busctl's status").is_none() {
        if Instant::now() >= deadline {
            // By PID: the busctl is this test's own child.
            let _ = call.kill();
            let _ = call.wait();
            panic!("the agent did not answer within {ANSWER_WAIT:?}");
        }
        thread::sleep(POLL);
    }
    let output = call.wait_with_output().expect("busctl's output");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), said)
}

/// The name of the first `role` control in `tree` that shows `label` for `device`: named
/// `label` alone, or `label` with the device's name ("Details: Desk keyboard").
fn control_for(tree: &[Node], role: &str, label: &str, device: &str) -> String {
    let found = tree.iter().find(|node| {
        node.role == role
            && (node.name == label || (node.name.starts_with(label) && node.name.contains(device)))
    });
    match found {
        Some(node) => node.name.clone(),
        None => panic!("no [{role}] {label:?} for {device:?} in:\n{}", show(tree)),
    }
}

/// The Bluetooth page against the bluez5 mock's desk, walked with Tab (as
/// [`screen_reader_tabs_through_every_panel`] does) through what it opens: the pairing
/// dialog (the test plays bluetoothd asking the app's agent to confirm a passkey for the
/// phone; Cancel, chosen through AT-SPI, reaches bluetoothd as a refusal), the keyboard's
/// details (Rename, Block, Forget), and Forget's question (canceled: the keyboard stays).
/// Every read: the app runs, one named node has the focus, every node is named and every
/// control actionable; every focusable control is a stop of its walk.
#[test]
fn screen_reader_tabs_through_bluetooth_devices_and_dialogs() {
    let extras = Extras {
        bluetooth: true,
        ..Extras::default()
    };
    let mut desktop = desktop_with("en_US.UTF-8", "bluetooth", extras);
    let page = desktop.read_tree(("label", DESK_PHONE.name), None);
    let mut problems = Vec::new();

    let agent = desktop.agent();
    let phone = bluez::device_path(DESK_ADAPTER, DESK_PHONE.address);
    let call = desktop
        .bluez()
        .ask_agent(&agent, "RequestConfirmation", &["ou", &phone, "123456"])
        .expect("busctl runs");
    desktop.read_tree(("push button", "Confirm"), None);
    problems.extend(desktop.walk("Bluetooth, pairing question"));
    let canceled = desktop.app_running();
    if canceled {
        desktop.read_tree(("push button", "Cancel"), Some(("push button", "Cancel")));
    }
    // Without the app, bluetoothd's call fails at once.
    let (accepted, said) = agent_answer(call);
    if canceled {
        // busctl prints the error's message: bluer's for `org.bluez.Error.Rejected`.
        assert!(
            !accepted && said.to_lowercase().contains("rejected"),
            "bluetoothd should hear the refusal, heard: {said}"
        );
    }

    if desktop.app_running() {
        let details = control_for(&page, "push button", "Details", DESK_KEYBOARD.name);
        desktop.read_tree(("push button", &details), Some(("push button", &details)));
        let open = desktop.read_tree(("label", "Services"), None);
        let forget = control_for(&open, "push button", "Forget", DESK_KEYBOARD.name);
        problems.extend(desktop.walk("Bluetooth, the keyboard's details"));
        if desktop.app_running() {
            desktop.read_tree(("push button", &forget), Some(("push button", &forget)));
            desktop.read_tree(("push button", "Cancel"), None);
            problems.extend(desktop.walk("Bluetooth, Forget's question"));
        }
        if desktop.app_running() {
            desktop.read_tree(("push button", "Cancel"), Some(("push button", "Cancel")));
            desktop.read_tree(("push button", &forget), None);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    let removed = desktop
        .bluez()
        .method_calls(&bluez::adapter_path(DESK_ADAPTER), "RemoveDevice")
        .expect("the mock's calls");
    assert!(removed.is_empty(), "Forget was canceled: {removed:?}");
    desktop.tear_down();
}

/// A screen reader says a control's role, name and description and nothing of what is drawn
/// around it, so two controls on the Bluetooth page that act on different devices must not
/// read the same: every control's role, name and description together are unique, on the
/// page (a row per device, each with its Connect, Disconnect or Pair and Details) and with a
/// device's details open.
#[test]
fn screen_reader_tells_the_bluetooth_rows_apart() {
    let extras = Extras {
        bluetooth: true,
        ..Extras::default()
    };
    let desktop = desktop_with("en_US.UTF-8", "bluetooth", extras);
    let mut problems = Vec::new();
    desktop.read_tree(("label", DESK_KEYBOARD.name), None);
    let page = desktop.read_tree(("label", DESK_PHONE.name), None);
    eprintln!("the page:\n{}", show(&page));
    problems.extend(
        indistinguishable_controls(&page)
            .into_iter()
            .map(|problem| format!("the page: {problem}")),
    );
    let details = control_for(&page, "push button", "Details", DESK_KEYBOARD.name);
    desktop.read_tree(("push button", &details), Some(("push button", &details)));
    let open = desktop.read_tree(("label", "Services"), None);
    eprintln!("with the keyboard's details open:\n{}", show(&open));
    problems.extend(
        indistinguishable_controls(&open)
            .into_iter()
            .map(|problem| format!("the keyboard's details open: {problem}")),
    );
    assert!(
        problems.is_empty(),
        "controls a screen reader cannot tell apart (they act on different devices):\n{}\n\
         --- the page:\n{}\n--- with the keyboard's details open:\n{}",
        problems.join("\n"),
        show(&page),
        show(&open)
    );
    desktop.tear_down();
}

/// The check above catches what a reader heard before the Bluetooth rows named their
/// device (every row's buttons "Pair" and "Details"), and accepts the same buttons named
/// with their device, or told apart by their description. No desktop needed.
#[test]
fn controls_that_read_the_same_are_found() {
    let node = |role: &str, name: &str, description: &str| Node {
        depth: 2,
        role: role.to_owned(),
        name: name.to_owned(),
        description: description.to_owned(),
        states: Vec::new(),
        actions: vec!["click".to_owned()],
    };
    let before = [
        node("label", "Studio headset", "Headset · Strong signal"),
        node("push button", "Pair", ""),
        node("push button", "Details", ""),
        node("label", "Anna's phone", "Phone · Fair signal"),
        node("push button", "Pair", ""),
        node("push button", "Details", ""),
    ];
    assert_eq!(
        indistinguishable_controls(&before),
        [
            "2 controls read as [push button] \"Pair\" (description \"\")",
            "2 controls read as [push button] \"Details\" (description \"\")",
        ]
    );
    let named = [
        node("push button", "Pair: Studio headset", ""),
        node("push button", "Pair: Anna's phone", ""),
        node("push button", "Details", "Studio headset"),
        node("push button", "Details", "Anna's phone"),
        // Labels are not controls: two rows may show the same words.
        node("label", "Paired", ""),
        node("label", "Paired", ""),
    ];
    assert!(indistinguishable_controls(&named).is_empty());
}

/// The application name the Sound page's stream shows under.
const MUSIC_PLAYER: &str = "Music Player";
/// The output volume slider's name.
const OUTPUT_VOLUME: &str = "Output volume";

/// A slider's AT-SPI Value interface: what a screen reader reads of it.
#[derive(Debug, Clone, Copy)]
struct SliderValue {
    current: f64,
    min: f64,
    max: f64,
    step: f64,
}

/// Reads the Value interface of the slider named `name` through AT-SPI (pyatspi, with
/// `read_tree.py`'s helpers); with `focus`, then asks for the keyboard focus on it through
/// its Component interface (`GrabFocus`: a slider has no Action interface), as a screen
/// reader's "move to" does.
const SLIDER_SCRIPT: &str = r#"
import json, os, sys
sys.path.insert(0, os.path.dirname(sys.argv[1]))
import read_tree
app = read_tree.find_app(sys.argv[2])
if app is None:
    sys.exit("the app is not registered")
node = read_tree.find(read_tree.read(app), "slider", sys.argv[3])
if node is None:
    sys.exit("no slider " + repr(sys.argv[3]))
value = node.queryValue()
print(json.dumps({"current": value.currentValue, "min": value.minimumValue,
                  "max": value.maximumValue, "step": value.minimumIncrement}))
if sys.argv[4] == "focus" and not node.queryComponent().grabFocus():
    sys.exit("the slider refused the focus")
"#;

impl Desktop {
    /// The slider `name`'s value as AT-SPI has it; with `focus`, then focuses it.
    fn slider(&self, name: &str, focus: bool) -> SliderValue {
        let output = std::process::Command::new(atspi::PYTHON)
            .args(["-c", SLIDER_SCRIPT, atspi::READ_TREE, APP_NAME, name])
            .arg(if focus { "focus" } else { "read" })
            .env("DBUS_SESSION_BUS_ADDRESS", self.bus.address())
            .env_remove("DISPLAY")
            .env_remove("PYTHONPATH")
            .env_remove("PYTHONHOME")
            .stdin(std::process::Stdio::null())
            .output()
            .expect("python3 runs");
        let said = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "reading the slider {name:?}: {said}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let value: serde_json::Value = serde_json::from_str(said.trim()).expect("JSON");
        let number = |key: &str| value[key].as_f64().unwrap_or(f64::NAN);
        SliderValue {
            current: number("current"),
            min: number("min"),
            max: number("max"),
            step: number("step"),
        }
    }

    /// The audio bed.
    fn audio(&self) -> &AudioBed {
        self.audio.as_ref().expect("a desktop with the audio bed")
    }

    /// `wpctl get-volume @DEFAULT_AUDIO_SINK@`'s volume (the cubic slider fraction, as the
    /// page's slider has it).
    fn default_output_volume(&self) -> f64 {
        let said = self
            .audio()
            .wpctl(&["get-volume", "@DEFAULT_AUDIO_SINK@"])
            .expect("wpctl get-volume");
        said.split_whitespace()
            .nth(1)
            .and_then(|number| number.parse().ok())
            .unwrap_or_else(|| panic!("wpctl printed {said:?}"))
    }
}

/// The Sound page against a real PipeWire and WirePlumber (the audio bed: "Desk Speakers",
/// "USB Headset", "Desk Microphone") with a tone playing as "Music Player", reached
/// through `PIPEWIRE_REMOTE`: once the page shows both outputs and the stream, it is walked
/// with Tab (every read: the app runs and has not panicked, one named node has the focus,
/// every node is named, every control actionable and every focusable control a stop), no
/// two controls read the same, the output volume slider is published with PipeWire's
/// volume as its value, and Right on it (focused through AT-SPI) changes the default
/// output's volume in PipeWire by one step.
#[test]
fn screen_reader_tabs_through_the_sound_page() {
    let extras = Extras {
        audio: true,
        ..Extras::default()
    };
    let mut desktop = desktop_with("en_US.UTF-8", "sound", extras);
    let tone = desktop.audio().dir().join("tone.wav");
    ferrum_testbed::audio::write_tone_wav(&tone, 120.0, 440.0, 0.3).expect("the tone file");
    let player = desktop
        .audio()
        .play(&tone, MUSIC_PLAYER)
        .expect("pw-play starts");
    desktop.read_tree(("radio button", USB_HEADSET.description), None);
    let page = desktop.read_tree(("label", MUSIC_PLAYER), None);
    eprintln!("the page at {:.2} s:\n{}", desktop.elapsed(), show(&page));
    assert_has(&page, "heading", "Sound", &[]);
    assert_has(
        &page,
        "radio button",
        DESK_SPEAKERS.description,
        &["checked"],
    );
    assert_has(&page, "slider", OUTPUT_VOLUME, &["focusable"]);
    let mut problems: Vec<String> = indistinguishable_controls(&page)
        .into_iter()
        .map(|problem| format!("the page: {problem}"))
        .collect();
    problems.extend(desktop.walk("Sound"));

    // The slider's value is PipeWire's volume in percent (what a reader says: "50", not
    // "0.5"), 0 … 100 within the normal limit, in steps of 5: set to 50 % elsewhere
    // (`wpctl`), the slider follows.
    desktop
        .audio()
        .wpctl(&["set-volume", "@DEFAULT_AUDIO_SINK@", "0.5"])
        .expect("wpctl set-volume");
    let before = desktop.default_output_volume();
    assert!((before - 0.5).abs() < 0.006, "wpctl reads {before}");
    let deadline = Instant::now() + WAIT;
    loop {
        let shown = desktop.slider(OUTPUT_VOLUME, false);
        let follows = (shown.current - before * 100.0).abs() < 0.6
            && shown.min == 0.0
            && (shown.max - 100.0).abs() < 1e-9
            && (shown.step - 5.0).abs() < 1e-9;
        if follows {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the slider reads {shown:?} {WAIT:?} after wpctl set 50 %"
        );
        thread::sleep(POLL);
    }
    // Focused through AT-SPI, then Right: one step up, in PipeWire.
    let _ = desktop.slider(OUTPUT_VOLUME, true);
    let deadline = Instant::now() + WAIT;
    loop {
        let tree = desktop.read_tree(("slider", OUTPUT_VOLUME), None);
        let focused = tree.iter().any(|node| {
            node.role == "slider"
                && node.name == OUTPUT_VOLUME
                && node.states.iter().any(|state| state == atspi::FOCUSED)
        });
        if focused {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the slider did not take the focus:\n{}",
            show(&tree)
        );
        thread::sleep(POLL);
    }
    desktop.session.press("Right").expect("wtype Right");
    let deadline = Instant::now() + WAIT;
    let after = loop {
        let volume = desktop.default_output_volume();
        if (volume - before).abs() > 0.006 {
            break volume;
        }
        assert!(
            Instant::now() < deadline,
            "the default output's volume is still {volume} {WAIT:?} after Right; app log:\n{}",
            desktop.session.app_log()
        );
        thread::sleep(POLL);
    };
    eprintln!(
        "Right: {before} → {after} (wpctl) at {:.2} s",
        desktop.elapsed()
    );
    assert!(
        (after - (before + 0.05)).abs() < 0.006,
        "one step is 5 %: {before} → {after}"
    );
    let shown = desktop.slider(OUTPUT_VOLUME, false);
    assert!(
        (shown.current - after * 100.0).abs() < 0.6,
        "the slider reads {shown:?}, wpctl {after}"
    );
    let log = desktop.session.app_log();
    assert!(!log.contains("panicked"), "the app panicked:\n{log}");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    drop(player);
    desktop.tear_down();
}

/// The queue the Printers walk adds for the bed's virtual printer.
const VIRTUAL_QUEUE: &str = "Ferrum_Virtual_Printer";
/// The Add dialog's address field.
const ADDRESS_FIELD: &str = "Address (ipp://, ipps:// or a host name)";
/// What the Add dialog says until Avahi has answered.
const LOOKING: &str = "Looking for printers on the network…";

impl Desktop {
    /// Adds a queue for the bed's virtual printer with CUPS's own `lpadmin` (driverless, the
    /// `everywhere` model; enabled and accepting jobs), named and placed as a person would.
    fn add_virtual_queue(&self) {
        let output = self
            .bed
            .cups_command("/usr/sbin/lpadmin")
            .args(["-p", VIRTUAL_QUEUE, "-v", &self.bed.virtual_printer_uri()])
            .args([
                "-m",
                "everywhere",
                "-D",
                VIRTUAL_PRINTER_NAME,
                "-L",
                "Lab",
                "-E",
            ])
            .output()
            .expect("lpadmin runs");
        assert!(
            output.status.success(),
            "lpadmin: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// The Printers page against the printing bed (real cupsd, reached through `CUPS_SERVER`;
/// the virtual IPP Everywhere printer's queue added with `lpadmin`; cups-pk-helper and
/// Avahi on the bed's system bus): once the queue is shown, the page is walked with Tab
/// (every read: the app runs and has not panicked, one named node has the focus, every node
/// is named, every control actionable and every focusable control a stop), then again with
/// the queue's details open (opened through AT-SPI: where it is, its address, its option
/// defaults, its jobs, Rename and Remove), and then with the Add dialog open (the network's
/// printers through Avahi: the virtual printer, already added; the address field); no two
/// controls read the same.
#[test]
fn screen_reader_tabs_through_the_printers_page() {
    let extras = Extras {
        printing: true,
        ..Extras::default()
    };
    let mut desktop = desktop_with("en_US.UTF-8", "printers", extras);
    desktop.add_virtual_queue();
    let state = format!("Ready: {VIRTUAL_PRINTER_NAME}");
    let page = desktop.read_tree(("label", &state), None);
    eprintln!("the page at {:.2} s:\n{}", desktop.elapsed(), show(&page));
    assert_has(&page, "heading", "Printers", &[]);
    assert_has(&page, "list item", "Printers", &["selected"]);
    assert_has(&page, "push button", "Add a printer…", &["focusable"]);
    let mut problems: Vec<String> = indistinguishable_controls(&page)
        .into_iter()
        .map(|problem| format!("the page: {problem}"))
        .collect();
    problems.extend(desktop.walk("Printers"));

    if desktop.app_running() {
        let details = control_for(&page, "push button", "Details", VIRTUAL_PRINTER_NAME);
        desktop.read_tree(("push button", &details), Some(("push button", &details)));
        let rename = format!("Rename: {VIRTUAL_PRINTER_NAME}");
        let open = desktop.read_tree(("push button", &rename), None);
        eprintln!("with the details open:\n{}", show(&open));
        assert_has(
            &open,
            "push button",
            &format!("Remove: {VIRTUAL_PRINTER_NAME}"),
            &["focusable"],
        );
        problems.extend(
            indistinguishable_controls(&open)
                .into_iter()
                .map(|problem| format!("the details: {problem}")),
        );
        problems.extend(desktop.walk("Printers, the details"));
    }
    if desktop.app_running() {
        desktop.read_tree(
            ("push button", "Add a printer…"),
            Some(("push button", "Add a printer…")),
        );
        // Walked once Avahi has answered: the list does not change under the walk.
        let deadline = Instant::now() + WAIT;
        let dialog = loop {
            let dialog = desktop.read_tree(("entry", ADDRESS_FIELD), None);
            let looking = dialog.iter().any(|node| node.name == LOOKING);
            if !looking || Instant::now() >= deadline {
                break dialog;
            }
            thread::sleep(POLL);
        };
        eprintln!("with the Add dialog open:\n{}", show(&dialog));
        problems.extend(
            indistinguishable_controls(&dialog)
                .into_iter()
                .map(|problem| format!("the Add dialog: {problem}")),
        );
        problems.extend(desktop.walk("Printers, the Add dialog"));
    }
    let log = desktop.session.app_log();
    assert!(!log.contains("panicked"), "the app panicked:\n{log}");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    desktop.tear_down();
}

/// `fwupdmgr security --json` on the bed's bus: each check's title as fwupd gives it (its
/// `Summary`, else its `Name`, as the page titles it) and its id.
fn fwupd_checks(bed: &TestBed) -> Vec<(String, String)> {
    let output = bed
        .fwupdmgr()
        .args(["security", "--json"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("fwupdmgr runs");
    assert!(output.status.success(), "fwupdmgr security: {output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    json["SecurityAttributes"]
        .as_array()
        .unwrap_or_else(|| panic!("no SecurityAttributes: {json:#}"))
        .iter()
        .map(|attribute| {
            let title = attribute["Summary"]
                .as_str()
                .or_else(|| attribute["Name"].as_str())
                .unwrap_or_default();
            let id = attribute["AppstreamId"].as_str().unwrap_or_default();
            (title.to_owned(), id.to_owned())
        })
        .collect()
}

/// The Device Security page's level line as a reader hears it: the headline and its
/// sentences, "Level 2 of 5. Protected against …".
const EMULATED_LEVEL: &str = "Level 2 of 5. ";
/// What the page says once Copy report has put the report on the clipboard.
const COPIED: &str = "The report is on the clipboard.";

/// The Device Security page against the real fwupd of the bed emulating a ThinkPad P1
/// (`Service::FwupdEmulatedHost`, `HSI:2!`) and this computer's own facts: the level is
/// read as one sentence under the "Security level" heading, every check `fwupdmgr security`
/// lists is a row read with its title, whether it passed and what it means, and this
/// computer's five facts too; the page is walked with Tab (every read: the app runs and has
/// not panicked, one named node has the focus, every node is named, every control
/// actionable and every focusable control a stop); Copy report, clicked through AT-SPI,
/// says the report is on the clipboard as an alert (AT-SPI's "notification"), and the page is walked again with it
/// (its Dismiss); no two controls read the same.
#[test]
fn screen_reader_tabs_through_the_device_security_page() {
    let extras = Extras {
        fwupd: Some(Service::FwupdEmulatedHost),
        ..Extras::default()
    };
    let mut desktop = desktop_with("en_US.UTF-8", "security", extras);
    let checks = fwupd_checks(&desktop.bed);
    assert!(!checks.is_empty(), "fwupd lists no checks");
    // Walked once fwupd's checks and this computer's facts are both shown.
    let (last_title, _) = checks.last().expect("a check");
    let page = wait_for_labels_starting(&desktop, &["System files: ", &format!("{last_title}: ")]);
    eprintln!("the page at {:.2} s:\n{}", desktop.elapsed(), show(&page));
    assert_has(&page, "heading", "Device Security", &[]);
    assert_has(&page, "list item", "Device Security", &["selected"]);
    assert_has(&page, "heading", "Security level", &[]);
    assert_has(&page, "heading", "This computer", &[]);
    assert_has(&page, "heading", "Checks by level", &[]);
    assert_has(&page, "push button", "Copy report", &["focusable"]);
    let labels: Vec<&str> = page
        .iter()
        .filter(|node| node.role == "label")
        .map(|node| node.name.as_str())
        .collect();
    let mut problems = Vec::new();
    if !labels.iter().any(|name| name.starts_with(EMULATED_LEVEL)) {
        problems.push(format!("no label reads the level ({EMULATED_LEVEL:?}…)"));
    }
    for (title, id) in &checks {
        let row = labels
            .iter()
            .find(|name| name.starts_with(&format!("{title}: ")));
        match row {
            Some(name) if name.contains("Passed, ") || name.contains("Failed, ") => {}
            Some(name) => problems.push(format!("{id}: read as {name:?}, without pass/fail")),
            None => problems.push(format!("{id} ({title:?}) is not read")),
        }
    }
    for fact in [
        "Secure Boot: ",
        "Secure Boot keys: ",
        "TPM: ",
        "Boot measurements: ",
        "System files: ",
    ] {
        if !labels.iter().any(|name| name.starts_with(fact)) {
            problems.push(format!("the fact {fact:?} is not read"));
        }
    }
    problems.extend(
        indistinguishable_controls(&page)
            .into_iter()
            .map(|problem| format!("the page: {problem}")),
    );
    problems.extend(desktop.walk("Device Security"));

    if desktop.app_running() {
        desktop.read_tree(
            ("push button", "Copy report"),
            Some(("push button", "Copy report")),
        );
        let said = |tree: &[Node]| {
            tree.iter()
                .any(|node| node.role == "notification" && node.name == COPIED)
        };
        let copied = desktop.read_tree_until(("push button", "Dismiss"), said);
        eprintln!("after Copy report:\n{}", show(&copied));
        if !said(&copied) {
            problems.push(format!("no alert says {COPIED:?}:\n{}", show(&copied)));
        }
        problems.extend(
            indistinguishable_controls(&copied)
                .into_iter()
                .map(|problem| format!("after Copy report: {problem}")),
        );
        problems.extend(desktop.walk("Device Security, the report copied"));
    }
    let log = desktop.session.app_log();
    assert!(!log.contains("panicked"), "the app panicked:\n{log}");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    desktop.tear_down();
}

/// The tree once the app shows, for each of `starts`, a label whose name starts with it (a
/// row is read as "title: state. meaning"); the last tree read after [`WAIT`].
fn wait_for_labels_starting(desktop: &Desktop, starts: &[&str]) -> Vec<Node> {
    let deadline = Instant::now() + WAIT;
    loop {
        let tree = desktop.read_tree(("heading", "Security level"), None);
        let all = starts.iter().all(|start| {
            tree.iter()
                .any(|node| node.role == "label" && node.name.starts_with(start))
        });
        if all || Instant::now() >= deadline {
            return tree;
        }
        thread::sleep(POLL);
    }
}

/// The webcam's Update as a reader hears it ("Update: Integrated Webcam™").
fn webcam_update() -> String {
    format!("Update: {TEST_DEVICE_NAME}")
}

/// The percentage at the end of a progress bar's name ("…, 37 %"), if it has one.
fn percent_of(name: &str) -> Option<u32> {
    name.strip_suffix(" %")?
        .rsplit(", ")
        .next()?
        .trim()
        .parse()
        .ok()
}

/// The Firmware page against the bed's real fwupd (`Service::Fwupd`: the test plugin's
/// webcam at 1.2.2, 1.2.4 offered by a local remote; its write slowed to
/// [`FIRMWARE_WRITE_DELAY`]): once the update is shown, the page is walked with Tab (every
/// read: the app runs and has not panicked, one named node has the focus, every node is
/// named, every control actionable and every focusable control a stop) and no two controls
/// read the same; the webcam's Update, clicked through AT-SPI, installs it: fwupd's device
/// request is a dialog whose sentence is an alert and whose Done (clicked through AT-SPI)
/// closes it, the progress bar is read with its device, step and percentage until the
/// update ends, and the end is said as an alert ("… was updated to version
/// 1.2.4.") with Close; the page is walked again then.
#[test]
fn screen_reader_tabs_through_the_firmware_page() {
    let extras = Extras {
        fwupd: Some(Service::Fwupd),
        ..Extras::default()
    };
    let mut desktop = desktop_with("en_US.UTF-8", "firmware", extras);
    let update = webcam_update();
    desktop.read_tree(("push button", "Check for updates"), None);
    let page = desktop.read_tree(("push button", &update), None);
    eprintln!("the page at {:.2} s:\n{}", desktop.elapsed(), show(&page));
    assert_has(&page, "heading", "Firmware", &[]);
    assert_has(&page, "list item", "Firmware", &["selected"]);
    assert_has(&page, "heading", "Devices", &[]);
    assert_has(&page, "push button", &update, &["focusable"]);
    assert_has(
        &page,
        "label",
        &format!("Version {UPDATE_VERSION} is available: {TEST_DEVICE_NAME}"),
        &[],
    );
    assert_has(
        &page,
        "label",
        &format!("Version {TEST_DEVICE_VERSION}: {TEST_DEVICE_NAME}"),
        &[],
    );
    let mut problems: Vec<String> = indistinguishable_controls(&page)
        .into_iter()
        .map(|problem| format!("the page: {problem}"))
        .collect();
    problems.extend(desktop.walk("Firmware"));

    if desktop.app_running() {
        desktop.read_tree(("push button", &update), Some(("push button", &update)));
        // fwupd's request comes after the cabinet is unpacked, before the write.
        let asks = format!("Unplug {TEST_DEVICE_NAME} and plug it back in.");
        let said = |tree: &[Node]| {
            tree.iter()
                .any(|node| node.role == "notification" && node.name == asks)
        };
        let dialog = desktop.read_tree_until(("push button", "Done"), said);
        eprintln!(
            "the device request at {:.2} s:\n{}",
            desktop.elapsed(),
            show(&dialog)
        );
        if !said(&dialog) {
            problems.push(format!("the request is not an alert saying {asks:?}"));
        }
        problems.extend(
            indistinguishable_controls(&dialog)
                .into_iter()
                .map(|problem| format!("the request: {problem}")),
        );
        desktop.read_tree(("push button", "Done"), Some(("push button", "Done")));

        // The bar, read until the update ends. (Its percentage is fwupd's: with the test
        // plugin's device request before the write, fwupd's Percentage stays where the request
        // left it, 36 %, through the write and the verification; only the step moves.)
        let bar_start = format!("{TEST_DEVICE_NAME}: ");
        let done = format!("{TEST_DEVICE_NAME} was updated to version {UPDATE_VERSION}.");
        let mut heard: Vec<String> = Vec::new();
        let deadline = Instant::now() + FIRMWARE_WRITE_DELAY + WAIT;
        loop {
            let tree = desktop.read_tree(("heading", "Devices"), None);
            for bar in tree.iter().filter(|node| node.role == "progress bar") {
                eprintln!("at {:.2} s the bar reads {:?}", desktop.elapsed(), bar.name);
                if !heard.contains(&bar.name) {
                    heard.push(bar.name.clone());
                }
            }
            let ended = tree
                .iter()
                .any(|node| node.role == "notification" && node.name == done);
            if ended || Instant::now() >= deadline {
                break;
            }
            thread::sleep(Duration::from_millis(300));
        }
        let announced: Vec<&String> = heard
            .iter()
            .filter(|name| name.starts_with(&bar_start) && percent_of(name).is_some())
            .collect();
        eprintln!("the bar was read as {heard:?}");
        if announced.is_empty() {
            problems.push(format!(
                "the progress bar was never read with its device, its step and a percentage: \
                 {heard:?}"
            ));
        }

        // The end.
        let deadline = Instant::now() + FIRMWARE_WRITE_DELAY + WAIT;
        let ended = loop {
            let tree = desktop.read_tree(("heading", "Devices"), None);
            let said = tree
                .iter()
                .any(|node| node.role == "notification" && node.name == done);
            if said || Instant::now() >= deadline {
                break tree;
            }
            thread::sleep(Duration::from_millis(500));
        };
        eprintln!(
            "when the update ended at {:.2} s:\n{}",
            desktop.elapsed(),
            show(&ended)
        );
        if !ended
            .iter()
            .any(|node| node.role == "notification" && node.name == done)
        {
            problems.push(format!("the end is not an alert saying {done:?}"));
        }
        assert_has(&ended, "push button", "Close", &["focusable"]);
        problems.extend(
            indistinguishable_controls(&ended)
                .into_iter()
                .map(|problem| format!("the update ended: {problem}")),
        );
        problems.extend(desktop.walk("Firmware, the update ended"));
    }
    let log = desktop.session.app_log();
    assert!(!log.contains("panicked"), "the app panicked:\n{log}");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    desktop.tear_down();
}

/// The most Tabs the walk through one app's permissions may take: three choices for each of
/// a dozen permissions, its buttons and the sidebar.
const MAX_PERMISSION_TABS: usize = 80;

/// The Apps page with a reader attached, on the apps bed (the rich app installed for the
/// person, the plain one for everyone): both apps are listed with their buttons named with the
/// app they act on, every control is named and no two read the same, and the page is walked
/// with Tab (see [`Desktop::walk`]). Then "Permissions" of the rich app, clicked through
/// AT-SPI, opens its permissions: every permission's three choices named with the
/// permission, the camera grant written to the session's permission store listed with its
/// Revoke button, and that view walked too.
#[test]
fn screen_reader_tabs_through_the_apps_page() {
    let extras = Extras {
        apps: true,
        ..Extras::default()
    };
    let mut desktop = desktop_with("en_US.UTF-8", "apps", extras);
    let permissions = format!("Permissions: {RICH_NAME}");
    let page = desktop.read_tree(("push button", &permissions), None);
    eprintln!("the page at {:.2} s:\n{}", desktop.elapsed(), show(&page));
    assert_has(&page, "heading", "Apps", &[]);
    assert_has(&page, "list item", "Apps", &["selected"]);
    for heading in ["Installed apps", "Install apps", "App sources"] {
        assert_has(&page, "heading", heading, &[]);
    }
    for name in [RICH_NAME, PLAIN_NAME] {
        for action in ["Open", "Permissions", "Remove"] {
            assert_has(
                &page,
                "push button",
                &format!("{action}: {name}"),
                &["focusable"],
            );
        }
    }
    assert_has(&page, "entry", "Search the app sources", &["focusable"]);
    assert_has(
        &page,
        "entry",
        "Path of the .flatpakrepo file",
        &["focusable"],
    );
    assert_has(&page, "push button", "Add source", &["focusable"]);
    let mut problems: Vec<String> = indistinguishable_controls(&page)
        .into_iter()
        .map(|problem| format!("the page: {problem}"))
        .collect();
    problems.extend(desktop.walk("Apps"));

    if desktop.app_running() {
        // A portal grant, as the camera portal stores it, for the view to list.
        let output = desktop
            .bus
            .busctl()
            .args([
                "call",
                ferrum_services::apps::PERMISSION_STORE_BUS_NAME,
                "/org/freedesktop/impl/portal/PermissionStore",
                "org.freedesktop.impl.portal.PermissionStore",
                "SetPermission",
                "sbssas",
                "devices",
                "true",
                "camera",
                RICH_ID,
                "1",
                "yes",
            ])
            .output()
            .expect("busctl runs");
        assert!(
            output.status.success(),
            "writing the grant: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        desktop.read_tree(
            ("push button", &permissions),
            Some(("push button", &permissions)),
        );
        let revoke = "Revoke: Use the camera: allowed";
        let view = desktop.read_tree(("push button", revoke), None);
        eprintln!(
            "the permissions at {:.2} s:\n{}",
            desktop.elapsed(),
            show(&view)
        );
        assert_has(
            &view,
            "heading",
            &format!("Permissions of {RICH_NAME}"),
            &[],
        );
        assert_has(&view, "heading", "Allowed when asked", &[]);
        assert_has(&view, "push button", "Close", &["focusable"]);
        assert_has(
            &view,
            "push button",
            &format!("Reset to the app's defaults: {RICH_NAME}"),
            &["focusable"],
        );
        for choice in ["App's default", "Allow", "Deny"] {
            assert_has(
                &view,
                "radio button",
                &format!("{choice}: Use the network"),
                &["focusable"],
            );
        }
        assert_has(
            &view,
            "radio button",
            "App's default: Use the network",
            &["checked"],
        );
        // The installed list is not beside the view.
        if view.iter().any(|node| node.name == permissions) {
            problems.push("the installed apps are still drawn beside the permissions".into());
        }
        problems.extend(
            indistinguishable_controls(&view)
                .into_iter()
                .map(|problem| format!("the permissions: {problem}")),
        );
        problems.extend(desktop.walk_up_to("Apps, the permissions", MAX_PERMISSION_TABS));
    }
    let log = desktop.session.app_log();
    assert!(!log.contains("panicked"), "the app panicked:\n{log}");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    desktop.tear_down();
}

impl Desktop {
    /// The preferences file the app reads and saves, in its own `XDG_CONFIG_HOME`.
    fn preferences_file(&self) -> std::path::PathBuf {
        self._config
            .path()
            .join("ferrum")
            .join("accessibility.toml")
    }

    /// The preferences as the app last saved them, once `done` holds for them (at most
    /// [`WAIT`]: the Accessibility page saves a moment after the last change); the last read
    /// either way.
    fn saved_preferences(
        &self,
        done: impl Fn(&ferrum_accessibility::Preferences) -> bool,
    ) -> ferrum_accessibility::Preferences {
        let path = self.preferences_file();
        let deadline = Instant::now() + WAIT;
        loop {
            let read = ferrum_accessibility::Preferences::load(&path).unwrap_or_default();
            if done(&read) || Instant::now() >= deadline {
                return read;
            }
            thread::sleep(POLL);
        }
    }
}

/// The Appearance page's controls by name, in the order shown: the styles, the theme's own
/// accent and the eight named colours, the custom colour and its button, then contrast, motion
/// and text size.
const APPEARANCE_CONTROLS: [&str; 17] = [
    "Light",
    "Dark",
    "Follow the time of day",
    "Ferrum’s own",
    "Blue",
    "Teal",
    "Green",
    "Yellow",
    "Orange",
    "Red",
    "Pink",
    "Purple",
    "Custom colour",
    "Use this colour",
    "High contrast",
    "Reduce motion",
    "Text size",
];

/// The Appearance page with a reader attached (the app's own `XDG_CONFIG_HOME`, no style
/// pinned on the command line): every control is published with its name and is focusable,
/// no two controls read the same (the colours are told apart by name and by their `#rrggbb`),
/// and the page is walked with Tab (every read: the app runs and has not panicked, one named
/// node has the focus, every node is named, every control actionable and every focusable
/// control a stop). Then "Dark" and "Teal", clicked through AT-SPI, are what the app saves in
/// its preferences file (the file every app reads through the portal), and the window follows:
/// "Dark" is checked and the sidebar's style switch now offers the light style.
#[test]
fn screen_reader_tabs_through_the_appearance_page() {
    use ferrum_accessibility::preferences::{AccentColor, ColorScheme};
    let mut desktop = desktop_on("en_US.UTF-8", "appearance");
    let page = desktop.read_tree(("slider", "Text size"), None);
    eprintln!("the page at {:.2} s:\n{}", desktop.elapsed(), show(&page));
    assert_has(&page, "heading", "Appearance", &[]);
    assert_has(&page, "list item", "Appearance", &["selected"]);
    for heading in ["Style", "Accent colour", "Contrast, motion and text size"] {
        assert_has(&page, "heading", heading, &[]);
    }
    let mut problems: Vec<String> = Vec::new();
    for name in APPEARANCE_CONTROLS {
        let found = page.iter().any(|node| {
            node.name == name
                && (is_control(node) || node.role == "slider")
                && node.states.iter().any(|state| state == "focusable")
        });
        if !found {
            problems.push(format!("no focusable control named {name:?}"));
        }
    }
    assert_has(&page, "radio button", "Ferrum’s own", &["checked"]);
    assert_has(&page, "slider", "Text size", &["focusable"]);
    // The named colours, in the palette's order, are read with their `#rrggbb`.
    for (name, entry) in APPEARANCE_CONTROLS[4..12]
        .iter()
        .zip(ferrum_panels::appearance::PALETTE)
    {
        let read = page
            .iter()
            .find(|node| node.role == "radio button" && node.name == *name);
        if read.is_none_or(|node| node.description != entry.color.hex()) {
            problems.push(format!(
                "the colour {name:?} is not read with {}: {read:?}",
                entry.color.hex()
            ));
        }
    }
    problems.extend(
        indistinguishable_controls(&page)
            .into_iter()
            .map(|problem| format!("the page: {problem}")),
    );
    problems.extend(desktop.walk("Appearance"));

    if desktop.app_running() {
        desktop.read_tree(("radio button", "Dark"), Some(("radio button", "Dark")));
        desktop.read_tree(("radio button", "Teal"), Some(("radio button", "Teal")));
        let teal = AccentColor::new(0x0f, 0x6e, 0x7a);
        let saved = desktop.saved_preferences(|saved| {
            saved.color_scheme == Some(ColorScheme::Dark) && saved.accent == Some(teal)
        });
        eprintln!(
            "saved at {:.2} s: {:?}",
            desktop.elapsed(),
            std::fs::read_to_string(desktop.preferences_file())
        );
        assert_eq!(
            (saved.color_scheme, saved.accent),
            (Some(ColorScheme::Dark), Some(teal)),
            "what the AT-SPI clicks chose is not in {}",
            desktop.preferences_file().display()
        );
        let deadline = Instant::now() + WAIT;
        let dark = loop {
            let tree = desktop.read_tree(("radio button", "Dark"), None);
            let checked = |name: &str| {
                tree.iter().any(|node| {
                    node.role == "radio button"
                        && node.name == name
                        && node.states.iter().any(|state| state == "checked")
                })
            };
            let follows = checked("Dark")
                && checked("Teal")
                && tree
                    .iter()
                    .any(|node| node.role == "push button" && node.name == "Light style");
            if follows || Instant::now() >= deadline {
                break tree;
            }
            thread::sleep(POLL);
        };
        eprintln!("after the clicks:\n{}", show(&dark));
        assert_has(&dark, "radio button", "Dark", &["checked"]);
        assert_has(&dark, "radio button", "Teal", &["checked"]);
        assert_has(&dark, "push button", "Light style", &["focusable"]);
        for name in ["Light", "Ferrum’s own", "Blue"] {
            let checked = dark.iter().any(|node| {
                node.role == "radio button"
                    && node.name == name
                    && node.states.iter().any(|state| state == "checked")
            });
            if checked {
                problems.push(format!("{name:?} is still checked after the clicks"));
            }
        }
    }
    let log = desktop.session.app_log();
    assert!(!log.contains("panicked"), "the app panicked:\n{log}");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    desktop.tear_down();
}

/// The Date & Time page's controls a reader must find, by name.
const DATE_TIME_CONTROLS: [&str; 3] = ["Set date and time…", "Change time zone…", "24-hour clock"];

/// The Date & Time page on the real timedated (without systemd it cannot offer automatic
/// time, which the page explains): every control named, the clock read as one label, the
/// page walked with Tab; "Change time zone…" clicked through AT-SPI opens the picker, whose
/// search field and zone rows (each named with its country, offset and local time) are
/// walked too, and "Set date and time…" opens the form, walked with its two fields.
#[test]
fn screen_reader_tabs_through_the_date_and_time_page() {
    let extras = Extras {
        timedate: true,
        ..Extras::default()
    };
    let mut desktop = desktop_with("en_US.UTF-8", "date-time", extras);
    let page = desktop.read_tree(("toggle button", "24-hour clock"), None);
    eprintln!("the page at {:.2} s:\n{}", desktop.elapsed(), show(&page));
    assert_has(&page, "list item", "Date & Time", &["selected"]);
    for heading in ["Date & Time", "Time", "Time zone", "Clock"] {
        assert_has(&page, "heading", heading, &[]);
    }
    let mut problems: Vec<String> = Vec::new();
    for name in DATE_TIME_CONTROLS {
        let found = page.iter().any(|node| {
            node.name == name && is_control(node) && node.states.iter().any(|s| s == "focusable")
        });
        if !found {
            problems.push(format!("no focusable control named {name:?}"));
        }
    }
    assert_has(
        &page,
        "label",
        "Automatic time is unavailable: no time synchronization service is installed on this computer.",
        &[],
    );
    assert!(
        page.iter()
            .any(|node| node.role == "label" && node.name.contains("day, ")),
        "the clock is read as one label:\n{}",
        show(&page)
    );
    problems.extend(
        indistinguishable_controls(&page)
            .into_iter()
            .map(|problem| format!("the page: {problem}")),
    );
    problems.extend(desktop.walk("Date & Time"));

    if desktop.app_running() {
        desktop.read_tree(
            ("push button", "Change time zone…"),
            Some(("push button", "Change time zone…")),
        );
        let picker = desktop.read_tree(("entry", "Search by city, region or country"), None);
        let rows = picker
            .iter()
            .filter(|node| node.role == "push button" && node.name.contains(" · UTC"))
            .count();
        assert!(
            rows > 10,
            "zone rows named with their facts:\n{}",
            show(&picker)
        );
        problems.extend(desktop.walk_up_to("Date & Time, the picker", 80));
    }
    if desktop.app_running() {
        desktop.read_tree(("push button", "Cancel"), Some(("push button", "Cancel")));
        desktop.read_tree(
            ("push button", "Set date and time…"),
            Some(("push button", "Set date and time…")),
        );
        let form = desktop.read_tree(("entry", "Date (year-month-day)"), None);
        assert_has(&form, "entry", "Time (hours:minutes)", &["focusable"]);
        problems.extend(desktop.walk("Date & Time, the form"));
    }
    let log = desktop.session.app_log();
    assert!(!log.contains("panicked"), "the app panicked:\n{log}");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    desktop.tear_down();
}

/// The About page against the real hostnamed: "Rename…" opens the form, whose two fields and
/// two buttons are named Tab stops; the walks go round the page and the form, and the app
/// never crashes. A name typed and sent with Enter reaches the bed's hostnamed (in a mount and
/// a UTS namespace of its own, checked first) and comes back on the page; this host's name
/// stays.
#[test]
fn screen_reader_opens_the_about_pages_rename_form() {
    let extras = Extras {
        hostname: true,
        ..Extras::default()
    };
    let mut desktop = desktop_with("en_US.UTF-8", "about", extras);
    let page = desktop.read_tree(("push button", "Rename…"), None);
    eprintln!("the page at {:.2} s:\n{}", desktop.elapsed(), show(&page));
    assert_has(&page, "list item", "About", &["selected"]);
    assert_walkable(&page, "About");
    let mut problems = desktop.walk("About");
    if desktop.app_running() {
        desktop.read_tree(("push button", "Rename…"), Some(("push button", "Rename…")));
        let form = desktop.read_tree(("entry", "Device name"), None);
        eprintln!("the form:\n{}", show(&form));
        assert_walkable(&form, "About, the rename form");
        assert_has(&form, "entry", "Network name", &["focusable"]);
        for button in ["Rename", "Cancel"] {
            assert_has(&form, "push button", button, &["focusable"]);
        }
        problems.extend(desktop.walk("About, the rename form"));
    }
    if desktop.app_running() {
        // Typed and sent from the keyboard (the walk ends back in the device name's field),
        // to the bed's hostnamed, which must not share this host's names.
        let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
        let pid = desktop.bed.pid(Service::Hostnamed).expect("hostnamed runs");
        for namespace in ["uts", "mnt"] {
            let ours = std::fs::read_link(format!("/proc/self/ns/{namespace}")).ok();
            let its = std::fs::read_link(format!("/proc/{pid}/ns/{namespace}")).ok();
            assert_ne!(
                ours, its,
                "hostnamed must run in a {namespace} namespace of its own"
            );
        }
        desktop
            .session
            .type_keys(&[
                "ctrl+a", "l", "a", "b", "space", "s", "e", "v", "e", "n", "Return",
            ])
            .expect("typing the name");
        let page = desktop.read_tree(("label", "lab-seven"), None);
        if !page.iter().any(|node| node.name == "lab seven") {
            problems.push(format!(
                "the page does not show hostnamed's new names:\n{}",
                show(&page)
            ));
        }
        assert_eq!(
            std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default(),
            host,
            "this host's name"
        );
    }
    let log = desktop.session.app_log();
    assert!(!log.contains("panicked"), "the app panicked:\n{log}");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    desktop.tear_down();
}

/// The Region & Language page's controls, named with what they change.
const REGION_CONTROLS: [&str; 4] = [
    "Change…: Your language",
    "Change…: Login screen and new accounts",
    "Change…: Dates, numbers, measurement and paper",
    "Add a layout…",
];

/// The Region & Language page on the real localed and accounts-daemon: every control named
/// and focusable, the preview read as one label, the page walked with Tab; "Change…" for the
/// person's language opens the eight languages as radio buttons, and "Add a layout…" the
/// layout picker, whose search field and rows (xkeyboard-config's, as the greeter lists them)
/// are walked too. Nothing is changed, and the app never crashes.
#[test]
fn screen_reader_tabs_through_the_region_page() {
    let extras = Extras {
        locale: true,
        ..Extras::default()
    };
    let mut desktop = desktop_with("en_US.UTF-8", "region", extras);
    let page = desktop.read_tree(("push button", "Add a layout…"), None);
    eprintln!("the page at {:.2} s:\n{}", desktop.elapsed(), show(&page));
    assert_has(&page, "list item", "Region & Language", &["selected"]);
    for heading in [
        "Region & Language",
        "Language",
        "Formats",
        "Keyboard layouts",
    ] {
        assert_has(&page, "heading", heading, &[]);
    }
    let mut problems: Vec<String> = Vec::new();
    for name in REGION_CONTROLS {
        let found = page.iter().any(|node| {
            node.name == name && is_control(node) && node.states.iter().any(|s| s == "focusable")
        });
        if !found {
            problems.push(format!("no focusable control named {name:?}"));
        }
    }
    assert!(
        page.iter()
            .any(|node| node.role == "label" && node.name.starts_with("Preview: ")),
        "the preview is read as one label:\n{}",
        show(&page)
    );
    problems.extend(
        indistinguishable_controls(&page)
            .into_iter()
            .map(|problem| format!("the page: {problem}")),
    );
    problems.extend(desktop.walk("Region & Language"));

    if desktop.app_running() {
        let list = desktop.read_tree(
            ("push button", "Change…: Your language"),
            Some(("push button", "Change…: Your language")),
        );
        let list = if list.iter().any(|node| node.role == "radio button") {
            list
        } else {
            desktop.read_tree(("radio button", "日本語"), None)
        };
        for language in [
            "English (US)",
            "Deutsch",
            "Français",
            "Español",
            "Português (Brasil)",
            "日本語",
            "العربية",
            "Українська",
        ] {
            assert_has(&list, "radio button", language, &["focusable"]);
        }
        problems.extend(desktop.walk_up_to("Region & Language, the languages", 60));
    }
    if desktop.app_running() {
        desktop.read_tree(
            ("push button", "Add a layout…"),
            Some(("push button", "Add a layout…")),
        );
        let picker = desktop.read_tree(("entry", "Search layouts"), None);
        // The first rows of xkeyboard-config's list by description (Afghani, Albanian, …).
        let rows = picker
            .iter()
            .filter(|node| node.role == "push button" && node.name.starts_with('A'))
            .count();
        assert!(rows > 3, "layout rows by name:\n{}", show(&picker));
        problems.extend(desktop.walk_up_to("Region & Language, the picker", 80));
    }
    let log = desktop.session.app_log();
    assert!(!log.contains("panicked"), "the app panicked:\n{log}");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    desktop.tear_down();
}

/// The Users page on the real accounts-daemon (the bed's fixture people; the app runs as
/// nobody, who is not listed): every person's administrator switch and "Remove…" named with
/// their name and focusable, "Add a person…" too, the page walked with Tab; the add dialog's
/// fields (the password fields as password text), its account type as radio buttons and its
/// buttons named and walked. Nothing is changed, and the app never crashes.
#[test]
fn screen_reader_tabs_through_the_users_page() {
    let extras = Extras {
        accounts: true,
        ..Extras::default()
    };
    let mut desktop = desktop_with("en_US.UTF-8", "users", extras);
    let page = desktop.read_tree(("push button", "Remove…: Grace Hopper"), None);
    eprintln!("the page at {:.2} s:\n{}", desktop.elapsed(), show(&page));
    assert_has(&page, "list item", "Users", &["selected"]);
    for heading in ["Users", "People"] {
        assert_has(&page, "heading", heading, &[]);
    }
    let mut problems: Vec<String> = Vec::new();
    for name in [
        "Remove…: Ada Lovelace",
        "Remove…: Grace Hopper",
        "Administrator: Ada Lovelace",
        "Administrator: Grace Hopper",
        "Add a person…",
    ] {
        let found = page.iter().any(|node| {
            node.name == name && is_control(node) && node.states.iter().any(|s| s == "focusable")
        });
        if !found {
            problems.push(format!("no focusable control named {name:?}"));
        }
    }
    problems.extend(
        indistinguishable_controls(&page)
            .into_iter()
            .map(|problem| format!("the page: {problem}")),
    );
    problems.extend(desktop.walk("Users"));

    if desktop.app_running() {
        desktop.read_tree(
            ("push button", "Add a person…"),
            Some(("push button", "Add a person…")),
        );
        let dialog = desktop.read_tree(("entry", "Full name"), None);
        eprintln!("the add dialog:\n{}", show(&dialog));
        for (role, name) in [
            ("entry", "Full name"),
            ("entry", "Login name"),
            ("password text", "Password"),
            ("password text", "Type the password again"),
            ("radio button", "Standard"),
            ("radio button", "Administrator"),
            ("push button", "Add"),
            ("push button", "Cancel"),
        ] {
            assert_has(&dialog, role, name, &["focusable"]);
        }
        problems.extend(desktop.walk_up_to("Users, the add dialog", 60));
    }
    let log = desktop.session.app_log();
    assert!(!log.contains("panicked"), "the app panicked:\n{log}");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    desktop.tear_down();
}
