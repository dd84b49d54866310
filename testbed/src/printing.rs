//! The printing bed: a real CUPS scheduler, a virtual IPP Everywhere printer, cups-pk-helper and
//! Avahi, all private to one [`TestBed`].
//!
//! Start [`PRINTING`] (in that order) for the whole set:
//!
//! - [`Service::Avahi`]: the real `avahi-daemon` on the bed's bus (`org.freedesktop.Avahi`), in
//!   a network namespace of its own that has only a loopback interface (`unshare -n`, `lo` up)
//!   and a tmpfs on `/run` (its pid file and socket). It never sees the host's network and two
//!   beds never see each other's printers (each has its own mDNS port 5353). It publishes
//!   what clients register over D-Bus, resolving host names to `127.0.0.1`, which is the
//!   host's loopback too: a resolved printer is reachable from the test process.
//! - [`Service::VirtualPrinter`]: `ippeveprinter` named [`VIRTUAL_PRINTER_NAME`] on
//!   `localhost:<free port>` ([`TestBed::virtual_printer_uri`]), registering itself with Avahi
//!   (so start Avahi first), keeping every printed document in
//!   [`TestBed::printer_output_dir`]. Ready when its port accepts.
//! - [`Service::Cups`]: the real `cupsd` with its own ServerRoot, state and spool under
//!   `<dir>/printing/cups`, listening on `127.0.0.1:<free port>` ([`TestBed::cups_server`])
//!   and on a unix socket ([`TestBed::cups_socket`]); no authentication, every operation
//!   allowed. Its D-Bus notifier (`dbus://` subscriptions) sends `org.cups.cupsd.Notifier`
//!   signals on the bed's bus (`SetEnv DBUS_SYSTEM_BUS_ADDRESS` in `cups-files.conf`).
//!   `DirtyCleanInterval 0` makes it write `printers.conf` at once, so queues and
//!   subscriptions survive [`TestBed::kill_service`] + [`TestBed::start_service`]. Its
//!   TempDir is `spool/tmp`, inside RequestRoot as on Debian (`/var/spool/cups/tmp`), because
//!   cupsd empties TempDir at start only there: the D-Bus notifier keeps a lock file
//!   (`cups-dbus-notifier-lockfile`) in it and, killed with cupsd, leaves it behind; a stale
//!   one makes every later notifier drop its events silently. Ready when its TCP port accepts.
//! - [`Service::CupsPkHelper`]: cups-pk-helper's mechanism (`org.opensuse.CupsPkHelper.Mechanism`)
//!   talking to the bed's cupsd through `CUPS_SERVER` (start cupsd first: it gives up at start
//!   without it). It asks polkit over the bus, so start [`Service::Polkit`] too (which allows
//!   everything); [`TestBed::set_polkit_allowed`] makes it refuse. It exits by itself after 30 s
//!   without calls, as it does on a real system, and the bed's bus then starts it again on the
//!   next call (D-Bus activation, as on a real system): the bus name may be briefly unowned.
//!   An activated instance is the bus's child, not the bed's: [`TestBed::kill_service`] of
//!   `CupsPkHelper` only stops the first one (and then times out waiting for the name), so
//!   tests that want it gone should stop cupsd instead, or not rely on killing it after 30 s.
//!
//! cupsd is not on D-Bus: listing queues, jobs, `printer-state-reasons` and adding
//! subscriptions are IPP over TCP (`ipp://127.0.0.1:<port>/…`). Creating a queue with the
//! driverless model is `PrinterAdd(name, virtual_printer_uri, "everywhere", info, location)`
//! on cups-pk-helper: cupsd builds the PPD by asking the virtual printer. Jobs for it are
//! rendered by cups-filters and land as `<job-id>-<name>.pdf` in the output folder.
//!
//! # Discovery
//! Through Avahi's D-Bus API: `org.freedesktop.Avahi.Server2.ServiceBrowserPrepare(-1, -1,
//! "_ipp._tcp", "", 0)` (avahi 0.8 has the `…Prepare` methods on `Server2` only, not on
//! `Server`), then `Start()` on the returned `org.freedesktop.Avahi.ServiceBrowser`. The virtual
//! printer shows up once, as interface 1 (`lo`), protocol 0 (IPv4), domain `local`, flags 13
//! (cached | multicast | local), under `_ipp._tcp`, `_ipps._tcp`, `_printer._tcp` and the
//! subtype `_print._sub._ipp._tcp`. `ResolveService` gives host `<hostname>.local`, address
//! `127.0.0.1`, its port and TXT keys `rp=ipp/print`, `ty=<name>`, `adminurl`, `note`, `pdl`,
//! `Color=F`, `Duplex=F`, `UUID`, `TLS=1.2`, `URF`, `txtvers=1`, `qtotal=1`.
//! [`TestBed::browse_avahi`] does the browsing for tests.
//!
//! # Printer state and supplies
//! `ippeveprinter` reports `printer-supply` (waste toner 25 %, black toner 75 %) and
//! `printer-state-reasons` on its own IPP URI; its test web forms change them:
//! [`TestBed::set_virtual_printer_media_empty`] (`media-empty`) and
//! [`TestBed::set_virtual_printer_supplies`] (`toner-low` below 10 %, `toner-empty` at 0).
//! cupsd's queue takes the printer's reasons only while its `ipp` backend is talking to the
//! printer, i.e. while a job is active: with the media empty, a job stays `processing` and the
//! queue shows `media-empty-warning` and `media-needed-warning` until the media is back. The
//! queue never gets `marker-levels` from this printer (ippeveprinter reports supplies only as
//! `printer-supply`, which the `ipp` backend does not turn into `marker-*`).

