//! The image e2e's Date & Time key script (`image/e2e/date-time.keys`), run against the real
//! settings app on the host: the same keys the e2e sends to the VM over QMP, driven into the
//! window headlessly (`driver::Driver`), with the focus checked at every `focus` line —
//! against the bed's real systemd-timedated (`Service::Timedated`, whose `/etc` is a private
//! copy: this host's zone never changes) and the real polkitd, whose question the app's own
//! authentication agent shows as its dialog, where the script types the administrator's
//! password.
//!
//! polkitd authorizes root without asking anyone, so the app must run as a person: the test
//! starts itself again (this test alone, `FERRUM_DATE_TIME_KEYS_BUS` set) as `nobody` inside
//! polkitd's mount namespace, as `date_time_page.rs` starts its person's program. That
//! process drives the app and registers the agent for itself (as the app does for its
//! session); the bed's first administrator gets the image's test password (`ferrum-test`, as
//! the image's `ada` has) in polkit's private `/etc/shadow`. At the script's `sync` points:
//! `date-time-page` — the page is open and has timedated's snapshot; `agent-dialog` — the
//! dialog shows polkit's request; `zone-set` — the dialog closed and timedated's `Timezone`
//! says the chosen zone. The test itself then checks the copy's `/etc/localtime`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::{Duration, Instant};

use ferrum_integration_tests::driver::Driver;
use ferrum_integration_tests::person::NOBODY;
use ferrum_integration_tests::script;
use ferrum_panels::PanelId;
use ferrum_panels::date_time::{self, Watch};
use ferrum_panels::registry::Message as PageMessage;
use ferrum_services::SystemBus;
use ferrum_services::polkit_agent::{AgentEvent, AgentOptions, Subject, run_agent};
use ferrum_settings::cli::Options;
use ferrum_settings::{App, Message, auth_dialog};
use ferrum_testbed::keyscript::{self, Step};
use ferrum_testbed::polkit::ADMINS;
use ferrum_testbed::{Service, TestBed};
use futures::StreamExt as _;
use futures::stream::BoxStream;
use iced::Size;

/// The script, shared with the image e2e.
const SCRIPT: &str = include_str!("../../../image/e2e/date-time.keys");
/// The zone the script chooses.
const ZONE: &str = "Asia/Tokyo";
/// The password the script types: the image's test account's.
const PASSWORD: &str = "ferrum-test";
/// [`PASSWORD`]'s SHA-512 crypt hash (`openssl passwd -6 -salt ferrumtestadm ferrum-test`).
const PASSWORD_HASH: &str = "$6$ferrumtestadm$JSHY9EDcUeRDx9P4Zx0qgQxHjY0gEdXlJ7kRCh2tKCW5rsUFI6NjWVxWgrB2ultwsG0hZihhbbSVb5VwNDpBc.";
/// Set in the process that plays the script: the bed's bus address.
const CHILD: &str = "FERRUM_DATE_TIME_KEYS_BUS";
/// This test's name in the integration test binary, to start it again alone.
const NAME: &str = "date_time_keyboard::the_date_time_key_script_sets_the_zone_through_the_agent";
/// The VM's screen.
const WINDOW: Size = Size::new(1280.0, 800.0);
/// How long one sync point may take (polkit's helper checks the password).
const STEP: Duration = Duration::from_secs(60);
/// How long one look at a subscription's stream waits.
const POLL: Duration = Duration::from_millis(20);

fn localtime(etc: &Path) -> String {
    std::fs::read_link(etc.join("localtime"))
        .map(|target| target.display().to_string())
        .unwrap_or_default()
}

/// The subscriptions the driver does not run: the page's watch of timedated and the app's
/// authentication agent.
struct Feeds {
    watch: BoxStream<'static, date_time::Message>,
    agent: BoxStream<'static, AgentEvent>,
}

