//! The Users page: the people on this computer (picture or initials, name, standard or
//! administrator, "you"), adding a person, removing one (keeping or deleting their files),
//! changing one's own password and picture, making someone an administrator or not, and
//! automatic login (one person at most: on for one is off for the other, AccountsService's
//! doing; greetd starts that person's session at boot, see `ferrum_greeter::autologin`).
//!
//! Everything goes through [`ferrum_services::users`] (AccountsService), each call allowing
//! polkit to ask the session's authentication agent; a refusal is a sentence that changes
//! nothing, and the list shows what AccountsService says, never what was asked. One change at
//! a time ([`State::pending`]); a late answer for another change is ignored. Each dialog is a
//! module of its own (its state, messages and view): [`add`], [`remove`], [`password`],
//! [`picture`]. A dialog stays open with what was typed when its change is refused.
//!
//! Off the UI thread: pictures are read and decoded ([`Request::LoadPictures`]); a chosen
//! picture file is checked, decoded and scaled to [`picture::SIDE`] into a file of our own
//! before AccountsService is given it ([`Request::PreparePicture`]); passwords are hashed by
//! the service.

pub mod add;
pub mod ids;
pub mod password;
pub mod picture;
pub mod remove;
pub mod sample;
mod view;

use std::path::PathBuf;

use ferrum_i18n::fl;
use ferrum_services::secret::Secret;
use ferrum_services::users::{self, AccountType, Files, NewPerson, Person, UsersError};
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_ui::Effect;
use ferrum_ui::error_report::{self, ErrorReport};
use ferrum_ui::status::ServiceStatus;
use futures::StreamExt;
use iced::widget::image::Handle;
use iced::{Element, Subscription};

use crate::page::{self, Context, Outcome, Page, PageRequest, subscription_key};

/// A change the page asked AccountsService for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Adding a person (their login name).
    Add(String),
    /// Removing the person with this uid.
    Remove(u32),
    /// Making a person standard or administrator.
    AccountType(u32, AccountType),
    /// The caller's own password.
    Password,
    /// The caller's own picture.
    Picture,
    /// Turning automatic login on or off for a person.
    AutomaticLogin(u32, bool),
}

/// An open dialog (one at a time).
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// "Add a person".
    Add(add::Dialog),
    /// "Remove …".
    Remove(remove::Dialog),
    /// "Change your password".
    Password(password::Dialog),
    /// "Change your picture".
    Picture(picture::Dialog),
}

/// The page's state.
#[derive(Debug, Clone)]
pub struct State {
    bus: SystemBus,
    /// The caller's user id.
    pub uid: u32,
    /// The people, as AccountsService says.
    pub people: ServiceStatus<Vec<Person>, UsersError>,
    /// Decoded pictures by the file AccountsService names.
    pub pictures: Vec<(PathBuf, Handle)>,
    /// Picture files asked for already (decoded or not).
    pub pictures_asked: Vec<PathBuf>,
    /// The open dialog.
    pub dialog: Option<Dialog>,
    /// The change under way.
    pub pending: Option<Change>,
    /// The last refused or failed change made outside a dialog.
    pub error: Option<ErrorReport>,
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The AccountsService watch.
    Watched(ServiceUpdate<Vec<Person>, UsersError>),
    /// Pictures were read (those that could be decoded).
    PicturesLoaded(Vec<(PathBuf, Handle)>),
    /// "Add a person…".
    OpenAdd,
    /// Something in the add dialog.
    Add(add::Message),
    /// A person's "Remove…".
    OpenRemove(u32),
    /// Something in the remove dialog.
    Remove(remove::Message),
    /// "Change password…" on one's own row.
    OpenPassword,
    /// Something in the password dialog.
    Password(password::Message),
    /// "Change picture…" on one's own row.
    OpenPicture,
    /// Something in the picture dialog.
    Picture(picture::Message),
    /// A person's administrator switch.
    SetAccountType(u32, AccountType),
    /// A person's automatic login switch.
    SetAutomaticLogin(u32, bool),
    /// A chosen picture was checked and scaled (the scaled file), or refused.
    PicturePrepared(Result<PathBuf, picture::Problem>),
    /// AccountsService answered a change.
    Changed(Change, Result<(), UsersError>),
    /// The person acted on the error report.
    Report(error_report::Message),
}

