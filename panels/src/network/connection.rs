//! One saved connection's settings: the IP form (checked before NetworkManager sees
//! it), DNS and its encryption, metered, MTU.

use ferrum_i18n::fl;
use ferrum_services::dns::DotMode;
use ferrum_services::network::{
    self, ConnectionConfig, Family, IpForm, IpFormError, Metered, MethodChoice,
    NetworkCommandError, Overview, ProfileForm, ProfilePath,
};
use ferrum_ui::WidgetId;
use ferrum_ui::widgets::{
    FONT_BOLD, action_button, bidi_row, caption, choice, error_line, reading_start, section,
};
use iced::widget::{button, column, text};
use iced::{Alignment, Element};

use super::describe::form_error_text;
use super::{Page, Request, Step};
use crate::page::Outcome;
use ferrum_ui::widgets::labelled_field;

/// The id of the MTU field.
pub const MTU_ID: WidgetId = crate::ids::NETWORK_MTU;

/// A field of the connection settings form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// An address (with or without `/prefix`).
    Address(Family),
    /// A prefix length or netmask.
    Prefix(Family),
    /// A gateway.
    Gateway(Family),
    /// DNS servers.
    Dns,
    /// The MTU.
    Mtu,
}

/// A connection's settings as the user edits them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionForm {
    /// IPv4.
    pub ipv4: IpForm,
    /// IPv6.
    pub ipv6: IpForm,
    /// DNS servers, comma separated.
    pub dns: String,
    /// The DNS line the profile had (unchanged, with the same encryption, means "leave
    /// DNS alone").
    pub dns_before: String,
    /// DNS-over-TLS for this connection (`None`: the system's setting, from the Private
    /// DNS page).
    pub dot: Option<DotMode>,
    /// The encryption the profile had.
    pub dot_before: Option<DotMode>,
    /// Metered.
    pub metered: Metered,
    /// MTU, empty for automatic.
    pub mtu: String,
}

impl ConnectionForm {
    fn family(&mut self, family: Family) -> &mut IpForm {
        match family {
            Family::V4 => &mut self.ipv4,
            Family::V6 => &mut self.ipv6,
        }
    }

    /// Checks the whole form.
    pub fn config(&self) -> Result<ConnectionConfig, IpFormError> {
        let ipv4 = self.ipv4.check(Family::V4)?;
        let ipv6 = self.ipv6.check(Family::V6)?;
        let dns = if self.dns.trim() == self.dns_before.trim() && self.dot == self.dot_before {
            None
        } else {
            Some(network::parse_dns(&self.dns, self.dot)?)
        };
        Ok(ConnectionConfig {
            ipv4,
            ipv6,
            dns,
            dot: self.dot,
            metered: self.metered,
            mtu: network::parse_mtu(&self.mtu)?,
        })
    }
}

/// The settings page of one saved connection: its state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The profile's object path.
    pub profile: ProfilePath,
    /// Its name.
    pub name: String,
    /// The form, once read.
    pub form: Option<ConnectionForm>,
    /// Why the form cannot be applied (nothing was sent).
    pub form_error: Option<IpFormError>,
    /// An apply is under way.
    pub applying: bool,
    /// The last apply succeeded.
    pub applied: bool,
}

impl State {
    /// The page of `profile` (named `name`), its form not read yet.
    pub(super) fn opening(profile: ProfilePath, name: String) -> Self {
        Self {
            profile,
            name,
            form: None,
            form_error: None,
            applying: false,
            applied: false,
        }
    }

    fn edit_form(&mut self, edit: impl FnOnce(&mut ConnectionForm)) {
        if let Some(form) = &mut self.form {
            edit(form);
            self.applied = false;
            if self.form_error.is_some() {
                self.form_error = form.config().err();
            }
        }
    }
}

