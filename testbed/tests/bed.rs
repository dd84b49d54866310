//! Brings up real daemons on a private bus. Needs root and the Debian packages
//! dbus-daemon, systemd (busctl), python3-dbusmock, power-profiles-daemon, upower and umockdev.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Output;

use ferrum_testbed::{Service, TestBed, fixtures};

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "busctl failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

fn name_has_owner(bed: &TestBed, name: &str) -> bool {
    let output = bed
        .busctl()
        .args([
            "call",
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "NameHasOwner",
            "s",
            name,
        ])
        .output()
        .unwrap();
    match stdout(&output).as_str() {
        "b true" => true,
        "b false" => false,
        other => panic!("unexpected NameHasOwner reply {other:?}"),
    }
}

/// PIDs of live processes whose process group is `pgid` (read from /proc/*/stat).
fn group_members(pgid: u32) -> Vec<u32> {
    let mut members = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // "pid (comm) state ppid pgrp ..."; comm may contain spaces and parentheses.
        let Some((_, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        if fields.get(2).and_then(|f| f.parse::<u32>().ok()) == Some(pgid) {
            members.push(pid);
        }
    }
    members
}

fn active_profile(bed: &TestBed) -> String {
    bed.active_profile().expect("ppd's ActiveProfile")
}

#[test]
fn services_come_up_restart_and_go_away() {
    let all = [Service::Polkit, Service::PowerProfiles, Service::UPower];
    let mut bed = TestBed::start(&all).unwrap();
    let dir = bed.dir().to_path_buf();
    assert!(
        bed.system_bus_address()
            .starts_with(&format!("unix:path={}", dir.display()))
    );
    for service in all {
        assert!(bed.pid(service).is_some(), "{service:?} has no pid");
        assert!(name_has_owner(&bed, service.bus_name()));
        assert!(bed.log_path(service).exists());
    }

    assert_eq!(active_profile(&bed), "balanced");

    // Polkit mock allows everything, so ppd accepts a profile change.
    let set = bed
        .busctl()
        .args([
            "set-property",
            "net.hadess.PowerProfiles",
            "/net/hadess/PowerProfiles",
            "net.hadess.PowerProfiles",
            "ActiveProfile",
            "s",
            "performance",
        ])
        .output()
        .unwrap();
    stdout(&set);
    assert_eq!(active_profile(&bed), "performance");

    // UPower sees the umockdev battery.
    let model = bed
        .busctl()
        .args([
            "get-property",
            "org.freedesktop.UPower",
            "/org/freedesktop/UPower/devices/battery_BAT0",
            "org.freedesktop.UPower.Device",
            "Model",
        ])
        .output()
        .unwrap();
    assert_eq!(stdout(&model), format!("s \"{}\"", fixtures::BATTERY_MODEL));

    let old_pid = bed.pid(Service::PowerProfiles).unwrap();
    bed.kill_service(Service::PowerProfiles).unwrap();
    assert_eq!(bed.pid(Service::PowerProfiles), None);
    assert!(!name_has_owner(&bed, Service::PowerProfiles.bus_name()));
    assert!(!Path::new(&format!("/proc/{old_pid}")).exists());

    bed.start_service(Service::PowerProfiles).unwrap();
    assert!(name_has_owner(&bed, Service::PowerProfiles.bus_name()));
    assert_ne!(bed.pid(Service::PowerProfiles), Some(old_pid));
    assert_eq!(active_profile(&bed), "balanced");

    let upower_pid = bed.pid(Service::UPower).unwrap();
    assert!(
        group_members(upower_pid).len() >= 2,
        "upowerd runs under umockdev-run"
    );
    bed.stop_service(Service::UPower).unwrap();
    assert_eq!(group_members(upower_pid), Vec::<u32>::new());
    assert!(!name_has_owner(&bed, Service::UPower.bus_name()));

    let pids: Vec<u32> = all.iter().filter_map(|s| bed.pid(*s)).collect();
    assert_eq!(pids.len(), 2);
    drop(bed);
    for pid in pids {
        assert!(
            !Path::new(&format!("/proc/{pid}")).exists(),
            "pid {pid} survived the drop"
        );
        assert_eq!(
            group_members(pid),
            Vec::<u32>::new(),
            "group {pid} survived"
        );
    }
    assert!(!dir.exists(), "{} was not removed", dir.display());
}

#[test]
fn missing_service_is_not_running() {
    let mut bed = TestBed::start(&[]).unwrap();
    assert!(matches!(
        bed.kill_service(Service::UPower),
        Err(ferrum_testbed::Error::NotRunning {
            service: Service::UPower
        })
    ));
    let kept = bed.keep_dir();
    drop(bed);
    assert!(kept.join("logs/dbus-daemon.log").exists());
    std::fs::remove_dir_all(kept).unwrap();
}
