//! The apps bed: a Flatpak user and system installation in a temporary folder and a local,
//! **GPG-signed** repository served over HTTP on 127.0.0.1, all offline.
//!
//! [`AppsBed::start`] (about 1 s):
//!
//! - makes a test signing key with `gpg --batch --quick-gen-key` (ed25519, no passphrase) in
//!   `<dir>/gnupg`, and exports its public part to `<dir>/gnupg.gpg` (and a second key, in
//!   `<dir>/gnupg-other`, that signs nothing);
//! - builds a dummy runtime [`RUNTIME_ID`] and two dummy apps — [`RICH_ID`] asks for network,
//!   Wayland, PulseAudio, the Downloads folder, a session bus name to talk to and an
//!   environment variable (see [`RICH_V1_METADATA`]); [`PLAIN_ID`] asks only for IPC — and
//!   exports them into `<dir>/repo` with `flatpak build-export --gpg-sign`, then signs the
//!   summary with `flatpak build-update-repo --gpg-sign`;
//! - serves `<dir>/repo` over plain HTTP on a free port of 127.0.0.1 from a thread of the
//!   test process ([`AppsBed::url`]); [`AppsBed::set_throttle`] slows it down so an install
//!   lasts long enough to be cancelled in the middle;
//! - adds the repo as remote [`REMOTE`] to both installations with `--gpg-import` (GPG
//!   verification stays on), and [`UNREACHABLE_REMOTE`] (a port nobody listens on, same key)
//!   to the user installation, and [`WRONG_KEY_REMOTE`] (the same URL, trusting only the
//!   second key: its signatures do not verify).
//!
//! [`AppsBed::publish_rich_v2`] exports version 2 of [`RICH_ID`] into the same branch: it asks
//! for more ([`RICH_V2_METADATA`]: the home folder, GPU devices, a second bus name), so a page
//! can warn about the widened permissions on update.
//!
//! Nothing runs on a bus, so this is not a [`crate::Service`] (like [`crate::audio::AudioBed`]).
//! The `flatpak` command runs with the bed's environment ([`AppsBed::command`]:
//! `FLATPAK_USER_DIR`, `FLATPAK_SYSTEM_DIR`, `FLATPAK_CONFIG_DIR`, the XDG folders), so it
//! never touches the machine's installations. Needs the Debian packages `flatpak`, `gpg`,
//! `gpg-agent` and `gzip`; as root the system installation is written directly (no system
//! helper). Dropping the bed stops the HTTP thread and the bed's gpg-agent
//! (`gpgconf --homedir … --kill gpg-agent`, only that home's agent) and removes the folder.

use std::fs;
use std::io::{self, BufRead as _, BufReader, Read as _, Write as _};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use tempfile::TempDir;

use crate::{BUSCTL, Error, kill_and_reap, require, spawn_with_address};

/// The remote both installations have, served by the bed.
pub const REMOTE: &str = "ferrum-test";
/// The remote's title (`build-update-repo --title`).
pub const REMOTE_TITLE: &str = "Ferrum Test Apps";
/// A remote of the user installation whose URL nobody answers (a closed port of 127.0.0.1).
pub const UNREACHABLE_REMOTE: &str = "ferrum-offline";
/// A remote of the user installation at the bed's repo that trusts another key than the one
/// the repo is signed with: nothing from it verifies.
pub const WRONG_KEY_REMOTE: &str = "ferrum-wrong-key";
/// The GnuPG home of that other key.
const GNUPG_OTHER: &str = "gnupg-other";
/// The dummy runtime every app uses.
pub const RUNTIME_ID: &str = "org.ferrum.Platform";
/// The app that asks for many permissions.
pub const RICH_ID: &str = "org.ferrum.Rich";
/// Its name in its AppStream data.
pub const RICH_NAME: &str = "Rich Test App";
/// Its summary in its AppStream data.
pub const RICH_SUMMARY: &str = "Asks for many permissions";
/// The app that asks for almost nothing.
pub const PLAIN_ID: &str = "org.ferrum.Plain";
/// Its name in its AppStream data.
pub const PLAIN_NAME: &str = "Plain Test App";
/// Its summary in its AppStream data.
pub const PLAIN_SUMMARY: &str = "Asks for almost nothing";
/// The branch of everything in the repo.
pub const BRANCH: &str = "stable";
/// How big [`RICH_ID`]'s random payload is (incompressible: the download is this big), in
/// files of [`PAYLOAD_FILE_BYTES`].
pub const RICH_PAYLOAD_BYTES: usize = 3 * 1024 * 1024;
/// The size of each file of an app's payload.
pub const PAYLOAD_FILE_BYTES: usize = 64 * 1024;

