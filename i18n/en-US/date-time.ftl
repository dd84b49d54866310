## The Date & Time page: the clock, automatic time, the time zone, the 24-hour clock.

date-time-title = Date & Time
    .keywords = date;time;clock;time zone;timezone;zone;NTP;automatic time;network time;24-hour;12-hour;AM;PM;UTC;calendar

date-time-not-running = The time service is not running
    .body = Date and time settings come from systemd-timedated. This page shows them by itself as soon as it runs.
date-time-unreadable = The time service's settings cannot be read

# The live clock as a screen reader hears it.
date-time-clock-name = { $time }, { $date }
# The machine's zone with its offset: "Berlin (Europe), UTC+01:00".
date-time-zone-line = { $zone }, { $offset }
date-time-utc = UTC
# $offset is written with its sign: "+01:00", "−03:30".
date-time-offset = UTC{ $offset }

date-time-time-heading = Time
date-time-automatic = Automatic date and time
    .desc = Set from the network's time servers.
date-time-automatic-synchronized = Set from the network's time servers; the clock is synchronized.
date-time-automatic-unavailable = Automatic time is unavailable: no time synchronization service is installed on this computer.
date-time-turning-automatic-on = Turning automatic time on…
date-time-turning-automatic-off = Turning automatic time off…

date-time-manual-open = Set date and time…
date-time-manual-title = Set the date and time
date-time-manual-hint = The time is in this computer's time zone, on a 24-hour clock.
date-time-manual-date = Date (year-month-day)
date-time-manual-time = Time (hours:minutes)
date-time-manual-set = Set
date-time-setting-time = Setting the clock…
date-time-manual-date-form = Write the date as year-month-day, for example 2026-12-07.
date-time-manual-no-such-day = There is no such day. Check the month and the day.
date-time-manual-year-range = Choose a year from 1970 to 2199.
date-time-manual-time-form = Write the time as hours:minutes, for example 14:05.
date-time-manual-no-such-time = There is no such time. Hours go from 0 to 23, minutes from 0 to 59.
date-time-cancel = Cancel

date-time-zone-heading = Time zone
date-time-zone-change = Change time zone…
date-time-changing-zone = Changing the time zone to { $zone }…
date-time-picker-title = Choose a time zone
date-time-picker-search = Search by city, region or country
date-time-picker-loading = Reading the time zones…
date-time-picker-none = No time zone matches “{ $query }”.
date-time-picker-more = More time zones match: type more of the name to narrow the list.
# A zone's local time now, what a screen reader hears after the zone.
date-time-picker-local = Local time { $time }

date-time-clock-heading = Clock
date-time-24-hour = 24-hour clock
    .desc = 14:00 rather than 2:00 PM. Your own choice; it does not change the computer's clock.

date-time-error-zone-refused = The time zone was not changed: an administrator did not allow it.
date-time-error-automatic-refused = Automatic time was not changed: an administrator did not allow it.
date-time-error-time-refused = The clock was not set: an administrator did not allow it.
date-time-error-unknown-zone = This computer does not know the time zone { $zone }.
date-time-error-gone = The time service stopped before the change was made. Nothing was changed; try again.
date-time-error-no-answer = The time service did not answer. The change may not have been made; the page shows what the service says once it answers.
date-time-error-automatic-on = The clock cannot be set by hand while automatic time is on.
date-time-error-skipped = { $time } does not exist in this time zone (the clocks skip it). Choose another time.
date-time-error-failed = The change was not made: the time service reported a failure.
