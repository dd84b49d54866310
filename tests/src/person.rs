//! Both halves of the tests that act as a person against the real polkitd: the test starts a
//! program of this crate as `nobody` inside polkitd's mount namespace
//! ([`as_nobody_in_polkit_namespace`]), and the program registers the session's
//! authentication agent for itself when it was given an administrator's password
//! ([`answer_polkit`]) and prints how it ended, with its user id ([`process_uid`]);
//! [`run_as_person`] is such a program's `main`.

use ferrum_services::SystemBus;
use ferrum_services::polkit_agent::{AgentEvent, AgentOptions, Response, Subject, run_agent};
use ferrum_services::secret::Secret;
use futures::StreamExt;

use std::error::Error;
use std::time::Duration;

/// `nobody`: a user the bed's bus knows (dbus-daemon drops a connection whose user it cannot
/// look up, and the polkit bed's own person exists only in polkitd's namespace).
pub const NOBODY: u32 = 65534;

/// How long the agent may take to register.
const WAIT: Duration = Duration::from_secs(30);

/// Runs `program` with `args` as [`NOBODY`] inside polkitd's mount namespace (where polkit's
/// setuid helper finds the bed's administrators), with `<admin uid> <password>` appended when
/// given, and returns what it printed.
///
/// # Panics
/// When polkitd does not run or the program fails (test harness).
#[allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]
pub fn as_nobody_in_polkit_namespace(
    bed: &ferrum_testbed::TestBed,
    program: &str,
    args: &[&str],
    admin: Option<(u32, &str)>,
) -> String {
    let mut command = bed
        .polkit_namespace_command("/usr/bin/setpriv")
        .expect("polkitd runs");
    command
        .args([
            &format!("--reuid={NOBODY}"),
            &format!("--regid={NOBODY}"),
            "--clear-groups",
            program,
        ])
        .args(args);
    if let Some((uid, password)) = admin {
        command.args([uid.to_string().as_str(), password]);
    }
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// With `Some((uid, password))`, registers the session's authentication agent for this
/// process (as the settings app does) and answers every polkit request with that password,
/// printing `ASKED=<polkit's message>` and `ANSWERED=<whether it was delivered>`; the task
/// answering is returned (abort it at the end). With `None`, nothing.
///
/// # Errors
/// When the agent does not register within 30 s.
pub async fn answer_polkit(
    bus: &SystemBus,
    admin: Option<(u32, String)>,
) -> Result<Option<tokio::task::JoinHandle<()>>, String> {
    answer_polkit_after(bus, admin, Duration::ZERO).await
}

/// [`answer_polkit`], answering each request only after `delay` (a slow typist).
///
/// # Errors
/// When the agent does not register within 30 s.
#[allow(
    clippy::print_stdout,
    reason = "the test reads what the program prints"
)]
pub async fn answer_polkit_after(
    bus: &SystemBus,
    admin: Option<(u32, String)>,
    delay: Duration,
) -> Result<Option<tokio::task::JoinHandle<()>>, String> {
    let Some((uid, password)) = admin else {
        return Ok(None);
    };
    let options = AgentOptions {
        subjects: vec![Subject::process(std::process::id()).map_err(|error| error.to_string())?],
        locale: "en_US.UTF-8".to_owned(),
    };
    let mut events = Box::pin(run_agent(bus.clone(), options));
    match tokio::time::timeout(WAIT, events.next()).await {
        Ok(Some(AgentEvent::Registered(_))) => {}
        other => return Err(format!("the agent did not register: {other:?}")),
    }
    Ok(Some(tokio::spawn(async move {
        while let Some(event) = events.next().await {
            if let AgentEvent::Request(request) = event {
                println!("ASKED={}", request.message);
                tokio::time::sleep(delay).await;
                let answered = request.respond(Response::Authenticate {
                    uid,
                    password: Secret::new(password.clone()),
                });
                println!("ANSWERED={answered}");
            }
        }
    })))
}

/// Prints how a person program's change ended, for the test to read: `UID=` (this process's),
/// `RESULT=ok` or `RESULT=refused <why>`, `SENTENCE=` (the page's, if any) and `PENDING=`.
#[allow(
    clippy::print_stdout,
    reason = "the test reads what the program prints"
)]
pub fn print_outcome(
    result: Result<(), String>,
    sentence: Option<&str>,
    pending: &dyn std::fmt::Debug,
) {
    println!("UID={}", process_uid());
    match result {
        Ok(()) => println!("RESULT=ok"),
        Err(why) => println!("RESULT=refused {why}"),
    }
    println!("SENTENCE={}", sentence.unwrap_or_default());
    println!("PENDING={pending:?}");
}

/// This process's user id, as the kernel reports it.
pub fn process_uid() -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|line| line.strip_prefix("Uid:"))
        .and_then(|ids| ids.split_whitespace().next())
        .unwrap_or_default()
        .to_owned()
}

/// The `main` of a person program, `<program> <bus address> <target> [<admin uid> <password>
/// [<answer after ms> <method timeout ms> <interactive timeout ms>]]`: in English, on a
/// runtime of its own, answers polkit with the password when given ([`answer_polkit_after`],
/// at once unless told to wait; then the bus's two bounds are the given ones) and runs `body`
/// with the bus and the target (a zone, a name).
///
/// # Errors
/// Missing arguments, a runtime that does not start, an agent that does not register, or
/// what `body` returns.
pub fn run_as_person(
    target: &str,
    body: impl AsyncFnOnce(SystemBus, String) -> Result<(), Box<dyn Error>>,
) -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let address = args
        .next()
        .ok_or(format!("usage: <bus address> <{target}> [uid password]"))?;
    let target = args.next().ok_or(format!("no {target}"))?;
    let admin: Option<(u32, String)> = match (args.next(), args.next()) {
        (Some(uid), Some(password)) => Some((uid.parse()?, password)),
        _ => None,
    };
    let mut millis = || -> Result<Option<Duration>, Box<dyn Error>> {
        Ok(match args.next() {
            Some(text) => Some(Duration::from_millis(text.parse()?)),
            None => None,
        })
    };
    let slow = match (millis()?, millis()?, millis()?) {
        (Some(delay), Some(method), Some(interactive)) => Some((delay, method, interactive)),
        _ => None,
    };
    let _guard = ferrum_i18n::use_locale("en-US");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let mut bus = SystemBus::with_address(&address);
        let mut delay = Duration::ZERO;
        if let Some((answer_after, method, interactive)) = slow {
            bus = bus
                .with_method_timeout(method)
                .with_interactive_timeout(interactive);
            delay = answer_after;
        }
        let agent = answer_polkit_after(&bus, admin, delay).await?;
        let ended = body(bus, target).await;
        if let Some(agent) = agent {
            agent.abort();
        }
        ended
    })
}
