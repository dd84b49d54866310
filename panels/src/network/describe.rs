//! The words for the network page's errors and states.

use ferrum_i18n::fl;
use ferrum_services::network::{
    DeviceState, Family, HotspotNameError, IpFormError, NetworkCommandError, OpenVpnError,
    PasswordError, StateReason, VpnFileError, WireGuardError,
};

fn family_name(family: Family) -> &'static str {
    match family {
        Family::V4 => "IPv4",
        Family::V6 => "IPv6",
    }
}

/// The sentence for a form problem.
pub fn form_error_text(error: &IpFormError) -> String {
    match error {
        IpFormError::Address { family, text } => fl!(
            "network-error-address",
            family = family_name(*family),
            text = text.clone()
        ),
        IpFormError::MissingAddress(family) => {
            fl!(
                "network-error-address-missing",
                family = family_name(*family)
            )
        }
        IpFormError::Prefix { family, text } => fl!(
            "network-error-prefix",
            family = family_name(*family),
            text = text.clone()
        ),
        IpFormError::Gateway { family, text } => fl!(
            "network-error-gateway",
            family = family_name(*family),
            text = text.clone()
        ),
        IpFormError::GatewayOutsideNetwork { gateway, network } => fl!(
            "network-error-gateway-outside",
            gateway = gateway.to_string(),
            network = network.to_string()
        ),
        IpFormError::Dns(text) => fl!("network-error-dns", text = text.clone()),
        IpFormError::DnsNameNeeded(text) => fl!("network-error-dns-name", text = text.clone()),
        IpFormError::Mtu(text) => fl!("network-error-mtu", text = text.clone()),
    }
}

/// The sentence for a password that was not sent.
pub fn password_error_text(error: &PasswordError) -> String {
    match error {
        PasswordError::TooShort(count) => fl!("network-password-too-short", count = *count),
        PasswordError::TooLong(count) => fl!("network-password-too-long", count = *count),
        PasswordError::NotPrintable => fl!("network-password-not-ascii"),
        PasswordError::NotHex => fl!("network-password-not-hex"),
        PasswordError::BadWepKey => fl!("network-password-wep"),
        PasswordError::MissingIdentity => fl!("network-identity-missing"),
        PasswordError::Empty => fl!("network-password-empty"),
    }
}

/// The sentence for a network name that was not used (a hotspot's or a hidden network's).
pub fn name_error_text(error: &HotspotNameError) -> String {
    match error {
        HotspotNameError::Empty => fl!("network-hotspot-name-empty"),
        HotspotNameError::TooLong(bytes) => fl!("network-hotspot-name-too-long", bytes = *bytes),
    }
}

/// Why a device is down or a connection failed, in words.
pub fn reason_text(reason: StateReason) -> String {
    match reason {
        StateReason::NoSecrets
        | StateReason::SupplicantDisconnect
        | StateReason::SupplicantTimeout => {
            fl!("network-reason-password")
        }
        StateReason::SupplicantConfigFailed | StateReason::SupplicantFailed => {
            fl!("network-reason-wifi-auth")
        }
        StateReason::IpConfigUnavailable | StateReason::Dhcp => fl!("network-reason-dhcp"),
        StateReason::CableUnplugged => fl!("network-reason-cable"),
        StateReason::NetworkNotFound => fl!("network-reason-not-found"),
        StateReason::DependencyFailed => fl!("network-reason-dependency"),
        StateReason::VpnFailed => fl!("network-reason-vpn"),
        StateReason::ConnectionRemoved => fl!("network-reason-removed"),
        StateReason::UserRequested | StateReason::None => fl!("network-reason-none"),
        StateReason::Other(code) => fl!("network-reason-other", code = code),
    }
}

