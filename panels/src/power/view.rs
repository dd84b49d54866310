//! Drawing the Power page.

use ferrum_i18n::fl;
use ferrum_services::power_profiles::{PowerProfilesState, Profile};
use ferrum_services::upower::{Battery, PowerSupplyState};
use iced::widget::{column, container, progress_bar, text};
use iced::{Element, Length};

use super::describe::{battery_state_text, degradation_text, profile_description};
use super::{Message, State, format_duration, profile_title};
use ferrum_ui::status::ServiceStatus;
use ferrum_ui::widgets::{
    bidi_row, caption, key_value, line, notice, page_start, radio_row, reading_start, section,
};

pub(super) fn page(state: &State) -> Element<'_, Message> {
    let mut page = page_start(
        fl!("power-title"),
        state.error.as_ref(),
        &crate::ids::POWER,
        Message::Report,
    );
    page = page.push(section(fl!("power-mode-heading"), profiles(state)));
    page = page.push(section(fl!("battery-heading"), supply(&state.supply)));
    page.into()
}

fn profiles(state: &State) -> Element<'_, Message> {
    match state.profiles.ready_or_notice(
        || {
            (
                fl!("power-profiles-unavailable"),
                fl!("power-profiles-unavailable.body"),
            )
        },
        |error| notice(fl!("power-profiles-failed"), error.detail()),
    ) {
        Ok(daemon) => profile_list(state, daemon),
        Err(notice) => notice,
    }
}

/// Profiles shown most-powerful first, as the daemon's own clients do.
fn display_order(daemon: &PowerProfilesState) -> Vec<&Profile> {
    let mut offered: Vec<&Profile> = daemon.offered.iter().map(|o| &o.profile).collect();
    offered.sort_by_key(|profile| match profile {
        Profile::Performance => 0,
        Profile::Balanced => 1,
        Profile::PowerSaver => 2,
        Profile::Other(_) => 3,
    });
    offered
}

fn profile_list<'a>(state: &'a State, daemon: &'a PowerProfilesState) -> Element<'a, Message> {
    let selected = state.selected_profile();
    let offered = display_order(daemon);
    let selected_index = offered.iter().position(|p| Some(*p) == selected);
    let mut list = column![].spacing(4);
    for (index, profile) in offered.iter().enumerate() {
        let mut details = column![
            text(profile_title(profile)).size(16),
            caption(profile_description(profile)),
        ]
        .spacing(2)
        .width(Length::Fill)
        .align_x(reading_start());
        if let (Profile::Performance, Some(degradation)) = (profile, &daemon.degraded) {
            details = details.push(caption(degradation_text(degradation)));
        }
        if state.pending.as_ref() == Some(*profile) {
            details = details.push(caption(fl!("profile-switching")));
        }
        list = list.push(radio_row(
            crate::ids::power_profile(profile.name()),
            profile_title(profile),
            Some(profile_description(profile)),
            Some(index) == selected_index,
            details,
            8,
            Message::ProfileChosen((*profile).clone()),
        ));
    }
    if !daemon.holds.is_empty() {
        let mut holds = column![text(fl!("holds-heading")).size(14)]
            .spacing(4)
            .width(Length::Fill)
            .align_x(reading_start());
        for hold in &daemon.holds {
            let app = if hold.application_id.is_empty() {
                fl!("about-unknown")
            } else {
                hold.application_id.clone()
            };
            let line = if hold.reason.is_empty() {
                fl!(
                    "hold-row-no-reason",
                    app = app,
                    profile = profile_title(&hold.profile)
                )
            } else {
                fl!(
                    "hold-row",
                    app = app,
                    profile = profile_title(&hold.profile),
                    reason = hold.reason.clone()
                )
            };
            holds = holds.push(caption(line));
        }
        list = list.push(container(holds).padding([8, 8]));
    }
    list.into()
}

fn supply(
    status: &ServiceStatus<PowerSupplyState, ferrum_services::upower::UPowerError>,
) -> Element<'_, Message> {
    match status.ready_or_notice(
        || (fl!("upower-unavailable"), fl!("upower-unavailable.body")),
        |error| match error {
            ferrum_services::upower::UPowerError::NoAnswer(_) => {
                notice(fl!("upower-no-answer"), error.to_string())
            }
            error => notice(fl!("upower-failed"), error.to_string()),
        },
    ) {
        Ok(supply) => supply_details(supply),
        Err(notice) => notice,
    }
}

fn supply_details(supply: &PowerSupplyState) -> Element<'_, Message> {
    let mut content = column![].spacing(14);
    if supply.batteries.is_empty() {
        content = content.push(caption(fl!("no-batteries")));
    }
    for battery in &supply.batteries {
        content = content.push(battery_view(battery));
    }
    let source = if supply.on_battery || supply.line_power == Some(false) {
        fl!("power-source-battery")
    } else {
        fl!("power-source-ac")
    };
    content = content.push(key_value(fl!("power-source"), source));
    content.into()
}

fn one_decimal(value: f64) -> String {
    ferrum_i18n::format_decimal(value, 1)
}

fn battery_view(battery: &Battery) -> Element<'_, Message> {
    let name = if battery.vendor.is_empty() && battery.model.is_empty() {
        fl!("battery-name-unknown")
    } else {
        fl!(
            "battery-name",
            vendor = battery.vendor.clone(),
            model = battery.model.clone()
        )
    };
    let percent = battery.percentage.round();
    let mut state_line = battery_state_text(battery.state);
    if let Some(time) = battery.time_to_empty {
        state_line = format!(
            "{state_line} · {}",
            fl!("battery-time-to-empty", time = format_duration(time))
        );
    } else if let Some(time) = battery.time_to_full {
        state_line = format!(
            "{state_line} · {}",
            fl!("battery-time-to-full", time = format_duration(time))
        );
    }
    let mut health = fl!(
        "battery-health-value",
        percent = battery.capacity_percent.round(),
        full = one_decimal(battery.energy_full_wh),
        design = one_decimal(battery.energy_full_design_wh)
    );
    if let Some(cycles) = battery.charge_cycles {
        health = format!("{health} · {}", fl!("battery-cycles", cycles = cycles));
    }
    column![
        bidi_row(vec![
            line(name, 16, Length::Fill),
            text(fl!("battery-percent", percent = percent))
                .size(16)
                .into(),
        ]),
        progress_bar(0.0..=100.0, battery.percentage as f32).girth(8),
        caption(state_line),
        key_value(fl!("battery-health"), health),
    ]
    .spacing(6)
    .align_x(reading_start())
    .into()
}
