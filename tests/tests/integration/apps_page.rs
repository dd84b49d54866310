//! The Apps page through its own `update` and requests, against real Flatpak on the apps bed
//! (`ferrum_testbed::apps`: a user and a system installation, a GPG-signed repo on
//! 127.0.0.1 with a rich and a plain app, a remote that cannot be reached and one that trusts
//! another key). What the page asks for runs with `PageRequest::run`; the installed apps and
//! a change's progress reach the page through its own subscriptions. Flatpak's own view is
//! checked with the `flatpak` command. Needs root (the system installation is written
//! without the system helper) and `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use ferrum_i18n::{fl, hold_locale};
use ferrum_panels::apps::{
    self, AddRemoteError, Choice, Flatpak, Key, Message, Offer, Request, Run, State, Updates, Work,
    ended_text, error_sentence, permission_lines,
};
use ferrum_panels::{Outcome, Page, PageRequest};
use ferrum_services::SystemBus;
use ferrum_services::apps::{
    AppRef, AppsError, Device, FilesystemAccess, Grant, InstallationKind, Installations,
    PERMISSION_STORE_BUS_NAME, Permissions, PortalPermission, Shared,
};
use ferrum_testbed::apps::{
    AppsBed, BRANCH, PLAIN_ID, PLAIN_NAME, REMOTE, RICH_ID, RICH_NAME, WRONG_KEY_REMOTE,
};
use ferrum_testbed::child;
use futures::StreamExt;
use futures::stream::BoxStream;

/// How long a change or a re-read may take on the bed (a liveness bound).
const WAIT: Duration = Duration::from_secs(60);

struct Lab {
    bed: AppsBed,
    state: State,
    watch: BoxStream<'static, Message>,
    /// The page's requests never use the system bus (Flatpak is not on it).
    bus: SystemBus,
    /// Every percentage the page's progress bar showed.
    percents: Vec<u32>,
}

fn lab(session_bus: &str) -> Lab {
    let bed = AppsBed::start().expect("the apps bed starts");
    let installations = Installations::at(bed.user_dir(), bed.system_dir(), bed.dir().join("home"));
    lab_on(bed, installations, session_bus)
}

/// A lab whose page uses `installations` (the bed's runtime folder, where `flatpak run`
/// records what runs, is theirs).
fn lab_on(bed: AppsBed, installations: Installations, session_bus: &str) -> Lab {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_test_writer()
        .try_init();
    let flatpak = Flatpak::at(
        installations.with_runtime_dir(bed.dir().join("run")),
        session_bus,
    );
    let watch = apps::watch_stream(&flatpak).boxed();
    Lab {
        bed,
        state: State::on(flatpak),
        watch,
        bus: SystemBus::with_address("unix:path=/nonexistent"),
        percents: Vec::new(),
    }
}

fn rich(bed: &AppsBed, installation: InstallationKind) -> AppRef {
    AppRef {
        installation,
        id: RICH_ID.to_owned(),
        arch: bed.arch().to_owned(),
        branch: BRANCH.to_owned(),
    }
}

impl Lab {
    /// Runs what an outcome asks for, and what the answers ask for, to the end.
    async fn settle(&mut self, mut outcome: Outcome<Request>) {
        while let Some(request) = outcome.request.take() {
            let message = tokio::time::timeout(WAIT, request.run(self.bus.clone()))
                .await
                .expect("a request answers");
            outcome = self.state.update(message);
        }
    }

    async fn send(&mut self, message: Message) {
        let outcome = self.state.update(message);
        self.settle(outcome).await;
    }

    /// Feeds the page its subscriptions (the watch, and the change under way) until `accept`
    /// holds, running what their updates ask for.
    async fn until(&mut self, what: &str, accept: impl Fn(&State) -> bool) {
        let deadline = Instant::now() + WAIT;
        while !accept(&self.state) {
            let left = deadline.saturating_duration_since(Instant::now());
            let mut operation = self
                .state
                .running()
                .map(|running| apps::operation_stream(running).boxed());
            let next = async {
                match operation.as_mut() {
                    Some(operation) => tokio::select! {
                        Some(message) = operation.next() => Some(message),
                        message = self.watch.next() => message,
                    },
                    None => self.watch.next().await,
                }
            };
            let message = match tokio::time::timeout(left, next).await {
                Ok(Some(message)) => message,
                Ok(None) => panic!("the subscriptions ended waiting for {what}"),
                Err(_) => panic!(
                    "{what}: not within {WAIT:?}; the page has {:#?}",
                    self.state
                ),
            };
            drop(operation);
            self.send(message).await;
            if self.state.run.is_busy() {
                self.percents.push(self.state.run.percent());
            }
        }
    }

    async fn installed_on_page(&mut self, what: &str, ids: &[(InstallationKind, &str)]) {
        let wanted: Vec<(InstallationKind, String)> = ids
            .iter()
            .map(|(kind, id)| (*kind, (*id).to_owned()))
            .collect();
        self.until(what, |state| {
            state.snapshot().is_some_and(|snapshot| {
                snapshot
                    .apps
                    .iter()
                    .map(|app| (app.app.installation, app.app.id.clone()))
                    .collect::<Vec<_>>()
                    == wanted
            })
        })
        .await;
    }

    /// Searches, and opens the details of `offer`.
    async fn search_and_select(&mut self, query: &str, offer: &Offer) {
        self.send(Message::Search(apps::search::Message::QueryChanged(
            query.to_owned(),
        )))
        .await;
        self.send(Message::Search(apps::search::Message::Search))
            .await;
        assert!(!self.state.search.searching);
        self.send(Message::Search(apps::search::Message::Select(
            offer.clone(),
        )))
        .await;
    }

