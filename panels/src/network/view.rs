//! Drawing the Network page.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::network::{
    AccessPoint, ConnectionType, Device, DeviceKind, DeviceState, Overview, SavedConnection,
    Security,
};
use ferrum_services::network_status::Connectivity;
use iced::widget::{button, column, text};
use iced::{Alignment, Element, Length};

use super::describe::{device_state_text, reason_text};
use super::{Message, Page, State, hotspot, join};
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, bidi_row, caption, card, key_value, notice, page_start,
    reading_start, section, switch,
};

pub(super) fn page(state: &State) -> Element<'_, Message> {
    let mut page = page_start(
        fl!("network-title"),
        state.error.as_ref(),
        &crate::ids::NETWORK,
        Message::Report,
    );
    let overview = match state.overview.ready_or_notice(
        || (fl!("network-unavailable"), fl!("network-unavailable.body")),
        |error| notice(fl!("network-failed"), error.to_string()),
    ) {
        Ok(overview) => overview,
        Err(notice) => return page.push(notice).into(),
    };
    if overview.connectivity == Connectivity::Portal {
        page = page.push(portal_banner(state));
    }
    if let Some(prompt) = &state.secret {
        page = page.push(prompt.view().map(Message::Secret));
    }
    match &state.page {
        Page::Connection(page_state) => page
            .push(super::connection::view(page_state).map(Message::Connection))
            .into(),
        Page::Overview => {
            page = page.push(switch(
                "network.airplane",
                fl!("network-airplane"),
                fl!("network-airplane.desc"),
                overview.airplane_mode(),
                Message::AirplaneToggled,
            ));
            for device in &overview.devices {
                page = page.push(match device.kind {
                    DeviceKind::Wifi => wifi_section(state, overview, device),
                    _ => device_section(overview, device),
                });
            }
            page.push(super::vpn::view(&state.vpn, overview)).into()
        }
    }
}

fn portal_banner(state: &State) -> Element<'_, Message> {
    let body = if state.rechecking {
        fl!("network-portal-checking")
    } else {
        fl!("network-portal.body")
    };
    Accessible::new(
        "network.portal",
        AccessibleInfo::new(Role::Group, fl!("network-portal")),
        card(
            column![
                text(fl!("network-portal")).size(16).font(FONT_BOLD),
                caption(body),
                bidi_row(vec![
                    action_button(
                        "network.portal.sign-in",
                        fl!("network-portal-sign-in"),
                        button::primary,
                        Message::SignIn,
                    ),
                    action_button(
                        "network.portal.recheck",
                        fl!("network-portal-recheck"),
                        button::secondary,
                        Message::Recheck,
                    ),
                ])
                .spacing(8),
            ]
            .spacing(8),
        ),
    )
    .into()
}

fn speed(device: &Device) -> Option<String> {
    device
        .speed_mbps
        .map(|mbps| fl!("network-speed-value", mbps = mbps))
}

fn device_title(device: &Device) -> String {
    match device.kind {
        DeviceKind::Ethernet => fl!("network-wired"),
        DeviceKind::Wifi => fl!("network-wifi"),
        DeviceKind::WireGuard | DeviceKind::Tunnel => fl!("network-vpn"),
        _ => device.interface.clone(),
    }
}

fn state_line(device: &Device) -> String {
    let state = device_state_text(device.state, device.state_code);
    match (&device.active, device.state) {
        (Some(active), DeviceState::Activated | DeviceState::Connecting) => {
            fl!(
                "network-state-with",
                state = state,
                connection = active.id.clone()
            )
        }
        (_, DeviceState::Failed | DeviceState::Disconnected | DeviceState::Unavailable)
            if !matches!(
                device.reason,
                ferrum_services::network::StateReason::None
                    | ferrum_services::network::StateReason::UserRequested
            ) =>
        {
            format!("{state} — {}", reason_text(device.reason))
        }
        _ => state,
    }
}

