# The Device Security page: fwupd's host security level (HSI) and its checks, and this
# computer's own facts (Secure Boot and its keys, the TPM, PCR 11 against the signed
# prediction, the verified root).

security-title = Device Security
    .keywords = security;secure boot;tpm;hsi;firmware security;pcr;measured boot;verity;uefi;keys;attestation;fwupd

## The headline: fwupd's host security level.
security-hsi-heading = Security level
security-hsi-level = Level { $level } of 5
security-hsi-0 = The firmware lacks even the most basic protections: anyone with a few minutes and the right tools could change what it runs.
security-hsi-1 = Basic protection: the firmware is protected against the simplest attacks, but not against someone with physical access for a while.
security-hsi-2 = Protected against someone with the computer in hand for a short while: the firmware cannot easily be read or rewritten.
security-hsi-3 = Protected against harder attacks too, including ones that are mostly theoretical today.
security-hsi-4 = Protected against attacks that need the computer taken apart.
security-hsi-5 = The highest level: the firmware is protected and its state can be proven to others.
security-hsi-runtime-issue = The “!” after the level: something found while the system is running lowers the trust (see “Found while running” below).
security-hsi-invalid = No security level
security-hsi-invalid-virtual = This is a virtual machine: its firmware is whatever the host provides, so fwupd gives no level. The checks and this computer's own facts below still apply.
security-hsi-invalid-other = fwupd cannot give this computer a level ({ $reason }). The checks and this computer's own facts below still apply.
security-hsi-none = fwupd does not rate the security of this kind of computer.
security-hsi-id = Host security ID: { $id }

## The checks, grouped by level.
security-checks-heading = Checks by level
security-level-1 = Level 1: critical
security-level-2 = Level 2: important
security-level-3 = Level 3: theoretical
security-level-4 = Level 4: system protection
security-level-5 = Level 5: system attestation
security-level-runtime = Found while running
security-level-other = Other checks
security-passed = Passed
security-failed = Failed
security-check-state = { $check }: { $state }, { $result }
# A check's outcome beside its name: "Passed" or "Failed", then what fwupd found.
security-check-outcome = { $state }, { $result }
security-checks-none = fwupd reported no checks.

## fwupd's results, in words.
security-result-unknown = unknown
security-result-enabled = on
security-result-not-enabled = off
security-result-valid = valid
security-result-not-valid = not valid
security-result-locked = locked
security-result-not-locked = not locked
security-result-encrypted = encrypted
security-result-not-encrypted = not encrypted
security-result-tainted = tainted
security-result-not-tainted = not tainted
security-result-found = found
security-result-not-found = not found
security-result-supported = supported
security-result-not-supported = not supported

## This computer's own facts.
security-facts-heading = This computer
security-facts-reading = Reading this computer's facts…
security-secure-boot = Secure Boot
security-secure-boot-on = On: the firmware starts only signed software.
security-secure-boot-off = Off: the firmware starts any software.
security-secure-boot-setup = Off, in setup mode: no platform key is enrolled, so anyone can enrol keys.
security-secure-boot-unsupported = The firmware does not support Secure Boot.
security-secure-boot-not-uefi = The computer was not started with UEFI, so there is no Secure Boot.
security-secure-boot-unreadable = Its state could not be read ({ $reason }).
security-keys = Secure Boot keys
security-keys-own = This computer's own keys: only software signed for this system starts.
security-keys-own-microsoft = This computer's own keys, and Microsoft's certificates are trusted too.
security-keys-vendor = Keys of { $vendor }. Microsoft's certificates are not trusted.
security-keys-vendor-microsoft = Keys of { $vendor }, and Microsoft's certificates are trusted.
security-keys-none = No platform key is enrolled.
security-keys-not-uefi = None: the computer was not started with UEFI.
security-keys-unreadable = The enrolled keys could not be read ({ $reason }).
security-tpm = TPM
security-tpm-2 = TPM 2.0
security-tpm-1 = TPM 1.2 (measured boot needs TPM 2.0)
security-tpm-unknown = A TPM of unknown version
security-tpm-absent = No TPM was found.
security-pcr = Boot measurements
security-pcr-matches = PCR 11 matches the signed prediction: the system started as it was built.
security-pcr-matches-other-key = PCR 11 matches the signed prediction, but the key shipped beside the prediction is not the one that signed it.
security-pcr-differs = PCR 11 does not match the signed prediction: something other than what was built was measured at start.
security-pcr-no-prediction = The running system carries no signed prediction to check PCR 11 against.
security-pcr-prediction-unreadable = The signed prediction could not be read ({ $reason }).
security-pcr-unreadable = PCR 11 could not be read ({ $reason }).
security-pcr-no-tpm = Nothing is measured without a TPM.
security-root = System files
security-root-verified = Verified: every block of the system is checked against the hash in the signed kernel command line (dm-verity).
security-root-other-dm = Not verified: the system is on { $device }, which is not a dm-verity device.
security-root-plain = Not verified: the system is on { $device } without dm-verity.
security-root-not-block = Not verified: the system is in memory ({ $fstype }).
security-root-unknown = Could not be read ({ $reason }).

## The event log.
security-events-heading = Changes
security-events-none = No changes have been recorded.
security-event = { $date }: { $check } changed from { $before } to { $after }
security-event-now = { $date }: { $check } is { $after }
security-events-unreadable = The changes could not be read: { $reason }

## Copy report.
security-copy = Copy report
security-copied = The report is on the clipboard.
security-report-facts = This computer's own facts
security-report-details = Details
security-report-no-fwupd = fwupd: { $reason }
security-copied-without-fwupd = fwupd did not give its part of the report: the report on the clipboard has only this computer's own facts.
security-dismiss = Dismiss

## fwupd missing or failing.
security-fwupd-not-running = The firmware security service is not running
    .body = fwupd is needed for the security level and its checks. This computer's own facts are below. The page updates by itself when fwupd starts.
security-fwupd-unreadable = The firmware security service could not be read
security-error-not-running = fwupd is not running.
security-error-timeout = fwupd did not answer in time.
security-error-not-authorized = fwupd refused to answer.
security-error-other = fwupd failed: { $reason }
