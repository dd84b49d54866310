## La página Apariencia: claro u oscuro, color de resaltado, contraste, movimiento y tamaño del texto.

appearance-title = Apariencia
    .keywords = apariencia;aspecto;tema;estilo;oscuro;claro;noche;modo oscuro;color;acento;resaltado;color de resaltado;color de acento;hora del día;contraste;movimiento;animación;tamaño del texto;appearance;theme;dark mode;accent

appearance-style-heading = Estilo
appearance-style-light = Claro
    .desc = Texto oscuro sobre superficies claras.
appearance-style-dark = Oscuro
    .desc = Texto claro sobre superficies oscuras, más descansado para la vista en una habitación con poca luz.
appearance-style-time-of-day = Seguir la hora del día
    .desc = Oscuro de { $night }:00 a { $day }:00, claro el resto del día.

appearance-accent-heading = Color de resaltado
appearance-accent-default = Color de Ferrum
    .desc = El color que trae el tema.
appearance-accent-blue = Azul
appearance-accent-teal = Verde azulado
appearance-accent-green = Verde
appearance-accent-yellow = Amarillo
appearance-accent-orange = Naranja
appearance-accent-red = Rojo
appearance-accent-pink = Rosa
appearance-accent-purple = Morado
appearance-accent-custom = Color personalizado
    .desc = Escriba un color como #rrggbb, por ejemplo #2a7ab0.
appearance-accent-custom-apply = Usar este color
appearance-accent-custom-in-use = Se está usando su color personalizado { $color }.
appearance-accent-custom-invalid = «{ $text }» no es un color. Escríbalo como # seguido de seis caracteres entre 0–9 y a–f, por ejemplo #2a7ab0.

appearance-readability-heading = Contraste, movimiento y tamaño del texto
