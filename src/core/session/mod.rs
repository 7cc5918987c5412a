//! The session of an open map: the document, its copy as last stamped for
//! merging, the undo history, the revision it was read or saved at, and the
//! save state. Every rule of an open map lives here, without the browser:
//!
//! - an edit, undo or redo changes the document and returns the scopes it
//!   touched (what the screen must redraw); the work is then *unsaved*;
//! - a save records the changes for merging (signed by this browser's
//!   replica id), then writes through a [`KeyValueStore`] checked against
//!   the revision: another tab's newer save is never overwritten unless the
//!   user chose so ([`Session::save`] with `force`);
//! - when the stored map changes under the session (another tab), it
//!   follows when nothing is unsaved and reports a conflict when something
//!   is ([`Session::on_external_change`]): nothing acknowledged is lost.
//!
//! The editor wraps it in reactive triggers (`ui::session`); the actions
//! board edits a stored map through it ([`stored_edit`]).

pub mod persona_library;
pub mod stored_edit;
#[cfg(test)]
mod tests;

use crate::core::document::edit::{Edit, EditError, Scope};
use crate::core::document::history::History;
use crate::core::document::model::{JourneyMap, Millis};
use crate::core::formats::envelope::{self, Stored};
use crate::core::storage::library::{self, LoadError, SaveError};
use crate::core::storage::store::{KeyValueStore, StoreError};
use crate::core::sync;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// What is on screen is what is stored.
    Saved,
    /// Edits not written yet (a save is due).
    Unsaved,
    /// The last save failed; the work is still in memory.
    Failed(StoreError),
    /// Another tab saved this map since it was read here: nothing is
    /// written until the user chooses (keep mine, or load theirs).
    Conflict,
}

impl SaveState {
    /// What the status line says.
    pub fn label(&self) -> crate::core::text::i18n::Key {
        use crate::core::text::i18n::Key;
        match self {
            SaveState::Saved => Key::Saved,
            SaveState::Unsaved => Key::Unsaved,
            SaveState::Failed(_) | SaveState::Conflict => Key::SaveFailed,
        }
    }

    /// Its name on the page (`data-state`), for styles and tests.
    pub fn code(&self) -> &'static str {
        match self {
            SaveState::Saved => "saved",
            SaveState::Unsaved => "unsaved",
            SaveState::Failed(_) => "failed",
            SaveState::Conflict => "conflict",
        }
    }
}

/// How the stored copy of the open map changed, from outside the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExternalChange {
    /// Another tab saved it.
    Saved,
    /// Another tab deleted it (or cleared the storage).
    Deleted,
}

/// What the session did about an external change, for the user to be told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExternalOutcome {
    /// Nothing to say (the stored copy could not be read: ours stays open).
    Unrelated,
    /// Nothing was unsaved: the session now shows the stored copy.
    Reloaded,
    /// Edits are unsaved: the stored copy is newer; the user chooses.
    Conflict,
    /// Our copy stays open and is saved again on the next save.
    DeletedElsewhere,
}

#[derive(Clone, Debug)]
pub struct Session {
    map: JourneyMap,
    /// The document as its changes were last recorded for merging
    /// ([`sync::record`]); the next record stamps what differs from it.
    stamped: JourneyMap,
    history: History,
    revision: u64,
    state: SaveState,
}

impl Session {
    /// The session of a map as read from the store.
    pub fn open(stored: Stored) -> Self {
        Session {
            stamped: stored.map.clone(),
            map: stored.map,
            history: History::default(),
            revision: stored.revision,
            state: SaveState::Saved,
        }
    }

    pub fn map(&self) -> &JourneyMap {
        &self.map
    }

    pub fn id(&self) -> &str {
        &self.map.id
    }

    /// The revision of the stored copy this session last read or wrote.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn state(&self) -> &SaveState {
        &self.state
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Unsaved edits, or a save that failed: what a flush must write.
    pub fn has_unsaved_work(&self) -> bool {
        matches!(self.state, SaveState::Unsaved | SaveState::Failed(_))
    }

