//! The QEMU side of the image tests: QEMU's machine protocol (QMP) for key presses and
//! screendumps, and screens reduced to grey thumbnails compared with committed references
//! (`image/reference/*.pgm`).

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::util::{self, Result};

/// Thumbnail size for comparisons (the screen is 1280×800).
const THUMB: (usize, usize) = (160, 100);
/// Thumbnail rows left out of comparisons: the clock.
const SKIP_ROWS: usize = 9;

/// QEMU's machine protocol over its Unix socket.
pub struct Qmp {
    reader: BufReader<UnixStream>,
    writer: UnixStream,
}

impl Qmp {
    pub fn connect(path: &Path, deadline: Instant) -> Result<Self> {
        let stream = loop {
            match UnixStream::connect(path) {
                Ok(stream) => break stream,
                Err(_) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(200))
                }
                Err(error) => return Err(format!("QMP socket {}: {error}", path.display()).into()),
            }
        };
        let mut qmp = Self {
            reader: BufReader::new(stream.try_clone()?),
            writer: stream,
        };
        let mut greeting = String::new();
        qmp.reader.read_line(&mut greeting)?;
        qmp.command("qmp_capabilities", json!({}))?;
        Ok(qmp)
    }

    pub fn command(&mut self, name: &str, arguments: Value) -> Result<Value> {
        let request = json!({"execute": name, "arguments": arguments});
        writeln!(self.writer, "{request}")?;
        loop {
            let mut line = String::new();
            if self.reader.read_line(&mut line)? == 0 {
                return Err("QMP closed".into());
            }
            let reply: Value = serde_json::from_str(&line)?;
            if let Some(error) = reply.get("error") {
                return Err(format!("QMP {name}: {error}").into());
            }
            if let Some(value) = reply.get("return") {
                return Ok(value.clone());
            }
        }
    }

    pub fn keys(&mut self, qcodes: &[&str]) -> Result<()> {
        let keys: Vec<Value> = qcodes
            .iter()
            .map(|code| json!({"type": "qcode", "data": code}))
            .collect();
        self.command("send-key", json!({"keys": keys}))?;
        std::thread::sleep(Duration::from_millis(200));
        Ok(())
    }

    pub fn type_text(&mut self, text: &str) -> Result<()> {
        for c in text.chars() {
            let code = match c {
                '-' => "minus".to_owned(),
                ' ' => "spc".to_owned(),
                c if c.is_ascii_lowercase() || c.is_ascii_digit() => c.to_string(),
                other => return Err(format!("no key for {other:?}").into()),
            };
            self.keys(&[&code])?;
        }
        Ok(())
    }

    /// The screen as a grey thumbnail (from a PPM screendump), and a PNG for people.
    pub fn screen(&mut self, png: Option<&Path>) -> Result<Vec<u8>> {
        let ppm = std::env::temp_dir().join(format!("ferrum-screen-{}.ppm", std::process::id()));
        self.command("screendump", json!({"filename": ppm}))?;
        let bytes = fs::read(&ppm)?;
        let _ = fs::remove_file(&ppm);
        if let Some(png) = png {
            self.command("screendump", json!({"filename": png, "format": "png"}))?;
        }
        thumbnail(&bytes)
    }
}

/// Parses a binary PPM (P6) and averages it into a [`THUMB`] grey thumbnail.
fn thumbnail(ppm: &[u8]) -> Result<Vec<u8>> {
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
        fields.push(String::from_utf8_lossy(&ppm[start..index]).into_owned());
    }
    let pixels = &ppm[index + 1..];
    let (width, height): (usize, usize) = (fields[1].parse()?, fields[2].parse()?);
    if fields[0] != "P6" || pixels.len() < width * height * 3 {
        return Err("not a P6 screendump".into());
    }
    let (tw, th) = THUMB;
    let mut out = vec![0_u8; tw * th];
    for ty in 0..th {
        for tx in 0..tw {
            let (x0, x1) = (tx * width / tw, (tx + 1) * width / tw);
            let (y0, y1) = (ty * height / th, (ty + 1) * height / th);
            let mut sum = 0_u64;
            let mut count = 0_u64;
            for y in y0..y1 {
                for x in x0..x1 {
                    let p = (y * width + x) * 3;
                    let grey = (u64::from(pixels[p]) * 30
                        + u64::from(pixels[p + 1]) * 59
                        + u64::from(pixels[p + 2]) * 11)
                        / 100;
                    sum += grey;
                    count += 1;
                }
            }
            out[ty * tw + tx] = u8::try_from(sum / count.max(1)).unwrap_or(u8::MAX);
        }
    }
    Ok(out)
}

/// Mean absolute difference of two thumbnails below the clock rows.
pub fn difference(a: &[u8], b: &[u8]) -> f64 {
    let (tw, th) = THUMB;
    let start = SKIP_ROWS * tw;
    let total: u64 = a[start..tw * th]
        .iter()
        .zip(&b[start..tw * th])
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    total as f64 / ((th - SKIP_ROWS) * tw) as f64
}

pub fn reference_path(name: &str) -> Result<PathBuf> {
    Ok(util::workspace_root()?.join(format!("image/reference/{name}.pgm")))
}

/// The committed reference thumbnail; with `FERRUM_BLESS=1` a missing one is written from
/// `screen`.
pub fn reference(name: &str, screen: &[u8]) -> Result<Vec<u8>> {
    let path = reference_path(name)?;
    if let Ok(bytes) = fs::read(&path) {
        let header = format!("P5\n{} {}\n255\n", THUMB.0, THUMB.1);
        return Ok(bytes[header.len()..].to_vec());
    }
    if std::env::var_os("FERRUM_BLESS").is_some() {
        fs::create_dir_all(path.parent().ok_or("no folder")?)?;
        let mut bytes = format!("P5\n{} {}\n255\n", THUMB.0, THUMB.1).into_bytes();
        bytes.extend_from_slice(screen);
        fs::write(&path, bytes)?;
        println!("e2e: wrote reference {}", path.display());
        return Ok(screen.to_vec());
    }
    Err(format!(
        "reference {} is missing; run with FERRUM_BLESS=1",
        path.display()
    )
    .into())
}
