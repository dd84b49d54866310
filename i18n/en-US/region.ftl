## The Region & Language page: the person's and the machine's language, the formats with a
## preview, the machine's keyboard layouts.

region-title = Region & Language
    .keywords = language;region;locale;formats;date format;number format;measurement;metric;imperial;paper;A4;letter;keyboard;layout;keymap;input;translation

region-not-running = The language service is not running
    .body = The login screen's language, the formats and the keyboard come from systemd-localed. This page shows them by itself as soon as it runs.
region-unreadable = The language service's settings cannot be read

region-language-heading = Language
region-person-language = Your language
    .desc = Apps and the desktop use it from your next login.
region-person-unset = Not chosen: the login screen's language
region-person-unavailable = Your account's language cannot be read right now.
region-machine-language = Login screen and new accounts
    .desc = The language of the login screen and of people who have not chosen one. Changing it needs an administrator.
region-unset = Not set
region-change = Change…
region-close = Close list

region-formats-heading = Formats
region-formats = Dates, numbers, measurement and paper
    .desc = Written as in this region, for everyone on this computer. Changing them needs an administrator.
region-preview = Preview
region-preview-date = Date
region-preview-short-date = Date in digits
region-preview-number = Number
region-preview-measurement = Measurement
region-preview-paper = Paper
# The preview as a screen reader hears it.
region-preview-name = Preview: { $date }; { $short }; { $number }; { $measurement }; { $paper }
region-measurement-metric = Metric
region-measurement-us = US customary (inches, pounds)
region-paper-a4 = A4
region-paper-letter = US Letter

region-keyboard-heading = Keyboard layouts
region-keyboard-explained = The login screen and new sessions start with these layouts; the first one is used first. Changing them needs an administrator.
region-keyboard-none = No layout is set: the keyboard is English (US).
region-layout-first = Use first
region-layout-remove = Remove
region-layout-add = Add a layout…

region-picker-title = Add a keyboard layout
region-picker-search = Search layouts
region-picker-loading = Reading the keyboard layouts…
region-picker-none = No layout matches “{ $query }”.
region-picker-more = More layouts match: type more of the name.
region-cancel = Cancel

# Under way; $language is the language's own name ("Deutsch").
region-changing-person = Setting your language to { $language }…
region-changing-language = Setting the login screen's language to { $language }…
region-changing-formats = Setting the formats to those of { $language }…
region-changing-keyboard = Setting the keyboard layouts…

region-error-person-refused = Your language was not changed: your account did not allow it.
region-error-language-refused = The login screen's language was not changed: an administrator did not allow it.
region-error-formats-refused = The formats were not changed: an administrator did not allow it.
region-error-keyboard-refused = The keyboard layouts were not changed: an administrator did not allow it.
region-error-invalid = The change was refused: this computer does not know that language or layout.
region-error-no-account = Your language was not changed: the account service does not know your account.
region-error-accounts-gone = Your language was not changed: the account service is not running.
region-error-gone = Nothing was changed: the language service is not running.
region-error-no-answer = The language service did not answer. The change may not have been made; the page shows what the service says once it answers.
region-error-failed = The change failed; nothing was changed.
