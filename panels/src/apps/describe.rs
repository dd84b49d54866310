//! Words for what Flatpak reports: permissions in plain words (each kind one Fluent message
//! choosing by Flatpak's own word, so an unknown word still reads), where a merged value comes
//! from, portal grants, the steps and ends of a change, and every failure as a sentence.

use ferrum_i18n::fl;
use ferrum_services::apps::{
    AppsError, BusPolicy, FilesystemAccess, InstallationKind, Permissions, PortalGrant,
    PortalPermission, Step, StepKind,
};
use ferrum_ui::format::size_text;

use super::merge::{self, Key, Layer, Value};
use super::run::{Ended, Job, Run};
use super::{AddRemoteError, Found};

/// Which installation, in words ("For you", "For everyone on this computer").
pub fn installation_text(kind: InstallationKind) -> String {
    match kind {
        InstallationKind::User => fl!("apps-installation-user"),
        InstallationKind::System => fl!("apps-installation-system"),
    }
}

fn access_word(access: FilesystemAccess) -> &'static str {
    match access {
        FilesystemAccess::Denied => "denied",
        FilesystemAccess::ReadOnly => "ro",
        FilesystemAccess::ReadWrite => "rw",
        FilesystemAccess::Create => "create",
    }
}

/// A permission in plain words ("Use the network", "Your Downloads folder", "Talk to
/// org.freedesktop.Notifications").
pub fn permission_text(key: &Key) -> String {
    match key {
        Key::Shared(shared) => fl!("apps-perm-shared", word = shared.word()),
        Key::Socket(socket) => fl!("apps-perm-socket", word = socket.word()),
        Key::Device(device) => fl!("apps-perm-device", word = device.word()),
        Key::Feature(feature) => fl!("apps-perm-feature", word = feature.word()),
        Key::Filesystem(path) => fl!("apps-perm-filesystem", path = path.as_str()),
        Key::SessionBus(name) => fl!("apps-perm-session-bus", name = name.as_str()),
        Key::SystemBus(name) => fl!("apps-perm-system-bus", name = name.as_str()),
        Key::Environment(name) => fl!("apps-perm-environment", name = name.as_str()),
    }
}

/// A value of a permission in words ("Allowed", "Read only", "May own the name", "= 1").
pub fn value_text(value: &Value) -> String {
    match value {
        Value::Grant(grant) => {
            if *grant == ferrum_services::apps::Grant::Allow {
                fl!("apps-value-allowed")
            } else {
                fl!("apps-value-denied")
            }
        }
        Value::Filesystem(access) => fl!("apps-value-access", access = access_word(*access)),
        Value::Bus(policy) => fl!(
            "apps-value-bus",
            policy = match policy {
                BusPolicy::None => "none",
                BusPolicy::See => "see",
                BusPolicy::Talk => "talk",
                BusPolicy::Own => "own",
            }
        ),
        Value::Environment(value) => fl!("apps-value-environment", value = value.as_str()),
    }
}

/// Where a merged value comes from.
pub fn source_text(source: Option<Layer>) -> String {
    let layer = match source {
        None => "none",
        Some(Layer::App) => "app",
        Some(Layer::SystemGlobal) => "system-global",
        Some(Layer::SystemApp) => "system-app",
        Some(Layer::UserGlobal) => "user-global",
        Some(Layer::UserApp) => "user-app",
    };
    fl!("apps-source", layer = layer)
}

/// A row's effective value and where it comes from ("Allowed — the app's default").
pub fn row_state_text(row: &merge::Row) -> String {
    let value = row
        .effective
        .as_ref()
        .map_or_else(|| fl!("apps-value-not-asked"), value_text);
    fl!(
        "apps-row-state",
        value = value,
        source = source_text(row.source)
    )
}

/// What `permissions` grants, one line each, in plain words; a line saying it asks for
/// nothing when it asks for nothing.
pub fn permission_lines(permissions: &Permissions) -> Vec<String> {
    let lines: Vec<String> = merge::granted_keys(permissions)
        .iter()
        .map(|(key, value)| match (key, value) {
            (Key::Filesystem(_), Value::Filesystem(FilesystemAccess::ReadOnly))
            | (Key::Filesystem(_), Value::Filesystem(FilesystemAccess::Create))
            | (Key::SessionBus(_), Value::Bus(BusPolicy::Own | BusPolicy::See))
            | (Key::SystemBus(_), Value::Bus(BusPolicy::Own | BusPolicy::See))
            | (Key::Environment(_), _) => fl!(
                "apps-perm-line",
                permission = permission_text(key),
                value = value_text(value)
            ),
            _ => permission_text(key),
        })
        .collect();
    if lines.is_empty() {
        vec![fl!("apps-perm-nothing")]
    } else {
        lines
    }
}

/// A portal grant in words ("Use the camera: allowed").
pub fn grant_text(grant: &PortalGrant) -> String {
    let what = match &grant.permission {
        PortalPermission::Notifications => fl!("apps-portal", permission = "notifications"),
        PortalPermission::Background => fl!("apps-portal", permission = "background"),
        PortalPermission::Camera => fl!("apps-portal", permission = "camera"),
        PortalPermission::Microphone => fl!("apps-portal", permission = "microphone"),
        PortalPermission::Speakers => fl!("apps-portal", permission = "speakers"),
        PortalPermission::Location => fl!("apps-portal", permission = "location"),
        PortalPermission::Screenshot => fl!("apps-portal", permission = "screenshot"),
        PortalPermission::Other(table, id) => fl!(
            "apps-portal-other",
            table = table.as_str(),
            id = id.as_str()
        ),
    };
    fl!(
        "apps-portal-state",
        permission = what,
        granted = if grant.is_granted() { "yes" } else { "no" }
    )
}

