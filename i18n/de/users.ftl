## Die Seite „Benutzer“: die Personen auf diesem Computer, hinzufügen und entfernen,
## Administratoren, das eigene Passwort und Bild.

users-title = Benutzer
    .keywords = benutzer;personen;konten;person;benutzer hinzufügen;benutzer entfernen;benutzer löschen;administrator;admin;standard;passwort;kennwort;bild;avatar;foto;anmeldung

users-not-running = Der Kontendienst läuft nicht
    .body = Die Personen auf diesem Computer kommen von AccountsService. Diese Seite zeigt sie von selbst, sobald er läuft.
users-unreadable = Die Personen auf diesem Computer können nicht gelesen werden

users-people-heading = Personen
users-explained = Alle, die sich an diesem Computer anmelden können. Personen hinzufügen, entfernen und ändern erfordert einen Administrator.
users-you = Sie
users-locked = gesperrt
users-standard = Standard
    .desc = Nutzt Apps und ändert die eigenen Einstellungen.
users-administrator = Administrator
    .desc = Kann außerdem Personen hinzufügen und entfernen und Einstellungen für den ganzen Computer ändern.
users-last-administrator = Der einzige Administrator: Jemand anderes muss erst Administrator werden, bevor dieses Konto es nicht mehr ist.
users-making-administrator = { $name } wird Administrator …
users-making-standard = { $name } wird ein Standardkonto …
users-automatic-login = Automatische Anmeldung
    .desc = Wird ohne Passwort angemeldet, wenn dieser Computer startet. Nur eine Person kann sie haben.
users-turning-on-automatic-login = Automatische Anmeldung für { $name } wird eingeschaltet …
users-turning-off-automatic-login = Automatische Anmeldung für { $name } wird ausgeschaltet …
users-cancel = Abbrechen

users-add-open = Person hinzufügen …
users-add-title = Person hinzufügen
users-real-name = Vollständiger Name
users-login-name = Anmeldename
users-account-type = Kontotyp
users-password = Passwort
users-password-confirm = Passwort erneut eingeben
users-add = Hinzufügen
users-adding = { $name } wird hinzugefügt …
users-real-name-empty = Geben Sie den vollständigen Namen der Person ein.
users-name-empty = Geben Sie einen Anmeldenamen ein.
users-name-too-long = Der Anmeldename darf höchstens { $count } Zeichen haben.
users-name-bad-start = Der Anmeldename muss mit einem Kleinbuchstaben beginnen.
users-name-bad-characters = Der Anmeldename darf nur Kleinbuchstaben, Ziffern, Bindestriche und Unterstriche enthalten.
users-password-too-short = Das Passwort braucht mindestens { $count } Zeichen.
users-password-too-long = Das Passwort ist zu lang.
users-password-mismatch = Die beiden Passwörter stimmen nicht überein.
users-strength-too-short = Zu kurz: mindestens { $count } Zeichen
users-strength-weak = Schwaches Passwort
users-strength-fair = Mittleres Passwort
users-strength-strong = Starkes Passwort

users-remove-open = Entfernen …
users-remove-title = { $name } entfernen?
users-remove-body = Die Person kann sich dann nicht mehr anmelden.
users-remove-keep = Dateien behalten
    .desc = Der persönliche Ordner bleibt auf diesem Computer.
users-remove-delete = Dateien löschen
    .desc = Der persönliche Ordner und alles darin werden gelöscht.
users-remove = Entfernen
users-removing = { $name } wird entfernt …

users-password-open = Passwort ändern …
users-password-title = Ihr Passwort ändern
users-password-new = Neues Passwort
users-password-change = Passwort ändern
users-password-changing = Ihr Passwort wird geändert …

users-picture-open = Bild ändern …
users-picture-title = Ihr Bild ändern
users-picture-body = Geben Sie den Pfad eines PNG- oder JPEG-Bildes ein. Es wird quadratisch zugeschnitten und verkleinert.
users-picture-path = Bilddatei
users-picture-use = Bild verwenden
users-picture-setting = Ihr Bild wird gesetzt …
users-picture-empty = Geben Sie den Pfad einer Bilddatei ein.
users-picture-not-absolute = Geben Sie den ganzen Pfad ein, beginnend mit /.
users-picture-unreadable = Diese Datei kann nicht gelesen werden.
users-picture-too-large = Dieses Bild ist zu groß.
users-picture-not-a-picture = Diese Datei ist kein PNG- oder JPEG-Bild.

users-error-add-refused = Die Person wurde nicht hinzugefügt: Ein Administrator hat es nicht erlaubt.
users-error-remove-refused = Die Person wurde nicht entfernt: Ein Administrator hat es nicht erlaubt.
users-error-type-refused = Der Kontotyp wurde nicht geändert: Ein Administrator hat es nicht erlaubt.
users-error-password-refused = Das Passwort wurde nicht geändert: Die Änderung wurde nicht bestätigt.
users-error-picture-refused = Das Bild wurde nicht geändert: Es wurde nicht erlaubt.
users-error-automatic-login-refused = Die automatische Anmeldung wurde nicht geändert: Ein Administrator hat es nicht erlaubt.
users-error-gone = Der Kontendienst wurde beendet, daher wurde nichts geändert. Diese Seite zeigt die Personen wieder, sobald er zurück ist.
users-error-no-answer = Der Kontendienst hat nicht geantwortet. Die Änderung wurde vielleicht nicht vorgenommen; die Seite zeigt, was der Dienst sagt, sobald er antwortet.
users-error-name-taken = Der Anmeldename „{ $name }“ ist schon vergeben. Wählen Sie einen anderen.
users-error-no-such-person = Diese Person ist nicht mehr auf diesem Computer.
users-error-failed = Der Kontendienst konnte die Änderung nicht vornehmen.
