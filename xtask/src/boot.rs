//! `cargo xtask boot`: the shipped image (signed UKI, verity root) under QEMU as `cargo xtask image e2e` boots it (OVMF with
//! Secure Boot enforced and this machine's keys, swtpm, a state disk kept in
//! `<target>/image/boot` between boots), in a window when a display exists (GTK, from the tools
//! tree's qemu-system-gui) and headless otherwise, until QEMU ends; the console log and QMP
//! socket are printed.

use crate::util::{self, Result};
use crate::vm::{self, Boot, Machine};

/// `cargo xtask boot`.
pub fn run() -> Result<()> {
    let disk = crate::image::image_dir()?.join("ferrum.raw");
    if !disk.is_file() {
        return Err("no image: run `cargo xtask image` first".into());
    }
    let work = util::target_dir()?.join("image/boot");
    let mut vm = vm::start(&Machine {
        boot: Boot::Disk(&disk),
        work: &work,
        selftest: None,
        window: std::env::var_os("DISPLAY").is_some()
            || std::env::var_os("WAYLAND_DISPLAY").is_some(),
        test_tools: None,
        decoy: None,
    })?;
    println!(
        "boot: QEMU running headless ({}); console {}, QMP {}",
        vm.accel,
        vm.console.display(),
        work.join("qmp.sock").display()
    );
    vm.wait()
}
