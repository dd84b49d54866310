//! An app's static permissions, read from its Flatpak metadata keyfile (`[Context]`,
//! `[Session Bus Policy]`, `[System Bus Policy]`, `[Environment]`). Pure: no libflatpak, so the
//! page's later permission merge and "widened on update" diff are tested without Flatpak.
//!
//! Flatpak's own words are kept for what this module does not know (`Other(word)`), so
//! nothing an app asks for is hidden. A leading `!` (written by overrides, rarely by apps)
//! is a denial: [`Grant::Deny`], [`FilesystemAccess::Denied`].

use std::collections::{BTreeMap, BTreeSet};

/// Granted or explicitly denied (`!word` in the keyfile).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grant {
    /// Asked for.
    Allow,
    /// Explicitly taken away (`!word`).
    Deny,
}

/// A subsystem shared with the host (`shared=`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shared {
    /// The network.
    Network,
    /// The host's IPC namespace (X11 shared memory).
    Ipc,
    /// A word this version does not know.
    Other(String),
}

/// A socket the app may use (`sockets=`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Socket {
    /// The X11 display.
    X11,
    /// X11 only when there is no Wayland.
    FallbackX11,
    /// The Wayland display.
    Wayland,
    /// PulseAudio (sound in and out).
    PulseAudio,
    /// The whole session bus.
    SessionBus,
    /// The whole system bus.
    SystemBus,
    /// The SSH agent.
    SshAuth,
    /// Smart cards (PC/SC).
    Pcsc,
    /// The printing service.
    Cups,
    /// The GPG agent.
    GpgAgent,
    /// A word this version does not know.
    Other(String),
}

/// Devices the app may open (`devices=`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Device {
    /// The GPU (`/dev/dri`).
    Dri,
    /// Input devices (`/dev/input`).
    Input,
    /// USB devices.
    Usb,
    /// Virtualisation (`/dev/kvm`).
    Kvm,
    /// Shared memory (`/dev/shm`).
    Shm,
    /// Every device.
    All,
    /// A word this version does not know.
    Other(String),
}

/// Extra features (`features=`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feature {
    /// System calls used by development tools (ptrace, perf).
    Devel,
    /// Running programs of other architectures.
    Multiarch,
    /// Bluetooth sockets.
    Bluetooth,
    /// CAN bus sockets.
    Canbus,
    /// A `/dev/shm` of the app's own.
    PerAppDevShm,
    /// A word this version does not know.
    Other(String),
}

/// How far a filesystem entry reaches (`filesystems=path[:ro|:rw|:create]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FilesystemAccess {
    /// Explicitly not (`!path`).
    Denied,
    /// Read only (`:ro`).
    ReadOnly,
    /// Read and write (no suffix, or `:rw`).
    ReadWrite,
    /// Read, write and create the folder if missing (`:create`).
    Create,
}

/// What the app may do with a bus name (`[Session Bus Policy]`, `[System Bus Policy]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BusPolicy {
    /// Nothing (`none`, overrides use it to take a name away).
    None,
    /// See the name on the bus.
    See,
    /// Call it and receive its signals.
    Talk,
    /// Own the name (includes talking).
    Own,
}

/// Everything an app's metadata asks for. Empty collections mean "nothing asked".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Permissions {
    /// `shared=`.
    pub shared: BTreeMap<Shared, Grant>,
    /// `sockets=`.
    pub sockets: BTreeMap<Socket, Grant>,
    /// `devices=`.
    pub devices: BTreeMap<Device, Grant>,
    /// `features=`.
    pub features: BTreeMap<Feature, Grant>,
    /// `filesystems=`: Flatpak's names (`home`, `host`, `xdg-download`, `~/Music`, `/srv`…).
    pub filesystems: BTreeMap<String, FilesystemAccess>,
    /// `persistent=`: folders of the home kept in the app's own data.
    pub persistent: BTreeSet<String>,
    /// `[Session Bus Policy]`: bus name (or prefix `org.foo.*`) → policy.
    pub session_bus: BTreeMap<String, BusPolicy>,
    /// `[System Bus Policy]`.
    pub system_bus: BTreeMap<String, BusPolicy>,
    /// `[Environment]`: variables set for the app.
    pub environment: BTreeMap<String, String>,
}

