//! Which apps run now, as Flatpak itself records it: `flatpak run` makes a folder per
//! instance in `$XDG_RUNTIME_DIR/.flatpak/<instance id>/` holding `info` (a keyfile: the app
//! in `[Application] name=`, the deploy it runs from in `[Instance] app-path=`) and `pid`
//! (the sandbox's `bwrap`). libflatpak's `flatpak_instance_get_all` and `flatpak ps` read the
//! same files, and an instance runs while that pid does (`flatpak_instance_is_running`). Read
//! here from the runtime folder [`super::Installations`] names, not from the process's own
//! (GLib caches that once per process).
//!
//! Flatpak 1.14 does not refuse to update or remove a running app: the instances keep the
//! deploy they started from (moved to the installation's `.removed/`, deleted once the last
//! of them ends), so the person is told the change takes effect when the app is closed.

use std::path::Path;

/// How many instances of app `id` of the installation at `installation` run, as recorded
/// under `runtime_dir`. Unreadable records count as none.
pub(crate) fn running_instances(runtime_dir: &Path, installation: &Path, id: &str) -> usize {
    let Ok(entries) = std::fs::read_dir(runtime_dir.join(".flatpak")) else {
        return 0;
    };
    let deploys = [
        installation.join("app").join(id),
        std::fs::canonicalize(installation)
            .unwrap_or_else(|_| installation.to_path_buf())
            .join("app")
            .join(id),
    ];
    entries
        .flatten()
        .filter(|entry| {
            let folder = entry.path();
            let Ok(info) = std::fs::read_to_string(folder.join("info")) else {
                return false;
            };
            let Some(instance) = Instance::parse(&info) else {
                return false;
            };
            instance.app == id
                && deploys
                    .iter()
                    .any(|deploy| Path::new(instance.app_path).starts_with(deploy))
                && pid_runs(&folder)
        })
        .count()
}

/// What an instance's `info` says.
#[derive(Debug, PartialEq, Eq)]
struct Instance<'a> {
    /// `[Application] name=`.
    app: &'a str,
    /// `[Instance] app-path=`: `<installation>/app/<id>/<arch>/<branch>/<commit>/files`.
    app_path: &'a str,
}

impl<'a> Instance<'a> {
    fn parse(info: &'a str) -> Option<Self> {
        let mut group = "";
        let (mut app, mut app_path) = (None, None);
        for line in info.lines().map(str::trim) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                group = name;
            } else if let Some((key, value)) = line.split_once('=') {
                match (group, key.trim()) {
                    ("Application", "name") => app = Some(value.trim()),
                    ("Instance", "app-path") => app_path = Some(value.trim()),
                    _ => {}
                }
            }
        }
        Some(Self {
            app: app?,
            app_path: app_path?,
        })
    }
}

/// Whether the process in the instance's `pid` file exists.
fn pid_runs(folder: &Path) -> bool {
    std::fs::read_to_string(folder.join("pid"))
        .ok()
        .and_then(|pid| pid.trim().parse::<u32>().ok())
        .filter(|pid| *pid > 0)
        .is_some_and(|pid| Path::new(&format!("/proc/{pid}")).exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(runtime: &Path, instance: &str, app: &str, app_path: &str, pid: u32) {
        let folder = runtime.join(".flatpak").join(instance);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(
            folder.join("info"),
            format!(
                "[Application]\nname={app}\nruntime=runtime/org.x.Platform/x86_64/stable\n\n\
                 [Instance]\ninstance-id={instance}\napp-path={app_path}\nbranch=stable\n"
            ),
        )
        .unwrap();
        std::fs::write(folder.join("pid"), pid.to_string()).unwrap();
    }

    #[test]
    fn only_live_instances_of_that_app_in_that_installation_count() {
        let runtime = tempfile::tempdir().unwrap();
        let user = Path::new("/nonexistent-user");
        let deploy = |installation: &str, id: &str| {
            format!("{installation}/app/{id}/x86_64/stable/0123abcd/files")
        };
        let alive = std::process::id();
        // A pid that ran and was reaped: gone.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let gone = child.id();
        child.wait().unwrap();
        assert_eq!(running_instances(runtime.path(), user, "org.x.App"), 0);
        record(
            runtime.path(),
            "1",
            "org.x.App",
            &deploy("/nonexistent-user", "org.x.App"),
            alive,
        );
        record(
            runtime.path(),
            "2",
            "org.x.App",
            &deploy("/nonexistent-user", "org.x.App"),
            alive,
        );
        // Ended, another app, the same app from the other installation.
        record(
            runtime.path(),
            "3",
            "org.x.App",
            &deploy("/nonexistent-user", "org.x.App"),
            gone,
        );
        record(
            runtime.path(),
            "4",
            "org.x.Other",
            &deploy("/nonexistent-user", "org.x.Other"),
            alive,
        );
        record(
            runtime.path(),
            "5",
            "org.x.App",
            &deploy("/var/lib/flatpak", "org.x.App"),
            alive,
        );
        // Flatpak's per-app folder beside the instances has no info.
        std::fs::create_dir_all(runtime.path().join(".flatpak/org.x.App/tmp")).unwrap();
        assert_eq!(running_instances(runtime.path(), user, "org.x.App"), 2);
        assert_eq!(running_instances(runtime.path(), user, "org.x"), 0);
        assert_eq!(
            running_instances(runtime.path(), Path::new("/var/lib/flatpak"), "org.x.App"),
            1
        );
    }

    #[test]
    fn an_info_without_app_or_path_is_no_instance() {
        assert_eq!(Instance::parse("[Application]\nname=a\n"), None);
        assert_eq!(
            Instance::parse("[Application]\nname = a\n[Instance]\napp-path=/p\n"),
            Some(Instance {
                app: "a",
                app_path: "/p"
            })
        );
        // The name must be the application's, not another group's.
        assert_eq!(
            Instance::parse("[Runtime]\nname=a\n[Instance]\napp-path=/p\n"),
            None
        );
    }
}