/// A change in words, for its heading ("Installing Rich Test App").
pub fn job_text(job: &Job) -> String {
    let app = job.name();
    match job {
        Job::Install { .. } => fl!("apps-job-install", app = app),
        Job::Update { .. } => fl!("apps-job-update", app = app),
        Job::Remove { .. } => fl!("apps-job-remove", app = app),
    }
}

/// A step of a change in words ("Step 1 of 2: the runtime it needs").
pub fn step_text(step: &Step) -> String {
    let part = if step.reference.starts_with("runtime/") {
        "runtime"
    } else {
        "app"
    };
    let kind = match step.kind {
        StepKind::Install => "install",
        StepKind::Update => "update",
        StepKind::Uninstall => "uninstall",
    };
    fl!(
        "apps-step",
        index = step.index,
        count = step.count,
        kind = kind,
        part = part
    )
}

/// The progress bar's accessible name: the change, its step, the percentage and the bytes.
pub fn progress_name(run: &Run) -> String {
    let Some(job) = run.job() else {
        return String::new();
    };
    let (step, bytes) = match run {
        Run::Active { step, progress, .. } => (
            step.as_ref().map(step_text),
            progress.as_ref().map(|progress| progress.bytes_transferred),
        ),
        _ => (None, None),
    };
    let mut name = fl!(
        "apps-progress",
        job = job_text(job),
        percent = run.percent()
    );
    if let Some(step) = step {
        name = format!("{name} {step}");
    }
    if let Some(bytes) = bytes.filter(|bytes| *bytes > 0) {
        name = format!(
            "{name} {}",
            fl!("apps-progress-bytes", size = size_text(bytes))
        );
    }
    name
}

/// How a change ended, as a sentence.
pub fn ended_text(ended: &Ended) -> String {
    let app = ended.job.name();
    let kind = match ended.job {
        Job::Install { .. } => "install",
        Job::Update { .. } => "update",
        Job::Remove { .. } => "remove",
    };
    match &ended.result {
        Ok(()) if ended.still_running => {
            let note = match ended.job {
                Job::Remove { .. } => fl!("apps-ended-remove-running", app = app),
                _ => fl!("apps-ended-update-running", app = app),
            };
            format!("{} {note}", fl!("apps-ended-done", kind = kind, app = app))
        }
        Ok(()) => fl!("apps-ended-done", kind = kind, app = app),
        Err(AppsError::Cancelled) => fl!("apps-ended-cancelled", kind = kind, app = app),
        Err(error) => format!(
            "{} {}",
            fl!("apps-ended-failed", kind = kind, app = app),
            error_sentence(error)
        ),
    }
}

/// A Flatpak failure as a sentence (libflatpak's own words only ever as the detail).
pub fn error_sentence(error: &AppsError) -> String {
    match error {
        AppsError::NotInstalled => fl!("apps-error-not-installed"),
        AppsError::AlreadyInstalled => fl!("apps-error-already-installed"),
        AppsError::Unsigned => fl!("apps-error-unsigned"),
        AppsError::AlreadyExists => fl!("apps-error-already-exists"),
        AppsError::NotFound { .. } => fl!("apps-error-not-found"),
        AppsError::RemoteUnreachable { .. } => fl!("apps-error-unreachable"),
        AppsError::SignatureInvalid { .. } => fl!("apps-error-signature"),
        AppsError::Cancelled => fl!("apps-error-cancelled"),
        AppsError::PermissionDenied { .. } => fl!("apps-error-permission-denied"),
        AppsError::NoSpace => fl!("apps-error-no-space"),
        AppsError::AppRunning => fl!("apps-error-app-running"),
        AppsError::PermissionStoreUnavailable { .. } => fl!("apps-error-permission-store"),
        AppsError::PermissionStoreTimedOut { .. } => fl!("apps-error-permission-store-hung"),
        AppsError::SystemHelperUnavailable { .. } => fl!("apps-error-system-helper"),
        AppsError::WorkerGone => fl!("apps-error-worker"),
        AppsError::Other { .. } => fl!("apps-error-other"),
    }
}

/// Why a remote was not added, as a sentence.
pub fn add_remote_error_text(error: &AddRemoteError) -> String {
    match error {
        AddRemoteError::NoPath => fl!("apps-remote-error-no-path"),
        AddRemoteError::Unreadable(_) => fl!("apps-remote-error-unreadable"),
        AddRemoteError::TooLarge => fl!("apps-remote-error-too-large"),
        AddRemoteError::Apps(error) => error_sentence(error),
    }
}

/// The sentences about the remotes a search could not ask.
pub fn search_failure_lines(found: &Found) -> Vec<String> {
    found
        .failures
        .iter()
        .map(|failure| {
            let remote = failure
                .remote
                .title
                .clone()
                .unwrap_or_else(|| failure.remote.name.clone());
            format!(
                "{} {}",
                fl!("apps-search-remote-failed", remote = remote.as_str()),
                error_sentence(&failure.error)
            )
        })
        .collect()
}
