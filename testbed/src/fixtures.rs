//! Fake hardware descriptions fed to the real daemons.
//!
//! The values are public so tests can compare what a daemon reports with what the bed gave it.

use std::fmt::Write as _;

/// `energy_full` of the fake battery, in µWh.
pub const BATTERY_ENERGY_FULL_UWH: u64 = 60_000_000;
/// `energy_full_design` of the fake battery, in µWh.
pub const BATTERY_ENERGY_FULL_DESIGN_UWH: u64 = 80_000_000;
/// `energy_now` of the fake battery, in µWh.
pub const BATTERY_ENERGY_NOW_UWH: u64 = 48_000_000;
/// `power_now` of the fake battery, in µW.
pub const BATTERY_POWER_NOW_UW: u64 = 12_000_000;
/// `voltage_now` of the fake battery, in µV.
pub const BATTERY_VOLTAGE_NOW_UV: u64 = 12_000_000;
/// `model_name` of the fake battery.
pub const BATTERY_MODEL: &str = "Ferrum Test Battery";
/// `manufacturer` of the fake battery.
pub const BATTERY_VENDOR: &str = "Ferrum Labs";
/// `status` of the fake battery (sysfs spelling).
pub const BATTERY_STATUS: &str = "Discharging";
/// Whether the fake AC adapter is plugged in.
pub const AC_ONLINE: bool = false;

/// The umockdev description (`P:`/`E:`/`A:` lines) of a `BAT0` battery and an `AC` adapter,
/// built from the constants of this module; given to `umockdev-run -d` for UPower.
pub fn battery_umockdev() -> String {
    let mut out = String::new();
    let battery: [(&str, String); 11] = [
        ("type", "Battery".to_owned()),
        ("present", "1".to_owned()),
        ("technology", "Li-ion".to_owned()),
        ("status", BATTERY_STATUS.to_owned()),
        ("energy_full", BATTERY_ENERGY_FULL_UWH.to_string()),
        (
            "energy_full_design",
            BATTERY_ENERGY_FULL_DESIGN_UWH.to_string(),
        ),
        ("energy_now", BATTERY_ENERGY_NOW_UWH.to_string()),
        ("power_now", BATTERY_POWER_NOW_UW.to_string()),
        ("voltage_now", BATTERY_VOLTAGE_NOW_UV.to_string()),
        ("model_name", BATTERY_MODEL.to_owned()),
        ("manufacturer", BATTERY_VENDOR.to_owned()),
    ];
    device(
        &mut out,
        "/devices/LNXSYSTM:00/device:00/PNP0C0A:00/power_supply/BAT0",
        "BAT0",
        &battery,
    );
    out.push('\n');
    let ac = [
        ("type", "Mains".to_owned()),
        ("online", u8::from(AC_ONLINE).to_string()),
    ];
    device(
        &mut out,
        "/devices/LNXSYSTM:00/device:00/ACPI0003:00/power_supply/AC",
        "AC",
        &ac,
    );
    out
}

