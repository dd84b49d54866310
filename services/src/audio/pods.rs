//! PipeWire parameters (SPA pods) read and built: a node's `Props` (volume,
//! mute, channel map), a device's profiles, routes and ports (`EnumRoute`),
//! and the audio format
//! of our own streams. Every pod goes through libspa's `Value`, so nothing
//! here touches raw memory; every failure is a value.

use std::io::Cursor;

use pipewire::spa;
use spa::pod::deserialize::PodDeserializer;
use spa::pod::serialize::PodSerializer;
use spa::pod::{Object, Property, Value, ValueArray};
use spa::sys;
use spa::utils::Id;

use super::error::{AudioError, LocalFailure};
use super::types::{Availability, Channel, Direction, Profile};

/// What a node's `Props` parameter says about its volume; each field only
/// when the pod has it (a node may send several `Props` objects).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct PropsVolume {
    pub(crate) channel_volumes: Option<Vec<f32>>,
    pub(crate) channel_map: Option<Vec<Channel>>,
    pub(crate) mute: Option<bool>,
}

impl PropsVolume {
    /// Takes the fields `newer` has.
    pub(crate) fn merge(&mut self, newer: PropsVolume) {
        if newer.channel_volumes.is_some() {
            self.channel_volumes = newer.channel_volumes;
        }
        if newer.channel_map.is_some() {
            self.channel_map = newer.channel_map;
        }
        if newer.mute.is_some() {
            self.mute = newer.mute;
        }
    }
}

/// A device's active route (`Route`): a port of a card (speakers,
/// headphones) whose volume lives on the device, not on the node.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Route {
    /// The route's index.
    pub(crate) index: i32,
    /// The card's profile device it is active on; nodes name it in
    /// `card.profile.device`.
    pub(crate) device: i32,
    /// Its volume, as a `Props` object inside the route.
    pub(crate) props: PropsVolume,
}

/// One of a device's routes (`EnumRoute`): a port of the card, such as
/// "Speakers" or "Headphones", with the profiles and profile devices it
/// can be used with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RouteInfo {
    pub(crate) index: u32,
    /// Output for playback ports (sinks), input for capture ports.
    pub(crate) direction: Direction,
    pub(crate) name: String,
    pub(crate) description: String,
    pub(crate) priority: u32,
    pub(crate) available: Availability,
    /// The profiles it is in (empty: any).
    pub(crate) profiles: Vec<i32>,
    /// The profile devices (`card.profile.device` of nodes) it is for
    /// (empty: any).
    pub(crate) devices: Vec<i32>,
}

/// The value of a pod, or `None` when libspa cannot read it.
pub(crate) fn value_of(bytes: &[u8]) -> Option<Value> {
    PodDeserializer::deserialize_any_from(bytes)
        .ok()
        .map(|(_, value)| value)
}

/// Reads a `Props` object.
pub(crate) fn parse_props(value: &Value) -> Option<PropsVolume> {
    let Value::Object(object) = value else {
        return None;
    };
    if object.type_ != sys::SPA_TYPE_OBJECT_Props {
        return None;
    }
    let mut props = PropsVolume::default();
    for property in &object.properties {
        match (property.key, &property.value) {
            (sys::SPA_PROP_channelVolumes, Value::ValueArray(ValueArray::Float(volumes))) => {
                props.channel_volumes = Some(volumes.clone());
            }
            (sys::SPA_PROP_channelMap, Value::ValueArray(ValueArray::Id(ids))) => {
                props.channel_map = Some(ids.iter().map(|id| channel_from_spa(id.0)).collect());
            }
            (sys::SPA_PROP_mute, Value::Bool(mute)) => props.mute = Some(*mute),
            _ => {}
        }
    }
    Some(props)
}

