//! The Network page: every device with its state, addresses and speed; Wi-Fi
//! networks to join (passwords checked before they are sent), saved networks to
//! forget; a connection's IP settings; WireGuard tunnels imported from a file;
//! airplane mode; and a sign-in banner behind captive portals. Everything goes
//! through NetworkManager, which checks polkit.

mod describe;
mod view;

use ferrum_i18n::fl;
use ferrum_services::dns::DotMode;
use ferrum_services::network::{
    self, AgentEvent, ConnectionConfig, Credentials, EapMethod, Enterprise, Family,
    HotspotNameError, InnerAuth, IpForm, IpFormError, Metered, MethodChoice, NetworkCommandError,
    Overview, PasswordError, ProfileForm, SecretKind, SecretRequest, Security, Ssid, StateReason,
    WifiPassword,
};
use ferrum_services::network_status::{Connectivity, NetworkError};
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_ui::{Effect, WidgetId};
use futures::StreamExt;
use iced::{Element, Subscription};
use zeroize::Zeroizing;

use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;

use crate::page::{self as contract, Context, Outcome, PageRequest};

pub use describe::{command_error_text, form_error_text, password_error_text, reason_text};
pub use view::{
    HIDDEN_NAME_ID, HOTSPOT_NAME_ID, IDENTITY_ID, MTU_ID, PASSWORD_ID, SECRET_ID, VPN_FILE_ID,
};

/// A field of the connection settings form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// An address (with or without `/prefix`).
    Address(Family),
    /// A prefix length or netmask.
    Prefix(Family),
    /// A gateway.
    Gateway(Family),
    /// DNS servers.
    Dns,
    /// The MTU.
    Mtu,
}

/// A connection's settings as the user edits them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionForm {
    /// IPv4.
    pub ipv4: IpForm,
    /// IPv6.
    pub ipv6: IpForm,
    /// DNS servers, comma separated.
    pub dns: String,
    /// The DNS line the profile had (unchanged, with the same encryption, means "leave
    /// DNS alone").
    pub dns_before: String,
    /// DNS-over-TLS for this connection (`None`: the system's setting, from the Private
    /// DNS page).
    pub dot: Option<DotMode>,
    /// The encryption the profile had.
    pub dot_before: Option<DotMode>,
    /// Metered.
    pub metered: Metered,
    /// MTU, empty for automatic.
    pub mtu: String,
}

impl ConnectionForm {
    fn family(&mut self, family: Family) -> &mut IpForm {
        match family {
            Family::V4 => &mut self.ipv4,
            Family::V6 => &mut self.ipv6,
        }
    }

    /// Checks the whole form.
    pub fn config(&self) -> Result<ConnectionConfig, IpFormError> {
        let ipv4 = self.ipv4.check(Family::V4)?;
        let ipv6 = self.ipv6.check(Family::V6)?;
        let dns = if self.dns.trim() == self.dns_before.trim() && self.dot == self.dot_before {
            None
        } else {
            Some(network::parse_dns(&self.dns, self.dot)?)
        };
        Ok(ConnectionConfig {
            ipv4,
            ipv6,
            dns,
            dot: self.dot,
            metered: self.metered,
            mtu: network::parse_mtu(&self.mtu)?,
        })
    }
}

/// The settings page of one saved connection.
#[derive(Debug, Clone, PartialEq)]
pub struct ConnectionPage {
    /// The profile's object path.
    pub profile: String,
    /// Its name.
    pub name: String,
    /// The form, once read.
    pub form: Option<ConnectionForm>,
    /// Why the form cannot be applied (nothing was sent).
    pub form_error: Option<IpFormError>,
    /// An apply is under way.
    pub applying: bool,
    /// The last apply succeeded.
    pub applied: bool,
}

/// Joining a Wi-Fi network: the password dialog.
#[derive(Clone, PartialEq)]
pub struct JoinDialog {
    /// The Wi-Fi device.
    pub device: String,
    /// The access point, `None` for a hidden network.
    pub access_point: Option<String>,
    /// The network's name (typed, for a hidden network).
    pub ssid: Ssid,
    /// The name as typed (hidden networks).
    pub ssid_text: String,
    /// The security.
    pub security: Security,
    /// The password as typed; zeroized when dropped.
    pub password: Zeroizing<String>,
    /// Show the password's characters.
    pub reveal: bool,
    /// Enterprise: user name.
    pub identity: String,
    /// Enterprise: outer method.
    pub eap: EapMethod,
    /// Enterprise: inner authentication.
    pub inner: InnerAuth,
    /// Enterprise: CA certificate file, empty for the system's CAs.
    pub ca_certificate: String,
    /// Enterprise: the server's domain.
    pub domain: String,
    /// Why the password was not sent.
    pub error: Option<PasswordError>,
    /// Why the last attempt failed (the password is kept for another try).
    pub failure: Option<NetworkCommandError>,
    /// Waiting for NetworkManager.
    pub connecting: bool,
}

