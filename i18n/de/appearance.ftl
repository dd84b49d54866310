## Die Seite „Erscheinungsbild“: hell oder dunkel, Akzentfarbe, Kontrast, Bewegung und Textgröße.

appearance-title = Erscheinungsbild
    .keywords = Erscheinungsbild;Aussehen;Design;Thema;Stil;dunkel;hell;Nacht;Dunkelmodus;dunkler Modus;Farbe;Akzent;Akzentfarbe;Tageszeit;Kontrast;Bewegung;Animation;Textgröße;Schriftgröße;appearance;theme;dark mode;accent

appearance-style-heading = Stil
appearance-style-light = Hell
    .desc = Dunkler Text auf hellen Flächen.
appearance-style-dark = Dunkel
    .desc = Heller Text auf dunklen Flächen, angenehmer für die Augen in einem dunklen Raum.
appearance-style-time-of-day = Der Tageszeit folgen
    .desc = Dunkel von { $night } bis { $day } Uhr, den Rest des Tages hell.

appearance-accent-heading = Akzentfarbe
appearance-accent-default = Ferrum-Standard
    .desc = Die Farbe, die das Design mitbringt.
appearance-accent-blue = Blau
appearance-accent-teal = Blaugrün
appearance-accent-green = Grün
appearance-accent-yellow = Gelb
appearance-accent-orange = Orange
appearance-accent-red = Rot
appearance-accent-pink = Rosa
appearance-accent-purple = Violett
appearance-accent-custom = Eigene Farbe
    .desc = Geben Sie eine Farbe als #rrggbb ein, zum Beispiel #2a7ab0.
appearance-accent-custom-apply = Diese Farbe verwenden
appearance-accent-custom-in-use = Ihre eigene Farbe { $color } wird verwendet.
appearance-accent-custom-invalid = „{ $text }“ ist keine Farbe. Geben Sie sie als # und sechs Zeichen aus 0–9 und a–f ein, zum Beispiel #2a7ab0.

appearance-readability-heading = Kontrast, Bewegung und Textgröße
