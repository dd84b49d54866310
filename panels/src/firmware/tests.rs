//! The Firmware page's `update`, pure: the update's state machine from **Update** to its
//! end (fwupd's steps, the answer, fwupd leaving), the words for every step, ending and
//! failure, which devices are listed, and the automatic-refresh rule (a day, metered,
//! offline).

use std::sync::Arc;

use ferrum_i18n::fl;
use ferrum_services::DbusFailure;
use ferrum_services::error::FailureKind;
use ferrum_services::firmware::{
    DeviceFlags, DeviceRequest, Metered, NetworkConditions, Progress, RemoteKind, RequestKind,
    Status, UpdateState, Urgency,
};
use ferrum_services::logind::LogindError;

use super::sample::{self, DOCK, WEBCAM};
use super::*;
use crate::ids;
use ferrum_ui::Effect;

fn dbus(kind: FailureKind) -> DbusFailure {
    DbusFailure::new(kind, "test")
}

fn progress(status: Status, percentage: u32) -> Message {
    Message::Watched(Update::Progress(Progress { status, percentage }))
}

fn cabinet() -> Cabinet {
    // A real (empty) sealed download: `firmware::download` of a file.
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    let release = Release {
        locations: vec![format!("file://{}", file.path().display())],
        ..sample::release("1.2.4", 0, Urgency::High)
    };
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
        .block_on(firmware::download(&release))
        .expect("a file downloads")
}

/// The page with the webcam's update pressed and downloaded: at the check.
fn checking() -> State {
    let mut state = sample::page();
    let outcome = state.update(Message::Update(WEBCAM.to_owned()));
    assert!(matches!(outcome.request, Some(Request::Download(ref r)) if r.version == "1.2.4"));
    let outcome = state.update(Message::Downloaded(Ok(cabinet())));
    assert!(
        matches!(outcome.request, Some(Request::Install { ref device_id, .. }) if device_id == WEBCAM)
    );
    state
}

fn step_of(state: &State) -> Option<(Step, Option<u32>)> {
    match &state.run {
        Run::Active { step, percent, .. } => Some((*step, *percent)),
        _ => None,
    }
}

#[test]
fn an_update_goes_from_download_through_fwupds_steps_to_done() {
    let mut state = sample::page();
    assert_eq!(state.run, Run::Idle);
    let _ = state.update(Message::Update(WEBCAM.to_owned()));
    assert_eq!(step_of(&state), Some((Step::Downloading, None)));
    // fwupd's progress belongs to someone else until the page hands the file over.
    let _ = state.update(progress(Status::DeviceWrite, 30));
    assert_eq!(step_of(&state), Some((Step::Downloading, None)));

    let mut state = checking();
    assert_eq!(step_of(&state), Some((Step::Checking, None)));
    for (status, percent, step) in [
        (Status::Decompressing, 0, Step::Preparing),
        (Status::WaitingForAuth, 0, Step::Authorizing),
        (Status::DeviceBusy, 0, Step::WaitingForDevice),
        (Status::DeviceWrite, 1, Step::Writing),
        (Status::DeviceWrite, 36, Step::Writing),
        (Status::WaitingForUser, 36, Step::WaitingForYou),
        (Status::DeviceVerify, 80, Step::Verifying),
        (Status::DeviceRestart, 99, Step::RestartingDevice),
    ] {
        let outcome = state.update(progress(status, percent));
        assert!(outcome.is_none());
        assert_eq!(step_of(&state), Some((step, Some(percent))), "{status:?}");
    }
    // Idle before the answer: the run waits for it (the bar stays at its last step).
    let _ = state.update(progress(Status::Idle, 100));
    assert_eq!(step_of(&state), Some((Step::RestartingDevice, Some(99))));
    let outcome = state.update(Message::Installed(Ok(Installed::Done)));
    assert!(matches!(
        state.run,
        Run::Finished {
            ending: Ending::Done,
            ..
        }
    ));
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::FIRMWARE_RUN.child("close")))
    );
    assert_eq!(outcome.request, None);
    // Progress after the end changes nothing; Close goes back to idle, and the keyboard to
    // the device's Update while fwupd still offers it (the new snapshot has not come yet).
    let _ = state.update(progress(Status::DeviceWrite, 5));
    assert!(matches!(state.run, Run::Finished { .. }));
    let outcome = state.update(Message::RunDismissed);
    assert_eq!(state.run, Run::Idle);
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::firmware_device(WEBCAM, "update")))
    );
    // A late answer with nothing under way: nothing.
    assert!(
        state
            .update(Message::Installed(Ok(Installed::Done)))
            .is_none()
    );
}

