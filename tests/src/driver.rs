//! A headless driver of the whole settings window: keyboard events go to the
//! widgets exactly as the iced runtime delivers them, uncaptured presses go
//! through the app's own shortcut mapping (what its keyboard subscription
//! does), and every task `update` returns is run — widget operations (focus
//! moves, the accessible-tree read, screen-reader actions) against the live
//! widget tree, futures (daemon calls) on the tokio runtime — with their
//! messages fed back. No display needed; the widget state (focus!) persists
//! between steps as it does in the real window.

use futures::StreamExt;
use iced::advanced::clipboard;
use iced::advanced::renderer::Headless;
use iced::advanced::widget::operation::Outcome;
use iced::keyboard;
use iced::keyboard::key;
use iced::{Event, Size, Task, mouse};
use iced_test::runtime::user_interface::{Cache, UserInterface};
use iced_test::runtime::{Action, task};

/// A window the driver can run: the settings app or the greeter (update, view
/// and theme come from the window contract both implement).
pub trait Drivable: ferrum_ui::window::App {
    /// What the window's event subscriptions make of a keyboard event
    /// (`captured`: a widget already took it).
    fn keyboard(event: keyboard::Event, captured: bool) -> Vec<Self::Message>;
}

impl Drivable for ferrum_settings::App {
    fn keyboard(event: keyboard::Event, captured: bool) -> Vec<Self::Message> {
        if captured {
            return Vec::new();
        }
        ferrum_settings::app::shortcut(event).into_iter().collect()
    }
}

impl Drivable for ferrum_greeter::Greeter {
    fn keyboard(event: keyboard::Event, captured: bool) -> Vec<Self::Message> {
        let mut messages: Vec<Self::Message> =
            ferrum_greeter::app::key_event(&event).into_iter().collect();
        if !captured {
            messages.extend(ferrum_greeter::app::shortcut(event));
        }
        messages
    }
}

impl Drivable for ferrum_greeter::setup::Setup {
    fn keyboard(event: keyboard::Event, captured: bool) -> Vec<Self::Message> {
        let mut messages: Vec<Self::Message> = ferrum_greeter::setup::key_event(&event)
            .into_iter()
            .collect();
        if !captured {
            messages.extend(ferrum_greeter::setup::shortcut(event));
        }
        messages
    }
}

/// Drives a window (by default the settings app) like the runtime does.
#[allow(missing_debug_implementations)]
pub struct Driver<A: Drivable = ferrum_settings::App> {
    /// The app.
    pub app: A,
    renderer: iced::Renderer,
    cache: Option<Cache>,
    size: Size,
    /// Tasks started by [`Self::deliver_in_background`], not yet at their end.
    background: Vec<iced_test::futures::BoxStream<Action<A::Message>>>,
}

