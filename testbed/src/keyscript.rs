//! Key scripts: one sequence of key presses, written once and run by two drivers — a host
//! test that drives the real app headlessly and checks where the focus is after each step,
//! and the image's end-to-end test that sends the same keys to the VM over QMP and waits at
//! named points for what happens outside the app.
//!
//! # Format
//! One step a line; blank lines and lines whose first non-blank character is `#` are
//! ignored (there are no comments after a step: a focus name may contain `#`).
//!
//! - `press <chord> [<chord> …]` — keys to press, each a chord of QEMU QMP `qcode` names
//!   joined with `-`, modifiers first (`tab`, `ret`, `esc`, `spc`, `up`, `shift-tab`,
//!   `ctrl-f`); `<chord>*<n>` presses it `n` times (`tab*5`).
//! - `type <text>` — literal text: ASCII letters, digits, spaces and `/ . - _ ~` (a capital is
//!   `shift-<letter>`), see [`text_chords`].
//! - `focus <role> <name>` — the control that must have the keyboard focus now: its
//!   accessible role (a word: `Button`, `TextInput`, `RadioButton`…) and its whole name (the
//!   rest of the line). Only a driver that can see the focus checks it; the others skip it.
//! - `sync <name>` — a named point (`peer-found`, `paired`…: lowercase letters, digits and
//!   `-`) where the driver waits for, or brings about, something outside the app before the
//!   next key.
//!
//! ```text
//! # Open the page through the sidebar's search.
//! press ctrl-f
//! type bluetooth
//! press ret
//! sync page-open
//! press tab*8
//! focus Button Pair: Ferrum Test Peer
//! ```

use std::fmt;

/// The modifier keys a chord may hold before its key (QMP `qcode` names).
pub const MODIFIERS: &[&str] = &[
    "shift", "shift_r", "ctrl", "ctrl_r", "alt", "alt_r", "meta_l", "meta_r",
];

/// The other keys a script may press (QMP `qcode` names), besides the letters `a`–`z` and
/// digits `0`–`9`.
pub const KEYS: &[&str] = &[
    "tab",
    "ret",
    "esc",
    "spc",
    "backspace",
    "delete",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pgup",
    "pgdn",
    "f1",
    "f2",
    "f3",
    "f4",
    "f5",
    "f6",
    "f7",
    "f8",
    "f9",
    "f10",
    "f11",
    "f12",
    // Punctuation a path needs (US layout, as the VM's keyboard is): `/`, `.`, `-` (and `_`
    // with Shift), `` ` `` (and `~` with Shift).
    "slash",
    "dot",
    "minus",
    "grave_accent",
];

/// What `type` can type besides ASCII letters and digits.
pub const TYPABLE_PUNCTUATION: &[char] = &[' ', '/', '.', '-', '_', '~'];

/// The most times one chord may be repeated (`tab*50`): a guard against typos.
pub const MAX_REPEAT: usize = 50;

/// Keys pressed together: modifiers first, then one key (QMP `qcode` names).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Chord {
    /// The modifiers held, in the order written (may be empty).
    pub modifiers: Vec<String>,
    /// The key pressed while they are held.
    pub key: String,
}

impl Chord {
    /// A key without modifiers.
    pub fn key(key: &str) -> Self {
        Self {
            modifiers: Vec::new(),
            key: key.to_owned(),
        }
    }

    /// Every `qcode` of the chord, modifiers first (QMP `send-key`'s `keys`).
    pub fn qcodes(&self) -> Vec<&str> {
        self.modifiers
            .iter()
            .map(String::as_str)
            .chain([self.key.as_str()])
            .collect()
    }

    /// Whether `modifier` (`shift`, `ctrl`, `alt`, `meta`; either side) is held.
    pub fn holds(&self, modifier: &str) -> bool {
        self.modifiers.iter().any(|held| {
            held == modifier
                || held
                    .strip_prefix(modifier)
                    .is_some_and(|side| side == "_l" || side == "_r")
        })
    }
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.qcodes().join("-"))
    }
}

