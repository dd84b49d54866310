//! Pure `apply` tests of each step: what it asks of the daemons, where it goes, what it
//! says. No display, no bus: requests are looked at, not run.

use ferrum_services::error::{DbusFailure, FailureKind};
use ferrum_services::new_account::{Created, Leftover, NewAccountError, Step as AccountStep};
use ferrum_services::secret::Secret;
use ferrum_services::timedate::TimedateError;
use ferrum_ui::Effect;
use ferrum_ui::window::App as _;

use super::account::{NameProblem, PasswordProblem};
use super::*;

const TABLE: &str = "DE\t+5230+01322\tEurope/Berlin\nUS\t+404251-0740023\tAmerica/New_York\nFR\t+4852+00220\tEurope/Paris\nJP\t+353916+1394441\tAsia/Tokyo\nAR\t-3436-05827\tAmerica/Argentina/Buenos_Aires\n";

struct Bed {
    setup: Setup,
    _dir: tempfile::TempDir,
}

fn setup() -> Bed {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("greeter.toml");
    let sessions = dir.path().join("wayland-sessions");
    std::fs::create_dir_all(&sessions).expect("folder");
    std::fs::write(
        sessions.join("ferrum.desktop"),
        "[Desktop Entry]\nName=Ferrum\nExec=ferrum-session\nType=Application\n",
    )
    .expect("written");
    std::fs::write(
        &config,
        format!(
            "session_dirs = [\"{}\"]\nstate_file = \"{}\"\nappearance = \"{}\"\nkeyboard_layouts = [\"us\", \"de\"]\ndefault_session = \"ferrum\"\n",
            sessions.display(),
            dir.path().join("state.toml").display(),
            dir.path().join("appearance.toml").display()
        ),
    )
    .expect("settings written");
    std::fs::write(
        dir.path().join("evdev.lst"),
        "! layout\n  us   English (US)\n  de   German\n  fr   French\n",
    )
    .expect("written");
    let zones = dir.path().join("zone1970.tab");
    std::fs::write(&zones, TABLE).expect("written");
    let options = SetupOptions {
        greeter: Options {
            config: Some(config),
            layouts: Some(dir.path().join("evdev.lst")),
            speech_socket: None,
        },
        zone_table: Some(zones),
    };
    let setup = Setup::new(
        &options,
        SystemBus::with_address("unix:path=/nonexistent/system_bus_socket"),
        Link::new(Some(dir.path().join("greetd.sock"))),
    )
    .0;
    Bed { setup, _dir: dir }
}

fn failure(kind: FailureKind) -> DbusFailure {
    DbusFailure::new(kind, "org.example.Error: detail")
}

fn focus(outcome: &Outcome) -> Option<&ferrum_ui::WidgetId> {
    match &outcome.effect {
        Some(Effect::Focus(id)) => Some(id),
        _ => None,
    }
}

/// Walks to `step` the way a person would, with every daemon saying yes.
fn walk_to(setup: &mut Setup, step: Step) {
    while setup.step() < step {
        let outcome = setup.apply(Message::Next);
        match outcome.request {
            Some(Request::SetTimezone(attempt, _)) => {
                let _ = setup.apply(Message::ZoneSet(attempt, Ok(())));
            }
            Some(other) => panic!("unexpected request {other:?}"),
            None => {}
        }
    }
}

fn fill_form(setup: &mut Setup, password: &str, confirmation: &str) {
    let _ = setup.apply(Message::FullName("Ada Lovelace".into()));
    let _ = setup.apply(Message::Password(Secret::new(password.into())));
    let _ = setup.apply(Message::Confirmation(Secret::new(confirmation.into())));
}

