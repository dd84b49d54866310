//! Drawing the Bluetooth page.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::bluetooth::BluetoothError;
use ferrum_ui::widgets::{action_button, bidi_row, card, notice, page_start};
use iced::widget::{button, text};
use iced::{Alignment, Element, Length};

use super::{Message, Note, State, adapter, devices};
use crate::ids;

pub(super) fn page(state: &State) -> Element<'_, Message> {
    let mut page = page_start(
        fl!("bluetooth-title"),
        state.error.as_ref(),
        &ids::BLUETOOTH,
        Message::Report,
    );
    if let Some(note) = &state.note {
        page = page.push(note_view(note));
    }
    let snapshot = match state.bluetooth.ready_or_notice(
        || {
            (
                fl!("bluetooth-not-running"),
                fl!("bluetooth-not-running.body"),
            )
        },
        absence,
    ) {
        Ok(snapshot) => snapshot,
        Err(notice) => return page.push(notice).into(),
    };
    if let Some(dialog) = &state.pairing {
        page = page.push(dialog.view().map(Message::Pairing));
    }
    page = page.push(adapter::view(state, snapshot));
    if let Some(current) = state.current_adapter() {
        page = page.push(devices::view(state, snapshot, current));
    }
    page.into()
}

/// Why Bluetooth cannot be shown, in words (the page updates by itself).
fn absence(error: &BluetoothError) -> Element<'_, Message> {
    match error {
        BluetoothError::NoAdapter => notice(
            fl!("bluetooth-no-adapter"),
            fl!("bluetooth-no-adapter.body"),
        ),
        BluetoothError::NoAnswer => {
            notice(fl!("bluetooth-no-answer"), fl!("bluetooth-no-answer.body"))
        }
        error => notice(
            fl!("bluetooth-unreadable"),
            fl!("bluetooth-unreadable.body", detail = error.detail()),
        ),
    }
}

fn note_view(note: &Note) -> Element<'_, Message> {
    let sentence = match note {
        Note::RequestEnded { device } => fl!("bluetooth-request-ended", name = device.clone()),
    };
    card(
        bidi_row(vec![
            Accessible::new(
                ids::BLUETOOTH.child("note"),
                AccessibleInfo::new(Role::Alert, sentence.clone()),
                text(sentence).size(15).width(Length::Fill),
            )
            .into(),
            action_button(
                ids::BLUETOOTH.child("note").child("dismiss"),
                fl!("bluetooth-dismiss"),
                button::secondary,
                Message::NoteDismissed,
            ),
        ])
        .spacing(8)
        .align_y(Alignment::Center),
    )
}
