//! The per-service recipe table and the folder layout of a bed.
//!
//! Adding a service means adding a [`Service`] variant plus one arm in [`spec`] (and in
//! `Service::bus_name` / `Service::label`); the generic code in `lib.rs` does the rest.

use std::path::{Path, PathBuf};

use crate::network::{self, NetworkLayout, shell_quote};
use crate::printing::{self, PrintingLayout};
use crate::{Service, firmware, fixtures};

/// `dbus-daemon`, from the Debian package `dbus-daemon` (pulled in by `dbus`).
pub(crate) const DBUS_DAEMON: &str = "/usr/bin/dbus-daemon";
/// `busctl`, from the Debian package `systemd`.
pub(crate) const BUSCTL: &str = "/usr/bin/busctl";
/// The Debian Python, which sees the `python3-*` packages (a pyenv `python3` on `PATH` does not).
const PYTHON3: &str = "/usr/bin/python3";

/// Where things live inside a bed's temporary folder.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    /// The bed's temporary folder.
    pub root: PathBuf,
    /// `<root>/bus`: the bus config and socket.
    pub bus_dir: PathBuf,
    /// `<root>/bus/system-bus.conf`.
    pub bus_config: PathBuf,
    /// `<root>/bus/system_bus_socket`.
    pub socket: PathBuf,
    /// `unix:path=<socket>`.
    pub address: String,
    /// `<root>/bus/services`: D-Bus activation files (the bus starts such a service on a
    /// call when it is not running, as cups-pk-helper on a real system).
    pub services_dir: PathBuf,
    /// `<root>/logs`: one `<label>.log` per child.
    pub logs_dir: PathBuf,
    /// Namespace names and folders of the network (used once NetworkManager or resolved
    /// starts).
    pub network: NetworkLayout,
    /// Ports and folders of the printing services.
    pub printing: PrintingLayout,
}

impl Layout {
    pub(crate) fn new(root: &Path) -> Self {
        let bus_dir = root.join("bus");
        let socket = bus_dir.join("system_bus_socket");
        Self {
            root: root.to_path_buf(),
            bus_config: bus_dir.join("system-bus.conf"),
            address: format!("unix:path={}", socket.display()),
            socket,
            services_dir: bus_dir.join("services"),
            bus_dir,
            logs_dir: root.join("logs"),
            network: NetworkLayout::new(root),
            printing: PrintingLayout::new(root),
        }
    }

    /// The log file of a child with this label.
    pub(crate) fn log_path(&self, label: &str) -> PathBuf {
        self.logs_dir.join(format!("{label}.log"))
    }

    /// The private state folder of one service (created on demand by the files it gets).
    pub(crate) fn service_dir(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }
}

/// A file (or folder) that must be present for a service to start.
#[derive(Debug, Clone)]
pub(crate) struct Requirement {
    pub path: PathBuf,
    /// Where it comes from, for the error that says how to get it.
    pub source: Source,
}

/// Where a [`Requirement`] comes from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Source {
    /// The Debian package that provides it.
    Package(&'static str),
    /// The systemd-resolved package that `cargo xtask deps` unpacks (never installs).
    UnpackedResolved,
}

impl Requirement {
    pub(crate) fn package(path: impl Into<PathBuf>, package: &'static str) -> Self {
        Self {
            path: path.into(),
            source: Source::Package(package),
        }
    }
}

