//! Drawing the Apps page: the dialogs (an update that asks for more, removing an app), the
//! change under way (a progress bar named with the change, step, percentage and bytes; the
//! step as an alert when it changes) and how changes ended, the installed apps, the search
//! with a found app's details, the sources, and one app's permissions as a view of its own.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::apps::{InstalledApp, RemoteApp};
use ferrum_ui::error_report;
use ferrum_ui::format::size_text;
use ferrum_ui::status::ServiceStatus;
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, action_button_for, bidi_row, caption, card, choice_for, error_line,
    heading, labelled_field, level_bar, line, notice, page_title, reading_start, switch,
};
use iced::widget::{Column, button, column, text};
use iced::{Alignment, Element, Length};

use super::describe::{
    add_remote_error_text, ended_text, error_sentence, grant_text, installation_text, job_text,
    permission_lines, permission_text, progress_name, row_state_text, search_failure_lines,
    step_text,
};
use super::merge::{Choice, Row};
use super::run::Run;
use super::{Loaded, Message, Note, Offer, PermissionsView, State, Updates};
use crate::ids;

/// An alert line: said by a screen reader as soon as it appears or changes.
fn alert<'a>(id: ferrum_ui::WidgetId, sentence: String) -> Element<'a, Message> {
    Accessible::new(
        id,
        AccessibleInfo::new(Role::Alert, sentence.clone()),
        line(sentence, 15, Length::Fill),
    )
    .into()
}

/// A line a screen reader can read as `shown` about `subject` ("An update is available.:
/// Maps"); the line drawn is `shown` alone, beside the subject's own name.
fn label_about<'a>(
    id: ferrum_ui::WidgetId,
    shown: String,
    subject: &str,
    size: u32,
) -> Element<'a, Message> {
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
fn label<'a>(id: ferrum_ui::WidgetId, sentence: String, size: u32) -> Element<'a, Message> {
    Accessible::new(
        id,
        AccessibleInfo::new(Role::Label, sentence.clone()),
        line(sentence, size, Length::Fill),
    )
    .into()
}

pub(super) fn page(state: &State) -> Element<'_, Message> {
    let mut page = column![page_title(fl!("apps-title"))]
        .spacing(20)
        .align_x(reading_start());
    if let Some(report) = &state.error {
        page = page.push(error_report::view(report, &ids::APPS).map(Message::Report));
    }
    page = with_dialogs(page, state);
    if let Some(view) = &state.permissions {
        return page.push(permissions_view(view)).into();
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
    page = page.push(search_view(state));
    page = page.push(heading(fl!("apps-remotes"), 15));
    page = page.push(remotes_view(state));
    page.into()
}

