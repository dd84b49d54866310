//! Reading an app as a screen reader does, through real AT-SPI: runs
//! `scripts/read_tree.py` (a pyatspi client) against a session bus with
//! accessibility on ([`crate::session_bus`]), and checks what it printed.
//! Used by the AT-SPI tests of the settings app and of the greeter; [`walk_tabs`] moves the
//! keyboard focus with Tab through a whole window and reads the tree after each key.

use std::fmt;
use std::fs::{self, File};
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::wayland::Session;

/// The pyatspi client.
pub const READ_TREE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/read_tree.py");
/// The Debian Python, which has python3-pyatspi (a pyenv `python3` on `PATH` does not).
pub const PYTHON: &str = "/usr/bin/python3";
/// The roles a person acts on by an action (a slider is set through its value, an entry by
/// typing): each must have a name and an action a reader can use.
pub const INTERACTIVE: [&str; 5] = [
    "push button",
    "toggle button",
    "radio button",
    "check box",
    "list item",
];
const POLL: Duration = Duration::from_millis(50);

/// One node of the tree as `read_tree.py` prints it.
#[derive(Debug, Clone)]
pub struct Node {
    /// Depth below the application.
    pub depth: u64,
    /// AT-SPI role name ("push button").
    pub role: String,
    /// Accessible name.
    pub name: String,
    /// Accessible description (what a reader says after the name and role; empty when none).
    pub description: String,
    /// AT-SPI states ("focusable", "checked", …).
    pub states: Vec<String>,
    /// Action names ("click").
    pub actions: Vec<String>,
}

impl Node {
    fn from_json(value: &Value) -> Option<Node> {
        let strings = |key: &str| -> Option<Vec<String>> {
            value[key]
                .as_array()?
                .iter()
                .map(|item| item.as_str().map(str::to_owned))
                .collect()
        };
        Some(Node {
            depth: value["depth"].as_u64()?,
            role: value["role"].as_str()?.to_owned(),
            name: value["name"].as_str()?.to_owned(),
            description: value["description"].as_str().unwrap_or_default().to_owned(),
            states: strings("states")?,
            actions: strings("actions")?,
        })
    }
}

