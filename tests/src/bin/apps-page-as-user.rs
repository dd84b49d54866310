//! The Apps page changing the **system** installation as a user who is not root, for
//! `tests/tests/integration/apps_page.rs`: root's libflatpak writes a system installation itself, so only
//! another user's goes through Flatpak's system helper. The test starts this program as
//! `nobody` with the bed's user and system installations and an app of the bed's repo as its
//! arguments and the bed's private system bus as `DBUS_SYSTEM_BUS_ADDRESS`; it drives the
//! page's own `update` and requests — search, the app's details for the system installation,
//! Install, and with a fourth argument `<seconds>`: "DETAILS" printed once the details are
//! shown, Install only after a line on standard input, and Cancel `<seconds>` after it — and
//! prints how the change ended: `RESULT=` (the typed result) and `ENDED=` (the
//! sentence the page shows).

// Its output is what the test reads.
#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::time::Duration;

use ferrum_panels::apps::{self, Flatpak, Message, Offer, State};
use ferrum_panels::{Outcome, Page, PageRequest};
use ferrum_services::SystemBus;
use ferrum_services::apps::{AppRef, InstallationKind, Installations};
use ferrum_testbed::apps::{BRANCH, REMOTE};
use futures::StreamExt;

/// How long the whole change may take to end.
const DEADLINE: Duration = Duration::from_secs(40);

/// Runs what an outcome asks for, and what the answers ask for, to the end.
async fn settle(state: &mut State, mut outcome: Outcome<apps::Request>) {
    let bus = SystemBus::with_address("unix:path=/nonexistent");
    while let Some(request) = outcome.request.take() {
        let message = request.run(bus.clone()).await;
        outcome = state.update(message);
    }
}

async fn send(state: &mut State, message: Message) {
    let outcome = state.update(message);
    settle(state, outcome).await;
}

async fn install(
    state: &mut State,
    offer: Offer,
    cancel_after: Option<Duration>,
) -> Result<(), String> {
    let enter = state.enter();
    settle(state, enter).await;
    // The last part of the id finds it (`org.ferrum.Plain`: "plain").
    let query = offer
        .app
        .id
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    send(
        state,
        Message::Search(apps::search::Message::QueryChanged(query)),
    )
    .await;
    send(state, Message::Search(apps::search::Message::Search)).await;
    send(
        state,
        Message::Search(apps::search::Message::Select(offer.clone())),
    )
    .await;
    if state.search.selected_app().is_none() {
        return Err(format!("no details of {offer:?}: {:?}", state.search.found));
    }
    if cancel_after.is_some() {
        // The test does something to the helper now, and then says go on.
        println!("DETAILS");
        std::io::Write::flush(&mut std::io::stdout()).map_err(|error| error.to_string())?;
        let mut line = String::new();
        tokio::task::spawn_blocking(move || std::io::stdin().read_line(&mut line))
            .await
            .map_err(|error| error.to_string())?
            .map_err(|error| error.to_string())?;
    }
    send(
        state,
        Message::Search(apps::search::Message::Install(offer)),
    )
    .await;
    // The change's progress until it ends (Cancel pressed once, when asked for).
    let mut cancel_at = cancel_after.map(|after| tokio::time::Instant::now() + after);
    while state.ended.is_empty() {
        let Some(running) = state.running() else {
            return Err(format!("nothing runs: {:?}", state.run));
        };
        let mut events = apps::operation_stream(running).boxed();
        let message = match cancel_at {
            Some(at) => tokio::select! {
                message = events.next() => message,
                () = tokio::time::sleep_until(at) => {
                    cancel_at = None;
                    Some(Message::Cancel)
                }
            },
            None => events.next().await,
        };
        let Some(message) = message else {
            return Err("the operation ended without Finished".to_owned());
        };
        drop(events);
        send(state, message).await;
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1);
    let (Some(user), Some(system), Some(id)) = (args.next(), args.next(), args.next()) else {
        return Err(
            "usage: apps-page-as-user <user installation> <system installation> <app id> \
             [<seconds before Cancel>]"
                .into(),
        );
    };
    let id = id.into_string().map_err(|_| "the app id is not UTF-8")?;
    let cancel_after = match args.next() {
        Some(seconds) => Some(Duration::from_secs(
            seconds
                .to_str()
                .and_then(|seconds| seconds.parse().ok())
                .ok_or("the seconds before Cancel are not a number")?,
        )),
        None => None,
    };
    let home = PathBuf::from(std::env::var_os("HOME").ok_or("no HOME")?);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let _locale = ferrum_i18n::hold_locale("en-US");
        let flatpak = Flatpak::at(
            Installations::at(PathBuf::from(user), PathBuf::from(system), home),
            "unix:path=/nonexistent",
        );
        let mut state = State::on(flatpak);
        let offer = Offer {
            remote: REMOTE.to_owned(),
            app: AppRef {
                installation: InstallationKind::System,
                id,
                arch: std::env::consts::ARCH.to_owned(),
                branch: BRANCH.to_owned(),
            },
        };
        match tokio::time::timeout(DEADLINE, install(&mut state, offer, cancel_after)).await {
            Ok(Ok(())) => {
                let ended = &state.ended[0];
                println!("\nRESULT={:?}", ended.result);
                println!("ENDED={}", apps::ended_text(ended));
            }
            Ok(Err(why)) => println!("\nRESULT={why}"),
            Err(_) => println!(
                "\nRESULT=no end within {DEADLINE:?}: {:?}; remotes {:?}; updates {:?}; searching \
                 {}, found {:?}",
                state.run, state.remotes, state.updates, state.search.searching, state.search.found
            ),
        }
        Ok(())
    })
}
