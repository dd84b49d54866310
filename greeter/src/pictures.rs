//! Pictures from disk: account pictures (AccountsService's icon files) and
//! the configured background. They are decoded off the UI thread
//! ([`decode_avatars`] and [`background`] run inside
//! `tokio::task::spawn_blocking`), with strict limits on what a file may
//! declare, and kept by (path, modification time) so an unchanged user list
//! decodes nothing. A missing, unreadable, oversized or refused file means no
//! picture (the initials are shown instead).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use iced::widget::image::Handle;

pub use ferrum_ui::picture::{MAX_ALLOC, MAX_BYTES, PictureError, decode_limited, read_capped};

/// The largest width and height an account picture may declare.
pub const MAX_AVATAR_SIDE: u32 = 2048;

/// The largest width and height the background may declare (a 4K screen fits).
pub const MAX_BACKGROUND_SIDE: u32 = 4096;

/// The side of an account picture as it is kept (drawn at 40–48 px, twice for HiDPI).
pub const AVATAR_SIDE: u32 = 96;

/// The background picture, decoded within the limits (blocking: call it
/// inside `spawn_blocking`).
pub fn background(path: &Path) -> Option<Handle> {
    let decoded = read_capped(path).and_then(|bytes| decode_limited(&bytes, MAX_BACKGROUND_SIDE));
    match decoded {
        Ok(decoded) => {
            let rgba = decoded.into_rgba8();
            Some(Handle::from_rgba(
                rgba.width(),
                rgba.height(),
                rgba.into_raw(),
            ))
        }
        Err(error) => {
            tracing::debug!(path = %path.display(), %error, "background picture refused");
            None
        }
    }
}

/// An account picture: decoded within the limits, cropped to a square,
/// scaled and cut to a disc (transparent corners). Blocking.
pub fn avatar(path: &Path) -> Option<Handle> {
    let decoded = match read_capped(path).and_then(|bytes| decode_limited(&bytes, MAX_AVATAR_SIDE))
    {
        Ok(decoded) => decoded,
        Err(error) => {
            tracing::debug!(path = %path.display(), %error, "account picture refused");
            return None;
        }
    };
    let side = decoded.width().min(decoded.height());
    let square = decoded.crop_imm(
        (decoded.width() - side) / 2,
        (decoded.height() - side) / 2,
        side,
        side,
    );
    let mut disc = square
        .resize_exact(
            AVATAR_SIDE,
            AVATAR_SIDE,
            image::imageops::FilterType::Triangle,
        )
        .into_rgba8();
    let centre = AVATAR_SIDE as f32 / 2.0;
    for (x, y, pixel) in disc.enumerate_pixels_mut() {
        let dx = x as f32 + 0.5 - centre;
        let dy = y as f32 + 0.5 - centre;
        // A one-pixel soft edge.
        let coverage = (centre - (dx * dx + dy * dy).sqrt() + 0.5).clamp(0.0, 1.0);
        pixel[3] = (f32::from(pixel[3]) * coverage) as u8;
    }
    Some(Handle::from_rgba(AVATAR_SIDE, AVATAR_SIDE, disc.into_raw()))
}

/// Account pictures decoded so far, by (path, modification time); a refused
/// picture is kept too (as none), so it is not decoded again either.
#[derive(Debug, Clone, Default)]
pub struct AvatarCache {
    entries: HashMap<PathBuf, (Option<SystemTime>, Option<Handle>)>,
}

/// The pictures of the users that have one: `users` is (user name, icon
/// path). Reuses `cache` for every file whose modification time is
/// unchanged, and returns the pictures with the cache of this list. Blocking.
pub fn decode_avatars(
    users: &[(String, PathBuf)],
    cache: &AvatarCache,
) -> (HashMap<String, Handle>, AvatarCache) {
    decode_avatars_with(users, cache, avatar)
}

