//! What the greeter remembers between logins: the last user and each user's
//! last session. Its own small file, written atomically; a damaged file is
//! forgotten, never fatal.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// Remembered choices.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Memory {
    /// Who logged in last.
    pub last_user: Option<String>,
    /// Each user's last session id.
    pub sessions: BTreeMap<String, String>,
}

impl Memory {
    /// Reads the file; missing or damaged means nothing remembered.
    pub fn load(path: &Path) -> Self {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| toml::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Remembers a successful login.
    pub fn remember(&mut self, user: &str, session: &str) {
        self.last_user = Some(user.to_owned());
        self.sessions.insert(user.to_owned(), session.to_owned());
    }

    /// Writes the file (temp file, then rename).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = toml::to_string(self).map_err(std::io::Error::other)?;
        let temporary = path.with_extension("tmp");
        std::fs::write(&temporary, text)?;
        std::fs::rename(temporary, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_and_survives_damage() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state/state.toml");
        assert_eq!(Memory::load(&path), Memory::default());
        let mut memory = Memory::default();
        memory.remember("ada", "sway");
        memory.save(&path).expect("saved");
        let loaded = Memory::load(&path);
        assert_eq!(loaded.last_user.as_deref(), Some("ada"));
        assert_eq!(loaded.sessions.get("ada").map(String::as_str), Some("sway"));
        std::fs::write(&path, "last_user = [").expect("write");
        assert_eq!(Memory::load(&path), Memory::default());
    }
}
