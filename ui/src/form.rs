//! A form of text fields in a card, and what it says of the typing. The About page's rename
//! form and the Date & Time page's date and time by hand are this shape: a title, a hint,
//! labelled fields (Enter in any sends the form), then [`form_card`]'s end — the problem with
//! the typing, the daemon's refusal, the submit and Cancel buttons.
//!
//! The typing is checked when the form is sent, never while it is typed: [`Check`] holds the
//! problem found then and the refusal, both cleared as soon as the person types again.

use iced::Element;
use iced::widget::{column, text};

use crate::WidgetId;
use crate::widgets::{FONT_BOLD, FormEnd, caption, form_card, labelled_field, reading_start};

/// What a form says of its typing: the problem found when it was sent, and the daemon's
/// refusal of the change, in words, until the typing changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check<P> {
    /// What is wrong with the typing, once checked.
    pub problem: Option<P>,
    /// The refusal, in words, until the typing changes.
    pub refusal: Option<String>,
}

impl<P> Default for Check<P> {
    fn default() -> Self {
        Self {
            problem: None,
            refusal: None,
        }
    }
}

/// What a dialog's `update` tells its page: nothing more, close the dialog, or do what
/// the dialog was for (`T`: what it asks for, checked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action<T> {
    /// Nothing more.
    None,
    /// Close the dialog.
    Close,
    /// Do this.
    Submit(T),
}

impl<P> Check<P> {
    /// The person typed: what was said of the old typing goes.
    pub fn typed(&mut self) {
        self.problem = None;
        self.refusal = None;
    }

    /// The form was sent and its typing checked: `Ok` gives what to ask for (the problem
    /// cleared), `Err` keeps the problem to say. The old refusal goes either way.
    pub fn sent<T>(&mut self, checked: Result<T, P>) -> Option<T> {
        self.refusal = None;
        match checked {
            Ok(value) => {
                self.problem = None;
                Some(value)
            }
            Err(problem) => {
                self.problem = Some(problem);
                None
            }
        }
    }

    /// The change was refused: said in the form, the typing kept.
    pub fn refused(&mut self, sentence: String) {
        self.refusal = Some(sentence);
    }
}

/// One labelled text field of a form.
#[derive(Debug)]
pub struct Field<'a, M> {
    /// The field's id (its accessible node is `id.field`).
    pub id: WidgetId,
    /// Its label, translated.
    pub label: String,
    /// What is typed.
    pub value: &'a str,
    /// The message typing sends.
    pub on_input: fn(String) -> M,
}

/// Draws a form in a card under `scope`: `title`, `hint`, the `fields` (Enter in one sends
/// `end`'s submit message), then `end` ([`form_card`]).
pub fn text_form<'a, M: Clone + 'a>(
    scope: &WidgetId,
    title: String,
    hint: String,
    fields: impl IntoIterator<Item = Field<'a, M>>,
    end: FormEnd<M>,
) -> Element<'a, M> {
    let mut content = column![text(title).size(17).font(FONT_BOLD), caption(hint)]
        .spacing(10)
        .align_x(reading_start());
    for field in fields {
        content = content.push(labelled_field(
            field.id,
            field.label,
            field.value,
            field.on_input,
            end.submit.2.clone(),
        ));
    }
    form_card(scope, content, end)
}

#[cfg(test)]
mod tests {
    use super::Check;

    #[test]
    fn a_problem_stays_until_the_typing_changes_and_a_refusal_until_sent_or_typed() {
        let mut check = Check::<&str>::default();
        assert_eq!(check.sent::<u8>(Err("empty")), None);
        assert_eq!(check.problem, Some("empty"));
        check.typed();
        assert_eq!(check, Check::default());
        assert_eq!(check.sent(Ok(7)), Some(7));
        check.refused("refused".into());
        assert_eq!(check.refusal.as_deref(), Some("refused"));
        let _ = check.sent(Ok(7));
        assert_eq!(check.refusal, None);
        check.refused("refused".into());
        check.typed();
        assert_eq!(check, Check::default());
    }
}
