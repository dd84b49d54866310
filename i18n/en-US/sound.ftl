# The Sound page (PipeWire, with WirePlumber as the session manager).

sound-title = Sound
    .keywords = audio;volume;speakers;headphones;headset;microphone;mute;balance;output;input;level;loud;pipewire

## The two main sections.
sound-output-heading = Output
sound-input-heading = Input
sound-no-outputs = No output was found: no sound card, headset or speaker is connected.
sound-no-inputs = No input was found: no microphone is connected.
sound-output-volume = Output volume
sound-output-mute = Mute the output
sound-input-volume = Input volume
sound-input-mute = Mute the microphone
sound-balance = Balance
sound-balance-centre = Centred
sound-balance-left = { $percent } % left
sound-balance-right = { $percent } % right
sound-output-level = Output level
sound-input-level = Input level
sound-level-unavailable = The level cannot be measured. { $reason }
sound-nothing-playing = Nothing is playing.
sound-test = Test speakers
sound-testing = Playing a tone on each speaker in turn, left first…
sound-amplify = Allow louder than 100 %
    .desc = Volumes can go up to 150 %. Sound above 100 % may be distorted.

## Applications.
sound-apps-heading = Applications
sound-no-streams = No application is playing or recording sound.
sound-stream-unnamed = Unnamed application
sound-stream-unlinked = Not connected to a device yet.
sound-stream-playing-on = Playing on { $devices }
sound-stream-recording-from = Recording from { $devices }
sound-stream-volume = Volume
sound-stream-mute = Mute
sound-stream-output = Play on
sound-stream-input = Record from
sound-stream-follow-default-output = The default output ({ $device })
sound-stream-follow-default-input = The default input ({ $device })

## Devices and their profiles.
sound-devices-heading = Devices
sound-no-devices = No sound card or headset is connected.
sound-no-profiles = This device has no profiles to choose from.
sound-profile-of = profile of { $device }
sound-profile-off = The device is not used.
sound-profile-duplex = Plays sound and records from its microphone input.
sound-profile-output = Plays sound only; its inputs are not used.
sound-profile-input = Records only; its outputs are not used.
sound-profile-a2dp = Best sound quality for listening; the headset's microphone is off.
sound-profile-headset = Turns the headset's microphone on, for calls; the sound quality is lower.
sound-profile-pro-audio = Every channel separately, without mixing, for studio software.
sound-profile-unavailable = Nothing is plugged in for it now.

## When sound cannot be shown.
sound-not-running = The sound service is not running
    .body = PipeWire, which plays and records sound, is not running. This page comes back by itself when it starts.
sound-no-answer = The sound service does not answer
    .body = PipeWire is running but did not answer in time. This page tries again by itself.
sound-unreadable = Sound cannot be shown
    .body = The sound service could not be read: { $detail }
sound-no-session-manager = Sound devices are not managed
    .body = WirePlumber, which chooses the default devices and connects applications to them, is not running. Volumes can be changed; devices cannot be chosen until it starts.

## A command that failed: what, then why.
sound-failed-default = “{ $name }” could not be made the default.
sound-failed-volume = The volume of “{ $name }” could not be changed.
sound-failed-mute = “{ $name }” could not be muted or unmuted.
sound-failed-move = “{ $name }” could not be moved to another device.
sound-failed-profile = The profile of “{ $name }” could not be changed.
sound-failed-test = The speaker test could not play on “{ $name }”.
sound-error-not-running = The sound service is not running.
sound-error-no-session-manager = WirePlumber, the sound session manager, is not running.
sound-error-no-answer = The sound service did not answer in time.
sound-error-gone = It is no longer there (unplugged or closed).
sound-error-no-profile = The device no longer offers that profile.
sound-error-unsuitable = It cannot be used for this.
sound-error-no-volume = It has no volume control.
sound-error-invalid-volume = That volume is not allowed; turn on “Allow louder than 100 %” to go above 100 %.
sound-error-not-permitted = The sound service did not allow it.
sound-error-refused = The sound service refused the change.
sound-error-stream-failed = The sound stream stopped (the device may have gone away).
sound-error-local = The settings app could not talk to the sound service.

## Added with ports and paused streams.
sound-port = Connector
sound-port-unplugged = Nothing is plugged in.
sound-stream-paused = Paused
sound-failed-port = “{ $name }” could not be switched to that connector.
sound-preferences-invalid = The saved sound settings could not be read; volumes stop at 100 % until you choose again.
sound-preferences-not-saved = Your choice about volumes above 100 % could not be saved; it lasts until the settings app is closed.
