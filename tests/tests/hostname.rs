//! The host name from the real systemd-hostnamed on the bed's private system
//! bus, and the About page that shows it (or the kernel's name without it).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ferrum_panels::PageRequest;
use ferrum_panels::about::{Message, Request};
use ferrum_services::SystemBus;
use ferrum_services::hostname::{self, HostnameError};
use ferrum_testbed::{Service, TestBed};

fn kernel_hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .unwrap()
        .trim()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn hostnamed_names_this_machine_and_about_shows_it() {
    let bed = TestBed::start(&[Service::Hostnamed]).expect("test bed starts");
    let bus = SystemBus::with_address(bed.system_bus_address());
    let connection = bus.connection().await.unwrap();
    let names = hostname::snapshot(&connection).await.unwrap();
    assert_eq!(names.hostname, kernel_hostname());
    let configured = std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    if let Some(configured) = configured {
        assert_eq!(names.static_hostname.as_deref(), Some(configured.as_str()));
    }
    let Message::Loaded(info) = Request::Read.run(bus.clone()).await;
    assert_eq!(info.hostname.as_deref(), Some(names.display_name()));
}

#[tokio::test(flavor = "multi_thread")]
async fn without_hostnamed_about_shows_the_kernel_name() {
    let bed = TestBed::start(&[]).expect("test bed starts");
    let bus = SystemBus::with_address(bed.system_bus_address());
    let connection = bus.connection().await.unwrap();
    assert!(matches!(
        hostname::snapshot(&connection).await,
        Err(HostnameError::Unavailable(_))
    ));
    let Message::Loaded(info) = Request::Read.run(bus).await;
    assert_eq!(info.hostname, Some(kernel_hostname()));
}
