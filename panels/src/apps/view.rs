//! Drawing the Apps page: the dialogs (an update that asks for more, removing an app: drawn
//! by their modules), the change under way (a progress bar named with the change, step,
//! percentage and bytes; the step as an alert when it changes) and how changes ended, the
//! installed apps, the search (its module's), the sources with the add-source form, and one
//! app's permissions as a view of their own (their module's); the lines the parts share.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::apps::InstalledApp;
use ferrum_ui::format::size_text;
use ferrum_ui::status::ServiceStatus;
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, action_button_for, bidi_row, caption, card, error_line, heading,
    level_bar, line, notice, page_start, reading_start,
};
use iced::widget::{Column, button, column, text};
use iced::{Alignment, Element, Length};

use super::describe::{
    ended_text, error_sentence, installation_text, job_text, progress_name, step_text,
};
use super::run::Run;
use super::{Loaded, Message, State, Updates, held};
use crate::ids;

/// What stands for something not read: "Loading…", or why it could not be read (a line
/// with `id`); `None` once it is read.
pub(super) fn unread<'a, T, M: Clone + 'a>(
    loaded: &Loaded<T>,
    id: ferrum_ui::WidgetId,
) -> Option<Element<'a, M>> {
    match loaded {
        Loaded::Loading => Some(caption(fl!("service-loading"))),
        Loaded::Failed(error) => Some(error_line(id, error_sentence(error))),
        Loaded::Ready(_) => None,
    }
}

/// A dialog's question as its heading — an alert, said at once with its explanation — and
/// the explanation under it.
pub(super) fn question<'a, M: Clone + 'a>(
    id: ferrum_ui::WidgetId,
    question: String,
    explain: String,
) -> Vec<Element<'a, M>> {
    vec![
        Accessible::new(
            id,
            AccessibleInfo::new(Role::Alert, question.clone()).description(explain.clone()),
            text(question).size(17).font(FONT_BOLD),
        )
        .into(),
        caption(explain),
    ]
}

/// An alert line: said by a screen reader as soon as it appears or changes.
pub(super) fn alert<'a, M: Clone + 'a>(
    id: ferrum_ui::WidgetId,
    sentence: String,
) -> Element<'a, M> {
    Accessible::new(
        id,
        AccessibleInfo::new(Role::Alert, sentence.clone()),
        line(sentence, 15, Length::Fill),
    )
    .into()
}

/// A line a screen reader can read as `shown` about `subject` ("An update is available.:
/// Maps"); the line drawn is `shown` alone, beside the subject's own name.
pub(super) fn label_about<'a, M: Clone + 'a>(
    id: ferrum_ui::WidgetId,
    shown: String,
    subject: &str,
    size: u32,
) -> Element<'a, M> {
    Accessible::new(
        id,
        AccessibleInfo::new(
            Role::Label,
            fl!("control-about", control = shown.as_str(), subject = subject),
        ),
        line(shown, size, Length::Fill),
    )
    .into()
}

/// A line a screen reader can read.
pub(super) fn label<'a, M: Clone + 'a>(
    id: ferrum_ui::WidgetId,
    sentence: String,
    size: u32,
) -> Element<'a, M> {
    Accessible::new(
        id,
        AccessibleInfo::new(Role::Label, sentence.clone()),
        line(sentence, size, Length::Fill),
    )
    .into()
}

pub(super) fn page(state: &State) -> Element<'_, Message> {
    let mut page = page_start(
        fl!("apps-title"),
        state.error.as_ref(),
        &ids::APPS,
        Message::Report,
    );
    page = with_dialogs(page, state);
    if let Some(view) = &state.permissions {
        return page.push(view.view().map(Message::Permissions)).into();
    }
    page = page.push(heading(fl!("apps-installed"), 15));
    match &state.installed {
        ServiceStatus::Loading => page = page.push(caption(fl!("service-loading"))),
        ServiceStatus::Ready(snapshot) => {
            page = page.push(updates_row(state));
            if snapshot.apps.is_empty() {
                page = page.push(caption(fl!("apps-none-installed")));
            }
            for installed in &snapshot.apps {
                page = page.push(app_card(state, installed));
            }
        }
        ServiceStatus::Failed(error) => {
            page = page.push(notice(fl!("apps-unreadable"), error_sentence(error)));
        }
        ServiceStatus::Unavailable | ServiceStatus::BusUnreachable(_) => {
            page = page.push(notice(fl!("apps-unreadable"), fl!("apps-error-worker")));
        }
    }
    page = page.push(heading(fl!("apps-install"), 15));
    page = page.push(
        state
            .search
            .view(|app| state.is_changing(app))
            .map(Message::Search),
    );
    page = page.push(heading(fl!("apps-remotes"), 15));
    page = page.push(remotes_view(state));
    page.into()
}

