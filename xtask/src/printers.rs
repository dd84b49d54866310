//! The Printers page's printing for `demo` and `bench`: the printing bed's daemons
//! ([`ferrum_testbed::printing::PRINTING`]: real cupsd on a free port, the virtual IPP
//! Everywhere printer, cups-pk-helper, Avahi) run in the demo system's test bed, and
//! [`furnish`] gives cupsd one driverless queue for the virtual printer, "Office Printer" on
//! the second floor, made the default, paused, with one job waiting in it. The app reaches
//! cupsd through `CUPS_SERVER` ([`env`]).

use std::fs;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use ferrum_testbed::TestBed;
use ferrum_testbed::printing::VIRTUAL_PRINTER_NAME;

use crate::util::{self, Result};

/// The user the demo's and bench's app runs as (uid 65534 under headless sway).
const APP_USER: &str = "nobody";
/// The queue's name.
pub const QUEUE: &str = "Office_Printer";
/// The queue's description, as the page shows it.
pub const DESCRIPTION: &str = "Office Printer";
/// The queue's location.
pub const LOCATION: &str = "Second floor";
/// The title of the job left waiting in the paused queue.
pub const JOB_TITLE: &str = "Quarterly report";
/// The virtual printer's supply levels in percent: waste toner tank, black toner.
pub const SUPPLIES: (u8, u8) = (20, 65);
/// How long the queue may take to show up in `lpstat` (cupsd builds its PPD by asking the
/// printer).
const QUEUE_TIMEOUT: Duration = Duration::from_secs(20);

/// `CUPS_SERVER` for the app: the bed's cupsd over TCP.
pub fn env(bed: &TestBed) -> (&'static str, String) {
    ("CUPS_SERVER", format!("127.0.0.1:{}", bed.cups_port()))
}

/// What [`furnish`] made, for the reports.
pub fn describe(bed: &TestBed) -> String {
    format!(
        "the printing bed's cupsd on 127.0.0.1:{port} (CUPS_SERVER) with the queue {QUEUE} \
         (\"{DESCRIPTION}\", \"{LOCATION}\", driverless for {VIRTUAL_PRINTER_NAME:?} at {uri}), \
         default, paused, \"{JOB_TITLE}\" waiting; supplies waste {waste} %, black {black} %",
        port = bed.cups_port(),
        uri = bed.virtual_printer_uri(),
        waste = SUPPLIES.0,
        black = SUPPLIES.1,
    )
}

/// Runs a CUPS client program against the bed's cupsd and fails with its output if it fails.
fn cups(bed: &TestBed, program: &str, args: &[&str]) -> Result<String> {
    let mut command: Command = bed.cups_command(program);
    command.args(args);
    let shown = util::display(&command);
    let output = command.output()?;
    if !output.status.success() {
        return Err(format!(
            "{shown} failed ({}): {}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout).trim(),
            String::from_utf8_lossy(&output.stderr).trim()
        )
        .into());
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Gives the bed's cupsd the demo's queue: the virtual printer added driverless (`lpadmin
/// -m everywhere`, cupsd asks the printer for its PPD), made the default, its supplies set,
/// paused (`cupsdisable`) and a small text file printed to it, so the job stays pending.
pub fn furnish(bed: &TestBed) -> Result<()> {
    let uri = bed.virtual_printer_uri();
    cups(
        bed,
        "lpadmin",
        &[
            "-p",
            QUEUE,
            "-D",
            DESCRIPTION,
            "-L",
            LOCATION,
            "-v",
            &uri,
            "-m",
            "everywhere",
            "-E",
        ],
    )?;
    cups(bed, "lpadmin", &["-d", QUEUE])?;
    let deadline = Instant::now() + QUEUE_TIMEOUT;
    while !cups(bed, "lpstat", &["-p", QUEUE]).is_ok_and(|out| out.contains(QUEUE)) {
        if Instant::now() >= deadline {
            return Err(format!("the queue {QUEUE} did not show in lpstat").into());
        }
        thread::sleep(Duration::from_millis(200));
    }
    bed.set_virtual_printer_supplies(SUPPLIES.0, SUPPLIES.1)
        .map_err(|error| format!("setting the virtual printer's supplies: {error}"))?;
    cups(bed, "cupsdisable", &[QUEUE])?;
    let document = bed.dir().join("quarterly-report.txt");
    fs::write(
        &document,
        "Quarterly report\n\nSales rose in every region this quarter.\n",
    )?;
    let document = document.display().to_string();
    // The job is the person's: the app runs as uid 65534 (`nobody`), and CUPS shows a job's
    // title and owner only to its owner.
    let queued = cups(
        bed,
        "lp",
        &["-U", APP_USER, "-d", QUEUE, "-t", JOB_TITLE, &document],
    )?;
    let jobs = cups(bed, "lpstat", &["-o", QUEUE])?;
    println!(
        "printing: {QUEUE} (\"{DESCRIPTION}\", {LOCATION}) for {uri}, default, paused; {}; \
         supplies waste {} %, black {} %; waiting: {}",
        queued.trim(),
        SUPPLIES.0,
        SUPPLIES.1,
        jobs.lines().count()
    );
    Ok(())
}
