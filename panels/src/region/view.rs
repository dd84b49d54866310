//! Drawing the Region & Language page: the languages, the formats with their preview, the
//! keyboard layouts; the open list of choices and the layout picker in their places.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::{fl, languages};
use ferrum_ui::status::ServiceStatus;
use ferrum_ui::widgets::{
    FONT_BOLD, action_button_for, bidi_row, caption, card, choice, key_value, notice, page_start,
    reading_start, section,
};
use iced::widget::{button, column, text};
use iced::{Alignment, Element, Length};

use super::formats::preview;
use super::ids;
use super::{Change, List, Message, State, language_name, layout_picker};

/// A setting's row: its title, its value, and a "Change…" button that opens its list.
fn setting_row<'a>(
    state: &'a State,
    list: List,
    title: String,
    value: String,
    description: String,
) -> Element<'a, Message> {
    let label = column![
        text(title.clone()).size(16).font(FONT_BOLD),
        text(value.clone()).size(16),
        caption(description),
    ]
    .spacing(2)
    .width(Length::Fill)
    .align_x(reading_start());
    let open = state.open == Some(list);
    let button_label = if open {
        fl!("region-close")
    } else {
        fl!("region-change")
    };
    let mut rows = column![
        bidi_row(vec![
            label.into(),
            action_button_for(
                ids::region_change(list),
                button_label,
                &title,
                button::secondary,
                Message::Toggle(list),
            ),
        ])
        .spacing(12)
        .align_y(Alignment::Center)
    ]
    .spacing(6)
    .align_x(reading_start());
    if open {
        let current = match list {
            List::PersonLanguage => state.person_language(),
            List::MachineLanguage => state.machine_language(),
            List::Formats => state.formats(),
        };
        for language in languages::all() {
            let selected = current.and_then(languages::from_posix) == Some(language.locale);
            let description = match list {
                List::Formats => Some(preview(language.posix, state.today).date),
                _ => None,
            };
            rows = rows.push(choice(
                ids::region_choice(list, language.locale),
                language.native_name,
                description,
                selected,
                Message::Choose(list, language.locale),
            ));
        }
    }
    rows.into()
}

fn pending_line<'a>(sentence: String) -> Element<'a, Message> {
    Accessible::new(
        ids::REGION.child("pending"),
        AccessibleInfo::new(Role::Alert, sentence.clone()),
        caption(sentence),
    )
    .into()
}

fn pending_sentence(change: &Change) -> String {
    match change {
        Change::PersonLanguage(posix) => {
            fl!("region-changing-person", language = language_name(posix))
        }
        Change::MachineLanguage(posix) => {
            fl!("region-changing-language", language = language_name(posix))
        }
        Change::Formats(posix) => fl!("region-changing-formats", language = language_name(posix)),
        Change::Keyboard(_) => fl!("region-changing-keyboard"),
    }
}

/// localed's state when it cannot be shown: a notice.
fn machine_notice<'a>(state: &'a State) -> Option<Element<'a, Message>> {
    match &state.locale {
        ServiceStatus::Ready(_) => None,
        ServiceStatus::Loading => Some(caption(fl!("service-loading"))),
        ServiceStatus::Unavailable => Some(notice(
            fl!("region-not-running"),
            fl!("region-not-running.body"),
        )),
        ServiceStatus::Failed(error) => Some(notice(fl!("region-unreadable"), error.detail())),
        ServiceStatus::BusUnreachable(failure) => {
            Some(notice(fl!("service-bus-unreachable"), failure.to_string()))
        }
    }
}

fn person_value(state: &State) -> String {
    match &state.person {
        ServiceStatus::Ready(Some(posix)) => language_name(posix),
        ServiceStatus::Ready(None) => fl!("region-person-unset"),
        ServiceStatus::Loading => fl!("service-loading"),
        ServiceStatus::Unavailable
        | ServiceStatus::Failed(_)
        | ServiceStatus::BusUnreachable(_) => fl!("region-person-unavailable"),
    }
}

