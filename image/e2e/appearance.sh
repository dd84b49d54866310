#!/bin/sh
# The image e2e's portal report, run (as root) from its test-tools disk by its `run` script on
# the first boot: what an app hears through the xdg-desktop-portal frontend of the person's
# appearance — `org.freedesktop.portal.Settings.ReadOne` for `color-scheme` before and after
# the Appearance page switches to dark, and the frontend's `SettingChanged` signal, which
# Ferrum's own backend (ferrum-portal, D-Bus activated) raises when the page saves. Never
# part of the image.
say() { echo "ferrum-appearance: $*"; }

# The person's session bus (the e2e logs in after this starts).
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
    runuser -u ada -- env XDG_RUNTIME_DIR="$runtime" \
        DBUS_SESSION_BUS_ADDRESS="unix:path=$runtime/bus" "$@"
}
# `color-scheme` as an app reads it: through the frontend, which asks the backends its
# configuration names for XDG_CURRENT_DESKTOP=ferrum (the session imported it for activation).
read_scheme() {
    as_ada busctl --user --timeout=60 call org.freedesktop.portal.Desktop \
        /org/freedesktop/portal/desktop org.freedesktop.portal.Settings ReadOne ss \
        org.freedesktop.appearance color-scheme 2>&1 | sed 's/^v u //'
}

# The first answer activates the frontend (and through it our backend); tried until the
# session's D-Bus activation environment has the desktop's name.
scheme=""
tries=0
while [ "$tries" -lt 120 ]; do
    scheme=$(read_scheme)
    case "$scheme" in
    [0-9]*) break ;;
    esac
    sleep 1
    tries=$((tries + 1))
done
say "read color-scheme=$scheme"
say "desktop=$(as_ada systemctl --user show-environment 2>/dev/null |
    sed -n 's/^XDG_CURRENT_DESKTOP=//p')"
say "backend=$(as_ada systemctl --user is-active ferrum-portal.service 2>/dev/null)"
# How exposed the backend's user unit is, as the person's own systemd judges it.
say "exposure=$(as_ada systemd-analyze --user security ferrum-portal.service --no-pager 2>/dev/null |
    sed -n 's/.*Overall exposure level for ferrum-portal.service: \([0-9.]*\).*/\1/p')"

# Every SettingChanged the frontend emits for color-scheme, as it comes (no timer): then the
# value read again, as an app that heard the signal would.
as_ada stdbuf -oL busctl --user --json=short monitor \
    --match="type='signal',interface='org.freedesktop.portal.Settings',member='SettingChanged'" 2>/dev/null |
    while read -r message; do
        value=$(echo "$message" |
            sed -n 's/.*"org\.freedesktop\.appearance","color-scheme",{"type":"u","data":\([0-9]*\)}.*/\1/p')
        [ -n "$value" ] || continue
        say "signal color-scheme=$value"
        say "read color-scheme=$(read_scheme)"
    done
