//! Drawing the Firmware page: checking for updates, the update under way (a progress bar
//! named with its device, step and percentage for screen readers; the step as an alert when
//! it changes), fwupd's request dialog, and a card per device with its offered update.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::firmware::{Device, Release, Snapshot};
use ferrum_ui::status::ServiceStatus;
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, action_button_for, bidi_row, caption, card, error_line, heading,
    level_bar, line, notice, page_start, reading_start,
};
use iced::widget::{button, column, text};
use iced::{Alignment, Element, Length};

use super::describe::{
    busy_text, device_name, error_sentence, live_update_text, progress_name, refresh_text,
    run_text, size_text, step_text, update_state_text, updating_text, urgency_text,
};
use super::progress::{Ending, Run};
use super::{Message, Refresh, State, shown_devices};
use crate::ids;

pub(super) fn page(state: &State) -> Element<'_, Message> {
    let mut page = page_start(
        fl!("firmware-title"),
        state.error.as_ref(),
        &ids::FIRMWARE,
        Message::Report,
    );
    let snapshot = match &state.fwupd {
        ServiceStatus::Loading => return page.push(caption(fl!("service-loading"))).into(),
        ServiceStatus::Unavailable => {
            page = page.push(notice(
                fl!("firmware-not-running"),
                fl!("firmware-not-running.body"),
            ));
            return with_run(page, state).into();
        }
        ServiceStatus::Failed(error) => {
            page = page.push(notice(fl!("firmware-unreadable"), error_sentence(error)));
            return with_run(page, state).into();
        }
        ServiceStatus::BusUnreachable(failure) => {
            return page
                .push(notice(fl!("service-bus-unreachable"), failure.to_string()))
                .into();
        }
        ServiceStatus::Ready(snapshot) => snapshot,
    };
    page = page.push(refresh_row(state));
    page = with_run(page, state);
    page = page.push(heading(fl!("firmware-devices"), 15));
    let devices = shown_devices(snapshot);
    if devices.is_empty() {
        return page.push(caption(fl!("firmware-none"))).into();
    }
    for device in devices {
        page = page.push(device_card(state, snapshot, device));
    }
    page.into()
}

/// The update under way (or how it ended) and fwupd's request, when there are.
fn with_run<'a>(
    mut page: iced::widget::Column<'a, Message>,
    state: &'a State,
) -> iced::widget::Column<'a, Message> {
    if let Some(dialog) = &state.prompt {
        page = page.push(dialog.view().map(Message::Prompt));
    }
    if state.run != Run::Idle {
        page = page.push(run_card(state));
    }
    if state.busy_elsewhere() {
        let sentence = busy_text(state.daemon);
        page = page.push(card(Accessible::new(
            ids::FIRMWARE.child("busy"),
            AccessibleInfo::new(Role::Label, sentence.clone()),
            text(sentence).size(15),
        )));
    }
    page
}

fn refresh_row(state: &State) -> Element<'_, Message> {
    let mut row = Vec::new();
    if let Some(sentence) = refresh_text(&state.refresh) {
        row.push(
            Accessible::new(
                ids::FIRMWARE.child("refresh"),
                AccessibleInfo::new(Role::Label, sentence.clone()),
                line(sentence, 14, Length::Fill),
            )
            .into(),
        );
    } else {
        row.push(iced::widget::Space::new().width(Length::Fill).into());
    }
    if state.refresh != Refresh::Checking {
        row.push(action_button(
            ids::FIRMWARE_CHECK,
            fl!("firmware-check"),
            button::secondary,
            Message::CheckForUpdates,
        ));
    }
    bidi_row(row).spacing(12).align_y(Alignment::Center).into()
}

