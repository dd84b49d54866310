## Der Authentifizierungsdialog: polkit fragt nach dem Passwort einer Administratorin oder eines Administrators (die Einstellungen-App ist der Authentifizierungsagent der Sitzung)

auth-title = Authentifizierung erforderlich
# Wer fragt: der Name des Programms, wie das System ihn kennt („ferrum-settings“, „pkexec“).
auth-program = Angefordert von { $program }
auth-identity-choice = Authentifizieren als
auth-password = Passwort
# Die Person, deren Passwort verlangt wird, mit ihrem vollständigen Namen.
auth-password-for = Passwort für { $person }
auth-authenticate = Authentifizieren
auth-cancel = Abbrechen
auth-checking = Wird überprüft …
auth-wrong-password = Dieses Passwort wurde nicht akzeptiert. Versuchen Sie es erneut.
auth-problem-prompt = Das Anmeldesystem hat mehr als ein Passwort verlangt, und danach kann dieser Dialog nicht fragen. Brechen Sie ab und verwenden Sie stattdessen ein Terminal.
auth-problem-line-break = Ein Passwort mit einem Zeilenumbruch kann nicht überprüft werden.
auth-problem-helper = Das Passwort konnte nicht überprüft werden: Das Authentifizierungsprogramm des Systems hat nicht funktioniert. Versuchen Sie es erneut oder brechen Sie ab.
