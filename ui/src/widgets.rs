//! Small view helpers shared by the pages, so every page has the same shape.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;

use crate::error_report::{self, ErrorReport};
use crate::ids::WidgetId;
use ferrum_services::secret::Secret;
use iced::widget::{Column, button, column, container, radio, text, text_input, toggler};
use iced::{Alignment, Element, Font, Length, font};

/// The font family the shell draws with; fonts-noto-core ships it and covers
/// Latin, Greek, Cyrillic, Arabic and more. Other scripts fall back per glyph.
pub const FONT_FAMILY: &str = "Noto Sans";

/// The shell's regular font.
pub const FONT: Font = Font::with_name(FONT_FAMILY);

/// The shell's bold font, for titles and headings.
pub const FONT_BOLD: Font = Font {
    weight: font::Weight::Bold,
    ..FONT
};

/// A row laid out in reading order: left to right, or mirrored for
/// right-to-left languages.
pub fn bidi_row<'a, M: 'a>(children: Vec<Element<'a, M>>) -> iced::widget::Row<'a, M> {
    let mut children = children;
    if ferrum_i18n::is_rtl() {
        children.reverse();
    }
    iced::widget::Row::with_children(children)
}

/// Where lines start: the left edge, or the right one in right-to-left languages.
pub fn reading_start() -> Alignment {
    if ferrum_i18n::is_rtl() {
        Alignment::End
    } else {
        Alignment::Start
    }
}

/// Text placed where lines start (left, or right in right-to-left
/// languages) within the width it is given.
pub fn line<'a, M: 'a>(content: String, size: u32, width: Length) -> Element<'a, M> {
    container(text(content).size(size))
        .width(width)
        .align_x(reading_start())
        .into()
}

/// A page title (a heading for assistive technology).
pub fn page_title<'a, M: Clone + 'a>(title: String) -> Element<'a, M> {
    heading(title, 26)
}

/// The top a page starts with: its title and, while there is one, its error report (the
/// report's buttons' ids under `scope`, its messages wrapped by `on_report`), in the page's
/// column: 20 apart, at the reading start. The page pushes the rest.
pub fn page_start<'a, M: Clone + 'a>(
    title: String,
    report: Option<&'a ErrorReport>,
    scope: &WidgetId,
    on_report: impl Fn(error_report::Message) -> M + 'a,
) -> Column<'a, M> {
    let page = column![page_title(title)]
        .spacing(20)
        .align_x(reading_start());
    match report {
        Some(report) => page.push(error_report::view(report, scope).map(on_report)),
        None => page,
    }
}

/// The root of headings' ids: `heading.<size>.<title>`, so a page title and a
/// section of the same name (About's "About") stay two nodes.
pub const HEADING: WidgetId = WidgetId::new("heading");

/// A heading of the given size, exposed as a heading.
pub fn heading<'a, M: Clone + 'a>(title: String, size: u32) -> Element<'a, M> {
    Accessible::new(
        HEADING.child(size).child(&title),
        AccessibleInfo::new(Role::Heading, title.clone()),
        text(title).size(size).font(FONT_BOLD),
    )
    .into()
}

/// A push button with an accessible name (its label), reachable by keyboard.
pub fn action_button<'a, M: Clone + 'a>(
    id: impl Into<iced::widget::Id>,
    label: String,
    style: impl Fn(&iced::Theme, button::Status) -> button::Style + 'a,
    on_press: M,
) -> Element<'a, M> {
    Accessible::new(
        id.into(),
        AccessibleInfo::new(Role::Button, label.clone()),
        button(text(label)).style(style).on_press(on_press.clone()),
    )
    .on_activate(on_press)
    .into()
}

