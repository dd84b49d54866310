//! Typing in the chosen keyboard layout at once, before any session exists.
//!
//! The compositor the greeter runs in (cage) keeps the keymap it started
//! with; the login screen cannot change it. So when a person picks another
//! layout, the answer field reads the *physical* keys and turns them into
//! characters with an xkb keymap of that layout (libxkbcommon, the same data
//! the session will use). The chosen layout is also passed to the session as
//! `XKB_DEFAULT_LAYOUT`.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use iced::advanced::layout::{self, Layout};
use iced::advanced::widget::{Operation, Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget, overlay, renderer};
use iced::keyboard::{self, key::Code, key::Physical};
use iced::{Element, Event, Length, Rectangle, Size, Theme, Vector, mouse};
use xkbcommon::xkb;

/// What the character keys type in one layout: computed once from the xkb
/// keymap (off the UI thread, see [`LayoutKeys::new`]), then only looked up.
/// Plain data, so it can travel in a message; cheap to clone.
#[derive(Clone)]
pub struct LayoutKeys {
    layout: String,
    table: Option<Arc<HashMap<(u32, Levels), String>>>,
}

impl fmt::Debug for LayoutKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LayoutKeys")
            .field("layout", &self.layout)
            .field("compiled", &self.table.is_some())
            .finish()
    }
}

/// Which modifiers are held or locked when a key is pressed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Levels {
    /// Shift held.
    pub shift: bool,
    /// Caps Lock on.
    pub caps_lock: bool,
    /// AltGr (the right Alt key) held: the third level (`@` on German `Q`).
    pub alt_gr: bool,
}

impl LayoutKeys {
    /// Compiles the xkb keymap of `layout` (e.g. `de`, `fr`) and reads what
    /// every character key types at every level. Blocking (a few
    /// milliseconds of file reads and parsing): the greeter calls it inside
    /// `spawn_blocking`. A layout xkb does not know gives no table, and keys
    /// then type what the compositor says.
    pub fn new(layout: &str) -> Self {
        let context = xkb::Context::new(xkb::CONTEXT_NO_FLAGS);
        let keymap = xkb::Keymap::new_from_names(
            &context,
            "evdev",
            "pc105",
            layout,
            "",
            None,
            xkb::KEYMAP_COMPILE_NO_FLAGS,
        );
        let Some(keymap) = keymap else {
            tracing::warn!(layout, "xkb could not compile this layout");
            return Self::uncompiled(layout);
        };
        let mut table = HashMap::new();
        for code in EVDEV_CODES {
            for bits in 0u8..8 {
                let levels = Levels {
                    shift: bits & 1 != 0,
                    caps_lock: bits & 2 != 0,
                    alt_gr: bits & 4 != 0,
                };
                if let Some(typed) = type_key(&keymap, code, levels) {
                    table.insert((code, levels), typed);
                }
            }
        }
        Self {
            layout: layout.to_owned(),
            table: Some(Arc::new(table)),
        }
    }

    /// A layout whose keymap is not compiled (the compositor already types
    /// it, or it is still being compiled); keys then type what the compositor says.
    pub fn uncompiled(layout: &str) -> Self {
        Self {
            layout: layout.to_owned(),
            table: None,
        }
    }

    /// Whether a keymap was compiled.
    pub fn is_compiled(&self) -> bool {
        self.table.is_some()
    }

    /// The layout's xkb name.
    pub fn layout(&self) -> &str {
        &self.layout
    }

    /// The character a physical key types in this layout, or `None` when the
    /// key types nothing (or the keymap is missing).
    pub fn character(&self, code: Code, levels: Levels) -> Option<String> {
        self.table
            .as_ref()?
            .get(&(evdev_code(code)?, levels))
            .cloned()
    }
}

/// What `code` types in `keymap` at `levels`.
fn type_key(keymap: &xkb::Keymap, code: u32, levels: Levels) -> Option<String> {
    let keycode = xkb::Keycode::new(code + 8);
    let mut state = xkb::State::new(keymap);
    let bit = |name: &str| {
        let index = keymap.mod_get_index(name);
        if index == xkb::MOD_INVALID {
            0
        } else {
            1u32 << index
        }
    };
    let mut depressed = 0;
    if levels.shift {
        depressed |= bit(xkb::MOD_NAME_SHIFT);
    }
    if levels.alt_gr {
        // ISO_Level3_Shift is bound to Mod5 by xkeyboard-config.
        depressed |= bit("Mod5");
    }
    let locked = if levels.caps_lock {
        bit(xkb::MOD_NAME_CAPS)
    } else {
        0
    };
    state.update_mask(depressed, 0, locked, 0, 0, 0);
    let typed = state.key_get_utf8(keycode);
    (!typed.is_empty() && !typed.chars().any(char::is_control)).then_some(typed)
}

/// The evdev codes [`evdev_code`] knows.
const EVDEV_CODES: [u32; 49] = [
    2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31,
    32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 57, 86,
];

