//! The PipeWire graph as the PipeWire thread has seen it (plain data, no
//! PipeWire types): objects' properties and parameters as they arrive, and
//! the [`Snapshot`] built from them.

use std::collections::BTreeMap;

use super::pods::{PropsVolume, Route, RouteInfo};
use super::types::{
    AppStream, AudioDevice, Defaults, DeviceId, Direction, Endpoint, NodeId, NodeState, NodeVolume,
    Port, Profile, Snapshot, StreamDirection, StreamTarget,
};
use super::volume::ChannelVolumes;

/// Marks the streams this module creates (test tones, level meters), which
/// the snapshot leaves out.
pub(crate) const INTERNAL_KEY: &str = "ferrum.audio.internal";

/// Properties of an object, by key.
pub(crate) type Props = BTreeMap<String, String>;

#[derive(Debug, Clone, Default)]
pub(crate) struct NodeEntry {
    pub(crate) props: Props,
    pub(crate) volume: PropsVolume,
    /// Its state, from its info.
    pub(crate) state: NodeState,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct DeviceEntry {
    pub(crate) props: Props,
    pub(crate) profiles: BTreeMap<u32, Profile>,
    pub(crate) active_profile: Option<u32>,
    /// Active routes by the profile device they are on.
    pub(crate) routes: BTreeMap<i32, Route>,
    /// Every route (port) of the card, by index (`EnumRoute`).
    pub(crate) ports: BTreeMap<u32, RouteInfo>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LinkEntry {
    pub(crate) output_node: u32,
    pub(crate) input_node: u32,
}

/// A stream's `target.*` entries in the `default` metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TargetEntry {
    /// `target.object`: a serial or a node name.
    pub(crate) object: Option<String>,
    /// `target.node`: a global id (older clients).
    pub(crate) node: Option<String>,
}

/// What kind of node a `media.class` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NodeKind {
    Endpoint { output: bool, input: bool },
    Stream(StreamDirection),
    Other,
}

pub(crate) fn node_kind(props: &Props) -> NodeKind {
    match props.get("media.class").map(String::as_str) {
        Some("Audio/Sink") => NodeKind::Endpoint {
            output: true,
            input: false,
        },
        Some("Audio/Source" | "Audio/Source/Virtual") => NodeKind::Endpoint {
            output: false,
            input: true,
        },
        Some("Audio/Duplex") => NodeKind::Endpoint {
            output: true,
            input: true,
        },
        Some("Stream/Output/Audio") => NodeKind::Stream(StreamDirection::Playback),
        Some("Stream/Input/Audio") => NodeKind::Stream(StreamDirection::Recording),
        _ => NodeKind::Other,
    }
}

fn truthy(props: &Props, key: &str) -> bool {
    props
        .get(key)
        .is_some_and(|value| value == "true" || value == "1")
}

fn text(props: &Props, key: &str) -> Option<String> {
    props.get(key).filter(|value| !value.is_empty()).cloned()
}

/// The graph: every object the snapshot is built from, by global id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Graph {
    pub(crate) nodes: BTreeMap<u32, NodeEntry>,
    pub(crate) devices: BTreeMap<u32, DeviceEntry>,
    pub(crate) clients: BTreeMap<u32, Props>,
    pub(crate) links: BTreeMap<u32, LinkEntry>,
    /// The global id of the session manager's `default` metadata, while it exists.
    pub(crate) default_metadata: Option<u32>,
    /// Subject-0 entries of the `default` metadata (`default.audio.sink`, …).
    pub(crate) defaults: BTreeMap<String, String>,
    /// Streams' `target.*` entries, by subject (the stream's id).
    pub(crate) targets: BTreeMap<u32, TargetEntry>,
}

impl Graph {
    /// Forgets a removed global.
    pub(crate) fn remove(&mut self, id: u32) {
        self.nodes.remove(&id);
        self.devices.remove(&id);
        self.clients.remove(&id);
        self.links.remove(&id);
        self.targets.remove(&id);
        if self.default_metadata == Some(id) {
            self.default_metadata = None;
            self.defaults.clear();
            self.targets.clear();
        }
    }

