//! Connection profiles as NetworkManager's `GetSettings` returns them and `Update2` /
//! `AddConnection` take them: setting name → property name → value.

use std::collections::HashMap;

use zbus::zvariant::{OwnedValue, Value};

/// A profile's settings.
pub type Settings = HashMap<String, HashMap<String, OwnedValue>>;

/// A typed property of a profile, when present and of that type.
pub fn get<T>(settings: &Settings, setting: &str, property: &str) -> Option<T>
where
    T: TryFrom<OwnedValue>,
{
    let value = settings.get(setting)?.get(property)?.try_clone().ok()?;
    T::try_from(value).ok()
}

/// A string property, empty when absent.
pub fn string(settings: &Settings, setting: &str, property: &str) -> String {
    get::<String>(settings, setting, property).unwrap_or_default()
}

/// A list of strings, empty when absent.
pub fn strings(settings: &Settings, setting: &str, property: &str) -> Vec<String> {
    get::<Vec<String>>(settings, setting, property).unwrap_or_default()
}

/// Sets a property (creating the setting if needed).
pub fn set<'a>(
    settings: &mut Settings,
    setting: &str,
    property: &str,
    value: impl Into<Value<'a>>,
) {
    let value: Value<'a> = value.into();
    match OwnedValue::try_from(value) {
        Ok(owned) => {
            settings
                .entry(setting.to_owned())
                .or_default()
                .insert(property.to_owned(), owned);
        }
        // Only values carrying file descriptors fail to convert; profiles have none.
        Err(error) => tracing::warn!(setting, property, %error, "value not stored"),
    }
}

/// Removes a property.
pub fn remove(settings: &mut Settings, setting: &str, property: &str) {
    if let Some(properties) = settings.get_mut(setting) {
        properties.remove(property);
    }
}

/// `settings` borrowed the way the generated proxies take them.
pub fn borrowed(settings: &Settings) -> HashMap<&str, HashMap<&str, &Value<'_>>> {
    settings
        .iter()
        .map(|(setting, properties)| {
            let properties = properties
                .iter()
                .map(|(name, value)| (name.as_str(), &**value))
                .collect();
            (setting.as_str(), properties)
        })
        .collect()
}
