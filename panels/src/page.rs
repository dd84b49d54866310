//! The page contract every settings panel follows, and the one generic path
//! the shell drives them through.
//!
//! A page is its `State` (which implements [`Page`]), a `Message`, a
//! `Request` (work for a daemon, or other work that must not run on the UI
//! thread: disk, decoding) and a view. [`Page::update`] is pure and returns an
//! [`Outcome`]: at most one [`Request`](Page::Request), run off the UI thread
//! and answered with a message, and at most one UI [`Effect`] (clipboard,
//! focus), done by the window. Tests call `update` directly and run requests
//! with [`PageRequest::run`] against the real daemons.

use std::fmt;
use std::future::Future;
use std::path::PathBuf;

use ferrum_accessibility::Preferences;
use ferrum_services::SystemBus;
use ferrum_services::audio::AudioSession;
use ferrum_services::printers::CupsServer;
use ferrum_ui::Effect;
use ferrum_ui::error_report::{self, ErrorReport};
use iced::{Element, Subscription, Task};

/// What a page's `update` asks for.
#[derive(Debug, Clone, PartialEq)]
#[must_use = "a request or an effect that is dropped never happens"]
pub struct Outcome<R> {
    /// Work to run off the UI thread; its answer comes back as a message.
    pub request: Option<R>,
    /// Something for the window to do.
    pub effect: Option<Effect>,
}

impl<R> Outcome<R> {
    /// Nothing to do.
    pub fn none() -> Self {
        Self {
            request: None,
            effect: None,
        }
    }

    /// Work to run.
    pub fn request(request: R) -> Self {
        Self {
            request: Some(request),
            effect: None,
        }
    }

    /// A UI effect.
    pub fn effect(effect: impl Into<Option<Effect>>) -> Self {
        Self {
            request: None,
            effect: effect.into(),
        }
    }

    /// Work to run, or nothing.
    pub fn maybe(request: Option<R>) -> Self {
        Self {
            request,
            effect: None,
        }
    }

    /// Adds a UI effect.
    pub fn with_effect(mut self, effect: Effect) -> Self {
        self.effect = Some(effect);
        self
    }

    /// Whether there is nothing to do.
    pub fn is_none(&self) -> bool {
        self.request.is_none() && self.effect.is_none()
    }

    /// A page inside a page: maps the inner page's requests.
    pub fn map<S>(self, f: impl FnOnce(R) -> S) -> Outcome<S> {
        Outcome {
            request: self.request.map(f),
            effect: self.effect,
        }
    }
}

impl<R> Default for Outcome<R> {
    fn default() -> Self {
        Self::none()
    }
}

impl<R> From<Option<R>> for Outcome<R> {
    fn from(request: Option<R>) -> Self {
        Self::maybe(request)
    }
}

/// Work a page asks for; it always answers with one of the page's messages.
pub trait PageRequest: fmt::Debug + Send + Sized + 'static {
    /// The page's message.
    type Message: Send + 'static;

    /// Runs the work (on the system bus for daemon calls).
    fn run(self, bus: SystemBus) -> impl Future<Output = Self::Message> + Send;
}

/// What every page is built from.
#[derive(Debug, Clone)]
pub struct Context {
    /// The system bus the pages talk to.
    pub bus: SystemBus,
    /// The accessibility preferences as loaded at start.
    pub preferences: Preferences,
    /// Where the accessibility preferences are saved (`None`: not saved).
    pub preferences_path: Option<PathBuf>,
    /// The session's PipeWire (the Sound page's).
    pub audio: AudioSession,
    /// cupsd (the Printers page's; `CUPS_SERVER`, else localhost:631).
    pub printing: CupsServer,
}

/// A settings page.
pub trait Page: fmt::Debug + Sized {
    /// What happens on the page.
    type Message: Clone + fmt::Debug + Send + 'static;
    /// Work for daemons (and other work off the UI thread).
    type Request: PageRequest<Message = Self::Message>;

    /// A page that has heard nothing yet.
    fn new(context: &Context) -> Self;

    /// The translated title.
    fn title() -> String;

    /// Translated search keywords, separated by `;`.
    fn keywords() -> String;

    /// What showing the page asks for (subscriptions start by themselves).
    fn enter(&mut self) -> Outcome<Self::Request> {
        Outcome::none()
    }

    /// Applies a message. Never blocks: disk, decoding and D-Bus go to requests.
    fn update(&mut self, message: Self::Message) -> Outcome<Self::Request>;

    /// Draws the page.
    fn view(&self) -> Element<'_, Self::Message>;

    /// Live updates; only run while the page is shown.
    fn subscription(&self) -> Subscription<Self::Message> {
        Subscription::none()
    }
}

/// Turns an outcome into the window's task: the request runs as a future whose
/// answer is wrapped into the window's message, the effect as a UI task.
pub fn into_task<R, M>(
    outcome: Outcome<R>,
    bus: &SystemBus,
    wrap: impl Fn(R::Message) -> M + Send + 'static,
) -> Task<M>
where
    R: PageRequest,
    M: Send + 'static,
{
    let request = match outcome.request {
        Some(request) => Task::perform(request.run(bus.clone()), wrap),
        None => Task::none(),
    };
    match outcome.effect {
        Some(effect) => Task::batch([request, effect.into_task()]),
        None => request,
    }
}

/// A message of the page's error report: the report follows it ("Dismiss" closes it) and
/// "Copy details" becomes the window's effect.
pub fn report<R>(error: &mut Option<ErrorReport>, message: error_report::Message) -> Outcome<R> {
    Outcome::effect(error_report::update(error, message))
}

/// One change at a time: a page that is waiting for a daemon's answer to one change
/// (`pending`) asks for nothing more; otherwise the old error report goes, the change
/// becomes the pending one and its request is asked for. The page clears `pending` when
/// the answer (or the daemon's own news) comes.
pub fn ask_once<C, R>(
    pending: &mut Option<C>,
    error: &mut Option<ErrorReport>,
    change: C,
    request: R,
) -> Outcome<R> {
    if pending.is_some() {
        return Outcome::none();
    }
    *error = None;
    *pending = Some(change);
    Outcome::request(request)
}

/// The other half of [`ask_once`]: whether an answer is for the pending change (then it
/// is no longer pending). An answer for another change (a late one) is ignored.
pub fn answered<C: PartialEq>(pending: &mut Option<C>, change: &C) -> bool {
    if pending.as_ref() != Some(change) {
        return false;
    }
    *pending = None;
    true
}

/// Declares a page's subscription key: a tuple struct of what its stream needs (the bus,
/// and more), hashed together with `tag` (the page's own name), so two pages (or two
/// streams of one page) that watch the same bus never share one subscription.
///
/// ```ignore
/// subscription_key! {
///     /// The key of the page's subscription: the bus and the caller.
///     Watch(bus: SystemBus, caller: u32) = "users"
/// }
/// ```
macro_rules! subscription_key {
    ($(#[$meta:meta])* $name:ident($($field:ident: $type:ty),+ $(,)?) = $tag:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name($(pub $type),+);

        impl ::std::hash::Hash for $name {
            fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
                let $name($($field),+) = self;
                ::std::hash::Hash::hash($tag, state);
                $(::std::hash::Hash::hash($field, state);)+
            }
        }
    };
}
pub(crate) use subscription_key;
