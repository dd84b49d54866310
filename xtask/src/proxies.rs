//! `cargo xtask proxies`: regenerates the typed D-Bus proxies in `services/src/proxies/` from
//! the interface XML in `services/interfaces/` with `zbus-xmlgen`.
//!
//! The tool is installed once into `<target>/tools` at a pinned version, so the output is
//! reproducible (zbus_xmlgen 6 generates code for zbus 6; the workspace uses zbus 5).
//!
//! Pre-processing: entities declared in the XML's internal DTD subset (UPower's Device XML
//! has `<!ENTITY ERROR_GENERAL "…">`) are expanded and the subset removed, because the tool's
//! XML parser rejects them; the copy keeps the original file name.
//!
//! Post-processing, applied to the tool's output in this order:
//! 1. Only the wanted interface's file is kept (the tool writes one file per interface and
//!    skips the `org.freedesktop.DBus.*` standard interfaces itself).
//! 2. `#[proxy(…, assume_defaults = true)]` becomes explicit `default_service` /
//!    `default_path`: from a file the tool cannot know the bus name and path, and its guess
//!    is wrong for `org.freedesktop.UPower.Device` (its objects live under the
//!    `org.freedesktop.UPower` bus name at per-device paths, so it gets no default path).
//!    The tool writes the attribute on one line, or one argument a line when it is long
//!    (`org.freedesktop.NetworkManager.Connection.Active`); both are recognised.
//! 3. A signal named `<Property>Changed` beside a property `<Property>` (NetworkManager's
//!    `StateChanged` and `State`) gets a `_signal` suffix on its method, keeping its D-Bus
//!    name: zbus's proxy macro derives `receive_<property>_changed` for every property, so
//!    the tool's output would not compile. Likewise a method with a property's name
//!    (NetworkManager's legacy `state()` beside `State`) gets a `_method` suffix.
//! 4. A `//` header names the XML and this command; a blank line separates the tool's module
//!    docs from the code.
//! 5. `rustfmt --edition 2024`, as `cargo fmt` would.
//!
//! Running it twice gives byte-identical files.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::util::{self, Result};

/// The zbus_xmlgen release used (the last one generating zbus 5 code).
const XMLGEN_VERSION: &str = "5.4.1";

/// One proxy to generate.
struct Target {
    /// Interface XML, relative to the workspace root.
    xml: &'static str,
    /// Generated file, relative to the workspace root.
    out: &'static str,
    /// The interface to keep.
    interface: &'static str,
    /// The bus name the daemon owns.
    service: &'static str,
    /// The object path, when the interface lives at one fixed path.
    path: Option<&'static str>,
}

