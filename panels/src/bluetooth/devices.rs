//! The devices: "My devices" (paired) and "Nearby devices" (seen while the
//! page looks for them), a row each, and one device's details with its
//! commands (rename, block, forget after a question, the Sound link).

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::bluetooth::{Action, Adapter, AdapterId, Device, DeviceAddress, Snapshot};
use ferrum_ui::Effect;
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, action_button_for, bidi_row, caption, card, error_line, key_value,
    reading_start, section,
};
use iced::widget::{button, column, container, text, text_input};
use iced::{Alignment, Element, Length};

use super::adapter::{NameError, check_name, name_error_text};
use super::describe::{busy_text, kind_text, service_text, signal_text, status_text};
use super::{Message as PageMessage, State as Page};
use crate::ids;

/// Which device's details are open, and what is being done in them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// The device whose details are shown.
    pub open: Option<DeviceAddress>,
    /// The rename field, while it is open (for the device shown).
    pub rename: Option<Rename>,
    /// The device the person asked to forget, waiting for "Forget" or "Cancel".
    pub confirm_forget: Option<DeviceAddress>,
}

/// A device's rename field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    /// The device.
    pub device: DeviceAddress,
    /// What is typed (kept when the name is refused).
    pub text: String,
    /// Why it was not saved.
    pub error: Option<NameError>,
}

/// What happens on a device's row or details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Pair, trust and connect a nearby device.
    Pair(DeviceAddress),
    /// Connect a paired device.
    Connect(DeviceAddress),
    /// Disconnect it.
    Disconnect(DeviceAddress),
    /// Show or hide its details.
    ToggleDetails(DeviceAddress),
    /// Asks whether to forget it.
    Forget(DeviceAddress),
    /// Yes, forget it.
    ForgetConfirmed(DeviceAddress),
    /// No, keep it.
    ForgetCanceled,
    /// Block (true) or unblock it.
    SetBlocked(DeviceAddress, bool),
    /// Open the rename field.
    RenameStarted(DeviceAddress),
    /// The name was edited.
    RenameChanged(String),
    /// Save the name.
    RenameSaved,
    /// Close the rename field.
    RenameCanceled,
}

/// What a device message asks of the page.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Step {
    /// Run this command.
    Act(Action),
    /// Move the focus (a question or field opened).
    Focus(Effect),
    /// Nothing more.
    Nothing,
}

/// Applies a message; `adapter` is the adapter shown, `name` a device's name
/// as shown (the rename field starts with it).
pub(super) fn update(
    state: &mut State,
    adapter: &AdapterId,
    name: impl Fn(&DeviceAddress) -> String,
    message: Message,
) -> Step {
    let act = |action: Action| Step::Act(action);
    let adapter = adapter.clone();
    match message {
        Message::Pair(device) => act(Action::Pair { adapter, device }),
        Message::Connect(device) => act(Action::Connect { adapter, device }),
        Message::Disconnect(device) => act(Action::Disconnect { adapter, device }),
        Message::ToggleDetails(device) => {
            if state.open == Some(device) {
                *state = State::default();
            } else {
                *state = State {
                    open: Some(device),
                    ..State::default()
                };
            }
            Step::Nothing
        }
        Message::Forget(device) => {
            state.confirm_forget = Some(device);
            Step::Focus(Effect::Focus(ids::bluetooth_device(
                &device,
                "forget-cancel",
            )))
        }
        Message::ForgetConfirmed(device) => {
            if state.confirm_forget != Some(device) {
                return Step::Nothing;
            }
            state.confirm_forget = None;
            act(Action::Forget { adapter, device })
        }
        Message::ForgetCanceled => {
            let focus = state
                .confirm_forget
                .take()
                .map(|device| Effect::Focus(ids::bluetooth_device(&device, "forget")));
            focus.map_or(Step::Nothing, Step::Focus)
        }
        Message::SetBlocked(device, blocked) => act(Action::SetBlocked {
            adapter,
            device,
            blocked,
        }),
        Message::RenameStarted(device) => {
            state.rename = Some(Rename {
                device,
                text: name(&device),
                error: None,
            });
            Step::Focus(Effect::Focus(rename_id(&device)))
        }
        Message::RenameChanged(text) => {
            if let Some(rename) = &mut state.rename {
                rename.text = text;
                if rename.error.is_some() {
                    rename.error = check_name(&rename.text).err();
                }
            }
            Step::Nothing
        }
        Message::RenameSaved => {
            let Some(rename) = &mut state.rename else {
                return Step::Nothing;
            };
            match check_name(&rename.text) {
                Ok(alias) => {
                    rename.error = None;
                    act(Action::Rename {
                        adapter,
                        device: rename.device,
                        alias,
                    })
                }
                Err(error) => {
                    rename.error = Some(error);
                    Step::Nothing
                }
            }
        }
        Message::RenameCanceled => {
            state.rename = None;
            Step::Nothing
        }
    }
}

/// The rename went through: the field closes.
pub(super) fn renamed(state: &mut State, device: &DeviceAddress) {
    if state.rename.as_ref().is_some_and(|r| r.device == *device) {
        state.rename = None;
    }
}