impl std::fmt::Debug for JoinDialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JoinDialog")
            .field("device", &self.device)
            .field("ssid", &self.ssid)
            .field("security", &self.security)
            .field("password", &"<redacted>")
            .field("error", &self.error)
            .field("failure", &self.failure)
            .field("connecting", &self.connecting)
            .finish_non_exhaustive()
    }
}

impl JoinDialog {
    fn new(device: String, access_point: Option<String>, ssid: Ssid, security: Security) -> Self {
        Self {
            device,
            access_point,
            ssid_text: ssid.display(),
            ssid,
            security,
            password: Zeroizing::new(String::new()),
            reveal: false,
            identity: String::new(),
            eap: EapMethod::Peap,
            inner: InnerAuth::Mschapv2,
            ca_certificate: String::new(),
            domain: String::new(),
            error: None,
            failure: None,
            connecting: false,
        }
    }

    /// Whether this dialog joins a hidden network (the name is typed).
    pub fn is_hidden(&self) -> bool {
        self.access_point.is_none()
    }

    fn credentials(&self) -> Result<Credentials, PasswordError> {
        match self.security {
            Security::Open | Security::EnhancedOpen => Ok(Credentials::None),
            Security::Enterprise => {
                if self.identity.trim().is_empty() {
                    return Err(PasswordError::MissingIdentity);
                }
                let enterprise = Enterprise {
                    method: self.eap,
                    inner: self.inner,
                    identity: self.identity.trim().to_owned(),
                    anonymous_identity: String::new(),
                    ca_certificate: Some(self.ca_certificate.trim())
                        .filter(|path| !path.is_empty())
                        .map(Into::into),
                    domain: self.domain.trim().to_owned(),
                };
                Ok(Credentials::Enterprise(
                    enterprise,
                    WifiPassword::parse(&self.password, self.security)?,
                ))
            }
            security => Ok(Credentials::Password(WifiPassword::parse(
                &self.password,
                security,
            )?)),
        }
    }
}

/// Sharing the connection: the hotspot dialog.
#[derive(Clone, PartialEq)]
pub struct HotspotDialog {
    /// The Wi-Fi device.
    pub device: String,
    /// Its interface.
    pub interface: String,
    /// The network name to offer.
    pub name: String,
    /// The password (generated, editable); zeroized when dropped.
    pub password: Zeroizing<String>,
    /// Why the name was not accepted (1 to 32 bytes).
    pub name_error: Option<HotspotNameError>,
    /// Why the password was not accepted.
    pub error: Option<PasswordError>,
    /// Why starting failed.
    pub failure: Option<NetworkCommandError>,
    /// Waiting for NetworkManager.
    pub starting: bool,
}

impl std::fmt::Debug for HotspotDialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HotspotDialog")
            .field("device", &self.device)
            .field("name", &self.name)
            .field("password", &"<redacted>")
            .field("name_error", &self.name_error)
            .field("error", &self.error)
            .field("failure", &self.failure)
            .field("starting", &self.starting)
            .finish()
    }
}

/// The hotspot this page started: what the QR code shows.
#[derive(Clone, PartialEq)]
pub struct SharedNetwork {
    /// The network name.
    pub name: String,
    /// The password.
    pub password: Zeroizing<String>,
}

impl std::fmt::Debug for SharedNetwork {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedNetwork")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// NetworkManager asks for a password (its secret agent).
#[derive(Clone, PartialEq)]
pub struct SecretPrompt {
    /// The question.
    pub request: SecretRequest,
    /// What the person typed; zeroized when dropped.
    pub typed: Zeroizing<String>,
    /// Why it was not sent.
    pub error: Option<PasswordError>,
}

impl std::fmt::Debug for SecretPrompt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretPrompt")
            .field("request", &self.request)
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

impl SecretPrompt {
    /// The security the typed secret is checked against.
    fn security(&self) -> Security {
        match self.request.kind {
            SecretKind::Wifi(security) => security,
            _ => Security::Enterprise,
        }
    }
}

/// Which page is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Page {
    /// Devices, Wi-Fi networks and VPNs.
    Overview,
    /// One connection's settings.
    Connection(ConnectionPage),
}

