//! Drawing the Printers page.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::printers::{
    Job, Marker, MarkerLevel, PrintOption, Printer, PrinterUri, PrintersError, Snapshot,
};
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, action_button_for, bidi_row, caption, card, choice_for, error_line,
    key_value, labelled_field, level_bar, notice, page_start, reading_start,
};
use iced::widget::{button, column, text};
use iced::{Alignment, Element, Length};

use super::describe::{
    error_sentence, job_state_text, name_error_text, option_name, option_value, reason_sentences,
    state_text,
};
use super::{Message, Note, State};
use crate::ids;

pub(super) fn page(state: &State) -> Element<'_, Message> {
    let mut page = page_start(
        fl!("printers-title"),
        state.error.as_ref(),
        &ids::PRINTERS,
        Message::Report,
    );
    if let Some(note) = &state.note {
        page = page.push(note_view(note));
    }
    let snapshot = match state.cups.ready_or_notice(
        || {
            (
                fl!("printers-not-running"),
                fl!("printers-not-running.body"),
            )
        },
        unreadable,
    ) {
        Ok(snapshot) => snapshot,
        Err(notice) => return page.push(notice).into(),
    };
    match &state.add {
        Some(dialog) => page = page.push(dialog.view(state.adding()).map(Message::Add)),
        None => {
            page = page.push(action_button(
                ids::PRINTERS_ADD_OPEN,
                fl!("printers-add"),
                button::primary,
                Message::AddOpened,
            ));
        }
    }
    if snapshot.printers.is_empty() {
        return page.push(caption(fl!("printers-none"))).into();
    }
    for printer in &snapshot.printers {
        page = page.push(printer_card(state, snapshot, printer));
    }
    page.into()
}

fn unreadable(error: &PrintersError) -> Element<'_, Message> {
    notice(fl!("printers-unreadable"), error_sentence(error))
}

fn note_view(note: &Note) -> Element<'_, Message> {
    let sentence = match note {
        Note::TestPageSent(printer) => {
            fl!("printers-test-page-sent", printer = printer.as_str())
        }
        Note::Added(printer) => fl!("printers-added", printer = printer.as_str()),
    };
    card(
        bidi_row(vec![
            Accessible::new(
                ids::PRINTERS.child("note"),
                AccessibleInfo::new(Role::Alert, sentence.clone()),
                text(sentence).size(15).width(Length::Fill),
            )
            .into(),
            action_button(
                ids::PRINTERS.child("note").child("dismiss"),
                fl!("printers-dismiss"),
                button::secondary,
                Message::NoteDismissed,
            ),
        ])
        .spacing(8)
        .align_y(Alignment::Center),
    )
}

/// One printer: its name, state in words, ink, and its commands; its
/// details below when open.
fn printer_card<'a>(
    state: &'a State,
    snapshot: &'a Snapshot,
    printer: &'a Printer,
) -> Element<'a, Message> {
    let name = printer.display_name();
    let queue = &printer.name;
    let is_default = snapshot.default.as_ref() == Some(queue);
    let mut title = vec![text(name.to_owned()).size(17).font(FONT_BOLD).into()];
    if is_default {
        title.push(caption(fl!("printers-default-mark")));
    }
    let mut content = column![
        bidi_row(title).spacing(10).align_y(Alignment::Center),
        Accessible::new(
            ids::printer(queue, "state"),
            AccessibleInfo::new(
                Role::Label,
                fl!(
                    "control-about",
                    control = state_text(printer),
                    subject = name
                ),
            ),
            text(state_text(printer)).size(15),
        ),
    ]
    .spacing(8)
    .width(Length::Fill)
    .align_x(reading_start());
    for (index, sentence) in reason_sentences(printer).into_iter().enumerate() {
        content = content.push(error_line(
            ids::printer(queue, "reason").child(index),
            sentence,
        ));
    }
    content = content.push(markers(printer));
    content = content.push(commands(state, printer, is_default));
    if state.open.as_ref() == Some(queue) {
        content = content.push(details(state, snapshot, printer));
    }
    card(content)
}

/// Ink and toner as bars, each named with its colour and level.
fn markers(printer: &Printer) -> Element<'_, Message> {
    if printer.markers.is_empty() {
        return caption(fl!("printers-ink-none"));
    }
    let mut list = column![text(fl!("printers-ink-heading")).size(14)]
        .spacing(4)
        .width(Length::Fill)
        .align_x(reading_start());
    for (index, marker) in printer.markers.iter().enumerate() {
        list = list.push(marker_row(printer, index, marker));
    }
    list.into()
}

