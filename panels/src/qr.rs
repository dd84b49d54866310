//! A QR code drawn with plain widgets (dark and light squares on a light card with
//! the quiet zone the standard asks for), so it needs no image or canvas support.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use iced::widget::{Column, Row, container};
use iced::{Color, Element, Length};

/// Modules of quiet zone around the code.
const QUIET_ZONE: usize = 4;

/// The code for `text`, `module` pixels a square, exposed as an image named `name`;
/// `None` when the text is too long for a QR code.
pub fn view<'a, M: Clone + 'a>(text: &str, module: f32, name: String) -> Option<Element<'a, M>> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let square = |dark: bool| -> Element<'a, M> {
        let color = if dark { Color::BLACK } else { Color::WHITE };
        container(iced::widget::space::horizontal())
            .width(Length::Fixed(module))
            .height(Length::Fixed(module))
            .style(move |_theme: &iced::Theme| container::Style {
                background: Some(color.into()),
                ..container::Style::default()
            })
            .into()
    };
    let mut rows = Column::new();
    let size = width + 2 * QUIET_ZONE;
    for y in 0..size {
        let mut row = Row::new();
        for x in 0..size {
            let inside = (QUIET_ZONE..QUIET_ZONE + width).contains(&x)
                && (QUIET_ZONE..QUIET_ZONE + width).contains(&y);
            let dark = inside
                && colors[(y - QUIET_ZONE) * width + (x - QUIET_ZONE)] == qrcode::Color::Dark;
            row = row.push(square(dark));
        }
        rows = rows.push(row);
    }
    Some(
        Accessible::new(
            crate::ids::HOTSPOT_QR,
            AccessibleInfo::new(Role::Label, name),
            rows,
        )
        .into(),
    )
}
