//! The public, toolkit-free picture of Bluetooth the page shows: adapters,
//! devices, their kinds and services, and what the live stream yields.
//!
//! Nothing here names a `bluer` or libdbus type: those stay inside
//! `services::bluetooth`.

use std::fmt;
use std::str::FromStr;

use super::agent::AgentRequest;
use super::error::BluetoothError;

/// A Bluetooth device address, `AA:BB:CC:DD:EE:FF` (most significant byte
/// first, as BlueZ writes it).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DeviceAddress(pub [u8; 6]);

/// Text that is not a Bluetooth address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a Bluetooth address (expected AA:BB:CC:DD:EE:FF): {0:?}")]
pub struct InvalidAddress(pub String);

impl FromStr for DeviceAddress {
    type Err = InvalidAddress;

    /// Parses `AA:BB:CC:DD:EE:FF` (either case); BlueZ's object paths use
    /// `_` instead of `:`, which is accepted too.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidAddress(text.to_owned());
        let mut bytes = [0u8; 6];
        let mut parts = text.split([':', '_']);
        for byte in &mut bytes {
            let part = parts.next().ok_or_else(invalid)?;
            if part.len() != 2 || !part.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(invalid());
            }
            *byte = u8::from_str_radix(part, 16).map_err(|_| invalid())?;
        }
        if parts.next().is_some() {
            return Err(invalid());
        }
        Ok(Self(bytes))
    }
}

impl fmt::Display for DeviceAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c, d, e, g] = self.0;
        write!(f, "{a:02X}:{b:02X}:{c:02X}:{d:02X}:{e:02X}:{g:02X}")
    }
}

impl fmt::Debug for DeviceAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DeviceAddress({self})")
    }
}

/// An adapter (controller) by BlueZ's name for it, e.g. `hci0`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AdapterId(pub String);

impl AdapterId {
    /// The adapter's name, e.g. `hci0`.
    pub fn new(name: impl Into<String>) -> Self {
        Self(name.into())
    }

    /// The adapter's name, e.g. `hci0`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AdapterId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a device is, for its icon, its label and what the page offers
/// (a link to Sound for audio devices; trust before connect for input).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeviceKind {
    /// A headset or hands-free set (with a microphone).
    Headset,
    /// Headphones (no microphone).
    Headphones,
    /// A loudspeaker, hi-fi or car audio.
    Speaker,
    /// A keyboard.
    Keyboard,
    /// A mouse or trackpad.
    Mouse,
    /// A game controller or joystick.
    Gamepad,
    /// A phone.
    Phone,
    /// A computer (desktop, laptop, server).
    Computer,
    /// A drawing tablet (an input device; BlueZ's `input-tablet`).
    Tablet,
    /// A watch or other wearable.
    Watch,
    /// A printer or scanner.
    Printer,
    /// A camera.
    Camera,
    /// Anything else, or unknown.
    Other,
}

impl DeviceKind {
    /// The kind from BlueZ's `Icon` (which BlueZ derives from the class or
    /// the appearance), else from the class of device's major and minor
    /// fields.
    pub fn from_icon_and_class(icon: Option<&str>, class: Option<u32>) -> Self {
        icon.and_then(Self::from_icon)
            .or_else(|| class.and_then(Self::from_class))
            .unwrap_or(Self::Other)
    }

    /// The kind from a GAP appearance value (Bluetooth LE devices without a
    /// class), when it names one.
    pub fn from_appearance(appearance: u16) -> Option<Self> {
        // Category in the upper 10 bits, sub-category in the lower 6.
        let category = appearance >> 6;
        let sub = appearance & 0x3f;
        Some(match category {
            0x01 => Self::Phone,
            0x02 => Self::Computer,
            0x03 => Self::Watch,
            0x0f => match sub {
                0x01 => Self::Keyboard,
                0x02 => Self::Mouse,
                0x03 | 0x04 => Self::Gamepad,
                0x05 => Self::Tablet,
                _ => return None,
            },
            0x21 => Self::Speaker,
            // Wearable audio: earbud, headset, headphones, neck band.
            0x25 => match sub {
                0x02 => Self::Headset,
                _ => Self::Headphones,
            },
            _ => return None,
        })
    }