use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use crate::network::{self, shell_quote};
use crate::spec::{Layout, Requirement, ServiceSpec};
use crate::{Error, Service, TestBed};

/// The printing services in the order they must start.
pub const PRINTING: &[Service] = &[
    Service::Polkit,
    Service::Avahi,
    Service::VirtualPrinter,
    Service::Cups,
    Service::CupsPkHelper,
];

/// The virtual printer's name: its DNS-SD service name and `printer-info`.
pub const VIRTUAL_PRINTER_NAME: &str = "Ferrum Virtual Printer";
/// The virtual printer's `printer-make-and-model` is this maker plus [`VIRTUAL_PRINTER_MODEL`].
pub const VIRTUAL_PRINTER_MAKE: &str = "Ferrum";
/// The virtual printer's model.
pub const VIRTUAL_PRINTER_MODEL: &str = "Virtual Printer";
/// The document formats the virtual printer takes.
const VIRTUAL_PRINTER_FORMATS: &str = "application/pdf,image/pwg-raster,image/urf,image/jpeg";

/// The cups-pk-helper bus name.
pub const PK_HELPER_BUS_NAME: &str = "org.opensuse.CupsPkHelper.Mechanism";
/// The interface (and object path `/`) of cups-pk-helper.
pub const PK_HELPER_INTERFACE: &str = "org.opensuse.CupsPkHelper.Mechanism";
/// Avahi's bus name.
pub const AVAHI_BUS_NAME: &str = "org.freedesktop.Avahi";
/// The interface of cupsd's D-Bus notifier signals (path `/org/cups/cupsd/Notifier`).
pub const NOTIFIER_INTERFACE: &str = "org.cups.cupsd.Notifier";

const CUPSD: &str = "/usr/sbin/cupsd";
const DBUS_NOTIFIER: &str = "/usr/lib/cups/notifier/dbus";
const PDFTOPDF: &str = "/usr/lib/cups/filter/pdftopdf";
const IPPEVEPRINTER: &str = "/usr/sbin/ippeveprinter";
const IPPTOOL: &str = "/usr/bin/ipptool";
const LPSTAT: &str = "/usr/bin/lpstat";
const AVAHI_DAEMON: &str = "/usr/sbin/avahi-daemon";
const SH: &str = "/bin/sh";
/// Where Debian puts cups-pk-helper's mechanism, per architecture.
const PK_HELPER_CANDIDATES: &[&str] = &[
    "/usr/lib/x86_64-linux-gnu/cups-pk-helper-mechanism",
    "/usr/lib/aarch64-linux-gnu/cups-pk-helper-mechanism",
    "/usr/libexec/cups-pk-helper-mechanism",
];
/// Fallback ports when the kernel gives none (never seen).
const FALLBACK_PORTS: (u16, u16) = (8631, 8632);
/// How long to wait for a port to accept connections.
const PORT_TIMEOUT: Duration = Duration::from_secs(15);

