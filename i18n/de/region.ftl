## Die Seite „Region und Sprache“: die Sprache der Person und des Rechners, die Formate mit
## Vorschau, die Tastaturbelegungen des Rechners.

region-title = Region und Sprache
    .keywords = Sprache;Region;Gebietsschema;Locale;Formate;Datumsformat;Zahlenformat;Maßeinheiten;metrisch;Papier;A4;Letter;Tastatur;Tastaturbelegung;Belegung;Eingabe;Übersetzung

region-not-running = Der Sprachdienst läuft nicht
    .body = Die Sprache des Anmeldebildschirms, die Formate und die Tastatur kommen von systemd-localed. Diese Seite zeigt sie von selbst, sobald er läuft.
region-unreadable = Die Einstellungen des Sprachdienstes können nicht gelesen werden

region-language-heading = Sprache
region-person-language = Ihre Sprache
    .desc = Apps und der Desktop verwenden sie ab Ihrer nächsten Anmeldung.
region-person-unset = Nicht gewählt: die Sprache des Anmeldebildschirms
region-person-unavailable = Die Sprache Ihres Kontos kann gerade nicht gelesen werden.
region-machine-language = Anmeldebildschirm und neue Konten
    .desc = Die Sprache des Anmeldebildschirms und aller, die keine gewählt haben. Zum Ändern ist ein Administrator nötig.
region-unset = Nicht festgelegt
region-change = Ändern…
region-close = Liste schließen

region-formats-heading = Formate
region-formats = Datum, Zahlen, Maßeinheiten und Papier
    .desc = So geschrieben wie in dieser Region, für alle an diesem Rechner. Zum Ändern ist ein Administrator nötig.
region-preview = Vorschau
region-preview-date = Datum
region-preview-short-date = Datum in Ziffern
region-preview-number = Zahl
region-preview-measurement = Maßeinheiten
region-preview-paper = Papier
region-preview-name = Vorschau: { $date }; { $short }; { $number }; { $measurement }; { $paper }
region-measurement-metric = Metrisch
region-measurement-us = US-Einheiten (Zoll, Pfund)
region-paper-a4 = A4
region-paper-letter = US-Letter

region-keyboard-heading = Tastaturbelegungen
region-keyboard-explained = Der Anmeldebildschirm und neue Sitzungen beginnen mit diesen Belegungen; die erste gilt zuerst. Zum Ändern ist ein Administrator nötig.
region-keyboard-none = Keine Belegung festgelegt: die Tastatur ist Englisch (US).
region-layout-first = Zuerst verwenden
region-layout-remove = Entfernen
region-layout-add = Belegung hinzufügen…

region-picker-title = Tastaturbelegung hinzufügen
region-picker-search = Belegungen suchen
region-picker-loading = Die Tastaturbelegungen werden gelesen…
region-picker-none = Keine Belegung passt zu „{ $query }“.
region-picker-more = Weitere Belegungen passen: Geben Sie mehr vom Namen ein.
region-cancel = Abbrechen

region-changing-person = Ihre Sprache wird auf { $language } gesetzt…
region-changing-language = Die Sprache des Anmeldebildschirms wird auf { $language } gesetzt…
region-changing-formats = Die Formate werden auf die von { $language } gesetzt…
region-changing-keyboard = Die Tastaturbelegungen werden gesetzt…

region-error-person-refused = Ihre Sprache wurde nicht geändert: Ihr Konto hat es nicht erlaubt.
region-error-language-refused = Die Sprache des Anmeldebildschirms wurde nicht geändert: Ein Administrator hat es nicht erlaubt.
region-error-formats-refused = Die Formate wurden nicht geändert: Ein Administrator hat es nicht erlaubt.
region-error-keyboard-refused = Die Tastaturbelegungen wurden nicht geändert: Ein Administrator hat es nicht erlaubt.
region-error-invalid = Die Änderung wurde abgelehnt: Dieser Rechner kennt diese Sprache oder Belegung nicht.
region-error-no-account = Ihre Sprache wurde nicht geändert: Der Kontendienst kennt Ihr Konto nicht.
region-error-accounts-gone = Ihre Sprache wurde nicht geändert: Der Kontendienst läuft nicht.
region-error-gone = Nichts wurde geändert: Der Sprachdienst läuft nicht.
region-error-no-answer = Der Sprachdienst hat nicht geantwortet. Die Änderung wurde vielleicht nicht vorgenommen; die Seite zeigt, was der Dienst sagt, sobald er antwortet.
region-error-failed = Die Änderung ist fehlgeschlagen; nichts wurde geändert.
