#!/bin/sh
# The image e2e's Bluetooth peer, run from its test-tools disk by the boot self-test (root):
# BlueZ's emulator makes two virtual controllers that hear each other (hci0, the computer's,
# and hci1), and ferrum-bt-peer plays the remote device on hci1. On the first boot it also
# starts the sound report (`sound`, from image/e2e/sound.sh), the portal report
# (`appearance`, from image/e2e/appearance.sh), the Flatpak report (`apps.sh`, from
# image/e2e/apps.sh) and the time zone report (`date-time.sh`). Never part of the image.
here=$(dirname "$0")
say() { echo "ferrum-bt-peer: $*"; }
# The first boot's sound report runs beside the peer (it waits for the person's session).
if [ "$(cat "$here/mode" 2>/dev/null)" != report ] && [ -f "$here/sound" ]; then
    /bin/sh "$here/sound" &
    # … and the portal report (image/e2e/appearance.sh), which also waits for the session.
    if [ -f "$here/appearance" ]; then
        /bin/sh "$here/appearance" &
    fi
    # … and the Flatpak report (image/e2e/apps.sh), which offers the test repo's file.
    if [ -f "$here/apps.sh" ]; then
        /bin/sh "$here/apps.sh" &
    fi
    # … and the time zone report (image/e2e/date-time.sh).
    if [ -f "$here/date-time.sh" ]; then
        /bin/sh "$here/date-time.sh" &
    fi
    # When the person's first session ends (at the power button, or early when it fails),
    # its last journal lines and greetd's go to the console: the e2e's record of why.
    (
        session() { loginctl list-sessions --no-legend 2>/dev/null | grep -q ' ada '; }
        until session; do sleep 1; done
        while session; do sleep 1; done
        echo "ferrum-session-log: the session of ada ended"
        journalctl -b _UID="$(id -u ada)" -o cat -n 120 --no-pager 2>&1 | grep -v "^Stop\|^Closed\|^Removed\|Consumed" |
            sed 's/^/ferrum-session-log: /'
        journalctl -b -u greetd.service -o cat -n 20 --no-pager 2>&1 |
            sed 's/^/ferrum-session-log: greetd: /'
    ) &
fi
# The emulator computes pairing keys through the kernel's AF_ALG sockets.
for module in hci_vhci algif_hash algif_skcipher; do
    modprobe "$module" || say "error step=modprobe detail=$module"
done
udevadm settle --timeout=30
# A start that fails ("Failed to open Virtual HCI device") is tried again: the kernel makes a
# bare controller of a /dev/vhci that says nothing within 1 s of being opened, and a busy
# emulated boot can stall the emulator that long.
attempt=1
while :; do
    "$here/btvirt" -l2 &
    emulator=$!
    tries=0
    while [ ! -e /sys/class/bluetooth/hci1 ] && [ "$tries" -lt 50 ] &&
        kill -0 "$emulator" 2>/dev/null; do
        sleep 0.2
        tries=$((tries + 1))
    done
    if [ -e /sys/class/bluetooth/hci1 ] && kill -0 "$emulator" 2>/dev/null; then
        break
    fi
    kill "$emulator" 2>/dev/null
    wait "$emulator"
    if [ "$attempt" -ge 5 ]; then
        say "error step=btvirt detail=no-hci1-after-$attempt-attempts"
        exit 1
    fi
    say "btvirt-retry attempt=$attempt"
    attempt=$((attempt + 1))
    sleep 1
done
if [ "$(cat "$here/mode" 2>/dev/null)" != report ]; then
    # Says when systemd-rfkill has saved a blocked Bluetooth switch (the page turned it off):
    # only then is the power button pressed, as the saved state is what the next boot restores.
    (
        while :; do
            for state in /var/lib/systemd/rfkill/*bluetooth; do
                if [ "$(cat "$state" 2>/dev/null)" = 1 ]; then
                    say "host-block-saved file=$state"
                    exit 0
                fi
            done
            sleep 0.5
        done
    ) &
    exec "$here/ferrum-bt-peer"
fi
# The second boot: is hci0's radio still off? systemd-rfkill restores the soft block saved
# when the page turned it off, once the switch appears; bluetoothd then leaves it unpowered.
soft=0
tries=0
while [ "$tries" -lt 100 ]; do
    soft=$(cat /sys/class/bluetooth/hci0/rfkill*/soft 2>/dev/null | head -n 1)
    [ "$soft" = 1 ] && break
    sleep 0.2
    tries=$((tries + 1))
done
say "host-soft-blocked=${soft:-none}"
powered=""
tries=0
while [ -z "$powered" ] && [ "$tries" -lt 60 ]; do
    powered=$(busctl get-property org.bluez /org/bluez/hci0 org.bluez.Adapter1 Powered \
        2>/dev/null | cut -d' ' -f2)
    [ -n "$powered" ] || sleep 0.5
    tries=$((tries + 1))
done
say "host-powered-at-boot=${powered:-unknown}"
wait