#[test]
fn one_update_at_a_time_and_only_an_offered_one() {
    let mut state = checking();
    assert!(state.update(Message::Update(DOCK.to_owned())).is_none());
    // Closing an update under way does nothing.
    let _ = state.update(Message::RunDismissed);
    assert!(state.run.is_active());

    let mut state = sample::page();
    assert!(
        state
            .update(Message::Update(sample::CPU.to_owned()))
            .is_none()
    );
    assert_eq!(state.run, Run::Idle);
    // A download answer with nothing under way asks for nothing.
    assert!(state.update(Message::Downloaded(Ok(cabinet()))).is_none());
}

#[test]
fn failures_end_the_run_with_a_sentence() {
    // The download fails: no Install.
    let mut state = sample::page();
    let _ = state.update(Message::Update(WEBCAM.to_owned()));
    let outcome = state.update(Message::Downloaded(Err(FirmwareError::Offline {
        uri: "http://example.org/a.cab".into(),
        message: "no route".into(),
    })));
    assert!(outcome.is_none());
    let Run::Failed { failure, target } = &state.run else {
        panic!("{:?}", state.run)
    };
    assert_eq!(target.device_name, "Integrated Webcam™");
    assert_eq!(failure_text(failure), fl!("firmware-error-offline"));

    // The check refuses the file.
    let mut state = checking();
    let _ = state.update(Message::Installed(Err(FirmwareError::ChecksumMismatch {
        expected: "aa".into(),
        got: "bb".into(),
    })));
    assert_eq!(
        run_text(&state.run).as_deref(),
        Some(
            format!(
                "{} {}",
                fl!(
                    "firmware-failed",
                    device = "Integrated Webcam™",
                    version = "1.2.4"
                ),
                fl!("firmware-error-checksum")
            )
            .as_str()
        )
    );

    // fwupd leaves while writing: failed at once, its late answer changes nothing, and
    // its return shows the devices as they are.
    let mut state = checking();
    let _ = state.update(progress(Status::DeviceWrite, 20));
    let _ = state.update(Message::Watched(Update::Unavailable));
    assert!(matches!(
        state.run,
        Run::Failed {
            failure: Failure::ServiceStopped,
            ..
        }
    ));
    let _ = state.update(Message::Installed(Err(FirmwareError::NotRunning(dbus(
        FailureKind::ServiceMissing,
    )))));
    assert!(matches!(
        state.run,
        Run::Failed {
            failure: Failure::ServiceStopped,
            ..
        }
    ));
    let _ = state.update(Message::Watched(Update::Available(sample::snapshot())));
    assert!(state.snapshot().is_some());
    assert!(!state.run.is_active());

    // The answer comes first (fwupd killed): the same failure.
    let mut state = checking();
    let _ = state.update(Message::Installed(Err(FirmwareError::NotRunning(dbus(
        FailureKind::ServiceMissing,
    )))));
    assert!(matches!(
        state.run,
        Run::Failed {
            failure: Failure::ServiceStopped,
            ..
        }
    ));
}

