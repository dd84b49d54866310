## The Firmware page: devices fwupd knows, their updates, and installing them.

firmware-title = Firmware
    .keywords = firmware;update;updates;BIOS;UEFI;fwupd;LVFS;device;webcam;dock

firmware-devices = Devices
firmware-none = No devices with firmware that can be shown were found.
firmware-not-running = The firmware service is not running
    .body = Firmware updates come from fwupd. This page shows its devices by itself as soon as it runs.
firmware-unreadable = The firmware service's devices cannot be read

## A device

firmware-vendor = Made by { $vendor }
firmware-version = Version { $version }
firmware-version-unknown = Version not known
firmware-live-usable = It can be used while it updates.
firmware-live-unusable = It cannot be used while it updates.
firmware-live-reboot = Its update finishes when the computer restarts.
firmware-live-shutdown = Its update finishes after the computer is shut down.
firmware-not-updatable = Its firmware cannot be updated here.
firmware-up-to-date = Up to date.
firmware-state-pending = An update is waiting for the next restart.
firmware-state-success = The last update succeeded.
firmware-state-failed = The last update failed: { $reason }
firmware-state-failed-plain = The last update failed.
firmware-state-needs-reboot = The last update finishes when the computer restarts.
firmware-state-failed-transient = The last update could not run. It can be tried again.

## An available update

firmware-update-available = Version { $version } is available
firmware-update-size = Size: { $size }
firmware-urgency-low = Low urgency
firmware-urgency-medium = Medium urgency
firmware-urgency-high = High urgency
firmware-urgency-critical = Critical: install it soon
firmware-release-notes = What's new
firmware-update = Update
firmware-update-elsewhere = Another update is being installed.
firmware-being-updated = This update is being installed.
# fwupd is installing an update another program asked for.
firmware-busy-elsewhere = Another program is updating firmware: { $step }, { $percent } %.

## An update under way

firmware-updating = Updating { $device } to version { $version }
firmware-step-downloading = Downloading the update
firmware-step-checking = Checking the download
firmware-step-preparing = Preparing the update
firmware-step-authorizing = Waiting for permission
firmware-step-device-busy = Waiting for the device
firmware-step-reading = Reading the device
firmware-step-erasing = Erasing the old firmware
firmware-step-writing = Writing the firmware
firmware-step-verifying = Verifying the firmware
firmware-step-restarting = Restarting the device
firmware-step-waiting-for-you = Waiting for you
firmware-step-working = Updating
# The progress bar's name, read by screen readers.
firmware-progress = { $device }: { $step }, { $percent } %
# Said when the step changes.
firmware-progress-step = { $device }: { $step }

## How an update ended

firmware-done = { $device } was updated to version { $version }.
firmware-restart-needed = { $device } will be updated to version { $version } when the computer restarts.
firmware-shutdown-needed = { $device } will be updated to version { $version } after the computer is shut down and started again.
firmware-failed = { $device } was not updated to version { $version }.
firmware-restart = Restart to finish
firmware-close = Close
firmware-restart-failed = The computer could not be restarted.

## Why something failed

firmware-error-offline = This computer is offline, so the update could not be downloaded.
firmware-error-untrusted = The identity of the download server { $host } could not be verified, so the update was not downloaded.
firmware-error-download = The update could not be downloaded.
firmware-error-checksum = The downloaded file is not the one the update describes, so nothing was installed.
firmware-error-no-checksum = The update lists no checksum to check the download against, so nothing was installed.
firmware-error-no-location = The update does not say where it can be downloaded from.
firmware-error-unsupported = The update is offered from an address this computer cannot download from.
firmware-error-busy = The device is busy. Try again when it is not in use.
firmware-error-not-authorized = You are not allowed to update firmware on this computer.
firmware-error-not-running = The firmware service is not running.
firmware-error-stopped-during = The firmware service stopped during the update. The devices below are as it reports them now.
firmware-error-timeout = The firmware service did not answer in time.
firmware-error-nothing-to-do = There is nothing to install: this version is already there.
firmware-error-refused = The firmware service refused the update.
firmware-error-remote = The source of updates is not available.
firmware-error-local = Something went wrong on this computer while preparing the update.
firmware-error-bus = The firmware service could not be reached.

## Checking for updates

firmware-check = Check for updates
firmware-refresh-checking = Checking for updates…
firmware-refresh-last = { $days ->
    [0] Updates were last checked today.
    [1] Updates were last checked yesterday.
   *[other] Updates were last checked { $days } days ago.
}
firmware-refresh-never = Updates have not been checked yet.
firmware-refresh-metered = Updates are not checked automatically on a metered connection. Check for updates to check now.
firmware-refresh-offline = This computer is offline. Updates will be checked when it is back online.
firmware-refresh-failed = Updates could not be checked. { $reason }
firmware-refresh-no-remote = No source of firmware updates is set up.

## fwupd asks the person to do something

firmware-prompt-title = { $device } needs you
firmware-request-remove-replug = Unplug { $device } and plug it back in.
firmware-request-press-unlock = Press the unlock button on { $device }.
firmware-request-remove-usb-cable = Remove the USB cable from { $device }.
firmware-request-insert-usb-cable = Connect the USB cable to { $device }.
firmware-request-do-not-power-off = Do not turn off { $device } or this computer until the update is finished.
firmware-request-replug-install = Unplug { $device } and plug it back in to install the update.
firmware-request-replug-power = Unplug { $device } from power and plug it back in.
firmware-request-vendor = { $device }: { $message }
firmware-request-generic = { $device } needs you to do something before the update can go on.
firmware-prompt-done = Done
firmware-device-unknown = The device
