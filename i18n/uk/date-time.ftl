## The Date & Time page: the clock, automatic time, the time zone, the 24-hour clock.

date-time-title = Дата й час
    .keywords = дата;час;годинник;часовий пояс;пояс;NTP;автоматичний час;мережевий час;24 години;12 годин;UTC;календар;date;time;clock;time zone;timezone

date-time-not-running = Служба часу не працює
    .body = Налаштування дати й часу надходять від systemd-timedated. Ця сторінка покаже їх сама, щойно служба запрацює.
date-time-unreadable = Не вдається прочитати налаштування служби часу

# The live clock as a screen reader hears it.
date-time-clock-name = { $time }, { $date }
# The machine's zone with its offset: "Berlin (Europe), UTC+01:00".
date-time-zone-line = { $zone }, { $offset }
date-time-utc = UTC
# $offset is written with its sign: "+01:00", "−03:30".
date-time-offset = UTC{ $offset }

date-time-time-heading = Час
date-time-automatic = Автоматичні дата й час
    .desc = Встановлюються за серверами часу мережі.
date-time-automatic-synchronized = Встановлюються за серверами часу мережі; годинник синхронізовано.
date-time-automatic-unavailable = Автоматичний час недоступний: на цьому комп’ютері не встановлено служби синхронізації часу.
date-time-turning-automatic-on = Вмикання автоматичного часу…
date-time-turning-automatic-off = Вимикання автоматичного часу…

date-time-manual-open = Встановити дату й час…
date-time-manual-title = Встановлення дати й часу
date-time-manual-hint = Час указується в часовому поясі цього комп’ютера, у 24-годинному форматі.
date-time-manual-date = Дата (рік-місяць-день)
date-time-manual-time = Час (години:хвилини)
date-time-manual-set = Встановити
date-time-setting-time = Встановлення годинника…
date-time-manual-date-form = Запишіть дату як рік-місяць-день, наприклад 2026-12-07.
date-time-manual-no-such-day = Такого дня немає. Перевірте місяць і день.
date-time-manual-year-range = Виберіть рік від 1970 до 2199.
date-time-manual-time-form = Запишіть час як години:хвилини, наприклад 14:05.
date-time-manual-no-such-time = Такого часу немає. Години — від 0 до 23, хвилини — від 0 до 59.
date-time-cancel = Скасувати

date-time-zone-heading = Часовий пояс
date-time-zone-change = Змінити часовий пояс…
date-time-changing-zone = Зміна часового поясу на { $zone }…
date-time-picker-title = Вибір часового поясу
date-time-picker-search = Шукати за містом, регіоном або країною
date-time-picker-loading = Читання часових поясів…
date-time-picker-none = Жоден часовий пояс не відповідає «{ $query }».
date-time-picker-more = Відповідає більше часових поясів: введіть більше від назви, щоб звузити список.
# A zone's local time now, what a screen reader hears after the zone.
date-time-picker-local = Місцевий час: { $time }

date-time-clock-heading = Годинник
date-time-24-hour = 24-годинний формат
    .desc = 14:00 замість 2:00 PM. Ваш власний вибір; годинник комп’ютера не змінюється.

date-time-error-zone-refused = Часовий пояс не змінено: адміністратор не дозволив.
date-time-error-automatic-refused = Автоматичний час не змінено: адміністратор не дозволив.
date-time-error-time-refused = Годинник не встановлено: адміністратор не дозволив.
date-time-error-unknown-zone = Цей комп’ютер не знає часового поясу { $zone }.
date-time-error-gone = Служба часу зупинилася до того, як зміну було внесено. Нічого не змінено; спробуйте ще раз.
date-time-error-no-answer = Служба часу не відповіла. Можливо, зміну не внесено; сторінка покаже те, що повідомить служба, щойно вона відповість.
date-time-error-automatic-on = Годинник не можна встановити вручну, поки ввімкнено автоматичний час.
date-time-error-skipped = { $time } не існує в цьому часовому поясі (годинники його пропускають). Виберіть інший час.
date-time-error-failed = Зміну не внесено: служба часу повідомила про збій.
