//! Fluent translations for the Ferrum shell.
//!
//! Every user-visible string goes through [`fl!`]. The translations live in
//! `i18n/<locale>/*.ftl` and are compiled into the binary, so a missing file can
//! never leave the greeter or the settings app without text. The locale follows
//! `LC_ALL`, `LC_MESSAGES` and `LANG` (in that order) and falls back to `en-US`.
//!
//! The locale is process-wide. Tests run on parallel threads of one process, so a
//! test that reads translated text holds a [`LocaleGuard`]: [`keep_locale`] (shared:
//! nobody switches the language meanwhile) or [`use_locale`] (exclusive: switches it
//! and switches it back at the end); [`hold_locale`] is the first when the language
//! is already the one wanted and the second otherwise.

mod dates;
pub mod languages;
mod numbers;

use std::sync::{OnceLock, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

pub use dates::{
    format_clock, format_date, format_full_date, format_short_date, format_time, format_time_cycle,
};
pub use fluent_bundle::FluentValue;
pub use numbers::{format_decimal, format_decimal_in};

/// The locale every other locale is checked against and falls back to.
pub const FALLBACK_LOCALE: &str = "en-US";

/// Every locale shipped, with the Fluent sources of each, compiled in.
pub const LOCALES: &[(&str, &[(&str, &str)])] = &[
    (
        "en-US",
        &[
            ("settings.ftl", include_str!("../en-US/settings.ftl")),
            ("greeter.ftl", include_str!("../en-US/greeter.ftl")),
            ("dns.ftl", include_str!("../en-US/dns.ftl")),
            ("network.ftl", include_str!("../en-US/network.ftl")),
            ("bluetooth.ftl", include_str!("../en-US/bluetooth.ftl")),
            ("sound.ftl", include_str!("../en-US/sound.ftl")),
            ("printers.ftl", include_str!("../en-US/printers.ftl")),
            ("security.ftl", include_str!("../en-US/security.ftl")),
            ("firmware.ftl", include_str!("../en-US/firmware.ftl")),
            ("appearance.ftl", include_str!("../en-US/appearance.ftl")),
            ("apps.ftl", include_str!("../en-US/apps.ftl")),
            (
                "authentication.ftl",
                include_str!("../en-US/authentication.ftl"),
            ),
            ("setup.ftl", include_str!("../en-US/setup.ftl")),
            ("date-time.ftl", include_str!("../en-US/date-time.ftl")),
            ("region.ftl", include_str!("../en-US/region.ftl")),
            ("users.ftl", include_str!("../en-US/users.ftl")),
        ],
    ),
    (
        "de",
        &[
            ("settings.ftl", include_str!("../de/settings.ftl")),
            ("greeter.ftl", include_str!("../de/greeter.ftl")),
            ("dns.ftl", include_str!("../de/dns.ftl")),
            ("network.ftl", include_str!("../de/network.ftl")),
            ("bluetooth.ftl", include_str!("../de/bluetooth.ftl")),
            ("sound.ftl", include_str!("../de/sound.ftl")),
            ("printers.ftl", include_str!("../de/printers.ftl")),
            ("security.ftl", include_str!("../de/security.ftl")),
            ("firmware.ftl", include_str!("../de/firmware.ftl")),
            ("appearance.ftl", include_str!("../de/appearance.ftl")),
            ("apps.ftl", include_str!("../de/apps.ftl")),
            (
                "authentication.ftl",
                include_str!("../de/authentication.ftl"),
            ),
            ("setup.ftl", include_str!("../de/setup.ftl")),
            ("date-time.ftl", include_str!("../de/date-time.ftl")),
            ("region.ftl", include_str!("../de/region.ftl")),
            ("users.ftl", include_str!("../de/users.ftl")),
        ],
    ),
    (
        "fr",
        &[
            ("settings.ftl", include_str!("../fr/settings.ftl")),
            ("greeter.ftl", include_str!("../fr/greeter.ftl")),
            ("dns.ftl", include_str!("../fr/dns.ftl")),
            ("network.ftl", include_str!("../fr/network.ftl")),
            ("bluetooth.ftl", include_str!("../fr/bluetooth.ftl")),
            ("sound.ftl", include_str!("../fr/sound.ftl")),
            ("printers.ftl", include_str!("../fr/printers.ftl")),
            ("security.ftl", include_str!("../fr/security.ftl")),
            ("firmware.ftl", include_str!("../fr/firmware.ftl")),
            ("appearance.ftl", include_str!("../fr/appearance.ftl")),
            ("apps.ftl", include_str!("../fr/apps.ftl")),
            (
                "authentication.ftl",
                include_str!("../fr/authentication.ftl"),
            ),
            ("setup.ftl", include_str!("../fr/setup.ftl")),
            ("date-time.ftl", include_str!("../fr/date-time.ftl")),
            ("region.ftl", include_str!("../fr/region.ftl")),
            ("users.ftl", include_str!("../fr/users.ftl")),
        ],
    ),
    (
        "es",
        &[
            ("settings.ftl", include_str!("../es/settings.ftl")),
            ("greeter.ftl", include_str!("../es/greeter.ftl")),
            ("dns.ftl", include_str!("../es/dns.ftl")),
            ("network.ftl", include_str!("../es/network.ftl")),
            ("bluetooth.ftl", include_str!("../es/bluetooth.ftl")),
            ("sound.ftl", include_str!("../es/sound.ftl")),
            ("printers.ftl", include_str!("../es/printers.ftl")),
            ("security.ftl", include_str!("../es/security.ftl")),
            ("firmware.ftl", include_str!("../es/firmware.ftl")),
            ("appearance.ftl", include_str!("../es/appearance.ftl")),
            ("apps.ftl", include_str!("../es/apps.ftl")),
            (
                "authentication.ftl",
                include_str!("../es/authentication.ftl"),
            ),
            ("setup.ftl", include_str!("../es/setup.ftl")),
            ("date-time.ftl", include_str!("../es/date-time.ftl")),
            ("region.ftl", include_str!("../es/region.ftl")),
            ("users.ftl", include_str!("../es/users.ftl")),
        ],
    ),
    (
        "pt-BR",
        &[
            ("settings.ftl", include_str!("../pt-BR/settings.ftl")),
            ("greeter.ftl", include_str!("../pt-BR/greeter.ftl")),
            ("dns.ftl", include_str!("../pt-BR/dns.ftl")),
            ("network.ftl", include_str!("../pt-BR/network.ftl")),
            ("bluetooth.ftl", include_str!("../pt-BR/bluetooth.ftl")),
            ("sound.ftl", include_str!("../pt-BR/sound.ftl")),
            ("printers.ftl", include_str!("../pt-BR/printers.ftl")),
            ("security.ftl", include_str!("../pt-BR/security.ftl")),
            ("firmware.ftl", include_str!("../pt-BR/firmware.ftl")),
            ("appearance.ftl", include_str!("../pt-BR/appearance.ftl")),
            ("apps.ftl", include_str!("../pt-BR/apps.ftl")),
            (
                "authentication.ftl",
                include_str!("../pt-BR/authentication.ftl"),
            ),
            ("setup.ftl", include_str!("../pt-BR/setup.ftl")),
            ("date-time.ftl", include_str!("../pt-BR/date-time.ftl")),
            ("region.ftl", include_str!("../pt-BR/region.ftl")),
            ("users.ftl", include_str!("../pt-BR/users.ftl")),
        ],
    ),
    (
        "ja",
        &[
            ("settings.ftl", include_str!("../ja/settings.ftl")),
            ("greeter.ftl", include_str!("../ja/greeter.ftl")),
            ("dns.ftl", include_str!("../ja/dns.ftl")),
            ("network.ftl", include_str!("../ja/network.ftl")),
            ("bluetooth.ftl", include_str!("../ja/bluetooth.ftl")),
            ("sound.ftl", include_str!("../ja/sound.ftl")),
            ("printers.ftl", include_str!("../ja/printers.ftl")),
            ("security.ftl", include_str!("../ja/security.ftl")),
            ("firmware.ftl", include_str!("../ja/firmware.ftl")),
            ("appearance.ftl", include_str!("../ja/appearance.ftl")),
            ("apps.ftl", include_str!("../ja/apps.ftl")),
            (
                "authentication.ftl",
                include_str!("../ja/authentication.ftl"),
            ),
            ("setup.ftl", include_str!("../ja/setup.ftl")),
            ("date-time.ftl", include_str!("../ja/date-time.ftl")),
            ("region.ftl", include_str!("../ja/region.ftl")),
            ("users.ftl", include_str!("../ja/users.ftl")),
        ],
    ),
    (
        "ar",
        &[
            ("settings.ftl", include_str!("../ar/settings.ftl")),
            ("greeter.ftl", include_str!("../ar/greeter.ftl")),
            ("dns.ftl", include_str!("../ar/dns.ftl")),
            ("network.ftl", include_str!("../ar/network.ftl")),
            ("bluetooth.ftl", include_str!("../ar/bluetooth.ftl")),
            ("sound.ftl", include_str!("../ar/sound.ftl")),
            ("printers.ftl", include_str!("../ar/printers.ftl")),
            ("security.ftl", include_str!("../ar/security.ftl")),
            ("firmware.ftl", include_str!("../ar/firmware.ftl")),
            ("appearance.ftl", include_str!("../ar/appearance.ftl")),
            ("apps.ftl", include_str!("../ar/apps.ftl")),
            (
                "authentication.ftl",
                include_str!("../ar/authentication.ftl"),
            ),
            ("setup.ftl", include_str!("../ar/setup.ftl")),
            ("date-time.ftl", include_str!("../ar/date-time.ftl")),
            ("region.ftl", include_str!("../ar/region.ftl")),
            ("users.ftl", include_str!("../ar/users.ftl")),
        ],
    ),
    (
        "uk",
        &[
            ("settings.ftl", include_str!("../uk/settings.ftl")),
            ("greeter.ftl", include_str!("../uk/greeter.ftl")),
            ("dns.ftl", include_str!("../uk/dns.ftl")),
            ("network.ftl", include_str!("../uk/network.ftl")),
            ("bluetooth.ftl", include_str!("../uk/bluetooth.ftl")),
            ("sound.ftl", include_str!("../uk/sound.ftl")),
            ("printers.ftl", include_str!("../uk/printers.ftl")),
            ("security.ftl", include_str!("../uk/security.ftl")),
            ("firmware.ftl", include_str!("../uk/firmware.ftl")),
            ("appearance.ftl", include_str!("../uk/appearance.ftl")),
            ("apps.ftl", include_str!("../uk/apps.ftl")),
            (
                "authentication.ftl",
                include_str!("../uk/authentication.ftl"),
            ),
            ("setup.ftl", include_str!("../uk/setup.ftl")),
            ("date-time.ftl", include_str!("../uk/date-time.ftl")),
            ("region.ftl", include_str!("../uk/region.ftl")),
            ("users.ftl", include_str!("../uk/users.ftl")),
        ],
    ),
];

/// Translates `key` with optional arguments; prefer the [`fl!`] macro.
///
/// A key missing from the active locale falls back to en-US; a key missing
/// everywhere renders as the key itself (and a test keeps that from shipping).
pub fn translate(key: &str, args: Option<&FluentArgs<'_>>) -> String {
    let localizer = localizer();
    let guard = match localizer.read() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    guard.format(key, args)
}

/// Switches the language at run time (the greeter's language chooser uses this).
///
/// Returns the locale actually chosen after negotiation. It does not wait for
/// [`LocaleGuard`]s (the greeter switches the language from inside a test that
/// holds one); a test that switches the language holds [`use_locale`]'s guard.
pub fn set_locale(requested: &str) -> LanguageIdentifier {
    let next = Localizer::new(requested);
    let chosen = next.locale.clone();
    let mut guard = match localizer().write() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    *guard = next;
    // Numbers follow the language that is now in force.
    numbers::set_locale(&chosen.to_string());
    chosen
}

/// Who may switch the process-wide locale: [`keep_locale`] takes the shared side,
/// [`use_locale`] the exclusive one. Separate from the localizer's own lock, which
/// is only held for the length of one translation.
static LOCALE_USE: RwLock<()> = RwLock::new(());

/// Holds the locale steady for as long as it lives (see [`use_locale`] and
/// [`keep_locale`]). Meant for tests: the locale is process-wide, and tests run on
/// parallel threads of one process.
#[must_use = "the locale is only held while the guard lives"]
#[derive(Debug)]
pub struct LocaleGuard {
    hold: Hold,
}

#[derive(Debug)]
enum Hold {
    /// [`keep_locale`]: others may read the locale too, nobody switches it.
    Shared { _lock: RwLockReadGuard<'static, ()> },
    /// [`use_locale`]: this holder alone; the locale to restore on drop.
    Exclusive {
        previous: LanguageIdentifier,
        _lock: RwLockWriteGuard<'static, ()>,
    },
}

impl LocaleGuard {
    /// The locale in force while the guard is held.
    pub fn locale(&self) -> LanguageIdentifier {
        current_locale()
    }
}

impl Drop for LocaleGuard {
    fn drop(&mut self) {
        if let Hold::Exclusive { previous, .. } = &self.hold {
            // Restored before the lock is released (fields drop after this body).
            set_locale(&previous.to_string());
        }
    }
}

/// Switches to `requested` (negotiated as [`set_locale`] does) until the returned
/// guard is dropped, then switches back to the locale that was in force before.
///
/// Exclusive: it waits until every other [`LocaleGuard`] is dropped, and no other
/// guard is given out while this one lives. Do not take a second guard on the same
/// thread while holding one (the lock is not re-entrant). A test that panicked while
/// holding a guard does not poison the lock for the others.
///
/// ```
/// let _arabic = ferrum_i18n::use_locale("ar_EG.UTF-8");
/// assert!(ferrum_i18n::is_rtl());
/// ```
pub fn use_locale(requested: &str) -> LocaleGuard {
    let lock = LOCALE_USE.write().unwrap_or_else(PoisonError::into_inner);
    let previous = current_locale();
    set_locale(requested);
    LocaleGuard {
        hold: Hold::Exclusive {
            previous,
            _lock: lock,
        },
    }
}

/// Keeps the current locale as it is until the returned guard is dropped: while any
/// such guard lives, [`use_locale`] waits. Shared: any number of threads may hold
/// one at once, but a holder must not wait for another thread that takes a guard
/// (a switch waiting in between would make the second wait for the first: the
/// lock prefers writers). For tests that read translated text in the locale they start in
/// (take [`use_locale`] instead when the test needs a particular language).
pub fn keep_locale() -> LocaleGuard {
    LocaleGuard {
        hold: Hold::Shared {
            _lock: LOCALE_USE.read().unwrap_or_else(PoisonError::into_inner),
        },
    }
}

/// Holds `requested` in force: shares the locale like [`keep_locale`] when it is
/// already `requested` (after negotiation), and switches like [`use_locale`]
/// otherwise. For tests that expect one language (English, usually) without
/// making every such test wait for the others.
pub fn hold_locale(requested: &str) -> LocaleGuard {
    let kept = keep_locale();
    if current_locale() == negotiate(requested) {
        return kept;
    }
    drop(kept);
    use_locale(requested)
}

/// Translates `key` in a given shipped locale rather than the current one
/// (the language chooser names each language in itself). Falls back to en-US.
pub fn translate_in(locale: &str, key: &str) -> String {
    let locale = negotiate(locale);
    format_in(&build_bundle(&locale), key, None)
        .or_else(|| format_in(&build_bundle(&unic_langid::langid!("en-US")), key, None))
        .unwrap_or_else(|| key.to_owned())
}

/// The locale in use.
pub fn current_locale() -> LanguageIdentifier {
    match localizer().read() {
        Ok(guard) => guard.locale.clone(),
        Err(poisoned) => poisoned.into_inner().locale.clone(),
    }
}

/// Whether the current locale is written right to left (Arabic, Hebrew,
/// Persian, Urdu): the shell mirrors its layout for these.
pub fn is_rtl() -> bool {
    let locale = current_locale();
    matches!(
        locale.language.as_str(),
        "ar" | "he" | "fa" | "ur" | "ps" | "yi"
    )
}

/// The locale requested by the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`).
pub fn locale_from_env() -> String {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .unwrap_or_else(|| FALLBACK_LOCALE.to_owned())
}

/// Turns a POSIX locale name (`de_DE.UTF-8@euro`) into a language identifier.
pub fn parse_posix_locale(posix: &str) -> Option<LanguageIdentifier> {
    let base = posix.split(['.', '@']).next().unwrap_or_default();
    if base.is_empty() || base == "C" || base == "POSIX" {
        return None;
    }
    base.replace('_', "-").parse().ok()
}

/// Picks the best shipped locale for a requested one: exact match, then same
/// language, then en-US.
pub fn negotiate(requested: &str) -> LanguageIdentifier {
    let fallback: LanguageIdentifier = unic_langid::langid!("en-US");
    let Some(wanted) = parse_posix_locale(requested) else {
        return fallback;
    };
    let shipped: Vec<LanguageIdentifier> = LOCALES
        .iter()
        .filter_map(|(name, _)| name.parse().ok())
        .collect();
    if let Some(exact) = shipped.iter().find(|l| **l == wanted) {
        return exact.clone();
    }
    shipped
        .into_iter()
        .find(|l| l.language == wanted.language)
        .unwrap_or(fallback)
}

fn localizer() -> &'static RwLock<Localizer> {
    static LOCALIZER: OnceLock<RwLock<Localizer>> = OnceLock::new();
    LOCALIZER.get_or_init(|| RwLock::new(Localizer::new(&locale_from_env())))
}

struct Localizer {
    locale: LanguageIdentifier,
    bundle: FluentBundle<FluentResource>,
    fallback: Option<FluentBundle<FluentResource>>,
}

impl Localizer {
    fn new(requested: &str) -> Self {
        let locale = negotiate(requested);
        numbers::set_locale(&locale.to_string());
        let bundle = build_bundle(&locale);
        let fallback = (locale != unic_langid::langid!("en-US"))
            .then(|| build_bundle(&unic_langid::langid!("en-US")));
        Self {
            locale,
            bundle,
            fallback,
        }
    }

    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        std::iter::once(&self.bundle)
            .chain(self.fallback.as_ref())
            .find_map(|bundle| format_in(bundle, key, args))
            .unwrap_or_else(|| key.to_owned())
    }
}

