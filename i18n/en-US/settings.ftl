## Ferrum Settings: the window, its sidebar and search

app-title = Settings
search-placeholder = Search settings
search-label = Search settings
search-no-results = No settings match “{ $query }”.
theme-toggle-dark = Dark style
theme-toggle-light = Light style
unknown-panel = There is no settings page called “{ $panel }”. Showing { $fallback } instead.
unknown-panel-detail = Known pages: { $known }

## The one error surface every page shares

error-details-show = Details
error-details-hide = Hide details
error-copy = Copy details
error-dismiss = Dismiss
# A button acting on one of several things, as a screen reader names it ("Connect: Keyboard K380").
control-about = { $control }: { $subject }

## Service states shared by every page

service-loading = Loading…
service-bus-unreachable = The system message bus cannot be reached, so settings cannot be read or changed. Retrying…

## Power page

power-title = Power
    .keywords = power;battery;energy;profile;performance;balanced;saver;charge;health;mode;ac;plugged
power-mode-heading = Power Mode
profile-performance = Performance
    .desc = High performance and power usage.
profile-balanced = Balanced
    .desc = Standard performance and power usage.
profile-power-saver = Power Saver
    .desc = Reduced performance and power usage.
profile-unknown = { $name }
    .desc = A power mode offered by this machine.
profile-driver = Driver: { $driver }
profile-switching = Switching…
degraded-lap-detected = Performance mode is temporarily reduced because the computer is on a lap.
degraded-high-temperature = Performance mode is temporarily reduced because the computer is too hot.
degraded-other = Performance mode is temporarily reduced ({ $reason }).
holds-heading = Requested by applications
hold-row = { $app } wants { $profile }: { $reason }
hold-row-no-reason = { $app } wants { $profile }
power-profiles-unavailable = Power modes are unavailable
    .body = The power profiles service (power-profiles-daemon) is not running. This page updates by itself when it starts.
power-profiles-failed = Power modes could not be read.
power-profile-not-authorized = You are not allowed to change the power mode.
power-profile-not-offered = This computer does not offer the { $profile } mode.
power-profile-service-gone = The power mode could not be changed because the power profiles service stopped.
power-profile-failed = The power mode could not be changed.
power-profile-no-answer = power-profiles-daemon did not answer in time. The page shows the power mode it last reported and follows any change it makes later.

## Battery section of the Power page

battery-heading = Battery
battery-percent = { $percent } %
battery-name = { $vendor } { $model }
battery-name-unknown = Battery
battery-state-charging = Charging
battery-state-discharging = On battery
battery-state-empty = Empty
battery-state-fully-charged = Fully charged
battery-state-pending-charge = Not charging
battery-state-pending-discharge = Waiting to discharge
battery-state-unknown = State unknown
battery-time-to-empty = { $time } left
battery-time-to-full = { $time } until full
duration-hours-minutes = { $hours } h { $minutes } min
duration-minutes = { $minutes } min
battery-health = Health
battery-health-value = { $percent } % of design capacity ({ $full } Wh of { $design } Wh)
battery-cycles = { $cycles } charge cycles
battery-rate = { $watts } W
power-source = Power source
power-source-ac = Plugged in
power-source-battery = On battery
no-batteries = This computer has no battery.
upower-unavailable = Battery information is unavailable
    .body = The power information service (UPower) is not running. This page updates by itself when it starts.
upower-failed = Battery information could not be read.

## About page

about-title = About
    .keywords = about;system;version;kernel;hostname;memory;processor;cpu;os;information
about-os = Operating system
about-kernel = Kernel
about-hostname = Device name
about-processor = Processor
about-memory = Memory
about-memory-value = { $gib } GiB
about-unknown = Unknown
about-read-failed = System information could not be read.
about-network-name = Network name
about-rename = Rename…
about-rename-unavailable = The computer cannot be renamed: the host name service is not running.
about-rename-title = Rename this computer
about-rename-hint = The device name is what people see, for example over Bluetooth. The network name identifies the computer on networks; it follows the device name until you change it.
about-rename-pretty = Device name
about-rename-static = Network name
about-rename-save = Rename
about-rename-cancel = Cancel
about-renaming = Renaming the computer…
about-rename-pretty-empty = Type a device name.
about-rename-pretty-control = The device name cannot contain tabs or line breaks.
about-rename-pretty-long = The device name is too long. Use a shorter name.
about-rename-static-empty = Type a network name.
about-rename-static-characters = The network name can only use the letters a to z, digits and hyphens.
about-rename-static-long = The network name can be at most 64 characters long.
about-rename-static-hyphen = The network name cannot begin or end with a hyphen.
about-rename-refused = The name was not changed: an administrator did not allow it.
about-rename-gone = The name was not changed: the host name service is not running.
about-rename-no-answer = The host name service did not answer. The name may not have been changed; the page shows what the service says once it answers.
about-rename-invalid = The host name service did not accept this name.
about-rename-failed = The name could not be changed.
about-rename-partial = The device name was changed, but the network name was not. The page shows the names the computer has now.

## Accessibility page

a11y-title = Accessibility
    .keywords = accessibility;a11y;screen reader;speech;voice;contrast;text size;large text;zoom;motion;animation;keyboard
a11y-seeing-heading = Seeing
a11y-hearing-heading = Hearing and speech
a11y-high-contrast = High contrast
    .desc = Stronger colours and outlines that are easier to tell apart.
a11y-text-scale = Text size
    .desc = Makes text and controls larger.
a11y-text-scale-value = { $percent } %
a11y-reduced-motion = Reduce motion
    .desc = Turns off animations and moving effects.
a11y-self-voicing = Speak what is focused
    .desc = Reads out each control as keyboard focus reaches it, without a separate screen reader.
a11y-speech-unavailable = Speech is not available: the speech service (speech-dispatcher) is not running.
a11y-preferences-not-saved = Your accessibility settings could not be saved; they apply until you close Settings.
a11y-preferences-invalid = Your saved accessibility settings could not be read, so the defaults are in use.

## Words self-voicing and screen readers use

role-button = button
role-switch = switch
role-check-box = check box
role-radio-button = radio button
role-radio-group = group of choices
role-slider = slider
role-list-item = list item
role-list = list
role-text-input = text field
role-password-input = password field
role-heading = heading
role-label = text
role-group = group
role-progress = progress bar
role-alert = alert
state-on = on
state-off = off
state-selected = selected
state-unavailable = unavailable
secret-characters = { $count ->
    [one] { $count } character
   *[other] { $count } characters
}

# Started without a display (printed, one sentence).
no-display = No window can be shown: there is no Wayland display (WAYLAND_DISPLAY is not set); start it from a Wayland session.
no-display-socket = No window can be shown: the Wayland display { $path } does not exist.

# Said when reading aloud is turned on or off.
voicing-on = Reading aloud on
voicing-off = Reading aloud off
upower-no-answer = UPower did not answer in time, so the battery's state is unknown.

# A percentage (a level, a volume).
percent-value = { $percent } %

# A size in bytes, kilobytes (1000 bytes), megabytes and gigabytes.
size-bytes = { $size } bytes
size-kb = { $size } kB
size-mb = { $size } MB
size-gb = { $size } GB
