//! Drawing the Network page.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::dns::DotMode;
use ferrum_services::network::{
    AccessPoint, ConnectionType, Device, DeviceKind, DeviceState, EapMethod, Family, InnerAuth,
    IpForm, Metered, MethodChoice, Overview, SavedConnection, Security,
};
use ferrum_services::network_status::Connectivity;
use iced::widget::{button, column, text, text_input};
use iced::{Alignment, Element, Length};

use super::describe::{
    command_error_text, device_state_text, form_error_text, password_error_text, reason_text,
};
use super::{ConnectionPage, Field, JoinDialog, Message, Page, State};
use ferrum_ui::error_report;
use ferrum_ui::status::ServiceStatus;
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, bidi_row, caption, card, choice, error_line, key_value, notice,
    page_title, reading_start, section, switch,
};

/// The id of the Wi-Fi password field.
pub const PASSWORD_ID: &str = "network-wifi-password";
/// The id of the WireGuard file field.
pub const VPN_FILE_ID: &str = "network-vpn-file";
/// The id of the MTU field.
pub const MTU_ID: &str = "network-mtu";
/// The id of the field for a password NetworkManager asks for.
pub const SECRET_ID: &str = "network-secret";
/// The id of the hidden network's name field.
pub const HIDDEN_NAME_ID: &str = "network-hidden-name";
/// The id of the enterprise user name field.
pub const IDENTITY_ID: &str = "network-identity";
/// The id of the hotspot's name field.
pub const HOTSPOT_NAME_ID: &str = "network-hotspot-name";
/// The id of the hotspot's password field.
pub const HOTSPOT_PASSWORD_ID: &str = "network-hotspot-password";

pub(super) fn page(state: &State) -> Element<'_, Message> {
    let mut page = column![page_title(fl!("network-title"))]
        .spacing(20)
        .align_x(reading_start());
    if let Some(report) = &state.error {
        page = page.push(error_report::view(report, &crate::ids::NETWORK).map(Message::Report));
    }
    let overview = match &state.overview {
        ServiceStatus::Loading => return page.push(caption(fl!("service-loading"))).into(),
        ServiceStatus::Unavailable => {
            return page
                .push(notice(
                    fl!("network-unavailable"),
                    fl!("network-unavailable.body"),
                ))
                .into();
        }
        ServiceStatus::Failed(error) => {
            return page
                .push(notice(fl!("network-failed"), error.to_string()))
                .into();
        }
        ServiceStatus::BusUnreachable(failure) => {
            return page
                .push(notice(fl!("service-bus-unreachable"), failure.to_string()))
                .into();
        }
        ServiceStatus::Ready(overview) => overview,
    };
    if overview.connectivity == Connectivity::Portal {
        page = page.push(portal_banner(state));
    }
    if let Some(prompt) = &state.secret {
        page = page.push(secret_prompt(prompt));
    }
    match &state.page {
        Page::Connection(connection) => page.push(connection_page(connection)).into(),
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
            page.push(vpn_section(state, overview)).into()
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
            format!("network.device.{}.disconnect", device.interface),
            fl!("network-disconnect"),
            button::secondary,
            Message::DeviceDisconnect(device.path.clone()),
        )),
        _ => actions.push(action_button(
            format!("network.device.{}.connect", device.interface),
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
            format!("network.device.{}.settings", device.interface),
            fl!("network-settings"),
            button::secondary,
            Message::OpenSettings(profile),
        ));
    }
    content = content.push(bidi_row(actions).spacing(8));
    section(device_title(device), content)
}

