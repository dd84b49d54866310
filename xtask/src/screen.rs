//! Screens of the image tests, checked region by region at full resolution.
//!
//! A screen check makes a claim ("the login screen lists the people, the network status and
//! the power menu") and names the regions of the 1280×800 screen that carry it. Each region
//! is compared, pixel for pixel in grey, with a committed reference crop
//! (`image/reference/<claim>.<region>.pgm`): it matches when at most one pixel in a thousand
//! differs by more than [`PIXEL_TOLERANCE`] grey levels. The image renders the same pixels
//! every boot (the same software renderer, fonts and window size), so the only differences a
//! region tolerates are a few stray pixels; a different word ("Loading…" instead of the power
//! profiles) changes thousands.

use std::fs;
use std::path::PathBuf;

use crate::util::{self, Result};

/// Grey levels two pixels may differ by and still be the same.
const PIXEL_TOLERANCE: u8 = 24;
/// Pixels in a thousand that may differ in a matching region.
const DIFFERING_PER_THOUSAND: usize = 1;

/// The whole screen in grey (from a binary PPM screendump).
pub struct Frame {
    pub width: usize,
    pub height: usize,
    grey: Vec<u8>,
}

impl Frame {
    /// How many pixels differ from `other`'s by more than a rounding error (every pixel when
    /// the sizes differ).
    pub fn differing(&self, other: &Frame) -> usize {
        if (self.width, self.height) != (other.width, other.height) {
            return self.grey.len().max(other.grey.len());
        }
        self.grey
            .iter()
            .zip(&other.grey)
            .filter(|(a, b)| a.abs_diff(**b) > 8)
            .count()
    }

    /// Parses a binary PPM (P6) and turns it grey.
    pub fn from_ppm(ppm: &[u8]) -> Result<Self> {
        let mut fields = Vec::new();
        let mut index = 0;
        while fields.len() < 4 {
            while index < ppm.len() && ppm[index].is_ascii_whitespace() {
                index += 1;
            }
            let start = index;
            while index < ppm.len() && !ppm[index].is_ascii_whitespace() {
                index += 1;
            }
            if start == index {
                return Err("not a P6 screendump".into());
            }
            fields.push(String::from_utf8_lossy(&ppm[start..index]).into_owned());
        }
        let pixels = ppm.get(index + 1..).ok_or("not a P6 screendump")?;
        let (width, height): (usize, usize) = (fields[1].parse()?, fields[2].parse()?);
        if fields[0] != "P6" || pixels.len() < width * height * 3 {
            return Err("not a P6 screendump".into());
        }
        let grey = pixels
            .chunks_exact(3)
            .take(width * height)
            .map(|rgb| {
                let grey =
                    (u32::from(rgb[0]) * 30 + u32::from(rgb[1]) * 59 + u32::from(rgb[2]) * 11)
                        / 100;
                u8::try_from(grey).unwrap_or(u8::MAX)
            })
            .collect();
        Ok(Self {
            width,
            height,
            grey,
        })
    }

    /// The grey pixels of `region`, row by row; `None` when it is not inside the screen.
    fn crop(&self, region: &Region) -> Option<Vec<u8>> {
        if region.x + region.w > self.width || region.y + region.h > self.height {
            return None;
        }
        let mut out = Vec::with_capacity(region.w * region.h);
        for row in region.y..region.y + region.h {
            let start = row * self.width + region.x;
            out.extend_from_slice(&self.grey[start..start + region.w]);
        }
        Some(out)
    }
}

/// A rectangle of the screen that carries part of a claim.
#[derive(Debug, Clone, Copy)]
pub struct Region {
    /// Names the reference file and the region in failure messages.
    pub name: &'static str,
    pub x: usize,
    pub y: usize,
    pub w: usize,
    pub h: usize,
}

/// What a screen must show, and the regions that show it.
#[derive(Debug, Clone, Copy)]
pub struct Claim {
    /// Names the reference files and the screenshot (`<name>.png`).
    pub name: &'static str,
    /// The claim in words, for the timeline and the checks table.
    pub says: &'static str,
    pub regions: &'static [Region],
}

/// How one region compared with its reference.
#[derive(Debug, Clone)]
pub struct RegionResult {
    pub region: &'static str,
    /// Pixels that differ by more than the tolerance.
    pub differing: usize,
    /// How many may.
    pub allowed: usize,
}

impl RegionResult {
    pub fn matches(&self) -> bool {
        self.differing <= self.allowed
    }
}

