//! Accessibility support for the Ferrum shell: self-voicing through speech-dispatcher.

pub mod speech;
