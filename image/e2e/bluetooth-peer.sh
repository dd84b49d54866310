#!/bin/sh
# The image e2e's Bluetooth peer, run from its test-tools disk by the boot self-test (root):
# BlueZ's emulator makes two virtual controllers that hear each other (hci0, the computer's,
# and hci1), and ferrum-bt-peer plays the remote device on hci1. Never part of the image.
here=$(dirname "$0")
say() { echo "ferrum-bt-peer: $*"; }
modprobe hci_vhci || say "error step=modprobe detail=hci_vhci"
"$here/btvirt" -l2 &
tries=0
while [ ! -e /sys/class/bluetooth/hci1 ] && [ "$tries" -lt 150 ]; do
    sleep 0.2
    tries=$((tries + 1))
done
[ -e /sys/class/bluetooth/hci1 ] || say "error step=btvirt detail=no-hci1"
exec "$here/ferrum-bt-peer"
