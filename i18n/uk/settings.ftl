## Ferrum Settings: the window, its sidebar and search

app-title = Параметри
search-placeholder = Пошук параметрів
search-label = Пошук параметрів
search-no-results = Немає параметрів, що відповідають «{ $query }».
theme-toggle-dark = Темний стиль
theme-toggle-light = Світлий стиль
unknown-panel = Сторінки параметрів «{ $panel }» не існує. Натомість показано «{ $fallback }».
unknown-panel-detail = Відомі сторінки: { $known }

## The one error surface every page shares

error-details-show = Подробиці
error-details-hide = Сховати подробиці
error-copy = Копіювати подробиці
error-dismiss = Закрити
control-about = { $control }: { $subject }

## Service states shared by every page

service-loading = Завантаження…
service-bus-unreachable = Системна шина повідомлень недоступна, тому параметри неможливо ні прочитати, ні змінити. Повторна спроба…

## Power page

power-title = Живлення
    .keywords = живлення;акумулятор;батарея;енергія;профіль;швидкодія;продуктивність;баланс;заощадження енергії;заряджання;стан;режим;мережа;підключено;power;battery;performance;ac
power-mode-heading = Режим живлення
profile-performance = Швидкодія
    .desc = Висока швидкодія та споживання енергії.
profile-balanced = Баланс
    .desc = Стандартна швидкодія та споживання енергії.
profile-power-saver = Заощадження енергії
    .desc = Знижена швидкодія та споживання енергії.
profile-unknown = { $name }
    .desc = Режим живлення, який пропонує цей комп’ютер.
profile-driver = Драйвер: { $driver }
profile-switching = Перемикання…
degraded-lap-detected = Режим швидкодії тимчасово обмежено, оскільки комп’ютер лежить на колінах.
degraded-high-temperature = Режим швидкодії тимчасово обмежено, оскільки комп’ютер надто нагрівся.
degraded-other = Режим швидкодії тимчасово обмежено ({ $reason }).
holds-heading = Запити програм
hold-row = { $app } запитує режим «{ $profile }»: { $reason }
hold-row-no-reason = { $app } запитує режим «{ $profile }»
power-profiles-unavailable = Режими живлення недоступні
    .body = Службу профілів живлення (power-profiles-daemon) не запущено. Ця сторінка оновиться автоматично, щойно служба запуститься.
power-profiles-failed = Не вдалося прочитати режими живлення.
power-profile-not-authorized = Вам не дозволено змінювати режим живлення.
power-profile-not-offered = Цей комп’ютер не пропонує режим «{ $profile }».
power-profile-service-gone = Не вдалося змінити режим живлення, оскільки служба профілів живлення зупинилася.
power-profile-failed = Не вдалося змінити режим живлення.
power-profile-no-answer = power-profiles-daemon не відповів вчасно. Сторінка показує режим живлення, про який він повідомив востаннє, і стежить за подальшими змінами.

## Battery section of the Power page

battery-heading = Акумулятор
battery-percent = { $percent }%
battery-name = { $vendor } { $model }
battery-name-unknown = Акумулятор
battery-state-charging = Заряджається
battery-state-discharging = Від акумулятора
battery-state-empty = Розряджено
battery-state-fully-charged = Повністю заряджено
battery-state-pending-charge = Не заряджається
battery-state-pending-discharge = Очікування розряджання
battery-state-unknown = Стан невідомий
battery-time-to-empty = Залишилося { $time }
battery-time-to-full = { $time } до повного заряджання
duration-hours-minutes = { $hours } год { $minutes } хв
duration-minutes = { $minutes } хв
battery-health = Стан акумулятора
battery-health-value = { $percent }% від проєктної ємності ({ $full } Вт·год з { $design } Вт·год)
battery-cycles = { $cycles ->
    [one] { $cycles } цикл заряджання
    [few] { $cycles } цикли заряджання
    [many] { $cycles } циклів заряджання
   *[other] { $cycles } циклу заряджання
}
battery-rate = { $watts } Вт
power-source = Джерело живлення
power-source-ac = Від мережі
power-source-battery = Від акумулятора
no-batteries = Цей комп’ютер не має акумулятора.
upower-unavailable = Відомості про акумулятор недоступні
    .body = Службу відомостей про живлення (UPower) не запущено. Ця сторінка оновиться автоматично, щойно служба запуститься.
upower-failed = Не вдалося прочитати відомості про акумулятор.

## About page

about-title = Про систему
    .keywords = про систему;система;версія;ядро;назва вузла;назва пристрою;пам’ять;процесор;операційна система;відомості;інформація;about;kernel;hostname;memory;cpu;os
