//! The Network page: every device with its state, addresses and speed; Wi-Fi
//! networks to join (passwords checked before they are sent), saved networks to
//! forget; a connection's IP settings; WireGuard tunnels imported from a file;
//! airplane mode; and a sign-in banner behind captive portals. Everything goes
//! through NetworkManager, which checks polkit.
//!
//! This module is the overview and the dispatch; each feature is a sub-module with
//! its own state, message, `update` and view: [`connection`] (a connection's
//! settings), [`join`] (the Wi-Fi join dialog), [`hotspot`], [`secret`] (the
//! secret agent's prompt) and [`vpn`] (tunnels and importing a file).

pub mod connection;
mod describe;
pub mod hotspot;
pub mod join;
pub mod secret;
mod view;
pub mod vpn;

use ferrum_i18n::fl;
use ferrum_services::network::{
    self, AccessPointPath, ActivePath, AgentEvent, ConnectionConfig, Credentials, DevicePath,
    NetworkCommandError, Overview, ProfilePath, SecretRequest, Security, Ssid, StateReason,
    WifiPassword,
};
use ferrum_services::network_status::{Connectivity, NetworkError};
use ferrum_services::{ServiceUpdate, SystemBus};
use futures::StreamExt;
use iced::{Element, Subscription};
use zeroize::Zeroizing;

use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;

use crate::page::{self, self as contract, Context, Outcome, PageRequest};

pub use connection::{ConnectionForm, Field, MTU_ID};
pub use describe::{
    command_error_text, form_error_text, name_error_text, password_error_text, reason_text,
};
pub use hotspot::{HOTSPOT_NAME_ID, HOTSPOT_PASSWORD_ID, SharedNetwork};
pub use join::{HIDDEN_NAME_ID, IDENTITY_ID, PASSWORD_ID};
pub use secret::SECRET_ID;
pub use vpn::{VPN_FILE_ID, VpnSwitch};

/// Text typed into a password field, carried by a message: zeroized when dropped and
/// never printed by `Debug` (messages are logged and compared in tests).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SecretText(Zeroizing<String>);

impl SecretText {
    /// The typed text.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The text, still zeroized when dropped.
    pub fn into_zeroizing(self) -> Zeroizing<String> {
        self.0
    }
}

impl std::fmt::Debug for SecretText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

impl From<String> for SecretText {
    fn from(text: String) -> Self {
        Self(Zeroizing::new(text))
    }
}

impl From<&str> for SecretText {
    fn from(text: &str) -> Self {
        Self(Zeroizing::new(text.to_owned()))
    }
}

/// What a feature's `update` hands back: its outcome, or a NetworkManager failure
/// the feature has no place to show (the page's error report shows it).
type Step = Result<Outcome<Request>, NetworkCommandError>;

