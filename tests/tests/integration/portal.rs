//! Ferrum's Settings portal backend behind the real `xdg-desktop-portal` frontend
//! (`ferrum_testbed::portal::PortalBed`): what the preferences say is what apps read through
//! the frontend, changes reach a listener as `SettingChanged`, a killed backend is activated
//! again with the same answers, and a malformed file serves the defaults without a crash.
//! Preferences are saved by the pages' own saving request.
//!
//! Debian 12's frontend (1.16) has no `ReadOne`; [`read_one`] uses it where the frontend's
//! `version` is 2 or more (the image's 1.20), else `Read`, unwrapping the extra variant.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use ferrum_accessibility::Preferences;
use ferrum_accessibility::preferences::{AccentColor, ColorScheme};
use ferrum_integration_tests::{cargo_binary, next_matching, wait_for};
use ferrum_panels::PageRequest as _;
use ferrum_panels::accessibility::{Message, Request};
use ferrum_services::SystemBus;
use ferrum_testbed::portal::{BACKEND_NAME, PortalBed};
use zbus::zvariant::{OwnedValue, Structure, Value};

const NAMESPACE: &str = "org.freedesktop.appearance";

#[zbus::proxy(
    interface = "org.freedesktop.portal.Settings",
    default_service = "org.freedesktop.portal.Desktop",
    default_path = "/org/freedesktop/portal/desktop",
    gen_blocking = false
)]
trait Settings {
    fn read_all(
        &self,
        namespaces: &[&str],
    ) -> zbus::Result<
        std::collections::HashMap<String, std::collections::HashMap<String, OwnedValue>>,
    >;
    fn read(&self, namespace: &str, key: &str) -> zbus::Result<OwnedValue>;
    fn read_one(&self, namespace: &str, key: &str) -> zbus::Result<OwnedValue>;
    #[zbus(signal)]
    fn setting_changed(
        &self,
        namespace: String,
        key: String,
        value: OwnedValue,
    ) -> zbus::Result<()>;
    #[zbus(property, name = "version")]
    fn version(&self) -> zbus::Result<u32>;
}

struct Portal {
    bed: PortalBed,
    settings: SettingsProxy<'static>,
}

async fn start() -> Portal {
    let backend = cargo_binary("ferrum-portal", "ferrum-portal");
    let bed = PortalBed::start(&backend).expect("portal bed");
    let connection = zbus::connection::Builder::address(bed.address())
        .expect("address")
        .build()
        .await
        .expect("connected to the bed's session bus");
    let settings = SettingsProxy::new(&connection).await.expect("proxy");
    Portal { bed, settings }
}

impl Portal {
    /// Saves `preferences` as the pages do (the Accessibility page's write request, which the
    /// Appearance page's changes go through too).
    async fn save(&self, preferences: Preferences) {
        let path: PathBuf = self.bed.preferences_path();
        let bus = SystemBus::with_address("unix:path=/nonexistent");
        let answer = Request::Write(preferences, path).run(bus).await;
        assert_eq!(answer, Message::Saved(Ok(())));
    }

    /// `ReadOne` (or `Read` on a version 1 frontend), as an app reads one key.
    async fn read_one(&self, key: &str) -> Value<'static> {
        let version = self.settings.version().await.unwrap_or(1);
        let value = if version >= 2 {
            self.settings.read_one(NAMESPACE, key).await
        } else {
            self.settings.read(NAMESPACE, key).await
        };
        let value = Value::from(
            value.unwrap_or_else(|error| panic!("reading {key}: {error}\n{}", self.bed.log())),
        );
        match value {
            Value::Value(inner) => *inner,
            other => other,
        }
    }

    async fn wait_for_change(
        &self,
        changes: &mut SettingChangedStream,
        key: &str,
        expected: &Value<'_>,
    ) {
        next_matching(changes, &format!("SettingChanged {key}"), |signal| {
            signal.args().is_ok_and(|args| {
                args.namespace == NAMESPACE && args.key == key && *args.value == *expected
            })
        })
        .await
        .unwrap_or_else(|error| panic!("{error}\n{}", self.bed.log()));
    }
}

