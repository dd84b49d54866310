//! The About page: the system at a glance, read from `/etc/os-release`,
//! `/proc` and systemd-hostnamed (the kernel's name when hostnamed is absent),
//! and renaming the computer through hostnamed ([`rename`]).
//!
//! The names shown are hostnamed's, followed while the page is shown ([`Watch`]): a
//! change asked for is never shown before hostnamed reports it. Renaming sends the
//! device name (`SetPrettyHostname`) then the network name (`SetStaticHostname`), only
//! those that differ, each with `interactive = true` so polkit may ask the session's
//! authentication agent. When the network name fails after the device name was set, the
//! page says so (no rollback: undoing is a second administrator action that fails for
//! the same reasons, a daemon gone or a refusal) and shows what hostnamed has.

pub mod rename;
pub mod sample;

use ferrum_i18n::fl;
use ferrum_services::hostname::{self, HostnameError, Hostnames};
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_ui::Effect;
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;
use ferrum_ui::widgets::{action_button, caption, key_value, page_start, section};
use futures::StreamExt;
use iced::widget::{button, column};
use iced::{Element, Subscription};

use crate::ids;
use crate::page::{self, Context, Outcome, Page, PageRequest, subscription_key};

/// Facts about the system.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SystemInfo {
    /// `PRETTY_NAME` from os-release.
    pub os: Option<String>,
    /// Kernel release.
    pub kernel: Option<String>,
    /// Host name.
    pub hostname: Option<String>,
    /// Processor model and count.
    pub processor: Option<String>,
    /// Total memory in bytes.
    pub memory_bytes: Option<u64>,
}

/// Which of the two names a failure is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamePart {
    /// The device name (`SetPrettyHostname`).
    Pretty,
    /// The network name (`SetStaticHostname`).
    Static,
}

/// A rename that did not (wholly) happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameFailure {
    /// The call that failed.
    pub part: NamePart,
    /// Whether the device name had been set before the network name failed.
    pub pretty_applied: bool,
    /// What hostnamed (or polkit, or the bus) said.
    pub error: HostnameError,
}

/// The About page's state.
#[derive(Debug, Clone)]
pub struct State {
    bus: SystemBus,
    /// What was read, once read.
    pub info: Option<SystemInfo>,
    /// hostnamed's names, followed while the page is shown. hostnamed exits when idle and
    /// is started by the next call: when its name goes after it was read, the names stay
    /// (they are what the machine's files say) and [`State::resting`] is set.
    pub names: ServiceStatus<Hostnames, HostnameError>,
    /// hostnamed's name has no owner now, after it was read.
    pub resting: bool,
    /// The rename form, when open.
    pub rename: Option<rename::Form>,
    /// A rename is under way.
    pub pending: bool,
    /// The last refused or failed rename.
    pub error: Option<ErrorReport>,
}

/// What happens on the About page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The system facts were read.
    Loaded(SystemInfo),
    /// The watch: hostnamed's names, or hostnamed gone.
    Watched(ServiceUpdate<Hostnames, HostnameError>),
    /// "Rename…".
    OpenRename,
    /// Something in the rename form.
    Rename(rename::Message),
    /// hostnamed answered a rename.
    Renamed(Result<(), RenameFailure>),
    /// The person acted on the error report.
    Report(error_report::Message),
}

/// Work off the UI thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Read the system facts.
    Read,
    /// Give the computer new names (`None`: that name stays).
    Rename {
        /// The device name.
        pretty: Option<String>,
        /// The network name.
        static_name: Option<String>,
    },
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, bus: SystemBus) -> Message {
        match self {
            Request::Read => Message::Loaded(read_system_info(&bus).await),
            Request::Rename {
                pretty,
                static_name,
            } => Message::Renamed(rename_machine(&bus, pretty, static_name).await),
        }
    }
}

async fn rename_machine(
    bus: &SystemBus,
    pretty: Option<String>,
    static_name: Option<String>,
) -> Result<(), RenameFailure> {
    let mut pretty_applied = false;
    if let Some(pretty) = pretty {
        hostname::set_pretty(bus, &pretty)
            .await
            .map_err(|error| RenameFailure {
                part: NamePart::Pretty,
                pretty_applied: false,
                error,
            })?;
        pretty_applied = true;
    }
    if let Some(static_name) = static_name {
        hostname::set_static(bus, &static_name)
            .await
            .map_err(|error| RenameFailure {
                part: NamePart::Static,
                pretty_applied,
                error,
            })?;
    }
    Ok(())
}

/// A refused or failed rename in words.
pub fn rename_error_sentence(failure: &RenameFailure) -> String {
    if failure.pretty_applied {
        return fl!("about-rename-partial");
    }
    match &failure.error {
        HostnameError::NotAuthorized(_) => fl!("about-rename-refused"),
        HostnameError::Unavailable(_) => fl!("about-rename-gone"),
        HostnameError::NoAnswer(_) => fl!("about-rename-no-answer"),
        HostnameError::InvalidName(_) => fl!("about-rename-invalid"),
        HostnameError::Dbus(_) => fl!("about-rename-failed"),
    }
}

