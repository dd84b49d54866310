//! Talking IPP to cupsd: reading queues and jobs, printing the test page, subscriptions.
//! Every `ipp` type stays in this file.

use std::sync::Arc;
use std::time::Duration;

use ipp::prelude::*;

use super::address::QueueName;
use super::error::PrintersError;
use super::supplies::{DEVICE_TIMEOUT, SupplyCache, markers_from_supplies};
use super::types::{
    Job, JobId, JobState, Marker, MarkerLevel, OptionChoices, Printer, PrinterOptions,
    PrinterState, Snapshot, StateReason, parse_colors,
};

/// How long one IPP request to cupsd may take.
pub const IPP_TIMEOUT: Duration = Duration::from_secs(20);

/// How many finished jobs the snapshot keeps (newest first).
pub const RECENT_COMPLETED_JOBS: i32 = 20;

/// Where cupsd listens for IPP.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CupsServer {
    host: String,
    port: u16,
    /// How long one request may take ([`IPP_TIMEOUT`] unless set).
    timeout: Duration,
}

impl CupsServer {
    /// CUPS's usual port.
    pub const DEFAULT_PORT: u16 = 631;

    /// cupsd at `host:port` (tests pass the bed's port).
    pub fn new(host: &str, port: u16) -> Self {
        Self {
            host: host.to_owned(),
            port,
            timeout: IPP_TIMEOUT,
        }
    }

    /// The same server with another bound on each request (tests of a hung cupsd use a
    /// short one, as they do for the bus's method calls).
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The server named by `CUPS_SERVER` (`host` or `host:port`), else `localhost:631`. A
    /// socket path there (`/run/cups/cups.sock`) means the local cupsd, reached over TCP.
    pub fn from_env() -> Self {
        std::env::var("CUPS_SERVER")
            .ok()
            .and_then(|value| Self::parse(&value))
            .unwrap_or_else(|| Self::new("localhost", Self::DEFAULT_PORT))
    }

    fn parse(value: &str) -> Option<Self> {
        let value = value.trim();
        if value.is_empty() || value.starts_with('/') {
            return None;
        }
        if let Some(rest) = value.strip_prefix('[') {
            let (host, after) = rest.split_once(']')?;
            let port = match after.strip_prefix(':') {
                Some(port) => port.parse().ok()?,
                None => Self::DEFAULT_PORT,
            };
            return Some(Self::new(&format!("[{host}]"), port));
        }
        match value.rsplit_once(':') {
            Some((host, port)) if !host.contains(':') => Some(Self::new(host, port.parse().ok()?)),
            Some(_) => None,
            None => Some(Self::new(value, Self::DEFAULT_PORT)),
        }
    }

    /// The host.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `host:port`, for a TCP connection.
    pub(crate) fn authority(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }

    fn http(&self, path: &str) -> Result<Uri, PrintersError> {
        format!("http://{}:{}{path}", self.host, self.port)
            .parse::<Uri>()
            .map_err(bad)
    }
}

/// The name CUPS records as the job owner and subscriber (`USER`, else `LOGNAME`, else the
/// process's uid's name in `/etc/passwd`, else the uid). Read once per page: a tiny local file.
pub fn user_name() -> String {
    ["USER", "LOGNAME"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|name| !name.is_empty())
        .unwrap_or_else(|| {
            let uid = rustix::process::getuid().as_raw();
            std::fs::read_to_string("/etc/passwd")
                .ok()
                .and_then(|passwd| name_of_uid(&passwd, uid))
                .unwrap_or_else(|| uid.to_string())
        })
}

/// The user name of `uid` in a passwd file's text (`name:x:uid:…`).
fn name_of_uid(passwd: &str, uid: u32) -> Option<String> {
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let id = fields.nth(1)?;
        (id.parse::<u32>().ok()? == uid && !name.is_empty()).then(|| name.to_owned())
    })
}

#[cfg(test)]
mod user_tests {
    use super::name_of_uid;

