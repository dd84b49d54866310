//! The other half of `tests/tests/integration/hostname.rs`'s polkit tests: the test starts this program
//! as `nobody` (not root: hostnamed lets root through without asking polkit) inside polkitd's
//! mount namespace (where polkit's setuid helper finds the bed's administrators). It shows
//! the About page on the bed's bus, renames the computer to `<device name>` in the form
//! (the network name derived from it), and prints how it ended (`UID=`, `RESULT=`,
//! `SENTENCE=`, `PENDING=`). With `<admin uid> <password>` it first registers the session's
//! authentication agent for itself (as the settings app does) and answers polkit's
//! requests with that password.
//!
//! `<answer after ms> <method timeout ms> <interactive timeout ms>` after the password make
//! the agent answer late and set the bus's two bounds (the slow-typist test).
//!
//! Usage: `about-as-person <bus address> <device name> [<admin uid> <password>
//! [<answer after ms> <method timeout ms> <interactive timeout ms>]]`

use std::time::Duration;

use ferrum_integration_tests::feed_until;
use ferrum_integration_tests::person::{print_outcome, run_as_person};
use ferrum_panels::about::{self, Message, State, Watch, rename};
use ferrum_panels::{Page, PageRequest};
use futures::StreamExt;

const WAIT: Duration = Duration::from_secs(30);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    run_as_person("device name", async |bus, pretty| {
        let mut state = State::on(bus.clone());
        let mut watch = about::watch_stream(&Watch(bus.clone())).boxed();
        feed_until(&mut state, &mut watch, "hostnamed's names", WAIT, |state| {
            state.hostnames().is_some()
        })
        .await;
        let _ = state.update(Message::OpenRename);
        let _ = state.update(Message::Rename(rename::Message::Pretty(pretty.clone())));
        let request = state
            .update(Message::Rename(rename::Message::Submit))
            .request
            .ok_or("renaming asked for nothing")?;
        let answer = request.run(bus.clone()).await;
        let _ = state.update(answer.clone());
        let result = match &answer {
            Message::Renamed(Ok(())) => Ok(()),
            Message::Renamed(Err(failure)) => Err(failure.error.to_string()),
            other => Err(format!("unexpected {other:?}")),
        };
        let sentence = state.error.as_ref().map(|report| report.summary.as_str());
        print_outcome(result, sentence, &state.pending);
        Ok(())
    })
}
