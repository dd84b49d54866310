//! The authentication agent (`services::polkit_agent`) against the real polkitd on the test
//! bed's bus ([`Service::PolkitDaemon`]), authenticating through polkit's real setuid helper
//! (`/usr/lib/polkit-1/polkit-agent-helper-1`) and the host's PAM stack: nothing is
//! substituted. The agent runs on a thread inside polkitd's mount namespace, where the bed's
//! administrators exist with known passwords and `/run/dbus` is the bed's bus (the helper
//! clears its environment and reaches polkitd there); see `ferrum_testbed::polkit`.
//!
//! A client (the role a daemon plays) calls `CheckAuthorization` with `AllowUserInteraction`
//! for [`polkit::TEST_ACTION`] (`auth_admin`) on behalf of a process of
//! [`polkit::PERSON`]: polkitd asks our agent, registered for that process.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::future::Future;
use std::io::{BufRead as _, BufReader};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ferrum_services::SystemBus;
use ferrum_services::polkit_agent::{
    AgentEvent, AgentOptions, AttemptState, AuthRequest, Identity, Response, Subject, run_agent,
};
use ferrum_services::proxies::polkit_authority::AuthorityProxy;
use ferrum_services::secret::Secret;
use ferrum_testbed::polkit::{self, ADMINS, PolkitSubject};
use ferrum_testbed::{Service, TestBed};
use futures::{Stream, StreamExt as _};
use zbus::zvariant::Value;

/// How long any one step may take (a wrong password costs PAM's ~2 s delay).
const STEP: Duration = Duration::from_secs(20);
/// `AllowUserInteraction`.
const ALLOW_USER_INTERACTION: u32 = 1;

type Verdict = (bool, bool, HashMap<String, String>);

/// Runs `body` on a thread inside polkitd's mount namespace with a runtime of its own.
fn in_polkit_namespace<F, Fut>(bed: &TestBed, body: F)
where
    F: FnOnce() -> Fut + Send,
    Fut: Future<Output = ()>,
{
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                bed.enter_polkit_mount_namespace()
                    .expect("enter polkitd's namespace");
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap()
                    .block_on(body());
            })
            .join()
            .unwrap();
    });
}

fn bed() -> (TestBed, PolkitSubject) {
    let bed = TestBed::start(&[Service::PolkitDaemon]).expect("test bed with the real polkitd");
    let subject = PolkitSubject::start().expect("a process of the test person");
    (bed, subject)
}

/// A connection for the client, whose calls may wait as long as the person takes.
async fn client(address: &str) -> zbus::Connection {
    zbus::connection::Builder::address(address)
        .unwrap()
        .method_timeout(Duration::from_secs(120))
        .build()
        .await
        .unwrap()
}

/// What a daemon does: asks polkitd whether the person's process may do the test action,
/// letting polkit ask (`cancellation_id` lets the test withdraw the question).
async fn check(
    connection: &zbus::Connection,
    pid: u32,
    cancellation_id: &str,
) -> zbus::Result<Verdict> {
    let authority = AuthorityProxy::new(connection).await?;
    let Subject::Process { start_time, .. } = Subject::process(pid).unwrap() else {
        unreachable!()
    };
    let pid_value = Value::from(pid);
    let start_value = Value::from(start_time);
    let details = HashMap::from([("pid", &pid_value), ("start-time", &start_value)]);
    let (verdict,) = authority
        .check_authorization(
            &("unix-process", details),
            polkit::TEST_ACTION,
            HashMap::new(),
            ALLOW_USER_INTERACTION,
            cancellation_id,
        )
        .await?;
    Ok(verdict)
}

async fn next_event(events: &mut (impl Stream<Item = AgentEvent> + Unpin)) -> AgentEvent {
    tokio::time::timeout(STEP, events.next())
        .await
        .expect("an agent event in time")
        .expect("the agent's stream goes on")
}

async fn next_request(events: &mut (impl Stream<Item = AgentEvent> + Unpin)) -> AuthRequest {
    match next_event(events).await {
        AgentEvent::Request(request) => request,
        other => panic!("expected a request, got {other:?}"),
    }
}

async fn registered(events: &mut (impl Stream<Item = AgentEvent> + Unpin), pid: u32) {
    match next_event(events).await {
        AgentEvent::Registered(Subject::Process {
            pid: registered, ..
        }) => {
            assert_eq!(registered, pid);
        }
        other => panic!("expected the registration, got {other:?}"),
    }
}

fn admins() -> Vec<Identity> {
    ADMINS
        .iter()
        .map(|admin| Identity {
            uid: admin.uid,
            name: admin.name.to_owned(),
            display_name: admin.real_name.to_owned(),
        })
        .collect()
}

fn answer(request: &AuthRequest, uid: u32, password: &str) {
    assert!(request.respond(Response::Authenticate {
        uid,
        password: Secret::new(password.to_owned()),
    }));
}

