//! Numbers in the user's language (decimal separator, grouping), with ICU4X's
//! CLDR data: "60.0 Wh" in English is "60,0 Wh" in German and French.

use std::cell::RefCell;
use std::sync::RwLock;

use fluent_bundle::FluentValue;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;

/// The language numbers are formatted for.
static LOCALE: RwLock<String> = RwLock::new(String::new());

thread_local! {
    /// ICU formatters are not `Send`: one per thread, rebuilt when the language changes.
    static FORMATTER: RefCell<Option<(String, Option<DecimalFormatter>)>> = const { RefCell::new(None) };
}

/// Switches number formatting to a locale (called when the language changes).
pub(crate) fn set_locale(locale: &str) {
    let mut slot = match LOCALE.write() {
        Ok(slot) => slot,
        Err(poisoned) => poisoned.into_inner(),
    };
    locale.clone_into(&mut slot);
}

fn current() -> String {
    match LOCALE.read() {
        Ok(slot) => slot.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    }
}

/// Formats `value` with exactly `fraction_digits` decimals in the current language.
pub fn format_decimal(value: f64, fraction_digits: u8) -> String {
    format_decimal_in(&current(), value, fraction_digits)
}

/// Formats `value` with exactly `fraction_digits` decimals as `locale` (a BCP 47 tag such as
/// `de-DE`) writes numbers: the Region & Language page's preview of another region's formats.
pub fn format_decimal_in(locale: &str, value: f64, fraction_digits: u8) -> String {
    let digits = i16::from(fraction_digits.min(6));
    let scaled = (value * 10f64.powi(i32::from(digits))).round();
    if !scaled.is_finite() || scaled.abs() > 9e15 {
        return format!("{value:.*}", usize::from(fraction_digits));
    }
    let mut decimal = Decimal::from(scaled as i64);
    decimal.multiply_pow10(-digits);
    decimal.absolute.pad_end(-digits);
    FORMATTER.with_borrow_mut(|cache| {
        if cache.as_ref().is_none_or(|(cached, _)| *cached != locale) {
            let formatter = locale.parse::<Locale>().ok().and_then(|parsed| {
                DecimalFormatter::try_new(parsed.into(), Default::default()).ok()
            });
            *cache = Some((locale.to_owned(), formatter));
        }
        match cache.as_ref().and_then(|(_, formatter)| formatter.as_ref()) {
            Some(formatter) => formatter.format(&decimal).to_string(),
            None => format!("{value:.*}", usize::from(fraction_digits)),
        }
    })
}

/// The fewest decimals (up to 2) that show `value` without loss.
fn natural_digits(value: f64) -> u8 {
    (0..=2)
        .find(|digits| {
            let factor = 10f64.powi(i32::from(*digits));
            ((value * factor).round() / factor - value).abs() < 1e-9
        })
        .unwrap_or(2)
}

/// Fluent's hook: every number placeable is formatted for the language.
pub(crate) fn fluent_formatter<M>(value: &FluentValue<'_>, _memoizer: &M) -> Option<String> {
    match value {
        FluentValue::Number(number) => {
            let digits = number
                .options
                .minimum_fraction_digits
                .and_then(|digits| u8::try_from(digits).ok())
                .unwrap_or_else(|| natural_digits(number.value));
            Some(format_decimal(number.value, digits))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_follow_the_language() {
        // Switches the language alone, and puts the one in force back.
        let _locale = crate::use_locale("en-US");
        set_locale("de");
        assert_eq!(format_decimal(60.0, 1), "60,0");
        assert_eq!(format_decimal(12345.5, 1), "12.345,5");
        set_locale("fr");
        assert_eq!(format_decimal(23.46, 1), "23,5");
        set_locale("en-US");
        assert_eq!(format_decimal(60.0, 1), "60.0");
        assert_eq!(format_decimal(80.0, 0), "80");
        assert_eq!(format_decimal_in("de-DE", 1234.5, 2), "1.234,50");
        assert_eq!(format_decimal_in("en-US", 1234.5, 2), "1,234.50");
        assert_eq!(natural_digits(23.5), 1);
        assert_eq!(natural_digits(80.0), 0);
    }
}
