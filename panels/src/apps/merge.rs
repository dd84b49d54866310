//! One app's permissions as the permissions view shows them: every entry any layer names
//! (the app's metadata, the system's global and per-app overrides for an app of the system
//! installation, the person's global and per-app overrides), merged the way Flatpak merges
//! them ([`Overrides::effective`]'s order: a later layer replaces what it names), with the
//! layer the effective value comes from; and the tri-state choice — allow, deny, the app's
//! default — that the person's own per-app override holds. Pure.

use std::collections::BTreeSet;

use ferrum_services::apps::{
    BusPolicy, Device, Feature, FilesystemAccess, Grant, InstallationKind, Overrides, Permissions,
    Shared, Socket,
};

/// One permission (an entry of Flatpak's keyfile).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    /// `shared=` (network, ipc).
    Shared(Shared),
    /// `sockets=`.
    Socket(Socket),
    /// `devices=`.
    Device(Device),
    /// `features=`.
    Feature(Feature),
    /// `filesystems=`, by Flatpak's name.
    Filesystem(String),
    /// `[Session Bus Policy]`, by bus name.
    SessionBus(String),
    /// `[System Bus Policy]`, by bus name.
    SystemBus(String),
    /// `[Environment]`, by variable.
    Environment(String),
}

impl Key {
    /// A stable short name (widget ids): `socket-wayland`, `fs-xdg-download`, …
    pub fn slug(&self) -> String {
        match self {
            Key::Shared(shared) => format!("shared-{}", shared.word()),
            Key::Socket(socket) => format!("socket-{}", socket.word()),
            Key::Device(device) => format!("device-{}", device.word()),
            Key::Feature(feature) => format!("feature-{}", feature.word()),
            Key::Filesystem(path) => format!("fs-{path}"),
            Key::SessionBus(name) => format!("session-{name}"),
            Key::SystemBus(name) => format!("system-{name}"),
            Key::Environment(name) => format!("env-{name}"),
        }
    }

    /// Whether it can be allowed or denied (a variable is only set, or left to the app).
    pub fn is_tri_state(&self) -> bool {
        !matches!(self, Key::Environment(_))
    }
}

/// What a layer says about one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Granted or denied.
    Grant(Grant),
    /// A filesystem's reach.
    Filesystem(FilesystemAccess),
    /// A bus name's policy.
    Bus(BusPolicy),
    /// A variable's value.
    Environment(String),
}

impl Value {
    /// Whether the app gets it.
    pub fn allows(&self) -> bool {
        match self {
            Value::Grant(grant) => *grant == Grant::Allow,
            Value::Filesystem(access) => *access != FilesystemAccess::Denied,
            Value::Bus(policy) => *policy != BusPolicy::None,
            Value::Environment(_) => true,
        }
    }
}

/// A layer of permissions, in the order Flatpak lays them on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    /// The app's own metadata.
    App,
    /// The system installation's `overrides/global`.
    SystemGlobal,
    /// The system installation's `overrides/<id>`.
    SystemApp,
    /// The person's `overrides/global`.
    UserGlobal,
    /// The person's `overrides/<id>` (what the page writes).
    UserApp,
}

/// The person's tri-state choice for an entry: their per-app override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Choice {
    /// No override of theirs: what the app and the other layers say.
    Default,
    /// Allowed by their override.
    Allow,
    /// Denied by their override.
    Deny,
}

impl Choice {
    /// A stable short name (widget ids).
    pub fn slug(self) -> &'static str {
        match self {
            Choice::Default => "default",
            Choice::Allow => "allow",
            Choice::Deny => "deny",
        }
    }
}

/// One row of the permissions view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The entry.
    pub key: Key,
    /// What the app's metadata says, if anything.
    pub app: Option<Value>,
    /// What the app gets once every layer is merged (`None`: nobody names it: not granted).
    pub effective: Option<Value>,
    /// The layer the effective value comes from.
    pub source: Option<Layer>,
    /// The person's own choice.
    pub choice: Choice,
}

