//! BlueZ asks our agent something during a pairing: the dialog.
//!
//! It opens when the watch stream brings [`Update::Agent`], takes the keyboard
//! focus at once ([`Effect::Focus`]: the code field for entry, Confirm for a
//! passkey to compare, Deny for an authorization nobody may have asked for,
//! Cancel for a code to type on the device) and its question is an alert, so
//! self-voicing and screen readers read it as soon as it appears. It answers
//! through the request's [`AgentReply`] ([`Request::Answer`]) and closes; a
//! question BlueZ withdraws ([`Update::AgentCanceled`]) closes it too.
//!
//! [`Update::Agent`]: ferrum_services::bluetooth::Update::Agent
//! [`Update::AgentCanceled`]: ferrum_services::bluetooth::Update::AgentCanceled
//! [`AgentReply`]: ferrum_services::bluetooth::AgentReply

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::bluetooth::{
    AgentAnswer, AgentAsk, AgentInputError, AgentRequest, DeviceAddress, Passkey, PinCode,
    ServiceKind, passkey_digits,
};
use ferrum_ui::widgets::{FONT_BOLD, action_button, bidi_row, caption, card, error_line};
use ferrum_ui::{Effect, WidgetId};
use iced::widget::{button, column, space, text, text_input};
use iced::{Alignment, Element};
use zeroize::Zeroizing;

use super::Request;
use super::describe::service_text;
use crate::network::SecretText;
use crate::page::Outcome;

/// The code field (PIN code or passkey).
pub const CODE_ID: WidgetId = crate::ids::BLUETOOTH_PAIRING_CODE;

/// The dialog's state: BlueZ's question and what was typed.
#[derive(Clone, PartialEq)]
pub struct State {
    /// The question, with where the answer goes.
    pub request: AgentRequest,
    /// The device's name as shown.
    pub device: String,
    /// The PIN code or passkey typed; zeroized when dropped.
    pub typed: Zeroizing<String>,
    /// Why it was not sent.
    pub error: Option<AgentInputError>,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State")
            .field("request", &self.request)
            .field("device", &self.device)
            .field("typed", &"<redacted>")
            .field("error", &self.error)
            .finish()
    }
}

/// What happens in the dialog.
#[derive(Debug, Clone)]
pub enum Message {
    /// The code was edited (redacted from `Debug`).
    Typed(SecretText),
    /// Send the code, confirm the passkey, or allow (Enter or the primary button).
    Accept,
    /// Cancel or deny.
    Reject,
}

/// The control that takes the focus when a question appears.
fn focus_target(ask: &AgentAsk) -> WidgetId {
    match ask {
        AgentAsk::PinCode | AgentAsk::Passkey => CODE_ID,
        AgentAsk::Confirm { .. } => crate::ids::bluetooth_pairing("accept"),
        AgentAsk::Authorize
        | AgentAsk::AuthorizeService { .. }
        | AgentAsk::DisplayPinCode(_)
        | AgentAsk::DisplayPasskey { .. } => crate::ids::bluetooth_pairing("reject"),
    }
}

/// Shows a question from BlueZ. One replacing an open question declines that
/// one (a display that is replaced is only updated: BlueZ sends one for each
/// key typed on the device).
pub(super) fn open(
    dialog: &mut Option<State>,
    request: AgentRequest,
    device: String,
) -> Outcome<Request> {
    let focus = Effect::Focus(focus_target(&request.ask));
    let replaced = dialog.replace(State {
        request,
        device,
        typed: Zeroizing::new(String::new()),
        error: None,
    });
    match replaced {
        Some(old) if !old.request.ask.is_display() => {
            Outcome::request(Request::Answer(old.request.reply, AgentAnswer::Reject))
                .with_effect(focus)
        }
        _ => Outcome::effect(focus),
    }
}

/// Closes the dialog of the question with this id; returns the device's name
/// when a question waiting for an answer was withdrawn (a display ending is
/// not news: the pairing's own answer says how it went).
pub(super) fn close(dialog: &mut Option<State>, id: u64) -> Option<String> {
    let open = dialog.as_ref().is_some_and(|open| open.request.id == id);
    if !open {
        return None;
    }
    dialog
        .take()
        .filter(|closed| !closed.request.ask.is_display())
        .map(|closed| closed.device)
}

