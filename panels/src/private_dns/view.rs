//! Drawing the Private DNS page, and the words for its errors.

use ferrum_accessibility::{Accessible, AccessibleInfo, Role};
use ferrum_i18n::fl;
use ferrum_services::dns::{
    DnsError, Dnssec, DotMode, LookupError, PROVIDERS, ResolverStatus, ServerError,
};
use iced::widget::{button, column, text, text_input};
use iced::{Alignment, Element};

use super::{FormError, Message, ModeChoice, State, TestState, millis};
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;
use ferrum_ui::widgets::{
    action_button, bidi_row, caption, choice, key_value, notice, page_title, reading_start,
    section, switch,
};

/// The id of the custom servers field.
pub const CUSTOM_ID: ferrum_ui::WidgetId = crate::ids::DNS_CUSTOM_SERVERS;
/// The id of the test name field.
pub const TEST_NAME_ID: ferrum_ui::WidgetId = crate::ids::DNS_TEST_NAME;

pub(super) fn page(state: &State) -> Element<'_, Message> {
    let mut page = column![page_title(fl!("dns-title")), caption(fl!("dns-intro"))]
        .spacing(20)
        .align_x(reading_start());
    if let Some(report) = &state.error {
        page = page.push(error_report::view(report, &crate::ids::DNS).map(Message::Report));
    }
    match &state.in_force {
        ServiceStatus::Unavailable => {
            page = page.push(notice(
                fl!("dns-nm-unavailable"),
                fl!("dns-nm-unavailable.body"),
            ));
        }
        ServiceStatus::Failed(error) => {
            page = page.push(notice(fl!("dns-read-failed"), error.to_string()));
        }
        ServiceStatus::BusUnreachable(failure) => {
            page = page.push(notice(fl!("service-bus-unreachable"), failure.to_string()));
        }
        ServiceStatus::Loading | ServiceStatus::Ready(_) => {}
    }
    let strict_in_force = state
        .in_force
        .ready()
        .is_some_and(|settings| settings.dot == DotMode::Strict);
    if state.portal_exception.is_some() {
        page = page.push(notice(
            fl!("dns-portal-relaxed"),
            fl!("dns-portal-relaxed.body"),
        ));
    } else if state.portal && strict_in_force {
        page = page.push(ferrum_ui::widgets::card(
            column![
                text(fl!("dns-portal"))
                    .size(16)
                    .font(ferrum_ui::widgets::FONT_BOLD),
                caption(fl!("dns-portal.body")),
                action_button(
                    "dns.portal.allow",
                    fl!("dns-portal-allow"),
                    button::primary,
                    Message::AllowPortalSignIn,
                ),
            ]
            .spacing(8),
        ));
    }
    page = page
        .push(section(fl!("dns-resolver-heading"), resolver_choice(state)))
        .push(section(fl!("dns-security-heading"), security(state)))
        .push(apply_row(state))
        .push(section(fl!("dns-status-heading"), status(state)))
        .push(section(fl!("dns-test-heading"), test(state)));
    page.into()
}

fn resolver_choice(state: &State) -> Element<'_, Message> {
    let form = &state.form;
    let mut list = column![
        choice(
            crate::ids::dns_choice("mode", "automatic"),
            fl!("dns-mode-automatic"),
            Some(fl!("dns-mode-automatic.desc")),
            form.mode == ModeChoice::Automatic,
            Message::ModeChosen(ModeChoice::Automatic),
        ),
        choice(
            crate::ids::dns_choice("mode", "provider"),
            fl!("dns-mode-provider"),
            Some(fl!("dns-mode-provider.desc")),
            form.mode == ModeChoice::Provider,
            Message::ModeChosen(ModeChoice::Provider),
        ),
    ]
    .spacing(2);
    if form.mode == ModeChoice::Provider {
        let mut providers = column![].spacing(2).padding([0, 28]);
        for provider in PROVIDERS {
            let addresses = provider
                .ipv4
                .iter()
                .chain(provider.ipv6)
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            providers = providers.push(choice(
                crate::ids::dns_choice("provider", provider.id),
                provider.name.to_owned(),
                Some(fl!(
                    "dns-provider-detail",
                    name = provider.server_name,
                    addresses = addresses
                )),
                form.provider == provider.id,
                Message::ProviderChosen(provider.id),
            ));
        }
        list = list.push(providers);
    }
    list = list.push(choice(
        crate::ids::dns_choice("mode", "custom"),
        fl!("dns-mode-custom"),
        Some(fl!("dns-mode-custom.desc")),
        form.mode == ModeChoice::Custom,
        Message::ModeChosen(ModeChoice::Custom),
    ));
    if form.mode == ModeChoice::Custom {
        let label = fl!("dns-custom-label");
        let mut field = column![
            text(label.clone()).size(14),
            Accessible::new(
                "dns.custom.field",
                AccessibleInfo::new(Role::TextInput, label).value(form.custom.clone()),
                text_input(&fl!("dns-custom-placeholder"), &form.custom)
                    .id(CUSTOM_ID)
                    .on_input(Message::CustomChanged)
                    .on_submit(Message::Apply)
                    .padding(8),
            ),
            caption(fl!("dns-custom-hint")),
        ]
        .spacing(6)
        .padding([0, 28]);
        if let Some(error) = &state.form_error {
            field = field.push(error_line(form_error_text(error)));
        }
        list = list.push(field);
    } else if let Some(error) = &state.form_error {
        list = list.push(error_line(form_error_text(error)));
    }
    list.into()
}