/// The held update, the remove question, the change under way and how changes ended.
fn with_dialogs<'a>(mut page: Column<'a, Message>, state: &'a State) -> Column<'a, Message> {
    if let Some(update) = state.held.first() {
        let name = state.app_name(&update.app);
        let question = fl!("apps-held-question", app = name.as_str());
        let mut content = column![
            Accessible::new(
                ids::APPS_HELD.child("question"),
                AccessibleInfo::new(Role::Alert, question.clone())
                    .description(fl!("apps-held-explain")),
                text(question).size(17).font(FONT_BOLD),
            ),
            caption(fl!("apps-held-explain")),
        ]
        .spacing(6)
        .align_x(reading_start());
        for (index, line_text) in permission_lines(&update.added).into_iter().enumerate() {
            content = content.push(label(
                ids::APPS_HELD.child("added").child(index),
                fl!("apps-bullet", line = line_text),
                15,
            ));
        }
        content = content.push(
            bidi_row(vec![
                action_button(
                    ids::APPS_HELD.child("decline"),
                    fl!("apps-held-decline"),
                    button::secondary,
                    Message::HeldDeclined,
                ),
                action_button(
                    ids::APPS_HELD.child("accept"),
                    fl!("apps-held-accept"),
                    button::primary,
                    Message::HeldAccepted,
                ),
            ])
            .spacing(8),
        );
        page = page.push(card(content));
    }
    if let Some(removal) = &state.removal {
        let question = fl!("apps-remove-question", app = removal.name.as_str());
        page = page.push(card(
            column![
                Accessible::new(
                    ids::APPS_REMOVE.child("question"),
                    AccessibleInfo::new(Role::Alert, question.clone())
                        .description(fl!("apps-remove-explain")),
                    text(question).size(17).font(FONT_BOLD),
                ),
                caption(fl!("apps-remove-explain")),
                switch(
                    ids::APPS_REMOVE.child("data"),
                    fl!("apps-remove-data"),
                    fl!("apps-remove-data.description"),
                    removal.delete_data,
                    Message::RemoveData,
                ),
                bidi_row(vec![
                    action_button(
                        ids::APPS_REMOVE.child("cancel"),
                        fl!("apps-remove-cancel"),
                        button::secondary,
                        Message::RemoveCanceled,
                    ),
                    action_button(
                        ids::APPS_REMOVE.child("confirm"),
                        fl!("apps-remove-confirm"),
                        button::danger,
                        Message::RemoveConfirmed,
                    ),
                ])
                .spacing(8),
            ]
            .spacing(8)
            .align_x(reading_start()),
        ));
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

fn search_view(state: &State) -> Element<'_, Message> {
    let search = &state.search;
    let mut content = column![
        bidi_row(vec![
            iced::widget::container(labelled_field(
                ids::APPS_SEARCH,
                fl!("apps-search-label"),
                &search.query,
                Message::QueryChanged,
                Message::Search,
            ))
            .width(Length::Fill)
            .into(),
            action_button(
                ids::APPS_SEARCH_GO,
                fl!("apps-search"),
                button::primary,
                Message::Search,
            ),
        ])
        .spacing(8)
        .align_y(Alignment::End),
    ]
    .spacing(10)
    .align_x(reading_start());
    if search.searching {
        content = content.push(caption(fl!("apps-searching")));
    }
    let Some((query, found)) = &search.found else {
        return card(content);
    };
    for (index, sentence) in search_failure_lines(found).into_iter().enumerate() {
        content = content.push(error_line(
            ids::APPS.child("search-failure").child(index),
            sentence,
        ));
    }
    if found.apps.is_empty() {
        content = content.push(label(
            ids::APPS.child("search-none"),
            fl!("apps-search-none", query = query.as_str()),
            14,
        ));
    }
    for offered in &found.apps {
        let offer = Offer::of(offered);
        if search.selected.as_ref() == Some(&offer) {
            content = content.push(details_view(offered, &offer));
        } else {
            content = content.push(found_row(offered, offer));
        }
    }
    card(content)
}

fn found_row(offered: &RemoteApp, offer: Offer) -> Element<'_, Message> {
    let mut facts = vec![
        installation_text(offered.app.installation),
        fl!("apps-origin", remote = offered.remote.as_str()),
    ];
    if offered.installed {
        facts.push(fl!("apps-already-installed"));
    }
    let mut details = column![text(offered.name.clone()).size(16).font(FONT_BOLD)]
        .spacing(2)
        .width(Length::Fill)
        .align_x(reading_start());
    if let Some(summary) = offered.summary.clone() {
        details = details.push(text(summary).size(14));
    }
    details = details.push(caption(facts.join(" · ")));
    bidi_row(vec![
        details.into(),
        action_button_for(
            ids::apps_found(&offer.remote, &offer.app, "details"),
            fl!("apps-details"),
            &offered.name,
            button::secondary,
            Message::Select(offer),
        ),
    ])
    .spacing(12)
    .align_y(Alignment::Center)
    .into()
}

