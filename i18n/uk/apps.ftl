## Сторінка «Застосунки»: застосунки Flatpak, їх встановлення, оновлення й вилучення та їхні дозволи.

apps-title = Застосунки
    .keywords = застосунки;програми;додатки;програмне забезпечення;встановити;видалити;вилучити;оновити;оновлення;дозволи;пісочниця;портал;магазин;flatpak;flathub;apps;applications;install;uninstall;remove;update;updates;permissions;store

apps-installed = Встановлені застосунки
apps-none-installed = Жодного застосунку не встановлено.
apps-unreadable = Не вдається прочитати встановлені застосунки
apps-installation-user = Для вас
apps-installation-system = Для всіх на цьому комп’ютері
apps-version = Версія { $version }
apps-origin = Джерело: { $remote }
apps-installed-size = Займає { $size }
apps-data-size = Його дані: { $size }
apps-data-size-unknown = Його дані: невідомо
apps-being-changed = Цей застосунок зараз змінюється.
apps-open = Відкрити
apps-open-failed = Не вдалося відкрити { $app }.
apps-permissions = Дозволи
apps-update = Оновити
apps-remove = Вилучити
apps-close = Закрити
apps-retry = Спробувати ще раз
apps-bullet = • { $line }

## Оновлення

apps-check = Перевірити оновлення
apps-update-all = Оновити все
apps-updates-checking = Перевірка оновлень…
apps-updates-count = { $count ->
    [0] Усі застосунки оновлено.
    [1] Доступне одне оновлення.
    [one] Доступне { $count } оновлення.
    [few] Доступні { $count } оновлення.
    [many] Доступно { $count } оновлень.
   *[other] Доступно { $count } оновлення.
}
apps-updates-failed = Не вдалося перевірити оновлення. { $reason }
apps-update-available = Доступне оновлення.
apps-update-wider = Доступне оновлення. Воно просить більше дозволів.
apps-held-question = Оновлення застосунку { $app } просить більше дозволів
apps-held-explain = Його відкладено, доки ви не погодитеся. Нова версія просить:
apps-held-accept = Погодитися й оновити
apps-held-decline = Не зараз

## Вилучення

apps-remove-question = Вилучити { $app }?
apps-remove-explain = Застосунок буде вилучено з цього комп’ютера. Пізніше його можна встановити знову.
apps-remove-data = Також видалити його дані
    .description = Його налаштування й файли в його власній теці теж буде видалено.
apps-remove-cancel = Залишити
apps-remove-confirm = Вилучити

## Зміна, що триває, і як вона закінчилася

apps-job-install = Встановлення { $app }
apps-job-update = Оновлення { $app }
apps-job-remove = Вилучення { $app }
apps-step-starting = Початок…
apps-step = Крок { $index } з { $count }: { $kind ->
    [install] встановлення
    [update] оновлення
   *[uninstall] вилучення
} { $part ->
    [runtime] потрібного середовища виконання
   *[app] застосунку
}
apps-progress = { $job }: { $percent }%.
apps-progress-bytes = Завантажено { $size }.
apps-queued = { $count ->
    [one] Ще { $count } зміна чекає.
    [few] Ще { $count } зміни чекають.
    [many] Ще { $count } змін чекають.
   *[other] Ще { $count } зміни чекають.
}
apps-cancel = Скасувати
apps-cancelling = Скасування…
apps-ended-done = { $kind ->
    [install] { $app } встановлено.
    [update] { $app } оновлено.
   *[remove] { $app } вилучено.
}
apps-ended-update-running = { $app } ще працює в попередній версії; оновлення набуде чинності, коли ви закриєте й знову відкриєте застосунок.
apps-ended-remove-running = { $app } ще відкрито, і він працюватиме, доки ви його не закриєте.
apps-ended-cancelled = { $kind ->
    [install] Встановлення { $app } скасовано. Нічого з нього не встановлено.
    [update] Оновлення { $app } скасовано. Встановлена версія не змінилася.
   *[remove] Вилучення { $app } скасовано.
}
apps-ended-failed = { $kind ->
    [install] { $app } не встановлено.
    [update] { $app } не оновлено.
   *[remove] { $app } не вилучено.
}

