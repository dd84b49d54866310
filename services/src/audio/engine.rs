//! The PipeWire thread: libpipewire's main loop is not `Send`, so one
//! thread owns every PipeWire object and the async side talks to it through
//! channels ([`EngineHandle`]).
//!
//! The thread runs the loop with [`MainLoop::run`](pw::main_loop::MainLoop::run),
//! which enters it once for the thread's whole life. That matters: while a
//! `pw_loop` is not entered, libpipewire's `pw_loop_invoke` runs the invoked
//! function at once in the calling thread, so the data thread would call
//! our non-real-time streams' `process` and `drained` itself, concurrently
//! with this thread and its Rust state (PipeWire 0.3.65's `loop_invoke`;
//! pipewire-rs's `iterate` enters and leaves the loop on each call, which
//! is why the thread no longer drives the loop with it). Entered, the loop
//! gets those calls queued and runs them on this thread.
//!
//! Every PipeWire callback only records what happened (into [`Shared`] or
//! the stream events) and wakes the thread's [`Alarm`]; the thread acts on
//! it in a *step*, which runs from that one loop source, so at most once
//! per loop iteration and never inside another object's callback: nothing
//! is created or destroyed inside a callback, and nothing panics (every
//! failure is an [`AudioError`] sent to the async side). Requests arrive
//! through a channel attached to the loop. Between PipeWire's events the
//! thread sleeps on the loop; the alarm's only deadlines are the short pause
//! that folds a burst of events into one snapshot, the retry of a lost
//! connection (with a growing pause) and the bounds on a connection or a
//! test tone that never finish. To end, the thread closes its connection
//! from a step (its streams first, see [`Retirement`]) and quits the loop.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::os::fd::{AsFd, AsRawFd, OwnedFd, RawFd};
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use pipewire as pw;
use pw::client::{Client, ClientChangeMask, ClientListener};
use pw::context::ContextRc;
use pw::core::CoreRc;
use pw::device::{Device, DeviceChangeMask, DeviceListener};
use pw::main_loop::{MainLoopRc, MainLoopWeak};
use pw::metadata::{Metadata, MetadataListener};
use pw::node::{Node, NodeChangeMask, NodeListener};
use pw::properties::PropertiesBox;
use pw::proxy::ProxyT;
use pw::registry::{GlobalObject, RegistryRc};
use pw::spa::param::ParamType;
use pw::spa::pod::Pod;
use pw::spa::support::system::IoFlags;
use pw::spa::utils::dict::DictRef;
use pw::types::ObjectType;
use tokio::sync::{mpsc, oneshot, watch};

use super::commands::Action;
use super::error::{AudioError, Expected, LocalFailure, PipeWireFailure, from_pipewire};
use super::graph::{
    DeviceEntry, Graph, LinkEntry, NodeEntry, NodeKind, Props, default_value, node_kind,
};
use super::pods::{self, PropsChange};
use super::streams::{
    APPLICATION_NAME, EventLog, MeterStream, Retired, Retirement, StreamEvent, StreamEvents,
    StreamSpot, ToneStream,
};
use super::types::{
    Channel, DeviceId, Direction, NodeId, NodeState, Peaks, Snapshot, StreamTarget, Update,
    VolumeChange,
};
use super::volume::{ChannelVolumes, VolumeLimit};

/// Events closer together than this are one change (a new stream announces
/// itself, its ports, links and parameters one by one).
const QUIET: Duration = Duration::from_millis(30);
/// A burst of events is shown at least this often.
const BURST_MAX: Duration = Duration::from_millis(250);
/// How long a new connection may take to list the graph before the stream
/// says PipeWire does not answer.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// The first pause before connecting again after PipeWire went away; doubled
/// after each failure up to [`RETRY_MAX`].
const RETRY_FIRST: Duration = Duration::from_millis(250);
const RETRY_MAX: Duration = Duration::from_secs(5);
/// How long a speaker test may take beyond its own length (linking, draining).
const TONE_GRACE: Duration = Duration::from_secs(5);

/// Ids for meters and tones, unique in the process.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

pub(crate) fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// Which PipeWire to connect to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Remote {
    /// libpipewire's default: `PIPEWIRE_REMOTE`, else `pipewire-0` in
    /// `PIPEWIRE_RUNTIME_DIR` / `XDG_RUNTIME_DIR`.
    Default,
    /// This socket.
    Socket(PathBuf),
}

/// A request to the PipeWire thread.
#[derive(Debug)]
pub(crate) enum Request {
    /// The last handle went: end the thread.
    Quit,
    Command {
        command: Action,
        reply: oneshot::Sender<Result<(), AudioError>>,
    },
    StartMeter {
        id: u64,
        node: NodeId,
        peaks: mpsc::Sender<Peaks>,
        failed: oneshot::Sender<AudioError>,
    },
    StopMeter {
        id: u64,
    },
}

/// The async side's end of the PipeWire thread. Dropping the last one ends
/// the thread (it closes its connection first).
pub(crate) struct EngineHandle {
    requests: pw::channel::Sender<Request>,
    updates: watch::Receiver<Option<Update>>,
}

impl std::fmt::Debug for EngineHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EngineHandle")
            .field("update", &*self.updates.borrow())
            .finish_non_exhaustive()
    }
}

impl EngineHandle {
    /// Starts the thread for `remote`.
    pub(crate) fn spawn(remote: Remote) -> Result<Self, AudioError> {
        let (requests, receiver) = pw::channel::channel();
        let (publisher, updates) = watch::channel(None);
        std::thread::Builder::new()
            .name("ferrum-pipewire".into())
            .spawn(move || run(remote, receiver, publisher))
            .map_err(|error| {
                tracing::warn!(%error, "could not start the PipeWire thread");
                AudioError::Local(LocalFailure::Thread)
            })?;
        Ok(Self { requests, updates })
    }

    /// Sends a request to the thread.
    pub(crate) fn send(&self, request: Request) -> Result<(), AudioError> {
        self.requests
            .send(request)
            .map_err(|_| AudioError::Local(LocalFailure::ThreadEnded))
    }

    /// The thread's latest update (none before its first), and its changes.
    pub(crate) fn updates(&self) -> watch::Receiver<Option<Update>> {
        self.updates.clone()
    }
}

impl Drop for EngineHandle {
    fn drop(&mut self) {
        // Nobody is left to tell if the thread has ended already.
        let _ = self.requests.send(Request::Quit);
    }
}

