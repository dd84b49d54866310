# La page Son (PipeWire, avec WirePlumber comme gestionnaire de session).

sound-title = Son
    .keywords = son;audio;volume;haut-parleurs;haut-parleur;enceintes;casque;écouteurs;casque-micro;micro;microphone;muet;couper le son;sourdine;balance;sortie;entrée;niveau;fort;pipewire;speakers;headphones;mute

## Les deux sections principales.
sound-output-heading = Sortie
sound-input-heading = Entrée
sound-no-outputs = Aucune sortie trouvée : aucune carte son, aucun casque ni aucun haut-parleur n’est connecté.
sound-no-inputs = Aucune entrée trouvée : aucun microphone n’est connecté.
sound-output-volume = Volume de sortie
sound-output-mute = Couper le son de la sortie
sound-input-volume = Volume d’entrée
sound-input-mute = Couper le microphone
sound-balance = Balance
sound-balance-centre = Centrée
sound-balance-left = { $percent } % à gauche
sound-balance-right = { $percent } % à droite
sound-output-level = Niveau de sortie
sound-input-level = Niveau d’entrée
sound-level-unavailable = Le niveau ne peut pas être mesuré. { $reason }
sound-nothing-playing = Aucune lecture en cours.
sound-test = Tester les haut-parleurs
sound-testing = Lecture d’un son sur chaque haut-parleur tour à tour, en commençant par la gauche…
sound-amplify = Autoriser plus de 100 %
    .desc = Le volume peut monter jusqu’à 150 %. Au-delà de 100 %, le son peut être distordu.

## Les applications.
sound-apps-heading = Applications
sound-no-streams = Aucune application ne lit ni n’enregistre de son.
sound-stream-unnamed = Application sans nom
sound-stream-unlinked = Pas encore connectée à un appareil.
sound-stream-playing-on = Lecture sur { $devices }
sound-stream-recording-from = Enregistrement depuis { $devices }
sound-stream-volume = Volume
sound-stream-mute = Couper le son
sound-stream-output = Lire sur
sound-stream-input = Enregistrer depuis
sound-stream-follow-default-output = La sortie par défaut ({ $device })
sound-stream-follow-default-input = L’entrée par défaut ({ $device })

## Les appareils et leurs profils.
sound-devices-heading = Appareils
sound-no-devices = Aucune carte son ni aucun casque n’est connecté.
sound-no-profiles = Cet appareil ne propose aucun profil à choisir.
sound-profile-of = profil de { $device }
sound-profile-off = L’appareil n’est pas utilisé.
sound-profile-duplex = Lit le son et enregistre depuis son entrée micro.
sound-profile-output = Lecture seule ; ses entrées ne sont pas utilisées.
sound-profile-input = Enregistrement seul ; ses sorties ne sont pas utilisées.
sound-profile-a2dp = Meilleure qualité sonore pour l’écoute ; le micro du casque est coupé.
sound-profile-headset = Active le micro du casque pour les appels ; la qualité sonore est moindre.
sound-profile-pro-audio = Chaque canal séparément, sans mixage, pour les logiciels de studio.
sound-profile-unavailable = Rien n’y est branché pour le moment.

## Quand le son ne peut pas être affiché.
sound-not-running = Le service audio n’est pas en cours d’exécution
    .body = PipeWire, qui lit et enregistre le son, n’est pas en cours d’exécution. Cette page réapparaît d’elle-même dès qu’il démarre.
sound-no-answer = Le service audio ne répond pas
    .body = PipeWire fonctionne mais n’a pas répondu à temps. Cette page réessaie d’elle-même.
sound-unreadable = Le son ne peut pas être affiché
    .body = Impossible de lire le service audio : { $detail }
sound-no-session-manager = Les appareils audio ne sont pas gérés
    .body = WirePlumber, qui choisit les appareils par défaut et y connecte les applications, n’est pas en cours d’exécution. Le volume peut être modifié ; les appareils ne pourront être choisis qu’après son démarrage.

## Une commande qui a échoué : quoi, puis pourquoi.
sound-failed-default = Impossible de définir « { $name } » par défaut.
sound-failed-volume = Impossible de modifier le volume de « { $name } ».
sound-failed-mute = Impossible de couper ou de rétablir le son de « { $name } ».
sound-failed-move = Impossible de déplacer « { $name } » vers un autre appareil.
sound-failed-profile = Impossible de changer le profil de « { $name } ».
sound-failed-test = Impossible de lancer le test des haut-parleurs sur « { $name } ».
sound-error-not-running = Le service audio n’est pas en cours d’exécution.
sound-error-no-session-manager = WirePlumber, le gestionnaire de session audio, n’est pas en cours d’exécution.
sound-error-no-answer = Le service audio n’a pas répondu à temps.
sound-error-gone = Il n’existe plus (débranché ou fermé).
sound-error-no-profile = L’appareil ne propose plus ce profil.
sound-error-unsuitable = Il ne peut pas servir à cela.
sound-error-no-volume = Il n’a pas de réglage de volume.
sound-error-invalid-volume = Ce volume n’est pas autorisé ; activez « Autoriser plus de 100 % » pour dépasser 100 %.
sound-error-not-permitted = Le service audio ne l’a pas permis.
sound-error-refused = Le service audio a refusé la modification.
sound-error-stream-failed = Le flux audio s’est arrêté (l’appareil a peut-être disparu).
sound-error-local = L’application Paramètres n’a pas pu communiquer avec le service audio.

## Added with ports and paused streams.
sound-port = Connecteur
sound-port-unplugged = Rien n’est branché.
sound-stream-paused = En pause
sound-failed-port = Impossible de basculer « { $name } » sur ce connecteur.
sound-preferences-invalid = Les réglages du son enregistrés n’ont pas pu être lus ; le volume s’arrête à 100 % jusqu’à ce que vous choisissiez à nouveau.
sound-preferences-not-saved = Votre choix concernant les volumes au-delà de 100 % n’a pas pu être enregistré ; il vaut jusqu’à la fermeture des réglages.
