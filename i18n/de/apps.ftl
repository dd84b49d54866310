## Die Seite „Apps“: Flatpak-Apps, ihre Installation, Aktualisierung und Entfernung sowie ihre Berechtigungen.

apps-title = Apps
    .keywords = Apps;Anwendungen;Programme;Software;installieren;deinstallieren;entfernen;aktualisieren;Aktualisierung;Aktualisierungen;Berechtigungen;Rechte;Sandbox;Portal;flatpak;flathub;apps;applications;install;uninstall;remove;update;updates;permissions;store

apps-installed = Installierte Apps
apps-none-installed = Es sind keine Apps installiert.
apps-unreadable = Die installierten Apps können nicht gelesen werden
apps-installation-user = Für Sie
apps-installation-system = Für alle auf diesem Computer
apps-version = Version { $version }
apps-origin = Aus { $remote }
apps-installed-size = Belegt { $size }
apps-data-size = Ihre Daten: { $size }
apps-data-size-unknown = Ihre Daten: unbekannt
apps-being-changed = Diese App wird gerade geändert.
apps-open = Öffnen
apps-open-failed = { $app } konnte nicht geöffnet werden.
apps-permissions = Berechtigungen
apps-update = Aktualisieren
apps-remove = Entfernen
apps-close = Schließen
apps-retry = Erneut versuchen
apps-bullet = • { $line }

## Aktualisierungen

apps-check = Nach Aktualisierungen suchen
apps-update-all = Alle aktualisieren
apps-updates-checking = Es wird nach Aktualisierungen gesucht …
apps-updates-count = { $count ->
    [0] Alle Apps sind aktuell.
    [one] Eine Aktualisierung ist verfügbar.
   *[other] { $count } Aktualisierungen sind verfügbar.
}
apps-updates-failed = Die Suche nach Aktualisierungen ist fehlgeschlagen. { $reason }
apps-update-available = Eine Aktualisierung ist verfügbar.
apps-update-wider = Eine Aktualisierung ist verfügbar. Sie verlangt mehr Berechtigungen.
apps-held-question = Die Aktualisierung von { $app } verlangt mehr Berechtigungen
apps-held-explain = Sie wird zurückgehalten, bis Sie zustimmen. Die neue Version verlangt:
apps-held-accept = Zustimmen und aktualisieren
apps-held-decline = Nicht jetzt

## Entfernen

apps-remove-question = { $app } entfernen?
apps-remove-explain = Die App wird von diesem Computer entfernt. Sie können sie später wieder installieren.
apps-remove-data = Auch ihre Daten löschen
    .description = Ihre Einstellungen und Dateien in ihrem eigenen Ordner werden ebenfalls gelöscht.
apps-remove-cancel = Behalten
apps-remove-confirm = Entfernen

## Eine laufende Änderung und wie sie endete

apps-job-install = { $app } wird installiert
apps-job-update = { $app } wird aktualisiert
apps-job-remove = { $app } wird entfernt
apps-step-starting = Wird gestartet …
apps-step = Schritt { $index } von { $count }: { $part ->
    [runtime] Die benötigte Laufzeitumgebung
   *[app] Die App
} wird { $kind ->
    [install] installiert
    [update] aktualisiert
   *[uninstall] entfernt
}
apps-progress = { $job }: { $percent } %.
apps-progress-bytes = { $size } heruntergeladen.
apps-queued = { $count ->
    [one] Eine weitere Änderung wartet.
   *[other] { $count } weitere Änderungen warten.
}
apps-cancel = Abbrechen
apps-cancelling = Wird abgebrochen …
apps-ended-done = { $kind ->
    [install] { $app } ist installiert.
    [update] { $app } ist aktualisiert.
   *[remove] { $app } ist entfernt.
}
apps-ended-update-running = { $app } läuft noch in der alten Version; die Aktualisierung wirkt, sobald Sie die App schließen und wieder öffnen.
apps-ended-remove-running = { $app } ist noch geöffnet und läuft weiter, bis Sie die App schließen.
apps-ended-cancelled = { $kind ->
    [install] Die Installation von { $app } wurde abgebrochen. Nichts davon wurde installiert.
    [update] Die Aktualisierung von { $app } wurde abgebrochen. Die installierte Version ist unverändert.
   *[remove] Das Entfernen von { $app } wurde abgebrochen.
}
apps-ended-failed = { $kind ->
    [install] { $app } wurde nicht installiert.
    [update] { $app } wurde nicht aktualisiert.
   *[remove] { $app } wurde nicht entfernt.
}

