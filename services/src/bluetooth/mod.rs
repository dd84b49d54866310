//! BlueZ (bluetoothd): adapters, paired and nearby devices, pairing through
//! our own agent, and the commands on them.
//!
//! Built on `bluer`, BlueZ's own binding, which talks to the bus through
//! libdbus (beside zbus, which the other services use). Every bluer and
//! libdbus type stays inside this module: the page sees only the types
//! re-exported here.
//!
//! - [`watch`] is what the page follows: snapshots, agent requests, and
//!   bluetoothd's absence and return; while it lives our agent is the
//!   default agent and every powered adapter discovers (and is visible).
//! - The commands ([`set_powered`], [`pair`], [`connect`], …, or
//!   [`Action::run`]) each return a typed [`BluetoothError`].
//!
//! **One bus per process.** libdbus reads `DBUS_SYSTEM_BUS_ADDRESS` once per
//! process, so this module can only use the process's system bus; a
//! [`SystemBus`](crate::SystemBus) at another address is refused with
//! [`BluetoothError::ForeignBus`]. Tests run each Bluetooth test in a child
//! process of its own with the variable set.

mod agent;
mod commands;
mod error;
mod rfkill;
mod session;
mod types;
mod watch;

pub use agent::{
    AGENT_TIMEOUT, AgentAnswer, AgentAsk, AgentInputError, AgentReply, AgentRequest, Passkey,
    PendingAnswer, PinCode, passkey_digits,
};
pub use commands::{
    PAIR_TIMEOUT, cancel_pairing, connect, disconnect, forget, pair, rename, set_alias,
    set_blocked, set_powered,
};
pub use error::BluetoothError;
pub use types::{
    Action, Adapter, AdapterId, Device, DeviceAddress, DeviceKind, InvalidAddress, ServiceKind,
    Snapshot, Update,
};
pub use watch::{BUS_NAME, watch};