/// The tree as text, one node a line, indented by depth (for failure messages).
pub fn show(tree: &[Node]) -> String {
    tree.iter()
        .map(|node| {
            let description = if node.description.is_empty() {
                String::new()
            } else {
                format!(" description={:?}", node.description)
            };
            format!(
                "{}[{}] {:?}{description} states={:?} actions={:?}",
                "  ".repeat(usize::try_from(node.depth).unwrap_or(0)),
                node.role,
                node.name,
                node.states,
                node.actions
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What one run of the reader asks for.
#[derive(Debug, Clone, Copy)]
pub struct Read<'a> {
    /// The session bus (with accessibility on).
    pub bus_address: &'a str,
    /// The app's name in the AT-SPI registry.
    pub app: &'a str,
    /// Wait until a node with this (role, name) is there.
    pub wait: (&'a str, &'a str),
    /// Then click this (role, name) through AT-SPI's Action interface.
    pub click: Option<(&'a str, &'a str)>,
    /// How long the script waits for the node.
    pub timeout: Duration,
}

/// Runs `read_tree.py` once; the tree it printed, or what went wrong (the script's output).
pub fn read(read: Read<'_>) -> Result<Vec<Node>, String> {
    let out = tempfile::tempdir().map_err(|error| error.to_string())?;
    let (stdout, stderr) = (out.path().join("stdout"), out.path().join("stderr"));
    let file = |path: &Path| File::create(path).map_err(|error| error.to_string());
    let mut command = Command::new(PYTHON);
    command
        .arg(READ_TREE)
        .args(["--app", read.app, "--wait", read.wait.0, read.wait.1])
        .args(["--timeout", &read.timeout.as_secs().to_string()]);
    if let Some((role, name)) = read.click {
        command.args(["--click", role, name]);
    }
    let mut child = command
        .env("DBUS_SESSION_BUS_ADDRESS", read.bus_address)
        // libatspi would look for the accessibility bus on an X display first.
        .env_remove("DISPLAY")
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONHOME")
        .stdin(Stdio::null())
        .stdout(file(&stdout)?)
        .stderr(file(&stderr)?)
        .spawn()
        .map_err(|error| format!("{PYTHON} {READ_TREE}: {error}"))?;
    let deadline = Instant::now() + read.timeout * 3;
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|error| error.to_string())? {
            break Some(status);
        }
        if Instant::now() >= deadline {
            // By PID: the script is our own child.
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(POLL);
    };
    let printed = fs::read_to_string(&stdout).unwrap_or_default();
    if !status.is_some_and(|status| status.success()) {
        let complaints = fs::read_to_string(&stderr).unwrap_or_default();
        return Err(format!(
            "read_tree.py failed ({status:?}):\n{complaints}\n--- stdout:\n{printed}"
        ));
    }
    Ok(printed
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter_map(|value| Node::from_json(&value))
        .collect())
}

/// Why a tree cannot be walked by a reader: nodes without a name, and controls a person
/// acts on without an action. Empty when it can.
pub fn unwalkable(tree: &[Node]) -> Vec<&Node> {
    tree.iter()
        .filter(|node| {
            node.name.is_empty()
                || (INTERACTIVE.contains(&node.role.as_str()) && node.actions.is_empty())
        })
        .collect()
}

/// The AT-SPI state of the node that has the keyboard focus.
pub const FOCUSED: &str = "focused";
/// The role of the window itself, which is a Tab stop of its own (a reader says only
/// "Settings frame" there): [`walk_tabs`] accepts it as a stop.
pub const FRAME: &str = "frame";

/// A node that had the keyboard focus, told apart from nodes with the same role and name by
/// its rank among them in the tree (the Private DNS page has two "Off" radio buttons).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    /// AT-SPI role name.
    pub role: String,
    /// Accessible name.
    pub name: String,
    /// How many nodes with the same role and name come before it, depth first.
    pub rank: usize,
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {:?}", self.role, self.name)?;
        if self.rank > 0 {
            write!(f, " (#{})", self.rank + 1)?;
        }
        Ok(())
    }
}

/// The nodes of `tree` that have the [`FOCUSED`] state (a window has exactly one).
pub fn focused(tree: &[Node]) -> Vec<Stop> {
    tree.iter()
        .enumerate()
        .filter(|(_, node)| node.states.iter().any(|state| state == FOCUSED))
        .map(|(index, node)| Stop {
            role: node.role.clone(),
            name: node.name.clone(),
            rank: tree
                .iter()
                .take(index)
                .filter(|other| other.role == node.role && other.name == node.name)
                .count(),
        })
        .collect()
}

/// What [`walk_tabs`] found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Where the focus was before the first Tab, then after each Tab, in order.
    pub stops: Vec<Stop>,
    /// Everything wrong, one sentence each (with the tree where it helps); empty when the
    /// walk went round the window and every read was fine.
    pub problems: Vec<String>,
}

