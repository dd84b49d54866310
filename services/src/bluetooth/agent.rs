//! Our pairing agent: what BlueZ asks, how the page answers, and the
//! handling of every request (answer, refusal, cancel, timeout) without any
//! bluer type, so it is unit-tested here; `session.rs` only wires bluer's
//! callbacks to it.
//!
//! A request reaches the page as [`Update::Agent`](super::Update::Agent)
//! with an [`AgentReply`]; the page answers once with [`AgentReply::answer`].
//! Dropping every clone of the reply without answering cancels the request.
//! A request BlueZ cancels, or that nobody answers within
//! [`AGENT_TIMEOUT`], ends with
//! [`Update::AgentCanceled`](super::Update::AgentCanceled).

use std::fmt;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use zeroize::Zeroizing;

use super::types::{AdapterId, DeviceAddress};

/// How long a request waits for the person. BlueZ itself gives up after
/// 60 s (`REQUEST_TIMEOUT` in `src/agent.c`); answering "canceled" a little
/// earlier closes the dialog before BlueZ's answer would make it stale.
pub const AGENT_TIMEOUT: Duration = Duration::from_secs(55);

/// A legacy PIN code: 1–16 bytes of printable text (BlueZ's limits). Kept
/// out of `Debug` and zeroized on drop.
#[derive(Clone, PartialEq, Eq)]
pub struct PinCode(Zeroizing<String>);

/// A passkey: 0–999999, shown and typed as six digits. Kept out of `Debug`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Passkey(u32);

/// What the person typed is not a valid PIN code or passkey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AgentInputError {
    /// A PIN code must not be empty.
    #[error("the PIN code is empty")]
    EmptyPin,
    /// A PIN code has at most 16 bytes.
    #[error("the PIN code is longer than 16 bytes")]
    PinTooLong,
    /// A PIN code is printable text.
    #[error("the PIN code contains a control character")]
    PinNotPrintable,
    /// A passkey is 1–6 digits.
    #[error("a passkey is one to six digits")]
    PasskeyNotDigits,
}

impl PinCode {
    /// The longest PIN code BlueZ accepts, in bytes.
    pub const MAX_BYTES: usize = 16;

    /// Checks a PIN code: 1–16 bytes, no control characters.
    pub fn parse(text: &str) -> Result<Self, AgentInputError> {
        if text.is_empty() {
            Err(AgentInputError::EmptyPin)
        } else if text.len() > Self::MAX_BYTES {
            Err(AgentInputError::PinTooLong)
        } else if text.chars().any(char::is_control) {
            Err(AgentInputError::PinNotPrintable)
        } else {
            Ok(Self(Zeroizing::new(text.to_owned())))
        }
    }

    /// The PIN code's text (to show it, or to hand it to BlueZ).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for PinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PinCode(<redacted>)")
    }
}

impl Passkey {
    /// The largest passkey (six digits).
    pub const MAX: u32 = 999_999;

    /// A passkey from its value, if it has at most six digits.
    pub fn new(value: u32) -> Option<Self> {
        (value <= Self::MAX).then_some(Self(value))
    }

    /// Checks typed text: 1–6 ASCII digits (surrounding spaces ignored).
    pub fn parse(text: &str) -> Result<Self, AgentInputError> {
        let text = text.trim();
        if text.is_empty() || text.len() > 6 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AgentInputError::PasskeyNotDigits);
        }
        text.parse()
            .ok()
            .and_then(Self::new)
            .ok_or(AgentInputError::PasskeyNotDigits)
    }

    /// The value.
    pub fn value(self) -> u32 {
        self.0
    }
}

impl fmt::Debug for Passkey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passkey(<redacted>)")
    }
}

/// A passkey as the person reads it: always six digits (`001234`).
pub fn passkey_digits(passkey: u32) -> String {
    format!("{passkey:06}")
}

