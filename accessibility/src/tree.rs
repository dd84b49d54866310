//! Reading the accessible tree out of a live iced UI.
//!
//! [`collect`] is an iced [`Operation`] that walks the widget tree and returns
//! a [`Snapshot`]: every [`Accessible`](crate::widget::Accessible) control
//! (role, name, state, real bounds, focus) plus every plain text widget outside
//! them as a label, in reading order. The shell runs it after each update; the
//! AT-SPI bridge and self-voicing both read the snapshot.

use std::any::Any;
use std::hash::{DefaultHasher, Hash, Hasher};

use iced::Rectangle;
use iced::advanced::widget::operation::{Focusable, Outcome};
use iced::advanced::widget::{Id, Operation};

use crate::node::{AccessibleInfo, Role};
use crate::widget::Probe;

/// One node of the accessible tree.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotNode {
    /// A stable numeric id (hash of the widget id, or of the text and position for labels).
    pub key: u64,
    /// The widget id, for controls.
    pub id: Option<Id>,
    /// The description.
    pub info: AccessibleInfo,
    /// Where it is, in logical window coordinates.
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
    depth: usize,
    /// Depths at which an accessible control's content is being walked: texts
    /// in there are already its name.
    inside: Vec<(usize, usize)>,
}

impl Operation<Snapshot> for Collect {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<Snapshot>)) {
        self.depth += 1;
        operate(self);
        self.depth -= 1;
        if self
            .inside
            .last()
            .is_some_and(|(depth, _)| *depth == self.depth)
        {
            let _ = self.inside.pop();
        }
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
            bounds,
            focused: false,
            activatable: false,
        });
    }

    fn custom(&mut self, _id: Option<&Id>, bounds: Rectangle, state: &mut dyn Any) {
        let Some(probe) = state.downcast_ref::<Probe>() else {
            return;
        };
        self.inside.push((self.depth, self.nodes.len()));
        self.nodes.push(SnapshotNode {
            key: key_of(&probe.id),
            id: Some(probe.id.clone()),
            info: probe.info.clone(),
            bounds,
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
}