fn addresses(device: &Device) -> Vec<Element<'_, Message>> {
    let ip = &device.ip;
    let mut rows = Vec::new();
    let join = |list: Vec<String>| list.join(", ");
    if !ip.ipv4.is_empty() {
        rows.push(key_value(
            fl!("network-ipv4"),
            join(ip.ipv4.iter().map(ToString::to_string).collect()),
        ));
    }
    if let Some(gateway) = ip.ipv4_gateway.or(ip.ipv6_gateway) {
        rows.push(key_value(fl!("network-gateway"), gateway.to_string()));
    }
    if !ip.ipv6.is_empty() {
        rows.push(key_value(
            fl!("network-ipv6"),
            join(ip.ipv6.iter().map(ToString::to_string).collect()),
        ));
    }
    if !ip.dns.is_empty() {
        rows.push(key_value(
            fl!("network-dns"),
            join(ip.dns.iter().map(ToString::to_string).collect()),
        ));
    }
    if let Some(seconds) = ip.dhcp_lease_seconds {
        rows.push(key_value(
            fl!("network-lease"),
            fl!("network-lease-value", minutes = seconds / 60),
        ));
    }
    rows
}

fn device_section<'a>(overview: &'a Overview, device: &'a Device) -> Element<'a, Message> {
    let mut content = column![
        text(device.interface.clone()).size(16).font(FONT_BOLD),
        caption(state_line(device)),
    ]
    .spacing(6);
    for row in addresses(device) {
        content = content.push(row);
    }
    if let Some(speed) = speed(device) {
        content = content.push(key_value(fl!("network-speed"), speed));
    }
    if !device.hw_address.is_empty() {
        content = content.push(key_value(
            fl!("network-hardware-address"),
            device.hw_address.clone(),
        ));
    }
    let mut actions: Vec<Element<'_, Message>> = Vec::new();
    match device.state {
        DeviceState::Activated | DeviceState::Connecting => actions.push(action_button(
            crate::ids::network_device(&device.interface, "disconnect"),
            fl!("network-disconnect"),
            button::secondary,
            Message::DeviceDisconnect(device.path.clone()),
        )),
        _ => actions.push(action_button(
            crate::ids::network_device(&device.interface, "connect"),
            fl!("network-connect"),
            button::primary,
            Message::DeviceConnect(device.path.clone()),
        )),
    }
    let profile = device
        .active
        .as_ref()
        .map(|active| active.profile.clone())
        .or_else(|| {
            overview
                .connections
                .iter()
                .find(|c| {
                    c.kind == ConnectionType::Wired
                        && c.interface.as_deref().is_none_or(|i| i == device.interface)
                })
                .map(|c| c.path.clone())
        });
    if let Some(profile) = profile {
        actions.push(action_button(
            crate::ids::network_device(&device.interface, "settings"),
            fl!("network-settings"),
            button::secondary,
            Message::OpenSettings(profile),
        ));
    }
    content = content.push(bidi_row(actions).spacing(8));
    section(device_title(device), content)
}

/// A network's security, in words.
pub(super) fn security_text(security: Security) -> String {
    match security {
        Security::Open => fl!("network-security-open"),
        Security::EnhancedOpen => fl!("network-security-owe"),
        Security::Wep => fl!("network-security-wep"),
        Security::WpaPersonal => fl!("network-security-wpa"),
        Security::Wpa3Personal => fl!("network-security-wpa3"),
        Security::Enterprise => fl!("network-security-enterprise"),
    }
}