const TARGETS: &[Target] = &[
    Target {
        xml: "services/interfaces/net.hadess.PowerProfiles.xml",
        out: "services/src/proxies/power_profiles.rs",
        interface: "net.hadess.PowerProfiles",
        service: "net.hadess.PowerProfiles",
        path: Some("/net/hadess/PowerProfiles"),
    },
    Target {
        xml: "services/interfaces/org.freedesktop.UPower.xml",
        out: "services/src/proxies/upower.rs",
        interface: "org.freedesktop.UPower",
        service: "org.freedesktop.UPower",
        path: Some("/org/freedesktop/UPower"),
    },
    Target {
        xml: "services/interfaces/org.freedesktop.UPower.Device.xml",
        out: "services/src/proxies/upower_device.rs",
        interface: "org.freedesktop.UPower.Device",
        service: "org.freedesktop.UPower",
        path: None,
    },
    Target {
        xml: "services/interfaces/org.freedesktop.Accounts.xml",
        out: "services/src/proxies/accounts.rs",
        interface: "org.freedesktop.Accounts",
        service: "org.freedesktop.Accounts",
        path: Some("/org/freedesktop/Accounts"),
    },
    Target {
        xml: "services/interfaces/org.freedesktop.Accounts.User.xml",
        out: "services/src/proxies/accounts_user.rs",
        interface: "org.freedesktop.Accounts.User",
        service: "org.freedesktop.Accounts",
        path: None,
    },
    Target {
        xml: "services/interfaces/org.freedesktop.login1.Manager.xml",
        out: "services/src/proxies/logind.rs",
        interface: "org.freedesktop.login1.Manager",
        service: "org.freedesktop.login1",
        path: Some("/org/freedesktop/login1"),
    },
    Target {
        xml: "services/interfaces/org.freedesktop.NetworkManager.xml",
        out: "services/src/proxies/network_manager.rs",
        interface: "org.freedesktop.NetworkManager",
        service: "org.freedesktop.NetworkManager",
        path: Some("/org/freedesktop/NetworkManager"),
    },
    Target {
        xml: "services/interfaces/org.freedesktop.NetworkManager.Connection.Active.xml",
        out: "services/src/proxies/nm_active_connection.rs",
        interface: "org.freedesktop.NetworkManager.Connection.Active",
        service: "org.freedesktop.NetworkManager",
        path: None,
    },
    Target {
        xml: "services/interfaces/org.freedesktop.NetworkManager.AccessPoint.xml",
        out: "services/src/proxies/nm_access_point.rs",
        interface: "org.freedesktop.NetworkManager.AccessPoint",
        service: "org.freedesktop.NetworkManager",
        path: None,
    },
    Target {
        xml: "services/interfaces/org.freedesktop.NetworkManager.Settings.xml",
        out: "services/src/proxies/nm_settings.rs",
        interface: "org.freedesktop.NetworkManager.Settings",
        service: "org.freedesktop.NetworkManager",
        path: Some("/org/freedesktop/NetworkManager/Settings"),
    },
    Target {
        xml: "services/interfaces/org.freedesktop.NetworkManager.Settings.Connection.xml",
        out: "services/src/proxies/nm_settings_connection.rs",
        interface: "org.freedesktop.NetworkManager.Settings.Connection",
        service: "org.freedesktop.NetworkManager",
        path: None,
    },
    Target {
        xml: "services/interfaces/org.freedesktop.NetworkManager.Device.xml",
        out: "services/src/proxies/nm_device.rs",
        interface: "org.freedesktop.NetworkManager.Device",
        service: "org.freedesktop.NetworkManager",
        path: None,
    },
    Target {
        xml: "services/interfaces/org.freedesktop.NetworkManager.Device.Wired.xml",
        out: "services/src/proxies/nm_device_wired.rs",
        interface: "org.freedesktop.NetworkManager.Device.Wired",
        service: "org.freedesktop.NetworkManager",
        path: None,
    },
    Target {
        xml: "services/interfaces/org.freedesktop.NetworkManager.Device.Wireless.xml",
        out: "services/src/proxies/nm_device_wireless.rs",
        interface: "org.freedesktop.NetworkManager.Device.Wireless",
        service: "org.freedesktop.NetworkManager",
        path: None,
    },
    Target {
        xml: "services/interfaces/org.freedesktop.NetworkManager.IP4Config.xml",
        out: "services/src/proxies/nm_ip4_config.rs",
        interface: "org.freedesktop.NetworkManager.IP4Config",
        service: "org.freedesktop.NetworkManager",
        path: None,
    },
    Target {
        xml: "services/interfaces/org.freedesktop.NetworkManager.IP6Config.xml",
        out: "services/src/proxies/nm_ip6_config.rs",
        interface: "org.freedesktop.NetworkManager.IP6Config",
        service: "org.freedesktop.NetworkManager",
        path: None,
    },
    Target {
        xml: "services/interfaces/org.freedesktop.NetworkManager.DHCP4Config.xml",
        out: "services/src/proxies/nm_dhcp4_config.rs",
        interface: "org.freedesktop.NetworkManager.DHCP4Config",
        service: "org.freedesktop.NetworkManager",
        path: None,
    },
    Target {
        xml: "services/interfaces/org.freedesktop.NetworkManager.AgentManager.xml",
        out: "services/src/proxies/nm_agent_manager.rs",
        interface: "org.freedesktop.NetworkManager.AgentManager",
        service: "org.freedesktop.NetworkManager",
        path: Some("/org/freedesktop/NetworkManager/AgentManager"),
    },
    Target {
        xml: "services/interfaces/org.freedesktop.resolve1.Manager.xml",
        out: "services/src/proxies/resolved.rs",
        interface: "org.freedesktop.resolve1.Manager",
        service: "org.freedesktop.resolve1",
        path: Some("/org/freedesktop/resolve1"),
    },
    Target {
        xml: "services/interfaces/org.freedesktop.resolve1.Link.xml",
        out: "services/src/proxies/resolved_link.rs",
        interface: "org.freedesktop.resolve1.Link",
        service: "org.freedesktop.resolve1",
        path: None,
    },
    Target {
        xml: "services/interfaces/org.freedesktop.fwupd.xml",
        out: "services/src/proxies/fwupd.rs",
        interface: "org.freedesktop.fwupd",
        service: "org.freedesktop.fwupd",
        path: Some("/"),
    },
    Target {
        xml: "services/interfaces/org.freedesktop.PolicyKit1.Authority.xml",
        out: "services/src/proxies/polkit_authority.rs",
        interface: "org.freedesktop.PolicyKit1.Authority",
        service: "org.freedesktop.PolicyKit1",
        path: Some("/org/freedesktop/PolicyKit1/Authority"),
    },
    // The printing proxies were first written by hand in the tool's shape (see their
    // headers); the Avahi ones then kept only the methods `services::printers` uses.
    Target {
        xml: "services/interfaces/org.opensuse.CupsPkHelper.Mechanism.xml",
        out: "services/src/proxies/cups_pk_helper.rs",
        interface: "org.opensuse.CupsPkHelper.Mechanism",
        service: "org.opensuse.CupsPkHelper.Mechanism",
        path: Some("/"),
    },
    Target {
        xml: "services/interfaces/org.freedesktop.Avahi.Server2.xml",
        out: "services/src/proxies/avahi_server.rs",
        interface: "org.freedesktop.Avahi.Server2",
        service: "org.freedesktop.Avahi",
        path: Some("/"),
    },
    Target {
        xml: "services/interfaces/org.freedesktop.Avahi.ServiceBrowser.xml",
        out: "services/src/proxies/avahi_service_browser.rs",
        interface: "org.freedesktop.Avahi.ServiceBrowser",
        service: "org.freedesktop.Avahi",
        path: None,
    },
];

