//! A full login through the login screen with every log level on (`trace`):
//! the password appears in no log line and in no debug print of the screen's
//! state, neither the wrong attempt nor the right one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ferrum_greeter::app::Options;
use ferrum_greeter::login::{Link, Phase};
use ferrum_greeter::{Greeter, Message, conversation};
use ferrum_integration_tests::driver::Driver;
use ferrum_services::SystemBus;
use ferrum_testbed::fake_greetd::{FakeGreetd, Fault, Round};
use iced::keyboard::key::Named;

const PASSWORD: &str = "Tr0ub4dor3uniquemarker";

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_login_logs_no_password() {
    let captured = Captured::default();
    let writer = captured.clone();
    // Global: the greetd tasks run on the runtime's other threads too.
    tracing::subscriber::set_global_default(
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("trace"))
            .with_writer(move || writer.clone())
            .finish(),
    )
    .unwrap();

    let greetd = FakeGreetd::start(
        vec![("ada", vec![Round::Secret("Password: ", PASSWORD)])],
        Fault::None,
    )
    .await;
    let scratch = tempfile::tempdir().unwrap();
    std::fs::write(
        scratch.path().join("greeter.toml"),
        format!(
            "state_file = \"{}\"\nsession_dirs = []\n",
            scratch.path().join("state.toml").display()
        ),
    )
    .unwrap();
    let options = Options {
        config: Some(scratch.path().join("greeter.toml")),
        ..Options::default()
    };
    let link = Link::new(Some(greetd.path().to_owned())).with_timeout(Duration::from_secs(5));
    let (greeter, _) = Greeter::new(
        &options,
        SystemBus::with_address("unix:path=/nonexistent"),
        link,
    );
    let mut driver = Driver::new(greeter, iced::Size::new(1024.0, 700.0));
    let mut debug_prints = String::new();

    driver
        .dispatch(Message::Conversation(conversation::Message::ChooseUser(
            "ada".into(),
        )))
        .await;
    driver.redraw().await;
    driver.type_text(&format!("{PASSWORD}x")).await;
    debug_prints.push_str(&format!("{:?}", driver.app));
    driver.tap(Named::Enter).await;
    driver.type_text(PASSWORD).await;
    debug_prints.push_str(&format!("{:?}", driver.app));
    driver.tap(Named::Enter).await;
    assert_eq!(driver.app.phase(), &Phase::Started);
    assert!(greetd.record().started.is_some());

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("creating greetd session"),
        "logging was on: {logs}"
    );
    assert!(
        logs.contains("answering prompt"),
        "the answers were logged about"
    );
    assert!(!logs.contains(PASSWORD), "the password reached the logs");
    assert!(debug_prints.contains("redacted"), "the state was printed");
    assert!(
        !debug_prints.contains(PASSWORD),
        "the password is in a debug print"
    );
}
