//! Words for what BlueZ reports: kinds, services, signal, states, and the
//! sentence for a failed command.

use ferrum_i18n::fl;
use ferrum_services::bluetooth::{Action, BluetoothError, Device, DeviceKind, ServiceKind};
use ferrum_ui::error_report::ErrorReport;

/// A device's kind in words.
pub fn kind_text(kind: DeviceKind) -> String {
    match kind {
        DeviceKind::Headset => fl!("bluetooth-kind-headset"),
        DeviceKind::Headphones => fl!("bluetooth-kind-headphones"),
        DeviceKind::Speaker => fl!("bluetooth-kind-speaker"),
        DeviceKind::Keyboard => fl!("bluetooth-kind-keyboard"),
        DeviceKind::Mouse => fl!("bluetooth-kind-mouse"),
        DeviceKind::Gamepad => fl!("bluetooth-kind-gamepad"),
        DeviceKind::Phone => fl!("bluetooth-kind-phone"),
        DeviceKind::Computer => fl!("bluetooth-kind-computer"),
        DeviceKind::Tablet => fl!("bluetooth-kind-tablet"),
        DeviceKind::Watch => fl!("bluetooth-kind-watch"),
        DeviceKind::Printer => fl!("bluetooth-kind-printer"),
        DeviceKind::Camera => fl!("bluetooth-kind-camera"),
        DeviceKind::Other => fl!("bluetooth-kind-other"),
    }
}

/// A service a device offers, in words.
pub fn service_text(service: &ServiceKind) -> String {
    match service {
        ServiceKind::AudioSink => fl!("bluetooth-service-audio-sink"),
        ServiceKind::AudioSource => fl!("bluetooth-service-audio-source"),
        ServiceKind::Headset => fl!("bluetooth-service-headset"),
        ServiceKind::RemoteControl => fl!("bluetooth-service-remote-control"),
        ServiceKind::Input => fl!("bluetooth-service-input"),
        ServiceKind::Battery => fl!("bluetooth-service-battery"),
        ServiceKind::FileTransfer => fl!("bluetooth-service-file-transfer"),
        ServiceKind::Network => fl!("bluetooth-service-network"),
        ServiceKind::SerialPort => fl!("bluetooth-service-serial-port"),
        ServiceKind::PhoneBook => fl!("bluetooth-service-phone-book"),
        ServiceKind::Messages => fl!("bluetooth-service-messages"),
        ServiceKind::Other(uuid) => fl!("bluetooth-service-other", uuid = uuid.clone()),
    }
}

/// How well a device is heard, from its RSSI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// -65 dBm or better.
    Strong,
    /// -80 to -66 dBm.
    Fair,
    /// Below -80 dBm.
    Weak,
}

impl Signal {
    /// The signal of an RSSI in dBm.
    pub fn from_rssi(rssi: i16) -> Self {
        if rssi >= -65 {
            Self::Strong
        } else if rssi >= -80 {
            Self::Fair
        } else {
            Self::Weak
        }
    }
}

/// A device's signal in words ("Strong signal").
pub fn signal_text(rssi: i16) -> String {
    match Signal::from_rssi(rssi) {
        Signal::Strong => fl!("bluetooth-signal-strong"),
        Signal::Fair => fl!("bluetooth-signal-fair"),
        Signal::Weak => fl!("bluetooth-signal-weak"),
    }
}

/// A device's state in words: connected or not (paired devices), trusted,
/// blocked.
pub(super) fn status_text(device: &Device) -> Vec<String> {
    let mut words = Vec::new();
    if device.connected {
        words.push(fl!("bluetooth-state-connected"));
    } else if device.paired {
        words.push(fl!("bluetooth-state-paired"));
    }
    if device.trusted {
        words.push(fl!("bluetooth-state-trusted"));
    }
    if device.blocked {
        words.push(fl!("bluetooth-state-blocked"));
    }
    words
}

