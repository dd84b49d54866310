//! The greetd client against a fake greetd speaking greetd's real IPC:
//! success, wrong password and retry, two-step prompts, PAM messages,
//! disconnects, malformed and oversized replies, and the rule that no session
//! starts without greetd's `success`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use ferrum_greeter::conversation::MAX_ANSWER_BYTES;
use ferrum_greeter::login::Link;
use ferrum_greeter::wire::{self, WireError};
use ferrum_greeter::{Greetd, LoginError, NoticeKind, PromptKind, Secret, Step};
use ferrum_testbed::fake_greetd::{FakeGreetd, Fault, Round};

const PASSWORD: &str = "correct horse battery staple";

fn accounts() -> Vec<(&'static str, Vec<Round>)> {
    vec![
        ("ada", vec![Round::Secret("Password: ", PASSWORD)]),
        (
            "grace",
            vec![
                Round::Info("Your password expires in 3 days."),
                Round::Secret("Password: ", PASSWORD),
                Round::Visible("Verification code: ", "123456"),
            ],
        ),
        (
            "linus",
            vec![
                Round::Error("Account expires tomorrow."),
                Round::Secret("Password: ", PASSWORD),
            ],
        ),
    ]
}

async fn connect(server: &FakeGreetd) -> Greetd {
    Greetd::connect(server.path())
        .await
        .unwrap()
        .with_timeout(Duration::from_secs(2))
}

fn secret(text: &str) -> Secret {
    Secret::new(text.to_owned())
}

fn expect_prompt(step: Step, kind: PromptKind, text: &str) {
    match step {
        Step::Prompt(prompt) => {
            assert_eq!(prompt.kind, kind);
            assert_eq!(prompt.text, text);
        }
        other => panic!("expected a prompt, got {other:?}"),
    }
}

#[tokio::test]
async fn the_right_password_starts_the_session_with_its_environment() {
    let server = FakeGreetd::start(accounts(), Fault::None).await;
    let mut greetd = connect(&server).await;
    expect_prompt(
        greetd.create_session("ada").await.unwrap(),
        PromptKind::Secret,
        "Password: ",
    );
    assert_eq!(
        greetd.answer(&secret(PASSWORD)).await.unwrap(),
        Step::Authenticated
    );
    greetd
        .start_session(
            vec!["sway".into()],
            vec!["LANG=de_DE.UTF-8".into(), "XKB_DEFAULT_LAYOUT=de".into()],
        )
        .await
        .unwrap();
    let (cmd, env) = server.record().started.expect("session started");
    assert_eq!(cmd, vec!["sway".to_owned()]);
    assert!(env.contains(&"XKB_DEFAULT_LAYOUT=de".to_owned()));
}

#[tokio::test]
async fn a_wrong_password_fails_and_a_retry_works() {
    let server = FakeGreetd::start(accounts(), Fault::None).await;
    let mut greetd = connect(&server).await;
    greetd.create_session("ada").await.unwrap();
    let error = greetd.answer(&secret("wrong")).await.unwrap_err();
    assert!(matches!(error, LoginError::AuthFailed(_)), "{error:?}");
    assert!(!greetd.is_authenticated());
    // IMPORTANT: no session without success.
    assert_eq!(
        greetd.start_session(vec!["sway".into()], vec![]).await,
        Err(LoginError::NotAuthenticated)
    );
    greetd.cancel().await.unwrap();
    expect_prompt(
        greetd.create_session("ada").await.unwrap(),
        PromptKind::Secret,
        "Password: ",
    );
    assert_eq!(
        greetd.answer(&secret(PASSWORD)).await.unwrap(),
        Step::Authenticated
    );
    assert!(server.record().started.is_none());
    assert!(
        !server
            .record()
            .requests
            .iter()
            .any(|request| request.contains("start_session")),
        "start_session must never have been sent"
    );
}

