//! The AT-SPI bridge: publishes the accessible tree through `accesskit_unix`
//! and brings the screen reader's actions back as messages.
//!
//! `accesskit_unix` watches `org.a11y.Status.IsEnabled` on the session bus and
//! asks for the tree only once assistive technology is running, so an app
//! nobody listens to pays for nothing but the snapshot it keeps.

use std::sync::{Arc, Mutex};

use accesskit::{
    Action, ActionHandler, ActionRequest, ActivationHandler, DeactivationHandler, Node, NodeId,
    Rect, Toggled, TreeId, TreeInfo, TreeUpdate,
};
use futures::Stream;
use futures::channel::mpsc;

use crate::node::Role;
use crate::tree::Snapshot;

const WINDOW: NodeId = NodeId(0);

/// A screen reader's request, for the app's `update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenReaderAction {
    /// Activate the control with this key (see [`crate::tree::key_of`]).
    Activate(u64),
    /// Move keyboard focus to the control with this key.
    Focus(u64),
}

/// Events of the bridge's subscription.
#[derive(Debug, Clone)]
pub enum BridgeEvent {
    /// The bridge is up; keep the handle to publish snapshots.
    Ready(BridgeHandle),
    /// A screen reader asked for something.
    Action(ScreenReaderAction),
}

#[derive(Default)]
struct Shared {
    window_name: String,
    latest: Option<TreeUpdate>,
}

/// Publishes snapshots to AT-SPI. Cheap to clone.
#[derive(Clone)]
pub struct BridgeHandle {
    adapter: Arc<Mutex<accesskit_unix::Adapter>>,
    shared: Arc<Mutex<Shared>>,
}

impl std::fmt::Debug for BridgeHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BridgeHandle")
    }
}

impl BridgeHandle {
    /// Publishes the window's current tree (sent only while AT is listening).
    pub fn publish(&self, window_name: &str, snapshot: &Snapshot) {
        let update = tree_update(window_name, snapshot);
        if let Ok(mut shared) = self.shared.lock() {
            shared.window_name = window_name.to_owned();
            shared.latest = Some(update.clone());
        }
        if let Ok(mut adapter) = self.adapter.lock() {
            adapter.update_if_active(|| update);
        }
    }
}

struct Activation(Arc<Mutex<Shared>>);

impl ActivationHandler for Activation {
    fn request_initial_tree(&mut self) -> Option<TreeUpdate> {
        let shared = self.0.lock().ok()?;
        Some(
            shared
                .latest
                .clone()
                .unwrap_or_else(|| tree_update(&shared.window_name, &Snapshot::default())),
        )
    }
}

struct Actions(mpsc::UnboundedSender<ScreenReaderAction>);

impl ActionHandler for Actions {
    fn do_action(&mut self, request: ActionRequest) {
        let key = request.target_node.0;
        let action = match request.action {
            Action::Click => ScreenReaderAction::Activate(key),
            Action::Focus => ScreenReaderAction::Focus(key),
            _ => return,
        };
        let _ = self.0.unbounded_send(action);
    }
}

struct Deactivation;

impl DeactivationHandler for Deactivation {
    fn deactivate_accessibility(&mut self) {}
}

/// Starts the bridge: the stream's first event hands over the handle; later
/// events are the screen reader's actions. Use it as an iced subscription.
pub fn events(window_name: String) -> impl Stream<Item = BridgeEvent> + Send {
    let (sender, receiver) = mpsc::unbounded();
    let shared = Arc::new(Mutex::new(Shared {
        window_name,
        latest: None,
    }));
    let mut adapter =
        accesskit_unix::Adapter::new(Activation(shared.clone()), Actions(sender), Deactivation);
    adapter.update_window_focus_state(true);
    let handle = BridgeHandle {
        adapter: Arc::new(Mutex::new(adapter)),
        shared,
    };
    futures::StreamExt::chain(
        futures::stream::once(async move { BridgeEvent::Ready(handle) }),
        futures::StreamExt::map(receiver, BridgeEvent::Action),
    )
}

fn role(role: Role) -> accesskit::Role {
    match role {
        Role::Button => accesskit::Role::Button,
        Role::Switch => accesskit::Role::Switch,
        Role::CheckBox => accesskit::Role::CheckBox,
        Role::RadioButton => accesskit::Role::RadioButton,
        Role::RadioGroup => accesskit::Role::RadioGroup,
        Role::Slider => accesskit::Role::Slider,
        Role::ListItem => accesskit::Role::ListItem,
        Role::List => accesskit::Role::List,
        Role::TextInput => accesskit::Role::TextInput,
        Role::PasswordInput => accesskit::Role::PasswordInput,
        Role::Heading => accesskit::Role::Heading,
        Role::Label => accesskit::Role::Label,
        Role::Group => accesskit::Role::Group,
        Role::ProgressIndicator => accesskit::Role::ProgressIndicator,
        Role::Alert => accesskit::Role::Alert,
    }
}