    #[test]
    fn the_uid_is_named_from_passwd() {
        let passwd = "root:x:0:0:root:/root:/bin/bash\nada:x:1000:1000:Ada:/home/ada:/bin/sh\n";
        assert_eq!(name_of_uid(passwd, 1000).as_deref(), Some("ada"));
        assert_eq!(name_of_uid(passwd, 0).as_deref(), Some("root"));
        assert_eq!(name_of_uid(passwd, 7), None);
    }
}

/// Percent-encodes a queue name for a path.
fn encode(name: &str) -> String {
    let mut out = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The `printer-uri` of a queue.
pub(crate) fn queue_uri(name: &QueueName) -> String {
    format!("ipp://localhost/printers/{}", encode(name.as_str()))
}

fn bad(error: impl std::fmt::Display) -> PrintersError {
    PrintersError::BadAnswer(Arc::from(error.to_string()))
}

fn keyword_of_status(status: StatusCode) -> String {
    let camel = format!("{status:?}");
    let mut out = String::new();
    for (i, c) in camel.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A request with the usual operation attributes.
fn request(operation: i16, printer_uri: Option<&str>) -> Result<IppRequestResponse, PrintersError> {
    let mut request =
        IppRequestResponse::new(IppVersion::v2_0(), Operation::GetJobs, None).map_err(bad)?;
    request.header_mut().operation_or_status = operation;
    let operation_group = DelimiterTag::OperationAttributes;
    if let Some(uri) = printer_uri {
        add(
            &mut request,
            operation_group,
            "printer-uri",
            IppValue::new_uri(uri),
        )?;
    }
    add(
        &mut request,
        operation_group,
        "requesting-user-name",
        IppValue::new_name_without_language(user_name()),
    )?;
    Ok(request)
}

fn add(
    request: &mut IppRequestResponse,
    tag: DelimiterTag,
    name: &str,
    value: Result<IppValue, ipp::parser::IppParseError>,
) -> Result<(), PrintersError> {
    let attribute = IppAttribute::with_name(name, value.map_err(bad)?).map_err(bad)?;
    request.attributes_mut().add(tag, attribute);
    Ok(())
}

fn keywords(words: &[&str]) -> Result<IppValue, ipp::parser::IppParseError> {
    words
        .iter()
        .map(|word| IppValue::new_keyword(*word))
        .collect::<Result<Vec<_>, _>>()
        .map(IppValue::Array)
}

/// Sends one request to cupsd and checks CUPS's status.
async fn send(
    server: &CupsServer,
    path: &str,
    request: IppRequestResponse,
) -> Result<IppRequestResponse, PrintersError> {
    crate::tls::install_crypto_provider();
    let client = AsyncIppClient::builder(server.http(path)?)
        .request_timeout(server.timeout)
        .build();
    let response = match tokio::time::timeout(server.timeout, client.send(request)).await {
        Err(_) => return Err(PrintersError::Timeout),
        Ok(Err(error)) => return Err(classify(&error)),
        Ok(Ok(response)) => response,
    };
    let status = response.header().status_code();
    if status.is_success() {
        return Ok(response);
    }
    Err(match status {
        StatusCode::ClientErrorNotFound => PrintersError::NotFound,
        StatusCode::ClientErrorForbidden
        | StatusCode::ClientErrorNotAuthenticated
        | StatusCode::ClientErrorNotAuthorized => PrintersError::NotAuthorized,
        status => PrintersError::Refused {
            status: Arc::from(keyword_of_status(status)),
            message: Arc::from(
                first_text(response.attributes(), "status-message").unwrap_or_default(),
            ),
        },
    })
}

fn classify(error: &IppError) -> PrintersError {
    match error {
        IppError::AsyncClientError(inner) => {
            if inner.is_timeout() {
                return PrintersError::Timeout;
            }
            let mut source: Option<&(dyn std::error::Error + 'static)> = Some(inner);
            while let Some(current) = source {
                if let Some(io) = current.downcast_ref::<std::io::Error>()
                    && io.kind() == std::io::ErrorKind::ConnectionRefused
                {
                    return PrintersError::NotRunning;
                }
                source = current.source();
            }
            if inner.is_connect() {
                PrintersError::Unreachable(Arc::from(inner.to_string()))
            } else {
                PrintersError::BadAnswer(Arc::from(inner.to_string()))
            }
        }
        IppError::IoError(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            PrintersError::NotRunning
        }
        IppError::RequestError(401 | 403) => PrintersError::NotAuthorized,
        IppError::RequestError(404) => PrintersError::NotFound,
        IppError::RequestError(code) => PrintersError::Refused {
            status: Arc::from(format!("http-{code}")),
            message: Arc::from(""),
        },
        other => PrintersError::BadAnswer(Arc::from(other.to_string())),
    }
}

// Reading attributes.

fn find<'a>(group: &'a IppAttributeGroup, name: &str) -> Option<&'a IppValue> {
    group.get(name).map(IppAttribute::value)
}

fn values<'a>(group: &'a IppAttributeGroup, name: &str) -> Vec<&'a IppValue> {
    match find(group, name) {
        Some(IppValue::Array(items)) => items.iter().collect(),
        Some(IppValue::NoValue) | None => Vec::new(),
        Some(value) => vec![value],
    }
}

