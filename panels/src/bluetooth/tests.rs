//! The Bluetooth page's `update`, without a bus: snapshots made here stand for
//! BlueZ, agent requests are made with `AgentRequest::new` (whose other end
//! shows what the page answered), and every assertion is on the state, the
//! outcome, or the answer BlueZ would get.

use ferrum_services::bluetooth::{
    Adapter, AdapterId, AgentAsk, AgentInputError, AgentRequest, DeviceKind, PendingAnswer,
    PinCode, ServiceKind,
};
use ferrum_services::error::{DbusFailure, FailureKind};
use ferrum_ui::{Effect, WidgetId};

use super::*;

const HEADSET: DeviceAddress = DeviceAddress([0x00, 0x1B, 0x66, 0x01, 0x02, 0x03]);
const KEYBOARD: DeviceAddress = DeviceAddress([0xDC, 0x2C, 0x26, 0x0A, 0x0B, 0x0C]);
const PHONE: DeviceAddress = DeviceAddress([0x5C, 0xF3, 0x70, 0x11, 0x22, 0x33]);

fn english() -> ferrum_i18n::LocaleGuard {
    ferrum_i18n::hold_locale("en-US")
}

fn hci(n: u8) -> AdapterId {
    AdapterId::new(format!("hci{n}"))
}

fn adapter(n: u8, alias: &str, powered: bool) -> Adapter {
    Adapter {
        id: hci(n),
        address: DeviceAddress([0x00, 0x1A, 0x7D, 0xDA, 0x71, n]),
        alias: alias.into(),
        system_name: "ferrum".into(),
        powered,
        discoverable: powered,
        discovering: powered,
    }
}

fn device(address: DeviceAddress, alias: &str, kind: DeviceKind, paired: bool) -> Device {
    Device {
        adapter: hci(0),
        address,
        name: Some(alias.into()),
        alias: alias.into(),
        kind,
        rssi: None,
        paired,
        trusted: paired,
        connected: false,
        blocked: false,
        battery: None,
        services: Vec::new(),
    }
}

/// One adapter, a paired headset (connected, 80 % battery), a paired keyboard
/// and a phone nearby.
fn snapshot() -> Snapshot {
    let mut headset = device(HEADSET, "WH-1000XM4", DeviceKind::Headset, true);
    headset.connected = true;
    headset.battery = Some(80);
    headset.services = vec![ServiceKind::AudioSink, ServiceKind::Headset];
    let mut phone = device(PHONE, "Anna's phone", DeviceKind::Phone, false);
    phone.rssi = Some(-58);
    Snapshot {
        adapters: vec![adapter(0, "ferrum-laptop", true)],
        devices: vec![
            headset,
            device(KEYBOARD, "K380", DeviceKind::Keyboard, true),
            phone,
        ],
    }
}

fn page_with(snapshot: Snapshot) -> State {
    let mut state = State::on(SystemBus::with_address("unix:path=/nonexistent"));
    assert!(
        state
            .update(Message::Watched(Update::Snapshot(snapshot)))
            .is_none()
    );
    state
}

fn ready_page() -> State {
    page_with(snapshot())
}

fn act(action: Action) -> Outcome<Request> {
    Outcome::request(Request::Act(action))
}

fn device_message(message: devices::Message) -> Message {
    Message::Device(message)
}

/// The row's facts as shown ("Headset · Connected · Trusted · Battery 80 %").
fn row_facts(state: &State, address: &DeviceAddress) -> String {
    devices::row_summary(state, state.device(address).expect("device shown"))
}

