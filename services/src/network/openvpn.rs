//! OpenVPN configuration files (`.ovpn`), turned into a NetworkManager `vpn` profile for
//! its OpenVPN plugin. Certificates and keys given inline (`<ca>…</ca>`) are written to
//! files beside the profile, as NetworkManager's own importer does, because the plugin
//! takes paths.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::settings::{self, Settings};

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

    /// The profile for NetworkManager, named `name`. Inline certificates and keys are
    /// written to `key_dir` (made private to the user); relative paths are taken from
    /// `config_dir`.
    pub fn profile(
        &self,
        name: &str,
        key_dir: &Path,
        config_dir: &Path,
    ) -> std::io::Result<Settings> {
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
        let store = |pem: &Pem, file: &str| -> std::io::Result<String> {
            match pem {
                Pem::File(path) if path.is_absolute() => Ok(path.display().to_string()),
                Pem::File(path) => Ok(config_dir.join(path).display().to_string()),
                Pem::Inline(text) => {
                    std::fs::create_dir_all(key_dir)?;
                    let path =
                        key_dir.join(format!("{}-{file}", super::wireguard::interface_name(name)));
                    write_private(&path, text)?;
                    Ok(path.display().to_string())
                }
            }
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
        let mut profile = Settings::new();
        settings::set(&mut profile, "connection", "type", "vpn");
        settings::set(&mut profile, "connection", "id", name);
        settings::set(&mut profile, "connection", "autoconnect", false);
        settings::set(&mut profile, "vpn", "service-type", SERVICE_TYPE);
        settings::set(&mut profile, "vpn", "data", data);
        settings::set(&mut profile, "ipv4", "method", "auto");
        settings::set(&mut profile, "ipv6", "method", "auto");
        Ok(profile)
    }
}

/// Writes a key file readable by its owner only.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())
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
        let profile = config
            .profile("Work", dir.path(), dir.path())
            .expect("profile");
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
}