/// Reads an `EnumProfile` or `Profile` object.
pub(crate) fn parse_profile(value: &Value) -> Option<Profile> {
    let Value::Object(object) = value else {
        return None;
    };
    if object.type_ != sys::SPA_TYPE_OBJECT_ParamProfile {
        return None;
    }
    let mut index = None;
    let mut profile = Profile {
        index: 0,
        name: String::new(),
        description: String::new(),
        available: Availability::Unknown,
        priority: 0,
    };
    for property in &object.properties {
        match (property.key, &property.value) {
            (sys::SPA_PARAM_PROFILE_index, Value::Int(value)) => {
                index = u32::try_from(*value).ok();
            }
            (sys::SPA_PARAM_PROFILE_name, Value::String(name)) => profile.name = name.clone(),
            (sys::SPA_PARAM_PROFILE_description, Value::String(description)) => {
                profile.description = description.clone();
            }
            (sys::SPA_PARAM_PROFILE_priority, Value::Int(priority)) => {
                profile.priority = u32::try_from(*priority).unwrap_or(0);
            }
            (sys::SPA_PARAM_PROFILE_available, Value::Id(Id(available))) => {
                profile.available = availability(*available);
            }
            _ => {}
        }
    }
    profile.index = index?;
    if profile.description.is_empty() {
        profile.description = profile.name.clone();
    }
    Some(profile)
}

/// Reads a `Route` object (an active route of a device).
pub(crate) fn parse_route(value: &Value) -> Option<Route> {
    let Value::Object(object) = value else {
        return None;
    };
    if object.type_ != sys::SPA_TYPE_OBJECT_ParamRoute {
        return None;
    }
    let mut index = None;
    let mut device = None;
    let mut props = PropsVolume::default();
    for property in &object.properties {
        match (property.key, &property.value) {
            (sys::SPA_PARAM_ROUTE_index, Value::Int(value)) => index = Some(*value),
            (sys::SPA_PARAM_ROUTE_device, Value::Int(value)) => device = Some(*value),
            (sys::SPA_PARAM_ROUTE_props, value) => props = parse_props(value).unwrap_or_default(),
            _ => {}
        }
    }
    Some(Route {
        index: index?,
        device: device?,
        props,
    })
}

/// Reads an `EnumRoute` object (one port of a device).
pub(crate) fn parse_enum_route(value: &Value) -> Option<RouteInfo> {
    let Value::Object(object) = value else {
        return None;
    };
    if object.type_ != sys::SPA_TYPE_OBJECT_ParamRoute {
        return None;
    }
    let mut index = None;
    let mut direction = None;
    let mut route = RouteInfo {
        index: 0,
        direction: Direction::Output,
        name: String::new(),
        description: String::new(),
        priority: 0,
        available: Availability::Unknown,
        profiles: Vec::new(),
        devices: Vec::new(),
    };
    let ints = |value: &Value| match value {
        Value::ValueArray(ValueArray::Int(values)) => values.clone(),
        Value::Int(value) => vec![*value],
        _ => Vec::new(),
    };
    for property in &object.properties {
        match (property.key, &property.value) {
            (sys::SPA_PARAM_ROUTE_index, Value::Int(value)) => index = u32::try_from(*value).ok(),
            (sys::SPA_PARAM_ROUTE_direction, Value::Id(Id(raw))) => {
                direction = match *raw {
                    sys::SPA_DIRECTION_OUTPUT => Some(Direction::Output),
                    sys::SPA_DIRECTION_INPUT => Some(Direction::Input),
                    _ => None,
                };
            }
            (sys::SPA_PARAM_ROUTE_name, Value::String(name)) => route.name = name.clone(),
            (sys::SPA_PARAM_ROUTE_description, Value::String(description)) => {
                route.description = description.clone();
            }
            (sys::SPA_PARAM_ROUTE_priority, Value::Int(priority)) => {
                route.priority = u32::try_from(*priority).unwrap_or(0);
            }
            (sys::SPA_PARAM_ROUTE_available, Value::Id(Id(available))) => {
                route.available = availability(*available);
            }
            (sys::SPA_PARAM_ROUTE_profiles, value) => route.profiles = ints(value),
            (sys::SPA_PARAM_ROUTE_devices, value) => route.devices = ints(value),
            _ => {}
        }
    }
    route.index = index?;
    route.direction = direction?;
    if route.description.is_empty() {
        route.description = route.name.clone();
    }
    Some(route)
}

