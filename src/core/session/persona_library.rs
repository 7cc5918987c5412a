//! The persona library open on its page: what this tab last read or wrote
//! of it (`known`, what each save is checked against) and the personas in
//! conflict with another tab's changes. The same rules as a map's
//! [`Session`](super::Session), for a document saved persona by persona
//! ([`persona_library::save_checked`], a three-way check): another tab's
//! changes of other personas are taken in, the same persona changed in both
//! is a conflict the user settles, and an external change is followed when
//! nothing here is unsaved.

use crate::core::document::model::{Millis, Persona};
use crate::core::storage::persona_library::{self, Saved, WriteError};
use crate::core::storage::store::KeyValueStore;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibrarySession {
    /// `None` when the store could not be read: nothing is saved over it.
    known: Option<Vec<Persona>>,
    /// Personas (id, name) another tab changed while this one changed them
    /// too: nothing is saved until the user chooses.
    conflicts: Vec<(String, String)>,
}

/// What to do when another tab changed the stored library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibraryReaction {
    /// Nothing here is unsaved: show the library as stored.
    Follow,
    /// Something is: save now, which takes in the other tab's changes or
    /// says which personas conflict.
    Save,
    /// The library could not be read here: leave everything as it is.
    Nothing,
}

impl LibrarySession {
    /// The library as read when the page opened (`None`: unreadable store).
    pub fn open(known: Option<Vec<Persona>>) -> Self {
        LibrarySession {
            known,
            conflicts: Vec::new(),
        }
    }

    /// Whether the library could be read when the page opened.
    pub fn is_readable(&self) -> bool {
        self.known.is_some()
    }

    pub fn conflicts(&self) -> &[(String, String)] {
        &self.conflicts
    }

    /// Whether `mine` (what the page shows) differs from what was last read
    /// or written.
    pub fn has_unsaved(&self, mine: &[Persona]) -> bool {
        self.known.as_deref().is_some_and(|known| known != mine)
    }

    /// Save `mine`, checked against what this tab knows; `keep_mine`: the
    /// personas the user chose to keep as they are here. `None`: nothing
    /// may be saved (the store was unreadable). On success the stored
    /// library is what this tab knows from now on.
    pub fn save_keeping(
        &mut self,
        store: &dyn KeyValueStore,
        mine: &[Persona],
        keep_mine: &[String],
        now: Millis,
    ) -> Option<Result<Saved, WriteError>> {
        let known = self.known.as_deref()?;
        let result = persona_library::save_checked(store, known, mine, keep_mine, now);
        match &result {
            Ok(saved) => {
                self.known = Some(saved.personas.clone());
                self.conflicts.clear();
            }
            Err(WriteError::Conflict(personas)) => self.conflicts = personas.clone(),
            Err(_) => {}
        }
        Some(result)
    }

    /// Save after an edit, unless a conflict waits for the user's choice.
    pub fn save(
        &mut self,
        store: &dyn KeyValueStore,
        mine: &[Persona],
        now: Millis,
    ) -> Option<Result<Saved, WriteError>> {
        if self.conflicts.is_empty() {
            self.save_keeping(store, mine, &[], now)
        } else {
            None
        }
    }

    /// The user keeps this tab's version of the personas in conflict.
    pub fn keep_mine(
        &mut self,
        store: &dyn KeyValueStore,
        mine: &[Persona],
        now: Millis,
    ) -> Option<Result<Saved, WriteError>> {
        let ids: Vec<String> = self.conflicts.iter().map(|(id, _)| id.clone()).collect();
        self.save_keeping(store, mine, &ids, now)
    }

    /// The library as stored now is what this tab shows (loaded again):
    /// unsaved changes dropped, conflicts settled. Refused when the store
    /// was unreadable at first (false).
    pub fn follow(&mut self, stored: Vec<Persona>) -> bool {
        if self.known.is_none() {
            return false;
        }
        self.known = Some(stored);
        self.conflicts.clear();
        true
    }

