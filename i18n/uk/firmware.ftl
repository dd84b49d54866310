## Сторінка «Мікропрограми»: пристрої, відомі fwupd, їхні оновлення та їх встановлення.

firmware-title = Мікропрограми
    .keywords = мікропрограма;мікропрограми;прошивка;оновлення;оновити;BIOS;UEFI;fwupd;LVFS;пристрій;вебкамера;док-станція;firmware;update;updates;device;webcam;dock

firmware-devices = Пристрої
firmware-none = Не знайдено пристроїв із мікропрограмою, яку можна показати.
firmware-not-running = Служба мікропрограм не працює
    .body = Оновлення мікропрограм надходять від fwupd. Ця сторінка сама покаже його пристрої, щойно служба запуститься.
firmware-unreadable = Неможливо прочитати пристрої служби мікропрограм

## Пристрій

firmware-vendor = Виробник: { $vendor }
firmware-version = Версія { $version }
firmware-version-unknown = Версія невідома
firmware-live-usable = Ним можна користуватися під час оновлення.
firmware-live-unusable = Ним не можна користуватися під час оновлення.
firmware-live-reboot = Оновлення завершиться під час перезапуску комп’ютера.
firmware-live-shutdown = Оновлення завершиться після вимкнення комп’ютера.
firmware-not-updatable = Його мікропрограму не можна оновити тут.
firmware-up-to-date = Оновлено до останньої версії.
firmware-state-pending = Оновлення чекає на наступний перезапуск.
firmware-state-success = Останнє оновлення пройшло успішно.
firmware-state-failed = Останнє оновлення не вдалося: { $reason }
firmware-state-failed-plain = Останнє оновлення не вдалося.
firmware-state-needs-reboot = Останнє оновлення завершиться під час перезапуску комп’ютера.
firmware-state-failed-transient = Не вдалося запустити останнє оновлення. Можна спробувати ще раз.

## Доступне оновлення

firmware-update-available = Доступна версія { $version }
firmware-update-size = Розмір: { $size }
firmware-urgency-low = Низька терміновість
firmware-urgency-medium = Середня терміновість
firmware-urgency-high = Висока терміновість
firmware-urgency-critical = Критичне: встановіть найближчим часом
firmware-release-notes = Що нового
firmware-update = Оновити
firmware-update-elsewhere = Встановлюється інше оновлення.
firmware-being-updated = Це оновлення встановлюється.
# fwupd встановлює оновлення, про яке попросила інша програма.
firmware-busy-elsewhere = Інша програма оновлює мікропрограму: { $step }, { $percent }%.

## Оновлення триває

firmware-updating = Оновлення { $device } до версії { $version }
firmware-step-downloading = Звантаження оновлення
firmware-step-checking = Перевірка звантаженого
firmware-step-preparing = Підготовка оновлення
firmware-step-authorizing = Очікування дозволу
firmware-step-device-busy = Очікування пристрою
firmware-step-reading = Читання пристрою
firmware-step-erasing = Стирання старої мікропрограми
firmware-step-writing = Запис мікропрограми
firmware-step-verifying = Перевірка мікропрограми
firmware-step-restarting = Перезапуск пристрою
firmware-step-waiting-for-you = Очікування ваших дій
firmware-step-working = Оновлення
# Назва індикатора поступу, яку читають засоби читання з екрана.
firmware-progress = { $device }: { $step }, { $percent }%
# Оголошується, коли змінюється етап.
firmware-progress-step = { $device }: { $step }

## Чим завершилося оновлення

firmware-done = { $device } оновлено до версії { $version }.
firmware-restart-needed = { $device } буде оновлено до версії { $version } під час перезапуску комп’ютера.
firmware-shutdown-needed = { $device } буде оновлено до версії { $version } після вимкнення й повторного увімкнення комп’ютера.
firmware-failed = { $device } не оновлено до версії { $version }.
firmware-restart = Перезапустити, щоб завершити
firmware-close = Закрити
firmware-restart-failed = Не вдалося перезапустити комп’ютер.

