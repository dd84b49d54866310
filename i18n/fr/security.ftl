# La page Sécurité de l’appareil : le niveau de sécurité de l’hôte (HSI) selon fwupd et ses
# contrôles, et les informations propres à cet ordinateur (Secure Boot et ses clés,
# le TPM, le PCR 11 comparé à la prédiction signée, la racine vérifiée).

security-title = Sécurité de l’appareil
    .keywords = sécurité;sécurité de l’appareil;démarrage sécurisé;secure boot;tpm;hsi;sécurité du micrologiciel;micrologiciel;firmware;pcr;démarrage mesuré;measured boot;verity;uefi;clés;attestation;fwupd

## Le titre : le niveau de sécurité de l’hôte selon fwupd.
security-hsi-heading = Niveau de sécurité
security-hsi-level = Niveau { $level } sur 5
security-hsi-0 = Le micrologiciel ne dispose même pas des protections les plus élémentaires : n’importe qui, avec quelques minutes et les bons outils, pourrait modifier ce qu’il exécute.
security-hsi-1 = Protection de base : le micrologiciel est protégé contre les attaques les plus simples, mais pas contre une personne ayant un accès physique prolongé.
security-hsi-2 = Protégé contre une personne ayant l’ordinateur entre les mains pendant peu de temps : le micrologiciel ne peut pas être facilement lu ni réécrit.
security-hsi-3 = Protégé aussi contre des attaques plus difficiles, y compris certaines qui restent surtout théoriques aujourd’hui.
security-hsi-4 = Protégé contre les attaques qui nécessitent de démonter l’ordinateur.
security-hsi-5 = Le niveau le plus élevé : le micrologiciel est protégé et son état peut être prouvé à des tiers.
security-hsi-runtime-issue = Le « ! » après le niveau : un problème détecté pendant le fonctionnement du système réduit la confiance (voir « Détecté pendant le fonctionnement » ci-dessous).
security-hsi-invalid = Aucun niveau de sécurité
security-hsi-invalid-virtual = Ceci est une machine virtuelle : son micrologiciel est celui que fournit l’hôte, fwupd ne lui attribue donc aucun niveau. Les contrôles et les informations propres à cet ordinateur ci-dessous restent valables.
security-hsi-invalid-other = fwupd ne peut pas attribuer de niveau à cet ordinateur ({ $reason }). Les contrôles et les informations propres à cet ordinateur ci-dessous restent valables.
security-hsi-none = fwupd n’évalue pas la sécurité de ce type d’ordinateur.
security-hsi-id = Identifiant de sécurité de l’hôte : { $id }

## Les contrôles, regroupés par niveau.
security-checks-heading = Contrôles par niveau
security-level-1 = Niveau 1 : critique
security-level-2 = Niveau 2 : important
security-level-3 = Niveau 3 : théorique
security-level-4 = Niveau 4 : protection du système
security-level-5 = Niveau 5 : attestation du système
security-level-runtime = Détecté pendant le fonctionnement
security-level-other = Autres contrôles
security-passed = Réussi
security-failed = Échoué
security-check-state = { $check } : { $state }, { $result }
# Le résultat d’un contrôle à côté de son nom : « Réussi » ou « Échoué », puis ce que fwupd a constaté.
security-check-outcome = { $state }, { $result }
security-checks-none = fwupd n’a signalé aucun contrôle.

## Les résultats de fwupd, en clair.
security-result-unknown = inconnu
security-result-enabled = activé
security-result-not-enabled = désactivé
security-result-valid = valide
security-result-not-valid = non valide
security-result-locked = verrouillé
security-result-not-locked = non verrouillé
security-result-encrypted = chiffré
security-result-not-encrypted = non chiffré
security-result-tainted = altéré
security-result-not-tainted = non altéré
security-result-found = trouvé
security-result-not-found = introuvable
security-result-supported = pris en charge
security-result-not-supported = non pris en charge

