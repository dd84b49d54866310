//! The other half of `tests/tests/date_time_page.rs`'s polkit tests: the test starts this
//! program as `nobody` (not root: timedated lets a caller with `CAP_SYS_TIME` through without
//! asking polkit) inside polkitd's mount
//! namespace (where polkit's setuid helper finds the bed's administrators). It shows the
//! Date & Time page on the bed's bus, chooses `<zone>` in the picker, and prints how it
//! ended (`UID=`, `RESULT=`, `SENTENCE=`). With `<admin uid> <password>` it first registers
//! the session's authentication agent for itself (as the settings app does) and answers
//! polkit's request with that password.
//!
//! Usage: `date-time-as-person <bus address> <zone> [<admin uid> <password>]`

// Its output is what the test reads.
#![allow(clippy::print_stdout)]

use std::time::Duration;

use ferrum_accessibility::Preferences;
use ferrum_integration_tests::feed_until;
use ferrum_integration_tests::person::{answer_polkit, process_uid};
use ferrum_panels::date_time::{self, Message, State, Watch, zone_picker};
use ferrum_panels::{Page, PageRequest};
use ferrum_services::SystemBus;
use futures::StreamExt;

const WAIT: Duration = Duration::from_secs(30);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let address = args
        .next()
        .ok_or("usage: <bus address> <zone> [uid password]")?;
    let zone = args.next().ok_or("no zone")?;
    let admin: Option<(u32, String)> = match (args.next(), args.next()) {
        (Some(uid), Some(password)) => Some((uid.parse()?, password)),
        _ => None,
    };
    let _guard = ferrum_i18n::use_locale("en-US");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let bus = SystemBus::with_address(&address);
        let agent_task = answer_polkit(&bus, admin).await?;
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
        println!("UID={}", process_uid());
        match &answer {
            Message::Changed(_, Ok(())) => println!("RESULT=ok"),
            Message::Changed(_, Err(error)) => println!("RESULT=refused {error}"),
            other => println!("RESULT=unexpected {other:?}"),
        }
        println!(
            "SENTENCE={}",
            state
                .error
                .as_ref()
                .map(|report| report.summary.clone())
                .unwrap_or_default()
        );
        println!("PENDING={:?}", state.pending);
        if let Some(task) = agent_task {
            task.abort();
        }
        Ok(())
    })
}
