//! The per-service recipe table and the folder layout of a bed.
//!
//! Adding a service means adding a [`Service`] variant plus one arm in [`spec`] (and in
//! `Service::bus_name` / `Service::label`); the generic code in `lib.rs` does the rest.

use std::path::{Path, PathBuf};

use crate::{Service, fixtures};

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
    /// `<root>/logs`: one `<label>.log` per child.
    pub logs_dir: PathBuf,
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
            bus_dir,
            logs_dir: root.join("logs"),
        }
    }

    /// The log file of a child with this label.
    pub(crate) fn log_path(&self, label: &str) -> PathBuf {
        self.logs_dir.join(format!("{label}.log"))
    }

    /// The private state folder of one service (created on demand by the files it gets).
    fn service_dir(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }
}

/// A file (or folder) that must be present for a service to start.
#[derive(Debug, Clone)]
pub(crate) struct Requirement {
    pub path: PathBuf,
    /// The Debian package that provides it.
    pub package: &'static str,
}

impl Requirement {
    fn new(path: impl Into<PathBuf>, package: &'static str) -> Self {
        Self {
            path: path.into(),
            package,
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
        Service::PowerProfiles => ServiceSpec {
            requires: vec![Requirement::new(
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
        },
        Service::UPower => {
            let description = layout.service_dir("upower").join("battery.umockdev");
            ServiceSpec {
                requires: vec![
                    Requirement::new("/usr/bin/umockdev-run", "umockdev"),
                    Requirement::new("/usr/libexec/upowerd", "upower"),
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
            }
        }
        Service::Accounts => {
            let dir = layout.service_dir("accounts");
            let passwd = dir.join("passwd");
            let shadow = dir.join("shadow");
            let group = dir.join("group");
            let state = dir.join("varlib");
            // Private copies of the account files (the host's plus the fixtures),
            // mounted over the originals only inside this daemon's mount namespace.
            let script = format!(
                "mkdir -p {state} {state}/users {state}/icons && \
                 mount --bind {passwd} /etc/passwd && mount --bind {shadow} /etc/shadow && \
                 mount --bind {group} /etc/group && \
                 mount --bind {state} /var/lib/AccountsService && \
                 exec /usr/libexec/accounts-daemon --debug",
                state = state.display(),
                passwd = passwd.display(),
                shadow = shadow.display(),
                group = group.display(),
            );
            ServiceSpec {
                requires: vec![
                    Requirement::new("/usr/libexec/accounts-daemon", "accountsservice"),
                    Requirement::new("/var/lib/AccountsService", "accountsservice"),
                    Requirement::new("/usr/bin/unshare", "util-linux"),
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
                    ])
                    .collect(),
                after_ready: Vec::new(),
            }
        }
    }
}

/// python-dbusmock running `template` on the bed's system bus, then `after_ready`.
fn dbusmock(template: &str, after_ready: Vec<Vec<String>>) -> ServiceSpec {
    ServiceSpec {
        requires: vec![
            Requirement::new(PYTHON3, "python3"),
            Requirement::new(
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
    }
}

fn host_file(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The private system bus configuration: system bus semantics, no activation, allow all.
pub(crate) fn bus_config(layout: &Layout) -> String {
    let socket = xml_escape(&layout.socket.display().to_string());
    format!(
        r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
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
