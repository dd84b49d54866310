//! The authentication dialog: what polkit asks through the settings app's agent
//! (`ferrum_services::polkit_agent`), shown over the window — the action in the person's
//! language (polkit's message), the program asking, the administrator to authenticate as
//! (a choice when polkit offers several), a password field, Authenticate and Cancel, and
//! "try again" after a wrong password. State, messages and view live here together.
//!
//! The password is a [`Secret`] from the keystroke on (zeroized, redacted from `Debug`);
//! it is handed to the agent on Authenticate and the field is emptied. A screen reader
//! hears only how many characters the field holds.

use std::collections::VecDeque;

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::SystemBus;
use ferrum_services::polkit_agent::{
    AgentEvent, AgentOptions, AttemptState, AuthRequest, HelperError, Response, Subject, run_agent,
};
use ferrum_services::secret::Secret;
use ferrum_ui::widgets::{
    action_button, bidi_row, caption, card, choice, error_line, heading, reading_start,
};
use ferrum_ui::{Effect, WidgetId};
use iced::widget::{button, column, text, text_input};
use iced::{Alignment, Element, Length, Subscription};

/// The dialog.
pub const DIALOG: WidgetId = WidgetId::new("auth");
/// The password field (the text input itself).
pub const PASSWORD: WidgetId = WidgetId::new("auth.password");
/// The Authenticate button.
pub const AUTHENTICATE: WidgetId = WidgetId::new("auth.authenticate");
/// The Cancel button.
pub const CANCEL: WidgetId = WidgetId::new("auth.cancel");

/// One open request.
#[derive(Debug, Clone, PartialEq)]
pub struct Open {
    /// What polkit asks.
    pub request: AuthRequest,
    /// The user id chosen to authenticate as.
    pub identity: u32,
    /// What is typed.
    pub password: Secret,
    /// The password was handed on; waiting for the verdict.
    pub checking: bool,
}

/// The agent's requests: the one shown and those waiting behind it.
#[derive(Debug, Default)]
pub struct State {
    /// The request shown.
    pub open: Option<Open>,
    /// Requests polkit made while another was shown, in order.
    pub waiting: VecDeque<AuthRequest>,
    /// What the agent registered for (`None` until it did).
    pub registered: Option<Subject>,
    /// The uid of the person at the keyboard (offered first when polkit lists them).
    own_uid: u32,
}

/// What can happen in the dialog.
#[derive(Debug, Clone)]
pub enum Message {
    /// The agent reports.
    Agent(AgentEvent),
    /// An identity was chosen.
    IdentityChosen(u32),
    /// The password field changed.
    PasswordChanged(Secret),
    /// Authenticate (button or Enter).
    Authenticate,
    /// Cancel (button or Escape).
    Cancel,
}

/// The agent as a subscription: registered while the app runs.
pub fn subscription(bus: &SystemBus) -> Subscription<Message> {
    Subscription::run_with(bus.clone(), agent_stream)
}

/// Escape cancels the shown request wherever the focus is: the password field takes the key
/// for itself (it only unfocuses), so the window's shortcuts never see it there. Listens to
/// every key press, taken or not, and only while a request is shown.
pub fn escape(state: &State) -> Subscription<Message> {
    if state.is_open() {
        iced::event::listen_with(escape_key)
    } else {
        Subscription::none()
    }
}

/// [`Message::Cancel`] for a press of Escape, whether a widget took it or not.
pub fn escape_key(
    event: iced::Event,
    _status: iced::event::Status,
    _window: iced::window::Id,
) -> Option<Message> {
    use iced::keyboard::{Event, Key, key::Named};
    match event {
        iced::Event::Keyboard(Event::KeyPressed {
            key: Key::Named(Named::Escape),
            ..
        }) => Some(Message::Cancel),
        _ => None,
    }
}

fn agent_stream(bus: &SystemBus) -> impl futures::Stream<Item = Message> + use<> {
    use futures::StreamExt as _;
    let events: futures::stream::BoxStream<'static, AgentEvent> =
        Box::pin(run_agent(bus.clone(), AgentOptions::for_this_session()));
    events.map(Message::Agent)
}

impl State {
    /// No request yet; `own_uid` is the person at the keyboard.
    pub fn new(own_uid: u32) -> Self {
        Self {
            own_uid,
            ..Self::default()
        }
    }

    /// Whether a request is shown.
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    fn show(&mut self, request: AuthRequest) -> Option<Effect> {
        let identity = request
            .default_identity(self.own_uid)
            .map_or(0, |who| who.uid);
        self.open = Some(Open {
            request,
            identity,
            password: Secret::default(),
            checking: false,
        });
        Some(Effect::Focus(PASSWORD))
    }