/// The page's state.
#[derive(Debug, Clone)]
pub struct State {
    bus: SystemBus,
    /// NetworkManager's picture.
    pub overview: ServiceStatus<Overview, NetworkError>,
    /// The page shown.
    pub page: Page,
    /// The Wi-Fi join dialog, when open.
    pub join: Option<JoinDialog>,
    /// The WireGuard file to import.
    pub vpn_file: String,
    /// The last import's outcome.
    pub imported: Option<String>,
    /// A command is under way (its label is shown).
    pub busy: bool,
    /// The last failed command.
    pub error: Option<ErrorReport>,
    /// The portal banner was acted on: a connectivity re-check is under way.
    pub rechecking: bool,
    /// The hotspot dialog, when open.
    pub hotspot: Option<HotspotDialog>,
    /// The hotspot started from this page (for its QR code).
    pub shared: Option<SharedNetwork>,
    /// NetworkManager's question for a password, when one is open.
    pub secret: Option<SecretPrompt>,
    /// The secret agent is registered with NetworkManager.
    pub agent_registered: bool,
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// NetworkManager changed, appeared or went away.
    Overview(ServiceUpdate<Overview, NetworkError>),
    /// Airplane mode on or off.
    AirplaneToggled(bool),
    /// Wi-Fi radio on or off.
    WifiToggled(bool),
    /// Scan for Wi-Fi networks.
    Scan(String),
    /// Bring a device up with its best connection.
    DeviceConnect(String),
    /// Take a device down.
    DeviceDisconnect(String),
    /// Open a saved connection's settings.
    OpenSettings(String),
    /// A connection's settings were read.
    FormLoaded(String, Result<ProfileForm, NetworkCommandError>),
    /// DNS-over-TLS for the connection chosen (`None`: the system's setting).
    DotChosen(Option<DotMode>),
    /// How a family gets its addresses.
    MethodChosen(Family, MethodChoice),
    /// A form field was edited.
    FieldChanged(Field, String),
    /// Metered chosen.
    MeteredChosen(Metered),
    /// Apply the settings form.
    ApplySettings,
    /// NetworkManager applied (or refused) the settings.
    SettingsApplied(Result<(), NetworkCommandError>),
    /// Back to the overview.
    Back,
    /// Join a Wi-Fi network (device, access point).
    Join(String, String),
    /// Join a hidden network on a device.
    JoinHidden(String),
    /// The hidden network's name was edited.
    JoinSsidChanged(String),
    /// The hidden network's security was chosen.
    JoinSecurityChosen(Security),
    /// The password was edited.
    PasswordChanged(String),
    /// Show or hide the password.
    RevealToggled(bool),
    /// Enterprise: user name edited.
    IdentityChanged(String),
    /// Enterprise: outer method chosen.
    EapChosen(EapMethod),
    /// Enterprise: inner authentication chosen.
    InnerChosen(InnerAuth),
    /// Enterprise: CA certificate path edited.
    CaCertificateChanged(String),
    /// Enterprise: server domain edited.
    DomainChanged(String),
    /// Send the join request.
    JoinConfirm,
    /// Close the dialog.
    JoinCancel,
    /// NetworkManager joined (or did not).
    Joined(Result<(), NetworkCommandError>),
    /// Forget a saved network.
    Forget(String),
    /// Connect by itself or not.
    AutoconnectToggled(String, bool),
    /// Bring a VPN up (profile) or down (active connection).
    VpnToggled(String, bool),
    /// The WireGuard file path was edited.
    VpnFileChanged(String),
    /// Import the WireGuard file.
    ImportVpn,
    /// The import finished (the new profile's path).
    Imported(Result<String, NetworkCommandError>),
    /// Open the portal's sign-in page.
    SignIn,
    /// Check connectivity again.
    Recheck,
    /// The re-check answered.
    Rechecked(Result<Connectivity, NetworkCommandError>),
    /// Open the hotspot dialog for a Wi-Fi device (path, interface).
    OpenHotspot(String, String),
    /// The hotspot's name was edited.
    HotspotNameChanged(String),
    /// The hotspot's password was edited.
    HotspotPasswordChanged(String),
    /// Start the hotspot.
    StartHotspot,
    /// Close the hotspot dialog.
    HotspotCancel,
    /// Turn the hotspot off (its active connection).
    StopHotspot(String),
    /// NetworkManager started (or did not start) the hotspot.
    HotspotStarted(Result<(), NetworkCommandError>),
    /// The secret agent reported.
    Agent(AgentEvent),
    /// The asked-for password was edited.
    SecretChanged(String),
    /// Send the password to NetworkManager.
    SecretConfirm,
    /// Tell NetworkManager the person cancelled.
    SecretCancel,
    /// Any other command finished.
    Done(Result<(), NetworkCommandError>),
    /// The user acted on the error report.
    Report(error_report::Message),
    /// A secret was handed to (or withheld from) NetworkManager.
    SecretHandedOver,
}