/// Work off the UI thread.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Read and decode these picture files.
    LoadPictures(Vec<PathBuf>),
    /// Add a person.
    Add(NewPerson),
    /// Remove a person.
    Remove {
        /// Whose account.
        uid: u32,
        /// Their files.
        files: Files,
    },
    /// Make a person standard or administrator.
    SetAccountType {
        /// Whose account.
        uid: u32,
        /// What they become.
        account_type: AccountType,
    },
    /// Turn automatic login on or off for a person.
    SetAutomaticLogin {
        /// Whose account.
        uid: u32,
        /// On or off.
        on: bool,
    },
    /// Set the caller's password.
    SetPassword {
        /// Whose (the caller's).
        uid: u32,
        /// The new password (redacted from `Debug`).
        password: Secret,
    },
    /// Check, decode and scale the picture file at this path.
    PreparePicture(PathBuf),
    /// Give AccountsService the scaled picture.
    SetPicture {
        /// Whose (the caller's).
        uid: u32,
        /// The scaled file.
        path: PathBuf,
    },
}

impl PageRequest for Request {
    type Message = Message;

    async fn run(self, bus: SystemBus) -> Message {
        match self {
            Request::LoadPictures(paths) => {
                let decoded = tokio::task::spawn_blocking(move || {
                    paths
                        .into_iter()
                        .filter_map(|path| {
                            ferrum_ui::picture::icon(&path, picture::SHOWN_SIDE)
                                .map(|handle| (path, handle))
                        })
                        .collect()
                })
                .await
                .unwrap_or_default();
                Message::PicturesLoaded(decoded)
            }
            Request::Add(person) => {
                let change = Change::Add(person.name.clone());
                let result = users::create(&bus, &person).await.map(|_| ());
                Message::Changed(change, result)
            }
            Request::Remove { uid, files } => {
                Message::Changed(Change::Remove(uid), users::delete(&bus, uid, files).await)
            }
            Request::SetAccountType { uid, account_type } => Message::Changed(
                Change::AccountType(uid, account_type),
                users::set_account_type(&bus, uid, account_type).await,
            ),
            Request::SetAutomaticLogin { uid, on } => Message::Changed(
                Change::AutomaticLogin(uid, on),
                users::set_automatic_login(&bus, uid, on).await,
            ),
            Request::SetPassword { uid, password } => Message::Changed(
                Change::Password,
                users::set_password(&bus, uid, &password).await,
            ),
            Request::PreparePicture(path) => {
                let prepared = tokio::task::spawn_blocking(move || picture::prepare(&path))
                    .await
                    .unwrap_or(Err(picture::Problem::Unreadable));
                Message::PicturePrepared(prepared)
            }
            Request::SetPicture { uid, path } => {
                let result = users::set_picture(&bus, uid, &path).await;
                // AccountsService keeps its own copy; ours goes.
                let _ = tokio::fs::remove_file(&path).await;
                Message::Changed(Change::Picture, result)
            }
        }
    }
}

/// A refused or failed change in words.
pub fn change_error_sentence(change: &Change, error: &UsersError) -> String {
    match error.cause() {
        UsersError::NotAllowed(_) => match change {
            Change::Add(_) => fl!("users-error-add-refused"),
            Change::Remove(_) => fl!("users-error-remove-refused"),
            Change::AccountType(..) => fl!("users-error-type-refused"),
            Change::Password => fl!("users-error-password-refused"),
            Change::Picture => fl!("users-error-picture-refused"),
            Change::AutomaticLogin(..) => fl!("users-error-automatic-login-refused"),
        },
        UsersError::Unavailable(_) => fl!("users-error-gone"),
        UsersError::NoAnswer(_) => fl!("users-error-no-answer"),
        UsersError::NameTaken(name) => fl!("users-error-name-taken", name = name.as_str()),
        UsersError::InvalidName(_) => fl!("users-name-bad-characters"),
        UsersError::NoSuchPerson(_) => fl!("users-error-no-such-person"),
        UsersError::BadPicturePath(_) => fl!("users-picture-unreadable"),
        UsersError::Hash(_) | UsersError::Failed(_) | UsersError::LeftBehind { .. } => {
            fl!("users-error-failed")
        }
    }
}

impl State {
    /// A page that has heard nothing yet, on this bus, for the caller `uid`.
    pub fn on(bus: SystemBus, uid: u32) -> Self {
        Self {
            bus,
            uid,
            people: ServiceStatus::Loading,
            pictures: Vec::new(),
            pictures_asked: Vec::new(),
            dialog: None,
            pending: None,
            error: None,
        }
    }

    /// The people, once read.
    pub fn people(&self) -> &[Person] {
        self.people.ready().map(Vec::as_slice).unwrap_or_default()
    }

    /// The person with this uid.
    pub fn person(&self, uid: u32) -> Option<&Person> {
        self.people().iter().find(|person| person.uid == uid)
    }

    /// The caller, when listed.
    pub fn me(&self) -> Option<&Person> {
        self.people().iter().find(|person| person.is_caller)
    }

