//! The install part of the Apps page: the search of the enabled remotes, what it found (and
//! which remotes could not be searched), and a found app's details — what it is, its sizes,
//! the permissions it asks for — with Install: its state, messages, what they do and its
//! view. Install hands the change to the page's queue.

use ferrum_i18n::fl;
use ferrum_services::apps::{AppRef, Apps, AppsError, Remote, RemoteApp};
use ferrum_ui::Effect;
use ferrum_ui::format::size_text;
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, action_button_for, bidi_row, caption, card, error_line,
    labelled_field, reading_start,
};
use iced::widget::{button, column, text};
use iced::{Alignment, Element, Length};

use super::describe::{installation_text, permission_lines, search_failure_lines};
use super::view::{label, label_about};
use super::{Ask, Job, Work};
use crate::ids;
use crate::page::Outcome;

/// An app a remote offers: which remote, which app (and the installation it would go into).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Offer {
    /// The remote.
    pub remote: String,
    /// The app.
    pub app: AppRef,
}

impl Offer {
    /// The offer of a search result.
    pub fn of(found: &RemoteApp) -> Self {
        Self {
            remote: found.remote.clone(),
            app: found.app.clone(),
        }
    }
}

/// A remote that could not be searched, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchFailure {
    /// The remote.
    pub remote: Remote,
    /// Why.
    pub error: AppsError,
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Found {
    /// The apps, from every remote that answered.
    pub apps: Vec<RemoteApp>,
    /// The remotes that did not.
    pub failures: Vec<SearchFailure>,
}

/// The install part of the page: the search and what it found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Search {
    /// What is typed.
    pub query: String,
    /// Searching now.
    pub searching: bool,
    /// What the last search found (its query, its results).
    pub found: Option<(String, Found)>,
    /// The found app whose details are shown.
    pub selected: Option<Offer>,
}

/// What happens in the search.
#[derive(Debug, Clone)]
pub enum Message {
    /// The search text changed.
    QueryChanged(String),
    /// "Search".
    Search,
    /// A search ended (its query, what it found).
    Found(String, Found),
    /// Show a found app's details.
    Select(Offer),
    /// Close the details.
    CloseDetails,
    /// "Install" in the details.
    Install(Offer),
}

impl Search {
    /// The details of the selected app.
    pub fn selected_app(&self) -> Option<&RemoteApp> {
        let selected = self.selected.as_ref()?;
        self.found
            .as_ref()?
            .1
            .apps
            .iter()
            .find(|found| Offer::of(found) == *selected)
    }

    /// Applies a message (`remotes`: the remotes, once read, searched when enabled); Install
    /// asks the page to queue the change.
    pub(super) fn update(
        &mut self,
        remotes: Option<&Vec<Remote>>,
        message: Message,
    ) -> Outcome<Ask> {
        match message {
            Message::QueryChanged(query) => {
                self.query = query;
                Outcome::none()
            }
            Message::Search => {
                if self.searching {
                    return Outcome::none();
                }
                let Some(remotes) = remotes else {
                    return Outcome::none();
                };
                self.searching = true;
                self.selected = None;
                Outcome::request(Ask::Work(Work::Search {
                    query: self.query.trim().to_owned(),
                    remotes: remotes.clone(),
                }))
            }
            Message::Found(query, found) => {
                self.searching = false;
                self.found = Some((query, found));
                Outcome::none()
            }
            Message::Select(offer) => {
                let focus = ids::apps_found(&offer.remote, &offer.app, "install");
                self.selected = Some(offer);
                Outcome::effect(Effect::Focus(focus))
            }
            Message::CloseDetails => match self.selected.take() {
                Some(offer) => Outcome::effect(Effect::Focus(ids::apps_found(
                    &offer.remote,
                    &offer.app,
                    "details",
                ))),
                None => Outcome::none(),
            },
            Message::Install(offer) => {
                // Only what the person has seen the details of.
                if self.selected.as_ref() != Some(&offer) {
                    return Outcome::none();
                }
                let Some(found) = self.selected_app() else {
                    return Outcome::none();
                };
                if found.installed {
                    return Outcome::none();
                }
                let job = Job::Install {
                    app: offer.app.clone(),
                    remote: offer.remote.clone(),
                    name: found.name.clone(),
                };
                self.selected = None;
                Outcome::request(Ask::Change(job))
            }
        }
    }
}

impl Search {
    /// Draws the search, what it found, and the details of the app selected; `changing`
    /// tells the apps whose change runs or waits (no Details for them).
    pub fn view<'a>(&'a self, changing: impl Fn(&AppRef) -> bool) -> Element<'a, Message> {
        let search = self;
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
                content = content.push(found_row(offered, offer, changing(&offered.app)));
            }
        }
        card(content)
    }
}

/// A found app: its name, summary and facts, and Details (none while its change runs or
/// waits: it says so instead).
fn found_row(offered: &RemoteApp, offer: Offer, changing: bool) -> Element<'_, Message> {
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
    let action = if changing {
        caption(fl!("apps-being-changed"))
    } else {
        action_button_for(
            ids::apps_found(&offer.remote, &offer.app, "details"),
            fl!("apps-details"),
            &offered.name,
            button::secondary,
            Message::Select(offer),
        )
    };
    bidi_row(vec![details.into(), action])
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

/// Searches every enabled remote for `query` ([`Work::Search`]); the apps found sorted by
/// name, each remote that could not be searched said (all of them without the service).
pub(super) async fn run(
    apps: Result<Apps, AppsError>,
    query: String,
    remotes: Vec<Remote>,
) -> Message {
    let mut found = Found::default();
    let apps = match apps {
        Ok(apps) => apps,
        Err(error) => {
            found.failures = remotes
                .into_iter()
                .map(|remote| SearchFailure {
                    remote,
                    error: error.clone(),
                })
                .collect();
            return Message::Found(query, found);
        }
    };
    for remote in remotes.into_iter().filter(|remote| !remote.disabled) {
        match apps.search(remote.installation, &remote.name, &query).await {
            Ok(offered) => found.apps.extend(offered),
            Err(error) => found.failures.push(SearchFailure { remote, error }),
        }
    }
    found.apps.sort_by(|a, b| {
        (a.name.to_lowercase(), &a.app, &a.remote).cmp(&(b.name.to_lowercase(), &b.app, &b.remote))
    });
    Message::Found(query, found)
}
