use ferrum_accessibility::preferences::{AccentColor, ColorScheme};
use ferrum_i18n::hold_locale;

use super::*;

fn page() -> State {
    State::with(Preferences::default())
}

#[test]
fn a_valid_custom_colour_is_handed_over_as_a_preferences_change() {
    let mut state = page();
    let _ = state.update(Message::CustomChanged(" #2A7AB0 ".into()));
    let outcome = state.update(Message::CustomSubmitted);
    let accent = AccentColor::new(0x2a, 0x7a, 0xb0);
    assert_eq!(
        outcome,
        Outcome::request(Request::Change(accessibility::Message::Accent(Some(
            accent
        ))))
    );
    // Shown as it is kept.
    assert_eq!(state.custom, "#2a7ab0");
    assert!(!state.custom_refused);
}

#[tokio::test]
async fn the_hand_over_answers_with_the_change() {
    let change = accessibility::Message::ColorScheme(Some(ColorScheme::Dark));
    let bus = SystemBus::with_address("unix:path=/nonexistent");
    assert_eq!(
        Request::Change(change.clone()).run(bus).await,
        Message::Preferences(change)
    );
}

#[test]
fn a_bad_custom_colour_is_refused_in_words_and_the_typing_kept() {
    let _locale = hold_locale("en-US");
    let mut state = page();
    let _ = state.update(Message::CustomChanged("#12345g".into()));
    assert_eq!(state.update(Message::CustomSubmitted), Outcome::none());
    assert!(state.custom_refused);
    assert_eq!(state.custom, "#12345g");
    let mut ui = iced_test::Simulator::new(state.view());
    assert!(
        ui.find("“#12345g” is not a colour. Type it as # and six digits from 0–9 and a–f, for example #2a7ab0.")
            .is_ok(),
        "the refusal is explained"
    );
    drop(ui);
    // Typing again clears the sentence.
    let _ = state.update(Message::CustomChanged("#123456".into()));
    assert!(!state.custom_refused);
}

#[test]
fn preference_changes_belong_to_the_accessibility_page() {
    let mut state = page();
    let before = state.preferences;
    let outcome = state.update(Message::Preferences(accessibility::Message::HighContrast(
        true,
    )));
    assert_eq!(outcome, Outcome::none());
    assert_eq!(state.preferences, before, "the page owns nothing");
}

#[test]
fn the_controls_send_the_accessibility_pages_messages() {
    let _locale = hold_locale("en-US");
    let state = page();
    let mut ui = iced_test::Simulator::new(state.view());
    for label in ["Dark", "Follow the time of day", "Light"] {
        assert!(ui.click(label).is_ok(), "{label} is on the page");
    }
    let messages: Vec<Message> = ui.into_messages().collect();
    assert_eq!(
        messages,
        [
            ColorScheme::Dark,
            ColorScheme::TimeOfDay,
            ColorScheme::Light
        ]
        .map(|scheme| Message::Preferences(accessibility::Message::ColorScheme(Some(scheme))))
        .to_vec()
    );
    let mut ui = iced_test::Simulator::new(state.view());
    for label in ["High contrast", "Reduce motion", "Ferrum’s own"] {
        assert!(ui.click(label).is_ok(), "{label} is on the page");
    }
    let messages: Vec<Message> = ui.into_messages().collect();
    assert_eq!(
        messages,
        vec![
            Message::Preferences(accessibility::Message::HighContrast(true)),
            Message::Preferences(accessibility::Message::ReducedMotion(true)),
            Message::Preferences(accessibility::Message::Accent(None)),
        ]
    );
}

#[test]
fn a_custom_accent_in_use_fills_the_field_a_palette_one_does_not() {
    let custom = AccentColor::new(1, 2, 3);
    let state = State::with(Preferences {
        accent: Some(custom),
        ..Preferences::default()
    });
    assert_eq!(state.custom, "#010203");
    let state = State::with(Preferences {
        accent: Some(PALETTE[0].color),
        ..Preferences::default()
    });
    assert_eq!(state.custom, "");
}

#[test]
fn every_palette_colour_is_named_and_carries_white_text() {
    let _locale = hold_locale("en-US");
    let mut names: Vec<String> = PALETTE.iter().map(NamedAccent::name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), PALETTE.len(), "eight different names");
    // WCAG relative luminance; white on the colour needs at least 4.5:1.
    let linear = |channel: u8| {
        let c = f64::from(channel) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    for entry in PALETTE {
        let color = entry.color;
        let luminance =
            0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue);
        let contrast = 1.05 / (luminance + 0.05);
        assert!(contrast >= 4.5, "{}: {contrast:.2}", entry.key);
    }
}

#[test]
fn the_page_is_named_for_search() {
    let _locale = hold_locale("en-US");
    assert_eq!(State::title(), "Appearance");
    assert!(State::keywords().contains("dark"));
    assert!(crate::PanelId::search("accent").contains(&crate::PanelId::Appearance));
    assert!(crate::PanelId::search("dark mode").contains(&crate::PanelId::Appearance));
}
