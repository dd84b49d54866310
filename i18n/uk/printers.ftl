# Сторінка «Принтери» (CUPS; зміни, які має дозволити адміністратор, проходять через
# cups-pk-helper і polkit; мережеві принтери знаходяться через Avahi).

printers-title = Принтери
    .keywords = принтер;принтери;друк;друкувати;роздрукувати;черга;черга друку;завдання;чорнило;фарба;картридж;тонер;папір;сканер;мережевий принтер;printer;print;cups;ipp;airprint;driverless

## Список принтерів.
printers-none = Ще не додано жодного принтера.
printers-add = Додати принтер…
printers-default-mark = Типовий принтер
printers-set-default = Зробити типовим
printers-pause = Призупинити
printers-resume = Продовжити
printers-test-page = Надрукувати тестову сторінку
printers-test-page-sent = Тестову сторінку надіслано на { $printer }.
printers-rename = Перейменувати
printers-rename-field = Нова назва
printers-rename-save = Зберегти
printers-rename-cancel = Скасувати
printers-remove = Вилучити
printers-remove-question = Вилучити «{ $printer }»?
printers-remove-explain = Його завдання, що чекають на друк, буде скасовано. Пізніше ви зможете додати його знову.
printers-remove-confirm = Вилучити
printers-remove-cancel = Скасувати
printers-details = Подробиці
printers-hide-details = Сховати подробиці
printers-options = Типові параметри
printers-jobs-heading = Завдання друку
printers-location = Розташування
printers-address = Адреса
printers-model = Модель
printers-dismiss = Закрити
printers-ink-heading = Чорнило й тонер
printers-ink-level = { $marker }: { $percent }%
printers-waste-level = { $marker }: вільно { $percent }%
printers-ink-unknown = { $marker }: рівень невідомий
printers-ink-none = Принтер не повідомляє рівень чорнила чи тонера.

## Стани принтера та їхні причини, простими словами.
printers-state-idle = Готовий
printers-state-printing = Друкує
printers-state-stopped = Призупинено
printers-state-not-accepting = Не приймає нових завдань
printers-reason-media-empty = Закінчився папір.
printers-reason-media-jam = Застряг папір.
printers-reason-media-low = Папір закінчується.
printers-reason-offline = Принтер не в мережі.
printers-reason-toner-low = Тонер закінчується.
printers-reason-toner-empty = Закінчився тонер.
printers-reason-marker-low = Чорнило закінчується.
printers-reason-marker-empty = Закінчилося чорнило.
printers-reason-waste-full = Контейнер для відпрацьованого чорнила чи тонера заповнений.
printers-reason-cover-open = Відкрито кришку.
printers-reason-door-open = Відкрито дверцята.
printers-reason-tray-missing = Бракує лотка для паперу.
printers-reason-output-full = Вихідний лоток заповнений.
printers-reason-shutdown = Принтер вимкнено.
printers-reason-missing-filter = Бракує програми, потрібної для друку на цьому принтері.
printers-reason-paused = Призупинено адміністратором.
printers-reason-connecting = Під’єднання до принтера…
printers-reason-other = Принтер повідомляє: «{ $reason }».

## Завдання.
printers-jobs-none = Немає завдань, що чекають на друк.
printers-job-title-unknown = Документ без назви
printers-job-private = Документ іншої людини
printers-job-line = { $title } — { $owner }
printers-job-pages = { $pages ->
    [one] { $pages } сторінка
    [few] { $pages } сторінки
    [many] { $pages } сторінок
   *[other] { $pages } сторінки
}
printers-job-pending = Очікує
printers-job-held = Відкладено
printers-job-processing = Друкується
printers-job-stopped = Зупинено
printers-job-canceled = Скасовано
printers-job-aborted = Не вдалося
printers-job-completed = Надруковано
printers-job-cancel = Скасувати
printers-job-hold = Відкласти
printers-job-release = Відновити
printers-jobs-cancel-mine = Скасувати всі мої завдання