/// The thread's body.
fn run(
    remote: Remote,
    receiver: pw::channel::Receiver<Request>,
    publisher: watch::Sender<Option<Update>>,
) {
    pw::init();
    let unavailable = |publisher: &watch::Sender<Option<Update>>| {
        publisher.send_replace(Some(Update::Unavailable(AudioError::Local(
            LocalFailure::MainLoop,
        ))));
    };
    let Ok(main_loop) = MainLoopRc::new(None) else {
        tracing::warn!("libpipewire could not create a main loop");
        unavailable(&publisher);
        return;
    };
    let mut properties = PropertiesBox::new();
    properties.insert("application.name", APPLICATION_NAME);
    let Ok(context) = ContextRc::new(&main_loop, Some(properties)) else {
        tracing::warn!("libpipewire could not create a context");
        unavailable(&publisher);
        return;
    };
    let alarm = match Alarm::new() {
        Ok(alarm) => Rc::new(alarm),
        Err(error) => {
            tracing::warn!(%error, "could not create the PipeWire thread's timer");
            unavailable(&publisher);
            return;
        }
    };
    let wake = Wake(Some(Rc::clone(&alarm)));
    let inbox: Rc<RefCell<VecDeque<Request>>> = Rc::default();
    let attached = receiver.attach(main_loop.loop_(), {
        let inbox = Rc::clone(&inbox);
        let wake = wake.clone();
        move |request| {
            inbox.borrow_mut().push_back(request);
            wake.wake();
        }
    });
    let engine = Rc::new(RefCell::new(Engine {
        retired: Retirement::default(),
        remote,
        context,
        publisher,
        link: Link::Down {
            retry_at: Instant::now(),
            failures: 0,
        },
        waiting: Vec::new(),
        ending: false,
        wake,
    }));
    let steps = main_loop
        .loop_()
        .add_io(AlarmFd(Rc::clone(&alarm)), IoFlags::IN, {
            let engine = Rc::clone(&engine);
            let inbox = Rc::clone(&inbox);
            let main_loop: MainLoopWeak = main_loop.downgrade();
            move |alarm: &mut AlarmFd| {
                alarm.0.fired();
                let Ok(mut engine) = engine.try_borrow_mut() else {
                    // Never expected (nothing iterates the loop inside a step);
                    // try again on the next iteration.
                    alarm.0.wake();
                    return;
                };
                if engine.step(&inbox) {
                    engine.arm(&alarm.0);
                } else if let Some(main_loop) = main_loop.upgrade() {
                    main_loop.quit();
                }
            }
        });
    // The first step connects.
    alarm.wake();
    main_loop.run();
    tracing::debug!("the PipeWire thread ends");
    // The connection and our streams went inside the loop; what is left
    // (the context) goes before the loop.
    drop(steps);
    drop(attached);
    drop(engine);
}

/// The thread's one timer, a `timerfd` the loop watches: callbacks wake it
/// to have the thread act in its next iteration, and the thread sets it for
/// its next deadline. (A pipewire-rs timer source borrows the loop, so the
/// callbacks, which must be `'static`, could not re-arm it.)
pub(crate) struct Alarm {
    fd: OwnedFd,
    /// When it is set to go off, if it is.
    due: Cell<Option<Instant>>,
}

impl Alarm {
    fn new() -> std::io::Result<Self> {
        use rustix::time::{TimerfdClockId, TimerfdFlags, timerfd_create};
        let fd = timerfd_create(
            TimerfdClockId::Monotonic,
            TimerfdFlags::NONBLOCK | TimerfdFlags::CLOEXEC,
        )?;
        Ok(Self {
            fd,
            due: Cell::new(None),
        })
    }

    /// Goes off at once (in the loop's next iteration).
    fn wake(&self) {
        self.at(Instant::now());
    }

    /// Goes off at `when`, unless it is set to go off sooner.
    fn at(&self, when: Instant) {
        use rustix::time::{Itimerspec, TimerfdTimerFlags, Timespec, timerfd_settime};
        if self.due.get().is_some_and(|due| due <= when) {
            return;
        }
        // A zero time would disarm it; a nanosecond is "now". `Instant` is
        // the same monotonic clock, so it never goes off early.
        let wait = when
            .saturating_duration_since(Instant::now())
            .max(Duration::from_nanos(1));
        let value = Timespec {
            tv_sec: i64::try_from(wait.as_secs()).unwrap_or(i64::MAX),
            tv_nsec: i64::from(wait.subsec_nanos()),
        };
        let spec = Itimerspec {
            it_interval: Timespec {
                tv_sec: 0,
                tv_nsec: 0,
            },
            it_value: value,
        };
        match timerfd_settime(self.fd.as_fd(), TimerfdTimerFlags::empty(), &spec) {
            Ok(_) => self.due.set(Some(when)),
            Err(error) => tracing::warn!(%error, "could not set the PipeWire thread's timer"),
        }
    }

    /// It went off: reads it (so the loop sleeps again) and forgets the time.
    fn fired(&self) {
        let mut count = [0u8; 8];
        let _ = rustix::io::read(self.fd.as_fd(), &mut count);
        self.due.set(None);
    }
}

/// The alarm as the loop's IO source watches it.
struct AlarmFd(Rc<Alarm>);

impl AsRawFd for AlarmFd {
    fn as_raw_fd(&self) -> RawFd {
        self.0.fd.as_raw_fd()
    }
}

/// What callbacks hold to wake the thread (none in unit tests' graphs).
#[derive(Clone, Default)]
pub(crate) struct Wake(Option<Rc<Alarm>>);

impl Wake {
    /// Has the thread step in the loop's next iteration.
    pub(crate) fn wake(&self) {
        if let Some(alarm) = &self.0 {
            alarm.wake();
        }
    }
}

/// The connection's state.
enum Link {
    /// Not connected; the next try is due at `retry_at`.
    Down {
        retry_at: Instant,
        failures: u32,
    },
    Up(Box<Connection>),
}

struct Engine {
    /// Streams of a lost (or closed) connection on their way out.
    retired: Retirement,
    remote: Remote,
    context: ContextRc,
    publisher: watch::Sender<Option<Update>>,
    link: Link,
    /// Requests that came while the connection was still listing the graph.
    waiting: Vec<Request>,
    /// The last handle went: the connection is closed, and the thread ends
    /// once our streams are gone.
    ending: bool,
    wake: Wake,
}

impl Engine {
    /// Handles what happened since the last step; `false` ends the thread
    /// (everything PipeWire is gone but the context).
    fn step(&mut self, inbox: &RefCell<VecDeque<Request>>) -> bool {
        let now = Instant::now();
        // A loop iteration has ended since the last step.
        self.retired.age();
        if let Link::Up(connection) = &mut self.link {
            connection.retired.age();
        }
        self.follow_connection(now);
        loop {
            let request = inbox.borrow_mut().pop_front();
            match request {
                None => break,
                Some(Request::Quit) => self.close(),
                Some(request) if self.ending => {
                    fail(request, AudioError::Local(LocalFailure::ThreadEnded));
                }
                Some(request) => self.handle(request),
            }
        }
        if self.ending {
            return !self.retired.is_empty();
        }
        if let Link::Down { retry_at, failures } = self.link
            && now >= retry_at
        {
            self.connect(failures, now);
        }
        self.publish_when_due(now);
        true
    }

    /// Closes the connection for good: our streams are disconnected (and
    /// dropped over the next steps), the rest goes now.
    fn close(&mut self) {
        self.ending = true;
        let link = std::mem::replace(
            &mut self.link,
            Link::Down {
                retry_at: Instant::now(),
                failures: 0,
            },
        );
        let error = AudioError::Local(LocalFailure::ThreadEnded);
        if let Link::Up(connection) = link {
            self.retired.absorb(connection.fail_all(&error));
        }
        for request in std::mem::take(&mut self.waiting) {
            fail(request, error.clone());
        }
    }

    /// Sets the alarm for the next step that is due.
    fn arm(&self, alarm: &Alarm) {
        let retiring = match &self.link {
            Link::Up(connection) => !connection.retired.is_empty(),
            Link::Down { .. } => false,
        };
        if retiring || !self.retired.is_empty() {
            // Streams age one step per loop iteration.
            alarm.wake();
            return;
        }
        let deadline = match &self.link {
            Link::Down { .. } if self.ending => None,
            Link::Down { retry_at, .. } => Some(*retry_at),
            Link::Up(connection) => connection.deadline(),
        };
        if let Some(deadline) = deadline {
            alarm.at(deadline);
        }
    }

    fn connect(&mut self, failures: u32, now: Instant) {
        match Connection::open(&self.context, &self.remote, &self.wake) {
            Ok(connection) => {
                tracing::debug!(remote = ?self.remote, "connected to PipeWire");
                self.link = Link::Up(Box::new(connection));
            }
            Err(error) => {
                let failures = failures.saturating_add(1);
                if failures == 1 {
                    tracing::info!(%error, remote = ?self.remote, "PipeWire unavailable; retrying with growing pauses");
                }
                self.link = Link::Down {
                    retry_at: now + retry_delay(failures),
                    failures,
                };
                let waiting = std::mem::take(&mut self.waiting);
                for request in waiting {
                    fail(request, error.clone());
                }
                self.publish(Update::Unavailable(error));
            }
        }
    }

