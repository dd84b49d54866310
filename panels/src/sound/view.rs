//! Drawing the Sound page.

use ferrum_i18n::fl;
use ferrum_services::audio::volume::{self, AMPLIFIED_MAX};
use ferrum_services::audio::{
    AppStream, AudioDevice, AudioError, Availability, Channel, Direction, Endpoint, NodeId,
    Snapshot, StreamDirection, StreamTarget, VolumeLimit,
};
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, caption, choice, choice_for, level_bar, notice, page_start,
    reading_start, section, switch, switch_for, value_slider,
};
use iced::widget::{button, column, text};
use iced::{Element, Length};

use super::describe::{error_sentence, profile_kind, profile_sentence, stream_name};
use super::{Message, State};
use crate::ids;

/// One arrow key on a volume slider: 5 %. Sliders count in percent (what
/// assistive technology reads out: "55", not "0.55"); messages carry
/// fractions.
pub const VOLUME_STEP: f64 = 5.0;
/// One arrow key on the balance slider: a tenth of the way to one side
/// (−100 left … 100 right).
pub const BALANCE_STEP: f64 = 10.0;

pub(super) fn page(state: &State) -> Element<'_, Message> {
    let mut page = page_start(
        fl!("sound-title"),
        state.error.as_ref(),
        &ids::SOUND,
        Message::Report,
    );
    let snapshot = match state.sound.ready_or_notice(
        || (fl!("sound-not-running"), fl!("sound-not-running.body")),
        |error| match error {
            AudioError::NoAnswer => notice(fl!("sound-no-answer"), fl!("sound-no-answer.body")),
            error => notice(
                fl!("sound-unreadable"),
                fl!("sound-unreadable.body", detail = error.detail()),
            ),
        },
    ) {
        Ok(snapshot) => snapshot,
        Err(notice) => return page.push(notice).into(),
    };
    if !snapshot.session_manager {
        page = page.push(notice(
            fl!("sound-no-session-manager"),
            fl!("sound-no-session-manager.body"),
        ));
    }
    page.push(output_section(state, snapshot))
        .push(input_section(state, snapshot))
        .push(streams_section(state, snapshot))
        .push(devices_section(state, snapshot))
        .into()
}

/// The choices of outputs or inputs (the default is the selected one).
fn endpoint_choices<'a>(
    snapshot: &'a Snapshot,
    direction: Direction,
) -> iced::widget::Column<'a, Message> {
    let current = snapshot.default_endpoint(direction).map(|e| e.id);
    let mut list = column![].spacing(2);
    for endpoint in snapshot.endpoints(direction) {
        let description = endpoint
            .device
            .and_then(|device| snapshot.device(device))
            .and_then(AudioDevice::active)
            .map(|profile| profile.description.clone());
        list = list.push(choice(
            ids::sound_endpoint(direction, &endpoint.name),
            endpoint.description.clone(),
            description,
            current == Some(endpoint.id),
            Message::DefaultChosen(direction, endpoint.id),
        ));
    }
    list
}

/// A volume slider's range: up to the limit, or further when the volume
/// already is (set elsewhere): nothing snaps it back.
fn volume_range(state: &State, slider: f32) -> std::ops::RangeInclusive<f64> {
    let max = state.limit.max_slider().max(slider.min(AMPLIFIED_MAX));
    0.0..=f64::from(max) * 100.0
}

fn volume_slider<'a>(
    state: &State,
    id: ferrum_ui::WidgetId,
    name: String,
    node: NodeId,
) -> Option<Element<'a, Message>> {
    let slider = state.shown_volume(node)?;
    Some(value_slider(
        id,
        name,
        fl!("percent-value", percent = volume::percent(slider)),
        volume_range(state, slider),
        f64::from(slider) * 100.0,
        VOLUME_STEP,
        move |percent| Message::Volume(node, (percent / 100.0) as f32),
    ))
}

/// A column as wide as its card, its rows at the reading start (right in Arabic).
fn start_column<'a>() -> iced::widget::Column<'a, Message> {
    column![].width(Length::Fill).align_x(reading_start())
}

/// A control under its visible label (a slider, a level), both at the reading start.
fn labelled<'a>(label: String, control: Element<'a, Message>) -> Element<'a, Message> {
    column![text(label).size(16), control]
        .width(Length::Fill)
        .align_x(reading_start())
        .into()
}

/// The ports (connectors) of an output's or input's card to choose from,
/// when it has more than one ("Speakers", "Headphones").
fn port_choices(endpoint: &Endpoint) -> Option<Element<'_, Message>> {
    if endpoint.ports.len() < 2 {
        return None;
    }
    let node = endpoint.id;
    let mut list = column![caption(fl!("sound-port"))]
        .spacing(2)
        .align_x(reading_start());
    for port in &endpoint.ports {
        let description = (port.available == Availability::No).then(|| fl!("sound-port-unplugged"));
        list = list.push(choice_for(
            ids::sound_port(&endpoint.name, &port.name),
            port.description.clone(),
            &endpoint.description,
            description,
            port.active,
            Message::Port(node, port.index),
        ));
    }
    Some(list.into())
}