#[tokio::test]
async fn color_scheme_set_by_the_page_is_read_and_announced_through_the_frontend() {
    let portal = start().await;
    // Nothing chosen yet: no preference.
    assert_eq!(portal.read_one("color-scheme").await, Value::U32(0));
    let mut changes = portal
        .settings
        .receive_setting_changed()
        .await
        .expect("subscribed");
    portal
        .save(Preferences {
            color_scheme: Some(ColorScheme::Dark),
            ..Preferences::default()
        })
        .await;
    portal
        .wait_for_change(&mut changes, "color-scheme", &Value::U32(1))
        .await;
    assert_eq!(portal.read_one("color-scheme").await, Value::U32(1));
    portal
        .save(Preferences {
            color_scheme: Some(ColorScheme::Light),
            ..Preferences::default()
        })
        .await;
    portal
        .wait_for_change(&mut changes, "color-scheme", &Value::U32(2))
        .await;
    assert_eq!(portal.read_one("color-scheme").await, Value::U32(2));
    // Unknown keys are the frontend's "not found".
    let unknown = portal.settings.read(NAMESPACE, "no-such-key").await;
    assert!(
        matches!(&unknown, Err(zbus::Error::MethodError(name, _, _)) if name.as_str() == "org.freedesktop.portal.Error.NotFound"),
        "{unknown:?}"
    );
}

