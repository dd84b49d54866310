#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The Network page against the real NetworkManager 1.42 of the test bed, in a network
//! namespace with a DHCP server on the other end of a veth pair: the wired device shows
//! its lease and address; manual IPv4 typed into the page is applied by NetworkManager and
//! seen on the interface; invalid addresses are refused before NetworkManager sees them;
//! a WireGuard file becomes a connection nmcli lists, a malformed one creates nothing; and
//! the page follows NetworkManager's crash and return by itself.
//!
//! The page is driven through its own `update` and `Request::run`, as the shell runs it.
//! Needs root and `cargo xtask deps`.

use std::path::PathBuf;

use ferrum_integration_tests::{in_bed_namespace, next_matching};
use ferrum_panels::network::{self, Field, Message, Page, Request, State};
use ferrum_panels::{Outcome, Page as _, PageRequest as _};
use ferrum_services::dns::DotMode;
use ferrum_services::network::{
    AgentEvent, DeviceKind, DeviceState, Family, IpFormError, MethodChoice, NetworkCommandError,
    Overview, SecretKind, StateReason, WireGuardError,
};
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_testbed::fixtures::network::{
    ADDRESS_PREFIX, DNS_OVER_TLS_NAME, INTERFACE, PEER_ADDRESS, WIRED_CONNECTION_ID,
};
use ferrum_testbed::{Service, TestBed};
use ferrum_ui::Effect;
use futures::{Stream, StreamExt};

const MANUAL_ADDRESS: &str = "192.0.2.20";
const PRIVATE_KEY: &str = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";
const PUBLIC_KEY: &str = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";

/// Feeds the page the stream's updates until `done` holds for its state.
async fn follow<S>(panel: &mut State, updates: &mut S, what: &str, done: impl Fn(&State) -> bool)
where
    S: Stream<Item = Message> + Unpin,
{
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(30);
    while !done(panel) {
        let next = tokio::time::timeout_at(deadline, updates.next()).await;
        match next {
            Ok(Some(message)) => {
                let outcome = panel.update(message);
                assert_eq!(outcome, Outcome::none());
            }
            _ => panic!(
                "{what}: not seen within 30 s; the page has {:?}",
                panel.overview
            ),
        }
    }
}

fn wired(panel: &State) -> Option<&ferrum_services::network::Device> {
    panel
        .overview
        .ready()
        .and_then(|overview: &Overview| overview.devices.iter().find(|d| d.interface == INTERFACE))
}

/// Runs what `update` asked for and feeds the answer back.
async fn run(panel: &mut State, bus: &SystemBus, outcome: Outcome<Request>) -> Outcome<Request> {
    assert_eq!(outcome.effect, None, "an effect instead of a request");
    let request = outcome.request.expect("the page asked for nothing");
    let answer = request.run(bus.clone()).await;
    panel.update(answer)
}

