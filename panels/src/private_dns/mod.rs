//! The Private DNS page: which resolver answers (the network's, a public
//! provider, or custom servers), DNS-over-TLS and DNSSEC, mDNS and LLMNR,
//! applied through NetworkManager's connection profiles; live resolver status
//! from systemd-resolved; and a Test that resolves a name and tells whether
//! the answer came encrypted.

mod form;
#[cfg(test)]
mod tests;
mod view;

use std::time::Duration;

use ferrum_i18n::fl;
use ferrum_services::dns::{
    self, Applied, DnsError, Lookup, LookupError, PendingRestore, PrivateDns, ResolverStatus,
};
use ferrum_services::network_status::{self, Connectivity, NetworkError, NetworkStatus};
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;
use futures::StreamExt;
use iced::{Element, Subscription};

use crate::page::{Context, Outcome, Page, PageRequest};

pub use form::{Form, FormError, ModeChoice};

/// The name the Test button resolves unless the user types another.
pub const DEFAULT_TEST_NAME: &str = "example.com";

/// The test lookup's progress.
#[derive(Debug, Clone, PartialEq)]
pub enum TestState {
    /// Not run yet.
    Idle,
    /// Waiting for resolved.
    Running,
    /// The answer.
    Done(Lookup),
    /// Why there is none.
    Failed(LookupError),
}

/// The old settings of profiles an apply saved before it failed, which NetworkManager was
/// not there to take back ([`DnsError::RestorePending`]): the page puts them back
/// ([`Request::Restore`]) as soon as NetworkManager is running again, however long that
/// takes, and until then sends no other apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restoring {
    /// The old settings.
    pub pending: PendingRestore,
    /// The apply's error (the reports' detail).
    pub error: DnsError,
    /// Whether a [`Request::Restore`] is under way.
    pub running: bool,
    /// NetworkManager was reported running while that request was under way: if it fails
    /// for NetworkManager's absence, it is sent again at once rather than at the next news.
    pub again: bool,
}

impl Restoring {
    /// NetworkManager is reported running: the restore request, unless one is under way.
    fn on_network_back(&mut self) -> Option<Request> {
        if self.running {
            self.again = true;
            None
        } else {
            self.running = true;
            self.again = false;
            Some(Request::Restore(self.pending.clone()))
        }
    }
}

/// The page's state.
#[derive(Debug, Clone)]
pub struct State {
    bus: SystemBus,
    /// The form as the user left it.
    pub form: Form,
    /// The settings in force, as NetworkManager reports them.
    pub in_force: ServiceStatus<PrivateDns, DnsError>,
    /// systemd-resolved's view.
    pub resolver: ServiceStatus<ResolverStatus, DnsError>,
    /// Whether an apply is under way.
    pub applying: bool,
    /// What the last apply changed.
    pub applied: Option<Applied>,
    /// Why the form cannot be applied (shown next to the field; nothing was sent).
    pub form_error: Option<FormError>,
    /// The last failure of an apply.
    pub error: Option<ErrorReport>,
    /// When that failure was a daemon not running ([`DnsError::is_absence`]): which, so the
    /// sentence goes away by itself when the daemon is back.
    absent: Option<DnsError>,
    /// The name to test.
    pub test_name: String,
    /// The test lookup.
    pub test: TestState,
    /// NetworkManager says the network wants a sign-in (captive portal).
    pub portal: bool,
    /// While signing in to a portal: the strict settings to restore afterwards.
    pub portal_exception: Option<PrivateDns>,
    /// Old settings waiting for NetworkManager to be put back (an interrupted apply).
    pub restoring: Option<Restoring>,
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The settings in force were read.
    Loaded(Result<PrivateDns, DnsError>),
    /// systemd-resolved changed, appeared or went away.
    Resolver(ServiceUpdate<ResolverStatus, DnsError>),
    /// NetworkManager changed, appeared or went away.
    Network(ServiceUpdate<NetworkStatus, NetworkError>),
    /// Automatic, provider or custom.
    ModeChosen(ModeChoice),
    /// A provider was chosen.
    ProviderChosen(&'static str),
    /// The custom servers were edited.
    CustomChanged(String),
    /// DNS-over-TLS mode.
    DotChosen(dns::DotMode),
    /// DNSSEC mode.
    DnssecChosen(dns::Dnssec),
    /// Multicast DNS on or off.
    MdnsToggled(bool),
    /// LLMNR on or off.
    LlmnrToggled(bool),
    /// Apply the form.
    Apply,
    /// NetworkManager answered.
    Applied(Result<Applied, DnsError>),
    /// The old settings of an interrupted apply were put back (how many profiles), or not.
    Restored(Result<usize, DnsError>),
    /// The name to test was edited.
    TestNameChanged(String),
    /// Run the test lookup.
    RunTest,
    /// The test lookup finished.
    Tested(Result<Lookup, LookupError>),
    /// The user acted on the error report.
    Report(error_report::Message),
    /// Relax strict encryption until the portal sign-in is done.
    AllowPortalSignIn,
}

/// Work for the daemons that `update` asks the caller to run.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Read the settings in force.
    Load,
    /// Apply settings.
    Apply(PrivateDns),
    /// Put back the old settings an interrupted apply left saved.
    Restore(PendingRestore),
    /// Resolve a name.
    Test(String),
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, bus: SystemBus) -> Message {
        match self {
            Request::Load => Message::Loaded(dns::current(&bus).await),
            Request::Apply(settings) => Message::Applied(dns::apply(&bus, &settings).await),
            Request::Restore(pending) => Message::Restored(dns::restore(&bus, &pending).await),
            Request::Test(name) => Message::Tested(dns::test_lookup(&bus, &name).await),
        }
    }
}