impl<A: Drivable> Driver<A> {
    /// A driver for `app` in a window of `size` logical pixels.
    #[expect(
        clippy::expect_used,
        reason = "test harness: without a renderer there is no test"
    )]
    pub fn new(app: A, size: Size) -> Self {
        let renderer = futures::executor::block_on(<iced::Renderer as Headless>::new(
            ferrum_ui::theme::DEFAULT_FONT,
            iced::Pixels(16.0),
            Some("tiny-skia"),
        ))
        .expect("a headless tiny-skia renderer");
        Self {
            app,
            renderer,
            cache: Some(Cache::default()),
            size,
            background: Vec::new(),
        }
    }

    fn with_ui<R>(
        &mut self,
        f: impl FnOnce(
            &mut UserInterface<'_, A::Message, iced::Theme, iced::Renderer>,
            &mut iced::Renderer,
        ) -> R,
    ) -> R {
        let cache = self.cache.take().unwrap_or_default();
        let mut ui = UserInterface::build(self.app.view(), self.size, cache, &mut self.renderer);
        let result = f(&mut ui, &mut self.renderer);
        self.cache = Some(ui.into_cache());
        result
    }

    /// Presses and releases a key, as a keyboard would.
    pub async fn tap(&mut self, named: key::Named) {
        let events: Vec<Event> = iced_test::simulator::tap_key(named, None).collect();
        self.deliver(events).await;
    }

    /// Types text, key by key.
    pub async fn type_text(&mut self, text: &str) {
        let events: Vec<Event> = iced_test::simulator::typewrite(text).collect();
        self.deliver(events).await;
    }

    /// Delivers input events to the widgets and the window's subscriptions.
    pub async fn deliver(&mut self, events: Vec<Event>) {
        for message in self.messages_of(events) {
            self.dispatch(message).await;
        }
        // The runtime redraws after updates; widgets act on pending requests then.
        self.redraw().await;
    }

    /// Like [`Self::deliver`], but the tasks the events' messages return keep running in
    /// the background instead of being awaited to their end: for a call that waits on
    /// something the test must bring about through the window meanwhile (polkit waits for
    /// the app's own authentication dialog). [`Self::run_background`] moves them on.
    pub async fn deliver_in_background(&mut self, events: Vec<Event>) {
        for message in self.messages_of(events) {
            let task = self.app.update(message);
            if let Some(stream) = task::into_stream(task) {
                self.background.push(stream);
            }
        }
        self.redraw().await;
    }

    /// Runs what the background tasks have ready, each for up to `wait`, dispatching their
    /// messages (whose own tasks run to the end) and dropping the tasks that ended; returns
    /// how many still run.
    pub async fn run_background(&mut self, wait: std::time::Duration) -> usize {
        let mut streams = std::mem::take(&mut self.background);
        let mut running = Vec::new();
        for mut stream in streams.drain(..) {
            let mut ended = false;
            loop {
                match tokio::time::timeout(wait, stream.next()).await {
                    Ok(Some(Action::Output(message))) => self.dispatch(message).await,
                    Ok(Some(Action::Widget(operation))) => self.operate(operation),
                    Ok(Some(_)) => {}
                    Ok(None) => {
                        ended = true;
                        break;
                    }
                    Err(_) => break,
                }
            }
            if !ended {
                running.push(stream);
            }
        }
        running.append(&mut self.background);
        self.background = running;
        self.background.len()
    }

    /// The messages input events make: the widgets' and the window's keyboard handling's.
    fn messages_of(&mut self, events: Vec<Event>) -> Vec<A::Message> {
        let mut messages = Vec::new();
        let statuses = self.with_ui(|ui, renderer| {
            let (_, statuses) = ui.update(
                &events,
                mouse::Cursor::Unavailable,
                renderer,
                &mut clipboard::Null,
                &mut messages,
            );
            statuses
        });
        for (event, status) in events.into_iter().zip(statuses) {
            if let Event::Keyboard(keyboard_event) = event {
                let captured = status == iced::event::Status::Captured;
                messages.extend(A::keyboard(keyboard_event, captured));
            }
        }
        messages
    }

    /// Delivers a frame (RedrawRequested) and runs what it produces.
    pub async fn redraw(&mut self) {
        let event = Event::Window(iced::window::Event::RedrawRequested(
            std::time::Instant::now(),
        ));
        let mut messages = Vec::new();
        self.with_ui(|ui, renderer| {
            let _ = ui.update(
                &[event],
                mouse::Cursor::Unavailable,
                renderer,
                &mut clipboard::Null,
                &mut messages,
            );
        });
        for message in messages {
            self.dispatch(message).await;
        }
    }

    /// Sends a message to the app and runs the tasks it returns, to the end.
    pub async fn dispatch(&mut self, message: A::Message) {
        // In order of arrival, as the runtime delivers them.
        let mut pending = std::collections::VecDeque::from([message]);
        while let Some(message) = pending.pop_front() {
            let task = self.app.update(message);
            pending.extend(self.run(task).await);
        }
    }

    /// Runs a task (e.g. the one `new` returns) and dispatches its messages.
    pub async fn start(&mut self, task: Task<A::Message>) {
        for message in self.run(task).await {
            self.dispatch(message).await;
        }
    }

    async fn run(&mut self, task: Task<A::Message>) -> Vec<A::Message> {
        let mut outputs = Vec::new();
        let Some(mut stream) = task::into_stream(task) else {
            return outputs;
        };
        while let Some(action) = stream.next().await {
            match action {
                Action::Output(message) => outputs.push(message),
                Action::Widget(operation) => self.operate(operation),
                _ => {}
            }
        }
        outputs
    }

    /// Runs a widget operation against the live widget tree, with what it chains.
    fn operate(&mut self, mut operation: Box<dyn iced::advanced::widget::Operation + Send>) {
        self.with_ui(|ui, renderer| {
            loop {
                ui.operate(renderer, operation.as_mut());
                match operation.finish() {
                    Outcome::Chain(next) => operation = next,
                    _ => break,
                }
            }
        });
    }

    /// Renders the window (tiny-skia, scale 2) to RGBA bytes.
    pub fn screenshot(&mut self) -> (Size<u32>, Vec<u8>) {
        let theme = self.app.theme();
        let scale = 2.0;
        let physical = Size::new(
            (self.size.width * scale) as u32,
            (self.size.height * scale) as u32,
        );
        self.with_ui(|ui, renderer| {
            // Widgets settle their look (hover, pressed…) on a frame event, as in the runtime.
            let mut ignored = Vec::new();
            let _ = ui.update(
                &[Event::Window(iced::window::Event::RedrawRequested(
                    std::time::Instant::now(),
                ))],
                mouse::Cursor::Unavailable,
                renderer,
                &mut clipboard::Null,
                &mut ignored,
            );
            let palette = theme.extended_palette();
            ui.draw(
                renderer,
                &theme,
                &iced::advanced::renderer::Style {
                    text_color: palette.background.base.text,
                },
                mouse::Cursor::Unavailable,
            );
            let rgba = renderer.screenshot(physical, scale, palette.background.base.color);
            (physical, rgba)
        })
    }
}
