//! Reading the accessible tree out of a live iced UI.
//!
//! [`collect`] is an iced [`Operation`] that walks the widget tree and returns
//! a [`Snapshot`]: every [`Accessible`](crate::widget::Accessible) control
//! (role, name, state, real bounds, focus) plus every plain text widget outside
//! them as a label, in reading order. Bounds are where things are drawn: the
//! scroll of every scrollable around them is taken off (iced lays a
//! scrollable's content out unscrolled, see [`crate::scroll`]). The shell
//! runs it after each update; the AT-SPI bridge and self-voicing both read
//! the snapshot.

use std::any::Any;
use std::hash::{DefaultHasher, Hash, Hasher};

use iced::advanced::widget::operation::{Focusable, Outcome, Scrollable};
use iced::advanced::widget::{Id, Operation};
use iced::{Rectangle, Vector};

use crate::node::{AccessibleInfo, Role};
use crate::scroll::Traversal;
use crate::widget::Probe;

/// One node of the accessible tree.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotNode {
    /// A stable numeric id (hash of the widget id, or for labels of the text and
    /// its place in the layout, which scrolling does not change).
    pub key: u64,
    /// The widget id, for controls.
    pub id: Option<Id>,
    /// The description.
    pub info: AccessibleInfo,
    /// Where it is drawn, in logical window coordinates (scrolled: it may lie
    /// outside a scrollable's viewport, or the window).
    pub bounds: Rectangle,
    /// Whether it has keyboard focus.
    pub focused: bool,
    /// Whether it can be activated.
    pub activatable: bool,
}

/// The accessible tree of a window at one moment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    /// Nodes in reading order.
    pub nodes: Vec<SnapshotNode>,
}

impl Snapshot {
    /// The focused node, if any.
    pub fn focused(&self) -> Option<&SnapshotNode> {
        self.nodes.iter().find(|node| node.focused)
    }

    /// The node with a widget id.
    pub fn find(&self, id: &Id) -> Option<&SnapshotNode> {
        self.nodes.iter().find(|node| node.id.as_ref() == Some(id))
    }

    /// The node with a numeric key.
    pub fn by_key(&self, key: u64) -> Option<&SnapshotNode> {
        self.nodes.iter().find(|node| node.key == key)
    }

    /// Controls only (no plain labels).
    pub fn controls(&self) -> impl Iterator<Item = &SnapshotNode> {
        self.nodes.iter().filter(|node| node.id.is_some())
    }
}

/// The numeric key of a widget id. Never 0 (the window's own id).
pub fn key_of(id: &Id) -> u64 {
    let mut hasher = DefaultHasher::new();
    id.hash(&mut hasher);
    hasher.finish().max(1)
}

fn label_key(text: &str, bounds: Rectangle) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    (bounds.x as i64, bounds.y as i64).hash(&mut hasher);
    hasher.finish().max(1) | (1 << 63)
}

#[derive(Debug, Default)]
struct Collect {
    nodes: Vec<SnapshotNode>,
    /// How deep the walk is, and the scrollables around it.
    traversal: Traversal,
    /// Depths at which an accessible control's content is being walked: texts
    /// in there are already its name.
    inside: Vec<(usize, usize)>,
}

impl Operation<Snapshot> for Collect {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<Snapshot>)) {
        self.traversal.enter();
        operate(self);
        self.traversal.leave();
        if self
            .inside
            .last()
            .is_some_and(|(depth, _)| *depth == self.traversal.depth())
        {
            let _ = self.inside.pop();
        }
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

    fn focusable(&mut self, _id: Option<&Id>, _bounds: Rectangle, state: &mut dyn Focusable) {
        // A text input inside an accessible text-input wrapper takes the focus for it. Only
        // such a wrapper: a focusable accessible control (a dialog's button) reports its own
        // focus here before its node is pushed, when the innermost node is the control around
        // it (the dialog's frame), which must not be marked focused for it.
        if state.is_focused()
            && let Some((_, index)) = self.inside.last()
            && let Some(node) = self.nodes.get_mut(*index)
            && matches!(node.info.role, Role::TextInput | Role::PasswordInput)
        {
            node.focused = true;
        }
    }

    fn text(&mut self, _id: Option<&Id>, bounds: Rectangle, text: &str) {
        if !self.inside.is_empty() || text.trim().is_empty() {
            return;
        }
        self.nodes.push(SnapshotNode {
            key: label_key(text, bounds),
            id: None,
            info: AccessibleInfo::new(Role::Label, text),
            bounds: self.traversal.shown(bounds),
            focused: false,
            activatable: false,
        });
    }

