//! The Power page: power mode (power-profiles-daemon) and battery (UPower).

mod describe;
mod view;

use ferrum_i18n::fl;
use ferrum_services::ServiceUpdate;
use ferrum_services::SystemBus;
use ferrum_services::power_profiles::{self, PowerProfilesError, PowerProfilesState, Profile};
use ferrum_services::upower::{self, PowerSupplyState, UPowerError};
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;
use futures::StreamExt;
use iced::{Element, Subscription};

use crate::page::{self, Context, Outcome, Page, PageRequest};

pub use describe::{describe_change_error, format_duration, profile_title};

/// The Power page's state.
#[derive(Debug, Clone)]
pub struct State {
    bus: SystemBus,
    /// What power-profiles-daemon reports.
    pub profiles: ServiceStatus<PowerProfilesState, PowerProfilesError>,
    /// What UPower reports.
    pub supply: ServiceStatus<PowerSupplyState, UPowerError>,
    /// A profile the user chose that the daemon has not confirmed yet.
    pub pending: Option<Profile>,
    /// The last error of a change the user asked for.
    pub error: Option<ErrorReport>,
}

/// What happens on the Power page.
#[derive(Debug, Clone)]
pub enum Message {
    /// power-profiles-daemon changed, appeared or went away.
    ProfilesUpdated(ServiceUpdate<PowerProfilesState, PowerProfilesError>),
    /// UPower changed, appeared or went away.
    SupplyUpdated(ServiceUpdate<PowerSupplyState, UPowerError>),
    /// The user chose a profile.
    ProfileChosen(Profile),
    /// The daemon answered a profile change.
    ProfileApplied(Profile, Result<(), PowerProfilesError>),
    /// The user acted on the error report.
    Report(error_report::Message),
}

/// Work for the daemons that `update` asks the caller to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Switch the active profile.
    SetProfile(Profile),
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, bus: SystemBus) -> Message {
        match self {
            Request::SetProfile(profile) => {
                let result = power_profiles::set_active_profile(&bus, &profile).await;
                Message::ProfileApplied(profile, result)
            }
        }
    }
}

impl State {
    /// A page that has heard nothing yet, on `bus`.
    pub fn on(bus: SystemBus) -> Self {
        Self {
            bus,
            profiles: ServiceStatus::Loading,
            supply: ServiceStatus::Loading,
            pending: None,
            error: None,
        }
    }

    /// The profile to show as selected: the one being switched to, else the active one.
    pub fn selected_profile(&self) -> Option<&Profile> {
        self.pending
            .as_ref()
            .or_else(|| self.profiles.ready().map(|state| &state.active))
    }
}

impl Page for State {
    type Message = Message;
    type Request = Request;

    fn new(context: &Context) -> Self {
        Self::on(context.bus.clone())
    }

    fn title() -> String {
        fl!("power-title")
    }

    fn keywords() -> String {
        fl!("power-title.keywords")
    }

    fn update(&mut self, message: Message) -> Outcome<Request> {
        match message {
            Message::ProfilesUpdated(update) => {
                self.profiles = update.into();
                match &self.profiles {
                    ServiceStatus::Ready(state) if self.pending.as_ref() == Some(&state.active) => {
                        self.pending = None;
                    }
                    ServiceStatus::Unavailable | ServiceStatus::BusUnreachable(_) => {
                        self.pending = None;
                    }
                    _ => {}
                }
                Outcome::none()
            }
            Message::SupplyUpdated(update) => {
                self.supply = update.into();
                Outcome::none()
            }
            Message::ProfileChosen(profile) => {
                let current = self.profiles.ready().map(|state| &state.active);
                if current == Some(&profile) && self.pending.is_none() {
                    return Outcome::none();
                }
                self.error = None;
                self.pending = Some(profile.clone());
                Outcome::request(Request::SetProfile(profile))
            }
            Message::ProfileApplied(profile, result) => {
                match result {
                    Ok(()) => {
                        // The daemon confirms through PropertiesChanged; if it
                        // already did, the pending choice is settled.
                        if self.profiles.ready().map(|state| &state.active) == Some(&profile) {
                            self.pending = None;
                        }
                    }
                    Err(error) => {
                        if self.pending.as_ref() == Some(&profile) {
                            self.pending = None;
                        }
                        tracing::warn!(%error, "changing the power profile failed");
                        self.error = Some(describe_change_error(&error));
                    }
                }
                Outcome::none()
            }
            Message::Report(message) => page::report(&mut self.error, message),
        }
    }

    fn view(&self) -> Element<'_, Message> {
        view::page(self)
    }

    /// Live updates from both daemons; only runs while the page is shown.
    fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            Subscription::run_with(self.bus.clone(), profiles_stream),
            Subscription::run_with(self.bus.clone(), supply_stream),
        ])
    }
}

/// The stream behind the power-mode subscription (also used by tests).
pub fn profiles_stream(bus: &SystemBus) -> impl futures::Stream<Item = Message> + use<> {
    power_profiles::watch_state(bus.clone()).map(Message::ProfilesUpdated)
}

/// The stream behind the battery subscription (also used by tests).
pub fn supply_stream(bus: &SystemBus) -> impl futures::Stream<Item = Message> + use<> {
    upower::watch_state(bus.clone()).map(Message::SupplyUpdated)
}

#[cfg(test)]
mod tests;
