//! `services::firmware` downloads over `https://` from a server on 127.0.0.1 (Python's
//! `http.server` wrapped in `ssl`) whose certificate is signed by a CA made with `openssl`
//! for each test: trusting that CA, the cabinet and a metadata file arrive byte for byte
//! with their digests; with the system's trust store (which does not hold the CA), the
//! download is `FirmwareError::Untrusted` and `install` stops before it reaches fwupd.
//! Needs `python3` and `openssl`; no root, no test bed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use ferrum_services::SystemBus;
use ferrum_services::firmware::{
    self, Checksum, FirmwareError, Release, ReleaseFlags, TrustRoots, Urgency,
};

/// The cabinet the server offers (not a real cabinet: the download does not look inside).
const CABINET: &[u8] = b"MSCF\0\0\0\0 ferrum https test cabinet\n";
/// A metadata file beside it.
const METADATA: &[u8] = b"<?xml version=\"1.0\"?>\n<components origin=\"test\"/>\n";

fn openssl(args: &[&str], dir: &Path) {
    let status = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("openssl runs");
    assert!(status.success(), "openssl {args:?}: {status}");
}

/// A test CA (`ca.pem`) and a server certificate it signs for 127.0.0.1 and localhost
/// (`server.pem`, `server.key`). EC keys: milliseconds, not RSA's hundreds.
fn make_certificates(dir: &Path) {
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"];
    let mut ca = vec!["req", "-x509", "-new", "-nodes", "-days", "2"];
    ca.extend(ec);
    ca.extend([
        "-subj",
        "/CN=Ferrum Firmware Test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
    ]);
    openssl(&ca, dir);
    let mut request = vec!["req", "-new", "-nodes"];
    request.extend(ec);
    request.extend([
        "-subj",
        "/CN=localhost",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ]);
    openssl(&request, dir);
    fs::write(
        dir.join("server.ext"),
        "basicConstraints=critical,CA:FALSE\n\
         keyUsage=critical,digitalSignature\n\
         extendedKeyUsage=serverAuth\n\
         subjectAltName=DNS:localhost,IP:127.0.0.1\n",
    )
    .unwrap();
    openssl(
        &[
            "x509",
            "-req",
            "-days",
            "2",
            "-set_serial",
            "1",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-extfile",
            "server.ext",
            "-out",
            "server.pem",
        ],
        dir,
    );
}

/// Serves `root` over HTTPS on 127.0.0.1 (a free port, printed on the first line).
const SERVER: &str = "\
import functools, http.server, ssl, sys
root, certificate, key = sys.argv[1:4]
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=root)
server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(certificate, key)
server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
";

/// The HTTPS server, its files and its CA; the server is stopped on drop.
struct HttpsServer {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl HttpsServer {
    fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        make_certificates(dir.path());
        let root = dir.path().join("www");
        fs::create_dir(&root).unwrap();
        fs::write(root.join("firmware.cab"), CABINET).unwrap();
        fs::write(root.join("firmware.xml.zst"), METADATA).unwrap();
        let mut child = Command::new("python3")
            .arg("-c")
            .arg(SERVER)
            .arg(&root)
            .arg(dir.path().join("server.pem"))
            .arg(dir.path().join("server.key"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line.trim().parse().unwrap_or_else(|_| {
            let _ = child.kill();
            panic!("the server printed no port: {line:?}")
        });
        Self { child, port, dir }
    }

    fn url(&self, file: &str) -> String {
        format!("https://127.0.0.1:{}/{file}", self.port)
    }

    fn ca(&self) -> TrustRoots {
        TrustRoots::only_pem(&fs::read(self.dir.path().join("ca.pem")).unwrap()).unwrap()
    }
}

impl Drop for HttpsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn release(locations: Vec<String>, checksum: &str) -> Release {
    Release {
        appstream_id: None,
        remote_id: None,
        name: Some("Test firmware".into()),
        version: "2.0".into(),
        summary: None,
        description: Vec::new(),
        size: CABINET.len() as u64,
        checksums: vec![Checksum::from_hex(checksum)],
        urgency: Urgency::Unknown,
        locations,
        filename: None,
        flags: ReleaseFlags::default(),
        vendor: None,
        license: None,
        details_url: None,
        update_message: None,
        created: None,
        install_duration: None,
    }
}

/// The digests of `bytes`, through the service's own hashing of a file.
fn digests_of(bytes: &[u8]) -> firmware::Digests {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(&mut file, bytes).unwrap();
    firmware::file_digests(file.path()).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn trusting_the_servers_ca_the_cabinet_and_metadata_arrive_byte_for_byte() {
    let server = HttpsServer::start();
    let expected = digests_of(CABINET);
    let release = release(vec![server.url("firmware.cab")], &expected.sha256);

    let cabinet = firmware::download_trusting(&release, &server.ca())
        .await
        .unwrap();
    assert_eq!(cabinet.digests, expected);
    assert_eq!(cabinet.digests.size, CABINET.len() as u64);
    assert_eq!(cabinet.read_bytes().unwrap(), CABINET);
    assert_eq!(cabinet.location, server.url("firmware.cab"));
    assert_eq!(
        firmware::verify(&cabinet.digests, &release.checksums),
        Ok(firmware::ChecksumKind::Sha256)
    );

    // A metadata file, by the host name the certificate also names.
    let metadata_url = format!("https://localhost:{}/firmware.xml.zst", server.port);
    let metadata = firmware::download_trusting(
        &release_at(&metadata_url, &digests_of(METADATA).sha256),
        &server.ca(),
    )
    .await
    .unwrap();
    assert_eq!(metadata.digests, digests_of(METADATA));
    assert_eq!(metadata.read_bytes().unwrap(), METADATA);
}

fn release_at(location: &str, checksum: &str) -> Release {
    release(vec![location.to_owned()], checksum)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_certificate_the_system_does_not_trust_is_untrusted_and_nothing_reaches_fwupd() {
    let server = HttpsServer::start();
    let expected = digests_of(CABINET);
    let release = release(vec![server.url("firmware.cab")], &expected.sha256);

    match firmware::download(&release).await {
        Err(FirmwareError::Untrusted { host, uri }) => {
            assert_eq!(host, "127.0.0.1");
            assert_eq!(uri, server.url("firmware.cab"));
        }
        other => panic!("{other:?}"),
    }

    // `install` downloads and checks before it connects to fwupd: with the refusal it
    // returns without touching the bus (an address nobody listens on: connecting would
    // have been `NotRunning`).
    let missing = server.dir.path().join("no-bus");
    let bus = SystemBus::with_address(&format!("unix:path={}", missing.display()));
    match firmware::install(&bus, "test-device", &release).await {
        Err(FirmwareError::Untrusted { host, .. }) => assert_eq!(host, "127.0.0.1"),
        other => panic!("{other:?}"),
    }

    // Another CA than the server's: untrusted too (only that CA is trusted).
    let other = tempfile::tempdir().unwrap();
    make_certificates(other.path());
    let other_ca = TrustRoots::only_pem(&fs::read(other.path().join("ca.pem")).unwrap()).unwrap();
    assert!(matches!(
        firmware::download_trusting(&release, &other_ca).await,
        Err(FirmwareError::Untrusted { .. })
    ));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_closed_https_port_is_still_offline() {
    let server = HttpsServer::start();
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let release = release_at(
        &format!("https://127.0.0.1:{port}/firmware.cab"),
        &digests_of(CABINET).sha256,
    );
    assert!(matches!(
        firmware::download_trusting(&release, &server.ca()).await,
        Err(FirmwareError::Offline { .. })
    ));
}