pub(super) fn page(state: &State) -> Element<'_, Message> {
    let mut page = page_start(
        fl!("region-title"),
        state.error.as_ref(),
        &ids::REGION,
        Message::Report,
    );
    if let Some(change) = &state.pending {
        page = page.push(pending_line(pending_sentence(change)));
    }

    // The languages: the person's own, and the machine's.
    let mut language_rows = column![setting_row(
        state,
        List::PersonLanguage,
        fl!("region-person-language"),
        person_value(state),
        fl!("region-person-language.desc"),
    )]
    .spacing(14)
    .align_x(reading_start());
    match machine_notice(state) {
        Some(notice) => language_rows = language_rows.push(notice),
        None => {
            language_rows = language_rows.push(setting_row(
                state,
                List::MachineLanguage,
                fl!("region-machine-language"),
                state
                    .machine_language()
                    .map_or_else(|| fl!("region-unset"), language_name),
                fl!("region-machine-language.desc"),
            ));
        }
    }
    page = page.push(section(fl!("region-language-heading"), language_rows));

    // The formats, with their preview.
    if let Some(formats) = state.formats().or(state.snapshot().map(|_| "C.UTF-8")) {
        let shown = preview(formats, state.today);
        let mut rows = column![setting_row(
            state,
            List::Formats,
            fl!("region-formats"),
            language_name(formats),
            fl!("region-formats.desc"),
        )]
        .spacing(10)
        .align_x(reading_start());
        let name = fl!(
            "region-preview-name",
            date = shown.date.as_str(),
            short = shown.short_date.as_str(),
            number = shown.number.as_str(),
            measurement = shown.measurement.as_str(),
            paper = shown.paper.as_str()
        );
        rows = rows.push(card(Accessible::new(
            ids::REGION.child("preview"),
            AccessibleInfo::new(Role::Label, name),
            column![
                text(fl!("region-preview")).size(15).font(FONT_BOLD),
                key_value(fl!("region-preview-date"), shown.date),
                key_value(fl!("region-preview-short-date"), shown.short_date),
                key_value(fl!("region-preview-number"), shown.number),
                key_value(fl!("region-preview-measurement"), shown.measurement),
                key_value(fl!("region-preview-paper"), shown.paper),
            ]
            .spacing(6)
            .width(Length::Fill)
            .align_x(reading_start()),
        )));
        page = page.push(section(fl!("region-formats-heading"), rows));
    }

    // The keyboard layouts.
    if let Some(snapshot) = state.snapshot() {
        let used = snapshot.keyboard.layouts();
        let mut rows = column![caption(fl!("region-keyboard-explained"))]
            .spacing(8)
            .align_x(reading_start());
        if used.is_empty() {
            rows = rows.push(text(fl!("region-keyboard-none")).size(16));
        }
        for (at, name) in used.iter().enumerate() {
            let description = state
                .layouts
                .as_deref()
                .and_then(|all| all.iter().find(|layout| &layout.name == name))
                .map_or_else(|| name.clone(), |layout| layout.description.clone());
            let mut row: Vec<Element<'_, Message>> = vec![
                Accessible::new(
                    ids::region_layout(name, "name"),
                    AccessibleInfo::new(Role::Label, description.clone()),
                    column![
                        text(description.clone()).size(16),
                        caption(name.to_uppercase())
                    ]
                    .spacing(2)
                    .width(Length::Fill)
                    .align_x(reading_start()),
                )
                .into(),
            ];
            if at > 0 {
                row.push(action_button_for(
                    ids::region_layout(name, "first"),
                    fl!("region-layout-first"),
                    &description,
                    button::secondary,
                    Message::FirstLayout(name.clone()),
                ));
            }
            if used.len() > 1 {
                row.push(action_button_for(
                    ids::region_layout(name, "remove"),
                    fl!("region-layout-remove"),
                    &description,
                    button::secondary,
                    Message::RemoveLayout(name.clone()),
                ));
            }
            rows = rows.push(bidi_row(row).spacing(12).align_y(Alignment::Center));
        }
        match &state.picker {
            Some(picker) => {
                rows = rows.push(
                    layout_picker::view(picker, state.layouts.as_deref().map(Vec::as_slice), &used)
                        .map(Message::Picker),
                );
            }
            None => {
                rows = rows.push(ferrum_ui::widgets::action_button(
                    ids::REGION_ADD_LAYOUT,
                    fl!("region-layout-add"),
                    button::secondary,
                    Message::OpenPicker,
                ));
            }
        }
        page = page.push(section(fl!("region-keyboard-heading"), rows));
    }
    page.into()
}
