//! Keeps the focused control in sight. After the window moves the keyboard
//! focus (Tab, Shift+Tab, the arrows, a page's `Effect::Focus`, a screen
//! reader's request), every scrollable around the focused control scrolls
//! just enough to show it whole, with its focus ring: its top edge is aligned
//! with the viewport's top when it was above, its bottom edge with the
//! viewport's bottom when it was below, its top when it is taller than the
//! viewport. It is a jump, never an animation (reduced motion is respected
//! by construction).
//!
//! It is one widget [`Operation`] run right after the focus operation: it
//! finds the focused control and the scrollables it is inside, then chains a
//! second one that scrolls them, in the same pass over the same widget tree.
//!
//! In iced 0.14 a scrollable lays its content out unscrolled (the scroll is
//! applied when drawing): [`Traversal`] keeps the scrollables around the
//! widget being visited and their translations, as the accessible tree's
//! reading does.
//!
//! Only vertical scrolling is done, on scrollables anchored at the start
//! (iced's default, and every scrollable in Ferrum); horizontal offsets are
//! left alone.

use iced::advanced::widget::operation::scrollable::AbsoluteOffset;
use iced::advanced::widget::operation::{Focusable, Outcome, Scrollable};
use iced::advanced::widget::{Id, Operation, operate};
use iced::widget::operation;
use iced::{Rectangle, Task, Vector};

use ferrum_accessibility::scroll::{Enclosing, Traversal};

/// Room kept around the focused control so its focus ring shows too (the
/// ring is drawn 2 px outside the control's bounds).
pub const MARGIN: f32 = 4.0;

/// Moves the focus to the next focusable control and scrolls it into view.
pub fn focus_next<M: Send + 'static>() -> Task<M> {
    operation::focus_next().chain(reveal_focus())
}

/// Moves the focus to the previous focusable control and scrolls it into view.
pub fn focus_previous<M: Send + 'static>() -> Task<M> {
    operation::focus_previous().chain(reveal_focus())
}

/// Moves the focus to the control `id` and scrolls it into view.
pub fn focus<M: Send + 'static>(id: impl Into<Id>) -> Task<M> {
    operation::focus(id).chain(reveal_focus())
}

/// Scrolls the focused control into view (to chain after a focus move).
pub fn reveal_focus<M: Send + 'static>() -> Task<M> {
    operate(focused_into_view()).discard()
}

/// The operation that scrolls every scrollable around the focused control
/// so the control is visible whole; nothing when no control is focused or
/// it is in sight already.
pub fn focused_into_view() -> impl Operation + 'static {
    FindFocused::default()
}

/// The offset along one axis that shows `start..end` in a viewport of
/// `length` beginning at `viewport_start`, now scrolled by `offset`, at most
/// `max`; all in unscrolled coordinates. `None` when it is shown already.
pub fn reveal(
    start: f32,
    end: f32,
    viewport_start: f32,
    length: f32,
    offset: f32,
    max: f32,
) -> Option<f32> {
    // The offsets that put the start at the viewport's start, the end at its end.
    let at_start = start - viewport_start;
    let at_end = end - viewport_start - length;
    let wanted = if end - start > length || at_start < offset {
        // Translations are rounded when drawn: round toward showing the edge.
        at_start.floor()
    } else if at_end > offset {
        at_end.ceil()
    } else {
        return None;
    };
    let wanted = wanted.clamp(0.0, max.max(0.0));
    (wanted != offset).then_some(wanted)
}

/// The offset to write into a scrollable that shows the focused control already, at its
/// drawn `offset` (`max`: the content's height less the viewport's), or `None` when the
/// offset it keeps is the one drawn.
///
/// An iced scrollable keeps the offset it was scrolled to when its content becomes shorter
/// and only clamps it when drawing (and when telling operations its translation): the page
/// scrolled to its end, then replaced by a short view (the Apps page's permissions while
/// they load) draws at the top, but keeps the old offset and shows it again once the view
/// grows (their list read) — scrolled away from the control just focused, which
/// [`reveal`], seeing only the drawn offset, left alone. The kept offset cannot be read, only
/// written: when the drawn one is at the content's end (where a larger kept one is clamped
/// to), it is written back, which changes nothing on screen.
fn pinned(offset: f32, max: f32) -> Option<f32> {
    // Translations are drawn rounded.
    (offset >= max.max(0.0).round()).then_some(offset)
}

