# The Printers page (CUPS; changes an administrator must allow go through cups-pk-helper and
# polkit; network printers are found through Avahi).

printers-title = Printers
    .keywords = printer;printing;print;queue;jobs;ink;toner;paper;scanner;cups;ipp;airprint;driverless

## The list of printers.
printers-none = No printer has been added yet.
printers-add = Add a printer…
printers-default-mark = Default printer
printers-set-default = Make default
printers-pause = Pause
printers-resume = Resume
printers-test-page = Print a test page
printers-test-page-sent = A test page was sent to { $printer }.
printers-rename = Rename
printers-rename-field = New name
printers-rename-save = Save
printers-rename-cancel = Cancel
printers-remove = Remove
printers-remove-question = Remove “{ $printer }”?
printers-remove-explain = Its waiting jobs are cancelled. You can add it again later.
printers-remove-confirm = Remove
printers-remove-cancel = Cancel
printers-details = Details
printers-hide-details = Hide details
printers-options = Default options
printers-jobs-heading = Jobs
printers-location = Location
printers-address = Address
printers-model = Model
printers-dismiss = Dismiss
printers-ink-heading = Ink and toner
printers-ink-level = { $marker }: { $percent } %
printers-waste-level = { $marker }: { $percent } % space left
printers-ink-unknown = { $marker }: level unknown
printers-ink-none = The printer does not report its ink or toner levels.

## Printer states and their reasons, in plain words.
printers-state-idle = Ready
printers-state-printing = Printing
printers-state-stopped = Paused
printers-state-not-accepting = Not accepting new jobs
printers-reason-media-empty = Out of paper.
printers-reason-media-jam = Paper jam.
printers-reason-media-low = Paper is running low.
printers-reason-offline = The printer is offline.
printers-reason-toner-low = Toner is low.
printers-reason-toner-empty = Out of toner.
printers-reason-marker-low = Ink is low.
printers-reason-marker-empty = Out of ink.
printers-reason-waste-full = The waste ink or toner container is full.
printers-reason-cover-open = A cover is open.
printers-reason-door-open = A door is open.
printers-reason-tray-missing = A paper tray is missing.
printers-reason-output-full = The output tray is full.
printers-reason-shutdown = The printer is switched off.
printers-reason-missing-filter = A program needed to print on this printer is missing.
printers-reason-paused = Paused by an administrator.
printers-reason-connecting = Connecting to the printer…
printers-reason-other = The printer reports “{ $reason }”.

## Jobs.
printers-jobs-none = No jobs are waiting.
printers-job-title-unknown = Untitled document
printers-job-private = Another person's document
printers-job-line = { $title } — { $owner }
printers-job-pages = { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}
printers-job-pending = Waiting
printers-job-held = On hold
printers-job-processing = Printing
printers-job-stopped = Stopped
printers-job-canceled = Cancelled
printers-job-aborted = Failed
printers-job-completed = Printed
printers-job-cancel = Cancel
printers-job-hold = Hold
printers-job-release = Release
printers-jobs-cancel-mine = Cancel all my jobs

## Options (the printer's own defaults).
printers-option-media = Paper size
printers-option-sides = Two-sided
printers-sides-one = One-sided
printers-sides-long = Two-sided, long edge (book)
printers-sides-short = Two-sided, short edge (notepad)
printers-option-color = Colour
printers-color-color = Colour
printers-color-monochrome = Black and white
printers-color-auto = Automatic
printers-option-quality = Quality
printers-quality-draft = Draft
printers-quality-normal = Normal
printers-quality-high = High

## Adding a printer.
printers-add-heading = Add a printer
printers-add-close = Close
printers-add-searching = Looking for printers on the network…
printers-add-none-found = No printer was found on the network yet. You can add one by its address.
printers-add-discovery-unavailable = Printers on the network cannot be looked for: the discovery service (Avahi) is not running. You can still add one by its address.
printers-add-found = { $host } ({ $address })
printers-add-discovery-failed = Looking for printers on the network failed.
printers-add-this = Add
printers-add-added = Already added
printers-add-needs-driver = Needs a driver that Ferrum does not have: only driverless printers (IPP Everywhere, AirPrint) can be added.
printers-add-by-address = Add by address
printers-add-address-field = Address (ipp://, ipps:// or a host name)
printers-add-address-button = Add
printers-added = { $printer } was added.

## Address mistakes, said before CUPS is asked.
printers-address-empty = Type the printer's address.
printers-address-scheme = Only ipp:// and ipps:// addresses (or a host name) can be used.
printers-address-host = “{ $host }” is not a valid host name or IP address.
printers-address-port = The port must be a number from 1 to 65535.
printers-address-spaces = An address cannot contain spaces.
printers-address-path = The part after the host is not a valid printer path.

## Name mistakes.
printers-name-empty = Type a name for the printer.
printers-name-invalid = A printer's name cannot contain spaces, “/” or “#”, and is at most 127 characters.
printers-name-too-long = A printer's name can be at most 127 characters.

## Failures.
printers-not-running = The printing service is not running
    .body = CUPS is not running. The page shows the printers again as soon as it is back.
printers-unreadable = The printers cannot be read
printers-error-not-running = The printing service (CUPS) is not running.
printers-error-not-authorized = An administrator did not allow it; nothing was changed.
printers-error-helper-missing = The printer administration service (cups-pk-helper) is not available.
printers-error-timeout = The printing service did not answer in time.
printers-error-refused = CUPS refused: { $message }
printers-error-not-found = The printer or job no longer exists.
printers-error-bad-answer = The printing service gave an answer that could not be read.
printers-error-unreachable = The printing service could not be reached.
printers-error-bus = The system bus did not carry the request.
printers-failed-add = Could not add { $printer }.
printers-failed-remove = Could not remove { $printer }.
printers-failed-default = Could not make { $printer } the default.
printers-failed-pause = Could not pause { $printer }.
printers-failed-resume = Could not resume { $printer }.
printers-failed-accepting = Could not change whether { $printer } accepts jobs.
printers-failed-rename = Could not rename { $printer }.
printers-failed-test-page = Could not print a test page on { $printer }.
printers-failed-option = Could not change the options of { $printer }.
printers-failed-job = Could not change the job “{ $job }”.