#[test]
fn a_snapshot_is_shown_with_its_lists_and_words() {
    let _english = english();
    let state = ready_page();
    let snapshot = state.snapshot().expect("ready");
    assert_eq!(state.current_adapter().map(|a| a.id.clone()), Some(hci(0)));
    assert_eq!(state.alias.text, "ferrum-laptop");
    let paired: Vec<String> = snapshot.paired().iter().map(|d| d.display_name()).collect();
    assert_eq!(paired, ["WH-1000XM4", "K380"]);
    let nearby: Vec<String> = snapshot.nearby().iter().map(|d| d.display_name()).collect();
    assert_eq!(nearby, ["Anna's phone"]);
    assert_eq!(
        row_facts(&state, &HEADSET),
        "Headset · Connected · Trusted · Battery 80 %"
    );
    assert_eq!(row_facts(&state, &KEYBOARD), "Keyboard · Paired · Trusted");
    assert_eq!(row_facts(&state, &PHONE), "Phone · Strong signal");
}

#[test]
fn signal_words_follow_the_rssi() {
    let _english = english();
    assert_eq!(Signal::from_rssi(-40), Signal::Strong);
    assert_eq!(Signal::from_rssi(-65), Signal::Strong);
    assert_eq!(Signal::from_rssi(-66), Signal::Fair);
    assert_eq!(Signal::from_rssi(-80), Signal::Fair);
    assert_eq!(Signal::from_rssi(-81), Signal::Weak);
    assert_eq!(signal_text(-90), "Weak signal");
    assert_eq!(kind_text(DeviceKind::Gamepad), "Game controller");
    assert_eq!(
        service_text(&ServiceKind::Other("6e400001".into())),
        "Service 6e400001"
    );
}

#[test]
fn toggling_power_asks_bluez_and_shows_the_switch_moving_until_the_answer() {
    let mut state = ready_page();
    let off = Action::SetPowered {
        adapter: hci(0),
        on: false,
    };
    assert_eq!(state.update(Message::PowerToggled(false)), act(off.clone()));
    assert_eq!(state.pending, std::slice::from_ref(&off));
    // A second flick while the first runs sends nothing.
    assert!(state.update(Message::PowerToggled(true)).is_none());
    // BlueZ answers, then its snapshot shows the radio off.
    let _ = state.update(Message::Done(off, Ok(())));
    assert!(state.pending.is_empty());
    let mut off_now = snapshot();
    off_now.adapters[0].powered = false;
    let _ = state.update(Message::Watched(Update::Snapshot(off_now)));
    assert!(state.update(Message::PowerToggled(false)).is_none());
    assert_eq!(
        state.update(Message::PowerToggled(true)),
        act(Action::SetPowered {
            adapter: hci(0),
            on: true
        })
    );
}

#[test]
fn a_refused_power_change_is_explained_and_leaves_nothing_pending() {
    let _english = english();
    let mut state = ready_page();
    let off = Action::SetPowered {
        adapter: hci(0),
        on: false,
    };
    let _ = state.update(Message::PowerToggled(false));
    let _ = state.update(Message::Done(
        off,
        Err(BluetoothError::Blocked {
            reason: "Blocked through rfkill".into(),
        }),
    ));
    assert!(state.pending.is_empty());
    let report = state.error.clone().expect("explained");
    assert_eq!(
        report.summary,
        "Could not turn Bluetooth off. The Bluetooth adapter is switched off or blocked. \
         BlueZ says: Blocked through rfkill"
    );
    // Copy details reaches the clipboard.
    let copy = state.update(Message::Report(error_report::Message::Copy));
    assert_eq!(copy.effect, Some(Effect::Copy(report.clipboard_text())));
}