    /// Runs the change asked for to its end.
    async fn change_to_end(&mut self) {
        self.until("the change to end", |state| {
            !state.run.is_busy() && !state.ended.is_empty()
        })
        .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn install_shows_the_permissions_first_then_progress_and_flatpak_list_agrees() {
    let _locale = hold_locale("en-US");
    let mut lab = lab("unix:path=/nonexistent");
    lab.installed_on_page("no apps yet", &[]).await;
    let enter = lab.state.enter();
    lab.settle(enter).await;
    assert!(matches!(lab.state.updates, Updates::Known(ref u) if u.is_empty()));

    let offer = Offer {
        remote: REMOTE.to_owned(),
        app: rich(&lab.bed, InstallationKind::User),
    };
    lab.search_and_select("rich", &offer).await;
    // The details, with what it asks for, before anything is installed.
    let details = lab
        .state
        .search
        .selected_app()
        .expect("the details")
        .clone();
    assert_eq!(details.name, RICH_NAME);
    assert!(details.download_size > 0);
    let lines = permission_lines(&details.permissions);
    for expected in [
        fl!("apps-perm-shared", word = "network"),
        fl!("apps-perm-socket", word = "wayland"),
        fl!("apps-perm-socket", word = "pulseaudio"),
        fl!("apps-perm-filesystem", path = "xdg-download"),
        fl!(
            "apps-perm-session-bus",
            name = "org.freedesktop.Notifications"
        ),
    ] {
        assert!(lines.contains(&expected), "{expected} in {lines:?}");
    }
    assert!(lab.bed.installed_apps("--user").unwrap().is_empty());

    // Install: the change runs with its progress, then the list follows.
    let outcome = lab
        .state
        .update(Message::Search(apps::search::Message::Install(offer)));
    assert!(matches!(
        outcome.request.as_ref().map(|r| &r.work),
        Some(Work::Run { .. })
    ));
    lab.settle(outcome).await;
    assert!(matches!(lab.state.run, Run::Active { .. }));
    lab.change_to_end().await;
    let ended = &lab.state.ended[0];
    assert_eq!(ended.result, Ok(()), "{:?}", lab.state.ended);
    assert!(
        lab.percents.iter().any(|percent| *percent > 0),
        "the bar moved: {:?}",
        lab.percents
    );
    assert_eq!(lab.bed.installed_apps("--user").unwrap(), vec![RICH_ID]);
    lab.installed_on_page("the app installed", &[(InstallationKind::User, RICH_ID)])
        .await;
    let installed = lab
        .state
        .installed_app(&rich(&lab.bed, InstallationKind::User))
        .expect("listed");
    assert_eq!(installed.version.as_deref(), Some("1.0"));
    let app = rich(&lab.bed, InstallationKind::User);
    lab.until("its data size", move |state| {
        state.data_size(&app).is_some()
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_update_to_the_wider_version_is_held_until_accepted() {
    let _locale = hold_locale("en-US");
    let mut lab = lab("unix:path=/nonexistent");
    lab.bed.install("--user", RICH_ID).unwrap();
    lab.installed_on_page("the app", &[(InstallationKind::User, RICH_ID)])
        .await;
    lab.bed.publish_rich_v2().unwrap();
    lab.send(Message::CheckUpdates).await;
    let app = rich(&lab.bed, InstallationKind::User);
    let update = lab.state.updates.for_app(&app).expect("offered").clone();
    assert!(update.widens_permissions());

    let outcome = lab.state.update(Message::Update(app.clone()));
    assert!(outcome.request.is_none(), "held: nothing runs");
    let held = &lab.state.held[0];
    let lines = permission_lines(&held.added);
    for expected in [
        fl!("apps-perm-filesystem", path = "home"),
        fl!("apps-perm-device", word = "dri"),
        fl!("apps-perm-session-bus", name = "org.freedesktop.secrets"),
    ] {
        assert!(lines.contains(&expected), "{expected} in {lines:?}");
    }
    // Still version 1 while it waits.
    let listed = lab
        .bed
        .flatpak(&["list", "--user", "--app", "--columns=application,version"])
        .unwrap();
    assert!(
        listed.contains("1.0") && !listed.contains("2.0"),
        "{listed}"
    );
    assert_eq!(
        lab.state
            .installed_app(&app)
            .and_then(|installed| installed.version.as_deref()),
        Some("1.0")
    );

    lab.send(Message::Held(apps::held::Message::Accept)).await;
    lab.change_to_end().await;
    assert_eq!(lab.state.ended[0].result, Ok(()), "{:?}", lab.state.ended);
    lab.until("version 2", |state| {
        state
            .installed_app(&app)
            .and_then(|installed| installed.version.as_deref())
            == Some("2.0")
    })
    .await;
    let after = lab.state.installed_app(&app).expect("listed");
    assert_eq!(after.commit.as_deref(), Some(update.commit.as_str()));
    assert!(
        matches!(lab.state.updates, Updates::Known(ref u) if u.is_empty()),
        "{:?}",
        lab.state.updates
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_override_set_on_the_page_is_what_flatpak_override_shows() {
    let _locale = hold_locale("en-US");
    let mut lab = lab("unix:path=/nonexistent");
    lab.bed.install("--user", RICH_ID).unwrap();
    lab.installed_on_page("the app", &[(InstallationKind::User, RICH_ID)])
        .await;
    let app = rich(&lab.bed, InstallationKind::User);
    lab.send(Message::OpenPermissions(app.clone())).await;
    let view = lab.state.permissions.as_ref().expect("open");
    assert!(view.overrides.ready().is_some(), "{:?}", view.overrides);
    // No session bus here: the portal grants are a sentence, not a hang.
    match &view.grants {
        apps::Loaded::Failed(error) => {
            assert_eq!(error_sentence(error), fl!("apps-error-permission-store"));
        }
        other => panic!("{other:?}"),
    }

    lab.send(Message::Permissions(apps::permissions::Message::Choose(
        Key::Shared(Shared::Network),
        Choice::Deny,
    )))
    .await;
    lab.send(Message::Permissions(apps::permissions::Message::Choose(
        Key::Filesystem("home".to_owned()),
        Choice::Allow,
    )))
    .await;
    lab.send(Message::Permissions(apps::permissions::Message::Choose(
        Key::Device(Device::Dri),
        Choice::Allow,
    )))
    .await;
    let view = lab.state.permissions.as_ref().expect("open");
    assert_eq!(view.write_error, None);
    let written = view.overrides.ready().expect("read back").user_app.clone();
    assert_eq!(
        written.shared.get(&Shared::Network),
        Some(&Grant::Deny),
        "{written:?}"
    );
    assert_eq!(
        written.filesystems.get("home"),
        Some(&FilesystemAccess::ReadWrite)
    );
    let shown = lab
        .bed
        .flatpak(&["override", "--user", "--show", RICH_ID])
        .unwrap();
    assert_eq!(
        Permissions::parse(&shown),
        written,
        "flatpak override --show:\n{shown}"
    );
    // And Flatpak applies it: what `flatpak info` says the app gets is what the rows say.
    let info = lab
        .bed
        .flatpak(&["info", "--user", "--show-permissions", RICH_ID])
        .unwrap();
    let flatpaks = Permissions::parse(&info).granted();
    assert!(!flatpaks.shared.contains_key(&Shared::Network), "{info}");
    let rows = view.rows().expect("rows");
    for row in &rows {
        if row.key.is_tri_state() {
            let granted = apps::merge::value_of(&flatpaks, &row.key).is_some();
            assert_eq!(granted, row.allowed(), "{:?}\n{info}", row.key);
        }
    }

    lab.send(Message::Permissions(apps::permissions::Message::Reset))
        .await;
    let shown = lab
        .bed
        .flatpak(&["override", "--user", "--show", RICH_ID])
        .unwrap();
    assert!(Permissions::parse(&shown).is_empty(), "{shown}");
    assert!(
        !lab.bed.user_dir().join("overrides").join(RICH_ID).exists(),
        "the override file is gone"
    );
}

/// A private session bus (where the bus starts the real `xdg-permission-store` on the first
/// call) and a page on it, with the rich app installed for the person and listed.
async fn with_the_store() -> (ferrum_testbed::session_bus::SessionBus, Lab) {
    let session = ferrum_testbed::session_bus::SessionBus::start().unwrap();
    let mut lab = lab(session.address());
    lab.bed.install("--user", RICH_ID).unwrap();
    lab.installed_on_page("the app", &[(InstallationKind::User, RICH_ID)])
        .await;
    (session, lab)
}

/// Portal grants live in the permission store on the session bus (a private one here, which
/// starts the real `xdg-permission-store` on the first call).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_portal_grant_appears_on_the_page_and_is_revoked() {
    let _locale = hold_locale("en-US");
    let (session, mut lab) = with_the_store().await;
    set_grant(&session, "devices", "camera");
    let app = rich(&lab.bed, InstallationKind::User);
    lab.send(Message::OpenPermissions(app)).await;
    let grants = lab
        .state
        .permissions
        .as_ref()
        .and_then(|view| view.grants.ready().cloned())
        .expect("grants read");
    let camera = grants
        .iter()
        .find(|grant| grant.permission == PortalPermission::Camera)
        .expect("the camera grant")
        .clone();
    assert!(camera.is_granted());
    assert_eq!(
        apps::grant_text(&camera),
        fl!(
            "apps-portal-state",
            permission = fl!("apps-portal", permission = "camera"),
            granted = "yes"
        )
    );
    lab.send(Message::Permissions(apps::permissions::Message::Revoke(
        camera,
    )))
    .await;
    let grants = lab
        .state
        .permissions
        .as_ref()
        .and_then(|view| view.grants.ready().cloned())
        .expect("grants read again");
    assert!(grants.is_empty(), "{grants:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removal_with_data_deletes_the_data_folder() {
    let _locale = hold_locale("en-US");
    let mut lab = lab("unix:path=/nonexistent");
    lab.bed.install("--user", RICH_ID).unwrap();
    lab.installed_on_page("the app", &[(InstallationKind::User, RICH_ID)])
        .await;
    let data = lab.bed.dir().join("home/.var/app").join(RICH_ID);
    std::fs::create_dir_all(data.join("config")).unwrap();
    std::fs::write(data.join("config/settings"), "x").unwrap();
    let app = rich(&lab.bed, InstallationKind::User);
    lab.send(Message::Remove(app.clone())).await;
    lab.send(Message::Removal(apps::remove::Message::DeleteData(true)))
        .await;
    lab.send(Message::Removal(apps::remove::Message::Confirm))
        .await;
    lab.change_to_end().await;
    assert_eq!(lab.state.ended[0].result, Ok(()), "{:?}", lab.state.ended);
    assert!(lab.bed.installed_apps("--user").unwrap().is_empty());
    assert!(!data.exists(), "the data folder is deleted");
    lab.installed_on_page("the app gone", &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_repo_whose_signature_does_not_verify_is_refused_with_a_sentence() {
    let _locale = hold_locale("en-US");
    let mut lab = lab("unix:path=/nonexistent");
    lab.installed_on_page("no apps yet", &[]).await;
    let enter = lab.state.enter();
    lab.settle(enter).await;
    lab.send(Message::Search(apps::search::Message::QueryChanged(
        "plain".to_owned(),
    )))
    .await;
    lab.send(Message::Search(apps::search::Message::Search))
        .await;
    let (_, found) = lab.state.search.found.clone().expect("searched");
    let wrong = found
        .failures
        .iter()
        .find(|failure| failure.remote.name == WRONG_KEY_REMOTE)
        .expect("the remote with the other key failed");
    assert!(wrong.error.is_signature_invalid(), "{:?}", wrong.error);
    assert_eq!(error_sentence(&wrong.error), fl!("apps-error-signature"));
    assert!(
        !found.apps.iter().any(|app| app.remote == WRONG_KEY_REMOTE),
        "nothing listed from it"
    );
    // The good remote's apps are still listed.
    assert!(found.apps.iter().any(|app| app.remote == REMOTE));

    // A .flatpakrepo file without a key is refused, with a sentence.
    let unsigned = lab.bed.dir().join("unsigned.flatpakrepo");
    std::fs::write(&unsigned, lab.bed.flatpakrepo(false).unwrap()).unwrap();
    lab.send(Message::Sources(apps::sources::Message::PathChanged(
        unsigned.display().to_string(),
    )))
    .await;
    lab.send(Message::Sources(apps::sources::Message::Add))
        .await;
    assert_eq!(
        lab.state.add_remote.error,
        Some(AddRemoteError::Apps(AppsError::Unsigned))
    );
    // A signed one is added and listed.
    let signed = lab.bed.dir().join("added.flatpakrepo");
    std::fs::write(&signed, lab.bed.flatpakrepo(true).unwrap()).unwrap();
    lab.send(Message::Sources(apps::sources::Message::PathChanged(
        signed.display().to_string(),
    )))
    .await;
    lab.send(Message::Sources(apps::sources::Message::Add))
        .await;
    assert_eq!(lab.state.add_remote.error, None);
    let remotes = lab.state.remotes.ready().expect("remotes");
    let added = remotes
        .iter()
        .find(|remote| remote.name == "added")
        .expect("listed");
    assert!(added.gpg_verify);
}

/// The PID of the permission store the session bus started (it runs in the bus's own process
/// group, which the test started), asked of the bus itself.
fn store_pid(session: &ferrum_testbed::session_bus::SessionBus) -> u32 {
    let output = session
        .busctl()
        .args([
            "call",
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "GetConnectionUnixProcessID",
            "s",
            PERMISSION_STORE_BUS_NAME,
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    text.trim()
        .strip_prefix("u ")
        .and_then(|pid| pid.parse().ok())
        .unwrap_or_else(|| {
            panic!(
                "the store's PID: {text}{}",
                String::from_utf8_lossy(&output.stderr)
            )
        })
}

/// Sends `signal` (`-KILL`, `-STOP`, `-CONT`) to the one process `pid`.
fn signal(pid: u32, signal: &str) {
    let status = std::process::Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill {signal} {pid}");
}

/// Waits until `pid` is gone (the bus reaps what it activated).
fn until_gone(pid: u32) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::path::Path::new(&format!("/proc/{pid}/stat")).exists()
        && std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|stat| !stat.contains(") Z "))
    {
        assert!(Instant::now() < deadline, "{pid} still runs");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Writes a grant straight into the store (`busctl`, as a portal would).
fn set_grant(session: &ferrum_testbed::session_bus::SessionBus, table: &str, id: &str) {
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
            RICH_ID,
            "1",
            "yes",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

impl Lab {
    fn grants(&self) -> apps::Loaded<Vec<ferrum_services::apps::PortalGrant>> {
        self.state
            .permissions
            .as_ref()
            .expect("the permissions are open")
            .grants
            .clone()
    }

    /// Runs what `message` asks for while `meanwhile` (a blocking step: a signal) happens
    /// `after` the request went out; returns how long the request took.
    async fn send_while(
        &mut self,
        message: Message,
        after: Duration,
        meanwhile: impl FnOnce(),
    ) -> Duration {
        let mut outcome = self.state.update(message);
        let request = outcome.request.take().expect("a request");
        let started = Instant::now();
        let (answer, ()) = tokio::join!(
            tokio::time::timeout(WAIT, request.run(self.bus.clone())),
            async {
                tokio::time::sleep(after).await;
                meanwhile();
            }
        );
        let took = started.elapsed();
        let outcome = self.state.update(answer.expect("the request answers"));
        self.settle(outcome).await;
        took
    }
}

/// The permission store going away is survived. The store here is the real
/// `xdg-permission-store`, started by the private session bus on the first call (D-Bus
/// activation, as in a session); it is stopped and killed by the PID the bus reports.
///
/// - Killed while idle: the next read starts it again (the bus activates it) and the grants,
///   kept in its database, are read; the person sees nothing.
/// - Killed while a revoke waits for it: the revoke is refused with a sentence at once, the
///   grants stay listed as read, and the store (started again) still has the grant — nothing
///   was half-done. Try again reads the grants anew, and a revoke then works.
/// - Hung (SIGSTOP) while the permissions are opened: the read ends within
///   `PERMISSION_STORE_TIMEOUT` with a sentence, never a "Loading…" for good; after SIGCONT,
///   Try again reads the grants.
///
/// What a person expects once the store is back: the store is started on demand, so nothing
/// announces its return; the page reads again when asked (Try again, or opening the
/// permissions again), and both are tested.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_permission_store_killed_or_hung_is_survived() {
    let _locale = hold_locale("en-US");
    let (session, mut lab) = with_the_store().await;
    set_grant(&session, "devices", "camera");
    set_grant(&session, "notifications", "notification");
    let app = rich(&lab.bed, InstallationKind::User);
    let granted = |grants: &[ferrum_services::apps::PortalGrant]| {
        grants
            .iter()
            .map(|grant| grant.permission.clone())
            .collect::<Vec<_>>()
    };
    let both = vec![PortalPermission::Notifications, PortalPermission::Camera];

    // Killed while idle: opening the permissions starts it again.
    let first = store_pid(&session);
    signal(first, "-KILL");
    until_gone(first);
    lab.send(Message::OpenPermissions(app.clone())).await;
    let grants = lab
        .grants()
        .ready()
        .cloned()
        .expect("read from a new store");
    assert_eq!(granted(&grants), both);
    let second = store_pid(&session);
    assert_ne!(first, second, "started again by the bus");

    // Killed while a revoke waits for it (stopped first, so the revoke is queued, unread).
    let camera = grants
        .iter()
        .find(|grant| grant.permission == PortalPermission::Camera)
        .unwrap()
        .clone();
    signal(second, "-STOP");
    let took = lab
        .send_while(
            Message::Permissions(apps::permissions::Message::Revoke(camera.clone())),
            Duration::from_millis(1500),
            || signal(second, "-KILL"),
        )
        .await;
    assert!(
        took < Duration::from_secs(4),
        "refused at once, took {took:?}"
    );
    until_gone(second);
    let view = lab.state.permissions.as_ref().expect("open");
    let error = view.revoke_error.clone().expect("the revoke was refused");
    assert!(
        matches!(error, AppsError::PermissionStoreUnavailable { .. }),
        "{error:?}"
    );
    assert_eq!(error_sentence(&error), fl!("apps-error-permission-store"));
    assert!(!view.revoking);
    assert_eq!(granted(view.grants.ready().expect("kept")), both);
    // Nothing half-done: the store, started again, still keeps the camera grant.
    let lookup = session
        .busctl()
        .args([
            "call",
            PERMISSION_STORE_BUS_NAME,
            "/org/freedesktop/impl/portal/PermissionStore",
            "org.freedesktop.impl.portal.PermissionStore",
            "Lookup",
            "ss",
            "devices",
            "camera",
        ])
        .output()
        .unwrap();
    let lookup = String::from_utf8_lossy(&lookup.stdout);
    assert!(
        lookup.contains(RICH_ID),
        "the grant is still kept: {lookup}"
    );
    // Try again reads them anew (the sentence goes), and the revoke now works.
    lab.send(Message::Permissions(
        apps::permissions::Message::RetryGrants,
    ))
    .await;
    assert_eq!(lab.state.permissions.as_ref().unwrap().revoke_error, None);
    assert_eq!(granted(lab.grants().ready().expect("read again")), both);
    lab.send(Message::Permissions(apps::permissions::Message::Revoke(
        camera,
    )))
    .await;
    assert_eq!(
        granted(lab.grants().ready().expect("read after the revoke")),
        vec![PortalPermission::Notifications]
    );

    // Hung while the permissions are opened: a sentence within the bound, not "Loading…".
    let third = store_pid(&session);
    lab.send(Message::Permissions(apps::permissions::Message::Close))
        .await;
    signal(third, "-STOP");
    let started = Instant::now();
    lab.send(Message::OpenPermissions(app.clone())).await;
    let took = started.elapsed();
    assert!(
        took < ferrum_services::apps::PERMISSION_STORE_TIMEOUT + Duration::from_secs(3),
        "took {took:?}"
    );
    match lab.grants() {
        apps::Loaded::Failed(error) => {
            assert!(
                matches!(error, AppsError::PermissionStoreTimedOut { .. }),
                "{error:?}"
            );
            assert_eq!(
                error_sentence(&error),
                fl!("apps-error-permission-store-hung")
            );
        }
        other => panic!("{other:?}"),
    }
    // The rest of the view does not wait for the store.
    assert!(
        lab.state
            .permissions
            .as_ref()
            .unwrap()
            .overrides
            .ready()
            .is_some()
    );
    signal(third, "-CONT");
    lab.send(Message::Permissions(
        apps::permissions::Message::RetryGrants,
    ))
    .await;
    assert_eq!(
        granted(lab.grants().ready().expect("read after SIGCONT")),
        vec![PortalPermission::Notifications]
    );
    assert_eq!(store_pid(&session), third, "the same store, woken");
}

/// The user the system-installation changes run as (`nobody`): root's libflatpak writes a
/// system installation itself, another user's asks Flatpak's system helper.
const NOBODY: u32 = 65534;

/// How the page, run as `nobody` (`tests/src/bin/apps-page-as-user.rs`), ended installing
/// `id` into the bed's system installation through the helper on `system_bus`: the typed
/// result and the sentence shown, with the program's whole output for failures.
async fn install_as_nobody(bed: &AppsBed, system_bus: &str, id: &str) -> (String, String, String) {
    let mut command = nobodys_page(bed, system_bus, &[id]);
    let output = tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap();
    said(bed, &output)
}

/// Runs the page as `nobody` to install `id`, calls `meanwhile` once the app's details are
/// shown, then lets it press Install and, 3 s later, Cancel; how that ended, as
/// [`install_as_nobody`] says it.
async fn cancel_as_nobody(
    bed: &AppsBed,
    system_bus: &str,
    id: &str,
    meanwhile: impl FnOnce() + Send + 'static,
) -> (String, String, String) {
    use std::io::{BufRead as _, Write as _};
    let mut command = nobodys_page(bed, system_bus, &[id, "3"]);
    let output = tokio::task::spawn_blocking(move || {
        let mut child = command
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut before = String::new();
        loop {
            let mut line = String::new();
            if stdout.read_line(&mut line).unwrap() == 0 || line.trim() == "DETAILS" {
                before.push_str(&line);
                break;
            }
            before.push_str(&line);
        }
        meanwhile();
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, "go on").unwrap();
        drop(stdin);
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
        let mut output = child.wait_with_output().unwrap();
        output.stdout = format!("{before}{rest}").into_bytes();
        output
    })
    .await
    .unwrap();
    said(bed, &output)
}

/// The `nobody` program's command: the page on the bed's installations, `args` after them.
fn nobodys_page(bed: &AppsBed, system_bus: &str, args: &[&str]) -> std::process::Command {
    use std::os::unix::process::CommandExt as _;
    let home = bed.dir().join("nobody");
    std::fs::create_dir_all(&home).unwrap();
    std::os::unix::fs::chown(&home, Some(NOBODY), Some(NOBODY)).unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_apps-page-as-user"));
    command
        .arg(home.join("user"))
        .arg(bed.system_dir())
        .args(args)
        .env("DBUS_SYSTEM_BUS_ADDRESS", system_bus)
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("FLATPAK_USER_DIR")
        .env_remove("FLATPAK_SYSTEM_DIR")
        .uid(NOBODY)
        .gid(NOBODY)
        .current_dir("/")
        .stdin(std::process::Stdio::null());
    command
}

/// The typed result and the sentence the program printed, with all it and the helper said.
fn said(bed: &AppsBed, output: &std::process::Output) -> (String, String, String) {
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let all = format!(
        "{stdout}\n{}\nhelper:\n{}",
        String::from_utf8_lossy(&output.stderr),
        std::fs::read_to_string(bed.dir().join("system-helper.log")).unwrap_or_default()
    );
    assert!(output.status.success(), "{all}");
    let field = |name: &str| {
        stdout
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .unwrap_or_default()
            .to_owned()
    };
    (field("RESULT="), field("ENDED="), all)
}

/// The child repositories libflatpak run as `nobody` leaves in `/var/tmp` (a path Flatpak
/// hard-codes for a system installation's pulls when the helper cannot serve it a folder):
/// those that appeared while the guard lived are removed when it drops (only `nobody`'s, only
/// new ones), so the tests leave nothing on the machine.
struct NobodysCaches(std::collections::HashSet<std::path::PathBuf>);

impl NobodysCaches {
    fn now() -> std::collections::HashSet<std::path::PathBuf> {
        use std::os::unix::fs::MetadataExt as _;
        std::fs::read_dir("/var/tmp")
            .into_iter()
            .flatten()
            .flatten()
            .filter(|entry| {
                entry
                    .file_name()
                    .to_string_lossy()
                    .starts_with("flatpak-cache-")
            })
            .filter(|entry| {
                std::fs::symlink_metadata(entry.path()).is_ok_and(|meta| meta.uid() == NOBODY)
            })
            .map(|entry| entry.path())
            .collect()
    }
}

impl Drop for NobodysCaches {
    fn drop(&mut self) {
        for path in Self::now().difference(&self.0) {
            if let Err(error) = std::fs::remove_dir_all(path) {
                eprintln!("could not remove {}: {error}", path.display());
            }
        }
    }
}

/// Whether `ended` is the page's sentence for an install of `name` (or, without the
/// system remote's AppStream data, of `id`) that failed because the helper was gone.
fn said_helper_gone(ended: &str, name: &str, id: &str) -> bool {
    [name, id].into_iter().any(|app| {
        ended
            == format!(
                "{} {}",
                fl!("apps-ended-failed", kind = "install", app = app),
                fl!("apps-error-system-helper")
            )
    })
}

/// Flatpak's system helper going away is survived. The page runs as `nobody` (a program of
/// its own), so its libflatpak changes the system installation through the real
/// `flatpak-system-helper` on the bed's private system bus, which asks the bed's polkit (told
/// to allow). The helper is killed by the PID the bed started it with:
///
/// - before the change: the install ends with a sentence saying the system service is not
///   running, and nothing is installed;
/// - while the change runs (the download, slowed down, under way): the same, and `flatpak
///   list --system` lists nothing, no deployment is left;
/// - stopped (hung) before the search: the search goes on once the AppStream update's bound
///   (20 s) has passed, the change waits, the page's Cancel ends it, and nothing is installed;
/// - started again (or woken): the next install works and `flatpak list --system` agrees.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_system_helper_killed_is_said_and_nothing_is_half_installed() {
    let _locale = hold_locale("en-US");
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_test_writer()
        .try_init();
    let _caches = NobodysCaches(NobodysCaches::now());
    let bus = ferrum_testbed::TestBed::start(&[ferrum_testbed::Service::Polkit])
        .expect("the bus bed starts");
    bus.set_polkit_allowed(true, &[]).unwrap();
    let address = bus.system_bus_address().to_owned();
    let mut bed = AppsBed::start().expect("the apps bed starts");
    bed.start_system_helper(&address).unwrap();

    // Gone before the change.
    let helper = bed.system_helper_pid().expect("the helper runs");
    signal(helper, "-KILL");
    until_gone(helper);
    let (result, ended, all) = install_as_nobody(&bed, &address, PLAIN_ID).await;
    println!("helper gone before: {result}\n{ended}");
    assert!(result.starts_with("Err(SystemHelperUnavailable"), "{all}");
    assert!(said_helper_gone(&ended, PLAIN_NAME, PLAIN_ID), "{all}");
    assert!(bed.installed_apps("--system").unwrap().is_empty());

    // Killed while the change runs: the download (slowed) is under way.
    bed.start_system_helper(&address).unwrap();
    let helper = bed.system_helper_pid().expect("the helper runs again");
    bed.set_throttle(Some(256 * 1024));
    let served = bed.requests_served();
    let (answer, ()) = tokio::join!(install_as_nobody(&bed, &address, RICH_ID), async {
        let deadline = Instant::now() + WAIT;
        while bed.requests_served() < served + 8 {
            assert!(Instant::now() < deadline, "the download did not start");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        signal(helper, "-KILL");
    });
    let (result, ended, all) = answer;
    println!("helper killed during the change: {result}\n{ended}");
    assert!(result.starts_with("Err(SystemHelperUnavailable"), "{all}");
    assert!(said_helper_gone(&ended, RICH_NAME, RICH_ID), "{all}");
    assert!(bed.installed_apps("--system").unwrap().is_empty());
    assert!(
        !bed.system_dir().join("app").join(RICH_ID).exists(),
        "no deployment of it is left"
    );
    println!(
        "flatpak list --system after the kill:\n{}",
        bed.flatpak(&["list", "--system", "--columns=ref"]).unwrap()
    );

    // Hung (stopped) before the search: the search goes on without bringing the AppStream
    // catalogue up to date (the helper deploys it) once its bound has passed, the change then
    // waits for the helper, and the page's Cancel ends it with nothing installed.
    bed.set_throttle(None);
    bed.start_system_helper(&address).unwrap();
    let helper = bed.system_helper_pid().expect("the helper runs again");
    signal(helper, "-STOP");
    let started = Instant::now();
    let (result, ended, all) = cancel_as_nobody(&bed, &address, RICH_ID, || {}).await;
    let took = started.elapsed();
    println!("helper stopped, Cancel 3 s after Install: {result} after {took:?}\n{ended}");
    assert_eq!(result, "Err(Cancelled)", "{all}");
    assert!(took < Duration::from_secs(45), "{took:?}\n{all}");
    assert!(
        [RICH_NAME, RICH_ID]
            .into_iter()
            .any(|app| ended == fl!("apps-ended-cancelled", kind = "install", app = app)),
        "{all}"
    );
    assert!(bed.installed_apps("--system").unwrap().is_empty());
    signal(helper, "-CONT");

    // Back: the next attempt works.
    let (result, ended, all) = install_as_nobody(&bed, &address, RICH_ID).await;
    assert_eq!(result, "Ok(())", "{all}");
    assert!(
        [RICH_NAME, RICH_ID]
            .into_iter()
            .any(|app| ended == fl!("apps-ended-done", kind = "install", app = app)),
        "{all}"
    );
    assert_eq!(bed.installed_apps("--system").unwrap(), vec![RICH_ID]);
}

/// Runs `bash -c 'echo > /dev/tcp/127.0.0.1/<port>'` in the app's sandbox with `flatpak run`
/// (the bed's installations, home and runtime folder; no session bus, no display); whether
/// the connection was made, with what the command said.
fn reaches(bed: &AppsBed, port: u16) -> (bool, String) {
    let output = bed
        .command("flatpak")
        .args([
            "run",
            "--user",
            "--command=bash",
            RICH_ID,
            "-c",
            &format!("echo > /dev/tcp/127.0.0.1/{port} && echo REACHED"),
        ])
        .env("HOME", bed.dir().join("home"))
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (said.contains("REACHED"), said)
}

/// A per-app override set on the page is what `flatpak run` applies: the app asks for the
/// network, and reaches a socket on 127.0.0.1; with Network set to Deny on the page it runs
/// without (its own network namespace) and cannot; back to the app's default, it can again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn network_off_on_the_page_is_what_flatpak_run_applies() {
    let _locale = hold_locale("en-US");
    let mut lab = lab("unix:path=/nonexistent");
    lab.bed.install("--user", RICH_ID).unwrap();
    lab.bed.give_the_runtime_a_shell().unwrap();
    std::fs::create_dir_all(lab.bed.dir().join("home")).unwrap();
    lab.installed_on_page("the app", &[(InstallationKind::User, RICH_ID)])
        .await;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();

    let (reached, said) = reaches(&lab.bed, port);
    assert!(reached, "with the app's own network: {said}");

    let app = rich(&lab.bed, InstallationKind::User);
    lab.send(Message::OpenPermissions(app)).await;
    lab.send(Message::Permissions(apps::permissions::Message::Choose(
        Key::Shared(Shared::Network),
        Choice::Deny,
    )))
    .await;
    assert_eq!(lab.state.permissions.as_ref().unwrap().write_error, None);
    let (reached, said) = reaches(&lab.bed, port);
    assert!(!reached, "network denied on the page: {said}");
    assert!(
        said.contains("Connection refused") || said.contains("Network is unreachable"),
        "{said}"
    );

    lab.send(Message::Permissions(apps::permissions::Message::Choose(
        Key::Shared(Shared::Network),
        Choice::Default,
    )))
    .await;
    let (reached, said) = reaches(&lab.bed, port);
    assert!(reached, "back to the app's default: {said}");
}

/// The user installation's apps as `flatpak list --user --app` shows them, for the
/// installation at `user_dir`.
fn listed_at(bed: &AppsBed, user_dir: &std::path::Path) -> String {
    let output = bed
        .command("flatpak")
        .env("FLATPAK_USER_DIR", user_dir)
        .args([
            "list",
            "--user",
            "--app",
            "--columns=application,version,active",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The deploys of [`RICH_ID`] in the installation at `user_dir` (`app/<id>/<arch>/stable/`:
/// one folder per deployed commit, and `active`).
fn deploys_at(bed: &AppsBed, user_dir: &std::path::Path) -> Vec<String> {
    let folder = user_dir
        .join("app")
        .join(RICH_ID)
        .join(bed.arch())
        .join(BRANCH);
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The bytes under `folder` (files only).
fn bytes_under(folder: &std::path::Path) -> u64 {
    let mut total = 0;
    let mut folders = vec![folder.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
            let metadata = entry.metadata().unwrap();
            if metadata.is_dir() {
                folders.push(entry.path());
            } else {
                total += metadata.len();
            }
        }
    }
    total
}

/// How much Flatpak keeps free on the filesystem of a user installation: `flatpak remote-add
/// --user` writes `min-free-space-size=500MB` into the installation's repo config (checked
/// below), and ostree, which reads that MB as MiB, refuses a pull that would leave less (seen:
/// a 3.5 MiB runtime installs on a tmpfs of 500 MiB + 6000 KiB, and not on one of 500 MB +
/// 6000 KiB).
const FLATPAK_RESERVE_KIB: u64 = 500 * 1024;
/// The room above that reserve on the small filesystem: the bed's runtime and one version of
/// the rich app (3 MiB of payload) fit, not a second version beside the first.
const ROOM_KIB: u64 = 5 * 1024;
/// What a filler file takes of that room while the first install is tried.
const FILLER_BYTES: usize = 3 * 1024 * 1024;
/// The variable through which the test tells its child the mount namespace it must not be in.
const HOST_MOUNT_NS: &str = "FERRUM_APPS_HOST_MOUNT_NS";

/// A user installation on a filesystem too small for the app: installing it, and later
/// updating it, fails as "not enough disk space" — a translated sentence on the page, the
/// service's typed `NoSpace` — and nothing of the app is left half-installed (not listed, no
/// deploy of it, no ref of it in the repo, none of its 3 MiB pulled), the version installed
/// before an update stays. The filesystem is a tmpfs of 500 MiB + 5 MiB (most of it Flatpak's
/// own reserve) mounted in a mount namespace of the test's own: the test runs itself again
/// under `unshare --mount --propagation private`, and the tmpfs goes with that process.
#[test]
fn a_full_disk_is_said_and_nothing_is_half_installed() {
    in_a_mount_namespace_of_its_own(full_disk_in_a_mount_namespace_of_its_own);
}

/// In the test's child (the same test run again under `unshare --mount --propagation
/// private`, so what it mounts goes with it): runs `body` on a runtime of its own. In the
/// test: starts that child and asserts its test passed.
fn in_a_mount_namespace_of_its_own<F: Future<Output = ()>>(body: fn() -> F) {
    if child::is_child() {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap()
            .block_on(body());
        return;
    }
    let name = child::current_test().expect("a test thread");
    let host = std::fs::read_link("/proc/self/ns/mnt").unwrap();
    let output = std::process::Command::new("/usr/bin/unshare")
        .args(["--mount", "--propagation", "private", "--"])
        .arg(std::env::current_exe().unwrap())
        .args([name.as_str(), "--exact", "--nocapture", "--test-threads=1"])
        .env(child::CHILD_VAR, "1")
        .env(HOST_MOUNT_NS, host)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "the test in its namespace: {said}");
    assert!(said.contains("1 passed"), "{said}");
}

/// Asserts this process is not in the mount namespace the test started in.
fn assert_in_a_mount_namespace_of_its_own() {
    let host = std::env::var_os(HOST_MOUNT_NS).expect("started by the test");
    assert_ne!(
        std::fs::read_link("/proc/self/ns/mnt").unwrap().as_os_str(),
        host,
        "only ever mounted in a mount namespace of the test's own"
    );
}

/// A tmpfs of a given size on a folder of its own, in this process's mount namespace; unmounted
/// (lazily: the service's threads may still hold files there) and its folder removed on drop.
/// Declared before the lab, so it outlives the page and the service using it.
struct SmallFilesystem(Option<tempfile::TempDir>);

impl SmallFilesystem {
    fn mount(kib: u64) -> Self {
        let folder = tempfile::Builder::new()
            .prefix("ferrum-apps-small-")
            .tempdir()
            .unwrap();
        let mounted = std::process::Command::new("/usr/bin/mount")
            .args(["-t", "tmpfs", "-o"])
            .arg(format!("size={kib}k,mode=0700"))
            .arg("ferrum-apps-small")
            .arg(folder.path())
            .output()
            .unwrap();
        assert!(mounted.status.success(), "{mounted:?}");
        Self(Some(folder))
    }

    fn path(&self) -> &std::path::Path {
        self.0.as_ref().unwrap().path()
    }
}

impl Drop for SmallFilesystem {
    fn drop(&mut self) {
        if let Some(folder) = self.0.take() {
            let _ = std::process::Command::new("/usr/bin/umount")
                .arg("--lazy")
                .arg(folder.path())
                .status();
            drop(folder);
        }
    }
}

async fn full_disk_in_a_mount_namespace_of_its_own() {
    let _locale = hold_locale("en-US");
    assert_in_a_mount_namespace_of_its_own();
    let bed = AppsBed::start().expect("the apps bed starts");
    let small = SmallFilesystem::mount(FLATPAK_RESERVE_KIB + ROOM_KIB);
    let tiny = small.path().to_path_buf();
    bed.add_remote_to_user_installation(&tiny).unwrap();
    let config = std::fs::read_to_string(tiny.join("repo/config")).unwrap();
    assert!(config.contains("min-free-space-size=500MB"), "{config}");
    let filler = tiny.join("filler");
    std::fs::write(&filler, vec![1_u8; FILLER_BYTES]).unwrap();
    let installations = Installations::at(&tiny, bed.system_dir(), bed.dir().join("home"));
    let mut lab = lab_on(bed, installations, "unix:path=/nonexistent");
    lab.installed_on_page("no apps yet", &[]).await;
    let enter = lab.state.enter();
    lab.settle(enter).await;
    let app = rich(&lab.bed, InstallationKind::User);
    let offer = Offer {
        remote: REMOTE.to_owned(),
        app: app.clone(),
    };

    // Installing: refused for lack of space, said in a sentence; nothing of the app stays.
    lab.search_and_select("rich", &offer).await;
    lab.send(Message::Search(apps::search::Message::Install(
        offer.clone(),
    )))
    .await;
    lab.change_to_end().await;
    let ended = lab.state.ended[0].clone();
    assert_eq!(ended.result, Err(AppsError::NoSpace), "{ended:?}");
    assert_eq!(
        ended_text(&ended),
        format!(
            "{} {}",
            fl!("apps-ended-failed", kind = "install", app = RICH_NAME),
            fl!("apps-error-no-space")
        )
    );
    assert!(!listed_at(&lab.bed, &tiny).contains(RICH_ID));
    assert!(!tiny.join("app").join(RICH_ID).exists(), "no deploy");
    let app_ref = tiny
        .join("repo/refs/remotes")
        .join(REMOTE)
        .join(lab.bed.app_ref(RICH_ID));
    assert!(!app_ref.exists(), "no ref of the app in the repo");
    let pulled = bytes_under(&tiny.join("repo/objects"));
    assert!(
        pulled < ferrum_testbed::apps::RICH_PAYLOAD_BYTES as u64 / 4,
        "none of the app's payload pulled: {pulled} bytes of objects"
    );
    assert!(lab.state.snapshot().unwrap().apps.is_empty());
    eprintln!("objects after the refused install: {pulled} bytes");
    lab.send(Message::EndedDismissed).await;

    // With the room back, the same install goes through.
    std::fs::remove_file(&filler).unwrap();
    lab.search_and_select("rich", &offer).await;
    lab.send(Message::Search(apps::search::Message::Install(offer)))
        .await;
    lab.change_to_end().await;
    assert_eq!(lab.state.ended[0].result, Ok(()), "{:?}", lab.state.ended);
    lab.installed_on_page("the app installed", &[(InstallationKind::User, RICH_ID)])
        .await;
    lab.send(Message::EndedDismissed).await;
    let listed = listed_at(&lab.bed, &tiny);
    let deployed = deploys_at(&lab.bed, &tiny);
    assert_eq!(deployed.len(), 2, "active and one commit: {deployed:?}");

    // Updating to a second 3 MiB version: refused the same way; version 1 stays, whole.
    let objects = bytes_under(&tiny.join("repo/objects"));
    lab.bed.publish_rich_v2().unwrap();
    lab.send(Message::CheckUpdates).await;
    assert!(lab.state.updates.for_app(&app).is_some(), "offered");
    let _ = lab.state.update(Message::Update(app.clone()));
    lab.send(Message::Held(apps::held::Message::Accept)).await;
    lab.change_to_end().await;
    let ended = lab.state.ended[0].clone();
    assert_eq!(ended.result, Err(AppsError::NoSpace), "{ended:?}");
    assert_eq!(
        ended_text(&ended),
        format!(
            "{} {}",
            fl!("apps-ended-failed", kind = "update", app = RICH_NAME),
            fl!("apps-error-no-space")
        )
    );
    assert_eq!(listed_at(&lab.bed, &tiny), listed, "still version 1");
    assert!(listed.contains("1.0"), "{listed}");
    assert_eq!(deploys_at(&lab.bed, &tiny), deployed, "no second deploy");
    let pulled = bytes_under(&tiny.join("repo/objects")) - objects;
    assert!(
        pulled < ferrum_testbed::apps::RICH_PAYLOAD_BYTES as u64 / 4,
        "none of version 2's payload pulled: {pulled} bytes more objects"
    );
    eprintln!("objects: {objects} bytes with version 1, {pulled} more after the refused update");
    assert_eq!(
        lab.state
            .installed_app(&app)
            .and_then(|installed| installed.version.as_deref()),
        Some("1.0")
    );
}

/// `flatpak ps --columns=application,commit` in the bed.
fn ps(bed: &AppsBed) -> String {
    bed.flatpak(&["ps", "--columns=application,commit"])
        .unwrap()
}

/// Flatpak 1.14 updates and removes an app while it runs: the instance keeps the deploy it
/// started from (moved to the installation's `.removed/`), the installation has the new
/// version, or none. The page says so when the change ends — the update takes effect when the
/// app is opened again; removed, it runs until closed — from what `flatpak run` recorded in
/// the runtime folder; an app that does not run gets the plain sentence.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn updating_or_removing_a_running_app_says_it_takes_effect_once_closed() {
    let _locale = hold_locale("en-US");
    let mut lab = lab("unix:path=/nonexistent");
    lab.bed.install("--user", RICH_ID).unwrap();
    lab.bed.give_the_runtime_a_shell().unwrap();
    lab.installed_on_page("the app", &[(InstallationKind::User, RICH_ID)])
        .await;
    let app = rich(&lab.bed, InstallationKind::User);
    let version_1 = lab
        .state
        .installed_app(&app)
        .unwrap()
        .commit
        .clone()
        .unwrap();
    let mut running = lab.bed.start_app(RICH_ID).unwrap();

    lab.bed.publish_rich_v2().unwrap();
    lab.send(Message::CheckUpdates).await;
    let _ = lab.state.update(Message::Update(app.clone()));
    lab.send(Message::Held(apps::held::Message::Accept)).await;
    lab.change_to_end().await;
    let ended = lab.state.ended[0].clone();
    assert_eq!(ended.result, Ok(()), "{ended:?}");
    assert!(ended.still_running);
    assert_eq!(
        ended_text(&ended),
        format!(
            "{} {}",
            fl!("apps-ended-done", kind = "update", app = RICH_NAME),
            fl!("apps-ended-update-running", app = RICH_NAME)
        )
    );
    // Flatpak's view: version 2 installed, the instance still on version 1's files.
    let version_2 = lab
        .bed
        .flatpak(&["info", "--user", "--show-commit", RICH_ID])
        .unwrap()
        .trim()
        .to_owned();
    assert_ne!(version_2, version_1);
    let listed = ps(&lab.bed);
    assert!(
        listed.contains(&version_1[..12]) && !listed.contains(&version_2[..12]),
        "{listed}"
    );
    assert!(
        lab.bed
            .user_dir()
            .join(".removed")
            .join(format!("{RICH_ID}-{version_1}"))
            .is_dir(),
        "the old deploy kept while it runs"
    );
    lab.send(Message::EndedDismissed).await;

    lab.send(Message::Remove(app.clone())).await;
    lab.send(Message::Removal(apps::remove::Message::Confirm))
        .await;
    lab.change_to_end().await;
    let ended = lab.state.ended[0].clone();
    assert_eq!(ended.result, Ok(()), "{ended:?}");
    assert_eq!(
        ended_text(&ended),
        format!(
            "{} {}",
            fl!("apps-ended-done", kind = "remove", app = RICH_NAME),
            fl!("apps-ended-remove-running", app = RICH_NAME)
        )
    );
    assert!(lab.bed.installed_apps("--user").unwrap().is_empty());
    assert!(ps(&lab.bed).contains(RICH_ID), "still running");
    lab.send(Message::EndedDismissed).await;

    // Closed: gone from flatpak ps; installed again and removed, the plain sentence, and
    // nothing left of the deploys kept while it ran.
    assert!(running.close().unwrap().success());
    let deadline = Instant::now() + WAIT;
    while ps(&lab.bed).contains(RICH_ID) {
        assert!(Instant::now() < deadline, "flatpak ps lists the app closed");
        std::thread::sleep(Duration::from_millis(50));
    }
    lab.bed.install("--user", RICH_ID).unwrap();
    lab.installed_on_page("installed again", &[(InstallationKind::User, RICH_ID)])
        .await;
    lab.send(Message::Remove(app)).await;
    lab.send(Message::Removal(apps::remove::Message::Confirm))
        .await;
    lab.change_to_end().await;
    let ended = lab.state.ended[0].clone();
    assert_eq!(ended.result, Ok(()), "{ended:?}");
    assert!(!ended.still_running);
    assert_eq!(
        ended_text(&ended),
        fl!("apps-ended-done", kind = "remove", app = RICH_NAME)
    );
    let removed: Vec<_> = std::fs::read_dir(lab.bed.user_dir().join(".removed"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.file_name())
        .collect();
    // Flatpak deleted the old deploys it kept while the app ran, once it was closed.
    assert!(removed.is_empty(), "left in .removed: {removed:?}");
}

/// Fills the filesystem of `folder` to the last byte with `<folder>/filler`; how many bytes
/// that took.
fn fill(folder: &std::path::Path) -> u64 {
    use std::io::Write as _;
    let mut file = std::fs::File::create(folder.join("filler")).unwrap();
    let chunk = vec![1_u8; 64 * 1024];
    let mut written = 0;
    loop {
        match file.write(&chunk) {
            Ok(0) => break,
            Ok(bytes) => written += bytes as u64,
            Err(error) if error.raw_os_error() == Some(28) => break,
            Err(error) => panic!("filling: {error}"),
        }
    }
    written
}

/// The disk filled up by something else while the app downloads: ostree's write fails with
/// ENOSPC ("No space left on device") in the middle of the pull, and that is the same typed
/// `NoSpace` and sentence; the app is not listed nor deployed, its ref not in the repo. What
/// the pull had written stays in the repo's staging folder (`repo/tmp/staging-…`, counted
/// here), and with the room back the same install goes through (using it) and leaves no
/// staging behind.
#[test]
fn a_disk_filled_during_the_download_is_said_and_nothing_is_half_installed() {
    in_a_mount_namespace_of_its_own(filled_during_the_download);
}

async fn filled_during_the_download() {
    let _locale = hold_locale("en-US");
    assert_in_a_mount_namespace_of_its_own();
    let bed = AppsBed::start().expect("the apps bed starts");
    let small = SmallFilesystem::mount(FLATPAK_RESERVE_KIB + 2 * ROOM_KIB);
    let tiny = small.path().to_path_buf();
    bed.add_remote_to_user_installation(&tiny).unwrap();
    let installations = Installations::at(&tiny, bed.system_dir(), bed.dir().join("home"));
    let mut lab = lab_on(bed, installations, "unix:path=/nonexistent");
    lab.installed_on_page("no apps yet", &[]).await;
    let enter = lab.state.enter();
    lab.settle(enter).await;
    let offer = Offer {
        remote: REMOTE.to_owned(),
        app: rich(&lab.bed, InstallationKind::User),
    };
    // About 3 s for the app's 3 MiB: time to fill the disk in the middle.
    lab.bed.set_throttle(Some(1_000_000));
    lab.search_and_select("rich", &offer).await;
    lab.send(Message::Search(apps::search::Message::Install(
        offer.clone(),
    )))
    .await;
    lab.until("the app's download under way", |state| {
        matches!(&state.run, Run::Active { step: Some(step), progress: Some(progress), .. }
            if step.reference.contains(RICH_ID) && progress.bytes_transferred > 256 * 1024)
    })
    .await;
    let filled = fill(&tiny);
    lab.bed.set_throttle(None);
    lab.change_to_end().await;
    let ended = lab.state.ended[0].clone();
    assert_eq!(ended.result, Err(AppsError::NoSpace), "{ended:?}");
    assert_eq!(
        ended_text(&ended),
        format!(
            "{} {}",
            fl!("apps-ended-failed", kind = "install", app = RICH_NAME),
            fl!("apps-error-no-space")
        )
    );
    assert!(!listed_at(&lab.bed, &tiny).contains(RICH_ID));
    assert!(!tiny.join("app").join(RICH_ID).exists(), "no deploy");
    let app_ref = tiny
        .join("repo/refs/remotes")
        .join(REMOTE)
        .join(lab.bed.app_ref(RICH_ID));
    assert!(!app_ref.exists(), "no ref of the app in the repo");
    assert!(lab.state.snapshot().unwrap().apps.is_empty());
    let staged = bytes_under(&tiny.join("repo/tmp"));
    let objects = bytes_under(&tiny.join("repo/objects"));
    eprintln!(
        "filled with {filled} bytes mid-download; left: {staged} bytes in repo/tmp, \
         {objects} bytes of objects"
    );
    lab.send(Message::EndedDismissed).await;

    // With the room back, the same install goes through and leaves no staging behind.
    std::fs::remove_file(tiny.join("filler")).unwrap();
    lab.search_and_select("rich", &offer).await;
    lab.send(Message::Search(apps::search::Message::Install(offer)))
        .await;
    lab.change_to_end().await;
    assert_eq!(lab.state.ended[0].result, Ok(()), "{:?}", lab.state.ended);
    assert!(listed_at(&lab.bed, &tiny).contains(RICH_ID));
    let staged_after = bytes_under(&tiny.join("repo/tmp"));
    eprintln!("after the install that went through: {staged_after} bytes in repo/tmp");
    assert!(
        staged_after < ferrum_testbed::apps::RICH_PAYLOAD_BYTES as u64 / 4,
        "no partial pull left: {staged_after} bytes in repo/tmp"
    );
}
