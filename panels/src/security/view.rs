//! Drawing the Device Security page.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::firmware::{HostSecurityId, HsiAttribute, Snapshot};
use ferrum_services::security::Facts;
use ferrum_ui::error_report;
use ferrum_ui::status::ServiceStatus;
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, bidi_row, caption, card, heading, line, notice, page_title,
    reading_start,
};
use iced::widget::{button, column, text};
use iced::{Alignment, Color, Element, Length};

use super::describe::{
    Fact, check_meaning, check_name, error_sentence, event_text, fact_is_good, level_heading,
    level_headline, level_sentences, pass_text, result_text,
};
use super::{Message, Note, State};
use crate::ids;

pub(super) fn page(state: &State) -> Element<'_, Message> {
    let mut page = column![page_title(fl!("security-title"))]
        .spacing(20)
        .width(Length::Fill)
        .align_x(reading_start());
    if let Some(report) = &state.error {
        page = page.push(error_report::view(report, &ids::SECURITY).map(Message::Report));
    }
    if let Some(note) = &state.note {
        page = page.push(note_view(note));
    }
    page = page.push(action_button(
        ids::SECURITY_COPY,
        fl!("security-copy"),
        button::secondary,
        Message::CopyReport,
    ));
    match &state.fwupd {
        ServiceStatus::Loading => page = page.push(caption(fl!("service-loading"))),
        ServiceStatus::Unavailable => {
            page = page.push(notice(
                fl!("security-fwupd-not-running"),
                fl!("security-fwupd-not-running.body"),
            ));
        }
        ServiceStatus::Failed(error) => {
            page = page.push(notice(
                fl!("security-fwupd-unreadable"),
                error_sentence(error),
            ));
        }
        ServiceStatus::BusUnreachable(failure) => {
            page = page.push(notice(fl!("service-bus-unreachable"), failure.to_string()));
        }
        ServiceStatus::Ready(snapshot) => page = page.push(level(snapshot)),
    }
    page = page.push(facts(state.facts.as_ref()));
    if let Some(snapshot) = state.snapshot() {
        page = page.push(checks(state, snapshot));
        page = page.push(events(state));
    }
    page.into()
}

fn note_view(note: &Note) -> Element<'_, Message> {
    let sentence = match note {
        Note::Copied => fl!("security-copied"),
    };
    card(
        bidi_row(vec![
            Accessible::new(
                ids::SECURITY.child("note"),
                AccessibleInfo::new(Role::Alert, sentence.clone()),
                line(sentence, 15, Length::Fill),
            )
            .into(),
            action_button(
                ids::SECURITY.child("note").child("dismiss"),
                fl!("security-dismiss"),
                button::secondary,
                Message::NoteDismissed,
            ),
        ])
        .spacing(8)
        .align_y(Alignment::Center),
    )
}

/// The headline: the level and what it means.
fn level(snapshot: &Snapshot) -> Element<'_, Message> {
    let content = match &snapshot.host_security_id {
        Some(id) => level_content(id),
        None => column![text(fl!("security-hsi-none")).size(15)].into(),
    };
    column![heading(fl!("security-hsi-heading"), 15), card(content)]
        .spacing(8)
        .align_x(reading_start())
        .into()
}

fn level_content(id: &HostSecurityId) -> Element<'_, Message> {
    let headline = level_headline(id);
    let sentences = level_sentences(id);
    let raw = fl!("security-hsi-id", id = id.raw.as_str());
    // One label for the whole card, read once: the texts inside it are not read again.
    let name = format!("{headline}. {} {raw}", sentences.join(" "));
    let mut content = column![text(headline).size(22).font(FONT_BOLD)]
        .spacing(6)
        .width(Length::Fill)
        .align_x(reading_start());
    for sentence in sentences {
        content = content.push(text(sentence).size(15));
    }
    content = content.push(caption(raw));
    Accessible::new(
        ids::SECURITY_LEVEL,
        AccessibleInfo::new(Role::Label, name),
        content,
    )
    .into()
}