#[test]
fn the_alias_is_checked_and_a_refused_one_is_kept() {
    let _english = english();
    let mut state = ready_page();
    let type_text = |state: &mut State, text: &str| {
        let _ = state.update(Message::Alias(adapter::Message::Changed(text.into())));
    };
    // Empty: a sentence, no request, the field keeps what was typed.
    type_text(&mut state, "   ");
    assert!(
        state
            .update(Message::Alias(adapter::Message::Save))
            .is_none()
    );
    assert_eq!(state.alias.error, Some(NameError::Empty));
    assert_eq!(state.alias.text, "   ");
    assert_eq!(
        adapter::name_error_text(NameError::Empty),
        "Type a name: it cannot be empty."
    );
    // Too long (248 bytes is the limit; 100 × "é" is 200 bytes, 125 is 250).
    let long = "é".repeat(125);
    type_text(&mut state, &long);
    assert_eq!(state.alias.error, Some(NameError::TooLong { bytes: 250 }));
    assert!(
        state
            .update(Message::Alias(adapter::Message::Save))
            .is_none()
    );
    assert_eq!(state.alias.text, long, "nothing lost");
    assert!(adapter::name_error_text(NameError::TooLong { bytes: 250 }).contains("250"));
    assert_eq!(check_name(&"é".repeat(124)).map(|n| n.len()), Ok(248));
    // A good name (trimmed) is sent; a snapshot meanwhile does not overwrite it.
    type_text(&mut state, "  Studio PC ");
    assert_eq!(state.alias.error, None);
    let save = Action::SetAlias {
        adapter: hci(0),
        alias: "Studio PC".into(),
    };
    assert_eq!(
        state.update(Message::Alias(adapter::Message::Save)),
        act(save.clone())
    );
    let _ = state.update(Message::Watched(Update::Snapshot(snapshot())));
    assert_eq!(state.alias.text, "  Studio PC ");
    // Refused: the text stays, the report explains.
    let denied = Err(BluetoothError::NotPermitted);
    let _ = state.update(Message::Done(save.clone(), denied));
    assert_eq!(state.alias.text, "  Studio PC ");
    assert!(state.alias.edited);
    assert_eq!(
        state.error.as_ref().map(|r| r.summary.as_str()),
        Some(
            "Could not change the name this computer is visible as. \
             You are not allowed to change this Bluetooth setting."
        )
    );
    // Accepted: the field follows BlueZ again.
    let _ = state.update(Message::Alias(adapter::Message::Save));
    let _ = state.update(Message::Done(save, Ok(())));
    let mut renamed = snapshot();
    renamed.adapters[0].alias = "Studio PC".into();
    let _ = state.update(Message::Watched(Update::Snapshot(renamed)));
    assert_eq!(state.alias.text, "Studio PC");
    assert!(!state.alias.edited);
}

/// Opens the pairing of the phone, then a question about it; returns the
/// outcome of the question and BlueZ's end of the answer.
fn asked(state: &mut State, ask: AgentAsk) -> (Outcome<Request>, PendingAnswer) {
    let pair = Action::Pair {
        adapter: hci(0),
        device: PHONE,
    };
    if state.pending_for(&PHONE).is_none() {
        assert_eq!(
            state.update(device_message(devices::Message::Pair(PHONE))),
            act(pair)
        );
    }
    let (request, pending) = AgentRequest::new(hci(0), PHONE, ask);
    let outcome = state.update(Message::Watched(Update::Agent(request)));
    (outcome, pending)
}

/// Runs the page's answer request as the shell would (it only hands the
/// answer to the reply).
fn deliver(outcome: Outcome<Request>) -> Message {
    let Some(request) = outcome.request else {
        panic!("no answer was sent: {outcome:?}");
    };
    futures::executor::block_on(request.run(SystemBus::with_address("unix:path=/nonexistent")))
}

fn focus(id: WidgetId) -> Option<Effect> {
    Some(Effect::Focus(id))
}

