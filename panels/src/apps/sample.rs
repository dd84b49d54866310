//! A sample of what Flatpak reports — a map app installed for the person with an update that
//! asks for more, a text editor installed for everyone, the Flathub-like remote — for the
//! page's unit tests and the demo's and snapshots' drawings (which show the page without
//! Flatpak).

use ferrum_services::apps::{
    AppRef, AvailableUpdate, InstallationKind, Installations, InstalledApp, OperationEvent,
    Overrides, Permissions, PortalGrant, PortalPermission, Progress, Remote, RemoteApp, Snapshot,
    Step, StepKind, Update,
};

use super::run::{Run, Running};
use super::{
    Flatpak, Found, Loaded, Message, Offer, Page, PermissionsView, State, Updates, permissions,
    search,
};

/// The map app's id.
pub const MAPS: &str = "org.example.Maps";
/// The text editor's id.
pub const EDITOR: &str = "org.example.Editor";
/// A game the remote offers.
pub const GAME: &str = "org.example.Game";
/// The remote.
pub const REMOTE: &str = "flathub";

/// An app ref of the sample.
pub fn app(installation: InstallationKind, id: &str) -> AppRef {
    AppRef {
        installation,
        id: id.to_owned(),
        arch: "x86_64".to_owned(),
        branch: "stable".to_owned(),
    }
}

/// What the map app asks for.
pub const MAPS_METADATA: &str = "\
[Context]
shared=network;
sockets=wayland;fallback-x11;pulseaudio;
devices=dri;
filesystems=xdg-download;

[Session Bus Policy]
org.freedesktop.Notifications=talk
";

fn installed(kind: InstallationKind, id: &str, name: &str, metadata: &str) -> InstalledApp {
    InstalledApp {
        app: app(kind, id),
        name: name.to_owned(),
        summary: Some(format!("{name} for everyday use")),
        version: Some("46.1".to_owned()),
        origin: REMOTE.to_owned(),
        runtime: Some("org.gnome.Platform/x86_64/46".to_owned()),
        installed_size: 48_300_000,
        permissions: Permissions::parse(metadata),
        commit: Some("a".repeat(64)),
    }
}

/// The installed apps: Maps (the person's), Text Editor (everyone's).
pub fn snapshot() -> Snapshot {
    Snapshot {
        apps: vec![
            installed(InstallationKind::User, MAPS, "Maps", MAPS_METADATA),
            installed(
                InstallationKind::System,
                EDITOR,
                "Text Editor",
                "[Context]\nsockets=wayland;\nfilesystems=home;\n",
            ),
        ],
    }
}

/// The remotes: the same remote in both installations.
pub fn remotes() -> Vec<Remote> {
    [InstallationKind::User, InstallationKind::System]
        .into_iter()
        .map(|installation| Remote {
            installation,
            name: REMOTE.to_owned(),
            title: Some("Flathub".to_owned()),
            url: Some("https://dl.flathub.org/repo/".to_owned()),
            gpg_verify: true,
            disabled: false,
        })
        .collect()
}

/// Maps' update: it asks for the home folder too.
pub fn wider_update() -> AvailableUpdate {
    let old = Permissions::parse(MAPS_METADATA);
    let permissions = Permissions::parse(&format!(
        "{MAPS_METADATA}\n[Context]\nfilesystems=xdg-download;home;\n"
    ));
    AvailableUpdate {
        app: app(InstallationKind::User, MAPS),
        remote: REMOTE.to_owned(),
        commit: "b".repeat(64),
        download_size: 12_400_000,
        added: old.added_in(&permissions),
        permissions,
    }
}

/// The editor's update: it asks for nothing new.
pub fn plain_update() -> AvailableUpdate {
    let permissions = Permissions::parse("[Context]\nsockets=wayland;\nfilesystems=home;\n");
    AvailableUpdate {
        app: app(InstallationKind::System, EDITOR),
        remote: REMOTE.to_owned(),
        commit: "c".repeat(64),
        download_size: 2_100_000,
        added: Permissions::default(),
        permissions,
    }
}

