//! The translation catalogue is complete and well-formed:
//! every `fl!` key used in the workspace exists in en-US, every locale has
//! exactly the keys of en-US, and every Fluent file parses without errors.

// Test code: failing loudly with the reason is the point.
#![allow(clippy::panic)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ferrum_i18n::{FALLBACK_LOCALE, LOCALES};
use fluent_syntax::ast::{Entry, Resource};

fn parse(locale: &str, file: &str, source: &str) -> Resource<String> {
    match fluent_syntax::parser::parse(source.to_owned()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{locale}/{file} has Fluent syntax errors: {errors:?}"),
    }
}

/// Message ids and `id.attribute` keys defined by a locale.
fn keys_of(locale: &str) -> BTreeSet<String> {
    let (_, files) = LOCALES
        .iter()
        .find(|(name, _)| *name == locale)
        .unwrap_or_else(|| panic!("locale {locale} is not shipped"));
    let mut keys = BTreeSet::new();
    for (file, source) in *files {
        for entry in parse(locale, file, source).body {
            match entry {
                Entry::Message(message) => {
                    let id = message.id.name.clone();
                    for attribute in &message.attributes {
                        keys.insert(format!("{id}.{}", attribute.id.name));
                    }
                    assert!(
                        keys.insert(id.clone()),
                        "{locale}/{file}: duplicate id {id}"
                    );
                }
                Entry::Junk { content } => panic!("{locale}/{file}: junk {content:?}"),
                _ => {}
            }
        }
    }
    keys
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name == "target" || name.to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `fl!("key"` literal in a source text.
fn used_keys(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("fl!(") {
        rest = &rest[at + 4..];
        let trimmed = rest.trim_start();
        if let Some(literal) = trimmed.strip_prefix('"')
            && let Some(end) = literal.find('"')
        {
            keys.push(literal[..end].to_owned());
        }
    }
    keys
}

#[test]
fn every_key_used_in_code_exists_in_en_us() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let defined = keys_of(FALLBACK_LOCALE);
    let mut files = Vec::new();
    rust_files(&workspace, &mut files);
    assert!(
        files.len() > 5,
        "source walk found too few files: {files:?}"
    );
    let mut missing = Vec::new();
    let mut used = 0;
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap_or_default();
        for key in used_keys(&source) {
            used += 1;
            // The macro's own documentation and this test's probes are not lookups.
            if key == "no-such-key-anywhere"
                || file.ends_with("i18n/src/lib.rs")
                || file.ends_with("i18n/tests/catalog.rs")
            {
                continue;
            }
            if !defined.contains(&key) {
                missing.push(format!("{}: {key}", file.display()));
            }
        }
    }
    assert!(
        used > 10,
        "expected the shell to use fl! widely, found {used}"
    );
    assert!(
        missing.is_empty(),
        "keys missing from en-US:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_locale_has_exactly_the_keys_of_en_us() {
    let reference = keys_of(FALLBACK_LOCALE);
    for (locale, _) in LOCALES {
        let keys = keys_of(locale);
        let missing: Vec<_> = reference.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&reference).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{locale}: missing {missing:?}, extra {extra:?}"
        );
    }
}

#[test]
fn key_scanner_finds_literals() {
    let keys = used_keys(r#"let a = fl!("one"); let b = fl!( "two.attr", n = 1);"#);
    assert_eq!(keys, vec!["one".to_owned(), "two.attr".to_owned()]);
}