    fn custom(&mut self, _id: Option<&Id>, bounds: Rectangle, state: &mut dyn Any) {
        let Some(probe) = state.downcast_ref::<Probe>() else {
            return;
        };
        self.inside.push((self.traversal.depth(), self.nodes.len()));
        self.nodes.push(SnapshotNode {
            key: key_of(&probe.id),
            id: Some(probe.id.clone()),
            info: probe.info.clone(),
            bounds: self.traversal.shown(bounds),
            focused: probe.focused,
            activatable: probe.activatable,
        });
    }

    fn finish(&self) -> Outcome<Snapshot> {
        Outcome::Some(Snapshot {
            nodes: self.nodes.clone(),
        })
    }
}

/// The operation that reads the accessible tree.
pub fn collect() -> impl Operation<Snapshot> {
    Collect::default()
}

/// What a screen reader can ask of a control.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ControlAction {
    /// Activate it, as a click would.
    Activate,
}

struct Act {
    target: Id,
    action: ControlAction,
}

impl Operation for Act {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn custom(&mut self, id: Option<&Id>, _bounds: Rectangle, state: &mut dyn Any) {
        if id != Some(&self.target) {
            return;
        }
        if let Some(probe) = state.downcast_mut::<Probe>() {
            match self.action {
                ControlAction::Activate => probe.request_activation = true,
            }
        }
    }
}

/// The operation that performs a screen reader's action on a control; the
/// control sends its message at the next frame, exactly as a click does.
pub fn act(target: Id, action: ControlAction) -> impl Operation {
    Act { target, action }
}

#[cfg(test)]
mod tests {
    use iced::advanced::widget::operation::scrollable::{AbsoluteOffset, RelativeOffset};
    use iced::{Point, Size};

    use super::*;

    struct Focus(bool);

    impl Focusable for Focus {
        fn is_focused(&self) -> bool {
            self.0
        }
        fn focus(&mut self) {
            self.0 = true;
        }
        fn unfocus(&mut self) {
            self.0 = false;
        }
    }

    fn probe(name: &str, role: Role, focused: bool) -> Probe {
        Probe {
            id: Id::from(name.to_owned()),
            info: AccessibleInfo::new(role, name),
            focused,
            activatable: true,
            request_focus: false,
            request_activation: false,
        }
    }

    fn focused(collect: &Collect) -> Option<String> {
        collect
            .nodes
            .iter()
            .find(|node| node.focused)
            .map(|node| node.info.name.clone())
    }

    /// A dialog's button reports its focus before its own node is pushed (as
    /// `Accessible::operate` does): the button is the focused node, not the dialog
    /// around it.
    #[test]
    fn a_focused_button_in_a_dialog_is_the_focused_node() {
        let bounds = Rectangle::default();
        let mut collect = Collect::default();
        collect.custom(None, bounds, &mut probe("Pairing", Role::Group, false));
        collect.traverse(&mut |operation| {
            operation.focusable(None, bounds, &mut Focus(true));
            operation.custom(None, bounds, &mut probe("Confirm", Role::Button, true));
        });
        assert_eq!(focused(&collect).as_deref(), Some("Confirm"));
    }

    /// A text input inside its accessible wrapper focuses the wrapper's node.
    #[test]
    fn a_focused_text_input_focuses_its_wrapper() {
        let bounds = Rectangle::default();
        let mut collect = Collect::default();
        collect.custom(
            None,
            bounds,
            &mut probe("Password", Role::PasswordInput, false),
        );
        collect.traverse(&mut |operation| {
            operation.focusable(None, bounds, &mut Focus(true));
        });
        assert_eq!(focused(&collect).as_deref(), Some("Password"));
    }

    /// A scrollable's state as an operation sees it (never scrolled by one here).
    struct Scrolled;

    impl Scrollable for Scrolled {
        fn snap_to(&mut self, _offset: RelativeOffset<Option<f32>>) {}
        fn scroll_to(&mut self, _offset: AbsoluteOffset<Option<f32>>) {}
        fn scroll_by(&mut self, _offset: AbsoluteOffset, _bounds: Rectangle, _content: Rectangle) {}
    }

