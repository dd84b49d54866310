## Die Seite „Firmware“: Geräte, die fwupd kennt, ihre Aktualisierungen und deren Installation.

firmware-title = Firmware
    .keywords = Firmware;Aktualisierung;Aktualisierungen;Update;Updates;BIOS;UEFI;fwupd;LVFS;Gerät;Webcam;Dock;Dockingstation;update;updates;device

firmware-devices = Geräte
firmware-none = Es wurden keine Geräte mit anzeigbarer Firmware gefunden.
firmware-not-running = Der Firmware-Dienst läuft nicht
    .body = Firmware-Aktualisierungen kommen von fwupd. Diese Seite zeigt seine Geräte von selbst an, sobald er läuft.
firmware-unreadable = Die Geräte des Firmware-Dienstes können nicht gelesen werden

## Ein Gerät

firmware-vendor = Hergestellt von { $vendor }
firmware-version = Version { $version }
firmware-version-unknown = Version nicht bekannt
firmware-live-usable = Es kann während der Aktualisierung verwendet werden.
firmware-live-unusable = Es kann während der Aktualisierung nicht verwendet werden.
firmware-live-reboot = Seine Aktualisierung wird beim Neustart des Computers abgeschlossen.
firmware-live-shutdown = Seine Aktualisierung wird abgeschlossen, nachdem der Computer heruntergefahren wurde.
firmware-not-updatable = Seine Firmware kann hier nicht aktualisiert werden.
firmware-up-to-date = Auf dem neuesten Stand.
firmware-state-pending = Eine Aktualisierung wartet auf den nächsten Neustart.
firmware-state-success = Die letzte Aktualisierung war erfolgreich.
firmware-state-failed = Die letzte Aktualisierung ist fehlgeschlagen: { $reason }
firmware-state-failed-plain = Die letzte Aktualisierung ist fehlgeschlagen.
firmware-state-needs-reboot = Die letzte Aktualisierung wird beim Neustart des Computers abgeschlossen.
firmware-state-failed-transient = Die letzte Aktualisierung konnte nicht ausgeführt werden. Sie kann erneut versucht werden.

## Eine verfügbare Aktualisierung

firmware-update-available = Version { $version } ist verfügbar
firmware-update-size = Größe: { $size }
firmware-urgency-low = Geringe Dringlichkeit
firmware-urgency-medium = Mittlere Dringlichkeit
firmware-urgency-high = Hohe Dringlichkeit
firmware-urgency-critical = Kritisch: bald installieren
firmware-release-notes = Neuerungen
firmware-update = Aktualisieren
firmware-update-elsewhere = Eine andere Aktualisierung wird gerade installiert.
firmware-being-updated = Diese Aktualisierung wird gerade installiert.
# fwupd installiert eine Aktualisierung, die ein anderes Programm angefordert hat.
firmware-busy-elsewhere = Ein anderes Programm aktualisiert gerade Firmware: { $step }, { $percent } %.

## Eine laufende Aktualisierung

firmware-updating = { $device } wird auf Version { $version } aktualisiert
firmware-step-downloading = Aktualisierung wird heruntergeladen
firmware-step-checking = Download wird geprüft
firmware-step-preparing = Aktualisierung wird vorbereitet
firmware-step-authorizing = Warten auf Erlaubnis
firmware-step-device-busy = Warten auf das Gerät
firmware-step-reading = Gerät wird ausgelesen
firmware-step-erasing = Alte Firmware wird gelöscht
firmware-step-writing = Firmware wird geschrieben
firmware-step-verifying = Firmware wird überprüft
firmware-step-restarting = Gerät wird neu gestartet
firmware-step-waiting-for-you = Warten auf Sie
firmware-step-working = Wird aktualisiert
# Der Name des Fortschrittsbalkens, den Bildschirmleser vorlesen.
firmware-progress = { $device }: { $step }, { $percent } %
# Wird angesagt, wenn der Schritt wechselt.
firmware-progress-step = { $device }: { $step }

## Wie eine Aktualisierung endete

firmware-done = { $device } wurde auf Version { $version } aktualisiert.
firmware-restart-needed = { $device } wird beim Neustart des Computers auf Version { $version } aktualisiert.
firmware-shutdown-needed = { $device } wird auf Version { $version } aktualisiert, nachdem der Computer heruntergefahren und wieder gestartet wurde.
firmware-failed = { $device } wurde nicht auf Version { $version } aktualisiert.
firmware-restart = Neu starten zum Abschließen
firmware-close = Schließen
firmware-restart-failed = Der Computer konnte nicht neu gestartet werden.

