//! `services::apps` against real Flatpak (libflatpak in this process, the `flatpak` command for
//! changes made "outside") on the apps bed: a user and a system installation in a temporary
//! folder and a GPG-signed repo served on 127.0.0.1 (`ferrum_testbed::apps`). Each test has a
//! bed of its own. Needs `cargo xtask deps` (flatpak, gpg) and root (the system installation
//! is written without Flatpak's system helper).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

use std::os::unix::process::CommandExt as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ferrum_integration_tests::{next_matching, next_within};
use ferrum_services::apps::{
    Action, AppRef, Apps, AppsError, BusPolicy, Device, FilesystemAccess, Grant, InstallationKind,
    Installations, OperationEvent, PERMISSION_STORE_BUS_NAME, PortalPermission, Shared, Snapshot,
    Socket, Update, portal_grants, revoke_portal_grant,
};
use ferrum_testbed::apps::{
    AppsBed, BRANCH, PLAIN_ID, PLAIN_NAME, REMOTE, REMOTE_TITLE, RICH_ID, RICH_NAME,
    RICH_PAYLOAD_BYTES, RICH_SUMMARY, UNREACHABLE_REMOTE, WRONG_KEY_REMOTE,
};
use ferrum_testbed::{Service, TestBed};
use futures::StreamExt;

/// How long one install, update or removal may take on the bed (a liveness bound).
const OPERATION_DEADLINE: Duration = Duration::from_secs(30);

fn setup() -> (AppsBed, Apps) {
    let bed = AppsBed::start().expect("the apps bed starts");
    let apps = Apps::new(Installations::at(
        bed.user_dir(),
        bed.system_dir(),
        bed.dir().join("home"),
    ))
    .expect("the Flatpak worker starts");
    (bed, apps)
}

fn app(bed: &AppsBed, installation: InstallationKind, id: &str) -> AppRef {
    AppRef {
        installation,
        id: id.to_owned(),
        arch: bed.arch().to_owned(),
        branch: BRANCH.to_owned(),
    }
}

fn ids(snapshot: &Snapshot) -> Vec<(InstallationKind, &str)> {
    snapshot
        .apps
        .iter()
        .map(|app| (app.app.installation, app.app.id.as_str()))
        .collect()
}

/// Runs an action to its end; every event it yielded, the last being `Finished`.
async fn run_to_end(apps: &Apps, action: Action) -> Vec<OperationEvent> {
    let mut operation = apps.run(action);
    let mut events = Vec::new();
    let deadline = tokio::time::Instant::now() + OPERATION_DEADLINE;
    loop {
        match tokio::time::timeout_at(deadline, operation.next()).await {
            Ok(Some(event)) => {
                let finished = matches!(event, OperationEvent::Finished(_));
                events.push(event);
                if finished {
                    return events;
                }
            }
            Ok(None) => panic!("the operation ended without Finished: {events:?}"),
            Err(_) => panic!("the operation did not finish within {OPERATION_DEADLINE:?}"),
        }
    }
}

fn outcome(events: &[OperationEvent]) -> Result<(), AppsError> {
    match events.last() {
        Some(OperationEvent::Finished(result)) => result.clone(),
        other => panic!("no Finished at the end: {other:?}"),
    }
}