    /// Takes one property of the `default` metadata (`value` `None`: removed;
    /// `key` `None`: everything of `subject` removed).
    pub(crate) fn set_metadata(&mut self, subject: u32, key: Option<&str>, value: Option<&str>) {
        let Some(key) = key else {
            if subject == 0 {
                self.defaults.clear();
            }
            self.targets.remove(&subject);
            return;
        };
        if subject == 0 {
            match value {
                Some(value) => {
                    self.defaults.insert(key.to_owned(), value.to_owned());
                }
                None => {
                    self.defaults.remove(key);
                }
            }
            return;
        }
        let entry = self.targets.entry(subject).or_default();
        let slot = match key {
            "target.object" => &mut entry.object,
            "target.node" => &mut entry.node,
            _ => return,
        };
        *slot = value.map(str::to_owned);
        if entry.object.is_none() && entry.node.is_none() {
            self.targets.remove(&subject);
        }
    }

    /// Builds the snapshot.
    pub(crate) fn snapshot(&self) -> Snapshot {
        let mut snapshot = Snapshot {
            session_manager: self.default_metadata.is_some(),
            defaults: self.defaults(),
            ..Snapshot::default()
        };
        for (&id, node) in &self.nodes {
            match node_kind(&node.props) {
                NodeKind::Endpoint { output, input } => {
                    if output {
                        snapshot
                            .outputs
                            .push(self.endpoint(id, node, Direction::Output));
                    }
                    if input {
                        snapshot
                            .inputs
                            .push(self.endpoint(id, node, Direction::Input));
                    }
                }
                NodeKind::Stream(direction) => {
                    if truthy(&node.props, INTERNAL_KEY) || truthy(&node.props, "stream.monitor") {
                        continue;
                    }
                    snapshot.streams.push(self.stream(id, node, direction));
                }
                NodeKind::Other => {}
            }
        }
        for (&id, device) in &self.devices {
            if device.props.get("media.class").map(String::as_str) != Some("Audio/Device") {
                continue;
            }
            snapshot.devices.push(AudioDevice {
                id: DeviceId(id),
                name: text(&device.props, "device.name").unwrap_or_default(),
                description: text(&device.props, "device.description")
                    .or_else(|| text(&device.props, "device.nick"))
                    .or_else(|| text(&device.props, "device.name"))
                    .unwrap_or_else(|| format!("Device {id}")),
                icon_name: text(&device.props, "device.icon-name"),
                form_factor: text(&device.props, "device.form-factor"),
                bus: text(&device.props, "device.bus"),
                profiles: device.profiles.values().cloned().collect(),
                active_profile: device.active_profile,
            });
        }
        snapshot
    }

    fn defaults(&self) -> Defaults {
        let name = |key: &str| self.defaults.get(key).and_then(|json| default_name(json));
        Defaults {
            output: name(Direction::Output.default_key()),
            input: name(Direction::Input.default_key()),
            configured_output: name(Direction::Output.configured_key()),
            configured_input: name(Direction::Input.configured_key()),
        }
    }

    fn endpoint(&self, id: u32, node: &NodeEntry, direction: Direction) -> Endpoint {
        let device = node
            .props
            .get("device.id")
            .and_then(|id| id.parse().ok())
            .filter(|id| self.devices.contains_key(id));
        let icon_name = text(&node.props, "device.icon-name").or_else(|| {
            device
                .and_then(|id| self.devices.get(&id))
                .and_then(|device| text(&device.props, "device.icon-name"))
        });
        Endpoint {
            id: NodeId(id),
            direction,
            name: text(&node.props, "node.name").unwrap_or_default(),
            description: text(&node.props, "node.description")
                .or_else(|| text(&node.props, "node.nick"))
                .or_else(|| text(&node.props, "node.name"))
                .unwrap_or_else(|| format!("Node {id}")),
            icon_name,
            device: device.map(DeviceId),
            volume: node_volume(&node.volume),
            ports: self.ports(node, direction),
        }
    }

