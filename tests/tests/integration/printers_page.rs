//! The Printers page through its own `update` and requests, against the
//! printing bed: real cupsd, the virtual IPP Everywhere printer
//! (ippeveprinter), cups-pk-helper with the polkit stand-in, Avahi. What the
//! page asks for is checked with CUPS's own tools (`lpstat`) and the
//! printer's output folder; what happens elsewhere (a job, cupsd killed and
//! back) must reach the page through its subscriptions by itself. Needs
//! root and `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use ferrum_i18n::fl;
use ferrum_integration_tests::feed_until;
use ferrum_panels::printers::{self, AddMessage, Discovery, Found, Message, Note, Printing, State};
use ferrum_panels::{Outcome, Page, PageRequest};
use ferrum_services::SystemBus;
use ferrum_services::printers::{CupsServer, JobState, PrintOption, QueueName};
use ferrum_testbed::printing::{PRINTING, VIRTUAL_PRINTER_NAME};
use ferrum_testbed::{Service, TestBed};
use ferrum_ui::status::ServiceStatus;
use futures::StreamExt;
use futures::stream::BoxStream;

/// How long CUPS, Avahi or the helper may take to show a change.
const WAIT: Duration = Duration::from_secs(30);

/// The bed and the page, with the page's watch subscription.
struct Office {
    bed: TestBed,
    state: State,
    watch: BoxStream<'static, Message>,
    bus: SystemBus,
}

fn office() -> Office {
    office_bounded(None)
}

/// The office with every call to cupsd and over the bus bounded by `timeout` (the apps'
/// bounds are 20 s; a test of a hung cupsd need not wait that long).
fn office_bounded(timeout: Option<Duration>) -> Office {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_test_writer()
        .try_init();
    let bed = tokio::task::block_in_place(|| TestBed::start(PRINTING)).expect("the printing bed");
    let mut bus = SystemBus::with_address(bed.system_bus_address());
    let mut server = CupsServer::new("127.0.0.1", bed.cups_port());
    if let Some(timeout) = timeout {
        bus = bus.with_method_timeout(timeout);
        server = server.with_timeout(timeout);
    }
    let state = State::on(bus.clone(), server.clone());
    let watch = printers::watch_stream(&Printing {
        bus: bus.clone(),
        server,
    })
    .boxed();
    Office {
        bed,
        state,
        watch,
        bus,
    }
}

