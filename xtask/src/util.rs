//! Small helpers shared by the subcommands: locating the workspace, running commands,
//! querying versions, timestamps and statistics.

use std::ffi::OsString;
use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};

/// The error type of every subcommand: any error, shown to the user as text.
pub type Error = Box<dyn std::error::Error>;
/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The workspace root (the parent of this crate's folder).
pub fn workspace_root() -> Result<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .ok_or_else(|| "xtask's manifest folder has no parent".into())
}

/// Cargo's target folder: `$CARGO_TARGET_DIR` (relative to the workspace root) when set,
/// else `<root>/target`. `.ci/run` sets it to a cache outside the clone.
pub fn target_dir() -> Result<PathBuf> {
    let root = workspace_root()?;
    Ok(match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("target"),
    })
}

/// A `cargo` command (the same cargo that runs xtask) in the workspace root.
pub fn cargo() -> Result<Command> {
    let program = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let mut command = Command::new(program);
    command.current_dir(workspace_root()?);
    Ok(command)
}

/// The command line of `command`, for messages.
pub fn display(command: &Command) -> String {
    ferrum_testbed::wayland::display_command(command)
}

/// Runs `command` with inherited standard streams and fails unless it exits with 0.
pub fn run(command: &mut Command) -> Result<()> {
    let line = display(command);
    println!("$ {line}");
    let status = command
        .status()
        .map_err(|error| format!("could not start `{line}`: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})").into())
    }
}

/// A temporary folder that uid 65534 (the apps' user under headless sway) can read and
/// search; removed when dropped.
pub fn readable_temp_dir(prefix: &str) -> Result<tempfile::TempDir> {
    let dir = tempfile::Builder::new().prefix(prefix).tempdir()?;
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755))?;
    Ok(dir)
}

/// The trimmed standard output of `command` if it ran and exited with 0.
pub fn output_of(command: &mut Command) -> Option<String> {
    let output = command.stderr(Stdio::null()).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Whether `program` is an executable file in one of `$PATH`'s folders.
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// The installed version of a Debian package, if it is installed.
pub fn dpkg_version(package: &str) -> Option<String> {
    output_of(Command::new("dpkg-query").args(["-W", "-f=${Version}", package]))
        .filter(|version| !version.is_empty())
}

/// `git rev-parse HEAD` in the workspace, if it is a git checkout.
pub fn git_commit() -> Option<String> {
    let root = workspace_root().ok()?;
    output_of(
        Command::new("git")
            .args(["rev-parse", "HEAD"])
            .current_dir(root),
    )
}

/// `rustc --version`.
pub fn rustc_version() -> Option<String> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| OsString::from("rustc"));
    output_of(Command::new(rustc).arg("--version"))
}

/// The current time as RFC 3339 UTC with seconds, e.g. `2026-11-29T07:31:00Z`.
pub fn timestamp_utc() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0);
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Gregorian date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// Median of the samples (mean of the middle two for an even count); `None` when empty.
pub fn median(samples: &[f64]) -> Option<f64> {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => sorted.get(n / 2).copied(),
        _ => Some((sorted.get(n / 2 - 1)? + sorted.get(n / 2)?) / 2.0),
    }
}

/// Removes ANSI escape sequences (`ESC [ … letter`) from tracing's coloured output.
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The `elapsed_ms=` field of the app's `first view built` log line (tracing fmt output).
pub fn first_view_ms(log: &str) -> Option<f64> {
    let log = strip_ansi(log);
    let line = log.lines().find(|line| line.contains("first view built"))?;
    let value = line.split("elapsed_ms=").nth(1)?;
    let end = value
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(value.len());
    value.get(..end)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }

    #[test]
    fn first_view_line() {
        let plain = "2026-11-29T07:50:00.1Z  INFO ferrum_settings::app: first view built elapsed_ms=41.25\n";
        assert_eq!(first_view_ms(plain), Some(41.25));
        let coloured = "\u{1b}[32m INFO\u{1b}[0m \u{1b}[2mferrum_settings::app\u{1b}[0m\u{1b}[2m:\u{1b}[0m first view built \u{1b}[3melapsed_ms\u{1b}[0m\u{1b}[2m=\u{1b}[0m38.5";
        assert_eq!(first_view_ms(coloured), Some(38.5));
        assert_eq!(first_view_ms("nothing here"), None);
    }
}