    /// Acts on the connection's events; drops it when PipeWire went away.
    fn follow_connection(&mut self, now: Instant) {
        let Link::Up(connection) = &mut self.link else {
            return;
        };
        match connection.after_iteration(now) {
            Progress::Lost(error) => {
                tracing::info!(%error, "the connection to PipeWire was lost");
                if let Link::Up(connection) = std::mem::replace(
                    &mut self.link,
                    Link::Down {
                        retry_at: now + retry_delay(1),
                        failures: 1,
                    },
                ) {
                    self.retired.absorb(connection.fail_all(&error));
                }
                let waiting = std::mem::take(&mut self.waiting);
                for request in waiting {
                    fail(request, error.clone());
                }
                self.publish(Update::Unavailable(error));
            }
            Progress::Ready => {
                let snapshot = connection.take_snapshot();
                let waiting = std::mem::take(&mut self.waiting);
                for request in waiting {
                    connection.execute(request);
                }
                self.publish(Update::Snapshot(snapshot));
            }
            Progress::Going => {}
        }
    }

    fn handle(&mut self, request: Request) {
        if let Request::StopMeter { id } = request {
            if let Link::Up(connection) = &mut self.link {
                connection.take_meter(id);
            }
            self.waiting.retain(
                |waiting| !matches!(waiting, Request::StartMeter { id: other, .. } if *other == id),
            );
            return;
        }
        match &mut self.link {
            Link::Down { .. } => fail(request, AudioError::NotRunning),
            Link::Up(connection) if !connection.is_ready() => self.waiting.push(request),
            Link::Up(connection) => connection.execute(request),
        }
    }

    fn publish_when_due(&mut self, now: Instant) {
        let Link::Up(connection) = &mut self.link else {
            return;
        };
        if connection.is_ready() {
            if connection.publish_due(now) {
                let snapshot = connection.take_snapshot();
                self.publish(Update::Snapshot(snapshot));
            }
        } else if !connection.slow_reported && now >= connection.started + CONNECT_TIMEOUT {
            connection.slow_reported = true;
            tracing::info!("PipeWire does not answer");
            self.publish(Update::Unavailable(AudioError::NoAnswer));
        }
    }

    /// Shows `update` unless it is what is shown.
    fn publish(&self, update: Update) {
        tracing::trace!(?update, "publishing");
        self.publisher.send_if_modified(|current| {
            if current.as_ref() == Some(&update) {
                false
            } else {
                *current = Some(update);
                true
            }
        });
    }
}

/// How long to wait before the next try after `failures` failures in a row.
fn retry_delay(failures: u32) -> Duration {
    RETRY_FIRST
        .saturating_mul(1 << failures.saturating_sub(1).min(16))
        .min(RETRY_MAX)
}

/// Answers a request that cannot be carried out.
fn fail(request: Request, error: AudioError) {
    match request {
        Request::Command { reply, .. } => {
            let _ = reply.send(Err(error));
        }
        Request::StartMeter { failed, .. } => {
            let _ = failed.send(error);
        }
        Request::Quit | Request::StopMeter { .. } => {}
    }
}

/// What the callbacks record for the thread.
#[derive(Default)]
struct Shared {
    graph: Graph,
    /// When the graph first and last changed since it was last shown.
    dirty: Option<(Instant, Instant)>,
    /// `done` events: the sequence numbers of finished syncs.
    done: Vec<i32>,
    /// Errors PipeWire reported on our proxies.
    errors: Vec<ProxyError>,
    /// The connection is gone.
    lost: Option<AudioError>,
    /// Globals removed (for the meters and tones on them).
    removed: Vec<u32>,
    /// The `default` metadata's registry entry, to bind it again.
    default_global: Option<GlobalObject<PropertiesBox>>,
    /// Read the `default` metadata again through a fresh binding (see
    /// [`Refresh`]).
    refresh_wanted: bool,
    /// The process that exports the `default` metadata (WirePlumber), by
    /// `pipewire.sec.pid`.
    exporter_pid: Option<String>,
    /// Wakes the thread to act on what was recorded.
    wake: Wake,
}

impl Shared {
    /// Whether a client leaving should make the metadata be read again: not
    /// when it is the session manager itself (its metadata goes with it, and
    /// binding a metadata whose exporter is going leaves our client busy for
    /// good in PipeWire: see [`Refresh`]).
    fn refresh_after_client(&self, client: u32) -> bool {
        let pid = self
            .graph
            .clients
            .get(&client)
            .and_then(|props| props.get("pipewire.sec.pid"));
        pid.is_none() || pid != self.exporter_pid.as_ref()
    }
}

impl Shared {
    fn touch(&mut self) {
        self.wake.wake();
        let now = Instant::now();
        self.dirty = Some(match self.dirty {
            Some((first, _)) => (first, now),
            None => (now, now),
        });
    }
}

#[derive(Debug)]
struct ProxyError {
    proxy: u32,
    res: i32,
    message: String,
}

/// A bound object and its listener (which goes first: its hook must be
/// removed while the proxy exists).
enum Bound {
    Node {
        _listener: NodeListener,
        proxy: Node,
    },
    Device {
        _listener: DeviceListener,
        proxy: Device,
    },
    Client {
        _listener: ClientListener,
        _proxy: Client,
    },
    Metadata {
        _listener: MetadataListener,
        proxy: Metadata,
    },
}

type Objects = Rc<RefCell<BTreeMap<u32, Bound>>>;

/// How far a new connection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Waiting for the registry's first listing (a sync after `get_registry`).
    Globals(i32),
    /// Waiting for the bound objects' info and parameters (a second sync).
    Info(i32),
    Ready,
}

enum Progress {
    Going,
    Ready,
    Lost(AudioError),
}

/// A command sent to PipeWire, answered when its sync comes back.
struct Pending {
    seq: i32,
    /// A metadata command: read the metadata again when it is done.
    refresh: bool,
    /// Local ids of the proxies it used: an error on one fails it.
    proxies: Vec<u32>,
    reply: oneshot::Sender<Result<(), AudioError>>,
    failure: Option<AudioError>,
}

struct Meter {
    stream: MeterStream,
    node: u32,
    failed: oneshot::Sender<AudioError>,
}

struct Tone {
    stream: ToneStream,
    output: u32,
    reply: oneshot::Sender<Result<(), AudioError>>,
    deadline: Instant,
}

/// A fresh binding of the `default` metadata that reads it again.
///
/// PipeWire's `module-metadata` forwards a metadata's changes to a binding
/// only while its global count of bindings waiting for the exporter's pong
/// is zero (or the binding itself is waiting); a client that binds the
/// metadata and disconnects before the pong leaves the count above zero for
/// good (its unbind does not undo it: seen with 0.3.65, and the code is the
/// same upstream). From then on a settled binding, like ours, hears no
/// change, while a new binding still gets every property once. So the
/// metadata is read again through a new binding after the events that go
/// with its changes: a client leaving (the tool that changed it), an output
/// or input coming or going (WirePlumber picks defaults again), and our own
/// metadata commands; while a chosen default differs from the current one
/// (WirePlumber follows a moment later), it is read once more, up to
/// [`REFRESH_ROUNDS`] times. A binding is replaced only after a sync on it
/// came back, which PipeWire answers only after the pong (the binding
/// client is busy until then), so this never leaks the count itself.
/// Binding while the exporter goes away leaves our client busy for good
/// (the same unbind path drops the pong's listener), so a client of the
/// session manager's own process leaving is no reason to read again.
struct Refresh {
    _listener: MetadataListener,
    proxy: Metadata,
    global: u32,
    /// What the new binding heard; `None` once it is the live binding.
    copy: MetadataCopy,
    seq: i32,
}