fn as_text(value: &IppValue) -> Option<String> {
    match value {
        IppValue::TextWithoutLanguage(text) | IppValue::TextWithLanguage { text, .. } => {
            Some(text.to_string())
        }
        IppValue::NameWithoutLanguage(name) | IppValue::NameWithLanguage { name, .. } => {
            Some(name.to_string())
        }
        IppValue::Keyword(word) | IppValue::MimeMediaType(word) => Some(word.to_string()),
        IppValue::Uri(uri) => Some(uri.to_string()),
        IppValue::Integer(n) | IppValue::Enum(n) => Some(n.to_string()),
        _ => None,
    }
}

fn text(group: &IppAttributeGroup, name: &str) -> String {
    values(group, name)
        .first()
        .and_then(|value| as_text(value))
        .unwrap_or_default()
}

fn texts(group: &IppAttributeGroup, name: &str) -> Vec<String> {
    values(group, name)
        .into_iter()
        .filter_map(as_text)
        .collect()
}

fn int(group: &IppAttributeGroup, name: &str) -> Option<i32> {
    match values(group, name).first() {
        Some(IppValue::Integer(n) | IppValue::Enum(n)) => Some(*n),
        _ => None,
    }
}

fn ints(group: &IppAttributeGroup, name: &str) -> Vec<i32> {
    values(group, name)
        .into_iter()
        .filter_map(|value| match value {
            IppValue::Integer(n) | IppValue::Enum(n) => Some(*n),
            _ => None,
        })
        .collect()
}

fn boolean(group: &IppAttributeGroup, name: &str) -> Option<bool> {
    match find(group, name) {
        Some(IppValue::Boolean(b)) => Some(*b),
        _ => None,
    }
}

fn first_text(attributes: &IppAttributes, name: &str) -> Option<String> {
    attributes
        .groups()
        .iter()
        .find_map(|group| find(group, name).and_then(as_text))
}

fn percent(value: Option<&i32>) -> Option<u8> {
    value
        .and_then(|&n| u8::try_from(n).ok())
        .filter(|&n| n <= 100)
}

fn quality_keyword(value: &str) -> String {
    match value {
        "3" => "draft".to_owned(),
        "4" => "normal".to_owned(),
        "5" => "high".to_owned(),
        other => other.to_owned(),
    }
}

/// The `print-quality` enum value of a keyword (CUPS stores the option as its number).
pub(crate) fn quality_value(keyword: &str) -> &str {
    match keyword {
        "draft" => "3",
        "normal" => "4",
        "high" => "5",
        other => other,
    }
}

fn choices(group: &IppAttributeGroup, name: &str) -> OptionChoices {
    let default = text(group, &format!("{name}-default"));
    OptionChoices {
        choices: texts(group, &format!("{name}-supported")),
        default: (!default.is_empty()).then_some(default),
    }
}

