//! A private PipeWire + WirePlumber with two null sinks and a null source, for the Sound tests.
//!
//! [`AudioBed::start`] makes a fresh folder with its own `XDG_RUNTIME_DIR` (`<dir>/run`, where
//! the socket `pipewire-0` appears), `XDG_CONFIG_HOME`, `XDG_STATE_HOME` (WirePlumber's saved
//! defaults and stream settings) and `HOME`, starts a private session bus
//! ([`SessionBus`](crate::session_bus::SessionBus)) for WirePlumber, then `pipewire` with a
//! `context.objects` drop-in that creates [`OUTPUTS`] and [`INPUT`] as `support.null-audio-sink`
//! adapters (no sound hardware needed), then `wireplumber`, and waits until WirePlumber has
//! published its defaults. The system bus is pointed at a socket that does not exist, so
//! WirePlumber's Bluetooth monitor never reaches the machine's BlueZ.
//!
//! Each daemon runs in its own process group and logs to `<dir>/logs/<name>.log`; everything
//! is stopped by PID (process group) when the bed is dropped, never by name, so several beds
//! can run side by side. Helpers run `wpctl`, `pw-dump`, `pw-metadata` and `pw-play` inside
//! the bed, and kill, restart, stop (SIGSTOP) and resume (SIGCONT) PipeWire for the fault
//! tests.
//!
//! Debian packages: `pipewire` and `pipewire-bin` (`pipewire`, `pw-dump`, `pw-play`,
//! `pw-metadata`), `wireplumber` (`wireplumber`, `wpctl`), `dbus-daemon`.

use std::fs;
use std::io::{self, Write as _};
use std::os::unix::fs::PermissionsExt as _;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use rustix::process::Signal;
use tempfile::TempDir;

use crate::session_bus::SessionBus;
use crate::{
    Error, adopt_orphans, has_exited, kill_and_reap, log_tail, require, signal_group, spawn,
};

/// `pipewire`, from `pipewire-bin`.
const PIPEWIRE: &str = "/usr/bin/pipewire";
/// `wireplumber`, from `wireplumber`.
const WIREPLUMBER: &str = "/usr/bin/wireplumber";
/// `wpctl`, from `wireplumber`.
const WPCTL: &str = "/usr/bin/wpctl";
/// `pw-dump`, from `pipewire-bin`.
const PW_DUMP: &str = "/usr/bin/pw-dump";
/// `pw-play` (pw-cat), from `pipewire-bin`.
const PW_PLAY: &str = "/usr/bin/pw-play";
/// How long PipeWire and WirePlumber may take to come up.
const READY_TIMEOUT: Duration = Duration::from_secs(20);
/// Polling interval while waiting.
const POLL: Duration = Duration::from_millis(50);

/// A null device of the bed: its `node.name` and `node.description`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NullDevice {
    /// `node.name`, what the defaults name.
    pub name: &'static str,
    /// `node.description`, what people read.
    pub description: &'static str,
}

/// The first output: WirePlumber's default output when the bed starts.
pub const DESK_SPEAKERS: NullDevice = NullDevice {
    name: "desk-speakers",
    description: "Desk Speakers",
};
/// The second output.
pub const USB_HEADSET: NullDevice = NullDevice {
    name: "usb-headset",
    description: "USB Headset",
};
/// The input.
pub const DESK_MICROPHONE: NullDevice = NullDevice {
    name: "desk-microphone",
    description: "Desk Microphone",
};
/// The outputs (stereo `Audio/Sink` null sinks, FL FR), in creation order.
pub const OUTPUTS: [NullDevice; 2] = [DESK_SPEAKERS, USB_HEADSET];
/// The input (a mono `Audio/Source/Virtual` null source).
pub const INPUT: NullDevice = DESK_MICROPHONE;

