//! systemd-logind: power off, restart, suspend and hibernate (the login
//! screen's power menu).
//!
//! logind decides what the caller may do: each `Can…` call answers
//! [`Availability`], and every action is asked for with `interactive = true`,
//! so polkit may ask for authentication instead of refusing outright. The only
//! caller is the login screen, where no authentication agent runs (nobody could
//! answer a dialog), so these calls keep the bus's method timeout rather than
//! [`SystemBus::interactive`]'s minutes: a hung logind is said in 20 s. Nothing
//! here changes over time in a way logind announces (there is no signal for
//! `Can…`), so there is no stream: read [`available_actions`] when the menu
//! opens.

use zbus::Connection;

use crate::bus::SystemBus;
use crate::error::{DbusFailure, FailureKind};
use crate::proxies::logind::ManagerProxy;

/// The daemon's bus name.
pub const BUS_NAME: &str = "org.freedesktop.login1";

/// A power action logind can take for the whole machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PowerAction {
    /// Shut the machine down.
    PowerOff,
    /// Restart the machine.
    Reboot,
    /// Suspend to RAM.
    Suspend,
    /// Suspend to disk.
    Hibernate,
}

impl PowerAction {
    /// Every action, in the order a power menu lists them.
    pub const ALL: [PowerAction; 4] = [
        PowerAction::Suspend,
        PowerAction::Hibernate,
        PowerAction::Reboot,
        PowerAction::PowerOff,
    ];

    /// logind's method name for the action (`PowerOff`, `Reboot`, …).
    pub fn method_name(self) -> &'static str {
        match self {
            PowerAction::PowerOff => "PowerOff",
            PowerAction::Reboot => "Reboot",
            PowerAction::Suspend => "Suspend",
            PowerAction::Hibernate => "Hibernate",
        }
    }
}

/// Whether logind lets the caller take an action (the answer of `CanPowerOff`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Availability {
    /// Allowed without asking (`"yes"`).
    Yes,
    /// Allowed once polkit has authenticated the user (`"challenge"`).
    Challenge,
    /// Not allowed (`"no"`, and any answer this client does not know).
    No,
    /// The machine or its configuration does not support it (`"na"`), e.g.
    /// hibernation without a large enough swap.
    NotApplicable,
}

impl Availability {
    /// Parses logind's answer; an unknown answer is treated as [`Availability::No`].
    pub fn from_answer(answer: &str) -> Self {
        match answer.trim() {
            "yes" => Self::Yes,
            "challenge" => Self::Challenge,
            "na" => Self::NotApplicable,
            _ => Self::No,
        }
    }

    /// Whether a power menu should offer the action: allowed now or after
    /// authentication.
    pub fn is_offered(self) -> bool {
        matches!(self, Self::Yes | Self::Challenge)
    }
}

/// What can go wrong talking to logind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogindError {
    /// logind is not running (no systemd, or the bus is gone).
    #[error("systemd-logind is not running")]
    Unavailable(DbusFailure),
    /// polkit or logind refused the action (not allowed, authentication
    /// failed or dismissed, or an inhibitor blocks it).
    #[error("not allowed to {action}: {1}", action = action_text(*.0))]
    NotAuthorized(PowerAction, DbusFailure),
    /// logind owns its name but did not answer in time (hung). A call it has
    /// not answered may still be carried out when it resumes.
    #[error("systemd-logind did not answer in time (it may still act when it does): {0}")]
    NoAnswer(DbusFailure),
    /// Any other failure.
    #[error("systemd-logind failed: {0}")]
    Failed(DbusFailure),
}

fn action_text(action: PowerAction) -> &'static str {
    match action {
        PowerAction::PowerOff => "power off",
        PowerAction::Reboot => "restart",
        PowerAction::Suspend => "suspend",
        PowerAction::Hibernate => "hibernate",
    }
}

impl LogindError {
    /// The technical detail for the "Details" affordance.
    pub fn detail(&self) -> String {
        self.to_string()
    }

    /// The error for a failure of `action` (reading what is available passes no
    /// action: a refusal there is just a failure).
    fn classify(failure: DbusFailure, action: Option<PowerAction>) -> Self {
        match (failure.kind(), action) {
            (FailureKind::ServiceMissing | FailureKind::BusUnreachable, _) => {
                Self::Unavailable(failure)
            }
            (FailureKind::AccessDenied, Some(action)) => Self::NotAuthorized(action, failure),
            (FailureKind::Timeout, _) => Self::NoAnswer(failure),
            _ => Self::Failed(failure),
        }
    }
}