#[test]
fn every_failure_has_its_sentence() {
    let cases = [
        (
            FirmwareError::Offline {
                uri: String::new(),
                message: String::new(),
            },
            "firmware-error-offline",
        ),
        (
            FirmwareError::DownloadFailed {
                uri: String::new(),
                message: String::new(),
            },
            "firmware-error-download",
        ),
        (
            FirmwareError::ChecksumMismatch {
                expected: String::new(),
                got: String::new(),
            },
            "firmware-error-checksum",
        ),
        (FirmwareError::NoChecksum, "firmware-error-no-checksum"),
        (FirmwareError::NoLocation, "firmware-error-no-location"),
        (
            FirmwareError::Unsupported {
                uri: String::new(),
                reason: String::new(),
            },
            "firmware-error-unsupported",
        ),
        (
            FirmwareError::DeviceBusy("busy".into()),
            "firmware-error-busy",
        ),
        (
            FirmwareError::NotAuthorized(dbus(FailureKind::AccessDenied)),
            "firmware-error-not-authorized",
        ),
        (
            FirmwareError::NotRunning(dbus(FailureKind::ServiceMissing)),
            "firmware-error-not-running",
        ),
        (
            FirmwareError::Timeout("late".into()),
            "firmware-error-timeout",
        ),
        (
            FirmwareError::NothingToDo("none".into()),
            "firmware-error-nothing-to-do",
        ),
        (
            FirmwareError::Refused {
                name: "VersionNewer".into(),
                message: String::new(),
            },
            "firmware-error-refused",
        ),
        (
            FirmwareError::UnknownRemote("x".into()),
            "firmware-error-remote",
        ),
        (
            FirmwareError::RemoteDisabled("x".into()),
            "firmware-error-remote",
        ),
        (
            FirmwareError::Io {
                what: String::new(),
                message: String::new(),
            },
            "firmware-error-local",
        ),
        (
            FirmwareError::Bus(dbus(FailureKind::Other)),
            "firmware-error-bus",
        ),
    ];
    for (error, key) in cases {
        let sentence = error_sentence(&error);
        assert_eq!(sentence, ferrum_i18n::translate(key, None), "{error:?}");
        assert!(!sentence.starts_with("firmware-"), "{key} has no text");
    }
    assert_eq!(
        failure_text(&Failure::ServiceStopped),
        fl!("firmware-error-stopped-during")
    );
    // A server whose certificate the system does not trust is named in its own sentence,
    // not the offline one.
    let untrusted = error_sentence(&FirmwareError::Untrusted {
        host: "cdn.example.org".into(),
        uri: "https://cdn.example.org/x.cab".into(),
    });
    assert_eq!(
        untrusted,
        fl!("firmware-error-untrusted", host = "cdn.example.org")
    );
    assert!(untrusted.contains("cdn.example.org"), "{untrusted}");
    assert_ne!(untrusted, fl!("firmware-error-offline"));
}

#[test]
fn every_step_and_ending_has_words_and_the_bar_names_its_percentage() {
    let steps = [
        Step::Downloading,
        Step::Checking,
        Step::Preparing,
        Step::Authorizing,
        Step::WaitingForDevice,
        Step::Reading,
        Step::Erasing,
        Step::Writing,
        Step::Verifying,
        Step::RestartingDevice,
        Step::WaitingForYou,
        Step::Working,
    ];
    let words: std::collections::BTreeSet<String> =
        steps.iter().map(|step| step_text(*step)).collect();
    assert_eq!(words.len(), steps.len(), "every step its own words");
    assert_eq!(Step::from_status(Status::Idle), None);
    assert_eq!(Step::from_status(Status::Unknown), None);
    assert_eq!(Step::from_status(Status::DeviceWrite), Some(Step::Writing));
    assert_eq!(Step::from_status(Status::Other(99)), Some(Step::Working));

    let state = sample::in_progress();
    let Run::Active {
        target,
        step,
        percent,
    } = &state.run
    else {
        panic!("{:?}", state.run)
    };
    assert_eq!((*step, *percent), (Step::Writing, Some(40)));
    let name = progress_name(target, *step, 40);
    assert_eq!(
        name,
        fl!(
            "firmware-progress",
            device = "USB-C Dock",
            step = fl!("firmware-step-writing"),
            percent = 40
        )
    );
    assert!(name.contains("40"), "{name}");

    let target = target.clone();
    for (ending, key) in [
        (Ending::Done, "firmware-done"),
        (Ending::RestartNeeded, "firmware-restart-needed"),
        (Ending::ShutdownNeeded, "firmware-shutdown-needed"),
    ] {
        let run = Run::Finished {
            target: target.clone(),
            ending,
        };
        let text = run_text(&run).unwrap_or_default();
        assert!(
            text.contains("USB-C Dock") && text.contains("4.5"),
            "{key}: {text}"
        );
    }
    assert_eq!(
        Ending::from(Installed::RestartNeeded),
        Ending::RestartNeeded
    );
}