## Installieren

apps-install = Apps installieren
apps-search-label = In den App-Quellen suchen
apps-search = Suchen
apps-searching = Es wird gesucht …
apps-search-none = Keine App passt zu „{ $query }“.
apps-search-remote-failed = In { $remote } konnte nicht gesucht werden.
apps-details = Details
apps-already-installed = Bereits installiert
apps-download-size = Download: { $size }
apps-asks-for = Sie verlangt:
apps-install-button = Installieren

## App-Quellen

apps-remotes = App-Quellen
apps-remotes-none = Es sind keine App-Quellen eingerichtet.
apps-remote-disabled = Ausgeschaltet
apps-remote-add-title = App-Quelle hinzufügen
apps-remote-add-explain = App-Quellen veröffentlichen eine .flatpakrepo-Datei. Ihr Signaturschlüssel wird immer geprüft.
apps-remote-path = Pfad der .flatpakrepo-Datei
apps-remote-name = Name (leer: aus dem Dateinamen)
apps-remote-add = Quelle hinzufügen
apps-remote-adding = Wird hinzugefügt …
apps-remote-added = Die App-Quelle { $remote } wurde hinzugefügt.
apps-remote-error-no-path = Geben Sie den Pfad einer .flatpakrepo-Datei ein.
apps-remote-error-unreadable = Die Datei konnte nicht gelesen werden.
apps-remote-error-too-large = Die Datei ist zu groß für eine .flatpakrepo-Datei.

## Die Berechtigungen einer App

apps-permissions-title = Berechtigungen von { $app }
apps-permissions-explain = Was die App nutzen darf. Ihre Wahl gilt für diese App und nur für Sie; „Standard der App“ behält, was die App und die anderen Einstellungen vorgeben.
apps-permissions-reset = Auf die Standards der App zurücksetzen
apps-permissions-saving = Wird gespeichert …
apps-permissions-write-failed = Die Änderung wurde nicht gespeichert. { $reason }
apps-choice-default = Standard der App
apps-choice-allow = Erlauben
apps-choice-deny = Verweigern
apps-row-state = { $value } – { $source }
apps-source = { $layer ->
    [app] Standard der App
    [system-global] für alle Apps auf diesem Computer festgelegt
    [system-app] für diese App auf diesem Computer festgelegt
    [user-global] Ihre Einstellung für alle Apps
    [user-app] Ihre Einstellung für diese App
   *[none] nicht verlangt
}
apps-value-allowed = Erlaubt
apps-value-denied = Nicht erlaubt
apps-value-not-asked = Nicht erlaubt
apps-value-access = { $access ->
    [ro] Nur lesen
    [rw] Lesen und schreiben
    [create] Lesen und schreiben, wird bei Bedarf angelegt
   *[denied] Nicht erlaubt
}
apps-value-bus = { $policy ->
    [see] Darf ihn sehen
    [talk] Darf mit ihm sprechen
    [own] Darf den Namen besitzen
   *[none] Nicht erlaubt
}
apps-value-environment = Auf „{ $value }“ gesetzt
apps-perm-line = { $permission }: { $value }
apps-perm-nothing = Sie verlangt keine Berechtigungen.
apps-perm-shared = { $word ->
    [network] Das Netzwerk nutzen
    [ipc] Speicher mit anderen Programmen teilen
   *[other] „{ $word }“ mit diesem Computer teilen
}
apps-perm-socket = { $word ->
    [wayland] Fenster anzeigen
    [x11] Fenster über X11 anzeigen
    [fallback-x11] Fenster über X11 anzeigen, wenn Wayland fehlt
    [pulseaudio] Ton abspielen und aufnehmen
    [session-bus] Mit allen Programmen Ihrer Sitzung sprechen
    [system-bus] Mit allen Diensten dieses Computers sprechen
    [ssh-auth] Ihre SSH-Schlüssel verwenden
    [pcsc] Chipkarten verwenden
    [cups] Drucken
    [gpg-agent] Ihre GPG-Schlüssel verwenden
   *[other] Den Socket „{ $word }“ verwenden
}
apps-perm-device = { $word ->
    [dri] Die Grafikkarte verwenden
    [input] Eingabegeräte lesen
    [usb] USB-Geräte verwenden
    [kvm] Virtuelle Maschinen ausführen
    [shm] Speicher über /dev/shm teilen
    [all] Alle Geräte verwenden, etwa Kameras und Mikrofone
   *[other] Das Gerät „{ $word }“ verwenden
}
apps-perm-feature = { $word ->
    [devel] Werkzeuge zur Fehlersuche verwenden
    [multiarch] Programme für andere Prozessoren ausführen
    [bluetooth] Bluetooth verwenden
    [canbus] CAN-Bus-Geräte verwenden
    [per-app-dev-shm] Eigenen gemeinsamen Speicher behalten
   *[other] Die Funktion „{ $word }“ verwenden
}
apps-perm-filesystem = { $path ->
    [host] Alle Dateien auf diesem Computer
    [host-os] Die Programme und Bibliotheken des Systems
    [host-etc] Die Einstellungen des Systems
    [home] Ihr persönlicher Ordner
    [xdg-download] Ihr Ordner „Downloads“
    [xdg-documents] Ihr Ordner „Dokumente“
    [xdg-music] Ihr Ordner „Musik“
    [xdg-pictures] Ihr Ordner „Bilder“
    [xdg-videos] Ihr Ordner „Videos“
    [xdg-desktop] Ihr Ordner „Schreibtisch“
   *[other] Der Ordner { $path }
}
apps-perm-session-bus = Mit { $name } sprechen
apps-perm-system-bus = Mit dem Systemdienst { $name } sprechen
apps-perm-environment = Die Variable { $name }

