//! Driving python-dbusmock's `bluez5` template ([`Service::BluezMock`](crate::Service)): adding
//! adapters and devices, giving them kinds, signal and battery, making them refuse, and
//! reading the calls they received; a sample desk ([`BluezMock::add_desk`]) for the demo, the
//! benchmark and the AT-SPI walks, and calling an app's pairing agent as bluetoothd does
//! ([`BluezMock::ask_agent`]), since the template's `Pair` asks no agent.
//!
//! This host has no Bluetooth controller (no `hci_vhci`), so bluetoothd cannot run here; the
//! template stands in for it. What the template does (0.28.7, Debian 12): `AddAdapter` makes
//! a powered adapter; `AddDevice` an unpaired device with RSSI -79, an empty icon and class 0;
//! `Device1.Pair` pairs at once without asking any agent; `Properties.Set` works on every
//! property it has (and emits `PropertiesChanged`); `AgentManager1` records agents and never
//! calls them. Its `Device1.Connect`/`Disconnect` answer but leave the `Connected` property
//! as it was, so [`BluezMock::add_device`] replaces them on each device with methods that
//! change it (and emit the signal) as bluetoothd does.
//!
//! Everything goes through `busctl` on the bus named by the address, so a child test process
//! ([`crate::child`]) can drive the mock as well as the parent.

use std::process::{Child, Command, Stdio};

use crate::Error;
use crate::spec::BUSCTL;

/// The mock's bus name.
pub const BUS_NAME: &str = "org.bluez";
const MOCK: &str = "org.freedesktop.DBus.Mock";
const DEVICE: &str = "org.bluez.Device1";

/// `Device1.Connect` as bluetoothd behaves: `Connected` becomes true (with the signal).
const CONNECT: &str = "\
if self.props['org.bluez.Device1']['Connected']:
    raise dbus.exceptions.DBusException('Already Connected', name='org.bluez.Error.AlreadyConnected')
self.UpdateProperties('org.bluez.Device1', {'Connected': dbus.Boolean(True, variant_level=1)})
";
/// `Device1.Disconnect` as bluetoothd behaves.
const DISCONNECT: &str = "\
if not self.props['org.bluez.Device1']['Connected']:
    raise dbus.exceptions.DBusException('Not Connected', name='org.bluez.Error.NotConnected')
self.UpdateProperties('org.bluez.Device1', {'Connected': dbus.Boolean(False, variant_level=1)})
";

/// A device of the sample desk ([`BluezMock::add_desk`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeskDevice {
    /// Its address.
    pub address: &'static str,
    /// Its name (and alias).
    pub name: &'static str,
}

/// The sample desk's adapter.
pub const DESK_ADAPTER: &str = "hci0";
/// The name the sample desk's computer is visible as.
pub const DESK_HOST: &str = "ferrum-desk";
/// Paired, trusted and connected, with a battery at [`DESK_KEYBOARD_BATTERY`] % and a strong
/// signal.
pub const DESK_KEYBOARD: DeskDevice = DeskDevice {
    address: "11:22:33:44:55:01",
    name: "Desk keyboard",
};
/// The keyboard's battery level.
pub const DESK_KEYBOARD_BATTERY: u8 = 80;
/// Nearby (not paired): a headset with a strong signal.
pub const DESK_HEADSET: DeskDevice = DeskDevice {
    address: "11:22:33:44:55:03",
    name: "Studio headset",
};
/// Nearby (not paired): a phone with a fair signal.
pub const DESK_PHONE: DeskDevice = DeskDevice {
    address: "11:22:33:44:55:02",
    name: "Anna's phone",
};
/// The class of device the template gives phones (a smartphone).
const PHONE_CLASS: &str = "5898764";
/// The Human Interface Device service.
const HID_UUID: &str = "00001124-0000-1000-8000-00805f9b34fb";

/// One call a mock object received (from `org.freedesktop.DBus.Mock.GetMethodCalls`).
#[derive(Debug, Clone, PartialEq)]
pub struct MethodCall {
    /// The arguments, as `busctl --json` prints them (`{"type": …, "data": …}` each).
    pub args: Vec<serde_json::Value>,
}

