//! The first account's form: full name, user name (suggested from the full name),
//! password twice with a strength hint, administrator. Only checks here; creating it
//! is [`super::Request::CreateAccount`].

use ferrum_services::secret::Secret;
// The password rules are the Users page's (one rule for every account Ferrum makes).
pub use ferrum_services::users::{
    MAX_PASSWORD_BYTES, MIN_PASSWORD, PasswordProblem, Strength, check_password, strength,
};

/// The longest user name `useradd` takes.
pub const MAX_USER_NAME: usize = 32;

/// Why a user name cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    /// Nothing typed.
    Empty,
    /// Longer than [`MAX_USER_NAME`].
    TooLong,
    /// Must start with a lowercase letter.
    BadStart,
    /// Only lowercase letters, digits, `-` and `_`.
    BadCharacters,
    /// An account of that name exists (AccountsService said so).
    Taken,
}

/// Checks a user name as `useradd` and Ferrum take it.
pub fn check_user_name(name: &str) -> Result<(), NameProblem> {
    let Some(first) = name.chars().next() else {
        return Err(NameProblem::Empty);
    };
    if name.len() > MAX_USER_NAME {
        return Err(NameProblem::TooLong);
    }
    if !first.is_ascii_lowercase() {
        return Err(NameProblem::BadStart);
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    {
        return Err(NameProblem::BadCharacters);
    }
    Ok(())
}

/// A user name from a full name: its first word in lowercase ASCII (common accented
/// Latin letters lose their accents; other characters are dropped). Empty when nothing
/// usable is left (a name in another script): the person types one.
pub fn suggest_user_name(full_name: &str) -> String {
    let first = full_name.split_whitespace().next().unwrap_or_default();
    let mut name = String::new();
    for c in first.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' => name.push(c),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => name.push('a'),
            'ç' => name.push('c'),
            'è' | 'é' | 'ê' | 'ë' => name.push('e'),
            'ì' | 'í' | 'î' | 'ï' => name.push('i'),
            'ñ' => name.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => name.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => name.push('u'),
            'ý' | 'ÿ' => name.push('y'),
            'ß' => name.push_str("ss"),
            'æ' => name.push_str("ae"),
            'œ' => name.push_str("oe"),
            '-' | '_' => name.push(c),
            _ => {}
        }
    }
    let name = name.trim_start_matches(|c: char| !c.is_ascii_lowercase());
    name.chars().take(MAX_USER_NAME).collect()
}

/// What is typed in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The full name.
    pub full_name: String,
    /// The user name.
    pub user_name: String,
    /// Whether the person typed the user name (then it no longer follows the full name).
    pub user_name_edited: bool,
    /// The password.
    pub password: Secret,
    /// Its confirmation.
    pub confirmation: Secret,
    /// An administrator (checked by default: the first account administers the machine).
    pub administrator: bool,
    /// The user-name problem shown (after Next, or from AccountsService).
    pub name_problem: Option<NameProblem>,
    /// The password problem shown (after Next).
    pub password_problem: Option<PasswordProblem>,
}

impl Default for Form {
    fn default() -> Self {
        Self {
            full_name: String::new(),
            user_name: String::new(),
            user_name_edited: false,
            password: Secret::default(),
            confirmation: Secret::default(),
            administrator: true,
            name_problem: None,
            password_problem: None,
        }
    }
}

impl Form {
    /// The full name changed: the user name follows it until typed by hand.
    pub fn set_full_name(&mut self, full_name: String) {
        if !self.user_name_edited {
            self.user_name = suggest_user_name(&full_name);
        }
        self.full_name = full_name;
    }

    /// The user name was typed (an emptied field follows the full name again).
    pub fn set_user_name(&mut self, user_name: String) {
        self.user_name_edited = !user_name.is_empty();
        self.user_name = user_name;
        self.name_problem = None;
    }

    /// Checks everything before the account is asked for; the problems are kept for
    /// the view.
    pub fn check(&mut self) -> bool {
        self.name_problem = check_user_name(&self.user_name).err();
        self.password_problem = check_password(&self.password, &self.confirmation).err();
        self.name_problem.is_none() && self.password_problem.is_none()
    }

