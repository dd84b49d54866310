//! The speech task the UI talks to: a cheap, cloneable [`SpeechHandle`] in front of one
//! [`Speaker`] owned by a tokio task.

use std::path::PathBuf;
use std::thread;

use tokio::sync::{mpsc, watch};

use super::{Speaker, SpeechError};

/// What the speech task is doing, as far as the UI needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeechStatus {
    /// Nothing was said yet, so no connection was tried (the task connects lazily).
    Idle,
    /// Connected, and the last request went through.
    Ready,
    /// The last attempt failed; the next utterance connects again.
    Unavailable(SpeechError),
}

/// A handle on the speech task. Cheap to clone; every method returns at once.
///
/// The task ends when the last handle is dropped.
#[derive(Debug, Clone)]
pub struct SpeechHandle {
    commands: mpsc::UnboundedSender<Command>,
    status: watch::Receiver<SpeechStatus>,
}

/// A request from the UI to the task.
#[derive(Debug)]
enum Command {
    Say(String),
    Cancel,
    SetLanguage(String),
}

/// Where the task connects.
#[derive(Debug, Clone)]
enum Target {
    /// [`Speaker::connect`]: `$SPEECHD_ADDRESS` or the default socket, looked up on each connect.
    Default,
    /// [`Speaker::connect_to`] this socket.
    Socket(PathBuf),
}

/// Starts the speech task for the default speech-dispatcher (see [`Speaker::connect`]) and
/// returns its handle.
///
/// The task runs on the current tokio runtime when there is one, else on a thread of its own
/// with a small runtime. It connects on the first utterance, not before.
pub fn spawn_speaker(client_name: &str) -> SpeechHandle {
    spawn(Target::Default, client_name)
}

/// Like [`spawn_speaker`], for speech-dispatcher listening on `socket`.
pub fn spawn_speaker_at(socket: impl Into<PathBuf>, client_name: &str) -> SpeechHandle {
    spawn(Target::Socket(socket.into()), client_name)
}

impl SpeechHandle {
    /// Speaks `text`, interrupting what is being said. Never blocks: if utterances pile up
    /// (while the task is connecting, say), only the latest is spoken.
    pub fn say(&self, text: impl Into<String>) {
        self.send(Command::Say(text.into()));
    }

    /// Stops speaking, and drops utterances not spoken yet.
    pub fn cancel(&self) {
        self.send(Command::Cancel);
    }

    /// Sets the language of the voice (see [`Speaker::set_language`]); kept across reconnects.
    pub fn set_language(&self, language: impl Into<String>) {
        self.send(Command::SetLanguage(language.into()));
    }

    /// The task's current status.
    pub fn status(&self) -> SpeechStatus {
        self.status.borrow().clone()
    }

    /// A receiver that sees every status change (for a subscription that shows "speech is
    /// unavailable").
    pub fn status_receiver(&self) -> watch::Receiver<SpeechStatus> {
        self.status.clone()
    }

    /// Whether the task is still running (it only stops when it could not be started).
    pub fn is_running(&self) -> bool {
        !self.commands.is_closed()
    }

    fn send(&self, command: Command) {
        if self.commands.send(command).is_err() {
            tracing::debug!("speech task is not running; utterance dropped");
        }
    }
}

fn spawn(target: Target, client_name: &str) -> SpeechHandle {
    let (commands, receiver) = mpsc::unbounded_channel();
    let (status_sender, status) = watch::channel(SpeechStatus::Idle);
    let task = Task {
        target,
        client_name: client_name.to_owned(),
        status: status_sender,
        speaker: None,
        language: None,
    };
    match tokio::runtime::Handle::try_current() {
        Ok(runtime) => {
            runtime.spawn(task.run(receiver));
        }
        Err(_) => {
            let spawned = thread::Builder::new()
                .name("ferrum-speech".to_owned())
                .spawn(move || {
                    match tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                    {
                        Ok(runtime) => runtime.block_on(task.run(receiver)),
                        Err(error) => {
                            tracing::error!(%error, "cannot start the speech runtime");
                        }
                    }
                });
            if let Err(error) = spawned {
                tracing::error!(%error, "cannot start the speech thread");
            }
        }
    }
    SpeechHandle { commands, status }
}

