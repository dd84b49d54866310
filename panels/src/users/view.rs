//! Drawing the Users page: a row per person (picture or initials, name, login name and type,
//! "you"), their controls, the open dialog in its place.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::users::{AccountType, Person};
use ferrum_ui::error_report;
use ferrum_ui::status::ServiceStatus;
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, action_button_for, bidi_row, caption, notice, page_title,
    reading_start, section, switch_for,
};
use iced::widget::{button, column, container, text};
use iced::{Alignment, Element, Length};

use super::ids;
use super::{Change, Dialog, Message, State};

/// The side of a picture or the initials' circle in the list.
const AVATAR: f32 = 40.0;

fn avatar<'a>(state: &'a State, person: &'a Person) -> Element<'a, Message> {
    if let Some(handle) = state.picture(person) {
        return iced::widget::image(handle.clone())
            .width(AVATAR)
            .height(AVATAR)
            .into();
    }
    container(text(person.initials()).size(16).font(FONT_BOLD))
        .center_x(AVATAR)
        .center_y(AVATAR)
        .style(|theme: &iced::Theme| {
            let palette = theme.extended_palette();
            container::Style {
                background: Some(palette.primary.weak.color.into()),
                text_color: Some(palette.primary.weak.text),
                border: iced::Border {
                    radius: (AVATAR / 2.0).into(),
                    ..iced::Border::default()
                },
                ..container::Style::default()
            }
        })
        .into()
}

fn type_name(account_type: AccountType) -> String {
    match account_type {
        AccountType::Standard => fl!("users-standard"),
        AccountType::Administrator => fl!("users-administrator"),
    }
}

fn person_row<'a>(state: &'a State, person: &'a Person) -> Element<'a, Message> {
    let name = person.display_name();
    let mut details = column![text(name.to_owned()).size(16).font(FONT_BOLD)]
        .spacing(2)
        .width(Length::Fill)
        .align_x(reading_start());
    let mut described = vec![person.name.clone(), type_name(person.account_type)];
    if person.is_caller {
        described.push(fl!("users-you"));
    }
    if person.locked {
        described.push(fl!("users-locked"));
    }
    let line = described.join(" · ");
    details = details.push(caption(line.clone()));
    let summary = Accessible::new(
        ids::person(person.uid, "name"),
        AccessibleInfo::new(Role::Label, name.to_owned()).description(line),
        bidi_row(vec![avatar(state, person), details.into()])
            .spacing(12)
            .align_y(Alignment::Center),
    );
    let mut rows = column![summary].spacing(8).align_x(reading_start());

    let last_administrator = state.is_last_administrator(person.uid);
    if last_administrator {
        rows = rows.push(caption(fl!("users-last-administrator")));
    } else {
        let administrator = person.account_type == AccountType::Administrator;
        rows = rows.push(switch_for(
            ids::person(person.uid, "administrator"),
            fl!("users-administrator"),
            name,
            fl!("users-administrator.desc"),
            administrator,
            {
                let uid = person.uid;
                move |on| {
                    Message::SetAccountType(
                        uid,
                        if on {
                            AccountType::Administrator
                        } else {
                            AccountType::Standard
                        },
                    )
                }
            },
        ));
    }
    // A locked account cannot log in: nothing to start automatically (turned off if it was).
    if !person.locked || person.automatic_login {
        rows = rows.push(switch_for(
            ids::person(person.uid, "automatic-login"),
            fl!("users-automatic-login"),
            name,
            fl!("users-automatic-login.desc"),
            person.automatic_login,
            {
                let uid = person.uid;
                move |on| Message::SetAutomaticLogin(uid, on)
            },
        ));
    }
    let mut buttons: Vec<Element<'a, Message>> = Vec::new();
    if person.is_caller {
        buttons.push(action_button(
            ids::person(person.uid, "password"),
            fl!("users-password-open"),
            button::secondary,
            Message::OpenPassword,
        ));
        buttons.push(action_button(
            ids::person(person.uid, "picture"),
            fl!("users-picture-open"),
            button::secondary,
            Message::OpenPicture,
        ));
    } else {
        buttons.push(action_button_for(
            ids::person(person.uid, "remove"),
            fl!("users-remove-open"),
            name,
            button::secondary,
            Message::OpenRemove(person.uid),
        ));
    }
    rows = rows.push(bidi_row(buttons).spacing(12));
    match &state.dialog {
        Some(Dialog::Remove(dialog)) if dialog.uid == person.uid => {
            let busy = matches!(state.pending, Some(Change::Remove(uid)) if uid == person.uid);
            rows = rows.push(dialog.view(name, busy).map(Message::Remove));
        }
        Some(Dialog::Password(dialog)) if person.is_caller => {
            let busy = state.pending == Some(Change::Password);
            rows = rows.push(dialog.view(busy).map(Message::Password));
        }
        Some(Dialog::Picture(dialog)) if person.is_caller => {
            let busy = state.pending == Some(Change::Picture);
            rows = rows.push(dialog.view(busy).map(Message::Picture));
        }
        _ => {}
    }
    rows.into()
}

