//! The Apps page's `update`, pure: installing (details first, then the change, its steps and
//! progress, its end), cancelling, the update that asks for more held until accepted, the
//! tri-state overrides and the permission merge, and failures as sentences.

use std::sync::Arc;

use ferrum_i18n::{fl, hold_locale};
use ferrum_services::apps::{
    BusPolicy, Device, FilesystemAccess, Grant, Overrides, Progress, Shared, Socket, Step, StepKind,
};

use super::sample::{self, EDITOR, GAME, MAPS};
use super::*;
use crate::ids;

fn maps() -> AppRef {
    sample::app(InstallationKind::User, MAPS)
}

fn editor() -> AppRef {
    sample::app(InstallationKind::System, EDITOR)
}

fn work(outcome: &Outcome<Request>) -> Option<&Work> {
    outcome.request.as_ref().map(|request| &request.work)
}

fn step(index: usize, count: usize, reference: &str) -> OperationEvent {
    OperationEvent::Step(Step {
        index,
        count,
        kind: StepKind::Install,
        reference: reference.to_owned(),
        download_size: 1_000_000,
    })
}

fn progress(step: usize, steps: usize, percent: u8, bytes: u64) -> OperationEvent {
    OperationEvent::Progress(Progress {
        step,
        steps,
        percent,
        bytes_transferred: bytes,
        estimating: false,
    })
}

/// The page with the game's details open, Install pressed and the operation started.
fn installing() -> (State, u64) {
    let mut state = sample::details();
    let outcome = state.update(Message::Search(search::Message::Install(Offer::of(
        &sample::game(),
    ))));
    let Some(Work::Run { id, job }) = work(&outcome).cloned() else {
        panic!("{outcome:?}")
    };
    assert_eq!(
        job.action(),
        apps::Action::Install {
            app: sample::app(InstallationKind::User, GAME),
            remote: sample::REMOTE.to_owned(),
        }
    );
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::APPS_RUN.child("cancel")))
    );
    assert!(
        state
            .update(Message::Started(Running::detached(id)))
            .is_none()
    );
    (state, id)
}

#[test]
fn install_shows_the_details_first_then_runs_with_progress() {
    let _locale = hold_locale("en-US");
    let mut state = sample::page();
    let offer = Offer::of(&sample::game());
    // Searching asks every remote; nothing installs before the details were seen.
    let _ = state.update(Message::Search(search::Message::QueryChanged(
        "marble".into(),
    )));
    let outcome = state.update(Message::Search(search::Message::Search));
    assert!(
        matches!(work(&outcome), Some(Work::Search { query, remotes }) if query == "marble" && remotes.len() == 2)
    );
    assert!(state.search.searching);
    let _ = state.update(Message::Search(search::Message::Found(
        "marble".into(),
        Found {
            apps: vec![sample::game()],
            failures: Vec::new(),
        },
    )));
    assert!(
        state
            .update(Message::Search(search::Message::Install(offer.clone())))
            .is_none()
    );
    assert_eq!(state.run, Run::Idle);
    let outcome = state.update(Message::Search(search::Message::Select(offer.clone())));
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::apps_found(
            sample::REMOTE,
            &offer.app,
            "install"
        )))
    );
    let details = state.search.selected_app().expect("the details");
    assert_eq!(
        permission_lines(&details.permissions),
        vec![
            fl!("apps-perm-shared", word = "network"),
            fl!("apps-perm-socket", word = "wayland"),
            fl!("apps-perm-socket", word = "pulseaudio"),
            fl!("apps-perm-device", word = "all"),
        ]
    );

    let (mut state, id) = installing();
    assert!(state.search.selected.is_none());
    assert_eq!(state.run.percent(), 0);
    assert_eq!(
        progress_name(&state.run),
        fl!(
            "apps-progress",
            job = fl!("apps-job-install", app = "Marble Game"),
            percent = 0
        )
    );
    let _ = state.update(Message::Operation(
        id,
        step(1, 2, "runtime/org.example.Platform/x86_64/46"),
    ));
    let _ = state.update(Message::Operation(id, progress(1, 2, 50, 500_000)));
    assert_eq!(state.run.percent(), 25);
    let _ = state.update(Message::Operation(
        id,
        step(2, 2, "app/org.example.Game/x86_64/stable"),
    ));
    let _ = state.update(Message::Operation(id, progress(2, 2, 40, 400_000)));
    assert_eq!(state.run.percent(), 70);
    let name = progress_name(&state.run);
    assert!(name.contains("70 %"), "{name}");
    assert!(name.contains("400.0 kB"), "{name}");
    assert!(
        name.contains(&fl!(
            "apps-step",
            index = 2,
            count = 2,
            kind = "install",
            part = "app"
        )),
        "{name}"
    );
    // Another operation's event moves nothing.
    let _ = state.update(Message::Operation(id + 7, progress(2, 2, 90, 1)));
    assert_eq!(state.run.percent(), 70);

    let outcome = state.update(Message::Operation(id, OperationEvent::Finished(Ok(()))));
    assert_eq!(state.run, Run::Idle);
    assert_eq!(
        work(&outcome),
        Some(&Work::Refresh),
        "what updates are left"
    );
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::APPS_RUN.child("close")))
    );
    assert_eq!(
        ended_text(&state.ended[0]),
        fl!("apps-ended-done", kind = "install", app = "Marble Game")
    );
    let _ = state.update(Message::EndedDismissed);
    assert!(state.ended.is_empty());
}

