#!/bin/sh
# The image e2e's sound report, run (as root) from its test-tools disk by its `run` script on
# the first boot: what the person's PipeWire sees of QEMU's emulated sound card (intel-hda
# with an hda-duplex codec, a null audio back end), whether the session's PipeWire,
# WirePlumber and pipewire-pulse run, what pipewire-pulse answers a PulseAudio client (the
# tools tree's `pactl`, brought on the disk with its libraries), and that the login screen's
# user runs no PipeWire. Never part of the image.
here=$(dirname "$0")
say() { echo "ferrum-sound: $*"; }

# Whether `user` runs a process named `name`.
runs() {
    for process in /proc/[0-9]*; do
        if [ "$(cat "$process/comm" 2>/dev/null)" = "$2" ] &&
            [ "$(stat -c %U "$process" 2>/dev/null)" = "$1" ]; then
            return 0
        fi
    done
    return 1
}

# The kernel's cards (snd-hda-intel with the generic codec driver).
say "kernel-cards=$(sed -n 's/^ *[0-9]* \[[^]]*\]: //p' /proc/asound/cards 2>/dev/null |
    paste -sd, -)"

# The login screen is up (the self-test starts this once the boot has settled): its user
# must have no PipeWire of its own.
greeter=none
for name in pipewire wireplumber pipewire-pulse; do
    runs _greetd "$name" && greeter="$greeter${greeter:+,}$name"
done
say "greeter-audio=${greeter#none,}"

# The person's session: wait for its PipeWire (the e2e logs in after this starts).
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
while [ ! -S "$runtime/pipewire-0" ] && [ "$tries" -lt 1800 ]; do
    sleep 1
    tries=$((tries + 1))
done
if [ ! -S "$runtime/pipewire-0" ]; then
    say "error step=session detail=no-pipewire-socket"
    exit 1
fi
as_ada() {
    runuser -u ada -- env XDG_RUNTIME_DIR="$runtime" \
        DBUS_SESSION_BUS_ADDRESS="unix:path=$runtime/bus" "$@"
}

# The card as PipeWire has it: the ALSA device WirePlumber made (`pw-cli ls Device`).
device=""
tries=0
while [ "$tries" -lt 120 ]; do
    device=$(as_ada pw-cli ls Device 2>/dev/null | awk '
        /^[[:space:]]*id [0-9]+,/ { if (alsa) exit; id = $2; sub(",", "", id); alsa = 0; name = ""; desc = "" }
        /device.api = "alsa"/ { alsa = 1 }
        /device.name = / { name = $0; sub(/.*= "/, "", name); sub(/"$/, "", name) }
        /device.description = / { desc = $0; sub(/.*= "/, "", desc); sub(/"$/, "", desc) }
        END { if (alsa) print id "\t" name "\t" desc }')
    [ -n "$device" ] && break
    sleep 1
    tries=$((tries + 1))
done
if [ -z "$device" ]; then
    say "error step=device detail=no-alsa-device-in-pipewire"
else
    id=$(echo "$device" | cut -f1)
    # The profiles WirePlumber offers (EnumProfile) and the one in use (Profile).
    profiles=$(as_ada pw-cli enum-params "$id" EnumProfile 2>/dev/null | awk '
        found { s = $0; sub(/^[^"]*"/, "", s); sub(/"$/, "", s); print s; found = 0 }
        /Param:Profile:name / { found = 1 }')
    active=$(as_ada pw-cli enum-params "$id" Profile 2>/dev/null | awk '
        found { s = $0; sub(/^[^"]*"/, "", s); sub(/"$/, "", s); print s; exit }
        /Param:Profile:name / { found = 1 }')
    say "sound-card=$(echo "$device" | cut -f3)"
    say "sound-device=$(echo "$device" | cut -f2)"
    say "profiles=$(echo "$profiles" | grep -c .) $(echo "$profiles" | paste -sd, -)"
    say "active-profile=${active:-none}"
    say "nodes=$(as_ada pw-cli ls Node 2>/dev/null | sed -n 's/.*node.name = "\(alsa_[^"]*\)".*/\1/p' |
        paste -sd, -)"
fi

# The session's sound services (user units).
services=""
for unit in pipewire.service wireplumber.service pipewire-pulse.service; do
    services="$services${services:+,}${unit%.service}:$(as_ada systemctl --user is-active "$unit" 2>/dev/null)"
done
say "session=$services"

# pipewire-pulse answers the PulseAudio protocol.
server=$(as_ada env LD_LIBRARY_PATH="$here/lib" "$here/pactl" info 2>&1 |
    sed -n 's/^Server Name: //p')
if [ -z "$server" ]; then
    say "pulse-error=$(as_ada env LD_LIBRARY_PATH="$here/lib" "$here/pactl" info 2>&1 | head -n 2 |
        paste -sd' ' -)"
fi
say "pulse=${server:-none}"
# The screen check compares the page with a reference taken at WirePlumber's usual starting
# volume for a new card (40 %); one boot started the card at 100 %. Set it, so the page shows it.
as_ada wpctl set-volume @DEFAULT_AUDIO_SINK@ 0.4 2>/dev/null || say "volume-error=wpctl set-volume failed"

say done
