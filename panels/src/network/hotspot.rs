//! Sharing the connection over Wi-Fi: the hotspot dialog, and the card of a hotspot
//! that is on (with its QR code).

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::network::{
    self, ActivePath, Device, DevicePath, HotspotNameError, NetworkCommandError, PasswordError,
    SavedConnection, Security, WifiPassword,
};
use ferrum_ui::widgets::{
    self, FONT_BOLD, action_button, bidi_row, caption, error_line, key_value,
};
use ferrum_ui::{Effect, WidgetId};
use iced::widget::{button, column, text, text_input};
use iced::{Alignment, Element};
use zeroize::Zeroizing;

use super::describe::{command_error_text, name_error_text, password_error_text};
use super::{Request, SecretText, Step};
use crate::page::Outcome;
use ferrum_ui::widgets::labelled_field;

/// The id of the hotspot's name field.
pub const HOTSPOT_NAME_ID: WidgetId = crate::ids::NETWORK_HOTSPOT_NAME;
/// The id of the hotspot's password field.
pub const HOTSPOT_PASSWORD_ID: WidgetId = crate::ids::NETWORK_HOTSPOT_PASSWORD;

/// The hotspot dialog's state.
#[derive(Clone, PartialEq)]
pub struct State {
    /// The Wi-Fi device.
    pub device: DevicePath,
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

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State")
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

/// What happens in the hotspot dialog and card.
#[derive(Debug, Clone)]
pub enum Message {
    /// Open the dialog for a Wi-Fi device (path, interface).
    Open(DevicePath, String),
    /// The machine's name was read (the suggested network name).
    HostName(Option<String>),
    /// The name was edited.
    NameChanged(String),
    /// The password was edited (redacted from `Debug`).
    PasswordChanged(SecretText),
    /// Start the hotspot.
    Start,
    /// Close the dialog.
    Cancel,
    /// Turn the hotspot off (its active connection).
    Stop(ActivePath),
    /// NetworkManager started (or did not start) the hotspot.
    Started(Result<(), NetworkCommandError>),
}

/// Applies a message to the dialog (`None`: closed) and the network this page shares.
pub(super) fn update(
    dialog: &mut Option<State>,
    shared: &mut Option<SharedNetwork>,
    message: Message,
) -> Step {
    match message {
        Message::Open(device, interface) => {
            let password = match network::generate_hotspot_password() {
                Ok(password) => password,
                Err(error) => {
                    tracing::warn!(%error, "no random source for a hotspot password");
                    String::new()
                }
            };
            *dialog = Some(State {
                device,
                interface,
                // The machine's name arrives from hostnamed (read off the UI thread).
                name: String::new(),
                password: Zeroizing::new(password),
                name_error: None,
                error: None,
                failure: None,
                starting: false,
            });
            Ok(Outcome::request(Request::HostName).with_effect(Effect::Focus(HOTSPOT_NAME_ID)))
        }
        Message::HostName(host) => {
            // Only as a suggestion: a name typed meanwhile stays.
            if let Some(dialog) = dialog
                && dialog.name.is_empty()
            {
                dialog.name = host
                    .filter(|host| !host.trim().is_empty())
                    .unwrap_or_else(|| "Ferrum".to_owned());
            }
            Ok(Outcome::none())
        }
        Message::NameChanged(name) => {
            if let Some(dialog) = dialog {
                dialog.name = name;
                if dialog.name_error.is_some() {
                    dialog.name_error = network::check_hotspot_name(&dialog.name).err();
                }
            }
            Ok(Outcome::none())
        }
        Message::PasswordChanged(password) => {
            if let Some(dialog) = dialog {
                dialog.password = password.into_zeroizing();
                if dialog.error.is_some() {
                    dialog.error =
                        WifiPassword::parse(&dialog.password, Security::WpaPersonal).err();
                }
            }
            Ok(Outcome::none())
        }
        Message::Start => {
            let Some(dialog) = dialog.as_mut().filter(|dialog| !dialog.starting) else {
                return Ok(Outcome::none());
            };
            let ssid = network::check_hotspot_name(&dialog.name);
            let password = WifiPassword::parse(&dialog.password, Security::WpaPersonal);
            dialog.name_error = ssid.as_ref().err().copied();
            dialog.error = password.as_ref().err().copied();
            let (Ok(ssid), Ok(password)) = (ssid, password) else {
                return Ok(Outcome::none());
            };
            dialog.failure = None;
            dialog.starting = true;
            Ok(Outcome::request(Request::StartHotspot {
                device: dialog.device.clone(),
                interface: dialog.interface.clone(),
                ssid,
                password,
            }))
        }
        Message::Cancel => {
            *dialog = None;
            Ok(Outcome::none())
        }
        Message::Stop(active) => {
            *shared = None;
            Ok(Outcome::request(Request::Deactivate(active)))
        }
        Message::Started(result) => match (result, dialog.take()) {
            (Ok(()), Some(started)) => {
                *shared = Some(SharedNetwork {
                    name: started.name.trim().to_owned(),
                    password: started.password.clone(),
                });
                Ok(Outcome::none())
            }
            (Err(error), Some(mut open)) => {
                open.starting = false;
                open.failure = Some(error);
                *dialog = Some(open);
                Ok(Outcome::none())
            }
            (Err(error), None) => Err(error),
            (Ok(()), None) => Ok(Outcome::none()),
        },
    }
}

impl State {
    /// Draws the dialog.
    pub fn view(&self) -> Element<'_, Message> {
        let dialog = self;
        let title = fl!("network-hotspot-title");
        let label = fl!("network-password");
        let mut content = column![
            text(title.clone()).size(16).font(FONT_BOLD),
            caption(fl!("network-hotspot-title.body")),
            labelled_field(
                HOTSPOT_NAME_ID,
                fl!("network-hotspot-name"),
                &dialog.name,
                Message::NameChanged,
                Message::Start,
            ),
            text(label.clone()).size(14),
            Accessible::new(
                "network.hotspot.password",
                AccessibleInfo::new(Role::TextInput, label)
                    .value(dialog.password.as_str().to_owned()),
                text_input("", &dialog.password)
                    .id(HOTSPOT_PASSWORD_ID)
                    .on_input(|text| Message::PasswordChanged(text.into()))
                    .on_submit(Message::Start)
                    .padding(8),
            ),
        ]
        .spacing(8);
        if let Some(error) = &dialog.name_error {
            content = content.push(error_line(
                "network.hotspot.name-error",
                name_error_text(error),
            ));
        }
        if let Some(error) = &dialog.error {
            content = content.push(error_line(
                "network.hotspot.error",
                password_error_text(error),
            ));
        }
        if let Some(failure) = &dialog.failure {
            content = content.push(error_line(
                "network.hotspot.failure",
                command_error_text(failure),
            ));
        }
        let mut buttons: Vec<Element<'_, Message>> = Vec::new();
        if dialog.starting {
            buttons.push(caption(fl!("network-connecting")));
        }
        buttons.push(iced::widget::space::horizontal().into());
        buttons.push(action_button(
            "network.hotspot.cancel",
            fl!("network-cancel"),
            button::secondary,
            Message::Cancel,
        ));
        buttons.push(action_button(
            "network.hotspot.start",
            fl!("network-hotspot-start"),
            button::primary,
            Message::Start,
        ));
        content = content.push(bidi_row(buttons).spacing(8).align_y(Alignment::Center));
        Accessible::new(
            "network.hotspot.dialog",
            AccessibleInfo::new(Role::Group, title),
            widgets::card(content),
        )
        .into()
    }
}