impl State {
    /// A page that has heard nothing yet, on this bus.
    pub fn on(bus: SystemBus) -> Self {
        Self {
            bus,
            info: None,
            names: ServiceStatus::Loading,
            resting: false,
            rename: None,
            pending: false,
            error: None,
        }
    }

    /// hostnamed's latest names.
    pub fn hostnames(&self) -> Option<&Hostnames> {
        self.names.ready()
    }

    /// The name to show: hostnamed's, else what the facts say (the kernel's).
    pub fn display_name(&self) -> Option<String> {
        self.hostnames()
            .map(|names| names.display_name().to_owned())
            .filter(|name| !name.is_empty())
            .or_else(|| self.info.as_ref()?.hostname.clone())
    }

    fn watched(&mut self, update: ServiceUpdate<Hostnames, HostnameError>) {
        self.resting = self.names.follow_resting(update);
    }

    fn rename(&mut self, message: rename::Message) -> Outcome<Request> {
        let Some(form) = &mut self.rename else {
            return Outcome::none();
        };
        match form.update(message) {
            rename::Action::None => Outcome::none(),
            rename::Action::Cancel => {
                self.rename = None;
                Outcome::effect(Effect::Focus(ids::ABOUT_RENAME))
            }
            rename::Action::Rename {
                pretty,
                static_name,
            } => {
                if self.pending {
                    return Outcome::none();
                }
                let names = self.hostnames().cloned().unwrap_or_default();
                let pretty =
                    (names.pretty_hostname.as_deref() != Some(pretty.as_str())).then_some(pretty);
                let static_name = (names.static_hostname.as_deref() != Some(static_name.as_str()))
                    .then_some(static_name);
                if pretty.is_none() && static_name.is_none() {
                    self.rename = None;
                    return Outcome::effect(Effect::Focus(ids::ABOUT_RENAME));
                }
                self.error = None;
                self.pending = true;
                Outcome::request(Request::Rename {
                    pretty,
                    static_name,
                })
            }
        }
    }
}

impl Page for State {
    type Message = Message;
    type Request = Request;

    fn new(context: &Context) -> Self {
        State::on(context.bus.clone())
    }

    fn title() -> String {
        fl!("about-title")
    }

    fn keywords() -> String {
        fl!("about-title.keywords")
    }

    /// Reads the facts each time the page is shown.
    fn enter(&mut self) -> Outcome<Request> {
        Outcome::request(Request::Read)
    }

    fn update(&mut self, message: Message) -> Outcome<Request> {
        match message {
            Message::Loaded(info) => self.info = Some(info),
            Message::Watched(update) => self.watched(update),
            Message::OpenRename => {
                let Some(names) = self.hostnames() else {
                    return Outcome::none();
                };
                self.rename = Some(rename::Form::with(names));
                return Outcome::effect(Effect::Focus(ids::ABOUT_RENAME_PRETTY));
            }
            Message::Rename(message) => return self.rename(message),
            Message::Renamed(result) => {
                if !self.pending {
                    return Outcome::none();
                }
                self.pending = false;
                match result {
                    Ok(()) => {
                        self.rename = None;
                        return Outcome::effect(Effect::Focus(ids::ABOUT_RENAME));
                    }
                    Err(failure) => {
                        tracing::warn!(error = %failure.error, part = ?failure.part,
                            pretty_applied = failure.pretty_applied, "hostnamed refused a rename");
                        let sentence = rename_error_sentence(&failure);
                        // The form keeps what was typed; the sentence is said there too.
                        if let Some(form) = &mut self.rename {
                            form.check.refused(sentence.clone());
                        }
                        self.error = Some(ErrorReport::new(sentence, failure.error.detail()));
                    }
                }
            }
            Message::Report(message) => {
                return page::report(&mut self.error, message);
            }
        }
        Outcome::none()
    }