#[tokio::test]
async fn two_step_login_with_pam_messages() {
    let server = FakeGreetd::start(accounts(), Fault::None).await;
    let mut greetd = connect(&server).await;
    match greetd.create_session("grace").await.unwrap() {
        Step::Notice(notice) => {
            assert_eq!(notice.kind, NoticeKind::Info);
            assert_eq!(notice.text, "Your password expires in 3 days.");
        }
        other => panic!("expected a notice, got {other:?}"),
    }
    expect_prompt(
        greetd.acknowledge().await.unwrap(),
        PromptKind::Secret,
        "Password: ",
    );
    expect_prompt(
        greetd.answer(&secret(PASSWORD)).await.unwrap(),
        PromptKind::Visible,
        "Verification code: ",
    );
    assert_eq!(
        greetd.answer(&secret("123456")).await.unwrap(),
        Step::Authenticated
    );

    let mut greetd = connect(&server).await;
    match greetd.create_session("linus").await.unwrap() {
        Step::Notice(notice) => assert_eq!(notice.kind, NoticeKind::Error),
        other => panic!("expected an error notice, got {other:?}"),
    }
    expect_prompt(
        greetd.acknowledge().await.unwrap(),
        PromptKind::Secret,
        "Password: ",
    );
}

#[tokio::test]
async fn an_unknown_user_is_asked_for_a_password_and_refused() {
    let server = FakeGreetd::start(accounts(), Fault::None).await;
    let mut greetd = connect(&server).await;
    expect_prompt(
        greetd.create_session("mallory").await.unwrap(),
        PromptKind::Secret,
        "Password: ",
    );
    assert!(matches!(
        greetd.answer(&secret("guess")).await,
        Err(LoginError::AuthFailed(_))
    ));
}

#[tokio::test]
async fn greetd_going_away_mid_conversation_is_an_error_not_a_session() {
    // Request 1 creates the session, request 2 (the password) finds greetd gone.
    let server = FakeGreetd::start(accounts(), Fault::DisconnectAt(2)).await;
    let mut greetd = connect(&server).await;
    greetd.create_session("ada").await.unwrap();
    let error = greetd.answer(&secret(PASSWORD)).await.unwrap_err();
    assert_eq!(error, LoginError::Connection(WireError::Closed));
    assert_eq!(
        greetd.start_session(vec!["sway".into()], vec![]).await,
        Err(LoginError::NotAuthenticated)
    );
    // A new connection gives a clean prompt again.
    let mut again = connect(&server).await;
    expect_prompt(
        again.create_session("ada").await.unwrap(),
        PromptKind::Secret,
        "Password: ",
    );
}

#[tokio::test]
async fn malformed_and_oversized_replies_are_errors() {
    let server = FakeGreetd::start(accounts(), Fault::MalformedAt(1)).await;
    let mut greetd = connect(&server).await;
    assert!(matches!(
        greetd.create_session("ada").await,
        Err(LoginError::Connection(WireError::Malformed(_)))
    ));
    assert!(!greetd.is_authenticated());

    let server = FakeGreetd::start(accounts(), Fault::OversizedAt(2)).await;
    let mut greetd = connect(&server).await;
    greetd.create_session("ada").await.unwrap();
    assert_eq!(
        greetd.answer(&secret(PASSWORD)).await,
        Err(LoginError::Connection(WireError::Oversized(u32::MAX)))
    );
    assert!(!greetd.is_authenticated());
}

#[tokio::test]
async fn a_silent_greetd_times_out() {
    let server = FakeGreetd::start(accounts(), Fault::SilentAt(1)).await;
    let mut greetd = Greetd::connect(server.path())
        .await
        .unwrap()
        .with_timeout(Duration::from_millis(300));
    assert!(matches!(
        greetd.create_session("ada").await,
        Err(LoginError::Timeout(_))
    ));
}

#[tokio::test]
async fn answering_without_a_question_is_refused() {
    let server = FakeGreetd::start(accounts(), Fault::None).await;
    let mut greetd = connect(&server).await;
    assert!(matches!(
        greetd.answer(&secret(PASSWORD)).await,
        Err(LoginError::Unexpected(_))
    ));
}

/// Whether greetd was ever asked to start a session (its own gate aside).
fn start_session_sent(server: &FakeGreetd) -> bool {
    server
        .record()
        .requests
        .iter()
        .any(|request| request.contains("start_session"))
}

