//! `cargo xtask test`: everything CI runs, in order, stopping at the first failure.

use std::time::{Duration, Instant};

use crate::util::{self, Result};

/// One step's outcome for the summary.
struct Outcome {
    name: &'static str,
    took: Duration,
    ok: bool,
}

fn summary(outcomes: &[Outcome]) {
    println!();
    println!("summary:");
    for outcome in outcomes {
        println!(
            "  {:<8} {:>7.1} s  {}",
            if outcome.ok { "ok" } else { "FAILED" },
            outcome.took.as_secs_f64(),
            outcome.name
        );
    }
    let total: Duration = outcomes.iter().map(|o| o.took).sum();
    println!("  total    {:>7.1} s", total.as_secs_f64());
}

/// A step of the run: a name and what it does.
type Step = (&'static str, fn() -> Result<()>);

fn fmt() -> Result<()> {
    util::run(util::cargo()?.args(["fmt", "--all", "--check"]))
}

fn clippy() -> Result<()> {
    util::run(util::cargo()?.args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--locked",
        "--",
        "-D",
        "warnings",
    ]))
}

fn tests() -> Result<()> {
    let mut command = util::cargo()?;
    if util::on_path("cargo-nextest") {
        command.args([
            "nextest",
            "run",
            "--workspace",
            "--locked",
            "--no-fail-fast",
        ]);
    } else {
        println!("(cargo-nextest is not installed: using cargo test)");
        command.args(["test", "--workspace", "--locked"]);
    }
    // iced_test renders snapshots with the software renderer: no GPU, no display.
    command.env("ICED_TEST_BACKEND", "tiny-skia");
    util::run(&mut command)
}

/// The image built and booted under QEMU with Secure Boot and a TPM (`cargo xtask image`,
/// `cargo xtask image e2e`).
fn image_e2e() -> Result<()> {
    crate::image::build()?;
    crate::e2e::run()
}

/// Runs deps, fmt, clippy, the tests and the image's end-to-end test, then prints how long
/// each took.
pub fn run() -> Result<()> {
    let steps: [Step; 5] = [
        ("deps (Debian packages)", crate::deps::run),
        ("cargo fmt --all --check", fmt),
        ("cargo clippy --workspace --all-targets -D warnings", clippy),
        ("tests (nextest or cargo test)", tests),
        (
            "image: build the signed UKI, boot it under QEMU (e2e)",
            image_e2e,
        ),
    ];
    let mut outcomes = Vec::new();
    for (name, step) in steps {
        println!("\n==> {name}");
        let started = Instant::now();
        let result = step();
        outcomes.push(Outcome {
            name,
            took: started.elapsed(),
            ok: result.is_ok(),
        });
        if let Err(error) = result {
            summary(&outcomes);
            return Err(format!("step `{name}` failed: {error}").into());
        }
    }
    summary(&outcomes);
    Ok(())
}
