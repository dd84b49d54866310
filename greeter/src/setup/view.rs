//! Drawing the first-boot setup: the step's card (heading, content, its sentence,
//! Back and Next) over the login screen's bottom bar, with the accessibility menu. Every
//! control has an accessible name and is reachable by keyboard.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::network::{DeviceKind, NetworkCommandError, PasswordError, StateReason};
use ferrum_services::network_status::Connectivity;
use ferrum_services::new_account::NewAccountError;
use ferrum_services::timedate::TimedateError;
use ferrum_ui::widgets::{FONT_BOLD, bidi_row, caption, reading_start};
use iced::widget::{button, column, container, scrollable, space, text, text_input};
use iced::{Alignment, Element, Length};

use super::account::{self, NameProblem, PasswordProblem, Strength};
use super::{ChosenNetwork, Message, NetworkView, Problem, Setup, Step, ids};
use crate::greetd::LoginError;
use crate::menus::{self, Menu};
use crate::typing::InLayout;
use crate::view::{action, bar_style};

const CARD_WIDTH: f32 = 560.0;

/// Draws the whole setup.
pub fn view(setup: &Setup) -> Element<'_, Message> {
    let base = column![
        container(card(setup))
            .width(Length::Fill)
            .height(Length::Fill)
            .center(Length::Fill),
        bottom_bar(setup),
    ]
    .width(Length::Fill)
    .height(Length::Fill);
    let mut layers: Vec<Element<'_, Message>> = vec![base.into()];
    if let Some(menu) = setup.menus.open {
        layers.push(menus::overlay(&setup.menus, menu).map(Message::Menus));
    }
    iced::widget::Stack::with_children(layers)
        .width(Length::Fill)
        .height(Length::Fill)
        .into()
}

fn bottom_bar(setup: &Setup) -> Element<'_, Message> {
    let accessibility = menus::bar_button(
        menus::menu_button(Menu::Accessibility),
        fl!("greeter-accessibility"),
        Menu::Accessibility,
        setup.menus.open == Some(Menu::Accessibility),
    )
    .map(Message::Menus);
    let step = fl!(
        "setup-step",
        number = setup.step.number(),
        total = Step::ALL.len()
    );
    container(
        bidi_row(vec![
            text(step).size(14).into(),
            space::horizontal().into(),
            accessibility,
        ])
        .spacing(12)
        .align_y(Alignment::Center),
    )
    .padding([10, 18])
    .width(Length::Fill)
    .style(bar_style)
    .into()
}

fn heading(setup: &Setup) -> String {
    match setup.step {
        Step::Language => fl!("setup-language-heading"),
        Step::Keyboard => fl!("setup-keyboard-heading"),
        Step::TimeZone => fl!("setup-zone-heading"),
        Step::Network => fl!("setup-network-heading"),
        Step::Account => fl!("setup-account-heading"),
        Step::Finish => fl!("setup-finish-heading"),
    }
}

fn card(setup: &Setup) -> Element<'_, Message> {
    let title = heading(setup);
    let mut content = column![Accessible::new(
        ids::HEADING,
        AccessibleInfo::new(Role::Heading, title.clone()),
        text(title).size(24).font(FONT_BOLD),
    )]
    .spacing(14)
    .width(Length::Fill)
    .align_x(reading_start());
    content = content.push(match setup.step {
        Step::Language => language_step(setup),
        Step::Keyboard => keyboard_step(setup),
        Step::TimeZone => zone_step(setup),
        Step::Network => network_step(setup),
        Step::Account => account_step(setup),
        Step::Finish => finish_step(setup),
    });
    // Always a slot, so the controls below keep their place (and focus) in the tree.
    content = content.push(match &setup.problem {
        Some(problem) => problem_line(problem),
        None => space().height(0).into(),
    });
    if setup.step != Step::Finish {
        content = content.push(buttons(setup));
    }
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

fn buttons(setup: &Setup) -> Element<'_, Message> {
    let next_label = match setup.step {
        Step::Account => fl!("setup-create"),
        Step::Network if !connected(setup) => fl!("setup-skip"),
        _ => fl!("setup-next"),
    };
    let next = action(ids::NEXT, next_label, button::primary, Message::Next);
    let mut row: Vec<Element<'_, Message>> = Vec::new();
    if setup.step != Step::Language {
        row.push(action(
            ids::BACK,
            fl!("setup-back"),
            button::secondary,
            Message::Back,
        ));
    }
    row.push(space::horizontal().into());
    if setup.busy {
        let waiting = match setup.step {
            Step::TimeZone => fl!("setup-applying"),
            Step::Network => fl!("setup-joining"),
            Step::Account => fl!("setup-creating"),
            _ => String::new(),
        };
        row.push(container(caption(waiting)).padding([6, 10]).into());
    }
    row.push(next);
    bidi_row(row).spacing(8).align_y(Alignment::Center).into()
}

