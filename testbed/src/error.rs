//! The error type of the test bed.

use std::path::PathBuf;
use std::process::ExitStatus;

use crate::Service;

/// Everything that can go wrong while bringing a test bed up or down.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A program (or Python module) the bed needs is not installed.
    #[error("{} is missing; install the Debian package `{package}`", program.display())]
    MissingProgram {
        /// The file that was looked for.
        program: PathBuf,
        /// The Debian package that provides it.
        package: &'static str,
    },
    /// systemd-resolved is not unpacked where the bed looks for it.
    #[error(
        "systemd-resolved is not unpacked (looked for lib/systemd/systemd-resolved in: {searched}); \
         run `cargo xtask deps`, which downloads the systemd-resolved package of the installed \
         systemd and unpacks it into <target>/tools/systemd-resolved/root without installing it, \
         or set FERRUM_RESOLVED_ROOT to an unpacked copy"
    )]
    MissingResolved {
        /// The folders that were looked in, comma-separated.
        searched: String,
    },
    /// Another running service already owns the bus name this one would take.
    #[error("{} cannot start: {} already owns {}", service.label(), owner.label(), service.bus_name())]
    NameTaken {
        /// The service that was asked for.
        service: Service,
        /// The running service with the same bus name (the real daemon or its mock).
        owner: Service,
    },
    /// Neither NetworkManager nor resolved has been started in this bed, so it has no network.
    #[error("the bed has no network: start Service::NetworkManager or Service::Resolved first")]
    NetworkNotUp,
    /// A command the bed ran (to set up the network, or for a test) failed.
    #[error("`{command}` failed ({status}): {stderr}")]
    Command {
        /// The command line.
        command: String,
        /// How it ended.
        status: ExitStatus,
        /// What it printed on stderr.
        stderr: String,
    },
    /// A child process could not be started.
    #[error("could not start {}: {source}", program.display())]
    Spawn {
        /// The program that failed to start.
        program: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A child exited before it became ready.
    #[error("{what} exited early ({status}); last log lines:\n{log_tail}")]
    Exited {
        /// What was being waited for.
        what: String,
        /// How the child ended.
        status: ExitStatus,
        /// The end of the child's log.
        log_tail: String,
    },
    /// Something did not happen in time.
    #[error("timed out waiting for {what}; last log lines:\n{log_tail}")]
    Timeout {
        /// What was being waited for.
        what: String,
        /// The end of the relevant log.
        log_tail: String,
    },
    /// The service is not running in this bed.
    #[error("{} is not running", service.label())]
    NotRunning {
        /// The service that was asked for.
        service: Service,
    },
    /// A `busctl` call made by the bed itself failed.
    #[error("busctl {args} failed: {stderr}")]
    Busctl {
        /// The arguments passed to `busctl --system`.
        args: String,
        /// What `busctl` printed on stderr.
        stderr: String,
    },
    /// Sending a signal to a process group failed.
    #[error("could not signal process group {pgid}: {source}")]
    Signal {
        /// The process group id.
        pgid: u32,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// Any other I/O error (creating folders, writing config files, reaping children).
    #[error(transparent)]
    Io(#[from] std::io::Error),
}
