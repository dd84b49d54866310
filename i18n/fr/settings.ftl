## Ferrum Settings: the window, its sidebar and search

app-title = Paramètres
search-placeholder = Rechercher dans les paramètres
search-label = Rechercher dans les paramètres
search-no-results = Aucun paramètre ne correspond à « { $query } ».
theme-toggle-dark = Style sombre
theme-toggle-light = Style clair
unknown-panel = Il n’existe aucune page de paramètres nommée « { $panel } ». Affichage de « { $fallback } » à la place.
unknown-panel-detail = Pages connues : { $known }

## The one error surface every page shares

error-details-show = Détails
error-details-hide = Masquer les détails
error-copy = Copier les détails
error-dismiss = Fermer
control-about = { $control } : { $subject }

## Service states shared by every page

service-loading = Chargement…
service-bus-unreachable = Le bus de messages du système est injoignable ; les paramètres ne peuvent donc être ni lus ni modifiés. Nouvelle tentative…

## Power page

power-title = Énergie
    .keywords = énergie;alimentation;batterie;profil;performance;équilibré;économie d’énergie;économie;charge;santé;mode;secteur;branché;power;battery;ac
power-mode-heading = Mode d’énergie
profile-performance = Performance
    .desc = Performances et consommation d’énergie élevées.
profile-balanced = Équilibré
    .desc = Performances et consommation d’énergie normales.
profile-power-saver = Économie d’énergie
    .desc = Performances et consommation d’énergie réduites.
profile-unknown = { $name }
    .desc = Un mode d’énergie proposé par cet ordinateur.
profile-driver = Pilote : { $driver }
profile-switching = Changement en cours…
degraded-lap-detected = Le mode Performance est temporairement limité, car l’ordinateur est posé sur vos genoux.
degraded-high-temperature = Le mode Performance est temporairement limité, car l’ordinateur est trop chaud.
degraded-other = Le mode Performance est temporairement limité ({ $reason }).
holds-heading = Demandé par des applications
hold-row = { $app } demande le mode « { $profile } » : { $reason }
hold-row-no-reason = { $app } demande le mode « { $profile } »
power-profiles-unavailable = Les modes d’énergie ne sont pas disponibles
    .body = Le service des profils d’énergie (power-profiles-daemon) n’est pas en cours d’exécution. Cette page se mettra à jour d’elle-même dès qu’il démarrera.
power-profiles-failed = Impossible de lire les modes d’énergie.
power-profile-not-authorized = Vous n’êtes pas autorisé à changer le mode d’énergie.
power-profile-not-offered = Cet ordinateur ne propose pas le mode « { $profile } ».
power-profile-service-gone = Impossible de changer le mode d’énergie, car le service des profils d’énergie s’est arrêté.
power-profile-failed = Impossible de changer le mode d’énergie.
power-profile-no-answer = power-profiles-daemon n’a pas répondu à temps. La page montre le dernier mode d’énergie annoncé et suivra tout changement ultérieur.

## Battery section of the Power page

battery-heading = Batterie
battery-percent = { $percent } %
battery-name = { $vendor } { $model }
battery-name-unknown = Batterie
battery-state-charging = En charge
battery-state-discharging = Sur batterie
battery-state-empty = Déchargée
battery-state-fully-charged = Batterie pleine
battery-state-pending-charge = Pas en charge
battery-state-pending-discharge = En attente de décharge
battery-state-unknown = État inconnu
battery-time-to-empty = Temps restant : { $time }
battery-time-to-full = Charge complète dans { $time }
duration-hours-minutes = { $hours } h { $minutes } min
duration-minutes = { $minutes } min
battery-health = Santé
battery-health-value = { $percent } % de la capacité nominale ({ $full } Wh sur { $design } Wh)
battery-cycles = { $cycles ->
    [one] { $cycles } cycle de charge
   *[other] { $cycles } cycles de charge
}
battery-rate = { $watts } W
power-source = Source d’alimentation
power-source-ac = Sur secteur
power-source-battery = Sur batterie
no-batteries = Cet ordinateur n’a pas de batterie.
upower-unavailable = Les informations sur la batterie ne sont pas disponibles
    .body = Le service d’informations sur l’alimentation (UPower) n’est pas en cours d’exécution. Cette page se mettra à jour d’elle-même dès qu’il démarrera.
upower-failed = Impossible de lire les informations sur la batterie.

## About page

about-title = À propos
    .keywords = à propos;système;version;noyau;nom d’hôte;nom de l’appareil;mémoire;processeur;système d’exploitation;informations;about;kernel;hostname;cpu;os