/// What happens on a connection's settings page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The connection's settings were read (profile, form).
    Loaded(ProfilePath, Result<ProfileForm, NetworkCommandError>),
    /// DNS-over-TLS for the connection chosen (`None`: the system's setting).
    DotChosen(Option<DotMode>),
    /// How a family gets its addresses.
    MethodChosen(Family, MethodChoice),
    /// A form field was edited.
    FieldChanged(Field, String),
    /// Metered chosen.
    MeteredChosen(Metered),
    /// Apply the form.
    Apply,
    /// NetworkManager applied (or refused) the settings.
    Applied(Result<(), NetworkCommandError>),
    /// Back to the overview.
    Back,
}

/// Applies a message to the page shown; NetworkManager's refusals are handed back.
pub(super) fn update(shown: &mut Page, overview: Option<&Overview>, message: Message) -> Step {
    let page = match shown {
        Page::Connection(page) => Some(page),
        Page::Overview => None,
    };
    match message {
        Message::Loaded(profile, result) => {
            let Some(page) = page.filter(|page| page.profile == profile) else {
                return Ok(Outcome::none());
            };
            let saved = overview.and_then(|overview| overview.connection(&profile));
            match result {
                Ok(loaded) => {
                    page.form = Some(ConnectionForm {
                        ipv4: loaded.ipv4,
                        ipv6: loaded.ipv6,
                        dns_before: loaded.dns.clone(),
                        dns: loaded.dns,
                        dot: loaded.dot,
                        dot_before: loaded.dot,
                        metered: saved.map_or(Metered::Automatic, |s| s.metered),
                        mtu: saved
                            .map(|s| s.mtu)
                            .filter(|mtu| *mtu > 0)
                            .map(|mtu| mtu.to_string())
                            .unwrap_or_default(),
                    });
                    Ok(Outcome::none())
                }
                Err(error) => {
                    *shown = Page::Overview;
                    Err(error)
                }
            }
        }
        Message::MethodChosen(family, method) => {
            if let Some(page) = page {
                page.edit_form(|form| form.family(family).method = method);
            }
            Ok(Outcome::none())
        }
        Message::FieldChanged(field, text) => {
            if let Some(page) = page {
                page.edit_form(|form| match field {
                    Field::Address(family) => form.family(family).address = text,
                    Field::Prefix(family) => form.family(family).prefix = text,
                    Field::Gateway(family) => form.family(family).gateway = text,
                    Field::Dns => form.dns = text,
                    Field::Mtu => form.mtu = text,
                });
            }
            Ok(Outcome::none())
        }
        Message::DotChosen(dot) => {
            if let Some(page) = page {
                page.edit_form(|form| form.dot = dot);
            }
            Ok(Outcome::none())
        }
        Message::MeteredChosen(metered) => {
            if let Some(page) = page {
                page.edit_form(|form| form.metered = metered);
            }
            Ok(Outcome::none())
        }
        Message::Apply => {
            let Some(page) = page else {
                return Ok(Outcome::none());
            };
            let Some(form) = &page.form else {
                return Ok(Outcome::none());
            };
            match form.config() {
                Ok(config) => {
                    page.form_error = None;
                    page.applying = true;
                    page.applied = false;
                    Ok(Outcome::request(Request::ApplyConfig(
                        page.profile.clone(),
                        config,
                    )))
                }
                Err(error) => {
                    page.form_error = Some(error);
                    Ok(Outcome::none())
                }
            }
        }
        Message::Applied(result) => {
            if let Some(page) = page {
                page.applying = false;
                page.applied = result.is_ok();
                if let Ok(()) = result
                    && let Some(form) = &mut page.form
                {
                    form.dns_before = form.dns.clone();
                    form.dot_before = form.dot;
                }
            }
            result.map(|()| Outcome::none())
        }
        Message::Back => {
            *shown = Page::Overview;
            Ok(Outcome::none())
        }
    }
}

