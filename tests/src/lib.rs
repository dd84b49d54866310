//! Shared helpers for the integration tests: waiting on streams with a
//! deadline, and the settings app's simulator with the shell's fonts.

pub mod driver;

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

/// Simulator settings with the shell's default font, as the app uses.
pub fn simulator_settings() -> iced::Settings {
    iced::Settings {
        default_font: ferrum_ui::theme::DEFAULT_FONT,
        ..iced::Settings::default()
    }
}

/// Compares RGBA pixels with a committed PNG (written only with FERRUM_BLESS=1).
// A test helper: a broken file system or golden stops the test loudly.
#[allow(clippy::unwrap_used, clippy::panic)]
pub fn matches_golden(name: &str, size: iced::Size<u32>, rgba: &[u8]) -> bool {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.png"));
    if !path.exists() {
        assert!(
            std::env::var_os("FERRUM_BLESS").is_some(),
            "golden {} missing; FERRUM_BLESS=1 writes it",
            path.display()
        );
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let file = std::fs::File::create(&path).unwrap();
        let mut encoder = png::Encoder::new(file, size.width, size.height);
        encoder.set_color(png::ColorType::Rgba);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(rgba).unwrap();
        return true;
    }
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut golden = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut golden).unwrap();
    (info.width, info.height) == (size.width, size.height) && golden[..info.buffer_size()] == *rgba
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
