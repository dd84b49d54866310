//! Getting cabinets and metadata to fwupd: downloaded (`file://`, `http://`,
//! `https://`) into a sealed memfd while hashing, so the bytes whose checksum was
//! checked are exactly the bytes fwupd reads (nobody can change them in between).
//!
//! `https://` goes through reqwest (which `ipp` already builds) with rustls and the
//! `ring` crypto provider, installed once as the process default (reqwest's own default,
//! aws-lc-rs, needs cmake, nasm and a long C build). Servers are verified against the
//! system's trust store ([`TrustRoots::System`]) — never skipped; a certificate the
//! system does not trust is [`FirmwareError::Untrusted`]. Tests trust a CA of their own
//! with [`TrustRoots::only_pem`].

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::fd::OwnedFd;
use std::path::PathBuf;
use std::time::Duration;

use rustix::fs::{MemfdFlags, SealFlags};
use sha1::Sha1;
use sha2::{Digest, Sha256};

use super::FirmwareError;
use super::types::{Checksum, ChecksumKind};

/// How long connecting to a download server may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
/// How long a download may go without receiving anything.
const READ_TIMEOUT: Duration = Duration::from_secs(60);

/// Which certificate authorities `https://` downloads trust.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum TrustRoots {
    /// The system's trust store (`/etc/ssl/certs`; `ca-certificates` in the image).
    #[default]
    System,
    /// Only these certificates (PEM), none of the system's: for tests with a CA of their own.
    Only(Vec<u8>),
}

impl TrustRoots {
    /// Only the certificates of a PEM bundle; an error when it holds none.
    pub fn only_pem(pem: &[u8]) -> Result<Self, FirmwareError> {
        let certificates =
            reqwest::Certificate::from_pem_bundle(pem).map_err(|error| FirmwareError::Io {
                what: "reading the trusted certificates".into(),
                message: error.to_string(),
            })?;
        if certificates.is_empty() {
            return Err(FirmwareError::Io {
                what: "reading the trusted certificates".into(),
                message: "no certificate in the PEM bundle".into(),
            });
        }
        Ok(Self::Only(pem.to_vec()))
    }
}

/// The digests of a downloaded file (lowercase hex).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digests {
    /// SHA-256.
    pub sha256: String,
    /// SHA-1 (fwupd's older metadata lists only this).
    pub sha1: String,
    /// Bytes read.
    pub size: u64,
}

/// A downloaded file: a sealed, rewound memfd and its digests.
#[derive(Debug)]
pub(crate) struct Fetched {
    pub fd: OwnedFd,
    pub digests: Digests,
}

/// Writes into a memfd and hashes on the way.
struct Sink {
    file: File,
    sha256: Sha256,
    sha1: Sha1,
    size: u64,
}

impl Sink {
    fn new() -> std::io::Result<Self> {
        let fd = rustix::fs::memfd_create(
            "ferrum-fwupd",
            MemfdFlags::CLOEXEC | MemfdFlags::ALLOW_SEALING,
        )?;
        Ok(Self {
            file: File::from(fd),
            sha256: Sha256::new(),
            sha1: Sha1::new(),
            size: 0,
        })
    }

    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.file.write_all(bytes)?;
        self.sha256.update(bytes);
        self.sha1.update(bytes);
        self.size += bytes.len() as u64;
        Ok(())
    }

    /// Seals the memfd against any change, rewinds it and returns it with the digests.
    fn finish(mut self) -> std::io::Result<Fetched> {
        self.file.seek(SeekFrom::Start(0))?;
        rustix::fs::fcntl_add_seals(
            &self.file,
            SealFlags::WRITE | SealFlags::SHRINK | SealFlags::GROW | SealFlags::SEAL,
        )?;
        Ok(Fetched {
            fd: OwnedFd::from(self.file),
            digests: Digests {
                sha256: hex(&self.sha256.finalize()),
                sha1: hex(&self.sha1.finalize()),
                size: self.size,
            },
        })
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn io_error(what: &str, error: &std::io::Error) -> FirmwareError {
    FirmwareError::Io {
        what: what.to_owned(),
        message: error.to_string(),
    }
}

/// Where a location points.
enum Source {
    File(PathBuf),
    Http(reqwest::Url),
}

fn source(uri: &str) -> Result<Source, FirmwareError> {
    if uri.starts_with('/') {
        return Ok(Source::File(PathBuf::from(uri)));
    }
    let url = reqwest::Url::parse(uri).map_err(|error| FirmwareError::DownloadFailed {
        uri: uri.to_owned(),
        message: error.to_string(),
    })?;
    match url.scheme() {
        "file" => {
            url.to_file_path()
                .map(Source::File)
                .map_err(|()| FirmwareError::DownloadFailed {
                    uri: uri.to_owned(),
                    message: "not a local file path".into(),
                })
        }
        "http" | "https" => Ok(Source::Http(url)),
        other => Err(FirmwareError::Unsupported {
            uri: uri.to_owned(),
            reason: format!("{other}: addresses are not supported"),
        }),
    }
}

/// Downloads `uri` (`file://`, a plain path, `http://` or `https://`) into a sealed
/// memfd, trusting the system's certificate authorities.
pub(crate) async fn fetch(uri: &str) -> Result<Fetched, FirmwareError> {
    fetch_trusting(uri, &TrustRoots::System).await
}

/// [`fetch`] with `https://` servers verified against `trust`.
pub(crate) async fn fetch_trusting(
    uri: &str,
    trust: &TrustRoots,
) -> Result<Fetched, FirmwareError> {
    match source(uri)? {
        Source::File(path) => {
            let uri = uri.to_owned();
            tokio::task::spawn_blocking(move || read_file(&uri, &path))
                .await
                .map_err(|error| FirmwareError::Io {
                    what: "reading the file".into(),
                    message: error.to_string(),
                })?
        }
        Source::Http(url) => fetch_http(uri, url, trust).await,
    }
}

fn read_file(uri: &str, path: &std::path::Path) -> Result<Fetched, FirmwareError> {
    let mut file = File::open(path).map_err(|error| FirmwareError::DownloadFailed {
        uri: uri.to_owned(),
        message: error.to_string(),
    })?;
    let mut sink = Sink::new().map_err(|error| io_error("memfd_create", &error))?;
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let read = file
            .read(&mut buffer)
            .map_err(|error| FirmwareError::DownloadFailed {
                uri: uri.to_owned(),
                message: error.to_string(),
            })?;
        if read == 0 {
            break;
        }
        sink.write(&buffer[..read])
            .map_err(|error| io_error("writing the download", &error))?;
    }
    sink.finish()
        .map_err(|error| io_error("sealing the download", &error))
}