/// The `[Context]`… groups of [`RICH_ID`] version 1.
pub const RICH_V1_METADATA: &str = "\
[Context]
shared=network;
sockets=wayland;pulseaudio;
filesystems=xdg-download;

[Session Bus Policy]
org.freedesktop.Notifications=talk

[Environment]
FERRUM_TEST=1
";

/// The `[Context]`… groups of [`RICH_ID`] version 2: version 1's plus the home folder, GPU
/// devices and talking to the secret service.
pub const RICH_V2_METADATA: &str = "\
[Context]
shared=network;
sockets=wayland;pulseaudio;
filesystems=xdg-download;home;
devices=dri;

[Session Bus Policy]
org.freedesktop.Notifications=talk
org.freedesktop.secrets=talk

[Environment]
FERRUM_TEST=1
";

const PLAIN_METADATA: &str = "\
[Context]
shared=ipc;
";

const FLATPAK: &str = "/usr/bin/flatpak";
const SYSTEM_HELPER: &str = "/usr/libexec/flatpak-system-helper";
/// The system helper's bus name.
pub const SYSTEM_HELPER_BUS_NAME: &str = "org.freedesktop.Flatpak.SystemHelper";
/// How long the system helper may take to own its name.
const HELPER_READY_TIMEOUT: Duration = Duration::from_secs(15);
const GPG: &str = "/usr/bin/gpg";
const GPGCONF: &str = "/usr/bin/gpgconf";
const GPG_AGENT: &str = "/usr/bin/gpg-agent";
const GZIP: &str = "/usr/bin/gzip";
const BASE64: &str = "/usr/bin/base64";
/// Chunk size of the HTTP server's writes (the throttle sleeps between chunks).
const CHUNK: usize = 16 * 1024;

/// A Flatpak user and system installation with a signed local remote; see the module docs.
#[derive(Debug)]
pub struct AppsBed {
    /// `None` once the folder is kept.
    temp: Option<TempDir>,
    dir: PathBuf,
    arch: String,
    key_id: String,
    server: RepoServer,
    /// Flatpak's system helper, once [`AppsBed::start_system_helper`] started it.
    helper: Option<std::process::Child>,
}