    fn rect(x: f32, y: f32, height: f32) -> Rectangle {
        Rectangle::new(Point::new(x, y), Size::new(100.0, height))
    }

    fn bounds_of(collect: &Collect, name: &str) -> Rectangle {
        collect
            .nodes
            .iter()
            .find(|node| node.info.name == name)
            .map(|node| node.bounds)
            .unwrap_or_else(|| panic!("no node {name}"))
    }

    /// As a window reports them: a page scrolled down by `page` holding a
    /// control, a label and a list scrolled by `list` with a control in it;
    /// then a control after the page.
    fn walk(page: Vector, list: Vector) -> Collect {
        let mut collect = Collect::default();
        collect.traverse(&mut |operation| {
            operation.container(None, rect(0.0, 0.0, 400.0));
            operation.traverse(&mut |operation| {
                operation.scrollable(
                    None,
                    rect(0.0, 0.0, 300.0),
                    rect(0.0, 0.0, 2000.0),
                    page,
                    &mut Scrolled,
                );
                operation.traverse(&mut |operation| {
                    operation.custom(
                        None,
                        rect(0.0, 500.0, 30.0),
                        &mut probe("Bold", Role::Switch, false),
                    );
                    operation.traverse(&mut |operation| {
                        operation.text(None, rect(0.0, 500.0, 30.0), "Bold");
                    });
                    operation.text(None, rect(0.0, 540.0, 20.0), "Fonts");
                    operation.scrollable(
                        None,
                        rect(0.0, 600.0, 100.0),
                        rect(0.0, 600.0, 800.0),
                        list,
                        &mut Scrolled,
                    );
                    operation.traverse(&mut |operation| {
                        operation.custom(
                            None,
                            rect(8.0, 900.0, 30.0),
                            &mut probe("Serif", Role::ListItem, false),
                        );
                    });
                    operation.custom(
                        None,
                        rect(0.0, 1500.0, 30.0),
                        &mut probe("Apply", Role::Button, false),
                    );
                });
                operation.custom(
                    None,
                    rect(0.0, 350.0, 30.0),
                    &mut probe("Close", Role::Button, false),
                );
            });
        });
        collect
    }

    /// Inside a scrollable a node is reported where it is drawn: its layout
    /// bounds (unscrolled in iced 0.14) less the scrollable's translation.
    #[test]
    fn a_node_in_a_scrolled_page_is_where_it_is_drawn() {
        let collect = walk(Vector::new(0.0, 400.0), Vector::ZERO);
        assert_eq!(bounds_of(&collect, "Bold"), rect(0.0, 100.0, 30.0));
        assert_eq!(bounds_of(&collect, "Fonts"), rect(0.0, 140.0, 20.0));
        assert_eq!(bounds_of(&collect, "Apply"), rect(0.0, 1100.0, 30.0));
    }

    /// Nested scrollables add up, on both axes.
    #[test]
    fn nested_scrollables_add_up() {
        let collect = walk(Vector::new(0.0, 400.0), Vector::new(3.0, 250.0));
        assert_eq!(bounds_of(&collect, "Serif"), rect(5.0, 250.0, 30.0));
        // After the list, in the page: the page's scroll only.
        assert_eq!(bounds_of(&collect, "Apply"), rect(0.0, 1100.0, 30.0));
    }

    /// What follows a scrollable is not moved by it.
    #[test]
    fn a_node_after_a_scrollable_is_not_moved() {
        let collect = walk(Vector::new(0.0, 400.0), Vector::new(3.0, 250.0));
        assert_eq!(bounds_of(&collect, "Close"), rect(0.0, 350.0, 30.0));
    }

    /// Unscrolled, nothing moves; and scrolling keeps every node's key (a
    /// label's key comes from its place in the layout).
    #[test]
    fn scrolling_moves_nodes_but_keeps_their_keys() {
        let still = walk(Vector::ZERO, Vector::ZERO);
        assert_eq!(bounds_of(&still, "Fonts"), rect(0.0, 540.0, 20.0));
        assert_eq!(bounds_of(&still, "Serif"), rect(8.0, 900.0, 30.0));
        let scrolled = walk(Vector::new(0.0, 400.0), Vector::new(3.0, 250.0));
        let keys = |collect: &Collect| {
            collect
                .nodes
                .iter()
                .map(|node| node.key)
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&still), keys(&scrolled));
        assert_eq!(
            still.nodes.len(),
            5,
            "the switch's own text is its name, not a label"
        );
    }
}
