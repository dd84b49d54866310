//! NetworkManager's files in the bed: its main config and the wired profile it starts with.

use super::NetworkLayout;
use crate::fixtures::network::*;

/// The keyfile profile NetworkManager starts with.
pub(super) fn wired_profile() -> String {
    format!(
        "[connection]
id={WIRED_CONNECTION_ID}
uuid={WIRED_CONNECTION_UUID}
type=ethernet
interface-name={INTERFACE}
autoconnect=true

[ethernet]

[ipv4]
method=auto

[ipv6]
method=ignore
"
    )
}

/// NetworkManager's main config: keyfile profiles in the bed, DNS handed to resolved over
/// the bus, /etc/resolv.conf and the hostname left alone, no polkit (the caller is trusted),
/// no connectivity checks (no internet behind the peer), no default profiles.
pub(crate) fn network_manager_conf(layout: &NetworkLayout) -> String {
    format!(
        "[main]
plugins=keyfile
dns=systemd-resolved
rc-manager=unmanaged
hostname-mode=none
auth-polkit=false
no-auto-default=*

[keyfile]
path={}

[connectivity]
enabled=false

[logging]
level=INFO
",
        layout.connections_dir().display()
    )
}
