//! A private D-Bus system bus with the real system daemons behind it, for integration tests
//! and the demo; also a private session bus ([`session_bus`]), the portal frontend with our
//! Settings backend on one of its own ([`portal`]), Flatpak installations with a
//! signed local repo ([`apps`]), a private speech-dispatcher
//! ([`speech`]) and a headless sway session to run the app in ([`wayland`]).
//!
//! [`TestBed::start`] creates a fresh folder (`$TMPDIR/ferrum-testbed-XXXXXX`), starts
//! `dbus-daemon` on a socket inside it with a permissive system-bus policy, then starts each
//! requested [`Service`] with `DBUS_SYSTEM_BUS_ADDRESS` pointing at that socket and waits until
//! it owns its bus name. Every child runs in its own process group and logs to
//! `<dir>/logs/<label>.log`; everything is torn down by PID (process group) when the bed is
//! dropped, never by process name, so several beds can run side by side (in one or several
//! processes). It needs root and the Debian packages named in [`Error::MissingProgram`]; it
//! does not need systemd as PID 1 and touches nothing outside its folder.
//!
//! # Adding a service
//! Each service is described by a private recipe (`spec::spec`): program, arguments,
//! environment, files to write into the bed's folder first, the packages it requires and
//! `busctl` calls to make once it is ready. Adding a service (NetworkManager in a netns,
//! systemd-resolved, CUPS, PipeWire, fwupd, accountsservice, Flatpak, …) means adding one
//! [`Service`] variant, its [`Service::bus_name`] and [`Service::label`], and one arm in that
//! recipe table; starting, waiting, logging, killing and restarting are generic.
//!
//! # Network
//! [`Service::NetworkManager`] and [`Service::Resolved`] run in a network namespace of the
//! bed's own, wired by a veth to a peer namespace with a DHCP and a DNS(-over-TLS) server; see
//! [`network`]. The helpers [`TestBed::in_network_namespace`], [`TestBed::nmcli`],
//! [`TestBed::wait_for_ipv4_address`], [`TestBed::dns_server_stats`] and
//! [`TestBed::set_resolved_config`] reach into it.

use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _};
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal, WaitId, WaitIdOptions};
use tempfile::TempDir;

pub mod apps;
pub mod atspi;
pub mod audio;
pub mod bluez;
pub mod child;
mod error;
pub mod fake_greetd;
pub mod firmware;
pub mod fixtures;
pub mod golden;
pub mod keyscript;
pub mod machine;
pub mod network;
pub mod polkit;
pub mod portal;
pub mod printing;
pub mod session_bus;
mod spec;
pub mod speech;
pub mod wayland;

pub use error::Error;
pub use network::DnsServerStats;
use network::Network;
use spec::{BUSCTL, DBUS_DAEMON, Layout, Requirement, ServiceSpec, Source, spec};

/// How long to wait for the bus socket or a bus name to appear or disappear.
const READY_TIMEOUT: Duration = Duration::from_secs(15);
/// How long [`TestBed::stop_service`] waits after SIGTERM before it sends SIGKILL.
const STOP_GRACE: Duration = Duration::from_secs(5);
/// How long teardown waits for the orphaned rest of a killed process group to disappear.
const GROUP_EXIT_TIMEOUT: Duration = Duration::from_secs(2);
/// Polling interval while waiting.
const POLL: Duration = Duration::from_millis(50);
/// How long NetworkManager may take to get a DHCP lease.
const LEASE_TIMEOUT: Duration = Duration::from_secs(30);
/// How many log lines go into errors.
const LOG_TAIL_LINES: usize = 25;
/// Label (and log name) of the bus daemon.
const BUS_LABEL: &str = "dbus-daemon";

