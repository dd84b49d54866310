//! The Network page's `update`, without a bus: snapshots made here stand for
//! NetworkManager, and every assertion is on the state or the outcome.

use ferrum_services::network::{
    AccessPoint, ActiveConnection, ActiveState, ConnectionType, Device, DeviceKind, DeviceState,
    Family, HotspotNameError, IpDetails, IpForm, IpFormError, IpMethod, Metered, MethodChoice,
    PasswordError, ProfileForm, SavedConnection, SecretKind, SecretRequest, StateReason,
};
use ferrum_services::network_status::Connectivity;

use ferrum_ui::{Effect, WidgetId};

use super::*;
use crate::page::Page as _;

const WIFI: &str = "/dev/2";
const HOME_AP: &str = "/ap/1";
const CAFE_AP: &str = "/ap/2";
const OPEN_AP: &str = "/ap/3";
const CAMPUS_AP: &str = "/ap/4";
const WIRED_PROFILE: &str = "/settings/1";
const VPN_PROFILE: &str = "/settings/3";
const VPN_ACTIVE: &str = "/active/3";

fn focus(id: WidgetId) -> Outcome<Request> {
    Outcome::effect(Effect::Focus(id))
}

fn saved(path: &str, id: &str, kind: ConnectionType, ssid: Option<&str>) -> SavedConnection {
    SavedConnection {
        path: path.into(),
        id: id.into(),
        uuid: format!("uuid-{id}"),
        kind,
        autoconnect: true,
        ssid: ssid.map(Ssid::from),
        interface: None,
        ipv4_method: IpMethod::Automatic,
        metered: Metered::Automatic,
        mtu: 0,
        hotspot: false,
    }
}

fn access_point(path: &str, ssid: &str, security: Security, known: bool) -> AccessPoint {
    AccessPoint {
        path: path.into(),
        ssid: Ssid::from(ssid),
        strength: 60,
        security,
        frequency_mhz: 2437,
        known,
        active: false,
    }
}

/// A wired device, a Wi-Fi device with a saved, a new, an open and an enterprise
/// network in range, and a WireGuard tunnel that is up.
fn overview() -> Overview {
    Overview {
        networking_enabled: true,
        wireless_enabled: true,
        wireless_hardware_enabled: true,
        wwan_enabled: false,
        connectivity: Connectivity::Full,
        connectivity_check_uri: None,
        devices: vec![
            Device {
                path: "/dev/1".into(),
                interface: "enp1s0".into(),
                kind: DeviceKind::Ethernet,
                state: DeviceState::Activated,
                state_code: 100,
                reason: StateReason::None,
                hw_address: "52:54:00:12:34:56".into(),
                speed_mbps: Some(1000),
                carrier: Some(true),
                active: None,
                ip: IpDetails::default(),
                networks: Vec::new(),
            },
            Device {
                path: WIFI.into(),
                interface: "wlan0".into(),
                kind: DeviceKind::Wifi,
                state: DeviceState::Disconnected,
                state_code: 30,
                reason: StateReason::None,
                hw_address: "11:22:33:44:55:66".into(),
                speed_mbps: None,
                carrier: None,
                active: None,
                ip: IpDetails::default(),
                networks: vec![
                    access_point(HOME_AP, "Home", Security::WpaPersonal, true),
                    access_point(CAFE_AP, "Cafe", Security::WpaPersonal, false),
                    access_point(OPEN_AP, "Free", Security::Open, false),
                    access_point(CAMPUS_AP, "campus", Security::Enterprise, false),
                ],
            },
        ],
        connections: vec![
            saved(WIRED_PROFILE, "Wired", ConnectionType::Wired, None),
            saved("/settings/2", "Home", ConnectionType::Wifi, Some("Home")),
            saved(VPN_PROFILE, "office", ConnectionType::WireGuard, None),
        ],
        active: vec![ActiveConnection {
            path: VPN_ACTIVE.into(),
            profile: VPN_PROFILE.into(),
            id: "office".into(),
            uuid: "uuid-office".into(),
            state: ActiveState::Activated,
        }],
    }
}

fn page() -> State {
    let mut state = State::on(SystemBus::with_address("unix:path=/nonexistent"));
    let outcome = state.update(Message::Overview(ServiceUpdate::Available(overview())));
    assert!(outcome.is_none(), "{outcome:?}");
    state
}