/// A push button that acts on one of several things (a row's "Connect"): it shows `label`,
/// and a screen reader hears it with its subject ("Connect: Keyboard K380"), so buttons read
/// out of their rows (a reader's list of buttons) can be told apart.
pub fn action_button_for<'a, M: Clone + 'a>(
    id: impl Into<iced::widget::Id>,
    label: String,
    subject: &str,
    style: impl Fn(&iced::Theme, button::Status) -> button::Style + 'a,
    on_press: M,
) -> Element<'a, M> {
    let name = fl!("control-about", control = label.as_str(), subject = subject);
    Accessible::new(
        id.into(),
        AccessibleInfo::new(Role::Button, name),
        button(text(label)).style(style).on_press(on_press.clone()),
    )
    .on_activate(on_press)
    .into()
}

/// A titled group of rows on a rounded card.
pub fn section<'a, M: Clone + 'a>(
    title: String,
    content: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
    column![heading(title, 15), card(content)]
        .spacing(8)
        .align_x(reading_start())
        .into()
}

/// A rounded card.
pub fn card<'a, M: 'a>(content: impl Into<Element<'a, M>>) -> Element<'a, M> {
    container(content)
        .padding(14)
        .width(Length::Fill)
        .style(|theme: &iced::Theme| {
            let palette = theme.extended_palette();
            container::Style {
                background: Some(palette.background.weak.color.into()),
                border: iced::Border {
                    color: palette.background.strong.color,
                    width: 1.0,
                    radius: 10.0.into(),
                },
                ..container::Style::default()
            }
        })
        .into()
}

/// A secondary line of text.
pub fn caption<'a, M: 'a>(content: String) -> Element<'a, M> {
    text(content)
        .size(13)
        .style(|theme: &iced::Theme| text::Style {
            color: Some(
                theme
                    .extended_palette()
                    .background
                    .base
                    .text
                    .scale_alpha(0.7),
            ),
        })
        .into()
}

/// A label on the left and a value on the right.
pub fn key_value<'a, M: 'a>(key: String, value: String) -> Element<'a, M> {
    bidi_row(vec![
        line(key, 16, Length::FillPortion(2)),
        line(value, 16, Length::FillPortion(3)),
    ])
    .spacing(12)
    .into()
}

/// A card explaining that a service is missing, with its title and body.
pub fn notice<'a, M: Clone + 'a>(title: String, body: String) -> Element<'a, M> {
    card(column![text(title).size(16).font(FONT_BOLD), caption(body)].spacing(6))
}

/// A radio choice with a title and a description, activated by click, Enter or Space.
pub fn choice<'a, Message: Clone + 'a>(
    id: impl Into<iced::widget::Id>,
    title: String,
    description: Option<String>,
    selected: bool,
    message: Message,
) -> Element<'a, Message> {
    choice_named(id, title.clone(), title, description, selected, message)
}

/// A radio choice that picks something for one of several things (an
/// application's output): it shows `title`, and a screen reader hears it
/// with its subject ("Desk Speakers: Music Player"), so the choices of two
/// rows can be told apart.
pub fn choice_for<'a, Message: Clone + 'a>(
    id: impl Into<iced::widget::Id>,
    title: String,
    subject: &str,
    description: Option<String>,
    selected: bool,
    message: Message,
) -> Element<'a, Message> {
    let name = fl!("control-about", control = title.as_str(), subject = subject);
    choice_named(id, title, name, description, selected, message)
}

fn choice_named<'a, Message: Clone + 'a>(
    id: impl Into<iced::widget::Id>,
    title: String,
    name: String,
    description: Option<String>,
    selected: bool,
    message: Message,
) -> Element<'a, Message> {
    let mut details = column![text(title).size(16)]
        .spacing(2)
        .width(Length::Fill)
        .align_x(reading_start());
    if let Some(description) = &description {
        details = details.push(caption(description.clone()));
    }
    radio_row(id, name, description, selected, details, 6, message)
}