/// Walks the keyboard focus through the whole window of the app running in `session`, as a
/// screen reader user does with Tab: reads the tree as `request` asks (it should wait for a
/// node that is always there, such as the window's frame) before the first Tab and after
/// each, and checks every read:
///
/// - the app is still running and its log has no "panicked";
/// - exactly one node has the [`FOCUSED`] state, and it has a name (the window's own
///   [`FRAME`] is accepted as a stop: the window is a Tab stop of its own);
/// - the tree is walkable ([`unwalkable`] is empty).
///
/// After a Tab the focus is read again until exactly one node has it and it is not the one
/// before (at most `settle`): the app may take a moment to publish the move. The walk ends
/// when the focus is back on the first stop; it is a problem if that takes more than
/// `max_tabs` Tabs (the focus never cycles), if the focus does not move, or if the app ends.
/// Focus on no node or on several is noted and the walk goes on, unless that happens twice
/// in a row.
pub fn walk_tabs(
    request: Read<'_>,
    session: &mut Session,
    max_tabs: usize,
    settle: Duration,
) -> Walk {
    let mut walk = Walk::default();
    let Some(tree) = read_until(
        request,
        settle,
        &mut walk.problems,
        "before the first Tab",
        |focus| focus.len() == 1,
    ) else {
        return walk;
    };
    if !check_step(&tree, session, "before the first Tab", &mut walk.problems) {
        return walk;
    }
    let Some(first) = only_focus(&tree, "before the first Tab", &mut walk.problems) else {
        return walk;
    };
    walk.stops.push(first.clone());
    let mut previous = Some(first.clone());
    for tab in 1..=max_tabs {
        let when = format!("after Tab {tab}");
        if let Err(error) = session.press("Tab") {
            walk.problems.push(format!("{when}: {error}"));
            return walk;
        }
        let moved = |focus: &[Stop]| focus.len() == 1 && focus.first() != previous.as_ref();
        let Some(tree) = read_until(request, settle, &mut walk.problems, &when, moved) else {
            return walk;
        };
        if !check_step(&tree, session, &when, &mut walk.problems) {
            return walk;
        }
        let focus = only_focus(&tree, &when, &mut walk.problems);
        if let Some(stop) = focus
            .as_ref()
            .filter(|stop| Some(*stop) == previous.as_ref())
        {
            walk.problems.push(format!(
                "{when}: the focus did not move from {stop} within {settle:?}:\n{}",
                show(&tree)
            ));
            return walk;
        }
        match &focus {
            Some(stop) => {
                walk.stops.push(stop.clone());
                if *stop == first {
                    return walk;
                }
            }
            None if previous.is_none() => {
                walk.problems.push(format!(
                    "{when}: the focus is still lost; the walk ends here"
                ));
                return walk;
            }
            None => {}
        }
        previous = focus;
    }
    walk.problems.push(format!(
        "the focus never came back to {first} in {max_tabs} Tabs; it went: {}",
        walk.stops
            .iter()
            .map(Stop::to_string)
            .collect::<Vec<_>>()
            .join(" → ")
    ));
    walk
}

/// Reads the tree until the nodes with the focus are `settled`, at most for `settle`; the
/// last tree read either way. `None` (and a problem noted) when the reader failed.
fn read_until(
    request: Read<'_>,
    settle: Duration,
    problems: &mut Vec<String>,
    when: &str,
    settled: impl Fn(&[Stop]) -> bool,
) -> Option<Vec<Node>> {
    let deadline = Instant::now() + settle;
    loop {
        let tree = match read(request) {
            Ok(tree) => tree,
            Err(failure) => {
                problems.push(format!("{when}: {failure}"));
                return None;
            }
        };
        if settled(&focused(&tree)) || Instant::now() >= deadline {
            return Some(tree);
        }
        thread::sleep(POLL);
    }
}

/// The checks of every read of [`walk_tabs`] but the focus: the app runs and has not
/// panicked (false when it has stopped or panicked: the walk is over), and the tree is
/// walkable.
fn check_step(
    tree: &[Node],
    session: &mut Session,
    when: &str,
    problems: &mut Vec<String>,
) -> bool {
    if let Err(error) = session.ensure_app_running(&format!("the tree {when}")) {
        problems.push(format!("{when}: {error}"));
        return false;
    }
    let log = session.app_log();
    if log.contains("panicked") {
        problems.push(format!("{when}: the app panicked; its log:\n{log}"));
        return false;
    }
    let unwalkable = unwalkable(tree);
    if !unwalkable.is_empty() {
        problems.push(format!(
            "{when}: nodes without a name, or controls without an action: {unwalkable:?}\n{}",
            show(tree)
        ));
    }
    true
}