impl From<DbusFailure> for LogindError {
    fn from(failure: DbusFailure) -> Self {
        Self::classify(failure, None)
    }
}

impl From<zbus::Error> for LogindError {
    fn from(error: zbus::Error) -> Self {
        Self::from(DbusFailure::from(error))
    }
}

async fn manager(connection: &Connection) -> Result<ManagerProxy<'static>, LogindError> {
    Ok(ManagerProxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?)
}

async fn availability(
    manager: &ManagerProxy<'_>,
    action: PowerAction,
) -> Result<(PowerAction, Availability), LogindError> {
    let answer = match action {
        PowerAction::PowerOff => manager.can_power_off().await?,
        PowerAction::Reboot => manager.can_reboot().await?,
        PowerAction::Suspend => manager.can_suspend().await?,
        PowerAction::Hibernate => manager.can_hibernate().await?,
    };
    Ok((action, Availability::from_answer(&answer)))
}

/// What logind lets the caller do, for every action in [`PowerAction::ALL`]
/// order (asked concurrently).
pub async fn available_actions(
    bus: &SystemBus,
) -> Result<Vec<(PowerAction, Availability)>, LogindError> {
    let connection = bus.connection().await?;
    let manager = manager(&connection).await?;
    futures::future::try_join_all(
        PowerAction::ALL
            .iter()
            .map(|action| availability(&manager, *action)),
    )
    .await
}

/// Asks logind to take `action` now, interactively: polkit decides, and may
/// ask the user to authenticate first. Returns once logind has accepted it.
pub async fn perform(bus: &SystemBus, action: PowerAction) -> Result<(), LogindError> {
    let connection = bus.connection().await?;
    let manager = manager(&connection).await?;
    let interactive = true;
    let result = match action {
        PowerAction::PowerOff => manager.power_off(interactive).await,
        PowerAction::Reboot => manager.reboot(interactive).await,
        PowerAction::Suspend => manager.suspend(interactive).await,
        PowerAction::Hibernate => manager.hibernate(interactive).await,
    };
    result.map_err(|error| LogindError::classify(DbusFailure::from(error), Some(action)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_parse() {
        assert_eq!(Availability::from_answer("yes"), Availability::Yes);
        assert_eq!(
            Availability::from_answer("challenge"),
            Availability::Challenge
        );
        assert_eq!(Availability::from_answer("no"), Availability::No);
        assert_eq!(Availability::from_answer("na"), Availability::NotApplicable);
        assert_eq!(Availability::from_answer("maybe"), Availability::No);
        assert_eq!(Availability::from_answer(""), Availability::No);
    }

    #[test]
    fn only_yes_and_challenge_are_offered() {
        assert!(Availability::Yes.is_offered());
        assert!(Availability::Challenge.is_offered());
        assert!(!Availability::No.is_offered());
        assert!(!Availability::NotApplicable.is_offered());
    }

    #[test]
    fn failures_map_to_typed_errors() {
        let missing = DbusFailure::from(zbus::fdo::Error::ServiceUnknown("gone".into()));
        assert!(matches!(
            LogindError::from(missing),
            LogindError::Unavailable(_)
        ));
        let interactive = DbusFailure::from(zbus::fdo::Error::InteractiveAuthorizationRequired(
            "ask".into(),
        ));
        assert!(matches!(
            LogindError::classify(interactive.clone(), Some(PowerAction::Reboot)),
            LogindError::NotAuthorized(PowerAction::Reboot, _)
        ));
        assert!(matches!(
            LogindError::from(interactive),
            LogindError::Failed(_)
        ));
        let other = DbusFailure::from(zbus::fdo::Error::Failed("busy".into()));
        assert!(matches!(
            LogindError::classify(other, Some(PowerAction::PowerOff)),
            LogindError::Failed(_)
        ));
    }

    #[test]
    fn refusals_name_the_action() {
        let denied = DbusFailure::from(zbus::fdo::Error::AccessDenied("no".into()));
        let error = LogindError::classify(denied, Some(PowerAction::Reboot));
        assert_eq!(
            error.to_string(),
            "not allowed to restart: org.freedesktop.DBus.Error.AccessDenied: no"
        );
    }
}
