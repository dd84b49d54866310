//! VPNs: the tunnels NetworkManager has (on, off), and importing a WireGuard or
//! OpenVPN file.

use ferrum_i18n::fl;
use ferrum_services::network::{
    ActivePath, ConnectionType, NetworkCommandError, Overview, ProfilePath, SavedConnection,
};
use ferrum_ui::WidgetId;
use ferrum_ui::widgets::{action_button, bidi_row, caption, section, switch};
use iced::widget::{button, column};
use iced::{Alignment, Element};

use super::view::container_fill;
use super::{Request, Step};
use crate::page::Outcome;
use ferrum_ui::widgets::labelled_field;

/// The id of the VPN file field.
pub const VPN_FILE_ID: WidgetId = crate::ids::NETWORK_VPN_FILE;

/// The import field's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// The file to import, as typed.
    pub file: String,
    /// The last import's new profile.
    pub imported: Option<ProfilePath>,
}

/// Turning a VPN on or off: on names the saved profile to bring up, off the active
/// connection to take down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VpnSwitch {
    /// Bring this profile up.
    On(ProfilePath),
    /// Take this active connection down.
    Off(ActivePath),
}

/// What happens in the VPN section.
#[derive(Debug, Clone)]
pub enum Message {
    /// Bring a VPN up or down.
    Toggled(VpnSwitch),
    /// The file path was edited.
    FileChanged(String),
    /// Import the file.
    Import,
    /// The import finished (the new profile's path).
    Imported(Result<ProfilePath, NetworkCommandError>),
}

/// Applies a message; a failed import is handed back to the page.
pub(super) fn update(state: &mut State, message: Message) -> Step {
    match message {
        Message::Toggled(VpnSwitch::On(profile)) => {
            Ok(Outcome::request(Request::Activate(profile)))
        }
        Message::Toggled(VpnSwitch::Off(active)) => {
            Ok(Outcome::request(Request::Deactivate(active)))
        }
        Message::FileChanged(text) => {
            state.file = text;
            Ok(Outcome::none())
        }
        Message::Import => {
            if state.file.trim().is_empty() {
                return Ok(Outcome::none());
            }
            state.imported = None;
            Ok(Outcome::request(Request::ImportWireGuard(
                state.file.clone(),
            )))
        }
        Message::Imported(result) => {
            let path = result?;
            state.imported = Some(path);
            state.file.clear();
            Ok(Outcome::none())
        }
    }
}

/// The VPN section: the tunnels (on, off, remove) and the import field.
pub(super) fn view<'a>(state: &'a State, overview: &'a Overview) -> Element<'a, super::Message> {
    let mut content = column![].spacing(6);
    let vpns: Vec<&SavedConnection> = overview
        .connections
        .iter()
        .filter(|c| c.kind.is_vpn())
        .collect();
    if vpns.is_empty() {
        content = content.push(caption(fl!("network-vpn-none")));
    }
    for vpn in vpns {
        let active = overview.active_of(&vpn.path);
        let description = match vpn.kind {
            ConnectionType::WireGuard => "WireGuard".to_owned(),
            _ => fl!("network-vpn"),
        };
        let profile = vpn.path.clone();
        let running = active.map(|active| active.path.clone());
        let switch_to = move |on: bool| match (&running, on) {
            (Some(active), false) => VpnSwitch::Off(active.clone()),
            _ => VpnSwitch::On(profile.clone()),
        };
        content = content.push(
            bidi_row(vec![
                switch(
                    crate::ids::network_vpn(&vpn.id),
                    vpn.id.clone(),
                    description,
                    active.is_some(),
                    move |on| super::Message::Vpn(Message::Toggled(switch_to(on))),
                ),
                action_button(
                    crate::ids::network_vpn(&vpn.id).child("forget"),
                    fl!("network-remove"),
                    button::secondary,
                    super::Message::Forget(vpn.path.clone()),
                ),
            ])
            .spacing(8)
            .align_y(Alignment::Center),
        );
    }
    content = content.push(
        bidi_row(vec![
            container_fill(labelled_field(
                VPN_FILE_ID,
                fl!("network-vpn-import-label"),
                &state.file,
                |text| super::Message::Vpn(Message::FileChanged(text)),
                super::Message::Vpn(Message::Import),
            )),
            action_button(
                "network.vpn.import",
                fl!("network-vpn-import"),
                button::secondary,
                super::Message::Vpn(Message::Import),
            ),
        ])
        .spacing(8)
        .align_y(Alignment::End),
    );
    if state.imported.is_some() {
        content = content.push(caption(fl!("network-vpn-imported")));
    }
    section(fl!("network-vpn"), content)
}