impl Feeds {
    /// Hands the app what its subscriptions have said, and redraws.
    async fn pump(&mut self, driver: &mut Driver<App>) {
        let mut heard = Vec::new();
        while let Ok(Some(message)) = tokio::time::timeout(POLL, self.watch.next()).await {
            heard.push(Message::Page(PageMessage::DateTime(message)));
        }
        while let Ok(Some(event)) = tokio::time::timeout(POLL, self.agent.next()).await {
            heard.push(Message::Auth(auth_dialog::Message::Agent(event)));
        }
        for message in heard {
            driver.dispatch(message).await;
        }
        let _ = driver.run_background(POLL).await;
        driver.redraw().await;
    }

    /// Pumps until `holds` is true of the app, or panics with `what` after [`STEP`].
    async fn until(
        &mut self,
        driver: &mut Driver<App>,
        line: usize,
        what: &str,
        holds: impl Fn(&App) -> bool,
    ) {
        let deadline = Instant::now() + STEP;
        loop {
            self.pump(driver).await;
            if holds(&driver.app) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "line {line}: {what} within {} s; the page: {:#?}; the dialog: {:#?}",
                STEP.as_secs(),
                driver.app.pages.date_time,
                driver.app.auth.open,
            );
        }
    }
}

fn zone(app: &App) -> Option<&str> {
    app.pages
        .date_time
        .snapshot()
        .map(|snapshot| snapshot.timezone.as_str())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_date_time_key_script_sets_the_zone_through_the_agent() {
    match std::env::var(CHILD) {
        Ok(address) => play(&address).await,
        Err(_) => bed_side(),
    }
}

/// The test: the bed, the administrator's password, the person's process, the result.
fn bed_side() {
    let host_before = localtime(Path::new("/etc"));
    let bed = TestBed::start(&[Service::PolkitDaemon, Service::Timedated])
        .expect("real polkitd and timedated");
    let etc = bed.machine_etc(Service::Timedated);
    assert!(!localtime(&etc).ends_with(ZONE), "{}", localtime(&etc));

    // The bed's first administrator has the image's test password (written in place: the
    // file is bind-mounted over /etc/shadow in polkitd's namespace).
    let admin = ADMINS[0];
    let shadow = bed.dir().join("polkit").join("shadow");
    let lines = std::fs::read_to_string(&shadow).unwrap();
    let prefix = format!("{}:", admin.name);
    let rewritten: String = lines
        .lines()
        .map(|line| match line.strip_prefix(&prefix) {
            Some(rest) => {
                let after_hash = rest.split_once(':').map_or("", |(_, after)| after);
                format!("{prefix}{PASSWORD_HASH}:{after_hash}\n")
            }
            None => format!("{line}\n"),
        })
        .collect();
    assert_ne!(rewritten, lines, "{} has {}", shadow.display(), admin.name);
    std::fs::write(&shadow, rewritten).unwrap();

    let mut command = bed
        .polkit_namespace_command("/usr/bin/setpriv")
        .expect("polkitd runs");
    let output = command
        .args([
            &format!("--reuid={NOBODY}"),
            &format!("--regid={NOBODY}"),
            "--clear-groups",
        ])
        .arg(std::env::current_exe().unwrap())
        .args([NAME, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, bed.system_bus_address())
        .env("HOME", "/tmp")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    eprintln!("{stderr}");
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("1 passed"), "{stdout}\n{stderr}");
    assert!(
        stderr.contains(&format!("SYNC zone-set {ZONE}")),
        "{stdout}\n{stderr}"
    );

    assert!(
        localtime(&etc).ends_with(&format!("zoneinfo/{ZONE}")),
        "the copy's /etc/localtime: {}",
        localtime(&etc)
    );
    assert_eq!(localtime(Path::new("/etc")), host_before, "the host's zone");
}

/// The person's process: the app on the bed's bus, the script played into it.
async fn play(address: &str) {
    let _guard = ferrum_i18n::hold_locale("en-US");
    let steps = keyscript::parse_numbered(SCRIPT).unwrap_or_else(|error| panic!("{error}"));
    assert!(
        steps
            .iter()
            .any(|(_, step)| matches!(step, Step::Type(text) if text == PASSWORD)),
        "the script types the administrator's password"
    );
    let scratch = tempfile::tempdir().unwrap();
    let options = Options {
        preferences: Some(scratch.path().join("accessibility.toml")),
        ..Options::default()
    };
    let bus = SystemBus::with_address(address);
    let (app, task) = App::new(&options, bus.clone());
    // The agent as the app registers it, for this process (there is no login session).
    let subject = Subject::process(std::process::id()).unwrap();
    let mut feeds = Feeds {
        watch: date_time::watch_stream(&Watch(bus.clone())).boxed(),
        agent: run_agent(bus, AgentOptions::for_subject(subject, "en_US.UTF-8")).boxed(),
    };
    let mut driver = Driver::new(app, WINDOW);
    driver.start(task).await;
    driver
        .dispatch(Message::Window(ferrum_ui::window::Message::Nudge))
        .await;
    feeds
        .until(&mut driver, 0, "the agent registers", |app| {
            app.auth.registered.is_some()
        })
        .await;
    // As the Apps step leaves the window: the search holds "apps".
    for chord in keyscript::parse("press ctrl-f\ntype apps\n")
        .unwrap()
        .iter()
        .flat_map(Step::chords)
    {
        driver.deliver(script::chord_events(&chord)).await;
    }

    for (index, (line, step)) in steps.iter().enumerate() {
        let line = *line;
        match step {
            Step::Press(_) | Step::Type(_) => {
                // The keys that start the change: timedated's call waits for polkit, which
                // waits for the dialog's password, so its task runs in the background.
                let asks = matches!(steps.get(index + 1), Some((_, Step::Sync(point))) if point == "agent-dialog");
                for chord in step.chords() {
                    let events = script::chord_events(&chord);
                    if asks {
                        driver.deliver_in_background(events).await;
                    } else {
                        driver.deliver(events).await;
                    }
                }
                feeds.pump(&mut driver).await;
            }
            Step::Focus { role, name } => {
                assert_eq!(
                    script::focused(&driver),
                    Some((role.clone(), name.clone())),
                    "line {line}: `{step}`; the focusable controls:\n{}",
                    script::focusables(&driver)
                );
            }
            Step::Sync(point) => match point.as_str() {
                "date-time-page" => {
                    assert_eq!(driver.app.active(), PanelId::DateTime, "line {line}");
                    feeds
                        .until(&mut driver, line, "timedated's snapshot", |app| {
                            zone(app).is_some() && app.pages.date_time.zones.is_some()
                        })
                        .await;
                    assert_ne!(zone(&driver.app), Some(ZONE), "line {line}");
                }
                "agent-dialog" => {
                    feeds
                        .until(&mut driver, line, "the agent's dialog", |app| {
                            app.auth.is_open()
                        })
                        .await;
                    assert!(
                        driver.app.pages.date_time.error.is_none(),
                        "line {line}: {:?}",
                        driver.app.pages.date_time.error
                    );
                    let open = driver.app.auth.open.as_ref().unwrap();
                    assert_eq!(open.identity, ADMINS[0].uid, "line {line}: {open:?}");
                    eprintln!("SYNC agent-dialog {}", open.request.message);
                }
                "zone-set" => {
                    feeds
                        .until(&mut driver, line, "timedated's new zone", |app| {
                            !app.auth.is_open() && zone(app) == Some(ZONE)
                        })
                        .await;
                    feeds
                        .until(&mut driver, line, "the change's end", |app| {
                            app.pages.date_time.pending.is_none()
                        })
                        .await;
                    assert_eq!(driver.run_background(POLL).await, 0, "line {line}");
                    assert!(
                        driver.app.pages.date_time.error.is_none(),
                        "line {line}: {:?}",
                        driver.app.pages.date_time.error
                    );
                    eprintln!("SYNC zone-set {ZONE}");
                }
                other => panic!("line {line}: unknown sync point {other:?}"),
            },
        }
        eprintln!(
            "line {line}: {:<40} focus {:?}",
            step.to_string(),
            script::focused(&driver)
        );
    }
}