/// Where a metadata binding's properties go: a copy while it is read anew,
/// else the graph.
type MetadataCopy = Rc<RefCell<Option<Graph>>>;

/// How many times in a row the metadata is read again while a chosen
/// default and the current one differ.
const REFRESH_ROUNDS: u8 = 3;

/// One connection to PipeWire and everything bound through it. Field order
/// is drop order: our streams, the bound objects, the listeners of the
/// registry and core, then the registry and the core.
struct Connection {
    /// Our streams on their way out (see [`Retired`]).
    retired: Retirement,
    meters: HashMap<u64, Meter>,
    tones: HashMap<u64, Tone>,
    refresh: Option<Refresh>,
    refresh_rounds: u8,
    objects: Objects,
    _registry_listener: pw::registry::Listener,
    _core_listener: pw::core::Listener,
    registry: RegistryRc,
    core: CoreRc,
    shared: Rc<RefCell<Shared>>,
    stream_events: StreamEvents,
    stage: Stage,
    started: Instant,
    slow_reported: bool,
    pending: Vec<Pending>,
}

impl Connection {
    fn open(context: &ContextRc, remote: &Remote, wake: &Wake) -> Result<Self, AudioError> {
        let properties = match remote {
            Remote::Default => None,
            Remote::Socket(path) => {
                let path = path
                    .to_str()
                    .filter(|path| !path.contains('\0'))
                    .ok_or(AudioError::NotRunning)?;
                let mut properties = PropertiesBox::new();
                // libpipewire takes an absolute path here as the socket itself.
                properties.insert("remote.name", path);
                Some(properties)
            }
        };
        let core = context
            .connect_rc(properties)
            .map_err(|_| AudioError::NotRunning)?;
        let shared = Rc::new(RefCell::new(Shared {
            wake: wake.clone(),
            ..Shared::default()
        }));
        let objects: Objects = Rc::default();
        let core_listener = core
            .add_listener_local()
            .done({
                let shared = Rc::clone(&shared);
                move |_id, seq| {
                    let mut shared = shared.borrow_mut();
                    shared.done.push(seq.seq());
                    shared.wake.wake();
                }
            })
            .error({
                let shared = Rc::clone(&shared);
                move |id, _seq, res, message| {
                    let mut shared = shared.borrow_mut();
                    shared.wake.wake();
                    if id == pw::core::PW_ID_CORE {
                        // On the core: the connection is gone (EPIPE when
                        // PipeWire exits), or a request named an object
                        // that had just gone ("unknown resource" for the
                        // destroy of a proxy whose global was removed while
                        // it was being bound), which changes nothing.
                        if from_pipewire(res, message) == AudioError::NotRunning {
                            tracing::debug!(res, message, "PipeWire connection lost");
                            shared.lost.get_or_insert(AudioError::NotRunning);
                        } else {
                            tracing::debug!(res, message, "PipeWire reported an error on the core");
                        }
                    } else {
                        shared.errors.push(ProxyError {
                            proxy: id,
                            res,
                            message: message.to_owned(),
                        });
                    }
                }
            })
            .register();
        let registry = core.get_registry_rc().map_err(|_| AudioError::NotRunning)?;
        let registry_listener = registry
            .add_listener_local()
            .global({
                let registry = registry.downgrade();
                let shared = Rc::clone(&shared);
                let objects = Rc::clone(&objects);
                move |global| {
                    if let Some(registry) = registry.upgrade() {
                        on_global(&registry, &shared, &objects, global);
                    }
                    shared.borrow().wake.wake();
                }
            })
            .global_remove({
                let shared = Rc::clone(&shared);
                let objects = Rc::clone(&objects);
                move |id| {
                    tracing::trace!(id, "global removed");
                    // At once: PipeWire reuses ids, and the next event of the
                    // same burst may announce a new object with this one.
                    let bound = objects.borrow_mut().remove(&id);
                    drop(bound);
                    let mut shared = shared.borrow_mut();
                    // A client leaving may have changed the metadata (and
                    // stopped its announcements, see `Refresh`); an output or
                    // input leaving makes WirePlumber pick defaults again.
                    if (shared.graph.clients.contains_key(&id) && shared.refresh_after_client(id))
                        || shared.graph.nodes.get(&id).is_some_and(|node| {
                            matches!(node_kind(&node.props), NodeKind::Endpoint { .. })
                        })
                    {
                        shared.refresh_wanted = true;
                    }
                    if shared.graph.default_metadata == Some(id) {
                        shared.default_global = None;
                        shared.exporter_pid = None;
                    }
                    shared.graph.remove(id);
                    shared.removed.push(id);
                    shared.touch();
                }
            })
            .register();
        let seq = core.sync(0).map_err(|_| AudioError::NotRunning)?;
        Ok(Self {
            retired: Retirement::default(),
            meters: HashMap::new(),
            tones: HashMap::new(),
            refresh: None,
            refresh_rounds: 0,
            objects,
            _registry_listener: registry_listener,
            _core_listener: core_listener,
            registry,
            core,
            shared,
            stream_events: Rc::new(EventLog::new(wake.clone())),
            stage: Stage::Globals(seq.seq()),
            started: Instant::now(),
            slow_reported: false,
            pending: Vec::new(),
        })
    }

    fn is_ready(&self) -> bool {
        self.stage == Stage::Ready
    }

    /// The next time something is due: a snapshot to show, the connection's
    /// bound, a tone's bound.
    fn deadline(&self) -> Option<Instant> {
        let mut deadlines: Vec<Instant> = self.tones.values().map(|tone| tone.deadline).collect();
        if self.is_ready() {
            if let Some((first, last)) = self.shared.borrow().dirty {
                deadlines.push((last + QUIET).min(first + BURST_MAX));
            }
        } else if !self.slow_reported {
            deadlines.push(self.started + CONNECT_TIMEOUT);
        }
        deadlines.into_iter().min()
    }

    fn publish_due(&self, now: Instant) -> bool {
        self.shared
            .borrow()
            .dirty
            .is_some_and(|(first, last)| now >= (last + QUIET).min(first + BURST_MAX))
    }

    fn take_snapshot(&self) -> Snapshot {
        let mut shared = self.shared.borrow_mut();
        shared.dirty = None;
        shared.graph.snapshot()
    }

