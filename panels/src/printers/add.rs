//! The "Add a printer" dialog: the driverless printers found on the network
//! (one entry each, with its address), and adding one by its address,
//! checked before CUPS sees it. Its state, messages and view live here; the
//! page derives the queue's name and runs the command.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::printers::{
    AddressError, Discovered, DiscoveryUpdate, PrinterUri, PrintersError,
};
use ferrum_ui::Effect;
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, action_button_for, bidi_row, caption, card, error_line,
    labelled_field, reading_start,
};
use iced::widget::{button, column, text};
use iced::{Alignment, Element, Length};

use super::describe::{address_error_text, error_sentence};
use crate::ids;

/// What the network has shown so far.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// Nothing heard from Avahi yet.
    Looking,
    /// The printers found (may be none yet).
    Printers(Vec<Discovered>),
    /// Avahi is not running: only adding by address is possible.
    Unavailable,
    /// Browsing failed.
    Failed(PrintersError),
}

/// The dialog's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Dialog {
    /// What discovery found.
    pub found: Found,
    /// The address typed (kept when it is refused).
    pub address: String,
    /// Why the typed address was refused.
    pub address_error: Option<AddressError>,
}

impl Default for Dialog {
    fn default() -> Self {
        Self {
            found: Found::Looking,
            address: String::new(),
            address_error: None,
        }
    }
}

/// What happens in the dialog.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Discovery's news.
    Found(DiscoveryUpdate),
    /// A found printer's Add.
    Choose(PrinterUri),
    /// The address field was edited.
    AddressChanged(String),
    /// The address's Add (or Enter in the field).
    AddressSubmitted,
    /// Close the dialog.
    Close,
}

/// What the dialog asks of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Add a queue for this printer.
    Add {
        /// Its address.
        uri: PrinterUri,
        /// Its name as people know it.
        info: String,
        /// Where it is, if it says.
        location: String,
    },
    /// Close the dialog.
    Close,
    /// Move the focus.
    Focus(Effect),
    /// Nothing more.
    Nothing,
}

impl Dialog {
    /// Applies a message.
    pub fn update(&mut self, message: Message) -> Step {
        match message {
            Message::Found(update) => {
                self.found = match update {
                    DiscoveryUpdate::Found(printers) => Found::Printers(printers),
                    DiscoveryUpdate::Unavailable => Found::Unavailable,
                    DiscoveryUpdate::Failed(error) => Found::Failed(error),
                };
                Step::Nothing
            }
            Message::Choose(uri) => {
                let Found::Printers(printers) = &self.found else {
                    return Step::Nothing;
                };
                let Some(printer) = printers.iter().find(|p| p.uri == uri) else {
                    return Step::Nothing;
                };
                if !printer.driver.is_driverless() || printer.queue.is_some() {
                    return Step::Nothing;
                }
                Step::Add {
                    uri,
                    info: printer.name.clone(),
                    location: printer.location.clone().unwrap_or_default(),
                }
            }
            Message::AddressChanged(address) => {
                self.address = address;
                if self.address_error.is_some() {
                    self.address_error = PrinterUri::parse(&self.address).err();
                }
                Step::Nothing
            }
            Message::AddressSubmitted => match PrinterUri::parse(&self.address) {
                Ok(uri) => {
                    self.address_error = None;
                    let info = uri.host().trim_matches(['[', ']']).to_owned();
                    Step::Add {
                        uri,
                        info,
                        location: String::new(),
                    }
                }
                Err(error) => {
                    self.address_error = Some(error);
                    Step::Focus(Effect::Focus(ids::PRINTERS_ADD_ADDRESS))
                }
            },
            Message::Close => Step::Close,
        }
    }

    /// Draws the dialog; `adding` says a printer is being added (its
    /// buttons wait).
    pub fn view(&self, adding: bool) -> Element<'_, Message> {
        let title = fl!("printers-add-heading");
        let mut content = column![
            bidi_row(vec![
                Accessible::new(
                    ids::PRINTERS_ADD.child("heading"),
                    AccessibleInfo::new(Role::Heading, title.clone()),
                    text(title).size(17).font(FONT_BOLD).width(Length::Fill),
                )
                .into(),
                action_button(
                    ids::PRINTERS_ADD.child("close"),
                    fl!("printers-add-close"),
                    button::secondary,
                    Message::Close,
                ),
            ])
            .align_y(Alignment::Center)
            .spacing(8)
        ]
        .spacing(10)
        .align_x(reading_start());
        content = content.push(self.found_view(adding));
        content = content.push(self.address_view(adding));
        card(content)
    }

    fn found_view(&self, adding: bool) -> Element<'_, Message> {
        let printers = match &self.found {
            Found::Looking => return caption(fl!("printers-add-searching")),
            Found::Unavailable => return caption(fl!("printers-add-discovery-unavailable")),
            Found::Failed(error) => {
                return caption(format!(
                    "{} {}",
                    fl!("printers-add-discovery-failed"),
                    error_sentence(error)
                ));
            }
            Found::Printers(printers) if printers.is_empty() => {
                return caption(fl!("printers-add-none-found"));
            }
            Found::Printers(printers) => printers,
        };
        let mut list = column![].spacing(8);
        for printer in printers {
            list = list.push(found_row(printer, adding));
        }
        list.into()
    }

    fn address_view(&self, adding: bool) -> Element<'_, Message> {
        let mut form = column![
            text(fl!("printers-add-by-address"))
                .size(15)
                .font(FONT_BOLD),
            labelled_field(
                ids::PRINTERS_ADD_ADDRESS,
                fl!("printers-add-address-field"),
                &self.address,
                Message::AddressChanged,
                Message::AddressSubmitted,
            ),
        ]
        .spacing(6);
        if let Some(error) = &self.address_error {
            form = form.push(error_line(
                ids::PRINTERS_ADD.child("address-error"),
                address_error_text(error),
            ));
        }
        if !adding {
            form = form.push(action_button(
                ids::PRINTERS_ADD.child("address-add"),
                fl!("printers-add-address-button"),
                button::primary,
                Message::AddressSubmitted,
            ));
        }
        form.into()
    }
}

/// A found printer: its name and address, and Add — or why it cannot be.
fn found_row(printer: &Discovered, adding: bool) -> Element<'_, Message> {
    let address = printer
        .addresses
        .first()
        .map_or_else(|| printer.host.clone(), ToString::to_string);
    let mut details = column![
        text(printer.name.clone()).size(16),
        caption(fl!(
            "printers-add-found",
            host = printer.host.as_str(),
            address = address
        )),
    ]
    .spacing(2)
    .width(Length::Fill)
    .align_x(reading_start());
    if let Some(model) = &printer.make_and_model {
        details = details.push(caption(model.clone()));
    }
    // Why it cannot be added goes under its name (a long sentence beside it would squeeze
    // the name); the row's end holds only its Add.
    let mut row = Vec::with_capacity(2);
    if printer.queue.is_some() {
        details = details.push(caption(fl!("printers-add-added")));
    } else if !printer.driver.is_driverless() {
        details = details.push(caption(fl!("printers-add-needs-driver")));
    }
    row.push(details.into());
    if printer.queue.is_none() && printer.driver.is_driverless() && !adding {
        row.push(action_button_for(
            ids::printers_found(&printer.uri.to_string()),
            fl!("printers-add-this"),
            &printer.name,
            button::primary,
            Message::Choose(printer.uri.clone()),
        ));
    }
    bidi_row(row).spacing(12).align_y(Alignment::Center).into()
}