fn failure() -> NetworkCommandError {
    NetworkCommandError::ActivationFailed(StateReason::NoSecrets)
}

#[test]
fn copy_details_puts_the_whole_report_on_the_clipboard() {
    let mut state = page();
    let outcome = state.update(Message::Done(Err(failure())));
    assert!(outcome.is_none());
    let report = state.error.clone().expect("the failure is reported");
    assert!(!report.summary.is_empty());
    assert!(!report.detail.is_empty());
    let copy = state.update(Message::Report(error_report::Message::Copy));
    assert_eq!(
        copy,
        Outcome::effect(Effect::Copy(format!(
            "{}\n{}",
            report.summary, report.detail
        )))
    );
    let dismissed = state.update(Message::Report(error_report::Message::Dismiss));
    assert!(dismissed.is_none());
    assert_eq!(state.error, None);
}

#[test]
fn joining_a_new_network_opens_the_dialog_in_the_password_field() {
    let mut state = page();
    let outcome = state.update(Message::Join(join::Message::Open(
        WIFI.into(),
        CAFE_AP.into(),
    )));
    assert_eq!(outcome, focus(PASSWORD_ID));
    let dialog = state.join.as_ref().expect("the dialog opens");
    assert_eq!(dialog.ssid, Ssid::from("Cafe"));
    assert_eq!(dialog.access_point.as_deref(), Some(CAFE_AP));
    assert!(!dialog.is_hidden());
}

#[test]
fn joining_an_enterprise_network_focuses_the_user_name() {
    let mut state = page();
    let outcome = state.update(Message::Join(join::Message::Open(
        WIFI.into(),
        CAMPUS_AP.into(),
    )));
    assert_eq!(outcome, focus(IDENTITY_ID));
    let _ = state.update(Message::Join(join::Message::PasswordChanged(
        "secret password".into(),
    )));
    assert!(
        state
            .update(Message::Join(join::Message::Confirm))
            .is_none()
    );
    assert_eq!(
        state.join.as_ref().and_then(|dialog| dialog.error),
        Some(PasswordError::MissingIdentity)
    );
    let _ = state.update(Message::Join(join::Message::IdentityChanged("ada".into())));
    let outcome = state.update(Message::Join(join::Message::Confirm));
    let Some(Request::Join { credentials, .. }) = outcome.request else {
        panic!("no join request: {outcome:?}")
    };
    let Credentials::Enterprise(enterprise, _) = credentials else {
        panic!("not enterprise credentials")
    };
    assert_eq!(enterprise.identity, "ada");
}

#[test]
fn saved_and_open_networks_are_joined_at_once() {
    let mut state = page();
    for access_point in [HOME_AP, OPEN_AP] {
        let outcome = state.update(Message::Join(join::Message::Open(
            WIFI.into(),
            access_point.into(),
        )));
        assert!(
            matches!(
                &outcome,
                Outcome {
                    request: Some(Request::Join {
                        credentials: Credentials::None,
                        ..
                    }),
                    effect: None,
                }
            ),
            "{outcome:?}"
        );
        assert!(state.join.is_none());
    }
}

#[test]
fn a_short_password_is_refused_before_it_is_sent() {
    let mut state = page();
    let _ = state.update(Message::Join(join::Message::Open(
        WIFI.into(),
        CAFE_AP.into(),
    )));
    let _ = state.update(Message::Join(join::Message::PasswordChanged(
        "short".into(),
    )));
    assert_eq!(
        state.update(Message::Join(join::Message::Confirm)),
        Outcome::none()
    );
    let dialog = state.join.as_ref().expect("the dialog stays");
    assert_eq!(dialog.error, Some(PasswordError::TooShort(5)));
    assert!(!dialog.connecting);
}