/// Where the printing services keep their things and which ports they use.
#[derive(Debug, Clone)]
pub(crate) struct PrintingLayout {
    /// `<root>/printing`.
    dir: PathBuf,
    /// cupsd's TCP port on 127.0.0.1.
    cups_port: u16,
    /// The virtual printer's port on localhost.
    printer_port: u16,
}

impl PrintingLayout {
    /// Picks two free ports (asking the kernel, then letting them go) for this bed.
    pub(crate) fn new(root: &Path) -> Self {
        let pick = || {
            TcpListener::bind("127.0.0.1:0")
                .and_then(|listener| Ok((listener.local_addr()?.port(), listener)))
                .ok()
        };
        let (cups_port, printer_port) = match (pick(), pick()) {
            (Some((a, _first)), Some((b, _second))) => (a, b),
            _ => FALLBACK_PORTS,
        };
        Self {
            dir: root.join("printing"),
            cups_port,
            printer_port,
        }
    }

    fn cups_dir(&self) -> PathBuf {
        self.dir.join("cups")
    }

    fn cups_etc(&self) -> PathBuf {
        self.cups_dir().join("etc")
    }

    fn socket(&self) -> PathBuf {
        self.cups_dir().join("cups.sock")
    }

    fn output_dir(&self) -> PathBuf {
        self.dir.join("output")
    }

    fn avahi_dir(&self) -> PathBuf {
        self.dir.join("avahi")
    }

    /// The TCP port a service is ready on, if it is not ready by a bus name.
    pub(crate) fn ready_port(&self, service: Service) -> Option<u16> {
        match service {
            Service::Cups => Some(self.cups_port),
            Service::VirtualPrinter => Some(self.printer_port),
            _ => None,
        }
    }
}

/// The path of cups-pk-helper's mechanism (the first place looked in when it is nowhere).
fn pk_helper_program() -> PathBuf {
    PK_HELPER_CANDIDATES
        .iter()
        .map(PathBuf::from)
        .find(|path| path.exists())
        .unwrap_or_else(|| PathBuf::from(PK_HELPER_CANDIDATES[0]))
}

fn quoted(path: &Path) -> String {
    shell_quote(&path.display().to_string())
}

/// cupsd in the foreground, its folders made (owned by `lp` where cupsd wants it) first.
pub(crate) fn cups(layout: &Layout) -> ServiceSpec {
    let printing = &layout.printing;
    let cups = printing.cups_dir();
    let etc = printing.cups_etc();
    let files_conf = etc.join("cups-files.conf");
    let cupsd_conf = etc.join("cupsd.conf");
    let files = format!(
        "User lp\nGroup lp\nSystemGroup root\nServerRoot {etc}\nRequestRoot {cups}/spool\n\
         TempDir {cups}/spool/tmp\nCacheDir {cups}/cache\nStateDir {cups}/state\n\
         AccessLog {cups}/log/access_log\nErrorLog {cups}/log/error_log\n\
         PageLog {cups}/log/page_log\nSandboxing Relaxed\n\
         SetEnv DBUS_SYSTEM_BUS_ADDRESS {address}\n",
        etc = etc.display(),
        cups = cups.display(),
        address = layout.address,
    );
    let conf = format!(
        "LogLevel debug\nListen 127.0.0.1:{port}\nListen {socket}\nBrowsing No\n\
         DefaultAuthType None\nWebInterface No\nDirtyCleanInterval 0\n\
         <Location />\n  Order allow,deny\n  Allow all\n</Location>\n\
         <Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n",
        port = printing.cups_port,
        socket = printing.socket().display(),
    );
    let script = format!(
        "cd {cups} && mkdir -p etc/ppd etc/ssl spool/tmp cache state log && \
         chown root:lp spool spool/tmp cache state etc/ppd && chmod 0710 spool && \
         chmod 0770 cache state && chmod 1770 spool/tmp && \
         exec {CUPSD} -f -c {conf} -s {files}",
        cups = quoted(&cups),
        conf = quoted(&cupsd_conf),
        files = quoted(&files_conf),
    );
    ServiceSpec {
        requires: vec![
            Requirement::package(CUPSD, "cups-daemon"),
            Requirement::package(DBUS_NOTIFIER, "cups-daemon"),
            Requirement::package(PDFTOPDF, "cups-filters"),
            Requirement::package(LPSTAT, "cups-client"),
            Requirement::package(IPPTOOL, "cups-ipp-utils"),
        ],
        program: SH.into(),
        args: vec!["-c".to_owned(), script],
        env: Vec::new(),
        env_remove: Vec::new(),
        files: vec![(files_conf, files), (cupsd_conf, conf)],
        after_ready: Vec::new(),
        needs_network: false,
    }
}

