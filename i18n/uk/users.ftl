## Сторінка «Користувачі»: люди на цьому комп'ютері, додавання і вилучення,
## адміністратори, власний пароль і зображення.

users-title = Користувачі
    .keywords = користувачі;люди;облікові записи;особа;додати користувача;вилучити користувача;видалити користувача;адміністратор;адмін;стандартний;пароль;зображення;аватар;фото;вхід

users-not-running = Служба облікових записів не працює
    .body = Люди на цьому комп'ютері надходять від AccountsService. Ця сторінка покаже їх сама, щойно служба запрацює.
users-unreadable = Не вдається прочитати людей на цьому комп'ютері

users-people-heading = Люди
users-explained = Усі, хто може входити на цей комп'ютер. Для додавання, вилучення і зміни людей потрібен адміністратор.
users-you = ви
users-locked = заблоковано
users-standard = Стандартний
    .desc = Користується застосунками і змінює власні налаштування.
users-administrator = Адміністратор
    .desc = Також може додавати й вилучати людей і змінювати налаштування всього комп'ютера.
users-last-administrator = Єдиний адміністратор: спершу хтось інший має стати адміністратором, лише тоді цей обліковий запис може перестати ним бути.
users-making-administrator = { $name } стає адміністратором…
users-making-standard = { $name } отримує стандартний обліковий запис…
users-automatic-login = Автоматичний вхід
    .desc = Вхід без пароля під час запуску цього комп'ютера. Його може мати лише одна людина.
users-turning-on-automatic-login = Увімкнення автоматичного входу для { $name }…
users-turning-off-automatic-login = Вимкнення автоматичного входу для { $name }…
users-cancel = Скасувати

users-add-open = Додати людину…
users-add-title = Додати людину
users-real-name = Повне ім'я
users-login-name = Ім'я для входу
users-account-type = Тип облікового запису
users-password = Пароль
users-password-confirm = Введіть пароль ще раз
users-add = Додати
users-adding = Додаємо { $name }…
users-real-name-empty = Введіть повне ім'я людини.
users-name-empty = Введіть ім'я для входу.
users-name-too-long = Ім'я для входу може мати щонайбільше { $count } символів.
users-name-bad-start = Ім'я для входу має починатися з малої латинської літери.
users-name-bad-characters = Ім'я для входу може містити лише малі латинські літери, цифри, дефіси та підкреслення.
users-password-too-short = Пароль має містити щонайменше { $count } символів.
users-password-too-long = Пароль задовгий.
users-password-mismatch = Два паролі не збігаються.
users-strength-too-short = Закороткий: щонайменше { $count } символів
users-strength-weak = Слабкий пароль
users-strength-fair = Непоганий пароль
users-strength-strong = Надійний пароль

users-remove-open = Вилучити…
users-remove-title = Вилучити { $name }?
users-remove-body = Ця людина більше не зможе входити.
users-remove-keep = Зберегти файли
    .desc = Домашня тека залишиться на цьому комп'ютері.
users-remove-delete = Видалити файли
    .desc = Домашню теку і все в ній буде видалено.
users-remove = Вилучити
users-removing = Вилучаємо { $name }…

users-password-open = Змінити пароль…
users-password-title = Зміна вашого пароля
users-password-new = Новий пароль
users-password-change = Змінити пароль
users-password-changing = Змінюємо ваш пароль…

users-picture-open = Змінити зображення…
users-picture-title = Зміна вашого зображення
users-picture-body = Введіть шлях до зображення PNG або JPEG. Його буде обрізано до квадрата і зменшено.
users-picture-path = Файл зображення
users-picture-use = Використати зображення
users-picture-setting = Встановлюємо ваше зображення…
users-picture-empty = Введіть шлях до файлу зображення.
users-picture-not-absolute = Введіть повний шлях, що починається з /.
users-picture-unreadable = Цей файл не вдається прочитати.
users-picture-too-large = Це зображення завелике.
users-picture-not-a-picture = Цей файл не є зображенням PNG або JPEG.

users-error-add-refused = Людину не додано: адміністратор не дозволив.
users-error-remove-refused = Людину не вилучено: адміністратор не дозволив.
users-error-type-refused = Тип облікового запису не змінено: адміністратор не дозволив.
users-error-password-refused = Пароль не змінено: зміну не підтверджено.
users-error-picture-refused = Зображення не змінено: це не було дозволено.
users-error-automatic-login-refused = Автоматичний вхід не змінено: адміністратор не дозволив.
users-error-gone = Служба облікових записів зупинилася, тож нічого не змінено. Ця сторінка знову покаже людей, коли служба повернеться.
users-error-no-answer = Служба облікових записів не відповіла. Зміну, можливо, не внесено; сторінка покаже, що каже служба, щойно вона відповість.
users-error-name-taken = Ім'я для входу «{ $name }» уже зайняте. Виберіть інше.
users-error-no-such-person = Цієї людини вже немає на цьому комп'ютері.
users-error-failed = Служба облікових записів не змогла внести зміну.
