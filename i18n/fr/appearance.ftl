## La page Apparence : clair ou sombre, couleur d’accentuation, contraste, animations et taille du texte.

appearance-title = Apparence
    .keywords = apparence;thème;style;sombre;clair;nuit;mode sombre;couleur;accentuation;couleur d’accentuation;heure;moment de la journée;contraste;animations;mouvement;taille du texte;appearance;theme;dark mode;accent

appearance-style-heading = Style
appearance-style-light = Clair
    .desc = Texte sombre sur des surfaces claires.
appearance-style-dark = Sombre
    .desc = Texte clair sur des surfaces sombres, plus reposant pour les yeux dans une pièce peu éclairée.
appearance-style-time-of-day = Suivre le moment de la journée
    .desc = Sombre de { $night } h à { $day } h, clair le reste de la journée.

appearance-accent-heading = Couleur d’accentuation
appearance-accent-default = Couleur de Ferrum
    .desc = La couleur fournie avec le thème.
appearance-accent-blue = Bleu
appearance-accent-teal = Turquoise
appearance-accent-green = Vert
appearance-accent-yellow = Jaune
appearance-accent-orange = Orange
appearance-accent-red = Rouge
appearance-accent-pink = Rose
appearance-accent-purple = Violet
appearance-accent-custom = Couleur personnalisée
    .desc = Saisissez une couleur sous la forme #rrggbb, par exemple #2a7ab0.
appearance-accent-custom-apply = Utiliser cette couleur
appearance-accent-custom-in-use = Votre couleur personnalisée { $color } est utilisée.
appearance-accent-custom-invalid = « { $text } » n’est pas une couleur. Saisissez-la sous la forme # suivi de six caractères parmi 0–9 et a–f, par exemple #2a7ab0.

appearance-readability-heading = Contraste, animations et taille du texte