## Встановлення

apps-install = Встановити застосунки
apps-search-label = Пошук у джерелах застосунків
apps-search = Шукати
apps-searching = Пошук…
apps-search-none = Жоден застосунок не відповідає запиту «{ $query }».
apps-search-remote-failed = Не вдалося виконати пошук у { $remote }.
apps-details = Подробиці
apps-already-installed = Уже встановлено
apps-download-size = Завантаження: { $size }
apps-asks-for = Він просить:
apps-install-button = Встановити

## Джерела застосунків

apps-remotes = Джерела застосунків
apps-remotes-none = Жодного джерела застосунків не налаштовано.
apps-remote-disabled = Вимкнено
apps-remote-add-title = Додати джерело застосунків
apps-remote-add-explain = Джерела застосунків публікують файл .flatpakrepo. Їхній ключ підпису перевіряється завжди.
apps-remote-path = Шлях до файлу .flatpakrepo
apps-remote-name = Назва (порожньо: з назви файлу)
apps-remote-add = Додати джерело
apps-remote-adding = Додавання…
apps-remote-added = Джерело застосунків { $remote } додано.
apps-remote-error-no-path = Введіть шлях до файлу .flatpakrepo.
apps-remote-error-unreadable = Не вдалося прочитати файл.
apps-remote-error-too-large = Файл завеликий для файлу .flatpakrepo.

## Дозволи одного застосунку

apps-permissions-title = Дозволи застосунку { $app }
apps-permissions-explain = Що застосунку можна використовувати. Ваш вибір діє для цього застосунку лише для вас; «Як у застосунку» зберігає те, що кажуть застосунок та інші налаштування.
apps-permissions-reset = Відновити типові налаштування застосунку
apps-permissions-saving = Збереження…
apps-permissions-write-failed = Зміну не збережено. { $reason }
apps-choice-default = Як у застосунку
apps-choice-allow = Дозволити
apps-choice-deny = Заборонити
apps-row-state = { $value } — { $source }
apps-source = { $layer ->
    [app] типово для застосунку
    [system-global] задано для всіх застосунків на цьому комп’ютері
    [system-app] задано для цього застосунку на цьому комп’ютері
    [user-global] ваше налаштування для всіх застосунків
    [user-app] ваше налаштування для цього застосунку
   *[none] не запитано
}
apps-value-allowed = Дозволено
apps-value-denied = Не дозволено
apps-value-not-asked = Не дозволено
apps-value-access = { $access ->
    [ro] Лише читання
    [rw] Читання й запис
    [create] Читання й запис, створюється, якщо немає
   *[denied] Не дозволено
}
apps-value-bus = { $policy ->
    [see] Може його бачити
    [talk] Може з ним спілкуватися
    [own] Може володіти назвою
   *[none] Не дозволено
}
apps-value-environment = Має значення «{ $value }»
apps-perm-line = { $permission }: { $value }
apps-perm-nothing = Він не просить жодних дозволів.
apps-perm-shared = { $word ->
    [network] Користуватися мережею
    [ipc] Спільно використовувати пам’ять з іншими програмами
   *[other] Спільно використовувати «{ $word }» з цим комп’ютером
}
apps-perm-socket = { $word ->
    [wayland] Показувати вікна
    [x11] Показувати вікна через X11
    [fallback-x11] Показувати вікна через X11, коли немає Wayland
    [pulseaudio] Відтворювати й записувати звук
    [session-bus] Спілкуватися з усіма програмами вашого сеансу
    [system-bus] Спілкуватися з усіма службами цього комп’ютера
    [ssh-auth] Використовувати ваші ключі SSH
    [pcsc] Використовувати смарт-картки
    [cups] Друкувати
    [gpg-agent] Використовувати ваші ключі GPG
   *[other] Використовувати сокет «{ $word }»
}
apps-perm-device = { $word ->
    [dri] Використовувати відеокарту
    [input] Читати пристрої введення
    [usb] Використовувати USB-пристрої
    [kvm] Запускати віртуальні машини
    [shm] Спільно використовувати пам’ять через /dev/shm
    [all] Використовувати всі пристрої, як-от камери й мікрофони
   *[other] Використовувати пристрій «{ $word }»
}
apps-perm-feature = { $word ->
    [devel] Використовувати засоби налагодження
    [multiarch] Запускати програми для інших процесорів
    [bluetooth] Використовувати Bluetooth
    [canbus] Використовувати пристрої шини CAN
    [per-app-dev-shm] Мати власну спільну пам’ять
   *[other] Використовувати можливість «{ $word }»
}
apps-perm-filesystem = { $path ->
    [host] Усі файли на цьому комп’ютері
    [host-os] Програми й бібліотеки системи
    [host-etc] Налаштування системи
    [home] Ваша домашня тека
    [xdg-download] Ваша тека «Завантаження»
    [xdg-documents] Ваша тека «Документи»
    [xdg-music] Ваша тека «Музика»
    [xdg-pictures] Ваша тека «Зображення»
    [xdg-videos] Ваша тека «Відео»
    [xdg-desktop] Ваша тека «Стільниця»
   *[other] Тека { $path }
}
apps-perm-session-bus = Спілкуватися з { $name }
apps-perm-system-bus = Спілкуватися із системною службою { $name }
apps-perm-environment = Змінна { $name }