    fn view(&self) -> Element<'_, Message> {
        let mut page = page_start(
            fl!("about-title"),
            self.error.as_ref(),
            &ids::ABOUT,
            Message::Report,
        );
        let body: Element<'_, Message> = match &self.info {
            None => caption(fl!("service-loading")),
            Some(info) => {
                let unknown = || fl!("about-unknown");
                let mut facts = column![
                    key_value(fl!("about-os"), info.os.clone().unwrap_or_else(unknown)),
                    key_value(
                        fl!("about-hostname"),
                        self.display_name().unwrap_or_else(unknown)
                    ),
                ]
                .spacing(10);
                if let Some(static_name) = self
                    .hostnames()
                    .and_then(|names| names.static_hostname.clone())
                {
                    facts = facts.push(key_value(fl!("about-network-name"), static_name));
                }
                facts
                    .push(key_value(
                        fl!("about-kernel"),
                        info.kernel.clone().unwrap_or_else(unknown),
                    ))
                    .push(key_value(
                        fl!("about-processor"),
                        info.processor.clone().unwrap_or_else(unknown),
                    ))
                    .push(key_value(
                        fl!("about-memory"),
                        info.memory_bytes
                            .map(|bytes| {
                                let gib =
                                    (bytes as f64 / (1u64 << 30) as f64 * 10.0).round() / 10.0;
                                fl!("about-memory-value", gib = gib)
                            })
                            .unwrap_or_else(unknown),
                    ))
                    .into()
            }
        };
        page = page.push(section(fl!("about-title"), body));
        let naming: Option<Element<'_, Message>> = match (&self.rename, &self.names) {
            (Some(form), _) => Some(form.view(self.pending).map(Message::Rename)),
            (None, ServiceStatus::Ready(_)) => Some(action_button(
                ids::ABOUT_RENAME,
                fl!("about-rename"),
                button::secondary,
                Message::OpenRename,
            )),
            (None, ServiceStatus::Loading) => None,
            (None, _) => Some(caption(fl!("about-rename-unavailable"))),
        };
        if let Some(naming) = naming {
            page = page.push(naming);
        }
        page.into()
    }

    fn subscription(&self) -> Subscription<Message> {
        Subscription::run_with(Watch(self.bus.clone()), watch_stream)
    }
}

subscription_key! {
    /// The key of the page's subscription: the bus it watches hostnamed on.
    Watch(bus: SystemBus) = "about"
}

/// The stream behind the page's subscription (also used by tests).
pub fn watch_stream(watch: &Watch) -> impl futures::Stream<Item = Message> + use<> {
    hostname::watch(watch.0.clone()).map(Message::Watched)
}

/// Reads the facts from the running system (the host name from hostnamed on `bus`).
pub async fn read_system_info(bus: &SystemBus) -> SystemInfo {
    SystemInfo {
        os: read_small_file("/etc/os-release")
            .await
            .and_then(|text| parse_os_release(&text)),
        kernel: read_small_file("/proc/sys/kernel/osrelease")
            .await
            .map(|s| s.trim().to_owned()),
        hostname: hostname::name(bus).await,
        processor: read_small_file("/proc/cpuinfo")
            .await
            .and_then(|text| parse_cpuinfo(&text)),
        memory_bytes: read_small_file("/proc/meminfo")
            .await
            .and_then(|text| parse_meminfo(&text)),
    }
}

async fn read_small_file(path: &'static str) -> Option<String> {
    // Tiny files, mostly on /proc: a blocking read is shorter than a thread hop.
    std::fs::read_to_string(path).ok()
}

/// `PRETTY_NAME` (or `NAME`) from an os-release file.
pub fn parse_os_release(text: &str) -> Option<String> {
    let field = |key: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(key)?.strip_prefix('='))
            .map(|value| value.trim().trim_matches('"').to_owned())
            .filter(|value| !value.is_empty())
    };
    field("PRETTY_NAME").or_else(|| field("NAME"))
}

/// "Model × count" from `/proc/cpuinfo`.
pub fn parse_cpuinfo(text: &str) -> Option<String> {
    let mut models = text
        .lines()
        .filter_map(|line| line.strip_prefix("model name"))
        .filter_map(|rest| {
            rest.split_once(':')
                .map(|(_, model)| model.trim().to_owned())
        });
    let first = models.next()?;
    let count = 1 + models.count();
    Some(if count > 1 {
        format!("{first} × {count}")
    } else {
        first
    })
}

/// `MemTotal` in bytes from `/proc/meminfo`.
pub fn parse_meminfo(text: &str) -> Option<u64> {
    let line = text.lines().find(|line| line.starts_with("MemTotal:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod facts_tests {
    use super::*;

    #[tokio::test]
    async fn without_hostnamed_the_kernel_name_is_shown() {
        let bus = SystemBus::with_address("unix:path=/nonexistent/system_bus_socket");
        let kernel = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .map(|s| s.trim().to_owned())
            .ok();
        assert_eq!(hostname::name(&bus).await, kernel);
    }

    #[test]
    fn os_release_prefers_pretty_name() {
        let text = "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n";
        assert_eq!(
            parse_os_release(text).as_deref(),
            Some("Debian GNU/Linux 12 (bookworm)")
        );
        assert_eq!(parse_os_release("NAME=Ferrum\n").as_deref(), Some("Ferrum"));
        assert_eq!(parse_os_release(""), None);
    }

    #[test]
    fn cpuinfo_counts_processors() {
        let text = "processor\t: 0\nmodel name\t: Example CPU\n\nprocessor\t: 1\nmodel name\t: Example CPU\n";
        assert_eq!(parse_cpuinfo(text).as_deref(), Some("Example CPU × 2"));
        assert_eq!(parse_cpuinfo("flags: x"), None);
    }

    #[test]
    fn meminfo_total_in_bytes() {
        assert_eq!(
            parse_meminfo("MemTotal:       16384 kB\nMemFree: 1 kB\n"),
            Some(16384 * 1024)
        );
    }
}