    fn from_icon(icon: &str) -> Option<Self> {
        Some(match icon {
            "audio-headset" => Self::Headset,
            "audio-headphones" => Self::Headphones,
            "audio-card" | "audio-speakers" => Self::Speaker,
            "input-keyboard" => Self::Keyboard,
            "input-mouse" | "input-touchpad" => Self::Mouse,
            "input-gaming" => Self::Gamepad,
            "input-tablet" => Self::Tablet,
            "phone" | "modem" => Self::Phone,
            "computer" => Self::Computer,
            "printer" | "scanner" => Self::Printer,
            "camera-photo" | "camera-video" | "camera-web" => Self::Camera,
            _ => return None,
        })
    }

    /// Class of device: major class in bits 8–12, minor in bits 2–7
    /// (Bluetooth Assigned Numbers, "Class of Device").
    fn from_class(class: u32) -> Option<Self> {
        let major = (class >> 8) & 0x1f;
        let minor = (class >> 2) & 0x3f;
        Some(match major {
            0x01 => Self::Computer,
            0x02 => Self::Phone,
            0x04 => match minor {
                0x01 | 0x02 => Self::Headset,
                0x06 => Self::Headphones,
                0x05 | 0x07 | 0x08 | 0x0a => Self::Speaker,
                _ => return None,
            },
            // Peripheral: bits 5–4 keyboard / pointing, bits 3–0 the device type.
            0x05 => match minor & 0x0f {
                0x01 | 0x02 => Self::Gamepad,
                0x05 => Self::Tablet,
                _ => match (minor >> 4) & 0x03 {
                    0x01 | 0x03 => Self::Keyboard,
                    0x02 => Self::Mouse,
                    _ => return None,
                },
            },
            0x06 => {
                if minor & 0x20 != 0 || minor & 0x10 != 0 {
                    // Printer (0x20) or scanner (0x10) bits.
                    Self::Printer
                } else if minor & 0x08 != 0 {
                    Self::Camera
                } else {
                    return None;
                }
            }
            0x07 => Self::Watch,
            _ => return None,
        })
    }

    /// Whether the device plays or records sound (the page links to Sound).
    pub fn is_audio(self) -> bool {
        matches!(self, Self::Headset | Self::Headphones | Self::Speaker)
    }

    /// Whether the device is an input device: it must be paired and trusted
    /// before it connects, or it cannot reconnect by itself.
    pub fn is_input(self) -> bool {
        matches!(
            self,
            Self::Keyboard | Self::Mouse | Self::Gamepad | Self::Tablet
        )
    }
}

/// A service (profile) a device offers, from its `UUIDs`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ServiceKind {
    /// A2DP sink: plays high-quality audio (`0000110b`).
    AudioSink,
    /// A2DP source: sends high-quality audio (`0000110a`).
    AudioSource,
    /// Headset or hands-free profile: calls with a microphone
    /// (`00001108`, `00001112`, `0000111e`, `0000111f`).
    Headset,
    /// Remote control (AVRCP, `0000110c`, `0000110e`, `0000110f`).
    RemoteControl,
    /// Human interface device (keyboard, mouse; `00001124`, `00001812`).
    Input,
    /// Battery level (`0000180f`).
    Battery,
    /// File transfer and object push (`00001105`, `00001106`).
    FileTransfer,
    /// Personal area network / tethering (`00001115`, `00001116`).
    Network,
    /// Serial port (`00001101`).
    SerialPort,
    /// Phone book access (`0000112f`, `0000112e`).
    PhoneBook,
    /// Message access (`00001132`, `00001133`, `00001134`).
    Messages,
    /// Any other service, by its UUID (lower case).
    Other(String),
}

impl ServiceKind {
    /// The service a UUID (as BlueZ writes it) stands for.
    pub fn from_uuid(uuid: &str) -> Self {
        let uuid = uuid.to_ascii_lowercase();
        const BASE: &str = "-0000-1000-8000-00805f9b34fb";
        let short = match uuid.strip_suffix(BASE) {
            Some(head) if head.len() == 8 && head.starts_with("0000") => &head[4..],
            _ => return Self::Other(uuid),
        };
        match short {
            "110b" => Self::AudioSink,
            "110a" => Self::AudioSource,
            "1108" | "1112" | "111e" | "111f" => Self::Headset,
            "110c" | "110e" | "110f" => Self::RemoteControl,
            "1124" | "1812" => Self::Input,
            "180f" => Self::Battery,
            "1105" | "1106" => Self::FileTransfer,
            "1115" | "1116" => Self::Network,
            "1101" => Self::SerialPort,
            "112e" | "112f" => Self::PhoneBook,
            "1132" | "1133" | "1134" => Self::Messages,
            _ => Self::Other(uuid),
        }
    }
}

