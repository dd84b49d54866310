//! Administrator changes through cups-pk-helper (polkit decides), and the test page.

use crate::bus::SystemBus;
use crate::proxies::cups_pk_helper::MechanismProxy;

use super::cups::{self, CupsServer, quality_value};
use super::error::PrintersError;
use super::testpage::{TEST_PAGE_FORMAT, test_page};
use super::types::{Action, JobId, PrintOption};

/// The model cups-pk-helper passes to CUPS for a driverless (IPP Everywhere) queue.
pub const DRIVERLESS_MODEL: &str = "everywhere";

impl Action {
    /// Runs the command. Changes go through cups-pk-helper on `bus` (each call bounded by the
    /// bus's method timeout); the test page goes straight to `server` over IPP.
    pub async fn run(&self, bus: &SystemBus, server: &CupsServer) -> Result<(), PrintersError> {
        if let Self::PrintTestPage(queue) = self {
            return print_test_page(server, queue).await.map(drop);
        }
        let connection = bus.connection().await.map_err(PrintersError::Bus)?;
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
            Self::Rename { from, to } => helper.printer_rename(from.as_str(), to.as_str()).await,
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

/// Prints the test page on a queue (plain IPP Print-Job, no administrator rights); returns
/// the job's id.
pub async fn print_test_page(
    server: &CupsServer,
    queue: &super::QueueName,
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
