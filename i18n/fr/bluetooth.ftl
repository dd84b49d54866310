# La page Bluetooth.
bluetooth-title = Bluetooth
    .keywords = bluetooth;sans fil;associer;association;appairer;appairage;appareil;appareils;casque;écouteurs;oreillettes;enceinte;haut-parleur;clavier;souris;manette;téléphone;adaptateur;visible;headset;pair;wireless

bluetooth-not-running = Bluetooth ne fonctionne pas
    .body = Le service Bluetooth (bluetoothd) ne fonctionne pas. Cette page se met à jour d’elle-même quand il démarre.
bluetooth-no-adapter = Aucun adaptateur Bluetooth
    .body = Cet ordinateur n’a pas d’adaptateur Bluetooth, ou il est éteint. Branchez-en un ou allumez-le : il apparaît ici de lui-même.
bluetooth-no-answer = Bluetooth ne répond pas
    .body = Le service Bluetooth fonctionne mais n’a pas répondu à temps. Cette page se met à jour d’elle-même quand il répond de nouveau.
bluetooth-unreadable = Impossible de lire l’état de Bluetooth
    .body = { $detail }. Cette page réessaie d’elle-même.

# L’adaptateur.
bluetooth-adapter-heading = Cet ordinateur
bluetooth-adapter-choice = Adaptateur Bluetooth
bluetooth-adapter-name = { $name } ({ $id })
bluetooth-adapter-address = Adresse { $address }
bluetooth-power = Bluetooth
bluetooth-power-on = Activé : des appareils peuvent se connecter à cet ordinateur.
bluetooth-power-off = Désactivé : aucun appareil ne peut se connecter.
bluetooth-power-turning-on = Activation…
bluetooth-power-turning-off = Désactivation…
bluetooth-visible-as = Visible sous le nom
bluetooth-alias-save = Enregistrer le nom
bluetooth-saving = Enregistrement…
bluetooth-discoverable = Tant que cette page est ouverte, les appareils à proximité peuvent trouver cet ordinateur sous le nom « { $name } ».
bluetooth-discoverable-soon = Tant que cette page est ouverte, les appareils à proximité peuvent trouver cet ordinateur.
bluetooth-discoverable-off = Activez Bluetooth pour que les appareils à proximité trouvent cet ordinateur.
bluetooth-address = Adresse
bluetooth-name-empty = Saisissez un nom : il ne peut pas être vide.
bluetooth-name-too-long = Un nom compte au plus { $max } octets (les lettres de certaines écritures en prennent deux ou trois) ; celui-ci en a { $bytes }. Raccourcissez-le.

# Les appareils.
bluetooth-my-devices = Mes appareils
bluetooth-nearby = Appareils à proximité
bluetooth-no-paired = Aucun appareil n’est encore associé à cet ordinateur.
bluetooth-searching = Recherche d’appareils…
bluetooth-searching-note = La recherche d’autres appareils continue tant que cette page est ouverte.
bluetooth-no-nearby = Aucun autre appareil à proximité.
bluetooth-off-nearby = Activez Bluetooth pour trouver les appareils à proximité.

bluetooth-kind-headset = Casque-micro
bluetooth-kind-headphones = Casque
bluetooth-kind-speaker = Enceinte
bluetooth-kind-keyboard = Clavier
bluetooth-kind-mouse = Souris
bluetooth-kind-gamepad = Manette de jeu
bluetooth-kind-phone = Téléphone
bluetooth-kind-computer = Ordinateur
bluetooth-kind-tablet = Tablette graphique
bluetooth-kind-watch = Montre
bluetooth-kind-printer = Imprimante
bluetooth-kind-camera = Appareil photo
bluetooth-kind-other = Appareil

bluetooth-signal-strong = Signal fort
bluetooth-signal-fair = Signal moyen
bluetooth-signal-weak = Signal faible
bluetooth-state-connected = Connecté
bluetooth-state-paired = Associé
bluetooth-state-trusted = De confiance
bluetooth-state-blocked = Bloqué
bluetooth-battery = Batterie { $percent } %

bluetooth-busy-pairing = Association…
bluetooth-busy-connecting = Connexion…
bluetooth-busy-disconnecting = Déconnexion…
bluetooth-busy-forgetting = Suppression…
bluetooth-busy-blocking = Blocage…
bluetooth-busy-unblocking = Déblocage…
bluetooth-busy-renaming = Renommage…

