//! `cargo xtask image`: builds the Ferrum UKI with mkosi from `image/` (Debian trixie plus
//! the workspace's release binaries).
//!
//! mkosi comes from Debian trixie's package (bookworm's is too old), unpacked into
//! `<target>/tools/mkosi` and run with the host's Python. Its tools tree (systemd's ukify,
//! QEMU, OVMF, swtpm… from trixie) is built once and kept in the cache folder with the
//! package cache: `$FERRUM_CACHE_DIR` or `/var/cache/ferrum` when writable, else
//! `<target>/image-cache`.
//!
//! The shipped layout ([`build`]) is a small UKI signed by mkosi plus a disk image with a
//! dm-verity EROFS root. The comparison layout ([`build_initramfs`]) puts the whole system in
//! the UKI's initramfs: mkosi builds it unsigned (`<target>/image-initramfs/ferrum-unsigned.efi`)
//! and keeps the image's own systemd-stub beside it (`mkosi.finalize`); ukify then rebuilds it
//! from the same parts, signed with this machine's db key (`keys.rs`) and with the signed PCR 11
//! prediction for the phases that layout goes through (`sysinit`, `sysinit:ready`: there are no
//! initrd phases when the whole system is the initramfs).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::util::{self, Result};
use crate::{demo, deps, keys, tools};

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

/// Where the image keeps the certificate of the platform key it was built for (DER): the
/// Device Security page calls the enrolled keys "this machine's own" when the firmware's PK is
/// this certificate (`services::security`).
const PK_CERTIFICATE_IN_IMAGE: &str = "usr/lib/ferrum/secure-boot/PK.cer";

/// Copies the release binaries into an extra tree for `/usr/bin`, with the platform key's
/// certificate (public) beside them.
fn stage_binaries(apps: &demo::Apps) -> Result<PathBuf> {
    let staging = util::target_dir()?.join("image/extra");
    let bin = staging.join("usr/bin");
    fs::create_dir_all(&bin)?;
    for app in [&apps.settings, &apps.greeter] {
        let name = app.file_name().ok_or("binary without a name")?;
        fs::copy(app, bin.join(name))?;
    }
    // The portal backend is started by D-Bus activation (its user unit), not by people.
    let libexec = staging.join("usr/libexec");
    fs::create_dir_all(&libexec)?;
    fs::copy(&apps.portal, libexec.join("ferrum-portal"))?;
    // greetd's configuration with the automatic login (greetd.service's ExecStartPre=); built
    // with the greeter (a binary of the same package).
    let greetd_config = apps.greeter.with_file_name("ferrum-greetd-config");
    fs::copy(&greetd_config, libexec.join("ferrum-greetd-config"))
        .map_err(|error| format!("{}: {error}", greetd_config.display()))?;
    let keys = keys::ensure()?;
    let pk = staging.join(PK_CERTIFICATE_IN_IMAGE);
    fs::create_dir_all(pk.parent().ok_or("a certificate path without a folder")?)?;
    util::run(
        Command::new("openssl")
            .args(["x509", "-outform", "DER", "-in"])
            .arg(keys.pk_certificate())
            .arg("-out")
            .arg(&pk),
    )?;
    Ok(staging)
}