fn error_line<'a>(line: String) -> Element<'a, Message> {
    ferrum_ui::widgets::error_line("dns.form-error", line)
}

fn security(state: &State) -> Element<'_, Message> {
    let form = &state.form;
    let dot = [
        (
            DotMode::Off,
            "off",
            fl!("dns-dot-off"),
            fl!("dns-dot-off.desc"),
        ),
        (
            DotMode::Opportunistic,
            "opportunistic",
            fl!("dns-dot-opportunistic"),
            fl!("dns-dot-opportunistic.desc"),
        ),
        (
            DotMode::Strict,
            "strict",
            fl!("dns-dot-strict"),
            fl!("dns-dot-strict.desc"),
        ),
    ];
    let dnssec = [
        (Dnssec::Off, "off", fl!("dns-dnssec-off")),
        (
            Dnssec::AllowDowngrade,
            "allow-downgrade",
            fl!("dns-dnssec-allow-downgrade"),
        ),
        (Dnssec::Strict, "strict", fl!("dns-dnssec-strict")),
    ];
    let mut content = column![text(fl!("dns-dot-heading")).size(15)].spacing(2);
    for (mode, id, title, description) in dot {
        content = content.push(choice(
            crate::ids::dns_choice("dot", id),
            title,
            Some(description),
            form.dot == mode,
            Message::DotChosen(mode),
        ));
    }
    content = content.push(text(fl!("dns-dnssec-heading")).size(15));
    for (mode, id, title) in dnssec {
        content = content.push(choice(
            crate::ids::dns_choice("dnssec", id),
            title,
            None,
            form.dnssec == mode,
            Message::DnssecChosen(mode),
        ));
    }
    content
        .push(switch(
            "dns.mdns",
            fl!("dns-mdns"),
            fl!("dns-mdns.desc"),
            form.mdns,
            Message::MdnsToggled,
        ))
        .push(switch(
            "dns.llmnr",
            fl!("dns-llmnr"),
            fl!("dns-llmnr.desc"),
            form.llmnr,
            Message::LlmnrToggled,
        ))
        .into()
}

fn apply_row(state: &State) -> Element<'_, Message> {
    let mut row: Vec<Element<'_, Message>> = Vec::new();
    if state.applying {
        row.push(caption(fl!("dns-applying")));
    } else if let Some(applied) = &state.applied {
        row.push(caption(fl!("dns-applied", profiles = applied.profiles)));
    }
    row.push(iced::widget::space::horizontal().into());
    row.push(action_button(
        "dns.apply",
        fl!("dns-apply"),
        button::primary,
        Message::Apply,
    ));
    bidi_row(row).spacing(12).align_y(Alignment::Center).into()
}

fn status(state: &State) -> Element<'_, Message> {
    match state.resolver.ready_or_notice(
        || {
            (
                fl!("dns-resolved-unavailable"),
                fl!("dns-resolved-unavailable.body"),
            )
        },
        |error| match error {
            DnsError::ResolverNoAnswer(_) => {
                notice(fl!("dns-resolved-no-answer-status"), error.to_string())
            }
            error => notice(fl!("dns-read-failed"), error.to_string()),
        },
    ) {
        Ok(status) => resolver_status(status),
        Err(notice) => notice,
    }
}

fn resolver_status(status: &ResolverStatus) -> Element<'_, Message> {
    let mut content = column![].spacing(8);
    for link in status
        .links
        .iter()
        .filter(|l| !l.servers.is_empty() || l.current_server.is_some())
    {
        content = content.push(text(link.interface.clone()).size(15));
        content = content.push(key_value(
            fl!("dns-status-server"),
            link.current_server
                .clone()
                .unwrap_or_else(|| fl!("dns-status-none")),
        ));
        content = content.push(key_value(fl!("dns-status-dot"), dot_in_force(&link.dot)));
        content = content.push(key_value(
            fl!("dns-status-dnssec"),
            dnssec_in_force(&link.dnssec),
        ));
    }
    content
        .push(key_value(
            fl!("dns-status-lookups"),
            fl!(
                "dns-status-lookups-value",
                lookups = status.transactions,
                hits = status.cache_hits,
                misses = status.cache_misses
            ),
        ))
        .into()
}

