//! The formats' live preview: a day, a number, measurement and paper as a region writes
//! them, from ICU4X's CLDR data (`ferrum_i18n`) — pure, so `view` can call it.

use ferrum_i18n::fl;

/// What a region's formats look like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// The day in full ("Monday, December 7, 2026").
    pub date: String,
    /// The day in digits ("12/7/26").
    pub short_date: String,
    /// A number with decimals and grouping ("1,234,567.89").
    pub number: String,
    /// The measurement system, in words.
    pub measurement: String,
    /// The paper size, in words.
    pub paper: String,
}

/// The BCP 47 tag of a POSIX locale: `de_DE.UTF-8` → `de-DE`, `sr_RS@latin` → `sr-RS`.
pub fn tag(posix: &str) -> String {
    posix
        .split(['.', '@'])
        .next()
        .unwrap_or(posix)
        .replace('_', "-")
}

/// Whether the region measures in US customary units (glibc's `LC_MEASUREMENT` 2: the US,
/// Liberia, Myanmar).
pub fn imperial(posix: &str) -> bool {
    matches!(region(posix), Some("US" | "LR" | "MM"))
}

/// Whether the region's paper is US Letter (glibc's `LC_PAPER`: the Americas' US, Canada,
/// Mexico, Chile, Colombia, Venezuela, the Philippines and a few more).
pub fn letter(posix: &str) -> bool {
    matches!(
        region(posix),
        Some(
            "US" | "CA"
                | "MX"
                | "CL"
                | "CO"
                | "VE"
                | "PH"
                | "PR"
                | "CR"
                | "GT"
                | "SV"
                | "NI"
                | "PA"
        )
    )
}

fn region(posix: &str) -> Option<&str> {
    posix
        .split(['.', '@'])
        .next()
        .and_then(|name| name.split_once('_'))
        .map(|(_, region)| region)
}

/// The preview of `posix`'s formats on the day `(year, month, day)`, in the current
/// language's words.
pub fn preview(posix: &str, (year, month, day): (i32, u8, u8)) -> Preview {
    let tag = tag(posix);
    Preview {
        date: ferrum_i18n::format_full_date(Some(&tag), year, month, day).unwrap_or_default(),
        short_date: ferrum_i18n::format_short_date(&tag, year, month, day).unwrap_or_default(),
        number: ferrum_i18n::format_decimal_in(&tag, 1_234_567.89, 2),
        measurement: if imperial(posix) {
            fl!("region-measurement-us")
        } else {
            fl!("region-measurement-metric")
        },
        paper: if letter(posix) {
            fl!("region-paper-letter")
        } else {
            fl!("region-paper-a4")
        },
    }
}
