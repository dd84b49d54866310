//! Following the preferences file without polling: inotify on its folder.
//!
//! The folder is watched, not the file: the shell saves by writing a temporary file and
//! renaming it over the old one, which replaces the inode a watch on the file would follow.
//! Only events that leave a complete file behind count — `IN_CLOSE_WRITE` (written in place),
//! `IN_MOVED_TO` (renamed over), `IN_DELETE`/`IN_MOVED_FROM` (gone: the defaults) — so a
//! half-written file is never read. A blocking thread reads the inotify descriptor (it sleeps
//! in `read` between events) and sends one `()` per batch that touched the file.

use std::ffi::OsString;
use std::mem::MaybeUninit;
use std::os::unix::ffi::OsStrExt as _;
use std::path::{Path, PathBuf};

use rustix::fs::inotify::{self, CreateFlags, ReadFlags, WatchFlags};
use tokio::sync::mpsc;

/// Why the file cannot be followed.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The path has no folder or no file name.
    #[error("{0} is not a file path")]
    NotAFile(PathBuf),
    /// inotify refused.
    #[error("cannot watch {path}: {source}")]
    Inotify {
        /// The folder.
        path: PathBuf,
        /// What the kernel said.
        source: std::io::Error,
    },
}

/// Starts following `file`; the receiver gets `()` after each batch of events that changed
/// it. The folder is created when missing (the shell creates it on its first save anyway).
pub fn watch(file: &Path) -> Result<mpsc::UnboundedReceiver<()>, WatchError> {
    let (Some(dir), Some(name)) = (file.parent(), file.file_name()) else {
        return Err(WatchError::NotAFile(file.to_owned()));
    };
    let inotify_error = |source: rustix::io::Errno| WatchError::Inotify {
        path: dir.to_owned(),
        source: source.into(),
    };
    if let Err(error) = std::fs::create_dir_all(dir) {
        tracing::warn!(%error, dir = %dir.display(), "cannot create the preferences folder");
    }
    let fd = inotify::init(CreateFlags::CLOEXEC).map_err(inotify_error)?;
    inotify::add_watch(
        &fd,
        dir,
        WatchFlags::CLOSE_WRITE
            | WatchFlags::MOVED_TO
            | WatchFlags::MOVED_FROM
            | WatchFlags::DELETE
            | WatchFlags::DELETE_SELF
            | WatchFlags::MOVE_SELF,
    )
    .map_err(inotify_error)?;
    let name = name.to_owned();
    let dir = dir.to_owned();
    let (sender, receiver) = mpsc::unbounded_channel();
    std::thread::Builder::new()
        .name("preferences-watch".into())
        .spawn(move || follow(fd, &dir, &name, &sender))
        .map_err(|source| WatchError::Inotify {
            path: file.to_owned(),
            source,
        })?;
    Ok(receiver)
}

/// The thread: reads batches of events until the folder goes or nobody listens.
fn follow(
    fd: rustix::fd::OwnedFd,
    dir: &Path,
    name: &OsString,
    sender: &mpsc::UnboundedSender<()>,
) {
    let mut buffer = [MaybeUninit::<u8>::uninit(); 4096];
    loop {
        let mut reader = inotify::Reader::new(&fd, &mut buffer);
        let mut touched = false;
        let mut folder_gone = false;
        loop {
            match reader.next() {
                Ok(event) => {
                    let flags = event.events();
                    if flags.intersects(
                        ReadFlags::DELETE_SELF | ReadFlags::MOVE_SELF | ReadFlags::IGNORED,
                    ) {
                        folder_gone = true;
                    }
                    if event
                        .file_name()
                        .is_some_and(|file| file.to_bytes() == name.as_bytes())
                    {
                        touched = true;
                    }
                }
                Err(rustix::io::Errno::INTR) => continue,
                Err(error) => {
                    tracing::warn!(%error, dir = %dir.display(), "reading inotify failed; no longer following the preferences");
                    return;
                }
            }
            if reader.is_buffer_empty() {
                break;
            }
        }
        if (touched || folder_gone) && sender.send(()).is_err() {
            return;
        }
        if folder_gone {
            tracing::warn!(dir = %dir.display(), "the preferences folder went away; no longer following it");
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    async fn next(receiver: &mut mpsc::UnboundedReceiver<()>) -> Option<()> {
        tokio::time::timeout(Duration::from_secs(5), receiver.recv())
            .await
            .ok()
            .flatten()
    }

    #[tokio::test]
    async fn renames_over_and_writes_in_place_are_seen_other_files_are_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("ferrum").join("accessibility.toml");
        let mut changes = watch(&file).expect("watching");
        // Another file in the folder: nothing.
        std::fs::write(file.with_extension("other"), "x").expect("write");
        // The shell's way: a temporary file renamed over the real one.
        let temporary = file.with_extension("toml.tmp");
        std::fs::write(&temporary, "high_contrast = true\n").expect("write");
        std::fs::rename(&temporary, &file).expect("rename");
        assert_eq!(next(&mut changes).await, Some(()));
        // Written in place.
        std::fs::write(&file, "high_contrast = false\n").expect("write");
        assert_eq!(next(&mut changes).await, Some(()));
        std::fs::remove_file(&file).expect("remove");
        assert_eq!(next(&mut changes).await, Some(()));
        assert!(changes.try_recv().is_err(), "one message per batch");
    }
}