impl Permissions {
    /// Reads the permissions out of a metadata (or override) keyfile; unknown groups and
    /// keys are ignored, unknown words kept as `Other`.
    pub fn parse(keyfile: &str) -> Self {
        let mut permissions = Permissions::default();
        for (group, key, value) in entries(keyfile) {
            match (group, key) {
                ("Context", "shared") => collect(&mut permissions.shared, value, shared),
                ("Context", "sockets") => collect(&mut permissions.sockets, value, socket),
                ("Context", "devices") => collect(&mut permissions.devices, value, device),
                ("Context", "features") => collect(&mut permissions.features, value, feature),
                ("Context", "filesystems") => {
                    for word in list(value) {
                        let (path, access) = filesystem(word);
                        permissions.filesystems.insert(path, access);
                    }
                }
                ("Context", "persistent") => {
                    permissions
                        .persistent
                        .extend(list(value).map(str::to_owned));
                }
                ("Session Bus Policy", name) => {
                    if let Some(policy) = bus_policy(value) {
                        permissions.session_bus.insert(name.to_owned(), policy);
                    }
                }
                ("System Bus Policy", name) => {
                    if let Some(policy) = bus_policy(value) {
                        permissions.system_bus.insert(name.to_owned(), policy);
                    }
                }
                ("Environment", name) => {
                    permissions
                        .environment
                        .insert(name.to_owned(), value.to_owned());
                }
                _ => {}
            }
        }
        permissions
    }

    /// Whether the app asks for nothing at all.
    pub fn is_empty(&self) -> bool {
        *self == Permissions::default()
    }

    /// `over` laid on `self`, as Flatpak merges an override onto an app's permissions: each
    /// entry `over` names (granted or denied, a filesystem's access, a bus name's policy, a
    /// variable) replaces `self`'s; `persistent` folders add up.
    pub fn overlaid(&self, over: &Permissions) -> Permissions {
        fn lay<K: Ord + Clone, V: Clone>(
            base: &BTreeMap<K, V>,
            over: &BTreeMap<K, V>,
        ) -> BTreeMap<K, V> {
            let mut merged = base.clone();
            merged.extend(over.iter().map(|(key, value)| (key.clone(), value.clone())));
            merged
        }
        Permissions {
            shared: lay(&self.shared, &over.shared),
            sockets: lay(&self.sockets, &over.sockets),
            devices: lay(&self.devices, &over.devices),
            features: lay(&self.features, &over.features),
            filesystems: lay(&self.filesystems, &over.filesystems),
            persistent: self.persistent.union(&over.persistent).cloned().collect(),
            session_bus: lay(&self.session_bus, &over.session_bus),
            system_bus: lay(&self.system_bus, &over.system_bus),
            environment: lay(&self.environment, &over.environment),
        }
    }

    /// Only what is granted: denials, denied filesystems and `none` bus policies left out
    /// (what the app gets, once every layer is merged).
    pub fn granted(&self) -> Permissions {
        fn allowed<K: Ord + Clone>(map: &BTreeMap<K, Grant>) -> BTreeMap<K, Grant> {
            map.iter()
                .filter(|(_, grant)| **grant == Grant::Allow)
                .map(|(key, grant)| (key.clone(), *grant))
                .collect()
        }
        fn kept<V: Copy + PartialEq>(map: &BTreeMap<String, V>, gone: V) -> BTreeMap<String, V> {
            map.iter()
                .filter(|(_, value)| **value != gone)
                .map(|(key, value)| (key.clone(), *value))
                .collect()
        }
        Permissions {
            shared: allowed(&self.shared),
            sockets: allowed(&self.sockets),
            devices: allowed(&self.devices),
            features: allowed(&self.features),
            filesystems: kept(&self.filesystems, FilesystemAccess::Denied),
            persistent: self.persistent.clone(),
            session_bus: kept(&self.session_bus, BusPolicy::None),
            system_bus: kept(&self.system_bus, BusPolicy::None),
            environment: self.environment.clone(),
        }
    }

