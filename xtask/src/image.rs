//! `cargo xtask image`: builds the Ferrum UKI with mkosi from `image/` (Debian trixie plus
//! the workspace's release binaries).
//!
//! mkosi comes from Debian trixie's package (bookworm's is too old), unpacked into
//! `<target>/tools/mkosi` and run with the host's Python. Its tools tree (systemd's ukify,
//! QEMU, OVMF, swtpm… from trixie) is built once and kept in the cache folder with the
//! package cache: `$FERRUM_CACHE_DIR` or `/var/cache/ferrum` when writable, else
//! `<target>/image-cache`. The UKI lands in `<target>/image/ferrum.efi`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::util::{self, Result};
use crate::{demo, deps};

/// What the build needs on the host besides mkosi (the tools tree brings the rest).
const HOST_PACKAGES: &[&str] = &[
    "python3",
    "debian-archive-keyring",
    "cpio",
    "zstd",
    "dosfstools",
    "mtools",
];
/// Where trixie's packages come from.
const MIRROR: &str = "http://deb.debian.org/debian";

/// The cache folder outside the clone, or one in the target folder.
pub fn cache_dir() -> Result<PathBuf> {
    let configured = std::env::var_os("FERRUM_CACHE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/cache/ferrum"));
    let writable = configured.is_dir()
        && fs::metadata(&configured).is_ok_and(|meta| !meta.permissions().readonly());
    let dir = if writable {
        configured.join("image")
    } else {
        util::target_dir()?.join("image-cache")
    };
    fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Downloads and unpacks trixie's mkosi once; returns its Python path.
fn ensure_mkosi() -> Result<PathBuf> {
    let root = util::target_dir()?.join("tools/mkosi");
    let python_path = root.join("root/usr/lib/python3/dist-packages");
    if python_path.join("mkosi").is_dir() {
        return Ok(python_path);
    }
    println!("image: fetching mkosi from Debian trixie…");
    let apt = root.join("apt");
    fs::create_dir_all(apt.join("lists/partial"))?;
    fs::create_dir_all(apt.join("cache/archives/partial"))?;
    let sources = apt.join("sources.list");
    fs::write(
        &sources,
        format!(
            "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] {MIRROR} trixie main\n"
        ),
    )?;
    let options = [
        format!("Dir::Etc::sourcelist={}", sources.display()),
        "Dir::Etc::sourceparts=-".to_owned(),
        format!("Dir::State::Lists={}", apt.join("lists").display()),
        format!("Dir::Cache={}", apt.join("cache").display()),
        "APT::Sandbox::User=root".to_owned(),
    ];
    let apt_get = |args: &[&str]| {
        let mut command = Command::new("apt-get");
        for option in &options {
            command.args(["-o", option]);
        }
        command.args(args).current_dir(&apt);
        command
    };
    util::run(&mut apt_get(&["update"]))?;
    util::run(&mut apt_get(&["download", "mkosi"]))?;
    let deb = fs::read_dir(&apt)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .find(|path| path.extension().is_some_and(|ext| ext == "deb"))
        .ok_or("apt-get download mkosi produced no .deb")?;
    util::run(
        Command::new("dpkg-deb")
            .arg("-x")
            .arg(&deb)
            .arg(root.join("root")),
    )?;
    Ok(python_path)
}

/// The mkosi command, run in `image/`.
fn mkosi(python_path: &Path) -> Result<Command> {
    let mut command = Command::new("python3");
    command
        .args(["-m", "mkosi", "-C"])
        .arg(util::workspace_root()?.join("image"))
        .env("PYTHONPATH", python_path);
    Ok(command)
}

/// Copies the release binaries into an extra tree for `/usr/bin`.
fn stage_binaries(apps: &demo::Apps) -> Result<PathBuf> {
    let staging = util::target_dir()?.join("image/extra");
    let bin = staging.join("usr/bin");
    fs::create_dir_all(&bin)?;
    for app in [&apps.settings, &apps.greeter] {
        let name = app.file_name().ok_or("binary without a name")?;
        fs::copy(app, bin.join(name))?;
    }
    Ok(staging)
}

/// Builds the UKI; returns its path.
pub fn build() -> Result<PathBuf> {
    let started = Instant::now();
    println!("==> image: host packages");
    deps::install(HOST_PACKAGES)?;
    println!("==> image: mkosi");
    let python_path = ensure_mkosi()?;
    println!("==> image: release binaries");
    let apps = demo::build_release_apps()?;
    let extra = stage_binaries(&apps)?;
    let cache = cache_dir()?;
    let tools = cache.join("tools-tree");
    let output = util::target_dir()?.join("image");
    fs::create_dir_all(&output)?;
    let mut command = mkosi(&python_path)?;
    command
        .arg("--output-directory")
        .arg(&output)
        .arg("--cache-directory")
        .arg(cache.join("mkosi"))
        .arg("--package-cache-directory")
        .arg(cache.join("packages"))
        .arg("--extra-tree")
        .arg(&extra);
    let tools_ready = tools.join("usr/bin").is_dir();
    if tools_ready {
        command.arg("--tools-tree").arg(&tools);
    } else {
        println!(
            "==> image: building the trixie tools tree once (kept in {})",
            tools.display()
        );
        command.arg("--tools-tree=default");
    }
    command.args(["--force", "build"]);
    println!("==> image: mkosi build");
    util::run(&mut command)?;
    if !tools_ready {
        // mkosi 25 leaves the default tools tree beside the image as `tools`.
        let built = output.join("tools");
        if built.is_dir() {
            let _ = fs::remove_dir_all(&tools);
            util::run(Command::new("mv").arg(&built).arg(&tools))?;
        }
    }
    let uki = output.join("ferrum.efi");
    if !uki.is_file() {
        return Err(format!("mkosi wrote no {}", uki.display()).into());
    }
    let size = fs::metadata(&uki)?.len();
    println!(
        "image: {} ({:.1} MiB) in {:.0} s",
        uki.display(),
        size as f64 / (1024.0 * 1024.0),
        started.elapsed().as_secs_f64()
    );
    Ok(uki)
}

/// `cargo xtask image`.
pub fn run() -> Result<()> {
    build().map(|_| ())
}
