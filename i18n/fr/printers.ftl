# La page Imprimantes (CUPS ; les changements qu’un administrateur doit autoriser passent par
# cups-pk-helper et polkit ; les imprimantes réseau sont trouvées grâce à Avahi).

printers-title = Imprimantes
    .keywords = imprimante;imprimantes;imprimer;impression;file d’attente;travaux;tâches;encre;cartouche;toner;papier;scanner;imprimante réseau;printer;print;cups;ipp;airprint;driverless

## La liste des imprimantes.
printers-none = Aucune imprimante n’a encore été ajoutée.
printers-add = Ajouter une imprimante…
printers-default-mark = Imprimante par défaut
printers-set-default = Définir par défaut
printers-pause = Suspendre
printers-resume = Reprendre
printers-test-page = Imprimer une page de test
printers-test-page-sent = Une page de test a été envoyée à { $printer }.
printers-rename = Renommer
printers-rename-field = Nouveau nom
printers-rename-save = Enregistrer
printers-rename-cancel = Annuler
printers-remove = Supprimer
printers-remove-question = Supprimer « { $printer } » ?
printers-remove-explain = Ses impressions en attente sont annulées. Vous pourrez l’ajouter à nouveau plus tard.
printers-remove-confirm = Supprimer
printers-remove-cancel = Annuler
printers-details = Détails
printers-hide-details = Masquer les détails
printers-options = Options par défaut
printers-jobs-heading = Impressions
printers-location = Emplacement
printers-address = Adresse
printers-model = Modèle
printers-dismiss = Fermer
printers-ink-heading = Encre et toner
printers-ink-level = { $marker } : { $percent } %
printers-waste-level = { $marker } : { $percent } % d’espace libre
printers-ink-unknown = { $marker } : niveau inconnu
printers-ink-none = L’imprimante n’indique pas ses niveaux d’encre ou de toner.

## États des imprimantes et leurs raisons, en termes simples.
printers-state-idle = Prête
printers-state-printing = Impression en cours
printers-state-stopped = Suspendue
printers-state-not-accepting = N’accepte plus de nouvelles impressions
printers-reason-media-empty = Plus de papier.
printers-reason-media-jam = Bourrage papier.
printers-reason-media-low = Il reste peu de papier.
printers-reason-offline = L’imprimante est hors ligne.
printers-reason-toner-low = Il reste peu de toner.
printers-reason-toner-empty = Plus de toner.
printers-reason-marker-low = Il reste peu d’encre.
printers-reason-marker-empty = Plus d’encre.
printers-reason-waste-full = Le réservoir d’encre ou de toner usagé est plein.
printers-reason-cover-open = Un capot est ouvert.
printers-reason-door-open = Une trappe est ouverte.
printers-reason-tray-missing = Un bac à papier est absent.
printers-reason-output-full = Le bac de sortie est plein.
printers-reason-shutdown = L’imprimante est éteinte.
printers-reason-missing-filter = Il manque un programme nécessaire pour imprimer sur cette imprimante.
printers-reason-paused = Suspendue par un administrateur.
printers-reason-connecting = Connexion à l’imprimante…
printers-reason-other = L’imprimante signale « { $reason } ».

## Impressions.
printers-jobs-none = Aucune impression en attente.
printers-job-title-unknown = Document sans titre
printers-job-private = Document d’une autre personne
printers-job-line = { $title } — { $owner }
printers-job-pages = { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}
printers-job-pending = En attente
printers-job-held = Retenue
printers-job-processing = Impression en cours
printers-job-stopped = Arrêtée
printers-job-canceled = Annulée
printers-job-aborted = Échec
printers-job-completed = Imprimée
printers-job-cancel = Annuler
printers-job-hold = Retenir
printers-job-release = Libérer
printers-jobs-cancel-mine = Annuler toutes mes impressions