fn list<'a>(entries: Vec<Element<'a, Message>>, height: f32) -> Element<'a, Message> {
    scrollable(column(entries).spacing(2))
        .height(Length::Fixed(height))
        .into()
}

fn language_step(setup: &Setup) -> Element<'_, Message> {
    let entries = setup
        .languages
        .iter()
        .map(|l| {
            menus::menu_entry(
                ids::language(l.locale),
                l.native_name.clone(),
                None,
                l.locale == setup.menus.language,
                menus::Message::ChooseLanguage(l.locale),
            )
            .map(Message::Menus)
        })
        .collect();
    list(entries, 320.0)
}

fn keyboard_step(setup: &Setup) -> Element<'_, Message> {
    let entries = setup
        .menus
        .layouts
        .iter()
        .map(|l| {
            menus::menu_entry(
                ids::layout(&l.name),
                l.description.clone(),
                Some(l.indicator()),
                l.name == setup.menus.layout,
                menus::Message::ChooseLayout(l.name.clone()),
            )
            .map(Message::Menus)
        })
        .collect();
    list(entries, 320.0)
}

/// A text field with its label above, typing in the chosen layout, named for a screen
/// reader by `info`.
fn field<'a>(
    setup: &'a Setup,
    id: ferrum_ui::WidgetId,
    label: String,
    input: iced::widget::TextInput<'a, Message>,
    info: AccessibleInfo,
) -> Element<'a, Message> {
    let input = input.id(id.clone()).padding(8).size(16);
    let input = InLayout::new(input, setup.typing_layout(), setup.caps_lock.is_on());
    column![
        text(label).size(14),
        Accessible::new(id.child("field"), info, input),
    ]
    .spacing(4)
    .align_x(reading_start())
    .into()
}

fn zone_step(setup: &Setup) -> Element<'_, Message> {
    let search_label = fl!("setup-zone-search");
    let search = field(
        setup,
        ids::ZONE_SEARCH,
        search_label.clone(),
        text_input("", &setup.zone_query)
            .on_input(Message::ZoneQuery)
            .on_submit(Message::Next),
        AccessibleInfo::new(Role::TextInput, search_label).value(setup.zone_query.clone()),
    );
    let label = setup
        .zones
        .iter()
        .find(|z| z.name == setup.zone)
        .map_or_else(|| setup.zone.clone(), super::zones::Zone::label);
    let chosen = fl!("setup-zone-chosen", zone = label);
    let results = setup.zone_results();
    let entries: Vec<Element<'_, Message>> = if results.is_empty() {
        vec![caption(fl!("setup-zone-none"))]
    } else {
        results
            .into_iter()
            .map(|zone| {
                ferrum_ui::widgets::choice(
                    ids::zone(&zone.name),
                    zone.label(),
                    None,
                    zone.name == setup.zone,
                    Message::ChooseZone(zone.name.clone()),
                )
            })
            .collect()
    };
    column![
        search,
        Accessible::new(
            ids::ZONE_CHOSEN,
            AccessibleInfo::new(Role::Label, chosen.clone()),
            text(chosen).size(15).font(FONT_BOLD),
        ),
        list(entries, 240.0),
    ]
    .spacing(10)
    .align_x(reading_start())
    .into()
}

fn connected(setup: &Setup) -> bool {
    matches!(&setup.network.view, NetworkView::Known(overview)
        if overview.connectivity == Connectivity::Full)
}

