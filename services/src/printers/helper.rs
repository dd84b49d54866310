//! Administrator changes through cups-pk-helper (polkit decides), and the test page.

use crate::bus::SystemBus;
use crate::proxies::cups_pk_helper::MechanismProxy;

use super::address::QueueName;
use super::cups::{self, CupsServer, quality_value};
use super::error::PrintersError;
use super::testpage::{TEST_PAGE_FORMAT, test_page};
use super::types::{Action, JobId, JobState, PrintOption};

/// The model cups-pk-helper passes to CUPS for a driverless (IPP Everywhere) queue.
pub const DRIVERLESS_MODEL: &str = "everywhere";

impl Action {
    /// Runs the command. Changes go through cups-pk-helper on `bus`'s interactive handle
    /// ([`SystemBus::interactive`]: cups-pk-helper lets polkit ask the session's
    /// authentication agent, so each call may take minutes); the test page goes straight
    /// to `server` over IPP.
    pub async fn run(&self, bus: &SystemBus, server: &CupsServer) -> Result<(), PrintersError> {
        if let Self::PrintTestPage(queue) = self {
            return print_test_page(server, queue).await.map(drop);
        }
        let connection = bus
            .interactive()
            .connection()
            .await
            .map_err(PrintersError::Bus)?;
        let helper = MechanismProxy::new(&connection)
            .await
            .map_err(|error| PrintersError::from_helper(error.into()))?;
        let answer = match self {
            Self::Add {
                name,
                uri,
                info,
                location,
            } => {
                helper
                    .printer_add(
                        name.as_str(),
                        &uri.to_string(),
                        DRIVERLESS_MODEL,
                        info,
                        location,
                    )
                    .await
            }
            Self::Remove(name) => helper.printer_delete(name.as_str()).await,
            Self::SetDefault(name) => helper.printer_set_default(name.as_str()).await,
            Self::SetEnabled { name, enabled } => {
                helper.printer_set_enabled(name.as_str(), *enabled).await
            }
            Self::SetAcceptingJobs { name, accepting } => {
                helper
                    .printer_set_accept_jobs(name.as_str(), *accepting, "")
                    .await
            }
            Self::SetInfo { name, info } => helper.printer_set_info(name.as_str(), info).await,
            Self::Rename { from, to } => {
                check_rename(server, from, to).await?;
                helper.printer_rename(from.as_str(), to.as_str()).await
            }
            Self::SetOption {
                name,
                option,
                value,
            } => {
                let value = match option {
                    PrintOption::Quality => quality_value(value),
                    _ => value.as_str(),
                };
                helper
                    .printer_add_option_default(name.as_str(), option.ipp_name(), &[value])
                    .await
            }
            Self::CancelJob(JobId(id)) => helper.job_cancel_purge(*id, true).await,
            Self::HoldJob(JobId(id)) => helper.job_set_hold_until(*id, "indefinite").await,
            Self::ReleaseJob(JobId(id)) => helper.job_set_hold_until(*id, "no-hold").await,
            Self::PrintTestPage(_) => Ok(String::new()),
        };
        match answer {
            Ok(text) => PrintersError::from_helper_text(&text),
            Err(error) => Err(PrintersError::from_helper(error.into())),
        }
    }
}

/// cups-pk-helper's PrinterRename refuses without saying why (it answers the last CUPS status,
/// `successful-ok`) when the new name is taken, the queue is gone or the queue has jobs waiting
/// or printing: check those first, to say which.
async fn check_rename(
    server: &CupsServer,
    from: &QueueName,
    to: &QueueName,
) -> Result<(), PrintersError> {
    let printers = cups::printers(server).await?;
    if !printers.iter().any(|printer| &printer.name == from) {
        return Err(PrintersError::NotFound);
    }
    // CUPS's names ignore case.
    let taken = printers.iter().any(|printer| {
        &printer.name != from && printer.name.as_str().eq_ignore_ascii_case(to.as_str())
    });
    if taken {
        return Err(PrintersError::Refused {
            status: "client-error-not-possible".into(),
            message: format!("A printer named \"{to}\" already exists.").into(),
        });
    }
    let busy = cups::active_jobs(server).await?.iter().any(|job| {
        job.queue.as_ref() == Some(from)
            && matches!(job.state, JobState::Pending | JobState::Processing)
    });
    if busy {
        return Err(PrintersError::Refused {
            status: "client-error-not-possible".into(),
            message: "The printer has jobs waiting or printing.".into(),
        });
    }
    Ok(())
}

/// Prints the test page on a queue (plain IPP Print-Job, no administrator rights); returns
/// the job's id.
pub async fn print_test_page(
    server: &CupsServer,
    queue: &QueueName,
) -> Result<JobId, PrintersError> {
    cups::print(
        server,
        queue,
        "Test page",
        TEST_PAGE_FORMAT,
        test_page(queue.as_str()),
    )
    .await
}
