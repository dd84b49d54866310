#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ferrum_services::error::{DbusFailure, FailureKind};
use ferrum_services::users::{NameProblem, PasswordProblem};

use super::sample::{self, GRACE, LOCKED, UID};
use super::*;

fn refused() -> UsersError {
    UsersError::NotAllowed(DbusFailure::new(
        FailureKind::AccessDenied,
        "org.freedesktop.Accounts.Error.PermissionDenied: Not authorized",
    ))
}

fn no_answer() -> UsersError {
    UsersError::NoAnswer(DbusFailure::new(FailureKind::Timeout, "timed out"))
}

fn secret(text: &str) -> Secret {
    Secret::new(text.to_owned())
}

/// The add dialog filled in for Linus, as typed.
fn typed_add(state: &mut State) {
    let _ = state.update(Message::OpenAdd);
    for message in [
        add::Message::RealName("Linus Torvalds".into()),
        add::Message::Type(AccountType::Administrator),
        add::Message::Password(secret("penguin power 1991")),
        add::Message::Confirmation(secret("penguin power 1991")),
    ] {
        assert!(state.update(Message::Add(message)).is_none());
    }
}

fn add_dialog(state: &State) -> &add::Dialog {
    match &state.dialog {
        Some(Dialog::Add(dialog)) => dialog,
        other => panic!("the add dialog, not {other:?}"),
    }
}

#[test]
fn the_people_are_read_and_their_pictures_decoded_off_the_ui_thread() {
    let mut state = State::on(SystemBus::with_address("unix:path=/nonexistent"), UID);
    assert!(state.enter().is_none());
    let mut people = sample::people();
    people[1].picture = Some("/var/lib/AccountsService/icons/grace".into());
    let outcome = state.update(Message::Watched(ServiceUpdate::Available(people.clone())));
    assert_eq!(
        outcome.request,
        Some(Request::LoadPictures(vec![
            "/var/lib/AccountsService/icons/grace".into()
        ]))
    );
    // Asked once: the next read asks for nothing new.
    assert!(
        state
            .update(Message::Watched(ServiceUpdate::Available(people.clone())))
            .is_none()
    );
    let handle = Handle::from_rgba(1, 1, vec![0, 0, 0, 255]);
    let _ = state.update(Message::PicturesLoaded(vec![(
        "/var/lib/AccountsService/icons/grace".into(),
        handle,
    )]));
    assert!(state.picture(&people[1]).is_some());
    assert!(state.picture(&people[0]).is_none());
    assert_eq!(state.me().map(|me| me.name.as_str()), Some("ada"));
    assert!(state.is_last_administrator(UID));
    assert!(!state.is_last_administrator(GRACE));
}

#[test]
fn the_daemon_gone_or_unreadable_is_shown_as_such() {
    let mut state = sample::state();
    let _ = state.update(Message::Watched(ServiceUpdate::Unavailable));
    assert!(matches!(state.people, ServiceStatus::Unavailable));
    assert!(state.people().is_empty());
    let _ = state.update(Message::Watched(ServiceUpdate::Failed(no_answer())));
    assert!(matches!(state.people, ServiceStatus::Failed(_)));
}

#[test]
fn the_login_name_follows_the_real_name_until_edited() {
    let mut state = sample::state();
    let outcome = state.update(Message::OpenAdd);
    assert_eq!(outcome.effect, Some(Effect::Focus(ids::ADD_REAL_NAME)));
    let _ = state.update(Message::Add(add::Message::RealName("Zoë Müller".into())));
    assert_eq!(add_dialog(&state).login, "zoe");
    let _ = state.update(Message::Add(add::Message::Login("zm".into())));
    let _ = state.update(Message::Add(add::Message::RealName("Zoë M.".into())));
    assert_eq!(add_dialog(&state).login, "zm", "edited: it stays");
    let _ = state.update(Message::Add(add::Message::Login(String::new())));
    let _ = state.update(Message::Add(add::Message::RealName("Zoë".into())));
    assert_eq!(add_dialog(&state).login, "zoe", "emptied: it follows again");
}

