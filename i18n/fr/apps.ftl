## La page « Applications » : les applications Flatpak, leur installation, leur mise à jour, leur suppression et leurs autorisations.

apps-title = Applications
    .keywords = applications;applis;apps;logiciels;programmes;installer;désinstaller;supprimer;mettre à jour;mise à jour;mises à jour;autorisations;permissions;bac à sable;sandbox;portail;logithèque;boutique;flatpak;flathub;install;uninstall;remove;update;updates;store

apps-installed = Applications installées
apps-none-installed = Aucune application n’est installée.
apps-unreadable = Impossible de lire les applications installées
apps-installation-user = Pour vous
apps-installation-system = Pour tous les utilisateurs de cet ordinateur
apps-version = Version { $version }
apps-origin = Source : { $remote }
apps-installed-size = Occupe { $size }
apps-data-size = Ses données : { $size }
apps-data-size-unknown = Ses données : taille inconnue
apps-being-changed = Une modification de cette application est en cours.
apps-open = Ouvrir
apps-open-failed = Impossible d’ouvrir { $app }.
apps-permissions = Autorisations
apps-update = Mettre à jour
apps-remove = Supprimer
apps-close = Fermer
apps-retry = Réessayer
apps-bullet = • { $line }

## Mises à jour

apps-check = Rechercher des mises à jour
apps-update-all = Tout mettre à jour
apps-updates-checking = Recherche de mises à jour…
apps-updates-count = { $count ->
    [0] Toutes les applications sont à jour.
    [one] Une mise à jour est disponible.
    [many] { $count } de mises à jour sont disponibles.
   *[other] { $count } mises à jour sont disponibles.
}
apps-updates-failed = Impossible de rechercher des mises à jour. { $reason }
apps-update-available = Une mise à jour est disponible.
apps-update-wider = Une mise à jour est disponible. Elle demande plus d’autorisations.
apps-held-question = La mise à jour de { $app } demande plus d’autorisations
apps-held-explain = Elle est mise en attente jusqu’à ce que vous l’acceptiez. La nouvelle version demande :
apps-held-accept = Accepter et mettre à jour
apps-held-decline = Pas maintenant

## Suppression

apps-remove-question = Supprimer { $app } ?
apps-remove-explain = L’application sera supprimée de cet ordinateur. Vous pourrez la réinstaller plus tard.
apps-remove-data = Supprimer aussi ses données
    .description = Ses réglages et les fichiers de son propre dossier sont également supprimés.
apps-remove-cancel = Conserver
apps-remove-confirm = Supprimer

## Une modification en cours et son issue

apps-job-install = Installation de { $app }
apps-job-update = Mise à jour de { $app }
apps-job-remove = Suppression de { $app }
apps-step-starting = Démarrage…
apps-step = Étape { $index } sur { $count } : { $kind ->
    [install] installation
    [update] mise à jour
   *[uninstall] suppression
} { $part ->
    [runtime] de l’environnement d’exécution nécessaire
   *[app] de l’application
}
apps-progress = { $job } : { $percent } %.
apps-progress-bytes = { $size } téléchargés.
apps-queued = { $count ->
    [one] Une autre modification attend.
    [many] { $count } de modifications attendent.
   *[other] { $count } autres modifications attendent.
}
apps-cancel = Annuler
apps-cancelling = Annulation…
apps-ended-done = { $kind ->
    [install] { $app } est installée.
    [update] { $app } est à jour.
   *[remove] { $app } a été supprimée.
}
apps-ended-update-running = { $app } est encore ouverte dans l’ancienne version ; la mise à jour prendra effet quand vous la fermerez et la rouvrirez.
apps-ended-remove-running = { $app } est encore ouverte et fonctionne jusqu’à ce que vous la fermiez.
apps-ended-cancelled = { $kind ->
    [install] L’installation de { $app } a été annulée. Rien n’a été installé.
    [update] La mise à jour de { $app } a été annulée. La version installée est inchangée.
   *[remove] La suppression de { $app } a été annulée.
}
apps-ended-failed = { $kind ->
    [install] { $app } n’a pas été installée.
    [update] { $app } n’a pas été mise à jour.
   *[remove] { $app } n’a pas été supprimée.
}

