# Die Seite „Gerätesicherheit“: die Sicherheitsstufe des Hosts (HSI) laut fwupd und ihre
# Prüfungen sowie die eigenen Angaben dieses Computers (Secure Boot und seine Schlüssel,
# das TPM, PCR 11 im Vergleich zur signierten Vorhersage, das überprüfte Root-Dateisystem).

security-title = Gerätesicherheit
    .keywords = Sicherheit;Gerätesicherheit;Secure Boot;sicherer Start;TPM;HSI;Firmware-Sicherheit;PCR;gemessener Start;Verity;UEFI;Schlüssel;Attestierung;security;secure boot;measured boot;keys;attestation;fwupd

## Die Überschrift: die Sicherheitsstufe des Hosts laut fwupd.
security-hsi-heading = Sicherheitsstufe
security-hsi-level = Stufe { $level } von 5
security-hsi-0 = Der Firmware fehlen selbst die grundlegendsten Schutzmaßnahmen: Wer ein paar Minuten Zeit und die richtigen Werkzeuge hat, könnte verändern, was sie ausführt.
security-hsi-1 = Grundschutz: Die Firmware ist gegen die einfachsten Angriffe geschützt, aber nicht gegen jemanden, der längere Zeit physischen Zugriff hat.
security-hsi-2 = Geschützt gegen jemanden, der den Computer kurze Zeit in der Hand hat: Die Firmware kann nicht ohne Weiteres ausgelesen oder überschrieben werden.
security-hsi-3 = Auch gegen schwierigere Angriffe geschützt, einschließlich solcher, die heute größtenteils theoretisch sind.
security-hsi-4 = Geschützt gegen Angriffe, für die der Computer auseinandergenommen werden muss.
security-hsi-5 = Die höchste Stufe: Die Firmware ist geschützt, und ihr Zustand kann gegenüber anderen nachgewiesen werden.
security-hsi-runtime-issue = Das „!“ nach der Stufe: Etwas, das im laufenden Betrieb gefunden wurde, mindert das Vertrauen (siehe „Im laufenden Betrieb gefunden“ unten).
security-hsi-invalid = Keine Sicherheitsstufe
security-hsi-invalid-virtual = Dies ist eine virtuelle Maschine: Ihre Firmware ist das, was der Host bereitstellt, daher vergibt fwupd keine Stufe. Die Prüfungen und die eigenen Angaben dieses Computers unten gelten trotzdem.
security-hsi-invalid-other = fwupd kann diesem Computer keine Stufe zuweisen ({ $reason }). Die Prüfungen und die eigenen Angaben dieses Computers unten gelten trotzdem.
security-hsi-none = fwupd bewertet die Sicherheit dieser Art von Computer nicht.
security-hsi-id = Host-Sicherheitskennung: { $id }

## Die Prüfungen, nach Stufe gruppiert.
security-checks-heading = Prüfungen nach Stufe
security-level-1 = Stufe 1: kritisch
security-level-2 = Stufe 2: wichtig
security-level-3 = Stufe 3: theoretisch
security-level-4 = Stufe 4: Systemschutz
security-level-5 = Stufe 5: Systemattestierung
security-level-runtime = Im laufenden Betrieb gefunden
security-level-other = Weitere Prüfungen
security-passed = Bestanden
security-failed = Nicht bestanden
security-check-state = { $check }: { $state }, { $result }
# Das Ergebnis einer Prüfung neben ihrem Namen: „Bestanden“ oder „Nicht bestanden“, dann, was fwupd festgestellt hat.
security-check-outcome = { $state }, { $result }
security-checks-none = fwupd hat keine Prüfungen gemeldet.

## Die Ergebnisse von fwupd, in Worten.
security-result-unknown = unbekannt
security-result-enabled = an
security-result-not-enabled = aus
security-result-valid = gültig
security-result-not-valid = ungültig
security-result-locked = gesperrt
security-result-not-locked = nicht gesperrt
security-result-encrypted = verschlüsselt
security-result-not-encrypted = nicht verschlüsselt
security-result-tainted = verunreinigt
security-result-not-tainted = nicht verunreinigt
security-result-found = gefunden
security-result-not-found = nicht gefunden
security-result-supported = unterstützt
security-result-not-supported = nicht unterstützt