/// A Bluetooth adapter (controller) of this computer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adapter {
    /// BlueZ's name for it, e.g. `hci0`.
    pub id: AdapterId,
    /// Its own address.
    pub address: DeviceAddress,
    /// The name other devices see (`Alias`; editable).
    pub alias: String,
    /// The system's name for it (`Name`, the host name; read-only).
    pub system_name: String,
    /// Whether the radio is on.
    pub powered: bool,
    /// Whether other devices can find this computer.
    pub discoverable: bool,
    /// Whether it is looking for devices now.
    pub discovering: bool,
}

/// A device BlueZ knows: paired, or seen nearby.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    /// The adapter it was seen through.
    pub adapter: AdapterId,
    /// Its address.
    pub address: DeviceAddress,
    /// The name the device gives itself (`Name`), when it gave one.
    pub name: Option<String>,
    /// The name to show (`Alias`: the person's rename, else the device's
    /// name, else BlueZ's rendering of the address).
    pub alias: String,
    /// What it is.
    pub kind: DeviceKind,
    /// Signal strength in dBm while it is in range (during discovery);
    /// `None` when not seen now.
    pub rssi: Option<i16>,
    /// Whether it is paired.
    pub paired: bool,
    /// Whether it may connect without asking.
    pub trusted: bool,
    /// Whether it is connected.
    pub connected: bool,
    /// Whether its connections are refused.
    pub blocked: bool,
    /// Its battery level in percent, when it reports one (`Battery1`).
    pub battery: Option<u8>,
    /// The services it offers, sorted, duplicates removed.
    pub services: Vec<ServiceKind>,
}

impl Device {
    /// The name to show: the alias, or the address when the alias is empty.
    pub fn display_name(&self) -> String {
        if self.alias.trim().is_empty() {
            self.address.to_string()
        } else {
            self.alias.clone()
        }
    }
}

/// Everything the page shows at one moment.
///
/// A snapshot from [`Update::Snapshot`] always has at least one adapter: a
/// running bluetoothd without one is [`Update::Unavailable`] with
/// [`BluetoothError::NoAdapter`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snapshot {
    /// The adapters, sorted by id (`hci0` first).
    pub adapters: Vec<Adapter>,
    /// Every device on every adapter, sorted by adapter and address.
    pub devices: Vec<Device>,
}

impl Snapshot {
    /// The adapter with this id.
    pub fn adapter(&self, id: &AdapterId) -> Option<&Adapter> {
        self.adapters.iter().find(|adapter| &adapter.id == id)
    }

    /// The device with this address on this adapter.
    pub fn device(&self, adapter: &AdapterId, address: &DeviceAddress) -> Option<&Device> {
        self.devices
            .iter()
            .find(|device| &device.adapter == adapter && &device.address == address)
    }

    /// Paired devices: connected ones first, then by name.
    pub fn paired(&self) -> Vec<&Device> {
        let mut paired: Vec<&Device> = self.devices.iter().filter(|d| d.paired).collect();
        paired.sort_by(|a, b| {
            b.connected
                .cmp(&a.connected)
                .then_with(|| a.display_name().cmp(&b.display_name()))
                .then_with(|| a.address.cmp(&b.address))
        });
        paired
    }

    /// Devices seen nearby and not paired: the strongest signal first,
    /// those without a current signal last, then by name.
    pub fn nearby(&self) -> Vec<&Device> {
        let mut nearby: Vec<&Device> = self.devices.iter().filter(|d| !d.paired).collect();
        nearby.sort_by(|a, b| {
            // `None` (not seen now) sorts after any signal.
            let strength = |d: &Device| d.rssi.map_or(i32::MIN, i32::from);
            strength(b)
                .cmp(&strength(a))
                .then_with(|| a.display_name().cmp(&b.display_name()))
                .then_with(|| a.address.cmp(&b.address))
        });
        nearby
    }
}

/// What [`watch`](super::watch) yields.
#[derive(Debug, Clone, PartialEq)]
pub enum Update {
    /// bluetoothd runs with at least one adapter; here is everything now.
    Snapshot(Snapshot),
    /// Bluetooth cannot be shown: bluetoothd is not running
    /// ([`BluetoothError::NotRunning`]), has no adapter
    /// ([`BluetoothError::NoAdapter`]), did not answer, or the bus is
    /// gone. The stream goes on and yields a snapshot again by itself.
    Unavailable(BluetoothError),
    /// BlueZ asks our agent something during a pairing; answer through
    /// [`AgentRequest::reply`].
    Agent(AgentRequest),
    /// The request with this id is over without an answer (BlueZ canceled
    /// it, or nobody answered in time): close its dialog.
    AgentCanceled {
        /// The [`AgentRequest::id`].
        id: u64,
    },
}

