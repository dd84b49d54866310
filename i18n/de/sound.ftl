# Die Seite „Ton“ (PipeWire, mit WirePlumber als Sitzungsverwalter).

sound-title = Ton
    .keywords = Ton;Audio;Sound;Klang;Lautstärke;Lautsprecher;Boxen;Kopfhörer;Headset;Mikrofon;stumm;Stummschaltung;Balance;Ausgabe;Eingabe;Pegel;laut;leise;pipewire;audio;volume;speakers;headphones;microphone;mute

## Die beiden Hauptbereiche.
sound-output-heading = Ausgabe
sound-input-heading = Eingabe
sound-no-outputs = Keine Ausgabe gefunden: Es ist keine Soundkarte, kein Headset und kein Lautsprecher angeschlossen.
sound-no-inputs = Keine Eingabe gefunden: Es ist kein Mikrofon angeschlossen.
sound-output-volume = Ausgabelautstärke
sound-output-mute = Ausgabe stummschalten
sound-input-volume = Eingabelautstärke
sound-input-mute = Mikrofon stummschalten
sound-balance = Balance
sound-balance-centre = Mittig
sound-balance-left = { $percent } % links
sound-balance-right = { $percent } % rechts
sound-output-level = Ausgabepegel
sound-input-level = Eingabepegel
sound-level-unavailable = Der Pegel kann nicht gemessen werden. { $reason }
sound-nothing-playing = Es wird nichts wiedergegeben.
sound-test = Lautsprecher testen
sound-testing = Auf jedem Lautsprecher wird nacheinander ein Ton abgespielt, zuerst links …
sound-amplify = Lauter als 100 % erlauben
    .desc = Die Lautstärke kann bis auf 150 % erhöht werden. Ton über 100 % kann verzerrt klingen.

## Anwendungen.
sound-apps-heading = Anwendungen
sound-no-streams = Keine Anwendung gibt Ton wieder oder nimmt Ton auf.
sound-stream-unnamed = Unbenannte Anwendung
sound-stream-unlinked = Noch mit keinem Gerät verbunden.
sound-stream-playing-on = Wiedergabe auf { $devices }
sound-stream-recording-from = Aufnahme von { $devices }
sound-stream-volume = Lautstärke
sound-stream-mute = Stummschalten
sound-stream-output = Wiedergeben auf
sound-stream-input = Aufnehmen von
sound-stream-follow-default-output = Die Standardausgabe ({ $device })
sound-stream-follow-default-input = Die Standardeingabe ({ $device })

## Geräte und ihre Profile.
sound-devices-heading = Geräte
sound-no-devices = Es ist keine Soundkarte und kein Headset angeschlossen.
sound-no-profiles = Für dieses Gerät stehen keine Profile zur Auswahl.
sound-profile-of = Profil von { $device }
sound-profile-off = Das Gerät wird nicht verwendet.
sound-profile-duplex = Gibt Ton wieder und nimmt über den Mikrofoneingang auf.
sound-profile-output = Nur Wiedergabe; die Eingänge werden nicht verwendet.
sound-profile-input = Nur Aufnahme; die Ausgänge werden nicht verwendet.
sound-profile-a2dp = Beste Klangqualität zum Hören; das Mikrofon des Headsets ist aus.
sound-profile-headset = Schaltet das Mikrofon des Headsets für Anrufe ein; die Klangqualität ist geringer.
sound-profile-pro-audio = Jeder Kanal einzeln, ohne Abmischung, für Studiosoftware.
sound-profile-unavailable = Derzeit ist dafür nichts eingesteckt.

## Wenn der Ton nicht angezeigt werden kann.
sound-not-running = Der Audiodienst läuft nicht
    .body = PipeWire, das Ton wiedergibt und aufnimmt, läuft nicht. Diese Seite erscheint von selbst wieder, sobald es startet.
sound-no-answer = Der Audiodienst antwortet nicht
    .body = PipeWire läuft, hat aber nicht rechtzeitig geantwortet. Diese Seite versucht es von selbst erneut.
sound-unreadable = Ton kann nicht angezeigt werden
    .body = Der Audiodienst konnte nicht gelesen werden: { $detail }
sound-no-session-manager = Audiogeräte werden nicht verwaltet
    .body = WirePlumber, das die Standardgeräte auswählt und Anwendungen mit ihnen verbindet, läuft nicht. Lautstärken lassen sich ändern; Geräte können erst ausgewählt werden, wenn es startet.

## Ein fehlgeschlagener Befehl: was, dann warum.
sound-failed-default = „{ $name }“ konnte nicht als Standard festgelegt werden.
sound-failed-volume = Die Lautstärke von „{ $name }“ konnte nicht geändert werden.
sound-failed-mute = „{ $name }“ konnte nicht stummgeschaltet oder wieder laut geschaltet werden.
sound-failed-move = „{ $name }“ konnte nicht auf ein anderes Gerät verschoben werden.
sound-failed-profile = Das Profil von „{ $name }“ konnte nicht geändert werden.
sound-failed-test = Der Lautsprechertest konnte nicht auf „{ $name }“ abgespielt werden.
sound-error-not-running = Der Audiodienst läuft nicht.
sound-error-no-session-manager = WirePlumber, der Sitzungsverwalter für Audio, läuft nicht.
sound-error-no-answer = Der Audiodienst hat nicht rechtzeitig geantwortet.
sound-error-gone = Es ist nicht mehr vorhanden (ausgesteckt oder geschlossen).
sound-error-no-profile = Das Gerät bietet dieses Profil nicht mehr an.
sound-error-unsuitable = Es kann dafür nicht verwendet werden.
sound-error-no-volume = Es hat keine Lautstärkeregelung.
sound-error-invalid-volume = Diese Lautstärke ist nicht zulässig; schalten Sie „Lauter als 100 % erlauben“ ein, um über 100 % zu gehen.
sound-error-not-permitted = Der Audiodienst hat es nicht erlaubt.
sound-error-refused = Der Audiodienst hat die Änderung abgelehnt.
sound-error-stream-failed = Der Audiostream wurde beendet (das Gerät ist möglicherweise nicht mehr da).
sound-error-local = Die Einstellungen konnten nicht mit dem Audiodienst kommunizieren.

## Added with ports and paused streams.
sound-port = Anschluss
sound-port-unplugged = Nichts ist eingesteckt.
sound-stream-paused = Pausiert
sound-failed-port = „{ $name }“ konnte nicht auf diesen Anschluss umgeschaltet werden.
sound-preferences-invalid = Die gespeicherten Toneinstellungen konnten nicht gelesen werden; die Lautstärke endet bei 100 %, bis Sie erneut wählen.
sound-preferences-not-saved = Ihre Wahl zu Lautstärken über 100 % konnte nicht gespeichert werden; sie gilt, bis die Einstellungen geschlossen werden.
