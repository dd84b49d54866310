## The authentication dialog — English until translated (the catalogue test demands every key)

auth-title = Authentication required
# Who asks: the program's name as the system knows it ("ferrum-settings", "pkexec").
auth-program = Requested by { $program }
auth-identity-choice = Authenticate as
auth-password = Password
# The person whose password is asked for, by their real name.
auth-password-for = Password for { $person }
auth-authenticate = Authenticate
auth-cancel = Cancel
auth-checking = Checking…
auth-wrong-password = That password was not accepted. Try again.
auth-problem-prompt = The login system asked for more than a password, which this dialog cannot ask for. Cancel, and use a terminal instead.
auth-problem-line-break = A password with a line break cannot be checked.
auth-problem-helper = The password could not be checked: the system’s authentication helper did not work. Try again or cancel.
