//! Drawing the login screen: the top bar (clock, network, battery), the login
//! card for the current phase, the bottom bar of choices and its menus.
//! Every control has an accessible name and is reachable by keyboard.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::logind::PowerAction;
use ferrum_services::network_status::{ConnectionKind, Connectivity, NetworkState};
use ferrum_services::upower::BatteryState;
use ferrum_ui::error_report;
use ferrum_ui::widgets::{FONT_BOLD, bidi_row, caption, reading_start};
use iced::widget::{button, column, container, scrollable, space, text, text_input};
use iced::{Alignment, Element, Length};

use crate::app::{ANSWER_ID, CONTINUE_ID, Greeter, Menu, Message, USER_NAME_ID, Users};
use crate::greetd::{NoticeKind, PromptKind};
use crate::login::{Phase, Problem};
use crate::typing::InLayout;

const CARD_WIDTH: f32 = 420.0;

/// Draws the whole screen.
pub fn view(greeter: &Greeter) -> Element<'_, Message> {
    let base = column![
        top_bar(greeter),
        container(login_card(greeter))
            .width(Length::Fill)
            .height(Length::Fill)
            .center(Length::Fill),
        bottom_bar(greeter),
    ]
    .width(Length::Fill)
    .height(Length::Fill);
    let mut layers: Vec<Element<'_, Message>> = Vec::new();
    if let Some(background) = &greeter.background {
        layers.push(
            iced::widget::image(background.clone())
                .width(Length::Fill)
                .height(Length::Fill)
                .content_fit(iced::ContentFit::Cover)
                .into(),
        );
    }
    layers.push(base.into());
    if let Some(menu) = greeter.menu {
        layers.push(menu_overlay(greeter, menu));
    }
    iced::widget::Stack::with_children(layers)
        .width(Length::Fill)
        .height(Length::Fill)
        .into()
}

/// The id of a person's row in the user list.
pub fn user_row_id(user: &str) -> String {
    format!("greeter.user.{user}")
}

/// The id of the first entry of a menu (focused when the menu opens).
pub fn first_menu_item(greeter: &Greeter, menu: Menu) -> String {
    match menu {
        Menu::Session => greeter.sessions.first().map_or_else(
            || "greeter.menu.close".into(),
            |s| format!("greeter.session.{}", s.id),
        ),
        Menu::Layout => format!("greeter.layout.{}", greeter.layout),
        Menu::Language => format!("greeter.language.{}", greeter.language),
        Menu::Power => greeter.power_actions.first().map_or_else(
            || "greeter.menu.close".into(),
            |a| format!("greeter.power.{}", a.method_name()),
        ),
        Menu::Accessibility => "greeter.a11y.voicing".into(),
    }
}

/// The id of the bottom-bar button that opens a menu.
pub fn menu_button(menu: Menu) -> &'static str {
    match menu {
        Menu::Session => "greeter.bar.session",
        Menu::Layout => "greeter.bar.layout",
        Menu::Language => "greeter.bar.language",
        Menu::Power => "greeter.bar.power",
        Menu::Accessibility => "greeter.bar.accessibility",
    }
}

fn top_bar(greeter: &Greeter) -> Element<'_, Message> {
    let clock = column![
        text(greeter.clock.time.clone()).size(22).font(FONT_BOLD),
        caption(greeter.clock.date.clone()),
    ]
    .align_x(reading_start());
    let mut status: Vec<Element<'_, Message>> = Vec::new();
    if let Some(network) = network_line(greeter) {
        status.push(status_label("greeter.status.network", network));
    }
    if let Some(battery) = battery_line(greeter) {
        status.push(status_label("greeter.status.battery", battery));
    }
    let status = bidi_row(status).spacing(18).align_y(Alignment::Center);
    container(
        bidi_row(vec![
            clock.into(),
            space::horizontal().into(),
            status.into(),
        ])
        .align_y(Alignment::Center),
    )
    .padding([12, 24])
    .width(Length::Fill)
    .style(bar_style)
    .into()
}