impl Row {
    /// Whether the app gets it.
    pub fn allowed(&self) -> bool {
        self.effective.as_ref().is_some_and(Value::allows)
    }
}

/// What one layer says about `key`.
pub fn value_of(permissions: &Permissions, key: &Key) -> Option<Value> {
    match key {
        Key::Shared(k) => permissions.shared.get(k).copied().map(Value::Grant),
        Key::Socket(k) => permissions.sockets.get(k).copied().map(Value::Grant),
        Key::Device(k) => permissions.devices.get(k).copied().map(Value::Grant),
        Key::Feature(k) => permissions.features.get(k).copied().map(Value::Grant),
        Key::Filesystem(k) => permissions
            .filesystems
            .get(k)
            .copied()
            .map(Value::Filesystem),
        Key::SessionBus(k) => permissions.session_bus.get(k).copied().map(Value::Bus),
        Key::SystemBus(k) => permissions.system_bus.get(k).copied().map(Value::Bus),
        Key::Environment(k) => permissions
            .environment
            .get(k)
            .cloned()
            .map(Value::Environment),
    }
}

/// Every entry `permissions` names.
pub fn keys_of(permissions: &Permissions) -> BTreeSet<Key> {
    let mut keys = BTreeSet::new();
    keys.extend(permissions.shared.keys().cloned().map(Key::Shared));
    keys.extend(permissions.sockets.keys().cloned().map(Key::Socket));
    keys.extend(permissions.devices.keys().cloned().map(Key::Device));
    keys.extend(permissions.features.keys().cloned().map(Key::Feature));
    keys.extend(permissions.filesystems.keys().cloned().map(Key::Filesystem));
    keys.extend(permissions.session_bus.keys().cloned().map(Key::SessionBus));
    keys.extend(permissions.system_bus.keys().cloned().map(Key::SystemBus));
    keys.extend(
        permissions
            .environment
            .keys()
            .cloned()
            .map(Key::Environment),
    );
    keys
}

/// The entries always shown, asked for or not, so they can be allowed or denied: the
/// network, the display and sound sockets, the GPU, every device, the home folder and every
/// file.
pub fn always_shown() -> BTreeSet<Key> {
    BTreeSet::from([
        Key::Shared(Shared::Network),
        Key::Socket(Socket::Wayland),
        Key::Socket(Socket::X11),
        Key::Socket(Socket::PulseAudio),
        Key::Device(Device::Dri),
        Key::Device(Device::All),
        Key::Filesystem("home".to_owned()),
        Key::Filesystem("host".to_owned()),
    ])
}

/// The layers that apply to an app of `installation`, in Flatpak's order.
pub fn layers<'a>(
    app: &'a Permissions,
    overrides: &'a Overrides,
    installation: InstallationKind,
) -> Vec<(Layer, &'a Permissions)> {
    let mut layers = vec![(Layer::App, app)];
    if installation == InstallationKind::System {
        layers.push((Layer::SystemGlobal, &overrides.system_global));
        layers.push((Layer::SystemApp, &overrides.system_app));
    }
    layers.push((Layer::UserGlobal, &overrides.user_global));
    layers.push((Layer::UserApp, &overrides.user_app));
    layers
}

/// The rows of the permissions view, in [`Key`]'s order.
pub fn rows(app: &Permissions, overrides: &Overrides, installation: InstallationKind) -> Vec<Row> {
    let layers = layers(app, overrides, installation);
    let mut keys = always_shown();
    for (_, layer) in &layers {
        keys.extend(keys_of(layer));
    }
    let mut keys: Vec<Key> = keys.into_iter().collect();
    keys.sort_by(shown_order);
    keys.into_iter()
        .map(|key| {
            let mut effective = None;
            let mut source = None;
            for (layer, permissions) in &layers {
                if let Some(value) = value_of(permissions, &key) {
                    effective = Some(value);
                    source = Some(*layer);
                }
            }
            let choice = match value_of(&overrides.user_app, &key) {
                None => Choice::Default,
                Some(value) if value.allows() => Choice::Allow,
                Some(_) => Choice::Deny,
            };
            Row {
                app: value_of(app, &key),
                key,
                effective,
                source,
                choice,
            }
        })
        .collect()
}