/// What BlueZ asks during a pairing.
#[derive(Clone, PartialEq, Eq)]
pub enum AgentAsk {
    /// Type the device's PIN code (legacy pairing). Answer with
    /// [`AgentAnswer::PinCode`].
    PinCode,
    /// Type the passkey the device shows. Answer with
    /// [`AgentAnswer::Passkey`].
    Passkey,
    /// Show this PIN code; the person types it on the device. Nothing to
    /// answer; [`AgentAnswer::Reject`] cancels the pairing.
    DisplayPinCode(PinCode),
    /// Show this passkey; the person types it on the device (`entered` keys
    /// so far; a new request with the same passkey follows each key).
    /// Nothing to answer; [`AgentAnswer::Reject`] cancels the pairing.
    DisplayPasskey {
        /// The passkey (show with [`passkey_digits`]).
        passkey: u32,
        /// Digits typed on the device so far.
        entered: u16,
    },
    /// Does the device show this passkey too? [`AgentAnswer::Accept`] or
    /// [`AgentAnswer::Reject`].
    Confirm {
        /// The passkey (show with [`passkey_digits`]).
        passkey: u32,
    },
    /// May the device pair (no code involved)? Accept or reject.
    Authorize,
    /// May the device use this service? Accept or reject.
    AuthorizeService {
        /// The service's UUID.
        service: String,
    },
}

impl fmt::Debug for AgentAsk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::PinCode => f.write_str("PinCode"),
            Self::Passkey => f.write_str("Passkey"),
            Self::DisplayPinCode(_) => f.write_str("DisplayPinCode(<redacted>)"),
            Self::DisplayPasskey { entered, .. } => f
                .debug_struct("DisplayPasskey")
                .field("passkey", &"<redacted>")
                .field("entered", entered)
                .finish(),
            Self::Confirm { .. } => f
                .debug_struct("Confirm")
                .field("passkey", &"<redacted>")
                .finish(),
            Self::Authorize => f.write_str("Authorize"),
            Self::AuthorizeService { service } => f
                .debug_struct("AuthorizeService")
                .field("service", service)
                .finish(),
        }
    }
}

impl AgentAsk {
    /// Whether the ask only shows something (no answer expected).
    pub fn is_display(&self) -> bool {
        matches!(self, Self::DisplayPinCode(_) | Self::DisplayPasskey { .. })
    }
}

/// The person's answer to an [`AgentAsk`]. An answer of the wrong kind
/// (a passkey to a confirmation) is a refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgentAnswer {
    /// The PIN code typed, for [`AgentAsk::PinCode`].
    PinCode(PinCode),
    /// The passkey typed, for [`AgentAsk::Passkey`].
    Passkey(Passkey),
    /// Yes: for [`AgentAsk::Confirm`], [`AgentAsk::Authorize`] and
    /// [`AgentAsk::AuthorizeService`] (and closing a display).
    Accept,
    /// No (or Cancel): BlueZ hears "rejected"; on a display it cancels the
    /// pairing.
    Reject,
}

/// Where the page's answer goes. Clones share one answer: the first
/// [`answer`](AgentReply::answer) wins. Dropping every clone without
/// answering cancels the request. Equal when they belong to the same request.
#[derive(Clone)]
pub struct AgentReply {
    id: u64,
    slot: Arc<Mutex<Option<oneshot::Sender<AgentAnswer>>>>,
}

impl AgentReply {
    /// Answers the request. Returns `false` when it was already answered,
    /// canceled or timed out (the answer goes nowhere).
    pub fn answer(&self, answer: AgentAnswer) -> bool {
        let sender = match self.slot.lock() {
            Ok(mut slot) => slot.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        sender.is_some_and(|sender| sender.send(answer).is_ok())
    }

    /// The request this reply belongs to.
    pub fn id(&self) -> u64 {
        self.id
    }
}

impl fmt::Debug for AgentReply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AgentReply").field("id", &self.id).finish()
    }
}

impl PartialEq for AgentReply {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for AgentReply {}

/// One question from BlueZ to the person, with its reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentRequest {
    /// Unique in the process; [`Update::AgentCanceled`](super::Update::AgentCanceled) names it.
    pub id: u64,
    /// The adapter pairing.
    pub adapter: AdapterId,
    /// The device being paired.
    pub device: DeviceAddress,
    /// What BlueZ asks.
    pub ask: AgentAsk,
    /// Where the answer goes.
    pub reply: AgentReply,
}

/// The other end of an [`AgentReply`]: what the page answered.
#[derive(Debug)]
pub struct PendingAnswer(oneshot::Receiver<AgentAnswer>);

impl PendingAnswer {
    /// The answer, or `None` when every reply was dropped unanswered.
    pub async fn recv(self) -> Option<AgentAnswer> {
        self.0.await.ok()
    }