    fn close(&mut self) -> Option<Effect> {
        self.open = None;
        match self.waiting.pop_front() {
            Some(next) => self.show(next),
            None => None,
        }
    }

    /// Applies a message; the effect moves focus to the password field when a request is
    /// shown (again).
    pub fn update(&mut self, message: Message) -> Option<Effect> {
        match message {
            Message::Agent(event) => self.agent(event),
            Message::IdentityChosen(uid) => {
                if let Some(open) = self.open.as_mut().filter(|open| {
                    !open.checking && open.request.identities.iter().any(|who| who.uid == uid)
                }) {
                    open.identity = uid;
                }
                None
            }
            Message::PasswordChanged(password) => {
                if let Some(open) = self.open.as_mut().filter(|open| !open.checking) {
                    open.password = password;
                }
                None
            }
            Message::Authenticate => {
                let open = self.open.as_mut()?;
                if open.checking || open.password.is_empty() {
                    return None;
                }
                let password = std::mem::take(&mut open.password);
                let delivered = open.request.respond(Response::Authenticate {
                    uid: open.identity,
                    password,
                });
                if delivered {
                    open.checking = true;
                    None
                } else {
                    // polkit stopped waiting in the meantime.
                    self.close()
                }
            }
            Message::Cancel => {
                let open = self.open.as_ref()?;
                open.request.respond(Response::Cancel);
                self.close()
            }
        }
    }

    fn agent(&mut self, event: AgentEvent) -> Option<Effect> {
        match event {
            AgentEvent::Request(request) => match &mut self.open {
                // The same request again: the password was refused.
                Some(open) if open.request.cookie == request.cookie => {
                    if !request
                        .identities
                        .iter()
                        .any(|who| who.uid == open.identity)
                    {
                        open.identity = request.default_identity(self.own_uid).map_or(0, |w| w.uid);
                    }
                    open.request = request;
                    open.password = Secret::default();
                    open.checking = false;
                    Some(Effect::Focus(PASSWORD))
                }
                Some(_) => {
                    self.waiting.push_back(request);
                    None
                }
                None => self.show(request),
            },
            AgentEvent::Authenticated { cookie } | AgentEvent::Withdrawn { cookie } => {
                self.waiting.retain(|request| request.cookie != cookie);
                if self
                    .open
                    .as_ref()
                    .is_some_and(|open| open.request.cookie == cookie)
                {
                    return self.close();
                }
                None
            }
            AgentEvent::Registered(subject) => {
                tracing::info!(?subject, "authentication agent registered");
                self.registered = Some(subject);
                None
            }
            AgentEvent::Unavailable => {
                tracing::info!("polkit is not running; the agent registers when it starts");
                self.registered = None;
                None
            }
            AgentEvent::Failed(error) => {
                tracing::warn!(%error, "the authentication agent is not serving");
                self.registered = None;
                None
            }
        }
    }

    /// The dialog, when a request is shown.
    pub fn view(&self) -> Option<Element<'_, Message>> {
        self.open.as_ref().map(view)
    }
}

fn problem_text(error: &HelperError) -> String {
    match error {
        HelperError::UnsupportedPrompt { .. } => fl!("auth-problem-prompt"),
        HelperError::LineBreakInPassword => fl!("auth-problem-line-break"),
        HelperError::NotInstalled { .. }
        | HelperError::Io(_)
        | HelperError::Protocol(_)
        | HelperError::NoAnswer
        | HelperError::TimedOut => fl!("auth-problem-helper"),
    }
}

