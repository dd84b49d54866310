//! The Device Security page through its own `update`, subscription and requests, against
//! the real fwupd of the test bed emulating a ThinkPad P1 (`Service::FwupdEmulatedHost`,
//! `HSI:2!`): the level and every check (id, level, pass/fail, result) are the ones
//! `fwupdmgr security --json` prints on the same bus; fwupd killed → the page says so →
//! restarted → the page recovers by itself; fwupd hung (SIGSTOP) → Copy report answers with
//! a sentence within a short bound and copies this computer's facts alone, and after
//! SIGCONT the whole report. This computer's facts from the host's real `/` (no UEFI, no
//! TPM here) and from a fixture tree shaped like the image's machine. Needs root and
//! `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use ferrum_i18n::fl;
use ferrum_integration_tests::feed_until;
use ferrum_panels::security::{
    self, Fact, Fwupd, Message, Note, Request, State, fact_is_good, level_headline, level_sentences,
};
use ferrum_panels::{Outcome, Page, PageRequest};
use ferrum_services::SystemBus;
use ferrum_services::security::{
    Facts, GLOBAL_GUID, IMAGE_SECURITY_GUID, Keys, OWN_PLATFORM_KEY, Pcr11, RootVerity, SecureBoot,
    Tpm,
};
use ferrum_testbed::firmware::EMULATED_HSI;
use ferrum_testbed::{Service, TestBed};
use ferrum_ui::Effect;
use ferrum_ui::status::ServiceStatus;
use futures::StreamExt;
use futures::stream::BoxStream;

/// How long fwupd may take to show a change.
const WAIT: Duration = Duration::from_secs(60);

struct Machine {
    bed: TestBed,
    state: State,
    watch: BoxStream<'static, Message>,
    bus: SystemBus,
    _root: tempfile::TempDir,
}

/// The bed with the emulated host, and the page on it (every bus call bounded by
/// `timeout` when given), reading its facts under an empty tree.
fn machine(timeout: Option<Duration>) -> Machine {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_test_writer()
        .try_init();
    let bed = tokio::task::block_in_place(|| TestBed::start(&[Service::FwupdEmulatedHost]))
        .expect("the fwupd bed");
    let mut bus = SystemBus::with_address(bed.system_bus_address());
    if let Some(timeout) = timeout {
        bus = bus.with_method_timeout(timeout);
    }
    let root = tempfile::tempdir().unwrap();
    let state = State::on(bus.clone(), root.path());
    let watch = security::watch_stream(&Fwupd(bus.clone())).boxed();
    Machine {
        bed,
        state,
        watch,
        bus,
        _root: root,
    }
}

impl Machine {
    async fn until(&mut self, what: &str, accept: impl Fn(&State) -> bool) {
        feed_until(&mut self.state, &mut self.watch, what, WAIT, accept).await;
    }

    async fn run(&mut self, outcome: Outcome<Request>) -> Outcome<Request> {
        let request = outcome.request.expect("the page asks for something");
        let answer = request.run(self.bus.clone()).await;
        self.state.update(answer)
    }

    /// Copy report, run; the text put on the clipboard.
    async fn copy_report(&mut self) -> String {
        let outcome = self.state.update(Message::CopyReport);
        match self.run(outcome).await.effect {
            Some(Effect::Copy(text)) => text,
            other => panic!("Copy report copied nothing: {other:?}"),
        }
    }
}