fn pending_sentence(state: &State, change: &Change) -> Option<String> {
    let name = |uid: u32| {
        state.person(uid).map_or_else(
            || uid.to_string(),
            |person| person.display_name().to_owned(),
        )
    };
    match change {
        Change::AccountType(uid, AccountType::Administrator) => {
            Some(fl!("users-making-administrator", name = name(*uid)))
        }
        Change::AccountType(uid, AccountType::Standard) => {
            Some(fl!("users-making-standard", name = name(*uid)))
        }
        Change::AutomaticLogin(uid, true) => {
            Some(fl!("users-turning-on-automatic-login", name = name(*uid)))
        }
        Change::AutomaticLogin(uid, false) => {
            Some(fl!("users-turning-off-automatic-login", name = name(*uid)))
        }
        // The dialogs say their own.
        Change::Add(_) | Change::Remove(_) | Change::Password | Change::Picture => None,
    }
}

pub(super) fn page(state: &State) -> Element<'_, Message> {
    let mut page = column![page_title(fl!("users-title"))]
        .spacing(20)
        .align_x(reading_start());
    if let Some(report) = &state.error {
        page = page.push(error_report::view(report, &ids::USERS).map(Message::Report));
    }
    if let Some(sentence) = state
        .pending
        .as_ref()
        .and_then(|change| pending_sentence(state, change))
    {
        page = page.push(Accessible::new(
            ids::USERS.child("pending"),
            AccessibleInfo::new(Role::Alert, sentence.clone()),
            caption(sentence),
        ));
    }
    match &state.people {
        ServiceStatus::Ready(people) => {
            let mut rows = column![caption(fl!("users-explained"))]
                .spacing(18)
                .align_x(reading_start());
            for person in people {
                rows = rows.push(person_row(state, person));
            }
            page = page.push(section(fl!("users-people-heading"), rows));
            match &state.dialog {
                Some(Dialog::Add(dialog)) => {
                    let busy = matches!(state.pending, Some(Change::Add(_)));
                    page = page.push(dialog.view(busy).map(Message::Add));
                }
                _ => {
                    page = page.push(action_button(
                        ids::ADD,
                        fl!("users-add-open"),
                        button::primary,
                        Message::OpenAdd,
                    ));
                }
            }
        }
        ServiceStatus::Loading => page = page.push(caption(fl!("service-loading"))),
        ServiceStatus::Unavailable => {
            page = page.push(notice(
                fl!("users-not-running"),
                fl!("users-not-running.body"),
            ));
        }
        ServiceStatus::Failed(error) => {
            page = page.push(notice(fl!("users-unreadable"), error.detail()));
        }
        ServiceStatus::BusUnreachable(failure) => {
            page = page.push(notice(fl!("service-bus-unreachable"), failure.to_string()));
        }
    }
    page.into()
}