#[tokio::test]
async fn a_killed_backend_is_activated_again_with_the_same_answer() {
    let portal = start().await;
    portal
        .save(Preferences {
            color_scheme: Some(ColorScheme::Dark),
            ..Preferences::default()
        })
        .await;
    assert_eq!(portal.read_one("color-scheme").await, Value::U32(1));
    let first = portal.bed.backend_pid().expect("the backend runs");
    let killed = std::process::Command::new("kill")
        .args(["-KILL", &first.to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    wait_for("the backend's name to be released", || {
        portal.bed.pid_of(BACKEND_NAME).is_none()
    })
    .await;
    assert_eq!(portal.read_one("color-scheme").await, Value::U32(1));
    let second = portal.bed.backend_pid().expect("activated again");
    assert_ne!(first, second);
    // And the new one is followed by the frontend's signal subscription too.
    let mut changes = portal
        .settings
        .receive_setting_changed()
        .await
        .expect("subscribed");
    portal
        .save(Preferences {
            color_scheme: Some(ColorScheme::Light),
            ..Preferences::default()
        })
        .await;
    portal
        .wait_for_change(&mut changes, "color-scheme", &Value::U32(2))
        .await;
}

#[tokio::test]
async fn a_malformed_file_serves_the_defaults_without_a_crash() {
    let portal = start().await;
    portal
        .save(Preferences {
            color_scheme: Some(ColorScheme::Dark),
            high_contrast: true,
            ..Preferences::default()
        })
        .await;
    assert_eq!(portal.read_one("contrast").await, Value::U32(1));
    let pid = portal.bed.backend_pid().expect("the backend runs");
    let mut changes = portal
        .settings
        .receive_setting_changed()
        .await
        .expect("subscribed");
    std::fs::write(portal.bed.preferences_path(), "color_scheme = [[[ not toml").expect("write");
    portal
        .wait_for_change(&mut changes, "color-scheme", &Value::U32(0))
        .await;
    assert_eq!(portal.read_one("contrast").await, Value::U32(0));
    assert_eq!(
        portal.bed.backend_pid(),
        Some(pid),
        "the same backend answers"
    );
    assert!(
        portal
            .bed
            .log()
            .contains("preferences unreadable; serving the defaults")
    );
}

#[tokio::test]
async fn accent_colour_contrast_and_reduced_motion_round_trip() {
    let portal = start().await;
    assert_eq!(
        portal.read_one("accent-color").await,
        Value::Structure(Structure::from((-1.0, -1.0, -1.0))),
        "unset is out of range, which the spec reads as unset"
    );
    let mut changes = portal
        .settings
        .receive_setting_changed()
        .await
        .expect("subscribed");
    let accent = AccentColor::new(0xe0, 0x1b, 0x24);
    portal
        .save(Preferences {
            accent: Some(accent),
            high_contrast: true,
            reduced_motion: true,
            ..Preferences::default()
        })
        .await;
    let expected = Value::Structure(Structure::from(accent.unit_rgb()));
    portal
        .wait_for_change(&mut changes, "accent-color", &expected)
        .await;
    assert_eq!(portal.read_one("accent-color").await, expected);
    assert_eq!(portal.read_one("contrast").await, Value::U32(1));
    assert_eq!(portal.read_one("reduced-motion").await, Value::U32(1));
    let all = portal
        .settings
        .read_all(&[NAMESPACE])
        .await
        .expect("ReadAll");
    let appearance = all.get(NAMESPACE).expect("the namespace is listed");
    assert_eq!(
        appearance.get("contrast").map(|v| Value::from(v.clone())),
        Some(Value::U32(1))
    );
    assert_eq!(
        appearance
            .get("color-scheme")
            .map(|v| Value::from(v.clone())),
        Some(Value::U32(0))
    );
}

/// Runs a page request and feeds its answer back until the page asks for nothing more (the
/// Accessibility page's pause, then its write).
async fn settle(page: &mut ferrum_panels::accessibility::State, message: Message) {
    use ferrum_panels::Page as _;
    let mut next = Some(message);
    while let Some(message) = next.take() {
        let outcome = page.update(message);
        if let Some(request) = outcome.request {
            let answer = request
                .run(SystemBus::with_address("unix:path=/nonexistent"))
                .await;
            next = Some(answer);
        }
    }
}

#[tokio::test]
async fn what_the_appearance_page_sets_is_what_apps_read() {
    use ferrum_panels::Page as _;
    use ferrum_panels::appearance;
    let portal = start().await;
    // An app has asked once (which starts the frontend, and it the backend).
    assert_eq!(portal.read_one("color-scheme").await, Value::U32(0));
    let mut changes = portal
        .settings
        .receive_setting_changed()
        .await
        .expect("subscribed");
    // The two pages as the shell holds them: the Accessibility page owns the preferences,
    // the Appearance page's changes are handed to it.
    let mut owner = ferrum_panels::accessibility::State::with(
        Preferences::default(),
        Some(portal.bed.preferences_path()),
    );
    let mut page = appearance::State::with(Preferences::default());
    settle(&mut owner, Message::ColorScheme(Some(ColorScheme::Dark))).await;
    portal
        .wait_for_change(&mut changes, "color-scheme", &Value::U32(1))
        .await;
    assert_eq!(portal.read_one("color-scheme").await, Value::U32(1));
    // A typed colour goes through the page's own request.
    let _ = page.update(appearance::Message::CustomChanged("#2a7ab0".into()));
    let Some(request) = page.update(appearance::Message::CustomSubmitted).request else {
        panic!("a valid colour is handed over");
    };
    let appearance::Message::Preferences(change) = request
        .run(SystemBus::with_address("unix:path=/nonexistent"))
        .await
    else {
        panic!("the hand-over answers with a preferences change");
    };
    settle(&mut owner, change).await;
    let expected = Value::Structure(Structure::from(
        AccentColor::new(0x2a, 0x7a, 0xb0).unit_rgb(),
    ));
    portal
        .wait_for_change(&mut changes, "accent-color", &expected)
        .await;
    assert_eq!(portal.read_one("accent-color").await, expected);
    assert_eq!(portal.read_one("color-scheme").await, Value::U32(1));
}