/// The one focused node of `tree` (`None` when no node or several have the focus), noting a
/// problem unless there is exactly one and it has a name or is the window's [`FRAME`].
fn only_focus(tree: &[Node], when: &str, problems: &mut Vec<String>) -> Option<Stop> {
    let focus = focused(tree);
    match focus.as_slice() {
        [stop] if !stop.name.is_empty() || stop.role == FRAME => Some(stop.clone()),
        [stop] => {
            problems.push(format!(
                "{when}: the focused node has no name: {stop}\n{}",
                show(tree)
            ));
            Some(stop.clone())
        }
        [] => {
            problems.push(format!("{when}: no node has the focus\n{}", show(tree)));
            None
        }
        several => {
            let names: Vec<String> = several.iter().map(Stop::to_string).collect();
            problems.push(format!(
                "{when}: {} nodes have the focus: {names:?}\n{}",
                several.len(),
                show(tree)
            ));
            None
        }
    }
}

/// What `/proc/<pid>/stat` says about a process.
#[derive(Debug)]
pub struct Stat {
    /// Process id.
    pub pid: u32,
    /// Command name.
    pub comm: String,
    /// State letter (`Z` for a zombie).
    pub state: char,
    /// Process group.
    pub pgid: u32,
}

/// Processes that match and are not zombies (a zombie is dead, waiting to be reaped).
pub fn live_processes(matches: impl Fn(&Stat) -> bool) -> Vec<Stat> {
    let mut found = Vec::new();
    let Ok(entries) = fs::read_dir("/proc") else {
        return found;
    };
    for entry in entries.flatten() {
        let Ok(text) = fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // `pid (comm) state ppid pgrp …`; comm may contain spaces and parentheses.
        let (Some(open), Some(close)) = (text.find('('), text.rfind(')')) else {
            continue;
        };
        let mut rest = text[close + 1..].split_whitespace();
        let (Some(state), Some(_ppid), Some(pgid)) = (rest.next(), rest.next(), rest.next()) else {
            continue;
        };
        let stat = Stat {
            pid: text[..open].trim().parse().unwrap_or(0),
            comm: text[open + 1..close].to_owned(),
            state: state.chars().next().unwrap_or('?'),
            pgid: pgid.parse().unwrap_or(0),
        };
        if stat.state != 'Z' && matches(&stat) {
            found.push(stat);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(role: &str, name: &str, states: &[&str]) -> Node {
        Node {
            depth: 1,
            role: role.to_owned(),
            name: name.to_owned(),
            description: String::new(),
            states: states.iter().map(|state| (*state).to_owned()).collect(),
            actions: Vec::new(),
        }
    }

    #[test]
    fn a_focused_node_is_told_apart_from_its_namesakes() {
        let tree = [
            node("frame", "Settings", &["active"]),
            node("radio button", "Off", &["checked"]),
            node("label", "Off", &[]),
            node("radio button", "Off", &[FOCUSED]),
        ];
        let focus = focused(&tree);
        assert_eq!(
            focus,
            vec![Stop {
                role: "radio button".to_owned(),
                name: "Off".to_owned(),
                rank: 1,
            }]
        );
        assert_eq!(focus[0].to_string(), "[radio button] \"Off\" (#2)");
    }

    #[test]
    fn the_frame_is_a_stop_and_an_unnamed_focus_is_a_problem() {
        let mut problems = Vec::new();
        let frame = [node(FRAME, "", &[FOCUSED])];
        assert!(only_focus(&frame, "now", &mut problems).is_some());
        assert!(problems.is_empty(), "{problems:?}");
        let unnamed = [node("push button", "", &[FOCUSED])];
        assert!(only_focus(&unnamed, "now", &mut problems).is_some());
        assert_eq!(problems.len(), 1);
        let none = [node("push button", "Apply", &[])];
        assert!(only_focus(&none, "now", &mut problems).is_none());
        assert_eq!(problems.len(), 2);
    }
}
