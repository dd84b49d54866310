//! One QEMU machine for the image: OVMF with Secure Boot enforced and this machine's keys
//! enrolled, the UKI as the removable-media boot file on a FAT ESP disk, a state disk for the
//! persistent partition, swtpm as its TPM 2.0, an emulated sound card (Intel HD Audio, no host
//! audio), the serial console in a file, QMP on a socket.
//! All of it comes from the tools tree (`tools.rs`). KVM is used when it works here (a probe,
//! remembered in the target folder), TCG otherwise.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::keys;
use crate::qmp::Qmp;
use crate::tools;
use crate::util::{self, Result};

/// Size of the state disk (sparse).
const STATE_DISK_BYTES: u64 = 4 << 30;

/// What the firmware boots.
#[derive(Clone, Copy)]
pub enum Boot<'a> {
    /// A UKI, put on a FAT ESP disk as `EFI/BOOT/BOOTX64.EFI`.
    Uki(&'a Path),
    /// A whole disk image (ESP, root and verity partitions), attached read-only.
    Disk(&'a Path),
}

/// What to boot, and with what.
pub struct Machine<'a> {
    pub boot: Boot<'a>,
    /// The run's folder: firmware variables, disks, TPM state, console, sockets. Disks and TPM
    /// state already there are kept (a second boot of the same machine).
    pub work: &'a Path,
    /// The `ferrum.selftest` system credential (SMBIOS), if any.
    pub selftest: Option<&'a str>,
    /// Show the screen in a window (when a display exists and the tools tree's QEMU has
    /// its GTK front end); headless otherwise.
    pub window: bool,
    /// The e2e's test-tools disk (an ext4 image), attached read-only with the serial
    /// `ferrum-test-tools`; the self-test starts its `run` (only with its credential).
    pub test_tools: Option<&'a Path>,
    /// Another disk, writable, with the serial `ferrum-decoy`: someone else's disk plugged in
    /// (the e2e's decoy carries a partition named like the machine's storage).
    pub decoy: Option<&'a Path>,
}

/// A running machine; powered off when dropped.
pub struct Vm {
    child: Child,
    pub qmp: Qmp,
    pub console: PathBuf,
    pub started: Instant,
    pub accel: &'static str,
}

impl Vm {
    /// The serial console so far.
    /// The console so far, without terminal escape sequences (systemd colours unit names:
    /// "Reached target \x1b[0;1;39mgraphical.target\x1b[0m").
    pub fn console_text(&self) -> String {
        without_escapes(&String::from_utf8_lossy(
            &fs::read(&self.console).unwrap_or_default(),
        ))
    }