/// A printer's `marker-*` attributes as markers (none when it has no `marker-names`).
fn markers_of(group: &IppAttributeGroup) -> Vec<Marker> {
    let marker_names = texts(group, "marker-names");
    let marker_types = texts(group, "marker-types");
    let marker_colors = texts(group, "marker-colors");
    let levels = ints(group, "marker-levels");
    let lows = ints(group, "marker-low-levels");
    let highs = ints(group, "marker-high-levels");
    marker_names
        .iter()
        .enumerate()
        .map(|(i, name)| Marker {
            name: name.clone(),
            kind: marker_types.get(i).cloned().unwrap_or_default(),
            colors: marker_colors
                .get(i)
                .map(|c| parse_colors(c))
                .unwrap_or_default(),
            level: levels
                .get(i)
                .map_or(MarkerLevel::Unknown, |&n| MarkerLevel::from_ipp(n)),
            low: percent(lows.get(i)),
            high: percent(highs.get(i)),
        })
        .collect()
}

fn printer_of(group: &IppAttributeGroup) -> Option<Printer> {
    let name = QueueName::parse(&text(group, "printer-name")).ok()?;
    let markers = markers_of(group);
    let mut quality = choices(group, "print-quality");
    quality.choices = quality.choices.iter().map(|q| quality_keyword(q)).collect();
    quality.default = quality.default.map(|q| quality_keyword(&q));
    let reasons = texts(group, "printer-state-reasons");
    Some(Printer {
        name,
        info: text(group, "printer-info"),
        location: text(group, "printer-location"),
        make_and_model: text(group, "printer-make-and-model"),
        device_uri: text(group, "device-uri"),
        queue_uri: text(group, "printer-uri-supported"),
        state: PrinterState::from_ipp(int(group, "printer-state").unwrap_or(3)),
        reasons: StateReason::parse_all(reasons.iter().map(String::as_str)),
        state_message: text(group, "printer-state-message"),
        accepting_jobs: boolean(group, "printer-is-accepting-jobs").unwrap_or(true),
        shared: boolean(group, "printer-is-shared").unwrap_or(false),
        markers,
        options: PrinterOptions {
            media: choices(group, "media"),
            sides: choices(group, "sides"),
            color_mode: choices(group, "print-color-mode"),
            quality,
        },
        printer_type: int(group, "printer-type")
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(0),
    })
}

fn queue_of_uri(uri: &str) -> Option<QueueName> {
    let last = uri.trim_end_matches('/').rsplit('/').next()?;
    let mut bytes = Vec::new();
    let mut iter = last.bytes();
    while let Some(byte) = iter.next() {
        if byte == b'%' {
            let hex: Vec<u8> = iter.by_ref().take(2).collect();
            let hex = std::str::from_utf8(&hex).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
        } else {
            bytes.push(byte);
        }
    }
    QueueName::parse(std::str::from_utf8(&bytes).ok()?).ok()
}

fn job_of(group: &IppAttributeGroup) -> Option<Job> {
    let id = int(group, "job-id")?;
    let impressions = int(group, "job-impressions-completed");
    let sheets = int(group, "job-media-sheets-completed");
    Some(Job {
        id: JobId(id),
        queue: queue_of_uri(&text(group, "job-printer-uri")),
        title: text(group, "job-name"),
        owner: text(group, "job-originating-user-name"),
        state: JobState::from_ipp(int(group, "job-state").unwrap_or(3)),
        state_reasons: texts(group, "job-state-reasons"),
        pages_done: impressions
            .filter(|&n| n > 0)
            .or(sheets)
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(0),
        created: int(group, "time-at-creation").map(i64::from),
    })
}

const PRINTER_ATTRIBUTES: &[&str] = &[
    "printer-name",
    "printer-info",
    "printer-location",
    "printer-make-and-model",
    "device-uri",
    "printer-uri-supported",
    "printer-state",
    "printer-state-reasons",
    "printer-state-message",
    "printer-is-accepting-jobs",
    "printer-is-shared",
    "printer-type",
    "marker-names",
    "marker-types",
    "marker-colors",
    "marker-levels",
    "marker-high-levels",
    "marker-low-levels",
    "media-supported",
    "media-default",
    "sides-supported",
    "sides-default",
    "print-color-mode-supported",
    "print-color-mode-default",
    "print-quality-supported",
    "print-quality-default",
];