/// A row: a mark (✔/✘), a title and its text, named as one sentence.
fn row<'a>(
    id: ferrum_ui::WidgetId,
    good: bool,
    title: String,
    value: String,
    meaning: Option<String>,
) -> Element<'a, Message> {
    let mark = text(if good { "✔" } else { "✘" })
        .size(16)
        .width(Length::Fixed(22.0))
        .style(move |theme: &iced::Theme| {
            let palette = theme.extended_palette();
            let color: Color = if good {
                palette.success.strong.color
            } else {
                palette.danger.strong.color
            };
            text::Style { color: Some(color) }
        });
    let mut words = column![
        text(title.clone()).size(15).font(FONT_BOLD),
        text(value.clone()).size(14)
    ]
    .spacing(2)
    .width(Length::Fill)
    .align_x(reading_start());
    let mut name = format!("{title}: {value}");
    if let Some(meaning) = meaning {
        name = format!("{name}. {meaning}");
        words = words.push(caption(meaning));
    }
    Accessible::new(
        id,
        AccessibleInfo::new(Role::Label, name),
        bidi_row(vec![mark.into(), words.into()])
            .spacing(8)
            .align_y(Alignment::Start),
    )
    .into()
}

fn facts(facts: Option<&Facts>) -> Element<'_, Message> {
    let content: Element<'_, Message> = match facts {
        None => caption(fl!("security-facts-reading")),
        Some(facts) => {
            let mut list = column![].spacing(12).width(Length::Fill);
            for fact in Fact::ALL {
                list = list.push(row(
                    ids::security_fact(fact.id()),
                    fact_is_good(fact, facts),
                    fact.title(),
                    fact.text(facts),
                    None,
                ));
            }
            list.into()
        }
    };
    column![heading(fl!("security-facts-heading"), 15), card(content)]
        .spacing(8)
        .align_x(reading_start())
        .into()
}

fn check_row(attribute: &HsiAttribute) -> Element<'_, Message> {
    row(
        ids::security_check(&attribute.appstream_id),
        attribute.passes(),
        check_name(attribute),
        fl!(
            "security-check-outcome",
            state = pass_text(attribute),
            result = result_text(attribute.result)
        ),
        check_meaning(attribute),
    )
}

fn checks<'a>(state: &'a State, snapshot: &'a Snapshot) -> Element<'a, Message> {
    let mut section = column![heading(fl!("security-checks-heading"), 15)]
        .spacing(8)
        .width(Length::Fill)
        .align_x(reading_start());
    if snapshot.security.is_empty() {
        return section
            .push(card(caption(fl!("security-checks-none"))))
            .into();
    }
    for (level, attributes) in state.groups() {
        let mut list = column![].spacing(12).width(Length::Fill);
        for attribute in attributes {
            list = list.push(check_row(attribute));
        }
        section = section.push(
            column![heading(level_heading(level), 14), card(list)]
                .spacing(6)
                .align_x(reading_start()),
        );
    }
    section.into()
}

fn events(state: &State) -> Element<'_, Message> {
    let content: Element<'_, Message> = match &state.events {
        Err(error) => caption(fl!(
            "security-events-unreadable",
            reason = error_sentence(error)
        )),
        Ok(events) if events.is_empty() => caption(fl!("security-events-none")),
        Ok(events) => {
            let mut list = column![]
                .spacing(6)
                .width(Length::Fill)
                .align_x(reading_start());
            for (index, event) in events.iter().enumerate() {
                let sentence = event_text(event);
                list = list.push(Accessible::new(
                    ids::security_event(index),
                    AccessibleInfo::new(Role::Label, sentence.clone()),
                    text(sentence).size(14),
                ));
            }
            list.into()
        }
    };
    column![heading(fl!("security-events-heading"), 15), card(content)]
        .spacing(8)
        .align_x(reading_start())
        .into()
}