#[test]
fn the_right_password_authorizes_the_waiting_program() {
    let (bed, subject) = bed();
    let address = bed.system_bus_address().to_owned();
    in_polkit_namespace(&bed, || async {
        let options = AgentOptions::for_subject(Subject::process(subject.pid()).unwrap(), "C");
        let mut events = Box::pin(run_agent(SystemBus::with_address(&address), options));
        registered(&mut events, subject.pid()).await;
        let verdict = tokio::spawn(check_owned(address.clone(), subject.pid()));

        let request = next_request(&mut events).await;
        assert_eq!(request.action_id, polkit::TEST_ACTION);
        assert_eq!(request.message, polkit::TEST_ACTION_MESSAGE);
        assert_eq!(
            request.program.as_deref(),
            Some("sleep"),
            "the subject's program"
        );
        assert_eq!(
            request.identities,
            admins(),
            "both administrators, with names"
        );
        assert_eq!(request.state, AttemptState::First);
        answer(&request, ADMINS[0].uid, ADMINS[0].password);
        assert_eq!(
            next_event(&mut events).await,
            AgentEvent::Authenticated {
                cookie: request.cookie.clone()
            }
        );
        let (authorized, _, details) = verdict.await.unwrap();
        assert!(
            authorized,
            "authorized after the right password: {details:?}"
        );
    });
}

