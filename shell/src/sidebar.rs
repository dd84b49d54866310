//! The sidebar: search field, the panels that match it, and the style switch.

use ferrum_i18n::fl;
use ferrum_panels::PanelId;
use iced::widget::{button, column, container, scrollable, space, text, text_input};
use iced::{Element, Length};

use crate::app::{Message, SEARCH_ID};
use crate::theme::ThemeChoice;

pub(crate) fn view<'a>(
    query: &'a str,
    active: PanelId,
    theme: ThemeChoice,
) -> Element<'a, Message> {
    let matches = PanelId::search(query);
    let mut list = column![].spacing(2);
    if matches.is_empty() {
        list = list.push(
            container(text(fl!("search-no-results", query = query.to_owned())).size(13)).padding(8),
        );
    }
    for panel in matches {
        let style = if panel == active {
            button::primary
        } else {
            button::text
        };
        list = list.push(
            button(text(panel.title()))
                .width(Length::Fill)
                .padding([8, 12])
                .style(style)
                .on_press(Message::SelectPanel(panel)),
        );
    }
    let theme_label = match theme {
        ThemeChoice::Light => fl!("theme-toggle-dark"),
        ThemeChoice::Dark => fl!("theme-toggle-light"),
    };
    let content = column![
        text_input(&fl!("search-placeholder"), query)
            .id(SEARCH_ID)
            .on_input(Message::SearchChanged)
            .on_submit(Message::SearchSubmitted)
            .padding(8),
        scrollable(list).height(Length::Fill),
        space::vertical().height(4),
        button(text(theme_label).size(13))
            .style(button::secondary)
            .width(Length::Fill)
            .on_press(Message::ToggleTheme),
    ]
    .spacing(12);
    container(content)
        .width(240)
        .height(Length::Fill)
        .padding(12)
        .style(|theme: &iced::Theme| container::Style {
            background: Some(theme.extended_palette().background.weak.color.into()),
            ..container::Style::default()
        })
        .into()
}