/// Runs mkosi's build into `output` with the shared caches, the release binaries and the
/// tools tree (built first if missing), plus `overrides`.
fn mkosi_build(output: &Path, overrides: &[String]) -> Result<()> {
    println!("==> image: host packages");
    deps::install(HOST_PACKAGES)?;
    println!("==> image: mkosi");
    let python_path = ensure_mkosi()?;
    println!("==> image: release binaries");
    let apps = demo::build_release_apps()?;
    let extra = stage_binaries(&apps)?;
    let cache = cache_dir()?;
    let tools = cache.join("tools-tree");
    fs::create_dir_all(output)?;
    let mut command = mkosi(&python_path)?;
    command
        .arg("--output-directory")
        .arg(output)
        .arg("--cache-directory")
        .arg(cache.join("mkosi"))
        .arg("--package-cache-directory")
        .arg(cache.join("packages"))
        .arg("--extra-tree")
        .arg(&extra)
        .args(overrides);
    let tools_ready = tools::is_current(&tools);
    if tools_ready {
        command.arg("--tools-tree").arg(&tools);
    } else {
        println!(
            "==> image: building the trixie tools tree (kept in {}; again only when its recipe gains a tool)",
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
    Ok(())
}

/// Where `cargo xtask image initramfs` puts the all-in-the-initramfs UKI.
pub fn initramfs_dir() -> Result<PathBuf> {
    Ok(util::target_dir()?.join("image-initramfs"))
}

/// `cargo xtask image initramfs`: the other root layout, kept for the comparison in
/// `image/README.md` — the whole system in the UKI's initramfs (`Format=uki` as in
/// `image/mkosi.conf`), signed by [`sign`]; returns the UKI's path.
pub fn build_initramfs() -> Result<PathBuf> {
    let started = Instant::now();
    let output = initramfs_dir()?;
    mkosi_build(&output, &[])?;
    let built = output.join("ferrum.efi");
    if !built.is_file() {
        return Err(format!("mkosi wrote no {}", built.display()).into());
    }
    let unsigned = output.join("ferrum-unsigned.efi");
    fs::rename(&built, &unsigned)?;
    println!("==> image: signing (Secure Boot db key, PCR 11 prediction)");
    let keys = keys::ensure()?;
    let uki = output.join("ferrum.efi");
    sign(&unsigned, &uki, &keys)?;
    let size = fs::metadata(&uki)?.len();
    println!(
        "image: {} ({:.1} MiB) in {:.0} s",
        uki.display(),
        size as f64 / (1024.0 * 1024.0),
        started.elapsed().as_secs_f64()
    );
    Ok(uki)
}

/// The boot phases whose PCR 11 values are predicted and signed: after `sysinit.target`, and
/// once the boot is complete.
const PHASES: &str = "sysinit sysinit:ready";

/// Builds the signed UKI `uki` from the unsigned one's parts (see the module's notes).
fn sign(unsigned: &Path, uki: &Path, keys: &keys::Keys) -> Result<()> {
    let output = unsigned.parent().ok_or("no output folder")?;
    let inspect: serde_json::Value = serde_json::from_str(&tools::ukify(
        "inspect",
        &[&path(unsigned), "--json=short"],
    )?)?;
    let text = |section: &str| -> Result<String> {
        inspect[section]["text"]
            .as_str()
            .map(|text| text.trim_end_matches('\0').to_owned())
            .ok_or_else(|| format!("the unsigned UKI has no {section} section").into())
    };
    let parts = output.join("uki-parts");
    fs::create_dir_all(&parts)?;
    fs::write(parts.join("cmdline"), text(".cmdline")?)?;
    fs::write(parts.join("os-release"), text(".osrel")?)?;
    let uname = text(".uname")?;
    let stub = output.join("ferrum.stub");
    if !stub.is_file() {
        return Err(format!("mkosi.finalize left no {}", stub.display()).into());
    }
    let args = [
        format!("--stub={}", path(&stub)),
        format!("--linux={}", path(&output.join("ferrum.vmlinuz"))),
        format!("--initrd={}", path(&output.join("ferrum.initrd"))),
        format!("--cmdline=@{}", path(&parts.join("cmdline"))),
        format!("--os-release=@{}", path(&parts.join("os-release"))),
        format!("--uname={uname}"),
        "--signtool=sbsign".to_owned(),
        format!("--secureboot-private-key={}", path(&keys.db_key())),
        format!("--secureboot-certificate={}", path(&keys.db_certificate())),
        format!("--pcr-private-key={}", path(&keys.pcr_key())),
        format!("--pcr-public-key={}", path(&keys.pcr_public_key())),
        format!("--phases={PHASES}"),
        "--pcr-banks=sha256".to_owned(),
        "--measure".to_owned(),
        format!("--output={}", path(uki)),
    ];
    let _ = fs::remove_file(uki);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let measured = tools::ukify("build", &args)?;
    let predictions = pcr11_predictions(&measured);
    if predictions.is_empty() {
        return Err(format!("ukify printed no PCR 11 values:\n{measured}").into());
    }
    let json = serde_json::json!({ "pcr11": predictions });
    fs::write(
        output.join("ferrum.pcr11.json"),
        serde_json::to_string_pretty(&json)?,
    )?;
    println!("image: PCR 11 predictions {predictions:?}");
    Ok(())
}

/// The PCR 11 values ukify's `--measure` printed (one `11:sha256=…` line per phase path, in
/// the order of [`PHASES`]; the phase headers go to standard error), by phase path.
fn pcr11_predictions(measured: &str) -> serde_json::Map<String, serde_json::Value> {
    measured
        .lines()
        .filter_map(|line| line.trim().strip_prefix("11:sha256="))
        .zip(PHASES.split_whitespace())
        .map(|(value, phase)| (phase.to_owned(), value.to_ascii_lowercase().into()))
        .collect()
}

fn path(path: &Path) -> String {
    path.display().to_string()
}

/// Where `cargo xtask image` puts the shipped disk image (`ferrum.raw`), its UKI
/// (`ferrum.efi`), an unsigned copy of the UKI (`ferrum-unsigned.efi`, for the refusal test)
/// and the PCR 11 predictions (`ferrum.pcr11.json`).
pub fn image_dir() -> Result<PathBuf> {
    Ok(util::target_dir()?.join("image"))
}

/// The phase paths of a boot with an initrd that switches root: what mkosi signs, and what
/// the predictions cover.
const INITRD_PHASES: &str = "enter-initrd enter-initrd:leave-initrd enter-initrd:leave-initrd:sysinit enter-initrd:leave-initrd:sysinit:ready";

/// What the initrd subimage (`image/mkosi.images/initrd/`: `Output=initrd`, `Format=cpio`,
/// `CompressOutput=zstd`) writes into the output folder.
const INITRD: &str = "initrd.cpio.zst";

/// `cargo xtask image`: the shipped image — a small UKI (kernel and Ferrum's own initrd)
/// and a disk image with an ESP, an EROFS root and its dm-verity hash tree
/// (`image/verity/mkosi.repart`). mkosi puts the root hash into the UKI's command line and signs
/// the UKI with this machine's db key and the PCR 11 prediction of the standard phases (with a
/// real initrd they are the ones that happen). Faster to the greeter than the all-in-initramfs
/// layout (see `image/README.md`). Returns the disk image's path.
pub fn build() -> Result<PathBuf> {
    let started = Instant::now();
    let keys = keys::ensure()?;
    let output = image_dir()?;
    let repart = util::workspace_root()?.join("image/verity/mkosi.repart");
    let overrides = [
        "--format=disk".to_owned(),
        "--bootloader=uki".to_owned(),
        format!("--repart-directory={}", repart.display()),
        "--secure-boot=yes".to_owned(),
        format!("--secure-boot-key={}", keys.db_key().display()),
        format!(
            "--secure-boot-certificate={}",
            keys.db_certificate().display()
        ),
        "--sign-expected-pcr=yes".to_owned(),
        format!("--sign-expected-pcr-key={}", keys.pcr_key().display()),
        // Ferrum's own initrd (`image/mkosi.images/initrd/`), built first as a subimage, in
        // place of mkosi's default one.
        "--dependency=initrd".to_owned(),
        format!("--initrd={}", output.join(INITRD).display()),
        format!(
            "--sign-expected-pcr-certificate={}",
            keys.pcr_certificate().display()
        ),
    ];
    mkosi_build(&output, &overrides)?;
    let disk = output.join("ferrum.raw");
    let uki = output.join("ferrum.efi");
    if !disk.is_file() || !uki.is_file() {
        return Err(format!("mkosi wrote no {} and {}", disk.display(), uki.display()).into());
    }
    // The same UKI without its signature, which the firmware must refuse.
    let unsigned = output.join("ferrum-unsigned.efi");
    let _ = fs::remove_file(&unsigned);
    fs::copy(&uki, &unsigned)?;
    let mut strip = tools::command("sbattach")?;
    strip.args(["--remove", &path(&unsigned)]);
    util::run(&mut strip)?;
    let predictions = predict_pcr11(&uki, INITRD_PHASES)?;
    fs::write(
        output.join("ferrum.pcr11.json"),
        serde_json::to_string_pretty(&serde_json::json!({ "pcr11": predictions }))?,
    )?;
    println!(
        "image: {} ({:.1} MiB, UKI {:.1} MiB) in {:.0} s",
        disk.display(),
        fs::metadata(&disk)?.len() as f64 / (1024.0 * 1024.0),
        fs::metadata(&uki)?.len() as f64 / (1024.0 * 1024.0),
        started.elapsed().as_secs_f64()
    );
    Ok(disk)
}

/// PCR 11 as systemd-stub and systemd will leave it after each of `phases`, computed from the
/// signed UKI's own sections (`xtask/scripts/predict-pcr11.py` in the tools tree).
fn predict_pcr11(uki: &Path, phases: &str) -> Result<serde_json::Map<String, serde_json::Value>> {
    let script = util::workspace_root()?.join("xtask/scripts/predict-pcr11.py");
    let mut command = tools::command("/usr/bin/python3")?;
    command
        .arg(&script)
        .arg(uki)
        .args(phases.split_whitespace());
    let line = util::display(&command);
    let output = command.output()?;
    if !output.status.success() {
        return Err(format!(
            "`{line}` failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    let measured = String::from_utf8_lossy(&output.stdout);
    Ok(measured
        .lines()
        .filter_map(|line| line.trim().strip_prefix("11:sha256="))
        .zip(phases.split_whitespace())
        .map(|(value, phase)| (phase.to_owned(), value.to_ascii_lowercase().into()))
        .collect())
}

/// `cargo xtask image`.
pub fn run() -> Result<()> {
    build().map(|_| ())
}
