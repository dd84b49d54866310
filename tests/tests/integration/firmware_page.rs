//! The Firmware page through its own `update` and requests, against the firmware bed's real
//! fwupd (`ferrum_testbed::firmware`: the test plugin's fake webcam at 1.2.2, a local remote
//! offering 1.2.4, an install slowed to ~2 s with a remove-replug request). What the page
//! asks for runs with `PageRequest::run`; fwupd's progress, requests and changes reach the
//! page through its own subscription. fwupd's own view is checked with `fwupdmgr`. Needs
//! root and `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::os::unix::process::CommandExt as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ferrum_accessibility::Role;
use ferrum_i18n::fl;
use ferrum_integration_tests::driver::Driver;
use ferrum_integration_tests::feed_until;
use ferrum_panels::firmware::{
    self, DAY, Ending, Failure, Message, Refresh, Request, Run, State, Step, Watch, refresh_text,
    run_text,
};
use ferrum_panels::registry::{self, PanelId};
use ferrum_panels::{Outcome, Page, PageRequest};
use ferrum_services::SystemBus;
use ferrum_services::firmware::{FirmwareError, Metered, NetworkConditions, Update};
use ferrum_settings::App;
use ferrum_settings::cli::Options;
use ferrum_testbed::firmware::{TEST_DEVICE_ID, TEST_DEVICE_VERSION, UPDATE_VERSION};
use ferrum_testbed::{Service, TestBed};
use ferrum_ui::status::ServiceStatus;
use ferrum_ui::window;
use futures::StreamExt;
use futures::stream::BoxStream;
use iced::keyboard::key;

/// How long fwupd may take to show a change (an install takes ~2.5 s).
const WAIT: Duration = Duration::from_secs(30);
/// The user the refused update runs as (`nobody`).
const NOBODY: u32 = 65534;
/// The settings window's size in the whole-window test.
const WINDOW: iced::Size = iced::Size::new(1280.0, 800.0);

/// The bed and the page, with the page's watch subscription.
struct Lab {
    bed: TestBed,
    state: State,
    watch: BoxStream<'static, Message>,
    bus: SystemBus,
}

fn lab(services: &[Service], timeout: Option<Duration>) -> Lab {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_test_writer()
        .try_init();
    let bed = tokio::task::block_in_place(|| TestBed::start(services)).expect("the firmware bed");
    let mut bus = SystemBus::with_address(bed.system_bus_address());
    if let Some(timeout) = timeout {
        bus = bus.with_method_timeout(timeout);
    }
    let state = State::on(bus.clone());
    let watch = firmware::watch_stream(&Watch(bus.clone())).boxed();
    Lab {
        bed,
        state,
        watch,
        bus,
    }
}

fn version_on_page(state: &State) -> Option<String> {
    state
        .snapshot()?
        .devices
        .iter()
        .find(|device| device.id == TEST_DEVICE_ID)?
        .version
        .clone()
}

fn offered_on_page(state: &State) -> Option<String> {
    state
        .snapshot()?
        .upgrades_for(TEST_DEVICE_ID)
        .first()
        .map(|release| release.version.clone())
}

/// fwupd's own word on the webcam's version (`fwupdmgr get-devices --json`).
fn fwupdmgr_version(bed: &TestBed) -> String {
    let output = bed
        .fwupdmgr()
        .args(["get-devices", "--json"])
        .stdin(Stdio::null())
        .output()
        .expect("fwupdmgr runs");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    json["Devices"]
        .as_array()
        .expect("devices")
        .iter()
        .find(|device| device["DeviceId"] == TEST_DEVICE_ID)
        .and_then(|device| device["Version"].as_str())
        .expect("the webcam")
        .to_owned()
}

/// Sends `signal` (`STOP`, `CONT`) to fwupd.
fn signal_fwupd(bed: &TestBed, signal: &str) {
    let pid = bed.pid(Service::Fwupd).expect("fwupd runs");
    let status = Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{signal} {pid}");
}

