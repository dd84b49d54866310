//! Reading an app as a screen reader does, through real AT-SPI: runs
//! `scripts/read_tree.py` (a pyatspi client) against a session bus with
//! accessibility on ([`crate::session_bus`]), and checks what it printed.
//! Used by the AT-SPI tests of the settings app and of the greeter.

use std::fs::{self, File};
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

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
            states: strings("states")?,
            actions: strings("actions")?,
        })
    }
}

/// The tree as text, one node a line, indented by depth (for failure messages).
pub fn show(tree: &[Node]) -> String {
    tree.iter()
        .map(|node| {
            format!(
                "{}[{}] {:?} states={:?} actions={:?}",
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