#[test]
fn cancel_stops_the_change_and_what_waits() {
    let _locale = hold_locale("en-US");
    let (mut state, id) = installing();
    // Removing the editor waits behind the install.
    let _ = state.update(Message::Remove(editor()));
    let outcome = state.update(Message::Removal(remove::Message::Confirm));
    assert!(outcome.request.is_none(), "one change at a time");
    assert_eq!(state.queue.len(), 1);
    let _ = state.update(Message::Operation(id, progress(1, 1, 10, 100)));

    let outcome = state.update(Message::Cancel);
    assert_eq!(work(&outcome), Some(&Work::Cancel(id)));
    assert!(
        outcome
            .request
            .as_ref()
            .is_some_and(|r| r.running.is_some())
    );
    assert!(state.run.is_cancelling());
    assert!(state.queue.is_empty(), "cancel stops what waits too");
    // Pressed twice: asked once.
    assert!(state.update(Message::Cancel).is_none());
    let _ = state.update(Message::Operation(
        id,
        OperationEvent::Finished(Err(AppsError::Cancelled)),
    ));
    assert_eq!(state.run, Run::Idle);
    assert_eq!(
        ended_text(&state.ended[0]),
        fl!(
            "apps-ended-cancelled",
            kind = "install",
            app = "Marble Game"
        )
    );

    // Cancelled before the operation came back: it is cancelled as soon as it does.
    let mut state = sample::details();
    let outcome = state.update(Message::Search(search::Message::Install(Offer::of(
        &sample::game(),
    ))));
    let Some(Work::Run { id, .. }) = work(&outcome).cloned() else {
        panic!()
    };
    assert!(state.update(Message::Cancel).is_none());
    let outcome = state.update(Message::Started(Running::detached(id)));
    assert_eq!(work(&outcome), Some(&Work::Cancel(id)));
}