impl MethodCall {
    /// The first argument's value when it is an object path or a string.
    pub fn first_str(&self) -> Option<&str> {
        self.args.first()?.get("data")?.as_str()
    }
}

/// A pairing agent on the bus ([`BluezMock::agent_of`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// The unique name of the connection that serves it.
    pub owner: String,
    /// Its object path.
    pub path: String,
}

/// The bluez5 mock on the bus at one address.
#[derive(Debug, Clone)]
pub struct BluezMock {
    address: String,
}

/// The object path of adapter `adapter` (`hci0`).
pub fn adapter_path(adapter: &str) -> String {
    format!("/org/bluez/{adapter}")
}

/// The object path of a device (`AA:BB:…`) on an adapter.
pub fn device_path(adapter: &str, device: &str) -> String {
    format!(
        "/org/bluez/{adapter}/dev_{}",
        device.replace(':', "_").to_uppercase()
    )
}

impl BluezMock {
    /// The mock on the bus at `address` (`unix:path=…`).
    pub fn at(address: &str) -> Self {
        Self {
            address: address.to_owned(),
        }
    }

    fn busctl(&self, args: &[&str]) -> Result<String, Error> {
        self.busctl_with(&[], args)
    }

    /// `busctl` with `options` (`--timeout=1`) before `args`.
    fn busctl_with(&self, options: &[&str], args: &[&str]) -> Result<String, Error> {
        let output = Command::new(BUSCTL)
            .arg("--system")
            .arg("--json=short")
            .args(options)
            // Negative numbers (an RSSI) are values, not options.
            .arg("--")
            .args(args)
            .env("DBUS_SYSTEM_BUS_ADDRESS", &self.address)
            .stdin(Stdio::null())
            .output()
            .map_err(|source| Error::Spawn {
                program: BUSCTL.into(),
                source,
            })?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        } else {
            Err(Error::Busctl {
                args: args.join(" "),
                stderr: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
            })
        }
    }

    fn call(
        &self,
        path: &str,
        interface: &str,
        method: &str,
        args: &[&str],
    ) -> Result<String, Error> {
        let mut all = vec!["call", BUS_NAME, path, interface, method];
        all.extend_from_slice(args);
        self.busctl(&all)
    }

    /// Adds a powered adapter (`hci0`, …) whose name and alias are `system_name`.
    pub fn add_adapter(&self, adapter: &str, system_name: &str) -> Result<(), Error> {
        self.call(
            "/",
            "org.bluez.Mock",
            "AddAdapter",
            &["ss", adapter, system_name],
        )
        .map(drop)
    }

    /// Removes an adapter and its devices.
    pub fn remove_adapter(&self, adapter: &str) -> Result<(), Error> {
        self.call(
            "/",
            "org.bluez.Mock",
            "RemoveAdapterWithDevices",
            &["s", adapter],
        )
        .map(drop)
    }

    /// Adds an unpaired device seen nearby (RSSI -79) named `name`, with `Connect` and
    /// `Disconnect` that change `Connected` as bluetoothd does.
    pub fn add_device(&self, adapter: &str, device: &str, name: &str) -> Result<(), Error> {
        self.call(
            "/",
            "org.bluez.Mock",
            "AddDevice",
            &["sss", adapter, device, name],
        )?;
        let path = device_path(adapter, device);
        self.add_method(&path, DEVICE, "Connect", CONNECT)?;
        self.add_method(&path, DEVICE, "Disconnect", DISCONNECT)
    }

    /// Marks a device paired (with the template's phone UUIDs). The template's `PairDevice`
    /// takes the class as a third argument in 0.28.7 (`ssi`) and not upstream (`ss`).
    pub fn pair_device(&self, adapter: &str, device: &str) -> Result<(), Error> {
        self.call(
            "/",
            "org.bluez.Mock",
            "PairDevice",
            &["ssi", adapter, device, "0"],
        )
        .or_else(|_| {
            self.call(
                "/",
                "org.bluez.Mock",
                "PairDevice",
                &["ss", adapter, device],
            )
        })
        .map(drop)
    }

    /// Marks a device connected.
    pub fn connect_device(&self, adapter: &str, device: &str) -> Result<(), Error> {
        self.call(
            "/",
            "org.bluez.Mock",
            "ConnectDevice",
            &["ss", adapter, device],
        )
        .map(drop)
    }

    /// Sets a property of a device (`Icon` `s` `input-keyboard`, `RSSI` `n` `-40`, `Class`
    /// `u` …) through `Properties.Set`, which emits `PropertiesChanged`.
    pub fn set_device_property(
        &self,
        adapter: &str,
        device: &str,
        name: &str,
        signature: &str,
        value: &str,
    ) -> Result<(), Error> {
        self.busctl(&[
            "set-property",
            BUS_NAME,
            &device_path(adapter, device),
            DEVICE,
            name,
            signature,
            value,
        ])
        .map(drop)
    }

    /// Sets a property of an adapter (`Powered` `b` `false`, …).
    pub fn set_adapter_property(
        &self,
        adapter: &str,
        name: &str,
        signature: &str,
        value: &str,
    ) -> Result<(), Error> {
        self.busctl(&[
            "set-property",
            BUS_NAME,
            &adapter_path(adapter),
            "org.bluez.Adapter1",
            name,
            signature,
            value,
        ])
        .map(drop)
    }

    /// Gives a device a battery (`org.bluez.Battery1.Percentage`).
    pub fn add_battery(&self, adapter: &str, device: &str, percentage: u8) -> Result<(), Error> {
        let percentage = percentage.to_string();
        self.call(
            &device_path(adapter, device),
            MOCK,
            "AddProperties",
            &[
                "sa{sv}",
                "org.bluez.Battery1",
                "1",
                "Percentage",
                "y",
                &percentage,
            ],
        )
        .map(drop)
    }

    /// Replaces a method of one object with Python `code` (run by dbusmock with `self` and
    /// `args`); e.g. a `Pair` that raises `org.bluez.Error.AuthenticationRejected`.
    pub fn add_method(
        &self,
        path: &str,
        interface: &str,
        method: &str,
        code: &str,
    ) -> Result<(), Error> {
        self.call(
            path,
            MOCK,
            "AddMethod",
            &["sssss", interface, method, "", "", code],
        )
        .map(drop)
    }

    /// Makes one device's `method` (`Pair`, `Connect`, …) fail with the BlueZ error `name`
    /// (`org.bluez.Error.…`) and `message`, as a device that refuses would.
    pub fn make_device_fail(
        &self,
        adapter: &str,
        device: &str,
        method: &str,
        name: &str,
        message: &str,
    ) -> Result<(), Error> {
        let code = format!("raise dbus.exceptions.DBusException({message:?}, name={name:?})");
        self.add_method(&device_path(adapter, device), DEVICE, method, &code)
    }

    /// The calls of `method` the object at `path` received, oldest first.
    pub fn method_calls(&self, path: &str, method: &str) -> Result<Vec<MethodCall>, Error> {
        let text = self.call(path, MOCK, "GetMethodCalls", &["s", method])?;
        let parsed: serde_json::Value =
            serde_json::from_str(&text).map_err(|error| Error::Busctl {
                args: format!("GetMethodCalls {method}"),
                stderr: format!("unreadable answer {text:?}: {error}"),
            })?;
        // {"type":"a(tav)","data":[[[timestamp, [args…]], …]]}
        let calls = parsed
            .get("data")
            .and_then(|data| data.get(0))
            .and_then(serde_json::Value::as_array)
            .cloned()
            .unwrap_or_default();
        Ok(calls
            .iter()
            .map(|call| MethodCall {
                args: call
                    .get(1)
                    .and_then(serde_json::Value::as_array)
                    .cloned()
                    .unwrap_or_default(),
            })
            .collect())
    }

    /// Furnishes the mock as a desk the demo, the benchmark and the AT-SPI walks show:
    /// adapter [`DESK_ADAPTER`] visible as [`DESK_HOST`], the paired keyboard
    /// [`DESK_KEYBOARD`] (trusted, connected, HID, battery) and two devices nearby,
    /// [`DESK_HEADSET`] and [`DESK_PHONE`].
    pub fn add_desk(&self) -> Result<(), Error> {
        let adapter = DESK_ADAPTER;
        self.add_adapter(adapter, DESK_HOST)?;
        let keyboard = DESK_KEYBOARD.address;
        self.add_device(adapter, keyboard, DESK_KEYBOARD.name)?;
        self.pair_device(adapter, keyboard)?;
        for (name, signature, value) in [
            ("Icon", "s", "input-keyboard"),
            // 0x002540: peripheral, keyboard.
            ("Class", "u", "9536"),
            ("Trusted", "b", "true"),
            ("RSSI", "n", "-48"),
        ] {
            self.set_device_property(adapter, keyboard, name, signature, value)?;
        }
        // `PairDevice` gave it a phone's services.
        self.busctl(&[
            "set-property",
            BUS_NAME,
            &device_path(adapter, keyboard),
            DEVICE,
            "UUIDs",
            "as",
            "1",
            HID_UUID,
        ])?;
        self.add_battery(adapter, keyboard, DESK_KEYBOARD_BATTERY)?;
        self.connect_device(adapter, keyboard)?;
        self.add_device(adapter, DESK_HEADSET.address, DESK_HEADSET.name)?;
        self.set_device_property(adapter, DESK_HEADSET.address, "Icon", "s", "audio-headset")?;
        self.set_device_property(adapter, DESK_HEADSET.address, "RSSI", "n", "-52")?;
        self.add_device(adapter, DESK_PHONE.address, DESK_PHONE.name)?;
        self.set_device_property(adapter, DESK_PHONE.address, "Class", "u", PHONE_CLASS)?;
        self.set_device_property(adapter, DESK_PHONE.address, "RSSI", "n", "-71")
    }

    /// The pairing agent the process `pid` registered last (the mock records
    /// `RegisterAgent`; the agent is the default one while the app's Bluetooth page is
    /// shown): the unique name of that process's connection serving it and its path.
    /// `None` when no connection of `pid` serves an agent the mock knows.
    pub fn agent_of(&self, pid: u32) -> Result<Option<Agent>, Error> {
        let Some(path) = self
            .method_calls("/org/bluez", "RegisterAgent")?
            .last()
            .and_then(MethodCall::first_str)
            .map(str::to_owned)
        else {
            return Ok(None);
        };
        let names = self.busctl(&[
            "call",
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "ListNames",
        ])?;
        let names: serde_json::Value = serde_json::from_str(&names).unwrap_or_default();
        let unique = names["data"][0]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(serde_json::Value::as_str)
            .filter(|name| name.starts_with(':'));
        for name in unique {
            let owner = self
                .busctl(&[
                    "call",
                    "org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus",
                    "GetConnectionUnixProcessID",
                    "s",
                    name,
                ])
                .ok()
                .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
                .and_then(|value| value["data"][0].as_u64());
            if owner != Some(u64::from(pid)) {
                continue;
            }
            // A connection without an object server (zbus's) never answers: do not wait.
            let introspected = self.busctl_with(
                &["--timeout=1"],
                &[
                    "call",
                    name,
                    &path,
                    "org.freedesktop.DBus.Introspectable",
                    "Introspect",
                ],
            );
            if introspected.is_ok_and(|xml| xml.contains("org.bluez.Agent1")) {
                return Ok(Some(Agent {
                    owner: name.to_owned(),
                    path,
                }));
            }
        }
        Ok(None)
    }

    /// Calls `agent` as bluetoothd does during a pairing (`RequestConfirmation` `ou`
    /// `<device path>` `123456`, …) without waiting for the answer, which comes when the
    /// person answers the page's dialog: the running `busctl` (its status says whether the
    /// agent accepted; it gives up after 120 s). The caller waits for or kills it.
    pub fn ask_agent(&self, agent: &Agent, method: &str, args: &[&str]) -> Result<Child, Error> {
        Command::new(BUSCTL)
            .arg("--system")
            .arg("--timeout=120")
            .arg("--")
            .args([
                "call",
                &agent.owner,
                &agent.path,
                "org.bluez.Agent1",
                method,
            ])
            .args(args)
            .env("DBUS_SYSTEM_BUS_ADDRESS", &self.address)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|source| Error::Spawn {
                program: BUSCTL.into(),
                source,
            })
    }

    /// Forgets the calls recorded so far on the object at `path`.
    pub fn clear_calls(&self, path: &str) -> Result<(), Error> {
        self.call(path, MOCK, "ClearCalls", &[]).map(drop)
    }
}