#[test]
fn adding_checks_the_typing_first_and_keeps_it() {
    let mut state = sample::state();
    let _ = state.update(Message::OpenAdd);
    assert!(state.update(Message::Add(add::Message::Submit)).is_none());
    let dialog = add_dialog(&state);
    assert!(dialog.tried);
    assert_eq!(dialog.problem(), Some(add::Problem::NoRealName));

    let _ = state.update(Message::Add(add::Message::RealName("Ada".into())));
    let _ = state.update(Message::Add(add::Message::Login("Ada".into())));
    assert!(state.update(Message::Add(add::Message::Submit)).is_none());
    assert_eq!(
        add_dialog(&state).problem(),
        Some(add::Problem::Name(NameProblem::BadStart))
    );
    let _ = state.update(Message::Add(add::Message::Login("ada2".into())));
    let _ = state.update(Message::Add(add::Message::Password(secret("short"))));
    assert!(state.update(Message::Add(add::Message::Submit)).is_none());
    assert_eq!(
        add_dialog(&state).problem(),
        Some(add::Problem::Password(PasswordProblem::TooShort))
    );
    let _ = state.update(Message::Add(add::Message::Password(secret("long enough"))));
    let _ = state.update(Message::Add(add::Message::Confirmation(secret(
        "long enougH",
    ))));
    assert!(state.update(Message::Add(add::Message::Submit)).is_none());
    assert_eq!(
        add_dialog(&state).problem(),
        Some(add::Problem::Password(PasswordProblem::Mismatch))
    );
    assert_eq!(add_dialog(&state).login, "ada2", "the typing stays");
    assert_eq!(state.pending, None);
    let _guard = ferrum_i18n::hold_locale("en-US");
    assert_eq!(
        add::Problem::Password(PasswordProblem::Mismatch).sentence("ada2"),
        "The two passwords are not the same."
    );
}

#[test]
fn adding_asks_accounts_service_and_closes_when_it_is_done() {
    let mut state = sample::state();
    typed_add(&mut state);
    let outcome = state.update(Message::Add(add::Message::Submit));
    let Some(Request::Add(person)) = outcome.request else {
        panic!("asks to add, not {outcome:?}");
    };
    assert_eq!(person.name, "linus");
    assert_eq!(person.real_name, "Linus Torvalds");
    assert_eq!(person.account_type, AccountType::Administrator);
    assert_eq!(person.password, secret("penguin power 1991"));
    assert!(!format!("{person:?}").contains("penguin"), "never shown");
    assert_eq!(state.pending, Some(Change::Add("linus".into())));
    // One change at a time.
    assert!(state.update(Message::Add(add::Message::Submit)).is_none());
    let outcome = state.update(Message::Changed(Change::Add("linus".into()), Ok(())));
    assert_eq!(outcome.effect, Some(Effect::Focus(ids::ADD)));
    assert_eq!(state.dialog, None);
    assert_eq!(state.pending, None);
}

#[test]
fn a_refused_addition_is_said_in_the_dialog_which_keeps_the_typing() {
    let mut state = sample::state();
    typed_add(&mut state);
    let _ = state.update(Message::Add(add::Message::Submit));
    let _ = state.update(Message::Changed(
        Change::Add("linus".into()),
        Err(refused()),
    ));
    let dialog = add_dialog(&state);
    assert_eq!(dialog.login, "linus");
    assert_eq!(dialog.password, secret("penguin power 1991"));
    {
        let _guard = ferrum_i18n::hold_locale("en-US");
        assert_eq!(
            add_dialog(&state).refusal.as_deref(),
            Some("The person was not added: an administrator did not allow it.")
        );
    }
    assert!(state.error.is_none(), "said in the dialog");
    assert_eq!(state.pending, None);

    // A taken name is the form's problem, until the name changes.
    let _ = state.update(Message::Add(add::Message::Submit));
    let _ = state.update(Message::Changed(
        Change::Add("linus".into()),
        Err(UsersError::NameTaken("linus".into())),
    ));
    assert_eq!(add_dialog(&state).problem(), Some(add::Problem::Taken));
    assert!(state.update(Message::Add(add::Message::Submit)).is_none());
    let _ = state.update(Message::Add(add::Message::Login("linus2".into())));
    assert!(matches!(
        state.update(Message::Add(add::Message::Submit)).request,
        Some(Request::Add(_))
    ));
}

#[test]
fn cancel_closes_the_add_dialog() {
    let mut state = sample::state();
    typed_add(&mut state);
    let outcome = state.update(Message::Add(add::Message::Cancel));
    assert_eq!(outcome.effect, Some(Effect::Focus(ids::ADD)));
    assert_eq!(state.dialog, None);
    // A message for a closed dialog does nothing.
    assert!(state.update(Message::Add(add::Message::Submit)).is_none());
}