/// A found app's details, before it is installed: what it is, its sizes, what it asks for.
fn details_view(offered: &RemoteApp, offer: &Offer) -> Element<'static, Message> {
    let name = offered.name.clone();
    let mut content = column![text(name.clone()).size(17).font(FONT_BOLD)]
        .spacing(6)
        .align_x(reading_start());
    if let Some(summary) = offered.summary.clone() {
        content = content.push(text(summary).size(15));
    }
    let mut facts = vec![installation_text(offered.app.installation)];
    if let Some(version) = offered.version.as_deref() {
        facts.push(fl!("apps-version", version = version));
    }
    facts.push(fl!(
        "apps-download-size",
        size = size_text(offered.download_size)
    ));
    facts.push(fl!(
        "apps-installed-size",
        size = size_text(offered.installed_size)
    ));
    let facts = facts.join(" · ");
    content = content.push(label_about(
        ids::APPS_DETAILS.child("facts"),
        facts,
        &name,
        14,
    ));
    content = content.push(text(fl!("apps-asks-for")).size(15).font(FONT_BOLD));
    for (index, line_text) in permission_lines(&offered.permissions)
        .into_iter()
        .enumerate()
    {
        content = content.push(label(
            ids::APPS_DETAILS.child("permission").child(index),
            fl!("apps-bullet", line = line_text),
            14,
        ));
    }
    let mut buttons = vec![action_button(
        ids::apps_found(&offer.remote, &offer.app, "close"),
        fl!("apps-close"),
        button::secondary,
        Message::CloseDetails,
    )];
    if offered.installed {
        content = content.push(caption(fl!("apps-already-installed")));
    } else {
        buttons.push(action_button_for(
            ids::apps_found(&offer.remote, &offer.app, "install"),
            fl!("apps-install-button"),
            &name,
            button::primary,
            Message::Install(offer.clone()),
        ));
    }
    content = content.push(bidi_row(buttons).spacing(8));
    card(content)
}

fn remotes_view(state: &State) -> Element<'_, Message> {
    let mut content = column![].spacing(8).align_x(reading_start());
    match &state.remotes {
        Loaded::Loading => content = content.push(caption(fl!("service-loading"))),
        Loaded::Failed(error) => {
            content = content.push(error_line(
                ids::APPS.child("remotes-failed"),
                error_sentence(error),
            ));
        }
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
    let form = &state.add_remote;
    content = content
        .push(text(fl!("apps-remote-add-title")).size(15).font(FONT_BOLD))
        .push(caption(fl!("apps-remote-add-explain")))
        .push(labelled_field(
            ids::APPS_REMOTE_PATH,
            fl!("apps-remote-path"),
            &form.path,
            Message::RemotePathChanged,
            Message::AddRemote,
        ))
        .push(labelled_field(
            ids::APPS_REMOTE_NAME,
            fl!("apps-remote-name"),
            &form.name,
            Message::RemoteNameChanged,
            Message::AddRemote,
        ));
    if let Some(error) = &form.error {
        content = content.push(error_line(
            ids::APPS.child("remote-error"),
            add_remote_error_text(error),
        ));
    }
    if let Some(Note::RemoteAdded(name)) = &state.note {
        content = content.push(alert(
            ids::APPS.child("remote-added"),
            fl!("apps-remote-added", remote = name.as_str()),
        ));
    }
    content = content.push(if form.adding {
        caption(fl!("apps-remote-adding"))
    } else {
        action_button(
            ids::APPS_REMOTE_ADD,
            fl!("apps-remote-add"),
            button::secondary,
            Message::AddRemote,
        )
    });
    card(content)
}