/// What a row says while a command on it runs.
pub(super) fn busy_text(action: &Action) -> String {
    match action {
        Action::Pair { .. } => fl!("bluetooth-busy-pairing"),
        Action::Connect { .. } => fl!("bluetooth-busy-connecting"),
        Action::Disconnect { .. } => fl!("bluetooth-busy-disconnecting"),
        Action::Forget { .. } => fl!("bluetooth-busy-forgetting"),
        Action::SetBlocked { blocked: true, .. } => fl!("bluetooth-busy-blocking"),
        Action::SetBlocked { blocked: false, .. } => fl!("bluetooth-busy-unblocking"),
        Action::Rename { .. } => fl!("bluetooth-busy-renaming"),
        Action::SetPowered { .. } | Action::SetAlias { .. } => fl!("bluetooth-saving"),
    }
}

/// What the command was, as "Could not …" (`name`: the device's name).
fn action_sentence(action: &Action, name: &str) -> String {
    let name = name.to_owned();
    match action {
        Action::SetPowered { on: true, .. } => fl!("bluetooth-error-power-on"),
        Action::SetPowered { on: false, .. } => fl!("bluetooth-error-power-off"),
        Action::SetAlias { .. } => fl!("bluetooth-error-alias"),
        Action::Pair { .. } => fl!("bluetooth-error-pair", name = name),
        Action::Connect { .. } => fl!("bluetooth-error-connect", name = name),
        Action::Disconnect { .. } => fl!("bluetooth-error-disconnect", name = name),
        Action::Forget { .. } => fl!("bluetooth-error-forget", name = name),
        Action::SetBlocked { blocked: true, .. } => fl!("bluetooth-error-block", name = name),
        Action::SetBlocked { blocked: false, .. } => fl!("bluetooth-error-unblock", name = name),
        Action::Rename { .. } => fl!("bluetooth-error-rename", name = name),
    }
}

/// Why, when the error says more than "it failed".
fn cause_sentence(error: &BluetoothError, name: &str) -> Option<String> {
    let name = name.to_owned();
    Some(match error {
        BluetoothError::NotRunning => fl!("bluetooth-error-not-running"),
        BluetoothError::NoAdapter => fl!("bluetooth-error-no-adapter"),
        BluetoothError::NoAnswer => fl!("bluetooth-error-no-answer"),
        BluetoothError::Blocked { .. } => fl!("bluetooth-error-blocked"),
        BluetoothError::NotPermitted => fl!("bluetooth-error-not-permitted"),
        BluetoothError::InProgress => fl!("bluetooth-error-busy", name = name),
        BluetoothError::NotFound => fl!("bluetooth-error-not-found", name = name),
        BluetoothError::NotSupported => fl!("bluetooth-error-not-supported"),
        BluetoothError::NothingToConnect => {
            fl!("bluetooth-error-nothing-to-connect", name = name)
        }
        BluetoothError::BusUnreachable(_) => fl!("service-bus-unreachable"),
        _ => return None,
    })
}

/// A pairing's failure, said on its own (it names the device).
fn pairing_sentence(error: &BluetoothError, name: &str) -> Option<String> {
    let name = name.to_owned();
    Some(match error {
        BluetoothError::AuthenticationRejected { .. } => {
            fl!("bluetooth-error-rejected", name = name)
        }
        BluetoothError::AuthenticationFailed { .. } => {
            fl!("bluetooth-error-auth-failed", name = name)
        }
        BluetoothError::AuthenticationCanceled => fl!("bluetooth-error-canceled", name = name),
        BluetoothError::AuthenticationTimeout => {
            fl!("bluetooth-error-auth-timeout", name = name)
        }
        _ => return None,
    })
}

/// A failed command as the person sees it: a translated sentence, then
/// BlueZ's own reason when it gave one; the technical detail behind "Details".
/// `name` is the device's name (for commands on a device).
pub fn action_error(action: &Action, name: Option<&str>, error: &BluetoothError) -> ErrorReport {
    let name = name.unwrap_or_default();
    let sentence = pairing_sentence(error, name).unwrap_or_else(|| {
        let what = action_sentence(action, name);
        match cause_sentence(error, name) {
            Some(why) => format!("{what} {why}"),
            None => what,
        }
    });
    let summary = match error.reason() {
        Some(reason) => fl!(
            "bluetooth-error-with-reason",
            sentence = sentence,
            reason = reason.to_owned()
        ),
        None => sentence,
    };
    ErrorReport::new(summary, error.detail())
}
