//! The settings pages' widget ids (see [`ferrum_ui::ids`]): one root per page;
//! every control's id is made from its page's root.

use ferrum_services::apps::{AppRef, InstallationKind};
use ferrum_services::audio::{Direction, NodeId};
use ferrum_services::bluetooth::{AdapterId, DeviceAddress};
use ferrum_services::printers::{JobId, QueueName};
use ferrum_ui::WidgetId;

/// The Network page.
pub const NETWORK: WidgetId = WidgetId::new("network");
/// The Bluetooth page.
pub const BLUETOOTH: WidgetId = WidgetId::new("bluetooth");
/// The Sound page.
pub const SOUND: WidgetId = WidgetId::new("sound");
/// The Printers page.
pub const PRINTERS: WidgetId = WidgetId::new("printers");
/// The Power page.
pub const POWER: WidgetId = WidgetId::new("power");
/// The Private DNS page.
pub const DNS: WidgetId = WidgetId::new("dns");
/// The Appearance page.
pub const APPEARANCE: WidgetId = WidgetId::new("appearance");
/// The Accessibility page.
pub const A11Y: WidgetId = WidgetId::new("a11y");
/// The About page.
pub const ABOUT: WidgetId = WidgetId::new("about");
/// The About page's "Rename…" button.
pub const ABOUT_RENAME: WidgetId = WidgetId::new("about.rename");
/// The rename form's device name field.
pub const ABOUT_RENAME_PRETTY: WidgetId = WidgetId::new("about.rename.pretty");
/// The rename form's network name field.
pub const ABOUT_RENAME_STATIC: WidgetId = WidgetId::new("about.rename.static");

/// A power mode's choice on the Power page.
pub fn power_profile(name: &str) -> WidgetId {
    POWER.child("profile").child(name)
}

/// The Accessibility page's text-size slider.
pub const A11Y_TEXT_SCALE: WidgetId = WidgetId::new("a11y.text-scale");
/// The Accessibility page's high-contrast switch.
pub const A11Y_HIGH_CONTRAST: WidgetId = WidgetId::new("a11y.high-contrast");
/// The Accessibility page's reduced-motion switch.
pub const A11Y_REDUCED_MOTION: WidgetId = WidgetId::new("a11y.reduced-motion");
/// The Accessibility page's reading-aloud switch.
pub const A11Y_SELF_VOICING: WidgetId = WidgetId::new("a11y.self-voicing");
/// A colour scheme's choice on the Appearance page (`light`, `dark`, `time-of-day`).
pub fn appearance_scheme(key: &str) -> WidgetId {
    APPEARANCE.child("scheme").child(key)
}
/// An accent colour's choice on the Appearance page (`default` or a palette key).
pub fn appearance_accent(key: &str) -> WidgetId {
    APPEARANCE.child("accent").child(key)
}
/// The Appearance page's custom colour field.
pub const APPEARANCE_CUSTOM: WidgetId = WidgetId::new("appearance.accent.custom.input");
/// The Appearance page's button applying the custom colour.
pub const APPEARANCE_CUSTOM_APPLY: WidgetId = WidgetId::new("appearance.accent.custom.apply");
/// Why the custom colour was refused.
pub const APPEARANCE_CUSTOM_ERROR: WidgetId = WidgetId::new("appearance.accent.custom.error");
/// The Appearance page's high-contrast switch.
pub const APPEARANCE_HIGH_CONTRAST: WidgetId = WidgetId::new("appearance.high-contrast");
/// The Appearance page's reduced-motion switch.
pub const APPEARANCE_REDUCED_MOTION: WidgetId = WidgetId::new("appearance.reduced-motion");
/// The Appearance page's text-size slider.
pub const APPEARANCE_TEXT_SCALE: WidgetId = WidgetId::new("appearance.text-scale");
/// The hotspot's QR code.
pub const HOTSPOT_QR: WidgetId = WidgetId::new("network.hotspot.qr");

// The Network page. A text input's id ends in `.input` (its accessible wrapper is the
// parent, or the input's id + `.field` for a labelled input).