    /// Acts on what the callbacks recorded.
    fn after_iteration(&mut self, now: Instant) -> Progress {
        let (lost, done, errors, removed) = {
            let mut shared = self.shared.borrow_mut();
            (
                shared.lost.take(),
                std::mem::take(&mut shared.done),
                std::mem::take(&mut shared.errors),
                std::mem::take(&mut shared.removed),
            )
        };
        if let Some(error) = lost {
            return Progress::Lost(error);
        }
        for error in errors {
            tracing::debug!(?error, "PipeWire reported an error");
            for pending in &mut self.pending {
                if pending.failure.is_none() && pending.proxies.contains(&error.proxy) {
                    pending.failure = Some(from_pipewire(error.res, &error.message));
                }
            }
        }
        for id in removed {
            let meters: Vec<u64> = self
                .meters
                .iter()
                .filter(|(_, meter)| meter.node == id)
                .map(|(&meter, _)| meter)
                .collect();
            for meter in meters {
                if let Some(failed) = self.take_meter(meter) {
                    let _ = failed.send(AudioError::NoSuchNode(NodeId(id)));
                }
            }
            let tones: Vec<u64> = self
                .tones
                .iter()
                .filter(|(_, tone)| tone.output == id)
                .map(|(&tone, _)| tone)
                .collect();
            for tone in tones {
                if let Some(reply) = self.take_tone(tone) {
                    let _ = reply.send(Err(AudioError::NoSuchNode(NodeId(id))));
                }
            }
        }
        let events = self.stream_events.take();
        for event in events {
            match event {
                StreamEvent::Failed { id, failure } => {
                    if let Some(failed) = self.take_meter(id) {
                        let _ = failed.send(AudioError::StreamFailed(failure));
                    } else if let Some(reply) = self.take_tone(id) {
                        let _ = reply.send(Err(AudioError::StreamFailed(failure)));
                    }
                }
                StreamEvent::Drained { id } => {
                    if let Some(reply) = self.take_tone(id) {
                        let _ = reply.send(Ok(()));
                    }
                }
            }
        }
        let late: Vec<u64> = self
            .tones
            .iter()
            .filter(|(_, tone)| now >= tone.deadline)
            .map(|(&id, _)| id)
            .collect();
        for id in late {
            if let Some(reply) = self.take_tone(id) {
                let _ = reply.send(Err(AudioError::StreamFailed(PipeWireFailure::new(
                    None,
                    "the test tone was not played",
                ))));
            }
        }
        let mut progress = Progress::Going;
        for seq in done {
            match self.stage {
                Stage::Globals(expected) if expected == seq => match self.core.sync(0) {
                    Ok(next) => self.stage = Stage::Info(next.seq()),
                    Err(_) => return Progress::Lost(AudioError::NotRunning),
                },
                Stage::Info(expected) if expected == seq => {
                    self.stage = Stage::Ready;
                    progress = Progress::Ready;
                }
                _ => {}
            }
            if self
                .refresh
                .as_ref()
                .is_some_and(|refresh| refresh.seq == seq)
            {
                self.finish_refresh();
            }
            if let Some(index) = self.pending.iter().position(|pending| pending.seq == seq) {
                let pending = self.pending.swap_remove(index);
                if pending.refresh {
                    self.shared.borrow_mut().refresh_wanted = true;
                }
                let result = match pending.failure {
                    Some(error) => Err(error),
                    None => Ok(()),
                };
                let _ = pending.reply.send(result);
            }
        }
        if self.is_ready() && self.refresh.is_none() {
            self.start_refresh();
        }
        progress
    }

    /// Binds the `default` metadata anew to read it again, if wanted.
    fn start_refresh(&mut self) {
        let global = {
            let mut shared = self.shared.borrow_mut();
            if !std::mem::take(&mut shared.refresh_wanted) {
                return;
            }
            match &shared.default_global {
                Some(global) => global.to_owned(),
                None => return,
            }
        };
        let Ok(proxy) = self.registry.bind::<Metadata, _>(&global) else {
            return;
        };
        let copy: MetadataCopy = Rc::new(RefCell::new(Some(Graph::default())));
        let listener = listen_to_metadata(&proxy, global.id, &self.shared, &copy);
        match self.core.sync(0) {
            Ok(seq) => {
                tracing::trace!(id = global.id, "reading the default metadata again");
                self.refresh = Some(Refresh {
                    _listener: listener,
                    proxy,
                    global: global.id,
                    copy,
                    seq: seq.seq(),
                });
            }
            Err(_) => {
                // The connection is going; its loss is reported by the core.
                drop(listener);
            }
        }
    }

    /// The fresh binding has heard everything: its copy replaces what the
    /// graph has, and it becomes the live binding.
    fn finish_refresh(&mut self) {
        let Some(refresh) = self.refresh.take() else {
            return;
        };
        let copy = refresh.copy.borrow_mut().take().unwrap_or_default();
        {
            let mut shared = self.shared.borrow_mut();
            if shared.graph.default_metadata != Some(refresh.global) {
                return;
            }
            if shared.graph.defaults != copy.defaults || shared.graph.targets != copy.targets {
                tracing::debug!("the default metadata had changes not announced to us");
                shared.graph.defaults = copy.defaults;
                shared.graph.targets = copy.targets;
                shared.touch();
            }
            if shared.graph.default_is_settling() && self.refresh_rounds < REFRESH_ROUNDS {
                self.refresh_rounds += 1;
                shared.refresh_wanted = true;
            } else {
                self.refresh_rounds = 0;
            }
        }
        // The old binding goes (it was settled long ago).
        self.objects.borrow_mut().insert(
            refresh.global,
            Bound::Metadata {
                _listener: refresh._listener,
                proxy: refresh.proxy,
            },
        );
    }

    /// Ends a meter: its stream is disconnected and retired; returns where
    /// to say why.
    fn take_meter(&mut self, id: u64) -> Option<oneshot::Sender<AudioError>> {
        let meter = self.meters.remove(&id)?;
        meter.stream.disconnect();
        self.retired.push(Retired::Meter(meter.stream));
        Some(meter.failed)
    }

    /// Ends a tone: its stream is disconnected and retired; returns where to
    /// answer.
    fn take_tone(&mut self, id: u64) -> Option<oneshot::Sender<Result<(), AudioError>>> {
        let tone = self.tones.remove(&id)?;
        tone.stream.disconnect();
        self.retired.push(Retired::Tone(tone.stream));
        Some(tone.reply)
    }

    /// Answers everything under way: the connection is gone (or closed).
    /// Returns our streams, disconnected, to be dropped over the next steps
    /// (they keep the core they need alive); the rest of the connection goes
    /// now.
    fn fail_all(self, error: &AudioError) -> Retirement {
        let Self {
            mut retired,
            meters,
            tones,
            pending,
            ..
        } = self;
        for (_, meter) in meters {
            let _ = meter.failed.send(error.clone());
            meter.stream.disconnect();
            retired.push(Retired::Meter(meter.stream));
        }
        for (_, tone) in tones {
            let _ = tone.reply.send(Err(error.clone()));
            tone.stream.disconnect();
            retired.push(Retired::Tone(tone.stream));
        }
        for pending in pending {
            let _ = pending.reply.send(Err(error.clone()));
        }
        retired
    }

    /// Carries out a request on a ready connection.
    fn execute(&mut self, request: Request) {
        match request {
            Request::Command {
                command: Action::TestSpeakers { output },
                reply,
            } => match self.start_tone(output) {
                Ok((id, stream, duration)) => {
                    self.tones.insert(
                        id,
                        Tone {
                            stream,
                            output: output.0,
                            reply,
                            deadline: Instant::now() + duration + TONE_GRACE,
                        },
                    );
                }
                Err(error) => {
                    let _ = reply.send(Err(error));
                }
            },
            Request::Command { command, reply } => {
                let refresh = matches!(
                    command,
                    Action::SetDefault { .. } | Action::MoveStream { .. }
                );
                self.command(command, refresh, reply);
            }
            Request::StartMeter {
                id,
                node,
                peaks,
                failed,
            } => match self.start_meter(id, node, peaks) {
                Ok(stream) => {
                    self.meters.insert(
                        id,
                        Meter {
                            stream,
                            node: node.0,
                            failed,
                        },
                    );
                }
                Err(error) => {
                    let _ = failed.send(error);
                }
            },
            Request::Quit | Request::StopMeter { .. } => {}
        }
    }

    /// Sends a command and a sync after it; the sync's `done` answers.
    fn command(
        &mut self,
        command: Action,
        refresh: bool,
        reply: oneshot::Sender<Result<(), AudioError>>,
    ) {
        tracing::trace!(?command, "command");
        let sent = self.send_command(command).and_then(|proxies| {
            self.core
                .sync(0)
                .map(|seq| (proxies, seq.seq()))
                .map_err(|_| AudioError::NotRunning)
        });
        match sent {
            Ok((proxies, seq)) => self.pending.push(Pending {
                seq,
                refresh,
                proxies,
                reply,
                failure: None,
            }),
            Err(error) => {
                let _ = reply.send(Err(error));
            }
        }
    }

