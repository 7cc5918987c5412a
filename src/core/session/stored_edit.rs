//! One edit applied to a map in storage, outside the editor (the actions
//! board changes an action's status in place), with the same rules as the
//! editor's save: the change is recorded for merging (`sync::record`, the
//! replica id signing it) and the save is checked against the revision the
//! caller last read ([`library::save_map`]), so another tab's newer save is
//! never overwritten.

use crate::core::document::edit::{Edit, EditError};
use crate::core::document::model::Millis;
use crate::core::formats::envelope::Stored;
use crate::core::session::{SaveState, Session};
use crate::core::storage::library::{self, LoadError, SaveError};
use crate::core::storage::store::KeyValueStore;

/// Why a stored map was left as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum StoredEditError {
    /// The stored copy cannot be read (missing, unreadable, storage failed).
    Load(LoadError),
    /// Another tab saved the map since the caller read it (its revision now).
    Conflict { stored_revision: u64 },
    /// The edit does not apply to the stored map (the action was removed…).
    Edit(EditError),
    /// The storage refused the write (quota full…).
    Save(SaveError),
}

/// Apply `edit` to the stored map `id`, which the caller read at
/// `known_revision`; record the change as `replica`'s and save it: a
/// [`Session`] opened, edited once and saved. Returns the map as stored
/// now, with its new revision. On any error nothing is written.
pub fn edit_stored_map(
    store: &dyn KeyValueStore,
    id: &str,
    known_revision: u64,
    edit: Edit,
    replica: &str,
    now: Millis,
) -> Result<Stored, StoredEditError> {
    let stored = library::load_map(store, id).map_err(StoredEditError::Load)?;
    if stored.revision != known_revision {
        return Err(StoredEditError::Conflict {
            stored_revision: stored.revision,
        });
    }
    let mut session = Session::open(stored);
    session.apply(edit, now).map_err(StoredEditError::Edit)?;
    match session.save(store, replica, false, now).clone() {
        SaveState::Saved => Ok(Stored {
            revision: session.revision(),
            map: session.map().clone(),
        }),
        SaveState::Failed(e) => Err(StoredEditError::Save(SaveError::Store(e))),
        // Written between our read and our write (another tab, same instant).
        _ => Err(StoredEditError::Conflict {
            stored_revision: library::stored_revision(store, id)
                .ok()
                .flatten()
                .unwrap_or(known_revision),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::{ActionStatus, SequentialIds};
    use crate::core::storage::store::{MemoryStore, StoreError};
    use crate::core::text::i18n::Lang;

    fn stored() -> (MemoryStore, String, u64) {
        let store = MemoryStore::new();
        let map = demo_map(Lang::En, &mut SequentialIds::new("d"), 1_700_000_000_000);
        let id = map.id.clone();
        let revision = library::save_map(&store, &map, 0, false, 1).unwrap();
        (store, id, revision)
    }

    fn to_planned(store: &MemoryStore, id: &str) -> Edit {
        let map = library::load_map(store, id).unwrap().map;
        let idea = map
            .actions
            .iter()
            .find(|a| a.status == ActionStatus::Idea)
            .unwrap()
            .clone();
        Edit::UpdateAction(idea.with_status(ActionStatus::Planned, 5))
    }

    #[test]
    fn an_edit_is_saved_recorded_and_revision_checked() {
        let (store, id, revision) = stored();
        let edit = to_planned(&store, &id);
        let done = edit_stored_map(&store, &id, revision, edit.clone(), "me", 9).unwrap();
        assert!(done.revision > revision);
        assert_eq!(done.map.modified, 9);
        let again = library::load_map(&store, &id).unwrap();
        assert_eq!(again, done);
        // Signed by this replica, for merging.
        assert!(again.map.sync.clock.get("me").is_some_and(|&c| c > 0));
        let planned = again
            .map
            .actions
            .iter()
            .filter(|a| a.status == ActionStatus::Planned)
            .count();
        assert_eq!(planned, 2);
        // The old revision is stale now: refused, nothing written.
        assert_eq!(
            edit_stored_map(&store, &id, revision, edit, "me", 10),
            Err(StoredEditError::Conflict {
                stored_revision: done.revision
            })
        );
        assert_eq!(library::load_map(&store, &id).unwrap(), done);
    }

    #[test]
    fn failures_leave_the_stored_map_as_it_was() {
        let (store, id, revision) = stored();
        let before = library::load_map(&store, &id).unwrap();
        let gone = Edit::RemoveAction("no-such-action".into());
        assert!(matches!(
            edit_stored_map(&store, &id, revision, gone, "me", 9),
            Err(StoredEditError::Edit(_))
        ));
        store.fail_writes(Some(StoreError::QuotaExceeded));
        let edit = to_planned(&store, &id);
        assert_eq!(
            edit_stored_map(&store, &id, revision, edit, "me", 9),
            Err(StoredEditError::Save(SaveError::Store(
                StoreError::QuotaExceeded
            )))
        );
        store.fail_writes(None);
        assert_eq!(library::load_map(&store, &id).unwrap(), before);
        assert!(matches!(
            edit_stored_map(&store, "nope", 0, Edit::RemoveAction("x".into()), "me", 9),
            Err(StoredEditError::Load(LoadError::Missing))
        ));
    }
}
