//! `services::printers` against the printing bed: real cupsd, the virtual IPP Everywhere
//! printer (ippeveprinter), cups-pk-helper with the polkit mock, Avahi. Needs root and
//! `cargo xtask deps`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::time::Duration;

use ferrum_services::SystemBus;
use ferrum_services::printers::{
    self, Action, AddressError, CupsServer, DiscoveryUpdate, DriverSupport, JobState, Marker,
    MarkerLevel, Printer, PrinterUri, PrintersError, QueueName, ReasonKind, Update,
};
use ferrum_testbed::printing::{PRINTING, VIRTUAL_PRINTER_NAME};
use ferrum_testbed::{Service, TestBed};
use futures::{Stream, StreamExt as _};

const WAIT: Duration = Duration::from_secs(30);

fn lpstat(bed: &TestBed, args: &[&str]) -> String {
    let output = bed.lpstat().args(args).output().unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The next update that satisfies `want`, within [`WAIT`].
async fn next_matching<S, T>(stream: &mut S, what: &str, mut want: impl FnMut(&T) -> bool) -> T
where
    S: Stream<Item = T> + Unpin,
    T: std::fmt::Debug,
{
    let found = tokio::time::timeout(WAIT, async {
        while let Some(item) = stream.next().await {
            if want(&item) {
                return Some(item);
            }
        }
        None
    })
    .await;
    match found {
        Ok(Some(item)) => item,
        _ => panic!("no update where {what} within {WAIT:?}"),
    }
}

/// The level of the printer's marker of `kind` (`toner`, `waste-toner`).
fn level(printer: &Printer, kind: &str) -> Option<MarkerLevel> {
    printer
        .markers
        .iter()
        .find(|marker: &&Marker| marker.kind == kind)
        .map(|marker| marker.level)
}

fn available(update: &Update) -> Option<&printers::Snapshot> {
    match update {
        Update::Available(snapshot) => Some(snapshot),
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn printers_against_real_cups() {
    let mut bed = tokio::task::block_in_place(|| TestBed::start(PRINTING)).unwrap();
    let bus = SystemBus::with_address(bed.system_bus_address());
    let server = CupsServer::new("127.0.0.1", bed.cups_port());

    // Refused before CUPS: nothing reaches it.
    assert_eq!(
        PrinterUri::parse("ipp://256.1.1.1/"),
        Err(AddressError::BadHost("256.1.1.1".into()))
    );

    // The virtual printer is discovered once, driverless, with its address.
    let mut discovery = Box::pin(printers::discover(bus.clone()));
    let DiscoveryUpdate::Found(found) = next_matching(&mut discovery, "the printer is found", |u| {
        matches!(u, DiscoveryUpdate::Found(list) if list.iter().any(|d| d.name == VIRTUAL_PRINTER_NAME))
    })
    .await
    else {
        unreachable!()
    };
    let ours: Vec<_> = found
        .iter()
        .filter(|d| d.name == VIRTUAL_PRINTER_NAME)
        .collect();
    assert_eq!(ours.len(), 1, "{found:?}");
    let discovered = ours[0].clone();
    assert_eq!(discovered.driver, DriverSupport::IppEverywhere);
    assert_eq!(discovered.uri.port(), Some(bed.virtual_printer_port()));
    assert!(!discovered.addresses.is_empty());
    drop(discovery);

    // The watch starts with no queue.
    let mut watch = Box::pin(printers::watch(bus.clone(), server.clone()));
    let first = next_matching(&mut watch, "cupsd is read", |u| available(u).is_some()).await;
    assert!(available(&first).unwrap().printers.is_empty());

    // Added driverless through cups-pk-helper.
    let queue = QueueName::derive("Virtual Printer", &[]);
    let uri = PrinterUri::parse(&bed.virtual_printer_uri()).unwrap();
    Action::Add {
        name: queue.clone(),
        uri: uri.clone(),
        info: VIRTUAL_PRINTER_NAME.into(),
        location: "Lab".into(),
    }
    .run(&bus, &server)
    .await
    .unwrap();
    assert!(
        lpstat(&bed, &["-v"]).contains(&format!("{queue}: {uri}")),
        "{}",
        lpstat(&bed, &["-v"])
    );
    // The notifier's signal makes the watch read again (no polling).
    let update = next_matching(&mut watch, "the queue shows", |u| {
        available(u).is_some_and(|s| s.printer(&queue).is_some())
    })
    .await;
    let printer = available(&update).unwrap().printer(&queue).unwrap().clone();
    assert_eq!(printer.device_uri, uri.to_string());
    assert!(
        printer.make_and_model.to_lowercase().contains("everywhere")
            || !printer.make_and_model.is_empty()
    );
    // Supplies: the queue has no marker-levels (see the bed's notes), so they come from the
    // device's printer-supply: black toner 75 %, waste toner 25 % full (75 % room left).
    assert!(
        printer.markers.iter().all(|m| !m.name.is_empty()),
        "{:?}",
        printer.markers
    );
    assert_eq!(
        level(&printer, "toner"),
        Some(MarkerLevel::Percent(75)),
        "{:?}",
        printer.markers
    );
    assert_eq!(
        level(&printer, "waste-toner"),
        Some(MarkerLevel::Percent(75)),
        "{:?}",
        printer.markers
    );
    let black = printer.markers.iter().find(|m| m.kind == "toner").unwrap();
    assert_eq!(black.colors, vec![[0, 0, 0]]);
    assert!(
        !printer.options.media.choices.is_empty(),
        "{:?}",
        printer.options
    );

    // Set as default.
    Action::SetDefault(queue.clone())
        .run(&bus, &server)
        .await
        .unwrap();
    assert!(lpstat(&bed, &["-d"]).contains(queue.as_str()));
    next_matching(&mut watch, "the default shows", |u| {
        available(u).is_some_and(|s| s.default.as_ref() == Some(&queue))
    })
    .await;

    // A test page reaches the printer's output folder; the job's creation wakes the watch.
    // The supplies changed meanwhile: the device is asked again once the job is done.
    tokio::task::block_in_place(|| bed.set_virtual_printer_supplies(50, 40)).unwrap();
    let job = printers::print_test_page(&server, &queue).await.unwrap();
    next_matching(&mut watch, "the job shows", |u| {
        available(u).is_some_and(|s| s.jobs.iter().any(|j| j.id == job))
    })
    .await;
    let deadline = std::time::Instant::now() + WAIT;
    while fs::read_dir(bed.printer_output_dir())
        .map(|d| d.count())
        .unwrap_or(0)
        == 0
    {
        assert!(
            std::time::Instant::now() < deadline,
            "no page reached the printer"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let update = next_matching(
        &mut watch,
        "the job is done, the supplies read again",
        |u| {
            available(u).is_some_and(|s| {
                s.jobs
                    .iter()
                    .any(|j| j.id == job && j.state == JobState::Completed)
                    && s.printer(&queue)
                        .is_some_and(|p| level(p, "toner") == Some(MarkerLevel::Percent(40)))
            })
        },
    )
    .await;
    let printer = available(&update).unwrap().printer(&queue).unwrap();
    assert_eq!(
        level(printer, "waste-toner"),
        Some(MarkerLevel::Percent(50))
    );

    // Paper out: a job waits, the queue says media-empty, the job is cancelled.
    tokio::task::block_in_place(|| bed.set_virtual_printer_media_empty(true)).unwrap();
    let stuck = printers::print_test_page(&server, &queue).await.unwrap();
    let update = next_matching(&mut watch, "media-empty shows", |u| {
        available(u).is_some_and(|s| {
            s.printer(&queue)
                .is_some_and(|p| p.reasons.iter().any(|r| r.kind == ReasonKind::MediaEmpty))
        })
    })
    .await;
    assert!(available(&update).is_some());
    // A queue with a job printing is not renamed (cups-pk-helper would refuse without a word).
    let busy = Action::Rename {
        from: queue.clone(),
        to: QueueName::parse("Busy").unwrap(),
    }
    .run(&bus, &server)
    .await;
    assert!(
        matches!(busy, Err(PrintersError::Refused { .. })),
        "{busy:?}"
    );
    Action::CancelJob(stuck).run(&bus, &server).await.unwrap();
    next_matching(&mut watch, "the job is cancelled", |u| {
        available(u).is_some_and(|s| {
            s.jobs
                .iter()
                .any(|j| j.id == stuck && j.state == JobState::Canceled)
                || !s.jobs.iter().any(|j| j.id == stuck)
        })
    })
    .await;
    tokio::task::block_in_place(|| bed.set_virtual_printer_media_empty(false)).unwrap();

    // polkit says no: NotAuthorized, nothing changed.
    tokio::task::block_in_place(|| bed.set_polkit_allowed(false, &[])).unwrap();
    let refused = Action::Remove(queue.clone()).run(&bus, &server).await;
    assert_eq!(refused, Err(PrintersError::NotAuthorized));
    assert!(lpstat(&bed, &["-v"]).contains(queue.as_str()));
    tokio::task::block_in_place(|| bed.set_polkit_allowed(true, &[])).unwrap();

    // Renamed: the watch shows the new name.
    let renamed = QueueName::parse("Renamed").unwrap();
    Action::Rename {
        from: queue.clone(),
        to: renamed.clone(),
    }
    .run(&bus, &server)
    .await
    .unwrap();
    next_matching(&mut watch, "the new name shows", |u| {
        available(u).is_some_and(|s| s.printer(&renamed).is_some() && s.printer(&queue).is_none())
    })
    .await;

    // cupsd killed → Unavailable → restarted → Available with the queue.
    tokio::task::block_in_place(|| bed.kill_service(Service::Cups)).unwrap();
    next_matching(&mut watch, "cupsd is not running", |u| {
        matches!(u, Update::Unavailable)
    })
    .await;
    tokio::task::block_in_place(|| bed.start_service(Service::Cups)).unwrap();
    next_matching(&mut watch, "cupsd is back with the queue", |u| {
        available(u).is_some_and(|s| s.printer(&renamed).is_some())
    })
    .await;

    // After the restart the watch still follows changes: rename again, then remove.
    let office = QueueName::parse("Office").unwrap();
    Action::Rename {
        from: renamed.clone(),
        to: office.clone(),
    }
    .run(&bus, &server)
    .await
    .unwrap();
    next_matching(&mut watch, "the second new name shows", |u| {
        available(u).is_some_and(|s| s.printer(&office).is_some() && s.printer(&renamed).is_none())
    })
    .await;
    Action::Remove(office.clone())
        .run(&bus, &server)
        .await
        .unwrap();
    next_matching(&mut watch, "the queue is gone", |u| {
        available(u).is_some_and(|s| s.printers.is_empty())
    })
    .await;
    let queues = lpstat(&bed, &["-v"]);
    assert!(
        !queues.contains("Office") && !queues.contains("Renamed"),
        "{queues}"
    );
}