fn security_text(security: Security) -> String {
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
    let id = format!("network.wifi.{}", name);
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
        .on_press(Message::Join(device.path.clone(), network.path.clone())),
    )
    .on_activate(Message::Join(device.path.clone(), network.path.clone()));
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
        format!("network.wifi.{}.enabled", device.interface),
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
        content = content.push(join_dialog(dialog));
    }
    let hotspot_on = device
        .active
        .as_ref()
        .and_then(|active| overview.connection(&active.profile))
        .filter(|profile| profile.hotspot);
    if let Some(profile) = hotspot_on {
        content = content.push(hotspot_card(state, device, profile));
    }
    if let Some(dialog) = state
        .hotspot
        .as_ref()
        .filter(|dialog| dialog.device == device.path)
    {
        content = content.push(hotspot_dialog(dialog));
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
                    format!("network.wifi.{}.scan", device.interface),
                    fl!("network-scan"),
                    button::secondary,
                    Message::Scan(device.path.clone()),
                ),
                action_button(
                    format!("network.wifi.{}.hidden", device.interface),
                    fl!("network-hidden"),
                    button::secondary,
                    Message::JoinHidden(device.path.clone()),
                ),
                action_button(
                    format!("network.wifi.{}.hotspot", device.interface),
                    fl!("network-hotspot-open"),
                    button::secondary,
                    Message::OpenHotspot(device.path.clone(), device.interface.clone()),
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
                    format!("network.saved.{}.autoconnect", connection.id),
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

fn hotspot_card<'a>(
    state: &'a State,
    device: &'a Device,
    profile: &'a SavedConnection,
) -> Element<'a, Message> {
    let mut content = column![text(fl!("network-hotspot-on")).size(16).font(FONT_BOLD)].spacing(8);
    let shared = state.shared.as_ref();
    let name = shared.map_or_else(|| profile.id.clone(), |shared| shared.name.clone());
    content = content.push(key_value(fl!("network-hotspot-name"), name.clone()));
    if let Some(shared) = shared {
        content = content.push(key_value(
            fl!("network-password"),
            shared.password.as_str().to_owned(),
        ));
        let qr_name = fl!("network-hotspot-qr", name = name.clone());
        if let Some(code) = crate::qr::view(
            &ferrum_services::network::qr_text(&shared.name, &shared.password),
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
            Message::StopHotspot(active.path.clone()),
        ));
    }
    Accessible::new(
        "network.hotspot",
        AccessibleInfo::new(Role::Group, fl!("network-hotspot-on")),
        card(content),
    )
    .into()
}

fn hotspot_dialog(dialog: &super::HotspotDialog) -> Element<'_, Message> {
    let title = fl!("network-hotspot-title");
    let label = fl!("network-password");
    let mut content = column![
        text(title.clone()).size(16).font(FONT_BOLD),
        caption(fl!("network-hotspot-title.body")),
        labelled_input(
            HOTSPOT_NAME_ID,
            fl!("network-hotspot-name"),
            &dialog.name,
            Message::HotspotNameChanged,
            Message::StartHotspot,
        ),
        text(label.clone()).size(14),
        Accessible::new(
            "network.hotspot.password",
            AccessibleInfo::new(Role::TextInput, label).value(dialog.password.as_str().to_owned()),
            text_input("", &dialog.password)
                .id(HOTSPOT_PASSWORD_ID)
                .on_input(Message::HotspotPasswordChanged)
                .on_submit(Message::StartHotspot)
                .padding(8),
        ),
    ]
    .spacing(8);
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
        Message::HotspotCancel,
    ));
    buttons.push(action_button(
        "network.hotspot.start",
        fl!("network-hotspot-start"),
        button::primary,
        Message::StartHotspot,
    ));
    content = content.push(bidi_row(buttons).spacing(8).align_y(Alignment::Center));
    Accessible::new(
        "network.hotspot.dialog",
        AccessibleInfo::new(Role::Group, title),
        card(content),
    )
    .into()
}

fn secret_prompt(prompt: &super::SecretPrompt) -> Element<'_, Message> {
    let request = &prompt.request;
    let name = request.ssid.as_ref().map_or_else(
        || request.connection_id.clone(),
        ferrum_services::network::Ssid::display,
    );
    let title = fl!("network-secret-title", name = name);
    let mut content = column![text(title.clone()).size(16).font(FONT_BOLD)].spacing(8);
    if request.retry {
        content = content.push(caption(fl!("network-secret-retry")));
    }
    let label = fl!("network-password");
    content = content
        .push(text(label.clone()).size(14))
        .push(Accessible::new(
            "network.secret.password",
            AccessibleInfo::new(Role::PasswordInput, label).secret(prompt.typed.chars().count()),
            text_input("", &prompt.typed)
                .id(SECRET_ID)
                .secure(true)
                .on_input(Message::SecretChanged)
                .on_submit(Message::SecretConfirm)
                .padding(8),
        ));
    if let Some(error) = &prompt.error {
        content = content.push(error_line(
            "network.secret.error",
            password_error_text(error),
        ));
    }
    content = content.push(
        bidi_row(vec![
            iced::widget::space::horizontal().into(),
            action_button(
                "network.secret.cancel",
                fl!("network-cancel"),
                button::secondary,
                Message::SecretCancel,
            ),
            action_button(
                "network.secret.connect",
                fl!("network-connect"),
                button::primary,
                Message::SecretConfirm,
            ),
        ])
        .spacing(8)
        .align_y(Alignment::Center),
    );
    Accessible::new(
        "network.secret",
        AccessibleInfo::new(Role::Group, title),
        card(content),
    )
    .into()
}

