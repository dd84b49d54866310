//! A remote's AppStream catalogue (`appstream.xml.gz` of its appstream branch): the names,
//! summaries and versions people search and read. Pure parsing, tested without Flatpak.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;

/// What the catalogue says about one app.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Component {
    /// The component id (`org.gnome.Maps`, sometimes with `.desktop`).
    pub id: String,
    /// The untranslated name.
    pub name: Option<String>,
    /// The untranslated one-line summary.
    pub summary: Option<String>,
    /// The newest release's version.
    pub version: Option<String>,
    /// The Flatpak ref it is bundled as (`app/<id>/<arch>/<branch>`).
    pub bundle: Option<String>,
}

/// The catalogue by Flatpak ref, and by id for components without a bundle.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Catalogue {
    by_ref: BTreeMap<String, Component>,
    by_id: BTreeMap<String, Component>,
}

impl Catalogue {
    /// Reads a gzip-compressed catalogue; empty when it is missing or unreadable (a remote
    /// without AppStream still lists its apps by id).
    pub(crate) fn read_gz(path: &Path) -> Catalogue {
        let Ok(file) = std::fs::File::open(path) else {
            return Catalogue::default();
        };
        let mut xml = String::new();
        if let Err(error) = flate2::read::GzDecoder::new(file).read_to_string(&mut xml) {
            tracing::debug!(%error, path = %path.display(), "unreadable AppStream catalogue");
            return Catalogue::default();
        }
        Catalogue::parse(&xml)
    }

    /// Parses a catalogue's XML (`<components><component>…`); malformed XML is empty.
    pub(crate) fn parse(xml: &str) -> Catalogue {
        let mut catalogue = Catalogue::default();
        let Ok(document) = roxmltree::Document::parse(xml) else {
            return catalogue;
        };
        for node in document
            .root_element()
            .children()
            .filter(|node| node.has_tag_name("component"))
        {
            let untranslated = |tag: &str| {
                node.children()
                    .find(|child| {
                        child.has_tag_name(tag)
                            && !child
                                .attributes()
                                .any(|attribute| attribute.name() == "lang")
                    })
                    .and_then(|child| child.text())
                    .map(|text| text.trim().to_owned())
                    .filter(|text| !text.is_empty())
            };
            let Some(id) = untranslated("id") else {
                continue;
            };
            let version = node
                .children()
                .find(|child| child.has_tag_name("releases"))
                .and_then(|releases| releases.children().find(|r| r.has_tag_name("release")))
                .and_then(|release| release.attribute("version"))
                .map(str::to_owned);
            let bundle = node
                .children()
                .find(|child| {
                    child.has_tag_name("bundle") && child.attribute("type") == Some("flatpak")
                })
                .and_then(|bundle| bundle.text())
                .map(|text| text.trim().to_owned());
            let component = Component {
                name: untranslated("name"),
                summary: untranslated("summary"),
                version,
                bundle: bundle.clone(),
                id: id.clone(),
            };
            match bundle {
                Some(bundle) => {
                    catalogue.by_ref.insert(bundle, component);
                }
                None => {
                    let id = id.strip_suffix(".desktop").unwrap_or(&id).to_owned();
                    catalogue.by_id.insert(id, component);
                }
            }
        }
        catalogue
    }

    /// The entry for an app: by its full ref, else by its id.
    pub(crate) fn get(&self, full_ref: &str, id: &str) -> Option<&Component> {
        self.by_ref.get(full_ref).or_else(|| self.by_id.get(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<components version="0.8" origin="flatpak">
  <component type="desktop-application">
    <id>org.example.Maps</id>
    <name>Maps</name>
    <name xml:lang="de">Karten</name>
    <summary xml:lang="de">Karten ansehen</summary>
    <summary>Find places</summary>
    <releases><release version="46.1" timestamp="1"/><release version="46.0"/></releases>
    <bundle type="flatpak">app/org.example.Maps/x86_64/stable</bundle>
  </component>
  <component type="desktop-application">
    <id>org.example.Old.desktop</id>
    <name>Old</name>
  </component>
  <component><name>No id</name></component>
</components>"#;

    #[test]
    fn names_summaries_and_versions_are_read_untranslated() {
        let catalogue = Catalogue::parse(XML);
        let maps = catalogue
            .get("app/org.example.Maps/x86_64/stable", "org.example.Maps")
            .unwrap();
        assert_eq!(maps.name.as_deref(), Some("Maps"));
        assert_eq!(maps.summary.as_deref(), Some("Find places"));
        assert_eq!(maps.version.as_deref(), Some("46.1"));
        // Another branch of the same app is another bundle.
        assert_eq!(
            catalogue.get("app/org.example.Maps/x86_64/beta", "org.example.Maps"),
            None
        );
        // Without a bundle, by id (".desktop" dropped).
        let old = catalogue
            .get("app/org.example.Old/x86_64/stable", "org.example.Old")
            .unwrap();
        assert_eq!(old.name.as_deref(), Some("Old"));
        assert_eq!(Catalogue::parse("<not xml"), Catalogue::default());
    }
}
