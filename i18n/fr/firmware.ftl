## La page Micrologiciel : les appareils connus de fwupd, leurs mises à jour et leur installation.

firmware-title = Micrologiciel
    .keywords = micrologiciel;firmware;mise à jour;mises à jour;BIOS;UEFI;fwupd;LVFS;appareil;périphérique;webcam;station d’accueil;dock;update;updates

firmware-devices = Appareils
firmware-none = Aucun appareil dont le micrologiciel peut être affiché n’a été trouvé.
firmware-not-running = Le service de micrologiciel n’est pas en cours d’exécution
    .body = Les mises à jour du micrologiciel proviennent de fwupd. Cette page affiche ses appareils d’elle-même dès qu’il fonctionne.
firmware-unreadable = Les appareils du service de micrologiciel ne peuvent pas être lus

## Un appareil

firmware-vendor = Fabriqué par { $vendor }
firmware-version = Version { $version }
firmware-version-unknown = Version inconnue
firmware-live-usable = Il peut être utilisé pendant sa mise à jour.
firmware-live-unusable = Il ne peut pas être utilisé pendant sa mise à jour.
firmware-live-reboot = Sa mise à jour se termine au redémarrage de l’ordinateur.
firmware-live-shutdown = Sa mise à jour se termine après l’extinction de l’ordinateur.
firmware-not-updatable = Son micrologiciel ne peut pas être mis à jour ici.
firmware-up-to-date = À jour.
firmware-state-pending = Une mise à jour attend le prochain redémarrage.
firmware-state-success = La dernière mise à jour a réussi.
firmware-state-failed = La dernière mise à jour a échoué : { $reason }
firmware-state-failed-plain = La dernière mise à jour a échoué.
firmware-state-needs-reboot = La dernière mise à jour se termine au redémarrage de l’ordinateur.
firmware-state-failed-transient = La dernière mise à jour n’a pas pu s’exécuter. Elle peut être retentée.

## Une mise à jour disponible

firmware-update-available = La version { $version } est disponible
firmware-update-size = Taille : { $size }
firmware-urgency-low = Urgence faible
firmware-urgency-medium = Urgence moyenne
firmware-urgency-high = Urgence élevée
firmware-urgency-critical = Critique : à installer rapidement
firmware-release-notes = Nouveautés
firmware-update = Mettre à jour
firmware-update-elsewhere = Une autre mise à jour est en cours d’installation.
firmware-being-updated = Cette mise à jour est en cours d’installation.
# fwupd installe une mise à jour demandée par un autre programme.
firmware-busy-elsewhere = Un autre programme met à jour un micrologiciel : { $step }, { $percent } %.

## Une mise à jour en cours

firmware-updating = Mise à jour de { $device } vers la version { $version }
firmware-step-downloading = Téléchargement de la mise à jour
firmware-step-checking = Vérification du téléchargement
firmware-step-preparing = Préparation de la mise à jour
firmware-step-authorizing = En attente d’autorisation
firmware-step-device-busy = En attente de l’appareil
firmware-step-reading = Lecture de l’appareil
firmware-step-erasing = Effacement de l’ancien micrologiciel
firmware-step-writing = Écriture du micrologiciel
firmware-step-verifying = Vérification du micrologiciel
firmware-step-restarting = Redémarrage de l’appareil
firmware-step-waiting-for-you = En attente de votre action
firmware-step-working = Mise à jour en cours
# Le nom de la barre de progression, lu par les lecteurs d’écran.
firmware-progress = { $device } : { $step }, { $percent } %
# Annoncé quand l’étape change.
firmware-progress-step = { $device } : { $step }

## Comment une mise à jour s’est terminée

firmware-done = La mise à jour de { $device } vers la version { $version } est terminée.
firmware-restart-needed = La mise à jour de { $device } vers la version { $version } se terminera au redémarrage de l’ordinateur.
firmware-shutdown-needed = La mise à jour de { $device } vers la version { $version } se terminera après l’extinction puis le redémarrage de l’ordinateur.
firmware-failed = La mise à jour de { $device } vers la version { $version } n’a pas été effectuée.
firmware-restart = Redémarrer pour terminer
firmware-close = Fermer
firmware-restart-failed = Impossible de redémarrer l’ordinateur.

