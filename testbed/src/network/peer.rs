//! The peer namespace's daemons: dnsmasq (DHCP) and unbound (plain DNS and DNS-over-TLS with
//! a test CA), their files, and how to tell that they listen.

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::process::Command;

use super::{NetworkLayout, run};
use crate::Error;
use crate::fixtures::network::*;

/// From `dnsmasq-base`.
pub(super) const DNSMASQ: &str = "/usr/sbin/dnsmasq";

/// From `unbound`.
pub(super) const UNBOUND: &str = "/usr/sbin/unbound";

/// From `unbound`.
pub(super) const UNBOUND_CONTROL: &str = "/usr/sbin/unbound-control";

/// From `openssl`.
pub(super) const OPENSSL: &str = "/usr/bin/openssl";

/// Counters of the peer's DNS server (unbound's `stats_noreset`), to tell how queries arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DnsServerStats {
    /// Every query received (`total.num.queries`).
    pub queries: u64,
    /// Queries received over DNS-over-TLS (`num.query.tls`).
    pub tls_queries: u64,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Proto {
    Tcp,
    Udp,
}

/// Whether the process `pid`'s network namespace has a socket bound to `port` (listening,
/// for TCP), from `/proc/<pid>/net/{tcp,udp}`.
pub(super) fn listening(pid: u32, proto: Proto, port: u16) -> bool {
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

/// Makes the test CA (`ca.pem`, key kept beside the DNS server's files) and the DNS
/// server's key and certificate for [`DNS_OVER_TLS_NAME`] and [`PEER_ADDRESS`]. EC keys: a
/// few milliseconds instead of RSA's hundreds.
pub(super) fn make_certificates(layout: &NetworkLayout) -> Result<(), Error> {
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
pub(super) fn unbound_conf(layout: &NetworkLayout) -> String {
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