fn labelled_input<'a>(
    id: &str,
    label: String,
    value: &str,
    on_input: impl Fn(String) -> Message + 'a,
    on_submit: Message,
) -> Element<'a, Message> {
    column![
        text(label.clone()).size(14),
        Accessible::new(
            format!("{id}.field"),
            AccessibleInfo::new(Role::TextInput, label).value(value.to_owned()),
            text_input("", value)
                .id(id.to_owned())
                .on_input(on_input)
                .on_submit(on_submit)
                .padding(8),
        ),
    ]
    .spacing(4)
    .into()
}

fn join_dialog(dialog: &JoinDialog) -> Element<'_, Message> {
    let title = if dialog.is_hidden() {
        fl!("network-join-hidden")
    } else {
        fl!("network-join", name = dialog.ssid.display())
    };
    let mut content = column![text(title.clone()).size(16).font(FONT_BOLD)].spacing(8);
    if dialog.is_hidden() {
        content = content.push(labelled_input(
            HIDDEN_NAME_ID,
            fl!("network-join-name"),
            &dialog.ssid_text,
            Message::JoinSsidChanged,
            Message::JoinConfirm,
        ));
        for (security, id) in [
            (Security::Open, "open"),
            (Security::WpaPersonal, "wpa"),
            (Security::Wpa3Personal, "wpa3"),
            (Security::Enterprise, "enterprise"),
        ] {
            content = content.push(choice(
                format!("network.join.security.{id}"),
                security_text(security),
                None,
                dialog.security == security,
                Message::JoinSecurityChosen(security),
            ));
        }
    }
    if dialog.security == Security::Enterprise {
        content = content.push(labelled_input(
            IDENTITY_ID,
            fl!("network-identity"),
            &dialog.identity,
            Message::IdentityChanged,
            Message::JoinConfirm,
        ));
        for (method, id, label) in [
            (EapMethod::Peap, "peap", "PEAP"),
            (EapMethod::Ttls, "ttls", "TTLS"),
        ] {
            content = content.push(choice(
                format!("network.join.eap.{id}"),
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
                format!("network.join.inner.{id}"),
                fl!("network-inner", method = *label),
                None,
                dialog.inner == *auth,
                Message::InnerChosen(*auth),
            ));
        }
        content = content
            .push(labelled_input(
                "network-ca",
                fl!("network-ca-certificate"),
                &dialog.ca_certificate,
                Message::CaCertificateChanged,
                Message::JoinConfirm,
            ))
            .push(labelled_input(
                "network-domain",
                fl!("network-domain"),
                &dialog.domain,
                Message::DomainChanged,
                Message::JoinConfirm,
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
                    .on_input(Message::PasswordChanged)
                    .on_submit(Message::JoinConfirm)
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
        Message::JoinCancel,
    ));
    buttons.push(action_button(
        "network.join.connect",
        fl!("network-connect"),
        button::primary,
        Message::JoinConfirm,
    ));
    content = content.push(bidi_row(buttons).spacing(8).align_y(Alignment::Center));
    Accessible::new(
        "network.join",
        AccessibleInfo::new(Role::Group, title),
        card(content),
    )
    .into()
}

