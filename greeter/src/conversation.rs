//! The login conversation: the user list (with account pictures), the typed
//! user name, greetd's prompts and messages, and starting the session. Its
//! state, message, `update` and drawing are here; greetd is reached through
//! [`Link`].

use std::collections::HashMap;
use std::path::PathBuf;

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::ServiceUpdate;
use ferrum_services::accounts::{AccountsError, UserAccount};
use ferrum_ui::widgets::{FONT_BOLD, bidi_row, caption, reading_start};
use iced::widget::image::Handle;
use iced::widget::{button, column, container, operation, scrollable, space, text, text_input};
use iced::{Alignment, Element, Length, Task};

use crate::app::{Greeter, off_thread};
use crate::greetd::{LoginError, NoticeKind, PromptKind, Step};
use crate::ids;
use crate::login::{Link, Phase, Problem};
use crate::memory::Memory;
use crate::pictures::AvatarCache;
use crate::secret::Secret;
use crate::sessions;
use crate::typing::InLayout;
use crate::view::action;

/// The longest answer sent (PAM's `PAM_MAX_RESP_SIZE`), in bytes.
pub const MAX_ANSWER_BYTES: usize = 512;

/// The users shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Users {
    /// Not known yet.
    Loading,
    /// From AccountsService.
    Listed(Vec<UserAccount>),
    /// AccountsService is missing or failed: people type their name.
    Unavailable,
}

/// What happens in the login conversation.
#[derive(Debug, Clone)]
pub enum Message {
    /// The user list changed (AccountsService).
    UsersUpdated(ServiceUpdate<Vec<UserAccount>, AccountsError>),
    /// Account pictures decoded off the UI thread for user list number `.0`.
    AvatarsDecoded(u64, AvatarsDecoded),
    /// A person was picked from the list.
    ChooseUser(String),
    /// "Other user…".
    OtherUser,
    /// The typed user name changed.
    UserNameChanged(String),
    /// Enter in the user-name field.
    UserNameSubmitted,
    /// Back to the user list (cancels the conversation).
    Back,
    /// The answer field changed.
    AnswerChanged(Secret),
    /// Enter in the answer field, or the Log in button.
    AnswerSubmitted,
    /// Continue after a PAM message.
    Acknowledge,
    /// greetd's next step for conversation number `.0`.
    LoginStep(u64, Result<Step, LoginError>),
    /// The session started (or not).
    SessionStarted(Result<(), LoginError>),
    /// greetd's link was cancelled (nothing to show).
    Cancelled,
}

/// Account pictures decoded for one user list, and the cache they came from.
#[derive(Debug, Clone)]
pub struct AvatarsDecoded {
    /// The pictures, by user name.
    pub pictures: HashMap<String, Handle>,
    /// What was decoded, by (path, modification time).
    pub cache: AvatarCache,
}

/// The conversation's state.
#[derive(Debug)]
pub struct State {
    pub(crate) memory: Memory,
    link: Link,
    pub(crate) users: Users,
    /// Account pictures that could be read, by user name.
    pub(crate) avatars: HashMap<String, Handle>,
    /// Decoded account pictures by (path, modification time).
    avatar_cache: AvatarCache,
    /// The number of the latest user list whose pictures are being decoded.
    avatar_list: u64,
    pub(crate) user: Option<String>,
    pub(crate) typed_user_name: String,
    pub(crate) phase: Phase,
    pub(crate) problem: Option<Problem>,
    pub(crate) answer: Secret,
    /// A change was refused: it made the answer longer than [`MAX_ANSWER_BYTES`].
    pub(crate) answer_too_long: bool,
    attempt: u64,
}

impl State {
    /// A conversation that starts at the user list (or the name field when
    /// the list is hidden).
    pub fn new(memory: Memory, link: Link, hide_user_list: bool) -> Self {
        Self {
            memory,
            link,
            users: Users::Loading,
            avatars: HashMap::new(),
            avatar_cache: AvatarCache::default(),
            avatar_list: 0,
            user: None,
            typed_user_name: String::new(),
            phase: if hide_user_list {
                Phase::EnterUserName
            } else {
                Phase::ChooseUser
            },
            problem: None,
            answer: Secret::default(),
            answer_too_long: false,
            attempt: 0,
        }
    }
}

/// Whether a message moves the focus (the accessible tree is then read after it).
pub fn moves_focus(message: &Message) -> bool {
    matches!(message, Message::LoginStep(..) | Message::UsersUpdated(_))
}