#[test]
fn a_pin_code_is_asked_checked_and_answered() {
    let _english = english();
    let mut state = ready_page();
    let (opened, mut pending) = asked(&mut state, AgentAsk::PinCode);
    assert_eq!(opened.effect, focus(pairing::CODE_ID));
    assert_eq!(opened.request, None);
    let dialog = state.pairing.as_ref().expect("dialog open");
    assert_eq!(
        dialog.question(),
        "Type the PIN code of “Anna's phone” (1 to 16 characters). It is in the device’s manual or shown on it."
    );
    // Empty, then too long: a sentence each, nothing sent.
    assert!(
        state
            .update(Message::Pairing(pairing::Message::Accept))
            .is_none()
    );
    assert_eq!(
        state.pairing.as_ref().and_then(|d| d.error),
        Some(AgentInputError::EmptyPin)
    );
    let _ = state.update(Message::Pairing(pairing::Message::Typed(
        "12345678901234567".into(),
    )));
    assert!(
        state
            .update(Message::Pairing(pairing::Message::Accept))
            .is_none()
    );
    assert_eq!(
        pairing::input_error_text(state.pairing.as_ref().and_then(|d| d.error).expect("error")),
        "A PIN code has at most 16 characters."
    );
    // The PIN never shows in Debug (of the message or the dialog).
    let typed = pairing::Message::Typed("8642".into());
    assert!(!format!("{typed:?}").contains("8642"));
    let _ = state.update(Message::Pairing(typed));
    assert!(!format!("{state:?}").contains("8642"));
    let answer = state.update(Message::Pairing(pairing::Message::Accept));
    assert!(state.pairing.is_none(), "closed once answered");
    assert!(matches!(deliver(answer), Message::Answered(true)));
    match pending.try_recv() {
        Some(AgentAnswer::PinCode(pin)) => assert_eq!(pin.as_str(), "8642"),
        other => panic!("expected the PIN, got {other:?}"),
    }
}

#[test]
fn a_passkey_is_asked_checked_and_answered() {
    let mut state = ready_page();
    let (opened, mut pending) = asked(&mut state, AgentAsk::Passkey);
    assert_eq!(opened.effect, focus(pairing::CODE_ID));
    let _ = state.update(Message::Pairing(pairing::Message::Typed("12a456".into())));
    assert!(
        state
            .update(Message::Pairing(pairing::Message::Accept))
            .is_none()
    );
    assert_eq!(
        state.pairing.as_ref().and_then(|d| d.error),
        Some(AgentInputError::PasskeyNotDigits)
    );
    // Typing again clears the error as soon as the text is good.
    let _ = state.update(Message::Pairing(pairing::Message::Typed("004213".into())));
    assert_eq!(state.pairing.as_ref().and_then(|d| d.error), None);
    let answer = state.update(Message::Pairing(pairing::Message::Accept));
    let _ = deliver(answer);
    match pending.try_recv() {
        Some(AgentAnswer::Passkey(passkey)) => assert_eq!(passkey.value(), 4213),
        other => panic!("expected the passkey, got {other:?}"),
    }
}

#[test]
fn a_displayed_code_stays_until_the_pairing_ends_and_cancel_rejects_it() {
    let _english = english();
    let mut state = ready_page();
    let (opened, _pending) = asked(
        &mut state,
        AgentAsk::DisplayPasskey {
            passkey: 123_456,
            entered: 0,
        },
    );
    assert_eq!(opened.effect, focus(ids::bluetooth_pairing("reject")));
    let dialog = state.pairing.as_ref().expect("shown");
    assert_eq!(
        dialog.question(),
        "Type 123456 on “Anna's phone”, then press Enter."
    );
    // Enter has nothing to send; a key typed on the device updates the dialog
    // without declining anything.
    assert!(
        state
            .update(Message::Pairing(pairing::Message::Accept))
            .is_none()
    );
    let (updated, _pending) = asked(
        &mut state,
        AgentAsk::DisplayPasskey {
            passkey: 123_456,
            entered: 3,
        },
    );
    assert_eq!(updated.request, None);
    // The pairing's answer closes it.
    let pair = Action::Pair {
        adapter: hci(0),
        device: PHONE,
    };
    let _ = state.update(Message::Done(pair.clone(), Ok(())));
    assert!(state.pairing.is_none());
    assert!(state.error.is_none());
    assert!(state.pending.is_empty());

    // A displayed PIN: Cancel rejects it (BlueZ cancels the pairing), and
    // the canceled pairing that follows is not reported as an error.
    let pin = PinCode::parse("0000").expect("pin");
    let (_, mut pending) = asked(&mut state, AgentAsk::DisplayPinCode(pin));
    assert!(!format!("{state:?}").contains("0000"));
    let cancel = state.update(Message::Pairing(pairing::Message::Reject));
    let _ = deliver(cancel);
    assert_eq!(pending.try_recv(), Some(AgentAnswer::Reject));
    let _ = state.update(Message::Done(
        pair,
        Err(BluetoothError::AuthenticationCanceled),
    ));
    assert!(state.error.is_none(), "{:?}", state.error);
    assert!(state.pending.is_empty());
}