fn has_sides(endpoint: &Endpoint) -> bool {
    let map = endpoint
        .volume
        .as_ref()
        .map(|volume| volume.map.as_slice())
        .unwrap_or_default();
    let left = map.iter().any(|c| {
        matches!(
            c,
            Channel::FrontLeft | Channel::SideLeft | Channel::RearLeft
        )
    });
    let right = map.iter().any(|c| {
        matches!(
            c,
            Channel::FrontRight | Channel::SideRight | Channel::RearRight
        )
    });
    left && right
}

fn balance_text(balance: f32) -> String {
    let percent = (balance.abs() * 100.0).round() as u32;
    if percent == 0 {
        fl!("sound-balance-centre")
    } else if balance < 0.0 {
        fl!("sound-balance-left", percent = percent)
    } else {
        fl!("sound-balance-right", percent = percent)
    }
}

fn level_line<'a>(
    id: ferrum_ui::WidgetId,
    name: String,
    level: &Result<f32, AudioError>,
) -> Element<'a, Message> {
    match level {
        Ok(level) => labelled(name.clone(), level_bar(id, name, *level)),
        Err(error) => caption(fl!(
            "sound-level-unavailable",
            reason = error_sentence(error)
        )),
    }
}

fn output_section<'a>(state: &'a State, snapshot: &'a Snapshot) -> Element<'a, Message> {
    let mut content = start_column().spacing(10);
    if snapshot.outputs.is_empty() {
        content = content.push(caption(fl!("sound-no-outputs")));
        return section(fl!("sound-output-heading"), content);
    }
    content = content.push(endpoint_choices(snapshot, Direction::Output));
    if let Some(output) = snapshot.default_endpoint(Direction::Output) {
        let node = output.id;
        if let Some(ports) = port_choices(output) {
            content = content.push(ports);
        }
        if let Some(slider) = volume_slider(
            state,
            ids::SOUND_OUTPUT_VOLUME,
            fl!("sound-output-volume"),
            node,
        ) {
            content = content.push(labelled(fl!("sound-output-volume"), slider));
        }
        content = content.push(switch(
            ids::SOUND_OUTPUT_MUTE,
            fl!("sound-output-mute"),
            String::new(),
            state.shown_mute(node),
            move |mute| Message::Mute(node, mute),
        ));
        if has_sides(output)
            && let Some(balance) = state.shown_balance(node)
        {
            content = content.push(labelled(
                fl!("sound-balance"),
                value_slider(
                    ids::SOUND_BALANCE,
                    fl!("sound-balance"),
                    balance_text(balance),
                    -100.0..=100.0,
                    f64::from(balance) * 100.0,
                    BALANCE_STEP,
                    move |percent| Message::Balance(node, (percent / 100.0) as f32),
                ),
            ));
        }
        content = content.push(if state.playing_output() == Some(node) {
            level_line(
                ids::SOUND_OUTPUT_LEVEL,
                fl!("sound-output-level"),
                &state.levels.output,
            )
        } else {
            caption(fl!("sound-nothing-playing"))
        });
        let testing = state.testing(node);
        content = content.push(if testing {
            Element::from(caption(fl!("sound-testing")))
        } else {
            action_button(
                ids::SOUND_TEST,
                fl!("sound-test"),
                button::secondary,
                Message::TestSpeakers(node),
            )
        });
    }
    content = content.push(switch(
        ids::SOUND_AMPLIFY,
        fl!("sound-amplify"),
        fl!("sound-amplify.desc"),
        state.limit == VolumeLimit::Amplified,
        Message::AllowAmplification,
    ));
    section(fl!("sound-output-heading"), content)
}

fn input_section<'a>(state: &'a State, snapshot: &'a Snapshot) -> Element<'a, Message> {
    let mut content = start_column().spacing(10);
    if snapshot.inputs.is_empty() {
        content = content.push(caption(fl!("sound-no-inputs")));
        return section(fl!("sound-input-heading"), content);
    }
    content = content.push(endpoint_choices(snapshot, Direction::Input));
    if let Some(input) = snapshot.default_endpoint(Direction::Input) {
        let node = input.id;
        if let Some(ports) = port_choices(input) {
            content = content.push(ports);
        }
        if let Some(slider) = volume_slider(
            state,
            ids::SOUND_INPUT_VOLUME,
            fl!("sound-input-volume"),
            node,
        ) {
            content = content.push(labelled(fl!("sound-input-volume"), slider));
        }
        content = content.push(switch(
            ids::SOUND_INPUT_MUTE,
            fl!("sound-input-mute"),
            String::new(),
            state.shown_mute(node),
            move |mute| Message::Mute(node, mute),
        ));
        content = content.push(level_line(
            ids::SOUND_INPUT_LEVEL,
            fl!("sound-input-level"),
            &state.levels.input,
        ));
    }
    section(fl!("sound-input-heading"), content)
}

