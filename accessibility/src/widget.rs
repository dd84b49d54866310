//! The accessible wrapper: makes any control keyboard-focusable, activatable
//! with Enter/Space, drawn with a focus ring, and described to assistive
//! technology.
//!
//! iced 0.14 gives keyboard focus only to text inputs and exposes nothing to
//! AT-SPI. [`Accessible`] wraps a control (usually a button) and
//! - reports itself `focusable` in `operate`, so iced's `focus_next` /
//!   `focus_previous` (Tab / Shift+Tab) visit it alongside text inputs;
//! - publishes its activation message on Enter or Space while focused;
//! - draws a focus ring in the theme's strong primary colour;
//! - hands a [`Probe`] to every custom operation, through which the tree
//!   collector reads its role, name, state and bounds, and through which the
//!   screen reader's "click" and "focus" actions come back as the same message a
//!   pointer would send.

use std::any::Any;

use iced::advanced::layout::{self, Layout};
use iced::advanced::widget::operation::Focusable;
use iced::advanced::widget::{self, Operation, Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget, mouse, overlay, renderer};
use iced::keyboard::{self, key};
use iced::{Border, Color, Element, Event, Length, Rectangle, Size, Theme, Vector};

use crate::node::AccessibleInfo;

/// Focus and pending-action state of one accessible control.
#[derive(Debug, Default, Clone, Copy)]
struct State {
    focused: bool,
    activation_requested: bool,
}

impl Focusable for State {
    fn is_focused(&self) -> bool {
        self.focused
    }

    fn focus(&mut self) {
        self.focused = true;
    }

    fn unfocus(&mut self) {
        self.focused = false;
    }
}

/// What an accessible control shows a custom operation: read its description,
/// and ask it to take focus or to activate.
#[derive(Debug, Clone)]
pub struct Probe {
    /// The control's id.
    pub id: widget::Id,
    /// The control's description.
    pub info: AccessibleInfo,
    /// Whether it has keyboard focus.
    pub focused: bool,
    /// Whether it can be activated.
    pub activatable: bool,
    /// Set by an operation to move keyboard focus here.
    pub request_focus: bool,
    /// Set by an operation to activate the control (at the next frame).
    pub request_activation: bool,
}

/// A control described to assistive technology and reachable by keyboard.
#[allow(missing_debug_implementations)]
pub struct Accessible<'a, Message> {
    id: widget::Id,
    info: AccessibleInfo,
    content: Element<'a, Message>,
    on_activate: Option<Message>,
    on_adjust: Option<(Message, Message)>,
}

impl<'a, Message: Clone + 'a> Accessible<'a, Message> {
    /// Wraps `content` with a stable id and a description.
    pub fn new(
        id: impl Into<widget::Id>,
        info: AccessibleInfo,
        content: impl Into<Element<'a, Message>>,
    ) -> Self {
        Self {
            id: id.into(),
            info,
            content: content.into(),
            on_activate: None,
            on_adjust: None,
        }
    }

    /// The message Enter, Space or a screen reader's "click" sends.
    pub fn on_activate(mut self, message: Message) -> Self {
        if !self.info.disabled {
            self.on_activate = Some(message);
        }
        self
    }

    /// The messages the arrow keys send while focused: (less, more). For
    /// sliders: Left/Down lower the value, Right/Up raise it.
    pub fn on_adjust(mut self, less: Message, more: Message) -> Self {
        if !self.info.disabled {
            self.on_adjust = Some((less, more));
        }
        self
    }

    /// Whether the wrapper itself is a Tab stop. A wrapped text input is
    /// focused through the input inside, so the wrapper is not one too.
    fn focusable(&self) -> bool {
        self.info.role.is_focusable()
            && !self.info.disabled
            && !matches!(
                self.info.role,
                crate::node::Role::TextInput | crate::node::Role::PasswordInput
            )
    }
}

impl<'a, Message: Clone + 'a> Widget<Message, Theme, iced::Renderer> for Accessible<'a, Message> {
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
        let bounds = layout.bounds();
        let state = tree.state.downcast_mut::<State>();
        if self.focusable() {
            operation.focusable(Some(&self.id), bounds, state);
        } else {
            state.focused = false;
        }
        let mut probe = Probe {
            id: self.id.clone(),
            info: self.info.clone(),
            focused: state.focused,
            activatable: self.on_activate.is_some(),
            request_focus: false,
            request_activation: false,
        };
        operation.custom(Some(&self.id), bounds, &mut probe as &mut dyn Any);
        if probe.request_focus && self.focusable() {
            state.focused = true;
        }
        if probe.request_activation && self.on_activate.is_some() {
            state.activation_requested = true;
        }
        operation.traverse(&mut |operation| {
            self.content.as_widget_mut().operate(
                &mut tree.children[0],
                layout,
                renderer,
                operation,
            );
        });
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
        if state.activation_requested {
            state.activation_requested = false;
            if let Some(message) = &self.on_activate {
                shell.publish(message.clone());
            }
        }
        if state.focused
            && let Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) = event
            && !modifiers.control()
            && !modifiers.alt()
            && matches!(
                key.as_ref(),
                keyboard::Key::Named(key::Named::Enter | key::Named::Space)
            )
            && self.info.role.activates()
            && let Some(message) = &self.on_activate
        {
            shell.publish(message.clone());
            shell.capture_event();
            return;
        }
        if state.focused
            && let Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) = event
            && modifiers.is_empty()
            && let Some((less, more)) = &self.on_adjust
        {
            let message = match key.as_ref() {
                keyboard::Key::Named(key::Named::ArrowLeft | key::Named::ArrowDown) => Some(less),
                keyboard::Key::Named(key::Named::ArrowRight | key::Named::ArrowUp) => Some(more),
                _ => None,
            };
            if let Some(message) = message {
                shell.publish(message.clone());
                shell.capture_event();
                return;
            }
        }
        // A click moves keyboard focus here too, as in GTK and Qt.
        if let Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left)) = event {
            let inside = cursor.is_over(layout.bounds());
            if inside && self.focusable() && !state.focused {
                state.focused = true;
                shell.request_redraw();
            } else if !inside && state.focused {
                state.focused = false;
                shell.request_redraw();
            }
        }
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
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
        if tree.state.downcast_ref::<State>().focused {
            draw_focus_ring(renderer, theme, layout.bounds());
        }
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

/// The colour of the focus ring in a theme: the strong primary colour, which
/// every built-in palette keeps in contrast with its background.
pub fn focus_ring_color(theme: &Theme) -> Color {
    theme.extended_palette().primary.strong.color
}

fn draw_focus_ring(renderer: &mut iced::Renderer, theme: &Theme, bounds: Rectangle) {
    use iced::advanced::Renderer as _;
    let ring = Rectangle {
        x: bounds.x - 2.0,
        y: bounds.y - 2.0,
        width: bounds.width + 4.0,
        height: bounds.height + 4.0,
    };
    renderer.fill_quad(
        renderer::Quad {
            bounds: ring,
            border: Border {
                color: focus_ring_color(theme),
                width: 2.5,
                radius: 6.0.into(),
            },
            ..renderer::Quad::default()
        },
        Color::TRANSPARENT,
    );
}

impl<'a, Message: Clone + 'a> From<Accessible<'a, Message>> for Element<'a, Message> {
    fn from(widget: Accessible<'a, Message>) -> Self {
        Element::new(widget)
    }
}
