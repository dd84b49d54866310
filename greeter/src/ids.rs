//! The login screen's widget ids (see [`ferrum_ui::ids`]): every id is a
//! dotted path under `greeter`; generated ones come from the functions here,
//! so the control that is drawn and the code that focuses it use one id.

use ferrum_ui::WidgetId;

use crate::app::Menu;

/// The root of every id on the login screen.
pub const ROOT: WidgetId = WidgetId::new("greeter");
/// The answer field (password or code).
pub const ANSWER: WidgetId = WidgetId::new("greeter.answer");
/// The user-name field.
pub const USER_NAME: WidgetId = WidgetId::new("greeter.user-name");
/// The Continue button under a PAM message.
pub const CONTINUE: WidgetId = WidgetId::new("greeter.continue");
/// Where the configuration notice is shown (its buttons are `greeter.notice.error.*`).
pub const NOTICE: WidgetId = WidgetId::new("greeter.notice");
/// The problem line above the prompt.
pub const PROBLEM: WidgetId = WidgetId::new("greeter.problem");
/// "Other user…".
pub const OTHER_USER: WidgetId = WidgetId::new("greeter.other-user");
/// Next, after the user name.
pub const NEXT: WidgetId = WidgetId::new("greeter.next");
/// The answer-too-long line.
pub const ANSWER_TOO_LONG: WidgetId = WidgetId::new("greeter.answer-too-long");
/// The Caps Lock warning.
pub const CAPS_LOCK: WidgetId = WidgetId::new("greeter.caps-lock");
/// Log in.
pub const SIGN_IN: WidgetId = WidgetId::new("greeter.sign-in");
/// A PAM message.
pub const PAM_MESSAGE: WidgetId = WidgetId::new("greeter.pam-message");
/// "Please wait".
pub const WAITING: WidgetId = WidgetId::new("greeter.waiting");
/// Back to the user list.
pub const BACK: WidgetId = WidgetId::new("greeter.back");
/// Closes the open menu.
pub const MENU_CLOSE: WidgetId = WidgetId::new("greeter.menu.close");
/// The network status line.
pub const STATUS_NETWORK: WidgetId = WidgetId::new("greeter.status.network");
/// The battery status line.
pub const STATUS_BATTERY: WidgetId = WidgetId::new("greeter.status.battery");
/// Reading aloud on or off.
pub const VOICING: WidgetId = WidgetId::new("greeter.a11y.voicing");
/// High contrast on or off.
pub const HIGH_CONTRAST: WidgetId = WidgetId::new("greeter.a11y.high-contrast");
/// Large text on or off.
pub const LARGE_TEXT: WidgetId = WidgetId::new("greeter.a11y.large-text");

/// A person's row in the user list.
pub fn user(name: &str) -> WidgetId {
    ROOT.child("user").child(name)
}

/// A desktop session in the session menu.
pub fn session(id: &str) -> WidgetId {
    ROOT.child("session").child(id)
}

/// A keyboard layout in the layout menu.
pub fn layout(name: &str) -> WidgetId {
    ROOT.child("layout").child(name)
}

/// A language in the language menu.
pub fn language(locale: &str) -> WidgetId {
    ROOT.child("language").child(locale)
}

/// A power action in the power menu (by logind's method name).
pub fn power(method: &str) -> WidgetId {
    ROOT.child("power").child(method)
}

/// The sentence beside the bar's Power button, for the power attempt
/// `attempt`: an alert with a new id at each attempt, so a refusal worded as
/// the one before is heard again (alerts are told apart by id and words).
pub fn power_problem(attempt: u64) -> WidgetId {
    ROOT.child("power-problem").child(attempt)
}

/// The bottom-bar button that opens a menu.
pub fn menu_button(menu: Menu) -> WidgetId {
    WidgetId::new(match menu {
        Menu::Session => "greeter.bar.session",
        Menu::Layout => "greeter.bar.layout",
        Menu::Language => "greeter.bar.language",
        Menu::Power => "greeter.bar.power",
        Menu::Accessibility => "greeter.bar.accessibility",
    })
}
