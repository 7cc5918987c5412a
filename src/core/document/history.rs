//! Undo and redo over [`Edit`]s. Typing in one field is one undo step, not
//! one per keystroke: successive edits with the same coalesce key within
//! [`COALESCE_MS`] keep only the first inverse.

use crate::core::document::edit::{Edit, EditError, Scope};
use crate::core::document::model::{JourneyMap, Millis};

pub const COALESCE_MS: Millis = 1500;
pub const DEFAULT_LIMIT: usize = 500;

#[derive(Clone, Debug)]
struct Step {
    inverse: Edit,
    key: Option<String>,
    at: Millis,
}

#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    limit: usize,
}

impl Default for History {
    fn default() -> Self {
        History::new(DEFAULT_LIMIT)
    }
}

impl History {
    pub fn new(limit: usize) -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            limit: limit.max(1),
        }
    }

    /// Apply `edit` to `map` and remember how to undo it.
    pub fn apply(
        &mut self,
        map: &mut JourneyMap,
        edit: Edit,
        now: Millis,
    ) -> Result<Vec<Scope>, EditError> {
        let key = edit.coalesce_key();
        let done = edit.apply(map)?;
        self.redo.clear();
        let merge = matches!(
            (self.undo.last(), &key),
            (Some(last), Some(k)) if last.key.as_ref() == Some(k) && now - last.at <= COALESCE_MS
        );
        if merge {
            if let Some(last) = self.undo.last_mut() {
                last.at = now;
            }
        } else {
            self.undo.push(Step {
                inverse: done.inverse,
                key,
                at: now,
            });
            if self.undo.len() > self.limit {
                self.undo.remove(0);
            }
        }
        Ok(done.touched)
    }

    /// Undo the last step; `None` when there is nothing to undo.
    pub fn undo(&mut self, map: &mut JourneyMap) -> Option<Result<Vec<Scope>, EditError>> {
        let step = self.undo.pop()?;
        Some(step.inverse.apply(map).map(|done| {
            self.redo.push(Step {
                inverse: done.inverse,
                key: None,
                at: step.at,
            });
            done.touched
        }))
    }

    /// Redo the last undone step; `None` when there is nothing to redo.
    pub fn redo(&mut self, map: &mut JourneyMap) -> Option<Result<Vec<Scope>, EditError>> {
        let step = self.redo.pop()?;
        Some(step.inverse.apply(map).map(|done| {
            self.undo.push(Step {
                inverse: done.inverse,
                key: None,
                at: step.at,
            });
            done.touched
        }))
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forget everything (the map was replaced from outside, e.g. by another tab).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::SequentialIds;

    fn map() -> JourneyMap {
        JourneyMap::blank(&mut SequentialIds::new("h"), "T", ["A", "B", "C"], 0)
    }

    #[test]
    fn typing_quickly_in_one_field_is_one_undo_step() {
        let mut m = map();
        let mut h = History::default();
        for (i, title) in ["T1", "T12", "T123"].into_iter().enumerate() {
            h.apply(
                &mut m,
                Edit::SetTitle(title.into()),
                1000 + i as Millis * 200,
            )
            .unwrap();
        }
        assert_eq!(m.title, "T123");
        h.undo(&mut m).unwrap().unwrap();
        assert_eq!(m.title, "T");
        assert!(!h.can_undo());
        h.redo(&mut m).unwrap().unwrap();
        assert_eq!(m.title, "T123");
    }

    #[test]
    fn a_pause_or_another_field_starts_a_new_step() {
        let mut m = map();
        let s = m.stages[0].id.clone();
        let mut h = History::default();
        h.apply(&mut m, Edit::SetTitle("A".into()), 0).unwrap();
        h.apply(&mut m, Edit::SetTitle("AB".into()), 5000).unwrap();
        h.apply(
            &mut m,
            Edit::RenameStage {
                id: s,
                name: "X".into(),
            },
            5100,
        )
        .unwrap();
        h.undo(&mut m).unwrap().unwrap();
        assert_eq!(m.stages[0].name, "A");
        h.undo(&mut m).unwrap().unwrap();
        assert_eq!(m.title, "A");
        h.undo(&mut m).unwrap().unwrap();
        assert_eq!(m.title, "T");
        assert!(h.undo(&mut m).is_none());
    }

    #[test]
    fn a_new_edit_after_undo_drops_the_redo_branch() {
        let mut m = map();
        let mut h = History::default();
        h.apply(&mut m, Edit::SetTitle("A".into()), 0).unwrap();
        h.undo(&mut m).unwrap().unwrap();
        assert!(h.can_redo());
        h.apply(&mut m, Edit::SetTitle("B".into()), 10_000).unwrap();
        assert!(!h.can_redo());
    }

    #[test]
    fn a_failed_edit_is_not_recorded() {
        let mut m = map();
        let mut h = History::default();
        assert!(h.apply(&mut m, Edit::RemoveStage("x".into()), 0).is_err());
        assert!(!h.can_undo());
    }

    #[test]
    fn the_limit_drops_the_oldest_steps() {
        let mut m = map();
        let mut h = History::new(2);
        for i in 0..5 {
            h.apply(&mut m, Edit::SetKind(Default::default()), i * 10_000)
                .unwrap();
        }
        assert!(h.undo(&mut m).is_some());
        assert!(h.undo(&mut m).is_some());
        assert!(h.undo(&mut m).is_none());
    }
}
