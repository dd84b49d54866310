//! The Sound page's private PipeWire for `demo` and `bench`: a
//! [`ferrum_testbed::audio::AudioBed`] (null outputs "Desk Speakers" and "USB Headset", null
//! input "Desk Microphone") that the app, run as uid 65534 under headless sway, reaches through
//! `PIPEWIRE_REMOTE`, and a "Music Player" stream playing a tone whose loudness rises and falls
//! (so the output's level bar moves), started and stopped by PID.
//!
//! The bench's CPU rows ([`cpu_metrics`]) are here too: the app's CPU time (utime + stime of
//! `/proc/<pid>/stat`) over [`CPU_WINDOW`] on the About page (the reference), on the Sound page
//! with nothing playing (only the input's meter runs, on the silent null source) and on the
//! Sound page with the stream playing.

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use ferrum_testbed::audio::{AudioBed, INPUT, OUTPUTS, Player};
use ferrum_testbed::wayland::{Session, User};
use serde_json::{Value, json};

use crate::bench::Metric;
use crate::util::{self, Result};

/// The playing application's name, as the Sound page lists it.
pub const PLAYER: &str = "Music Player";
/// How long the tone lasts: longer than the demo's two Sound shots and one CPU run.
const TONE_SECONDS: f32 = 90.0;
/// How long a stream may take to show in PipeWire.
const STREAM_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the app runs before its CPU time is read the first time (first frame, PipeWire's
/// snapshot, the meters started).
const CPU_SETTLE: Duration = Duration::from_secs(3);
/// How long the app's CPU time is measured.
pub const CPU_WINDOW: Duration = Duration::from_secs(20);
/// Rounds of the three CPU cases (interleaved, so load from elsewhere hits all alike).
const CPU_ROUNDS: usize = 3;

/// A private PipeWire the app can reach, and the tone it plays.
#[derive(Debug)]
pub struct SoundBed {
    bed: AudioBed,
    tone: PathBuf,
}

impl SoundBed {
    /// Starts the bed, opens its socket to uid 65534 (the app's user under headless sway) and
    /// writes the tone.
    pub fn start() -> Result<SoundBed> {
        println!("starting the audio bed (PipeWire + WirePlumber, null devices)…");
        let bed = AudioBed::start()?;
        // The folders are 0700 and the socket follows root's umask: let uid 65534 in.
        for dir in [bed.dir(), bed.runtime_dir()] {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o711))?;
        }
        fs::set_permissions(bed.socket(), fs::Permissions::from_mode(0o666))?;
        let tone = bed.dir().join("music.wav");
        write_swelling_tone(&tone, TONE_SECONDS)?;
        let outputs: Vec<&str> = OUTPUTS.iter().map(|output| output.description).collect();
        println!(
            "audio bed up at {} (outputs {}, input {})",
            bed.socket().display(),
            outputs.join(", "),
            INPUT.description
        );
        Ok(SoundBed { bed, tone })
    }

    /// `PIPEWIRE_REMOTE` for the app: the bed's socket.
    pub fn env(&self) -> (&'static str, String) {
        ("PIPEWIRE_REMOTE", self.bed.socket().display().to_string())
    }

    /// Starts "Music Player" playing the tone on the default output and waits until PipeWire
    /// has its stream running. Dropping (or [`Player::stop`]) stops it by PID.
    pub fn play(&self) -> Result<Player> {
        let player = self.bed.play(&self.tone, PLAYER)?;
        let deadline = Instant::now() + STREAM_TIMEOUT;
        loop {
            if self.stream_running()? {
                println!(
                    "audio bed: {PLAYER:?} playing (pw-play, PID {})",
                    player.pid().unwrap_or(0)
                );
                return Ok(player);
            }
            if player.has_exited() || Instant::now() >= deadline {
                return Err(format!(
                    "{PLAYER:?} did not start playing: {}\n{}",
                    player.log(),
                    self.bed.logs()
                )
                .into());
            }
            thread::sleep(Duration::from_millis(100));
        }
    }

    /// Whether PipeWire lists the player's stream as running.
    fn stream_running(&self) -> Result<bool> {
        let dump = self.bed.pw_dump()?;
        Ok(nodes(&dump).any(|node| {
            node["info"]["props"]["application.name"] == PLAYER
                && node["info"]["state"] == "running"
        }))
    }

    /// Whether a PipeWire client of process `pid` is connected (the page reached PipeWire).
    pub fn has_client(&self, pid: u32) -> Result<bool> {
        let dump = self.bed.pw_dump()?;
        let pid_text = pid.to_string();
        Ok(dump.as_array().into_iter().flatten().any(|object| {
            object["type"] == "PipeWire:Interface:Client"
                && ["pipewire.sec.pid", "application.process.id"]
                    .iter()
                    .any(|key| {
                        let value = &object["info"]["props"][key];
                        value.as_u64() == Some(u64::from(pid)) || value.as_str() == Some(&pid_text)
                    })
        }))
    }

    /// Keeps the bed's folder (logs) after the run; returns it.
    pub fn keep_dir(&mut self) -> PathBuf {
        self.bed.keep_dir()
    }
}