fn availability(raw: u32) -> Availability {
    match raw {
        sys::SPA_PARAM_AVAILABILITY_no => Availability::No,
        sys::SPA_PARAM_AVAILABILITY_yes => Availability::Yes,
        _ => Availability::Unknown,
    }
}

/// What to change in a `Props` object.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PropsChange {
    Volumes(Vec<f32>),
    Mute(bool),
}

fn props_object(change: &PropsChange) -> Object {
    let property = match change {
        PropsChange::Volumes(volumes) => Property::new(
            sys::SPA_PROP_channelVolumes,
            Value::ValueArray(ValueArray::Float(volumes.clone())),
        ),
        PropsChange::Mute(mute) => Property::new(sys::SPA_PROP_mute, Value::Bool(*mute)),
    };
    Object {
        type_: sys::SPA_TYPE_OBJECT_Props,
        id: sys::SPA_PARAM_Props,
        properties: vec![property],
    }
}

/// A `Props` object to set on a node.
pub(crate) fn props(change: &PropsChange) -> Result<Vec<u8>, AudioError> {
    serialize(Value::Object(props_object(change)))
}

/// A `Route` object to set on a device: the change on route `route` of
/// profile device `device`, saved by the session manager.
pub(crate) fn route(route: i32, device: i32, change: &PropsChange) -> Result<Vec<u8>, AudioError> {
    serialize(Value::Object(Object {
        type_: sys::SPA_TYPE_OBJECT_ParamRoute,
        id: sys::SPA_PARAM_Route,
        properties: vec![
            Property::new(sys::SPA_PARAM_ROUTE_index, Value::Int(route)),
            Property::new(sys::SPA_PARAM_ROUTE_device, Value::Int(device)),
            Property::new(
                sys::SPA_PARAM_ROUTE_props,
                Value::Object(props_object(change)),
            ),
            Property::new(sys::SPA_PARAM_ROUTE_save, Value::Bool(true)),
        ],
    }))
}

/// A `Route` object that makes route `route` the active one of profile
/// device `device` (a port switch), saved by the session manager, as
/// pipewire-pulse and `wpctl` send it.
pub(crate) fn select_route(route: u32, device: i32) -> Result<Vec<u8>, AudioError> {
    let route = i32::try_from(route).map_err(|_| AudioError::Local(LocalFailure::Parameter))?;
    serialize(Value::Object(Object {
        type_: sys::SPA_TYPE_OBJECT_ParamRoute,
        id: sys::SPA_PARAM_Route,
        properties: vec![
            Property::new(sys::SPA_PARAM_ROUTE_index, Value::Int(route)),
            Property::new(sys::SPA_PARAM_ROUTE_device, Value::Int(device)),
            Property::new(sys::SPA_PARAM_ROUTE_save, Value::Bool(true)),
        ],
    }))
}

/// A `Profile` object to set on a device, saved by the session manager.
pub(crate) fn profile(index: u32) -> Result<Vec<u8>, AudioError> {
    let index = i32::try_from(index).map_err(|_| AudioError::Local(LocalFailure::Parameter))?;
    serialize(Value::Object(Object {
        type_: sys::SPA_TYPE_OBJECT_ParamProfile,
        id: sys::SPA_PARAM_Profile,
        properties: vec![
            Property::new(sys::SPA_PARAM_PROFILE_index, Value::Int(index)),
            Property::new(sys::SPA_PARAM_PROFILE_save, Value::Bool(true)),
        ],
    }))
}

