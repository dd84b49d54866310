# Сторінка «Звук» (PipeWire, із WirePlumber як менеджером сеансів).

sound-title = Звук
    .keywords = звук;аудіо;гучність;динаміки;динамік;колонки;гучномовці;навушники;гарнітура;мікрофон;вимкнути звук;без звуку;тиша;баланс;вихід;вхід;рівень;гучно;pipewire;audio;volume;speakers;headphones;microphone;mute

## Два основні розділи.
sound-output-heading = Вихід
sound-input-heading = Вхід
sound-no-outputs = Не знайдено жодного виходу: не під’єднано ні звукової карти, ні гарнітури, ні динаміка.
sound-no-inputs = Не знайдено жодного входу: не під’єднано жодного мікрофона.
sound-output-volume = Гучність виходу
sound-output-mute = Вимкнути звук виходу
sound-input-volume = Гучність входу
sound-input-mute = Вимкнути мікрофон
sound-balance = Баланс
sound-balance-centre = По центру
sound-balance-left = { $percent }% ліворуч
sound-balance-right = { $percent }% праворуч
sound-output-level = Рівень виходу
sound-input-level = Рівень входу
sound-level-unavailable = Неможливо виміряти рівень. { $reason }
sound-nothing-playing = Нічого не відтворюється.
sound-test = Перевірити динаміки
sound-testing = Звуковий сигнал лунає по черзі в кожному динаміку, спершу в лівому…
sound-amplify = Дозволити гучність понад 100%
    .desc = Гучність можна підняти до 150%. Звук понад 100% може спотворюватися.

## Програми.
sound-apps-heading = Програми
sound-no-streams = Жодна програма не відтворює і не записує звук.
sound-stream-unnamed = Програма без назви
sound-stream-unlinked = Ще не під’єднано до пристрою.
sound-stream-playing-on = Відтворюється на { $devices }
sound-stream-recording-from = Записується з { $devices }
sound-stream-volume = Гучність
sound-stream-mute = Вимкнути звук
sound-stream-output = Відтворювати на
sound-stream-input = Записувати з
sound-stream-follow-default-output = Типовий вихід ({ $device })
sound-stream-follow-default-input = Типовий вхід ({ $device })

## Пристрої та їхні профілі.
sound-devices-heading = Пристрої
sound-no-devices = Не під’єднано жодної звукової карти чи гарнітури.
sound-no-profiles = Цей пристрій не має профілів для вибору.
sound-profile-of = профіль пристрою { $device }
sound-profile-off = Пристрій не використовується.
sound-profile-duplex = Відтворює звук і записує з мікрофонного входу.
sound-profile-output = Лише відтворення; входи не використовуються.
sound-profile-input = Лише запис; виходи не використовуються.
sound-profile-a2dp = Найкраща якість звуку для прослуховування; мікрофон гарнітури вимкнено.
sound-profile-headset = Вмикає мікрофон гарнітури для дзвінків; якість звуку нижча.
sound-profile-pro-audio = Кожен канал окремо, без змішування, для студійних програм.
sound-profile-unavailable = Зараз до нього нічого не під’єднано.

## Коли звук неможливо показати.
sound-not-running = Звукова служба не працює
    .body = PipeWire, який відтворює і записує звук, не працює. Ця сторінка з’явиться знову сама, щойно він запуститься.
sound-no-answer = Звукова служба не відповідає
    .body = PipeWire працює, але не відповів вчасно. Ця сторінка сама спробує ще раз.
sound-unreadable = Неможливо показати звук
    .body = Не вдалося прочитати дані звукової служби: { $detail }
sound-no-session-manager = Звуковими пристроями ніщо не керує
    .body = WirePlumber, який вибирає типові пристрої та під’єднує до них програми, не працює. Гучність можна змінювати, але вибрати пристрої можна буде лише після його запуску.

## Команда, що не вдалася: що, а потім чому.
sound-failed-default = Не вдалося зробити «{ $name }» типовим.
sound-failed-volume = Не вдалося змінити гучність «{ $name }».
sound-failed-mute = Не вдалося вимкнути або ввімкнути звук «{ $name }».
sound-failed-move = Не вдалося перемістити «{ $name }» на інший пристрій.
sound-failed-profile = Не вдалося змінити профіль «{ $name }».
sound-failed-test = Не вдалося відтворити перевірку динаміків на «{ $name }».
sound-error-not-running = Звукова служба не працює.
sound-error-no-session-manager = WirePlumber, менеджер звукових сеансів, не працює.
sound-error-no-answer = Звукова служба не відповіла вчасно.
sound-error-gone = Його більше немає (від’єднано або закрито).
sound-error-no-profile = Пристрій більше не пропонує цей профіль.
sound-error-unsuitable = Його не можна для цього використати.
sound-error-no-volume = Він не має регулятора гучності.
sound-error-invalid-volume = Така гучність не дозволена; увімкніть «Дозволити гучність понад 100%», щоб перевищити 100%.
sound-error-not-permitted = Звукова служба цього не дозволила.
sound-error-refused = Звукова служба відхилила зміну.
sound-error-stream-failed = Звуковий потік зупинився (можливо, пристрій зник).
sound-error-local = Програмі «Параметри» не вдалося зв’язатися зі звуковою службою.

## Added with ports and paused streams.
sound-port = Роз’єм
sound-port-unplugged = Нічого не під’єднано.
sound-stream-paused = Призупинено
sound-failed-port = Не вдалося перемкнути «{ $name }» на цей роз’єм.
sound-preferences-invalid = Не вдалося прочитати збережені налаштування звуку; гучність обмежено 100%, доки ви не виберете знову.
sound-preferences-not-saved = Не вдалося зберегти ваш вибір щодо гучності понад 100%; він діє, доки застосунок налаштувань не закрито.
