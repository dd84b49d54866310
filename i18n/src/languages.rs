//! The languages the shell ships, each named in itself, and the POSIX locale (`LANG`) of
//! each: one list for the login screen's menu and the settings app's Region & Language page.

/// A language offered at login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// The Fluent locale (`de`, `pt-BR`).
    pub locale: &'static str,
    /// The POSIX locale passed to the session as `LANG`.
    pub posix: &'static str,
    /// The language's own name ("Deutsch"), from its own translation.
    pub native_name: String,
}

/// The POSIX locale of each shipped locale (the common region for a bare language).
const POSIX: &[(&str, &str)] = &[
    ("en-US", "en_US.UTF-8"),
    ("de", "de_DE.UTF-8"),
    ("fr", "fr_FR.UTF-8"),
    ("es", "es_ES.UTF-8"),
    ("pt-BR", "pt_BR.UTF-8"),
    ("ja", "ja_JP.UTF-8"),
    ("ar", "ar_EG.UTF-8"),
    ("uk", "uk_UA.UTF-8"),
];

/// The POSIX locale passed as `LANG` for a shipped locale.
pub fn posix(locale: &str) -> &'static str {
    POSIX
        .iter()
        .find(|(l, _)| *l == locale)
        .map_or("C.UTF-8", |(_, posix)| posix)
}

/// The shipped locale whose POSIX locale is `posix` (`de_DE.UTF-8` → `de`; the encoding
/// may be written `utf8`); `None` for any other.
pub fn from_posix(posix: &str) -> Option<&'static str> {
    let wanted = posix.split('.').next().unwrap_or(posix);
    POSIX
        .iter()
        .find(|(_, known)| known.split('.').next() == Some(wanted))
        .map(|(locale, _)| *locale)
}

/// The shipped locale matching `locale` (`en-US` when none does).
pub fn shipped(locale: &str) -> &'static str {
    crate::LOCALES
        .iter()
        .map(|(shipped, _)| *shipped)
        .find(|shipped| *shipped == locale)
        .unwrap_or("en-US")
}

/// Every shipped language, in the order of the shipped table. Naming each
/// in itself builds a translation bundle per language: call it when the
/// language menu opens, not at start-up.
pub fn all() -> Vec<Language> {
    crate::LOCALES
        .iter()
        .map(|(locale, _)| Language {
            locale,
            posix: posix(locale),
            native_name: crate::translate_in(locale, "language-native-name"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_own_name_and_a_posix_locale() {
        let languages = all();
        assert_eq!(languages.len(), crate::LOCALES.len());
        for language in &languages {
            assert_ne!(language.posix, "C.UTF-8", "{}", language.locale);
            assert!(!language.native_name.is_empty());
        }
        let german = languages.iter().find(|l| l.locale == "de").map(|l| l.posix);
        assert_eq!(german, Some("de_DE.UTF-8"));
        assert_eq!(posix("pt-BR"), "pt_BR.UTF-8");
        assert_eq!(shipped("de"), "de");
        assert_eq!(shipped("xx"), "en-US");
        assert_eq!(from_posix("pt_BR.UTF-8"), Some("pt-BR"));
        assert_eq!(from_posix("de_DE.utf8"), Some("de"));
        assert_eq!(from_posix("sv_SE.UTF-8"), None);
    }
}
