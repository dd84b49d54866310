# Die Bluetooth-Seite.
bluetooth-title = Bluetooth
    .keywords = Bluetooth;drahtlos;kabellos;koppeln;Kopplung;pairing;Gerät;Geräte;Headset;Kopfhörer;Ohrhörer;Lautsprecher;Tastatur;Maus;Controller;Handy;Telefon;Adapter;sichtbar;bluetooth;headset;pair;wireless

bluetooth-not-running = Bluetooth läuft nicht
    .body = Der Bluetooth-Dienst (bluetoothd) läuft nicht. Diese Seite aktualisiert sich von selbst, sobald er startet.
bluetooth-no-adapter = Kein Bluetooth-Adapter
    .body = Dieser Computer hat keinen Bluetooth-Adapter, oder er ist ausgeschaltet. Stecken Sie einen ein oder schalten Sie ihn ein: Er erscheint hier von selbst.
bluetooth-no-answer = Bluetooth antwortet nicht
    .body = Der Bluetooth-Dienst läuft, hat aber nicht rechtzeitig geantwortet. Diese Seite aktualisiert sich von selbst, sobald er wieder antwortet.
bluetooth-unreadable = Bluetooth konnte nicht gelesen werden
    .body = { $detail }. Diese Seite versucht es von selbst erneut.

# Der Adapter.
bluetooth-adapter-heading = Dieser Computer
bluetooth-adapter-choice = Bluetooth-Adapter
bluetooth-adapter-name = { $name } ({ $id })
bluetooth-adapter-address = Adresse { $address }
bluetooth-power = Bluetooth
bluetooth-power-on = Ein: Geräte können sich mit diesem Computer verbinden.
bluetooth-power-off = Aus: Kein Gerät kann sich verbinden.
bluetooth-power-turning-on = Wird eingeschaltet …
bluetooth-power-turning-off = Wird ausgeschaltet …
bluetooth-visible-as = Sichtbar als
bluetooth-alias-save = Namen speichern
bluetooth-saving = Wird gespeichert …
bluetooth-discoverable = Solange diese Seite geöffnet ist, können Geräte in der Nähe diesen Computer als „{ $name }“ finden.
bluetooth-discoverable-soon = Solange diese Seite geöffnet ist, können Geräte in der Nähe diesen Computer finden.
bluetooth-discoverable-off = Schalten Sie Bluetooth ein, damit Geräte in der Nähe diesen Computer finden.
bluetooth-address = Adresse
bluetooth-name-empty = Geben Sie einen Namen ein: Er darf nicht leer sein.
bluetooth-name-too-long = Ein Name darf höchstens { $max } Byte lang sein (Buchstaben mancher Schriften belegen zwei oder drei); dieser hat { $bytes }. Bitte kürzen.

# Die Geräte.
bluetooth-my-devices = Meine Geräte
bluetooth-nearby = Geräte in der Nähe
bluetooth-no-paired = Noch ist kein Gerät mit diesem Computer gekoppelt.
bluetooth-searching = Suche nach Geräten …
bluetooth-searching-note = Solange diese Seite geöffnet ist, wird nach weiteren Geräten gesucht.
bluetooth-no-nearby = Keine weiteren Geräte in der Nähe.
bluetooth-off-nearby = Schalten Sie Bluetooth ein, um Geräte in der Nähe zu finden.

bluetooth-kind-headset = Headset
bluetooth-kind-headphones = Kopfhörer
bluetooth-kind-speaker = Lautsprecher
bluetooth-kind-keyboard = Tastatur
bluetooth-kind-mouse = Maus
bluetooth-kind-gamepad = Gamecontroller
bluetooth-kind-phone = Telefon
bluetooth-kind-computer = Computer
bluetooth-kind-tablet = Grafiktablett
bluetooth-kind-watch = Uhr
bluetooth-kind-printer = Drucker
bluetooth-kind-camera = Kamera
bluetooth-kind-other = Gerät

bluetooth-signal-strong = Starkes Signal
bluetooth-signal-fair = Mittleres Signal
bluetooth-signal-weak = Schwaches Signal
bluetooth-state-connected = Verbunden
bluetooth-state-paired = Gekoppelt
bluetooth-state-trusted = Vertrauenswürdig
bluetooth-state-blocked = Blockiert
bluetooth-battery = Akku { $percent } %

bluetooth-busy-pairing = Wird gekoppelt …
bluetooth-busy-connecting = Wird verbunden …
bluetooth-busy-disconnecting = Wird getrennt …
bluetooth-busy-forgetting = Wird entfernt …
bluetooth-busy-blocking = Wird blockiert …
bluetooth-busy-unblocking = Blockierung wird aufgehoben …
bluetooth-busy-renaming = Wird umbenannt …

bluetooth-pair = Koppeln
bluetooth-connect = Verbinden
bluetooth-disconnect = Trennen
bluetooth-details-show = Details
bluetooth-details-hide = Details ausblenden
bluetooth-forget = Entfernen
bluetooth-block = Blockieren
bluetooth-unblock = Blockierung aufheben
bluetooth-rename = Umbenennen
bluetooth-rename-label = Name
bluetooth-rename-save = Speichern
bluetooth-cancel = Abbrechen
bluetooth-dismiss = Schließen
bluetooth-sound-settings = Toneinstellungen
bluetooth-kind = Art
bluetooth-services = Dienste
bluetooth-services-none = Keine gemeldet
bluetooth-own-name = Eigener Name
bluetooth-forget-question = „{ $name }“ entfernen?
    .body = Dieser Computer löscht die Kopplung. Um das Gerät wieder zu verwenden, koppeln Sie es erneut.