/// ippeveprinter on localhost, keeping its jobs in the output folder, registered with Avahi.
pub(crate) fn virtual_printer(layout: &Layout) -> ServiceSpec {
    let printing = &layout.printing;
    let output = printing.output_dir();
    let script = format!(
        "mkdir -p {output} && exec {IPPEVEPRINTER} -k -n localhost -p {port} -d {output} \
         -f {VIRTUAL_PRINTER_FORMATS} -M {make} -m {model} {name}",
        output = quoted(&output),
        port = printing.printer_port,
        make = shell_quote(VIRTUAL_PRINTER_MAKE),
        model = shell_quote(VIRTUAL_PRINTER_MODEL),
        name = shell_quote(VIRTUAL_PRINTER_NAME),
    );
    ServiceSpec {
        requires: vec![Requirement::package(IPPEVEPRINTER, "cups-ipp-utils")],
        program: SH.into(),
        args: vec!["-c".to_owned(), script],
        env: Vec::new(),
        env_remove: Vec::new(),
        files: Vec::new(),
        after_ready: Vec::new(),
        needs_network: false,
    }
}

/// cups-pk-helper on the bed's bus, pointed at the bed's cupsd; also D-Bus activatable there.
pub(crate) fn pk_helper(layout: &Layout) -> ServiceSpec {
    let program = pk_helper_program();
    let socket = layout.printing.socket();
    // Exec= is split on spaces (no shell): the bed's folder has none.
    let activation = format!(
        "[D-BUS Service]\nName={PK_HELPER_BUS_NAME}\n\
         Exec=/usr/bin/env DBUS_SYSTEM_BUS_ADDRESS={address} CUPS_SERVER={socket} {program}\n",
        address = layout.address,
        socket = socket.display(),
        program = program.display(),
    );
    ServiceSpec {
        requires: vec![Requirement::package(&program, "cups-pk-helper")],
        program,
        args: Vec::new(),
        env: vec![("CUPS_SERVER", socket.display().to_string())],
        env_remove: Vec::new(),
        files: vec![(
            layout
                .services_dir
                .join(format!("{PK_HELPER_BUS_NAME}.service")),
            activation,
        )],
        after_ready: Vec::new(),
        needs_network: false,
    }
}

/// avahi-daemon in a network namespace with only `lo`, a tmpfs on `/run`.
pub(crate) fn avahi(layout: &Layout) -> ServiceSpec {
    let conf = layout.printing.avahi_dir().join("avahi-daemon.conf");
    let contents = "[server]\nuse-ipv4=yes\nuse-ipv6=no\nallow-interfaces=lo\nenable-dbus=yes\n\
                    ratelimit-interval-usec=1000000\nratelimit-burst=1000\n\
                    [wide-area]\nenable-wide-area=no\n\
                    [publish]\npublish-hinfo=no\npublish-workstation=no\n";
    let script = format!(
        "mount -t tmpfs tmpfs /run && mkdir -p /run/avahi-daemon && {ip} link set lo up && \
         exec {AVAHI_DAEMON} --no-drop-root --no-chroot --no-rlimits -f {conf}",
        ip = network::IP,
        conf = quoted(&conf),
    );
    ServiceSpec {
        requires: vec![
            Requirement::package(AVAHI_DAEMON, "avahi-daemon"),
            Requirement::package(network::UNSHARE, "util-linux"),
            Requirement::package(network::IP, "iproute2"),
        ],
        program: network::UNSHARE.into(),
        args: vec![
            "-m".to_owned(),
            "-n".to_owned(),
            "--propagation".to_owned(),
            "private".to_owned(),
            SH.to_owned(),
            "-c".to_owned(),
            script,
        ],
        env: Vec::new(),
        env_remove: Vec::new(),
        files: vec![(conf, contents.to_owned())],
        after_ready: Vec::new(),
        needs_network: false,
    }
}