/// How to run one service inside a bed.
#[derive(Debug, Clone)]
pub(crate) struct ServiceSpec {
    /// Checked before anything is spawned.
    pub requires: Vec<Requirement>,
    pub program: PathBuf,
    pub args: Vec<String>,
    /// Added to the child's environment (on top of `DBUS_SYSTEM_BUS_ADDRESS`).
    pub env: Vec<(&'static str, String)>,
    /// Removed from the child's environment.
    pub env_remove: Vec<&'static str>,
    /// Written before spawning (parent folders are created).
    pub files: Vec<(PathBuf, String)>,
    /// `busctl --system` argument lists run once the bus name is owned.
    pub after_ready: Vec<Vec<String>>,
    /// Runs in the bed's network namespace: the network (`network::Network`) is set up
    /// before the first such service starts.
    pub needs_network: bool,
}

/// The recipe for `service` in a bed laid out as `layout`.
pub(crate) fn spec(service: Service, layout: &Layout) -> ServiceSpec {
    match service {
        // Without AllowUnknown the mock denies everything, e.g. SetActiveProfile of
        // power-profiles-daemon fails with "Access denied".
        Service::Polkit => dbusmock(
            "polkitd",
            vec![strings(&[
                "call",
                service.bus_name(),
                "/org/freedesktop/PolicyKit1/Authority",
                "org.freedesktop.DBus.Mock",
                "AllowUnknown",
                "b",
                "true",
            ])],
        ),
        // The template answers "yes" to every Can… call and accepts (and logs) every
        // action without doing anything.
        Service::Logind => dbusmock("logind", Vec::new()),
        Service::PolkitDaemon => crate::polkit::polkitd(layout),
        // The template starts with State 70 (connected, global), Connectivity 4 (full) and no
        // devices or connections. It has no `PrimaryConnection`, which the real daemon always
        // has ("/" when there is none): added here so the mock reads like the real thing.
        Service::NetworkManagerMock => dbusmock(
            "networkmanager",
            vec![strings(&[
                "call",
                service.bus_name(),
                "/org/freedesktop/NetworkManager",
                "org.freedesktop.DBus.Mock",
                "AddProperty",
                "ssv",
                "org.freedesktop.NetworkManager",
                "PrimaryConnection",
                "o",
                "/",
            ])],
        ),
        // No adapters: tests add them (again after a restart) through `bluez::BluezMock`.
        Service::BluezMock => dbusmock("bluez5", Vec::new()),
        Service::PowerProfiles => ServiceSpec {
            requires: vec![Requirement::package(
                "/usr/libexec/power-profiles-daemon",
                "power-profiles-daemon",
            )],
            program: "/usr/libexec/power-profiles-daemon".into(),
            args: strings(&["-v"]),
            // Built-in fake platform driver: power-saver, balanced and performance.
            env: vec![("POWER_PROFILE_DAEMON_FAKE_DRIVER", "1".to_owned())],
            env_remove: Vec::new(),
            files: Vec::new(),
            after_ready: Vec::new(),
            needs_network: false,
        },
        Service::Timedated => crate::machine::timedated(layout),
        Service::Localed => crate::machine::localed(layout),
        // Starts with NTP on and synchronised, CanNTP true, zone Etc/Utc (the template's
        // spelling); SetTime is accepted and recorded.
        Service::TimedatedMock => dbusmock("timedated", Vec::new()),
        Service::Hostnamed => crate::machine::hostnamed(layout),
        Service::UPower => {
            let description = layout.service_dir("upower").join("battery.umockdev");
            ServiceSpec {
                requires: vec![
                    Requirement::package("/usr/bin/umockdev-run", "umockdev"),
                    Requirement::package("/usr/libexec/upowerd", "upower"),
                ],
                program: "/usr/bin/umockdev-run".into(),
                args: vec![
                    "-d".to_owned(),
                    description.display().to_string(),
                    "--".to_owned(),
                    "/usr/libexec/upowerd".to_owned(),
                    "-v".to_owned(),
                ],
                env: Vec::new(),
                env_remove: Vec::new(),
                files: vec![(description, fixtures::battery_umockdev())],
                after_ready: Vec::new(),
                needs_network: false,
            }
        }
        Service::Accounts => {
            let dir = layout.service_dir("accounts");
            let passwd = dir.join("passwd");
            let shadow = dir.join("shadow");
            let group = dir.join("group");
            let gshadow = dir.join("gshadow-extra");
            let state = dir.join("varlib");
            let quoted = |path: PathBuf| shell_quote(&path.display().to_string());
            // A private copy of /etc (the host's plus the fixtures) and private /home,
            // /var/log and /var/mail, mounted over the originals only inside this daemon's
            // mount namespace: adduser and deluser (which accounts-daemon runs) replace
            // /etc/passwd by renaming, write lastlog and make home folders, so whole
            // folders are mounted, not single files. The copy is made once per bed (a
            // restart keeps the accounts made, as a reboot does). `{etc}/gdm3` exists as in
            // the image: Debian's accounts-daemon keeps the automatic login there
            // (`daemon.conf`), and only when the folder exists.
            let script = format!(
                "mkdir -p {state}/users {state}/icons {home} {log} {mail} && \
                 {{ [ -d {etc} ] || {{ cp -a /etc {etc} && cp {passwd} {etc}/passwd && \
                 cp {shadow} {etc}/shadow && cp {group} {etc}/group && \
                 {{ [ ! -e {etc}/gshadow ] || cat {gshadow} >> {etc}/gshadow; }}; }}; }} && \
                 mkdir -p {etc}/gdm3 && \
                 mount --bind {etc} /etc && mount --bind {home} /home && \
                 mount --bind {log} /var/log && \
                 {{ [ ! -d /var/mail ] || mount --bind {mail} /var/mail; }} && \
                 mount --bind {state} /var/lib/AccountsService && \
                 exec /usr/libexec/accounts-daemon --debug",
                state = quoted(state.clone()),
                etc = quoted(dir.join("etc")),
                home = quoted(dir.join("home")),
                log = quoted(dir.join("log")),
                mail = quoted(dir.join("mail")),
                passwd = quoted(passwd.clone()),
                shadow = quoted(shadow.clone()),
                group = quoted(group.clone()),
                gshadow = quoted(gshadow.clone()),
            );
            ServiceSpec {
                requires: vec![
                    Requirement::package("/usr/libexec/accounts-daemon", "accountsservice"),
                    Requirement::package("/var/lib/AccountsService", "accountsservice"),
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
                files: fixtures::ACCOUNTS
                    .iter()
                    // Each account has logged in before, so accounts-daemon lists it
                    // among its cached users (as on a machine in use).
                    .map(|account| {
                        (
                            state.join("users").join(account.name),
                            "[User]\nSession=\n".to_owned(),
                        )
                    })
                    .chain([
                        (passwd, host_file("/etc/passwd") + &fixtures::passwd_lines()),
                        (shadow, host_file("/etc/shadow") + &fixtures::shadow_lines()),
                        (group, host_file("/etc/group") + &fixtures::group_lines()),
                        (gshadow, fixtures::gshadow_lines()),
                    ])
                    .collect(),
                after_ready: Vec::new(),
                needs_network: false,
            }
        }
        Service::NetworkManager => network_manager(layout),
        Service::Resolved => resolved(layout),
        Service::Cups => printing::cups(layout),
        Service::VirtualPrinter => printing::virtual_printer(layout),
        Service::CupsPkHelper => printing::pk_helper(layout),
        Service::Avahi => printing::avahi(layout),
        Service::Fwupd => firmware::fwupd(layout, false),
        Service::FwupdEmulatedHost => firmware::fwupd(layout, true),
    }
}

/// The real NetworkManager in the bed's network namespace, in a mount namespace of its own:
/// a tmpfs on `/run` (with `/run/NetworkManager` kept in the bed across restarts, as on a
/// real machine, and the pid file outside it), the bus folder on `/run/dbus`, its state folder
/// on `/var/lib/NetworkManager`, and `/sys` read-only: without udev NetworkManager otherwise
/// waits for udev to initialise every link and leaves them unmanaged.
fn network_manager(layout: &Layout) -> ServiceSpec {
    let network = &layout.network;
    let dir = &network.nm_dir;
    let quoted = |path: &Path| shell_quote(&path.display().to_string());
    let conf = dir.join("NetworkManager.conf");
    let conf_dir = dir.join("conf.d");
    let state = dir.join("varlib");
    let run = dir.join("run");
    let script = format!(
        "mkdir -p {conf_dir} {state} {run} && \
         mount -t tmpfs tmpfs /run && mkdir -p /run/dbus /run/NetworkManager && \
         mount --bind {bus} /run/dbus && mount --bind {run} /run/NetworkManager && \
         mount --bind {state} /var/lib/NetworkManager && mount -o remount,ro /sys && \
         exec {program} --debug --config={conf} --config-dir={conf_dir} \
         --state-file={state_file} --intern-config={intern} \
         --pid-file=/run/NetworkManager.pid",
        conf_dir = quoted(&conf_dir),
        state = quoted(&state),
        run = quoted(&run),
        bus = quoted(&layout.bus_dir),
        program = network::NETWORK_MANAGER,
        conf = quoted(&conf),
        state_file = quoted(&state.join("NetworkManager.state")),
        intern = quoted(&state.join("NetworkManager-intern.conf")),
    );
    let mut requires = network::requirements();
    requires.extend([
        Requirement::package(network::NETWORK_MANAGER, "network-manager"),
        Requirement::package("/var/lib/NetworkManager", "network-manager"),
    ]);
    ServiceSpec {
        requires,
        program: network::IP.into(),
        args: in_namespace(&network.nm_netns, script),
        env: Vec::new(),
        env_remove: Vec::new(),
        files: vec![(conf, network::network_manager_conf(network))],
        after_ready: Vec::new(),
        needs_network: true,
    }
}

/// The real systemd-resolved, unpacked by `cargo xtask deps`, in NetworkManager's network
/// namespace as uid 65534 with the capabilities its unit file grants, in a mount namespace
/// with a tmpfs on `/run`, the bus folder on `/run/dbus`, the bed's drop-ins on
/// `/run/systemd/resolved.conf.d` and a resolv.conf naming only its own stub (otherwise it
/// would take the host's name servers as "foreign" ones). It trusts the bed's test CA.
fn resolved(layout: &Layout) -> ServiceSpec {
    let network = &layout.network;
    // When it is nowhere, the first place looked in: the requirement check then fails with
    // the way to get it.
    let binary = network::resolved_root()
        .or_else(|| network::resolved_search_path().into_iter().next())
        .unwrap_or_default()
        .join(network::RESOLVED_BINARY);
    let quoted = |path: &Path| shell_quote(&path.display().to_string());
    let conf_dir = network.resolved_conf_dir();
    let resolv_conf = network.resolved_dir.join("resolv.conf");
    // A resolv.conf that is a symlink into /run (to a host resolved's stub) would dangle
    // on the fresh tmpfs: the target is created there before mounting over it.
    let script = format!(
        "mount -t tmpfs tmpfs /run && \
         mkdir -p /run/dbus /run/systemd/resolve /run/systemd/resolved.conf.d && \
         mount --bind {bus} /run/dbus && mount --bind {conf_dir} /run/systemd/resolved.conf.d && \
         chown {nobody}:{nobody} /run/systemd/resolve && \
         target=$(readlink -f /etc/resolv.conf) && \
         case \"$target\" in /run/*) mkdir -p \"${{target%/*}}\" && : > \"$target\";; esac && \
         mount --bind {resolv_conf} \"$target\" && \
         exec {setpriv} --reuid={nobody} --regid={nobody} --clear-groups \
         --inh-caps={caps} --ambient-caps={caps} {binary}",
        bus = quoted(&layout.bus_dir),
        conf_dir = quoted(&conf_dir),
        nobody = crate::wayland::NOBODY,
        resolv_conf = quoted(&resolv_conf),
        setpriv = network::SETPRIV,
        caps = "+net_bind_service,+net_raw,+setpcap",
        binary = quoted(&binary),
    );
    let mut requires = network::requirements();
    requires.push(Requirement::package(network::SETPRIV, "util-linux"));
    requires.push(Requirement {
        path: binary,
        source: Source::UnpackedResolved,
    });
    ServiceSpec {
        requires,
        program: network::IP.into(),
        args: in_namespace(&network.nm_netns, script),
        env: vec![
            ("SSL_CERT_FILE", network.ca.display().to_string()),
            ("SYSTEMD_LOG_LEVEL", "debug".to_owned()),
            // Not the journal or the host's syslog or kmsg: stderr, into the bed's log.
            ("SYSTEMD_LOG_TARGET", "console".to_owned()),
            ("SYSTEMD_COLORS", "0".to_owned()),
        ],
        env_remove: Vec::new(),
        files: vec![
            (
                conf_dir.join("10-ferrum.conf"),
                network::RESOLVED_CONF.to_owned(),
            ),
            (resolv_conf, "nameserver 127.0.0.53\n".to_owned()),
        ],
        after_ready: Vec::new(),
        needs_network: true,
    }
}

/// `ip` arguments that run `script` with `sh` in the network namespace `netns` and in a
/// private mount namespace of its own.
fn in_namespace(netns: &str, script: String) -> Vec<String> {
    vec![
        "netns".to_owned(),
        "exec".to_owned(),
        netns.to_owned(),
        network::UNSHARE.to_owned(),
        "-m".to_owned(),
        "--propagation".to_owned(),
        "private".to_owned(),
        "sh".to_owned(),
        "-c".to_owned(),
        script,
    ]
}

/// python-dbusmock running `template` on the bed's system bus, then `after_ready`.
fn dbusmock(template: &str, after_ready: Vec<Vec<String>>) -> ServiceSpec {
    ServiceSpec {
        requires: vec![
            Requirement::package(PYTHON3, "python3"),
            Requirement::package(
                "/usr/lib/python3/dist-packages/dbusmock",
                "python3-dbusmock",
            ),
        ],
        program: PYTHON3.into(),
        args: strings(&["-m", "dbusmock", "--system", "-t", template]),
        env: Vec::new(),
        env_remove: vec!["PYTHONPATH", "PYTHONHOME"],
        files: Vec::new(),
        after_ready,
        needs_network: false,
    }
}

fn host_file(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The private system bus configuration: system bus semantics, allow all, activation only of
/// what a service puts into `<root>/bus/services` (no `servicehelper`: the bus starts it
/// itself, as root, with the bus's environment).
pub(crate) fn bus_config(layout: &Layout) -> String {
    let socket = xml_escape(&layout.socket.display().to_string());
    let services = xml_escape(&layout.services_dir.display().to_string());
    format!(
        r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <servicedir>{services}</servicedir>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_type="method_call"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
  </policy>
</busconfig>
"#
    )
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}
