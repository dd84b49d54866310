## Сторінка «Вигляд»: світлий чи темний, колір акценту, контрастність, рух і розмір тексту.

appearance-title = Вигляд
    .keywords = вигляд;зовнішній вигляд;тема;стиль;темний;світлий;ніч;темний режим;колір;акцент;колір акценту;час доби;контрастність;рух;анімація;розмір тексту;appearance;theme;dark mode;accent

appearance-style-heading = Стиль
appearance-style-light = Світлий
    .desc = Темний текст на світлих поверхнях.
appearance-style-dark = Темний
    .desc = Світлий текст на темних поверхнях, легше для очей у темному приміщенні.
appearance-style-time-of-day = Залежно від часу доби
    .desc = Темний з { $night }:00 до { $day }:00, решту доби світлий.

appearance-accent-heading = Колір акценту
appearance-accent-default = Колір Ferrum
    .desc = Колір, з яким постачається тема.
appearance-accent-blue = Синій
appearance-accent-teal = Синьо-зелений
appearance-accent-green = Зелений
appearance-accent-yellow = Жовтий
appearance-accent-orange = Помаранчевий
appearance-accent-red = Червоний
appearance-accent-pink = Рожевий
appearance-accent-purple = Пурпуровий
appearance-accent-custom = Власний колір
    .desc = Введіть колір у форматі #rrggbb, наприклад #2a7ab0.
appearance-accent-custom-apply = Використати цей колір
appearance-accent-custom-in-use = Використовується ваш власний колір { $color }.
appearance-accent-custom-invalid = «{ $text }» не є кольором. Введіть # і шість символів із 0–9 та a–f, наприклад #2a7ab0.

appearance-readability-heading = Контрастність, рух і розмір тексту