#[test]
fn an_update_that_asks_for_more_is_held_until_accepted() {
    let _locale = hold_locale("en-US");
    let mut state = sample::page();
    // The editor's update asks for nothing new: it runs at once.
    let outcome = state.update(Message::Update(editor()));
    assert!(
        matches!(work(&outcome), Some(Work::Run { job: Job::Update { app, commit, .. }, .. })
        if *app == editor() && commit.as_deref() == Some("c".repeat(64).as_str()))
    );
    assert!(state.held.is_empty());

    // Maps' asks for the home folder: held, with what is new listed.
    let mut state = sample::page();
    let outcome = state.update(Message::Update(maps()));
    assert!(outcome.request.is_none(), "nothing runs before the yes");
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::APPS_HELD.child("accept")))
    );
    assert_eq!(state.held.len(), 1);
    assert_eq!(
        permission_lines(&state.held[0].added),
        vec![fl!("apps-perm-filesystem", path = "home")]
    );
    // Not now: nothing runs, and the keyboard goes back to the app's Update.
    let outcome = state.update(Message::Held(held::Message::Decline));
    assert!(outcome.request.is_none());
    assert!(state.held.is_empty());
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::apps_installed(&maps(), "update")))
    );
    assert_eq!(state.run, Run::Idle);

    // Update all: the plain one runs, the wider one is held; accepting queues it with the
    // commit whose permissions were shown.
    let outcome = state.update(Message::UpdateAll);
    assert!(
        matches!(work(&outcome), Some(Work::Run { job: Job::Update { app, .. }, .. }) if *app == editor())
    );
    assert_eq!(state.held.len(), 1);
    let outcome = state.update(Message::Held(held::Message::Accept));
    assert!(outcome.request.is_none(), "it waits for the editor's");
    assert!(state.held.is_empty());
    assert!(
        matches!(state.queue.front(), Some(Job::Update { app, commit, .. })
        if *app == maps() && commit.as_deref() == Some("b".repeat(64).as_str()))
    );
    let id = state.run.id().expect("the editor's runs");
    let _ = state.update(Message::Started(Running::detached(id)));
    let outcome = state.update(Message::Operation(id, OperationEvent::Finished(Ok(()))));
    assert!(
        matches!(work(&outcome), Some(Work::Run { job: Job::Update { app, .. }, .. }) if *app == maps())
    );
}

#[test]
fn removing_asks_first_and_can_delete_the_data() {
    let mut state = sample::page();
    let outcome = state.update(Message::Remove(maps()));
    assert!(outcome.request.is_none());
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::APPS_REMOVE.child("cancel")))
    );
    let outcome = state.update(Message::Removal(remove::Message::Cancel));
    assert!(state.removal.is_none() && outcome.request.is_none());

    let _ = state.update(Message::Remove(maps()));
    let _ = state.update(Message::Removal(remove::Message::DeleteData(true)));
    let outcome = state.update(Message::Removal(remove::Message::Confirm));
    assert!(matches!(work(&outcome), Some(Work::Run { job, .. })
        if job.action() == apps::Action::Uninstall { app: maps(), delete_data: true }));
    // No second removal of an app being changed.
    assert!(state.update(Message::Remove(maps())).is_none());
}

#[test]
fn a_change_to_a_running_app_says_it_takes_effect_once_closed() {
    let _locale = hold_locale("en-US");
    let removing = |events: Vec<OperationEvent>| {
        let mut state = sample::page();
        let _ = state.update(Message::Remove(maps()));
        let outcome = state.update(Message::Removal(remove::Message::Confirm));
        let Some(Work::Run { id, .. }) = work(&outcome).cloned() else {
            panic!("{outcome:?}")
        };
        let _ = state.update(Message::Started(Running::detached(id)));
        for event in events {
            let _ = state.update(Message::Operation(id, event));
        }
        assert_eq!(state.run, Run::Idle);
        state.ended.remove(0)
    };
    let ended = removing(vec![
        OperationEvent::StillRunning { instances: 1 },
        OperationEvent::Finished(Ok(())),
    ]);
    assert!(ended.still_running);
    assert_eq!(
        ended_text(&ended),
        format!(
            "{} {}",
            fl!("apps-ended-done", kind = "remove", app = "Maps"),
            fl!("apps-ended-remove-running", app = "Maps")
        )
    );
    // Not running: the plain sentence. Failed: only why.
    let ended = removing(vec![OperationEvent::Finished(Ok(()))]);
    assert_eq!(
        ended_text(&ended),
        fl!("apps-ended-done", kind = "remove", app = "Maps")
    );
    let ended = removing(vec![
        OperationEvent::StillRunning { instances: 2 },
        OperationEvent::Finished(Err(AppsError::NoSpace)),
    ]);
    assert!(!ended.still_running);

    let updated = Ended {
        job: Job::Update {
            app: maps(),
            commit: None,
            name: "Maps".into(),
        },
        result: Ok(()),
        still_running: true,
    };
    assert_eq!(
        ended_text(&updated),
        format!(
            "{} {}",
            fl!("apps-ended-done", kind = "update", app = "Maps"),
            fl!("apps-ended-update-running", app = "Maps")
        )
    );
}