/// One step of a script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Press these chords one after the other (repeats written out).
    Press(Vec<Chord>),
    /// Type this text (see [`text_chords`] for the keys).
    Type(String),
    /// The focused control must have this role and name.
    Focus {
        /// Its accessible role, as written (`Button`).
        role: String,
        /// Its accessible name.
        name: String,
    },
    /// Wait for (or bring about) the named point.
    Sync(String),
}

impl Step {
    /// The chords this step presses (none for `focus` and `sync`).
    pub fn chords(&self) -> Vec<Chord> {
        match self {
            Step::Press(chords) => chords.clone(),
            Step::Type(text) => text_chords(text),
            Step::Focus { .. } | Step::Sync(_) => Vec::new(),
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::Press(chords) => {
                f.write_str("press")?;
                for chord in chords {
                    write!(f, " {chord}")?;
                }
                Ok(())
            }
            Step::Type(text) => write!(f, "type {text}"),
            Step::Focus { role, name } => write!(f, "focus {role} {name}"),
            Step::Sync(name) => write!(f, "sync {name}"),
        }
    }
}

/// The chords that type `text` (letters, digits, spaces and [`TYPABLE_PUNCTUATION`], as [`parse`] accepts them):
/// `a` is `a`, `A` is `shift-a`, ` ` is `spc`.
pub fn text_chords(text: &str) -> Vec<Chord> {
    text.chars()
        .map(|c| match c {
            ' ' => Chord::key("spc"),
            '/' => Chord::key("slash"),
            '.' => Chord::key("dot"),
            '-' => Chord::key("minus"),
            '_' => Chord {
                modifiers: vec!["shift".to_owned()],
                key: "minus".to_owned(),
            },
            '~' => Chord {
                modifiers: vec!["shift".to_owned()],
                key: "grave_accent".to_owned(),
            },
            c if c.is_ascii_uppercase() => Chord {
                modifiers: vec!["shift".to_owned()],
                key: c.to_ascii_lowercase().to_string(),
            },
            c => Chord::key(&c.to_string()),
        })
        .collect()
}

/// Why a script cannot be read, and on which line (counted from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The line, counted from 1.
    pub line: usize,
    /// What is wrong with it.
    pub kind: ParseErrorKind,
}

/// What is wrong with a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The first word is not `press`, `type`, `focus` or `sync`.
    UnknownCommand(String),
    /// The command needs more after it (`press` a chord, `focus` a role and a name…).
    Missing {
        /// The command.
        command: &'static str,
        /// What it needs.
        what: &'static str,
    },
    /// A chord names a key that is not a `qcode` this format knows.
    UnknownKey(String),
    /// A chord is not modifiers followed by one key (`tab-shift`, `ctrl-`, `shift`).
    BadChord(String),
    /// A repeat count is not a number from 1 to [`MAX_REPEAT`].
    BadRepeat(String),
    /// `type` has a character it cannot type (only ASCII letters, digits, spaces and
    /// [`TYPABLE_PUNCTUATION`]).
    UntypableCharacter(char),
    /// A role is not a single word of letters.
    BadRole(String),
    /// A sync name is not lowercase letters, digits and `-`.
    BadSyncName(String),
    /// `sync` takes one name.
    ExtraWords(String),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: ", self.line)?;
        match &self.kind {
            ParseErrorKind::UnknownCommand(word) => {
                write!(f, "unknown command {word:?} (press, type, focus or sync)")
            }
            ParseErrorKind::Missing { command, what } => write!(f, "{command} needs {what}"),
            ParseErrorKind::UnknownKey(key) => write!(f, "unknown key {key:?}"),
            ParseErrorKind::BadChord(chord) => write!(
                f,
                "{chord:?} is not modifiers followed by one key (shift-tab, ctrl-f)"
            ),
            ParseErrorKind::BadRepeat(count) => {
                write!(f, "repeat count {count:?} is not 1 to {MAX_REPEAT}")
            }
            ParseErrorKind::UntypableCharacter(c) => write!(
                f,
                "cannot type {c:?} (ASCII letters, digits, spaces and / . - _ ~ only)"
            ),
            ParseErrorKind::BadRole(role) => write!(f, "role {role:?} is not a word"),
            ParseErrorKind::BadSyncName(name) => write!(
                f,
                "sync name {name:?} is not lowercase letters, digits and -"
            ),
            ParseErrorKind::ExtraWords(rest) => write!(f, "unexpected {rest:?} after the name"),
        }
    }
}