fn to_app(message: Message) -> crate::Message {
    crate::Message::Conversation(message)
}

impl Greeter {
    /// Whether people type their name (no list to choose from).
    pub(crate) fn types_user_name(&self) -> bool {
        self.config.hide_user_list || self.conversation.users == Users::Unavailable
    }

    /// Applies a conversation message.
    pub(crate) fn update_conversation(&mut self, message: Message) -> Task<crate::Message> {
        match message {
            Message::UsersUpdated(update) => self.users_updated(update),
            Message::AvatarsDecoded(list, decoded) => {
                let conversation = &mut self.conversation;
                if list == conversation.avatar_list {
                    conversation.avatars = decoded.pictures;
                    conversation.avatar_cache = decoded.cache;
                }
                Task::none()
            }
            Message::ChooseUser(user) => self.choose_user(user),
            Message::OtherUser => {
                self.conversation.phase = Phase::EnterUserName;
                self.conversation.problem = None;
                operation::focus(ids::USER_NAME)
            }
            Message::UserNameChanged(name) => {
                self.conversation.typed_user_name = name;
                Task::none()
            }
            Message::UserNameSubmitted => {
                let name = std::mem::take(&mut self.conversation.typed_user_name);
                self.choose_user(name)
            }
            Message::Back => self.back(),
            Message::AnswerChanged(answer) => {
                // The message above stays until the answer is sent: the
                // screen keeps its shape (and the field its focus) while typing.
                // Longer than PAM takes: the change is refused (and dropped, zeroized).
                let too_long = answer.expose().len() > MAX_ANSWER_BYTES;
                self.conversation.answer_too_long = too_long;
                if !too_long {
                    self.conversation.answer = answer;
                }
                Task::none()
            }
            Message::AnswerSubmitted => {
                let conversation = &mut self.conversation;
                if !matches!(conversation.phase, Phase::Prompt(_))
                    || conversation.answer.expose().len() > MAX_ANSWER_BYTES
                {
                    return Task::none();
                }
                conversation.answer_too_long = false;
                // The field empties at once; the answer goes to greetd only.
                let answer = std::mem::take(&mut conversation.answer);
                conversation.problem = None;
                conversation.phase = Phase::Waiting;
                conversation.attempt += 1;
                let attempt = conversation.attempt;
                let link = conversation.link.clone();
                Task::perform(link.answer(answer), move |step| {
                    to_app(Message::LoginStep(attempt, step))
                })
            }
            Message::Acknowledge => {
                let conversation = &mut self.conversation;
                if !matches!(conversation.phase, Phase::Notice(_)) {
                    return Task::none();
                }
                conversation.phase = Phase::Waiting;
                conversation.attempt += 1;
                let attempt = conversation.attempt;
                let link = conversation.link.clone();
                Task::perform(link.acknowledge(), move |step| {
                    to_app(Message::LoginStep(attempt, step))
                })
            }
            Message::LoginStep(attempt, step) => {
                if attempt != self.conversation.attempt {
                    tracing::debug!(attempt, "a stale greetd reply was ignored");
                    return Task::none();
                }
                self.login_step(step)
            }
            Message::SessionStarted(Ok(())) => {
                let conversation = &mut self.conversation;
                conversation.phase = Phase::Started;
                if let (Some(user), Some(session)) = (&conversation.user, &self.menus.session) {
                    conversation.memory.remember(user, session);
                } else if let Some(user) = &conversation.user {
                    conversation.memory.last_user = Some(user.clone());
                }
                if let Err(error) = conversation.memory.save(&self.config.state_file) {
                    tracing::warn!(%error, "could not remember the last user");
                }
                iced::exit()
            }
            Message::SessionStarted(Err(error)) => {
                tracing::warn!(%error, "the session did not start");
                let reason = error.to_string();
                let task = match self.conversation.user.clone() {
                    Some(user) if error.breaks_connection() => self.begin_after_pause(user),
                    Some(user) => self.begin(user),
                    None => self.back(),
                };
                self.conversation.problem = Some(Problem::SessionFailed(reason));
                task
            }
            Message::Cancelled => Task::none(),
        }
    }