#[tokio::test]
async fn a_late_cancel_reply_is_never_read_as_success() {
    // greetd answers the cancel only after the client stopped waiting, then with
    // `success`: on the same connection that stale `success` would be read as the
    // reply to the next `create_session`, an authentication nobody gave.
    let server = FakeGreetd::start(accounts(), Fault::LateCancel(Duration::from_millis(450))).await;
    let link = Link::new(Some(server.path().to_owned())).with_timeout(Duration::from_millis(300));
    expect_prompt(
        link.clone().begin("ada".into()).await.unwrap(),
        PromptKind::Secret,
        "Password: ",
    );
    // Another person: the conversation is cancelled first, and that times out.
    match link.clone().begin("grace".into()).await {
        Ok(Step::Notice(notice)) => {
            assert_eq!(notice.text, "Your password expires in 3 days.");
        }
        other => panic!("expected grace's first message on a fresh connection, got {other:?}"),
    }
    assert_eq!(
        link.clone().start(vec!["sway".into()], vec![]).await,
        Err(LoginError::NotAuthenticated)
    );
    // Give the late reply time to arrive: nothing reads it.
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        link.clone().start(vec!["sway".into()], vec![]).await,
        Err(LoginError::NotAuthenticated)
    );
    assert!(
        !start_session_sent(&server),
        "start_session must never have been sent"
    );
}

#[tokio::test]
async fn a_timed_out_reply_is_never_read_later() {
    // The client gave up on the cancel: the connection is out of step and no
    // further reply is read from it (a stale `success` would be taken for the
    // next request's answer).
    let server = FakeGreetd::start(accounts(), Fault::LateCancel(Duration::from_millis(500))).await;
    let mut greetd = Greetd::connect(server.path())
        .await
        .unwrap()
        .with_timeout(Duration::from_millis(200));
    greetd.create_session("ada").await.unwrap();
    assert_eq!(
        greetd.cancel().await,
        Err(LoginError::Timeout(Duration::from_millis(200)))
    );
    tokio::time::sleep(Duration::from_millis(600)).await;
    let after = greetd.create_session("grace").await;
    assert!(
        matches!(after, Err(ref error) if error.breaks_connection()),
        "the late success was read: {after:?}"
    );
    assert!(!greetd.is_authenticated());
    assert_eq!(
        greetd.start_session(vec!["sway".into()], vec![]).await,
        Err(LoginError::NotAuthenticated)
    );
    assert!(!start_session_sent(&server));
}

#[tokio::test]
async fn after_a_refused_start_the_next_attempt_gets_a_prompt() {
    // greetd 0.10 keeps the session after a failed start_session; creating another
    // without cancelling is refused ("a session is already being configured").
    let server = FakeGreetd::start(accounts(), Fault::RefuseStart).await;
    let link = Link::new(Some(server.path().to_owned())).with_timeout(Duration::from_secs(2));
    link.clone().begin("ada".into()).await.unwrap();
    assert_eq!(
        link.clone().answer(secret(PASSWORD)).await.unwrap(),
        Step::Authenticated
    );
    assert!(matches!(
        link.clone().start(vec!["sway".into()], vec![]).await,
        Err(LoginError::Greetd(_))
    ));
    let again = link.clone().begin("ada".into()).await;
    assert!(
        matches!(&again, Ok(Step::Prompt(prompt)) if prompt.kind == PromptKind::Secret),
        "the next attempt must get a prompt: {again:?}"
    );
    assert!(server.record().started.is_none());
    let requests = server.record().requests;
    let start = requests
        .iter()
        .position(|request| request.contains("start_session"))
        .unwrap();
    assert!(
        requests[start..]
            .iter()
            .any(|request| request.contains("cancel_session")),
        "the refused session is cancelled before the next: {requests:?}"
    );
}