impl Lab {
    /// Feeds the page its watch updates until `accept` holds for it.
    async fn until(&mut self, what: &str, accept: impl Fn(&State) -> bool) {
        feed_until(&mut self.state, &mut self.watch, what, WAIT, accept).await;
    }

    /// Runs what an update asked for and feeds the answer back.
    async fn run(&mut self, outcome: Outcome<Request>) -> Outcome<Request> {
        let request = outcome.request.expect("the page asks for something");
        let answer = request.run(self.bus.clone()).await;
        self.state.update(answer)
    }

    /// The page showing the webcam with its update.
    async fn with_update_offered(&mut self) {
        self.until("the webcam with its update", |s| {
            offered_on_page(s).as_deref() == Some(UPDATE_VERSION)
        })
        .await;
    }

    /// Presses Update on the webcam and runs the download: the Install request it leads to.
    async fn update_downloaded(&mut self) -> Request {
        let outcome = self
            .state
            .update(Message::Update(TEST_DEVICE_ID.to_owned()));
        assert!(matches!(
            self.state.run,
            Run::Active {
                step: Step::Downloading,
                ..
            }
        ));
        let outcome = self.run(outcome).await;
        assert!(
            matches!(
                self.state.run,
                Run::Active {
                    step: Step::Checking,
                    ..
                }
            ),
            "{:?}",
            self.state.run
        );
        outcome.request.expect("the check and Install")
    }