/// Waits until `127.0.0.1:port` (or `[::1]:port`) accepts a connection.
pub(crate) fn port_accepts(port: u16) -> bool {
    TcpStream::connect(("127.0.0.1", port)).is_ok()
}

/// One service found by [`TestBed::browse_avahi`] (the arguments of Avahi's `ItemNew`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrowsedService {
    /// Avahi's interface index (1 is `lo` in Avahi's namespace).
    pub interface: i32,
    /// 0 for IPv4, 1 for IPv6.
    pub protocol: i32,
    /// The DNS-SD service name, e.g. [`VIRTUAL_PRINTER_NAME`].
    pub name: String,
    /// The service type, e.g. `_ipp._tcp`.
    pub service_type: String,
    /// The domain, `local`.
    pub domain: String,
    /// Avahi's lookup result flags (13: cached, multicast, local).
    pub flags: u32,
}

impl TestBed {
    /// The base URL of the bed's cupsd over TCP, `http://127.0.0.1:<port>` (`ipp://` with the
    /// same host and port for IPP URIs, e.g. `ipp://127.0.0.1:<port>/printers/<queue>`).
    pub fn cups_server(&self) -> String {
        format!("http://127.0.0.1:{}", self.layout.printing.cups_port)
    }

    /// cupsd's TCP port on 127.0.0.1 (free when the bed started, different for every bed).
    pub fn cups_port(&self) -> u16 {
        self.layout.printing.cups_port
    }

    /// cupsd's unix socket (what cups-pk-helper uses; `CUPS_SERVER=<this>` for libcups tools).
    pub fn cups_socket(&self) -> PathBuf {
        self.layout.printing.socket()
    }

    /// cupsd's configuration folder (ServerRoot: `printers.conf`, `ppd/`, `subscriptions.conf`).
    pub fn cups_server_root(&self) -> PathBuf {
        self.layout.printing.cups_etc()
    }

    /// cupsd's `error_log` (LogLevel debug), e.g. to see filters and the notifier run.
    pub fn cups_error_log(&self) -> PathBuf {
        self.layout
            .printing
            .cups_dir()
            .join("log")
            .join("error_log")
    }

    /// The virtual printer's IPP URI, `ipp://localhost:<port>/ipp/print` (what a queue for it
    /// uses as device URI).
    pub fn virtual_printer_uri(&self) -> String {
        format!(
            "ipp://localhost:{}/ipp/print",
            self.layout.printing.printer_port
        )
    }

    /// The virtual printer's port on localhost.
    pub fn virtual_printer_port(&self) -> u16 {
        self.layout.printing.printer_port
    }

    /// Where the virtual printer keeps every document it printed, as `<job-id>-<name>.<ext>`
    /// (PDF for jobs from an IPP Everywhere queue).
    pub fn printer_output_dir(&self) -> PathBuf {
        self.layout.printing.output_dir()
    }