impl AppsBed {
    /// Makes the key, builds and exports the runtime and both apps (version 1), starts the
    /// HTTP server and adds the remotes; see the module docs.
    pub fn start() -> Result<AppsBed, Error> {
        require(Path::new(FLATPAK), "flatpak")?;
        require(Path::new(GPG), "gpg")?;
        require(Path::new(GPG_AGENT), "gpg-agent")?;
        require(Path::new(GPGCONF), "gpgconf")?;
        require(Path::new(GZIP), "gzip")?;
        let temp = tempfile::Builder::new().prefix("ferrum-apps-").tempdir()?;
        let dir = temp.path().to_path_buf();
        for folder in [
            "gnupg",
            GNUPG_OTHER,
            "run",
            "cache",
            "data",
            "config",
            "etc",
            "build",
        ] {
            let path = dir.join(folder);
            fs::create_dir_all(&path)?;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o700))?;
        }
        let server = RepoServer::start(dir.join("repo"))?;
        let mut bed = AppsBed {
            temp: Some(temp),
            dir,
            arch: String::new(),
            key_id: String::new(),
            server,
            helper: None,
        };
        bed.arch = bed.flatpak(&["--default-arch"])?.trim().to_owned();
        bed.key_id = bed.make_key("gnupg")?;
        bed.make_key(GNUPG_OTHER)?;
        bed.build_runtime()?;
        bed.build_app(
            (PLAIN_ID, PLAIN_NAME, PLAIN_SUMMARY),
            "1.0",
            PLAIN_METADATA,
            4096,
        )?;
        bed.build_app(
            (RICH_ID, RICH_NAME, RICH_SUMMARY),
            "1.0",
            RICH_V1_METADATA,
            RICH_PAYLOAD_BYTES,
        )?;
        bed.update_repo()?;
        let key = bed.dir.join("gnupg.gpg").display().to_string();
        let import = format!("--gpg-import={key}");
        let url = bed.url();
        let title = format!("--title={REMOTE_TITLE}");
        for installation in ["--user", "--system"] {
            bed.flatpak(&["remote-add", installation, &import, &title, REMOTE, &url])?;
        }
        let closed = format!("http://127.0.0.1:{}/", closed_port()?);
        bed.flatpak(&["remote-add", "--user", &import, UNREACHABLE_REMOTE, &closed])?;
        let other = bed
            .dir
            .join(format!("{GNUPG_OTHER}.gpg"))
            .display()
            .to_string();
        let import_other = format!("--gpg-import={other}");
        // remote-add checks the summary's signature of a reachable remote: add it at a closed
        // port, then point it at the repo.
        bed.flatpak(&[
            "remote-add",
            "--user",
            &import_other,
            WRONG_KEY_REMOTE,
            &closed,
        ])?;
        let to_repo = format!("--url={url}");
        bed.flatpak(&["remote-modify", "--user", &to_repo, WRONG_KEY_REMOTE])?;
        Ok(bed)
    }

    /// The bed's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The user installation (`FLATPAK_USER_DIR`).
    pub fn user_dir(&self) -> PathBuf {
        self.dir.join("user")
    }

    /// The system installation (`FLATPAK_SYSTEM_DIR`).
    pub fn system_dir(&self) -> PathBuf {
        self.dir.join("system")
    }

    /// The repository folder the server serves.
    pub fn repo_dir(&self) -> PathBuf {
        self.dir.join("repo")
    }

    /// The remote's URL, `http://127.0.0.1:<port>/`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.server.port)
    }

    /// The architecture the refs are built for (`flatpak --default-arch`).
    pub fn arch(&self) -> &str {
        &self.arch
    }

    /// The full ref of an app in the repo, `app/<id>/<arch>/stable`.
    pub fn app_ref(&self, id: &str) -> String {
        format!("app/{id}/{}/{BRANCH}", self.arch)
    }

    /// The test key's fingerprint.
    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// Slows the server to about `bytes_per_second` (None: as fast as it can).
    pub fn set_throttle(&self, bytes_per_second: Option<u64>) {
        self.server
            .throttle
            .store(bytes_per_second.unwrap_or(0), Ordering::SeqCst);
    }

    /// How many HTTP requests the server has answered.
    pub fn requests_served(&self) -> u64 {
        self.server.served.load(Ordering::SeqCst)
    }

    /// The environment the `flatpak` command runs with: the installations, its config folder
    /// and the XDG folders, all in the bed.
    pub fn env(&self) -> Vec<(&'static str, PathBuf)> {
        vec![
            ("FLATPAK_USER_DIR", self.user_dir()),
            ("FLATPAK_SYSTEM_DIR", self.system_dir()),
            ("FLATPAK_CONFIG_DIR", self.dir.join("etc")),
            ("XDG_CACHE_HOME", self.dir.join("cache")),
            ("XDG_DATA_HOME", self.dir.join("data")),
            ("XDG_CONFIG_HOME", self.dir.join("config")),
            ("XDG_RUNTIME_DIR", self.dir.join("run")),
            ("GNUPGHOME", self.dir.join("gnupg")),
        ]
    }

    /// A Command for `program` with [`AppsBed::env`], stdin from /dev/null.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command.envs(self.env()).stdin(Stdio::null());
        command
    }

    /// `flatpak <args>` in the bed; its standard output, or its standard error as the error.
    pub fn flatpak(&self, args: &[&str]) -> Result<String, Error> {
        let mut argv = vec![FLATPAK];
        argv.extend_from_slice(args);
        self.run(&argv)
    }

    /// `flatpak install -y --noninteractive <installation> ferrum-test <id>//stable`
    /// (`installation` is `--user` or `--system`).
    pub fn install(&self, installation: &str, id: &str) -> Result<(), Error> {
        let target = format!("{id}//{BRANCH}");
        self.flatpak(&[
            "install",
            installation,
            "-y",
            "--noninteractive",
            REMOTE,
            &target,
        ])
        .map(drop)
    }

    /// The app ids `flatpak list --app` shows for `installation` (`--user` or `--system`).
    pub fn installed_apps(&self, installation: &str) -> Result<Vec<String>, Error> {
        let out = self.flatpak(&["list", installation, "--app", "--columns=application"])?;
        Ok(out
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect())
    }

    /// Adds [`REMOTE`] (GPG verification on, the test key imported) to a user installation
    /// at `user_dir` other than [`AppsBed::user_dir`] (e.g. one on a small filesystem), as
    /// `flatpak remote-add --user` with `FLATPAK_USER_DIR` pointing there.
    pub fn add_remote_to_user_installation(&self, user_dir: &Path) -> Result<(), Error> {
        let import = format!("--gpg-import={}", self.dir.join("gnupg.gpg").display());
        let title = format!("--title={REMOTE_TITLE}");
        let url = self.url();
        let args = ["remote-add", "--user", &import, &title, REMOTE, &url];
        let output = self
            .command(FLATPAK)
            .args(args)
            .env("FLATPAK_USER_DIR", user_dir)
            .output()
            .map_err(|source| Error::Spawn {
                program: PathBuf::from(FLATPAK),
                source,
            })?;
        if output.status.success() {
            return Ok(());
        }
        Err(Error::Command {
            command: format!("flatpak {}", args.join(" ")),
            status: output.status,
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        })
    }

    /// Gives the bed's runtime, as deployed in the user installation, a shell (`bash` and the
    /// libraries it loads, copied from this machine), so that `flatpak run --command=bash`
    /// has something to run: the bed's runtime is a bare one with `true` only. The runtime
    /// must be installed there.
    pub fn give_the_runtime_a_shell(&self) -> Result<(), Error> {
        let files = self
            .user_dir()
            .join("runtime")
            .join(RUNTIME_ID)
            .join(&self.arch)
            .join(BRANCH)
            .join("active/files");
        let copy = |from: &str, to: &str| -> Result<(), Error> {
            let target = files.join(to);
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::copy(fs::canonicalize(from)?, &target)?;
            Ok(())
        };
        copy("/bin/bash", "bin/bash")?;
        let ldd = self.run(&["/usr/bin/ldd", "/bin/bash"])?;
        for line in ldd.lines() {
            // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (…)" or "/lib64/ld-linux-x86-64.so.2 (…)"
            let Some(path) = line.split_whitespace().find(|word| word.starts_with('/')) else {
                continue;
            };
            // The runtime is /usr in the sandbox; /lib and /lib64 link into it.
            let inside = path
                .strip_prefix("/usr/")
                .or_else(|| path.strip_prefix('/'))
                .unwrap_or(path);
            copy(path, inside)?;
        }
        Ok(())
    }

    /// Starts `bash -c 'echo STARTED; read line || true'` in the sandbox of the user
    /// installation's app `id` with `flatpak run --command=bash` (the bed's installations,
    /// runtime folder and `<dir>/home`; no session bus, no display), its stdin a pipe of the
    /// caller's: it runs until [`RunningApp::close`]. Returns once it started and `flatpak ps`
    /// lists it. The runtime needs a shell ([`AppsBed::give_the_runtime_a_shell`]).
    pub fn start_app(&self, id: &str) -> Result<RunningApp, Error> {
        let home = self.dir.join("home");
        fs::create_dir_all(&home)?;
        let mut child = self
            .command(FLATPAK)
            .args(["run", "--user", "--command=bash", id, "-c"])
            .arg("echo STARTED; read line || true")
            .env("HOME", home)
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|source| Error::Spawn {
                program: PathBuf::from(FLATPAK),
                source,
            })?;
        let mut first = String::new();
        if let Some(stdout) = child.stdout.take() {
            BufReader::new(stdout).read_line(&mut first)?;
        }
        let mut app = RunningApp { child: Some(child) };
        if first.trim() != "STARTED" {
            let status = app.close()?;
            return Err(Error::Io(io::Error::other(format!(
                "flatpak run {id} did not start ({status})"
            ))));
        }
        let deadline = std::time::Instant::now() + APP_START_TIMEOUT;
        while !self.running_apps()?.contains(&id.to_owned()) {
            if std::time::Instant::now() >= deadline {
                return Err(Error::Timeout {
                    what: format!("flatpak ps to list {id}"),
                    log_tail: String::new(),
                });
            }
            thread::sleep(Duration::from_millis(50));
        }
        Ok(app)
    }

    /// The app ids `flatpak ps` lists (one per instance), with the bed's runtime folder.
    pub fn running_apps(&self) -> Result<Vec<String>, Error> {
        let out = self.flatpak(&["ps", "--columns=application"])?;
        Ok(out
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect())
    }

    /// Exports version 2 of [`RICH_ID`] (wider permissions, [`RICH_V2_METADATA`]) into the
    /// repo and signs the new summary: installed version 1 now has an update.
    pub fn publish_rich_v2(&self) -> Result<(), Error> {
        self.build_app(
            (RICH_ID, RICH_NAME, RICH_SUMMARY),
            "2.0",
            RICH_V2_METADATA,
            RICH_PAYLOAD_BYTES,
        )?;
        self.update_repo()
    }

    /// Starts Flatpak's system helper (`flatpak-system-helper --no-idle-exit`, as root, in a
    /// process group of its own, log `<dir>/system-helper.log`) on the private system bus at
    /// `system_bus_address` (a [`crate::TestBed`]'s), changing this bed's system installation;
    /// waits until it owns [`SYSTEM_HELPER_BUS_NAME`]. It asks polkit on that bus (start
    /// [`crate::Service::Polkit`] there) for every change another user's libflatpak asks of
    /// it; root's libflatpak never uses it. The bed's folder is made traversable (0755) so
    /// that other user can read the system installation. Stopped by PID with the bed.
    /// Started again (after it was killed), the one before is reaped first.
    pub fn start_system_helper(&mut self, system_bus_address: &str) -> Result<(), Error> {
        require(Path::new(SYSTEM_HELPER), "flatpak")?;
        // Killed already, most likely: its group may be gone, which is no failure here.
        if let Some(before) = self.helper.take()
            && let Err(error) = kill_and_reap(before)
        {
            tracing::debug!(%error, "the system helper before was gone already");
        }
        fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o755))?;
        let mut command = Command::new(SYSTEM_HELPER);
        command
            .arg("--no-idle-exit")
            .env("FLATPAK_SYSTEM_DIR", self.system_dir())
            .env("FLATPAK_CONFIG_DIR", self.dir.join("etc"))
            .env("XDG_RUNTIME_DIR", self.dir.join("run"));
        let log = self.dir.join("system-helper.log");
        self.helper = Some(spawn_with_address(command, &log, system_bus_address)?);
        let deadline = std::time::Instant::now() + HELPER_READY_TIMEOUT;
        loop {
            let output = Command::new(BUSCTL)
                .args([
                    "--system",
                    "call",
                    "org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus",
                    "NameHasOwner",
                    "s",
                    SYSTEM_HELPER_BUS_NAME,
                ])
                .env("DBUS_SYSTEM_BUS_ADDRESS", system_bus_address)
                .stdin(Stdio::null())
                .output()?;
            if String::from_utf8_lossy(&output.stdout).trim() == "b true" {
                return Ok(());
            }
            if std::time::Instant::now() >= deadline {
                return Err(Error::Timeout {
                    what: format!("flatpak-system-helper to own {SYSTEM_HELPER_BUS_NAME}"),
                    log_tail: fs::read_to_string(&log).unwrap_or_default(),
                });
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// The PID of Flatpak's system helper [`AppsBed::start_system_helper`] started (for a
    /// test to stop or kill it by), while the bed holds it.
    pub fn system_helper_pid(&self) -> Option<u32> {
        self.helper.as_ref().map(std::process::Child::id)
    }

    /// A `.flatpakrepo` file for the bed's repo (title, URL and, with `signed`, the test key as
    /// `GPGKey`), as a remote's website offers one.
    pub fn flatpakrepo(&self, signed: bool) -> Result<String, Error> {
        let mut text = format!("[Flatpak Repo]\nTitle={REMOTE_TITLE}\nUrl={}\n", self.url());
        if signed {
            let key = self.dir.join("gnupg.gpg").display().to_string();
            let encoded = self.run(&[BASE64, "-w0", &key])?;
            text.push_str(&format!("GPGKey={}\n", encoded.trim()));
        }
        Ok(text)
    }

    /// Keeps the folder after the bed is dropped (for looking at it after a failure).
    pub fn keep_dir(&mut self) -> PathBuf {
        if let Some(temp) = self.temp.take() {
            return temp.keep();
        }
        self.dir.clone()
    }

    fn run_owned(&self, argv: &[String]) -> Result<String, Error> {
        self.run(&argv.iter().map(String::as_str).collect::<Vec<_>>())
    }

    fn run(&self, argv: &[&str]) -> Result<String, Error> {
        let (program, args) = argv.split_first().ok_or_else(|| {
            Error::Io(io::Error::new(
                io::ErrorKind::InvalidInput,
                "AppsBed::run: no command given",
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

    /// A new ed25519 signing key without passphrase in the GnuPG home `<dir>/<home>`; its
    /// fingerprint. The public key goes to `<dir>/<home>.gpg`.
    fn make_key(&self, home: &str) -> Result<String, Error> {
        let homedir = self.dir.join(home).display().to_string();
        let gpg = [GPG, "--batch", "--homedir", &homedir];
        let with = |args: &[&'static str]| -> Vec<String> {
            gpg.iter()
                .chain(args)
                .map(|arg| (*arg).to_owned())
                .collect()
        };
        self.run_owned(&with(&[
            "--passphrase",
            "",
            "--quick-gen-key",
            "Ferrum Test Apps <apps@ferrum.test>",
            "ed25519",
            "sign",
            "never",
        ]))?;
        let listing = self.run_owned(&with(&["--with-colons", "--list-keys"]))?;
        let fingerprint = listing
            .lines()
            .find_map(|line| line.strip_prefix("fpr:"))
            .and_then(|rest| rest.split(':').find(|field| !field.is_empty()))
            .map(str::to_owned)
            .ok_or_else(|| {
                Error::Io(io::Error::other(format!(
                    "gpg listed no fingerprint: {listing}"
                )))
            })?;
        let key = self.dir.join(format!("{home}.gpg")).display().to_string();
        let mut export = with(&["--output"]);
        export.extend([key, "--export".to_owned(), fingerprint.clone()]);
        self.run_owned(&export)?;
        Ok(fingerprint)
    }

    fn sign_args(&self) -> [String; 2] {
        [
            format!("--gpg-sign={}", self.key_id),
            format!("--gpg-homedir={}", self.dir.join("gnupg").display()),
        ]
    }

    fn build_runtime(&self) -> Result<(), Error> {
        let build = self.dir.join("build").join(RUNTIME_ID);
        fs::create_dir_all(build.join("usr/bin"))?;
        fs::create_dir_all(build.join("files"))?;
        fs::write(
            build.join("metadata"),
            format!("[Runtime]\nname={RUNTIME_ID}\n"),
        )?;
        fs::copy("/bin/true", build.join("usr/bin/true"))?;
        let [sign, home] = self.sign_args();
        let repo = self.repo_dir().display().to_string();
        let build = build.display().to_string();
        self.flatpak(&[
            "build-export",
            "--runtime",
            "--disable-sandbox",
            &sign,
            &home,
            &repo,
            &build,
            BRANCH,
        ])
        .map(drop)
    }

    /// Writes an app's build folder by hand (metadata, a command, AppStream data and a random
    /// payload of `payload` bytes) and exports it.
    fn build_app(
        &self,
        (id, name, summary): (&str, &str, &str),
        version: &str,
        context: &str,
        payload: usize,
    ) -> Result<(), Error> {
        let build = self.dir.join("build").join(format!("{id}-{version}"));
        let files = build.join("files");
        fs::create_dir_all(files.join("bin"))?;
        fs::create_dir_all(files.join("share/metainfo"))?;
        fs::create_dir_all(files.join("share/app-info/xmls"))?;
        fs::create_dir_all(build.join("export"))?;
        fs::write(
            build.join("metadata"),
            format!(
                "[Application]\nname={id}\nruntime={RUNTIME_ID}/{arch}/{BRANCH}\ncommand=app\n\n{context}",
                arch = self.arch
            ),
        )?;
        let command = files.join("bin/app");
        fs::write(&command, format!("#!/bin/sh\necho {id} {version}\n"))?;
        fs::set_permissions(&command, fs::Permissions::from_mode(0o755))?;
        // Many files, as a real app has: Flatpak downloads them one by one (several at once),
        // and a cancel takes effect between two.
        let mut random = fs::File::open("/dev/urandom")?;
        let data = files.join("share/payload");
        fs::create_dir_all(&data)?;
        let mut left = payload;
        let mut index = 0;
        while left > 0 {
            let mut bytes = vec![0; left.min(PAYLOAD_FILE_BYTES)];
            random.read_exact(&mut bytes)?;
            fs::write(data.join(format!("{index:03}")), &bytes)?;
            left -= bytes.len();
            index += 1;
        }
        let component = format!(
            "<component type=\"desktop-application\"><id>{id}</id><name>{name}</name>\
             <summary>{summary}</summary>\
             <metadata_license>CC0-1.0</metadata_license>\
             <releases><release version=\"{version}\" date=\"2026-12-01\"/></releases>"
        );
        fs::write(
            files.join(format!("share/metainfo/{id}.metainfo.xml")),
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{component}</component>\n"),
        )?;
        let xml = files.join(format!("share/app-info/xmls/{id}.xml"));
        fs::write(
            &xml,
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<components version=\"0.8\" origin=\"flatpak\">{component}\
                 <bundle type=\"flatpak\">app/{id}/{arch}/{BRANCH}</bundle></component></components>\n",
                arch = self.arch
            ),
        )?;
        self.run(&[GZIP, "-nf", &xml.display().to_string()])?;
        let [sign, home] = self.sign_args();
        let repo = self.repo_dir().display().to_string();
        let build = build.display().to_string();
        self.flatpak(&[
            "build-export",
            "--disable-sandbox",
            &sign,
            &home,
            &repo,
            &build,
            BRANCH,
        ])
        .map(drop)
    }

    /// Regenerates the AppStream branch and the signed summary.
    fn update_repo(&self) -> Result<(), Error> {
        let [sign, home] = self.sign_args();
        let title = format!("--title={REMOTE_TITLE}");
        let repo = self.repo_dir().display().to_string();
        self.flatpak(&["build-update-repo", &sign, &home, &title, &repo])
            .map(drop)
    }
}

impl Drop for AppsBed {
    fn drop(&mut self) {
        self.server.stop();
        if let Some(helper) = self.helper.take()
            && let Err(error) = kill_and_reap(helper)
        {
            tracing::warn!(%error, "could not stop flatpak-system-helper");
        }
        // gpg started an agent for each of the bed's homes: stop those (only those).
        for home in ["gnupg", GNUPG_OTHER] {
            let _ = Command::new(GPGCONF)
                .arg("--homedir")
                .arg(self.dir.join(home))
                .args(["--kill", "gpg-agent"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }
}

/// An app running in its sandbox, started by [`AppsBed::start_app`]; closed (its stdin
/// closed, the `flatpak run` process reaped) by [`RunningApp::close`] or on drop.
#[derive(Debug)]
pub struct RunningApp {
    child: Option<std::process::Child>,
}

impl RunningApp {
    /// Closes the app (the script reads its stdin to the end, then exits) and waits for it.
    pub fn close(&mut self) -> Result<std::process::ExitStatus, Error> {
        let Some(mut child) = self.child.take() else {
            return Err(Error::Io(io::Error::other("the app was closed already")));
        };
        drop(child.stdin.take());
        Ok(child.wait()?)
    }
}

impl Drop for RunningApp {
    fn drop(&mut self) {
        if self.child.is_some()
            && let Err(error) = self.close()
        {
            tracing::warn!(%error, "could not close the running app");
        }
    }
}

/// How long `flatpak run` may take until `flatpak ps` lists the app.
const APP_START_TIMEOUT: Duration = Duration::from_secs(30);

/// A port of 127.0.0.1 nobody listens on (asked from the kernel, then let go).
fn closed_port() -> Result<u16, Error> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}

/// A tiny HTTP/1.1 file server for the repo: GET only, one thread per connection, one
/// response per connection (`Connection: close`), optionally throttled.
#[derive(Debug)]
struct RepoServer {
    port: u16,
    /// Bytes per second, 0 for no limit.
    throttle: Arc<AtomicU64>,
    served: Arc<AtomicU64>,
    stopping: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl RepoServer {
    fn start(root: PathBuf) -> Result<RepoServer, Error> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let throttle = Arc::new(AtomicU64::new(0));
        let served = Arc::new(AtomicU64::new(0));
        let stopping = Arc::new(AtomicBool::new(false));
        let thread = {
            let throttle = Arc::clone(&throttle);
            let served = Arc::clone(&served);
            let stopping = Arc::clone(&stopping);
            thread::Builder::new()
                .name("apps-bed-http".into())
                .spawn(move || {
                    for stream in listener.incoming() {
                        if stopping.load(Ordering::SeqCst) {
                            break;
                        }
                        let Ok(stream) = stream else { continue };
                        let root = root.clone();
                        let throttle = Arc::clone(&throttle);
                        let served = Arc::clone(&served);
                        let _ = thread::Builder::new()
                            .name("apps-bed-http-conn".into())
                            .spawn(move || {
                                if serve(stream, &root, &throttle).is_ok() {
                                    served.fetch_add(1, Ordering::SeqCst);
                                }
                            });
                    }
                })?
        };
        Ok(RepoServer {
            port,
            throttle,
            served,
            stopping,
            thread: Some(thread),
        })
    }

    fn stop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Answers one request on `stream` with a file under `root` (or 404).
fn serve(stream: TcpStream, root: &Path, throttle: &AtomicU64) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default();
    let target = parts.next().unwrap_or_default();
    let path = target.split('?').next().unwrap_or_default();
    let mut stream = stream;
    let file = (method == "GET" || method == "HEAD")
        .then(|| resolve(root, path))
        .flatten()
        .and_then(|path| fs::read(path).ok());
    let Some(body) = file else {
        stream.write_all(
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        )?;
        return stream.shutdown(Shutdown::Both);
    };
    write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if method == "GET" {
        for chunk in body.chunks(CHUNK) {
            stream.write_all(chunk)?;
            let pause = (chunk.len() as u64)
                .saturating_mul(1_000_000)
                .checked_div(throttle.load(Ordering::SeqCst));
            if let Some(micros) = pause {
                thread::sleep(Duration::from_micros(micros));
            }
        }
    }
    stream.flush()?;
    stream.shutdown(Shutdown::Both)
}

/// The file under `root` that a request path names; None for anything leaving `root`.
fn resolve(root: &Path, path: &str) -> Option<PathBuf> {
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|component| !matches!(component, Component::Normal(_)))
    {
        return None;
    }
    let full = root.join(relative);
    full.is_file().then_some(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_stay_in_the_repo() {
        let root = Path::new("/nonexistent-root");
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(resolve(root, "/objects/../../x"), None);
        assert_eq!(resolve(root, "/summary"), None); // absent
    }
}