fn view(open: &Open) -> Element<'_, Message> {
    let request = &open.request;
    let title = fl!("auth-title");
    let mut content = column![heading(title.clone(), 20)]
        .spacing(12)
        .align_x(reading_start());
    content = content.push(Accessible::new(
        DIALOG.child("message"),
        AccessibleInfo::new(Role::Label, request.message.clone()),
        text(request.message.clone()).size(16),
    ));
    if let Some(program) = &request.program {
        let line = fl!("auth-program", program = program.as_str());
        content = content.push(Accessible::new(
            DIALOG.child("program"),
            AccessibleInfo::new(Role::Label, line.clone()),
            caption(line),
        ));
    }
    let chosen = request
        .identities
        .iter()
        .find(|who| who.uid == open.identity);
    if request.identities.len() > 1 {
        let label = fl!("auth-identity-choice");
        let mut choices = column![text(label.clone()).size(14)]
            .spacing(2)
            .align_x(reading_start());
        for who in &request.identities {
            choices = choices.push(choice(
                DIALOG.child("identity").child(&who.name),
                who.display_name.clone(),
                (who.display_name != who.name).then(|| who.name.clone()),
                who.uid == open.identity,
                Message::IdentityChosen(who.uid),
            ));
        }
        content = content.push(Accessible::new(
            DIALOG.child("identities"),
            AccessibleInfo::new(Role::RadioGroup, label),
            choices,
        ));
    }
    let label = match chosen {
        Some(who) => fl!("auth-password-for", person = who.display_name.as_str()),
        None => fl!("auth-password"),
    };
    let mut field = text_input("", open.password.expose())
        .id(PASSWORD)
        .secure(true)
        .padding(8);
    if !open.checking {
        field = field
            .on_input(|typed| Message::PasswordChanged(Secret::new(typed)))
            .on_submit(Message::Authenticate);
    }
    content = content
        .push(text(label.clone()).size(14))
        .push(Accessible::new(
            DIALOG.child("password"),
            AccessibleInfo::new(Role::PasswordInput, label).secret(open.password.char_count()),
            field,
        ));
    match &request.state {
        AttemptState::First => {}
        AttemptState::WrongPassword { messages } => {
            content = content.push(error_line(
                DIALOG.child("retry"),
                fl!("auth-wrong-password"),
            ));
            for (index, message) in messages.iter().enumerate() {
                content = content.push(Accessible::new(
                    DIALOG.child("pam").child(index.to_string()),
                    AccessibleInfo::new(Role::Label, message.clone()),
                    caption(message.clone()),
                ));
            }
        }
        AttemptState::Problem(error) => {
            content = content.push(error_line(DIALOG.child("problem"), problem_text(error)));
        }
    }
    let mut buttons: Vec<Element<'_, Message>> = Vec::new();
    if open.checking {
        buttons.push(caption(fl!("auth-checking")));
    }
    buttons.push(iced::widget::space::horizontal().into());
    buttons.push(action_button(
        CANCEL,
        fl!("auth-cancel"),
        button::secondary,
        Message::Cancel,
    ));
    buttons.push(action_button(
        AUTHENTICATE,
        fl!("auth-authenticate"),
        button::primary,
        Message::Authenticate,
    ));
    content = content.push(bidi_row(buttons).spacing(8).align_y(Alignment::Center));
    Accessible::new(
        DIALOG,
        AccessibleInfo::new(Role::Group, title),
        iced::widget::container(card(content))
            .max_width(520)
            .width(Length::Fill),
    )
    .into()
}

#[cfg(test)]
mod tests {
    use ferrum_services::polkit_agent::Identity;

    use super::*;

    fn person(uid: u32, name: &str, real: &str) -> Identity {
        Identity {
            uid,
            name: name.into(),
            display_name: real.into(),
        }
    }

    fn request(cookie: &str, state: AttemptState) -> AuthRequest {
        AuthRequest::detached(
            cookie,
            "org.freedesktop.timedate1.set-timezone",
            "Authentication is required to set the system timezone.",
            Some("ferrum-settings"),
            vec![
                person(0, "root", "root"),
                person(1000, "ada", "Ada Lovelace"),
            ],
            state,
        )
    }

    fn key_press(key: iced::keyboard::Key) -> iced::Event {
        iced::Event::Keyboard(iced::keyboard::Event::KeyPressed {
            key: key.clone(),
            modified_key: key,
            physical_key: iced::keyboard::key::Physical::Unidentified(
                iced::keyboard::key::NativeCode::Unidentified,
            ),
            location: iced::keyboard::Location::Standard,
            modifiers: iced::keyboard::Modifiers::default(),
            text: None,
            repeat: false,
        })
    }

    #[test]
    fn escape_cancels_the_shown_request_even_from_the_password_field() {
        use iced::keyboard::{Key, key::Named};
        let window = iced::window::Id::unique();
        let escape_press = key_press(Key::Named(Named::Escape));
        // The password field took the key (it unfocuses itself): Escape still cancels.
        for status in [iced::event::Status::Captured, iced::event::Status::Ignored] {
            assert!(matches!(
                escape_key(escape_press.clone(), status, window),
                Some(Message::Cancel)
            ));
        }
        assert!(
            escape_key(
                key_press(Key::Named(Named::Enter)),
                iced::event::Status::Ignored,
                window
            )
            .is_none()
        );
        // Listened to only while a request is shown.
        let recipes = |state: &State| iced_futures::subscription::into_recipes(escape(state)).len();
        let mut state = State::new(1000);
        assert_eq!(recipes(&state), 0);
        state.update(Message::Agent(AgentEvent::Request(request(
            "c1",
            AttemptState::First,
        ))));
        assert_eq!(recipes(&state), 1);
        // What Escape sends closes the dialog, refused.
        let cancel = escape_key(escape_press, iced::event::Status::Captured, window).unwrap();
        assert_eq!(state.update(cancel), None);
        assert!(!state.is_open());
        assert_eq!(recipes(&state), 0);
    }