    /// Whether `uid` is the only administrator (who must not stop being one).
    pub fn is_last_administrator(&self, uid: u32) -> bool {
        let mut administrators = self
            .people()
            .iter()
            .filter(|person| person.account_type == AccountType::Administrator && !person.locked);
        administrators.next().is_some_and(|only| only.uid == uid) && administrators.next().is_none()
    }

    /// A person's decoded picture.
    pub fn picture(&self, person: &Person) -> Option<&Handle> {
        let path = person.picture.as_ref()?;
        self.pictures
            .iter()
            .find(|(decoded, _)| decoded == path)
            .map(|(_, handle)| handle)
    }

    fn watched(&mut self, update: ServiceUpdate<Vec<Person>, UsersError>) -> Outcome<Request> {
        self.people = ServiceStatus::from(update);
        let wanted: Vec<PathBuf> = self
            .people()
            .iter()
            .filter_map(|person| person.picture.clone())
            .filter(|path| !self.pictures_asked.contains(path))
            .collect();
        // A picture AccountsService replaced under the same name is read again.
        self.pictures_asked.retain(|path| {
            self.people
                .ready()
                .is_some_and(|people| people.iter().any(|p| p.picture.as_ref() == Some(path)))
        });
        if wanted.is_empty() {
            return Outcome::none();
        }
        self.pictures_asked.extend(wanted.iter().cloned());
        Outcome::request(Request::LoadPictures(wanted))
    }

    fn ask(&mut self, change: Change, request: Request) -> Outcome<Request> {
        page::ask_once(&mut self.pending, &mut self.error, change, request)
    }

    fn close(&mut self, focus: ferrum_ui::WidgetId) -> Outcome<Request> {
        self.dialog = None;
        Outcome::effect(Effect::Focus(focus))
    }

    fn add(&mut self, message: add::Message) -> Outcome<Request> {
        let Some(Dialog::Add(dialog)) = &mut self.dialog else {
            return Outcome::none();
        };
        match dialog.update(message) {
            add::Action::None => Outcome::none(),
            add::Action::Close => self.close(ids::ADD),
            add::Action::Submit(person) => {
                let change = Change::Add(person.name.clone());
                self.ask(change, Request::Add(person))
            }
        }
    }

    fn remove(&mut self, message: remove::Message) -> Outcome<Request> {
        let Some(Dialog::Remove(dialog)) = &mut self.dialog else {
            return Outcome::none();
        };
        match dialog.update(message) {
            remove::Action::None => Outcome::none(),
            remove::Action::Close => {
                let uid = dialog.uid;
                self.close(ids::person(uid, "remove"))
            }
            remove::Action::Submit { uid, files } => {
                if uid == self.uid {
                    return Outcome::none();
                }
                self.ask(Change::Remove(uid), Request::Remove { uid, files })
            }
        }
    }

    fn password(&mut self, message: password::Message) -> Outcome<Request> {
        let Some(Dialog::Password(dialog)) = &mut self.dialog else {
            return Outcome::none();
        };
        match dialog.update(message) {
            password::Action::None => Outcome::none(),
            password::Action::Close => self.close(ids::person(self.uid, "password")),
            password::Action::Submit(password) => {
                let uid = self.uid;
                self.ask(Change::Password, Request::SetPassword { uid, password })
            }
        }
    }

    fn picture_dialog(&mut self, message: picture::Message) -> Outcome<Request> {
        let Some(Dialog::Picture(dialog)) = &mut self.dialog else {
            return Outcome::none();
        };
        match dialog.update(message) {
            picture::Action::None => Outcome::none(),
            picture::Action::Close => self.close(ids::person(self.uid, "picture")),
            picture::Action::Submit(path) => {
                self.ask(Change::Picture, Request::PreparePicture(path))
            }
        }
    }

    fn set_account_type(&mut self, uid: u32, account_type: AccountType) -> Outcome<Request> {
        let Some(person) = self.person(uid) else {
            return Outcome::none();
        };
        if person.account_type == account_type
            || (account_type == AccountType::Standard && self.is_last_administrator(uid))
        {
            return Outcome::none();
        }
        self.ask(
            Change::AccountType(uid, account_type),
            Request::SetAccountType { uid, account_type },
        )
    }

    fn set_automatic_login(&mut self, uid: u32, on: bool) -> Outcome<Request> {
        let Some(person) = self.person(uid) else {
            return Outcome::none();
        };
        // A locked account cannot log in, automatically or not.
        if person.automatic_login == on || (on && person.locked) {
            return Outcome::none();
        }
        self.ask(
            Change::AutomaticLogin(uid, on),
            Request::SetAutomaticLogin { uid, on },
        )
    }

