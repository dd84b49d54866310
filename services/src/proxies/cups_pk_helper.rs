// Written in the shape `cargo xtask proxies` (zbus-xmlgen 5.4.1) gives, from
// `services/interfaces/org.opensuse.CupsPkHelper.Mechanism.xml` (service
// `org.opensuse.CupsPkHelper.Mechanism`, path `/`); regenerate once the xtask lists it.

//! # D-Bus interface proxy for: `org.opensuse.CupsPkHelper.Mechanism`
//!
//! Source: `org.opensuse.CupsPkHelper.Mechanism.xml`. Every method returns CUPS's error
//! text; an empty string means success.

use zbus::proxy;
#[proxy(
    interface = "org.opensuse.CupsPkHelper.Mechanism",
    default_service = "org.opensuse.CupsPkHelper.Mechanism",
    default_path = "/"
)]
pub trait Mechanism {
    /// ClassAddPrinter method
    fn class_add_printer(&self, name: &str, printer: &str) -> zbus::Result<String>;

    /// ClassDelete method
    fn class_delete(&self, name: &str) -> zbus::Result<String>;

    /// ClassDeletePrinter method
    fn class_delete_printer(&self, name: &str, printer: &str) -> zbus::Result<String>;

    /// DevicesGet method
    fn devices_get(
        &self,
        timeout: i32,
        limit: i32,
        include_schemes: &[&str],
        exclude_schemes: &[&str],
    ) -> zbus::Result<(String, std::collections::HashMap<String, String>)>;

    /// FileGet method
    fn file_get(&self, resource: &str, filename: &str) -> zbus::Result<String>;

    /// FilePut method
    fn file_put(&self, resource: &str, filename: &str) -> zbus::Result<String>;

    /// JobCancel method
    fn job_cancel(&self, jobid: i32) -> zbus::Result<String>;

    /// JobCancelPurge method
    fn job_cancel_purge(&self, jobid: i32, purge: bool) -> zbus::Result<String>;

    /// JobRestart method
    fn job_restart(&self, jobid: i32) -> zbus::Result<String>;

    /// JobSetHoldUntil method
    fn job_set_hold_until(&self, jobid: i32, job_hold_until: &str) -> zbus::Result<String>;

    /// PrinterAdd method
    fn printer_add(
        &self,
        name: &str,
        uri: &str,
        ppd: &str,
        info: &str,
        location: &str,
    ) -> zbus::Result<String>;

    /// PrinterAddOption method
    fn printer_add_option(&self, name: &str, option: &str, values: &[&str])
    -> zbus::Result<String>;

    /// PrinterAddOptionDefault method
    fn printer_add_option_default(
        &self,
        name: &str,
        option: &str,
        values: &[&str],
    ) -> zbus::Result<String>;

    /// PrinterAddWithPpdFile method
    fn printer_add_with_ppd_file(
        &self,
        name: &str,
        uri: &str,
        ppd: &str,
        info: &str,
        location: &str,
    ) -> zbus::Result<String>;

    /// PrinterDelete method
    fn printer_delete(&self, name: &str) -> zbus::Result<String>;

    /// PrinterDeleteOptionDefault method
    fn printer_delete_option_default(&self, name: &str, option: &str) -> zbus::Result<String>;

    /// PrinterRename method
    fn printer_rename(&self, old_name: &str, new_name: &str) -> zbus::Result<String>;

    /// PrinterSetAcceptJobs method
    fn printer_set_accept_jobs(
        &self,
        name: &str,
        enabled: bool,
        reason: &str,
    ) -> zbus::Result<String>;

    /// PrinterSetDefault method
    fn printer_set_default(&self, name: &str) -> zbus::Result<String>;

    /// PrinterSetDevice method
    fn printer_set_device(&self, name: &str, device: &str) -> zbus::Result<String>;

    /// PrinterSetEnabled method
    fn printer_set_enabled(&self, name: &str, enabled: bool) -> zbus::Result<String>;

    /// PrinterSetErrorPolicy method
    fn printer_set_error_policy(&self, name: &str, policy: &str) -> zbus::Result<String>;

    /// PrinterSetInfo method
    fn printer_set_info(&self, name: &str, info: &str) -> zbus::Result<String>;

    /// PrinterSetJobSheets method
    fn printer_set_job_sheets(&self, name: &str, start: &str, end: &str) -> zbus::Result<String>;

    /// PrinterSetLocation method
    fn printer_set_location(&self, name: &str, location: &str) -> zbus::Result<String>;

    /// PrinterSetOpPolicy method
    fn printer_set_op_policy(&self, name: &str, policy: &str) -> zbus::Result<String>;

    /// PrinterSetShared method
    fn printer_set_shared(&self, name: &str, shared: bool) -> zbus::Result<String>;

    /// PrinterSetUsersAllowed method
    fn printer_set_users_allowed(&self, name: &str, users: &[&str]) -> zbus::Result<String>;

    /// PrinterSetUsersDenied method
    fn printer_set_users_denied(&self, name: &str, users: &[&str]) -> zbus::Result<String>;

    /// ServerGetSettings method
    fn server_get_settings(
        &self,
    ) -> zbus::Result<(String, std::collections::HashMap<String, String>)>;

    /// ServerSetSettings method
    fn server_set_settings(
        &self,
        settings: std::collections::HashMap<&str, &str>,
    ) -> zbus::Result<String>;
}