## Les informations propres à cet ordinateur.
security-facts-heading = Cet ordinateur
security-facts-reading = Lecture des informations de cet ordinateur…
security-secure-boot = Secure Boot
security-secure-boot-on = Activé : le micrologiciel ne démarre que des logiciels signés.
security-secure-boot-off = Désactivé : le micrologiciel démarre n’importe quel logiciel.
security-secure-boot-setup = Désactivé, en mode configuration : aucune clé de plateforme n’est enregistrée, n’importe qui peut donc enregistrer des clés.
security-secure-boot-unsupported = Le micrologiciel ne prend pas en charge Secure Boot.
security-secure-boot-not-uefi = L’ordinateur n’a pas démarré en UEFI, il n’y a donc pas de Secure Boot.
security-secure-boot-unreadable = Son état n’a pas pu être lu ({ $reason }).
security-keys = Clés Secure Boot
security-keys-own = Les propres clés de cet ordinateur : seuls les logiciels signés pour ce système démarrent.
security-keys-own-microsoft = Les propres clés de cet ordinateur ; les certificats de Microsoft sont également approuvés.
security-keys-vendor = Clés de { $vendor }. Les certificats de Microsoft ne sont pas approuvés.
security-keys-vendor-microsoft = Clés de { $vendor } ; les certificats de Microsoft sont approuvés.
security-keys-none = Aucune clé de plateforme n’est enregistrée.
security-keys-not-uefi = Aucune : l’ordinateur n’a pas démarré en UEFI.
security-keys-unreadable = Les clés enregistrées n’ont pas pu être lues ({ $reason }).
security-tpm = TPM
security-tpm-2 = TPM 2.0
security-tpm-1 = TPM 1.2 (le démarrage mesuré nécessite un TPM 2.0)
security-tpm-unknown = Un TPM de version inconnue
security-tpm-absent = Aucun TPM n’a été trouvé.
security-pcr = Mesures du démarrage
security-pcr-matches = Le PCR 11 correspond à la prédiction signée : le système a démarré tel qu’il a été construit.
security-pcr-matches-other-key = Le PCR 11 correspond à la prédiction signée, mais la clé fournie avec la prédiction n’est pas celle qui l’a signée.
security-pcr-differs = Le PCR 11 ne correspond pas à la prédiction signée : autre chose que ce qui a été construit a été mesuré au démarrage.
security-pcr-no-prediction = Le système en cours d’exécution ne contient aucune prédiction signée à laquelle comparer le PCR 11.
security-pcr-prediction-unreadable = La prédiction signée n’a pas pu être lue ({ $reason }).
security-pcr-unreadable = Le PCR 11 n’a pas pu être lu ({ $reason }).
security-pcr-no-tpm = Rien n’est mesuré sans TPM.
security-root = Fichiers système
security-root-verified = Vérifiés : chaque bloc du système est contrôlé par rapport à l’empreinte figurant dans la ligne de commande signée du noyau (dm-verity).
security-root-other-dm = Non vérifiés : le système se trouve sur { $device }, qui n’est pas un périphérique dm-verity.
security-root-plain = Non vérifiés : le système se trouve sur { $device }, sans dm-verity.
security-root-not-block = Non vérifiés : le système se trouve en mémoire ({ $fstype }).
security-root-unknown = Impossible à lire ({ $reason }).

## Le journal des événements.
security-events-heading = Changements
security-events-none = Aucun changement n’a été enregistré.
security-event = { $date } : { $check } est passé de « { $before } » à « { $after } »
security-event-now = { $date } : { $check } : { $after }
security-events-unreadable = Les changements n’ont pas pu être lus : { $reason }

## Copier le rapport.
security-copy = Copier le rapport
security-copied = Le rapport est dans le presse-papiers.
security-report-facts = Informations propres à cet ordinateur
security-report-details = Détails
security-report-no-fwupd = fwupd : { $reason }
security-copied-without-fwupd = fwupd n’a pas fourni sa partie du rapport : le rapport dans le presse-papiers ne contient que les informations propres à cet ordinateur.
security-dismiss = Fermer

## fwupd absent ou en échec.
security-fwupd-not-running = Le service de sécurité du micrologiciel n’est pas en cours d’exécution
    .body = fwupd est nécessaire pour le niveau de sécurité et ses contrôles. Les informations propres à cet ordinateur figurent ci-dessous. La page se met à jour d’elle-même dès que fwupd démarre.
security-fwupd-unreadable = Le service de sécurité du micrologiciel n’a pas pu être lu
security-error-not-running = fwupd n’est pas en cours d’exécution.
security-error-timeout = fwupd n’a pas répondu à temps.
security-error-not-authorized = fwupd a refusé de répondre.
security-error-other = Échec de fwupd : { $reason }