    /// Seconds since QEMU started.
    pub fn elapsed(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// Presses the machine's power button (ACPI) and waits until it has shut down and QEMU
    /// exited; returns the seconds that took. As a person ends a session: what the system
    /// writes on the way down (journals, saved rfkill state) reaches the disk.
    pub fn power_down(&mut self, deadline: Duration) -> Result<f64> {
        let pressed = Instant::now();
        self.qmp.command("system_powerdown", json!({}))?;
        while pressed.elapsed() < deadline {
            if self.child.try_wait()?.is_some() {
                return Ok(pressed.elapsed().as_secs_f64());
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        Err(format!(
            "the machine did not shut down within {} s of the power button",
            deadline.as_secs()
        )
        .into())
    }

    /// Waits for QEMU to exit (`cargo xtask boot`).
    pub fn wait(&mut self) -> Result<()> {
        let status = self.child.wait()?;
        println!("boot: QEMU exited ({status})");
        Ok(())
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        let _ = self.qmp.command("quit", json!({}));
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A FAT image holding `uki` as the removable-media boot file.
fn esp_image(uki: &Path, esp: &Path) -> Result<()> {
    let size_kib = fs::metadata(uki)?.len() / 1024 + 64 * 1024;
    let _ = fs::remove_file(esp);
    util::run(
        std::process::Command::new("mkfs.vfat")
            .args(["-C", "-F", "32", "-n", "FERRUM-ESP"])
            .arg(esp)
            .arg(size_kib.to_string())
            .stdout(Stdio::null()),
    )?;
    let image = esp.display().to_string();
    util::run(std::process::Command::new("mmd").args(["-i", &image, "::EFI", "::EFI/BOOT"]))?;
    util::run(
        std::process::Command::new("mcopy")
            .args(["-i", &image])
            .arg(uki)
            .arg("::EFI/BOOT/BOOTX64.EFI"),
    )?;
    Ok(())
}

/// The accelerator: KVM if a probe boot reached the kernel with it, else TCG (KVM guests hang
/// on this machine kind although `/dev/kvm` opens). The answer is remembered.
fn accel(uki: &Path) -> Result<&'static str> {
    if let Ok(forced) = std::env::var("FERRUM_ACCEL") {
        return Ok(if forced == "kvm" { "kvm" } else { "tcg" });
    }
    if fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/kvm")
        .is_err()
    {
        return Ok("tcg");
    }
    let remembered = util::target_dir()?.join("image/accel");
    if let Ok(answer) = fs::read_to_string(&remembered) {
        return Ok(if answer.trim() == "kvm" { "kvm" } else { "tcg" });
    }
    println!("vm: probing KVM (a boot that must reach the kernel within 40 s)…");
    let work = tempfile::Builder::new()
        .prefix("ferrum-kvm-probe-")
        .tempdir_in(util::target_dir()?)?;
    let works = match spawn(
        &Machine {
            boot: Boot::Uki(uki),
            work: work.path(),
            selftest: None,
            window: false,
            test_tools: None,
            decoy: None,
        },
        "kvm",
    ) {
        Ok(vm) => {
            let deadline = Instant::now() + Duration::from_secs(40);
            let mut reached = false;
            while Instant::now() < deadline && !reached {
                std::thread::sleep(Duration::from_secs(1));
                reached = vm.console_text().contains("Linux version");
            }
            reached
        }
        Err(_) => false,
    };
    let answer = if works { "kvm" } else { "tcg" };
    println!("vm: using {answer}");
    fs::write(&remembered, answer)?;
    Ok(answer)
}

/// Boots `machine`.
pub fn start(machine: &Machine) -> Result<Vm> {
    // The probe boots the signed UKI: one the firmware refuses would never reach the kernel.
    let accel = accel(&util::target_dir()?.join("image/ferrum.efi"))?;
    spawn(machine, accel)
}

fn spawn(machine: &Machine, accel: &'static str) -> Result<Vm> {
    let keys = keys::ensure_with_ovmf_vars()?;
    let work = machine.work;
    fs::create_dir_all(work)?;
    let vars = work.join("ovmf-vars.fd");
    if !vars.is_file() {
        fs::copy(keys.ovmf_vars(), &vars)?;
    }
    let state = work.join("state.img");
    if !state.is_file() {
        fs::File::create(&state)?.set_len(STATE_DISK_BYTES)?;
    }
    let tpm = work.join("tpm");
    fs::create_dir_all(&tpm)?;
    let boot_drive = match machine.boot {
        Boot::Uki(uki) => {
            let esp = work.join("esp.img");
            esp_image(uki, &esp)?;
            format!("if=none,id=boot,format=raw,file={}", esp.display())
        }
        Boot::Disk(disk) => format!(
            "if=none,id=boot,format=raw,readonly=on,file={}",
            disk.display()
        ),
    };
    let console = work.join("console.log");
    let qmp_path = work.join("qmp.sock");
    let tpm_socket = tpm.join("swtpm.sock");
    for stale in [&console, &qmp_path, &tpm_socket] {
        let _ = fs::remove_file(stale);
    }
    let p = |path: &Path| path.display().to_string();
    let mut qemu: Vec<String> = [
        "qemu-system-x86_64",
        "-machine",
        &format!("q35,smm=on,accel={accel}"),
        "-cpu",
        if accel == "kvm" { "host" } else { "max" },
        "-smp",
        "2",
        "-m",
        "4096",
        "-global",
        "driver=cfi.pflash01,property=secure,value=on",
        "-global",
        "ICH9-LPC.disable_s3=1",
        "-drive",
        "if=pflash,format=raw,unit=0,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.secboot.fd",
        "-drive",
        &format!("if=pflash,format=raw,unit=1,file={}", p(&vars)),
        "-drive",
        &boot_drive,
        "-device",
        "virtio-blk-pci,drive=boot,bootindex=1",
        "-drive",
        &format!("if=none,id=state,format=raw,file={}", p(&state)),
        "-device",
        "virtio-blk-pci,drive=state,serial=ferrum-state",
        "-chardev",
        &format!("socket,id=chrtpm,path={}", p(&tpm_socket)),
        "-tpmdev",
        "emulator,id=tpm0,chardev=chrtpm",
        "-device",
        "tpm-tis,tpmdev=tpm0",
        "-vga",
        "std",
        // A sound card as most PCs have: Intel HD Audio with a codec that has an output and
        // an input, its sound going nowhere (no audio back end on the host).
        "-audiodev",
        "none,id=snd0",
        "-device",
        "intel-hda",
        "-device",
        "hda-duplex,audiodev=snd0",
        "-nic",
        "none",
        "-monitor",
        "none",
        "-chardev",
        &format!("file,id=serial0,path={}", p(&console)),
        "-serial",
        "chardev:serial0",
        "-qmp",
        &format!("unix:{},server=on,wait=off", p(&qmp_path)),
    ]
    .iter()
    .map(|arg| (*arg).to_owned())
    .collect();
    let gtk = tools::tools_tree()?.join("usr/lib/x86_64-linux-gnu/qemu/ui-gtk.so");
    let window = machine.window && gtk.is_file();
    if machine.window && !window {
        println!("vm: the tools tree's QEMU has no window front end (qemu-system-gui): headless");
    }
    qemu.push("-display".to_owned());
    qemu.push(if window { "gtk" } else { "none" }.to_owned());
    if let Some(tools) = machine.test_tools {
        qemu.extend([
            "-drive".to_owned(),
            format!("if=none,id=tools,format=raw,readonly=on,file={}", p(tools)),
            "-device".to_owned(),
            "virtio-blk-pci,drive=tools,serial=ferrum-test-tools".to_owned(),
        ]);
    }
    if let Some(decoy) = machine.decoy {
        qemu.extend([
            "-drive".to_owned(),
            format!("if=none,id=decoy,format=raw,file={}", p(decoy)),
            "-device".to_owned(),
            "virtio-blk-pci,drive=decoy,serial=ferrum-decoy".to_owned(),
        ]);
    }
    if let Some(mode) = machine.selftest {
        qemu.push("-smbios".to_owned());
        qemu.push(format!(
            "type=11,value=io.systemd.credential:ferrum.selftest={mode}"
        ));
    }
    // swtpm first (it daemonizes once its socket is there and ends with QEMU's connection).
    let script = format!(
        "swtpm socket --tpm2 --tpmstate dir={tpm} --ctrl type=unixio,path={socket} \
         --terminate --daemon --log file={tpm}/swtpm.log && exec \"$@\"",
        tpm = p(&tpm),
        socket = p(&tpm_socket),
    );
    let mut command = tools::command("sh")?;
    command
        .arg("-c")
        .arg(script)
        .arg("sh")
        .args(&qemu)
        .stdout(Stdio::null())
        .stderr(fs::File::create(work.join("qemu.log"))?);
    let started = Instant::now();
    let child = command
        .spawn()
        .map_err(|error| format!("could not start QEMU: {error}"))?;
    let qmp =
        Qmp::connect(&qmp_path, Instant::now() + Duration::from_secs(60)).map_err(|error| {
            let log = fs::read_to_string(work.join("qemu.log")).unwrap_or_default();
            format!("{error}; QEMU said: {log}")
        })?;
    Ok(Vm {
        child,
        qmp,
        console,
        started,
        accel,
    })
}

/// `text` without ANSI escape sequences (ESC `[` parameters, then a final letter).
pub fn without_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::without_escapes;

    #[test]
    fn colours_are_left_out_of_the_console_text() {
        assert_eq!(
            without_escapes(
                "[\u{1b}[0;32m  OK  \u{1b}[0m] Reached target \u{1b}[0;1;39mgraphical.target\u{1b}[0m - Graphical Interface."
            ),
            "[  OK  ] Reached target graphical.target - Graphical Interface."
        );
        assert_eq!(without_escapes("plain \u{1b}"), "plain \u{1b}");
    }
}