/// `<target>/tools/bin/zbus-xmlgen`, installed at [`XMLGEN_VERSION`] if missing or different.
fn ensure_xmlgen() -> Result<std::path::PathBuf> {
    let root = util::target_dir()?.join("tools");
    let bin = root.join("bin").join("zbus-xmlgen");
    let installed = util::output_of(Command::new(&bin).arg("--version"));
    if installed
        .as_deref()
        .is_some_and(|version| version.split_whitespace().last() == Some(XMLGEN_VERSION))
    {
        return Ok(bin);
    }
    println!(
        "proxies: installing zbus-xmlgen {XMLGEN_VERSION} into {} (once; takes a few minutes)",
        root.display()
    );
    let mut install = util::cargo()?;
    install
        .args(["install", "zbus_xmlgen", "--locked", "--force"])
        .arg(format!("--version={XMLGEN_VERSION}"))
        .arg("--root")
        .arg(&root)
        // Build in cargo's own temporary folder, not in the workspace's target folder.
        .env_remove("CARGO_TARGET_DIR");
    util::run(&mut install)?;
    Ok(bin)
}

/// Expands the entities declared in the DOCTYPE's internal subset (`<!ENTITY name "value">`)
/// and drops the subset; XML without one is returned unchanged.
fn expand_internal_entities(xml: &str) -> Result<String> {
    let Some(doctype) = xml.find("<!DOCTYPE") else {
        return Ok(xml.to_owned());
    };
    let Some(open) = xml[doctype..].find(['[', '>']).map(|i| doctype + i) else {
        return Err("unterminated <!DOCTYPE".into());
    };
    if !xml[open..].starts_with('[') {
        return Ok(xml.to_owned());
    }
    let close = xml[open..]
        .find("]>")
        .map(|i| open + i)
        .ok_or("unterminated internal DTD subset")?;
    let mut entities = Vec::new();
    for declaration in xml[open + 1..close].split("<!ENTITY").skip(1) {
        let declaration = declaration
            .split_once('>')
            .map_or(declaration, |(inside, _)| inside)
            .trim();
        let (name, value) = declaration
            .split_once(char::is_whitespace)
            .ok_or_else(|| format!("cannot read <!ENTITY {declaration}>"))?;
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        entities.push((format!("&{name};"), value.to_owned()));
    }
    // `<!DOCTYPE … [subset]>` becomes `<!DOCTYPE …>`.
    let mut body = format!("{}>{}", xml[..open].trim_end(), &xml[close + 2..]);
    for (reference, value) in &entities {
        body = body.replace(reference, value);
    }
    Ok(body)
}