fn streams_section<'a>(state: &'a State, snapshot: &'a Snapshot) -> Element<'a, Message> {
    if snapshot.streams.is_empty() {
        return section(
            fl!("sound-apps-heading"),
            start_column().push(caption(fl!("sound-no-streams"))),
        );
    }
    let mut content = start_column().spacing(18);
    for stream in &snapshot.streams {
        content = content.push(stream_view(state, snapshot, stream));
    }
    section(fl!("sound-apps-heading"), content)
}

fn stream_view<'a>(
    state: &'a State,
    snapshot: &'a Snapshot,
    stream: &'a AppStream,
) -> Element<'a, Message> {
    let name = stream_name(stream);
    let node = stream.id;
    let direction = stream.direction.endpoint();
    let linked: Vec<String> = stream
        .linked_to
        .iter()
        .filter_map(|id| snapshot.endpoint(*id))
        .map(|endpoint| endpoint.description.clone())
        .collect();
    let whereabouts = match (stream.direction, linked.is_empty()) {
        (_, true) => fl!("sound-stream-unlinked"),
        (StreamDirection::Playback, false) => {
            fl!("sound-stream-playing-on", devices = linked.join(", "))
        }
        (StreamDirection::Recording, false) => {
            fl!("sound-stream-recording-from", devices = linked.join(", "))
        }
    };
    let mut header = column![text(name.clone()).size(16).font(FONT_BOLD)]
        .spacing(2)
        .align_x(reading_start());
    if let Some(media) = stream
        .media_name
        .as_ref()
        .filter(|media| Some(*media) != stream.application_name.as_ref())
    {
        header = header.push(caption(media.clone()));
    }
    header = header.push(caption(whereabouts));
    if stream.state.is_paused() {
        header = header.push(caption(fl!("sound-stream-paused")));
    }
    let mut content = column![header].spacing(6).align_x(reading_start());
    if let Some(slider) = volume_slider(
        state,
        ids::sound_stream(node, "volume"),
        fl!(
            "control-about",
            control = fl!("sound-stream-volume"),
            subject = name.as_str()
        ),
        node,
    ) {
        content = content.push(slider);
    }
    content = content.push(switch_for(
        ids::sound_stream(node, "mute"),
        fl!("sound-stream-mute"),
        &name,
        String::new(),
        state.shown_mute(node),
        move |mute| Message::Mute(node, mute),
    ));
    let endpoints = snapshot.endpoints(direction);
    if endpoints.len() > 1 && snapshot.session_manager {
        let follows = matches!(stream.target, None | Some(StreamTarget::FollowDefault));
        let default_name = snapshot
            .default_endpoint(direction)
            .map(|endpoint| endpoint.description.clone())
            .unwrap_or_default();
        let mut targets = column![caption(match stream.direction {
            StreamDirection::Playback => fl!("sound-stream-output"),
            StreamDirection::Recording => fl!("sound-stream-input"),
        })]
        .spacing(2)
        .align_x(reading_start());
        targets = targets.push(choice_for(
            ids::sound_stream(node, "to-default"),
            match stream.direction {
                StreamDirection::Playback => {
                    fl!("sound-stream-follow-default-output", device = default_name)
                }
                StreamDirection::Recording => {
                    fl!("sound-stream-follow-default-input", device = default_name)
                }
            },
            &name,
            None,
            follows,
            Message::Move(node, StreamTarget::FollowDefault),
        ));
        for endpoint in endpoints {
            targets = targets.push(choice_for(
                ids::sound_stream(node, &format!("to.{}", endpoint.name)),
                endpoint.description.clone(),
                &name,
                None,
                stream.target == Some(StreamTarget::Node(endpoint.id)),
                Message::Move(node, StreamTarget::Node(endpoint.id)),
            ));
        }
        content = content.push(targets);
    }
    content.width(Length::Fill).into()
}

fn devices_section<'a>(_state: &'a State, snapshot: &'a Snapshot) -> Element<'a, Message> {
    if snapshot.devices.is_empty() {
        return section(
            fl!("sound-devices-heading"),
            start_column().push(caption(fl!("sound-no-devices"))),
        );
    }
    let mut content = start_column().spacing(14);
    for device in &snapshot.devices {
        content = content.push(device_view(device));
    }
    section(fl!("sound-devices-heading"), content)
}

fn device_view(device: &AudioDevice) -> Element<'_, Message> {
    let mut content = column![text(device.description.clone()).size(16).font(FONT_BOLD)]
        .spacing(2)
        .align_x(reading_start());
    if device.profiles.is_empty() {
        return content.push(caption(fl!("sound-no-profiles"))).into();
    }
    let subject = fl!("sound-profile-of", device = device.description.as_str());
    for profile in &device.profiles {
        let mut lines: Vec<String> = profile_sentence(profile_kind(profile))
            .into_iter()
            .collect();
        if profile.available == Availability::No {
            lines.push(fl!("sound-profile-unavailable"));
        }
        let description = (!lines.is_empty()).then(|| lines.join(" "));
        content = content.push(choice_for(
            ids::sound_profile(&device.name, &profile.name),
            profile.description.clone(),
            &subject,
            description,
            device.active_profile == Some(profile.index),
            Message::Profile(device.id, profile.index),
        ));
    }
    content.into()
}
