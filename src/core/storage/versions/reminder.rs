//! The gentle reminder to back up, when the browser may clear its storage.
//!
//! Shown only when the browser refused persistent storage (or was never
//! asked) and no folder is connected (a folder is a backup of its own),
//! after a week of edits without a backup, unless turned off.

use crate::core::document::model::Millis;

use super::compaction::DAY_MS;

/// A week of edits without a backup.
pub const REMIND_AFTER_MS: Millis = 7 * DAY_MS;

/// What the reminder rule looks at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BackupState {
    /// `Some(true)`: the browser granted persistent storage; `None`: it has no such API.
    pub persisted: Option<bool>,
    pub folder_connected: bool,
    /// The first edit since the last backup (`None`: nothing unsaved).
    pub first_unbacked_edit: Option<Millis>,
    pub last_backup: Option<Millis>,
    pub reminders_off: bool,
}

/// Whether to show the reminder at `now`.
pub fn backup_reminder(s: &BackupState, now: Millis) -> bool {
    if s.reminders_off || s.folder_connected || s.persisted == Some(true) {
        return false;
    }
    let Some(first) = s.first_unbacked_edit else {
        return false;
    };
    // An edit older than the last backup is covered by it (the caller may
    // not have cleared the first edit time yet).
    if s.last_backup.is_some_and(|b| b >= first) {
        return false;
    }
    now.saturating_sub(first) >= REMIND_AFTER_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week_of_edits() -> BackupState {
        BackupState {
            persisted: Some(false),
            first_unbacked_edit: Some(0),
            ..BackupState::default()
        }
    }

    #[test]
    fn reminds_after_a_week_of_edits_without_backup() {
        let s = week_of_edits();
        assert!(!backup_reminder(&s, REMIND_AFTER_MS - 1));
        assert!(backup_reminder(&s, REMIND_AFTER_MS));
        assert!(backup_reminder(
            &BackupState {
                persisted: None,
                ..s
            },
            REMIND_AFTER_MS
        ));
    }

    #[test]
    fn never_reminds_when_safe_or_turned_off() {
        let s = week_of_edits();
        let t = REMIND_AFTER_MS * 2;
        assert!(!backup_reminder(
            &BackupState {
                persisted: Some(true),
                ..s
            },
            t
        ));
        assert!(!backup_reminder(
            &BackupState {
                folder_connected: true,
                ..s
            },
            t
        ));
        assert!(!backup_reminder(
            &BackupState {
                reminders_off: true,
                ..s
            },
            t
        ));
        assert!(!backup_reminder(
            &BackupState {
                first_unbacked_edit: None,
                ..s
            },
            t
        ));
        assert!(!backup_reminder(
            &BackupState {
                last_backup: Some(5),
                ..s
            },
            t
        ));
        assert!(backup_reminder(
            &BackupState {
                last_backup: Some(-5),
                ..s
            },
            t
        ));
    }
}
