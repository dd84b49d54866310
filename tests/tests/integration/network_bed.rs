//! The network part of the test bed works: the real NetworkManager in a network namespace
//! gets a DHCP lease from the peer, the real systemd-resolved answers for the test zone over
//! plain DNS and over DNS-over-TLS, checks the server's name when strict, and NetworkManager
//! restarts. Needs root, `cargo xtask deps` (packages and the unpacked systemd-resolved).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Output};
use std::thread;
use std::time::{Duration, Instant};

use ferrum_testbed::fixtures::network::{
    ADDRESS_PREFIX, DNS_OVER_TLS_NAME, DNS_OVER_TLS_PORT, INTERFACE, PEER_ADDRESS, TEST_HOST,
    TEST_HOST_ADDRESS, WIRED_CONNECTION_ID,
};
use ferrum_testbed::{Service, TestBed};

const NM: &str = "org.freedesktop.NetworkManager";
const RESOLVE1: &str = "org.freedesktop.resolve1";
const RESOLVE1_PATH: &str = "/org/freedesktop/resolve1";
const RESOLVE1_MANAGER: &str = "org.freedesktop.resolve1.Manager";
/// Liveness deadline for NetworkManager and resolved to settle.
const DEADLINE: Duration = Duration::from_secs(30);
/// NetworkManager's `NM_DEVICE_STATE_ACTIVATED`.
const DEVICE_ACTIVATED: &str = "100";

fn stdout(output: &Output, what: &str) -> String {
    assert!(
        output.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

fn nmcli(bed: &TestBed, args: &[&str]) -> String {
    stdout(&bed.nmcli().args(args).output().unwrap(), "nmcli")
}

/// Polls `check` until it returns `Some`, or panics naming `what` after [`DEADLINE`].
fn wait_for<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + DEADLINE;
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(Instant::now() < deadline, "no {what} within {DEADLINE:?}");
        thread::sleep(Duration::from_millis(100));
    }
}

/// Waits until NetworkManager shows the veth connected with the bed's profile, and returns
/// the IPv4 address (with prefix) NetworkManager reports for it.
fn wait_connected(bed: &TestBed) -> String {
    let expected = format!("{INTERFACE}:connected:{WIRED_CONNECTION_ID}");
    wait_for("connected veth in nmcli", || {
        let output = bed
            .nmcli()
            .args(["-t", "-f", "DEVICE,STATE,CONNECTION", "device"])
            .output()
            .unwrap();
        let devices = String::from_utf8_lossy(&output.stdout).into_owned();
        devices.lines().any(|line| line == expected).then_some(())
    });
    nmcli(bed, &["-g", "IP4.ADDRESS", "device", "show", INTERFACE])
}

/// A `busctl call` to resolved's manager in JSON, so answers parse reliably.
fn resolve1(bed: &TestBed, args: &[&str]) -> Command {
    let mut command = bed.busctl();
    command
        .args([
            "--json=short",
            "call",
            RESOLVE1,
            RESOLVE1_PATH,
            RESOLVE1_MANAGER,
        ])
        .args(args);
    command
}

fn resolve1_ok(bed: &TestBed, args: &[&str]) {
    stdout(&resolve1(bed, args).output().unwrap(), &args.join(" "));
}

/// resolved's `ResolveHostname` for IPv4: the addresses, or the D-Bus error text.
fn resolve_ipv4(bed: &TestBed, name: &str) -> Result<Vec<[u8; 4]>, String> {
    // ifindex 0 (any), AF_INET (2), no flags.
    let output = resolve1(bed, &["ResolveHostname", "isit", "0", name, "2", "0"])
        .output()
        .unwrap();
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).trim().to_owned());
    }
    let reply: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    // {"type":"a(iiay)st","data":[[[ifindex,family,[a,b,c,d]],…],canonical,flags]}
    let addresses = reply["data"][0].as_array().expect("address array");
    Ok(addresses
        .iter()
        .map(|entry| {
            let bytes: Vec<u8> = entry[2]
                .as_array()
                .unwrap()
                .iter()
                .map(|byte| u8::try_from(byte.as_u64().unwrap()).unwrap())
                .collect();
            bytes.try_into().expect("an IPv4 address")
        })
        .collect())
}