fn nmcli(bed: &TestBed, args: &[&str]) -> String {
    let output = bed.nmcli().args(args).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn connection_names(bed: &TestBed) -> Vec<String> {
    nmcli(bed, &["-t", "-f", "NAME,TYPE", "connection", "show"])
        .lines()
        .map(str::to_owned)
        .collect()
}

fn write_file(bed: &TestBed, name: &str, text: &str) -> PathBuf {
    let path = bed.dir().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn wired_settings_wireguard_and_recovery_against_network_manager() {
    let mut bed = TestBed::start(&[]).unwrap();
    bed.start_service(Service::NetworkManager).unwrap();
    bed.wait_for_ipv4_address().unwrap();
    in_bed_namespace(&mut bed, async |bed, bus| {
        let mut panel = State::on(bus.clone());
        let mut updates = Box::pin(network::overview_stream(&bus));

        // (1) The wired device with its DHCP lease.
        follow(
            &mut panel,
            &mut updates,
            "the wired device with a lease",
            |panel| {
                wired(panel).is_some_and(|device| {
                    device.state == DeviceState::Activated
                        && device.ip.dhcp_lease_seconds.is_some()
                        && device.ip.ipv4.iter().any(|n| {
                            n.address.to_string().starts_with(ADDRESS_PREFIX) && n.prefix == 24
                        })
                })
            },
        )
        .await;
        let device = wired(&panel).unwrap().clone();
        eprintln!("wired device: {device:?}");
        assert_eq!(device.kind, DeviceKind::Ethernet);
        let active = device.active.clone().expect("an active connection");
        assert_eq!(active.id, WIRED_CONNECTION_ID);
        assert!(!device.hw_address.is_empty(), "{device:?}");
        assert!(
            device
                .ip
                .dns
                .iter()
                .any(|dns| dns.to_string() == PEER_ADDRESS),
            "{device:?}"
        );

        // (2) Its settings page: automatic IPv4 as the profile has it.
        let request = panel.update(Message::OpenSettings(active.profile.clone()));
        assert_eq!(
            request,
            Outcome::request(Request::LoadForm(active.profile.clone()))
        );
        assert_eq!(run(&mut panel, &bus, request).await, Outcome::none());
        let Page::Connection(page) = &panel.page else {
            panic!("no settings page")
        };
        let form = page.form.clone().expect("the form is read");
        assert_eq!(form.ipv4.method, MethodChoice::Automatic);

        // Invalid input is refused before NetworkManager sees it, and nothing changes.
        let keyfile_before = nmcli(
            bed,
            &[
                "-t",
                "-f",
                "ipv4.method,ipv4.addresses",
                "connection",
                "show",
                WIRED_CONNECTION_ID,
            ],
        );
        let _ = panel.update(Message::Connection(
            network::connection::Message::MethodChosen(Family::V4, MethodChoice::Manual),
        ));
        let _ = panel.update(Message::Connection(
            network::connection::Message::FieldChanged(
                Field::Address(Family::V4),
                "192.0.2.256".into(),
            ),
        ));
        let _ = panel.update(Message::Connection(
            network::connection::Message::FieldChanged(Field::Prefix(Family::V4), "24".into()),
        ));
        assert_eq!(
            panel.update(Message::Connection(network::connection::Message::Apply)),
            Outcome::none()
        );
        let Page::Connection(page) = &panel.page else {
            panic!("no settings page")
        };
        let error = page.form_error.clone().expect("the address is refused");
        assert_eq!(
            network::form_error_text(&error),
            "“192.0.2.256” is not a usable IPv4 address."
        );
        let _ = panel.update(Message::Connection(
            network::connection::Message::FieldChanged(
                Field::Address(Family::V4),
                MANUAL_ADDRESS.into(),
            ),
        ));
        let _ = panel.update(Message::Connection(
            network::connection::Message::FieldChanged(
                Field::Gateway(Family::V4),
                "198.51.100.1".into(),
            ),
        ));
        assert_eq!(
            panel.update(Message::Connection(network::connection::Message::Apply)),
            Outcome::none()
        );
        assert_eq!(
            nmcli(
                bed,
                &[
                    "-t",
                    "-f",
                    "ipv4.method,ipv4.addresses",
                    "connection",
                    "show",
                    WIRED_CONNECTION_ID
                ]
            ),
            keyfile_before
        );

        // (3) A valid manual address: applied by NetworkManager, seen on the interface.
        let _ = panel.update(Message::Connection(
            network::connection::Message::FieldChanged(
                Field::Gateway(Family::V4),
                PEER_ADDRESS.into(),
            ),
        ));
        // This connection's own DNS-over-TLS (the Private DNS page's per-connection
        // override): strict needs the server's name, so a bare address is refused.
        let _ = panel.update(Message::Connection(
            network::connection::Message::DotChosen(Some(DotMode::Strict)),
        ));
        let _ = panel.update(Message::Connection(
            network::connection::Message::FieldChanged(Field::Dns, PEER_ADDRESS.into()),
        ));
        assert_eq!(
            panel.update(Message::Connection(network::connection::Message::Apply)),
            Outcome::none()
        );
        let Page::Connection(page) = &panel.page else {
            panic!("no settings page")
        };
        assert_eq!(
            page.form_error,
            Some(IpFormError::DnsNameNeeded(PEER_ADDRESS.into()))
        );
        let named = format!("{PEER_ADDRESS}#{DNS_OVER_TLS_NAME}");
        let _ = panel.update(Message::Connection(
            network::connection::Message::FieldChanged(Field::Dns, named.clone()),
        ));
        let request = panel.update(Message::Connection(network::connection::Message::Apply));
        assert!(
            matches!(
                request,
                Outcome {
                    request: Some(Request::ApplyConfig(..)),
                    effect: None
                }
            ),
            "{request:?}"
        );
        assert_eq!(run(&mut panel, &bus, request).await, Outcome::none());
        assert_eq!(panel.error, None);
        let Page::Connection(page) = &panel.page else {
            panic!("no settings page")
        };
        assert!(page.applied, "{page:?}");
        let expected = format!("{MANUAL_ADDRESS}/24");
        follow(&mut panel, &mut updates, "the manual address", |panel| {
            wired(panel).is_some_and(|device| {
                device
                    .ip
                    .ipv4
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    == [expected.clone()]
            })
        })
        .await;
        let addresses = bed
            .in_network_namespace(&["ip", "-4", "-o", "addr", "show", "dev", INTERFACE])
            .unwrap();
        assert!(addresses.contains(&expected), "{addresses}");
        assert!(
            !addresses.contains(" dynamic"),
            "the DHCP address stayed: {addresses}"
        );
        let profile = nmcli(
            bed,
            &[
                "-t",
                "-f",
                "ipv4.method,ipv4.addresses,ipv4.gateway",
                "connection",
                "show",
                WIRED_CONNECTION_ID,
            ],
        );
        assert!(profile.contains("ipv4.method:manual"), "{profile}");
        assert!(
            profile.contains(&format!("ipv4.gateway:{PEER_ADDRESS}")),
            "{profile}"
        );
        let dns = nmcli(
            bed,
            &[
                "-t",
                "-f",
                "connection.dns-over-tls,ipv4.dns,ipv4.ignore-auto-dns",
                "connection",
                "show",
                WIRED_CONNECTION_ID,
            ],
        );
        // nmcli's terse form shows the numbers: 2 is "yes" (strict).
        assert!(dns.contains("connection.dns-over-tls:2"), "{dns}");
        assert!(dns.contains(&format!("ipv4.dns:{named}")), "{dns}");
        assert!(dns.contains("ipv4.ignore-auto-dns:yes"), "{dns}");
        let _ = panel.update(Message::Connection(network::connection::Message::Back));

        // Disconnect and connect again from the page; "connect automatically" off and on.
        let device_path = wired(&panel).unwrap().path.clone();
        let request = panel.update(Message::DeviceDisconnect(device_path.clone()));
        assert_eq!(run(&mut panel, &bus, request).await, Outcome::none());
        assert_eq!(panel.error, None);
        follow(
            &mut panel,
            &mut updates,
            "the device disconnected",
            |panel| wired(panel).is_some_and(|device| device.state == DeviceState::Disconnected),
        )
        .await;
        let request = panel.update(Message::DeviceConnect(device_path));
        assert_eq!(run(&mut panel, &bus, request).await, Outcome::none());
        assert_eq!(panel.error, None);
        follow(
            &mut panel,
            &mut updates,
            "the device connected again",
            |panel| {
                wired(panel).is_some_and(|device| {
                    device.state == DeviceState::Activated
                        && device.ip.ipv4.iter().any(|n| n.to_string() == expected)
                })
            },
        )
        .await;
        let request = panel.update(Message::AutoconnectToggled(active.profile.clone(), false));
        assert_eq!(run(&mut panel, &bus, request).await, Outcome::none());
        let autoconnect = nmcli(
            bed,
            &[
                "-t",
                "-f",
                "connection.autoconnect",
                "connection",
                "show",
                WIRED_CONNECTION_ID,
            ],
        );
        assert_eq!(autoconnect.trim(), "connection.autoconnect:no");
        let request = panel.update(Message::AutoconnectToggled(active.profile.clone(), true));
        assert_eq!(run(&mut panel, &bus, request).await, Outcome::none());

        // (4) WireGuard: a sample file becomes a connection; a malformed one creates nothing.
        let sample = format!(
            "[Interface]\nPrivateKey = {PRIVATE_KEY}\nAddress = 10.8.0.2/24\nDNS = 10.8.0.1\n\n\
             [Peer]\nPublicKey = {PUBLIC_KEY}\nAllowedIPs = 10.8.0.0/24\nEndpoint = 192.0.2.1:51820\n"
        );
        let path = write_file(bed, "office.conf", &sample);
        let _ = panel.update(Message::Vpn(network::vpn::Message::FileChanged(
            path.display().to_string(),
        )));
        let request = panel.update(Message::Vpn(network::vpn::Message::Import));
        assert!(
            matches!(
                request,
                Outcome {
                    request: Some(Request::ImportWireGuard(_)),
                    effect: None
                }
            ),
            "{request:?}"
        );
        assert_eq!(run(&mut panel, &bus, request).await, Outcome::none());
        assert_eq!(panel.error, None);
        assert!(panel.vpn.imported.is_some());
        let names = connection_names(bed);
        assert!(names.contains(&"office:wireguard".to_owned()), "{names:?}");
        let peers = nmcli(
            bed,
            &[
                "-t",
                "-f",
                "wireguard.listen-port,ipv4.addresses",
                "connection",
                "show",
                "office",
            ],
        );
        assert!(peers.contains("10.8.0.2/24"), "{peers}");
        follow(
            &mut panel,
            &mut updates,
            "the WireGuard connection",
            |panel| {
                panel.overview.ready().is_some_and(|o| {
                    o.connections
                        .iter()
                        .any(|c| c.id == "office" && c.kind.is_vpn())
                })
            },
        )
        .await;

        let broken = write_file(
            bed,
            "broken.conf",
            &sample.replace(PUBLIC_KEY, "bm90IGEga2V5"),
        );
        let _ = panel.update(Message::Vpn(network::vpn::Message::FileChanged(
            broken.display().to_string(),
        )));
        let request = panel.update(Message::Vpn(network::vpn::Message::Import));
        assert_eq!(run(&mut panel, &bus, request).await, Outcome::none());
        let report = panel
            .error
            .clone()
            .expect("the malformed file is explained");
        assert_eq!(
            report.summary,
            "The WireGuard file was not imported: line 7: PublicKey is not a valid WireGuard key"
        );
        assert_eq!(
            connection_names(bed),
            names,
            "a malformed file created something"
        );
        let direct =
            ferrum_services::network::import_wireguard(&bus, "broken", "[Interface]\n").await;
        assert_eq!(
            direct,
            Err(NetworkCommandError::InvalidWireGuard(
                WireGuardError::MissingPrivateKey
            ))
        );

        // OpenVPN through NetworkManager's plugin: inline certificates become private files
        // beside the profile; a malformed file is explained and creates nothing.
        let ovpn = "client\ndev tun\nproto udp\nremote 192.0.2.1 1194\nauth-user-pass\n\
                    cipher AES-256-GCM\n<ca>\n-----BEGIN CERTIFICATE-----\nMIIB\n\
                    -----END CERTIFICATE-----\n</ca>\n";
        let keys = bed.dir().join("vpn-keys");
        let path = ferrum_services::network::import_openvpn(&bus, "campus", ovpn, &keys, bed.dir())
            .await
            .unwrap();
        assert!(
            path.starts_with("/org/freedesktop/NetworkManager/Settings/"),
            "{path}"
        );
        let vpn = nmcli(
            bed,
            &[
                "-t",
                "-f",
                "connection.type,vpn.service-type,vpn.data",
                "connection",
                "show",
                "campus",
            ],
        );
        assert!(vpn.contains("connection.type:vpn"), "{vpn}");
        assert!(
            vpn.contains("vpn.service-type:org.freedesktop.NetworkManager.openvpn"),
            "{vpn}"
        );
        assert!(vpn.contains("remote = 192.0.2.1:1194"), "{vpn}");
        assert!(vpn.contains("connection-type = password"), "{vpn}");
        // The CA went to a file of this import's own (`<profile uuid>-ca.pem`) in the
        // private folder, readable by its owner only.
        let ca = vpn
            .split("ca = ")
            .nth(1)
            .and_then(|rest| rest.split([',', '\n']).next())
            .map(PathBuf::from)
            .unwrap_or_else(|| panic!("no ca in {vpn}"));
        assert_eq!(ca.parent(), Some(keys.as_path()), "{vpn}");
        assert!(
            ca.file_name()
                .is_some_and(|name| name.to_string_lossy().ends_with("-ca.pem")),
            "{vpn}"
        );
        assert!(
            std::fs::read_to_string(&ca)
                .unwrap()
                .contains("BEGIN CERTIFICATE")
        );
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&ca).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", ca.display());
        }
        let names = connection_names(bed);
        let broken = write_file(bed, "broken.ovpn", "client\ndev tun\nauth-user-pass\n");
        let _ = panel.update(Message::Vpn(network::vpn::Message::FileChanged(
            broken.display().to_string(),
        )));
        let request = panel.update(Message::Vpn(network::vpn::Message::Import));
        assert_eq!(run(&mut panel, &bus, request).await, Outcome::none());
        assert_eq!(
            panel.error.clone().expect("explained").summary,
            "The OpenVPN file was not imported: it names no server (remote)"
        );
        assert_eq!(
            connection_names(bed),
            names,
            "a malformed file created something"
        );

        // (5) NetworkManager crashes: the page says so, and recovers by itself when it returns.
        bed.kill_service(Service::NetworkManager).unwrap();
        let unavailable = next_matching(&mut updates, "NetworkManager gone", |message| {
            matches!(message, Message::Overview(ServiceUpdate::Unavailable))
        })
        .await
        .unwrap();
        let _ = panel.update(unavailable);
        assert!(matches!(
            panel.overview,
            ferrum_ui::status::ServiceStatus::Unavailable
        ));
        bed.start_service(Service::NetworkManager).unwrap();
        follow(
            &mut panel,
            &mut updates,
            "NetworkManager back with the manual address",
            |panel| {
                wired(panel).is_some_and(|device| {
                    device.state == DeviceState::Activated
                        && device.ip.ipv4.iter().any(|n| n.to_string() == expected)
                })
            },
        )
        .await;
    });
}