fn network_row<'a>(
    device: &'a Device,
    network: &'a AccessPoint,
    saved: Option<&'a SavedConnection>,
) -> Element<'a, Message> {
    let name = network.ssid.display();
    let mut detail = vec![
        fl!("network-signal", percent = network.strength),
        security_text(network.security),
    ];
    if network.active {
        detail.insert(0, fl!("network-state-connected"));
    } else if network.known {
        detail.insert(0, fl!("network-known"));
    }
    let detail = detail.join(" · ");
    let id = crate::ids::network_wifi(&name);
    let join = Accessible::new(
        id.clone(),
        AccessibleInfo::new(Role::Button, name.clone()).description(detail.clone()),
        button(
            column![text(name.clone()).size(16), caption(detail)]
                .spacing(2)
                .width(Length::Fill)
                .align_x(reading_start()),
        )
        .width(Length::Fill)
        .padding(6)
        .style(button::text)
        .on_press(Message::Join(join::Message::Open(
            device.path.clone(),
            network.path.clone(),
        ))),
    )
    .on_activate(Message::Join(join::Message::Open(
        device.path.clone(),
        network.path.clone(),
    )));
    let mut row: Vec<Element<'_, Message>> = vec![join.into()];
    if network.security == Security::Open {
        row.push(caption(fl!("network-open-warning")));
    }
    if let Some(saved) = saved {
        row.push(action_button(
            format!("{id}.forget"),
            fl!("network-forget"),
            button::secondary,
            Message::Forget(saved.path.clone()),
        ));
    }
    bidi_row(row).spacing(8).align_y(Alignment::Center).into()
}

fn wifi_section<'a>(
    state: &'a State,
    overview: &'a Overview,
    device: &'a Device,
) -> Element<'a, Message> {
    let mut content = column![switch(
        crate::ids::network_wifi_device(&device.interface, "enabled"),
        fl!("network-wifi-enabled"),
        state_line(device),
        overview.wireless_enabled,
        Message::WifiToggled,
    )]
    .spacing(6);
    if let Some(dialog) = state
        .join
        .as_ref()
        .filter(|dialog| dialog.device == device.path)
    {
        content = content.push(dialog.view().map(Message::Join));
    }
    let hotspot_on = device
        .active
        .as_ref()
        .and_then(|active| overview.connection(&active.profile))
        .filter(|profile| profile.hotspot);
    if let Some(profile) = hotspot_on {
        content = content
            .push(hotspot::card_view(state.shared.as_ref(), device, profile).map(Message::Hotspot));
    }
    if let Some(dialog) = state
        .hotspot
        .as_ref()
        .filter(|dialog| dialog.device == device.path)
    {
        content = content.push(dialog.view().map(Message::Hotspot));
    }
    for row in addresses(device) {
        content = content.push(row);
    }
    if overview.wireless_enabled && hotspot_on.is_none() {
        if device.networks.is_empty() {
            content = content.push(caption(fl!("network-no-networks")));
        }
        for network in &device.networks {
            content = content.push(network_row(
                device,
                network,
                overview.wifi_connection(&network.ssid),
            ));
        }
        content = content.push(
            bidi_row(vec![
                action_button(
                    crate::ids::network_wifi_device(&device.interface, "scan"),
                    fl!("network-scan"),
                    button::secondary,
                    Message::Scan(device.path.clone()),
                ),
                action_button(
                    crate::ids::network_wifi_device(&device.interface, "hidden"),
                    fl!("network-hidden"),
                    button::secondary,
                    Message::Join(join::Message::OpenHidden(device.path.clone())),
                ),
                action_button(
                    crate::ids::network_wifi_device(&device.interface, "hotspot"),
                    fl!("network-hotspot-open"),
                    button::secondary,
                    Message::Hotspot(hotspot::Message::Open(
                        device.path.clone(),
                        device.interface.clone(),
                    )),
                ),
            ])
            .spacing(8),
        );
        let saved: Vec<&SavedConnection> = overview
            .connections
            .iter()
            .filter(|c| c.kind == ConnectionType::Wifi)
            .collect();
        if !saved.is_empty() {
            content = content.push(text(fl!("network-saved")).size(15).font(FONT_BOLD));
            for connection in saved {
                content = content.push(switch(
                    crate::ids::network_saved(&connection.id, "autoconnect"),
                    connection.id.clone(),
                    fl!("network-autoconnect"),
                    connection.autoconnect,
                    {
                        let path = connection.path.clone();
                        move |on| Message::AutoconnectToggled(path.clone(), on)
                    },
                ));
            }
        }
    }
    section(device_title(device), content)
}

/// The element, as wide as it may be.
pub(super) fn container_fill<M: 'static>(content: Element<'_, M>) -> Element<'_, M> {
    iced::widget::container(content).width(Length::Fill).into()
}
