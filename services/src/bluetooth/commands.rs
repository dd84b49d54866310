//! Commands on adapters and devices. Each is bounded by the bus's method
//! timeout (`METHOD_TIMEOUT` in the apps), except pairing, which waits for
//! the person for up to [`PAIR_TIMEOUT`].

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use tokio::sync::oneshot;

use super::error::{BluetoothError, from_bluer};
use super::rfkill;
use super::session::{Context, read_kind};
use super::types::{Action, AdapterId, DeviceAddress};
use crate::bus::SystemBus;

/// How long a pairing may take: the person reads, compares or types a code
/// (BlueZ gives each agent request 60 s).
pub const PAIR_TIMEOUT: Duration = Duration::from_secs(90);

/// Pairings under way in this process, each with the way to cancel it.
static PAIRINGS: LazyLock<Mutex<Pairings>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Each pairing's device and the sender that cancels it.
type Pairings = HashMap<(AdapterId, DeviceAddress), oneshot::Sender<()>>;

fn pairings() -> std::sync::MutexGuard<'static, Pairings> {
    PAIRINGS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Cancels a [`pair`] under way in this process for this device (the
/// person closed the dialog showing a code, or pressed Cancel while the
/// device was being reached). Returns whether one was under way; the
/// [`pair`] call then ends with [`BluetoothError::AuthenticationCanceled`].
pub fn cancel_pairing(adapter: &AdapterId, device: &DeviceAddress) -> bool {
    pairings()
        .remove(&(adapter.clone(), *device))
        .is_some_and(|cancel| cancel.send(()).is_ok())
}

/// Removes the pairing's entry when the pairing ends, however it ends.
struct PairingEntry((AdapterId, DeviceAddress));

impl Drop for PairingEntry {
    fn drop(&mut self) {
        pairings().remove(&self.0);
    }
}

/// An adapter the session does not know is no adapter.
fn adapter_error(error: BluetoothError) -> BluetoothError {
    match error {
        BluetoothError::NotFound => BluetoothError::NoAdapter,
        error => error,
    }
}

/// Turns an adapter's radio on or off, remembered across reboots: off is a
/// soft block on the adapter's rfkill switch (which systemd-rfkill saves and
/// restores; BlueZ 5 does not store `Powered`) and then `Powered` false; on
/// is the reverse. Nothing is left half-done: if `Powered` cannot follow,
/// the switch goes back. An adapter without a switch is only powered.
pub async fn set_powered(
    bus: &SystemBus,
    adapter: &AdapterId,
    on: bool,
) -> Result<(), BluetoothError> {
    let context = Context::open(bus).await?;
    let handle = context.adapter(adapter)?;
    let switched = rfkill::set_blocked(adapter, !on).await?;
    let mut powered = context.run(handle.set_powered(on)).await;
    // bluetoothd takes a moment to hear of the unblock: until then it says
    // the radio is blocked.
    let mut tries = 0;
    while on && switched && matches!(powered, Err(BluetoothError::Blocked { .. })) && tries < 20 {
        tokio::time::sleep(UNBLOCK_SETTLE).await;
        powered = context.run(handle.set_powered(on)).await;
        tries += 1;
    }
    if let Err(error) = powered {
        if switched && let Err(undo) = rfkill::set_blocked(adapter, on).await {
            tracing::warn!(%adapter, %undo, "could not put the rfkill switch back");
        }
        return Err(adapter_error(error));
    }
    Ok(())
}

/// How long to wait before asking again to power an adapter just unblocked.
const UNBLOCK_SETTLE: Duration = Duration::from_millis(150);

/// Changes the name the adapter is visible as (empty resets it to the
/// system's name). BlueZ stores it.
pub async fn set_alias(
    bus: &SystemBus,
    adapter: &AdapterId,
    alias: String,
) -> Result<(), BluetoothError> {
    let context = Context::open(bus).await?;
    let handle = context.adapter(adapter)?;
    context
        .run(handle.set_alias(alias))
        .await
        .map_err(adapter_error)
}

/// Pairs with a device, trusts it, then connects it.
///
/// The pairing waits for the person (our agent's dialogs, from
/// [`watch`](super::watch), which must be running) for up to
/// [`PAIR_TIMEOUT`]; [`cancel_pairing`] ends it early. If the pairing is
/// canceled or fails, or trusting fails, a bond this call made is removed, so
/// nothing is left half-bonded. If connecting fails, an input device
/// (keyboard, mouse, …) is removed too (it would not reconnect by itself);
/// any other device stays paired and trusted and the error is returned —
/// except when it offers nothing to connect to (a phone or computer paired
/// for its own use: BlueZ's `ProfileUnavailable`), which is success.
pub async fn pair(
    bus: &SystemBus,
    adapter: &AdapterId,
    device: &DeviceAddress,
) -> Result<(), BluetoothError> {
    let context = Context::open(bus).await?;
    let adapter_handle = context.adapter(adapter)?;
    let handle = context.device(adapter, device)?;
    let was_paired = context.run(handle.is_paired()).await?;
    let kind_before = read_kind(&context, &handle).await;

    if !was_paired {
        let (cancel, canceled) = oneshot::channel();
        let key = (adapter.clone(), *device);
        if pairings().insert(key.clone(), cancel).is_some() {
            tracing::debug!(%adapter, %device, "a second pairing replaced the first one's cancel");
        }
        let _entry = PairingEntry(key);
        // Dropping bluer's pair future sends CancelPairing.
        let outcome = tokio::select! {
            result = tokio::time::timeout(PAIR_TIMEOUT, handle.pair()) => match result {
                Ok(result) => result.map_err(from_bluer),
                Err(_) => Err(BluetoothError::AuthenticationTimeout),
            },
            _ = canceled => Err(BluetoothError::AuthenticationCanceled),
        };
        match outcome {
            Ok(()) | Err(BluetoothError::AlreadyExists) => {}
            Err(error) => {
                // A pairing that completed just as it was canceled is undone.
                if matches!(context.run(handle.is_paired()).await, Ok(true)) {
                    remove(&context, &adapter_handle, device).await;
                }
                return Err(error);
            }
        }
    }

    let undo = |context: Context| async move {
        if !was_paired {
            remove(&context, &adapter_handle, device).await;
        }
    };
    if let Err(error) = context.run(handle.set_trusted(true)).await {
        undo(context).await;
        return Err(error);
    }
    let kind_after = read_kind(&context, &handle).await;
    let input = kind_before.is_input() || kind_after.is_input();
    match connect_device(&context, &handle).await {
        Ok(()) => Ok(()),
        // Paired and trusted is all a phone or computer with no profile for
        // us needs: nothing failed.
        Err(BluetoothError::NothingToConnect) if !input => Ok(()),
        Err(error) => {
            if input {
                undo(context).await;
            }
            Err(error)
        }
    }
}

/// Removes a device (and its bond) after a pairing step failed; a failure
/// here is only logged (the step's own error is what the person sees).
async fn remove(context: &Context, adapter: &bluer::Adapter, device: &DeviceAddress) {
    let address = bluer::Address::new(device.0);
    if let Err(error) = context.run(adapter.remove_device(address)).await {
        tracing::warn!(%device, %error, "could not remove a half-paired device");
    }
}

/// Connects a known device. Already connected is success.
pub async fn connect(
    bus: &SystemBus,
    adapter: &AdapterId,
    device: &DeviceAddress,
) -> Result<(), BluetoothError> {
    let context = Context::open(bus).await?;
    let handle = context.device(adapter, device)?;
    connect_device(&context, &handle).await
}

async fn connect_device(context: &Context, device: &bluer::Device) -> Result<(), BluetoothError> {
    match context.call(device.connect()).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(bluer::Error {
            kind: bluer::ErrorKind::AlreadyConnected,
            ..
        })) => Ok(()),
        // BlueZ says why a connection failed in `Failed`'s message
        // ("br-connection-page-timeout", "Page Timeout", …).
        Ok(Err(error)) => Err(match from_bluer(error) {
            BluetoothError::Failed { reason } => BluetoothError::ConnectionFailed { reason },
            error => error,
        }),
        Err(no_answer) => {
            // Dropping bluer's connect future does not cancel it: Disconnect does.
            let device = device.clone();
            let timeout = context.timeout;
            tokio::spawn(async move {
                let _ = tokio::time::timeout(timeout, device.disconnect()).await;
            });
            Err(no_answer)
        }
    }
}