fn test(state: &State) -> Element<'_, Message> {
    let label = fl!("dns-test-label");
    let field = Accessible::new(
        "dns.test.field",
        AccessibleInfo::new(Role::TextInput, label.clone()).value(state.test_name.clone()),
        text_input(&fl!("dns-test-placeholder"), &state.test_name)
            .id(TEST_NAME_ID)
            .on_input(Message::TestNameChanged)
            .on_submit(Message::RunTest)
            .padding(8),
    );
    let run = action_button(
        "dns.test.run",
        fl!("dns-test-run"),
        button::secondary,
        Message::RunTest,
    );
    let result: Element<'_, Message> = match &state.test {
        TestState::Idle => caption(fl!("dns-test-idle")),
        TestState::Running => caption(fl!("dns-test-running")),
        TestState::Done(lookup) => {
            let addresses = lookup
                .addresses
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let transport = if lookup.encrypted {
                fl!("dns-test-encrypted")
            } else {
                fl!("dns-test-plain")
            };
            column![
                text(fl!(
                    "dns-test-answer",
                    name = lookup.name.clone(),
                    addresses = addresses,
                    ms = millis(lookup.elapsed)
                ))
                .size(15),
                caption(transport),
            ]
            .spacing(4)
            .into()
        }
        TestState::Failed(LookupError::NoServers) if has_servers(state) => {
            // resolved also says "no servers" once it has given up on the configured ones
            // (a certificate that does not match): explain it as such.
            error_line(lookup_error_text(&LookupError::Unreachable))
        }
        TestState::Failed(error) => error_line(lookup_error_text(error)),
    };
    column![
        text(label).size(14),
        bidi_row(vec![field.into(), run])
            .spacing(8)
            .align_y(Alignment::Center),
        result,
    ]
    .spacing(8)
    .into()
}

/// Whether resolved has servers on some link.
fn has_servers(state: &State) -> bool {
    state
        .resolver
        .ready()
        .is_some_and(|status| status.links.iter().any(|link| !link.servers.is_empty()))
}

/// resolved's DNS-over-TLS mode in the page's words.
fn dot_in_force(mode: &str) -> String {
    match mode {
        "yes" => fl!("dns-dot-strict"),
        "opportunistic" => fl!("dns-dot-opportunistic"),
        "no" => fl!("dns-dot-off"),
        other => other.to_owned(),
    }
}

/// resolved's DNSSEC mode in the page's words.
fn dnssec_in_force(mode: &str) -> String {
    match mode {
        "yes" => fl!("dns-dnssec-strict"),
        "allow-downgrade" => fl!("dns-dnssec-allow-downgrade"),
        "no" => fl!("dns-dnssec-off"),
        other => other.to_owned(),
    }
}

/// The sentence for a form problem.
pub fn form_error_text(error: &FormError) -> String {
    match error {
        FormError::NoServers => fl!("dns-error-no-servers"),
        FormError::BadServer { entry, error } => {
            let entry = entry.clone();
            match error {
                ServerError::Empty => fl!("dns-error-no-servers"),
                ServerError::BadAddress(_) => fl!("dns-error-bad-address", entry = entry),
                ServerError::BadPort(_) => fl!("dns-error-bad-port", entry = entry),
                ServerError::EmptyServerName => fl!("dns-error-empty-name", entry = entry),
                ServerError::BadServerName(_) => fl!("dns-error-bad-name", entry = entry),
                ServerError::MissingServerName => fl!("dns-error-name-needed", entry = entry),
            }
        }
    }
}

/// The sentence for a failed test lookup.
pub fn lookup_error_text(error: &LookupError) -> String {
    match error {
        LookupError::NotFound => fl!("dns-test-not-found"),
        LookupError::NoServers => fl!("dns-test-no-servers"),
        LookupError::Unreachable => fl!("dns-test-unreachable"),
        LookupError::DnssecFailed(reason) => fl!("dns-test-dnssec", reason = reason.clone()),
        LookupError::NetworkDown => fl!("dns-test-network-down"),
        LookupError::ResolverMissing => fl!("dns-resolved-unavailable"),
        LookupError::Other(failure) => fl!("dns-test-failed", reason = failure.to_string()),
    }
}

/// The report for a failed apply.
pub fn describe_apply_error(error: &DnsError) -> ErrorReport {
    let summary = match error {
        DnsError::NetworkManagerMissing => fl!("dns-nm-unavailable"),
        DnsError::ResolverMissing => fl!("dns-resolved-unavailable"),
        DnsError::NetworkManagerNoAnswer(_) => fl!("dns-nm-no-answer"),
        DnsError::ResolverNoAnswer(_) => fl!("dns-resolved-no-answer"),
        DnsError::Refused(_) => fl!("dns-apply-refused"),
        DnsError::Invalid(_) => fl!("dns-apply-invalid"),
        DnsError::Failed(_) => fl!("dns-apply-failed"),
        DnsError::RestorePending { .. } => fl!("dns-apply-interrupted"),
    };
    ErrorReport::new(summary, error.to_string())
}

/// The report once the old settings an interrupted apply left saved (`error`) are back.
pub fn describe_restored(error: &DnsError) -> ErrorReport {
    ErrorReport::new(fl!("dns-apply-interrupted-restored"), error.to_string())
}

/// The report when the old settings an interrupted apply left saved (`error`) could not be
/// put back (`failure`).
pub fn describe_not_restored(error: &DnsError, failure: &DnsError) -> ErrorReport {
    ErrorReport::new(
        fl!("dns-apply-interrupted-not-restored"),
        format!("{error}\n{failure}"),
    )
}