/// Work for NetworkManager that `update` asks the caller to run.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Airplane mode.
    SetAirplaneMode(bool),
    /// The Wi-Fi radio.
    SetWifi(bool),
    /// Scan on a device.
    Scan(String),
    /// Bring up the best connection on a device.
    ConnectDevice(String),
    /// Take a device down.
    DisconnectDevice(String),
    /// Read a profile's settings into the form.
    LoadForm(String),
    /// Save and apply a profile's settings.
    ApplyConfig(String, ConnectionConfig),
    /// Join a Wi-Fi network.
    Join {
        /// The Wi-Fi device.
        device: String,
        /// The access point (`None` for hidden networks).
        access_point: Option<String>,
        /// The network's name.
        ssid: Ssid,
        /// Its security.
        security: Security,
        /// The secret.
        credentials: Credentials,
    },
    /// Delete a profile.
    Forget(String),
    /// Connect by itself or not.
    SetAutoconnect(String, bool),
    /// Bring a profile up.
    Activate(String),
    /// Take an active connection down.
    Deactivate(String),
    /// Import a WireGuard file.
    ImportWireGuard(String),
    /// Open a web page in the default browser.
    OpenUri(String),
    /// Ask NetworkManager to check connectivity.
    CheckConnectivity,
    /// Share the connection over Wi-Fi.
    StartHotspot {
        /// The Wi-Fi device.
        device: String,
        /// Its interface.
        interface: String,
        /// The network name.
        ssid: Ssid,
        /// The password.
        password: WifiPassword,
    },
    /// Answer NetworkManager's question (`None`: cancelled).
    AnswerSecret(SecretRequest, Option<WifiPassword>),
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, bus: SystemBus) -> Message {
        let done = Message::Done;
        match self {
            Request::SetAirplaneMode(on) => done(network::set_airplane_mode(&bus, on).await),
            Request::SetWifi(on) => done(network::set_wifi_enabled(&bus, on).await),
            Request::Scan(device) => done(network::request_scan(&bus, &device).await),
            Request::ConnectDevice(device) => {
                done(network::activate(&bus, "/", Some(&device)).await)
            }
            Request::DisconnectDevice(device) => {
                done(network::disconnect_device(&bus, &device).await)
            }
            Request::LoadForm(profile) => {
                let form = network::profile_form(&bus, &profile).await;
                Message::FormLoaded(profile, form)
            }
            Request::ApplyConfig(profile, config) => {
                Message::SettingsApplied(network::apply_config(&bus, &profile, &config).await)
            }
            Request::Join {
                device,
                access_point,
                ssid,
                security,
                credentials,
            } => {
                let hidden = access_point.is_none();
                Message::Joined(
                    network::connect_wifi(
                        &bus,
                        &device,
                        access_point.as_deref(),
                        &ssid,
                        security,
                        &credentials,
                        hidden,
                    )
                    .await,
                )
            }
            Request::Forget(profile) => done(network::forget(&bus, &profile).await),
            Request::SetAutoconnect(profile, on) => {
                done(network::set_autoconnect(&bus, &profile, on).await)
            }
            Request::Activate(profile) => done(network::activate(&bus, &profile, None).await),
            Request::Deactivate(active) => done(network::deactivate(&bus, &active).await),
            Request::ImportWireGuard(path) => Message::Imported(
                network::import_vpn_file(&bus, std::path::Path::new(path.trim())).await,
            ),
            Request::CheckConnectivity => {
                Message::Rechecked(network::check_connectivity(&bus).await)
            }
            Request::OpenUri(uri) => done(network::open_sign_in_page(&uri).await),
            Request::StartHotspot {
                device,
                interface,
                ssid,
                password,
            } => Message::HotspotStarted(
                network::start_hotspot(&bus, &device, &interface, &ssid, &password).await,
            ),
            Request::AnswerSecret(request, secret) => {
                let delivered = match secret {
                    Some(secret) => request.answer(secret.expose()),
                    None => request.cancel(),
                };
                if !delivered {
                    tracing::info!(?request, "NetworkManager stopped waiting for the secret");
                }
                Message::SecretHandedOver
            }
        }
    }
}

