//! BlueZ (bluetoothd): adapters, paired and nearby devices, pairing through
//! our own agent, and the commands on them.
//!
//! Built on `bluer`, BlueZ's own binding, which talks to the bus through
//! libdbus (beside zbus, which the other services use). Every bluer and
//! libdbus type stays inside this module: the page sees only the types
//! re-exported here.

mod agent;
mod error;
mod types;

pub use agent::{
    AGENT_TIMEOUT, AgentAnswer, AgentAsk, AgentInputError, AgentReply, AgentRequest, Passkey,
    PendingAnswer, PinCode, passkey_digits,
};
pub use error::BluetoothError;
pub use types::{
    Action, Adapter, AdapterId, Device, DeviceAddress, DeviceKind, InvalidAddress, ServiceKind,
    Snapshot, Update,
};