about-os = Операційна система
about-kernel = Ядро
about-hostname = Назва пристрою
about-processor = Процесор
about-memory = Пам’ять
about-memory-value = { $gib } ГіБ
about-unknown = Невідомо
about-read-failed = Не вдалося прочитати відомості про систему.
about-network-name = Мережева назва
about-rename = Перейменувати…
about-rename-unavailable = Комп’ютер не можна перейменувати: служба назви вузла не працює.
about-rename-title = Перейменувати цей комп’ютер
about-rename-hint = Назву пристрою бачать інші, наприклад через Bluetooth. Мережева назва визначає комп’ютер у мережах; вона змінюється разом із назвою пристрою, доки ви не зміните її самі.
about-rename-pretty = Назва пристрою
about-rename-static = Мережева назва
about-rename-save = Перейменувати
about-rename-cancel = Скасувати
about-renaming = Комп’ютер перейменовується…
about-rename-pretty-empty = Введіть назву пристрою.
about-rename-pretty-control = Назва пристрою не може містити табуляцій чи розривів рядків.
about-rename-pretty-long = Назва пристрою задовга. Виберіть коротшу назву.
about-rename-static-empty = Введіть мережеву назву.
about-rename-static-characters = Мережева назва може містити лише латинські літери від a до z, цифри й дефіси.
about-rename-static-long = Мережева назва може мати щонайбільше 64 символи.
about-rename-static-hyphen = Мережева назва не може починатися чи закінчуватися дефісом.
about-rename-refused = Назву не змінено: адміністратор цього не дозволив.
about-rename-gone = Назву не змінено: служба назви вузла не працює.
about-rename-no-answer = Служба назви вузла не відповіла. Можливо, назву не змінено; сторінка покаже те, що повідомить служба, щойно вона відповість.
about-rename-invalid = Служба назви вузла не прийняла цю назву.
about-rename-failed = Не вдалося змінити назву.
about-rename-partial = Назву пристрою змінено, а мережеву назву — ні. Сторінка показує назви, які комп’ютер має зараз.

## Accessibility page

a11y-title = Доступність
    .keywords = доступність;читач екрана;зчитувач екрана;мовлення;голос;контраст;розмір тексту;великий текст;масштаб;рух;анімація;клавіатура;accessibility;a11y;screen reader;orca
a11y-seeing-heading = Зір
a11y-hearing-heading = Слух і мовлення
a11y-high-contrast = Висока контрастність
    .desc = Насиченіші кольори та контури, які легше розрізнити.
a11y-text-scale = Розмір тексту
    .desc = Збільшує текст і елементи керування.
a11y-text-scale-value = { $percent }%
a11y-reduced-motion = Зменшити рух
    .desc = Вимикає анімації та ефекти руху.
a11y-self-voicing = Озвучувати елемент у фокусі
    .desc = Зачитує кожен елемент керування, щойно на нього переходить фокус клавіатури, без окремого зчитувача екрана.
a11y-speech-unavailable = Мовлення недоступне: службу мовлення (speech-dispatcher) не запущено.
a11y-preferences-not-saved = Не вдалося зберегти ваші параметри доступності; вони діятимуть, доки ви не закриєте «Параметри».
a11y-preferences-invalid = Не вдалося прочитати збережені параметри доступності, тому використано типові значення.

## Words self-voicing and screen readers use

role-button = кнопка
role-switch = перемикач
role-check-box = прапорець
role-radio-button = радіокнопка
role-radio-group = група варіантів
role-slider = повзунок
role-list-item = елемент списку
role-list = список
role-text-input = текстове поле
role-password-input = поле пароля
role-heading = заголовок
role-label = текст
role-group = група
role-progress = індикатор поступу
role-alert = сповіщення
state-on = увімкнено
state-off = вимкнено
state-selected = вибрано
state-unavailable = недоступно
secret-characters = { $count ->
    [one] { $count } символ
    [few] { $count } символи
    [many] { $count } символів
   *[other] { $count } символу
}

# Started without a display (printed, one sentence).
no-display = Неможливо показати вікно: немає дисплея Wayland (WAYLAND_DISPLAY не задано); запустіть програму із сеансу Wayland.
no-display-socket = Неможливо показати вікно: дисплея Wayland { $path } не існує.

# Said when reading aloud is turned on or off.
voicing-on = Читання вголос увімкнено
voicing-off = Читання вголос вимкнено
upower-no-answer = UPower не відповів вчасно, тому стан батареї невідомий.

# A percentage (a level, a volume).
percent-value = { $percent }%

# A size in bytes, kilobytes (1000 bytes), megabytes and gigabytes.
size-bytes = { $size } Б
size-kb = { $size } кБ
size-mb = { $size } МБ
size-gb = { $size } ГБ