    /// Sends a command's requests; returns the local ids of the proxies used.
    fn send_command(&self, command: Action) -> Result<Vec<u32>, AudioError> {
        match command {
            Action::SetDefault { direction, node } => self.set_default(direction, node),
            Action::SetVolume {
                node,
                change,
                limit,
            } => self.set_volume(node, change, limit),
            Action::SetMute { node, mute } => {
                let route = self.checked_volume_node(node)?.2;
                self.apply_props(node, route, &PropsChange::Mute(mute))
            }
            Action::MoveStream { stream, target } => self.move_stream(stream, target),
            Action::SetProfile { device, profile } => self.set_profile(device, profile),
            Action::SetPort { node, port } => self.set_port(node, port),
            // Started by `execute`: it answers when the tone has played.
            Action::TestSpeakers { output } => Err(AudioError::Unsuitable {
                node: output,
                expected: Expected::Endpoint(Direction::Output),
            }),
        }
    }

    /// The session manager's `default` metadata: (global id, proxy id).
    fn with_metadata<T>(&self, act: impl FnOnce(&Metadata) -> T) -> Result<(T, u32), AudioError> {
        let id = self
            .shared
            .borrow()
            .graph
            .default_metadata
            .ok_or(AudioError::NoSessionManager)?;
        let objects = self.objects.borrow();
        let Some(Bound::Metadata { proxy, .. }) = objects.get(&id) else {
            return Err(AudioError::NoSessionManager);
        };
        Ok((act(proxy), proxy.upcast_ref().id()))
    }

    /// A node's entry, checked to be of the wanted kind.
    fn node_checked(&self, node: NodeId, expected: Expected) -> Result<NodeEntry, AudioError> {
        let shared = self.shared.borrow();
        let entry = shared
            .graph
            .nodes
            .get(&node.0)
            .ok_or(AudioError::NoSuchNode(node))?;
        let fits = match (node_kind(&entry.props), expected) {
            (NodeKind::Endpoint { output, .. }, Expected::Endpoint(Direction::Output)) => output,
            (NodeKind::Endpoint { input, .. }, Expected::Endpoint(Direction::Input)) => input,
            (NodeKind::Stream(_), Expected::Stream) => true,
            _ => false,
        };
        if fits {
            Ok(entry.clone())
        } else {
            Err(AudioError::Unsuitable { node, expected })
        }
    }

    fn set_default(&self, direction: Direction, node: NodeId) -> Result<Vec<u32>, AudioError> {
        let entry = self.node_checked(node, Expected::Endpoint(direction))?;
        let name = entry
            .props
            .get("node.name")
            .filter(|name| !name.is_empty())
            .ok_or(AudioError::NoSuchNode(node))?;
        let value = default_value(name);
        let ((), proxy) = self.with_metadata(|metadata| {
            metadata.set_property(
                0,
                direction.configured_key(),
                Some("Spa:String:JSON"),
                Some(&value),
            );
        })?;
        Ok(vec![proxy])
    }

    /// A node with a volume: its channel volumes, channel map and the device
    /// route its volume lives on, if any.
    #[allow(clippy::type_complexity)]
    fn checked_volume_node(
        &self,
        node: NodeId,
    ) -> Result<(Option<Vec<f32>>, Vec<Channel>, Option<(u32, i32, i32)>), AudioError> {
        let shared = self.shared.borrow();
        let entry = shared
            .graph
            .nodes
            .get(&node.0)
            .ok_or(AudioError::NoSuchNode(node))?;
        if node_kind(&entry.props) == NodeKind::Other {
            return Err(AudioError::NoVolume(node));
        }
        let route = shared
            .graph
            .route_of(node.0)
            .map(|(device, route)| (device, route.index, route.device));
        Ok((
            entry.volume.channel_volumes.clone(),
            entry.volume.channel_map.clone().unwrap_or_default(),
            route,
        ))
    }

    fn set_volume(
        &self,
        node: NodeId,
        change: VolumeChange,
        limit: VolumeLimit,
    ) -> Result<Vec<u32>, AudioError> {
        let (current, map, route) = self.checked_volume_node(node)?;
        let current = ChannelVolumes::from_linear(current.ok_or(AudioError::NoVolume(node))?);
        let volumes = match change {
            VolumeChange::Channels(volumes) => volumes,
            VolumeChange::Master(slider) => {
                if !slider.is_finite() || slider < 0.0 {
                    return Err(super::volume::InvalidVolume::NotANumber(slider).into());
                }
                current.with_master(slider)
            }
            VolumeChange::Balance(balance) => current.with_balance(&map, balance)?,
        };
        volumes.check(current.len(), limit)?;
        self.apply_props(
            node,
            route,
            &PropsChange::Volumes(volumes.linear().to_vec()),
        )
    }

    /// Sets volume or mute: on the device's route when the node's volume
    /// lives there (a sound card's port), else on the node's `Props`.
    fn apply_props(
        &self,
        node: NodeId,
        route: Option<(u32, i32, i32)>,
        change: &PropsChange,
    ) -> Result<Vec<u32>, AudioError> {
        let objects = self.objects.borrow();
        if let Some((device, index, profile_device)) = route {
            let Some(Bound::Device { proxy, .. }) = objects.get(&device) else {
                return Err(AudioError::NoSuchNode(node));
            };
            let bytes = pods::route(index, profile_device, change)?;
            let pod = Pod::from_bytes(&bytes).ok_or(AudioError::Local(LocalFailure::Parameter))?;
            proxy.set_param(ParamType::Route, 0, pod);
            return Ok(vec![proxy.upcast_ref().id()]);
        }
        let Some(Bound::Node { proxy, .. }) = objects.get(&node.0) else {
            return Err(AudioError::NoSuchNode(node));
        };
        let bytes = pods::props(change)?;
        let pod = Pod::from_bytes(&bytes).ok_or(AudioError::Local(LocalFailure::Parameter))?;
        proxy.set_param(ParamType::Props, 0, pod);
        Ok(vec![proxy.upcast_ref().id()])
    }

    fn move_stream(&self, stream: NodeId, target: StreamTarget) -> Result<Vec<u32>, AudioError> {
        let entry = self.node_checked(stream, Expected::Stream)?;
        let NodeKind::Stream(direction) = node_kind(&entry.props) else {
            return Err(AudioError::Unsuitable {
                node: stream,
                expected: Expected::Stream,
            });
        };
        let (object, node) = match target {
            StreamTarget::FollowDefault => ("-1".to_owned(), "-1".to_owned()),
            StreamTarget::Node(target) => {
                let entry = self.node_checked(target, Expected::Endpoint(direction.endpoint()))?;
                let serial = entry
                    .props
                    .get("object.serial")
                    .filter(|serial| serial.parse::<u64>().is_ok())
                    .cloned()
                    .unwrap_or_else(|| target.0.to_string());
                (serial, target.0.to_string())
            }
        };
        // `target.object` (a serial) is what WirePlumber 0.4.11+ and 0.5
        // read first; `target.node` (an id) is for older readers, as
        // pipewire-pulse sets both.
        let ((), proxy) = self.with_metadata(|metadata| {
            metadata.set_property(stream.0, "target.object", Some("Spa:Id"), Some(&object));
            metadata.set_property(stream.0, "target.node", Some("Spa:Id"), Some(&node));
        })?;
        Ok(vec![proxy])
    }