/// The top and bottom bars: a translucent backdrop, so their text stays
/// readable over any background picture.
fn bar_style(theme: &iced::Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.base.color.scale_alpha(0.85).into()),
        ..container::Style::default()
    }
}

fn status_label<'a>(id: &'static str, line: String) -> Element<'a, Message> {
    Accessible::new(
        id,
        AccessibleInfo::new(Role::Label, line.clone()),
        text(line).size(14),
    )
    .into()
}

fn network_line(greeter: &Greeter) -> Option<String> {
    let network = greeter.network.as_ref()?;
    Some(match (&network.state, &network.primary) {
        (NetworkState::Connecting, _) => fl!("greeter-network-connecting"),
        (state, Some(primary)) if state.is_connected() => {
            let name = primary.id.clone();
            let line = match primary.kind {
                ConnectionKind::Wired => fl!("greeter-network-wired", name = name.clone()),
                ConnectionKind::Wifi => fl!("greeter-network-wifi", name = name.clone()),
                ConnectionKind::Vpn | ConnectionKind::WireGuard => {
                    fl!("greeter-network-vpn", name = name.clone())
                }
                ConnectionKind::Other => fl!("greeter-network-connected", name = name.clone()),
            };
            match network.connectivity {
                Connectivity::None | Connectivity::Limited | Connectivity::Portal => {
                    fl!("greeter-network-limited", name = line)
                }
                _ => line,
            }
        }
        _ => fl!("greeter-network-offline"),
    })
}

fn battery_line(greeter: &Greeter) -> Option<String> {
    let battery = greeter.supply.as_ref()?.batteries.first()?;
    let percent = battery.percentage.round() as i64;
    Some(match battery.state {
        BatteryState::Charging | BatteryState::PendingCharge => {
            fl!("greeter-battery-charging", percent = percent)
        }
        _ => fl!("greeter-battery", percent = percent),
    })
}