#[test]
fn removing_keeps_or_deletes_files_and_never_oneself() {
    let mut state = sample::state();
    assert!(
        state.update(Message::OpenRemove(UID)).is_none(),
        "not yourself"
    );
    assert_eq!(state.dialog, None);
    let outcome = state.update(Message::OpenRemove(GRACE));
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::remove_files(Files::Keep)))
    );
    let _ = state.update(Message::Remove(remove::Message::Files(Files::Delete)));
    let outcome = state.update(Message::Remove(remove::Message::Submit));
    assert_eq!(
        outcome.request,
        Some(Request::Remove {
            uid: GRACE,
            files: Files::Delete
        })
    );
    let _ = state.update(Message::Changed(Change::Remove(GRACE), Err(no_answer())));
    match &state.dialog {
        Some(Dialog::Remove(dialog)) => assert!(dialog.refusal.is_some()),
        other => panic!("{other:?}"),
    }
    let outcome = state.update(Message::Remove(remove::Message::Submit));
    assert!(outcome.request.is_some());
    let _ = state.update(Message::Changed(Change::Remove(GRACE), Ok(())));
    assert_eq!(state.dialog, None);

    let _ = state.update(Message::OpenRemove(LOCKED));
    let outcome = state.update(Message::Remove(remove::Message::Cancel));
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::person(LOCKED, "remove")))
    );
    assert_eq!(state.dialog, None);
    assert!(state.update(Message::OpenRemove(4242)).is_none(), "unknown");
}

#[test]
fn the_account_type_changes_but_never_leaves_no_administrator() {
    let mut state = sample::state();
    assert!(
        state
            .update(Message::SetAccountType(UID, AccountType::Standard))
            .is_none(),
        "the last administrator stays one"
    );
    assert!(
        state
            .update(Message::SetAccountType(GRACE, AccountType::Standard))
            .is_none(),
        "already standard"
    );
    let outcome = state.update(Message::SetAccountType(GRACE, AccountType::Administrator));
    assert_eq!(
        outcome.request,
        Some(Request::SetAccountType {
            uid: GRACE,
            account_type: AccountType::Administrator
        })
    );
    let change = Change::AccountType(GRACE, AccountType::Administrator);
    assert_eq!(state.pending, Some(change.clone()));
    // A late answer for another change is ignored.
    let _ = state.update(Message::Changed(Change::Password, Err(refused())));
    assert_eq!(state.pending, Some(change.clone()));
    let _ = state.update(Message::Changed(change, Err(refused())));
    assert_eq!(state.pending, None);
    {
        let _guard = ferrum_i18n::hold_locale("en-US");
        assert_eq!(
            state.error.as_ref().map(|report| report.summary.as_str()),
            Some("The account type was not changed: an administrator did not allow it.")
        );
    }
    // Copy details goes out as an effect.
    let outcome = state.update(Message::Report(error_report::Message::Copy));
    assert!(matches!(outcome.effect, Some(Effect::Copy(_))));

    // With Grace an administrator, Ada may become standard.
    let mut people = sample::people();
    people[1].account_type = AccountType::Administrator;
    let _ = state.update(Message::Watched(ServiceUpdate::Available(people)));
    assert!(!state.is_last_administrator(UID));
    let outcome = state.update(Message::SetAccountType(UID, AccountType::Standard));
    assert!(outcome.request.is_some());
}

#[test]
fn automatic_login_is_asked_for_and_the_list_says_what_the_daemon_did() {
    let mut state = sample::state();
    assert!(
        state
            .update(Message::SetAutomaticLogin(GRACE, false))
            .is_none(),
        "already off"
    );
    assert!(
        state
            .update(Message::SetAutomaticLogin(LOCKED, true))
            .is_none(),
        "a locked account cannot log in"
    );
    assert!(
        state
            .update(Message::SetAutomaticLogin(4242, true))
            .is_none(),
        "unknown"
    );
    let outcome = state.update(Message::SetAutomaticLogin(GRACE, true));
    assert_eq!(
        outcome.request,
        Some(Request::SetAutomaticLogin {
            uid: GRACE,
            on: true
        })
    );
    let change = Change::AutomaticLogin(GRACE, true);
    assert_eq!(state.pending, Some(change.clone()));
    {
        let _guard = ferrum_i18n::hold_locale("en-US");
        let _ = state.view();
    }
    // One change at a time.
    assert!(
        state
            .update(Message::SetAutomaticLogin(UID, true))
            .is_none()
    );
    // Done: the switch shows what AccountsService says, not what was asked.
    let _ = state.update(Message::Changed(change.clone(), Ok(())));
    assert_eq!(state.pending, None);
    assert!(state.error.is_none());
    assert!(!state.person(GRACE).unwrap().automatic_login);
    let mut people = sample::people();
    people[1].automatic_login = true;
    let _ = state.update(Message::Watched(ServiceUpdate::Available(people)));
    assert!(state.person(GRACE).unwrap().automatic_login);

    // Turning it on for Ada is AccountsService's business to turn Grace's off; off again
    // is refused here: a sentence, nothing changed.
    let outcome = state.update(Message::SetAutomaticLogin(GRACE, false));
    assert_eq!(
        outcome.request,
        Some(Request::SetAutomaticLogin {
            uid: GRACE,
            on: false
        })
    );
    let _ = state.update(Message::Changed(
        Change::AutomaticLogin(GRACE, false),
        Err(refused()),
    ));
    assert_eq!(state.pending, None);
    assert!(state.person(GRACE).unwrap().automatic_login, "unchanged");
    let _guard = ferrum_i18n::hold_locale("en-US");
    assert_eq!(
        state.error.as_ref().map(|report| report.summary.as_str()),
        Some("Automatic login was not changed: an administrator did not allow it.")
    );
    // A locked account that still has it may have it turned off.
    let mut people = sample::people();
    people[2].automatic_login = true;
    let _ = state.update(Message::Watched(ServiceUpdate::Available(people)));
    let _ = state.view();
    assert_eq!(
        state
            .update(Message::SetAutomaticLogin(LOCKED, false))
            .request,
        Some(Request::SetAutomaticLogin {
            uid: LOCKED,
            on: false
        })
    );
}