#[tokio::test]
async fn installed_apps_and_remotes_of_both_installations() {
    let (bed, apps) = setup();
    assert_eq!(apps.snapshot().await.unwrap(), Snapshot::default());

    let remotes = apps.remotes().await.unwrap();
    for installation in [InstallationKind::User, InstallationKind::System] {
        let remote = remotes
            .iter()
            .find(|r| r.installation == installation && r.name == REMOTE)
            .unwrap_or_else(|| panic!("{REMOTE} in {installation:?}: {remotes:?}"));
        assert_eq!(remote.url.as_deref(), Some(bed.url().as_str()));
        assert_eq!(remote.title.as_deref(), Some(REMOTE_TITLE));
        assert!(remote.gpg_verify, "the bed's remote is signed");
        assert!(!remote.disabled);
    }
    assert!(
        remotes
            .iter()
            .any(|r| r.name == UNREACHABLE_REMOTE && r.installation == InstallationKind::User)
    );

    bed.install("--user", RICH_ID).unwrap();
    bed.install("--system", PLAIN_ID).unwrap();
    let snapshot = apps.snapshot().await.unwrap();
    assert_eq!(
        ids(&snapshot),
        vec![
            (InstallationKind::System, PLAIN_ID),
            (InstallationKind::User, RICH_ID)
        ],
        "sorted by name"
    );
    let rich = &snapshot.apps[1];
    assert_eq!(rich.name, RICH_NAME);
    assert_eq!(rich.summary.as_deref(), Some(RICH_SUMMARY));
    assert_eq!(rich.version.as_deref(), Some("1.0"));
    assert_eq!(rich.app.branch, BRANCH);
    assert_eq!(rich.origin, REMOTE);
    assert!(
        rich.installed_size >= RICH_PAYLOAD_BYTES as u64,
        "{}",
        rich.installed_size
    );
    assert_eq!(
        rich.runtime.as_deref(),
        Some(format!("org.ferrum.Platform/{}/{BRANCH}", bed.arch()).as_str())
    );
    let permissions = &rich.permissions;
    assert_eq!(
        permissions.shared.get(&Shared::Network),
        Some(&Grant::Allow)
    );
    assert_eq!(
        permissions.sockets.get(&Socket::Wayland),
        Some(&Grant::Allow)
    );
    assert_eq!(
        permissions.sockets.get(&Socket::PulseAudio),
        Some(&Grant::Allow)
    );
    assert_eq!(
        permissions.filesystems.get("xdg-download"),
        Some(&FilesystemAccess::ReadWrite)
    );
    assert_eq!(
        permissions.session_bus.get("org.freedesktop.Notifications"),
        Some(&BusPolicy::Talk)
    );
    assert_eq!(
        permissions
            .environment
            .get("FERRUM_TEST")
            .map(String::as_str),
        Some("1")
    );
    let plain = &snapshot.apps[0];
    assert_eq!(plain.name, PLAIN_NAME);
    assert_eq!(
        plain.permissions.shared.keys().collect::<Vec<_>>(),
        vec![&Shared::Ipc]
    );

    // The system installation is changed through the service too (as root: no helper).
    let events = run_to_end(
        &apps,
        Action::Uninstall {
            app: plain.app.clone(),
            delete_data: false,
        },
    )
    .await;
    outcome(&events).unwrap();
    assert!(bed.installed_apps("--system").unwrap().is_empty());
    assert_eq!(bed.installed_apps("--user").unwrap(), vec![RICH_ID]);
}

#[tokio::test]
async fn installations_that_do_not_exist_are_empty() {
    let dir = tempfile::tempdir().unwrap();
    let apps = Apps::new(Installations::at(
        dir.path().join("no-user"),
        dir.path().join("no-system"),
        dir.path().join("no-home"),
    ))
    .unwrap();
    assert_eq!(apps.snapshot().await.unwrap(), Snapshot::default());
    assert_eq!(apps.remotes().await.unwrap(), Vec::new());
    let mut watch = Box::pin(apps.watch());
    assert_eq!(
        next_within(&mut watch, "the first list").await.unwrap(),
        Update::Installed(Snapshot::default())
    );
}

#[tokio::test]
async fn a_remotes_apps_show_sizes_and_permissions_before_installing() {
    let (bed, apps) = setup();
    let all = apps
        .search(InstallationKind::User, REMOTE, "")
        .await
        .unwrap();
    assert_eq!(
        all.iter().map(|a| a.app.id.as_str()).collect::<Vec<_>>(),
        vec![PLAIN_ID, RICH_ID]
    );
    // By id, by name (any case) and by summary.
    for query in ["RICH", "rich test", "many permissions"] {
        let found = apps
            .search(InstallationKind::User, REMOTE, query)
            .await
            .unwrap();
        assert_eq!(
            found.iter().map(|a| a.app.id.as_str()).collect::<Vec<_>>(),
            vec![RICH_ID],
            "{query}"
        );
    }
    let found = apps
        .search(InstallationKind::User, REMOTE, "rich")
        .await
        .unwrap();
    let rich = &found[0];
    assert_eq!(rich.app, app(&bed, InstallationKind::User, RICH_ID));
    assert_eq!(rich.name, RICH_NAME);
    assert_eq!(rich.version.as_deref(), Some("1.0"));
    assert_eq!(rich.summary.as_deref(), Some(RICH_SUMMARY));
    assert_eq!(rich.remote, REMOTE);
    assert!(!rich.installed);
    assert!(
        rich.download_size >= RICH_PAYLOAD_BYTES as u64,
        "{}",
        rich.download_size
    );
    assert!(rich.installed_size >= RICH_PAYLOAD_BYTES as u64);
    assert_eq!(
        rich.permissions.shared.get(&Shared::Network),
        Some(&Grant::Allow)
    );
    assert_eq!(
        rich.permissions
            .session_bus
            .get("org.freedesktop.Notifications"),
        Some(&BusPolicy::Talk)
    );
    assert!(
        bed.installed_apps("--user").unwrap().is_empty(),
        "looking installs nothing"
    );
}