#[test]
fn next_and_back_walk_the_steps_and_focus_each_first_control() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut bed = setup();
    let setup = &mut bed.setup;
    assert_eq!(setup.step(), Step::Language);
    // Back on the first step goes nowhere.
    assert!(setup.apply(Message::Back).effect.is_none());
    let outcome = setup.apply(Message::Next);
    assert_eq!(setup.step(), Step::Keyboard);
    assert_eq!(focus(&outcome), Some(&ids::layout("us")));
    let _ = setup.apply(Message::Next);
    assert_eq!(setup.step(), Step::TimeZone);
    let outcome = setup.apply(Message::Back);
    assert_eq!(setup.step(), Step::Keyboard);
    assert!(outcome.request.is_none());
    walk_to(setup, Step::Network);
    // The network is optional: Next skips it.
    let outcome = setup.apply(Message::Next);
    assert_eq!(setup.step(), Step::Account);
    assert_eq!(focus(&outcome), Some(&ids::FULL_NAME));
}

#[test]
fn the_time_zone_is_applied_through_timedated_before_going_on() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut bed = setup();
    let setup = &mut bed.setup;
    assert_eq!(
        setup.zone(),
        "America/New_York",
        "guessed from English (US)"
    );
    walk_to(setup, Step::TimeZone);
    let _ = setup.apply(Message::ChooseZone("Europe/Paris".into()));
    let Some(Request::SetTimezone(attempt, zone)) = setup.apply(Message::Next).request else {
        panic!("timedated is asked");
    };
    assert_eq!(zone, "Europe/Paris");
    assert!(setup.is_busy());
    // Next again while waiting asks nothing more.
    assert!(setup.apply(Message::Next).request.is_none());
    // Refused: a sentence on the time-zone step, and it stays.
    let _ = setup.apply(Message::ZoneSet(
        attempt,
        Err(TimedateError::NotAuthorized(failure(
            FailureKind::AccessDenied,
        ))),
    ));
    assert_eq!(setup.step(), Step::TimeZone);
    assert!(!setup.is_busy());
    let problem = setup.problem().expect("a sentence");
    assert_eq!(
        view::sentence(problem),
        "The time zone could not be set: this computer did not allow it."
    );
    // A late answer to an older attempt changes nothing.
    let Some(Request::SetTimezone(second, _)) = setup.apply(Message::Next).request else {
        panic!("asked again");
    };
    let _ = setup.apply(Message::ZoneSet(attempt, Ok(())));
    assert_eq!(setup.step(), Step::TimeZone);
    let _ = setup.apply(Message::ZoneSet(second, Ok(())));
    assert_eq!(setup.step(), Step::Network);
    assert!(setup.problem().is_none());
}

#[test]
fn the_time_zone_search_finds_cities_and_an_unknown_zone_is_not_taken() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut bed = setup();
    let setup = &mut bed.setup;
    let _ = setup.apply(Message::ZoneQuery("buenos".into()));
    let found: Vec<&str> = setup
        .zone_results()
        .iter()
        .map(|z| z.name.as_str())
        .collect();
    assert_eq!(found, ["America/Argentina/Buenos_Aires"]);
    let _ = setup.apply(Message::ZoneQuery("europe".into()));
    assert_eq!(setup.zone_results().len(), 2);
    let _ = setup.apply(Message::ChooseZone("Mars/Olympus_Mons".into()));
    assert_eq!(setup.zone(), "America/New_York");
}

#[test]
fn the_language_moves_the_guessed_zone_until_one_is_chosen() {
    let _locale = ferrum_i18n::use_locale("en-US");
    let mut bed = setup();
    let setup = &mut bed.setup;
    let _ = setup.update(Message::Menus(menus::Message::ChooseLanguage("de")));
    assert_eq!(setup.language(), "de");
    assert_eq!(setup.zone(), "Europe/Berlin");
    assert_eq!(
        setup.title(),
        "Diesen Computer einrichten",
        "the title follows the chosen language"
    );
    let _ = setup.apply(Message::ChooseZone("Asia/Tokyo".into()));
    let _ = setup.update(Message::Menus(menus::Message::ChooseLanguage("fr")));
    assert_eq!(setup.zone(), "Asia/Tokyo", "the person's choice stays");
    ferrum_i18n::set_locale("en-US");
}

