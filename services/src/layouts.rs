//! Keyboard layouts from xkeyboard-config's rules list (`evdev.lst`): the xkb
//! names (`us`, `de`) and their descriptions, the administrator's choice first.

use std::path::Path;

/// Where xkeyboard-config lists its layouts.
pub const RULES_LIST: &str = "/usr/share/X11/xkb/rules/evdev.lst";

/// One xkb layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The xkb name (`XKB_DEFAULT_LAYOUT`), e.g. `de`.
    pub name: String,
    /// xkeyboard-config's description, e.g. `German`.
    pub description: String,
}

impl Layout {
    /// The short indicator shown on the login screen (`DE`, `US`).
    pub fn indicator(&self) -> String {
        self.name.to_uppercase()
    }
}

/// Reads the `! layout` section of a rules list.
pub fn parse_rules_list(text: &str) -> Vec<Layout> {
    let mut layouts = Vec::new();
    let mut in_layouts = false;
    for line in text.lines() {
        if let Some(section) = line.strip_prefix('!') {
            in_layouts = section.trim() == "layout";
            continue;
        }
        if !in_layouts {
            continue;
        }
        let line = line.trim();
        let Some((name, description)) = line.split_once(char::is_whitespace) else {
            continue;
        };
        layouts.push(Layout {
            name: name.to_owned(),
            description: description.trim().to_owned(),
        });
    }
    layouts
}

/// The layouts of the system's rules list (empty when xkeyboard-config is missing).
pub fn load(path: &Path) -> Vec<Layout> {
    std::fs::read_to_string(path)
        .map(|text| parse_rules_list(&text))
        .unwrap_or_default()
}

/// The layouts in menu order: the `preferred` ones (in their order) first,
/// then the rest by description. A preferred name missing from the list is
/// still offered, described by its name.
pub fn ordered(mut all: Vec<Layout>, preferred: &[String]) -> Vec<Layout> {
    all.sort_by(|a, b| a.description.cmp(&b.description));
    let mut result: Vec<Layout> = preferred
        .iter()
        .map(|name| match all.iter().position(|l| &l.name == name) {
            Some(at) => all.remove(at),
            None => Layout {
                name: name.clone(),
                description: name.clone(),
            },
        })
        .collect();
    result.extend(all);
    result
}

/// The keyboard at the start (the login screen's and the first-boot setup's alike): the
/// layouts in menu order (from `list`, xkb's rules list when `None`, the `preferred` ones
/// first), the one chosen first (the first preferred, else the first listed, else `us`),
/// and the layout cage started with (`XKB_DEFAULT_LAYOUT`'s first, or xkb's default `us`).
pub fn starting(list: Option<&Path>, preferred: &[String]) -> (Vec<Layout>, String, String) {
    let layouts = ordered(load(list.unwrap_or(Path::new(RULES_LIST))), preferred);
    let chosen = preferred
        .first()
        .cloned()
        .or_else(|| layouts.first().map(|l| l.name.clone()))
        .unwrap_or_else(|| "us".into());
    let base = std::env::var("XKB_DEFAULT_LAYOUT")
        .ok()
        .and_then(|layouts| layouts.split(',').next().map(str::to_owned))
        .filter(|layout| !layout.is_empty())
        .unwrap_or_else(|| "us".into());
    (layouts, chosen, base)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "! model\n  pc105  Generic 105-key PC\n\n! layout\n  us              English (US)\n  de              German\n  fr              French\n\n! variant\n  nodeadkeys      de: German (no dead keys)\n";

    #[test]
    fn reads_only_the_layout_section() {
        let layouts = parse_rules_list(SAMPLE);
        let names: Vec<&str> = layouts.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["us", "de", "fr"]);
        assert_eq!(layouts[0].description, "English (US)");
        assert_eq!(layouts[1].indicator(), "DE");
    }

    #[test]
    fn preferred_layouts_come_first() {
        let ordered = ordered(parse_rules_list(SAMPLE), &["de".into(), "xx".into()]);
        let names: Vec<&str> = ordered.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["de", "xx", "us", "fr"]);
    }

    #[test]
    fn the_system_list_has_common_layouts() {
        // xkb-data is a dependency (`cargo xtask deps` installs it): without it the
        // greeter offers no layouts, so its absence fails here, loudly.
        assert!(
            Path::new(RULES_LIST).exists(),
            "{RULES_LIST} is missing: install xkb-data (cargo xtask deps)"
        );
        let layouts = load(Path::new(RULES_LIST));
        for name in ["us", "de", "fr", "ara", "jp", "ua"] {
            assert!(layouts.iter().any(|l| l.name == name), "{name} missing");
        }
    }
}
