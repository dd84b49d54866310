//! Joining a Wi-Fi network: the password dialog (and the hidden-network form).

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::network::{
    self, AccessPointPath, Credentials, DevicePath, EapMethod, Enterprise, HotspotNameError,
    InnerAuth, NetworkCommandError, Overview, PasswordError, Security, Ssid, WifiPassword,
};
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, bidi_row, caption, card, choice, error_line, switch,
};
use ferrum_ui::{Effect, WidgetId};
use iced::widget::{button, column, text, text_input};
use iced::{Alignment, Element};
use zeroize::Zeroizing;

use super::describe::{command_error_text, name_error_text, password_error_text};
use super::view::security_text;
use super::{Request, SecretText, Step};
use crate::page::Outcome;
use ferrum_ui::widgets::labelled_field;

/// The id of the Wi-Fi password field.
pub const PASSWORD_ID: WidgetId = crate::ids::NETWORK_JOIN_PASSWORD;
/// The id of the hidden network's name field.
pub const HIDDEN_NAME_ID: WidgetId = crate::ids::NETWORK_JOIN_HIDDEN_NAME;
/// The id of the enterprise user name field.
pub const IDENTITY_ID: WidgetId = crate::ids::NETWORK_JOIN_IDENTITY;

/// The join dialog's state.
#[derive(Clone, PartialEq)]
pub struct State {
    /// The Wi-Fi device.
    pub device: DevicePath,
    /// The access point, `None` for a hidden network.
    pub access_point: Option<AccessPointPath>,
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
    /// Why the hidden network's name was not used (1 to 32 bytes).
    pub name_error: Option<HotspotNameError>,
    /// Why the password was not sent.
    pub error: Option<PasswordError>,
    /// Why the last attempt failed (the password is kept for another try).
    pub failure: Option<NetworkCommandError>,
    /// Waiting for NetworkManager.
    pub connecting: bool,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State")
            .field("device", &self.device)
            .field("ssid", &self.ssid)
            .field("security", &self.security)
            .field("password", &"<redacted>")
            .field("name_error", &self.name_error)
            .field("error", &self.error)
            .field("failure", &self.failure)
            .field("connecting", &self.connecting)
            .finish_non_exhaustive()
    }
}