/// Runs zbus-xmlgen on one XML in a scratch folder and returns the wanted interface's code.
fn generate(xmlgen: &Path, xml: &Path, interface: &str) -> Result<String> {
    let scratch = tempfile::Builder::new()
        .prefix("ferrum-proxies-")
        .tempdir()?;
    let input_dir = scratch.path().join("input");
    let output_dir = scratch.path().join("output");
    fs::create_dir(&input_dir)?;
    fs::create_dir(&output_dir)?;
    let name = xml.file_name().ok_or("XML path without a file name")?;
    let input = input_dir.join(name);
    fs::write(&input, expand_internal_entities(&fs::read_to_string(xml)?)?)?;
    let output = Command::new(xmlgen)
        .arg("file")
        .arg(&input)
        .current_dir(&output_dir)
        .stdin(Stdio::null())
        .output()?;
    if !output.status.success() {
        return Err(format!(
            "zbus-xmlgen file {} failed ({}): {}",
            xml.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        )
        .into());
    }
    let heading = format!("//! # D-Bus interface proxy for: `{interface}`");
    let mut found = None;
    let mut others = Vec::new();
    for entry in fs::read_dir(&output_dir)? {
        let path = entry?.path();
        let code = fs::read_to_string(&path)?;
        if code.lines().next() == Some(heading.as_str()) {
            found = Some(code);
        } else {
            others.push(path.file_name().map(|n| n.to_string_lossy().into_owned()));
        }
    }
    if !others.is_empty() {
        println!("  ignoring other interfaces' output: {others:?}");
    }
    found.ok_or_else(|| {
        format!(
            "zbus-xmlgen wrote no file for {interface} from {}",
            xml.display()
        )
        .into()
    })
}

