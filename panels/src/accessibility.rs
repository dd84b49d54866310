//! The Accessibility page: self-voicing, high contrast, text size, reduced motion.
//!
//! The page owns the [`Preferences`]; the window follows them (theme, scale,
//! speech). Saving is debounced and done off the UI thread: each change asks
//! for a save after [`SAVE_DELAY`], and only the latest change's save writes
//! (a slider drag writes once).

use std::path::PathBuf;
use std::time::Duration;

use ferrum_accessibility::preferences::{
    AccentColor, ClockFormat, ColorScheme, PreferencesError, TEXT_SCALES,
};
use ferrum_accessibility::speech::SpeechError;
use ferrum_accessibility::{Accessible, AccessibleInfo, NumericValue, Preferences, Role};
use ferrum_i18n::fl;
use ferrum_services::SystemBus;
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::widgets::{caption, notice, page_title, section};
use iced::widget::{button, column, row, slider, text, toggler};
use iced::{Alignment, Element, Length};

use crate::page::{self, Context, Outcome, Page, PageRequest};

/// How long after the last change the preferences are written.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

/// The page's state.
#[derive(Debug, Clone)]
pub struct State {
    /// The preferences in force.
    pub preferences: Preferences,
    /// Where they are saved (`None`: not saved).
    pub path: Option<PathBuf>,
    /// Why speech is not working, while self-voicing is on (the window knows).
    pub speech_problem: Option<SpeechError>,
    /// The last failure to save.
    pub error: Option<ErrorReport>,
    /// Counts changes; a save is written only for the latest one.
    changes: u64,
}

/// What happens on the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Speak focus and state changes.
    SelfVoicing(bool),
    /// High-contrast colours.
    HighContrast(bool),
    /// Size of everything, in percent.
    TextScale(u16),
    /// No animations.
    ReducedMotion(bool),
    /// Light, dark or following the time of day (the Appearance page's; `None`: not chosen).
    ColorScheme(Option<ColorScheme>),
    /// The accent colour (the Appearance page's; `None`: the theme's own).
    Accent(Option<AccentColor>),
    /// 24-hour or 12-hour clock (the Date & Time page's; `None`: the language's custom).
    Clock(Option<ClockFormat>),
    /// The pause after change number `.0` is over.
    SaveDue(u64),
    /// The preferences were written (or not).
    Saved(Result<(), PreferencesError>),
    /// The user acted on the error report.
    Report(error_report::Message),
}

/// Work off the UI thread.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Wait [`SAVE_DELAY`], then say change number `.0` is due.
    SaveAfterPause(u64),
    /// Write the preferences to the file.
    Write(Preferences, PathBuf),
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, _bus: SystemBus) -> Message {
        match self {
            Request::SaveAfterPause(change) => {
                tokio::time::sleep(SAVE_DELAY).await;
                Message::SaveDue(change)
            }
            Request::Write(preferences, path) => {
                let target = path.clone();
                let written = tokio::task::spawn_blocking(move || preferences.save(&target)).await;
                Message::Saved(written.unwrap_or_else(|error| {
                    Err(PreferencesError::Io {
                        path,
                        reason: format!("the writer stopped: {error}"),
                    })
                }))
            }
        }
    }
}

impl State {
    /// The page for preferences loaded from `path`.
    pub fn with(preferences: Preferences, path: Option<PathBuf>) -> Self {
        Self {
            preferences,
            path,
            speech_problem: None,
            error: None,
            changes: 0,
        }
    }

    fn changed(&mut self) -> Outcome<Request> {
        self.changes += 1;
        match self.path {
            Some(_) => Outcome::request(Request::SaveAfterPause(self.changes)),
            None => Outcome::none(),
        }
    }
}

impl Page for State {
    type Message = Message;
    type Request = Request;

    fn new(context: &Context) -> Self {
        Self::with(context.preferences, context.preferences_path.clone())
    }

    fn title() -> String {
        fl!("a11y-title")
    }

