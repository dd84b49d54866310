//! The sessions a user can start: desktop entries in `wayland-sessions` (and
//! `xsessions` when present).

use std::path::{Path, PathBuf};

/// A session the user can start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The desktop file id (file name without `.desktop`).
    pub id: String,
    /// The display name (`Name=`, localized when the file has `Name[lang]=`).
    pub name: String,
    /// The command (`Exec=`), split into words.
    pub command: Vec<String>,
    /// Whether it is an X11 session.
    pub x11: bool,
}

/// Reads one desktop entry; `None` for hidden, broken or non-application entries.
pub fn parse_desktop_entry(id: &str, text: &str, language: &str, x11: bool) -> Option<Session> {
    let mut in_entry = false;
    let mut name = None;
    let mut localized = None;
    let mut exec = None;
    let short_language = language.split(['_', '-', '.']).next().unwrap_or_default();
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_entry = line == "[Desktop Entry]";
            continue;
        }
        if !in_entry || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let (key, value) = (key.trim(), value.trim());
        match key {
            "Name" => name = Some(value.to_owned()),
            "Exec" => exec = Some(value.to_owned()),
            "Hidden" | "NoDisplay" if value == "true" => return None,
            _ => {
                if let Some(tag) = key.strip_prefix("Name[").and_then(|k| k.strip_suffix(']'))
                    && (tag == language || (localized.is_none() && tag == short_language))
                {
                    localized = Some(value.to_owned());
                }
            }
        }
    }
    let command = split_exec(&exec?);
    if command.is_empty() {
        return None;
    }
    Some(Session {
        id: id.to_owned(),
        name: localized.or(name).unwrap_or_else(|| id.to_owned()),
        command,
        x11,
    })
}

/// Splits an `Exec=` line into words (quotes kept together, field codes dropped).
pub fn split_exec(exec: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut chars = exec.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            '\\' if quoted => {
                if let Some(next) = chars.next() {
                    word.push(next);
                }
            }
            ' ' | '\t' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            _ => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.retain(|word| !(word.len() == 2 && word.starts_with('%')));
    words
}

/// Every session in `dirs` (an `xsessions` folder marks X11 sessions), sorted
/// by name; the first folder wins when two have the same id.
pub fn discover(dirs: &[PathBuf], language: &str) -> Vec<Session> {
    let mut sessions: Vec<Session> = Vec::new();
    for dir in dirs {
        let x11 = dir.ends_with("xsessions");
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.extension().is_none_or(|e| e != "desktop") {
                continue;
            }
            let Some(id) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if sessions.iter().any(|s| s.id == id) {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            sessions.extend(parse_desktop_entry(id, &text, language, x11));
        }
    }
    sessions.sort_by(|a, b| a.name.cmp(&b.name));
    sessions
}

/// The session to preselect: the user's last one, else the configured
/// default, else the first.
pub fn preselect<'a>(
    sessions: &'a [Session],
    last: Option<&str>,
    default: Option<&str>,
) -> Option<&'a Session> {
    let find = |id: Option<&str>| id.and_then(|id| sessions.iter().find(|s| s.id == id));
    find(last)
        .or_else(|| find(default))
        .or_else(|| sessions.first())
}

/// Whether a path looks like a sessions folder (for config validation).
pub fn is_sessions_dir(path: &Path) -> bool {
    path.ends_with("wayland-sessions") || path.ends_with("xsessions")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SWAY: &str = "[Desktop Entry]\nName=Sway\nName[de]=Sway (Deutsch)\nComment=An i3-compatible Wayland compositor\nExec=sway --unsupported-gpu %U\nType=Application\n";

    #[test]
    fn entries_parse_with_localized_names() {
        let session = parse_desktop_entry("sway", SWAY, "de_DE.UTF-8", false).expect("parsed");
        assert_eq!(session.name, "Sway (Deutsch)");
        assert_eq!(session.command, vec!["sway", "--unsupported-gpu"]);
        let session = parse_desktop_entry("sway", SWAY, "fr_FR.UTF-8", false).expect("parsed");
        assert_eq!(session.name, "Sway");
    }

    #[test]
    fn hidden_and_broken_entries_are_skipped() {
        assert_eq!(
            parse_desktop_entry("x", "[Desktop Entry]\nName=X\n", "en", false),
            None
        );
        assert_eq!(
            parse_desktop_entry(
                "x",
                "[Desktop Entry]\nName=X\nExec=x\nHidden=true\n",
                "en",
                false
            ),
            None
        );
    }

    #[test]
    fn exec_lines_split_like_a_shell() {
        assert_eq!(
            split_exec(r#"env "A B=1" run\ me %f"#),
            vec![
                "env".to_owned(),
                "A B=1".to_owned(),
                "run\\".to_owned(),
                "me".to_owned()
            ]
        );
    }

    #[test]
    fn discovery_and_preselection() {
        let dir = tempfile::tempdir().expect("temp dir");
        let wayland = dir.path().join("wayland-sessions");
        let x11 = dir.path().join("xsessions");
        std::fs::create_dir_all(&wayland).expect("dir");
        std::fs::create_dir_all(&x11).expect("dir");
        std::fs::write(wayland.join("sway.desktop"), SWAY).expect("write");
        std::fs::write(
            wayland.join("ferrum.desktop"),
            "[Desktop Entry]\nName=Ferrum\nExec=ferrum-session\n",
        )
        .expect("write");
        std::fs::write(
            x11.join("xfce.desktop"),
            "[Desktop Entry]\nName=Xfce\nExec=startxfce4\n",
        )
        .expect("write");
        let sessions = discover(&[wayland, x11], "en_US.UTF-8");
        let names: Vec<&str> = sessions.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, vec!["Ferrum", "Sway", "Xfce"]);
        assert!(
            sessions
                .iter()
                .find(|s| s.id == "xfce")
                .is_some_and(|s| s.x11)
        );
        assert_eq!(
            preselect(&sessions, Some("sway"), Some("ferrum")).map(|s| s.id.as_str()),
            Some("sway")
        );
        assert_eq!(
            preselect(&sessions, Some("gone"), Some("ferrum")).map(|s| s.id.as_str()),
            Some("ferrum")
        );
        assert_eq!(
            preselect(&sessions, None, None).map(|s| s.id.as_str()),
            Some("ferrum")
        );
    }
}