## Portal-Freigaben

apps-portal-title = Auf Nachfrage erlaubt
apps-portal-none = Der App wurde auf Nachfrage noch nichts erlaubt.
apps-portal = { $permission ->
    [notifications] Benachrichtigungen anzeigen
    [background] Im Hintergrund laufen
    [camera] Die Kamera verwenden
    [microphone] Das Mikrofon verwenden
    [speakers] Ton abspielen
    [location] Ihren Standort kennen
   *[screenshot] Bildschirmfotos aufnehmen
}
apps-portal-other = { $table }: { $id }
apps-portal-state = { $granted ->
    [yes] { $permission }: erlaubt
   *[no] { $permission }: nicht erlaubt
}
apps-revoke = Widerrufen
apps-revoke-failed = Die Berechtigung konnte nicht widerrufen werden. { $reason }

## Fehler

apps-error-not-installed = Die App ist nicht installiert.
apps-error-already-installed = Die App ist bereits installiert.
apps-error-unsigned = Die App-Quelle hat keinen Signaturschlüssel, daher konnte ihr Angebot nicht geprüft werden. Sie wurde nicht hinzugefügt.
apps-error-already-exists = Eine App-Quelle mit diesem Namen gibt es bereits.
apps-error-not-found = Die App-Quelle bietet das nicht an.
apps-error-unreachable = Die App-Quelle war nicht erreichbar. Prüfen Sie, ob dieser Computer online ist.
apps-error-signature = Was die App-Quelle gesendet hat, ist nicht mit ihrem Schlüssel signiert und wurde daher abgelehnt. Es wurde nichts installiert.
apps-error-cancelled = Der Vorgang wurde abgebrochen.
apps-error-permission-denied = Das war nicht erlaubt.
apps-error-no-space = Auf dem Datenträger ist nicht genug Platz.
apps-error-app-running = Die App läuft gerade. Schließen Sie sie und versuchen Sie es erneut.
apps-error-permission-store = Der Berechtigungsspeicher läuft nicht. Versuchen Sie es gleich noch einmal.
apps-error-permission-store-hung = Der Berechtigungsspeicher hat nicht rechtzeitig geantwortet. Versuchen Sie es erneut, um zu lesen, was er gespeichert hat.
apps-error-system-helper = Der Systemdienst von Flatpak läuft nicht, daher können Apps für alle Benutzer dieses Computers gerade nicht geändert werden. Es wurde nichts geändert. Versuchen Sie es gleich noch einmal.
apps-error-worker = Flatpak funktioniert gerade nicht. Die Seite versucht es von selbst erneut.
apps-error-other = Flatpak konnte das nicht ausführen.
