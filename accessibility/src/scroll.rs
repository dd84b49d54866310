//! Where a widget inside scrollables is on screen, for widget operations.
//!
//! In iced 0.14 a scrollable lays its content out unscrolled: the bounds an
//! operation sees for anything inside it ignore its translation (the scroll
//! is applied when drawing), so a child's place on screen is its bounds minus
//! the translation of every scrollable around it. [`Traversal`] keeps, while
//! an operation walks the widget tree, how deep it is and which scrollables
//! are around the widget it is visiting.

use iced::{Rectangle, Vector};

/// A scrollable around the widget being visited, as the operation was told.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Enclosing {
    /// Its place among the scrollables met in traversal order, from 0.
    pub index: usize,
    /// Its viewport (unscrolled by the scrollables around it).
    pub bounds: Rectangle,
    /// Its content, laid out unscrolled.
    pub content_bounds: Rectangle,
    /// How far its content is moved up and left when drawn (already rounded,
    /// as drawn).
    pub translation: Vector,
    /// How deep in the traversal it was met: its content is one level deeper.
    depth: usize,
}

/// Where an operation is in the widget tree: how deep, and inside which
/// scrollables.
///
/// An operation keeping one calls [`enter`](Self::enter) and
/// [`leave`](Self::leave) around the `operate` call of its
/// `Operation::traverse`, and [`scrollable`](Self::scrollable) from its
/// `Operation::scrollable`: iced's scrollable reports itself, then traverses
/// its content, one level deeper. Nested scrollables add up.
#[derive(Debug, Clone, Default)]
pub struct Traversal {
    depth: usize,
    scrollables: usize,
    open: Vec<Enclosing>,
}

impl Traversal {
    /// How deep the widget being visited is (0 for the root).
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// Goes one level deeper (the start of a traverse).
    pub fn enter(&mut self) {
        self.depth += 1;
    }

    /// Comes back one level (the end of a traverse): the scrollables whose
    /// content it was are no longer around.
    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        self.close();
    }

    /// A scrollable met at the current depth: what is visited inside it
    /// (deeper, until the traversal comes back to this depth) is moved by
    /// `translation` when drawn.
    pub fn scrollable(
        &mut self,
        bounds: Rectangle,
        content_bounds: Rectangle,
        translation: Vector,
    ) {
        self.close();
        self.open.push(Enclosing {
            index: self.scrollables,
            bounds,
            content_bounds,
            translation,
            depth: self.depth,
        });
        self.scrollables += 1;
    }

    /// The scrollables around the widget being visited, outermost first.
    pub fn enclosing(&self) -> impl DoubleEndedIterator<Item = &Enclosing> {
        let depth = self.depth;
        self.open
            .iter()
            .filter(move |scrollable| scrollable.depth < depth)
    }

    /// How far the widget being visited is moved when drawn: the sum of the
    /// translations of the scrollables around it.
    pub fn translation(&self) -> Vector {
        self.enclosing()
            .fold(Vector::ZERO, |sum, scrollable| sum + scrollable.translation)
    }

    /// Where the widget being visited, laid out at `bounds`, is drawn, in
    /// window coordinates.
    pub fn shown(&self, bounds: Rectangle) -> Rectangle {
        bounds - self.translation()
    }

    /// Forgets the scrollables met at this depth or deeper: a scrollable's
    /// content is visited one level deeper than it.
    fn close(&mut self) {
        let depth = self.depth;
        self.open.retain(|scrollable| scrollable.depth < depth);
    }
}

#[cfg(test)]
mod tests {
    use iced::{Point, Size};

    use super::*;

    fn rect(y: f32) -> Rectangle {
        Rectangle::new(Point::new(10.0, y), Size::new(100.0, 20.0))
    }

    #[test]
    fn nothing_is_moved_outside_scrollables() {
        let mut traversal = Traversal::default();
        assert_eq!(traversal.shown(rect(300.0)), rect(300.0));
        traversal.enter();
        assert_eq!(traversal.shown(rect(300.0)), rect(300.0));
        assert_eq!(traversal.enclosing().count(), 0);
    }

    #[test]
    fn translations_add_up_inside_and_stop_after() {
        let mut traversal = Traversal::default();
        traversal.enter();
        traversal.scrollable(rect(0.0), rect(0.0), Vector::new(0.0, 100.0));
        // The scrollable itself, at its own depth, is not moved by itself.
        assert_eq!(traversal.shown(rect(0.0)), rect(0.0));
        traversal.enter();
        assert_eq!(traversal.shown(rect(300.0)), rect(200.0));
        traversal.scrollable(rect(300.0), rect(300.0), Vector::new(5.0, 30.0));
        traversal.enter();
        let moved = traversal.shown(rect(500.0));
        assert_eq!((moved.x, moved.y), (5.0, 370.0));
        assert_eq!(
            traversal
                .enclosing()
                .map(|scrollable| scrollable.index)
                .collect::<Vec<_>>(),
            [0, 1]
        );
        traversal.leave();
        // After the inner scrollable, in the outer one.
        assert_eq!(traversal.shown(rect(600.0)), rect(500.0));
        traversal.leave();
        // After the outer scrollable.
        assert_eq!(traversal.shown(rect(600.0)), rect(600.0));
        traversal.scrollable(rect(0.0), rect(0.0), Vector::ZERO);
        assert_eq!(traversal.enclosing().count(), 0);
        traversal.enter();
        assert_eq!(traversal.enclosing().next().map(|s| s.index), Some(2));
    }
}
