# Сторінка «Безпека пристрою»: рівень безпеки хоста (HSI) за fwupd і його перевірки, а також
# власні відомості цього комп’ютера (Secure Boot і його ключі, TPM, PCR 11 порівняно
# з підписаним передбаченням, перевірений кореневий розділ).

security-title = Безпека пристрою
    .keywords = безпека;безпека пристрою;безпечне завантаження;secure boot;tpm;hsi;безпека мікропрограми;мікропрограма;прошивка;firmware;pcr;виміряне завантаження;measured boot;verity;uefi;ключі;засвідчення;attestation;fwupd

## Заголовок: рівень безпеки хоста за fwupd.
security-hsi-heading = Рівень безпеки
security-hsi-level = Рівень { $level } з 5
security-hsi-0 = Мікропрограмі бракує навіть найпростіших засобів захисту: будь-хто, маючи кілька хвилин і потрібні інструменти, може змінити те, що вона запускає.
security-hsi-1 = Базовий захист: мікропрограму захищено від найпростіших атак, але не від людини, яка має фізичний доступ протягом певного часу.
security-hsi-2 = Захищено від людини, яка недовго тримає комп’ютер у руках: мікропрограму не вдасться легко прочитати чи перезаписати.
security-hsi-3 = Захищено також від складніших атак, зокрема тих, що сьогодні здебільшого теоретичні.
security-hsi-4 = Захищено від атак, для яких комп’ютер треба розібрати.
security-hsi-5 = Найвищий рівень: мікропрограму захищено, а її стан можна довести іншим.
security-hsi-runtime-issue = «!» після рівня: щось, виявлене під час роботи системи, знижує довіру (див. «Виявлено під час роботи» нижче).
security-hsi-invalid = Немає рівня безпеки
security-hsi-invalid-virtual = Це віртуальна машина: її мікропрограма — те, що надає хост, тому fwupd не визначає рівня. Перевірки та власні відомості цього комп’ютера нижче чинні й далі.
security-hsi-invalid-other = fwupd не може визначити рівень для цього комп’ютера ({ $reason }). Перевірки та власні відомості цього комп’ютера нижче чинні й далі.
security-hsi-none = fwupd не оцінює безпеку комп’ютерів такого типу.
security-hsi-id = Ідентифікатор безпеки хоста: { $id }

## Перевірки, згруповані за рівнями.
security-checks-heading = Перевірки за рівнями
security-level-1 = Рівень 1: критичний
security-level-2 = Рівень 2: важливий
security-level-3 = Рівень 3: теоретичний
security-level-4 = Рівень 4: захист системи
security-level-5 = Рівень 5: засвідчення системи
security-level-runtime = Виявлено під час роботи
security-level-other = Інші перевірки
security-passed = Пройдено
security-failed = Не пройдено
security-check-state = { $check }: { $state }, { $result }
# Результат перевірки поряд із її назвою: «Пройдено» чи «Не пройдено», а потім те, що виявив fwupd.
security-check-outcome = { $state }, { $result }
security-checks-none = fwupd не повідомив про жодну перевірку.

## Результати fwupd словами.
security-result-unknown = невідомо
security-result-enabled = увімкнено
security-result-not-enabled = вимкнено
security-result-valid = дійсний
security-result-not-valid = недійсний
security-result-locked = заблоковано
security-result-not-locked = не заблоковано
security-result-encrypted = зашифровано
security-result-not-encrypted = не зашифровано
security-result-tainted = позначено як ненадійне
security-result-not-tainted = не позначено як ненадійне
security-result-found = знайдено
security-result-not-found = не знайдено
security-result-supported = підтримується
security-result-not-supported = не підтримується

