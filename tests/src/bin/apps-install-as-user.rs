//! The other half of `tests/tests/integration/apps.rs`'s polkit refusal: the test starts this program as
//! `nobody` with the bed's system installation as its argument (root's libflatpak changes a
//! system installation itself, so the refusal needs another user). Its libflatpak asks
//! Flatpak's system helper on the bed's bus (`DBUS_SYSTEM_BUS_ADDRESS`), which asks the bed's
//! polkit. It installs the bed's plain app and prints how that ended (`RESULT=`).

// Its output is what the test reads.
#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::time::Duration;

use ferrum_services::apps::{
    Action, AppRef, Apps, InstallationKind, Installations, OperationEvent,
};
use ferrum_testbed::apps::{BRANCH, PLAIN_ID, REMOTE};
use futures::StreamExt;

/// How long the install may take to end.
const DEADLINE: Duration = Duration::from_secs(60);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let system = PathBuf::from(
        std::env::args_os()
            .nth(1)
            .ok_or("usage: apps-install-as-user <system installation>")?,
    );
    let home = PathBuf::from(std::env::var_os("HOME").ok_or("no HOME")?);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let apps = Apps::new(Installations::at(home.join("user"), system, home))?;
        let plain = AppRef {
            installation: InstallationKind::System,
            id: PLAIN_ID.to_owned(),
            arch: std::env::consts::ARCH.to_owned(),
            branch: BRANCH.to_owned(),
        };
        let mut operation = apps.run(Action::Install {
            app: plain,
            remote: REMOTE.to_owned(),
        });
        let result = tokio::time::timeout(DEADLINE, async {
            while let Some(event) = operation.next().await {
                if let OperationEvent::Finished(result) = event {
                    return Some(result);
                }
            }
            None
        })
        .await;
        match result {
            Ok(Some(result)) => println!("\nRESULT={result:?}"),
            Ok(None) => println!("\nRESULT=the operation ended without Finished"),
            Err(_) => println!("\nRESULT=no end within {DEADLINE:?}"),
        }
        Ok(())
    })
}
