## Сторінка «Регіон і мова»: мова людини й комп’ютера, формати з попереднім переглядом,
## розкладки клавіатури комп’ютера.

region-title = Регіон і мова
    .keywords = мова;регіон;локаль;формати;формат дати;формат чисел;одиниці;метрична;папір;A4;letter;клавіатура;розкладка;введення;переклад

region-not-running = Служба мови не працює
    .body = Мова екрана входу, формати й клавіатура надходять від systemd-localed. Ця сторінка покаже їх сама, щойно служба запрацює.
region-unreadable = Не вдається прочитати налаштування служби мови

region-language-heading = Мова
region-person-language = Ваша мова
    .desc = Застосунки й стільниця використовують її з наступного входу.
region-person-unset = Не вибрано: мова екрана входу
region-person-unavailable = Зараз не вдається прочитати мову вашого облікового запису.
region-machine-language = Екран входу й нові облікові записи
    .desc = Мова екрана входу й тих, хто не вибрав власну. Для зміни потрібен адміністратор.
region-unset = Не задано
region-change = Змінити…
region-close = Закрити список

region-formats-heading = Формати
region-formats = Дати, числа, одиниці й папір
    .desc = Записуються так, як у цьому регіоні, для всіх на цьому комп’ютері. Для зміни потрібен адміністратор.
region-preview = Попередній перегляд
region-preview-date = Дата
region-preview-short-date = Дата цифрами
region-preview-number = Число
region-preview-measurement = Одиниці
region-preview-paper = Папір
region-preview-name = Попередній перегляд: { $date }; { $short }; { $number }; { $measurement }; { $paper }
region-measurement-metric = Метрична система
region-measurement-us = Одиниці США (дюйми, фунти)
region-paper-a4 = A4
region-paper-letter = US Letter

region-keyboard-heading = Розкладки клавіатури
region-keyboard-explained = Екран входу й нові сеанси починають із цими розкладками; перша використовується першою. Для зміни потрібен адміністратор.
region-keyboard-none = Жодної розкладки не задано: клавіатура англійська (США).
region-layout-first = Використовувати першою
region-layout-remove = Вилучити
region-layout-add = Додати розкладку…

region-picker-title = Додати розкладку клавіатури
region-picker-search = Шукати розкладки
region-picker-loading = Читання розкладок клавіатури…
region-picker-none = Жодна розкладка не відповідає «{ $query }».
region-picker-more = Відповідає більше розкладок: введіть більше від назви.
region-cancel = Скасувати

region-changing-person = Встановлення вашої мови: { $language }…
region-changing-language = Встановлення мови екрана входу: { $language }…
region-changing-formats = Встановлення форматів мови { $language }…
region-changing-keyboard = Встановлення розкладок клавіатури…

region-error-person-refused = Вашу мову не змінено: ваш обліковий запис цього не дозволив.
region-error-language-refused = Мову екрана входу не змінено: адміністратор цього не дозволив.
region-error-formats-refused = Формати не змінено: адміністратор цього не дозволив.
region-error-keyboard-refused = Розкладки клавіатури не змінено: адміністратор цього не дозволив.
region-error-invalid = Зміну відхилено: цей комп’ютер не знає такої мови чи розкладки.
region-error-no-account = Вашу мову не змінено: служба облікових записів не знає вашого облікового запису.
region-error-accounts-gone = Вашу мову не змінено: служба облікових записів не працює.
region-error-gone = Нічого не змінено: служба мови не працює.
region-error-no-answer = Служба мови не відповіла. Зміну могло бути не внесено; сторінка покаже, що каже служба, щойно вона відповість.
region-error-failed = Зміна не вдалася; нічого не змінено.