#[test]
fn a_passkey_to_compare_is_confirmed_or_canceled() {
    let _english = english();
    let mut state = ready_page();
    let (opened, mut pending) = asked(&mut state, AgentAsk::Confirm { passkey: 42 });
    assert_eq!(opened.effect, focus(ids::bluetooth_pairing("accept")));
    assert_eq!(
        state.pairing.as_ref().map(pairing::State::question),
        Some("Does “Anna's phone” show 000042? Confirm only if it shows the same number.".into())
    );
    let accepted = state.update(Message::Pairing(pairing::Message::Accept));
    // The answer given, the focus goes back to the device's row (not nowhere).
    assert_eq!(
        accepted.effect,
        focus(ids::bluetooth_device(&PHONE, "details"))
    );
    let _ = deliver(accepted);
    assert_eq!(pending.try_recv(), Some(AgentAnswer::Accept));

    let (_, mut pending) = asked(&mut state, AgentAsk::Confirm { passkey: 42 });
    let rejected = state.update(Message::Pairing(pairing::Message::Reject));
    assert_eq!(
        rejected.effect,
        focus(ids::bluetooth_device(&PHONE, "details"))
    );
    let _ = deliver(rejected);
    assert_eq!(pending.try_recv(), Some(AgentAnswer::Reject));
    assert!(state.pairing.is_none());
}

#[test]
fn authorizations_are_allowed_or_denied() {
    let _english = english();
    let mut state = ready_page();
    let (opened, mut pending) = asked(&mut state, AgentAsk::Authorize);
    // Deny has the focus: nobody may have asked for this.
    assert_eq!(opened.effect, focus(ids::bluetooth_pairing("reject")));
    let _ = deliver(state.update(Message::Pairing(pairing::Message::Accept)));
    assert_eq!(pending.try_recv(), Some(AgentAnswer::Accept));

    let (_, mut pending) = asked(
        &mut state,
        AgentAsk::AuthorizeService {
            service: "0000110b-0000-1000-8000-00805f9b34fb".into(),
        },
    );
    assert_eq!(
        state.pairing.as_ref().map(pairing::State::question),
        Some("“Anna's phone” wants to use Audio playback on this computer. Allow it?".into())
    );
    let _ = deliver(state.update(Message::Pairing(pairing::Message::Reject)));
    assert_eq!(pending.try_recv(), Some(AgentAnswer::Reject));
}

#[test]
fn a_question_bluez_withdraws_closes_with_a_sentence() {
    let _english = english();
    let mut state = ready_page();
    let (_, _pending) = asked(&mut state, AgentAsk::Passkey);
    let id = state.pairing.as_ref().map(|d| d.request.id).expect("open");
    // Another id changes nothing.
    let _ = state.update(Message::Watched(Update::AgentCanceled { id: id + 1000 }));
    assert!(state.pairing.is_some());
    let _ = state.update(Message::Watched(Update::AgentCanceled { id }));
    assert!(state.pairing.is_none());
    assert_eq!(
        state.note,
        Some(Note::RequestEnded {
            device: "Anna's phone".into()
        })
    );
    // The pairing then fails: a sentence with BlueZ's reason, nothing pending.
    let _ = state.update(Message::Done(
        Action::Pair {
            adapter: hci(0),
            device: PHONE,
        },
        Err(BluetoothError::AuthenticationRejected {
            reason: "Authentication Rejected".into(),
        }),
    ));
    assert!(state.pending.is_empty());
    assert_eq!(
        state.error.as_ref().map(|r| r.summary.as_str()),
        Some("“Anna's phone” refused the pairing. BlueZ says: Authentication Rejected")
    );
    let _ = state.update(Message::NoteDismissed);
    assert_eq!(state.note, None);
}