#[test]
fn ones_own_password_is_checked_and_set() {
    let mut state = sample::state();
    let outcome = state.update(Message::OpenPassword);
    assert_eq!(outcome.effect, Some(Effect::Focus(ids::PASSWORD_NEW)));
    let _ = state.update(Message::Password(password::Message::Password(secret(
        "new and long",
    ))));
    assert!(
        state
            .update(Message::Password(password::Message::Submit))
            .is_none(),
        "no confirmation yet"
    );
    let _ = state.update(Message::Password(password::Message::Confirmation(secret(
        "new and long",
    ))));
    let outcome = state.update(Message::Password(password::Message::Submit));
    assert_eq!(
        outcome.request,
        Some(Request::SetPassword {
            uid: UID,
            password: secret("new and long")
        })
    );
    assert!(!format!("{outcome:?}").contains("new and long"));
    let _ = state.update(Message::Changed(Change::Password, Err(refused())));
    match &state.dialog {
        Some(Dialog::Password(dialog)) => {
            assert!(dialog.refusal.is_some());
            assert_eq!(dialog.password, secret("new and long"), "kept");
        }
        other => panic!("{other:?}"),
    }
    let _ = state.update(Message::Password(password::Message::Submit));
    let outcome = state.update(Message::Changed(Change::Password, Ok(())));
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::person(UID, "password")))
    );
    assert_eq!(state.dialog, None);
    let _ = state.update(Message::OpenPassword);
    let outcome = state.update(Message::Password(password::Message::Cancel));
    assert_eq!(state.dialog, None);
    assert!(outcome.effect.is_some());
}

#[test]
fn a_picture_is_checked_and_scaled_off_the_ui_thread_before_it_is_set() {
    let mut state = sample::state();
    let outcome = state.update(Message::OpenPicture);
    assert_eq!(outcome.effect, Some(Effect::Focus(ids::PICTURE_PATH)));
    assert!(
        state
            .update(Message::Picture(picture::Message::Submit))
            .is_none()
    );
    let problem = |state: &State| match &state.dialog {
        Some(Dialog::Picture(dialog)) => dialog.problem,
        other => panic!("{other:?}"),
    };
    assert_eq!(problem(&state), Some(picture::Problem::Empty));
    let _ = state.update(Message::Picture(picture::Message::Path("me.png".into())));
    assert_eq!(problem(&state), None, "typing clears the problem");
    let _ = state.update(Message::Picture(picture::Message::Submit));
    assert_eq!(problem(&state), Some(picture::Problem::NotAbsolute));

    let _ = state.update(Message::Picture(picture::Message::Path(
        "/home/ada/me.png".into(),
    )));
    let outcome = state.update(Message::Picture(picture::Message::Submit));
    assert_eq!(
        outcome.request,
        Some(Request::PreparePicture("/home/ada/me.png".into()))
    );
    // The file was no picture: said in the dialog, the typing kept.
    let outcome = state.update(Message::PicturePrepared(Err(picture::Problem::NotAPicture)));
    assert!(outcome.is_none());
    assert_eq!(problem(&state), Some(picture::Problem::NotAPicture));
    assert_eq!(state.pending, None);

    let _ = state.update(Message::Picture(picture::Message::Submit));
    let outcome = state.update(Message::PicturePrepared(Ok("/tmp/scaled.png".into())));
    assert_eq!(
        outcome.request,
        Some(Request::SetPicture {
            uid: UID,
            path: "/tmp/scaled.png".into()
        })
    );
    let outcome = state.update(Message::Changed(Change::Picture, Ok(())));
    assert_eq!(
        outcome.effect,
        Some(Effect::Focus(ids::person(UID, "picture")))
    );
    assert_eq!(state.dialog, None);
    // A late preparation with nothing pending does nothing.
    assert!(
        state
            .update(Message::PicturePrepared(Ok("/tmp/late.png".into())))
            .is_none()
    );
    let _ = state.update(Message::OpenPicture);
    let _ = state.update(Message::Picture(picture::Message::Cancel));
    assert_eq!(state.dialog, None);
}