#[test]
fn restart_to_finish_asks_logind_once_and_a_refusal_is_reported() {
    let mut state = checking();
    let outcome = state.update(Message::Installed(Ok(Installed::RestartNeeded)));
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::FIRMWARE_RUN.child("restart")))
    );
    assert!(matches!(
        state.run,
        Run::Finished {
            ending: Ending::RestartNeeded,
            ..
        }
    ));
    assert_eq!(
        state.update(Message::Restart).request,
        Some(Request::Restart)
    );
    assert!(state.update(Message::Restart).is_none(), "asked once");
    let _ = state.update(Message::Restarted(Err(LogindError::NotAuthorized(
        PowerAction::Reboot,
        dbus(FailureKind::AccessDenied),
    ))));
    let report = state.error.clone().expect("the refusal is reported");
    assert_eq!(report.summary, fl!("firmware-restart-failed"));
    assert!(!state.restarting);
    let outcome = state.update(Message::Report(error_report::Message::Copy));
    assert!(outcome.effect.is_some(), "Copy details reaches the window");
}

#[test]
fn a_device_request_is_a_dialog_in_words() {
    let mut state = checking();
    let request = DeviceRequest {
        id: DeviceRequest::REMOVE_REPLUG.to_owned(),
        kind: RequestKind::Immediate,
        message: Some("Please pretend to remove the device.".to_owned()),
        image: None,
        device_id: Some(WEBCAM.to_owned()),
        non_generic_message: false,
        non_generic_image: false,
    };
    // It takes the keyboard to its Done.
    assert_eq!(
        state.update(Message::Watched(Update::Request(request.clone()))),
        Outcome::effect(Effect::Focus(ids::FIRMWARE_PROMPT.child("done")))
    );
    let dialog = state.prompt.clone().expect("the request shows");
    assert_eq!(
        dialog.sentence(),
        fl!(
            "firmware-request-remove-replug",
            device = "Integrated Webcam™"
        )
    );
    // Done closes it and gives the keyboard back to the page.
    assert_eq!(
        state.update(Message::Prompt(prompt::Message::Done)),
        Outcome::effect(Effect::Focus(ids::FIRMWARE_CHECK))
    );
    assert_eq!(state.prompt, None);
    assert!(
        state
            .update(Message::Prompt(prompt::Message::Done))
            .is_none()
    );
    // An immediate request closes with the update; one for after it stays.
    let _ = state.update(Message::Watched(Update::Request(request.clone())));
    let _ = state.update(Message::Installed(Ok(Installed::Done)));
    assert_eq!(state.prompt, None);
    let mut state = checking();
    let post = DeviceRequest {
        kind: RequestKind::Post,
        ..request.clone()
    };
    let _ = state.update(Message::Watched(Update::Request(post)));
    let _ = state.update(Message::Installed(Ok(Installed::Done)));
    assert!(state.prompt.is_some());

    // A vendor's own words are shown as they come; an unknown id without words is generic.
    let vendor = DeviceRequest {
        id: "com.example.request.wiggle".to_owned(),
        non_generic_message: true,
        message: Some("Wiggle the cable.".to_owned()),
        ..request.clone()
    };
    assert_eq!(
        prompt::request_sentence(&vendor, "Dock"),
        fl!(
            "firmware-request-vendor",
            device = "Dock",
            message = "Wiggle the cable."
        )
    );
    let bare = DeviceRequest {
        id: "com.example.request.unknown".to_owned(),
        message: None,
        ..request
    };
    assert_eq!(
        prompt::request_sentence(&bare, "Dock"),
        fl!("firmware-request-generic", device = "Dock")
    );
}