    /// The ports a node of a card can use in the card's active profile, as
    /// pipewire-pulse lists a sink's or source's ports: routes of its
    /// direction, for its profile device, in the active profile.
    fn ports(&self, node: &NodeEntry, direction: Direction) -> Vec<Port> {
        let Some((device, profile_device)) = card_of(node) else {
            return Vec::new();
        };
        let Some(entry) = self.devices.get(&device) else {
            return Vec::new();
        };
        let active = entry.routes.get(&profile_device).map(|route| route.index);
        let profile = entry
            .active_profile
            .and_then(|profile| i32::try_from(profile).ok());
        entry
            .ports
            .values()
            .filter(|route| route.direction == direction)
            .filter(|route| route.devices.is_empty() || route.devices.contains(&profile_device))
            .filter(|route| {
                route.profiles.is_empty()
                    || profile.is_none_or(|profile| route.profiles.contains(&profile))
            })
            .map(|route| Port {
                index: route.index,
                name: route.name.clone(),
                description: route.description.clone(),
                available: route.available,
                priority: route.priority,
                active: active.and_then(|index| u32::try_from(index).ok()) == Some(route.index),
            })
            .collect()
    }

    /// Where to switch node `id` to port `port`: (device global id, profile
    /// device), if the node has that port now.
    pub(crate) fn port_of(&self, id: u32, port: u32) -> Option<(u32, i32)> {
        let node = self.nodes.get(&id)?;
        let NodeKind::Endpoint { output, input } = node_kind(&node.props) else {
            return None;
        };
        let directions = [(output, Direction::Output), (input, Direction::Input)];
        let has = directions.into_iter().any(|(has, direction)| {
            has && self
                .ports(node, direction)
                .iter()
                .any(|candidate| candidate.index == port)
        });
        if has { card_of(node) } else { None }
    }

    fn stream(&self, id: u32, node: &NodeEntry, direction: StreamDirection) -> AppStream {
        let client = node
            .props
            .get("client.id")
            .and_then(|id| id.parse::<u32>().ok())
            .and_then(|id| self.clients.get(&id));
        let from_either = |key: &str| {
            text(&node.props, key).or_else(|| client.and_then(|client| text(client, key)))
        };
        let mut linked_to: Vec<NodeId> = self
            .links
            .values()
            .filter_map(|link| match direction {
                StreamDirection::Playback if link.output_node == id => Some(link.input_node),
                StreamDirection::Recording if link.input_node == id => Some(link.output_node),
                _ => None,
            })
            .map(NodeId)
            .collect();
        linked_to.sort_unstable();
        linked_to.dedup();
        AppStream {
            id: NodeId(id),
            direction,
            application_name: from_either("application.name"),
            icon_name: from_either("application.icon-name"),
            binary: from_either("application.process.binary"),
            media_name: text(&node.props, "media.name"),
            media_role: text(&node.props, "media.role"),
            linked_to,
            target: self.target(id),
            volume: node_volume(&node.volume),
            state: node.state,
        }
    }

    /// Where the metadata sends a stream, resolved to a node that exists.
    fn target(&self, stream: u32) -> Option<StreamTarget> {
        let entry = self.targets.get(&stream)?;
        // WirePlumber reads `target.object` first, as here.
        if let Some(object) = entry.object.as_deref() {
            return self.resolve_object(object);
        }
        let node = entry.node.as_deref()?.trim();
        if node == "-1" {
            return Some(StreamTarget::FollowDefault);
        }
        node.parse::<u32>()
            .ok()
            .filter(|id| self.nodes.contains_key(id))
            .map(|id| StreamTarget::Node(NodeId(id)))
    }

    /// A `target.object` value: `-1`, a serial, or a node name.
    fn resolve_object(&self, value: &str) -> Option<StreamTarget> {
        let value = value.trim();
        if value == "-1" {
            return Some(StreamTarget::FollowDefault);
        }
        let found = if value.parse::<u64>().is_ok() {
            self.nodes.iter().find(|(_, node)| {
                node.props.get("object.serial").map(String::as_str) == Some(value)
            })
        } else {
            self.nodes
                .iter()
                .find(|(_, node)| node.props.get("node.name").map(String::as_str) == Some(value))
        };
        found.map(|(&id, _)| StreamTarget::Node(NodeId(id)))
    }

