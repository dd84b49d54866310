//! The Device Security page's `update`, pure: fwupd's states, the HSI wording for every
//! level (INVALID and the `!` suffix too), grouping by level, each fact's wording, Copy
//! report's contents.

use ferrum_services::firmware::{FirmwareError, HostSecurityId, HsiResult, Update};
use ferrum_services::security::{
    Certificate, Keys, Pcr11, RootVerity, SecureBoot, SigningKey, Tpm,
};
use ferrum_services::{DbusFailure, SystemBus, error::FailureKind};
use ferrum_ui::Effect;
use ferrum_ui::status::ServiceStatus;

use super::sample;
use super::*;

fn bus() -> SystemBus {
    SystemBus::with_address("unix:path=/nonexistent")
}

fn page() -> State {
    let mut state = State::on(bus(), "/");
    let _ = state.update(Message::Watched(Update::Available(sample::snapshot())));
    let _ = state.update(Message::Events(Ok(sample::events())));
    let _ = state.update(Message::FactsRead(sample::facts()));
    state
}

fn id(raw: &str) -> HostSecurityId {
    HostSecurityId::parse(raw).unwrap()
}

#[test]
fn showing_the_page_reads_the_facts_off_the_ui_thread() {
    let mut state = State::on(bus(), "/some/root");
    let outcome = state.enter();
    assert_eq!(
        outcome.request,
        Some(Request::Facts(PathBuf::from("/some/root")))
    );
    assert!(outcome.effect.is_none());
    let _ = state.update(Message::FactsRead(sample::facts()));
    assert_eq!(state.facts, Some(sample::facts()));
}

#[test]
fn fwupd_gone_failing_and_back() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    let mut state = page();
    assert!(state.snapshot().is_some());
    assert!(
        state
            .update(Message::Watched(Update::Unavailable))
            .is_none()
    );
    assert_eq!(state.fwupd, ServiceStatus::Unavailable);
    assert_eq!(state.events, Ok(Vec::new()));
    // The facts stay: they are not fwupd's.
    assert!(state.facts.is_some());
    let hung = FirmwareError::Timeout("no answer".into());
    let _ = state.update(Message::Watched(Update::Failed(hung.clone())));
    assert_eq!(state.fwupd, ServiceStatus::Failed(hung.clone()));
    assert_eq!(error_sentence(&hung), "fwupd did not answer in time.");
    // Progress of an update is the Firmware page's: nothing changes here.
    let _ = state.update(Message::Watched(Update::Available(sample::snapshot())));
    let _ = state.update(Message::Watched(Update::Progress(Default::default())));
    assert!(state.snapshot().is_some());
}

#[test]
fn every_level_in_words() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    let expected = [
        "The firmware lacks even the most basic protections",
        "Basic protection",
        "Protected against someone with the computer in hand for a short while",
        "Protected against harder attacks too",
        "Protected against attacks that need the computer taken apart",
        "The highest level",
    ];
    for (level, start) in expected.iter().enumerate() {
        let id = id(&format!("HSI:{level} (v2.0.20)"));
        assert_eq!(level_headline(&id), format!("Level {level} of 5"));
        let sentences = level_sentences(&id);
        assert_eq!(sentences.len(), 1, "{sentences:?}");
        assert!(sentences[0].starts_with(start), "{level}: {sentences:?}");
    }
    let runtime = level_sentences(&id("HSI:2! (v2.0.20)"));
    assert_eq!(runtime.len(), 2);
    assert!(
        runtime[1].starts_with("The “!” after the level"),
        "{runtime:?}"
    );
}

#[test]
fn invalid_says_so_plainly() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    let virtual_machine = id("HSI:INVALID:chassis[virtual] (v2.0.20)");
    assert_eq!(level_headline(&virtual_machine), "No security level");
    let sentences = level_sentences(&virtual_machine);
    assert!(
        sentences[0].starts_with("This is a virtual machine"),
        "{sentences:?}"
    );
    let other = level_sentences(&id("HSI:INVALID:missing-data (v2.0.20)"));
    assert!(other[0].contains("(missing-data)"), "{other:?}");
    // Invalid, the checks are still all there.
    let mut state = page();
    let mut snapshot = sample::snapshot();
    snapshot.host_security_id = Some(virtual_machine);
    let _ = state.update(Message::Watched(Update::Available(snapshot)));
    let shown: usize = state.groups().iter().map(|(_, checks)| checks.len()).sum();
    assert_eq!(shown, sample::checks().len());
}

