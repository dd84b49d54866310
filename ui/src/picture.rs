//! Pictures from disk, read and decoded with strict limits on what a file may declare
//! (blocking: call these inside `tokio::task::spawn_blocking`, never on the UI thread): the
//! login screen's account pictures and background, the Apps page's icons.

use std::io::{Cursor, Read};
use std::path::Path;

use iced::widget::image::Handle;

/// The largest picture file read (account pictures are small; 16 MiB allows a 4K background).
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// The most a decoder may allocate for one picture.
pub const MAX_ALLOC: u64 = 64 * 1024 * 1024;

/// The largest width and height an icon may declare.
pub const MAX_ICON_SIDE: u32 = 1024;

/// Why a picture is not shown.
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    /// The file could not be read.
    #[error("unreadable: {0}")]
    Io(#[from] std::io::Error),
    /// Empty, or larger than [`MAX_BYTES`].
    #[error("empty or larger than {MAX_BYTES} bytes")]
    Size,
    /// The decoder refused it (unknown format, broken, or beyond the limits).
    #[error("not decoded: {0}")]
    Decode(#[from] image::ImageError),
}

impl PictureError {
    /// Whether the file or the picture is larger than the limits allow.
    pub fn is_too_large(&self) -> bool {
        matches!(
            self,
            Self::Size | Self::Decode(image::ImageError::Limits(_))
        )
    }
}

/// The file's bytes, refused when empty or larger than [`MAX_BYTES`] (no more is read).
pub fn read_capped(path: &Path) -> Result<Vec<u8>, PictureError> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.is_empty() || bytes.len() as u64 > MAX_BYTES {
        return Err(PictureError::Size);
    }
    Ok(bytes)
}

/// Decodes `bytes` refusing, before any pixel is allocated, a picture that
/// declares more than `max_side` pixels a side or needs more than [`MAX_ALLOC`].
pub fn decode_limited(bytes: &[u8], max_side: u32) -> Result<image::DynamicImage, PictureError> {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(max_side);
    limits.max_image_height = Some(max_side);
    limits.max_alloc = Some(MAX_ALLOC);
    let mut reader = image::ImageReader::new(Cursor::new(bytes)).with_guessed_format()?;
    reader.limits(limits);
    Ok(reader.decode()?)
}

/// The picture in `bytes` (PNG or JPEG, at most `max_side` pixels a side) cropped to a
/// square from its middle, scaled to `side` × `side` and encoded as PNG (an account
/// picture). Blocking.
pub fn square_png(bytes: &[u8], max_side: u32, side: u32) -> Result<Vec<u8>, PictureError> {
    let decoded = decode_limited(bytes, max_side)?;
    let scaled = decoded.resize_to_fill(side, side, image::imageops::FilterType::Triangle);
    let mut png = Vec::new();
    scaled.write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)?;
    Ok(png)
}

/// An icon (PNG or JPEG) decoded within the limits and scaled to `side` × `side` pixels;
/// `None` when it is missing, too big or not a picture. Blocking.
pub fn icon(path: &Path, side: u32) -> Option<Handle> {
    let decoded = match read_capped(path).and_then(|bytes| decode_limited(&bytes, MAX_ICON_SIDE)) {
        Ok(decoded) => decoded,
        Err(error) => {
            tracing::debug!(path = %path.display(), %error, "icon refused");
            return None;
        }
    };
    let scaled = decoded
        .resize_exact(side, side, image::imageops::FilterType::Triangle)
        .into_rgba8();
    Some(Handle::from_rgba(side, side, scaled.into_raw()))
}