#[test]
fn tri_state_choices_write_the_persons_own_override() {
    let _locale = hold_locale("en-US");
    let mut state = sample::permissions();
    let view = state.permissions.as_ref().expect("open");
    let rows = view.rows().expect("read");
    let row = |key: &Key| {
        rows.iter()
            .find(|row| row.key == *key)
            .cloned()
            .expect("a row")
    };
    // The network: asked for by the app, denied by the person.
    let network = row(&Key::Shared(Shared::Network));
    assert_eq!(network.app, Some(merge::Value::Grant(Grant::Allow)));
    assert_eq!(network.effective, Some(merge::Value::Grant(Grant::Deny)));
    assert_eq!(network.source, Some(Layer::UserApp));
    assert_eq!(network.choice, Choice::Deny);
    assert!(!network.allowed());
    // The home folder: read only, from the person's setting for every app.
    let home = row(&Key::Filesystem("home".into()));
    assert_eq!(
        home.effective,
        Some(merge::Value::Filesystem(FilesystemAccess::ReadOnly))
    );
    assert_eq!(home.source, Some(Layer::UserGlobal));
    assert_eq!(home.choice, Choice::Default);
    // X11: nobody asks for it, shown so it can be allowed.
    let x11 = row(&Key::Socket(Socket::X11));
    assert_eq!((x11.effective.clone(), x11.source), (None, None));
    assert_eq!(
        row_state_text_of(&x11),
        format!("{} — {}", fl!("apps-value-not-asked"), source_text(None))
    );

    // Deny the GPU: the layer gains `!dri`, and keeps the network's denial.
    let outcome = state.update(Message::Permissions(permissions::Message::Choose(
        Key::Device(Device::Dri),
        Choice::Deny,
    )));
    let Some(Work::WriteOverride { app, layer }) = work(&outcome).cloned() else {
        panic!("{outcome:?}")
    };
    assert_eq!(app, maps());
    assert_eq!(layer.devices.get(&Device::Dri), Some(&Grant::Deny));
    assert_eq!(layer.shared.get(&Shared::Network), Some(&Grant::Deny));
    assert_eq!(
        layer.to_keyfile(),
        "[Context]\nshared=!network;\ndevices=!dri;\n"
    );
    // One write at a time.
    assert!(
        state
            .update(Message::Permissions(permissions::Message::Choose(
                Key::Device(Device::Dri),
                Choice::Allow
            )))
            .is_none()
    );
    let _ = state.update(Message::Permissions(permissions::Message::OverrideWritten(
        maps(),
        Ok(Overrides {
            user_app: layer.clone(),
            ..Overrides::default()
        }),
    )));
    assert!(!state.permissions.as_ref().is_some_and(|v| v.writing));

    // Back to the app's default for the network: its entry leaves the layer.
    let outcome = state.update(Message::Permissions(permissions::Message::Choose(
        Key::Shared(Shared::Network),
        Choice::Default,
    )));
    let Some(Work::WriteOverride { layer, .. }) = work(&outcome).cloned() else {
        panic!()
    };
    assert!(!layer.shared.contains_key(&Shared::Network));
    let _ = state.update(Message::Permissions(permissions::Message::OverrideWritten(
        maps(),
        Err(AppsError::PermissionDenied {
            detail: Arc::from("overrides: read-only"),
        }),
    )));
    let view = state.permissions.as_ref().expect("open");
    assert_eq!(
        view.write_error.as_ref().map(error_sentence),
        Some(fl!("apps-error-permission-denied"))
    );

    // Allowing a folder or a bus name takes the reach the app asks for.
    let app = Permissions::parse(
        "[Context]\nfilesystems=xdg-music:ro;\n[Session Bus Policy]\norg.a=own\n",
    );
    let allowed = merge::with_choice(
        &Permissions::default(),
        &app,
        &Key::Filesystem("xdg-music".into()),
        Choice::Allow,
    );
    assert_eq!(
        allowed.filesystems.get("xdg-music"),
        Some(&FilesystemAccess::ReadOnly)
    );
    let denied = merge::with_choice(
        &allowed,
        &app,
        &Key::SessionBus("org.a".into()),
        Choice::Deny,
    );
    assert_eq!(denied.session_bus.get("org.a"), Some(&BusPolicy::None));
    let allowed = merge::with_choice(
        &denied,
        &app,
        &Key::SessionBus("org.a".into()),
        Choice::Allow,
    );
    assert_eq!(allowed.session_bus.get("org.a"), Some(&BusPolicy::Own));
    let home = merge::with_choice(
        &allowed,
        &app,
        &Key::Filesystem("home".into()),
        Choice::Allow,
    );
    assert_eq!(
        home.filesystems.get("home"),
        Some(&FilesystemAccess::ReadWrite)
    );

    // Reset: an empty layer (the file is removed).
    let mut state = sample::permissions();
    let outcome = state.update(Message::Permissions(permissions::Message::Reset));
    assert!(matches!(work(&outcome), Some(Work::WriteOverride { layer, .. }) if layer.is_empty()));
}

