## The Apps page: Flatpak apps, installing, updating and removing them, and their permissions.

apps-title = Apps
    .keywords = apps;applications;programs;software;flatpak;flathub;install;uninstall;remove;update;updates;permissions;sandbox;portal;store

apps-installed = Installed apps
apps-none-installed = No apps are installed.
apps-unreadable = The installed apps cannot be read
apps-installation-user = For you
apps-installation-system = For everyone on this computer
apps-version = Version { $version }
apps-origin = From { $remote }
apps-installed-size = Uses { $size }
apps-data-size = Its data: { $size }
apps-data-size-unknown = Its data: not known
apps-being-changed = A change of this app is under way.
apps-open = Open
apps-open-failed = { $app } could not be opened.
apps-permissions = Permissions
apps-update = Update
apps-remove = Remove
apps-close = Close
apps-retry = Try again
apps-bullet = • { $line }

## Updates

apps-check = Check for updates
apps-update-all = Update all
apps-updates-checking = Checking for updates…
apps-updates-count = { $count ->
    [0] All apps are up to date.
    [one] One update is available.
   *[other] { $count } updates are available.
}
apps-updates-failed = Updates could not be checked. { $reason }
apps-update-available = An update is available.
apps-update-wider = An update is available. It asks for more permissions.
apps-held-question = The update of { $app } asks for more permissions
apps-held-explain = It is held back until you accept it. The new version asks for:
apps-held-accept = Accept and update
apps-held-decline = Not now

## Removing

apps-remove-question = Remove { $app }?
apps-remove-explain = The app is removed from this computer. You can install it again later.
apps-remove-data = Also delete its data
    .description = Its settings and files in its own folder are deleted too.
apps-remove-cancel = Keep
apps-remove-confirm = Remove

## A change under way and how it ended

apps-job-install = Installing { $app }
apps-job-update = Updating { $app }
apps-job-remove = Removing { $app }
apps-step-starting = Starting…
apps-step = Step { $index } of { $count }: { $kind ->
    [install] installing
    [update] updating
   *[uninstall] removing
} { $part ->
    [runtime] the runtime it needs
   *[app] the app
}
apps-progress = { $job }: { $percent } %.
apps-progress-bytes = { $size } downloaded.
apps-queued = { $count ->
    [one] One more change waits.
   *[other] { $count } more changes wait.
}
apps-cancel = Cancel
apps-cancelling = Cancelling…
apps-ended-done = { $kind ->
    [install] { $app } is installed.
    [update] { $app } is updated.
   *[remove] { $app } is removed.
}
apps-ended-update-running = { $app } is still running the version it was started with; the update takes effect when you close it and open it again.
apps-ended-remove-running = { $app } is still open and keeps running until you close it.
apps-ended-cancelled = { $kind ->
    [install] Installing { $app } was cancelled. Nothing of it was installed.
    [update] Updating { $app } was cancelled. The installed version is unchanged.
   *[remove] Removing { $app } was cancelled.
}
apps-ended-failed = { $kind ->
    [install] { $app } was not installed.
    [update] { $app } was not updated.
   *[remove] { $app } was not removed.
}

## Installing

apps-install = Install apps
apps-search-label = Search the app sources
apps-search = Search
apps-searching = Searching…
apps-search-none = No app matches “{ $query }”.
apps-search-remote-failed = { $remote } could not be searched.
apps-details = Details
apps-already-installed = Installed already
apps-download-size = Download: { $size }
apps-asks-for = It asks for:
apps-install-button = Install

## Sources of apps