fn marker_row<'a>(printer: &'a Printer, index: usize, marker: &'a Marker) -> Element<'a, Message> {
    // A waste container's level is the room left in it (as CUPS reports it).
    let waste = marker.kind.starts_with("waste-");
    let label = match marker.level {
        MarkerLevel::Percent(percent) if waste => fl!(
            "printers-waste-level",
            marker = marker.name.as_str(),
            percent = i64::from(percent)
        ),
        MarkerLevel::Percent(percent) => fl!(
            "printers-ink-level",
            marker = marker.name.as_str(),
            percent = i64::from(percent)
        ),
        MarkerLevel::SomeRemaining | MarkerLevel::Unknown => {
            fl!("printers-ink-unknown", marker = marker.name.as_str())
        }
    };
    let level = match marker.level {
        MarkerLevel::Percent(percent) => f32::from(percent) / 100.0,
        MarkerLevel::SomeRemaining | MarkerLevel::Unknown => 0.0,
    };
    let name = fl!(
        "control-about",
        control = label.as_str(),
        subject = printer.display_name()
    );
    column![
        caption(label),
        level_bar(
            ids::printer(&printer.name, "marker").child(index),
            name,
            level
        ),
    ]
    .spacing(2)
    .width(Length::Fill)
    .align_x(reading_start())
    .into()
}

/// The printer's buttons.
fn commands<'a>(state: &'a State, printer: &'a Printer, is_default: bool) -> Element<'a, Message> {
    let queue = &printer.name;
    let subject = printer.display_name();
    let mut buttons = Vec::new();
    if !is_default {
        buttons.push(action_button_for(
            ids::printer(queue, "default"),
            fl!("printers-set-default"),
            subject,
            button::secondary,
            Message::SetDefault(queue.clone()),
        ));
    }
    let paused = State::shows_paused(printer);
    buttons.push(action_button_for(
        ids::printer(queue, "pause"),
        if paused {
            fl!("printers-resume")
        } else {
            fl!("printers-pause")
        },
        subject,
        button::secondary,
        Message::SetPaused(queue.clone(), !paused),
    ));
    buttons.push(action_button_for(
        ids::printer(queue, "test-page"),
        fl!("printers-test-page"),
        subject,
        button::secondary,
        Message::TestPage(queue.clone()),
    ));
    let open = state.open.as_ref() == Some(queue);
    buttons.push(action_button_for(
        ids::printer(queue, "details"),
        if open {
            fl!("printers-hide-details")
        } else {
            fl!("printers-details")
        },
        subject,
        button::text,
        Message::ToggleDetails(queue.clone()),
    ));
    bidi_row(buttons).spacing(8).into()
}

/// Where it is, its address and model, its options, its jobs, and renaming
/// and removing it.
fn details<'a>(
    state: &'a State,
    snapshot: &'a Snapshot,
    printer: &'a Printer,
) -> Element<'a, Message> {
    let mut content = column![].spacing(14).align_x(reading_start());
    let mut facts = column![].spacing(4);
    if !printer.location.is_empty() {
        facts = facts.push(key_value(
            fl!("printers-location"),
            printer.location.clone(),
        ));
    }
    facts = facts.push(key_value(fl!("printers-address"), address(printer)));
    if !printer.make_and_model.is_empty() {
        facts = facts.push(key_value(
            fl!("printers-model"),
            printer.make_and_model.clone(),
        ));
    }
    content = content.push(facts);
    // The jobs before the options: what is waiting matters more than the defaults.
    content = content.push(jobs(state, snapshot, printer));
    content = content.push(options(printer));
    content = content.push(rename_and_remove(state, printer));
    content.into()
}

/// The device's address as people can find it: its host (and port), or the
/// whole URI when it is not a network address.
fn address(printer: &Printer) -> String {
    match PrinterUri::parse(&printer.device_uri) {
        Ok(uri) => match uri.port() {
            Some(port) => format!("{}:{port}", uri.host()),
            None => uri.host().to_owned(),
        },
        Err(_) => printer.device_uri.clone(),
    }
}

/// The option defaults, each a group of choices, from the printer's own
/// attributes.
fn options(printer: &Printer) -> Element<'_, Message> {
    let mut content = column![text(fl!("printers-options")).size(15).font(FONT_BOLD)].spacing(6);
    let subject = printer.display_name();
    for option in [
        PrintOption::Media,
        PrintOption::Sides,
        PrintOption::ColorMode,
        PrintOption::Quality,
    ] {
        let choices = printer.options.get(option);
        if choices.choices.len() < 2 {
            continue;
        }
        let name = option_name(option);
        let mut group = column![text(name.clone()).size(14)].spacing(2);
        for value in &choices.choices {
            let shown = option_value(option, value);
            group = group.push(choice_for(
                ids::printer_option(&printer.name, option.ipp_name(), value),
                shown,
                &format!("{name}, {subject}"),
                None,
                choices.default.as_deref() == Some(value.as_str()),
                Message::SetOption(printer.name.clone(), option, value.clone()),
            ));
        }
        content = content.push(group);
    }
    content.into()
}

