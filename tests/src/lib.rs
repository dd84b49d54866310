//! Shared helpers for the integration tests: waiting on streams with a
//! deadline, and the settings app's simulator with the shell's fonts.

pub mod driver;
pub mod person;
pub mod script;

use std::time::Duration;

use futures::{Stream, StreamExt};

/// How long a live update may take before a test gives up. A deadline for
/// liveness, not a performance bound (performance is measured by `cargo xtask bench`).
pub const LIVENESS_DEADLINE: Duration = Duration::from_secs(15);

/// The next item of a stream, or an error naming what was awaited.
pub async fn next_within<S>(stream: &mut S, what: &str) -> Result<S::Item, String>
where
    S: Stream + Unpin,
{
    match tokio::time::timeout(LIVENESS_DEADLINE, stream.next()).await {
        Ok(Some(item)) => Ok(item),
        Ok(None) => Err(format!("stream ended while waiting for {what}")),
        Err(_) => Err(format!("no {what} within {LIVENESS_DEADLINE:?}")),
    }
}

/// Skips items until one satisfies `accept`, within the liveness deadline.
pub async fn next_matching<S, F>(
    stream: &mut S,
    what: &str,
    mut accept: F,
) -> Result<S::Item, String>
where
    S: Stream + Unpin,
    F: FnMut(&S::Item) -> bool,
{
    let deadline = tokio::time::Instant::now() + LIVENESS_DEADLINE;
    loop {
        match tokio::time::timeout_at(deadline, stream.next()).await {
            Ok(Some(item)) if accept(&item) => return Ok(item),
            Ok(Some(_)) => {}
            Ok(None) => return Err(format!("stream ended while waiting for {what}")),
            Err(_) => return Err(format!("no {what} within {LIVENESS_DEADLINE:?}")),
        }
    }
}