about-os = Système d’exploitation
about-kernel = Noyau
about-hostname = Nom de l’appareil
about-processor = Processeur
about-memory = Mémoire
about-memory-value = { $gib } Gio
about-unknown = Inconnu
about-read-failed = Impossible de lire les informations sur le système.
about-network-name = Nom sur le réseau
about-rename = Renommer…
about-rename-unavailable = Impossible de renommer l’ordinateur : le service du nom d’hôte ne fonctionne pas.
about-rename-title = Renommer cet ordinateur
about-rename-hint = Le nom de l’appareil est celui que les autres voient, par exemple en Bluetooth. Le nom sur le réseau identifie l’ordinateur sur les réseaux ; il suit le nom de l’appareil tant que vous ne le modifiez pas.
about-rename-pretty = Nom de l’appareil
about-rename-static = Nom sur le réseau
about-rename-save = Renommer
about-rename-cancel = Annuler
about-renaming = Changement du nom de l’ordinateur…
about-rename-pretty-empty = Saisissez un nom d’appareil.
about-rename-pretty-control = Le nom de l’appareil ne peut pas contenir de tabulations ni de retours à la ligne.
about-rename-pretty-long = Le nom de l’appareil est trop long. Choisissez un nom plus court.
about-rename-static-empty = Saisissez un nom sur le réseau.
about-rename-static-characters = Le nom sur le réseau ne peut contenir que les lettres a à z, des chiffres et des traits d’union.
about-rename-static-long = Le nom sur le réseau peut compter au plus 64 caractères.
about-rename-static-hyphen = Le nom sur le réseau ne peut ni commencer ni finir par un trait d’union.
about-rename-refused = Le nom n’a pas été modifié : un administrateur ne l’a pas autorisé.
about-rename-gone = Le nom n’a pas été modifié : le service du nom d’hôte ne fonctionne pas.
about-rename-no-answer = Le service du nom d’hôte n’a pas répondu. Le nom n’a peut-être pas été modifié ; la page affiche ce que dit le service dès qu’il répond.
about-rename-invalid = Le service du nom d’hôte n’a pas accepté ce nom.
about-rename-failed = Impossible de modifier le nom.
about-rename-partial = Le nom de l’appareil a été modifié, mais pas le nom sur le réseau. La page affiche les noms actuels de l’ordinateur.

## Accessibility page

a11y-title = Accessibilité
    .keywords = accessibilité;lecteur d’écran;synthèse vocale;parole;voix;contraste;taille du texte;grand texte;zoom;loupe;mouvement;animation;clavier;accessibility;a11y;screen reader;orca
a11y-seeing-heading = Vision
a11y-hearing-heading = Audition et parole
a11y-high-contrast = Contraste élevé
    .desc = Des couleurs et des contours plus marqués, plus faciles à distinguer.
a11y-text-scale = Taille du texte
    .desc = Agrandit le texte et les contrôles.
a11y-text-scale-value = { $percent } %
a11y-reduced-motion = Réduire les animations
    .desc = Désactive les animations et les effets de mouvement.
a11y-self-voicing = Énoncer l’élément ayant le focus
    .desc = Lit à voix haute chaque contrôle dès qu’il reçoit le focus clavier, sans lecteur d’écran séparé.
a11y-speech-unavailable = La synthèse vocale n’est pas disponible : le service vocal (speech-dispatcher) n’est pas en cours d’exécution.
a11y-preferences-not-saved = Impossible d’enregistrer vos paramètres d’accessibilité ; ils s’appliquent jusqu’à la fermeture de Paramètres.
a11y-preferences-invalid = Impossible de lire vos paramètres d’accessibilité enregistrés ; les valeurs par défaut sont utilisées.

## Words self-voicing and screen readers use

role-button = bouton
role-switch = bouton bascule
role-check-box = case à cocher
role-radio-button = bouton radio
role-radio-group = groupe de choix
role-slider = glissière
role-list-item = élément de liste
role-list = liste
role-text-input = zone de saisie
role-password-input = champ de mot de passe
role-heading = en-tête
role-label = texte
role-group = groupe
role-progress = barre de progression
role-alert = alerte
state-on = activé
state-off = désactivé
state-selected = sélectionné
state-unavailable = indisponible
secret-characters = { $count ->
    [one] { $count } caractère
   *[other] { $count } caractères
}

# Started without a display (printed, one sentence).
no-display = Aucune fenêtre ne peut être affichée : il n’y a pas d’affichage Wayland (WAYLAND_DISPLAY n’est pas défini) ; lancez-le depuis une session Wayland.
no-display-socket = Aucune fenêtre ne peut être affichée : l’affichage Wayland { $path } n’existe pas.

# Said when reading aloud is turned on or off.
voicing-on = Lecture à voix haute activée
voicing-off = Lecture à voix haute désactivée
upower-no-answer = UPower n’a pas répondu à temps : l’état de la batterie est inconnu.

# A percentage (a level, a volume).
percent-value = { $percent } %

# A size in bytes, kilobytes (1000 bytes), megabytes and gigabytes.
size-bytes = { $size } octets
size-kb = { $size } ko
size-mb = { $size } Mo
size-gb = { $size } Go