    /// Apply `edit` as one undoable step (typing coalesced, see
    /// [`History`]); the scopes it touched. A refused edit changes nothing.
    pub fn apply(&mut self, edit: Edit, now: Millis) -> Result<Vec<Scope>, EditError> {
        let touched = self.history.apply(&mut self.map, edit, now)?;
        self.changed(now);
        Ok(touched)
    }

    /// Undo the last step; `None` when there is nothing to undo.
    pub fn undo(&mut self, now: Millis) -> Option<Result<Vec<Scope>, EditError>> {
        let done = self.history.undo(&mut self.map)?;
        if done.is_ok() {
            self.changed(now);
        }
        Some(done)
    }

    /// Redo the last undone step; `None` when there is nothing to redo.
    pub fn redo(&mut self, now: Millis) -> Option<Result<Vec<Scope>, EditError>> {
        let done = self.history.redo(&mut self.map)?;
        if done.is_ok() {
            self.changed(now);
        }
        Some(done)
    }

    fn changed(&mut self, now: Millis) {
        self.map.modified = now;
        // A conflict stays one until the user chooses: an edit made
        // meanwhile is kept in memory, not written over the other tab's.
        if self.state != SaveState::Conflict {
            self.state = SaveState::Unsaved;
        }
    }

    /// Stamp the changes made since the last record with `replica`
    /// (cheap when little changed: collections are compared first).
    pub fn record(&mut self, replica: &str) {
        if sync::record(&self.stamped, &mut self.map, replica) {
            self.stamped = self.map.clone();
        }
    }

    /// The document with its changes recorded (to merge a teammate's copy into).
    pub fn recorded(&mut self, replica: &str) -> &JourneyMap {
        self.record(replica);
        &self.map
    }

    /// Replace the document by the result of a merge, as one undoable step.
    pub fn apply_merge(
        &mut self,
        merged: JourneyMap,
        replica: &str,
        now: Millis,
    ) -> Result<Vec<Scope>, EditError> {
        self.record(replica);
        let touched = self.apply(Edit::ReplaceMap(Box::new(merged)), now)?;
        // The merge's stamps are its own: not changes of this browser.
        self.stamped = self.map.clone();
        Ok(touched)
    }

    /// Write the document, its changes recorded first, checked against the
    /// stored revision; `force` overwrites another tab's newer save (the
    /// user chose so). In a conflict nothing is written unless forced.
    /// Returns the state it leaves.
    pub fn save(
        &mut self,
        store: &dyn KeyValueStore,
        replica: &str,
        force: bool,
        now: Millis,
    ) -> &SaveState {
        if force || self.state != SaveState::Conflict {
            self.record(replica);
            self.state = match library::save_map(store, &self.map, self.revision, force, now) {
                Ok(revision) => {
                    self.revision = revision;
                    SaveState::Saved
                }
                Err(SaveError::Conflict { .. }) => SaveState::Conflict,
                Err(SaveError::Store(e)) => SaveState::Failed(e),
            };
        }
        &self.state
    }

    /// Show the stored copy (the other tab's version): history forgotten,
    /// nothing unsaved. On an error the session is left as it was.
    pub fn reload(&mut self, store: &dyn KeyValueStore) -> Result<(), LoadError> {
        let stored = library::load_map(store, &self.map.id)?;
        *self = Session::open(stored);
        Ok(())
    }

    /// The stored copy changed under the session: follow it when nothing
    /// is unsaved, report a conflict when something is.
    pub fn on_external_change(
        &mut self,
        store: &dyn KeyValueStore,
        change: ExternalChange,
    ) -> ExternalOutcome {
        match (change, &self.state) {
            (ExternalChange::Deleted, _) => ExternalOutcome::DeletedElsewhere,
            (ExternalChange::Saved, SaveState::Saved) => match self.reload(store) {
                Ok(()) => ExternalOutcome::Reloaded,
                Err(_) => ExternalOutcome::Unrelated,
            },
            (ExternalChange::Saved, _) => {
                self.state = SaveState::Conflict;
                ExternalOutcome::Conflict
            }
        }
    }

    /// The map as a file to download: as it is in memory, changes recorded.
    pub fn file_text(&mut self, replica: &str) -> String {
        self.record(replica);
        envelope::to_json_pretty(&self.map, self.revision)
    }
}