/// Disconnects a device. Not connected is success.
pub async fn disconnect(
    bus: &SystemBus,
    adapter: &AdapterId,
    device: &DeviceAddress,
) -> Result<(), BluetoothError> {
    let context = Context::open(bus).await?;
    let handle = context.device(adapter, device)?;
    match context.call(handle.disconnect()).await? {
        Ok(()) => Ok(()),
        Err(bluer::Error {
            kind: bluer::ErrorKind::Internal(bluer::InternalErrorKind::DBus(name)),
            ..
        }) if name == "org.bluez.Error.NotConnected" => Ok(()),
        Err(error) => Err(from_bluer(error)),
    }
}

/// Removes a device and its pairing (`Adapter1.RemoveDevice`).
pub async fn forget(
    bus: &SystemBus,
    adapter: &AdapterId,
    device: &DeviceAddress,
) -> Result<(), BluetoothError> {
    let context = Context::open(bus).await?;
    let handle = context.adapter(adapter)?;
    context
        .run(handle.remove_device(bluer::Address::new(device.0)))
        .await
}

/// Blocks (refuses its connections) or unblocks a device.
pub async fn set_blocked(
    bus: &SystemBus,
    adapter: &AdapterId,
    device: &DeviceAddress,
    blocked: bool,
) -> Result<(), BluetoothError> {
    let context = Context::open(bus).await?;
    let handle = context.device(adapter, device)?;
    context.run(handle.set_blocked(blocked)).await
}

