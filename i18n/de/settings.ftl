## Ferrum Settings: the window, its sidebar and search

app-title = Einstellungen
search-placeholder = Einstellungen durchsuchen
search-label = Einstellungen durchsuchen
search-no-results = Keine Einstellungen passen zu „{ $query }“.
theme-toggle-dark = Dunkler Stil
theme-toggle-light = Heller Stil
unknown-panel = Es gibt keine Einstellungsseite namens „{ $panel }“. Stattdessen wird „{ $fallback }“ angezeigt.
unknown-panel-detail = Bekannte Seiten: { $known }

## The one error surface every page shares

error-details-show = Details
error-details-hide = Details verbergen
error-copy = Details kopieren
error-dismiss = Schließen
control-about = { $control }: { $subject }

## Service states shared by every page

service-loading = Wird geladen …
service-bus-unreachable = Der Systemnachrichtenbus ist nicht erreichbar, daher können Einstellungen weder gelesen noch geändert werden. Erneuter Versuch …

## Power page

power-title = Energie
    .keywords = Energie;Strom;Akku;Batterie;Energieprofil;Profil;Leistung;Ausgeglichen;Energiesparen;Laden;Akkuzustand;Modus;Netzteil;angeschlossen;power;battery;performance;ac
power-mode-heading = Energiemodus
profile-performance = Leistung
    .desc = Hohe Leistung und hoher Energieverbrauch.
profile-balanced = Ausgeglichen
    .desc = Normale Leistung und normaler Energieverbrauch.
profile-power-saver = Energiesparen
    .desc = Reduzierte Leistung und niedriger Energieverbrauch.
profile-unknown = { $name }
    .desc = Ein Energiemodus, den dieser Rechner anbietet.
profile-driver = Treiber: { $driver }
profile-switching = Wird umgeschaltet …
degraded-lap-detected = Der Leistungsmodus ist vorübergehend eingeschränkt, weil der Rechner auf dem Schoß liegt.
degraded-high-temperature = Der Leistungsmodus ist vorübergehend eingeschränkt, weil der Rechner zu heiß ist.
degraded-other = Der Leistungsmodus ist vorübergehend eingeschränkt ({ $reason }).
holds-heading = Von Anwendungen angefordert
hold-row = { $app } fordert „{ $profile }“ an: { $reason }
hold-row-no-reason = { $app } fordert „{ $profile }“ an
power-profiles-unavailable = Energiemodi sind nicht verfügbar
    .body = Der Energieprofil-Dienst (power-profiles-daemon) läuft nicht. Diese Seite aktualisiert sich von selbst, sobald er startet.
power-profiles-failed = Die Energiemodi konnten nicht gelesen werden.
power-profile-not-authorized = Sie sind nicht berechtigt, den Energiemodus zu ändern.
power-profile-not-offered = Dieser Rechner bietet den Modus „{ $profile }“ nicht an.
power-profile-service-gone = Der Energiemodus konnte nicht geändert werden, weil der Energieprofil-Dienst beendet wurde.
power-profile-failed = Der Energiemodus konnte nicht geändert werden.
power-profile-no-answer = power-profiles-daemon hat nicht rechtzeitig geantwortet. Die Seite zeigt den zuletzt gemeldeten Energiemodus und folgt jeder späteren Änderung.

## Battery section of the Power page

battery-heading = Akku
battery-percent = { $percent } %
battery-name = { $vendor } { $model }
battery-name-unknown = Akku
battery-state-charging = Wird geladen
battery-state-discharging = Akkubetrieb
battery-state-empty = Leer
battery-state-fully-charged = Vollständig geladen
battery-state-pending-charge = Lädt nicht
battery-state-pending-discharge = Wartet auf Entladen
battery-state-unknown = Zustand unbekannt
battery-time-to-empty = Noch { $time }
battery-time-to-full = Vollständig geladen in { $time }
duration-hours-minutes = { $hours } Std. { $minutes } Min.
duration-minutes = { $minutes } Min.
battery-health = Zustand
battery-health-value = { $percent } % der Nennkapazität ({ $full } Wh von { $design } Wh)
battery-cycles = { $cycles ->
    [one] { $cycles } Ladezyklus
   *[other] { $cycles } Ladezyklen
}
battery-rate = { $watts } W
power-source = Stromquelle
power-source-ac = Am Netz
power-source-battery = Akkubetrieb
no-batteries = Dieser Rechner hat keinen Akku.
upower-unavailable = Akkuinformationen sind nicht verfügbar
    .body = Der Energieinformationsdienst (UPower) läuft nicht. Diese Seite aktualisiert sich von selbst, sobald er startet.
upower-failed = Die Akkuinformationen konnten nicht gelesen werden.

## About page

about-title = Info
    .keywords = Info;Über;System;Version;Kernel;Rechnername;Gerätename;Speicher;Arbeitsspeicher;Prozessor;Betriebssystem;Informationen;about;hostname;memory;cpu;os