    /// What `newer` grants that `self` does not (a wider filesystem access, a stronger bus
    /// policy, a new or changed variable count as granted): the "this update asks for more"
    /// list. Denials and narrowings are left out.
    pub fn added_in(&self, newer: &Permissions) -> Permissions {
        fn grants<K: Ord + Clone>(
            old: &BTreeMap<K, Grant>,
            new: &BTreeMap<K, Grant>,
        ) -> BTreeMap<K, Grant> {
            new.iter()
                .filter(|(key, grant)| {
                    **grant == Grant::Allow && old.get(*key) != Some(&Grant::Allow)
                })
                .map(|(key, grant)| (key.clone(), *grant))
                .collect()
        }
        fn wider<V: Ord + Copy>(
            old: &BTreeMap<String, V>,
            new: &BTreeMap<String, V>,
        ) -> BTreeMap<String, V> {
            new.iter()
                .filter(|(key, value)| old.get(*key).is_none_or(|before| *value > before))
                .map(|(key, value)| (key.clone(), *value))
                .collect()
        }
        Permissions {
            shared: grants(&self.shared, &newer.shared),
            sockets: grants(&self.sockets, &newer.sockets),
            devices: grants(&self.devices, &newer.devices),
            features: grants(&self.features, &newer.features),
            filesystems: wider(&self.filesystems, &newer.filesystems)
                .into_iter()
                .filter(|(_, access)| *access != FilesystemAccess::Denied)
                .collect(),
            persistent: newer
                .persistent
                .difference(&self.persistent)
                .cloned()
                .collect(),
            session_bus: wider(&self.session_bus, &newer.session_bus)
                .into_iter()
                .filter(|(_, policy)| *policy != BusPolicy::None)
                .collect(),
            system_bus: wider(&self.system_bus, &newer.system_bus)
                .into_iter()
                .filter(|(_, policy)| *policy != BusPolicy::None)
                .collect(),
            environment: newer
                .environment
                .iter()
                .filter(|(key, value)| self.environment.get(*key) != Some(*value))
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect(),
        }
    }
}

impl Permissions {
    /// The keyfile Flatpak reads for these permissions, as `flatpak override` writes an
    /// override (`[Context]` lists with `!` for denials, `path:ro`/`path:create` for
    /// filesystems, one line per bus name and variable); [`Permissions::parse`] reads it back
    /// to the same value. Empty groups and keys are left out.
    pub fn to_keyfile(&self) -> String {
        fn grants<K>(map: &BTreeMap<K, Grant>, word: fn(&K) -> &str) -> Vec<String> {
            map.iter()
                .map(|(key, grant)| match grant {
                    Grant::Allow => word(key).to_owned(),
                    Grant::Deny => format!("!{}", word(key)),
                })
                .collect()
        }
        let filesystems: Vec<String> = self
            .filesystems
            .iter()
            .map(|(path, access)| match access {
                FilesystemAccess::Denied => format!("!{path}"),
                FilesystemAccess::ReadOnly => format!("{path}:ro"),
                FilesystemAccess::ReadWrite => path.clone(),
                FilesystemAccess::Create => format!("{path}:create"),
            })
            .collect();
        let context = [
            ("shared", grants(&self.shared, Shared::word)),
            ("sockets", grants(&self.sockets, Socket::word)),
            ("devices", grants(&self.devices, Device::word)),
            ("features", grants(&self.features, Feature::word)),
            ("filesystems", filesystems),
            ("persistent", self.persistent.iter().cloned().collect()),
        ];
        let mut text = String::new();
        if context.iter().any(|(_, words)| !words.is_empty()) {
            text.push_str("[Context]\n");
            for (key, words) in context.iter().filter(|(_, words)| !words.is_empty()) {
                text.push_str(&format!("{key}={};\n", words.join(";")));
            }
        }
        let policies = [
            ("Session Bus Policy", &self.session_bus),
            ("System Bus Policy", &self.system_bus),
        ];
        for (group, names) in policies {
            if names.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&format!("[{group}]\n"));
            for (name, policy) in names {
                text.push_str(&format!("{name}={}\n", policy.word()));
            }
        }
        if !self.environment.is_empty() {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str("[Environment]\n");
            for (name, value) in &self.environment {
                text.push_str(&format!("{name}={value}\n"));
            }
        }
        text
    }
}