    fn users_updated(
        &mut self,
        update: ServiceUpdate<Vec<UserAccount>, AccountsError>,
    ) -> Task<crate::Message> {
        let mut decode = Task::none();
        let first_list = !matches!(self.conversation.users, Users::Listed(_));
        self.conversation.users = match update {
            ServiceUpdate::Available(users) => {
                decode = self.decode_avatars(&users);
                Users::Listed(users)
            }
            ServiceUpdate::Unavailable
            | ServiceUpdate::Failed(_)
            | ServiceUpdate::BusUnreachable(_) => Users::Unavailable,
        };
        let conversation = &mut self.conversation;
        let mut focus_name = false;
        if conversation.users == Users::Unavailable && conversation.phase == Phase::ChooseUser {
            // No list to choose from: typing the name starts at once.
            conversation.phase = Phase::EnterUserName;
            focus_name = true;
        } else if matches!(conversation.users, Users::Listed(_))
            && conversation.phase == Phase::EnterUserName
            && !self.config.hide_user_list
            && conversation.typed_user_name.is_empty()
        {
            conversation.phase = Phase::ChooseUser;
        }
        // The person who logged in last has the focus: Enter picks them.
        let focus = match (&conversation.users, &conversation.memory.last_user) {
            (Users::Listed(users), Some(last))
                if first_list
                    && conversation.phase == Phase::ChooseUser
                    && users.iter().any(|u| &u.name == last) =>
            {
                operation::focus(user_row_id(last))
            }
            _ if focus_name && self.menus.open.is_none() => operation::focus(ids::USER_NAME),
            _ => Task::none(),
        };
        Task::batch([focus, decode])
    }

    /// Decodes the pictures of `users` off the UI thread; files unchanged
    /// since the last list are not decoded again.
    fn decode_avatars(&mut self, users: &[UserAccount]) -> Task<crate::Message> {
        let conversation = &mut self.conversation;
        conversation.avatar_list += 1;
        let list = conversation.avatar_list;
        let wanted: Vec<(String, PathBuf)> = users
            .iter()
            .filter_map(|user| Some((user.name.clone(), user.icon.clone()?)))
            .collect();
        let cache = conversation.avatar_cache.clone();
        let fallback = AvatarsDecoded {
            pictures: conversation.avatars.clone(),
            cache: cache.clone(),
        };
        Task::perform(
            off_thread(
                move || {
                    let (pictures, cache) = crate::pictures::decode_avatars(&wanted, &cache);
                    AvatarsDecoded { pictures, cache }
                },
                fallback,
            ),
            move |decoded| to_app(Message::AvatarsDecoded(list, decoded)),
        )
    }

    fn begin(&mut self, user: String) -> Task<crate::Message> {
        let conversation = &mut self.conversation;
        conversation.attempt += 1;
        let attempt = conversation.attempt;
        conversation.phase = Phase::Waiting;
        conversation.answer = Secret::default();
        conversation.answer_too_long = false;
        let link = conversation.link.clone();
        Task::perform(link.begin(user), move |step| {
            to_app(Message::LoginStep(attempt, step))
        })
    }

    fn begin_after_pause(&mut self, user: String) -> Task<crate::Message> {
        let conversation = &mut self.conversation;
        conversation.attempt += 1;
        let attempt = conversation.attempt;
        conversation.phase = Phase::Waiting;
        conversation.answer = Secret::default();
        conversation.answer_too_long = false;
        let link = conversation.link.clone();
        Task::perform(link.begin_after_pause(user), move |step| {
            to_app(Message::LoginStep(attempt, step))
        })
    }

    fn choose_user(&mut self, user: String) -> Task<crate::Message> {
        let user = user.trim().to_owned();
        if user.is_empty() {
            return Task::none();
        }
        let last = self
            .conversation
            .memory
            .sessions
            .get(&user)
            .map(String::as_str);
        let account_session = match &self.conversation.users {
            Users::Listed(users) => users
                .iter()
                .find(|u| u.name == user)
                .and_then(|u| u.session.as_deref()),
            _ => None,
        };
        self.menus.session = sessions::preselect(
            &self.menus.sessions,
            last.or(account_session),
            self.config.default_session.as_deref(),
        )
        .map(|s| s.id.clone());
        self.conversation.problem = None;
        self.conversation.user = Some(user.clone());
        self.begin(user)
    }