fn family_form<'a>(family: Family, form: &'a IpForm) -> Element<'a, Message> {
    let (tag, heading) = match family {
        Family::V4 => ("ipv4", fl!("network-ipv4")),
        Family::V6 => ("ipv6", fl!("network-ipv6")),
    };
    let mut content = column![].spacing(4);
    for (method, id, label) in [
        (
            MethodChoice::Automatic,
            "automatic",
            fl!("network-method-automatic"),
        ),
        (MethodChoice::Manual, "manual", fl!("network-method-manual")),
        (
            MethodChoice::Disabled,
            "disabled",
            fl!("network-method-disabled"),
        ),
    ] {
        content = content.push(choice(
            crate::ids::network_ip(tag, id),
            label,
            None,
            form.method == method,
            Message::MethodChosen(family, method),
        ));
    }
    if form.method == MethodChoice::Manual {
        content = content
            .push(labelled_field(
                crate::ids::network_ip(tag, "address"),
                fl!("network-address"),
                &form.address,
                move |text| Message::FieldChanged(Field::Address(family), text),
                Message::Apply,
            ))
            .push(labelled_field(
                crate::ids::network_ip(tag, "prefix"),
                fl!("network-prefix"),
                &form.prefix,
                move |text| Message::FieldChanged(Field::Prefix(family), text),
                Message::Apply,
            ))
            .push(labelled_field(
                crate::ids::network_ip(tag, "gateway"),
                fl!("network-gateway"),
                &form.gateway,
                move |text| Message::FieldChanged(Field::Gateway(family), text),
                Message::Apply,
            ));
    }
    section(heading, content)
}

/// Draws the settings page.
pub fn view(page: &State) -> Element<'_, Message> {
    let mut content = column![
        bidi_row(vec![
            action_button(
                "network.back",
                fl!("network-back"),
                button::secondary,
                Message::Back
            ),
            text(page.name.clone()).size(20).font(FONT_BOLD).into(),
        ])
        .spacing(12)
        .align_y(Alignment::Center),
    ]
    .spacing(16)
    .align_x(reading_start());
    let Some(form) = &page.form else {
        return content.push(caption(fl!("service-loading"))).into();
    };
    content = content
        .push(family_form(Family::V4, &form.ipv4))
        .push(family_form(Family::V6, &form.ipv6));
    let mut other = column![labelled_field(
        crate::ids::NETWORK_DNS,
        fl!("network-dns-servers"),
        &form.dns,
        |text| Message::FieldChanged(Field::Dns, text),
        Message::Apply,
    )]
    .spacing(6);
    other = other.push(text(fl!("network-dot")).size(15));
    for (dot, id, label) in [
        (None, "default", fl!("network-dot-default")),
        (Some(DotMode::Off), "off", fl!("network-dot-off")),
        (
            Some(DotMode::Opportunistic),
            "opportunistic",
            fl!("network-dot-opportunistic"),
        ),
        (Some(DotMode::Strict), "strict", fl!("network-dot-strict")),
    ] {
        other = other.push(choice(
            crate::ids::network_choice("dot", id),
            label,
            None,
            form.dot == dot,
            Message::DotChosen(dot),
        ));
    }
    other = other.push(text(fl!("network-metered")).size(15));
    for (metered, id, label) in [
        (
            Metered::Automatic,
            "automatic",
            fl!("network-metered-automatic"),
        ),
        (Metered::Yes, "yes", fl!("network-metered-yes")),
        (Metered::No, "no", fl!("network-metered-no")),
    ] {
        other = other.push(choice(
            crate::ids::network_choice("metered", id),
            label,
            None,
            form.metered == metered,
            Message::MeteredChosen(metered),
        ));
    }
    other = other.push(labelled_field(
        MTU_ID,
        fl!("network-mtu"),
        &form.mtu,
        |text| Message::FieldChanged(Field::Mtu, text),
        Message::Apply,
    ));
    content = content.push(section(fl!("network-other"), other));
    if let Some(error) = &page.form_error {
        content = content.push(error_line("network.form-error", form_error_text(error)));
    }
    let mut row: Vec<Element<'_, Message>> = Vec::new();
    if page.applying {
        row.push(caption(fl!("network-applying")));
    } else if page.applied {
        row.push(caption(fl!("network-applied")));
    }
    row.push(iced::widget::space::horizontal().into());
    row.push(action_button(
        "network.apply",
        fl!("network-apply"),
        button::primary,
        Message::Apply,
    ));
    content
        .push(bidi_row(row).spacing(12).align_y(Alignment::Center))
        .into()
}
