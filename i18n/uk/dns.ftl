# The Private DNS page.

dns-title = Приватний DNS
    .keywords = приватний dns;dns через tls;визначення назв;сервер назв;резолвер;приватність;конфіденційність;шифрування;dns;dns-over-tls;dot;dnssec;resolver;privacy;encryption;mdns;llmnr;quad9;cloudflare
dns-intro = Виберіть, хто відповідатиме на запити назв із вашого комп’ютера і чи передаватимуться вони зашифрованими.
dns-nm-unavailable = Параметри мережі недоступні
    .body = NetworkManager не запущено. Ці параметри буде прочитано знову, щойно він запуститься.
dns-resolved-unavailable = Службу визначення назв не запущено
    .body = systemd-resolved не запущено, тому його стан невідомий. Його буде знову показано, щойно служба запуститься.
dns-read-failed = Не вдалося прочитати чинні параметри
dns-resolver-heading = Визначення назв
dns-mode-automatic = Автоматично
    .desc = Використовувати DNS-сервери, які надає ваша мережа.
dns-mode-provider = Постачальник приватного DNS
    .desc = Загальнодоступний DNS-сервер із підтримкою зашифрованого DNS.
dns-provider-detail = { $name } · { $addresses }
dns-mode-custom = Власні сервери
    .desc = Сервери, які ви вводите самі, за бажання — з назвою з їхнього сертифіката.
dns-custom-label = DNS-сервери
dns-custom-placeholder = 192.0.2.1#dns.example.com
dns-custom-hint = Відокремлюйте сервери комами. Пишіть адреса#назва, щоб сертифікат сервера можна було перевірити; адреси IPv6 і порти записуються як [2001:db8::1]:853#назва.
dns-security-heading = Шифрування та перевірка
dns-dot-heading = DNS over TLS
dns-dot-off = Вимкнено
    .desc = Запити надсилаються без шифрування.
dns-dot-opportunistic = Коли можливо
    .desc = Шифрувати, якщо сервер це підтримує, інакше надсилати без шифрування.
dns-dot-strict = Завжди
    .desc = Лише зашифровані запити; якщо до сервера не вдається безпечно під’єднатися, назви не визначатимуться.
dns-dnssec-heading = DNSSEC
dns-dnssec-off = Вимкнено
dns-dnssec-allow-downgrade = Якщо мережа це підтримує
dns-dnssec-strict = Завжди (може порушити роботу деяких мереж)
dns-mdns = Локальні назви (Multicast DNS)
    .desc = Знаходити пристрої, як-от принтери, за їхніми назвами .local.
dns-llmnr = Локальні назви Windows (LLMNR)
    .desc = Відповідати на запити назв від комп’ютерів Windows поблизу і визначати їхні назви.
dns-apply = Застосувати
dns-applying = Застосування…
dns-applied = { $profiles ->
    [one] Застосовано до { $profiles } мережевого з’єднання.
    [few] Застосовано до { $profiles } мережевих з’єднань.
    [many] Застосовано до { $profiles } мережевих з’єднань.
   *[other] Застосовано до { $profiles } мережевого з’єднання.
}
dns-apply-refused = Вам не дозволено змінювати параметри мережі.
dns-apply-invalid = Ці параметри неможливо застосувати.
dns-apply-failed = Не вдалося змінити параметри мережі.
dns-status-heading = Стан
dns-status-server = Поточний сервер
dns-status-none = Немає
dns-status-dot = DNS over TLS
dns-status-dnssec = DNSSEC
dns-status-lookups = Запити
dns-status-lookups-value = { $lookups } ({ $hits } з кешу, { $misses } поза кешем)
dns-test-heading = Перевірка
dns-test-label = Назва для пошуку
dns-test-placeholder = example.com
dns-test-run = Перевірити
dns-test-idle = Знайдіть адресу за назвою, щоб перевірити чинні параметри.
dns-test-running = Пошук…
dns-test-answer = Адреси { $name }: { $addresses } ({ $ms } мс)
dns-test-encrypted = Відповідь надійшла зашифрованим з’єднанням.
dns-test-plain = Відповідь надійшла без шифрування.
dns-test-not-found = Такої назви не існує.
dns-test-no-servers = Не налаштовано жодного DNS-сервера.
dns-test-unreachable = Жоден сервер не відповів безпечно. Можливо, сервер недоступний або його сертифікат не відповідає вказаній назві (перевірте частину після #).
dns-test-dnssec = Відповідь не пройшла перевірку DNSSEC: { $reason }
dns-test-network-down = Мережа недоступна.
dns-test-failed = Не вдалося виконати пошук: { $reason }
dns-error-no-servers = Введіть принаймні один DNS-сервер.
dns-error-bad-address = «{ $entry }» не починається з адреси IPv4 або IPv6.
dns-error-bad-port = «{ $entry }» містить порт поза межами 1–65535.
dns-error-empty-name = У «{ $entry }» після # нічого немає: введіть назву сервера або вилучіть #.
dns-error-bad-name = «{ $entry }» містить назву сервера, яка не є коректною назвою вузла.
dns-error-name-needed = Для «{ $entry }» потрібна назва сервера (адреса#назва), щоб його можна було перевірити в режимі «Завжди».