fn vpn_section<'a>(state: &'a State, overview: &'a Overview) -> Element<'a, Message> {
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
        let toggle_target = active.map_or_else(|| vpn.path.clone(), |active| active.path.clone());
        content = content.push(
            bidi_row(vec![
                switch(
                    format!("network.vpn.{}", vpn.id),
                    vpn.id.clone(),
                    description,
                    active.is_some(),
                    move |on| Message::VpnToggled(toggle_target.clone(), on),
                ),
                action_button(
                    format!("network.vpn.{}.forget", vpn.id),
                    fl!("network-remove"),
                    button::secondary,
                    Message::Forget(vpn.path.clone()),
                ),
            ])
            .spacing(8)
            .align_y(Alignment::Center),
        );
    }
    content = content.push(
        bidi_row(vec![
            container_fill(labelled_input(
                VPN_FILE_ID,
                fl!("network-vpn-import-label"),
                &state.vpn_file,
                Message::VpnFileChanged,
                Message::ImportVpn,
            )),
            action_button(
                "network.vpn.import",
                fl!("network-vpn-import"),
                button::secondary,
                Message::ImportVpn,
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

fn container_fill(content: Element<'_, Message>) -> Element<'_, Message> {
    iced::widget::container(content).width(Length::Fill).into()
}

fn family_form<'a>(family: Family, form: &'a IpForm) -> Element<'a, Message> {
    let (tag, heading) = match family {
        Family::V4 => ("ipv4", fl!("network-ipv4")),
        Family::V6 => ("ipv6", fl!("network-ipv6")),
    };
    let mut content = column![].spacing(4);
    for (method, id, label) in [
        (
            MethodChoice::Automatic,
            "automatic",
            fl!("network-method-automatic"),
        ),
        (MethodChoice::Manual, "manual", fl!("network-method-manual")),
        (
            MethodChoice::Disabled,
            "disabled",
            fl!("network-method-disabled"),
        ),
    ] {
        content = content.push(choice(
            format!("network.{tag}.{id}"),
            label,
            None,
            form.method == method,
            Message::MethodChosen(family, method),
        ));
    }
    if form.method == MethodChoice::Manual {
        content = content
            .push(labelled_input(
                &format!("network-{tag}-address"),
                fl!("network-address"),
                &form.address,
                move |text| Message::FieldChanged(Field::Address(family), text),
                Message::ApplySettings,
            ))
            .push(labelled_input(
                &format!("network-{tag}-prefix"),
                fl!("network-prefix"),
                &form.prefix,
                move |text| Message::FieldChanged(Field::Prefix(family), text),
                Message::ApplySettings,
            ))
            .push(labelled_input(
                &format!("network-{tag}-gateway"),
                fl!("network-gateway"),
                &form.gateway,
                move |text| Message::FieldChanged(Field::Gateway(family), text),
                Message::ApplySettings,
            ));
    }
    section(heading, content)
}

fn connection_page(page: &ConnectionPage) -> Element<'_, Message> {
    let mut content = column![
        bidi_row(vec![
            action_button(
                "network.back",
                fl!("network-back"),
                button::secondary,
                Message::Back
            ),
            text(page.name.clone()).size(20).font(FONT_BOLD).into(),
        ])
        .spacing(12)
        .align_y(Alignment::Center),
    ]
    .spacing(16)
    .align_x(reading_start());
    let Some(form) = &page.form else {
        return content.push(caption(fl!("service-loading"))).into();
    };
    content = content
        .push(family_form(Family::V4, &form.ipv4))
        .push(family_form(Family::V6, &form.ipv6));
    let mut other = column![labelled_input(
        "network-dns",
        fl!("network-dns-servers"),
        &form.dns,
        |text| Message::FieldChanged(Field::Dns, text),
        Message::ApplySettings,
    )]
    .spacing(6);
    other = other.push(text(fl!("network-dot")).size(15));
    for (dot, id, label) in [
        (None, "default", fl!("network-dot-default")),
        (Some(DotMode::Off), "off", fl!("network-dot-off")),
        (
            Some(DotMode::Opportunistic),
            "opportunistic",
            fl!("network-dot-opportunistic"),
        ),
        (Some(DotMode::Strict), "strict", fl!("network-dot-strict")),
    ] {
        other = other.push(choice(
            format!("network.dot.{id}"),
            label,
            None,
            form.dot == dot,
            Message::DotChosen(dot),
        ));
    }
    other = other.push(text(fl!("network-metered")).size(15));
    for (metered, id, label) in [
        (
            Metered::Automatic,
            "automatic",
            fl!("network-metered-automatic"),
        ),
        (Metered::Yes, "yes", fl!("network-metered-yes")),
        (Metered::No, "no", fl!("network-metered-no")),
    ] {
        other = other.push(choice(
            format!("network.metered.{id}"),
            label,
            None,
            form.metered == metered,
            Message::MeteredChosen(metered),
        ));
    }
    other = other.push(labelled_input(
        MTU_ID,
        fl!("network-mtu"),
        &form.mtu,
        |text| Message::FieldChanged(Field::Mtu, text),
        Message::ApplySettings,
    ));
    content = content.push(section(fl!("network-other"), other));
    if let Some(error) = &page.form_error {
        content = content.push(error_line("network.form-error", form_error_text(error)));
    }
    let mut row: Vec<Element<'_, Message>> = Vec::new();
    if page.applying {
        row.push(caption(fl!("network-applying")));
    } else if page.applied {
        row.push(caption(fl!("network-applied")));
    }
    row.push(iced::widget::space::horizontal().into());
    row.push(action_button(
        "network.apply",
        fl!("network-apply"),
        button::primary,
        Message::ApplySettings,
    ));
    content
        .push(bidi_row(row).spacing(12).align_y(Alignment::Center))
        .into()
}
