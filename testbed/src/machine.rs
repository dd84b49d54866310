//! The machine's own settings daemons, for real: systemd-timedated
//! ([`crate::Service::Timedated`]) and systemd-localed ([`crate::Service::Localed`]), outside
//! PID 1 on the bed's bus, each in a mount namespace of its own with a **copy** of `/etc`
//! mounted over `/etc` ([`crate::TestBed::machine_etc`] is the copy, for tests to read what
//! the daemon wrote). Nothing of this host's `/etc` changes.
//!
//! - timedated runs without `CAP_SYS_TIME` (dropped from its bounding set), so nothing it is
//!   asked can set this host's clock or the kernel's time zone: `SetTimezone` writes the
//!   copy's `/etc/localtime` (and Debian's `/etc/timezone`); telling the kernel fails and is
//!   ignored by timedated, as it does for an unprivileged container. `SetTime` and `SetNTP`
//!   (the clock and systemd's units) are tested against python-dbusmock's `timedated`
//!   template instead ([`crate::Service::TimedatedMock`]). Without systemd on the bus,
//!   reading `NTP`/`CanNTP` fails (they are unit states), which `services::timedate` reads as
//!   "automatic time unavailable".
//! - localed gets a copy of `/usr/lib/locale` too: Debian's localed runs `locale-gen` for a
//!   locale that is not generated yet, which rewrites `locale-archive`.
//!
//! - hostnamed ([`crate::Service::Hostnamed`]) gets a UTS namespace of its own as well
//!   (`unshare --uts`): `SetStaticHostname` writes the copy's `/etc/hostname` and sets the
//!   namespace's kernel name, so neither this host's `/etc` nor its kernel name
//!   (`/proc/sys/kernel/hostname`) can change. The namespace starts with the host's name.
//!
//! All three exit after 30 s without callers (as under systemd, where activation brings them
//! back); tests use them within that time.

use crate::network::shell_quote;
use crate::spec::{Layout, Requirement, ServiceSpec};

/// systemd-timedated, from the Debian package `systemd`.
pub const TIMEDATED: &str = "/lib/systemd/systemd-timedated";
/// systemd-localed, from the Debian package `systemd`.
pub const LOCALED: &str = "/lib/systemd/systemd-localed";
/// systemd-hostnamed, from the Debian package `systemd`.
pub const HOSTNAMED: &str = "/lib/systemd/systemd-hostnamed";

/// The folder holding a daemon's private copy of `/etc` (and `/usr/lib/locale`).
pub(crate) fn state_dir(layout: &Layout, label: &str) -> std::path::PathBuf {
    layout.service_dir(label)
}

fn in_private_etc(layout: &Layout, label: &str, exec: &str, locales: bool) -> ServiceSpec {
    in_namespaces(layout, label, exec, locales, false)
}

fn in_namespaces(
    layout: &Layout,
    label: &str,
    exec: &str,
    locales: bool,
    uts: bool,
) -> ServiceSpec {
    let dir = state_dir(layout, label);
    let etc = shell_quote(&dir.join("etc").display().to_string());
    let locale = shell_quote(&dir.join("locale").display().to_string());
    let dir_quoted = shell_quote(&dir.display().to_string());
    // The copy is made once per bed (a restart keeps what the daemon wrote, as a reboot does).
    let mut script = format!(
        "mkdir -p {dir_quoted} && {{ [ -d {etc} ] || cp -a /etc {etc}; }} && mount --bind {etc} /etc"
    );
    if locales {
        script.push_str(&format!(
            " && {{ [ -d {locale} ] || cp -a /usr/lib/locale {locale}; }} && mount --bind {locale} /usr/lib/locale"
        ));
    }
    script.push_str(&format!(" && exec {exec}"));
    ServiceSpec {
        requires: vec![
            Requirement::package(TIMEDATED, "systemd"),
            Requirement::package(LOCALED, "systemd"),
            Requirement::package(HOSTNAMED, "systemd"),
            Requirement::package("/usr/share/zoneinfo/zone1970.tab", "tzdata"),
            Requirement::package("/usr/bin/unshare", "util-linux"),
            Requirement::package("/usr/bin/setpriv", "util-linux"),
        ],
        program: "/usr/bin/unshare".into(),
        args: [
            &["-m"][..],
            if uts { &["--uts"][..] } else { &[][..] },
            &["--propagation", "private", "sh", "-c"][..],
        ]
        .concat()
        .into_iter()
        .map(str::to_owned)
        .chain([script])
        .collect(),
        env: Vec::new(),
        env_remove: Vec::new(),
        files: Vec::new(),
        after_ready: Vec::new(),
        needs_network: false,
    }
}

/// The recipe of [`crate::Service::Timedated`].
pub(crate) fn timedated(layout: &Layout) -> ServiceSpec {
    in_private_etc(
        layout,
        "timedated",
        &format!("/usr/bin/setpriv --bounding-set -sys_time {TIMEDATED}"),
        false,
    )
}

/// The recipe of [`crate::Service::Localed`].
pub(crate) fn localed(layout: &Layout) -> ServiceSpec {
    in_private_etc(layout, "localed", LOCALED, true)
}

/// The recipe of [`crate::Service::Hostnamed`].
pub(crate) fn hostnamed(layout: &Layout) -> ServiceSpec {
    in_namespaces(layout, "systemd-hostnamed", HOSTNAMED, false, true)
}