/// Step 3 of the module docs. Works on the tool's unformatted output, where an attribute,
/// its member's doc line (`/// StateChanged signal`) and its `fn` each take one line.
fn rename_clashing_signals(code: &str) -> String {
    let lines: Vec<&str> = code.lines().collect();
    let fn_name = |line: &str| {
        line.trim()
            .strip_prefix("fn ")
            .and_then(|rest| rest.split_once('('))
            .map(|(name, _)| name.to_owned())
    };
    let properties: Vec<String> = lines
        .windows(2)
        .filter(|pair| pair[0].trim().starts_with("#[zbus(property"))
        .filter_map(|pair| fn_name(pair[1]))
        .collect();
    let mut out: Vec<String> = lines.iter().map(|line| (*line).to_owned()).collect();
    for i in 1..lines.len().saturating_sub(1) {
        let dbus_name = lines[i - 1]
            .trim()
            .strip_prefix("/// ")
            .and_then(|doc| doc.strip_suffix(" signal"));
        let (Some(dbus_name), Some(name)) = (dbus_name, fn_name(lines[i + 1])) else {
            continue;
        };
        let clashes = name
            .strip_suffix("_changed")
            .is_some_and(|property| properties.iter().any(|p| p == property));
        if lines[i].trim() == "#[zbus(signal)]" && clashes {
            out[i] = lines[i].replace(
                "#[zbus(signal)]",
                &format!("#[zbus(signal, name = \"{dbus_name}\")]"),
            );
            out[i + 1] =
                lines[i + 1].replacen(&format!("fn {name}("), &format!("fn {name}_signal("), 1);
        }
    }
    // A method with a property's name (NetworkManager's legacy `state()` beside `State`).
    for i in 0..lines.len().saturating_sub(2) {
        let Some(dbus_name) = lines[i]
            .trim()
            .strip_prefix("/// ")
            .and_then(|doc| doc.strip_suffix(" method"))
        else {
            continue;
        };
        let (attribute, function) = if lines[i + 1].trim().starts_with("#[zbus(") {
            (Some(i + 1), i + 2)
        } else {
            (None, i + 1)
        };
        let Some(name) = lines.get(function).and_then(|line| fn_name(line)) else {
            continue;
        };
        if properties.contains(&name) {
            out[function] =
                lines[function].replacen(&format!("fn {name}("), &format!("fn {name}_method("), 1);
            if attribute.is_none() {
                out[i] = format!("{}\n    #[zbus(name = \"{dbus_name}\")]", lines[i]);
            }
        }
    }
    out.join("\n") + "\n"
}

/// Steps 2 to 4 of the module docs.
fn post_process(code: &str, target: &Target) -> Result<String> {
    let code = &rename_clashing_signals(code);
    let generated = format!(
        "#[proxy(interface = \"{}\", assume_defaults = true)]",
        target.interface
    );
    // The tool puts one argument a line when the attribute is long
    // (`org.freedesktop.NetworkManager.Connection.Active`): compare without whitespace.
    let compact = |text: &str| {
        text.split_whitespace()
            .collect::<String>()
            .replace(",)", ")")
    };
    let found: Vec<(usize, usize)> = code
        .match_indices("#[proxy(")
        .filter_map(|(start, _)| {
            let end = start + code[start..].find(")]")? + 2;
            (compact(&code[start..end]) == compact(&generated)).then_some((start, end))
        })
        .collect();
    let mut explicit = format!(
        "#[proxy(interface = \"{}\", default_service = \"{}\"",
        target.interface, target.service
    );
    if let Some(path) = target.path {
        explicit.push_str(&format!(", default_path = \"{path}\""));
    }
    explicit.push_str(")]");
    let [(start, end)] = found[..] else {
        return Err(format!(
            "zbus-xmlgen's output for {} no longer contains `{generated}` once; update \
             xtask/src/proxies.rs",
            target.interface
        )
        .into());
    };
    let header = format!(
        "// Generated by `cargo xtask proxies` (zbus-xmlgen {XMLGEN_VERSION}) from\n\
         // `{}`.\n\
         // `default_service`/`default_path` are set by the xtask. Do not edit: change the XML\n\
         // or xtask/src/proxies.rs and regenerate.\n\n",
        target.xml
    );
    let code = format!("{}{explicit}{}", &code[..start], &code[end..]);
    // A blank line after the module docs.
    let mut lines: Vec<&str> = code.lines().collect();
    if let Some(end) = lines.iter().position(|line| !line.starts_with("//!"))
        && end > 0
        && lines.get(end).is_some_and(|line| !line.is_empty())
    {
        lines.insert(end, "");
    }
    Ok(header + &lines.join("\n") + "\n")
}

