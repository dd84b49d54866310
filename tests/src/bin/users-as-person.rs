//! The other half of `tests/tests/integration/users_page.rs`'s polkit test: the test starts this program
//! as `nobody` (not root: polkitd lets root through without asking) inside polkitd's mount
//! namespace (where polkit's setuid helper finds the bed's administrators). It adds the
//! standard person `<name>` through the Users page's add dialog on the bed's bus and prints
//! how it ended (`UID=`, `RESULT=`, `SENTENCE=` — the dialog's refusal —, `PENDING=`). With
//! `<admin uid> <password>` it first registers the session's authentication agent for itself
//! (as the settings app does) and answers polkit's request with that password.
//!
//! Usage: `users-as-person <bus address> <name> [<admin uid> <password>]`
//!
//! With `password:<uid>:<new>:<typed>:…` for the name it instead changes the password of
//! `<uid>` (its own, or — the page believing it is that person — someone else's) through the
//! Users page's password dialog, with the settings app's authentication dialog
//! (`ferrum_settings::auth_dialog`) on the session's agent: each time polkit asks it prints
//! `ASKED=<the uid the dialog offers> <every identity polkit named>` and `STATE=` (the
//! attempt's state) and types the next of the `<typed>` passwords; with none left it prints
//! `LEFT_OPEN=` and cancels. Then `UID=`, `RESULT=`, `SENTENCE=` (the password dialog's
//! refusal), `PENDING=`.

use ferrum_integration_tests::person::{print_outcome, run_as_person};
use ferrum_panels::users::{Dialog, Message, State, add, password};
use ferrum_panels::{Page, PageRequest};
use ferrum_services::SystemBus;
use ferrum_services::polkit_agent::{AgentEvent, AgentOptions, Subject, run_agent};
use ferrum_services::secret::Secret;
use ferrum_settings::auth_dialog;
use futures::StreamExt as _;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    run_as_person("name", async |bus, name| {
        if let Some(spec) = name.strip_prefix("password:") {
            return change_password(bus, spec).await;
        }
        let mut state = State::on(bus.clone(), rustix::process::getuid().as_raw());
        let _ = state.update(Message::OpenAdd);
        for message in [
            add::Message::RealName(format!("{name} Person")),
            add::Message::Login(name),
            add::Message::Password(Secret::new("a long enough password".to_owned())),
            add::Message::Confirmation(Secret::new("a long enough password".to_owned())),
        ] {
            let _ = state.update(Message::Add(message));
        }
        let request = state
            .update(Message::Add(add::Message::Submit))
            .request
            .ok_or("Add asked for nothing")?;
        let answer = request.run(bus.clone()).await;
        let _ = state.update(answer.clone());
        let result = result_of(&answer);
        let sentence = match &state.dialog {
            Some(Dialog::Add(dialog)) => dialog.refusal.clone(),
            _ => None,
        };
        print_outcome(result, sentence.as_deref(), &state.pending);
        Ok(())
    })
}

/// Changes the password of the account `spec` starts with to the password after it (`:`
/// between them), typing the others into the authentication dialog in turn.
#[allow(
    clippy::print_stdout,
    reason = "the test reads what the program prints"
)]
async fn change_password(bus: SystemBus, spec: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut parts = spec.split(':');
    let account: u32 = parts.next().ok_or("no account")?.parse()?;
    let new = parts.next().ok_or("no new password")?.to_owned();
    let mut typed = parts.map(str::to_owned).collect::<Vec<_>>().into_iter();
    let me = rustix::process::getuid().as_raw();
    let options = AgentOptions::for_subject(Subject::process(std::process::id())?, "en_US.UTF-8");
    let mut events = Box::pin(run_agent(bus.clone(), options));
    let mut dialog = auth_dialog::State::new(me);
    match tokio::time::timeout(std::time::Duration::from_secs(30), events.next()).await {
        Ok(Some(event @ AgentEvent::Registered(_))) => {
            let _ = dialog.update(auth_dialog::Message::Agent(event));
        }
        other => return Err(format!("the agent did not register: {other:?}").into()),
    }
    let mut state = State::on(bus.clone(), account);
    let _ = state.update(Message::OpenPassword);
    for message in [
        password::Message::Password(Secret::new(new.clone())),
        password::Message::Confirmation(Secret::new(new)),
    ] {
        let _ = state.update(Message::Password(message));
    }
    let request = state
        .update(Message::Password(password::Message::Submit))
        .request
        .ok_or("Change password asked for nothing")?;
    let call = request.run(bus.clone());
    tokio::pin!(call);
    let answer = loop {
        tokio::select! {
            answer = &mut call => break answer,
            Some(event) = events.next() => {
                let _ = dialog.update(auth_dialog::Message::Agent(event));
                let Some(open) = dialog.open.as_ref().filter(|open| !open.checking) else {
                    continue;
                };
                let named: Vec<String> = open
                    .request
                    .identities
                    .iter()
                    .map(|who| format!("{}:{}", who.uid, who.name))
                    .collect();
                println!("ASKED={} {}", open.identity, named.join(","));
                println!("STATE={:?}", open.request.state);
                match typed.next() {
                    Some(password) => {
                        let _ = dialog.update(auth_dialog::Message::PasswordChanged(Secret::new(password)));
                        let _ = dialog.update(auth_dialog::Message::Authenticate);
                    }
                    None => {
                        println!("LEFT_OPEN={}", open.request.attempt);
                        let _ = dialog.update(auth_dialog::Message::Cancel);
                    }
                }
            }
        }
    };
    let _ = state.update(answer.clone());
    let result = result_of(&answer);
    let sentence = match &state.dialog {
        Some(Dialog::Password(dialog)) => dialog.refusal.clone(),
        _ => None,
    };
    print_outcome(result, sentence.as_deref(), &state.pending);
    Ok(())
}

/// How the page's change ended, for [`print_outcome`].
fn result_of(answer: &Message) -> Result<(), String> {
    match answer {
        Message::Changed(_, Ok(())) => Ok(()),
        Message::Changed(_, Err(error)) => Err(format!("{error:?}")),
        other => Err(format!("unexpected {other:?}")),
    }
}