    /// The full name as stored: trimmed, the user name when empty.
    pub fn real_name(&self) -> String {
        let trimmed = self.full_name.trim();
        if trimmed.is_empty() {
            self.user_name.clone()
        } else {
            trimmed.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shared rule, given typed text.
    fn strength(password: &str) -> Strength {
        super::strength(&Secret::new(password.to_owned()))
    }

    #[test]
    fn user_names_are_checked() {
        assert_eq!(check_user_name("ada"), Ok(()));
        assert_eq!(check_user_name("ada-l_2"), Ok(()));
        assert_eq!(check_user_name(""), Err(NameProblem::Empty));
        assert_eq!(check_user_name("Ada"), Err(NameProblem::BadStart));
        assert_eq!(check_user_name("2ada"), Err(NameProblem::BadStart));
        assert_eq!(check_user_name("-ada"), Err(NameProblem::BadStart));
        assert_eq!(
            check_user_name("ada lovelace"),
            Err(NameProblem::BadCharacters)
        );
        assert_eq!(check_user_name("adä"), Err(NameProblem::BadCharacters));
        assert_eq!(check_user_name("ada.l"), Err(NameProblem::BadCharacters));
        assert_eq!(check_user_name(&"a".repeat(33)), Err(NameProblem::TooLong));
        assert_eq!(check_user_name(&"a".repeat(32)), Ok(()));
    }

    #[test]
    fn the_user_name_is_suggested_from_the_full_name() {
        assert_eq!(suggest_user_name("Ada Lovelace"), "ada");
        assert_eq!(suggest_user_name("  Zoë Müller"), "zoe");
        assert_eq!(suggest_user_name("Jürgen"), "jurgen");
        assert_eq!(suggest_user_name("Straße"), "strasse");
        assert_eq!(suggest_user_name("Мирослава"), "");
        assert_eq!(suggest_user_name("3po droid"), "po");
        assert_eq!(suggest_user_name(""), "");
        for name in ["Ada Lovelace", "Zoë", "Straße", "x-men"] {
            assert_eq!(check_user_name(&suggest_user_name(name)), Ok(()), "{name}");
        }
    }

    #[test]
    fn the_suggestion_stops_once_the_user_name_is_typed() {
        let mut form = Form::default();
        form.set_full_name("Ada Lovelace".into());
        assert_eq!(form.user_name, "ada");
        form.set_user_name("lovelace".into());
        form.set_full_name("Ada King".into());
        assert_eq!(form.user_name, "lovelace");
        // Emptied: it follows again.
        form.set_user_name(String::new());
        form.set_full_name("Grace Hopper".into());
        assert_eq!(form.user_name, "grace");
        assert!(
            form.administrator,
            "the first account administers by default"
        );
    }

    #[test]
    fn passwords_must_match_and_be_long_enough() {
        let secret = |text: &str| Secret::new(text.to_owned());
        assert_eq!(
            check_password(&secret("short"), &secret("short")),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(
            check_password(&secret("long enough"), &secret("long enougH")),
            Err(PasswordProblem::Mismatch)
        );
        assert_eq!(
            check_password(&secret(&"x".repeat(513)), &secret(&"x".repeat(513))),
            Err(PasswordProblem::TooLong)
        );
        assert_eq!(
            check_password(&secret("long enough"), &secret("long enough")),
            Ok(())
        );
    }

    #[test]
    fn strength_grows_with_length_and_variety() {
        assert_eq!(strength("abc"), Strength::TooShort);
        assert_eq!(strength("aaaaaaaaaaaa"), Strength::Weak);
        assert_eq!(strength("abcdefgh"), Strength::Weak);
        assert_eq!(strength("abcdefgh1!"), Strength::Fair);
        assert_eq!(strength("abcdefghijkl"), Strength::Fair);
        assert_eq!(strength("Abcdefghijk1"), Strength::Strong);
        assert_eq!(strength("correct horse battery"), Strength::Strong);
    }

    #[test]
    fn the_form_checks_everything_at_once() {
        let mut form = Form::default();
        form.set_full_name("Ada Lovelace".into());
        form.password = Secret::new("analytical".into());
        form.confirmation = Secret::new("analyticaI".into());
        assert!(!form.check());
        assert_eq!(form.name_problem, None);
        assert_eq!(form.password_problem, Some(PasswordProblem::Mismatch));
        form.confirmation = Secret::new("analytical".into());
        assert!(form.check());
        assert_eq!(form.real_name(), "Ada Lovelace");
        assert!(!format!("{form:?}").contains("analytical"));
    }
}
