# Сторінка Bluetooth.
bluetooth-title = Bluetooth
    .keywords = bluetooth;блютуз;бездротовий;під'єднати;з'єднати;спарити;сполучення;пристрій;пристрої;гарнітура;навушники;колонка;динамік;клавіатура;миша;контролер;геймпад;телефон;адаптер;видимість;headset;pair;wireless

bluetooth-not-running = Bluetooth не працює
    .body = Служба Bluetooth (bluetoothd) не працює. Ця сторінка оновиться сама, щойно служба запуститься.
bluetooth-no-adapter = Немає адаптера Bluetooth
    .body = На цьому комп'ютері немає адаптера Bluetooth, або його вимкнено. Під'єднайте адаптер чи увімкніть його: він з'явиться тут сам.
bluetooth-no-answer = Bluetooth не відповідає
    .body = Служба Bluetooth працює, але не відповіла вчасно. Ця сторінка оновиться сама, щойно служба знову відповість.
bluetooth-unreadable = Не вдалося прочитати стан Bluetooth
    .body = { $detail }. Ця сторінка спробує ще раз сама.

# Адаптер.
bluetooth-adapter-heading = Цей комп'ютер
bluetooth-adapter-choice = Адаптер Bluetooth
bluetooth-adapter-name = { $name } ({ $id })
bluetooth-adapter-address = Адреса { $address }
bluetooth-power = Bluetooth
bluetooth-power-on = Увімкнено: пристрої можуть під'єднуватися до цього комп'ютера.
bluetooth-power-off = Вимкнено: жоден пристрій не може під'єднатися.
bluetooth-power-turning-on = Вмикання…
bluetooth-power-turning-off = Вимикання…
bluetooth-visible-as = Видимий як
bluetooth-alias-save = Зберегти назву
bluetooth-saving = Збереження…
bluetooth-discoverable = Поки ця сторінка відкрита, пристрої поблизу можуть знайти цей комп'ютер як «{ $name }».
bluetooth-discoverable-soon = Поки ця сторінка відкрита, пристрої поблизу можуть знайти цей комп'ютер.
bluetooth-discoverable-off = Увімкніть Bluetooth, щоб пристрої поблизу могли знайти цей комп'ютер.
bluetooth-address = Адреса
bluetooth-name-empty = Введіть назву: вона не може бути порожньою.
bluetooth-name-too-long = Назва може мати щонайбільше { $max } байтів (літери деяких писемностей займають два чи три, кирилиця — два); ця має { $bytes }. Скоротіть її.

# Пристрої.
bluetooth-my-devices = Мої пристрої
bluetooth-nearby = Пристрої поблизу
bluetooth-no-paired = З цим комп'ютером ще не сполучено жодного пристрою.
bluetooth-searching = Пошук пристроїв…
bluetooth-searching-note = Поки ця сторінка відкрита, пошук інших пристроїв триває.
bluetooth-no-nearby = Інших пристроїв поблизу немає.
bluetooth-off-nearby = Увімкніть Bluetooth, щоб знайти пристрої поблизу.

bluetooth-kind-headset = Гарнітура
bluetooth-kind-headphones = Навушники
bluetooth-kind-speaker = Колонка
bluetooth-kind-keyboard = Клавіатура
bluetooth-kind-mouse = Миша
bluetooth-kind-gamepad = Ігровий контролер
bluetooth-kind-phone = Телефон
bluetooth-kind-computer = Комп'ютер
bluetooth-kind-tablet = Графічний планшет
bluetooth-kind-watch = Годинник
bluetooth-kind-printer = Принтер
bluetooth-kind-camera = Камера
bluetooth-kind-other = Пристрій

bluetooth-signal-strong = Сильний сигнал
bluetooth-signal-fair = Середній сигнал
bluetooth-signal-weak = Слабкий сигнал
bluetooth-state-connected = Під'єднано
bluetooth-state-paired = Сполучено
bluetooth-state-trusted = Довірений
bluetooth-state-blocked = Заблоковано
bluetooth-battery = Акумулятор { $percent } %

bluetooth-busy-pairing = Сполучення…
bluetooth-busy-connecting = Під'єднання…
bluetooth-busy-disconnecting = Від'єднання…
bluetooth-busy-forgetting = Вилучення…
bluetooth-busy-blocking = Блокування…
bluetooth-busy-unblocking = Розблокування…
bluetooth-busy-renaming = Перейменування…