/// The card of a hotspot that is on (with the QR code when this page started it).
pub(super) fn card_view<'a>(
    shared: Option<&'a SharedNetwork>,
    device: &'a Device,
    profile: &'a SavedConnection,
) -> Element<'a, Message> {
    let mut content = column![text(fl!("network-hotspot-on")).size(16).font(FONT_BOLD)].spacing(8);
    let name = shared.map_or_else(|| profile.id.clone(), |shared| shared.name.clone());
    content = content.push(key_value(fl!("network-hotspot-name"), name.clone()));
    if let Some(shared) = shared {
        content = content.push(key_value(
            fl!("network-password"),
            shared.password.as_str().to_owned(),
        ));
        let qr_name = fl!("network-hotspot-qr", name = name.clone());
        if let Some(code) = crate::qr::view(
            &network::qr_text(&shared.name, &shared.password),
            4.0,
            qr_name,
        ) {
            content = content
                .push(code)
                .push(caption(fl!("network-hotspot-qr.hint")));
        }
    }
    if let Some(active) = &device.active {
        content = content.push(action_button(
            "network.hotspot.stop",
            fl!("network-hotspot-stop"),
            button::secondary,
            Message::Stop(active.path.clone()),
        ));
    }
    Accessible::new(
        "network.hotspot",
        AccessibleInfo::new(Role::Group, fl!("network-hotspot-on")),
        widgets::card(content),
    )
    .into()
}
