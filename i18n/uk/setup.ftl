# Початкове налаштування (ferrum-greeter, поки на комп’ютері немає жодної людини).

setup-title = Налаштування цього комп’ютера
setup-step = Крок { $number } з { $total }
setup-next = Далі
setup-back = Назад
setup-skip = Пропустити
setup-create = Створити обліковий запис
setup-language-heading = Виберіть мову
setup-keyboard-heading = Виберіть розкладку клавіатури
setup-zone-heading = Виберіть часовий пояс
setup-zone-search = Пошук міста або регіону
setup-zone-chosen = Часовий пояс: { $zone }
setup-zone-none = Жоден часовий пояс не відповідає пошуку.
setup-applying = Встановлення часового поясу…
setup-zone-unavailable = Не вдалося встановити часовий пояс: служба дати й часу не працює.
setup-zone-refused = Не вдалося встановити часовий пояс: цей комп’ютер цього не дозволив.
setup-zone-unknown = Цей комп’ютер не знає такого часового поясу. Виберіть інший.
setup-zone-no-answer = Служба дати й часу не відповіла. Спробуйте ще раз.
setup-zone-failed = Не вдалося встановити часовий пояс. Спробуйте ще раз.
setup-network-heading = З’єднання з мережею
setup-network-optional = Цей крок необов’язковий: з’єднатися можна пізніше в Параметрах.
setup-network-loading = Пошук мереж…
setup-network-connected = З’єднано з інтернетом.
setup-network-limited = З’єднано, але інтернет недоступний.
setup-network-offline = Немає з’єднання.
setup-network-unavailable = Параметри мережі зараз недоступні.
setup-network-none = Немає мереж Wi-Fi у зоні досяжності.
setup-wifi-connected = З’єднано
setup-wifi-secured = Захищена, сигнал { $strength }%
setup-wifi-open = Відкрита, сигнал { $strength }%
setup-wifi-password = Пароль для { $name }
setup-join-named = З’єднатися з { $name }
setup-joining = Встановлення з’єднання…
setup-wifi-password-empty = Спершу введіть пароль мережі.
setup-wifi-password-invalid = Це не може бути паролем цієї мережі: перевірте довжину та символи.
setup-join-refused = Тут не дозволено з’єднуватися з мережами.
setup-join-wrong-password = Мережа не прийняла пароль.
setup-join-timeout = Мережа не відповіла вчасно. Спробуйте ще раз.
setup-join-failed = Не вдалося з’єднатися з мережею.
setup-account-heading = Створіть обліковий запис
setup-full-name = Повне ім’я
setup-user-name = Ім’я користувача
setup-user-name-rules = Малі латинські літери, цифри, - і _; першою має бути літера.
setup-password = Пароль
setup-confirmation = Підтвердіть пароль
setup-strength-too-short = { $count ->
    [one] Щонайменше { $count } символ.
    [few] Щонайменше { $count } символи.
    [many] Щонайменше { $count } символів.
   *[other] Щонайменше { $count } символу.
}
setup-strength-weak = Слабкий пароль: довший пароль із різними видами символів важче вгадати.
setup-strength-fair = Пароль середньої надійності.
setup-strength-strong = Надійний пароль.
setup-administrator = Адміністратор
setup-administrator-desc = Може встановлювати програми й змінювати параметри для всіх.
setup-name-empty = Введіть ім’я користувача.
setup-name-too-long = { $count ->
    [one] Ім’я користувача може мати щонайбільше { $count } символ.
    [few] Ім’я користувача може мати щонайбільше { $count } символи.
    [many] Ім’я користувача може мати щонайбільше { $count } символів.
   *[other] Ім’я користувача може мати щонайбільше { $count } символу.
}
setup-name-bad-start = Ім’я користувача починається з малої латинської літери.
setup-name-bad-characters = Ім’я користувача може містити лише малі латинські літери, цифри, - і _.
setup-name-taken = Ім’я користувача { $name } уже зайняте. Виберіть інше.
setup-password-too-short = { $count ->
    [one] Пароль має містити щонайменше { $count } символ.
    [few] Пароль має містити щонайменше { $count } символи.
    [many] Пароль має містити щонайменше { $count } символів.
   *[other] Пароль має містити щонайменше { $count } символу.
}
setup-password-too-long = Пароль задовгий.
setup-password-mismatch = Паролі не збігаються.
setup-creating = Створення облікового запису…
setup-account-refused = Цей комп’ютер зараз не дозволяє створювати облікові записи.
setup-account-unavailable = Служба облікових записів не працює, тому обліковий запис не створено. Спробуйте ще раз за мить.
setup-account-no-answer = Служба облікових записів не відповіла. Спробуйте ще раз.
setup-account-failed = Не вдалося створити обліковий запис. Спробуйте ще раз.
setup-account-undone = Не вдалося завершити створення облікового запису, тому його знову вилучено. Спробуйте ще раз.
setup-account-left = Не вдалося завершити створення облікового запису, і служба облікових записів перестала відповідати. Ніхто не може увійти до незавершеного облікового запису; його буде вилучено, коли ви спробуєте ще раз.
setup-finish-heading = Ласкаво просимо
setup-starting = Запуск сеансу…
setup-created = Обліковий запис { $name } створено, але увійти не вдалося.
setup-retry = Спробувати ще раз
setup-login-failed = Не вдалося увійти. Спробуйте ще раз.
setup-login-unreachable = Служба входу не відповідає. Спробуйте ще раз.
