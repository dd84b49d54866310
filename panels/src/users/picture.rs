//! "Change your picture": a picture file's path, typed. The file is checked (a regular file
//! of at most [`ferrum_ui::picture::MAX_BYTES`]), decoded within limits and scaled to
//! [`SIDE`] × [`SIDE`] into a PNG of our own off the UI thread ([`prepare`]), and only that
//! goes to AccountsService.

use std::io::Write as _;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

use ferrum_i18n::fl;
use ferrum_ui::picture;
use ferrum_ui::widgets::{FONT_BOLD, FormEnd, caption, form_card, labelled_field, reading_start};
use iced::Element;
use iced::widget::{column, text};

use super::ids;

/// The side of the picture given to AccountsService (its own limit is 1 MB).
pub const SIDE: u32 = 256;
/// The side of a picture as the list draws it (twice 40 px, for HiDPI).
pub const SHOWN_SIDE: u32 = 80;
/// The largest width and height a chosen picture may declare.
pub const MAX_SIDE: u32 = 8192;

/// Why a chosen file is not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Nothing typed.
    Empty,
    /// Not an absolute path.
    NotAbsolute,
    /// Missing, not a regular file, or unreadable.
    Unreadable,
    /// Empty, or too large a file or picture.
    TooLarge,
    /// Not a PNG or JPEG picture.
    NotAPicture,
}

impl Problem {
    /// The sentence.
    pub fn sentence(self) -> String {
        match self {
            Problem::Empty => fl!("users-picture-empty"),
            Problem::NotAbsolute => fl!("users-picture-not-absolute"),
            Problem::Unreadable => fl!("users-picture-unreadable"),
            Problem::TooLarge => fl!("users-picture-too-large"),
            Problem::NotAPicture => fl!("users-picture-not-a-picture"),
        }
    }
}

/// Checks, decodes and scales the picture at `path` into a new PNG file in the temporary
/// folder, readable by AccountsService, and returns that file. Blocking.
pub fn prepare(path: &Path) -> Result<PathBuf, Problem> {
    if !path.is_absolute() {
        return Err(Problem::NotAbsolute);
    }
    let metadata = std::fs::metadata(path).map_err(|_| Problem::Unreadable)?;
    if !metadata.is_file() {
        return Err(Problem::Unreadable);
    }
    let bytes = picture::read_capped(path).map_err(|error| {
        if error.is_too_large() {
            Problem::TooLarge
        } else {
            Problem::Unreadable
        }
    })?;
    let png = picture::square_png(&bytes, MAX_SIDE, SIDE).map_err(|error| {
        if error.is_too_large() {
            Problem::TooLarge
        } else {
            Problem::NotAPicture
        }
    })?;
    // A new file of our own (never one that exists), readable by AccountsService.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_nanos())
        .unwrap_or_default();
    let kept =
        std::env::temp_dir().join(format!("ferrum-picture-{}-{nanos}.png", std::process::id()));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o644)
        .open(&kept)
        .map_err(|_| Problem::Unreadable)?;
    file.write_all(&png).map_err(|_| Problem::Unreadable)?;
    Ok(kept)
}

/// The dialog's state: what is typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dialog {
    /// The path as typed.
    pub path: String,
    /// What is wrong with the file.
    pub problem: Option<Problem>,
    /// AccountsService's refusal, in words.
    pub refusal: Option<String>,
}

/// What happens in the dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The path changed.
    Path(String),
    /// "Use picture" (or Enter).
    Submit,
    /// "Cancel".
    Cancel,
}

/// What the page does after a message (`Submit`: check and use this file).
pub type Action = ferrum_ui::form::Action<PathBuf>;

impl Dialog {
    /// Applies a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Path(path) => {
                self.path = path;
                self.problem = None;
                Action::None
            }
            Message::Submit => {
                let typed = self.path.trim();
                if typed.is_empty() {
                    self.problem = Some(Problem::Empty);
                    return Action::None;
                }
                let path = PathBuf::from(typed);
                if !path.is_absolute() {
                    self.problem = Some(Problem::NotAbsolute);
                    return Action::None;
                }
                self.problem = None;
                self.refusal = None;
                Action::Submit(path)
            }
            Message::Cancel => Action::Close,
        }
    }

    /// Draws the dialog; `busy` while the picture is checked and set.
    pub fn view(&self, busy: bool) -> Element<'_, Message> {
        let content = column![
            text(fl!("users-picture-title")).size(17).font(FONT_BOLD),
            caption(fl!("users-picture-body")),
            labelled_field(
                ids::PICTURE_PATH,
                fl!("users-picture-path"),
                &self.path,
                Message::Path,
                Message::Submit,
            ),
        ]
        .spacing(8)
        .align_x(reading_start());
        form_card(
            &ids::PICTURE,
            content,
            FormEnd {
                problem: self.problem.map(Problem::sentence),
                refusal: self.refusal.clone(),
                busy: busy.then(|| fl!("users-picture-setting")),
                submit: ("submit", fl!("users-picture-use"), Message::Submit),
                cancel: (fl!("users-cancel"), Message::Cancel),
            },
        )
    }
}