/// A radio button as a whole row: the indicator before `details`, and the row one button
/// that picks `message` on click, Enter or Space. A screen reader hears a radio button
/// named `name` (with `description`), checked when `selected`. [`choice`] is one with a
/// title and a description; a page whose choice shows more lines builds its own `details`.
pub fn radio_row<'a, Message: Clone + 'a>(
    id: impl Into<iced::widget::Id>,
    name: String,
    description: Option<String>,
    selected: bool,
    details: Column<'a, Message>,
    padding: u16,
    message: Message,
) -> Element<'a, Message> {
    let indicator = radio("", 0u8, selected.then_some(0u8), {
        let message = message.clone();
        move |_| message.clone()
    });
    let mut info = AccessibleInfo::new(Role::RadioButton, name).checked(selected);
    if let Some(description) = description {
        info = info.description(description);
    }
    Accessible::new(
        id,
        info,
        button(
            bidi_row(vec![indicator.into(), details.into()])
                .width(Length::Fill)
                .spacing(8)
                .align_y(Alignment::Center),
        )
        .width(Length::Fill)
        .padding(padding)
        .style(button::text)
        .on_press(message.clone()),
    )
    .on_activate(message)
    .into()
}

pub fn switch<'a, Message: Clone + 'a>(
    id: impl Into<iced::widget::Id>,
    title: String,
    description: String,
    on: bool,
    message: impl Fn(bool) -> Message + 'a,
) -> Element<'a, Message> {
    switch_named(id, title.clone(), title, description, on, message)
}

/// A switch for one of several things (an application's "Mute"): it shows
/// `title`, and a screen reader hears it with its subject ("Mute: Music
/// Player").
pub fn switch_for<'a, Message: Clone + 'a>(
    id: impl Into<iced::widget::Id>,
    title: String,
    subject: &str,
    description: String,
    on: bool,
    message: impl Fn(bool) -> Message + 'a,
) -> Element<'a, Message> {
    let name = fl!("control-about", control = title.as_str(), subject = subject);
    switch_named(id, title, name, description, on, message)
}

fn switch_named<'a, Message: Clone + 'a>(
    id: impl Into<iced::widget::Id>,
    title: String,
    name: String,
    description: String,
    on: bool,
    message: impl Fn(bool) -> Message + 'a,
) -> Element<'a, Message> {
    let flipped = message(!on);
    let mut info = AccessibleInfo::new(Role::Switch, name).checked(on);
    let mut label = column![text(title).size(16)]
        .spacing(2)
        .width(Length::Fill)
        .align_x(reading_start());
    // A switch whose title says it all has no second line.
    if !description.is_empty() {
        info = info.description(description.clone());
        label = label.push(caption(description));
    }
    Accessible::new(
        id.into(),
        info,
        button(
            bidi_row(vec![label.into(), toggler(on).on_toggle(message).into()])
                .spacing(12)
                .align_y(Alignment::Center),
        )
        .width(Length::Fill)
        .padding(6)
        .style(button::text)
        .on_press(flipped.clone()),
    )
    .on_activate(flipped)
    .into()
}

/// A password field with its label above it (as [`labelled_field`]): a screen reader hears
/// its label and how many characters were typed, never them; what is typed stays a
/// [`Secret`].
pub fn password_field<'a, M: Clone + 'a>(
    id: WidgetId,
    label: String,
    value: &Secret,
    on_input: impl Fn(Secret) -> M + 'a,
    on_submit: M,
) -> Element<'a, M> {
    column![
        text(label.clone()).size(14),
        Accessible::new(
            id.child("field"),
            AccessibleInfo::new(Role::PasswordInput, label).secret(value.char_count()),
            text_input("", value.expose())
                .id(id)
                .secure(true)
                .on_input(move |typed| on_input(Secret::new(typed)))
                .on_submit(on_submit)
                .padding(8)
                .align_x(reading_start()),
        ),
    ]
    .spacing(4)
    .align_x(reading_start())
    .into()
}