async fn check_owned(address: String, pid: u32) -> Verdict {
    check(&client(&address).await, pid, "")
        .await
        .expect("CheckAuthorization")
}

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A wrong password comes back as a retry of the same request; the right one (of the second
/// administrator) then authorizes. The message is polkit's German one (the locale given at
/// registration), and nothing logged at trace level holds either password.
#[test]
fn a_wrong_password_asks_again_and_then_the_right_one_authorizes() {
    let (bed, subject) = bed();
    let address = bed.system_bus_address().to_owned();
    let captured = Captured::default();
    let writer = captured.clone();
    let wrong = "wrong-Tr0ub4dor-marker";
    in_polkit_namespace(&bed, || async {
        // Global (once for this test binary): a thread's own subscriber misses events
        // whose interest other threads' tests cached first. It logs the other tests too,
        // which is fine: none of them types these passwords, and none may log any.
        tracing::subscriber::set_global_default(
            tracing_subscriber::fmt()
                .with_env_filter(tracing_subscriber::EnvFilter::new("trace"))
                .with_writer(move || writer.clone())
                .finish(),
        )
        .expect("the only global subscriber of this test binary");
        let options =
            AgentOptions::for_subject(Subject::process(subject.pid()).unwrap(), "de_DE.UTF-8");
        let mut events = Box::pin(run_agent(SystemBus::with_address(&address), options));
        registered(&mut events, subject.pid()).await;
        let verdict = tokio::spawn(check_owned(address.clone(), subject.pid()));

        let first = next_request(&mut events).await;
        assert_eq!(first.message, polkit::TEST_ACTION_MESSAGE_DE);
        let operator = &ADMINS[1];
        answer(&first, operator.uid, wrong);
        let retry = next_request(&mut events).await;
        assert_eq!(retry.cookie, first.cookie, "the same request");
        assert_eq!(retry.attempt, 2);
        assert!(
            matches!(retry.state, AttemptState::WrongPassword { .. }),
            "{:?}",
            retry.state
        );
        answer(&retry, operator.uid, operator.password);
        assert_eq!(
            next_event(&mut events).await,
            AgentEvent::Authenticated {
                cookie: first.cookie.clone()
            }
        );
        let (authorized, _, details) = verdict.await.unwrap();
        assert!(authorized, "{details:?}");
    });
    let log = String::from_utf8_lossy(&captured.0.lock().unwrap()).into_owned();
    assert!(
        log.contains("polkit asks to authenticate"),
        "trace log captured"
    );
    for secret in [wrong, ADMINS[1].password] {
        let lines: Vec<&str> = log.lines().filter(|line| line.contains(secret)).collect();
        assert!(lines.is_empty(), "a password in the log: {lines:#?}");
    }
}

#[test]
fn cancelling_refuses_the_program() {
    let (bed, subject) = bed();
    let address = bed.system_bus_address().to_owned();
    in_polkit_namespace(&bed, || async {
        let options = AgentOptions::for_subject(Subject::process(subject.pid()).unwrap(), "C");
        let mut events = Box::pin(run_agent(SystemBus::with_address(&address), options));
        registered(&mut events, subject.pid()).await;
        let verdict = tokio::spawn(check_owned(address.clone(), subject.pid()));
        let request = next_request(&mut events).await;
        assert!(request.respond(Response::Cancel));
        let (authorized, _, details) = verdict.await.unwrap();
        assert!(!authorized);
        assert_eq!(
            details.get("polkit.dismissed").map(String::as_str),
            Some("true"),
            "{details:?}"
        );
        // The next question is asked afresh.
        let again = tokio::spawn(check_owned(address.clone(), subject.pid()));
        let request = next_request(&mut events).await;
        assert_eq!(request.attempt, 1);
        answer(&request, ADMINS[0].uid, ADMINS[0].password);
        assert!(matches!(
            next_event(&mut events).await,
            AgentEvent::Authenticated { .. }
        ));
        assert!(again.await.unwrap().0);
    });
}

/// The asking program stops waiting (`CancelCheckAuthorization`): polkitd calls
/// `CancelAuthentication` and the dialog is told to close.
#[test]
fn a_request_withdrawn_by_polkit_closes() {
    let (bed, subject) = bed();
    let address = bed.system_bus_address().to_owned();
    in_polkit_namespace(&bed, || async {
        let options = AgentOptions::for_subject(Subject::process(subject.pid()).unwrap(), "C");
        let mut events = Box::pin(run_agent(SystemBus::with_address(&address), options));
        registered(&mut events, subject.pid()).await;
        let client = client(&address).await;
        let authority = AuthorityProxy::new(&client).await.unwrap();
        let pid = subject.pid();
        let checking = client.clone();
        let verdict =
            tokio::spawn(async move { check(&checking, pid, "ferrum-test-cancel").await });
        let request = next_request(&mut events).await;
        authority
            .cancel_check_authorization("ferrum-test-cancel")
            .await
            .unwrap();
        assert_eq!(
            next_event(&mut events).await,
            AgentEvent::Withdrawn {
                cookie: request.cookie.clone()
            }
        );
        assert!(!request.respond(Response::Cancel), "nobody waits any more");
        // polkitd answers the cancelled call with an error or "not authorized".
        match verdict.await.unwrap() {
            Ok((authorized, _, details)) => assert!(!authorized, "{details:?}"),
            Err(error) => assert!(
                error.to_string().contains("Cancelled") || error.to_string().contains("cancel"),
                "{error}"
            ),
        }
    });
}

/// Kills (by PID) and reaps the agent's process when a test ends, however it ends.
struct Reaped(std::process::Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The agent's process is killed while polkitd waits for it: the program gets "not
/// authorized" and nothing hangs. The agent (`polkit-agent-child`) runs in polkitd's mount
/// namespace (`nsenter`), where the administrators polkit offers have accounts.
#[test]
fn an_agent_killed_mid_request_leaves_the_program_refused() {
    let (bed, subject) = bed();
    let address = bed.system_bus_address().to_owned();
    let mut command = bed
        .polkit_namespace_command(env!("CARGO_BIN_EXE_polkit-agent-child"))
        .unwrap();
    let mut agent = command
        .arg(subject.pid().to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the agent's process");
    let stdout = agent.stdout.take().unwrap();
    let mut agent = Reaped(agent);
    let (lines_tx, lines_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    let next_line = || lines_rx.recv_timeout(STEP).expect("a line from the agent");
    assert_eq!(next_line(), "REGISTERED");
    // Multi-threaded: the client's call goes on while this thread waits for the agent's line.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let verdict = tokio::spawn(check_owned(address.clone(), subject.pid()));
        assert_eq!(next_line(), "REQUEST 1");
        agent.0.kill().unwrap();
        agent.0.wait().unwrap();
        let (authorized, _, details) = tokio::time::timeout(STEP, verdict)
            .await
            .expect("polkitd answers once the agent is gone")
            .unwrap();
        assert!(!authorized, "{details:?}");
    });
}

/// The settings app's dialog (`ferrum_settings::auth_dialog`) in the loop: polkit's request
/// opens it, a wrong password typed and submitted brings it back with "try again", the
/// right one closes it and the program is authorized.
#[test]
fn the_dialog_asks_again_after_a_wrong_password_and_closes_when_authorized() {
    use ferrum_settings::auth_dialog::{self, Message};
    let (bed, subject) = bed();
    let address = bed.system_bus_address().to_owned();
    in_polkit_namespace(&bed, || async {
        let options = AgentOptions::for_subject(Subject::process(subject.pid()).unwrap(), "C");
        let mut events = Box::pin(run_agent(SystemBus::with_address(&address), options));
        registered(&mut events, subject.pid()).await;
        let verdict = tokio::spawn(check_owned(address.clone(), subject.pid()));
        let mut dialog = auth_dialog::State::new(ADMINS[1].uid);
        dialog.update(Message::Agent(next_event(&mut events).await));
        let open = dialog.open.as_ref().expect("the dialog opens");
        assert_eq!(
            open.identity, ADMINS[1].uid,
            "the person at the keyboard first"
        );
        assert!(dialog.view().is_some());
        for typed in ["wrong-password", ADMINS[1].password] {
            dialog.update(Message::PasswordChanged(Secret::new(typed.to_owned())));
            dialog.update(Message::Authenticate);
            assert!(
                dialog.open.as_ref().unwrap().checking,
                "waiting for the verdict"
            );
            dialog.update(Message::Agent(next_event(&mut events).await));
            if typed != ADMINS[1].password {
                let open = dialog
                    .open
                    .as_ref()
                    .expect("still open after a wrong password");
                assert!(matches!(
                    open.request.state,
                    AttemptState::WrongPassword { .. }
                ));
                assert!(open.password.is_empty() && !open.checking);
            }
        }
        assert!(!dialog.is_open(), "closed once authenticated");
        assert!(verdict.await.unwrap().0, "authorized");
    });
}