impl State {
    /// A page that has read nothing yet, on `bus`.
    pub fn on(bus: SystemBus) -> Self {
        Self {
            bus,
            overview: ServiceStatus::Loading,
            page: Page::Overview,
            join: None,
            vpn_file: String::new(),
            imported: None,
            busy: false,
            error: None,
            rechecking: false,
            hotspot: None,
            shared: None,
            secret: None,
            agent_registered: false,
        }
    }

    /// Whether NetworkManager says a sign-in page stands between this machine and the internet.
    pub fn portal(&self) -> bool {
        self.overview
            .ready()
            .is_some_and(|overview| overview.connectivity == Connectivity::Portal)
    }

    fn fail(&mut self, error: &NetworkCommandError) {
        tracing::warn!(%error, "network command failed");
        self.error = Some(ErrorReport::new(
            command_error_text(error),
            error.to_string(),
        ));
    }

    fn connection_page(&mut self) -> Option<&mut ConnectionPage> {
        match &mut self.page {
            Page::Connection(page) => Some(page),
            Page::Overview => None,
        }
    }

    fn edit_form(&mut self, edit: impl FnOnce(&mut ConnectionForm)) {
        if let Some(page) = self.connection_page()
            && let Some(form) = &mut page.form
        {
            edit(form);
            page.applied = false;
            if page.form_error.is_some() {
                page.form_error = form.config().err();
            }
        }
    }

    fn edit_join(&mut self, edit: impl FnOnce(&mut JoinDialog)) {
        if let Some(dialog) = &mut self.join {
            edit(dialog);
            if dialog.error.is_some() {
                dialog.error = dialog.credentials().err();
            }
        }
    }