    /// Runs the Install request while feeding the page its watch; each step the page went
    /// through is handed to `seen`. Returns once the answer is fed back.
    async fn install_watching(&mut self, install: Request, mut seen: impl FnMut(&State)) {
        let mut answer = tokio::spawn(install.run(self.bus.clone()));
        let deadline = tokio::time::Instant::now() + WAIT;
        let message = loop {
            tokio::select! {
                message = self.watch.next() => {
                    let message = message.expect("the watch goes on");
                    // Nothing for fwupd (a request's dialog may take the keyboard).
                    assert_eq!(self.state.update(message).request, None);
                    seen(&self.state);
                }
                message = &mut answer => break message.expect("the install task"),
                () = tokio::time::sleep_until(deadline) => panic!("no answer to Install: {:#?}", self.state),
            }
        };
        assert_eq!(self.state.update(message).request, None);
        seen(&self.state);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_offers_the_update_and_installs_it_with_its_progress() {
    let mut lab = lab(&[Service::Fwupd], None);
    // Showing the page: the bed's source is a folder fwupd reads itself; checked by itself.
    let outcome = lab.state.enter();
    assert_eq!(outcome.request, Some(Request::Freshness));
    let outcome = lab.run(outcome).await;
    if outcome.request.is_some() {
        let _ = lab.run(outcome).await;
    }
    assert!(
        matches!(lab.state.refresh, Refresh::Fresh { .. }),
        "{:?}",
        lab.state.refresh
    );
    // And by hand.
    let outcome = lab.state.update(Message::CheckForUpdates);
    assert_eq!(lab.state.refresh, Refresh::Checking);
    let _ = lab.run(outcome).await;
    assert_eq!(
        refresh_text(&lab.state.refresh),
        Some(fl!("firmware-refresh-last", days = 0))
    );

    lab.with_update_offered().await;
    let snapshot = lab.state.snapshot().unwrap();
    let release = &snapshot.upgrades_for(TEST_DEVICE_ID)[0];
    assert_eq!(
        release.description_text(),
        "This release fixes the picture in low light.\n\n\
         • Less noise in dark rooms.\n• Faster white balance."
    );
    assert_eq!(
        version_on_page(&lab.state).as_deref(),
        Some(TEST_DEVICE_VERSION)
    );
    assert!(
        firmware::shown_devices(snapshot)
            .iter()
            .any(|device| device.id == TEST_DEVICE_ID)
    );

    let install = lab.update_downloaded().await;
    let started = Instant::now();
    let mut percents = BTreeSet::new();
    let mut steps = Vec::new();
    let mut prompts = Vec::new();
    lab.install_watching(install, |state| {
        if let Run::Active { step, percent, .. } = &state.run {
            if steps.last() != Some(step) {
                steps.push(*step);
            }
            percents.extend(*percent);
        }
        if let Some(prompt) = &state.prompt
            && prompts.last() != Some(&prompt.sentence())
        {
            prompts.push(prompt.sentence());
        }
    })
    .await;
    let took = started.elapsed();
    println!("install: {took:?}, steps {steps:?}, percentages {percents:?}, requests {prompts:?}");
    assert!(
        matches!(
            lab.state.run,
            Run::Finished {
                ending: Ending::Done,
                ..
            }
        ),
        "{:?}",
        lab.state.run
    );
    assert!(percents.len() >= 3, "{percents:?}");
    for step in [Step::Writing, Step::Verifying] {
        assert!(steps.contains(&step), "{step:?} in {steps:?}");
    }
    assert_eq!(
        prompts,
        [fl!(
            "firmware-request-remove-replug",
            device = "Integrated Webcam™"
        )]
    );
    assert_eq!(lab.state.prompt, None, "the request closes with the update");
    assert_eq!(
        run_text(&lab.state.run),
        Some(fl!(
            "firmware-done",
            device = "Integrated Webcam™",
            version = UPDATE_VERSION
        ))
    );

    // fwupd and the page agree on the new version; nothing more is offered.
    lab.until("the new version on the page", |s| {
        version_on_page(s).as_deref() == Some(UPDATE_VERSION) && offered_on_page(s).is_none()
    })
    .await;
    assert_eq!(fwupdmgr_version(&lab.bed), UPDATE_VERSION);
    assert!(!lab.state.busy_elsewhere(), "{:?}", lab.state.daemon);
    let _ = lab.state.update(Message::RunDismissed);
    assert_eq!(lab.state.run, Run::Idle);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cabinet_that_does_not_match_the_metadata_is_refused_before_install() {
    let mut lab = lab(&[Service::Fwupd], None);
    lab.with_update_offered().await;
    // The download location serves other bytes than the metadata describes.
    let mismatched = lab.bed.write_mismatched_cabinet().unwrap();
    let mut snapshot = lab.state.snapshot().unwrap().clone();
    snapshot.upgrades.get_mut(TEST_DEVICE_ID).unwrap()[0].locations =
        vec![format!("file://{}", mismatched.display())];
    assert!(
        lab.state
            .update(Message::Watched(Update::Available(snapshot)))
            .is_none()
    );

    let monitor = lab
        .bed
        .busctl()
        .args([
            "monitor",
            "--json=short",
            ferrum_services::firmware::BUS_NAME,
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let install = lab.update_downloaded().await;
    let answer = install.run(lab.bus.clone()).await;
    assert_eq!(lab.state.update(answer).request, None);
    let Run::Failed { failure, .. } = &lab.state.run else {
        panic!("{:?}", lab.state.run)
    };
    assert!(
        matches!(
            failure,
            Failure::Firmware(FirmwareError::ChecksumMismatch { .. })
        ),
        "{failure:?}"
    );
    let sentence = run_text(&lab.state.run).unwrap();
    assert!(
        sentence.ends_with(&fl!("firmware-error-checksum")),
        "{sentence}"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut monitor = monitor;
    monitor.kill().unwrap();
    let seen = String::from_utf8_lossy(&monitor.wait_with_output().unwrap().stdout).into_owned();
    assert!(!seen.contains("\"Install\""), "Install was called: {seen}");
    assert_eq!(fwupdmgr_version(&lab.bed), TEST_DEVICE_VERSION);
}

/// The update's server cannot be reached (nothing listens at its address, as when this
/// computer is offline): a sentence saying so, and fwupd is never asked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_download_is_an_offline_sentence() {
    let mut lab = lab(&[Service::Fwupd], None);
    lab.with_update_offered().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut snapshot = lab.state.snapshot().unwrap().clone();
    snapshot.upgrades.get_mut(TEST_DEVICE_ID).unwrap()[0].locations =
        vec![format!("http://127.0.0.1:{port}/webcam-1.2.4.cab")];
    assert!(
        lab.state
            .update(Message::Watched(Update::Available(snapshot)))
            .is_none()
    );
    let outcome = lab.state.update(Message::Update(TEST_DEVICE_ID.to_owned()));
    let outcome = lab.run(outcome).await;
    assert_eq!(outcome.request, None, "nothing for fwupd");
    let Run::Failed { failure, .. } = &lab.state.run else {
        panic!("{:?}", lab.state.run)
    };
    assert!(
        matches!(failure, Failure::Firmware(FirmwareError::Offline { .. })),
        "{failure:?}"
    );
    let sentence = run_text(&lab.state.run).unwrap();
    assert!(
        sentence.ends_with(&fl!("firmware-error-offline")),
        "{sentence}"
    );
    assert!(lab.state.error.is_none(), "a sentence, not an error report");
    assert_eq!(fwupdmgr_version(&lab.bed), TEST_DEVICE_VERSION);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fwupd_killed_during_an_update_is_a_sentence_then_the_truth() {
    let mut lab = lab(&[Service::Fwupd], None);
    lab.with_update_offered().await;
    let install = lab.update_downloaded().await;
    let answer = tokio::spawn(install.run(lab.bus.clone()));
    lab.until("the webcam being written", |s| {
        matches!(
            s.run,
            Run::Active {
                step: Step::Writing,
                ..
            }
        )
    })
    .await;
    lab.bed.kill_service(Service::Fwupd).unwrap();
    let message = answer.await.unwrap();
    assert_eq!(lab.state.update(message).request, None);
    lab.until("fwupd gone", |s| {
        matches!(s.fwupd, ServiceStatus::Unavailable)
    })
    .await;
    assert!(
        matches!(
            lab.state.run,
            Run::Failed {
                failure: Failure::ServiceStopped,
                ..
            }
        ),
        "{:?}",
        lab.state.run
    );
    let sentence = run_text(&lab.state.run).unwrap();
    assert!(
        sentence.ends_with(&fl!("firmware-error-stopped-during")),
        "{sentence}"
    );
    assert_eq!(lab.state.prompt, None);

    // Back: the truth — the fake webcam starts over at 1.2.2 and is offered the update
    // again; nothing is left under way.
    lab.bed.start_service(Service::Fwupd).unwrap();
    lab.until("fwupd back with the webcam", |s| {
        version_on_page(s).as_deref() == Some(TEST_DEVICE_VERSION)
            && offered_on_page(s).as_deref() == Some(UPDATE_VERSION)
    })
    .await;
    assert!(!lab.state.run.is_active());
    assert!(!lab.state.busy_elsewhere(), "{:?}", lab.state.daemon);
    assert!(!lab.state.snapshot().unwrap().progress.status.is_busy());
    // And it can be updated again from the page.
    let _ = lab.state.update(Message::RunDismissed);
    let install = lab.update_downloaded().await;
    lab.install_watching(install, |_| {}).await;
    assert!(
        matches!(
            lab.state.run,
            Run::Finished {
                ending: Ending::Done,
                ..
            }
        ),
        "{:?}",
        lab.state.run
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hung_fwupd_is_a_sentence_after_the_timeout_and_the_page_goes_on() {
    let timeout = Duration::from_secs(2);
    let mut lab = lab(&[Service::Fwupd], Some(timeout));
    lab.with_update_offered().await;

    signal_fwupd(&lab.bed, "STOP");
    let asked = Instant::now();
    let outcome = lab.state.update(Message::CheckForUpdates);
    let _ = lab.run(outcome).await;
    assert_eq!(
        refresh_text(&lab.state.refresh),
        Some(fl!(
            "firmware-refresh-failed",
            reason = fl!("firmware-error-timeout")
        ))
    );
    let install = lab.update_downloaded().await;
    let answer = install.run(lab.bus.clone()).await;
    let _ = lab.state.update(answer);
    let sentence = run_text(&lab.state.run).unwrap();
    assert!(
        sentence.ends_with(&fl!("firmware-error-timeout")),
        "{sentence}"
    );
    assert!(!lab.state.run.is_active());
    assert!(
        asked.elapsed() < Duration::from_secs(15),
        "{:?}",
        asked.elapsed()
    );
    // The page keeps the devices it had.
    assert_eq!(offered_on_page(&lab.state).as_deref(), Some(UPDATE_VERSION));

    // It answers again: checking works.
    signal_fwupd(&lab.bed, "CONT");
    let outcome = lab.state.update(Message::CheckForUpdates);
    let _ = lab.run(outcome).await;
    assert!(
        matches!(lab.state.refresh, Refresh::Fresh { .. }),
        "{:?}",
        lab.state.refresh
    );
}

/// Calls `method` of the NetworkManager mock's `org.freedesktop.DBus.Mock` (its own and its
/// template's).
fn network_manager_mock(bed: &TestBed, method: &str, args: &[&str]) {
    let output = bed
        .busctl()
        .args([
            "call",
            Service::NetworkManagerMock.bus_name(),
            "/org/freedesktop/NetworkManager",
            "org.freedesktop.DBus.Mock",
            method,
        ])
        .args(args)
        .output()
        .expect("busctl runs");
    assert!(output.status.success(), "{method}: {output:?}");
}

/// The automatic refresh against NetworkManager (python-dbusmock's) and fwupd: the page's
/// request reads NetworkManager's `Metered` and `State`; with the metadata as fwupd dates it,
/// two days on, a metered connection is a sentence and no refresh, an offline machine
/// another; **Check for updates** still checks at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_refresh_by_itself_on_a_metered_connection_nor_offline() {
    let mut lab = lab(&[Service::NetworkManagerMock, Service::Fwupd], None);
    // A phone's hotspot: NetworkManager guesses it is metered.
    network_manager_mock(
        &lab.bed,
        "AddProperty",
        &["ssv", "org.freedesktop.NetworkManager", "Metered", "u", "3"],
    );
    let outcome = lab.state.enter();
    assert_eq!(outcome.request, Some(Request::Freshness));
    let Message::Freshness(Ok(mut freshness)) = outcome.request.unwrap().run(lab.bus.clone()).await
    else {
        panic!("the sources and the network are read")
    };
    assert_eq!(
        freshness.network,
        NetworkConditions {
            metered: Metered::GuessYes,
            online: Some(true)
        }
    );
    let fetched = freshness
        .last_refreshed()
        .expect("fwupd dates its metadata");
    freshness.now = fetched + 2 * DAY;
    let outcome = lab.state.update(Message::Freshness(Ok(freshness.clone())));
    assert!(outcome.is_none(), "no refresh on a metered connection");
    assert_eq!(
        lab.state.refresh,
        Refresh::Metered {
            last: Some(fetched),
            now: fetched + 2 * DAY
        }
    );
    let sentence = refresh_text(&lab.state.refresh).unwrap();
    assert!(
        sentence.starts_with(&fl!("firmware-refresh-metered")),
        "{sentence}"
    );
    assert!(
        sentence.ends_with(&fl!("firmware-refresh-last", days = 2)),
        "{sentence}"
    );
    // By hand it checks anyway.
    let outcome = lab.state.update(Message::CheckForUpdates);
    let _ = lab.run(outcome).await;
    assert!(
        matches!(lab.state.refresh, Refresh::Fresh { .. }),
        "{:?}",
        lab.state.refresh
    );

    // Not metered, but disconnected: a sentence, no refresh, no error report.
    network_manager_mock(
        &lab.bed,
        "UpdateProperties",
        &[
            "sa{sv}",
            "org.freedesktop.NetworkManager",
            "1",
            "Metered",
            "u",
            "4",
        ],
    );
    network_manager_mock(&lab.bed, "SetGlobalConnectionState", &["u", "20"]);
    let outcome = lab.state.enter();
    let Message::Freshness(Ok(mut freshness)) = outcome.request.unwrap().run(lab.bus.clone()).await
    else {
        panic!("the sources and the network are read")
    };
    assert_eq!(
        freshness.network,
        NetworkConditions {
            metered: Metered::GuessNo,
            online: Some(false)
        }
    );
    freshness.now += 2 * DAY;
    assert!(
        lab.state
            .update(Message::Freshness(Ok(freshness)))
            .is_none()
    );
    assert_eq!(
        refresh_text(&lab.state.refresh),
        Some(fl!("firmware-refresh-offline"))
    );
    assert!(lab.state.error.is_none());
}

/// polkit's refusal, for real: fwupd trusts root without asking polkit, so the page runs in
/// a process of its own as `nobody` (`tests/src/bin/firmware-page-as-user.rs`), and
/// the bed's polkit (python-dbusmock's, which fwupd asks over the bed's bus) refuses.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn polkits_refusal_is_a_sentence_and_nothing_changes() {
    let lab = lab(&[Service::Polkit, Service::Fwupd], None);
    lab.bed.set_polkit_allowed(false, &[]).unwrap();
    let output = tokio::task::spawn_blocking({
        let address = lab.bed.system_bus_address().to_owned();
        move || {
            Command::new(env!("CARGO_BIN_EXE_firmware-page-as-user"))
                .arg(address)
                .uid(NOBODY)
                .gid(NOBODY)
                .current_dir("/")
                .stdin(Stdio::null())
                .output()
                .unwrap()
        }
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let field = |name: &str| {
        stdout
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .unwrap_or_else(|| panic!("no {name} in {stdout}"))
            .to_owned()
    };
    assert_eq!(field("UID="), NOBODY.to_string());
    assert!(
        field("FAILURE=").starts_with("Firmware(NotAuthorized("),
        "{stdout}"
    );
    assert!(
        field("SENTENCE=").ends_with(&fl!("firmware-error-not-authorized")),
        "{stdout}"
    );
    // fwupd asked polkit about one of its own actions, and polkit said no.
    let asked = lab
        .bed
        .busctl()
        .args([
            "call",
            Service::Polkit.bus_name(),
            "/org/freedesktop/PolicyKit1/Authority",
            "org.freedesktop.DBus.Mock",
            "GetMethodCalls",
            "s",
            "CheckAuthorization",
        ])
        .output()
        .unwrap();
    let asked = String::from_utf8_lossy(&asked.stdout);
    assert!(asked.contains("org.freedesktop.fwupd."), "{asked}");
    println!("{stdout}");
    assert_eq!(fwupdmgr_version(&lab.bed), TEST_DEVICE_VERSION);
}

/// The focused control's role and name.
fn focused(driver: &Driver) -> Option<(Role, String)> {
    driver
        .app
        .accessible_tree()
        .focused()
        .map(|node| (node.info.role, node.info.name.clone()))
}

/// Every control a person can reach by keyboard, with its role and accessible name.
fn controls(driver: &Driver) -> Vec<(Role, String)> {
    driver
        .app
        .accessible_tree()
        .nodes
        .iter()
        .filter(|node| node.info.role.is_focusable() && !node.info.disabled)
        .map(|node| (node.info.role, node.info.name.clone()))
        .collect()
}

/// Feeds the window the page's watch until `accept` holds for the page.
async fn feed_window(
    driver: &mut Driver,
    watch: &mut BoxStream<'static, Message>,
    what: &str,
    accept: impl Fn(&State) -> bool,
) {
    let deadline = tokio::time::Instant::now() + WAIT;
    while !accept(&driver.app.pages.firmware) {
        let message = tokio::time::timeout_at(deadline, watch.next())
            .await
            .unwrap_or_else(|_| panic!("{what}: not within {WAIT:?}"))
            .expect("the watch goes on");
        driver
            .dispatch(ferrum_settings::Message::Page(registry::Message::Firmware(
                message,
            )))
            .await;
    }
}

/// The whole window as a person with a keyboard and a screen reader meets it:
/// `ferrum-settings firmware` opens the page; every control it shows has a name; Tab reaches
/// the webcam's Update (named with its device) and Enter installs it, after which the
/// keyboard is on Close; the demo's update at 40 % is a progress indicator whose name says
/// the device, the step and the percentage.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_deep_link_opens_the_page_and_the_keyboard_updates_the_webcam() {
    let lab = lab(&[Service::Fwupd], None);
    let _locale = ferrum_i18n::keep_locale();
    let scratch = tempfile::tempdir().unwrap();
    let options = Options {
        panel: Some("firmware".to_owned()),
        preferences: Some(scratch.path().join("accessibility.toml")),
        ..Options::default()
    };
    let (app, task) = App::new(&options, lab.bus.clone());
    let mut driver = Driver::new(app, WINDOW);
    driver.start(task).await;
    assert_eq!(driver.app.active(), PanelId::Firmware);
    assert!(driver.app.notice().is_none(), "firmware is a known panel");

    let mut watch = lab.watch;
    feed_window(&mut driver, &mut watch, "the webcam's update", |page| {
        offered_on_page(page).as_deref() == Some(UPDATE_VERSION)
    })
    .await;
    driver
        .dispatch(ferrum_settings::Message::Window(window::Message::Nudge))
        .await;
    let reachable = controls(&driver);
    assert!(
        reachable.iter().all(|(_, name)| !name.trim().is_empty()),
        "{reachable:#?}"
    );
    let update = (
        Role::Button,
        fl!(
            "control-about",
            control = fl!("firmware-update"),
            subject = "Integrated Webcam™"
        ),
    );
    let check = (Role::Button, fl!("firmware-check"));
    assert!(reachable.contains(&update), "{reachable:#?}");
    assert!(reachable.contains(&check), "{reachable:#?}");

    let mut tabs = 0;
    while focused(&driver).as_ref() != Some(&update) {
        tabs += 1;
        assert!(
            tabs <= reachable.len() + 20,
            "Tab never reached {update:?}: {reachable:#?}"
        );
        driver.tap(key::Named::Tab).await;
    }
    println!("Update reached with {tabs} Tabs");
    // Enter: downloaded, checked and installed (the requests run to their answers).
    driver.tap(key::Named::Enter).await;
    let page = &driver.app.pages.firmware;
    assert!(
        matches!(
            page.run,
            Run::Finished {
                ending: Ending::Done,
                ..
            }
        ),
        "{:?}",
        page.run
    );
    assert_eq!(
        focused(&driver),
        Some((Role::Button, fl!("firmware-close"))),
        "the keyboard lands on Close"
    );
    feed_window(&mut driver, &mut watch, "the new version", |page| {
        version_on_page(page).as_deref() == Some(UPDATE_VERSION)
    })
    .await;
    assert_eq!(
        driver.app.pages.firmware.prompt, None,
        "the request of an update that has ended is not shown"
    );
    screenshot(&mut driver, "installed");
    assert_eq!(fwupdmgr_version(&lab.bed), UPDATE_VERSION);

    // The demo's state: the bar is named with its device, step and percentage.
    driver.app.pages.firmware = firmware::sample::in_progress();
    driver
        .dispatch(ferrum_settings::Message::Window(window::Message::Nudge))
        .await;
    let bar = driver
        .app
        .accessible_tree()
        .nodes
        .iter()
        .find(|node| node.info.role == Role::ProgressIndicator)
        .map(|node| node.info.name.clone());
    assert_eq!(
        bar,
        Some(fl!(
            "firmware-progress",
            device = "USB-C Dock",
            step = fl!("firmware-step-writing"),
            percent = 40
        ))
    );
    screenshot(&mut driver, "demo");
}

/// With `FERRUM_FIRMWARE_SCREENSHOTS=<folder>`, saves the window as `<folder>/<name>.png`
/// (to look at the page; the goldens are the shell's snapshot tests).
fn screenshot(driver: &mut Driver, name: &str) {
    let Ok(folder) = std::env::var("FERRUM_FIRMWARE_SCREENSHOTS") else {
        return;
    };
    let (size, rgba) = driver.screenshot();
    let path = std::path::Path::new(&folder).join(format!("{name}.png"));
    let mut encoder = png::Encoder::new(
        std::fs::File::create(path).unwrap(),
        size.width,
        size.height,
    );
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder
        .write_header()
        .unwrap()
        .write_image_data(&rgba)
        .unwrap();
}
