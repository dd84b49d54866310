//! Programs from the trixie tools tree that `cargo xtask image` builds once (systemd's ukify
//! and systemd-measure, QEMU, OVMF, swtpm, sbsigntool, virt-firmware). They run through
//! `mkosi sandbox`, which puts the tree's `/usr` under them and leaves the rest of the file
//! system as it is, so paths in the workspace and the target folder work unchanged.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::image;
use crate::util::{self, Result};

/// Where trixie's mkosi is unpacked (its Python package folder).
pub fn mkosi_python_path() -> Result<PathBuf> {
    Ok(util::target_dir()?.join("tools/mkosi/root/usr/lib/python3/dist-packages"))
}

/// The tools tree in the cache folder.
pub fn tools_tree() -> Result<PathBuf> {
    Ok(image::cache_dir()?.join("tools-tree"))
}

/// The program the tools tree's recipe (`ToolsTreePackages=` in `image/mkosi.conf`) added
/// last: a tree without it was built from an older recipe and is built again.
const NEWEST_TOOL: &str = "usr/bin/pactl";

/// Whether `tree` is a tools tree built from the current recipe.
pub fn is_current(tree: &Path) -> bool {
    tree.join(NEWEST_TOOL).is_file()
}

/// Whether the tools tree has been built.
pub fn ready() -> Result<bool> {
    Ok(is_current(&tools_tree()?) && mkosi_python_path()?.join("mkosi").is_dir())
}

/// `program` from the tools tree, to be given its arguments by the caller.
pub fn command(program: &str) -> Result<Command> {
    if !ready()? {
        return Err("the tools tree is missing: run `cargo xtask image` first".into());
    }
    let mut command = Command::new("python3");
    command
        .args(["-m", "mkosi", "-C"])
        .arg(util::workspace_root()?.join("image"))
        .arg(format!("--tools-tree={}", tools_tree()?.display()))
        // The host's Python must not shadow the tree's (ukify needs the tree's modules).
        .args(["sandbox", "env", "PATH=/usr/bin:/usr/sbin", "PYTHONPATH="])
        .arg(program)
        .env("PYTHONPATH", mkosi_python_path()?)
        .stdin(Stdio::null());
    Ok(command)
}

/// Runs ukify's `verb` with `args` and returns its standard output. mkosi puts a `--` before
/// a sandboxed command's argument that is one of its own verbs (`build`), which ukify would
/// then take as file names, so the verb travels in an environment variable.
pub fn ukify(verb: &str, args: &[&str]) -> Result<String> {
    let mut command = command(&format!("FERRUM_UKIFY_VERB={verb}"))?;
    command
        .args([
            "sh",
            "-c",
            "exec ukify \"$FERRUM_UKIFY_VERB\" \"$@\"",
            "ukify",
        ])
        .args(args);
    capture(command)
}

fn capture(mut command: Command) -> Result<String> {
    let line = util::display(&command);
    let output = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|error| format!("could not start `{line}`: {error}"))?;
    if !output.status.success() {
        return Err(format!("`{line}` failed ({})", output.status).into());
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