## Чому щось не вдалося

firmware-error-offline = Цей комп’ютер не під’єднано до мережі, тому звантажити оновлення не вдалося.
firmware-error-untrusted = Не вдалося перевірити справжність сервера звантаження { $host }, тому оновлення не звантажено.
firmware-error-download = Не вдалося звантажити оновлення.
firmware-error-checksum = Звантажений файл не той, що описано в оновленні, тому нічого не встановлено.
firmware-error-no-checksum = В оновленні не вказано контрольної суми для перевірки звантаженого, тому нічого не встановлено.
firmware-error-no-location = В оновленні не вказано, звідки його можна звантажити.
firmware-error-unsupported = Оновлення пропонується за адресою, з якої цей комп’ютер не може звантажувати.
firmware-error-busy = Пристрій зайнятий. Спробуйте ще раз, коли він не використовуватиметься.
firmware-error-not-authorized = Вам не дозволено оновлювати мікропрограми на цьому комп’ютері.
firmware-error-not-running = Служба мікропрограм не працює.
firmware-error-stopped-during = Служба мікропрограм зупинилася під час оновлення. Пристрої нижче показано так, як служба повідомляє про них зараз.
firmware-error-timeout = Служба мікропрограм не відповіла вчасно.
firmware-error-nothing-to-do = Нічого встановлювати: ця версія вже є.
firmware-error-refused = Служба мікропрограм відхилила оновлення.
firmware-error-remote = Джерело оновлень недоступне.
firmware-error-local = Під час підготовки оновлення на цьому комп’ютері щось пішло не так.
firmware-error-bus = Не вдалося зв’язатися зі службою мікропрограм.

## Перевірка оновлень

firmware-check = Перевірити оновлення
firmware-refresh-checking = Перевірка оновлень…
firmware-refresh-last = { $days ->
    [0] Востаннє оновлення перевірено сьогодні.
    [1] Востаннє оновлення перевірено вчора.
    [one] Востаннє оновлення перевірено { $days } день тому.
    [few] Востаннє оновлення перевірено { $days } дні тому.
    [many] Востаннє оновлення перевірено { $days } днів тому.
   *[other] Востаннє оновлення перевірено { $days } дня тому.
}
firmware-refresh-never = Оновлення ще не перевірялися.
firmware-refresh-metered = На лімітному з’єднанні оновлення не перевіряються автоматично. Натисніть «Перевірити оновлення», щоб перевірити зараз.
firmware-refresh-offline = Цей комп’ютер не під’єднано до мережі. Оновлення буде перевірено, щойно з’єднання відновиться.
firmware-refresh-failed = Не вдалося перевірити оновлення. { $reason }
firmware-refresh-no-remote = Не налаштовано жодного джерела оновлень мікропрограм.

## fwupd просить людину щось зробити

firmware-prompt-title = { $device } потребує ваших дій
firmware-request-remove-replug = Від’єднайте { $device } і під’єднайте знову.
firmware-request-press-unlock = Натисніть кнопку розблокування на { $device }.
firmware-request-remove-usb-cable = Від’єднайте кабель USB від { $device }.
firmware-request-insert-usb-cable = Під’єднайте кабель USB до { $device }.
firmware-request-do-not-power-off = Не вимикайте { $device } і цей комп’ютер, доки оновлення не завершиться.
firmware-request-replug-install = Від’єднайте { $device } і під’єднайте знову, щоб встановити оновлення.
firmware-request-replug-power = Від’єднайте { $device } від живлення і під’єднайте знову.
firmware-request-vendor = { $device }: { $message }
firmware-request-generic = { $device } потребує від вас певної дії, перш ніж оновлення зможе продовжитися.
firmware-prompt-done = Готово
firmware-device-unknown = Невідомий пристрій
