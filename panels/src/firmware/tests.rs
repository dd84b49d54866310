//! The Firmware page's `update`, pure.