    fn set_profile(&self, device: DeviceId, profile: u32) -> Result<Vec<u32>, AudioError> {
        {
            let shared = self.shared.borrow();
            let entry: &DeviceEntry = shared
                .graph
                .devices
                .get(&device.0)
                .ok_or(AudioError::NoSuchDevice(device))?;
            if !entry.profiles.contains_key(&profile) {
                return Err(AudioError::NoSuchProfile { device, profile });
            }
        }
        let objects = self.objects.borrow();
        let Some(Bound::Device { proxy, .. }) = objects.get(&device.0) else {
            return Err(AudioError::NoSuchDevice(device));
        };
        let bytes = pods::profile(profile)?;
        let pod = Pod::from_bytes(&bytes).ok_or(AudioError::Local(LocalFailure::Parameter))?;
        proxy.set_param(ParamType::Profile, 0, pod);
        Ok(vec![proxy.upcast_ref().id()])
    }

    fn set_port(&self, node: NodeId, port: u32) -> Result<Vec<u32>, AudioError> {
        let kind = {
            let shared = self.shared.borrow();
            let entry = shared
                .graph
                .nodes
                .get(&node.0)
                .ok_or(AudioError::NoSuchNode(node))?;
            node_kind(&entry.props)
        };
        if let NodeKind::Stream(direction) = kind {
            return Err(AudioError::Unsuitable {
                node,
                expected: Expected::Endpoint(direction.endpoint()),
            });
        }
        let (device, profile_device) = self
            .shared
            .borrow()
            .graph
            .port_of(node.0, port)
            .ok_or_else(|| {
                AudioError::Refused(PipeWireFailure::new(
                    None,
                    format!("{node} has no port {port}"),
                ))
            })?;
        let objects = self.objects.borrow();
        let Some(Bound::Device { proxy, .. }) = objects.get(&device) else {
            return Err(AudioError::NoSuchNode(node));
        };
        let bytes = pods::select_route(port, profile_device)?;
        let pod = Pod::from_bytes(&bytes).ok_or(AudioError::Local(LocalFailure::Parameter))?;
        proxy.set_param(ParamType::Route, 0, pod);
        Ok(vec![proxy.upcast_ref().id()])
    }

    /// Where a stream of ours on `node` goes, and with which channels.
    fn spot(&self, node: NodeId, expected: Option<Direction>) -> Result<StreamSpot, AudioError> {
        let entry = match expected {
            Some(direction) => self.node_checked(node, Expected::Endpoint(direction))?,
            None => self
                .node_checked(node, Expected::Endpoint(Direction::Output))
                .or_else(|_| self.node_checked(node, Expected::Endpoint(Direction::Input)))?,
        };
        let NodeKind::Endpoint { input, .. } = node_kind(&entry.props) else {
            return Err(AudioError::NoSuchNode(node));
        };
        let channels = entry
            .volume
            .channel_map
            .clone()
            .filter(|map| !map.is_empty() && map.len() <= 64)
            .or_else(|| {
                entry
                    .props
                    .get("audio.position")
                    .and_then(|p| parse_position(p))
            })
            .unwrap_or_else(|| vec![Channel::FrontLeft, Channel::FrontRight]);
        let target = entry
            .props
            .get("object.serial")
            .filter(|serial| serial.parse::<u64>().is_ok())
            .or_else(|| entry.props.get("node.name"))
            .cloned()
            .unwrap_or_else(|| node.0.to_string());
        Ok(StreamSpot {
            target,
            // A sink is captured through its monitor; a source (or the
            // source side of a duplex node) directly.
            capture_sink: !input,
            channels,
        })
    }

    fn start_tone(&self, output: NodeId) -> Result<(u64, ToneStream, Duration), AudioError> {
        let spot = self.spot(output, Some(Direction::Output))?;
        if self.shared.borrow().graph.default_metadata.is_none() {
            // Nothing would link the stream.
            return Err(AudioError::NoSessionManager);
        }
        let id = next_id();
        let (stream, duration) =
            ToneStream::start(&self.core, id, &spot, Rc::clone(&self.stream_events))?;
        Ok((id, stream, duration))
    }

    fn start_meter(
        &self,
        id: u64,
        node: NodeId,
        peaks: mpsc::Sender<Peaks>,
    ) -> Result<MeterStream, AudioError> {
        let spot = self.spot(node, None)?;
        if self.shared.borrow().graph.default_metadata.is_none() {
            return Err(AudioError::NoSessionManager);
        }
        MeterStream::start(&self.core, id, &spot, peaks, Rc::clone(&self.stream_events))
    }
}

/// A node's state from its info (read raw: pipewire-rs panics on a value
/// it does not know).
fn node_state(raw: pw::sys::pw_node_state) -> NodeState {
    match raw {
        pw::sys::pw_node_state_PW_NODE_STATE_RUNNING => NodeState::Running,
        pw::sys::pw_node_state_PW_NODE_STATE_IDLE => NodeState::Idle,
        pw::sys::pw_node_state_PW_NODE_STATE_SUSPENDED => NodeState::Suspended,
        pw::sys::pw_node_state_PW_NODE_STATE_CREATING => NodeState::Creating,
        pw::sys::pw_node_state_PW_NODE_STATE_ERROR => NodeState::Error,
        _ => NodeState::Unknown,
    }
}