fn nodes(dump: &Value) -> impl Iterator<Item = &Value> {
    dump.as_array()
        .into_iter()
        .flatten()
        .filter(|object| object["type"] == "PipeWire:Interface:Node")
}

/// Writes a stereo 16-bit 48 kHz WAV of a 440 Hz tone whose peak swells from 0.1 to 0.8 and
/// back every two seconds, like music getting louder and softer: the level bar moves.
fn write_swelling_tone(path: &Path, seconds: f32) -> Result<()> {
    ferrum_testbed::audio::write_wav(path, seconds, |time| {
        let swell = 0.45 - 0.35 * (std::f64::consts::PI * time).cos();
        (std::f64::consts::TAU * 440.0 * time).sin() * swell
    })?;
    Ok(())
}

/// One CPU case of the bench.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// The About page: the reference.
    About,
    /// The Sound page, nothing playing.
    SoundIdle,
    /// The Sound page, "Music Player" playing.
    SoundPlaying,
}

impl Case {
    const ALL: [Case; 3] = [Case::About, Case::SoundIdle, Case::SoundPlaying];

    fn panel(self) -> &'static str {
        match self {
            Case::About => "about",
            Case::SoundIdle | Case::SoundPlaying => "sound",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Case::About => "cpu_idle_about",
            Case::SoundIdle => "cpu_idle_sound",
            Case::SoundPlaying => "cpu_sound_playing",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Case::About => "settings: CPU, About page idle (reference)",
            Case::SoundIdle => "settings: CPU, Sound page, nothing playing",
            Case::SoundPlaying => "settings: CPU, Sound page, a stream playing",
        }
    }

    fn what(self) -> &'static str {
        match self {
            Case::About => "the About page, nothing changing",
            Case::SoundIdle => {
                "the Sound page with nothing playing (the input's meter runs on the silent null \
                 source; a reading is sent only when it moves by a 2 % step)"
            }
            Case::SoundPlaying => {
                "the Sound page while \"Music Player\" plays a 440 Hz tone swelling 10–80 % every \
                 2 s on the default output (both meters run and move)"
            }
        }
    }
}

/// The app's CPU time so far (utime + stime of `/proc/<pid>/stat`, every thread, the exited
/// ones too), in clock ticks.
fn cpu_ticks(pid: u32) -> Result<u64> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // The fields after the command name, which is in parentheses and may hold spaces.
    let after = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest)
        .ok_or("unreadable /proc/<pid>/stat")?;
    let fields: Vec<&str> = after.split_whitespace().collect();
    // Fields 14 and 15 of proc(5); `after` starts at field 3.
    let field = |n: usize| -> Result<u64> {
        Ok(fields
            .get(n - 3)
            .ok_or("short /proc/<pid>/stat")?
            .parse::<u64>()?)
    };
    Ok(field(14)? + field(15)?)
}

/// Clock ticks per second (`getconf CLK_TCK`; 100 if that fails).
fn clock_ticks() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .and_then(|text| text.trim().parse::<f64>().ok())
        .filter(|ticks| *ticks > 0.0)
        .unwrap_or(100.0)
}