#[test]
fn a_refused_password_keeps_the_dialog_and_what_was_typed() {
    let mut state = page();
    let _ = state.update(Message::Join(join::Message::Open(
        WIFI.into(),
        CAFE_AP.into(),
    )));
    let _ = state.update(Message::Join(join::Message::PasswordChanged(
        "not the password".into(),
    )));
    let outcome = state.update(Message::Join(join::Message::Confirm));
    assert!(
        matches!(outcome.request, Some(Request::Join { .. })),
        "{outcome:?}"
    );
    assert!(state.join.as_ref().is_some_and(|dialog| dialog.connecting));
    assert!(
        state
            .update(Message::Join(join::Message::Joined(Err(failure()))))
            .is_none()
    );
    let dialog = state.join.as_ref().expect("the dialog stays open");
    assert_eq!(dialog.password.as_str(), "not the password");
    assert!(!dialog.connecting);
    assert_eq!(dialog.failure, Some(failure()));
    assert!(is_wrong_password(dialog.failure.as_ref().unwrap()));
    // The page-level report is not used while the dialog explains it.
    assert_eq!(state.error, None);
    // Typing again clears the failure; a success closes the dialog.
    let _ = state.update(Message::Join(join::Message::PasswordChanged(
        "the password".into(),
    )));
    assert_eq!(state.join.as_ref().unwrap().failure, None);
    let _ = state.update(Message::Join(join::Message::Joined(Ok(()))));
    assert!(state.join.is_none());
}

fn open_settings(state: &mut State) {
    let outcome = state.update(Message::OpenSettings(WIRED_PROFILE.into()));
    assert_eq!(
        outcome,
        Outcome::request(Request::LoadForm(WIRED_PROFILE.into()))
    );
    let loaded = state.update(Message::Connection(connection::Message::Loaded(
        WIRED_PROFILE.into(),
        Ok(ProfileForm {
            ipv4: IpForm::automatic(),
            ipv6: IpForm::automatic(),
            dns: String::new(),
            dot: None,
        }),
    )));
    assert!(loaded.is_none());
}

fn connection_page(state: &State) -> &connection::State {
    match &state.page {
        Page::Connection(page) => page,
        Page::Overview => panic!("no settings page"),
    }
}

#[test]
fn a_bad_static_address_is_refused_and_nothing_is_sent() {
    let mut state = page();
    open_settings(&mut state);
    assert_eq!(connection_page(&state).name, "Wired");
    let _ = state.update(Message::Connection(connection::Message::MethodChosen(
        Family::V4,
        MethodChoice::Manual,
    )));
    let _ = state.update(Message::Connection(connection::Message::FieldChanged(
        Field::Address(Family::V4),
        "192.0.2.256".into(),
    )));
    let _ = state.update(Message::Connection(connection::Message::FieldChanged(
        Field::Prefix(Family::V4),
        "24".into(),
    )));
    assert_eq!(
        state.update(Message::Connection(connection::Message::Apply)),
        Outcome::none()
    );
    let page = connection_page(&state);
    assert_eq!(
        page.form_error,
        Some(IpFormError::Address {
            family: Family::V4,
            text: "192.0.2.256".into()
        })
    );
    assert!(!page.applying);

    // A gateway off the network is refused for that reason.
    let _ = state.update(Message::Connection(connection::Message::FieldChanged(
        Field::Address(Family::V4),
        "192.0.2.20".into(),
    )));
    let _ = state.update(Message::Connection(connection::Message::FieldChanged(
        Field::Gateway(Family::V4),
        "198.51.100.1".into(),
    )));
    assert_eq!(
        state.update(Message::Connection(connection::Message::Apply)),
        Outcome::none()
    );
    assert!(
        matches!(
            connection_page(&state).form_error,
            Some(IpFormError::GatewayOutsideNetwork { .. })
        ),
        "{:?}",
        connection_page(&state).form_error
    );

    // Fixed, it is sent.
    let _ = state.update(Message::Connection(connection::Message::FieldChanged(
        Field::Gateway(Family::V4),
        "192.0.2.1".into(),
    )));
    assert_eq!(connection_page(&state).form_error, None);
    let outcome = state.update(Message::Connection(connection::Message::Apply));
    assert!(
        matches!(&outcome.request, Some(Request::ApplyConfig(profile, _)) if profile == WIRED_PROFILE),
        "{outcome:?}"
    );
    assert!(connection_page(&state).applying);
}