#[test]
fn a_new_question_declines_the_open_one() {
    let mut state = ready_page();
    let (_, mut first) = asked(&mut state, AgentAsk::Passkey);
    let (outcome, _second) = asked(&mut state, AgentAsk::Confirm { passkey: 1 });
    assert_eq!(outcome.effect, focus(ids::bluetooth_pairing("accept")));
    let _ = deliver(outcome);
    assert_eq!(first.try_recv(), Some(AgentAnswer::Reject));
}

#[test]
fn a_failed_connect_says_why_and_leaves_no_connecting_state() {
    let _english = english();
    let mut state = ready_page();
    let connect = Action::Connect {
        adapter: hci(0),
        device: KEYBOARD,
    };
    assert_eq!(
        state.update(device_message(devices::Message::Connect(KEYBOARD))),
        act(connect.clone())
    );
    assert_eq!(row_facts(&state, &KEYBOARD), "Keyboard · Connecting…");
    // Clicking again while it runs sends nothing.
    assert!(
        state
            .update(device_message(devices::Message::Connect(KEYBOARD)))
            .is_none()
    );
    // Snapshots meanwhile do not end it; the answer does.
    let _ = state.update(Message::Watched(Update::Snapshot(snapshot())));
    assert!(row_facts(&state, &KEYBOARD).contains("Connecting…"));
    let _ = state.update(Message::Done(
        connect,
        Err(BluetoothError::ConnectionFailed {
            reason: "Page Timeout".into(),
        }),
    ));
    assert!(state.pending.is_empty());
    assert_eq!(row_facts(&state, &KEYBOARD), "Keyboard · Paired · Trusted");
    let report = state.error.clone().expect("explained");
    assert_eq!(
        report.summary,
        "Could not connect to “K380”. BlueZ says: Page Timeout"
    );
    assert!(report.detail.contains("Page Timeout"));
    // The next command clears the report.
    let _ = state.update(device_message(devices::Message::Connect(KEYBOARD)));
    assert!(state.error.is_none());
}

#[test]
fn a_device_with_nothing_to_connect_to_is_explained_and_stays_paired() {
    let _english = english();
    let mut state = ready_page();
    let connect = Action::Connect {
        adapter: hci(0),
        device: KEYBOARD,
    };
    let _ = state.update(device_message(devices::Message::Connect(KEYBOARD)));
    let _ = state.update(Message::Done(
        connect,
        Err(BluetoothError::NothingToConnect),
    ));
    assert_eq!(row_facts(&state, &KEYBOARD), "Keyboard · Paired · Trusted");
    assert_eq!(
        state.error.clone().expect("explained").summary,
        "Could not connect to “K380”. “K380” offers nothing this computer can connect to; it stays paired."
    );
}