about-os = Betriebssystem
about-kernel = Kernel
about-hostname = Gerätename
about-processor = Prozessor
about-memory = Arbeitsspeicher
about-memory-value = { $gib } GiB
about-unknown = Unbekannt
about-read-failed = Die Systeminformationen konnten nicht gelesen werden.
about-network-name = Netzwerkname
about-rename = Umbenennen …
about-rename-unavailable = Der Computer kann nicht umbenannt werden: Der Rechnernamen-Dienst läuft nicht.
about-rename-title = Diesen Computer umbenennen
about-rename-hint = Den Gerätenamen sehen andere, zum Beispiel über Bluetooth. Der Netzwerkname kennzeichnet den Computer in Netzwerken; er folgt dem Gerätenamen, bis Sie ihn ändern.
about-rename-pretty = Gerätename
about-rename-static = Netzwerkname
about-rename-save = Umbenennen
about-rename-cancel = Abbrechen
about-renaming = Der Computer wird umbenannt …
about-rename-pretty-empty = Geben Sie einen Gerätenamen ein.
about-rename-pretty-control = Der Gerätename darf keine Tabulatoren oder Zeilenumbrüche enthalten.
about-rename-pretty-long = Der Gerätename ist zu lang. Wählen Sie einen kürzeren Namen.
about-rename-static-empty = Geben Sie einen Netzwerknamen ein.
about-rename-static-characters = Der Netzwerkname darf nur die Buchstaben a bis z, Ziffern und Bindestriche enthalten.
about-rename-static-long = Der Netzwerkname darf höchstens 64 Zeichen lang sein.
about-rename-static-hyphen = Der Netzwerkname darf nicht mit einem Bindestrich beginnen oder enden.
about-rename-refused = Der Name wurde nicht geändert: Eine Administratorin oder ein Administrator hat es nicht erlaubt.
about-rename-gone = Der Name wurde nicht geändert: Der Rechnernamen-Dienst läuft nicht.
about-rename-no-answer = Der Rechnernamen-Dienst hat nicht geantwortet. Der Name wurde vielleicht nicht geändert; die Seite zeigt, was der Dienst meldet, sobald er antwortet.
about-rename-invalid = Der Rechnernamen-Dienst hat diesen Namen nicht angenommen.
about-rename-failed = Der Name konnte nicht geändert werden.
about-rename-partial = Der Gerätename wurde geändert, der Netzwerkname aber nicht. Die Seite zeigt die Namen, die der Computer jetzt hat.

## Accessibility page

a11y-title = Barrierefreiheit
    .keywords = Barrierefreiheit;Bedienungshilfen;Bildschirmleser;Sprachausgabe;Sprache;Stimme;Kontrast;Textgröße;großer Text;Vergrößerung;Zoom;Bewegung;Animation;Tastatur;accessibility;a11y;screen reader;orca
a11y-seeing-heading = Sehen
a11y-hearing-heading = Hören und Sprechen
a11y-high-contrast = Hoher Kontrast
    .desc = Kräftigere Farben und Umrisse, die sich leichter voneinander unterscheiden lassen.
a11y-text-scale = Textgröße
    .desc = Vergrößert Text und Bedienelemente.
a11y-text-scale-value = { $percent } %
a11y-reduced-motion = Bewegung reduzieren
    .desc = Schaltet Animationen und Bewegungseffekte ab.
a11y-self-voicing = Fokussiertes Element vorlesen
    .desc = Liest jedes Bedienelement vor, sobald es den Tastaturfokus erhält, ohne separaten Bildschirmleser.
a11y-speech-unavailable = Sprachausgabe ist nicht verfügbar: Der Sprachdienst (speech-dispatcher) läuft nicht.
a11y-preferences-not-saved = Ihre Barrierefreiheitseinstellungen konnten nicht gespeichert werden; sie gelten, bis Sie die Einstellungen schließen.
a11y-preferences-invalid = Ihre gespeicherten Barrierefreiheitseinstellungen konnten nicht gelesen werden, daher werden die Standardwerte verwendet.

## Words self-voicing and screen readers use

role-button = Knopf
role-switch = Schalter
role-check-box = Kontrollkästchen
role-radio-button = Radioknopf
role-radio-group = Auswahlgruppe
role-slider = Schieberegler
role-list-item = Listeneintrag
role-list = Liste
role-text-input = Eingabefeld
role-password-input = Passwortfeld
role-heading = Überschrift
role-label = Text
role-group = Gruppe
role-progress = Fortschrittsbalken
role-alert = Hinweis
state-on = an
state-off = aus
state-selected = ausgewählt
state-unavailable = nicht verfügbar
secret-characters = { $count ->
    [one] { $count } Zeichen
   *[other] { $count } Zeichen
}

# Started without a display (printed, one sentence).
no-display = Es kann kein Fenster angezeigt werden: Es gibt keine Wayland-Anzeige (WAYLAND_DISPLAY ist nicht gesetzt); starten Sie es aus einer Wayland-Sitzung.
no-display-socket = Es kann kein Fenster angezeigt werden: Die Wayland-Anzeige { $path } existiert nicht.

# Said when reading aloud is turned on or off.
voicing-on = Vorlesen ein
voicing-off = Vorlesen aus
upower-no-answer = UPower hat nicht rechtzeitig geantwortet, daher ist der Zustand des Akkus unbekannt.

# A percentage (a level, a volume).
percent-value = { $percent } %

# A size in bytes, kilobytes (1000 bytes), megabytes and gigabytes.
size-bytes = { $size } Bytes
size-kb = { $size } kB
size-mb = { $size } MB
size-gb = { $size } GB