#[test]
fn a_layout_chosen_in_the_keyboard_step_is_typed_in() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut bed = setup();
    let setup = &mut bed.setup;
    let _ = setup.update(Message::Menus(menus::Message::ChooseLayout("fr".into())));
    assert_eq!(setup.layout(), "fr");
    let _ = setup.update(Message::Menus(menus::Message::KeymapCompiled(
        LayoutKeys::new("fr"),
    )));
    if setup.menus.base_layout != "fr" {
        assert_eq!(setup.typing_layout().map(LayoutKeys::layout), Some("fr"));
    }
}

#[test]
fn the_accessibility_toggles_work_from_the_first_screen() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut bed = setup();
    let setup = &mut bed.setup;
    let _ = setup.update(Message::Menus(menus::Message::OpenMenu(
        Menu::Accessibility,
    )));
    assert_eq!(setup.menu(), Some(Menu::Accessibility));
    let _ = setup.update(Message::Menus(menus::Message::ToggleHighContrast));
    let _ = setup.update(Message::Menus(menus::Message::ToggleLargeText));
    assert_eq!(
        setup.theme().palette(),
        ferrum_ui::theme::high_contrast().palette()
    );
    assert!(setup.scale_factor() > 1.0);
    let _ = setup.update(Message::Escape);
    assert_eq!(setup.menu(), None);
    assert_eq!(setup.step(), Step::Language, "Escape closed the menu only");
}

#[test]
fn the_account_form_refuses_bad_names_and_mismatched_passwords() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut bed = setup();
    let setup = &mut bed.setup;
    walk_to(setup, Step::Account);
    fill_form(setup, "analytical engine", "analytical engine!");
    assert_eq!(setup.form().user_name, "ada");
    let outcome = setup.apply(Message::Next);
    assert!(
        outcome.request.is_none(),
        "nothing is asked of AccountsService"
    );
    assert_eq!(
        setup.form().password_problem,
        Some(PasswordProblem::Mismatch)
    );
    assert_eq!(focus(&outcome), Some(&ids::PASSWORD));
    let _ = setup.apply(Message::UserName("Ada".into()));
    let _ = setup.apply(Message::Confirmation(Secret::new(
        "analytical engine".into(),
    )));
    let outcome = setup.apply(Message::Next);
    assert!(outcome.request.is_none());
    assert_eq!(setup.form().name_problem, Some(NameProblem::BadStart));
    assert_eq!(focus(&outcome), Some(&ids::USER_NAME));
    let _ = setup.apply(Message::UserName("ada".into()));
    let Some(Request::CreateAccount(_, leftover, account)) = setup.apply(Message::Next).request
    else {
        panic!("AccountsService is asked");
    };
    assert!(leftover.is_none());
    assert_eq!(account.user_name, "ada");
    assert_eq!(account.real_name, "Ada Lovelace");
    assert!(account.administrator, "administrator by default");
    assert_eq!(account.password.expose(), "analytical engine");
}

#[test]
fn a_taken_name_is_said_on_the_name_field() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut bed = setup();
    let setup = &mut bed.setup;
    walk_to(setup, Step::Account);
    fill_form(setup, "analytical engine", "analytical engine");
    let Some(Request::CreateAccount(attempt, ..)) = setup.apply(Message::Next).request else {
        panic!("asked");
    };
    let outcome = setup.apply(Message::AccountDone(
        attempt,
        Err(NewAccountError::NameTaken("ada".into())),
    ));
    assert_eq!(setup.step(), Step::Account);
    assert_eq!(setup.form().name_problem, Some(NameProblem::Taken));
    assert_eq!(focus(&outcome), Some(&ids::USER_NAME));
    assert_eq!(
        view::sentence(setup.problem().expect("a sentence")),
        "The user name ada is taken. Choose another one."
    );
}