impl std::error::Error for ParseError {}

/// Reads a script ([module docs](self)).
pub fn parse(text: &str) -> Result<Vec<Step>, ParseError> {
    Ok(parse_numbered(text)?
        .into_iter()
        .map(|(_, step)| step)
        .collect())
}

/// Reads a script, each step with its line number (counted from 1), for messages.
pub fn parse_numbered(text: &str) -> Result<Vec<(usize, Step)>, ParseError> {
    let mut steps = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let content = raw.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let step = parse_line(content).map_err(|kind| ParseError { line, kind })?;
        steps.push((line, step));
    }
    Ok(steps)
}

fn parse_line(content: &str) -> Result<Step, ParseErrorKind> {
    let (command, rest) = content
        .split_once(char::is_whitespace)
        .map_or((content, ""), |(command, rest)| (command, rest.trim()));
    match command {
        "press" => {
            let mut chords = Vec::new();
            for word in rest.split_whitespace() {
                let (chord, count) = parse_repeated(word)?;
                chords.extend(std::iter::repeat_n(chord, count));
            }
            if chords.is_empty() {
                return Err(ParseErrorKind::Missing {
                    command: "press",
                    what: "a key",
                });
            }
            Ok(Step::Press(chords))
        }
        "type" => {
            // The text as written between `type ` and the end of the line.
            let text = content["type".len()..]
                .strip_prefix(|c: char| c.is_whitespace())
                .unwrap_or("");
            let text = text.trim_end();
            if text.is_empty() {
                return Err(ParseErrorKind::Missing {
                    command: "type",
                    what: "text",
                });
            }
            if let Some(c) = text
                .chars()
                .find(|c| !(c.is_ascii_alphanumeric() || TYPABLE_PUNCTUATION.contains(c)))
            {
                return Err(ParseErrorKind::UntypableCharacter(c));
            }
            Ok(Step::Type(text.to_owned()))
        }
        "focus" => {
            let Some((role, name)) = rest.split_once(char::is_whitespace) else {
                return Err(ParseErrorKind::Missing {
                    command: "focus",
                    what: "a role and a name",
                });
            };
            if !role.chars().all(|c| c.is_ascii_alphabetic()) {
                return Err(ParseErrorKind::BadRole(role.to_owned()));
            }
            Ok(Step::Focus {
                role: role.to_owned(),
                name: name.trim().to_owned(),
            })
        }
        "sync" => {
            let mut words = rest.split_whitespace();
            let Some(name) = words.next() else {
                return Err(ParseErrorKind::Missing {
                    command: "sync",
                    what: "a name",
                });
            };
            let well_formed = name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !well_formed {
                return Err(ParseErrorKind::BadSyncName(name.to_owned()));
            }
            let extra: Vec<&str> = words.collect();
            if !extra.is_empty() {
                return Err(ParseErrorKind::ExtraWords(extra.join(" ")));
            }
            Ok(Step::Sync(name.to_owned()))
        }
        other => Err(ParseErrorKind::UnknownCommand(other.to_owned())),
    }
}

