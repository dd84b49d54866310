## A página Aparência: claro ou escuro, cor de realce, contraste, movimento e tamanho do texto.

appearance-title = Aparência
    .keywords = aparência;tema;estilo;escuro;claro;noite;modo escuro;cor;realce;cor de realce;destaque;cor de destaque;hora do dia;contraste;movimento;animação;tamanho do texto;appearance;theme;dark mode;accent

appearance-style-heading = Estilo
appearance-style-light = Claro
    .desc = Texto escuro sobre superfícies claras.
appearance-style-dark = Escuro
    .desc = Texto claro sobre superfícies escuras, mais confortável para os olhos em um ambiente com pouca luz.
appearance-style-time-of-day = Seguir a hora do dia
    .desc = Escuro das { $night }h às { $day }h, claro no resto do dia.

appearance-accent-heading = Cor de realce
appearance-accent-default = Cor do Ferrum
    .desc = A cor que vem com o tema.
appearance-accent-blue = Azul
appearance-accent-teal = Verde-azulado
appearance-accent-green = Verde
appearance-accent-yellow = Amarelo
appearance-accent-orange = Laranja
appearance-accent-red = Vermelho
appearance-accent-pink = Rosa
appearance-accent-purple = Roxo
appearance-accent-custom = Cor personalizada
    .desc = Digite uma cor no formato #rrggbb, por exemplo #2a7ab0.
appearance-accent-custom-apply = Usar esta cor
appearance-accent-custom-in-use = Sua cor personalizada { $color } está em uso.
appearance-accent-custom-invalid = “{ $text }” não é uma cor. Digite # seguido de seis caracteres entre 0–9 e a–f, por exemplo #2a7ab0.

appearance-readability-heading = Contraste, movimento e tamanho do texto