/// A system service the bed can run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Service {
    /// python-dbusmock's `polkitd` template, told to allow everything (`AllowUnknown`).
    Polkit,
    /// The real polkitd (not the allow-everything mock) with the test action
    /// [`polkit::TEST_ACTION`] that needs an administrator's password, administrators with
    /// known passwords ([`polkit::ADMINS`]) and the bus reachable at `/run/dbus` for polkit's
    /// setuid helper, all in a mount namespace of its own; see [`polkit`]. Owns the same bus
    /// name as [`Service::Polkit`]: a bed runs one or the other.
    PolkitDaemon,
    /// The real power-profiles-daemon with its fake driver (power-saver, balanced, performance).
    PowerProfiles,
    /// The real upowerd under umockdev with [`fixtures::battery_umockdev`] (BAT0 + AC).
    UPower,
    /// The real accounts-daemon, in a mount namespace where `/etc` (a copy whose
    /// `passwd`, `shadow`, `group` and `gshadow` also hold [`fixtures::ACCOUNTS`]), `/home`,
    /// `/var/log`, `/var/mail` and `/var/lib/AccountsService` are private folders of the
    /// bed (`<bed>/accounts/etc`, …), so accounts it adds or removes never reach this host.
    Accounts,
    /// python-dbusmock's `logind` template: every `Can…` answers `"yes"` and the power
    /// actions are accepted and logged (visible through the mock's
    /// `org.freedesktop.DBus.Mock.GetMethodCalls`), never carried out.
    Logind,
    /// python-dbusmock's `networkmanager` template (plus the `PrimaryConnection` property it
    /// lacks): connected with full connectivity, no devices until a test adds them through
    /// the mock's `org.freedesktop.DBus.Mock` methods (`AddEthernetDevice`,
    /// `AddActiveConnection`, `SetConnectivity`, …).
    ///
    /// The greeter only reads the overall status, which the mock serves faithfully enough
    /// and without the network namespaces of [`Service::NetworkManager`]. It owns the same bus
    /// name, so a bed runs one or the other.
    NetworkManagerMock,
    /// The real NetworkManager in the bed's network namespace ([`network`]): it manages the
    /// veth [`fixtures::network::INTERFACE`] with the keyfile profile
    /// [`fixtures::network::WIRED_CONNECTION_ID`] and gets a DHCP lease from the peer. DNS
    /// goes to systemd-resolved over the bus (`dns=systemd-resolved`); polkit is off
    /// (`auth-polkit=false`). Its state (`/var/lib/NetworkManager`, `/run/NetworkManager`)
    /// stays in the bed across restarts. Needs root.
    NetworkManager,
    /// The real systemd-resolved (unpacked by `cargo xtask deps`, not installed) in
    /// NetworkManager's network namespace, as uid 65534, trusting the bed's test CA. No global
    /// DNS servers and DNS-over-TLS off, as configured in `network::RESOLVED_CONF`; change
    /// that with [`TestBed::set_resolved_config`]. Start it with NetworkManager (in either
    /// order: NetworkManager hands it the link's DNS whenever it appears).
    Resolved,
    /// The real `systemd-hostnamed` (`org.freedesktop.hostname1`) in a mount namespace with a
    /// copy of `/etc` ([`TestBed::machine_etc`]) and a UTS namespace of its own: it starts with
    /// this machine's names, and setting them changes only the copy and the namespace's
    /// kernel name, never this host's. See [`machine`]. It exits by itself after about 30 s
    /// without callers, as it does under systemd; tests use it right after the bed starts.
    Hostnamed,
    /// The real `systemd-timedated` in a mount namespace with a copy of `/etc`
    /// ([`TestBed::machine_etc`]) and without `CAP_SYS_TIME`: `SetTimezone` changes the copy's
    /// `/etc/localtime`; this host's clock and `/etc` never change. See [`machine`].
    Timedated,
    /// python-dbusmock's `timedated` template: `SetNTP` and `SetTime` (which would reach the
    /// clock and systemd's units) are recorded, never carried out. Owns the same bus name as
    /// [`Service::Timedated`]: a bed runs one or the other.
    TimedatedMock,
    /// The real `systemd-localed` in a mount namespace with copies of `/etc` and
    /// `/usr/lib/locale` ([`TestBed::machine_etc`]): `SetLocale` writes the copy's
    /// `/etc/default/locale`, `SetX11Keyboard` its `/etc/default/keyboard`. See [`machine`].
    Localed,
    /// python-dbusmock's `bluez5` template standing in for bluetoothd (this host has no
    /// Bluetooth controller): no adapters or devices until a test adds them through
    /// [`bluez::BluezMock`] ([`TestBed::bluez`]); pairing succeeds at once without asking an
    /// agent; calls are recorded for `GetMethodCalls`. The image's end-to-end test runs the
    /// real bluetoothd.
    BluezMock,
    /// The real `cupsd` with its own ServerRoot on `127.0.0.1:<free port>`
    /// ([`TestBed::cups_server`]) and a unix socket, no authentication, its D-Bus notifier
    /// sending `org.cups.cupsd.Notifier` signals on the bed's bus; queues survive a kill and
    /// restart. Not on the bus: ready when its port accepts. See [`printing`].
    Cups,
    /// A virtual IPP Everywhere printer (`ippeveprinter`) named
    /// [`printing::VIRTUAL_PRINTER_NAME`] at [`TestBed::virtual_printer_uri`], keeping what it
    /// prints in [`TestBed::printer_output_dir`] and registered with [`Service::Avahi`] (start
    /// that first). Not on the bus: ready when its port accepts. See [`printing`].
    VirtualPrinter,
    /// cups-pk-helper, the D-Bus mechanism for CUPS admin changes, on the bed's cupsd (start
    /// [`Service::Cups`] and [`Service::Polkit`] first); also D-Bus activatable on the bed's
    /// bus, since it exits after 30 s without calls. See [`printing`].
    CupsPkHelper,
    /// The real `avahi-daemon` on the bed's bus, alone in a network namespace with only
    /// loopback: what the virtual printer publishes is browsable through its D-Bus API and
    /// nothing reaches the host's network. See [`printing`].
    Avahi,
    /// The real fwupd (`org.freedesktop.fwupd`) with its test plugin's fake webcam, a local
    /// `directory` remote offering an update for it ([`TestBed::firmware_cabinet`]) and this
    /// machine's own HSI attributes (`HSI:INVALID` in a VM); all state in the bed's folder,
    /// kept across a kill and restart. See [`firmware`].
    Fwupd,
    /// The real fwupd emulating a ThinkPad P1's host security attributes
    /// (`FWUPD_HOST_EMULATE`, [`firmware::EMULATED_HSI`]); fwupd then loads no real or test
    /// devices, so nothing is updatable. Owns the same bus name as [`Service::Fwupd`]: a bed
    /// runs one or the other. See [`firmware`].
    FwupdEmulatedHost,
}

