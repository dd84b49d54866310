//! The integration tests, in one test binary: each module was its own binary before, and
//! every one of them linked the whole shell (iced, zbus, the panels) again — forty links of
//! ~170 MB each, which filled the CI machine's disk and cost minutes of linking on its two
//! cores. nextest still runs every test in its own process, so the tests stay as isolated
//! from each other as they were; filter by module (`cargo nextest run -p
//! ferrum-integration-tests -E 'test(/^hostname::/)'`, or `cargo test -p
//! ferrum-integration-tests --test integration hostname::`).

mod accounts;
mod appearance_keyboard;
mod apps;
mod apps_keyboard;
mod apps_page;
mod audio;
mod bluetooth;
mod bluetooth_keyboard;
mod bluetooth_peer;
mod date_time_keyboard;
mod date_time_page;
mod faults;
mod firmware;
mod firmware_bed;
mod firmware_https;
mod firmware_page;
mod first_boot_setup;
mod greeter;
mod greeter_log_hygiene;
mod greeter_services;
mod hostname;
mod keyboard;
mod locale_daemon;
mod network_bed;
mod network_keyboard;
mod network_panel;
mod network_wifi;
mod own_password;
mod polkit_agent;
mod portal;
mod power_daemons;
mod printers;
mod printers_page;
mod printing_bed;
mod private_dns;
mod region_page;
mod scroll_focus;
mod security_page;
mod self_voicing;
mod setup_keyboard;
mod setup_world;
mod sound_page;
mod users_page;