    /// Whether a chosen default names an output or input that exists but is
    /// not the current default yet (WirePlumber follows a moment later).
    pub(crate) fn default_is_settling(&self) -> bool {
        [Direction::Output, Direction::Input]
            .into_iter()
            .any(|direction| {
                let name = |key: &str| self.defaults.get(key).and_then(|json| default_name(json));
                let Some(configured) = name(direction.configured_key()) else {
                    return false;
                };
                let exists = self.nodes.values().any(|node| {
                    node.props.get("node.name") == Some(&configured)
                        && matches!(node_kind(&node.props), NodeKind::Endpoint { .. })
                });
                exists && name(direction.default_key()).as_ref() != Some(&configured)
            })
    }

    /// The device route a node's volume lives on: (device global id, route).
    pub(crate) fn route_of(&self, id: u32) -> Option<(u32, &Route)> {
        let node = self.nodes.get(&id)?;
        let device: u32 = node.props.get("device.id")?.parse().ok()?;
        let profile_device: i32 = node.props.get("card.profile.device")?.parse().ok()?;
        let route = self.devices.get(&device)?.routes.get(&profile_device)?;
        Some((device, route))
    }
}

/// A node's card: (device global id, profile device), from `device.id` and
/// `card.profile.device`.
fn card_of(node: &NodeEntry) -> Option<(u32, i32)> {
    let device = node.props.get("device.id")?.parse().ok()?;
    let profile_device = node.props.get("card.profile.device")?.parse().ok()?;
    Some((device, profile_device))
}

/// A node's volume for the snapshot, once it has reported channel volumes.
fn node_volume(props: &PropsVolume) -> Option<NodeVolume> {
    let volumes = props.channel_volumes.clone()?;
    let map = props.channel_map.clone().unwrap_or_default();
    Some(NodeVolume {
        channels: ChannelVolumes::from_linear(volumes),
        map,
        mute: props.mute.unwrap_or(false),
    })
}

/// The node name in a default's JSON value (`{"name": "alsa_output…"}`).
pub(crate) fn default_name(json: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    value
        .get("name")
        .and_then(serde_json::Value::as_str)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
}