/// The accesskit tree for a snapshot: a window whose children are the nodes
/// in reading order, with real bounds.
///
/// Every node id is unique by construction: accesskit panics on a tree that
/// names a child twice (and the panic poisons the adapter's lock, ending the
/// bridge), so a node whose key was already used (two controls built with the
/// same widget id, or the window's own id) is left out and logged, never sent.
pub fn tree_update(window_name: &str, snapshot: &Snapshot) -> TreeUpdate {
    let mut seen = std::collections::HashSet::from([WINDOW.0]);
    let unique: Vec<&crate::tree::SnapshotNode> = snapshot
        .nodes
        .iter()
        .filter(|node| {
            let first = seen.insert(node.key);
            if !first {
                tracing::warn!(
                    key = node.key,
                    id = ?node.id,
                    name = %node.info.name,
                    "two accessible nodes share an id; the second is not published"
                );
            }
            first
        })
        .collect();
    let mut window = Node::new(accesskit::Role::Window);
    window.set_label(window_name);
    window.set_children(
        unique
            .iter()
            .map(|node| NodeId(node.key))
            .collect::<Vec<_>>(),
    );
    let mut nodes = vec![(WINDOW, window)];
    for item in unique {
        let info = &item.info;
        let mut node = Node::new(role(info.role));
        if info.role == Role::Alert {
            // Announced by the reader as soon as it appears or changes.
            node.set_live(accesskit::Live::Assertive);
        }
        if info.role == Role::Label {
            // accesskit names static text by its value, not its label
            // (`label_comes_from_value`): a label set here would reach AT-SPI as ''.
            node.set_value(info.name.as_str());
        } else {
            node.set_label(info.name.as_str());
        }
        if let Some(description) = &info.description {
            node.set_description(description.as_str());
        }
        // A secret field never exposes its characters, only their count.
        if !matches!(info.role, Role::PasswordInput | Role::Label)
            && let Some(value) = &info.value
        {
            node.set_value(value.as_str());
        }
        if let Some(numeric) = info.numeric {
            node.set_numeric_value(numeric.value);
            node.set_min_numeric_value(numeric.min);
            node.set_max_numeric_value(numeric.max);
            node.set_numeric_value_step(numeric.step);
        }
        if let Some(checked) = info.checked {
            node.set_toggled(if checked {
                Toggled::True
            } else {
                Toggled::False
            });
        }
        if let Some(selected) = info.selected {
            node.set_selected(selected);
        }
        if info.disabled {
            node.set_disabled();
        }
        node.set_bounds(Rect {
            x0: f64::from(item.bounds.x),
            y0: f64::from(item.bounds.y),
            x1: f64::from(item.bounds.x + item.bounds.width),
            y1: f64::from(item.bounds.y + item.bounds.height),
        });
        if item.activatable {
            node.add_action(Action::Click);
        }
        if info.role.is_focusable() && !info.disabled {
            node.add_action(Action::Focus);
        }
        nodes.push((NodeId(item.key), node));
    }
    let mut tree = TreeInfo::new(WINDOW);
    tree.toolkit_name = Some("Ferrum (iced)".into());
    tree.toolkit_version = Some(env!("CARGO_PKG_VERSION").into());
    TreeUpdate {
        nodes,
        tree: Some(tree),
        tree_id: TreeId::ROOT,
        focus: snapshot.focused().map_or(WINDOW, |node| NodeId(node.key)),
    }
}

#[cfg(test)]
mod tests {
    use iced::Rectangle;

    use super::*;
    use crate::node::AccessibleInfo;
    use crate::tree::SnapshotNode;

    fn node(key: u64, info: AccessibleInfo) -> SnapshotNode {
        SnapshotNode {
            key,
            id: None,
            info,
            bounds: Rectangle::new(iced::Point::ORIGIN, iced::Size::new(10.0, 10.0)),
            focused: false,
            activatable: false,
        }
    }

    fn find(update: &TreeUpdate, key: u64) -> Option<&Node> {
        update
            .nodes
            .iter()
            .find(|(id, _)| *id == NodeId(key))
            .map(|(_, node)| node)
    }

    #[test]
    fn static_text_is_named_by_its_value() {
        let snapshot = Snapshot {
            nodes: vec![
                node(1, AccessibleInfo::new(Role::Label, "Fully charged")),
                node(2, AccessibleInfo::new(Role::Button, "Dark style")),
            ],
        };
        let update = tree_update("Settings", &snapshot);
        let label = find(&update, 1);
        assert_eq!(label.and_then(Node::value), Some("Fully charged"));
        assert_eq!(label.and_then(Node::label), None);
        let button = find(&update, 2);
        assert_eq!(button.and_then(Node::label), Some("Dark style"));
        assert_eq!(button.and_then(Node::value), None);
    }

    #[test]
    fn a_repeated_id_is_published_once() {
        let snapshot = Snapshot {
            nodes: vec![
                node(5, AccessibleInfo::new(Role::Heading, "About")),
                node(5, AccessibleInfo::new(Role::Heading, "About")),
                node(
                    WINDOW.0,
                    AccessibleInfo::new(Role::Label, "clash with the window"),
                ),
                node(6, AccessibleInfo::new(Role::Label, "Kernel")),
            ],
        };
        let update = tree_update("Settings", &snapshot);
        let ids: Vec<u64> = update.nodes.iter().map(|(id, _)| id.0).collect();
        assert_eq!(ids, vec![WINDOW.0, 5, 6]);
        let window = find(&update, WINDOW.0).map(|node| node.children().to_vec());
        assert_eq!(window, Some(vec![NodeId(5), NodeId(6)]));
    }

    #[test]
    fn an_alert_is_an_assertive_live_region() {
        let snapshot = Snapshot {
            nodes: vec![node(
                9,
                AccessibleInfo::new(Role::Alert, "That did not work"),
            )],
        };
        let update = tree_update("Log in", &snapshot);
        let alert = find(&update, 9).expect("the alert is published");
        assert_eq!(alert.role(), accesskit::Role::Alert);
        assert_eq!(alert.live(), Some(accesskit::Live::Assertive));
        assert_eq!(alert.label(), Some("That did not work"));
    }

    #[test]
    fn a_secret_value_is_never_published() {
        let snapshot = Snapshot {
            nodes: vec![node(
                3,
                AccessibleInfo::new(Role::TextInput, "Password")
                    .value("hunter2")
                    .secret(7),
            )],
        };
        let update = tree_update("Settings", &snapshot);
        assert_eq!(find(&update, 3).and_then(Node::value), None);
    }
}
