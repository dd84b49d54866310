//! `cargo xtask boot`: the signed UKI under QEMU as `cargo xtask image e2e` boots it (OVMF with
//! Secure Boot enforced and this machine's keys, swtpm, a state disk kept in
//! `<target>/image/boot` between boots), headless, until QEMU ends; the console log and QMP
//! socket are printed. The tools tree's QEMU has no window front end, so the screen is reached
//! through QMP screendumps.

use crate::util::{self, Result};
use crate::vm::{self, Boot, Machine};

/// `cargo xtask boot`.
pub fn run() -> Result<()> {
    let uki = util::target_dir()?.join("image/ferrum.efi");
    if !uki.is_file() {
        return Err("no UKI: run `cargo xtask image` first".into());
    }
    let work = util::target_dir()?.join("image/boot");
    let mut vm = vm::start(&Machine {
        boot: Boot::Uki(&uki),
        work: &work,
        selftest: None,
    })?;
    println!(
        "boot: QEMU running headless ({}); console {}, QMP {}",
        vm.accel,
        vm.console.display(),
        work.join("qmp.sock").display()
    );
    vm.wait()
}
