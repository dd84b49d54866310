//! How a page holds the state of a service it shows.

use ferrum_services::ServiceUpdate;
use ferrum_services::error::DbusFailure;

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