/// The results of every region of a claim, as one line ("card 0/84, power 912/7").
pub fn describe(results: &[RegionResult]) -> String {
    results
        .iter()
        .map(|result| {
            format!(
                "{} {}/{} pixels differ",
                result.region, result.differing, result.allowed
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where the reference crop of `region` of `claim` is kept.
pub fn reference_path(claim: &Claim, region: &Region) -> Result<PathBuf> {
    Ok(util::workspace_root()?.join(format!(
        "image/reference/{}.{}.pgm",
        claim.name, region.name
    )))
}

/// Whether every region of `claim` has a reference.
pub fn has_references(claim: &Claim) -> Result<bool> {
    for region in claim.regions {
        if !reference_path(claim, region)?.is_file() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Compares every region of `claim` on `frame` with its reference (a region outside a
/// smaller screen differs in every pixel).
pub fn compare(frame: &Frame, claim: &Claim) -> Result<Vec<RegionResult>> {
    claim
        .regions
        .iter()
        .map(|region| {
            let path = reference_path(claim, region)?;
            let bytes = fs::read(&path).map_err(|error| {
                format!(
                    "reference {}: {error}; make it with FERRUM_BLESS=1",
                    path.display()
                )
            })?;
            let header = header(region);
            let reference = bytes
                .strip_prefix(header.as_bytes())
                .filter(|pixels| pixels.len() == region.w * region.h)
                .ok_or_else(|| {
                    format!("{} is not a {}×{} PGM", path.display(), region.w, region.h)
                })?;
            // A screen of another size (the firmware's 640×480) shows nothing of the claim.
            let differing = frame
                .crop(region)
                .map_or(region.w * region.h, |crop| differing(&crop, reference));
            Ok(RegionResult {
                region: region.name,
                differing,
                allowed: region.w * region.h * DIFFERING_PER_THOUSAND / 1000,
            })
        })
        .collect()
}

/// Writes the regions of `claim` on `frame` as its references.
pub fn bless(frame: &Frame, claim: &Claim) -> Result<()> {
    for region in claim.regions {
        let path = reference_path(claim, region)?;
        let crop = frame
            .crop(region)
            .ok_or_else(|| format!("region {} is outside the screen", region.name))?;
        fs::create_dir_all(path.parent().ok_or("no folder")?)?;
        let mut bytes = header(region).into_bytes();
        bytes.extend_from_slice(&crop);
        fs::write(&path, bytes)?;
        println!("e2e: wrote reference {}", path.display());
    }
    Ok(())
}

fn header(region: &Region) -> String {
    format!("P5\n{} {}\n255\n", region.w, region.h)
}

/// Pixels of `a` and `b` that differ by more than the tolerance.
fn differing(a: &[u8], b: &[u8]) -> usize {
    a.iter()
        .zip(b)
        .filter(|(x, y)| x.abs_diff(**y) > PIXEL_TOLERANCE)
        .count()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn frame(width: usize, height: usize, fill: u8) -> Frame {
        Frame {
            width,
            height,
            grey: vec![fill; width * height],
        }
    }

    const REGION: Region = Region {
        name: "card",
        x: 10,
        y: 10,
        w: 100,
        h: 50,
    };

    #[test]
    fn a_ppm_is_read_in_grey() {
        let mut ppm = b"P6\n2 1\n255\n".to_vec();
        ppm.extend_from_slice(&[255, 255, 255, 0, 0, 0]);
        let frame = Frame::from_ppm(&ppm).unwrap();
        assert_eq!((frame.width, frame.height), (2, 1));
        assert_eq!(frame.grey, vec![255, 0]);
        assert!(Frame::from_ppm(b"P6\n2 1\n255\n\x00").is_err());
        assert!(Frame::from_ppm(b"P6").is_err());
    }

    #[test]
    fn a_line_of_text_is_a_different_region_a_stray_pixel_is_not() {
        let reference = frame(200, 100, 40).crop(&REGION).unwrap();
        let mut screen = frame(200, 100, 40);
        // Five stray pixels (of 5000; five are allowed).
        for x in 20..25 {
            screen.grey[30 * 200 + x] = 200;
        }
        assert_eq!(differing(&screen.crop(&REGION).unwrap(), &reference), 5);
        assert!(differing(&screen.crop(&REGION).unwrap(), &reference) <= 5000 / 1000);
        // A word: 60×8 pixels of ink.
        for y in 40..48 {
            for x in 30..90 {
                screen.grey[y * 200 + x] = 230;
            }
        }
        assert_eq!(differing(&screen.crop(&REGION).unwrap(), &reference), 485);
        // Slightly lighter everywhere (within the tolerance) is the same.
        let lighter = frame(200, 100, 40 + PIXEL_TOLERANCE).crop(&REGION).unwrap();
        assert_eq!(differing(&lighter, &reference), 0);
    }

    #[test]
    fn a_region_outside_the_screen_is_refused() {
        assert!(frame(100, 50, 0).crop(&REGION).is_none());
        assert!(frame(110, 60, 0).crop(&REGION).is_some());
    }
}