/// The `context.objects` drop-in that creates the null devices.
fn null_devices_conf() -> String {
    let mut conf = String::from("context.objects = [\n");
    for output in OUTPUTS {
        conf.push_str(&format!(
            "  {{ factory = adapter\n    args = {{ factory.name = support.null-audio-sink node.name = \"{}\"\n             node.description = \"{}\" media.class = \"Audio/Sink\"\n             audio.position = [ FL FR ] monitor.channel-volumes = true object.linger = true }} }}\n",
            output.name, output.description
        ));
    }
    conf.push_str(&format!(
        "  {{ factory = adapter\n    args = {{ factory.name = support.null-audio-sink node.name = \"{}\"\n             node.description = \"{}\" media.class = \"Audio/Source/Virtual\"\n             audio.position = [ MONO ] object.linger = true }} }}\n",
        INPUT.name, INPUT.description
    ));
    conf.push_str("]\n");
    conf
}

/// Where things live in the bed's folder.
#[derive(Debug, Clone)]
struct Paths {
    dir: PathBuf,
    runtime: PathBuf,
    config: PathBuf,
    state: PathBuf,
    home: PathBuf,
    logs: PathBuf,
}

impl Paths {
    fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
            runtime: dir.join("run"),
            config: dir.join("config"),
            state: dir.join("state"),
            home: dir.join("home"),
            logs: dir.join("logs"),
        }
    }

    fn log(&self, name: &str) -> PathBuf {
        self.logs.join(format!("{name}.log"))
    }
}

/// A running private PipeWire + WirePlumber with the null devices; dropping it stops both,
/// then the session bus, and removes the folder unless [`AudioBed::keep_dir`] was called.
#[derive(Debug)]
pub struct AudioBed {
    paths: Paths,
    /// `None` once the folder is kept.
    temp: Option<TempDir>,
    session_bus: SessionBus,
    pipewire: Option<Child>,
    wireplumber: Option<Child>,
}

impl AudioBed {
    /// Starts the session bus, PipeWire and WirePlumber in a fresh folder and waits until
    /// WirePlumber has chosen the default output and input (timeout 20 s; the error has the
    /// logs' tails).
    pub fn start() -> Result<AudioBed, Error> {
        require(Path::new(PIPEWIRE), "pipewire-bin")?;
        require(Path::new(PW_DUMP), "pipewire-bin")?;
        require(Path::new(PW_PLAY), "pipewire-bin")?;
        require(Path::new(WIREPLUMBER), "wireplumber")?;
        require(Path::new(WPCTL), "wireplumber")?;
        require(Path::new("/usr/share/pipewire/pipewire.conf"), "pipewire")?;
        adopt_orphans();
        let temp = tempfile::Builder::new().prefix("ferrum-audio-").tempdir()?;
        let paths = Paths::new(temp.path());
        for folder in [
            &paths.runtime,
            &paths.config,
            &paths.state,
            &paths.home,
            &paths.logs,
        ] {
            fs::create_dir_all(folder)?;
            fs::set_permissions(folder, fs::Permissions::from_mode(0o700))?;
        }
        let drop_in = paths.config.join("pipewire/pipewire.conf.d");
        fs::create_dir_all(&drop_in)?;
        fs::write(
            drop_in.join("10-ferrum-null-devices.conf"),
            null_devices_conf(),
        )?;
        let session_bus = SessionBus::start()?;
        let mut bed = AudioBed {
            paths,
            temp: Some(temp),
            session_bus,
            pipewire: None,
            wireplumber: None,
        };
        bed.start_pipewire()?;
        Ok(bed)
    }

    /// PipeWire's socket, `<dir>/run/pipewire-0`: what
    /// `AudioSession::with_socket` takes.
    pub fn socket(&self) -> PathBuf {
        self.paths.runtime.join("pipewire-0")
    }

    /// The `XDG_RUNTIME_DIR` the daemons and the helpers run with.
    pub fn runtime_dir(&self) -> &Path {
        &self.paths.runtime
    }

    /// The bed's folder.
    pub fn dir(&self) -> &Path {
        &self.paths.dir
    }

    /// The PID (and process group id) of PipeWire, if it is running.
    pub fn pipewire_pid(&self) -> Option<u32> {
        self.pipewire.as_ref().map(Child::id)
    }