/// A command on an adapter or a device, kept for the error sentence
/// ("Could not pair with …") and run with [`Action::run`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Turn the adapter's radio on or off.
    SetPowered {
        /// The adapter.
        adapter: AdapterId,
        /// On or off.
        on: bool,
    },
    /// Change the name the adapter is visible as.
    SetAlias {
        /// The adapter.
        adapter: AdapterId,
        /// The new name (empty resets it to the system's name).
        alias: String,
    },
    /// Pair, trust and connect.
    Pair {
        /// The adapter.
        adapter: AdapterId,
        /// The device.
        device: DeviceAddress,
    },
    /// Connect a known device.
    Connect {
        /// The adapter.
        adapter: AdapterId,
        /// The device.
        device: DeviceAddress,
    },
    /// Disconnect a device.
    Disconnect {
        /// The adapter.
        adapter: AdapterId,
        /// The device.
        device: DeviceAddress,
    },
    /// Remove a device and its pairing.
    Forget {
        /// The adapter.
        adapter: AdapterId,
        /// The device.
        device: DeviceAddress,
    },
    /// Block or unblock a device.
    SetBlocked {
        /// The adapter.
        adapter: AdapterId,
        /// The device.
        device: DeviceAddress,
        /// Block (true) or unblock.
        blocked: bool,
    },
    /// Rename a device (its alias; empty resets it to the device's name).
    Rename {
        /// The adapter.
        adapter: AdapterId,
        /// The device.
        device: DeviceAddress,
        /// The new name.
        alias: String,
    },
}

impl Action {
    /// The adapter the action is about.
    pub fn adapter(&self) -> &AdapterId {
        match self {
            Self::SetPowered { adapter, .. }
            | Self::SetAlias { adapter, .. }
            | Self::Pair { adapter, .. }
            | Self::Connect { adapter, .. }
            | Self::Disconnect { adapter, .. }
            | Self::Forget { adapter, .. }
            | Self::SetBlocked { adapter, .. }
            | Self::Rename { adapter, .. } => adapter,
        }
    }

