//! The form that adds an app source (a Flatpak remote) to the person's installation from a
//! `.flatpakrepo` file: its state, messages, what they do and its view. The file is read off
//! the UI thread ([`Work::AddRemote`]); the name is the file's unless one is typed; the
//! remotes are read again once it is added, and a sentence says so.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ferrum_i18n::fl;
use ferrum_services::apps::{Apps, AppsError, InstallationKind, Remote};
use ferrum_ui::Effect;
use ferrum_ui::widgets::{FONT_BOLD, action_button, caption, error_line, labelled_field};
use iced::Element;
use iced::widget::{button, text};

use super::describe::add_remote_error_text;
use super::view::alert;
use super::{Ask, Loaded, Work, blocking};
use crate::ids;
use crate::page::Outcome;

/// The largest `.flatpakrepo` file read (they hold a title, a URL and a key: a few KiB).
pub const MAX_FLATPAKREPO_BYTES: u64 = 1024 * 1024;

/// Why a remote was not added.
#[derive(Debug, Clone, PartialEq)]
pub enum AddRemoteError {
    /// No path was typed.
    NoPath,
    /// The file could not be read (the technical text).
    Unreadable(Arc<str>),
    /// The file is bigger than [`MAX_FLATPAKREPO_BYTES`].
    TooLarge,
    /// The service refused it (no key, a name taken, …).
    Apps(AppsError),
}

/// A sentence about something that went well, until the next change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A remote was added (its name).
    RemoteAdded(String),
}

/// The "add a remote" form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AddRemote {
    /// The `.flatpakrepo` file's path, as typed.
    pub path: String,
    /// The name to give it (empty: from the file's name).
    pub name: String,
    /// Being added.
    pub adding: bool,
    /// Why the last one was not added.
    pub error: Option<AddRemoteError>,
}

/// What happens in the form.
#[derive(Debug, Clone)]
pub enum Message {
    /// The `.flatpakrepo` path changed.
    PathChanged(String),
    /// The new remote's name changed.
    NameChanged(String),
    /// "Add source".
    Add,
    /// Adding ended (its name; the remotes read again).
    Added(String, Result<Vec<Remote>, AddRemoteError>),
    /// Close the note.
    NoteDismissed,
}

/// A remote's name from its file's name (`flathub.flatpakrepo` → `flathub`).
pub fn remote_name_from(path: &str) -> String {
    Path::new(path.trim())
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The file a typed path names: `~` and `~/…` in the person's home folder, a relative path
/// (`Downloads/app.flatpakrepo`) from it too, an absolute one as it is.
pub fn typed_path(typed: &str, home: &Path) -> PathBuf {
    let typed = typed.trim();
    match typed.strip_prefix('~') {
        Some("") => home.to_path_buf(),
        Some(rest) if rest.starts_with('/') => home.join(rest.trim_start_matches('/')),
        _ if Path::new(typed).is_absolute() => PathBuf::from(typed),
        _ => home.join(typed),
    }
}

/// Applies a message to the form, the note it leaves and the remotes it reads again.
pub(super) fn update(
    form: &mut AddRemote,
    note: &mut Option<Note>,
    remotes: &mut Loaded<Vec<Remote>>,
    message: Message,
) -> Outcome<Ask> {
    match message {
        Message::PathChanged(path) => {
            form.path = path;
            form.error = None;
            Outcome::none()
        }
        Message::NameChanged(name) => {
            form.name = name;
            form.error = None;
            Outcome::none()
        }
        Message::Add => {
            if form.adding {
                return Outcome::none();
            }
            let path = form.path.trim().to_owned();
            if path.is_empty() {
                form.error = Some(AddRemoteError::NoPath);
                return Outcome::effect(Effect::Focus(ids::APPS_REMOTE_PATH));
            }
            let typed = form.name.trim();
            let name = if typed.is_empty() {
                remote_name_from(&path)
            } else {
                typed.to_owned()
            };
            form.adding = true;
            form.error = None;
            *note = None;
            Outcome::request(Ask::Work(Work::AddRemote {
                path: PathBuf::from(path),
                name,
            }))
        }
        Message::Added(name, result) => {
            form.adding = false;
            match result {
                Ok(read) => {
                    *remotes = Loaded::Ready(read);
                    *form = AddRemote::default();
                    *note = Some(Note::RemoteAdded(name));
                }
                Err(error) => form.error = Some(error),
            }
            Outcome::none()
        }
        Message::NoteDismissed => {
            *note = None;
            Outcome::none()
        }
    }
}

impl AddRemote {
    /// Draws the form: its lines (title, fields, problem, the note and its button), in
    /// order, for the sources' card to stack under the sources.
    pub fn view<'a>(&'a self, note: Option<&'a Note>) -> Vec<Element<'a, Message>> {
        let mut lines = vec![
            text(fl!("apps-remote-add-title"))
                .size(15)
                .font(FONT_BOLD)
                .into(),
            caption(fl!("apps-remote-add-explain")),
            labelled_field(
                ids::APPS_REMOTE_PATH,
                fl!("apps-remote-path"),
                &self.path,
                Message::PathChanged,
                Message::Add,
            ),
            labelled_field(
                ids::APPS_REMOTE_NAME,
                fl!("apps-remote-name"),
                &self.name,
                Message::NameChanged,
                Message::Add,
            ),
        ];
        if let Some(error) = &self.error {
            lines.push(error_line(
                ids::APPS.child("remote-error"),
                add_remote_error_text(error),
            ));
        }
        if let Some(Note::RemoteAdded(name)) = note {
            lines.push(alert(
                ids::APPS.child("remote-added"),
                fl!("apps-remote-added", remote = name.as_str()),
            ));
        }
        lines.push(if self.adding {
            caption(fl!("apps-remote-adding"))
        } else {
            action_button(
                ids::APPS_REMOTE_ADD,
                fl!("apps-remote-add"),
                button::secondary,
                Message::Add,
            )
        });
        lines
    }
}

/// Adds the remote ([`Work::AddRemote`]): the file read off the UI thread, added to the
/// person's installation, then the remotes read again.
pub(super) async fn run(
    apps: Result<Apps, AppsError>,
    path: PathBuf,
    name: String,
    home: PathBuf,
) -> Message {
    let apps = match apps {
        Ok(apps) => apps,
        Err(error) => return Message::Added(name, Err(AddRemoteError::Apps(error))),
    };
    let read = blocking(
        {
            let path = typed_path(&path.to_string_lossy(), &home);
            move || read_flatpakrepo(&path)
        },
        Err(AddRemoteError::Unreadable("the reading task ended".into())),
    )
    .await;
    let result = match read {
        Ok(bytes) => match apps.add_remote(InstallationKind::User, &name, &bytes).await {
            Ok(()) => apps.remotes().await.map_err(AddRemoteError::Apps),
            Err(error) => Err(AddRemoteError::Apps(error)),
        },
        Err(error) => Err(error),
    };
    Message::Added(name, result)
}

/// A `.flatpakrepo` file's bytes (at most [`MAX_FLATPAKREPO_BYTES`]; a regular file).
fn read_flatpakrepo(path: &Path) -> Result<Vec<u8>, AddRemoteError> {
    use std::io::Read as _;
    let unreadable = |error: std::io::Error| AddRemoteError::Unreadable(error.to_string().into());
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let metadata = file.metadata().map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(AddRemoteError::Unreadable(
            format!("{} is not a file", path.display()).into(),
        ));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FLATPAKREPO_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FLATPAKREPO_BYTES {
        return Err(AddRemoteError::TooLarge);
    }
    Ok(bytes)
}