/// The game the remote offers (for the person's installation).
pub fn game() -> RemoteApp {
    RemoteApp {
        app: app(InstallationKind::User, GAME),
        remote: REMOTE.to_owned(),
        name: "Marble Game".to_owned(),
        summary: Some("Roll the marble to the goal".to_owned()),
        version: Some("1.4".to_owned()),
        download_size: 23_500_000,
        installed_size: 61_000_000,
        permissions: Permissions::parse(
            "[Context]\nshared=network;\nsockets=wayland;pulseaudio;\ndevices=all;\n",
        ),
        installed: false,
    }
}

/// A page with the sample's apps, remotes and updates; nothing under way.
pub fn page() -> State {
    let mut state = State::on(Flatpak::at(
        Installations::at(
            "/nonexistent/flatpak-user",
            "/nonexistent/flatpak-system",
            "/nonexistent",
        ),
        "unix:path=/nonexistent",
    ));
    let _ = state.update(Message::Watched(Update::Installed(snapshot())));
    let _ = state.update(Message::Refreshed {
        remotes: Ok(remotes()),
        updates: Ok(vec![plain_update(), wider_update()]),
    });
    state.data_sizes = vec![
        (app(InstallationKind::User, MAPS), Ok(12_000_000)),
        (app(InstallationKind::System, EDITOR), Ok(0)),
    ];
    state
}

/// The page with the game found and its details open (permissions before installing).
pub fn details() -> State {
    let mut state = page();
    state.search.query = "marble".to_owned();
    let _ = state.update(Message::Search(search::Message::Found(
        "marble".to_owned(),
        Found {
            apps: vec![game()],
            failures: Vec::new(),
        },
    )));
    let _ = state.update(Message::Search(search::Message::Select(Offer::of(&game()))));
    state
}

/// The demo's page: the game being installed, its second step at 40 %.
pub fn in_progress() -> State {
    let mut state = details();
    let offer = Offer::of(&game());
    let _ = state.update(Message::Search(search::Message::Install(offer)));
    let id = state.run.id().unwrap_or(1);
    let _ = state.update(Message::Started(Running::detached(id)));
    let _ = state.update(Message::Operation(
        id,
        OperationEvent::Step(Step {
            index: 2,
            count: 2,
            kind: StepKind::Install,
            reference: format!("app/{GAME}/x86_64/stable"),
            download_size: 23_500_000,
        }),
    ));
    let _ = state.update(Message::Operation(
        id,
        OperationEvent::Progress(Progress {
            step: 2,
            steps: 2,
            percent: 40,
            bytes_transferred: 9_400_000,
            estimating: false,
        }),
    ));
    debug_assert!(matches!(state.run, Run::Active { .. }));
    state
}

/// The page with Maps' update held: the dialog listing what it adds.
pub fn held() -> State {
    let mut state = page();
    let _ = state.update(Message::Update(app(InstallationKind::User, MAPS)));
    state
}

/// Maps' permissions open: the network denied by the person, the home folder allowed for
/// every app by the person, a camera grant in the permission store.
pub fn permissions() -> State {
    let mut state = page();
    let maps = app(InstallationKind::User, MAPS);
    let _ = state.update(Message::OpenPermissions(maps.clone()));
    let _ = state.update(Message::Permissions(permissions::Message::Read {
        app: maps,
        overrides: Ok(Overrides {
            user_global: Permissions::parse("[Context]\nfilesystems=home:ro;\n"),
            user_app: Permissions::parse("[Context]\nshared=!network;\n"),
            ..Overrides::default()
        }),
        grants: Ok(vec![PortalGrant {
            permission: PortalPermission::Camera,
            table: "devices".to_owned(),
            id: "camera".to_owned(),
            values: vec!["yes".to_owned()],
        }]),
    }));
    debug_assert!(
        state
            .permissions
            .as_ref()
            .is_some_and(|view: &PermissionsView| view.overrides != Loaded::Loading)
    );
    debug_assert!(matches!(state.updates, Updates::Known(_)));
    state
}