fn format_in(
    bundle: &FluentBundle<FluentResource>,
    key: &str,
    args: Option<&FluentArgs<'_>>,
) -> Option<String> {
    let (id, attribute) = match key.split_once('.') {
        Some((id, attribute)) => (id, Some(attribute)),
        None => (key, None),
    };
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        Some(attribute) => message.get_attribute(attribute)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    Some(text.into_owned())
}

fn build_bundle(locale: &LanguageIdentifier) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![locale.clone()]);
    // Unicode isolation marks render as boxes in some fonts; layout handles direction.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(numbers::fluent_formatter));
    let name = locale.to_string();
    let sources = LOCALES
        .iter()
        .find(|(locale_name, _)| *locale_name == name)
        .map(|(_, files)| *files)
        .unwrap_or_default();
    for (_, source) in sources {
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(resource) => resource,
            // Syntax errors are caught by the test suite; keep what parsed.
            Err((resource, _errors)) => resource,
        };
        // Duplicate ids are caught by the test suite; the first one wins.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// Translates a Fluent message: `fl!("power-title")`, `fl!("battery-percent", percent = 80)`,
/// or an attribute: `fl!("power-title.keywords")`.
#[macro_export]
macro_rules! fl {
    ($key:literal) => {
        $crate::translate($key, None)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::__private::FluentArgs::new();
        $( args.set(stringify!($name), $crate::FluentValue::from($value)); )+
        $crate::translate($key, Some(&args))
    }};
}