/// The `EnumFormat` our streams offer: 32-bit float, interleaved, at `rate`
/// with these channels (none: whatever the graph has).
pub(crate) fn audio_format(rate: u32, channels: &[Channel]) -> Result<Vec<u8>, AudioError> {
    let mut properties = vec![
        Property::new(
            sys::SPA_FORMAT_mediaType,
            Value::Id(Id(sys::SPA_MEDIA_TYPE_audio)),
        ),
        Property::new(
            sys::SPA_FORMAT_mediaSubtype,
            Value::Id(Id(sys::SPA_MEDIA_SUBTYPE_raw)),
        ),
        Property::new(
            sys::SPA_FORMAT_AUDIO_format,
            Value::Id(Id(sys::SPA_AUDIO_FORMAT_F32_LE)),
        ),
    ];
    if rate != 0 {
        let rate = i32::try_from(rate).map_err(|_| AudioError::Local(LocalFailure::Parameter))?;
        properties.push(Property::new(sys::SPA_FORMAT_AUDIO_rate, Value::Int(rate)));
    }
    if !channels.is_empty() {
        let count = i32::try_from(channels.len())
            .map_err(|_| AudioError::Local(LocalFailure::Parameter))?;
        properties.push(Property::new(
            sys::SPA_FORMAT_AUDIO_channels,
            Value::Int(count),
        ));
        properties.push(Property::new(
            sys::SPA_FORMAT_AUDIO_position,
            Value::ValueArray(ValueArray::Id(
                channels
                    .iter()
                    .map(|channel| Id(channel_to_spa(*channel)))
                    .collect(),
            )),
        ));
    }
    serialize(Value::Object(Object {
        type_: sys::SPA_TYPE_OBJECT_Format,
        id: sys::SPA_PARAM_EnumFormat,
        properties,
    }))
}

/// Reads the channel count of a negotiated `Format`.
pub(crate) fn format_channels(value: &Value) -> Option<usize> {
    let Value::Object(object) = value else {
        return None;
    };
    object
        .properties
        .iter()
        .find_map(|property| match (property.key, &property.value) {
            (sys::SPA_FORMAT_AUDIO_channels, Value::Int(channels)) => {
                usize::try_from(*channels).ok()
            }
            _ => None,
        })
}

fn serialize(value: Value) -> Result<Vec<u8>, AudioError> {
    PodSerializer::serialize(Cursor::new(Vec::new()), &value)
        .map(|(cursor, _)| cursor.into_inner())
        .map_err(|_| AudioError::Local(LocalFailure::Parameter))
}

/// PipeWire's channel position number as a [`Channel`].
pub(crate) fn channel_from_spa(raw: u32) -> Channel {
    match raw {
        sys::SPA_AUDIO_CHANNEL_MONO => Channel::Mono,
        sys::SPA_AUDIO_CHANNEL_FL => Channel::FrontLeft,
        sys::SPA_AUDIO_CHANNEL_FR => Channel::FrontRight,
        sys::SPA_AUDIO_CHANNEL_FC => Channel::FrontCenter,
        sys::SPA_AUDIO_CHANNEL_LFE => Channel::LowFrequency,
        sys::SPA_AUDIO_CHANNEL_SL => Channel::SideLeft,
        sys::SPA_AUDIO_CHANNEL_SR => Channel::SideRight,
        sys::SPA_AUDIO_CHANNEL_FLC => Channel::FrontLeftOfCenter,
        sys::SPA_AUDIO_CHANNEL_FRC => Channel::FrontRightOfCenter,
        sys::SPA_AUDIO_CHANNEL_RC => Channel::RearCenter,
        sys::SPA_AUDIO_CHANNEL_RL => Channel::RearLeft,
        sys::SPA_AUDIO_CHANNEL_RR => Channel::RearRight,
        raw if (sys::SPA_AUDIO_CHANNEL_AUX0..sys::SPA_AUDIO_CHANNEL_LAST_Aux).contains(&raw) => {
            Channel::Aux(raw - sys::SPA_AUDIO_CHANNEL_AUX0)
        }
        raw => Channel::Other(raw),
    }
}