    /// Applies a message; returns work for NetworkManager, if any.
    fn apply(&mut self, message: Message) -> Option<Outcome<Request>> {
        match message {
            Message::Overview(update) => {
                if let ServiceUpdate::Available(overview) = &update {
                    if overview.connectivity != Connectivity::Portal {
                        self.rechecking = false;
                    }
                    // A page of a deleted profile closes.
                    if let Page::Connection(page) = &self.page
                        && overview.connection(&page.profile).is_none()
                    {
                        self.page = Page::Overview;
                    }
                }
                self.overview = update.into();
                None
            }
            Message::AirplaneToggled(on) => Some(Outcome::request(Request::SetAirplaneMode(on))),
            Message::WifiToggled(on) => Some(Outcome::request(Request::SetWifi(on))),
            Message::Scan(device) => Some(Outcome::request(Request::Scan(device))),
            Message::DeviceConnect(device) => {
                self.busy = true;
                Some(Outcome::request(Request::ConnectDevice(device)))
            }
            Message::DeviceDisconnect(device) => {
                Some(Outcome::request(Request::DisconnectDevice(device)))
            }
            Message::OpenSettings(profile) => {
                let name = self
                    .overview
                    .ready()
                    .and_then(|overview| overview.connection(&profile))
                    .map(|connection| connection.id.clone())
                    .unwrap_or_default();
                self.page = Page::Connection(ConnectionPage {
                    profile: profile.clone(),
                    name,
                    form: None,
                    form_error: None,
                    applying: false,
                    applied: false,
                });
                Some(Outcome::request(Request::LoadForm(profile)))
            }
            Message::FormLoaded(profile, result) => {
                let saved = self
                    .overview
                    .ready()
                    .and_then(|overview| overview.connection(&profile))
                    .cloned();
                let page = self
                    .connection_page()
                    .filter(|page| page.profile == profile)?;
                match result {
                    Ok(loaded) => {
                        page.form = Some(ConnectionForm {
                            ipv4: loaded.ipv4,
                            ipv6: loaded.ipv6,
                            dns_before: loaded.dns.clone(),
                            dns: loaded.dns,
                            dot: loaded.dot,
                            dot_before: loaded.dot,
                            metered: saved.as_ref().map_or(Metered::Automatic, |s| s.metered),
                            mtu: saved
                                .as_ref()
                                .map(|s| s.mtu)
                                .filter(|mtu| *mtu > 0)
                                .map(|mtu| mtu.to_string())
                                .unwrap_or_default(),
                        });
                    }
                    Err(error) => {
                        self.page = Page::Overview;
                        self.fail(&error);
                    }
                }
                None
            }
            Message::MethodChosen(family, method) => {
                self.edit_form(|form| form.family(family).method = method);
                None
            }
            Message::FieldChanged(field, text) => {
                self.edit_form(|form| match field {
                    Field::Address(family) => form.family(family).address = text,
                    Field::Prefix(family) => form.family(family).prefix = text,
                    Field::Gateway(family) => form.family(family).gateway = text,
                    Field::Dns => form.dns = text,
                    Field::Mtu => form.mtu = text,
                });
                None
            }
            Message::DotChosen(dot) => {
                self.edit_form(|form| form.dot = dot);
                None
            }
            Message::MeteredChosen(metered) => {
                self.edit_form(|form| form.metered = metered);
                None
            }
            Message::ApplySettings => {
                let page = self.connection_page()?;
                let form = page.form.as_ref()?;
                match form.config() {
                    Ok(config) => {
                        page.form_error = None;
                        page.applying = true;
                        page.applied = false;
                        let profile = page.profile.clone();
                        self.error = None;
                        Some(Outcome::request(Request::ApplyConfig(profile, config)))
                    }
                    Err(error) => {
                        page.form_error = Some(error);
                        None
                    }
                }
            }
            Message::SettingsApplied(result) => {
                if let Some(page) = self.connection_page() {
                    page.applying = false;
                    page.applied = result.is_ok();
                    if let Ok(()) = result
                        && let Some(form) = &mut page.form
                    {
                        form.dns_before = form.dns.clone();
                        form.dot_before = form.dot;
                    }
                }
                if let Err(error) = result {
                    self.fail(&error);
                }
                None
            }
            Message::Back => {
                self.page = Page::Overview;
                None
            }
            Message::Join(device, access_point) => {
                let overview = self.overview.ready()?;
                let network = overview
                    .device(&device)?
                    .networks
                    .iter()
                    .find(|network| network.path == access_point)?
                    .clone();
                // A saved network, or one without a password, is joined at once.
                if network.known
                    || !network.security.needs_password()
                        && network.security != Security::Enterprise
                {
                    self.busy = true;
                    return Some(Outcome::request(Request::Join {
                        device,
                        access_point: Some(access_point),
                        ssid: network.ssid,
                        security: network.security,
                        credentials: Credentials::None,
                    }));
                }
                let focus = if network.security == Security::Enterprise {
                    IDENTITY_ID
                } else {
                    PASSWORD_ID
                };
                self.join = Some(JoinDialog::new(
                    device,
                    Some(access_point),
                    network.ssid,
                    network.security,
                ));
                Some(Outcome::effect(Effect::Focus(WidgetId::new(focus))))
            }
            Message::JoinHidden(device) => {
                self.join = Some(JoinDialog::new(
                    device,
                    None,
                    Ssid::default(),
                    Security::WpaPersonal,
                ));
                Some(Outcome::effect(Effect::Focus(WidgetId::new(
                    HIDDEN_NAME_ID,
                ))))
            }
            Message::JoinSsidChanged(text) => {
                self.edit_join(|dialog| {
                    dialog.ssid = Ssid::from(text.as_str());
                    dialog.ssid_text = text;
                });
                None
            }
            Message::JoinSecurityChosen(security) => {
                self.edit_join(|dialog| dialog.security = security);
                None
            }
            Message::PasswordChanged(text) => {
                self.edit_join(|dialog| {
                    dialog.password = Zeroizing::new(text);
                    dialog.failure = None;
                });
                None
            }
            Message::RevealToggled(on) => {
                self.edit_join(|dialog| dialog.reveal = on);
                None
            }
            Message::IdentityChanged(text) => {
                self.edit_join(|dialog| dialog.identity = text);
                None
            }
            Message::EapChosen(method) => {
                self.edit_join(|dialog| {
                    dialog.eap = method;
                    if method == EapMethod::Peap {
                        dialog.inner = InnerAuth::Mschapv2;
                    }
                });
                None
            }
            Message::InnerChosen(inner) => {
                self.edit_join(|dialog| dialog.inner = inner);
                None
            }
            Message::CaCertificateChanged(text) => {
                self.edit_join(|dialog| dialog.ca_certificate = text);
                None
            }
            Message::DomainChanged(text) => {
                self.edit_join(|dialog| dialog.domain = text);
                None
            }
            Message::JoinConfirm => {
                let dialog = self.join.as_mut()?;
                if dialog.connecting || dialog.is_hidden() && dialog.ssid.0.is_empty() {
                    return None;
                }
                match dialog.credentials() {
                    Ok(credentials) => {
                        dialog.error = None;
                        dialog.failure = None;
                        dialog.connecting = true;
                        Some(Outcome::request(Request::Join {
                            device: dialog.device.clone(),
                            access_point: dialog.access_point.clone(),
                            ssid: dialog.ssid.clone(),
                            security: dialog.security,
                            credentials,
                        }))
                    }
                    Err(error) => {
                        dialog.error = Some(error);
                        None
                    }
                }
            }
            Message::JoinCancel => {
                self.join = None;
                None
            }
            Message::Joined(result) => {
                self.busy = false;
                match (result, &mut self.join) {
                    (Ok(()), _) => self.join = None,
                    // The dialog stays open with what was typed, and says why.
                    (Err(error), Some(dialog)) => {
                        dialog.connecting = false;
                        dialog.failure = Some(error);
                    }
                    (Err(error), None) => self.fail(&error),
                }
                None
            }
            Message::Forget(profile) => Some(Outcome::request(Request::Forget(profile))),
            Message::AutoconnectToggled(profile, on) => {
                Some(Outcome::request(Request::SetAutoconnect(profile, on)))
            }
            Message::VpnToggled(path, on) => {
                if on {
                    self.busy = true;
                    Some(Outcome::request(Request::Activate(path)))
                } else {
                    Some(Outcome::request(Request::Deactivate(path)))
                }
            }
            Message::VpnFileChanged(text) => {
                self.vpn_file = text;
                None
            }
            Message::ImportVpn => {
                if self.vpn_file.trim().is_empty() {
                    return None;
                }
                self.imported = None;
                self.error = None;
                Some(Outcome::request(Request::ImportWireGuard(
                    self.vpn_file.clone(),
                )))
            }
            Message::Imported(result) => {
                match result {
                    Ok(path) => {
                        self.imported = Some(path);
                        self.vpn_file.clear();
                    }
                    Err(error) => self.fail(&error),
                }
                None
            }
            Message::SignIn => {
                let uri = self
                    .overview
                    .ready()
                    .and_then(|overview| overview.connectivity_check_uri.clone())
                    .unwrap_or_else(|| {
                        "http://nmcheck.gnome.org/check_network_status.txt".to_owned()
                    });
                Some(Outcome::request(Request::OpenUri(uri)))
            }
            Message::Recheck => {
                self.rechecking = true;
                Some(Outcome::request(Request::CheckConnectivity))
            }
            Message::Rechecked(result) => {
                self.rechecking = false;
                if let Err(error) = result {
                    self.fail(&error);
                }
                None
            }
            Message::OpenHotspot(device, interface) => {
                let password = match network::generate_hotspot_password() {
                    Ok(password) => password,
                    Err(error) => {
                        tracing::warn!(%error, "no random source for a hotspot password");
                        String::new()
                    }
                };
                self.hotspot = Some(HotspotDialog {
                    device,
                    interface,
                    name: hotspot_name(),
                    password: Zeroizing::new(password),
                    name_error: None,
                    error: None,
                    failure: None,
                    starting: false,
                });
                Some(Outcome::effect(Effect::Focus(WidgetId::new(
                    HOTSPOT_NAME_ID,
                ))))
            }
            Message::HotspotNameChanged(name) => {
                if let Some(dialog) = &mut self.hotspot {
                    dialog.name = name;
                    if dialog.name_error.is_some() {
                        dialog.name_error = network::check_hotspot_name(&dialog.name).err();
                    }
                }
                None
            }
            Message::HotspotPasswordChanged(password) => {
                if let Some(dialog) = &mut self.hotspot {
                    dialog.password = Zeroizing::new(password);
                    if dialog.error.is_some() {
                        dialog.error =
                            WifiPassword::parse(&dialog.password, Security::WpaPersonal).err();
                    }
                }
                None
            }
            Message::StartHotspot => {
                let dialog = self.hotspot.as_mut()?;
                if dialog.starting {
                    return None;
                }
                let ssid = network::check_hotspot_name(&dialog.name);
                let password = WifiPassword::parse(&dialog.password, Security::WpaPersonal);
                dialog.name_error = ssid.as_ref().err().copied();
                dialog.error = password.as_ref().err().copied();
                let (Ok(ssid), Ok(password)) = (ssid, password) else {
                    return None;
                };
                dialog.failure = None;
                dialog.starting = true;
                Some(Outcome::request(Request::StartHotspot {
                    device: dialog.device.clone(),
                    interface: dialog.interface.clone(),
                    ssid,
                    password,
                }))
            }
            Message::HotspotCancel => {
                self.hotspot = None;
                None
            }
            Message::StopHotspot(active) => {
                self.shared = None;
                Some(Outcome::request(Request::Deactivate(active)))
            }
            Message::HotspotStarted(result) => {
                match (result, self.hotspot.take()) {
                    (Ok(()), Some(dialog)) => {
                        self.shared = Some(SharedNetwork {
                            name: dialog.name.trim().to_owned(),
                            password: dialog.password.clone(),
                        });
                    }
                    (Err(error), Some(mut dialog)) => {
                        dialog.starting = false;
                        dialog.failure = Some(error);
                        self.hotspot = Some(dialog);
                    }
                    (Err(error), None) => self.fail(&error),
                    (Ok(()), None) => {}
                }
                None
            }
            Message::Agent(event) => match event {
                AgentEvent::Registered => {
                    self.agent_registered = true;
                    None
                }
                AgentEvent::Unavailable | AgentEvent::Failed(_) => {
                    self.agent_registered = false;
                    None
                }
                AgentEvent::Request(request) => {
                    // A newer question replaces an open one, which is cancelled.
                    let replaced = self.secret.take().map(|open| open.request);
                    self.secret = Some(SecretPrompt {
                        request,
                        typed: Zeroizing::new(String::new()),
                        error: None,
                    });
                    match replaced {
                        Some(old) => Some(Outcome::request(Request::AnswerSecret(old, None))),
                        None => Some(Outcome::effect(Effect::Focus(WidgetId::new(SECRET_ID)))),
                    }
                }
                AgentEvent::Cancelled {
                    connection_path,
                    setting,
                } => {
                    if self.secret.as_ref().is_some_and(|open| {
                        open.request.connection_path == connection_path
                            && open.request.setting == setting
                    }) {
                        self.secret = None;
                    }
                    None
                }
            },
            Message::SecretChanged(text) => {
                if let Some(prompt) = &mut self.secret {
                    prompt.typed = Zeroizing::new(text);
                    if prompt.error.is_some() {
                        prompt.error = WifiPassword::parse(&prompt.typed, prompt.security()).err();
                    }
                }
                None
            }
            Message::SecretConfirm => {
                let prompt = self.secret.as_mut()?;
                match WifiPassword::parse(&prompt.typed, prompt.security()) {
                    Ok(secret) => {
                        let request = prompt.request.clone();
                        self.secret = None;
                        Some(Outcome::request(Request::AnswerSecret(
                            request,
                            Some(secret),
                        )))
                    }
                    Err(error) => {
                        prompt.error = Some(error);
                        None
                    }
                }
            }
            Message::SecretCancel => {
                let prompt = self.secret.take()?;
                Some(Outcome::request(Request::AnswerSecret(
                    prompt.request,
                    None,
                )))
            }
            Message::Done(result) => {
                self.busy = false;
                if let Err(error) = result {
                    self.fail(&error);
                }
                None
            }
            Message::SecretHandedOver => None,
            Message::Report(message) => Some(Outcome::effect(error_report::update(
                &mut self.error,
                message,
            ))),
        }
    }
}