bluetooth-pair = Associer
bluetooth-connect = Connecter
bluetooth-disconnect = Déconnecter
bluetooth-details-show = Détails
bluetooth-details-hide = Masquer les détails
bluetooth-forget = Oublier
bluetooth-block = Bloquer
bluetooth-unblock = Débloquer
bluetooth-rename = Renommer
bluetooth-rename-label = Nom
bluetooth-rename-save = Enregistrer
bluetooth-cancel = Annuler
bluetooth-dismiss = Fermer
bluetooth-sound-settings = Réglages du son
bluetooth-kind = Type
bluetooth-services = Services
bluetooth-services-none = Aucun signalé
bluetooth-own-name = Son propre nom
bluetooth-forget-question = Oublier « { $name } » ?
    .body = Cet ordinateur supprime l’association. Pour réutiliser l’appareil, associez-le de nouveau.

bluetooth-service-audio-sink = Lecture audio
bluetooth-service-audio-source = Source audio
bluetooth-service-headset = Appels (casque-micro)
bluetooth-service-remote-control = Commandes multimédia
bluetooth-service-input = Saisie (clavier, souris)
bluetooth-service-battery = Niveau de batterie
bluetooth-service-file-transfer = Transfert de fichiers
bluetooth-service-network = Partage de réseau
bluetooth-service-serial-port = Port série
bluetooth-service-phone-book = Contacts
bluetooth-service-messages = Messages
bluetooth-service-other = Service { $uuid }

# La fenêtre d’association.
bluetooth-pairing-title = Association avec « { $name } »
bluetooth-ask-pin = Saisissez le code PIN de « { $name } » (1 à 16 caractères). Il figure dans le manuel de l’appareil ou s’affiche dessus.
bluetooth-ask-passkey = Saisissez le code à 6 chiffres qu’affiche « { $name } ».
bluetooth-ask-display = Tapez { $code } sur « { $name } », puis appuyez sur Entrée.
bluetooth-display-progress = { $entered } chiffres sur 6 tapés sur l’appareil
bluetooth-ask-confirm = « { $name } » affiche-t-il { $code } ? Ne confirmez que s’il affiche le même nombre.
bluetooth-ask-authorize = « { $name } » veut s’associer à cet ordinateur. L’autoriser ?
bluetooth-ask-authorize-service = « { $name } » veut utiliser { $service } sur cet ordinateur. L’autoriser ?
bluetooth-pin-label = Code PIN
bluetooth-passkey-label = Code
bluetooth-confirm = Confirmer
bluetooth-allow = Autoriser
bluetooth-deny = Refuser
bluetooth-pin-empty = Saisissez le code PIN.
bluetooth-pin-too-long = Un code PIN compte au plus 16 caractères.
bluetooth-pin-not-printable = Un code PIN ne peut pas contenir de caractères de contrôle.
bluetooth-passkey-not-digits = Le code est le nombre d’au plus 6 chiffres affiché par l’appareil.
bluetooth-request-ended = « { $name } » n’attend plus de réponse : l’association a été annulée sur l’appareil, ou personne n’a répondu à temps.

# Commandes échouées ; la raison donnée par BlueZ suit.
bluetooth-error-with-reason = { $sentence } BlueZ indique : { $reason }
bluetooth-error-power-on = Impossible d’activer Bluetooth.
bluetooth-error-power-off = Impossible de désactiver Bluetooth.
bluetooth-error-alias = Impossible de changer le nom sous lequel cet ordinateur est visible.
bluetooth-error-pair = Impossible d’associer « { $name } ».
bluetooth-error-connect = Impossible de se connecter à « { $name } ».
bluetooth-error-disconnect = Impossible de déconnecter « { $name } ».
bluetooth-error-forget = Impossible d’oublier « { $name } ».
bluetooth-error-block = Impossible de bloquer « { $name } ».
bluetooth-error-unblock = Impossible de débloquer « { $name } ».
bluetooth-error-rename = Impossible de renommer « { $name } ».
bluetooth-error-not-running = Le service Bluetooth s’est arrêté.
bluetooth-error-no-adapter = L’adaptateur Bluetooth a disparu.
bluetooth-error-no-answer = Le service Bluetooth n’a pas répondu à temps.
bluetooth-error-blocked = L’adaptateur Bluetooth est éteint ou bloqué.
bluetooth-error-not-permitted = Vous n’êtes pas autorisé à modifier ce réglage Bluetooth.
bluetooth-error-busy = « { $name } » traite déjà une autre demande ; réessayez dans un instant.
bluetooth-error-not-found = « { $name } » n’est plus connu de cet ordinateur.
bluetooth-error-not-supported = L’appareil ou l’adaptateur ne sait pas faire cela.
bluetooth-error-nothing-to-connect = « { $name } » ne propose rien à quoi cet ordinateur puisse se connecter ; il reste associé.
bluetooth-error-rejected = « { $name } » a refusé l’association.
bluetooth-error-auth-failed = L’association avec « { $name } » a échoué : les codes ne correspondaient pas.
bluetooth-error-canceled = L’association avec « { $name } » a été annulée.
bluetooth-error-auth-timeout = « { $name } » n’a pas répondu à temps pendant l’association.