/// A default's JSON value for a node name, as WirePlumber writes it.
pub(crate) fn default_value(name: &str) -> String {
    serde_json::json!({ "name": name }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::types::{Availability, Channel};

    fn props(pairs: &[(&str, &str)]) -> Props {
        pairs
            .iter()
            .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
            .collect()
    }

    fn node(pairs: &[(&str, &str)]) -> NodeEntry {
        NodeEntry {
            props: props(pairs),
            ..NodeEntry::default()
        }
    }

    /// The bed's graph: two null sinks, a virtual source, a playing pw-play.
    fn bed_graph() -> Graph {
        let mut graph = Graph::default();
        let mut speakers = node(&[
            ("media.class", "Audio/Sink"),
            ("node.name", "desk-speakers"),
            ("node.description", "Desk Speakers"),
            ("object.serial", "30"),
        ]);
        speakers.volume = PropsVolume {
            channel_volumes: Some(vec![0.125, 0.125]),
            channel_map: Some(vec![Channel::FrontLeft, Channel::FrontRight]),
            mute: Some(true),
        };
        graph.nodes.insert(30, speakers);
        graph.nodes.insert(
            31,
            node(&[
                ("media.class", "Audio/Sink"),
                ("node.name", "usb-headset"),
                ("node.nick", "Headset"),
                ("object.serial", "31"),
            ]),
        );
        graph.nodes.insert(
            32,
            node(&[
                ("media.class", "Audio/Source/Virtual"),
                ("node.name", "desk-microphone"),
                ("object.serial", "32"),
            ]),
        );
        graph.nodes.insert(
            49,
            node(&[
                ("media.class", "Stream/Output/Audio"),
                ("node.name", "pw-play"),
                ("media.name", "tone.wav"),
                ("client.id", "48"),
                ("object.serial", "79"),
            ]),
        );
        graph.nodes.insert(
            50,
            node(&[
                ("media.class", "Stream/Input/Audio"),
                ("node.name", "ferrum-level-meter"),
                (INTERNAL_KEY, "true"),
            ]),
        );
        graph
            .nodes
            .insert(28, node(&[("node.name", "Dummy-Driver")]));
        graph.clients.insert(
            48,
            props(&[
                ("application.name", "Tone Player"),
                ("application.icon-name", "audio-x-generic"),
            ]),
        );
        graph.links.insert(
            60,
            LinkEntry {
                output_node: 49,
                input_node: 31,
            },
        );
        graph.links.insert(
            61,
            LinkEntry {
                output_node: 49,
                input_node: 31,
            },
        );
        graph.default_metadata = Some(36);
        graph.set_metadata(
            0,
            Some("default.audio.sink"),
            Some(r#"{"name":"usb-headset"}"#),
        );
        graph.set_metadata(
            0,
            Some("default.configured.audio.sink"),
            Some(r#"{ "name": "usb-headset" }"#),
        );
        graph.set_metadata(
            0,
            Some("default.audio.source"),
            Some(r#"{"name":"desk-microphone"}"#),
        );
        graph
    }

    #[test]
    fn the_snapshot_sorts_nodes_into_outputs_inputs_and_streams() {
        let snapshot = bed_graph().snapshot();
        let names = |endpoints: &[Endpoint]| {
            endpoints
                .iter()
                .map(|e| (e.id.0, e.description.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(&snapshot.outputs),
            [(30, "Desk Speakers".to_owned()), (31, "Headset".to_owned())]
        );
        assert_eq!(
            names(&snapshot.inputs),
            [(32, "desk-microphone".to_owned())]
        );
        // Our own meter is left out.
        assert_eq!(snapshot.streams.len(), 1);
        let stream = &snapshot.streams[0];
        assert_eq!(stream.application_name.as_deref(), Some("Tone Player"));
        assert_eq!(stream.icon_name.as_deref(), Some("audio-x-generic"));
        assert_eq!(stream.media_name.as_deref(), Some("tone.wav"));
        assert_eq!(stream.linked_to, [NodeId(31)]);
        assert_eq!(stream.target, None);
        assert!(snapshot.session_manager);
        assert_eq!(snapshot.defaults.output.as_deref(), Some("usb-headset"));
        assert_eq!(
            snapshot.defaults.configured_output.as_deref(),
            Some("usb-headset")
        );
        assert_eq!(snapshot.defaults.input.as_deref(), Some("desk-microphone"));
        assert_eq!(snapshot.defaults.configured_input, None);
        let volume = snapshot.outputs[0].volume.clone().unwrap();
        assert!(volume.mute);
        assert!((volume.master() - 0.5).abs() < 1e-4);
        assert_eq!(snapshot.outputs[1].volume, None);
    }

    #[test]
    fn targets_resolve_by_serial_name_or_id() {
        let mut graph = bed_graph();
        graph.set_metadata(49, Some("target.object"), Some("30"));
        assert_eq!(
            graph.snapshot().streams[0].target,
            Some(StreamTarget::Node(NodeId(30)))
        );
        graph.set_metadata(49, Some("target.object"), Some("usb-headset"));
        assert_eq!(
            graph.snapshot().streams[0].target,
            Some(StreamTarget::Node(NodeId(31)))
        );
        graph.set_metadata(49, Some("target.object"), None);
        graph.set_metadata(49, Some("target.node"), Some("30"));
        assert_eq!(
            graph.snapshot().streams[0].target,
            Some(StreamTarget::Node(NodeId(30)))
        );
        graph.set_metadata(49, Some("target.node"), Some("-1"));
        assert_eq!(
            graph.snapshot().streams[0].target,
            Some(StreamTarget::FollowDefault)
        );
        // A target that is gone reads as none.
        graph.set_metadata(49, Some("target.object"), Some("999"));
        assert_eq!(graph.snapshot().streams[0].target, None);
        graph.set_metadata(49, None, None);
        assert!(!graph.targets.contains_key(&49));
    }

    #[test]
    fn without_the_session_manager_there_are_no_defaults() {
        let mut graph = bed_graph();
        graph.remove(36);
        let snapshot = graph.snapshot();
        assert!(!snapshot.session_manager);
        assert_eq!(snapshot.defaults, Defaults::default());
        assert_eq!(snapshot.outputs.len(), 2);
    }

    #[test]
    fn removed_objects_leave_the_snapshot() {
        let mut graph = bed_graph();
        graph.remove(61);
        graph.remove(60);
        assert!(graph.snapshot().streams[0].linked_to.is_empty());
        graph.remove(49);
        assert!(graph.snapshot().streams.is_empty());
    }

    #[test]
    fn devices_with_profiles_and_routes() {
        let mut graph = bed_graph();
        let mut card = DeviceEntry {
            props: props(&[
                ("media.class", "Audio/Device"),
                ("device.name", "alsa_card.pci-0000_00_1f.3"),
                ("device.description", "Built-in Audio"),
                ("device.icon-name", "audio-card-analog-pci"),
            ]),
            ..DeviceEntry::default()
        };
        card.profiles.insert(
            1,
            Profile {
                index: 1,
                name: "output:analog-stereo".into(),
                description: "Analog Stereo Output".into(),
                available: Availability::Yes,
                priority: 6500,
            },
        );
        card.active_profile = Some(1);
        card.routes.insert(
            0,
            Route {
                index: 3,
                device: 0,
                props: PropsVolume::default(),
            },
        );
        graph.devices.insert(40, card);
        graph.devices.insert(
            41,
            DeviceEntry {
                props: props(&[("media.class", "Video/Device")]),
                ..DeviceEntry::default()
            },
        );
        graph.nodes.insert(
            42,
            node(&[
                ("media.class", "Audio/Sink"),
                ("node.name", "alsa_output.analog"),
                ("device.id", "40"),
                ("card.profile.device", "0"),
            ]),
        );
        let snapshot = graph.snapshot();
        assert_eq!(snapshot.devices.len(), 1);
        let device = &snapshot.devices[0];
        assert_eq!(device.description, "Built-in Audio");
        assert_eq!(
            device.active().map(|p| p.name.as_str()),
            Some("output:analog-stereo")
        );
        let output = snapshot.endpoint(NodeId(42)).unwrap();
        assert_eq!(output.device, Some(DeviceId(40)));
        assert_eq!(output.icon_name.as_deref(), Some("audio-card-analog-pci"));
        assert_eq!(
            graph
                .route_of(42)
                .map(|(device, route)| (device, route.index)),
            Some((40, 3))
        );
        assert_eq!(graph.route_of(30), None);
    }

    fn route_info(index: u32, direction: Direction, description: &str) -> RouteInfo {
        RouteInfo {
            index,
            direction,
            name: description.to_lowercase(),
            description: description.into(),
            priority: 100 * index,
            available: Availability::Unknown,
            profiles: vec![1],
            devices: vec![0],
        }
    }

    #[test]
    fn a_card_lists_the_ports_of_its_active_profile() {
        let mut graph = bed_graph();
        let mut card = DeviceEntry {
            props: props(&[("media.class", "Audio/Device")]),
            active_profile: Some(1),
            ..DeviceEntry::default()
        };
        card.ports
            .insert(0, route_info(0, Direction::Output, "Speakers"));
        let mut headphones = route_info(1, Direction::Output, "Headphones");
        headphones.available = Availability::No;
        card.ports.insert(1, headphones);
        card.ports
            .insert(2, route_info(2, Direction::Input, "Microphone"));
        // Only in another profile, and only for another profile device.
        let mut hdmi = route_info(3, Direction::Output, "HDMI");
        hdmi.profiles = vec![2];
        card.ports.insert(3, hdmi);
        let mut line = route_info(4, Direction::Output, "Line Out");
        line.devices = vec![1];
        card.ports.insert(4, line);
        card.routes.insert(
            0,
            Route {
                index: 0,
                device: 0,
                props: PropsVolume::default(),
            },
        );
        graph.devices.insert(40, card);
        graph.nodes.insert(
            42,
            node(&[
                ("media.class", "Audio/Sink"),
                ("node.name", "alsa_output.analog"),
                ("device.id", "40"),
                ("card.profile.device", "0"),
            ]),
        );
        let snapshot = graph.snapshot();
        let output = snapshot.endpoint(NodeId(42)).unwrap();
        let ports: Vec<(&str, Availability, bool)> = output
            .ports
            .iter()
            .map(|port| (port.description.as_str(), port.available, port.active))
            .collect();
        assert_eq!(
            ports,
            [
                ("Speakers", Availability::Unknown, true),
                ("Headphones", Availability::No, false),
            ]
        );
        assert_eq!(output.active_port().map(|port| port.index), Some(0));
        assert_eq!(graph.port_of(42, 1), Some((40, 0)));
        assert_eq!(graph.port_of(42, 2), None, "a capture port");
        assert_eq!(graph.port_of(42, 3), None, "another profile's");
        assert_eq!(graph.port_of(42, 4), None, "another device's");
        // Null sinks have no card: no ports.
        assert!(snapshot.endpoint(NodeId(30)).unwrap().ports.is_empty());
        assert_eq!(graph.port_of(30, 0), None);
        // Another active route: another active port.
        graph.devices.get_mut(&40).unwrap().routes.insert(
            0,
            Route {
                index: 1,
                device: 0,
                props: PropsVolume::default(),
            },
        );
        let snapshot = graph.snapshot();
        let active = snapshot.endpoint(NodeId(42)).unwrap().active_port();
        assert_eq!(active.map(|port| port.name.as_str()), Some("headphones"));
    }

    #[test]
    fn streams_say_whether_they_play() {
        let mut graph = bed_graph();
        assert_eq!(graph.snapshot().streams[0].state, NodeState::Unknown);
        graph.nodes.get_mut(&49).unwrap().state = NodeState::Running;
        assert!(graph.snapshot().streams[0].state.is_running());
        graph.nodes.get_mut(&49).unwrap().state = NodeState::Idle;
        assert!(graph.snapshot().streams[0].state.is_paused());
    }

    #[test]
    fn a_chosen_default_not_yet_followed_is_settling() {
        let mut graph = bed_graph();
        assert!(!graph.default_is_settling());
        graph.set_metadata(
            0,
            Some("default.configured.audio.sink"),
            Some(r#"{"name":"desk-speakers"}"#),
        );
        assert!(graph.default_is_settling());
        graph.set_metadata(
            0,
            Some("default.audio.sink"),
            Some(r#"{"name":"desk-speakers"}"#),
        );
        assert!(!graph.default_is_settling());
        // A chosen default that is not there is not waited for.
        graph.set_metadata(
            0,
            Some("default.configured.audio.source"),
            Some(r#"{"name":"gone"}"#),
        );
        assert!(!graph.default_is_settling());
    }

    #[test]
    fn default_values_are_json() {
        assert_eq!(
            default_name(r#"{"name":"usb-headset"}"#).as_deref(),
            Some("usb-headset")
        );
        assert_eq!(
            default_name(r#"{ "name": "a \"b\"" }"#).as_deref(),
            Some("a \"b\"")
        );
        assert_eq!(default_name("usb-headset"), None);
        assert_eq!(default_name(r#"{"name":""}"#), None);
        assert_eq!(default_value("a \"b\""), r#"{"name":"a \"b\""}"#);
        assert_eq!(
            default_name(&default_value("usb-headset")).as_deref(),
            Some("usb-headset")
        );
    }

    #[test]
    fn kinds_of_nodes() {
        let kind = |class: &str| node_kind(&props(&[("media.class", class)]));
        assert_eq!(
            kind("Audio/Sink"),
            NodeKind::Endpoint {
                output: true,
                input: false
            }
        );
        assert_eq!(
            kind("Audio/Source"),
            NodeKind::Endpoint {
                output: false,
                input: true
            }
        );
        assert_eq!(
            kind("Audio/Duplex"),
            NodeKind::Endpoint {
                output: true,
                input: true
            }
        );
        assert_eq!(
            kind("Stream/Output/Audio"),
            NodeKind::Stream(StreamDirection::Playback)
        );
        assert_eq!(kind("Video/Source"), NodeKind::Other);
        assert_eq!(node_kind(&Props::new()), NodeKind::Other);
    }
}
