//! One app's permissions, a view of their own: their state, messages, what the messages do
//! and their view. Every permission Flatpak knows for the app, merged over its layers with
//! the deciding layer named, with a tri-state choice each written as the person's own
//! per-app override; Reset to the app's defaults; the portal grants the permission store
//! keeps for the app, each with Revoke.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::apps::{AppRef, AppsError, InstalledApp, Overrides, Permissions, PortalGrant};
use ferrum_ui::Effect;
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, action_button_for, bidi_row, caption, card, choice_for, error_line,
    heading, line, reading_start,
};
use iced::widget::{button, column, text};
use iced::{Alignment, Element, Length};

use super::describe::{error_sentence, grant_text, permission_text, row_state_text};
use super::merge::{self, Choice, Key, Row};
use super::view::unread;
use super::{Ask, Loaded, Work};
use crate::ids;
use crate::page::Outcome;

/// One app's permissions, open.
#[derive(Debug, Clone, PartialEq)]
pub struct PermissionsView {
    /// The app.
    pub app: AppRef,
    /// Its name as shown.
    pub name: String,
    /// What its metadata asks for.
    pub permissions: Permissions,
    /// The override layers.
    pub overrides: Loaded<Overrides>,
    /// Its portal grants.
    pub grants: Loaded<Vec<PortalGrant>>,
    /// An override is being written (choices wait).
    pub writing: bool,
    /// The last write that failed.
    pub write_error: Option<AppsError>,
    /// A revoke under way (the Revoke buttons wait for its answer).
    pub revoking: bool,
    /// The last revoke that failed; the grants stay as last read (a store that was gone
    /// revoked nothing) until they are read again.
    pub revoke_error: Option<AppsError>,
}

/// What happens in the view.
#[derive(Debug, Clone)]
pub enum Message {
    /// Close them.
    Close,
    /// The overrides and portal grants of the app were read.
    Read {
        /// The app.
        app: AppRef,
        /// Its override layers.
        overrides: Result<Overrides, AppsError>,
        /// Its portal grants.
        grants: Result<Vec<PortalGrant>, AppsError>,
    },
    /// A tri-state choice for one permission.
    Choose(Key, Choice),
    /// "Reset to the app's defaults".
    Reset,
    /// The override was written (and every layer read back).
    OverrideWritten(AppRef, Result<Overrides, AppsError>),
    /// "Revoke" a portal grant.
    Revoke(PortalGrant),
    /// The revoke of a grant of the app failed (the grants were not read again).
    RevokeFailed(AppRef, AppsError),
    /// "Try again" reading the portal grants.
    RetryGrants,
    /// The portal grants were read (after a revoke, or again).
    GrantsRead(AppRef, Result<Vec<PortalGrant>, AppsError>),
}

impl PermissionsView {
    /// The view of `installed`'s permissions, its overrides and grants still to be read.
    pub fn open(installed: &InstalledApp) -> Self {
        Self {
            app: installed.app.clone(),
            name: installed.name.clone(),
            permissions: installed.permissions.clone(),
            overrides: Loaded::Loading,
            grants: Loaded::Loading,
            writing: false,
            write_error: None,
            revoking: false,
            revoke_error: None,
        }
    }

    /// The rows, once the overrides are read.
    pub fn rows(&self) -> Option<Vec<Row>> {
        self.overrides
            .ready()
            .map(|overrides| merge::rows(&self.permissions, overrides, self.app.installation))
    }

    /// Writes the person's per-app override `layer` makes of the one read, unless the same.
    fn write_override(
        &mut self,
        layer: impl FnOnce(&Self, &Overrides) -> Permissions,
    ) -> Outcome<Ask> {
        if self.writing {
            return Outcome::none();
        }
        let Some(overrides) = self.overrides.ready() else {
            return Outcome::none();
        };
        let layer = layer(self, overrides);
        if layer == overrides.user_app {
            return Outcome::none();
        }
        self.writing = true;
        self.write_error = None;
        Outcome::request(Ask::Work(Work::WriteOverride {
            app: self.app.clone(),
            layer,
        }))
    }
}

/// Applies a message to the view (`None`: closed); answers about another app are dropped.
pub(super) fn update(view: &mut Option<PermissionsView>, message: Message) -> Outcome<Ask> {
    let Some(open) = view.as_mut() else {
        return Outcome::none();
    };
    match message {
        Message::Close => {
            let app = open.app.clone();
            *view = None;
            Outcome::effect(Effect::Focus(ids::apps_installed(&app, "permissions")))
        }
        Message::Read {
            app,
            overrides,
            grants,
        } => {
            if open.app == app {
                open.overrides = overrides.into();
                open.grants = grants.into();
            }
            Outcome::none()
        }
        Message::Choose(key, choice) => open.write_override(|open, overrides| {
            merge::with_choice(&overrides.user_app, &open.permissions, &key, choice)
        }),
        Message::Reset => open.write_override(|_, _| Permissions::default()),
        Message::OverrideWritten(app, result) => {
            if open.app == app {
                open.writing = false;
                match result {
                    Ok(overrides) => open.overrides = Loaded::Ready(overrides),
                    Err(error) => open.write_error = Some(error),
                }
            }
            Outcome::none()
        }
        Message::Revoke(grant) => {
            if open.revoking {
                return Outcome::none();
            }
            open.revoking = true;
            open.revoke_error = None;
            Outcome::request(Ask::Work(Work::Revoke {
                app: open.app.clone(),
                grant,
            }))
        }
        Message::RevokeFailed(app, error) => {
            if open.app == app {
                open.revoking = false;
                open.revoke_error = Some(error);
            }
            Outcome::none()
        }
        Message::RetryGrants => {
            open.grants = Loaded::Loading;
            open.revoke_error = None;
            Outcome::request(Ask::Work(Work::ReadGrants(open.app.clone())))
        }
        Message::GrantsRead(app, grants) => {
            if open.app == app {
                open.revoking = false;
                open.revoke_error = None;
                open.grants = grants.into();
            }
            Outcome::none()
        }
    }
}

impl PermissionsView {
    /// Draws the view.
    pub fn view(&self) -> Element<'_, Message> {
        let view = self;
        let name = view.name.as_str();
        let mut content = column![
            bidi_row(vec![
                heading(fl!("apps-permissions-title", app = name), 17),
                iced::widget::Space::new().width(Length::Fill).into(),
                action_button(
                    ids::APPS_PERMISSIONS.child("close"),
                    fl!("apps-close"),
                    button::secondary,
                    Message::Close,
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
        if let Some(line) = unread(&view.overrides, ids::APPS_PERMISSIONS.child("read-error")) {
            content = content.push(line);
        }
        if let Some(rows) = view.rows() {
            for row in rows {
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
        content = content.push(heading(fl!("apps-portal-title"), 15));
        if let Some(line) = unread(&view.grants, ids::APPS_PERMISSIONS.child("grants-error")) {
            content = content.push(line);
        }
        if let Some(error) = &view.revoke_error {
            content = content.push(error_line(
                ids::APPS_PERMISSIONS.child("revoke-error"),
                fl!("apps-revoke-failed", reason = error_sentence(error)),
            ));
        }
        if matches!(view.grants, Loaded::Failed(_)) || view.revoke_error.is_some() {
            content = content.push(action_button(
                ids::APPS_PERMISSIONS.child("grants-retry"),
                fl!("apps-retry"),
                button::secondary,
                Message::RetryGrants,
            ));
        }
        match &view.grants {
            Loaded::Loading | Loaded::Failed(_) => {}
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
}

/// One permission: what it is, its state and where that comes from, and its choices.
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