/// Waits until `check` holds (a mock's recorded calls, a file's content),
/// within the liveness deadline; panics with `what` otherwise.
#[allow(clippy::panic)]
pub async fn wait_for(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + LIVENESS_DEADLINE;
    while !check() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "no {what} within {LIVENESS_DEADLINE:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Simulator settings with the shell's default font, as the app uses.
pub fn simulator_settings() -> iced::Settings {
    iced::Settings {
        default_font: ferrum_ui::theme::DEFAULT_FONT,
        ..iced::Settings::default()
    }
}

/// The committed golden image `name` of the integration tests (`tests/snapshots/<name>.png`).
pub fn golden_file(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.png"))
}

/// Whether RGBA pixels match the golden image `name` ([`ferrum_testbed::golden::matches`]:
/// a missing golden fails unless FERRUM_BLESS=1 asks to write it).
pub fn matches_golden(name: &str, size: iced::Size<u32>, rgba: &[u8]) -> bool {
    ferrum_testbed::golden::matches(&golden_file(name), &image(size, rgba))
}

/// Fails the test unless RGBA pixels match the golden image `name`, saying how they
/// differ ([`ferrum_testbed::golden::assert_matches`]).
#[track_caller]
pub fn assert_golden(name: &str, size: iced::Size<u32>, rgba: &[u8]) {
    ferrum_testbed::golden::assert_matches(&golden_file(name), &image(size, rgba));
}

fn image(size: iced::Size<u32>, rgba: &[u8]) -> ferrum_testbed::golden::Image {
    ferrum_testbed::golden::Image {
        width: size.width,
        height: size.height,
        rgba: rgba.to_vec(),
    }
}

/// Runs `body` on a thread inside the bed's network namespace (as the settings app runs in
/// the namespace of the devices it configures), with a runtime of its own.
#[allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test helper: fail loudly"
)]
pub fn in_bed_namespace<R: Send>(
    bed: &mut ferrum_testbed::TestBed,
    body: impl AsyncFnOnce(&mut ferrum_testbed::TestBed, ferrum_services::SystemBus) -> R + Send,
) -> R {
    std::thread::scope(|scope| {
        scope
            .spawn(move || {
                bed.enter_network_namespace().unwrap();
                let bus = ferrum_services::SystemBus::with_address(bed.system_bus_address());
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap()
                    .block_on(body(bed, bus))
            })
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// Sends `signal` (`-STOP`, `-CONT`, `-KILL`) to a bed service's process group (each bed
/// service leads its own group).
///
/// # Panics
/// When the service does not run or `kill` fails (test harness).
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub fn signal_service(
    bed: &ferrum_testbed::TestBed,
    service: ferrum_testbed::Service,
    signal: &str,
) {
    let pid = bed.pid(service).expect("the service runs");
    let status = std::process::Command::new("kill")
        .args([signal, "--", &format!("-{pid}")])
        .status()
        .unwrap();
    assert!(status.success(), "kill {signal} -{pid}");
}

/// `wpctl get-volume`'s reading of a node of the audio bed: the volume as
/// sliders show it (cubic) and whether it is muted.
///
/// # Panics
/// When `wpctl` fails or prints something else (test harness).
#[allow(clippy::panic, clippy::expect_used)]
pub fn wpctl_volume(
    bed: &ferrum_testbed::audio::AudioBed,
    node: ferrum_services::audio::NodeId,
) -> (f32, bool) {
    let text = bed
        .wpctl(&["get-volume", &node.0.to_string()])
        .expect("wpctl get-volume runs");
    let volume = text
        .split_whitespace()
        .nth(1)
        .and_then(|word| word.parse().ok())
        .unwrap_or_else(|| panic!("wpctl get-volume printed {text:?}"));
    (volume, text.contains("[MUTED]"))
}

/// Feeds a page the messages of one of its subscriptions until `accept` holds for it, within
/// `deadline`; an update from a subscription must ask for nothing (no request, no effect).
/// It fails the calling test by panicking, with what the page holds.
#[allow(clippy::panic)]
pub async fn feed_until<P, S>(
    page: &mut P,
    stream: &mut S,
    what: &str,
    deadline: Duration,
    accept: impl Fn(&P) -> bool,
) where
    P: ferrum_panels::Page,
    S: Stream<Item = P::Message> + Unpin,
{
    let limit = std::time::Instant::now() + deadline;
    while !accept(page) {
        let left = limit.saturating_duration_since(std::time::Instant::now());
        match tokio::time::timeout(left, stream.next()).await {
            Ok(Some(message)) => {
                let outcome = page.update(message);
                assert!(
                    outcome.is_none(),
                    "a subscription's update asked for {outcome:?}"
                );
            }
            Ok(None) => panic!("the subscription ended waiting for {what}"),
            Err(_) => panic!("{what}: not within {deadline:?}; the page has {page:#?}"),
        }
    }
}

/// The executable `bin` of workspace package `package`, built now.
///
/// `CARGO_BIN_EXE_<name>` only names binaries of the test's own package, so the test asks
/// the cargo that compiled it (`env!("CARGO")`) to build the binary — a no-op when it is up
/// to date, in the same target folder — and takes the path from cargo's JSON messages (as
/// `tests/tests/integration/bluetooth_peer.rs` does for the peer).
#[allow(clippy::panic)]
pub fn cargo_binary(package: &str, bin: &str) -> std::path::PathBuf {
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml");
    let output = std::process::Command::new(env!("CARGO"))
        .args([
            "build",
            "--manifest-path",
            manifest,
            "-p",
            package,
            "--bin",
            bin,
        ])
        .arg("--message-format=json-render-diagnostics")
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::inherit())
        .output()
        .unwrap_or_else(|error| panic!("cargo does not run: {error}"));
    assert!(output.status.success(), "cargo build of {bin} failed");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| {
            message["reason"] == "compiler-artifact" && message["target"]["name"] == bin
        })
        .find_map(|message| message["executable"].as_str().map(std::path::PathBuf::from))
        .unwrap_or_else(|| panic!("cargo names no {bin} executable"))
}