#[tokio::test]
async fn install_update_and_uninstall_with_progress() {
    let (bed, apps) = setup();
    let rich = app(&bed, InstallationKind::User, RICH_ID);

    let started = Instant::now();
    let events = run_to_end(
        &apps,
        Action::Install {
            app: rich.clone(),
            remote: REMOTE.to_owned(),
        },
    )
    .await;
    outcome(&events).unwrap();
    let steps: Vec<_> = events
        .iter()
        .filter_map(|event| match event {
            OperationEvent::Step(step) => Some(step.reference.clone()),
            _ => None,
        })
        .collect();
    let progress = events
        .iter()
        .filter(|event| matches!(event, OperationEvent::Progress(_)))
        .count();
    let bytes = events
        .iter()
        .filter_map(|event| match event {
            OperationEvent::Progress(progress) => Some(progress.bytes_transferred),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    println!(
        "install: {} events ({progress} progress, {} steps, up to {bytes} bytes) in {:?}",
        events.len(),
        steps.len(),
        started.elapsed()
    );
    assert_eq!(
        steps,
        vec![
            format!("runtime/org.ferrum.Platform/{}/{BRANCH}", bed.arch()),
            bed.app_ref(RICH_ID)
        ],
        "the runtime comes first"
    );
    assert!(
        progress + steps.len() >= 2,
        "at least two progress events: {events:?}"
    );
    assert_eq!(bed.installed_apps("--user").unwrap(), vec![RICH_ID]);

    // Version 2 asks for more: the update brings it, and the difference is what is new.
    bed.publish_rich_v2().unwrap();
    let before = apps.snapshot().await.unwrap().apps[0].clone();
    let updates = apps.updates(InstallationKind::User).await.unwrap();
    assert_eq!(updates.len(), 1, "{updates:?}");
    let update = &updates[0];
    assert_eq!(update.app, rich);
    assert_eq!(update.remote, REMOTE);
    assert!(update.widens_permissions());
    assert_eq!(
        update.added.filesystems.keys().collect::<Vec<_>>(),
        vec!["home"]
    );
    assert!(
        apps.updates(InstallationKind::System)
            .await
            .unwrap()
            .is_empty()
    );
    let events = run_to_end(
        &apps,
        Action::Update {
            app: rich.clone(),
            commit: Some(update.commit.clone()),
        },
    )
    .await;
    outcome(&events).unwrap();
    let after = apps.snapshot().await.unwrap().apps[0].clone();
    assert_eq!(after.version.as_deref(), Some("2.0"));
    assert_ne!(after.commit, before.commit);
    assert_eq!(after.commit.as_deref(), Some(update.commit.as_str()));
    assert!(
        apps.updates(InstallationKind::User)
            .await
            .unwrap()
            .is_empty()
    );
    let added = before.permissions.added_in(&after.permissions);
    assert_eq!(
        added.filesystems.get("home"),
        Some(&FilesystemAccess::ReadWrite)
    );
    assert_eq!(added.devices.get(&Device::Dri), Some(&Grant::Allow));
    assert_eq!(
        added.session_bus.get("org.freedesktop.secrets"),
        Some(&BusPolicy::Talk)
    );
    assert!(added.shared.is_empty() && added.sockets.is_empty());

    // Removing keeps the app's data unless asked.
    let data = bed.dir().join("home/.var/app").join(RICH_ID);
    std::fs::create_dir_all(data.join("config")).unwrap();
    std::fs::write(data.join("config/settings"), "x").unwrap();
    assert_eq!(apps.data_size(RICH_ID).await.unwrap(), 1);
    let events = run_to_end(
        &apps,
        Action::Uninstall {
            app: rich.clone(),
            delete_data: false,
        },
    )
    .await;
    outcome(&events).unwrap();
    assert!(bed.installed_apps("--user").unwrap().is_empty());
    assert!(data.join("config/settings").exists(), "data kept");

    bed.install("--user", RICH_ID).unwrap();
    let events = run_to_end(
        &apps,
        Action::Uninstall {
            app: rich.clone(),
            delete_data: true,
        },
    )
    .await;
    outcome(&events).unwrap();
    assert!(bed.installed_apps("--user").unwrap().is_empty());
    assert!(!data.exists(), "data deleted");

    // Removing what is not there is a typed error.
    let events = run_to_end(
        &apps,
        Action::Uninstall {
            app: rich,
            delete_data: false,
        },
    )
    .await;
    assert!(
        outcome(&events).unwrap_err().is_not_installed(),
        "{events:?}"
    );
}

#[tokio::test]
async fn a_cancelled_install_leaves_nothing_half_installed() {
    let (bed, apps) = setup();
    // The runtime is there already: the only step is the app's download.
    bed.install("--user", PLAIN_ID).unwrap();
    // 256 KiB/s per connection: a few seconds for the app's 48 files.
    bed.set_throttle(Some(256 * 1024));
    let rich = app(&bed, InstallationKind::User, RICH_ID);
    let mut operation = apps.run(Action::Install {
        app: rich.clone(),
        remote: REMOTE.to_owned(),
    });
    let first = next_matching(&mut operation, "the download's progress", |event| {
        matches!(event, OperationEvent::Progress(p) if p.bytes_transferred > 0)
            || matches!(event, OperationEvent::Finished(_))
    })
    .await
    .unwrap();
    assert!(
        matches!(first, OperationEvent::Progress(_)),
        "finished before any download progress: {first:?}"
    );
    let cancelled_at = Instant::now();
    operation.cancel();
    // libostree lets the downloads in flight finish before it stops (several seconds here,
    // where each file crawls): the end comes well before the whole download would have.
    let mut transferred = 0;
    let end = next_matching(&mut operation, "the end", |event| {
        if let OperationEvent::Progress(progress) = event {
            transferred = progress.bytes_transferred;
        }
        matches!(event, OperationEvent::Finished(_))
    })
    .await
    .unwrap();
    let latency = cancelled_at.elapsed();
    println!(
        "cancel took effect in {latency:?}, after {transferred} of {RICH_PAYLOAD_BYTES} bytes"
    );
    assert!(
        transferred < RICH_PAYLOAD_BYTES as u64 / 2,
        "{transferred} bytes"
    );
    assert_eq!(end, OperationEvent::Finished(Err(AppsError::Cancelled)));
    assert!(operation.next().await.is_none(), "the stream ends");

    assert_eq!(bed.installed_apps("--user").unwrap(), vec![PLAIN_ID]);
    assert!(
        !bed.user_dir().join("app").join(RICH_ID).exists(),
        "nothing deployed"
    );
    let snapshot = apps.snapshot().await.unwrap();
    assert_eq!(ids(&snapshot), vec![(InstallationKind::User, PLAIN_ID)]);

    // And it installs cleanly afterwards.
    bed.set_throttle(None);
    let events = run_to_end(
        &apps,
        Action::Install {
            app: rich,
            remote: REMOTE.to_owned(),
        },
    )
    .await;
    outcome(&events).unwrap();
    assert_eq!(
        bed.installed_apps("--user").unwrap(),
        vec![PLAIN_ID, RICH_ID]
    );
}

#[tokio::test]
async fn unreachable_and_unverifiable_remotes_are_typed_errors() {
    let (bed, apps) = setup();
    let error = apps
        .search(InstallationKind::User, UNREACHABLE_REMOTE, "")
        .await
        .unwrap_err();
    assert!(error.is_remote_unreachable(), "{error:?}");
    println!("unreachable: {error:?}");
    let events = run_to_end(
        &apps,
        Action::Install {
            app: app(&bed, InstallationKind::User, PLAIN_ID),
            remote: UNREACHABLE_REMOTE.to_owned(),
        },
    )
    .await;
    let error = outcome(&events).unwrap_err();
    assert!(error.is_remote_unreachable(), "{error:?}");

    // The bed's repo, through a remote that trusts another key: refused, nothing installed.
    let error = apps
        .search(InstallationKind::User, WRONG_KEY_REMOTE, "")
        .await
        .unwrap_err();
    assert!(error.is_signature_invalid(), "{error:?}");
    println!("wrong key: {error:?}");
    let events = run_to_end(
        &apps,
        Action::Install {
            app: app(&bed, InstallationKind::User, PLAIN_ID),
            remote: WRONG_KEY_REMOTE.to_owned(),
        },
    )
    .await;
    let error = outcome(&events).unwrap_err();
    assert!(error.is_signature_invalid(), "{error:?}");
    assert!(bed.installed_apps("--user").unwrap().is_empty());
}

#[tokio::test]
async fn the_watch_follows_installs_from_outside() {
    let (bed, apps) = setup();
    let mut watch = Box::pin(apps.watch());
    match next_within(&mut watch, "the first list").await.unwrap() {
        Update::Installed(snapshot) => assert_eq!(snapshot, Snapshot::default()),
        other => panic!("{other:?}"),
    }
    let installed_at = Instant::now();
    bed.install("--user", PLAIN_ID).unwrap();
    let seen = next_matching(
        &mut watch,
        "the app installed by the command",
        |update| matches!(update, Update::Installed(s) if !s.apps.is_empty()),
    )
    .await
    .unwrap();
    println!(
        "the watch saw the install {:?} after the command started",
        installed_at.elapsed()
    );
    let Update::Installed(snapshot) = seen else {
        unreachable!()
    };
    assert_eq!(ids(&snapshot), vec![(InstallationKind::User, PLAIN_ID)]);

    bed.flatpak(&["uninstall", "--user", "-y", "--noninteractive", PLAIN_ID])
        .unwrap();
    next_matching(
        &mut watch,
        "the removal",
        |update| matches!(update, Update::Installed(s) if s.apps.is_empty()),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn overrides_are_read_and_merged_as_flatpak_merges_them() {
    let (bed, apps) = setup();
    bed.install("--user", RICH_ID).unwrap();
    bed.install("--system", PLAIN_ID).unwrap();
    // Each layer, as the flatpak command writes it.
    bed.flatpak(&[
        "override",
        "--system",
        "--nosocket=pulseaudio",
        "--filesystem=/srv",
        "--env=ORDER=system-global",
    ])
    .unwrap();
    for id in [RICH_ID, PLAIN_ID] {
        bed.flatpak(&[
            "override",
            "--system",
            "--talk-name=org.example.System",
            "--env=LAYER=system-app",
            id,
        ])
        .unwrap();
    }
    bed.flatpak(&[
        "override",
        "--user",
        "--device=dri",
        "--env=LAYER=user-global",
        "--env=ORDER=user-global",
    ])
    .unwrap();
    bed.flatpak(&[
        "override",
        "--user",
        "--unshare=network",
        "--nofilesystem=xdg-download",
        "--filesystem=~/Music:ro",
        "--socket=pulseaudio",
        RICH_ID,
    ])
    .unwrap();

    let overrides = apps.overrides(RICH_ID).await.unwrap();
    assert_eq!(
        overrides.user_app.shared.get(&Shared::Network),
        Some(&Grant::Deny)
    );
    assert_eq!(
        overrides.system_global.sockets.get(&Socket::PulseAudio),
        Some(&Grant::Deny)
    );
    assert_eq!(
        overrides.user_global.devices.get(&Device::Dri),
        Some(&Grant::Allow)
    );

    // What Flatpak itself computes, for an app of each installation.
    let snapshot = apps.snapshot().await.unwrap();
    for installed in &snapshot.apps {
        let id = installed.app.id.as_str();
        let overrides = apps.overrides(id).await.unwrap();
        let effective = overrides
            .effective(&installed.permissions, installed.app.installation)
            .granted();
        let scope = match installed.app.installation {
            InstallationKind::User => "--user",
            InstallationKind::System => "--system",
        };
        let shown = bed
            .flatpak(&["info", scope, "--show-permissions", id])
            .unwrap();
        let flatpaks = ferrum_services::apps::Permissions::parse(&shown).granted();
        assert_eq!(
            effective, flatpaks,
            "{id}: flatpak info --show-permissions:\n{shown}"
        );
        match installed.app.installation {
            InstallationKind::User => {
                assert!(!effective.shared.contains_key(&Shared::Network));
                assert!(effective.sockets.contains_key(&Socket::PulseAudio));
                assert!(
                    !effective.filesystems.contains_key("/srv"),
                    "no system layer"
                );
            }
            InstallationKind::System => {
                assert!(effective.filesystems.contains_key("/srv"));
                assert_eq!(
                    effective.environment.get("ORDER").map(String::as_str),
                    Some("user-global"),
                    "the user's layers come after the system's"
                );
            }
        }
        assert_eq!(
            effective.environment.get("LAYER").map(String::as_str),
            Some("user-global")
        );
    }
}

#[tokio::test]
async fn a_remote_is_added_from_a_flatpakrepo_file_only_with_its_key() {
    let (bed, apps) = setup();
    let unsigned = bed.flatpakrepo(false).unwrap();
    assert_eq!(
        apps.add_remote(InstallationKind::User, "added", unsigned.as_bytes())
            .await,
        Err(AppsError::Unsigned)
    );
    let signed = bed.flatpakrepo(true).unwrap();
    apps.add_remote(InstallationKind::User, "added", signed.as_bytes())
        .await
        .unwrap();
    assert_eq!(
        apps.add_remote(InstallationKind::User, "added", signed.as_bytes())
            .await,
        Err(AppsError::AlreadyExists)
    );
    let remotes = apps.remotes().await.unwrap();
    let added = remotes
        .iter()
        .find(|r| r.name == "added" && r.installation == InstallationKind::User)
        .unwrap_or_else(|| panic!("{remotes:?}"));
    assert!(added.gpg_verify);
    assert_eq!(added.title.as_deref(), Some(REMOTE_TITLE));
    assert_eq!(added.url.as_deref(), Some(bed.url().as_str()));
    // Its key verifies the repo: its apps are listed.
    let found = apps
        .search(InstallationKind::User, "added", "")
        .await
        .unwrap();
    assert_eq!(found.len(), 2, "{found:?}");
}

/// Portal grants live in the permission store on the session bus (here a private one, which
/// starts the real `xdg-permission-store` on the first call).
#[tokio::test]
async fn portal_grants_are_listed_and_revoked() {
    let session = ferrum_testbed::session_bus::SessionBus::start().unwrap();
    let connection = zbus::connection::Builder::address(session.address())
        .unwrap()
        .build()
        .await
        .unwrap();
    assert_eq!(
        portal_grants(&connection, RICH_ID).await.unwrap(),
        Vec::new()
    );

    let grant = |table: &str, id: &str, app: &str, value: &str| {
        let output = session
            .busctl()
            .args([
                "call",
                PERMISSION_STORE_BUS_NAME,
                "/org/freedesktop/impl/portal/PermissionStore",
                "org.freedesktop.impl.portal.PermissionStore",
                "SetPermission",
                "sbssas",
                table,
                "true",
                id,
                app,
                "1",
                value,
            ])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    grant("notifications", "notification", RICH_ID, "yes");
    grant("devices", "camera", RICH_ID, "yes");
    grant("devices", "microphone", RICH_ID, "no");
    grant("background", "background", PLAIN_ID, "yes");

    let grants = portal_grants(&connection, RICH_ID).await.unwrap();
    assert_eq!(
        grants
            .iter()
            .map(|g| (g.permission.clone(), g.is_granted()))
            .collect::<Vec<_>>(),
        vec![
            (PortalPermission::Notifications, true),
            (PortalPermission::Camera, true),
            (PortalPermission::Microphone, false),
        ],
        "{grants:?}"
    );
    let camera = grants
        .iter()
        .find(|g| g.permission == PortalPermission::Camera)
        .unwrap();
    revoke_portal_grant(&connection, RICH_ID, camera)
        .await
        .unwrap();
    let after = portal_grants(&connection, RICH_ID).await.unwrap();
    assert!(
        !after
            .iter()
            .any(|g| g.permission == PortalPermission::Camera),
        "{after:?}"
    );
    assert_eq!(after.len(), 2);
    // Another app's grant is untouched.
    assert_eq!(
        portal_grants(&connection, PLAIN_ID).await.unwrap()[0].permission,
        PortalPermission::Background
    );
}

/// The user the refused system install runs as (`nobody`).
const NOBODY: u32 = 65534;

/// polkit's refusal, for real: root's libflatpak changes the system installation itself, so
/// the install runs in a process of its own as `nobody` (`tests/src/bin/apps-install-as-user.rs`);
/// its libflatpak asks Flatpak's system helper on the bed's bus, which asks
/// the bed's polkit (python-dbusmock's), which refuses.
#[tokio::test]
async fn a_system_install_polkit_refuses_is_permission_denied() {
    let bus = TestBed::start(&[Service::Polkit]).expect("the bus bed starts");
    bus.set_polkit_allowed(false, &[]).unwrap();
    let (mut bed, _apps) = setup();
    bed.start_system_helper(bus.system_bus_address()).unwrap();
    let home = bed.dir().join("nobody");
    std::fs::create_dir_all(&home).unwrap();
    std::os::unix::fs::chown(&home, Some(NOBODY), Some(NOBODY)).unwrap();
    let output = tokio::task::spawn_blocking({
        let address = bus.system_bus_address().to_owned();
        let system = bed.system_dir();
        move || {
            Command::new(env!("CARGO_BIN_EXE_apps-install-as-user"))
                .arg(system)
                .env("DBUS_SYSTEM_BUS_ADDRESS", address)
                .env("HOME", &home)
                .env("XDG_CACHE_HOME", home.join("cache"))
                .env("XDG_DATA_HOME", home.join("data"))
                .env("XDG_CONFIG_HOME", home.join("config"))
                .env_remove("FLATPAK_USER_DIR")
                .env_remove("FLATPAK_SYSTEM_DIR")
                .uid(NOBODY)
                .gid(NOBODY)
                .current_dir("/")
                .stdin(Stdio::null())
                .output()
                .unwrap()
        }
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let helper_log =
        std::fs::read_to_string(bed.dir().join("system-helper.log")).unwrap_or_default();
    assert!(
        output.status.success(),
        "{stdout}\n{}\nhelper:\n{helper_log}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result = stdout
        .lines()
        .find_map(|line| line.strip_prefix("RESULT="))
        .unwrap_or_else(|| panic!("no RESULT= in {stdout}"));
    println!("as nobody: {result}");
    assert!(
        result.starts_with("Err(PermissionDenied"),
        "{result}\nhelper:\n{helper_log}"
    );
    assert!(bed.installed_apps("--system").unwrap().is_empty());
    // The helper asked polkit about one of Flatpak's actions, and polkit said no.
    let asked = bus
        .busctl()
        .args([
            "call",
            Service::Polkit.bus_name(),
            "/org/freedesktop/PolicyKit1/Authority",
            "org.freedesktop.DBus.Mock",
            "GetMethodCalls",
            "s",
            "CheckAuthorization",
        ])
        .output()
        .unwrap();
    let asked = String::from_utf8_lossy(&asked.stdout);
    assert!(asked.contains("org.freedesktop.Flatpak."), "{asked}");
}

/// Flatpak 1.14 updates and removes an app while it runs (the instances keep the deploy they
/// started from): the operation says how many instances of the app still run
/// (`StillRunning`) just before it finishes, read from what `flatpak run` recorded in the
/// runtime folder; an app that does not run gets no such event.
#[tokio::test]
async fn a_change_to_a_running_app_says_how_many_instances_still_run() {
    let bed = AppsBed::start().expect("the apps bed starts");
    let apps = Apps::new(
        Installations::at(bed.user_dir(), bed.system_dir(), bed.dir().join("home"))
            .with_runtime_dir(bed.dir().join("run")),
    )
    .expect("the Flatpak worker starts");
    bed.install("--user", RICH_ID).unwrap();
    bed.install("--user", PLAIN_ID).unwrap();
    bed.give_the_runtime_a_shell().unwrap();
    let first = bed.start_app(RICH_ID).unwrap();
    let second = bed.start_app(RICH_ID).unwrap();
    assert_eq!(bed.running_apps().unwrap(), vec![RICH_ID, RICH_ID]);

    let events = run_to_end(
        &apps,
        Action::Uninstall {
            app: app(&bed, InstallationKind::User, RICH_ID),
            delete_data: false,
        },
    )
    .await;
    assert_eq!(outcome(&events), Ok(()));
    assert_eq!(
        events[events.len() - 2],
        OperationEvent::StillRunning { instances: 2 },
        "{events:?}"
    );
    assert_eq!(bed.installed_apps("--user").unwrap(), vec![PLAIN_ID]);
    assert_eq!(bed.running_apps().unwrap(), vec![RICH_ID, RICH_ID]);

    let events = run_to_end(
        &apps,
        Action::Uninstall {
            app: app(&bed, InstallationKind::User, PLAIN_ID),
            delete_data: false,
        },
    )
    .await;
    assert_eq!(outcome(&events), Ok(()));
    assert!(
        !events
            .iter()
            .any(|event| matches!(event, OperationEvent::StillRunning { .. })),
        "{events:?}"
    );
    drop((first, second));
}