    /// A Command for `program` with the bed's environment (runtime, config and state folders,
    /// session bus; no system bus), stdin from /dev/null.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command
            .env("XDG_RUNTIME_DIR", &self.paths.runtime)
            .env("XDG_CONFIG_HOME", &self.paths.config)
            .env("XDG_STATE_HOME", &self.paths.state)
            .env("HOME", &self.paths.home)
            .env("DBUS_SESSION_BUS_ADDRESS", self.session_bus.address())
            .env(
                "DBUS_SYSTEM_BUS_ADDRESS",
                format!(
                    "unix:path={}",
                    self.paths.dir.join("no-system-bus").display()
                ),
            )
            .env_remove("PIPEWIRE_REMOTE")
            .env_remove("PIPEWIRE_RUNTIME_DIR")
            .env_remove("PIPEWIRE_CONFIG_DIR")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .stdin(Stdio::null());
        command
    }

    /// Runs `argv` in the bed's environment and returns its standard output; fails with its
    /// standard error unless it exits with 0.
    pub fn run(&self, argv: &[&str]) -> Result<String, Error> {
        let (program, args) = argv.split_first().ok_or_else(|| {
            Error::Io(io::Error::new(
                io::ErrorKind::InvalidInput,
                "AudioBed::run: no command given",
            ))
        })?;
        let output = self
            .command(program)
            .args(args)
            .output()
            .map_err(|source| Error::Spawn {
                program: PathBuf::from(program),
                source,
            })?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        } else {
            Err(Error::Command {
                command: argv.join(" "),
                status: output.status,
                stderr: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
            })
        }
    }

    /// `wpctl <args>`'s output, e.g. `bed.wpctl(&["get-volume", "31"])` → `Volume: 0.50\n`.
    pub fn wpctl(&self, args: &[&str]) -> Result<String, Error> {
        let mut argv = vec![WPCTL];
        argv.extend_from_slice(args);
        self.run(&argv)
    }

    /// `pw-dump`'s JSON: every object with its info, params and metadata.
    pub fn pw_dump(&self) -> Result<serde_json::Value, Error> {
        let text = self.run(&[PW_DUMP])?;
        merge_dump(&text).ok_or_else(|| {
            Error::Io(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("pw-dump printed no JSON array: {text}"),
            ))
        })
    }

    /// The global id of the node named `name` (`node.name`), from `pw-dump`.
    pub fn node_id(&self, name: &str) -> Result<u32, Error> {
        let dump = self.pw_dump()?;
        nodes(&dump)
            .find(|node| node_prop(node, "node.name") == Some(name))
            .and_then(|node| node.get("id")?.as_u64())
            .and_then(|id| u32::try_from(id).ok())
            .ok_or_else(|| {
                Error::Io(io::Error::new(
                    io::ErrorKind::NotFound,
                    format!("pw-dump shows no node named {name:?}"),
                ))
            })
    }

    /// The entries of the `default` metadata for `subject` (0: the defaults; a stream's id:
    /// its `target.*`), key → value as `pw-dump` shows them (JSON values such as
    /// `{"name": "usb-headset"}` stay JSON).
    pub fn default_metadata(
        &self,
        subject: u32,
    ) -> Result<Vec<(String, serde_json::Value)>, Error> {
        let dump = self.pw_dump()?;
        Ok(metadata_entries(&dump, "default", subject))
    }

    /// The node name in a default's metadata entry (`default.audio.sink`,
    /// `default.configured.audio.sink`, …), if set.
    pub fn default_node(&self, key: &str) -> Result<Option<String>, Error> {
        Ok(self
            .default_metadata(0)?
            .into_iter()
            .find(|(name, _)| name == key)
            .and_then(|(_, value)| default_name(&value)))
    }

    /// The node ids `stream` is linked to (as output: playback streams) or from (recording
    /// streams), from `pw-dump`'s links.
    pub fn links_of(&self, stream: u32) -> Result<Vec<u32>, Error> {
        let dump = self.pw_dump()?;
        let mut peers: Vec<u32> = objects(&dump, "PipeWire:Interface:Link")
            .filter_map(|link| {
                let info = link.get("info")?;
                let output = u32::try_from(info.get("output-node-id")?.as_u64()?).ok()?;
                let input = u32::try_from(info.get("input-node-id")?.as_u64()?).ok()?;
                if output == stream {
                    Some(input)
                } else if input == stream {
                    Some(output)
                } else {
                    None
                }
            })
            .collect();
        peers.sort_unstable();
        peers.dedup();
        Ok(peers)
    }

    /// Starts `pw-play` of `wav` in the background with `application.name` set, on the
    /// default output. Stops when the returned [`Player`] is dropped.
    pub fn play(&self, wav: &Path, application_name: &str) -> Result<Player, Error> {
        let mut command = self.command(PW_PLAY);
        command
            .arg(format!(
                "--properties={{ application.name = \"{}\" }}",
                application_name.replace(['"', '\\'], "")
            ))
            .arg(wav);
        let log = self.paths.log("pw-play");
        let child = spawn(command, &log)?;
        Ok(Player {
            child: Some(child),
            log,
        })
    }

    /// Kills PipeWire (SIGKILL to its process group), as a crash would, and WirePlumber with
    /// it (a real session's WirePlumber goes with its PipeWire). A no-op when not running.
    pub fn kill_pipewire(&mut self) -> Result<(), Error> {
        if let Some(child) = self.pipewire.take() {
            tracing::debug!(pid = child.id(), "SIGKILL pipewire");
            kill_and_reap(child)?;
        }
        self.kill_wireplumber()
    }

    /// Kills WirePlumber alone (SIGKILL to its process group). A no-op when not running.
    pub fn kill_wireplumber(&mut self) -> Result<(), Error> {
        if let Some(child) = self.wireplumber.take() {
            tracing::debug!(pid = child.id(), "SIGKILL wireplumber");
            kill_and_reap(child)?;
        }
        Ok(())
    }

    /// Starts PipeWire (if it is not running) and WirePlumber (if it is not running) and waits
    /// until the defaults are published, as [`AudioBed::start`] does.
    pub fn start_pipewire(&mut self) -> Result<(), Error> {
        if self.pipewire.is_none() {
            let child = spawn(self.command(PIPEWIRE), &self.paths.log("pipewire"))?;
            tracing::debug!(pid = child.id(), "started pipewire");
            self.pipewire = Some(child);
            self.wait_for_socket()?;
        }
        self.start_wireplumber()
    }

    /// Starts WirePlumber if it is not running, and waits until it has published the
    /// defaults.
    pub fn start_wireplumber(&mut self) -> Result<(), Error> {
        if self.wireplumber.is_none() {
            let child = spawn(self.command(WIREPLUMBER), &self.paths.log("wireplumber"))?;
            tracing::debug!(pid = child.id(), "started wireplumber");
            self.wireplumber = Some(child);
        }
        self.wait_for_defaults()
    }

    /// Kills and starts PipeWire and WirePlumber again (same folder, socket and saved state).
    pub fn restart_pipewire(&mut self) -> Result<(), Error> {
        self.kill_pipewire()?;
        self.start_pipewire()
    }

    /// Stops PipeWire (SIGSTOP to its process group): it keeps its socket and connections but
    /// answers nothing, as a hung daemon.
    pub fn stop_pipewire(&self) -> Result<(), Error> {
        self.signal_pipewire(Signal::STOP)
    }

    /// Lets a stopped PipeWire go on (SIGCONT).
    pub fn resume_pipewire(&self) -> Result<(), Error> {
        self.signal_pipewire(Signal::CONT)
    }

    fn signal_pipewire(&self, signal: Signal) -> Result<(), Error> {
        let child = self.pipewire.as_ref().ok_or_else(|| {
            Error::Io(io::Error::new(
                io::ErrorKind::NotFound,
                "pipewire is not running in this bed",
            ))
        })?;
        signal_group(child, signal)
    }

    /// PipeWire's and WirePlumber's logs so far, each behind a `=== <name>` line.
    pub fn logs(&self) -> String {
        let mut text = String::new();
        for name in ["pipewire", "wireplumber", "pw-play"] {
            let path = self.paths.log(name);
            if let Ok(bytes) = fs::read(&path) {
                text.push_str(&format!("=== {name}\n{}", String::from_utf8_lossy(&bytes)));
            }
        }
        text
    }

    /// Keeps the folder after drop (for debugging); returns its path.
    pub fn keep_dir(&mut self) -> PathBuf {
        match self.temp.take() {
            Some(temp) => temp.keep(),
            None => self.paths.dir.clone(),
        }
    }

    /// Waits until PipeWire's socket accepts connections.
    fn wait_for_socket(&mut self) -> Result<(), Error> {
        let socket = self.socket();
        let deadline = Instant::now() + READY_TIMEOUT;
        loop {
            if UnixStream::connect(&socket).is_ok() {
                return Ok(());
            }
            if let Some(child) = self.pipewire.take_if(|child| has_exited(child)) {
                let log_tail = log_tail(&self.paths.log("pipewire"));
                let status = kill_and_reap(child)?;
                return Err(Error::Exited {
                    what: "pipewire".to_owned(),
                    status,
                    log_tail,
                });
            }
            if Instant::now() >= deadline {
                return Err(Error::Timeout {
                    what: format!("PipeWire's socket {}", socket.display()),
                    log_tail: log_tail(&self.paths.log("pipewire")),
                });
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until WirePlumber has published a default output and input and PipeWire lists
    /// every null device.
    fn wait_for_defaults(&mut self) -> Result<(), Error> {
        let deadline = Instant::now() + READY_TIMEOUT;
        loop {
            if let Ok(dump) = self.pw_dump() {
                let names: Vec<&str> = nodes(&dump)
                    .filter_map(|node| node_prop(node, "node.name"))
                    .collect();
                let devices = OUTPUTS
                    .iter()
                    .chain([&INPUT])
                    .all(|device| names.contains(&device.name));
                let defaults = metadata_entries(&dump, "default", 0);
                let has = |key: &str| defaults.iter().any(|(name, _)| name == key);
                if devices && has("default.audio.sink") && has("default.audio.source") {
                    return Ok(());
                }
            }
            if let Some(child) = self.wireplumber.take_if(|child| has_exited(child)) {
                let log_tail = log_tail(&self.paths.log("wireplumber"));
                let status = kill_and_reap(child)?;
                return Err(Error::Exited {
                    what: "wireplumber".to_owned(),
                    status,
                    log_tail,
                });
            }
            if Instant::now() >= deadline {
                return Err(Error::Timeout {
                    what: "WirePlumber's default output and input".to_owned(),
                    log_tail: format!(
                        "{}\n{}",
                        log_tail(&self.paths.log("pipewire")),
                        log_tail(&self.paths.log("wireplumber"))
                    ),
                });
            }
            thread::sleep(POLL);
        }
    }
}

impl Drop for AudioBed {
    fn drop(&mut self) {
        // A stopped PipeWire dies of SIGKILL all the same.
        for (name, child) in [
            ("wireplumber", self.wireplumber.take()),
            ("pipewire", self.pipewire.take()),
        ] {
            if let Some(child) = child
                && let Err(error) = kill_and_reap(child)
            {
                tracing::warn!(name, %error, "audio bed teardown failed");
            }
        }
        // The session bus stops when its field drops; `temp` removes the folder.
    }
}

/// A `pw-play` running in the bed; dropping it stops it.
#[derive(Debug)]
pub struct Player {
    child: Option<Child>,
    log: PathBuf,
}

impl Player {
    /// The PID of `pw-play`.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// Whether `pw-play` has exited (it does at the end of the file, or on an error: see
    /// [`Player::log`]).
    pub fn has_exited(&self) -> bool {
        self.child.as_ref().is_none_or(has_exited)
    }

    /// What `pw-play`s of this bed printed.
    pub fn log(&self) -> String {
        fs::read(&self.log)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default()
    }

    /// Stops `pw-play` (SIGKILL) and reaps it. A no-op the second time.
    pub fn stop(&mut self) -> Result<(), Error> {
        if let Some(child) = self.child.take() {
            kill_and_reap(child)?;
        }
        Ok(())
    }
}

impl Drop for Player {
    fn drop(&mut self) {
        if let Err(error) = self.stop() {
            tracing::warn!(%error, "pw-play teardown failed");
        }
    }
}

/// Writes a stereo 16-bit 48 kHz WAV file of a sine tone (`frequency` Hz, peak `amplitude`
/// 0.0–1.0) on both channels, `seconds` long.
pub fn write_tone_wav(path: &Path, seconds: f32, frequency: f32, amplitude: f32) -> io::Result<()> {
    let amplitude = f64::from(amplitude.clamp(0.0, 1.0));
    let frequency = f64::from(frequency);
    write_wav(path, seconds, |time| {
        (std::f64::consts::TAU * frequency * time).sin() * amplitude
    })
}

/// Writes a stereo 16-bit 48 kHz WAV file `seconds` long whose samples (the same on both
/// channels, −1.0 … 1.0) are `sample(time in seconds)`.
pub fn write_wav(path: &Path, seconds: f32, sample: impl Fn(f64) -> f64) -> io::Result<()> {
    const RATE: u32 = 48_000;
    const CHANNELS: u16 = 2;
    const BITS: u16 = 16;
    let frames = (seconds.max(0.0) * RATE as f32) as u32;
    let block = CHANNELS * BITS / 8;
    let data_size = frames * u32::from(block);
    let mut bytes = Vec::with_capacity(44 + data_size as usize);
    bytes.extend_from_slice(b"RIFF");
    bytes.extend_from_slice(&(36 + data_size).to_le_bytes());
    bytes.extend_from_slice(b"WAVEfmt ");
    bytes.extend_from_slice(&16u32.to_le_bytes());
    bytes.extend_from_slice(&1u16.to_le_bytes());
    bytes.extend_from_slice(&CHANNELS.to_le_bytes());
    bytes.extend_from_slice(&RATE.to_le_bytes());
    bytes.extend_from_slice(&(RATE * u32::from(block)).to_le_bytes());
    bytes.extend_from_slice(&block.to_le_bytes());
    bytes.extend_from_slice(&BITS.to_le_bytes());
    bytes.extend_from_slice(b"data");
    bytes.extend_from_slice(&data_size.to_le_bytes());
    for frame in 0..frames {
        let value = sample(f64::from(frame) / f64::from(RATE)).clamp(-1.0, 1.0);
        let sample = (value * f64::from(i16::MAX)) as i16;
        for _ in 0..CHANNELS {
            bytes.extend_from_slice(&sample.to_le_bytes());
        }
    }
    let mut file = fs::File::create(path)?;
    file.write_all(&bytes)?;
    file.sync_all()
}

/// `pw-dump`'s output as one array: the dump, then any objects changed or removed
/// (`"info": null`) while it ran, which pw-dump prints as further arrays.
fn merge_dump(text: &str) -> Option<serde_json::Value> {
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>();
    let mut objects = match values.next()?.ok()? {
        serde_json::Value::Array(objects) => objects,
        _ => return None,
    };
    for later in values {
        let Ok(serde_json::Value::Array(changes)) = later else {
            break;
        };
        for change in changes {
            let id = change.get("id").cloned();
            objects.retain(|object| object.get("id") != id.as_ref());
            if !change.get("info").is_some_and(serde_json::Value::is_null) {
                objects.push(change);
            }
        }
    }
    Some(serde_json::Value::Array(objects))
}

/// The node name in a default's JSON value (`{"name": "usb-headset"}`).
pub fn default_name(value: &serde_json::Value) -> Option<String> {
    let parsed;
    let object = match value {
        // pw-dump prints JSON values as JSON; other writers may leave a string.
        serde_json::Value::String(text) => {
            parsed = serde_json::from_str::<serde_json::Value>(text).ok()?;
            &parsed
        }
        other => other,
    };
    object.get("name")?.as_str().map(str::to_owned)
}

fn objects<'a>(
    dump: &'a serde_json::Value,
    kind: &'a str,
) -> impl Iterator<Item = &'a serde_json::Value> + 'a {
    dump.as_array()
        .into_iter()
        .flatten()
        .filter(move |object| object.get("type").and_then(serde_json::Value::as_str) == Some(kind))
}

fn nodes(dump: &serde_json::Value) -> impl Iterator<Item = &serde_json::Value> {
    objects(dump, "PipeWire:Interface:Node")
}

fn node_prop<'a>(node: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    node.get("info")?.get("props")?.get(key)?.as_str()
}

