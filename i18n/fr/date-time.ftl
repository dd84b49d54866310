## The Date & Time page: the clock, automatic time, the time zone, the 24-hour clock.

date-time-title = Date et heure
    .keywords = date;heure;horloge;fuseau horaire;fuseau;zone;NTP;heure automatique;heure réseau;24 heures;12 heures;UTC;calendrier;time;clock;time zone;timezone

date-time-not-running = Le service de l’heure ne fonctionne pas
    .body = Les réglages de date et d’heure viennent de systemd-timedated. Cette page les affiche d’elle-même dès qu’il fonctionne.
date-time-unreadable = Les réglages du service de l’heure ne peuvent pas être lus

# The live clock as a screen reader hears it.
date-time-clock-name = { $time }, { $date }
# The machine's zone with its offset: "Berlin (Europe), UTC+01:00".
date-time-zone-line = { $zone }, { $offset }
date-time-utc = UTC
# $offset is written with its sign: "+01:00", "−03:30".
date-time-offset = UTC{ $offset }

date-time-time-heading = Heure
date-time-automatic = Date et heure automatiques
    .desc = Réglées par les serveurs de temps du réseau.
date-time-automatic-synchronized = Réglées par les serveurs de temps du réseau ; l’horloge est synchronisée.
date-time-automatic-unavailable = L’heure automatique n’est pas disponible : aucun service de synchronisation de l’heure n’est installé sur cet ordinateur.
date-time-turning-automatic-on = Activation de l’heure automatique…
date-time-turning-automatic-off = Désactivation de l’heure automatique…

date-time-manual-open = Régler la date et l’heure…
date-time-manual-title = Régler la date et l’heure
date-time-manual-hint = L’heure est celle du fuseau horaire de cet ordinateur, sur 24 heures.
date-time-manual-date = Date (année-mois-jour)
date-time-manual-time = Heure (heures:minutes)
date-time-manual-set = Régler
date-time-setting-time = Réglage de l’horloge…
date-time-manual-date-form = Écrivez la date sous la forme année-mois-jour, par exemple 2026-12-07.
date-time-manual-no-such-day = Ce jour n’existe pas. Vérifiez le mois et le jour.
date-time-manual-year-range = Choisissez une année entre 1970 et 2199.
date-time-manual-time-form = Écrivez l’heure sous la forme heures:minutes, par exemple 14:05.
date-time-manual-no-such-time = Cette heure n’existe pas. Les heures vont de 0 à 23, les minutes de 0 à 59.
date-time-cancel = Annuler

date-time-zone-heading = Fuseau horaire
date-time-zone-change = Changer de fuseau horaire…
date-time-changing-zone = Passage au fuseau horaire { $zone }…
date-time-picker-title = Choisir un fuseau horaire
date-time-picker-search = Rechercher par ville, région ou pays
date-time-picker-loading = Lecture des fuseaux horaires…
date-time-picker-none = Aucun fuseau horaire ne correspond à « { $query } ».
date-time-picker-more = D’autres fuseaux horaires correspondent : tapez davantage du nom pour réduire la liste.
# A zone's local time now, what a screen reader hears after the zone.
date-time-picker-local = Heure locale : { $time }

date-time-clock-heading = Horloge
date-time-24-hour = Horloge sur 24 heures
    .desc = 14:00 plutôt que 2:00 PM. Votre choix personnel ; il ne change pas l’horloge de l’ordinateur.

date-time-error-zone-refused = Le fuseau horaire n’a pas été changé : un administrateur ne l’a pas autorisé.
date-time-error-automatic-refused = L’heure automatique n’a pas été changée : un administrateur ne l’a pas autorisé.
date-time-error-time-refused = L’horloge n’a pas été réglée : un administrateur ne l’a pas autorisé.
date-time-error-unknown-zone = Cet ordinateur ne connaît pas le fuseau horaire { $zone }.
date-time-error-gone = Le service de l’heure s’est arrêté avant que la modification soit faite. Rien n’a été changé ; réessayez.
date-time-error-no-answer = Le service de l’heure n’a pas répondu. La modification n’a peut-être pas été faite ; la page affiche ce que dit le service dès qu’il répond.
date-time-error-automatic-on = L’horloge ne peut pas être réglée à la main tant que l’heure automatique est activée.
date-time-error-skipped = { $time } n’existe pas dans ce fuseau horaire (les horloges sautent cette heure). Choisissez une autre heure.
date-time-error-failed = La modification n’a pas été faite : le service de l’heure a signalé un échec.
