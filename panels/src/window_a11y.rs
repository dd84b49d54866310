//! A window's accessibility plumbing (settings app and greeter alike): the AT-SPI bridge handle, the latest
//! accessible tree, and self-voicing of focus and state changes.

use ferrum_accessibility::Role;
use ferrum_accessibility::announce::{self, Vocabulary};
use ferrum_accessibility::bridge::BridgeHandle;
use ferrum_accessibility::speech::{
    SpeechError, SpeechHandle, SpeechStatus, spawn_speaker, spawn_speaker_at,
};
use ferrum_accessibility::tree::Snapshot;
use ferrum_i18n::fl;

/// Accessibility state of the window.
#[derive(Debug, Default)]
pub struct A11y {
    /// Publishes trees to AT-SPI once the bridge is up.
    pub bridge: Option<BridgeHandle>,
    /// The latest accessible tree.
    pub snapshot: Snapshot,
    voice: Option<SpeechHandle>,
    last_spoken: Option<(u64, String)>,
    speech_socket: Option<std::path::PathBuf>,
    speech_problem: Option<SpeechError>,
    client_name: &'static str,
}

/// Translated words for announcements.
pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        role: |role| match role {
            Role::Button => fl!("role-button"),
            Role::Switch => fl!("role-switch"),
            Role::CheckBox => fl!("role-check-box"),
            Role::RadioButton => fl!("role-radio-button"),
            Role::RadioGroup => fl!("role-radio-group"),
            Role::Slider => fl!("role-slider"),
            Role::ListItem => fl!("role-list-item"),
            Role::List => fl!("role-list"),
            Role::TextInput => fl!("role-text-input"),
            Role::PasswordInput => fl!("role-password-input"),
            Role::Heading => fl!("role-heading"),
            Role::Label => fl!("role-label"),
            Role::Group => fl!("role-group"),
            Role::ProgressIndicator => fl!("role-progress"),
        },
        checked: (fl!("state-on"), fl!("state-off")),
        selected: fl!("state-selected"),
        disabled: fl!("state-unavailable"),
        characters: |count| fl!("secret-characters", count = count),
    }
}

impl A11y {
    /// Self-voicing through the speech-dispatcher at `socket` (the default
    /// socket when `None`); used by tests and by a custom speechd address.
    pub fn with_speech_socket(socket: Option<std::path::PathBuf>) -> Self {
        Self::for_client("ferrum-settings", socket)
    }

    /// Like [`A11y::with_speech_socket`], naming the program to speechd.
    pub fn for_client(client_name: &'static str, socket: Option<std::path::PathBuf>) -> Self {
        Self {
            speech_socket: socket,
            client_name,
            ..Self::default()
        }
    }

    /// Turns self-voicing on or off. When it starts, returns the stream of
    /// the speech service's status (so the page can say speech is missing).
    pub fn set_voicing(
        &mut self,
        on: bool,
    ) -> Option<impl futures::Stream<Item = SpeechStatus> + Send + use<>> {
        let started = on && self.voice.is_none();
        match (on, self.voice.is_some()) {
            (true, false) => {
                let voice = match &self.speech_socket {
                    Some(socket) => spawn_speaker_at(socket.clone(), self.client_name),
                    None => spawn_speaker(self.client_name),
                };
                voice.set_language(ferrum_i18n::current_locale().to_string());
                self.voice = Some(voice);
                self.last_spoken = None;
            }
            (false, true) => {
                if let Some(voice) = self.voice.take() {
                    voice.cancel();
                }
                self.speech_problem = None;
            }
            _ => {}
        }
        let receiver = self.voice.as_ref().filter(|_| started)?.status_receiver();
        Some(futures::stream::unfold(
            receiver,
            |mut receiver| async move {
                receiver.changed().await.ok()?;
                let status = receiver.borrow_and_update().clone();
                Some((status, receiver))
            },
        ))
    }

    /// Takes a new status of the speech service.
    pub fn set_speech_status(&mut self, status: SpeechStatus) {
        self.speech_problem = match status {
            SpeechStatus::Unavailable(error) if self.voice.is_some() => Some(error),
            _ => None,
        };
    }

    /// Why speech is not working, while self-voicing is on.
    pub fn speech_problem(&self) -> Option<&SpeechError> {
        self.speech_problem.as_ref()
    }

    /// Takes a new tree: publishes it and speaks the focused control when
    /// focus moved or its state changed. Returns what was spoken.
    pub fn take_snapshot(&mut self, window_name: &str, snapshot: Snapshot) -> Option<String> {
        if let Some(bridge) = &self.bridge {
            bridge.publish(window_name, &snapshot);
        }
        let spoken = match (&self.voice, snapshot.focused()) {
            (Some(voice), Some(node)) => {
                let utterance = announce::utterance(&node.info, &vocabulary());
                let changed = self
                    .last_spoken
                    .as_ref()
                    .is_none_or(|(key, said)| *key != node.key || *said != utterance);
                if changed {
                    voice.say(utterance.clone());
                    self.last_spoken = Some((node.key, utterance.clone()));
                    Some(utterance)
                } else {
                    None
                }
            }
            _ => None,
        };
        self.snapshot = snapshot;
        spoken
    }
}
