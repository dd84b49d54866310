//! A full login with every log level on (`trace`) never writes the password.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ferrum_greeter::{Greetd, Secret, Step};
use ferrum_testbed::fake_greetd::{FakeGreetd, Fault, Round};

const PASSWORD: &str = "Tr0ub4dor&3-unique-marker";

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

#[tokio::test]
async fn the_password_appears_in_no_log() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new("trace"))
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = FakeGreetd::start(
        vec![("ada", vec![Round::Secret("Password: ", PASSWORD)])],
        Fault::None,
    )
    .await;
    let mut greetd = Greetd::connect(server.path())
        .await
        .unwrap()
        .with_timeout(Duration::from_secs(2));
    greetd.create_session("ada").await.unwrap();
    // A wrong attempt first, then the right one: both go through the logs' code paths.
    let wrong = Secret::new(format!("{PASSWORD}-wrong"));
    let _ = greetd.answer(&wrong).await;
    greetd.cancel().await.unwrap();
    greetd.create_session("ada").await.unwrap();
    let right = Secret::new(PASSWORD.to_owned());
    tracing::debug!(?right, "the secret as the greeter would debug-print it");
    assert_eq!(greetd.answer(&right).await.unwrap(), Step::Authenticated);
    greetd
        .start_session(vec!["sway".into()], vec!["LANG=en_US.UTF-8".into()])
        .await
        .unwrap();

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("creating greetd session"),
        "logging was on: {logs}"
    );
    assert!(logs.contains("<redacted>"));
    assert!(
        !logs.contains(PASSWORD),
        "the password leaked into the logs:\n{logs}"
    );
    assert!(
        !logs.contains("Tr0ub4dor"),
        "part of the password leaked:\n{logs}"
    );
}

/// People type passwords into the user-name field by mistake: at the
/// default level (info) the typed name is never logged.
#[tokio::test]
async fn the_typed_user_name_is_not_logged_at_info() {
    const TYPED: &str = "Hunter2-typed-as-a-name";
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new("info"))
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = FakeGreetd::start(
        vec![
            ("ada", vec![Round::Secret("Password: ", PASSWORD)]),
            (TYPED, vec![Round::Secret("Password: ", PASSWORD)]),
        ],
        Fault::None,
    )
    .await;
    let mut greetd = Greetd::connect(server.path())
        .await
        .unwrap()
        .with_timeout(Duration::from_secs(2));
    let _ = greetd.create_session(TYPED).await;
    let _ = greetd.cancel().await;
    greetd.create_session("ada").await.unwrap();
    let right = Secret::new(PASSWORD.to_owned());
    assert_eq!(greetd.answer(&right).await.unwrap(), Step::Authenticated);
    greetd
        .start_session(vec!["sway".into()], vec!["LANG=en_US.UTF-8".into()])
        .await
        .unwrap();

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("session started"), "logging was on: {logs}");
    assert!(
        !logs.contains(TYPED),
        "the typed user name leaked into the logs:\n{logs}"
    );
}