impl State {
    /// A page that has read nothing yet, on `bus`.
    pub fn on(bus: SystemBus) -> Self {
        Self {
            bus,
            form: Form::default(),
            in_force: ServiceStatus::Loading,
            resolver: ServiceStatus::Loading,
            applying: false,
            applied: None,
            form_error: None,
            error: None,
            absent: None,
            test_name: DEFAULT_TEST_NAME.to_owned(),
            test: TestState::Idle,
            portal: false,
            portal_exception: None,
            restoring: None,
        }
    }

    /// Whether the form differs from what is in force.
    pub fn has_changes(&self) -> bool {
        match (self.in_force.ready(), self.form.settings()) {
            (Some(in_force), Ok(settings)) => *in_force != settings,
            _ => true,
        }
    }

    /// Drops the report of an apply that failed because `daemon` was not running, now that
    /// it is back (the report would say it is not running).
    fn forget_absence(&mut self, daemon: &DnsError) {
        if self.absent.as_ref() == Some(daemon) {
            self.absent = None;
            self.error = None;
        }
    }

    fn recheck(&mut self) {
        // Errors show once the user asked to apply, then follow each edit.
        if self.form_error.is_some() {
            self.form_error = self.form.settings().err();
        }
    }

    /// Applies a message other than the error report's; returns work for
    /// the daemons, if any.
    fn apply(&mut self, message: Message) -> Option<Request> {
        match message {
            Message::Loaded(result) => {
                match &result {
                    // The form shows what is in force, except during a portal
                    // exception (it keeps showing the strict choice to return to).
                    Ok(settings) if !self.applying && self.portal_exception.is_none() => {
                        self.form = Form::from_settings(settings);
                    }
                    Ok(_) => {}
                    Err(error) => tracing::info!(%error, "private DNS settings unreadable"),
                }
                self.in_force = match result {
                    Ok(settings) => ServiceStatus::Ready(settings),
                    Err(error) if error.is_absence() => ServiceStatus::Unavailable,
                    Err(error) => ServiceStatus::Failed(error),
                };
                None
            }
            Message::Resolver(update) => {
                let available = matches!(update, ServiceUpdate::Available(_));
                if available {
                    self.forget_absence(&DnsError::ResolverMissing);
                }
                self.resolver = update.into();
                // Links changed or resolved came back: read the settings again
                // if they are not known.
                (available && self.in_force.ready().is_none()).then_some(Request::Load)
            }
            Message::Network(update) => match update {
                ServiceUpdate::Available(status) => {
                    self.forget_absence(&DnsError::NetworkManagerMissing);
                    self.portal = status.connectivity == Connectivity::Portal;
                    if let Some(restoring) = &mut self.restoring {
                        // The old settings first; the settings are read once they are back.
                        return restoring.on_network_back();
                    }
                    let signed_in = matches!(
                        status.connectivity,
                        Connectivity::Full | Connectivity::Limited
                    );
                    if signed_in && let Some(strict) = self.portal_exception.take() {
                        // Signed in: strict encryption returns by itself.
                        self.applying = true;
                        return Some(Request::Apply(strict));
                    }
                    self.in_force.ready().is_none().then_some(Request::Load)
                }
                ServiceUpdate::Unavailable => {
                    self.in_force = ServiceStatus::Unavailable;
                    None
                }
                ServiceUpdate::Failed(_) | ServiceUpdate::BusUnreachable(_) => None,
            },
            Message::ModeChosen(mode) => {
                self.form.mode = mode;
                self.recheck();
                None
            }
            Message::ProviderChosen(id) => {
                self.form.provider = id;
                self.recheck();
                None
            }
            Message::CustomChanged(text) => {
                self.form.custom = text;
                self.recheck();
                None
            }
            Message::DotChosen(mode) => {
                self.form.dot = mode;
                self.recheck();
                None
            }
            Message::DnssecChosen(mode) => {
                self.form.dnssec = mode;
                None
            }
            Message::MdnsToggled(on) => {
                self.form.mdns = on;
                None
            }
            Message::LlmnrToggled(on) => {
                self.form.llmnr = on;
                None
            }
            Message::Apply | Message::AllowPortalSignIn if self.restoring.is_some() => {
                // Nothing else is applied before the old settings are back: the report says
                // why (again, if it was dismissed).
                let restoring = self.restoring.as_ref()?;
                self.error = Some(view::describe_apply_error(&restoring.error));
                None
            }
            Message::Apply => match self.form.settings() {
                Ok(settings) => {
                    self.form_error = None;
                    self.error = None;
                    self.absent = None;
                    self.applying = true;
                    Some(Request::Apply(settings))
                }
                Err(error) => {
                    self.form_error = Some(error);
                    None
                }
            },
            Message::Applied(result) => {
                self.applying = false;
                match result {
                    Ok(applied) => {
                        self.applied = Some(applied);
                        self.test = TestState::Idle;
                        Some(Request::Load)
                    }
                    Err(DnsError::RestorePending { cause, restore }) => {
                        tracing::warn!(
                            %cause,
                            profiles = %restore,
                            "applying private DNS failed and NetworkManager stopped before the \
                             old settings were put back; putting them back once it runs"
                        );
                        let error = DnsError::RestorePending {
                            cause,
                            restore: restore.clone(),
                        };
                        self.error = Some(view::describe_apply_error(&error));
                        // Tried at once: NetworkManager may be back already (a quick
                        // restart), and then no more news of it may come.
                        self.restoring = Some(Restoring {
                            pending: restore.clone(),
                            error,
                            running: true,
                            again: false,
                        });
                        Some(Request::Restore(restore))
                    }
                    Err(error) => {
                        tracing::warn!(%error, "applying private DNS failed");
                        self.error = Some(view::describe_apply_error(&error));
                        self.absent = error.is_absence().then_some(error);
                        None
                    }
                }
            }
            Message::Restored(result) => {
                let mut restoring = self.restoring.take()?;
                match result {
                    Ok(profiles) => {
                        tracing::info!(profiles, "old private DNS settings put back");
                        self.error = Some(view::describe_restored(&restoring.error));
                        Some(Request::Load)
                    }
                    Err(
                        error @ (DnsError::NetworkManagerMissing
                        | DnsError::NetworkManagerNoAnswer(_)),
                    ) => {
                        tracing::info!(%error, "old private DNS settings wait for NetworkManager");
                        let again = restoring.again;
                        restoring.running = again;
                        restoring.again = false;
                        let request = again.then(|| Request::Restore(restoring.pending.clone()));
                        self.restoring = Some(restoring);
                        request
                    }
                    Err(error) => {
                        tracing::warn!(%error, "the old private DNS settings could not be put back");
                        self.error = Some(view::describe_not_restored(&restoring.error, &error));
                        Some(Request::Load)
                    }
                }
            }
            Message::TestNameChanged(name) => {
                self.test_name = name;
                None
            }
            Message::RunTest => {
                let name = self.test_name.trim().to_owned();
                if name.is_empty() || self.test == TestState::Running {
                    return None;
                }
                self.test = TestState::Running;
                Some(Request::Test(name))
            }
            Message::Tested(result) => {
                self.test = match result {
                    Ok(lookup) => TestState::Done(lookup),
                    Err(error) => TestState::Failed(error),
                };
                None
            }
            Message::AllowPortalSignIn => {
                let strict = self
                    .in_force
                    .ready()
                    .filter(|settings| settings.dot == dns::DotMode::Strict)?
                    .clone();
                let relaxed = PrivateDns {
                    dot: dns::DotMode::Opportunistic,
                    ..strict.clone()
                };
                self.portal_exception = Some(strict);
                self.applying = true;
                Some(Request::Apply(relaxed))
            }
            Message::Report(message) => {
                // Handled by `update`: the report's effects are not daemon work.
                let _ = error_report::update(&mut self.error, message);
                None
            }
        }
    }
}

