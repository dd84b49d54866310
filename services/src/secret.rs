//! A typed secret: zeroized when dropped, redacted from `Debug`, never `Display`.
//!
//! Shared by the login screen (the password sent to greetd) and the settings app's polkit
//! authentication agent (the password written to `polkit-agent-helper-1`).

use std::fmt;

use zeroize::Zeroizing;

/// A password or one-time code typed at the login screen or in the authentication dialog.
///
/// IMPORTANT: there is deliberately no `Display` and no `Serialize`; the only
/// way to the characters is [`Secret::expose`], used when writing the reply to
/// greetd or to polkit's helper (and the bytes written are zeroized too).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    /// Takes ownership of typed text.
    pub fn new(text: String) -> Self {
        Self(Zeroizing::new(text))
    }

    /// The characters, for the places that send them on (greetd, polkit's helper).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// How many characters were typed (all a screen reader may say).
    pub fn char_count(&self) -> usize {
        self.0.chars().count()
    }

    /// Whether nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Secret {
    fn from(text: String) -> Self {
        Self::new(text)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret(<redacted>, {} chars)", self.char_count())
    }
}

/// Makes this process non-dumpable (`prctl(PR_SET_DUMPABLE, 0)`): no core
/// dump of it is written (which would hold typed passwords), and other
/// processes of the same user cannot attach to it with ptrace or read its
/// memory through `/proc/<pid>/mem`. Called first thing in `main`.
pub fn forbid_core_dumps() -> std::io::Result<()> {
    rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable)
        .map_err(std::io::Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_characters() {
        let secret = Secret::new("hunter2".into());
        let shown = format!("{secret:?} {:#?}", Some(&secret));
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("<redacted>"));
        assert_eq!(secret.char_count(), 7);
    }
}
