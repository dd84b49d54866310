//! The other half of `tests/tests/integration/region_page.rs`'s polkit test: the test starts this program
//! as `nobody` (not root: localed lets root through without asking polkit) inside polkitd's
//! mount namespace. It shows the Region & Language page on the bed's bus, adds the keyboard
//! layout `<layout>` through the picker, and prints how it ended (`UID=`, `RESULT=`,
//! `SENTENCE=`, `PENDING=`). With `<admin uid> <password>` it first registers the session's
//! authentication agent for itself (as the settings app does) and answers polkit's request
//! with that password.
//!
//! Usage: `region-as-person <bus address> <layout> [<admin uid> <password>]`

use std::time::Duration;

use ferrum_integration_tests::feed_until;
use ferrum_integration_tests::person::{print_outcome, run_as_person};
use ferrum_panels::region::{self, Message, State, Watch, layout_picker};
use ferrum_panels::{Page, PageRequest};
use futures::StreamExt;

const WAIT: Duration = Duration::from_secs(30);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    run_as_person("layout", async |bus, layout| {
        let mut state = State::on(bus.clone(), rustix::process::getuid().as_raw());
        let mut watch = region::watch_stream(&Watch(bus.clone())).boxed();
        feed_until(
            &mut state,
            &mut watch,
            "localed's snapshot",
            WAIT,
            |state| state.snapshot().is_some(),
        )
        .await;
        let _ = state.update(Message::OpenPicker);
        let request = state
            .update(Message::Picker(layout_picker::Message::Choose(layout)))
            .request
            .ok_or("choosing the layout asked for nothing")?;
        let answer = request.run(bus.clone()).await;
        let _ = state.update(answer.clone());
        let result = match &answer {
            Message::Changed(_, Ok(())) => Ok(()),
            Message::Changed(_, Err(error)) => Err(error.to_string()),
            other => Err(format!("unexpected {other:?}")),
        };
        let sentence = state.error.as_ref().map(|report| report.summary.as_str());
        print_outcome(result, sentence, &state.pending);
        Ok(())
    })
}
