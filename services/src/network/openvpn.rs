//! OpenVPN configuration files (`.ovpn`), turned into a NetworkManager `vpn` profile for
//! its OpenVPN plugin. The plugin takes certificates and keys as paths, which
//! NetworkManager opens as root: those given inline (`<ca>…</ca>`) and those the file
//! names (`ca /path`) are all copied into the user's private key folder
//! ([`super::vpn_files`]), under names made from the profile's uuid.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::settings::{self, Settings};
use super::vpn_files::{self, KeyDir, VpnFileError};

/// The plugin's D-Bus service type.
pub const SERVICE_TYPE: &str = "org.freedesktop.NetworkManager.openvpn";

/// Where NetworkManager looks for VPN plugins.
const PLUGIN_DIRS: &[&str] = &["/usr/lib/NetworkManager/VPN", "/etc/NetworkManager/VPN"];

/// Whether NetworkManager's OpenVPN plugin is installed.
pub fn plugin_installed() -> bool {
    PLUGIN_DIRS
        .iter()
        .any(|dir| Path::new(dir).join("nm-openvpn-service.name").is_file())
}

/// What is wrong with an OpenVPN file; lines count from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenVpnError {
    /// No `remote` line: nothing to connect to.
    #[error("the file names no server (remote)")]
    NoRemote,
    /// A `remote` or `port` line with an invalid port.
    #[error("line {0}: the port is not a number from 1 to 65535")]
    BadPort(usize),
    /// `<ca>` without `</ca>`.
    #[error("the <{0}> block is not closed")]
    UnclosedBlock(String),
    /// Neither certificates nor a user name and password.
    #[error("the file has neither a certificate and key nor auth-user-pass")]
    NoCredentials,
    /// Static-key (pre-shared key) setups are not imported.
    #[error("static-key configurations are not supported")]
    StaticKey,
}

/// A certificate or key: inline PEM text or a file the configuration names.
#[derive(Clone, PartialEq, Eq)]
pub enum Pem {
    /// Given inline in the file.
    Inline(String),
    /// A path as written in the file.
    File(PathBuf),
}

impl std::fmt::Debug for Pem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // Private keys come this way: never printed.
            Pem::Inline(_) => f.write_str("Pem::Inline(<redacted>)"),
            Pem::File(path) => write!(f, "Pem::File({path:?})"),
        }
    }
}

/// A checked OpenVPN configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenVpnConfig {
    /// `host[:port[:proto]]` entries, as the plugin's `remote` takes them.
    pub remotes: Vec<String>,
    /// The default port (`port`).
    pub port: Option<u16>,
    /// TCP rather than UDP.
    pub tcp: bool,
    /// A TAP (layer 2) device rather than TUN.
    pub tap: bool,
    /// The server asks for a user name and password.
    pub auth_user_pass: bool,
    /// CA certificate.
    pub ca: Option<Pem>,
    /// Client certificate.
    pub cert: Option<Pem>,
    /// Client key.
    pub key: Option<Pem>,
    /// `tls-auth` key and its direction.
    pub tls_auth: Option<(Pem, Option<String>)>,
    /// `tls-crypt` key.
    pub tls_crypt: Option<Pem>,
    /// Data channel cipher (`cipher` / `data-ciphers`).
    pub cipher: Option<String>,
    /// HMAC digest (`auth`).
    pub auth: Option<String>,
}

fn port(text: &str, line: usize) -> Result<u16, OpenVpnError> {
    text.parse::<u16>()
        .ok()
        .filter(|port| *port > 0)
        .ok_or(OpenVpnError::BadPort(line))
}

