# Die Seite „Drucker“ (CUPS; Änderungen, die ein Administrator erlauben muss, laufen über
# cups-pk-helper und polkit; Netzwerkdrucker werden über Avahi gefunden).

printers-title = Drucker
    .keywords = Drucker;Drucken;drucken;Ausdruck;Warteschlange;Druckaufträge;Aufträge;Tinte;Toner;Papier;Patrone;Scanner;Netzwerkdrucker;printer;print;cups;ipp;airprint;driverless

## Die Liste der Drucker.
printers-none = Es wurde noch kein Drucker hinzugefügt.
printers-add = Drucker hinzufügen …
printers-default-mark = Standarddrucker
printers-set-default = Als Standard festlegen
printers-pause = Anhalten
printers-resume = Fortsetzen
printers-test-page = Testseite drucken
printers-test-page-sent = Eine Testseite wurde an { $printer } gesendet.
printers-rename = Umbenennen
printers-rename-field = Neuer Name
printers-rename-save = Speichern
printers-rename-cancel = Abbrechen
printers-remove = Entfernen
printers-remove-question = „{ $printer }“ entfernen?
printers-remove-explain = Seine wartenden Druckaufträge werden abgebrochen. Sie können ihn später erneut hinzufügen.
printers-remove-confirm = Entfernen
printers-remove-cancel = Abbrechen
printers-details = Details
printers-hide-details = Details ausblenden
printers-options = Standardeinstellungen
printers-jobs-heading = Druckaufträge
printers-location = Standort
printers-address = Adresse
printers-model = Modell
printers-dismiss = Schließen
printers-ink-heading = Tinte und Toner
printers-ink-level = { $marker }: { $percent } %
printers-waste-level = { $marker }: { $percent } % Platz frei
printers-ink-unknown = { $marker }: Füllstand unbekannt
printers-ink-none = Der Drucker meldet keine Füllstände für Tinte oder Toner.

## Druckerzustände und ihre Gründe, in einfachen Worten.
printers-state-idle = Bereit
printers-state-printing = Druckt
printers-state-stopped = Angehalten
printers-state-not-accepting = Nimmt keine neuen Druckaufträge an
printers-reason-media-empty = Kein Papier mehr.
printers-reason-media-jam = Papierstau.
printers-reason-media-low = Das Papier geht bald aus.
printers-reason-offline = Der Drucker ist nicht erreichbar.
printers-reason-toner-low = Wenig Toner.
printers-reason-toner-empty = Kein Toner mehr.
printers-reason-marker-low = Wenig Tinte.
printers-reason-marker-empty = Keine Tinte mehr.
printers-reason-waste-full = Der Behälter für Resttinte oder Resttoner ist voll.
printers-reason-cover-open = Eine Abdeckung ist offen.
printers-reason-door-open = Eine Klappe ist offen.
printers-reason-tray-missing = Ein Papierfach fehlt.
printers-reason-output-full = Das Ausgabefach ist voll.
printers-reason-shutdown = Der Drucker ist ausgeschaltet.
printers-reason-missing-filter = Ein Programm, das zum Drucken auf diesem Drucker nötig ist, fehlt.
printers-reason-paused = Von einem Administrator angehalten.
printers-reason-connecting = Verbindung zum Drucker wird hergestellt …
printers-reason-other = Der Drucker meldet „{ $reason }“.

## Druckaufträge.
printers-jobs-none = Es warten keine Druckaufträge.
printers-job-title-unknown = Unbenanntes Dokument
printers-job-private = Dokument einer anderen Person
printers-job-line = { $title } — { $owner }
printers-job-pages = { $pages ->
    [one] { $pages } Seite
   *[other] { $pages } Seiten
}
printers-job-pending = Wartet
printers-job-held = Zurückgehalten
printers-job-processing = Wird gedruckt
printers-job-stopped = Angehalten
printers-job-canceled = Abgebrochen
printers-job-aborted = Fehlgeschlagen
printers-job-completed = Gedruckt
printers-job-cancel = Abbrechen
printers-job-hold = Zurückhalten
printers-job-release = Freigeben
printers-jobs-cancel-mine = Alle meine Druckaufträge abbrechen

