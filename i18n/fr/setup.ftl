# La configuration initiale (ferrum-greeter tant qu’aucune personne n’existe sur la machine).

setup-title = Configurer cet ordinateur
setup-step = Étape { $number } sur { $total }
setup-next = Suivant
setup-back = Retour
setup-skip = Passer
setup-create = Créer le compte
setup-language-heading = Choisissez votre langue
setup-keyboard-heading = Choisissez la disposition de votre clavier
setup-zone-heading = Choisissez votre fuseau horaire
setup-zone-search = Rechercher une ville ou une région
setup-zone-chosen = Fuseau horaire : { $zone }
setup-zone-none = Aucun fuseau horaire ne correspond à la recherche.
setup-applying = Réglage du fuseau horaire…
setup-zone-unavailable = Impossible de régler le fuseau horaire : le service de date et d’heure ne fonctionne pas.
setup-zone-refused = Impossible de régler le fuseau horaire : cet ordinateur ne l’a pas autorisé.
setup-zone-unknown = Cet ordinateur ne connaît pas ce fuseau horaire. Choisissez-en un autre.
setup-zone-no-answer = Le service de date et d’heure n’a pas répondu. Réessayez.
setup-zone-failed = Impossible de régler le fuseau horaire. Réessayez.
setup-network-heading = Se connecter à un réseau
setup-network-optional = Cette étape est facultative : vous pourrez vous connecter plus tard dans les Paramètres.
setup-network-loading = Recherche de réseaux…
setup-network-connected = Connecté à Internet.
setup-network-limited = Connecté, mais Internet est inaccessible.
setup-network-offline = Non connecté.
setup-network-unavailable = Les paramètres réseau ne sont pas disponibles pour le moment.
setup-network-none = Aucun réseau Wi-Fi à portée.
setup-wifi-connected = Connecté
setup-wifi-secured = Sécurisé, signal { $strength } %
setup-wifi-open = Ouvert, signal { $strength } %
setup-wifi-password = Mot de passe de { $name }
setup-join-named = Se connecter à { $name }
setup-joining = Connexion en cours…
setup-wifi-password-empty = Saisissez d’abord le mot de passe du réseau.
setup-wifi-password-invalid = Ce ne peut pas être le mot de passe de ce réseau : vérifiez sa longueur et ses caractères.
setup-join-refused = La connexion aux réseaux n’est pas autorisée ici.
setup-join-wrong-password = Le réseau n’a pas accepté le mot de passe.
setup-join-timeout = Le réseau n’a pas répondu à temps. Réessayez.
setup-join-failed = Impossible de se connecter au réseau.
setup-account-heading = Créez votre compte
setup-full-name = Nom complet
setup-user-name = Nom d’utilisateur
setup-user-name-rules = Lettres minuscules, chiffres, - et _, en commençant par une lettre.
setup-password = Mot de passe
setup-confirmation = Confirmez le mot de passe
setup-strength-too-short = { $count ->
    [one] Au moins { $count } caractère.
    [many] Au moins { $count } de caractères.
   *[other] Au moins { $count } caractères.
}
setup-strength-weak = Mot de passe faible : plus il est long et varié, plus il est difficile à deviner.
setup-strength-fair = Mot de passe moyen.
setup-strength-strong = Mot de passe fort.
setup-administrator = Administrateur
setup-administrator-desc = Peut installer des logiciels et modifier les paramètres pour tout le monde.
setup-name-empty = Saisissez un nom d’utilisateur.
setup-name-too-long = { $count ->
    [one] Un nom d’utilisateur compte au plus { $count } caractère.
    [many] Un nom d’utilisateur compte au plus { $count } de caractères.
   *[other] Un nom d’utilisateur compte au plus { $count } caractères.
}
setup-name-bad-start = Un nom d’utilisateur commence par une lettre minuscule.
setup-name-bad-characters = Un nom d’utilisateur ne contient que des lettres minuscules, des chiffres, - et _.
setup-name-taken = Le nom d’utilisateur { $name } est déjà pris. Choisissez-en un autre.
setup-password-too-short = { $count ->
    [one] Le mot de passe doit comporter au moins { $count } caractère.
    [many] Le mot de passe doit comporter au moins { $count } de caractères.
   *[other] Le mot de passe doit comporter au moins { $count } caractères.
}
setup-password-too-long = Le mot de passe est trop long.
setup-password-mismatch = Les deux mots de passe ne sont pas identiques.
setup-creating = Création de votre compte…
setup-account-refused = Cet ordinateur n’autorise pas la création de comptes pour le moment.
setup-account-unavailable = Le service des comptes ne fonctionne pas ; le compte n’a donc pas été créé. Réessayez dans un instant.
setup-account-no-answer = Le service des comptes n’a pas répondu. Réessayez.
setup-account-failed = Impossible de créer le compte. Réessayez.
setup-account-undone = Le compte n’a pas pu être finalisé ; il a donc été supprimé. Réessayez.
setup-account-left = Le compte n’a pas pu être finalisé et le service des comptes a cessé de répondre. Personne ne peut se connecter avec ce compte inachevé ; il sera supprimé lors de votre prochaine tentative.
setup-finish-heading = Bienvenue
setup-starting = Démarrage de votre session…
setup-created = Votre compte { $name } a été créé, mais la connexion n’a pas fonctionné.
setup-retry = Réessayer
setup-login-failed = La connexion a échoué. Réessayez.
setup-login-unreachable = Le service de connexion ne répond pas. Réessayez.
