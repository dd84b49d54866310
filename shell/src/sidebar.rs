//! The sidebar: search field, the panels that match it, and the style switch.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_panels::PanelId;
use ferrum_ui::widgets::action_button;
use iced::widget::{button, column, container, scrollable, space, text, text_input};
use iced::{Element, Length};

use crate::app::{Message, SEARCH_ID};
use crate::ids;
use ferrum_ui::theme::ThemeChoice;

pub(crate) fn view<'a>(
    query: &'a str,
    active: PanelId,
    theme: ThemeChoice,
    width: f32,
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
        let title = panel.title();
        list = list.push(
            Accessible::new(
                ids::panel(panel),
                AccessibleInfo::new(Role::ListItem, title.clone()).selected(panel == active),
                button(ferrum_ui::widgets::line(title, 16, Length::Fill))
                    .width(Length::Fill)
                    .padding([8, 12])
                    .style(style)
                    .on_press(Message::SelectPanel(panel)),
            )
            .on_activate(Message::SelectPanel(panel)),
        );
    }
    let theme_label = match theme {
        ThemeChoice::Light => fl!("theme-toggle-dark"),
        ThemeChoice::Dark => fl!("theme-toggle-light"),
    };
    let search = Accessible::new(
        ids::SEARCH_FIELD,
        AccessibleInfo::new(Role::TextInput, fl!("search-label")).value(query),
        text_input(&fl!("search-placeholder"), query)
            .id(SEARCH_ID)
            .on_input(Message::SearchChanged)
            .on_submit(Message::SearchSubmitted)
            .padding(8),
    );
    let content = column![
        search,
        scrollable(list).height(Length::Fill),
        space::vertical().height(4),
        container(action_button(
            ids::THEME,
            theme_label,
            button::secondary,
            Message::ToggleTheme
        ))
        .width(Length::Fill),
    ]
    .spacing(12);
    container(content)
        .width(width)
        .height(Length::Fill)
        .padding(12)
        .style(|theme: &iced::Theme| container::Style {
            background: Some(theme.extended_palette().background.weak.color.into()),
            ..container::Style::default()
        })
        .into()
}