fn login_card(greeter: &Greeter) -> Element<'_, Message> {
    let mut content = column![].spacing(14).width(Length::Fill);
    if let Some(notice) = &greeter.notice {
        content =
            content.push(error_report::view(notice, &crate::app::NOTICE_ID).map(Message::Notice));
    }
    if let Some(user) = &greeter.user {
        content = content.push(user_header(greeter, user));
    }
    // Always a slot, so the field below keeps its place (and its focus) in
    // the widget tree when the message goes away.
    content = content.push(match &greeter.problem {
        Some(problem) => problem_line(problem),
        None => space().height(0).into(),
    });
    content = content.push(match &greeter.phase {
        Phase::ChooseUser => user_list(greeter),
        Phase::EnterUserName => user_name_form(greeter),
        Phase::Waiting => waiting(fl!("greeter-checking")),
        Phase::Prompt(prompt) => {
            let label = prompt_label(&prompt.text);
            answer_form(greeter, label, prompt.kind)
        }
        Phase::Notice(notice) => notice_view(notice.kind, notice.text.clone()),
        Phase::Starting | Phase::Started => waiting(fl!("greeter-starting")),
    });
    container(content)
        .padding(24)
        .width(CARD_WIDTH)
        .style(|theme: &iced::Theme| {
            let palette = theme.extended_palette();
            container::Style {
                background: Some(palette.background.weak.color.into()),
                border: iced::Border {
                    color: palette.background.strong.color,
                    width: 1.0,
                    radius: 14.0.into(),
                },
                ..container::Style::default()
            }
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
    if let Some(picture) = greeter.avatars.get(user) {
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
    match &greeter.users {
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
        "greeter.problem",
        AccessibleInfo::new(Role::Label, line.clone()),
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
    if let Users::Listed(users) = &greeter.users {
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
            "greeter.other-user",
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
    id: &'static str,
    label: String,
    field: iced::widget::TextInput<'a, Message>,
    info: AccessibleInfo,
) -> Element<'a, Message> {
    let field = field.id(id).padding(10).size(17);
    let field: Element<'a, Message> = match greeter.typing_layout() {
        Some(keys) => InLayout::new(field, keys, greeter.caps_lock.is_on()).into(),
        None => field.into(),
    };
    column![
        text(label).size(15),
        Accessible::new(format!("{id}.field"), info, field),
    ]
    .spacing(6)
    .align_x(reading_start())
    .into()
}

fn user_name_form(greeter: &Greeter) -> Element<'_, Message> {
    let label = fl!("greeter-username");
    let mut content = column![].spacing(12);
    if greeter.users == Users::Unavailable {
        content = content.push(caption(fl!("greeter-users-unavailable")));
    }
    content = content.push(labelled_field(
        greeter,
        USER_NAME_ID,
        label.clone(),
        text_input(
            &fl!("greeter-username-placeholder"),
            &greeter.typed_user_name,
        )
        .on_input(Message::UserNameChanged)
        .on_submit(Message::UserNameSubmitted),
        AccessibleInfo::new(Role::TextInput, label).value(greeter.typed_user_name.clone()),
    ));
    let next = action(
        "greeter.next",
        fl!("greeter-next"),
        button::primary,
        Message::UserNameSubmitted,
    );
    let buttons: Vec<Element<'_, Message>> =
        if greeter.config.hide_user_list || greeter.users == Users::Unavailable {
            vec![space::horizontal().into(), next]
        } else {
            vec![back_button(), space::horizontal().into(), next]
        };
    content.push(bidi_row(buttons)).into()
}

fn answer_form(greeter: &Greeter, label: String, kind: PromptKind) -> Element<'_, Message> {
    let secret = kind == PromptKind::Secret;
    let info = if secret {
        AccessibleInfo::new(Role::PasswordInput, label.clone()).secret(greeter.answer.char_count())
    } else {
        AccessibleInfo::new(Role::TextInput, label.clone())
            .value(greeter.answer.expose().to_owned())
    };
    let field = text_input(&fl!("greeter-answer-placeholder"), greeter.answer.expose())
        .secure(secret)
        .on_input(|typed| Message::AnswerChanged(typed.into()))
        .on_submit(Message::AnswerSubmitted);
    let mut content = column![labelled_field(greeter, ANSWER_ID, label, field, info)].spacing(12);
    if greeter.caps_lock_warning() {
        let warning = fl!("greeter-caps-lock");
        content = content.push(Accessible::new(
            "greeter.caps-lock",
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
                "greeter.sign-in",
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
            "greeter.pam-message",
            AccessibleInfo::new(Role::Label, message),
            body
        ),
        bidi_row(vec![
            back_button(),
            space::horizontal().into(),
            action(
                CONTINUE_ID,
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
        "greeter.waiting",
        AccessibleInfo::new(Role::Label, line.clone()),
        container(text(line).size(16)).padding([8, 0]),
    )
    .into()
}

fn back_button<'a>() -> Element<'a, Message> {
    Accessible::new(
        "greeter.back",
        AccessibleInfo::new(Role::Button, fl!("greeter-back"))
            .description(fl!("greeter-back.desc")),
        button(text(fl!("greeter-back")))
            .style(button::secondary)
            .on_press(Message::Back),
    )
    .on_activate(Message::Back)
    .into()
}

fn action<'a>(
    id: &'static str,
    label: String,
    style: fn(&iced::Theme, button::Status) -> button::Style,
    message: Message,
) -> Element<'a, Message> {
    Accessible::new(
        id,
        AccessibleInfo::new(Role::Button, label.clone()),
        button(text(label)).style(style).on_press(message.clone()),
    )
    .on_activate(message)
    .into()
}

fn bar_button<'a>(id: &'static str, label: String, menu: Menu, open: bool) -> Element<'a, Message> {
    let style = if open { button::primary } else { button::text };
    Accessible::new(
        id,
        AccessibleInfo::new(Role::Button, label.clone()).selected(open),
        button(text(label).size(14))
            .style(style)
            .padding([6, 10])
            .on_press(Message::OpenMenu(menu)),
    )
    .on_activate(Message::OpenMenu(menu))
    .into()
}

