//! Deleted maps, kept [`TRASH_DAYS`] days before they go for good.

use serde::{Deserialize, Serialize};

use crate::core::document::model::{IdSource, JourneyMap, Millis};
use crate::core::formats::envelope::{self, FormatError};

use super::compaction::DAY_MS;

/// Present while the trash may hold maps (set when one is put in it,
/// removed when it is seen empty): the library fetches the trash's part
/// only then, or when asked, not at every visit.
pub const TRASH_HINT_KEY: &str = "parcours.trash.hint";

/// How long a deleted map stays restorable.
pub const TRASH_DAYS: i64 = 30;

/// A deleted map: the whole map in the export envelope format, so that a
/// restore reads it through the strict reader like any file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrashEntry {
    pub map_id: String,
    pub title: String,
    pub deleted_at: Millis,
    pub map_json: String,
}

impl TrashEntry {
    pub fn of(map: &JourneyMap, now: Millis) -> TrashEntry {
        TrashEntry {
            map_id: map.id.clone(),
            title: map.title.clone(),
            deleted_at: now,
            map_json: envelope::to_json(map, 0),
        }
    }

    /// When it goes for good.
    pub fn expires_at(&self) -> Millis {
        self.deleted_at.saturating_add(TRASH_DAYS * DAY_MS)
    }
}

/// The map ids of the entries older than 30 days at `now`.
pub fn expired(entries: &[TrashEntry], now: Millis) -> Vec<String> {
    entries
        .iter()
        .filter(|e| now >= e.expires_at())
        .map(|e| e.map_id.clone())
        .collect()
}

/// The trash as the library lists it: last deleted first (then by title,
/// then id, for a stable order).
pub fn ordered(entries: &mut [TrashEntry]) {
    entries.sort_by(|a, b| {
        b.deleted_at
            .cmp(&a.deleted_at)
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.map_id.cmp(&b.map_id))
    });
}

/// The map to put back in the library: read strictly; when the library
/// already has a map with its id (restored earlier, or made again since),
/// a copy with a new id — a restore never overwrites a map.
pub fn restored(
    entry: &TrashEntry,
    library_has: impl Fn(&str) -> bool,
    ids: &mut dyn IdSource,
) -> Result<JourneyMap, FormatError> {
    let mut map = envelope::from_json(&entry.map_json)?.map;
    if library_has(&map.id) {
        let mut id = ids.next_id();
        // Random ids do not collide in practice; a test's sequence may.
        while library_has(&id) {
            id = ids.next_id();
        }
        map.id = id;
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::{sample_map, SequentialIds};

    fn entry(id: &str, at: Millis) -> TrashEntry {
        TrashEntry {
            map_id: id.into(),
            title: id.into(),
            deleted_at: at,
            map_json: String::new(),
        }
    }

    #[test]
    fn entries_expire_after_thirty_days_exactly() {
        let e = [entry("a", 0), entry("b", DAY_MS)];
        assert!(expired(&e, 30 * DAY_MS - 1).is_empty());
        assert_eq!(expired(&e, 30 * DAY_MS), ["a"]);
        assert_eq!(expired(&e, 31 * DAY_MS).len(), 2);
    }

    #[test]
    fn the_list_shows_the_last_deleted_first() {
        let mut e = [entry("a", 1), entry("c", 5), entry("b", 5)];
        ordered(&mut e);
        let ids: Vec<&str> = e.iter().map(|e| e.map_id.as_str()).collect();
        assert_eq!(ids, ["b", "c", "a"]);
    }

    #[test]
    fn a_restore_never_overwrites_a_map_of_the_library() {
        let map = sample_map(&mut SequentialIds::new("s"), "Map", 7);
        let e = TrashEntry::of(&map, 100);
        let mut ids = SequentialIds::new("n");
        let back = restored(&e, |_| false, &mut ids).unwrap();
        assert_eq!(back, map);
        let taken = map.id.clone();
        let copy = restored(&e, |id| id == taken || id == "n1", &mut ids).unwrap();
        assert_ne!(copy.id, map.id);
        assert_ne!(copy.id, "n1");
        assert_eq!(copy.stages, map.stages);
        let broken = TrashEntry {
            map_json: "{".into(),
            ..e
        };
        assert!(restored(&broken, |_| false, &mut ids).is_err());
    }
}
