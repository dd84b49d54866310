//! The dialog for fwupd's device requests ("unplug the device and plug it back in",
//! "press the unlock button"): its state, messages and view. The request is said in the
//! page's language for every request id fwupd defines; a vendor's own text (English, from
//! the metadata) is shown as it comes. The sentence is an alert, so a screen reader says
//! it at once; **Done** closes it.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::firmware::{DeviceRequest, RequestKind};
use ferrum_ui::widgets::{FONT_BOLD, action_button, card, line, reading_start};
use iced::widget::{button, column, text};
use iced::{Element, Length};

use crate::ids;

/// The dialog's state: the request and the device's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Dialog {
    /// What fwupd asks.
    pub request: DeviceRequest,
    /// The device's name as shown.
    pub device: String,
}

/// What happens in the dialog.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// The person did it (or read it).
    Done,
}

impl Dialog {
    /// A dialog for a request about `device`.
    pub fn new(request: DeviceRequest, device: String) -> Self {
        Self { request, device }
    }

    /// Whether it asks for something during the update (it closes when the update ends),
    /// rather than after it.
    pub fn is_immediate(&self) -> bool {
        self.request.kind != RequestKind::Post
    }

    /// The request in words.
    pub fn sentence(&self) -> String {
        request_sentence(&self.request, &self.device)
    }

    /// Draws the dialog.
    pub fn view(&self) -> Element<'_, Message> {
        let sentence = self.sentence();
        card(
            column![
                text(fl!("firmware-prompt-title", device = self.device.as_str()))
                    .size(17)
                    .font(FONT_BOLD),
                Accessible::new(
                    ids::FIRMWARE_PROMPT.child("request"),
                    AccessibleInfo::new(Role::Alert, sentence.clone()),
                    line(sentence, 15, Length::Fill),
                ),
                action_button(
                    ids::FIRMWARE_PROMPT.child("done"),
                    fl!("firmware-prompt-done"),
                    button::primary,
                    Message::Done,
                ),
            ]
            .spacing(10)
            .align_x(reading_start()),
        )
    }
}

/// A device request as a sentence about `device`.
pub fn request_sentence(request: &DeviceRequest, device: &str) -> String {
    // A vendor's own words win over the generic sentence for the id.
    if request.non_generic_message
        && let Some(message) = request.message.as_deref()
    {
        return fl!(
            "firmware-request-vendor",
            device = device,
            message = message
        );
    }
    match request.id.as_str() {
        DeviceRequest::REMOVE_REPLUG => fl!("firmware-request-remove-replug", device = device),
        DeviceRequest::PRESS_UNLOCK => fl!("firmware-request-press-unlock", device = device),
        DeviceRequest::REMOVE_USB_CABLE => {
            fl!("firmware-request-remove-usb-cable", device = device)
        }
        DeviceRequest::INSERT_USB_CABLE => {
            fl!("firmware-request-insert-usb-cable", device = device)
        }
        DeviceRequest::DO_NOT_POWER_OFF => {
            fl!("firmware-request-do-not-power-off", device = device)
        }
        DeviceRequest::REPLUG_INSTALL => fl!("firmware-request-replug-install", device = device),
        DeviceRequest::REPLUG_POWER => fl!("firmware-request-replug-power", device = device),
        _ => match request.message.as_deref() {
            Some(message) => fl!(
                "firmware-request-vendor",
                device = device,
                message = message
            ),
            None => fl!("firmware-request-generic", device = device),
        },
    }
}
