//! The settings panels. Each panel is a module whose `State` implements the
//! one page contract, [`page::Page`]: `Message`, a pure `update` returning an
//! [`page::Outcome`] (a typed daemon `Request` and/or a UI effect), `view`,
//! `subscription`, title and search keywords. Panels talk to the system only
//! through `ferrum-services` and are drawn with `ferrum-ui`. The list of
//! panels is [`registry`].

pub mod about;
pub mod accessibility;
pub mod appearance;
pub mod apps;
pub mod bluetooth;
pub mod date_time;
pub mod firmware;
pub mod ids;
pub mod network;
pub mod page;
pub mod power;
pub mod printers;
pub mod private_dns;
pub mod qr;
pub mod region;
pub mod registry;
pub mod security;
pub mod sound;
pub mod users;

pub use page::{Context, Outcome, Page, PageRequest};
pub use registry::{Pages, PanelId};