/// The entries of metadata `name` for `subject`: (key, value).
fn metadata_entries(
    dump: &serde_json::Value,
    name: &str,
    subject: u32,
) -> Vec<(String, serde_json::Value)> {
    objects(dump, "PipeWire:Interface:Metadata")
        .filter(|metadata| {
            metadata
                .get("props")
                .and_then(|props| props.get("metadata.name"))
                .and_then(serde_json::Value::as_str)
                == Some(name)
        })
        .filter_map(|metadata| metadata.get("metadata")?.as_array())
        .flatten()
        .filter(|entry| {
            entry.get("subject").and_then(serde_json::Value::as_u64) == Some(u64::from(subject))
        })
        .filter_map(|entry| {
            Some((
                entry.get("key")?.as_str()?.to_owned(),
                entry.get("value")?.clone(),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drop_in_names_every_null_device() {
        let conf = null_devices_conf();
        for device in OUTPUTS.iter().chain([&INPUT]) {
            assert!(
                conf.contains(&format!("node.name = \"{}\"", device.name)),
                "{conf}"
            );
            assert!(conf.contains(device.description), "{conf}");
        }
        assert_eq!(conf.matches("Audio/Sink").count(), 2);
        assert_eq!(conf.matches("Audio/Source/Virtual").count(), 1);
    }

    #[test]
    fn dumps_are_read() {
        let dump: serde_json::Value = serde_json::json!([
            { "id": 30, "type": "PipeWire:Interface:Node",
              "info": { "props": { "node.name": "desk-speakers" } } },
            { "id": 60, "type": "PipeWire:Interface:Link",
              "info": { "output-node-id": 49, "input-node-id": 31 } },
            { "id": 36, "type": "PipeWire:Interface:Metadata",
              "props": { "metadata.name": "default" },
              "metadata": [
                { "subject": 0, "key": "default.audio.sink", "type": "Spa:String:JSON",
                  "value": { "name": "usb-headset" } },
                { "subject": 49, "key": "target.object", "type": "Spa:Id", "value": "30" }
              ] }
        ]);
        assert_eq!(nodes(&dump).count(), 1);
        let defaults = metadata_entries(&dump, "default", 0);
        assert_eq!(defaults.len(), 1);
        assert_eq!(default_name(&defaults[0].1).as_deref(), Some("usb-headset"));
        assert_eq!(
            default_name(&serde_json::json!("{ \"name\": \"desk-speakers\" }")).as_deref(),
            Some("desk-speakers")
        );
        assert_eq!(metadata_entries(&dump, "default", 49).len(), 1);
        assert!(metadata_entries(&dump, "settings", 0).is_empty());
    }

    #[test]
    fn objects_removed_during_a_dump_are_left_out() {
        let text = "[ { \"id\": 1, \"info\": {} }, { \"id\": 2, \"info\": {} } ]\n[ { \"id\": 2, \"info\": null } ]\n";
        let merged = merge_dump(text).unwrap();
        assert_eq!(merged.as_array().map(Vec::len), Some(1));
        assert_eq!(merged[0]["id"], 1);
        assert_eq!(merge_dump("nothing"), None);
    }

    #[test]
    fn tone_files_are_wav() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tone.wav");
        write_tone_wav(&path, 0.5, 440.0, 0.5).unwrap();
        let bytes = fs::read(&path).unwrap();
        assert_eq!(&bytes[0..4], b"RIFF");
        assert_eq!(&bytes[8..16], b"WAVEfmt ");
        assert_eq!(bytes.len(), 44 + 24_000 * 4);
        let peak = bytes[44..]
            .chunks_exact(2)
            .map(|pair| i16::from_le_bytes([pair[0], pair[1]]).unsigned_abs())
            .max()
            .unwrap();
        assert!((16_000..=16_384).contains(&peak), "{peak}");
    }
}
