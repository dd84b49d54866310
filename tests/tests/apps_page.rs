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
    error_sentence, permission_lines,
};
use ferrum_panels::{Outcome, Page, PageRequest};
use ferrum_services::SystemBus;
use ferrum_services::apps::{
    AppRef, AppsError, Device, FilesystemAccess, Grant, InstallationKind, Installations,
    PERMISSION_STORE_BUS_NAME, Permissions, PortalPermission, Shared,
};
use ferrum_testbed::apps::{AppsBed, BRANCH, REMOTE, RICH_ID, RICH_NAME, WRONG_KEY_REMOTE};
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
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_test_writer()
        .try_init();
    let bed = AppsBed::start().expect("the apps bed starts");
    let flatpak = Flatpak::at(
        Installations::at(bed.user_dir(), bed.system_dir(), bed.dir().join("home")),
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

/// Portal grants live in the permission store on the session bus (a private one here, which
/// starts the real `xdg-permission-store` on the first call).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_portal_grant_appears_on_the_page_and_is_revoked() {
    let _locale = hold_locale("en-US");
    let session = ferrum_testbed::session_bus::SessionBus::start().unwrap();
    let mut lab = lab(session.address());
    lab.bed.install("--user", RICH_ID).unwrap();
    lab.installed_on_page("the app", &[(InstallationKind::User, RICH_ID)])
        .await;
    let output = session
        .busctl()
        .args([
            "call",
            PERMISSION_STORE_BUS_NAME,
            "/org/freedesktop/impl/portal/PermissionStore",
            "org.freedesktop.impl.portal.PermissionStore",
            "SetPermission",
            "sbssas",
            "devices",
            "true",
            "camera",
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
