//! The files of imported VPNs. NetworkManager's OpenVPN plugin takes certificates and keys
//! as paths, which NetworkManager opens as root later: every one of them (given inline or
//! named by the `.ovpn` file) is copied into a private folder of this user at import,
//! under a name of its own (the profile's uuid), and never replaced.
//!
//! The folder is `$XDG_DATA_HOME/ferrum/vpn` (`~/.local/share/ferrum/vpn`), made 0700; it
//! must be a folder of this user, not a symlink. Files are written 0600 through a
//! temporary file opened with `O_CREAT|O_EXCL|O_NOFOLLOW`, then renamed without
//! replacing anything (`RENAME_NOREPLACE`). Files read (the VPN file itself and the files
//! it names) must be regular files of at most [`MAX_FILE_BYTES`].

use std::ffi::OsString;
use std::fs::File;
use std::io::{Read as _, Write as _};
use std::os::fd::OwnedFd;
use std::os::unix::fs::DirBuilderExt as _;
use std::path::{Path, PathBuf};

use rustix::fs::{AtFlags, FileType, Mode, OFlags, RenameFlags};
use rustix::io::Errno;
use zeroize::Zeroizing;

/// The largest VPN file, certificate or key read (1 MiB).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Why a VPN's files could not be read or kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VpnFileError {
    /// Neither `XDG_DATA_HOME` nor `HOME` is set: there is no private place for the keys.
    #[error("there is no home folder (HOME is not set) to keep the VPN's keys in")]
    NoHome,
    /// The key folder is a symlink, not a folder, or someone else's.
    #[error("{0} is not a private folder of this user")]
    UnsafeFolder(PathBuf),
    /// A file to read is a device, a pipe or anything but a regular file.
    #[error("{0} is not a regular file")]
    NotAFile(PathBuf),
    /// A file to read is larger than [`MAX_FILE_BYTES`].
    #[error("{0} is larger than 1 MiB")]
    TooLarge(PathBuf),
    /// Reading or writing failed.
    #[error("{path}: {detail}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The system's words.
        detail: String,
    },
}

fn io_error(path: &Path, error: impl Into<std::io::Error>) -> VpnFileError {
    VpnFileError::Io {
        path: path.to_owned(),
        detail: error.into().to_string(),
    }
}

/// The key folder for these values of `XDG_DATA_HOME` and `HOME`: refused without either
/// (never a shared place such as `/tmp`).
pub fn key_dir_from(
    xdg_data_home: Option<OsString>,
    home: Option<OsString>,
) -> Result<PathBuf, VpnFileError> {
    let data = xdg_data_home
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
        .or_else(|| {
            home.map(PathBuf::from)
                .filter(|home| home.is_absolute())
                .map(|home| home.join(".local/share"))
        })
        .ok_or(VpnFileError::NoHome)?;
    Ok(data.join("ferrum/vpn"))
}

/// Random bytes from the kernel, as hexadecimal.
fn random_hex(bytes: usize) -> std::io::Result<String> {
    let mut buffer = vec![0_u8; bytes];
    File::open("/dev/urandom")?.read_exact(&mut buffer)?;
    Ok(buffer.iter().map(|byte| format!("{byte:02x}")).collect())
}