    /// Back to the list (or the empty name field): cancels the conversation.
    pub(crate) fn back(&mut self) -> Task<crate::Message> {
        let types_user_name = self.types_user_name();
        let conversation = &mut self.conversation;
        conversation.attempt += 1;
        conversation.user = None;
        conversation.problem = None;
        conversation.answer = Secret::default();
        conversation.answer_too_long = false;
        conversation.phase = if types_user_name {
            Phase::EnterUserName
        } else {
            Phase::ChooseUser
        };
        let focus = if conversation.phase == Phase::EnterUserName {
            operation::focus(ids::USER_NAME)
        } else {
            Task::none()
        };
        let link = conversation.link.clone();
        Task::batch([
            Task::perform(link.cancel(), |_| to_app(Message::Cancelled)),
            focus,
        ])
    }

    fn back_keeping_problem(&mut self) -> Task<crate::Message> {
        let problem = self.conversation.problem.take();
        let task = self.back();
        self.conversation.problem = problem;
        task
    }

    fn login_step(&mut self, step: Result<Step, LoginError>) -> Task<crate::Message> {
        let Some(user) = self.conversation.user.clone() else {
            return Task::none();
        };
        match step {
            Ok(Step::Prompt(prompt)) => {
                self.conversation.phase = Phase::Prompt(prompt);
                operation::focus(ids::ANSWER)
            }
            Ok(Step::Notice(notice)) => {
                self.conversation.phase = Phase::Notice(notice);
                operation::focus(ids::CONTINUE)
            }
            Ok(Step::Authenticated) => {
                self.conversation.phase = Phase::Starting;
                let (command, environment) = self.session_request();
                let link = self.conversation.link.clone();
                Task::perform(link.start(command, environment), |started| {
                    to_app(Message::SessionStarted(started))
                })
            }
            Err(error) => {
                // Never the answer: only what kind of failure it was.
                tracing::info!(%error, "login step failed");
                self.conversation.problem = Some(Problem::from_error(&error));
                match error {
                    LoginError::AuthFailed(_) => self.begin(user),
                    error if error.breaks_connection() => self.begin_after_pause(user),
                    _ => self.back_keeping_problem(),
                }
            }
        }
    }
}

/// The id of a person's row in the user list.
pub fn user_row_id(user: &str) -> ferrum_ui::WidgetId {
    ids::user(user)
}

/// The login card's content for the current phase.
pub fn view(greeter: &Greeter) -> Element<'_, Message> {
    let conversation = &greeter.conversation;
    let mut content = column![].spacing(14).width(Length::Fill);
    if let Some(user) = &conversation.user {
        content = content.push(user_header(greeter, user));
    }
    // Always a slot, so the field below keeps its place (and its focus) in
    // the widget tree when the message goes away.
    content = content.push(match &conversation.problem {
        Some(problem) => problem_line(problem),
        None => space().height(0).into(),
    });
    content
        .push(match &conversation.phase {
            Phase::ChooseUser => user_list(greeter),
            Phase::EnterUserName => user_name_form(greeter),
            Phase::Waiting => waiting(fl!("greeter-checking")),
            Phase::Prompt(prompt) => {
                let label = prompt_label(&prompt.text);
                answer_form(greeter, label, prompt.kind)
            }
            Phase::Notice(notice) => notice_view(notice.kind, notice.text.clone()),
            Phase::Starting | Phase::Started => waiting(fl!("greeter-starting")),
        })
        .into()
}

