//! The network behind the real NetworkManager and systemd-resolved ([`Service::NetworkManager`],
//! [`Service::Resolved`]).
//!
//! Each bed that runs either of them gets two network namespaces of its own, named
//! `ferrum-<pid>-<n>-nm` and `ferrum-<pid>-<n>-peer` (process id and a per-process counter,
//! so beds in parallel processes and threads never meet), joined by a veth pair:
//! [`INTERFACE`] on NetworkManager's side, [`PEER_INTERFACE`] with [`PEER_ADDRESS`] on the
//! peer's. The peer plays the router of a small network:
//!
//! - `dnsmasq` hands out [`DHCP_FIRST`]–[`DHCP_LAST`] with [`PEER_ADDRESS`] as router and DNS
//!   server;
//! - `unbound` answers for [`ZONE`] ([`TEST_HOST`] → [`TEST_HOST_ADDRESS`]) in plain DNS on
//!   port 53 and DNS-over-TLS on [`DNS_OVER_TLS_PORT`], with a certificate for
//!   [`DNS_OVER_TLS_NAME`] and [`PEER_ADDRESS`] signed by a CA made for the bed with
//!   `openssl` (`<dir>/network/ca.pem`, given to resolved as `SSL_CERT_FILE`).
//!
//! NetworkManager and resolved both run in the `-nm` namespace, each in a mount namespace of
//! its own with a private tmpfs on `/run` and the bed's bus folder on `/run/dbus`. Everything
//! is set up when the first of the two starts and lives until the bed is dropped: the peers
//! are killed by process group, then both namespaces are deleted (which removes the veth).
//! Namespaces left behind by a process that was killed outright are deleted by the next bed
//! that sets a network up, once their process id is gone.
//!
//! systemd-resolved is not installed on the machine (its package replaces
//! `/etc/resolv.conf`): `cargo xtask deps` downloads the `.deb` of the installed systemd's
//! version and unpacks it into `<target>/tools/systemd-resolved/root` ([`resolved_root`]).
//!
//! [`Service::NetworkManager`]: crate::Service::NetworkManager
//! [`Service::Resolved`]: crate::Service::Resolved

