//! The bed's network namespaces: finding them and deleting those a killed process left behind.

use std::fs;
use std::os::unix::fs::MetadataExt as _;
use std::path::Path;
use std::process::Command;

use super::{IP, run};
use crate::Error;

/// The inode of the named network namespace (`/run/netns/<name>`).
pub(super) fn namespace_inode(name: &str) -> Result<u64, Error> {
    Ok(fs::metadata(Path::new("/run/netns").join(name))?.ino())
}

/// The inode of the network namespace process `pid` is in.
pub(super) fn process_namespace_inode(pid: u32) -> Option<u64> {
    fs::metadata(format!("/proc/{pid}/ns/net"))
        .ok()
        .map(|meta| meta.ino())
}

/// Deletes `ferrum-<pid>-<n>-{nm,peer}` namespaces whose process is gone (killed before its
/// bed could clean up).
pub(super) fn remove_stale_namespaces() {
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
pub(super) fn namespace_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix("ferrum-")?;
    let rest = rest
        .strip_suffix("-nm")
        .or_else(|| rest.strip_suffix("-peer"))?;
    let (pid, number) = rest.split_once('-')?;
    number.parse::<u32>().ok()?;
    pid.parse().ok()
}