/// Finds the focused control and the scrollables around it.
#[derive(Debug, Default)]
struct FindFocused {
    traversal: Traversal,
    found: Option<(Rectangle, Vec<Enclosing>)>,
}

impl Operation for FindFocused {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        if self.found.is_some() {
            return;
        }
        self.traversal.enter();
        operate(self);
        self.traversal.leave();
    }

    fn scrollable(
        &mut self,
        _id: Option<&Id>,
        bounds: Rectangle,
        content_bounds: Rectangle,
        translation: Vector,
        _state: &mut dyn Scrollable,
    ) {
        self.traversal
            .scrollable(bounds, content_bounds, translation);
    }

    fn focusable(&mut self, _id: Option<&Id>, bounds: Rectangle, state: &mut dyn Focusable) {
        if self.found.is_none() && state.is_focused() {
            self.found = Some((bounds, self.traversal.enclosing().copied().collect()));
        }
    }

    fn finish(&self) -> Outcome<()> {
        let Some((bounds, enclosing)) = &self.found else {
            return Outcome::None;
        };
        // From the innermost scrollable out: each shows the control as the
        // ones inside it leave it.
        let mut target = bounds.expand(MARGIN);
        let mut moves = Vec::new();
        for scrollable in enclosing.iter().rev() {
            let viewport = scrollable.bounds;
            let offset = scrollable.translation.y;
            let max = scrollable.content_bounds.height - viewport.height;
            let y = reveal(
                target.y,
                target.y + target.height,
                viewport.y,
                viewport.height,
                offset,
                max,
            );
            // Where it stays, its offset is written too when it may be kept larger than
            // drawn: see [`pinned`].
            if let Some(y) = y.or_else(|| pinned(offset, max)) {
                moves.push((scrollable.index, y));
            }
            let shown = Rectangle {
                x: target.x - scrollable.translation.x,
                y: target.y - y.unwrap_or(offset),
                ..target
            };
            match shown.intersection(&viewport) {
                Some(visible) => target = visible,
                None => break,
            }
        }
        if moves.is_empty() {
            Outcome::None
        } else {
            Outcome::Chain(Box::new(ScrollTo {
                scrollables: 0,
                moves,
            }))
        }
    }
}

/// Scrolls the scrollables found (by their place in traversal order: the
/// same tree is traversed right after, in the same pass) to their offsets.
#[derive(Debug)]
struct ScrollTo {
    scrollables: usize,
    moves: Vec<(usize, f32)>,
}

impl Operation for ScrollTo {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn scrollable(
        &mut self,
        _id: Option<&Id>,
        _bounds: Rectangle,
        _content_bounds: Rectangle,
        _translation: Vector,
        state: &mut dyn Scrollable,
    ) {
        if let Some((_, y)) = self
            .moves
            .iter()
            .find(|(index, _)| *index == self.scrollables)
        {
            state.scroll_to(AbsoluteOffset {
                x: None,
                y: Some(*y),
            });
        }
        self.scrollables += 1;
    }
}

#[cfg(test)]
mod tests {
    use iced::advanced::widget::operation::scrollable::RelativeOffset;
    use iced::{Point, Size};

    use super::*;

    /// A viewport 100 high at y = 50, content 500 high, scrolled by 40.
    fn reveal_in_page(start: f32, end: f32) -> Option<f32> {
        reveal(start, end, 50.0, 100.0, 40.0, 400.0)
    }

    #[test]
    fn a_control_in_sight_does_not_scroll() {
        // Shown between 90 and 190 (unscrolled).
        assert_eq!(reveal_in_page(100.0, 120.0), None);
        assert_eq!(reveal_in_page(90.0, 190.0), None);
    }

    #[test]
    fn below_its_bottom_edge_is_aligned_above_its_top_edge() {
        assert_eq!(reveal_in_page(200.0, 220.0), Some(70.0));
        assert_eq!(reveal_in_page(60.0, 80.0), Some(10.0));
        // Fractions round toward showing the edge.
        assert_eq!(reveal_in_page(200.0, 220.5), Some(71.0));
        assert_eq!(reveal_in_page(60.5, 80.0), Some(10.0));
    }

    #[test]
    fn a_control_taller_than_the_viewport_shows_its_top() {
        assert_eq!(reveal_in_page(100.0, 300.0), Some(50.0));
        assert_eq!(reveal_in_page(90.0, 300.0), None);
    }