/// Regenerates every proxy in [`TARGETS`].
pub fn run() -> Result<()> {
    let root = util::workspace_root()?;
    let xmlgen = ensure_xmlgen()?;
    let scratch = tempfile::Builder::new()
        .prefix("ferrum-proxies-fmt-")
        .tempdir()?;
    for target in TARGETS {
        println!("proxies: {} → {}", target.xml, target.out);
        let code = generate(&xmlgen, &root.join(target.xml), target.interface)?;
        let code = post_process(&code, target)?;
        let staged = scratch.path().join("proxy.rs");
        fs::write(&staged, code)?;
        let mut rustfmt = Command::new("rustfmt");
        rustfmt.args(["--edition", "2024"]);
        // The file is formatted outside the workspace: point rustfmt at the workspace's
        // configuration if it has one, so the result matches `cargo fmt`.
        if let Some(config) = ["rustfmt.toml", ".rustfmt.toml"]
            .iter()
            .map(|name| root.join(name))
            .find(|path| path.is_file())
        {
            rustfmt.arg("--config-path").arg(config);
        }
        util::run(rustfmt.arg(&staged))?;
        let formatted = fs::read(&staged)?;
        let out = root.join(target.out);
        if fs::read(&out).is_ok_and(|current| current == formatted) {
            println!("  unchanged");
        } else {
            fs::write(&out, formatted)?;
            println!("  updated");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_clashing_with_property_streams_are_renamed() {
        let code = "pub trait Manager {\n    /// StateChanged signal\n    #[zbus(signal)]\n    \
                    fn state_changed(&self, state: u32) -> zbus::Result<()>;\n\n    \
                    /// DeviceAdded signal\n    #[zbus(signal)]\n    \
                    fn device_added(&self, device: u32) -> zbus::Result<()>;\n\n    \
                    /// State property\n    #[zbus(property)]\n    \
                    fn state(&self) -> zbus::Result<u32>;\n}\n";
        let renamed = rename_clashing_signals(code);
        assert!(
            renamed.contains(
                "    #[zbus(signal, name = \"StateChanged\")]\n    \
                 fn state_changed_signal(&self, state: u32)"
            ),
            "{renamed}"
        );
        assert!(renamed.contains("    #[zbus(signal)]\n    fn device_added(&self"));
        let unchanged = code.replace("fn state(&self)", "fn status(&self)");
        assert_eq!(rename_clashing_signals(&unchanged), unchanged);
    }

    #[test]
    fn long_proxy_attributes_get_explicit_defaults() {
        let target = Target {
            xml: "services/interfaces/a.b.Long.xml",
            out: "services/src/proxies/long.rs",
            interface: "a.b.Long",
            service: "a.b",
            path: None,
        };
        let code = "//! docs\nuse zbus::proxy;\n#[proxy(\n    interface = \"a.b.Long\",\n    \
                    assume_defaults = true\n)]\npub trait Long {}\n";
        let processed = post_process(code, &target).ok().unwrap_or_default();
        assert!(
            processed.contains(
                "//! docs\n\nuse zbus::proxy;\n\
                 #[proxy(interface = \"a.b.Long\", default_service = \"a.b\")]\npub trait Long {}\n"
            ),
            "{processed}"
        );
        let other = code.replace("a.b.Long\"", "a.b.Other\"");
        assert!(post_process(&other, &target).is_err());
    }

    #[test]
    fn entities_are_expanded() {
        let xml = "<!DOCTYPE node PUBLIC \"a\"\n\"b\" [\n  <!ENTITY ERR \"x.y.Error\">\n]>\n<node><e name=\"&ERR;\"/></node>";
        assert_eq!(
            expand_internal_entities(xml).ok().as_deref(),
            Some("<!DOCTYPE node PUBLIC \"a\"\n\"b\">\n<node><e name=\"x.y.Error\"/></node>")
        );
        let plain = "<!DOCTYPE node PUBLIC \"a\" \"b\">\n<node/>";
        assert_eq!(expand_internal_entities(plain).ok().as_deref(), Some(plain));
    }
}