/// Points resolved at the peer's DNS-over-TLS port for the veth, naming the server
/// `server_name`, and turns DNS-over-TLS on for the link; forgets cached answers and what it
/// learnt about servers.
fn use_dns_over_tls(bed: &TestBed, server_name: &str) {
    let ifindex = bed.network_interface_index().unwrap().to_string();
    let port = DNS_OVER_TLS_PORT.to_string();
    let octets: Vec<String> = PEER_ADDRESS.split('.').map(str::to_owned).collect();
    let mut args = vec!["SetLinkDNSEx", "ia(iayqs)", &ifindex, "1", "2", "4"];
    args.extend(octets.iter().map(String::as_str));
    args.extend([port.as_str(), server_name]);
    resolve1_ok(bed, &args);
    resolve1_ok(bed, &["SetLinkDNSOverTLS", "is", &ifindex, "yes"]);
    resolve1_ok(bed, &["FlushCaches"]);
    resolve1_ok(bed, &["ResetServerFeatures"]);
}

#[test]
fn network_manager_gets_a_lease_and_resolved_answers_plain_and_over_tls() {
    let bed = TestBed::start(&[Service::Resolved, Service::NetworkManager]).unwrap();
    let namespace = bed.network_namespace().unwrap().to_owned();
    assert!(Path::new("/run/netns").join(&namespace).exists());

    // The lease, seen from inside the namespace and through NetworkManager.
    let address = bed.wait_for_ipv4_address().unwrap();
    assert!(
        address.starts_with(ADDRESS_PREFIX) && address.ends_with("/24"),
        "{address}"
    );
    assert_eq!(wait_connected(&bed), address);
    let shown = bed
        .in_network_namespace(&["ip", "-4", "addr", "show", "dev", INTERFACE])
        .unwrap();
    assert!(shown.contains(&address), "{shown}");

    // The device over D-Bus: managed and activated.
    let device = stdout(
        &bed.busctl()
            .args([
                "call",
                NM,
                "/org/freedesktop/NetworkManager",
                NM,
                "GetDeviceByIpIface",
                "s",
                INTERFACE,
            ])
            .output()
            .unwrap(),
        "GetDeviceByIpIface",
    );
    let device = device.trim_start_matches("o ").trim_matches('"').to_owned();
    let device_property =
        |name: &str| bed.get_property(NM, &device, "org.freedesktop.NetworkManager.Device", name);
    assert_eq!(device_property("Managed").unwrap(), "true");
    assert_eq!(device_property("State").unwrap(), DEVICE_ACTIVATED);
    assert_eq!(device_property("IpInterface").unwrap(), INTERFACE);
    // The DNS server came by DHCP, and NetworkManager handed it to resolved.
    assert_eq!(
        nmcli(&bed, &["-g", "IP4.DNS", "device", "show", INTERFACE]),
        PEER_ADDRESS
    );

    // Automatic DNS: plain DNS to the server from DHCP.
    let before = bed.dns_server_stats().unwrap();
    let answer = wait_for("answer from resolved over the DHCP server", || {
        resolve_ipv4(&bed, TEST_HOST).ok()
    });
    assert_eq!(answer, vec![TEST_HOST_ADDRESS]);
    let plain = bed.dns_server_stats().unwrap();
    assert!(plain.queries > before.queries, "{before:?} -> {plain:?}");
    assert_eq!(plain.tls_queries, before.tls_queries, "went over TLS");

    // DNS-over-TLS for the link, named server.
    use_dns_over_tls(&bed, DNS_OVER_TLS_NAME);
    let ifindex = bed.network_interface_index().unwrap().to_string();
    let link = stdout(
        &bed.busctl()
            .args([
                "call",
                RESOLVE1,
                RESOLVE1_PATH,
                RESOLVE1_MANAGER,
                "GetLink",
                "i",
                &ifindex,
            ])
            .output()
            .unwrap(),
        "GetLink",
    );
    let link = link.trim_start_matches("o ").trim_matches('"');
    assert_eq!(
        bed.get_property(
            RESOLVE1,
            link,
            "org.freedesktop.resolve1.Link",
            "DNSOverTLS"
        )
        .unwrap(),
        "yes"
    );
    assert_eq!(
        resolve_ipv4(&bed, TEST_HOST).unwrap(),
        vec![TEST_HOST_ADDRESS]
    );
    let tls = bed.dns_server_stats().unwrap();
    assert!(tls.tls_queries > plain.tls_queries, "{plain:?} -> {tls:?}");
}

