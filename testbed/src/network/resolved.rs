//! Where the bed finds systemd-resolved (unpacked, not installed) and the drop-in it starts with.

use std::path::{Path, PathBuf};

/// Where `cargo xtask deps` unpacks systemd-resolved, relative to cargo's target folder.
pub const RESOLVED_TOOLS_DIR: &str = "tools/systemd-resolved";

/// The daemon inside an unpacked `systemd-resolved` package.
pub const RESOLVED_BINARY: &str = "lib/systemd/systemd-resolved";

/// `resolvectl` inside an unpacked `systemd-resolved` package.
pub const RESOLVECTL_BINARY: &str = "usr/bin/resolvectl";

/// An environment variable naming an unpacked `systemd-resolved` package (the folder that
/// holds `lib/systemd/systemd-resolved`); looked at before the target folders.
pub const RESOLVED_ROOT_ENV: &str = "FERRUM_RESOLVED_ROOT";

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