    #[test]
    fn a_request_opens_with_the_person_at_the_keyboard_chosen_and_focus_in_the_field() {
        let mut state = State::new(1000);
        let effect = state.update(Message::Agent(AgentEvent::Request(request(
            "c1",
            AttemptState::First,
        ))));
        assert_eq!(effect, Some(Effect::Focus(PASSWORD)));
        let open = state.open.as_ref().unwrap();
        assert_eq!(open.identity, 1000);
        assert!(open.password.is_empty());
        assert!(state.view().is_some());
        // Another person may be chosen; an unknown uid is ignored.
        state.update(Message::IdentityChosen(0));
        state.update(Message::IdentityChosen(4242));
        assert_eq!(state.open.as_ref().unwrap().identity, 0);
    }

    #[test]
    fn authenticate_hands_the_password_on_once_and_a_retry_empties_the_field() {
        let mut state = State::new(1000);
        state.update(Message::Agent(AgentEvent::Request(request(
            "c1",
            AttemptState::First,
        ))));
        // Nothing typed: nothing sent.
        state.update(Message::Authenticate);
        assert!(!state.open.as_ref().unwrap().checking);
        state.update(Message::PasswordChanged(Secret::new("hunter2".into())));
        assert!(!format!("{state:?}").contains("hunter2"), "redacted");
        // A detached request has nobody waiting: the dialog closes, as when polkit gave up.
        state.update(Message::Authenticate);
        assert!(state.open.is_none());

        // With the agent waiting, the field empties and the dialog waits for the verdict.
        state.update(Message::Agent(AgentEvent::Request(request(
            "c2",
            AttemptState::First,
        ))));
        let open = state.open.as_mut().unwrap();
        open.checking = true;
        open.password = Secret::default();
        // Typing while checking changes nothing.
        state.update(Message::PasswordChanged(Secret::new("more".into())));
        assert!(state.open.as_ref().unwrap().password.is_empty());
        // The wrong password comes back as the same request: try again.
        let effect = state.update(Message::Agent(AgentEvent::Request(request(
            "c2",
            AttemptState::WrongPassword {
                messages: Vec::new(),
            },
        ))));
        assert_eq!(effect, Some(Effect::Focus(PASSWORD)));
        let open = state.open.as_ref().unwrap();
        assert!(!open.checking);
        assert!(matches!(
            open.request.state,
            AttemptState::WrongPassword { .. }
        ));
        assert!(state.view().is_some());
        // Authenticated: closed.
        state.update(Message::Agent(AgentEvent::Authenticated {
            cookie: "c2".into(),
        }));
        assert!(!state.is_open());
    }

    #[test]
    fn requests_wait_their_turn_and_withdrawn_ones_leave_the_queue() {
        let mut state = State::new(1000);
        for cookie in ["a", "b", "c"] {
            state.update(Message::Agent(AgentEvent::Request(request(
                cookie,
                AttemptState::First,
            ))));
        }
        assert_eq!(state.open.as_ref().unwrap().request.cookie, "a");
        assert_eq!(state.waiting.len(), 2);
        state.update(Message::Agent(AgentEvent::Withdrawn { cookie: "b".into() }));
        assert_eq!(state.waiting.len(), 1);
        // Cancel shows the next one, focused.
        assert_eq!(state.update(Message::Cancel), Some(Effect::Focus(PASSWORD)));
        assert_eq!(state.open.as_ref().unwrap().request.cookie, "c");
        state.update(Message::Agent(AgentEvent::Withdrawn { cookie: "c".into() }));
        assert!(!state.is_open());
        assert!(state.view().is_none());
    }

    #[test]
    fn every_state_draws_with_a_sentence() {
        for attempt in [
            AttemptState::First,
            AttemptState::WrongPassword {
                messages: vec!["Account locked for 10 minutes".into()],
            },
            AttemptState::Problem(HelperError::NoAnswer),
            AttemptState::Problem(HelperError::UnsupportedPrompt {
                prompt: "Code:".into(),
            }),
        ] {
            let mut state = State::new(5);
            state.update(Message::Agent(AgentEvent::Request(request("x", attempt))));
            assert!(state.view().is_some());
        }
        assert!(!fl!("auth-problem-helper").is_empty());
    }
}