    /// Another tab changed the stored library: what to do.
    pub fn on_external_change(&self, mine: &[Persona]) -> LibraryReaction {
        match &self.known {
            None => LibraryReaction::Nothing,
            Some(known) if known.as_slice() == mine => LibraryReaction::Follow,
            Some(_) => LibraryReaction::Save,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::storage::persona_library::load;
    use crate::core::storage::store::{MemoryStore, StoreError};

    fn persona(id: &str, name: &str) -> Persona {
        Persona {
            id: id.into(),
            name: name.into(),
            ..Persona::default()
        }
    }

    /// Two tabs that opened the same stored library of two personas.
    fn two_tabs() -> (MemoryStore, LibrarySession, LibrarySession, Vec<Persona>) {
        let store = MemoryStore::new();
        let start = vec![persona("a", "Camille"), persona("b", "Gérard")];
        let mut first = LibrarySession::open(Some(Vec::new()));
        first.save(&store, &start, 1).unwrap().unwrap();
        let stored = load(&store, 2).unwrap().personas;
        (
            store,
            LibrarySession::open(Some(stored.clone())),
            LibrarySession::open(Some(stored.clone())),
            stored,
        )
    }

    #[test]
    fn edits_of_different_personas_in_two_tabs_are_combined() {
        let (store, mut one, mut two, start) = two_tabs();
        let mut mine = start.clone();
        mine[0].name = "Camille D.".into();
        one.save(&store, &mine, 3).unwrap().unwrap();
        let mut theirs = start.clone();
        theirs[1].name = "Gérard M.".into();
        assert_eq!(two.on_external_change(&theirs), LibraryReaction::Save);
        let saved = two.save(&store, &theirs, 4).unwrap().unwrap();
        let names: Vec<&str> = saved.personas.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Camille D.", "Gérard M."]);
        assert!(!two.has_unsaved(&saved.personas));
    }

    #[test]
    fn the_same_persona_changed_in_two_tabs_waits_for_the_users_choice() {
        let (store, mut one, mut two, start) = two_tabs();
        let mut mine = start.clone();
        mine[0].name = "Camille D.".into();
        one.save(&store, &mine, 3).unwrap().unwrap();
        let mut theirs = start.clone();
        theirs[0].name = "Camille Durand".into();
        assert!(matches!(
            two.save(&store, &theirs, 4),
            Some(Err(WriteError::Conflict(c))) if c.len() == 1 && c[0].0 == "a"
        ));
        assert_eq!(two.conflicts().len(), 1);
        // Further edits are not saved over the other tab's until the user chooses.
        assert_eq!(two.save(&store, &theirs, 5), None);
        assert_eq!(load(&store, 6).unwrap().personas[0].name, "Camille D.");
        // Keep mine: written, the conflict settled.
        let saved = two.keep_mine(&store, &theirs, 7).unwrap().unwrap();
        assert_eq!(saved.personas[0].name, "Camille Durand");
        assert!(two.conflicts().is_empty());
        // The first tab saved all it had: it follows the second's choice.
        let stored = load(&store, 8).unwrap().personas;
        assert_eq!(one.on_external_change(&mine), LibraryReaction::Follow);
        assert!(one.follow(stored.clone()));
        assert!(!one.has_unsaved(&stored));
    }

    #[test]
    fn an_unreadable_library_is_never_saved_over() {
        let store = MemoryStore::new();
        let mut s = LibrarySession::open(None);
        assert_eq!(s.save(&store, &[persona("a", "A")], 1), None);
        assert_eq!(store.get(persona_library::PERSONAS_KEY).unwrap(), None);
        assert_eq!(s.on_external_change(&[]), LibraryReaction::Nothing);
        assert!(!s.follow(Vec::new()));
    }

    #[test]
    fn a_full_storage_keeps_the_edit_unsaved() {
        let (store, mut one, _, start) = two_tabs();
        let mut mine = start.clone();
        mine[0].name = "Plein".into();
        store.fail_writes(Some(StoreError::QuotaExceeded));
        assert!(matches!(
            one.save(&store, &mine, 3),
            Some(Err(WriteError::Store(StoreError::QuotaExceeded)))
        ));
        assert!(one.has_unsaved(&mine));
        store.fail_writes(None);
        one.save(&store, &mine, 4).unwrap().unwrap();
        assert!(!one.has_unsaved(&mine));
    }
}