/// A new random (version 4) uuid.
pub fn new_uuid() -> Result<String, VpnFileError> {
    let hex = random_hex(16).map_err(|error| io_error(Path::new("/dev/urandom"), error))?;
    let variant = ["8", "9", "a", "b"][usize::from(hex.as_bytes()[16] % 4)];
    Ok(format!(
        "{}-{}-4{}-{variant}{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    ))
}

/// The private key folder, open: files are created relative to it, so a folder swapped for
/// a symlink after the checks is not followed.
#[derive(Debug)]
pub struct KeyDir {
    path: PathBuf,
    fd: OwnedFd,
}

impl KeyDir {
    /// Creates the folder (0700) if needed and checks it: a folder, not a symlink, owned by
    /// this user. Its mode is set to 0700.
    pub fn open(path: &Path) -> Result<Self, VpnFileError> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|error| io_error(parent, error))?;
        }
        match std::fs::DirBuilder::new().mode(0o700).create(path) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(io_error(path, error)),
        }
        let unsafe_folder = || VpnFileError::UnsafeFolder(path.to_owned());
        let fd = rustix::fs::open(
            path,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .map_err(|errno| match errno {
            // A symlink (ELOOP with O_NOFOLLOW) or not a folder.
            Errno::LOOP | Errno::NOTDIR => unsafe_folder(),
            errno => io_error(path, errno),
        })?;
        let stat = rustix::fs::fstat(&fd).map_err(|errno| io_error(path, errno))?;
        if FileType::from_raw_mode(stat.st_mode) != FileType::Directory
            || stat.st_uid != rustix::process::geteuid().as_raw()
        {
            return Err(unsafe_folder());
        }
        if stat.st_mode & 0o7777 != 0o700 {
            rustix::fs::fchmod(&fd, Mode::from_raw_mode(0o700))
                .map_err(|errno| io_error(path, errno))?;
        }
        Ok(Self {
            path: path.to_owned(),
            fd,
        })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes a new file `name` (0600) in the folder through a temporary file; an existing
    /// file of that name is never replaced. Returns its path.
    pub fn write_new(&self, name: &str, contents: &[u8]) -> Result<PathBuf, VpnFileError> {
        let path = self.path.join(name);
        let suffix = random_hex(8).map_err(|error| io_error(&path, error))?;
        let temporary = format!(".{name}.{suffix}.tmp");
        let fd = rustix::fs::openat(
            &self.fd,
            temporary.as_str(),
            OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::from_raw_mode(0o600),
        )
        .map_err(|errno| io_error(&path, errno))?;
        let discard = || {
            let _ = rustix::fs::unlinkat(&self.fd, temporary.as_str(), AtFlags::empty());
        };
        let written = rustix::fs::fchmod(&fd, Mode::from_raw_mode(0o600))
            .map_err(std::io::Error::from)
            .and_then(|()| {
                let mut file = File::from(fd);
                file.write_all(contents)?;
                file.sync_all()
            });
        if let Err(error) = written {
            discard();
            return Err(io_error(&path, error));
        }
        if let Err(errno) = rustix::fs::renameat_with(
            &self.fd,
            temporary.as_str(),
            &self.fd,
            name,
            RenameFlags::NOREPLACE,
        ) {
            discard();
            return Err(io_error(&path, errno));
        }
        Ok(path)
    }

    /// Removes files this folder's [`KeyDir::write_new`] wrote (an import that failed).
    pub fn remove(&self, paths: &[PathBuf]) {
        for path in paths {
            if let Some(name) = path.file_name()
                && let Err(error) = rustix::fs::unlinkat(&self.fd, name, AtFlags::empty())
            {
                tracing::warn!(?path, %error, "a VPN key file was not removed");
            }
        }
    }
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`] (symlinks to one are followed);
/// devices, pipes and sockets are refused without reading, and never block.
pub fn read_regular(path: &Path) -> Result<Zeroizing<Vec<u8>>, VpnFileError> {
    let check = |kind: FileType, size: u64| {
        if kind != FileType::RegularFile {
            Err(VpnFileError::NotAFile(path.to_owned()))
        } else if size > MAX_FILE_BYTES {
            Err(VpnFileError::TooLarge(path.to_owned()))
        } else {
            Ok(())
        }
    };
    let stat = rustix::fs::stat(path).map_err(|errno| io_error(path, errno))?;
    check(
        FileType::from_raw_mode(stat.st_mode),
        u64::try_from(stat.st_size).unwrap_or(u64::MAX),
    )?;
    // O_NONBLOCK: a file swapped for a pipe since the check does not block the open.
    let fd = rustix::fs::open(
        path,
        OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(|errno| io_error(path, errno))?;
    let stat = rustix::fs::fstat(&fd).map_err(|errno| io_error(path, errno))?;
    check(
        FileType::from_raw_mode(stat.st_mode),
        u64::try_from(stat.st_size).unwrap_or(u64::MAX),
    )?;
    let mut bytes = Zeroizing::new(Vec::new());
    File::from(fd)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| io_error(path, error))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_FILE_BYTES {
        return Err(VpnFileError::TooLarge(path.to_owned()));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt as _;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::symlink_metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o7777
    }

    #[test]
    fn no_home_is_refused_not_tmp() {
        assert_eq!(key_dir_from(None, None), Err(VpnFileError::NoHome));
        // Relative values are not a home either.
        assert_eq!(
            key_dir_from(Some("data".into()), Some("home".into())),
            Err(VpnFileError::NoHome)
        );
        assert_eq!(
            key_dir_from(None, Some("/home/ana".into())),
            Ok(PathBuf::from("/home/ana/.local/share/ferrum/vpn"))
        );
        assert_eq!(
            key_dir_from(Some("/data".into()), None),
            Ok(PathBuf::from("/data/ferrum/vpn"))
        );
    }

    #[test]
    fn the_folder_is_0700_and_files_0600_never_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("share/ferrum/vpn");
        let keys = KeyDir::open(&folder).expect("folder");
        assert_eq!(mode(&folder), 0o700);
        let path = keys.write_new("a-key.pem", b"first").expect("written");
        assert_eq!(mode(&path), 0o600);
        assert_eq!(std::fs::read(&path).expect("read"), b"first");
        assert!(matches!(
            keys.write_new("a-key.pem", b"second"),
            Err(VpnFileError::Io { .. })
        ));
        assert_eq!(std::fs::read(&path).expect("read"), b"first");
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(&folder)
            .expect("list")
            .map(|entry| entry.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![OsString::from("a-key.pem")]);
        // A folder made too open is made private again.
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        drop(KeyDir::open(&folder).expect("folder"));
        assert_eq!(mode(&folder), 0o700);
    }

    #[test]
    fn a_symlinked_or_plain_file_folder_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real");
        std::fs::create_dir(&real).expect("real");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&real, &link).expect("link");
        assert_eq!(
            KeyDir::open(&link).map(|_| ()),
            Err(VpnFileError::UnsafeFolder(link.clone()))
        );
        let file = dir.path().join("file");
        std::fs::write(&file, "").expect("file");
        assert_eq!(
            KeyDir::open(&file).map(|_| ()),
            Err(VpnFileError::UnsafeFolder(file.clone()))
        );
    }

    #[test]
    fn only_small_regular_files_are_read() {
        let started = std::time::Instant::now();
        assert_eq!(
            read_regular(Path::new("/dev/zero")),
            Err(VpnFileError::NotAFile("/dev/zero".into()))
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        let dir = tempfile::tempdir().expect("tempdir");
        let big = dir.path().join("big");
        std::fs::write(&big, vec![b'a'; 1024 * 1024 + 1]).expect("big");
        assert_eq!(read_regular(&big), Err(VpnFileError::TooLarge(big.clone())));
        let small = dir.path().join("small");
        std::fs::write(&small, "ok").expect("small");
        assert_eq!(read_regular(&small).expect("read").as_slice(), b"ok");
    }

    #[test]
    fn uuids_are_version_4() {
        let uuid = new_uuid().expect("uuid");
        assert_eq!(uuid.len(), 36);
        assert_eq!(&uuid[14..15], "4");
        assert_ne!(uuid, new_uuid().expect("uuid"));
    }
}