#[test]
fn nameless_and_empty_entries_are_not_listed_and_updates_come_first() {
    let snapshot = sample::snapshot();
    let shown: Vec<&str> = shown_devices(&snapshot)
        .iter()
        .map(|device| device.id.as_str())
        .collect();
    assert_eq!(shown, vec![WEBCAM, DOCK, sample::CPU]);
    let mut helper = snapshot.devices[0].clone();
    helper.name = "Bridge".into();
    helper.version = None;
    assert!(!is_shown(&helper), "internal, not updatable, no version");
    helper.flags = DeviceFlags(1 << 1);
    assert!(is_shown(&helper), "updatable");
    helper.name = "  ".into();
    assert!(!is_shown(&helper), "nameless");
}

#[test]
fn a_devices_words() {
    let snapshot = sample::snapshot();
    let webcam = &snapshot.devices[1];
    assert_eq!(live_update_text(webcam), fl!("firmware-live-usable"));
    let cpu = &snapshot.devices[0];
    assert_eq!(live_update_text(cpu), fl!("firmware-not-updatable"));
    let mut dock = snapshot.devices[2].clone();
    assert_eq!(live_update_text(&dock), fl!("firmware-live-unusable"));
    dock.flags.0 |= 1 << 8;
    assert_eq!(live_update_text(&dock), fl!("firmware-live-reboot"));
    dock.flags.0 |= 1 << 17;
    assert_eq!(live_update_text(&dock), fl!("firmware-live-shutdown"));

    assert_eq!(update_state_text(&dock), None);
    dock.update_state = UpdateState::Failed;
    dock.update_error = Some("device was unplugged".into());
    assert_eq!(
        update_state_text(&dock),
        Some(fl!(
            "firmware-state-failed",
            reason = "device was unplugged"
        ))
    );
    dock.update_state = UpdateState::NeedsReboot;
    assert_eq!(
        update_state_text(&dock),
        Some(fl!("firmware-state-needs-reboot"))
    );

    assert_eq!(urgency_text(Urgency::Unknown), None);
    assert_eq!(
        urgency_text(Urgency::Critical),
        Some(fl!("firmware-urgency-critical"))
    );
}

#[test]
fn sizes_in_the_pages_language() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    assert_eq!(size_text(512), "512 bytes");
    assert_eq!(size_text(65_536), "65.5 kB");
    assert_eq!(size_text(2_400_000), "2.4 MB");
    assert_eq!(size_text(3_000_000_000), "3.0 GB");
}

fn remote(modified: Option<u64>) -> Remote {
    Remote {
        id: "lvfs".into(),
        kind: RemoteKind::Download,
        enabled: true,
        title: None,
        metadata_uri: Some("https://cdn.example.org/firmware.xml.zst".into()),
        signature_checksum: None,
        modified,
        refresh_interval: None,
    }
}

const NOW: u64 = 1_800_000_000;

fn network(metered: Metered, online: Option<bool>) -> NetworkConditions {
    NetworkConditions { metered, online }
}

#[test]
fn the_automatic_refresh_rule() {
    let free = network(Metered::No, Some(true));
    let old = [remote(Some(NOW - DAY - 1))];
    let new = [remote(Some(NOW - DAY + 60))];
    assert_eq!(auto_refresh(&old, free, NOW), AutoRefresh::Refresh);
    assert_eq!(
        auto_refresh(&[remote(None)], free, NOW),
        AutoRefresh::Refresh
    );
    assert_eq!(auto_refresh(&new, free, NOW), AutoRefresh::Fresh);
    // Never on a metered connection, guessed or set; not while offline.
    for metered in [Metered::Yes, Metered::GuessYes] {
        assert_eq!(
            auto_refresh(&old, network(metered, Some(true)), NOW),
            AutoRefresh::Metered
        );
    }
    assert_eq!(
        auto_refresh(&old, network(Metered::GuessNo, Some(false)), NOW),
        AutoRefresh::Offline
    );
    // Without NetworkManager: tried.
    assert_eq!(
        auto_refresh(&old, NetworkConditions::UNKNOWN, NOW),
        AutoRefresh::Refresh
    );
    // Disabled sources do not count.
    let mut disabled = remote(None);
    disabled.enabled = false;
    assert_eq!(
        auto_refresh(&[disabled.clone()], free, NOW),
        AutoRefresh::NoRemote
    );
    assert_eq!(
        auto_refresh(&[disabled, new[0].clone()], free, NOW),
        AutoRefresh::Fresh
    );
}