const JOB_ATTRIBUTES: &[&str] = &[
    "job-id",
    "job-name",
    "job-originating-user-name",
    "job-state",
    "job-state-reasons",
    "job-impressions-completed",
    "job-media-sheets-completed",
    "time-at-creation",
    "job-printer-uri",
];

// Operation codes the ipp crate does not name.
const CREATE_PRINTER_SUBSCRIPTIONS: i16 = 0x0016;
const RENEW_SUBSCRIPTION: i16 = 0x001A;
const CANCEL_SUBSCRIPTION: i16 = 0x001B;

/// Reads every queue.
pub(crate) async fn printers(server: &CupsServer) -> Result<Vec<Printer>, PrintersError> {
    let mut request = request(Operation::CupsGetPrinters as i16, None)?;
    add(
        &mut request,
        DelimiterTag::OperationAttributes,
        "requested-attributes",
        keywords(PRINTER_ATTRIBUTES),
    )?;
    let response = match send(server, "/", request).await {
        // CUPS answers "not found" when there is no queue at all.
        Err(PrintersError::NotFound) => return Ok(Vec::new()),
        other => other?,
    };
    let mut printers: Vec<Printer> = response
        .attributes()
        .groups_of(DelimiterTag::PrinterAttributes)
        .filter_map(printer_of)
        .collect();
    printers.sort_by(|a, b| {
        a.name
            .as_str()
            .to_lowercase()
            .cmp(&b.name.as_str().to_lowercase())
    });
    Ok(printers)
}

/// Reads the default queue.
pub(crate) async fn default_queue(server: &CupsServer) -> Result<Option<QueueName>, PrintersError> {
    let mut request = request(Operation::CupsGetDefault as i16, None)?;
    add(
        &mut request,
        DelimiterTag::OperationAttributes,
        "requested-attributes",
        keywords(&["printer-name"]),
    )?;
    match send(server, "/", request).await {
        Err(PrintersError::NotFound) => Ok(None),
        Err(error) => Err(error),
        Ok(response) => Ok(first_text(response.attributes(), "printer-name")
            .and_then(|name| QueueName::parse(&name).ok())),
    }
}

async fn jobs_where(
    server: &CupsServer,
    which: &str,
    limit: Option<i32>,
) -> Result<Vec<Job>, PrintersError> {
    let mut request = request(Operation::GetJobs as i16, Some("ipp://localhost/"))?;
    let group = DelimiterTag::OperationAttributes;
    add(
        &mut request,
        group,
        "which-jobs",
        IppValue::new_keyword(which),
    )?;
    if let Some(limit) = limit {
        add(&mut request, group, "limit", Ok(IppValue::Integer(limit)))?;
    }
    add(
        &mut request,
        group,
        "requested-attributes",
        keywords(JOB_ATTRIBUTES),
    )?;
    let response = match send(server, "/", request).await {
        Err(PrintersError::NotFound) => return Ok(Vec::new()),
        other => other?,
    };
    let mut jobs: Vec<Job> = response
        .attributes()
        .groups_of(DelimiterTag::JobAttributes)
        .filter_map(job_of)
        .collect();
    jobs.sort_by_key(|job| std::cmp::Reverse(job.id));
    Ok(jobs)
}

/// Reads the jobs not yet finished (pending, held, processing, stopped).
pub(crate) async fn active_jobs(server: &CupsServer) -> Result<Vec<Job>, PrintersError> {
    jobs_where(server, "not-completed", None).await
}

