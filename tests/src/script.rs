//! The image e2e's key scripts (`image/e2e/*.keys`, format: `ferrum_testbed::keyscript`) on
//! the host: a chord as the window gets it from the compositor, and the focus as the
//! script's `focus` lines name it — so a host test can play the same keys the e2e sends to
//! the VM over QMP and check every `focus` line on the way.

#![expect(
    clippy::panic,
    clippy::unwrap_used,
    reason = "test support: a key a script names that has no key here is the script's own mistake and ends its test"
)]

use iced::Event;
use iced::keyboard::{self, Key, Location, Modifiers, key};

use crate::driver::Driver;
use ferrum_accessibility::tree::Snapshot;
use ferrum_testbed::keyscript::Chord;

/// The focused control's role (as the script writes it) and name.
pub fn focused(driver: &Driver) -> Option<(String, String)> {
    focused_in(driver.app.accessible_tree())
}

/// Every focusable control in the window, in Tab order, for a failure's message.
pub fn focusables(driver: &Driver) -> String {
    focusables_in(driver.app.accessible_tree())
}

/// [`focused`] in any window's accessible tree (the greeter's, the setup's).
pub fn focused_in(tree: &Snapshot) -> Option<(String, String)> {
    tree.focused()
        .map(|node| (format!("{:?}", node.info.role), node.info.name.clone()))
}

/// [`focusables`] in any window's accessible tree.
pub fn focusables_in(tree: &Snapshot) -> String {
    tree.nodes
        .iter()
        .filter(|node| node.info.role.is_focusable() && !node.info.disabled)
        .map(|node| {
            format!(
                "  {}{:?} {:?}\n",
                if node.focused { "→ " } else { "  " },
                node.info.role,
                node.info.name
            )
        })
        .collect()
}

/// The events of a chord as the window gets them from the compositor: the modifiers go
/// down, the key is pressed and released, the modifiers go up.
pub fn chord_events(chord: &Chord) -> Vec<Event> {
    let mut modifiers = Modifiers::empty();
    for (name, flag) in [
        ("shift", Modifiers::SHIFT),
        ("ctrl", Modifiers::CTRL),
        ("alt", Modifiers::ALT),
        ("meta", Modifiers::LOGO),
    ] {
        if chord.holds(name) {
            modifiers |= flag;
        }
    }
    let (key, modified_key, text) = key_of(&chord.key, modifiers);
    let physical_key = key::Physical::Unidentified(key::NativeCode::Unidentified);
    vec![
        Event::Keyboard(keyboard::Event::ModifiersChanged(modifiers)),
        Event::Keyboard(keyboard::Event::KeyPressed {
            key: key.clone(),
            modified_key: modified_key.clone(),
            physical_key,
            location: Location::Standard,
            modifiers,
            text: text.map(|text| text.as_str().into()),
            repeat: false,
        }),
        Event::Keyboard(keyboard::Event::KeyReleased {
            key,
            modified_key,
            physical_key,
            location: Location::Standard,
            modifiers,
        }),
        Event::Keyboard(keyboard::Event::ModifiersChanged(Modifiers::empty())),
    ]
}

/// A `qcode`'s key (without and with the modifiers) and the text it types.
fn key_of(qcode: &str, modifiers: Modifiers) -> (Key, Key, Option<String>) {
    let named = |named: key::Named, text: Option<&str>| {
        (
            Key::Named(named),
            Key::Named(named),
            text.map(str::to_owned),
        )
    };
    match qcode {
        "tab" => named(key::Named::Tab, Some("\t")),
        "ret" => named(key::Named::Enter, Some("\r")),
        "esc" => named(key::Named::Escape, Some("\u{1b}")),
        "spc" => named(key::Named::Space, Some(" ")),
        "backspace" => named(key::Named::Backspace, Some("\u{8}")),
        "delete" => named(key::Named::Delete, Some("\u{7f}")),
        "up" => named(key::Named::ArrowUp, None),
        "down" => named(key::Named::ArrowDown, None),
        "left" => named(key::Named::ArrowLeft, None),
        "right" => named(key::Named::ArrowRight, None),
        "home" => named(key::Named::Home, None),
        "end" => named(key::Named::End, None),
        "pgup" => named(key::Named::PageUp, None),
        "pgdn" => named(key::Named::PageDown, None),
        "slash" | "dot" | "minus" | "grave_accent" => {
            // US layout, as the VM's keyboard is: the key's character, and with Shift its other.
            let (plain, shifted) = match qcode {
                "slash" => ('/', '?'),
                "dot" => ('.', '>'),
                "minus" => ('-', '_'),
                _ => ('`', '~'),
            };
            let shown = if modifiers.shift() { shifted } else { plain };
            (
                Key::Character(plain.to_string().into()),
                Key::Character(shown.to_string().into()),
                Some(shown.to_string()),
            )
        }
        single if single.len() == 1 => {
            let c = single.chars().next().unwrap();
            let shown = if modifiers.shift() {
                c.to_ascii_uppercase()
            } else {
                c
            };
            // With Ctrl a letter types its control character, as xkb gives it.
            let text = if modifiers.control() && c.is_ascii_lowercase() {
                char::from(c as u8 & 0x1f)
            } else {
                shown
            };
            (
                Key::Character(c.to_string().into()),
                Key::Character(shown.to_string().into()),
                Some(text.to_string()),
            )
        }
        function if function.starts_with('f') => {
            let n: usize = function[1..].parse().unwrap();
            const F: [key::Named; 12] = [
                key::Named::F1,
                key::Named::F2,
                key::Named::F3,
                key::Named::F4,
                key::Named::F5,
                key::Named::F6,
                key::Named::F7,
                key::Named::F8,
                key::Named::F9,
                key::Named::F10,
                key::Named::F11,
                key::Named::F12,
            ];
            named(F[n - 1], None)
        }
        other => panic!("no key for qcode {other:?}"),
    }
}