/// The held update, the remove question, the change under way and how changes ended.
fn with_dialogs<'a>(mut page: Column<'a, Message>, state: &'a State) -> Column<'a, Message> {
    if let Some(update) = state.held.first() {
        let name = state.app_name(&update.app);
        page = page.push(held::view(update, &name).map(Message::Held));
    }
    if let Some(removal) = &state.removal {
        page = page.push(removal.view().map(Message::Removal));
    }
    if let Some(job) = state.run.job() {
        let percent = state.run.percent();
        let step = match &state.run {
            Run::Active {
                step: Some(step), ..
            } => step_text(step),
            _ => fl!("apps-step-starting"),
        };
        let mut content = column![
            text(job_text(job)).size(17).font(FONT_BOLD),
            bidi_row(vec![
                // The step, said (with the change, whose name is the card's heading) when
                // it changes.
                Accessible::new(
                    ids::APPS_RUN.child("step"),
                    AccessibleInfo::new(Role::Alert, format!("{} {step}", job_text(job))),
                    line(step, 15, Length::Fill),
                )
                .into(),
                text(fl!("percent-value", percent = percent))
                    .size(15)
                    .into(),
            ])
            .spacing(12)
            .align_y(Alignment::Center),
            level_bar(
                ids::APPS_RUN.child("progress"),
                progress_name(&state.run),
                percent as f32 / 100.0,
            ),
        ]
        .spacing(10)
        .align_x(reading_start());
        if let Run::Active {
            progress: Some(progress),
            ..
        } = &state.run
            && progress.bytes_transferred > 0
        {
            content = content.push(caption(fl!(
                "apps-progress-bytes",
                size = size_text(progress.bytes_transferred)
            )));
        }
        if !state.queue.is_empty() {
            content = content.push(caption(fl!("apps-queued", count = state.queue.len())));
        }
        content = content.push(if state.run.is_cancelling() {
            caption(fl!("apps-cancelling"))
        } else {
            action_button(
                ids::APPS_RUN.child("cancel"),
                fl!("apps-cancel"),
                button::secondary,
                Message::Cancel,
            )
        });
        page = page.push(card(content));
    }
    if !state.ended.is_empty() {
        let mut content = column![].spacing(8).align_x(reading_start());
        for (index, ended) in state.ended.iter().enumerate() {
            let sentence = ended_text(ended);
            content = content.push(if ended.result.is_ok() {
                alert(ids::APPS_RUN.child("result").child(index), sentence)
            } else {
                error_line(ids::APPS_RUN.child("result").child(index), sentence)
            });
        }
        content = content.push(action_button(
            ids::APPS_RUN.child("close"),
            fl!("apps-close"),
            button::secondary,
            Message::EndedDismissed,
        ));
        page = page.push(card(content));
    }
    page
}

fn updates_row(state: &State) -> Element<'_, Message> {
    let sentence = match &state.updates {
        Updates::Unknown => String::new(),
        Updates::Checking => fl!("apps-updates-checking"),
        Updates::Known(updates) => fl!("apps-updates-count", count = updates.len()),
        Updates::Failed(error) => fl!("apps-updates-failed", reason = error_sentence(error)),
    };
    let mut row = vec![label(ids::APPS.child("updates"), sentence, 14)];
    if state.updates != Updates::Checking {
        row.push(action_button(
            ids::APPS_CHECK,
            fl!("apps-check"),
            button::secondary,
            Message::CheckUpdates,
        ));
    }
    if matches!(&state.updates, Updates::Known(updates) if !updates.is_empty()) {
        row.push(action_button(
            ids::APPS_UPDATE_ALL,
            fl!("apps-update-all"),
            button::primary,
            Message::UpdateAll,
        ));
    }
    bidi_row(row).spacing(12).align_y(Alignment::Center).into()
}