#[test]
fn strict_dns_over_tls_checks_the_server_name() {
    let mut bed = TestBed::start(&[]).unwrap();
    // Only the global setting makes resolved 252 verify certificates.
    bed.set_resolved_config("[Resolve]\nDNSOverTLS=yes\n")
        .unwrap();
    bed.start_service(Service::Resolved).unwrap();
    bed.start_service(Service::NetworkManager).unwrap();
    assert_eq!(
        bed.get_property(RESOLVE1, RESOLVE1_PATH, RESOLVE1_MANAGER, "DNSOverTLS")
            .unwrap(),
        "yes"
    );
    wait_connected(&bed);

    // The server from DHCP has no name: its certificate is checked against its address.
    let before = bed.dns_server_stats().unwrap();
    let answer = wait_for("answer from resolved over TLS", || {
        resolve_ipv4(&bed, TEST_HOST).ok()
    });
    assert_eq!(answer, vec![TEST_HOST_ADDRESS]);
    let by_address = bed.dns_server_stats().unwrap();
    assert!(
        by_address.tls_queries > before.tls_queries,
        "{before:?} -> {by_address:?}"
    );

    use_dns_over_tls(&bed, "wrong.ferrum.test");
    let error = resolve_ipv4(&bed, TEST_HOST).expect_err("a server with the wrong name answered");
    assert!(
        error.contains("All attempts to contact name servers or networks failed"),
        "{error}"
    );
    assert_eq!(
        bed.dns_server_stats().unwrap().tls_queries,
        by_address.tls_queries
    );

    use_dns_over_tls(&bed, DNS_OVER_TLS_NAME);
    assert_eq!(
        resolve_ipv4(&bed, TEST_HOST).unwrap(),
        vec![TEST_HOST_ADDRESS]
    );
    assert!(bed.dns_server_stats().unwrap().tls_queries > by_address.tls_queries);
}

#[test]
fn network_manager_restarts_and_the_network_goes_away_with_the_bed() {
    let mut bed = TestBed::start(&[Service::NetworkManager]).unwrap();
    let address = wait_connected(&bed);
    assert!(address.starts_with(ADDRESS_PREFIX), "{address}");

    let old_pid = bed.pid(Service::NetworkManager).unwrap();
    bed.kill_service(Service::NetworkManager).unwrap();
    assert_eq!(bed.pid(Service::NetworkManager), None);
    assert!(!Path::new(&format!("/proc/{old_pid}")).exists());
    // The namespace and the address outlive the daemon, as on a real machine.
    assert_eq!(bed.wait_for_ipv4_address().unwrap(), address);

    bed.start_service(Service::NetworkManager).unwrap();
    assert_eq!(wait_connected(&bed), address);
    // start_service on a running service: SIGTERM, then a fresh start.
    bed.start_service(Service::NetworkManager).unwrap();
    assert_eq!(wait_connected(&bed), address);

    let namespaces = [
        bed.network_namespace().unwrap().to_owned(),
        bed.peer_namespace().unwrap().to_owned(),
    ];
    let pid = bed.pid(Service::NetworkManager).unwrap();
    drop(bed);
    for namespace in namespaces {
        assert!(
            !Path::new("/run/netns").join(&namespace).exists(),
            "{namespace} left behind"
        );
    }
    assert!(!Path::new(&format!("/proc/{pid}")).exists());
}