/// Closes any dialog about this device (its pairing is over).
pub(super) fn close_for(dialog: &mut Option<State>, device: &DeviceAddress) {
    if dialog
        .as_ref()
        .is_some_and(|open| open.request.device == *device)
    {
        *dialog = None;
    }
}

/// The device whose question this message declines, if it does.
pub(super) fn declines(dialog: Option<&State>, message: &Message) -> Option<DeviceAddress> {
    match message {
        Message::Reject => dialog.map(|open| open.request.device),
        _ => None,
    }
}

/// Applies a message to the dialog (`None`: closed).
pub(super) fn update(dialog: &mut Option<State>, message: Message) -> Outcome<Request> {
    let Some(open) = dialog.as_mut() else {
        return Outcome::none();
    };
    match message {
        Message::Typed(text) => {
            open.typed = text.into_zeroizing();
            if open.error.is_some() {
                open.error = answer(open).err();
            }
            Outcome::none()
        }
        Message::Accept => match answer(open) {
            Ok(Some(answer)) => {
                let reply = open.request.reply.clone();
                let back = focus_back(open);
                *dialog = None;
                Outcome::request(Request::Answer(reply, answer)).with_effect(back)
            }
            // A display has nothing to send: it stays until the pairing ends.
            Ok(None) => Outcome::none(),
            Err(error) => {
                open.error = Some(error);
                Outcome::none()
            }
        },
        Message::Reject => {
            let reply = open.request.reply.clone();
            let back = focus_back(open);
            *dialog = None;
            Outcome::request(Request::Answer(reply, AgentAnswer::Reject)).with_effect(back)
        }
    }
}

/// Where the focus goes when the person answered: the device's row (its
/// Details button, there whatever the row's state), not nowhere.
fn focus_back(open: &State) -> Effect {
    Effect::Focus(crate::ids::bluetooth_device(
        &open.request.device,
        "details",
    ))
}

/// The answer the dialog gives on Accept (`None` for a display).
fn answer(open: &State) -> Result<Option<AgentAnswer>, AgentInputError> {
    Ok(Some(match &open.request.ask {
        AgentAsk::PinCode => AgentAnswer::PinCode(PinCode::parse(&open.typed)?),
        AgentAsk::Passkey => AgentAnswer::Passkey(Passkey::parse(&open.typed)?),
        AgentAsk::Confirm { .. } | AgentAsk::Authorize | AgentAsk::AuthorizeService { .. } => {
            AgentAnswer::Accept
        }
        AgentAsk::DisplayPinCode(_) | AgentAsk::DisplayPasskey { .. } => return Ok(None),
    }))
}

/// A code's problem in words.
pub fn input_error_text(error: AgentInputError) -> String {
    match error {
        AgentInputError::EmptyPin => fl!("bluetooth-pin-empty"),
        AgentInputError::PinTooLong => fl!("bluetooth-pin-too-long"),
        AgentInputError::PinNotPrintable => fl!("bluetooth-pin-not-printable"),
        AgentInputError::PasskeyNotDigits => fl!("bluetooth-passkey-not-digits"),
    }
}

impl State {
    /// The question in words (the dialog's alert).
    pub fn question(&self) -> String {
        let name = self.device.clone();
        match &self.request.ask {
            AgentAsk::PinCode => fl!("bluetooth-ask-pin", name = name),
            AgentAsk::Passkey => fl!("bluetooth-ask-passkey", name = name),
            AgentAsk::DisplayPinCode(pin) => fl!(
                "bluetooth-ask-display",
                name = name,
                code = pin.as_str().to_owned()
            ),
            AgentAsk::DisplayPasskey { passkey, .. } => fl!(
                "bluetooth-ask-display",
                name = name,
                code = passkey_digits(*passkey)
            ),
            AgentAsk::Confirm { passkey } => fl!(
                "bluetooth-ask-confirm",
                name = name,
                code = passkey_digits(*passkey)
            ),
            AgentAsk::Authorize => fl!("bluetooth-ask-authorize", name = name),
            AgentAsk::AuthorizeService { service } => fl!(
                "bluetooth-ask-authorize-service",
                name = name,
                service = service_text(&ServiceKind::from_uuid(service))
            ),
        }
    }