/// The order rows are shown in: Flatpak's keyfile order, except that the display sockets
/// come first among the sockets, Wayland before X11 (then X11 when there is no Wayland),
/// since Wayland is how apps show windows here.
fn shown_order(a: &Key, b: &Key) -> std::cmp::Ordering {
    fn rank(socket: &Socket) -> u8 {
        match socket {
            Socket::Wayland => 0,
            Socket::X11 => 1,
            Socket::FallbackX11 => 2,
            _ => 3,
        }
    }
    match (a, b) {
        (Key::Socket(a), Key::Socket(b)) => (rank(a), a).cmp(&(rank(b), b)),
        _ => a.cmp(b),
    }
}

/// The person's per-app override `layer` with `choice` for `key`: allowing takes the reach
/// the app itself asks for when it asks for one (its filesystem access, its bus policy), else
/// read-write or talk; denying writes Flatpak's denial (`!word`, `!path`, `none`); the
/// default removes the entry. A variable can only go back to the default.
pub fn with_choice(
    layer: &Permissions,
    app: &Permissions,
    key: &Key,
    choice: Choice,
) -> Permissions {
    let mut layer = layer.clone();
    let grant = match choice {
        Choice::Allow => Some(Grant::Allow),
        Choice::Deny => Some(Grant::Deny),
        Choice::Default => None,
    };
    fn put<K: Ord + Clone>(
        map: &mut std::collections::BTreeMap<K, Grant>,
        key: &K,
        grant: Option<Grant>,
    ) {
        match grant {
            Some(grant) => map.insert(key.clone(), grant),
            None => map.remove(key),
        };
    }
    match key {
        Key::Shared(k) => put(&mut layer.shared, k, grant),
        Key::Socket(k) => put(&mut layer.sockets, k, grant),
        Key::Device(k) => put(&mut layer.devices, k, grant),
        Key::Feature(k) => put(&mut layer.features, k, grant),
        Key::Filesystem(path) => {
            let access = grant.map(|grant| match grant {
                Grant::Deny => FilesystemAccess::Denied,
                Grant::Allow => app
                    .filesystems
                    .get(path)
                    .copied()
                    .filter(|access| *access != FilesystemAccess::Denied)
                    .unwrap_or(FilesystemAccess::ReadWrite),
            });
            match access {
                Some(access) => layer.filesystems.insert(path.clone(), access),
                None => layer.filesystems.remove(path),
            };
        }
        Key::SessionBus(name) | Key::SystemBus(name) => {
            let (own, map) = match key {
                Key::SessionBus(_) => (&app.session_bus, &mut layer.session_bus),
                _ => (&app.system_bus, &mut layer.system_bus),
            };
            let policy = grant.map(|grant| match grant {
                Grant::Deny => BusPolicy::None,
                Grant::Allow => own
                    .get(name)
                    .copied()
                    .filter(|policy| *policy != BusPolicy::None)
                    .unwrap_or(BusPolicy::Talk),
            });
            match policy {
                Some(policy) => map.insert(name.clone(), policy),
                None => map.remove(name),
            };
        }
        Key::Environment(name) => {
            if choice == Choice::Default {
                layer.environment.remove(name);
            }
        }
    }
    layer
}

/// Everything `permissions` grants, one entry each (denials left out): what an app asks for
/// before it is installed, and what an update adds.
pub fn granted_keys(permissions: &Permissions) -> Vec<(Key, Value)> {
    let granted = permissions.granted();
    keys_of(&granted)
        .into_iter()
        .filter_map(|key| value_of(&granted, &key).map(|value| (key, value)))
        .collect()
}