    /// The answer if one has been given, without waiting.
    pub fn try_recv(&mut self) -> Option<AgentAnswer> {
        self.0.try_recv().ok()
    }
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl AgentRequest {
    /// A request with a fresh id and the receiving end of its reply (the
    /// agent uses it; page tests build requests with it too).
    pub fn new(adapter: AdapterId, device: DeviceAddress, ask: AgentAsk) -> (Self, PendingAnswer) {
        let (sender, receiver) = oneshot::channel();
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        let request = Self {
            id,
            adapter,
            device,
            ask,
            reply: AgentReply {
                id,
                slot: Arc::new(Mutex::new(Some(sender))),
            },
        };
        (request, PendingAnswer(receiver))
    }
}

/// What the agent tells the watch stream.
#[derive(Debug)]
pub(crate) enum AgentEvent {
    /// Show this to the person.
    Request(AgentRequest),
    /// The request with this id is over unanswered.
    Canceled(u64),
}

/// How a request ended without a usable answer; BlueZ hears
/// `org.bluez.Error.Rejected` or `org.bluez.Error.Canceled`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// The person said no (or answered with the wrong kind).
    Rejected,
    /// Nobody answered: dropped, timed out, canceled, or no page listening.
    Canceled,
}

/// How a display ask ended on BlueZ's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DisplayEnd {
    /// BlueZ sent Cancel.
    Canceled,
    /// A newer request replaced this one (bluer keeps one cancel slot).
    Superseded,
}

/// Sends [`AgentEvent::Canceled`] when dropped armed: a request that ends
/// without the page's answer (BlueZ canceled it and bluer dropped our
/// future, or it timed out) closes its dialog.
struct CancelOnDrop {
    id: u64,
    events: mpsc::UnboundedSender<AgentEvent>,
    armed: bool,
}

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        if self.armed {
            // The stream may be gone already; then there is no dialog to close.
            let _ = self.events.send(AgentEvent::Canceled(self.id));
        }
    }
}

/// The agent's logic: turns BlueZ's requests into [`AgentEvent`]s and the
/// page's answers into results for BlueZ.
#[derive(Debug, Clone)]
pub(crate) struct AgentChannel {
    events: mpsc::UnboundedSender<AgentEvent>,
    timeout: Duration,
}

impl AgentChannel {
    pub(crate) fn new(events: mpsc::UnboundedSender<AgentEvent>, timeout: Duration) -> Self {
        Self { events, timeout }
    }

    /// Asks the person and waits for the answer (at most the timeout).
    async fn ask(
        &self,
        adapter: AdapterId,
        device: DeviceAddress,
        ask: AgentAsk,
    ) -> Result<AgentAnswer, Refusal> {
        let (request, pending) = AgentRequest::new(adapter, device, ask);
        let mut guard = CancelOnDrop {
            id: request.id,
            events: self.events.clone(),
            armed: true,
        };
        if self.events.send(AgentEvent::Request(request)).is_err() {
            // Nobody shows requests (the page is closing).
            guard.armed = false;
            return Err(Refusal::Canceled);
        }
        match tokio::time::timeout(self.timeout, pending.recv()).await {
            Ok(Some(answer)) => {
                guard.armed = false;
                Ok(answer)
            }
            // The page dropped the request: it knows already.
            Ok(None) => {
                guard.armed = false;
                Err(Refusal::Canceled)
            }
            // Timed out: the guard closes the dialog.
            Err(_) => Err(Refusal::Canceled),
        }
    }

    /// `RequestPinCode`.
    pub(crate) async fn request_pin_code(
        &self,
        adapter: AdapterId,
        device: DeviceAddress,
    ) -> Result<PinCode, Refusal> {
        match self.ask(adapter, device, AgentAsk::PinCode).await? {
            AgentAnswer::PinCode(pin) => Ok(pin),
            _ => Err(Refusal::Rejected),
        }
    }

    /// `RequestPasskey`.
    pub(crate) async fn request_passkey(
        &self,
        adapter: AdapterId,
        device: DeviceAddress,
    ) -> Result<Passkey, Refusal> {
        match self.ask(adapter, device, AgentAsk::Passkey).await? {
            AgentAnswer::Passkey(passkey) => Ok(passkey),
            _ => Err(Refusal::Rejected),
        }
    }

    /// `RequestConfirmation`, `RequestAuthorization` and `AuthorizeService`:
    /// only [`AgentAnswer::Accept`] accepts.
    pub(crate) async fn request_consent(
        &self,
        adapter: AdapterId,
        device: DeviceAddress,
        ask: AgentAsk,
    ) -> Result<(), Refusal> {
        match self.ask(adapter, device, ask).await? {
            AgentAnswer::Accept => Ok(()),
            _ => Err(Refusal::Rejected),
        }
    }

