//! The login screen's process is not dumpable (no core dump holding a typed
//! password, no ptrace or `/proc/<pid>/mem` by the same user). Its own test
//! binary: the setting is process-wide.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rustix::process::{DumpableBehavior, dumpable_behavior};

#[test]
fn the_process_is_made_non_dumpable() {
    ferrum_greeter::secret::forbid_core_dumps().unwrap();
    // prctl(PR_GET_DUMPABLE) reads it back.
    assert_eq!(dumpable_behavior().unwrap(), DumpableBehavior::NotDumpable);
}