fn wireguard_text(error: &WireGuardError) -> String {
    match error {
        WireGuardError::Syntax(line) => fl!("network-wg-syntax", line = *line),
        WireGuardError::UnknownKey { line, key } => {
            fl!("network-wg-unknown", line = *line, key = key.clone())
        }
        WireGuardError::BadKey { line, key } => {
            fl!("network-wg-bad-key", line = *line, key = key.clone())
        }
        WireGuardError::BadValue { line, key } => {
            fl!("network-wg-bad-value", line = *line, key = key.clone())
        }
        WireGuardError::MissingPrivateKey => fl!("network-wg-no-private-key"),
        WireGuardError::NoPeer => fl!("network-wg-no-peer"),
        WireGuardError::MissingPublicKey => fl!("network-wg-no-public-key"),
    }
}

fn openvpn_text(error: &OpenVpnError) -> String {
    match error {
        OpenVpnError::NoRemote => fl!("network-ovpn-no-remote"),
        OpenVpnError::BadPort(line) => fl!("network-ovpn-bad-port", line = *line),
        OpenVpnError::UnclosedBlock(tag) => fl!("network-ovpn-unclosed", tag = tag.clone()),
        OpenVpnError::NoCredentials => fl!("network-ovpn-no-credentials"),
        OpenVpnError::StaticKey => fl!("network-ovpn-static-key"),
    }
}

fn vpn_file_text(error: &VpnFileError) -> String {
    match error {
        VpnFileError::NoHome => fl!("network-vpn-no-home"),
        VpnFileError::UnsafeFolder(path) => {
            fl!(
                "network-vpn-unsafe-folder",
                path = path.display().to_string()
            )
        }
        VpnFileError::NotAFile(path) => {
            fl!("network-vpn-not-a-file", path = path.display().to_string())
        }
        VpnFileError::TooLarge(path) => {
            fl!("network-vpn-too-large", path = path.display().to_string())
        }
        VpnFileError::Io { .. } => fl!("network-vpn-files-failed", detail = error.to_string()),
    }
}

/// The sentence for a failed command.
pub fn command_error_text(error: &NetworkCommandError) -> String {
    match error {
        NetworkCommandError::Unavailable(_) => fl!("network-unavailable"),
        NetworkCommandError::NotAuthorized(_) => fl!("network-not-authorized"),
        NetworkCommandError::Rejected(_) => fl!("network-rejected"),
        NetworkCommandError::ActivationFailed(reason) => {
            fl!("network-activation-failed", reason = reason_text(*reason))
        }
        NetworkCommandError::Timeout => fl!("network-timeout"),
        NetworkCommandError::InvalidWireGuard(error) => {
            fl!("network-wg-invalid", reason = wireguard_text(error))
        }
        NetworkCommandError::Unreadable(detail) => {
            fl!("network-unreadable", detail = detail.clone())
        }
        NetworkCommandError::VpnFile(error) => vpn_file_text(error),
        NetworkCommandError::NoBrowser(_) => fl!("network-no-browser"),
        NetworkCommandError::PluginMissing => fl!("network-openvpn-missing"),
        NetworkCommandError::InvalidOpenVpn(error) => {
            fl!("network-ovpn-invalid", reason = openvpn_text(error))
        }
        NetworkCommandError::Failed(_) => fl!("network-failed"),
    }
}

/// A device's state in words.
pub fn device_state_text(state: DeviceState, code: u32) -> String {
    match state {
        DeviceState::Activated => fl!("network-state-connected"),
        DeviceState::Connecting if code == 60 => fl!("network-state-needs-password"),
        DeviceState::Connecting => fl!("network-state-connecting"),
        DeviceState::Deactivating => fl!("network-state-disconnecting"),
        DeviceState::Disconnected => fl!("network-state-disconnected"),
        DeviceState::Failed => fl!("network-state-failed"),
        DeviceState::Unavailable => fl!("network-state-unavailable"),
        DeviceState::Unmanaged | DeviceState::Unknown => fl!("network-state-unknown"),
    }
}