fn bottom_bar(greeter: &Greeter) -> Element<'_, Message> {
    let open = |menu| greeter.menu == Some(menu);
    let mut choices: Vec<Element<'_, Message>> = Vec::new();
    if let Some(session) = greeter
        .session
        .as_deref()
        .and_then(|id| greeter.sessions.iter().find(|s| s.id == id))
        .or_else(|| greeter.sessions.first())
    {
        choices.push(bar_button(
            menu_button(Menu::Session),
            fl!("greeter-session", name = session.name.clone()),
            Menu::Session,
            open(Menu::Session),
        ));
    }
    let indicator = greeter
        .layouts
        .iter()
        .find(|l| l.name == greeter.layout)
        .map_or_else(|| greeter.layout.to_uppercase(), |l| l.indicator());
    choices.push(bar_button(
        menu_button(Menu::Layout),
        fl!("greeter-keyboard", layout = indicator),
        Menu::Layout,
        open(Menu::Layout),
    ));
    let language = fl!("language-native-name");
    choices.push(bar_button(
        menu_button(Menu::Language),
        fl!("greeter-language", language = language),
        Menu::Language,
        open(Menu::Language),
    ));
    let mut actions: Vec<Element<'_, Message>> = vec![bar_button(
        menu_button(Menu::Accessibility),
        fl!("greeter-accessibility"),
        Menu::Accessibility,
        open(Menu::Accessibility),
    )];
    if !greeter.power_actions.is_empty() {
        actions.push(bar_button(
            menu_button(Menu::Power),
            fl!("greeter-power"),
            Menu::Power,
            open(Menu::Power),
        ));
    }
    let mut bar = vec![
        bidi_row(choices).spacing(6).into(),
        space::horizontal().into(),
    ];
    if let Some(problem) = &greeter.power_problem {
        bar.push(caption(problem.clone()));
    }
    bar.push(bidi_row(actions).spacing(6).into());
    container(bidi_row(bar).spacing(12).align_y(Alignment::Center))
        .padding([10, 18])
        .width(Length::Fill)
        .style(bar_style)
        .into()
}

fn menu_entry<'a>(
    id: String,
    label: String,
    tag: Option<String>,
    selected: bool,
    message: Message,
) -> Element<'a, Message> {
    let style = if selected {
        button::primary
    } else {
        button::text
    };
    let mut content = vec![ferrum_ui::widgets::line(label.clone(), 15, Length::Fill)];
    content.extend(tag.map(|tag| text(tag).size(13).into()));
    Accessible::new(
        id,
        AccessibleInfo::new(Role::RadioButton, label).checked(selected),
        button(bidi_row(content).spacing(8).align_y(Alignment::Center))
            .width(Length::Fill)
            .padding([6, 10])
            .style(style)
            .on_press(message.clone()),
    )
    .on_activate(message)
    .into()
}

fn switch_entry<'a>(
    id: &'static str,
    label: String,
    on: bool,
    message: Message,
) -> Element<'a, Message> {
    Accessible::new(
        id,
        AccessibleInfo::new(Role::Switch, label.clone()).checked(on),
        button(
            bidi_row(vec![
                ferrum_ui::widgets::line(label, 15, Length::Fill),
                iced::widget::toggler(on).into(),
            ])
            .spacing(10)
            .align_y(Alignment::Center),
        )
        .width(Length::Fill)
        .padding([6, 10])
        .style(button::text)
        .on_press(message.clone()),
    )
    .on_activate(message)
    .into()
}

