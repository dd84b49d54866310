//! NetworkManager asks this page for a password (the secret agent): the prompt.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::network::{
    AgentEvent, PasswordError, SecretKind, SecretRequest, Security, WifiPassword,
};
use ferrum_ui::widgets::{FONT_BOLD, action_button, bidi_row, caption, card, error_line};
use ferrum_ui::{Effect, WidgetId};
use iced::widget::{button, column, text, text_input};
use iced::{Alignment, Element};
use zeroize::Zeroizing;

use super::describe::password_error_text;
use super::{Request, SecretText};
use crate::page::Outcome;

/// The id of the field for a password NetworkManager asks for.
pub const SECRET_ID: WidgetId = crate::ids::NETWORK_SECRET;

/// The prompt's state: NetworkManager's question and what was typed.
#[derive(Clone, PartialEq)]
pub struct State {
    /// The question.
    pub request: SecretRequest,
    /// What the person typed; zeroized when dropped.
    pub typed: Zeroizing<String>,
    /// Why it was not sent.
    pub error: Option<PasswordError>,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State")
            .field("request", &self.request)
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

impl State {
    /// The security the typed secret is checked against.
    fn security(&self) -> Security {
        match self.request.kind {
            SecretKind::Wifi(security) => security,
            _ => Security::Enterprise,
        }
    }
}

/// What happens in the prompt.
#[derive(Debug, Clone)]
pub enum Message {
    /// The password was edited (redacted from `Debug`).
    Changed(SecretText),
    /// Send the password to NetworkManager.
    Confirm,
    /// Tell NetworkManager the person cancelled.
    Cancel,
}

/// Applies a message to the prompt (`None`: no question open).
pub(super) fn update(prompt: &mut Option<State>, message: Message) -> Outcome<Request> {
    match message {
        Message::Changed(text) => {
            if let Some(prompt) = prompt {
                prompt.typed = text.into_zeroizing();
                if prompt.error.is_some() {
                    prompt.error = WifiPassword::parse(&prompt.typed, prompt.security()).err();
                }
            }
            Outcome::none()
        }
        Message::Confirm => {
            let Some(open) = prompt.as_mut() else {
                return Outcome::none();
            };
            match WifiPassword::parse(&open.typed, open.security()) {
                Ok(secret) => {
                    let request = open.request.clone();
                    *prompt = None;
                    Outcome::request(Request::AnswerSecret(request, Some(secret)))
                }
                Err(error) => {
                    open.error = Some(error);
                    Outcome::none()
                }
            }
        }
        Message::Cancel => match prompt.take() {
            Some(open) => Outcome::request(Request::AnswerSecret(open.request, None)),
            None => Outcome::none(),
        },
    }
}

/// Follows the secret agent: whether it is registered, and NetworkManager's questions.
pub(super) fn agent_event(
    prompt: &mut Option<State>,
    registered: &mut bool,
    event: AgentEvent,
) -> Outcome<Request> {
    match event {
        AgentEvent::Registered => {
            *registered = true;
            Outcome::none()
        }
        AgentEvent::Unavailable | AgentEvent::Failed(_) => {
            *registered = false;
            Outcome::none()
        }
        AgentEvent::Request(request) => {
            // A newer question replaces an open one, which is cancelled.
            let replaced = prompt.take().map(|open| open.request);
            *prompt = Some(State {
                request,
                typed: Zeroizing::new(String::new()),
                error: None,
            });
            match replaced {
                Some(old) => Outcome::request(Request::AnswerSecret(old, None)),
                None => Outcome::effect(Effect::Focus(SECRET_ID)),
            }
        }
        AgentEvent::Cancelled {
            connection_path,
            setting,
        } => {
            if prompt.as_ref().is_some_and(|open| {
                open.request.connection_path == connection_path && open.request.setting == setting
            }) {
                *prompt = None;
            }
            Outcome::none()
        }
    }
}

impl State {
    /// Draws the prompt.
    pub fn view(&self) -> Element<'_, Message> {
        let prompt = self;
        let request = &prompt.request;
        let name = request.ssid.as_ref().map_or_else(
            || request.connection_id.clone(),
            ferrum_services::network::Ssid::display,
        );
        let title = fl!("network-secret-title", name = name);
        let mut content = column![text(title.clone()).size(16).font(FONT_BOLD)].spacing(8);
        if request.retry {
            content = content.push(caption(fl!("network-secret-retry")));
        }
        let label = fl!("network-password");
        content = content
            .push(text(label.clone()).size(14))
            .push(Accessible::new(
                "network.secret.password",
                AccessibleInfo::new(Role::PasswordInput, label)
                    .secret(prompt.typed.chars().count()),
                text_input("", &prompt.typed)
                    .id(SECRET_ID)
                    .secure(true)
                    .on_input(|text| Message::Changed(text.into()))
                    .on_submit(Message::Confirm)
                    .padding(8),
            ));
        if let Some(error) = &prompt.error {
            content = content.push(error_line(
                "network.secret.error",
                password_error_text(error),
            ));
        }
        content = content.push(
            bidi_row(vec![
                iced::widget::space::horizontal().into(),
                action_button(
                    "network.secret.cancel",
                    fl!("network-cancel"),
                    button::secondary,
                    Message::Cancel,
                ),
                action_button(
                    "network.secret.connect",
                    fl!("network-connect"),
                    button::primary,
                    Message::Confirm,
                ),
            ])
            .spacing(8)
            .align_y(Alignment::Center),
        );
        Accessible::new(
            "network.secret",
            AccessibleInfo::new(Role::Group, title),
            card(content),
        )
        .into()
    }
}