## Die eigenen Angaben dieses Computers.
security-facts-heading = Dieser Computer
security-facts-reading = Die Angaben dieses Computers werden gelesen …
security-secure-boot = Secure Boot
security-secure-boot-on = An: Die Firmware startet nur signierte Software.
security-secure-boot-off = Aus: Die Firmware startet jede Software.
security-secure-boot-setup = Aus, im Einrichtungsmodus: Es ist kein Plattformschlüssel registriert, daher kann jeder Schlüssel registrieren.
security-secure-boot-unsupported = Die Firmware unterstützt Secure Boot nicht.
security-secure-boot-not-uefi = Der Computer wurde nicht mit UEFI gestartet, daher gibt es kein Secure Boot.
security-secure-boot-unreadable = Der Zustand konnte nicht gelesen werden ({ $reason }).
security-keys = Secure-Boot-Schlüssel
security-keys-own = Die eigenen Schlüssel dieses Computers: Nur für dieses System signierte Software startet.
security-keys-own-microsoft = Die eigenen Schlüssel dieses Computers; den Zertifikaten von Microsoft wird ebenfalls vertraut.
security-keys-vendor = Schlüssel von { $vendor }. Den Zertifikaten von Microsoft wird nicht vertraut.
security-keys-vendor-microsoft = Schlüssel von { $vendor }; den Zertifikaten von Microsoft wird vertraut.
security-keys-none = Es ist kein Plattformschlüssel registriert.
security-keys-not-uefi = Keine: Der Computer wurde nicht mit UEFI gestartet.
security-keys-unreadable = Die registrierten Schlüssel konnten nicht gelesen werden ({ $reason }).
security-tpm = TPM
security-tpm-2 = TPM 2.0
security-tpm-1 = TPM 1.2 (gemessener Start erfordert TPM 2.0)
security-tpm-unknown = Ein TPM unbekannter Version
security-tpm-absent = Es wurde kein TPM gefunden.
security-pcr = Startmessungen
security-pcr-matches = PCR 11 stimmt mit der signierten Vorhersage überein: Das System wurde so gestartet, wie es gebaut wurde.
security-pcr-matches-other-key = PCR 11 stimmt mit der signierten Vorhersage überein, aber der neben der Vorhersage mitgelieferte Schlüssel ist nicht derjenige, mit dem sie signiert wurde.
security-pcr-differs = PCR 11 stimmt nicht mit der signierten Vorhersage überein: Beim Start wurde etwas anderes gemessen als das, was gebaut wurde.
security-pcr-no-prediction = Das laufende System enthält keine signierte Vorhersage, mit der PCR 11 verglichen werden könnte.
security-pcr-prediction-unreadable = Die signierte Vorhersage konnte nicht gelesen werden ({ $reason }).
security-pcr-unreadable = PCR 11 konnte nicht gelesen werden ({ $reason }).
security-pcr-no-tpm = Ohne TPM wird nichts gemessen.
security-root = Systemdateien
security-root-verified = Überprüft: Jeder Block des Systems wird mit dem Hash in der signierten Kernel-Befehlszeile abgeglichen (dm-verity).
security-root-other-dm = Nicht überprüft: Das System liegt auf { $device }, das kein dm-verity-Gerät ist.
security-root-plain = Nicht überprüft: Das System liegt auf { $device } ohne dm-verity.
security-root-not-block = Nicht überprüft: Das System liegt im Arbeitsspeicher ({ $fstype }).
security-root-unknown = Konnte nicht gelesen werden ({ $reason }).

## Das Ereignisprotokoll.
security-events-heading = Änderungen
security-events-none = Es wurden keine Änderungen aufgezeichnet.
security-event = { $date }: { $check } von „{ $before }“ zu „{ $after }“ geändert
security-event-now = { $date }: { $check } ist „{ $after }“
security-events-unreadable = Die Änderungen konnten nicht gelesen werden: { $reason }

## Bericht kopieren.
security-copy = Bericht kopieren
security-copied = Der Bericht befindet sich in der Zwischenablage.
security-report-facts = Eigene Angaben dieses Computers
security-report-details = Details
security-report-no-fwupd = fwupd: { $reason }
security-copied-without-fwupd = fwupd hat seinen Teil des Berichts nicht geliefert: Der Bericht in der Zwischenablage enthält nur die eigenen Angaben dieses Computers.
security-dismiss = Schließen

## fwupd fehlt oder schlägt fehl.
security-fwupd-not-running = Der Firmware-Sicherheitsdienst läuft nicht
    .body = fwupd wird für die Sicherheitsstufe und ihre Prüfungen benötigt. Die eigenen Angaben dieses Computers stehen unten. Die Seite aktualisiert sich von selbst, sobald fwupd startet.
security-fwupd-unreadable = Der Firmware-Sicherheitsdienst konnte nicht gelesen werden
security-error-not-running = fwupd läuft nicht.
security-error-timeout = fwupd hat nicht rechtzeitig geantwortet.
security-error-not-authorized = fwupd hat die Antwort verweigert.
security-error-other = fwupd ist fehlgeschlagen: { $reason }
