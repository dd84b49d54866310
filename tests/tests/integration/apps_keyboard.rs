//! The image e2e's Apps key script (`image/e2e/apps.keys`), run against the real settings app
//! on the host: the same keys the e2e sends to the VM over QMP, driven into the window
//! headlessly (`driver::Driver`), with the focus checked at every `focus` line — against the
//! apps bed's real Flatpak installations and its GPG-signed repo (`AppsBed`), with libflatpak
//! doing the work as in the VM.
//!
//! The bed starts as the VM's person does: no app installed, no source configured (the bed's
//! remotes are deleted), and the source's `.flatpakrepo` file in `~/Downloads` (the bed's
//! home; in the VM, the test-tools disk's copy). At the script's `sync` points the test checks
//! what the VM's report sees through the `flatpak` command: `apps-page` — the Apps page is open
//! and has read the (empty) installations; `source-added` — the person's installation has the
//! remote and the page says so; `found` — the search found the plain app; `installed` — the
//! app is in the person's installation and the page lists it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use ferrum_integration_tests::driver::Driver;
use ferrum_integration_tests::{assert_golden, script};
use ferrum_panels::PanelId;
use ferrum_panels::apps::{self, Flatpak, Loaded, Note, State};
use ferrum_panels::registry::Message as PageMessage;
use ferrum_services::SystemBus;
use ferrum_services::apps::Installations;
use ferrum_settings::cli::Options;
use ferrum_settings::{App, Message};
use ferrum_testbed::apps::{
    AppsBed, PLAIN_ID, PLAIN_NAME, REMOTE, UNREACHABLE_REMOTE, WRONG_KEY_REMOTE,
};
use ferrum_testbed::keyscript::{self, Step};
use ferrum_ui::status::ServiceStatus;
use ferrum_ui::window;
use futures::StreamExt as _;
use futures::stream::BoxStream;
use iced::Size;

/// The script, shared with the image e2e.
const SCRIPT: &str = include_str!("../../../image/e2e/apps.keys");
/// The VM's screen.
const WINDOW: Size = Size::new(1280.0, 800.0);
/// How long one sync point may take (libflatpak's work on a thread of its own).
const STEP: Duration = Duration::from_secs(60);
/// The file the script types, under the home folder.
const FLATPAKREPO: &str = "Downloads/ferrum-test.flatpakrepo";
/// How long one look at a subscription's stream waits.
const POLL: Duration = Duration::from_millis(20);

/// The page's subscriptions, which the driver does not run: its watch of the installations
/// and, while an operation runs, that operation's events.
struct Feeds {
    watch: BoxStream<'static, apps::Message>,
    operation: Option<BoxStream<'static, apps::Message>>,
}

impl Feeds {
    fn of(flatpak: &Flatpak) -> Self {
        Self {
            watch: apps::watch_stream(flatpak).boxed(),
            operation: None,
        }
    }

    /// Hands the page what its subscriptions have said, and redraws.
    async fn pump(&mut self, driver: &mut Driver<App>) {
        match (page(driver).running(), &self.operation) {
            (Some(running), None) => self.operation = Some(apps::operation_stream(running).boxed()),
            (None, Some(_)) => self.operation = None,
            _ => {}
        }
        let mut heard = Vec::new();
        while let Ok(Some(message)) = tokio::time::timeout(POLL, self.watch.next()).await {
            heard.push(message);
        }
        if let Some(operation) = &mut self.operation {
            while let Ok(Some(message)) = tokio::time::timeout(POLL, operation.next()).await {
                heard.push(message);
            }
        }
        for message in heard {
            driver
                .dispatch(Message::Page(PageMessage::Apps(message)))
                .await;
        }
        driver.redraw().await;
    }

    /// Pumps until `holds` is true of the page, or panics with `what` after [`STEP`].
    async fn until(
        &mut self,
        driver: &mut Driver<App>,
        line: usize,
        what: &str,
        holds: impl Fn(&State) -> bool,
    ) {
        let deadline = Instant::now() + STEP;
        loop {
            self.pump(driver).await;
            if holds(page(driver)) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "line {line}: {what} within {} s; the page: {:#?}",
                STEP.as_secs(),
                page(driver)
            );
        }
    }
}

/// The part of the screen the golden keeps, in the screenshot's pixels (twice the window's):
/// right of the 240-wide sidebar, the top 380 rows (the title, the note and the Installed section).
const PAGE_TOP: (u32, u32) = (480, 760);