    /// The device the action is about, if it is about one.
    pub fn device(&self) -> Option<&DeviceAddress> {
        match self {
            Self::SetPowered { .. } | Self::SetAlias { .. } => None,
            Self::Pair { device, .. }
            | Self::Connect { device, .. }
            | Self::Disconnect { device, .. }
            | Self::Forget { device, .. }
            | Self::SetBlocked { device, .. }
            | Self::Rename { device, .. } => Some(device),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_parse_and_print() {
        let address: DeviceAddress = "aa:BB:0c:dd:ee:01".parse().expect("address");
        assert_eq!(address.0, [0xaa, 0xbb, 0x0c, 0xdd, 0xee, 0x01]);
        assert_eq!(address.to_string(), "AA:BB:0C:DD:EE:01");
        assert_eq!(
            "AA_BB_0C_DD_EE_01".parse::<DeviceAddress>(),
            Ok(address),
            "BlueZ's path form"
        );
        for bad in [
            "",
            "AA:BB:CC:DD:EE",
            "AA:BB:CC:DD:EE:FF:00",
            "AA:BB:CC:DD:EE:GG",
            "A:BB:CC:DD:EE:FFF",
            "+A:BB:CC:DD:EE:FF",
        ] {
            assert!(bad.parse::<DeviceAddress>().is_err(), "{bad:?} parsed");
        }
    }

    #[test]
    fn kinds_come_from_the_icon_first_then_the_class() {
        use DeviceKind::*;
        let cases = [
            (Some("audio-headset"), None, Headset),
            (Some("audio-headphones"), None, Headphones),
            (Some("audio-card"), None, Speaker),
            (Some("input-keyboard"), None, Keyboard),
            (Some("input-mouse"), None, Mouse),
            (Some("input-gaming"), None, Gamepad),
            (Some("input-tablet"), None, Tablet),
            (Some("phone"), None, Phone),
            (Some("computer"), None, Computer),
            (Some("printer"), None, Printer),
            (Some("camera-photo"), None, Camera),
            // The icon wins over the class (a phone's class, a keyboard's icon).
            (Some("input-keyboard"), Some(0x5a020c), Keyboard),
            // The mock's unpaired devices: empty icon, class 0.
            (Some(""), Some(0), Other),
            (None, None, Other),
            // Classes (major << 8 | minor << 2, service bits above).
            (None, Some(0x5a020c), Phone),    // smartphone
            (None, Some(0x0c010c), Computer), // laptop
            (None, Some(0x240404), Headset),  // wearable headset
            (None, Some(0x240418), Headphones),
            (None, Some(0x240414), Speaker), // loudspeaker
            (None, Some(0x002540), Keyboard),
            (None, Some(0x002580), Mouse),
            (None, Some(0x002508), Gamepad),
            (None, Some(0x002504), Gamepad), // joystick
            (None, Some(0x002514), Tablet),  // digitizer tablet
            (None, Some(0x040680), Printer),
            (None, Some(0x040620), Camera),
            (None, Some(0x000704), Watch), // wristwatch
            (None, Some(0x001f00), Other), // uncategorized
        ];
        for (icon, class, kind) in cases {
            assert_eq!(
                DeviceKind::from_icon_and_class(icon, class),
                kind,
                "icon {icon:?} class {class:x?}"
            );
        }
        assert_eq!(DeviceKind::from_appearance(0x00c1), Some(Watch));
        assert_eq!(DeviceKind::from_appearance(0x03c1), Some(Keyboard));
        assert_eq!(DeviceKind::from_appearance(0x03c2), Some(Mouse));
        assert_eq!(DeviceKind::from_appearance(0x0941), Some(Headphones));
        assert_eq!(DeviceKind::from_appearance(0x0000), None);
    }

    #[test]
    fn kinds_say_audio_and_input() {
        use DeviceKind::*;
        let audio: Vec<DeviceKind> = [
            Headset, Headphones, Speaker, Keyboard, Mouse, Gamepad, Phone, Computer, Tablet, Watch,
            Printer, Camera, Other,
        ]
        .into_iter()
        .filter(|kind| kind.is_audio())
        .collect();
        assert_eq!(audio, [Headset, Headphones, Speaker]);
        let input: Vec<DeviceKind> = [
            Headset, Headphones, Speaker, Keyboard, Mouse, Gamepad, Phone, Computer, Tablet, Watch,
            Printer, Camera, Other,
        ]
        .into_iter()
        .filter(|kind| kind.is_input())
        .collect();
        assert_eq!(input, [Keyboard, Mouse, Gamepad, Tablet]);
    }

    #[test]
    fn services_come_from_uuids() {
        assert_eq!(
            ServiceKind::from_uuid("0000110B-0000-1000-8000-00805F9B34FB"),
            ServiceKind::AudioSink
        );
        assert_eq!(
            ServiceKind::from_uuid("00001124-0000-1000-8000-00805f9b34fb"),
            ServiceKind::Input
        );
        assert_eq!(
            ServiceKind::from_uuid("0000180f-0000-1000-8000-00805f9b34fb"),
            ServiceKind::Battery
        );
        assert_eq!(
            ServiceKind::from_uuid("6E400001-B5A3-F393-E0A9-E50E24DCCA9E"),
            ServiceKind::Other("6e400001-b5a3-f393-e0a9-e50e24dcca9e".into())
        );
    }

    fn device(
        address: u8,
        alias: &str,
        paired: bool,
        connected: bool,
        rssi: Option<i16>,
    ) -> Device {
        Device {
            adapter: AdapterId::new("hci0"),
            address: DeviceAddress([0, 0, 0, 0, 0, address]),
            name: None,
            alias: alias.into(),
            kind: DeviceKind::Other,
            rssi,
            paired,
            trusted: paired,
            connected,
            blocked: false,
            battery: None,
            services: Vec::new(),
        }
    }

    #[test]
    fn paired_and_nearby_are_sorted_for_the_page() {
        let snapshot = Snapshot {
            adapters: Vec::new(),
            devices: vec![
                device(1, "Zebra keyboard", true, false, None),
                device(2, "Mouse", true, true, None),
                device(3, "Anna's phone", true, false, Some(-50)),
                device(4, "Far speaker", false, false, Some(-90)),
                device(5, "Near watch", false, false, Some(-40)),
                device(6, "Gone", false, false, None),
                device(7, "", false, false, Some(-90)),
            ],
        };
        let names = |devices: Vec<&Device>| -> Vec<String> {
            devices.iter().map(|d| d.display_name()).collect()
        };
        assert_eq!(
            names(snapshot.paired()),
            ["Mouse", "Anna's phone", "Zebra keyboard"]
        );
        assert_eq!(
            names(snapshot.nearby()),
            ["Near watch", "00:00:00:00:00:07", "Far speaker", "Gone"]
        );
    }
}