fn row_state_text_of(row: &Row) -> String {
    describe::row_state_text(row)
}

#[test]
fn the_merge_follows_flatpaks_order_and_the_system_layers_only_for_system_apps() {
    let app = Permissions::parse("[Context]\nshared=network;\nsockets=x11;\n");
    let overrides = Overrides {
        system_global: Permissions::parse("[Context]\nshared=!network;\nsockets=!x11;\n"),
        system_app: Permissions::parse("[Context]\nsockets=x11;\n"),
        user_global: Permissions::parse("[Environment]\nA=1\n"),
        user_app: Permissions::default(),
    };
    let system = merge::rows(&app, &overrides, InstallationKind::System);
    let find = |rows: &[Row], key: &Key| {
        rows.iter()
            .find(|row| row.key == *key)
            .cloned()
            .expect("row")
    };
    let network = find(&system, &Key::Shared(Shared::Network));
    assert_eq!(network.source, Some(Layer::SystemGlobal));
    assert!(!network.allowed());
    let x11 = find(&system, &Key::Socket(Socket::X11));
    assert_eq!(x11.source, Some(Layer::SystemApp));
    assert!(x11.allowed());
    let a = find(&system, &Key::Environment("A".into()));
    assert_eq!(a.source, Some(Layer::UserGlobal));
    assert!(!a.key.is_tri_state());
    // A user-installed app does not get the system's layers.
    let user = merge::rows(&app, &overrides, InstallationKind::User);
    let network = find(&user, &Key::Shared(Shared::Network));
    assert_eq!(network.source, Some(Layer::App));
    assert!(network.allowed());
    // What the rows say is what Flatpak computes.
    for (installation, rows) in [
        (InstallationKind::System, &system),
        (InstallationKind::User, &user),
    ] {
        let effective = overrides.effective(&app, installation).granted();
        for row in rows {
            let granted = merge::value_of(&effective, &row.key).is_some();
            assert_eq!(granted, row.allowed(), "{installation:?} {:?}", row.key);
        }
    }
}