    fn keywords() -> String {
        fl!("a11y-title.keywords")
    }

    fn update(&mut self, message: Message) -> Outcome<Request> {
        let preferences = &mut self.preferences;
        match message {
            Message::SelfVoicing(on) => preferences.self_voicing = on,
            Message::HighContrast(on) => preferences.high_contrast = on,
            Message::TextScale(percent) => {
                // Snap to the offered steps (a slider drag gives any value).
                let clamped = percent.clamp(100, 200);
                let snapped = TEXT_SCALES
                    .into_iter()
                    .min_by_key(|step| step.abs_diff(clamped))
                    .unwrap_or(100);
                if snapped == preferences.text_scale {
                    return Outcome::none();
                }
                preferences.text_scale = snapped;
            }
            Message::ReducedMotion(on) => preferences.reduced_motion = on,
            Message::ColorScheme(scheme) => preferences.color_scheme = scheme,
            Message::Accent(accent) => preferences.accent = accent,
            Message::Clock(clock) => preferences.clock = clock,
            Message::SaveDue(change) => {
                return match &self.path {
                    Some(path) if change == self.changes => {
                        Outcome::request(Request::Write(self.preferences, path.clone()))
                    }
                    _ => Outcome::none(),
                };
            }
            Message::Saved(result) => {
                if let Err(error) = result {
                    tracing::warn!(%error, "accessibility preferences not saved");
                    self.error = Some(ErrorReport::new(
                        fl!("a11y-preferences-not-saved"),
                        error.to_string(),
                    ));
                }
                return Outcome::none();
            }
            Message::Report(message) => {
                return page::report(&mut self.error, message);
            }
        }
        self.changed()
    }

    fn view(&self) -> Element<'_, Message> {
        let page = view(&self.preferences, self.speech_problem.as_ref());
        match &self.error {
            Some(report) => column![
                error_report::view(report, &crate::ids::A11Y).map(Message::Report),
                page
            ]
            .spacing(16)
            .into(),
            None => page,
        }
    }
}

fn switch_row<'a>(
    id: ferrum_ui::WidgetId,
    label: String,
    description: String,
    on: bool,
    message: fn(bool) -> Message,
) -> Element<'a, Message> {
    let info = AccessibleInfo::new(Role::Switch, label.clone())
        .description(description.clone())
        .checked(on);
    Accessible::new(
        id,
        info,
        button(
            row![
                column![text(label).size(16), caption(description)]
                    .spacing(2)
                    .width(Length::Fill),
                toggler(on).on_toggle(message),
            ]
            .spacing(12)
            .align_y(Alignment::Center),
        )
        .width(Length::Fill)
        .padding(8)
        .style(button::text)
        .on_press(message(!on)),
    )
    .on_activate(message(!on))
    .into()
}

