//! The gentle reminder to back up, when the browser may clear its storage.
//!
//! Shown only when the browser refused persistent storage (or was never
//! asked) and no folder is connected (a folder is a backup of its own),
//! after a week of edits without a backup, unless turned off.

use crate::core::document::model::Millis;
use crate::core::storage::store::{KeyValueStore, StoreError};

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

/// When the last backup of the library was downloaded (milliseconds, as text).
pub const LAST_BACKUP_KEY: &str = "parcours.backup.last";
/// Present while the reminder is due (set by the history part, which can
/// ask the browser whether it promised to keep the data): the library
/// fetches the part that shows it only then.
pub const REMIND_HINT_KEY: &str = "parcours.backup.due";
/// Present (`"off"`): the person turned the reminder off.
pub const REMINDERS_OFF_KEY: &str = "parcours.backup.reminder";

/// The last backup's time as stored; anything unreadable counts as none
/// (the reminder then shows sooner, never later).
pub fn last_backup(store: &dyn KeyValueStore) -> Option<Millis> {
    store
        .get(LAST_BACKUP_KEY)
        .ok()
        .flatten()?
        .trim()
        .parse()
        .ok()
}

/// A backup was downloaded at `at`: the reminder is no longer due.
pub fn set_last_backup(store: &dyn KeyValueStore, at: Millis) -> Result<(), StoreError> {
    store.remove(REMIND_HINT_KEY)?;
    store.set(LAST_BACKUP_KEY, &at.to_string())
}

pub fn reminders_off(store: &dyn KeyValueStore) -> bool {
    store.get(REMINDERS_OFF_KEY).ok().flatten().is_some()
}

pub fn turn_reminders_off(store: &dyn KeyValueStore) -> Result<(), StoreError> {
    store.remove(REMIND_HINT_KEY)?;
    store.set(REMINDERS_OFF_KEY, "off")
}

/// Leave the hint for the library when the reminder is due (`due`), take
/// it away when not.
pub fn set_due(store: &dyn KeyValueStore, due: bool) -> Result<(), StoreError> {
    if due {
        store.set(REMIND_HINT_KEY, "1")
    } else {
        store.remove(REMIND_HINT_KEY)
    }
}

/// The first edit no backup holds, from the maps' modification times:
/// the oldest change made after the last backup (a map changed eight days
/// ago and never backed up is a week of risk, however little it changed).
pub fn first_unbacked_edit(
    modified: impl IntoIterator<Item = Millis>,
    last_backup: Option<Millis>,
) -> Option<Millis> {
    modified
        .into_iter()
        .filter(|m| last_backup.is_none_or(|b| *m > b))
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::storage::store::MemoryStore;

    #[test]
    fn the_first_unbacked_edit_is_the_oldest_change_since_the_backup() {
        assert_eq!(first_unbacked_edit([5, 3, 9], None), Some(3));
        assert_eq!(first_unbacked_edit([5, 3, 9], Some(4)), Some(5));
        assert_eq!(first_unbacked_edit([5, 3, 9], Some(9)), None);
        assert_eq!(first_unbacked_edit([], None), None);
    }

    #[test]
    fn the_backup_time_and_the_switch_are_kept() {
        let store = MemoryStore::new();
        assert_eq!(last_backup(&store), None);
        set_last_backup(&store, 1_234).unwrap();
        assert_eq!(last_backup(&store), Some(1_234));
        store.set(LAST_BACKUP_KEY, "garbage").unwrap();
        assert_eq!(last_backup(&store), None);
        assert!(!reminders_off(&store));
        set_due(&store, true).unwrap();
        assert!(store.get(REMIND_HINT_KEY).unwrap().is_some());
        turn_reminders_off(&store).unwrap();
        assert!(reminders_off(&store));
        assert!(
            store.get(REMIND_HINT_KEY).unwrap().is_none(),
            "off: no longer due"
        );
        set_due(&store, true).unwrap();
        set_last_backup(&store, 5).unwrap();
        assert!(
            store.get(REMIND_HINT_KEY).unwrap().is_none(),
            "backed up: no longer due"
        );
    }

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