/// PAM's question as a field label: "Password: " becomes "Password".
fn prompt_label(text: &str) -> String {
    let trimmed = text.trim().trim_end_matches(':').trim();
    if trimmed.is_empty() {
        fl!("greeter-password")
    } else {
        trimmed.to_owned()
    }
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

/// The account picture, or the initials on a coloured disc.
fn avatar<'a>(greeter: &Greeter, user: &str, name: &str, size: f32) -> Element<'a, Message> {
    if let Some(picture) = greeter.conversation.avatars.get(user) {
        return iced::widget::image(picture.clone())
            .width(size)
            .height(size)
            .content_fit(iced::ContentFit::Cover)
            .into();
    }
    container(text(initials(name)).size(size * 0.4).font(FONT_BOLD))
        .width(size)
        .height(size)
        .center(size)
        .style(|theme: &iced::Theme| {
            let palette = theme.extended_palette();
            container::Style {
                background: Some(palette.primary.base.color.into()),
                text_color: Some(palette.primary.base.text),
                border: iced::Border {
                    radius: 999.0.into(),
                    ..iced::Border::default()
                },
                ..container::Style::default()
            }
        })
        .into()
}

fn display_name<'a>(greeter: &'a Greeter, user: &'a str) -> &'a str {
    match &greeter.conversation.users {
        Users::Listed(users) => users
            .iter()
            .find(|u| u.name == user)
            .map_or(user, |u| u.display_name()),
        _ => user,
    }
}

fn user_header<'a>(greeter: &'a Greeter, user: &'a str) -> Element<'a, Message> {
    let name = display_name(greeter, user);
    bidi_row(vec![
        avatar(greeter, user, name, 48.0),
        column![
            text(name.to_owned()).size(20).font(FONT_BOLD),
            caption(user.to_owned())
        ]
        .align_x(reading_start())
        .into(),
    ])
    .spacing(14)
    .align_y(Alignment::Center)
    .into()
}

fn problem_line<'a>(problem: &Problem) -> Element<'a, Message> {
    let line = match problem {
        Problem::WrongAnswer => fl!("greeter-wrong-password"),
        Problem::ServiceLost => fl!("greeter-service-lost"),
        Problem::ServiceUnreachable => fl!("greeter-service-unreachable"),
        Problem::Service(reason) => fl!("greeter-service-error", reason = reason.clone()),
        Problem::SessionFailed(reason) => fl!("greeter-session-failed", reason = reason.clone()),
    };
    Accessible::new(
        ids::PROBLEM,
        // Heard as soon as it appears (a refused password must be known
        // without looking).
        AccessibleInfo::new(Role::Alert, line.clone()),
        text(line)
            .size(15)
            .style(|theme: &iced::Theme| text::Style {
                color: Some(theme.extended_palette().danger.strong.color),
            }),
    )
    .into()
}

fn user_list(greeter: &Greeter) -> Element<'_, Message> {
    let mut list = column![].spacing(4);
    if let Users::Listed(users) = &greeter.conversation.users {
        for user in users {
            let name = user.display_name().to_owned();
            let choose = Message::ChooseUser(user.name.clone());
            list = list.push(
                Accessible::new(
                    user_row_id(&user.name),
                    AccessibleInfo::new(Role::ListItem, name.clone())
                        .description(user.name.clone()),
                    button(
                        container(
                            bidi_row(vec![
                                avatar(greeter, &user.name, &name, 40.0),
                                column![text(name).size(17), caption(user.name.clone())]
                                    .align_x(reading_start())
                                    .into(),
                            ])
                            .spacing(12)
                            .align_y(Alignment::Center),
                        )
                        .width(Length::Fill)
                        .align_x(reading_start()),
                    )
                    .width(Length::Fill)
                    .padding([8, 10])
                    .style(button::text)
                    .on_press(choose.clone()),
                )
                .on_activate(choose),
            );
        }
    }
    let other = fl!("greeter-other-user");
    list = list.push(
        Accessible::new(
            ids::OTHER_USER,
            AccessibleInfo::new(Role::ListItem, other.clone())
                .description(fl!("greeter-other-user.desc")),
            button(
                container(text(other).size(16))
                    .padding([6, 4])
                    .width(Length::Fill)
                    .align_x(reading_start()),
            )
            .width(Length::Fill)
            .padding([8, 10])
            .style(button::text)
            .on_press(Message::OtherUser),
        )
        .on_activate(Message::OtherUser),
    );
    column![
        text(fl!("greeter-choose-user")).size(22).font(FONT_BOLD),
        scrollable(list).height(Length::Shrink),
    ]
    .spacing(12)
    .align_x(reading_start())
    .into()
}

fn labelled_field<'a>(
    greeter: &'a Greeter,
    id: ferrum_ui::WidgetId,
    label: String,
    field: iced::widget::TextInput<'a, Message>,
    info: AccessibleInfo,
) -> Element<'a, Message> {
    let field = field.id(id.clone()).padding(10).size(17);
    let field = InLayout::new(field, greeter.typing_layout(), greeter.caps_lock.is_on());
    column![
        text(label).size(15),
        Accessible::new(id.child("field"), info, field),
    ]
    .spacing(6)
    .align_x(reading_start())
    .into()
}