#[test]
fn checks_are_grouped_by_level_failed_first() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    let state = page();
    let groups = state.groups();
    let levels: Vec<u32> = groups.iter().map(|(level, _)| *level).collect();
    assert_eq!(levels, [1, 2, 3, 0]);
    let level1: Vec<&str> = groups[0]
        .1
        .iter()
        .map(|a| a.appstream_id.as_str())
        .collect();
    assert_eq!(
        level1,
        [
            "org.fwupd.hsi.Spi.Bioswe",
            "org.fwupd.hsi.Tpm.Version20",
            "org.fwupd.hsi.Uefi.SecureBoot"
        ]
    );
    assert_eq!(level_heading(0), "Found while running");
    assert_eq!(level_heading(3), "Level 3: theoretical");
    let secure_boot = &groups[0].1[2];
    assert_eq!(check_sentence(secure_boot), "UEFI Secure Boot: Passed, on");
    assert_eq!(
        check_meaning(secure_boot).as_deref(),
        Some(
            "UEFI Secure Boot prevents malicious software from being loaded when the device boots."
        )
    );
    let tainted = &groups[3].1[0];
    assert_eq!(
        check_sentence(tainted),
        "Linux Kernel Verification: Failed, tainted"
    );
    // fwupd's title first, else its short name, else the id made readable.
    let mut titled = (*tainted).clone();
    titled.name = Some("Linux kernel".into());
    assert_eq!(check_name(&titled), "Linux Kernel Verification");
    titled.summary = None;
    assert_eq!(check_name(&titled), "Linux kernel");
    titled.name = None;
    assert_eq!(check_name(&titled), "Kernel Tainted");
}

#[test]
fn every_result_has_words() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    for value in 0..=15 {
        let words = result_text(HsiResult::from_u32(value));
        assert!(
            !words.is_empty() && !words.contains('-'),
            "{value}: {words}"
        );
    }
    assert_eq!(result_text(HsiResult::NotEnabled), "off");
}

#[test]
fn each_fact_in_words() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    let facts = sample::facts();
    for fact in Fact::ALL {
        assert!(fact_is_good(fact, &facts), "{fact:?}");
    }
    assert_eq!(
        secure_boot_text(&SecureBoot::On),
        "On: the firmware starts only signed software."
    );
    assert!(secure_boot_text(&SecureBoot::NotUefi).contains("not started with UEFI"));
    assert!(secure_boot_text(&SecureBoot::SetupMode).contains("setup mode"));
    assert!(secure_boot_text(&SecureBoot::Off).starts_with("Off"));
    assert_eq!(
        keys_text(&facts.keys),
        "This computer's own keys: only software signed for this system starts."
    );
    let vendor = Keys::Vendor {
        platform_key: Certificate {
            fingerprint: "ab".repeat(32),
            organization: Some("Example Computers Inc.".into()),
            common_name: None,
        },
        microsoft_in_db: true,
    };
    assert_eq!(
        keys_text(&vendor),
        "Keys of Example Computers Inc., and Microsoft's certificates are trusted."
    );
    assert!(keys_text(&Keys::NotUefi).contains("not started with UEFI"));
    assert_eq!(tpm_text(&Tpm::Version2), "TPM 2.0");
    assert_eq!(tpm_text(&Tpm::Absent), "No TPM was found.");
    assert!(pcr_text(&facts.pcr11).starts_with("PCR 11 matches the signed prediction:"));
    let value = "00".repeat(32);
    assert!(
        pcr_text(&Pcr11::Differs {
            value: value.clone(),
            key: SigningKey::Matches
        })
        .starts_with("PCR 11 does not match")
    );
    assert!(
        pcr_text(&Pcr11::Matches {
            value,
            key: SigningKey::Differs
        })
        .contains("not the one that signed it")
    );
    assert_eq!(
        pcr_text(&Pcr11::NoTpm),
        "Nothing is measured without a TPM."
    );
    assert!(root_text(&facts.root).starts_with("Verified"));
    assert_eq!(
        root_text(&RootVerity::PlainDevice {
            source: "/dev/vda".into()
        }),
        "Not verified: the system is on /dev/vda without dm-verity."
    );
    assert!(!fact_is_good(
        Fact::Root,
        &Facts {
            root: RootVerity::NotBlockDevice {
                fs_type: "overlay".into()
            },
            ..facts
        }
    ));
}