/// Closes what is open about devices BlueZ no longer knows (a forgotten one).
pub(super) fn forget_gone(state: &mut State, snapshot: Option<&Snapshot>) {
    let known = |device: &DeviceAddress| {
        snapshot.is_some_and(|snapshot| snapshot.devices.iter().any(|d| d.address == *device))
    };
    if state.open.as_ref().is_some_and(|d| !known(d)) {
        *state = State::default();
    }
    if state.confirm_forget.as_ref().is_some_and(|d| !known(d)) {
        state.confirm_forget = None;
    }
}

/// The rename field's id.
fn rename_id(device: &DeviceAddress) -> ferrum_ui::WidgetId {
    ids::bluetooth_device(device, "name").child("input")
}

fn device_message(message: Message) -> PageMessage {
    PageMessage::Device(message)
}

/// Both lists.
pub(super) fn view<'a>(
    page: &'a Page,
    snapshot: &'a Snapshot,
    adapter: &'a Adapter,
) -> Element<'a, PageMessage> {
    let mine: Vec<&Device> = snapshot
        .paired()
        .into_iter()
        .filter(|d| d.adapter == adapter.id)
        .collect();
    let nearby: Vec<&Device> = snapshot
        .nearby()
        .into_iter()
        .filter(|d| d.adapter == adapter.id)
        .collect();
    let mut paired_list = column![].spacing(6);
    if mine.is_empty() {
        paired_list = paired_list.push(caption(fl!("bluetooth-no-paired")));
    }
    for device in mine {
        paired_list = paired_list.push(row(page, device, adapter.powered));
    }
    let mut nearby_list = column![].spacing(6);
    if !adapter.powered {
        nearby_list = nearby_list.push(caption(fl!("bluetooth-off-nearby")));
    } else {
        if nearby.is_empty() {
            nearby_list = nearby_list.push(caption(if adapter.discovering {
                fl!("bluetooth-searching")
            } else {
                fl!("bluetooth-no-nearby")
            }));
        }
        for device in nearby {
            nearby_list = nearby_list.push(row(page, device, adapter.powered));
        }
        if adapter.discovering {
            nearby_list = nearby_list.push(caption(fl!("bluetooth-searching-note")));
        }
    }
    column![
        section(fl!("bluetooth-my-devices"), paired_list),
        section(fl!("bluetooth-nearby"), nearby_list),
    ]
    .spacing(20)
    .into()
}

/// The facts of a row, in words: kind, state (or the command under way),
/// signal, battery.
pub(super) fn row_summary(page: &Page, device: &Device) -> String {
    let mut parts = vec![kind_text(device.kind)];
    match page.pending_for(&device.address) {
        Some(action) => parts.push(busy_text(action)),
        None => parts.extend(status_text(device)),
    }
    if let Some(rssi) = device.rssi {
        parts.push(signal_text(rssi));
    }
    if let Some(percent) = device.battery {
        parts.push(fl!("bluetooth-battery", percent = percent));
    }
    parts.join(" · ")
}

fn row<'a>(page: &'a Page, device: &'a Device, powered: bool) -> Element<'a, PageMessage> {
    let address = device.address;
    let name = device.display_name();
    let facts = row_summary(page, device);
    let busy = page.pending_for(&address).is_some();
    let open = page.devices.open == Some(address);
    let label = Accessible::new(
        ids::bluetooth_device(&address, "row"),
        AccessibleInfo::new(Role::Label, name.clone()).description(facts.clone()),
        column![text(name.clone()).size(16), caption(facts)]
            .spacing(2)
            .width(Length::Fill)
            .align_x(reading_start()),
    );
    let mut controls: Vec<Element<'a, PageMessage>> = vec![label.into()];
    if !busy && powered && !device.blocked {
        let (id, title, style, message): (_, _, fn(&iced::Theme, button::Status) -> _, _) =
            if !device.paired {
                (
                    "pair",
                    fl!("bluetooth-pair"),
                    button::primary,
                    Message::Pair(address),
                )
            } else if device.connected {
                (
                    "disconnect",
                    fl!("bluetooth-disconnect"),
                    button::secondary,
                    Message::Disconnect(address),
                )
            } else {
                (
                    "connect",
                    fl!("bluetooth-connect"),
                    button::primary,
                    Message::Connect(address),
                )
            };
        controls.push(action_button_for(
            ids::bluetooth_device(&address, id),
            title,
            &name,
            style,
            device_message(message),
        ));
    }
    controls.push(action_button_for(
        ids::bluetooth_device(&address, "details"),
        if open {
            fl!("bluetooth-details-hide")
        } else {
            fl!("bluetooth-details-show")
        },
        &name,
        button::text,
        device_message(Message::ToggleDetails(address)),
    ));
    let mut content = column![
        bidi_row(controls)
            .spacing(8)
            .align_y(Alignment::Center)
            .width(Length::Fill)
    ]
    .spacing(8);
    if open {
        content = content.push(details(page, device, busy));
    }
    card(content)
}