fn user_name_form(greeter: &Greeter) -> Element<'_, Message> {
    let conversation = &greeter.conversation;
    let label = fl!("greeter-username");
    let mut content = column![].spacing(12);
    if conversation.users == Users::Unavailable {
        content = content.push(caption(fl!("greeter-users-unavailable")));
    }
    content = content.push(labelled_field(
        greeter,
        ids::USER_NAME,
        label.clone(),
        text_input(
            &fl!("greeter-username-placeholder"),
            &conversation.typed_user_name,
        )
        .on_input(Message::UserNameChanged)
        .on_submit(Message::UserNameSubmitted),
        AccessibleInfo::new(Role::TextInput, label).value(conversation.typed_user_name.clone()),
    ));
    let next = action(
        ids::NEXT,
        fl!("greeter-next"),
        button::primary,
        Message::UserNameSubmitted,
    );
    let buttons: Vec<Element<'_, Message>> = if greeter.types_user_name() {
        vec![space::horizontal().into(), next]
    } else {
        vec![back_button(), space::horizontal().into(), next]
    };
    content.push(bidi_row(buttons)).into()
}

fn answer_form(greeter: &Greeter, label: String, kind: PromptKind) -> Element<'_, Message> {
    let answer = &greeter.conversation.answer;
    let secret = kind == PromptKind::Secret;
    let info = if secret {
        AccessibleInfo::new(Role::PasswordInput, label.clone()).secret(answer.char_count())
    } else {
        AccessibleInfo::new(Role::TextInput, label.clone()).value(answer.expose().to_owned())
    };
    let field = text_input(&fl!("greeter-answer-placeholder"), answer.expose())
        .secure(secret)
        .on_input(|typed| Message::AnswerChanged(typed.into()))
        .on_submit(Message::AnswerSubmitted);
    let mut content = column![labelled_field(greeter, ids::ANSWER, label, field, info)].spacing(12);
    if greeter.conversation.answer_too_long {
        let warning = fl!("greeter-answer-too-long");
        content = content.push(Accessible::new(
            ids::ANSWER_TOO_LONG,
            AccessibleInfo::new(Role::Label, warning.clone()),
            text(warning)
                .size(14)
                .style(|theme: &iced::Theme| text::Style {
                    color: Some(theme.extended_palette().danger.strong.color),
                }),
        ));
    }
    if greeter.caps_lock_warning() {
        let warning = fl!("greeter-caps-lock");
        content = content.push(Accessible::new(
            ids::CAPS_LOCK,
            AccessibleInfo::new(Role::Label, warning.clone()),
            text(warning)
                .size(14)
                .style(|theme: &iced::Theme| text::Style {
                    color: Some(theme.extended_palette().warning.strong.color),
                }),
        ));
    }
    content
        .push(bidi_row(vec![
            back_button(),
            space::horizontal().into(),
            action(
                ids::SIGN_IN,
                fl!("greeter-sign-in"),
                button::primary,
                Message::AnswerSubmitted,
            ),
        ]))
        .into()
}

fn notice_view<'a>(kind: NoticeKind, message: String) -> Element<'a, Message> {
    let body = text(message.clone())
        .size(16)
        .style(move |theme: &iced::Theme| text::Style {
            color: match kind {
                NoticeKind::Error => Some(theme.extended_palette().danger.strong.color),
                NoticeKind::Info => None,
            },
        });
    column![
        Accessible::new(
            ids::PAM_MESSAGE,
            AccessibleInfo::new(Role::Alert, message),
            body
        ),
        bidi_row(vec![
            back_button(),
            space::horizontal().into(),
            action(
                ids::CONTINUE,
                fl!("greeter-continue"),
                button::primary,
                Message::Acknowledge
            ),
        ]),
    ]
    .spacing(14)
    .into()
}

fn waiting<'a>(line: String) -> Element<'a, Message> {
    Accessible::new(
        ids::WAITING,
        AccessibleInfo::new(Role::Label, line.clone()),
        container(text(line).size(16)).padding([8, 0]),
    )
    .into()
}

fn back_button<'a>() -> Element<'a, Message> {
    Accessible::new(
        ids::BACK,
        AccessibleInfo::new(Role::Button, fl!("greeter-back"))
            .description(fl!("greeter-back.desc")),
        button(text(fl!("greeter-back")))
            .style(button::secondary)
            .on_press(Message::Back),
    )
    .on_activate(Message::Back)
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_initials() {
        assert_eq!(prompt_label("Password: "), "Password");
        assert_eq!(prompt_label("Verification code:"), "Verification code");
        assert_eq!(initials("Ada Lovelace"), "AL");
        assert_eq!(initials("grace"), "G");
        assert_eq!(initials("Мирослава Іваненко Петрівна"), "МІ");
    }
}