/// Draws the page; `speech_problem` is why speech is not working, if it is not.
pub fn view<'a>(
    preferences: &'a Preferences,
    speech_problem: Option<&SpeechError>,
) -> Element<'a, Message> {
    let step = TEXT_SCALES[1] - TEXT_SCALES[0];
    let current = preferences.text_scale;
    let less = Message::TextScale(current.saturating_sub(step).max(TEXT_SCALES[0]));
    let more = Message::TextScale((current + step).min(TEXT_SCALES[TEXT_SCALES.len() - 1]));
    let value = fl!("a11y-text-scale-value", percent = current);
    let scale_slider = Accessible::new(
        crate::ids::A11Y_TEXT_SCALE,
        AccessibleInfo::new(Role::Slider, fl!("a11y-text-scale"))
            .value(value.clone())
            .numeric(NumericValue {
                value: f64::from(current),
                min: f64::from(TEXT_SCALES[0]),
                max: f64::from(TEXT_SCALES[TEXT_SCALES.len() - 1]),
                step: f64::from(step),
            }),
        row![
            slider(
                f64::from(TEXT_SCALES[0])..=f64::from(TEXT_SCALES[TEXT_SCALES.len() - 1]),
                f64::from(current),
                |value| Message::TextScale(value.round() as u16),
            )
            .step(f64::from(step)),
            text(value).width(70),
        ]
        .spacing(12)
        .align_y(Alignment::Center),
    )
    .on_adjust(less, more);
    column![
        page_title(fl!("a11y-title")),
        section(
            fl!("a11y-seeing-heading"),
            column![
                switch_row(
                    crate::ids::A11Y_HIGH_CONTRAST,
                    fl!("a11y-high-contrast"),
                    fl!("a11y-high-contrast.desc"),
                    preferences.high_contrast,
                    Message::HighContrast,
                ),
                column![
                    text(fl!("a11y-text-scale")).size(16),
                    caption(fl!("a11y-text-scale.desc")),
                    scale_slider
                ]
                .spacing(6)
                .padding(8),
                switch_row(
                    crate::ids::A11Y_REDUCED_MOTION,
                    fl!("a11y-reduced-motion"),
                    fl!("a11y-reduced-motion.desc"),
                    preferences.reduced_motion,
                    Message::ReducedMotion,
                ),
            ]
            .spacing(4)
        ),
        section(
            fl!("a11y-hearing-heading"),
            column![switch_row(
                crate::ids::A11Y_SELF_VOICING,
                fl!("a11y-self-voicing"),
                fl!("a11y-self-voicing.desc"),
                preferences.self_voicing,
                Message::SelfVoicing,
            )]
            .extend(
                speech_problem
                    .map(|problem| { notice(fl!("a11y-speech-unavailable"), problem.to_string()) })
            )
            .spacing(8)
        ),
    ]
    .spacing(20)
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: Option<&str>) -> State {
        State::with(Preferences::default(), path.map(PathBuf::from))
    }

    #[test]
    fn changes_apply_and_scale_is_clamped() {
        let mut state = page(None);
        let _ = state.update(Message::HighContrast(true));
        let _ = state.update(Message::TextScale(900));
        let _ = state.update(Message::SelfVoicing(true));
        let preferences = state.preferences;
        assert!(preferences.high_contrast && preferences.self_voicing);
        assert_eq!(preferences.text_scale, 200);
    }

    #[test]
    fn a_slider_drag_writes_once_after_the_last_step() {
        let mut state = page(Some("/prefs.toml"));
        let first = state.update(Message::TextScale(125));
        let second = state.update(Message::TextScale(150));
        assert_eq!(first, Outcome::request(Request::SaveAfterPause(1)));
        assert_eq!(second, Outcome::request(Request::SaveAfterPause(2)));
        // The first pause ends: a newer change is waiting, nothing is written.
        assert_eq!(state.update(Message::SaveDue(1)), Outcome::none());
        let expected = Preferences {
            text_scale: 150,
            ..Preferences::default()
        };
        assert_eq!(
            state.update(Message::SaveDue(2)),
            Outcome::request(Request::Write(expected, PathBuf::from("/prefs.toml")))
        );
    }

    #[test]
    fn nothing_is_saved_without_a_file() {
        let mut state = page(None);
        assert_eq!(state.update(Message::ReducedMotion(true)), Outcome::none());
    }

    #[test]
    fn a_failed_save_is_shown_and_can_be_copied() {
        let mut state = page(Some("/prefs.toml"));
        let failure = PreferencesError::Io {
            path: PathBuf::from("/prefs.toml"),
            reason: "read-only file system".into(),
        };
        let _ = state.update(Message::Saved(Err(failure)));
        let report = state.error.clone().expect("the failure is shown");
        assert!(report.detail.contains("read-only file system"));
        assert_eq!(
            state
                .update(Message::Report(error_report::Message::Copy))
                .effect,
            Some(ferrum_ui::Effect::Copy(report.clipboard_text()))
        );
    }

    #[test]
    fn the_page_is_named_for_search() {
        assert!(!State::title().is_empty());
        assert!(State::keywords().contains(';'));
    }
}
