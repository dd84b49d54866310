//! Words for what PipeWire reports: what a profile means, a stream's name,
//! and the sentence for a failed command.

use ferrum_i18n::fl;
use ferrum_services::audio::{AppStream, AudioError, DeviceId, NodeId, Profile};
use ferrum_ui::error_report::ErrorReport;

use ferrum_services::audio::Action;

/// What a device's profile does, read from its name (PipeWire's and
/// ALSA's profile names are stable; their descriptions are not translated).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileKind {
    /// `off`: the device is not used.
    Off,
    /// Plays and records (`output:…+input:…`).
    Duplex,
    /// Plays only.
    OutputOnly,
    /// Records only.
    InputOnly,
    /// Bluetooth high-quality playback without the microphone (A2DP).
    HighFidelity,
    /// Bluetooth headset mode: microphone on, lower quality (HSP/HFP).
    Headset,
    /// Every channel raw (`pro-audio`), for studio software.
    ProAudio,
    /// Anything else.
    Other,
}

/// What a profile does.
pub fn profile_kind(profile: &Profile) -> ProfileKind {
    let name = profile.name.to_ascii_lowercase();
    if name == "off" {
        return ProfileKind::Off;
    }
    if name == "pro-audio" {
        return ProfileKind::ProAudio;
    }
    if name.contains("a2dp") {
        return ProfileKind::HighFidelity;
    }
    if name.contains("headset") || name.contains("hsp") || name.contains("hfp") {
        return ProfileKind::Headset;
    }
    match (name.contains("output:"), name.contains("input:")) {
        (true, true) => ProfileKind::Duplex,
        (true, false) => ProfileKind::OutputOnly,
        (false, true) => ProfileKind::InputOnly,
        (false, false) => ProfileKind::Other,
    }
}

/// A sentence for what a profile means to the person.
pub fn profile_sentence(kind: ProfileKind) -> Option<String> {
    Some(match kind {
        ProfileKind::Off => fl!("sound-profile-off"),
        ProfileKind::Duplex => fl!("sound-profile-duplex"),
        ProfileKind::OutputOnly => fl!("sound-profile-output"),
        ProfileKind::InputOnly => fl!("sound-profile-input"),
        ProfileKind::HighFidelity => fl!("sound-profile-a2dp"),
        ProfileKind::Headset => fl!("sound-profile-headset"),
        ProfileKind::ProAudio => fl!("sound-profile-pro-audio"),
        ProfileKind::Other => return None,
    })
}

/// A stream's name as shown: its application's, else what it plays, else
/// its program's.
pub fn stream_name(stream: &AppStream) -> String {
    stream
        .application_name
        .clone()
        .or_else(|| stream.media_name.clone())
        .or_else(|| stream.binary.clone())
        .unwrap_or_else(|| fl!("sound-stream-unnamed"))
}

/// Why sound cannot be shown or changed, in words.
pub fn error_sentence(error: &AudioError) -> String {
    match error {
        AudioError::NotRunning => fl!("sound-error-not-running"),
        AudioError::NoSessionManager => fl!("sound-error-no-session-manager"),
        AudioError::NoAnswer => fl!("sound-error-no-answer"),
        AudioError::NoSuchNode(_) | AudioError::NoSuchDevice(_) => fl!("sound-error-gone"),
        AudioError::NoSuchProfile { .. } => fl!("sound-error-no-profile"),
        AudioError::Unsuitable { .. } => fl!("sound-error-unsuitable"),
        AudioError::NoVolume(_) => fl!("sound-error-no-volume"),
        AudioError::InvalidVolume(_) => fl!("sound-error-invalid-volume"),
        AudioError::NotPermitted(_) => fl!("sound-error-not-permitted"),
        AudioError::Refused(_) => fl!("sound-error-refused"),
        AudioError::StreamFailed(_) => fl!("sound-error-stream-failed"),
        AudioError::Local(_) => fl!("sound-error-local"),
    }
}

/// The report for a failed command: what could not be done, to what, why.
pub fn command_error(
    command: &Action,
    node: &dyn Fn(NodeId) -> String,
    device: &dyn Fn(DeviceId) -> String,
    error: &AudioError,
) -> ErrorReport {
    let summary = match command {
        Action::SetDefault { node: id, .. } => fl!("sound-failed-default", name = node(*id)),
        Action::SetVolume { node: id, .. } => fl!("sound-failed-volume", name = node(*id)),
        Action::SetMute { node: id, .. } => fl!("sound-failed-mute", name = node(*id)),
        Action::MoveStream { stream, .. } => fl!("sound-failed-move", name = node(*stream)),
        Action::SetProfile { device: id, .. } => {
            fl!("sound-failed-profile", name = device(*id))
        }
        Action::SetPort { node: id, .. } => fl!("sound-failed-port", name = node(*id)),
        Action::TestSpeakers { output } => fl!("sound-failed-test", name = node(*output)),
    };
    ErrorReport::new(
        format!("{summary} {}", error_sentence(error)),
        error.detail(),
    )
}