/// Renames a device (its alias; empty resets it to the device's own name).
pub async fn rename(
    bus: &SystemBus,
    adapter: &AdapterId,
    device: &DeviceAddress,
    alias: String,
) -> Result<(), BluetoothError> {
    let context = Context::open(bus).await?;
    let handle = context.device(adapter, device)?;
    context.run(handle.set_alias(alias)).await
}

impl Action {
    /// Carries the action out.
    pub async fn run(self, bus: &SystemBus) -> Result<(), BluetoothError> {
        match self {
            Action::SetPowered { adapter, on } => set_powered(bus, &adapter, on).await,
            Action::SetAlias { adapter, alias } => set_alias(bus, &adapter, alias).await,
            Action::Pair { adapter, device } => pair(bus, &adapter, &device).await,
            Action::Connect { adapter, device } => connect(bus, &adapter, &device).await,
            Action::Disconnect { adapter, device } => disconnect(bus, &adapter, &device).await,
            Action::Forget { adapter, device } => forget(bus, &adapter, &device).await,
            Action::SetBlocked {
                adapter,
                device,
                blocked,
            } => set_blocked(bus, &adapter, &device, blocked).await,
            Action::Rename {
                adapter,
                device,
                alias,
            } => rename(bus, &adapter, &device, alias).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canceling_reaches_only_a_pairing_under_way() {
        let adapter = AdapterId::new("hci7");
        let device = DeviceAddress([1, 2, 3, 4, 5, 6]);
        assert!(!cancel_pairing(&adapter, &device), "nothing under way");
        let (cancel, mut canceled) = oneshot::channel();
        pairings().insert((adapter.clone(), device), cancel);
        let entry = PairingEntry((adapter.clone(), device));
        assert!(cancel_pairing(&adapter, &device));
        assert_eq!(canceled.try_recv(), Ok(()));
        drop(entry);
        assert!(!cancel_pairing(&adapter, &device), "only once");
    }

    #[tokio::test]
    async fn a_foreign_bus_is_refused_before_any_call() {
        let bus = SystemBus::with_address("unix:path=/nonexistent/ferrum-foreign-bus");
        let adapter = AdapterId::new("hci0");
        let device = DeviceAddress([0; 6]);
        let refused = |result: Result<(), BluetoothError>| matches!(result, Err(BluetoothError::ForeignBus { asked, .. }) if asked == bus.address());
        assert!(refused(set_powered(&bus, &adapter, true).await));
        assert!(refused(pair(&bus, &adapter, &device).await));
        assert!(refused(
            Action::Forget {
                adapter: adapter.clone(),
                device
            }
            .run(&bus)
            .await
        ));
    }
}