    /// `DisplayPinCode` and `DisplayPasskey`: BlueZ expects an answer at
    /// once, so this shows the request and returns; a task follows it until
    /// BlueZ cancels or replaces it (`ended`), the person rejects it (then
    /// `cancel_pairing` runs), or the timeout.
    pub(crate) fn display<E, C, CF>(
        &self,
        adapter: AdapterId,
        device: DeviceAddress,
        ask: AgentAsk,
        ended: E,
        cancel_pairing: C,
    ) where
        E: Future<Output = DisplayEnd> + Send + 'static,
        C: FnOnce(AdapterId, DeviceAddress) -> CF + Send + 'static,
        CF: Future<Output = ()> + Send + 'static,
    {
        let (request, pending) = AgentRequest::new(adapter.clone(), device, ask);
        let id = request.id;
        if self.events.send(AgentEvent::Request(request)).is_err() {
            return;
        }
        let events = self.events.clone();
        let timeout = self.timeout;
        tokio::spawn(async move {
            let close = tokio::select! {
                end = ended => {
                    tracing::debug!(id, ?end, "BlueZ ended a display request");
                    true
                }
                answer = pending.recv() => {
                    if answer == Some(AgentAnswer::Reject) {
                        cancel_pairing(adapter, device).await;
                    }
                    // The page closed its own dialog.
                    false
                }
                () = tokio::time::sleep(timeout) => true,
            };
            if close {
                let _ = events.send(AgentEvent::Canceled(id));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEVICE: DeviceAddress = DeviceAddress([0x00, 0x11, 0x22, 0x33, 0x44, 0x55]);

    fn hci0() -> AdapterId {
        AdapterId::new("hci0")
    }

    fn channel(timeout: Duration) -> (AgentChannel, mpsc::UnboundedReceiver<AgentEvent>) {
        let (sender, receiver) = mpsc::unbounded_channel();
        (AgentChannel::new(sender, timeout), receiver)
    }

    async fn next_request(events: &mut mpsc::UnboundedReceiver<AgentEvent>) -> AgentRequest {
        match events.recv().await {
            Some(AgentEvent::Request(request)) => request,
            other => panic!("expected a request, got {other:?}"),
        }
    }

    /// The page's side: waits for the request, checks it, answers.
    fn answer_with(
        mut events: mpsc::UnboundedReceiver<AgentEvent>,
        expected: AgentAsk,
        answer: Option<AgentAnswer>,
    ) -> tokio::task::JoinHandle<mpsc::UnboundedReceiver<AgentEvent>> {
        tokio::spawn(async move {
            let request = next_request(&mut events).await;
            assert_eq!(request.ask, expected);
            assert_eq!(request.device, DEVICE);
            assert_eq!(request.adapter, hci0());
            match answer {
                Some(answer) => assert!(request.reply.answer(answer)),
                None => drop(request),
            }
            events
        })
    }

    #[tokio::test]
    async fn every_ask_kind_is_answered() {
        let (agent, events) = channel(AGENT_TIMEOUT);
        let pin = PinCode::parse("0000").expect("pin");
        let page = answer_with(
            events,
            AgentAsk::PinCode,
            Some(AgentAnswer::PinCode(pin.clone())),
        );
        assert_eq!(agent.request_pin_code(hci0(), DEVICE).await, Ok(pin));
        let events = page.await.expect("page");

        let passkey = Passkey::new(123_456).expect("passkey");
        let page = answer_with(
            events,
            AgentAsk::Passkey,
            Some(AgentAnswer::Passkey(passkey)),
        );
        assert_eq!(agent.request_passkey(hci0(), DEVICE).await, Ok(passkey));
        let mut events = page.await.expect("page");

        for ask in [
            AgentAsk::Confirm { passkey: 42 },
            AgentAsk::Authorize,
            AgentAsk::AuthorizeService {
                service: "0000110b-0000-1000-8000-00805f9b34fb".into(),
            },
        ] {
            let page = answer_with(events, ask.clone(), Some(AgentAnswer::Accept));
            assert_eq!(agent.request_consent(hci0(), DEVICE, ask).await, Ok(()));
            events = page.await.expect("page");
        }
        // Nothing else was sent (no stray cancel).
        assert!(events.try_recv().is_err());
    }

    #[tokio::test]
    async fn every_ask_kind_can_be_rejected_and_a_wrong_answer_is_a_rejection() {
        let (agent, events) = channel(AGENT_TIMEOUT);
        let page = answer_with(events, AgentAsk::PinCode, Some(AgentAnswer::Reject));
        assert_eq!(
            agent.request_pin_code(hci0(), DEVICE).await,
            Err(Refusal::Rejected)
        );
        let events = page.await.expect("page");
        let page = answer_with(events, AgentAsk::Passkey, Some(AgentAnswer::Accept));
        assert_eq!(
            agent.request_passkey(hci0(), DEVICE).await,
            Err(Refusal::Rejected)
        );
        let mut events = page.await.expect("page");
        for ask in [
            AgentAsk::Confirm { passkey: 1 },
            AgentAsk::Authorize,
            AgentAsk::AuthorizeService {
                service: "x".into(),
            },
        ] {
            for answer in [
                AgentAnswer::Reject,
                AgentAnswer::Passkey(Passkey::new(1).expect("passkey")),
            ] {
                let page = answer_with(events, ask.clone(), Some(answer));
                assert_eq!(
                    agent.request_consent(hci0(), DEVICE, ask.clone()).await,
                    Err(Refusal::Rejected)
                );
                events = page.await.expect("page");
            }
        }
        assert!(events.try_recv().is_err());
    }

    #[tokio::test]
    async fn a_dropped_reply_cancels() {
        let (agent, events) = channel(AGENT_TIMEOUT);
        let page = answer_with(events, AgentAsk::Authorize, None);
        assert_eq!(
            agent
                .request_consent(hci0(), DEVICE, AgentAsk::Authorize)
                .await,
            Err(Refusal::Canceled)
        );
        let mut events = page.await.expect("page");
        // The page dropped it itself; no cancel event is needed.
        assert!(events.try_recv().is_err());
    }

    #[tokio::test(start_paused = true)]
    async fn an_unanswered_request_times_out_and_closes_its_dialog() {
        let (agent, mut events) = channel(AGENT_TIMEOUT);
        let asking = tokio::spawn({
            let agent = agent.clone();
            async move { agent.request_pin_code(hci0(), DEVICE).await }
        });
        let request = next_request(&mut events).await;
        // The page holds the request and never answers.
        assert_eq!(asking.await.expect("ask"), Err(Refusal::Canceled));
        match events.recv().await {
            Some(AgentEvent::Canceled(id)) => assert_eq!(id, request.id),
            other => panic!("expected the cancel, got {other:?}"),
        }
        // A late answer goes nowhere.
        assert!(!request.reply.answer(AgentAnswer::Reject));
    }

    #[tokio::test]
    async fn bluez_canceling_a_request_closes_its_dialog() {
        let (agent, mut events) = channel(AGENT_TIMEOUT);
        let asking = tokio::spawn({
            let agent = agent.clone();
            async move { agent.request_passkey(hci0(), DEVICE).await }
        });
        let request = next_request(&mut events).await;
        // bluer drops our future when BlueZ sends Cancel.
        asking.abort();
        assert!(asking.await.is_err_and(|error| error.is_cancelled()));
        match events.recv().await {
            Some(AgentEvent::Canceled(id)) => assert_eq!(id, request.id),
            other => panic!("expected the cancel, got {other:?}"),
        }
        assert!(!request.reply.answer(AgentAnswer::Reject));
    }

    #[tokio::test]
    async fn without_a_page_a_request_is_canceled_at_once() {
        let (agent, events) = channel(AGENT_TIMEOUT);
        drop(events);
        assert_eq!(
            agent.request_pin_code(hci0(), DEVICE).await,
            Err(Refusal::Canceled)
        );
    }

    #[tokio::test]
    async fn a_display_ends_when_bluez_cancels_or_replaces_it() {
        let (agent, mut events) = channel(AGENT_TIMEOUT);
        for end in [DisplayEnd::Canceled, DisplayEnd::Superseded] {
            let (end_tx, end_rx) = oneshot::channel::<DisplayEnd>();
            let ask = AgentAsk::DisplayPasskey {
                passkey: 12,
                entered: 0,
            };
            agent.display(
                hci0(),
                DEVICE,
                ask.clone(),
                async move { end_rx.await.unwrap_or(DisplayEnd::Superseded) },
                |_, _| async { panic!("nothing to cancel") },
            );
            let request = next_request(&mut events).await;
            assert_eq!(request.ask, ask);
            end_tx.send(end).expect("display task alive");
            match events.recv().await {
                Some(AgentEvent::Canceled(id)) => assert_eq!(id, request.id),
                other => panic!("expected the cancel, got {other:?}"),
            }
        }
    }

    #[tokio::test]
    async fn rejecting_a_display_cancels_the_pairing() {
        let (agent, mut events) = channel(AGENT_TIMEOUT);
        let (canceled_tx, canceled_rx) = oneshot::channel();
        let pin = PinCode::parse("123456").expect("pin");
        agent.display(
            hci0(),
            DEVICE,
            AgentAsk::DisplayPinCode(pin.clone()),
            std::future::pending(),
            move |adapter, device| async move {
                let _ = canceled_tx.send((adapter, device));
            },
        );
        let request = next_request(&mut events).await;
        assert_eq!(request.ask, AgentAsk::DisplayPinCode(pin));
        assert!(request.reply.answer(AgentAnswer::Reject));
        assert_eq!(canceled_rx.await.expect("canceled"), (hci0(), DEVICE));
    }

    #[tokio::test(start_paused = true)]
    async fn a_display_times_out() {
        let (agent, mut events) = channel(AGENT_TIMEOUT);
        agent.display(
            hci0(),
            DEVICE,
            AgentAsk::DisplayPasskey {
                passkey: 1,
                entered: 3,
            },
            std::future::pending(),
            |_, _| async { panic!("nothing to cancel") },
        );
        let request = next_request(&mut events).await;
        match events.recv().await {
            Some(AgentEvent::Canceled(id)) => assert_eq!(id, request.id),
            other => panic!("expected the cancel, got {other:?}"),
        }
    }

    #[test]
    fn pin_codes_and_passkeys_are_checked() {
        assert_eq!(
            PinCode::parse("0000").map(|p| p.as_str().to_owned()),
            Ok("0000".into())
        );
        assert_eq!(PinCode::parse("a".repeat(16).as_str()).map(|_| ()), Ok(()));
        assert_eq!(PinCode::parse(""), Err(AgentInputError::EmptyPin));
        assert_eq!(
            PinCode::parse(&"a".repeat(17)),
            Err(AgentInputError::PinTooLong)
        );
        // Sixteen bytes, not characters: 9 × 'é' is 18 bytes.
        assert_eq!(
            PinCode::parse(&"é".repeat(9)),
            Err(AgentInputError::PinTooLong)
        );
        assert_eq!(
            PinCode::parse("12\n4"),
            Err(AgentInputError::PinNotPrintable)
        );

        assert_eq!(Passkey::parse("123456").map(Passkey::value), Ok(123_456));
        assert_eq!(Passkey::parse(" 000042 ").map(Passkey::value), Ok(42));
        assert_eq!(Passkey::parse("0").map(Passkey::value), Ok(0));
        for bad in ["", "1234567", "12a456", "-1", "+12"] {
            assert_eq!(
                Passkey::parse(bad),
                Err(AgentInputError::PasskeyNotDigits),
                "{bad:?}"
            );
        }
        assert_eq!(Passkey::new(999_999).map(Passkey::value), Some(999_999));
        assert_eq!(Passkey::new(1_000_000), None);
        assert_eq!(passkey_digits(42), "000042");
    }

    #[test]
    fn secrets_stay_out_of_debug() {
        let pin = PinCode::parse("8642").expect("pin");
        let passkey = Passkey::new(975_310).expect("passkey");
        let texts = [
            format!("{pin:?}"),
            format!("{passkey:?}"),
            format!("{:?}", AgentAnswer::PinCode(pin.clone())),
            format!("{:?}", AgentAnswer::Passkey(passkey)),
            format!("{:?}", AgentAsk::DisplayPinCode(pin)),
            format!(
                "{:?}",
                AgentAsk::DisplayPasskey {
                    passkey: 975_310,
                    entered: 2
                }
            ),
            format!("{:?}", AgentAsk::Confirm { passkey: 975_310 }),
        ];
        for text in texts {
            assert!(!text.contains("8642") && !text.contains("975310"), "{text}");
        }
    }

    #[test]
    fn replies_are_equal_by_request_and_answer_once() {
        let (request, mut pending) = AgentRequest::new(hci0(), DEVICE, AgentAsk::Authorize);
        let copy = request.clone();
        assert_eq!(copy, request);
        let (other, _) = AgentRequest::new(hci0(), DEVICE, AgentAsk::Authorize);
        assert_ne!(other.reply, request.reply);
        assert!(copy.reply.answer(AgentAnswer::Accept));
        assert!(
            !request.reply.answer(AgentAnswer::Reject),
            "only the first answer counts"
        );
        assert_eq!(pending.try_recv(), Some(AgentAnswer::Accept));
    }
}
