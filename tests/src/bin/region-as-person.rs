//! The other half of `tests/tests/region_page.rs`'s polkit test: the test starts this program
//! as `nobody` (not root: localed lets root through without asking polkit) inside polkitd's
//! mount namespace, with no authentication agent registered. It shows the Region & Language
//! page on the bed's bus, adds the keyboard layout `<layout>` through the picker, and prints
//! how it ended (`UID=`, `RESULT=`, `SENTENCE=`, `PENDING=`).
//!
//! Usage: `region-as-person <bus address> <layout>`

// Its output is what the test reads.
#![allow(clippy::print_stdout)]

use std::time::Duration;

use ferrum_integration_tests::feed_until;
use ferrum_panels::region::{self, Message, State, Watch, layout_picker};
use ferrum_panels::{Page, PageRequest};
use ferrum_services::SystemBus;
use futures::StreamExt;

const WAIT: Duration = Duration::from_secs(30);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let address = args.next().ok_or("usage: <bus address> <layout>")?;
    let layout = args.next().ok_or("no layout")?;
    let _guard = ferrum_i18n::use_locale("en-US");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let bus = SystemBus::with_address(&address);
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
        println!("UID={}", rustix::process::getuid().as_raw());
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
        Ok(())
    })
}
