#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Speech output against the real speech-dispatcher (module espeak-ng, audio into a WAV file
//! through ALSA's `file:` device; see `ferrum_testbed::speech`).
//!
//! Needs the Debian packages speech-dispatcher, speech-dispatcher-espeak-ng and sox.

use std::os::unix::net::UnixListener;
use std::time::{Duration, Instant};

use ferrum_accessibility::speech::{
    Speaker, SpeechError, SpeechStatus, secret_field_utterance, spawn_speaker_at,
};
use ferrum_testbed::speech::SpeechDispatcher;

const CLIENT: &str = "ferrum-speech-test";
/// How long speech may take to show up in the log and the WAV.
const SPEECH_TIMEOUT: Duration = Duration::from_secs(15);
/// "Never hangs": the bound the brief sets for failing calls.
const FAIL_FAST: Duration = Duration::from_secs(3);

/// Polls `check` every 100 ms until it holds; panics with `what` (and the log) after `timeout`.
async fn wait_for(
    what: &str,
    speechd: Option<&SpeechDispatcher>,
    timeout: Duration,
    mut check: impl FnMut() -> bool,
) {
    let deadline = Instant::now() + timeout;
    while !check() {
        if Instant::now() >= deadline {
            let log = speechd.map(SpeechDispatcher::log_text).unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(40).collect();
            panic!(
                "timed out after {timeout:?} waiting for {what}; log tail (newest first):\n{}",
                tail.join("\n")
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn amplitude(speechd: &SpeechDispatcher) -> f64 {
    speechd.max_amplitude().expect("sox reads the WAV")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn radio_button_label_is_spoken_aloud_and_logged() {
    let speechd = SpeechDispatcher::start().expect("speech-dispatcher starts");
    let mut speaker = Speaker::connect_to(speechd.socket(), CLIENT)
        .await
        .expect("connects");
    assert_eq!(amplitude(&speechd), 0.0, "silence before anything is said");

    let label = "Performance, radio button, not selected";
    speaker.speak(label).await.expect("speaks");

    wait_for(
        "audible speech in the WAV",
        Some(&speechd),
        SPEECH_TIMEOUT,
        || amplitude(&speechd) > 0.01,
    )
    .await;
    assert!(
        speechd.log_text().contains(label),
        "the label is in speech-dispatcher's log"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn language_is_set_by_bcp47_tag() {
    let speechd = SpeechDispatcher::start().expect("speech-dispatcher starts");
    let mut speaker = Speaker::connect_to(speechd.socket(), CLIENT)
        .await
        .expect("connects");
    speaker
        .set_language("de")
        .await
        .expect("German is accepted");
    speaker.speak("Energiesparmodus").await.expect("speaks");
    speaker
        .set_language("pt-BR")
        .await
        .expect("Brazilian Portuguese is accepted");
    speaker.speak("Modo de energia").await.expect("speaks");
    let refused = speaker.set_language("not a language").await;
    assert!(
        matches!(refused, Err(SpeechError::Protocol(_))),
        "{refused:?}"
    );
    // A refused tag is never sent, so the connection is still good.
    speaker.cancel().await.expect("still connected");

    wait_for(
        "the Portuguese text in the log",
        Some(&speechd),
        SPEECH_TIMEOUT,
        || speechd.log_text().contains("Modo de energia"),
    )
    .await;
    let log = speechd.log_text();
    assert!(log.contains("LANGUAGE de"), "SET LANGUAGE de is logged");
    assert!(
        log.contains("LANGUAGE pt-BR"),
        "SET LANGUAGE pt-BR is logged"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secret_field_is_voiced_by_its_length_only() {
    assert_eq!(
        secret_field_utterance("Password", 5, "characters"),
        "Password, 5 characters"
    );

    let speechd = SpeechDispatcher::start().expect("speech-dispatcher starts");
    let mut speaker = Speaker::connect_to(speechd.socket(), CLIENT)
        .await
        .expect("connects");

    // A session: focus the field, type the secret key by key (each key voices the field),
    // tab away, tab back.
    let secret = "hunter2";
    let field =
        |typed: &str| secret_field_utterance("Password", typed.chars().count(), "characters");
    let mut typed = String::new();
    speaker.speak(&field(&typed)).await.expect("speaks");
    for key in secret.chars() {
        typed.push(key);
        speaker.speak(&field(&typed)).await.expect("speaks");
    }
    speaker
        .speak("Show password, toggle button, off")
        .await
        .expect("speaks");
    speaker.speak(&field(&typed)).await.expect("speaks");

    wait_for(
        "the last utterance in the log",
        Some(&speechd),
        SPEECH_TIMEOUT,
        || speechd.log_text().contains("Password, 7 characters"),
    )
    .await;
    wait_for(
        "audible speech in the WAV",
        Some(&speechd),
        SPEECH_TIMEOUT,
        || amplitude(&speechd) > 0.01,
    )
    .await;
    let log = speechd.log_text();
    assert!(log.contains("Password, 5 characters"));
    assert!(
        !log.contains(secret) && !log.contains("hunter"),
        "the secret never reaches speech-dispatcher"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_speechd_is_unavailable_without_hanging() {
    let dir = tempfile::tempdir().unwrap();

    // No socket at all.
    let missing = dir.path().join("speechd.sock");
    let started = Instant::now();
    let error = Speaker::connect_to(&missing, CLIENT).await.unwrap_err();
    assert!(started.elapsed() < FAIL_FAST, "{:?}", started.elapsed());
    match &error {
        SpeechError::Unavailable { socket, reason } => {
            assert_eq!(socket, &missing);
            assert!(reason.contains("not running"), "{reason}");
        }
        other => panic!("expected Unavailable, got {other:?}"),
    }

    // A socket file nobody listens on any more (speech-dispatcher crashed).
    let stale = dir.path().join("stale.sock");
    drop(UnixListener::bind(&stale).unwrap());
    let started = Instant::now();
    let error = Speaker::connect_to(&stale, CLIENT).await.unwrap_err();
    assert!(started.elapsed() < FAIL_FAST, "{:?}", started.elapsed());
    assert!(
        matches!(error, SpeechError::Unavailable { .. }),
        "{error:?}"
    );

    // Something accepts connections but never answers: a timeout, not a hang.
    let hung = dir.path().join("hung.sock");
    let _listener = UnixListener::bind(&hung).unwrap();
    let started = Instant::now();
    let error = Speaker::connect_to(&hung, CLIENT).await.unwrap_err();
    assert!(started.elapsed() < FAIL_FAST, "{:?}", started.elapsed());
    assert_eq!(error, SpeechError::Timeout);

    // The handle reports it too, and `say` never blocks.
    let handle = spawn_speaker_at(&missing, CLIENT);
    assert_eq!(handle.status(), SpeechStatus::Idle);
    let started = Instant::now();
    handle.say("Nobody hears this");
    assert!(started.elapsed() < Duration::from_millis(50));
    wait_for("the handle to report Unavailable", None, FAIL_FAST, || {
        matches!(
            handle.status(),
            SpeechStatus::Unavailable(SpeechError::Unavailable { .. })
        )
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_speechd_fails_fast_and_the_handle_recovers() {
    let mut speechd = SpeechDispatcher::start().expect("speech-dispatcher starts");
    let mut speaker = Speaker::connect_to(speechd.socket(), CLIENT)
        .await
        .expect("connects");
    speaker.speak("Before the crash").await.expect("speaks");
    let handle = spawn_speaker_at(speechd.socket(), "ferrum-speech-handle");
    handle.say("Handle before the crash");
    wait_for(
        "the handle's utterance",
        Some(&speechd),
        SPEECH_TIMEOUT,
        || {
            handle.status() == SpeechStatus::Ready
                && speechd.log_text().contains("Handle before the crash")
        },
    )
    .await;

    speechd.kill().expect("killed");

    // The open connection fails at once and stays failed.
    let started = Instant::now();
    let error = speaker.speak("Into the void").await.unwrap_err();
    assert!(started.elapsed() < FAIL_FAST, "{:?}", started.elapsed());
    assert!(
        matches!(error, SpeechError::Unavailable { .. }),
        "{error:?}"
    );
    assert!(!speaker.is_connected());
    let again = speaker.speak("Still nothing").await;
    assert!(
        matches!(again, Err(SpeechError::Unavailable { .. })),
        "{again:?}"
    );
    let reconnect = Speaker::connect_to(speechd.socket(), CLIENT).await;
    assert!(
        matches!(reconnect, Err(SpeechError::Unavailable { .. })),
        "{reconnect:?}"
    );

    handle.say("Lost in the crash");
    wait_for("the handle to report Unavailable", None, FAIL_FAST, || {
        matches!(handle.status(), SpeechStatus::Unavailable(_))
    })
    .await;

    // A new speech-dispatcher on the same socket path.
    speechd.restart().expect("speech-dispatcher restarts");
    let mut speaker = Speaker::connect_to(speechd.socket(), CLIENT)
        .await
        .expect("reconnects");
    speaker.speak("After the restart").await.expect("speaks");
    handle.say("Handle after the restart");
    wait_for(
        "the handle to recover",
        Some(&speechd),
        SPEECH_TIMEOUT,
        || {
            handle.status() == SpeechStatus::Ready
                && speechd.log_text().contains("Handle after the restart")
        },
    )
    .await;
    assert!(speechd.log_text().contains("After the restart"));
    wait_for(
        "audible speech in the WAV",
        Some(&speechd),
        SPEECH_TIMEOUT,
        || amplitude(&speechd) > 0.01,
    )
    .await;
}
