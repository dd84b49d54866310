//! The other half of `tests/tests/integration/date_time_page.rs`'s polkit tests: the test starts this
//! program as `nobody` (not root: timedated lets a caller with `CAP_SYS_TIME` through without
//! asking polkit) inside polkitd's mount
//! namespace (where polkit's setuid helper finds the bed's administrators). It shows the
//! Date & Time page on the bed's bus, chooses `<zone>` in the picker, and prints how it
//! ended (`UID=`, `RESULT=`, `SENTENCE=`). With `<admin uid> <password>` it first registers
//! the session's authentication agent for itself (as the settings app does) and answers
//! polkit's request with that password.
//!
//! Usage: `date-time-as-person <bus address> <zone> [<admin uid> <password>]`

use std::time::Duration;

use ferrum_accessibility::Preferences;
use ferrum_integration_tests::feed_until;
use ferrum_integration_tests::person::{print_outcome, run_as_person};
use ferrum_panels::date_time::{self, Message, State, Watch, zone_picker};
use ferrum_panels::{Page, PageRequest};
use futures::StreamExt;

const WAIT: Duration = Duration::from_secs(30);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    run_as_person("zone", async |bus, zone| {
        let mut state = State::on(bus.clone(), Preferences::default());
        let mut watch = date_time::watch_stream(&Watch(bus.clone())).boxed();
        feed_until(
            &mut state,
            &mut watch,
            "timedated's snapshot",
            WAIT,
            |state| state.snapshot().is_some(),
        )
        .await;
        let _ = state.update(Message::OpenPicker);
        let request = state
            .update(Message::Picker(zone_picker::Message::Choose(zone.clone())))
            .request
            .ok_or("choosing the zone asked for nothing")?;
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