impl Shared {
    /// Flatpak's word for it (`network`).
    pub fn word(&self) -> &str {
        match self {
            Shared::Network => "network",
            Shared::Ipc => "ipc",
            Shared::Other(word) => word,
        }
    }
}

impl Socket {
    /// Flatpak's word for it (`wayland`).
    pub fn word(&self) -> &str {
        match self {
            Socket::X11 => "x11",
            Socket::FallbackX11 => "fallback-x11",
            Socket::Wayland => "wayland",
            Socket::PulseAudio => "pulseaudio",
            Socket::SessionBus => "session-bus",
            Socket::SystemBus => "system-bus",
            Socket::SshAuth => "ssh-auth",
            Socket::Pcsc => "pcsc",
            Socket::Cups => "cups",
            Socket::GpgAgent => "gpg-agent",
            Socket::Other(word) => word,
        }
    }
}

impl Device {
    /// Flatpak's word for it (`dri`).
    pub fn word(&self) -> &str {
        match self {
            Device::Dri => "dri",
            Device::Input => "input",
            Device::Usb => "usb",
            Device::Kvm => "kvm",
            Device::Shm => "shm",
            Device::All => "all",
            Device::Other(word) => word,
        }
    }
}

impl Feature {
    /// Flatpak's word for it (`devel`).
    pub fn word(&self) -> &str {
        match self {
            Feature::Devel => "devel",
            Feature::Multiarch => "multiarch",
            Feature::Bluetooth => "bluetooth",
            Feature::Canbus => "canbus",
            Feature::PerAppDevShm => "per-app-dev-shm",
            Feature::Other(word) => word,
        }
    }
}

impl BusPolicy {
    /// Flatpak's word for it (`talk`).
    pub fn word(self) -> &'static str {
        match self {
            BusPolicy::None => "none",
            BusPolicy::See => "see",
            BusPolicy::Talk => "talk",
            BusPolicy::Own => "own",
        }
    }
}

/// The value of `key` in `group` of a metadata keyfile (`[Application] runtime=`, …).
pub(crate) fn metadata_value(keyfile: &str, group: &str, key: &str) -> Option<String> {
    entries(keyfile)
        .find(|(g, k, _)| *g == group && *k == key)
        .map(|(_, _, value)| value.to_owned())
}

/// `(group, key, value)` of every entry of a GKeyFile-style text; comments and blank lines
/// skipped, whitespace around keys and values trimmed.
fn entries(keyfile: &str) -> impl Iterator<Item = (&str, &str, &str)> {
    let mut group = "";
    keyfile.lines().filter_map(move |line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            group = name;
            return None;
        }
        let (key, value) = line.split_once('=')?;
        Some((group, key.trim(), value.trim()))
    })
}

/// The words of a `;`-separated list (a trailing `;` is usual).
fn list(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(';')
        .map(str::trim)
        .filter(|word| !word.is_empty())
}

fn collect<K: Ord>(map: &mut BTreeMap<K, Grant>, value: &str, known: fn(&str) -> K) {
    for word in list(value) {
        match word.strip_prefix('!') {
            Some(denied) => map.insert(known(denied), Grant::Deny),
            None => map.insert(known(word), Grant::Allow),
        };
    }
}

fn shared(word: &str) -> Shared {
    match word {
        "network" => Shared::Network,
        "ipc" => Shared::Ipc,
        other => Shared::Other(other.to_owned()),
    }
}

fn socket(word: &str) -> Socket {
    match word {
        "x11" => Socket::X11,
        "fallback-x11" => Socket::FallbackX11,
        "wayland" => Socket::Wayland,
        "pulseaudio" => Socket::PulseAudio,
        "session-bus" => Socket::SessionBus,
        "system-bus" => Socket::SystemBus,
        "ssh-auth" => Socket::SshAuth,
        "pcsc" => Socket::Pcsc,
        "cups" => Socket::Cups,
        "gpg-agent" => Socket::GpgAgent,
        other => Socket::Other(other.to_owned()),
    }
}

