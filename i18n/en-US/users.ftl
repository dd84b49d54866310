## The Users page: the people on this computer, adding and removing them, administrators,
## one's own password and picture.

users-title = Users
    .keywords = users;people;accounts;person;add user;remove user;delete user;administrator;admin;standard;password;picture;avatar;photo;login;automatic login;autologin

users-not-running = The accounts service is not running
    .body = The people on this computer come from AccountsService. This page shows them by itself as soon as it runs.
users-unreadable = The people on this computer cannot be read

users-people-heading = People
users-explained = Everyone who can log in to this computer. Adding, removing and changing people needs an administrator.
users-you = you
users-locked = locked
users-standard = Standard
    .desc = Uses apps and changes their own settings.
users-administrator = Administrator
    .desc = Can also add and remove people and change settings for the whole computer.
users-last-administrator = The only administrator: someone else must become one before this account can stop being one.
users-making-administrator = Making { $name } an administrator…
users-making-standard = Making { $name } a standard account…
users-automatic-login = Automatic login
    .desc = Logged in without a password when this computer starts. Only one person can have it.
users-turning-on-automatic-login = Turning on automatic login for { $name }…
users-turning-off-automatic-login = Turning off automatic login for { $name }…
users-cancel = Cancel

users-add-open = Add a person…
users-add-title = Add a person
users-real-name = Full name
users-login-name = Login name
users-account-type = Account type
users-password = Password
users-password-confirm = Type the password again
users-add = Add
users-adding = Adding { $name }…
users-real-name-empty = Type the person's full name.
users-name-empty = Type a login name.
users-name-too-long = The login name can have at most { $count } characters.
users-name-bad-start = The login name must start with a lowercase letter.
users-name-bad-characters = The login name can only have lowercase letters, digits, hyphens and underscores.
users-password-too-short = The password needs at least { $count } characters.
users-password-too-long = The password is too long.
users-password-mismatch = The two passwords are not the same.
users-strength-too-short = Too short: at least { $count } characters
users-strength-weak = Weak password
users-strength-fair = Fair password
users-strength-strong = Strong password

users-remove-open = Remove…
users-remove-title = Remove { $name }?
users-remove-body = They will no longer be able to log in.
users-remove-keep = Keep their files
    .desc = Their home folder stays on this computer.
users-remove-delete = Delete their files
    .desc = Their home folder and everything in it are deleted.
users-remove = Remove
users-removing = Removing { $name }…

users-password-open = Change password…
users-password-title = Change your password
users-password-new = New password
users-password-change = Change password
users-password-changing = Changing your password…

users-picture-open = Change picture…
users-picture-title = Change your picture
users-picture-body = Type the path of a PNG or JPEG picture. It is cut to a square and made smaller.
users-picture-path = Picture file
users-picture-use = Use picture
users-picture-setting = Setting your picture…
users-picture-empty = Type the path of a picture file.
users-picture-not-absolute = Type the whole path, starting with /.
users-picture-unreadable = That file cannot be read.
users-picture-too-large = That picture is too large.
users-picture-not-a-picture = That file is not a PNG or JPEG picture.

users-error-add-refused = The person was not added: an administrator did not allow it.
users-error-remove-refused = The person was not removed: an administrator did not allow it.
users-error-type-refused = The account type was not changed: an administrator did not allow it.
users-error-password-refused = The password was not changed: it was not confirmed.
users-error-picture-refused = The picture was not changed: it was not allowed.
users-error-automatic-login-refused = Automatic login was not changed: an administrator did not allow it.
users-error-gone = The accounts service stopped, so nothing was changed. This page shows the people again when it is back.
users-error-no-answer = The accounts service did not answer. The change may not have been made; the page shows what the service says once it answers.
users-error-name-taken = The login name “{ $name }” is already used. Choose another one.
users-error-no-such-person = That person is no longer on this computer.
users-error-failed = The accounts service could not make the change.
