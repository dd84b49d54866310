#!/bin/sh
# The image e2e's time zone report, run (as root) from its test-tools disk by its `run` script on
# the first boot: the machine's time zone (the /etc/localtime link timedated writes) each time it
# changes, so the e2e knows when the Date & Time page's change, allowed through the session's
# authentication agent, reached the machine. Never part of the image.
say() { echo "ferrum-date-time: $*"; }
zone() { readlink /etc/localtime 2>/dev/null | sed 's|^.*zoneinfo/||'; }
last=""
while :; do
    now=$(zone)
    if [ "$now" != "$last" ]; then
        say "zone=${now:-none}"
        last=$now
    fi
    sleep 1
done
