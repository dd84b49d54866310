## La page Région et langue : la langue de la personne et de l’ordinateur, les formats avec
## un aperçu, les dispositions de clavier de l’ordinateur.

region-title = Région et langue
    .keywords = langue;région;paramètres régionaux;locale;formats;format de date;format des nombres;mesures;métrique;papier;A4;lettre;clavier;disposition;saisie;traduction

region-not-running = Le service de langue ne fonctionne pas
    .body = La langue de l’écran de connexion, les formats et le clavier viennent de systemd-localed. Cette page les affiche d’elle-même dès qu’il fonctionne.
region-unreadable = Les réglages du service de langue ne peuvent pas être lus

region-language-heading = Langue
region-person-language = Votre langue
    .desc = Les applications et le bureau l’utilisent à partir de votre prochaine connexion.
region-person-unset = Non choisie : la langue de l’écran de connexion
region-person-unavailable = La langue de votre compte ne peut pas être lue pour le moment.
region-machine-language = Écran de connexion et nouveaux comptes
    .desc = La langue de l’écran de connexion et des personnes qui n’en ont pas choisi. La modifier demande un administrateur.
region-unset = Non définie
region-change = Modifier…
region-close = Fermer la liste

region-formats-heading = Formats
region-formats = Dates, nombres, mesures et papier
    .desc = Écrits comme dans cette région, pour tout le monde sur cet ordinateur. Les modifier demande un administrateur.
region-preview = Aperçu
region-preview-date = Date
region-preview-short-date = Date en chiffres
region-preview-number = Nombre
region-preview-measurement = Mesures
region-preview-paper = Papier
region-preview-name = Aperçu : { $date } ; { $short } ; { $number } ; { $measurement } ; { $paper }
region-measurement-metric = Métrique
region-measurement-us = Unités américaines (pouces, livres)
region-paper-a4 = A4
region-paper-letter = Lettre US

region-keyboard-heading = Dispositions de clavier
region-keyboard-explained = L’écran de connexion et les nouvelles sessions démarrent avec ces dispositions ; la première sert d’abord. Les modifier demande un administrateur.
region-keyboard-none = Aucune disposition n’est définie : le clavier est anglais (US).
region-layout-first = Utiliser en premier
region-layout-remove = Retirer
region-layout-add = Ajouter une disposition…

region-picker-title = Ajouter une disposition de clavier
region-picker-search = Rechercher une disposition
region-picker-loading = Lecture des dispositions de clavier…
region-picker-none = Aucune disposition ne correspond à « { $query } ».
region-picker-more = D’autres dispositions correspondent : tapez davantage du nom.
region-cancel = Annuler

region-changing-person = Passage de votre langue à { $language }…
region-changing-language = Passage de la langue de l’écran de connexion à { $language }…
region-changing-formats = Passage aux formats de { $language }…
region-changing-keyboard = Réglage des dispositions de clavier…

region-error-person-refused = Votre langue n’a pas été modifiée : votre compte ne l’a pas permis.
region-error-language-refused = La langue de l’écran de connexion n’a pas été modifiée : un administrateur ne l’a pas permis.
region-error-formats-refused = Les formats n’ont pas été modifiés : un administrateur ne l’a pas permis.
region-error-keyboard-refused = Les dispositions de clavier n’ont pas été modifiées : un administrateur ne l’a pas permis.
region-error-invalid = La modification a été refusée : cet ordinateur ne connaît pas cette langue ou cette disposition.
region-error-no-account = Votre langue n’a pas été modifiée : le service des comptes ne connaît pas votre compte.
region-error-accounts-gone = Votre langue n’a pas été modifiée : le service des comptes ne fonctionne pas.
region-error-gone = Rien n’a été modifié : le service de langue ne fonctionne pas.
region-error-no-answer = Le service de langue n’a pas répondu. La modification n’a peut-être pas été faite ; la page affiche ce que dit le service dès qu’il répond.
region-error-failed = La modification a échoué ; rien n’a été modifié.