fn details<'a>(page: &'a Page, device: &'a Device, busy: bool) -> Element<'a, PageMessage> {
    let address = device.address;
    let services = if device.services.is_empty() {
        fl!("bluetooth-services-none")
    } else {
        device
            .services
            .iter()
            .map(service_text)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut content = column![
        key_value(fl!("bluetooth-address"), address.to_string()),
        key_value(fl!("bluetooth-kind"), kind_text(device.kind)),
        key_value(fl!("bluetooth-services"), services),
    ]
    .spacing(6);
    if let Some(name) = device.name.as_ref().filter(|n| **n != device.alias) {
        content = content.push(key_value(fl!("bluetooth-own-name"), name.clone()));
    }
    if let Some(rename) = page.devices.rename.as_ref().filter(|r| r.device == address) {
        content = content.push(rename_field(device, rename, busy));
    } else if page.devices.confirm_forget == Some(address) {
        content = content.push(forget_question(device));
    } else if !busy {
        content = content.push(commands(device));
    }
    container(content).padding([4, 0]).into()
}

fn commands(device: &Device) -> Element<'_, PageMessage> {
    let address = device.address;
    let subject = device.display_name();
    let mut buttons = vec![action_button_for(
        ids::bluetooth_device(&address, "rename"),
        fl!("bluetooth-rename"),
        &subject,
        button::secondary,
        device_message(Message::RenameStarted(address)),
    )];
    buttons.push(if device.blocked {
        action_button_for(
            ids::bluetooth_device(&address, "unblock"),
            fl!("bluetooth-unblock"),
            &subject,
            button::secondary,
            device_message(Message::SetBlocked(address, false)),
        )
    } else {
        action_button_for(
            ids::bluetooth_device(&address, "block"),
            fl!("bluetooth-block"),
            &subject,
            button::secondary,
            device_message(Message::SetBlocked(address, true)),
        )
    });
    if device.paired {
        buttons.push(action_button_for(
            ids::bluetooth_device(&address, "forget"),
            fl!("bluetooth-forget"),
            &subject,
            button::danger,
            device_message(Message::Forget(address)),
        ));
    }
    if device.kind.is_audio() {
        buttons.push(sound_link(address, &subject));
    }
    bidi_row(buttons).spacing(8).into()
}

/// The link to the Sound page, where the device's profiles and volume are.
fn sound_link<'a>(address: DeviceAddress, subject: &str) -> Element<'a, PageMessage> {
    action_button_for(
        ids::bluetooth_device(&address, "sound"),
        fl!("bluetooth-sound-settings"),
        subject,
        button::text,
        PageMessage::OpenSoundSettings(address),
    )
}

fn forget_question(device: &Device) -> Element<'_, PageMessage> {
    let address = device.address;
    let question = fl!("bluetooth-forget-question", name = device.display_name());
    column![
        Accessible::new(
            ids::bluetooth_device(&address, "forget-question"),
            AccessibleInfo::new(Role::Alert, question.clone()),
            text(question).size(15).font(FONT_BOLD),
        ),
        caption(fl!("bluetooth-forget-question.body")),
        bidi_row(vec![
            action_button(
                ids::bluetooth_device(&address, "forget-cancel"),
                fl!("bluetooth-cancel"),
                button::secondary,
                device_message(Message::ForgetCanceled),
            ),
            action_button(
                ids::bluetooth_device(&address, "forget-confirm"),
                fl!("bluetooth-forget"),
                button::danger,
                device_message(Message::ForgetConfirmed(address)),
            ),
        ])
        .spacing(8),
    ]
    .spacing(6)
    .into()
}

fn rename_field<'a>(
    device: &'a Device,
    rename: &'a Rename,
    busy: bool,
) -> Element<'a, PageMessage> {
    let label = fl!("bluetooth-rename-label");
    let id = rename_id(&device.address);
    let mut field = column![
        text(label.clone()).size(14),
        Accessible::new(
            id.child("field"),
            AccessibleInfo::new(Role::TextInput, label).value(rename.text.clone()),
            text_input(&device.display_name(), &rename.text)
                .id(id)
                .on_input(|text| device_message(Message::RenameChanged(text)))
                .on_submit(device_message(Message::RenameSaved))
                .padding(8),
        ),
    ]
    .spacing(4);
    if let Some(error) = rename.error {
        field = field.push(error_line(
            ids::bluetooth_device(&device.address, "name").child("error"),
            name_error_text(error),
        ));
    }
    if !busy {
        field = field.push(
            bidi_row(vec![
                action_button(
                    ids::bluetooth_device(&device.address, "rename-cancel"),
                    fl!("bluetooth-cancel"),
                    button::secondary,
                    device_message(Message::RenameCanceled),
                ),
                action_button(
                    ids::bluetooth_device(&device.address, "rename-save"),
                    fl!("bluetooth-rename-save"),
                    button::primary,
                    device_message(Message::RenameSaved),
                ),
            ])
            .spacing(8),
        );
    }
    field.into()
}
