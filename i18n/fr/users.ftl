## La page Utilisateurs : les personnes de cet ordinateur, les ajouter et les retirer,
## les administrateurs, son propre mot de passe et sa photo.

users-title = Utilisateurs
    .keywords = utilisateurs;personnes;comptes;personne;ajouter un utilisateur;retirer un utilisateur;supprimer un utilisateur;administrateur;admin;standard;mot de passe;photo;avatar;image;connexion

users-not-running = Le service des comptes ne fonctionne pas
    .body = Les personnes de cet ordinateur viennent d’AccountsService. Cette page les affiche d’elle-même dès qu’il fonctionne.
users-unreadable = Les personnes de cet ordinateur ne peuvent pas être lues

users-people-heading = Personnes
users-explained = Toutes les personnes qui peuvent se connecter à cet ordinateur. Ajouter, retirer et modifier des personnes demande un administrateur.
users-you = vous
users-locked = verrouillé
users-standard = Standard
    .desc = Utilise des applications et modifie ses propres réglages.
users-administrator = Administrateur
    .desc = Peut aussi ajouter et retirer des personnes et modifier les réglages de tout l’ordinateur.
users-last-administrator = Le seul administrateur : quelqu’un d’autre doit le devenir avant que ce compte cesse de l’être.
users-making-administrator = { $name } devient administrateur…
users-making-standard = { $name } devient un compte standard…
users-automatic-login = Connexion automatique
    .desc = Connecté sans mot de passe au démarrage de cet ordinateur. Une seule personne peut l’avoir.
users-turning-on-automatic-login = Activation de la connexion automatique pour { $name }…
users-turning-off-automatic-login = Désactivation de la connexion automatique pour { $name }…
users-cancel = Annuler

users-add-open = Ajouter une personne…
users-add-title = Ajouter une personne
users-real-name = Nom complet
users-login-name = Nom de connexion
users-account-type = Type de compte
users-password = Mot de passe
users-password-confirm = Retapez le mot de passe
users-add = Ajouter
users-adding = Ajout de { $name }…
users-real-name-empty = Tapez le nom complet de la personne.
users-name-empty = Tapez un nom de connexion.
users-name-too-long = Le nom de connexion peut avoir au plus { $count } caractères.
users-name-bad-start = Le nom de connexion doit commencer par une lettre minuscule.
users-name-bad-characters = Le nom de connexion ne peut contenir que des lettres minuscules, des chiffres, des traits d’union et des tirets bas.
users-password-too-short = Le mot de passe doit avoir au moins { $count } caractères.
users-password-too-long = Le mot de passe est trop long.
users-password-mismatch = Les deux mots de passe ne sont pas identiques.
users-strength-too-short = Trop court : au moins { $count } caractères
users-strength-weak = Mot de passe faible
users-strength-fair = Mot de passe moyen
users-strength-strong = Mot de passe fort

users-remove-open = Retirer…
users-remove-title = Retirer { $name } ?
users-remove-body = Cette personne ne pourra plus se connecter.
users-remove-keep = Garder ses fichiers
    .desc = Son dossier personnel reste sur cet ordinateur.
users-remove-delete = Supprimer ses fichiers
    .desc = Son dossier personnel et tout son contenu sont supprimés.
users-remove = Retirer
users-removing = Retrait de { $name }…

users-password-open = Changer le mot de passe…
users-password-title = Changer votre mot de passe
users-password-new = Nouveau mot de passe
users-password-change = Changer le mot de passe
users-password-changing = Changement de votre mot de passe…

users-picture-open = Changer la photo…
users-picture-title = Changer votre photo
users-picture-body = Tapez le chemin d’une image PNG ou JPEG. Elle est recadrée en carré et réduite.
users-picture-path = Fichier image
users-picture-use = Utiliser l’image
users-picture-setting = Mise en place de votre photo…
users-picture-empty = Tapez le chemin d’un fichier image.
users-picture-not-absolute = Tapez le chemin complet, commençant par /.
users-picture-unreadable = Ce fichier ne peut pas être lu.
users-picture-too-large = Cette image est trop grande.
users-picture-not-a-picture = Ce fichier n’est pas une image PNG ou JPEG.

users-error-add-refused = La personne n’a pas été ajoutée : un administrateur ne l’a pas permis.
users-error-remove-refused = La personne n’a pas été retirée : un administrateur ne l’a pas permis.
users-error-type-refused = Le type de compte n’a pas été changé : un administrateur ne l’a pas permis.
users-error-password-refused = Le mot de passe n’a pas été changé : la modification n’a pas été confirmée.
users-error-picture-refused = La photo n’a pas été changée : ce n’était pas permis.
users-error-automatic-login-refused = La connexion automatique n’a pas été changée : un administrateur ne l’a pas permis.
users-error-gone = Le service des comptes s’est arrêté, rien n’a donc été changé. Cette page affiche de nouveau les personnes dès son retour.
users-error-no-answer = Le service des comptes n’a pas répondu. Le changement n’a peut-être pas été fait ; la page montre ce que dit le service dès qu’il répond.
users-error-name-taken = Le nom de connexion « { $name } » est déjà utilisé. Choisissez-en un autre.
users-error-no-such-person = Cette personne n’est plus sur cet ordinateur.
users-error-failed = Le service des comptes n’a pas pu faire le changement.