impl State {
    pub(super) fn new(
        device: DevicePath,
        access_point: Option<AccessPointPath>,
        ssid: Ssid,
        security: Security,
    ) -> Self {
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
            name_error: None,
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

/// What happens in the join dialog.
#[derive(Debug, Clone)]
pub enum Message {
    /// Join a Wi-Fi network (device, access point): saved and open networks at once,
    /// others through the dialog.
    Open(DevicePath, AccessPointPath),
    /// Join a hidden network on a device.
    OpenHidden(DevicePath),
    /// The hidden network's name was edited.
    SsidChanged(String),
    /// The hidden network's security was chosen.
    SecurityChosen(Security),
    /// The password was edited (redacted from `Debug`).
    PasswordChanged(SecretText),
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
    Confirm,
    /// Close the dialog.
    Cancel,
    /// NetworkManager joined (or did not).
    Joined(Result<(), NetworkCommandError>),
}

/// Applies a message to the dialog (`None`: closed). A failure with no dialog to
/// show it in is handed back to the page.
pub(super) fn update(
    dialog: &mut Option<State>,
    overview: Option<&Overview>,
    message: Message,
) -> Step {
    let edit = |dialog: &mut Option<State>, edit: &dyn Fn(&mut State)| {
        if let Some(dialog) = dialog {
            edit(dialog);
            if dialog.error.is_some() {
                dialog.error = dialog.credentials().err();
            }
        }
        Ok(Outcome::none())
    };
    match message {
        Message::Open(device, access_point) => {
            let Some(network) = overview
                .and_then(|overview| overview.device(&device))
                .and_then(|device| {
                    device
                        .networks
                        .iter()
                        .find(|network| network.path == access_point)
                })
                .cloned()
            else {
                return Ok(Outcome::none());
            };
            // A saved network, or one without a password, is joined at once.
            if network.known
                || !network.security.needs_password() && network.security != Security::Enterprise
            {
                return Ok(Outcome::request(Request::Join {
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
            *dialog = Some(State::new(
                device,
                Some(access_point),
                network.ssid,
                network.security,
            ));
            Ok(Outcome::effect(Effect::Focus(focus)))
        }
        Message::OpenHidden(device) => {
            *dialog = Some(State::new(
                device,
                None,
                Ssid::default(),
                Security::WpaPersonal,
            ));
            Ok(Outcome::effect(Effect::Focus(HIDDEN_NAME_ID)))
        }
        Message::SsidChanged(text) => edit(dialog, &|dialog| {
            dialog.ssid = Ssid::from(text.as_str());
            dialog.ssid_text.clone_from(&text);
            if dialog.name_error.is_some() {
                dialog.name_error = network::check_hotspot_name(&text).err();
            }
        }),
        Message::SecurityChosen(security) => edit(dialog, &|dialog| dialog.security = security),
        Message::PasswordChanged(text) => edit(dialog, &|dialog| {
            dialog.password = text.clone().into_zeroizing();
            dialog.failure = None;
        }),
        Message::RevealToggled(on) => edit(dialog, &|dialog| dialog.reveal = on),
        Message::IdentityChanged(text) => edit(dialog, &|dialog| dialog.identity.clone_from(&text)),
        Message::EapChosen(method) => edit(dialog, &|dialog| {
            dialog.eap = method;
            if method == EapMethod::Peap {
                dialog.inner = InnerAuth::Mschapv2;
            }
        }),
        Message::InnerChosen(inner) => edit(dialog, &|dialog| dialog.inner = inner),
        Message::CaCertificateChanged(text) => {
            edit(dialog, &|dialog| dialog.ca_certificate.clone_from(&text))
        }
        Message::DomainChanged(text) => edit(dialog, &|dialog| dialog.domain.clone_from(&text)),
        Message::Confirm => {
            let Some(dialog) = dialog else {
                return Ok(Outcome::none());
            };
            if dialog.connecting {
                return Ok(Outcome::none());
            }
            // A hidden network's name is checked as a hotspot's: 1 to 32 bytes.
            if dialog.is_hidden() {
                match network::check_hotspot_name(&dialog.ssid_text) {
                    Ok(ssid) => {
                        dialog.ssid = ssid;
                        dialog.name_error = None;
                    }
                    Err(error) => {
                        dialog.name_error = Some(error);
                        return Ok(Outcome::none());
                    }
                }
            }
            match dialog.credentials() {
                Ok(credentials) => {
                    dialog.error = None;
                    dialog.failure = None;
                    dialog.connecting = true;
                    Ok(Outcome::request(Request::Join {
                        device: dialog.device.clone(),
                        access_point: dialog.access_point.clone(),
                        ssid: dialog.ssid.clone(),
                        security: dialog.security,
                        credentials,
                    }))
                }
                Err(error) => {
                    dialog.error = Some(error);
                    Ok(Outcome::none())
                }
            }
        }
        Message::Cancel => {
            *dialog = None;
            Ok(Outcome::none())
        }
        Message::Joined(result) => match (result, dialog.as_mut()) {
            (Ok(()), _) => {
                *dialog = None;
                Ok(Outcome::none())
            }
            // The dialog stays open with what was typed, and says why.
            (Err(error), Some(open)) => {
                open.connecting = false;
                open.failure = Some(error);
                Ok(Outcome::none())
            }
            (Err(error), None) => Err(error),
        },
    }
}

impl State {
    /// Draws the dialog.
    pub fn view(&self) -> Element<'_, Message> {
        let dialog = self;
        let title = if dialog.is_hidden() {
            fl!("network-join-hidden")
        } else {
            fl!("network-join", name = dialog.ssid.display())
        };
        let mut content = column![text(title.clone()).size(16).font(FONT_BOLD)].spacing(8);
        if dialog.is_hidden() {
            content = content.push(labelled_field(
                HIDDEN_NAME_ID,
                fl!("network-join-name"),
                &dialog.ssid_text,
                Message::SsidChanged,
                Message::Confirm,
            ));
            if let Some(error) = &dialog.name_error {
                content = content.push(error_line(
                    "network.join.name-error",
                    name_error_text(error),
                ));
            }
            for (security, id) in [
                (Security::Open, "open"),
                (Security::WpaPersonal, "wpa"),
                (Security::Wpa3Personal, "wpa3"),
                (Security::Enterprise, "enterprise"),
            ] {
                content = content.push(choice(
                    crate::ids::network_join_choice("security", id),
                    security_text(security),
                    None,
                    dialog.security == security,
                    Message::SecurityChosen(security),
                ));
            }
        }
        if dialog.security == Security::Enterprise {
            content = content.push(labelled_field(
                IDENTITY_ID,
                fl!("network-identity"),
                &dialog.identity,
                Message::IdentityChanged,
                Message::Confirm,
            ));
            for (method, id, label) in [
                (EapMethod::Peap, "peap", "PEAP"),
                (EapMethod::Ttls, "ttls", "TTLS"),
            ] {
                content = content.push(choice(
                    crate::ids::network_join_choice("eap", id),
                    label.to_owned(),
                    None,
                    dialog.eap == method,
                    Message::EapChosen(method),
                ));
            }
            let inner: &[(InnerAuth, &str, &str)] = match dialog.eap {
                EapMethod::Peap => &[(InnerAuth::Mschapv2, "mschapv2", "MSCHAPv2")],
                EapMethod::Ttls => &[
                    (InnerAuth::Mschapv2, "mschapv2", "MSCHAPv2"),
                    (InnerAuth::Pap, "pap", "PAP"),
                ],
            };
            for (auth, id, label) in inner {
                content = content.push(choice(
                    crate::ids::network_join_choice("inner", id),
                    fl!("network-inner", method = *label),
                    None,
                    dialog.inner == *auth,
                    Message::InnerChosen(*auth),
                ));
            }
            content = content
                .push(labelled_field(
                    crate::ids::NETWORK_JOIN_CA,
                    fl!("network-ca-certificate"),
                    &dialog.ca_certificate,
                    Message::CaCertificateChanged,
                    Message::Confirm,
                ))
                .push(labelled_field(
                    crate::ids::NETWORK_JOIN_DOMAIN,
                    fl!("network-domain"),
                    &dialog.domain,
                    Message::DomainChanged,
                    Message::Confirm,
                ));
        }
        if dialog.security.needs_password() || dialog.security == Security::Enterprise {
            let label = fl!("network-password");
            content = content
                .push(text(label.clone()).size(14))
                .push(Accessible::new(
                    "network.join.password",
                    AccessibleInfo::new(Role::PasswordInput, label)
                        .secret(dialog.password.chars().count()),
                    text_input("", &dialog.password)
                        .id(PASSWORD_ID)
                        .secure(!dialog.reveal)
                        .on_input(|text| Message::PasswordChanged(text.into()))
                        .on_submit(Message::Confirm)
                        .padding(8),
                ));
            content = content.push(switch(
                "network.join.reveal",
                fl!("network-reveal"),
                String::new(),
                dialog.reveal,
                Message::RevealToggled,
            ));
        } else if dialog.security == Security::Open {
            content = content.push(caption(fl!("network-open-warning.body")));
        }
        if let Some(error) = &dialog.error {
            content = content.push(error_line("network.join.error", password_error_text(error)));
        }
        if let Some(failure) = &dialog.failure {
            content = content.push(error_line(
                "network.join.failure",
                command_error_text(failure),
            ));
        }
        let mut buttons: Vec<Element<'_, Message>> = Vec::new();
        if dialog.connecting {
            buttons.push(caption(fl!("network-connecting")));
        }
        buttons.push(iced::widget::space::horizontal().into());
        buttons.push(action_button(
            "network.join.cancel",
            fl!("network-cancel"),
            button::secondary,
            Message::Cancel,
        ));
        buttons.push(action_button(
            "network.join.connect",
            fl!("network-connect"),
            button::primary,
            Message::Confirm,
        ));
        content = content.push(bidi_row(buttons).spacing(8).align_y(Alignment::Center));
        Accessible::new(
            "network.join",
            AccessibleInfo::new(Role::Group, title),
            card(content),
        )
        .into()
    }
}