/// The Wi-Fi password field of the join dialog.
pub const NETWORK_JOIN_PASSWORD: WidgetId = WidgetId::new("network.join.password.input");
/// The hidden network's name field.
pub const NETWORK_JOIN_HIDDEN_NAME: WidgetId = WidgetId::new("network.join.hidden-name.input");
/// The enterprise identity field.
pub const NETWORK_JOIN_IDENTITY: WidgetId = WidgetId::new("network.join.identity.input");
/// The enterprise CA certificate field.
pub const NETWORK_JOIN_CA: WidgetId = WidgetId::new("network.join.ca.input");
/// The enterprise server domain field.
pub const NETWORK_JOIN_DOMAIN: WidgetId = WidgetId::new("network.join.domain.input");
/// The connection's DNS servers field.
pub const NETWORK_DNS: WidgetId = WidgetId::new("network.connection.dns.input");
/// The connection's MTU field.
pub const NETWORK_MTU: WidgetId = WidgetId::new("network.connection.mtu.input");
/// The hotspot's name field.
pub const NETWORK_HOTSPOT_NAME: WidgetId = WidgetId::new("network.hotspot.name.input");
/// The hotspot's password field.
pub const NETWORK_HOTSPOT_PASSWORD: WidgetId = WidgetId::new("network.hotspot.password.input");
/// The password NetworkManager's secret agent asks for.
pub const NETWORK_SECRET: WidgetId = WidgetId::new("network.secret.password.input");
/// The VPN file to import.
pub const NETWORK_VPN_FILE: WidgetId = WidgetId::new("network.vpn.file.input");

/// A connection's IP settings: `family` is `ipv4` or `ipv6`, `part` a method or a field.
pub fn network_ip(family: &str, part: &str) -> WidgetId {
    NETWORK.child(family).child(part)
}

/// A device row's action (`connect`, `disconnect`, `settings`).
pub fn network_device(interface: &str, action: &str) -> WidgetId {
    NETWORK.child("device").child(interface).child(action)
}

/// A Wi-Fi network in range, by its name.
pub fn network_wifi(name: &str) -> WidgetId {
    NETWORK.child("wifi").child(name)
}

/// A Wi-Fi device's action (`enabled`, `scan`, `hidden`, `hotspot`).
pub fn network_wifi_device(interface: &str, action: &str) -> WidgetId {
    NETWORK.child("wifi-device").child(interface).child(action)
}

/// A saved connection's control.
pub fn network_saved(id: &str, part: &str) -> WidgetId {
    NETWORK.child("saved").child(id).child(part)
}

/// A VPN's row, or one of its controls.
pub fn network_vpn(id: &str) -> WidgetId {
    NETWORK.child("vpn").child(id)
}

/// A choice in the join dialog (`security`, `eap`, `inner`).
pub fn network_join_choice(group: &str, id: &str) -> WidgetId {
    NETWORK.child("join").child(group).child(id)
}

/// A choice of the connection page (`dot`, `metered`).
pub fn network_choice(group: &str, id: &str) -> WidgetId {
    NETWORK.child(group).child(id)
}

// The Private DNS page.

/// The custom servers field.
pub const DNS_CUSTOM_SERVERS: WidgetId = WidgetId::new("dns.custom.servers.input");
/// The name to test.
pub const DNS_TEST_NAME: WidgetId = WidgetId::new("dns.test.name.input");

/// A choice of the Private DNS page (`provider`, `dot`, `dnssec`).
pub fn dns_choice(group: &str, id: &str) -> WidgetId {
    DNS.child(group).child(id)
}

// The Bluetooth page.

/// The adapter's power switch.
pub const BLUETOOTH_POWER: WidgetId = WidgetId::new("bluetooth.power");
/// The name this computer is visible as.
pub const BLUETOOTH_ALIAS: WidgetId = WidgetId::new("bluetooth.alias.input");
/// The button saving that name.
pub const BLUETOOTH_ALIAS_SAVE: WidgetId = WidgetId::new("bluetooth.alias.save");
/// The pairing dialog.
pub const BLUETOOTH_PAIRING: WidgetId = WidgetId::new("bluetooth.pairing");
/// The PIN code or passkey field of the pairing dialog.
pub const BLUETOOTH_PAIRING_CODE: WidgetId = WidgetId::new("bluetooth.pairing.code.input");

/// An adapter's choice (when there are several), by BlueZ's name (`hci0`).
pub fn bluetooth_adapter(adapter: &AdapterId) -> WidgetId {
    BLUETOOTH.child("adapter").child(adapter)
}

/// A part of the pairing dialog (`question`, `accept`, `reject`, `error`).
pub fn bluetooth_pairing(part: &str) -> WidgetId {
    BLUETOOTH_PAIRING.child(part)
}

/// A device's row or one of its controls, by its address.
pub fn bluetooth_device(address: &DeviceAddress, part: &str) -> WidgetId {
    BLUETOOTH.child("device").child(address).child(part)
}

// The Sound page. Outputs, inputs and devices are named by PipeWire's stable
// names (`node.name`, `device.name`); streams by their node id (they have no
// stable name).

