//! Pictures from disk: account pictures (AccountsService's icon files) and
//! the configured background. Read once when they change, never while
//! drawing; a missing, unreadable or oversized file means no picture.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use ferrum_services::accounts::UserAccount;
use iced::widget::image::Handle;

/// The largest picture read (account pictures are small; 16 MiB allows a 4K background).
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// A picture file's bytes, if it can be read and is not too large.
pub fn picture(path: &Path) -> Option<Handle> {
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).ok()?;
    if bytes.is_empty() || bytes.len() as u64 > MAX_BYTES {
        tracing::debug!(path = %path.display(), "picture empty or too large");
        return None;
    }
    Some(Handle::from_bytes(bytes))
}

/// The side of an account picture as it is kept (drawn at 40–48 px, twice for HiDPI).
pub const AVATAR_SIDE: u32 = 96;

/// An account picture: decoded, cropped to a square, scaled and cut to a
/// disc (transparent corners). A file that does not decode gives none.
pub fn avatar(path: &Path) -> Option<Handle> {
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).ok()?;
    if bytes.len() as u64 > MAX_BYTES {
        return None;
    }
    let decoded = match image::load_from_memory(&bytes) {
        Ok(decoded) => decoded,
        Err(error) => {
            tracing::debug!(path = %path.display(), %error, "account picture unreadable");
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

/// The pictures of the users that have one.
pub fn avatars(users: &[UserAccount]) -> HashMap<String, Handle> {
    users
        .iter()
        .filter_map(|user| {
            let handle = avatar(user.icon.as_deref()?)?;
            Some((user.name.clone(), handle))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_or_empty_files_give_no_picture() {
        assert!(picture(Path::new("/nonexistent/face.png")).is_none());
        let dir = tempfile::tempdir().expect("temp dir");
        let empty = dir.path().join("empty.png");
        std::fs::write(&empty, b"").expect("write");
        assert!(picture(&empty).is_none());
        let some = dir.path().join("face.png");
        std::fs::write(&some, b"\x89PNG....").expect("write");
        assert!(picture(&some).is_some());
        // Not a decodable picture: no avatar (the initials are shown instead).
        assert!(avatar(&some).is_none());
        let face = dir.path().join("real.png");
        image::RgbImage::from_pixel(120, 80, image::Rgb([200, 100, 50]))
            .save(&face)
            .expect("saved");
        assert!(avatar(&face).is_some());
    }
}
