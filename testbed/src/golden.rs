//! Golden images: committed PNG files a test's rendering must match byte for byte
//! (RGBA, 8 bits a channel). The one helper behind every snapshot test (the settings
//! app's `shell/tests/ui.rs`, the greeter's and the keyboard focus ring's in `tests/`).
//!
//! A missing golden fails the test: only with `FERRUM_BLESS=1` is it written (from
//! the rendering at hand, for a person to look at and commit). A golden that exists
//! is never rewritten, blessing or not: a test that differs fails.

#![allow(
    clippy::panic,
    reason = "a test helper: a frame that does not match fails the test that asked"
)]

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

/// The variable that lets a test write a missing golden.
pub const BLESS: &str = "FERRUM_BLESS";

/// A rendered frame: `width × height` RGBA pixels, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// 4 bytes a pixel.
    pub rgba: Vec<u8>,
}

/// How a frame compares with a golden file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparison {
    /// Byte for byte the same.
    Same,
    /// There is a golden and the frame differs from it: how.
    Differs(String),
    /// There is no golden file.
    Missing,
}

/// Compares `image` with the golden at `path`; never writes.
///
/// # Panics
/// When the golden exists but cannot be read as a PNG (a broken checkout).
pub fn compare(path: &Path, image: &Image) -> Comparison {
    if !path.exists() {
        return Comparison::Missing;
    }
    let golden = read(path);
    if (golden.width, golden.height) != (image.width, image.height) {
        return Comparison::Differs(format!(
            "the golden is {}×{}, the frame {}×{}",
            golden.width, golden.height, image.width, image.height
        ));
    }
    if golden.rgba == image.rgba {
        return Comparison::Same;
    }
    let pixels = golden
        .rgba
        .chunks(4)
        .zip(image.rgba.chunks(4))
        .filter(|(golden, frame)| golden != frame)
        .count();
    Comparison::Differs(format!(
        "{pixels} of {} pixels differ",
        u64::from(image.width) * u64::from(image.height)
    ))
}

/// Whether `image` matches the golden at `path`. A missing golden is written when
/// `FERRUM_BLESS` is set (and then matches), and fails the test otherwise.
///
/// # Panics
/// When the golden is missing without `FERRUM_BLESS`, or cannot be read or written.
pub fn matches(path: &Path, image: &Image) -> bool {
    match compare(path, image) {
        Comparison::Same => true,
        Comparison::Differs(_) => false,
        Comparison::Missing => {
            if std::env::var_os(BLESS).is_none() {
                panic!(
                    "golden image {} is missing; run with {BLESS}=1 to write it",
                    path.display()
                );
            }
            write(path, image);
            true
        }
    }
}

/// Fails the test unless `image` matches the golden at `path` (see [`matches`]),
/// saying how it differs.
///
/// # Panics
/// When it does not match, or as [`matches`] does.
#[track_caller]
pub fn assert_matches(path: &Path, image: &Image) {
    if let Comparison::Differs(how) = compare(path, image) {
        panic!("the frame differs from {}: {how}", path.display());
    }
    assert!(matches(path, image), "{} does not match", path.display());
}

fn read(path: &Path) -> Image {
    let broken = |error: &dyn std::fmt::Display| -> ! {
        panic!("golden image {} unreadable: {error}", path.display())
    };
    let file = File::open(path).unwrap_or_else(|error| broken(&error));
    let mut reader = png::Decoder::new(BufReader::new(file))
        .read_info()
        .unwrap_or_else(|error| broken(&error));
    let size = reader
        .output_buffer_size()
        .unwrap_or_else(|| broken(&"too large"));
    let mut rgba = vec![0; size];
    let info = reader
        .next_frame(&mut rgba)
        .unwrap_or_else(|error| broken(&error));
    rgba.truncate(info.buffer_size());
    Image {
        width: info.width,
        height: info.height,
        rgba,
    }
}

fn write(path: &Path, image: &Image) {
    let failed = |error: &dyn std::fmt::Display| -> ! {
        panic!("writing golden image {} failed: {error}", path.display())
    };
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).unwrap_or_else(|error| failed(&error));
    }
    let file = File::create(path).unwrap_or_else(|error| failed(&error));
    let mut encoder = png::Encoder::new(file, image.width, image.height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder
        .write_header()
        .unwrap_or_else(|error| failed(&error));
    writer
        .write_image_data(&image.rgba)
        .unwrap_or_else(|error| failed(&error));
    writer.finish().unwrap_or_else(|error| failed(&error));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(pixels: &[[u8; 4]]) -> Image {
        Image {
            width: u32::try_from(pixels.len()).unwrap_or(0),
            height: 1,
            rgba: pixels.concat(),
        }
    }

    #[test]
    fn a_written_golden_reads_back_and_differences_are_counted() {
        let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
        let path = dir.path().join("snapshots/row.png");
        let row = image(&[[1, 2, 3, 255], [4, 5, 6, 255], [7, 8, 9, 255]]);
        assert_eq!(compare(&path, &row), Comparison::Missing);
        write(&path, &row);
        assert_eq!(read(&path), row);
        assert_eq!(compare(&path, &row), Comparison::Same);
        assert!(matches(&path, &row));
        let changed = image(&[[1, 2, 3, 255], [0, 0, 0, 255], [7, 8, 9, 0]]);
        assert_eq!(
            compare(&path, &changed),
            Comparison::Differs("2 of 3 pixels differ".into())
        );
        assert!(!matches(&path, &changed));
        let wider = image(&[[0; 4]; 4]);
        assert_eq!(
            compare(&path, &wider),
            Comparison::Differs("the golden is 3×1, the frame 4×1".into())
        );
    }

    #[test]
    fn a_missing_golden_fails_without_bless() {
        if std::env::var_os(BLESS).is_some() {
            return;
        }
        let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
        let path = dir.path().join("none.png");
        let result = std::panic::catch_unwind(|| matches(&path, &image(&[[0; 4]])));
        assert!(result.is_err(), "a missing golden passed");
        assert!(!path.exists(), "nothing was written");
    }
}
