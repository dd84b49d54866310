## The Date & Time page: the clock, automatic time, the time zone, the 24-hour clock.

date-time-title = Datum & Uhrzeit
    .keywords = Datum;Uhrzeit;Zeit;Uhr;Zeitzone;Zone;NTP;automatische Zeit;Netzwerkzeit;24-Stunden;12-Stunden;UTC;Kalender;date;time;clock;time zone;timezone

date-time-not-running = Der Zeitdienst läuft nicht
    .body = Die Einstellungen für Datum und Uhrzeit kommen von systemd-timedated. Diese Seite zeigt sie von selbst, sobald er läuft.
date-time-unreadable = Die Einstellungen des Zeitdienstes können nicht gelesen werden

# The live clock as a screen reader hears it.
date-time-clock-name = { $time }, { $date }
# The machine's zone with its offset: "Berlin (Europe), UTC+01:00".
date-time-zone-line = { $zone }, { $offset }
date-time-utc = UTC
# $offset is written with its sign: "+01:00", "−03:30".
date-time-offset = UTC{ $offset }

date-time-time-heading = Uhrzeit
date-time-automatic = Datum und Uhrzeit automatisch
    .desc = Von den Zeitservern des Netzwerks gestellt.
date-time-automatic-synchronized = Von den Zeitservern des Netzwerks gestellt; die Uhr ist synchronisiert.
date-time-automatic-unavailable = Automatische Zeit ist nicht verfügbar: Auf diesem Computer ist kein Dienst zur Zeitsynchronisierung installiert.
date-time-turning-automatic-on = Automatische Zeit wird eingeschaltet …
date-time-turning-automatic-off = Automatische Zeit wird ausgeschaltet …

date-time-manual-open = Datum und Uhrzeit einstellen …
date-time-manual-title = Datum und Uhrzeit einstellen
date-time-manual-hint = Die Uhrzeit gilt in der Zeitzone dieses Computers, im 24-Stunden-Format.
date-time-manual-date = Datum (Jahr-Monat-Tag)
date-time-manual-time = Uhrzeit (Stunden:Minuten)
date-time-manual-set = Einstellen
date-time-setting-time = Die Uhr wird gestellt …
date-time-manual-date-form = Schreiben Sie das Datum als Jahr-Monat-Tag, zum Beispiel 2026-12-07.
date-time-manual-no-such-day = Diesen Tag gibt es nicht. Prüfen Sie Monat und Tag.
date-time-manual-year-range = Wählen Sie ein Jahr von 1970 bis 2199.
date-time-manual-time-form = Schreiben Sie die Uhrzeit als Stunden:Minuten, zum Beispiel 14:05.
date-time-manual-no-such-time = Diese Uhrzeit gibt es nicht. Stunden gehen von 0 bis 23, Minuten von 0 bis 59.
date-time-cancel = Abbrechen

date-time-zone-heading = Zeitzone
date-time-zone-change = Zeitzone ändern …
date-time-changing-zone = Die Zeitzone wird auf { $zone } geändert …
date-time-picker-title = Zeitzone wählen
date-time-picker-search = Nach Stadt, Region oder Land suchen
date-time-picker-loading = Die Zeitzonen werden gelesen …
date-time-picker-none = Keine Zeitzone passt zu „{ $query }“.
date-time-picker-more = Weitere Zeitzonen passen: Geben Sie mehr vom Namen ein, um die Liste einzugrenzen.
# A zone's local time now, what a screen reader hears after the zone.
date-time-picker-local = Ortszeit { $time }

date-time-clock-heading = Uhr
date-time-24-hour = 24-Stunden-Uhr
    .desc = 14:00 statt 2:00 PM. Ihre eigene Wahl; die Uhr des Computers ändert sich dadurch nicht.

date-time-error-zone-refused = Die Zeitzone wurde nicht geändert: Eine Administratorin oder ein Administrator hat es nicht erlaubt.
date-time-error-automatic-refused = Die automatische Zeit wurde nicht geändert: Eine Administratorin oder ein Administrator hat es nicht erlaubt.
date-time-error-time-refused = Die Uhr wurde nicht gestellt: Eine Administratorin oder ein Administrator hat es nicht erlaubt.
date-time-error-unknown-zone = Dieser Computer kennt die Zeitzone { $zone } nicht.
date-time-error-gone = Der Zeitdienst wurde beendet, bevor die Änderung vorgenommen wurde. Nichts wurde geändert; versuchen Sie es erneut.
date-time-error-no-answer = Der Zeitdienst hat nicht geantwortet. Die Änderung wurde vielleicht nicht vorgenommen; die Seite zeigt, was der Dienst meldet, sobald er antwortet.
date-time-error-automatic-on = Die Uhr kann nicht von Hand gestellt werden, solange die automatische Zeit eingeschaltet ist.
date-time-error-skipped = { $time } gibt es in dieser Zeitzone nicht (die Uhren springen darüber). Wählen Sie eine andere Uhrzeit.
date-time-error-failed = Die Änderung wurde nicht vorgenommen: Der Zeitdienst hat einen Fehler gemeldet.