    #[test]
    fn the_offset_stays_within_the_content() {
        assert_eq!(reveal_in_page(520.0, 560.0), Some(400.0));
        assert_eq!(reveal(0.0, 10.0, 50.0, 100.0, 40.0, 400.0), Some(0.0));
        assert_eq!(reveal(0.0, 10.0, 50.0, 100.0, 0.0, 400.0), None);
    }

    /// A scrollable's state as an operation sees it.
    #[derive(Debug, Default)]
    struct Scrolled(Option<f32>);

    impl Scrollable for Scrolled {
        fn snap_to(&mut self, _offset: RelativeOffset<Option<f32>>) {}
        fn scroll_to(&mut self, offset: AbsoluteOffset<Option<f32>>) {
            self.0 = offset.y;
        }
        fn scroll_by(&mut self, _offset: AbsoluteOffset, _bounds: Rectangle, _content: Rectangle) {}
    }

    #[derive(Debug)]
    struct Focus(bool);

    impl Focusable for Focus {
        fn is_focused(&self) -> bool {
            self.0
        }
        fn focus(&mut self) {}
        fn unfocus(&mut self) {}
    }

    fn rect(y: f32, height: f32) -> Rectangle {
        Rectangle::new(Point::new(0.0, y), Size::new(100.0, height))
    }

    /// A sidebar scrollable, then a page scrollable holding a column whose
    /// focused control lies below the viewport, as the window's widgets
    /// report them; returns the offsets each scrollable was given.
    fn run(operation: &mut dyn Operation, focused_at: f32) -> [Option<f32>; 2] {
        run_in(operation, focused_at, 2000.0)
    }

    /// [`run`] with the page's content `page_height` high.
    fn run_in(
        operation: &mut dyn Operation,
        focused_at: f32,
        page_height: f32,
    ) -> [Option<f32>; 2] {
        let mut sidebar = Scrolled::default();
        let mut page = Scrolled::default();
        operation.traverse(&mut |operation| {
            operation.scrollable(
                None,
                rect(0.0, 400.0),
                rect(0.0, 300.0),
                Vector::ZERO,
                &mut sidebar,
            );
            operation.traverse(&mut |operation| {
                operation.focusable(None, rect(20.0, 30.0), &mut Focus(false));
            });
            operation.scrollable(
                None,
                rect(0.0, 400.0),
                rect(0.0, page_height),
                Vector::ZERO,
                &mut page,
            );
            operation.traverse(&mut |operation| {
                operation.container(None, rect(0.0, page_height));
                operation.traverse(&mut |operation| {
                    operation.focusable(None, rect(30.0, 30.0), &mut Focus(false));
                    operation.focusable(None, rect(focused_at, 30.0), &mut Focus(true));
                });
            });
        });
        [sidebar.0, page.0]
    }

    #[test]
    fn the_scrollable_around_the_focused_control_scrolls_and_no_other() {
        let mut find = focused_into_view();
        let _ = run(&mut find, 900.0);
        let Outcome::Chain(mut scroll) = find.finish() else {
            panic!("a control below the viewport calls for a scroll");
        };
        assert_eq!(run(scroll.as_mut(), 900.0), [None, Some(934.0 - 400.0)]);

        let mut find = focused_into_view();
        let _ = run(&mut find, 100.0);
        assert!(matches!(find.finish(), Outcome::None), "in sight already");
    }

    #[test]
    fn a_page_too_short_to_scroll_has_its_kept_offset_written_back() {
        // Drawn at the top (a short page), where an offset kept from a longer page would
        // come back once it grows: the drawn one is written.
        let mut find = focused_into_view();
        let _ = run_in(&mut find, 100.0, 300.0);
        let Outcome::Chain(mut scroll) = find.finish() else {
            panic!("a page at its end has its offset written back");
        };
        assert_eq!(run_in(scroll.as_mut(), 100.0, 300.0), [None, Some(0.0)]);
    }

    #[test]
    fn only_an_offset_at_the_contents_end_is_written_back() {
        assert_eq!(pinned(0.0, -100.0), Some(0.0));
        assert_eq!(pinned(600.0, 600.0), Some(600.0));
        assert_eq!(pinned(600.0, 599.6), Some(600.0));
        assert_eq!(pinned(300.0, 600.0), None);
        assert_eq!(pinned(0.0, 600.0), None);
    }
}