fn lpstat(bed: &TestBed, args: &[&str]) -> String {
    let output = bed.lpstat().args(args).output().expect("lpstat runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

impl Office {
    /// Feeds the page its watch updates until `accept` holds for it.
    async fn until(&mut self, what: &str, accept: impl Fn(&State) -> bool) {
        feed_until(&mut self.state, &mut self.watch, what, WAIT, accept).await;
    }

    /// Runs what an update asked for and feeds the answer back.
    async fn run(&mut self, outcome: Outcome<printers::Request>) -> Outcome<printers::Request> {
        let request = outcome.request.expect("the page asks CUPS for something");
        let answer = request.run(self.bus.clone()).await;
        self.state.update(answer)
    }

    /// Sends a message and runs its request.
    async fn act(&mut self, message: Message) -> Outcome<printers::Request> {
        let outcome = self.state.update(message);
        self.run(outcome).await
    }

    /// The page with the virtual printer added through its Add dialog.
    async fn with_printer(&mut self) -> QueueName {
        self.until("cupsd is read", |s| s.snapshot().is_some())
            .await;
        let _ = self.state.update(Message::AddOpened);
        let mut discovery = printers::discovery_stream(&Discovery(self.bus.clone())).boxed();
        let deadline = Instant::now() + WAIT;
        let found = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = tokio::time::timeout(left, discovery.next())
                .await
                .expect("Avahi finds the virtual printer in time")
                .expect("discovery keeps going");
            let _ = self.state.update(message);
            if let Some(Found::Printers(found)) = self.state.add.as_ref().map(|d| &d.found)
                && found.iter().any(|p| p.name == VIRTUAL_PRINTER_NAME)
            {
                break found.clone();
            }
        };
        // Announced over _ipp and _ipps (and as _printer): listed once.
        let ours: Vec<_> = found
            .iter()
            .filter(|p| p.name == VIRTUAL_PRINTER_NAME)
            .collect();
        assert_eq!(ours.len(), 1, "{found:#?}");
        let uri = ours[0].uri.clone();
        let outcome = self
            .act(Message::Add(AddMessage::Choose(uri.clone())))
            .await;
        assert!(self.state.error.is_none(), "{:?}", self.state.error);
        assert_eq!(self.state.add, None, "the dialog closes once added");
        let queue = self
            .state
            .open
            .clone()
            .expect("the new printer's details open");
        assert!(outcome.effect.is_some());
        assert_eq!(
            self.state.note,
            Some(Note::Added(VIRTUAL_PRINTER_NAME.to_owned()))
        );
        // Driverless, with the printer's own address.
        let listed = lpstat(&self.bed, &["-v"]);
        assert!(listed.contains(&format!("{queue}: {uri}")), "{listed}");
        let named = queue.clone();
        self.until("the page shows the new queue", move |s| {
            s.snapshot()
                .is_some_and(|snapshot| snapshot.printer(&named).is_some())
        })
        .await;
        queue
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_adds_the_found_printer_makes_it_default_prints_and_cancels() {
    let mut office = office();
    let queue = office.with_printer().await;

    // Make default: CUPS agrees, and the page shows it through its watch.
    let _ = office.act(Message::SetDefault(queue.clone())).await;
    assert!(office.state.error.is_none(), "{:?}", office.state.error);
    assert!(lpstat(&office.bed, &["-d"]).contains(queue.as_str()));
    let named = queue.clone();
    office
        .until("the default mark", move |s| {
            s.snapshot().and_then(|snapshot| snapshot.default.as_ref()) == Some(&named)
        })
        .await;

    // A paper size chosen on the page becomes the queue's default.
    let (media, default) = office
        .state
        .snapshot()
        .and_then(|snapshot| snapshot.printer(&queue))
        .map(|p| {
            (
                p.options.media.choices.clone(),
                p.options.media.default.clone(),
            )
        })
        .expect("the printer's options");
    let other = media
        .into_iter()
        .find(|choice| Some(choice) != default.as_ref())
        .expect("the virtual printer offers several paper sizes");
    let _ = office
        .act(Message::SetOption(
            queue.clone(),
            PrintOption::Media,
            other.clone(),
        ))
        .await;
    assert!(office.state.error.is_none(), "{:?}", office.state.error);
    let named = queue.clone();
    office
        .until("the new paper size is the default", move |s| {
            s.snapshot()
                .and_then(|snapshot| snapshot.printer(&named))
                .is_some_and(|p| p.options.media.default.as_ref() == Some(&other))
        })
        .await;

    // Renamed: the name people see changes (CUPS's description), the queue stays.
    let _ = office.state.update(Message::RenameStarted(queue.clone()));
    let _ = office
        .state
        .update(Message::RenameChanged("Front desk printer".to_owned()));
    let _ = office.act(Message::RenameSaved).await;
    assert!(office.state.error.is_none(), "{:?}", office.state.error);
    let described = lpstat(&office.bed, &["-l", "-p", queue.as_str()]);
    assert!(described.contains("Front desk printer"), "{described}");
    let named = queue.clone();
    office
        .until("the new name on the page", move |s| {
            s.printer_name(&named) == "Front desk printer"
        })
        .await;

    // A test page reaches the printer.
    let _ = office.act(Message::TestPage(queue.clone())).await;
    assert_eq!(
        office.state.note,
        Some(Note::TestPageSent("Front desk printer".to_owned()))
    );
    let deadline = Instant::now() + WAIT;
    while std::fs::read_dir(office.bed.printer_output_dir())
        .map(|files| files.count())
        .unwrap_or(0)
        == 0
    {
        assert!(Instant::now() < deadline, "no page reached the printer");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // Paused, a second test page waits; "Cancel all my jobs" cancels it.
    let _ = office.act(Message::SetPaused(queue.clone(), true)).await;
    let named = queue.clone();
    office
        .until("the printer shows paused", move |s| {
            s.snapshot()
                .and_then(|snapshot| snapshot.printer(&named))
                .is_some_and(|p| p.is_paused())
        })
        .await;
    let _ = office.act(Message::TestPage(queue.clone())).await;
    let named = queue.clone();
    office
        .until("the second test page waits", move |s| {
            s.snapshot().is_some_and(|snapshot| {
                snapshot.jobs_of(&named).count() >= 2
                    && snapshot
                        .jobs_of(&named)
                        .any(|job| job.state == JobState::Pending)
            })
        })
        .await;
    // Held and released from the page.
    let waiting = office
        .state
        .snapshot()
        .and_then(|snapshot| {
            snapshot
                .jobs_of(&queue)
                .find(|job| job.state == JobState::Pending)
                .map(|job| job.id)
        })
        .expect("a waiting job");
    let _ = office.act(Message::HoldJob(waiting)).await;
    assert!(office.state.error.is_none(), "{:?}", office.state.error);
    office
        .until("the job shows held", move |s| {
            s.snapshot().is_some_and(|snapshot| {
                snapshot
                    .jobs
                    .iter()
                    .any(|job| job.id == waiting && job.state == JobState::Held)
            })
        })
        .await;
    let _ = office.act(Message::ReleaseJob(waiting)).await;
    assert!(office.state.error.is_none(), "{:?}", office.state.error);
    office
        .until("the job waits again", move |s| {
            s.snapshot().is_some_and(|snapshot| {
                snapshot
                    .jobs
                    .iter()
                    .any(|job| job.id == waiting && job.state == JobState::Pending)
            })
        })
        .await;

    let _ = office.act(Message::CancelMine(queue.clone())).await;
    assert!(office.state.error.is_none(), "{:?}", office.state.error);
    let named = queue.clone();
    office
        .until("no unfinished job is left", move |s| {
            s.snapshot()
                .is_some_and(|snapshot| snapshot.jobs_of(&named).all(|job| job.state.is_finished()))
        })
        .await;
    let _ = office.act(Message::SetPaused(queue.clone(), false)).await;

    // Removed after its question.
    let _ = office.state.update(Message::Remove(queue.clone()));
    let _ = office.act(Message::RemoveConfirmed(queue.clone())).await;
    assert!(office.state.error.is_none(), "{:?}", office.state.error);
    assert!(!lpstat(&office.bed, &["-v"]).contains(queue.as_str()));
    office
        .until("the queue is gone from the page", |s| {
            s.snapshot()
                .is_some_and(|snapshot| snapshot.printers.is_empty())
        })
        .await;
    assert_eq!(office.state.open, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_polkit_refusal_changes_nothing_and_says_so() {
    let mut office = office();
    let queue = office.with_printer().await;
    tokio::task::block_in_place(|| office.bed.set_polkit_allowed(false, &[])).unwrap();

    let before = lpstat(&office.bed, &["-d"]);
    let _ = office.act(Message::SetDefault(queue.clone())).await;
    let report = office.state.error.clone().expect("the refusal is reported");
    assert!(
        report
            .summary
            .contains(&fl!("printers-error-not-authorized")),
        "{}",
        report.summary
    );
    assert!(
        report.summary.contains(VIRTUAL_PRINTER_NAME),
        "{}",
        report.summary
    );
    assert_eq!(lpstat(&office.bed, &["-d"]), before);
    assert!(office.state.pending.is_empty());

    let _ = office.state.update(Message::Remove(queue.clone()));
    let _ = office.act(Message::RemoveConfirmed(queue.clone())).await;
    assert!(office.state.error.is_some());
    assert!(lpstat(&office.bed, &["-v"]).contains(queue.as_str()));
    assert!(
        office
            .state
            .snapshot()
            .is_some_and(|snapshot| snapshot.printer(&queue).is_some())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cupsd_killed_is_said_and_the_page_recovers_by_itself() {
    let mut office = office();
    let queue = office.with_printer().await;

    tokio::task::block_in_place(|| office.bed.kill_service(Service::Cups)).unwrap();
    office
        .until("the page says CUPS is not running", |s| {
            matches!(s.cups, ServiceStatus::Unavailable)
        })
        .await;
    // A command while it is away: a sentence, nothing pending.
    let _ = office.act(Message::TestPage(queue.clone())).await;
    let report = office.state.error.clone().expect("the failure is reported");
    assert!(
        report.summary.contains(&fl!("printers-error-not-running")),
        "{}",
        report.summary
    );
    assert!(matches!(office.state.pending.as_slice(), []));

    tokio::task::block_in_place(|| office.bed.start_service(Service::Cups)).unwrap();
    let named = queue.clone();
    office
        .until("the page shows the queue again", move |s| {
            s.snapshot()
                .is_some_and(|snapshot| snapshot.printer(&named).is_some())
        })
        .await;
    // And it prints again. A cupsd killed outright reloads the queue as
    // it last wrote it — stopped and refusing jobs, as it was created
    // before cups-pk-helper enabled it — and the page offers Resume.
    let shown = office
        .state
        .snapshot()
        .and_then(|s| s.printer(&queue))
        .cloned()
        .unwrap();
    if State::shows_paused(&shown) {
        let _ = office.act(Message::SetPaused(queue.clone(), false)).await;
        assert!(office.state.error.is_none(), "{:?}", office.state.error);
    }
    let _ = office.act(Message::TestPage(queue)).await;
    assert!(
        matches!(office.state.note, Some(Note::TestPageSent(_))),
        "{:?}",
        office.state.error
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paper_out_reads_as_a_sentence_until_the_tray_is_filled() {
    let mut office = office();
    let queue = office.with_printer().await;

    // The virtual printer's trays empty: the job it gets waits, and CUPS passes the
    // printer's reason on to the queue.
    tokio::task::block_in_place(|| office.bed.set_virtual_printer_media_empty(true)).unwrap();
    let _ = office.act(Message::TestPage(queue.clone())).await;
    let out_of_paper = fl!("printers-reason-media-empty");
    let named = queue.clone();
    let wanted = out_of_paper.clone();
    office
        .until("“Out of paper.” on the printer", move |s| {
            s.snapshot()
                .and_then(|snapshot| snapshot.printer(&named))
                .is_some_and(|p| printers::reason_sentences(p).contains(&wanted))
        })
        .await;

    // Cancelled from the page; the tray filled, the next job clears the sentence.
    let _ = office.act(Message::CancelMine(queue.clone())).await;
    assert!(office.state.error.is_none(), "{:?}", office.state.error);
    tokio::task::block_in_place(|| office.bed.set_virtual_printer_media_empty(false)).unwrap();
    let _ = office.act(Message::TestPage(queue.clone())).await;
    let named = queue.clone();
    office
        .until("the page no longer says the paper is out", move |s| {
            s.snapshot()
                .and_then(|snapshot| snapshot.printer(&named))
                .is_some_and(|p| !printers::reason_sentences(p).contains(&out_of_paper))
        })
        .await;
}

/// Sends `signal` (`STOP`, `CONT`) to cupsd.
fn signal_cupsd(bed: &TestBed, signal: &str) {
    let pid = bed.pid(Service::Cups).expect("cupsd runs");
    let status = std::process::Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{signal} {pid}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hung_cupsd_is_reported_and_the_page_goes_on_after_it_resumes() {
    let mut office = office_bounded(Some(Duration::from_secs(2)));
    let queue = office.with_printer().await;

    // cupsd stops answering (SIGSTOP): the command fails with a sentence, nothing waits.
    signal_cupsd(&office.bed, "STOP");
    let asked = Instant::now();
    let _ = office.act(Message::TestPage(queue.clone())).await;
    let report = office.state.error.clone().expect("the hang is reported");
    assert!(
        report.summary.contains(&fl!("printers-error-timeout")),
        "{}",
        report.summary
    );
    assert!(office.state.pending.is_empty());
    assert!(
        asked.elapsed() < Duration::from_secs(10),
        "{:?}",
        asked.elapsed()
    );
    // The page still shows the printers it had.
    assert!(
        office
            .state
            .snapshot()
            .is_some_and(|snapshot| snapshot.printer(&queue).is_some())
    );

    // It answers again: the next command works and the watch still follows CUPS.
    signal_cupsd(&office.bed, "CONT");
    let _ = office.act(Message::TestPage(queue.clone())).await;
    assert!(
        matches!(office.state.note, Some(Note::TestPageSent(_))),
        "{:?}",
        office.state.error
    );
    let named = queue.clone();
    office
        .until("the job printed after the hang shows", move |s| {
            s.snapshot()
                .is_some_and(|snapshot| snapshot.jobs_of(&named).next().is_some())
        })
        .await;
}