/// A text field with its label above it: a Tab stop named by the label for
/// a screen reader, which also hears what is typed. `id` is the field's
/// (focus it with [`Effect::Focus`](crate::Effect)); its accessible node is
/// `id.field`. Enter calls `on_submit`. The label and what is typed start
/// where lines start (on the right in right-to-left languages).
pub fn labelled_field<'a, M: Clone + 'a>(
    id: WidgetId,
    label: String,
    value: &str,
    on_input: impl Fn(String) -> M + 'a,
    on_submit: M,
) -> Element<'a, M> {
    column![
        text(label.clone()).size(14),
        Accessible::new(
            id.child("field"),
            AccessibleInfo::new(Role::TextInput, label).value(value.to_owned()),
            text_input("", value)
                .id(id)
                .on_input(on_input)
                .on_submit(on_submit)
                .padding(8)
                .align_x(reading_start()),
        ),
    ]
    .spacing(4)
    .align_x(reading_start())
    .into()
}

/// A line in the danger colour (a form problem), exposed as a label.
pub fn error_line<'a, M: Clone + 'a>(
    id: impl Into<iced::widget::Id>,
    line: String,
) -> Element<'a, M> {
    Accessible::new(
        id.into(),
        AccessibleInfo::new(Role::Label, line.clone()),
        text(line)
            .size(14)
            .style(|theme: &iced::Theme| text::Style {
                color: Some(theme.extended_palette().danger.strong.color),
            }),
    )
    .into()
}

/// How a form in a card ends ([`form_card`]): what is wrong, then its buttons.
#[derive(Debug, Clone)]
pub struct FormEnd<M> {
    /// What is wrong with the typing, in words (id `scope.problem`).
    pub problem: Option<String>,
    /// The daemon's refusal, in words (id `scope.refusal`).
    pub refusal: Option<String>,
    /// While the change is under way: a line saying so (id `scope.busy`) in the submit
    /// button's place.
    pub busy: Option<String>,
    /// The submit button: the last part of its id, its label and its message.
    pub submit: (&'static str, String, M),
    /// The Cancel button (id `scope.cancel`): its label and message.
    pub cancel: (String, M),
}

/// A form in a card: `content` (its title and fields), then the problem and refusal lines in
/// the danger colour and the submit and Cancel buttons, with ids under `scope`.
pub fn form_card<'a, M: Clone + 'a>(
    scope: &WidgetId,
    content: Column<'a, M>,
    end: FormEnd<M>,
) -> Element<'a, M> {
    let mut content = content;
    for (part, line) in [("problem", end.problem), ("refusal", end.refusal)] {
        if let Some(line) = line {
            content = content.push(error_line(scope.child(part), line));
        }
    }
    let (submit_part, submit_label, on_submit) = end.submit;
    let first: Element<'a, M> = match end.busy {
        Some(sentence) => Accessible::new(
            scope.child("busy"),
            AccessibleInfo::new(Role::Label, sentence.clone()),
            text(sentence).size(15),
        )
        .into(),
        None => action_button(
            scope.child(submit_part),
            submit_label,
            button::primary,
            on_submit,
        ),
    };
    let (cancel_label, on_cancel) = end.cancel;
    let cancel = action_button(
        scope.child("cancel"),
        cancel_label,
        button::secondary,
        on_cancel,
    );
    card(
        content.push(
            bidi_row(vec![first, cancel])
                .spacing(12)
                .align_y(Alignment::Center),
        ),
    )
}

