//! fwupd's release and attribute descriptions are AppStream description markup
//! (`<p>`, `<ul>`/`<ol>` with `<li>`, inline `<em>` and `<code>`): here they become
//! plain text blocks the UI lays out itself.

/// One block of a description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextBlock {
    /// A paragraph.
    Paragraph(String),
    /// An item of a bulleted list (`<ul>`).
    Bullet(String),
    /// An item of a numbered list (`<ol>`), numbered from 1 within its list.
    Numbered(u32, String),
}

/// Parses AppStream description markup into blocks. Unknown tags are dropped (their
/// text kept); text outside any tag becomes a paragraph; empty blocks are skipped.
pub fn markup_to_blocks(markup: &str) -> Vec<TextBlock> {
    let mut blocks = Vec::new();
    let mut text = String::new();
    // The list being read: None outside lists, Some(None) for `<ul>`, Some(Some(n)) for `<ol>`.
    let mut list: Option<Option<u32>> = None;
    let mut rest = markup;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            text.push_str(rest);
            break;
        };
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            // A lone `<`: keep it as text.
            text.push_str(&rest[open..]);
            break;
        };
        let tag = after[..close].trim();
        rest = &after[close + 1..];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("p", _) | ("li", _) => flush(&mut blocks, &mut text, list.as_mut()),
            ("ul", false) => {
                flush(&mut blocks, &mut text, None);
                list = Some(None);
            }
            ("ol", false) => {
                flush(&mut blocks, &mut text, None);
                list = Some(Some(0));
            }
            ("ul" | "ol", true) => {
                flush(&mut blocks, &mut text, list.as_mut());
                list = None;
            }
            ("br", _) => text.push(' '),
            _ => {}
        }
    }
    flush(&mut blocks, &mut text, list.as_mut());
    blocks
}

/// Ends the block being read, as a list item when inside a list.
fn flush(blocks: &mut Vec<TextBlock>, text: &mut String, list: Option<&mut Option<u32>>) {
    let words = collapse(&decode_entities(text));
    text.clear();
    if words.is_empty() {
        return;
    }
    blocks.push(match list {
        None => TextBlock::Paragraph(words),
        Some(None) => TextBlock::Bullet(words),
        Some(Some(number)) => {
            *number += 1;
            TextBlock::Numbered(*number, words)
        }
    });
}

/// Collapses runs of whitespace (the markup's line breaks and indentation) into one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes XML's predefined entities and numeric character references.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after.find(';').filter(|&end| end <= 10).and_then(|end| {
            let entity = &after[..end];
            let character = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                    .and_then(char::from_u32),
            };
            character.map(|character| (character, end))
        });
        match decoded {
            Some((character, end)) => {
                out.push(character);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Plain text: paragraphs separated by a blank line, list items one a line
/// (`• item`, `1. item`).
pub fn blocks_to_text(blocks: &[TextBlock]) -> String {
    let mut out = String::new();
    let mut previous_was_item = false;
    for block in blocks {
        let (line, item) = match block {
            TextBlock::Paragraph(text) => (text.clone(), false),
            TextBlock::Bullet(text) => (format!("• {text}"), true),
            TextBlock::Numbered(number, text) => (format!("{number}. {text}"), true),
        };
        if !out.is_empty() {
            out.push_str(if item && previous_was_item {
                "\n"
            } else {
                "\n\n"
            });
        }
        out.push_str(&line);
        previous_was_item = item;
    }
    out
}

/// AppStream description markup as plain text ([`markup_to_blocks`] then [`blocks_to_text`]).
pub fn markup_to_text(markup: &str) -> String {
    blocks_to_text(&markup_to_blocks(markup))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_bullets() {
        // The shape of an LVFS release description.
        let markup = "<p>This release fixes the following issues:</p>\n  <ul>\n    \
                      <li>Fix a   crash when\n resuming</li>\n    <li>Improve USB-C &amp; \
                      Thunderbolt&#8482; stability</li>\n  </ul>\n<p>Update with care.</p>";
        assert_eq!(
            markup_to_blocks(markup),
            vec![
                TextBlock::Paragraph("This release fixes the following issues:".into()),
                TextBlock::Bullet("Fix a crash when resuming".into()),
                TextBlock::Bullet("Improve USB-C & Thunderbolt™ stability".into()),
                TextBlock::Paragraph("Update with care.".into()),
            ]
        );
        assert_eq!(
            markup_to_text(markup),
            "This release fixes the following issues:\n\n\
             • Fix a crash when resuming\n\
             • Improve USB-C & Thunderbolt™ stability\n\n\
             Update with care."
        );
    }

    #[test]
    fn numbered_lists_inline_tags_and_bare_text() {
        let markup = "<ol><li>Unplug the <em>dock</em></li><li>Press <code>Fn</code></li></ol>";
        assert_eq!(markup_to_text(markup), "1. Unplug the dock\n2. Press Fn");
        assert_eq!(
            markup_to_text("Plain   text, no tags"),
            "Plain text, no tags"
        );
        assert_eq!(markup_to_text(""), "");
        assert_eq!(markup_to_text("<p></p><p>  </p>"), "");
        // Broken markup keeps its text.
        assert_eq!(markup_to_text("a < b & c"), "a < b & c");
        assert_eq!(markup_to_text("<p>&#x41;&unknown;</p>"), "A&unknown;");
    }
}