#[test]
fn events_say_what_changed_and_when() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    let events = sample::events();
    assert_eq!(
        event_text(&events[0]),
        "Saturday, December 6: UEFI Secure Boot changed from off to on"
    );
    assert_eq!(
        event_text(&events[1]),
        "Friday, December 5: TPM v2.0 is found"
    );
}

#[test]
fn copy_report_has_fwupds_report_and_our_facts() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    let mut state = page();
    let outcome = state.update(Message::CopyReport);
    assert!(matches!(outcome.request, Some(Request::Report(_))));
    assert!(state.copying);
    // Asked twice while the first is under way: once.
    assert!(state.update(Message::CopyReport).is_none());
    let outcome = state.update(Message::ReportRead(Ok(
        "Host Security ID: HSI:2! (v2.0.20)\nfwupd: 2.0.20\n".into(),
    )));
    let Some(Effect::Copy(text)) = outcome.effect else {
        panic!("{outcome:?}")
    };
    assert!(!state.copying);
    assert_eq!(state.note, Some(Note::Copied));
    assert!(
        text.starts_with(
            "Host Security ID: HSI:2! (v2.0.20)\nfwupd: 2.0.20\n\nThis computer's own facts\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("  Secure Boot: On: the firmware starts only signed software.\n"),
        "{text}"
    );
    assert!(text.contains("  TPM: TPM 2.0\n"), "{text}");
    assert!(
        text.contains("  Boot measurements: PCR 11 matches"),
        "{text}"
    );
    assert!(text.contains("  System files: Verified"), "{text}");
    // The technical details: the key's fingerprint, PCR 11 and the root hash.
    assert!(text.contains(&sample::own_key().fingerprint), "{text}");
    assert!(text.contains("6aac71a840a3d60d"), "{text}");
    assert!(text.contains("9f2ec2bd5a2a4bb8"), "{text}");
}

#[test]
fn copy_report_without_fwupd_copies_our_facts_and_says_why() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    let mut state = page();
    let _ = state.update(Message::CopyReport);
    let gone = FirmwareError::NotRunning(DbusFailure::new(FailureKind::ServiceMissing, "gone"));
    let outcome = state.update(Message::ReportRead(Err(gone)));
    let Some(Effect::Copy(text)) = outcome.effect else {
        panic!("{outcome:?}")
    };
    assert!(
        text.starts_with("fwupd: fwupd is not running.\n\nThis computer's own facts\n"),
        "{text}"
    );
    let report = state.error.clone().unwrap();
    assert!(
        report
            .summary
            .starts_with("fwupd is not running. fwupd did not give"),
        "{}",
        report.summary
    );
    assert_eq!(state.note, None);
    // Copy details of the error report is passed on too.
    let outcome = state.update(Message::Report(error_report::Message::Copy));
    assert!(matches!(outcome.effect, Some(Effect::Copy(_))));
    let _ = state.update(Message::Report(error_report::Message::Dismiss));
    assert!(state.error.is_none());
}

#[test]
fn the_page_draws_in_every_state() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    let state = State::on(bus(), "/");
    let _ = state.view();
    let mut state = page();
    let _ = state.view();
    let _ = state.update(Message::Events(Err(FirmwareError::Timeout("late".into()))));
    let _ = state.update(Message::Watched(Update::Unavailable));
    let _ = state.view();
    assert_eq!(State::title(), "Device Security");
    assert!(State::keywords().contains("secure boot"));
}