#[test]
fn forget_asks_first() {
    let _english = english();
    let mut state = ready_page();
    let _ = state.update(device_message(devices::Message::ToggleDetails(HEADSET)));
    assert_eq!(state.devices.open, Some(HEADSET));
    let asked = state.update(device_message(devices::Message::Forget(HEADSET)));
    assert_eq!(asked.request, None, "nothing forgotten yet");
    assert_eq!(
        asked.effect,
        focus(ids::bluetooth_device(&HEADSET, "forget-cancel"))
    );
    assert_eq!(state.devices.confirm_forget, Some(HEADSET));
    // Cancel: focus back on Forget, nothing sent.
    let kept = state.update(device_message(devices::Message::ForgetCanceled));
    assert_eq!(kept.request, None);
    assert_eq!(
        kept.effect,
        focus(ids::bluetooth_device(&HEADSET, "forget"))
    );
    // A confirmation without the question sends nothing either.
    assert!(
        state
            .update(device_message(devices::Message::ForgetConfirmed(HEADSET)))
            .is_none()
    );
    let _ = state.update(device_message(devices::Message::Forget(HEADSET)));
    let forget = Action::Forget {
        adapter: hci(0),
        device: HEADSET,
    };
    assert_eq!(
        state.update(device_message(devices::Message::ForgetConfirmed(HEADSET))),
        act(forget.clone())
    );
    assert_eq!(
        row_facts(&state, &HEADSET),
        "Headset · Forgetting… · Battery 80 %"
    );
    // Its row goes: the focus moves to the next device's row.
    assert_eq!(
        state.update(Message::Done(forget, Ok(()))).effect,
        focus(ids::bluetooth_device(&KEYBOARD, "details"))
    );
    // BlueZ removes it: its details close.
    let mut gone = snapshot();
    gone.devices.retain(|d| d.address != HEADSET);
    let _ = state.update(Message::Watched(Update::Snapshot(gone)));
    assert_eq!(state.devices, devices::State::default());
}

#[test]
fn forgetting_the_last_device_leaves_the_focus_on_the_bluetooth_switch() {
    let mut lone = snapshot();
    lone.devices.retain(|d| d.address == HEADSET);
    let mut state = page_with(lone);
    let forget = Action::Forget {
        adapter: hci(0),
        device: HEADSET,
    };
    let _ = state.update(device_message(devices::Message::Forget(HEADSET)));
    let _ = state.update(device_message(devices::Message::ForgetConfirmed(HEADSET)));
    assert_eq!(
        state.update(Message::Done(forget, Ok(()))).effect,
        focus(ids::BLUETOOTH_POWER)
    );
}

#[test]
fn rename_block_and_pair_send_their_commands() {
    let _english = english();
    let mut state = ready_page();
    let _ = state.update(device_message(devices::Message::ToggleDetails(KEYBOARD)));
    let started = state.update(device_message(devices::Message::RenameStarted(KEYBOARD)));
    assert_eq!(
        started.effect,
        focus(ids::bluetooth_device(&KEYBOARD, "name").child("input"))
    );
    // The field starts with the name shown; an empty one is refused and kept.
    assert_eq!(
        state.devices.rename.as_ref().map(|r| r.text.as_str()),
        Some("K380")
    );
    let _ = state.update(device_message(devices::Message::RenameChanged(" ".into())));
    assert!(
        state
            .update(device_message(devices::Message::RenameSaved))
            .is_none()
    );
    assert_eq!(
        state.devices.rename.as_ref().and_then(|r| r.error),
        Some(NameError::Empty)
    );
    let _ = state.update(device_message(devices::Message::RenameChanged(
        "Office keyboard".into(),
    )));
    let rename = Action::Rename {
        adapter: hci(0),
        device: KEYBOARD,
        alias: "Office keyboard".into(),
    };
    assert_eq!(
        state.update(device_message(devices::Message::RenameSaved)),
        act(rename.clone())
    );
    let _ = state.update(Message::Done(rename, Ok(())));
    assert_eq!(state.devices.rename, None);

    let block = Action::SetBlocked {
        adapter: hci(0),
        device: KEYBOARD,
        blocked: true,
    };
    assert_eq!(
        state.update(device_message(devices::Message::SetBlocked(KEYBOARD, true))),
        act(block.clone())
    );
    let _ = state.update(Message::Done(block, Ok(())));
    assert_eq!(
        state.update(device_message(devices::Message::Disconnect(HEADSET))),
        act(Action::Disconnect {
            adapter: hci(0),
            device: HEADSET
        })
    );
    assert_eq!(
        state.update(device_message(devices::Message::Pair(PHONE))),
        act(Action::Pair {
            adapter: hci(0),
            device: PHONE
        })
    );
    assert_eq!(
        row_facts(&state, &PHONE),
        "Phone · Pairing… · Strong signal"
    );
    // The Sound link goes to the shell; the page itself does nothing with it.
    assert!(state.update(Message::OpenSoundSettings(HEADSET)).is_none());
}

