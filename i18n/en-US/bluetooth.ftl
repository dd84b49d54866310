# The Bluetooth page.
bluetooth-title = Bluetooth
    .keywords = bluetooth;wireless;pair;pairing;device;devices;headset;headphones;earbuds;speaker;keyboard;mouse;controller;phone;adapter;visible;discoverable;bluez

bluetooth-not-running = Bluetooth is not running
    .body = The Bluetooth service (bluetoothd) is not running. This page updates by itself when it starts.
bluetooth-no-adapter = No Bluetooth adapter
    .body = This computer has no Bluetooth adapter, or it is switched off. Plug one in or switch it on: it appears here by itself.
bluetooth-no-answer = Bluetooth does not answer
    .body = The Bluetooth service is running but did not answer in time. This page updates by itself when it answers again.
bluetooth-unreadable = Bluetooth could not be read
    .body = { $detail }. This page tries again by itself.

# The adapter.
bluetooth-adapter-heading = This computer
bluetooth-adapter-choice = Bluetooth adapter
bluetooth-adapter-name = { $name } ({ $id })
bluetooth-adapter-address = Address { $address }
bluetooth-power = Bluetooth
bluetooth-power-on = On: devices can connect to this computer.
bluetooth-power-off = Off: no device can connect.
bluetooth-power-turning-on = Turning on…
bluetooth-power-turning-off = Turning off…
bluetooth-visible-as = Visible as
bluetooth-alias-save = Save name
bluetooth-saving = Saving…
bluetooth-discoverable = While this page is open, nearby devices can find this computer as “{ $name }”.
bluetooth-discoverable-soon = Nearby devices can find this computer while this page is open.
bluetooth-discoverable-off = Turn Bluetooth on to let nearby devices find this computer.
bluetooth-address = Address
bluetooth-name-empty = Type a name: it cannot be empty.
bluetooth-name-too-long = A name can have at most { $max } bytes (letters of some scripts take two or three); this one has { $bytes }. Shorten it.

# The devices.
bluetooth-my-devices = My devices
bluetooth-nearby = Nearby devices
bluetooth-no-paired = No device is paired with this computer yet.
bluetooth-searching = Looking for devices…
bluetooth-searching-note = Looking for more devices while this page is open.
bluetooth-no-nearby = No other devices are nearby.
bluetooth-off-nearby = Turn Bluetooth on to find nearby devices.

bluetooth-kind-headset = Headset
bluetooth-kind-headphones = Headphones
bluetooth-kind-speaker = Speaker
bluetooth-kind-keyboard = Keyboard
bluetooth-kind-mouse = Mouse
bluetooth-kind-gamepad = Game controller
bluetooth-kind-phone = Phone
bluetooth-kind-computer = Computer
bluetooth-kind-tablet = Drawing tablet
bluetooth-kind-watch = Watch
bluetooth-kind-printer = Printer
bluetooth-kind-camera = Camera
bluetooth-kind-other = Device

bluetooth-signal-strong = Strong signal
bluetooth-signal-fair = Fair signal
bluetooth-signal-weak = Weak signal
bluetooth-state-connected = Connected
bluetooth-state-paired = Paired
bluetooth-state-trusted = Trusted
bluetooth-state-blocked = Blocked
bluetooth-battery = Battery { $percent } %

bluetooth-busy-pairing = Pairing…
bluetooth-busy-connecting = Connecting…
bluetooth-busy-disconnecting = Disconnecting…
bluetooth-busy-forgetting = Forgetting…
bluetooth-busy-blocking = Blocking…
bluetooth-busy-unblocking = Unblocking…
bluetooth-busy-renaming = Renaming…

bluetooth-pair = Pair
bluetooth-connect = Connect
bluetooth-disconnect = Disconnect
bluetooth-details-show = Details
bluetooth-details-hide = Hide details
bluetooth-forget = Forget
bluetooth-block = Block
bluetooth-unblock = Unblock
bluetooth-rename = Rename
bluetooth-rename-label = Name
bluetooth-rename-save = Save
bluetooth-cancel = Cancel
bluetooth-dismiss = Dismiss
bluetooth-sound-settings = Sound settings
bluetooth-kind = Kind
bluetooth-services = Services
bluetooth-services-none = None reported
bluetooth-own-name = Its own name
bluetooth-forget-question = Forget “{ $name }”?
    .body = This computer removes the pairing. To use the device again, pair it again.