#[test]
fn a_bad_mtu_is_refused() {
    let mut state = page();
    open_settings(&mut state);
    let _ = state.update(Message::Connection(connection::Message::FieldChanged(
        Field::Mtu,
        "12".into(),
    )));
    assert_eq!(
        state.update(Message::Connection(connection::Message::Apply)),
        Outcome::none()
    );
    assert_eq!(
        connection_page(&state).form_error,
        Some(IpFormError::Mtu("12".into()))
    );
}

#[test]
fn vpn_toggle_and_autoconnect_ask_network_manager() {
    let mut state = page();
    assert_eq!(
        state.update(Message::Vpn(vpn::Message::Toggled(VpnSwitch::On(
            VPN_PROFILE.into()
        )))),
        Outcome::request(Request::Activate(VPN_PROFILE.into()))
    );
    assert!(state.busy);
    let _ = state.update(Message::Done(Ok(())));
    assert!(!state.busy);
    assert_eq!(
        state.update(Message::Vpn(vpn::Message::Toggled(VpnSwitch::Off(
            VPN_ACTIVE.into()
        )))),
        Outcome::request(Request::Deactivate(VPN_ACTIVE.into()))
    );
    // Taking a VPN down is not shown as busy.
    assert!(!state.busy);
    assert_eq!(
        state.update(Message::AutoconnectToggled(VPN_PROFILE.into(), false)),
        Outcome::request(Request::SetAutoconnect(VPN_PROFILE.into(), false))
    );
    assert_eq!(
        state.update(Message::AutoconnectToggled(VPN_PROFILE.into(), true)),
        Outcome::request(Request::SetAutoconnect(VPN_PROFILE.into(), true))
    );
}

#[test]
fn importing_needs_a_file_name() {
    let mut state = page();
    assert_eq!(
        state.update(Message::Vpn(vpn::Message::Import)),
        Outcome::none()
    );
    let _ = state.update(Message::Vpn(vpn::Message::FileChanged(
        " /home/ada/office.conf ".into(),
    )));
    assert_eq!(
        state.update(Message::Vpn(vpn::Message::Import)),
        Outcome::request(Request::ImportWireGuard(" /home/ada/office.conf ".into()))
    );
    let _ = state.update(Message::Vpn(vpn::Message::Imported(Ok(
        "/settings/9".into()
    ))));
    assert_eq!(state.vpn.imported.as_deref(), Some("/settings/9"));
    assert!(state.vpn.file.is_empty());
}

fn question(id: u64) -> SecretRequest {
    SecretRequest::detached(id, "campus", "/settings/5", "vpn", SecretKind::Vpn)
}

#[test]
fn network_manager_asks_for_a_password_and_the_person_cancels() {
    let mut state = page();
    let outcome = state.update(Message::Agent(AgentEvent::Request(question(1))));
    assert_eq!(outcome, focus(SECRET_ID));
    assert_eq!(
        state.secret.as_ref().map(|prompt| &prompt.request),
        Some(&question(1))
    );
    let outcome = state.update(Message::Secret(secret::Message::Cancel));
    assert_eq!(
        outcome,
        Outcome::request(Request::AnswerSecret(question(1), None))
    );
    assert!(state.secret.is_none());
}

#[test]
fn an_empty_secret_is_not_sent_and_a_typed_one_is() {
    let mut state = page();
    let _ = state.update(Message::Agent(AgentEvent::Request(question(1))));
    assert_eq!(
        state.update(Message::Secret(secret::Message::Confirm)),
        Outcome::none()
    );
    assert_eq!(
        state.secret.as_ref().and_then(|prompt| prompt.error),
        Some(PasswordError::Empty)
    );
    let _ = state.update(Message::Secret(secret::Message::Changed(
        "correct horse".into(),
    )));
    let outcome = state.update(Message::Secret(secret::Message::Confirm));
    let Some(Request::AnswerSecret(request, Some(secret))) = outcome.request else {
        panic!("no answer: {outcome:?}")
    };
    assert_eq!(request, question(1));
    assert_eq!(secret.expose(), "correct horse");
    assert!(state.secret.is_none());
}