#[test]
fn showing_the_page_refreshes_only_by_the_rule_and_says_why_not() {
    let mut state = sample::page();
    assert_eq!(state.enter().request, Some(Request::Freshness));
    let freshness = |remotes: Vec<Remote>, network| Freshness {
        remotes,
        network,
        now: NOW,
    };
    // Metered: a sentence, no refresh.
    let outcome = state.update(Message::Freshness(Ok(freshness(
        vec![remote(Some(NOW - 3 * DAY))],
        network(Metered::Yes, Some(true)),
    ))));
    assert!(outcome.is_none());
    assert_eq!(
        state.refresh,
        Refresh::Metered {
            last: Some(NOW - 3 * DAY),
            now: NOW
        }
    );
    let sentence = refresh_text(&state.refresh).unwrap_or_default();
    assert!(
        sentence.starts_with(&fl!("firmware-refresh-metered")),
        "{sentence}"
    );
    assert!(
        sentence.contains(&fl!("firmware-refresh-last", days = 3)),
        "{sentence}"
    );
    // The person can still check by hand.
    assert_eq!(
        state.update(Message::CheckForUpdates).request,
        Some(Request::Refresh)
    );
    assert_eq!(state.refresh, Refresh::Checking);
    assert!(
        state.update(Message::CheckForUpdates).is_none(),
        "once at a time"
    );
    assert!(state.enter().is_none());

    // Old metadata on a free connection: refreshed by itself.
    let mut state = sample::page();
    let outcome = state.update(Message::Freshness(Ok(freshness(
        vec![remote(Some(NOW - 2 * DAY))],
        network(Metered::No, Some(true)),
    ))));
    assert_eq!(outcome.request, Some(Request::Refresh));

    // Offline: explained, no error report.
    let mut state = sample::page();
    let _ = state.update(Message::Freshness(Ok(freshness(
        vec![remote(None)],
        network(Metered::Unknown, Some(false)),
    ))));
    assert_eq!(state.refresh, Refresh::Offline);
    assert_eq!(
        refresh_text(&state.refresh),
        Some(fl!("firmware-refresh-offline"))
    );
    assert!(state.error.is_none());
    // A refresh that cannot reach the server is the same sentence.
    let _ = state.update(Message::CheckForUpdates);
    let _ = state.update(Message::Refreshed(Err(FirmwareError::Offline {
        uri: "https://cdn.example.org".into(),
        message: "no route to host".into(),
    })));
    assert_eq!(state.refresh, Refresh::Offline);
    assert!(state.error.is_none());

    // A refresh that worked: when, in words; a hung fwupd: a sentence.
    let _ = state.update(Message::CheckForUpdates);
    let _ = state.update(Message::Refreshed(Ok(freshness(
        vec![remote(Some(NOW))],
        network(Metered::No, Some(true)),
    ))));
    assert_eq!(
        refresh_text(&state.refresh),
        Some(fl!("firmware-refresh-last", days = 0))
    );
    let _ = state.update(Message::CheckForUpdates);
    let _ = state.update(Message::Refreshed(Err(FirmwareError::Timeout(
        "late".into(),
    ))));
    assert_eq!(
        refresh_text(&state.refresh),
        Some(fl!(
            "firmware-refresh-failed",
            reason = fl!("firmware-error-timeout")
        ))
    );
    assert_eq!(last_checked_text(None, NOW), fl!("firmware-refresh-never"));
    assert_eq!(
        last_checked_text(Some(NOW - DAY - 5), NOW),
        fl!("firmware-refresh-last", days = 1)
    );
}

#[test]
fn the_deep_link_and_search_find_the_page() {
    use crate::registry::PanelId;
    assert_eq!(PanelId::from_slug("firmware"), Some(PanelId::Firmware));
    assert_eq!(PanelId::Firmware.title(), fl!("firmware-title"));
    assert!(PanelId::search("bios").contains(&PanelId::Firmware));
    assert!(PanelId::search("fwupd").contains(&PanelId::Firmware));
}

