//! The About page: the system at a glance, read from `/etc/os-release`,
//! `/proc` and systemd-hostnamed (the kernel's name when hostnamed is absent).

use ferrum_i18n::fl;
use ferrum_services::SystemBus;
use ferrum_services::hostname;
use ferrum_ui::widgets::{caption, key_value, page_title, section};
use iced::Element;
use iced::widget::column;

use crate::page::{Context, Outcome, Page, PageRequest};

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

/// The About page's state.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// What was read, once read.
    pub info: Option<SystemInfo>,
}

/// What happens on the About page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The system facts were read.
    Loaded(SystemInfo),
}

/// Work off the UI thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Read the system facts.
    Read,
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, bus: SystemBus) -> Message {
        match self {
            Request::Read => Message::Loaded(read_system_info(&bus).await),
        }
    }
}

impl Page for State {
    type Message = Message;
    type Request = Request;

    fn new(_context: &Context) -> Self {
        Self::default()
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
        }
        Outcome::none()
    }

    fn view(&self) -> Element<'_, Message> {
        let body: Element<'_, Message> = match &self.info {
            None => caption(fl!("service-loading")),
            Some(info) => {
                let unknown = || fl!("about-unknown");
                column![
                    key_value(fl!("about-os"), info.os.clone().unwrap_or_else(unknown)),
                    key_value(
                        fl!("about-hostname"),
                        info.hostname.clone().unwrap_or_else(unknown)
                    ),
                    key_value(
                        fl!("about-kernel"),
                        info.kernel.clone().unwrap_or_else(unknown)
                    ),
                    key_value(
                        fl!("about-processor"),
                        info.processor.clone().unwrap_or_else(unknown)
                    ),
                    key_value(
                        fl!("about-memory"),
                        info.memory_bytes
                            .map(|bytes| {
                                let gib =
                                    (bytes as f64 / (1u64 << 30) as f64 * 10.0).round() / 10.0;
                                fl!("about-memory-value", gib = gib)
                            })
                            .unwrap_or_else(unknown)
                    ),
                ]
                .spacing(10)
                .into()
            }
        };
        column![
            page_title(fl!("about-title")),
            section(fl!("about-title"), body)
        ]
        .spacing(20)
        .into()
    }
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
mod tests {
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