#[test]
fn a_newer_question_cancels_the_open_one() {
    let mut state = page();
    let _ = state.update(Message::Agent(AgentEvent::Request(question(1))));
    let outcome = state.update(Message::Agent(AgentEvent::Request(question(2))));
    assert_eq!(
        outcome,
        Outcome::request(Request::AnswerSecret(question(1), None))
    );
    assert_eq!(
        state.secret.as_ref().map(|prompt| prompt.request.id),
        Some(2)
    );
    // NetworkManager withdrawing the question closes the prompt.
    let _ = state.update(Message::Agent(AgentEvent::Cancelled {
        connection_path: "/settings/5".into(),
        setting: "vpn".into(),
    }));
    assert!(state.secret.is_none());
}

fn open_hotspot(state: &mut State) {
    let outcome = state.update(Message::Hotspot(hotspot::Message::Open(
        WIFI.into(),
        "wlan0".into(),
    )));
    assert_eq!(
        outcome,
        Outcome::request(Request::HostName).with_effect(Effect::Focus(HOTSPOT_NAME_ID))
    );
    // The machine's name is suggested once hostnamed answers.
    let _ = state.update(Message::Hotspot(hotspot::Message::HostName(Some(
        "ada-laptop".into(),
    ))));
    assert_eq!(
        state.hotspot.as_ref().map(|dialog| dialog.name.as_str()),
        Some("ada-laptop")
    );
    let _ = state.update(Message::Hotspot(hotspot::Message::PasswordChanged(
        "lab-password".into(),
    )));
}

#[test]
fn a_hotspot_name_has_1_to_32_bytes() {
    let mut state = page();
    open_hotspot(&mut state);
    let _ = state.update(Message::Hotspot(hotspot::Message::NameChanged(
        "   ".into(),
    )));
    assert_eq!(
        state.update(Message::Hotspot(hotspot::Message::Start)),
        Outcome::none()
    );
    assert_eq!(
        state.hotspot.as_ref().and_then(|dialog| dialog.name_error),
        Some(HotspotNameError::Empty)
    );
    // 11 × "é" (2 bytes) + "abcdefghijk" = 33 bytes, 22 characters.
    let long = format!("{}abcdefghijk", "é".repeat(11));
    let _ = state.update(Message::Hotspot(hotspot::Message::NameChanged(long)));
    assert_eq!(
        state.update(Message::Hotspot(hotspot::Message::Start)),
        Outcome::none()
    );
    assert_eq!(
        state.hotspot.as_ref().and_then(|dialog| dialog.name_error),
        Some(HotspotNameError::TooLong(33))
    );
    assert!(!state.hotspot.as_ref().unwrap().starting);
    // The dialog says why, in words.
    let mut ui = iced_test::Simulator::new(state.view());
    assert!(
        ui.find("A network name can be at most 32 bytes; this one has 33. Shorten it.")
            .is_ok(),
        "the refusal is explained"
    );
    drop(ui);
    // 32 bytes are fine.
    let fits = format!("{}abcdefghij", "é".repeat(11));
    let _ = state.update(Message::Hotspot(hotspot::Message::NameChanged(
        fits.clone(),
    )));
    assert_eq!(state.hotspot.as_ref().unwrap().name_error, None);
    let outcome = state.update(Message::Hotspot(hotspot::Message::Start));
    let Some(Request::StartHotspot { ssid, .. }) = outcome.request else {
        panic!("no start request: {outcome:?}")
    };
    assert_eq!(ssid, Ssid::from(fits.as_str()));
    assert!(state.hotspot.as_ref().unwrap().starting);
}

#[test]
fn a_started_hotspot_is_shared_and_a_failed_one_keeps_the_dialog() {
    let mut state = page();
    open_hotspot(&mut state);
    let _ = state.update(Message::Hotspot(hotspot::Message::NameChanged(
        "Ferrum Lab".into(),
    )));
    let _ = state.update(Message::Hotspot(hotspot::Message::Start));
    let _ = state.update(Message::Hotspot(hotspot::Message::Started(Err(failure()))));
    let dialog = state.hotspot.as_ref().expect("the dialog stays");
    assert_eq!(dialog.failure, Some(failure()));
    assert!(!dialog.starting);
    let _ = state.update(Message::Hotspot(hotspot::Message::Start));
    let _ = state.update(Message::Hotspot(hotspot::Message::Started(Ok(()))));
    assert!(state.hotspot.is_none());
    let shared = state.shared.as_ref().expect("shared");
    assert_eq!(shared.name, "Ferrum Lab");
    assert_eq!(shared.password.as_str(), "lab-password");
}