/// Reads everything the page shows; markers of queues that have none at CUPS come from their
/// `ipp://` devices, through `supplies`.
pub(crate) async fn snapshot(
    server: &CupsServer,
    supplies: &SupplyCache,
) -> Result<Snapshot, PrintersError> {
    let mut printers = printers(server).await?;
    let default = default_queue(server).await?;
    let mut jobs = jobs_where(server, "not-completed", None).await?;
    let mut done = jobs_where(server, "completed", Some(RECENT_COMPLETED_JOBS)).await?;
    done.truncate(usize::try_from(RECENT_COMPLETED_JOBS).unwrap_or(20));
    jobs.append(&mut done);
    supplies
        .fill(&mut printers, &jobs, |uri| async move {
            match device_markers(&uri).await {
                Ok(markers) => Some(markers),
                Err(error) => {
                    tracing::debug!(%error, uri, "cannot read the printer's supplies");
                    None
                }
            }
        })
        .await;
    Ok(Snapshot {
        printers,
        jobs,
        default,
    })
}

/// What a device is asked about its supplies: the `marker-*` set CUPS uses, and PWG 5100.13's
/// `printer-supply`.
const SUPPLY_ATTRIBUTES: &[&str] = &[
    "marker-names",
    "marker-colors",
    "marker-levels",
    "marker-types",
    "marker-low-levels",
    "marker-high-levels",
    "printer-supply",
    "printer-supply-description",
];

fn octets(group: &IppAttributeGroup, name: &str) -> Vec<String> {
    values(group, name)
        .into_iter()
        .filter_map(|value| match value {
            IppValue::OctetString(bytes) => Some(String::from_utf8_lossy(bytes).into_owned()),
            other => as_text(other),
        })
        .collect()
}

/// Asks a device at an `ipp://` URI for its supplies (Get-Printer-Attributes, within
/// [`DEVICE_TIMEOUT`]): its `marker-*` attributes when it has them, else its `printer-supply`.
pub(crate) async fn device_markers(device_uri: &str) -> Result<Vec<Marker>, PrintersError> {
    let uri = device_uri.parse::<Uri>().map_err(bad)?;
    let mut request = request(Operation::GetPrinterAttributes as i16, Some(device_uri))?;
    add(
        &mut request,
        DelimiterTag::OperationAttributes,
        "requested-attributes",
        keywords(SUPPLY_ATTRIBUTES),
    )?;
    crate::tls::install_crypto_provider();
    let client = AsyncIppClient::builder(uri)
        .request_timeout(DEVICE_TIMEOUT)
        .build();
    let response = match tokio::time::timeout(DEVICE_TIMEOUT, client.send(request)).await {
        Err(_) => return Err(PrintersError::Timeout),
        Ok(Err(error)) => return Err(classify(&error)),
        Ok(Ok(response)) => response,
    };
    if !response.header().status_code().is_success() {
        return Err(PrintersError::BadAnswer(Arc::from(keyword_of_status(
            response.header().status_code(),
        ))));
    }
    let Some(group) = response
        .attributes()
        .groups_of(DelimiterTag::PrinterAttributes)
        .next()
    else {
        return Ok(Vec::new());
    };
    let markers = markers_of(group);
    if !markers.is_empty() {
        return Ok(markers);
    }
    Ok(markers_from_supplies(
        &octets(group, "printer-supply"),
        &texts(group, "printer-supply-description"),
    ))
}

/// Sends a document to a queue with Print-Job; returns the job's id.
pub(crate) async fn print(
    server: &CupsServer,
    queue: &QueueName,
    title: &str,
    format: &str,
    document: Vec<u8>,
) -> Result<JobId, PrintersError> {
    let uri = queue_uri(queue);
    let mut request = request(Operation::PrintJob as i16, Some(&uri))?;
    let group = DelimiterTag::OperationAttributes;
    add(
        &mut request,
        group,
        "job-name",
        IppValue::new_name_without_language(title),
    )?;
    add(
        &mut request,
        group,
        "document-format",
        IppValue::new_mime_media_type(format),
    )?;
    *request.payload_mut() = IppPayload::new(std::io::Cursor::new(document));
    let path = format!("/printers/{}", encode(queue.as_str()));
    let response = send(server, &path, request).await?;
    response
        .attributes()
        .groups()
        .iter()
        .find_map(|group| int(group, "job-id"))
        .map(JobId)
        .ok_or_else(|| PrintersError::BadAnswer(Arc::from("Print-Job answered without job-id")))
}