#[test]
fn several_adapters_are_a_choice() {
    let mut two = snapshot();
    two.adapters.push(adapter(1, "usb-dongle", false));
    let mut state = page_with(two.clone());
    assert_eq!(state.current_adapter().map(|a| a.id.clone()), Some(hci(0)));
    let _ = state.update(Message::AdapterChosen(hci(1)));
    assert_eq!(state.current_adapter().map(|a| a.id.clone()), Some(hci(1)));
    assert_eq!(state.alias.text, "usb-dongle");
    // The power switch acts on the adapter shown.
    assert_eq!(
        state.update(Message::PowerToggled(true)),
        act(Action::SetPowered {
            adapter: hci(1),
            on: true
        })
    );
    // An unknown adapter is ignored; the chosen one unplugged falls back to the first.
    let _ = state.update(Message::AdapterChosen(hci(7)));
    assert_eq!(state.current_adapter().map(|a| a.id.clone()), Some(hci(1)));
    let _ = state.update(Message::Watched(Update::Snapshot(snapshot())));
    assert_eq!(state.current_adapter().map(|a| a.id.clone()), Some(hci(0)));
    assert_eq!(state.alias.text, "ferrum-laptop");
}

#[test]
fn bluetooth_unavailable_is_a_state_and_recovers() {
    let mut state = ready_page();
    let (_, mut pending) = asked(&mut state, AgentAsk::Authorize);
    let _ = state.update(Message::Watched(Update::Unavailable(
        BluetoothError::NotRunning,
    )));
    assert_eq!(state.bluetooth, ServiceStatus::Unavailable);
    assert!(state.pairing.is_none(), "BlueZ's question died with it");
    assert_eq!(state.error, None);
    // The dropped dialog means no answer; BlueZ had gone anyway.
    assert_eq!(pending.try_recv(), None);
    // The pairing under way answers (failed) and clears itself.
    let _ = state.update(Message::Done(
        Action::Pair {
            adapter: hci(0),
            device: PHONE,
        },
        Err(BluetoothError::NotRunning),
    ));
    assert!(state.pending.is_empty());
    for (error, status) in [
        (
            BluetoothError::NoAdapter,
            ServiceStatus::Failed(BluetoothError::NoAdapter),
        ),
        (
            BluetoothError::NoAnswer,
            ServiceStatus::Failed(BluetoothError::NoAnswer),
        ),
        (
            BluetoothError::BusUnreachable(DbusFailure::new(FailureKind::BusUnreachable, "gone")),
            ServiceStatus::BusUnreachable(DbusFailure::new(FailureKind::BusUnreachable, "gone")),
        ),
    ] {
        let _ = state.update(Message::Watched(Update::Unavailable(error)));
        assert_eq!(state.bluetooth, status);
    }
    let _ = state.update(Message::Watched(Update::Snapshot(snapshot())));
    assert!(state.snapshot().is_some());
    assert_eq!(state.alias.text, "ferrum-laptop");
}

#[test]
fn the_page_has_a_title_and_keywords() {
    let _english = english();
    assert_eq!(State::title(), "Bluetooth");
    for word in ["bluetooth", "headset", "pair", "wireless"] {
        assert!(State::keywords().split(';').any(|k| k == word), "{word}");
    }
}