/// One CPU run: the app on `case`'s page in a fresh headless sway, [`CPU_SETTLE`] after its
/// first frame, then its CPU time over [`CPU_WINDOW`], as % of one core.
fn cpu_run(
    app: &Path,
    case: Case,
    bus_address: &str,
    sound: &SoundBed,
    ticks_per_second: f64,
) -> Result<f64> {
    let player = match case {
        Case::SoundPlaying => Some(sound.play()?),
        Case::About | Case::SoundIdle => None,
    };
    let (remote_key, remote) = sound.env();
    let env = [
        ("DBUS_SYSTEM_BUS_ADDRESS", bus_address),
        ("RUST_LOG", "info"),
        (remote_key, remote.as_str()),
    ];
    let mut session = Session::start()?;
    let measured = (|| -> Result<f64> {
        session.launch_app(User::Nobody, app, &[case.panel()], &env)?;
        session.wait(CPU_SETTLE, "the page to settle")?;
        let pid = session.app_pid().ok_or("the app is not running")?;
        if case != Case::About && !sound.has_client(pid)? {
            return Err(format!("the Sound page (PID {pid}) did not connect to PipeWire").into());
        }
        let before = cpu_ticks(pid)?;
        let started = Instant::now();
        session.wait(CPU_WINDOW, "the CPU measurement")?;
        let after = cpu_ticks(pid)?;
        let seconds = started.elapsed().as_secs_f64();
        Ok((after - before) as f64 / ticks_per_second / seconds * 100.0)
    })();
    let app_log = session.app_log();
    let stopped = session.stop();
    drop(player);
    let percent = measured.map_err(|error| format!("{error}\napp log:\n{app_log}"))?;
    stopped?;
    Ok(percent)
}

/// The CPU rows: [`CPU_ROUNDS`] rounds of About (reference), Sound with nothing playing and
/// Sound with a stream playing, each a fresh app measured over [`CPU_WINDOW`].
pub fn cpu_metrics(app: &Path, bus_address: &str, sound: &SoundBed) -> Result<Vec<Metric>> {
    let ticks = clock_ticks();
    let mut metrics: Vec<Metric> = Case::ALL
        .iter()
        .map(|case| Metric {
            key: case.key().to_owned(),
            label: case.label().to_owned(),
            unit: "%",
            method: format!(
                "CPU time (utime + stime of /proc/<pid>/stat, {ticks} ticks/s) of the release app \
                 over {} s, {} s after its first frame, as % of one core: {}; the app as uid 65534 \
                 under headless sway (pixman), PipeWire the audio bed's; sway's own CPU not \
                 counted; {CPU_ROUNDS} rounds, the three cases interleaved",
                CPU_WINDOW.as_secs(),
                CPU_SETTLE.as_secs(),
                case.what()
            ),
            samples: Vec::new(),
        })
        .collect();
    for round in 1..=CPU_ROUNDS {
        for (case, metric) in Case::ALL.iter().zip(&mut metrics) {
            let percent = cpu_run(app, *case, bus_address, sound, ticks)?;
            println!(
                "  CPU round {round}/{CPU_ROUNDS}: {}: {percent:.2} % of one core",
                case.label()
            );
            metric.samples.push(percent);
        }
    }
    Ok(metrics)
}

/// How the Sound cases compare with the About page of the same run (medians), printed and as
/// JSON for the report.
pub fn cpu_comparison(metrics: &[Metric]) -> Option<Value> {
    let median = |key: &str| {
        metrics
            .iter()
            .find(|metric| metric.key == key)
            .and_then(|metric| util::median(&metric.samples))
    };
    let reference = median(Case::About.key())?;
    let mut rows = serde_json::Map::new();
    println!(
        "  CPU over {} s, About page (reference): {reference:.2} % of one core",
        CPU_WINDOW.as_secs()
    );
    for case in [Case::SoundIdle, Case::SoundPlaying] {
        let Some(value) = median(case.key()) else {
            continue;
        };
        let ratio = (reference > 0.0).then(|| value / reference);
        println!(
            "  {}: {value:.2} % of one core, {:+.2} points ({}) against the About page's \
             {reference:.2} % in the same run",
            case.label(),
            value - reference,
            ratio.map_or_else(|| "About at 0".to_owned(), |ratio| format!("{ratio:.2}×"))
        );
        rows.insert(
            case.key().to_owned(),
            json!({
                "median_percent": value,
                "about_median_percent": reference,
                "difference_points": value - reference,
                "ratio_to_about": ratio,
            }),
        );
    }
    Some(Value::Object(rows))
}