apps-remotes = App sources
apps-remotes-none = No app sources are set up.
apps-remote-disabled = Turned off
apps-remote-add-title = Add an app source
apps-remote-add-explain = App sources publish a .flatpakrepo file. Its signing key is always checked.
apps-remote-path = Path of the .flatpakrepo file
apps-remote-name = Name (empty: from the file's name)
apps-remote-add = Add source
apps-remote-adding = Adding…
apps-remote-added = The app source { $remote } was added.
apps-remote-error-no-path = Type the path of a .flatpakrepo file.
apps-remote-error-unreadable = The file could not be read.
apps-remote-error-too-large = The file is too large to be a .flatpakrepo file.

## One app's permissions

apps-permissions-title = Permissions of { $app }
apps-permissions-explain = What the app may use. Your choice applies to this app for you; “App's default” keeps what the app and the other settings say.
apps-permissions-reset = Reset to the app's defaults
apps-permissions-saving = Saving…
apps-permissions-write-failed = The change was not saved. { $reason }
apps-choice-default = App's default
apps-choice-allow = Allow
apps-choice-deny = Deny
apps-row-state = { $value } — { $source }
apps-source = { $layer ->
    [app] the app's default
    [system-global] set for all apps on this computer
    [system-app] set for this app on this computer
    [user-global] your setting for all apps
    [user-app] your setting for this app
   *[none] not asked for
}
apps-value-allowed = Allowed
apps-value-denied = Not allowed
apps-value-not-asked = Not allowed
apps-value-access = { $access ->
    [ro] Read only
    [rw] Read and write
    [create] Read and write, created if missing
   *[denied] Not allowed
}
apps-value-bus = { $policy ->
    [see] May see it
    [talk] May talk to it
    [own] May own the name
   *[none] Not allowed
}
apps-value-environment = Set to “{ $value }”
apps-perm-line = { $permission }: { $value }
apps-perm-nothing = It asks for no permissions.
apps-perm-shared = { $word ->
    [network] Use the network
    [ipc] Share memory with other programs
   *[other] Share “{ $word }” with this computer
}
apps-perm-socket = { $word ->
    [wayland] Show windows
    [x11] Show windows through X11
    [fallback-x11] Show windows through X11 when there is no Wayland
    [pulseaudio] Play and record sound
    [session-bus] Talk to every program of your session
    [system-bus] Talk to every service of this computer
    [ssh-auth] Use your SSH keys
    [pcsc] Use smart cards
    [cups] Print
    [gpg-agent] Use your GPG keys
   *[other] Use the socket “{ $word }”
}
apps-perm-device = { $word ->
    [dri] Use the graphics card
    [input] Read input devices
    [usb] Use USB devices
    [kvm] Run virtual machines
    [shm] Share memory through /dev/shm
    [all] Use every device, such as cameras and microphones
   *[other] Use the device “{ $word }”
}
apps-perm-feature = { $word ->
    [devel] Use debugging tools
    [multiarch] Run programs made for other processors
    [bluetooth] Use Bluetooth
    [canbus] Use CAN bus devices
    [per-app-dev-shm] Keep shared memory of its own
   *[other] Use the feature “{ $word }”
}
apps-perm-filesystem = { $path ->
    [host] Every file on this computer
    [host-os] The system's programs and libraries
    [host-etc] The system's settings
    [home] Your home folder
    [xdg-download] Your Downloads folder
    [xdg-documents] Your Documents folder
    [xdg-music] Your Music folder
    [xdg-pictures] Your Pictures folder
    [xdg-videos] Your Videos folder
    [xdg-desktop] Your Desktop folder
   *[other] The folder { $path }
}
apps-perm-session-bus = Talk to { $name }
apps-perm-system-bus = Talk to the system service { $name }
apps-perm-environment = The variable { $name }

## Portal grants

apps-portal-title = Allowed when asked
apps-portal-none = The app has not been allowed anything when it asked.
apps-portal = { $permission ->
    [notifications] Show notifications
    [background] Run in the background
    [camera] Use the camera
    [microphone] Use the microphone
    [speakers] Play sound
    [location] Know your location
   *[screenshot] Take screenshots
}
apps-portal-other = { $table }: { $id }
apps-portal-state = { $granted ->
    [yes] { $permission }: allowed
   *[no] { $permission }: not allowed
}
apps-revoke = Revoke
apps-revoke-failed = The permission could not be revoked. { $reason }

## Failures

apps-error-not-installed = The app is not installed.
apps-error-already-installed = The app is installed already.
apps-error-unsigned = The app source has no signing key, so what it offers could not be checked. It was not added.
apps-error-already-exists = An app source of that name exists already.
apps-error-not-found = The app source does not offer it.
apps-error-unreachable = The app source could not be reached. Check that this computer is online.
apps-error-signature = What the app source sent is not signed by its key, so it was refused. Nothing was installed.
apps-error-cancelled = It was cancelled.
apps-error-permission-denied = This was not allowed.
apps-error-no-space = There is not enough space on the disk.
apps-error-app-running = The app is running. Close it and try again.
apps-error-permission-store = The permission store is not running. Try again in a moment.
apps-error-permission-store-hung = The permission store did not answer in time. Try again to read what it keeps.
apps-error-system-helper = Flatpak's system service is not running, so apps for everyone on this computer cannot be changed now. Nothing was changed. Try again in a moment.
apps-error-worker = Flatpak is not working at the moment. The page tries again by itself.
apps-error-other = Flatpak could not do it.
