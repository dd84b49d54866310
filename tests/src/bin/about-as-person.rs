//! The other half of `tests/tests/hostname.rs`'s polkit tests: the test starts this program
//! as `nobody` (not root: hostnamed lets root through without asking polkit) inside polkitd's
//! mount namespace (where polkit's setuid helper finds the bed's administrators). It shows
//! the About page on the bed's bus, renames the computer to `<device name>` in the form
//! (the network name derived from it), and prints how it ended (`UID=`, `RESULT=`,
//! `SENTENCE=`, `PENDING=`). With `<admin uid> <password>` it first registers the session's
//! authentication agent for itself (as the settings app does) and answers polkit's
//! requests with that password.
//!
//! Usage: `about-as-person <bus address> <device name> [<admin uid> <password>]`

// Its output is what the test reads.
#![allow(clippy::print_stdout)]

use std::time::Duration;

use ferrum_integration_tests::feed_until;
use ferrum_integration_tests::person::{answer_polkit, process_uid};
use ferrum_panels::about::{self, Message, State, Watch, rename};
use ferrum_panels::{Page, PageRequest};
use ferrum_services::SystemBus;
use futures::StreamExt;

const WAIT: Duration = Duration::from_secs(30);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let address = args
        .next()
        .ok_or("usage: <bus address> <device name> [uid password]")?;
    let pretty = args.next().ok_or("no device name")?;
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
        println!("UID={}", process_uid());
        match &answer {
            Message::Renamed(Ok(())) => println!("RESULT=ok"),
            Message::Renamed(Err(failure)) => println!("RESULT=refused {}", failure.error),
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
        println!("PENDING={}", state.pending);
        if let Some(task) = agent_task {
            task.abort();
        }
        Ok(())
    })
}