/// The volume slider of the default output.
pub const SOUND_OUTPUT_VOLUME: WidgetId = WidgetId::new("sound.output.volume");
/// The default output's mute switch.
pub const SOUND_OUTPUT_MUTE: WidgetId = WidgetId::new("sound.output.mute");
/// The default output's balance slider.
pub const SOUND_BALANCE: WidgetId = WidgetId::new("sound.output.balance");
/// The default output's level meter.
pub const SOUND_OUTPUT_LEVEL: WidgetId = WidgetId::new("sound.output.level");
/// "Test speakers".
pub const SOUND_TEST: WidgetId = WidgetId::new("sound.output.test");
/// The switch allowing volumes above 100 %.
pub const SOUND_AMPLIFY: WidgetId = WidgetId::new("sound.output.amplify");
/// The volume slider of the default input.
pub const SOUND_INPUT_VOLUME: WidgetId = WidgetId::new("sound.input.volume");
/// The default input's mute switch.
pub const SOUND_INPUT_MUTE: WidgetId = WidgetId::new("sound.input.mute");
/// The default input's level meter.
pub const SOUND_INPUT_LEVEL: WidgetId = WidgetId::new("sound.input.level");

/// An output's or input's choice, by its `node.name`.
pub fn sound_endpoint(direction: Direction, name: &str) -> WidgetId {
    let group = match direction {
        Direction::Output => "outputs",
        Direction::Input => "inputs",
    };
    SOUND.child(group).child(name)
}

/// A control of an application's stream (`volume`, `mute`, or `to.<node.name>`).
pub fn sound_stream(stream: NodeId, part: &str) -> WidgetId {
    SOUND.child("stream").child(stream.0).child(part)
}

/// A port's choice of an output or input, by `node.name` and the port's name.
pub fn sound_port(node: &str, port: &str) -> WidgetId {
    SOUND.child("port").child(node).child(port)
}

/// A profile's choice of a device, by `device.name` and the profile's name.
pub fn sound_profile(device: &str, profile: &str) -> WidgetId {
    SOUND.child("device").child(device).child(profile)
}

// The Printers page. Queues are named by their CUPS name, jobs by their id,
// printers found on the network by their address.

/// "Add a printer…".
pub const PRINTERS_ADD_OPEN: WidgetId = WidgetId::new("printers.add-open");
/// The Add dialog.
pub const PRINTERS_ADD: WidgetId = WidgetId::new("printers.add");
/// The Add dialog's address field.
pub const PRINTERS_ADD_ADDRESS: WidgetId = WidgetId::new("printers.add.address.input");

/// A printer's row or one of its controls, by its queue name.
pub fn printer(queue: &QueueName, part: &str) -> WidgetId {
    PRINTERS.child("queue").child(queue.as_str()).child(part)
}

/// A choice of one of a printer's options (`media`, `sides`, …), by its value.
pub fn printer_option(queue: &QueueName, option: &str, value: &str) -> WidgetId {
    printer(queue, "option").child(option).child(value)
}

/// A control of a job, by its id.
pub fn printer_job(job: JobId, part: &str) -> WidgetId {
    PRINTERS.child("job").child(job).child(part)
}

/// The Add button of a printer found on the network, by its address.
pub fn printers_found(uri: &str) -> WidgetId {
    PRINTERS_ADD.child("found").child(uri)
}

/// The Firmware page.
pub const FIRMWARE: WidgetId = WidgetId::new("firmware");
/// The Firmware page's "Check for updates".
pub const FIRMWARE_CHECK: WidgetId = WidgetId::new("firmware.check");
/// The Firmware page's update under way (its progress bar, step and result).
pub const FIRMWARE_RUN: WidgetId = WidgetId::new("firmware.run");
/// The Firmware page's device-request dialog.
pub const FIRMWARE_PROMPT: WidgetId = WidgetId::new("firmware.prompt");

/// A part of a device's card on the Firmware page (`update`, `state`, …).
pub fn firmware_device(device_id: &str, part: &str) -> WidgetId {
    FIRMWARE.child("device").child(device_id).child(part)
}

// The Apps page.