## Параметри (власні типові налаштування принтера).
printers-option-media = Розмір паперу
printers-option-sides = Двобічний друк
printers-sides-one = Однобічний
printers-sides-long = Двобічний, за довгим краєм (книжка)
printers-sides-short = Двобічний, за коротким краєм (блокнот)
printers-option-color = Колір
printers-color-color = Кольоровий
printers-color-monochrome = Чорно-білий
printers-color-auto = Автоматично
printers-option-quality = Якість
printers-quality-draft = Чернетка
printers-quality-normal = Звичайна
printers-quality-high = Висока

## Додавання принтера.
printers-add-heading = Додати принтер
printers-add-close = Закрити
printers-add-searching = Пошук принтерів у мережі…
printers-add-none-found = У мережі ще не знайдено жодного принтера. Ви можете додати принтер за його адресою.
printers-add-discovery-unavailable = Неможливо шукати принтери в мережі: служба виявлення (Avahi) не працює. Ви все одно можете додати принтер за його адресою.
printers-add-found = { $host } ({ $address })
printers-add-discovery-failed = Не вдалося знайти принтери в мережі.
printers-add-this = Додати
printers-add-added = Уже додано
printers-add-needs-driver = Потрібен драйвер, якого Ferrum не має: можна додавати лише принтери, що працюють без драйвера (IPP Everywhere, AirPrint).
printers-add-by-address = Додати за адресою
printers-add-address-field = Адреса (ipp://, ipps:// або ім’я хоста)
printers-add-address-button = Додати
printers-added = Принтер { $printer } додано.

## Помилки в адресі, про які сказано ще до звернення до CUPS.
printers-address-empty = Введіть адресу принтера.
printers-address-scheme = Можна використовувати лише адреси ipp:// та ipps:// (або ім’я хоста).
printers-address-host = «{ $host }» не є правильним ім’ям хоста чи IP-адресою.
printers-address-port = Порт має бути числом від 1 до 65535.
printers-address-spaces = Адреса не може містити пробілів.
printers-address-path = Частина після імені хоста не є правильним шляхом до принтера.

## Помилки в назві.
printers-name-empty = Введіть назву принтера.
printers-name-invalid = Назва принтера не може містити пробілів, «/» чи «#» і має бути не довшою за 127 символів.
printers-name-too-long = Назва принтера може містити щонайбільше 127 символів.

## Збої.
printers-not-running = Служба друку не працює
    .body = CUPS не працює. Сторінка знову покаже принтери, щойно служба повернеться.
printers-unreadable = Неможливо прочитати дані принтерів
printers-error-not-running = Служба друку (CUPS) не працює.
printers-error-not-authorized = Адміністратор цього не дозволив; нічого не змінено.
printers-error-helper-missing = Служба керування принтерами (cups-pk-helper) недоступна.
printers-error-timeout = Служба друку не відповіла вчасно.
printers-error-refused = CUPS відмовив: { $message }
printers-error-not-found = Принтера чи завдання більше не існує.
printers-error-bad-answer = Служба друку дала відповідь, яку неможливо прочитати.
printers-error-unreachable = Не вдалося зв’язатися зі службою друку.
printers-error-bus = Системна шина не передала запит.
printers-failed-add = Не вдалося додати { $printer }.
printers-failed-remove = Не вдалося вилучити { $printer }.
printers-failed-default = Не вдалося зробити { $printer } типовим.
printers-failed-pause = Не вдалося призупинити { $printer }.
printers-failed-resume = Не вдалося продовжити роботу { $printer }.
printers-failed-accepting = Не вдалося змінити, чи приймає { $printer } завдання.
printers-failed-rename = Не вдалося перейменувати { $printer }.
printers-failed-test-page = Не вдалося надрукувати тестову сторінку на { $printer }.
printers-failed-option = Не вдалося змінити параметри { $printer }.
printers-failed-job = Не вдалося змінити завдання «{ $job }».