impl OpenVpnConfig {
    /// Parses an OpenVPN client configuration. Options NetworkManager's plugin has no
    /// use for are skipped.
    pub fn parse(text: &str) -> Result<Self, OpenVpnError> {
        let mut config = Self {
            remotes: Vec::new(),
            port: None,
            tcp: false,
            tap: false,
            auth_user_pass: false,
            ca: None,
            cert: None,
            key: None,
            tls_auth: None,
            tls_crypt: None,
            cipher: None,
            auth: None,
        };
        let mut key_direction = None;
        let mut lines = text.lines().enumerate();
        while let Some((index, raw)) = lines.next() {
            let line = index + 1;
            let content = raw.trim();
            if content.is_empty() || content.starts_with('#') || content.starts_with(';') {
                continue;
            }
            if let Some(tag) = content.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
                let close = format!("</{tag}>");
                let mut block = String::new();
                let mut closed = false;
                for (_, inner) in lines.by_ref() {
                    if inner.trim() == close {
                        closed = true;
                        break;
                    }
                    block.push_str(inner);
                    block.push('\n');
                }
                if !closed {
                    return Err(OpenVpnError::UnclosedBlock(tag.to_owned()));
                }
                let pem = Pem::Inline(block);
                match tag {
                    "ca" => config.ca = Some(pem),
                    "cert" => config.cert = Some(pem),
                    "key" => config.key = Some(pem),
                    "tls-auth" => config.tls_auth = Some((pem, None)),
                    "tls-crypt" => config.tls_crypt = Some(pem),
                    "secret" => return Err(OpenVpnError::StaticKey),
                    _ => tracing::debug!(tag, "inline block skipped"),
                }
                continue;
            }
            let mut words = content.split_whitespace();
            let Some(directive) = words.next() else {
                continue;
            };
            let args: Vec<&str> = words.collect();
            match (directive, args.as_slice()) {
                ("remote", [host, rest @ ..]) => {
                    let mut entry = (*host).to_owned();
                    if let Some(remote_port) = rest.first() {
                        entry.push_str(&format!(":{}", port(remote_port, line)?));
                        if let Some(proto) = rest.get(1) {
                            entry.push_str(&format!(":{proto}"));
                        }
                    }
                    config.remotes.push(entry);
                }
                ("port", [value]) => config.port = Some(port(value, line)?),
                ("proto", [proto]) => config.tcp = proto.starts_with("tcp"),
                ("dev", [device]) | ("dev-type", [device]) => {
                    config.tap = device.starts_with("tap")
                }
                ("auth-user-pass", _) => config.auth_user_pass = true,
                ("ca", [path]) => config.ca = Some(Pem::File(PathBuf::from(path))),
                ("cert", [path]) => config.cert = Some(Pem::File(PathBuf::from(path))),
                ("key", [path]) => config.key = Some(Pem::File(PathBuf::from(path))),
                ("tls-auth", [path, rest @ ..]) => {
                    config.tls_auth = Some((
                        Pem::File(PathBuf::from(path)),
                        rest.first().map(|d| (*d).to_owned()),
                    ));
                }
                ("tls-crypt", [path]) => config.tls_crypt = Some(Pem::File(PathBuf::from(path))),
                ("key-direction", [direction]) => key_direction = Some((*direction).to_owned()),
                ("cipher", [cipher]) => config.cipher = Some((*cipher).to_owned()),
                ("data-ciphers", [ciphers]) if config.cipher.is_none() => {
                    config.cipher = ciphers.split(':').next().map(str::to_owned);
                }
                ("auth", [digest]) => config.auth = Some((*digest).to_owned()),
                ("secret", _) => return Err(OpenVpnError::StaticKey),
                _ => {}
            }
        }
        if let (Some((_, direction)), Some(key_direction)) = (&mut config.tls_auth, key_direction)
            && direction.is_none()
        {
            *direction = Some(key_direction);
        }
        if config.remotes.is_empty() {
            return Err(OpenVpnError::NoRemote);
        }
        let certificates = config.cert.is_some() && config.key.is_some();
        if !certificates && !config.auth_user_pass {
            return Err(OpenVpnError::NoCredentials);
        }
        Ok(config)
    }

    /// The plugin's connection type.
    pub fn connection_type(&self) -> &'static str {
        let certificates = self.cert.is_some() && self.key.is_some();
        match (certificates, self.auth_user_pass) {
            (true, true) => "password-tls",
            (false, true) => "password",
            _ => "tls",
        }
    }

    /// The profile for NetworkManager, named `name`, with a new uuid. Every certificate and
    /// key (inline, or a file the configuration names: relative paths are taken from
    /// `config_dir`; regular files of at most 1 MiB only) is copied into `keys` as
    /// `<uuid>-<role>`. Returns the profile and the files written; nothing is left behind
    /// when it fails.
    pub fn profile(
        &self,
        name: &str,
        keys: &KeyDir,
        config_dir: &Path,
    ) -> Result<(Settings, Vec<PathBuf>), VpnFileError> {
        let uuid = vpn_files::new_uuid()?;
        let mut written = Vec::new();
        let data = self
            .vpn_data(&uuid, keys, config_dir, &mut written)
            .inspect_err(|_| keys.remove(&written))?;
        let mut profile = Settings::new();
        settings::set(&mut profile, "connection", "type", "vpn");
        settings::set(&mut profile, "connection", "id", name);
        settings::set(&mut profile, "connection", "uuid", uuid.as_str());
        settings::set(&mut profile, "connection", "autoconnect", false);
        settings::set(&mut profile, "vpn", "service-type", SERVICE_TYPE);
        settings::set(&mut profile, "vpn", "data", data);
        settings::set(&mut profile, "ipv4", "method", "auto");
        settings::set(&mut profile, "ipv6", "method", "auto");
        Ok((profile, written))
    }

    fn vpn_data(
        &self,
        uuid: &str,
        keys: &KeyDir,
        config_dir: &Path,
        written: &mut Vec<PathBuf>,
    ) -> Result<HashMap<String, String>, VpnFileError> {
        let mut data: HashMap<String, String> = HashMap::new();
        data.insert("remote".into(), self.remotes.join(", "));
        data.insert("connection-type".into(), self.connection_type().into());
        if let Some(port) = self.port {
            data.insert("port".into(), port.to_string());
        }
        if self.tcp {
            data.insert("proto-tcp".into(), "yes".into());
        }
        data.insert(
            "dev-type".into(),
            if self.tap { "tap" } else { "tun" }.into(),
        );
        if let Some(cipher) = &self.cipher {
            data.insert("cipher".into(), cipher.clone());
        }
        if let Some(auth) = &self.auth {
            data.insert("auth".into(), auth.clone());
        }
        if self.auth_user_pass {
            // The password is asked when connecting, never stored by the import.
            data.insert("password-flags".into(), "2".into());
        }
        let mut store = |pem: &Pem, file: &str| -> Result<String, VpnFileError> {
            let contents = match pem {
                Pem::Inline(text) => zeroize::Zeroizing::new(text.as_bytes().to_vec()),
                Pem::File(path) => vpn_files::read_regular(&config_dir.join(path))?,
            };
            let path = keys.write_new(&format!("{uuid}-{file}"), &contents)?;
            written.push(path.clone());
            Ok(path.display().to_string())
        };
        if let Some(ca) = &self.ca {
            data.insert("ca".into(), store(ca, "ca.pem")?);
        }
        if let Some(cert) = &self.cert {
            data.insert("cert".into(), store(cert, "cert.pem")?);
        }
        if let Some(key) = &self.key {
            data.insert("key".into(), store(key, "key.pem")?);
        }
        if let Some((key, direction)) = &self.tls_auth {
            data.insert("ta".into(), store(key, "ta.key")?);
            if let Some(direction) = direction {
                data.insert("ta-dir".into(), direction.clone());
            }
        }
        if let Some(key) = &self.tls_crypt {
            data.insert("tls-crypt".into(), store(key, "tls-crypt.key")?);
        }
        Ok(data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "client\ndev tun\nproto udp\nremote vpn.example.org 1194\n\
        remote-random\nauth-user-pass\ncipher AES-256-GCM\nauth SHA256\nkey-direction 1\n\
        <ca>\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n</ca>\n\
        <tls-auth>\n-----BEGIN OpenVPN Static key V1-----\nabcd\n-----END OpenVPN Static key V1-----\n</tls-auth>\n";

    #[test]
    fn parses_a_sample_with_inline_blocks() {
        let config = OpenVpnConfig::parse(SAMPLE).expect("valid");
        assert_eq!(config.remotes, vec!["vpn.example.org:1194"]);
        assert!(config.auth_user_pass);
        assert_eq!(config.connection_type(), "password");
        assert_eq!(
            config
                .tls_auth
                .as_ref()
                .and_then(|(_, d)| d.clone())
                .as_deref(),
            Some("1")
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let keys = KeyDir::open(&dir.path().join("vpn")).expect("key folder");
        let (profile, written) = config.profile("Work", &keys, dir.path()).expect("profile");
        assert_eq!(written.len(), 2);
        let data = settings::get::<HashMap<String, String>>(&profile, "vpn", "data").expect("data");
        assert_eq!(data["connection-type"], "password");
        assert_eq!(data["ta-dir"], "1");
        let ca = std::fs::read_to_string(&data["ca"]).expect("ca written");
        assert!(ca.contains("BEGIN CERTIFICATE"));
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&data["ca"])
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn malformed_files_are_explained() {
        assert_eq!(
            OpenVpnConfig::parse("client\ndev tun\n"),
            Err(OpenVpnError::NoRemote)
        );
        assert_eq!(
            OpenVpnConfig::parse("remote a.example 99999\nauth-user-pass\n"),
            Err(OpenVpnError::BadPort(1))
        );
        assert_eq!(
            OpenVpnConfig::parse("remote a.example\nauth-user-pass\n<ca>\nabc\n"),
            Err(OpenVpnError::UnclosedBlock("ca".into()))
        );
        assert_eq!(
            OpenVpnConfig::parse("remote a.example\n"),
            Err(OpenVpnError::NoCredentials)
        );
        assert_eq!(
            OpenVpnConfig::parse("remote a.example\nsecret static.key\n"),
            Err(OpenVpnError::StaticKey)
        );
    }

    fn inline(ca: &str, key: &str) -> String {
        format!(
            "remote vpn.example.org 1194\n<ca>\n{ca}\n</ca>\n<cert>\ncert\n</cert>\n<key>\n{key}\n</key>\n"
        )
    }

    #[test]
    fn two_imports_keep_their_own_key_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let keys = KeyDir::open(&dir.path().join("vpn")).expect("key folder");
        let mut written = Vec::new();
        for (name, secret) in [("Київ офіс", "KYIV-KEY"), ("東京オフィス", "TOKYO-KEY")]
        {
            let config =
                OpenVpnConfig::parse(&inline(&format!("{secret}-CA"), secret)).expect("valid");
            let (profile, _) = config.profile(name, &keys, dir.path()).expect("profile");
            let data =
                settings::get::<HashMap<String, String>>(&profile, "vpn", "data").expect("data");
            written.push((data["ca"].clone(), data["key"].clone(), secret));
        }
        assert_ne!(written[0].0, written[1].0, "both CAs in one file");
        assert_ne!(written[0].1, written[1].1, "both keys in one file");
        for (ca, key, secret) in written {
            assert_eq!(
                std::fs::read_to_string(&key).expect("key"),
                format!("{secret}\n")
            );
            assert_eq!(
                std::fs::read_to_string(&ca).expect("ca"),
                format!("{secret}-CA\n")
            );
        }
    }

    #[test]
    fn files_the_configuration_names_are_copied_and_devices_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let keys = KeyDir::open(&dir.path().join("vpn")).expect("key folder");
        std::fs::write(dir.path().join("ca.pem"), "MY-CA\n").expect("ca");
        let config =
            OpenVpnConfig::parse("remote a.example\nca ca.pem\nauth-user-pass\n").expect("valid");
        let (profile, written) = config.profile("x", &keys, dir.path()).expect("profile");
        let data = settings::get::<HashMap<String, String>>(&profile, "vpn", "data").expect("data");
        assert!(
            Path::new(&data["ca"]).starts_with(keys.path()),
            "{} is not a copy",
            data["ca"]
        );
        assert_eq!(written, vec![PathBuf::from(&data["ca"])]);
        assert_eq!(
            std::fs::read_to_string(&data["ca"]).expect("copy"),
            "MY-CA\n"
        );

        // A device is not handed to NetworkManager, and nothing is left behind.
        let config = OpenVpnConfig::parse(
            "remote a.example\nca ca.pem\ncert /dev/zero\nkey k.pem\nauth-user-pass\n",
        )
        .expect("valid");
        let started = std::time::Instant::now();
        assert_eq!(
            config.profile("y", &keys, dir.path()).map(|_| ()),
            Err(VpnFileError::NotAFile("/dev/zero".into()))
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(std::fs::read_dir(keys.path()).expect("list").count(), 1);
        let config = OpenVpnConfig::parse("remote a.example\nca /dev/zero\nauth-user-pass\n")
            .expect("valid");
        assert_eq!(
            config.profile("z", &keys, dir.path()).map(|_| ()),
            Err(VpnFileError::NotAFile("/dev/zero".into()))
        );
    }
}