bluetooth-service-audio-sink = Audiowiedergabe
bluetooth-service-audio-source = Audioquelle
bluetooth-service-headset = Anrufe (Headset)
bluetooth-service-remote-control = Mediensteuerung
bluetooth-service-input = Eingabe (Tastatur, Maus)
bluetooth-service-battery = Akkustand
bluetooth-service-file-transfer = Dateiübertragung
bluetooth-service-network = Netzwerkfreigabe
bluetooth-service-serial-port = Serielle Schnittstelle
bluetooth-service-phone-book = Kontakte
bluetooth-service-messages = Nachrichten
bluetooth-service-other = Dienst { $uuid }

# Der Kopplungsdialog.
bluetooth-pairing-title = Kopplung mit „{ $name }“
bluetooth-ask-pin = Geben Sie die PIN von „{ $name }“ ein (1 bis 16 Zeichen). Sie steht in der Anleitung des Geräts oder wird darauf angezeigt.
bluetooth-ask-passkey = Geben Sie den sechsstelligen Schlüssel ein, den „{ $name }“ anzeigt.
bluetooth-ask-display = Tippen Sie { $code } auf „{ $name }“ ein und drücken Sie dann die Eingabetaste.
bluetooth-display-progress = { $entered } von 6 Ziffern auf dem Gerät eingegeben
bluetooth-ask-confirm = Zeigt „{ $name }“ { $code } an? Bestätigen Sie nur, wenn dort dieselbe Zahl steht.
bluetooth-ask-authorize = „{ $name }“ möchte sich mit diesem Computer koppeln. Zulassen?
bluetooth-ask-authorize-service = „{ $name }“ möchte { $service } auf diesem Computer nutzen. Zulassen?
bluetooth-pin-label = PIN
bluetooth-passkey-label = Schlüssel
bluetooth-confirm = Bestätigen
bluetooth-allow = Zulassen
bluetooth-deny = Ablehnen
bluetooth-pin-empty = Geben Sie die PIN ein.
bluetooth-pin-too-long = Eine PIN hat höchstens 16 Zeichen.
bluetooth-pin-not-printable = Eine PIN darf keine Steuerzeichen enthalten.
bluetooth-passkey-not-digits = Der Schlüssel ist die bis zu sechsstellige Zahl, die das Gerät anzeigt.
bluetooth-request-ended = „{ $name }“ wartet nicht mehr auf eine Antwort: Die Kopplung wurde am Gerät abgebrochen, oder niemand hat rechtzeitig geantwortet.

# Fehlgeschlagene Befehle; der Grund von BlueZ folgt.
bluetooth-error-with-reason = { $sentence } BlueZ meldet: { $reason }
bluetooth-error-power-on = Bluetooth konnte nicht eingeschaltet werden.
bluetooth-error-power-off = Bluetooth konnte nicht ausgeschaltet werden.
bluetooth-error-alias = Der Name, unter dem dieser Computer sichtbar ist, konnte nicht geändert werden.
bluetooth-error-pair = „{ $name }“ konnte nicht gekoppelt werden.
bluetooth-error-connect = Verbindung mit „{ $name }“ fehlgeschlagen.
bluetooth-error-disconnect = „{ $name }“ konnte nicht getrennt werden.
bluetooth-error-forget = „{ $name }“ konnte nicht entfernt werden.
bluetooth-error-block = „{ $name }“ konnte nicht blockiert werden.
bluetooth-error-unblock = Die Blockierung von „{ $name }“ konnte nicht aufgehoben werden.
bluetooth-error-rename = „{ $name }“ konnte nicht umbenannt werden.
bluetooth-error-not-running = Der Bluetooth-Dienst wurde beendet.
bluetooth-error-no-adapter = Der Bluetooth-Adapter ist nicht mehr da.
bluetooth-error-no-answer = Der Bluetooth-Dienst hat nicht rechtzeitig geantwortet.
bluetooth-error-blocked = Der Bluetooth-Adapter ist ausgeschaltet oder blockiert.
bluetooth-error-not-permitted = Sie dürfen diese Bluetooth-Einstellung nicht ändern.
bluetooth-error-busy = „{ $name }“ bearbeitet gerade eine andere Anfrage; versuchen Sie es gleich noch einmal.
bluetooth-error-not-found = „{ $name }“ ist diesem Computer nicht mehr bekannt.
bluetooth-error-not-supported = Das Gerät oder der Adapter kann das nicht.
bluetooth-error-nothing-to-connect = „{ $name }“ bietet nichts an, womit sich dieser Computer verbinden kann; es bleibt gekoppelt.
bluetooth-error-rejected = „{ $name }“ hat die Kopplung abgelehnt.
bluetooth-error-auth-failed = Die Kopplung mit „{ $name }“ ist fehlgeschlagen: Die Codes stimmten nicht überein.
bluetooth-error-canceled = Die Kopplung mit „{ $name }“ wurde abgebrochen.
bluetooth-error-auth-timeout = „{ $name }“ hat während der Kopplung nicht rechtzeitig geantwortet.