impl Service {
    /// The well-known bus name the service owns once it is ready; empty for the services
    /// that are not on the bus ([`Service::Cups`], [`Service::VirtualPrinter`]), which are
    /// ready when their TCP port accepts connections.
    pub fn bus_name(self) -> &'static str {
        match self {
            Service::Polkit | Service::PolkitDaemon => "org.freedesktop.PolicyKit1",
            Service::PowerProfiles => "net.hadess.PowerProfiles",
            Service::UPower => "org.freedesktop.UPower",
            Service::Accounts => "org.freedesktop.Accounts",
            Service::Logind => "org.freedesktop.login1",
            Service::NetworkManagerMock | Service::NetworkManager => {
                "org.freedesktop.NetworkManager"
            }
            Service::Resolved => "org.freedesktop.resolve1",
            Service::Hostnamed => "org.freedesktop.hostname1",
            Service::Timedated | Service::TimedatedMock => "org.freedesktop.timedate1",
            Service::Localed => "org.freedesktop.locale1",
            Service::BluezMock => bluez::BUS_NAME,
            Service::CupsPkHelper => printing::PK_HELPER_BUS_NAME,
            Service::Avahi => printing::AVAHI_BUS_NAME,
            Service::Fwupd | Service::FwupdEmulatedHost => firmware::BUS_NAME,
            // Not on the bus: ready when their TCP port accepts.
            Service::Cups | Service::VirtualPrinter => "",
        }
    }

    /// A short name, also used for the log file `<dir>/logs/<label>.log`.
    pub fn label(self) -> &'static str {
        match self {
            Service::Polkit => "polkit-mock",
            Service::PolkitDaemon => "polkitd",
            Service::PowerProfiles => "power-profiles-daemon",
            Service::UPower => "upowerd",
            Service::Accounts => "accounts-daemon",
            Service::Logind => "logind-mock",
            Service::NetworkManagerMock => "networkmanager-mock",
            Service::NetworkManager => "NetworkManager",
            Service::Resolved => "systemd-resolved",
            Service::Hostnamed => "systemd-hostnamed",
            Service::Timedated => "timedated",
            Service::TimedatedMock => "timedated-mock",
            Service::Localed => "localed",
            Service::BluezMock => "bluez-mock",
            Service::Cups => "cupsd",
            Service::VirtualPrinter => "ippeveprinter",
            Service::CupsPkHelper => "cups-pk-helper",
            Service::Avahi => "avahi-daemon",
            Service::Fwupd => "fwupd",
            Service::FwupdEmulatedHost => "fwupd-emulated-host",
        }
    }
}

/// A running private system bus plus services, all state in one temporary folder.
///
/// Dropping it kills every child (services in reverse start order, then the network's peers,
/// then the bus) by process group, reaps them, deletes the network namespaces and removes the
/// folder unless [`TestBed::keep_dir`] was called.
#[derive(Debug)]
pub struct TestBed {
    layout: Layout,
    /// `None` once the folder is kept.
    temp: Option<TempDir>,
    bus: Option<Child>,
    /// Running services in start order.
    services: Vec<(Service, Child)>,
    /// The network namespaces and their peers, once a service needed them.
    network: Option<Network>,
}

impl TestBed {
    /// Starts dbus-daemon with a private system-bus config then each service in order, waiting
    /// for each bus name (timeout 15 s, error includes the tail of the service's log).
    ///
    /// Everything already started is torn down again if a step fails.
    pub fn start(services: &[Service]) -> Result<TestBed, Error> {
        require(Path::new(DBUS_DAEMON), "dbus-daemon")?;
        require(Path::new(BUSCTL), "systemd")?;
        adopt_orphans();

        let temp = tempfile::Builder::new()
            .prefix("ferrum-testbed-")
            .tempdir()?;
        // Traversable by other users: the demo runs the app as uid 65534.
        fs::set_permissions(temp.path(), fs::Permissions::from_mode(0o755))?;
        let layout = Layout::new(temp.path());
        for service in services {
            for requirement in &spec(*service, &layout).requires {
                check(requirement)?;
            }
        }
        for dir in [&layout.bus_dir, &layout.services_dir, &layout.logs_dir] {
            fs::create_dir(dir)?;
            fs::set_permissions(dir, fs::Permissions::from_mode(0o755))?;
        }
        fs::write(&layout.bus_config, spec::bus_config(&layout))?;

        let mut command = Command::new(DBUS_DAEMON);
        command
            .arg("--nofork")
            .arg(format!("--config-file={}", layout.bus_config.display()));
        let bus = spawn(command, &layout.log_path(BUS_LABEL))?;
        tracing::debug!(pid = bus.id(), dir = %layout.root.display(), "started dbus-daemon");
        let mut bed = TestBed {
            layout,
            temp: Some(temp),
            bus: Some(bus),
            services: Vec::new(),
            network: None,
        };
        bed.wait_for_socket()?;

        for service in services {
            if bed.pid(*service).is_none() {
                bed.start_service(*service)?;
            }
        }
        Ok(bed)
    }

