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
use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;
use std::time::Instant;

use crate::fixtures::network::*;
use crate::spec::{Layout, Requirement};

mod config;
mod namespaces;
mod peer;
mod resolved;

use crate::{Error, POLL, READY_TIMEOUT, has_exited, kill_and_reap, log_tail, spawn};
pub(crate) use config::network_manager_conf;
use config::wired_profile;
use namespaces::{namespace_inode, process_namespace_inode, remove_stale_namespaces};
pub use peer::DnsServerStats;
use peer::{
    DNSMASQ, OPENSSL, Proto, UNBOUND, UNBOUND_CONTROL, listening, make_certificates, unbound_conf,
};
pub(crate) use resolved::RESOLVED_CONF;
pub use resolved::{
    RESOLVECTL_BINARY, RESOLVED_BINARY, RESOLVED_ROOT_ENV, RESOLVED_TOOLS_DIR, resolved_root,
    resolved_root_in, resolved_search_path,
};

/// `ip`, from the Debian package `iproute2`.
pub(crate) const IP: &str = "/bin/ip";
/// `unshare` and `setpriv`, from `util-linux`.
pub(crate) const UNSHARE: &str = "/usr/bin/unshare";
pub(crate) const SETPRIV: &str = "/usr/bin/setpriv";
/// From `network-manager`.
pub(crate) const NETWORK_MANAGER: &str = "/usr/sbin/NetworkManager";
/// From `network-manager`.
pub(crate) const NMCLI: &str = "/usr/bin/nmcli";

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
    use super::namespaces::namespace_owner;
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