fn app_card<'a>(state: &'a State, installed: &'a InstalledApp) -> Element<'a, Message> {
    let app = &installed.app;
    let name = installed.name.as_str();
    let mut facts = vec![installation_text(app.installation)];
    if let Some(version) = installed.version.as_deref() {
        facts.push(fl!("apps-version", version = version));
    }
    facts.push(fl!("apps-origin", remote = installed.origin.as_str()));
    facts.push(fl!(
        "apps-installed-size",
        size = size_text(installed.installed_size)
    ));
    match state.data_size(app) {
        Some(Ok(bytes)) => facts.push(fl!("apps-data-size", size = size_text(*bytes))),
        Some(Err(_)) => facts.push(fl!("apps-data-size-unknown")),
        None => {}
    }
    let facts = facts.join(" · ");
    let mut details = column![
        text(installed.name.clone()).size(17).font(FONT_BOLD),
        Accessible::new(
            ids::apps_installed(app, "facts"),
            AccessibleInfo::new(
                Role::Label,
                fl!("control-about", control = facts.as_str(), subject = name),
            ),
            caption(facts.clone()),
        ),
    ]
    .spacing(4)
    .width(Length::Fill)
    .align_x(reading_start());
    if let Some(summary) = installed.summary.clone() {
        details = details.push(text(summary).size(14));
    }
    let update = state.updates.for_app(app);
    if let Some(update) = update {
        let offered = if update.widens_permissions() {
            fl!("apps-update-wider")
        } else {
            fl!("apps-update-available")
        };
        details = details.push(label_about(
            ids::apps_installed(app, "update-offered"),
            offered,
            name,
            14,
        ));
    }
    let mut top = Vec::new();
    if let Some(icon) = state.icon(app) {
        top.push(
            iced::widget::image(icon.clone())
                .width(48)
                .height(48)
                .into(),
        );
    }
    top.push(details.into());
    let mut content = column![bidi_row(top).spacing(12)]
        .spacing(10)
        .align_x(reading_start());
    if state.is_changing(app) {
        content = content.push(caption(fl!("apps-being-changed")));
    } else {
        let mut buttons = vec![
            action_button_for(
                ids::apps_installed(app, "open"),
                fl!("apps-open"),
                name,
                button::secondary,
                Message::Open(app.clone()),
            ),
            action_button_for(
                ids::apps_installed(app, "permissions"),
                fl!("apps-permissions"),
                name,
                button::secondary,
                Message::OpenPermissions(app.clone()),
            ),
        ];
        if update.is_some() {
            buttons.push(action_button_for(
                ids::apps_installed(app, "update"),
                fl!("apps-update"),
                name,
                button::primary,
                Message::Update(app.clone()),
            ));
        }
        buttons.push(action_button_for(
            ids::apps_installed(app, "remove"),
            fl!("apps-remove"),
            name,
            button::danger,
            Message::Remove(app.clone()),
        ));
        content = content.push(bidi_row(buttons).spacing(8));
    }
    card(content)
}

fn remotes_view(state: &State) -> Element<'_, Message> {
    let mut content = column![].spacing(8).align_x(reading_start());
    if let Some(line) = unread(&state.remotes, ids::APPS.child("remotes-failed")) {
        content = content.push(line);
    }
    match &state.remotes {
        Loaded::Loading | Loaded::Failed(_) => {}
        Loaded::Ready(remotes) => {
            if remotes.is_empty() {
                content = content.push(caption(fl!("apps-remotes-none")));
            }
            for remote in remotes {
                let title = remote.title.clone().unwrap_or_else(|| remote.name.clone());
                let mut facts = vec![installation_text(remote.installation)];
                if let Some(url) = remote.url.clone() {
                    facts.push(url);
                }
                if remote.disabled {
                    facts.push(fl!("apps-remote-disabled"));
                }
                content = content.push(
                    column![
                        text(title).size(16).font(FONT_BOLD),
                        caption(facts.join(" · "))
                    ]
                    .spacing(2)
                    .align_x(reading_start()),
                );
            }
        }
    }
    for line in state.add_remote.view(state.note.as_ref()) {
        content = content.push(line.map(Message::Sources));
    }
    card(content)
}
