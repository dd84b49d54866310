//! Quantities in words, the same on every page: sizes of downloads, apps and their data.

use ferrum_i18n::{fl, format_decimal};

/// A size in bytes in the page's language (decimal units, as download sizes are given:
/// 65 536 bytes is "65.5 kB").
pub fn size_text(bytes: u64) -> String {
    const KB: f64 = 1000.0;
    let value = bytes as f64;
    if bytes < 1000 {
        fl!("size-bytes", size = format_decimal(value, 0))
    } else if value < KB * KB {
        fl!("size-kb", size = format_decimal(value / KB, 1))
    } else if value < KB * KB * KB {
        fl!("size-mb", size = format_decimal(value / (KB * KB), 1))
    } else {
        fl!("size-gb", size = format_decimal(value / (KB * KB * KB), 1))
    }
}