#[doc(hidden)]
pub mod __private {
    pub use fluent_bundle::FluentArgs;
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod guard_tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;

    #[test]
    fn use_locale_switches_and_restores() {
        let english = use_locale("en-US");
        assert_eq!(english.locale().to_string(), "en-US");
        drop(english);
        // Read under a shared guard: every switch puts the locale back before it lets go.
        let before = {
            let _kept = keep_locale();
            current_locale()
        };
        {
            let _german = use_locale("de_DE.UTF-8");
            assert_eq!(current_locale().to_string(), "de");
            assert_eq!(fl!("battery-percent", percent = 80), "80\u{a0}%");
        }
        let _kept = keep_locale();
        assert_eq!(current_locale(), before);
    }

    #[test]
    fn use_locale_waits_for_keep_locale() {
        let kept = keep_locale();
        let locale = current_locale();
        let (sender, receiver) = mpsc::channel();
        let switcher = std::thread::spawn(move || {
            let _japanese = use_locale("ja_JP.UTF-8");
            sender.send(current_locale().to_string()).ok();
        });
        // While the shared guard is held, the switch cannot happen.
        assert_eq!(
            receiver.recv_timeout(Duration::from_millis(200)),
            Err(mpsc::RecvTimeoutError::Timeout)
        );
        assert_eq!(current_locale(), locale);
        drop(kept);
        assert_eq!(
            receiver.recv_timeout(Duration::from_secs(10)).as_deref(),
            Ok("ja")
        );
        switcher.join().ok();
    }

    #[test]
    fn hold_locale_holds_the_requested_language() {
        for requested in ["de_DE.UTF-8", "en-US", "en-US"] {
            let held = hold_locale(requested);
            assert_eq!(held.locale(), negotiate(requested));
        }
    }

    #[test]
    fn a_panic_under_the_guard_does_not_poison_it() {
        let before = {
            let _kept = keep_locale();
            current_locale()
        };
        let panicked = std::thread::spawn(|| {
            let _arabic = use_locale("ar");
            panic!("a failing test");
        })
        .join();
        assert!(panicked.is_err());
        // The next holder gets in, and the locale was restored on unwind.
        let _kept = keep_locale();
        assert_eq!(current_locale(), before);
    }
}