#[test]
fn failures_are_sentences() {
    let _locale = hold_locale("en-US");
    let detail = || Arc::from("technical");
    for (error, key) in [
        (
            AppsError::RemoteUnreachable { detail: detail() },
            "apps-error-unreachable",
        ),
        (
            AppsError::SignatureInvalid { detail: detail() },
            "apps-error-signature",
        ),
        (AppsError::NoSpace, "apps-error-no-space"),
        (AppsError::AppRunning, "apps-error-app-running"),
        (
            AppsError::PermissionStoreUnavailable { detail: detail() },
            "apps-error-permission-store",
        ),
        (
            AppsError::PermissionStoreTimedOut { detail: detail() },
            "apps-error-permission-store-hung",
        ),
        (
            AppsError::SystemHelperUnavailable { detail: detail() },
            "apps-error-system-helper",
        ),
        (AppsError::WorkerGone, "apps-error-worker"),
        (AppsError::Unsigned, "apps-error-unsigned"),
        (AppsError::Other { detail: detail() }, "apps-error-other"),
    ] {
        let sentence = error_sentence(&error);
        assert_eq!(sentence, ferrum_i18n::translate(key, None), "{error:?}");
        assert!(!sentence.contains("technical"));
    }

    // A failed install: a sentence naming the app, nothing left running, the queue goes on.
    let (mut state, id) = installing();
    let _ = state.update(Message::Operation(
        id,
        OperationEvent::Finished(Err(AppsError::NoSpace)),
    ));
    assert_eq!(state.run, Run::Idle);
    assert_eq!(
        ended_text(&state.ended[0]),
        format!(
            "{} {}",
            fl!("apps-ended-failed", kind = "install", app = "Marble Game"),
            fl!("apps-error-no-space")
        )
    );

    // A change that could not start ends with a sentence too.
    let mut state = sample::details();
    let outcome = state.update(Message::Search(search::Message::Install(Offer::of(
        &sample::game(),
    ))));
    let Some(Work::Run { id, .. }) = work(&outcome).cloned() else {
        panic!()
    };
    let _ = state.update(Message::Operation(
        id,
        OperationEvent::Finished(Err(AppsError::WorkerGone)),
    ));
    assert_eq!(state.run, Run::Idle);
    assert_eq!(state.ended.len(), 1);

    // The installed apps unreadable, then back: the page recovers by itself.
    let mut state = sample::page();
    let _ = state.update(Message::Watched(Update::Failed(AppsError::WorkerGone)));
    assert!(state.snapshot().is_none());
    let outcome = state.update(Message::Watched(Update::Installed(sample::snapshot())));
    assert!(state.snapshot().is_some());
    assert!(matches!(work(&outcome), Some(Work::Describe(apps)) if apps.len() == 2));

    // The permission store gone: a sentence, and Try again reads the grants again.
    let mut state = sample::permissions();
    let _ = state.update(Message::Permissions(permissions::Message::GrantsRead(
        maps(),
        Err(AppsError::PermissionStoreUnavailable { detail: detail() }),
    )));
    let outcome = state.update(Message::Permissions(permissions::Message::RetryGrants));
    assert_eq!(work(&outcome), Some(&Work::ReadGrants(maps())));

    // A remote file that is not there, and none typed.
    let mut state = sample::page();
    let _ = state.update(Message::Sources(sources::Message::Add));
    assert_eq!(state.add_remote.error, Some(AddRemoteError::NoPath));
    let _ = state.update(Message::Sources(sources::Message::PathChanged(
        "/tmp/flathub.flatpakrepo".into(),
    )));
    let outcome = state.update(Message::Sources(sources::Message::Add));
    assert_eq!(
        work(&outcome),
        Some(&Work::AddRemote {
            path: "/tmp/flathub.flatpakrepo".into(),
            name: "flathub".into()
        })
    );
    let _ = state.update(Message::Sources(sources::Message::Added(
        "flathub".into(),
        Err(AddRemoteError::Apps(AppsError::Unsigned)),
    )));
    assert_eq!(
        state.add_remote.error.as_ref().map(add_remote_error_text),
        Some(fl!("apps-error-unsigned"))
    );
}