## Pourquoi quelque chose a échoué

firmware-error-offline = Cet ordinateur est hors ligne, la mise à jour n’a donc pas pu être téléchargée.
firmware-error-untrusted = L’identité du serveur de téléchargement { $host } n’a pas pu être vérifiée, la mise à jour n’a donc pas été téléchargée.
firmware-error-download = La mise à jour n’a pas pu être téléchargée.
firmware-error-checksum = Le fichier téléchargé n’est pas celui que décrit la mise à jour, rien n’a donc été installé.
firmware-error-no-checksum = La mise à jour n’indique aucune somme de contrôle pour vérifier le téléchargement, rien n’a donc été installé.
firmware-error-no-location = La mise à jour n’indique pas d’où elle peut être téléchargée.
firmware-error-unsupported = La mise à jour est proposée à une adresse depuis laquelle cet ordinateur ne peut pas télécharger.
firmware-error-busy = L’appareil est occupé. Réessayez quand il ne sera plus utilisé.
firmware-error-not-authorized = Vous n’êtes pas autorisé à mettre à jour le micrologiciel sur cet ordinateur.
firmware-error-not-running = Le service de micrologiciel n’est pas en cours d’exécution.
firmware-error-stopped-during = Le service de micrologiciel s’est arrêté pendant la mise à jour. Les appareils ci-dessous apparaissent tels qu’il les signale maintenant.
firmware-error-timeout = Le service de micrologiciel n’a pas répondu à temps.
firmware-error-nothing-to-do = Il n’y a rien à installer : cette version est déjà présente.
firmware-error-refused = Le service de micrologiciel a refusé la mise à jour.
firmware-error-remote = La source des mises à jour n’est pas disponible.
firmware-error-local = Un problème est survenu sur cet ordinateur pendant la préparation de la mise à jour.
firmware-error-bus = Le service de micrologiciel est injoignable.

## Rechercher des mises à jour

firmware-check = Rechercher des mises à jour
firmware-refresh-checking = Recherche de mises à jour…
firmware-refresh-last = { $days ->
    [0] Dernière recherche de mises à jour : aujourd’hui.
    [one] Dernière recherche de mises à jour : hier.
    [many] Dernière recherche de mises à jour : il y a { $days } de jours.
   *[other] Dernière recherche de mises à jour : il y a { $days } jours.
}
firmware-refresh-never = Aucune recherche de mises à jour n’a encore été effectuée.
firmware-refresh-metered = Les mises à jour ne sont pas recherchées automatiquement sur une connexion limitée. Choisissez « Rechercher des mises à jour » pour les rechercher maintenant.
firmware-refresh-offline = Cet ordinateur est hors ligne. Les mises à jour seront recherchées dès qu’il sera de nouveau en ligne.
firmware-refresh-failed = Impossible de rechercher des mises à jour. { $reason }
firmware-refresh-no-remote = Aucune source de mises à jour du micrologiciel n’est configurée.

## fwupd demande à l’utilisateur de faire quelque chose

firmware-prompt-title = { $device } a besoin de vous
firmware-request-remove-replug = Débranchez { $device } puis rebranchez-le.
firmware-request-press-unlock = Appuyez sur le bouton de déverrouillage de { $device }.
firmware-request-remove-usb-cable = Retirez le câble USB de { $device }.
firmware-request-insert-usb-cable = Branchez le câble USB sur { $device }.
firmware-request-do-not-power-off = N’éteignez ni { $device } ni cet ordinateur avant la fin de la mise à jour.
firmware-request-replug-install = Débranchez { $device } puis rebranchez-le pour installer la mise à jour.
firmware-request-replug-power = Débranchez { $device } de son alimentation puis rebranchez-le.
firmware-request-vendor = { $device } : { $message }
firmware-request-generic = { $device } nécessite une action de votre part avant que la mise à jour puisse continuer.
firmware-prompt-done = Terminé
firmware-device-unknown = Appareil inconnu
