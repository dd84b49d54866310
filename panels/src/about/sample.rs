//! A sample of what the About page reads — fixed facts and hostnamed's names for "Ada's
//! laptop" — for the page's unit tests and the snapshots' drawings (which show the page
//! without hostnamed).

use ferrum_services::hostname::Hostnames;
use ferrum_services::{ServiceUpdate, SystemBus};

use super::{Message, Page, State, SystemInfo, rename};

/// hostnamed's names in the sample.
pub fn names() -> Hostnames {
    Hostnames {
        hostname: "adas-laptop".to_owned(),
        static_hostname: Some("adas-laptop".to_owned()),
        pretty_hostname: Some("Ada's laptop".to_owned()),
    }
}

/// The facts in the sample.
pub fn info() -> SystemInfo {
    SystemInfo {
        os: Some("Ferrum 1.0".to_owned()),
        kernel: Some("6.12.0-ferrum".to_owned()),
        hostname: Some("Ada's laptop".to_owned()),
        processor: Some("Example CPU × 4".to_owned()),
        memory_bytes: Some(16 * (1 << 30)),
    }
}

/// The page with the sample, on an unreachable bus.
pub fn state() -> State {
    let mut state = State::on(SystemBus::with_address("unix:path=/nonexistent"));
    let _ = state.update(Message::Loaded(info()));
    let _ = state.update(Message::Watched(ServiceUpdate::Available(names())));
    state
}

/// The sample with the rename form open and a new device name typed: the network name
/// follows it.
pub fn with_rename() -> State {
    let mut state = state();
    let _ = state.update(Message::OpenRename);
    let _ = state.update(Message::Rename(rename::Message::Pretty(
        "Ada's Laptop 2".to_owned(),
    )));
    state
}

/// The sample with the rename form open and a network name that is not one.
pub fn with_bad_static() -> State {
    let mut state = with_rename();
    let _ = state.update(Message::Rename(rename::Message::Static(
        "Ada's-laptop".to_owned(),
    )));
    let _ = state.update(Message::Rename(rename::Message::Submit));
    state
}