#[tokio::test]
async fn an_answer_longer_than_pam_takes_is_refused_unsent() {
    let server = FakeGreetd::start(accounts(), Fault::None).await;
    let mut greetd = connect(&server).await;
    greetd.create_session("ada").await.unwrap();
    let long = "ä".repeat(MAX_ANSWER_BYTES / 2) + "x";
    assert_eq!(long.len(), MAX_ANSWER_BYTES + 1);
    let error = greetd.answer(&secret(&long)).await.unwrap_err();
    assert_eq!(
        server.record().requests.len(),
        1,
        "only create_session reached greetd: the answer was not sent"
    );
    assert_eq!(
        error,
        LoginError::AnswerTooLong {
            bytes: MAX_ANSWER_BYTES + 1
        }
    );
    assert!(!error.breaks_connection());
    // The question is still open; an answer at the limit is sent.
    let at_limit = "ä".repeat(MAX_ANSWER_BYTES / 2);
    assert!(matches!(
        greetd.answer(&secret(&at_limit)).await,
        Err(LoginError::AuthFailed(_))
    ));
    assert_eq!(server.record().requests.len(), 2);
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;
    use wire::MAX_FRAME;

    /// Reads one reply from `bytes`, as the greeter reads greetd's socket.
    fn read(bytes: &[u8]) -> Result<greetd_ipc::Response, WireError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let mut reader = bytes;
            wire::receive(&mut reader).await
        })
    }

    /// Whether reading `bytes` gives a reply, or why not.
    fn receive(bytes: &[u8]) -> Result<(), WireError> {
        read(bytes).map(drop)
    }

    /// What reading `bytes` must give, worked out from the framing alone: the
    /// length is checked before anything is allocated or read, so an oversized
    /// announcement is `Oversized` even with no body behind it.
    fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
        let result = receive(bytes);
        let Some((length, rest)) = bytes.split_first_chunk::<4>() else {
            prop_assert_eq!(result, Err(WireError::Closed), "no length");
            return Ok(());
        };
        let announced = u32::from_ne_bytes(*length);
        if announced > MAX_FRAME {
            prop_assert_eq!(result, Err(WireError::Oversized(announced)));
            return Ok(());
        }
        let Some(body) = rest.get(..announced as usize) else {
            prop_assert_eq!(result, Err(WireError::Closed), "body cut short");
            return Ok(());
        };
        match result {
            Ok(_) => prop_assert!(
                serde_json::from_slice::<serde_json::Value>(body).is_ok(),
                "a reply parsed from text that is not JSON"
            ),
            Err(WireError::Malformed(_)) => {}
            Err(other) => prop_assert!(false, "a complete frame gave {other:?}"),
        }
        Ok(())
    }

    /// A frame announcing `length` with `body` behind it.
    fn frame(length: u32, body: &[u8]) -> Vec<u8> {
        let mut frame = length.to_ne_bytes().to_vec();
        frame.extend_from_slice(body);
        frame
    }

    #[test]
    fn the_frame_limit_is_exact() {
        assert_eq!(
            receive(&frame(MAX_FRAME + 1, &[])),
            Err(WireError::Oversized(MAX_FRAME + 1))
        );
        // At the limit the body is read (and here is missing).
        assert_eq!(receive(&frame(MAX_FRAME, &[])), Err(WireError::Closed));
        assert!(matches!(
            receive(&frame(MAX_FRAME, &vec![b' '; MAX_FRAME as usize])),
            Err(WireError::Malformed(_))
        ));
        // A length shorter than the text: the cut JSON is malformed.
        assert!(matches!(
            receive(&frame(10, br#"{"type":"success"}"#)),
            Err(WireError::Malformed(_))
        ));
        let success = br#"{"type":"success"}"#;
        assert!(matches!(
            read(&frame(success.len() as u32, success)),
            Ok(greetd_ipc::Response::Success)
        ));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        /// Any bytes from the peer: a reply or the error the framing calls for,
        /// never a panic.
        #[test]
        fn any_reply_bytes_are_handled(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            check(&bytes)?;
        }

        /// Short announced lengths with any body (complete, cut short or longer).
        #[test]
        fn any_small_frame_is_handled(
            length in 0u32..600,
            body in proptest::collection::vec(any::<u8>(), 0..600),
        ) {
            check(&frame(length, &body))?;
        }

        /// Any announcement above the limit is refused before a byte of the body
        /// is read or allocated (no huge allocation): `Oversized` with the
        /// announced length, not `Closed` from trying to read the missing body.
        #[test]
        fn oversized_announcements_are_refused_unread(length in (MAX_FRAME + 1)..=u32::MAX) {
            prop_assert_eq!(receive(&frame(length, &[])), Err(WireError::Oversized(length)));
        }

        /// A valid frame around arbitrary text: parsed, or refused as malformed.
        #[test]
        fn any_framed_text_is_handled(text in "\\PC{0,200}") {
            let bytes = frame(text.len() as u32, text.as_bytes());
            let result = receive(&bytes);
            if serde_json::from_str::<serde_json::Value>(&text).is_err() {
                prop_assert!(
                    matches!(result, Err(WireError::Malformed(_))),
                    "not JSON, yet {:?}",
                    result
                );
            }
            check(&bytes)?;
        }
    }
}
