//! The top bar: clock, network and battery. Its state, message, `update`
//! and drawing are here; the streams come from `ferrum-services`.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::ServiceUpdate;
use ferrum_services::network_status::{
    ConnectionKind, Connectivity, NetworkError, NetworkState, NetworkStatus,
};
use ferrum_services::upower::{BatteryState, PowerSupplyState, UPowerError};
use ferrum_ui::widgets::{FONT_BOLD, bidi_row, caption, reading_start};
use iced::widget::{column, container, space, text};

use crate::ids;
use iced::{Alignment, Element, Length};

use crate::clock::{self, ClockFace};
use crate::view::bar_style;

/// What the top bar hears about.
#[derive(Debug, Clone)]
pub enum Message {
    /// A new minute.
    Tick(jiff::Zoned),
    /// Battery and mains (UPower).
    Supply(ServiceUpdate<PowerSupplyState, UPowerError>),
    /// Network status (NetworkManager).
    Network(ServiceUpdate<NetworkStatus, NetworkError>),
}

/// What the top bar shows.
#[derive(Debug)]
pub struct State {
    pub(crate) clock: ClockFace,
    pub(crate) supply: Option<PowerSupplyState>,
    pub(crate) network: Option<NetworkStatus>,
}

impl Default for State {
    fn default() -> Self {
        Self {
            clock: clock::face(&clock::now()),
            supply: None,
            network: None,
        }
    }
}

impl State {
    /// Applies a message (nothing to ask for in return).
    pub fn update(&mut self, message: Message) {
        match message {
            Message::Tick(now) => self.clock = clock::face(&now),
            Message::Supply(update) => {
                self.supply = match update {
                    ServiceUpdate::Available(supply) => Some(supply),
                    _ => None,
                };
            }
            Message::Network(update) => {
                self.network = match update {
                    ServiceUpdate::Available(status) => Some(status),
                    _ => None,
                };
            }
        }
    }
}

/// The top bar.
pub fn view<'a>(status: &State) -> Element<'a, crate::Message> {
    let clock = column![
        text(status.clock.time.clone()).size(22).font(FONT_BOLD),
        caption(status.clock.date.clone()),
    ]
    .align_x(reading_start());
    let mut lines: Vec<Element<'a, crate::Message>> = Vec::new();
    if let Some(network) = network_line(status) {
        lines.push(status_label(ids::STATUS_NETWORK, network));
    }
    if let Some(battery) = battery_line(status) {
        lines.push(status_label(ids::STATUS_BATTERY, battery));
    }
    let lines = bidi_row(lines).spacing(18).align_y(Alignment::Center);
    container(
        bidi_row(vec![clock.into(), space::horizontal().into(), lines.into()])
            .align_y(Alignment::Center),
    )
    .padding([12, 24])
    .width(Length::Fill)
    .style(bar_style)
    .into()
}

fn status_label<'a>(id: ferrum_ui::WidgetId, line: String) -> Element<'a, crate::Message> {
    Accessible::new(
        id,
        AccessibleInfo::new(Role::Label, line.clone()),
        text(line).size(14),
    )
    .into()
}

fn network_line(status: &State) -> Option<String> {
    let network = status.network.as_ref()?;
    Some(match (&network.state, &network.primary) {
        (NetworkState::Connecting, _) => fl!("greeter-network-connecting"),
        (state, Some(primary)) if state.is_connected() => {
            let name = primary.id.clone();
            let line = match primary.kind {
                ConnectionKind::Wired => fl!("greeter-network-wired", name = name.clone()),
                ConnectionKind::Wifi => fl!("greeter-network-wifi", name = name.clone()),
                ConnectionKind::Vpn | ConnectionKind::WireGuard => {
                    fl!("greeter-network-vpn", name = name.clone())
                }
                ConnectionKind::Other => fl!("greeter-network-connected", name = name.clone()),
            };
            match network.connectivity {
                Connectivity::None | Connectivity::Limited | Connectivity::Portal => {
                    fl!("greeter-network-limited", name = line)
                }
                _ => line,
            }
        }
        _ => fl!("greeter-network-offline"),
    })
}

fn battery_line(status: &State) -> Option<String> {
    let battery = status.supply.as_ref()?.batteries.first()?;
    let percent = battery.percentage.round() as i64;
    Some(match battery.state {
        BatteryState::Charging | BatteryState::PendingCharge => {
            fl!("greeter-battery-charging", percent = percent)
        }
        _ => fl!("greeter-battery", percent = percent),
    })
}