fn device(out: &mut String, path: &str, name: &str, attributes: &[(&str, String)]) {
    // Writing to a String cannot fail.
    let _ = writeln!(out, "P: {path}");
    let _ = writeln!(out, "E: SUBSYSTEM=power_supply");
    let _ = writeln!(out, "E: POWER_SUPPLY_NAME={name}");
    for (key, value) in attributes {
        let _ = writeln!(out, "A: {key}={value}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn description_mentions_every_constant() {
        let text = battery_umockdev();
        assert!(text.contains("A: energy_full=60000000\n"));
        assert!(text.contains("A: energy_full_design=80000000\n"));
        assert!(text.contains("A: model_name=Ferrum Test Battery\n"));
        assert!(text.contains("A: manufacturer=Ferrum Labs\n"));
        assert!(text.contains("A: status=Discharging\n"));
        assert!(text.contains("A: online=0\n"));
        assert_eq!(text.matches("P: ").count(), 2);
    }
}

/// A person with an account on the test bed's system (accounts-daemon).
#[derive(Debug, Clone, Copy)]
pub struct Account {
    /// Login name.
    pub name: &'static str,
    /// Real name (GECOS).
    pub real_name: &'static str,
    /// User id.
    pub uid: u32,
}

/// The accounts added to the test bed's private `/etc/passwd`: two people and
/// one system account (uid below 1000), which a login screen must not list.
pub const ACCOUNTS: [Account; 3] = [
    Account {
        name: "ada",
        real_name: "Ada Lovelace",
        uid: 1501,
    },
    Account {
        name: "grace",
        real_name: "Grace Hopper",
        uid: 1502,
    },
    Account {
        name: "ferrum-daemon",
        real_name: "Ferrum system account",
        uid: 990,
    },
];

/// `/etc/passwd` lines for [`ACCOUNTS`].
pub fn passwd_lines() -> String {
    ACCOUNTS
        .iter()
        .map(|a| {
            let shell = if a.uid < 1000 {
                "/usr/sbin/nologin"
            } else {
                "/bin/bash"
            };
            format!(
                "{name}:x:{uid}:{uid}:{real}:/home/{name}:{shell}\n",
                name = a.name,
                uid = a.uid,
                real = a.real_name
            )
        })
        .collect()
}

/// `/etc/shadow` lines for [`ACCOUNTS`]: a password hash that matches no
/// password (a `!` would mark the account locked, and login screens hide
/// locked accounts).
pub fn shadow_lines() -> String {
    ACCOUNTS
        .iter()
        .map(|a| {
            format!(
                "{}:$6$ferrumtestbed$matchesnopasswordmatchesnopassword:19000:0:99999:7:::\n",
                a.name
            )
        })
        .collect()
}

/// `/etc/group` lines for [`ACCOUNTS`].
pub fn group_lines() -> String {
    ACCOUNTS
        .iter()
        .map(|a| format!("{name}:x:{uid}:\n", name = a.name, uid = a.uid))
        .collect()
}

/// `/etc/gshadow` lines for [`ACCOUNTS`]' groups.
pub fn gshadow_lines() -> String {
    ACCOUNTS
        .iter()
        .map(|a| format!("{}:!::\n", a.name))
        .collect()
}

/// The network the real NetworkManager sees: one veth pair between its network namespace
/// and a peer namespace that plays the router, DHCP server and DNS server.
pub mod network {
    /// NetworkManager's end of the veth pair, inside its namespace.
    pub const INTERFACE: &str = "ferrum0";
    /// The peer's end of the veth pair.
    pub const PEER_INTERFACE: &str = "peer0";
    /// The peer's address on the veth: router, DHCP server and DNS server (plain DNS on port
    /// 53, DNS-over-TLS on [`DNS_OVER_TLS_PORT`]).
    pub const PEER_ADDRESS: &str = "192.0.2.1";
    /// The prefix length of the veth network, 192.0.2.0/24 (TEST-NET-1).
    pub const PREFIX_LENGTH: u8 = 24;
    /// What every address NetworkManager gets by DHCP starts with.
    pub const ADDRESS_PREFIX: &str = "192.0.2.";
    /// First address the DHCP server hands out.
    pub const DHCP_FIRST: &str = "192.0.2.50";
    /// Last address the DHCP server hands out.
    pub const DHCP_LAST: &str = "192.0.2.99";
    /// The DNS-over-TLS port of the peer's DNS server.
    pub const DNS_OVER_TLS_PORT: u16 = 853;
    /// The name in the DNS server's certificate (which also carries [`PEER_ADDRESS`]); the
    /// certificate is signed by a CA made for each bed (`TestBed::test_ca_path`).
    pub const DNS_OVER_TLS_NAME: &str = "dot.ferrum.test";
    /// The zone the peer's DNS server answers for; everything else gets no answer.
    pub const ZONE: &str = "ferrum.test";
    /// A name in [`ZONE`] with an A record…
    pub const TEST_HOST: &str = "test.ferrum.test";
    /// …pointing here.
    pub const TEST_HOST_ADDRESS: [u8; 4] = [192, 0, 2, 53];
    /// The id of the wired connection profile NetworkManager starts with (keyfile, DHCP for
    /// IPv4, IPv6 left alone); NetworkManager creates no default profiles of its own.
    pub const WIRED_CONNECTION_ID: &str = "Wired";
    /// The UUID of that profile.
    pub const WIRED_CONNECTION_UUID: &str = "5f0c3a52-8a34-4e7b-9d6f-2b1e0c7a9d41";
}