/// `<chord>` or `<chord>*<n>`.
fn parse_repeated(word: &str) -> Result<(Chord, usize), ParseErrorKind> {
    let (chord, count) = match word.split_once('*') {
        Some((chord, count)) => {
            let count = count
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_REPEAT).contains(n))
                .ok_or_else(|| ParseErrorKind::BadRepeat(count.to_owned()))?;
            (chord, count)
        }
        None => (word, 1),
    };
    Ok((parse_chord(chord)?, count))
}

fn parse_chord(word: &str) -> Result<Chord, ParseErrorKind> {
    let names: Vec<&str> = word.split('-').collect();
    let Some((key, modifiers)) = names.split_last() else {
        return Err(ParseErrorKind::BadChord(word.to_owned()));
    };
    if names.iter().any(|name| name.is_empty()) {
        return Err(ParseErrorKind::BadChord(word.to_owned()));
    }
    for modifier in modifiers {
        if !MODIFIERS.contains(modifier) {
            return Err(if is_key(modifier) {
                ParseErrorKind::BadChord(word.to_owned())
            } else {
                ParseErrorKind::UnknownKey((*modifier).to_owned())
            });
        }
    }
    if MODIFIERS.contains(key) {
        return Err(ParseErrorKind::BadChord(word.to_owned()));
    }
    if !is_key(key) {
        return Err(ParseErrorKind::UnknownKey((*key).to_owned()));
    }
    Ok(Chord {
        modifiers: modifiers.iter().map(|m| (*m).to_owned()).collect(),
        key: (*key).to_owned(),
    })
}