/// A [`Channel`] as PipeWire's channel position number.
pub(crate) fn channel_to_spa(channel: Channel) -> u32 {
    match channel {
        Channel::Mono => sys::SPA_AUDIO_CHANNEL_MONO,
        Channel::FrontLeft => sys::SPA_AUDIO_CHANNEL_FL,
        Channel::FrontRight => sys::SPA_AUDIO_CHANNEL_FR,
        Channel::FrontCenter => sys::SPA_AUDIO_CHANNEL_FC,
        Channel::LowFrequency => sys::SPA_AUDIO_CHANNEL_LFE,
        Channel::SideLeft => sys::SPA_AUDIO_CHANNEL_SL,
        Channel::SideRight => sys::SPA_AUDIO_CHANNEL_SR,
        Channel::FrontLeftOfCenter => sys::SPA_AUDIO_CHANNEL_FLC,
        Channel::FrontRightOfCenter => sys::SPA_AUDIO_CHANNEL_FRC,
        Channel::RearCenter => sys::SPA_AUDIO_CHANNEL_RC,
        Channel::RearLeft => sys::SPA_AUDIO_CHANNEL_RL,
        Channel::RearRight => sys::SPA_AUDIO_CHANNEL_RR,
        Channel::Aux(n) => sys::SPA_AUDIO_CHANNEL_AUX0.saturating_add(n),
        Channel::Other(raw) => raw,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Value {
        value_of(bytes).expect("a readable pod")
    }

    #[test]
    fn a_volume_we_build_reads_back() {
        let bytes = props(&PropsChange::Volumes(vec![0.125, 0.5])).unwrap();
        let parsed = parse_props(&read(&bytes)).unwrap();
        assert_eq!(parsed.channel_volumes, Some(vec![0.125, 0.5]));
        assert_eq!(parsed.mute, None);
        let bytes = props(&PropsChange::Mute(true)).unwrap();
        assert_eq!(parse_props(&read(&bytes)).unwrap().mute, Some(true));
    }

    #[test]
    fn props_as_audioconvert_sends_them_are_read() {
        // The fields a null sink's Props has (pw-dump: volume, mute,
        // channelVolumes, channelMap, softVolumes, …).
        let value = Value::Object(Object {
            type_: sys::SPA_TYPE_OBJECT_Props,
            id: sys::SPA_PARAM_Props,
            properties: vec![
                Property::new(sys::SPA_PROP_volume, Value::Float(1.0)),
                Property::new(sys::SPA_PROP_mute, Value::Bool(false)),
                Property::new(
                    sys::SPA_PROP_channelVolumes,
                    Value::ValueArray(ValueArray::Float(vec![0.125, 0.125])),
                ),
                Property::new(
                    sys::SPA_PROP_channelMap,
                    Value::ValueArray(ValueArray::Id(vec![
                        Id(sys::SPA_AUDIO_CHANNEL_FL),
                        Id(sys::SPA_AUDIO_CHANNEL_FR),
                    ])),
                ),
                Property::new(
                    sys::SPA_PROP_softVolumes,
                    Value::ValueArray(ValueArray::Float(vec![1.0, 1.0])),
                ),
            ],
        });
        let bytes = serialize(value).unwrap();
        let parsed = parse_props(&read(&bytes)).unwrap();
        assert_eq!(parsed.channel_volumes, Some(vec![0.125, 0.125]));
        assert_eq!(
            parsed.channel_map,
            Some(vec![Channel::FrontLeft, Channel::FrontRight])
        );
        assert_eq!(parsed.mute, Some(false));

        let mut merged = PropsVolume::default();
        merged.merge(parsed);
        merged.merge(PropsVolume {
            mute: Some(true),
            ..PropsVolume::default()
        });
        assert_eq!(merged.mute, Some(true));
        assert_eq!(merged.channel_volumes, Some(vec![0.125, 0.125]));
    }

    #[test]
    fn profiles_read_with_their_availability() {
        let value = Value::Object(Object {
            type_: sys::SPA_TYPE_OBJECT_ParamProfile,
            id: sys::SPA_PARAM_EnumProfile,
            properties: vec![
                Property::new(sys::SPA_PARAM_PROFILE_index, Value::Int(3)),
                Property::new(
                    sys::SPA_PARAM_PROFILE_name,
                    Value::String("output:analog-stereo".into()),
                ),
                Property::new(
                    sys::SPA_PARAM_PROFILE_description,
                    Value::String("Analog Stereo Output".into()),
                ),
                Property::new(sys::SPA_PARAM_PROFILE_priority, Value::Int(6500)),
                Property::new(
                    sys::SPA_PARAM_PROFILE_available,
                    Value::Id(Id(sys::SPA_PARAM_AVAILABILITY_yes)),
                ),
            ],
        });
        let bytes = serialize(value).unwrap();
        assert_eq!(
            parse_profile(&read(&bytes)),
            Some(Profile {
                index: 3,
                name: "output:analog-stereo".into(),
                description: "Analog Stereo Output".into(),
                available: Availability::Yes,
                priority: 6500,
            })
        );
        // What we send reads back as the same index.
        let ours = parse_profile(&read(&profile(3).unwrap())).unwrap();
        assert_eq!(ours.index, 3);
        // Without an index it is no profile; without a description the name shows.
        let nameless = Value::Object(Object {
            type_: sys::SPA_TYPE_OBJECT_ParamProfile,
            id: sys::SPA_PARAM_Profile,
            properties: vec![Property::new(
                sys::SPA_PARAM_PROFILE_name,
                Value::String("off".into()),
            )],
        });
        assert_eq!(parse_profile(&nameless), None);
        let off = Value::Object(Object {
            type_: sys::SPA_TYPE_OBJECT_ParamProfile,
            id: sys::SPA_PARAM_Profile,
            properties: vec![
                Property::new(sys::SPA_PARAM_PROFILE_index, Value::Int(0)),
                Property::new(sys::SPA_PARAM_PROFILE_name, Value::String("off".into())),
            ],
        });
        let off = parse_profile(&off).unwrap();
        assert_eq!(
            (off.description.as_str(), off.available),
            ("off", Availability::Unknown)
        );
    }

    #[test]
    fn routes_carry_their_volume() {
        let bytes = route(2, 5, &PropsChange::Volumes(vec![0.3, 0.3])).unwrap();
        let parsed = parse_route(&read(&bytes)).unwrap();
        assert_eq!((parsed.index, parsed.device), (2, 5));
        assert_eq!(parsed.props.channel_volumes, Some(vec![0.3, 0.3]));
        // Something else is no route.
        assert_eq!(
            parse_route(&read(&props(&PropsChange::Mute(true)).unwrap())),
            None
        );
        assert_eq!(parse_props(&Value::Int(3)), None);
    }

    /// An `EnumRoute` as alsa's ACP sends it for a laptop's speaker port.
    fn speaker_route() -> Value {
        Value::Object(Object {
            type_: sys::SPA_TYPE_OBJECT_ParamRoute,
            id: sys::SPA_PARAM_EnumRoute,
            properties: vec![
                Property::new(sys::SPA_PARAM_ROUTE_index, Value::Int(2)),
                Property::new(
                    sys::SPA_PARAM_ROUTE_direction,
                    Value::Id(Id(sys::SPA_DIRECTION_OUTPUT)),
                ),
                Property::new(
                    sys::SPA_PARAM_ROUTE_name,
                    Value::String("analog-output-speaker".into()),
                ),
                Property::new(
                    sys::SPA_PARAM_ROUTE_description,
                    Value::String("Speakers".into()),
                ),
                Property::new(sys::SPA_PARAM_ROUTE_priority, Value::Int(10_000)),
                Property::new(
                    sys::SPA_PARAM_ROUTE_available,
                    Value::Id(Id(sys::SPA_PARAM_AVAILABILITY_unknown)),
                ),
                Property::new(
                    sys::SPA_PARAM_ROUTE_info,
                    Value::Struct(vec![
                        Value::Int(1),
                        Value::String("port.type".into()),
                        Value::String("speaker".into()),
                    ]),
                ),
                Property::new(
                    sys::SPA_PARAM_ROUTE_profiles,
                    Value::ValueArray(ValueArray::Int(vec![1, 3])),
                ),
                Property::new(
                    sys::SPA_PARAM_ROUTE_devices,
                    Value::ValueArray(ValueArray::Int(vec![0])),
                ),
            ],
        })
    }

    #[test]
    fn enum_routes_read_as_ports() {
        let bytes = serialize(speaker_route()).unwrap();
        assert_eq!(
            parse_enum_route(&read(&bytes)),
            Some(RouteInfo {
                index: 2,
                direction: Direction::Output,
                name: "analog-output-speaker".into(),
                description: "Speakers".into(),
                priority: 10_000,
                available: Availability::Unknown,
                profiles: vec![1, 3],
                devices: vec![0],
            })
        );
        // A headphone jack with nothing plugged in, for capture; no description.
        let jack = Value::Object(Object {
            type_: sys::SPA_TYPE_OBJECT_ParamRoute,
            id: sys::SPA_PARAM_EnumRoute,
            properties: vec![
                Property::new(sys::SPA_PARAM_ROUTE_index, Value::Int(5)),
                Property::new(
                    sys::SPA_PARAM_ROUTE_direction,
                    Value::Id(Id(sys::SPA_DIRECTION_INPUT)),
                ),
                Property::new(
                    sys::SPA_PARAM_ROUTE_name,
                    Value::String("analog-input-headset-mic".into()),
                ),
                Property::new(
                    sys::SPA_PARAM_ROUTE_available,
                    Value::Id(Id(sys::SPA_PARAM_AVAILABILITY_no)),
                ),
            ],
        });
        let jack = parse_enum_route(&read(&serialize(jack).unwrap())).unwrap();
        assert_eq!(jack.direction, Direction::Input);
        assert_eq!(jack.description, "analog-input-headset-mic");
        assert_eq!(jack.available, Availability::No);
        assert!(jack.profiles.is_empty() && jack.devices.is_empty());
        // Without an index or a direction it is no port; a profile is none.
        let Value::Object(mut no_direction) = speaker_route() else {
            unreachable!()
        };
        no_direction
            .properties
            .retain(|property| property.key != sys::SPA_PARAM_ROUTE_direction);
        assert_eq!(parse_enum_route(&Value::Object(no_direction)), None);
        assert_eq!(parse_enum_route(&read(&profile(1).unwrap())), None);
    }

    #[test]
    fn a_port_switch_names_the_route_and_its_device() {
        let bytes = select_route(2, 0).unwrap();
        let Value::Object(object) = read(&bytes) else {
            panic!("an object");
        };
        assert_eq!(
            (object.type_, object.id),
            (sys::SPA_TYPE_OBJECT_ParamRoute, sys::SPA_PARAM_Route)
        );
        let keys: Vec<(u32, Value)> = object
            .properties
            .into_iter()
            .map(|property| (property.key, property.value))
            .collect();
        assert_eq!(
            keys,
            [
                (sys::SPA_PARAM_ROUTE_index, Value::Int(2)),
                (sys::SPA_PARAM_ROUTE_device, Value::Int(0)),
                (sys::SPA_PARAM_ROUTE_save, Value::Bool(true)),
            ]
        );
        // As an active route it reads back too.
        let active = parse_route(&read(&bytes)).unwrap();
        assert_eq!((active.index, active.device), (2, 0));
    }

    #[test]
    fn formats_name_their_channels() {
        let bytes = audio_format(48_000, &[Channel::FrontLeft, Channel::FrontRight]).unwrap();
        let value = read(&bytes);
        assert_eq!(format_channels(&value), Some(2));
        let Value::Object(object) = value else {
            panic!("an object");
        };
        assert!(object.properties.iter().any(|property| matches!(
            (&property.key, &property.value),
            (&sys::SPA_FORMAT_AUDIO_position, Value::ValueArray(ValueArray::Id(ids)))
                if ids == &vec![Id(sys::SPA_AUDIO_CHANNEL_FL), Id(sys::SPA_AUDIO_CHANNEL_FR)]
        )));
        assert_eq!(format_channels(&read(&audio_format(0, &[]).unwrap())), None);
    }

    #[test]
    fn channels_map_both_ways() {
        for channel in [
            Channel::Mono,
            Channel::FrontLeft,
            Channel::FrontRight,
            Channel::FrontCenter,
            Channel::LowFrequency,
            Channel::SideLeft,
            Channel::SideRight,
            Channel::FrontLeftOfCenter,
            Channel::FrontRightOfCenter,
            Channel::RearCenter,
            Channel::RearLeft,
            Channel::RearRight,
            Channel::Aux(0),
            Channel::Aux(7),
            Channel::Other(sys::SPA_AUDIO_CHANNEL_TFL),
        ] {
            assert_eq!(channel_from_spa(channel_to_spa(channel)), channel);
        }
    }
}
