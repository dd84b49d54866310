//! The QEMU side of the image tests: QEMU's machine protocol (QMP) for key presses and
//! screendumps (checked by [`crate::screen`]).

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::screen::Frame;
use crate::util::Result;

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

    /// The screen at full resolution in grey (from a PPM screendump), and a PNG for people.
    pub fn screen(&mut self, png: Option<&Path>) -> Result<Frame> {
        let ppm = std::env::temp_dir().join(format!("ferrum-screen-{}.ppm", std::process::id()));
        self.command("screendump", json!({"filename": ppm}))?;
        let bytes = fs::read(&ppm)?;
        let _ = fs::remove_file(&ppm);
        if let Some(png) = png {
            self.command("screendump", json!({"filename": png, "format": "png"}))?;
        }
        Frame::from_ppm(&bytes)
    }
}