    /// A Command for a CUPS client program (`lpstat`, `lp`, `lpadmin`, `cancel`, …) talking
    /// to the bed's cupsd over TCP (`CUPS_SERVER=127.0.0.1:<port>`).
    pub fn cups_command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command
            .env("CUPS_SERVER", format!("127.0.0.1:{}", self.cups_port()))
            .env("DBUS_SYSTEM_BUS_ADDRESS", &self.layout.address);
        command
    }

    /// `lpstat` talking to the bed's cupsd, e.g. `bed.lpstat().arg("-v")`.
    pub fn lpstat(&self) -> Command {
        self.cups_command(LPSTAT)
    }

    /// `ipptool` (give it a URI such as `ipp://127.0.0.1:<port>/printers/<queue>` and a test
    /// file, e.g. `get-printer-attributes.test`).
    pub fn ipptool(&self) -> Command {
        self.cups_command(IPPTOOL)
    }

    /// Makes the polkit mock ([`Service::Polkit`]) allow only `actions` (`allow_unknown =
    /// false`) or, with `allow_unknown`, everything (the bed's default). cups-pk-helper's
    /// actions are `org.opensuse.cupspkhelper.mechanism.*` (e.g. `…printer-local-edit`,
    /// `…printer-remote-edit`, `…all-edit`, `…printer-enable`, `…job-cancel`); a refused call
    /// fails with a D-Bus error whose message is "Not Authorized for action: <action>".
    /// `PrinterAdd` with a network device URI (the virtual printer's) asks for
    /// `…printer-remote-edit`.
    pub fn set_polkit_allowed(&self, allow_unknown: bool, actions: &[&str]) -> Result<(), Error> {
        let authority = "/org/freedesktop/PolicyKit1/Authority";
        let mut set_allowed = vec![
            "call".to_owned(),
            Service::Polkit.bus_name().to_owned(),
            authority.to_owned(),
            "org.freedesktop.DBus.Mock".to_owned(),
            "SetAllowed".to_owned(),
            "as".to_owned(),
            actions.len().to_string(),
        ];
        set_allowed.extend(actions.iter().map(|action| (*action).to_owned()));
        self.busctl_output(&set_allowed)?;
        let allow_unknown = [
            "call",
            Service::Polkit.bus_name(),
            authority,
            "org.freedesktop.DBus.Mock",
            "AllowUnknown",
            "b",
            if allow_unknown { "true" } else { "false" },
        ]
        .map(str::to_owned);
        self.busctl_output(&allow_unknown).map(drop)
    }

    /// Loads (`false`) or empties (`true`) the virtual printer's trays through its test web
    /// form: empty, it reports `media-empty` (as `media-empty-report` on its own URI) and holds
    /// jobs until media is back; the queue shows `media-empty-warning` and
    /// `media-needed-warning` while such a job is active.
    pub fn set_virtual_printer_media_empty(&self, empty: bool) -> Result<(), Error> {
        // The trays besides auto and manual: main (index 1) and by-pass-tray (3); a tray
        // without a level counts as empty.
        let (main, by_pass) = if empty { (0, 0) } else { (250, 25) };
        self.virtual_printer_form(&format!(
            "/media?size1=iso_a4_210x297mm&level1={main}&size3=iso_a4_210x297mm&level3={by_pass}"
        ))
    }

    /// Sets the virtual printer's supply levels in percent through its test web form:
    /// `waste` for the waste toner tank (above 90 `marker-waste-almost-full`, 100
    /// `marker-waste-full`), `black` for the black toner (below 10 `toner-low`, 0
    /// `toner-empty`). They show as its `printer-supply` (start: 25 and 75).
    pub fn set_virtual_printer_supplies(&self, waste: u8, black: u8) -> Result<(), Error> {
        self.virtual_printer_form(&format!("/supplies?supply0={waste}&supply1={black}"))
    }

    /// The virtual printer's own `printer-state-reasons`, comma-separated (`none` when fine).
    pub fn virtual_printer_state_reasons(&self) -> Result<String, Error> {
        let output = network::run(self.ipptool().args([
            "-tv",
            &self.virtual_printer_uri(),
            "get-printer-attributes.test",
        ]))?;
        Ok(attribute_value(&output, "printer-state-reasons").unwrap_or_default())
    }

    /// Browses Avahi (on the bed's bus) for `service_type` (e.g. `_ipp._tcp`) until Avahi says
    /// `AllForNow` or 5 s pass, and returns what it found.
    pub fn browse_avahi(&self, service_type: &str) -> Result<Vec<BrowsedService>, Error> {
        browse(&self.layout.address, service_type).map_err(|error| {
            Error::Io(std::io::Error::other(format!(
                "browsing Avahi for {service_type}: {error}"
            )))
        })
    }

    fn virtual_printer_form(&self, path_and_query: &str) -> Result<(), Error> {
        let port = self.virtual_printer_port();
        let mut stream = TcpStream::connect(("127.0.0.1", port))?;
        stream.set_read_timeout(Some(PORT_TIMEOUT))?;
        write!(
            stream,
            "GET {path_and_query} HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"
        )?;
        // The printer keeps the connection open: read until the page (sent chunked) ends.
        let mut response = Vec::new();
        let mut buffer = [0u8; 4096];
        loop {
            let read = stream.read(&mut buffer)?;
            response.extend_from_slice(&buffer[..read]);
            let text = String::from_utf8_lossy(&response);
            if read == 0 || text.contains("</html>") || text.ends_with("\r\n0\r\n\r\n") {
                break;
            }
        }
        let response = String::from_utf8_lossy(&response);
        if response.starts_with("HTTP/1.1 200") || response.starts_with("HTTP/1.0 200") {
            Ok(())
        } else {
            Err(Error::Io(std::io::Error::other(format!(
                "the virtual printer answered {path_and_query} with: {}",
                response.lines().next().unwrap_or("nothing")
            ))))
        }
    }

    /// Waits until the service's TCP port accepts, or fails with its log tail if it exits or
    /// 15 s pass.
    pub(crate) fn wait_for_port(&mut self, service: Service, port: u16) -> Result<(), Error> {
        let deadline = Instant::now() + PORT_TIMEOUT;
        loop {
            if port_accepts(port) {
                return Ok(());
            }
            self.check_still_running(service, &format!("{} to listen on {port}", service.label()))?;
            if Instant::now() >= deadline {
                return Err(Error::Timeout {
                    what: format!("{} to listen on port {port}", service.label()),
                    log_tail: crate::log_tail(&self.log_path(service)),
                });
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
}

/// The value `ipptool -tv` printed for `name` (`name (type) = value`).
fn attribute_value(output: &str, name: &str) -> Option<String> {
    output.lines().find_map(|line| {
        let line = line.trim();
        let rest = line.strip_prefix(name)?.strip_prefix(' ')?;
        rest.split_once(" = ").map(|(_, value)| value.to_owned())
    })
}

fn browse(address: &str, service_type: &str) -> zbus::Result<Vec<BrowsedService>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(browse_async(address, service_type))
}

async fn browse_async(address: &str, service_type: &str) -> zbus::Result<Vec<BrowsedService>> {
    use futures::StreamExt as _;

    const BROWSER: &str = "org.freedesktop.Avahi.ServiceBrowser";
    let connection = zbus::connection::Builder::address(address)?.build().await?;
    let reply = connection
        .call_method(
            Some(AVAHI_BUS_NAME),
            "/",
            Some("org.freedesktop.Avahi.Server2"),
            "ServiceBrowserPrepare",
            &(-1i32, -1i32, service_type, "", 0u32),
        )
        .await?;
    let path: zbus::zvariant::OwnedObjectPath = reply.body().deserialize()?;
    let rule = zbus::MatchRule::builder()
        .msg_type(zbus::message::Type::Signal)
        .sender(AVAHI_BUS_NAME)?
        .path(path.as_str())?
        .interface(BROWSER)?
        .build();
    let mut messages = zbus::MessageStream::for_match_rule(rule, &connection, Some(64)).await?;
    connection
        .call_method(
            Some(AVAHI_BUS_NAME),
            path.as_str(),
            Some(BROWSER),
            "Start",
            &(),
        )
        .await?;
    let mut found = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while let Ok(Some(message)) = tokio::time::timeout_at(deadline, messages.next()).await {
        let message = message?;
        let member = message.header().member().map(|member| member.to_string());
        match member.as_deref() {
            Some("ItemNew") => {
                let (interface, protocol, name, service_type, domain, flags): (
                    i32,
                    i32,
                    String,
                    String,
                    String,
                    u32,
                ) = message.body().deserialize()?;
                found.push(BrowsedService {
                    interface,
                    protocol,
                    name,
                    service_type,
                    domain,
                    flags,
                });
            }
            Some("AllForNow" | "Failure") => break,
            _ => {}
        }
    }
    // The browser goes away with the connection anyway.
    let _ = connection
        .call_method(
            Some(AVAHI_BUS_NAME),
            path.as_str(),
            Some(BROWSER),
            "Free",
            &(),
        )
        .await;
    Ok(found)
}