    fn changed(&mut self, change: Change, result: Result<(), UsersError>) -> Outcome<Request> {
        if !page::answered(&mut self.pending, &change) {
            return Outcome::none();
        }
        match result {
            // The watch brings what AccountsService now says.
            Ok(()) => match (&change, &self.dialog) {
                (Change::Add(_), Some(Dialog::Add(_))) => self.close(ids::ADD),
                (Change::Remove(_), Some(Dialog::Remove(_))) => self.close(ids::ADD),
                (Change::Password, Some(Dialog::Password(_))) => {
                    self.close(ids::person(self.uid, "password"))
                }
                (Change::Picture, Some(Dialog::Picture(_))) => {
                    self.close(ids::person(self.uid, "picture"))
                }
                _ => Outcome::none(),
            },
            Err(error) => {
                tracing::warn!(%error, ?change, "a change of the users was refused");
                let sentence = change_error_sentence(&change, &error);
                // A dialog's change is said in the dialog, which keeps what was typed.
                match (&change, &mut self.dialog) {
                    (Change::Add(_), Some(Dialog::Add(dialog))) => {
                        dialog.refused(sentence, &error);
                    }
                    (Change::Remove(_), Some(Dialog::Remove(dialog))) => {
                        dialog.refusal = Some(sentence);
                    }
                    (Change::Password, Some(Dialog::Password(dialog))) => {
                        dialog.refusal = Some(sentence);
                    }
                    (Change::Picture, Some(Dialog::Picture(dialog))) => {
                        dialog.refusal = Some(sentence);
                    }
                    _ => self.error = Some(ErrorReport::new(sentence, error.detail())),
                }
                Outcome::none()
            }
        }
    }
}

impl Page for State {
    type Message = Message;
    type Request = Request;

    fn new(context: &Context) -> Self {
        State::on(context.bus.clone(), rustix::process::getuid().as_raw())
    }

    fn title() -> String {
        fl!("users-title")
    }

    fn keywords() -> String {
        fl!("users-title.keywords")
    }

    fn update(&mut self, message: Message) -> Outcome<Request> {
        match message {
            Message::Watched(update) => self.watched(update),
            Message::PicturesLoaded(decoded) => {
                for (path, handle) in decoded {
                    self.pictures.retain(|(known, _)| *known != path);
                    self.pictures.push((path, handle));
                }
                Outcome::none()
            }
            Message::OpenAdd => {
                self.dialog = Some(Dialog::Add(add::Dialog::default()));
                Outcome::effect(Effect::Focus(ids::ADD_REAL_NAME))
            }
            Message::Add(message) => self.add(message),
            Message::OpenRemove(uid) => {
                if uid == self.uid || self.person(uid).is_none() {
                    return Outcome::none();
                }
                self.dialog = Some(Dialog::Remove(remove::Dialog::new(uid)));
                Outcome::effect(Effect::Focus(ids::remove_files(Files::Keep)))
            }
            Message::Remove(message) => self.remove(message),
            Message::OpenPassword => {
                self.dialog = Some(Dialog::Password(password::Dialog::default()));
                Outcome::effect(Effect::Focus(ids::PASSWORD_NEW))
            }
            Message::Password(message) => self.password(message),
            Message::OpenPicture => {
                self.dialog = Some(Dialog::Picture(picture::Dialog::default()));
                Outcome::effect(Effect::Focus(ids::PICTURE_PATH))
            }
            Message::Picture(message) => self.picture_dialog(message),
            Message::SetAccountType(uid, account_type) => self.set_account_type(uid, account_type),
            Message::SetAutomaticLogin(uid, on) => self.set_automatic_login(uid, on),
            Message::PicturePrepared(prepared) => {
                if self.pending != Some(Change::Picture) {
                    return Outcome::none();
                }
                match prepared {
                    Ok(path) => Outcome::request(Request::SetPicture {
                        uid: self.uid,
                        path,
                    }),
                    Err(problem) => {
                        self.pending = None;
                        if let Some(Dialog::Picture(dialog)) = &mut self.dialog {
                            dialog.problem = Some(problem);
                        }
                        Outcome::none()
                    }
                }
            }
            Message::Changed(change, result) => self.changed(change, result),
            Message::Report(message) => page::report(&mut self.error, message),
        }
    }

    fn view(&self) -> Element<'_, Message> {
        view::page(self)
    }

    fn subscription(&self) -> Subscription<Message> {
        Subscription::run_with(Watch(self.bus.clone(), self.uid), watch_stream)
    }
}

subscription_key! {
    /// The key of the page's AccountsService subscription: the bus and the caller.
    Watch(bus: SystemBus, caller: u32) = "users"
}

/// The stream behind the page's subscription (also used by tests).
pub fn watch_stream(watch: &Watch) -> impl futures::Stream<Item = Message> + use<> {
    users::watch(watch.0.clone(), watch.1).map(Message::Watched)
}

#[cfg(test)]
mod tests;
