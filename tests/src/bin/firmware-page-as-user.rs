//! The other half of `tests/tests/integration/firmware_page.rs`'s polkit refusal: the test starts this
//! program as `nobody` with the bed's bus address as its argument (fwupd trusts root without
//! asking polkit, so the refusal needs another user). It shows the Firmware page on that bus,
//! presses the webcam's Update and prints how the run ended (`UID=`, `FAILURE=`, `SENTENCE=`).

// Its output is what the test reads.
#![allow(clippy::print_stdout)]

use std::time::Duration;

use ferrum_integration_tests::feed_until;
use ferrum_integration_tests::person::process_uid;
use ferrum_panels::Page;
use ferrum_panels::PageRequest;
use ferrum_panels::firmware::{self, Message, Run, State, Watch, run_text};
use ferrum_services::SystemBus;
use ferrum_testbed::firmware::TEST_DEVICE_ID;
use futures::StreamExt;

/// How long fwupd may take to show the webcam's update.
const WAIT: Duration = Duration::from_secs(30);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let address = std::env::args()
        .nth(1)
        .ok_or("usage: firmware-page-as-user <bus address>")?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let bus = SystemBus::with_address(&address);
        let mut state = State::on(bus.clone());
        let mut watch = firmware::watch_stream(&Watch(bus.clone())).boxed();
        feed_until(
            &mut state,
            &mut watch,
            "the webcam's update",
            WAIT,
            |state| {
                state
                    .snapshot()
                    .is_some_and(|snapshot| !snapshot.upgrades_for(TEST_DEVICE_ID).is_empty())
            },
        )
        .await;
        let request = state
            .update(Message::Update(TEST_DEVICE_ID.to_owned()))
            .request
            .ok_or("Update asked for nothing")?;
        let answer = request.run(bus.clone()).await;
        if let Some(install) = state.update(answer).request {
            let answer = install.run(bus.clone()).await;
            let _ = state.update(answer);
        }
        println!("UID={}", process_uid());
        if let Run::Failed { failure, .. } = &state.run {
            println!("FAILURE={failure:?}");
        } else {
            println!("FAILURE=none: {:?}", state.run);
        }
        println!("SENTENCE={}", run_text(&state.run).unwrap_or_default());
        Ok(())
    })
}