impl Page for State {
    type Message = Message;
    type Request = Request;

    fn new(context: &Context) -> Self {
        Self::on(context.bus.clone())
    }

    fn title() -> String {
        fl!("dns-title")
    }

    fn keywords() -> String {
        fl!("dns-title.keywords")
    }

    /// Entering the page reads the settings in force.
    fn enter(&mut self) -> Outcome<Request> {
        Outcome::request(Request::Load)
    }

    fn update(&mut self, message: Message) -> Outcome<Request> {
        match message {
            Message::Report(message) => {
                let effect = error_report::update(&mut self.error, message);
                if self.error.is_none() {
                    self.absent = None;
                }
                Outcome::effect(effect)
            }
            message => self.apply(message).into(),
        }
    }

    fn view(&self) -> Element<'_, Message> {
        view::page(self)
    }

    /// Live resolver and NetworkManager status; only runs while the page is shown.
    fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            Subscription::run_with(self.bus.clone(), resolver_stream),
            Subscription::run_with(self.bus.clone(), network_stream),
        ])
    }
}

/// The stream behind the NetworkManager subscription (also used by tests).
pub fn network_stream(bus: &SystemBus) -> impl futures::Stream<Item = Message> + use<> {
    network_status::watch_status(bus.clone()).map(Message::Network)
}

/// The stream behind the resolver subscription (also used by tests).
pub fn resolver_stream(bus: &SystemBus) -> impl futures::Stream<Item = Message> + use<> {
    dns::watch_resolver(bus.clone()).map(Message::Resolver)
}

/// Milliseconds of a duration, for display.
pub fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