    /// The code to show large (to compare, or to type on the device).
    fn code(&self) -> Option<String> {
        match &self.request.ask {
            AgentAsk::DisplayPinCode(pin) => Some(pin.as_str().to_owned()),
            AgentAsk::DisplayPasskey { passkey, .. } | AgentAsk::Confirm { passkey } => {
                Some(passkey_digits(*passkey))
            }
            _ => None,
        }
    }

    /// The buttons' labels: (accept, reject); no accept for a display.
    fn labels(&self) -> (Option<String>, String) {
        match &self.request.ask {
            AgentAsk::PinCode | AgentAsk::Passkey => {
                (Some(fl!("bluetooth-pair")), fl!("bluetooth-cancel"))
            }
            AgentAsk::Confirm { .. } => (Some(fl!("bluetooth-confirm")), fl!("bluetooth-cancel")),
            AgentAsk::Authorize | AgentAsk::AuthorizeService { .. } => {
                (Some(fl!("bluetooth-allow")), fl!("bluetooth-deny"))
            }
            AgentAsk::DisplayPinCode(_) | AgentAsk::DisplayPasskey { .. } => {
                (None, fl!("bluetooth-cancel"))
            }
        }
    }

    /// Draws the dialog.
    pub fn view(&self) -> Element<'_, Message> {
        let title = fl!("bluetooth-pairing-title", name = self.device.clone());
        let question = self.question();
        let mut content = column![
            text(title.clone()).size(16).font(FONT_BOLD),
            Accessible::new(
                crate::ids::bluetooth_pairing("question"),
                AccessibleInfo::new(Role::Alert, question.clone()),
                text(question).size(15),
            ),
        ]
        .spacing(8);
        // Already in the alert's words; drawn large to be read from a distance.
        if let Some(code) = self.code() {
            content = content.push(text(code).size(30).font(FONT_BOLD));
        }
        if let AgentAsk::DisplayPasskey { entered, .. } = &self.request.ask {
            content = content.push(caption(fl!(
                "bluetooth-display-progress",
                entered = *entered
            )));
        }
        let field_label = match &self.request.ask {
            AgentAsk::PinCode => Some(fl!("bluetooth-pin-label")),
            AgentAsk::Passkey => Some(fl!("bluetooth-passkey-label")),
            _ => None,
        };
        if let Some(label) = field_label {
            content = content
                .push(text(label.clone()).size(14))
                .push(Accessible::new(
                    CODE_ID.child("field"),
                    AccessibleInfo::new(Role::PasswordInput, label)
                        .secret(self.typed.chars().count()),
                    text_input("", &self.typed)
                        .id(CODE_ID)
                        .on_input(|typed| Message::Typed(typed.into()))
                        .on_submit(Message::Accept)
                        .padding(8),
                ));
        }
        if let Some(error) = self.error {
            content = content.push(error_line(
                crate::ids::bluetooth_pairing("error"),
                input_error_text(error),
            ));
        }
        let (accept, reject) = self.labels();
        let mut buttons: Vec<Element<'_, Message>> = vec![
            space::horizontal().into(),
            action_button(
                crate::ids::bluetooth_pairing("reject"),
                reject,
                button::secondary,
                Message::Reject,
            ),
        ];
        if let Some(accept) = accept {
            buttons.push(action_button(
                crate::ids::bluetooth_pairing("accept"),
                accept,
                button::primary,
                Message::Accept,
            ));
        }
        content = content.push(bidi_row(buttons).spacing(8).align_y(Alignment::Center));
        Accessible::new(
            crate::ids::BLUETOOTH_PAIRING,
            AccessibleInfo::new(Role::Group, title),
            card(content),
        )
        .into()
    }
}