fn run_card(state: &State) -> Element<'_, Message> {
    let run = &state.run;
    let Some(target) = run.target() else {
        return column![].into();
    };
    let sentence = run_text(run).unwrap_or_default();
    let mut content = column![].spacing(10).align_x(reading_start());
    match run {
        Run::Active { step, percent, .. } => {
            let percent = percent.unwrap_or(0);
            content = content
                .push(text(updating_text(target)).size(17).font(FONT_BOLD))
                .push(
                    bidi_row(vec![
                        // The step, said (with its device) when it changes.
                        Accessible::new(
                            ids::FIRMWARE_RUN.child("step"),
                            AccessibleInfo::new(Role::Alert, sentence),
                            line(step_text(*step), 15, Length::Fill),
                        )
                        .into(),
                        text(fl!("percent-value", percent = percent))
                            .size(15)
                            .into(),
                    ])
                    .spacing(12)
                    .align_y(Alignment::Center),
                )
                .push(level_bar(
                    ids::FIRMWARE_RUN.child("progress"),
                    progress_name(target, *step, percent),
                    percent as f32 / 100.0,
                ));
        }
        Run::Finished { ending, .. } => {
            content = content.push(Accessible::new(
                ids::FIRMWARE_RUN.child("result"),
                AccessibleInfo::new(Role::Alert, sentence.clone()),
                line(sentence, 15, Length::Fill),
            ));
            let mut buttons = Vec::new();
            if *ending == Ending::RestartNeeded {
                buttons.push(action_button(
                    ids::FIRMWARE_RUN.child("restart"),
                    fl!("firmware-restart"),
                    button::primary,
                    Message::Restart,
                ));
            }
            buttons.push(action_button(
                ids::FIRMWARE_RUN.child("close"),
                fl!("firmware-close"),
                button::secondary,
                Message::RunDismissed,
            ));
            content = content.push(bidi_row(buttons).spacing(8));
        }
        Run::Failed { .. } => {
            content = content
                .push(error_line(ids::FIRMWARE_RUN.child("result"), sentence))
                .push(action_button(
                    ids::FIRMWARE_RUN.child("close"),
                    fl!("firmware-close"),
                    button::secondary,
                    Message::RunDismissed,
                ));
        }
        Run::Idle => {}
    }
    card(content)
}

fn device_card<'a>(
    state: &'a State,
    snapshot: &'a Snapshot,
    device: &'a Device,
) -> Element<'a, Message> {
    let name = device_name(device);
    let mut content = column![text(name.clone()).size(17).font(FONT_BOLD)]
        .spacing(6)
        .width(Length::Fill)
        .align_x(reading_start());
    if let Some(vendor) = device.vendor.as_deref() {
        content = content.push(caption(fl!("firmware-vendor", vendor = vendor)));
    }
    let version = device.version.as_deref().map_or_else(
        || fl!("firmware-version-unknown"),
        |version| fl!("firmware-version", version = version),
    );
    content = content.push(Accessible::new(
        ids::firmware_device(&device.id, "version"),
        AccessibleInfo::new(
            Role::Label,
            fl!(
                "control-about",
                control = version.as_str(),
                subject = name.as_str()
            ),
        ),
        text(version).size(15),
    ));
    content = content.push(caption(live_update_text(device)));
    if let Some(last) = update_state_text(device) {
        content = content.push(caption(last));
    }
    match snapshot.upgrades_for(&device.id).first() {
        Some(release) => content = content.push(release_view(state, device, &name, release)),
        None if device.flags.updatable() => {
            content = content.push(caption(fl!("firmware-up-to-date")));
        }
        None => {}
    }
    card(content)
}

fn release_view<'a>(
    state: &'a State,
    device: &'a Device,
    name: &str,
    release: &'a Release,
) -> Element<'a, Message> {
    let available = fl!(
        "firmware-update-available",
        version = release.version.as_str()
    );
    let mut facts = Vec::new();
    if let Some(urgency) = urgency_text(release.urgency) {
        facts.push(urgency);
    }
    if release.size > 0 {
        facts.push(fl!("firmware-update-size", size = size_text(release.size)));
    }
    let mut content = column![Accessible::new(
        ids::firmware_device(&device.id, "available"),
        AccessibleInfo::new(
            Role::Label,
            fl!(
                "control-about",
                control = available.as_str(),
                subject = name
            ),
        ),
        text(available).size(16).font(FONT_BOLD),
    ),]
    .spacing(6)
    .align_x(reading_start());
    if !facts.is_empty() {
        content = content.push(caption(facts.join(" · ")));
    }
    let notes = release.description_text();
    if !notes.trim().is_empty() {
        content = content
            .push(text(fl!("firmware-release-notes")).size(14).font(FONT_BOLD))
            .push(text(notes).size(14));
    }
    let this_one = state.run.is_active()
        && state
            .run
            .target()
            .is_some_and(|target| target.device_id == device.id);
    if this_one {
        content = content.push(caption(fl!("firmware-being-updated")));
    } else if state.run.is_active() || state.busy_elsewhere() {
        content = content.push(caption(fl!("firmware-update-elsewhere")));
    } else {
        content = content.push(action_button_for(
            ids::firmware_device(&device.id, "update"),
            fl!("firmware-update"),
            name,
            button::primary,
            Message::Update(device.id.clone()),
        ));
    }
    content.into()
}