/// The events the watch subscribes to.
const EVENTS: &[&str] = &[
    "printer-state-changed",
    "printer-added",
    "printer-deleted",
    "printer-modified",
    "job-created",
    "job-completed",
    "job-state-changed",
    "job-progress",
];

/// Creates a server-wide subscription whose events cupsd's D-Bus notifier announces on the
/// system bus; returns its id.
pub(crate) async fn subscribe(server: &CupsServer, lease: Duration) -> Result<i32, PrintersError> {
    let mut request = request(CREATE_PRINTER_SUBSCRIPTIONS, Some("ipp://localhost/"))?;
    let group = DelimiterTag::SubscriptionAttributes;
    add(
        &mut request,
        group,
        "notify-recipient-uri",
        IppValue::new_uri("dbus://"),
    )?;
    add(&mut request, group, "notify-events", keywords(EVENTS))?;
    add(
        &mut request,
        group,
        "notify-lease-duration",
        Ok(lease_value(lease)),
    )?;
    let response = send(server, "/", request).await?;
    response
        .attributes()
        .groups()
        .iter()
        .find_map(|group| int(group, "notify-subscription-id"))
        .ok_or_else(|| PrintersError::BadAnswer(Arc::from("the subscription came without an id")))
}

fn lease_value(lease: Duration) -> IppValue {
    IppValue::Integer(i32::try_from(lease.as_secs()).unwrap_or(i32::MAX))
}

/// Renews a subscription for another lease.
pub(crate) async fn renew(
    server: &CupsServer,
    id: i32,
    lease: Duration,
) -> Result<(), PrintersError> {
    let mut request = request(RENEW_SUBSCRIPTION, Some("ipp://localhost/"))?;
    let group = DelimiterTag::OperationAttributes;
    add(
        &mut request,
        group,
        "notify-subscription-id",
        Ok(IppValue::Integer(id)),
    )?;
    add(
        &mut request,
        DelimiterTag::SubscriptionAttributes,
        "notify-lease-duration",
        Ok(lease_value(lease)),
    )?;
    send(server, "/", request).await.map(drop)
}

/// Cancels a subscription.
pub(crate) async fn unsubscribe(server: &CupsServer, id: i32) -> Result<(), PrintersError> {
    let mut request = request(CANCEL_SUBSCRIPTION, Some("ipp://localhost/"))?;
    add(
        &mut request,
        DelimiterTag::OperationAttributes,
        "notify-subscription-id",
        Ok(IppValue::Integer(id)),
    )?;
    send(server, "/", request).await.map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cups_server_is_read_from_the_variable_format() {
        assert_eq!(
            CupsServer::parse("localhost:9631"),
            Some(CupsServer::new("localhost", 9631))
        );
        assert_eq!(
            CupsServer::parse("printhost"),
            Some(CupsServer::new("printhost", 631))
        );
        assert_eq!(
            CupsServer::parse("[::1]:8631"),
            Some(CupsServer::new("[::1]", 8631))
        );
        assert_eq!(CupsServer::parse("/run/cups/cups.sock"), None);
        assert_eq!(CupsServer::parse("host:x"), None);
    }

    #[test]
    fn job_queues_come_from_their_uri() {
        assert_eq!(
            queue_of_uri("ipp://localhost:631/printers/Office_1"),
            QueueName::parse("Office_1").ok()
        );
        assert_eq!(
            queue_of_uri("ipp://h/printers/a%2Bb"),
            QueueName::parse("a+b").ok()
        );
        assert_eq!(
            queue_uri(&QueueName::parse("a+b").unwrap()),
            "ipp://localhost/printers/a%2Bb"
        );
    }

    #[test]
    fn statuses_become_keywords() {
        assert_eq!(
            keyword_of_status(StatusCode::ClientErrorNotPossible),
            "client-error-not-possible"
        );
    }
}