bluetooth-service-audio-sink = Audio playback
bluetooth-service-audio-source = Audio source
bluetooth-service-headset = Calls (headset)
bluetooth-service-remote-control = Media controls
bluetooth-service-input = Input (keyboard, mouse)
bluetooth-service-battery = Battery level
bluetooth-service-file-transfer = File transfer
bluetooth-service-network = Network sharing
bluetooth-service-serial-port = Serial port
bluetooth-service-phone-book = Contacts
bluetooth-service-messages = Messages
bluetooth-service-other = Service { $uuid }

# The pairing dialog.
bluetooth-pairing-title = Pairing with “{ $name }”
bluetooth-ask-pin = Type the PIN code of “{ $name }” (1 to 16 characters). It is in the device’s manual or shown on it.
bluetooth-ask-passkey = Type the 6-digit passkey that “{ $name }” shows.
bluetooth-ask-display = Type { $code } on “{ $name }”, then press Enter.
bluetooth-display-progress = { $entered } of 6 digits typed on the device
bluetooth-ask-confirm = Does “{ $name }” show { $code }? Confirm only if it shows the same number.
bluetooth-ask-authorize = “{ $name }” wants to pair with this computer. Allow it?
bluetooth-ask-authorize-service = “{ $name }” wants to use { $service } on this computer. Allow it?
bluetooth-pin-label = PIN code
bluetooth-passkey-label = Passkey
bluetooth-confirm = Confirm
bluetooth-allow = Allow
bluetooth-deny = Deny
bluetooth-pin-empty = Type the PIN code.
bluetooth-pin-too-long = A PIN code has at most 16 characters.
bluetooth-pin-not-printable = A PIN code cannot contain control characters.
bluetooth-passkey-not-digits = A passkey is the number of up to 6 digits the device shows.
bluetooth-request-ended = “{ $name }” stopped waiting for an answer: the pairing was canceled on the device, or nobody answered in time.

# Failed commands; BlueZ's own reason follows.
bluetooth-error-with-reason = { $sentence } BlueZ says: { $reason }
bluetooth-error-power-on = Could not turn Bluetooth on.
bluetooth-error-power-off = Could not turn Bluetooth off.
bluetooth-error-alias = Could not change the name this computer is visible as.
bluetooth-error-pair = Could not pair with “{ $name }”.
bluetooth-error-connect = Could not connect to “{ $name }”.
bluetooth-error-disconnect = Could not disconnect “{ $name }”.
bluetooth-error-forget = Could not forget “{ $name }”.
bluetooth-error-block = Could not block “{ $name }”.
bluetooth-error-unblock = Could not unblock “{ $name }”.
bluetooth-error-rename = Could not rename “{ $name }”.
bluetooth-error-not-running = The Bluetooth service stopped.
bluetooth-error-no-adapter = The Bluetooth adapter is gone.
bluetooth-error-no-answer = The Bluetooth service did not answer in time.
bluetooth-error-blocked = The Bluetooth adapter is switched off or blocked.
bluetooth-error-not-permitted = You are not allowed to change this Bluetooth setting.
bluetooth-error-busy = “{ $name }” is busy with another request; try again in a moment.
bluetooth-error-not-found = “{ $name }” is no longer known to this computer.
bluetooth-error-not-supported = The device or the adapter cannot do this.
bluetooth-error-nothing-to-connect = “{ $name }” offers nothing this computer can connect to; it stays paired.
bluetooth-error-rejected = “{ $name }” refused the pairing.
bluetooth-error-auth-failed = Pairing with “{ $name }” failed: the codes did not match.
bluetooth-error-canceled = Pairing with “{ $name }” was canceled.
bluetooth-error-auth-timeout = “{ $name }” did not answer in time while pairing.