/// The queue's jobs: owner, title, pages, state; cancel, hold, release.
fn jobs<'a>(
    state: &'a State,
    snapshot: &'a Snapshot,
    printer: &'a Printer,
) -> Element<'a, Message> {
    let mut content =
        column![text(fl!("printers-jobs-heading")).size(15).font(FONT_BOLD)].spacing(6);
    let jobs: Vec<&Job> = snapshot.jobs_of(&printer.name).collect();
    if jobs.iter().all(|job| job.state.is_finished()) {
        content = content.push(caption(fl!("printers-jobs-none")));
    }
    for job in &jobs {
        content = content.push(job_row(job));
    }
    let mine = jobs
        .iter()
        .any(|job| job.owner == state.me() && !job.state.is_finished());
    if mine {
        content = content.push(action_button_for(
            ids::printer(&printer.name, "cancel-mine"),
            fl!("printers-jobs-cancel-mine"),
            printer.display_name(),
            button::danger,
            Message::CancelMine(printer.name.clone()),
        ));
    }
    content.into()
}

fn job_row(job: &Job) -> Element<'_, Message> {
    // CUPS shows a job's title and owner to its owner only: another person's job comes
    // without both.
    let private = job.title.is_empty() && job.owner.is_empty();
    let title = if private {
        fl!("printers-job-private")
    } else if job.title.is_empty() {
        fl!("printers-job-title-unknown")
    } else {
        job.title.clone()
    };
    let line = if job.owner.is_empty() {
        title.clone()
    } else {
        fl!(
            "printers-job-line",
            title = title.as_str(),
            owner = job.owner.as_str()
        )
    };
    let mut facts = vec![job_state_text(job.state)];
    if job.pages_done > 0 {
        facts.push(fl!("printers-job-pages", pages = i64::from(job.pages_done)));
    }
    let details = column![text(line).size(15), caption(facts.join(" · ")),]
        .spacing(2)
        .width(Length::Fill)
        .align_x(reading_start());
    let mut row = vec![details.into()];
    if !job.state.is_finished() {
        if job.state == ferrum_services::printers::JobState::Held {
            row.push(action_button_for(
                ids::printer_job(job.id, "release"),
                fl!("printers-job-release"),
                &title,
                button::secondary,
                Message::ReleaseJob(job.id),
            ));
        } else {
            row.push(action_button_for(
                ids::printer_job(job.id, "hold"),
                fl!("printers-job-hold"),
                &title,
                button::secondary,
                Message::HoldJob(job.id),
            ));
        }
        row.push(action_button_for(
            ids::printer_job(job.id, "cancel"),
            fl!("printers-job-cancel"),
            &title,
            button::danger,
            Message::CancelJob(job.id),
        ));
    }
    bidi_row(row).spacing(8).align_y(Alignment::Center).into()
}

/// Rename (a field while open) and Remove (a question while asked).
fn rename_and_remove<'a>(state: &'a State, printer: &'a Printer) -> Element<'a, Message> {
    let queue = &printer.name;
    let subject = printer.display_name();
    if let Some(rename) = state.rename.as_ref().filter(|r| r.queue == *queue) {
        let mut field = column![labelled_field(
            ids::printer(queue, "name"),
            fl!("printers-rename-field"),
            &rename.text,
            Message::RenameChanged,
            Message::RenameSaved,
        )]
        .spacing(6);
        if let Some(error) = &rename.error {
            field = field.push(error_line(
                ids::printer(queue, "name-error"),
                name_error_text(error),
            ));
        }
        field = field.push(
            bidi_row(vec![
                action_button(
                    ids::printer(queue, "rename-cancel"),
                    fl!("printers-rename-cancel"),
                    button::secondary,
                    Message::RenameCanceled,
                ),
                action_button(
                    ids::printer(queue, "rename-save"),
                    fl!("printers-rename-save"),
                    button::primary,
                    Message::RenameSaved,
                ),
            ])
            .spacing(8),
        );
        return field.into();
    }
    if state.confirm_remove.as_ref() == Some(queue) {
        let question = fl!("printers-remove-question", printer = subject);
        return column![
            Accessible::new(
                ids::printer(queue, "remove-question"),
                AccessibleInfo::new(Role::Alert, question.clone())
                    .description(fl!("printers-remove-explain")),
                text(question).size(15).font(FONT_BOLD),
            ),
            caption(fl!("printers-remove-explain")),
            bidi_row(vec![
                action_button(
                    ids::printer(queue, "remove-cancel"),
                    fl!("printers-remove-cancel"),
                    button::secondary,
                    Message::RemoveCanceled,
                ),
                action_button(
                    ids::printer(queue, "remove-confirm"),
                    fl!("printers-remove-confirm"),
                    button::danger,
                    Message::RemoveConfirmed(queue.clone()),
                ),
            ])
            .spacing(8),
        ]
        .spacing(6)
        .into();
    }
    bidi_row(vec![
        action_button_for(
            ids::printer(queue, "rename"),
            fl!("printers-rename"),
            subject,
            button::secondary,
            Message::RenameStarted(queue.clone()),
        ),
        action_button_for(
            ids::printer(queue, "remove"),
            fl!("printers-remove"),
            subject,
            button::danger,
            Message::Remove(queue.clone()),
        ),
    ])
    .spacing(8)
    .into()
}
