//! Which screen `ferrum-greeter` shows: the login screen, or the first-boot setup while
//! the machine has no person on it.
//!
//! Decided at start, not by a flag in greetd's configuration: greetd keeps starting the
//! same command, and a flag would need that configuration rewritten by root once the
//! first person exists (and put back if that person's account goes). Asking at start
//! follows the machine itself. The answer is AccountsService's `HasNoUsers` (no account
//! with a user id from 1000 and a login shell) — the same criterion the polkit rule's
//! `no-people` helper checks before letting the greeter's user create that person.
//! When AccountsService cannot answer, the login screen is shown (which then asks for a
//! user name): the setup never appears by mistake on a machine that has people.
//! `--setup` forces the setup (for tests and demonstrations; the polkit rule still
//! decides what it may do).

use std::time::Duration;

use ferrum_services::SystemBus;
use ferrum_services::new_account;

/// How long the start waits for AccountsService's answer.
pub const DECIDE_TIMEOUT: Duration = Duration::from_secs(15);

/// The screen to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The login screen.
    Login,
    /// The first-boot setup.
    Setup,
}

/// Asks AccountsService whether the machine has a person on it (within
/// [`DECIDE_TIMEOUT`]); the login screen unless it says no.
pub async fn decide(bus: &SystemBus) -> Mode {
    match tokio::time::timeout(DECIDE_TIMEOUT, new_account::has_people(bus)).await {
        Ok(Ok(false)) => Mode::Setup,
        Ok(Ok(true)) => Mode::Login,
        Ok(Err(error)) => {
            tracing::warn!(%error, "AccountsService could not say whether people exist; showing the login screen");
            Mode::Login
        }
        Err(_) => {
            tracing::warn!(
                "AccountsService did not say whether people exist in time; showing the login screen"
            );
            Mode::Login
        }
    }
}