#[test]
fn an_unfinished_account_is_removed_at_the_next_attempt() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut bed = setup();
    let setup = &mut bed.setup;
    walk_to(setup, Step::Account);
    fill_form(setup, "analytical engine", "analytical engine");
    let Some(Request::CreateAccount(attempt, ..)) = setup.apply(Message::Next).request else {
        panic!("asked");
    };
    let leftover = Leftover {
        user_name: "ada".into(),
        uid: 1000,
    };
    let gone = NewAccountError::Unavailable(failure(FailureKind::ServiceMissing));
    let _ = setup.apply(Message::AccountDone(
        attempt,
        Err(NewAccountError::LeftBehind {
            step: AccountStep::Password,
            cause: Box::new(gone.clone()),
            removal: Box::new(gone),
            leftover: leftover.clone(),
        }),
    ));
    assert_eq!(setup.leftover(), Some(&leftover));
    assert!(view::sentence(setup.problem().expect("said")).contains("unfinished account"));
    let Some(Request::CreateAccount(_, to_remove, _)) = setup.apply(Message::Next).request else {
        panic!("asked again");
    };
    assert_eq!(to_remove, Some(leftover));
}

#[test]
fn a_created_account_logs_in_straight_away_with_the_password_just_set() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut bed = setup();
    let setup = &mut bed.setup;
    walk_to(setup, Step::Account);
    let _ = setup.update(Message::Menus(menus::Message::ChooseLayout("de".into())));
    fill_form(setup, "analytical engine", "analytical engine");
    let Some(Request::CreateAccount(attempt, ..)) = setup.apply(Message::Next).request else {
        panic!("asked");
    };
    let outcome = setup.apply(Message::AccountDone(
        attempt,
        Ok(Created {
            user_name: "ada".into(),
            uid: 1000,
        }),
    ));
    assert_eq!(setup.step(), Step::Finish);
    let Some(Request::Login {
        attempt,
        user,
        password,
        command,
        environment,
    }) = outcome.request
    else {
        panic!("greetd is asked");
    };
    assert_eq!(user, "ada");
    assert_eq!(password.expose(), "analytical engine");
    assert_eq!(command, ["ferrum-session"]);
    assert!(environment.contains(&"XKB_DEFAULT_LAYOUT=de".to_owned()));
    assert!(environment.contains(&"LANG=en_US.UTF-8".to_owned()));
    // greetd refuses: a sentence and Try again; the password is still there for it.
    let outcome = setup.apply(Message::LoggedIn(
        attempt,
        Err(LoginError::Greetd("session failed".into())),
    ));
    assert_eq!(focus(&outcome), Some(&ids::RETRY));
    let Some(Request::Login { attempt, .. }) = setup.apply(Message::Retry).request else {
        panic!("again");
    };
    let outcome = setup.apply(Message::LoggedIn(attempt, Ok(())));
    assert!(outcome.exit, "the session runs: the setup ends");
    assert_eq!(
        setup.form().password.expose(),
        "",
        "the password is dropped"
    );
}

#[test]
fn a_wifi_password_of_the_wrong_shape_is_said_before_networkmanager_sees_it() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut bed = setup();
    let setup = &mut bed.setup;
    walk_to(setup, Step::Network);
    let chosen = ChosenNetwork {
        device: "/org/freedesktop/NetworkManager/Devices/3".into(),
        access_point: "/org/freedesktop/NetworkManager/AccessPoint/7".into(),
        ssid: Ssid::from("Home"),
        security: Security::WpaPersonal,
    };
    let outcome = setup.apply(Message::ChooseNetwork(chosen.clone()));
    assert_eq!(focus(&outcome), Some(&ids::WIFI_PASSWORD));
    let _ = setup.apply(Message::WifiPasswordChanged(Secret::new("short".into())));
    let outcome = setup.apply(Message::Join);
    assert!(outcome.request.is_none());
    assert!(matches!(setup.problem(), Some(Problem::WifiPassword(_))));
    let _ = setup.apply(Message::WifiPasswordChanged(Secret::new(
        "long enough".into(),
    )));
    let Some(Request::Join(attempt, asked, Some(_))) = setup.apply(Message::Join).request else {
        panic!("NetworkManager is asked");
    };
    assert_eq!(asked, chosen);
    let _ = setup.apply(Message::Joined(
        attempt,
        Err(NetworkCommandError::ActivationFailed(
            network::StateReason::NoSecrets,
        )),
    ));
    assert_eq!(
        view::sentence(setup.problem().expect("said")),
        "The network did not accept the password."
    );
}