#[test]
fn network_manager_asks_the_page_for_a_vpn_password() {
    let mut bed = TestBed::start(&[]).unwrap();
    bed.start_service(Service::NetworkManager).unwrap();
    bed.wait_for_ipv4_address().unwrap();
    in_bed_namespace(&mut bed, async |bed, bus| {
        // An OpenVPN connection whose password is asked each time (never saved).
        let ovpn = "client\ndev tun\nproto udp\nremote 192.0.2.1 1194\nauth-user-pass\n";
        let keys = bed.dir().join("vpn-keys");
        let profile =
            ferrum_services::network::import_openvpn(&bus, "campus", ovpn, &keys, bed.dir())
                .await
                .unwrap();
        let mut panel = State::on(bus.clone());
        let mut agent = Box::pin(network::agent_stream(&bus));
        let registered = next_matching(&mut agent, "the agent registered", |message| {
            matches!(message, Message::Agent(AgentEvent::Registered))
        })
        .await
        .unwrap();
        let _ = panel.update(registered);
        assert!(panel.agent_registered);

        // (0) Another process on the bus is refused: it cannot cancel (nor ask) in
        // NetworkManager's place.
        let other = bus.connection().await.unwrap();
        let dbus = zbus::fdo::DBusProxy::new(&other).await.unwrap();
        let mine = other.unique_name().map(|name| name.to_string());
        let mut refused = 0;
        for name in dbus.list_names().await.unwrap() {
            if !name.starts_with(':') || Some(name.to_string()) == mine {
                continue;
            }
            let reply = other
                .call_method(
                    Some(name.as_str()),
                    "/org/freedesktop/NetworkManager/SecretAgent",
                    Some("org.freedesktop.NetworkManager.SecretAgent"),
                    "CancelGetSecrets",
                    &(
                        zbus::zvariant::ObjectPath::from_static_str_unchecked("/x"),
                        "vpn",
                    ),
                )
                .await;
            if let Err(zbus::Error::MethodError(error, _, _)) = &reply
                && error.as_str() == "org.freedesktop.NetworkManager.SecretAgent.PermissionDenied"
            {
                refused += 1;
            }
        }
        assert_eq!(
            refused, 1,
            "the agent answered a caller that is not NetworkManager"
        );

        // (1) Cancelled: NetworkManager gives up on the connection for want of a password.
        let activation = tokio::spawn({
            let bus = bus.clone();
            let profile = profile.clone();
            async move { ferrum_services::network::activate(&bus, &profile, None).await }
        });
        let question = next_matching(&mut agent, "NetworkManager's question", |message| {
            matches!(message, Message::Agent(AgentEvent::Request(_)))
        })
        .await
        .unwrap();
        assert_eq!(
            panel.update(question),
            Outcome::effect(Effect::Focus(network::SECRET_ID))
        );
        let prompt = panel.secret.clone().expect("the page asks");
        eprintln!("asked: {:?}", prompt.request);
        assert_eq!(prompt.request.connection_id, "campus");
        assert_eq!(prompt.request.setting, "vpn");
        assert_eq!(prompt.request.kind, SecretKind::Vpn);
        let request = panel.update(Message::Secret(network::secret::Message::Cancel));
        assert!(
            matches!(
                request,
                Outcome {
                    request: Some(Request::AnswerSecret(_, None)),
                    effect: None
                }
            ),
            "{request:?}"
        );
        let answer = request.request.unwrap().run(bus.clone()).await;
        assert!(matches!(answer, Message::SecretHandedOver), "{answer:?}");
        assert_eq!(panel.update(answer), Outcome::none());
        let outcome = tokio::time::timeout(std::time::Duration::from_secs(30), activation)
            .await
            .expect("NetworkManager gave up")
            .unwrap();
        eprintln!("after cancelling: {outcome:?}");
        assert!(
            matches!(outcome, Err(NetworkCommandError::ActivationFailed(_))),
            "{outcome:?}"
        );

        // (2) Answered: NetworkManager takes the password and starts the tunnel.
        let activation = tokio::spawn({
            let bus = bus.clone();
            let profile = profile.clone();
            async move { ferrum_services::network::activate(&bus, &profile, None).await }
        });
        let question = next_matching(&mut agent, "the question again", |message| {
            matches!(message, Message::Agent(AgentEvent::Request(_)))
        })
        .await
        .unwrap();
        let _ = panel.update(question);
        assert_eq!(
            panel.update(Message::Secret(network::secret::Message::Confirm)),
            Outcome::none(),
            "an empty password is sent"
        );
        let _ = panel.update(Message::Secret(network::secret::Message::Changed(
            "correct horse".into(),
        )));
        let request = panel.update(Message::Secret(network::secret::Message::Confirm));
        assert!(
            matches!(
                request,
                Outcome {
                    request: Some(Request::AnswerSecret(_, Some(_))),
                    effect: None
                }
            ),
            "{request:?}"
        );
        assert!(
            !format!("{request:?}").contains("horse"),
            "the password is in Debug"
        );
        let answer = request.request.unwrap().run(bus.clone()).await;
        assert!(matches!(answer, Message::SecretHandedOver), "{answer:?}");
        assert!(panel.secret.is_none());
        // There is no OpenVPN server on the other end: the tunnel starts, then fails for
        // that reason, not for want of a password.
        let outcome = tokio::time::timeout(std::time::Duration::from_secs(60), activation)
            .await
            .expect("the attempt ends")
            .unwrap();
        eprintln!("after answering: {outcome:?}");
        assert!(
            !matches!(
                outcome,
                Err(NetworkCommandError::ActivationFailed(
                    StateReason::NoSecrets
                ))
            ),
            "{outcome:?}"
        );
        let log = std::fs::read_to_string(bed.log_path(Service::NetworkManager)).unwrap();
        let refusals = log
            .lines()
            .filter(|line| line.contains("failed to request VPN secrets"))
            .count();
        assert_eq!(
            refusals, 1,
            "only the cancelled attempt lacked a password:\n{log}"
        );
        assert!(log.contains("starting openvpn"), "{log}");
    });
}