## Warum etwas fehlgeschlagen ist

firmware-error-offline = Dieser Computer ist offline, daher konnte die Aktualisierung nicht heruntergeladen werden.
firmware-error-untrusted = Die Identität des Download-Servers { $host } konnte nicht überprüft werden, daher wurde die Aktualisierung nicht heruntergeladen.
firmware-error-download = Die Aktualisierung konnte nicht heruntergeladen werden.
firmware-error-checksum = Die heruntergeladene Datei ist nicht die, die die Aktualisierung beschreibt, daher wurde nichts installiert.
firmware-error-no-checksum = Die Aktualisierung nennt keine Prüfsumme, mit der der Download geprüft werden könnte, daher wurde nichts installiert.
firmware-error-no-location = Die Aktualisierung gibt nicht an, wo sie heruntergeladen werden kann.
firmware-error-unsupported = Die Aktualisierung wird unter einer Adresse angeboten, von der dieser Computer nicht herunterladen kann.
firmware-error-busy = Das Gerät ist beschäftigt. Versuchen Sie es erneut, wenn es nicht verwendet wird.
firmware-error-not-authorized = Sie dürfen auf diesem Computer keine Firmware aktualisieren.
firmware-error-not-running = Der Firmware-Dienst läuft nicht.
firmware-error-stopped-during = Der Firmware-Dienst wurde während der Aktualisierung beendet. Die Geräte unten werden so angezeigt, wie er sie jetzt meldet.
firmware-error-timeout = Der Firmware-Dienst hat nicht rechtzeitig geantwortet.
firmware-error-nothing-to-do = Es gibt nichts zu installieren: Diese Version ist bereits vorhanden.
firmware-error-refused = Der Firmware-Dienst hat die Aktualisierung abgelehnt.
firmware-error-remote = Die Quelle der Aktualisierungen ist nicht verfügbar.
firmware-error-local = Beim Vorbereiten der Aktualisierung ist auf diesem Computer etwas schiefgegangen.
firmware-error-bus = Der Firmware-Dienst konnte nicht erreicht werden.

## Nach Aktualisierungen suchen

firmware-check = Nach Aktualisierungen suchen
firmware-refresh-checking = Nach Aktualisierungen wird gesucht …
firmware-refresh-last = { $days ->
    [0] Zuletzt heute nach Aktualisierungen gesucht.
    [one] Zuletzt gestern nach Aktualisierungen gesucht.
   *[other] Zuletzt vor { $days } Tagen nach Aktualisierungen gesucht.
}
firmware-refresh-never = Es wurde noch nicht nach Aktualisierungen gesucht.
firmware-refresh-metered = Bei einer getakteten Verbindung wird nicht automatisch nach Aktualisierungen gesucht. Wählen Sie „Nach Aktualisierungen suchen“, um jetzt zu suchen.
firmware-refresh-offline = Dieser Computer ist offline. Sobald er wieder online ist, wird nach Aktualisierungen gesucht.
firmware-refresh-failed = Die Suche nach Aktualisierungen ist fehlgeschlagen. { $reason }
firmware-refresh-no-remote = Es ist keine Quelle für Firmware-Aktualisierungen eingerichtet.

## fwupd bittet die Person, etwas zu tun

firmware-prompt-title = { $device } benötigt Ihre Mithilfe
firmware-request-remove-replug = Trennen Sie { $device } und schließen Sie es wieder an.
firmware-request-press-unlock = Drücken Sie die Entsperrtaste an { $device }.
firmware-request-remove-usb-cable = Ziehen Sie das USB-Kabel von { $device } ab.
firmware-request-insert-usb-cable = Schließen Sie das USB-Kabel an { $device } an.
firmware-request-do-not-power-off = Schalten Sie weder { $device } noch diesen Computer aus, bis die Aktualisierung abgeschlossen ist.
firmware-request-replug-install = Trennen Sie { $device } und schließen Sie es wieder an, um die Aktualisierung zu installieren.
firmware-request-replug-power = Trennen Sie { $device } von der Stromversorgung und schließen Sie es wieder an.
firmware-request-vendor = { $device }: { $message }
firmware-request-generic = { $device } benötigt eine Handlung von Ihnen, bevor die Aktualisierung fortgesetzt werden kann.
firmware-prompt-done = Fertig
firmware-device-unknown = Unbekanntes Gerät