## Дозволи, надані через портали

apps-portal-title = Дозволено на запит
apps-portal-none = Застосунку ще нічого не дозволяли на його запит.
apps-portal = { $permission ->
    [notifications] Показувати сповіщення
    [background] Працювати у фоновому режимі
    [camera] Використовувати камеру
    [microphone] Використовувати мікрофон
    [speakers] Відтворювати звук
    [location] Знати ваше місцеперебування
   *[screenshot] Робити знімки екрана
}
apps-portal-other = { $table }: { $id }
apps-portal-state = { $granted ->
    [yes] { $permission }: дозволено
   *[no] { $permission }: не дозволено
}
apps-revoke = Відкликати
apps-revoke-failed = Не вдалося відкликати дозвіл. { $reason }

## Збої

apps-error-not-installed = Застосунок не встановлено.
apps-error-already-installed = Застосунок уже встановлено.
apps-error-unsigned = Джерело застосунків не має ключа підпису, тож те, що воно пропонує, неможливо перевірити. Його не додано.
apps-error-already-exists = Джерело застосунків із такою назвою вже існує.
apps-error-not-found = Джерело застосунків цього не пропонує.
apps-error-unreachable = Не вдалося зв’язатися з джерелом застосунків. Перевірте, чи цей комп’ютер у мережі.
apps-error-signature = Надіслане джерелом застосунків не підписано його ключем, тому його відхилено. Нічого не встановлено.
apps-error-cancelled = Скасовано.
apps-error-permission-denied = Це не дозволено.
apps-error-no-space = На диску недостатньо місця.
apps-error-app-running = Застосунок запущено. Закрийте його й спробуйте ще раз.
apps-error-permission-store = Сховище дозволів не працює. Спробуйте ще раз за мить.
apps-error-permission-store-hung = Сховище дозволів не відповіло вчасно. Спробуйте ще раз, щоб прочитати, що в ньому збережено.
apps-error-system-helper = Системна служба Flatpak не працює, тому зараз не можна змінити застосунки для всіх користувачів цього комп’ютера. Нічого не змінено. Спробуйте ще раз за мить.
apps-error-worker = Flatpak зараз не працює. Сторінка спробує ще раз сама.
apps-error-other = Flatpak не зміг цього зробити.