fn network_step(setup: &Setup) -> Element<'_, Message> {
    let status = match &setup.network.view {
        NetworkView::Loading => fl!("setup-network-loading"),
        NetworkView::Unavailable => fl!("setup-network-unavailable"),
        NetworkView::Known(overview) => match overview.connectivity {
            Connectivity::Full => fl!("setup-network-connected"),
            Connectivity::Limited | Connectivity::Portal => fl!("setup-network-limited"),
            Connectivity::None | Connectivity::Unknown => fl!("setup-network-offline"),
        },
    };
    let mut content = column![
        caption(fl!("setup-network-optional")),
        Accessible::new(
            ids::NETWORK_STATUS,
            AccessibleInfo::new(Role::Label, status.clone()),
            text(status).size(16).font(FONT_BOLD),
        ),
    ]
    .spacing(10)
    .align_x(reading_start());
    if let NetworkView::Known(overview) = &setup.network.view {
        let mut entries: Vec<Element<'_, Message>> = Vec::new();
        for device in overview
            .devices
            .iter()
            .filter(|d| d.kind == DeviceKind::Wifi)
        {
            for ap in &device.networks {
                let chosen = ChosenNetwork {
                    device: device.path.clone(),
                    access_point: ap.path.clone(),
                    ssid: ap.ssid.clone(),
                    security: ap.security,
                };
                let selected = setup
                    .network
                    .chosen
                    .as_ref()
                    .is_some_and(|c| c.access_point == ap.path);
                let description = if ap.active {
                    fl!("setup-wifi-connected")
                } else if super::needs_password(ap.security) {
                    fl!("setup-wifi-secured", strength = ap.strength)
                } else {
                    fl!("setup-wifi-open", strength = ap.strength)
                };
                entries.push(ferrum_ui::widgets::choice(
                    ids::wifi(&ap.path),
                    ap.ssid.display(),
                    Some(description),
                    selected,
                    Message::ChooseNetwork(chosen),
                ));
            }
        }
        if entries.is_empty() {
            content = content.push(caption(fl!("setup-network-none")));
        } else {
            content = content.push(list(entries, 180.0));
        }
    }
    if let Some(chosen) = &setup.network.chosen {
        let name = chosen.ssid.display();
        let mut join: Vec<Element<'_, Message>> = Vec::new();
        if super::needs_password(chosen.security) {
            let label = fl!("setup-wifi-password", name = name.clone());
            let password = &setup.network.password;
            join.push(
                container(field(
                    setup,
                    ids::WIFI_PASSWORD,
                    label.clone(),
                    text_input("", password.expose())
                        .secure(true)
                        .on_input(|typed| Message::WifiPasswordChanged(typed.into()))
                        .on_submit(Message::Join),
                    AccessibleInfo::new(Role::PasswordInput, label).secret(password.char_count()),
                ))
                .width(Length::Fill)
                .into(),
            );
        }
        join.push(action(
            ids::JOIN,
            fl!("setup-join-named", name = name),
            button::secondary,
            Message::Join,
        ));
        content = content.push(bidi_row(join).spacing(8).align_y(Alignment::End));
    }
    content.into()
}

fn strength_line<'a>(strength: Strength) -> Element<'a, Message> {
    let line = match strength {
        Strength::TooShort => fl!("setup-strength-too-short", count = account::MIN_PASSWORD),
        Strength::Weak => fl!("setup-strength-weak"),
        Strength::Fair => fl!("setup-strength-fair"),
        Strength::Strong => fl!("setup-strength-strong"),
    };
    Accessible::new(
        ids::STRENGTH,
        AccessibleInfo::new(Role::Label, line.clone()),
        caption(line),
    )
    .into()
}

fn form_problem<'a>(id: ferrum_ui::WidgetId, line: String) -> Element<'a, Message> {
    ferrum_ui::widgets::error_line(id, line)
}

fn name_problem(problem: NameProblem, name: &str) -> String {
    match problem {
        NameProblem::Empty => fl!("setup-name-empty"),
        NameProblem::TooLong => fl!("setup-name-too-long", count = account::MAX_USER_NAME),
        NameProblem::BadStart => fl!("setup-name-bad-start"),
        NameProblem::BadCharacters => fl!("setup-name-bad-characters"),
        NameProblem::Taken => fl!("setup-name-taken", name = name.to_owned()),
    }
}

fn password_problem(problem: PasswordProblem) -> String {
    match problem {
        PasswordProblem::TooShort => {
            fl!("setup-password-too-short", count = account::MIN_PASSWORD)
        }
        PasswordProblem::TooLong => fl!("setup-password-too-long"),
        PasswordProblem::Mismatch => fl!("setup-password-mismatch"),
    }
}

fn account_step(setup: &Setup) -> Element<'_, Message> {
    let form = &setup.form;
    let full_name = fl!("setup-full-name");
    let user_name = fl!("setup-user-name");
    let password = fl!("setup-password");
    let confirmation = fl!("setup-confirmation");
    let mut content = column![
        field(
            setup,
            ids::FULL_NAME,
            full_name.clone(),
            text_input("", &form.full_name).on_input(Message::FullName),
            AccessibleInfo::new(Role::TextInput, full_name).value(form.full_name.clone()),
        ),
        field(
            setup,
            ids::USER_NAME,
            user_name.clone(),
            text_input("", &form.user_name).on_input(Message::UserName),
            AccessibleInfo::new(Role::TextInput, user_name)
                .value(form.user_name.clone())
                .description(fl!("setup-user-name-rules")),
        ),
    ]
    .spacing(10)
    .align_x(reading_start());
    content = content.push(match form.name_problem {
        Some(problem) => form_problem(ids::NAME_PROBLEM, name_problem(problem, &form.user_name)),
        None => caption(fl!("setup-user-name-rules")),
    });
    content = content.push(field(
        setup,
        ids::PASSWORD,
        password.clone(),
        text_input("", form.password.expose())
            .secure(true)
            .on_input(|typed| Message::Password(typed.into())),
        AccessibleInfo::new(Role::PasswordInput, password).secret(form.password.char_count()),
    ));
    content = content.push(strength_line(account::strength(&form.password)));
    content = content.push(field(
        setup,
        ids::CONFIRMATION,
        confirmation.clone(),
        text_input("", form.confirmation.expose())
            .secure(true)
            .on_input(|typed| Message::Confirmation(typed.into()))
            .on_submit(Message::Next),
        AccessibleInfo::new(Role::PasswordInput, confirmation)
            .secret(form.confirmation.char_count()),
    ));
    content = content.push(match form.password_problem {
        Some(problem) => form_problem(ids::PASSWORD_PROBLEM, password_problem(problem)),
        None => space().height(0).into(),
    });
    content = content.push(ferrum_ui::widgets::switch(
        ids::ADMINISTRATOR,
        fl!("setup-administrator"),
        fl!("setup-administrator-desc"),
        form.administrator,
        Message::Administrator,
    ));
    content.into()
}