/// What one batch of queued commands boils down to.
#[derive(Debug, Default)]
struct Batch {
    language: Option<String>,
    action: Option<Action>,
}

#[derive(Debug)]
enum Action {
    Say(String),
    Cancel,
}

impl Batch {
    /// Later commands win: only the latest utterance (or cancel) and language are kept.
    fn add(&mut self, command: Command) {
        match command {
            Command::Say(text) => {
                if let Some(Action::Say(stale)) = self.action.replace(Action::Say(text)) {
                    tracing::trace!(stale, "dropped a superseded utterance");
                }
            }
            Command::Cancel => self.action = Some(Action::Cancel),
            Command::SetLanguage(language) => self.language = Some(language),
        }
    }
}

#[derive(Debug)]
struct Task {
    target: Target,
    client_name: String,
    status: watch::Sender<SpeechStatus>,
    speaker: Option<Speaker>,
    /// The language asked for last, applied again after every reconnect.
    language: Option<String>,
}

impl Task {
    async fn run(mut self, mut commands: mpsc::UnboundedReceiver<Command>) {
        while let Some(first) = commands.recv().await {
            let mut batch = Batch::default();
            batch.add(first);
            while let Ok(command) = commands.try_recv() {
                batch.add(command);
            }
            if let Some(language) = batch.language {
                self.language = Some(language);
                if let Some(speaker) = self.speaker.as_mut() {
                    apply_language(speaker, self.language.as_deref()).await;
                    if !speaker.is_connected() {
                        self.speaker = None;
                    }
                }
            }
            let outcome = match batch.action {
                Some(action) => self.perform(&action).await,
                None => continue,
            };
            self.report(outcome);
        }
        tracing::debug!("all speech handles dropped; speech task ends");
    }

    /// Says or cancels; a connection found dead is replaced once, so an utterance survives a
    /// speech-dispatcher restart between two focus changes.
    async fn perform(&mut self, action: &Action) -> Result<(), SpeechError> {
        let mut retried = false;
        loop {
            let fresh = self.speaker.is_none();
            if fresh {
                if matches!(action, Action::Cancel) {
                    // Not connected: nothing is being said.
                    return Ok(());
                }
                self.speaker = Some(self.connect().await?);
            }
            let Some(speaker) = self.speaker.as_mut() else {
                return Ok(());
            };
            let result = match action {
                Action::Say(text) => speaker.speak(text).await,
                Action::Cancel => speaker.cancel().await,
            };
            match result {
                Ok(()) => return Ok(()),
                Err(error) => {
                    if speaker.is_connected() {
                        return Err(error);
                    }
                    self.speaker = None;
                    if fresh || retried {
                        return Err(error);
                    }
                    tracing::debug!(%error, "speech connection lost; reconnecting once");
                    retried = true;
                }
            }
        }
    }

    async fn connect(&self) -> Result<Speaker, SpeechError> {
        let mut speaker = match &self.target {
            Target::Default => Speaker::connect(&self.client_name).await?,
            Target::Socket(socket) => Speaker::connect_to(socket, &self.client_name).await?,
        };
        apply_language(&mut speaker, self.language.as_deref()).await;
        Ok(speaker)
    }

    /// Publishes the outcome; logs only changes, so a missing speech-dispatcher is one line.
    fn report(&self, outcome: Result<(), SpeechError>) {
        let status = match outcome {
            Ok(()) => SpeechStatus::Ready,
            Err(error) => SpeechStatus::Unavailable(error),
        };
        self.status.send_if_modified(|current| {
            if *current == status {
                return false;
            }
            match &status {
                SpeechStatus::Unavailable(error) => tracing::warn!(%error, "speech output failed"),
                SpeechStatus::Ready => tracing::info!("speech output ready"),
                SpeechStatus::Idle => {}
            }
            *current = status;
            true
        });
    }
}

/// Sets the language on a connection; a refusal is logged, not fatal (speech goes on in the
/// previous voice).
async fn apply_language(speaker: &mut Speaker, language: Option<&str>) {
    if let Some(language) = language
        && let Err(error) = speaker.set_language(language).await
    {
        tracing::warn!(%error, language, "cannot set the speech language");
    }
}