/// The Apps page.
pub const APPS: WidgetId = WidgetId::new("apps");
/// The Apps page's search field (its accessible node is `apps.search.input.field`).
pub const APPS_SEARCH: WidgetId = WidgetId::new("apps.search.input");
/// The Apps page's Search button.
pub const APPS_SEARCH_GO: WidgetId = WidgetId::new("apps.search.go");
/// The Apps page's "Check for updates".
pub const APPS_CHECK: WidgetId = WidgetId::new("apps.check");
/// The Apps page's "Update all".
pub const APPS_UPDATE_ALL: WidgetId = WidgetId::new("apps.update-all");
/// The Apps page's change under way (its progress bar, step, Cancel) and how changes ended.
pub const APPS_RUN: WidgetId = WidgetId::new("apps.run");
/// The Apps page's "remove this app?" dialog.
pub const APPS_REMOVE: WidgetId = WidgetId::new("apps.remove");
/// The Apps page's dialog about an update that asks for more.
pub const APPS_HELD: WidgetId = WidgetId::new("apps.held");
/// The Apps page's details of an app found by the search.
pub const APPS_DETAILS: WidgetId = WidgetId::new("apps.details");
/// The Apps page's permissions of one app.
pub const APPS_PERMISSIONS: WidgetId = WidgetId::new("apps.permissions");
/// The Apps page's field for a `.flatpakrepo` file's path.
pub const APPS_REMOTE_PATH: WidgetId = WidgetId::new("apps.remotes.path.input");
/// The Apps page's field for the new remote's name.
pub const APPS_REMOTE_NAME: WidgetId = WidgetId::new("apps.remotes.name.input");
/// The Apps page's "Add source" button.
pub const APPS_REMOTE_ADD: WidgetId = WidgetId::new("apps.remotes.add");

fn installation_part(kind: InstallationKind) -> &'static str {
    match kind {
        InstallationKind::User => "user",
        InstallationKind::System => "system",
    }
}

/// A part of an installed app's card on the Apps page (`open`, `remove`, `update`, …).
pub fn apps_installed(app: &AppRef, part: &str) -> WidgetId {
    APPS.child("installed")
        .child(installation_part(app.installation))
        .child(&app.id)
        .child(part)
}

/// A part of an app found by the search (`details`, `install`), by remote.
pub fn apps_found(remote: &str, app: &AppRef, part: &str) -> WidgetId {
    APPS.child("found")
        .child(remote)
        .child(installation_part(app.installation))
        .child(&app.id)
        .child(part)
}

/// A tri-state choice of one permission (`key`: its slug) on the permissions view.
pub fn apps_permission(key: &str, choice: &str) -> WidgetId {
    APPS_PERMISSIONS.child("row").child(key).child(choice)
}

/// A portal grant's Revoke on the permissions view.
pub fn apps_grant(table: &str, id: &str) -> WidgetId {
    APPS_PERMISSIONS.child("grant").child(table).child(id)
}

// The Device Security page.

/// The Device Security page.
pub const SECURITY: WidgetId = WidgetId::new("security");
/// The Device Security page's "Copy report".
pub const SECURITY_COPY: WidgetId = WidgetId::new("security.copy");
/// The Device Security page's headline (the HSI level in words).
pub const SECURITY_LEVEL: WidgetId = WidgetId::new("security.level");

/// A host security check's row, by its AppStream id without `org.fwupd.hsi.` and with
/// dashes for its dots (`Uefi-SecureBoot`), so the id keeps one separator per part.
pub fn security_check(appstream_id: &str) -> WidgetId {
    let short = appstream_id
        .strip_prefix("org.fwupd.hsi.")
        .unwrap_or(appstream_id);
    SECURITY.child("check").child(short.replace('.', "-"))
}

/// One of this computer's facts (`secure-boot`, `keys`, `tpm`, `pcr`, `root`).
pub fn security_fact(fact: &str) -> WidgetId {
    SECURITY.child("fact").child(fact)
}

/// An entry of the security event log, by its place in the list.
pub fn security_event(index: usize) -> WidgetId {
    SECURITY.child("event").child(index)
}

// The Date & Time page.

/// The Date & Time page.
pub const DATE_TIME: WidgetId = WidgetId::new("date-time");
/// The automatic time switch.
pub const DATE_TIME_AUTOMATIC: WidgetId = WidgetId::new("date-time.automatic");
/// "Change time zone…".
pub const DATE_TIME_ZONE: WidgetId = WidgetId::new("date-time.zone");
/// The time zone picker.
pub const DATE_TIME_PICKER: WidgetId = WidgetId::new("date-time.picker");
/// The time zone picker's search field.
pub const DATE_TIME_PICKER_SEARCH: WidgetId = WidgetId::new("date-time.picker.search");
/// "Set date and time…" and the form it opens.
pub const DATE_TIME_MANUAL: WidgetId = WidgetId::new("date-time.manual");
/// The form's date field.
pub const DATE_TIME_MANUAL_DATE: WidgetId = WidgetId::new("date-time.manual.date");
/// The form's time field.
pub const DATE_TIME_MANUAL_TIME: WidgetId = WidgetId::new("date-time.manual.time");
/// The 24-hour clock switch.
pub const DATE_TIME_24_HOUR: WidgetId = WidgetId::new("date-time.24-hour");

/// A zone's row in the picker, by its tz name (`/` and all).
pub fn date_time_zone(name: &str) -> WidgetId {
    DATE_TIME_PICKER.child("zone").child(name)
}