#[test]
fn the_cabinet_is_shared_not_copied() {
    let cabinet = cabinet();
    let copy = cabinet.clone();
    assert_eq!(copy, cabinet);
    assert_eq!(copy.digests.size, 0);
    let _ = Arc::new(copy);
}

#[test]
fn every_state_of_the_page_draws() {
    let mut states = vec![State::on(SystemBus::with_address("unix:path=/nonexistent"))];
    let mut gone = checking();
    let _ = gone.update(Message::Watched(Update::Unavailable));
    states.push(gone);
    let mut unreadable = sample::page();
    let _ = unreadable.update(Message::Watched(Update::Failed(FirmwareError::Timeout(
        "late".into(),
    ))));
    states.push(unreadable);
    states.push(sample::page());
    states.push(sample::in_progress());
    let mut restart = checking();
    let _ = restart.update(Message::Installed(Ok(Installed::RestartNeeded)));
    let _ = restart.update(Message::Restart);
    let _ = restart.update(Message::Restarted(Err(LogindError::NoAnswer(dbus(
        FailureKind::Timeout,
    )))));
    states.push(restart);
    let mut asking = checking();
    let _ = asking.update(Message::Watched(Update::Request(DeviceRequest {
        id: DeviceRequest::PRESS_UNLOCK.to_owned(),
        kind: RequestKind::Immediate,
        message: None,
        image: None,
        device_id: Some(WEBCAM.to_owned()),
        non_generic_message: false,
        non_generic_image: false,
    })));
    states.push(asking);
    for state in &states {
        let _ = Page::view(state);
    }
}

#[test]
fn another_programs_update_is_shown_and_keeps_update_away() {
    let mut state = sample::page();
    assert!(!state.busy_elsewhere());
    let _ = state.update(progress(Status::DeviceWrite, 12));
    assert!(state.busy_elsewhere());
    assert_eq!(state.run, Run::Idle, "not the page's update");
    assert_eq!(
        describe::busy_text(state.daemon),
        fl!(
            "firmware-busy-elsewhere",
            step = fl!("firmware-step-writing"),
            percent = 12
        )
    );
    let _ = Page::view(&state);
    // Idle again (or fwupd gone): over.
    let _ = state.update(progress(Status::Idle, 100));
    assert!(!state.busy_elsewhere());
    let _ = state.update(progress(Status::DeviceWrite, 1));
    let _ = state.update(Message::Watched(Update::Unavailable));
    assert!(!state.busy_elsewhere());
    // The page's own update is not someone else's.
    let mut state = checking();
    let _ = state.update(progress(Status::DeviceWrite, 12));
    assert!(!state.busy_elsewhere());
}

#[test]
fn a_request_that_comes_after_its_update_ended_is_not_shown() {
    let request = DeviceRequest {
        id: DeviceRequest::REMOVE_REPLUG.to_owned(),
        kind: RequestKind::Immediate,
        message: None,
        image: None,
        device_id: Some(WEBCAM.to_owned()),
        non_generic_message: false,
        non_generic_image: false,
    };
    // The answer first, then (on fwupd's other connection) its request, fwupd still busy.
    let mut state = checking();
    let _ = state.update(progress(Status::WaitingForUser, 36));
    let _ = state.update(Message::Installed(Ok(Installed::Done)));
    let _ = state.update(Message::Watched(Update::Request(request.clone())));
    assert_eq!(state.prompt, None);
    // Nothing under way and fwupd idle: nothing to do.
    let mut state = sample::page();
    let _ = state.update(Message::Watched(Update::Request(request.clone())));
    assert_eq!(state.prompt, None);
    // Another program's update asks: shown. One for after an update: always shown.
    let _ = state.update(progress(Status::WaitingForUser, 10));
    let _ = state.update(Message::Watched(Update::Request(request.clone())));
    assert!(state.prompt.is_some());
    let mut state = sample::page();
    let post = DeviceRequest {
        kind: RequestKind::Post,
        ..request
    };
    let _ = state.update(Message::Watched(Update::Request(post)));
    assert!(state.prompt.is_some());
}
