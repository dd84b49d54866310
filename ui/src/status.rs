//! How a page holds the state of a service it shows.

use ferrum_i18n::fl;
use ferrum_services::ServiceUpdate;
use ferrum_services::error::DbusFailure;
use iced::Element;

use crate::widgets::{caption, notice};

/// What a page knows about one service.
#[derive(Debug, Clone, PartialEq)]
pub enum ServiceStatus<T, E> {
    /// Nothing heard yet.
    Loading,
    /// The daemon is running; its latest state.
    Ready(T),
    /// The daemon is not running (the page says so and waits for it).
    Unavailable,
    /// Reading the daemon's state failed.
    Failed(E),
    /// The system bus cannot be reached.
    BusUnreachable(DbusFailure),
}

impl<T, E> ServiceStatus<T, E> {
    /// The latest state, when the daemon is running.
    pub fn ready(&self) -> Option<&T> {
        match self {
            ServiceStatus::Ready(state) => Some(state),
            _ => None,
        }
    }

    /// The latest state, or what a page shows in its place: "Loading…" before anything is
    /// heard, its own notice while the daemon is not running (`unavailable`: its title and
    /// body), what it says of a failed read (`failed`), and the notice that the system bus
    /// cannot be reached.
    pub fn ready_or_notice<'a, M: Clone + 'a>(
        &'a self,
        unavailable: impl FnOnce() -> (String, String),
        failed: impl FnOnce(&'a E) -> Element<'a, M>,
    ) -> Result<&'a T, Element<'a, M>> {
        match self {
            ServiceStatus::Ready(state) => Ok(state),
            ServiceStatus::Loading => Err(caption(fl!("service-loading"))),
            ServiceStatus::Unavailable => {
                let (title, body) = unavailable();
                Err(notice(title, body))
            }
            ServiceStatus::Failed(error) => Err(failed(error)),
            ServiceStatus::BusUnreachable(failure) => {
                Err(notice(fl!("service-bus-unreachable"), failure.to_string()))
            }
        }
    }

    /// Follows a watch on a daemon that exits when idle and is started again by the next
    /// call (hostnamed, localed, timedated): its going away while a state is known keeps that
    /// state, and the answer is `true` (resting); any other update becomes the status
    /// (`false`).
    pub fn follow_resting(&mut self, update: ServiceUpdate<T, E>) -> bool {
        match update {
            ServiceUpdate::Unavailable if self.ready().is_some() => true,
            other => {
                *self = ServiceStatus::from(other);
                false
            }
        }
    }
}

impl<T, E> From<ServiceUpdate<T, E>> for ServiceStatus<T, E> {
    fn from(update: ServiceUpdate<T, E>) -> Self {
        match update {
            ServiceUpdate::Available(state) => ServiceStatus::Ready(state),
            ServiceUpdate::Unavailable => ServiceStatus::Unavailable,
            ServiceUpdate::Failed(error) => ServiceStatus::Failed(error),
            ServiceUpdate::BusUnreachable(failure) => ServiceStatus::BusUnreachable(failure),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ServiceStatus, ServiceUpdate};

    #[test]
    fn a_resting_daemon_keeps_its_state_until_it_answers_again() {
        let mut status = ServiceStatus::<u8, ()>::Loading;
        // Gone before any state: said as unavailable, not resting.
        assert!(!status.follow_resting(ServiceUpdate::Unavailable));
        assert_eq!(status, ServiceStatus::Unavailable);
        assert!(!status.follow_resting(ServiceUpdate::Available(1)));
        assert!(status.follow_resting(ServiceUpdate::Unavailable));
        assert_eq!(status, ServiceStatus::Ready(1));
        assert!(!status.follow_resting(ServiceUpdate::Available(2)));
        assert_eq!(status, ServiceStatus::Ready(2));
        assert!(!status.follow_resting(ServiceUpdate::Failed(())));
        assert_eq!(status, ServiceStatus::Failed(()));
    }
}