/// Which page is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Page {
    /// Devices, Wi-Fi networks and VPNs.
    Overview,
    /// One connection's settings.
    Connection(connection::State),
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
    pub join: Option<join::State>,
    /// The VPN file to import, and the last import.
    pub vpn: vpn::State,
    /// A command is under way (its label is shown).
    pub busy: bool,
    /// The last failed command.
    pub error: Option<ErrorReport>,
    /// The portal banner was acted on: a connectivity re-check is under way.
    pub rechecking: bool,
    /// The hotspot dialog, when open.
    pub hotspot: Option<hotspot::State>,
    /// The hotspot started from this page (for its QR code).
    pub shared: Option<SharedNetwork>,
    /// NetworkManager's question for a password, when one is open.
    pub secret: Option<secret::State>,
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
    Scan(DevicePath),
    /// Bring a device up with its best connection.
    DeviceConnect(DevicePath),
    /// Take a device down.
    DeviceDisconnect(DevicePath),
    /// Open a saved connection's settings.
    OpenSettings(ProfilePath),
    /// On a connection's settings page.
    Connection(connection::Message),
    /// Joining a Wi-Fi network.
    Join(join::Message),
    /// Forget a saved network.
    Forget(ProfilePath),
    /// Connect by itself or not.
    AutoconnectToggled(ProfilePath, bool),
    /// In the VPN section.
    Vpn(vpn::Message),
    /// Open the portal's sign-in page.
    SignIn,
    /// Check connectivity again.
    Recheck,
    /// The re-check answered.
    Rechecked(Result<Connectivity, NetworkCommandError>),
    /// In the hotspot dialog or card.
    Hotspot(hotspot::Message),
    /// The secret agent reported.
    Agent(AgentEvent),
    /// In the secret agent's prompt.
    Secret(secret::Message),
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
    Scan(DevicePath),
    /// Bring up the best connection on a device.
    ConnectDevice(DevicePath),
    /// Take a device down.
    DisconnectDevice(DevicePath),
    /// Read a profile's settings into the form.
    LoadForm(ProfilePath),
    /// Read the machine's name (a new hotspot's suggested name) from hostnamed.
    HostName,
    /// Save and apply a profile's settings.
    ApplyConfig(ProfilePath, ConnectionConfig),
    /// Join a Wi-Fi network.
    Join {
        /// The Wi-Fi device.
        device: DevicePath,
        /// The access point (`None` for hidden networks).
        access_point: Option<AccessPointPath>,
        /// The network's name.
        ssid: Ssid,
        /// Its security.
        security: Security,
        /// The secret.
        credentials: Credentials,
    },
    /// Delete a profile.
    Forget(ProfilePath),
    /// Connect by itself or not.
    SetAutoconnect(ProfilePath, bool),
    /// Bring a profile up.
    Activate(ProfilePath),
    /// Take an active connection down.
    Deactivate(ActivePath),
    /// Import a WireGuard file.
    ImportWireGuard(String),
    /// Open a web page in the default browser.
    OpenUri(String),
    /// Ask NetworkManager to check connectivity.
    CheckConnectivity,
    /// Share the connection over Wi-Fi.
    StartHotspot {
        /// The Wi-Fi device.
        device: DevicePath,
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
            Request::ConnectDevice(device) => done(network::activate_device(&bus, &device).await),
            Request::DisconnectDevice(device) => {
                done(network::disconnect_device(&bus, &device).await)
            }
            Request::LoadForm(profile) => {
                let form = network::profile_form(&bus, &profile).await;
                Message::Connection(connection::Message::Loaded(profile, form))
            }
            Request::ApplyConfig(profile, config) => Message::Connection(
                connection::Message::Applied(network::apply_config(&bus, &profile, &config).await),
            ),
            Request::Join {
                device,
                access_point,
                ssid,
                security,
                credentials,
            } => {
                let hidden = access_point.is_none();
                Message::Join(join::Message::Joined(
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
                ))
            }
            Request::Forget(profile) => done(network::forget(&bus, &profile).await),
            Request::SetAutoconnect(profile, on) => {
                done(network::set_autoconnect(&bus, &profile, on).await)
            }
            Request::Activate(profile) => {
                done(network::activate_profile(&bus, Some(&profile), None).await)
            }
            Request::Deactivate(active) => done(network::deactivate(&bus, &active).await),
            Request::ImportWireGuard(path) => Message::Vpn(vpn::Message::Imported(
                network::import_vpn_file(&bus, std::path::Path::new(path.trim()))
                    .await
                    .map(ProfilePath::from),
            )),
            Request::HostName => Message::Hotspot(hotspot::Message::HostName(
                ferrum_services::hostname::name(&bus).await,
            )),
            Request::CheckConnectivity => {
                Message::Rechecked(network::check_connectivity(&bus).await)
            }
            Request::OpenUri(uri) => done(network::open_sign_in_page(&uri).await),
            Request::StartHotspot {
                device,
                interface,
                ssid,
                password,
            } => Message::Hotspot(hotspot::Message::Started(
                network::start_hotspot(&bus, &device, &interface, &ssid, &password).await,
            )),
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
            vpn: vpn::State::default(),
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

    /// A feature's outcome; a failure it hands back goes to the error report.
    fn settle(&mut self, step: Step) -> Outcome<Request> {
        step.unwrap_or_else(|error| {
            self.fail(&error);
            Outcome::none()
        })
    }

    /// Applies a message; returns work for NetworkManager and UI effects.
    fn apply(&mut self, message: Message) -> Outcome<Request> {
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
                Outcome::none()
            }
            Message::AirplaneToggled(on) => Outcome::request(Request::SetAirplaneMode(on)),
            Message::WifiToggled(on) => Outcome::request(Request::SetWifi(on)),
            Message::Scan(device) => Outcome::request(Request::Scan(device)),
            Message::DeviceConnect(device) => {
                self.busy = true;
                Outcome::request(Request::ConnectDevice(device))
            }
            Message::DeviceDisconnect(device) => {
                Outcome::request(Request::DisconnectDevice(device))
            }
            Message::OpenSettings(profile) => {
                let name = self
                    .overview
                    .ready()
                    .and_then(|overview| overview.connection(&profile))
                    .map(|connection| connection.id.clone())
                    .unwrap_or_default();
                self.page = Page::Connection(connection::State::opening(profile.clone(), name));
                Outcome::request(Request::LoadForm(profile))
            }
            Message::Connection(message) => {
                let apply = matches!(message, connection::Message::Apply);
                let step = connection::update(&mut self.page, self.overview.ready(), message);
                if apply
                    && matches!(
                        step,
                        Ok(Outcome {
                            request: Some(_),
                            ..
                        })
                    )
                {
                    self.error = None;
                }
                self.settle(step)
            }
            Message::Join(message) => {
                let opening = matches!(message, join::Message::Open(..));
                if matches!(message, join::Message::Joined(_)) {
                    self.busy = false;
                }
                let step = join::update(&mut self.join, self.overview.ready(), message);
                // A saved or open network is joined at once, without the dialog.
                if opening
                    && matches!(
                        step,
                        Ok(Outcome {
                            request: Some(_),
                            ..
                        })
                    )
                {
                    self.busy = true;
                }
                self.settle(step)
            }
            Message::Forget(profile) => Outcome::request(Request::Forget(profile)),
            Message::AutoconnectToggled(profile, on) => {
                Outcome::request(Request::SetAutoconnect(profile, on))
            }
            Message::Vpn(message) => {
                match &message {
                    vpn::Message::Toggled(VpnSwitch::On(_)) => self.busy = true,
                    vpn::Message::Import if !self.vpn.file.trim().is_empty() => self.error = None,
                    _ => {}
                }
                let step = vpn::update(&mut self.vpn, message);
                self.settle(step)
            }
            Message::SignIn => {
                let uri = self
                    .overview
                    .ready()
                    .and_then(|overview| overview.connectivity_check_uri.clone())
                    .unwrap_or_else(|| {
                        "http://nmcheck.gnome.org/check_network_status.txt".to_owned()
                    });
                Outcome::request(Request::OpenUri(uri))
            }
            Message::Recheck => {
                self.rechecking = true;
                Outcome::request(Request::CheckConnectivity)
            }
            Message::Rechecked(result) => {
                self.rechecking = false;
                if let Err(error) = result {
                    self.fail(&error);
                }
                Outcome::none()
            }
            Message::Hotspot(message) => {
                let step = hotspot::update(&mut self.hotspot, &mut self.shared, message);
                self.settle(step)
            }
            Message::Agent(event) => {
                secret::agent_event(&mut self.secret, &mut self.agent_registered, event)
            }
            Message::Secret(message) => secret::update(&mut self.secret, message),
            Message::Done(result) => {
                self.busy = false;
                if let Err(error) = result {
                    self.fail(&error);
                }
                Outcome::none()
            }
            Message::SecretHandedOver => Outcome::none(),
            Message::Report(message) => page::report(&mut self.error, message),
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
        self.apply(message)
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
