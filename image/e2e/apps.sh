#!/bin/sh
# The image e2e's Flatpak report, run (as root) from its test-tools disk by its `run` script on
# the first boot. It plays the download: the test-tools disk's signed repo (`apps/repo`, the
# test bed's dummy runtime and apps, made by `cargo xtask image e2e`) is offered by a
# `.flatpakrepo` file, copied into the person's Downloads folder once their session is up —
# the file the Apps page is given by keyboard (image/e2e/apps.keys). Then, as the person, it
# says what their own Flatpak installation has, as it changes: the remote the page added and
# the app it installed (`flatpak remotes --user`, `flatpak list --user`). Never part of the
# image.
here=$(dirname "$0")
say() { echo "ferrum-apps: $*"; }

# The person's account: the first boot's setup makes it (the e2e types it in after this starts).
tries=0
until uid=$(id -u ada 2>/dev/null); do
    if [ "$tries" -ge 1800 ]; then
        say "error step=account detail=no-account"
        exit 1
    fi
    sleep 1
    tries=$((tries + 1))
done
runtime=/run/user/$uid
tries=0
while [ ! -S "$runtime/bus" ] && [ "$tries" -lt 1800 ]; do
    sleep 1
    tries=$((tries + 1))
done
if [ ! -S "$runtime/bus" ]; then
    say "error step=session detail=no-session-bus"
    exit 1
fi
as_ada() {
    runuser -u ada -- env HOME=/home/ada XDG_RUNTIME_DIR="$runtime" \
        DBUS_SESSION_BUS_ADDRESS="unix:path=$runtime/bus" "$@"
}
downloads=/home/ada/Downloads
if ! install -d -o ada -g ada "$downloads" ||
    ! install -m 0644 -o ada -g ada "$here/apps/ferrum-test.flatpakrepo" "$downloads/"; then
    say "error step=download detail=copy-failed"
    exit 1
fi
say "offered=$downloads/ferrum-test.flatpakrepo"
say "flatpak=$(flatpak --version 2>&1)"

# The file chooser a sandboxed app opens files through, once the app is installed and the
# e2e has looked at the page (it waits at most CHOOSER_AFTER seconds): an OpenFile through the
# frontend (an app's view: the frontend sends it to the GTK backend, ferrum-portals.conf's
# default), whose dialog the e2e sees on screen and closes with Escape. (The request's Response
# goes to the caller alone, and busctl has left by then: the e2e sees the dialog go instead.)
CHOOSER_AFTER=30
chooser() {
    until as_ada flatpak list --user --app --columns=application 2>/dev/null | grep -qx org.ferrum.Plain; do
        sleep 2
    done
    sleep "$CHOOSER_AFTER"
    handle=$(as_ada busctl --user --timeout=120 call org.freedesktop.portal.Desktop \
        /org/freedesktop/portal/desktop org.freedesktop.portal.FileChooser OpenFile 'ssa{sv}' \
        "" "Open a file" 0 2>&1)
    say "chooser=asked $handle"
    say "chooser-backend=$(as_ada systemctl --user is-active xdg-desktop-portal-gtk.service 2>/dev/null)"
}
chooser &

# What the person's installation has, each time it changes.
remotes="" apps=""
while :; do
    now=$(as_ada flatpak remotes --user --columns=name 2>/dev/null | tr '\n' ' ' | sed 's/ *$//')
    if [ "$now" != "$remotes" ]; then
        remotes=$now
        say "remotes=$remotes"
    fi
    now=$(as_ada flatpak list --user --app --columns=application 2>/dev/null | tr '\n' ' ' | sed 's/ *$//')
    if [ "$now" != "$apps" ]; then
        apps=$now
        say "apps=$apps"
    fi
    sleep 2
done
