//! A sample of what CUPS reports — two queues (one out of paper, with ink
//! levels), jobs of two people — for the page's unit tests and the shell's
//! snapshot tests (which draw the page without a cupsd).

use ferrum_services::printers::{
    Job, JobId, JobState, Marker, MarkerLevel, OptionChoices, Printer, PrinterOptions,
    PrinterState, QueueName, ReasonKind, Severity, Snapshot, StateReason,
};

/// A queue name from the sample (they are all valid).
pub fn queue(name: &str) -> QueueName {
    QueueName::derive(name, &[])
}

fn choices(values: &[&str], default: &str) -> OptionChoices {
    OptionChoices {
        choices: values.iter().map(|v| (*v).to_owned()).collect(),
        default: Some(default.to_owned()),
    }
}

fn marker(name: &str, color: [u8; 3], level: MarkerLevel) -> Marker {
    Marker {
        name: name.to_owned(),
        kind: "ink-cartridge".to_owned(),
        colors: vec![color],
        level,
        low: Some(10),
        high: Some(100),
    }
}

/// The office printer: default, idle, out of paper, with four inks.
pub fn office() -> Printer {
    Printer {
        name: queue("Office"),
        info: "Office Printer".to_owned(),
        location: "Second floor, by the kitchen".to_owned(),
        make_and_model: "Example OfficeJet 9000".to_owned(),
        device_uri: "ipp://192.0.2.20/ipp/print".to_owned(),
        queue_uri: "ipp://localhost/printers/Office".to_owned(),
        state: PrinterState::Idle,
        reasons: vec![StateReason {
            kind: ReasonKind::MediaEmpty,
            severity: Severity::Error,
        }],
        state_message: String::new(),
        accepting_jobs: true,
        shared: false,
        markers: vec![
            marker("Black", [0, 0, 0], MarkerLevel::Percent(80)),
            marker("Cyan", [0, 255, 255], MarkerLevel::Percent(45)),
            marker("Magenta", [255, 0, 255], MarkerLevel::Percent(8)),
            marker("Yellow", [255, 255, 0], MarkerLevel::Unknown),
        ],
        options: PrinterOptions {
            media: choices(
                &["iso_a4_210x297mm", "na_letter_8.5x11in"],
                "iso_a4_210x297mm",
            ),
            sides: choices(
                &["one-sided", "two-sided-long-edge", "two-sided-short-edge"],
                "one-sided",
            ),
            color_mode: choices(&["color", "monochrome"], "color"),
            quality: choices(&["draft", "normal", "high"], "normal"),
        },
        printer_type: 0,
    }
}

/// The label printer: paused by a person, no supplies reported.
pub fn labels() -> Printer {
    Printer {
        name: queue("Labels"),
        info: String::new(),
        location: String::new(),
        make_and_model: String::new(),
        device_uri: "ipps://labels.local:8443/ipp/print".to_owned(),
        queue_uri: "ipp://localhost/printers/Labels".to_owned(),
        state: PrinterState::Stopped,
        reasons: vec![StateReason {
            kind: ReasonKind::Paused,
            severity: Severity::Report,
        }],
        state_message: String::new(),
        accepting_jobs: true,
        shared: false,
        markers: Vec::new(),
        options: PrinterOptions::default(),
        printer_type: 0,
    }
}

/// A job on a queue.
pub fn job(id: i32, queue_name: &str, title: &str, owner: &str, state: JobState) -> Job {
    Job {
        id: JobId(id),
        queue: Some(queue(queue_name)),
        title: title.to_owned(),
        owner: owner.to_owned(),
        state,
        state_reasons: Vec::new(),
        pages_done: 0,
        created: None,
    }
}

/// Both queues, the office one the default, with `me`'s two jobs (one
/// held) and another person's (its title and owner hidden, as CUPS does).
pub fn snapshot(me: &str) -> Snapshot {
    Snapshot {
        printers: vec![office(), labels()],
        jobs: vec![
            job(
                7,
                "Office",
                "Quarterly report.pdf",
                me,
                JobState::Processing,
            ),
            job(8, "Office", "Boarding pass", me, JobState::Held),
            // Another person's: CUPS shows its title and owner to its owner only.
            job(9, "Office", "", "", JobState::Pending),
        ],
        default: Some(queue("Office")),
    }
}