bluetooth-pair = Сполучити
bluetooth-connect = Під'єднати
bluetooth-disconnect = Від'єднати
bluetooth-details-show = Подробиці
bluetooth-details-hide = Сховати подробиці
bluetooth-forget = Забути
bluetooth-block = Заблокувати
bluetooth-unblock = Розблокувати
bluetooth-rename = Перейменувати
bluetooth-rename-label = Назва
bluetooth-rename-save = Зберегти
bluetooth-cancel = Скасувати
bluetooth-dismiss = Закрити
bluetooth-sound-settings = Налаштування звуку
bluetooth-kind = Тип
bluetooth-services = Служби
bluetooth-services-none = Не повідомлено
bluetooth-own-name = Власна назва
bluetooth-forget-question = Забути «{ $name }»?
    .body = Цей комп'ютер видалить сполучення. Щоб знову користуватися пристроєм, сполучіть його ще раз.

bluetooth-service-audio-sink = Відтворення звуку
bluetooth-service-audio-source = Джерело звуку
bluetooth-service-headset = Дзвінки (гарнітура)
bluetooth-service-remote-control = Керування медіа
bluetooth-service-input = Введення (клавіатура, миша)
bluetooth-service-battery = Рівень заряду
bluetooth-service-file-transfer = Передавання файлів
bluetooth-service-network = Спільний доступ до мережі
bluetooth-service-serial-port = Послідовний порт
bluetooth-service-phone-book = Контакти
bluetooth-service-messages = Повідомлення
bluetooth-service-other = Служба { $uuid }

# Діалог сполучення.
bluetooth-pairing-title = Сполучення з «{ $name }»
bluetooth-ask-pin = Введіть PIN-код пристрою «{ $name }» (від 1 до 16 символів). Він є в інструкції до пристрою або показаний на ньому.
bluetooth-ask-passkey = Введіть шестицифровий ключ, який показує «{ $name }».
bluetooth-ask-display = Наберіть { $code } на «{ $name }», потім натисніть Enter.
bluetooth-display-progress = На пристрої набрано { $entered } з 6 цифр
bluetooth-ask-confirm = Чи показує «{ $name }» { $code }? Підтверджуйте, лише якщо число те саме.
bluetooth-ask-authorize = «{ $name }» хоче сполучитися з цим комп'ютером. Дозволити?
bluetooth-ask-authorize-service = «{ $name }» хоче використовувати службу «{ $service }» на цьому комп'ютері. Дозволити?
bluetooth-pin-label = PIN-код
bluetooth-passkey-label = Ключ
bluetooth-confirm = Підтвердити
bluetooth-allow = Дозволити
bluetooth-deny = Заборонити
bluetooth-pin-empty = Введіть PIN-код.
bluetooth-pin-too-long = PIN-код має щонайбільше 16 символів.
bluetooth-pin-not-printable = PIN-код не може містити керівних символів.
bluetooth-passkey-not-digits = Ключ — це число до 6 цифр, яке показує пристрій.
bluetooth-request-ended = «{ $name }» більше не чекає на відповідь: сполучення скасовано на пристрої, або ніхто не відповів вчасно.

# Невдалі команди; далі причина від BlueZ.
bluetooth-error-with-reason = { $sentence } BlueZ повідомляє: { $reason }
bluetooth-error-power-on = Не вдалося увімкнути Bluetooth.
bluetooth-error-power-off = Не вдалося вимкнути Bluetooth.
bluetooth-error-alias = Не вдалося змінити назву, під якою видно цей комп'ютер.
bluetooth-error-pair = Не вдалося сполучитися з «{ $name }».
bluetooth-error-connect = Не вдалося під'єднатися до «{ $name }».
bluetooth-error-disconnect = Не вдалося від'єднати «{ $name }».
bluetooth-error-forget = Не вдалося забути «{ $name }».
bluetooth-error-block = Не вдалося заблокувати «{ $name }».
bluetooth-error-unblock = Не вдалося розблокувати «{ $name }».
bluetooth-error-rename = Не вдалося перейменувати «{ $name }».
bluetooth-error-not-running = Служба Bluetooth зупинилася.
bluetooth-error-no-adapter = Адаптера Bluetooth більше немає.
bluetooth-error-no-answer = Служба Bluetooth не відповіла вчасно.
bluetooth-error-blocked = Адаптер Bluetooth вимкнено або заблоковано.
bluetooth-error-not-permitted = Вам не дозволено змінювати це налаштування Bluetooth.
bluetooth-error-busy = «{ $name }» зайнятий іншим запитом; спробуйте ще раз за мить.
bluetooth-error-not-found = Цей комп'ютер більше не знає «{ $name }».
bluetooth-error-not-supported = Пристрій або адаптер цього не вміє.
bluetooth-error-nothing-to-connect = «{ $name }» не пропонує нічого, до чого цей комп’ютер може під’єднатися; пару збережено.
bluetooth-error-rejected = «{ $name }» відхилив сполучення.
bluetooth-error-auth-failed = Сполучення з «{ $name }» не вдалося: коди не збіглися.
bluetooth-error-canceled = Сполучення з «{ $name }» скасовано.
bluetooth-error-auth-timeout = «{ $name }» не відповів вчасно під час сполучення.
