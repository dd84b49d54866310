//! Typed D-Bus proxies, generated from the daemons' interface XML in
//! `services/interfaces/` with `zbus-xmlgen` (run `cargo xtask proxies`) and
//! kept as generated apart from doc comments. Do not hand-edit the method
//! and property lists: regenerate instead.

#[allow(
    non_snake_case,
    reason = "generated: argument names as in the daemon's XML"
)]
pub mod accounts;
#[allow(
    non_snake_case,
    reason = "generated: argument names as in the daemon's XML"
)]
pub mod accounts_user;
pub mod avahi_server;
pub mod avahi_service_browser;
pub mod cups_pk_helper;
#[allow(
    non_camel_case_types,
    reason = "generated: fwupd names its interface `org.freedesktop.fwupd`, so the proxy is `fwupdProxy`"
)]
pub mod fwupd;
pub mod locale;
pub mod logind;
pub mod network_manager;
pub mod nm_access_point;
pub mod nm_active_connection;
pub mod nm_agent_manager;
pub mod nm_device;
pub mod nm_device_wired;
pub mod nm_device_wireless;
pub mod nm_dhcp4_config;
pub mod nm_ip4_config;
pub mod nm_ip6_config;
pub mod nm_settings;
pub mod nm_settings_connection;
pub mod polkit_authority;
pub mod power_profiles;
pub mod resolved;
pub mod resolved_link;
pub mod timedate;
pub mod upower;
pub mod upower_device;