/// The HTTP(S) client: the system's trust store, or only `trust`'s certificates.
fn client(trust: &TrustRoots) -> Result<reqwest::Client, reqwest::Error> {
    crate::tls::install_crypto_provider();
    let builder = reqwest::Client::builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .read_timeout(READ_TIMEOUT)
        .tls_backend_rustls();
    let builder = match trust {
        TrustRoots::System => builder,
        TrustRoots::Only(pem) => {
            builder.tls_certs_only(reqwest::Certificate::from_pem_bundle(pem)?)
        }
    };
    builder.build()
}

/// Whether a failure is rustls refusing the server's certificate (unknown issuer,
/// expired, wrong name…). rustls's error sits inside `io::Error`s in the chain (hyper's
/// connector wraps tokio-rustls's), whose `source()` skips what they wrap: look inside.
fn is_untrusted_certificate(error: &reqwest::Error) -> bool {
    let mut pending: Vec<&(dyn std::error::Error + 'static)> = vec![error];
    while let Some(error) = pending.pop() {
        if matches!(
            error.downcast_ref::<rustls::Error>(),
            Some(rustls::Error::InvalidCertificate(_))
        ) {
            return true;
        }
        if let Some(inner) = error
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::get_ref)
        {
            pending.push(inner);
        }
        pending.extend(error.source());
    }
    false
}

async fn fetch_http(
    uri: &str,
    url: reqwest::Url,
    trust: &TrustRoots,
) -> Result<Fetched, FirmwareError> {
    let host = url.host_str().unwrap_or_default().to_owned();
    let failed = |error: reqwest::Error| {
        let message = error.to_string();
        if is_untrusted_certificate(&error) {
            FirmwareError::Untrusted {
                host: host.clone(),
                uri: uri.to_owned(),
            }
        } else if error.is_connect() {
            FirmwareError::Offline {
                uri: uri.to_owned(),
                message,
            }
        } else {
            FirmwareError::DownloadFailed {
                uri: uri.to_owned(),
                message,
            }
        }
    };
    let client = client(trust).map_err(failed)?;
    let mut response = client
        .get(url)
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(failed)?;
    let mut sink = Sink::new().map_err(|error| io_error("memfd_create", &error))?;
    while let Some(chunk) = response.chunk().await.map_err(failed)? {
        sink.write(&chunk)
            .map_err(|error| io_error("writing the download", &error))?;
    }
    sink.finish()
        .map_err(|error| io_error("sealing the download", &error))
}