## Installation

apps-install = Installer des applications
apps-search-label = Rechercher dans les sources d’applications
apps-search = Rechercher
apps-searching = Recherche…
apps-search-none = Aucune application ne correspond à « { $query } ».
apps-search-remote-failed = Impossible de rechercher dans { $remote }.
apps-details = Détails
apps-already-installed = Déjà installée
apps-download-size = Téléchargement : { $size }
apps-asks-for = Elle demande :
apps-install-button = Installer

## Sources d’applications

apps-remotes = Sources d’applications
apps-remotes-none = Aucune source d’applications n’est configurée.
apps-remote-disabled = Désactivée
apps-remote-add-title = Ajouter une source d’applications
apps-remote-add-explain = Les sources d’applications publient un fichier .flatpakrepo. Leur clé de signature est toujours vérifiée.
apps-remote-path = Chemin du fichier .flatpakrepo
apps-remote-name = Nom (vide : celui du fichier)
apps-remote-add = Ajouter la source
apps-remote-adding = Ajout…
apps-remote-added = La source d’applications { $remote } a été ajoutée.
apps-remote-error-no-path = Saisissez le chemin d’un fichier .flatpakrepo.
apps-remote-error-unreadable = Impossible de lire le fichier.
apps-remote-error-too-large = Le fichier est trop volumineux pour être un fichier .flatpakrepo.

## Les autorisations d’une application

apps-permissions-title = Autorisations de { $app }
apps-permissions-explain = Ce que l’application peut utiliser. Votre choix s’applique à cette application, pour vous seul ; « Par défaut » garde ce que disent l’application et les autres réglages.
apps-permissions-reset = Rétablir les réglages par défaut de l’application
apps-permissions-saving = Enregistrement…
apps-permissions-write-failed = La modification n’a pas été enregistrée. { $reason }
apps-choice-default = Par défaut
apps-choice-allow = Autoriser
apps-choice-deny = Refuser
apps-row-state = { $value } — { $source }
apps-source = { $layer ->
    [app] par défaut pour l’application
    [system-global] réglé pour toutes les applications de cet ordinateur
    [system-app] réglé pour cette application sur cet ordinateur
    [user-global] votre réglage pour toutes les applications
    [user-app] votre réglage pour cette application
   *[none] non demandé
}
apps-value-allowed = Autorisé
apps-value-denied = Non autorisé
apps-value-not-asked = Non autorisé
apps-value-access = { $access ->
    [ro] Lecture seule
    [rw] Lecture et écriture
    [create] Lecture et écriture, créé s’il manque
   *[denied] Non autorisé
}
apps-value-bus = { $policy ->
    [see] Peut le voir
    [talk] Peut communiquer avec lui
    [own] Peut posséder le nom
   *[none] Non autorisé
}
apps-value-environment = Valeur « { $value } »
apps-perm-line = { $permission } : { $value }
apps-perm-nothing = Elle ne demande aucune autorisation.
apps-perm-shared = { $word ->
    [network] Utiliser le réseau
    [ipc] Partager la mémoire avec d’autres programmes
   *[other] Partager « { $word } » avec cet ordinateur
}
apps-perm-socket = { $word ->
    [wayland] Afficher des fenêtres
    [x11] Afficher des fenêtres via X11
    [fallback-x11] Afficher des fenêtres via X11 en l’absence de Wayland
    [pulseaudio] Lire et enregistrer du son
    [session-bus] Communiquer avec tous les programmes de votre session
    [system-bus] Communiquer avec tous les services de cet ordinateur
    [ssh-auth] Utiliser vos clés SSH
    [pcsc] Utiliser des cartes à puce
    [cups] Imprimer
    [gpg-agent] Utiliser vos clés GPG
   *[other] Utiliser le socket « { $word } »
}
apps-perm-device = { $word ->
    [dri] Utiliser la carte graphique
    [input] Lire les périphériques d’entrée
    [usb] Utiliser les périphériques USB
    [kvm] Exécuter des machines virtuelles
    [shm] Partager la mémoire via /dev/shm
    [all] Utiliser tous les périphériques, comme les caméras et les micros
   *[other] Utiliser le périphérique « { $word } »
}
apps-perm-feature = { $word ->
    [devel] Utiliser des outils de débogage
    [multiarch] Exécuter des programmes conçus pour d’autres processeurs
    [bluetooth] Utiliser le Bluetooth
    [canbus] Utiliser des périphériques de bus CAN
    [per-app-dev-shm] Garder sa propre mémoire partagée
   *[other] Utiliser la fonction « { $word } »
}
apps-perm-filesystem = { $path ->
    [host] Tous les fichiers de cet ordinateur
    [host-os] Les programmes et bibliothèques du système
    [host-etc] Les réglages du système
    [home] Votre dossier personnel
    [xdg-download] Votre dossier Téléchargements
    [xdg-documents] Votre dossier Documents
    [xdg-music] Votre dossier Musique
    [xdg-pictures] Votre dossier Images
    [xdg-videos] Votre dossier Vidéos
    [xdg-desktop] Votre dossier Bureau
   *[other] Le dossier { $path }
}
apps-perm-session-bus = Communiquer avec { $name }
apps-perm-system-bus = Communiquer avec le service système { $name }
apps-perm-environment = La variable { $name }

