//! The other half of `tests/tests/integration/users_page.rs`'s polkit test: the test starts this program
//! as `nobody` (not root: polkitd lets root through without asking) inside polkitd's mount
//! namespace (where polkit's setuid helper finds the bed's administrators). It adds the
//! standard person `<name>` through the Users page's add dialog on the bed's bus and prints
//! how it ended (`UID=`, `RESULT=`, `SENTENCE=` — the dialog's refusal —, `PENDING=`). With
//! `<admin uid> <password>` it first registers the session's authentication agent for itself
//! (as the settings app does) and answers polkit's request with that password.
//!
//! Usage: `users-as-person <bus address> <name> [<admin uid> <password>]`

use ferrum_integration_tests::person::{print_outcome, run_as_person};
use ferrum_panels::users::{Dialog, Message, State, add};
use ferrum_panels::{Page, PageRequest};
use ferrum_services::secret::Secret;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    run_as_person("name", async |bus, name| {
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
        let result = match &answer {
            Message::Changed(_, Ok(())) => Ok(()),
            Message::Changed(_, Err(error)) => Err(format!("{error:?}")),
            other => Err(format!("unexpected {other:?}")),
        };
        let sentence = match &state.dialog {
            Some(Dialog::Add(dialog)) => dialog.refusal.clone(),
            _ => None,
        };
        print_outcome(result, sentence.as_deref(), &state.pending);
        Ok(())
    })
}
