//! The other half of `tests/tests/integration/polkit_agent.rs`'s killed-agent test: an authentication
//! agent in a process of its own, which the test kills while polkitd waits for it. It
//! registers on the bus named by `DBUS_SYSTEM_BUS_ADDRESS` for the process given as its
//! argument, prints `REGISTERED` and `REQUEST <attempt>` lines, and never answers.

// Its output is what the test reads.
#![allow(clippy::print_stdout)]

use std::io::Write as _;

use ferrum_services::SystemBus;
use ferrum_services::polkit_agent::{AgentEvent, AgentOptions, Subject, run_agent};
use futures::StreamExt as _;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pid: u32 = std::env::args()
        .nth(1)
        .ok_or("usage: polkit-agent-child <subject pid>")?
        .parse()?;
    let subject = Subject::process(pid)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let events = run_agent(
            SystemBus::from_env(),
            AgentOptions::for_subject(subject, "C"),
        );
        let mut events = std::pin::pin!(events);
        // Requests are kept unanswered until the process is killed.
        let mut kept = Vec::new();
        while let Some(event) = events.next().await {
            let line = match &event {
                AgentEvent::Registered(_) => "REGISTERED".to_owned(),
                AgentEvent::Request(request) => format!("REQUEST {}", request.attempt),
                other => format!("OTHER {other:?}"),
            };
            println!("{line}");
            let _ = std::io::stdout().flush();
            if let AgentEvent::Request(request) = event {
                kept.push(request);
            }
        }
    });
    Ok(())
}