/// The pixels of `rgba` (`size`) right of `left` and above `bottom`.
fn crop(size: Size<u32>, rgba: &[u8], (left, bottom): (u32, u32)) -> (Size<u32>, Vec<u8>) {
    let width = size.width - left;
    let height = bottom.min(size.height);
    let mut out = Vec::with_capacity((width * height * 4) as usize);
    for row in 0..height {
        let start = ((row * size.width + left) * 4) as usize;
        out.extend_from_slice(&rgba[start..start + (width * 4) as usize]);
    }
    (Size::new(width, height), out)
}

fn page(driver: &Driver<App>) -> &State {
    &driver.app.pages.apps
}

#[tokio::test(flavor = "multi_thread")]
async fn the_apps_key_script_adds_a_source_and_installs_an_app() {
    let steps = keyscript::parse_numbered(SCRIPT).unwrap_or_else(|error| panic!("{error}"));
    let bed = AppsBed::start().expect("the apps bed starts");
    // As the VM's person: no source in either installation.
    for remote in [REMOTE, UNREACHABLE_REMOTE, WRONG_KEY_REMOTE] {
        bed.flatpak(&["remote-delete", "--user", "--force", remote])
            .unwrap();
    }
    bed.flatpak(&["remote-delete", "--system", "--force", REMOTE])
        .unwrap();
    let home = bed.dir().join("home");
    std::fs::create_dir_all(home.join("Downloads")).unwrap();
    std::fs::write(home.join(FLATPAKREPO), bed.flatpakrepo(true).unwrap()).unwrap();

    let scratch = tempfile::tempdir().unwrap();
    let options = Options {
        preferences: Some(scratch.path().join("accessibility.toml")),
        ..Options::default()
    };
    // No daemon on the system bus is asked for anything on this page.
    let bus = SystemBus::with_address(&format!(
        "unix:path={}",
        scratch.path().join("no-bus").display()
    ));
    let (mut app, task) = App::new(&options, bus);
    // The page on the bed's installations (the app reads Flatpak's from the environment).
    let flatpak = Flatpak::at(
        Installations::at(bed.user_dir(), bed.system_dir(), &home),
        &format!(
            "unix:path={}",
            scratch.path().join("no-session-bus").display()
        ),
    );
    app.pages.apps = State::on(flatpak.clone());
    let mut feeds = Feeds::of(&flatpak);
    let mut driver = Driver::new(app, WINDOW);
    driver.start(task).await;
    driver
        .dispatch(Message::Window(window::Message::Nudge))
        .await;

    for (line, step) in &steps {
        let line = *line;
        match step {
            Step::Press(_) | Step::Type(_) => {
                for chord in step.chords() {
                    driver.deliver(script::chord_events(&chord)).await;
                }
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
                "apps-page" => {
                    assert_eq!(driver.app.active(), PanelId::Apps, "line {line}");
                    feeds
                        .until(&mut driver, line, "the page reads no app and no source", |page| {
                            matches!(&page.installed, ServiceStatus::Ready(s) if s.apps.is_empty())
                                && matches!(&page.remotes, Loaded::Ready(r) if r.is_empty())
                        })
                        .await;
                }
                "source-added" => {
                    feeds
                        .until(&mut driver, line, "the source is added", |page| {
                            matches!(&page.note, Some(Note::RemoteAdded(name)) if name == REMOTE)
                        })
                        .await;
                    let remotes = bed.flatpak(&["remotes", "--user"]).unwrap();
                    assert!(
                        remotes
                            .lines()
                            .any(|remote| remote.split_whitespace().next() == Some(REMOTE)),
                        "line {line}: flatpak remotes --user: {remotes}"
                    );
                }
                "found" => {
                    feeds
                        .until(
                            &mut driver,
                            line,
                            "the search finds the plain app",
                            |page| {
                                page.search.found.as_ref().is_some_and(|(_, found)| {
                                    format!("{found:?}").contains(PLAIN_ID)
                                })
                            },
                        )
                        .await;
                }
                "installed" => {
                    feeds
                        .until(
                            &mut driver,
                            line,
                            "the page lists the installed app",
                            |page| {
                                matches!(&page.installed, ServiceStatus::Ready(s)
                                if s.apps.iter().any(|app| app.name == PLAIN_NAME))
                            },
                        )
                        .await;
                    // The page as the VM's screen check sees it, right of the sidebar (whose
                    // rows other pages change): the title and the Installed section.
                    let (size, rgba) = driver.screenshot();
                    let (page_size, page) = crop(size, &rgba, PAGE_TOP);
                    assert_golden("apps-keyboard-installed", page_size, &page);
                    let installed = bed.installed_apps("--user").unwrap();
                    assert!(
                        installed.iter().any(|id| id == PLAIN_ID),
                        "line {line}: flatpak list --user: {installed:?}"
                    );
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
