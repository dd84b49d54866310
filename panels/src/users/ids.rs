//! The Users page's widget ids (fixed ids are constants, generated ones children of a fixed
//! parent; a person's controls are under their uid, so two rows never share an id).

use ferrum_services::users::{AccountType, Files};
use ferrum_ui::WidgetId;

/// The Users page.
pub const USERS: WidgetId = WidgetId::new("users");
/// "Add a person…".
pub const ADD: WidgetId = WidgetId::new("users.add");
/// The add dialog's real name.
pub const ADD_REAL_NAME: WidgetId = WidgetId::new("users.add.real-name");
/// The add dialog's login name.
pub const ADD_LOGIN: WidgetId = WidgetId::new("users.add.login");
/// The add dialog's password.
pub const ADD_PASSWORD: WidgetId = WidgetId::new("users.add.password");
/// The add dialog's confirmation.
pub const ADD_CONFIRMATION: WidgetId = WidgetId::new("users.add.confirmation");
/// The remove dialog.
pub const REMOVE: WidgetId = WidgetId::new("users.remove");
/// The password dialog.
pub const PASSWORD: WidgetId = WidgetId::new("users.password");
/// The password dialog's new password.
pub const PASSWORD_NEW: WidgetId = WidgetId::new("users.password.new");
/// The password dialog's confirmation.
pub const PASSWORD_CONFIRMATION: WidgetId = WidgetId::new("users.password.confirmation");
/// The picture dialog.
pub const PICTURE: WidgetId = WidgetId::new("users.picture");
/// The picture dialog's path.
pub const PICTURE_PATH: WidgetId = WidgetId::new("users.picture.path");

/// The add dialog's account type choice.
pub fn add_type(account_type: AccountType) -> WidgetId {
    ADD.child(match account_type {
        AccountType::Standard => "standard",
        AccountType::Administrator => "administrator",
    })
}

/// The remove dialog's files choice.
pub fn remove_files(files: Files) -> WidgetId {
    REMOVE.child(match files {
        Files::Keep => "keep",
        Files::Delete => "delete",
    })
}

/// A part of a person's row (`name`, `administrator`, `automatic-login`, `remove`, `password`,
/// `picture`).
pub fn person(uid: u32, part: &str) -> WidgetId {
    USERS.child("person").child(uid).child(part)
}