fn decode_avatars_with(
    users: &[(String, PathBuf)],
    cache: &AvatarCache,
    decode: impl Fn(&Path) -> Option<Handle>,
) -> (HashMap<String, Handle>, AvatarCache) {
    let mut next = AvatarCache::default();
    let mut pictures = HashMap::new();
    for (user, path) in users {
        let modified = std::fs::metadata(path)
            .and_then(|metadata| metadata.modified())
            .ok();
        let handle = match next.entries.get(path).or_else(|| cache.entries.get(path)) {
            Some((known, handle)) if modified.is_some() && *known == modified => handle.clone(),
            _ => decode(path),
        };
        next.entries
            .insert(path.clone(), (modified, handle.clone()));
        if let Some(handle) = handle {
            pictures.insert(user.clone(), handle);
        }
    }
    (pictures, next)
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::io::Cursor;
    use std::time::{Duration, Instant};

    use super::*;

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for byte in bytes {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    /// A small valid PNG whose header is rewritten to declare `side`×`side`
    /// pixels (with a correct checksum, so only the limits can refuse it).
    fn declaring(side: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        image::RgbaImage::from_pixel(4, 4, image::Rgba([1, 2, 3, 255]))
            .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
            .expect("encoded");
        // Signature (8), length (4), "IHDR" (4), width, height, …, CRC.
        bytes[16..20].copy_from_slice(&side.to_be_bytes());
        bytes[20..24].copy_from_slice(&side.to_be_bytes());
        let crc = crc32(&bytes[12..29]);
        bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        bytes
    }

    /// The peak resident memory of this process, in KiB.
    fn peak_kib() -> u64 {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|status| {
                let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
                line.split_whitespace().nth(1)?.parse().ok()
            })
            .unwrap_or(0)
    }

    #[test]
    fn a_picture_declaring_huge_dimensions_is_refused_at_once() {
        let bytes = declaring(11_000);
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("huge.png");
        std::fs::write(&path, &bytes).expect("write");
        let before = peak_kib();
        let started = Instant::now();
        // Refused by the limits (from the header), not by a failed decode of
        // 11 000 × 11 000 pixels (484 MB, under the crate's default 512 MiB).
        let refused = decode_limited(&bytes, MAX_AVATAR_SIDE);
        assert!(
            matches!(
                refused,
                Err(PictureError::Decode(image::ImageError::Limits(_)))
            ),
            "{refused:?}"
        );
        assert!(avatar(&path).is_none());
        assert!(background(&path).is_none());
        assert!(started.elapsed() < Duration::from_secs(1));
        assert!(peak_kib().saturating_sub(before) < 64 * 1024);
        // Within the limits the same file decodes.
        assert!(decode_limited(&declaring(4), MAX_AVATAR_SIDE).is_ok());
    }

    #[test]
    fn missing_empty_or_undecodable_files_give_no_picture() {
        assert!(avatar(Path::new("/nonexistent/face.png")).is_none());
        assert!(background(Path::new("/nonexistent/wall.png")).is_none());
        let dir = tempfile::tempdir().expect("temp dir");
        let empty = dir.path().join("empty.png");
        std::fs::write(&empty, b"").expect("write");
        assert!(background(&empty).is_none());
        let some = dir.path().join("face.png");
        std::fs::write(&some, b"\x89PNG....").expect("write");
        // Not a decodable picture: no avatar (the initials are shown instead).
        assert!(avatar(&some).is_none());
        let face = dir.path().join("real.png");
        image::RgbImage::from_pixel(120, 80, image::Rgb([200, 100, 50]))
            .save(&face)
            .expect("saved");
        assert!(avatar(&face).is_some());
        assert!(background(&face).is_some());
    }

    #[test]
    fn an_unchanged_picture_is_not_decoded_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        let face = dir.path().join("face.png");
        image::RgbImage::from_pixel(20, 20, image::Rgb([9, 9, 9]))
            .save(&face)
            .expect("saved");
        let users = vec![
            ("ada".to_owned(), face.clone()),
            ("grace".to_owned(), dir.path().join("missing.png")),
        ];
        let decoded = Cell::new(0);
        let counting = |path: &Path| {
            decoded.set(decoded.get() + 1);
            avatar(path)
        };
        let (pictures, cache) = decode_avatars_with(&users, &AvatarCache::default(), counting);
        assert_eq!(decoded.get(), 2);
        assert!(pictures.contains_key("ada") && !pictures.contains_key("grace"));
        // Same list, same files: nothing decoded.
        let (again, cache) = decode_avatars_with(&users, &cache, counting);
        assert_eq!(decoded.get(), 3, "only the missing file is tried again");
        assert_eq!(again.len(), 1);
        // A changed file (new modification time) is decoded again.
        let later = SystemTime::now() + Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(&face)
            .and_then(|file| file.set_modified(later))
            .expect("touched");
        let (_, _) = decode_avatars_with(&users, &cache, counting);
        assert_eq!(decoded.get(), 5);
    }
}