fn finish_step(setup: &Setup) -> Element<'_, Message> {
    let name = setup
        .created
        .as_ref()
        .map(|c| c.user_name.clone())
        .unwrap_or_default();
    let line = if setup.problem.is_some() {
        fl!("setup-created", name = name)
    } else {
        fl!("setup-starting")
    };
    // Nothing here takes the focus while the session starts (Create account is gone): the
    // line is an alert, so a screen reader hears it as soon as it appears, and hears it again
    // when it changes to say logging in failed.
    let mut content = column![Accessible::new(
        ids::WAITING,
        AccessibleInfo::new(Role::Alert, line.clone()),
        container(text(line).size(16)).padding([8, 0]),
    )]
    .spacing(12)
    .align_x(reading_start());
    if setup.problem.is_some() && !setup.busy {
        content = content.push(bidi_row(vec![
            space::horizontal().into(),
            action(
                ids::RETRY,
                fl!("setup-retry"),
                button::primary,
                Message::Retry,
            ),
        ]));
    }
    content.into()
}

/// The sentence for a problem, in the language in force (never a daemon's own words).
pub fn sentence(problem: &Problem) -> String {
    match problem {
        Problem::Zone(error) => match error {
            TimedateError::Unavailable(_) => fl!("setup-zone-unavailable"),
            TimedateError::NotAuthorized(_) => fl!("setup-zone-refused"),
            TimedateError::UnknownZone { .. } => fl!("setup-zone-unknown"),
            TimedateError::NoAnswer(_) => fl!("setup-zone-no-answer"),
            // The clock's and NTP's refusals (the Date & Time page's) never come from
            // setting a zone.
            TimedateError::Failed(_)
            | TimedateError::AutomaticTimeOn(_)
            | TimedateError::NoNtpSupport(_) => fl!("setup-zone-failed"),
        },
        Problem::WifiPassword(error) => match error {
            PasswordError::Empty => fl!("setup-wifi-password-empty"),
            _ => fl!("setup-wifi-password-invalid"),
        },
        Problem::Join(error) => match error {
            NetworkCommandError::Unavailable(_) => fl!("setup-network-unavailable"),
            NetworkCommandError::NotAuthorized(_) => fl!("setup-join-refused"),
            NetworkCommandError::ActivationFailed(StateReason::NoSecrets) => {
                fl!("setup-join-wrong-password")
            }
            NetworkCommandError::Timeout => fl!("setup-join-timeout"),
            _ => fl!("setup-join-failed"),
        },
        Problem::Account(error) => match error {
            NewAccountError::NameTaken(name) => fl!("setup-name-taken", name = name.clone()),
            NewAccountError::NotAllowed(_) => fl!("setup-account-refused"),
            NewAccountError::Unavailable(_) => fl!("setup-account-unavailable"),
            NewAccountError::NoAnswer(_) => fl!("setup-account-no-answer"),
            NewAccountError::Failed(_) | NewAccountError::Hash(_) => {
                fl!("setup-account-failed")
            }
            NewAccountError::Undone { .. } => fl!("setup-account-undone"),
            NewAccountError::LeftBehind { .. } => fl!("setup-account-left"),
        },
        Problem::Login(error) => match error {
            LoginError::Connection(_) | LoginError::Timeout(_) => {
                fl!("setup-login-unreachable")
            }
            _ => fl!("setup-login-failed"),
        },
    }
}

fn problem_line<'a>(problem: &Problem) -> Element<'a, Message> {
    let line = sentence(problem);
    Accessible::new(
        ids::PROBLEM,
        // Heard as soon as it appears.
        AccessibleInfo::new(Role::Alert, line.clone()),
        text(line)
            .size(15)
            .style(|theme: &iced::Theme| text::Style {
                color: Some(theme.extended_palette().danger.strong.color),
            }),
    )
    .into()
}