#[test]
fn secrets_never_show_in_debug_output() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut bed = setup();
    let setup = &mut bed.setup;
    walk_to(setup, Step::Account);
    fill_form(setup, "analytical engine", "analytical engine");
    let request = setup.apply(Message::Next).request.expect("asked");
    assert!(!format!("{request:?}").contains("analytical"));
    assert!(!format!("{setup:?}").contains("analytical"));
}

/// The accessible tree the setup's view makes now (laid out in the greeter's window, headless).
fn tree_of(setup: &Setup) -> Snapshot {
    use iced::advanced::renderer::Headless;
    use iced::advanced::widget::Operation as _;
    use iced::advanced::widget::operation::{Outcome as Read, black_box};
    use iced_test::runtime::user_interface::{Cache, UserInterface};

    let mut renderer = futures::executor::block_on(<iced::Renderer as Headless>::new(
        ferrum_ui::theme::DEFAULT_FONT,
        iced::Pixels(16.0),
        Some("tiny-skia"),
    ))
    .expect("a headless renderer");
    let mut ui = UserInterface::build(
        setup.view(),
        iced::Size::new(1024.0, 700.0),
        Cache::default(),
        &mut renderer,
    );
    let mut collect = ferrum_accessibility::tree::collect();
    ui.operate(&renderer, &mut black_box::<Snapshot, ()>(&mut collect));
    match collect.finish() {
        Read::Some(snapshot) => snapshot,
        _ => panic!("the tree is read"),
    }
}

#[test]
fn the_last_step_is_heard_though_nothing_there_takes_the_focus() {
    let _english = ferrum_i18n::hold_locale("en-US");
    let mut bed = setup();
    let setup = &mut bed.setup;
    walk_to(setup, Step::Account);
    fill_form(setup, "analytical engine", "analytical engine");
    let Some(Request::CreateAccount(attempt, ..)) = setup.apply(Message::Next).request else {
        panic!("asked");
    };
    let outcome = setup.apply(Message::AccountDone(
        attempt,
        Ok(Created {
            user_name: "ada".into(),
            uid: 1000,
        }),
    ));
    assert_eq!(setup.step(), Step::Finish);
    // Create account is gone and no control takes its place: the focus goes to the waiting
    // line, which takes none, so a screen reader hears the line as an alert as soon as it
    // appears (a label would be heard only if looked for).
    assert_eq!(focus(&outcome), Some(&ids::WAITING));
    let tree = tree_of(setup);
    let alerts: Vec<&str> = tree
        .nodes
        .iter()
        .filter(|node| node.info.role == ferrum_accessibility::Role::Alert)
        .map(|node| node.info.name.as_str())
        .collect();
    assert_eq!(alerts, ["Starting your session…"]);
    // Logging in fails: the line says the account exists, heard with the sentence, and Try
    // again takes the focus.
    let Some(Request::Login { attempt, .. }) = outcome.request else {
        panic!("greetd is asked");
    };
    let outcome = setup.apply(Message::LoggedIn(
        attempt,
        Err(LoginError::Greetd("session failed".into())),
    ));
    assert_eq!(focus(&outcome), Some(&ids::RETRY));
    let tree = tree_of(setup);
    let alerts: Vec<&str> = tree
        .nodes
        .iter()
        .filter(|node| node.info.role == ferrum_accessibility::Role::Alert)
        .map(|node| node.info.name.as_str())
        .collect();
    assert_eq!(
        alerts,
        [
            "Your account ada was created, but logging in did not work.",
            "Logging in failed. Try again."
        ]
    );
}