fn permissions_view(view: &PermissionsView) -> Element<'_, Message> {
    let name = view.name.as_str();
    let mut content = column![
        bidi_row(vec![
            heading(fl!("apps-permissions-title", app = name), 17),
            iced::widget::Space::new().width(Length::Fill).into(),
            action_button(
                ids::APPS_PERMISSIONS.child("close"),
                fl!("apps-close"),
                button::secondary,
                Message::ClosePermissions,
            ),
        ])
        .spacing(12)
        .align_y(Alignment::Center),
        caption(fl!("apps-permissions-explain")),
    ]
    .spacing(12)
    .align_x(reading_start());
    if view.writing {
        content = content.push(caption(fl!("apps-permissions-saving")));
    }
    if let Some(error) = &view.write_error {
        content = content.push(error_line(
            ids::APPS_PERMISSIONS.child("write-error"),
            fl!(
                "apps-permissions-write-failed",
                reason = error_sentence(error)
            ),
        ));
    }
    match &view.overrides {
        Loaded::Loading => content = content.push(caption(fl!("service-loading"))),
        Loaded::Failed(error) => {
            content = content.push(error_line(
                ids::APPS_PERMISSIONS.child("read-error"),
                error_sentence(error),
            ));
        }
        Loaded::Ready(_) => {
            for row in view.rows().unwrap_or_default() {
                content = content.push(permission_row(row));
            }
            content = content.push(action_button_for(
                ids::APPS_PERMISSIONS.child("reset"),
                fl!("apps-permissions-reset"),
                name,
                button::secondary,
                Message::Reset,
            ));
        }
    }
    content = content.push(heading(fl!("apps-portal-title"), 15));
    match &view.grants {
        Loaded::Loading => content = content.push(caption(fl!("service-loading"))),
        Loaded::Failed(error) => {
            content = content
                .push(error_line(
                    ids::APPS_PERMISSIONS.child("grants-error"),
                    error_sentence(error),
                ))
                .push(action_button(
                    ids::APPS_PERMISSIONS.child("grants-retry"),
                    fl!("apps-retry"),
                    button::secondary,
                    Message::RetryGrants,
                ));
        }
        Loaded::Ready(grants) if grants.is_empty() => {
            content = content.push(caption(fl!("apps-portal-none")));
        }
        Loaded::Ready(grants) => {
            for grant in grants {
                let sentence = grant_text(grant);
                content = content.push(
                    bidi_row(vec![
                        line(sentence.clone(), 15, Length::Fill),
                        action_button_for(
                            ids::apps_grant(&grant.table, &grant.id),
                            fl!("apps-revoke"),
                            &sentence,
                            button::secondary,
                            Message::Revoke(grant.clone()),
                        ),
                    ])
                    .spacing(12)
                    .align_y(Alignment::Center),
                );
            }
        }
    }
    card(content)
}

fn permission_row(row: Row) -> Element<'static, Message> {
    let title = permission_text(&row.key);
    let state = row_state_text(&row);
    let slug = row.key.slug();
    let mut content = column![
        text(title.clone()).size(15).font(FONT_BOLD),
        Accessible::new(
            ids::apps_permission(&slug, "state"),
            AccessibleInfo::new(
                Role::Label,
                fl!(
                    "control-about",
                    control = state.as_str(),
                    subject = title.as_str()
                ),
            ),
            caption(state.clone()),
        ),
    ]
    .spacing(4)
    .align_x(reading_start());
    let choices: Vec<Choice> = if row.key.is_tri_state() {
        vec![Choice::Default, Choice::Allow, Choice::Deny]
    } else if row.choice == Choice::Default {
        Vec::new()
    } else {
        // A variable of the person's own: only back to the app's.
        vec![Choice::Default]
    };
    if !choices.is_empty() {
        let mut radios = Vec::new();
        for choice in choices {
            let words = match choice {
                Choice::Default => fl!("apps-choice-default"),
                Choice::Allow => fl!("apps-choice-allow"),
                Choice::Deny => fl!("apps-choice-deny"),
            };
            let message = Message::Choose(row.key.clone(), choice);
            radios.push(
                iced::widget::container(choice_for(
                    ids::apps_permission(&slug, choice.slug()),
                    words,
                    &title,
                    None,
                    row.choice == choice,
                    message,
                ))
                .width(Length::FillPortion(1))
                .into(),
            );
        }
        content = content.push(bidi_row(radios).spacing(4));
    }
    content.into()
}