use std::fs::{self, OpenOptions};
use std::io::Write as _;
use std::os::unix::fs::{MetadataExt as _, OpenOptionsExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;
use std::time::Instant;

use crate::fixtures::network::*;
use crate::spec::{Layout, Requirement};
use crate::{Error, POLL, READY_TIMEOUT, has_exited, kill_and_reap, log_tail, spawn};

/// Where `cargo xtask deps` unpacks systemd-resolved, relative to cargo's target folder.
pub const RESOLVED_TOOLS_DIR: &str = "tools/systemd-resolved";
/// The daemon inside an unpacked `systemd-resolved` package.
pub const RESOLVED_BINARY: &str = "lib/systemd/systemd-resolved";
/// `resolvectl` inside an unpacked `systemd-resolved` package.
pub const RESOLVECTL_BINARY: &str = "usr/bin/resolvectl";
/// An environment variable naming an unpacked `systemd-resolved` package (the folder that
/// holds `lib/systemd/systemd-resolved`); looked at before the target folders.
pub const RESOLVED_ROOT_ENV: &str = "FERRUM_RESOLVED_ROOT";

/// `ip`, from the Debian package `iproute2`.
pub(crate) const IP: &str = "/bin/ip";
/// `unshare` and `setpriv`, from `util-linux`.
pub(crate) const UNSHARE: &str = "/usr/bin/unshare";
pub(crate) const SETPRIV: &str = "/usr/bin/setpriv";
/// From `network-manager`.
pub(crate) const NETWORK_MANAGER: &str = "/usr/sbin/NetworkManager";
/// From `network-manager`.
pub(crate) const NMCLI: &str = "/usr/bin/nmcli";
/// From `dnsmasq-base`.
const DNSMASQ: &str = "/usr/sbin/dnsmasq";
/// From `unbound`.
const UNBOUND: &str = "/usr/sbin/unbound";
/// From `unbound`.
const UNBOUND_CONTROL: &str = "/usr/sbin/unbound-control";
/// From `openssl`.
const OPENSSL: &str = "/usr/bin/openssl";

/// The unpacked systemd-resolved in `target_dir` (cargo's target folder), whether or not it
/// is there: `<target_dir>/tools/systemd-resolved/root`.
pub fn resolved_root_in(target_dir: &Path) -> PathBuf {
    target_dir.join(RESOLVED_TOOLS_DIR).join("root")
}

/// The first of [`resolved_search_path`] that holds `lib/systemd/systemd-resolved`.
pub fn resolved_root() -> Option<PathBuf> {
    resolved_search_path()
        .into_iter()
        .find(|root| root.join(RESOLVED_BINARY).is_file())
}

/// Where the bed looks for an unpacked systemd-resolved, in order: `$FERRUM_RESOLVED_ROOT`;
/// the target folder of the running program (the first folder above it with cargo's
/// `CACHEDIR.TAG`: tests run from `<target>/debug/deps`); `$CARGO_TARGET_DIR` (relative to
/// the workspace); the workspace's `target`.
pub fn resolved_search_path() -> Vec<PathBuf> {
    let mut roots = Vec::new();
    if let Some(root) = std::env::var_os(RESOLVED_ROOT_ENV).filter(|root| !root.is_empty()) {
        roots.push(PathBuf::from(root));
    }
    if let Ok(exe) = std::env::current_exe()
        && let Some(target) = exe
            .ancestors()
            .find(|dir| dir.join("CACHEDIR.TAG").is_file())
    {
        roots.push(resolved_root_in(target));
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent();
    if let Some(workspace) = workspace {
        if let Some(target) = std::env::var_os("CARGO_TARGET_DIR").filter(|dir| !dir.is_empty()) {
            roots.push(resolved_root_in(&workspace.join(target)));
        }
        roots.push(resolved_root_in(&workspace.join("target")));
    }
    let mut unique = Vec::new();
    for root in roots {
        if !unique.contains(&root) {
            unique.push(root);
        }
    }
    unique
}

/// Counts the networks laid out by this process, for unique namespace names.
static NEXT_NETWORK: AtomicU32 = AtomicU32::new(0);

/// Names and paths of one bed's network (part of its [`Layout`]).
#[derive(Debug, Clone)]
pub(crate) struct NetworkLayout {
    /// NetworkManager's (and resolved's) network namespace.
    pub nm_netns: String,
    /// The peer's network namespace (dnsmasq, unbound).
    pub peer_netns: String,
    /// `<root>/network/peer`: the DNS server's keys and config, the DHCP leases.
    pub peer_dir: PathBuf,
    /// `<root>/network/NetworkManager`: config, profiles, state.
    pub nm_dir: PathBuf,
    /// `<root>/network/resolved`: config drop-ins and the resolv.conf resolved sees.
    pub resolved_dir: PathBuf,
    /// `<root>/network/ca.pem`: the test CA that signed the DNS server's certificate.
    pub ca: PathBuf,
    /// `<root>/network/peer/unbound.conf`.
    pub unbound_conf: PathBuf,
}

impl NetworkLayout {
    pub(crate) fn new(root: &Path) -> Self {
        let number = NEXT_NETWORK.fetch_add(1, Ordering::Relaxed);
        let prefix = format!("ferrum-{}-{number}", std::process::id());
        let dir = root.join("network");
        let peer_dir = dir.join("peer");
        Self {
            nm_netns: format!("{prefix}-nm"),
            peer_netns: format!("{prefix}-peer"),
            unbound_conf: peer_dir.join("unbound.conf"),
            peer_dir,
            nm_dir: dir.join("NetworkManager"),
            resolved_dir: dir.join("resolved"),
            ca: dir.join("ca.pem"),
        }
    }

    /// resolved's drop-in folder, bind-mounted on `/run/systemd/resolved.conf.d`.
    pub(crate) fn resolved_conf_dir(&self) -> PathBuf {
        self.resolved_dir.join("conf.d")
    }

    /// NetworkManager's keyfile profiles.
    pub(crate) fn connections_dir(&self) -> PathBuf {
        self.nm_dir.join("system-connections")
    }
}

/// What the network itself needs, on top of each daemon's own program.
pub(crate) fn requirements() -> Vec<Requirement> {
    vec![
        Requirement::package(IP, "iproute2"),
        Requirement::package(UNSHARE, "util-linux"),
        Requirement::package(DNSMASQ, "dnsmasq-base"),
        Requirement::package(UNBOUND, "unbound"),
        Requirement::package(UNBOUND_CONTROL, "unbound"),
        Requirement::package(OPENSSL, "openssl"),
    ]
}

/// Counters of the peer's DNS server (unbound's `stats_noreset`), to tell how queries arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DnsServerStats {
    /// Every query received (`total.num.queries`).
    pub queries: u64,
    /// Queries received over DNS-over-TLS (`num.query.tls`).
    pub tls_queries: u64,
}

/// A running network: two namespaces with a veth between them and the peer's daemons.
///
/// Dropping it kills the peers (by process group) and deletes the namespaces; the daemons in
/// NetworkManager's namespace must be gone before (the bed stops its services first).
#[derive(Debug)]
pub(crate) struct Network {
    layout: NetworkLayout,
    /// Namespaces created so far, deleted on drop.
    namespaces: Vec<String>,
    /// The peer's daemons in start order: (label, child).
    peers: Vec<(&'static str, Child)>,
}

impl Network {
    /// Creates the namespaces and the veth, makes the test CA and the DNS server's
    /// certificate, writes the peer's and NetworkManager's files, starts dnsmasq and unbound
    /// and waits until they listen. Whatever was set up is undone again if a step fails.
    pub(crate) fn up(layout: &Layout) -> Result<Network, Error> {
        remove_stale_namespaces();
        let mut network = Network {
            layout: layout.network.clone(),
            namespaces: Vec::new(),
            peers: Vec::new(),
        };
        let started = Instant::now();
        network.create_namespaces()?;
        network.write_files()?;
        network.start_peers(layout)?;
        tracing::debug!(
            nm = network.layout.nm_netns,
            peer = network.layout.peer_netns,
            elapsed_ms = started.elapsed().as_millis(),
            "network up"
        );
        Ok(network)
    }

    fn create_namespaces(&mut self) -> Result<(), Error> {
        let nm = self.layout.nm_netns.clone();
        let peer = self.layout.peer_netns.clone();
        for name in [&nm, &peer] {
            run(Command::new(IP).args(["netns", "add", name]))?;
            self.namespaces.push(name.clone());
            run(Command::new(IP).args(["-n", name, "link", "set", "lo", "up"]))?;
        }
        // Created straight inside the two namespaces, never in the host's.
        run(Command::new(IP).args([
            "link",
            "add",
            INTERFACE,
            "netns",
            &nm,
            "type",
            "veth",
            "peer",
            "name",
            PEER_INTERFACE,
            "netns",
            &peer,
        ]))?;
        let address = format!("{PEER_ADDRESS}/{PREFIX_LENGTH}");
        run(Command::new(IP).args(["-n", &peer, "addr", "add", &address, "dev", PEER_INTERFACE]))?;
        run(Command::new(IP).args(["-n", &peer, "link", "set", PEER_INTERFACE, "up"]))?;
        Ok(())
    }

    fn write_files(&self) -> Result<(), Error> {
        let layout = &self.layout;
        fs::create_dir_all(&layout.peer_dir)?;
        make_certificates(layout)?;
        fs::write(&layout.unbound_conf, unbound_conf(layout))?;

        // NetworkManager ignores profiles that others can read.
        let connections = layout.connections_dir();
        fs::create_dir_all(&connections)?;
        fs::set_permissions(&connections, fs::Permissions::from_mode(0o700))?;
        write_private(
            &connections.join("ferrum-wired.nmconnection"),
            &wired_profile(),
        )?;
        Ok(())
    }

    fn start_peers(&mut self, layout: &Layout) -> Result<(), Error> {
        let peer = self.layout.peer_netns.clone();
        let leases = self.layout.peer_dir.join("dnsmasq.leases");
        let range = format!("{DHCP_FIRST},{DHCP_LAST},255.255.255.0,1h");
        let mut dnsmasq = Command::new(IP);
        dnsmasq
            .args(["netns", "exec", &peer, DNSMASQ])
            .args([
                "--no-daemon",
                "--conf-file=/dev/null",
                "--pid-file=",
                "--user=root",
                "--port=0",
                "--bind-interfaces",
                "--log-dhcp",
                "--dhcp-authoritative",
                // No ICMP check of an address before offering it: it costs 3 s and the veth
                // has nobody else on it.
                "--no-ping",
            ])
            .arg(format!("--interface={PEER_INTERFACE}"))
            .arg(format!("--dhcp-range={range}"))
            .arg(format!("--dhcp-option=option:router,{PEER_ADDRESS}"))
            .arg(format!("--dhcp-option=option:dns-server,{PEER_ADDRESS}"))
            .arg(format!("--dhcp-leasefile={}", leases.display()));
        self.start_peer(layout, "dnsmasq", dnsmasq, &[(Proto::Udp, 67)])?;

        let mut unbound = Command::new(IP);
        unbound
            .args(["netns", "exec", &peer, UNBOUND, "-d", "-c"])
            .arg(&self.layout.unbound_conf);
        self.start_peer(
            layout,
            "unbound",
            unbound,
            &[
                (Proto::Udp, 53),
                (Proto::Tcp, 53),
                (Proto::Tcp, DNS_OVER_TLS_PORT),
            ],
        )
    }

    /// Spawns one peer daemon and waits until it listens on every one of `ports` inside the
    /// peer namespace.
    fn start_peer(
        &mut self,
        layout: &Layout,
        label: &'static str,
        command: Command,
        ports: &[(Proto, u16)],
    ) -> Result<(), Error> {
        let log = layout.log_path(label);
        let child = spawn(command, &log)?;
        tracing::debug!(label, pid = child.id(), "started");
        let pid = child.id();
        self.peers.push((label, child));
        let namespace = namespace_inode(&self.layout.peer_netns)?;
        let deadline = Instant::now() + READY_TIMEOUT;
        loop {
            // Only once the process is inside the peer namespace does /proc/<pid>/net show it.
            let inside = process_namespace_inode(pid) == Some(namespace);
            if inside
                && ports
                    .iter()
                    .all(|(proto, port)| listening(pid, *proto, *port))
            {
                return Ok(());
            }
            // The child is the last peer started.
            if let Some((_, child)) = self.peers.pop_if(|(_, child)| has_exited(child)) {
                let log_tail = log_tail(&log);
                let status = kill_and_reap(child)?;
                return Err(Error::Exited {
                    what: label.to_owned(),
                    status,
                    log_tail,
                });
            }
            if Instant::now() >= deadline {
                return Err(Error::Timeout {
                    what: format!("{label} to listen in {}", self.layout.peer_netns),
                    log_tail: log_tail(&log),
                });
            }
            thread::sleep(POLL);
        }
    }

    /// NetworkManager's namespace.
    pub(crate) fn nm_namespace(&self) -> &str {
        &self.layout.nm_netns
    }

    /// The peer's namespace.
    pub(crate) fn peer_namespace(&self) -> &str {
        &self.layout.peer_netns
    }

    /// unbound's counters, read with `unbound-control stats_noreset`.
    pub(crate) fn dns_server_stats(&self) -> Result<DnsServerStats, Error> {
        let stdout = run(Command::new(UNBOUND_CONTROL)
            .arg("-c")
            .arg(&self.layout.unbound_conf)
            .arg("stats_noreset"))?;
        let counter = |name: &str| {
            stdout
                .lines()
                .find_map(|line| line.strip_prefix(name)?.strip_prefix('='))
                .and_then(|value| value.trim().parse::<u64>().ok())
                .unwrap_or(0)
        };
        Ok(DnsServerStats {
            queries: counter("total.num.queries"),
            tls_queries: counter("num.query.tls"),
        })
    }
}

impl Drop for Network {
    fn drop(&mut self) {
        while let Some((label, child)) = self.peers.pop() {
            tracing::debug!(label, pid = child.id(), "teardown");
            if let Err(error) = kill_and_reap(child) {
                tracing::warn!(label, %error, "teardown failed");
            }
        }
        while let Some(name) = self.namespaces.pop() {
            if let Err(error) = run(Command::new(IP).args(["netns", "delete", &name])) {
                tracing::warn!(name, %error, "could not delete the network namespace");
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Proto {
    Tcp,
    Udp,
}

/// Whether the process `pid`'s network namespace has a socket bound to `port` (listening,
/// for TCP), from `/proc/<pid>/net/{tcp,udp}`.
fn listening(pid: u32, proto: Proto, port: u16) -> bool {
    let (file, state) = match proto {
        // 0A: TCP_LISTEN; 07: TCP_CLOSE, what an unconnected UDP socket shows.
        Proto::Tcp => ("tcp", "0A"),
        Proto::Udp => ("udp", "07"),
    };
    let Ok(table) = fs::read_to_string(format!("/proc/{pid}/net/{file}")) else {
        return false;
    };
    let port = format!(":{port:04X}");
    table.lines().skip(1).any(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        fields.get(1).is_some_and(|local| local.ends_with(&port)) && fields.get(3) == Some(&state)
    })
}

/// The inode of the named network namespace (`/run/netns/<name>`).
fn namespace_inode(name: &str) -> Result<u64, Error> {
    Ok(fs::metadata(Path::new("/run/netns").join(name))?.ino())
}

/// The inode of the network namespace process `pid` is in.
fn process_namespace_inode(pid: u32) -> Option<u64> {
    fs::metadata(format!("/proc/{pid}/ns/net"))
        .ok()
        .map(|meta| meta.ino())
}

/// Deletes `ferrum-<pid>-<n>-{nm,peer}` namespaces whose process is gone (killed before its
/// bed could clean up).
fn remove_stale_namespaces() {
    let Ok(entries) = fs::read_dir("/run/netns") else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = namespace_owner(&name) else {
            continue;
        };
        if pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists() {
            continue;
        }
        match run(Command::new(IP).args(["netns", "delete", &name])) {
            Ok(_) => tracing::debug!(name, "deleted a stale network namespace"),
            Err(error) => tracing::debug!(name, %error, "could not delete a stale namespace"),
        }
    }
}

/// The process id in a namespace name this module makes, `ferrum-<pid>-<n>-{nm,peer}`.
fn namespace_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix("ferrum-")?;
    let rest = rest
        .strip_suffix("-nm")
        .or_else(|| rest.strip_suffix("-peer"))?;
    let (pid, number) = rest.split_once('-')?;
    number.parse::<u32>().ok()?;
    pid.parse().ok()
}

/// Makes the test CA (`ca.pem`, key kept beside the DNS server's files) and the DNS
/// server's key and certificate for [`DNS_OVER_TLS_NAME`] and [`PEER_ADDRESS`]. EC keys: a
/// few milliseconds instead of RSA's hundreds.
fn make_certificates(layout: &NetworkLayout) -> Result<(), Error> {
    let dir = &layout.peer_dir;
    let ca_key = dir.join("ca.key");
    let key = dir.join("server.key");
    let request = dir.join("server.csr");
    let certificate = dir.join("server.pem");
    let extensions = dir.join("server.ext");
    run(Command::new(OPENSSL)
        .args(["req", "-x509", "-new", "-nodes", "-days", "7"])
        .args(["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"])
        .args(["-subj", "/CN=Ferrum Test CA"])
        .args(["-addext", "basicConstraints=critical,CA:TRUE"])
        .args(["-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        .arg("-keyout")
        .arg(&ca_key)
        .arg("-out")
        .arg(&layout.ca))?;
    run(Command::new(OPENSSL)
        .args(["req", "-new", "-nodes"])
        .args(["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"])
        .arg("-subj")
        .arg(format!("/CN={DNS_OVER_TLS_NAME}"))
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&request))?;
    fs::write(
        &extensions,
        format!(
            "basicConstraints=critical,CA:FALSE\n\
             keyUsage=critical,digitalSignature\n\
             extendedKeyUsage=serverAuth\n\
             subjectAltName=DNS:{DNS_OVER_TLS_NAME},IP:{PEER_ADDRESS}\n"
        ),
    )?;
    run(Command::new(OPENSSL)
        .args(["x509", "-req", "-days", "7", "-set_serial", "1"])
        .arg("-in")
        .arg(&request)
        .arg("-CA")
        .arg(&layout.ca)
        .arg("-CAkey")
        .arg(&ca_key)
        .arg("-extfile")
        .arg(&extensions)
        .arg("-out")
        .arg(&certificate))?;
    for private in [&ca_key, &key] {
        fs::set_permissions(private, fs::Permissions::from_mode(0o600))?;
    }
    // resolved runs as uid 65534 and reads the CA.
    fs::set_permissions(&layout.ca, fs::Permissions::from_mode(0o644))?;
    Ok(())
}

/// unbound as root in the peer namespace, in the foreground: plain DNS and DNS-over-TLS on
/// the peer's address, the test zone only, counters and a control socket for
/// [`Network::dns_server_stats`], queries logged.
fn unbound_conf(layout: &NetworkLayout) -> String {
    let dir = &layout.peer_dir;
    let quoted = |name: &str| format!("\"{}\"", dir.join(name).display());
    let [a, b, c, d] = TEST_HOST_ADDRESS;
    format!(
        "server:
  username: \"\"
  chroot: \"\"
  directory: {dir}
  pidfile: \"\"
  use-syslog: no
  logfile: \"\"
  verbosity: 1
  log-queries: yes
  do-ip6: no
  interface: {PEER_ADDRESS}@53
  interface: {PEER_ADDRESS}@{DNS_OVER_TLS_PORT}
  tls-port: {DNS_OVER_TLS_PORT}
  tls-service-key: {key}
  tls-service-pem: {certificate}
  access-control: 192.0.2.0/24 allow
  module-config: \"iterator\"
  extended-statistics: yes
  local-zone: \"{ZONE}.\" static
  local-data: \"{TEST_HOST}. 60 IN A {a}.{b}.{c}.{d}\"
  local-data: \"{DNS_OVER_TLS_NAME}. 60 IN A {PEER_ADDRESS}\"
remote-control:
  control-enable: yes
  control-interface: {control}
  control-use-cert: no
",
        dir = format_args!("\"{}\"", dir.display()),
        key = quoted("server.key"),
        certificate = quoted("server.pem"),
        control = quoted("unbound.ctl"),
    )
}

/// The keyfile profile NetworkManager starts with.
fn wired_profile() -> String {
    format!(
        "[connection]
id={WIRED_CONNECTION_ID}
uuid={WIRED_CONNECTION_UUID}
type=ethernet
interface-name={INTERFACE}
autoconnect=true

[ethernet]

[ipv4]
method=auto

[ipv6]
method=ignore
"
    )
}

/// NetworkManager's main config: keyfile profiles in the bed, DNS handed to resolved over
/// the bus, /etc/resolv.conf and the hostname left alone, no polkit (the caller is trusted),
/// no connectivity checks (no internet behind the peer), no default profiles.
pub(crate) fn network_manager_conf(layout: &NetworkLayout) -> String {
    format!(
        "[main]
plugins=keyfile
dns=systemd-resolved
rc-manager=unmanaged
hostname-mode=none
auth-polkit=false
no-auto-default=*

[keyfile]
path={}

[connectivity]
enabled=false

[logging]
level=INFO
",
        layout.connections_dir().display()
    )
}

/// resolved's base drop-in (`10-ferrum.conf`): no global or fallback servers (only what
/// NetworkManager or a test sets per link), no LLMNR or mDNS, no DNSSEC, DNS-over-TLS off
/// unless a link asks for it. `TestBed::set_resolved_config` adds `50-test.conf` on top.
pub(crate) const RESOLVED_CONF: &str = "[Resolve]
DNS=
FallbackDNS=
LLMNR=no
MulticastDNS=no
DNSSEC=no
DNSOverTLS=no
";

/// Writes `contents` to a new file only its owner can read.
fn write_private(path: &Path, contents: &str) -> Result<(), Error> {
    let mut file = OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())?;
    Ok(())
}

/// Runs `command` with no input and returns its standard output, or fails with what it
/// printed on standard error.
pub(crate) fn run(command: &mut Command) -> Result<String, Error> {
    let line = crate::wayland::display_command(command);
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|source| Error::Spawn {
            program: PathBuf::from(command.get_program()),
            source,
        })?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(Error::Command {
            command: line,
            status: output.status,
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        })
    }
}

/// `text` quoted for `sh`.
pub(crate) fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespace_names_carry_their_owner() {
        let layout = NetworkLayout::new(Path::new("/tmp/x"));
        let other = NetworkLayout::new(Path::new("/tmp/y"));
        assert_ne!(layout.nm_netns, other.nm_netns);
        assert_eq!(namespace_owner(&layout.nm_netns), Some(std::process::id()));
        assert_eq!(
            namespace_owner(&layout.peer_netns),
            Some(std::process::id())
        );
        assert_eq!(namespace_owner("ferrum-12-3-nm"), Some(12));
        assert_eq!(namespace_owner("ferrum-12-nm"), None);
        assert_eq!(namespace_owner("ferrum-12-3-other"), None);
        assert_eq!(namespace_owner("netns-12-3-nm"), None);
    }

    #[test]
    fn quoting() {
        assert_eq!(shell_quote("/tmp/a b"), "'/tmp/a b'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
    }

    #[test]
    fn unbound_serves_the_test_zone_on_both_ports() {
        let conf = unbound_conf(&NetworkLayout::new(Path::new("/tmp/bed")));
        assert!(conf.contains("interface: 192.0.2.1@53\n"));
        assert!(conf.contains("interface: 192.0.2.1@853\n"));
        assert!(conf.contains("local-data: \"test.ferrum.test. 60 IN A 192.0.2.53\""));
        assert!(conf.contains("control-interface: \"/tmp/bed/network/peer/unbound.ctl\""));
    }
}
