//! `cargo xtask image keys`: the image's own Secure Boot keys (platform key, key exchange key,
//! signature database key), the key that signs the PCR 11 prediction, and OVMF variables with
//! those keys enrolled and Secure Boot on (no Microsoft keys).
//!
//! They live in the cache folder (`<cache>/keys`, mode 0700), never in the repository; a fresh
//! machine makes its own on the first `cargo xtask image`.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::image;
use crate::tools;
use crate::util::{self, Result};

/// The key files of one machine's image.
pub struct Keys {
    dir: PathBuf,
}

impl Keys {
    fn at(dir: PathBuf) -> Self {
        Self { dir }
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The signature database key, which signs the UKI.
    pub fn db_key(&self) -> PathBuf {
        self.file("db.key")
    }

    pub fn db_certificate(&self) -> PathBuf {
        self.file("db.crt")
    }

    /// The platform key's certificate (PEM): the machine owner's key, enrolled as PK.
    pub fn pk_certificate(&self) -> PathBuf {
        self.file("pk.crt")
    }

    /// The key that signs the PCR 11 prediction (private and public).
    pub fn pcr_key(&self) -> PathBuf {
        self.file("pcr.key")
    }

    pub fn pcr_public_key(&self) -> PathBuf {
        self.file("pcr.pem")
    }

    /// A self-signed certificate for the PCR signing key (mkosi wants one).
    pub fn pcr_certificate(&self) -> PathBuf {
        self.file("pcr.crt")
    }

    /// OVMF variables with PK, KEK and db enrolled and Secure Boot enforced.
    pub fn ovmf_vars(&self) -> PathBuf {
        self.file("ovmf-vars.fd")
    }

    fn complete(&self) -> bool {
        [
            self.pk_certificate(),
            self.db_key(),
            self.db_certificate(),
            self.pcr_key(),
            self.pcr_public_key(),
        ]
        .iter()
        .all(|path| path.is_file())
    }
}

fn keys_dir() -> Result<PathBuf> {
    Ok(image::cache_dir()?.join("keys"))
}

/// A self-signed RSA certificate and its key, `<name>.crt` and `<name>.key`.
fn certificate(dir: &Path, name: &str, common_name: &str) -> Result<()> {
    util::run(
        Command::new("openssl")
            .args([
                "req", "-new", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256",
            ])
            .args(["-days", "3650", "-subj"])
            .arg(format!("/CN={common_name}/"))
            .arg("-keyout")
            .arg(dir.join(format!("{name}.key")))
            .arg("-out")
            .arg(dir.join(format!("{name}.crt")))
            .stderr(std::process::Stdio::null()),
    )
}

/// The PCR signing key's certificate, `pcr.crt`.
fn pcr_certificate(dir: &Path) -> Result<()> {
    util::run(
        Command::new("openssl")
            .args(["req", "-new", "-x509", "-sha256", "-days", "3650", "-subj"])
            .arg("/CN=Ferrum local PCR policy key/")
            .arg("-key")
            .arg(dir.join("pcr.key"))
            .arg("-out")
            .arg(dir.join("pcr.crt")),
    )
}

fn make(dir: &Path) -> Result<()> {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir)?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    certificate(dir, "pk", "Ferrum local Platform Key")?;
    certificate(dir, "kek", "Ferrum local Key Exchange Key")?;
    certificate(dir, "db", "Ferrum local image signing key")?;
    let pcr_key = dir.join("pcr.key");
    util::run(
        Command::new("openssl")
            .args([
                "genpkey",
                "-algorithm",
                "RSA",
                "-pkeyopt",
                "rsa_keygen_bits:2048",
                "-out",
            ])
            .arg(&pcr_key),
    )?;
    util::run(
        Command::new("openssl")
            .args(["pkey", "-pubout", "-in"])
            .arg(&pcr_key)
            .arg("-out")
            .arg(dir.join("pcr.pem")),
    )?;
    pcr_certificate(dir)?;
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "key") {
            fs::set_permissions(&path, fs::Permissions::from_mode(0o600))?;
        }
    }
    Ok(())
}

/// OVMF variables with the keys enrolled (needs the tools tree's virt-fw-vars, so it is made
/// when a machine first boots, after `cargo xtask image` has built the tools tree).
fn make_ovmf_vars(dir: &Path) -> Result<()> {
    let owner = fs::read_to_string("/proc/sys/kernel/random/uuid")?;
    let owner = owner.trim();
    let mut vars = tools::command("virt-fw-vars")?;
    vars.args(["--input", "/usr/share/OVMF/OVMF_VARS_4M.fd", "--output"])
        .arg(dir.join("ovmf-vars.fd"))
        .args(["--set-pk", owner])
        .arg(dir.join("pk.crt"))
        .args(["--add-kek", owner])
        .arg(dir.join("kek.crt"))
        .args(["--add-db", owner])
        .arg(dir.join("db.crt"))
        .args(["--secure-boot", "--no-microsoft"]);
    util::run(&mut vars)?;
    Ok(())
}

/// The keys with the OVMF variables, made first if missing.
pub fn ensure_with_ovmf_vars() -> Result<Keys> {
    let keys = ensure()?;
    if !keys.ovmf_vars().is_file() {
        make_ovmf_vars(&keys.dir)?;
    }
    Ok(keys)
}

/// The keys, made first if this machine has none yet.
pub fn ensure() -> Result<Keys> {
    let keys = Keys::at(keys_dir()?);
    if !keys.complete() {
        println!(
            "==> image: making Secure Boot and PCR signing keys in {}",
            keys.dir.display()
        );
        make(&keys.dir)?;
    }
    if !keys.pcr_certificate().is_file() {
        // Keys made before the certificate was added.
        pcr_certificate(&keys.dir)?;
    }
    Ok(keys)
}

/// `cargo xtask image keys`: makes the keys (anew with `--new`) and shows where they are.
pub fn run(renew: bool) -> Result<()> {
    let dir = keys_dir()?;
    if renew {
        let _ = fs::remove_dir_all(&dir);
    }
    let keys = if tools::ready()? {
        ensure_with_ovmf_vars()?
    } else {
        println!("(the OVMF variables follow once `cargo xtask image` has built the tools tree)");
        ensure()?
    };
    println!("keys in {} (never committed):", keys.dir.display());
    for name in [
        "pk.crt",
        "kek.crt",
        "db.crt",
        "db.key",
        "pcr.key",
        "pcr.pem",
        "ovmf-vars.fd",
    ] {
        println!("  {name}");
    }
    println!("rebuild the image (`cargo xtask image`) to sign it with new keys");
    Ok(())
}