/// `fwupdmgr security --json` on the bed's bus: the host security id and each check as
/// (id, level, passes, result).
fn fwupdmgr_security(bed: &TestBed) -> (serde_json::Value, BTreeSet<(String, u64, bool, String)>) {
    let output = bed
        .fwupdmgr()
        .args(["security", "--json"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let checks = json["SecurityAttributes"]
        .as_array()
        .unwrap_or_else(|| panic!("{json:#}"))
        .iter()
        .map(|attribute| {
            let passes = attribute["Flags"]
                .as_array()
                .is_some_and(|flags| flags.iter().any(|flag| flag == "success"));
            (
                attribute["AppstreamId"].as_str().unwrap().to_owned(),
                attribute["HsiLevel"].as_u64().unwrap_or(0),
                passes,
                attribute["HsiResult"]
                    .as_str()
                    .unwrap_or("unknown")
                    .to_owned(),
            )
        })
        .collect();
    (json, checks)
}

fn signal_fwupd(bed: &TestBed, signal: &str) {
    let pid = bed.pid(Service::FwupdEmulatedHost).expect("fwupd runs");
    let status = std::process::Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{signal} {pid}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_level_and_every_check_are_fwupdmgrs() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    let mut machine = machine(None);
    machine
        .until("fwupd is read", |s| {
            s.snapshot()
                .is_some_and(|snapshot| !snapshot.security.is_empty())
        })
        .await;
    let snapshot = machine.state.snapshot().unwrap().clone();
    let id = snapshot.host_security_id.clone().unwrap();
    assert_eq!(id.raw, EMULATED_HSI);
    assert_eq!(level_headline(&id), "Level 2 of 5");
    let sentences = level_sentences(&id);
    assert!(
        sentences
            .iter()
            .any(|s| s.starts_with("The “!” after the level")),
        "{sentences:?}"
    );

    let (json, theirs) = fwupdmgr_security(&machine.bed);
    // What the page groups and draws, as (id, level, pass/fail, result).
    let ours: BTreeSet<(String, u64, bool, String)> = machine
        .state
        .groups()
        .into_iter()
        .flat_map(|(level, checks)| {
            checks.into_iter().map(move |check| {
                (
                    check.appstream_id.clone(),
                    u64::from(level),
                    check.passes(),
                    check.result.name().to_owned(),
                )
            })
        })
        .collect();
    assert_eq!(ours, theirs, "fwupdmgr: {json:#}");
    assert!(ours.iter().any(|check| check.2) && ours.iter().any(|check| !check.2));
    // Every check has words for its result, and a readable name.
    for (_, checks) in machine.state.groups() {
        for check in checks {
            assert!(!security::check_name(check).is_empty());
            assert!(!security::result_text(check.result).is_empty());
        }
    }
    // The event log came with the snapshot (the emulation may have none).
    assert!(machine.state.events.is_ok(), "{:?}", machine.state.events);
    let _ = machine.state.view();

    // Copy report: fwupd's report, then this computer's facts (read when shown).
    let outcome = machine.state.enter();
    let _ = machine.run(outcome).await;
    let text = machine.copy_report().await;
    assert!(
        text.starts_with(&format!("Host Security ID: {EMULATED_HSI}\n")),
        "{text}"
    );
    assert!(text.contains("org.fwupd.hsi.Uefi.SecureBoot"), "{text}");
    assert!(text.contains("\nThis computer's own facts\n"), "{text}");
    assert_eq!(machine.state.note, Some(Note::Copied));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fwupd_killed_is_said_and_the_page_recovers() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    let mut machine = machine(None);
    machine
        .until("fwupd is read", |s| s.snapshot().is_some())
        .await;
    tokio::task::block_in_place(|| machine.bed.kill_service(Service::FwupdEmulatedHost)).unwrap();
    machine
        .until("fwupd gone", |s| s.fwupd == ServiceStatus::Unavailable)
        .await;
    assert!(!fl!("security-fwupd-not-running").is_empty());
    let _ = machine.state.view();
    // Copy report still copies this computer's facts, and says why fwupd's part is missing.
    let text = machine.copy_report().await;
    assert!(text.contains("\nThis computer's own facts\n"), "{text}");
    let report = machine
        .state
        .error
        .clone()
        .expect("fwupd's absence is said");
    assert!(
        report
            .summary
            .starts_with(&fl!("security-error-not-running")),
        "{}",
        report.summary
    );

    // A page shown now asks the bus to start fwupd; the bed's bus cannot (no activation
    // file), which is said as fwupd not running, not as a failure.
    assert!(
        ferrum_services::security::activate_fwupd(&machine.bus)
            .await
            .is_err()
    );
    let mut opened = State::on(machine.bus.clone(), "/");
    let mut watch = security::watch_stream(&Fwupd(machine.bus.clone())).boxed();
    feed_until(&mut opened, &mut watch, "fwupd not running", WAIT, |s| {
        s.fwupd == ServiceStatus::Unavailable
    })
    .await;

    tokio::task::block_in_place(|| machine.bed.start_service(Service::FwupdEmulatedHost)).unwrap();
    machine
        .until("fwupd back with its checks", |s| {
            s.snapshot()
                .and_then(|snapshot| snapshot.host_security_id.as_ref())
                .is_some_and(|id| id.raw == EMULATED_HSI)
        })
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hung_fwupd_is_said_within_the_bound_and_the_page_goes_on() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    let mut machine = machine(Some(Duration::from_secs(2)));
    machine
        .until("fwupd is read", |s| s.snapshot().is_some())
        .await;
    signal_fwupd(&machine.bed, "STOP");
    let asked = Instant::now();
    let text = machine.copy_report().await;
    assert!(
        asked.elapsed() < Duration::from_secs(10),
        "{:?}",
        asked.elapsed()
    );
    let report = machine.state.error.clone().expect("the hang is said");
    assert!(
        report.summary.starts_with(&fl!("security-error-timeout")),
        "{}",
        report.summary
    );
    assert!(
        text.starts_with(&fl!(
            "security-report-no-fwupd",
            reason = fl!("security-error-timeout")
        )),
        "{text}"
    );
    assert!(!machine.state.copying);
    // The page keeps what it showed.
    assert!(machine.state.snapshot().is_some());

    // The page shown while fwupd hangs: its first read times out and is said.
    let mut opened = State::on(machine.bus.clone(), "/");
    let mut watch = security::watch_stream(&Fwupd(machine.bus.clone())).boxed();
    let asked = Instant::now();
    feed_until(
        &mut opened,
        &mut watch,
        "the hang said",
        WAIT,
        |s| matches!(&s.fwupd, ServiceStatus::Failed(error) if error.is_no_answer()),
    )
    .await;
    assert!(
        asked.elapsed() < Duration::from_secs(10),
        "{:?}",
        asked.elapsed()
    );
    let ServiceStatus::Failed(error) = &opened.fwupd else {
        unreachable!()
    };
    assert_eq!(
        security::error_sentence(error),
        fl!("security-error-timeout")
    );
    let _ = opened.view();

    signal_fwupd(&machine.bed, "CONT");
    // It answers again: the opened page recovers by itself.
    feed_until(
        &mut opened,
        &mut watch,
        "fwupd read after the hang",
        WAIT,
        |s| s.snapshot().is_some(),
    )
    .await;
    let text = machine.copy_report().await;
    assert!(
        text.starts_with(&format!("Host Security ID: {EMULATED_HSI}\n")),
        "{text}"
    );
    assert!(machine.state.error.is_none());
}

/// Runs the page's facts request for `root` and returns what the page holds.
async fn facts_of(root: &Path) -> (State, Facts) {
    let bus = SystemBus::with_address("unix:path=/nonexistent");
    let mut state = State::on(bus.clone(), root);
    let request = state
        .enter()
        .request
        .expect("showing the page reads the facts");
    assert_eq!(request, Request::Facts(root.to_owned()));
    let answer = request.run(bus).await;
    let _ = state.update(answer);
    let facts = state.facts.clone().expect("the facts are read");
    (state, facts)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn this_hosts_own_facts_no_uefi_no_tpm() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    let (state, facts) = facts_of(Path::new("/")).await;
    // This machine kind starts without UEFI and has no TPM.
    assert_eq!(facts.secure_boot, SecureBoot::NotUefi);
    assert_eq!(facts.keys, Keys::NotUefi);
    assert_eq!(facts.tpm, Tpm::Absent);
    assert_eq!(facts.pcr11, Pcr11::NoTpm);
    assert!(
        !matches!(facts.root, RootVerity::Verified { .. }),
        "{:?}",
        facts.root
    );
    assert_eq!(
        Fact::SecureBoot.text(&facts),
        "The computer was not started with UEFI, so there is no Secure Boot."
    );
    assert_eq!(Fact::Tpm.text(&facts), "No TPM was found.");
    assert_eq!(Fact::Pcr.text(&facts), "Nothing is measured without a TPM.");
    assert!(
        Fact::Root.text(&facts).starts_with("Not verified"),
        "{facts:?}"
    );
    let _ = state.view();
}

fn write(root: &Path, path: &str, contents: impl AsRef<[u8]>) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

/// An efivarfs variable holding one `EFI_SIGNATURE_LIST` with one X.509 certificate.
fn certificate_variable(root: &Path, name: &str, guid: &str, der: &[u8]) {
    // EFI_CERT_X509_GUID a5c059a1-94e4-4aa7-87b5-ab155c2bf072, as stored.
    const X509: [u8; 16] = [
        0xa1, 0x59, 0xc0, 0xa5, 0xe4, 0x94, 0xa7, 0x4a, 0x87, 0xb5, 0xab, 0x15, 0x5c, 0x2b, 0xf0,
        0x72,
    ];
    let signature_size = u32::try_from(16 + der.len()).unwrap();
    let mut bytes = vec![0x27, 0, 0, 0];
    bytes.extend_from_slice(&X509);
    bytes.extend_from_slice(&(28 + signature_size).to_le_bytes());
    bytes.extend_from_slice(&0u32.to_le_bytes());
    bytes.extend_from_slice(&signature_size.to_le_bytes());
    bytes.extend_from_slice(&[0x5a; 16]);
    bytes.extend_from_slice(der);
    write(
        root,
        &format!("sys/firmware/efi/efivars/{name}-{guid}"),
        bytes,
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_machine_as_the_image_boots_it() {
    let _locale = ferrum_i18n::hold_locale("en-US");
    let fixtures =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../services/tests/fixtures/security");
    let own = std::fs::read(fixtures.join("own-pk.cer")).unwrap();
    let tree = tempfile::tempdir().unwrap();
    let root = tree.path();
    write(
        root,
        &format!("sys/firmware/efi/efivars/SecureBoot-{GLOBAL_GUID}"),
        [6, 0, 0, 0, 1],
    );
    certificate_variable(root, "PK", GLOBAL_GUID, &own);
    certificate_variable(root, "db", IMAGE_SECURITY_GUID, &own);
    write(root, OWN_PLATFORM_KEY, &own);
    write(root, "sys/class/tpm/tpm0/tpm_version_major", "2\n");
    // PCR 11 and its PolicyPCR digest (computed with Python's hashlib).
    write(
        root,
        "sys/class/tpm/tpm0/pcr-sha256/11",
        "6aac71a840a3d60d0dafb4ff168c02f66367480a246fc2346952b34be7fda5a4\n",
    );
    let fingerprint = "edb1993228decf70faa0ea33274ccc0d795c198a3848b60c6a93789362bcd0c8";
    write(
        root,
        "run/systemd/tpm2-pcr-signature.json",
        format!(
            r#"{{"sha256":[{{"pcrs":[11],"pkfp":"{fingerprint}","pol":"db934a1d56a1784eda594a49fb808a58f155d7e4bece834bf4869b666accea5a","sig":"c2ln"}}]}}"#
        ),
    );
    write(
        root,
        "run/systemd/tpm2-pcr-public-key.pem",
        std::fs::read(fixtures.join("pcr-public-key.pem")).unwrap(),
    );
    write(
        root,
        "proc/self/mountinfo",
        "25 1 253:0 / / ro,relatime - erofs /dev/mapper/root ro\n",
    );
    write(
        root,
        "sys/dev/block/253:0/dm/uuid",
        "CRYPT-VERITY-0123-root\n",
    );
    write(root, "sys/dev/block/253:0/dm/name", "root\n");
    write(root, "proc/cmdline", "roothash=0123abcd quiet\n");

    let (state, facts) = facts_of(root).await;
    for fact in Fact::ALL {
        assert!(fact_is_good(fact, &facts), "{fact:?}: {facts:#?}");
    }
    assert_eq!(
        Fact::Keys.text(&facts),
        "This computer's own keys: only software signed for this system starts."
    );
    assert_eq!(Fact::Tpm.text(&facts), "TPM 2.0");
    assert!(
        Fact::Pcr
            .text(&facts)
            .starts_with("PCR 11 matches the signed prediction:"),
        "{facts:?}"
    );
    assert!(Fact::Root.text(&facts).starts_with("Verified"), "{facts:?}");
    let _ = state.view();
}