## Einstellungen (die eigenen Standardwerte des Druckers).
printers-option-media = Papierformat
printers-option-sides = Beidseitig
printers-sides-one = Einseitig
printers-sides-long = Beidseitig, lange Kante (Buch)
printers-sides-short = Beidseitig, kurze Kante (Block)
printers-option-color = Farbe
printers-color-color = Farbe
printers-color-monochrome = Schwarzweiß
printers-color-auto = Automatisch
printers-option-quality = Qualität
printers-quality-draft = Entwurf
printers-quality-normal = Normal
printers-quality-high = Hoch

## Einen Drucker hinzufügen.
printers-add-heading = Drucker hinzufügen
printers-add-close = Schließen
printers-add-searching = Suche nach Druckern im Netzwerk …
printers-add-none-found = Im Netzwerk wurde noch kein Drucker gefunden. Sie können einen über seine Adresse hinzufügen.
printers-add-discovery-unavailable = Im Netzwerk kann nicht nach Druckern gesucht werden: Der Suchdienst (Avahi) läuft nicht. Sie können trotzdem einen über seine Adresse hinzufügen.
printers-add-found = { $host } ({ $address })
printers-add-discovery-failed = Die Suche nach Druckern im Netzwerk ist fehlgeschlagen.
printers-add-this = Hinzufügen
printers-add-added = Bereits hinzugefügt
printers-add-needs-driver = Benötigt einen Treiber, den Ferrum nicht hat: Nur Drucker, die ohne Treiber auskommen (IPP Everywhere, AirPrint), können hinzugefügt werden.
printers-add-by-address = Über die Adresse hinzufügen
printers-add-address-field = Adresse (ipp://, ipps:// oder ein Hostname)
printers-add-address-button = Hinzufügen
printers-added = { $printer } wurde hinzugefügt.

## Fehler in der Adresse, gemeldet, bevor CUPS gefragt wird.
printers-address-empty = Geben Sie die Adresse des Druckers ein.
printers-address-scheme = Es können nur Adressen mit ipp:// und ipps:// (oder ein Hostname) verwendet werden.
printers-address-host = „{ $host }“ ist kein gültiger Hostname und keine gültige IP-Adresse.
printers-address-port = Der Port muss eine Zahl von 1 bis 65535 sein.
printers-address-spaces = Eine Adresse darf keine Leerzeichen enthalten.
printers-address-path = Der Teil nach dem Hostnamen ist kein gültiger Druckerpfad.

## Fehler im Namen.
printers-name-empty = Geben Sie einen Namen für den Drucker ein.
printers-name-invalid = Der Name eines Druckers darf keine Leerzeichen, kein „/“ und kein „#“ enthalten und höchstens 127 Zeichen lang sein.
printers-name-too-long = Der Name eines Druckers darf höchstens 127 Zeichen lang sein.

## Fehlschläge.
printers-not-running = Der Druckdienst läuft nicht
    .body = CUPS läuft nicht. Die Seite zeigt die Drucker wieder an, sobald es wieder da ist.
printers-unreadable = Die Drucker können nicht gelesen werden
printers-error-not-running = Der Druckdienst (CUPS) läuft nicht.
printers-error-not-authorized = Ein Administrator hat es nicht erlaubt; es wurde nichts geändert.
printers-error-helper-missing = Der Dienst zur Druckerverwaltung (cups-pk-helper) ist nicht verfügbar.
printers-error-timeout = Der Druckdienst hat nicht rechtzeitig geantwortet.
printers-error-refused = CUPS hat abgelehnt: { $message }
printers-error-not-found = Der Drucker oder Druckauftrag existiert nicht mehr.
printers-error-bad-answer = Der Druckdienst hat eine Antwort gegeben, die nicht gelesen werden konnte.
printers-error-unreachable = Der Druckdienst konnte nicht erreicht werden.
printers-error-bus = Der Systembus hat die Anfrage nicht übermittelt.
printers-failed-add = { $printer } konnte nicht hinzugefügt werden.
printers-failed-remove = { $printer } konnte nicht entfernt werden.
printers-failed-default = { $printer } konnte nicht als Standard festgelegt werden.
printers-failed-pause = { $printer } konnte nicht angehalten werden.
printers-failed-resume = { $printer } konnte nicht fortgesetzt werden.
printers-failed-accepting = Es konnte nicht geändert werden, ob { $printer } Druckaufträge annimmt.
printers-failed-rename = { $printer } konnte nicht umbenannt werden.
printers-failed-test-page = Auf { $printer } konnte keine Testseite gedruckt werden.
printers-failed-option = Die Einstellungen von { $printer } konnten nicht geändert werden.
printers-failed-job = Der Druckauftrag „{ $job }“ konnte nicht geändert werden.
