//! Whether Caps Lock is on, worked out from key presses (iced's modifiers do
//! not carry the lock state): a letter typed upper-case without Shift means
//! it is on, lower-case without Shift means off, and Caps Lock toggles it.

use iced::keyboard::{self, Key, key};

/// What the key presses tell about Caps Lock.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CapsLock {
    on: bool,
}

impl CapsLock {
    /// Whether Caps Lock seems to be on.
    pub fn is_on(self) -> bool {
        self.on
    }

    /// Learns from one keyboard event; returns whether the state changed.
    pub fn observe(&mut self, event: &keyboard::Event) -> bool {
        let keyboard::Event::KeyPressed {
            key,
            modifiers,
            text,
            ..
        } = event
        else {
            return false;
        };
        let before = self.on;
        if let Key::Named(key::Named::CapsLock) = key {
            self.on = !self.on;
        } else if let Some(letter) = text.as_deref().and_then(single_cased_letter) {
            let upper = letter.is_uppercase();
            self.on = upper != modifiers.shift();
        }
        before != self.on
    }
}

fn single_cased_letter(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let letter = chars.next()?;
    let cased = letter.is_lowercase() || letter.is_uppercase();
    (chars.next().is_none() && cased).then_some(letter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::keyboard::{Location, Modifiers, key::Physical};

    fn press(key: Key, text: Option<&str>, modifiers: Modifiers) -> keyboard::Event {
        keyboard::Event::KeyPressed {
            key: key.clone(),
            modified_key: key,
            physical_key: Physical::Unidentified(key::NativeCode::Unidentified),
            location: Location::Standard,
            modifiers,
            text: text.map(Into::into),
            repeat: false,
        }
    }

    #[test]
    fn letters_and_the_lock_key_tell_the_state() {
        let mut caps = CapsLock::default();
        assert!(!caps.observe(&press(
            Key::Character("a".into()),
            Some("a"),
            Modifiers::empty()
        )));
        assert!(caps.observe(&press(
            Key::Character("A".into()),
            Some("A"),
            Modifiers::empty()
        )));
        assert!(caps.is_on());
        // Shift with Caps Lock on gives lower case: still on.
        assert!(!caps.observe(&press(
            Key::Character("a".into()),
            Some("a"),
            Modifiers::SHIFT
        )));
        assert!(caps.is_on());
        // Digits say nothing.
        assert!(!caps.observe(&press(
            Key::Character("1".into()),
            Some("1"),
            Modifiers::empty()
        )));
        assert!(caps.observe(&press(
            Key::Named(key::Named::CapsLock),
            None,
            Modifiers::empty()
        )));
        assert!(!caps.is_on());
        assert!(!caps.observe(&press(
            Key::Character("A".into()),
            Some("A"),
            Modifiers::SHIFT
        )));
    }
}