impl contract::Page for State {
    type Message = Message;
    type Request = Request;

    fn new(context: &Context) -> Self {
        Self::on(context.bus.clone())
    }

    fn title() -> String {
        fl!("network-title")
    }

    fn keywords() -> String {
        fl!("network-title.keywords")
    }

    fn update(&mut self, message: Message) -> Outcome<Request> {
        self.apply(message).unwrap_or_default()
    }

    fn view(&self) -> Element<'_, Message> {
        view::page(self)
    }

    /// Live NetworkManager updates; only runs while the page is shown.
    fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            Subscription::run_with(self.bus.clone(), overview_stream),
            Subscription::run_with(self.bus.clone(), agent_stream),
        ])
    }
}

/// The stream behind the subscription (also used by tests).
pub fn overview_stream(bus: &SystemBus) -> impl futures::Stream<Item = Message> + use<> {
    network::watch_network(bus.clone()).map(Message::Overview)
}

/// The name a new hotspot gets: this machine's name.
fn hotspot_name() -> String {
    let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    match host.trim() {
        "" => "Ferrum".to_owned(),
        host => host.to_owned(),
    }
}

/// The secret agent behind the subscription (also used by tests).
pub fn agent_stream(bus: &SystemBus) -> impl futures::Stream<Item = Message> + use<> {
    network::run_agent(bus.clone()).map(Message::Agent)
}

/// Whether a failed join points at the password.
pub fn is_wrong_password(error: &NetworkCommandError) -> bool {
    matches!(error, NetworkCommandError::ActivationFailed(reason) if reason.is_wrong_password())
}

/// The reason of a failed activation, if that is what the error is.
pub fn failure_reason(error: &NetworkCommandError) -> Option<StateReason> {
    match error {
        NetworkCommandError::ActivationFailed(reason) => Some(*reason),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
