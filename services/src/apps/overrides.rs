//! Overrides: the keyfiles `flatpak override` writes, `<installation>/overrides/<app id>` and
//! `<installation>/overrides/global`, in the system and the user installation. Read here with
//! plain file reads (no libflatpak); the page shows each layer and the merge.

use std::path::Path;

use super::error::AppsError;
use super::permissions::Permissions;
use super::types::{InstallationKind, Installations};

/// Every override layer of one app, each as written (denials kept).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// The system installation's `overrides/global` (every app).
    pub system_global: Permissions,
    /// The system installation's `overrides/<id>`.
    pub system_app: Permissions,
    /// The user installation's `overrides/global`.
    pub user_global: Permissions,
    /// The user installation's `overrides/<id>` (what `flatpak override --user <id>` writes).
    pub user_app: Permissions,
}

impl Overrides {
    /// What the app gets when installed in `installation`: its own permissions with the layers
    /// laid on in Flatpak's order — system global and system app (only for an app of the
    /// system installation: Flatpak leaves the system's overrides out of user-installed
    /// apps), then user global and user app — each replacing what it names.
    pub fn effective(&self, app: &Permissions, installation: InstallationKind) -> Permissions {
        let base = match installation {
            InstallationKind::System => {
                app.overlaid(&self.system_global).overlaid(&self.system_app)
            }
            InstallationKind::User => app.clone(),
        };
        base.overlaid(&self.user_global).overlaid(&self.user_app)
    }
}

/// Reads the four layers for `id` (a missing file is an empty layer).
pub(crate) fn read(installations: &Installations, id: &str) -> Result<Overrides, AppsError> {
    if !super::transaction::is_plain_id(id) || id == "global" {
        return Err(AppsError::other(format!("not an app id: {id:?}")));
    }
    let layer = |kind: InstallationKind, name: &str| {
        read_layer(&installations.path(kind).join("overrides").join(name))
    };
    Ok(Overrides {
        system_global: layer(InstallationKind::System, "global")?,
        system_app: layer(InstallationKind::System, id)?,
        user_global: layer(InstallationKind::User, "global")?,
        user_app: layer(InstallationKind::User, id)?,
    })
}

/// Writes `layer` as the user installation's override of `id` (`<user>/overrides/<id>`, what
/// `flatpak override --user <id>` writes), replacing the file through a temporary file and a
/// rename (a reader never sees half of it); an empty layer removes the file (the app's
/// defaults again). The system's layers are left alone (they need root).
pub(crate) fn write_user(
    installations: &Installations,
    id: &str,
    layer: &Permissions,
) -> Result<(), AppsError> {
    if !super::transaction::is_plain_id(id) || id == "global" {
        return Err(AppsError::other(format!("not an app id: {id:?}")));
    }
    let folder = installations.path(InstallationKind::User).join("overrides");
    let path = folder.join(id);
    let io = |what: &str, error: std::io::Error| match error.kind() {
        std::io::ErrorKind::PermissionDenied => AppsError::PermissionDenied {
            detail: format!("{what} {}: {error}", path.display()).into(),
        },
        std::io::ErrorKind::StorageFull => AppsError::NoSpace,
        _ => AppsError::other(format!("could not {what} {}: {error}", path.display())),
    };
    if layer.is_empty() {
        return match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(error) => Err(io("remove", error)),
        };
    }
    std::fs::create_dir_all(&folder).map_err(|error| io("create the folder of", error))?;
    // A hidden name Flatpak never reads as an app's override.
    let temporary = folder.join(format!(".{id}.{}.tmp", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|mut file| {
            std::io::Write::write_all(&mut file, layer.to_keyfile().as_bytes())?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temporary, &path));
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(io("write", error));
    }
    Ok(())
}

fn read_layer(path: &Path) -> Result<Permissions, AppsError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Permissions::parse(&text)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Permissions::default()),
        Err(error) if error.kind() == std::io::ErrorKind::PermissionDenied => {
            Err(AppsError::PermissionDenied {
                detail: format!("{}: {error}", path.display()).into(),
            })
        }
        Err(error) => Err(AppsError::other(format!(
            "could not read {}: {error}",
            path.display()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apps::{Grant, Shared, Socket};

    #[test]
    fn layers_are_read_and_merged_in_flatpaks_order() {
        let dir = tempfile::tempdir().unwrap();
        let installations = Installations::at(
            dir.path().join("user"),
            dir.path().join("system"),
            dir.path().join("home"),
        );
        for (path, text) in [
            ("system/overrides/global", "[Context]\nshared=!network;\n"),
            (
                "system/overrides/org.example.App",
                "[Context]\nsockets=x11;\n",
            ),
            ("user/overrides/global", "[Context]\nsockets=!x11;\n"),
            (
                "user/overrides/org.example.App",
                "[Context]\nshared=network;\n",
            ),
        ] {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let overrides = read(&installations, "org.example.App").unwrap();
        assert_eq!(
            overrides.system_global.shared.get(&Shared::Network),
            Some(&Grant::Deny)
        );
        let effective = overrides.effective(&Permissions::default(), InstallationKind::System);
        // The user's own override wins over the system's global one …
        assert_eq!(effective.shared.get(&Shared::Network), Some(&Grant::Allow));
        // … and the user's global one over the system's per-app one.
        assert_eq!(effective.sockets.get(&Socket::X11), Some(&Grant::Deny));
        // A user-installed app does not get the system's layers.
        let user = overrides.effective(&Permissions::default(), InstallationKind::User);
        assert_eq!(user.sockets.get(&Socket::X11), Some(&Grant::Deny));
        let system_only = Overrides {
            system_app: overrides.system_app.clone(),
            ..Overrides::default()
        };
        assert!(
            system_only
                .effective(&Permissions::default(), InstallationKind::User)
                .is_empty()
        );
        // Nothing written: nothing overridden.
        let none = read(&installations, "org.example.Other").unwrap();
        assert_eq!(none.system_global, overrides.system_global);
        assert!(none.system_app.is_empty() && none.user_app.is_empty());
        assert!(read(&installations, "../x").is_err());

        // The user's own layer is written back as read, and removed when empty.
        let mut layer = overrides.user_app.clone();
        layer.shared.insert(Shared::Ipc, Grant::Deny);
        write_user(&installations, "org.example.App", &layer).unwrap();
        assert_eq!(
            read(&installations, "org.example.App").unwrap().user_app,
            layer
        );
        write_user(&installations, "org.example.New", &layer).unwrap();
        assert_eq!(
            read(&installations, "org.example.New").unwrap().user_app,
            layer
        );
        write_user(&installations, "org.example.App", &Permissions::default()).unwrap();
        assert!(!dir.path().join("user/overrides/org.example.App").exists());
        assert!(write_user(&installations, "global", &layer).is_err());
        assert!(read(&installations, "global").is_err());
    }
}
