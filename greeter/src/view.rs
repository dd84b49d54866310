//! Drawing the login screen: the background, the top bar
//! ([`crate::status`]), the login card ([`crate::conversation`], with the
//! configuration notice above it), the bottom bar and the open menu
//! ([`crate::menus`]). Every control has an accessible name and is reachable
//! by keyboard.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_ui::error_report;
use iced::widget::{button, column, container, text};
use iced::{Element, Length};

use crate::app::{Greeter, Message};
use crate::ids;
use crate::{conversation, menus, status};

const CARD_WIDTH: f32 = 420.0;

/// Draws the whole screen.
pub fn view(greeter: &Greeter) -> Element<'_, Message> {
    let base = column![
        status::view(&greeter.status),
        container(login_card(greeter))
            .width(Length::Fill)
            .height(Length::Fill)
            .center(Length::Fill),
        menus::bottom_bar(&greeter.menus).map(Message::Menus),
    ]
    .width(Length::Fill)
    .height(Length::Fill);
    let mut layers: Vec<Element<'_, Message>> = Vec::new();
    if let Some(background) = &greeter.background {
        layers.push(
            iced::widget::image(background.clone())
                .width(Length::Fill)
                .height(Length::Fill)
                .content_fit(iced::ContentFit::Cover)
                .into(),
        );
    }
    layers.push(base.into());
    if let Some(menu) = greeter.menus.open {
        layers.push(menus::overlay(&greeter.menus, menu).map(Message::Menus));
    }
    // On the theme's background as a quad: a switch to high contrast repaints everything
    // (`window::painted` says why).
    ferrum_ui::window::painted(
        iced::widget::Stack::with_children(layers)
            .width(Length::Fill)
            .height(Length::Fill),
    )
}

/// The top and bottom bars: a translucent backdrop, so their text stays
/// readable over any background picture.
pub fn bar_style(theme: &iced::Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.base.color.scale_alpha(0.85).into()),
        ..container::Style::default()
    }
}

fn login_card(greeter: &Greeter) -> Element<'_, Message> {
    let mut content = column![].spacing(14).width(Length::Fill);
    if let Some(notice) = &greeter.notice {
        content = content.push(error_report::view(notice, &ids::NOTICE).map(Message::Notice));
    }
    content = content.push(conversation::view(greeter).map(Message::Conversation));
    container(content)
        .padding(24)
        .width(CARD_WIDTH)
        .style(|theme: &iced::Theme| {
            let palette = theme.extended_palette();
            container::Style {
                background: Some(palette.background.weak.color.into()),
                border: iced::Border {
                    color: palette.background.strong.color,
                    width: 1.0,
                    radius: 14.0.into(),
                },
                ..container::Style::default()
            }
        })
        .into()
}

/// A labelled button with an accessible name.
pub fn action<'a, M: Clone + 'a>(
    id: impl Into<iced::widget::Id>,
    label: String,
    style: fn(&iced::Theme, button::Status) -> button::Style,
    message: M,
) -> Element<'a, M> {
    Accessible::new(
        id,
        AccessibleInfo::new(Role::Button, label.clone()),
        button(text(label)).style(style).on_press(message.clone()),
    )
    .on_activate(message)
    .into()
}
