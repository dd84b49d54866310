//! A sample of what localed, AccountsService and xkeyboard-config say — the machine in
//! German with British formats, a German and a US layout, the person in English — on a fixed
//! day, for the page's unit tests and the demo's and snapshots' drawings (which show the page
//! without the daemons).

use std::sync::Arc;

use ferrum_services::accounts::UserAccount;
use ferrum_services::layouts::{Layout, ordered};
use ferrum_services::locale::{Keyboard, Snapshot};
use ferrum_services::{ServiceUpdate, SystemBus};

use super::{List, Message, Page, State, layout_picker};

/// The person's user id.
pub const UID: u32 = 1000;

/// 2026-12-07, a Monday.
pub const TODAY: (i32, u8, u8) = (2026, 12, 7);

/// localed's snapshot: German, formats of Brazil, German and US layouts.
pub fn snapshot() -> Snapshot {
    Snapshot {
        locale: vec!["LANG=de_DE.UTF-8".into(), "LC_TIME=pt_BR.UTF-8".into()],
        vconsole_keymap: "de".into(),
        keyboard: Keyboard {
            layout: "de,us".into(),
            model: "pc105".into(),
            variant: "nodeadkeys,".into(),
            options: String::new(),
        },
    }
}

/// A few of xkeyboard-config's layouts.
pub fn layouts() -> Vec<Layout> {
    let layout = |name: &str, description: &str| Layout {
        name: name.into(),
        description: description.into(),
    };
    ordered(
        vec![
            layout("us", "English (US)"),
            layout("gb", "English (UK)"),
            layout("de", "German"),
            layout("fr", "French"),
            layout("es", "Spanish"),
            layout("br", "Portuguese (Brazil)"),
            layout("jp", "Japanese"),
            layout("ara", "Arabic"),
            layout("ua", "Ukrainian"),
            layout("ch", "German (Switzerland)"),
        ],
        &[],
    )
}

/// The person's account.
pub fn person() -> UserAccount {
    UserAccount {
        name: "ada".into(),
        real_name: Some("Ada Lovelace".into()),
        icon: None,
        language: Some("en_US.UTF-8".into()),
        session: None,
        uid: u64::from(UID),
    }
}

/// The page with the sample, on an unreachable bus.
pub fn state() -> State {
    let mut state = State::on(SystemBus::with_address("unix:path=/nonexistent"), UID);
    state.today = TODAY;
    let _ = state.update(Message::LayoutsLoaded(Arc::new(layouts())));
    let _ = state.update(Message::Watched(ServiceUpdate::Available(snapshot())));
    let _ = state.update(Message::People(ServiceUpdate::Available(vec![person()])));
    state
}

/// The sample with the formats' list open.
pub fn with_formats_open() -> State {
    let mut state = state();
    let _ = state.update(Message::Toggle(List::Formats));
    state
}

/// The sample with the layout picker open, searching for `query`.
pub fn with_picker(query: &str) -> State {
    let mut state = state();
    let _ = state.update(Message::OpenPicker);
    let _ = state.update(Message::Picker(layout_picker::Message::Query(
        query.to_owned(),
    )));
    state
}
