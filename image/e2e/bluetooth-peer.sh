#!/bin/sh
# The image e2e's Bluetooth peer, run from its test-tools disk by the boot self-test (root):
# BlueZ's emulator makes two virtual controllers that hear each other (hci0, the computer's,
# and hci1), and ferrum-bt-peer plays the remote device on hci1. Never part of the image.
here=$(dirname "$0")
say() { echo "ferrum-bt-peer: $*"; }
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
exec "$here/ferrum-bt-peer"