## Autorisations accordées par les portails

apps-portal-title = Autorisé à sa demande
apps-portal-none = Rien n’a encore été autorisé à l’application à sa demande.
apps-portal = { $permission ->
    [notifications] Afficher des notifications
    [background] Fonctionner en arrière-plan
    [camera] Utiliser la caméra
    [microphone] Utiliser le micro
    [speakers] Lire du son
    [location] Connaître votre position
   *[screenshot] Faire des captures d’écran
}
apps-portal-other = { $table } : { $id }
apps-portal-state = { $granted ->
    [yes] { $permission } : autorisé
   *[no] { $permission } : non autorisé
}
apps-revoke = Révoquer
apps-revoke-failed = L’autorisation n’a pas pu être révoquée. { $reason }

## Échecs

apps-error-not-installed = L’application n’est pas installée.
apps-error-already-installed = L’application est déjà installée.
apps-error-unsigned = La source d’applications n’a pas de clé de signature : ce qu’elle propose ne peut pas être vérifié. Elle n’a pas été ajoutée.
apps-error-already-exists = Une source d’applications porte déjà ce nom.
apps-error-not-found = La source d’applications ne la propose pas.
apps-error-unreachable = Impossible de joindre la source d’applications. Vérifiez que cet ordinateur est en ligne.
apps-error-signature = Ce que la source d’applications a envoyé n’est pas signé par sa clé : cela a été refusé. Rien n’a été installé.
apps-error-cancelled = L’opération a été annulée.
apps-error-permission-denied = Ce n’était pas autorisé.
apps-error-no-space = Il n’y a pas assez d’espace sur le disque.
apps-error-app-running = L’application est ouverte. Fermez-la et réessayez.
apps-error-permission-store = Le magasin d’autorisations ne fonctionne pas. Réessayez dans un instant.
apps-error-permission-store-hung = Le magasin d’autorisations n’a pas répondu à temps. Réessayez pour lire ce qu’il conserve.
apps-error-system-helper = Le service système de Flatpak ne fonctionne pas : les applications pour tous les utilisateurs de cet ordinateur ne peuvent pas être modifiées pour l’instant. Rien n’a été modifié. Réessayez dans un instant.
apps-error-worker = Flatpak ne fonctionne pas pour le moment. La page réessaiera d’elle-même.
apps-error-other = Flatpak n’a pas pu le faire.