## Власні відомості цього комп’ютера.
security-facts-heading = Цей комп’ютер
security-facts-reading = Читання відомостей цього комп’ютера…
security-secure-boot = Secure Boot
security-secure-boot-on = Увімкнено: мікропрограма запускає лише підписане програмне забезпечення.
security-secure-boot-off = Вимкнено: мікропрограма запускає будь-яке програмне забезпечення.
security-secure-boot-setup = Вимкнено, режим налаштування: ключ платформи не зареєстровано, тож будь-хто може зареєструвати ключі.
security-secure-boot-unsupported = Мікропрограма не підтримує Secure Boot.
security-secure-boot-not-uefi = Комп’ютер запущено не через UEFI, тому Secure Boot немає.
security-secure-boot-unreadable = Не вдалося прочитати його стан ({ $reason }).
security-keys = Ключі Secure Boot
security-keys-own = Власні ключі цього комп’ютера: запускається лише програмне забезпечення, підписане для цієї системи.
security-keys-own-microsoft = Власні ключі цього комп’ютера; сертифікатам Microsoft також довіряють.
security-keys-vendor = Ключі { $vendor }. Сертифікатам Microsoft не довіряють.
security-keys-vendor-microsoft = Ключі { $vendor }; сертифікатам Microsoft довіряють.
security-keys-none = Жодного ключа платформи не зареєстровано.
security-keys-not-uefi = Немає: комп’ютер запущено не через UEFI.
security-keys-unreadable = Не вдалося прочитати зареєстровані ключі ({ $reason }).
security-tpm = TPM
security-tpm-2 = TPM 2.0
security-tpm-1 = TPM 1.2 (для виміряного завантаження потрібен TPM 2.0)
security-tpm-unknown = TPM невідомої версії
security-tpm-absent = TPM не знайдено.
security-pcr = Вимірювання під час завантаження
security-pcr-matches = PCR 11 збігається з підписаним передбаченням: система запустилася такою, якою її зібрано.
security-pcr-matches-other-key = PCR 11 збігається з підписаним передбаченням, але ключ, що постачається поряд із передбаченням, — не той, яким його підписано.
security-pcr-differs = PCR 11 не збігається з підписаним передбаченням: під час запуску виміряно щось інше, ніж було зібрано.
security-pcr-no-prediction = Запущена система не містить підписаного передбачення, з яким можна порівняти PCR 11.
security-pcr-prediction-unreadable = Не вдалося прочитати підписане передбачення ({ $reason }).
security-pcr-unreadable = Не вдалося прочитати PCR 11 ({ $reason }).
security-pcr-no-tpm = Без TPM нічого не вимірюється.
security-root = Системні файли
security-root-verified = Перевірено: кожен блок системи звіряється з хешем у підписаному командному рядку ядра (dm-verity).
security-root-other-dm = Не перевірено: система розташована на { $device }, що не є пристроєм dm-verity.
security-root-plain = Не перевірено: система розташована на { $device } без dm-verity.
security-root-not-block = Не перевірено: система розташована в пам’яті ({ $fstype }).
security-root-unknown = Не вдалося прочитати ({ $reason }).

## Журнал подій.
security-events-heading = Зміни
security-events-none = Жодних змін не записано.
security-event = { $date }: { $check } — змінено з «{ $before }» на «{ $after }»
security-event-now = { $date }: { $check }: { $after }
security-events-unreadable = Не вдалося прочитати зміни: { $reason }

## Копіювання звіту.
security-copy = Копіювати звіт
security-copied = Звіт скопійовано до буфера обміну.
security-report-facts = Власні відомості цього комп’ютера
security-report-details = Подробиці
security-report-no-fwupd = fwupd: { $reason }
security-copied-without-fwupd = fwupd не надав своєї частини звіту: звіт у буфері обміну містить лише власні відомості цього комп’ютера.
security-dismiss = Закрити

## fwupd відсутній або збоїть.
security-fwupd-not-running = Служба безпеки мікропрограм не працює
    .body = fwupd потрібен для рівня безпеки та його перевірок. Власні відомості цього комп’ютера наведено нижче. Сторінка оновиться сама, щойно fwupd запуститься.
security-fwupd-unreadable = Не вдалося прочитати дані служби безпеки мікропрограм
security-error-not-running = fwupd не працює.
security-error-timeout = fwupd не відповів вчасно.
security-error-not-authorized = fwupd відмовився відповідати.
security-error-other = Збій fwupd: { $reason }
