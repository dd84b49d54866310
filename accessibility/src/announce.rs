//! What self-voicing says when focus lands on a control or its state changes.
//!
//! The words for roles and states are passed in already translated, so this
//! crate stays free of the catalogue; a secret field is announced by its
//! length only.

use crate::node::{AccessibleInfo, Role};
use crate::tree::Snapshot;

/// Translated words used in announcements.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Role names ("button", "radio button", …), by role.
    pub role: fn(Role) -> String,
    /// "selected" / "checked" style states: (on, off) for toggles.
    pub checked: (String, String),
    /// "selected".
    pub selected: String,
    /// "unavailable" for disabled controls.
    pub disabled: String,
    /// "{n} characters" for a secret field.
    pub characters: fn(usize) -> String,
}

/// The alerts of `after` that were not in `before` (new, or with new words),
/// in reading order: what must be heard as soon as it appears.
pub fn new_alerts<'a>(before: &Snapshot, after: &'a Snapshot) -> Vec<&'a str> {
    after
        .nodes
        .iter()
        .filter(|node| node.info.role == Role::Alert && !node.info.name.trim().is_empty())
        .filter(|node| {
            !before.nodes.iter().any(|old| {
                old.info.role == Role::Alert
                    && old.key == node.key
                    && old.info.name == node.info.name
            })
        })
        .map(|node| node.info.name.as_str())
        .collect()
}

/// The sentence to speak for a control: "Performance, radio button, selected".
pub fn utterance(info: &AccessibleInfo, words: &Vocabulary) -> String {
    let mut parts = vec![info.name.clone(), (words.role)(info.role)];
    if let Some(length) = info.secret_length {
        // IMPORTANT: only the number of characters, never the characters.
        parts.push((words.characters)(length));
    } else if let Some(value) = &info.value
        && !value.is_empty()
    {
        parts.push(value.clone());
    }
    if let Some(checked) = info.checked {
        parts.push(if checked {
            words.checked.0.clone()
        } else {
            words.checked.1.clone()
        });
    }
    if info.selected == Some(true) {
        parts.push(words.selected.clone());
    }
    if info.disabled {
        parts.push(words.disabled.clone());
    }
    parts.retain(|part| !part.is_empty());
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alert(key: u64, text: &str) -> crate::tree::SnapshotNode {
        crate::tree::SnapshotNode {
            key,
            id: None,
            info: AccessibleInfo::new(Role::Alert, text),
            bounds: iced::Rectangle::new(iced::Point::ORIGIN, iced::Size::new(10.0, 10.0)),
            focused: false,
            activatable: false,
        }
    }

    #[test]
    fn only_new_or_changed_alerts_are_announced() {
        let none = Snapshot::default();
        let refused = Snapshot {
            nodes: vec![alert(1, "That did not work. Try again.")],
        };
        assert_eq!(
            new_alerts(&none, &refused),
            vec!["That did not work. Try again."]
        );
        assert!(new_alerts(&refused, &refused).is_empty(), "said once");
        let again = Snapshot {
            nodes: vec![alert(1, "The account is locked.")],
        };
        assert_eq!(new_alerts(&refused, &again), vec!["The account is locked."]);
        assert!(new_alerts(&refused, &none).is_empty());
    }

    fn words() -> Vocabulary {
        Vocabulary {
            role: |role| match role {
                Role::RadioButton => "radio button".into(),
                Role::PasswordInput => "password".into(),
                _ => "control".into(),
            },
            checked: ("selected".into(), "not selected".into()),
            selected: "current".into(),
            disabled: "unavailable".into(),
            characters: |n| format!("{n} characters"),
        }
    }

    #[test]
    fn radio_buttons_say_their_state() {
        let info = AccessibleInfo::new(Role::RadioButton, "Performance").checked(false);
        assert_eq!(
            utterance(&info, &words()),
            "Performance, radio button, not selected"
        );
    }

    #[test]
    fn secret_fields_say_only_their_length() {
        let mut info = AccessibleInfo::new(Role::TextInput, "Password").value("hunter2");
        info = info.secret(7);
        let spoken = utterance(&info, &words());
        assert_eq!(spoken, "Password, password, 7 characters");
        assert!(!spoken.contains("hunter"));
    }
}