/// Whether `name` is a key (not a modifier) this format knows.
fn is_key(name: &str) -> bool {
    let single = name.len() == 1
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    single || KEYS.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> ParseError {
        match parse(text) {
            Err(error) => error,
            Ok(steps) => panic!("{text:?} parsed as {steps:?}"),
        }
    }

    fn chord(modifiers: &[&str], key: &str) -> Chord {
        Chord {
            modifiers: modifiers.iter().map(|m| (*m).to_owned()).collect(),
            key: key.to_owned(),
        }
    }

    #[test]
    fn every_command_is_read() {
        let script = "\
# Open the page.
press ctrl-f
type bluetooth
  press ret

sync page-open
press tab*3 shift-tab ret
focus Button Pair: Ferrum Test Peer
focus TextInput Search settings
";
        let steps = parse_numbered(script).unwrap();
        assert_eq!(
            steps,
            [
                (2, Step::Press(vec![chord(&["ctrl"], "f")])),
                (3, Step::Type("bluetooth".into())),
                (4, Step::Press(vec![Chord::key("ret")])),
                (6, Step::Sync("page-open".into())),
                (
                    7,
                    Step::Press(vec![
                        Chord::key("tab"),
                        Chord::key("tab"),
                        Chord::key("tab"),
                        chord(&["shift"], "tab"),
                        Chord::key("ret"),
                    ])
                ),
                (
                    8,
                    Step::Focus {
                        role: "Button".into(),
                        name: "Pair: Ferrum Test Peer".into()
                    }
                ),
                (
                    9,
                    Step::Focus {
                        role: "TextInput".into(),
                        name: "Search settings".into()
                    }
                ),
            ]
        );
        assert_eq!(
            parse(script).unwrap(),
            steps.into_iter().map(|(_, s)| s).collect::<Vec<_>>()
        );
        assert!(parse("").unwrap().is_empty());
        assert!(parse("# only a comment\n\n").unwrap().is_empty());
    }

    #[test]
    fn chords_give_their_qcodes_for_qmp() {
        let steps = parse("press ctrl_r-alt-f1 shift-tab").unwrap();
        let Step::Press(chords) = &steps[0] else {
            panic!("{steps:?}")
        };
        assert_eq!(chords[0].qcodes(), ["ctrl_r", "alt", "f1"]);
        assert!(chords[0].holds("ctrl") && chords[0].holds("alt"));
        assert!(!chords[0].holds("shift"));
        assert_eq!(chords[1].to_string(), "shift-tab");
        assert_eq!(steps[0].to_string(), "press ctrl_r-alt-f1 shift-tab");
    }

    #[test]
    fn text_is_typed_key_by_key() {
        let steps = parse("type Hi 2").unwrap();
        assert_eq!(
            steps[0].chords(),
            [
                chord(&["shift"], "h"),
                Chord::key("i"),
                Chord::key("spc"),
                Chord::key("2")
            ]
        );
        assert!(Step::Sync("paired".into()).chords().is_empty());
        // Inner spaces are kept as written.
        assert_eq!(parse("type a  b").unwrap(), [Step::Type("a  b".into())]);
        // A path: `~` and `_` are Shift with the grave accent and the minus key.
        let steps = parse("type ~/a_b.c-d").unwrap();
        assert_eq!(
            steps[0].chords(),
            [
                chord(&["shift"], "grave_accent"),
                Chord::key("slash"),
                Chord::key("a"),
                chord(&["shift"], "minus"),
                Chord::key("b"),
                Chord::key("dot"),
                Chord::key("c"),
                Chord::key("minus"),
                Chord::key("d"),
            ]
        );
    }

    #[test]
    fn mistakes_name_their_line() {
        let cases: &[(&str, ParseErrorKind)] = &[
            ("prss tab", ParseErrorKind::UnknownCommand("prss".into())),
            (
                "press",
                ParseErrorKind::Missing {
                    command: "press",
                    what: "a key",
                },
            ),
            ("press enter", ParseErrorKind::UnknownKey("enter".into())),
            ("press Tab", ParseErrorKind::UnknownKey("Tab".into())),
            (
                "press tab-shift",
                ParseErrorKind::BadChord("tab-shift".into()),
            ),
            ("press shift", ParseErrorKind::BadChord("shift".into())),
            ("press ctrl-", ParseErrorKind::BadChord("ctrl-".into())),
            ("press super-f", ParseErrorKind::UnknownKey("super".into())),
            ("press tab*0", ParseErrorKind::BadRepeat("0".into())),
            ("press tab*x", ParseErrorKind::BadRepeat("x".into())),
            ("press tab*51", ParseErrorKind::BadRepeat("51".into())),
            (
                "type",
                ParseErrorKind::Missing {
                    command: "type",
                    what: "text",
                },
            ),
            ("type a:b", ParseErrorKind::UntypableCharacter(':')),
            ("type café", ParseErrorKind::UntypableCharacter('é')),
            (
                "focus Button",
                ParseErrorKind::Missing {
                    command: "focus",
                    what: "a role and a name",
                },
            ),
            (
                "focus push-button Pair",
                ParseErrorKind::BadRole("push-button".into()),
            ),
            (
                "sync",
                ParseErrorKind::Missing {
                    command: "sync",
                    what: "a name",
                },
            ),
            ("sync Paired", ParseErrorKind::BadSyncName("Paired".into())),
            ("sync paired now", ParseErrorKind::ExtraWords("now".into())),
        ];
        for (line, kind) in cases {
            let text = format!("# a comment\n\n{line}\npress tab\n");
            let found = error(&text);
            assert_eq!(found.line, 3, "{line:?}");
            assert_eq!(&found.kind, kind, "{line:?}");
            assert!(found.to_string().starts_with("line 3: "), "{found}");
        }
    }

    #[test]
    fn the_bluetooth_script_of_the_image_e2e_parses() {
        let script = include_str!("../../image/e2e/bluetooth.keys");
        let steps = parse(script).unwrap_or_else(|error| panic!("bluetooth.keys: {error}"));
        assert!(steps.iter().any(|s| matches!(s, Step::Press(_))));
        let syncs: Vec<&str> = steps
            .iter()
            .filter_map(|step| match step {
                Step::Sync(name) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            syncs,
            [
                "page-open",
                "peer-found",
                "pairing-asked",
                "paired",
                "forgotten",
                "radio-off"
            ]
        );
    }
}