## Options (les réglages par défaut de l’imprimante).
printers-option-media = Format du papier
printers-option-sides = Recto verso
printers-sides-one = Recto seul
printers-sides-long = Recto verso, bord long (livre)
printers-sides-short = Recto verso, bord court (bloc-notes)
printers-option-color = Couleur
printers-color-color = Couleur
printers-color-monochrome = Noir et blanc
printers-color-auto = Automatique
printers-option-quality = Qualité
printers-quality-draft = Brouillon
printers-quality-normal = Normale
printers-quality-high = Élevée

## Ajouter une imprimante.
printers-add-heading = Ajouter une imprimante
printers-add-close = Fermer
printers-add-searching = Recherche d’imprimantes sur le réseau…
printers-add-none-found = Aucune imprimante n’a encore été trouvée sur le réseau. Vous pouvez en ajouter une par son adresse.
printers-add-discovery-unavailable = Impossible de rechercher des imprimantes sur le réseau : le service de découverte (Avahi) n’est pas en cours d’exécution. Vous pouvez toujours en ajouter une par son adresse.
printers-add-found = { $host } ({ $address })
printers-add-discovery-failed = La recherche d’imprimantes sur le réseau a échoué.
printers-add-this = Ajouter
printers-add-added = Déjà ajoutée
printers-add-needs-driver = Nécessite un pilote que Ferrum n’a pas : seules les imprimantes qui fonctionnent sans pilote (IPP Everywhere, AirPrint) peuvent être ajoutées.
printers-add-by-address = Ajouter par adresse
printers-add-address-field = Adresse (ipp://, ipps:// ou un nom d’hôte)
printers-add-address-button = Ajouter
printers-added = { $printer } a été ajoutée.

## Erreurs d’adresse, signalées avant d’interroger CUPS.
printers-address-empty = Saisissez l’adresse de l’imprimante.
printers-address-scheme = Seules les adresses ipp:// et ipps:// (ou un nom d’hôte) peuvent être utilisées.
printers-address-host = « { $host } » n’est ni un nom d’hôte ni une adresse IP valide.
printers-address-port = Le port doit être un nombre entre 1 et 65535.
printers-address-spaces = Une adresse ne peut pas contenir d’espaces.
printers-address-path = La partie qui suit l’hôte n’est pas un chemin d’imprimante valide.

## Erreurs de nom.
printers-name-empty = Saisissez un nom pour l’imprimante.
printers-name-invalid = Le nom d’une imprimante ne peut contenir ni espaces, ni « / », ni « # », et compte au plus 127 caractères.
printers-name-too-long = Le nom d’une imprimante ne peut pas dépasser 127 caractères.

## Échecs.
printers-not-running = Le service d’impression n’est pas en cours d’exécution
    .body = CUPS n’est pas en cours d’exécution. La page affiche de nouveau les imprimantes dès qu’il revient.
printers-unreadable = Les imprimantes ne peuvent pas être lues
printers-error-not-running = Le service d’impression (CUPS) n’est pas en cours d’exécution.
printers-error-not-authorized = Un administrateur ne l’a pas autorisé ; rien n’a été modifié.
printers-error-helper-missing = Le service d’administration des imprimantes (cups-pk-helper) n’est pas disponible.
printers-error-timeout = Le service d’impression n’a pas répondu à temps.
printers-error-refused = CUPS a refusé : { $message }
printers-error-not-found = L’imprimante ou l’impression n’existe plus.
printers-error-bad-answer = Le service d’impression a donné une réponse illisible.
printers-error-unreachable = Le service d’impression est injoignable.
printers-error-bus = Le bus système n’a pas transmis la demande.
printers-failed-add = Impossible d’ajouter { $printer }.
printers-failed-remove = Impossible de supprimer { $printer }.
printers-failed-default = Impossible de définir { $printer } par défaut.
printers-failed-pause = Impossible de suspendre { $printer }.
printers-failed-resume = Impossible de reprendre { $printer }.
printers-failed-accepting = Impossible de modifier l’acceptation des impressions par { $printer }.
printers-failed-rename = Impossible de renommer { $printer }.
printers-failed-test-page = Impossible d’imprimer une page de test sur { $printer }.
printers-failed-option = Impossible de modifier les options de { $printer }.
printers-failed-job = Impossible de modifier l’impression « { $job } ».
