use super::*;

#[test]
fn posix_locales_parse() {
    assert_eq!(
        parse_posix_locale("de_DE.UTF-8@euro").map(|l| l.to_string()),
        Some("de-DE".to_owned())
    );
    assert_eq!(parse_posix_locale("C.UTF-8"), None);
    assert_eq!(parse_posix_locale(""), None);
}

#[test]
fn unknown_locale_falls_back_to_english() {
    assert_eq!(negotiate("xx_YY.UTF-8").to_string(), "en-US");
    assert_eq!(negotiate("C").to_string(), "en-US");
    assert_eq!(negotiate("en_GB.UTF-8").to_string(), "en-US");
}

#[test]
fn formats_messages_attributes_and_arguments() {
    let _locale = use_locale("en_US.UTF-8");
    assert_eq!(fl!("power-title"), "Power");
    assert!(fl!("power-title.keywords").contains("battery"));
    assert_eq!(fl!("battery-percent", percent = 80), "80 %");
    assert_eq!(fl!("no-such-key-anywhere"), "no-such-key-anywhere");
}

#[test]
fn posix_locale_names_switch_number_formatting() {
    let _locale = use_locale("de_DE.UTF-8");
    assert_eq!(current_locale().to_string(), "de");
    assert_eq!(format_decimal(60.0, 1), "60,0");
    // German puts a no-break space before the percent sign.
    assert_eq!(fl!("battery-percent", percent = 80), "80\u{a0}%");
}