#[test]
fn a_deleted_profile_closes_its_settings_page() {
    let mut state = page();
    open_settings(&mut state);
    let mut gone = overview();
    gone.connections.retain(|c| c.path != WIRED_PROFILE);
    let _ = state.update(Message::Overview(ServiceUpdate::Available(gone)));
    assert_eq!(state.page, Page::Overview);
}

#[test]
fn typed_passwords_are_not_printed_by_debug() {
    let messages = [
        format!(
            "{:?}",
            Message::Join(join::Message::PasswordChanged("hunter2-join".into()))
        ),
        format!(
            "{:?}",
            Message::Hotspot(hotspot::Message::PasswordChanged("hunter2-hotspot".into()))
        ),
        format!(
            "{:?}",
            Message::Secret(secret::Message::Changed("hunter2-secret".into()))
        ),
    ];
    for text in messages {
        assert!(!text.contains("hunter2"), "a password in Debug: {text}");
        assert!(text.contains("<redacted>"), "{text}");
    }
}

#[test]
fn a_hidden_network_name_has_1_to_32_bytes() {
    let mut state = page();
    let outcome = state.update(Message::Join(join::Message::OpenHidden(WIFI.into())));
    assert_eq!(outcome, focus(HIDDEN_NAME_ID));
    let _ = state.update(Message::Join(join::Message::SecurityChosen(Security::Open)));
    // 11 × "é" (2 bytes) + "abcdefghijk" = 33 bytes, 22 characters.
    let long = format!("{}abcdefghijk", "é".repeat(11));
    let _ = state.update(Message::Join(join::Message::SsidChanged(long)));
    assert_eq!(
        state.update(Message::Join(join::Message::Confirm)),
        Outcome::none(),
        "a 33-byte name reached NetworkManager"
    );
    assert!(!state.join.as_ref().expect("the dialog stays").connecting);
    let mut ui = iced_test::Simulator::new(state.view());
    assert!(
        ui.find("A network name can be at most 32 bytes; this one has 33. Shorten it.")
            .is_ok(),
        "the refusal is explained under the field"
    );
    drop(ui);
    // Nothing but spaces: asked for a name.
    let _ = state.update(Message::Join(join::Message::SsidChanged("   ".into())));
    assert_eq!(
        state.update(Message::Join(join::Message::Confirm)),
        Outcome::none()
    );
    let mut ui = iced_test::Simulator::new(state.view());
    assert!(
        ui.find("Type a name for the network.").is_ok(),
        "an empty name is explained"
    );
    drop(ui);
    // 32 bytes are fine.
    let fits = format!("{}abcdefghij", "é".repeat(11));
    let _ = state.update(Message::Join(join::Message::SsidChanged(fits.clone())));
    let outcome = state.update(Message::Join(join::Message::Confirm));
    let Some(Request::Join { ssid, .. }) = outcome.request else {
        panic!("no join request: {outcome:?}")
    };
    assert_eq!(ssid, Ssid::from(fits.as_str()));
}

#[test]
fn a_refused_vpn_import_is_explained_on_the_page() {
    use ferrum_services::network::VpnFileError;
    let mut state = page();
    let _ = state.update(Message::Vpn(vpn::Message::FileChanged(
        "/home/ana/work.ovpn".into(),
    )));
    let outcome = state.update(Message::Vpn(vpn::Message::Import));
    assert!(outcome.request.is_some(), "{outcome:?}");
    let _ = state.update(Message::Vpn(vpn::Message::Imported(Err(
        NetworkCommandError::VpnFile(VpnFileError::NoHome),
    ))));
    let mut ui = iced_test::Simulator::new(state.view());
    assert!(
        ui.find(
            "There is no home folder (HOME is not set) to keep the VPN's certificates and keys in. Nothing was imported."
        )
        .is_ok(),
        "the refusal is explained"
    );
    drop(ui);
    assert_eq!(
        command_error_text(&NetworkCommandError::VpnFile(VpnFileError::NotAFile(
            "/dev/zero".into()
        ))),
        "/dev/zero is not a regular file (a device, a pipe or something else). Nothing was imported."
    );
}