fn device(word: &str) -> Device {
    match word {
        "dri" => Device::Dri,
        "input" => Device::Input,
        "usb" => Device::Usb,
        "kvm" => Device::Kvm,
        "shm" => Device::Shm,
        "all" => Device::All,
        other => Device::Other(other.to_owned()),
    }
}

fn feature(word: &str) -> Feature {
    match word {
        "devel" => Feature::Devel,
        "multiarch" => Feature::Multiarch,
        "bluetooth" => Feature::Bluetooth,
        "canbus" => Feature::Canbus,
        "per-app-dev-shm" => Feature::PerAppDevShm,
        other => Feature::Other(other.to_owned()),
    }
}

fn filesystem(word: &str) -> (String, FilesystemAccess) {
    if let Some(denied) = word.strip_prefix('!') {
        return (denied.to_owned(), FilesystemAccess::Denied);
    }
    for (suffix, access) in [
        (":ro", FilesystemAccess::ReadOnly),
        (":rw", FilesystemAccess::ReadWrite),
        (":create", FilesystemAccess::Create),
    ] {
        if let Some(path) = word.strip_suffix(suffix) {
            return (path.to_owned(), access);
        }
    }
    (word.to_owned(), FilesystemAccess::ReadWrite)
}

fn bus_policy(value: &str) -> Option<BusPolicy> {
    match value {
        "none" => Some(BusPolicy::None),
        "see" => Some(BusPolicy::See),
        "talk" => Some(BusPolicy::Talk),
        "own" => Some(BusPolicy::Own),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RICH: &str = "\
[Application]
name=org.example.Rich
runtime=org.example.Platform/x86_64/stable
command=rich

# a comment
[Context]
shared=network;ipc;
sockets=wayland;pulseaudio;!x11;frobnicate;
devices=dri;
features=devel;
filesystems=xdg-download;~/Music:ro;/srv/data:create;!home;
persistent=.rich;

[Session Bus Policy]
org.freedesktop.Notifications=talk
org.example.Rich.*=own
org.example.Broken=sometimes

[System Bus Policy]
org.freedesktop.UPower=talk

[Environment]
FOO=bar=baz
";

    #[test]
    fn metadata_is_read_into_typed_permissions() {
        let permissions = Permissions::parse(RICH);
        assert_eq!(
            permissions.shared,
            BTreeMap::from([(Shared::Network, Grant::Allow), (Shared::Ipc, Grant::Allow)])
        );
        assert_eq!(
            permissions.sockets,
            BTreeMap::from([
                (Socket::Wayland, Grant::Allow),
                (Socket::PulseAudio, Grant::Allow),
                (Socket::X11, Grant::Deny),
                (Socket::Other("frobnicate".into()), Grant::Allow),
            ])
        );
        assert_eq!(
            permissions.devices,
            BTreeMap::from([(Device::Dri, Grant::Allow)])
        );
        assert_eq!(
            permissions.features,
            BTreeMap::from([(Feature::Devel, Grant::Allow)])
        );
        assert_eq!(
            permissions.filesystems,
            BTreeMap::from([
                ("xdg-download".to_owned(), FilesystemAccess::ReadWrite),
                ("~/Music".to_owned(), FilesystemAccess::ReadOnly),
                ("/srv/data".to_owned(), FilesystemAccess::Create),
                ("home".to_owned(), FilesystemAccess::Denied),
            ])
        );
        assert_eq!(permissions.persistent, BTreeSet::from([".rich".to_owned()]));
        assert_eq!(
            permissions.session_bus,
            BTreeMap::from([
                ("org.freedesktop.Notifications".to_owned(), BusPolicy::Talk),
                ("org.example.Rich.*".to_owned(), BusPolicy::Own),
            ])
        );
        assert_eq!(
            permissions.system_bus,
            BTreeMap::from([("org.freedesktop.UPower".to_owned(), BusPolicy::Talk)])
        );
        assert_eq!(
            permissions.environment,
            BTreeMap::from([("FOO".to_owned(), "bar=baz".to_owned())])
        );
        assert!(!permissions.is_empty());
        assert_eq!(
            metadata_value(RICH, "Application", "runtime").as_deref(),
            Some("org.example.Platform/x86_64/stable")
        );
    }

    #[test]
    fn metadata_without_context_asks_for_nothing() {
        let permissions = Permissions::parse("[Application]\nname=org.example.Plain\n");
        assert!(permissions.is_empty());
    }

    #[test]
    fn an_override_replaces_what_it_names_and_keeps_the_rest() {
        let app = Permissions::parse(
            "[Context]\nshared=network;ipc;\nsockets=x11;\nfilesystems=home;xdg-download;\n\
             persistent=.a;\n[Session Bus Policy]\norg.a=talk\n[Environment]\nA=1\n",
        );
        let over = Permissions::parse(
            "[Context]\nshared=!network;\nsockets=wayland;\nfilesystems=!home;~/Music:ro;\n\
             persistent=.b;\n[Session Bus Policy]\norg.a=none\norg.b=own\n[Environment]\nA=2\n",
        );
        let merged = app.overlaid(&over);
        assert_eq!(
            merged.shared,
            BTreeMap::from([(Shared::Network, Grant::Deny), (Shared::Ipc, Grant::Allow)])
        );
        assert_eq!(
            merged.granted().sockets.keys().collect::<Vec<_>>(),
            vec![&Socket::X11, &Socket::Wayland]
        );
        assert_eq!(
            merged.granted().filesystems,
            BTreeMap::from([
                ("xdg-download".to_owned(), FilesystemAccess::ReadWrite),
                ("~/Music".to_owned(), FilesystemAccess::ReadOnly),
            ])
        );
        assert_eq!(merged.persistent.len(), 2);
        assert_eq!(
            merged.granted().session_bus,
            BTreeMap::from([("org.b".to_owned(), BusPolicy::Own)])
        );
        assert_eq!(merged.environment.get("A").map(String::as_str), Some("2"));
        assert_eq!(
            merged.granted().shared.keys().collect::<Vec<_>>(),
            vec![&Shared::Ipc]
        );
        // Nothing over nothing changes nothing.
        assert_eq!(app.overlaid(&Permissions::default()), app);
    }

    #[test]
    fn what_an_update_adds_is_listed_and_nothing_else() {
        let old = Permissions::parse(
            "[Context]\nshared=network;\nsockets=x11;\nfilesystems=xdg-download:ro;~/Music;\n\
             [Session Bus Policy]\norg.a=talk\norg.b=own\n[Environment]\nA=1\n",
        );
        let new = Permissions::parse(
            "[Context]\nshared=network;\nsockets=x11;wayland;\ndevices=dri;\n\
             filesystems=xdg-download;~/Music:ro;home;!host;\n\
             [Session Bus Policy]\norg.a=own\norg.b=talk\norg.c=none\n[Environment]\nA=1\nB=2\n",
        );
        let added = old.added_in(&new);
        assert_eq!(
            added,
            Permissions {
                sockets: BTreeMap::from([(Socket::Wayland, Grant::Allow)]),
                devices: BTreeMap::from([(Device::Dri, Grant::Allow)]),
                filesystems: BTreeMap::from([
                    ("xdg-download".to_owned(), FilesystemAccess::ReadWrite),
                    ("home".to_owned(), FilesystemAccess::ReadWrite),
                ]),
                session_bus: BTreeMap::from([("org.a".to_owned(), BusPolicy::Own)]),
                environment: BTreeMap::from([("B".to_owned(), "2".to_owned())]),
                ..Permissions::default()
            }
        );
        assert!(new.added_in(&new).is_empty());
    }

    #[test]
    fn a_keyfile_written_reads_back_the_same() {
        let permissions = Permissions::parse(RICH);
        let written = permissions.to_keyfile();
        assert_eq!(Permissions::parse(&written), permissions, "{written}");
        assert!(
            written.contains("filesystems=/srv/data:create;!home;xdg-download;~/Music:ro;\n"),
            "{written}"
        );
        assert_eq!(Permissions::default().to_keyfile(), "");
        let denied = Permissions {
            shared: BTreeMap::from([(Shared::Network, Grant::Deny)]),
            ..Permissions::default()
        };
        assert_eq!(denied.to_keyfile(), "[Context]\nshared=!network;\n");
    }
}