    /// The address of the private system bus, `unix:path=<dir>/bus/system_bus_socket`.
    pub fn system_bus_address(&self) -> &str {
        &self.layout.address
    }

    /// The bluez5 mock on this bed's bus ([`Service::BluezMock`]).
    pub fn bluez(&self) -> bluez::BluezMock {
        bluez::BluezMock::at(&self.layout.address)
    }

    /// The bed's folder.
    pub fn dir(&self) -> &Path {
        &self.layout.root
    }

    /// The PID of the service's direct child (also its process group id), if it is running.
    pub fn pid(&self, service: Service) -> Option<u32> {
        self.services
            .iter()
            .find(|(s, _)| *s == service)
            .map(|(_, child)| child.id())
    }

    /// Kills the service's process group with SIGKILL, reaps it, then waits until its bus name
    /// has no owner.
    pub fn kill_service(&mut self, service: Service) -> Result<(), Error> {
        let child = self.take_child(service)?;
        tracing::debug!(service = service.label(), pid = child.id(), "SIGKILL");
        kill_and_reap(child)?;
        self.wait_name_gone(service)
    }

    /// Sends SIGTERM to the service's process group, waits up to 5 s for it to exit, then
    /// SIGKILLs whatever is left of the group, reaps it and waits until its bus name is gone.
    pub fn stop_service(&mut self, service: Service) -> Result<(), Error> {
        let child = self.take_child(service)?;
        tracing::debug!(service = service.label(), pid = child.id(), "SIGTERM");
        signal_group(&child, Signal::TERM)?;
        let deadline = Instant::now() + STOP_GRACE;
        while !has_exited(&child) && Instant::now() < deadline {
            thread::sleep(POLL);
        }
        kill_and_reap(child)?;
        self.wait_name_gone(service)
    }

    /// Starts (or, if it is running, restarts) one service and waits until it owns its bus
    /// name and its post-start calls are done.
    pub fn start_service(&mut self, service: Service) -> Result<(), Error> {
        if self.pid(service).is_some() {
            self.stop_service(service)?;
        }
        let ServiceSpec {
            requires,
            program,
            args,
            env,
            env_remove,
            files,
            after_ready,
            needs_network,
        } = spec(service, &self.layout);
        for requirement in &requires {
            check(requirement)?;
        }
        if let Some((owner, _)) = self
            .services
            .iter()
            .filter(|_| !service.bus_name().is_empty())
            .find(|(other, _)| other.bus_name() == service.bus_name())
        {
            return Err(Error::NameTaken {
                service,
                owner: *owner,
            });
        }
        if needs_network && self.network.is_none() {
            self.network = Some(Network::up(&self.layout)?);
        }
        for (path, contents) in files {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, contents)?;
        }

        let mut command = Command::new(&program);
        command.args(&args).envs(env);
        for name in env_remove {
            command.env_remove(name);
        }
        let log = self.log_path(service);
        let child = spawn_with_address(command, &log, &self.layout.address)?;
        tracing::debug!(service = service.label(), pid = child.id(), "started");
        self.services.push((service, child));

