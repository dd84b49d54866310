//! A sample of what AccountsService says — Ada (the caller, the only administrator), Grace
//! (standard) and a locked account — for the page's unit tests and the demo's and snapshots'
//! drawings (which show the page without the daemon).

use ferrum_services::users::{AccountType, Person};
use ferrum_services::{ServiceUpdate, SystemBus};

use super::{Message, Page, State};

/// The caller's user id.
pub const UID: u32 = 1000;
/// Grace's user id.
pub const GRACE: u32 = 1001;
/// The locked account's user id.
pub const LOCKED: u32 = 1002;

/// The people.
pub fn people() -> Vec<Person> {
    vec![
        Person {
            uid: UID,
            name: "ada".into(),
            real_name: Some("Ada Lovelace".into()),
            picture: None,
            account_type: AccountType::Administrator,
            locked: false,
            automatic_login: false,
            is_caller: true,
        },
        Person {
            uid: GRACE,
            name: "grace".into(),
            real_name: Some("Grace Hopper".into()),
            picture: None,
            account_type: AccountType::Standard,
            locked: false,
            automatic_login: false,
            is_caller: false,
        },
        Person {
            uid: LOCKED,
            name: "guest".into(),
            real_name: None,
            picture: None,
            account_type: AccountType::Standard,
            locked: true,
            automatic_login: false,
            is_caller: false,
        },
    ]
}

/// The page with [`people`] read, on a bus nothing answers on.
pub fn state() -> State {
    let mut state = State::on(SystemBus::with_address("unix:path=/nonexistent"), UID);
    let _ = state.update(Message::Watched(ServiceUpdate::Available(people())));
    state
}