/// The Linux evdev code of the keys that type characters.
fn evdev_code(code: Code) -> Option<u32> {
    use Code::*;
    Some(match code {
        Digit1 => 2,
        Digit2 => 3,
        Digit3 => 4,
        Digit4 => 5,
        Digit5 => 6,
        Digit6 => 7,
        Digit7 => 8,
        Digit8 => 9,
        Digit9 => 10,
        Digit0 => 11,
        Minus => 12,
        Equal => 13,
        KeyQ => 16,
        KeyW => 17,
        KeyE => 18,
        KeyR => 19,
        KeyT => 20,
        KeyY => 21,
        KeyU => 22,
        KeyI => 23,
        KeyO => 24,
        KeyP => 25,
        BracketLeft => 26,
        BracketRight => 27,
        KeyA => 30,
        KeyS => 31,
        KeyD => 32,
        KeyF => 33,
        KeyG => 34,
        KeyH => 35,
        KeyJ => 36,
        KeyK => 37,
        KeyL => 38,
        Semicolon => 39,
        Quote => 40,
        Backquote => 41,
        Backslash => 43,
        KeyZ => 44,
        KeyX => 45,
        KeyC => 46,
        KeyV => 47,
        KeyB => 48,
        KeyN => 49,
        KeyM => 50,
        Comma => 51,
        Period => 52,
        Slash => 53,
        Space => 57,
        IntlBackslash => 86,
        _ => return None,
    })
}

/// Wraps a text field so that what a key types follows `keys` (the chosen
/// layout) rather than the compositor's keymap.
#[allow(missing_debug_implementations)]
pub struct InLayout<'a, Message> {
    content: Element<'a, Message>,
    keys: Option<&'a LayoutKeys>,
    caps_lock: bool,
}

impl<'a, Message> InLayout<'a, Message> {
    /// `content` types in `keys`' layout (in the compositor's while `keys`
    /// is `None`: the field is always wrapped, so a keymap arriving later
    /// does not change the widget tree and the field keeps its focus);
    /// `caps_lock` is the lock state known so far.
    pub fn new(
        content: impl Into<Element<'a, Message>>,
        keys: Option<&'a LayoutKeys>,
        caps_lock: bool,
    ) -> Self {
        Self {
            content: content.into(),
            keys,
            caps_lock,
        }
    }

    /// The event the field should see: a key press carrying the chosen
    /// layout's character instead of the compositor's.
    fn translate(&self, event: &Event, alt_gr: bool) -> Option<Event> {
        let Event::Keyboard(keyboard::Event::KeyPressed {
            physical_key: Physical::Code(code),
            modifiers,
            location,
            repeat,
            text: Some(_),
            ..
        }) = event
        else {
            return None;
        };
        if modifiers.control() || modifiers.logo() {
            return None;
        }
        let levels = Levels {
            shift: modifiers.shift(),
            caps_lock: self.caps_lock,
            alt_gr,
        };
        let typed = self.keys?.character(*code, levels)?;
        let key = keyboard::Key::Character(typed.as_str().into());
        Some(Event::Keyboard(keyboard::Event::KeyPressed {
            key: key.clone(),
            modified_key: key,
            physical_key: Physical::Code(*code),
            location: *location,
            // AltGr is a level, not a shortcut modifier, for the field.
            modifiers: if alt_gr {
                modifiers.difference(keyboard::Modifiers::ALT)
            } else {
                *modifiers
            },
            text: Some(typed.into()),
            repeat: *repeat,
        }))
    }
}

/// Whether the right Alt (AltGr) key is held.
#[derive(Debug, Default)]
struct State {
    alt_gr: bool,
}

impl<'a, Message: 'a> Widget<Message, Theme, iced::Renderer> for InLayout<'a, Message> {
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::default())
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        self.content
            .as_widget_mut()
            .operate(&mut tree.children[0], layout, renderer, operation);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        let state = tree.state.downcast_mut::<State>();
        match event {
            Event::Keyboard(keyboard::Event::KeyPressed {
                physical_key: Physical::Code(Code::AltRight),
                ..
            }) => state.alt_gr = true,
            Event::Keyboard(keyboard::Event::KeyReleased {
                physical_key: Physical::Code(Code::AltRight),
                ..
            }) => state.alt_gr = false,
            _ => {}
        }
        let translated = self.translate(event, state.alt_gr);
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            translated.as_ref().unwrap_or(event),
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        self.content.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        )
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &iced::Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, Message, Theme, iced::Renderer>> {
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            layout,
            renderer,
            viewport,
            translation,
        )
    }
}

impl<'a, Message: 'a> From<InLayout<'a, Message>> for Element<'a, Message> {
    fn from(widget: InLayout<'a, Message>) -> Self {
        Element::new(widget)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_type_the_chosen_layout() {
        let plain = Levels::default();
        let shift = Levels {
            shift: true,
            ..Levels::default()
        };
        let german = LayoutKeys::new("de");
        assert_eq!(german.character(Code::KeyY, plain).as_deref(), Some("z"));
        assert_eq!(german.character(Code::KeyZ, plain).as_deref(), Some("y"));
        assert_eq!(
            german.character(Code::Semicolon, plain).as_deref(),
            Some("ö")
        );
        assert_eq!(german.character(Code::Digit2, shift).as_deref(), Some("\""));
        let alt_gr = Levels {
            alt_gr: true,
            ..Levels::default()
        };
        assert_eq!(german.character(Code::KeyQ, alt_gr).as_deref(), Some("@"));
        let caps = Levels {
            caps_lock: true,
            ..Levels::default()
        };
        assert_eq!(german.character(Code::KeyA, caps).as_deref(), Some("A"));

        let french = LayoutKeys::new("fr");
        assert_eq!(french.character(Code::KeyQ, plain).as_deref(), Some("a"));
        assert_eq!(french.character(Code::Digit1, plain).as_deref(), Some("&"));

        let us = LayoutKeys::new("us");
        assert_eq!(us.character(Code::KeyY, plain).as_deref(), Some("y"));
        assert_eq!(us.character(Code::Enter, plain), None);
    }

    #[test]
    fn an_unknown_layout_types_nothing_itself() {
        let keys = LayoutKeys::new("no-such-layout-xx");
        assert_eq!(keys.character(Code::KeyA, Levels::default()), None);
    }
}