        let ready = match self.layout.printing.ready_port(service) {
            Some(port) => self.wait_for_port(service, port),
            None => self.wait_for_name(service),
        };
        let ready = ready.and_then(|()| {
            after_ready
                .iter()
                .try_for_each(|call| self.busctl_checked(call))
        });
        if let Err(error) = ready {
            // Leave the bed in a consistent state: the service is not running.
            if let Ok(child) = self.take_child(service) {
                let _ = kill_and_reap(child);
            }
            return Err(error);
        }
        Ok(())
    }

    /// Where the service's stdout and stderr go: `<dir>/logs/<label>.log` (appended to on
    /// restart).
    pub fn log_path(&self, service: Service) -> PathBuf {
        self.layout.log_path(service.label())
    }

    /// A `busctl --system` Command with DBUS_SYSTEM_BUS_ADDRESS set to this bed.
    pub fn busctl(&self) -> Command {
        let mut command = Command::new(BUSCTL);
        command
            .arg("--system")
            .env("DBUS_SYSTEM_BUS_ADDRESS", &self.layout.address);
        command
    }

    /// The network namespace NetworkManager and resolved run in, once either has started.
    pub fn network_namespace(&self) -> Option<&str> {
        self.network.as_ref().map(Network::nm_namespace)
    }

    /// The peer's network namespace (DHCP and DNS servers), once the network is up.
    pub fn peer_namespace(&self) -> Option<&str> {
        self.network.as_ref().map(Network::peer_namespace)
    }

    /// The interface NetworkManager manages inside [`TestBed::network_namespace`]:
    /// [`fixtures::network::INTERFACE`].
    pub fn network_interface(&self) -> &'static str {
        fixtures::network::INTERFACE
    }

    /// The interface index of [`TestBed::network_interface`] in its namespace (what resolved's
    /// `SetLink…` calls and NetworkManager's `Ifindex` use).
    pub fn network_interface_index(&self) -> Result<i32, Error> {
        let path = format!("/sys/class/net/{}/ifindex", self.network_interface());
        let text = self.in_network_namespace(&["cat", &path])?;
        text.trim().parse().map_err(|_| {
            Error::Io(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{path} holds no interface index: {text:?}"),
            ))
        })
    }

    /// A Command that runs `program` inside [`TestBed::network_namespace`] (through
    /// `ip netns exec`, so `/sys` shows that namespace's interfaces) with
    /// `DBUS_SYSTEM_BUS_ADDRESS` set to this bed.
    pub fn network_namespace_command(&self, program: impl AsRef<OsStr>) -> Result<Command, Error> {
        let namespace = self.network_namespace().ok_or(Error::NetworkNotUp)?;
        let mut command = Command::new(network::IP);
        command
            .args(["netns", "exec", namespace])
            .arg(program)
            .env("DBUS_SYSTEM_BUS_ADDRESS", &self.layout.address);
        Ok(command)
    }

    /// Moves the calling thread (not the process) into [`TestBed::network_namespace`], as the
    /// settings app shares the network namespace of the devices NetworkManager manages:
    /// interface names and indexes the kernel gives the thread (and the threads it spawns
    /// from then on) are then those NetworkManager and resolved see. The bus is a socket file,
    /// reachable from any namespace. Call it on a thread of its own (e.g. in
    /// `std::thread::scope`) that builds its own async runtime afterwards; the thread stays
    /// in the namespace until it ends.
    pub fn enter_network_namespace(&self) -> Result<(), Error> {
        let namespace = self.network_namespace().ok_or(Error::NetworkNotUp)?;
        let file = File::open(Path::new("/run/netns").join(namespace))?;
        rustix::thread::move_into_link_name_space(
            std::os::fd::AsFd::as_fd(&file),
            Some(rustix::thread::LinkNameSpaceType::Network),
        )
        .map_err(io::Error::from)?;
        Ok(())
    }

    /// Moves the calling thread (not the process) into the mount namespace of
    /// [`Service::PolkitDaemon`], where the accounts of [`polkit::ADMINS`] exist and
    /// `/run/dbus` is the bed's bus: an authentication agent running on this thread starts
    /// polkit's setuid helper there, which then checks their passwords and reaches polkitd as
    /// on a real system. Call it on a thread of its own that builds its own async runtime
    /// afterwards; the thread stays in the namespace until it ends.
    pub fn enter_polkit_mount_namespace(&self) -> Result<(), Error> {
        let pid = self.pid(Service::PolkitDaemon).ok_or(Error::NotRunning {
            service: Service::PolkitDaemon,
        })?;
        let file = File::open(format!("/proc/{pid}/ns/mnt"))?;
        // setns into a mount namespace needs a thread that shares no filesystem attributes
        // (root, working directory, umask) with the others. `unshare` with `FS` alone is
        // sound (the `FILES` flag is what made rustix deprecate the safe wrapper), and the
        // crate forbids `unsafe`.
        #[allow(deprecated)]
        rustix::thread::unshare(rustix::thread::UnshareFlags::FS).map_err(io::Error::from)?;
        rustix::thread::move_into_link_name_space(
            std::os::fd::AsFd::as_fd(&file),
            Some(rustix::thread::LinkNameSpaceType::Mount),
        )
        .map_err(io::Error::from)?;
        Ok(())
    }

    /// A Command that runs `program` in the mount namespace of [`Service::PolkitDaemon`]
    /// (through `nsenter`; see [`TestBed::enter_polkit_mount_namespace`]) with
    /// `DBUS_SYSTEM_BUS_ADDRESS` set to this bed.
    pub fn polkit_namespace_command(&self, program: impl AsRef<OsStr>) -> Result<Command, Error> {
        let pid = self.pid(Service::PolkitDaemon).ok_or(Error::NotRunning {
            service: Service::PolkitDaemon,
        })?;
        let mut command = Command::new("/usr/bin/nsenter");
        command
            .arg(format!("--mount=/proc/{pid}/ns/mnt"))
            .arg("--")
            .arg(program)
            .env("DBUS_SYSTEM_BUS_ADDRESS", &self.layout.address);
        Ok(command)
    }

    /// The copy of `/etc` that [`Service::Timedated`], [`Service::Localed`] or
    /// [`Service::Hostnamed`] sees as `/etc`
    /// (made when the daemon first starts; kept across its restarts).
    pub fn machine_etc(&self, service: Service) -> PathBuf {
        machine::state_dir(&self.layout, service.label()).join("etc")
    }

    /// Runs `argv` inside [`TestBed::network_namespace`] and returns its standard output;
    /// fails with its standard error unless it exits with 0. E.g.
    /// `bed.in_network_namespace(&["ip", "-4", "addr", "show"])`.
    pub fn in_network_namespace(&self, argv: &[&str]) -> Result<String, Error> {
        let (program, args) = argv.split_first().ok_or_else(|| {
            Error::Io(io::Error::new(
                io::ErrorKind::InvalidInput,
                "in_network_namespace: no command given",
            ))
        })?;
        let mut command = self.network_namespace_command(program)?;
        command.args(args);
        network::run(&mut command)
    }

    /// An `nmcli` Command talking to this bed's NetworkManager over the private bus (from the
    /// host's namespace: nmcli only speaks D-Bus).
    pub fn nmcli(&self) -> Command {
        let mut command = Command::new(network::NMCLI);
        command.env("DBUS_SYSTEM_BUS_ADDRESS", &self.layout.address);
        command
    }

    /// A `resolvectl` Command (from the unpacked systemd-resolved) that runs in
    /// [`TestBed::network_namespace`], so interface names mean that namespace's interfaces.
    pub fn resolvectl(&self) -> Result<Command, Error> {
        let root = network::resolved_root().ok_or_else(|| Error::MissingResolved {
            searched: searched_for_resolved(),
        })?;
        self.network_namespace_command(root.join(network::RESOLVECTL_BINARY))
    }

    /// Waits (up to 30 s) until [`TestBed::network_interface`] has an IPv4 address from the
    /// DHCP server and returns it with its prefix length, e.g. `192.0.2.57/24`.
    pub fn wait_for_ipv4_address(&self) -> Result<String, Error> {
        let deadline = Instant::now() + LEASE_TIMEOUT;
        loop {
            let shown = self.in_network_namespace(&[
                "ip",
                "-4",
                "-o",
                "addr",
                "show",
                "dev",
                self.network_interface(),
            ])?;
            let address = shown.split_whitespace().find(|word| {
                word.starts_with(fixtures::network::ADDRESS_PREFIX) && word.contains('/')
            });
            if let Some(address) = address {
                return Ok(address.to_owned());
            }
            if Instant::now() >= deadline {
                return Err(Error::Timeout {
                    what: format!("a DHCP lease on {}", self.network_interface()),
                    log_tail: log_tail(&self.log_path(Service::NetworkManager)),
                });
            }
            thread::sleep(POLL);
        }
    }

    /// The counters of the peer's DNS server (unbound): how many queries it got, and how many
    /// of them over DNS-over-TLS.
    pub fn dns_server_stats(&self) -> Result<DnsServerStats, Error> {
        self.network
            .as_ref()
            .ok_or(Error::NetworkNotUp)?
            .dns_server_stats()
    }

    /// The test CA that signed the DNS server's certificate (for
    /// [`fixtures::network::DNS_OVER_TLS_NAME`] and [`fixtures::network::PEER_ADDRESS`]);
    /// resolved trusts it. Made when the network comes up.
    pub fn test_ca_path(&self) -> PathBuf {
        self.layout.network.ca.clone()
    }

    /// Writes `contents` as a resolved.conf drop-in (`50-test.conf`, read after the bed's own
    /// `10-ferrum.conf`) that takes effect when resolved next starts; e.g.
    /// `"[Resolve]\nDNSOverTLS=yes\n"`. resolved 252 checks a DNS-over-TLS server's
    /// certificate only when the global `DNSOverTLS=` is `yes`: a link's own `yes` (what
    /// `SetLinkDNSOverTLS` and NetworkManager set) encrypts but accepts any certificate.
    pub fn set_resolved_config(&self, contents: &str) -> Result<(), Error> {
        let dir = self.layout.network.resolved_conf_dir();
        fs::create_dir_all(&dir)?;
        fs::write(dir.join("50-test.conf"), contents)?;
        Ok(())
    }

    /// Keep the folder after drop (for debugging / the demo); returns its path.
    pub fn keep_dir(&mut self) -> PathBuf {
        match self.temp.take() {
            Some(temp) => temp.keep(),
            None => self.layout.root.clone(),
        }
    }

    fn take_child(&mut self, service: Service) -> Result<Child, Error> {
        let index = self
            .services
            .iter()
            .position(|(s, _)| *s == service)
            .ok_or(Error::NotRunning { service })?;
        Ok(self.services.remove(index).1)
    }

    fn wait_for_socket(&mut self) -> Result<(), Error> {
        let deadline = Instant::now() + READY_TIMEOUT;
        loop {
            let is_socket = fs::symlink_metadata(&self.layout.socket)
                .map(|meta| meta.file_type().is_socket())
                .unwrap_or(false);
            // The file exists once dbus-daemon has bound it, a moment before it listens:
            // ready only when a connection is accepted (a test's first call was refused).
            if is_socket && std::os::unix::net::UnixStream::connect(&self.layout.socket).is_ok() {
                return Ok(());
            }
            let log_tail = || log_tail(&self.layout.log_path(BUS_LABEL));
            if let Some(bus) = self.bus.take_if(|bus| has_exited(bus)) {
                let log_tail = log_tail();
                let status = kill_and_reap(bus)?;
                return Err(Error::Exited {
                    what: "dbus-daemon".to_owned(),
                    status,
                    log_tail,
                });
            }
            if Instant::now() >= deadline {
                return Err(Error::Timeout {
                    what: format!("the bus socket {}", self.layout.socket.display()),
                    log_tail: log_tail(),
                });
            }
            thread::sleep(POLL);
        }
    }

    fn wait_for_name(&mut self, service: Service) -> Result<(), Error> {
        let what = || format!("{} to own {}", service.label(), service.bus_name());
        let deadline = Instant::now() + READY_TIMEOUT;
        loop {
            if self.name_has_owner(service.bus_name())? {
                return Ok(());
            }
            self.check_still_running(service, &what())?;
            if Instant::now() >= deadline {
                return Err(Error::Timeout {
                    what: what(),
                    log_tail: log_tail(&self.log_path(service)),
                });
            }
            thread::sleep(POLL);
        }
    }

    /// Fails with [`Error::Exited`] (and reaps it) if the service's child has exited while
    /// the bed waited for `what`.
    fn check_still_running(&mut self, service: Service, what: &str) -> Result<(), Error> {
        let exited = self
            .services
            .iter()
            .any(|(s, child)| *s == service && has_exited(child));
        if exited {
            let log_tail = log_tail(&self.log_path(service));
            let status = kill_and_reap(self.take_child(service)?)?;
            return Err(Error::Exited {
                what: what.to_owned(),
                status,
                log_tail,
            });
        }
        Ok(())
    }

    fn wait_name_gone(&self, service: Service) -> Result<(), Error> {
        if service.bus_name().is_empty() {
            return Ok(());
        }
        let deadline = Instant::now() + READY_TIMEOUT;
        while self.name_has_owner(service.bus_name())? {
            if Instant::now() >= deadline {
                return Err(Error::Timeout {
                    what: format!("{} to be released", service.bus_name()),
                    log_tail: log_tail(&self.log_path(service)),
                });
            }
            thread::sleep(POLL);
        }
        Ok(())
    }

    /// Asks the bus daemon whether `name` has an owner; an unreachable bus counts as "no".
    fn name_has_owner(&self, name: &str) -> Result<bool, Error> {
        let output = self
            .busctl()
            .args([
                "--timeout=5",
                "call",
                "org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus",
                "NameHasOwner",
                "s",
                name,
            ])
            .stdin(Stdio::null())
            .output()
            .map_err(|source| Error::Spawn {
                program: BUSCTL.into(),
                source,
            })?;
        Ok(output.status.success() && String::from_utf8_lossy(&output.stdout).trim() == "b true")
    }

    /// A property as `busctl get-property` prints it, without its type
    /// signature and quotes: `performance`, `true`, `80`.
    pub fn get_property(
        &self,
        destination: &str,
        path: &str,
        interface: &str,
        property: &str,
    ) -> Result<String, Error> {
        let args = ["get-property", destination, path, interface, property].map(str::to_owned);
        let stdout = self.busctl_output(&args)?;
        let value = stdout
            .split_once(' ')
            .map_or(stdout.as_str(), |(_, value)| value);
        Ok(value.trim().trim_matches('"').to_owned())
    }

    /// power-profiles-daemon's `ActiveProfile` (e.g. `balanced`).
    pub fn active_profile(&self) -> Result<String, Error> {
        self.get_property(
            Service::PowerProfiles.bus_name(),
            "/net/hadess/PowerProfiles",
            "net.hadess.PowerProfiles",
            "ActiveProfile",
        )
    }

    fn busctl_checked(&self, args: &[String]) -> Result<(), Error> {
        self.busctl_output(args).map(drop)
    }

    fn busctl_output(&self, args: &[String]) -> Result<String, Error> {
        let output = self
            .busctl()
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|source| Error::Spawn {
                program: BUSCTL.into(),
                source,
            })?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
        } else {
            Err(Error::Busctl {
                args: args.join(" "),
                stderr: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
            })
        }
    }
}