/// A slider with an accessible name and its value read out ("80 %"): a
/// Tab stop whose arrow keys move it by `step` (Left/Down lower, Right/Up
/// raise, clamped to `range`), with the value written beside it.
///
/// `on_change` gets every value the slider is dragged or stepped to; pages
/// that send the value to a daemon coalesce (see the Sound page's volumes).
pub fn value_slider<'a, M: Clone + 'a>(
    id: impl Into<iced::widget::Id>,
    name: String,
    value_text: String,
    range: std::ops::RangeInclusive<f64>,
    value: f64,
    step: f64,
    on_change: impl Fn(f64) -> M + 'a,
) -> Element<'a, M> {
    let (min, max) = (*range.start(), *range.end());
    let clamp = |v: f64| v.clamp(min, max);
    let less = on_change(clamp(value - step));
    let more = on_change(clamp(value + step));
    Accessible::new(
        id.into(),
        AccessibleInfo::new(Role::Slider, name)
            .value(value_text.clone())
            .numeric(ferrum_accessibility::NumericValue {
                value,
                min,
                max,
                step,
            }),
        bidi_row(vec![
            iced::widget::slider(range, value, on_change)
                .step(step)
                .into(),
            // Wide enough for a value in words ("Centred", "35 % right") on one line.
            text(value_text).width(110).into(),
        ])
        .spacing(12)
        .align_y(Alignment::Center),
    )
    .on_adjust(less, more)
    .into()
}

/// A live level (a sound meter): a bar 0.0 … 1.0, exposed to assistive
/// technology as a named progress indicator with its percentage (it is not
/// a Tab stop and is not spoken by itself).
pub fn level_bar<'a, M: Clone + 'a>(
    id: impl Into<iced::widget::Id>,
    name: String,
    level: f32,
) -> Element<'a, M> {
    let level = if level.is_finite() {
        level.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let percent = (level * 100.0).round();
    Accessible::new(
        id.into(),
        AccessibleInfo::new(Role::ProgressIndicator, name)
            .value(fl!("percent-value", percent = percent as i64))
            .numeric(ferrum_accessibility::NumericValue {
                value: f64::from(percent),
                min: 0.0,
                max: 100.0,
                step: 1.0,
            }),
        mirrored_progress_bar(level),
    )
    .into()
}

/// A progress bar that fills from where lines start: from the right in right-to-left
/// languages, where iced's bar (which always fills from the left) is drawn the other way
/// round — the rest of the track as the bar, over a track in the bar's colour.
fn mirrored_progress_bar<'a>(level: f32) -> iced::widget::ProgressBar<'a> {
    if ferrum_i18n::is_rtl() {
        iced::widget::progress_bar(0.0..=1.0, 1.0 - level)
            .girth(8)
            .style(|theme: &iced::Theme| {
                let style = iced::widget::progress_bar::primary(theme);
                iced::widget::progress_bar::Style {
                    background: style.bar,
                    bar: style.background,
                    border: style.border,
                }
            })
    } else {
        iced::widget::progress_bar(0.0..=1.0, level).girth(8)
    }
}

#[cfg(test)]
mod tests {
    use iced::{Rectangle, Settings};
    use iced_test::{Simulator, selector};

    use super::*;

    const FIELD: WidgetId = WidgetId::new("test-field");

    /// Where a 400 px wide labelled field draws its label and its text input.
    fn field_layout(label: &str) -> (Rectangle, Rectangle) {
        let field: Element<'_, ()> =
            container(labelled_field(FIELD, label.to_owned(), "", |_| (), ()))
                .width(400)
                .into();
        let mut ui = Simulator::with_size(Settings::default(), (400.0, 200.0), field);
        let label = ui.find(label).expect("the label").bounds();
        let input = ui.find(selector::id(FIELD)).expect("the field").bounds();
        (label, input)
    }

    #[test]
    fn a_fields_label_starts_where_lines_start() {
        let (label, input) = {
            let _english = ferrum_i18n::use_locale("en_US.UTF-8");
            field_layout("Name")
        };
        assert!(
            label.x - input.x < 1.0,
            "left to right: the label at the field's left edge ({label:?}, {input:?})"
        );
        let _arabic = ferrum_i18n::use_locale("ar_EG.UTF-8");
        assert!(ferrum_i18n::is_rtl());
        let (label, input) = field_layout("الاسم");
        assert!(
            (input.x + input.width) - (label.x + label.width) < 1.0,
            "right to left: the label at the field's right edge ({label:?}, {input:?})"
        );
    }
}