/// Checks downloaded digests against a release's checksums: SHA-256 when the release
/// lists one, else SHA-1 (fwupd's older metadata). Returns the algorithm that matched.
pub fn verify(digests: &Digests, expected: &[Checksum]) -> Result<ChecksumKind, FirmwareError> {
    for (kind, got) in [
        (ChecksumKind::Sha256, &digests.sha256),
        (ChecksumKind::Sha1, &digests.sha1),
    ] {
        let listed: Vec<&Checksum> = expected.iter().filter(|c| c.kind == kind).collect();
        if listed.is_empty() {
            continue;
        }
        return if listed.iter().any(|checksum| &checksum.hex == got) {
            Ok(kind)
        } else {
            Err(FirmwareError::ChecksumMismatch {
                expected: listed[0].hex.clone(),
                got: got.clone(),
            })
        };
    }
    Err(FirmwareError::NoChecksum)
}

/// The digests of a file on disk (for tests and tools).
pub fn file_digests(path: &std::path::Path) -> Result<Digests, FirmwareError> {
    read_file(&path.display().to_string(), path).map(|fetched| fetched.digests)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Digests of b"abc" (FIPS 180 test vectors).
    const ABC_SHA256: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    const ABC_SHA1: &str = "a9993e364706816aba3e25717850c26c9cd0d89d";

    fn temp_file(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(bytes).unwrap();
        file.flush().unwrap();
        file
    }

    #[tokio::test]
    async fn a_file_uri_is_read_into_a_sealed_rewound_memfd() {
        let file = temp_file(b"abc");
        let uri = reqwest::Url::from_file_path(file.path())
            .unwrap()
            .to_string();
        let fetched = fetch(&uri).await.unwrap();
        assert_eq!(fetched.digests.sha256, ABC_SHA256);
        assert_eq!(fetched.digests.sha1, ABC_SHA1);
        assert_eq!(fetched.digests.size, 3);
        let mut memfd = File::from(fetched.fd);
        let mut contents = Vec::new();
        memfd.read_to_end(&mut contents).unwrap();
        assert_eq!(contents, b"abc", "rewound: fwupd reads from the start");
        assert!(memfd.write_all(b"x").is_err(), "sealed against writes");
        // A plain path works as well.
        let plain = fetch(&file.path().display().to_string()).await.unwrap();
        assert_eq!(plain.digests, fetched.digests);
    }

    #[tokio::test]
    async fn missing_files_and_unsupported_schemes() {
        assert!(matches!(
            fetch("file:///nonexistent/ferrum/firmware.cab").await,
            Err(FirmwareError::DownloadFailed { .. })
        ));
        assert!(matches!(
            source("https://example.invalid/downloads/x.cab"),
            Ok(Source::Http(_))
        ));
        assert!(matches!(
            fetch("ipfs://x").await,
            Err(FirmwareError::Unsupported { .. })
        ));
    }

    #[tokio::test]
    async fn http_to_a_closed_port_is_offline() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        assert!(matches!(
            fetch(&format!("http://127.0.0.1:{port}/firmware.cab")).await,
            Err(FirmwareError::Offline { .. })
        ));
    }

    #[tokio::test]
    async fn https_to_a_closed_port_is_offline() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        assert!(matches!(
            fetch(&format!("https://127.0.0.1:{port}/firmware.cab")).await,
            Err(FirmwareError::Offline { .. })
        ));
    }

    #[test]
    fn trusted_roots_must_hold_a_certificate() {
        assert!(TrustRoots::only_pem(b"not a certificate").is_err());
        assert!(TrustRoots::only_pem(b"").is_err());
    }

    #[test]
    fn checksums_are_verified_sha256_first_then_sha1() {
        let file = temp_file(b"abc");
        let digests = file_digests(file.path()).unwrap();
        let sha256 = Checksum::from_hex(ABC_SHA256);
        let sha1 = Checksum::from_hex(&ABC_SHA1.to_uppercase());
        let wrong256 = Checksum::from_hex(&"0".repeat(64));
        let wrong1 = Checksum::from_hex(&"1".repeat(40));

        assert_eq!(
            verify(&digests, &[sha1.clone(), sha256.clone()]),
            Ok(ChecksumKind::Sha256)
        );
        assert_eq!(
            verify(&digests, std::slice::from_ref(&sha1)),
            Ok(ChecksumKind::Sha1)
        );
        // A wrong SHA-256 is not rescued by a right SHA-1.
        assert_eq!(
            verify(&digests, &[wrong256.clone(), sha1]),
            Err(FirmwareError::ChecksumMismatch {
                expected: wrong256.hex.clone(),
                got: ABC_SHA256.into(),
            })
        );
        assert_eq!(
            verify(&digests, std::slice::from_ref(&wrong1)),
            Err(FirmwareError::ChecksumMismatch {
                expected: wrong1.hex,
                got: ABC_SHA1.into(),
            })
        );
        assert_eq!(
            verify(&digests, &[Checksum::from_hex(&"a".repeat(32))]),
            Err(FirmwareError::NoChecksum)
        );
        assert_eq!(verify(&digests, &[]), Err(FirmwareError::NoChecksum));
    }
}