#[test]
fn portal_grants_are_said_and_revoked() {
    let _locale = hold_locale("en-US");
    let mut state = sample::permissions();
    let grants = state
        .permissions
        .as_ref()
        .and_then(|view| view.grants.ready().cloned())
        .expect("grants");
    assert_eq!(
        grant_text(&grants[0]),
        fl!(
            "apps-portal-state",
            permission = fl!("apps-portal", permission = "camera"),
            granted = "yes"
        )
    );
    let outcome = state.update(Message::Permissions(permissions::Message::Revoke(
        grants[0].clone(),
    )));
    assert_eq!(
        work(&outcome),
        Some(&Work::Revoke {
            app: maps(),
            grant: grants[0].clone()
        })
    );
    let _ = state.update(Message::Permissions(permissions::Message::GrantsRead(
        maps(),
        Ok(Vec::new()),
    )));
    assert_eq!(
        state.permissions.as_ref().map(|view| view.grants.clone()),
        Some(Loaded::Ready(Vec::new()))
    );
}

/// The permission store gone or hung during a revoke: one revoke at a time, the grants stay
/// as last read (nothing was revoked by a store that was gone), a sentence says why, and Try
/// again reads them anew (clearing the sentence); a late answer for another app is dropped.
#[test]
fn a_revoke_the_store_did_not_answer_keeps_the_grants_and_says_why() {
    let _locale = hold_locale("en-US");
    let detail = || Arc::from("org.freedesktop.DBus.Error.NoReply: disconnected");
    let mut state = sample::permissions();
    let view = |state: &State| state.permissions.clone().expect("open");
    let grants = view(&state).grants.ready().cloned().expect("grants");
    let outcome = state.update(Message::Permissions(permissions::Message::Revoke(
        grants[0].clone(),
    )));
    assert!(matches!(work(&outcome), Some(Work::Revoke { .. })));
    assert!(view(&state).revoking);
    // A second press while the first is under way asks for nothing.
    let again = state.update(Message::Permissions(permissions::Message::Revoke(
        grants[0].clone(),
    )));
    assert!(again.request.is_none());

    // An answer about another app changes nothing.
    let _ = state.update(Message::Permissions(permissions::Message::RevokeFailed(
        editor(),
        AppsError::PermissionStoreUnavailable { detail: detail() },
    )));
    assert!(view(&state).revoking);
    assert_eq!(view(&state).revoke_error, None);

    let error = AppsError::PermissionStoreUnavailable { detail: detail() };
    let _ = state.update(Message::Permissions(permissions::Message::RevokeFailed(
        maps(),
        error.clone(),
    )));
    let open = view(&state);
    assert!(!open.revoking);
    assert_eq!(open.revoke_error, Some(error.clone()));
    assert_eq!(open.grants, Loaded::Ready(grants.clone()), "kept as read");
    assert_eq!(
        fl!("apps-revoke-failed", reason = error_sentence(&error)),
        format!(
            "{} {}",
            fl!("apps-revoke-failed", reason = ""),
            fl!("apps-error-permission-store")
        )
        .replace("  ", " ")
    );
    let _ = state.view();

    // Revoke again clears the old sentence while it runs.
    let _ = state.update(Message::Permissions(permissions::Message::Revoke(
        grants[0].clone(),
    )));
    assert_eq!(view(&state).revoke_error, None);
    let _ = state.update(Message::Permissions(permissions::Message::RevokeFailed(
        maps(),
        AppsError::PermissionStoreTimedOut { detail: detail() },
    )));
    assert!(view(&state).revoke_error.is_some());

    // Try again: the grants are read anew, the sentence goes.
    let outcome = state.update(Message::Permissions(permissions::Message::RetryGrants));
    assert_eq!(work(&outcome), Some(&Work::ReadGrants(maps())));
    assert_eq!(view(&state).revoke_error, None);
    assert_eq!(view(&state).grants, Loaded::Loading);
    let _ = state.update(Message::Permissions(permissions::Message::GrantsRead(
        maps(),
        Ok(grants.clone()),
    )));
    assert_eq!(view(&state).grants, Loaded::Ready(grants));
}

/// A read of the grants the store did not answer: a sentence, never "Loading…" for good.
#[test]
fn grants_the_store_did_not_answer_are_a_sentence() {
    let _locale = hold_locale("en-US");
    let mut state = sample::permissions();
    let _ = state.update(Message::Permissions(permissions::Message::GrantsRead(
        maps(),
        Err(AppsError::PermissionStoreTimedOut {
            detail: Arc::from("timed out"),
        }),
    )));
    let open = state.permissions.clone().expect("open");
    match &open.grants {
        Loaded::Failed(error) => {
            assert_eq!(
                error_sentence(error),
                fl!("apps-error-permission-store-hung")
            );
        }
        other => panic!("{other:?}"),
    }
    let _ = state.view();
}