#[test]
fn picture_files_are_checked_decoded_and_scaled() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        picture::prepare(std::path::Path::new("relative.png")),
        Err(picture::Problem::NotAbsolute)
    );
    assert_eq!(
        picture::prepare(&dir.path().join("missing.png")),
        Err(picture::Problem::Unreadable)
    );
    assert_eq!(
        picture::prepare(dir.path()),
        Err(picture::Problem::Unreadable)
    );
    let text = dir.path().join("notes.png");
    std::fs::write(&text, "not a picture").unwrap();
    assert_eq!(picture::prepare(&text), Err(picture::Problem::NotAPicture));
    let empty = dir.path().join("empty.png");
    std::fs::write(&empty, "").unwrap();
    assert_eq!(picture::prepare(&empty), Err(picture::Problem::TooLarge));
    // A 3×2 PNG is cut to a square and scaled.
    let png = dir.path().join("wide.png");
    std::fs::write(&png, WIDE_PNG).unwrap();
    let scaled = picture::prepare(&png).unwrap();
    let read = ferrum_ui::picture::decode_limited(&std::fs::read(&scaled).unwrap(), 1024).unwrap();
    assert_eq!(
        (read.width(), read.height()),
        (picture::SIDE, picture::SIDE)
    );
    std::fs::remove_file(scaled).unwrap();
}

/// A 3×2 red PNG.
const WIDE_PNG: &[u8] = &[
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0,
    0, 0, 18, 22, 241, 77, 0, 0, 0, 16, 73, 68, 65, 84, 120, 156, 99, 56, 161, 161, 1, 65, 12, 112,
    22, 0, 69, 116, 6, 145, 241, 49, 253, 36, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];

#[test]
fn every_refusal_has_its_sentence() {
    let _guard = ferrum_i18n::hold_locale("en-US");
    let changes = [
        Change::Add("x".into()),
        Change::Remove(GRACE),
        Change::AccountType(GRACE, AccountType::Administrator),
        Change::Password,
        Change::Picture,
        Change::AutomaticLogin(GRACE, true),
    ];
    let errors = [
        refused(),
        no_answer(),
        UsersError::Unavailable(DbusFailure::new(FailureKind::ServiceMissing, "gone")),
        UsersError::NameTaken("linus".into()),
        UsersError::InvalidName(NameProblem::Empty),
        UsersError::NoSuchPerson(GRACE),
        UsersError::BadPicturePath("x".into()),
        UsersError::Hash("no randomness".into()),
        UsersError::Failed(DbusFailure::new(FailureKind::Other, "odd")),
    ];
    for change in &changes {
        for error in &errors {
            let sentence = change_error_sentence(change, error);
            assert!(
                !sentence.is_empty() && !sentence.contains("users-"),
                "{change:?} {error:?}: {sentence}"
            );
        }
    }
    assert_eq!(
        change_error_sentence(
            &Change::Add("linus".into()),
            &UsersError::NameTaken("linus".into())
        ),
        "The login name “linus” is already used. Choose another one."
    );
}

#[test]
fn the_page_is_drawn_in_every_state() {
    let _guard = ferrum_i18n::hold_locale("en-US");
    let mut state = sample::state();
    let _ = state.view();
    typed_add(&mut state);
    let _ = state.view();
    let _ = state.update(Message::Add(add::Message::Submit));
    let _ = state.view();
    for message in [
        Message::OpenRemove(GRACE),
        Message::OpenPassword,
        Message::OpenPicture,
    ] {
        let mut state = sample::state();
        let _ = state.update(message);
        let _ = state.view();
    }
    for update in [
        ServiceUpdate::Unavailable,
        ServiceUpdate::Failed(no_answer()),
    ] {
        let mut state = sample::state();
        let _ = state.update(Message::Watched(update));
        let _ = state.view();
    }
    assert_eq!(State::title(), "Users");
    assert!(State::keywords().contains("administrator"));
}