/// `audio.position` as a list: `[ FL FR ]` or `FL,FR`.
fn parse_position(text: &str) -> Option<Vec<Channel>> {
    let channels: Vec<Channel> = text
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split([',', ' '])
        .filter(|word| !word.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    (!channels.is_empty() && channels.len() <= 64).then_some(channels)
}

fn props_of(dict: &DictRef) -> Props {
    dict.iter()
        .map(|(key, value)| (key.to_owned(), value.to_owned()))
        .collect()
}

/// Follows a binding of the `default` metadata (global `id`): its properties
/// go to `copy` while that holds a graph, else into the graph.
fn listen_to_metadata(
    proxy: &Metadata,
    id: u32,
    shared: &Rc<RefCell<Shared>>,
    copy: &MetadataCopy,
) -> MetadataListener {
    let shared = Rc::clone(shared);
    let copy = Rc::clone(copy);
    proxy
        .add_listener_local()
        .property(move |subject, key, _type, value| {
            tracing::trace!(id, subject, key, value, "default metadata");
            if let Some(copy) = copy.borrow_mut().as_mut() {
                copy.set_metadata(subject, key, value);
                return 0;
            }
            let mut shared = shared.borrow_mut();
            if shared.graph.default_metadata == Some(id) {
                shared.graph.set_metadata(subject, key, value);
                shared.touch();
            }
            0
        })
        .register()
}

/// A new global: bind the objects the snapshot needs and follow them.
fn on_global(
    registry: &RegistryRc,
    shared: &Rc<RefCell<Shared>>,
    objects: &Objects,
    global: &GlobalObject<&DictRef>,
) {
    let props = global.props.map(props_of).unwrap_or_default();
    let id = global.id;
    tracing::trace!(id, kind = ?global.type_, "global");
    match global.type_ {
        ObjectType::Node if node_kind(&props) != NodeKind::Other => {
            let Ok(proxy) = registry.bind::<Node, _>(global) else {
                tracing::debug!(id, "could not bind a node");
                return;
            };
            let listener = proxy
                .add_listener_local()
                .info({
                    let shared = Rc::clone(shared);
                    move |info| {
                        let mut shared = shared.borrow_mut();
                        if info.change_mask().contains(NodeChangeMask::STATE) {
                            let state = node_state(info.as_raw().state);
                            let entry = shared.graph.nodes.entry(id).or_default();
                            if entry.state != state {
                                entry.state = state;
                                // Only streams show theirs.
                                if matches!(node_kind(&entry.props), NodeKind::Stream(_)) {
                                    shared.touch();
                                }
                            }
                        }
                        // Properties come only when they changed (else empty).
                        if !info.change_mask().contains(NodeChangeMask::PROPS) {
                            return;
                        }
                        if let Some(dict) = info.props() {
                            shared.graph.nodes.entry(id).or_default().props = props_of(dict);
                            shared.touch();
                        }
                    }
                })
                .param({
                    let shared = Rc::clone(shared);
                    move |_seq, kind, _index, _next, param| {
                        if kind != ParamType::Props {
                            return;
                        }
                        let parsed = param
                            .and_then(|pod| pods::value_of(pod.as_bytes()))
                            .and_then(|value| pods::parse_props(&value));
                        if let Some(parsed) = parsed {
                            let mut shared = shared.borrow_mut();
                            shared
                                .graph
                                .nodes
                                .entry(id)
                                .or_default()
                                .volume
                                .merge(parsed);
                            shared.touch();
                        }
                    }
                })
                .register();
            proxy.subscribe_params(&[ParamType::Props]);
            {
                let mut shared = shared.borrow_mut();
                if matches!(node_kind(&props), NodeKind::Endpoint { .. }) {
                    shared.refresh_wanted = true;
                }
                shared.graph.nodes.insert(
                    id,
                    NodeEntry {
                        props,
                        ..NodeEntry::default()
                    },
                );
                shared.touch();
            }
            objects.borrow_mut().insert(
                id,
                Bound::Node {
                    _listener: listener,
                    proxy,
                },
            );
        }
        ObjectType::Device
            if props.get("media.class").map(String::as_str) == Some("Audio/Device") =>
        {
            let Ok(proxy) = registry.bind::<Device, _>(global) else {
                tracing::debug!(id, "could not bind a device");
                return;
            };
            let listener = proxy
                .add_listener_local()
                .info({
                    let shared = Rc::clone(shared);
                    move |info| {
                        if !info.change_mask().contains(DeviceChangeMask::PROPS) {
                            return;
                        }
                        if let Some(dict) = info.props() {
                            let mut shared = shared.borrow_mut();
                            shared.graph.devices.entry(id).or_default().props = props_of(dict);
                            shared.touch();
                        }
                    }
                })
                .param({
                    let shared = Rc::clone(shared);
                    move |_seq, kind, _index, _next, param| {
                        let Some(value) = param.and_then(|pod| pods::value_of(pod.as_bytes()))
                        else {
                            return;
                        };
                        let mut shared = shared.borrow_mut();
                        let device = shared.graph.devices.entry(id).or_default();
                        // Entries are replaced by their own index: a device
                        // enumerates all of them again after a change.
                        if kind == ParamType::EnumProfile {
                            if let Some(profile) = pods::parse_profile(&value) {
                                device.profiles.insert(profile.index, profile);
                            }
                        } else if kind == ParamType::Profile {
                            if let Some(profile) = pods::parse_profile(&value) {
                                device.active_profile = Some(profile.index);
                            }
                        } else if kind == ParamType::Route {
                            if let Some(route) = pods::parse_route(&value) {
                                device.routes.insert(route.device, route);
                            }
                        } else if kind == ParamType::EnumRoute {
                            if let Some(port) = pods::parse_enum_route(&value) {
                                device.ports.insert(port.index, port);
                            }
                        } else {
                            return;
                        }
                        shared.touch();
                    }
                })
                .register();
            proxy.subscribe_params(&[
                ParamType::EnumProfile,
                ParamType::Profile,
                ParamType::EnumRoute,
                ParamType::Route,
            ]);
            {
                let mut shared = shared.borrow_mut();
                shared.graph.devices.insert(
                    id,
                    DeviceEntry {
                        props,
                        ..DeviceEntry::default()
                    },
                );
                shared.touch();
            }
            objects.borrow_mut().insert(
                id,
                Bound::Device {
                    _listener: listener,
                    proxy,
                },
            );
        }
        ObjectType::Client => {
            let Ok(proxy) = registry.bind::<Client, _>(global) else {
                return;
            };
            let listener = proxy
                .add_listener_local()
                .info({
                    let shared = Rc::clone(shared);
                    move |info| {
                        if !info.change_mask().contains(ClientChangeMask::PROPS) {
                            return;
                        }
                        if let Some(dict) = info.props() {
                            let mut shared = shared.borrow_mut();
                            shared.graph.clients.insert(id, props_of(dict));
                            shared.touch();
                        }
                    }
                })
                .register();
            shared.borrow_mut().graph.clients.insert(id, props);
            objects.borrow_mut().insert(
                id,
                Bound::Client {
                    _listener: listener,
                    _proxy: proxy,
                },
            );
        }
        ObjectType::Link => {
            let node = |key: &str| props.get(key).and_then(|id| id.parse::<u32>().ok());
            if let (Some(output_node), Some(input_node)) =
                (node("link.output.node"), node("link.input.node"))
            {
                let mut shared = shared.borrow_mut();
                shared.graph.links.insert(
                    id,
                    LinkEntry {
                        output_node,
                        input_node,
                    },
                );
                shared.touch();
            }
        }
        ObjectType::Metadata
            if props.get("metadata.name").map(String::as_str) == Some("default") =>
        {
            let Ok(proxy) = registry.bind::<Metadata, _>(global) else {
                return;
            };
            let live: MetadataCopy = Rc::new(RefCell::new(None));
            let listener = listen_to_metadata(&proxy, id, shared, &live);
            {
                let mut shared = shared.borrow_mut();
                // A new session manager: its own defaults replace any left.
                shared.graph.default_metadata = Some(id);
                shared.graph.defaults.clear();
                shared.graph.targets.clear();
                shared.default_global = Some(global.to_owned());
                shared.exporter_pid = props
                    .get("client.id")
                    .and_then(|client| client.parse::<u32>().ok())
                    .and_then(|client| shared.graph.clients.get(&client))
                    .and_then(|client| client.get("pipewire.sec.pid"))
                    .cloned();
                shared.touch();
            }
            tracing::trace!(id, "bound the default metadata");
            objects.borrow_mut().insert(
                id,
                Bound::Metadata {
                    _listener: listener,
                    proxy,
                },
            );
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_grow_to_a_ceiling() {
        let delays: Vec<u128> = (1..=7).map(|n| retry_delay(n).as_millis()).collect();
        assert_eq!(delays, [250, 500, 1000, 2000, 4000, 5000, 5000]);
    }

    #[test]
    fn node_states_read_raw() {
        assert_eq!(
            node_state(pw::sys::pw_node_state_PW_NODE_STATE_RUNNING),
            NodeState::Running
        );
        assert_eq!(
            node_state(pw::sys::pw_node_state_PW_NODE_STATE_IDLE),
            NodeState::Idle
        );
        assert_eq!(
            node_state(pw::sys::pw_node_state_PW_NODE_STATE_SUSPENDED),
            NodeState::Suspended
        );
        assert_eq!(
            node_state(pw::sys::pw_node_state_PW_NODE_STATE_ERROR),
            NodeState::Error
        );
        assert_eq!(node_state(77), NodeState::Unknown);
    }

    #[test]
    fn positions_parse() {
        assert_eq!(
            parse_position("[ FL FR ]"),
            Some(vec![Channel::FrontLeft, Channel::FrontRight])
        );
        assert_eq!(parse_position("MONO"), Some(vec![Channel::Mono]));
        assert_eq!(parse_position("FL,FR,LFE").map(|c| c.len()), Some(3));
        assert_eq!(parse_position("[ ]"), None);
        assert_eq!(parse_position("[ FL XX ]"), None);
    }
}