impl Drop for TestBed {
    fn drop(&mut self) {
        while let Some((service, child)) = self.services.pop() {
            tracing::debug!(service = service.label(), pid = child.id(), "teardown");
            if let Err(error) = kill_and_reap(child) {
                tracing::warn!(service = service.label(), %error, "teardown failed");
            }
        }
        // Kills the peers and deletes the namespaces.
        drop(self.network.take());
        if let Some(bus) = self.bus.take()
            && let Err(error) = kill_and_reap(bus)
        {
            tracing::warn!(%error, "dbus-daemon teardown failed");
        }
        // `temp` (if still owned) removes the folder when the fields drop after this.
    }
}

/// Fails with [`Error::MissingProgram`] or [`Error::MissingResolved`] unless the requirement
/// is there.
fn check(requirement: &Requirement) -> Result<(), Error> {
    match requirement.source {
        Source::Package(package) => require(&requirement.path, package),
        Source::UnpackedResolved if requirement.path.is_file() => Ok(()),
        Source::UnpackedResolved => Err(Error::MissingResolved {
            searched: searched_for_resolved(),
        }),
    }
}

fn searched_for_resolved() -> String {
    network::resolved_search_path()
        .iter()
        .map(|root| root.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Fails with [`Error::MissingProgram`] unless `path` exists.
fn require(path: &Path, package: &'static str) -> Result<(), Error> {
    if path.exists() {
        Ok(())
    } else {
        Err(Error::MissingProgram {
            program: path.to_path_buf(),
            package,
        })
    }
}

fn spawn_with_address(mut command: Command, log: &Path, address: &str) -> Result<Child, Error> {
    command.env("DBUS_SYSTEM_BUS_ADDRESS", address);
    spawn(command, log)
}

/// Spawns `command` in its own process group with stdin from /dev/null and stdout + stderr
/// appended to `log`.
fn spawn(mut command: Command, log: &Path) -> Result<Child, Error> {
    let mut file = OpenOptions::new().create(true).append(true).open(log)?;
    writeln!(
        file,
        "=== ferrum-testbed: starting {:?} {:?}",
        command.get_program(),
        command.get_args().collect::<Vec<_>>()
    )?;
    let stderr: File = file.try_clone()?;
    command
        .stdin(Stdio::null())
        .stdout(file)
        .stderr(stderr)
        .process_group(0);
    command.spawn().map_err(|source| Error::Spawn {
        program: PathBuf::from(command.get_program()),
        source,
    })
}

/// Whether the child has exited, without reaping it (so its PID, which is also the process
/// group id, cannot be reused while we still signal the group).
fn has_exited(child: &Child) -> bool {
    let Some(pid) = child_pid(child) else {
        return true;
    };
    match rustix::process::waitid(
        WaitId::Pid(pid),
        WaitIdOptions::EXITED | WaitIdOptions::NOWAIT | WaitIdOptions::NOHANG,
    ) {
        Ok(status) => status.is_some(),
        // ECHILD: already reaped.
        Err(_) => true,
    }
}

fn child_pid(child: &Child) -> Option<Pid> {
    i32::try_from(child.id()).ok().and_then(Pid::from_raw)
}

/// Sends `signal` to the child's whole process group; a group that is already gone is fine.
fn signal_group(child: &Child, signal: Signal) -> Result<(), Error> {
    let Some(pgid) = child_pid(child) else {
        return Ok(());
    };
    match rustix::process::kill_process_group(pgid, signal) {
        Ok(()) | Err(rustix::io::Errno::SRCH) => Ok(()),
        Err(errno) => Err(Error::Signal {
            pgid: child.id(),
            source: io::Error::from(errno),
        }),
    }
}

/// Makes this process the reaper of its orphaned descendants (`PR_SET_CHILD_SUBREAPER`), so
/// that double-forked grandchildren (services D-Bus activates, upowerd under umockdev-run) are
/// reparented to it rather than to init and [`kill_and_reap`] can reap them at once. Without
/// it their zombies stay in the process group until init gets round to them (about a second
/// on the CI's VM init). Called before spawning anything; harmless to call again.
fn adopt_orphans() {
    if let Err(errno) = rustix::process::set_child_subreaper(Some(rustix::process::getpid())) {
        tracing::debug!(%errno, "PR_SET_CHILD_SUBREAPER failed; init reaps orphans instead");
    }
}

/// SIGKILLs the child's process group (while the child is not yet reaped, so the group id
/// cannot have been reused), reaps the child, then waits briefly until the rest of the group
/// (grandchildren such as upowerd under umockdev-run, now orphans) has gone too, reaping
/// those this process adopted (see [`adopt_orphans`]).
fn kill_and_reap(mut child: Child) -> Result<ExitStatus, Error> {
    let pgid = child_pid(&child);
    let signalled = signal_group(&child, Signal::KILL);
    let status = child.wait()?;
    signalled?;
    if let Some(pgid) = pgid {
        // A group id stays allocated while any member exists, so polling it is safe.
        let deadline = Instant::now() + GROUP_EXIT_TIMEOUT;
        loop {
            reap_adopted(pgid);
            if rustix::process::test_kill_process_group(pgid).is_err() || Instant::now() >= deadline
            {
                break;
            }
            thread::sleep(Duration::from_millis(10));
        }
    }
    Ok(status)
}

/// Reaps the exited members of the group that are this process's children: orphans it
/// adopted. Its own `Child`ren live in groups of their own, which are waited for by PID.
fn reap_adopted(pgid: Pid) {
    while let Ok(Some(_)) = rustix::process::waitid(
        WaitId::Pgid(Some(pgid)),
        WaitIdOptions::EXITED | WaitIdOptions::NOHANG,
    ) {}
}

/// The last lines of a log file, for error messages.
fn log_tail(path: &Path) -> String {
    match fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let lines: Vec<&str> = text.lines().collect();
            let start = lines.len().saturating_sub(LOG_TAIL_LINES);
            lines[start..].join("\n")
        }
        Err(error) => format!("(cannot read {}: {error})", path.display()),
    }
}
