//! The adapter section: which adapter (when there are several), its radio, and
//! the name this computer is visible as.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::bluetooth::{Action, Adapter, Snapshot};
use ferrum_ui::widgets::{
    action_button, bidi_row, caption, choice, error_line, key_value, section, switch,
};
use iced::widget::{button, column, text, text_input};
use iced::{Alignment, Element, Length};

use super::{Message as PageMessage, State as Page};

/// BlueZ's limit for a name (`Alias`), in bytes of UTF-8: the Bluetooth
/// device name field is 248 bytes.
pub const MAX_NAME_BYTES: usize = 248;

/// Why a typed name is not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameError {
    /// Nothing (or only spaces) was typed.
    Empty,
    /// Longer than [`MAX_NAME_BYTES`].
    TooLong {
        /// Its length in bytes.
        bytes: usize,
    },
}

/// Checks a name typed for the adapter or a device: not empty, at most 248
/// bytes; returns it without surrounding spaces.
pub fn check_name(text: &str) -> Result<String, NameError> {
    let name = text.trim();
    if name.is_empty() {
        Err(NameError::Empty)
    } else if name.len() > MAX_NAME_BYTES {
        Err(NameError::TooLong { bytes: name.len() })
    } else {
        Ok(name.to_owned())
    }
}

/// The "Visible as" field: what is typed stays until it is saved or the
/// person goes back to the adapter's name; a refused name is never lost.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alias {
    /// The text in the field.
    pub text: String,
    /// The person changed it (the field no longer follows the adapter).
    pub edited: bool,
    /// Why it was not saved.
    pub error: Option<NameError>,
}

impl Alias {
    /// Shows the adapter's name unless the person is editing.
    pub(super) fn follow(&mut self, adapter: &Adapter) {
        if !self.edited {
            self.text.clone_from(&adapter.alias);
        }
    }

    /// The save was answered: the field follows the adapter again, or keeps the
    /// text after a failure.
    pub(super) fn saved(&mut self, ok: bool) {
        if ok {
            self.edited = false;
        }
    }
}

/// What happens in the "Visible as" field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The text was edited.
    Changed(String),
    /// Save it (Enter or the button).
    Save,
}

/// Applies a message; returns the checked name to save.
pub(super) fn update(alias: &mut Alias, message: Message) -> Option<String> {
    match message {
        Message::Changed(text) => {
            alias.text = text;
            alias.edited = true;
            if alias.error.is_some() {
                alias.error = check_name(&alias.text).err();
            }
            None
        }
        Message::Save => match check_name(&alias.text) {
            Ok(name) => {
                alias.error = None;
                Some(name)
            }
            Err(error) => {
                alias.error = Some(error);
                None
            }
        },
    }
}

/// A name's problem in words.
pub fn name_error_text(error: NameError) -> String {
    match error {
        NameError::Empty => fl!("bluetooth-name-empty"),
        NameError::TooLong { bytes } => fl!(
            "bluetooth-name-too-long",
            max = MAX_NAME_BYTES,
            bytes = bytes
        ),
    }
}

/// The adapter section.
pub(super) fn view<'a>(page: &'a Page, snapshot: &'a Snapshot) -> Element<'a, PageMessage> {
    let Some(adapter) = page.current_adapter() else {
        return caption(fl!("service-loading"));
    };
    let mut content = column![].spacing(10);
    if snapshot.adapters.len() > 1 {
        content = content.push(text(fl!("bluetooth-adapter-choice")).size(14));
        for each in &snapshot.adapters {
            content = content.push(choice(
                crate::ids::bluetooth_adapter(&each.id),
                fl!(
                    "bluetooth-adapter-name",
                    name = each.alias.clone(),
                    id = each.id.to_string()
                ),
                Some(fl!(
                    "bluetooth-adapter-address",
                    address = each.address.to_string()
                )),
                each.id == adapter.id,
                PageMessage::AdapterChosen(each.id.clone()),
            ));
        }
    }
    let turning = page.pending.iter().find_map(|action| match action {
        Action::SetPowered { adapter: id, on } if *id == adapter.id => Some(*on),
        _ => None,
    });
    let description = match turning {
        Some(true) => fl!("bluetooth-power-turning-on"),
        Some(false) => fl!("bluetooth-power-turning-off"),
        None if adapter.powered => fl!("bluetooth-power-on"),
        None => fl!("bluetooth-power-off"),
    };
    content = content.push(switch(
        crate::ids::BLUETOOTH_POWER,
        fl!("bluetooth-power"),
        description,
        turning.unwrap_or(adapter.powered),
        PageMessage::PowerToggled,
    ));
    content = content.push(alias_field(page, adapter));
    content = content.push(caption(if adapter.powered && adapter.discoverable {
        fl!("bluetooth-discoverable", name = adapter.alias.clone())
    } else if adapter.powered {
        fl!("bluetooth-discoverable-soon")
    } else {
        fl!("bluetooth-discoverable-off")
    }));
    content = content.push(key_value(
        fl!("bluetooth-address"),
        adapter.address.to_string(),
    ));
    section(fl!("bluetooth-adapter-heading"), content)
}

fn alias_field<'a>(page: &'a Page, adapter: &'a Adapter) -> Element<'a, PageMessage> {
    let alias = &page.alias;
    let label = fl!("bluetooth-visible-as");
    let saving = page
        .pending
        .iter()
        .any(|action| matches!(action, Action::SetAlias { adapter: id, .. } if *id == adapter.id));
    let input = text_input(&adapter.system_name, &alias.text)
        .id(crate::ids::BLUETOOTH_ALIAS)
        .on_input(|text| PageMessage::Alias(Message::Changed(text)))
        .on_submit(PageMessage::Alias(Message::Save))
        .padding(8);
    let save: Element<'a, PageMessage> = if saving {
        caption(fl!("bluetooth-saving"))
    } else {
        action_button(
            crate::ids::BLUETOOTH_ALIAS_SAVE,
            fl!("bluetooth-alias-save"),
            button::secondary,
            PageMessage::Alias(Message::Save),
        )
    };
    let mut field = column![
        text(label.clone()).size(14),
        bidi_row(vec![
            Accessible::new(
                crate::ids::BLUETOOTH_ALIAS.child("field"),
                AccessibleInfo::new(Role::TextInput, label).value(alias.text.clone()),
                input,
            )
            .into(),
            save,
        ])
        .spacing(8)
        .align_y(Alignment::Center)
        .width(Length::Fill),
    ]
    .spacing(4);
    if let Some(error) = alias.error {
        field = field.push(error_line(
            crate::ids::BLUETOOTH_ALIAS.child("error"),
            name_error_text(error),
        ));
    }
    field.into()
}