fn menu_overlay(greeter: &Greeter, menu: Menu) -> Element<'_, Message> {
    let (title, entries): (String, Vec<Element<'_, Message>>) = match menu {
        Menu::Session => (
            fl!("greeter-session-menu"),
            greeter
                .sessions
                .iter()
                .map(|s| {
                    menu_entry(
                        format!("greeter.session.{}", s.id),
                        s.name.clone(),
                        None,
                        greeter.session.as_deref() == Some(s.id.as_str()),
                        Message::ChooseSession(s.id.clone()),
                    )
                })
                .collect(),
        ),
        Menu::Layout => (
            fl!("greeter-keyboard-menu"),
            greeter
                .layouts
                .iter()
                .map(|l| {
                    menu_entry(
                        format!("greeter.layout.{}", l.name),
                        l.description.clone(),
                        Some(l.indicator()),
                        l.name == greeter.layout,
                        Message::ChooseLayout(l.name.clone()),
                    )
                })
                .collect(),
        ),
        Menu::Language => (
            fl!("greeter-language-menu"),
            greeter
                .languages
                .iter()
                .map(|l| {
                    menu_entry(
                        format!("greeter.language.{}", l.locale),
                        l.native_name.clone(),
                        None,
                        l.locale == greeter.language,
                        Message::ChooseLanguage(l.locale),
                    )
                })
                .collect(),
        ),
        Menu::Power => (
            fl!("greeter-power-menu"),
            greeter
                .power_actions
                .iter()
                .map(|action| {
                    let label = match action {
                        PowerAction::PowerOff => fl!("greeter-power-off"),
                        PowerAction::Reboot => fl!("greeter-reboot"),
                        PowerAction::Suspend => fl!("greeter-suspend"),
                        PowerAction::Hibernate => fl!("greeter-hibernate"),
                    };
                    Accessible::new(
                        format!("greeter.power.{}", action.method_name()),
                        AccessibleInfo::new(Role::Button, label.clone()),
                        button(ferrum_ui::widgets::line(label, 15, Length::Fill))
                            .width(Length::Fill)
                            .padding([6, 10])
                            .style(button::text)
                            .on_press(Message::Power(*action)),
                    )
                    .on_activate(Message::Power(*action))
                    .into()
                })
                .collect(),
        ),
        Menu::Accessibility => (
            fl!("greeter-accessibility-menu"),
            vec![
                switch_entry(
                    "greeter.a11y.voicing",
                    fl!("greeter-a11y-voicing"),
                    greeter.voicing,
                    Message::ToggleVoicing,
                ),
                switch_entry(
                    "greeter.a11y.high-contrast",
                    fl!("greeter-a11y-high-contrast"),
                    greeter.high_contrast,
                    Message::ToggleHighContrast,
                ),
                switch_entry(
                    "greeter.a11y.large-text",
                    fl!("greeter-a11y-large-text"),
                    greeter.large_text,
                    Message::ToggleLargeText,
                ),
                caption(fl!("greeter-a11y-shortcut")),
            ],
        ),
    };
    let close = action(
        "greeter.menu.close",
        fl!("greeter-menu-close"),
        button::secondary,
        Message::CloseMenu,
    );
    let card = container(
        column![
            bidi_row(vec![
                text(title).size(17).font(FONT_BOLD).into(),
                space::horizontal().into(),
                close,
            ])
            .align_y(Alignment::Center),
            scrollable(column(entries).spacing(2)).height(Length::Shrink),
        ]
        .spacing(10),
    )
    .padding(16)
    .width(360)
    .max_height(420)
    .style(|theme: &iced::Theme| {
        let palette = theme.extended_palette();
        container::Style {
            background: Some(palette.background.base.color.into()),
            border: iced::Border {
                color: palette.background.strong.color,
                width: 1.0,
                radius: 12.0.into(),
            },
            shadow: iced::Shadow {
                color: iced::Color::from_rgba(0.0, 0.0, 0.0, 0.4),
                offset: iced::Vector::new(0.0, 4.0),
                blur_radius: 16.0,
            },
            ..container::Style::default()
        }
    });
    // Menus open above the bottom bar, on the side of the button that opened them.
    let left =
        matches!(menu, Menu::Session | Menu::Layout | Menu::Language) != ferrum_i18n::is_rtl();
    container(card)
        .width(Length::Fill)
        .height(Length::Fill)
        .padding(iced::Padding {
            top: 80.0,
            right: 18.0,
            bottom: 56.0,
            left: 18.0,
        })
        .align_x(if left {
            Alignment::Start
        } else {
            Alignment::End
        })
        .align_y(Alignment::End)
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
