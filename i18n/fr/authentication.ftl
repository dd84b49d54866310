## La boîte de dialogue d’authentification : polkit demande le mot de passe d’un administrateur (l’application Paramètres est l’agent d’authentification de la session)

auth-title = Authentification requise
# Qui demande : le nom du programme tel que le système le connaît (« ferrum-settings », « pkexec »).
auth-program = Demandée par { $program }
auth-identity-choice = S’authentifier en tant que
auth-password = Mot de passe
# La personne dont le mot de passe est demandé, par son vrai nom.
auth-password-for = Mot de passe de { $person }
auth-authenticate = S’authentifier
auth-cancel = Annuler
auth-checking = Vérification…
auth-wrong-password = Ce mot de passe n’a pas été accepté. Réessayez.
auth-problem-prompt = Le système de connexion a demandé plus qu’un mot de passe, ce que cette boîte de dialogue ne peut pas demander. Annulez, puis utilisez plutôt un terminal.
auth-problem-line-break = Un mot de passe contenant un saut de ligne ne peut pas être vérifié.
auth-problem-helper = Le mot de passe n’a pas pu être vérifié : l’assistant d’authentification du système n’a pas fonctionné. Réessayez ou annulez.