#[test]
fn the_samples_draw() {
    let _locale = hold_locale("en-US");
    for state in [
        sample::page(),
        sample::details(),
        sample::in_progress(),
        sample::held(),
        sample::permissions(),
    ] {
        let _ = state.view();
    }
    assert_eq!(
        remote_name_from(" /srv/repos/ferrum-test.flatpakrepo "),
        "ferrum-test"
    );
}

#[test]
fn a_typed_source_path_is_read_from_the_home_folder_unless_absolute() {
    let home = std::path::Path::new("/home/ada");
    for (typed, file) in [
        (
            " ~/Downloads/test.flatpakrepo ",
            "/home/ada/Downloads/test.flatpakrepo",
        ),
        ("~//x.flatpakrepo", "/home/ada/x.flatpakrepo"),
        ("~", "/home/ada"),
        (
            "Downloads/a.flatpakrepo",
            "/home/ada/Downloads/a.flatpakrepo",
        ),
        ("/srv/repos/b.flatpakrepo", "/srv/repos/b.flatpakrepo"),
        // Another person's home is not expanded: a relative path under this one's.
        ("~bob/c.flatpakrepo", "/home/ada/~bob/c.flatpakrepo"),
    ] {
        assert_eq!(
            typed_path(typed, home),
            std::path::Path::new(file),
            "{typed:?}"
        );
    }
}

#[test]
fn the_display_sockets_are_listed_wayland_first() {
    let shown = |metadata: &str| -> Vec<Key> {
        merge::rows(
            &Permissions::parse(metadata),
            &Overrides::default(),
            InstallationKind::User,
        )
        .into_iter()
        .map(|row| row.key)
        .filter(|key| matches!(key, Key::Socket(_)))
        .collect()
    };
    let sockets = [
        Key::Socket(Socket::Wayland),
        Key::Socket(Socket::X11),
        Key::Socket(Socket::FallbackX11),
        Key::Socket(Socket::PulseAudio),
        Key::Socket(Socket::Cups),
    ];
    assert_eq!(
        shown("[Context]\nsockets=cups;fallback-x11;x11;pulseaudio;wayland;\n"),
        sockets
    );
    // Shown without being asked for: Wayland, X11, sound.
    assert_eq!(
        shown(""),
        [
            Key::Socket(Socket::Wayland),
            Key::Socket(Socket::X11),
            Key::Socket(Socket::PulseAudio)
        ]
    );
}

#[test]
fn a_found_app_being_installed_offers_no_details() {
    let _locale = hold_locale("en-US");
    let game = sample::game();
    let details = ids::apps_found(&game.remote, &game.app, "details");
    // Found and not being installed: Details.
    let mut state = sample::details();
    let _ = state.update(Message::Search(search::Message::CloseDetails));
    let mut ui = iced_test::Simulator::new(state.view());
    assert!(ui.find(iced_test::selector::id(details.clone())).is_ok());
    drop(ui);
    // Its install under way (and waiting behind another change): no Details, a sentence.
    for state in [sample::in_progress(), {
        let mut state = sample::page();
        let _ = state.update(Message::Update(editor()));
        state.search = sample::details().search;
        state.search.selected = None;
        let _ = state.update(Message::Search(search::Message::Select(Offer::of(&game))));
        let _ = state.update(Message::Search(search::Message::Install(Offer::of(&game))));
        assert!(state.queue.iter().any(|job| *job.app() == game.app));
        state
    }] {
        let mut ui = iced_test::Simulator::new(state.view());
        assert!(
            ui.find(iced_test::selector::id(details.clone())).is_err(),
            "no Details while the game's install runs or waits"
        );
        assert!(ui.find(fl!("apps-being-changed").as_str()).is_ok());
    }
}
